"""Read event files back into :class:`~geomap.models.Event` records.

Every file geomap writes can be read again without loss: ``events.geojson``,
``events.csv`` and ``events.gpkg``.  ACLED CSV exports (their 31 columns,
upper- or lower-case headers, old or new ``inter`` coding) are read too; their
rows become events whose ``article_id`` and ``sources`` name the file and line.

Shared by ``geomap map`` (the map owner) and ``geomap join`` (the records
joiner): keep :func:`read_events` and :func:`row_fields` stable.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import Any

from .._calendar import MONTHS
from .._csv import OpenQuote, sniff_delimiter
from ..errors import InputError
from ..models import Event

__all__ = [
    "EVENT_SUFFIXES",
    "check_point",
    "count_cell",
    "out_of_range",
    "parse_event_date",
    "read_events",
    "read_table",
    "row_fields",
]

EVENT_SUFFIXES = (".geojson", ".json", ".csv", ".gpkg")

#: ACLED's actor kinds, as newer exports spell them in inter1/inter2.
INTER_NAMES = {
    "state forces": 1,
    "rebel groups": 2,
    "rebel group": 2,
    "political militias": 3,
    "political militia": 3,
    "identity militias": 4,
    "identity militia": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external/other forces": 8,
    "external forces": 8,
    "other forces": 8,
    "other": 8,
}
_MONTHS = MONTHS
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.+\-Z]*)?|(\d{4})[/.](\d{1,2})[/.](\d{1,2})")
_NO_YEAR = re.compile(r"--(\d\d)-(\d\d)")
_YEAR_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
#: "03 November 2018", "03-November-2018", and a spreadsheet's re-save of it, "3-Nov-18".
_DMY_WORDS = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?[\s\-/]+([A-Za-z]+)\.?,?[\s\-/]+(\d{4}|\d\d)")
_MDY_WORDS = re.compile(r"([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
#: "November 2018", "Nov. 2018": the month only.
_MONTH_YEAR = re.compile(r"([A-Za-z]+)\.?,?\s+(\d{4})")
_SLASHED = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")
_DATE_FORMS = (
    "YYYY-MM-DD, YYYY/MM/DD, DD/MM/YYYY, DD-MM-YYYY, '03 November 2018', '3-Nov-18', 'November 3, 2018' or YYYY-MM"
)


def _full_year(yy: str) -> int:
    """A year as written: "2018", or a spreadsheet's "18" (this century, unless that is ahead of today)."""
    if len(yy) == 4:
        return int(yy)
    year = 2000 + int(yy)
    return year if year <= date.today().year + 1 else year - 100


def parse_event_date(value: str) -> tuple[str, int | None]:
    """Normalise a date cell to ISO ``YYYY-MM-DD``; return it and the precision it implies.

    Accepts ISO dates (with or without a time; ``2018/11/03`` too), ACLED's
    ``03 November 2018`` and ``03-November-2018`` (and a spreadsheet's re-save,
    ``3-Nov-18``), ``November 3, 2018``, day-first ``03/11/2018`` or ``03-11-2018``,
    ``--MM-DD`` (year unknown) and ``YYYY-MM`` or ``November 2018`` (month only:
    coded to the 15th, time precision 3).  An empty cell gives ``("", None)``.

    Raises
    ------
    ValueError
        The cell is no date, or an impossible one ("2018-02-30").

    Examples
    --------
    >>> parse_event_date("03 November 2018"), parse_event_date("2018-11")
    (('2018-11-03', None), ('2018-11-15', 3))
    >>> parse_event_date("3-Nov-18"), parse_event_date("2018/11/03"), parse_event_date("03-11-2018")
    (('2018-11-03', None), ('2018-11-03', None), ('2018-11-03', None))
    >>> parse_event_date("Nov 2018")
    ('2018-11-15', 3)
    """
    s = " ".join(str(value).split())
    if not s:
        return "", None
    try:
        if m := _NO_YEAR.fullmatch(s):
            date(2000, int(m[1]), int(m[2]))
            return s, None
        if m := _ISO.fullmatch(s):
            y, mo, d = (m[1], m[2], m[3]) if m[1] else (m[4], m[5], m[6])
            return date(int(y), int(mo), int(d)).isoformat(), None
        if m := _YEAR_MONTH.fullmatch(s):
            return date(int(m[1]), int(m[2]), 15).isoformat(), 3
        if (m := _DMY_WORDS.fullmatch(s)) and m[2].lower() in _MONTHS:
            return date(_full_year(m[3]), _MONTHS[m[2].lower()], int(m[1])).isoformat(), None
        if (m := _MDY_WORDS.fullmatch(s)) and m[1].lower() in _MONTHS:
            return date(int(m[3]), _MONTHS[m[1].lower()], int(m[2])).isoformat(), None
        if (m := _MONTH_YEAR.fullmatch(s)) and m[1].lower() in _MONTHS:
            return date(int(m[2]), _MONTHS[m[1].lower()], 15).isoformat(), 3
        if m := _SLASHED.fullmatch(s):
            day, month = int(m[1]), int(m[2])
            if month > 12 >= day:  # written month first
                day, month = month, day
            return date(int(m[3]), month, day).isoformat(), None
    except (ValueError, OverflowError) as exc:
        raise ValueError(f"impossible date {s!r} ({exc})") from exc
    raise ValueError(f"{s!r} is not a date; expected {_DATE_FORMS}")


