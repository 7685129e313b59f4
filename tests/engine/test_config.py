"""The config file: what a good one gives, and what a bad one says (file, line, column, key)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from automation import registry
from automation.domain.presets import RECOMMENDED
from automation.domain.settings import Kind, State
from automation.domain.shown import has_control
from automation.files.config import ENV_VAR, MAX_SIZE, catalog_of, default_path, load, locate, parse
from automation.files.config_types import BrowserConfig, ConfigError
from automation.plugins.linkedin import LinkedIn
from tests.paths import ROOT

CATALOG = {"linkedin": {s.key for s in LinkedIn.settings}}

FULL = """\
[browser]
executable = "/usr/bin/chromium"
headless = false
timeout = 12.5
pages = 2

[platforms.linkedin]
origin = "http://127.0.0.1:8801/"
enabled = true

[desired.linkedin]
ai_training = "off"
research = "on"

[export]
path = "~/privacy.toml"
"""


def line_of(text: str, needle: str) -> int:
    """The 1-based number of the line of ``text`` that holds ``needle``."""
    for number, line in enumerate(text.splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in text")


def error(text: str, path: Path | None = None) -> ConfigError:
    """The ConfigError that parsing ``text`` raises."""
    with pytest.raises(ConfigError) as caught:
        parse(text, CATALOG, path=path)
    return caught.value


# -- good files ----------------------------------------------------------------------------


def test_full_config_parses() -> None:
    """Every table of a valid config lands in the Config, origins without the trailing slash."""
    config = parse(FULL, CATALOG)
    assert config.browser.executable == "/usr/bin/chromium"
    assert config.browser.headless is False
    assert config.browser.timeout == 12.5
    assert config.browser.pages == 2
    assert config.origin("linkedin") == "http://127.0.0.1:8801"
    assert config.enabled("linkedin") is True
    assert config.desired == {"linkedin.ai_training": State.OFF, "linkedin.research": State.ON}
    assert config.export_path == "~/privacy.toml"
    assert config.raw["platforms"] == {
        "linkedin": {"origin": "http://127.0.0.1:8801/", "enabled": True}
    }


def test_concurrency_is_the_older_name_of_pages() -> None:
    """A config written for the older ``concurrency`` key still works; ``pages`` wins."""
    assert parse("[browser]\nconcurrency = 3\n", CATALOG).browser.pages == 3
    both = parse("[browser]\npages = 5\nconcurrency = 3\n", CATALOG)
    assert both.browser.pages == 5


def test_empty_config_gives_defaults() -> None:
    """An empty file means the defaults: headless, no overrides, nothing desired."""
    config = parse("", CATALOG)
    assert config.browser.headless is True
    assert config.browser.executable is None
    assert config.browser.timeout > 0 and config.browser.pages is None  # from the cores
    assert config.origin("linkedin") is None
    assert config.enabled("linkedin") is True
    assert config.desired == {}


def test_disabled_platform() -> None:
    """``enabled = false`` under a platform is kept."""
    config = parse("[platforms.linkedin]\nenabled = false\n", CATALOG)
    assert config.enabled("linkedin") is False


def test_load_reads_the_file(tmp_path: Path) -> None:
    """``load`` reads a file and remembers where it came from."""
    path = tmp_path / "config.toml"
    path.write_text(FULL, encoding="utf-8")
    config = load(path, CATALOG)
    assert config.path == path
    assert config.desired["linkedin.ai_training"] is State.OFF


def test_missing_file_not_required_gives_defaults(tmp_path: Path) -> None:
    """A config that was never written is fine when the user did not name it."""
    config = load(tmp_path / "nowhere.toml", CATALOG, required=False)
    assert config.path is None
    assert config.desired == {}
    assert config.browser.headless is True


def test_missing_file_required_is_an_error(tmp_path: Path) -> None:
    """A config the user named must exist; the message names it."""
    path = tmp_path / "nowhere.toml"
    with pytest.raises(ConfigError) as caught:
        load(path, CATALOG, required=True)
    assert str(path) in str(caught.value)
    assert "no such file" in str(caught.value)


def test_unreadable_file_is_an_error(tmp_path: Path) -> None:
    """A file that is not UTF-8 is a ConfigError naming the file, not a crash."""
    path = tmp_path / "config.toml"
    path.write_bytes(b'[browser]\nexecutable = "\xff\xfe"\n')
    with pytest.raises(ConfigError) as caught:
        load(path, CATALOG)
    assert str(path) in str(caught.value)
    assert "not UTF-8 text" in str(caught.value)


@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_only_a_regular_file_is_read(kind: str, tmp_path: Path) -> None:
    """A FIFO would wait for a writer forever and /dev/zero never ends: neither is read."""
    if kind == "fifo":
        path = tmp_path / "config.toml"
        os.mkfifo(path)
    elif kind == "device":
        path = Path("/dev/zero")
    else:
        path = tmp_path
    with pytest.raises(ConfigError) as caught:
        load(path, CATALOG)
    assert str(path) in str(caught.value)
    assert "not a regular file" in str(caught.value)


def test_a_file_too_large_for_a_config_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("# " + "x" * MAX_SIZE + "\n")
    with pytest.raises(ConfigError) as caught:
        load(path, CATALOG)
    assert "larger than 1024 KiB" in str(caught.value)
    path.write_text("# " + "x" * (MAX_SIZE - 100) + "\n")
    assert load(path, CATALOG).path == path


# -- bad files: where and what ---------------------------------------------------------------


def test_malformed_toml_names_file_line_and_column(tmp_path: Path) -> None:
    """A TOML syntax error says the file, the line and the column of the fault."""
    text = "[browser]\nheadless = true\ntimeout = 30 30\n"
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load(path, CATALOG)
    exc = caught.value
    bad_line = line_of(text, "timeout")
    bad_column = text.splitlines()[bad_line - 1].rindex("30") + 1
    assert (exc.line, exc.column) == (bad_line, bad_column)
    assert str(exc).startswith(f"{path}:{bad_line}:{bad_column}:")
    assert "not valid TOML" in str(exc)
    assert "(at line" not in str(exc)  # tomllib's own position is not repeated


def test_unknown_top_level_key() -> None:
    """An unknown table is named, with its line and the tables that are allowed."""
    text = "[browser]\nheadless = true\n\n[colours]\nbackground = 1\n"
    exc = error(text)
    assert exc.key == "colours"
    assert exc.line == line_of(text, "[colours]")
    for allowed in ("browser", "platforms", "desired", "export"):
        assert allowed in exc.message


def test_unknown_browser_key_lists_allowed_keys() -> None:
    """A typo in [browser] names browser.KEY and lists the keys [browser] takes."""
    text = "[browser]\nheadless = true\nheadles = false\n"
    exc = error(text)
    assert exc.key == "browser.headles"
    assert exc.line == line_of(text, "headles =")
    for allowed in ("executable", "headless", "timeout", "pages"):
        assert allowed in exc.message


def test_bad_desired_value_names_key_path_values_and_line(tmp_path: Path) -> None:
    """``ai_training = "of"`` is caught with its key path, the allowed values and its line."""
    text = (
        "# my settings\n"
        "[browser]\n"
        "headless = true\n"
        "\n"
        "[desired.linkedin]\n"
        'research = "on"\n'
        'ai_training = "of"\n'
    )
    path = tmp_path / "config.toml"
    exc = error(text, path)
    assert exc.key == "desired.linkedin.ai_training"
    assert exc.line == line_of(text, "ai_training")
    message = str(exc)
    assert message.startswith(f"{path}:{exc.line}:")
    assert "desired.linkedin.ai_training" in message
    assert "'of'" in message
    assert "'on'" in message and "'off'" in message


@pytest.mark.parametrize(
    "text",
    [
        '[desired]\nlinkedin.ai_training = "of"\n',
        'desired = { linkedin = { ai_training = "of" } }\n',
    ],
    ids=["dotted-key", "inline-table"],
)
def test_bad_desired_value_in_other_spellings(text: str) -> None:
    """Dotted keys and inline tables get the same key path and the right line."""
    exc = error(text)
    assert exc.key == "desired.linkedin.ai_training"
    assert exc.line == line_of(text, "ai_training")


@pytest.mark.parametrize("value", ['"OFF"', "false", '"unknown"'])
def test_desired_takes_only_on_or_off(value: str) -> None:
    """Only "on" and "off" are desirable; other spellings and states are refused."""
    exc = error(f"[desired.linkedin]\nai_training = {value}\n")
    assert exc.key == "desired.linkedin.ai_training"


def test_unknown_platform() -> None:
    """A platform no plugin provides is named, with the known ones."""
    text = '[desired.myspace]\nai_training = "off"\n'
    exc = error(text)
    assert exc.key == "desired.myspace"
    assert "linkedin" in exc.message
    assert exc.line == line_of(text, "[desired.myspace]")


def test_unknown_platform_in_platforms() -> None:
    """An origin override for an unknown platform is refused too."""
    text = '[desired.linkedin]\nai_training = "off"\n\n[platforms.myspace]\norigin = "x"\n'
    exc = error(text)
    assert exc.key == "platforms.myspace"
    assert exc.line == line_of(text, "[platforms.myspace]")


def test_unknown_setting_lists_known_settings() -> None:
    """A setting key the plugin does not have is named, with the keys it does have."""
    text = '[desired.linkedin]\nresearch = "off"\nai_trainig = "off"\n'
    exc = error(text)
    assert exc.key == "desired.linkedin.ai_trainig"
    assert exc.line == line_of(text, "ai_trainig")
    for key in CATALOG["linkedin"]:
        assert key in exc.message


@pytest.mark.parametrize(
    "origin",
    ["127.0.0.1:8801", "ftp://127.0.0.1", "http://127.0.0.1:8801/settings", "http://"],
)
def test_bad_origin(origin: str) -> None:
    """An origin must be scheme://host[:port], nothing more."""
    text = f'[platforms.linkedin]\norigin = "{origin}"\n'
    exc = error(text)
    assert exc.key == "platforms.linkedin.origin"
    assert exc.line == line_of(text, "origin =")
    assert origin in exc.message


