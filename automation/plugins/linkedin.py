"""LinkedIn: the AI-training switch first, then research, advertising data, LinkedIn's
own promotions, sharing with partners, cookies and profile visibility off LinkedIn.

Every fact names a public address (see :data:`PSST`, :data:`CRAWL` and LinkedIn's
help pages). The settings pages live under ``/mypreferences/d/settings/``; brave's
automation records each switch as an ``input[role="switch"]`` whose
``aria-labelledby`` names the setting (``allowDataForGenerativeAI`` for AI
training). That id is part of the page's code, so it is the same in every
interface language; the label is translated. A crawl of a signed-in account's
settings pages records each switch's words as the page shows them; each switch is
found by its id first and by those words (current first, then a former wording
the page itself names) when the id changes. Where no id is on record (profile
visibility off LinkedIn, the combined demographics page, the other advertising-data
pages and the Microsoft Word page), the words alone find it.
The promotions and demographics pages hold two switches each: each is found by
its own id or words, never as "the switch on the page". The cookies page's switch
carries its id on itself (``#nonEssentialCookieConsent``) instead of in
``aria-labelledby``. Three advertising-data pages hold checkboxes instead of a
switch, one per kind of profile data (schools, degrees, past jobs...): each box is
a setting of its own, found by its own words.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from automation.domain.settings import (
    Confidence,
    Evidence,
    Setting,
    Sourced,
    Switch,
    Toggles,
    evidence,
)
from automation.page.walls import CodeForm, LoginForm
from automation.plugin import Plugin

ORIGIN = "https://www.linkedin.com"
SETTINGS = "/mypreferences/d/settings/"

#: Brave's public automation code, as of the commit that last changed it: each task
#: names a settings page and its switch.
PSST = "brave/psst-component@41cbf8fa535766e994219d326919a5de951d8f10:src/linkedin/user.ts"
#: The line of each PSST task (its ``uid``) in that file.
TASK_LINES = {
    1: 100,
    2: 114,
    3: 129,
    4: 143,
    5: 157,
    6: 171,
    7: 183,
    8: 197,
    9: 211,
    10: 226,
    11: 240,
    12: 252,
    13: 267,
}
#: A public crawl of a signed-in account's settings pages: each entry holds a
#: switch's words as the page shows them, the page's address and the screenshot it
#: was read from (whose file name starts with the menu entry that leads there).
CRAWL = (
    "sebastianferragut/DSC180A_PrivacyProject@2107142320bc39bcd9c253e6c4c0056d1546dc26:"
    "database/data/extracted_settings_with_urls_and_layers_classified.json"
)
#: LinkedIn Help: "Manage your account and privacy settings" (the Me menu, Settings &
#: Privacy, its six sections).
HELP_SETTINGS = "https://www.linkedin.com/help/linkedin/answer/66"
#: LinkedIn Help on the generative-AI setting (on by default, not retroactive).
HELP_AI = "https://www.linkedin.com/help/linkedin/answer/a6278444"
#: LinkedIn Help: "Understanding ad technology" (names "Ads off LinkedIn").
HELP_ADS = "https://www.linkedin.com/help/linkedin/answer/a7153780"

SOURCE = f"{HELP_SETTINGS}; {PSST}; {CRAWL}"


def psst(task: int) -> str:
    """The address of PSST's task ``task``."""
    return f"{PSST}:{TASK_LINES[task]} (task {task})"


def crawl(line: int, what: str) -> str:
    """The address of one entry of the crawl, and what it shows."""
    return f"{CRAWL}:{line} ({what})"


def _recorded(
    task: int, own_id: str, page: str, label: Sourced, *more_pages: str
) -> tuple[Evidence, ...]:
    """The evidence of a switch whose page and id PSST records and whose words the
    crawl shows on its page."""
    return evidence(
        page=(Confidence.CONFIRMED, "; ".join((psst(task), page, *more_pages))),
        control=(
            Confidence.CONFIRMED,
            f'{psst(task)}: input[role="switch"][aria-labelledby="{own_id}"]',
        ),
        label=label,
    )


