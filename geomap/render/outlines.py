"""The bundled outlines (countries and governorates), lightened for drawing.

``data/gazetteer/countries.geojson`` and ``admin1.geojson`` are detailed
enough for point-in-polygon tests; a map needs far less.  The simplified
copies are made once and kept in the cache folder (``$GEOMAP_CACHE_DIR``),
keyed by the source file's size and time, so an edited file is simplified again.
"""

from __future__ import annotations

import hashlib
import json
import logging
from functools import lru_cache
from typing import Any

from .._atomic import write_text_atomic
from .._data import cache_dir, data_dir, prune_cache, touch
from ..errors import GeomapError

logger = logging.getLogger(__name__)
_VERSION = "1"  # bump when the simplification changes

__all__ = ["admin1_outlines", "country_outlines", "outlines_gdf"]


def _simplify(path_name: str, tolerance: float, keep: tuple[str, ...]) -> dict[str, Any]:
    import shapely
    from shapely.geometry import mapping, shape

    path = data_dir() / "gazetteer" / path_name
    with path.open(encoding="utf-8") as fh:
        src = json.load(fh)
    feats = []
    for f in src.get("features", []):
        geom = shape(f["geometry"])
        if (f.get("properties") or {}).get("detail", "fine") != "fine":
            # far-away countries: coarse lines, no islets
            parts = [p for p in getattr(geom, "geoms", [geom]) if p.area >= 0.05] or [geom]
            geom = shapely.set_precision(shapely.simplify(shapely.union_all(parts), tolerance * 30), 0.01)
        else:
            geom = shapely.set_precision(shapely.simplify(geom, tolerance, preserve_topology=True), 0.001)
        if geom.is_empty:
            continue
        props = {k: v for k, v in (f.get("properties") or {}).items() if k in keep}
        feats.append({"type": "Feature", "properties": props, "geometry": mapping(geom)})
    return {"type": "FeatureCollection", "features": feats}


def _plain(obj: Any) -> Any:
    """Turn shapely's tuples into lists and round floats: plain, short JSON."""
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_plain(v) for v in obj]
    if isinstance(obj, float):
        return round(obj, 3)
    return obj


def _cached(path_name: str, tolerance: float, keep: tuple[str, ...]) -> str:
    src = data_dir() / "gazetteer" / path_name
    st = src.stat()
    key = hashlib.sha1(
        f"{_VERSION}|{src.resolve()}|{st.st_size}|{st.st_mtime_ns}|{tolerance}|{keep}".encode()
    ).hexdigest()[:16]
    cached = cache_dir() / f"outlines-{src.stem}-{key}.json"
    try:
        text = cached.read_text(encoding="utf-8")
        touch(cached)
        return text
    except OSError:
        pass
    text = json.dumps(_plain(_simplify(path_name, tolerance, keep)), separators=(",", ":"))
    try:
        write_text_atomic(cached, text)
        prune_cache("outlines")
    except GeomapError as exc:  # a read-only cache only costs time
        logger.debug("outline cache not written: %s", exc)
    return text


@lru_cache(maxsize=1)
def _country_json() -> str:
    return _cached("countries.geojson", 0.01, ("name",))


@lru_cache(maxsize=1)
def _admin1_json() -> str:
    return _cached("admin1.geojson", 0.006, ("name", "country"))


def country_outlines() -> dict[str, Any]:
    """Simplified country polygons (GeoJSON dict, properties: name).

    Examples
    --------
    >>> any(f["properties"]["name"] == "Syria" for f in country_outlines()["features"])
    True
    """
    return json.loads(_country_json())  # type: ignore[no-any-return]


def admin1_outlines() -> dict[str, Any]:
    """Simplified first-level admin polygons (GeoJSON dict, properties: name, country).

    Examples
    --------
    >>> sum(f["properties"]["country"] == "SY" for f in admin1_outlines()["features"])
    14
    """
    return json.loads(_admin1_json())  # type: ignore[no-any-return]


def outlines_gdf(which: str) -> Any:
    """Return the simplified ``"countries"`` or ``"admin1"`` outlines as a GeoDataFrame."""
    import geopandas as gpd

    data = country_outlines() if which == "countries" else admin1_outlines()
    return gpd.GeoDataFrame.from_features(data["features"], crs="EPSG:4326")
