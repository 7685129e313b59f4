"""Meta (Facebook, Instagram): objecting to the use of your data for its AI.

Not a switch: in the EU and the UK, Meta takes objections through a "Right to
object" form in its Privacy Center, several pages long, confirmed with a code sent
by email. Only a person can send it, so the setting is ``manual``: the checklist
shows the steps and the link, and never reads or writes anything on Meta's sites.
"""

from __future__ import annotations

from automation.model import Kind, Setting, State
from automation.plugin import Plugin

ORIGIN = "https://www.facebook.com"
# A guess at the Privacy Center's generative AI page; the form is reached from it.
PAGE = ORIGIN + "/privacy/genai/"


class Meta(Plugin):
    """Meta's objection form for AI training (manual only)."""

    name = "meta"
    title = "Meta"
    default_origin = ORIGIN
    order = 90
    settings = (
        Setting(
            platform="meta",
            key="ai_objection",
            label='Object to AI training ("Right to object" form)',
            description=(
                "Meta uses public posts, photos and comments from Facebook and Instagram "
                "to train its AI. In the EU and the UK you can object with a form; once "
                "Meta accepts it, your public content should be left out. There is no "
                "switch: only you can send the form, and privacy-tui cannot read "
                "whether you did. Mark it done here when you have."
            ),
            url=PAGE,
            # For a manual setting "off" means: opted out.
            recommended=State.OFF,
            kind=Kind.MANUAL,
            manual_steps=(
                "Sign in to Facebook or Instagram in your browser.",
                "Open Meta's Privacy Center and its page on generative AI (the link here).",
                'Choose "Right to object" and open the form.',
                "Fill in each page of the form (among others, the country you live in "
                "and your email address).",
                "Enter the code Meta emails you to confirm the address, then send the form.",
                "Keep Meta's answer by email: it says whether the objection was accepted.",
            ),
            notes="Only offered in the EU/EEA and the UK.",
            source="shared/platforms.md",
        ),
    )
