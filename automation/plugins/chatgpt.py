"""OpenAI ChatGPT: "Improve the model for everyone", in a dialog behind several clicks.

Facts from ``shared/platforms.md``: the switch is ``button[data-testid=
"improve-model-toggle"]`` with ``aria-checked``, in a dialog opened from Settings,
Data controls. The settings dialog is reached through the test ids
``accounts-profile-button``, ``settings-menu-item``, ``data-controls-tab`` and
``improve-model-open-modal-button``, clicked in that order. All of it is data for
the shared switch code.
"""

from __future__ import annotations

from automation.model import Confidence, Setting, Switch, evidence
from automation.plugin import Plugin

ORIGIN = "https://chatgpt.com"
#: Brave's public automation code, which switches this setting with these test ids.
PSST = "brave/psst-component src/chatgpt/user.ts"

#: The clicks that reveal the switch, in order.
DIALOG = tuple(
    f'[data-testid="{testid}"]'
    for testid in (
        "accounts-profile-button",
        "settings-menu-item",
        "data-controls-tab",
        "improve-model-open-modal-button",
    )
)

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


class ChatGPT(Plugin):
    """ChatGPT's model-training switch."""

    name = "chatgpt"
    title = "ChatGPT"
    default_origin = ORIGIN
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
    settings = (_IMPROVE_MODEL,)


#: The setting as the plugin holds it (its platform filled in).
IMPROVE_MODEL = ChatGPT.setting("improve_model")
