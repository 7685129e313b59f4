"""Whether an origin (a scheme, a host and a port) is one a platform may be read at."""

from __future__ import annotations

import ipaddress
import re

from automation.domain.shown import has_control, shown
from automation.files.config_types import QUOTED, in_quotes
from automation.language import Sentence

#: The longest host name DNS allows, and its longest label.
_HOST_LENGTH, _LABEL_LENGTH = 253, 63
_LABEL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?")


def origin_problem(origin: str) -> str | None:
    """What makes ``origin`` something other than ``http[s]://host[:port]``, or ``None``.

    The browser, the session files and the check of where a password may go all take
    the origin as written, so only one that is plainly an origin is taken.
    """
    like = Sentence('write only "https://host[:port]"')
    if "@" in origin:
        # "https://www.linkedin.com@evil.example" is evil.example, whatever it looks
        # like; and what stands before the @ may be a password, so it is not repeated.
        before, _, after = origin.rpartition("@")
        scheme = before.split("://", 1)[0] + "://" if "://" in before else ""
        return Sentence(
            "'{scheme}…@{host}' holds a user name or password before the @; {like}",
            scheme=scheme,
            host=shown(after, QUOTED),
            like=like,
        )
    quoted = in_quotes(origin)
    if "\\" in origin:
        return Sentence("{quoted} holds a backslash; write the origin plainly", quoted=quoted)
    if has_control(origin):
        return Sentence("{quoted} holds a control character; {like}", quoted=quoted, like=like)
    found = re.fullmatch(r"(https?)://(\[[^\]/]*\]|[^/\s?#:\[\]]+)(?::([^/]*))?/?", origin)
    if found is None:
        return Sentence('{quoted} is not an origin like "https://host[:port]"', quoted=quoted)
    host, port = found.group(2), found.group(3)
    problem = host_problem(host)
    if problem is None and port is not None:
        if not port:
            problem = Sentence("it has a colon but no port")
        elif not (port.isascii() and port.isdigit()):
            problem = Sentence("its port {port} is not a number", port=in_quotes(port))
        elif not 1 <= int(port) <= 65535:
            problem = Sentence("its port {port} is not from 1 to 65535", port=shown(port, QUOTED))
    if problem is not None:
        return Sentence(
            '{quoted} is not an origin like "https://host[:port]": {problem}',
            quoted=quoted,
            problem=problem,
        )
    return None


def host_problem(host: str) -> str | None:
    """Why ``host`` (a name, an IPv4 address or a bracketed IPv6 address) is none."""
    if host.startswith("["):
        try:
            ipaddress.IPv6Address(host[1:-1])
        except ValueError:
            return Sentence("{host} is not an IPv6 address", host=in_quotes(host))
        return None
    if len(host) > _HOST_LENGTH:
        return Sentence(
            "its host is {length} characters long; a host name has at most {most}",
            length=len(host),
            most=_HOST_LENGTH,
        )
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return Sentence("{host} is not a host name", host=in_quotes(host))
    labels = ascii_host.rstrip(".").split(".")
    if not all(len(label) <= _LABEL_LENGTH and _LABEL.fullmatch(label) for label in labels):
        return Sentence(
            "{host} is not a host name (letters, digits, - and dots)", host=in_quotes(host)
        )
    if all(label.isdigit() for label in labels):
        try:
            ipaddress.IPv4Address(ascii_host)
        except ValueError:
            return Sentence("{host} is not an IPv4 address", host=in_quotes(host))
    return None
