"""Join event records from elsewhere: ACLED exports, UCDP GED CSV, plain place lists.

Rows without coordinates are geocoded through the gazetteer (by their place
name, helped by their admin1 and kind word); rows with coordinates are
checked against their place name, and a warning is kept where name and point
disagree by more than the row's precision allows (10 km at precision 1, 25 km
at 2, 100 km at 3).  geomap's own outputs (events.csv / .geojson / .gpkg) are
read back unchanged.

The result is a list of :class:`~geomap.models.Event` that goes through the
same exports and map as events extracted from articles.  Parsing the rows of
each format lives in :mod:`geomap._records`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._geo import km as _km
from ._records import (
    _ISO2_COUNTRY,
    FORMATS,
    KIND_WORDS,
    PlainColumns,
    Row,
    detect_format,
    parse_rows,
    split_kind_word,
)
from .errors import InputError, stopped
from .events import mark_duplicates
from .events.actors import ActorTable, load_actors
from .export.readers import EVENT_SUFFIXES, read_events
from .gazetteer import Gazetteer, load_gazetteer
from .gazetteer.admin import governorate_name, other_governorate
from .geoparse.resolve import named_admin1, rank_place_string
from .ingest.readers import files_or_problems
from .models import Event, Place

__all__ = [
    "FORMATS",
    "KIND_WORDS",
    "TOLERANCE_KM",
    "JoinResult",
    "PlainColumns",
    "detect_format",
    "join_records",
    "link_incidents",
    "run_join",
    "split_kind_word",
]

logger = logging.getLogger(__name__)

#: Allowed disagreement between a row's point and its place name, by geo_precision.
TOLERANCE_KM = {1: 10.0, 2: 25.0, 3: 100.0}


@dataclass
class JoinResult:
    """Events joined from record files, the rows/files skipped, and the rows kept with a warning."""

    events: list[Event]
    problems: list[InputError] = field(default_factory=list)
    warnings: list[InputError] = field(default_factory=list)


# -- geocoding and checking -----------------------------------------------------


def _precision_of(place: Place) -> int:
    if place.is_admin_unit:
        return 3
    return 2 if place.is_area else 1


def _agrees(place: Place, lat: float, lon: float, limit: float, gaz: Gazetteer) -> bool:
    if place.kind == "governorate" and place.country == "SY":
        located = gaz.locate(lat, lon)
        if located is not None:
            return located[0] == place.admin1
        return _km(place.lat, place.lon, lat, lon) <= max(limit, 150.0)
    return _km(place.lat, place.lon, lat, lon) <= limit + place.radius_km


def _finish(r: Row, gaz: Gazetteer, bias: Sequence[str], actors: ActorTable, warnings: list[InputError]) -> Event:
    kw = dict(r.fields)
    flags: list[str] = []  # what the checks below found, for the event's "flags" column
    context: frozenset[str] = frozenset()
    told: frozenset[str] = frozenset()  # the governorates the row's report names
    if r.name and kw["latitude"] is None and not r.admin1_hint and kw["notes"]:
        # No point and no admin1: the row's own text (a UCDP row's place description and
        # source headlines, an ACLED row's notes) may name the governorate that tells
        # namesakes apart.
        spans = [(a.start, a.end) for a in actors.find(kw["notes"])]
        context = named_admin1(kw["notes"], gaz, exclude=spans, country_bias=bias)
        told = context
        if r.told and r.told != kw["notes"]:
            # A place description names the place itself, so always agrees with it: whether
            # the report disagrees is read from the report alone.
            spans = [(a.start, a.end) for a in actors.find(r.told)]
            told = named_admin1(r.told, gaz, exclude=spans, country_bias=bias)
    ranked = (
        rank_place_string(
            r.query or r.name,
            gaz,
            country_bias=bias,
            admin1_hint=r.admin1_hint or None,
            kind_hint=r.kind_hint or None,
            context_admin1=context,
        )
        if r.name
        else []
    )
    if kw["latitude"] is not None and float(kw["latitude"]) == 0.0 and float(kw["longitude"]) == 0.0:
        # (0, 0) in the Gulf of Guinea is an export's placeholder for "no point".
        if ranked:
            warnings.append(
                InputError(r.path, "point (0, 0) is a placeholder; geocoded from its location", line=r.line)
            )
            flags.append("placeholder-point")
        kw["latitude"] = kw["longitude"] = None
    if kw["latitude"] is None:
        # A point the row gives but that cannot be used: said with what took its place.
        unusable = f"{r.bad_point}, so the point is not used; " if r.bad_point else ""
        if r.name and ranked:
            ranked = _checked_against_admin1(r, ranked, gaz, warnings, flags)
        elif (gov := _stated_governorate(r, gaz)) is not None:
            # A place the gazetteer lacks (or none named), in a governorate the row names.
            if r.name:
                why = f"place {r.name!r} is not in the gazetteer"
                fix = "add the place with a patch file (--gazetteer) to place it exactly"
            else:
                why = "no location is given"
                fix = "give a location or coordinates to place it exactly"
                kw["location"] = gov.name
            msg = f"{unusable}{why}; placed at its admin1, {gov.admin1} (geo_precision 3); {fix}"
            warnings.append(InputError(r.path, msg, line=r.line))
            flags.append("admin1-only")
            ranked = [(0.0, gov)]
            unusable = ""
        if not ranked:
            if not r.name:
                raise ValueError(
                    f"admin1 {r.admin1_hint!r} is not a Syrian governorate, and the row has no location "
                    "and no coordinates; give a location or latitude/longitude"
                )
            raise ValueError(
                f"{unusable}place {r.name!r} is not in the gazetteer and the row has no usable coordinates; "
                "add it with a patch file (--gazetteer) or give latitude/longitude"
            )
        if unusable:
            warnings.append(InputError(r.path, f"{unusable}geocoded from its location {r.name!r}", line=r.line))
        if r.bad_point:
            flags.append("point-unusable")
        place = ranked[0][1]
        kw["latitude"], kw["longitude"] = place.lat, place.lon
        if not r.precision_given or _precision_of(place) > kw["geo_precision"]:
            kw["geo_precision"] = max(kw["geo_precision"], _precision_of(place))
        kw["place_id"] = kw.get("place_id") or place.id
        kw["admin1"] = place.admin1 if "admin1-corrected" in flags else kw["admin1"] or place.admin1
        if not kw["country"]:
            kw["country"], kw["iso"], _ = _ISO2_COUNTRY.get(place.country, (kw["country"], kw["iso"], ""))
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
            flags.append("ambiguous-place")
        elif told and place.country == "SY" and place.admin1 and place.admin1 not in told:
            # "Tall al Ahmar" under a headline about Quneitra, and the only Tell Ahmar is in Aleppo.
            msg = (
                f"place {r.name!r} geocoded to {place.name} ({place.admin1}), but the row's own text "
                f"names {', '.join(sorted(told))}; give an admin1 column or coordinates"
            )
            warnings.append(InputError(r.path, msg, line=r.line))
            flags.append("text-disagrees")
        kw["date_flag"] = kw["date_flag"] or "record"
        return Event(**_flagged(kw, flags))
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
            if -90 <= lon <= 90 and any(_agrees(p, lon, lat, limit, gaz) for _s, p in ranked):
                # The place named lies at (lon, lat): the columns were swapped.
                lat, lon = lon, lat
                kw["latitude"], kw["longitude"] = lat, lon
                msg += "; latitude and longitude were swapped, and are put right"
                flags.append("swapped-lat-lon")
            else:
                msg += "; point kept"
                flags.append("point-disagrees")
                located = gaz.locate(lat, lon)
                stated = governorate_name(r.admin1_hint) if r.admin1_hint else ""
                if located is not None and stated and located[0] != stated:
                    msg += f", though it lies in {located[0]}, not in the row's admin1 {r.admin1_hint}"
            warnings.append(InputError(r.path, msg, line=r.line))
    if r.enrich and (not kw["admin1"] or not kw["country"]):
        located = gaz.locate(lat, lon)
        if located is not None:
            kw["admin1"] = kw["admin1"] or located[0]
            if not kw["country"]:
                kw["country"], kw["iso"], _ = _ISO2_COUNTRY.get(located[1], (kw["country"], kw["iso"], ""))
        # A point outside every polygon (offshore, on a border line) keeps the row's own admin1.
        kw["admin1"] = kw["admin1"] or r.admin1_hint
    return Event(**_flagged(kw, flags))


def _stated_governorate(r: Row, gaz: Gazetteer) -> Place | None:
    """The Syrian governorate a row's admin1 names, or ``None``."""
    from .geoparse.resolve import governorate_place

    name = governorate_name(r.admin1_hint) if r.admin1_hint else ""
    return governorate_place(gaz, name) if name else None


