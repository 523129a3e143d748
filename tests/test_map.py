"""The interactive map as normalised HTML (layers, escaping, offline, data); and `geomap map`."""

from __future__ import annotations

import base64
import csv
import gzip
import json
import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from geomap.cli import cli
from geomap.export import write_events_csv, write_geojson
from geomap.export.table import ACLED_COLUMNS, event_row
from geomap.models import Article, Event, Mention, Place
from geomap.render import build_map, map_fragment, popup_html, write_map
from geomap.render.payload import event_layers, highlight, map_payload, to_script_json

HOSTILE_SENTENCE = "Near Morek the site showed only <script>alert(1)</script> & <img src=x onerror=alert(2)>."


def _event(n: int, **kw: object) -> Event:
    base = dict(
        event_id=f"SYR-T{n:04d}",
        article_id=f"art-{n % 3}",
        event_date=f"2018-11-{1 + n % 28:02d}",
        time_precision=1,
        event_type="Battles",
        sub_event_type="Armed clash",
        disorder_type="Political violence",
        actor1="Syrian Arab Army",
        actor2="Hayat Tahrir al-Sham",
        location="Morek",
        latitude=35.37 + n * 0.01,
        longitude=36.69 + n * 0.01,
        geo_precision=1,
        admin1="Hama",
        sentence=f"On Sunday clashes broke out near Morek ({n}).",
        sources=(f"art-{n % 3}",),
        article_title=f"Dispatch {n % 3}",
        url=f"https://example.org/{n % 3}",
        source="Test Wire",
    )
    base.update(kw)
    return Event(**base)  # type: ignore[arg-type]


EVENTS = [
    _event(1),
    _event(
        2,
        actor1="Islamic State",
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
    ),
    _event(3, actor1="Syrian Democratic Forces", event_date="2018-12-20"),
    _event(4, actor1="", event_type="Protests", sub_event_type="Peaceful protest"),
    _event(5, event_date="--10-11"),
]


def _normalise(html: str) -> str:
    return re.sub(r"\s+", " ", html)


def _data(html: str) -> dict:
    m = re.search(
        r'<script type="application/json" id="geomap-data-[0-9a-f]+"'
        r'( data-encoding="gzip\+base64")?>(.*?)</script>',
        html,
        re.S,
    )
    assert m, "the event data is embedded once as JSON"
    if m.group(1):
        return json.loads(gzip.decompress(base64.b64decode(m.group(2))))
    return json.loads(m.group(2))


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _html(events: list[Event] = EVENTS, **kw: object) -> str:
    return build_map(events, **kw).get_root().render()


# -- layers and marker data ----------------------------------------------------------------------


def test_one_layer_per_actor_with_counts_in_the_layer_control() -> None:
    page = _normalise(_html())
    data = _data(page)
    names = [ly["name"] for ly in data["layers"]]
    assert names == [
        "Syrian Arab Army",
        "Islamic State",
        "Syrian Democratic Forces",
        "Unknown actor",
    ]
    assert [ly["count"] for ly in data["layers"]] == [2, 1, 1, 1]
    control = page[page.index("base_layers") :]
    for name in names:
        assert name in control
    assert '\\u003cspan class=\\"geomap-layer-count\\"\\u003e(2)' in control


def test_marker_data_has_one_entry_per_event() -> None:
    data = _data(_html())
    assert data["n"] == len(EVENTS)
    assert all(len(col) == len(EVENTS) for col in data["cols"].values())
    assert data["cols"]["id"] == [e.event_id for e in EVENTS]
    assert data["cols"]["lat"][0] == round(EVENTS[0].latitude * 1e5)
    assert data["cols"]["lon"][0] == round(EVENTS[0].longitude * 1e5)


def test_layer_by_side_and_by_period() -> None:
    assert event_layers(EVENTS, layer_by="side") == [
        "Syrian government",
        "Jihadist groups",
        "Kurdish-led (SDF)",
        "Unknown or unidentified",
        "Syrian government",
    ]
    weeks = event_layers(EVENTS, layer_by="period", period="week")
    assert weeks[0] == "Week of 2018-10-29" and weeks[-1] == "Undated"
    months = event_layers(EVENTS, layer_by="period", period="month")
    assert months[:3] == [
        "2018-11 (November 2018)",
        "2018-11 (November 2018)",
        "2018-12 (December 2018)",
    ]
    data = _data(_html(layer_by="period"))
    assert [ly["name"] for ly in data["layers"]][-1] == "Undated"
    with pytest.raises(ValueError, match="layer_by"):
        build_map(EVENTS, layer_by="colour")