def reads_either_way(cell: str) -> bool:
    """Whether a slashed date cell is a date both day first and month first ("03/04/2019").

    :func:`parse_event_date` reads it day first; the caller says so once.

    >>> reads_either_way("03/04/2019"), reads_either_way("13/04/2019"), reads_either_way("04/04/2019")
    (True, False, False)
    """
    m = _SLASHED.fullmatch(cell.strip())
    if m is None:
        return False
    day, month = int(m[1]), int(m[2])
    return day != month and 1 <= day <= 12 and 1 <= month <= 12


# -- cell converters: CSV strings, JSON values and pandas values alike ---------


#: What exports write in a number's cell when the number is not known.
UNKNOWN_CELLS = frozenset({"unknown", "unk", "n/a", "na", "nan", "none", "null", "-", "?", "not known", "unclear"})


def _missing(v: Any) -> bool:
    if v is None:
        return True
    if isinstance(v, float) and math.isnan(v):
        return True
    if type(v).__name__ in ("NAType", "NaTType"):
        return True
    return isinstance(v, str) and (not v.strip() or v.strip().lower() in UNKNOWN_CELLS)


def _text(v: Any) -> str:
    if isinstance(v, str):
        return v
    return "" if _missing(v) else str(v)


def out_of_range(what: str, n: int, low: int | None, high: int | None) -> str:
    """Say why ``n`` is no value for ``what``, in words that fit the bounds it broke.

    Examples
    --------
    >>> out_of_range("fatalities", -5, 0, None), out_of_range("geo_precision", 7, 1, 3)
    ('fatalities -5 is negative', 'geo_precision 7 is out of range (1-3)')
    >>> out_of_range("best", 2, 5, None), out_of_range("inter1", 9, None, 8)
    ('best 2 is below 5', 'inter1 9 is above 8')
    """
    if high is None:
        return f"{what} {n} is negative" if low == 0 else f"{what} {n} is below {low}"
    if low is None:
        return f"{what} {n} is above {high}"
    return f"{what} {n} is out of range ({low}-{high})"


def _int(v: Any, what: str, *, low: int | None = None, high: int | None = None) -> int | None:
    if _missing(v):
        return None
    if isinstance(v, bool):
        raise ValueError(f"{what} {v!r} is not a whole number")
    try:
        f = float(str(v).strip())
    except ValueError:
        raise ValueError(f"{what} {v!r} is not a whole number") from None
    if not math.isfinite(f) or f != int(f):
        raise ValueError(f"{what} {v!r} is not a whole number")
    n = int(f)
    if (low is not None and n < low) or (high is not None and n > high):
        raise ValueError(out_of_range(what, n, low, high))
    return n


#: A count given as its lowest figure: "10+", "at least 10", "over 10", "3-5", "3 to 5", "~10".
_LOWEST = re.compile(
    r"(?:(?:at\s+least|about|around|approx(?:imately|\.)?|some|over|more\s+than|[~>≥])\s*)?(\d+)\s*\+?"
    r"(?:\s*(?:-|–|to)\s*\d+)?",
    re.I,
)
#: Counts that are no number: kept unknown, with the cell's words as the count's text.
_VAGUE_COUNT = re.compile(
    r"(?:a\s+)?(?:dozens|scores|hundreds|thousands|many|several|some|few|a\s+few|numerous|unspecified|multiple)"
    r"(?:\s+of)?(?:\s+\w+)?",
    re.I,
)


