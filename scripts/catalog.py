"""Bring the translations up to date: extract, update and compile, in one go.

    python scripts/catalog.py           # extract the .pot, update each .po, compile each .mo
    python scripts/catalog.py --check   # change nothing; fail if any of them is out of date

It does what these do, with the keywords and the mapping of ``babel.cfg``:

    pybabel extract -F babel.cfg -k _ -k N_ -k ngettext:1,2 -k pgettext:1c,2 \\
        -k Sentence -k plural:1,2 -o automation/locale/privacy_tui.pot automation tui
    pybabel update -i automation/locale/privacy_tui.pot -d automation/locale -D privacy_tui
    pybabel compile -d automation/locale -D privacy_tui

Every domain with a template in ``automation/locale`` is updated and compiled; the
interface's template (``privacy_tui.pot``) is extracted from the code first. The dates in
the headers alone never make a file out of date, so running it twice changes nothing.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from automation import __version__  # noqa: E402
from automation.language import DOMAIN, ENGLISH, LANGUAGES, LOCALE_DIR  # noqa: E402

#: The ``-k`` options of ``pybabel extract``, as Babel's API takes them.
#: ``Sentence("...")`` and ``Sentence.plural("...", "...", n)`` are the engine's sentences
#: (:class:`automation.language.Sentence`).
KEYWORDS = {
    "_": None,
    "N_": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "Sentence": None,
    "plural": (1, 2),
}
SOURCES = ("automation", "tui")
HEADER = "# privacy-tui's words for people.\n# Made and kept up to date by scripts/catalog.py.\n#"
#: Header lines that change by the date alone.
DATED = (b'"POT-Creation-Date:', b'"PO-Revision-Date:')


def extracted() -> Catalog:
    """The interface's strings, as ``pybabel extract`` finds them in ``SOURCES``."""
    with (ROOT / "babel.cfg").open() as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    template = Catalog(
        project="privacy-tui",
        version=__version__,
        domain=DOMAIN,
        header_comment=HEADER,
        fuzzy=False,
    )
    found = extract_from_dir(
        ROOT, method_map, options_map, keywords=KEYWORDS, directory_filter=_within_sources
    )
    for filename, lineno, message, comments, context in found:
        template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return template


def _within_sources(path: str) -> bool:
    parts = Path(path).resolve().relative_to(ROOT).parts
    return not parts or (parts[0] in SOURCES and "__pycache__" not in parts)


def po_bytes(catalog: Catalog, *, template: bool = False) -> bytes:
    out = io.BytesIO()
    write_po(
        out, catalog, width=100, include_lineno=False, ignore_obsolete=True, sort_output=template
    )
    return out.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def undated(data: bytes) -> bytes:
    return b"\n".join(line for line in data.split(b"\n") if not line.startswith(DATED))


def wanted() -> Iterator[tuple[Path, bytes]]:
    """Every catalog file as it should be: each template, then each language's .po and .mo."""
    templates: dict[str, Catalog] = {DOMAIN: extracted()}
    for pot in sorted(LOCALE_DIR.glob("*.pot")):
        if pot.stem not in templates:
            with pot.open("rb") as file:
                templates[pot.stem] = read_po(file)
    for domain, template in templates.items():
        yield LOCALE_DIR / f"{domain}.pot", po_bytes(template, template=True)
        for lang in LANGUAGES:
            if lang == ENGLISH:
                continue  # the source's own language
            po = LOCALE_DIR / lang / "LC_MESSAGES" / f"{domain}.po"
            if po.exists():
                with po.open("rb") as file:
                    catalog = read_po(file, locale=lang, domain=domain)
            else:  # as `pybabel init` starts one
                catalog = Catalog(
                    locale=lang,
                    domain=domain,
                    header_comment=HEADER,
                    project="privacy-tui",
                    version=__version__,
                    language_team=LANGUAGES[lang],
                    fuzzy=False,
                )
            catalog.update(template, no_fuzzy_matching=True, update_creation_date=False)
            yield po, po_bytes(catalog)
            yield po.with_suffix(".mo"), mo_bytes(catalog)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--check", action="store_true", help="change nothing; fail if a file is out of date"
    )
    args = parser.parse_args(argv)
    stale: list[Path] = []
    for path, data in wanted():
        old = path.read_bytes() if path.exists() else None
        if old is not None and undated(old) == undated(data):
            continue
        stale.append(path)
        if not args.check:
            path.write_bytes(data)
    for path in stale:
        verb = "out of date" if args.check else "written"
        print(f"{path.relative_to(ROOT)}: {verb}", file=sys.stderr if args.check else sys.stdout)
    if args.check and stale:
        print("Run: python scripts/catalog.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
