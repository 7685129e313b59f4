"""`privacy-tui login PLATFORM`: sign in to a platform and keep the session for later runs."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys
from typing import TYPE_CHECKING

from automation.accounts.blocking import run_blocking
from automation.accounts.secrets import (
    Credentials,
    SecretsError,
    keyring_is_real,
    off_loop,
    set_credentials,
)
from automation.accounts.sessions import SessionError, session_origin
from automation.accounts.sessions.store import MEMORY, SessionStore
from automation.accounts.window import GIVE_UP_AFTER, NoDisplay, display_problem, sign_in_in_window
from automation.browser.launch import BrowserError
from automation.domain import events
from automation.language import _, said, told

from . import exits
from .asking import no_terminal, stdin_problem
from .options import Subcommands, add_common, add_platform, known_platform

if TYPE_CHECKING:
    from automation.engine.protocol import EngineProtocol
    from automation.plugin import Plugin

NAME = "login"


def add_parser(commands: Subcommands) -> None:
    parser = commands.add_parser(
        NAME,
        help=_("sign in to a platform in a browser window and keep the session"),
        description=_(
            "Open a browser window at the platform's sign-in page, wait until you "
            "have signed in there (with any verification it asks for), keep the session and "
            "close the window. Exit status: 0 signed in, 1 not signed in, 2 usage error, "
            "no browser or no display."
        ),
    )
    add_common(parser)
    add_platform(parser)
    parser.add_argument(
        "--password",
        action="store_true",
        help=_(
            "sign in without a window: type the username, password and any verification code here"
        ),
    )
    parser.add_argument(
        "--remember",
        action="store_true",
        help=_("with --password: keep the username and password in the keyring afterwards"),
    )


def run(args: argparse.Namespace) -> int:
    """Sign in to a platform in a browser window (or with a password) and keep the session."""
    from automation.engine.runtime import SetupError, build, log_path, setup_logging
    from automation.files.config_types import ConfigError

    if args.demo:
        return exits.fail(
            _(
                "login keeps a session for later runs, and the demo keeps nothing; "
                "in the demo, press l in the checklist instead."
            )
        )
    platform = args.platform
    if not known_platform(platform):
        return exits.USAGE
    log = log_path()
    setup_logging(log)
    try:
        runtime = build(args.config, log=log, store_unencrypted=args.store_unencrypted)
    except (ConfigError, SetupError) as exc:
        return exits.fail(told(exc))
    try:
        plugin = runtime.engine.plugins.get(platform)
        if plugin is None:
            return exits.fail(
                _(
                    "{platform} is turned off in the config "
                    "([platforms.{platform}] enabled = false)."
                ).format(platform=platform)
            )
        return asyncio.run(
            _login(runtime.engine, plugin, password=args.password, remember=args.remember)
        )
    finally:
        runtime.close()


async def _login(engine: EngineProtocol, plugin: Plugin, *, password: bool, remember: bool) -> int:
    store = engine.sessions
    if isinstance(store, SessionStore) and await store.mode() == MEMORY:
        return exits.fail(
            _(
                "{kept} A session signed in here would be lost when this "
                "command ends; sign in inside the checklist instead (l), or opt in as above."
            ).format(kept=said(await store.describe()))
        )
    if not password:
        problem = display_problem()
        if problem is None:
            return await _in_window(engine, plugin)
        if (refused := plugin.password_refused()) is not None:
            return exits.fail(f"{said(problem)} {said(refused)}")
        route = f"privacy-tui login {plugin.name} --password"
        if (no_stdin := stdin_problem()) is not None:
            return exits.fail(
                _(
                    "{problem} Nor can a password be asked for here ({why}); "
                    "at a terminal, sign in with your email and password instead: {route}"
                ).format(problem=said(problem), why=said(no_terminal(no_stdin)), route=route)
            )
        exits.warn(problem)
        print(
            _("Sign in with your email and password instead: {command}").format(command=route),
            file=sys.stderr,
        )
        answer = await _ask(_("Sign in with email and password now? [y/N] "))
        if answer.strip().lower() not in ("y", "yes"):
            return exits.USAGE
    return await _with_password(engine, plugin, remember=remember)


async def _in_window(engine: EngineProtocol, plugin: Plugin) -> int:
    print(
        _(
            "A browser window opens at {title}'s sign-in page. Sign in there, with any "
            "check {title} asks for; the window closes by itself once you are signed "
            "in. Close it, or press Ctrl-C, to give up."
        ).format(title=plugin.title),
        flush=True,
    )
    try:
        result = await sign_in_in_window(plugin, engine.options)
    except (NoDisplay, BrowserError) as exc:
        return exits.fail(told(exc))
    if result.state is None:
        return exits.fail(result.detail, exits.NOT_SIGNED_IN)
    try:
        await engine.sessions.save(plugin.name, result.state, session_origin(plugin))
    except SessionError as exc:
        return exits.fail(told(exc), exits.NOT_SIGNED_IN)
    signed_in = _("Signed in to {title}.").format(title=plugin.title)
    print(f"{signed_in} {said(await _where(engine))}")
    return exits.OK


async def _with_password(engine: EngineProtocol, plugin: Plugin, *, remember: bool) -> int:
    # Asked before anything is typed: a password goes only to the real site or this machine.
    if (refused := plugin.password_refused()) is not None:
        return exits.fail(refused)
    if (no_stdin := stdin_problem()) is not None:
        return exits.fail(
            _("{problem}; a username and password are asked for on a terminal.").format(
                problem=said(no_terminal(no_stdin))
            )
        )
    username = (await _ask(_("{title} username (email): ").format(title=plugin.title))).strip()
    secret = await _ask(_("{title} password (not shown): ").format(title=plugin.title), hidden=True)
    if not username or not secret:
        return exits.fail(_("not signed in (empty username or password)."))
    credentials = Credentials(username, secret)

    async def ask_code(platform: str, detail: str) -> str | None:
        print(said(detail), flush=True)
        return (await _ask(_("Verification code (empty to give up): "))).strip() or None

    engine.ask_code = ask_code
    engine.subscribe(_problem)
    try:
        await engine.start()
        wall = await engine.sign_in(plugin.name, credentials)
    except BrowserError as exc:
        return exits.fail(told(exc))
    finally:
        await engine.close()
    if wall is not None:
        return exits.fail(wall.detail, exits.NOT_SIGNED_IN)
    signed_in = _("Signed in to {title}.").format(title=plugin.title)
    print(f"{signed_in} {said(await _where(engine))}")
    if remember:
        await _remember(plugin, credentials)
    return exits.OK


async def _remember(plugin: Plugin, credentials: Credentials) -> None:
    try:
        if not await off_loop(keyring_is_real):
            exits.warn(
                _(
                    "the credentials were not remembered: this system has no "
                    "working keyring to keep them safely."
                )
            )
            return
        await off_loop(set_credentials, plugin.name, credentials)
    except SecretsError as exc:
        exits.warn(_("the credentials were not remembered: {problem}").format(problem=exc))
        return
    print(
        _("The credentials are remembered in the keyring (service privacy-tui, {name}).").format(
            name=plugin.name
        )
    )


async def _where(engine: EngineProtocol) -> str:
    store = engine.sessions
    return await store.describe() if isinstance(store, SessionStore) else ""


def _problem(event: events.Event) -> None:
    if isinstance(event, events.Problem):
        exits.warn(event.message)


async def _ask(prompt: str, *, hidden: bool = False) -> str:
    # A daemon thread keeps the event loop (and the browser) running while the
    # person types, and lets Ctrl-C end the command without waiting for a line.
    read = getpass.getpass if hidden else input
    try:
        return await run_blocking(read, prompt, timeout=GIVE_UP_AFTER)
    except (EOFError, TimeoutError):
        return ""
