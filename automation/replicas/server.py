"""A small HTTP server for replica sites: accounts, sessions and per-account state.

Each replica site runs on its own loopback origin in a background thread, so it
can live inside the app (``--demo``), inside a test, or on its own
(``privacy-tui replica``). Sites keep their state in memory, per account, and
change a setting only when the page's own save request reaches them.
"""

from __future__ import annotations

import contextlib
import html
import socket
import threading
import time
from collections.abc import Mapping
from http import cookies
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from socketserver import TCPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

if TYPE_CHECKING:
    from playwright.async_api import StorageState


from .site import (
    DECOY,
    DECOY_LABEL,
    DEMO_PASSWORD,
    DEMO_USERNAME,
    STYLE,
    Account,
    Request,
    Response,
    Site,
    page,
    personal_header,
)

__all__ = [
    "DECOY",
    "DECOY_LABEL",
    "DEMO_PASSWORD",
    "DEMO_USERNAME",
    "STYLE",
    "Account",
    "ReplicaServer",
    "Request",
    "Response",
    "Site",
    "Tracker",
    "page",
    "personal_header",
]


#: What a real settings page carries besides its settings, so that loading only what
#: a reading needs can be measured: a stylesheet with a web font, a large script
#: bundle, a picture, and a third-party analytics script and pixel (``{tracker}``).
#: A server made with ``weight=False`` leaves them out.
HEAD_WEIGHT = (
    '<link rel="stylesheet" href="/static/site.css">'
    '<script src="/static/bundle.js" defer></script>'
    '<script src="{tracker}/collect.js" async></script>'
)
BODY_WEIGHT = (
    '<img class="weight" src="/static/hero.png" alt="" width="1" height="1">'
    '<img class="weight" src="{tracker}/pixel.gif" alt="" width="1" height="1">'
)


def _asset(size: int, head: bytes = b"", filler: bytes = b"0") -> bytes:
    return head + filler * (size - len(head))


#: The assets every replica page loads, by path: (content type, body).
STATIC = {
    "/static/site.css": (
        "text/css",
        b"@font-face{font-family:Replica;src:url(/static/font.woff2) format('woff2')}"
        b"body{font-family:Replica,sans-serif}",
    ),
    "/static/bundle.js": (
        "text/javascript",
        _asset(400_000, b"window.replicaBundle=true;\n/*", b"x") + b"*/\n",
    ),
    "/static/hero.png": ("image/png", _asset(150_000, b"\x89PNG\r\n\x1a\n")),
    "/static/font.woff2": ("font/woff2", _asset(80_000, b"wOF2")),
}


