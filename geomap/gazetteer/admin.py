"""Syria's governorates: names, codes, capitals and the polygons that place points in them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import GazetteerError

__all__ = ["GOVERNORATES", "NEIGHBOURS", "AdminIndex", "governorate_keys", "governorate_name"]


@dataclass(frozen=True, slots=True)
class Governorate:
    """One Syrian governorate (GeoNames admin1 code, name, capital point, other spellings)."""

    code: str
    name: str
    lat: float
    lon: float
    variants: tuple[str, ...]


#: GeoNames admin1 codes for Syria, the names we write, and each capital's point.
GOVERNORATES: dict[str, Governorate] = {
    g.code: g
    for g in (
        Governorate(
            "01", "Al-Hasakah", 36.5024, 40.7477, ("Hasakah", "Hasaka", "Hasakeh", "Hassakeh", "Hassake", "Hasaké")
        ),
        Governorate(
            "02", "Latakia", 35.5317, 35.7901, ("Lattakia", "Latakiya", "Ladhiqiyah", "Al-Ladhiqiyah", "Lattaquié")
        ),
        Governorate("03", "Quneitra", 33.1256, 35.8243, ("Qunaytirah", "Kuneitra", "Al-Qunaytirah")),
        Governorate("04", "Ar-Raqqah", 35.9528, 39.0079, ("Raqqa", "Raqqah", "Rakka", "al-Raqqa")),
        Governorate(
            "05", "As-Suwayda", 32.7089, 36.5695, ("Suwayda", "Sweida", "Suwaida", "Sweyda", "al-Suwayda", "Soueida")
        ),
        Governorate("06", "Daraa", 32.6189, 36.1021, ("Deraa", "Dar'a", "Dara'a", "Daraa")),
        Governorate(
            "07",
            "Deir ez-Zor",
            35.3359,
            40.1408,
            (
                "Deir Ezzor",
                "Deir al-Zor",
                "Deir el-Zour",
                "Dayr az Zawr",
                "Deir Ez Zor",
                "Deir Zor",
                "Deir ez-Zour",
                "Deir al-Zour",
            ),
        ),
        Governorate(
            "08",
            "Rif Dimashq",
            33.55,
            36.55,
            (
                "Rural Damascus",
                "Reef Damascus",
                "Rif Damascus",
                "Damascus countryside",
                "Damascus suburbs",
                "Rif Dimashq",
                "Reef Dimashq",
            ),
        ),
        Governorate("09", "Aleppo", 36.2021, 37.1343, ("Halab", "Alep")),
        Governorate("10", "Hama", 35.1318, 36.7578, ("Hamah", "Hamā")),
        Governorate("11", "Homs", 34.7324, 36.7137, ("Hims", "Hums")),
        Governorate("12", "Idlib", 35.9306, 36.6339, ("Idleb", "Edlib", "Idlip")),
        Governorate("13", "Damascus", 33.5138, 36.2765, ("Dimashq", "Damas")),
        Governorate("14", "Tartus", 34.8890, 35.8866, ("Tartous", "Tartouss", "Tartūs")),
    )
}

#: How articles name Syria and its neighbours: adjectives first, then the country's names.
NEIGHBOURS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "SY": (("Syrian",), ("Syria",)),
    "TR": (("Turkish",), ("Turkey", "Türkiye", "Turkiye")),
    "IQ": (("Iraqi",), ("Iraq",)),
    "JO": (("Jordanian",), ("Jordan",)),
    "LB": (("Lebanese",), ("Lebanon",)),
    "IL": (("Israeli",), ("Israel",)),
}

_BY_NAME = {v.lower(): g.name for g in GOVERNORATES.values() for v in (g.name, *g.variants)}


def other_governorate(a: str, b: str) -> bool:
    """Whether two governorate names are two places, not Damascus said for its countryside.

    Reports put "Douma in Damascus province": Damascus and Rif Dimashq are one for that.

    >>> other_governorate("Idlib", "Hama"), other_governorate("Damascus", "Rif Dimashq")
    (True, False)
    """
    return a != b and {a, b} != {"Damascus", "Rif Dimashq"}


def governorate_name(code_or_name: str) -> str:
    """Canonical governorate name for a GeoNames admin1 code or any accepted name.

    Examples
    --------
    >>> governorate_name("07"), governorate_name("deir ez-zor"), governorate_name("Raqqa")
    ('Deir ez-Zor', 'Deir ez-Zor', 'Ar-Raqqah')
    """
    value = (code_or_name or "").strip()
    if value in GOVERNORATES:
        return GOVERNORATES[value].name
    return _BY_NAME.get(value.lower(), "") or (_by_key(value) if value else "")


@lru_cache(maxsize=4096)
def _by_key(value: str) -> str:
    """A governorate written another way: OCHA's "Deir-ez-Zor", "Al-Hasakeh", "As-Sweida"."""
    from .names import name_keys

    keys = governorate_keys()
    return next((keys[k] for k in name_keys(value) if k in keys), "")


