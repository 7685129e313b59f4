"""Every setting of every installed plugin says what it rests on, and how sure that is.

A setting read in a browser rests on three facts: its page, how its control is
found, and its label. A by-hand setting rests on its page. Each fact needs at
least one piece of evidence naming a public source and a confidence. A plugin
that leaves one out is listed here with the facts it lacks, setting by setting.
"""

from __future__ import annotations

import pytest

from automation import registry
from automation.model import FACTS, Confidence, Evidence, Kind, Setting, State, Switch

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
        if evidence.fact not in FACTS:
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