def test_the_popup_says_how_each_date_was_found() -> None:
    # The Date row says what happened: the publication date is that (not "within a week,
    # coded to its middle"), and an event with no date claims no precision at all.
    events = [
        _event(1, event_date="2019-08-20", time_precision=1, date_flag="exact"),
        _event(2, event_date="2019-08-21", time_precision=2, date_flag="article-date"),
        _event(3, event_date="", time_precision=None, date_flag="unknown"),
        _event(4, event_date="2019-08-15", time_precision=3, date_flag="record"),
        _event(5, event_date="2019-08-19", time_precision=1, date_flag="relative"),
    ]
    data = _data(_html(events))
    strings, cols = data["strings"], data["cols"]
    when = dict(zip(cols["id"], (strings[k] for k in cols["when"]), strict=True))
    assert when == {
        "SYR-T0001": "exact day",
        "SYR-T0002": "the article's publication date: the text gives no day",
        "SYR-T0003": "no date: neither the text nor the article gives one",
        "SYR-T0004": "month only, coded to its middle",
        "SYR-T0005": "exact day, counted from the article's date",
    }
    assert "tp" not in cols
    assert "<td>no date: neither the text nor the article gives one</td>" in popup_html(events[2])
    pub = popup_html(events[1])
    assert "2019-08-21 (the article&#x27;s publication date: the text gives no day)" in pub and "week" not in pub


def test_duplicate_records_are_not_markers_but_their_accounts_are_in_the_popup_data() -> None:
    dup = _event(
        9,
        article_id="art-other",
        duplicate_of=EVENTS[0].event_id,
        sentence="Another account of Morek.",
    )
    data = _data(_html([*EVENTS, dup]))
    assert data["n"] == len(EVENTS)
    alt = data["cols"]["alt"][0]
    assert [a[2] for a in alt] == ["Another account of Morek."]


def test_sources_of_a_merged_event_are_all_listed() -> None:
    arts = [
        Article(
            id="a1",
            title="First <b>report</b>",
            text="",
            outlet="Wire A",
            url="https://a.example/1",
        ),
        Article(id="a2", title="Second report", text="", outlet="Wire B", url="javascript:alert(1)"),
    ]
    e = _event(1, article_id="a1", sources=("a1", "a2"))
    data = _data(_html([e], articles=arts))
    assert [data["articles"][i][0] for i in data["cols"]["src"][0]] == ["a1", "a2"]


def test_place_name_is_highlighted_as_the_sentence_spells_it() -> None:
    assert (
        highlight("Shelling hit Ma'arrat al-Nu'man today.", ["Maarat al-Nouman", "ma'arrat al-nu'man"])
        == "Ma'arrat al-Nu'man"
    )
    place = Place(id="p:1", name="Saraqib", lat=35.86, lon=36.8)
    e = _event(1, location="Saraqib", place_id="p:1", sentence="A drone struck Saraqeb.")
    m = Mention(article_id=e.article_id, start=0, end=7, surface="Saraqeb", place=place, status="resolved")
    data = _data(_html([e], mentions=[m]))
    assert data["strings"][data["cols"]["hl"][0]] == "Saraqeb"


# -- hostile text ------------------------------------------------------------------------------


def test_article_text_is_escaped_everywhere() -> None:
    hostile = _event(
        1,
        sentence=HOSTILE_SENTENCE,
        actor1="<img src=x onerror=alert(3)>",
        location="<b>Morek</b>",
        article_title="</script><script>alert(4)</script>",
        url="javascript:alert(5)",
        source="Wire <i>x</i>",
    )
    page = _html([hostile], title="<script>alert(6)</script>")
    for raw in ("<script>alert", "<img src=x", "</script><script>", "<b>Morek", "<i>x</i>"):
        assert raw not in page, raw
    assert "<title>&lt;script&gt;alert(6)&lt;/script&gt;</title>" in page
    # the text is kept (shown as text by the map's JavaScript), only its markup is neutralised
    data = _data(page)
    assert data["cols"]["sent"][0] == HOSTILE_SENTENCE
    assert data["layers"][0]["name"] == "<img src=x onerror=alert(3)>"
    # Leaflet's layer control inserts names as HTML: they are HTML-escaped before JSON-escaping
    assert "\\u0026lt;img src=x onerror=alert(3)\\u0026gt;" in page
    assert "<" not in to_script_json({"a": "</script>"})


