"""The command palette (Ctrl+P): every action of the checklist, and every setting by name."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.command import DiscoveryHit, Hit, Hits, Provider

from .keys import CHECKLIST
from .model import PlatformRow, Redraw, SettingRow
from .widgets.filter import FilterInput

if TYPE_CHECKING:
    from .app import PrivacyApp


def commands(app: PrivacyApp) -> list[tuple[str, Callable[[], Any], str]]:
    """The palette's entries: (name, what it does, a line of help)."""
    entries: list[tuple[str, Callable[[], Any], str]] = []
    seen: set[str] = set()
    for key in CHECKLIST:
        if key.action in seen or not key.help:
            continue
        seen.add(key.action)
        shown = app.get_key_display(key.binding())
        entries.append(
            (key.description, partial(app.run_action, key.action), f"{shown}: {key.help}")
        )
    model = app.model
    for platform in model.platforms():
        entries.append(
            (
                f"Go to {model.title(platform)}",
                partial(go_to_platform, app, platform),
                "its row in the checklist",
            )
        )
    for setting in model.rows:
        title = model.title(setting.platform)
        entries.append(
            (f"Go to {setting.label} ({title})", partial(go_to, app, setting.id), setting.id)
        )
    return entries


def go_to(app: PrivacyApp, setting_id: str) -> None:
    """Put the cursor on a setting's row, unfolding and unfiltering as needed."""
    model = app.model
    if model.filter_text and not model.visible(model.settings[setting_id]):
        app.query_one(FilterInput).action_clear()
    model.show(setting_id)
    app.redraw(Redraw.ROWS)
    app.checklist.move_to(SettingRow(setting_id))
    app.checklist.focus()


def go_to_platform(app: PrivacyApp, platform: str) -> None:
    app.checklist.move_to(PlatformRow(platform))
    app.checklist.focus()


class ChecklistCommands(Provider):
    """Offers the checklist's actions and its settings, matched by name."""

    async def discover(self) -> Hits:
        for name, command, help in commands(self.app):  # type: ignore[arg-type]
            yield DiscoveryHit(name, command, help=help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, command, help in commands(self.app):  # type: ignore[arg-type]
            score = max(matcher.match(name), matcher.match(help))
            if score > 0:
                yield Hit(score, matcher.highlight(name), command, text=name, help=help)
