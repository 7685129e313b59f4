"""Pinterest: whether your data trains Pinterest Canvas, its image-generating model.

``shared/platforms.md`` records the label and that it sits under Settings,
Privacy and data, at ``/settings/privacy`` (some tools use
``/settings/privacy-and-data``), and marks it unverified (the rollout is uneven).
The plugin opens the first address and, when that page is missing (HTTP 404) or
lacks the switch, the second; a sign-in page, a "not offered" notice or a disabled
switch at the first is the answer, and the second is not tried. The markup is a
guess: the switch is found by role and label.
"""

from __future__ import annotations

from automation.model import FOUND_BY_LABEL, Confidence, Setting, Switch, evidence
from automation.plugin import Plugin

ORIGIN = "https://www.pinterest.com"
#: The "Privacy and data" page, and the address some tools use for it.
PATH = "/settings/privacy"
OTHER_PATH = "/settings/privacy-and-data"
LABEL = "Use your data to train Pinterest Canvas"


class Pinterest(Plugin):
    """Pinterest's privacy setting for training its generative AI."""

    name = "pinterest"
    title = "Pinterest"
    default_origin = ORIGIN
    # Pinterest's scripts come from s.pinimg.com.
    asset_hosts = ("pinimg.com",)
    order = 82
    # Guesses: Pinterest's sign-in page.
    login_paths = ("/login",)
    login_form = None
    settings = (
        Setting(
            key="genai_training",
            label=LABEL,
            description=(
                "Lets Pinterest use your pins, boards and activity to train Pinterest "
                "Canvas, its model that generates images. On by default where it is "
                "offered. Turn it off to keep your data out of that training."
            ),
            manual_steps=(
                "Sign in to Pinterest.",
                "Open Settings (from the menu at the top right).",
                'Choose "Privacy and data".',
                f'Switch "{LABEL}" off.',
            ),
            notes=(
                "Unverified: the rollout is uneven, so the switch may be missing or "
                "worded differently on your account. Looked for at /settings/privacy, "
                "then at /settings/privacy-and-data."
            ),
            source="shared/platforms.md (unverified)",
            switch=Switch(path=PATH, names=(LABEL,), fallbacks=(OTHER_PATH,)),
            evidence=evidence(
                page=(
                    Confidence.LIKELY,
                    "shared/platforms.md: Settings, Privacy and data at /settings/privacy; "
                    "some tools use /settings/privacy-and-data",
                ),
                control=FOUND_BY_LABEL,
                label=(
                    Confidence.LIKELY,
                    "shared/platforms.md (unverified: one weak source, uneven rollout)",
                ),
            ),
        ),
    )
