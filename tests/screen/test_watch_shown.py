"""The checklist shows the last watched check, and marks its readings in the detail pane."""

from __future__ import annotations

from datetime import UTC, datetime

from textual.widgets import Static

from automation.engine.runtime import Runtime
from tui.app import PrivacyApp

AI = "linkedin.ai_training"


async def test_summary_line_says_when_the_last_watched_check_ran(fake_linkedin: Runtime) -> None:
    history = fake_linkedin.history
    plugin = next(p for p in fake_linkedin.plugins if p.name == "linkedin")
    history.record_watch(
        history.last_entry_id(),
        at=datetime(2026, 11, 29, 9, 0, tzinfo=UTC),
        status=1,
        summary=f"{AI} came back on",
        findings=[],
        told=[f"{AI}=on"],
    )
    when = datetime(2026, 11, 29, 9, 0, tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")
    app = PrivacyApp(fake_linkedin, demo=True)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        summary = str(app.query_one("#summary", Static).render())
        assert f"watched {when}: {AI} came back on" in summary
        # This app's own readings came after the watched check: not marked as watched.
        assert history.watched(history.entries(AI, origin=plugin.origin)) == set()
        await app.action_quit()


def test_detail_pane_marks_the_readings_of_a_watched_check(tmp_path) -> None:
    from automation.domain import events
    from automation.domain.settings import Reading, State
    from automation.records.history import History
    from tui.history_view import recent_text

    history = History.open(tmp_path / "h.sqlite")
    origins = {"linkedin": "http://127.0.0.1:1"}
    read = events.Read(Reading(AI, State.OFF, "Switch is off."))
    history.record(read, origins)
    after = history.last_entry_id()
    history.record(read, origins)
    history.record_watch(
        after, at=datetime.now(UTC), status=0, summary="all as desired", findings=[], told=[]
    )
    lines = str(recent_text(history, AI, origins["linkedin"])).splitlines()
    assert lines[-2].endswith("read off") and lines[-1].endswith("read off · watch")
    history.close()
