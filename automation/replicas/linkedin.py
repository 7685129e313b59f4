"""A replica of the LinkedIn pages the plugin visits, drawn from public records of the real ones.

Each settings page below names the public source it follows:

- :data:`CRAWL`, a crawl of a signed-in account's settings pages: each switch's words
  and the question above it, the page's address, and a screenshot of the page
  (:data:`SHOTS`, whose file names start with the menu entry that leads there);
- :data:`PSST`, brave's automation code: the id each switch points to with
  ``aria-labelledby`` (``allowDataForGenerativeAI`` for AI training), and the
  cookies switch's own id (``#nonEssentialCookieConsent``).

As the screenshots show, every settings page has LinkedIn's header, the Settings
menu on the left (six sections, the page's own marked), and a card: a Back link,
the page's heading, then for each switch its question, its row (the label, the
words "On" or "Off", the switch) and notes below it, with "Learn more". The card is
drawn by the page's script a moment after loading. Pages whose settings changed
name say so in a note ("This setting was formerly called ..."): an old wording
stands on the page as plain text, beside the switch, never as its label. The
promotions and demographics pages hold two switches each, put in opposite
positions by the tests, so a locator that takes "the switch on the page" is caught
there. Three advertising-data pages hold checkboxes instead (education and skills,
employer, job information), one under the page's question per kind of data, each
with its words beside it and no "On" or "Off", as their screenshots show. The
profile-visibility page answers at two addresses, and the age and gender
switches are also on one combined page; :attr:`LinkedInSite.gone` makes an address
answer 404 for a test, as a page LinkedIn retired would.

A confirmation is modelled as LinkedIn's pages keep their dialogs: drawn in the
page from the start, hidden, and shown by the click that turns the setting off
(for a setting in ``Account.confirms``). No wording of such a dialog is on record
for LinkedIn (brave's tasks click each switch with no dialog step), so the tests
switch it on for an account; its words are the replica's own.

Also modelled: the sign-in form at ``/login`` (``#username``, ``#password``, a
submit button), the redirect of signed-out visitors to it, the join wall at
``/authwall``, and the security checks under ``/checkpoint/``
(:mod:`.linkedin_checkpoint`). The session cookie is ``li_at``.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, replace
from urllib.parse import quote

from . import linkedin_checkpoint
from .server import Account, Request, Response, page
from .switchsite import Control, SettingsPage, SwitchSite, draw

PREFIX = "/mypreferences/d/settings/"
CATEGORIES = "/mypreferences/d/categories/"

#: The crawl of a signed-in account's settings pages (texts and addresses).
CRAWL = (
    "sebastianferragut/DSC180A_PrivacyProject@2107142320bc39bcd9c253e6c4c0056d1546dc26:"
    "database/data/extracted_settings_with_urls_and_layers_classified.json"
)
#: The crawl's screenshots of the same pages.
SHOTS = (
    "sebastianferragut/DSC180A_PrivacyProject@f156192d9ae1d0c4b5d37c081615f5558355c048:"
    "gemini-team/picasso/LinkedIn/"
)
#: Brave's automation code for LinkedIn's settings.
PSST = "brave/psst-component@41cbf8fa535766e994219d326919a5de951d8f10:src/linkedin/user.ts"

#: The Settings menu's sections, in order: their address below :data:`CATEGORIES`
#: and their words (the crawl's first layer of pages; LinkedIn Help, answer 66).
SECTIONS = (
    ("account", "Account preferences"),
    ("sign-in-and-security", "Sign in & security"),
    ("profile-visibility", "Visibility"),
    ("privacy", "Data privacy"),
    ("ads", "Advertising data"),
    ("notifications", "Notifications"),
)


def _learn(answer: str = "") -> str:
    """A "Learn more" link to LinkedIn's help, on the site's own host."""
    where = f"/help/linkedin/answer/{answer}" if answer else "/help/linkedin"
    return f'<a href="{where}">Learn more</a>'


#: The note of the advertising pages that also steer the ads shown off LinkedIn; it
#: names that setting by a former wording, in bold, as the screenshots show.
APPLIES_OFF_LINKEDIN = (
    "<p>It applies to <strong>Ads outside of LinkedIn</strong> too, when that setting is on.</p>"
)


@dataclass(frozen=True)
class LinkedInPage(SettingsPage):
    """One switch's place on a LinkedIn settings page.

    ``question`` stands above the switch; ``notes`` (HTML the replica writes) below
    it. ``section`` is the Settings menu's section the page belongs to, ``menu`` the
    words of its entry there (None for a page no menu entry leads to).
    """

    section: str = "privacy"
    menu: str | None = None
    notes: tuple[str, ...] = ()
    #: A "Learn more" link right under the question, as on the visibility page.
    learn_under_question: bool = False


def _ads(
    key: str,
    slug: str,
    heading: str,
    question: str,
    label: str,
    ref: str,
    *notes: str,
) -> LinkedInPage:
    """An advertising-data page with one switch, reached from the menu by its heading."""
    return LinkedInPage(
        key,
        PREFIX + slug,
        heading,
        # An empty ``ref``: no id of the switch is on record (one of the replica's own).
        Control(label, labelledby=ref or None),
        question,
        section="ads",
        menu=heading,
        notes=notes,
    )


#: The note of the advertising pages that say what turning them off does.
LESS_TAILORED = (
    "<p>Turning this off may make your ads less tailored, but won't reduce the number of "
    f"ads you see. Changes typically take up to 72 hours to take effect. {_learn()}</p>"
)


def _boxes(
    slug: str, heading: str, question: str, boxes: tuple[tuple[str, str], ...]
) -> tuple[LinkedInPage, ...]:
    """An advertising-data page of checkboxes (key and words of each, in order): the
    question above the first, the notes below the last, the menu entry once."""
    last = len(boxes) - 1
    return tuple(
        LinkedInPage(
            key,
            PREFIX + slug,
            heading,
            Control(words, kind="checkbox"),
            question if n == 0 else "",
            section="ads",
            menu=heading if n == 0 else None,
            notes=(APPLIES_OFF_LINKEDIN, LESS_TAILORED) if n == last else (),
        )
        for n, (key, words) in enumerate(boxes)
    )


#: The pages of the two profile-visibility addresses (the crawl holds both, with the
#: same words: CRAWL lines 3970 and 5293; SHOTS "Off-LinkedIn Visibility_..." and
#: "Profile discovery and visibility off LinkedIn_..."). No id is on record: the
#: switch's label is tied by an id of the replica's own.
def _visibility(path: str, menu: str | None) -> LinkedInPage:
    return LinkedInPage(
        "profile_visibility_partners",
        path,
        "Off-LinkedIn Visibility",
        Control("Profile visibility outside LinkedIn"),
        "Show information from your profile to users of permitted services such as Outlook?",
        section="profile-visibility",
        menu=menu,
        learn_under_question=True,
        notes=(
            "<p>Whether people can find your profile by your "
            '<a href="/mypreferences/d/settings/discover-me-by-email-address">email address</a>'
            ' or <a href="/mypreferences/d/settings/discover-me-by-phone-number">phone number</a>'
            " is set on pages of its own.</p>",
            "<p>Partners and permitted developers may show profile information to their "
            "users. Search engines are set by the public profile setting.</p>",
        ),
    )


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
        '<header><a href="/feed/" aria-label="LinkedIn"><strong>in</strong></a>'
        '<a href="/feed/">Home</a>'
        '<button type="button" aria-label="Me">Me</button></header>'
    )
    pages: tuple[SettingsPage, ...] = (
        # CRAWL line 4762; SHOTS "Data for Generative AI Improvement__On_..."; PSST task 1.
        LinkedInPage(
            "ai_training",
            PREFIX + "data-for-ai-improvement",
            "Data for Generative AI Improvement",
            Control(
                "Use my data for training content creation AI models",
                labelledby="allowDataForGenerativeAI",
            ),
            "Can LinkedIn and its affiliates use your personal data and content you create on "
            "LinkedIn to train generative AI models that create content?",
            section="privacy",
            menu="Data for Generative AI Improvement",
            notes=(
                "<p>When it is on, LinkedIn and its affiliates may train models that generate "
                "content with your data and content; private messages are left out. "
                f"{_learn('a6278444')}</p>",
            ),
        ),
        # CRAWL line 3988; SHOTS "Social, economic, and workplace research__On_..."; PSST
        # task 2. The card's heading differs from the menu's words.
        LinkedInPage(
            "research",
            PREFIX + "policy-and-academic-research",
            "Data research",
            Control("Use data for research", labelledby="allowAnonymizedDataResearch"),
            "Can we enable trusted third-party partners to use data about you for social, "
            "economic, and workplace research?",
            section="privacy",
            menu="Social, economic, and workplace research",
            notes=(
                "<p>A change takes up to a day and applies to future research projects only.</p>",
            ),
        ),
        # CRAWL line 3007; SHOTS "Ads off LinkedIn__On_..."; PSST task 8.
        _ads(
            "ads_beyond_linkedin",
            "ads-beyond-linkedin",
            "Ads off LinkedIn",
            "Can we show you personalized ads off of LinkedIn?",
            "Ads off LinkedIn",
            "allowLinkedInAudienceNetwork",
            '<p>This setting was formerly called "Ads Outside of LinkedIn" and "Ads Beyond '
            'LinkedIn."</p>',
            "<p>These ads show on all your devices, signed in or not; a change can take up to "
            f"72 hours. {_learn()}</p>",
        ),
        # CRAWL line 4213; SHOTS "Data from others for ads__On_..."; PSST task 9.
        _ads(
            "ads_third_party_data",
            "ads-interactions-with-business",
            "Data from others for ads",
            "Can we use data about you that we get from others to show you more personalized ads?",
            "Use data from others",
            "allowUseOfThirdPartyData",
            '<p>This setting was formerly called "Interaction with businesses."</p>',
            f"<p>This data is not used to infer interests and traits about you. {_learn()}</p>",
        ),
        # CRAWL line 3574; SHOTS "Measure ad success__On_..."; PSST task 10.
        _ads(
            "ads_conversion_tracking",
            "ads-related-actions",
            "Measure ad success",
            "Can we use data about actions you took in response to ads to give advertisers "
            "aggregate reports about how their ads performed?",
            "Use your data for evaluating ad success",
            "allowConversionTrackings",
            '<p>This setting was formerly called "Ad-related actions."</p>',
            f"<p>Advertisers' reports hold aggregate data only. {_learn()}</p>",
        ),
        # CRAWL line 4393; SHOTS "Inferred city location__On_..."; PSST task 12.
        _ads(
            "ads_inferred_location",
            "ads-inferred-location",
            "Inferred city location",
            "We may infer your city from your IP address. Can we use that data to show you "
            "personalized ads on LinkedIn?",
            "Use Inferred city location",
            "allowIpToPersonalizeAds",
            "<p>Unless you opt out, your <strong>Profile location</strong> is used too.</p>",
            APPLIES_OFF_LINKEDIN,
        ),
        # CRAWL line 3016; SHOTS "Age range__On_..."; PSST task 6.
        _ads(
            "ads_age",
            "ads-by-age",
            "Age range",
            "Can we use your age range (from your profile or inferred) to show you more "
            "tailored ads on LinkedIn?",
            "Use your age range for ads",
            "allowAdsByAge",
            f"<p>We may infer your age from your profile. {_learn()}</p>",
            APPLIES_OFF_LINKEDIN,
        ),
        # CRAWL line 2917; SHOTS "Gender__On_..."; PSST task 7.
        _ads(
            "ads_gender",
            "ads-by-gender",
            "Gender",
            "Can we use your gender (from your profile or inferred) to show you more "
            "tailored ads on LinkedIn?",
            "Use your gender for ads",
            "allowAdsByGender",
            f"<p>We may infer your gender from your profile. {_learn()}</p>",
            APPLIES_OFF_LINKEDIN,
        ),
        # CRAWL lines 2818 and 2827; SHOTS "Settings_..._ads-demographics.png": one page,
        # two switches, each under its own question; no menu entry leads there and no
        # id is on record, so each label is tied by an id of the replica's own.
        LinkedInPage(
            "ads_age",
            PREFIX + "ads-demographics",
            "Demographics",
            Control("Use your age for ads"),
            "Can we use your age to show you relevant ads?",
            section="ads",
        ),
        LinkedInPage(
            "ads_gender",
            PREFIX + "ads-demographics",
            "Demographics",
            Control("Use your gender for ads"),
            "Can we use your gender to show you relevant ads?",
            section="ads",
            notes=(
                "<p>Turned off, you see as many ads, maybe less relevant; a change can take up "
                "to 72 hours.</p>",
            ),
        ),
        # CRAWL line 3898; SHOTS "Interests and traits_..."; PSST task 13.
        LinkedInPage(
            "ads_interests",
            "/mypreferences/d/interest-categories",
            "Interests and traits",
            Control("Interests and traits", labelledby="adsPrivacyAllowInterestsAndBehaviors"),
            "Can we use interests and traits we derived from your LinkedIn profile and activity "
            "to show you more tailored ads on LinkedIn?",
            section="ads",
            menu="Interests and traits",
            notes=(
                "<p>No interests or traits are associated with your profile yet.</p>",
                APPLIES_OFF_LINKEDIN,
            ),
        ),
        # CRAWL lines 5473 and 5482; SHOTS "LinkedIn promotions_..."; PSST tasks 3 and 4:
        # two switches, each under its own question.
        LinkedInPage(
            "marketing_ads",
            PREFIX + "linkedin-promotions",
            "LinkedIn promotions",
            Control(
                "Personalized promotions of LinkedIn products",
                labelledby="allowProfileAndActivityDataForMarketingAds",
            ),
            "Can LinkedIn personalize how it promotes LinkedIn's own products to you on and off "
            "LinkedIn, based on your LinkedIn activity and profile?",
            section="privacy",
            menu="LinkedIn promotions",
            notes=(
                "<p>Turned off, you may still see LinkedIn promotions, not personalized. "
                f"{_learn()} Ads from advertisers are set in "
                f'<a href="{CATEGORIES}ads">Advertising data</a>.</p>',
            ),
        ),
        LinkedInPage(
            "marketing_emails",
            PREFIX + "linkedin-promotions",
            "LinkedIn promotions",
            Control("LinkedIn promotional emails", labelledby="tipsForUsingLinkedinViaEmail"),
            "Can LinkedIn send you promotional emails to help you maximize the benefits of "
            "LinkedIn's products, based on your LinkedIn activity and profile?",
            section="privacy",
        ),
        # CRAWL line 2836; SHOTS "Share data with affiliates and partners__On_..."; PSST task 5.
        _ads(
            "share_with_partners",
            "share-data-with-select-partners",
            "Share data with affiliates and partners",
            "Can we share your data with our affiliates and select partners for advertising "
            "off LinkedIn?",
            "Data sharing with our affiliates and select partners",
            "shareDataWithTrustedPartners",
            "<p>Turned off, you still see their ads, not personalized with your LinkedIn data. "
            f"{_learn()}</p>",
        ),
        # PSST task 11: the switch carries its own id rather than an aria-labelledby one,
        # its label tied by a plain one. The crawl holds no such page: its heading,
        # question and label are the replica's own words.
        LinkedInPage(
            "non_essential_cookies",
            "/mypreferences/d/member-cookies",
            "Cookie preferences",
            Control("Non-essential cookies", own_id="nonEssentialCookieConsent"),
            "Can LinkedIn and its partners use non-essential cookies when you use LinkedIn?",
            section="privacy",
        ),
        # The advertising-data pages no automation records: their words from the crawl,
        # their layout from the screenshots; no id is on record, so each label is tied
        # by an id of the replica's own. CRAWL line 5554; SHOTS "Profile location__On_...".
        _ads(
            "ads_profile_location",
            "ads-location",
            "Profile location",
            "Can we use the postal code and city you enter in your profile to show you more "
            "tailored ads on LinkedIn? If you turn this off, you may still see ads based on "
            "your country or continent.",
            "Use postal code and city you enter in your profile",
            "",
            "<p>Unless you opt out, we may also use your <strong>Inferred city location</strong>"
            " to personalize ads.</p>",
            "<p>We don't collect or use any location data more precise than postal code and "
            "city for advertising.</p>",
            APPLIES_OFF_LINKEDIN,
            LESS_TAILORED,
        ),
        # CRAWL line 4159; SHOTS "Connections__On_...".
        _ads(
            "ads_connections",
            "ads-connections",
            "Connections",
            "Can we use information from your 1st-degree connections to show you more "
            "tailored ads on LinkedIn?",
            "Use connections data",
            "",
            APPLIES_OFF_LINKEDIN,
            LESS_TAILORED,
        ),
        # CRAWL line 5401; SHOTS "Companies you follow__On_...".
        _ads(
            "ads_companies_followed",
            "ads-companies-followed",
            "Companies you follow",
            "Can we use the list of companies you follow to show you more tailored ads on "
            "LinkedIn?",
            "Use followed companies data",
            "",
            APPLIES_OFF_LINKEDIN,
            LESS_TAILORED,
        ),
        # CRAWL line 3844; SHOTS "Groups__On_...".
        _ads(
            "ads_groups",
            "ads-based-on-groups",
            "Groups",
            "Can we use the groups you've joined to show you more tailored ads on LinkedIn?",
            "Use groups data",
            "",
            APPLIES_OFF_LINKEDIN,
            LESS_TAILORED,
        ),
        # CRAWL line 3655; SHOTS "Customized display format__On_...".
        _ads(
            "ads_customized_display",
            "ads-personalization",
            "Customized display format",
            "Can we use your profile information (such as your photo, name, and company) to "
            "display ads to you on LinkedIn in a customized format? Ads formatted to display "
            "your profile information are visible only to you.",
            "Use profile data for customized display",
            "",
            "<p>Changes typically take up to 72 hours to take effect.</p>",
        ),
        # CRAWL lines 3709 to 3745; SHOTS "Education and skills__Schools & 4 more_...".
        *_boxes(
            "ads-education",
            "Education and skills",
            "What educational information can we use to show you more tailored ads on LinkedIn?",
            (
                ("ads_schools", "Schools"),
                ("ads_fields_of_study", "Field of study"),
                ("ads_degrees", "Degrees"),
                ("ads_skills", "Skills"),
                ("ads_graduation_year", "Last graduation year"),
            ),
        ),
        # CRAWL lines 3808 and 3817; SHOTS "Employer__Current company & 1 more_...".
        *_boxes(
            "ads-employer",
            "Employer",
            "What employer history can we use to show you more tailored ads on LinkedIn?",
            (("ads_current_company", "Current company"), ("ads_past_companies", "Past companies")),
        ),
        # CRAWL lines 4870 and 4879; SHOTS "Job information__Current job & 1 more_...".
        *_boxes(
            "ads-job-information",
            "Job information",
            "What job information can we use to show you more tailored ads on LinkedIn?",
            (("ads_current_job", "Current job"), ("ads_past_jobs", "Past jobs")),
        ),
        # CRAWL line 3664; SHOTS "Microsoft Word__On_...": under Data privacy, the card's
        # heading differs from the menu's words.
        LinkedInPage(
            "work_experience_in_word",
            PREFIX + "use-linkedin-data-in-microsoft-word",
            "Show work experience",
            Control("Show work experience in Word"),
            "Should we allow Microsoft Word to display your work experience descriptions from "
            "your profile in Resume Assistant?",
            section="privacy",
            menu="Microsoft Word",
            notes=(
                "<p>This feature helps you to create effective resumes by providing you "
                f"content suggestions to include in your resume. {_learn()}</p>",
            ),
        ),
        _visibility("/mypreferences/d/profile-visibility-for-partners", None),
        _visibility(
            PREFIX + "profile-visibility-for-partners",
            "Profile discovery and visibility off LinkedIn",
        ),
    )

    def __init__(self) -> None:
        super().__init__()
        #: Settings addresses that answer 404, as a page LinkedIn retired or moved would.
        self.gone: set[str] = set()

    # -- routing ------------------------------------------------------------------------

    def route(self, request: Request) -> Response | None:
        if request.path == "/authwall":
            return Response(
                200, page("LinkedIn", '<h1>Join LinkedIn</h1><a href="/login">Sign in</a>')
            )
        if request.path.startswith("/checkpoint/"):
            return linkedin_checkpoint.handle(self, request)
        if request.path.startswith(CATEGORIES) and request.method == "GET":
            return self._category(request)
        return None

    def _category(self, request: Request) -> Response:
        """A section of the Settings menu: the entries that lead to its pages."""
        account = self.signed_in(request)
        if account is None:
            return Response.redirect(
                f"{self.login_path}?{self.next_param}={quote(request.path)}", 302
            )
        slug = request.path[len(CATEGORIES) :].strip("/")
        words = dict(SECTIONS).get(slug)
        if words is None:
            return Response(404, page(f"Not found | {self.title}", "<h1>Page not found</h1>"))
        entries = "".join(
            f'<li><a href="{html.escape(p.path)}">{html.escape(p.menu)}</a></li>'
            for p in self.pages
            if isinstance(p, LinkedInPage) and p.section == slug and p.menu
        )
        body = (
            f"{self.header}<main>{_menu(slug)}<section><h1>{html.escape(words)}</h1>"
            f"<ul>{entries}</ul></section></main>{FOOTER}"
        )
        return Response(200, page(f"{words} | {self.title}", body))

    # -- settings pages -------------------------------------------------------------------

    def settings_page(self, account: Account, found: SettingsPage, name: str | None) -> Response:
        if found.path in self.gone:
            return Response(404, page(f"Not found | {self.title}", "<h1>Page not found</h1>"))
        if found.key in account.moved:
            return Response.redirect(self.home_path, 302)
        if found.key in account.broken:
            return Response(500, page(f"Error | {self.title}", "<h1>Something went wrong</h1>"))
        shared = [each for each in self.pages if each.path == found.path]
        rows: list[str] = []
        dialogs: list[str] = []
        count = 0
        for each in shared:
            question = html.escape(each.question)
            if isinstance(each, LinkedInPage) and each.learn_under_question:
                question += f"<br>{_learn()}"
            # The boxes after a checkbox page's first stand under its one question.
            row = f'<p class="question">{question}</p>' if question else ""
            if each.key in account.decoys:
                count += 1
                row += self._decoy_html(account, each, count)
            control = self._control(account, each)
            if control is not None:
                count += 1
                asks = account.confirms.get(each.key)
                if asks:
                    dialogs.append(_dialog(each.key, asks))
                    control = control.replace(
                        '<div class="setting" ',
                        f'<div class="setting" data-dialog="confirm-{html.escape(each.key)}" ',
                        1,
                    )
                row += control
            if isinstance(each, LinkedInPage):
                row += "".join(each.notes)
            rows.append(row)
        notice = "".join(
            "<p>This setting isn't available in your region.</p>"
            for each in shared
            if each.key in account.not_offered
        )
        if not count and not notice:
            return Response(404, page(f"Not found | {self.title}", "<h1>Page not found</h1>"))
        section = found.section if isinstance(found, LinkedInPage) else "privacy"
        heading = html.escape(found.heading)
        body = f"""{self.header}
