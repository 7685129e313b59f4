"""Discord: the switches of User Settings, Data & Privacy.

Discord's settings are a layer over the app, with no address of their own: a person
opens them with the button named "User Settings" and picks the "Data & Privacy" tab
(public automation of the web client opens its settings by that button's name and a
tab's, as here). Under "How Discord uses your data" the page has four switches on
record: "Use my data to improve Discord", "Use data to personalize my Discord
experience", and two for sponsored content, whose wording changed (Discord's help
still shows the older one). Each is found by role and its own label. Discord keeps
its token in the browser's storage, not in a cookie, so a page proves it is an
account's by the "User area" panel (the avatar and name) that only a signed-in app
draws.
"""

from __future__ import annotations

from automation.domain.settings import FOUND_BY_LABEL, Confidence, Setting, State, Switch, evidence
from automation.domain.toggles import Toggles
from automation.plugin import Plugin

ORIGIN = "https://discord.com"
#: The app's home, over which the settings open.
PATH = "/channels/@me"
#: The button and the tab that open the Data & Privacy settings, by role and name.
OPENS = ('role=button[name="User Settings"]', 'role=tab[name="Data & Privacy"]')
#: Discord's help on the sponsored-content switches (User Settings, Data & Privacy,
#: How Discord uses your data), and a report naming all four switches.
HELP = "https://support.discord.com/hc/articles/22225542459415-Data-Used-for-In-Game-Rewards"
REPORT = (
    "https://tengele.com/news/3ad47f60-d339-4c2b-85f4-1d8b155d83a0/"
    "turn-off-these-5-discord-settings-right-now-for-privacy"
)
REPORT_TOO = (
    "https://www.techolam.com/news/discords-data-collection-key-settings-for-creator-control"
)
#: Public automation of Discord's web client that opens its settings by the button's
#: and the tab's names.
SETTINGS_BY_NAME = (
    "thebrianwong/discord-soundboard-fix@004137955442d5a6f94c3639c622b7e6b4d70acc:"
    "src/navigateToVoiceSettings.ts:19"
)
#: Public code that finds the signed-in app's "User area" panel.
USER_AREA = (
    "ppebb/shelter-plugins@7f70289b2a4e6129f3a8a28f5beae14fe7980843:"
    "plugins/reparent-user-panel/index.tsx:2"
)


def _steps(setting: Setting) -> tuple[str, ...]:
    switch = setting.switch
    assert switch is not None
    return (
        "Sign in to Discord (in the app or at discord.com/app).",
        'Open User Settings (the gear beside your name, named "User Settings").',
        'Choose "Data & Privacy", then look under "How Discord uses your data".',
        f'Switch "{switch.names[0]}" off.',
    )


#: Where the switches are: the app's settings layer, its Data & Privacy tab.
PAGE = (
    Confidence.LIKELY,
    'the app\'s button "User Settings", then the tab "Data & Privacy", "How Discord uses '
    f'your data": {HELP}; opened by role and name as in {SETTINGS_BY_NAME}',
)

#: The Data & Privacy switches with one wording on record.
DATA_PRIVACY = Toggles(
    source=f"{REPORT}; {HELP}",
    manual_steps=_steps,
    evidence=evidence(
        page=PAGE,
        control=FOUND_BY_LABEL,
        label=(Confidence.LIKELY, f"{REPORT}; {REPORT_TOO}"),
    ),
)

#: The sponsored-content switches: the wording of 2026 reports, then Discord's help's.
SPONSORED = Toggles(
    source=f"{REPORT}; {HELP}",
    notes="Discord reworded this switch; both wordings are recognised.",
    manual_steps=_steps,
    evidence=evidence(
        page=PAGE,
        control=FOUND_BY_LABEL,
        label=(Confidence.LIKELY, f"current wording: {REPORT}; older wording: {HELP}"),
    ),
)


class Discord(Plugin):
    """Discord's Data & Privacy switches for product improvement, personalisation and
    sponsored content."""

    name = "discord"
    title = "Discord"
    default_origin = ORIGIN
    # Discord's client calls discordapp.com hosts.
    asset_hosts = ("discordapp.com",)
    order = 88
    # Guesses: Discord's sign-in page; it often asks for a code or a captcha.
    login_paths = ("/login",)
    login_form = None
    # Discord keeps its token in localStorage: no cookie of its is on record as the
    # session's; the signed-in app's "User area" panel is.
    signed_in_marker = '[aria-label="User area"]'
    account_source = USER_AREA
    settings = (
        DATA_PRIVACY(
            "improve_discord",
            "Use my data to improve Discord",
            "Lets Discord use data about how you use it to improve and develop its "
            "products. Its default is not on record. Turning it off stops that use from "
            "then on; it does not undo what was already learned from it.",
            Switch(PATH, names=("Use my data to improve Discord",), opens=OPENS),
        ),
        DATA_PRIVACY(
            "personalize",
            "Use data to personalize my Discord experience",
            "Lets Discord use what you do on it to personalise what it shows you "
            "(suggestions, the order of your friends list). Its default is not on record. "
            "A convenience rather than training or ads: the recommended preset leaves it "
            "as you have it, the strict one turns it off. Turning it off makes what Discord shows "
            "general, and does not delete data it already holds.",
            Switch(PATH, names=("Use data to personalize my Discord experience",), opens=OPENS),
            recommended=State.ON,
            strict=State.OFF,
        ),
        SPONSORED(
            "sponsored_activity",
            "Use my Discord activity to personalize Sponsored Content",
            "Lets Discord use what you do on Discord, and on services linked to your "
            "account, to choose the sponsored content (Quests) it shows you. Its default "
            "is not on record. Turning it off keeps that activity out of the choice; "
            "sponsored content is still shown.",
            Switch(
                PATH,
                names=(
                    "Use my Discord activity to personalize Sponsored Content",
                    "Use data based on my Discord activity to personalize sponsored content",
                ),
                opens=OPENS,
            ),
        ),
        SPONSORED(
            "sponsored_third_party",
            "Use third-party data to personalize Sponsored Content",
            "Lets Discord use what advertisers and other companies tell it about you, "
            "such as the games you play outside Discord, to choose the sponsored content "
            "it shows you. Its default is not on record. Turning it off keeps that data "
            "out of the choice; sponsored content is still shown.",
            Switch(
                PATH,
                names=(
                    "Use third-party data to personalize Sponsored Content",
                    "Use data from third party sources about me to personalize sponsored content",
                ),
                opens=OPENS,
            ),
        ),
    )
