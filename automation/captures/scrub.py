"""What is personal in a page's text (emails, phones, handles, tokens, names), the
placeholders that stand for what is left out, and the attributes a capture keeps.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: Text longer than this, even one made of known words, is cut.
LONGEST_WORDS = 400
#: Placeholders for text that is not a known word, by length class.
PLACEHOLDERS = ((8, "▒" * 4), (40, "▒" * 16), (200, "▒" * 64))
LONG_PLACEHOLDER = "▒" * 128
#: What an attribute value that is not a known word becomes.
VALUE_PLACEHOLDER = "▒▒▒▒"


EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<![\w.])\+?\d[\d\s().-]{6,}\d(?![\w])")
#: A dotted address (``127.0.0.1``) is a host, not a phone number.
DOTTED_ADDRESS = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")
HANDLE = re.compile(r"(?<![\w@])@[A-Za-z0-9_]{2,}")
#: A run of 20 or more letters, digits, dashes or underscores with a digit in it.
_RUN = re.compile(r"(?=[A-Za-z0-9_-]*\d)(?=[A-Za-z0-9_-]*[A-Za-z])[A-Za-z0-9_-]{20,}")


def _tokenless(text: str) -> str:
    """``text`` with every run that looks like a token (a long mix of letters and
    digits) made ``[token]``. A run of words and small numbers joined by "-" or "_"
    is a name a page gave an element (``inspector-checkbox-control-0``), not a token."""

    def one(match: re.Match[str]) -> str:
        parts = [part for part in re.split(r"[-_]", match.group()) if part]
        named = all(part.isalpha() or (part.isdigit() and len(part) <= 3) for part in parts)
        return match.group() if named else "[token]"

    return _RUN.sub(one, text)


#: Attributes kept on an element (``aria-*`` too); values are redacted.
KEPT_ATTRIBUTES = ("id", "role", "data-testid", "type", "name", "for", "href", "placeholder")
#: Attributes whose value is one or more ids of elements of the page.
REFERENCES = frozenset(
    {
        "id",
        "for",
        "aria-labelledby",
        "aria-describedby",
        "aria-controls",
        "aria-owns",
        "aria-activedescendant",
        "aria-details",
        "aria-errormessage",
        "aria-flowto",
    }
)
#: Attributes whose value is words for people.
WORDED = frozenset(
    {
        "aria-label",
        "aria-description",
        "aria-roledescription",
        "aria-valuetext",
        "aria-placeholder",
        "aria-braillelabel",
        "placeholder",
    }
)


def _listed(words: str) -> frozenset[str]:
    """The words of a list written one after another."""
    return frozenset(words.split())


#: Values an attribute may hold that say nothing of anyone: roles, input types, and
#: the words of ``aria-*`` states.
PLAIN_VALUES = _listed(
    """
    alert alertdialog application article banner blockquote button caption cell checkbox
    code columnheader combobox complementary contentinfo definition deletion dialog
    directory document emphasis feed figure form generic grid gridcell group heading img
    image insertion link list listbox listitem log main mark marquee math menu menubar
    menuitem menuitemcheckbox menuitemradio meter navigation none note option paragraph
    presentation progressbar radio radiogroup region row rowgroup rowheader scrollbar
    search searchbox separator slider spinbutton status strong subscript superscript
    switch tab table tablist tabpanel term textbox time timer toolbar tooltip tree
    treegrid treeitem
    checkbox color date datetime-local email file hidden month number password radio
    range reset submit tel text url week
    true false mixed undefined page step location both inline list polite assertive off
    additions removals all ascending descending other horizontal vertical
    """
)
#: Small numbers (``aria-level``, ``aria-posinset``) say nothing of anyone either.
SMALL_NUMBER = re.compile(r"-?\d{1,3}")


class Redactor:
    """Replaces what is personal in a text: emails, phones, handles, tokens, names."""

    def __init__(self, names: Iterable[str] = ()) -> None:
        # Longest first, so "Jane Q. Example" goes before "Jane".
        words = sorted({n.strip() for n in names if len(n.strip()) >= 3}, key=len, reverse=True)
        self.names = [re.compile(re.escape(w), re.IGNORECASE) for w in words]

    def __call__(self, text: str) -> str:
        for pattern in self.names:
            text = pattern.sub("[name]", text)
        text = EMAIL.sub("[email]", text)
        text = _tokenless(text)
        text = PHONE.sub(_phone, text)
        return HANDLE.sub("[handle]", text)


def _phone(match: re.Match[str]) -> str:
    return match.group() if DOTTED_ADDRESS.fullmatch(match.group()) else "[phone]"


def placeholder(text: str) -> str:
    """A text of the same length class as ``text``, with nothing of it."""
    length = len(text.strip())
    for most, shape in PLACEHOLDERS:
        if length <= most:
            return shape
    return LONG_PLACEHOLDER


#: An attribute a CSS selector names: ``[data-perf-screen="..."]`` names data-perf-screen.
_NAMED_ATTRIBUTE = re.compile(r"\[\s*([A-Za-z_][\w-]*)")


def kept_attributes(*selectors: str | None) -> tuple[str, ...]:
    """The attributes a capture keeps: the usual ones, and any a plugin's selectors name
    (the place it looks in, the clicks on the way, the account's mark), so the page
    served back from the capture still holds what the plugin looks for."""
    named = {m.lower() for s in selectors if s for m in _NAMED_ATTRIBUTE.findall(s)}
    # Words a person wrote never come in through a selector's attribute name, but a
    # value could: only names are kept, and values are redacted like any other.
    return KEPT_ATTRIBUTES + tuple(sorted(named - set(KEPT_ATTRIBUTES)))


# -- the words a plugin knows ------------------------------------------------------

#: A word, for matching known wordings: a CJK character alone (those scripts put no
