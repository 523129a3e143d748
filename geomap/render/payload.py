"""Events as one compact JSON document that the map's JavaScript turns into markers.

A map of 100,000 events must stay small and build fast, so no per-marker
Python object or HTML is made: the events become columns (one JSON array per
field), repeated strings are stored once in a string table and referred to by
index, and popups are built in the browser from these values with
``textContent`` (never ``innerHTML``), so no text from an article can run as
script.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from ..models import Article, Event, Mention, flag_notes
from .style import SHAPE_BODIES, SIDES, actor_side, side_colour, side_label, type_shape

__all__ = ["LAYER_BY", "PERIODS", "date_note", "event_layers", "highlight", "map_payload", "to_script_json"]

LAYER_BY = ("actor", "side", "period")
PERIODS = ("auto", "week", "month")
UNKNOWN_ACTOR = "Unknown actor"
UNDATED = "Undated"
#: What an ACLED time_precision says about a date.
TIME_PRECISION = {1: "exact day", 2: "within a week, coded to its middle", 3: "month only, coded to its middle"}


def date_note(e: Event) -> str:
    """Say how an event's date was found, for the popup's Date row: true to its ``date_flag``.

    A date taken from the article's publication is said to be that, not a week
    coded to its middle; an event with no date claims no precision.

    Examples
    --------
    >>> from dataclasses import replace
    >>> e = Event("x", "a", "2019-12-24", 2, "Battles", "Armed clash", "Political violence",
    ...           "", "", "Safita", 34.8, 36.1, 1, date_flag="article-date")
    >>> date_note(e)
    "the article's publication date: the text gives no day"
    >>> date_note(replace(e, event_date="", time_precision=None, date_flag="unknown"))
    'no date: neither the text nor the article gives one'
    >>> date_note(replace(e, time_precision=1, date_flag="year-inferred"))
    "exact day; the year from the article's date"
    """
    flag, tp = e.date_flag, e.time_precision
    if not e.event_date:
        return "no date: neither the text nor the article gives one"
    if flag == "article-date":
        return "the article's publication date: the text gives no day"
    if flag == "year-unknown" and tp == 2:
        return "the page's date, year unknown: the text gives no day"
    if flag == "carried":
        return "the day of the report before it in the article"
    if flag == "approximate" and tp == 2:
        return "approximate: within about a week"
    if flag == "relative" and tp == 2:
        return "within a day or so, counted from the article's date"
    said = TIME_PRECISION.get(tp or 0, f"precision {tp}")
    return said + _FLAG_NOTES.get(flag, "")


#: What a date_flag adds to the precision of a date (for :func:`date_note`).
_FLAG_NOTES = {
    "relative": ", counted from the article's date",
    "year-inferred": "; the year from the article's date",
    "year-unknown": "; year unknown",
    "year-supplied": "; the year from the reference date given",
}


def to_script_json(data: Any) -> str:
    r"""JSON that is safe inside ``<script>``: ``<``, ``>`` and ``&`` written as ``\u003c`` etc.

    Examples
    --------
    >>> to_script_json({"s": "</script><b>"})
    '{"s":"\\u003c/script\\u003e\\u003cb\\u003e"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _period_key(d: date | None, period: str) -> str:
    if d is None:
        return UNDATED
    if period == "month":
        return f"{d:%Y-%m} ({d:%B %Y})"
    monday = d - timedelta(days=d.weekday())
    return f"Week of {monday.isoformat()}"


def resolve_period(events: Sequence[Event], period: str) -> str:
    """Choose ``week`` or ``month``: ``auto`` picks weeks for spans up to about four months.

    Examples
    --------
    >>> resolve_period([], "auto"), resolve_period([], "month")
    ('week', 'month')
    """
    if period in ("week", "month"):
        return period
    days = [d for d in (_day(e.event_date) for e in events) if d is not None]
    if not days:
        return "week"
    return "week" if (max(days) - min(days)).days <= 120 else "month"