def _steps(section: str, menu: str, switch: str, *, box: bool = False) -> tuple[str, ...]:
    """What a person clicks: the section of Settings & Privacy, the menu entry, the
    switch (or, with ``box``, the checkbox)."""
    return (
        "Sign in to LinkedIn.",
        'Click your profile picture ("Me") in the header, then "Settings & Privacy".',
        f'Choose "{section}" in the left menu.',
        f'Open "{menu}".',
        f'Uncheck "{switch}".' if box else f'Switch "{switch}" off.',
    )


def _seen(line: int, shot: str, words: str, kind: str = "switch") -> tuple[Evidence, ...]:
    """The evidence of a control the crawl read off its signed-in page, with its words
    and its state, where no id of it is on record: it is found by those words."""
    where = f'its screenshot "{shot}" under gemini-team/picasso/LinkedIn/'
    return evidence(
        page=(Confidence.CONFIRMED, f"{crawl(line, 'the page, signed in')}; {where}"),
        control=(
            Confidence.LIKELY,
            f"{crawl(line, f'a {kind} read with its state on this page')}; {where} shows "
            f"the {kind} beside its words. No id or markup of it is on record: it is "
            "found by its words",
        ),
        label=(Confidence.CONFIRMED, crawl(line, f'"{words}"')),
    )


#: The promotions page holds two switches (PSST tasks 3 and 4).
PROMOTIONS = SETTINGS + "linkedin-promotions"
#: One page that holds both the age and the gender switch, beside their own pages.
DEMOGRAPHICS = SETTINGS + "ads-demographics"

#: The advertising-data pages: one switch each, on a page named like the setting.
ADS = Toggles(source=SOURCE)
#: The advertising-data pages that hold one checkbox per kind of profile data.
EDUCATION = SETTINGS + "ads-education"
EMPLOYER = SETTINGS + "ads-employer"
JOB_INFORMATION = SETTINGS + "ads-job-information"
#: The note every advertising-data page of this kind carries.
ADS_NOTE = (
    'Where "Ads off LinkedIn" is on, it applies to ads off LinkedIn too. Turned off, '
    "ads may be less tailored, not fewer; a change can take up to 72 hours."
)


def _ad_switch(
    key: str,
    label: str,
    what: str,
    slug: str,
    words: str,
    line: int,
    shot: str,
) -> Setting:
    """An advertising-data page with one switch, no id of which is on record."""
    return ADS(
        key,
        label,
        f"Uses {what} to choose the ads LinkedIn shows you.",
        Switch(SETTINGS + slug, names=(words,)),
        manual_steps=_steps("Advertising data", label, words),
        notes=ADS_NOTE,
        evidence=_seen(line, shot, words),
    )


def _ad_box(
    key: str,
    page: str,
    menu: str,
    words: str,
    what: str,
    line: int,
    shot: str,
) -> Setting:
    """One checkbox of an advertising-data page that holds several, each a setting."""
    return ADS(
        key,
        f"{menu}: {words}",
        f"Uses {what} from your profile to choose the ads LinkedIn shows you. "
        f'One of the boxes on the "{menu}" page; the others are settings of '
        "their own.",
        Switch(page, names=(words,), role="checkbox"),
        manual_steps=_steps("Advertising data", menu, words, box=True),
        notes=ADS_NOTE,
        evidence=_seen(line, shot, words, "checkbox"),
    )


#: The screenshots of the checkbox pages (menu entry, the boxes as the menu sums them up).
EDUCATION_SHOT = "Education and skills__Schools & 4 more_..._ads-education.png"
EMPLOYER_SHOT = "Employer__Current company & 1 more_..._ads-employer.png"
JOB_SHOT = "Job information__Current job & 1 more_..._ads-job-information.png"

