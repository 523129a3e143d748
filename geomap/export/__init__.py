"""Exports: GeoJSON, CSV (ACLED columns), GeoPackage."""

from .geojson import events_to_geojson, write_geojson
from .gpkg import write_gpkg
from .table import ACLED_COLUMNS, to_geodataframe
from .tables import write_articles_csv, write_events_csv, write_mentions_csv

__all__ = [
    "ACLED_COLUMNS",
    "events_to_geojson",
    "to_geodataframe",
    "write_articles_csv",
    "write_events_csv",
    "write_geojson",
    "write_gpkg",
    "write_mentions_csv",
]
