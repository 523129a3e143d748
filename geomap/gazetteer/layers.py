"""Readers for gazetteer layers: GeoNames dumps, the curated CSV, place lists and patch files.

Each reader yields ``(Place, names)`` pairs: the place and every name it may be
written as.  Errors name the file and line.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

from .._csv import OpenQuote, sniff_delimiter
from ..errors import GazetteerError
from ..models import Place
from .admin import governorate_name

__all__ = [
    "PATCH_ACTIONS",
    "geonames_rows",
    "read_alternate_names",
    "read_curated",
    "read_geonames",
    "read_patch",
    "read_place_csv",
]

Entry = tuple[Place, list[str]]

_GEONAMES_COLUMNS = 19
_CITY_CODES = {"PPLC", "PPLA", "PPLG"}
_FEATURE_KINDS = {
    "PCLI": "country",
    "PCLD": "country",
    "PCLS": "country",
    "PCLIX": "country",
    "ADM1": "governorate",
    "ADM2": "district",
    "ADM3": "subdistrict",
    "CMPRF": "camp",
    "CMP": "camp",
    "AIRB": "base",
    "AIRF": "airport",
    "AIRP": "airport",
    "INSM": "base",
    "MILB": "base",
    "BDGQ": "crossing",
    "PSTB": "crossing",
    "OILF": "oilfield",
    "GASF": "gasfield",
    "DAM": "dam",
    "PPLX": "district",
    "RGN": "region",
    "AREA": "region",
    "PLN": "region",
    "VAL": "region",
    "MT": "mountain",
    "MTS": "mountain",
    "STM": "river",
    "PRN": "prison",
    "HSP": "hospital",
}
PATCH_ACTIONS = ("add", "override", "blacklist")
#: The kinds a patch row may give (data/gazetteer/PATCHES.md).
PATCH_KINDS = (
    "village",
    "town",
    "city",
    "district",
    "camp",
    "base",
    "airport",
    "crossing",
    "oilfield",
    "gasfield",
    "dam",
    "region",
    "mountain",
    "river",
    "road",
    "prison",
    "hospital",
    "landmark",
)

#: Other lists' words for our kinds (OCHA settlement types, plain English).
_KIND_SYNONYMS = {
    "hamlet": "village",
    "settlement": "village",
    "locality": "village",
    "populated place": "village",
    "farm": "village",
    "neighbourhood": "district",
    "neighborhood": "district",
    "quarter": "district",
    "suburb": "district",
    "camp site": "camp",
    "idp camp": "camp",
    "idp site": "camp",
    "refugee camp": "camp",
    "informal settlement": "camp",
    "airbase": "base",
    "air base": "base",
    "military base": "base",
    "oil field": "oilfield",
    "gas field": "gasfield",
    "border crossing": "crossing",
    "mountains": "mountain",
    "subdistrict": "district",
    "sub-district": "district",
    "nahiya": "district",
    "nahia": "district",
}
#: Kinds an imported list may give beyond a patch's (the gazetteer's own).
_IMPORT_KINDS = ("border",)


def place_kind(raw: str) -> str | None:
    """Our kind for a list's kind word ("Hamlet", "IDP camp"), ``None`` when unknown.

    >>> place_kind("Hamlet"), place_kind(" IDP  camp "), place_kind("Sub-district"), place_kind("castle")
    ('village', 'camp', 'district', None)
    """
    word = " ".join(raw.lower().replace("_", " ").split())
    return word if word in PATCH_KINDS or word in _IMPORT_KINDS else _KIND_SYNONYMS.get(word)


def _kind(feature_class: str, feature_code: str, population: int) -> str:
    if feature_code in _FEATURE_KINDS:
        return _FEATURE_KINDS[feature_code]
    if feature_class == "P":
        if feature_code in _CITY_CODES or population >= 100_000:
            return "city"
        return "town" if population >= 10_000 else "village"
    return {"A": "district", "H": "water", "L": "region", "S": "landmark", "T": "mountain"}.get(
        feature_class, "landmark"
    )


def _open_text(path: Path) -> Iterator[tuple[str, Iterator[str]]]:
    """Yield (member name, lines) for a .txt file or every .txt inside a .zip."""
    if path.suffix.lower() == ".zip":
        try:
            with zipfile.ZipFile(path) as zf:
                for member in zf.namelist():
                    if member.lower().endswith(".txt") and "readme" not in member.lower():
                        with zf.open(member) as fh:
                            yield member, io.TextIOWrapper(fh, encoding="utf-8-sig")
        except zipfile.BadZipFile as exc:
            raise GazetteerError(f"{path}: not a readable zip archive ({exc})") from exc
        return
    with path.open("rb") as raw:
        head = raw.read(2)
    encoding = "utf-16" if head in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"
    with path.open(encoding=encoding) as fh:
        yield path.name, _checked_lines(path, fh)


def _checked_lines(path: Path, lines: Iterator[str]) -> Iterator[str]:
    """Lines of a text file; undecodable or binary content becomes a GazetteerError naming the line."""
    lineno = 0
    try:
        for lineno, line in enumerate(lines, 1):
            if "\x00" in line:
                msg = f"{path}:{lineno}: binary data (NUL bytes); expected a UTF-8 text file"
                raise GazetteerError(msg)
            yield line
    except UnicodeDecodeError as exc:
        msg = (
            f"{path}:{lineno + 1}: not UTF-8 text ({exc.reason}); GeoNames files are UTF-8: "
            "is this a binary file, or was it re-saved in another encoding?"
        )
        raise GazetteerError(msg) from exc


def _useful_alternate(name: str) -> bool:
    # GeoNames carries machine transliterations of Arabic ("ftst althyb"): all lower-case Latin.
    if not name or len(name) > 60:
        return False
    if name.isascii() and name == name.lower():
        return False
    return not any(ch.isdigit() for ch in name)


def read_geonames(
    path: str | Path,
    *,
    alternate_names: str | Path | None = None,
    countries: frozenset[str] | None = None,
    layer: str = "geonames",
) -> Iterator[Entry]:
    r"""Read a GeoNames dump (``SY.txt``, ``allCountries.txt``, or a ``.zip`` of one).

    Parameters
    ----------
    path
        The dump: 19 tab-separated columns, UTF-8, no header.
    alternate_names
        Optional ``alternateNamesV2.txt`` (or ``SY.txt`` from the alternatenames
        folder): extra names joined on geonameid.
    countries
        Keep only these ISO2 country codes.
    layer
        Name recorded on each place.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> cols = ["1", "Hajin", "Hajin", "Hajeen", "34.69", "40.83", "P", "PPL", "SY", "", "07"]
    >>> row = "\t".join(cols + ["", "", "", "37000", "", "", "", ""])
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "SY.txt"; _ = p.write_text(row + "\n")
    >>> [(pl.name, pl.admin1, names) for pl, names in read_geonames(p)]
    [('Hajin', 'Deir ez-Zor', ['Hajin', 'Hajeen'])]
    """
    path = Path(path)
    extra: dict[str, list[str]] = {}
    if alternate_names is not None:
        extra = read_alternate_names(alternate_names)
    for lineno, cols in geonames_rows(path, countries=countries):
        gid, name, ascii_name, alts = cols[0], cols[1], cols[2], cols[3]
        cc = cols[8]
        try:
            lat, lon = float(cols[4]), float(cols[5])
            population = int(cols[14] or 0)
        except ValueError as exc:
            msg = f"{path}:{lineno}: bad latitude, longitude or population ({exc})"
            raise GazetteerError(msg) from exc
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise GazetteerError(f"{path}:{lineno}: coordinates out of range: {lat}, {lon}")
        kind = _kind(cols[6], cols[7], population)
        admin1 = governorate_name(cols[10]) if cc == "SY" else ""
        place = Place(
            id=f"{layer}:{gid}",
            name=name,
            lat=lat,
            lon=lon,
            kind=kind,
            country=cc,
            admin1=admin1,
            population=population,
            layer=layer,
        )
        names = [name]
        if ascii_name and ascii_name != name:
            names.append(ascii_name)
        names += [a for a in alts.split(",") if _useful_alternate(a)]
        names += extra.get(gid, [])
        yield place, list(dict.fromkeys(names))


def geonames_rows(
    path: str | Path, *, countries: frozenset[str] | None = None, skip_bad: list[str] | None = None
) -> Iterator[tuple[int, list[str]]]:
    r"""Yield ``(line number, 19 columns)`` of a GeoNames dump (``.txt`` or ``.zip``).

    A row without the 19 columns stops the read, unless ``skip_bad`` is a list:
    it is then skipped and said there.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "XX.txt"
    >>> _ = p.write_text("\t".join(["7", "Tall Nur", "Tall Nur"] + [""] * 16) + "\n")
    >>> [(n, cols[1]) for n, cols in geonames_rows(p)]
    [(1, 'Tall Nur')]
    """
    path = Path(path)
    if not path.exists():
        raise GazetteerError(f"{path}: no such GeoNames file")
    for member, lines in _open_text(path):
        for lineno, line in enumerate(lines, 1):
            line = line.rstrip("\n\r")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != _GEONAMES_COLUMNS:
                msg = (
                    f"{path}:{lineno}{'' if member == path.name else f' ({member})'}: expected "
                    f"{_GEONAMES_COLUMNS} tab-separated GeoNames columns, found {len(cols)}; "
                    "is this a GeoNames dump (geonameid, name, asciiname, alternatenames, ...)?"
                )
                if skip_bad is None:
                    raise GazetteerError(msg)
                skip_bad.append(f"{msg}; row skipped")
                continue
            if countries is not None and cols[8] not in countries:
                continue
            yield lineno, cols


def read_alternate_names(path: str | Path) -> dict[str, list[str]]:
    """Names by geonameid from a GeoNames ``alternateNames`` file (``.txt`` or ``.zip``).

    Links, postcodes, airport codes and machine transliterations are skipped;
    Arabic-script names are kept.
    """
    path = Path(path)
    if not path.exists():
        raise GazetteerError(f"{path}: no such alternateNames file")
    out: dict[str, list[str]] = {}
    for _member, lines in _open_text(path):
        for lineno, line in enumerate(lines, 1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 4:
                msg = f"{path}:{lineno}: expected alternateNames columns (id, geonameid, lang, name, ...)"
                raise GazetteerError(msg)
            lang, name = cols[2], cols[3]
            if lang in ("link", "post", "iata", "icao", "faac", "abbr", "wkdt", "unlc"):
                continue
            if _useful_alternate(name) or lang == "ar":
                out.setdefault(cols[1], []).append(name)
    return out


def _float(value: str, path: Path, lineno: int, what: str) -> float:
    if value.count(",") == 1 and "." not in value:
        value = value.replace(",", ".")  # a decimal comma ("36,1"), as ";"-separated spreadsheets write
    try:
        return float(value)
    except (TypeError, ValueError) as exc:
        raise GazetteerError(f"{path}:{lineno}: {what} {value!r} is not a number") from exc


def _check_point(lat: float, lon: float, path: Path, lineno: int) -> None:
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        msg = f"{path}:{lineno}: coordinates out of range: lat {lat}, lon {lon} (lat first?)"
        raise GazetteerError(msg)


def _dict_rows(path: Path, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    from ..errors import InputError
    from ..ingest.decode import decode_bytes

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise GazetteerError(f"{path}: cannot read ({exc.strerror})") from exc
    if not data.strip():
        raise GazetteerError(f"{path}: empty file; expected a CSV with a header row")
    try:
        text, _warnings = decode_bytes(data, path)  # BOMs, UTF-16, Latin-1
    except InputError as exc:
        reason = exc.reason.split(";")[0]
        raise GazetteerError(f"{path}: {reason}; expected a CSV text file with a header row") from exc
    # A spreadsheet in many locales saves ";"-separated "CSV": the header line says which.
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text.split("\n", 1)[0]))
    written = [f.strip() for f in reader.fieldnames or []]
    fields = [f.lower() for f in written]
    missing = [c for c in required if c not in fields]
    if missing:
        msg = f"{path}: missing column(s) {', '.join(missing)}; found {', '.join(written) or 'none'}"
        raise GazetteerError(msg)
    open_quote = OpenQuote(text)
    start = reader.line_num + 1
    for row in reader:
        lineno, start = start, reader.line_num + 1  # the line the row starts on
        if open_quote.runs_off(lineno, reader.line_num) or open_quote.swallows(lineno, reader.line_num):
            msg = f"{path}:{lineno}: a quoted cell opened on this line is never closed (a stray '\"'?)"
            raise GazetteerError(msg)
        extra = [v for v in row.get(None) or [] if v.strip()]
        if extra:
            msg = (
                f"{path}:{lineno}: {len(fields) + len(extra)} values but the header has {len(fields)} columns "
                "(quote a value that contains a comma)"
            )
            raise GazetteerError(msg)
        yield lineno, {(k or "").strip().lower(): (v or "").strip() for k, v in row.items() if k}


def read_curated(path: str | Path, *, layer: str = "curated") -> Iterator[Entry]:
    """Read the team's curated conflict-places CSV (see data/gazetteer/CURATED.md)."""
    path = Path(path)
    required = ("id", "name", "lat", "lon")
    for lineno, row in _dict_rows(path, required):
        lat = _float(row["lat"], path, lineno, "lat")
        lon = _float(row["lon"], path, lineno, "lon")
        _check_point(lat, lon, path, lineno)
        radius = row.get("radius_km") or "0"
        pop = row.get("population") or "0"
        place = Place(
            id=f"{layer}:{row['id']}",
            name=row["name"],
            lat=lat,
            lon=lon,
            kind=row.get("kind") or "town",
            country=row.get("country") or "SY",
            admin1=governorate_name(row.get("admin1", "")),
            population=int(_float(pop, path, lineno, "population")),
            radius_km=_float(radius, path, lineno, "radius_km"),
            layer=layer,
        )
        variants = [v.strip() for v in (row.get("variants") or "").split("|") if v.strip()]
        yield place, [place.name, *variants]


