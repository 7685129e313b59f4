"""The engine's sentences: English wherever a program reads them, the reader's language
where a person does (:class:`automation.language.Sentence` and :func:`said`)."""

from __future__ import annotations

import copy
import dataclasses
import json
import pickle
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from automation import language
from automation.accounts.sessions.files import unreadable
from automation.domain.settings import Reading, State
from automation.files.config import parse
from automation.files.config_types import ConfigError
from automation.language import Sentence, said, told
from automation.page import account, choosing
from automation.page.choosing import Candidate
from automation.plugins.linkedin import LinkedIn

ORIGIN = "http://127.0.0.1:8801"
AT = datetime(2026, 11, 29, 9, 59, 12, tzinfo=UTC)


@pytest.fixture
def japanese() -> Iterator[None]:
    language.use("ja")
    yield
    language.use(language.ENGLISH)


def linkedin_ai_training() -> tuple[LinkedIn, Reading]:
    """The reading ``switches.read`` makes of LinkedIn's AI-training switch found by its id."""
    plugin = LinkedIn(ORIGIN)
    setting = next(s for s in plugin.settings if s.id == "linkedin.ai_training")
    assert setting.switch is not None
    control = Candidate(
        testid=None,
        ids=("allowDataForGenerativeAI",),
        texts=(),
        checked="true",
        disabled=False,
        visible=True,
    )
    proof = choosing.proof(setting.switch, control)
    assert proof is not None
    detail = Sentence("Switch is {state} (found by {proof}).", state=State.ON, proof=proof)
    return plugin, Reading(setting.id, State.ON, detail, AT, f"{ORIGIN}/page")


def needs_login() -> Reading:
    plugin = LinkedIn(ORIGIN)
    return account.unproved(plugin, plugin.settings[0], f"{ORIGIN}/page")


def test_a_sentence_is_its_english() -> None:
    _plugin, reading = linkedin_ai_training()
    english = 'Switch is on (found by its id "allowDataForGenerativeAI").'
    assert reading.detail == english
    assert str(reading.detail) == english
    assert said(reading.detail) == english
    assert type(str(reading.detail)) is str


def test_in_english_said_is_the_sentence_itself() -> None:
    detail = needs_login().detail
    assert isinstance(detail, Sentence)
    assert said(detail) == str(detail)
    assert detail.startswith("Not signed in to LinkedIn: ")


def test_in_japanese_a_reading_is_said_whole(japanese: None) -> None:
    _plugin, reading = linkedin_ai_training()
    spoken = "スイッチはオンです（ID「allowDataForGenerativeAI」で特定）。"  # noqa: RUF001
    assert said(reading.detail) == spoken
    # The value itself stays the English a program reads.
    assert reading.detail == 'Switch is on (found by its id "allowDataForGenerativeAI").'


def test_values_that_are_sentences_are_said_too(japanese: None) -> None:
    detail = needs_login().detail
    spoken = said(detail)
    assert spoken.startswith("LinkedIn にサインインしていません: ")
    assert "sign" not in spoken and "account" not in spoken


def test_a_platform_s_own_words_are_said_as_they_are(japanese: None) -> None:
    label = "Use my data for training content creation AI models"
    detail = Sentence('its label "{wording}"', wording=label)
    assert said(detail) == f"ラベル「{label}」"
    assert said(label) == label


def test_a_state_in_a_sentence_is_said_in_the_interface_s_words(japanese: None) -> None:
    assert (
        said(Sentence("Switch was already {value}.", value=State.OFF))
        == "スイッチはすでにオフでした。"
    )
    assert (
        said(Sentence("Switch was already {value}.", value="off")) == "スイッチはすでにoffでした。"
    )


def test_plural_sentences_take_the_form_for_their_number(japanese: None) -> None:
    def window(n: int) -> Sentence:
        return Sentence.plural(
            "Not signed in to {title} within {n} minute.",
            "Not signed in to {title} within {n} minutes.",
            n,
            title="LinkedIn",
        )

    assert window(1) == "Not signed in to LinkedIn within 1 minute."
    assert window(5) == "Not signed in to LinkedIn within 5 minutes."
    assert said(window(5)) == "5 分以内に LinkedIn へのサインインが済みませんでした。"


def test_a_copy_or_a_pickle_is_the_same_sentence(japanese: None) -> None:
    reading = needs_login()
    for again in (
        copy.deepcopy(reading).detail,
        pickle.loads(pickle.dumps(reading)).detail,
        dataclasses.asdict(reading)["detail"],
    ):
        assert isinstance(again, Sentence)
        assert again == reading.detail
        assert said(again) == said(reading.detail)
        assert said(again) != str(again)


def test_json_gets_the_english_whatever_the_language(japanese: None) -> None:
    _plugin, reading = linkedin_ai_training()
    row = {"detail": reading.detail}
    assert json.dumps(row) == json.dumps({"detail": str(reading.detail)})
    assert "found by" in json.dumps(row)


def test_a_config_error_is_said_with_its_place(japanese: None) -> None:
    with pytest.raises(ConfigError) as raised:
        parse("[browser]\nheadless = 3\n", {}, path=Path("/tmp/privacy.toml"))
    assert str(raised.value) == "/tmp/privacy.toml:2:1: browser.headless: must be true or false"
    assert told(raised.value) == (
        "/tmp/privacy.toml:2:1: browser.headless: true か false でなければなりません"
    )


