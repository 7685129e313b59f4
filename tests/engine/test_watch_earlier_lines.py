"""A crontab line an earlier version wrote (its tag at the end of the job line) is still
privacy-tui's own: status names it, install replaces it and remove takes it out, and the
person's own lines that only mention privacy-tui are left."""

from __future__ import annotations

from pathlib import Path

import pytest

from automation.watch import scheduler
from automation.watch.system import RecordingSystem

EARLIER_DAY = (
    "0 10 * * * /home/me/.local/bin/privacy-tui watch run --config /home/me/p.toml"
    " >>/home/me/.local/state/privacy-tui/watch.log 2>&1 # privacy-tui watch: day"
)
EARLIER_WEEK = "0 10 * * 1 /opt/privacy-tui/bin/privacy-tui watch run # privacy-tui watch: week"
THEIRS = [
    "MAILTO=me",
    "5 4 * * * backup --notify privacy-tui",
    # Looks like the earlier tag, but it is not a job line the earlier version wrote.
    "30 9 * * * echo hello # privacy-tui watch: day",
]


@pytest.fixture
def system(tmp_path: Path) -> RecordingSystem:
    return RecordingSystem(tmp_path / "system.jsonl")


@pytest.mark.parametrize(("line", "every"), [(EARLIER_DAY, "day"), (EARLIER_WEEK, "week")])
def test_an_earlier_line_is_found_and_removed_alone(
    system: RecordingSystem, line: str, every: str
) -> None:
    system.crontab.write_text("\n".join([THEIRS[0], line, *THEIRS[1:]]) + "\n")

    found = scheduler.installed(system)
    assert found is not None and (found.scheduler, found.every) == ("cron", every)

    done = scheduler.remove(system)
    assert done.removed == ["the privacy-tui lines of the crontab"]
    assert system.crontab.read_text().splitlines() == THEIRS
    # The person's two lines that name privacy-tui are told of, and kept.
    assert any(left.startswith("2 lines") for left in done.left), done.left


def test_installing_over_an_earlier_line_leaves_one_job(system: RecordingSystem) -> None:
    system.crontab.write_text(f"{EARLIER_DAY}\n")
    plan = scheduler.plan_install("cron", "week", ["/usr/bin/privacy-tui", "watch", "run"], None)
    scheduler.install(plan, system)

    lines = system.crontab.read_text().splitlines()
    assert EARLIER_DAY not in lines
    assert lines == list(plan.cron_lines)
    assert scheduler.installed(system) == scheduler.Installed("cron", "week", "crontab")


def test_a_line_that_only_ends_with_the_tag_is_not_taken(system: RecordingSystem) -> None:
    system.crontab.write_text("\n".join(THEIRS) + "\n")
    assert scheduler.installed(system) is None
    scheduler.remove(system)
    assert system.crontab.read_text().splitlines() == THEIRS
