"""Light reading lets nothing reach another host, by any way a page has.

The platform's own page (a small site on a loopback port the plugin is pointed at)
tries every way a page has to reach a third-party site on another loopback port: tags,
scripts, styles, fonts, frames, a form, a ping, beacons, prefetches and speculation
rules, redirects of its own requests and of the page itself, WebSockets, dedicated,
shared and service workers, popups, a CSP report, WebRTC and WebTransport. The third
party counts every TCP connection, HTTP request, WebSocket message and UDP datagram.
Read light, it gets none; read whole, it gets each kind (so the test can fail).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest

from automation.accounts.secrets import Credentials
from automation.accounts.sessions import MemorySessions
from automation.engine.core import Engine
from automation.page.waits import Waits
from automation.plugins.linkedin import LinkedIn
from tests.hostile_hosts import Answer, Host, Seen, hosts
from tests.storage import linkedin_session

pytestmark = pytest.mark.browser

AI, RESEARCH = "linkedin.ai_training", "linkedin.research"

#: The ways the page below reaches the third party, each named in the path it asks for.
WAYS = {
    "stylesheet", "prefetch", "preload", "modulepreload", "script", "font",
    "background", "img", "media", "iframe", "meta-refresh", "form-post", "ping", "fetch",
    "xhr", "beacon", "keepalive", "websocket", "eventsource", "dynamic-import",
    "blob-worker-fetch", "blob-worker-websocket", "worker-fetch", "worker-websocket",
    "sharedworker-fetch", "sharedworker-websocket", "serviceworker-fetch", "popup",
    "csp-report", "redirect-script", "redirect-iframe", "redirect-fetch", "redirect-beacon",
    "redirect-popup",
}  # fmt: skip


def hostile_page(away: Host) -> str:
    b, ws = away.origin, f"ws://127.0.0.1:{away.port}"
    return f"""<!doctype html><html><head>
<link rel="stylesheet" href="{b}/ch/stylesheet">
<link rel="prefetch" href="{b}/ch/prefetch">
<link rel="preload" as="fetch" crossorigin href="{b}/ch/preload">
<link rel="modulepreload" href="{b}/ch/modulepreload">
<link rel="preconnect" href="{b}"><link rel="dns-prefetch" href="{b}">
<script type="speculationrules">
{{"prefetch": [{{"source": "list", "urls": ["{b}/ch/speculation"]}}]}}</script>
<script async src="{b}/ch/script"></script>
<script async src="/bounce?to=script"></script>
<style>@font-face {{ font-family: f; src: url({b}/ch/font); }}
body {{ font-family: f; background: url({b}/ch/background); }}</style>
</head><body><h1>Settings</h1>
<img src="{b}/ch/img"><video src="{b}/ch/media" autoplay muted></video>
<iframe src="{b}/ch/iframe"></iframe><iframe src="/bounce?to=iframe"></iframe>
<iframe srcdoc="<meta http-equiv='refresh' content='0;url={b}/ch/meta-refresh'>"></iframe>
<iframe name="sink"></iframe>
<form id="post" action="{b}/ch/form-post" method="post" target="sink">
<input name="x" value="1"></form>
<a id="ping" ping="{b}/ch/ping" href="#here">here</a>
<script>
const B = "{b}", WS = "{ws}";
const t = (f) => {{ try {{ f(); }} catch (e) {{}} }};
const quiet = (p) => p.catch(() => {{}});
t(() => quiet(fetch(B + "/ch/fetch", {{mode: "no-cors"}})));
t(() => quiet(fetch("/bounce?to=fetch")));
t(() => {{ const x = new XMLHttpRequest(); x.open("GET", B + "/ch/xhr"); x.send(); }});
t(() => navigator.sendBeacon(B + "/ch/beacon", "b"));
t(() => navigator.sendBeacon("/bounce?to=beacon", "b"));
t(() => quiet(fetch(B + "/ch/keepalive", {{method: "POST", body: "k", keepalive: true,
                                           mode: "no-cors"}})));
t(() => new WebSocket(WS + "/ch/websocket"));
t(() => new EventSource(B + "/ch/eventsource"));
t(() => quiet(import(B + "/ch/dynamic-import")));
const job = (who) => `fetch("${{B}}/ch/${{who}}-fetch", {{mode: "no-cors"}}).catch(() => {{}});
  try {{ new WebSocket("${{WS}}/ch/${{who}}-websocket"); }} catch (e) {{}}`;
t(() => new Worker(URL.createObjectURL(new Blob([job("blob-worker")],
                                                {{type: "text/javascript"}}))));
