"""Working in pages: how many are open at once, a platform's pages in parallel, rest after.

Real Chromium against the replica sites; the pages counted are the browser's own
(``Engine.open_pages`` asks each platform's context for its pages).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest

from automation.accounts import secrets
from automation.accounts.secrets import Credentials, KeyringCredentials
from automation.accounts.sessions import MemorySessions
from automation.accounts.sessions.store import SessionStore
from automation.browser.launch import Running
from automation.browser.pool import Gate, Places, Tabs, by_page, default_pages, longest_first, steps
from automation.domain import events
from automation.domain.settings import Kind, Reading, State
from automation.engine.core import Engine, Options
from automation.plugins.chatgpt import ChatGPT
from automation.plugins.linkedin import LinkedIn
from automation.plugins.x import X
from automation.replicas import DEMO_PASSWORD, DEMO_USERNAME, ReplicaServer

# -- without a browser -------------------------------------------------------------------


@pytest.mark.parametrize(("cores", "pages"), [(1, 2), (2, 4), (3, 6), (4, 8), (32, 8)])
def test_pages_follow_the_cores_within_bounds(cores: int, pages: int) -> None:
    assert default_pages(cores) == pages


def test_settings_on_one_page_share_it_and_other_pages_get_their_own() -> None:
    """X's Grok switches share a page, as do its two off-X ones; LinkedIn's are apart."""
    x = X("http://127.0.0.1:1")
    groups = by_page(x, x.settings)
    assert [[s.key for s in group] for group in groups] == [
        ["grok_training", "grok_personalize", "grok_history"],
        ["business_partners"],
        ["web_content_use", "off_platform_activity"],
        ["personalized_ads"],
        ["location"],
    ]
    linkedin = LinkedIn("http://127.0.0.1:1")
    switches = [s for s in linkedin.settings if s.kind is not Kind.MANUAL]
    groups = by_page(linkedin, switches)
    assert len(groups) == len({linkedin.page_url(s) for s in switches}) > 2
    assert [s for group in groups for s in group] == switches  # nothing lost, order kept


def test_the_longest_line_of_work_starts_first() -> None:
    """LinkedIn's education page holds five settings: five steps one after another, so
    LinkedIn starts before Copilot's four settings on one page; a per-blog setting is two
    steps (the list, then a blog); among equals, more pages go first."""
    from automation.plugins.copilot import Copilot
    from automation.plugins.tumblr import Tumblr

    origin = "http://127.0.0.1:1"
    plugins = [Copilot(origin), X(origin), ChatGPT(origin), LinkedIn(origin), Tumblr(origin)]
    work = {
        p.name: by_page(p, [s for s in p.settings if s.kind is not Kind.MANUAL]) for p in plugins
    }
    assert [steps(group) for group in work["tumblr"]] == [2]
    assert max(map(steps, work["linkedin"])) == 5 and len(work["linkedin"]) > 10
    assert [steps(group) for group in work["copilot"]] == [4]
    # LinkedIn 5 steps; Copilot 4; X and ChatGPT 3 (X has more pages); Tumblr 2.
    assert longest_first(work) == ["linkedin", "copilot", "x", "chatgpt", "tumblr"]


async def test_the_gate_lets_a_change_wait_for_steps_and_go_before_later_ones() -> None:
    gate, order = Gate(), []

    async def step(name: str, hold: asyncio.Event) -> None:
        async with gate.shared():
            order.append(f"{name} in")
            await hold.wait()
            order.append(f"{name} out")

    async def alone() -> None:
        async with gate.alone():
            order.append("alone")

    first_done = asyncio.Event()
    first = asyncio.create_task(step("first", first_done))
    await asyncio.sleep(0)
    changing = asyncio.create_task(alone())
    await asyncio.sleep(0)
    later = asyncio.create_task(step("later", asyncio.Event()))
    await asyncio.sleep(0.01)
    assert order == ["first in"]  # the change waits for the step; the later step waits too
    first_done.set()
    await asyncio.gather(first, changing)
    await asyncio.sleep(0.01)
    assert order == ["first in", "first out", "alone", "later in"]
    later.cancel()


async def test_a_platforms_page_goes_to_its_next_line_of_work_and_places_come_back() -> None:
    """One place in the whole run: a platform's second and third lines of work get the
    first one's page when it is done (waiting on the place would wait forever, as the
    platform keeps it until its context closes); the place comes back on release."""
    slots = Places(1)
    tabs, got = Tabs(slots), []

    async def line(hold: float) -> None:
        async with tabs.one() as tab:
            got.append(tab)
            await asyncio.sleep(hold)

    async with asyncio.timeout(5):
        await asyncio.gather(line(0.05), line(0), line(0))
    assert len(got) == 3 and got[0] is got[1] is got[2]
    assert slots.locked(), "the place is kept while the platform's context is open"
    other = Tabs(slots)
    waiting = asyncio.create_task(other.one().__aenter__())
    await asyncio.sleep(0.01)
    assert not waiting.done(), "another platform waits for a place"
    tabs.release()
    async with asyncio.timeout(5):
        await waiting
    assert slots.locked()


# -- in the browser -------------------------------------------------------------------------


@pytest.fixture
async def engines(
    chromium: str, shared_browser: Running, tmp_path: Path
) -> AsyncIterator[Callable[..., Engine]]:
    made: list[Engine] = []

    def make(plugins, pages: int, **kwargs) -> Engine:
        options = Options(
            executable=chromium, timeout=15, pages=pages, log_path=tmp_path / "engine.log"
        )
        engine = Engine(plugins, options, shared_browser=shared_browser, **kwargs)
        made.append(engine)
        return engine

    yield make
    for engine in made:
        await asyncio.wait_for(engine.close(), 30)


class PageCounts:
    """The pages open in each platform's context, looked at on every event and every
    20 ms while a check runs."""

    def __init__(self, engine: Engine) -> None:
        self.engine, self.seen = engine, [engine.open_pages()]
        engine.subscribe(lambda _event: self.look())

    def look(self) -> None:
        self.seen.append(self.engine.open_pages())

    async def during(self, work: Awaitable[list[Reading]]) -> list[Reading]:
        async def poll() -> None:
            while True:
                self.look()
                await asyncio.sleep(0.02)

        polling = asyncio.create_task(poll())
        try:
            return await work
        finally:
            polling.cancel()

    @property
    def most(self) -> int:
        return max(sum(counts.values()) for counts in self.seen)

    def most_in(self, name: str) -> int:
        return max(counts.get(name, 0) for counts in self.seen)


def signed_in(replica: ReplicaServer, *names: str) -> MemorySessions:
    return MemorySessions({name: replica.storage_state(name) for name in names})


@pytest.mark.browser
@pytest.mark.parametrize("pages", [1, 3])
async def test_a_check_never_has_more_pages_open_than_allowed_and_rests_after(
    engines, replica: ReplicaServer, pages: int
) -> None:
    """Three platforms, a dozen pages to read: never more than ``pages`` open at once;
    with room, one platform's pages are read side by side; afterwards nothing is open."""
    plugins = [
        LinkedIn(replica.origins["linkedin"]),
        X(replica.origins["x"]),
        ChatGPT(replica.origins["chatgpt"]),
    ]
    engine = engines(plugins, pages, sessions=signed_in(replica, "linkedin", "x", "chatgpt"))
    await engine.start()
    counts = PageCounts(engine)
    # LinkedIn's first six pages, and all of X's and ChatGPT's.
    ids = [s.id for s in LinkedIn.settings[:6]] + [s.id for p in plugins[1:] for s in p.settings]
    assert len(by_page(plugins[0], LinkedIn.settings[:6])) == 6
    readings = await counts.during(engine.check(ids))
    assert readings and all(r.state.is_value for r in readings), readings
    assert 1 <= counts.most <= pages, counts.seen
    if pages > 1:
        assert counts.most_in("linkedin") >= 2, "LinkedIn's pages were read one at a time"
    assert engine.open_pages() == {}, "a platform's context stays open after its work"


