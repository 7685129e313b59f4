"""The LinkedIn replica's settings pages: the records they follow, the Settings menu's
sections, and how one switch's place on a page is described.
"""

from __future__ import annotations

from dataclasses import dataclass

from .switchsite import Control, SettingsPage

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


def learn(answer: str = "") -> str:
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


def ads_page(
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
    f"ads you see. Changes typically take up to 72 hours to take effect. {learn()}</p>"
)


def box_pages(
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
def visibility_page(path: str, menu: str | None) -> LinkedInPage:
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
