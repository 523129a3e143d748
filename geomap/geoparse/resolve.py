"""Resolve recognised names to gazetteer places, and set ACLED's geo_precision.

Scoring, for each candidate place of a name:

- country bias (Syria by default): the biased countries first, then the region;
- layer: user patches, then the team's curated layer, then GeoNames;
- population and feature kind priors (a city before a village of the same name);
- containment cues: "Hajin in Deir Ezzor province", "the Deir Ezzor countryside",
  or the governorates named elsewhere in the article;
- coherence: places near the article's other unambiguous places score higher.

Precision (ACLED geo_precision): 1 for the named place itself; 2 for "near",
"north of", "outskirts of", "between X and Y", areas and regions; 3 when only
a governorate (or larger) is known.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import replace

from .._geo import km as _km
from ..gazetteer.admin import NEIGHBOURS, governorate_name, other_governorate
from ..gazetteer.names import ARTICLES, LOOSE_QUALIFIERS, PLACE_KIND_WORDS, fold, token_key
from ..gazetteer.store import LAYER_PRIORITY, REGION, Gazetteer
from ..models import Mention, Place
from .recognize import RawMention, find_mentions

__all__ = ["PLACE_DATELINE", "named_admin1", "rank_name", "rank_place_string", "resolve_mentions", "resolve_name"]

_NEAR = re.compile(
    r"\b(?:near|nearby|close to|outskirts of|vicinity of|around|outside|surroundings of|"
    r"environs of|countryside of|(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?(?: side| part| edge| countryside| outskirts)? of|"
    r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)? side of|kilomet(?:er|re)s? (?:from|of)|km (?:from|of)|"
    r"road to|highway|direction of|towards?|axis|front(?:line)? of|edge of|entrance (?:of|to))\s+(?:the\s+)?(?:\w+\s+)?"
    # "near the (Iraqi) town of al-Qaim": near it all the same.
    r"(?:(?:town|city|village|hamlet|area|camp|district|neighbou?rhood)\s+of\s+)?#?$",  # "near #Kafranbel"
    re.I,
)
_REGIONAL_ADJ = re.compile(
    r"\b(?:northern|southern|eastern|western|central|north|south|east|west|northeast|northwest|"
    r"southeast|southwest|north-east|north-west|south-east|south-west|northeastern|northwestern|"
    r"southeastern|southwestern|rural|greater)\s+$",
    re.I,
)
#: A side of an area, as reports write it before the area's name ("north-western").
_SIDE = r"(?:north|south)(?:-?(?:east|west))?|east|west"
_DIRECTION = re.compile(rf"\b({_SIDE}|central)(?:ern)?\s+(?:the\s+)?$", re.I)
#: "... countryside", "'s southern countryside": the area named after the place.
_AFTER_AREA = re.compile(
    rf"^(?:['’]s?\s+(?:(?P<dir>{_SIDE}|central)(?:ern)?\s+|rural\s+)?)?\s*"
    r"(?:countryside|province|governorate|region|desert|badia|plains?|area)\b",
    re.I,
)
#: "Idlib and Aleppo provinces": the first of a list shares the kind word after the last.
_AREAS_AFTER = re.compile(
    r"(?P<dir>\b\B)?(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)[A-Z][\w'’-]*(?:\s+(?:[a-z]{1,3}-)?[A-Z][\w'’-]*){0,2})+"
    r"\s+(?:provinces|governorates)\b"
)
#: Cities whose sides are parts of the city ("eastern Aleppo" in the siege, "southern
#: Damascus"): there a side names the city's part, elsewhere the governorate's ("southern Idlib").
_CITY_SIDES = frozenset({"Aleppo", "Damascus"})
#: "southern Idlib", "rural Hama" ("central Hama" is the city's centre).
_GOVERNORATE_SIDE = re.compile(rf"\b(?:(?:{_SIDE})(?:ern)?|rural)\s+(?:the\s+)?$", re.I)
_AFTER_CITY = re.compile(r"^\s*(?:city|town|village)\b", re.I)
#: "the (southern) countryside of Hasakah": the governorate's countryside, as "the Hasakah countryside".
_COUNTRYSIDE_OF = re.compile(rf"\b(?:({_SIDE}|central)(?:ern)?\s+)?(?:countryside|rural areas) of\s+(?:the\s+)?$", re.I)
#: "across Idlib", "throughout Daraa": a governorate named by its capital's name.
_ACROSS = re.compile(r"\b(?:across|throughout|all over)\s+(?:the\s+)?$", re.I)


_KIND_PRIOR = {
    "city": 0.6,
    "governorate": 0.5,
    "town": 0.35,
    "camp": 0.4,
    "base": 0.4,
    "airport": 0.4,
    "crossing": 0.4,
    "oilfield": 0.4,
    "gasfield": 0.4,
    "dam": 0.4,
    "region": 0.4,
    "district": 0.3,
    "village": 0.2,
    "country": 0.3,
}


def _base_score(p: Place, bias: Sequence[str]) -> float:
    s = 0.0
    if p.country in bias:
        s += 3.0
    elif p.country in REGION:
        s += 1.0
    s += {"patch": 3.0, "curated": 1.2, "admin": 0.8, "imported": 0.6}.get(p.layer, 0.0)
    s += min(1.8, math.log10(p.population + 1) * 0.25)
    s += _KIND_PRIOR.get(p.kind, 0.2)
    return s


#: Kind words a name may carry ("Hamdaniyeh district"), by key, with the kind each says;
#: the bare name is a candidate too.
_KIND_WORDS = {
    token_key(w): PLACE_KIND_WORDS[w]
    for w in ("district", "neighbourhood", "neighborhood", "quarter", "town", "village", "camp", "city")
}
#: "the Homs district of Baba Amr", "the Damascus neighbourhood of Jobar".
_QUARTER_OF = re.compile(r"\s+of\s+(?:the\s+)?(?:al-|el-)?[A-Z\u0600-\u06ff]")


#: "the X neighbourhood", "the neighbourhood of X": a quarter of a city.
_QUARTER_WORD = re.compile(r"\s+(?:neighbou?rhoods?|quarters?)\b", re.I)
_QUARTER_OF_BEFORE = re.compile(r"\b(?:neighbou?rhoods?|quarters?)\s+of\s+(?:the\s+)?$", re.I)
#: A roundup item's heading: "HOMS: ...", "Deir ez-Zor - ...", "Hama governorate: ..." at a line's start.
_HEADING = re.compile(
    r"(?m)^[ \t*#>-]*(?P<name>[A-Z][\w'’ -]{1,30}?)(?:\s+(?:province|governorate))?\s*(?::|\s[–—-])\s"
)


def _same_sentence_governorates(text: str, raw: RawMention, named_at: Sequence[tuple[int, str]]) -> set[str]:
    """Governorates named (by themselves or their capitals) in the mention's sentence."""
    lo = max(text.rfind(". ", 0, raw.start), text.rfind("\n", 0, raw.start))
    hi = min((i for i in (text.find(". ", raw.end), text.find("\n", raw.end)) if i >= 0), default=len(text))
    return {gov for at, gov in named_at if lo < at < hi and at != raw.start}