<main>{_menu(section)}
<section class="card">
  <a class="back" href="{CATEGORIES}{section}">Back</a>
  <h1>{heading}</h1>
  {notice}
  <div id="setting" hidden></div>
  <p role="status" id="status"></p>
</section></main>
{FOOTER}
{"".join(dialogs)}
<template class="stage">{"".join(rows)}</template>"""
        return Response(200, page(f"{found.heading} | {self.title}", body, SCRIPT))

    def _control(self, account: Account, found: SettingsPage) -> str | None:
        """One switch's row with the address it saves to; None where not drawn."""
        key = found.key
        if key in account.not_offered or key in account.unavailable or key not in account.settings:
            return None
        with self.lock:
            value = account.settings[key]
        drawn = replace(found.control, label=account.labels.get(key, found.control.label))
        if key in account.renamed:
            # The platform renamed the ids the switch carries or points to.
            drawn = replace(
                drawn,
                labelledby=f"{drawn.labelledby}Renamed" if drawn.labelledby else None,
                own_id=f"{drawn.own_id}Renamed" if drawn.own_id else None,
            )
        ref = f"{key}-label"
        if key in account.hidden:
            control = "<p>This setting is being updated. Check back later.</p>"
        else:
            disabled = key in account.disabled
            paint = _box if drawn.kind == "checkbox" else draw
            control = paint(drawn, value, ref=ref, disabled=disabled)
            if key in account.doubled:
                control += paint(drawn, value, copy=True, ref=ref, disabled=disabled)
        api = html.escape(self.api_prefix + quote(key))
        return f'<div class="setting" data-api="{api}">{control}</div>'


