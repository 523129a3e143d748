"""Rendering: interactive folium maps."""

from .map import build_map, popup_html, write_map

__all__ = ["build_map", "popup_html", "write_map"]
