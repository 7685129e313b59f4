"""Reading loads only what it needs: no pictures, fonts or media, and no other host's
requests (no tracker learns that a check ran)."""

from __future__ import annotations

from pathlib import Path

import pytest

from automation.plugins.linkedin import LinkedIn
from automation.runtime import build


def test_a_real_origin_allows_its_own_site_and_its_asset_hosts_only() -> None:
    plugin = LinkedIn("https://www.linkedin.com")
    assert plugin.first_party("https://www.linkedin.com/mypreferences/d/settings/x")
    assert plugin.first_party("https://platform.linkedin.com/js/x.js")
    for host in LinkedIn.asset_hosts:
        assert plugin.first_party(f"https://static.{host}/sc/h/app.js")
    assert not plugin.first_party("https://analytics.example.net/collect.js")
    assert not plugin.first_party("https://www.linkedin.com.tracker.example/x.js")
    assert not plugin.first_party("https://notlinkedin.com/x.js")
    assert plugin.first_party("data:image/png;base64,AAAA")


def test_a_replica_on_this_machine_allows_its_own_origin_alone() -> None:
    plugin = LinkedIn("http://127.0.0.1:8801")
    assert plugin.first_party("http://127.0.0.1:8801/static/bundle.js")
    assert not plugin.first_party("http://127.0.0.1:8802/collect.js")
    assert not plugin.first_party("http://localhost:8801/x.js")


@pytest.mark.browser
@pytest.mark.parametrize("light", [True, False])
async def test_a_check_reaches_no_third_party_host(
    chromium: str, tmp_path: Path, light: bool
) -> None:
    """With the replicas' pages calling an analytics host on another port, a full check
    sends it nothing; loading pages whole (``light = false``) shows the test can fail."""
    runtime = build(demo=True, log=tmp_path / "run.log")
    try:
        assert runtime.demo is not None and runtime.demo.tracker is not None
        engine = runtime.engine
        engine.options.light = light
        ids = [s.id for s in runtime.settings if s.switch is not None]
        if not light:
            ids = ids[:2]
        readings = await engine.check(ids)
        await engine.close()
        assert all(r.state.is_value for r in readings), [r.detail for r in readings]
        hits = list(runtime.demo.tracker.hits)
    finally:
        await runtime.engine.close()
        runtime.close()
    if light:
        assert hits == []
    else:
        assert hits, "pages loaded whole call the tracker"
