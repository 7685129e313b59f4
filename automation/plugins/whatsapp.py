"""WhatsApp: objecting to the use of your data for Meta's AI, through WhatsApp's form.

Not a switch: WhatsApp takes objections through a form of its own, apart from
Meta's for Facebook and Instagram, offered in the EU and the UK. Public guides give
its address, ``https://www.whatsapp.com/contact/forms/382532939919295/``, and the way
to it from WhatsApp's legal pages (the Data Subject Rights form, then "How can I
make an objection to the processing of my information?"). Only a person can send
it, so the setting is ``manual``: the checklist gives the link and the steps, and
nothing of WhatsApp's is ever visited.
"""

from __future__ import annotations

from automation.domain.settings import Confidence, Kind, Setting, evidence
from automation.plugin import Plugin

ORIGIN = "https://www.whatsapp.com"
#: WhatsApp's objection form.
FORM = ORIGIN + "/contact/forms/382532939919295/"
#: Guides that give the form's address and the way to it.
GUIDE = "https://mastodawn.com/post/114432851209828285"
STEPS = "https://www.mgillion.be/articles/08-05-2025"


class WhatsApp(Plugin):
    """WhatsApp's objection form for AI training (manual only)."""

    name = "whatsapp"
    title = "WhatsApp"
    default_origin = ORIGIN
    order = 92
    settings = (
        Setting(
            key="ai_objection",
            label="Object to AI use of your data (WhatsApp's own form)",
            description=(
                "Meta's objection to the use of your data for its AI covers Facebook and "
                "Instagram; WhatsApp takes objections through a form of its own. Offered "
                "in the EU and the UK. There is no switch: only you can send the form, "
                "and privacy-tui cannot read whether you did. An accepted objection keeps "
                "your data out from then on; it is not known to undo use before it. Mark it "
                "done here when you have."
            ),
            url=FORM,
            kind=Kind.MANUAL,
            manual_steps=(
                "Make sure you live in the EU/EEA or the UK: the form is offered there.",
                "Open WhatsApp's objection form (the link here). It is also reached from "
                'whatsapp.com/legal: the Data Subject Rights form, then "How can I make an '
                'objection to the processing of my information?".',
                "Fill it in for the phone number of the account it is about, and send it.",
                "Keep WhatsApp's answer: it says whether the objection was accepted.",
                "Meta's own form (the Meta row) does not cover WhatsApp; send both.",
            ),
            notes="EU/UK only. Meta's form for Facebook and Instagram does not cover WhatsApp.",
            source=f"{GUIDE}; {STEPS}",
            evidence=evidence(
                page=(
                    Confidence.LIKELY,
                    f"the form's address and the way to it from whatsapp.com/legal: {GUIDE}; "
                    f"{STEPS}",
                ),
            ),
        ),
    )
