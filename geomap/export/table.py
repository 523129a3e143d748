"""Events as rows and as a GeoDataFrame (EPSG:4326): the table behind every export."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..models import Event

__all__ = ["ACLED_COLUMNS", "EXTRA_COLUMNS", "event_rows", "to_geodataframe"]

#: ACLED's 31 columns, in ACLED's order.
ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
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
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
#: Our columns, written after ACLED's.
EXTRA_COLUMNS = (
    "article_id",
    "primary",
    "duplicate_of",
    "date_flag",
    "fatalities_text",
    "injuries",
    "sentence",
    "place_id",
    "sources",
    "article_title",
    "url",
    "flags",
)
_REGION = "Middle East"


def _acled_date(value: str) -> str:
    return value


def join_sources(sources: tuple[str, ...]) -> str:
    """Join source ids for a CSV cell: ``a;b``, or a JSON list when an id itself holds ``;``.

    Either form is read back losslessly by :func:`geomap.export.readers.read_events`.
    """
    if any(not s or ";" in s for s in sources) or (sources and sources[0].startswith("[")):
        import json

        return json.dumps(list(sources), ensure_ascii=False)
    return ";".join(sources)


def event_row(e: Event) -> dict[str, Any]:
    """One event as a flat dict: ACLED's columns, then ours."""
    year: int | str = int(e.event_date[:4]) if e.event_date[:4].isdigit() else ""
    return {
        "event_id_cnty": e.event_id,
        "event_date": e.event_date,
        "year": year,
        "time_precision": e.time_precision,
        "disorder_type": e.disorder_type,
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "actor1": e.actor1,
        "assoc_actor_1": e.assoc_actor_1,
        "inter1": e.inter1,
        "actor2": e.actor2,
        "assoc_actor_2": e.assoc_actor_2,
        "inter2": e.inter2,
        "interaction": e.interaction,
        "civilian_targeting": e.civilian_targeting,
        "iso": e.iso,
        "region": _REGION if e.iso else "",
        "country": e.country,
        "admin1": e.admin1,
        "admin2": e.admin2,
        "admin3": e.admin3,
        "location": e.location,
        "latitude": e.latitude,
        "longitude": e.longitude,
        "geo_precision": e.geo_precision,
        "source": e.source,
        "source_scale": e.source_scale,
        "notes": e.notes,
        "fatalities": e.fatalities,
        "tags": e.tags,
        "timestamp": e.timestamp,  # ACLED's upload time, kept from a joined export; never a made-up 0
        "article_id": e.article_id,
        "primary": e.primary,
        "duplicate_of": e.duplicate_of,
        "date_flag": e.date_flag,
        "fatalities_text": e.fatalities_text,
        "injuries": e.injuries,
        "sentence": e.sentence,
        "place_id": e.place_id,
        "sources": join_sources(e.sources),
        "article_title": e.article_title,
        "url": e.url,
        "flags": e.flags,
    }


def event_rows(events: Sequence[Event]) -> list[dict[str, Any]]:
    """All events as flat dicts."""
    return [event_row(e) for e in events]


def to_geodataframe(events: Sequence[Event]) -> Any:
    """A GeoDataFrame of point events in EPSG:4326 (lon, lat order in the geometry).

    Examples
    --------
    >>> to_geodataframe([]).crs.to_epsg()
    4326
    """
    import geopandas as gpd
    import shapely

    rows = event_rows(events)
    columns = list(ACLED_COLUMNS) + list(EXTRA_COLUMNS)
    geometry = shapely.points([r["longitude"] for r in rows], [r["latitude"] for r in rows]) if rows else []
    return gpd.GeoDataFrame(rows, columns=columns, geometry=list(geometry), crs="EPSG:4326")