def event_layers(events: Sequence[Event], *, layer_by: str = "actor", period: str = "auto") -> list[str]:
    """Name the layer of each event: actor 1, its side's label, or its week or month.

    Examples
    --------
    >>> from geomap.models import Event
    >>> e = Event("x", "a", "2018-11-05", 1, "Battles", "Armed clash", "Political violence",
    ...           "Syrian Arab Army", "", "Hama", 35.1, 36.7, 1)
    >>> event_layers([e]), event_layers([e], layer_by="side"), event_layers([e], layer_by="period")
    (['Syrian Arab Army'], ['Syrian government'], ['Week of 2018-11-05'])
    """
    if layer_by not in LAYER_BY:
        msg = f"layer_by={layer_by!r} is not one of {', '.join(LAYER_BY)}"
        raise ValueError(msg)
    if layer_by == "actor":
        return [e.actor1 or UNKNOWN_ACTOR for e in events]
    if layer_by == "side":
        return [side_label(actor_side(e.actor1)) for e in events]
    if period not in PERIODS:
        msg = f"period={period!r} is not one of {', '.join(PERIODS)}"
        raise ValueError(msg)
    per = resolve_period(events, period)
    return [_period_key(_day(e.event_date), per) for e in events]


def highlight(sentence: str, candidates: Iterable[str]) -> str:
    """Find the first candidate name in ``sentence``, as spelled there ("" if none).

    Examples
    --------
    >>> highlight("Shelling hit the town of Morek on Sunday.", ["morek"])
    'Morek'
    """
    for name in candidates:
        name = name.strip()
        if not name:
            continue
        at = sentence.find(name)  # most sentences spell the name as given: no regex needed
        if at >= 0 and _word_edges(sentence, at, at + len(name)):
            return name
        m = _name_pattern(name).search(sentence)
        if m:
            return m.group(0)
    return ""


