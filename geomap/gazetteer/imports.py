"""Import place sources into the ``imported`` gazetteer layer (``data/gazetteer/imported/``).

An import checks the source, keeps what the gazetteer can use and writes one
file into the imported folder; :func:`geomap.gazetteer.load_gazetteer` reads
every file there as the ``imported`` layer (ranked above the bundled GeoNames
cities, below the curated layer and patches).

- GeoNames dumps (``SY.txt``, ``allCountries.txt`` or the ``.zip`` of one) are
  written back in GeoNames' own 19-column format, with names from an optional
  ``alternateNames`` file merged into the alternatenames column, so feature
  codes, admin codes and populations survive.
- Place lists (an OCHA settlement list, a spreadsheet export) are written as
  ``name,lat,lon,variants,kind,admin1,country`` CSV.
"""

from __future__ import annotations

import csv
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .._atomic import atomic_write
from .._data import data_dir
from ..errors import GazetteerError
from ..models import Place
from .admin import NEIGHBOURS, AdminIndex, misplaced
from .layers import geonames_rows, read_alternate_names, read_place_csv

__all__ = ["ImportResult", "imported_dir", "import_geonames", "import_place_csv"]

logger = logging.getLogger(__name__)

PLACE_CSV_COLUMNS = ("name", "lat", "lon", "variants", "kind", "admin1", "country")


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import wrote: the layer file and how many places it holds."""

    path: Path
    places: int
    #: Rows left out, each "file:line: why; row skipped".
    skipped: tuple[str, ...] = ()
    #: Rows read with a caveat ("kind 'castle' ... read as village"), file:line first.
    notes: tuple[str, ...] = ()


def imported_dir(into: str | Path | None = None) -> Path:
    """Create and return the imported-layer folder: ``into`` or ``data/gazetteer/imported``."""
    folder = Path(into) if into is not None else data_dir() / "gazetteer" / "imported"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = exc.strerror or exc
        msg = f"{folder}: cannot create the imported-layer folder ({reason}); pass --into"
        raise GazetteerError(msg) from exc
    return folder


def _clean(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


def import_geonames(
    source: str | Path,
    *,
    into: str | Path | None = None,
    alternate_names: str | Path | None = None,
    countries: Sequence[str] = (),
    strict: bool = False,
    replace: bool = False,
    name: str | None = None,
) -> ImportResult:
    r"""Copy a GeoNames dump into the imported layer, merging alternate names.

    Parameters
    ----------
    source
        ``SY.txt``, ``allCountries.txt`` or a ``.zip`` holding one.
    into
        Folder of imported layers; default ``data/gazetteer/imported``.
    alternate_names
        An ``alternateNames`` file (or ``.zip``) whose names are added on geonameid.
    countries
        Keep only these ISO2 codes (all when empty).
    strict
        Stop at the first row that cannot be read (too few columns, no point),
        importing nothing; by default such rows are left out and listed in ``skipped``.
    replace
        Overwrite an earlier import of the same name; without it that is an error.
    name
        The layer file's name (default the source's): two sources called ``SY.txt``
        are kept apart with ``name``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> row = ["9", "Tall Nur", "Tall Nur", "Tell Nour", "36.1", "38.2", "P", "PPL", "SY", "", "09"]
    >>> _ = (d / "XX.txt").write_text("\t".join(row + [""] * 8) + "\n", encoding="utf-8")
    >>> res = import_geonames(d / "XX.txt", into=d / "imported")
    >>> res.path.name, res.places
    ('XX.txt', 1)
    """
    source = Path(source)
    wanted = frozenset(c.strip().upper() for c in countries if c.strip()) or None
    extra = read_alternate_names(alternate_names) if alternate_names is not None else {}
    target = _target(source, into, name, ".txt", replace)
    n = 0
    skipped: list[str] = []
    with atomic_write(target) as fh:
        for lineno, cols in geonames_rows(source, countries=wanted, skip_bad=None if strict else skipped):
            cols = [_clean(c) for c in cols]
            # Checked here: a bad row in the imported layer would stop every later run.
            problem = _bad_point(cols[4], cols[5])
            if problem:
                if strict:
                    raise GazetteerError(f"{source}:{lineno}: {problem}; nothing imported")
                skipped.append(f"{source}:{lineno}: {problem}; row skipped")
                continue
            alts = [a for a in cols[3].split(",") if a]
            alts += [_clean(a) for a in extra.get(cols[0], []) if "," not in a]
            cols[3] = ",".join(dict.fromkeys(a for a in alts if a and a != cols[1]))
            fh.write("\t".join(cols) + "\n")
            n += 1
    if not n and skipped:
        target.unlink(missing_ok=True)
        raise GazetteerError(f"{source}: no row could be read (first: {skipped[0]})")
    logger.info("imported %d GeoNames places from %s into %s", n, source, target)
    return ImportResult(target, n, skipped=tuple(skipped))


def _target(source: Path, into: str | Path | None, name: str | None, suffix: str, replace: bool) -> Path:
    """The layer file an import writes; an earlier import there is kept unless ``replace``."""
    stem = Path(name).stem if name else source.stem
    if not stem or stem.startswith("."):
        raise GazetteerError(f"{name!r}: not a usable layer name; give a plain file name")
    target = imported_dir(into) / f"{stem}{suffix}"
    if target.resolve() == source.resolve():
        raise GazetteerError(f"{source}: already in the imported folder; nothing to import")
    if target.exists() and not replace:
        msg = (
            f"{target}: an earlier import is already there; pass --replace to overwrite it, "
            f"or --as NAME to keep both (nothing imported from {source})"
        )
        raise GazetteerError(msg)
    return target


def _bad_point(lat_cell: str, lon_cell: str) -> str:
    """What is wrong with a row's latitude and longitude cells, or "" when they are a point.

    >>> _bad_point("36.1", "38.2"), _bad_point("not-a-lat", "41.0"), _bad_point("96.1", "38.2")
    ('', "latitude 'not-a-lat' is not a number", 'latitude 96.1 is out of range (-90 to 90)')
    """
    for what, cell, limit in (("latitude", lat_cell, 90), ("longitude", lon_cell, 180)):
        try:
            value = float(cell)
        except ValueError:
            return f"{what} {cell!r} is not a number"
        if not -limit <= value <= limit:  # NaN fails too
            return f"{what} {cell} is out of range (-{limit} to {limit})"
    return ""


def _outside_country(source: Path, entries: Sequence[tuple[Place, list[str]]]) -> list[str]:
    """A note for each row whose point lies outside the country it is given as (lat/lon swapped?).

    Only for the countries the bundled boundaries cover (Syria and its neighbours).
    """
    admin = AdminIndex(data_dir() / "gazetteer" / "admin1.geojson")
    if not admin.available:
        return []
    return [
        f"{source}: {wrong}"
        for place, _names in entries
        if place.country in NEIGHBOURS
        and (wrong := misplaced(place.name, place.lat, place.lon, place.country, admin.locate(place.lat, place.lon)))
    ]


def import_place_csv(
    source: str | Path,
    *,
    into: str | Path | None = None,
    name_column: str = "name",
    lat_column: str = "lat",
    lon_column: str = "lon",
    variants_column: str | None = None,
    kind_column: str | None = None,
    admin1_column: str | None = None,
    country: str = "SY",
    strict: bool = False,
    replace: bool = False,
    name: str | None = None,
) -> ImportResult:
    r"""Copy a place list CSV into the imported layer, in geomap's column names.

    Parameters
    ----------
    source
        A UTF-8 CSV with a header row.
    into
        Folder of imported layers; default ``data/gazetteer/imported``.
    name_column, lat_column, lon_column
        Columns holding the name and WGS84 decimal degrees.
    variants_column
        Column of other spellings, separated by ``|`` or ``;``.
    kind_column, admin1_column
        Optional columns with the kind (village, town...) and the governorate.
    country
        ISO2 code given to every row.
    strict
        Stop at the first row whose point is unreadable; by default such rows are
        skipped, the rest imported, and each skipped row listed in ``skipped``.
    replace, name
        As for :func:`import_geonames`.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "ocha.csv").write_text("pcode,village,y,x\nC1,Tall Nur,36.1,38.2\n")
    >>> res = import_place_csv(d / "ocha.csv", into=d / "imported", name_column="village",
    ...                        lat_column="y", lon_column="x")
    >>> res.places, res.path.read_text(encoding="utf-8").splitlines()[1]
    (1, 'Tall Nur,36.1,38.2,,village,,SY')
    """
    source = Path(source)
    notes: list[str] = []
    skipped: list[str] = []
    entries = list(
        read_place_csv(
            source,
            name_column=name_column,
            lat_column=lat_column,
            lon_column=lon_column,
            variants_column=variants_column,
            kind_column=kind_column,
            admin1_column=admin1_column,
            country=country.upper(),
            layer="imported",
            notes=notes,
            skip_bad=None if strict else skipped,
        )
    )
    if not entries and skipped:
        raise GazetteerError(f"{source}: no row could be read (first: {skipped[0]})")
    notes += _outside_country(source, entries)
    target = _target(source, into, name, ".csv", replace)  # (once the source is known to read)
    with atomic_write(target, newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(PLACE_CSV_COLUMNS)
        for place, names in entries:
            w.writerow(
                [
                    place.name,
                    place.lat,
                    place.lon,
                    "|".join(names[1:]),
                    place.kind,
                    place.admin1,
                    place.country,
                ]
            )
    logger.info("imported %d places from %s into %s", len(entries), source, target)
    return ImportResult(target, len(entries), notes=tuple(notes), skipped=tuple(skipped))
