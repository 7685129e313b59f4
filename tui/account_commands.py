"""The account commands: ``privacy-tui login PLATFORM`` and ``privacy-tui logout PLATFORM``."""

from __future__ import annotations

import asyncio
import getpass
import sys
from typing import TextIO

from automation import events, registry
from automation.blocking import run_blocking
from automation.browser import BrowserError
from automation.engine import Engine
from automation.plugin import Plugin
from automation.secrets import (
    Credentials,
    SecretsError,
    forget_credentials,
    keyring_is_real,
    off_loop,
    set_credentials,
)
from automation.session_store import MEMORY, SessionStore
from automation.sessions import SessionError, session_origin
from automation.signin import password_refused
from automation.visible import GIVE_UP_AFTER, NoDisplay, display_problem, sign_in_in_window

EXIT_OK, EXIT_NOT_SIGNED_IN, EXIT_USAGE = 0, 1, 2


def _fail(message: str) -> int:
    print(f"privacy-tui: {message}", file=sys.stderr)
    return EXIT_USAGE


def known_platform(name: str) -> bool:
    """True for an installed platform; otherwise says which ones are."""
    if name in registry.available():
        return True
    _fail(f"unknown platform {name!r}; known: {', '.join(sorted(registry.available()))}")
    return False


def login(
    platform: str,
    *,
    config: str | None,
    password: bool,
    remember: bool,
    store_unencrypted: bool,
) -> int:
    """Sign in to ``platform`` in a browser window (or with a password) and keep the session."""
    from automation.config import ConfigError
    from automation.runtime import SetupError, build, log_path, setup_logging

    if not known_platform(platform):
        return EXIT_USAGE
    log = log_path()
    setup_logging(log)
    try:
        runtime = build(config, log=log, store_unencrypted=store_unencrypted)
    except (ConfigError, SetupError) as exc:
        return _fail(str(exc))
    try:
        plugin = runtime.engine.plugins.get(platform)
        if plugin is None:
            return _fail(
                f"{platform} is turned off in the config ([platforms.{platform}] enabled = false)."
            )
        return asyncio.run(_login(runtime.engine, plugin, password=password, remember=remember))
    finally:
        runtime.close()


async def _login(engine: Engine, plugin: Plugin, *, password: bool, remember: bool) -> int:
    store = engine.sessions
    if isinstance(store, SessionStore) and await store.mode() == MEMORY:
        return _fail(
            f"{await store.describe()} A session signed in here would be lost when this "
            "command ends; sign in inside the checklist instead (l), or opt in as above."
        )
    if not password:
        problem = display_problem()
        if problem is None:
            return await _in_window(engine, plugin)
        print(f"privacy-tui: {problem}", file=sys.stderr)
        if (refused := password_refused(plugin)) is not None:
            return _fail(refused)
        print(
            f"Sign in with your email and password instead: privacy-tui login {plugin.name} "
            "--password",
            file=sys.stderr,
        )
        if not sys.stdin.isatty():
            return EXIT_USAGE
        answer = await _ask("Sign in with email and password now? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            return EXIT_USAGE
    return await _with_password(engine, plugin, remember=remember)


async def _in_window(engine: Engine, plugin: Plugin) -> int:
    print(
        f"A browser window opens at {plugin.title}'s sign-in page. Sign in there, with any "
        f"check {plugin.title} asks for; the window closes by itself once you are signed "
        "in. Close it, or press Ctrl-C, to give up.",
        flush=True,
    )
    try:
        result = await sign_in_in_window(plugin, engine.options)
    except (NoDisplay, BrowserError) as exc:
        return _fail(str(exc))
    if result.state is None:
        print(f"privacy-tui: {result.detail}", file=sys.stderr)
        return EXIT_NOT_SIGNED_IN
    try:
        await engine.sessions.save(plugin.name, result.state, session_origin(plugin))
    except SessionError as exc:
        print(f"privacy-tui: {exc}", file=sys.stderr)
        return EXIT_NOT_SIGNED_IN
    print(f"Signed in to {plugin.title}. {await _where(engine)}")
    return EXIT_OK


async def _with_password(engine: Engine, plugin: Plugin, *, remember: bool) -> int:
    # Asked before anything is typed: a password goes only to the real site or this machine.
    if (refused := password_refused(plugin)) is not None:
        return _fail(refused)
    if not sys.stdin.isatty():
        return _fail("a username and password are asked for on a terminal.")
    username = (await _ask(f"{plugin.title} username (email): ")).strip()
    secret = await _ask(f"{plugin.title} password (not shown): ", hidden=True)
    if not username or not secret:
        return _fail("not signed in (empty username or password).")
    credentials = Credentials(username, secret)

    async def ask_code(platform: str, detail: str) -> str | None:
        print(detail, flush=True)
        return (await _ask("Verification code (empty to give up): ")).strip() or None

    engine.ask_code = ask_code
    engine.subscribe(lambda e: _problem(e, sys.stderr))
    try:
        await engine.start()
        wall = await engine.sign_in(plugin.name, credentials)
    except BrowserError as exc:
        return _fail(str(exc))
    finally:
        await engine.close()
    if wall is not None:
        print(f"privacy-tui: {wall.detail}", file=sys.stderr)
        return EXIT_NOT_SIGNED_IN
    print(f"Signed in to {plugin.title}. {await _where(engine)}")
    if remember:
        await _remember(plugin, credentials)
    return EXIT_OK


async def _remember(plugin: Plugin, credentials: Credentials) -> None:
    try:
        if not await off_loop(keyring_is_real):
            print(
                "privacy-tui: the credentials were not remembered: this system has no "
                "working keyring to keep them safely.",
                file=sys.stderr,
            )
            return
        await off_loop(set_credentials, plugin.name, credentials)
    except SecretsError as exc:
        print(f"privacy-tui: the credentials were not remembered: {exc}", file=sys.stderr)
        return
    print(f"The credentials are remembered in the keyring (service privacy-tui, {plugin.name}).")


async def _where(engine: Engine) -> str:
    store = engine.sessions
    return await store.describe() if isinstance(store, SessionStore) else ""


def _problem(event: events.Event, out: TextIO) -> None:
    if isinstance(event, events.Problem):
        print(f"privacy-tui: {event.message}", file=out)


async def _ask(prompt: str, *, hidden: bool = False) -> str:
    # A daemon thread keeps the event loop (and the browser) running while the
    # person types, and lets Ctrl-C end the command without waiting for a line.
    read = getpass.getpass if hidden else input
    try:
        return await run_blocking(read, prompt, timeout=GIVE_UP_AFTER)
    except (EOFError, TimeoutError):
        return ""


def logout(platform: str, *, forget: bool) -> int:
    """Forget ``platform``'s kept session and, with ``forget``, its stored credentials."""
    if not known_platform(platform):
        return EXIT_USAGE
    try:
        # The real site's session and those of any replica the config pointed it at.
        gone = asyncio.run(SessionStore().forget_every(platform))
    except SessionError as exc:
        return _fail(str(exc))
    print(
        f"Signed out of {platform} here: its kept session was removed."
        if gone == 1
        else f"Signed out of {platform} here: its {gone} kept sessions were removed."
        if gone
        else f"No {platform} session was kept here."
    )
    if forget:
        try:
            removed = asyncio.run(off_loop(forget_credentials, platform))
        except SecretsError as exc:
            return _fail(str(exc))
        print(
            f"Forgot the {platform} credentials in the keyring."
            if removed
            else f"No {platform} credentials were stored in the keyring."
        )
    return EXIT_OK
