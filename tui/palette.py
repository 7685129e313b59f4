"""The command palette (Ctrl+P): every action of the checklist, and every setting by name."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any, Protocol, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen

from automation import setting_text
from automation.language import _

from .keys import CHECKLIST, bound
from .model import ChecklistModel, PlatformRow, Redraw, SettingRow
from .widgets.checklist import Checklist


class Host(Protocol):
    """What the palette needs of the app."""

    model: ChecklistModel

    @property
    def checklist(self) -> Checklist: ...

    @property
    def screen_stack(self) -> list[Screen[Any]]: ...

    def redraw(self, what: Redraw = Redraw.CELLS) -> None: ...

    def run_action(self, action: str) -> Awaitable[bool]: ...

    def action_clear_filter(self) -> None: ...


def commands(app: Host) -> list[tuple[str, Callable[[], Any], str]]:
    """The palette's entries: (name, what it does, a line of help)."""
    entries: list[tuple[str, Callable[[], Any], str]] = []
    seen: set[str] = set()
    keys = bound(app)
    for key in CHECKLIST:
        if key.action in seen or not key.help:
            continue
        seen.add(key.action)
        shown = key.label(keys.get(key.action))
        entries.append(
            (_(key.description), partial(app.run_action, key.action), f"{shown}: {_(key.help)}")
        )
    model = app.model
    for platform in model.platforms():
        entries.append(
            (
                _("Go to {title}").format(title=model.title(platform)),
                partial(go_to_platform, app, platform),
                _("its row in the checklist"),
            )
        )
    for setting in model.rows:
        title = model.title(setting.platform)
        entries.append(
            (
                _("Go to {setting} ({title})").format(
                    setting=setting_text.label(setting), title=title
                ),
                partial(go_to, app, setting.id),
                setting.id,
            )
        )
    return entries


def go_to(app: Host, setting_id: str) -> None:
    """Put the cursor on a setting's row, unfolding and unfiltering as needed."""
    model = app.model
    if model.filter_text and not model.visible(model.settings[setting_id]):
        app.action_clear_filter()
    model.show(setting_id)
    app.redraw(Redraw.ROWS)
    app.checklist.move_to(SettingRow(setting_id))
    app.checklist.focus()


def go_to_platform(app: Host, platform: str) -> None:
    app.checklist.move_to(PlatformRow(platform))
    app.checklist.focus()


class ChecklistCommands(Provider):
    """Offers the checklist's actions and its settings, matched by name."""

    @property
    def host(self) -> Host:
        # The palette opens over the checklist's app only (PrivacyApp.COMMANDS).
        return cast(Host, self.app)

    async def discover(self) -> Hits:
        for name, command, help in commands(self.host):
            yield DiscoveryHit(name, command, help=help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, command, help in commands(self.host):
            score = max(matcher.match(name), matcher.match(help))
            if score > 0:
                yield Hit(score, matcher.highlight(name), command, text=name, help=help)