def _box(
    control: Control, value: bool, *, copy: bool = False, ref: str, disabled: bool = False
) -> str:
    """A checkbox with its words beside it, as the checkbox pages draw them: no "On" or
    "Off" shown (the script's state holder is there, hidden). A ``copy`` points at the
    same words and repeats no element id."""
    ident = f"{ref}-box" + ("-copy" if copy else "")
    words = "" if copy else f'<span id="{html.escape(ref)}">{html.escape(control.label)}</span>'
    return (
        f'<div class="toggle"><input type="checkbox" class="switch" id="{html.escape(ident)}" '
        f'aria-labelledby="{html.escape(ref)}"{" checked" if value else ""}'
        f"{' disabled' if disabled else ''}>{words}"
        '<span class="switch-state" hidden></span></div>'
    )


def _menu(current: str) -> str:
    """The Settings menu on the left of every settings page, its section marked."""
    mark = ' aria-current="page"'
    links = "".join(
        f'<a href="{CATEGORIES}{slug}"{mark if slug == current else ""}>{html.escape(words)}</a>'
        for slug, words in SECTIONS
    )
    return f'<nav class="side" aria-label="Settings"><h2>Settings</h2>{links}</nav>'


def _dialog(key: str, asks: str) -> str:
    """A confirmation drawn in the page from the start, hidden until the click that
    turns ``key`` off shows it. ``strange`` offers a button no plugin may press."""
    title, yes = (
        ("Before you go", "Delete my history too")
        if asks == "strange"
        else (
            "Turn off this setting?",
            "Turn off",
        )
    )
    ident = f"confirm-{html.escape(key)}"
    return (
        f'<div role="dialog" aria-modal="true" aria-labelledby="{ident}-title" '
        f'id="{ident}" class="confirm" hidden>'
        f'<h2 id="{ident}-title">{title}</h2>'
        "<p>LinkedIn will stop using your data this way from now on.</p>"
        f'<button type="button" class="no">Cancel</button>'
        f'<button type="button" class="yes">{yes}</button></div>'
    )


