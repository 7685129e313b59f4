"""Anthropic Claude: "Help improve Claude" and "Location metadata".

claude.ai's settings are a dialog over the app, opened by an address that differs
only after "#": ``/new#settings/data-privacy-controls`` (the old
``/settings/data-privacy-controls`` serves nothing when signed in, and is tried only
as a second address). The panel is ``[data-perf-screen="data-privacy-controls"]``;
each switch sits in a ``[data-settings-row]`` and is named only by its row's words,
which the shared switch code reads as its label. The control is looked for inside
the panel alone, so nothing else on the app's page is taken for it.
"""

from __future__ import annotations

from typing import ClassVar

from automation.domain.settings import Confidence, Setting, State, Switch, evidence
from automation.domain.toggles import Toggles
from automation.domain.words import with_words
from automation.plugin import Plugin

ORIGIN = "https://claude.ai"
#: The settings dialog over the app, at its privacy panel.
PATH = "/new#settings/data-privacy-controls"
#: The address of the panel before the settings became a dialog.
OLD_PATH = "/settings/data-privacy-controls"
PANEL = '[data-perf-screen="data-privacy-controls"]'
#: How claude.ai's settings are reached and built, read off a real account.
DATAPORTER = (
    "lukin0110/dataporter@37f5e13075fb27273283d4e7b83165a9d9bcd355:src/dataporter/sources/claude.py"
)
#: Anthropic's help on the model-training setting.
PRIVACY_HELP = (
    "https://privacy.anthropic.com/en/articles/"
    "12109829-how-do-i-change-my-model-improvement-privacy-settings"
)
#: Anthropic's help on location data, and a guide that names the switch.
LOCATION_HELP = "https://privacy.claude.com/zh-CN/articles/11186740"
LOCATION_GUIDE = "https://logicity.in/en/blog/3-claude-privacy-settings-you-should-change-right-now"


def _steps(setting: Setting) -> tuple[str, ...]:
    return (
        "Sign in to Claude.",
        'Click your name or initials, then "Settings".',
        'Choose "Privacy".',
        f'Switch "{setting.label}" off.',
    )


PRIVACY = Toggles(
    source=DATAPORTER,
    manual_steps=_steps,
)

HELP_IMPROVE = PRIVACY(
    "help_improve",
    "Help improve Claude",
    "Allows the use of your chats and coding sessions to train and improve "
    "Anthropic's AI models. On by default for consumer accounts since the terms of "
    "28 August 2025.",
    Switch(path=PATH, names=("Help improve Claude",), within=PANEL, fallbacks=(OLD_PATH,)),
    notes="Applies to consumer accounts (the consumer terms since 28 August 2025).",
    evidence=evidence(
        page=(Confidence.CONFIRMED, f"{DATAPORTER}: EXPORT_PAGE_PATH, the panel's address"),
        control=(
            Confidence.LIKELY,
            f"{DATAPORTER}: the panel's rows are [data-settings-row], those above "
            '"Export data" hold a switch with no name of its own',
        ),
        label=(Confidence.CONFIRMED, PRIVACY_HELP),
    ),
)

LOCATION_METADATA = PRIVACY(
    "location_metadata",
    "Location metadata",
    "Lets Claude use your approximate location (city or region, found from your "
    "connection's address) with your chats, for answers such as places nearby. On by "
    "default. It goes to Anthropic. Turning it off stops its use from then on; chats that "
    "already carried it are not changed, and Anthropic still sees your connection's "
    "address as any website does.",
    Switch(path=PATH, names=("Location metadata",), within=PANEL, fallbacks=(OLD_PATH,)),
    notes='In the same panel as "Help improve Claude"; found by its own row\'s words.',
    recommended=State.OFF,
    evidence=evidence(
        page=(Confidence.CONFIRMED, f"{DATAPORTER}: EXPORT_PAGE_PATH, the panel's address"),
        control=(
            Confidence.LIKELY,
            f"{DATAPORTER}: the panel's rows are [data-settings-row], those above "
            '"Export data" hold a switch with no name of its own',
        ),
        label=(Confidence.LIKELY, f"{LOCATION_HELP}; {LOCATION_GUIDE}"),
    ),
)


class Claude(Plugin):
    """Claude's privacy switches: model training and location metadata."""

    name = "claude"
    title = "Claude"
    default_origin = ORIGIN
    # Claude's pages call anthropic.com hosts.
    asset_hosts = ("anthropic.com",)
    order = 30
    # Signed-out visitors are sent to /login (lukin0110/dataporter's sign_in_paths).
    login_paths = ("/login",)
    # No verification page is on record; one would read as "unknown", not a guess.
    checkpoint_paths = ()
    # Claude signs in by an emailed link or another account, never a password.
    login_form = None
    # The app itself, where a signed-in account lands.
    signed_in_path = "/new"
    session_cookies = ("sessionKey",)
    account_source = (
        "durapensa/poc@5ac58cb14b31d891e7c39d362ffe3b4330d6755e:docs/REAL_API_ENDPOINTS.md"
    )
    settings: ClassVar[tuple[Setting, ...]] = (HELP_IMPROVE, LOCATION_METADATA)


#: Claude's Japanese interface words that Japanese guides quote, each for the English words
#: of the steps and notes it stands for: the Japanese texts use these words, so a person
#: finds them on the page. Anthropic's own Japanese help naming them is not on record.
JACKY = "https://jacky-webworks.com/?p=2855"
MONEYFORWARD = "https://biz.moneyforward.com/ai/basic/2636"
JAPANESE_WORDS: dict[str, tuple[str, tuple[str, ...]]] = {
    '"Settings"': ("設定", (JACKY, MONEYFORWARD)),
    '"Privacy"': ("プライバシー", (JACKY, MONEYFORWARD)),
    '"Help improve Claude"': ("Claudeの改善にご協力ください", (JACKY, MONEYFORWARD)),
    '"Location metadata"': ("ロケーションメタデータ", (JACKY,)),
}


def _in_japanese(setting: Setting) -> Setting:
    """``setting`` with the evidence of each Japanese interface word its steps name."""
    return with_words(setting, JAPANESE_WORDS, "Japanese guides")


Claude.settings = tuple(_in_japanese(setting) for setting in Claude.settings)
