"""The catalogs: every string a person reads is in them, translated, and compiled as committed."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from automation.language import DOMAIN, LOCALE_DIR

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import catalog as catalog_script  # noqa: E402

POS = sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po"))
INTERFACE = LOCALE_DIR / "ja" / "LC_MESSAGES" / f"{DOMAIN}.po"
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def read(path: Path) -> Catalog:
    with path.open("rb") as file:
        return read_po(file)


def test_there_is_a_japanese_catalog_of_the_interface() -> None:
    assert INTERFACE in POS


def test_every_string_the_code_marks_is_in_the_catalog() -> None:
    extracted = {m.id for m in catalog_script.extracted() if m.id}
    assert len(extracted) > 100
    po = {m.id for m in read(INTERFACE) if m.id}
    assert not extracted - po, "not in the .po; run python scripts/catalog.py"


@pytest.mark.parametrize("po", POS, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_no_entry_is_untranslated_or_fuzzy(po: Path) -> None:
    untranslated, fuzzy = [], []
    for message in read(po):
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings):
            untranslated.append(message.id)
        if message.fuzzy:
            fuzzy.append(message.id)
    assert not untranslated
    assert not fuzzy


@pytest.mark.parametrize("po", POS, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_placeholders_are_kept(po: Path) -> None:
    wrong = []
    for message in read(po):
        if not message.id:
            continue
        ids = (message.id,) if isinstance(message.id, str) else tuple(message.id)
        strings = (
            (message.string,) if isinstance(message.string, str) else tuple(message.string or ())
        )
        wanted = set(PLACEHOLDER.findall(ids[-1]))
        for string in strings:
            if string and set(PLACEHOLDER.findall(string)) != wanted:
                wrong.append((ids[0], string))
    assert not wrong


@pytest.mark.parametrize("po", POS, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_the_committed_mo_is_the_po_compiled(po: Path) -> None:
    out = io.BytesIO()
    write_mo(out, read(po))
    assert po.with_suffix(".mo").read_bytes() == out.getvalue()


def test_the_catalog_script_finds_nothing_out_of_date() -> None:
    checked = subprocess.run(
        [sys.executable, "scripts/catalog.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert checked.returncode == 0, checked.stderr
