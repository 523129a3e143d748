"""The map in a real browser: Debian's chromium, headless, with no network.

The map made by ``geomap run`` from the bundled sample dispatches must load
with no error, draw one marker per incident, hide a layer's markers when the
layer is switched off, hide events outside the date range (in clusters too),
and show hostile article text as text.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from geomap._data import data_dir
from geomap.cli import cli
from geomap.export.readers import read_events
from geomap.ingest import read_articles
from geomap.render import write_fragment, write_map
from geomap.render.browser import CHROMIUM, chromium_available, headless_chromium, wait_for_map

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not chromium_available(),
        reason=f"{CHROMIUM} is not installed (apt-get install chromium chromium-driver)",
    ),
]

HOSTILE_FILE = "frontline_digest_2018-12-04_northern_hama.html"
TILE_HOST = "tile.openstreetmap.org"


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("run")
    res = CliRunner().invoke(cli, ["run", "--out", str(out)])
    assert res.exit_code in (0, 3), res.output
    return out


@pytest.fixture(scope="module")
def incidents(run_dir: Path) -> list[dict[str, Any]]:
    feats = json.loads((run_dir / "events.geojson").read_text(encoding="utf-8"))["features"]
    return [f["properties"] for f in feats if not f["properties"].get("duplicate_of")]


@pytest.fixture(scope="module")
def driver() -> Any:
    with headless_chromium(offline=True) as d:
        yield d


def _open(driver: Any, path: Path) -> None:
    driver.get(path.resolve().as_uri())
    wait_for_map(driver)


def _severe(driver: Any) -> list[str]:
    """Severe console entries, except failed tile downloads (the test browser has no network)."""
    return [
        e["message"]
        for e in driver.get_log("browser")
        if e["level"] == "SEVERE" and not (e["source"] == "network" and TILE_HOST in e["message"])
    ]


def _js(driver: Any, script: str, *args: Any) -> Any:
    return driver.execute_script(script, *args)


def test_sample_map_loads_offline_with_no_console_error(driver: Any, run_dir: Path) -> None:
    _open(driver, run_dir / "map.html")
    time.sleep(0.3)
    assert _severe(driver) == []
    assert _js(driver, "return window.__errors") == []
    assert _js(driver, "return window.__alerts") == []
    # everything the page loaded came from the file itself, except the (failing) online tiles
    urls = _js(
        driver,
        "return performance.getEntriesByType('resource').map(function (r) { return r.name; })",
    )
    assert [u for u in urls if not u.startswith(("data:", "file:", "blob:")) and TILE_HOST not in u] == []


def test_one_marker_per_event(driver: Any, run_dir: Path, incidents: list[dict[str, Any]]) -> None:
    _open(driver, run_dir / "map.html")
    ids = _js(driver, "return geomap.markers()")
    assert sorted(ids) == sorted(p["event_id_cnty"] for p in incidents)
    assert _js(driver, "return geomap.visibleCount()") == len(incidents)
    # what is drawn: single markers plus the numbers on the clusters
    assert _js(driver, "return geomap.renderedCount()") == len(incidents)


def test_switching_a_layer_off_hides_its_markers(driver: Any, run_dir: Path, incidents: list[dict[str, Any]]) -> None:
    _open(driver, run_dir / "map.html")
    layer = _js(driver, "return geomap.layers()")[0]
    assert layer["count"] == Counter(p["actor1"] or "Unknown actor" for p in incidents)[layer["name"]]
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    ActionChains(driver).move_to_element(driver.find_element(By.CSS_SELECTOR, ".leaflet-control-layers")).perform()
    labels = driver.find_elements(By.CSS_SELECTOR, ".leaflet-control-layers-overlays label")
    label = next(lb for lb in labels if layer["name"] in lb.text)
    label.find_element(By.TAG_NAME, "input").click()
    assert _js(driver, "return geomap.visibleCount()") == len(incidents) - layer["count"]
    assert _js(driver, "return geomap.renderedCount()") == len(incidents) - layer["count"]
    assert not _js(driver, "return geomap.layers()")[0]["shown"]
    label.find_element(By.TAG_NAME, "input").click()
    assert _js(driver, "return geomap.renderedCount()") == len(incidents)


def test_date_range_hides_events_outside_it_in_clusters_too(
    driver: Any, run_dir: Path, incidents: list[dict[str, Any]]
) -> None:
    _open(driver, run_dir / "map.html")
    dated = sorted(p["event_date"] for p in incidents if p["event_date"][:4].isdigit())
    undated = len(incidents) - len(dated)
    lo, hi = dated[len(dated) // 4], dated[len(dated) // 2]
    inside = sum(lo <= d <= hi for d in dated)
    assert 0 < inside < len(dated)
    # through the two date inputs, as a reader would
    _js(
        driver,
        """
        var inputs = document.querySelectorAll('.geomap-dates input[type=date]');
        inputs[0].value = arguments[0]; inputs[0].dispatchEvent(new Event('change'));
        inputs[1].value = arguments[1]; inputs[1].dispatchEvent(new Event('change'));""",
        lo,
        hi,
    )
    assert _js(driver, "return geomap.range()") == [lo, hi]
    assert _js(driver, "return geomap.visibleCount()") == inside + undated
    assert _js(driver, "return geomap.renderedCount()") == inside + undated
    if undated:
        _js(driver, "document.querySelector('.geomap-undated input').click()")
        assert _js(driver, "return geomap.renderedCount()") == inside
    count_text = _js(driver, "return document.querySelector('.geomap-count').textContent")
    assert count_text.startswith(f"{_js(driver, 'return geomap.visibleCount()')} of {len(incidents)}")
    # the slider and the play button move the range too
    _js(driver, "geomap.setRange(null, null, true)")
    assert _js(driver, "return geomap.renderedCount()") == len(incidents)
    _js(driver, "document.querySelector('.geomap-play').click()")
    assert _js(driver, "return geomap.visibleCount()") < len(incidents)
    _js(driver, "document.querySelector('.geomap-play').click()")


def test_hostile_article_text_stays_text(driver: Any, run_dir: Path, tmp_path: Path) -> None:
    articles, _ = read_articles([data_dir() / "samples" / HOSTILE_FILE])
    text = articles[0].text
    sentences = {}
    for needle in ("<script>alert(1)</script>", "<img src=x onerror=alert(2)>"):
        at = text.index(needle)  # the extracted text holds the literal markup
        start = text.rfind(". ", 0, at)
        start = 0 if start < 0 else start + 2
        end = text.find(".", at + len(needle))
        sentences[needle] = text[start : end + 1]
    events = [e for e in read_events(run_dir / "events.geojson") if e.article_id == articles[0].id]
    assert len(events) >= 2
    # the dispatch's own events, carrying its hostile sentences (whatever the splitter keeps)
    hostile = [
        replace(events[0], sentence=sentences["<script>alert(1)</script>"]),
        replace(
            events[1],
            sentence=sentences["<img src=x onerror=alert(2)>"],
            actor1="<img src=x onerror=alert(3)>",
        ),
    ]
    page = write_map(hostile, tmp_path / "hostile.html", articles=articles)
    _open(driver, page)
    for e, needle in zip(hostile, sentences, strict=True):
        driver.execute_async_script(
            """
            var cb = arguments[arguments.length - 1];
            geomap.openPopup(arguments[0], function () {
              setTimeout(function () { cb(true); }, 50);
            });""",
            e.event_id,
        )
        popup = _js(
            driver,
            "var ps = document.querySelectorAll('.leaflet-popup-content'), p = ps[ps.length - 1];"
            "return p && {text: p.textContent, tags: p.querySelectorAll('script, img').length};",
        )
        assert popup is not None
        assert needle in popup["text"]
        assert popup["tags"] == 0
    assert "<script>" in sentences["<script>alert(1)</script>"]
    label_text = _js(driver, "return document.querySelector('.leaflet-control-layers-overlays').textContent")
    assert "<img src=x onerror=alert(3)>" in label_text
    time.sleep(0.2)
    assert _js(driver, "return window.__alerts") == []
    assert _js(driver, "return document.querySelectorAll('.leaflet-container img[src=x]').length") == 0
    assert _severe(driver) == []


def test_the_popup_date_says_how_it_was_found(driver: Any, tmp_path: Path, run_dir: Path) -> None:
    [base] = read_events(run_dir / "events.geojson")[:1]
    events = [
        replace(base, event_id="D-PUB", event_date="2019-08-21", time_precision=2, date_flag="article-date"),
        replace(base, event_id="D-NONE", event_date="", time_precision=None, date_flag="unknown", latitude=35.2),
    ]
    page = write_map(events, tmp_path / "dates.html", tiles=None)
    _open(driver, page)
    texts = {}
    for e in events:
        driver.execute_async_script(
            "var cb = arguments[arguments.length - 1];"
            "geomap.openPopup(arguments[0], function () { setTimeout(function () { cb(true); }, 50); });",
            e.event_id,
        )
        texts[e.event_id] = _js(
            driver,
            "var ps = document.querySelectorAll('.leaflet-popup-content'), p = ps[ps.length - 1];"
            "var th = p ? p.querySelectorAll('th') : [];"
            "for (var i = 0; i < th.length; i++) { if (th[i].textContent === 'Date') {"
            " return th[i].nextSibling.textContent; } } return null;",
        )
    assert texts == {
        "D-PUB": "2019-08-21 (the article's publication date: the text gives no day)",
        "D-NONE": "no date: neither the text nor the article gives one",
    }


def test_a_joined_records_popup_says_what_its_check_found(driver: Any, tmp_path: Path, run_dir: Path) -> None:
    [base] = read_events(run_dir / "events.geojson")[:1]
    record = replace(
        base,
        event_id="R-1",
        article_id="acled.csv:4",
        sources=("acled.csv:4",),
        article_title="",
        url="",
        source="Frontline Desk",
        date_flag="record",
        flags="swapped-lat-lon",
    )
    page = write_map([record], tmp_path / "record.html", tiles=None)
    _open(driver, page)
    driver.execute_async_script(
        "var cb = arguments[arguments.length - 1];"
        "geomap.openPopup(arguments[0], function () { setTimeout(function () { cb(true); }, 50); });",
        "R-1",
    )
    rows, sources = _js(
        driver,
        "var ps = document.querySelectorAll('.leaflet-popup-content'), p = ps[ps.length - 1], rows = {};"
        "p.querySelectorAll('th').forEach(function (th) { rows[th.textContent] = th.nextSibling.textContent; });"
        "return [rows, p.querySelector('.geomap-sources').textContent];",
    )
    assert rows["Check"] == "the record's latitude and longitude were swapped; put right"
    assert sources == "acled.csv:4 \u2014 Frontline Desk"


def test_clicking_a_marker_opens_its_popup(driver: Any, tmp_path: Path, run_dir: Path) -> None:
    events = read_events(run_dir / "events.geojson")[:1]
    page = write_map(events, tmp_path / "one.html", tiles=None)
    _open(driver, page)
    from selenium.webdriver.common.by import By

    driver.find_element(By.CSS_SELECTOR, ".geomap-icon").click()
    text = _js(
        driver,
        "var p = document.querySelector('.leaflet-popup-content'); return p && p.textContent",
    )
    assert text and events[0].location in text and events[0].event_date in text


def test_heat_layer_fragment_and_report(
    driver: Any, tmp_path: Path, run_dir: Path, incidents: list[dict[str, Any]]
) -> None:
    # the heat layer draws when ticked
    _open(driver, run_dir / "map.html")
    _js(
        driver,
        """
        var labels = document.querySelectorAll('.leaflet-control-layers-overlays label');
        for (var i = 0; i < labels.length; i++) {
          if (labels[i].textContent.indexOf('Heat map') >= 0) {
            labels[i].querySelector('input').click();
          }
        }""",
    )
    assert _js(driver, "return document.querySelectorAll('canvas.leaflet-heatmap-layer').length") == 1
    # a map whose events are embedded gzipped (as large maps are) reads them back
    packed = write_map(read_events(run_dir / "events.geojson"), tmp_path / "packed.html", tiles=None, compress=True)
    _open(driver, packed)
    assert _js(driver, "return geomap.renderedCount()") == len(incidents)
    # an embedded fragment works inside another page
    frag = write_fragment(read_events(run_dir / "events.geojson"), tmp_path / "frag.html", tiles=None)
    host = tmp_path / "host.html"
    host.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>host</title></head><body>"
        "<h1>Our page</h1>" + frag.read_text(encoding="utf-8") + "<p>after</p></body></html>",
        encoding="utf-8",
    )
    _open(driver, host)
    assert _js(driver, "return geomap.visibleCount()") == len(incidents)
    assert _js(driver, "return getComputedStyle(document.body).margin") != "0px"  # host styles untouched
    # the report opens with its map in an iframe
    driver.get((run_dir / "report.html").resolve().as_uri())
    driver.switch_to.frame(driver.find_element("css selector", "iframe.map"))
    wait_for_map(driver)
    assert _js(driver, "return geomap.visibleCount()") == len(incidents)
    driver.switch_to.default_content()
    assert _severe(driver) == []
