"""A hostile capture served back (``replica --capture``) runs none of its scripts in a
real Chromium: no request to another host, no flag set on the window, no dialog."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from playwright.async_api import Dialog, Request

from automation.browser.launch import Running
from automation.captures import fileformat
from automation.captures.replay import CapturedPage

#: What every trick below does when it runs: sets the flag, opens a dialog and calls
#: the beacon.
RUN = "window.owned=1;alert(1);fetch('{beacon}/ran')"


class Beacon:
    """A server on another port that counts every request it gets."""

    def __init__(self) -> None:
        self.hits: list[str] = []
        beacon = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                beacon.hits.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Access-Control-Allow-Origin", "*")
                self.end_headers()
                self.wfile.write(b"<script>parent.owned=1;window.owned=1</script>")

            do_POST = do_GET

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def beacon() -> Iterator[Beacon]:
    served = Beacon()
    try:
        yield served
    finally:
        served.stop()


def element(tag: str, attrs: dict[str, str] | None = None, *children: Any) -> dict[str, Any]:
    return {"tag": tag, "attrs": attrs or {}, "children": list(children)}


def text(words: str) -> dict[str, Any]:
    return {"text": words, "ui": True}


def hostile(beacon: str) -> dict[str, Any]:
    """A capture that tries every way into a page's script, and every way out of it."""
    run = RUN.format(beacon=beacon)
    script = f"<script>{run}</script>"
    tricks = [
        element("script", {}, text(run)),
        element("script", {"src": f"{beacon}/script.js"}),
        element("img", {"src": f"{beacon}/img", "onerror": run, "onload": run}),
        element("div", {"onmouseover": run, "onclick": run, "id": "hover"}, text("hover me")),
        element("div", {"style": f"background:url({beacon}/style)"}, text("styled")),
        element("input", {"autofocus": "", "onfocus": run, "id": "focused"}),
        element("details", {"open": "", "ontoggle": run}, element("summary", {}, text("s"))),
        element("a", {"href": f"javascript:{run}", "id": "js"}, text("javascript link")),
        element("a", {"href": f" JaVaScRiPt:{run}", "id": "js2"}, text("spaced")),
        element("a", {"href": f"java\tscript:{run}", "id": "js3"}, text("tabbed")),
        element("a", {"href": f"data:text/html,{script}", "id": "data"}, text("data link")),
        element("a", {"href": beacon.replace("http:", "") + "/relative", "id": "pr"}, text("pr")),
        element("a", {"href": "/\\" + beacon.split("//")[1] + "/bs", "id": "bs"}, text("bs")),
        element("iframe", {"srcdoc": script, "src": f"{beacon}/frame"}),
        element("object", {"data": f"{beacon}/object"}),
        element("embed", {"src": f"{beacon}/embed"}),
        element("base", {"href": f"{beacon}/"}),
        element("meta", {"http-equiv": "refresh", "content": f"0;url={beacon}/refresh"}),
        element("link", {"rel": "stylesheet", "href": f"{beacon}/style.css"}),
        element("style", {}, text(f"@import url({beacon}/import.css);")),
        element("svg", {"onload": run}, element("script", {}, text(run))),
        element("video", {"poster": f"{beacon}/poster", "src": f"{beacon}/video"}),
        element(
            "form",
            {"action": f"{beacon}/form", "method": "post"},
            element("button", {"id": "submit", "formaction": f"javascript:{run}"}, text("Go")),
        ),
        element("input", {"type": "image", "src": f"{beacon}/input"}),
        # Names that would break out of the tag they are written in.
        element(f"img src=x onerror={run}", {}),
        element(f"div>{script}<div", {}),
        element("div", {f"x onmouseover={run} y": "v", f'">{script}<b a="': "v"}),
        element("div", {"aria-label": f'">{script}', "data-x": f"'>{script}"}),
        element("div", {"id": f"x' onfocus='{run}' autofocus tabindex='1"}),
        element("textarea", {}, text(f"</textarea>{script}")),
        text(f"</div>{script}<!--"),
    ]
    return {
        "format": fileformat.FORMAT,
        "setting": "linkedin.ai_training",
        "platform": "linkedin",
        "title": f"</title>{script}",
        "reading": {"state": "unknown", "detail": ""},
        "looked_for": {},
        "dom": element("body", {}, *tricks, element("button", {"id": "last"}, text("Last"))),
    }


@pytest.mark.browser
async def test_a_hostile_capture_replayed_runs_no_script(
    shared_browser: Running, beacon: Beacon
) -> None:
    with CapturedPage(hostile(beacon.url)) as served:
        browser = shared_browser.browser
        page = await browser.new_page()
        page.set_default_timeout(5000)
        dialogs: list[str] = []
        requests: list[str] = []

        async def dismiss(dialog: Dialog) -> None:
            dialogs.append(dialog.message)
            await dialog.dismiss()

        def seen(request: Request) -> None:
            requests.append(request.url)

        page.on("dialog", dismiss)
        page.on("request", seen)
        answer = await page.goto(served.origin + "/settings")
        assert answer is not None
        policy = answer.headers.get("content-security-policy", "")
        assert "script-src 'self'" in policy and "default-src 'none'" in policy
        # What a person would do on the page: hover, click every link and button.
        await page.hover("#hover")
        await page.click("#hover")
        for link in ("#js", "#js2", "#js3", "#data", "#pr", "#bs", "#submit"):
            if await page.locator(link).count():
                await page.click(link, no_wait_after=True)
                await asyncio.sleep(0.2)
                if not page.url.startswith(served.origin):
                    await page.goto(served.origin + "/settings")
        await page.keyboard.press("Tab")
        await asyncio.sleep(1)
        assert page.url.startswith(served.origin)
        assert await page.evaluate("window.owned") is None
        assert dialogs == []
        assert beacon.hits == []
        assert [r for r in requests if not r.startswith(served.origin)] == []
        # The page is still the capture's, its harmless parts written as text.
        assert await page.locator("#last").count() == 1
        label = await page.locator("[aria-label]").first.get_attribute("aria-label")
        assert label is not None and label.startswith('"><script>')


def test_the_replayed_page_holds_no_tag_or_attribute_outside_the_lists() -> None:
    """Read back by an HTML parser, the page has the allowed tags and attributes only,
    one script (its own, from its own origin), and links that are paths."""
    from html.parser import HTMLParser

    from automation.captures.replay import ARIA, ATTRIBUTES, DATA, TAGS, render

    found: list[tuple[str, list[tuple[str, str | None]]]] = []

    class Parser(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, attrs))

    Parser().feed(render(fileformat.check(hostile("http://127.0.0.1:9"))))
    page = {"html", "head", "meta", "title", "body"}
    assert ("script", [("src", "/__capture/replay.js")]) in found
    for tag, attrs in found:
        if tag == "script":
            assert attrs == [("src", "/__capture/replay.js")]
            continue
        assert tag in TAGS | page, tag
        for name, value in attrs:
            allowed = name in ATTRIBUTES or ARIA.fullmatch(name) or DATA.fullmatch(name)
            assert allowed or (tag, name) in {("meta", "charset"), ("html", "lang")}, name
            assert name in ("checked", "disabled", "selected") or value is not None
            if name == "href":
                assert value is not None and value.startswith("/")
                assert not value.startswith(("//", "/\\"))
    assert sum(tag == "script" for tag, _ in found) == 1
