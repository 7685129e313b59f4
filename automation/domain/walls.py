"""What stands between a person and their settings: sign-in forms and walls.

Plain data, beside :mod:`automation.domain.settings`: a plugin declares its forms with these,
and the shared sign-in and switch code (:mod:`automation.accounts.signin`,
:mod:`automation.page.switches`) answers with a :class:`Wall` when a page is in the way.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LoginForm:
    """Where the platform's sign-in form is and how to fill it (CSS selectors)."""

    path: str
    username: str
    password: str
    submit: str


@dataclass(frozen=True)
class CodeForm:
    """Where a verification page asks for the code the platform sent (CSS selectors)."""

    field: str
    submit: str


@dataclass(frozen=True)
class Wall:
    """A page that stands between the user and their settings."""

    kind: str
    """``login``, ``authwall`` or ``checkpoint`` (told by the URL); on a closer look at
    a checkpoint, ``code`` (it asks for a verification code) or ``captcha`` (a check
    only a person can pass); ``error`` when signing in failed on the way; ``origin``
    when no password may be sent to the platform's configured origin, or the sign-in
    page (or the frame holding its form) went to another origin."""
    detail: str
