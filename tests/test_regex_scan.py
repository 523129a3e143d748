"""WordScan finds exactly what each pattern's finditer finds (trigger and date patterns)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from geomap._regex import WordScan
from geomap.events import dates, types

_PIECES = [
    "airstrikes",
    "air strike",
    "shelling",
    "shelled",
    "killed",
    "killing",
    "clashes",
    "car bomb",
    "suicide car bomber",
    "recaptured",
    "regained control ",
    "captured",
    "explosion",
    "warplanes",
    "jets struck",
    "mine exploded",
    "IEDs",
    "executed",
    "protest",
    "arrested",
    "ceasefire agreed",
    "took over the positions from x peacefully",
    "hit",
    "attack",
    "November",
    "Nov.",
    "Nov",
    "3rd",
    "12",
    "2018",
    "2019-01-05",
    "on Tuesday",
    "Tuesday morning",
    "yesterday",
    "last week",
    "the same day",
    "in 2016",
    "since March",
    "mid-October",
    "from 2012 to 2016",
    "of",
    "the",
    "al-",
    "Deir",
    "ez-Zor",
    "non",
    "re",
    "x",
    "5",
    "at least",
    "people",
]
_SEPS = [" ", "  ", ", ", ". ", "-", "\n", "\n\n", "'", "’", "(", ")", ";", "", "é", "_"]

texts = st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_SEPS)), max_size=14).map(
    lambda parts: "".join(p + s for p, s in parts)
)


def _expected(patterns: list[re.Pattern[str]], text: str) -> list[list[tuple[int, int, str]]]:
    return [[(m.start(), m.end(), m.group()) for m in rx.finditer(text)] for rx in patterns]


def _found(scan: WordScan, text: str) -> list[list[tuple[int, int, str]]]:
    return [[(s, e, t) for s, e, t, _g in hits] for hits in scan.matches(text)]


@settings(max_examples=300, deadline=None)
@given(texts)
def test_trigger_scan_matches_finditer(text: str) -> None:
    patterns = [rx for rx, *_ in types._COMPILED]
    assert _found(types._SCAN, text) == _expected(patterns, text)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_date_scan_matches_finditer(text: str) -> None:
    patterns = [rx for _kind, rx in dates._PATTERNS]
    assert _found(dates._SCAN, text) == _expected(patterns, text)
    groups = [[g for *_s, g in hits] for hits in dates._SCAN.matches(text)]
    assert groups == [[m.groups() for m in rx.finditer(text)] for rx in patterns]


def test_flags_are_kept_per_pattern() -> None:
    scan = WordScan([re.compile(r"\bnov\b"), re.compile(r"\bdec\b", re.I)], separator=r"\W")
    assert _found(scan, "Nov nov DEC") == [[(4, 7, "nov")], [(8, 11, "DEC")]]


def test_case_special_characters_are_complete() -> None:
    import sys

    from geomap._regex import CASE_SPECIAL

    special = set()
    for cp in range(128, sys.maxunicode + 1):
        c = chr(cp)
        if 0xD800 <= cp < 0xE000:
            continue
        if len(c.lower()) != 1 or (c.lower().isascii() and c.lower().isalpha()):
            special.add(c)
    letters = re.compile("[a-z]", re.I)
    bmp = (chr(cp) for cp in range(128, 0x10000) if not 0xD800 <= cp < 0xE000)
    special |= {c for c in bmp if letters.match(c)}
    assert special <= set(CASE_SPECIAL)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES + ["İstanbul", "ſhelling", "KILLED", "ÉTÉ", "Dιyar"]), max_size=8))
def test_special_characters_take_the_exact_path(words: list[str]) -> None:
    text = " ".join(words)
    patterns = [rx for rx, *_ in types._COMPILED]
    assert _found(types._SCAN, text) == _expected(patterns, text)


def test_patterns_with_capitals_or_inline_flags_are_not_folded() -> None:
    rxs = [re.compile(r"\b(?-i:US)\b", re.I), re.compile(r"\bus\b", re.I)]
    scan = WordScan(rxs, separator=r"\W")
    assert _found(scan, "us US") == [[(3, 5, "US")], [(0, 2, "us"), (3, 5, "US")]]


_atoms = st.sampled_from(["a", "b", "ab", "[ab]", "[a-c]", r"\d", "x?", "(?:a|bc)", "(?:a|)", r"\b", "(?=a)", "."])
_regexes = st.lists(
    st.tuples(_atoms, st.sampled_from(["", "?", "*", "+", "{1,2}", "{0,3}"])),
    min_size=1,
    max_size=5,
).map(lambda parts: "".join(f"(?:{a}){q}" if q else a for a, q in parts))


@settings(max_examples=300, deadline=None)
@given(_regexes, st.text(alphabet="abcx1 .", max_size=12))
def test_prefixes_begin_every_match(pattern: str, text: str) -> None:
    from geomap._regex import _prefixes

    prefixes = _prefixes(pattern, 0)
    if prefixes is None:
        return
    rx = re.compile(pattern)
    heads = [re.compile("".join(p)) for p in prefixes]
    for pos in range(len(text) + 1):
        m = rx.match(text, pos)
        if m is not None:
            assert any(h.match(text, pos) for h in heads), (pattern, text, pos)


_HARM = [
    "killed",
    "KILLED",
    "were killed",
    "at least",
    "17",
    "seventeen",
    "civilians",
    "wounded",
    "injuring",
    "left",
    "dead",
    "death of",
    "toll rose to",
    "dozens",
    "many",
    "3 km",
    "in 2018",
    "November 5",
    "ſoldiers",
    "İdlib",
    "people",
    "killed or injured",
    "Killing",
]
_harm_texts = st.lists(
    st.tuples(st.sampled_from(_HARM), st.sampled_from([" ", ", ", ". ", "-", "’"])), max_size=10
).map(lambda parts: "".join(a + b for a, b in parts))


@settings(max_examples=300, deadline=None)
@given(_harm_texts)
def test_folded_patterns_match_like_the_originals(text: str) -> None:
    from geomap._regex import Folded
    from geomap.events import fatalities

    folded = [v for v in vars(fatalities).values() if isinstance(v, Folded)]
    assert folded

    def parts(m: re.Match[str]) -> tuple[object, ...]:
        return m.span(), m.group(), m.groups(), m.groupdict()

    for rx in folded:
        want = [parts(m) for m in rx.original.finditer(text)]
        got = [parts(m) for m in rx.finditer(text)]
        assert got == want
        assert bool(rx.search(text)) == bool(rx.original.search(text))

        def blank(m: re.Match[str]) -> str:
            return "#" * len(m.group())

        assert rx.sub(blank, text) == rx.original.sub(blank, text)


def test_named_groups_do_not_stop_folding() -> None:
    from geomap._regex import Folded

    assert Folded(re.compile(r"(?P<n>\d+) killed", re.I))._cs is not None
    assert Folded(re.compile(r"(?P<n>\d+) KILLED", re.I))._cs is None
