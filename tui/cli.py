"""The ``privacy-tui`` command."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from automation import __version__

if TYPE_CHECKING:
    from automation.runtime import Runtime

EPILOG = """\
commands:
  (none)        open the full-screen checklist
  check         read every setting and print it; exit 0 when all are as desired,
                1 when one is not, 2 on a usage or config error, 3 when one
                could not be read
  apply         change the settings that differ from [desired] (or --preset),
                verified by reading back; asks first unless --yes
  undo          put back what the last apply found
  export PATH   read every setting and write the export TOML
  list          every setting the installed plugins know
  history [ID]  the recorded readings and changes
  watch         install (remove, status) a check on a schedule that tells you
                when a setting came back on; watch run is one such check
  replica       run the local replica sites on their own (for plugin authors and tests)
  credentials   store (or --forget) a platform's username and password in the keyring
  login         sign in to a platform in a browser window (or --password) and keep the session
  logout        forget a platform's kept session (and, with --forget-credentials, its password)

The config is found at --config PATH, else $PRIVACY_TUI_CONFIG, else the user
config folder (see config.example.toml). Try it without an account: privacy-tui --demo
"""


def _common(parser: argparse.ArgumentParser, *, sub: bool = False) -> None:
    # On a subcommand the options default to "not given", so that
    # `privacy-tui --demo check` and `privacy-tui check --demo` mean the same.
    default = {"default": argparse.SUPPRESS} if sub else {}
    parser.add_argument(
        "--config",
        metavar="PATH",
        help="config file (default: $PRIVACY_TUI_CONFIG, else the user config folder)",
        **default,
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="use the built-in replica sites and demo accounts: no account, no network",
        **default,
    )
    parser.add_argument(
        "--store-unencrypted",
        action="store_true",
        help="where no keyring works, keep sessions on disk unencrypted (mode 0600) "
        "instead of only in memory; like [sessions] store_unencrypted = true",
        **default,
    )


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="privacy-tui",
        description="A checklist of the privacy settings that feed your data to AI "
        "training and ads: reads each one's real state from your account and switches it.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    top.add_argument("--version", action="version", version=f"privacy-tui {__version__}")
    _common(top)
    commands = top.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser(
        "check",
        help="read every setting without a screen",
        description="Read every setting with a headless browser and print its state. "
        "Exit status: 0 all as desired, 1 something is not, 2 usage or config error "
        "or no browser, 3 a setting could not be read.",
    )
    _common(check, sub=True)
    check.add_argument(
        "--only", nargs="+", metavar="ID", help="only these setting ids (like linkedin.ai_training)"
    )
    check.add_argument("--json", action="store_true", help="print JSON instead of a table")

    from .commands import add_parsers

    add_parsers(commands, _common)

    replica = commands.add_parser(
        "replica",
        help="run the replica sites on their own",
        description="Serve every replica site on loopback and print the config lines that "
        "point privacy-tui at them. Ctrl-C stops it.",
    )
    replica.add_argument(
        "--port", type=int, default=8801, help="port of the first site (default 8801; 0 = any free)"
    )

    credentials = commands.add_parser(
        "credentials",
        help="store a platform's username and password in the keyring",
        description="Ask for a platform's username and password and keep them in the "
        "operating system's keyring (service privacy-tui), never in a file.",
    )
    credentials.add_argument("platform", help="platform name, like linkedin")
    credentials.add_argument("--forget", action="store_true", help="remove them instead")

    login = commands.add_parser(
        "login",
        help="sign in to a platform in a browser window and keep the session",
        description="Open a browser window at the platform's sign-in page, wait until you "
        "have signed in there (with any verification it asks for), keep the session and "
        "close the window. Exit status: 0 signed in, 1 not signed in, 2 usage error, "
        "no browser or no display.",
    )
    _common(login, sub=True)
    login.add_argument("platform", help="platform name, like linkedin")
    login.add_argument(
        "--password",
        action="store_true",
        help="sign in without a window: type the username, password and any verification code here",
    )
    login.add_argument(
        "--remember",
        action="store_true",
        help="with --password: keep the username and password in the keyring afterwards",
    )

    logout = commands.add_parser(
        "logout",
        help="forget a platform's kept session",
        description="Remove the session privacy-tui keeps for the platform.",
    )
    logout.add_argument("platform", help="platform name, like linkedin")
    logout.add_argument(
        "--forget-credentials",
        action="store_true",
        help="also remove the username and password from the keyring",
    )
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        if args.command == "replica":
            return _replica(args.port)
        if args.command == "credentials":
            return _credentials(args.platform, args.forget)
        if args.command in ("login", "logout"):
            return _account(args)
        from .commands import STANDALONE, run_standalone

        if args.command in STANDALONE:
            return run_standalone(args)
        return _run(args)
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130


def _run(args: argparse.Namespace) -> int:
    from automation.config import ConfigError
    from automation.runtime import SetupError, build, log_path, setup_logging

    log: Path | None = log_path()
    try:
        setup_logging(log)
    except OSError as exc:
        print(f"privacy-tui: no log is kept ({log.parent}: {exc.strerror})", file=sys.stderr)
        log = None
    try:
        runtime = build(
            args.config,
            demo=args.demo,
            only=getattr(args, "only", None),
            log=log,
            store_unencrypted=args.store_unencrypted,
        )
    except (ConfigError, SetupError) as exc:
        print(f"privacy-tui: {exc}", file=sys.stderr)
        return 2
    for problem in runtime.problems:
        print(f"privacy-tui: {problem}", file=sys.stderr)
    if not runtime.settings:
        print("privacy-tui: no settings to check (every platform is disabled?)", file=sys.stderr)
        runtime.close()
        return 2
    try:
        return _history_kept(runtime, _command(args, runtime))
    finally:
        runtime.close()


def _command(args: argparse.Namespace, runtime: Runtime) -> int:
    if args.command == "check":
        from .headless import check

        return check(runtime, as_json=args.json)
    from .commands import WITH_RUNTIME, run_with_runtime

    if args.command in WITH_RUNTIME:
        return run_with_runtime(args, runtime)
    from .app import PrivacyApp

    PrivacyApp(runtime, demo=args.demo).run()
    return 0


def _history_kept(runtime: Runtime, status: int) -> int:
    """Say when the history could not be written; that is status 2, unless 1 applies.

    A setting found not as desired (1) is the news a scheduled job is waiting for,
    so it is not hidden behind a broken history file.
    """
    problem = runtime.history.problem
    if problem is None:
        return status
    print(f"privacy-tui: {problem}", file=sys.stderr)
    return status if status in (1, 2) else 2


def _account(args: argparse.Namespace) -> int:
    from . import account_commands

    if args.command == "logout":
        return account_commands.logout(args.platform, forget=args.forget_credentials)
    if args.demo:
        print(
            "privacy-tui: login keeps a session for later runs, and the demo keeps nothing; "
            "in the demo, press l in the checklist instead.",
            file=sys.stderr,
        )
        return 2
    return account_commands.login(
        args.platform,
        config=args.config,
        password=args.password,
        remember=args.remember,
        store_unencrypted=args.store_unencrypted,
    )


def _replica(port: int) -> int:
    import threading

    from automation.replicas import DEMO_PASSWORD, DEMO_USERNAME, demo_server

    try:
        server = demo_server(first_port=port).start()
    except OSError as exc:
        print(f"privacy-tui: cannot listen on port {port}: {exc.strerror}", file=sys.stderr)
        return 2
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
    return 0


def _credentials(platform: str, forget: bool) -> int:
    from automation import registry
    from automation.secrets import (
        Credentials,
        SecretsError,
        forget_credentials,
        keyring_is_real,
        set_credentials,
    )

    if platform not in registry.available():
        known = ", ".join(sorted(registry.available()))
        print(f"privacy-tui: unknown platform {platform!r}; known: {known}", file=sys.stderr)
        return 2
    try:
        if forget:
            gone = forget_credentials(platform)
            print(f"Forgot the {platform} credentials." if gone else "None were stored.")
            return 0
        if not keyring_is_real():
            print(
                "privacy-tui: this system has no working keyring, so credentials cannot be "
                "kept safely. Install and unlock one (GNOME Keyring, KWallet, macOS Keychain, "
                "Windows Credential Locker).",
                file=sys.stderr,
            )
            return 2
        if not sys.stdin.isatty():
            print("privacy-tui: credentials are asked for on a terminal.", file=sys.stderr)
            return 2
        username = input(f"{platform} username (email): ").strip()
        password = getpass.getpass(f"{platform} password (not shown): ")
        if not username or not password:
            print("privacy-tui: nothing stored (empty username or password).", file=sys.stderr)
            return 2
        set_credentials(platform, Credentials(username, password))
    except SecretsError as exc:
        print(f"privacy-tui: {exc}", file=sys.stderr)
        return 2
    print(f"Stored in the keyring (service privacy-tui, entry {platform}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