@pytest.mark.browser
async def test_a_check_starts_the_longest_line_of_work_first(
    engines, replica: ReplicaServer
) -> None:
    """With one place, the order of the readings is the order work started: LinkedIn's
    education page with five settings before Copilot's page with four, and then
    LinkedIn's pages with two settings before its pages with one (a platform keeps its
    place until its work is done). The result keeps the order asked."""
    from automation.plugins.copilot import Copilot

    plugins = [Copilot(replica.origins["copilot"]), LinkedIn(replica.origins["linkedin"])]
    engine = engines(plugins, 1, sessions=signed_in(replica, "linkedin", "copilot"))
    order: list[str] = []
    engine.subscribe(
        lambda e: order.append(e.reading.setting_id) if isinstance(e, events.Read) else None
    )
    education = [
        f"linkedin.{key}"
        for key in ("ads_schools", "ads_fields_of_study", "ads_degrees", "ads_skills")
    ] + ["linkedin.ads_graduation_year"]
    twos = {
        "linkedin.marketing_ads",
        "linkedin.marketing_emails",
        "linkedin.ads_current_company",
        "linkedin.ads_past_companies",
        "linkedin.ads_current_job",
        "linkedin.ads_past_jobs",
    }
    # Copilot's page, LinkedIn's pages with five and with two settings, and two of its
    # pages with one, asked in the platforms' own order.
    ones = {"linkedin.ai_training", "linkedin.ads_groups"}
    ids = [
        s.id
        for p in plugins
        for s in p.settings
        if s.kind is not Kind.MANUAL and (p.name == "copilot" or s.id in {*education, *twos, *ones})
    ]
    readings = await engine.check(ids)
    assert [r.setting_id for r in readings] == ids
    assert all(r.state.is_value for r in readings), readings
    assert order[:5] == education, order
    assert set(order[5:11]) == twos, order
    linkedin = [i for i in ids if i.startswith("linkedin.")]
    assert order[len(linkedin) :] == [i for i in ids if i.startswith("copilot.")], order


