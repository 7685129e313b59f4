"""Quora: whether large language models may be trained on what you write.

``shared/platforms.md`` records only the label and that it sits under Settings,
Privacy; the page address, the sign-in path and the markup are guesses, and the
label rests on one weak source, so the switch is found by role and that label.
"""

from __future__ import annotations

from automation.model import FOUND_BY_LABEL, Confidence, Setting, Switch, evidence
from automation.plugin import Plugin

ORIGIN = "https://www.quora.com"
# A guess: Quora's settings tabs are reached from the profile menu; no address is on record.
PATH = "/settings/privacy"
LABEL = "Allow large language models to be trained on your content"


class Quora(Plugin):
    """Quora's privacy setting for training language models on your content."""

    name = "quora"
    title = "Quora"
    default_origin = ORIGIN
    # Quora's scripts come from quoracdn.net.
    asset_hosts = ("quoracdn.net",)
    order = 60
    # Guesses: no record of where Quora sends a signed-out visitor.
    login_paths = ("/login",)
    # Quora's sign-in is a pop-up on its home page with third-party options: left to a
    # person in a browser window.
    login_form = None
    settings = (
        Setting(
            key="llm_training",
            label=LABEL,
            description=(
                "Lets Quora allow large language models to be trained on the questions, "
                "answers and posts you write. Turn it off to keep your writing out of "
                "AI training."
            ),
            manual_steps=(
                "Sign in to Quora.",
                "Open Settings (from the menu under your profile picture).",
                'Choose the "Privacy" section.',
                f'Switch "{LABEL}" off.',
            ),
            notes="The wording and the default are unverified: Quora may show it differently.",
            source="shared/platforms.md (one weak source)",
            switch=Switch(path=PATH, names=(LABEL,)),
            evidence=evidence(
                page=(
                    Confidence.GUESS,
                    'inferred from "Settings, Privacy"; no address is on record',
                ),
                control=FOUND_BY_LABEL,
                label=(Confidence.LIKELY, "one public report (unverified)"),
            ),
        ),
    )
