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

The engine's own sentences (how a setting was read, why a sign-in failed, what is wrong in
the config) are each a :class:`Sentence`: English strings, as JSON, the history and the logs keep
them, that remember their message and values, so that :func:`said` can say them in the
person's language where a person reads them.

This module imports nothing of privacy-tui: every other one may use it.
"""

from __future__ import annotations

import enum
import gettext
from collections.abc import Callable, Iterable, Mapping
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


class Sentence(str):
    """A sentence for people, whose value is its English: ``Sentence("Not signed in to
    {title}.", title="LinkedIn")`` is the str ``"Not signed in to LinkedIn."``.

    It remembers its message and values, so :func:`said` can say it in the language spoken
    where a person reads it; everywhere else (JSON, exports, the history, logs, comparisons)
    it is that English str. Values that are words themselves are Sentences too; a platform's
    own words (a label read off its page) are plain strs and are said as they are.
    """

    msgid: str
    values: dict[str, object]
    #: For a sentence with a number: its singular and plural messages, and the number.
    forms: tuple[str, str, int] | None

    def __new__(cls, msgid: str, /, **values: object) -> Sentence:
        return cls._made(msgid, values, None)

    @classmethod
    def plural(cls, singular: str, plural: str, n: int, /, **values: object) -> Sentence:
        """The sentence for ``n`` things (``n`` is a value too): ``Sentence.plural("{n}
        minute", "{n} minutes", n)``."""
        return cls._made(singular if n == 1 else plural, values, (singular, plural, n))

    @classmethod
    def _made(
        cls, msgid: str, values: Mapping[str, object], forms: tuple[str, str, int] | None
    ) -> Sentence:
        named = dict(values)
        if forms is not None:
            named.setdefault("n", forms[2])
        self = super().__new__(cls, msgid.format(**named))
        self.msgid = msgid
        self.values = named
        self.forms = forms
        return self

    def __reduce__(self) -> tuple[object, ...]:
        return (_sentence, (self.msgid, self.values, self.forms))


def _sentence(
    msgid: str, values: dict[str, object], forms: tuple[str, str, int] | None
) -> Sentence:
    """A :class:`Sentence` made again (by a copy, or from a pickle)."""
    return Sentence._made(msgid, values, forms)


def said(text: str) -> str:
    """``text`` in the language spoken now: a :class:`Sentence` translated, with its values
    said too; any other str as it is. In English, ``said(text) == str(text)``."""
    if not isinstance(text, Sentence):
        return text
    if text.forms is not None:
        singular, plural, n = text.forms
        message = ngettext(singular, plural, n)
    else:
        message = _(text.msgid)
    return message.format(**{name: _said_value(value) for name, value in text.values.items()})


class Term(str):
    """Words from a catalog other than the interface's (a setting's label) given to a
    Sentence as a value: the English str, that :func:`said` says with the sayer registered
    for its ``kind`` (:func:`sayer`); ``key`` tells the sayer whose words they are."""

    kind: str
    key: str

    def __new__(cls, english: str, kind: str, key: str) -> Term:
        self = super().__new__(cls, english)
        self.kind = kind
        self.key = key
        return self

    def __reduce__(self) -> tuple[object, ...]:
        return (Term, (str(self), self.kind, self.key))


#: How each kind of :class:`Term` is said: ``(key, english) -> words``.
_sayers: dict[str, Callable[[str, str], str]] = {}


def sayer(kind: str, say: Callable[[str, str], str]) -> None:
    """Say each :class:`Term` of ``kind`` with ``say(key, english)`` from now on (this
    module imports nothing of privacy-tui: the modules that know the words register)."""
    _sayers[kind] = say


def _said_value(value: object) -> object:
    """A sentence's value in the language spoken: a Sentence said, a word of an enum (a
    state: ``on``, ``needs_login``) in the interface's words for it, a :class:`Term` by its
    kind's sayer, others as they are."""
    if isinstance(value, Sentence):
        return said(value)
    if isinstance(value, Term):
        say = _sayers.get(value.kind)
        return say(value.key, str(value)) if say is not None else str(value)
    if isinstance(value, enum.Enum) and isinstance(value.value, str):
        words = value.value.replace("_", " ")
        translated = _(words)
        return value.value if translated == words else translated
    return value


def either(words: Iterable[str], quoted: bool = True) -> str:
    """``"Save" or "Done"``: ``words`` (quoted) joined by "or", as a Sentence so that the
    "or" is said in the language spoken; a single word as it is."""
    items = [f'"{word}"' if quoted else word for word in words]
    if not items:
        return ""
    joined: str = items[0]
    for item in items[1:]:
        joined = Sentence("{first} or {then}", first=joined, then=item)
    return joined


def message(exc: BaseException) -> str:
    """What ``exc`` says: the :class:`Sentence` it was raised with, so that it can be said
    in the reader's language, else ``str(exc)``."""
    text = str(exc)
    if not isinstance(text, Sentence) and len(exc.args) == 1:
        (given,) = exc.args
        if isinstance(given, Sentence) and given == text:
            return given
    return text


def told(exc: BaseException) -> str:
    """What ``exc`` says, in the language spoken now (see :func:`message`)."""
    return said(message(exc))
