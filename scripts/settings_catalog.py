"""Write the settings' catalog: every installed setting's label, description, notes and steps.

    .venv/bin/python scripts/settings_catalog.py          # write the .pot, update each .po, compile
    .venv/bin/python scripts/settings_catalog.py --check  # fail where the .pot or a .mo is stale

The source is the plugin registry: each field of each setting is one message, its context
``"<setting id>|<field>"`` (``label``, ``description``, ``notes``, ``step 1``...). A
translator comment names the platform and the setting, and each piece of a setting's
evidence that records the platform's own words in another language, with its source.

Updating a ``.po`` keeps every translation whose context and English are unchanged; a new
message whose English words some other message of the catalog already has takes that
translation (the same English says the same thing), and is otherwise left empty. Messages
that no setting has any more are dropped.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from automation import __version__, language, registry  # noqa: E402
from automation.setting_text import context  # noqa: E402

DOMAIN = language.SETTINGS_DOMAIN
HEADER = (
    "# privacy-tui's settings in words for people: labels, descriptions, notes, steps.\n"
    "# Made and kept up to date by scripts/settings_catalog.py.\n#"
)
POT = language.LOCALE_DIR / f"{DOMAIN}.pot"
#: The languages the settings are translated into (English is the source).
TRANSLATED = tuple(lang for lang in language.LANGUAGES if lang != language.ENGLISH)
#: Characters of a script other than Latin: evidence holding them records a platform's own
#: words in another language.
_FOREIGN = re.compile(r"[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]")
#: Header lines that change with every run and say nothing of the catalog's content.
_DATED = re.compile(r'^"(POT-Creation-Date|PO-Revision-Date): .*\\n"$', re.MULTILINE)


def po_path(lang: str) -> Path:
    return language.LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(lang: str) -> Path:
    return po_path(lang).with_suffix(".mo")


def template() -> Catalog:
    """The catalog's template, from every installed plugin's settings."""
    catalog = Catalog(
        project="privacy-tui",
        version=__version__,
        domain=DOMAIN,
        charset="utf-8",
        header_comment=HEADER,
        fuzzy=False,
    )
    plugins, problems = registry.load()
    if problems:
        raise SystemExit("\n".join(str(p) for p in problems))
    for plugin in plugins:
        for setting in plugin.settings:
            about = f"{plugin.title}: {setting.id}"
            words = tuple(
                f"{e.fact} ({e.confidence}): {e.source}"
                for e in setting.evidence
                if _FOREIGN.search(e.source)
            )
            fields = [("label", setting.label), ("description", setting.description)]
            if setting.notes:
                fields.append(("notes", setting.notes))
            fields += [(f"step {n}", step) for n, step in enumerate(setting.manual_steps, 1)]
            for field, english in fields:
                catalog.add(
                    english,
                    context=context(setting.id, field),
                    auto_comments=(about, *words),
                )
    return catalog


def render(catalog: Catalog, *, template: bool = False) -> bytes:
    """The catalog as a file, written as ``scripts/catalog.py`` writes every domain's (so
    that neither finds the other's files out of date)."""
    out = io.BytesIO()
    write_po(
        out, catalog, width=100, include_lineno=False, ignore_obsolete=True, sort_output=template
    )
    return out.getvalue()


def undated(text: bytes) -> str:
    return _DATED.sub("", text.decode("utf-8"))


def updated(pot: Catalog, lang: str) -> Catalog:
    """``lang``'s catalog for ``pot``: its translations kept where the English is the same."""
    path = po_path(lang)
    old: Catalog | None = None
    if path.exists():
        with path.open("rb") as file:
            old = read_po(file, locale=lang, domain=DOMAIN)
    catalog = Catalog(
        locale=lang,
        project="privacy-tui",
        version=__version__,
        domain=DOMAIN,
        charset="utf-8",
        header_comment=HEADER,
        fuzzy=False,
        creation_date=pot.creation_date,
        revision_date=old.revision_date if old else pot.creation_date,
        language_team=language.LANGUAGES[lang],
        last_translator=old.last_translator if old else None,
    )
    by_english: dict[str, str] = {}
    if old is not None:
        for message in old:
            if message.id and message.string and not message.fuzzy:
                by_english.setdefault(str(message.id), str(message.string))
    for message in sorted(pot, key=lambda m: (str(m.id), m.context or "")):
        if not message.id:
            continue
        kept = old.get(message.id, context=message.context) if old is not None else None
        string = kept.string if kept is not None and kept.string else ""
        flags = set(kept.flags) if kept is not None and kept.string else set()
        if not string:
            string = by_english.get(str(message.id), "")
        catalog.add(
            message.id,
            string,
            context=message.context,
            auto_comments=message.auto_comments,
            user_comments=kept.user_comments if kept is not None else (),
            flags=flags,
        )
    return catalog


def compiled(lang: str) -> bytes:
    """``lang``'s ``.po``, compiled."""
    with po_path(lang).open("rb") as file:
        catalog = read_po(file, locale=lang, domain=DOMAIN)
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="fail where the .pot or a .mo is out of date"
    )
    args = parser.parse_args(argv)
    pot = template()
    text = render(pot, template=True)
    if args.check:
        stale = []
        if not POT.exists() or undated(POT.read_bytes()) != undated(text):
            stale.append(_shown(POT))
        for lang in TRANSLATED:
            mo = mo_path(lang)
            if not mo.exists() or mo.read_bytes() != compiled(lang):
                stale.append(_shown(mo))
        for path in stale:
            print(f"{path} is out of date: run scripts/settings_catalog.py", file=sys.stderr)
        return 1 if stale else 0
    POT.parent.mkdir(parents=True, exist_ok=True)
    if not POT.exists() or undated(POT.read_bytes()) != undated(text):
        POT.write_bytes(text)
    with POT.open("rb") as file:
        # The template's date as the file holds it: each .po names the template it follows.
        pot.creation_date = read_po(file).creation_date
    for lang in TRANSLATED:
        po = po_path(lang)
        po.parent.mkdir(parents=True, exist_ok=True)
        po.write_bytes(render(updated(pot, lang)))
        mo_path(lang).write_bytes(compiled(lang))
    return 0


if __name__ == "__main__":
    sys.exit(main())