#: The advertising-data settings whose pages the crawl holds and no automation records.
MORE_ADS = (
    _ad_switch(
        "ads_profile_location",
        "Profile location",
        "the postal code and city you enter in your profile",
        "ads-location",
        "Use postal code and city you enter in your profile",
        5554,
        "Profile location__On_..._ads-location.png",
    ),
    _ad_switch(
        "ads_connections",
        "Connections",
        "information from your 1st-degree connections",
        "ads-connections",
        "Use connections data",
        4159,
        "Connections__On_..._ads-connections.png",
    ),
    _ad_switch(
        "ads_companies_followed",
        "Companies you follow",
        "the list of companies you follow",
        "ads-companies-followed",
        "Use followed companies data",
        5401,
        "Companies you follow__On_..._ads-companies-followed.png",
    ),
    _ad_switch(
        "ads_groups",
        "Groups",
        "the groups you joined",
        "ads-based-on-groups",
        "Use groups data",
        3844,
        "Groups__On_..._ads-based-on-groups.png",
    ),
    ADS(
        "ads_customized_display",
        "Customized display format",
        "Lets LinkedIn show you ads laid out with your profile information (your photo, "
        "name and company). Only you see such ads. A change can take up to 72 hours.",
        Switch(
            SETTINGS + "ads-personalization", names=("Use profile data for customized display",)
        ),
        manual_steps=_steps(
            "Advertising data",
            "Customized display format",
            "Use profile data for customized display",
        ),
        evidence=_seen(
            3655,
            "Customized display format__On_..._ads-personalization.png",
            "Use profile data for customized display",
        ),
    ),
    _ad_box(
        "ads_schools",
        EDUCATION,
        "Education and skills",
        "Schools",
        "the schools",
        3709,
        EDUCATION_SHOT,
    ),
    _ad_box(
        "ads_fields_of_study",
        EDUCATION,
        "Education and skills",
        "Field of study",
        "your fields of study",
        3718,
        EDUCATION_SHOT,
    ),
    _ad_box(
        "ads_degrees",
        EDUCATION,
        "Education and skills",
        "Degrees",
        "your degrees",
        3727,
        EDUCATION_SHOT,
    ),
    _ad_box(
        "ads_skills",
        EDUCATION,
        "Education and skills",
        "Skills",
        "the skills",
        3736,
        EDUCATION_SHOT,
    ),
    _ad_box(
        "ads_graduation_year",
        EDUCATION,
        "Education and skills",
        "Last graduation year",
        "your last graduation year",
        3745,
        EDUCATION_SHOT,
    ),
    _ad_box(
        "ads_current_company",
        EMPLOYER,
        "Employer",
        "Current company",
        "your current company",
        3808,
        EMPLOYER_SHOT,
    ),
    _ad_box(
        "ads_past_companies",
        EMPLOYER,
        "Employer",
        "Past companies",
        "your past companies",
        3817,
        EMPLOYER_SHOT,
    ),
    _ad_box(
        "ads_current_job",
        JOB_INFORMATION,
        "Job information",
        "Current job",
        "your current job",
        4870,
        JOB_SHOT,
    ),
    _ad_box(
        "ads_past_jobs",
        JOB_INFORMATION,
        "Job information",
        "Past jobs",
        "your past jobs",
        4879,
        JOB_SHOT,
    ),
)

#: The Microsoft Word page's switch (Data privacy, "Microsoft Word").
WORD_SWITCH = "Show work experience in Word"
WORK_EXPERIENCE_IN_WORD = Setting(
    key="work_experience_in_word",
    label="Show work experience in Word",
    description=(
        "Lets Microsoft Word show the work experience descriptions from your profile in "
        "Resume Assistant, which offers them as content suggestions to people writing "
        "résumés."
    ),
    manual_steps=_steps("Data privacy", "Microsoft Word", WORD_SWITCH),
    source=SOURCE,
    switch=Switch(SETTINGS + "use-linkedin-data-in-microsoft-word", names=(WORD_SWITCH,)),
    evidence=_seen(
        3664,
        "Microsoft Word__On_..._use-linkedin-data-in-microsoft-word.png",
        WORD_SWITCH,
    ),
)

