"""Fast paths taken for speed give the answers of the general code they stand in for."""

from __future__ import annotations

import pickle
import string
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from geomap.gazetteer import load_gazetteer, names


def _fold_general(text: str) -> str:
    text = names._ARABIC_DIACRITICS.sub("", text).translate(names._ARABIC_FOLD)
    out = []
    for ch in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(ch) or ch in names._APOSTROPHES:
            continue
        out.append(" " if ch in names._DASHES or not ch.isalnum() else ch)
    folded = "".join(out).lower()
    folded = folded.replace("ı", "i").replace("ß", "ss").replace("ø", "o").replace("đ", "d")
    return " ".join(folded.split())


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=string.printable, max_size=20))
def test_ascii_fold_matches_the_general_fold(text: str) -> None:
    assert names.fold.__wrapped__(text) == _fold_general(text)


def test_fold_of_non_ascii_still_takes_the_general_path() -> None:
    name = "Ma‘arrat an-Nu‘mān"
    assert names.fold(name) == _fold_general(name) == "maarrat an numan"


def test_gazetteer_pickles_its_places_as_rows_and_back() -> None:
    gaz = load_gazetteer()
    again = pickle.loads(pickle.dumps(gaz, protocol=pickle.HIGHEST_PROTOCOL))
    assert type(again.places) is list
    assert again.places == gaz.places
    assert again.keys == gaz.keys


def test_fuzzy_pool_keeps_every_key_that_can_reach_the_cutoff() -> None:
    from rapidfuzz import fuzz

    gaz = load_gazetteer()
    for key in ("maarat numan", "dir zur", "rakka", "abu kamal", "tadmur"):
        everything = [k for k in gaz.keys if k[:1] == key[:1] and abs(len(k) - len(key)) <= 3]
        near = {k for k in everything if fuzz.ratio(key, k) >= 85}
        pool = gaz._fuzzy_pool(key, 85.0)
        assert near <= set(pool)
        assert pool == [k for k in everything if k in set(pool)]  # gazetteer order kept


def test_streamed_geojson_is_the_json_of_the_collection(tmp_path) -> None:
    import json

    from geomap.export.geojson import events_to_geojson, write_geojson
    from geomap.pipeline import run

    events = run(None, write=False).events
    assert events
    for evs in (events, events[:1], []):
        path = write_geojson(evs, tmp_path / "events.geojson")
        want = json.dumps(events_to_geojson(evs), ensure_ascii=False, separators=(",", ":")) + "\n"
        assert path.read_text(encoding="utf-8") == want


_SPAN_LISTS = st.lists(st.tuples(st.integers(0, 60), st.integers(1, 8)), max_size=12).map(
    lambda xs: [(s, s + n) for s, n in xs]
)


@settings(max_examples=300, deadline=None)
@given(_SPAN_LISTS, st.booleans(), st.integers(0, 70), st.integers(0, 20))
def test_items_starting_in_a_range_by_bisection_are_those_a_scan_finds(spans, ordered, a, width) -> None:
    from geomap.events.actors import ActorMention
    from geomap.events.assemble import _starting_in

    items = [ActorMention(s, e, "x", None) for s, e in (sorted(spans) if ordered else spans)]
    assert _starting_in(items)(a, a + width) == [x for x in items if a <= x.start < a + width]


@settings(max_examples=300, deadline=None)
@given(_SPAN_LISTS, st.booleans(), st.integers(0, 70), st.integers(0, 20))
def test_overlap_by_bisection_is_the_overlap_a_scan_finds(spans, apart, a, width) -> None:
    from geomap.events.actors import _Spans

    if apart:  # in order and apart, as named actors are: the bisection path
        spans = [(s + 10 * k, e + 10 * k) for k, (s, e) in enumerate(sorted((s, s + 1) for s, _ in spans))]
    assert _Spans(spans).touch(a, a + width) == any(s < a + width and a < e for s, e in spans)
