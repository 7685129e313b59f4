"""Perplexity: AI data retention, whether your searches help improve its models.

``shared/platforms.md`` records the label in two wordings ("AI data retention";
Perplexity's FAQ calls it "AI Data Usage") and that it sits under Settings,
Preferences; the page address and the markup are guesses, so the switch is found
by role and either label.
"""

from __future__ import annotations

from automation.model import FOUND_BY_LABEL, Confidence, Setting, Switch, evidence
from automation.plugin import Plugin

ORIGIN = "https://www.perplexity.ai"
# A guess for the Preferences tab of the settings.
PATH = "/settings/preferences"
#: The label's wordings on record: the settings page's, then the FAQ's.
LABELS = ("AI data retention", "AI Data Usage")


class Perplexity(Plugin):
    """Perplexity's preference for keeping your data to improve its AI."""

    name = "perplexity"
    title = "Perplexity"
    default_origin = ORIGIN
    order = 83
    # Guesses: Perplexity's sign-in page. It signs in with an emailed link or code,
    # which only a person can follow.
    login_paths = ("/login", "/auth/signin")
    login_form = None
    settings = (
        Setting(
            key="data_retention",
            label="AI data retention",
            description=(
                "Lets Perplexity keep your searches and the answers you get to improve "
                "its AI models. On by default. Turn it off to keep your questions out of "
                "that use."
            ),
            manual_steps=(
                "Sign in to Perplexity.",
                "Open Settings.",
                'Choose "Preferences".',
                'Switch "AI data retention" (called "AI Data Usage" in Perplexity\'s FAQ) off.',
            ),
            notes=(
                'Perplexity\'s FAQ calls the switch "AI Data Usage"; both wordings are recognised.'
            ),
            source="shared/platforms.md",
            switch=Switch(path=PATH, names=LABELS),
            evidence=evidence(
                page=(
                    Confidence.GUESS,
                    "Settings, Preferences (shared/platforms.md); the address is inferred",
                ),
                control=FOUND_BY_LABEL,
                label=(
                    Confidence.LIKELY,
                    "public guides (AI data retention) and Perplexity's FAQ (AI Data Usage), "
                    "as collected in shared/platforms.md",
                ),
            ),
        ),
    )
