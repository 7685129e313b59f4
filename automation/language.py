"""The language a person reads: which one, and the gettext catalogs that say things in it.

Only text a person reads goes through here; what programs read (``--json``, exports, the
history, the watch command's JSON, log lines) stays in English whatever the language.

The catalogs are gettext's (``automation/locale/<lang>/LC_MESSAGES/<domain>.mo``), made with
Babel by ``scripts/catalog.py``. Two domains: :data:`DOMAIN` holds the interface's own words,
:data:`SETTINGS_DOMAIN` the settings' labels, descriptions, notes and steps.

A message with values names them: ``_("Not signed in to {title}.").format(title=...)``, so
a translation can put them where its grammar wants them. A string written where no language
is chosen yet (a class's bindings, a table of words) is marked with :func:`N_` and given to
:func:`_` where it is shown.

This module imports nothing of privacy-tui: every other one may use it.
"""

from __future__ import annotations

import gettext
from collections.abc import Mapping
from pathlib import Path

DOMAIN = "privacy_tui"
SETTINGS_DOMAIN = "privacy_tui_settings"
#: The catalogs shipped in the package.
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

ENGLISH = "en"
#: The languages privacy-tui speaks, with each one's name in itself.
LANGUAGES: dict[str, str] = {"en": "English", "ja": "日本語"}

#: The environment's variables that name a language, the first set one deciding.
ENVIRONMENT = ("LC_ALL", "LC_MESSAGES", "LANG")

_current = ENGLISH
_catalogs: dict[tuple[str, str], gettext.NullTranslations] = {}


def known(value: str) -> str | None:
    """The language ``value`` names ("ja", "ja_JP", "ja_JP.UTF-8", "C"), or None.

    "C" and "POSIX" are the environment's way of saying no language: English.
    """
    word = value.strip()
    if word in ("C", "POSIX") or word.startswith(("C.", "POSIX.")):
        return ENGLISH
    code = word.split(".", 1)[0].split("@", 1)[0].replace("-", "_").split("_", 1)[0].lower()
    return code if code in LANGUAGES else None


def choose(flag: str | None, configured: str | None, environ: Mapping[str, str]) -> str:
    """The language to speak: ``--lang``, else ``[display] language``, else the environment's
    first set one of LC_ALL, LC_MESSAGES and LANG; English for one privacy-tui does not know."""
    for given in (flag, configured):
        if given:
            return known(given) or ENGLISH
    for name in ENVIRONMENT:
        if value := environ.get(name):
            return known(value) or ENGLISH
    return ENGLISH


def use(lang: str) -> None:
    """Speak ``lang`` from now on, in the whole process (English for one not known)."""
    global _current
    _current = lang if lang in LANGUAGES else ENGLISH


def current() -> str:
    """The language spoken now."""
    return _current


def translations(domain: str) -> gettext.NullTranslations:
    """``domain``'s catalog in the language spoken now (none for English: it is the source)."""
    key = (domain, _current)
    catalog = _catalogs.get(key)
    if catalog is None:
        if _current == ENGLISH:
            catalog = gettext.NullTranslations()
        else:
            catalog = gettext.translation(domain, LOCALE_DIR, languages=[_current], fallback=True)
        _catalogs[key] = catalog
    return catalog


def _(message: str) -> str:
    """``message`` in the language spoken now."""
    return translations(DOMAIN).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message for ``n`` things, in the language spoken now.

    The number is a value like any other: ``ngettext("{n} setting", "{n} settings", n)
    .format(n=n)``.
    """
    return translations(DOMAIN).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` in the language spoken now, where the same English words mean different
    things in different places (``context`` tells them apart)."""
    return translations(DOMAIN).pgettext(context, message)


def N_(message: str) -> str:
    """``message`` itself, marked so that it is put in the catalog; translated where shown."""
    return message