def count_cell(v: Any, what: str) -> tuple[int | None, str]:
    """A count of people from a table cell, and the cell's words when it is not a plain number.

    ACLED's lowest figure stands for a range or a floor ("10+", "3-5": 10 and 3); a vague
    count ("dozens") is unknown, its words kept; a number in words is read.

    >>> count_cell("12", "fatalities"), count_cell("10+", "fatalities"), count_cell("3-5", "fatalities")
    ((12, ''), (10, '10+'), (3, '3-5'))
    >>> count_cell("dozens", "fatalities"), count_cell("five", "fatalities"), count_cell("n/a", "fatalities")
    ((None, 'dozens'), (5, 'five'), (None, ''))
    """
    if _missing(v) or isinstance(v, (int, float)):
        return _int(v, what, low=0), ""
    s = " ".join(str(v).split())
    if re.fullmatch(r"[-+]?\d+(?:\.\d+)?", s):
        return _int(s, what, low=0), ""  # (a negative or fractional count is said to be one)
    if m := _LOWEST.fullmatch(s):
        return int(m[1]), s
    if _VAGUE_COUNT.fullmatch(s):
        return None, s
    from ..events.fatalities import word_number  # (events imports export's models; read lazily)

    n = word_number(s)
    if n is None or n < 0:
        raise ValueError(f"{what} {s!r} is not a whole number")
    return n, s


def _inter(v: Any, what: str) -> int | None:
    if isinstance(v, str) and v.strip().lower() in INTER_NAMES:
        return INTER_NAMES[v.strip().lower()]
    return _int(v, what, low=0, high=8)


def _float(v: Any, what: str) -> float | None:
    if _missing(v):
        return None
    try:
        f = float(str(v).strip().replace(",", ".")) if isinstance(v, str) else float(v)
    except (TypeError, ValueError):
        raise ValueError(f"{what} {v!r} is not a number") from None
    if not math.isfinite(f):
        raise ValueError(f"{what} {v!r} is not a finite number")
    return f


def _bool(v: Any) -> bool:
    if isinstance(v, bool):
        return v
    if _missing(v):
        return False
    s = str(v).strip().lower()
    if s in ("true", "1", "yes", "y", "t", "1.0"):
        return True
    if s in ("false", "0", "no", "n", "f", "0.0"):
        return False
    raise ValueError(f"primary {v!r} is not true/false")


def _sources(v: Any) -> tuple[str, ...]:
    if isinstance(v, (list, tuple)):
        return tuple(str(x) for x in v)
    s = _text(v)
    if s.startswith("["):
        try:
            loaded = json.loads(s)
        except json.JSONDecodeError:
            loaded = None
        if isinstance(loaded, list):
            return tuple(str(x) for x in loaded)
    return tuple(x for x in s.split(";") if x)


def check_point(lat: float, lon: float) -> None:
    """Raise ``ValueError`` unless ``lat``/``lon`` are WGS84 degrees.

    >>> check_point(36.2, 37.1)
    >>> check_point(95.0, 200.0)
    Traceback (most recent call last):
    ValueError: latitude 95.0 is outside -90..90
    >>> check_point(137.1, 36.2)
    Traceback (most recent call last):
    ValueError: latitude 137.1 is outside -90..90 (latitude and longitude swapped?)
    """
    if not -90 <= lat <= 90:
        # Swapped columns read as a latitude over 90 only when the other is a latitude.
        hint = " (latitude and longitude swapped?)" if -90 <= lon <= 90 and -180 <= lat <= 180 else ""
        raise ValueError(f"latitude {lat} is outside -90..90{hint}")
    if not -180 <= lon <= 180:
        raise ValueError(f"longitude {lon} is outside -180..180")


def _timestamp(value: Any) -> int | None:
    """ACLED's upload time (Unix seconds); anything else is left out, never a reason to skip the row."""
    m = re.fullmatch(r"(\d{1,12})(?:\.0*)?", _text(value))
    return int(m.group(1)) or None if m else None


