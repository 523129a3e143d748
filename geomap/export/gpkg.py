"""GeoPackage output through pyogrio (opens in QGIS and ogrinfo)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Sequence
from datetime import datetime, timezone
from pathlib import Path

from .._atomic import atomic_path
from ..models import Event
from .table import to_geodataframe

__all__ = ["write_gpkg"]


def _last_change(events: Sequence[Event]) -> str:
    """Return the ``last_change`` stamp: ``$SOURCE_DATE_EPOCH``, else the newest event date.

    GDAL would write the current time, so two runs on the same input would
    differ; a stamp taken from the data keeps reruns byte-identical.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    dates = [e.event_date for e in events if len(e.event_date) == 10 and e.event_date[:4].isdigit()]
    return f"{max(dates)}T00:00:00Z" if dates else "1970-01-01T00:00:00Z"


@contextlib.contextmanager
def _gdal_option(name: str, value: str) -> Iterator[None]:
    import pyogrio

    before = pyogrio.get_gdal_config_option(name)
    pyogrio.set_gdal_config_options({name: value})
    try:
        yield
    finally:
        pyogrio.set_gdal_config_options({name: before})


def write_gpkg(events: Sequence[Event], path: str | Path, *, layer: str = "events") -> Path:
    """Write the events as one point layer of a GeoPackage (EPSG:4326), atomically.

    Reruns on the same events give byte-identical files (see ``_last_change``).
    """
    gdf = to_geodataframe(events)
    gdf["year"] = gdf["year"].mask(gdf["year"] == "")  # no year: NULL, so the column is INTEGER
    for col in ("year", "time_precision", "inter1", "inter2", "interaction", "fatalities", "injuries", "timestamp"):
        gdf[col] = gdf[col].astype("Int64")
    gdf["primary"] = gdf["primary"].astype(bool)
    path = Path(path)
    with atomic_path(path) as tmp, _gdal_option("OGR_CURRENT_DATE", _last_change(events)):
        tmp_gpkg = tmp.with_name(tmp.name + ".gpkg")
        gdf.to_file(tmp_gpkg, driver="GPKG", layer=layer, engine="pyogrio")
        tmp_gpkg.replace(tmp)
    return path
