"""Reading, changing and listing a plugin's settings: the page object each one takes.

The engine calls these three functions; they make the page object for the setting
(:mod:`automation.page.shapes`) and let it act. The class is the plugin's own
``page_class`` when it declares one, else the one of the setting's ``Switch.shape``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, cast

from automation.page.shapes import SHAPES, SwitchPage

if TYPE_CHECKING:
    from playwright.async_api import Page

    from automation.domain.settings import Reading, Setting, State
    from automation.plugin import Plugin, SettingPage


def page_object(plugin: Plugin, page: Page, setting: Setting) -> SettingPage:
    """The page object that acts on ``setting`` on ``page`` for ``plugin``."""
    own = type(plugin).page_class
    if isinstance(own, str):
        module, _, name = own.partition(":")
        own = cast("type[SettingPage]", getattr(importlib.import_module(module), name))
    if own is not None:
        return own(plugin, page)
    shape = setting.switch.shape if setting.switch else SwitchPage.shape
    return SHAPES.get(shape, SwitchPage)(plugin, page)


async def read(plugin: Plugin, page: Page, setting: Setting) -> Reading:
    """Read ``setting``'s current state from its page.

    ``on`` or ``off`` only when the value was read from the setting's own page on a
    signed-in account; otherwise the state that says why not.
    """
    return await page_object(plugin, page, setting).read(setting)


async def write(plugin: Plugin, page: Page, setting: Setting, value: State) -> Reading:
    """Set ``setting`` to ``value`` and read it back from a fresh page load: the change
    counts only if that read shows ``value``."""
    return await page_object(plugin, page, setting).write(setting, value)


async def instances(plugin: Plugin, page: Page, setting: Setting) -> list[str] | Reading:
    """The names of the blogs or sites a per-blog ``setting`` exists for, or the reading
    that says why they could not be listed (signed out, a changed page)."""
    return await page_object(plugin, page, setting).instances(setting)
