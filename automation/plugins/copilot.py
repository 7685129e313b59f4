"""Microsoft Copilot: model training on your text and on your voice, two switches.

``shared/platforms.md`` records both labels and that they sit under Settings,
Account, Privacy; the page address and the markup are guesses, so each switch is
found by role and label. Signed-out visitors are sent to Microsoft's sign-in
service on another host (a guess).
"""

from __future__ import annotations

from automation.model import FOUND_BY_LABEL, Confidence, Setting, Switch, Toggles, evidence
from automation.plugin import Plugin

ORIGIN = "https://copilot.microsoft.com"
# A guess: the privacy settings may live in a dialog, not at an address of their own.
PATH = "/settings/privacy"


def _steps(setting: Setting) -> tuple[str, ...]:
    return (
        "Sign in to Copilot with your Microsoft account.",
        "Open Settings (from your profile picture), then Account.",
        'Choose "Privacy".',
        f'Switch "{setting.label}" off.',
    )


def _description(what: str) -> str:
    return (
        f"Lets Microsoft use your {what} with Copilot to train its generative AI "
        "models. On by default. Turn it off to keep them out of training."
    )


#: Copilot's training switches, side by side on its privacy settings.
TRAINING = Toggles(
    source="shared/platforms.md",
    notes=(
        "Hidden for work and school accounts, for people under 18 and in some countries; "
        "where it is hidden the row reads unknown or unavailable."
    ),
    manual_steps=_steps,
    evidence=evidence(
        page=(
            Confidence.GUESS,
            'inferred from "Settings, Account, Privacy" in Microsoft\'s Copilot help; '
            "no address is on record, and the settings may live in a dialog",
        ),
        control=FOUND_BY_LABEL,
        label=(Confidence.LIKELY, "public guides to Copilot's privacy settings, 2026"),
    ),
)


class Copilot(Plugin):
    """Copilot's privacy settings for model training on text and on voice."""

    name = "copilot"
    title = "Copilot"
    default_origin = ORIGIN
    order = 84
    # Guesses: Microsoft's account sign-in hosts, and a sign-in path on Copilot.
    login_urls = ("https://login.live.com/", "https://login.microsoftonline.com/")
    login_paths = ("/signin",)
    # A Microsoft account sign-in takes several steps and often a code: left to a person.
    login_form = None
    settings = (
        TRAINING(
            "model_training_text",
            "Model training on text",
            _description("conversations (text)"),
            Switch(PATH, names=("Model training on text",)),
        ),
        TRAINING(
            "model_training_voice",
            "Model training on voice",
            _description("voice conversations"),
            Switch(PATH, names=("Model training on voice",)),
        ),
    )
