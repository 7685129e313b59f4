"""Pinterest: whether your data trains Pinterest Canvas, its image-generating model.

``shared/platforms.md`` records the label and that it sits under Settings,
Privacy and data, and marks it unverified (the rollout is uneven). The page
address and the markup are guesses: the switch is found by role and label.
"""

from __future__ import annotations

from automation.model import Setting, State, Switch
from automation.plugin import Plugin

ORIGIN = "https://www.pinterest.com"
# A guess for the "Privacy and data" settings page.
PATH = "/settings/privacy"
LABEL = "Use your data to train Pinterest Canvas"


class Pinterest(Plugin):
    """Pinterest's privacy setting for training its generative AI."""

    name = "pinterest"
    title = "Pinterest"
    default_origin = ORIGIN
    order = 82
    # Guesses: Pinterest's sign-in page.
    login_paths = ("/login",)
    login_form = None
    settings = (
        Setting(
            platform="pinterest",
            key="genai_training",
            label=LABEL,
            description=(
                "Lets Pinterest use your pins, boards and activity to train Pinterest "
                "Canvas, its model that generates images. On by default where it is "
                "offered. Turn it off to keep your data out of that training."
            ),
            url=ORIGIN + PATH,
            recommended=State.OFF,
            manual_steps=(
                "Sign in to Pinterest.",
                "Open Settings (from the menu at the top right).",
                'Choose "Privacy and data".',
                f'Switch "{LABEL}" off.',
            ),
            notes=(
                "Unverified: the rollout is uneven, so the switch may be missing or "
                "worded differently on your account."
            ),
            source="shared/platforms.md (unverified)",
            switch=Switch(path=PATH, names=(LABEL,)),
        ),
    )
