"""GeoJSON (RFC 7946): a FeatureCollection of Points, lon/lat, WGS84, no "crs" member."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import Any

from .._atomic import atomic_write
from ..models import Event
from .table import event_row

__all__ = ["PROPERTY_NAMES", "events_to_geojson", "write_geojson"]

#: Properties each feature carries (the scorers read article_id, event_date,
#: event_type, sub_event_type, actor1, actor2, admin1, fatalities, primary).
PROPERTY_NAMES = (
    "event_id_cnty",
    "article_id",
    "event_date",
    "year",
    "time_precision",
    "date_flag",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "fatalities",
    "fatalities_text",
    "injuries",
    "country",
    "iso",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "place_id",
    "primary",
    "duplicate_of",
    "sentence",
    "source",
    "sources",
    "article_title",
    "url",
    "notes",
    "source_scale",
    "tags",
    "timestamp",
    "flags",
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
        "geometry": {"type": "Point", "coordinates": [e.longitude, e.latitude]},  # Event holds 6 decimals
        "properties": props,
    }


def events_to_geojson(events: Sequence[Event]) -> dict[str, Any]:
    """The FeatureCollection as a dict (with a bbox when there are events)."""
    out = _collection(events)
    out["features"] = [feature(e) for e in events]
    return out


def _collection(events: Sequence[Event]) -> dict[str, Any]:
    """Return the FeatureCollection's members that come before its features."""
    out: dict[str, Any] = {"type": "FeatureCollection"}
    if events:
        lons = [e.longitude for e in events]
        lats = [e.latitude for e in events]
        out["bbox"] = [min(lons), min(lats), max(lons), max(lats)]
    return out


def write_geojson(events: Sequence[Event], path: str | Path) -> Path:
    """Write events.geojson atomically; byte-identical for identical events.

    The text is ``json.dumps(events_to_geojson(events))``, written feature by
    feature: the whole collection as one dict and one string took more memory
    than the rest of a 10,000-article run.
    """
    path = Path(path)
    dumps = partial(json.dumps, ensure_ascii=False, separators=(",", ":"))
    with atomic_write(path) as fh:
        fh.write(dumps(_collection(events))[:-1] + ',"features":[')
        for i, e in enumerate(events):
            fh.write(("," if i else "") + dumps(feature(e)))
        fh.write("]}\n")
    return path