@pytest.mark.parametrize(
    ("origin", "why"),
    [
        ("http://127.0.0.1:99999", "its port 99999 is not from 1 to 65535"),
        ("http://127.0.0.1:0", "its port 0 is not from 1 to 65535"),
        ("http://127.0.0.1:", "a colon but no port"),
        ("http://127.0.0.1:http", "its port 'http' is not a number"),
        ("http://127.0.0.1:\uff18\uff10", "is not a number"),
        ("http://[::1", 'is not an origin like "https://host[:port]"'),
        ("http://[::1:8801", 'is not an origin like "https://host[:port]"'),
        ("http://[not-ipv6]:8801", "'[not-ipv6]' is not an IPv6 address"),
        ("http://999.0.0.1", "is not an IPv4 address"),
        ("https://ex!ample.com", "is not a host name"),
        ("https://a..b", "is not a host name"),
        ("https://www.linked\\u001b]0;x\\u0007in.com", "holds a control character"),
        ("https://www.linkedin.com\\u0000", "holds a control character"),
        ("https://www.linked\u202ein.com", "holds a control character"),
    ],
)
def test_an_origin_that_cannot_be_an_origin(origin: str, why: str) -> None:
    """Every part of an origin is checked: a port from 1 to 65535, an IP address that is
    one, a host name of letters, digits and dashes, no control character."""
    text = f'[platforms.linkedin]\n# where it is\norigin = "{origin}"\n'
    exc = error(text)
    assert exc.key == "platforms.linkedin.origin"
    assert exc.line == line_of(text, "origin =")
    assert why in exc.message
    assert not has_control(str(exc))


