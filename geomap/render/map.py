"""Interactive maps with folium: one toggleable layer per actor, clustered markers, escaped popups."""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .._atomic import atomic_path
from ..models import Event

__all__ = ["build_map", "popup_html", "write_map"]


def popup_html(e: Event) -> str:
    """The popup of one event; every value from an article is HTML-escaped."""
    esc = html.escape
    fat = "unknown" if e.fatalities is None else str(e.fatalities)
    rows = [
        ("Date", f"{e.event_date} (precision {e.time_precision})"),
        ("Type", f"{e.event_type} / {e.sub_event_type}"),
        ("Actors", " vs ".join(a for a in (e.actor1, e.actor2) if a) or "unknown"),
        ("Fatalities", fat),
        ("Place", f"{e.location}, {e.admin1} (geo precision {e.geo_precision})"),
        ("Source", e.article_title or e.article_id),
    ]
    body = "".join(f"<tr><th>{esc(k)}</th><td>{esc(str(v))}</td></tr>" for k, v in rows)
    return f"<table class='geomap-popup'>{body}</table><blockquote>{esc(e.sentence)}</blockquote>"


def build_map(events: Sequence[Event], *, tiles: str | None = "OpenStreetMap") -> Any:
    """A folium Map with one layer per actor (actor1), markers clustered."""
    import folium
    from folium.plugins import MarkerCluster

    if events:
        lats = [e.latitude for e in events]
        lons = [e.longitude for e in events]
        center = [(min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2]
    else:
        center = [35.0, 38.5]
    fmap = folium.Map(location=center, zoom_start=7, tiles=tiles)
    groups: dict[str, Any] = {}
    for e in sorted(events, key=lambda e: (e.actor1 or "Unknown actor", e.event_id)):
        name = e.actor1 or "Unknown actor"
        if name not in groups:
            fg = folium.FeatureGroup(name=html.escape(name), show=True)
            fg.add_to(fmap)
            groups[name] = MarkerCluster().add_to(fg)
        folium.Marker(
            location=[e.latitude, e.longitude],
            popup=folium.Popup(popup_html(e), max_width=420),
            tooltip=html.escape(f"{e.event_date} {e.sub_event_type} @ {e.location}"),
        ).add_to(groups[name])
    if events:
        fmap.fit_bounds([[min(lats), min(lons)], [max(lats), max(lons)]])
    folium.LayerControl(collapsed=False).add_to(fmap)
    return fmap


def write_map(events: Sequence[Event], path: str | Path, **kwargs: Any) -> Path:
    """Render the map to an HTML file atomically."""
    fmap = build_map(events, **kwargs)
    with atomic_path(path) as tmp:
        fmap.save(str(tmp))
    return Path(path)
