"""Gmail: smart features in Gmail, Chat and Meet.

Facts from ``shared/platforms.md``: a checkbox in Gmail's settings, General tab
(``mail.google.com``), labelled "Smart features in Gmail, Chat, and Meet" (also
written "Turn on smart features in Gmail, Chat, and Meet"). The General tab keeps
nothing until "Save Changes" is pressed, so a change presses it and is then read
back from a fresh load. The markup is not on record, so the box is found as a
checkbox named by its label (a guess). Gmail is a platform of its own, next to
``google``, because a plugin drives one origin and these settings live on another
one; both sign in through Google's accounts site.
"""

from __future__ import annotations

from automation.model import Confidence, Setting, Switch, evidence
from automation.plugin import Plugin
from automation.plugins.google import CHECKPOINT_PATHS, LOGIN_PATHS, SIGN_IN_ORIGINS

ORIGIN = "https://mail.google.com"
#: The General tab of the first signed-in account's settings.
PATH = "/mail/u/0/#settings/general"
LABEL = "Smart features in Gmail, Chat, and Meet"
#: The wordings on record.
LABELS = (LABEL, "Turn on smart features in Gmail, Chat, and Meet")
#: The General tab's button that keeps a change.
SAVE_CHANGES = "Save Changes"
SOURCE = "Gmail Help, as collected in shared/platforms.md"

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
        "In the same section, also turn off the smart features in Google Workspace "
        "and in other Google products.",
    ),
    notes=(
        'On by default. The change holds only once "Save Changes" is pressed. The '
        "page's markup is not on record. The Workspace and other-products smart "
        "features are set in a separate dialog (manual steps)."
    ),
    source="Gmail Help",
    switch=Switch(path=PATH, names=LABELS, role="checkbox", submit=SAVE_CHANGES),
    evidence=evidence(
        page=(
            Confidence.LIKELY,
            f"{SOURCE}: Settings, General; the address of the tab is inferred",
        ),
        control=(
            Confidence.GUESS,
            f'{SOURCE}: a checkbox kept by "Save Changes"; its markup is unverified',
        ),
        label=(Confidence.LIKELY, SOURCE),
    ),
)


class Gmail(Plugin):
    """Gmail's smart-features checkbox."""

    name = "gmail"
    title = "Gmail"
    default_origin = ORIGIN
    order = 41
    login_paths = LOGIN_PATHS
    checkpoint_paths = CHECKPOINT_PATHS
    sign_in_origins = SIGN_IN_ORIGINS
    # Google signs in over several pages and often asks for a second step.
    login_form = None
    settings = (SMART_FEATURES,)
