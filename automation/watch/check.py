"""A watched check: read what ``[desired]`` names, find what needs telling, tell it once.

What is found (a *finding*): a setting that came back on (or otherwise changed, not
by privacy-tui) and is not as desired, a setting read as not desired, a setting seen
for the first time on a platform already watched, and a platform whose session
expired (one finding for the platform, naming ``privacy-tui login NAME``).

Quiet when all is well: each finding has a key, and the person is told (a desktop
notification, and the configured command given the findings as JSON) only when a
run finds something whose key they were not told of at the last watched run. What
they were told is kept in the history with the run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from automation.domain import wishes
from automation.domain.settings import Kind, Reading, State
from automation.domain.shown import shown
from automation.domain.wishes import Verdict, Wish
from automation.language import Sentence, _, said
from automation.records.apply import Result, carry_out, make_plan
from automation.watch.process import Output, follow
from automation.watch.system import System

if TYPE_CHECKING:
    from automation.engine.runtime import Runtime


EXIT_OK, EXIT_DRIFT, EXIT_USAGE, EXIT_UNREAD = 0, 1, 2, 3


class CommandFailed(Exception):
    """The configured command could not be run or failed; the message is one line."""


def targets(runtime: Runtime) -> dict[str, Wish]:
    """The settings a watched check reads and what is wanted of each.

    Those named in ``[desired]`` (a blog named there stands for its per-blog
    setting); with none named, every setting the browser can read, as recommended.
    """
    readable = {s.id: s for s in runtime.settings if s.kind is not Kind.MANUAL}
    named = [i.split("@", 1)[0] for i in runtime.config.desired]
    chosen = [i for i in readable if i in named] or list(readable)
    return {i: runtime.desired(readable[i]) for i in chosen}


async def read_and_apply(runtime: Runtime) -> tuple[list[Reading], Result | None]:
    """Read the targets; with ``[watch] apply = true`` change what differs, with an undo point.

    The engine is closed afterwards, whatever happens.
    """
    engine = runtime.engine
    wanted = targets(runtime)
    try:
        await engine.start()
        readings = await engine.check(list(wanted))
        result = None
        if runtime.config.watch.apply:
            desired = runtime.config.desired
            goal: dict[str, State] = {}
            for reading in readings:
                setting = engine.setting(reading.setting_id)
                # Only to what [desired] names, never to a mere recommendation.
                value = desired.get(setting.id, desired.get(setting.template_id))
                if value is not None and setting.kind is not Kind.MANUAL:
                    goal[setting.id] = value
            settings = {i: engine.setting(i) for i in goal}
            by_id = {r.setting_id: r for r in readings}
            plan = make_plan("watch", goal, settings, by_id)
            if plan.changes:
                result = await carry_out(engine, plan, runtime.history)
        return readings, result
    finally:
        await engine.close()


@dataclass
class Report:
    """What one watched check found, and which of it is news to the person."""

    at: datetime
    findings: list[dict[str, Any]]
    status: int
    told_before: set[str] = field(default_factory=set)

    @property
    def keys(self) -> set[str]:
        return {f["key"] for f in self.findings}

    @property
    def news(self) -> list[dict[str, Any]]:
        return [f for f in self.findings if f["key"] not in self.told_before]

    def told(self, notified: bool) -> set[str]:
        """What the person knows after this run: still true, and told before or now."""
        known = self.told_before & self.keys
        return known | {f["key"] for f in self.news} if notified else known

    def summary(self) -> Sentence:
        return summarise(self.findings)

    def payload(self, config: Path | None) -> dict[str, Any]:
        """The JSON the configured command gets: no secrets, only states and addresses."""
        return {
            "at": self.at.isoformat(),
            "config": str(config) if config else None,
            "summary": self.summary(),
            "status": self.status,
            "news": [f["key"] for f in self.news],
            "findings": [{k: v for k, v in f.items() if k != "key"} for f in self.findings],
        }


def find(
    runtime: Runtime,
    readings: Iterable[Reading],
    known_before: set[str],
    result: Result | None = None,
) -> list[dict[str, Any]]:
    """The findings of one run, from its readings and the history."""
    from automation.records.history import Places, kept_address

    engine = runtime.engine
    places = {name: Places.of(plugin) for name, plugin in engine.plugins.items()}
    outcomes = {o.step.setting_id: o for o in result.outcomes} if result else {}
    seen_platforms = {i.split(".", 1)[0] for i in known_before}
    findings: list[dict[str, Any]] = []
    signed_out: dict[str, list[Reading]] = {}
    for reading in readings:
        setting = engine.setting(reading.setting_id)
        if reading.state is State.NEEDS_LOGIN:
            signed_out.setdefault(setting.platform, []).append(reading)
            continue
        desired = runtime.desired(setting)
        base: dict[str, Any] = {
            "id": setting.id,
            "platform": setting.platform,
            "label": setting.label,
            "state": str(reading.state),
            "desired": wishes.word(setting, desired),
            "checked_at": reading.checked_at.isoformat(),
            "detail": reading.detail,
            # Kept in the history too: a path's parts that may name the person are not.
            "url": kept_address(reading.url, places.get(setting.platform), setting.id),
        }
        if wishes.judge(desired, reading.state) is Verdict.NOT_AS_WISHED:
            drift = runtime.history.drift(setting.id)
            finding = dict(base, kind="not_desired", key=f"{setting.id}={reading.state}")
            if drift is not None:
                finding.update(
                    kind="came_back_on" if reading.state is State.ON else "changed",
                    previous=str(drift.previous),
                    previous_at=drift.previous_at.isoformat(),
                )
            outcome = outcomes.get(setting.id)
            if outcome is not None:
                finding["applied"] = {
                    "to": str(outcome.step.target),
                    "now": str(outcome.reading.state),
                    "verified": outcome.ok,
                }
            findings.append(finding)
        elif setting.id not in known_before and setting.platform in seen_platforms:
            findings.append(dict(base, kind="new_setting", key=f"new:{setting.id}"))
    for platform, found in signed_out.items():
        findings.append(
            {
                "kind": "signed_out",
                "key": f"signed_out:{platform}",
                "platform": platform,
                "ids": [r.setting_id for r in found],
                "detail": found[0].detail,
                "fix": f"privacy-tui login {platform}",
            }
        )
    return findings


def status_of(readings: Iterable[Reading], runtime: Runtime) -> int:
    """As for ``check``: 1 one is not as desired, else 3 one was not read, else 0."""
    readings = list(readings)
    engine = runtime.engine
    if any(
        wishes.judge(runtime.desired(engine.setting(r.setting_id)), r.state)
        is Verdict.NOT_AS_WISHED
        for r in readings
    ):
        return EXIT_DRIFT
    if any(not r.state.is_value for r in readings):
        return EXIT_UNREAD
    return EXIT_OK


def _ids(findings: list[dict[str, Any]], kind: str) -> list[str]:
    return [f["id"] for f in findings if f["kind"] == kind]


def _named(ids: list[str], kind: str) -> Sentence:
    """The settings of one kind of finding: named (three at most), else counted."""
    n, listed, few = len(ids), ", ".join(ids), len(ids) <= 3
    if kind == "came_back_on":
        if few:
            return Sentence("{ids} came back on", ids=listed)
        return Sentence.plural("{n} setting came back on", "{n} settings came back on", n)
    if kind == "changed":
        if few:
            return Sentence("{ids} changed, not by privacy-tui", ids=listed)
        return Sentence.plural(
            "{n} setting changed, not by privacy-tui", "{n} settings changed, not by privacy-tui", n
        )
    if kind == "not_desired":
        if few:
            return Sentence("{ids} not as desired", ids=listed)
        return Sentence.plural("{n} setting not as desired", "{n} settings not as desired", n)
    if few:
        return Sentence("{ids} new", ids=listed)
    return Sentence.plural("{n} setting new", "{n} settings new", n)


def summarise(findings: list[dict[str, Any]]) -> Sentence:
    """One line for a whole run, not one per setting: English as the history and the JSON
    keep it, said in the reader's language where a person reads it."""
    parts: list[Sentence] = []
    for kind in ("came_back_on", "changed", "not_desired"):
        ids = _ids(findings, kind)
        if ids:
            parts.append(_named(ids, kind))
    applied = [f for f in findings if "applied" in f]
    if applied:
        ok = sum(1 for f in applied if f["applied"]["verified"])
        parts.append(
            Sentence(
                "{ok} of {total} switched back to [desired] (privacy-tui undo)",
                ok=ok,
                total=len(applied),
            )
        )
    new = _ids(findings, "new_setting")
    if new:
        parts.append(_named(new, "new_setting"))
    for finding in findings:
        if finding["kind"] == "could_not_run":
            parts.append(Sentence("the check could not run: {detail}", detail=finding["detail"]))
        if finding["kind"] == "signed_out":
            parts.append(
                Sentence(
                    "could not sign in to {platform}: run {fix}",
                    platform=finding["platform"],
                    fix=finding["fix"],
                )
            )
    if not parts:
        return Sentence("all as desired")
    joined = parts[0]
    for part in parts[1:]:
        joined = Sentence("{first}; {then}", first=joined, then=part)
    return joined


