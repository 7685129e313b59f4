"""LinkedIn: the AI-training switch first, then research, advertising data, LinkedIn's
own marketing, sharing with partners and cookies.

Facts from public help pages and public automation code (see
``shared/platforms.md``): the settings pages live under
``/mypreferences/d/settings/``, and each switch is an ``input[role="switch"]`` whose
``aria-labelledby`` names the setting (``allowDataForGenerativeAI`` for AI
training). That id is part of the page's code, so it is the same in every
interface language; the label is translated. Each switch is found by its id first
and by its label, in English and Japanese where on record, when the id changes.
The promotions page holds two switches (marketing ads, marketing emails): each is
found by its own id, never as "the switch on the page". The cookies page's switch
carries its id on itself (``#nonEssentialCookieConsent``) instead of in
``aria-labelledby``.
"""

from __future__ import annotations

from collections.abc import Callable

from automation.model import Confidence, Evidence, Setting, Sourced, Switch, Toggles, evidence
from automation.plugin import Plugin
from automation.walls import CodeForm, LoginForm

ORIGIN = "https://www.linkedin.com"
SETTINGS = "/mypreferences/d/settings/"
SOURCE = "LinkedIn Help; brave/psst-component task lists"
#: Brave's public automation code: each task names a settings page and its switch.
PSST = "brave/psst-component src/linkedin/user.ts"

#: The names of the settings pages, as LinkedIn's help names them; the page itself
#: is not on record in those words.
PAGE_NAME: Sourced = (Confidence.LIKELY, "LinkedIn Help (the settings' names)")


def _recorded(task: int, own_id: str, label: Sourced = PAGE_NAME) -> tuple[Evidence, ...]:
    """The evidence of a switch whose page and id public automation code records."""
    return evidence(
        page=(Confidence.CONFIRMED, f"{PSST}, task {task}"),
        control=(
            Confidence.CONFIRMED,
            f'{PSST}, task {task}: input[role="switch"][aria-labelledby="{own_id}"]',
        ),
        label=label,
    )


def _steps(page_name: str, switch: str, section: str = "Data privacy") -> tuple[str, ...]:
    return (
        "Sign in to LinkedIn.",
        'Click your profile picture ("Me") in the header, then "Settings & Privacy".',
        f'Choose "{section}" in the left menu.',
        f'Open "{page_name}".',
        f"Switch {switch} off.",
    )


def _at_address(switch: str) -> Callable[[Setting], tuple[str, ...]]:
    """Steps for a page whose place in LinkedIn's settings menu is not on record: its
    address is, so a person opens it directly."""

    def steps(setting: Setting) -> tuple[str, ...]:
        assert setting.switch is not None
        return (
            "Sign in to LinkedIn.",
            f'Open {ORIGIN}{setting.switch.path} (a page of "Settings & Privacy").',
            f"Switch {switch} off.",
        )

    return steps


#: The page that holds both LinkedIn-promotions switches (PSST tasks 3 and 4).
PROMOTIONS = SETTINGS + "linkedin-promotions"

#: The advertising-data pages: one switch each, named by its own id, on a page named
#: like the setting.
ADS = Toggles(
    source=SOURCE,
    manual_steps=lambda s: _steps(s.label, "the setting", section="Advertising data"),
)

#: The AI-training switch's label: English, then the Japanese interface's wording as
#: reported in the Japanese press (likely, not confirmed on the page itself).
AI_TRAINING_LABELS = (
    "Use my data for training content creation AI models",
    "コンテンツ作成AIモデルのトレーニングにデータを使用する",
    "コンテンツ作成AIモデルのトレーニングに自分のデータを使用する",
)

_AI_TRAINING = Setting(
    key="ai_training",
    label="Data for Generative AI Improvement",
    description=(
        "Lets LinkedIn and its affiliates use your profile, posts and other content "
        "to train AI models that generate content. It is on by default. Turning it off "
        "stops future use; it does not remove data already used for training."
    ),
    manual_steps=(
        "Sign in to LinkedIn.",
        'Click your profile picture ("Me") in the header, then "Settings & Privacy".',
        'Choose "Data privacy" in the left menu.',
        'Under "How LinkedIn uses your data", choose "Data for Generative AI Improvement".',
        'Switch "Use my data for training content creation AI models" off.',
    ),
    notes=(
        "Offered outside the EU/EEA, UK and Switzerland since 2024, and there too since "
        "3 November 2025. Some reports say it is not offered in Canada, Hong Kong or "
        "mainland China."
    ),
    source=SOURCE,
    switch=Switch(
        path=SETTINGS + "data-for-ai-improvement",
        ids=("allowDataForGenerativeAI",),
        names=AI_TRAINING_LABELS,
    ),
    evidence=_recorded(
        1,
        "allowDataForGenerativeAI",
        (
            Confidence.LIKELY,
            "LinkedIn Help (the English wording); Japanese press reports (the Japanese "
            "wordings, not seen on the page)",
        ),
    ),
)