#: The AI-training switch's label: as the page shows it in English, then the Japanese
#: interface's wording as a report gives it.
AI_TRAINING_LABELS = (
    "Use my data for training content creation AI models",
    "コンテンツ作成AIモデルのトレーニングにデータを使用する",
)
#: A report that gives the Japanese wording (a translated PCWorld article).
JAPANESE_REPORT = (
    "https://otpoo.com/apps/xhs/linkedinhaanatanodeetawoshiyoushiteaimoderuwotoree.html"
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
    source=f"{HELP_AI}; {SOURCE}",
    switch=Switch(
        path=SETTINGS + "data-for-ai-improvement",
        ids=("allowDataForGenerativeAI",),
        names=AI_TRAINING_LABELS,
    ),
    evidence=(
        *_recorded(
            1,
            "allowDataForGenerativeAI",
            crawl(4762, "the page, signed in"),
            (
                Confidence.CONFIRMED,
                crawl(4762, '"Use my data for training content creation AI models"'),
            ),
            HELP_AI,
        ),
        Evidence(
            "label",
            Confidence.LIKELY,
            f"{JAPANESE_REPORT} (the Japanese wording, in a translated report)",
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
    account_source = (
        "https://www.linkedin.com/legal/l/cookie-table (li_at: used to authenticate "
        "members); joeyism/linkedin_scraper@3ede96ef27e69f29ab6fd9e976f32ef574b62dc2:"
        "linkedin_scraper/core/auth.py:204 (signs in by setting li_at)"
    )
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
    settings: ClassVar[tuple[Setting, ...]] = (
        _AI_TRAINING,
        Setting(
            key="research",
            label="Social, economic and workplace research",
            description=(
                "Lets trusted third-party partners use data about you for social, "
                "economic and workplace research. On by default. A change applies to "
                "future research only."
            ),
            manual_steps=_steps(
                "Data privacy", "Social, economic, and workplace research", "Use data for research"
            ),
            source=SOURCE,
            switch=Switch(
                SETTINGS + "policy-and-academic-research",
                ids=("allowAnonymizedDataResearch",),
                names=("Use data for research",),
            ),
            evidence=_recorded(
                2,
                "allowAnonymizedDataResearch",
                crawl(3988, "the page, signed in"),
                (Confidence.CONFIRMED, crawl(3988, '"Use data for research"')),
            ),
        ),
        ADS(
            "ads_beyond_linkedin",
            "Ads off LinkedIn",
            "Lets LinkedIn use your data to show you personalised ads on other websites "
            "and apps, on every device. On by default. LinkedIn says a change can take "
            "up to 72 hours.",
            Switch(
                SETTINGS + "ads-beyond-linkedin",
                ids=("allowLinkedInAudienceNetwork",),
                names=("Ads off LinkedIn", "Ads Beyond LinkedIn", "Ads Outside of LinkedIn"),
            ),
            manual_steps=_steps("Advertising data", "Ads off LinkedIn", "Ads off LinkedIn"),
            notes='Formerly called "Ads outside of LinkedIn" and "Ads beyond LinkedIn".',
            evidence=_recorded(
                8,
                "allowLinkedInAudienceNetwork",
                crawl(3007, "the page, signed in"),
                (
                    Confidence.CONFIRMED,
                    crawl(
                        3007,
                        '"Ads off LinkedIn"; the page says it was formerly called "Ads '
                        'Outside of LinkedIn" and "Ads Beyond LinkedIn"',
                    ),
                ),
                HELP_ADS,
            ),
        ),
        ADS(
            "ads_third_party_data",
            "Data from others for ads",
            "Lets LinkedIn use data it gets from others about you (your engagement with "
            "other services, what you gave its advertisers) to personalise your ads. On "
            "by default.",
            Switch(
                SETTINGS + "ads-interactions-with-business",
                ids=("allowUseOfThirdPartyData",),
                names=("Use data from others", "Interaction with businesses"),
            ),
            manual_steps=_steps(
                "Advertising data", "Data from others for ads", "Use data from others"
            ),
            notes='Formerly called "Interaction with businesses".',
            evidence=_recorded(
                9,
                "allowUseOfThirdPartyData",
                crawl(4213, "the page, signed in; its screenshot is named after the menu"),
                (
                    Confidence.CONFIRMED,
                    crawl(
                        4213,
                        'menu "Data from others for ads", switch "Use data from others"; '
                        'the page says it was formerly called "Interaction with businesses"',
                    ),
                ),
            ),
        ),
        ADS(
            "ads_conversion_tracking",
            "Measure ad success",
            "Lets LinkedIn use what you did in response to ads in the aggregate reports "
            "it gives advertisers on how their ads performed (conversion tracking). On "
            "by default.",
            Switch(
                SETTINGS + "ads-related-actions",
                ids=("allowConversionTrackings",),
                names=("Use your data for evaluating ad success", "Ad-related actions"),
            ),
            manual_steps=_steps(
                "Advertising data", "Measure ad success", "Use your data for evaluating ad success"
            ),
            notes='Formerly called "Ad-related actions".',
            evidence=_recorded(
                10,
                "allowConversionTrackings",
                crawl(3574, "the page, signed in; its screenshot is named after the menu"),
                (
                    Confidence.CONFIRMED,
                    crawl(
                        3574,
                        'menu "Measure ad success", switch "Use your data for evaluating '
                        'ad success"; the page says it was formerly called "Ad-related '
                        'actions"',
                    ),
                ),
            ),
        ),
        ADS(
            "ads_inferred_location",
            "Inferred city location",
            "Uses the city LinkedIn infers from your IP address to personalise ads. On by default.",
            Switch(
                SETTINGS + "ads-inferred-location",
                ids=("allowIpToPersonalizeAds",),
                names=("Use Inferred city location",),
            ),
            manual_steps=_steps(
                "Advertising data", "Inferred city location", "Use Inferred city location"
            ),
            evidence=_recorded(
                12,
                "allowIpToPersonalizeAds",
                crawl(4393, "the page, signed in"),
                (Confidence.CONFIRMED, crawl(4393, '"Use Inferred city location"')),
            ),
        ),
        ADS(
            "ads_age",
            "Age range",
            "Uses your age range, from your profile or as LinkedIn infers it, to choose "
            "your ads. On by default.",
            # Some accounts are shown one page for age and gender together; each
            # switch there is found by its own words (no id is on record for it).
            Switch(
                SETTINGS + "ads-by-age",
                ids=("allowAdsByAge",),
                names=("Use your age range for ads", "Use your age for ads"),
                fallbacks=(DEMOGRAPHICS,),
            ),
            manual_steps=_steps("Advertising data", "Age range", "Use your age range for ads"),
            notes=(
                'Some accounts see it on a "Demographics" page with the gender switch, '
                'worded "Use your age for ads".'
            ),
            evidence=_recorded(
                6,
                "allowAdsByAge",
                crawl(3016, "the Age range page, signed in"),
                (
                    Confidence.CONFIRMED,
                    crawl(3016, 'menu "Age range", switch "Use your age range for ads"')
                    + "; "
                    + crawl(2818, 'the combined page: "Use your age for ads"'),
                ),
                crawl(2818, f"the combined page {DEMOGRAPHICS}, signed in"),
            ),
        ),
        ADS(
            "ads_gender",
            "Gender",
            "Uses your gender, from your profile or as LinkedIn infers it, to choose "
            "your ads. On by default.",
            Switch(
                SETTINGS + "ads-by-gender",
                ids=("allowAdsByGender",),
                names=("Use your gender for ads",),
                fallbacks=(DEMOGRAPHICS,),
            ),
            manual_steps=_steps("Advertising data", "Gender", "Use your gender for ads"),
            notes='Some accounts see it on a "Demographics" page with the age switch.',
            evidence=_recorded(
                7,
                "allowAdsByGender",
                crawl(2917, "the Gender page, signed in"),
                (
                    Confidence.CONFIRMED,
                    crawl(2917, '"Use your gender for ads"')
                    + "; "
                    + crawl(2827, "the same words on the combined page"),
                ),
                crawl(2827, f"the combined page {DEMOGRAPHICS}, signed in"),
            ),
        ),
        ADS(
            "ads_interests",
            "Interests and traits",
            "Uses the interests and traits LinkedIn derives from your profile and "
            "activity to choose your ads. On by default.",
            Switch(
                "/mypreferences/d/interest-categories",
                ids=("adsPrivacyAllowInterestsAndBehaviors",),
                names=("Interests and traits",),
            ),
            manual_steps=_steps("Advertising data", "Interests and traits", "Interests and traits"),
            evidence=_recorded(
                13,
                "adsPrivacyAllowInterestsAndBehaviors",
                crawl(3898, "the page, signed in"),
                (Confidence.CONFIRMED, crawl(3898, '"Interests and traits"')),
            ),
        ),
        ADS(
            "marketing_ads",
            "Personalized promotions of LinkedIn products",
            "Lets LinkedIn use your activity and profile to personalise how it promotes "
            "its own products to you, on and off LinkedIn. On by default. Turned off, "
            "you may still see its promotions, not personalised. The promotional emails "
            "on the same page are a separate switch.",
            Switch(
                PROMOTIONS,
                ids=("allowProfileAndActivityDataForMarketingAds",),
                names=("Personalized promotions of LinkedIn products",),
            ),
            manual_steps=_steps(
                "Data privacy",
                "LinkedIn promotions",
                "Personalized promotions of LinkedIn products",
            ),
            evidence=_recorded(
                3,
                "allowProfileAndActivityDataForMarketingAds",
                crawl(5473, "the LinkedIn promotions page, signed in"),
                (
                    Confidence.CONFIRMED,
                    crawl(5473, '"Personalized promotions of LinkedIn products"'),
                ),
            ),
            notes="It shares the LinkedIn promotions page with the promotional-emails switch.",
        ),
        ADS(
            "marketing_emails",
            "LinkedIn promotional emails",
            "Lets LinkedIn send you promotional emails about its own products, based on "
            "your activity and profile. On by default. Turning it off stops these "
            "emails only: LinkedIn's other emails (about your account, messages, "
            "notifications) are set elsewhere.",
            Switch(
                PROMOTIONS,
                ids=("tipsForUsingLinkedinViaEmail",),
                names=("LinkedIn promotional emails",),
            ),
            manual_steps=_steps(
                "Data privacy", "LinkedIn promotions", "LinkedIn promotional emails"
            ),
            evidence=_recorded(
                4,
                "tipsForUsingLinkedinViaEmail",
                crawl(5482, "the LinkedIn promotions page, signed in"),
                (Confidence.CONFIRMED, crawl(5482, '"LinkedIn promotional emails"')),
            ),
            notes="It shares the LinkedIn promotions page with the personalized-promotions switch.",
        ),
        ADS(
            "share_with_partners",
            "Data sharing with affiliates and select partners",
            "Lets LinkedIn share your data with its affiliates, who use it to "
            "personalise the ads they show you, and with select partners, who use it to "
            "show you LinkedIn's marketing. On by default. Turning it off stops further "
            "sharing; it does not take back what was already shared.",
            Switch(
                SETTINGS + "share-data-with-select-partners",
                ids=("shareDataWithTrustedPartners",),
                names=("Data sharing with our affiliates and select partners",),
            ),
            manual_steps=_steps(
                "Advertising data",
                "Share data with affiliates and partners",
                "Data sharing with our affiliates and select partners",
            ),
            evidence=_recorded(
                5,
                "shareDataWithTrustedPartners",
                crawl(2836, "the page, signed in"),
                (
                    Confidence.CONFIRMED,
                    crawl(2836, '"Data sharing with our affiliates and select partners"'),
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
                page=(Confidence.CONFIRMED, psst(11)),
                control=(
                    Confidence.LIKELY,
                    f'{psst(11)}: input[role="switch"]#nonEssentialCookieConsent; a user '
                    "report says the task failed once",
                ),
                label=(
                    Confidence.LIKELY,
                    f'{psst(11)} ("Disable all non-essential cookies"; the page\'s own '
                    "words are not on record)",
                ),
            ),
        ),
        Setting(
            key="profile_visibility_partners",
            label="Profile visibility outside LinkedIn",
            description=(
                "Lets permitted services such as Outlook show information from your "
                "LinkedIn profile to their users. On by default. It does not change what "
                "search engines see of your public profile."
            ),
            manual_steps=_steps(
                "Visibility",
                "Profile discovery and visibility off LinkedIn",
                "Profile visibility outside LinkedIn",
            ),
            notes="Its page is reached at two addresses; no id of its switch is on record.",
            source=SOURCE,
            switch=Switch(
                "/mypreferences/d/profile-visibility-for-partners",
                names=("Profile visibility outside LinkedIn",),
                fallbacks=(SETTINGS + "profile-visibility-for-partners",),
            ),
            evidence=evidence(
                page=(
                    Confidence.CONFIRMED,
                    f"{crawl(3970, 'the page at /mypreferences/d/profile-visibility-for-partners')}"
                    f"; {crawl(5293, 'the same page at its settings address, from the menu')}",
                ),
                control=(
                    Confidence.GUESS,
                    "inferred: a switch named by its label, drawn like its neighbours' "
                    "(input[role=switch]); the crawl's screenshot shows a toggle, its "
                    "markup is not on record",
                ),
                label=(
                    Confidence.CONFIRMED,
                    crawl(
                        5293,
                        'switch "Profile visibility outside LinkedIn", menu "Profile '
                        'discovery and visibility off LinkedIn"',
                    ),
                ),
            ),
        ),
        *MORE_ADS,
        WORK_EXPERIENCE_IN_WORD,
    )


#: LinkedIn's Japanese interface words that Japanese reports quote, each for the English
#: words of the steps it stands for: the Japanese steps use these words, so a person finds
#: them on the page. LinkedIn's own Japanese help pages are not on record; the reports
#: (some of them translated articles) are, and agree with one another.
JAPANESE_WORDS: dict[str, tuple[str, tuple[str, ...]]] = {
    '"Me"': (
        "自分",
        (
            "https://wukihow.com/ja/665072/how-to-manage-your-linkedin-privacy-settings.html",
            "https://thefastcode.net/ja-jpy/article/how-to-manage-the-data-linkedin-collects-on-you",
        ),
    ),
    '"Settings & Privacy"': (
        "設定とプライバシー",
        (
            "https://rele.work/tech/hayato/stop-linkedin-from-training-its-ai-on-your-data",
            "https://thewindowsclub.blog/?p=35092",
            "https://fitep.trade/tech/natsuki/article/linkedin-generative-ai-training-turn-off",
        ),
    ),
    '"Data privacy"': (
        "データプライバシー",
        (
            "https://rele.work/tech/hayato/stop-linkedin-from-training-its-ai-on-your-data",
            "https://thewindowsclub.blog/?p=35092",
        ),
    ),
    '"Data for Generative AI Improvement"': (
        "生成AI改善のためのデータ",
        (
            "https://rele.work/tech/hayato/stop-linkedin-from-training-its-ai-on-your-data",
            "https://fitep.trade/tech/natsuki/article/linkedin-generative-ai-training-turn-off",
            JAPANESE_REPORT,
        ),
    ),
    '"Use my data for training content creation AI models"': (
        AI_TRAINING_LABELS[1],
        (JAPANESE_REPORT,),
    ),
}


def _in_japanese(setting: Setting) -> Setting:
    """``setting`` with the evidence of each Japanese interface word its steps name."""
    steps = " ".join(setting.manual_steps)
    words = tuple(
        Evidence(
            "label",
            Confidence.LIKELY,
            f"「{japanese}」 ({english} in the Japanese interface), quoted by Japanese "
            f"reports: {', '.join(sources)}",
        )
        for english, (japanese, sources) in JAPANESE_WORDS.items()
        if english in steps
    )
    return replace(setting, evidence=(*setting.evidence, *words))


LinkedIn.settings = tuple(_in_japanese(setting) for setting in LinkedIn.settings)

#: The setting as the plugin holds it (its platform and address filled in).
AI_TRAINING = LinkedIn.setting("ai_training")