def summary_of(summary: str, findings: list[dict[str, Any]]) -> str:
    """A kept run's summary, to be said in the reader's language: made again from its
    findings when that gives the summary kept, else the summary as kept (English)."""
    try:
        again = summarise(findings)
    except (KeyError, TypeError, ValueError):
        return summary
    return again if again == summary else summary


# -- telling -------------------------------------------------------------------------------


def can_notify(system: System) -> bool:
    """Whether a desktop notification can be shown here."""
    if sys.platform == "darwin":
        return system.available("osascript")
    if not system.available("notify-send"):
        return False
    from automation.watch.system import RecordingSystem

    if isinstance(system, RecordingSystem):
        return True
    return any(
        os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS")
    )


def _applescript(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def notify(system: System, report: Report) -> str | None:
    """Show one desktop notification for the run; why not, when it failed."""
    # A person reads it: in their language (the command's JSON stays English).
    if report.status == EXIT_DRIFT:
        title = _("privacy-tui: a setting changed")
    else:
        title = _("privacy-tui: watch")
    body = said(report.summary())
    if sys.platform == "darwin":
        script = f"display notification {_applescript(body)} with title {_applescript(title)}"
        argv = ["osascript", "-e", script]
    else:
        argv = ["notify-send", "--app-name=privacy-tui", title, body]
    done = system.run(argv, timeout=15)
    if done.status != 0:
        return f"the desktop notification failed ({done.err or f'exit status {done.status}'})"
    return None


def run_command(argv: list[str], payload: Mapping[str, Any], timeout: float) -> None:
    """Give the findings to the configured command on its standard input.

    The command runs in a session of its own, so that at the timeout its whole process
    group is stopped (SIGTERM, then SIGKILL), whatever it started. Its output is read
    as it comes and logged line by line, each line shortened, up to
    :data:`~automation.watch.process.OUTPUT_KEPT` bytes; the rest is read and dropped,
    never held. Raises :class:`CommandFailed` with one line.
    """
    named = shown(" ".join(argv))
    try:
        process = subprocess.Popen(
            argv,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
    except FileNotFoundError:
        raise CommandFailed(f"the [watch] command '{named}' was not found") from None
    except PermissionError:
        raise CommandFailed(
            f"the [watch] command '{named}' cannot be run (permission denied)"
        ) from None
    except OSError as exc:
        why = shown(exc.strerror or exc)
        raise CommandFailed(f"the [watch] command '{named}' cannot be run ({why})") from None
    outputs = {"stdout": Output("output"), "stderr": Output("error output")}
    finished = follow(process, (json.dumps(payload, indent=2) + "\n").encode(), outputs, timeout)
    for output in outputs.values():
        output.close()
    if not finished:
        raise CommandFailed(
            f"the [watch] command '{named}' did not finish within {timeout:g} s; it was "
            "stopped, with every process it started"
        )
    status = process.returncode
    if status != 0:
        last = outputs["stderr"].last or f"exit status {status}"
        raise CommandFailed(f"the [watch] command '{named}' failed (exit status {status}): {last}")


__all__ = [
    "CommandFailed",
    "Report",
    "can_notify",
    "find",
    "notify",
    "read_and_apply",
    "run_command",
    "status_of",
    "summarise",
    "targets",
]
