"""Grok on its own site (grok.com): "Improve the Model".

``shared/platforms.md`` ("More settings", public reports, late 2026) records the
setting's label and its address, ``https://grok.com/?_s=data``: the settings open
at their data tab. grok.com is another origin than x.com, with its own account
settings, so it is a platform of its own beside ``x`` (whose Grok checkboxes cover
X's data and Grok on X). The markup is not on record, so the switch is found by its
role and label (a guess). Signing in happens on xAI's accounts site (a guess from
where grok.com's sign-in button leads); no form of it is on record, so it is left
to a person in a browser window.
"""

from __future__ import annotations

from automation.model import FOUND_BY_LABEL, Confidence, Setting, Switch, evidence
from automation.plugin import Plugin

ORIGIN = "https://grok.com"
#: The start page with its settings open at the data tab.
PATH = "/?_s=data"
LABEL = "Improve the Model"
#: Where the facts come from.
REPORTS = 'shared/platforms.md, "More settings" (public reports, late 2026)'

IMPROVE_MODEL = Setting(
    key="improve_model",
    label=LABEL,
    description=(
        "Lets xAI use your conversations with Grok on grok.com to train and improve "
        "its models. Its default is not on record. It is separate from the Grok boxes "
        "in X's settings, which cover your X data and Grok inside X. Turning it off "
        "covers conversations from then on; it does not take back what was already "
        "used for training, and it deletes no conversation."
    ),
    manual_steps=(
        "Sign in to grok.com.",
        f"Open {ORIGIN}{PATH} (Grok's settings, at the data tab).",
        f'Switch "{LABEL}" off.',
    ),
    notes="Grok's own site, signed in separately from X. The page's markup is not on record.",
    source=REPORTS,
    switch=Switch(PATH, names=(LABEL,)),
    evidence=evidence(
        page=(Confidence.LIKELY, f"{REPORTS}: {ORIGIN}{PATH}"),
        control=FOUND_BY_LABEL,
        label=(Confidence.LIKELY, REPORTS),
    ),
)


class Grok(Plugin):
    """grok.com's model-training switch."""

    name = "grok"
    title = "Grok (grok.com)"
    default_origin = ORIGIN
    # grok.com's account pages are served from x.ai hosts.
    asset_hosts = ("x.ai",)
    order = 11
    # Guesses: grok.com sends people to xAI's accounts site to sign in, and may
    # keep sign-in paths of its own.
    login_urls = ("https://accounts.x.ai/",)
    login_paths = ("/sign-in", "/sign-up")
    # No verification page is on record; one would read as "unknown", not a guess.
    checkpoint_paths = ()
    # xAI's sign-in offers an email, X, Google or Apple: not one form a browser can fill.
    login_form = None
    # No mark of a signed-in grok.com page is on record, so signed in is proved by the
    # setting's own switch on its page (the default).
    settings = (IMPROVE_MODEL,)