def read_place_csv(
    path: str | Path,
    *,
    name_column: str = "name",
    lat_column: str = "lat",
    lon_column: str = "lon",
    variants_column: str | None = None,
    kind_column: str | None = None,
    admin1_column: str | None = None,
    country: str = "SY",
    country_column: str | None = None,
    layer: str = "user",
    notes: list[str] | None = None,
    skip_bad: list[str] | None = None,
) -> Iterator[Entry]:
    r"""Read a plain place list (e.g. an OCHA settlement list) with configurable columns.

    Rows with an empty name are skipped (and noted); ``country`` is used where
    ``country_column`` is absent or empty.  A row whose point is not a number
    or out of range stops the read, unless ``skip_bad`` is a list: it is then
    skipped and said there.  A kind geomap does not know is read
    as a village and a Syrian admin1 that is no governorate is left to the
    point's polygon; each such row adds a line to ``notes`` when it is given.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "list.csv"
    >>> _ = p.write_text("name,lat,lon,alt\nTall Nur,36.1,38.2,Tell Nour;Tal Nur\n")
    >>> [(pl.name, names) for pl, names in read_place_csv(p, variants_column="alt")]
    [('Tall Nur', ['Tall Nur', 'Tell Nour', 'Tal Nur'])]
    """
    path = Path(path)
    cols = tuple(c.lower() for c in (name_column, lat_column, lon_column))
    for lineno, row in _dict_rows(path, cols):
        name = row[cols[0]]
        if not name:
            if notes is not None and any(row.values()):
                notes.append(f"{path}:{lineno}: no name in column {name_column!r}; row skipped")
            continue
        try:
            lat = _float(row[cols[1]], path, lineno, lat_column)
            lon = _float(row[cols[2]], path, lineno, lon_column)
            _check_point(lat, lon, path, lineno)
        except GazetteerError as exc:
            if skip_bad is None:
                raise
            skip_bad.append(f"{exc}; row skipped")
            continue
        variants: list[str] = []
        if variants_column:
            raw = row.get(variants_column.lower(), "")
            variants = [v.strip() for v in raw.replace(";", "|").split("|") if v.strip()]
        raw_kind, raw_admin1 = _cell(row, kind_column).strip(), _cell(row, admin1_column).strip()
        kind = place_kind(raw_kind) if raw_kind else "village"
        place_country = (_cell(row, country_column) or country).upper()
        admin1 = governorate_name(raw_admin1)
        if notes is not None and kind is None:
            notes.append(f"{path}:{lineno}: kind {raw_kind!r} is not one of {', '.join(PATCH_KINDS)}; read as village")
        if notes is not None and raw_admin1 and place_country == "SY" and not admin1:
            notes.append(f"{path}:{lineno}: admin1 {raw_admin1!r} is not a Syrian governorate; taken from the point")
        place = Place(
            id=f"{layer}:{path.stem}:{lineno}",
            name=name,
            lat=lat,
            lon=lon,
            kind=kind or "village",
            country=place_country,
            admin1=admin1,
            layer=layer,
        )
        yield place, [name, *variants]


