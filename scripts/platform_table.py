"""The docs' table of platforms and settings, made from the plugins' own data.

Every installed plugin's settings, one row each: the platform, the setting's id,
its kind, the recommended value, how sure the project is of its page and of how
its control is found (from the setting's evidence), its label and notes, and each
fact's public sources as links (a web page as itself; a repository's file at a
commit, ``owner/repo@commit:path:line``, as that file on GitHub). The table sits in
docs/platforms.md between two marker comments.

    python scripts/platform_table.py            rewrite the table in docs/platforms.md
    python scripts/platform_table.py --check    exit 1 if the page's table is not
                                                the one the plugins make
    python scripts/platform_table.py --print    print the table only
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from automation import registry
from automation.domain.settings import Confidence, Kind, Setting
from automation.plugin import Plugin

PAGE = Path(__file__).resolve().parent.parent / "docs" / "platforms.md"
START = "<!-- platform-table: made by scripts/platform_table.py from the plugins; do not edit -->"
END = "<!-- /platform-table -->"
HEADER = (
    "| platform | setting id | kind | recommended | sure of page · control | label and notes "
    "| sources |",
    "|---|---|---|---|---|---|---|",
)
#: A web page's address, and a repository's file at a commit (``:line`` optional).
WEB_ADDRESS = re.compile(r"https://[^\s;,]+")
REPO_ADDRESS = re.compile(
    r"(?<![\w/.-])(?P<repo>[\w.-]+/[\w.-]+)@(?P<commit>[0-9a-f]{7,40}):"
    r"(?P<path>[^\s;,:]+)(?::(?P<line>\d+))?"
)


def _cell(text: str) -> str:
    """Text that cannot break a Markdown table row."""
    return " ".join(text.split()).replace("|", "\\|")


def _sure(setting: Setting, fact: str) -> str:
    confidence = setting.sureness(fact)
    if confidence is None:
        # A by-hand setting has a page, but no control for a browser to find.
        return "not applicable" if setting.kind is Kind.MANUAL and fact != "page" else "no evidence"
    return f"*{confidence}*" if confidence is Confidence.GUESS else str(confidence)


def _kind(setting: Setting) -> str:
    if setting.kind is Kind.MANUAL:
        return "manual"
    words = ["toggle"]
    switch = setting.switch
    if switch is not None and switch.opens:
        words.append("(dialog)")
    elif switch is not None and switch.role in ("checkbox", "drop-down"):
        words.append(f"({switch.role})")
    kind = " ".join(words)
    return f"{kind}, per {setting.per.noun}" if setting.per else kind


def links(source: str) -> list[str]:
    """The public addresses ``source`` names, in order, as Markdown links: a web page
    to itself (named by its host), a repository's file to that file on GitHub at the
    commit, at the line when one is given (named ``owner/repo file:line``)."""
    found: list[tuple[int, str]] = []
    for match in WEB_ADDRESS.finditer(source):
        url = match.group().rstrip(".)")
        host = url.split("/")[2].removeprefix("www.")
        found.append((match.start(), f"[{host}]({url})"))
    for match in REPO_ADDRESS.finditer(source):
        repo, commit, path, line = match.group("repo", "commit", "path", "line")
        path = path.rstrip(".)")
        url = f"https://github.com/{repo}/blob/{commit}/{path}" + (f"#L{line}" if line else "")
        name = f"{repo} {path.rsplit('/', 1)[-1]}" + (f":{line}" if line else "")
        found.append((match.start(), f"[{name}]({url})"))
    return [link for _, link in sorted(found)]


def sources(setting: Setting) -> str:
    """Each fact's sources as links; a fact with none says it is inferred."""
    facts = []
    for evidence in setting.evidence:
        named = links(evidence.source)
        facts.append(f"{evidence.fact}: " + (", ".join(named) if named else "inferred"))
    return "; ".join(facts) if facts else "none"


def row(title: str, setting: Setting) -> str:
    """One setting's row of the table."""
    ident = f"`{setting.id}@<{setting.per.noun}>`" if setting.per else f"`{setting.id}`"
    recommended = "by hand" if setting.kind is Kind.MANUAL else str(setting.recommended)
    sure = f"{_sure(setting, 'page')} · {_sure(setting, 'control')}"
    notes = f'"{setting.label}"' + (f". {setting.notes}" if setting.notes else "")
    cells = (title, ident, _kind(setting), recommended, sure, notes, sources(setting))
    return "| " + " | ".join(_cell(c) for c in cells) + " |"


def render(classes: Iterable[type[Plugin]]) -> str:
    """The whole table for these plugins, in checklist order."""
    lines = list(HEADER)
    for cls in classes:
        lines.extend(row(cls.title, setting) for setting in cls.settings)
    return "\n".join(lines) + "\n"


def installed() -> list[type[Plugin]]:
    classes, problems = registry.load()
    if problems:
        raise SystemExit("\n".join(str(p) for p in problems))
    return classes


def section(text: str) -> tuple[str, str, str]:
    """The page's text before the table, the table, and the text after it."""
    try:
        head, rest = text.split(START + "\n", 1)
        table, tail = rest.split(END, 1)
    except ValueError:
        raise SystemExit(f"the page lacks the markers {START!r} and {END!r}") from None
    return head, table, tail


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--check", action="store_true", help="exit 1 if the page's table differs")
    what.add_argument("--print", action="store_true", help="print the table only")
    parser.add_argument("--page", type=Path, default=PAGE, help="the Markdown page to use")
    args = parser.parse_args(argv)

    table = render(installed())
    if args.print:
        sys.stdout.write(table)
        return 0
    text = args.page.read_text(encoding="utf-8")
    head, current, tail = section(text)
    if args.check:
        if current == table:
            return 0
        print(
            f"{args.page}: the platform table differs from the plugins' data; "
            "run python scripts/platform_table.py",
            file=sys.stderr,
        )
        return 1
    if current != table:
        args.page.write_text(head + START + "\n" + table + END + tail, encoding="utf-8")
        print(f"{args.page}: platform table rewritten")
    return 0


if __name__ == "__main__":
    sys.exit(main())
