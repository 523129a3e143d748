"""Rendering: the interactive map (folium, works offline), the report page and static images."""

from .map import build_map, map_fragment, popup_html, write_fragment, write_map

__all__ = ["build_map", "map_fragment", "popup_html", "write_fragment", "write_map"]