def test_a_huge_host_is_refused_and_quoted_short() -> None:
    host = "a" * 100_000 + ".example"
    exc = error(f'[platforms.linkedin]\norigin = "https://{host}"\n')
    assert "its host is 100008 characters long; a host name has at most 253" in exc.message
    assert len(str(exc)) < 300
    exc = error(f'[platforms.linkedin]\norigin = "https://me@{host}"\n')
    assert "user name or password" in exc.message and len(str(exc)) < 300


@pytest.mark.parametrize(
    "origin",
    [
        "https://www.linkedin.com",
        "http://127.0.0.1:8801/",
        "http://[::1]:8801",
        "http://substack.localhost:65535",
        "https://bücher.example",
        "https://www.linkedin.com.",
    ],
)
def test_an_origin_is_taken(origin: str) -> None:
    config = parse(f'[platforms.linkedin]\norigin = "{origin}"\n', CATALOG)
    assert config.origin("linkedin") == origin.rstrip("/")


def test_a_blog_is_named_only_for_a_setting_kept_per_blog() -> None:
    """``"key@blog"`` names one blog's copy of a setting kept per blog or site; for any
    other setting it is refused with its line, as is a name a page path cannot take."""
    catalog = catalog_of(registry.load()[0])
    text = '[desired.tumblr]\n"third_party_sharing@art-notes" = "off"\n'
    assert parse(text, catalog).desired == {"tumblr.third_party_sharing@art-notes": State.OFF}
    for text, why in [
        (
            '[desired.linkedin]\nresearch = "off"\n"ai_training@myblog" = "off"\n',
            "ai_training is not kept per blog or site",
        ),
        ('[desired.tumblr]\n"third_party_sharing@" = "off"\n', "names no blog or site"),
        ('[desired.tumblr]\n"third_party_sharing@../x" = "off"\n', "'../x' is not a blog"),
    ]:
        with pytest.raises(ConfigError) as caught:
            parse(text, catalog)
        assert why in caught.value.message
        assert caught.value.line == line_of(text, "@")


