"""One event per incident across articles.

Two events are the same incident when their days are at most one apart,
their points within 10 km (and, when both name their site exactly, the same
site; a governorate's point is never matched to a named site), their types
compatible and their actors compatible (one shared, or one side unnamed;
civilians alone shared need one account not to name who acted).  Types are compatible when they are the same, a battle and
a strike, or a deadly air strike, shelling or bomb that hit civilians and a record of an
attack on civilians (UCDP's one-sided violence, which names no weapon, is read
as Violence against civilians / Attack).  The incident's record is the
earliest-read article's: it lists every source and the highest count.  The
other articles' records stay (each article keeps its account, which is what
a reader comparing sources needs) and point to it through ``duplicate_of``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from .. import _geo
from ..models import Event
from .actors import unnamed
from .types import BOMB_TYPES

__all__ = ["mark_duplicates", "merge_duplicates", "same_incident"]

_KM = 10.0  # how far apart two reports of one incident may place it
_COMPATIBLE = {
    frozenset({"Battles", "Explosions/Remote violence"}),
}
#: Strikes from afar and bombs that kill civilians where a record says only that civilians were attacked.
_STRIKES = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"}) | BOMB_TYPES


def _km(a: Event, b: Event) -> float:
    return _geo.km(a.latitude, a.longitude, b.latitude, b.longitude)


def _day(e: Event) -> date | None:
    try:
        return date.fromisoformat(e.event_date)
    except ValueError:
        return None


def same_incident(a: Event, b: Event, *, km: float = _KM, days: int = 1) -> bool:
    """Whether two events (from different articles) report the same incident."""
    if a.article_id == b.article_id:
        return False
    da, db = _day(a), _day(b)
    if da is None or db is None or abs((da - db).days) > days:
        return False
    dist = _km(a, b)
    if dist > km:
        return False
    if a.geo_precision == 1 and b.geo_precision == 1 and not _same_site(a, b) and dist > 1.0:
        return False  # two villages named as the sites are two sites, however close
    told = "record" not in (a.date_flag, b.date_flag)
    if told and {a.geo_precision, b.geo_precision} == {1, 3}:
        # A governorate's point is no site: "villages in the Aleppo countryside" is not, for
        # lying near the province's centre, the strike on the city a second article reports.
        return False
    if not _types_agree(a, b):
        return False
    actors_a = {x for x in (a.actor1, a.actor2) if x}
    actors_b = {x for x in (b.actor1, b.actor2) if x}
    if not actors_a or not actors_b:
        return True
    shared = actors_a & actors_b
    if shared - _VICTIMS or not told:
        return bool(shared)
    # Only the civilians hit are shared: "Russian jets" and "Syrian jets" killing civilians in one
    # town are two accounts of one strike only when one of them does not say whose jets.
    return bool(shared) and (unnamed(a.actor1) or unnamed(b.actor1))


#: Who is hit, not who acts: sharing them alone says nothing of who did it.
_VICTIMS = frozenset({"Civilians"})


def _same_site(a: Event, b: Event) -> bool:
    """Whether two events name one site: one gazetteer place, or one name.

    "Kafr Nabuda" and "Kafr Nabudah" are one village when the gazetteer placed both there.
    """
    if a.place_id and b.place_id:
        return a.place_id == b.place_id
    return a.location.casefold() == b.location.casefold()


def _types_agree(a: Event, b: Event) -> bool:
    """Whether two events' types can be two codings of one incident."""
    if a.event_type == b.event_type:
        return True
    if frozenset({a.event_type, b.event_type}) in _COMPATIBLE:
        # A battle and a strike can be one fight told two ways; not, in two articles, a strike
        # on civilians and a clash of armed men (shelling that killed two children is no
        # firefight).  A record (UCDP's state-based violence) names no weapon and may be either.
        told = a.date_flag != "record" and b.date_flag != "record"
        return not (told and any(e.event_type != "Battles" and _hit_civilians(e) for e in (a, b)))
    return (_deadly_strike_on_civilians(a) and _civilians_attacked_record(b)) or (
        _deadly_strike_on_civilians(b) and _civilians_attacked_record(a)
    )


