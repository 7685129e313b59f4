"""Every setting of every installed plugin says what it rests on, and how sure that is.

A setting read in a browser rests on three facts: its page, how its control is
found, and its label. A by-hand setting rests on its page. Each fact needs at
least one piece of evidence naming a public source and a confidence. A plugin
that leaves one out is listed here with the facts it lacks, setting by setting.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from dataclasses import replace
from typing import Any

import pytest

from automation import registry
from automation.domain.settings import FACTS, Confidence, Evidence, Kind, Setting, State, Switch
from automation.domain.words import WORDS
from automation.plugin import Plugin

PLUGINS = {cls.name: cls for cls in registry.load()[0]}


def needed(setting: Setting) -> tuple[str, ...]:
    """The facts a setting of this kind must give evidence for."""
    return ("page",) if setting.kind is Kind.MANUAL else FACTS


def problems(setting: Setting) -> list[str]:
    """What is wrong with ``setting``'s evidence, in words; empty when nothing is."""
    found: list[str] = []
    given = {e.fact for e in setting.evidence}
    missing = [fact for fact in needed(setting) if fact not in given]
    if missing:
        found.append("no evidence for " + ", ".join(missing))
    for evidence in setting.evidence:
        if evidence.fact not in (*FACTS, WORDS):
            found.append(f"unknown fact {evidence.fact!r}")
        if not isinstance(evidence.confidence, Confidence):
            found.append(f"{evidence.fact}: {evidence.confidence!r} is not a Confidence")
        if not (isinstance(evidence.source, str) and evidence.source.strip()):
            found.append(f"{evidence.fact}: no source named")
    return found


@pytest.mark.parametrize("name", sorted(PLUGINS))
def test_every_setting_names_its_evidence(name: str) -> None:
    offenders = {
        setting.id: found for setting in PLUGINS[name].settings if (found := problems(setting))
    }
    assert offenders == {}, f"{name}: settings without complete evidence: {offenders}"


def test_at_least_one_plugin_is_installed() -> None:
    assert PLUGINS, "no plugins found through the entry-point group"


# The check above must be able to fail: it is tried on settings that are wrong.


def setting(kind: Kind = Kind.TOGGLE, *evidence: Evidence) -> Setting:
    return Setting(
        platform="demo",
        key="thing",
        label="A thing",
        description="",
        url="https://example.com/settings",
        recommended=State.OFF,
        kind=kind,
        switch=Switch(path="/settings", names=("A thing",)) if kind is Kind.TOGGLE else None,
        evidence=evidence,
    )


PAGE = Evidence("page", Confidence.CONFIRMED, "Example Help")
CONTROL = Evidence("control", Confidence.LIKELY, "public automation code")
LABEL = Evidence("label", Confidence.GUESS, "inferred")


def test_a_complete_setting_passes() -> None:
    assert problems(setting(Kind.TOGGLE, PAGE, CONTROL, LABEL)) == []
    assert problems(setting(Kind.MANUAL, PAGE)) == []


def test_a_toggle_without_control_or_label_is_listed() -> None:
    assert problems(setting(Kind.TOGGLE, PAGE)) == ["no evidence for control, label"]
    assert problems(setting(Kind.TOGGLE)) == ["no evidence for page, control, label"]


def test_a_manual_setting_needs_its_page() -> None:
    assert problems(setting(Kind.MANUAL)) == ["no evidence for page"]


def test_an_empty_source_a_bad_confidence_or_an_unknown_fact_is_listed() -> None:
    blank = Evidence("label", Confidence.LIKELY, "  ")
    loose = Evidence("control", "sure", "a blog")  # type: ignore[arg-type]
    odd = Evidence("colour", Confidence.GUESS, "inferred")
    assert problems(setting(Kind.TOGGLE, PAGE, loose, blank, odd)) == [
        "control: 'sure' is not a Confidence",
        "label: no source named",
        "unknown fact 'colour'",
    ]


def test_sureness_is_the_weakest_source_of_a_fact() -> None:
    doubted = Evidence("page", Confidence.GUESS, "inferred from the menu")
    both = setting(Kind.TOGGLE, PAGE, doubted, CONTROL, LABEL)
    assert both.sureness("page") is Confidence.GUESS
    assert both.sureness("control") is Confidence.LIKELY
    assert both.guessed == ("page", "label")
    assert setting(Kind.TOGGLE).sureness("page") is None


def test_a_setting_kept_per_blog_keeps_its_evidence_on_each_blog() -> None:
    template = next(s for s in PLUGINS["tumblr"].settings if s.per is not None)
    blog = template.for_instance("myblog")
    assert blog.evidence == template.evidence and blog.guessed == template.guessed


