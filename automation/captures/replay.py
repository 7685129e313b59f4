"""A capture served back as a page, so a mismatch seen on a real site can be replayed.

The page is rebuilt from the capture's skeleton: the same elements with the same ids,
roles, ``aria-*`` attributes, test ids and states, and the interface words that were
kept. Its controls work: a switch or checkbox follows a click, and the server keeps
the new state, so a reload shows it (as a real site shows a saved change). Every
address on any host answers with the captured page, so a plugin pointed at this
server finds it wherever it looks.

A capture file comes from outside, so the page is built from allow-lists: only known
tag names (other names become ``div``; scripts, styles, frames, objects, ``base`` and
``meta`` are left out with what they hold) and only known attribute names (never an
event handler, a style, a source, an action or ``srcdoc``), every name and value
escaped, links kept only as paths on the same site. The page's one script is served
from the page's own origin, and a Content-Security-Policy forbids any other: inline
scripts, event handlers and ``javascript:`` links do not run, and nothing is loaded
from anywhere else.
"""

from __future__ import annotations

import html
import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from automation.captures.fileformat import check, load

#: Elements written without a closing tag.
VOID = {"input", "br", "hr", "img", "col", "wbr"}


def _listed(words: str) -> frozenset[str]:
    """The words of a list written one after another."""
    return frozenset(words.split())


#: The elements a page is rebuilt from; any other name becomes ``div``.
TAGS = _listed(
    """
    a abbr address article aside b bdi blockquote br button caption cite code col
    colgroup data dd del details dfn dialog div dl dt em fieldset figcaption figure
    footer form h1 h2 h3 h4 h5 h6 header hgroup hr i img input ins kbd label legend li
    main mark menu meter nav ol optgroup option output p pre progress q s samp search
    section select small span strong sub summary sup table tbody td textarea tfoot th
    thead time tr u ul var wbr
    """
)
#: Elements left out with everything in them: what runs, loads or redirects.
DROPPED = _listed(
    """
    script style noscript template iframe frame frameset object embed applet base meta
    link svg math head title portal fencedframe param source track video audio canvas
    picture
    """
)
#: A custom element's name (Reddit's ``faceplate-switch-input``): inert without its
#: script, which the page never has.
CUSTOM = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)+")
#: Names that look like custom elements but are not (they belong to SVG and MathML).
NOT_CUSTOM = frozenset(
    {
        "annotation-xml",
        "color-profile",
        "font-face",
        "font-face-src",
        "font-face-uri",
        "font-face-format",
        "font-face-name",
        "missing-glyph",
    }
)
#: Attributes written, with the ``aria-*`` and ``data-*`` ones.
ATTRIBUTES = frozenset({"id", "role", "type", "name", "for", "href", "placeholder"})
ARIA = re.compile(r"aria-[a-z]+")
DATA = re.compile(r"data-[a-z0-9][a-z0-9._-]*")
#: Input types a page may keep (not ``image``, which loads a source).
INPUT_TYPES = _listed(
    """
    button checkbox color date datetime-local email file hidden month number password
    radio range reset search submit tel text time url week
    """
)
#: A link the page may keep: a path on the same site, a query or a fragment.
LINK = re.compile(r"(?:/(?![/\\])|[?#])[^\s\\\"'<>\x00-\x1f\x7f]*|")

#: Where the page's script is served, on every host.
SCRIPT_PATH = "/__capture/replay.js"
#: Where the script tells the server a control's new state.
STATE_PATH = "/__capture_state"
#: Nothing but this origin's own script, and no script written in the page.
POLICY = (
    "default-src 'none'; script-src 'self'; connect-src 'self'; img-src 'self'; "
    "style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
#: The largest request body taken: a control's number and its state.
MOST_BODY = 4096

#: Makes the page's controls follow clicks, and tells the server their new state.
SCRIPT = """
function remember(node, on) {
  fetch("/__capture_state", {method: "POST", body: JSON.stringify({node: node, on: on})});
}
document.addEventListener("click", (event) => {
  const control = event.target.closest("[aria-checked][data-capture-node]");
  if (control && !(control instanceof HTMLInputElement)) {
    if (control.getAttribute("aria-disabled") === "true") return;
    const on = control.getAttribute("aria-checked") !== "true";
    control.setAttribute("aria-checked", on ? "true" : "false");
    remember(control.dataset.captureNode, on);
  }
});
document.addEventListener("change", (event) => {
  const input = event.target;
  if (input instanceof HTMLInputElement && input.dataset.captureNode) {
    if (input.hasAttribute("aria-checked")) {
      input.setAttribute("aria-checked", input.checked ? "true" : "false");
    }
    remember(input.dataset.captureNode, input.checked);
  }
});
"""


def render(capture: dict[str, Any], states: dict[str, bool] | None = None) -> str:
    """The HTML page of a checked ``capture``; ``states`` are the controls' states
    since (by node)."""
    counter = iter(range(1_000_000))
    body = _inner(capture["dom"], counter, states or {})
    title = html.escape(capture.get("title") or "")
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f'<title>{title}</title></head><body>{body}<script src="{SCRIPT_PATH}"></script>'
        "</body></html>"
    )


def _children(node: dict[str, Any]) -> list[dict[str, Any]]:
    children = node.get("children", [])
    return [child for child in children if isinstance(child, dict)]