def _word_edges(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_")


@lru_cache(maxsize=16384)
def _name_pattern(name: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)", re.IGNORECASE)


class _Strings:
    """A string table: each distinct string stored once, referred to by index (0 is "")."""

    def __init__(self) -> None:
        self.items: list[str] = [""]
        self.index: dict[str, int] = {"": 0}

    def many(self, values: Iterable[str]) -> list[int]:
        """Indexes of many strings (much faster than calling one at a time)."""
        values = values if isinstance(values, list) else list(values)
        index, items = self.index, self.items
        for value in dict.fromkeys(values):
            if value not in index:
                index[value] = len(items)
                items.append(value)
        return [index[v] for v in values]

    def __call__(self, value: str | None) -> int:
        value = value or ""
        i = self.index.get(value)
        if i is None:
            i = self.index[value] = len(self.items)
            self.items.append(value)
        return i


def _layer_order(names: list[str], layer_by: str) -> list[str]:
    counts = Counter(names)
    if layer_by == "period":
        return sorted(counts, key=lambda k: (k == UNDATED, k))
    return sorted(counts, key=lambda k: (k in (UNKNOWN_ACTOR, side_label("unknown")), -counts[k], k))


def map_payload(
    events: Sequence[Event],
    *,
    articles: Sequence[Article] = (),
    mentions: Sequence[Mention] = (),
    layer_by: str = "actor",
    period: str = "auto",
) -> dict[str, Any]:
    """Gather the data behind a map: layers, legend entries, articles, events as columns.

    Records with ``duplicate_of`` set are not markers: their sentences go into
    the popup of the incident they duplicate.

    Examples
    --------
    >>> p = map_payload([])
    >>> p["n"], p["layers"]
    (0, [])
    """
    # Other articles' records of an incident are shown in its popup, not as markers of their own.
    accounts: dict[str, list[Event]] = {}
    for e in events:
        if e.duplicate_of:
            accounts.setdefault(e.duplicate_of, []).append(e)
    events = [e for e in events if not e.duplicate_of]
    names = event_layers(events, layer_by=layer_by, period=period)
    order = _layer_order(names, layer_by)
    layer_idx = {name: i for i, name in enumerate(order)}
    layer_count = Counter(names)
    sides = [actor_side(e.actor1) for e in events]
    side_keys = [k for k in SIDES if k in set(sides)]
    side_idx = {k: i for i, k in enumerate(side_keys)}
    types = sorted({e.event_type for e in events})
    type_idx = {t: i for i, t in enumerate(types)}

    # Articles: those given, then any an event names (with a title or link) that was not given.
    art_rows: list[list[str]] = []
    art_idx: dict[str, int] = {}
    for a in articles:
        if a.id not in art_idx:
            art_idx[a.id] = len(art_rows)
            art_rows.append([a.id, a.title, a.outlet, a.url, a.published.isoformat() if a.published else ""])
    for e in [*events, *(d for ds in accounts.values() for d in ds)]:
        if e.article_id and e.article_id not in art_idx and (e.article_title or e.url):
            art_idx[e.article_id] = len(art_rows)
            outlet = e.source if len(e.sources) <= 1 else ""
            art_rows.append([e.article_id, e.article_title, outlet, e.url, ""])

    # Spellings of each place in each article, to highlight the name as the sentence spells it.
    surfaces: dict[tuple[str, str], list[str]] = {}
    for m in mentions:
        if m.place is not None:
            surfaces.setdefault((m.article_id, m.place.id), []).append(m.surface)

    S = _Strings()

    def strings(values: Iterable[str]) -> list[int]:
        return S.many(values)

    srcs = [[s for s in dict.fromkeys((e.article_id, *e.sources)) if s] for e in events]
    others = [[s for s in ss if s not in art_idx] for ss in srcs]
    known = [e.article_id in art_idx for e in events]
    texts = [e.sentence or e.notes for e in events]
    cols: dict[str, list[Any]] = {
        "id": [e.event_id for e in events],
        "lat": [round(e.latitude * 1e5) for e in events],
        "lon": [round(e.longitude * 1e5) for e in events],
        "date": strings([e.event_date for e in events]),
        "when": strings(date_note(e) for e in events),
        "type": [type_idx[e.event_type] for e in events],
        "sub": strings([e.sub_event_type for e in events]),
        "a1": strings([e.actor1 for e in events]),
        "a2": strings([e.actor2 for e in events]),
        "as1": strings([e.assoc_actor_1 for e in events]),
        "as2": strings([e.assoc_actor_2 for e in events]),
        "side": [side_idx[side] for side in sides],
        "fat": [e.fatalities for e in events],
        "loc": strings([e.location for e in events]),
        "adm": strings([e.admin1 for e in events]),
        "gp": [e.geo_precision for e in events],
        # what a joined record's checks found, in words ("" for none)
        "chk": strings("; ".join(flag_notes(e.flags)) for e in events),
        "sent": texts,
        "hl": strings(
            highlight(t, [*surfaces.get((e.article_id, e.place_id), ()), e.location]) if t else ""
            for e, t in zip(events, texts, strict=True)
        ),
        "layer": [layer_idx[name] for name in names],
        # known articles by index; other source ids (a CSV file and line, say) as strings
        "src": [[art_idx[s] for s in ss if s in art_idx] for ss in srcs],
        "srcx": [S.many(ss) if ss else [] for ss in others],
        # the event's own outlet, title and link, unless its article row already has them
        "srcname": strings(
            "" if k and len(ss) <= 1 else e.source for e, k, ss in zip(events, known, srcs, strict=True)
        ),
        "title": strings("" if k else e.article_title for e, k in zip(events, known, strict=True)),
        "url": strings("" if k else e.url for e, k in zip(events, known, strict=True)),
        # [article index or -1, article id, sentence] of every other article's account
        "alt": [
            [
                [art_idx.get(d.article_id, -1), S(d.article_id), d.sentence or d.notes]
                for d in accounts.get(e.event_id, ())
            ]
            for e in events
        ],
    }
    if layer_by == "side":
        by_label = {side_label(k): k for k in SIDES}
        colours = {n: side_colour(by_label.get(n, "unknown")) for n in order}
    elif layer_by == "actor":
        colours = {n: side_colour(actor_side(n if n != UNKNOWN_ACTOR else "")) for n in order}
    else:
        colours = {}
    return {
        "v": 1,
        "n": len(events),
        "layerBy": layer_by,
        "layers": [{"name": n, "count": layer_count[n], "colour": colours.get(n)} for n in order],
        "sides": [{"key": k, "label": side_label(k), "colour": side_colour(k)} for k in side_keys],
        "types": [{"name": t, "shape": type_shape(t)[0]} for t in types],
        "shapes": SHAPE_BODIES,
        "articles": art_rows,
        "strings": S.items,
        "cols": cols,
    }