# -- every fact a reader can open ---------------------------------------------------------------
#
# A fact that is not a guess names a public address: a web page (``https://...``) or a
# file of a public repository at a commit (``owner/repo@<commit>:path[:line]``). A guess
# says it is one ("inferred: ..."). No source points at the project's own notes or at
# unnamed "public reports". A plugin that reads a setting in a browser names the sign
# of a signed-in account (a session cookie or the account menu) and where it is on
# record.

#: A web page's address.
WEB_ADDRESS = re.compile(r"https://[^\s;,]+")
#: A file of a public repository at a commit: ``owner/repo@<hex>:path`` (``:line`` optional).
REPO_ADDRESS = re.compile(r"(?<![\w/.-])[\w.-]+/[\w.-]+@[0-9a-f]{7,40}:[^\s;,:]+(?::\d+)?")
#: What no source may cite.
NOT_A_SOURCE = ("shared/platforms.md", "platforms.md", "public reports")


def addresses(source: str) -> list[str]:
    """The public addresses a source names, in order."""
    found = [(m.start(), m.group()) for m in WEB_ADDRESS.finditer(source)]
    found += [(m.start(), m.group()) for m in REPO_ADDRESS.finditer(source)]
    return [address for _, address in sorted(found)]


def unaddressed(setting: Setting) -> list[str]:
    """The facts of ``setting`` that are not guesses yet name no public address, and the
    guesses that do not say they are inferred."""
    found: list[str] = []
    for evidence in setting.evidence:
        if evidence.confidence is Confidence.GUESS:
            if not evidence.source.startswith("inferred:"):
                found.append(f"{evidence.fact}: a guess whose source does not say 'inferred:'")
        elif not addresses(evidence.source):
            found.append(f"{evidence.fact} ({evidence.confidence}): no public address")
    return found


def cites_no_source(setting: Setting) -> list[str]:
    """The sources of ``setting`` (its evidence and its ``source``) that cite the project's
    own notes or unnamed reports."""
    texts = [("source", setting.source)] + [(e.fact, e.source) for e in setting.evidence]
    return [
        f"{where}: cites {word!r}"
        for where, text in texts
        for word in NOT_A_SOURCE
        if word in text.lower()
    ]


def reads_in_a_browser(cls: type[Plugin]) -> bool:
    return any(s.kind is Kind.TOGGLE for s in cls.settings)


def account_sign_problems(cls: type[Plugin]) -> list[str]:
    """What ``cls`` lacks of a sign of a signed-in account and its public record."""
    if not reads_in_a_browser(cls):
        return []
    found: list[str] = []
    if not (cls.session_cookies or cls.signed_in_marker):
        found.append("no session_cookies or signed_in_marker")
    source = getattr(cls, "account_source", "") or ""
    if not addresses(source):
        found.append(f"account_source {source!r} names no public address")
    found += [f"account_source cites {w!r}" for w in NOT_A_SOURCE if w in source.lower()]
    return found


@pytest.mark.parametrize("name", sorted(PLUGINS))
def test_every_fact_that_is_not_a_guess_names_a_public_address(name: str) -> None:
    offenders = {s.id: found for s in PLUGINS[name].settings if (found := unaddressed(s))}
    assert offenders == {}, f"{name}: facts without a public address: {offenders}"


@pytest.mark.parametrize("name", sorted(PLUGINS))
def test_no_source_cites_the_project_notes_or_unnamed_reports(name: str) -> None:
    offenders = {s.id: found for s in PLUGINS[name].settings if (found := cites_no_source(s))}
    assert offenders == {}, f"{name}: sources that are not public: {offenders}"


@pytest.mark.parametrize("name", sorted(PLUGINS))
def test_a_plugin_read_in_a_browser_names_its_account_sign_and_its_record(name: str) -> None:
    assert account_sign_problems(PLUGINS[name]) == [], name


# These checks must be able to fail too.

WEB = "https://example.com/help/privacy"
REPO = "someone/tool@0123456789abcdef0123456789abcdef01234567:src/settings.ts:12"


def test_a_web_page_or_a_repository_file_at_a_commit_is_an_address() -> None:
    assert addresses(f"the label: {WEB}; the id: {REPO}") == [WEB, REPO]
    assert addresses("someone/tool@0123abc:src/a.py") == ["someone/tool@0123abc:src/a.py"]
    # A bare repository, a branch instead of a commit, plain HTTP or words are not.
    for loose in (
        "someone/tool",
        "someone/tool@main:src/settings.ts",
        "http://example.com/help",
        "Example Help",
        "example.com/help",
    ):
        assert addresses(loose) == [], loose


