"""Light reading: a page loads only what a reading needs, and nothing from other hosts.

A light browser context (:func:`new_context`) has two guards. Playwright's request
routing leaves out pictures, media and fonts, and every request to a host that is not
the platform's own (:meth:`Plugin.first_party`): a privacy tool feeds no tracker. But
routing never sees some of what a page makes the browser do: the next step of a
redirect, a WebSocket, a worker's requests. So the context also sends everything
through a :class:`Fence`: a proxy on this machine that opens a connection only to a
host the platform's pages may load and refuses every other, whatever asked for it. No
service worker is installed, and WebRTC, whose UDP would pass by a proxy, is taken out
of the pages' reach (:data:`NO_PEERS`, :data:`BROWSER_ARGS`).

Secure connections pass through the fence as they are (the browser asks for a tunnel
to a host and port, and the fence sees only that); plain HTTP requests are passed on
one to a connection.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import weakref
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from playwright.async_api import Browser, BrowserContext, Route, StorageState

    from automation.plugin import Plugin

log = logging.getLogger("privacy_tui.light")

#: What a reading never needs to load.
HEAVY = frozenset({"image", "media", "font"})

#: Chromium flags for a browser whose contexts read light: WebRTC sends no UDP outside
#: the proxy, so a page's peer connection goes through the fence (over TCP) or nowhere.
#: (A headless shell takes this flag; the whole browser reads it only from its
#: settings, hence :data:`NO_PEERS` too.)
BROWSER_ARGS = ("--force-webrtc-ip-handling-policy=disable_non_proxied_udp",)

#: Run in every frame of a light page before its own scripts: a reading needs no peer
#: connection, whose UDP (STUN) would pass by the fence.
NO_PEERS = """(() => {
  for (const name of ['RTCPeerConnection', 'webkitRTCPeerConnection', 'WebTransport']) {
    try { delete globalThis[name]; } catch (e) {}
  }
})();"""

#: The light contexts open now, each with its platform and its fence.
_light: weakref.WeakKeyDictionary[BrowserContext, tuple[Plugin, Fence]] = (
    weakref.WeakKeyDictionary()
)


async def new_context(
    browser: Browser, plugin: Plugin, storage_state: StorageState | None = None
) -> BrowserContext:
    """A browser context for ``plugin`` that loads only what a reading needs; its fence
    closes with it."""
    fence = Fence(plugin.first_party)
    address = await fence.start()
    try:
        context = await browser.new_context(
            storage_state=storage_state, proxy={"server": address}, service_workers="block"
        )
        context.on("close", lambda _: fence.close())
        await context.route("**/*", partial(_only_what_is_needed, plugin))
        await context.add_init_script(NO_PEERS)
    except BaseException:
        fence.close()
        raise
    _light[context] = (plugin, fence)
    return context


async def context_like(
    context: BrowserContext, storage_state: StorageState | None = None
) -> BrowserContext:
    """Another context in ``context``'s browser, as light as ``context`` is (a page
    opened to check a session must keep to the same hosts)."""
    browser = context.browser
    assert browser is not None
    light = _light.get(context)
    if light is None:
        return await browser.new_context(storage_state=storage_state)
    return await new_context(browser, light[0], storage_state)


async def _only_what_is_needed(plugin: Plugin, route: Route) -> None:
    """Let a request through only when a reading may need it: a privacy tool feeds no
    tracker, and loads no picture it will not look at."""
    request = route.request
    if request.resource_type in HEAVY or not plugin.first_party(request.url):
        await route.abort("blockedbyclient")
    else:
        await route.fallback()


#: The longest request head the fence reads.
HEAD_LIMIT = 64 * 1024
#: Seconds a client may take to send its request head, and the fence to reach a host.
WAIT = 30.0

_REFUSED = (
    b"HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nContent-Length: 43\r\n"
    b"Connection: close\r\n\r\nprivacy-tui does not load other sites here.\n"
)
#: A tunnel the fence could not open: the browser reports the host as not reached.
_UNREACHABLE = b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
_BAD = b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
#: Request headers about the connection to the proxy, not for the host.
_HOP = {"connection", "proxy-connection", "keep-alive", "proxy-authorization"}


class Fence:
    """A proxy on a loopback port that lets through only the URLs ``allowed`` says.

    ``allowed`` is given a URL (``https://host:port/`` for a tunnel). :meth:`start`
    returns the proxy's address; :meth:`close` ends it and every connection through it.
    """

    def __init__(self, allowed: Callable[[str], bool]) -> None:
        self.allowed = allowed
        #: The hosts refused, each once (``host:port``).
        self.refused: list[str] = []
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()

    async def start(self) -> str:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0, limit=HEAD_LIMIT)
        port = self._server.sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}"

    def close(self) -> None:
        """Stop taking connections and end those under way; safe to call twice."""
        if self._server is not None:
            self._server.close()
            self._server = None
        for writer in list(self._writers):
            writer.close()
        self._writers.clear()

    def lets(self, host: str, port: int, schemes: tuple[str, ...]) -> bool:
        """Whether a connection to ``host``:``port`` is one the platform's pages may make."""
        shown = f"[{host}]" if ":" in host else host
        for scheme in schemes:
            default = 443 if scheme == "https" else 80
            address = shown if port == default else f"{shown}:{port}"
            if self.allowed(f"{scheme}://{address}/"):
                return True
        where = f"{shown}:{port}"
        if where not in self.refused:
            self.refused.append(where)
            log.info("light reading: refused a connection to %s", where)
        return False

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.add(writer)
        try:
            async with asyncio.timeout(WAIT):
                head = await reader.readuntil(b"\r\n\r\n")
            first, *lines = head.decode("latin-1").split("\r\n")
            method, target, version = first.split(" ", 2)
            if method.upper() == "CONNECT":
                await self._tunnel(target, reader, writer)
            else:
                await self._forward(method, target, version, lines, reader, writer)
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError):
            await _answer(writer, _BAD)
        except (OSError, TimeoutError):
            pass
        finally:
            self._writers.discard(writer)
            writer.close()

    async def _tunnel(
        self, target: str, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        host, port = _host_and_port(target)
        if not self.lets(host, port, ("https", "http")):
            await _answer(writer, _REFUSED)
            return
        upstream = await _reach(host, port)
        if upstream is None:
            await _answer(writer, _UNREACHABLE)
            return
        writer.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
        await writer.drain()
        await self._join(reader, writer, *upstream)

    async def _forward(
        self,
        method: str,
        target: str,
        version: str,
        lines: list[str],
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
    ) -> None:
        split = urlsplit(target)
        if split.scheme != "http" or not split.hostname:
            await _answer(writer, _BAD)
            return
        port = split.port or 80
        if not self.lets(split.hostname, port, ("http",)):
            await _answer(writer, _REFUSED)
            return
        upstream = await _reach(split.hostname, port)
        if upstream is None:
            # No answer at all, as the host gave none: an answer of the fence's own
            # (502) would read as the platform's, "LinkedIn answered HTTP 502".
            writer.transport.abort()
            return
        path = split.path or "/"
        if split.query:
            path += "?" + split.query
        # One request a connection: the host is asked to close it after answering.
        kept = [line for line in lines if line and line.split(":", 1)[0].lower() not in _HOP]
        request = "\r\n".join([f"{method} {path} {version}", *kept, "Connection: close", "", ""])
        up_reader, up_writer = upstream
        up_writer.write(request.encode("latin-1"))
        await up_writer.drain()
        await self._join(reader, writer, up_reader, up_writer, answer_once=True)

    async def _join(
        self,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        up_reader: asyncio.StreamReader,
        up_writer: asyncio.StreamWriter,
        *,
        answer_once: bool = False,
    ) -> None:
        """Pass bytes both ways until either side closes, then close both."""
        self._writers.add(up_writer)
        try:
            down = _pipe(up_reader, writer, close_after_head=answer_once)
            tasks = [asyncio.ensure_future(_pipe(reader, up_writer)), asyncio.ensure_future(down)]
            try:
                await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
            finally:
                for task in tasks:
                    task.cancel()
                await asyncio.gather(*tasks, return_exceptions=True)
        finally:
            self._writers.discard(up_writer)
            up_writer.close()


def _host_and_port(target: str) -> tuple[str, int]:
    """``host`` and ``port`` of a tunnel's ``host:port`` (``[::1]:443`` for IPv6)."""
    host, _, port = target.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"not a host and port: {target!r}")
    return host.strip("[]").lower(), int(port)