@pytest.mark.browser
async def test_parallel_pages_sign_in_once_and_all_read(
    engines, replica: ReplicaServer, tmp_path: Path
) -> None:
    """No session, a stored password: LinkedIn's pages all find no session at once; one
    signs in, the others wait and read in the signed-in context."""
    secrets.set_credentials("linkedin", Credentials(DEMO_USERNAME, DEMO_PASSWORD))
    linkedin = LinkedIn(replica.origins["linkedin"])
    store = SessionStore(tmp_path / "sessions")
    engine = engines([linkedin], 4, sessions=store, credentials=KeyringCredentials())
    seen: list[events.Event] = []
    engine.subscribe(seen.append)
    # Six settings on six pages: more pages than places, all without a session at first.
    ids = [s.id for s in LinkedIn.settings[:6]]
    readings = await engine.check(ids)
    assert len(readings) == 6
    assert all(r.state.is_value for r in readings), readings
    assert replica.sites["linkedin"].sign_ins == [DEMO_USERNAME]
    assert len([e for e in seen if isinstance(e, events.SigningIn)]) == 1
    assert engine.open_pages() == {}
    # The session was kept: a second check reads without signing in again.
    again = await engine.check(ids)
    assert [r.state for r in again] == [r.state for r in readings]
    assert replica.sites["linkedin"].sign_ins == [DEMO_USERNAME]


@pytest.mark.browser
async def test_a_change_keeps_the_context_a_moment_for_the_next_then_it_rests(
    engines, replica: ReplicaServer
) -> None:
    """A preset changes one setting after another: the platform's context stays open
    for the next change (the same browser pages), and closes a few seconds after the last."""
    linkedin = LinkedIn(replica.origins["linkedin"])
    engine = engines([linkedin], 2, sessions=signed_in(replica, "linkedin"))
    engine.options.linger = 1.0
    [before] = await engine.check(["linkedin.ai_training"])
    assert engine.open_pages() == {}
    target = State.OFF if before.state is State.ON else State.ON
    after = await engine.change("linkedin.ai_training", target)
    assert after.state is target
    assert engine.open_pages() == {"linkedin": 1}
    back = await engine.change("linkedin.ai_training", before.state)
    assert back.state is before.state
    assert engine.open_pages() == {"linkedin": 1}, "the second change reused the page"
    async with asyncio.timeout(engine.options.linger + 10):
        while engine.open_pages():
            await asyncio.sleep(0.1)
