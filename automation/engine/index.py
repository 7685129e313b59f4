"""Every setting the engine knows, by id, with the plugin that has it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from automation.domain.settings import Setting, resolve

if TYPE_CHECKING:
    from automation.plugin import Plugin


class SettingsIndex:
    """The plugins' settings by id; one blog's copy of a per-blog setting joins when
    the account's blogs are listed, or when it is asked for by its id."""

    def __init__(self, plugins: Iterable[Plugin]) -> None:
        self._entries: dict[str, tuple[Plugin, Setting]] = {
            s.id: (p, s) for p in plugins for s in p.settings
        }

    def ids(self) -> list[str]:
        """Every setting's id known now, in the plugins' order."""
        return list(self._entries)

    def entry(self, setting_id: str) -> tuple[Plugin, Setting]:
        """The plugin that has ``setting_id``, and the setting; ``KeyError`` when none.

        One blog's copy of a per-blog setting (``tumblr.third_party_sharing@myblog``)
        is known from its id alone, even before the account's blogs were listed.
        """
        found = self._entries.get(setting_id)
        if found is not None:
            return found
        settings = {i: s for i, (_, s) in self._entries.items()}
        instance = resolve(settings, setting_id)
        if instance is None:
            raise KeyError(setting_id)
        plugin = self._entries[instance.template_id][0]
        self._entries[instance.id] = (plugin, instance)
        return plugin, instance

    def add(self, plugin: Plugin, setting: Setting) -> None:
        """Know ``setting`` (one blog's copy found on the account) as ``plugin``'s."""
        self._entries[setting.id] = (plugin, setting)
