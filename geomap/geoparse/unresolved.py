"""What happens to names the gazetteer could not place.

- :func:`suggest_candidates` gives every unresolved mention its nearest
  gazetteer names (rapidfuzz near-misses) so ``mentions.csv`` tells an analyst
  what to write in a patch file.
- :func:`apply_fallback` asks the opt-in online geocoder
  (:class:`geomap.gazetteer.online.OnlineFallback`) for the rest; a name it
  finds becomes a resolved mention whose place says ``layer="online:..."``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from ..gazetteer.store import REGION, Gazetteer
from ..models import Mention, Place

__all__ = ["Fallback", "apply_fallback", "suggest_candidates"]

_POINT_KINDS = {
    "city",
    "town",
    "village",
    "district",
    "camp",
    "base",
    "airport",
    "crossing",
    "prison",
    "hospital",
    "landmark",
    "dam",
}
_NEAR_BEFORE = re.compile(
    r"\b(?:near|nearby|close to|outskirts of|vicinity of|around|outside|countryside of|"
    r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?(?: side| part| outskirts)? of|"
    r"kilomet(?:er|re)s? from|km from|road to|direction of|towards?)\s+(?:the\s+)?(?:\w+\s+)?$",
    re.I,
)
_AREA_AFTER = re.compile(r"^\s*(?:countryside|area|region|plains?|desert|outskirts)\b", re.I)


class Fallback(Protocol):
    """Anything with ``lookup(name) -> Place | None`` (e.g. ``OnlineFallback``)."""

    def lookup(self, name: str) -> Place | None:
        """Return the place for ``name``, or ``None``."""


def _precision(m: Mention, place: Place) -> tuple[int, str]:
    """ACLED geo_precision for an online answer, from its kind and the mention's context."""
    if place.kind in ("governorate", "country"):
        return 3, place.kind
    i = m.context.find(m.surface)
    if i >= 0:
        before, after = m.context[:i], m.context[i + len(m.surface) :]
        near = _NEAR_BEFORE.search(before)
        if near:
            return 2, near.group().strip()
        area = _AREA_AFTER.match(after)
        if area:
            return 2, area.group().strip()
    if place.kind not in _POINT_KINDS:
        return 2, place.kind
    return 1, ""


def apply_fallback(mentions: Sequence[Mention], fallback: Fallback) -> list[Mention]:
    """Resolve the ``unresolved`` mentions through ``fallback``; others pass through.

    A found place gives the mention status ``resolved``, the place's point and
    precision 1 (the place itself), 2 (near it, or an area) or 3 (a
    governorate). Candidates found earlier are kept after the new place.

    Examples
    --------
    >>> from geomap.models import Mention, Place
    >>> class Fake:
    ...     def lookup(self, name):
    ...         return Place("online:x:1", name, 35.0, 38.0, kind="village", layer="online:x")
    >>> m = Mention("a1", 0, 8, "Tall Nur", context="near Tall Nur village")
    >>> [(r.status, r.precision, r.place.layer) for r in apply_fallback([m], Fake())]
    [('resolved', 2, 'online:x')]
    """
    out: list[Mention] = []
    asked: dict[str, Place | None] = {}
    for m in mentions:
        if m.status != "unresolved" or m.place is not None:
            out.append(m)
            continue
        if m.surface not in asked:
            asked[m.surface] = fallback.lookup(m.surface)
        place = asked[m.surface]
        if place is None:
            out.append(m)
            continue
        precision, cue = _precision(m, place)
        out.append(
            replace(
                m,
                place=place,
                status="resolved",
                precision=precision,
                lat=place.lat,
                lon=place.lon,
                candidates=(place, *m.candidates),
                cue=cue or m.cue,
            )
        )
    return out


def suggest_candidates(
    mentions: Sequence[Mention],
    gazetteer: Gazetteer,
    *,
    country_bias: Sequence[str] = ("SY",),
    limit: int = 5,
    cutoff: float = 75.0,
) -> list[Mention]:
    """Give each unresolved mention without candidates its nearest gazetteer names.

    Suggestions are rapidfuzz near-misses on the name keys (see
    :meth:`Gazetteer.fuzzy`) in Syria's region, those in ``country_bias``
    first; they are only advice for a patch file and never make the mention
    resolved.

    Examples
    --------
    >>> from geomap.gazetteer import load_gazetteer
    >>> m = Mention("a1", 0, 7, "Sarakib")
    >>> [c.name for c in suggest_candidates([m], load_gazetteer())[0].candidates][:1]
    ['Saraqib']
    """
    bias = {c.upper() for c in country_bias}
    out: list[Mention] = []
    for m in mentions:
        if m.status != "unresolved" or m.candidates:
            out.append(m)
            continue
        hits = gazetteer.fuzzy(m.surface, limit=limit * 4, cutoff=cutoff)
        best: dict[str, tuple[float, Place]] = {}
        for p, score in hits:
            if p.country not in REGION:
                continue  # a misspelt village is not a world city
            score += 5.0 if p.country in bias else 0.0
            if p.id not in best or best[p.id][0] < score:
                best[p.id] = (score, p)
        ranked = sorted(best.values(), key=lambda sp: (-sp[0], sp[1].id))
        out.append(replace(m, candidates=tuple(p for _s, p in ranked[:limit])))
    return out
