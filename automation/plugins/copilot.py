"""Microsoft Copilot: four switches of its privacy settings, side by side.

``shared/platforms.md`` records the labels of model training on text and on voice
(Settings, Account, Privacy) and, for consumer accounts, "Personalization and
memory" and "Ad personalization" (Settings, Privacy): one page. The page address
and the markup are guesses, so each switch is found by role and its own label.
Signed-out visitors are sent to Microsoft's sign-in service on another host (a
guess).
"""

from __future__ import annotations

from automation.model import FOUND_BY_LABEL, Confidence, Setting, State, Switch, Toggles, evidence
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


def _consumer_steps(setting: Setting) -> tuple[str, ...]:
    return (
        "Sign in to Copilot with your personal Microsoft account.",
        "Open Settings (from your profile picture).",
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


#: The consumer switches beside the training ones: memory, and ads.
CONSUMER = Toggles(
    source="shared/platforms.md (public reports, late 2026)",
    notes=(
        "Offered to consumer (personal Microsoft) accounts; on the same page as the "
        "model-training switches, each found by its own label."
    ),
    manual_steps=_consumer_steps,
    evidence=evidence(
        page=(
            Confidence.GUESS,
            'inferred from "Settings, Privacy" in public reports; no address is on '
            "record, and the settings may live in a dialog",
        ),
        control=FOUND_BY_LABEL,
        label=(Confidence.LIKELY, "shared/platforms.md (public reports, late 2026)"),
    ),
)


class Copilot(Plugin):
    """Copilot's privacy settings: model training on text and voice, memory, ads."""

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
        CONSUMER(
            "personalization_memory",
            "Personalization and memory",
            "Lets Copilot remember things from your conversations and use them, with "
            "your activity, to personalise its answers; Microsoft keeps what it "
            "remembers with your account. Its default is not on record. A convenience "
            "rather than training or ads: the recommended preset leaves it on, the "
            "strict one turns it off. Turning it off stops new memories and "
            "personalisation; whether it also erases what Copilot already remembers is "
            "not on record, so look at its memories in Copilot itself.",
            Switch(PATH, names=("Personalization and memory",)),
            recommended=State.ON,
            strict=State.OFF,
        ),
        CONSUMER(
            "ad_personalization",
            "Ad personalization",
            "Lets Microsoft choose the ads you see in Copilot from what it knows of you, "
            "your Copilot activity included. Its default is not on record. Turning it "
            "off makes the ads general rather than fewer, and does not take back data "
            "already used for them.",
            Switch(PATH, names=("Ad personalization",)),
        ),
    )
