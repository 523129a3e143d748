"""Rendering: the interactive map (folium, works offline), the report page and static images."""

from .map import build_map, map_fragment, popup_html, write_fragment, write_map
from .report import report_html, write_report
from .static_map import write_static_map

__all__ = [
    "build_map",
    "map_fragment",
    "popup_html",
    "report_html",
    "write_fragment",
    "write_map",
    "write_report",
    "write_static_map",
]