class Tracker:
    """A third-party analytics host on its own loopback port that counts what reaches it."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        tracker = self
        self.hits: list[str] = []
        self.sent = 0
        self.lock = threading.Lock()

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                body = b"/* counted */" if self.path.endswith(".js") else b"GIF89a"
                with tracker.lock:
                    tracker.hits.append(self.path)
                    tracker.sent += len(body)
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_POST = do_GET

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = _QuietServer((host, 0), Handler)
        self.server.daemon_threads = True
        self.origin = f"http://{host}:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, name="tracker", daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


#: The largest request body a replica reads: its forms and saves are far smaller.
MAX_BODY = 1_000_000


def content_length(value: str | None) -> int | None:
    """The body's length a Content-Length header gives: 0 where there is no header,
    None where it is not a plain decimal number."""
    if value is None:
        return 0
    value = value.strip()
    if not (value.isascii() and value.isdigit()):
        return None
    return int(value)


def _make_handler(
    site: Site, delay: float, tracker: str, weight: bool
) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "replica"

        def log_message(self, format: str, *args: Any) -> None:
            pass  # replicas stay quiet; tests read state, not logs

        def _serve(self) -> None:
            if delay:
                time.sleep(delay)
            split = urlsplit(self.path)
            if split.path in STATIC:
                self._send_static(*STATIC[split.path])
                return
            jar = cookies.SimpleCookie()
            with contextlib.suppress(cookies.CookieError):
                jar.load(self.headers.get("Cookie", ""))
            length = content_length(self.headers.get("Content-Length"))
            if length is None or length > MAX_BODY:
                self._send_bad_request()
                return
            request = Request(
                self.command,
                split.path,
                {k: v[0] for k, v in parse_qs(split.query).items()},
                {k: m.value for k, m in jar.items()},
                self.rfile.read(length) if length else b"",
                self.headers.get("Host", ""),
            )
            with site.lock:
                site.visits.append((request.host, request.method, request.path))
            try:
                response = site.handle(request)
            except Exception as exc:  # a replica bug shows as a 500, like a real site's
                response = Response(500, page("Error", f"<p>{html.escape(repr(exc))}</p>"))
            account = site.member(request)
            if account is not None and account.personal and response.body.count("<body>") == 1:
                header = personal_header(account.personal)
                response.body = response.body.replace("<body>", "<body>" + header, 1)
            if (
                weight
                and response.content_type.startswith("text/html")
                and "</head>" in response.body
            ):
                response.body = response.body.replace(
                    "</head>", HEAD_WEIGHT.format(tracker=tracker) + "</head>", 1
                ).replace("</body>", BODY_WEIGHT.format(tracker=tracker) + "</body>", 1)
            body = response.body.encode("utf-8")
            with site.lock:
                site.sent += len(body)
            self.send_response(response.status)
            self.send_header("Content-Type", response.content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            for name, value in response.headers:
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def _send_bad_request(self) -> None:
            """A 400 for a request whose length cannot be read or is too large; its
            body is left unread, so the connection closes."""
            body = b"Bad Content-Length"
            self.close_connection = True
            self.send_response(400)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body)

        def _send_static(self, kind: str, body: bytes) -> None:
            with site.lock:
                site.sent += len(body)
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = _serve

    return Handler


class _QuietServer(ThreadingHTTPServer):
    def server_bind(self) -> None:
        # HTTPServer's own asks the resolver for the host's full name, which can
        # wait on a slow name server for a loopback address; the name is not used.
        TCPServer.server_bind(self)
        host, port = self.socket.getsockname()[:2]
        self.server_name, self.server_port = str(host), int(port)

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a browser that hangs up mid-response is normal, not news

    @classmethod
    def on(cls, listening: socket.socket, handler: type[BaseHTTPRequestHandler]) -> _QuietServer:
        """A server for a socket already bound and listening (see :mod:`automation.engine.demo`)."""
        server = cls(listening.getsockname()[:2], handler, bind_and_activate=False)
        server.socket.close()
        server.socket = listening
        host, port = listening.getsockname()[:2]
        server.server_address = (host, port)
        server.server_name, server.server_port = str(host), int(port)
        return server


class ReplicaServer:
    """Runs replica sites, each at its own loopback origin, in background threads.

    Use as a context manager, or call :meth:`start` and :meth:`stop`.
    """

    def __init__(
        self,
        sites: list[Site],
        *,
        host: str = "127.0.0.1",
        first_port: int = 0,
        delay: float = 0.0,
        weight: bool = True,
    ) -> None:
        self.sites = {site.name: site for site in sites}
        self.host = host
        self.first_port = first_port
        self.delay = delay
        #: Whether each page carries :data:`HEAD_WEIGHT` and :data:`BODY_WEIGHT`.
        self.weight = weight
        self.origins: dict[str, str] = {}
        self._servers: list[ThreadingHTTPServer] = []
        #: The server of each site, by the site's name.
        self._serving: dict[str, ThreadingHTTPServer] = {}
        #: The third-party analytics host every page calls (``None`` until started).
        self.tracker: Tracker | None = None

    def start(self, listening: Mapping[str, socket.socket] | None = None) -> ReplicaServer:
        """Serve every site; one named in ``listening`` on that socket, already bound
        (the server owns it from then on)."""
        listening = listening or {}
        try:
            self.tracker = Tracker(self.host)
            for number, site in enumerate(self.sites.values()):
                port = self.first_port + number if self.first_port else 0
                handler = _make_handler(site, self.delay, self.tracker.origin, self.weight)
                if site.name in listening:
                    server = _QuietServer.on(listening[site.name], handler)
                else:
                    server = _QuietServer((self.host, port), handler)
                server.daemon_threads = True
                try:
                    threading.Thread(
                        target=server.serve_forever, name=f"replica-{site.name}", daemon=True
                    ).start()
                except BaseException:
                    server.server_close()
                    raise
                # Only a server that serves is stopped by stop() (shutdown waits for it).
                self._servers.append(server)
                self._serving[site.name] = server
                host = site.hostname or self.host
                self.origins[site.name] = f"http://{host}:{server.server_address[1]}"
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        # Each shutdown waits for its server's next poll (up to half a second): wait
        # for all of them at once rather than one after another.
        stopping = [threading.Thread(target=server.shutdown) for server in self._servers]
        for thread in stopping:
            thread.start()
        for thread in stopping:
            thread.join()
        for server in self._servers:
            server.server_close()
        self._servers.clear()
        self._serving.clear()
        if self.tracker is not None:
            self.tracker.stop()
            self.tracker = None

    def reset(self, sites: list[Site]) -> None:
        """Serve ``sites`` in place of the running sites of the same names, at the same
        origins, and forget what the third-party host counted: a fresh start for every
        site without new ports (the tests share one server this way)."""
        assert self.tracker is not None, "the server is not running"
        for site in sites:
            server = self._serving[site.name]
            server.RequestHandlerClass = _make_handler(
                site, self.delay, self.tracker.origin, self.weight
            )
            self.sites[site.name] = site
        with self.tracker.lock:
            self.tracker.hits.clear()
            self.tracker.sent = 0

    def sockets(self) -> set[socket.socket]:
        """The sockets the server listens on now."""
        return {server.socket for server in self._servers}

    def __enter__(self) -> ReplicaServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def storage_state(self, name: str, username: str = DEMO_USERNAME) -> StorageState:
        """A signed-in Playwright storage state for ``username`` on site ``name``."""
        return self.sites[name].storage_state(self.origins[name], username)

    def config_lines(self) -> str:
        """The config tables that point every platform at this server."""
        return "\n".join(
            f'[platforms.{name}]\norigin = "{origin}"\n' for name, origin in self.origins.items()
        )