def test_a_fact_sure_of_itself_without_an_address_is_listed() -> None:
    named = Evidence("page", Confidence.CONFIRMED, f"Example's help: {WEB}")
    coded = Evidence("control", Confidence.LIKELY, REPO)
    guess = Evidence("label", Confidence.GUESS, "inferred: from the page's title")
    assert unaddressed(setting(Kind.TOGGLE, named, coded, guess)) == []
    bare = Evidence("page", Confidence.LIKELY, "Example's help")
    vague = Evidence("label", Confidence.GUESS, "a guess")
    assert unaddressed(setting(Kind.TOGGLE, bare, coded, vague)) == [
        "page (likely): no public address",
        "label: a guess whose source does not say 'inferred:'",
    ]


def test_a_source_citing_the_notes_or_unnamed_reports_is_listed() -> None:
    notes = Evidence("page", Confidence.LIKELY, f"shared/platforms.md and {WEB}")
    reports = Evidence("label", Confidence.LIKELY, f"Public reports, late 2026: {WEB}")
    fine = Evidence("control", Confidence.GUESS, "inferred: a switch")
    found = cites_no_source(replace(setting(Kind.TOGGLE, notes, reports, fine), source=WEB))
    assert found == [
        "page: cites 'shared/platforms.md'",
        "page: cites 'platforms.md'",
        "label: cites 'public reports'",
    ]
    assert cites_no_source(replace(setting(Kind.MANUAL, fine), source="see platforms.md")) == [
        "source: cites 'platforms.md'"
    ]


class Signless(Plugin):
    """A plugin read in a browser that names no sign of an account."""

    name = "signless"
    title = "Signless"
    default_origin = "https://example.com"
    settings = (replace(setting(Kind.TOGGLE, PAGE, CONTROL, LABEL), platform=""),)


def test_a_plugin_without_an_account_sign_or_its_record_is_listed() -> None:
    assert account_sign_problems(Signless) == [
        "no session_cookies or signed_in_marker",
        "account_source '' names no public address",
    ]

    class Unrecorded(Signless):
        session_cookies = ("sid",)
        account_source = "the session cookie, as shared/platforms.md says"

    assert account_sign_problems(Unrecorded) == [
        "account_source 'the session cookie, as shared/platforms.md says' names no public address",
        "account_source cites 'shared/platforms.md'",
        "account_source cites 'platforms.md'",
    ]

    class Marked(Signless):
        signed_in_marker = '[aria-label="Account"]'
        account_source = REPO

    assert account_sign_problems(Marked) == []

    class ByHand(Signless):
        settings = (replace(setting(Kind.MANUAL, PAGE), platform=""),)

    assert account_sign_problems(ByHand) == []


# -- what `privacy-tui list --json` tells a reader ------------------------------------------------


def listed() -> list[dict[str, Any]]:
    """``privacy-tui list --json``, run in this process, as the rows it prints."""
    from tui.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["list", "--json"]) == 0
    rows: list[dict[str, Any]] = json.loads(out.getvalue())
    return rows


def listing_problems(row: dict[str, Any]) -> list[str]:
    """What a listed setting's evidence lacks: an address for each fact that is not a
    guess, and no source that cites the notes or unnamed reports."""
    found = []
    for fact in row["evidence"]:
        source = fact["source"]
        if fact["confidence"] != str(Confidence.GUESS) and not addresses(source):
            found.append(f"{fact['fact']}: no public address")
        found += [f"{fact['fact']}: cites {w!r}" for w in NOT_A_SOURCE if w in source.lower()]
    return found


@pytest.fixture(scope="module")
def listing() -> list[dict[str, Any]]:
    return listed()


def test_the_listing_has_every_setting_with_its_evidence(listing: list[dict[str, Any]]) -> None:
    settings = {s.id: s for cls in PLUGINS.values() for s in cls.settings}
    assert [row["id"] for row in listing] == list(settings)
    for row in listing:
        assert row["evidence"] == [
            {"fact": e.fact, "confidence": str(e.confidence), "source": e.source}
            for e in settings[row["id"]].evidence
        ]


@pytest.mark.parametrize("name", sorted(PLUGINS))
def test_the_listing_shows_an_address_for_each_fact(
    name: str, listing: list[dict[str, Any]]
) -> None:
    offenders = {
        row["id"]: found
        for row in listing
        if row["platform"] == name and (found := listing_problems(row))
    }
    assert offenders == {}, f"{name}: listed facts without a public address: {offenders}"


def test_the_listing_check_finds_a_fact_without_an_address(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A plugin whose evidence names no address shows so in the listing."""
    bare = Evidence("page", Confidence.LIKELY, "public reports")

    class Loose(Signless):
        name = "loose"
        settings = (replace(setting(Kind.TOGGLE, bare, CONTROL, LABEL), platform="", key="loose"),)

    monkeypatch.setattr(registry, "load", lambda *args, **kwargs: ([Loose], []))
    [row] = listed()
    assert row["id"] == "loose.loose"
    assert listing_problems(row) == [
        "page: no public address",
        "page: cites 'public reports'",
        "control: no public address",
    ]
