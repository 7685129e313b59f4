"""Grok on its own site (grok.com): "Improve the Model".

grok.com's settings open over the start page at their data tab,
``https://grok.com/?_s=data`` (Settings, then Data, in public guides). grok.com is
another origin than x.com, with its own account settings, so it is a platform of its
own beside ``x`` (whose Grok checkboxes cover X's data and Grok on X). The markup is
not on record, so the switch is found by its label (a guess). grok.com shows these
settings to visitors who are not signed in too, keeping a visitor's choice in the
browser: only the ``sso`` session cookie shows that a reading is an account's.
Signing in happens on xAI's accounts site (a guess from where grok.com's sign-in
button leads); no form of it is on record, so it is left to a person in a browser
window.
"""

from __future__ import annotations

from automation.domain.settings import FOUND_BY_LABEL, Confidence, Setting, Switch, evidence
from automation.plugin import Plugin

ORIGIN = "https://grok.com"
#: The start page with its settings open at the data tab.
PATH = "/?_s=data"
LABEL = "Improve the Model"
#: A guide to grok.com's own settings: Settings, then Data, then "Improve the Model".
GUIDE = "https://supergrok.tech/guides/grok-data-opt-out/"
#: grok.com's session cookie, as public tools that use a signed-in session record it.
COOKIE = "Bzcasper/GrokProxy@a183ba32fc58a4c16f8c4701307f13b722350229:COOKIE_SETUP_GUIDE.md"

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
    notes=(
        "Grok's own site, signed in separately from X. grok.com shows these settings to "
        "visitors who are not signed in too: only its session cookie shows a reading is "
        "your account's. The page's markup is not on record."
    ),
    source=GUIDE,
    switch=Switch(PATH, names=(LABEL,)),
    evidence=evidence(
        page=(Confidence.LIKELY, f"{GUIDE} (Settings, then Data)"),
        control=FOUND_BY_LABEL,
        label=(Confidence.LIKELY, GUIDE),
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
    # grok.com shows its settings to visitors too: only the session cookie shows an
    # account.
    session_cookies = ("sso",)
    account_source = COOKIE
    settings = (IMPROVE_MODEL,)
