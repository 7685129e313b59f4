"""`privacy-tui replica`: the replica sites on their own, for plugin authors and tests."""

from __future__ import annotations

import argparse

from . import exits
from .options import Subcommands

NAME = "replica"


def add_parser(commands: Subcommands) -> None:
    parser = commands.add_parser(
        NAME,
        help="run the replica sites on their own",
        description="Serve every replica site on loopback and print the config lines that "
        "point privacy-tui at them. Ctrl-C stops it.",
    )
    parser.add_argument(
        "--port", type=int, default=8801, help="port of the first site (default 8801; 0 = any free)"
    )


def run(args: argparse.Namespace) -> int:
    import threading

    from automation.replicas import DEMO_PASSWORD, DEMO_USERNAME, demo_server

    try:
        server = demo_server(first_port=args.port).start()
    except OSError as exc:
        return exits.fail(f"cannot listen on port {args.port}: {exc.strerror}")
    print("Replica sites are running. Put these lines in a config to use them:\n")
    print(server.config_lines())
    print(f"Demo account on every site: {DEMO_USERNAME} / {DEMO_PASSWORD}")
    print("Press Ctrl-C to stop.", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return exits.OK
