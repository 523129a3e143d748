"""Property-based tests: no text or bytes make a stage raise anything but geomap's own errors.

Covers ingest (article_from_text, reading arbitrary bytes), place recognition,
date resolution, fatalities, event assembly (pipeline.extract) and the record
readers.  Examples are kept few so the whole file runs in well under a minute.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from geomap.errors import GeomapError, InputError
from geomap.events import load_actors
from geomap.events.dates import find_dates, resolve_date
from geomap.events.fatalities import find_casualties, word_number
from geomap.export.readers import parse_event_date, read_events
from geomap.gazetteer import load_gazetteer
from geomap.geoparse import find_mentions
from geomap.ingest import article_from_text, read_articles
from geomap.ingest.decode import decode_bytes
from geomap.join import join_records
from geomap.pipeline import extract

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# Words that steer generated text into the code paths that matter.
VOCAB = [
    "Hajin",
    "Idlib",
    "Aleppo",
    "Deir ez-Zor",
    "al-Bab",
    "Kafr Nabl",
    "Tadmur",
    "Damascus",
    "London",
    "town",
    "village",
    "of",
    "in",
    "near",
    "north",
    "between",
    "and",
    "the",
    "province",
    "countryside",
    "airstrikes",
    "shelled",
    "clashes",
    "killed",
    "killing",
    "wounded",
    "injured",
    "dead",
    "civilians",
    "SDF",
    "ISIS",
    "Syrian",
    "army",
    "rebels",
    "HTS",
    "Turkish",
    "Russian",
    "coalition",
    "warplanes",
    "On",
    "Monday",
    "Tuesday",
    "yesterday",
    "last",
    "week",
    "November",
    "Nov.",
    "3rd",
    "31",
    "February",
    "2018",
    "2019",
    "1999",
    "0",
    "7",
    "17",
    "1,200",
    "twenty-three",
    "a dozen",
    "at least",
    "up to",
    "dozens",
    ".",
    ",",
    ";",
    "\n",
    "\n\n",
    "(",
    ")",
    '"',
    "'",
    "-",
    "—",
    "<p>",
    "</p>",
    "&amp;",
    "#",
    "*",
    "https://t.co/x",
    "@handle·",
    "Retweet on Twitter",
    "Note to readers",
    "Copyright ©",
]
WORDS = st.lists(st.sampled_from(VOCAB) | st.text(max_size=6), max_size=60).map(" ".join)
ANY_TEXT = st.text(max_size=400)
TEXTS = WORDS | ANY_TEXT
DATES = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))


@lru_cache(maxsize=1)
def gaz():  # type: ignore[no-untyped-def]
    return load_gazetteer()


@FAST
@given(text=TEXTS, kind=st.sampled_from(["txt", "md", "html"]), published=st.none() | DATES | ANY_TEXT)
@example(text="x", kind="txt", published="0001-01-01")
def test_article_from_text_takes_any_text(text: str, kind: str, published: object) -> None:
    a = article_from_text(text, id="p", kind=kind, published=published)  # type: ignore[arg-type]
    assert isinstance(a.text, str) and isinstance(a.title, str)
    assert not re.search("[\x00\ud800-\udfff]", a.text + a.title)


@FAST
@given(data=st.binary(max_size=600))
def test_decode_bytes_returns_text_or_input_error(data: bytes) -> None:
    try:
        text, warnings = decode_bytes(data, "x.txt")
    except InputError as exc:
        assert exc.path == "x.txt"
        return
    assert isinstance(text, str) and isinstance(warnings, list)


@SLOW
@given(
    data=st.binary(max_size=600) | TEXTS.map(lambda t: t.encode("utf-8", "surrogatepass")),
    suffix=st.sampled_from([".txt", ".md", ".html", ".jsonl", ".csv"]),
)
def test_reading_any_bytes_reports_problems_instead_of_raising(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"in{suffix}"
    path.write_bytes(data)
    arts, errs = read_articles([path])
    assert all(isinstance(e, InputError) and e.path == str(path) for e in errs)
    assert all(isinstance(a.text, str) for a in arts)


@FAST
@given(text=TEXTS)
def test_find_mentions_spans_are_sound(text: str) -> None:
    mentions = find_mentions(text, gaz())
    last = -1
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text) and text[m.start : m.end] == m.surface
        assert m.start >= last
        last = m.start


@FAST
@given(text=TEXTS, published=st.none() | DATES, previous=st.none() | DATES.map(date.isoformat))
@example(text="yesterday", published=date(1, 1, 1), previous=None)
@example(text="the next day", published=date(9999, 12, 31), previous="9999-12-31")
@example(text="On December 30th", published=date(1, 1, 5), previous=None)
@example(text="On February 29th", published=date(2019, 3, 1), previous=None)
def test_dates_resolve_to_real_dates_or_nothing(text: str, published: date | None, previous: str | None) -> None:
    for hit in find_dates(text):
        got = resolve_date(hit, published, previous)
        if got is None:
            continue
        iso, precision, flag = got
        assert precision in (1, 2, 3) and isinstance(flag, str)
        if iso.startswith("--"):
            date(2000, int(iso[2:4]), int(iso[5:7]))
        else:
            date.fromisoformat(iso)


@FAST
@given(text=TEXTS)
@example(text="9" * 5000 + " killed")
def test_fatalities_are_counts_or_nothing(text: str) -> None:
    c = find_casualties(text)
    assert c.killed is None or (isinstance(c.killed, int) and c.killed >= 0)
    assert c.injured is None or (isinstance(c.injured, int) and c.injured >= 0)
    n = word_number(text)
    assert n is None or n >= 0


@SLOW
@given(text=TEXTS, published=st.none() | DATES)
@example(text="Airstrikes hit the town of Hajin yesterday, killing 7 civilians.", published=date(1, 1, 1))
@example(text="On Saturday, the army shelled Hajin.", published=date(9999, 12, 31))
def test_extract_never_raises_on_any_text(text: str, published: date | None) -> None:
    art = article_from_text(text, id="prop", published=published)
    try:
        mentions, events = extract(art, gazetteer=gaz(), actors=load_actors())
    except GeomapError:
        return
    for e in events:
        assert -90 <= e.latitude <= 90 and -180 <= e.longitude <= 180
        assert e.geo_precision in (1, 2, 3) and (e.time_precision in (1, 2, 3)) == bool(e.event_date)
        assert e.fatalities is None or e.fatalities >= 0
        if e.event_date and not e.event_date.startswith("--"):
            date.fromisoformat(e.event_date)
    assert all(m.article_id == "prop" for m in mentions)


@FAST
@given(cell=ANY_TEXT | WORDS)
def test_parse_event_date_is_iso_or_value_error(cell: str) -> None:
    try:
        iso, precision = parse_event_date(cell)
    except ValueError:
        return
    assert precision in (None, 3)
    if iso and not iso.startswith("--"):
        date.fromisoformat(iso)


CSV_CELLS = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12) | st.sampled_from(
    [
        "Hajin",
        "2018-11-03",
        "34.7",
        "40.8",
        "-91",
        "nan",
        "inf",
        "1e308",
        "Battles",
        "7",
        "-1",
        '"',
        ",",
    ]
)


@SLOW
@given(
    header=st.lists(
        st.sampled_from(
            [
                "place",
                "date",
                "lat",
                "lon",
                "latitude",
                "longitude",
                "type",
                "fatalities",
                "event_id_cnty",
                "location",
                "where_coordinates",
                "date_start",
                "article_id",
                "sources",
                "x",
            ]
        )
        | CSV_CELLS,
        min_size=1,
        max_size=6,
    ),
    rows=st.lists(st.lists(CSV_CELLS, max_size=7), max_size=5),
    suffix=st.sampled_from([".csv", ".geojson"]),
)
def test_records_of_any_shape_never_raise(
    tmp_path: Path, header: list[str], rows: list[list[str]], suffix: str
) -> None:
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(header)
    w.writerows(rows)
    path = tmp_path / f"recs{suffix}"
    path.write_text(buf.getvalue(), encoding="utf-8")
    res = join_records([path], gazetteer=gaz())
    assert all(isinstance(p, InputError) for p in res.problems + res.warnings)
    try:
        read_events(path)
    except InputError:
        pass


@FAST
@given(
    text=TEXTS
    | st.lists(
        st.sampled_from(["al", "Al", "ez", "az", "ash", "-", " ", ",", "Deir", "Zor", "ʿ", "x"]), max_size=30
    ).map("".join)
)
def test_key_text_equals_the_token_by_token_reference(text: str) -> None:
    from geomap.geoparse.tokens import _key_text_slow, key_text, tokenize

    tokens = tokenize(text)
    as_list = list(tokens)
    assert [tokens[i] for i in range(len(tokens))] == as_list
    assert tokens[1:4] == as_list[1:4]
    assert all(text[t.start : t.end] == t.text for t in as_list)
    fast, slow = key_text(text, tokens), _key_text_slow(text, as_list)
    assert (fast.string, fast.pos_to_token) == (slow.string, slow.pos_to_token)