def _names_own_governorate(p: Place, surface: str) -> bool:
    """Whether ``surface`` is the name of ``p``'s governorate, and ``p`` that governorate or its capital."""
    return p.kind in ("governorate", "city") and token_key(p.admin1) == token_key(surface)


def _headings(text: str) -> dict[int, tuple[int, str]]:
    """The lines headed by a governorate ("HOMS: ..."): line start -> (where the name starts, governorate)."""
    found: dict[int, tuple[int, str]] = {}
    for m in _HEADING.finditer(text):
        gov = governorate_name(m.group("name").strip())
        if gov:
            found[m.start()] = (m.start("name"), gov)
    return found


def _heading_of(text: str, at: int, headings: dict[int, tuple[int, str]]) -> tuple[int, str] | None:
    """The governorate heading of the line ``at`` is on: (where its name starts, governorate)."""
    return headings.get(text.rfind("\n", 0, at) + 1) if headings else None


def _candidates(raw: RawMention, gaz: Gazetteer, text: str = "") -> tuple[list[Place], bool]:
    """Candidates for a raw mention; the flag says they came from fuzzy matching."""
    if raw.fuzzy_ids or raw.fuzzy_score < 100:
        ids = set(raw.fuzzy_ids)
        if raw.fuzzy_score < 88 or len(raw.key.replace(" ", "")) < 6:
            return [], True
        return gaz.places_by_ids(ids), True
    places = gaz.lookup_key(raw.key)
    head, _sp, word = raw.key.rpartition(" ")
    if head and word in _KIND_WORDS:
        if _QUARTER_OF.match(text, raw.end):
            # "the Homs district of Baba Amr": a quarter of the city, not Homs District.
            places = [p for p in places if not p.is_admin_unit]
        if not any(p.kind == _KIND_WORDS[word] for p in places):
            # "Hamdaniyeh district": the Aleppo district named without the word, beside an
            # Iraqi town that has "Hamdaniya District" among its names.  "Jisr al-Shughur
            # district" is the district itself: a place of the kind the word says.
            places = list({p.id: p for p in [*places, *gaz.lookup_key(head)]}.values())
    surface = fold(raw.surface)
    kept = []
    for p in places:
        if p.country not in REGION and p.kind != "country" and p.layer == "geonames":
            # A world city must be spelt as it is ("Moro" is not "Muru").
            if fold(p.name) != surface:
                continue
        kept.append(p)
    return kept, False


def _prefer_curated_twin(scored: list[tuple[float, Place]]) -> list[tuple[float, Place]]:
    """One town, one id: the best candidate's twin from a layer written for this work wins.

    A twin is the same kind of place within 3 km, so "Tell Refaat" (a GeoNames
    spelling) and "Tal Rifaat" count as one place.
    """
    best_score, best = scored[0]
    rank = LAYER_PRIORITY.get(best.layer, 1)
    for i, (_s, p) in enumerate(scored[1:], 1):
        if (
            LAYER_PRIORITY.get(p.layer, 1) > rank
            and p.is_area == best.is_area
            and p.is_admin_unit == best.is_admin_unit
            and _km(p.lat, p.lon, best.lat, best.lon) <= 3.0
        ):
            return [(best_score, p), *scored[1:i], (scored[i][0], best), *scored[i + 1 :]]
    return scored


