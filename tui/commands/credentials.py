"""`privacy-tui credentials PLATFORM`: a platform's username and password, kept in the keyring."""

from __future__ import annotations

import argparse
import getpass

from automation.language import _, said, told

from . import exits
from .asking import no_terminal, stdin_problem
from .options import Subcommands, add_platform, known_platform

NAME = "credentials"


def add_parser(commands: Subcommands) -> None:
    parser = commands.add_parser(
        NAME,
        help=_("store a platform's username and password in the keyring"),
        description=_(
            "Ask for a platform's username and password and keep them in the "
            "operating system's keyring (service privacy-tui), never in a file."
        ),
    )
    add_platform(parser)
    parser.add_argument("--forget", action="store_true", help=_("remove them instead"))


def run(args: argparse.Namespace) -> int:
    from automation.accounts.secrets import (
        Credentials,
        SecretsError,
        forget_credentials,
        keyring_is_real,
        set_credentials,
    )

    platform = args.platform
    if not known_platform(platform):
        return exits.USAGE
    try:
        if args.forget:
            gone = forget_credentials(platform)
            print(
                _("Forgot the {platform} credentials.").format(platform=platform)
                if gone
                else _("None were stored.")
            )
            return exits.OK
        if not keyring_is_real():
            return exits.fail(
                _(
                    "this system has no working keyring, so credentials cannot be "
                    "kept safely. Install and unlock one (GNOME Keyring, KWallet, macOS Keychain, "
                    "Windows Credential Locker)."
                )
            )
        if (problem := stdin_problem()) is not None:
            return exits.fail(
                _("{problem}; credentials are asked for on a terminal.").format(
                    problem=said(no_terminal(problem))
                )
            )
        try:
            username = input(_("{platform} username (email): ").format(platform=platform)).strip()
            password = getpass.getpass(
                _("{platform} password (not shown): ").format(platform=platform)
            )
        except EOFError:  # Ctrl-D, or the terminal went away
            print()  # end the prompt's line
            return exits.fail(_("nothing stored (the terminal ended before both were typed)."))
        if not username or not password:
            return exits.fail(_("nothing stored (empty username or password)."))
        set_credentials(platform, Credentials(username, password))
    except SecretsError as exc:
        return exits.fail(told(exc))
    print(
        _("Stored in the keyring (service privacy-tui, entry {platform}).").format(
            platform=platform
        )
    )
    return exits.OK