class LinkedIn(Plugin):
    """LinkedIn's data-privacy and advertising-data settings."""

    name = "linkedin"
    title = "LinkedIn"
    default_origin = ORIGIN
    # LinkedIn's scripts and styles come from static.licdn.com.
    asset_hosts = ("licdn.com",)
    order = 0
    login_paths = ("/login", "/uas/login", "/authwall", "/signup")
    checkpoint_paths = ("/checkpoint/", "/challenge/")
    # LinkedIn's session cookie, held only by a signed-in browser.
    session_cookies = ("li_at",)
    login_form = LoginForm(
        path="/login",
        username="#username",
        password="#password",
        submit='button[type="submit"]',
    )
    # The emailed-PIN step of a sign-in check: public automation code records its
    # field as input[name="pin"] (id input__email_verification_pin).
    code_form = CodeForm(
        field='input[name="pin"]',
        submit='form:has(input[name="pin"]) button[type="submit"]',
    )
    settings = (
        _AI_TRAINING,
        Setting(
            key="research",
            label="Social, economic and workplace research",
            description=(
                "Lets LinkedIn share your data with trusted partners for social, "
                "economic and workplace research. On by default."
            ),
            manual_steps=_steps("Social, economic and workplace research", "the setting"),
            source=SOURCE,
            switch=Switch(
                SETTINGS + "policy-and-academic-research", ids=("allowAnonymizedDataResearch",)
            ),
            evidence=_recorded(2, "allowAnonymizedDataResearch"),
        ),
        ADS(
            "ads_beyond_linkedin",
            "Ads beyond LinkedIn",
            "Shows you ads on other apps and websites (LinkedIn's audience network), "
            "using your LinkedIn data. On by default.",
            Switch(SETTINGS + "ads-beyond-linkedin", ids=("allowLinkedInAudienceNetwork",)),
            evidence=_recorded(8, "allowLinkedInAudienceNetwork"),
        ),
        ADS(
            "ads_third_party_data",
            "Interactions with businesses",
            "Uses data that advertisers and other businesses share with LinkedIn about "
            "you (visits, sign-ups, purchases) to choose your ads. On by default.",
            Switch(SETTINGS + "ads-interactions-with-business", ids=("allowUseOfThirdPartyData",)),
            evidence=_recorded(9, "allowUseOfThirdPartyData"),
        ),
        ADS(
            "ads_conversion_tracking",
            "Ad-related actions",
            "Lets LinkedIn tell advertisers when you act on their ads elsewhere "
            "(conversion tracking). On by default.",
            Switch(SETTINGS + "ads-related-actions", ids=("allowConversionTrackings",)),
            evidence=_recorded(10, "allowConversionTrackings"),
        ),
        ADS(
            "ads_inferred_location",
            "Inferred city location",
            "Uses the city LinkedIn infers from your IP address to target ads. On by default.",
            Switch(SETTINGS + "ads-inferred-location", ids=("allowIpToPersonalizeAds",)),
            evidence=_recorded(12, "allowIpToPersonalizeAds"),
        ),
        ADS(
            "ads_age",
            "Age",
            "Uses your age range, as LinkedIn infers it, to choose your ads. On by default.",
            Switch(SETTINGS + "ads-by-age", ids=("allowAdsByAge",)),
            evidence=_recorded(6, "allowAdsByAge"),
        ),
        ADS(
            "ads_gender",
            "Gender",
            "Uses your gender, as LinkedIn infers it, to choose your ads. On by default.",
            Switch(SETTINGS + "ads-by-gender", ids=("allowAdsByGender",)),
            evidence=_recorded(7, "allowAdsByGender"),
        ),
        ADS(
            "ads_interests",
            "Interests and traits",
            "Uses the interests and traits LinkedIn infers from your activity to "
            "choose your ads. On by default.",
            Switch(
                "/mypreferences/d/interest-categories",
                ids=("adsPrivacyAllowInterestsAndBehaviors",),
            ),
            evidence=_recorded(13, "adsPrivacyAllowInterestsAndBehaviors"),
        ),
        ADS(
            "marketing_ads",
            "Your data in LinkedIn's own marketing ads",
            "Lets LinkedIn use your profile and activity to choose the ads it runs for "
            "itself (for LinkedIn and its products) on other websites and apps. On by "
            "default. Turning it off stops that use from now on; it does not undo ads "
            "already shown. The marketing emails on the same page are a separate switch.",
            Switch(
                PROMOTIONS,
                ids=("allowProfileAndActivityDataForMarketingAds",),
            ),
            manual_steps=_at_address("the use of your profile and activity data for ads"),
            evidence=_recorded(
                3,
                "allowProfileAndActivityDataForMarketingAds",
                (Confidence.LIKELY, f'{PSST}, task 3 ("Disable marketing promotions")'),
            ),
            notes="On by default. It shares the promotions page with the marketing-emails switch.",
        ),
        ADS(
            "marketing_emails",
            "LinkedIn's marketing emails",
            "Lets LinkedIn email you its own marketing: tips for using LinkedIn and "
            "offers for its products. On by default. Turning it off stops these emails "
            "only: LinkedIn's other emails (about your account, messages, notifications) "
            "are set elsewhere.",
            Switch(PROMOTIONS, ids=("tipsForUsingLinkedinViaEmail",)),
            manual_steps=_at_address("the marketing emails"),
            evidence=_recorded(
                4,
                "tipsForUsingLinkedinViaEmail",
                (Confidence.LIKELY, f'{PSST}, task 4 ("Disable marketing emails")'),
            ),
            notes="On by default. It shares the promotions page with the marketing-ads switch.",
        ),
        ADS(
            "share_with_partners",
            "Data sharing with affiliates and select partners",
            "Lets LinkedIn share data about you (your profile, your activity, how you "
            "engage with ads) with its affiliates, the Microsoft companies, and with "
            "select partners, who use it to personalise the ads they show you. On by "
            "default. Turning it off stops further sharing; it does not take back what "
            "was already shared.",
            Switch(
                SETTINGS + "share-data-with-select-partners",
                ids=("shareDataWithTrustedPartners",),
            ),
            manual_steps=_at_address("the data sharing with affiliates and partners"),
            evidence=_recorded(
                5,
                "shareDataWithTrustedPartners",
                (
                    Confidence.LIKELY,
                    f'{PSST}, task 5 ("Disable data sharing with affiliates and partners")',
                ),
            ),
        ),
        Setting(
            key="non_essential_cookies",
            label="Non-essential cookies",
            description=(
                "Lets LinkedIn and its partners use non-essential cookies (for advertising "
                "and analytics) when you use LinkedIn. On by default. Turning it off leaves "
                "only the cookies LinkedIn needs to work, from now on; cookies already in "
                "your browser stay until they expire or you clear them."
            ),
            manual_steps=(
                "Sign in to LinkedIn.",
                f'Open {ORIGIN}/mypreferences/d/member-cookies (a page of "Settings & Privacy").',
                "Switch the non-essential cookies off.",
            ),
            notes=(
                "One user report says public automation code failed to switch it once; a "
                "page that lacks the switch reads unknown."
            ),
            source=SOURCE,
            # The switch carries its own id, not an aria-labelledby one (PSST task 11).
            switch=Switch(
                "/mypreferences/d/member-cookies",
                ids=("nonEssentialCookieConsent",),
            ),
            evidence=evidence(
                page=(Confidence.CONFIRMED, f"{PSST}, task 11"),
                control=(
                    Confidence.LIKELY,
                    f'{PSST}, task 11: input[role="switch"]#nonEssentialCookieConsent; '
                    "a user report says the task failed once",
                ),
                label=(
                    Confidence.LIKELY,
                    f'{PSST}, task 11 ("Disable all non-essential cookies")',
                ),
            ),
        ),
        Setting(
            key="profile_visibility_partners",
            label="Profile visibility off LinkedIn",
            description=(
                "Lets partners and other services show your profile information outside "
                "LinkedIn. On by default."
            ),
            manual_steps=_steps("Profile visibility off LinkedIn", "the setting", "Visibility"),
            notes="The label and markup of this page are not on public record.",
            source=SOURCE,
            # A guess: the page is thought to carry a switch like its siblings, so it
            # is found by role and the label variants people report.
            switch=Switch(
                SETTINGS + "profile-visibility-for-partners",
                names=(
                    "Profile visibility off LinkedIn",
                    "Allow your profile to be shown to partners",
                ),
            ),
            evidence=evidence(
                page=(Confidence.LIKELY, "one public report (unverified)"),
                control=(
                    Confidence.GUESS,
                    "inferred: a switch like those of the pages beside it; its markup is "
                    "not on record",
                ),
                label=(
                    Confidence.GUESS,
                    "inferred: the wordings people report; the page's own is not on record",
                ),
            ),
        ),
    )


#: The setting as the plugin holds it (its platform and address filled in).
AI_TRAINING = LinkedIn.setting("ai_training")