def row_fields(row: Mapping[str, Any], *, ref: str) -> dict[str, Any]:
    """Keyword arguments for :class:`Event` from one table row (ours or ACLED's).

    ``row`` keys must be lower-case.  ``ref`` ("file.csv:12") names the row for
    records without geomap's own ``article_id``/``sources`` columns.
    ``latitude``/``longitude`` are ``None`` when the row has no point.

    Raises
    ------
    ValueError
        A cell holds an impossible value (the message names it).
    """
    ours = "article_id" in row
    lat = _float(row.get("latitude"), "latitude")
    lon = _float(row.get("longitude"), "longitude")
    if (lat is None) != (lon is None):
        raise ValueError("only one of latitude/longitude is given")
    if lat is not None and lon is not None:
        check_point(lat, lon)
    event_date, implied = parse_event_date(_text(row.get("event_date")))
    time_precision = _int(row.get("time_precision"), "time_precision", low=1, high=3)
    geo_precision = _int(row.get("geo_precision"), "geo_precision", low=1, high=3)
    fatalities, fatal_words = count_cell(row.get("fatalities"), "fatalities")
    injuries = _int(row.get("injuries"), "injuries", low=0)
    inter1 = _inter(row.get("inter1"), "inter1")
    inter2 = _inter(row.get("inter2"), "inter2")
    try:
        interaction = _int(row.get("interaction"), "interaction", low=0, high=88)
    except ValueError:
        interaction = None  # newer ACLED exports spell it out ("State forces-Rebel groups")
    if interaction is None and inter1 is not None and not ours:
        lo, hi = sorted((inter1, inter2 or 0))
        interaction = hi * 10 if lo == 0 else lo * 10 + hi
    iso = _int(row.get("iso"), "iso", low=0)
    event_id = _text(row.get("event_id_cnty")) or _text(row.get("event_id"))
    article_id = _text(row.get("article_id")) if ours else ref
    sources = _sources(row.get("sources")) if "sources" in row else (article_id,)
    out: dict[str, Any] = {
        "event_id": event_id or ref,
        "article_id": article_id,
        "event_date": event_date,
        "time_precision": time_precision or implied or (1 if event_date else None),
        "event_type": _text(row.get("event_type")),
        "sub_event_type": _text(row.get("sub_event_type")),
        "disorder_type": _text(row.get("disorder_type")),
        "actor1": _text(row.get("actor1")),
        "actor2": _text(row.get("actor2")),
        "location": _text(row.get("location")),
        "latitude": lat,
        "longitude": lon,
        "geo_precision": geo_precision or 1,
        "admin1": _text(row.get("admin1")),
        "country": _text(row.get("country")),
        "iso": 0 if iso is None else iso,
        "assoc_actor_1": _text(row.get("assoc_actor_1")),
        "assoc_actor_2": _text(row.get("assoc_actor_2")),
        "inter1": inter1,
        "inter2": inter2,
        "interaction": interaction,
        "fatalities": fatalities,
        "fatalities_text": _text(row.get("fatalities_text")) or fatal_words,
        "injuries": injuries,
        "civilian_targeting": _text(row.get("civilian_targeting")),
        "date_flag": _text(row.get("date_flag")) if ours else "record",
        "primary": _bool(row.get("primary")) if ours else True,
        "sentence": _text(row.get("sentence")),
        "place_id": _text(row.get("place_id")),
        "source": _text(row.get("source")),
        "sources": sources,
        "duplicate_of": _text(row.get("duplicate_of")),
        "article_title": _text(row.get("article_title")),
        "url": _text(row.get("url")),
        "notes": _text(row.get("notes")),
        "timestamp": _timestamp(row.get("timestamp")),
    }
    # Text fields added to Event later read back without a change here.
    for f in fields(Event):
        if f.name not in out and isinstance(f.default, str):
            out[f.name] = _text(row.get(f.name))
    return out


# -- file formats -------------------------------------------------------------


def _decode(path: Path) -> str:
    from ..ingest.decode import decode_bytes

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from exc
    if not data.strip():
        raise InputError(path, "empty file")
    text, _warnings = decode_bytes(data, path)
    if not text.strip():
        raise InputError(path, "file holds only white space")
    return text


