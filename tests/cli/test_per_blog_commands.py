"""Per-blog settings in the headless commands.

`apply` plans each blog found on the account, `--only` takes one blog's id as
`check` prints it, and `export` keeps each blog's reading. The commands run on
the demo, whose Tumblr, WordPress.com and Substack accounts have two blogs each,
every switch the other way from the recommendation.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from automation import registry
from automation.domain.settings import State
from automation.engine.core import Engine
from automation.files.config import parse
from automation.plugins.tumblr import Tumblr
from tests.cli.test_cli import no_traceback, run

TUMBLR = "tumblr.third_party_sharing"
WORDPRESS = "wordpress.third_party_sharing"
SUBSTACK = "substack.block_ai_training"
BLOGS = {
    f"{TUMBLR}@myblog",
    f"{TUMBLR}@art-notes",
    f"{WORDPRESS}@myblog.wordpress.com",
    f"{WORDPRESS}@photos.example.org",
    f"{SUBSTACK}@mynewsletter",
    f"{SUBSTACK}@weekly-notes",
}


def test_a_blogs_id_is_known_before_the_blogs_are_listed() -> None:
    """The engine makes one blog's copy from its id; a name that could leave the page is refused."""
    engine = Engine([Tumblr("http://127.0.0.1:9")])
    blog = engine.setting(f"{TUMBLR}@art-notes")
    assert blog.id == f"{TUMBLR}@art-notes" and blog.per is None
    assert blog.switch is not None and "art-notes" in blog.switch.path
    for bad in (f"{TUMBLR}@../account", f"{TUMBLR}@a/b", f"{TUMBLR}@", "tumblr.nope@x"):
        with pytest.raises(KeyError):
            engine.setting(bad)


@pytest.mark.browser
def test_apply_plans_every_blog_of_a_per_blog_setting(chromium: str) -> None:
    done = run(
        "apply", "--demo", "--preset", "recommended", "--dry-run", "--json",
        "--only", TUMBLR, WORDPRESS, SUBSTACK,
    )  # fmt: skip
    assert done.returncode == 1, done.stdout + done.stderr
    rows = {r["id"]: r for r in json.loads(done.stdout)["settings"]}
    assert set(rows) == BLOGS
    for row in rows.values():
        assert (row["result"], row["found"], row["wanted"]) == ("would change", "off", "on"), row


@pytest.mark.browser
def test_only_takes_one_blogs_id(chromium: str, tmp_path: Path) -> None:
    one = f"{TUMBLR}@art-notes"
    done = run("check", "--demo", "--only", one, "--json")
    assert done.returncode == 1, done.stdout + done.stderr
    assert [(r["id"], r["state"], r["desired"]) for r in json.loads(done.stdout)] == [
        (one, "off", "on")
    ]

    done = run("apply", "--demo", "--preset", "recommended", "--only", one, "--yes", "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    rows = json.loads(done.stdout)["settings"]
    assert [(r["id"], r["result"], r["now"], r["verified"]) for r in rows] == [
        (one, "changed", "on", True)
    ]

    # A blog's own value in [desired] wins over its setting's value.
    config = tmp_path / "c.toml"
    config.write_text(
        '[desired.tumblr]\nthird_party_sharing = "on"\n"third_party_sharing@art-notes" = "off"\n'
    )
    done = run(
        "apply", "--demo", "--config", str(config), "--dry-run", "--json", "--only", "tumblr"
    )
    assert done.returncode == 1, done.stdout + done.stderr
    rows = {r["id"]: r for r in json.loads(done.stdout)["settings"]}
    assert rows[f"{TUMBLR}@myblog"]["result"] == "would change"
    assert rows[one]["result"] == "left" and rows[one]["wanted"] == "off"
    no_traceback(done)


@pytest.mark.browser
def test_export_keeps_each_blogs_reading(chromium: str, tmp_path: Path) -> None:
    target = tmp_path / "out.toml"
    # The blogs' platforms alone (--only before the command: export has none of its own).
    done = run("--only", "tumblr", "wordpress", "substack", "--demo", "export", str(target))
    assert done.returncode == 0, done.stdout + done.stderr
    text = target.read_text()
    data = tomllib.loads(text)
    for blog in BLOGS:
        platform, key = blog.split(".", 1)
        assert data["results"][platform][key]["state"] == "off", blog
        assert data["desired"][platform][key] == "on", blog
    plugins, _ = registry.load()
    loaded = parse(text, {cls.name: {s.key for s in cls.settings} for cls in plugins})
    assert all(loaded.desired[blog] is State.ON for blog in BLOGS)