@pytest.mark.parametrize("part", ["a\\u0000b", "\\u001b]0;owned\\u0007", "a\\rb", "a\\u0085"])
def test_a_control_character_in_the_watch_command_is_refused(part: str) -> None:
    """A NUL cannot be passed to a command at all, and an escape sequence would act on the
    terminal that shows it; a tab or a line break (an `sh -c` script) is taken."""
    text = f'[watch]\nnotify = false\ncommand = ["notify", "{part}"]\n'
    exc = error(text)
    assert exc.key == "watch.command"
    assert exc.line == line_of(text, "command =")
    assert "part 2" in exc.message and "control character" in exc.message
    assert not has_control(str(exc))
    script = parse('[watch]\ncommand = ["sh", "-c", "a\\tb\\nc"]\n', CATALOG).watch.command
    assert script == ["sh", "-c", "a\tb\nc"]


def test_display_theme_is_dark_or_light() -> None:
    """[display] theme picks the checklist's colours; anything else names what is allowed."""
    assert parse("", CATALOG).display.theme == "dark"
    assert parse('[display]\ntheme = "light"\n', CATALOG).display.theme == "light"
    text = '[display]\ntheme = "solarized"\n'
    exc = error(text)
    assert exc.key == "display.theme"
    assert exc.line == line_of(text, "theme =")
    assert "'dark' or 'light'" in exc.message
    assert error('[display]\ncolours = "light"\n').key == "display.colours"


@pytest.mark.parametrize(
    ("origin", "shown"),
    [
        ("https://www.linkedin.com@evil.example", "'https://…@evil.example'"),
        ("http://me:pw-Xq7-secret@127.0.0.1:8801", "'http://…@127.0.0.1:8801'"),
        ("https://someone@www.linkedin.com", "'https://…@www.linkedin.com'"),
    ],
)
def test_origin_with_a_user_name_or_password_is_refused(origin: str, shown: str) -> None:
    """What stands before an @ is not the host (and may be a password): refused, not repeated."""
    text = f"[platforms.linkedin]\norigin = '{origin}'\n"
    exc = error(text)
    assert exc.key == "platforms.linkedin.origin"
    assert exc.line == line_of(text, "origin =")
    assert shown in exc.message and "user name or password" in exc.message
    assert "pw-Xq7-secret" not in str(exc) and "someone" not in str(exc)


@pytest.mark.parametrize(
    "origin", ["https://evil.example\\.linkedin.com", "http:\\\\127.0.0.1:8801"]
)
def test_origin_with_a_backslash_is_refused(origin: str) -> None:
    """Browsers read a backslash as a slash: such an origin is not what it looks like."""
    text = f"[platforms.linkedin]\norigin = '{origin}'\n"
    exc = error(text)
    assert exc.key == "platforms.linkedin.origin"
    assert "backslash" in exc.message


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ('headless = "yes"', "browser.headless"),
        ("timeout = -1", "browser.timeout"),
        ("timeout = 0", "browser.timeout"),
        ('timeout = "30"', "browser.timeout"),
        ("timeout = true", "browser.timeout"),
        ("timeout = inf", "browser.timeout"),
        ("timeout = nan", "browser.timeout"),
        ("timeout = -inf", "browser.timeout"),
        ("timeout = 1e12", "browser.timeout"),
        ("timeout = 3601", "browser.timeout"),
        ("pages = 0", "browser.pages"),
        ("pages = 2.5", "browser.pages"),
        ("pages = true", "browser.pages"),
        ("pages = 17", "browser.pages"),
        ("concurrency = 0", "browser.concurrency"),
        ("concurrency = 2.5", "browser.concurrency"),
        ("concurrency = 17", "browser.concurrency"),
        ("executable = 1", "browser.executable"),
    ],
)
def test_wrong_types_in_browser(line: str, key: str) -> None:
    """Each [browser] value of the wrong type or range is named with its line."""
    text = f"[browser]\n# how the browser runs\n{line}\n"
    exc = error(text)
    assert exc.key == key
    assert exc.line == 3
    assert str(exc).startswith(f"config:3:1: {key}:")


def test_a_long_timeout_within_the_limit_is_taken() -> None:
    assert parse("[browser]\ntimeout = 3600\n", CATALOG).browser.timeout == 3600


