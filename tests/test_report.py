"""report.html: counts, weekly chart, event table with sources, names to review, embedded map."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from geomap.models import Article, Event, Mention, Place
from geomap.pipeline import run
from geomap.render import report_html, write_report
from geomap.render.chart import OTHER, bins_by_actor, stacked_bars_svg
from geomap.render.style import actor_side, side_colour


def _event(n: int, **kw: object) -> Event:
    base = dict(
        event_id=f"SYR-R{n:04d}",
        article_id="a1",
        event_date=f"2018-11-{1 + n:02d}",
        time_precision=1,
        event_type="Battles",
        sub_event_type="Armed clash",
        disorder_type="Political violence",
        actor1="Syrian Arab Army",
        actor2="Hayat Tahrir al-Sham",
        location="Morek",
        latitude=35.37,
        longitude=36.69,
        geo_precision=1,
        admin1="Hama",
        fatalities=n,
        sentence="Clashes broke out near Morek.",
        sources=("a1",),
    )
    base.update(kw)
    return Event(**base)  # type: ignore[arg-type]


ARTICLES = [
    Article(
        id="a1",
        title="Clashes <near> Morek",
        text="",
        published=date(2018, 11, 20),
        outlet="Test Wire",
        url="https://example.org/a1",
    ),
    Article(id="a2", title="Second", text="", outlet="Other Wire", url="javascript:alert(1)"),
]
EVENTS = [
    _event(1),
    _event(
        2,
        actor1="Islamic State",
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        admin1="Deir ez-Zor",
        fatalities=None,
    ),
    _event(3, article_id="a2", sources=("a2", "a1"), sentence="<script>alert(1)</script> near Morek"),
    _event(20, event_date="2018-11-29"),
    _event(5, event_date="--10-11"),
]
PLACE = Place(id="p:1", name="Suran", lat=35.29, lon=36.75, admin1="Hama", country="SY")
MENTIONS = [
    Mention(
        article_id="a1",
        start=0,
        end=5,
        surface="Qalaat X",
        status="unresolved",
        context="shelling of Qalaat X",
    ),
    Mention(
        article_id="a2",
        start=0,
        end=5,
        surface="Qalaat X",
        status="unresolved",
        context="again Qalaat X",
    ),
    Mention(
        article_id="a1",
        start=9,
        end=14,
        surface="Suran",
        status="ambiguous",
        candidates=(PLACE,),
        place=PLACE,
    ),
    Mention(article_id="a1", start=20, end=25, surface="Morek", status="resolved"),
]


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _parse(page: str) -> _Text:
    p = _Text()
    p.feed(page)
    return p


def _section(page: str, sid: str) -> str:
    m = re.search(rf'<section id="{sid}">(.*?)</section>', page, re.S)
    assert m, sid
    return m.group(1)


def test_counts_by_type_actor_and_governorate() -> None:
    page = report_html(EVENTS, articles=ARTICLES, mentions=MENTIONS)
    counts = " ".join(_parse(_section(page, "counts")).parts)
    counts = re.sub(r"\s+", " ", counts)
    assert "Events by type" in counts and "Events by actor" in counts and "Events by governorate" in counts
    assert "Battles 4 29" in counts  # 4 events, fatalities 1 + 3 + 20 + 5
    assert "Explosions/Remote violence 1 0" in counts
    assert "Hayat Tahrir al-Sham 5" in counts  # actor 1 or actor 2
    assert "Deir ez-Zor 1" in counts


def test_weekly_chart_is_inline_svg() -> None:
    unit, bins, names, counts, undated = bins_by_actor(EVENTS)
    assert unit == "week" and undated == 1
    assert bins[0] == date(2018, 10, 29) and bins[-1] == date(2018, 11, 26)
    assert names == ["Syrian Arab Army", "Islamic State"]
    assert sum(counts["Syrian Arab Army"]) == 3
    svg = stacked_bars_svg(EVENTS)
    assert svg.startswith("<svg") and "<title>Week of 2018-10-29: Syrian Arab Army, 2 events</title>" in svg
    many = [_event(i, actor1=f"Actor {i}") for i in range(12)]
    assert bins_by_actor(many, top=8)[2][-1] == OTHER


def test_the_chart_colours_each_actor_as_the_map_and_the_actor_table_do() -> None:
    # One palette for the report: an actor's bars are its side's colour, as its markers and swatch.
    page = report_html(EVENTS, articles=ARTICLES, mentions=MENTIONS)
    for actor in ("Syrian Arab Army", "Islamic State"):
        colour = side_colour(actor_side(actor))
        assert f'fill="{colour}"' in stacked_bars_svg(EVENTS)
        assert f"background:{colour}" in page
    # Two actors of one side stay apart: the second is a tint of the side's colour.
    two = [_event(1, actor1="Syrian Arab Army"), _event(2, actor1="National Defence Forces")]
    svg = stacked_bars_svg(two)
    assert f'fill="{side_colour("government")}"' in svg and svg.count("<li>") == 2


def test_monthly_bins_for_long_spans() -> None:
    long = [_event(1, event_date="2015-01-05"), _event(2, event_date="2018-06-30")]
    unit, bins, *_ = bins_by_actor(long)
    assert unit == "month" and bins[0] == date(2015, 1, 1) and bins[-1] == date(2018, 6, 1)


def test_event_table_links_sources_and_escapes_text() -> None:
    page = report_html(EVENTS, articles=ARTICLES, mentions=MENTIONS)
    table = _section(page, "events")
    parsed = _parse(table)
    rows = [a for t, a in parsed.tags if t == "tr" and a.get("id")]
    assert [r["id"] for r in rows] == [
        "SYR-R0001",
        "SYR-R0002",
        "SYR-R0003",
        "SYR-R0020",
        "SYR-R0005",
    ]
    hrefs = [a.get("href") for t, a in parsed.tags if t == "a"]
    assert "https://example.org/a1" in hrefs
    assert not [h for h in hrefs if h and not h.startswith("https://")]  # javascript: never becomes a link
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Clashes &lt;near&gt; Morek" in table
    assert "<mark>Morek</mark>" in table
    assert "<script" not in page


def test_names_to_review_come_from_unresolved_and_ambiguous_mentions() -> None:
    review = re.sub(
        r"\s+",
        " ",
        " ".join(_parse(_section(report_html(EVENTS, mentions=MENTIONS), "review")).parts),
    )
    assert "Qalaat X unresolved 2" in review
    assert "Suran ambiguous 1" in review and "Suran (Hama, 35.290, 36.750)" in review
    assert "Morek resolved" not in review
    assert "Every place name was resolved" in report_html(EVENTS, mentions=MENTIONS[3:])


def test_map_is_embedded_and_optional(tmp_path: Path) -> None:
    page = write_report(EVENTS, tmp_path / "report.html", map_href="map.html").read_text(encoding="utf-8")
    assert '<iframe class="map" src="map.html"' in page
    assert "<iframe" not in report_html(EVENTS, map_href=None)


def test_duplicate_records_count_once() -> None:
    dup = _event(1, event_id="SYR-DUP", article_id="a2", duplicate_of="SYR-R0001")
    page = report_html([*EVENTS, dup])
    assert "SYR-DUP" not in page
    assert "incidents (6 reports)" in page


def test_no_external_resources() -> None:
    page = report_html(EVENTS, articles=ARTICLES)
    tags = _parse(page).tags
    assert not [a for t, a in tags if t in ("script", "link", "img")]


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report-run")
    run(None, out=out)
    return out


def test_run_writes_the_report_beside_the_map(sample_run: Path) -> None:
    page = (sample_run / "report.html").read_text(encoding="utf-8")
    assert (sample_run / "map.html").is_file()
    assert '<iframe class="map" src="map.html"' in page
    assert "Events by governorate" in page and "<svg" in page
    assert "Place names to review" in page


def test_the_article_count_says_what_it_counts() -> None:
    # With the run's articles, every article read counts (a2 gave no event).
    page = report_html(EVENTS[:1], articles=ARTICLES)
    assert re.search(r"<b>2</b><span[^>]*>articles</span>", page)
    # A map of an events file knows only the articles that gave an event.
    page = report_html(EVENTS[:1])
    assert re.search(r"<b>1</b><span[^>]*>articles with events</span>", page)


def test_joined_records_show_their_checks_source_and_count() -> None:
    from geomap.errors import InputError

    record = _event(
        7,
        event_id="ACLED-1",
        article_id="acled.csv:4",
        sources=("acled.csv:4",),
        source="Frontline Desk <b>",
        date_flag="record",
        flags="point-unusable;admin1-only",
        sentence="",
        notes="Shelling hit Tal Rifaat.",
    )
    page = report_html([*EVENTS[:1], record], articles=ARTICLES[:1])
    events = _section(page, "events")
    assert "the record&#x27;s point could not be used; geocoded from its place name" in events
    assert "placed at its governorate only (geo_precision 3)" in events
    assert 'Frontline Desk &lt;b&gt; <span class="muted">acled.csv:4</span>' in events
    assert re.search(r"<b>1</b><span[^>]*>articles</span>", page)
    assert re.search(r"<b>1</b><span[^>]*>records joined</span>", page)
    # records alone: no article count at all, and the records are not counted as articles
    page = report_html([record])
    assert not re.search(r"<span[^>]*>articles", page) and re.search(r"<b>1</b><span[^>]*>records joined</span>", page)
    assert 'id="inputs"' not in page and "Skipped and warnings" not in page
    # what was skipped or doubtful is listed, escaped, with file and line
    skipped = [InputError("acled.csv", "latitude <i>134</i> is outside -90..90", line=9)]
    warned = [InputError("acled.csv", "place 'Ariha' is ambiguous", line=4)]
    art = Article(id="x1", title="t", text="b", source_path="feed.txt", warnings=("no publication date found",))
    page = report_html([record], problems=skipped, warnings=warned, articles=[art])
    inputs = _section(page, "inputs")
    assert "<h3>Skipped (1)</h3>" in inputs and "<td>acled.csv:9</td>" in inputs
    assert "latitude &lt;i&gt;134&lt;/i&gt; is outside" in inputs and "<i>" not in inputs
    assert "<td>acled.csv:4</td><td>place &#x27;Ariha&#x27; is ambiguous</td>" in inputs
    assert "<td>feed.txt</td><td>no publication date found</td>" in inputs
    assert re.search(r"<b>1</b><span[^>]*>inputs skipped</span>", page)
    assert '<a href="#inputs">' in page


def test_a_run_lists_its_skipped_rows_in_the_report(tmp_path: Path) -> None:
    recs = tmp_path / "recs.csv"
    recs.write_text("place,date\nMasyaf,2019-05-03\nMasyaf,2019-02-30\n", encoding="utf-8")
    run(None, out=tmp_path / "out", records=[recs], map_options={"tiles": None})
    inputs = _section((tmp_path / "out" / "report.html").read_text(encoding="utf-8"), "inputs")
    assert f"{recs}:3" in inputs and "2019-02-30" in inputs
