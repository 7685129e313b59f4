"""`privacy-tui logout PLATFORM`: forget a platform's kept session (and its password)."""

from __future__ import annotations

import argparse
import asyncio

from automation.language import _, ngettext, told

from . import exits
from .options import Subcommands, add_platform, known_platform

NAME = "logout"


def add_parser(commands: Subcommands) -> None:
    parser = commands.add_parser(
        NAME,
        help=_("forget a platform's kept session"),
        description=_(
            "Remove the sessions privacy-tui keeps for the platform (the real "
            "site's, and any kept for a replica site)."
        ),
    )
    add_platform(parser)
    parser.add_argument(
        "--forget-credentials",
        action="store_true",
        help=_("also remove the username and password from the keyring"),
    )


def run(args: argparse.Namespace) -> int:
    """Forget a platform's kept session and, with ``--forget-credentials``, its password."""
    from automation.accounts.secrets import SecretsError, forget_credentials, off_loop
    from automation.accounts.sessions import SessionError
    from automation.accounts.sessions.store import SessionStore

    platform = args.platform
    if not known_platform(platform):
        return exits.USAGE
    try:
        # The real site's session and those of any replica the config pointed it at.
        gone = asyncio.run(SessionStore().forget_every(platform))
    except SessionError as exc:
        return exits.fail(told(exc))
    print(
        ngettext(
            "Signed out of {platform} here: its kept session was removed.",
            "Signed out of {platform} here: its {n} kept sessions were removed.",
            gone,
        ).format(platform=platform, n=gone)
        if gone
        else _("No {platform} session was kept here.").format(platform=platform)
    )
    if args.forget_credentials:
        try:
            removed = asyncio.run(off_loop(forget_credentials, platform))
        except SecretsError as exc:
            return exits.fail(told(exc))
        print(
            _("Forgot the {platform} credentials in the keyring.").format(platform=platform)
            if removed
            else _("No {platform} credentials were stored in the keyring.").format(
                platform=platform
            )
        )
    return exits.OK