@pytest.mark.parametrize(
    "text",
    [
        "a = " + "[" * 1000 + "]" * 1000 + "\n",
        "a = " + "{b = " * 1000 + "1" + "}" * 1000 + "\n",
    ],
    ids=["arrays", "tables"],
)
def test_values_nested_a_thousand_deep_are_a_clear_error(text: str, tmp_path: Path) -> None:
    """Nesting that would exhaust the parser's recursion is a ConfigError, not a crash."""
    path = tmp_path / "deep.toml"
    path.write_text(text)
    with pytest.raises(ConfigError) as caught:
        load(path, CATALOG)
    assert str(caught.value).startswith(f"{path}:")
    assert "nested too deeply" in str(caught.value)


def test_table_where_a_value_was_expected() -> None:
    """``desired = "off"`` says [desired] must be a table."""
    exc = error('desired = "off"\n')
    assert exc.key == "desired"
    assert "table" in exc.message


def test_export_round_trip_tables_are_accepted() -> None:
    """[meta] and [results] (what an export writes) are allowed; unknown result keys are not."""
    good = (
        '[meta]\nversion = "0.1.0"\n'
        '[results.linkedin.ai_training]\nstate = "off"\ndetail = "Switch is off."\n'
    )
    parse(good, CATALOG)
    exc = error(good + 'colour = "red"\n')
    assert exc.key == "results.linkedin.ai_training.colour"


# -- where the config is ------------------------------------------------------------------------


def test_locate_prefers_the_argument(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """``--config PATH`` wins over $PRIVACY_TUI_CONFIG, and the file is then required."""
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "from-env.toml"))
    assert locate(tmp_path / "from-arg.toml") == (tmp_path / "from-arg.toml", True)


def test_locate_uses_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Without ``--config``, $PRIVACY_TUI_CONFIG names the file, which is then required."""
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "from-env.toml"))
    assert locate(None) == (tmp_path / "from-env.toml", True)


def test_locate_falls_back_to_the_user_config_folder(
    monkeypatch: pytest.MonkeyPatch, isolated_home: Path
) -> None:
    """With neither, the user config folder is used, and the file may be missing."""
    monkeypatch.delenv(ENV_VAR, raising=False)
    path, required = locate(None)
    assert required is False
    assert path == default_path()
    assert path.name == "config.toml"
    assert path.is_relative_to(isolated_home)  # XDG_CONFIG_HOME, as the fixture set it


def test_an_empty_config_argument_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """``--config ""`` names no file: refused, never taken for the default file."""
    monkeypatch.delenv(ENV_VAR, raising=False)
    with pytest.raises(ConfigError) as caught:
        locate("")
    assert "--config names no file" in str(caught.value)


def test_an_empty_environment_variable_counts_as_not_set(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``PRIVACY_TUI_CONFIG=`` is how a shell clears a variable: the default file is used."""
    monkeypatch.setenv(ENV_VAR, "")
    assert locate(None) == (default_path(), False)


def test_locate_expands_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """``~`` in the argument or the variable means the user's home."""
    monkeypatch.setenv("HOME", str(tmp_path))
    assert locate("~/a.toml")[0] == tmp_path / "a.toml"
    monkeypatch.setenv(ENV_VAR, "~/b.toml")
    assert locate(None)[0] == tmp_path / "b.toml"


def test_the_example_config_loads_and_shows_every_default() -> None:
    """config.example.toml is a working config whose values are the real defaults.

    It names every installed plugin's origin and every setting with the recommended
    preset's wish ("any" for a convenience).
    """
    example = ROOT / "config.example.toml"
    plugins, problems = registry.load()
    assert problems == []
    catalog = {cls.name: {s.key for s in cls.settings} for cls in plugins}
    loaded = load(example, catalog)
    assert loaded.browser == BrowserConfig()
    settings = [s for cls in plugins for s in cls.settings]
    for cls in plugins:
        if all(s.kind is Kind.MANUAL for s in cls.settings):
            continue  # nothing is visited, so there is no origin to set
        assert loaded.platforms[cls.name].origin == cls.default_origin
        assert loaded.platforms[cls.name].enabled is True
    assert set(loaded.desired) == {s.id for s in settings}
    assert all(loaded.desired[s.id] == RECOMMENDED.value(s) for s in settings)
    assert loaded.export_path == "privacy-tui-export.toml"
    assert loaded.display.theme == "dark"
    assert "theme" in loaded.raw["display"]
