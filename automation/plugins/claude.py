"""Anthropic Claude: "Help improve Claude" and "Location metadata", on one page.

Facts from ``shared/platforms.md``: two toggles side by side on
``/settings/data-privacy-controls``. Their markup is not on record; each is found as
a switch named by its own label (a guess: a toggle that is a button with
``aria-checked``), so neither can be taken for the other.
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


LOCATION_METADATA = Setting(
    key="location_metadata",
    label="Location metadata",
    description=(
        "Lets Claude use metadata about where you are, such as the area your "
        "connection comes from, with your chats; how precise it is and its default "
        "are not on record. It goes to Anthropic. Turning it off stops its use from "
        "then on; chats that already carried it are not changed, and Anthropic still "
        "sees your connection's address as any website does."
    ),
    manual_steps=(
        "Sign in to Claude.",
        'Click your name or initials, then "Settings".',
        'Choose "Privacy".',
        'Switch "Location metadata" off.',
    ),
    notes='On the same page as "Help improve Claude"; found by its own label.',
    source="shared/platforms.md (public reports, late 2026)",
    switch=Switch(path=PATH, names=("Location metadata",)),
    evidence=evidence(
        page=(
            Confidence.LIKELY,
            'shared/platforms.md: beside "Help improve Claude" on '
            "/settings/data-privacy-controls (public reports, late 2026)",
        ),
        control=(
            Confidence.GUESS,
            "inferred: a toggle with aria-checked, named by its label; its markup is not on record",
        ),
        label=(Confidence.LIKELY, "shared/platforms.md (public reports, late 2026)"),
    ),
)


class Claude(Plugin):
    """Claude's privacy switches: model training and location metadata."""

    name = "claude"
    title = "Claude"
    default_origin = ORIGIN
    # Claude's pages call anthropic.com hosts.
    asset_hosts = ("anthropic.com",)
    order = 30
    # Guess: signed-out visitors are sent to /login.
    login_paths = ("/login",)
    # No verification page is on record; one would read as "unknown", not a guess.
    checkpoint_paths = ()
    # Claude signs in by an emailed link or another account, never a password.
    login_form = None
    settings = (HELP_IMPROVE, LOCATION_METADATA)
