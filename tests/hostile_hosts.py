"""Small sites on loopback ports that keep a record of everything that reaches them.

A :class:`Host` answers the pages and redirects a test gives it and records every
connection it accepts, every HTTP request (its method, path and body), every WebSocket
message and every UDP datagram sent to its port. A test points a plugin at one host
(the platform's own origin) and lets another stand for a third party: whatever reached
the third party is in its record.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import socket
import struct
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

#: The WebSocket handshake's fixed key suffix (RFC 6455, section 1.3).
_WS_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


@dataclass(frozen=True)
class Seen:
    """One request as it reached a host."""

    method: str
    path: str
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)

    def holds(self, text: str) -> bool:
        """Whether ``text`` is anywhere in the request (its address, headers or body),
        as written or percent-encoded."""
        from urllib.parse import quote, quote_plus, unquote_plus

        whole = " ".join([self.path, *self.headers.values()]) + self.body.decode("latin-1")
        forms = {text, quote(text, safe=""), quote_plus(text)}
        return any(form in whole or form in unquote_plus(whole) for form in forms)


@dataclass(frozen=True)
class Answer:
    status: int = 200
    body: str = ""
    headers: tuple[tuple[str, str], ...] = (("Content-Type", "text/html; charset=utf-8"),)


#: What a host answers a request with: an :class:`Answer`, or a function of the request
#: that returns one (it may wait, to hold a page open).
Route = Answer | Callable[[Seen], Answer]


class Host:
    """A site on a loopback port of its own that records everything it receives."""

    def __init__(self, name: str = "host") -> None:
        self.name = name
        self.routes: dict[str, Route] = {}
        #: Answer for paths no route names.
        self.otherwise: Route = Answer(404, "not here")
        self.connections = 0
        self.requests: list[Seen] = []
        self.messages: list[str] = []
        self.datagrams: list[bytes] = []
        self.lock = threading.Lock()
        self._server = _Server(("127.0.0.1", 0), _handler_for(self))
        self._server.host = self
        self.port: int = self._server.server_address[1]
        self._udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self._udp.bind(("127.0.0.1", self.port))
        self._udp.settimeout(0.2)
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.origin + path

    # -- what it serves ----------------------------------------------------------------

    def page(self, path: str, html: str, *headers: tuple[str, str]) -> None:
        self.routes[path] = Answer(200, html, (("Content-Type", "text/html"), *headers))

    def script(self, path: str, source: str) -> None:
        self.routes[path] = Answer(200, source, (("Content-Type", "text/javascript"),))

    def redirect(self, path: str, to: str, status: int = 302) -> None:
        self.routes[path] = Answer(status, "", (("Location", to),))

    # -- what it got ---------------------------------------------------------------------

    def record(self, seen: Seen) -> None:
        with self.lock:
            self.requests.append(seen)

    def got(self) -> list[str]:
        """Everything that reached the host, in words, for an assertion's message."""
        with self.lock:
            return (
                [f"{s.method} {s.path}" for s in self.requests]
                + [f"message {m!r}" for m in self.messages]
                + [f"datagram of {len(d)} bytes" for d in self.datagrams]
                + ([f"{self.connections} connections"] if self.connections else [])
            )

    def holds(self, text: str) -> bool:
        """Whether ``text`` reached the host in any request, message or datagram."""
        with self.lock:
            return (
                any(s.holds(text) for s in self.requests)
                or any(text in m for m in self.messages)
                or any(text.encode() in d for d in self.datagrams)
            )

    def posts(self) -> list[Seen]:
        with self.lock:
            return [s for s in self.requests if s.method == "POST"]

    # -- life --------------------------------------------------------------------------------

    def start(self) -> Host:
        serving = threading.Thread(target=self._server.serve_forever, daemon=True)
        listening = threading.Thread(target=self._listen_udp, daemon=True)
        self._threads = [serving, listening]
        for thread in self._threads:
            thread.start()
        return self

    def close(self) -> None:
        self._stop.set()
        self._server.shutdown()
        self._server.server_close()
        for thread in self._threads:
            thread.join(5)
        self._udp.close()

    def _listen_udp(self) -> None:
        while not self._stop.is_set():
            try:
                data, _ = self._udp.recvfrom(65536)
            except (TimeoutError, OSError):
                continue
            with self.lock:
                self.datagrams.append(data)


@contextlib.contextmanager
def hosts(*names: str) -> Iterator[list[Host]]:
    """Started hosts, one for each name, closed afterwards."""
    started = [Host(name).start() for name in names]
    try:
        yield started
    finally:
        for host in started:
            host.close()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    host: Host

    def get_request(self) -> tuple[socket.socket, Any]:
        accepted = super().get_request()
        with self.host.lock:
            self.host.connections += 1
        return accepted


def _handler_for(host: Host) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            seen = Seen(self.command, self.path, body, dict(self.headers.items()))
            host.record(seen)
            if self.headers.get("Upgrade", "").lower() == "websocket":
                self._websocket()
                return
            route = host.routes.get(self.path.split("?", 1)[0], host.otherwise)
            answer = route(seen) if callable(route) else route
            data = answer.body.encode()
            self.send_response(answer.status)
            for name, value in answer.headers:
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            with contextlib.suppress(OSError):
                self.wfile.write(data)

        do_GET = do_POST = do_PUT = do_HEAD = do_OPTIONS = _answer

        def _websocket(self) -> None:
            key = self.headers.get("Sec-WebSocket-Key", "")
            accept = base64.b64encode(hashlib.sha1((key + _WS_GUID).encode()).digest()).decode()
            self.send_response(101)
            self.send_header("Upgrade", "websocket")
            self.send_header("Connection", "Upgrade")
            self.send_header("Sec-WebSocket-Accept", accept)
            self.end_headers()
            self.wfile.flush()
            with contextlib.suppress(OSError, ValueError, struct.error):
                while True:
                    head = self.rfile.read(2)
                    if len(head) < 2:
                        return
                    opcode, size = head[0] & 0x0F, head[1] & 0x7F
                    if size == 126:
                        size = struct.unpack(">H", self.rfile.read(2))[0]
                    elif size == 127:
                        size = struct.unpack(">Q", self.rfile.read(8))[0]
                    mask = self.rfile.read(4) if head[1] & 0x80 else b"\0\0\0\0"
                    data = bytes(b ^ mask[i % 4] for i, b in enumerate(self.rfile.read(size)))
                    if opcode == 0x8:
                        return
                    with host.lock:
                        host.messages.append(data.decode("utf-8", "replace"))

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler
