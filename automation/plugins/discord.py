"""Discord: two switches of User Settings, Data & Privacy.

``shared/platforms.md`` records two labels on that page, "Use my data to improve
Discord" and "Use data to personalize my Discord experience", and says it also holds
"two sponsored-content switches" without giving their wording. Those two are left
out: a switch is found by its label, and a label made up here would either find
nothing or, worse, match something else; their row would only ever read
``unknown``. They are named in the steps instead, for a person to look at. The
page's address and the markup are guesses, so each switch is found by role and its
own label.
"""

from __future__ import annotations

from automation.model import FOUND_BY_LABEL, Confidence, Setting, State, Switch, Toggles, evidence
from automation.plugin import Plugin

ORIGIN = "https://discord.com"
# A guess: Discord opens User Settings over the app; no address of the Data & Privacy
# page is on record.
PATH = "/settings/data-and-privacy"


def _steps(setting: Setting) -> tuple[str, ...]:
    switch = setting.switch
    assert switch is not None
    return (
        "Sign in to Discord (in the app or at discord.com/app).",
        "Open User Settings (the gear beside your name).",
        'Choose "Data & Privacy".',
        f'Switch "{switch.names[0]}" off.',
        "The same page has two sponsored-content switches: look at them too.",
    )


#: The Data & Privacy switches whose wording is on record.
DATA_PRIVACY = Toggles(
    source="shared/platforms.md (public reports, late 2026)",
    notes=(
        "The same page has two sponsored-content switches; their wording is not on record, "
        "so they are left to you (see the steps)."
    ),
    manual_steps=_steps,
    evidence=evidence(
        page=(
            Confidence.GUESS,
            'inferred: "User Settings, Data & Privacy" is on record (shared/platforms.md), '
            "an address of its own is not",
        ),
        control=FOUND_BY_LABEL,
        label=(Confidence.LIKELY, "shared/platforms.md (public reports, late 2026)"),
    ),
)


class Discord(Plugin):
    """Discord's Data & Privacy switches for product improvement and personalisation."""

    name = "discord"
    title = "Discord"
    default_origin = ORIGIN
    # Discord's client calls discordapp.com hosts.
    asset_hosts = ("discordapp.com",)
    order = 88
    # Guesses: Discord's sign-in page; it often asks for a code or a captcha.
    login_paths = ("/login",)
    login_form = None
    settings = (
        DATA_PRIVACY(
            "improve_discord",
            "Use my data to improve Discord",
            "Lets Discord use data about how you use it to improve and develop its "
            "products. Its default is not on record. Turning it off stops that use from "
            "then on; it does not undo what was already learned from it.",
            Switch(PATH, names=("Use my data to improve Discord",)),
        ),
        DATA_PRIVACY(
            "personalize",
            "Use data to personalize my Discord experience",
            "Lets Discord use what you do on it to personalise what it shows you "
            "(suggestions, for example). Its default is not on record. A convenience "
            "rather than training or ads: the recommended preset leaves it on, the "
            "strict one turns it off. Turning it off makes what Discord shows general, "
            "and does not delete data it already holds.",
            Switch(PATH, names=("Use data to personalize my Discord experience",)),
            recommended=State.ON,
            strict=State.OFF,
        ),
    )
