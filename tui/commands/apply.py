"""`privacy-tui apply`: bring settings to the desired state, verified by reading back."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from automation.domain import wishes
from automation.domain.presets import PRESETS, preset
from automation.language import _, told

from . import exits
from .options import Subcommands, add_changing_options, add_common, add_only
from .running import on_runtime

if TYPE_CHECKING:
    from automation.domain.settings import State
    from automation.engine.runtime import Runtime

NAME = "apply"


def add_parser(commands: Subcommands) -> None:
    parser = commands.add_parser(
        NAME,
        help=_("bring settings to the desired state, verified by reading back"),
        description=_(
            "Read every setting named in [desired] (or every setting, with "
            "--preset), change those that differ, read each change back, and print what "
            "was changed, left and not done. Asks first unless --yes; without a terminal "
            "and without --yes it changes nothing. Exit status: 0 all as desired, "
            "1 something is not (or would change), 2 usage or config error or no terminal "
            "to ask on, 3 a setting could not be read, or a change could not be read back."
        ),
    )
    add_common(parser)
    add_only(parser)
    parser.add_argument(
        "--preset",
        choices=list(PRESETS),
        help=_("; ").join(f"{p.name}: {_(p.description)}" for p in PRESETS.values())
        + " "
        + _("(instead of [desired])"),
    )
    add_changing_options(parser)


def run(args: argparse.Namespace) -> int:
    return on_runtime(args, lambda runtime: apply(runtime, args))


class UsageError(Exception):
    """The command line asks for something that cannot be done; the message says why."""


def apply(runtime: Runtime, args: argparse.Namespace) -> int:
    """Bring the settings named in ``[desired]`` (or a preset) to their desired state."""
    from automation.records.apply import read_plan

    from .plans import run_plan

    try:
        targets, source = _targets(runtime, args)
    except UsageError as exc:
        return exits.fail(told(exc))
    return run_plan(
        runtime,
        lambda engine: read_plan(engine, targets, source=source),
        yes=args.yes,
        dry_run=args.dry_run,
        as_json=args.json,
    )


def _targets(runtime: Runtime, args: argparse.Namespace) -> tuple[dict[str, State], str]:
    """The desired state of every setting this apply covers, and what asked for it."""
    if args.preset:
        return preset(args.preset).changes(runtime.settings), f"preset {args.preset}"
    named = runtime.config.desired
    where = runtime.config.path or _("the config (there is no config file)")
    targets: dict[str, State] = {}
    for setting in runtime.settings:
        # One blog's copy takes its own value, else the value of its per-blog setting.
        # A wish to leave it as it is ("any") asks for nothing.
        wanted = named[setting.id] if setting.id in named else named.get(setting.template_id)
        if wanted is not None:
            targets[setting.id] = wanted
        if setting.per is not None:
            targets.update(
                (i, v) for i, v in named.items() if i.startswith(setting.id + "@") and v is not None
            )
    missing = [i for i in runtime.only if not any(t == i or t.startswith(i + "@") for t in targets)]
    if missing:
        raise UsageError(
            _(
                "{ids} not named in [desired] of {where} with on or off "
                "(left out, or '{any}', leaves it as it is); name it there, or use "
                "--preset recommended."
            ).format(ids=", ".join(missing), where=where, any=wishes.ANY)
        )
    if not targets:
        raise UsageError(
            _(
                "nothing to apply: [desired] in {where} names no setting. "
                "Name some (see config.example.toml), or use --preset recommended."
            ).format(where=where)
        )
    return targets, "apply"