t(() => new Worker("/worker.js"));
t(() => new SharedWorker("/shared.js"));
t(() => quiet(navigator.serviceWorker.register("/sw.js")));
t(() => window.open(B + "/ch/popup"));
t(() => window.open("/bounce?to=popup"));
t(() => document.getElementById("post").submit());
t(() => document.getElementById("ping").click());
t(() => {{
  const pc = new RTCPeerConnection({{iceServers: [
    {{urls: "stun:127.0.0.1:{away.port}"}},
    {{urls: "turn:127.0.0.1:{away.port}?transport=tcp", username: "u", credential: "c"}}]}});
  pc.createDataChannel("d");
  pc.createOffer().then((o) => pc.setLocalDescription(o));
  window.peer = pc;
}});
t(() => quiet(new WebTransport("https://127.0.0.1:{away.port}/ch/webtransport").ready));
</script>
<script src="/slow.js"></script>
</body></html>"""


def worker(away: Host, who: str) -> str:
    ws = f"ws://127.0.0.1:{away.port}"
    return (
        f'fetch("{away.origin}/ch/{who}-fetch", {{mode: "no-cors"}}).catch(() => {{}});'
        f'try {{ new WebSocket("{ws}/ch/{who}-websocket"); }} catch (e) {{}}'
    )


@pytest.fixture
def sites() -> Iterator[tuple[Host, Host]]:
    """The platform's own site, whose settings page is the hostile one, and a third party."""
    with hosts("platform", "third party") as (home, away):
        page = hostile_page(away)
        report = f"img-src 'none'; report-uri {away.origin}/ch/csp-report"
        home.page(
            LinkedIn.setting("ai_training").switch.path,  # type: ignore[union-attr]
            page,
            ("Content-Security-Policy-Report-Only", report),
        )
        home.page("/", page, ("Content-Security-Policy-Report-Only", report))
        # The research page sends the browser to the third party.
        home.redirect(
            LinkedIn.setting("research").switch.path,  # type: ignore[union-attr]
            away.url("/ch/redirect-navigation"),
        )

        def bounce(seen: Seen) -> Answer:
            to = seen.path.split("to=", 1)[1]
            return Answer(302, "", (("Location", away.url(f"/ch/redirect-{to}")),))

        def slow(seen: Seen) -> Answer:
            time.sleep(1.5)  # keeps the page loading while everything above is tried
            return Answer(200, "", (("Content-Type", "text/javascript"),))

        home.routes["/bounce"] = bounce
        home.routes["/slow.js"] = slow
        home.script("/worker.js", worker(away, "worker"))
        home.script("/shared.js", worker(away, "sharedworker"))
        home.script(
            "/sw.js",
            'self.addEventListener("install", (e) => e.waitUntil(fetch('
            f'"{away.origin}/ch/serviceworker-fetch", {{mode: "no-cors"}}).catch(() => {{}})));',
        )
        yield home, away


def reached(away: Host) -> set[str]:
    return {s.path.split("?")[0].removeprefix("/ch/") for s in away.requests}


def signed_in(home: Host) -> MemorySessions:
    """A session for the platform's own site (its pages then count as the account's)."""
    return MemorySessions({"linkedin": linkedin_session("signed-in")})


@pytest.mark.parametrize("light", [True, False], ids=["light", "whole"])
async def test_a_light_reading_reaches_no_third_party_by_any_way(
    make_engine: Callable[..., Engine], sites: tuple[Host, Host], light: bool
) -> None:
    home, away = sites
    engine = make_engine(
        LinkedIn(home.origin), signed_in=False, sessions=signed_in(home), waits=Waits.short()
    )
    engine.options.light = light
    engine.options.capture_unknown = False

    await engine.check([AI, RESEARCH])
    await engine.close()

    assert any(s.path == "/slow.js" for s in home.requests), "the page was read"
    if light:
        assert away.connections == 0, away.got()
        assert away.requests == [] and away.messages == [] and away.datagrams == []
    else:
        # Read whole, every way gets through: the page does try each one.
        assert WAYS | {"redirect-navigation"} <= reached(away), WAYS - reached(away)


@pytest.mark.parametrize("light", [True, False], ids=["light", "whole"])
async def test_signing_in_reaches_no_third_party_either(
    make_engine: Callable[..., Engine], sites: tuple[Host, Host], light: bool
) -> None:
    """Signing in opens the platform's pages in contexts of its own (to prove the
    session): those are read as light as the rest."""
    home, away = sites

    def login(seen: Seen) -> Answer:
        if seen.method == "POST":
            return Answer(302, "", (("Location", "/"), ("Set-Cookie", "li_at=new; Path=/")))
        return Answer(
            200,
            '<form method="post" action="/login"><input id="username" name="u">'
            '<input id="password" name="p" type="password">'
            '<button type="submit">Sign in</button></form>',
        )

    home.routes["/login"] = login
    engine = make_engine(LinkedIn(home.origin), signed_in=False)
    engine.options.light = light

    wall = await engine.sign_in("linkedin", Credentials("person@example.com", "pw"))
    await engine.close()

    assert wall is None
    assert any(s.path == "/slow.js" for s in home.requests), "the signed-in page was opened"
    if light:
        assert away.connections == 0, away.got()
        assert away.requests == [] and away.messages == [] and away.datagrams == []
    else:
        assert "websocket" in reached(away)
