"""GeoJSON (RFC 7946): a FeatureCollection of Points, lon/lat, WGS84, no "crs" member."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .._atomic import atomic_write
from ..models import Event
from .table import event_row

__all__ = ["PROPERTY_NAMES", "events_to_geojson", "write_geojson"]

#: Properties each feature carries (the scorers read article_id, event_date,
#: event_type, sub_event_type, actor1, actor2, admin1, fatalities, primary).
PROPERTY_NAMES = (
    "event_id_cnty", "article_id", "event_date", "year", "time_precision", "date_flag",
    "disorder_type", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1",
    "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "fatalities",
    "fatalities_text", "injuries", "country", "iso", "admin1", "location", "latitude",
    "longitude", "geo_precision", "place_id", "primary", "duplicate_of", "sentence", "source", "sources",
    "article_title", "url", "notes",
)


def _plain(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def feature(e: Event) -> dict[str, Any]:
    """One event as a GeoJSON Feature (coordinates rounded to 6 decimals)."""
    row = event_row(e)
    props = {k: _plain(row[k]) for k in PROPERTY_NAMES}
    props["sources"] = list(e.sources)
    return {
        "type": "Feature",
        "id": e.event_id,
        "geometry": {"type": "Point", "coordinates": [round(e.longitude, 6), round(e.latitude, 6)]},
        "properties": props,
    }


def events_to_geojson(events: Sequence[Event]) -> dict[str, Any]:
    """The FeatureCollection as a dict (with a bbox when there are events)."""
    feats = [feature(e) for e in events]
    out: dict[str, Any] = {"type": "FeatureCollection"}
    if events:
        lons = [e.longitude for e in events]
        lats = [e.latitude for e in events]
        out["bbox"] = [round(min(lons), 6), round(min(lats), 6), round(max(lons), 6), round(max(lats), 6)]
    out["features"] = feats
    return out


def write_geojson(events: Sequence[Event], path: str | Path) -> Path:
    """Write events.geojson atomically; byte-identical for identical events."""
    path = Path(path)
    with atomic_write(path) as fh:
        # dumps, not dump: json.dump never uses the C encoder (same text, several times slower).
        fh.write(json.dumps(events_to_geojson(events), ensure_ascii=False, separators=(",", ":")))
        fh.write("\n")
    return path
