"""WhatsApp: objecting to the use of your data for Meta's AI, through WhatsApp's form.

Not a switch: ``shared/platforms.md`` records, on Meta's row, that WhatsApp takes
objections through a form of its own, apart from Meta's for Facebook and Instagram,
and that objecting is offered in the EU and the UK. The form's address is not on
record, so the checklist gives steps to find it and WhatsApp's own site as the
link; the setting is ``manual`` and nothing of WhatsApp's is ever visited.
"""

from __future__ import annotations

from automation.model import Confidence, Kind, Setting, evidence
from automation.plugin import Plugin

ORIGIN = "https://www.whatsapp.com"


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
            url=ORIGIN,
            kind=Kind.MANUAL,
            manual_steps=(
                "Make sure you live in the EU/EEA or the UK: the form is offered there.",
                "Find WhatsApp's objection form: its address is not on record here, so "
                "look in WhatsApp's privacy policy (in the app under Settings, Help, or on "
                "whatsapp.com) for how to object to the use of your information for AI.",
                "Fill it in and send it from the account it is about.",
                "Keep WhatsApp's answer: it says whether the objection was accepted.",
                "Meta's own form (the Meta row) does not cover WhatsApp; send both.",
            ),
            notes=(
                "EU/UK only. The form's address is not on record: the link is WhatsApp's "
                "site, the steps say where to look."
            ),
            source="shared/platforms.md (Meta's row)",
            evidence=evidence(
                page=(
                    Confidence.LIKELY,
                    'shared/platforms.md, Meta\'s row: "WhatsApp has its own form"; its '
                    "address is not on record",
                ),
            ),
        ),
    )
