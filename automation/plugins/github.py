"""GitHub: whether GitHub may use your Copilot data to train AI models.

The page is on record (``shared/platforms.md``: ``/settings/copilot``, on by default
since 24 April 2026 for Copilot Free, Pro and Pro+); the wording of the setting is
not, so the plugin looks for the one wording on record and reads ``unknown`` when
it is not on the page; a new wording found later goes into ``LABELS``. The markup
is a guess: GitHub's settings pages use checkboxes.
"""

from __future__ import annotations

from automation.model import Setting, State, Switch
from automation.plugin import Plugin

ORIGIN = "https://github.com"
PATH = "/settings/copilot"
#: The wordings on record, current first (unverified).
LABELS = ("Allow GitHub to use my data for AI model training",)


class GitHub(Plugin):
    """GitHub's Copilot setting for AI model training on your data."""

    name = "github"
    title = "GitHub"
    default_origin = ORIGIN
    order = 85
    # GitHub's sign-in page and its two-step and device-verification pages (from the
    # public site's addresses; the replica models the sign-in path only).
    login_paths = ("/login", "/session")
    checkpoint_paths = ("/sessions/two-factor", "/sessions/verified-device")
    # Many GitHub accounts meet a two-step check; sign-in is left to a person.
    login_form = None
    settings = (
        Setting(
            platform="github",
            key="copilot_training",
            label="Copilot: use my data for AI model training",
            description=(
                "Lets GitHub use your data from using Copilot (such as prompts, "
                "suggestions and code) to train AI models. On by default since 24 April "
                "2026 for Copilot Free, Pro and Pro+. Turn it off to keep your code and "
                "prompts out of training."
            ),
            url=ORIGIN + PATH,
            recommended=State.OFF,
            manual_steps=(
                "Sign in to GitHub.",
                "Click your profile picture, then Settings.",
                'Choose "Copilot" in the left menu (or open github.com/settings/copilot).',
                "Find the setting that allows GitHub to use your data for AI model "
                "training, and turn it off (uncheck it, or choose Disabled).",
            ),
            notes=(
                "Applies to Copilot Free, Pro and Pro+; Business and Enterprise seats are "
                "governed by the organisation. The wording is unverified."
            ),
            source="shared/platforms.md (wording unverified)",
            switch=Switch(path=PATH, names=LABELS, role="checkbox"),
        ),
    )