def test_template_syntax_in_article_text_is_not_evaluated() -> None:
    # folium compiles its macros' output as Jinja templates: article text must never get there
    odd = _event(
        1,
        sentence="Graffiti read {{ 7*7 }} and {% raw %} near Morek.",
        actor1="{{ config }} {%",
        location="{# x",
    )
    page = _html([odd])
    data = _data(page)
    assert data["cols"]["sent"][0] == "Graffiti read {{ 7*7 }} and {% raw %} near Morek."
    assert data["layers"][0]["name"] == "{{ config }} {%"
    # the layer-control label: braces as HTML entities (then JSON-escaped: & is \u0026)
    assert "\\u0026#123;\\u0026#123; config \\u0026#125;\\u0026#125; \\u0026#123;%" in page
    assert "49" not in data["cols"]["sent"][0]


def test_popup_html_escapes() -> None:
    out = popup_html(_event(1, sentence=HOSTILE_SENTENCE))
    assert "<script>" not in out and "&lt;script&gt;alert(1)&lt;/script&gt;" in out


# -- offline and self-contained ------------------------------------------------------------------


def test_no_external_scripts_or_styles() -> None:
    page = _html(tiles=None)
    tags = _Tags()
    tags.feed(page)
    assert not [a for t, a in tags.tags if t == "script" and a.get("src")]
    assert not [a for t, a in tags.tags if t == "link"]
    low = page.lower()
    for needle in (
        "cdn.jsdelivr",
        "cdnjs",
        "code.jquery",
        "bootstrap",
        "font-awesome",
        "fontawesome",
        "@import",
        "url(http",
        "url('http",
        'url("http',
    ):
        assert needle not in low, needle
    assert "L.markerClusterGroup" in page and "L.heatLayer" in page and "geomapInit(" in page
    assert "tileLayer(" not in page


def test_default_tiles_are_online_with_the_outline_basemap_underneath() -> None:
    page = _normalise(_html())
    assert "tile.openstreetmap.org" in page
    assert "Outlines only (offline)" in page
    assert re.search(r'<script type="application/json" id="geomap-outlines-[0-9a-f]+">', page)


def test_unknown_tiles_name_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="tile source"):
        build_map(EVENTS, tiles="No Such Provider 123")


def test_same_events_give_the_same_file(tmp_path: Path) -> None:
    a = write_map(EVENTS, tmp_path / "a.html").read_bytes()
    b = write_map(EVENTS, tmp_path / "b.html").read_bytes()
    assert a == b


def test_events_without_a_point_are_left_off() -> None:
    data = _data(_html([EVENTS[0], _event(7, latitude=float("nan"))]))
    assert data["cols"]["id"] == [EVENTS[0].event_id]


def test_empty_map_still_renders() -> None:
    data = _data(_html([]))
    assert data["n"] == 0 and data["layers"] == []


def test_fragment_is_one_div_without_page_styles() -> None:
    frag = map_fragment(EVENTS, tiles=None, height="480px")
    assert frag.startswith('<div class="geomap-embed" style="position:relative;width:100%;height:480px">')
    assert frag.rstrip().endswith("</div>")
    for needle in ("<html", "<body", "<head", "html, body"):
        assert needle not in frag
    assert _data(frag)["n"] == len(EVENTS)


def test_map_displays_itself_in_a_notebook() -> None:
    out = build_map(EVENTS, tiles=None)._repr_html_()
    assert "<iframe" in out


def test_large_maps_embed_their_events_gzipped() -> None:
    events = [_event(i) for i in range(50)]
    plain, packed = _html(events, compress=False), _html(events, compress=True)
    assert 'data-encoding="gzip+base64">' in packed and 'data-encoding="gzip+base64">' not in plain
    assert _data(packed) == _data(plain)
    assert "Morek (1)" not in packed.split("geomap-data-", 1)[1]


def test_payload_is_compact() -> None:
    events = [_event(i, sentence="x" * 100) for i in range(2000)]
    per_event = len(to_script_json(map_payload(events))) / len(events)
    assert per_event < 260


# -- reading events files back: `geomap map` ----------------------------------------------------


def _acled_csv(path: Path, events: list[Event], *, upper: bool) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow([c.upper() if upper else c for c in ACLED_COLUMNS])
        for e in events:
            row = event_row(e)
            w.writerow(["" if row[c] is None else row[c] for c in ACLED_COLUMNS])