def _spelt_so(text: str, place: Place, gaz: Gazetteer) -> bool:
    """Whether the gazetteer holds ``place`` under a name the place string gives (not a near miss)."""
    from .gazetteer.names import name_keys
    from .gazetteer.query import place_queries

    # Governorates are held as "Hama governorate": "Eastern Hama governorate" is spelt so.
    names = [n for q in place_queries(text) for n in (q.name, f"{q.name} governorate")]
    return any(p.id == place.id for n in names for k in name_keys(n) for p in gaz.lookup_key(k))


def _checked_against_admin1(
    r: Row, ranked: list[tuple[float, Place]], gaz: Gazetteer, warnings: list[InputError], flags: list[str]
) -> list[tuple[float, Place]]:
    """The candidates for a row without coordinates, after what its admin1 and spelling say of the best.

    A near miss ("bar" for al-Bara) is kept with a warning; one in another
    governorate than the row's admin1 gives way to that governorate (precision 3).
    A place spelt as written but in another governorate keeps its point, and its
    admin1 comes from the gazetteer, with a warning naming both.
    """
    place = ranked[0][1]
    spelt = _spelt_so(r.query or r.name, place, gaz)
    gov = _stated_governorate(r, gaz)
    where = f"{place.name} ({place.admin1 or place.country})"
    disagrees = gov is not None and not place.is_admin_unit and other_governorate(place.admin1, gov.admin1)
    if disagrees and gov is not None and not spelt:
        warnings.append(
            InputError(
                r.path,
                f"place {r.name!r} is not in the gazetteer as written; the nearest spelling, {where}, "
                f"is not in the row's admin1 {gov.admin1}: placed at {gov.admin1} (geo_precision 3)",
                line=r.line,
            )
        )
        flags.append("admin1-only")
        return [(0.0, gov)]
    if disagrees and gov is not None:
        warnings.append(
            InputError(
                r.path,
                f"admin1 {r.admin1_hint!r} disagrees with the gazetteer's {where}: "
                f"admin1 set to {place.admin1}; give coordinates if the row means another {r.name}",
                line=r.line,
            )
        )
        flags.append("admin1-corrected")
    elif not spelt:
        warnings.append(
            InputError(
                r.path,
                f"place {r.name!r} is not in the gazetteer as written; geocoded to {where}, "
                "a near spelling: check it, or add the place with a patch file (--gazetteer)",
                line=r.line,
            )
        )
        flags.append("near-miss")
    return ranked


