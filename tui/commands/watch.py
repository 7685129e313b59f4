"""`privacy-tui watch install | remove | status | run`: a check on a schedule."""

from __future__ import annotations

import argparse
import asyncio
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from automation import language
from automation.browser.launch import BrowserError
from automation.domain.settings import now
from automation.domain.shown import shown
from automation.files.config_types import ConfigError
from automation.language import _, ngettext, said
from automation.watch import scheduler
from automation.watch.system import ScheduleError, System

from . import exits
from .options import Subcommands, add_common, add_demo
from .output import local_time

if TYPE_CHECKING:
    from automation.domain.events import Event
    from automation.engine.runtime import Runtime
    from automation.watch.check import Report

NAME = "watch"

log = logging.getLogger("privacy_tui.watch")


def add_parser(commands: Subcommands) -> None:
    watch = commands.add_parser(
        NAME,
        help=_("re-check on a schedule and tell you when a setting came back on"),
        description=_(
            "Set up a recurring check with this system's own scheduler (a systemd "
            "user timer, a crontab line where there is none, a launchd agent on macOS), see "
            "how it went, or remove it."
        ),
    )
    actions = watch.add_subparsers(dest="watch_action", metavar="ACTION")
    actions.required = True
    install = actions.add_parser(
        "install",
        help=_("set up a recurring watched check for this user"),
        description=_(
            "Write a systemd user timer (or a crontab line, or a launchd agent) "
            "that runs `privacy-tui watch run` with this config. --dry-run prints what it "
            "would write, and where, and writes nothing."
        ),
    )
    add_common(install)
    install.add_argument(
        "--every",
        default="day",
        metavar="DAY|WEEK",
        help=_("how often: day (at {hour}:00) or week (Mondays); default day").format(
            hour=scheduler.HOUR
        ),
    )
    install.add_argument(
        "--dry-run", action="store_true", help=_("print what would be written and where")
    )
    install.add_argument(
        "--scheduler",
        choices=("auto", *scheduler.SCHEDULERS),
        default="auto",
        help=_(
            "which scheduler (default: launchd on macOS, else systemd when a user "
            "manager runs, else cron)"
        ),
    )
    remove = actions.add_parser(
        "remove", help=_("stop watching: remove the timer, agent or crontab line")
    )
    add_demo(remove, None)
    status = actions.add_parser(
        "status", help=_("when the watched check last ran, what it found, when it runs next")
    )
    add_demo(status, None)
    once = actions.add_parser(
        "run",
        help=_("one watched check now (what the schedule runs)"),
        description=_(
            "Read every setting named in [desired], record it, and when something "
            "is news (a setting came back on, one not as desired, a new one, an expired "
            "session) show one desktop notification and run the [watch] command with the "
            "findings as JSON on standard input. Changes a setting only with [watch] apply "
            "= true. Exit status as for check."
        ),
    )
    add_common(once)


def run(args: argparse.Namespace, system: System | None = None) -> int:
    system = system or scheduler.system()
    try:
        if args.watch_action == "install":
            return _install(args, system)
        if args.watch_action == "remove":
            return _remove(system)
        if args.watch_action == "status":
            return _status(system)
        return _watched_check(args, system)
    except ScheduleError as exc:
        return exits.fail(language.told(exc))


def _config_path(args: argparse.Namespace) -> Path | None:
    """The config the watched check is to use, checked now; ``None``: the defaults."""
    from automation import registry
    from automation.files.config import catalog_of, load, locate

    path, required = locate(getattr(args, "config", None))
    classes, _failed = registry.load()
    config = load(path, catalog_of(classes), required=required)
    return None if config.path is None else path.absolute()


def _install(args: argparse.Namespace, system: System) -> int:
    every = args.every.lower()
    if every not in scheduler.EVERY:
        return exits.fail(
            _("--every {value!r} is not known; use day or week").format(value=args.every)
        )
    if getattr(args, "demo", False):
        return exits.fail(_("the demo keeps nothing between runs, so there is nothing to watch"))
    try:
        config = _config_path(args)
    except ConfigError as exc:
        return exits.fail(language.told(exc))
    which = scheduler.default_scheduler() if args.scheduler == "auto" else args.scheduler
    from automation.engine.runtime import log_path

    plan = scheduler.plan_install(
        which, every, scheduler.command_line(config), log_path().with_name("watch.log")
    )
    if args.dry_run:
        print(plan.show())
        return exits.OK
    scheduler.install(plan, system)
    kinds = {
        "systemd": _("a systemd user timer"),
        "cron": _("a crontab line"),
        "launchd": _("a launchd agent"),
    }
    print(
        _("Watching with {scheduler}, {every} (next: {when}).").format(
            scheduler=kinds[which],
            every=said(scheduler.describe(every)),
            when=local_time(scheduler.next_run(every, now())),
        )
    )
    for item in plan.files:
        print("  " + _("wrote {path}").format(path=shown(item.path, limit=None)))
    print(_("`privacy-tui watch status` tells how it went; `privacy-tui watch remove` stops it."))
    return exits.OK


def _remove(system: System) -> int:
    done = scheduler.remove(system)
    for what in done.left:
        print(_("Left {what}.").format(what=shown(what, limit=None)))
    if not done.removed:
        print(_("Nothing to remove: no watch is installed."))
        return exits.OK
    for what in done.removed:
        print(_("Removed {what}.").format(what=shown(what, limit=None)))
    print(_("No more watched checks; the history keeps what they found."))
    return exits.OK


