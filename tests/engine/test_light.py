"""Reading loads only what it needs: no pictures, fonts or media, and no other host's
requests (no tracker learns that a check ran)."""

from __future__ import annotations

import asyncio
import urllib.request
from pathlib import Path

import pytest

from automation.browser.light import Fence
from automation.engine.runtime import build
from automation.plugins.linkedin import LinkedIn
from automation.replicas import demo_server
from tests.hostile_hosts import hosts


def test_a_real_origin_allows_its_own_site_and_its_asset_hosts_only() -> None:
    plugin = LinkedIn("https://www.linkedin.com")
    assert plugin.first_party("https://www.linkedin.com/mypreferences/d/settings/x")
    assert plugin.first_party("https://platform.linkedin.com/js/x.js")
    for host in LinkedIn.asset_hosts:
        assert plugin.first_party(f"https://static.{host}/sc/h/app.js")
    assert not plugin.first_party("https://analytics.example.net/collect.js")
    assert not plugin.first_party("https://www.linkedin.com.tracker.example/x.js")
    assert not plugin.first_party("https://notlinkedin.com/x.js")
    assert plugin.first_party("data:image/png;base64,AAAA")


def test_a_replica_on_this_machine_allows_its_own_origin_alone() -> None:
    plugin = LinkedIn("http://127.0.0.1:8801")
    assert plugin.first_party("http://127.0.0.1:8801/static/bundle.js")
    assert not plugin.first_party("http://127.0.0.1:8802/collect.js")
    assert not plugin.first_party("http://localhost:8801/x.js")


@pytest.mark.browser
@pytest.mark.parametrize("light", [True, False])
async def test_a_check_reaches_no_third_party_host(
    chromium: str, tmp_path: Path, light: bool
) -> None:
    """With the replicas' pages calling an analytics host on another port, a full check
    sends it nothing; loading pages whole (``light = false``) shows the test can fail."""
    runtime = build(demo=True, log=tmp_path / "run.log")
    try:
        assert runtime.demo is not None and runtime.demo.tracker is not None
        engine = runtime.engine
        engine.options.light = light
        ids = [s.id for s in runtime.settings if s.switch is not None]
        if not light:
            ids = ids[:2]
        readings = await engine.check(ids)
        await engine.close()
        assert all(r.state.is_value for r in readings), [r.detail for r in readings]
        hits = list(runtime.demo.tracker.hits)
    finally:
        await runtime.engine.close()
        runtime.close()
    if light:
        assert hits == []
    else:
        assert hits, "pages loaded whole call the tracker"


def test_the_fence_lets_through_the_platforms_own_hosts_only() -> None:
    real = Fence(LinkedIn("https://www.linkedin.com").first_party)
    assert real.lets("www.linkedin.com", 443, ("https", "http"))
    assert real.lets("static.licdn.com", 443, ("https", "http"))
    assert not real.lets("analytics.example.net", 443, ("https", "http"))
    assert not real.lets("www.linkedin.com.tracker.example", 443, ("https", "http"))
    replica = Fence(LinkedIn("http://127.0.0.1:8801").first_party)
    assert replica.lets("127.0.0.1", 8801, ("https", "http"))
    assert not replica.lets("127.0.0.1", 8802, ("https", "http"))
    assert not replica.lets("::1", 8801, ("https", "http"))
    assert replica.refused == ["127.0.0.1:8802", "[::1]:8801"]


async def test_the_fence_answers_what_it_refuses_without_reaching_anyone() -> None:
    """A tunnel to another host is refused, a plain request to one too, and a request
    that is no request at all is answered 400: nothing is passed on."""
    with hosts("platform", "third party") as (home, away):
        home.page("/", "<p>home</p>")
        fence = Fence(LinkedIn(home.origin).first_party)
        address = await fence.start()
        port = int(address.rsplit(":", 1)[1])

        async def ask(request: bytes) -> bytes:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(request)
            await writer.drain()
            answer = await asyncio.wait_for(reader.read(), 10)
            writer.close()
            return answer

        try:
            refused = await ask(f"CONNECT 127.0.0.1:{away.port} HTTP/1.1\r\n\r\n".encode())
            plain = await ask(f"GET {away.url('/x')} HTTP/1.1\r\nHost: a\r\n\r\n".encode())
            garbage = await ask(b"\x16\x03\x01 not a request\r\n\r\n")
            huge = await ask(b"GET / HTTP/1.1\r\n" + b"X: y\r\n" * 20000 + b"\r\n")
            home_page = await ask(f"GET {home.url('/')} HTTP/1.1\r\nHost: a\r\n\r\n".encode())
        finally:
            fence.close()
    assert refused.startswith(b"HTTP/1.1 403")
    assert plain.startswith(b"HTTP/1.1 403")
    assert garbage.startswith(b"HTTP/1.1 400")
    assert huge.startswith(b"HTTP/1.1 400") or huge == b""
    assert home_page.startswith(b"HTTP/1.0 200") and b"<p>home</p>" in home_page
    assert b"connection: close" in home_page.lower()
    assert away.connections == 0


def test_the_demo_pages_carry_a_real_pages_weight_and_the_tests_pages_leave_it_out() -> None:
    """The demo's pages load a stylesheet, a script bundle, a picture and an analytics
    host besides their settings (what light reading leaves out); the pages the tests
    share are served without them."""
    shown: dict[bool, str] = {}
    for weight in (True, False):
        with demo_server(weight=weight) as server:
            origin = server.origins["linkedin"]
            with urllib.request.urlopen(f"{origin}/", timeout=10) as answer:
                shown[weight] = answer.read().decode()
    assert "/static/bundle.js" in shown[True] and "pixel.gif" in shown[True]
    assert "/static/" not in shown[False] and "pixel.gif" not in shown[False]