def _flagged(kw: dict[str, Any], flags: list[str]) -> dict[str, Any]:
    """The event's fields with this check's flags added to those it came with.

    ACLED's "Idleb", "Dar'a", "Al Hasakeh" become the governorate as geomap's own
    events name it, so that one table, map or report counts each governorate once.
    """
    if kw.get("admin1"):
        kw["admin1"] = governorate_name(kw["admin1"]) or kw["admin1"]
    if flags:
        kw["flags"] = ";".join(dict.fromkeys([*filter(None, str(kw.get("flags") or "").split(";")), *flags]))
    return kw


# -- public entry points ----------------------------------------------------------


#: geomap's other outputs: never event records (skipped when a folder is joined).
_NOT_RECORDS = {"run.json", "mentions.csv", "articles.csv", "expected.csv", "package.json"}


#: Besides its records, a folder geomap wrote holds its pages: not records, and not worth a word.
_OUR_PAGES = frozenset({"map.html", "report.html", "map_fragment.html"})


def _record_files(paths: Iterable[str | Path], problems: list[InputError]) -> Iterator[Path]:
    """Record files of ``paths`` (folders expanded); a problem for each folder that holds none.

    A folder's other files (articles, say, given to ``join`` by mistake) are named in a warning.
    """
    return files_or_problems(paths, EVENT_SUFFIXES, _NOT_RECORDS | _OUR_PAGES, problems, "record")


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
            raise stopped(problems[0])

    for path in _record_files(paths, problems):
        try:
            if not path.is_file():
                raise InputError(path, "no such file")
            suffix = path.suffix.lower()
            if suffix in (".geojson", ".json", ".gpkg"):
                found = read_events(path, errors=problems)
                rows: Iterable[Event | Row] = found
            elif suffix == ".csv":
                rows = parse_rows(path, fmt, cols, actors, problems, warnings)
            else:
                raise InputError(
                    path,
                    f"unsupported records file {suffix or '(none)'}; expected .csv, .geojson or .gpkg",
                )
            for item in rows:
                check()
                if isinstance(item, Event):
                    ev = item
                else:
                    try:
                        ev = _finish(item, gaz, bias, actors, warnings)
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


