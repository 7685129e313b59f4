"""Slack: opting a workspace out of Slack's global models, by email.

Not a switch: the workspace owner emails feedback@slack.com with the subject
"Slack Global model opt-out request". Only a person can send it, so the setting is
``manual``: the checklist shows the steps and a ``mailto:`` link with the subject
filled in, and never visits a page for it.
"""

from __future__ import annotations

from urllib.parse import quote

from automation.domain.settings import Confidence, Kind, Setting, evidence
from automation.plugin import Plugin

ADDRESS = "feedback@slack.com"
SUBJECT = "Slack Global model opt-out request"
#: Slack's privacy principles, which describe the opt-out, and guides that quote it.
PRINCIPLES = "https://slack.com/trust/data-management/privacy-principles"
QUOTED = "https://readflow.org/article/140870/"
GUIDE = "https://joindeleteme.com/?p=21776"


class Slack(Plugin):
    """Slack's opt-out email for its global models (manual only)."""

    name = "slack"
    title = "Slack"
    default_origin = "https://slack.com"
    order = 91
    settings = (
        Setting(
            key="global_model_optout",
            label="Opt the workspace out of global models (email)",
            description=(
                "Slack uses customer data, such as messages and files, to develop its "
                "global, non-generative models (channel and emoji suggestions, search "
                "ranking) unless the workspace opts out. There is no switch: the workspace "
                "owner must email Slack, so only you can do it, and privacy-tui cannot "
                "read whether it was done. Mark it done here when you have."
            ),
            url=f"mailto:{ADDRESS}?subject={quote(SUBJECT)}",
            kind=Kind.MANUAL,
            manual_steps=(
                "Make sure you are the workspace owner (or ask the owner to do this).",
                f"Send an email to {ADDRESS} (the link here fills it in).",
                f'Use the subject "{SUBJECT}".',
                "In the body, give your workspace's URL (yourname.slack.com).",
                "Keep Slack's reply: it confirms the opt-out.",
            ),
            notes="Included by default on every workspace; only the workspace owner can ask.",
            source=PRINCIPLES,
            evidence=evidence(
                page=(
                    Confidence.LIKELY,
                    f'an email to {ADDRESS}, subject "{SUBJECT}", from the workspace or org '
                    f"owner, as Slack's privacy principles say: {PRINCIPLES}; quoted in "
                    f"{QUOTED}; {GUIDE}",
                ),
            ),
        ),
    )
