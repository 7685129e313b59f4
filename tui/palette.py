"""The command palette (Ctrl+P): every action of the checklist, and every setting by name."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from .app import PrivacyApp

#: Actions the palette leaves to the keys: moving one row up or down.
NOT_OFFERED = ("cursor_down", "cursor_up")


def commands(app: PrivacyApp) -> list[tuple[str, Callable[[], Any], str]]:
    """The palette's entries: (name, what it does, a line of help)."""
    entries: list[tuple[str, Callable[[], Any], str]] = []
    seen: set[str] = set()
    for binding in app.BINDINGS:
        if binding.action in seen or binding.action in NOT_OFFERED:
            continue
        seen.add(binding.action)
        keys = app.get_key_display(binding)
        help = binding.tooltip or binding.description
        entries.append(
            (binding.description, partial(app.run_action, binding.action), f"{keys}: {help}")
        )
    for platform in dict.fromkeys(s.platform for s in app.rows):
        title = app.titles.get(platform, platform)
        entries.append(
            (f"Go to {title}", partial(app.go_to_platform, platform), "its row in the checklist")
        )
    for setting in app.rows:
        title = app.titles.get(setting.platform, setting.platform)
        entries.append(
            (f"Go to {setting.label} ({title})", partial(app.go_to, setting.id), setting.id)
        )
    return entries


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
