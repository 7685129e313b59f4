"""Running a command on the engine: the Runtime built from the command line, then closed."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from automation.language import _, told

from . import exits
from .options import UnknownIds, setting_ids

if TYPE_CHECKING:
    from pathlib import Path

    from automation.engine.runtime import Runtime


def on_runtime(
    args: argparse.Namespace,
    body: Callable[[Runtime], int],
    *,
    open_history: bool = True,
    serve_now: bool = True,
) -> int:
    """Build the Runtime that ``args`` ask for, run ``body`` on it and close it.

    A config that cannot be used, or one that leaves nothing to check, is a usage
    error (2) before ``body`` runs; a history that could not be written is told after.
    Without ``open_history``, ``body`` opens the history, and without ``serve_now`` the
    engine serves the demo's sites (see :func:`automation.engine.runtime.build`).
    """
    from automation.engine.runtime import SetupError, build, log_path, setup_logging
    from automation.files.config_types import ConfigError

    only = getattr(args, "only", None)
    if only:
        try:
            only = setting_ids(only)
        except UnknownIds as exc:
            return exits.fail(told(exc))
    log: Path | None = log_path()
    try:
        setup_logging(log_path())
    except OSError as exc:
        exits.warn(
            _("no log is kept ({folder}: {problem})").format(
                folder=log_path().parent, problem=exc.strerror
            )
        )
        log = None
    try:
        runtime = build(
            args.config,
            demo=args.demo,
            only=only,
            log=log,
            store_unencrypted=args.store_unencrypted,
            open_history=open_history,
            serve_now=serve_now,
        )
    except (ConfigError, SetupError) as exc:
        return exits.fail(told(exc))
    for problem in runtime.problems:
        exits.warn(str(problem))
    if not runtime.settings:
        status = exits.fail(_("no settings to check (every platform is disabled?)"))
        runtime.close()
        return status
    try:
        return history_kept(runtime, body(runtime))
    finally:
        runtime.close()


def history_kept(runtime: Runtime, status: int) -> int:
    """Say when the history could not be written; that is status 2, unless 1 applies."""
    problem = runtime.history.problem
    if problem is None:
        return status
    exits.warn(problem)
    return exits.with_problem(status)