def resolve_mentions(
    text: str,
    raws: Sequence[RawMention],
    gaz: Gazetteer,
    *,
    article_id: str = "",
    country_bias: Sequence[str] = ("SY",),
    hint_admin1: frozenset[str] = frozenset(),
    at_home: bool = False,
) -> list[Mention]:
    """Resolve raw mentions of one article to places.

    ``hint_admin1`` names governorates the article is known to be about (from
    its title); candidates there score higher.  ``at_home`` says the article is
    known to be about the ``country_bias`` countries (its actors are theirs);
    otherwise an article that names no place there may be about a neighbour, and
    a village at home gives way to a neighbour's town of the same name.

    Examples
    --------
    >>> from geomap.gazetteer import load_gazetteer
    >>> from geomap.geoparse.recognize import find_mentions
    >>> gaz = load_gazetteer()
    >>> text = "Clashes near Tadmour in Homs province."
    >>> [(m.place.admin1, m.precision) for m in resolve_mentions(text, find_mentions(text, gaz), gaz)]
    [('Homs', 2), ('Homs', 3)]
    """
    bias = tuple(c.upper() for c in country_bias)
    cands: list[tuple[list[Place], bool]] = [_candidates(r, gaz, text) for r in raws]
    # Governorates named in the article, and anchors (single-candidate Syrian places).
    govs: set[str] = set()
    anchors: list[Place] = []
    abroad: set[str] = set()  # countries of the neighbours' places the article names without doubt
    named_at: list[tuple[int, str]] = []  # where a governorate (or its capital) is named
    for (places, fuzzy), raw in zip(cands, raws, strict=True):
        if places and not fuzzy and _one_place(places) and places[0].country in bias:
            anchors.append(places[0])
            if places[0].admin1 and (places[0].kind in ("governorate", "city") or len(places) == 1):
                govs.add(places[0].admin1)
                named_at.append((raw.start, places[0].admin1))
        elif places and not fuzzy and _one_place(places) and places[0].country in REGION:
            if places[0].kind != "country":
                abroad.add(places[0].country)
    # A town or governorate at home among any mention's readings: the article is about home.
    home_named = bool(anchors) or any(not fuzzy and _home_town(places, bias) for places, fuzzy in cands)
    # Each anchor once; a place's bonus for lying near them is worked out once per article.
    near_anchors = list({a.id: a for a in anchors if a.kind not in ("governorate", "country")}.values())
    headings = _headings(text)
    coherence: dict[str, float] = {}
    out: list[Mention] = []
    for i, ((places, fuzzy), raw) in enumerate(zip(cands, raws, strict=True)):
        nxt = raws[i + 1] if i + 1 < len(raws) else None
        context = _context(text, raw.start, raw.end)
        if not places:
            out.append(Mention(article_id, raw.start, raw.end, raw.surface, context=context, status="unresolved"))
            continue
        if nxt is not None and _IN_BRACKETS.fullmatch(text, raw.end, nxt.start) and text.startswith(")", nxt.end):
            # "al-Malikiyah (Derik)": the name in brackets is the same place's other name.
            both = [p for p in places if any(_km(p.lat, p.lon, q.lat, q.lon) <= 3 for q in cands[i + 1][0])]
            places = both or places
        # "Tal Shaer al-Janubi in the Raqqa countryside", the qualifier unknown to the
        # gazetteer: the container after the whole name still says where it is.
        qualified = _qualifier_end(text, raw.end)
        whole = replace(raw, end=qualified) if qualified is not None else raw
        local_gov = _local_governorate(text, whole, nxt, gaz)
        city = _city_after(text, raw, nxt, gaz, bias)
        if city is not None:
            inside = [p for p in places if _km(p.lat, p.lon, city.lat, city.lon) <= 15]
            if inside:
                places = inside
            else:
                # "the X neighbourhood of Aleppo city", X unknown there: coded to the city, precision 2.
                out.append(
                    Mention(
                        article_id,
                        raw.start,
                        raw.end,
                        raw.surface,
                        place=city,
                        candidates=(city,),
                        score=_base_score(city, bias),
                        status="resolved",
                        precision=2,
                        lat=city.lat,
                        lon=city.lon,
                        context=context,
                        cue="part of",
                    )
                )
                continue
        # "the Iraqi town of Sinjar", "the Turkish border town of Kilis": that country's place.
        nation = _NATION_BEFORE.search(text, max(0, raw.start - 40), raw.start)
        if nation is not None and len(places) > 1:
            country = _NATIONS[nation.group(1).lower()]
            places = [p for p in places if p.country == country] or places
        # "the al-Zahraa neighbourhood": rather a city's quarter than a town of the name.
        quarter = len(places) > 1 and bool(
            _QUARTER_WORD.match(text, raw.end) or _QUARTER_OF_BEFORE.search(text, max(0, raw.start - 30), raw.start)
        )
        if local_gov and len(places) > 1:
            # "Tell Qara in the Deir ez-Zor desert": the namesake in that governorate, whatever
            # the others have for them (a fuller layer, neighbours in the article).
            places = [p for p in places if p.admin1 == local_gov] or places
        heading = _heading_of(text, raw.start, headings)
        if heading is not None and heading[0] < raw.start and len(places) > 1 and not local_gov:
            # "HOMS: A car bomb exploded in al-Zahraa": a roundup's item under its governorate.
            places = [p for p in places if p.admin1 == heading[1]] or places
        exact = gaz.spelt_as(raw.surface) if len(places) > 1 else set()
        here = _same_sentence_governorates(text, raw, named_at) if len(places) > 1 else set()
        scored: list[tuple[float, Place]] = []
        for p in places:
            s = _base_score(p, bias)
            if p.id in exact:
                s += 1.0
            if p.admin1 and p.admin1 in hint_admin1:
                s += 1.5
            if fuzzy:
                s -= 1.0
            if quarter and p.kind == "district" and not p.is_admin_unit:
                s += 0.6
            if local_gov and p.admin1 == local_gov:
                s += 2.5
            elif p.admin1 and (p.admin1 in here or (here and _names_own_governorate(p, raw.surface))):
                # Named in the same sentence: nearer than the headline's governorate.  A
                # governorate's own name ("Eastern Ghouta and Hama") names it there too.
                s += 2.2
            elif p.admin1 and p.admin1 in govs:
                s += 0.8
            s += _coherence(p, near_anchors, coherence)
            scored.append((s, p))
        scored.sort(key=lambda sp: (-sp[0], sp[1].id))
        scored = _prefer_curated_twin(scored)
        if (
            not home_named
            and not at_home
            and not fuzzy
            and not local_gov
            and not any(p.country in bias and p.admin1 in hint_admin1 for p in places)
        ):
            # Nothing in the article (nor its headline) puts it in the countries of interest.
            scored = _neighbours_namesake(scored, bias, abroad, exact)
        best_score, best = scored[0]
        place, lat, lon = best, best.lat, best.lon
        # "Shaer in Homs province" with no Shaer in Homs: not a namesake in Latakia, but
        # the governorate the text names (precision 3), the namesakes kept as candidates.
        contradicted = (
            local_gov
            and best.country == "SY"
            and best.admin1
            and other_governorate(best.admin1, local_gov)  # not "Douma in Damascus province"
            and best.kind not in ("governorate", "country", "border", "region")
        )
        unit = (_named_unit(text, whole, nxt) or _said_in(text, whole, nxt)) if contradicted else None
        gov = governorate_place(gaz, local_gov) if unit is not None else None
        if gov is not None and unit is not None:
            part = gaz.part(local_gov, unit.group("dir")) if unit.group("dir") else None
            place, (lat, lon) = gov, part or (gov.lat, gov.lon)
            status, precision, cue = "ambiguous", 3, f"in {local_gov}"
        else:
            status = "resolved"
            if len(scored) > 1:
                s2, p2 = scored[1]
                if best_score - s2 < 0.4 and _km(best.lat, best.lon, p2.lat, p2.lon) > 25:
                    status = "ambiguous"
            precision, cue = _precision(text, raw, best)
            if cue == "governorate countryside":
                # "the southern countryside of Hasakah": that side of the governorate, as for
                # "the southern Hasakah countryside" (Damascus's countryside is Rif Dimashq).
                gov_name = "Rif Dimashq" if best.admin1 == "Damascus" else best.admin1
                gov_place = governorate_place(gaz, gov_name)
                side = _COUNTRYSIDE_OF.search(text[max(0, raw.start - 45) : raw.start])
                if gov_place is not None:
                    place = gov_place
                    part = gaz.part(gov_name, side.group(1)) if side and side.group(1) else None
                    lat, lon = part or (gov_place.lat, gov_place.lon)
            elif (
                precision == 3
                and best.country == "SY"
                and best.admin1
                and (
                    best.kind == "governorate"
                    or best.kind == "city"
                    and (
                        _AFTER_AREA.match(text[raw.end : raw.end + 25])
                        or _AREAS_AFTER.match(text, raw.end, raw.end + 90)
                        or best.admin1 not in _CITY_SIDES
                        and _GOVERNORATE_SIDE.search(text, max(0, raw.start - 30), raw.start)
                        or _ACROSS.search(text, max(0, raw.start - 30), raw.start)
                    )
                )
            ):
                # "the southern Idlib countryside", "northern Hama province": that part of the
                # governorate ("eastern Aleppo" stays the city: it meant the city's east).
                d = _DIRECTION.search(text[max(0, raw.start - 30) : raw.start])
                after = _AFTER_AREA.match(text[raw.end : raw.end + 40]) or _AREAS_AFTER.match(
                    text, raw.end, raw.end + 90
                )
                # "Idlib's southern countryside": the side named after the place.
                named_side: str | None = d.group(1) if d else after.group("dir") if after else None
                part = gaz.part(best.admin1, named_side) if named_side else None
                if part is not None:
                    lat, lon = part
                gov_place = governorate_place(gaz, best.admin1) if best.kind == "city" else None
                if gov_place is not None and _named_governorate(best, gov_place):
                    # "Idlib's countryside", "in southern Idlib", "across Idlib": the governorate.
                    place = gov_place
                    if part is None:
                        lat, lon = gov_place.lat, gov_place.lon
            if heading is not None and heading[0] == raw.start and len(headings) >= 2:
                # "HOMS: Rebels shelled ..." in a roundup (two headings or more, else it is a
                # dateline): the governorate the item is in.
                gov_place = governorate_place(gaz, heading[1])
                if gov_place is not None:
                    place, lat, lon, precision, cue = gov_place, gov_place.lat, gov_place.lon, 3, "heading"
            elif raw.start < 200 and _heads_a_dateline(text, raw.start, raw.end):
                cue = "dateline"  # the filing place at the head of a line, not the event's site
        out.append(
            Mention(
                article_id=article_id,
                start=raw.start,
                end=raw.end,
                surface=raw.surface,
                place=place,
                candidates=tuple(p for _s, p in scored[:5]),
                score=round(best_score, 3),
                status=status,
                precision=precision,
                lat=lat,
                lon=lon,
                context=context,
                cue=cue,
            )
        )
    return _between(text, _containers(text, out, gaz))


