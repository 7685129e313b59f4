"""A replica of the LinkedIn pages the plugin visits, as ``shared/platforms.md`` records them.

Modelled: the sign-in form at ``/login`` (``#username``, ``#password``, a submit
button), the redirect of signed-out visitors to it, the join wall at ``/authwall``,
the security checks under ``/checkpoint/`` (:mod:`.linkedin_checkpoint`), and
settings pages at their real paths with their real headings and labels. Every
switch is an ``input[role="switch"]`` with its recorded ``aria-labelledby`` id
(``allowDataForGenerativeAI`` for AI training), except the cookies page's, which
carries its own id (``#nonEssentialCookieConsent``). The promotions page holds its
two switches (marketing use of your data, then marketing emails); on by default, as
on the real site, and put in opposite positions by the tests, so a locator that takes
"the switch on the page" is caught there. The
headings, questions and labels of the promotions, partners and cookies pages are
not on record; the replica's own words stand in for them.
"""

from __future__ import annotations

from . import linkedin_checkpoint
from .server import Request, Response, page
from .switchsite import Control, SettingsPage, SwitchSite

PREFIX = "/mypreferences/d/settings/"


def _ads(key: str, slug: str, heading: str, question: str, label: str, ref: str) -> SettingsPage:
    return SettingsPage(key, PREFIX + slug, heading, Control(label, labelledby=ref), question)


class LinkedInSite(SwitchSite):
    name = "linkedin"
    title = "LinkedIn"
    session_cookie = "li_at"
    username_name = "session_key"
    password_name = "session_password"
    next_param = "session_redirect"
    home_path = "/feed/"
    checkpoint_path = "/checkpoint/"
    challenge_path = linkedin_checkpoint.PREFIX
    api_prefix = "/mypreferences/api/settings/"
    header = (
        '<header><strong>in</strong><a href="/feed/">Home</a>'
        '<button type="button" aria-label="Me">Me</button>'
        f'<a href="{PREFIX}data-for-ai-improvement">Data privacy</a>'
        f'<a href="{PREFIX}ads-beyond-linkedin">Advertising data</a></header>'
    )
    pages = (
        SettingsPage(
            "ai_training",
            PREFIX + "data-for-ai-improvement",
            "Data for Generative AI Improvement",
            Control(
                "Use my data for training content creation AI models",
                labelledby="allowDataForGenerativeAI",
            ),
            "Can LinkedIn use your personal data and content you create on LinkedIn to train "
            "generative AI models that create content?",
        ),
        _ads(
            "research",
            "policy-and-academic-research",
            "Social, economic and workplace research",
            "Can LinkedIn share your data with trusted partners for social, economic and "
            "workplace research?",
            "Sharing your data for social, economic and workplace research",
            "allowAnonymizedDataResearch",
        ),
        _ads(
            "ads_beyond_linkedin",
            "ads-beyond-linkedin",
            "Ads beyond LinkedIn",
            "Can LinkedIn show you ads on other apps and websites?",
            "Ads beyond LinkedIn",
            "allowLinkedInAudienceNetwork",
        ),
        _ads(
            "ads_third_party_data",
            "ads-interactions-with-business",
            "Interactions with businesses",
            "Can LinkedIn use data that businesses share with us about you for ads?",
            "Data from interactions with businesses",
            "allowUseOfThirdPartyData",
        ),
        _ads(
            "ads_conversion_tracking",
            "ads-related-actions",
            "Ad-related actions",
            "Can LinkedIn share with advertisers the actions you take after seeing their ads?",
            "Ad-related actions",
            "allowConversionTrackings",
        ),
        _ads(
            "ads_inferred_location",
            "ads-inferred-location",
            "Inferred city location",
            "Can LinkedIn use the city it infers from your IP address to show you ads?",
            "Inferred city location",
            "allowIpToPersonalizeAds",
        ),
        _ads(
            "ads_age",
            "ads-by-age",
            "Age",
            "Can LinkedIn use your age range to show you ads?",
            "Age",
            "allowAdsByAge",
        ),
        _ads(
            "ads_gender",
            "ads-by-gender",
            "Gender",
            "Can LinkedIn use your gender to show you ads?",
            "Gender",
            "allowAdsByGender",
        ),
        SettingsPage(
            "ads_interests",
            "/mypreferences/d/interest-categories",
            "Interests and traits",
            Control("Interests and traits", labelledby="adsPrivacyAllowInterestsAndBehaviors"),
            "Can LinkedIn use the interests and traits it infers to show you ads?",
        ),
        SettingsPage(
            "marketing_ads",
            PREFIX + "linkedin-promotions",
            "LinkedIn promotions",
            Control(
                "Use my profile and activity data for LinkedIn's marketing ads",
                labelledby="allowProfileAndActivityDataForMarketingAds",
            ),
            "Can LinkedIn use your profile and activity data in its own marketing?",
        ),
        SettingsPage(
            "marketing_emails",
            PREFIX + "linkedin-promotions",
            "LinkedIn promotions",
            Control(
                "Receive tips for using LinkedIn by email",
                labelledby="tipsForUsingLinkedinViaEmail",
            ),
        ),
        _ads(
            "share_with_partners",
            "share-data-with-select-partners",
            "Data sharing with affiliates and select partners",
            "Can LinkedIn share your data with its affiliates and select partners?",
            "Share my data with LinkedIn's affiliates and select partners",
            "shareDataWithTrustedPartners",
        ),
        # The cookies switch carries its own id rather than an aria-labelledby one
        # (brave/psst-component task 11); its label is tied by a plain one.
        SettingsPage(
            "non_essential_cookies",
            "/mypreferences/d/member-cookies",
            "Cookie preferences",
            Control("Non-essential cookies", own_id="nonEssentialCookieConsent"),
            "Can LinkedIn and its partners use non-essential cookies when you use LinkedIn?",
        ),
        SettingsPage(
            "profile_visibility_partners",
            PREFIX + "profile-visibility-for-partners",
            "Profile visibility off LinkedIn",
            Control("Profile visibility off LinkedIn", labelledby="profile-visibility-label"),
            "Can partners show your profile information outside LinkedIn?",
        ),
    )

    def route(self, request: Request) -> Response | None:
        if request.path == "/authwall":
            return Response(
                200, page("LinkedIn", '<h1>Join LinkedIn</h1><a href="/login">Sign in</a>')
            )
        if request.path.startswith("/checkpoint/"):
            return linkedin_checkpoint.handle(self, request)
        return None
