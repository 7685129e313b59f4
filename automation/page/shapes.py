"""Page objects: what is done on a setting's page, one class a shape of control.

A setting's data says how its page draws the control (``Switch.shape``); the class of
that shape reads and changes it. :class:`SwitchPage` is the default (a switch or
checkbox on a page, with the form-save, shadow-root and hash-dialog variants its
:class:`~automation.domain.settings.Switch` describes); the others are the real pages'
menu chips, row buttons, radio groups and offer buttons. A plugin whose page needs a
flow of its own subclasses one of them in its module and names it as its
``page_class`` (see :mod:`automation.page.actions`).

A page object is made for one plugin and one browser page. Its :meth:`SwitchPage.write`
decides a change by a fresh :meth:`SwitchPage.read` of the same object, so a subclass
that reads differently reads its own change back too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from automation.domain.settings import Reading, Setting, State
from automation.page import chips, offers, opening, radios, rows, switches

if TYPE_CHECKING:
    from playwright.async_api import Page

    from automation.plugin import Plugin


class SwitchPage:
    """A switch or checkbox on a page: the default page object."""

    #: The ``Switch.shape`` this class acts on.
    shape: ClassVar[str] = "switch"

    def __init__(self, plugin: Plugin, page: Page) -> None:
        self.plugin = plugin
        self.page = page

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.plugin!r})"

    async def read(self, setting: Setting) -> Reading:
        """``setting``'s state, read from a fresh load of its page.

        ``on`` or ``off`` only when read from the setting's own page on a signed-in
        account; otherwise the state that says why not.
        """
        return await switches.read(self.plugin, self.page, setting)

    async def write(self, setting: Setting, value: State) -> Reading:
        """Set ``setting`` to ``value``; the reading is this object's fresh read after."""
        return await switches.write(self.plugin, self.page, setting, value, reread=self.read)

    async def instances(self, setting: Setting) -> list[str] | Reading:
        """The blogs or sites a per-blog ``setting`` exists for (``setting.per``), or the
        reading that says why they could not be listed."""
        return await opening.discover(self.plugin, self.page, setting)


class ChipPage(SwitchPage):
    """A chip that opens a menu of choices."""

    shape = "chip"

    async def read(self, setting: Setting) -> Reading:
        return await chips.read(self.plugin, self.page, setting)

    async def write(self, setting: Setting, value: State) -> Reading:
        return await chips.write(self.plugin, self.page, setting, value, reread=self.read)


class RowPage(SwitchPage):
    """A row whose button opens a menu or a dialog that sets it."""

    shape = "row"

    async def read(self, setting: Setting) -> Reading:
        return await rows.read(self.plugin, self.page, setting)

    async def write(self, setting: Setting, value: State) -> Reading:
        return await rows.write(self.plugin, self.page, setting, value, reread=self.read)


class RadioPage(SwitchPage):
    """A group of radio buttons, one of which means off."""

    shape = "radio"

    async def read(self, setting: Setting) -> Reading:
        return await radios.read(self.plugin, self.page, setting)

    async def write(self, setting: Setting, value: State) -> Reading:
        return await radios.write(self.plugin, self.page, setting, value, reread=self.read)


class OfferPage(SwitchPage):
    """A button that offers to turn something on or off (its words say the state)."""

    shape = "offer"

    async def read(self, setting: Setting) -> Reading:
        return await offers.read(self.plugin, self.page, setting)

    async def write(self, setting: Setting, value: State) -> Reading:
        return await offers.write(self.plugin, self.page, setting, value, reread=self.read)


#: The page class of each ``Switch.shape``.
SHAPES: dict[str, type[SwitchPage]] = {
    cls.shape: cls for cls in (SwitchPage, ChipPage, RowPage, RadioPage, OfferPage)
}
