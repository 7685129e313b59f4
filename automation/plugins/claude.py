"""Anthropic Claude: "Help improve Claude".

Facts from ``shared/platforms.md``: a toggle on ``/settings/data-privacy-controls``.
Its markup is not on record; it is found as a switch named by its label (a guess:
a toggle that is a button with ``aria-checked``).
"""

from __future__ import annotations

from automation.model import Confidence, Setting, Switch, evidence
from automation.plugin import Plugin

ORIGIN = "https://claude.ai"
PATH = "/settings/data-privacy-controls"

HELP_IMPROVE = Setting(
    key="help_improve",
    label="Help improve Claude",
    description=(
        "Allows the use of your chats and coding sessions to train and improve "
        "Anthropic's AI models. On by default for consumer accounts since the terms "
        "of 28 August 2025."
    ),
    manual_steps=(
        "Sign in to Claude.",
        'Click your name or initials, then "Settings".',
        'Choose "Privacy".',
        'Switch "Help improve Claude" off.',
    ),
    notes="Applies to consumer accounts (the consumer terms since 28 August 2025).",
    source="Anthropic consumer terms update, August 2025; Claude privacy settings",
    switch=Switch(path=PATH, names=("Help improve Claude",)),
    evidence=evidence(
        page=(
            Confidence.LIKELY,
            "Anthropic Privacy Center (Settings, Privacy); public reports, late 2026",
        ),
        control=(
            Confidence.GUESS,
            "inferred: a toggle with aria-checked, named by its label; its markup is not on record",
        ),
        label=(
            Confidence.CONFIRMED,
            'Anthropic Privacy Center, "How do I change my model improvement privacy settings?"',
        ),
    ),
)


class Claude(Plugin):
    """Claude's model-training switch."""

    name = "claude"
    title = "Claude"
    default_origin = ORIGIN
    order = 30
    # Guess: signed-out visitors are sent to /login.
    login_paths = ("/login",)
    # No verification page is on record; one would read as "unknown", not a guess.
    checkpoint_paths = ()
    # Claude signs in by an emailed link or another account, never a password.
    login_form = None
    settings = (HELP_IMPROVE,)
