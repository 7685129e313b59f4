"""The capture file: its format, its limits, reading one back and checking it, and
showing what it holds to a person.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from automation.domain.settings import Setting, resolve
from automation.domain.shown import shown
from automation.files.private import NotARegularFile, TooLarge, read_limited

if TYPE_CHECKING:
    from automation.plugin import Plugin


#: The version of the file's layout.
FORMAT = 1


#: The most a capture file may weigh; those privacy-tui writes weigh less, even of
#: the largest page (its first elements, and a bounded amount of its text).
MOST_BYTES = 16 * 1024 * 1024
#: A capture larger than this is written without indentation.
INDENTED_BYTES = 1024 * 1024
#: The most elements and texts a capture holds: a page's first ones, past that none.
MOST_NODES = 50_000
#: The deepest a capture's elements nest: deeper ones are left out.
MOST_DEPTH = 200
#: The longest text or attribute value taken from a page, and the most of each taken
#: from it in all (which bounds the time redaction takes), in characters.
LONGEST_TAKEN = 2000
MOST_TAKEN = 500_000
#: The longest accessibility tree kept, in characters.
MOST_ACCESSIBILITY = 500_000


class CaptureError(Exception):
    """A capture file that cannot be read, or one that names what no plugin has."""


def load(path: Path) -> dict[str, Any]:
    """A capture read back; raises :class:`CaptureError` for a file that is not one (not
    a regular file, too large, not JSON, a value of the wrong type, nested too deep)."""
    name = shown(path)
    try:
        data = read_limited(Path(path), MOST_BYTES)
    except NotARegularFile:
        raise CaptureError(f"{name}: not a capture file (not a regular file)") from None
    except TooLarge:
        raise CaptureError(
            f"{name}: not a capture file (larger than {MOST_BYTES // (1024 * 1024)} MiB, "
            "far more than any capture holds)"
        ) from None
    except OSError as exc:
        raise CaptureError(f"{name}: {shown(exc.strerror or exc)}") from None
    if data.count(b'"tag"') > MOST_NODES:
        raise CaptureError(f"{name}: {_too_many()}")
    try:
        loaded = json.loads(data.decode("utf-8"))
    except RecursionError:
        raise CaptureError(f"{name}: not a capture file (nested too deep)") from None
    except (UnicodeError, ValueError) as exc:
        raise CaptureError(f"{name}: not a capture file ({shown(exc)})") from None
    try:
        return check(loaded)
    except CaptureError as exc:
        raise CaptureError(f"{name}: {exc}") from None


def _too_many() -> str:
    return f"not a capture file (more than {MOST_NODES:,} elements, more than a capture keeps)"


_TOP = {
    "setting": str,
    "platform": str,
    "captured_at": str,
    "address": str,
    "title": str,
    "accessibility": str,
}
_REQUIRED = ("format", "setting", "platform", "dom")


def check(data: object) -> dict[str, Any]:
    """``data`` when it has the shape of a capture; :class:`CaptureError` saying what
    is wrong otherwise. Checks every value's type, the elements' number and depth, and
    that its text is text (no lone surrogates), without recursion."""
    if not isinstance(data, dict):
        raise CaptureError("not a capture file of privacy-tui (not a table)")
    missing = [key for key in _REQUIRED if key not in data]
    if missing:
        raise CaptureError(f"not a capture file of privacy-tui (no {', '.join(missing)})")
    version = data["format"]
    if type(version) is not int or version != FORMAT:
        raise CaptureError(
            f"not a capture file this version reads (format {shown(json.dumps(version))[:20]}, "
            f"not {FORMAT})"
        )
    for key, kind in _TOP.items():
        if key in data and not isinstance(data[key], kind):
            raise CaptureError(f"not a capture file of privacy-tui ({key} is not a text)")
    if "status" in data and not (data["status"] is None or type(data["status"]) is int):
        raise CaptureError("not a capture file of privacy-tui (status is not a number)")
    reading = data.get("reading", {})
    if not isinstance(reading, dict) or not all(
        isinstance(reading.get(k, ""), str) for k in ("state", "detail")
    ):
        raise CaptureError("not a capture file of privacy-tui (reading is not a state and a text)")
    wanted = data.get("looked_for", {})
    if not isinstance(wanted, dict) or not all(_plain_value(v) for v in wanted.values()):
        raise CaptureError("not a capture file of privacy-tui (looked_for is not a table of texts)")
    _check_nodes(data["dom"])
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except (UnicodeError, ValueError, RecursionError):
        raise CaptureError(
            "not a capture file of privacy-tui (holds text that is not text)"
        ) from None
    return data


def _plain_value(value: object) -> bool:
    if isinstance(value, (str, bool, int)) or value is None:
        return True
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


_FLAGS = ("checked", "mixed", "disabled", "selected", "ui")


def _check_nodes(dom: object) -> None:
    count = 0
    stack: list[tuple[object, str, int]] = [(dom, "dom", 1)]
    while stack:
        node, where, depth = stack.pop()
        count += 1
        if count > MOST_NODES:
            raise CaptureError(_too_many())
        if depth > MOST_DEPTH:
            raise CaptureError(f"not a capture file (elements nested more than {MOST_DEPTH} deep)")
        if not isinstance(node, dict):
            raise CaptureError(f"not a capture file of privacy-tui ({where} is not an element)")
        for flag in _FLAGS:
            if flag in node and not isinstance(node[flag], bool):
                raise CaptureError(
                    f"not a capture file of privacy-tui ({where}.{flag} is not true or false)"
                )
        if "text" in node:
            if not isinstance(node["text"], str):
                raise CaptureError(
                    f"not a capture file of privacy-tui ({where}.text is not a text)"
                )
            continue
        if not isinstance(node.get("tag", ""), str):
            raise CaptureError(f"not a capture file of privacy-tui ({where}.tag is not a text)")
        attrs = node.get("attrs", {})
        if not isinstance(attrs, dict) or not all(isinstance(v, str) for v in attrs.values()):
            raise CaptureError(
                f"not a capture file of privacy-tui ({where}.attrs is not a table of texts)"
            )
        children = node.get("children", [])
        if not isinstance(children, list):
            raise CaptureError(
                f"not a capture file of privacy-tui ({where}.children is not a list)"
            )
        for index, child in enumerate(children):
            stack.append((child, f"{where}.children[{index}]", depth + 1))


def plugin_of(capture: dict[str, Any]) -> tuple[type[Plugin], Setting]:
    """The installed plugin and the setting ``capture`` is of; :class:`CaptureError`
    when its platform is not an installed plugin's, or its setting not one of that
    plugin's (a blog's name must be a plain name)."""
    platform, setting_id = capture["platform"], capture["setting"]
    from automation import registry

    found = registry.load({platform}) if platform in registry.available() else ([], [])
    if not found[0]:
        raise CaptureError(
            f"the capture is of platform {shown(platform, 40)!r}, which no installed "
            "plugin has (see privacy-tui list)"
        )
    cls = found[0][0]
    settings = {s.id: s for s in cls.settings}
    # A blog's name is checked by ``resolve`` to be a plain name, and kept short here.
    setting = resolve(settings, setting_id) if len(setting_id) <= 200 else None
    if setting is None:
        raise CaptureError(
            f"the capture is of setting {shown(setting_id, 60)!r}, which is not one of "
            f"{cls.title}'s (see privacy-tui list)"
        )
    return cls, setting


def describe(capture: dict[str, Any]) -> Iterator[str]:
    """What a checked capture holds, in the order a person reads it (for ``capture
    --show``). Every text from the file is shown with its control characters written
    out, and long ones cut."""
    yield f"Setting:   {shown(capture.get('setting'))}"
    yield f"Captured:  {shown(capture.get('captured_at'))}"
    status = capture.get("status") or "?"
    yield f"Address:   {shown(capture.get('address'), 400)} (HTTP {shown(status)})"
    yield f"Title:     {shown(capture.get('title'), 400)}"
    reading = capture.get("reading", {})
    yield (f"Read as:   {shown(reading.get('state'))}: {shown(reading.get('detail'), 1000)}")
    yield "Looked for:"
    for name, value in capture.get("looked_for", {}).items():
        yield f"  {shown(name)}: {shown(value, 400)}"
    yield ""
    yield "The page, as kept (▒ marks text that was left out):"
    yield from _outline(capture.get("dom", {}))
    if capture.get("accessibility"):
        yield ""
        yield "Accessibility tree:"
        yield from ("  " + shown(line, 400) for line in capture["accessibility"].splitlines())


def _outline(dom: dict[str, Any]) -> Iterator[str]:
    stack: list[tuple[dict[str, Any], int]] = [(dom, 1)]
    while stack:
        node, depth = stack.pop()
        indent = "  " * depth
        if "text" in node:
            yield f"{indent}{shown(repr(node['text']), 400)}"
            continue
        attrs = " ".join(f'{shown(k, 60)}="{shown(v)}"' for k, v in node.get("attrs", {}).items())
        flags = " ".join(f for f in ("checked", "mixed", "disabled", "selected") if node.get(f))
        tag = shown(node.get("tag"), 60)
        yield f"{indent}<{tag}{' ' + attrs if attrs else ''}{' ' + flags if flags else ''}>"
        stack.extend((child, depth + 1) for child in reversed(node.get("children", [])))