def test_an_exception_carrying_a_sentence_is_told_in_japanese(japanese: None) -> None:
    error = RuntimeError(Sentence("The keyring could not be read: {exc}", exc="locked"))
    assert str(error) == "The keyring could not be read: locked"
    assert told(error) == "キーリングを読み込めませんでした: locked"
    assert told(RuntimeError("plain words")) == "plain words"


def test_a_session_that_cannot_be_opened_is_told_in_japanese(
    tmp_path: Path, japanese: None
) -> None:
    kept = tmp_path / "linkedin.session"
    kept.write_bytes(b"not a session")
    error = unreadable(kept, "linkedin", "bad data")
    assert str(error).startswith(
        "The saved linkedin session could not be opened (bad data), so linkedin counts as "
        "signed out; the file was kept as "
    )
    assert told(error).startswith(
        "保存した linkedin のセッションを開けなかった (bad data) ため、linkedin は"
        "サインアウトしているものとして扱います。ファイルは "
    )


def test_a_plan_s_reasons_and_verdicts_are_said_in_japanese(japanese: None) -> None:
    from automation.records.apply import Action, Outcome, make_plan
    from tui.progress import title

    plugin = LinkedIn(ORIGIN)
    setting = next(s for s in plugin.settings if s.id == "linkedin.ai_training")
    plan = make_plan(
        "preset recommended",
        {setting.id: State.OFF, "nowhere.setting": State.OFF},
        {setting.id: setting},
        {},
    )
    unread, uncovered = plan.steps
    assert unread.action is Action.CANNOT and uncovered.action is Action.CANNOT
    assert unread.reason == "It was not read."
    assert said(unread.reason) == "読み取られていません。"
    assert said(uncovered.reason) == "この設定を扱うプラグインがインストールされていません。"
    assert json.dumps(uncovered.reason) == '"No installed plugin covers this setting."'
    assert title(plan) == "プリセット recommended"
    failed = Outcome(unread, needs_login())
    assert failed.verdict.startswith("could not read back: ")
    assert said(failed.verdict).startswith("読み直せませんでした: ")
    assert said(failed.verdict) != failed.verdict


def test_a_drift_and_a_watched_check_s_summary_are_said_in_japanese(japanese: None) -> None:
    from automation.records.history.recorder import Drift
    from automation.watch.check import summarise, summary_of

    drift = Drift("linkedin.ai_training", State.OFF, AT, State.ON).describe()
    assert drift.startswith("Switched back on since the last check (off on ")
    assert "オンに戻されました" in said(drift) and "オフ" in said(drift)

    findings = [
        {"kind": "came_back_on", "id": "linkedin.ai_training", "key": "a"},
        {"kind": "could_not_run", "detail": "The browser is gone.", "key": "b"},
    ]
    summary = summarise(findings)
    english = "linkedin.ai_training came back on; the check could not run: The browser is gone."
    assert summary == english and json.dumps(summary) == json.dumps(english)
    assert said(summary) == (
        "linkedin.ai_training がオンに戻りました。"
        "チェックを実行できませんでした: The browser is gone."
    )
    # A summary kept in the history is said again from its findings when they agree.
    assert said(summary_of(english, findings)) == said(summary)
    assert said(summary_of("something else", findings)) == "something else"


def test_browser_origin_and_setup_errors_are_said_in_japanese(
    japanese: None, tmp_path: Path
) -> None:
    from automation.browser.launch import BrowserNotFound, find_browser
    from automation.files.origins import origin_problem

    missing = str(tmp_path / "chrome")
    with pytest.raises(BrowserNotFound) as caught:
        find_browser(missing, None)
    assert str(caught.value) == (
        f"The browser set in the config ([browser] executable = {missing!r}) "
        "does not exist or cannot be run."
    )
    assert told(caught.value).startswith("設定ファイルで指定したブラウザー")

    problem = origin_problem("https://example.org:99999")
    assert problem == (
        "'https://example.org:99999' is not an origin like \"https://host[:port]\": "
        "its port 99999 is not from 1 to 65535"
    )
    assert said(problem) == (
        "'https://example.org:99999' は \"https://host[:port]\" の形のオリジンではありません: "
        "ポート 99999 が 1 から 65535 の範囲にありません"
    )


def test_a_setting_s_label_in_a_sentence_is_said_as_its_japanese_label(japanese: None) -> None:
    from automation import setting_text

    plugin = LinkedIn(ORIGIN)
    setting = next(s for s in plugin.settings if s.id == "linkedin.ai_training")
    sentence = Sentence(
        'The row "{label}" is on the page but its button is disabled: '
        "{title} does not let this account change it.",
        label=setting.label,
        title=plugin.title,
    )
    japanese_label = setting_text.label(setting)
    assert japanese_label != setting.label
    assert f'"{setting.label}"' in sentence  # the English everywhere but where said
    assert json.loads(json.dumps(sentence)) == sentence
    assert japanese_label in said(sentence) and setting.label not in said(sentence)
    # A copy of the setting (a blog's, a replaced field) keeps its label a term.
    assert pickle.loads(pickle.dumps(setting.label)) == setting.label
    copied = dataclasses.replace(setting, description="x")
    assert said(Sentence("{label}", label=copied.label)) == said(
        Sentence("{label}", label=setting.label)
    )
