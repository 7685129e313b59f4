"""Every setting reads in Japanese: its label, description, notes and each step, from the
settings' catalog, and the platform's own Japanese words only where their source is on record.

The Japanese texts follow one form for the words of a platform's page:

- 「…」 holds the platform's own Japanese words, and only those whose public source the
  setting's evidence names with an address a reader can open;
- 『…』 holds the words in Japanese where the platform's Japanese words are not on record,
  followed by :data:`NOTE` (which says so) and the English words the page may show.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from automation import language, registry, setting_text
from automation.domain.settings import Setting

#: What follows a word whose Japanese form on the platform's page is not on record.
NOTE = "\uff08日本語表記未確認、英語: "

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = [setting for plugin in registry.load()[0] for setting in plugin.settings]
PO = language.LOCALE_DIR / "ja" / "LC_MESSAGES" / f"{language.SETTINGS_DOMAIN}.po"


def load_script():
    spec = importlib.util.spec_from_file_location(
        "settings_catalog", ROOT / "scripts" / "settings_catalog.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    with PO.open("rb") as file:
        return read_po(file, locale="ja", domain=language.SETTINGS_DOMAIN)


@pytest.fixture
def japanese() -> Iterator[None]:
    language.use("ja")
    yield
    language.use(language.ENGLISH)


def fields(setting: Setting) -> list[tuple[str, str]]:
    found = [("label", setting.label), ("description", setting.description)]
    if setting.notes:
        found.append(("notes", setting.notes))
    found += [(f"step {n}", step) for n, step in enumerate(setting.manual_steps, 1)]
    return found


def japanese_texts(catalog: Catalog, setting: Setting) -> list[tuple[str, str, str]]:
    """Each field's English and Japanese (empty where the catalog has none)."""
    texts = []
    for field, english in fields(setting):
        message = catalog.get(english, context=setting_text.context(setting.id, field))
        texts.append((field, english, str(message.string) if message else ""))
    return texts


def test_there_are_settings_to_translate() -> None:
    assert len(SETTINGS) >= 80


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.id)
def test_every_field_has_a_japanese_text(catalog: Catalog, setting: Setting) -> None:
    problems = []
    for field, english, text in japanese_texts(catalog, setting):
        message = catalog.get(english, context=setting_text.context(setting.id, field))
        if message is None or not text.strip():
            problems.append(f"{field}: untranslated")
        elif message.fuzzy:
            problems.append(f"{field}: fuzzy")
        elif not re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text):
            problems.append(f"{field}: no Japanese in {text!r}")
    assert problems == []


#: What a text must carry over whole: addresses, placeholders, email addresses.
KEPT = re.compile(r"https?://\S+?(?=[\s)]|\.?$)|<[^>]+>|\{[^}]+\}|[\w.-]+@[\w-]+\.[\w.]+")


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.id)
def test_addresses_and_placeholders_are_kept(catalog: Catalog, setting: Setting) -> None:
    lost = [
        (field, kept)
        for field, english, text in japanese_texts(catalog, setting)
        for kept in KEPT.findall(english)
        if kept not in text
    ]
    assert lost == []


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.id)
def test_the_platforms_own_japanese_words_have_a_source(catalog: Catalog, setting: Setting) -> None:
    """Each 「word」 is named, with an https address, in the setting's evidence."""
    unsourced = []
    for field, _english, text in japanese_texts(catalog, setting):
        for word in re.findall(r"「([^」]+)」", text):
            sourced = any(
                f"「{word}」" in e.source and "https://" in e.source for e in setting.evidence
            )
            if not sourced:
                unsourced.append((field, word))
    assert unsourced == []


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.id)
def test_words_not_on_record_say_so_and_give_the_english(
    catalog: Catalog, setting: Setting
) -> None:
    """Each 『word』 not itself the English is followed by the note and the page's English."""
    wrong = []
    for field, english, text in japanese_texts(catalog, setting):
        for match in re.finditer(r"『([^』]+)』", text):
            if match.group(1).isascii() and match.group(1) in english:
                continue  # a name, the same in both languages
            note = re.match(NOTE + r'"([^"]+)"\uff09', text[match.end() :])
            if note is None:
                wrong.append((field, match.group(1), "no note"))
            elif f'"{note.group(1)}"' not in english and note.group(1) not in english:
                wrong.append((field, note.group(1), "not the English words"))
    assert wrong == []


def test_linkedin_ai_training_uses_linkedins_own_menu_names(japanese: None) -> None:
    setting = next(s for s in SETTINGS if s.id == "linkedin.ai_training")
    assert setting_text.label(setting) == "生成AI改善のためのデータ"
    steps = "\n".join(setting_text.steps(setting))
    for word in ("自分", "設定とプライバシー", "データプライバシー", "生成AI改善のためのデータ"):
        assert f"「{word}」" in steps
    assert "トレーニング" in setting_text.description(setting)


def test_english_is_the_plugins_own_words() -> None:
    setting = next(s for s in SETTINGS if s.id == "linkedin.ai_training")
    assert setting_text.label(setting) == setting.label
    assert setting_text.steps(setting) == setting.manual_steps
    assert setting_text.description(setting) == setting.description


def test_words_the_catalog_does_not_have_stay_english(japanese: None) -> None:
    setting = next(s for s in SETTINGS if s.id == "linkedin.ai_training")
    changed = replace(setting, label="A wording the catalog has never seen")
    assert setting_text.label(changed) == "A wording the catalog has never seen"


def test_a_blogs_copy_keeps_its_name(japanese: None) -> None:
    template = next(s for s in SETTINGS if s.id == "tumblr.third_party_sharing")
    copy = template.for_instance("art-notes", "Art notes")
    assert setting_text.label(copy) == "第三者との共有を防ぐ (Art notes)"


def test_the_catalog_is_up_to_date() -> None:
    assert load_script().main(["--check"]) == 0


def test_the_check_fails_on_a_stale_template(tmp_path: Path) -> None:
    script = load_script()
    stale = tmp_path / "stale.pot"
    stale.write_bytes(script.POT.read_bytes().replace(b"Data for Generative", b"Data for Old"))
    script.POT = stale
    assert script.main(["--check"]) == 1


def test_the_check_fails_on_a_stale_mo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    script = load_script()
    mo = tmp_path / "old.mo"
    mo.write_bytes(script.mo_path("ja").read_bytes()[:-8])
    monkeypatch.setattr(script, "mo_path", lambda lang: mo)
    assert script.main(["--check"]) == 1


def test_a_plan_names_its_settings_from_their_ids(japanese: None) -> None:
    """What a plan or the history keeps (an id and the English label) is enough."""
    assert setting_text.named("linkedin.ai_training", "Data for Generative AI Improvement") == (
        "生成AI改善のためのデータ"
    )
    blog = "tumblr.third_party_sharing@art-notes"
    assert setting_text.named(blog, "Prevent third-party sharing (Art notes)") == (
        "第三者との共有を防ぐ (Art notes)"
    )
    assert setting_text.named("linkedin.ai_training", "Some other words") == "Some other words"
