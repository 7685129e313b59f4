"""Gmail: smart features in Gmail, Chat and Meet, and the two Workspace smart features.

A checkbox in Gmail's settings, General tab (``mail.google.com``), labelled "Smart
features in Gmail, Chat, and Meet" (also written "Turn on smart features in Gmail, Chat,
and Meet"), as Gmail's help and public guides describe it (the addresses are in each
setting's evidence). The General tab keeps nothing until "Save Changes" is pressed, so a
change presses it and is then read back from a fresh load. The markup is not on record,
so the box is found as a checkbox named by its label. "Smart features in Google
Workspace" and "Smart features in other Google products" sit in a dialog that the
General tab's "Manage Workspace smart feature settings" opens: each is found by its
label after that click, and kept by the dialog's own "Save". Gmail is a platform of its
own, next to ``google``, because a plugin drives one origin and these settings live on
another one; both sign in through Google's accounts site, and a session is proved by
Google's session cookies.

An account that never answered Gmail's first-run question, "Allow smart features in
Gmail, Chat, and Meet to use your data", gets it as a dialog over the mailbox. Its
answer sets these very settings, so nothing is read past it and it is never answered
here: the reading is ``unknown`` and asks the person to answer it in Gmail.
"""

from __future__ import annotations

from typing import ClassVar

from automation.domain.settings import (
    Confidence,
    Setting,
    Sourced,
    Switch,
    evidence,
)
from automation.domain.toggles import Toggles
from automation.plugin import Plugin
from automation.plugins.google import (
    ACCOUNT_SOURCE,
    CHECKPOINT_PATHS,
    LOGIN_PATHS,
    SESSION_COOKIES,
    SIGN_IN_ORIGINS,
)

ORIGIN = "https://mail.google.com"
#: The General tab of the first signed-in account's settings.
PATH = "/mail/u/0/#settings/general"
LABEL = "Smart features in Gmail, Chat, and Meet"
#: The wordings on record.
LABELS = (LABEL, "Turn on smart features in Gmail, Chat, and Meet")
#: The General tab's button that keeps a change.
SAVE_CHANGES = "Save Changes"
#: Gmail Help on the smart features settings: Settings, See all settings, General, and a
#: box to check or uncheck.
SETTINGS_HELP = "https://support.google.com/mail/answer/10079371"
#: Google's help page that names the three smart-features settings and what each does.
HELP = "https://support.google.com/mail/answer/15604322"
#: A guide that walks both: the General tab's box ("Turn on smart features in Gmail,
#: Chat, and Meet", then "Save Changes") and the dialog "Manage Workspace smart feature
#: settings" opens (both boxes off, then "Save").
GUIDE = "https://www.sotwe.com/syachi2"
#: A guide that names the dialog's two boxes.
PROTON = "https://proton.me/da/blog/turn-off-gemini-gmail"
#: The General tab's button that opens the dialog of the Workspace smart features.
MANAGE = "Manage Workspace smart feature settings"
#: The dialog's button that keeps a change (a guess: the dialog's buttons are not on
#: record; its checkboxes are not part of the General tab's "Save Changes").
DIALOG_SAVE = "Save"
#: Gmail's first-run question: its title, and its button that goes on with an answer.
#: The Verge shows the question
#: (https://www.theverge.com/2020/11/16/21569599/google-gmail-meet-chat-personal-data-toggle-privacy);
#: the button's name is the one public automations of Gmail's first run click.
FIRST_RUN = "Allow smart features in Gmail, Chat, and Meet to use your data"
FIRST_RUN_NEXT = 'button[name="data_consent_dialog_next"]'
#: How long the page may take to draw its first-run question after its controls (s).
FIRST_RUN_GRACE = 0.3

#: Whether the page shows the first-run question: its button, or a dialog with its title.
FIRST_RUN_SHOWN = """
({next, title}) => {
  const shows = (el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  const norm = (s) => (s || '').replace(/\\s+/g, ' ').trim().toLowerCase();
  if (Array.from(document.querySelectorAll(next)).some(shows)) return true;
  return Array.from(document.querySelectorAll('[role="dialog"], [role="alertdialog"], dialog'))
    .some((d) => shows(d) && norm(d.innerText).includes(norm(title)));
}
"""