async def _reach(host: str, port: int) -> tuple[asyncio.StreamReader, asyncio.StreamWriter] | None:
    # Names under localhost are this machine's (RFC 6761): browsers resolve them to
    # a loopback address without asking anyone, and so does the fence.
    local = host == "localhost" or host.endswith(".localhost")
    for address in ("127.0.0.1", "::1") if local else (host,):
        try:
            async with asyncio.timeout(WAIT):
                return await asyncio.open_connection(address, port)
        except (OSError, TimeoutError) as exc:
            log.info("light reading: %s:%s could not be reached (%s)", host, port, exc)
    return None


async def _pipe(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, *, close_after_head: bool = False
) -> None:
    """Copy ``reader`` to ``writer`` until it ends. With ``close_after_head``, the first
    response head passed on says the connection closes after it (so the browser sends
    its next request on a new one)."""
    with contextlib.suppress(OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
        if close_after_head:
            head = await reader.readuntil(b"\r\n\r\n")
            first, *lines = head.decode("latin-1").split("\r\n")
            kept = [line for line in lines if line and line.split(":", 1)[0].lower() not in _HOP]
            rewritten = [first, *kept, "Connection: close", "Proxy-Connection: close", "", ""]
            writer.write("\r\n".join(rewritten).encode("latin-1"))
            await writer.drain()
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()


async def _answer(writer: asyncio.StreamWriter, data: bytes) -> None:
    with contextlib.suppress(OSError):
        writer.write(data)
        await writer.drain()