def _status(system: System) -> int:
    from automation.records.history import History, HistoryError
    from automation.records.history import default_path as history_path

    found = scheduler.installed(system)
    if found is None:
        print(_("Not watching: `privacy-tui watch install` sets it up."))
    else:
        where = "crontab" if found.scheduler == "cron" else shown(found.where, limit=None)
        print(
            _("Watching: {every} ({scheduler}, {where}).").format(
                every=said(scheduler.describe(found.every)),
                scheduler=found.scheduler,
                where=where,
            )
        )
        print(
            _("Next run: {when}.").format(when=local_time(scheduler.next_run(found.every, now())))
        )
    strays = scheduler.cron_strays(system)
    if strays:
        print(
            ngettext(
                "The crontab has {n} line naming privacy-tui that `watch install` did not "
                "write; `watch remove` leaves it (crontab -e shows it).",
                "The crontab has {n} lines naming privacy-tui that `watch install` did not "
                "write; `watch remove` leaves them (crontab -e shows them).",
                strays,
            ).format(n=strays)
        )
    last = None
    if history_path().exists():
        try:
            history = History.open()
        except HistoryError as exc:
            return exits.fail(language.told(exc))
        try:
            last = history.last_watch()
        except HistoryError as exc:
            return exits.fail(language.told(exc))
        finally:
            history.close()
    if last is None:
        print(_("Last run: none yet."))
    else:
        from automation.watch.check import summary_of

        said_summary = said(summary_of(last.summary, last.findings))
        print(_("Last run: {when}: {found}.").format(when=local_time(last.at), found=said_summary))
    return exits.OK


def _watched_check(args: argparse.Namespace, system: System) -> int:
    from automation.engine.runtime import SetupError, build, log_path, setup_logging
    from automation.records.history import HistoryError
    from automation.watch import check as watching

    from .running import history_kept

    log_file: Path | None = log_path()
    try:
        setup_logging(log_path())
    except OSError:
        log_file = None
    try:
        runtime = build(
            args.config,
            demo=args.demo,
            log=log_file,
            store_unencrypted=args.store_unencrypted,
            # Opened below, so that a history that cannot be used is told like a finding.
            open_history=False,
        )
    except (ConfigError, SetupError) as exc:
        return exits.fail(language.told(exc))
    try:
        for problem in runtime.problems:
            exits.warn(str(problem))
        runtime.engine.subscribe(_problems)
        try:
            runtime.history.ready()
            known = runtime.history.known_ids()
            after = runtime.history.last_entry_id()
            last = runtime.history.last_watch()
        except HistoryError as exc:
            return _could_not_run(runtime, system, str(exc))
        try:
            readings, result = asyncio.run(watching.read_and_apply(runtime))
            status = watching.status_of(readings, runtime)
            findings = watching.find(runtime, readings, known, result)
        except BrowserError as exc:
            # Nobody reads a scheduled job's output: this is told like a finding.
            exits.warn(language.told(exc))
            status = exits.USAGE
            findings = [{"kind": "could_not_run", "key": "could_not_run", "detail": str(exc)}]
        except HistoryError as exc:
            return _could_not_run(runtime, system, str(exc))
        report = watching.Report(now(), findings, status, last.told if last else set())
        told, status = _tell(runtime, report, system, status)
        runtime.history.record_watch(
            after,
            at=report.at,
            status=status,
            summary=report.summary(),
            findings=report.payload(None)["findings"],
            told=sorted(told),
        )
        log.info("watched check: %s", report.summary())
        print(_("Watched check: {summary}.").format(summary=said(report.summary())))
        if report.findings and not report.news:
            print(_("Nothing new since the last watched check: nobody was told."))
        return history_kept(runtime, status)
    finally:
        runtime.close()


def _could_not_run(runtime: Runtime, system: System, why: str) -> int:
    """Tell the person, as for any finding, that the watched check could not run.

    Nobody reads a scheduled job's output, so a history that cannot be used reaches
    the notification and the [watch] command. It is told at every run: with the
    history unusable, nothing can say it was told before.
    """
    from automation.watch import check as watching

    exits.warn(why)
    log.warning("watched check could not run: %s", why)
    findings = [{"kind": "could_not_run", "key": "could_not_run", "detail": why}]
    report = watching.Report(now(), findings, exits.USAGE)
    _told, status = _tell(runtime, report, system, exits.USAGE)
    summary = shown(said(report.summary()), limit=None)
    print(_("Watched check: {summary}.").format(summary=summary))
    return status


def _tell(runtime: Runtime, report: Report, system: System, status: int) -> tuple[set[str], int]:
    """Notify and run the command when there is news; what is told, and the status."""
    from automation.watch import check as watching

    if not report.news:
        return report.told(notified=False), status
    config = runtime.config.watch
    told = True
    if config.notify and watching.can_notify(system):
        problem = watching.notify(system, report)
        if problem is not None:
            exits.warn(problem)
    if config.command:
        try:
            watching.run_command(
                config.command, report.payload(runtime.config.path), config.command_timeout
            )
        except watching.CommandFailed as exc:
            exits.warn(language.told(exc))
            log.warning("%s", exc)
            told = False
            # A failing command is a config to fix.
            status = exits.with_problem(status)
    return report.told(notified=told), status


def _problems(event: Event) -> None:
    from automation.domain import events

    if isinstance(event, events.Problem):
        exits.warn(event.message)