def link_incidents(events: Sequence[Event]) -> list[Event]:
    """Link records of one incident across files and datasets, as ``geomap run --records`` does.

    An ACLED row and a UCDP row of the same strike (days at most one apart,
    points within 10 km, compatible types and actors; see
    :mod:`geomap.events.dedup`) stay two rows: the later one points to the first
    through ``duplicate_of``, and the first lists both in ``sources``.  A record
    that already points to another (read back from an earlier run's events) keeps
    its link and is not linked again, so joining a run's own events changes none.

    Examples
    --------
    >>> link_incidents([])
    []
    """
    out = list(events)
    free = [i for i, e in enumerate(out) if not e.duplicate_of]
    for i, e in zip(free, mark_duplicates([out[i] for i in free]), strict=True):
        out[i] = e
    return out


def _line_of(e: Event) -> int | None:
    tail = e.article_id.rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else None


def run_join(
    records: Sequence[str | Path],
    *,
    out: str | Path = "output",
    gazetteer: Gazetteer | None = None,
    patches: Sequence[str | Path] = (),
    places: Sequence[str | Path] = (),
    fmt: str = "auto",
    columns: PlainColumns | None = None,
    country_bias: Sequence[str] = ("SY",),
    strict: bool = False,
    dedup: bool = True,
    map_html: bool = True,
    gpkg: bool = False,
    write: bool = True,
    map_options: Mapping[str, Any] | None = None,
) -> Any:
    """Join record files and write the same outputs as ``geomap run`` (``geomap join``).

    With ``dedup`` (the default) records of one incident in several files or
    datasets are linked as ``geomap run --records`` links them
    (:func:`link_incidents`).  Returns the :class:`~geomap.pipeline.RunResult`
    (no articles, no mentions).
    """
    from .pipeline import RunResult, usable_patches, write_outputs

    t0 = time.perf_counter()
    problems: list[InputError] = []
    gaz = gazetteer or load_gazetteer(patches=usable_patches(patches, problems, strict=strict), extra_layers=places)
    res = join_records(records, gazetteer=gaz, fmt=fmt, columns=columns, country_bias=country_bias, strict=strict)
    result = RunResult(
        [],
        [],
        link_incidents(res.events) if dedup else res.events,
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