@lru_cache(maxsize=1)
def governorate_keys() -> dict[str, str]:
    """Each governorate's name keys (every spelling, folded), to its canonical name."""
    from .names import name_keys

    out: dict[str, str] = {}
    for g in GOVERNORATES.values():
        for n in (g.name, *g.variants):
            for k in name_keys(n):
                out.setdefault(k, g.name)
    return out


#: The parts of a unit that reports name, as (east, north) signs.
DIRECTIONS: dict[str, tuple[int, int]] = {
    "north": (0, 1),
    "south": (0, -1),
    "east": (1, 0),
    "west": (-1, 0),
    "northeast": (1, 1),
    "northwest": (-1, 1),
    "southeast": (1, -1),
    "southwest": (-1, -1),
    "central": (0, 0),
}


def direction_word(direction: str) -> str:
    """Normalise a direction: "North-western" -> "northwest", "centre" -> "central"."""
    word = direction.lower().replace("-", "").replace(" ", "")
    for suffix in ("ern", "erly"):
        word = word.removesuffix(suffix)
    return {"centre": "central", "center": "central"}.get(word, word)


class AdminIndex:
    """Point-in-polygon lookup of admin-1 units (shapely STRtree, built on first use)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._tree: Any = None
        self._names: list[str] = []
        self._countries: list[str] = []
        self._geoms: list[Any] = []
        self._loaded = False

    def _load(self) -> None:
        self._loaded = True
        if self.path is None or not self.path.exists():
            return
        from shapely import STRtree
        from shapely.geometry import shape

        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            for feat in data["features"]:
                props = feat.get("properties") or {}
                self._geoms.append(shape(feat["geometry"]))
                self._names.append(str(props.get("name", "")))
                self._countries.append(str(props.get("country", "")))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            msg = f"{self.path}: not a GeoJSON FeatureCollection of admin-1 polygons ({exc})"
            raise GazetteerError(msg) from exc
        self._tree = STRtree(self._geoms)

    @property
    def available(self) -> bool:
        """Whether polygons were found."""
        if not self._loaded:
            self._load()
        return self._tree is not None

    def locate(self, lat: float, lon: float) -> tuple[str, str] | None:
        """``(admin1 name, country)`` of the polygon containing the point, else ``None``."""
        if not self.available:
            return None
        from shapely.geometry import Point

        pt = Point(lon, lat)
        for i in self._tree.query(pt, predicate="intersects"):
            return self._names[int(i)], self._countries[int(i)]
        return None

    def part(self, name: str, direction: str) -> tuple[float, float] | None:
        """``(lat, lon)`` inside the named unit's northern, south-eastern... part.

        For "northern Hama countryside": the unit's polygon is cut through its
        centroid and a point well inside the requested half (or quarter) is
        returned; ``"central"`` gives the centroid.  ``None`` for an unknown
        unit or direction.

        Examples
        --------
        >>> from geomap._data import data_dir
        >>> idx = AdminIndex(data_dir() / "gazetteer" / "admin1.geojson")
        >>> north, south = idx.part("Hama", "northern"), idx.part("Hama", "southern")
        >>> north[0] > south[0]
        True
        """
        poly = self.polygon(name)
        word = direction_word(direction)
        wanted = DIRECTIONS
        if poly is None or word not in wanted:
            return None
        from shapely.geometry import box

        dx, dy = wanted[word]
        c = poly.centroid
        minx, miny, maxx, maxy = poly.bounds
        cut = box(
            c.x if dx > 0 else minx,
            c.y if dy > 0 else miny,
            c.x if dx < 0 else maxx,
            c.y if dy < 0 else maxy,
        )
        piece = poly.intersection(cut) if (dx, dy) != (0, 0) else poly
        if piece.is_empty:
            return None
        pt = piece.centroid if piece.contains(piece.centroid) else piece.representative_point()
        return round(pt.y, 5), round(pt.x, 5)

    def units(self) -> list[tuple[str, str, Any]]:
        """Every unit as ``(name, country, geometry)``."""
        if not self.available:
            return []
        return list(zip(self._names, self._countries, self._geoms, strict=True))

    def polygon(self, name: str) -> Any:
        """The shapely geometry of a named unit, or ``None``."""
        if not self.available:
            return None
        for n, g in zip(self._names, self._geoms, strict=True):
            if n == name:
                return g
        return None

    def borders(self, min_km: float = 5.0) -> list[tuple[str, str, float, float, float]]:
        """Shared borders of Syria's governorates with each other and with its neighbours.

        One row per pair: ``(a, b, lat, lon, length_km)``.  ``a`` is a Syrian
        governorate name or ``"SY"``, ``b`` another governorate or a neighbour's
        ISO code; the point is on the shared line, at its middle.  Pairs touching
        over less than ``min_km`` (a corner) are left out.

        Examples
        --------
        >>> from geomap._data import data_dir
        >>> idx = AdminIndex(data_dir() / "gazetteer" / "admin1.geojson")
        >>> sorted(b for a, b, *_ in idx.borders() if a == "SY")
        ['IL', 'IQ', 'JO', 'LB', 'TR']
        """
        if not self.available:
            return []
        import shapely
        from shapely.ops import nearest_points, unary_union

        syria = {n: g for n, g, c in zip(self._names, self._geoms, self._countries, strict=True) if c == "SY"}
        if not syria:
            return []
        by_country: dict[str, list[Any]] = {}
        for g, c in zip(self._geoms, self._countries, strict=True):
            if c and c not in ("SY", "PS"):
                by_country.setdefault(c, []).append(g)
        units: list[tuple[str, Any]] = sorted(syria.items())
        pairs = [(a, b, ga, gb) for i, (a, ga) in enumerate(units) for b, gb in units[i + 1 :]]
        whole = unary_union(list(syria.values()))
        pairs += [("SY", c, whole, unary_union(gs)) for c, gs in sorted(by_country.items())]
        out = []
        for a, b, ga, gb in pairs:
            if not ga.buffer(0.02).intersects(gb):
                continue
            line = ga.boundary.intersection(gb.buffer(0.02))
            if line.is_empty:
                continue
            length = float(line.length) * 100.0  # degrees to km, near enough at 35°N for a threshold
            if length < min_km:
                continue
            pt = nearest_points(line, shapely.centroid(line))[0]
            out.append((a, b, round(pt.y, 4), round(pt.x, 4), round(length, 1)))
        return out


def misplaced(name: str, lat: float, lon: float, country: str, located: tuple[str, str] | None) -> str:
    """What to check when a point does not lie in the country a row gives, else "".

    ``located`` is ``AdminIndex.locate(lat, lon)``.

    >>> misplaced("Tall Swapped", 38.5, 36.2, "SY", ("Hatay", "TR"))
    'Tall Swapped (38.5, 36.2) is given as SY but its point lies in TR; check lat/lon (swapped?)'
    >>> misplaced("Tall Qasab", 35.62, 36.71, "SY", ("Hama", "SY"))
    ''
    """
    if located is not None and located[1] == country:
        return ""
    lies = f"in {located[1]}" if located else "outside the region's countries"
    return f"{name} ({lat}, {lon}) is given as {country} but its point lies {lies}; check lat/lon (swapped?)"
