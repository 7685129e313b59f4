"""GitHub's Copilot policy page as a page object: a drop-down whose choice is the
setting's state."""

from __future__ import annotations

from typing import TYPE_CHECKING

from automation.domain.settings import Reading, Setting, State
from automation.language import Sentence
from automation.page import controls, opening, switches, waits
from automation.page.shapes import SwitchPage

if TYPE_CHECKING:
    from playwright.async_api import ElementHandle, Locator, Page
from automation.plugins.github import CHOICES, DISABLED, DROPDOWNS, ENABLED, SHOWN, SHOWN_VALUE


class CopilotPolicyPage(SwitchPage):
    """The Copilot policy's page: a drop-down (a ``<select>`` or a menu button) whose
    "Enabled" reads on and "Disabled" off, read and chosen by its words."""

    async def read(self, setting: Setting) -> Reading:
        page = self.page
        found = await self._dropdown(page, setting)
        if isinstance(found, Reading):
            return found
        dropdown, state, shown = found
        return Reading(
            setting.id,
            state,
            Sentence(
                'The drop-down shows "{shown}" (found by {proof}).',
                shown=shown,
                proof=dropdown.proof,
            ),
            url=page.url,
        )

    async def write(self, setting: Setting, value: State) -> Reading:
        page = self.page
        if value not in (State.ON, State.OFF):
            raise ValueError(f"cannot set a drop-down to {value}")
        found = await self._dropdown(page, setting)
        if isinstance(found, Reading):
            return found
        dropdown, state, _ = found
        if state is value:
            return Reading(
                setting.id,
                value,
                Sentence("The drop-down already showed {value}.", value=value),
                url=page.url,
            )
        wanted = ENABLED if value is State.ON else DISABLED
        element = dropdown.element
        if await element.evaluate("el => el.tagName") == "SELECT":
            offered = await element.evaluate(
                "el => Array.from(el.options).map((o) => o.textContent)"
            )
            matching = [o for o in offered if controls.normalise(o) == controls.normalise(wanted)]
            if len(matching) != 1:
                return self._not_offered(setting, page, wanted, len(matching))
            refused = await switches.save(
                self.plugin,
                page,
                lambda: element.select_option(label=matching[0].strip()),
                Sentence('Choosing "{wanted}" did not take effect.', wanted=wanted),
            )
            return await switches.read_back(
                self.plugin, page, setting, value, refused, reread=self.read
            )
        await element.click(timeout=waits.current().control_ms)
        choices = await self._choices(page, element, wanted)
        if len(choices) != 1:
            await page.keyboard.press("Escape")
            return self._not_offered(setting, page, wanted, len(choices))
        refused = await switches.save(
            self.plugin,
            page,
            choices[0].click,
            Sentence('Choosing "{wanted}" did not take effect.', wanted=wanted),
        )
        return await switches.read_back(
            self.plugin, page, setting, value, refused, reread=self.read
        )

    async def _dropdown(
        self, page: Page, setting: Setting
    ) -> tuple[controls.Found, State, str] | Reading:
        """Load the page afresh; the one drop-down named by the label, and what it shows."""
        found = await opening.load_switch(self.plugin, page, setting, DROPDOWNS)
        if isinstance(found, Reading):
            return found
        shown = " ".join((await found.element.evaluate(SHOWN_VALUE)).split())
        state = next(
            (
                s
                for text, s in SHOWN.items()
                if controls.normalise(text) == controls.normalise(shown)
            ),
            None,
        )
        if state is None:
            return Reading(
                setting.id,
                State.UNKNOWN,
                Sentence(
                    'The drop-down shows "{shown}", neither "{enabled}" nor "{disabled}"; '
                    "not guessing the state.",
                    shown=shown,
                    enabled=ENABLED,
                    disabled=DISABLED,
                ),
                url=page.url,
            )
        return found, state, shown

    async def _choices(self, page: Page, button: ElementHandle, wanted: str) -> list[Locator]:
        """The shown menu items named exactly ``wanted``, in the menu the button controls
        where it names one."""
        menu = await button.get_attribute("aria-controls")
        scope = page.locator(f'[id="{menu}"]') if menu else page.locator("body")
        items = scope.locator(CHOICES)
        try:
            await items.first.wait_for(state="visible", timeout=waits.current().control_ms)
        except Exception as exc:
            if not opening.is_timeout(exc):
                raise
            return []
        found = []
        for index in range(await items.count()):
            item = items.nth(index)
            if await item.is_visible() and controls.normalise(
                await item.inner_text()
            ) == controls.normalise(wanted):
                found.append(item)
        return found

    def _not_offered(self, setting: Setting, page: Page, wanted: str, count: int) -> Reading:
        return Reading(
            setting.id,
            State.UNKNOWN,
            Sentence(
                'The drop-down offered {n} choices named "{wanted}"; nothing was chosen.',
                n=count,
                wanted=wanted,
            ),
            url=page.url,
        )
