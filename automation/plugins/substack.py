"""Substack: "Block AI training", a switch each publication has of its own.

ON asks AI crawlers not to use the publication's posts (it sets a flag for
crawlers); OFF, the default, does not. So the recommended state is ON.
``shared/platforms.md`` records the label and that it sits in the publication's
settings, details; the page addresses and the markup are guesses, so the switch is
found by role and label. The real dashboard may live at each publication's own
address; where these guessed pages do not exist the rows read ``unavailable`` or
``unknown``, never a value.
"""

from __future__ import annotations

from automation.model import Discovery, Setting, State, Switch
from automation.plugin import Plugin

ORIGIN = "https://substack.com"
LABEL = "Block AI training"
# Guesses: each publication's settings, and the account's list of publications.
PUBLICATION_PATH = "/publish/settings/{name}"
PUBLICATIONS = Discovery(
    path="/settings",
    link='a[href^="/publish/settings/"]',
    pattern=r"^/publish/settings/(?P<name>[A-Za-z0-9-]+)/?$",
    noun="publication",
)


class Substack(Plugin):
    """Substack's per-publication switch that blocks AI training."""

    name = "substack"
    title = "Substack"
    default_origin = ORIGIN
    order = 72
    # Guesses: Substack's sign-in page. It often signs in with an emailed link.
    login_paths = ("/sign-in",)
    login_form = None
    settings = (
        Setting(
            platform="substack",
            key="block_ai_training",
            label=LABEL,
            description=(
                "ON tells AI crawlers not to use this publication's posts for training "
                "(Substack sets a flag that well-behaved crawlers honour); OFF, the "
                "default, leaves them free to. Recommended: ON. Each of your "
                "publications has its own switch."
            ),
            url=ORIGIN + PUBLICATION_PATH,
            recommended=State.ON,
            manual_steps=(
                "Sign in to Substack and open your publication's dashboard.",
                "Go to Settings.",
                'In the publication details, switch "Block AI training" ON.',
                "Repeat for each of your publications.",
            ),
            notes=(
                "Kept per publication. It asks crawlers to stay away; it cannot stop "
                "one that ignores the flag. Page addresses here are a guess."
            ),
            source="shared/platforms.md",
            switch=Switch(path=PUBLICATION_PATH, names=(LABEL,)),
            per=PUBLICATIONS,
        ),
    )
