"""Meta (Facebook, Instagram): activity information from ad partners, and objecting to
the use of your data for its AI.

Meta's ad preferences live in Accounts Center (``accountscenter.facebook.com``). Under
Ad preferences, Manage info, "Activity information from ad partners" opens at
``/ads/data_from_partners/`` as a dialog that asks "Do you want us to use your activity
information from ad partners to show you ads?" with two radio options, "Yes, show me
ads that are more relevant by using this information" and "No, don't make my ads more
relevant by using this information", as a crawl of the signed-in page recorded them.
Public automation of the same setting reached it at
``/ad_preferences/ad_settings/data_from_partners``, chose the option named ``radio1``
(yes) or ``radio2`` (no), and pressed the dialog's last button to keep it. The shared
code in :mod:`automation.page.radios` reads the chosen option's own words, never a radio's
name or position, and a change presses the dialog's own "Confirm" (its wording is not
on record). A session is proved by Meta's session cookies.

Objecting is not a switch: in the EU and the UK, Meta takes objections through a form,
one page at ``https://www.facebook.com/help/contact/6359191084165019`` (the direct
link public guides give), confirmed by an email Meta sends (with a code or a link);
WhatsApp takes objections through a form of its own. Only a person can send it, so
that setting is ``manual``: the checklist shows the steps and the link, and never
reads or writes anything on that page.
"""

from __future__ import annotations

from typing import ClassVar

from automation.domain.settings import Confidence, Kind, Radios, Setting, evidence
from automation.plugin import Plugin

#: Accounts Center, where Meta's ad preferences are.
ORIGIN = "https://accountscenter.facebook.com"
#: Facebook's own site, where the objection form and the sign-in page are.
FACEBOOK = "https://www.facebook.com"
#: The objection form, one page.
FORM = FACEBOOK + "/help/contact/6359191084165019"
#: A guide that links the form directly, and guides to the steps and the email.
GUIDE = "https://penworks.net/blog/opting-out-of-meta-facebook-ai-training-data"
STEPS = "https://www.mgillion.be/articles/08-05-2025"
ONE_PAGE = "https://vivdunstan.dreamwidth.org/594879.html"

#: The setting's page in Accounts Center, as the crawl recorded it, and the address
#: public automation used.
PARTNERS_PATH = "/ads/data_from_partners/"
PARTNERS_OLD_PATH = "/ad_preferences/ad_settings/data_from_partners"
#: A crawl of the signed-in pages: the question, the option chosen and the address.
CRAWL = "sebastianferragut/DSC180A_PrivacyProject"
CRAWL_TEXT = (
    f"{CRAWL}@2107142320bc39bcd9c253e6c4c0056d1546dc26:"
    "database/data/extracted_settings_with_urls_and_layers_classified.json:1130"
)
CRAWL_LINKS = (
    f"{CRAWL}@97172fcb28c627a537df173afdb4d53e14a259d8:"
    "gemini-team/picasso/click_counts/accountscenter.facebook.com_crawl_results.json:51"
)
#: The crawl's screenshot of the dialog: both options, the chosen one marked "Your
#: current experience".
CRAWL_SHOT = (
    f"https://github.com/{CRAWL}/blob/97172fcb28c627a537df173afdb4d53e14a259d8/"
    "gemini-team/picasso/Facebook/Activity%20information%20from%20ad%20partners_"
    "https___accountscenter.facebook.com_ads_data_from_partners.png"
)
#: Public automation of the setting: its older address, the radios ``radio1`` (yes) and
#: ``radio2`` (no), and the dialog's last button pressed to keep the choice.
WEBMUNK = (
    "webmunk2/webmunk-extension@18847d04914ec2fccf9c10937b2a51365bb1175a:"
    "packages/modules/ad-personalization/src/content/strategies/FacebookActivityStrategy.ts"
)
WEBMUNK_PAGES = (
    "Webmunk-Project/Webmunk-Mono-Repo@5681e71103c8620592fb1d5aa808c1799fb0ae4f:"
    "packages/modules/ad-personalization/src/data/config.json"
)
#: Meta's help: ad preferences, activity information from ad partners among them, are
#: set in Accounts Center.
ACCOUNTS_CENTER_HELP = "https://www.meta.com/help/accounts-center/841741830388205/"
#: The question and its two options, as the page words them.
QUESTION = "Do you want us to use your activity information from ad partners to show you ads?"
YES = "Yes, show me ads that are more relevant by using this information"
NO = "No, don't make my ads more relevant by using this information"

