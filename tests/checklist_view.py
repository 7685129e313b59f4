"""Reading the checklist in the tests through its public API.

Rows are named as the tests write them: a setting's id, or ``platform:<name>`` for a
platform's header row.
"""

from __future__ import annotations

from collections.abc import Iterator

from textual.message import Message
from textual.notifications import Notification, Notify

from tui.app import PrivacyApp
from tui.model import PlatformRow, Row, SettingRow

PLATFORM_ROW = "platform:"


def name(row: Row | None) -> str | None:
    if row is None:
        return None
    if isinstance(row, PlatformRow):
        return PLATFORM_ROW + row.platform
    return row.setting_id


def row(name: str) -> Row:
    if name.startswith(PLATFORM_ROW):
        return PlatformRow(name[len(PLATFORM_ROW) :])
    return SettingRow(name)


def highlighted(app: PrivacyApp) -> str | None:
    """The row under the cursor."""
    return name(app.checklist.highlighted())


def row_keys(app: PrivacyApp) -> list[str]:
    """The rows shown, in order."""
    return [name(r) or "" for r in app.checklist.rows_shown()]


def move_to(app: PrivacyApp, name: str) -> None:
    app.checklist.move_to(row(name))


def cell(app: PrivacyApp, name: str, column: str) -> str:
    """A cell's text: ``column`` is "label", "state" or "recommended"."""
    return str(app.checklist.cell(row(name), column))


class Notices:
    """The notifications the app showed; give it to ``run_test`` as its ``message_hook``."""

    def __init__(self) -> None:
        self.shown: list[Notification] = []

    def __call__(self, message: Message) -> None:
        if isinstance(message, Notify):
            self.shown.append(message.notification)

    def __iter__(self) -> Iterator[Notification]:
        return iter(list(self.shown))
