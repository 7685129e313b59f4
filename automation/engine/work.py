"""Reads and changes: a check's settings grouped by platform and page and read in
lanes of pages at once, per-blog settings expanded into one setting a blog, and one
change at a time with its read-back."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING

from automation.browser.pool import Tab, by_page, longest_first, steps
from automation.domain import events
from automation.domain.settings import Kind, Reading, Setting, State
from automation.engine.options import EngineClosed
from automation.language import Sentence

if TYPE_CHECKING:
    from automation.engine.bus import Bus
    from automation.engine.capturing import Capturing
    from automation.engine.contexts import Contexts, Platform
    from automation.engine.guard import Guard
    from automation.engine.index import SettingsIndex
    from automation.engine.options import Options
    from automation.engine.signins import SignIns


class Work:
    """Checks and changes settings through the plugins' pages."""

    def __init__(
        self,
        index: SettingsIndex,
        contexts: Contexts,
        guard: Guard,
        signins: SignIns,
        capturing: Capturing,
        bus: Bus,
        options: Options,
    ) -> None:
        self._options = options
        self._index = index
        self._contexts = contexts
        self._guard = guard
        self._signins = signins
        self._capturing = capturing
        self._bus = bus

    async def check(self, setting_ids: Iterable[str] | None = None) -> list[Reading]:
        """Read the given settings (all by default), in pages open at once (see
        :meth:`Engine.check`)."""
        known = self._index
        ids = known.ids() if setting_ids is None else list(setting_ids)
        ids = [i for i in ids if known.entry(i)[1].kind is not Kind.MANUAL]
        by_platform: dict[str, list[Setting]] = {}
        for setting_id in ids:
            plugin, setting = known.entry(setting_id)
            by_platform.setdefault(plugin.name, []).append(setting)
        for name in by_platform:
            # Each check may sign in once more: the user may have fixed the credentials.
            self._signins.again(name)
        for setting_id in ids:
            self._bus.emit(events.Checking(setting_id))
        work = {
            name: by_page(self._contexts[name].plugin, members)
            for name, members in by_platform.items()
        }
        results = await asyncio.gather(
            *(self._check_platform(name, work[name]) for name in longest_first(work))
        )
        readings: dict[str, list[Reading]] = {}
        for group in results:
            readings.update(group)
        self._capturing.done(ids)
        return [r for i in ids for r in readings[i]]

    async def change(self, setting_id: str, value: State) -> Reading:
        """Switch one setting to ``value``; the reading is the read-back after a reload."""
        plugin, setting = self._index.entry(setting_id)
        if setting.kind is Kind.MANUAL or setting.per is not None:
            raise ValueError(
                Sentence("{setting} cannot be switched by the browser", setting=setting_id)
            )
        self._bus.emit(events.Changing(setting_id, value))
        from automation.page import actions  # when first used, as in _check_platform

        platform = self._contexts[plugin.name]
        linger = self._options.linger
        async with self._contexts.working(platform, linger=linger), platform.tabs.one() as tab:
            reading = await self._guard.run(
                platform, setting, lambda page: actions.write(plugin, page, setting, value), tab
            )
        self._bus.emit(events.Changed(reading, value))
        return reading

    async def _check_platform(
        self, name: str, groups: list[list[Setting]]
    ) -> dict[str, list[Reading]]:
        """Read one platform's settings, grouped by page: one page for each, at once."""
        # The page code is imported when a page is first worked on: the checklist's
        # first frame needs none of it.
        from automation.page import actions

        platform = self._contexts[name]
        plugin = platform.plugin
        settings = [setting for group in groups for setting in group]
        # Each setting's readings, in order (a per-blog setting has one a blog).
        found: dict[str, list[Reading | None]] = {s.id: [None] for s in settings}
        place = {s.id: (s.id, 0) for s in settings}
        # The longest line of work starts first (see longest_first).
        waiting = sorted(groups, key=steps, reverse=True)

        async def read(setting: Setting, tab: Tab) -> None:
            if setting.per is None:
                reading = await self._guard.run(
                    platform, setting, partial(actions.read, plugin, setting=setting), tab
                )
                self._bus.emit(events.Read(reading))
                key, index = place[setting.id]
                found[key][index] = reading
                return
            instances = await self._expand(platform, setting, tab)
            if isinstance(instances, Reading):
                self._bus.emit(events.Read(instances))
                found[setting.id] = [instances]
                return
            found[setting.id] = [None] * len(instances)
            place.update((instance.id, (setting.id, i)) for i, instance in enumerate(instances))
            waiting.extend([instance] for instance in instances)
            for _ in instances[1:]:
                lanes.create_task(lane())

        async def lane() -> None:
            if not waiting:
                return
            async with platform.tabs.one() as tab:
                while waiting:
                    for setting in waiting.pop(0):
                        await read(setting, tab)

        async with self._contexts.working(platform):
            try:
                async with asyncio.TaskGroup() as lanes:
                    for _ in waiting:
                        lanes.create_task(lane())
            except* EngineClosed:
                raise EngineClosed("the engine is closed") from None
        return {key: [r for r in readings if r is not None] for key, readings in found.items()}

    async def _expand(
        self, platform: Platform, setting: Setting, tab: Tab
    ) -> list[Setting] | Reading:
        """Find the blogs or sites of a per-blog setting and register one setting each."""
        from automation.page import actions  # when first used, as in _check_platform

        plugin = platform.plugin
        found = await self._guard.run(
            platform, setting, lambda page: actions.instances(plugin, page, setting), tab
        )
        if isinstance(found, Reading):
            return found
        instances = [setting.for_instance(name) for name in found]
        for instance in instances:
            self._index.add(plugin, instance)
        self._bus.emit(events.Expanded(setting.id, tuple(instances)))
        for instance in instances:
            self._bus.emit(events.Checking(instance.id))
        return instances
