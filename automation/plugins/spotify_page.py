"""Spotify's privacy page as a page object: read and changed at its address under the
account's market."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlsplit

from automation.domain.settings import (
    Reading,
    Setting,
    State,
)
from automation.page.shapes import SwitchPage
from automation.plugins.spotify import MARKET_PATH


class MarketPrivacyPage(SwitchPage):
    """Spotify's privacy page, which Spotify moves under the account's market
    (``/us/account/privacy/``): read and changed there."""

    async def _in_market(self, setting: Setting) -> Setting:
        """``setting`` at its page's address under the account's market, where Spotify
        moves the browser there from ``/account/privacy/``; else as it is."""
        switch = setting.switch
        assert switch is not None
        if MARKET_PATH.match(switch.path):
            return setting
        page, plugin = self.page, self.plugin
        await page.goto(plugin.url(switch.path), wait_until="domcontentloaded")
        landed = urlsplit(page.url)
        if not plugin.on_origin(page.url) or not MARKET_PATH.match(landed.path):
            return setting
        moved = replace(switch, path=landed.path, fallbacks=(switch.path, *switch.fallbacks))
        return replace(setting, switch=moved)

    async def read(self, setting: Setting) -> Reading:
        return await super().read(await self._in_market(setting))

    async def write(self, setting: Setting, value: State) -> Reading:
        return await super().write(await self._in_market(setting), value)
