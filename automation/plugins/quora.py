"""Quora: whether large language models may be trained on what you write.

Quora Help ("Can I opt out of my content on Quora being used to train LLMs?") says
the opt-out is on the privacy settings page as "Allow large language models to be
trained on your content"; the page's address and the markup are not on record, so
the switch is found by role and that label.

Signed in is shown by Quora's ``m-b`` cookie, the one public clients of Quora take
from a signed-in browser; visitors may hold one too, so the settings page must also
load without Quora's sign-in page on the way.
"""

from __future__ import annotations

from typing import ClassVar

from automation.domain.settings import (
    FOUND_BY_LABEL,
    Confidence,
    Evidence,
    Setting,
    Switch,
    evidence,
)
from automation.plugin import Plugin

ORIGIN = "https://www.quora.com"
# A guess: Quora's settings tabs are reached from the profile menu; no address is on record.
PATH = "/settings/privacy"
LABEL = "Allow large language models to be trained on your content"
#: Quora Help on the opt-out (the article as served in Hindi; its id is the same in
#: every language).
HELP = "https://help.quora.com/hc/hi/articles/15205064557844"
#: A public client of Quora: the ``m-b`` cookie of a signed-in browser.
COOKIES = "StreakingJerry/PoeAPI@46ab92572c48db7ad05287bfe42abfd8a7b8530c:example/python3.py"


class Quora(Plugin):
    """Quora's privacy setting for training language models on your content."""

    name = "quora"
    title = "Quora"
    default_origin = ORIGIN
    # Quora's scripts come from quoracdn.net.
    asset_hosts = ("quoracdn.net",)
    order = 60
    # Guesses: no record of where Quora sends a signed-out visitor.
    login_paths = ("/login",)
    # Quora's sign-in is a pop-up on its home page with third-party options: left to a
    # person in a browser window.
    login_form = None
    session_cookies = ("m-b",)
    account_source = COOKIES
    settings: ClassVar[tuple[Setting, ...]] = (
        Setting(
            key="llm_training",
            label=LABEL,
            description=(
                "Lets Quora allow large language models to be trained on the questions, "
                "answers and posts you write. Turn it off to keep your writing out of "
                "AI training."
            ),
            manual_steps=(
                "Sign in to Quora.",
                "Open Settings (from the menu under your profile picture).",
                'Choose the "Privacy" section.',
                f'Switch "{LABEL}" off.',
            ),
            notes=(
                "Quora says it does not train models on what people write on Quora today; "
                "the setting says whether it may in future. Its default is not on record."
            ),
            source=HELP,
            switch=Switch(path=PATH, names=(LABEL,)),
            evidence=(
                *evidence(
                    page=(Confidence.LIKELY, f"{HELP} (the privacy settings page)"),
                    control=FOUND_BY_LABEL,
                    label=(Confidence.LIKELY, f"{HELP} (quoted in Hindi there)"),
                ),
                Evidence(
                    "page",
                    Confidence.GUESS,
                    "inferred: the privacy settings at /settings/privacy; no address is on record",
                ),
            ),
        ),
    )
