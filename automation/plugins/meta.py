"""Meta (Facebook, Instagram): objecting to the use of your data for its AI.

Not a switch: in the EU and the UK, Meta takes objections through a form. Since
2025 it is one page (``shared/platforms.md``:
``https://www.facebook.com/help/contact/6359191084165019``), and the objection is
confirmed with a code Meta sends by email; WhatsApp takes objections through a
form of its own. Only a person can send it, so the setting is ``manual``: the
checklist shows the steps and the link, and never reads or writes anything on
Meta's sites.
"""

from __future__ import annotations

from automation.model import Confidence, Kind, Setting, evidence
from automation.plugin import Plugin

ORIGIN = "https://www.facebook.com"
#: The objection form, one page since 2025.
FORM = ORIGIN + "/help/contact/6359191084165019"


class Meta(Plugin):
    """Meta's objection form for AI training (manual only)."""

    name = "meta"
    title = "Meta"
    default_origin = ORIGIN
    order = 90
    settings = (
        Setting(
            key="ai_objection",
            label='Object to AI training ("Right to object" form)',
            description=(
                "Meta uses public posts, photos and comments from Facebook and Instagram "
                "to train its AI. In the EU and the UK you can object with a form; once "
                "Meta accepts it, your public content should be left out. There is no "
                "switch: only you can send the form, and privacy-tui cannot read "
                "whether you did. Mark it done here when you have."
            ),
            url=FORM,
            kind=Kind.MANUAL,
            manual_steps=(
                "Sign in to Facebook (or to the Instagram account linked to it) in your browser.",
                "Open Meta's objection form (the link here): one page.",
                "Fill it in: among others, the country you live in and your email address.",
                "Send it, then enter the code Meta emails you to confirm the address.",
                "Keep Meta's answer by email: it says whether the objection was accepted.",
                "For WhatsApp, object separately through WhatsApp's own form.",
            ),
            notes=(
                "Only offered in the EU/EEA and the UK. One page since 2025, confirmed by "
                "an emailed code. WhatsApp has its own form."
            ),
            source="shared/platforms.md",
            evidence=evidence(
                page=(
                    Confidence.LIKELY,
                    "shared/platforms.md: Meta's objection form, one page since 2025",
                ),
            ),
        ),
    )