def _hit_civilians(e: Event) -> bool:
    return e.civilian_targeting == "Civilian targeting" or e.actor2 == "Civilians"


def _deadly_strike_on_civilians(e: Event) -> bool:
    """An air/drone strike, shelling or bomb that killed civilians (whom it hit, and a toll above 0)."""
    return (
        e.event_type == "Explosions/Remote violence"
        and e.sub_event_type in _STRIKES
        and _hit_civilians(e)
        and bool(e.fatalities)
    )


def _civilians_attacked_record(e: Event) -> bool:
    """A joined record of an attack on civilians: how UCDP's one-sided violence reads, weapon unsaid.

    An article's own attack on civilians (a shooting, an execution) named no strike,
    so it stays another incident than a strike the same day.
    """
    return e.event_type == "Violence against civilians" and e.sub_event_type == "Attack" and e.date_flag == "record"


def _first_match(
    out: list[Event], e: Event, key: tuple[int, int, int], buckets: dict[tuple[int, int, int], list[int]]
) -> int | None:
    """The earliest incident record ``e`` repeats, looked up around ``key``, or ``None``."""
    # A tenth of a degree of latitude is 11 km; of longitude, 11 km times cos(latitude),
    # so more cells east and west are in reach of 10 km away from the equator.
    reach = math.ceil(_KM / (11.1 * max(math.cos(math.radians(e.latitude)), 0.01)))
    found = [
        i
        for dd in (-1, 0, 1)
        for dx in (-1, 0, 1)
        for dy in range(-reach, reach + 1)
        for i in buckets.get((key[0] + dd, key[1] + dx, key[2] + dy), ())
        if same_incident(out[i], e) and e.article_id not in out[i].sources
    ]
    return min(found) if found else None


def mark_duplicates(events: Sequence[Event]) -> list[Event]:
    """Link records of the same incident: the first one lists every source, the others point to it.

    Examples
    --------
    >>> mark_duplicates([])
    []
    """
    out: list[Event] = list(events)
    # Incident records by (day, 0.1-degree cell): a record is compared only with
    # those of its own and the neighbouring days and cells, so a long archive of
    # one city costs what one week of it does.  Undated records never match.
    buckets: dict[tuple[int, int, int], list[int]] = {}
    for idx, e in enumerate(out):
        day = _day(e)
        if day is None:
            continue
        key = (day.toordinal(), round(e.latitude * 10), round(e.longitude * 10))
        match_idx = _first_match(out, e, key, buckets)
        if match_idx is None:
            buckets.setdefault(key, []).append(idx)
            continue
        base = out[match_idx]
        # The incident carries the highest toll of its accounts; its text says whose it is,
        # so the first account's own words still match a number.
        fat, fat_text = base.fatalities, base.fatalities_text
        if e.fatalities is not None and (fat is None or e.fatalities > fat):
            fat = e.fatalities
            said = f"{e.fatalities_text or e.fatalities} (per {e.article_id})"
            fat_text = f"{fat_text}; {said}" if fat_text else said
        out[match_idx] = replace(
            base,
            sources=tuple(dict.fromkeys(base.sources + e.sources)),
            fatalities=fat,
            fatalities_text=fat_text,
            source="; ".join(dict.fromkeys(s for s in (base.source, e.source) if s)),
        )
        out[idx] = replace(e, duplicate_of=base.event_id)
    return out


def merge_duplicates(events: Sequence[Event]) -> list[Event]:
    """One record per incident: the incident records of :func:`mark_duplicates`.

    Examples
    --------
    >>> merge_duplicates([])
    []
    """
    return [e for e in mark_duplicates(events) if not e.duplicate_of]
