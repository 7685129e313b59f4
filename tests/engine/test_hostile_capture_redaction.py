"""A page of planted personal values, captured: none of them is in any file written,
and the plugin still reads its setting from the capture served back."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from automation.browser.launch import Running
from automation.captures import capture, fileformat
from automation.domain.settings import Reading, State
from automation.plugins.linkedin import LinkedIn
from tests.replay import read_served

AI = "linkedin.ai_training"
PATH = "/mypreferences/d/settings/data-for-ai-improvement"

#: A signed-in settings page that shows its person everywhere a page can: a heading,
#: links and their paths, a mailto: link, a percent-encoded email address, a
#: textarea, a table, a title attribute, a placeholder, options, ids and names, an
#: address, an image's description, a label an aria-describedby points to, the title.
PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Jane Q. Example | Data for Generative AI Improvement</title></head><body>
<header>
 <img src="/p/jane.jpg" alt="Jane Q. Example">
 <button type="button" aria-label="Account menu for Jane Q. Example"
   data-testid="profile-jane-q-example">Jane Q. Example</button>
 <a href="/in/jane-q-example-8a7b6c/">Jane Q. Example</a>
 <a href="mailto:jane.example@example.org">Email me</a>
 <a href="/messaging/compose/jane.example%40example.org?from=jane">Write</a>
 <a href="https://www.linkedin.com/in/janeqexample">Profile</a>
 <span>+1 415 555 0134</span>
 <address>221B Baker Street, London NW1 6XE</address>
</header>
<h1>Jane Q. Example</h1>
<h2>Data for Generative AI Improvement</h2>
<div id="member-jane-q-example" title="Employee number 4471-ZX">
 <p id="allowDataForGenerativeAI">Use my data for training content creation AI models</p>
 <input type="checkbox" role="switch" aria-labelledby="allowDataForGenerativeAI"
   aria-describedby="member-note" checked>
 <p id="member-note">Verified member since 2011 at Hollowbrook</p>
</div>
<form>
 <label for="jane_example_phone">Phone</label>
 <input id="jane_example_phone" name="jane_example_phone" value="Secret value 93a1"
   placeholder="Your maiden name: Hollowell">
 <textarea name="diary">Diabetes appointment notes</textarea>
 <select name="bank_jane"><option>Hollowbrook Savings Account</option>
   <option selected>Cinderford Credit Union</option></select>
</form>
<table><tr><th>Born</th><td>1984-03-12</td></tr><tr><th>Lives in</th><td>Cinderford</td></tr>
</table>
<p title="Jane's own note">Reach me at jane.example@example.org or +1 415 555 0134</p>
</body></html>"""

#: What none of the files written may hold, in any case.
PLANTED = (
    "jane",
    "8a7b6c",
    "example.org",
    "%40",
    "415 555",
    "0134",
    "baker",
    "nw1",
    "4471",
    "employee",
    "hollow",
    "93a1",
    "secret",
    "maiden",
    "diabetes",
    "1984",
    "cinderford",
    "savings",
    "2011",
    "verified",
    "reach me",
    "from=",
)


class Site:
    """Serves :data:`PAGE` at every path."""

    def __init__(self) -> None:
        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                body = PAGE.encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def site() -> Iterator[Site]:
    served = Site()
    try:
        yield served
    finally:
        served.server.shutdown()
        served.server.server_close()


@pytest.mark.browser
async def test_a_page_of_planted_personal_values_leaves_none_in_its_capture(
    shared_browser: Running, site: Site, tmp_path: Path
) -> None:
    setting = LinkedIn.setting("ai_training")
    folder = tmp_path / "captures"
    address = f"{site.origin}{PATH}?email=jane.example%40example.org#jane"
    detail = (
        f"LinkedIn sent the browser to {site.origin.split('//')[1]}/in/jane-q-example-8a7b6c "
        'instead of the settings page; it shows "Jane Q. Example".'
    )
    browser = shared_browser.browser
    page = await browser.new_page()
    await page.goto(address)
    taken = await capture.take(
        page, setting, Reading(AI, State.UNKNOWN, detail), LinkedIn.signed_in_marker
    )
    path = capture.save(taken, folder)

    files = [p for p in folder.rglob("*") if p.is_file()]
    assert files == [path]
    for written in files:
        text = written.read_text(encoding="utf-8").casefold()
        for planted in PLANTED:
            assert planted not in text, (planted, written)
        # An address is a host, not a phone number.
        assert "[phone]" not in text
    kept = fileformat.load(path)
    assert kept["address"] == f"{site.origin}{PATH}"
    assert f"to {site.origin.split('//')[1]}/" in kept["reading"]["detail"]
    # What the plugin knows stays: its label, its id, the page's title words.
    assert "Use my data for training content creation AI models" in str(kept["dom"])
    assert "allowDataForGenerativeAI" in str(kept["dom"])
    assert "Data for Generative AI Improvement" in kept["title"]
    assert "- switch" in kept["accessibility"]
    # And served back, the plugin reads the setting from it.
    again = await read_served(kept, browser)
    assert again.state is State.ON, again.detail


@pytest.mark.browser
async def test_a_huge_page_makes_a_capture_that_reads_back(
    shared_browser: Running, tmp_path: Path
) -> None:
    """A page of 60,000 elements and texts nested 250 deep, with long labels: its
    capture keeps the first 50,000, 200 deep, and is a capture privacy-tui reads."""
    setting = LinkedIn.setting("ai_training")
    build = """() => {
      let node = document.body;
      for (let i = 0; i < 250; i++) {
        const child = document.createElement("div");
        child.setAttribute("aria-label", "x".repeat(5000));
        node.appendChild(child);
        node = child;
      }
      const many = document.createElement("section");
      for (let i = 0; i < 30000; i++) {
        const item = document.createElement("span");
        item.textContent = "Jane Doe";
        many.appendChild(item);
      }
      document.body.appendChild(many);
    }"""
    browser = shared_browser.browser
    page = await browser.new_page()
    await page.set_content("<!doctype html><title>t</title><body></body>")
    await page.evaluate(build)
    taken = await capture.take(page, setting, Reading(AI, State.UNKNOWN, "x"))
    path = capture.save(taken, tmp_path)
    assert path.stat().st_size < fileformat.MOST_BYTES
    kept = fileformat.load(path)
    assert "jane" not in path.read_text(encoding="utf-8").casefold()
    depth, stack = 0, [(kept["dom"], 1)]
    count = 0
    while stack:
        node, at = stack.pop()
        count += 1
        depth = max(depth, at)
        stack.extend((child, at + 1) for child in node.get("children", []))
    assert depth == fileformat.MOST_DEPTH
    assert fileformat.MOST_NODES - 10 <= count <= fileformat.MOST_NODES
