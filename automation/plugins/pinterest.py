"""Pinterest: whether your data trains Pinterest Canvas, its image-generating model.

A public guide records the label, "Use your data to train Pinterest Canvas", under
Settings, "Privacy and data"; Pinterest's own help describes that page and the
personalisation settings beside it. The page's address is not on a page a reader
can open: public privacy directories link both ``/settings/privacy`` and
``/settings/privacy-and-data``. The plugin opens the first and, when that page is
missing (HTTP 404) or lacks the switch, the second; a sign-in page, a "not offered"
notice or a disabled switch at the first is the answer, and the second is not
tried. The markup is not on record: the switch is found by role and label. A session
is proved by ``_pinterest_sess``, the cookie Pinterest signs people in with.
"""

from __future__ import annotations

from automation.domain.settings import FOUND_BY_LABEL, Confidence, Setting, Switch, evidence
from automation.plugin import Plugin

ORIGIN = "https://www.pinterest.com"
#: The "Privacy and data" page, and the other address directories use for it.
PATH = "/settings/privacy"
OTHER_PATH = "/settings/privacy-and-data"
LABEL = "Use your data to train Pinterest Canvas"
#: Pinterest's help on the "Privacy and data" settings, and a guide to the switch.
HELP = "https://help.pinterest.com/en/article/your-privacy-and-data-settings"
GUIDE = "https://millikancorydon.com/6637/feature/protect-yourself-from-pinterest-ai"
#: A cookie directory that lists Pinterest's cookies: ``_pinterest_sess`` signs in.
COOKIES = (
    "https://www.ccm19.de/plugin.php?menuid=308&template=mv/templates/mv_show_front.html"
    "&mv_id=4&extern_meta=x&mv_content_id=224&getlang=en"
)


class Pinterest(Plugin):
    """Pinterest's privacy setting for training its generative AI."""

    name = "pinterest"
    title = "Pinterest"
    default_origin = ORIGIN
    # Pinterest's scripts come from s.pinimg.com.
    asset_hosts = ("pinimg.com",)
    order = 82
    # Guesses: Pinterest's sign-in page.
    login_paths = ("/login",)
    login_form = None
    session_cookies = ("_pinterest_sess",)
    account_source = COOKIES
    settings = (
        Setting(
            key="genai_training",
            label=LABEL,
            description=(
                "Lets Pinterest use your pins, boards and activity to train Pinterest "
                "Canvas, its model that generates images. On by default where it is "
                "offered. Turn it off to keep your data out of that training."
            ),
            manual_steps=(
                "Sign in to Pinterest.",
                "Open Settings (from the menu at the top right).",
                'Choose "Privacy and data".',
                f'Switch "{LABEL}" off.',
            ),
            notes=(
                "The rollout is uneven, so the switch may be missing or worded differently "
                "on your account. Looked for at /settings/privacy, then at "
                "/settings/privacy-and-data."
            ),
            source=f"{GUIDE}; {HELP}",
            switch=Switch(path=PATH, names=(LABEL,), fallbacks=(OTHER_PATH,)),
            evidence=evidence(
                page=(
                    Confidence.GUESS,
                    "inferred: the addresses /settings/privacy and /settings/privacy-and-data "
                    '(public privacy directories link both). The page itself, "Privacy and '
                    f'data" under Settings, is on record: {HELP}; {GUIDE}',
                ),
                control=FOUND_BY_LABEL,
                label=(Confidence.LIKELY, f"{GUIDE} (Settings, Privacy and data)"),
            ),
        ),
    )