def tag_of(node: dict[str, Any]) -> str | None:
    """The element ``node`` is written as; ``None`` when it is left out."""
    tag = str(node.get("tag") or "div").lower()
    if tag in DROPPED:
        return None
    if tag in TAGS or (CUSTOM.fullmatch(tag) and tag not in NOT_CUSTOM):
        return tag
    return "div"


def attributes_of(tag: str, attrs: dict[str, Any]) -> dict[str, str]:
    """The attributes written for ``tag``: allowed names only, safe values only."""
    kept: dict[str, str] = {}
    for raw, value in attrs.items():
        name = str(raw).lower()
        if not isinstance(value, str) or name == "data-capture-node":
            continue
        if not (name in ATTRIBUTES or ARIA.fullmatch(name) or DATA.fullmatch(name)):
            continue
        if name == "href" and not LINK.fullmatch(value):
            continue
        if name == "type" and value.lower() not in INPUT_TYPES:
            continue
        kept[name] = value
    return kept


def _element(node: dict[str, Any], counter: Any, states: dict[str, bool]) -> str:
    if "text" in node:
        return html.escape(str(node["text"]))
    tag = tag_of(node)
    if tag is None:
        return ""
    number = str(next(counter))
    raw = node.get("attrs", {})
    attrs = attributes_of(tag, raw if isinstance(raw, dict) else {})
    on = states.get(number)
    checkable = tag == "input" or "aria-checked" in attrs
    if on is not None and "aria-checked" in attrs:
        attrs["aria-checked"] = "true" if on else "false"
    parts = [tag] + [f'{name}="{html.escape(value, quote=True)}"' for name, value in attrs.items()]
    if checkable:
        parts.append(f'data-capture-node="{number}"')
    if tag == "input" and (node.get("checked") is True if on is None else on):
        parts.append("checked")
    if node.get("disabled") is True:
        parts.append("disabled")
    if node.get("selected") is True:
        parts.append("selected")
    opening = "<" + " ".join(parts) + ">"
    if tag in VOID:
        return opening
    return f"{opening}{_inner(node, counter, states)}</{tag}>"


def _inner(node: dict[str, Any], counter: Any, states: dict[str, bool]) -> str:
    """What ``node`` holds, written. A capture keeps no layout: words the page set apart
    as blocks (a label and the description under it) are kept apart by a space here,
    not run together ("Ads off RedditAllow ...")."""
    return " ".join(filter(None, (_element(child, counter, states) for child in _children(node))))


def _content_length(value: str | None) -> int | None:
    """A request's body length: digits only, none at all is 0; ``None`` when not a
    length."""
    if value is None:
        return 0
    value = value.strip()
    return int(value) if value.isascii() and value.isdigit() and len(value) <= 12 else None


class CapturedPage:
    """Serves one capture on a loopback port until stopped."""

    def __init__(
        self, capture: dict[str, Any] | Path, port: int = 0, session_cookies: tuple[str, ...] = ()
    ) -> None:
        """``session_cookies`` are the names of the platform's session cookies: the page
        hands the browser each of them (with a stand-in value), as the signed-in page the
        capture was taken from had them, so a plugin reads it as an account's page.

        Raises :class:`~automation.captures.fileformat.CaptureError` for a capture that is not one
        (a file read back, or a table, is checked the same way)."""
        self.capture: dict[str, Any] = (
            load(capture) if isinstance(capture, Path) else check(capture)
        )
        self.states: dict[str, bool] = {}
        self.lock = threading.Lock()
        page = self

        class Handler(BaseHTTPRequestHandler):
            # A client that stops sending in the middle of a request is let go.
            timeout = 30

            def do_GET(self) -> None:
                if self.path.split("?", 1)[0] == SCRIPT_PATH:
                    self._send(200, SCRIPT.encode(), "text/javascript; charset=utf-8")
                    return
                with page.lock:
                    body = render(page.capture, page.states).encode()
                self._send(200, body, "text/html; charset=utf-8", session_cookies)

            def do_POST(self) -> None:
                length = _content_length(self.headers.get("Content-Length"))
                if length is None:
                    self._send(400, b"", "text/plain", close=True)
                    return
                if length > MOST_BODY:
                    self._send(413, b"", "text/plain", close=True)
                    return
                try:
                    said = json.loads(self.rfile.read(length) or b"{}")
                    node, on = said["node"], said["on"]
                    if not isinstance(on, bool) or not str(node).isdigit() or len(str(node)) > 7:
                        raise ValueError(node)
                    with page.lock:
                        page.states[str(int(node))] = on
                except (ValueError, KeyError, TypeError, RecursionError):
                    self._send(400, b"", "text/plain")
                    return
                self._send(200, b"{}", "application/json")

            def _send(
                self,
                status: int,
                body: bytes,
                kind: str,
                cookies: tuple[str, ...] = (),
                close: bool = False,
            ) -> None:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                self.send_header("Content-Security-Policy", POLICY)
                self.send_header("X-Content-Type-Options", "nosniff")
                if close:
                    # The body was not read: the connection cannot carry another request.
                    self.send_header("Connection", "close")
                    self.close_connection = True
                for name in cookies:
                    # A name with a __Host- or __Secure- prefix is taken only as Secure.
                    secure = "; Secure" if name.startswith(("__Host-", "__Secure-")) else ""
                    self.send_header("Set-Cookie", f"{name}=replay; Path=/; SameSite=Lax{secure}")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.server.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self.server.server_address[1])

    @property
    def origin(self) -> str:
        """The origin to point the capture's platform at."""
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> CapturedPage:
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def __enter__(self) -> CapturedPage:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
