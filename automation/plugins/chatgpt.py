"""OpenAI ChatGPT: the switches of Settings, Data controls, behind several clicks.

Facts from ``shared/platforms.md``: "Improve the model for everyone" is ``button
[data-testid="improve-model-toggle"]`` with ``aria-checked``, in a dialog opened from
the Data controls tab. The settings dialog is reached through the test ids
``accounts-profile-button``, ``settings-menu-item``, ``data-controls-tab`` and
``improve-model-open-modal-button``, clicked in that order. All of it is data for
the shared switch code.

The same tab has "Location" and "Remote browser data" switches. Only their names
are on record, not their markup, so each is found by its label among the tab's
controls, reached by the same first three clicks; a tab whose switches carry none
of those names reads ``unknown``.
"""

from __future__ import annotations

from automation.model import Confidence, Setting, State, Switch, Toggles, evidence
from automation.plugin import Plugin

ORIGIN = "https://chatgpt.com"
#: Brave's public automation code, which switches this setting with these test ids.
PSST = "brave/psst-component src/chatgpt/user.ts"

#: The clicks that open Settings on its Data controls tab, in order.
TAB = tuple(
    f'[data-testid="{testid}"]'
    for testid in ("accounts-profile-button", "settings-menu-item", "data-controls-tab")
)
#: The clicks that reveal the model-training switch: the tab, then its own dialog.
DIALOG = (*TAB, '[data-testid="improve-model-open-modal-button"]')

_IMPROVE_MODEL = Setting(
    key="improve_model",
    label="Improve the model for everyone",
    description=(
        "Lets OpenAI use your ChatGPT conversations to train its models. On by default "
        "for Free, Plus and Pro accounts. Turning it off covers new conversations."
    ),
    url=ORIGIN + "/#settings/DataControls",
    manual_steps=(
        "Sign in to ChatGPT.",
        'Click your profile picture, then "Settings".',
        'Choose "Data controls".',
        'Click "Improve the model for everyone".',
        "Switch it off in the dialog that opens, then close the dialog.",
    ),
    notes="On by default for Free, Plus and Pro accounts.",
    source="OpenAI Help Center; brave/psst-component task lists",
    # The settings dialog opens over the start page, which is where the clicks begin.
    switch=Switch(path="/", testid="improve-model-toggle", opens=DIALOG),
    evidence=evidence(
        page=(
            Confidence.CONFIRMED,
            f"{PSST}, task 1: the start page, then the profile menu, Settings, Data "
            "controls and the setting's dialog, by their test ids",
        ),
        control=(
            Confidence.CONFIRMED,
            f'{PSST}, task 1: button[data-testid="improve-model-toggle"]',
        ),
        label=(Confidence.CONFIRMED, f"OpenAI Help Center; {PSST}"),
    ),
)


def _tab_steps(setting: Setting) -> tuple[str, ...]:
    return (
        "Sign in to ChatGPT.",
        'Click your profile picture, then "Settings".',
        'Choose "Data controls".',
        f'Switch "{setting.label}" off.',
    )


#: The Data controls tab's own switches, beside the button of the model-training
#: dialog: known by name only.
TAB_SWITCH = Toggles(
    source="shared/platforms.md (public reports, late 2026); brave/psst-component task lists",
    notes=(
        'In the Data controls tab, beside "Improve the model for everyone"; found there by '
        "its label, since its markup is not on record."
    ),
    manual_steps=_tab_steps,
    evidence=evidence(
        page=(
            Confidence.LIKELY,
            "shared/platforms.md: a switch of the Data controls tab (public reports); the "
            f"tab itself is reached by the test ids of {PSST}, task 1",
        ),
        control=(
            Confidence.GUESS,
            "inferred: a switch named by its label among the Data controls tab's "
            "controls; its markup is not on record",
        ),
        label=(Confidence.LIKELY, "shared/platforms.md (public reports, late 2026)"),
    ),
)

_LOCATION = TAB_SWITCH(
    "location",
    "Location",
    "Lets ChatGPT use your location to tailor its answers (nearby places, local "
    "results). Your location goes to OpenAI with your conversations. Its default, and "
    "whether it is your device's precise location or one inferred from your "
    "connection, are not on record. Turning it off stops new answers from using it; "
    "conversations that already used it keep it, and any website still sees the rough "
    "place your connection comes from.",
    Switch(path="/", names=("Location",), opens=TAB),
    url=ORIGIN + "/#settings/DataControls",
)

_REMOTE_BROWSER_DATA = TAB_SWITCH(
    "remote_browser_data",
    "Remote browser data",
    "As its name says, keeps the data of the remote browser ChatGPT's agent uses to "
    "visit websites for you (such as cookies and sign-ins to those sites) from one "
    "task to the next, on OpenAI's side; what exactly it keeps and its default are "
    "not on record. Off, the agent has to be signed in to those sites again; turning "
    "it off is not known to delete what was already kept.",
    Switch(path="/", names=("Remote browser data",), opens=TAB),
    url=ORIGIN + "/#settings/DataControls",
    # Sign-ins to a person's other accounts, held by another company: off even in
    # the recommended preset, though it costs only convenience.
    recommended=State.OFF,
)


class ChatGPT(Plugin):
    """ChatGPT's Data controls: model training, location and remote browser data."""

    name = "chatgpt"
    title = "ChatGPT"
    default_origin = ORIGIN
    # ChatGPT's scripts come from cdn.oaistatic.com.
    asset_hosts = ("oaistatic.com", "oaiusercontent.com", "openai.com")
    order = 20
    # Guesses: ChatGPT's sign-in starts at /auth/login and continues on OpenAI's
    # own sign-in site.
    login_paths = ("/auth/login", "/log-in")
    sign_in_origins = ("https://auth.openai.com",)
    # No verification page is on record; one would read as "unknown", not a guess.
    checkpoint_paths = ()
    # Signing in takes an email step, then a password or a code: not one form.
    login_form = None
    # chatgpt.com serves its start page to visitors too: only the account menu shows
    # a signed-in account (brave/psst-component).
    signed_in_marker = '[data-testid="accounts-profile-button"]'
    settings = (_IMPROVE_MODEL, _LOCATION, _REMOTE_BROWSER_DATA)


#: The setting as the plugin holds it (its platform filled in).
IMPROVE_MODEL = ChatGPT.setting("improve_model")