ACTIVITY_FROM_PARTNERS = Setting(
    key="activity_from_partners",
    label="Activity information from ad partners",
    description=(
        "Lets Meta use what advertisers and other partners tell it about your activity "
        "on their websites and apps to choose the ads you see on Facebook and "
        "Instagram. When it is off, your ads use less of your information."
    ),
    manual_steps=(
        "Sign in to Facebook or Instagram.",
        f"Open {ORIGIN}{PARTNERS_PATH} (Accounts Center, Ad preferences, Manage info, "
        '"Activity information from ad partners").',
        f'Choose "{NO}".',
        "Confirm, if Meta asks.",
    ),
    notes=(
        "One choice for every account in the same Accounts Center (Facebook and "
        "Instagram together). It changes which ads you see, not how many."
    ),
    source=f"{CRAWL_TEXT}; {WEBMUNK}",
    switch=Radios(
        path=PARTNERS_PATH,
        fallbacks=(PARTNERS_OLD_PATH,),
        on=(YES,),
        off=(NO,),
        question=(QUESTION, "activity information from ad partners"),
        submit=("Confirm",),
    ),
    evidence=evidence(
        page=(
            Confidence.CONFIRMED,
            f"{CRAWL_LINKS} (https://accountscenter.facebook.com/ads/data_from_partners/, "
            f"visited signed in); {WEBMUNK_PAGES} (https://accountscenter.facebook.com/"
            f"ad_preferences/ad_settings/data_from_partners); {ACCOUNTS_CENTER_HELP}",
        ),
        control=(
            Confidence.LIKELY,
            f"{CRAWL_SHOT} (a dialog with two radio options, the chosen one marked "
            f'"Your current experience"); {WEBMUNK} (the radios named radio1 and radio2, '
            "then the dialog's last button; its words are not on record)",
        ),
        label=(
            Confidence.CONFIRMED,
            f"{CRAWL_TEXT} (the question, and the chosen option's words); {CRAWL_SHOT} "
            "(both options' words)",
        ),
    ),
)


#: Meta's session cookies, set on ``.facebook.com`` for a signed-in browser.
SESSION_COOKIES = ("c_user", "xs")
ACCOUNT_SOURCE = (
    "https://cookiesentry.com/cookies/providers/meta (c_user holds the signed-in user's "
    "id, xs the session token); https://cookiesentry.com/cookies/xs"
)


class Meta(Plugin):
    """Meta's ad preferences in Accounts Center, and its objection form for AI training."""

    name = "meta"
    title = "Meta"
    default_origin = ORIGIN
    order = 90
    # Meta's pages load their scripts and pictures from its own content network.
    asset_hosts = ("fbcdn.net",)
    # Accounts Center sends a visitor to Facebook's sign-in page, and an account that
    # must prove it is the owner's to a checkpoint.
    login_urls = (f"{FACEBOOK}/login",)
    login_paths = ("/login",)
    checkpoint_paths = ("/checkpoint/",)
    login_form = None
    session_cookies = SESSION_COOKIES
    account_source = ACCOUNT_SOURCE
    settings: ClassVar[tuple[Setting, ...]] = (
        Setting(
            key="ai_objection",
            label='Object to AI training ("Right to object" form)',
            description=(
                "Meta uses public posts, photos and comments from Facebook and Instagram "
                "to train its AI. In the EU and the UK you can object with a form; once "
                "Meta accepts it, your public content should be left out. There is no "
                "switch: only you can send the form, and privacy-tui cannot read "
                "whether you did. Mark it done here when you have."
            ),
            url=FORM,
            kind=Kind.MANUAL,
            manual_steps=(
                "Sign in to Facebook (or to the Instagram account linked to it) in your browser.",
                "Open Meta's objection form (the link here): one page.",
                "Fill it in: among others, the country you live in and your email address.",
                "Send it, then enter the code Meta emails you to confirm the address.",
                "Keep Meta's answer by email: it says whether the objection was accepted.",
                "For WhatsApp, object separately through WhatsApp's own form.",
            ),
            notes=(
                "Only offered in the EU/EEA and the UK. One page, confirmed by an emailed "
                "code or link. WhatsApp has its own form."
            ),
            source=f"{GUIDE}; {STEPS}",
            evidence=evidence(
                page=(
                    Confidence.LIKELY,
                    f"the form's direct link: {GUIDE}; one page, confirmed by email: "
                    f"{ONE_PAGE}; {STEPS}",
                ),
            ),
        ),
        ACTIVITY_FROM_PARTNERS,
    )
