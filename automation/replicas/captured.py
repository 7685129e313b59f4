"""A capture served back as a page, so a mismatch seen on a real site can be replayed.

The page is rebuilt from the capture's skeleton: the same elements with the same ids,
roles, ``aria-*`` attributes, test ids and states, and the interface words that were
kept. Its controls work: a switch or checkbox follows a click, and the server keeps
the new state, so a reload shows it (as a real site shows a saved change). Every
address on any host answers with the captured page, so a plugin pointed at this
server finds it wherever it looks.
"""

from __future__ import annotations

import html
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

#: Elements written without a closing tag.
VOID = {"input", "br", "hr", "img", "meta", "link", "area", "col", "source", "wbr"}

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
    """The HTML page of ``capture``; ``states`` are the controls' states since (by node)."""
    counter = iter(range(1_000_000))
    body = "".join(_element(child, counter, states or {}) for child in _children(capture["dom"]))
    title = html.escape(capture.get("title") or "")
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{title}</title></head><body>{body}<script>{SCRIPT}</script></body></html>"
    )


def _children(node: dict[str, Any]) -> list[dict[str, Any]]:
    children: list[dict[str, Any]] = node.get("children", [])
    return children


def _element(node: dict[str, Any], counter: Any, states: dict[str, bool]) -> str:
    if "text" in node:
        return html.escape(node["text"])
    number = str(next(counter))
    tag = node.get("tag") or "div"
    attrs = dict(node.get("attrs", {}))
    on = states.get(number)
    checkable = tag == "input" or "aria-checked" in attrs
    if on is not None and "aria-checked" in attrs:
        attrs["aria-checked"] = "true" if on else "false"
    parts = [tag] + [f'{name}="{html.escape(value)}"' for name, value in attrs.items()]
    if checkable:
        parts.append(f'data-capture-node="{number}"')
    if tag == "input" and (node.get("checked") if on is None else on):
        parts.append("checked")
    if node.get("disabled"):
        parts.append("disabled")
    if node.get("selected"):
        parts.append("selected")
    opening = "<" + " ".join(parts) + ">"
    if tag in VOID:
        return opening
    inner = "".join(_element(child, counter, states) for child in _children(node))
    return f"{opening}{inner}</{tag}>"


class CapturedPage:
    """Serves one capture on a loopback port until stopped."""

    def __init__(
        self, capture: dict[str, Any] | Path, port: int = 0, session_cookies: tuple[str, ...] = ()
    ) -> None:
        """``session_cookies`` are the names of the platform's session cookies: the page
        hands the browser each of them (with a stand-in value), as the signed-in page the
        capture was taken from had them, so a plugin reads it as an account's page."""
        self.capture: dict[str, Any] = (
            json.loads(capture.read_text(encoding="utf-8"))
            if isinstance(capture, Path)
            else capture
        )
        self.states: dict[str, bool] = {}
        self.lock = threading.Lock()
        page = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                with page.lock:
                    body = render(page.capture, page.states).encode()
                self._send(200, body, "text/html; charset=utf-8", session_cookies)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                try:
                    said = json.loads(self.rfile.read(length) or b"{}")
                    with page.lock:
                        page.states[str(said["node"])] = bool(said["on"])
                except (ValueError, KeyError, TypeError):
                    self._send(400, b"", "text/plain")
                    return
                self._send(200, b"{}", "application/json")

            def _send(
                self, status: int, body: bytes, kind: str, cookies: tuple[str, ...] = ()
            ) -> None:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
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
