"""The checklist's model on its own: no terminal, no browser."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from automation.domain import events
from automation.domain.settings import Kind, Reading, Setting, State
from automation.plugins.linkedin import LinkedIn
from automation.plugins.slack import Slack
from automation.plugins.tumblr import Tumblr
from tui.model import ChecklistModel, PlatformRow, Redraw, SettingRow

ORIGIN = "http://127.0.0.1:9"
AI = "linkedin.ai_training"
RESEARCH = "linkedin.research"


@pytest.fixture
def plugins() -> tuple[LinkedIn, Tumblr, Slack]:
    return LinkedIn(ORIGIN), Tumblr(ORIGIN), Slack(ORIGIN)


def make(settings: list[Setting], marks: dict[str, datetime] | None = None) -> ChecklistModel:
    known = {s.id: s for s in settings}
    return ChecklistModel(
        settings,
        titles={"linkedin": "LinkedIn", "tumblr": "Tumblr", "slack": "Slack"},
        desired=lambda s: s.recommended,
        lookup=lambda setting_id: known[setting_id],
        marks=marks,
        drifted=lambda setting_id: setting_id == RESEARCH,
    )


@pytest.fixture
def model(plugins: tuple[LinkedIn, Tumblr, Slack]) -> ChecklistModel:
    return make([s for p in plugins for s in p.settings])


def read(setting_id: str, state: State) -> events.Read:
    return events.Read(Reading(setting_id, state, "read from the test"))


def test_reading_a_setting_marks_it_busy_until_its_reading_comes(model: ChecklistModel) -> None:
    worker = object()
    assert model.apply(events.Checking(AI), worker) is Redraw.CELLS
    assert model.busy == {AI: "checking"}
    assert model.progress() == (1, 0)
    model.apply(events.Changing(RESEARCH, State.OFF), worker)
    assert model.busy[RESEARCH] == "changing"
    assert model.apply(read(AI, State.ON)) is Redraw.CELLS
    assert AI not in model.busy and model.readings[AI].state is State.ON
    assert model.progress() == (2, 1)
    # The work ends without reporting on the other row: it is released, its reading kept.
    assert model.release(worker) == [RESEARCH]
    assert model.busy == {} and RESEARCH not in model.readings


def test_failed_work_says_so_on_the_rows_it_left_spinning(model: ChecklistModel) -> None:
    mine, other = object(), object()
    model.apply(events.Checking(AI), mine)
    model.apply(events.Checking(RESEARCH), other)
    model.apply(read(RESEARCH, State.OFF))
    assert model.release(mine, RuntimeError("plugin bug")) == [AI]
    assert model.readings[AI].state is State.ERROR
    assert "plugin bug" in model.readings[AI].detail
    assert model.readings[RESEARCH].state is State.OFF


def test_a_reading_takes_the_place_of_a_sign_in_note(model: ChecklistModel) -> None:
    model.note("linkedin", "code needed", "Type the code LinkedIn sent.")
    assert model.notes["linkedin"].word == "code needed"
    model.apply(read(AI, State.OFF))
    assert "linkedin" not in model.notes
    model.note("linkedin", "signed out", "Gone.", "dim")
    model.note("linkedin", None)
    assert model.notes == {}


def test_the_layout_groups_by_platform_and_follows_folds_and_the_filter(
    model: ChecklistModel,
) -> None:
    rows = model.layout()
    assert rows[0] == PlatformRow("linkedin") and rows[1] == SettingRow(AI)
    assert rows.count(PlatformRow("tumblr")) == 1
    model.fold("linkedin")
    folded = model.layout()
    assert folded[0] == PlatformRow("linkedin") and folded[1] == PlatformRow("tumblr")
    model.fold("linkedin")
    assert model.layout() == rows

    model.filter_text = "research"
    assert model.layout() == [PlatformRow("linkedin"), SettingRow(RESEARCH)]
    model.filter_text = "TUMBLR"  # the platform's title matches, whatever the case
    assert model.layout()[0] == PlatformRow("tumblr")
    model.filter_text = "no such thing"
    assert model.layout() == []


def test_showing_a_setting_unfolds_and_drops_a_filter_that_hides_it(
    model: ChecklistModel,
) -> None:
    model.fold("linkedin")
    model.filter_text = "tumblr"
    model.show(AI)
    assert model.filter_text == "" and "linkedin" not in model.collapsed
    assert SettingRow(AI) in model.layout()


def test_a_per_blog_setting_gives_way_to_its_blogs(model: ChecklistModel) -> None:
    template = next(s for s in model.rows if s.per is not None)
    art, food = template.for_instance("art"), template.for_instance("food")
    model.apply(events.Checking(template.id), object())
    assert model.apply(events.Expanded(template.id, (art, food))) is Redraw.ROWS
    assert template.id not in model.busy
    ids = [s.id for s in model.rows]
    assert template.id not in ids
    assert ids.index(food.id) == ids.index(art.id) + 1
    # Listed again, a new blog joins the others; the known ones are not added twice.
    news = template.for_instance("news")
    assert model.apply(events.Expanded(template.id, (art, food, news))) is Redraw.ROWS
    ids = [s.id for s in model.rows]
    assert ids.count(art.id) == 1 and ids.index(news.id) == ids.index(food.id) + 1
    assert model.apply(events.Expanded(template.id, (art,))) is Redraw.CELLS
    assert model.desired[news.id] is news.recommended


def test_a_blog_read_by_its_id_before_it_is_listed_is_learnt(
    plugins: tuple[LinkedIn, Tumblr, Slack],
) -> None:
    template = plugins[1].settings[0]
    blog = template.for_instance("art")
    model = ChecklistModel(
        [template],
        titles={},
        desired=lambda s: State.ON,
        lookup=lambda setting_id: blog if setting_id == blog.id else template,
    )
    model.apply(read(blog.id, State.OFF))
    assert model.settings[blog.id] is blog and model.desired[blog.id] is State.ON


def test_counts_tell_what_the_status_line_shows(plugins: tuple[LinkedIn, Tumblr, Slack]) -> None:
    settings = [s for p in plugins for s in p.settings]
    by_hand = [s for s in settings if s.kind is Kind.MANUAL]
    assert by_hand, "the Slack plugin has a by-hand step"
    model = make(settings, marks={by_hand[0].id: datetime(2026, 1, 1, tzinfo=UTC)})
    model.apply(read(AI, State.OFF))
    model.apply(read(RESEARCH, State.ON))
    model.apply(read("linkedin.ads_age", State.UNKNOWN))
    model.apply(read("linkedin.ads_gender", State.UNKNOWN))
    model.apply(read("linkedin.ads_interests", State.NEEDS_LOGIN))
    model.apply(events.Checking("linkedin.ads_beyond_linkedin"), object())
    counts = model.counts()
    assert counts.readable == len(settings) - len(by_hand)
    assert counts.as_wished == 1
    assert counts.not_values == {State.UNKNOWN: 2, State.NEEDS_LOGIN: 1}
    assert (counts.by_hand, counts.marked) == (len(by_hand), 1)
    assert counts.busy == 1 and counts.drifted == 1
    assert "linkedin.ads_beyond_linkedin" not in model.idle_ids()
    assert all(model.settings[i].kind is not Kind.MANUAL for i in model.readable_ids())


def test_signed_in_and_forgetting_a_platform(model: ChecklistModel) -> None:
    assert not model.signed_in("linkedin")
    model.apply(read(AI, State.NEEDS_LOGIN))
    assert not model.signed_in("linkedin")
    model.apply(read(RESEARCH, State.OFF))
    assert model.signed_in("linkedin")
    assert model.platform_of(SettingRow(RESEARCH)) == "linkedin"
    model.forget("linkedin")
    assert not any(i.startswith("linkedin.") for i in model.readings)
    assert not model.signed_in("linkedin")
