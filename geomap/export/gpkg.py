"""GeoPackage output through pyogrio (opens in QGIS and ogrinfo)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .._atomic import atomic_path
from ..models import Event
from .table import to_geodataframe

__all__ = ["write_gpkg"]


def write_gpkg(events: Sequence[Event], path: str | Path, *, layer: str = "events") -> Path:
    """Write the events as one point layer of a GeoPackage (EPSG:4326)."""
    gdf = to_geodataframe(events)
    for col in ("inter1", "inter2", "interaction", "fatalities", "injuries"):
        gdf[col] = gdf[col].astype("Int64")
    gdf["primary"] = gdf["primary"].astype(bool)
    with atomic_path(Path(path).with_suffix(".gpkg")) as tmp:
        tmp_gpkg = tmp.with_name(tmp.name + ".gpkg")
        gdf.to_file(tmp_gpkg, driver="GPKG", layer=layer, engine="pyogrio")
        tmp_gpkg.replace(tmp)
    return Path(path)