@pytest.mark.parametrize("kind", ["geojson", "csv", "acled-lower", "acled-upper"])
def test_geomap_map_reads_every_events_file(tmp_path: Path, kind: str) -> None:
    dated = [e for e in EVENTS if not e.event_date.startswith("--")]
    src = {"geojson": tmp_path / "events.geojson", "csv": tmp_path / "events.csv"}.get(kind, tmp_path / "acled.csv")
    if kind == "geojson":
        write_geojson(dated, src)
    elif kind == "csv":
        write_events_csv(dated, src)
    else:
        _acled_csv(src, dated, upper=kind == "acled-upper")
    out = tmp_path / "out" / "m.html"
    res = CliRunner().invoke(
        cli,
        [
            "map",
            str(src),
            "--out",
            str(out),
            "--tiles",
            "none",
            "--layer-by",
            "side",
            "--report",
            "--embed",
        ],
    )
    assert res.exit_code == 0, res.output
    data = _data(out.read_text(encoding="utf-8"))
    assert data["n"] == len(dated)
    assert sorted(data["cols"]["id"]) == sorted(e.event_id for e in dated)
    assert (out.parent / "report.html").is_file() and (out.parent / "map_fragment.html").is_file()
    assert 'src="m.html"' in (out.parent / "report.html").read_text(encoding="utf-8")