SMART_FEATURES = Setting(
    key="smart_features",
    label=LABEL,
    description=(
        "Lets Google use the content of your mail, chats and meetings for smart "
        "features such as suggested replies, summaries and automatic sorting. On by "
        "default. Turning it off also turns those features off."
    ),
    manual_steps=(
        "Sign in to Gmail on a computer.",
        'Click the gear icon, then "See all settings".',
        'On the "General" tab, find "Smart features".',
        f'Uncheck "{LABEL}".',
        f'Click "{SAVE_CHANGES}" at the bottom of the page: without it the change is lost.',
    ),
    notes=(
        'On by default. The change holds only once "Save Changes" is pressed. The '
        "page's markup is not on record. The Workspace and other-products smart "
        "features are rows of their own."
    ),
    source=f"Gmail Help ({SETTINGS_HELP})",
    switch=Switch(path=PATH, names=LABELS, role="checkbox", submit=SAVE_CHANGES),
    evidence=evidence(
        page=(
            Confidence.LIKELY,
            f"{SETTINGS_HELP} (Settings, See all settings, the General tab)",
        ),
        control=(
            Confidence.LIKELY,
            f"{SETTINGS_HELP} (check or uncheck the box); {GUIDE} (uncheck it, then "
            '"Save Changes"); its markup is not on record',
        ),
        label=(
            Confidence.LIKELY,
            f'{HELP} ("Smart features in Gmail, Chat, and Meet"); {GUIDE} ("Turn on smart '
            'features in Gmail, Chat, and Meet")',
        ),
    ),
)


#: How sure the project is of the dialog's parts: public guides walk the button, the
#: two boxes and the dialog's "Save"; the markup is nobody's record.
IN_DIALOG_CONTROL: Sourced = (
    Confidence.LIKELY,
    f'{GUIDE} ("{MANAGE}", both boxes off, then "{DIALOG_SAVE}"); {PROTON} (the '
    "dialog's two boxes); the dialog's markup is not on record",
)


def _dialog_steps(setting: Setting) -> tuple[str, ...]:
    return (
        "Sign in to Gmail on a computer.",
        'Click the gear icon, then "See all settings".',
        f'On the "General" tab, click "{MANAGE}".',
        f'In the dialog, uncheck "{setting.label}".',
        f'Click "{DIALOG_SAVE}" in the dialog.',
    )


#: The two settings of the Workspace smart-features dialog.
IN_DIALOG = Toggles(
    source=HELP,
    manual_steps=_dialog_steps,
    evidence=evidence(
        page=(
            Confidence.LIKELY,
            f'{HELP} (set in Gmail); {GUIDE} (on the General tab, behind "{MANAGE}")',
        ),
        control=IN_DIALOG_CONTROL,
        label=(Confidence.LIKELY, HELP),
    ),
)


def _in_dialog(label: str) -> Switch:
    """A checkbox of the dialog, found by its label once the dialog is open."""
    return Switch(
        path=PATH,
        names=(label,),
        role="checkbox",
        # Playwright's text selector: the button's markup is not on record, its
        # wording is.
        opens=(f'text="{MANAGE}"',),
        submit=DIALOG_SAVE,
    )


WORKSPACE = IN_DIALOG(
    "workspace_smart_features",
    "Smart features in Google Workspace",
    "Lets Google use your Workspace content and activity (mail, calendar, files, chats "
    "and meetings) to provide smart features across Workspace products, such as "
    "events from your mail added to Calendar and Gemini drawing on your files. On by "
    "default in most regions. Separate from the Gmail, Chat and Meet box on the "
    "General tab: each can be on while the other is off. Turning it off stops that "
    "use from now on; it deletes nothing.",
    _in_dialog("Smart features in Google Workspace"),
    notes=(
        f'In the dialog "{MANAGE}" opens, kept by the dialog\'s own "{DIALOG_SAVE}"; '
        "the dialog's markup is not on record."
    ),
)

OTHER_PRODUCTS = IN_DIALOG(
    "other_products_smart_features",
    "Smart features in other Google products",
    "Lets Google use your Workspace content and activity to personalise other Google "
    "products, such as reservations and orders shown in Maps and tickets and loyalty "
    "cards suggested in Wallet. On by default in most regions. Those products may "
    "have controls of their own as well (Web & App Activity among them). Turning it "
    "off stops that use from now on; it deletes nothing already in those products.",
    _in_dialog("Smart features in other Google products"),
    notes=(
        f'In the dialog "{MANAGE}" opens, kept by the dialog\'s own "{DIALOG_SAVE}"; '
        "the dialog's markup is not on record."
    ),
)


class Gmail(Plugin):
    """Gmail's smart-features checkboxes: the General tab's and the dialog's two."""

    name = "gmail"
    title = "Gmail"
    default_origin = ORIGIN
    # Gmail loads its scripts from gstatic.com and googleapis.com.
    asset_hosts = ("gstatic.com", "googleapis.com")
    order = 41
    login_paths = LOGIN_PATHS
    checkpoint_paths = CHECKPOINT_PATHS
    sign_in_origins = SIGN_IN_ORIGINS
    # Google signs in over several pages and often asks for a second step.
    login_form = None
    session_cookies = SESSION_COOKIES
    account_source = ACCOUNT_SOURCE
    settings: ClassVar[tuple[Setting, ...]] = (SMART_FEATURES, WORKSPACE, OTHER_PRODUCTS)
    page_class = "automation.plugins.gmail_page:SmartFeaturesPage"
