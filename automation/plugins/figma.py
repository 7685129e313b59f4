"""Figma: "Content training", an admin setting of a team or an organisation.

``shared/platforms.md`` records the label, that it sits in the AI section of a team's
or organisation's admin settings, that only admins can change it, and that it is on
by default for the Starter and Professional plans. The page's address is not on
record: the plugin uses a likely one, and finds the switch by role and label. A
member who is not an admin is expected to see it disabled or not at all, which
reads ``unavailable`` or ``unknown``, never a value.
"""

from __future__ import annotations

from automation.model import FOUND_BY_LABEL, Confidence, Setting, Switch, evidence
from automation.plugin import Plugin

ORIGIN = "https://www.figma.com"
LABEL = "Content training"
# A guess: the admin settings, whose AI section holds the switch.
PATH = "/admin/settings"


class Figma(Plugin):
    """Figma's admin switch that lets it train AI on the team's files."""

    name = "figma"
    title = "Figma"
    default_origin = ORIGIN
    order = 86
    # Guesses: Figma's sign-in page; it also signs in with Google or single sign-on.
    login_paths = ("/login",)
    login_form = None
    settings = (
        Setting(
            key="content_training",
            label="Content training (admins only; covers the team's files)",
            description=(
                "Lets Figma use the content of your team's or organisation's files to "
                "train its AI models. On by default for the Starter and Professional "
                "plans. Only an admin can change it, and it covers every file of the team "
                "or organisation, not only yours. Turning it off keeps the files out of "
                "training from then on; it does not take them out of models already "
                "trained."
            ),
            manual_steps=(
                "Sign in to Figma as an admin of the team or organisation.",
                "Open its admin settings (from the team's or organisation's name in the "
                "file browser).",
                'Find the "AI" section.',
                f'Switch "{LABEL}" off.',
                "If you are not an admin, ask one: members cannot change it.",
            ),
            notes=(
                "Admins only; it covers the whole team's or organisation's files. On by "
                "default for Starter and Professional. The page's address is a guess."
            ),
            source="shared/platforms.md (public reports, late 2026)",
            switch=Switch(PATH, names=(LABEL,)),
            evidence=evidence(
                page=(
                    Confidence.GUESS,
                    "inferred: the AI section of the team's or organisation's admin "
                    "settings is on record (shared/platforms.md), its address is not",
                ),
                control=FOUND_BY_LABEL,
                label=(Confidence.LIKELY, "shared/platforms.md (public reports, late 2026)"),
            ),
        ),
    )
