"""Meta (Facebook, Instagram): objecting to the use of your data for its AI.

Not a switch: in the EU and the UK, Meta takes objections through a form, one page
at ``https://www.facebook.com/help/contact/6359191084165019`` (the direct link public
guides give), confirmed by an email Meta sends (with a code or a link); WhatsApp
takes objections through a form of its own. Only a person can send it, so the
setting is ``manual``: the checklist shows the steps and the link, and never reads or
writes anything on Meta's sites.
"""

from __future__ import annotations

from automation.model import Confidence, Kind, Setting, evidence
from automation.plugin import Plugin

ORIGIN = "https://www.facebook.com"
#: The objection form, one page.
FORM = ORIGIN + "/help/contact/6359191084165019"
#: A guide that links the form directly, and guides to the steps and the email.
GUIDE = "https://penworks.net/blog/opting-out-of-meta-facebook-ai-training-data"
STEPS = "https://www.mgillion.be/articles/08-05-2025"
ONE_PAGE = "https://vivdunstan.dreamwidth.org/594879.html"


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
                "Only offered in the EU/EEA and the UK. One page, confirmed by an emailed "
                "code or link. WhatsApp has its own form."
            ),
            source=f"{GUIDE}; {STEPS}",
            evidence=evidence(
                page=(
                    Confidence.LIKELY,
                    f"the form's direct link: {GUIDE}; one page, confirmed by email: "
                    f"{ONE_PAGE}; {STEPS}",
                ),
            ),
        ),
    )
