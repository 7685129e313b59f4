"""Reading a setting from a capture served back as a page, as a plugin would on the site."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from playwright.async_api import Browser

from automation import registry
from automation.captures.replay import CapturedPage
from automation.domain.settings import Reading, Setting
from automation.page import actions
from automation.plugin import Plugin


def setting_of(plugin: Plugin, setting_id: str) -> Setting:
    """The plugin's setting of ``setting_id``, a blog's one included (``id@blog``)."""
    template_id, _, name = setting_id.partition("@")
    setting = next(s for s in plugin.settings if s.id == template_id)
    return setting.for_instance(name) if name else setting


def plugin_for(kept: dict[str, Any], port: int) -> Plugin:
    """The capture's plugin, pointed at a server on ``port``, on the host it was read from
    (the platform's own host, for a blog that lives on a host below it)."""
    [cls], problems = registry.load({kept["platform"]})
    assert not problems, problems
    host = urlsplit(kept["address"]).hostname or "127.0.0.1"
    if cls.subdomains and "@" in kept["setting"]:
        host = host.split(".", 1)[1]
    return cls(f"http://{host}:{port}")


async def read_served(kept: dict[str, Any], browser: Browser) -> Reading:
    """Serve ``kept`` and read its setting from it with a fresh browser context."""
    [cls], _ = registry.load({kept["platform"]})
    with CapturedPage(kept, session_cookies=cls.session_cookies) as served:
        plugin = plugin_for(kept, served.port)
        context = await browser.new_context()
        try:
            page = await context.new_page()
            return await actions.read(plugin, page, setting_of(plugin, kept["setting"]))
        finally:
            await context.close()
