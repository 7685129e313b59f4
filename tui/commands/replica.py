"""`privacy-tui replica`: the replica sites on their own, for plugin authors and tests."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from automation.language import _, told

from . import exits
from .options import Subcommands

NAME = "replica"


def add_parser(commands: Subcommands) -> None:
    parser = commands.add_parser(
        NAME,
        help=_("run the replica sites on their own"),
        description=_(
            "Serve every replica site on loopback and print the config lines that "
            "point privacy-tui at them; with --capture, serve a capture file as a page instead "
            "(its controls follow clicks), to replay a page that did not read as expected. "
            "Ctrl-C stops it."
        ),
    )
    parser.add_argument(
        "--capture",
        metavar="FILE",
        type=Path,
        help=_("serve this capture (from privacy-tui capture) at every address"),
    )
    parser.add_argument(
        "--port",
        type=int,
        default=8801,
        help=_("port of the first site (default 8801; 0 = any free)"),
    )


def run(args: argparse.Namespace) -> int:
    if not 0 <= args.port <= 65535:
        return exits.fail(
            _("--port must be a port number from 0 to 65535, not {port}").format(port=args.port)
        )
    if args.capture is not None:
        return serve_capture(args.capture, args.port)
    from automation.replicas import DEMO_PASSWORD, DEMO_USERNAME, demo_server

    try:
        server = demo_server(first_port=args.port).start()
    except OverflowError:
        return exits.fail(
            _("--port {port} leaves too few ports above it for every site").format(port=args.port)
        )
    except OSError as exc:
        return exits.fail(
            _("cannot listen on port {port}: {why}").format(port=args.port, why=exc.strerror)
        )
    print(_("Replica sites are running. Put these lines in a config to use them:") + "\n")
    print(server.config_lines())
    print(
        _("Demo account on every site: {username} / {password}").format(
            username=DEMO_USERNAME, password=DEMO_PASSWORD
        )
    )
    print(_("Press Ctrl-C to stop."), flush=True)
    wait_for_interrupt(server.stop)
    return exits.OK


def serve_capture(path: Path, port: int) -> int:
    from automation.captures.fileformat import CaptureError, load, plugin_of
    from automation.captures.replay import CapturedPage

    try:
        kept = load(path)
        # Nothing from the file is printed before it is checked: the platform must be
        # an installed plugin's and the setting one of its own, as the lines printed
        # below are meant to be pasted into a config.
        plugin, setting = plugin_of(kept)
    except CaptureError as exc:
        return exits.fail(told(exc))
    try:
        page = CapturedPage(kept, port, plugin.session_cookies).start()
    except OSError as exc:
        return exits.fail(
            _("cannot listen on port {port}: {why}").format(port=port, why=exc.strerror)
        )
    print(_("Serving the capture of {id} at {origin}").format(id=setting.id, origin=page.origin))
    print(_("Point {name} at it in a config:").format(name=plugin.name) + "\n")
    print(f'[platforms.{plugin.name}]\norigin = "{page.origin}"\n')
    print(_("Press Ctrl-C to stop."), flush=True)
    wait_for_interrupt(page.stop)
    return exits.OK


def wait_for_interrupt(stop: Callable[[], None]) -> None:
    """Serve until Ctrl-C, then ``stop``."""
    import threading

    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        stop()
