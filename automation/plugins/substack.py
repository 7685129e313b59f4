"""Substack: "Block AI training", a switch each publication has of its own.

ON asks AI crawlers not to use the publication's posts (it sets a flag for
crawlers); OFF, the default, does not. So the recommended state is ON.

``shared/platforms.md`` records that each publication lives on a host of its own,
below Substack's: its settings are at ``https://<publication>.substack.com/publish/settings``.
So the publications are found as links to hosts below ``substack.com`` on the
account's list of publications, each publication's name is its host's first
label, and each one's switch is read on that host. The label is "Block AI
training" (a 2026 report has it worded "Opt out of AI training"; both are
recognised). The list page's address and the markup are guesses, so the switch is
found by role and label; where the guessed pages do not exist the rows read
``unavailable`` or ``unknown``, never a value.
"""

from __future__ import annotations

from automation.model import (
    FOUND_BY_LABEL,
    Confidence,
    Discovery,
    Setting,
    State,
    Switch,
    evidence,
)
from automation.plugin import Plugin

ORIGIN = "https://substack.com"
LABEL = "Block AI training"
#: The wordings on record, the first current until a 2026 report.
LABELS = (LABEL, "Opt out of AI training")
#: A publication's settings, on its own host (``<publication>.substack.com``).
PUBLICATION_PATH = "/publish/settings"
# A guess: the account's list of publications, linking to each one's own host.
PUBLICATIONS = Discovery(
    path="/settings",
    link='a[href*="/publish"]',
    pattern=r"^(?!www$)(?P<name>[a-z0-9-]+)$",
    noun="publication",
    subdomain=True,
)


class Substack(Plugin):
    """Substack's per-publication switch that blocks AI training."""

    name = "substack"
    title = "Substack"
    default_origin = ORIGIN
    # Substack's scripts come from substackcdn.com.
    asset_hosts = ("substackcdn.com",)
    order = 72
    # Each publication is on a host below substack.com.
    subdomains = True
    # Guesses: Substack's sign-in page. It often signs in with an emailed link.
    login_paths = ("/sign-in",)
    login_form = None
    settings = (
        Setting(
            key="block_ai_training",
            label=LABEL,
            description=(
                "ON tells AI crawlers not to use this publication's posts for training "
                "(Substack sets a flag that well-behaved crawlers honour); OFF, the "
                "default, leaves them free to. Recommended: ON. Each of your "
                "publications has its own switch."
            ),
            recommended=State.ON,
            manual_steps=(
                "Sign in to Substack.",
                "Open your publication's settings: "
                "https://<your publication>.substack.com/publish/settings.",
                'Switch "Block AI training" (newer wording: "Opt out of AI training") ON.',
                "Repeat for each of your publications.",
            ),
            notes=(
                "Kept per publication, each on its own host (<publication>.substack.com). "
                "It asks crawlers to stay away; it cannot stop one that ignores the flag. "
                "The page that lists your publications is a guess."
            ),
            source="shared/platforms.md",
            switch=Switch(path=PUBLICATION_PATH, names=LABELS, subdomain="{name}"),
            per=PUBLICATIONS,
            evidence=evidence(
                page=(
                    Confidence.LIKELY,
                    "shared/platforms.md: <publication>.substack.com/publish/settings; the "
                    "account's list of publications at substack.com/settings is inferred",
                ),
                control=FOUND_BY_LABEL,
                label=(
                    Confidence.LIKELY,
                    'shared/platforms.md; a 2026 report for "Opt out of AI training"',
                ),
            ),
        ),
    )