def test_geomap_map_writes_static_images(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    src = tmp_path / "events.geojson"
    write_geojson(EVENTS, src)
    res = CliRunner().invoke(cli, ["map", str(src), "--png", str(tmp_path / "m.png"), "--svg", str(tmp_path / "m.svg")])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "map.html").is_file()
    assert (tmp_path / "m.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = (tmp_path / "m.svg").read_text(encoding="utf-8")
    assert "<svg" in svg and "Natural Earth" not in svg.split("<svg", 1)[0]


@pytest.mark.parametrize(("option", "image"), [("--png", "m.jpg"), ("--svg", "m.txt"), ("--png", "m")])
def test_geomap_map_writes_nothing_when_an_image_path_is_unusable(tmp_path: Path, option: str, image: str) -> None:
    src = tmp_path / "in" / "events.geojson"
    src.parent.mkdir()
    write_geojson(EVENTS, src)
    out = tmp_path / "out"
    args = ["map", str(src), "--out", str(out / "m.html"), "--report", "--embed", option, str(out / image)]
    res = CliRunner().invoke(cli, args)
    assert res.exit_code == 2, res.output  # a usage error: the arguments, not the events
    assert f"Invalid value for {option}" in res.output and "a static map is written as .png, .svg or .pdf" in res.output
    assert not out.exists()
    assert sorted(p.name for p in src.parent.iterdir()) == ["events.geojson"]


def test_the_map_title_is_the_reports_too_and_is_escaped(tmp_path: Path) -> None:
    src = tmp_path / "events.geojson"
    write_geojson(EVENTS, src)
    title = "Idlib <b>March</b> & after"
    res = CliRunner().invoke(cli, ["map", str(src), "--tiles", "none", "--report", "--title", title])
    assert res.exit_code == 0, res.output
    for page in ("map.html", "report.html"):
        html = (tmp_path / page).read_text(encoding="utf-8")
        assert "Idlib &lt;b&gt;March&lt;/b&gt; &amp; after" in html, page
        assert "<b>March</b>" not in html, page


def test_the_static_image_counts_incidents_not_accounts() -> None:
    pytest.importorskip("matplotlib")
    from dataclasses import replace

    from geomap.render.static_map import static_map_figure

    events = [_event(1), _event(2), replace(_event(3), duplicate_of=_event(1).event_id)]
    fig = static_map_figure(events)
    assert fig.axes[0].get_title().startswith("2 events")


def test_geomap_map_bad_file_is_a_clean_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("event_date,latitude,longitude\n2018-11-03,north,36.7\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["map", str(bad)])
    assert res.exit_code == 1
    assert "bad.csv:2" in res.output and "Traceback" not in res.output
    # It says how to go on, and does not name a flag `map` has not got.
    assert "--skip-bad" in res.output and "--strict" not in res.output
    assert not (tmp_path / "map.html").exists()
    res = CliRunner().invoke(cli, ["map", str(bad), "--skip-bad", "--tiles", "none"])
    # The map is drawn from the good rows; the exit code says some were skipped (README: 3).
    assert res.exit_code == 3 and "skipped" in res.output
    assert (tmp_path / "map.html").exists()


def test_geomap_map_puts_bad_points_of_an_export_right(tmp_path: Path) -> None:
    # A (0, 0) placeholder and swapped columns: read as `geomap join` reads them, not drawn
    # in the Gulf of Guinea or in Turkey.
    masyaf = _event(1, event_id="SYR9001", location="Masyaf", latitude=0.0, longitude=0.0, admin1="Hama")
    safita = _event(2, event_id="SYR9002", location="Safita", latitude=34.82, longitude=36.12, admin1="Tartus")
    safita = replace(safita, latitude=36.12, longitude=34.82)  # swapped
    src = tmp_path / "acled.csv"
    _acled_csv(src, [masyaf, safita], upper=False)
    out = tmp_path / "m.html"
    res = CliRunner().invoke(cli, ["map", str(src), "--out", str(out), "--tiles", "none"])
    assert res.exit_code == 0, res.output
    assert "(0, 0) is a placeholder" in res.output and "swapped" in res.output
    data = _data(out.read_text(encoding="utf-8"))
    points = sorted(zip(data["cols"]["lat"], data["cols"]["lon"], strict=True))
    assert all(34.5e5 < lat < 35.5e5 and 35.5e5 < lon < 36.5e5 for lat, lon in points), points


@pytest.mark.parametrize(
    ("header", "rows"),
    [
        (
            ["place", "date", "what", "killed", "lat", "lon"],
            [
                ["Masyaf", "2019-05-01", "airstrike", 2, 35.065, 36.342],
                ["Tal Rifaat", "2019-05-02", "", 0, 36.471, 37.096],
            ],
        ),
        (
            ["place", "date", "Latitude", "Longitude"],
            [["Masyaf", "2019-05-01", 35.065, 36.342], ["Tal Rifaat", "2019-05-02", 36.471, 37.096]],
        ),
        (
            ["name", "day", "y", "x"],
            [["Masyaf", "2019-05-01", 35.065, 36.342], ["Tal Rifaat", "2019-05-02", 36.471, 37.096]],
        ),
    ],
)
def test_geomap_map_reads_a_plain_csv_with_lat_lon_columns(tmp_path: Path, header: list[str], rows: list) -> None:
    src = tmp_path / "plain.csv"
    with src.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows([header, *rows])
    res = CliRunner().invoke(cli, ["map", str(src), "--tiles", "none"])
    assert res.exit_code == 0, res.output
    data = _data((tmp_path / "map.html").read_text(encoding="utf-8"))
    assert data["n"] == 2
    assert sorted(data["cols"]["lat"]) == [3506500, 3647100]


def test_geomap_map_of_a_csv_of_place_names_geocodes_them(tmp_path: Path) -> None:
    src = tmp_path / "places.csv"
    src.write_text("place,date,killed\nQadmous,2019-05-01,1\nTafas,2019-05-02,\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["map", str(src), "--tiles", "none"])
    assert res.exit_code == 0, res.output
    data = _data((tmp_path / "map.html").read_text(encoding="utf-8"))
    names = [data["strings"][i] for i in data["cols"]["loc"]]
    assert sorted(names) == ["Qadmous", "Tafas"] and sorted(data["cols"]["fat"], key=str) == [1, None]


def test_geomap_map_of_a_csv_with_no_point_or_place_says_what_it_needs(tmp_path: Path) -> None:
    src = tmp_path / "counts.csv"
    src.write_text("what,date,killed\nshelling,2019-05-01,1\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["map", str(src), "--tiles", "none"])
    assert res.exit_code == 1 and "Traceback" not in res.output
    assert "no latitude/longitude columns (found: what, date, killed)" in res.output
    assert "a place-name column (location, place, place_name" in res.output and not (tmp_path / "map.html").exists()


def test_geomap_map_without_the_static_extra_writes_the_rest_and_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "matplotlib", None)  # `import matplotlib` raises ImportError
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    src = tmp_path / "events.geojson"
    write_geojson(EVENTS, src)
    out = tmp_path / "out"
    args = ["map", str(src), "--out", str(out / "m.html"), "--tiles", "none", "--report", "--embed"]
    res = CliRunner().invoke(cli, [*args, "--png", str(out / "m.png"), "--svg", str(out / "m.svg")])
    # Done, but not all of it: the exit code of a run that skipped something (README: 3).
    assert res.exit_code == 3, res.output
    assert sorted(p.name for p in out.iterdir()) == ["m.html", "map_fragment.html", "report.html"]
    assert _data((out / "m.html").read_text(encoding="utf-8"))["n"] == len(EVENTS)
    assert "Traceback" not in res.output
    said = [line for line in res.output.splitlines() if "matplotlib" in line]
    assert len(said) == 1, res.output  # once for both images
    assert "m.png" in said[0] and "m.svg" in said[0] and "pip install 'geomap[static]'" in said[0]
    assert "m.html" in res.output.split(said[0])[0]  # what was written is listed first
