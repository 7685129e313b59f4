"""The demo takes its ports at once and serves its replica sites when the browser is
wanted: nothing sent early is lost, and nothing is left bound."""

from __future__ import annotations

import socket
from typing import Any
from urllib.parse import urlsplit

import pytest

from automation.domain.settings import State
from automation.engine import demo
from automation.engine.demo import DemoError
from automation.engine.runtime import Runtime, build
from automation.replicas import SITES
from tui import cli


def test_the_demo_knows_every_replica_site_and_its_host() -> None:
    assert {name: cls.hostname for name, cls in SITES.items()} == demo.SITES


def address(origin: str) -> tuple[str, int]:
    port = urlsplit(origin).port
    assert port is not None
    return demo.HOST, port


def test_a_request_sent_before_the_sites_are_served_is_answered_once_they_are() -> None:
    early = demo.Demo()
    try:
        with socket.create_connection(address(early.origins["linkedin"]), timeout=10) as conn:
            conn.sendall(b"GET /static/site.css HTTP/1.0\r\nHost: x\r\n\r\n")
            conn.settimeout(0.3)
            with pytest.raises(TimeoutError):
                conn.recv(100)  # nothing serves the port yet
            early.serve()
            conn.settimeout(10)
            answer = b""
            while chunk := conn.recv(4096):
                answer += chunk
        assert answer.startswith(b"HTTP/1.0 200"), answer[:80]
        assert b"font-family" in answer
        assert early.serve().origins == early.origins
    finally:
        early.stop()


def test_ports_never_served_are_given_back() -> None:
    unused = demo.Demo()
    where = address(unused.origins["linkedin"])
    unused.stop()
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(where, timeout=5).close()
    # Serving now would need ports no platform points at.
    with pytest.raises(DemoError, match="stopped"):
        unused.serve()


def test_a_port_that_cannot_be_taken_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    taken: list[socket.socket] = []
    real = socket.create_server

    def create_server(address: tuple[str, int], **kwargs: Any) -> socket.socket:
        if len(taken) == 3:
            raise OSError(98, "Address already in use")
        taken.append(real(address, **kwargs))
        return taken[-1]

    monkeypatch.setattr(demo.socket, "create_server", create_server)
    with pytest.raises(DemoError, match="could not take a loopback port"):
        demo.Demo()
    assert len(taken) == 3
    assert all(listening.fileno() == -1 for listening in taken)  # given back


def test_a_substack_blog_host_is_below_the_sites_own() -> None:
    named = demo.Demo()
    try:
        assert urlsplit(named.origins["substack"]).hostname == "substack.localhost"
        assert urlsplit(named.origins["linkedin"]).hostname == demo.HOST
    finally:
        named.stop()


@pytest.mark.browser
async def test_the_engine_serves_the_demo_before_its_browser_reads(chromium: str) -> None:
    runtime = build(None, demo=True, open_history=False, serve_now=False)
    assert runtime.demo is not None
    try:
        assert not runtime.demo.served
        assert set(runtime.demo.origins) <= {p.name for p in runtime.plugins}
        await runtime.engine.start()
        assert runtime.demo.served  # before any page asks for a session
        [reading] = await runtime.engine.check(["linkedin.ai_training"])
        assert reading.state is State.ON, reading.detail
        assert runtime.demo.served
    finally:
        await runtime.engine.close()
        runtime.close()


def test_sites_that_cannot_be_served_give_their_ports_back_and_say_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(demo.SITES, "nosuch", None)
    broken = demo.Demo()
    where = [address(origin) for origin in broken.origins.values()]
    try:
        for _ in range(2):  # the same clear error every time, never a half-served demo
            with pytest.raises(DemoError, match="could not be served"):
                broken.serve()
        assert not broken.served
        for place in where:
            with pytest.raises(ConnectionRefusedError):
                socket.create_connection(place, timeout=5).close()
    finally:
        broken.stop()


def test_the_checklist_command_leaves_the_demos_sites_for_later(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[bool] = []

    def open_app(runtime: Runtime, *, demo: bool) -> int:
        assert runtime.demo is not None and demo
        seen.append(runtime.demo.served)
        return 0

    monkeypatch.setattr(cli, "open_app", open_app)
    assert cli.main(["--demo"]) == 0
    assert seen == [False]