def _cell(row: dict[str, str], column: str | None) -> str:
    return row.get(column.lower(), "") if column else ""


def read_patch(path: str | Path) -> Iterator[tuple[str, Place | None, list[str]]]:
    r"""Read a user patch file: ``action,name,variants,lat,lon,kind,admin1,country``.

    ``action`` is ``add`` (a new place), ``override`` (the name now means only
    this place) or ``blacklist`` (the name is never a place; lat/lon empty).
    Rows whose action is empty or starts with ``#`` are notes and are skipped.
    See data/gazetteer/PATCHES.md.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "patch.csv"
    >>> _ = p.write_text("action,name,lat,lon\n# a note,,,\nadd,Tall Nur,36.1,38.2\nblacklist,Mare,,\n")
    >>> [(action, place.name if place else None, names) for action, place, names in read_patch(p)]
    [('add', 'Tall Nur', ['Tall Nur']), ('blacklist', None, ['Mare'])]
    """
    path = Path(path)
    for lineno, row in _dict_rows(path, ("action", "name")):
        action = row["action"].lower()
        if not action or action.startswith("#"):
            continue
        if not row["name"]:
            raise GazetteerError(f"{path}:{lineno}: the name is empty")
        if action not in PATCH_ACTIONS:
            allowed = ", ".join(PATCH_ACTIONS)
            msg = f"{path}:{lineno}: action {row['action']!r} is not one of {allowed}"
            raise GazetteerError(msg)
        names = [row["name"]] + [v.strip() for v in (row.get("variants") or "").split("|") if v.strip()]
        if action == "blacklist":
            yield action, None, names
            continue
        lat = _float(row.get("lat", ""), path, lineno, "lat")
        lon = _float(row.get("lon", ""), path, lineno, "lon")
        _check_point(lat, lon, path, lineno)
        kind = (row.get("kind") or "village").lower()
        if kind not in PATCH_KINDS:
            raise GazetteerError(f"{path}:{lineno}: kind {row['kind']!r} is not one of {', '.join(PATCH_KINDS)}")
        country = (row.get("country") or "SY").upper()
        admin1 = governorate_name(row.get("admin1", ""))
        if row.get("admin1") and country == "SY" and not admin1:
            raise GazetteerError(f"{path}:{lineno}: admin1 {row['admin1']!r} is not a Syrian governorate")
        place = Place(
            id=f"patch:{path.stem}:{lineno}",
            name=row["name"],
            lat=lat,
            lon=lon,
            kind=kind,
            country=country,
            admin1=admin1,
            layer="patch",
        )
        yield action, place, names