#: "Kafr Nabl, Idlib, May 12": a comma, and no list going on after the second name.
_LIST_GOES_ON = re.compile(r"\s*(?:,\s*)?(?:and|or|&)\s|\s*,\s*(?:the\s+)?[A-Z][a-z]", re.S)


def _containers(text: str, mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """A governorate's city named after a place inside it ("Kafr Nabl, Idlib") stands for the governorate."""
    out = list(mentions)
    for i in range(1, len(out)):
        prev, m = out[i - 1], out[i]
        place, inner = m.place, prev.place
        if place is None or inner is None or place.kind != "city" or place.country != "SY":
            continue
        # "Tal X in (eastern) Idlib", Tal X unknown there: Idlib is the governorate it is in,
        # at the point (the side) the place before was given.
        stated = prev.cue == f"in {place.admin1}" and inner.kind == "governorate"
        if not stated:
            if (
                inner.id == place.id
                or inner.admin1 != place.admin1
                or inner.kind in ("governorate", "country", "region")
            ):
                continue
            if not re.fullmatch(r"\s*,\s*", text[prev.end : m.start]):
                continue
            nxt = out[i + 1] if i + 1 < len(out) else None
            after = _LIST_GOES_ON.match(text, m.end)
            if after is not None and nxt is not None and nxt.start <= after.end() + 1:
                continue  # "Saraqib, Idlib and Hama": a list of places
        gov = governorate_place(gaz, place.admin1)
        if gov is None or not _named_governorate(place, gov):
            continue
        lat, lon = (prev.lat, prev.lon) if stated else (gov.lat, gov.lon)
        out[i] = replace(m, place=gov, candidates=(gov, *m.candidates), lat=lat, lon=lon, precision=3, cue="container")
    return out


def _named_governorate(city: Place, gov: Place) -> bool:
    """Whether the city bears its governorate's name (Idlib, Hama; not Douma in Rif Dimashq)."""
    from ..gazetteer.names import name_keys

    return bool(name_keys(city.name) & name_keys(gov.admin1))


#: "the Iraqi town of X": the adjective names X's country.
_NATIONS = {adj.lower(): code for code, (adjs, _nouns) in NEIGHBOURS.items() for adj in adjs}
_NATION_BEFORE = re.compile(
    rf"\b({'|'.join(_NATIONS)})\s+(?:border\s+|frontier\s+)?"
    r"(?:town|city|village|province|district|capital|crossing)\s+(?:of\s+)?(?:the\s+)?(?:al-|el-)?$",
    re.I,
)
_DATELINE = re.compile(
    r"^\W{0,3}[A-Z][A-Z .-]{2,30}(?:,\s*[A-Z][a-zA-Z]+)?\s*\((?:AP|AFP|Reuters|REUTERS|SANA|AA|UPI|Xinhua|dpa)\)"
    r"|^\W{0,3}[A-Z]{3,}[A-Z ]*\s*[-–—:]"
)
#: "Idlib, 12 March 2019 —", "Deir ez-Zor, March 12 (Syria Desk) -", "DAMASCUS, Syria,
#: August 2, 2019 -": a filing place (and its country), its date and a dash.  The events
#: use it too: that date is the report's, not the incident's.
PLACE_DATELINE = re.compile(
    r"^\W{0,3}[A-Z][\w'’-]*(?:[ -][\w'’-]+){0,3},\s*"
    rf"(?:(?:{'|'.join(n for _a, nouns in NEIGHBOURS.values() for n in nouns)}|Iran|Russia|Egypt|Qatar),\s*)?"
    r"(?P<date>\d{1,2}\s+[A-Z][a-z]{2,8}\.?|[A-Z][a-z]{2,8}\.?\s+\d{1,2})"
    r"(?:,?\s+\d{4})?\s*(?:\([^)]{1,40}\)\s*)?[-–—:]"
)


def _heads_a_dateline(text: str, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` opens its line as a dateline's filing place."""
    line_start = text.rfind("\n", 0, start) + 1
    if re.sub(r"[\W_]", "", text[line_start:start]):
        return False
    head = text[max(line_start, start - 3) : end + 40]
    return bool(_DATELINE.match(head) or PLACE_DATELINE.match(head))


def _coherence(p: Place, anchors: Sequence[Place], memo: dict[str, float]) -> float:
    """Score bonus for a candidate near the article's other unambiguous places."""
    found = memo.get(p.id)
    if found is None:
        near = [a for a in anchors if a.id != p.id]
        found = 0.0
        if near and p.kind != "country":
            d = min(_km(p.lat, p.lon, a.lat, a.lon) for a in near)
            found = 0.8 if d < 60 else 0.3 if d < 150 else 0.0
        memo[p.id] = found
    return found


_IN_BRACKETS = re.compile(r"\s*\(\s*")


def _home_town(places: Sequence[Place], bias: Sequence[str]) -> bool:
    """Whether a reading of a name is a town, city or unit in the countries of interest."""
    return any(
        p.country in bias and (p.population >= 5000 or p.is_admin_unit or p.kind in ("city", "town")) for p in places
    )


def _neighbours_namesake(
    scored: list[tuple[float, Place]], bias: Sequence[str], abroad: set[str], spelt: set[str]
) -> list[tuple[float, Place]]:
    """In an article that names no place in the countries of interest, a neighbour's namesake first.

    "Nasiriyah" with nothing Syrian around it is the Iraqi city, not a hamlet of
    the same name in Qalamoun; "the Bekaa valley" after Baalbek is Lebanon's.  A
    village at home gives way to a namesake spelt as written that is a town abroad
    (20,000 people or more) or lies in a neighbour the article already names
    without doubt.
    """
    best = scored[0][1]
    if best.country not in bias or _home_town([p for _s, p in scored], bias):
        return scored
    for i, (score, p) in enumerate(scored[1:], 1):
        if p.country in bias or p.country not in REGION or p.kind == "country" or p.id not in spelt:
            continue  # only a namesake spelt as written: "Ras al-Ain" is not Rosh Ha'Ayin
        if p.country in abroad or (p.kind in ("city", "town") and p.population >= 20000):
            return [(scored[0][0], p), *scored[1:i], (score, best), *scored[i + 1 :]]
    return scored


def _one_place(places: Sequence[Place]) -> bool:
    """All candidates are one place seen by several layers (within 15 km, same country)."""
    p0 = places[0]
    return all(p.country == p0.country and _km(p.lat, p.lon, p0.lat, p0.lon) < 15 for p in places[1:])


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    a = max(0, start - width)
    b = min(len(text), end + width)
    return " ".join(text[a:b].split())


_PART_OF = re.compile(
    r"^\s*(?:neighbou?rhood|district|quarter|suburb|area|bridge|square|roundabout|street|market|souk|hospital"
    r"|mosque|stadium|university|junction)\s+(?:of|in)\s+(?:the\s+)?(?:city\s+of\s+|town\s+of\s+)?",
    re.I,
)


def _city_after(
    text: str, raw: RawMention, nxt: RawMention | None, gaz: Gazetteer, bias: Sequence[str]
) -> Place | None:
    """The city in "X neighbourhood of <city>", "the X bridge in <city>" (``nxt``: the next name found)."""
    m = _PART_OF.match(text[raw.end : raw.end + 40])
    if not m or nxt is None or nxt.start - (raw.end + m.end()) > 2:
        return None
    cities = [p for p in gaz.lookup_key(nxt.key) if p.kind == "city" and p.country in bias]
    return max(cities, key=lambda p: (p.country == "SY", p.population)) if cities else None


#: "in Homs province", "in the eastern Daraa countryside": a governorate named as the place's
#: container (a list's next city, "Saraqib, Hama and Douma", is not one).
_UNIT_WORD = r"(?:province|governorate|countryside|desert|badia)"
_IN_UNIT = re.compile(
    rf"\s*,?\s+in\s+(?:the\s+)?(?:(?P<dir>{_SIDE})(?:ern)?\s+)?"
    rf"(?:(?:rural\s+)?[\w' -]{{3,25}}?\s+{_UNIT_WORD}\b"
    # "in the eastern countryside of Hama"
    rf"|(?:{_UNIT_WORD}|rural\s+areas)\s+of\s+(?:the\s+)?[\w' -]{{3,25}}?\b(?![\w'-]))",
    re.I,
)
#: What may stand between a place and the governorate it is in: "Hajin in Deir Ezzor", "X, Idlib",
#: "X in the eastern countryside of Hama".
_BEFORE_CONTAINER = re.compile(
    rf"\s*(?:,|of|,?\s*in(?:\s+the)?(?:\s+(?:{_SIDE})(?:ern)?)?(?:\s+(?:{_UNIT_WORD}|rural\s+areas)\s+of(?:\s+the)?)?)\s+",
    re.I,
)


def _named_unit(text: str, raw: RawMention, nxt: RawMention | None) -> re.Match[str] | None:
    """The "in X province" right after a mention, when X is the next mention."""
    if nxt is None:
        return None
    m = _IN_UNIT.match(text, raw.end)
    return m if m is not None and m.start() <= nxt.start < m.end() else None


_ENGLISH_SIDES = ("north", "south", "east", "west", "upper", "lower")
#: The word after a name, with its article: "al-Janubi", "Tahtani".
_WORD_AFTER = re.compile(r"[ -](?:(?P<article>[A-Za-z]{1,3})[-‑ ])?(?P<word>[A-Za-z][\w'’]*)")
#: The gazetteer's twin-village qualifiers in Arabic ("northern", "upper" are English words).
_QUALIFIER_KEYS = frozenset(token_key(w) for w in LOOSE_QUALIFIERS if not w.startswith(_ENGLISH_SIDES))


def _qualifier_end(text: str, pos: int) -> int | None:
    """Where a village's qualifier right after ``pos`` ends ("... al-Janubi", southern), if one is there."""
    m = _WORD_AFTER.match(text, pos)
    if m is None or (m.group("article") or "al").lower() not in ARTICLES:
        return None
    return m.end() if token_key(m.group("word")) in _QUALIFIER_KEYS else None


#: "X in eastern Idlib": "in" and perhaps a side, right before the governorate's name.
_SAID_IN = re.compile(rf"\s*,?\s+in\s+(?:the\s+)?(?:(?P<dir>{_SIDE})(?:ern)?\s+)?", re.I)
_COMMA_IN = re.compile(r"\s*,\s*(?P<dir>)")


def _said_in(text: str, raw: RawMention, nxt: RawMention | None) -> re.Match[str] | None:
    """The "in (eastern) X" or ", X" right after a mention, X the next mention: said to be in X."""
    if nxt is None:
        return None
    m = _SAID_IN.match(text, raw.end, nxt.start)
    if m is None and not _LIST_GOES_ON.match(text, nxt.end):
        m = _COMMA_IN.match(text, raw.end, nxt.start)  # "X, Idlib" and no list going on
    return m if m is not None and m.end() == nxt.start else None


def governorate_place(gaz: Gazetteer, name: str) -> Place | None:
    """The governorate unit itself (its polygon's point), by name."""
    from ..gazetteer.names import name_keys

    for key in name_keys(f"{name} governorate"):
        for p in gaz.lookup_key(key):
            if p.kind == "governorate" and p.admin1 == name:
                return p
    return None


def _local_governorate(text: str, raw: RawMention, nxt: RawMention | None, gaz: Gazetteer) -> str:
    """Governorate named right after a mention: "Hajin in Deir Ezzor province", "X, Idlib"."""
    if nxt is None:
        return ""
    m = _BEFORE_CONTAINER.match(text, raw.end, raw.end + 60)
    if not m or nxt.start - m.end() > 25 or nxt.start < m.end():
        return ""
    for p in gaz.lookup_key(nxt.key):
        if p.country == "SY" and p.kind in ("governorate", "city"):
            return p.admin1  # "Hajin in Deir Ezzor province"
    # "X in the eastern Deir ez-Zor desert": a region named after its governorate (not the
    # Badia, which spans several).
    named = _REGION_WORD.sub("", nxt.surface).strip()
    return governorate_name(named) if named != nxt.surface.strip() else ""


def _precision(text: str, raw: RawMention, place: Place) -> tuple[int, str]:
    if place.is_admin_unit:
        return 3, place.kind
    before = text[max(0, raw.start - 45) : raw.start]
    after = text[raw.end : raw.end + 25]
    if place.kind == "city" and _REGIONAL_ADJ.search(before) and not _AFTER_CITY.match(after):
        return 3, _REGIONAL_ADJ.search(before).group().strip()  # type: ignore[union-attr]
    if (
        place.kind == "city"
        and governorate_name(place.name)
        and _ACROSS.search(before)
        and not _AFTER_CITY.match(after)
    ):
        return 3, _ACROSS.search(before).group().strip()  # type: ignore[union-attr]  # "across Idlib": the province
    area = _AFTER_AREA.match(after) or _AREAS_AFTER.match(text, raw.end, raw.end + 90)
    if area:
        word = area.group().split()[-1].lower()
        # "the Idlib countryside", "the Palmyra desert": a governorate or the desert around a
        # city; "the Tabqa area", "the Manbij countryside": near the town.
        wide = place.kind == "city" and (
            word in ("desert", "badia", "region") or (word != "area" and bool(governorate_name(place.name)))
        )
        return (3 if wide else 2), area.group().strip()
    if place.kind == "city" and place.admin1 and governorate_name(place.name) and _COUNTRYSIDE_OF.search(before):
        return 3, "governorate countryside"
    # A region the size of a governorate or more (the Badia) is ACLED's "larger region";
    # so is what lies on one side of a long river ("villages east of the Euphrates"), though
    # the river itself is a place near which ("boats crossed the Euphrates").
    wide = place.kind == "region" and place.radius_km >= _WIDE_REGION_KM
    m = _NEAR.search(before)
    if m:
        beyond = place.kind == "river" and place.radius_km >= _WIDE_REGION_KM
        return (3 if wide or beyond else 2), m.group().strip()
    if place.is_area:
        return (3 if wide else 2), place.kind
    return 1, ""


_REGION_WORD = re.compile(r"\s+(?:desert|badia|countryside|steppe|plains?)$", re.I)

#: The radius from which a named region counts as a larger region (geo_precision 3).
_WIDE_REGION_KM = 50.0


#: How far apart two places may be for the point between them to be a site (a village pair,
#: not two cities at either end of a desert road).
_MIDPOINT_KM = 30.0


def _between(text: str, mentions: list[Mention]) -> list[Mention]:
    """Give both names of "between (the villages of) X and Y" the midpoint, precision 2."""
    out = list(mentions)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        gap = text[a.end : b.start]
        head = text[max(0, a.start - 40) : a.start]
        if not re.fullmatch(r"\s*(?:and|&)\s*(?:the\s+)?", gap) or not re.search(r"\bbetween\b", head, re.I):
            continue
        if (
            a.place is not None
            and b.place is not None
            and _km(a.place.lat, a.place.lon, b.place.lat, b.place.lon) > _MIDPOINT_KM
        ):
            # "the road between Palmyra and Deir Ezzor": a midpoint 90 km from either names
            # nothing; each name keeps its own point, near which.
            out[i] = replace(a, precision=max(a.precision, 2), cue="between")
            out[i + 1] = replace(b, precision=max(b.precision, 2), cue="between-end")
        elif a.place is not None and b.place is not None:
            lat, lon = (a.place.lat + b.place.lat) / 2, (a.place.lon + b.place.lon) / 2
            out[i] = replace(a, lat=lat, lon=lon, precision=2, cue="between")
            out[i + 1] = replace(b, lat=lat, lon=lon, precision=2, cue="between")
        elif a.place is not None or b.place is not None:
            known = a if a.place is not None else b
            idx = i if known is a else i + 1
            out[idx] = replace(known, precision=2, cue="between")
    return out


# -- bare names (records joined from other datasets: no article context) ------

_AREA_HINTS = {
    "governorate": ("governorate",),
    "province": ("governorate",),
    "district": ("district",),
    "subdistrict": ("subdistrict", "district"),
    "region": ("region",),
    "country": ("country",),
}

# The kinds a near-miss may have when the record says what the place is: a
# misspelt "village" is not an air base, a misspelt "airbase" not a district.
_NEAR_MISS_KINDS = {
    "village": ("village", "town", "city"),
    "town": ("village", "town", "city"),
    "city": ("village", "town", "city"),
    "airport": ("airport", "base"),
    "base": ("airport", "base"),
    "camp": ("camp",),
    "prison": ("prison",),
    "oilfield": ("oilfield", "gasfield"),
    "gasfield": ("oilfield", "gasfield"),
}


def rank_name(
    name: str,
    gaz: Gazetteer,
    *,
    country_bias: Sequence[str] = ("SY",),
    admin1_hint: str | None = None,
    kind_hint: str | None = None,
    context_admin1: frozenset[str] = frozenset(),
    limit: int = 25,
) -> list[tuple[float, Place]]:
    """Every gazetteer candidate for a bare place name, scored, best first.

    Uses the same priors as :func:`resolve_mentions` (country bias, layer,
    population, kind); ``admin1_hint`` (a governorate name or GeoNames code)
    and ``kind_hint`` ("town", "governorate"...) favour matching candidates;
    ``context_admin1`` (governorates a record's own text names, see
    :func:`named_admin1`) favours its candidates less strongly than a stated one.
    Near-miss (fuzzy) candidates lose a point, count only in the
    ``country_bias`` countries, and must be of a kind the ``kind_hint``
    allows ("Dabbas village" is not "Dabaa airbase").

    Examples
    --------
    >>> from geomap.gazetteer import load_gazetteer
    >>> [p.admin1 for _s, p in rank_name("Tadmour", load_gazetteer())][:1]
    ['Homs']
    """
    from ..gazetteer.admin import governorate_name
    from ..gazetteer.names import name_keys

    if not name or not name.strip():
        return []
    bias = tuple(c.upper() for c in country_bias)
    hint = governorate_name(admin1_hint or "") or (admin1_hint or "").strip()
    wanted = _AREA_HINTS.get((kind_hint or "").lower())
    near_kinds = _NEAR_MISS_KINDS.get((kind_hint or "").lower())
    # Governorates are indexed as "Idlib governorate", "Idlib province"...
    queries = [name, f"{name} governorate"] if wanted == ("governorate",) else [name]
    exact = any(k in gaz.keys for q in queries for k in name_keys(q))
    spelt = gaz.spelt_as(name) if exact else set()
    own_keys = set(name_keys(name))
    found: dict[str, Place] = {}
    for q in queries:
        for p in gaz.search(q, limit=limit):
            found.setdefault(p.id, p)
    scored: list[tuple[float, Place]] = []
    for p in found.values():
        if not exact and bias and p.country not in bias:
            continue  # a near-miss abroad is noise: "Al Qurayya" is not Koreatown
        if not exact and near_kinds is not None and p.kind not in near_kinds:
            continue
        if bias and p.country not in REGION and p.country not in bias and p.id not in spelt:
            # Far from the region and the same only once vowels are folded:
            # "Al Jinah" is not Jena, "Al Aliyah" is not Alanya.
            continue
        s = _base_score(p, bias)
        if not exact:
            s -= 1.0
        elif p.id in spelt:
            # Written as the record writes it, not only alike once transliteration is
            # folded: "Sabburah" is Şabbūrah before al-Sabboura.
            s += 0.3
            if own_keys & set(name_keys(p.name)):
                s += 0.2  # its own name, not one of its alternates ("Abu Hardub" is not Hajin)
        if near_kinds is not None and p.kind in near_kinds:
            s += 0.3  # "Aqiba village" is the village, not the city quarter
        if hint and p.admin1 == hint:
            s += 2.5
        elif p.admin1 and p.admin1 in context_admin1:
            s += 1.5  # as a headline's governorate weighs in an article
        if wanted is not None:
            s += 3.0 if p.kind in wanted else -1.0
        elif kind_hint and p.kind in ("governorate", "country", "region"):
            s -= 2.0  # "Idlib town" is the town, not the governorate
        scored.append((round(s, 3), p))
    scored.sort(key=lambda sp: (-sp[0], sp[1].id))
    return scored


def rank_place_string(
    text: str,
    gaz: Gazetteer,
    *,
    country_bias: Sequence[str] = ("SY",),
    admin1_hint: str | None = None,
    kind_hint: str | None = None,
    context_admin1: frozenset[str] = frozenset(),
) -> list[tuple[float, Place]]:
    """Candidates for a place string as other datasets write it, scored, best first.

    The string may hold alternatives, a kind word, a governorate in brackets
    and a side: "Abu Rasin/Zarkan town", "Jabal Bishri mountain (Deir Ezzor)",
    "Northern Hama governorate" (a governorate's side is placed in that part of
    it).  Names the gazetteer holds as written are tried first, then the rest
    (see :func:`geomap.gazetteer.query.place_queries`); the first that yields
    candidates answers.  The hints stand in where the string gives none;
    ``context_admin1`` are governorates the record's text names (its headline).

    Examples
    --------
    >>> from geomap.gazetteer import load_gazetteer
    >>> gaz = load_gazetteer()
    >>> [p.name for _s, p in rank_place_string("Qwxzv/Tadmour town", gaz)][:1]
    ['Palmyra']
    >>> north = rank_place_string("Northern Hama governorate", gaz)[0][1]
    >>> north.kind, north.lat > rank_place_string("Hama governorate", gaz)[0][1].lat
    ('governorate', True)
    """
    from ..gazetteer.names import name_keys
    from ..gazetteer.query import place_queries

    queries = place_queries(text)
    exact = [q for q in queries if any(k in gaz.keys for k in name_keys(q.name))]
    for q in exact or queries:
        ranked = rank_name(
            q.name,
            gaz,
            country_bias=country_bias,
            admin1_hint=q.admin1 or admin1_hint,
            kind_hint=q.kind or kind_hint,
            context_admin1=context_admin1,
        )
        if not ranked:
            continue
        if q.qualifier:
            # "Northern Hama governorate": a point in the governorate's northern part.
            parted = []
            for score, place in ranked:
                part = gaz.part(place.admin1, q.qualifier) if place.kind == "governorate" else None
                parted.append((score, replace(place, lat=part[0], lon=part[1]) if part else place))
            ranked = parted
        return ranked
    return []


def named_admin1(
    text: str,
    gaz: Gazetteer,
    *,
    exclude: Sequence[tuple[int, int]] = (),
    country_bias: Sequence[str] = ("SY",),
) -> frozenset[str]:
    """The governorates a short text (a headline, a record's source line) places itself in.

    Every place the text names and resolves counts: "rural Quneitra" gives
    Quneitra, "Maarat al-Numan countryside" gives Idlib.  ``exclude`` are spans
    that cannot hold a place (actor names: "Free Idlib Army").

    Examples
    --------
    >>> from geomap.gazetteer import load_gazetteer
    >>> sorted(named_admin1("Two soldiers killed by a mine in rural Quneitra and Tadmour", load_gazetteer()))
    ['Homs', 'Quneitra']
    """
    raw = find_mentions(text, gaz, exclude=exclude, fuzzy=False, countries=country_bias)
    found = resolve_mentions(text, raw, gaz, country_bias=country_bias)
    return frozenset(m.place.admin1 for m in found if m.place is not None and m.place.admin1 and m.status == "resolved")


def resolve_name(
    name: str,
    gaz: Gazetteer,
    *,
    country_bias: Sequence[str] = ("SY",),
    admin1_hint: str | None = None,
    kind_hint: str | None = None,
) -> Place | None:
    """The most likely gazetteer place for a bare place name, or ``None``.

    Examples
    --------
    >>> from geomap.gazetteer import load_gazetteer
    >>> resolve_name("Dayr az Zawr", load_gazetteer(), kind_hint="governorate").kind
    'governorate'
    >>> resolve_name("Qwxzv Nowhere", load_gazetteer()) is None
    True
    """
    ranked = rank_name(name, gaz, country_bias=country_bias, admin1_hint=admin1_hint, kind_hint=kind_hint)
    return ranked[0][1] if ranked else None
