"""Join event records from elsewhere: ACLED exports, UCDP GED CSV, plain place lists.

Rows without coordinates are geocoded through the gazetteer (by their place
name, helped by their admin1 and kind word); rows with coordinates are
checked against their place name, and a warning is kept where name and point
disagree by more than the row's precision allows (10 km at precision 1, 25 km
at 2, 100 km at 3).  geomap's own outputs (events.csv / .geojson / .gpkg) are
read back unchanged.

The result is a list of :class:`~geomap.models.Event` that goes through the
same exports and map as events extracted from articles.
"""

from __future__ import annotations

import hashlib
import logging
import math
import re
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .errors import InputError
from .events.actors import ActorTable, load_actors
from .events.fatalities import word_number
from .events.types import DISORDER, EVENT_TYPES, find_triggers
from .export.readers import (
    EVENT_SUFFIXES,
    check_point,
    parse_event_date,
    read_events,
    read_table,
    row_fields,
)
from .gazetteer import Gazetteer, load_gazetteer
from .geoparse.resolve import rank_name
from .models import Event, Place

__all__ = [
    "FORMATS",
    "KIND_WORDS",
    "PlainColumns",
    "JoinResult",
    "detect_format",
    "join_records",
    "run_join",
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
_KIND_RE = re.compile(
    r"^(?P<name>.*?\S)[\s,]+(?P<kind>"
    + "|".join(sorted((re.escape(w) for w in KIND_WORDS), key=len, reverse=True))
    + r")\.?$",
    re.I,
)
#: Allowed disagreement between a row's point and its place name, by geo_precision.
TOLERANCE_KM = {1: 10.0, 2: 25.0, 3: 100.0}
#: UCDP where_prec -> ACLED geo_precision.
UCDP_PRECISION = {1: 1, 2: 2, 3: 3, 4: 3, 5: 3, 6: 3, 7: 3}
#: UCDP date_prec -> ACLED time_precision.
UCDP_TIME = {1: 1, 2: 2, 3: 2, 4: 3, 5: 3}
_COUNTRY_ISO = {
    "syria": ("Syria", 760, "SY"),
    "iraq": ("Iraq", 368, "IQ"),
    "turkey": ("Turkey", 792, "TR"),
    "türkiye": ("Turkey", 792, "TR"),
    "lebanon": ("Lebanon", 422, "LB"),
    "jordan": ("Jordan", 400, "JO"),
    "israel": ("Israel", 376, "IL"),
    "palestine": ("Palestine", 275, "PS"),
}
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
    s = " ".join(str(name).split())
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


_USUAL: dict[str, tuple[str, ...]] = {
    "name": (
        "location",
        "place",
        "place_name",
        "placename",
        "name",
        "town",
        "village",
        "site",
        "locality",
    ),
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
class JoinResult:
    """Events joined from record files, the rows/files skipped, and the rows kept with a warning."""

    events: list[Event]
    problems: list[InputError] = field(default_factory=list)
    warnings: list[InputError] = field(default_factory=list)


@dataclass
class _Row:
    """One parsed row before geocoding."""

    path: Path
    line: int
    fields: dict[str, Any]
    name: str
    kind_hint: str = ""
    admin1_hint: str = ""
    precision_given: bool = True
    enrich: bool = True


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
    if (
        "where_coordinates" in cols
        or "type_of_violence" in cols
        or {"side_a", "where_prec"} <= cols
    ):
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


def _interaction(i1: int | None, i2: int | None) -> int | None:
    if i1 is None:
        return None
    if i2 is None:
        return i1 * 10
    a, b = sorted((i1, i2))
    return a * 10 + b


def _country(name: str) -> tuple[str, int]:
    found = _COUNTRY_ISO.get(name.strip().lower())
    return (found[0], found[1]) if found else (name.strip(), 0)


def _int_cell(value: str, what: str, *, low: int = 0, high: int | None = None) -> int | None:
    s = value.strip()
    if not s:
        return None
    n = word_number(s) if not re.fullmatch(r"-?\d+(?:\.0+)?", s) else int(float(s))
    if n is None:
        raise ValueError(f"{what} {s!r} is not a whole number")
    if n < low or (high is not None and n > high):
        raise ValueError(
            f"{what} {n} is out of range ({low}-{high if high is not None else '...'})"
        )
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


def _acled_row(path: Path, line: int, row: dict[str, str], *, ours: bool) -> _Row:
    kw = row_fields(row, ref=_ref(path, line))
    if not ours:
        if not kw["disorder_type"] and kw["event_type"] in DISORDER:
            kw["disorder_type"] = DISORDER[kw["event_type"]]
        if kw["iso"] == 0 and kw["country"]:
            kw["iso"] = _country(kw["country"])[1]
    name = kw["location"]
    if kw["latitude"] is None and not name:
        raise ValueError("no location name and no latitude/longitude")
    given = bool(row.get("geo_precision", "").strip())
    return _Row(
        path, line, kw, name, admin1_hint=kw["admin1"], precision_given=given, enrich=not ours
    )


def _middle(start: str, end: str) -> str:
    a, b = date.fromisoformat(start), date.fromisoformat(end)
    if b < a:
        raise ValueError(f"date_end {end} is before date_start {start}")
    return date.fromordinal((a.toordinal() + b.toordinal()) // 2).isoformat()


def _ucdp_row(path: Path, line: int, row: dict[str, str], actors: ActorTable) -> _Row:
    start, _ = parse_event_date(row.get("date_start", ""))
    end, _ = parse_event_date(row.get("date_end", ""))
    date_prec = _int_cell(row.get("date_prec", ""), "date_prec", low=1, high=5) or 1
    if not start:
        raise ValueError("no date_start")
    event_date = start if date_prec == 1 or not end else _middle(start, end)
    violence = _int_cell(row.get("type_of_violence", ""), "type_of_violence", low=1, high=3)
    etype, sub = (
        ("Violence against civilians", "Attack") if violence == 3 else ("Battles", "Armed clash")
    )
    where_prec = _int_cell(row.get("where_prec", ""), "where_prec", low=1, high=7) or 1
    where = row.get("where_coordinates", "") or row.get("where_description", "")
    name, kind = split_kind_word(where)
    lat, lon = _point(row.get("latitude", ""), row.get("longitude", ""))
    if lat is None and not name:
        raise ValueError("no where_coordinates and no latitude/longitude")
    actor1, inter1 = _actor(row.get("side_a", ""), actors)
    actor2, inter2 = _actor(row.get("side_b", ""), actors)
    if violence == 3 and not actor2:
        actor2, inter2 = "Civilians", 7
    best = _int_cell(row.get("best", ""), "best", low=0)
    country, iso = _country(row.get("country", "") or "Syria")
    admin1_raw, _ = split_kind_word(row.get("adm_1", ""))
    ref = _ref(path, line)
    uid = row.get("id", "").strip()
    notes = "; ".join(
        x
        for x in (row.get("where_description", "").strip(), row.get("source_article", "").strip())
        if x
    )
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
        "country": country,
        "iso": iso,
        "inter1": inter1,
        "inter2": inter2,
        "interaction": _interaction(inter1, inter2),
        "fatalities": best,
        "civilian_targeting": "Civilian targeting" if violence == 3 else "",
        "date_flag": "record",
        "primary": True,
        "source": row.get("source_office", "").strip(),
        "sources": (ref,),
        "notes": notes,
    }
    return _Row(path, line, kw, name, kind_hint=kind, admin1_hint=admin1_raw)


def _plain_row(
    path: Path,
    line: int,
    row: dict[str, str],
    cols: dict[str, str | None],
    actors: ActorTable,
    warnings: list[InputError],
) -> _Row:
    def cell(what: str) -> str:
        c = cols[what]
        return (row.get(c) or "").strip() if c else ""

    raw_name = cell("name")
    name, kind = split_kind_word(raw_name)
    lat, lon = _point(cell("lat"), cell("lon"))
    if lat is None and not name:
        raise ValueError(f"no place name in column {cols['name']!r} and no latitude/longitude")
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
            msg = (
                f"sub-event type {cell('sub_type')!r} is not one of ACLED's; "
                f"left as {sub or 'empty'!r}"
            )
            warnings.append(InputError(path, msg, line=line))
    actor1, inter1 = _actor(cell("actor1"), actors)
    actor2, inter2 = _actor(cell("actor2"), actors)
    precision = _int_cell(cell("precision"), "precision", low=1, high=3)
    ref = _ref(path, line)
    uid = cell("id")
    if not uid:
        uid = (
            "REC-"
            + hashlib.sha1(f"{path.name}|{line}|{raw_name}|{event_date}".encode())
            .hexdigest()[:10]
            .upper()
        )
    kw: dict[str, Any] = {
        "event_id": uid,
        "article_id": ref,
        "event_date": event_date,
        "time_precision": implied or 1,
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
        "interaction": _interaction(inter1, inter2),
        "fatalities": _int_cell(cell("fatalities"), "fatalities", low=0),
        "civilian_targeting": "Civilian targeting" if actor2 == "Civilians" else "",
        "date_flag": "record",
        "primary": True,
        "source": cell("source"),
        "sources": (ref,),
        "notes": cell("notes"),
    }
    return _Row(
        path,
        line,
        kw,
        name,
        kind_hint=kind,
        admin1_hint=cell("admin1"),
        precision_given=precision is not None,
    )


def _plain_columns(
    path: Path, header: Sequence[str], columns: PlainColumns
) -> dict[str, str | None]:
    cols = {what: columns.pick(what, header) for what in _USUAL}
    for what, col in cols.items():
        if col is not None and col not in header and getattr(columns, what) is not None:
            msg = (
                f"no column {col!r} (given with --{what.replace('_', '-')}-column); "
                f"columns are: {', '.join(header)}"
            )
            raise InputError(path, msg, line=1)
    if cols["name"] is None and (cols["lat"] is None or cols["lon"] is None):
        msg = (
            f"no place-name column (tried {', '.join(_USUAL['name'])}) and no latitude/longitude "
            f"columns; columns are: {', '.join(header)}. Name them with --name-column / "
            "--lat-column / --lon-column"
        )
        raise InputError(path, msg, line=1)
    return cols


def _rows(
    path: Path,
    fmt: str,
    columns: PlainColumns,
    actors: ActorTable,
    problems: list[InputError],
    warnings: list[InputError],
) -> Iterator[_Row]:
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
    if (
        kind in ("acled", "geomap")
        and "location" not in header
        and not {"latitude", "longitude"} <= set(header)
    ):
        msg = (
            f"no 'location' and no 'latitude'/'longitude' columns; columns are: {', '.join(header)}"
        )
        raise InputError(path, msg, line=1)
    if kind == "ucdp" and "date_start" not in header:
        raise InputError(path, f"no 'date_start' column; columns are: {', '.join(header)}", line=1)
    cols = _plain_columns(path, header, columns) if kind == "plain" else {}
    logger.info("%s: reading as %s records", path, kind)

    def rows() -> Iterator[tuple[int, dict[str, str]]]:
        yield first
        yield from table

    for line, row in rows():
        try:
            if kind in ("acled", "geomap"):
                r = _acled_row(path, line, row, ours=kind == "geomap")
            elif kind == "ucdp":
                r = _ucdp_row(path, line, row, actors)
            else:
                r = _plain_row(path, line, row, cols, actors, warnings)
        except ValueError as exc:
            problems.append(InputError(path, f"{exc}; row skipped", line=line))
            continue
        yield r


# -- geocoding and checking -----------------------------------------------------


def _km(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    r = 6371.0088
    p1, p2 = math.radians(a_lat), math.radians(b_lat)
    dp, dl = p2 - p1, math.radians(b_lon - a_lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(min(1.0, h)))


def _precision_of(place: Place) -> int:
    if place.kind in ("governorate", "country"):
        return 3
    return 2 if place.is_area else 1


def _agrees(place: Place, lat: float, lon: float, limit: float, gaz: Gazetteer) -> bool:
    if place.kind == "governorate" and place.country == "SY":
        located = gaz.locate(lat, lon)
        if located is not None:
            return located[0] == place.admin1
        return _km(place.lat, place.lon, lat, lon) <= max(limit, 150.0)
    return _km(place.lat, place.lon, lat, lon) <= limit + place.radius_km


def _finish(r: _Row, gaz: Gazetteer, bias: Sequence[str], warnings: list[InputError]) -> Event:
    kw = dict(r.fields)
    ranked = (
        rank_name(
            r.name,
            gaz,
            country_bias=bias,
            admin1_hint=r.admin1_hint or None,
            kind_hint=r.kind_hint or None,
        )
        if r.name
        else []
    )
    if kw["latitude"] is None:
        if not ranked:
            raise ValueError(
                f"place {r.name!r} is not in the gazetteer and the row has no coordinates; "
                "add it with a patch file (--gazetteer) or give latitude/longitude"
            )
        place = ranked[0][1]
        kw["latitude"], kw["longitude"] = place.lat, place.lon
        if not r.precision_given or _precision_of(place) > kw["geo_precision"]:
            kw["geo_precision"] = max(kw["geo_precision"], _precision_of(place))
        kw["place_id"] = kw.get("place_id") or place.id
        kw["admin1"] = kw["admin1"] or place.admin1
        if not kw["country"]:
            kw["country"], kw["iso"], _ = _ISO2_COUNTRY.get(
                place.country, (kw["country"], kw["iso"], "")
            )
        if (
            len(ranked) > 1
            and ranked[0][0] - ranked[1][0] < 0.4
            and _km(place.lat, place.lon, ranked[1][1].lat, ranked[1][1].lon) > 25
        ):
            other = ranked[1][1]
            msg = (
                f"place {r.name!r} is ambiguous: geocoded to {place.name} "
                f"({place.admin1 or place.country}), "
                f"but {other.name} ({other.admin1 or other.country}) scores about the same; "
                "give an admin1 column or coordinates"
            )
            warnings.append(InputError(r.path, msg, line=r.line))
        kw["date_flag"] = kw["date_flag"] or "record"
        return Event(**kw)
    lat, lon = float(kw["latitude"]), float(kw["longitude"])
    if ranked:
        limit = TOLERANCE_KM.get(int(kw["geo_precision"]), 100.0)
        near = [p for _s, p in ranked if _agrees(p, lat, lon, limit, gaz)]
        if near:
            if r.enrich:
                kw["place_id"] = kw.get("place_id") or near[0].id
        else:
            best = ranked[0][1]
            d = _km(best.lat, best.lon, lat, lon)
            msg = (
                f"location {r.name!r} and the point ({lat:.4f}, {lon:.4f}) disagree: "
                "the gazetteer's "
                f"{best.name} ({best.admin1 or best.country}) is {d:.0f} km away, more than the "
                f"{limit:.0f} km geo_precision {kw['geo_precision']} allows"
            )
            if any(_agrees(p, lon, lat, limit, gaz) for _s, p in ranked if -90 <= lon <= 90):
                msg += "; latitude and longitude look swapped"
            warnings.append(InputError(r.path, msg + "; point kept", line=r.line))
    if r.enrich and (not kw["admin1"] or not kw["country"]):
        located = gaz.locate(lat, lon)
        if located is not None:
            kw["admin1"] = kw["admin1"] or located[0]
            if not kw["country"]:
                kw["country"], kw["iso"], _ = _ISO2_COUNTRY.get(
                    located[1], (kw["country"], kw["iso"], "")
                )
    return Event(**kw)


# -- public entry points ----------------------------------------------------------


#: geomap's other outputs: never event records (skipped when a folder is joined).
_NOT_RECORDS = {"run.json", "mentions.csv", "articles.csv", "expected.csv", "package.json"}


def _record_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if (
                    f.is_file()
                    and f.suffix.lower() in EVENT_SUFFIXES
                    and not f.name.startswith(".")
                    and f.name.lower() not in _NOT_RECORDS
                ):
                    yield f
        else:
            yield p


def join_records(
    paths: Iterable[str | Path],
    *,
    gazetteer: Gazetteer | None = None,
    fmt: str = "auto",
    columns: PlainColumns | None = None,
    country_bias: Sequence[str] = ("SY",),
    strict: bool = False,
) -> JoinResult:
    """Read record files (CSV, or geomap's GeoJSON/GeoPackage) into events.

    Parameters
    ----------
    paths
        Record files or folders of them.
    fmt
        ``auto`` (from the header), ``acled``, ``ucdp``, ``plain`` or ``geomap``.
    columns
        Column names of a plain CSV (place name, date, lat/lon, type, actors...).
    strict
        Raise the first problem instead of skipping the row or file.

    Examples
    --------
    >>> from geomap._data import data_dir
    >>> res = join_records([data_dir() / "records" / "acled_sample.csv"])
    >>> len(res.events) > 0 and not res.problems
    True
    """
    if fmt not in FORMATS:
        raise ValueError(f"format {fmt!r} is not one of {', '.join(FORMATS)}")
    gaz = gazetteer or load_gazetteer()
    actors = load_actors()
    bias = tuple(c.upper() for c in country_bias)
    cols = columns or PlainColumns()
    events: list[Event] = []
    problems: list[InputError] = []
    warnings: list[InputError] = []
    seen: set[str] = set()

    def check() -> None:
        if strict and problems:
            raise problems[0]

    for path in _record_files(paths):
        try:
            if not path.is_file():
                raise InputError(path, "no such file")
            suffix = path.suffix.lower()
            if suffix in (".geojson", ".json", ".gpkg"):
                found = read_events(path, errors=problems)
                rows: Iterable[Event | _Row] = found
            elif suffix == ".csv":
                rows = _rows(path, fmt, cols, actors, problems, warnings)
            else:
                raise InputError(
                    path,
                    f"unsupported records file {suffix or '(none)'}; expected .csv, "
                    ".geojson or .gpkg",
                )
            for item in rows:
                check()
                if isinstance(item, Event):
                    ev = item
                else:
                    try:
                        ev = _finish(item, gaz, bias, warnings)
                    except ValueError as exc:
                        problems.append(InputError(path, f"{exc}; row skipped", line=item.line))
                        check()
                        continue
                if ev.event_id in seen:
                    msg = f"duplicate event id {ev.event_id!r}; later copy skipped"
                    problems.append(InputError(path, msg, line=_line_of(ev)))
                    check()
                    continue
                seen.add(ev.event_id)
                events.append(ev)
        except InputError as exc:
            problems.append(exc)
        check()
    return JoinResult(events, problems, warnings)


def _line_of(e: Event) -> int | None:
    tail = e.article_id.rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else None


def run_join(
    records: Sequence[str | Path],
    *,
    out: str | Path = "output",
    gazetteer: Gazetteer | None = None,
    patches: Sequence[str | Path] = (),
    fmt: str = "auto",
    columns: PlainColumns | None = None,
    country_bias: Sequence[str] = ("SY",),
    strict: bool = False,
    map_html: bool = True,
    gpkg: bool = False,
    write: bool = True,
    map_options: Mapping[str, Any] | None = None,
) -> Any:
    """Join record files and write the same outputs as ``geomap run`` (``geomap join``).

    Returns the :class:`~geomap.pipeline.RunResult` (no articles, no mentions).
    """
    from .pipeline import RunResult, usable_patches, write_outputs

    t0 = time.perf_counter()
    problems: list[InputError] = []
    gaz = gazetteer or load_gazetteer(patches=usable_patches(patches, problems, strict=strict))
    res = join_records(
        records, gazetteer=gaz, fmt=fmt, columns=columns, country_bias=country_bias, strict=strict
    )
    result = RunResult(
        [],
        [],
        res.events,
        problems + res.problems,
        {"join": round(time.perf_counter() - t0, 3)},
        warnings=res.warnings,
    )
    if write:
        write_outputs(
            result,
            out,
            map_html=map_html,
            gpkg=gpkg,
            inputs=[str(p) for p in records],
            map_options=dict(map_options or {}),
        )
    return result