def read_header(path: str | Path, *, head_bytes: int = 1 << 16) -> list[str]:
    """The lower-cased column names of a CSV file, from its first bytes only (a large export is not read).

    Returns ``[]`` for a file that cannot be read.
    """
    from ..ingest.decode import decode_bytes

    try:
        with Path(path).open("rb") as fh:
            data = fh.read(head_bytes)
        text, _warnings = decode_bytes(data, Path(path))
    except (OSError, InputError):
        return []
    first = text.split("\n", 1)[0]
    cells = next(csv.reader([first], delimiter=sniff_delimiter(first)), [])
    return [c.strip().lower() for c in cells]


def read_table(path: str | Path, errors: list[InputError]) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a CSV file as ``(line, row)`` with lower-case, stripped headers.

    Decodes BOMs, UTF-16 and Latin-1; a row with more cells than the header is
    reported in ``errors`` and skipped; missing cells read as empty.
    """
    path = Path(path)
    text = _decode(path)
    csv.field_size_limit(1 << 24)
    first = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(first))
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(path, "empty file") from None
    except csv.Error as exc:
        raise InputError(path, f"malformed CSV header ({exc})", line=1) from exc
    names = [h.strip().lower() for h in header]
    if len(names) < 2:
        msg = f"only one column ({names[0][:60]!r}); is this a comma-, semicolon- or tab-separated file with a header?"
        raise InputError(path, msg, line=1)
    yield from _table_rows(path, text, reader, names, errors, offset=0)


def _table_rows(
    path: Path, text: str, reader: Any, names: list[str], errors: list[InputError], *, offset: int
) -> Iterator[tuple[int, dict[str, str]]]:
    open_quote = OpenQuote(text)
    start = reader.line_num + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            errors.append(InputError(path, f"malformed CSV ({exc})", line=reader.line_num + offset))
            return
        line, start = start, reader.line_num + 1  # the line the row starts on
        if open_quote.runs_off(line, reader.line_num) or open_quote.swallows(
            line, reader.line_num, reader.dialect.delimiter
        ):
            msg = (
                f"a quoted cell opened in the row on line {line + offset} is never closed; "
                "that row was skipped and the lines after it read again"
            )
            errors.append(InputError(path, msg, line=line + offset))
            rest = text.split("\n", line)[-1] if text.count("\n") >= line else ""
            rest_reader = csv.reader(io.StringIO(rest, newline=""), dialect=reader.dialect)
            yield from _table_rows(path, rest, rest_reader, names, errors, offset=offset + line)
            return
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(names) and any(c.strip() for c in cells[len(names) :]):
            msg = f"row has {len(cells)} fields, header has {len(names)}; row skipped"
            errors.append(InputError(path, msg, line=line + offset))
            continue
        yield (
            line + offset,
            {n: (cells[i] if i < len(cells) else "") for i, n in enumerate(names)},
        )


def _event(path: Path, line: int, row: Mapping[str, Any]) -> Event:
    try:
        kw = row_fields(row, ref=f"{path.name}:{line}")
    except ValueError as exc:
        raise InputError(path, str(exc), line=line) from exc
    if kw["latitude"] is None:
        raise InputError(
            path,
            "no latitude/longitude; use `geomap join` to geocode rows by place name",
            line=line,
        )
    return Event(**kw)


def _read_csv(path: Path, errors: list[InputError]) -> Iterator[Event]:
    rows = read_table(path, errors)
    for line, row in rows:
        if "latitude" not in row or "longitude" not in row:
            from .._records import PLACE_NAME_COLUMNS  # (it imports this module)

            msg = (
                f"no latitude/longitude columns (found: {', '.join(list(row)[:12])}); "
                "expected geomap's events.csv, an ACLED or UCDP export, or a CSV with lat/lon columns "
                f"or a place-name column ({', '.join(PLACE_NAME_COLUMNS)}); for other column names, "
                "`geomap join FILE --name-column ... --lat-column ... --lon-column ...`"
            )
            raise InputError(path, msg)
        try:
            yield _event(path, line, row)
        except InputError as exc:
            errors.append(exc)


def _read_geojson(path: Path, errors: list[InputError]) -> Iterator[Event]:
    try:
        doc = json.loads(_decode(path))
    except json.JSONDecodeError as exc:
        raise InputError(path, f"not JSON ({exc.msg}; line {exc.lineno}, column {exc.colno})", line=exc.lineno) from exc
    if isinstance(doc, dict) and doc.get("type") == "Feature":
        feats: Any = [doc]
    elif isinstance(doc, dict) and doc.get("type") == "FeatureCollection":
        feats = doc.get("features")
    else:
        raise InputError(path, 'not a GeoJSON FeatureCollection (no "type": "FeatureCollection")')
    if not isinstance(feats, list):
        raise InputError(path, 'GeoJSON "features" is not a list')
    for i, feat in enumerate(feats, 1):
        try:
            yield _feature_event(path, i, feat)
        except InputError as exc:
            errors.append(exc)


def _feature_event(path: Path, i: int, feat: Any) -> Event:
    if not isinstance(feat, dict):
        raise InputError(path, f"feature {i} is not an object", line=i)
    props = feat.get("properties") or {}
    if not isinstance(props, dict):
        raise InputError(path, f"feature {i}: properties is not an object", line=i)
    row = {str(k).lower(): v for k, v in props.items()}
    geom = feat.get("geometry")
    if isinstance(geom, dict) and geom.get("type") == "Point":
        coords = geom.get("coordinates")
        if not (
            isinstance(coords, list)
            and len(coords) >= 2
            and all(isinstance(c, (int, float)) and not isinstance(c, bool) for c in coords[:2])
        ):
            raise InputError(path, f"feature {i}: Point coordinates must be [longitude, latitude]", line=i)
        glon, glat = float(coords[0]), float(coords[1])
        plat, plon = row.get("latitude"), row.get("longitude")
        # Properties keep full precision; geometry wins when someone moved the point.
        if not (
            isinstance(plat, (int, float))
            and isinstance(plon, (int, float))
            and abs(float(plat) - glat) <= 1e-6
            and abs(float(plon) - glon) <= 1e-6
        ):
            row["latitude"], row["longitude"] = glat, glon
    elif geom is not None:
        raise InputError(path, f"feature {i}: geometry {geom.get('type')!r} is not a Point", line=i)
    if not row.get("event_id_cnty") and feat.get("id") is not None:
        row["event_id_cnty"] = str(feat["id"])
    return _event(path, i, row)


def _read_gpkg(path: Path, errors: list[InputError]) -> Iterator[Event]:
    try:
        import pyogrio
    except ImportError as exc:  # pragma: no cover - a hard dependency
        raise InputError(path, "reading GeoPackages needs pyogrio: pip install pyogrio") from exc
    try:
        gdf = pyogrio.read_dataframe(path)
    except Exception as exc:  # pyogrio raises its own DataSourceError and friends
        raise InputError(path, f"not a readable GeoPackage ({exc})") from exc
    gdf.columns = [str(c).lower() for c in gdf.columns]
    for i, rec in enumerate(gdf.to_dict("records"), 1):
        geom = rec.pop("geometry", None)
        if geom is not None and not geom.is_empty and geom.geom_type == "Point":
            if not (
                isinstance(rec.get("latitude"), float)
                and abs(rec["latitude"] - geom.y) <= 1e-9
                and abs(rec["longitude"] - geom.x) <= 1e-9
            ):
                rec["latitude"], rec["longitude"] = geom.y, geom.x
        try:
            yield _event(path, i, rec)
        except InputError as exc:
            errors.append(exc)


def read_events(path: str | Path, *, errors: list[InputError] | None = None) -> list[Event]:
    """Events from a GeoJSON, CSV (geomap's or ACLED's) or GeoPackage file.

    Parameters
    ----------
    path
        ``events.geojson``, ``events.csv``, ``events.gpkg`` or an ACLED CSV export.
    errors
        When given, bad rows are appended here and reading goes on; otherwise
        the first bad row raises.

    Raises
    ------
    InputError
        The file cannot be read at all (or, without ``errors``, a row is bad);
        the message names the file and line.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from geomap.export import write_geojson
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "e.geojson"
    >>> _ = write_geojson([], p)
    >>> read_events(p)
    []
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(path, "no such file")
    suffix = path.suffix.lower()
    if suffix not in EVENT_SUFFIXES:
        raise InputError(
            path,
            f"unsupported event file {suffix or '(none)'}; expected one of {', '.join(EVENT_SUFFIXES)}",
        )
    sink: list[InputError] = [] if errors is None else errors
    reader = {".csv": _read_csv, ".gpkg": _read_gpkg}.get(suffix, _read_geojson)
    events: list[Event] = []
    for e in reader(path, sink):
        if errors is None and sink:
            raise sink[0]
        events.append(e)
    if errors is None and sink:
        raise sink[0]
    return events