FOOTER = (
    '<footer><a href="/help/linkedin">Help Center</a> '
    '<a href="/legal/professional-community-policies">Professional Community Policies</a> '
    '<a href="/legal/privacy-policy">Privacy Policy</a> '
    '<a href="/legal/user-agreement">User Agreement</a></footer>'
)

#: The page's own script: it draws the card a moment after loading, saves a change
#: with its own request (putting the switch back when the save fails), and, where a
#: confirmation sits hidden in the page, shows it before a switch is turned off and
#: saves only once it is confirmed.
SCRIPT = """
const holder = document.getElementById('setting');
const status = document.getElementById('status');
const wire = (sw) => {
  const isButton = sw.tagName === 'BUTTON';
  const shown = sw.parentElement.querySelector('.switch-state');
  const row = sw.closest('[data-api]');
  const dialog = row.dataset.dialog ? document.getElementById(row.dataset.dialog) : null;
  const get = () => isButton ? sw.getAttribute('aria-checked') === 'true' : sw.checked;
  const set = (v) => {
    if (isButton) sw.setAttribute('aria-checked', String(v)); else sw.checked = v;
    shown.textContent = v ? 'On' : 'Off';
  };
  const ask = () => new Promise((resolve) => {
    const yes = dialog.querySelector('.yes');
    const no = dialog.querySelector('.no');
    const done = (answer) => {
      dialog.hidden = true;
      yes.onclick = null;
      no.onclick = null;
      resolve(answer);
    };
    yes.onclick = () => done(true);
    no.onclick = () => done(false);
    dialog.hidden = false;
  });
  const changed = async (want) => {
    if (dialog && !want) {
      set(true);
      if (!(await ask())) return;
    }
    set(want);
    try {
      const r = await fetch(row.dataset.api, {method: 'POST',
        headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({value: want})});
      if (!r.ok) throw new Error(String(r.status));
      status.textContent = 'Saved.';
    } catch (e) {
      set(!want);
      status.textContent = "Couldn't save your change. Try again.";
    }
  };
  if (isButton) sw.addEventListener('click', () => changed(!get()));
  else sw.addEventListener('change', () => changed(sw.checked));
};
setTimeout(() => {
  const template = document.querySelector('template.stage');
  holder.appendChild(template.content.cloneNode(true));
  holder.hidden = false;
  holder.querySelectorAll('.switch').forEach(wire);
}, 150);
"""
