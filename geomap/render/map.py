"""The interactive map: one layer per actor (or side, or period), clustered, filtered by date.

The map is a folium Map whose Leaflet and plugins are inline (it opens with no
network); the events are embedded once as compact JSON and made into markers
by ``static/geomap.js``, which also draws the date-range control, the legend,
the place search and the outline basemap.  See :func:`build_map`.
"""

from __future__ import annotations

import hashlib
import html
import logging
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .._atomic import atomic_path, write_text_atomic
from ..models import Article, Event, Mention
from .outlines import _admin1_json, _country_json
from .payload import LAYER_BY, PERIODS, date_note, map_payload, to_script_json

__all__ = ["build_map", "map_fragment", "popup_html", "write_fragment", "write_map"]

logger = logging.getLogger(__name__)

DEFAULT_TILES = "OpenStreetMap"
#: Event data larger than this (bytes of JSON, about 8,000 events) is embedded gzipped.
COMPRESS_ABOVE = 2_000_000
_SYRIA = [35.0, 38.5]


def popup_html(e: Event) -> str:
    """Summarise one event as plain HTML, every value escaped (the map builds popups in JS).

    Examples
    --------
    >>> from geomap.models import Event
    >>> e = Event("x", "a", "2018-11-05", 1, "Battles", "Armed clash", "Political violence",
    ...           "Syrian Arab Army", "", "Morek", 35.1, 36.7, 1,
    ...           sentence="<script>alert(1)</script>")
    >>> "<script>" in popup_html(e)
    False
    """
    esc = html.escape
    fat = "unknown" if e.fatalities is None else str(e.fatalities)
    rows = [
        ("Date", f"{e.event_date} ({date_note(e)})" if e.event_date else date_note(e)),
        ("Type", f"{e.event_type} / {e.sub_event_type}"),
        ("Actors", " vs ".join(a for a in (e.actor1, e.actor2) if a) or "unknown"),
        ("Fatalities", fat),
        ("Place", f"{e.location}, {e.admin1} (geo precision {e.geo_precision})"),
        ("Source", e.article_title or e.article_id),
    ]
    body = "".join(f"<tr><th>{esc(k)}</th><td>{esc(str(v))}</td></tr>" for k, v in rows)
    return f"<table class='geomap-popup'>{body}</table><blockquote>{esc(e.sentence)}</blockquote>"


def _text_html(text: str) -> str:
    """Escape text for HTML that folium passes through a template.

    Leaflet's layer control inserts names with innerHTML, and folium's macros
    are compiled as Jinja templates, so ``{`` becomes an entity too: a name like
    ``{{ x }}`` stays text in the page and in the build.
    """
    return html.escape(text).replace("{", "&#123;").replace("}", "&#125;")


def _layer_label(name: str, count: int, colour: str | None) -> str:
    """Make a layer-control entry (escaped: see :func:`_text_html`)."""
    swatch = f'<span class="geomap-swatch" style="background:{colour}"></span>' if colour else ""
    return f'{swatch}{_text_html(name)} <span class="geomap-layer-count">({count})</span>'


def _tile_layer(tiles: str, attr: str | None) -> Any:
    import folium

    if "{" in tiles and not attr:
        host = tiles.split("//", 1)[-1].split("/", 1)[0]
        attr = f"Tiles: {html.escape(host)}"
    try:
        return folium.TileLayer(
            tiles,
            attr=attr,
            name=_text_html(tiles if "{" not in tiles else "Tiles"),
            overlay=False,
            control=True,
        )
    except ValueError as exc:
        msg = (
            f"tiles={tiles!r} is not a tile source folium knows: give a provider name such as "
            f"'OpenStreetMap' or 'CartoDB Positron', a URL template with {{z}}/{{x}}/{{y}}, "
            f"or 'none' ({exc})"
        )
        raise ValueError(msg) from exc


def build_map(
    events: Sequence[Event],
    *,
    articles: Sequence[Article] = (),
    mentions: Sequence[Mention] = (),
    tiles: str | None = DEFAULT_TILES,
    tiles_attr: str | None = None,
    layer_by: str = "actor",
    period: str = "auto",
    heat: bool = True,
    outlines: bool = True,
    title: str = "geomap: events",
    compress: bool | None = None,
) -> Any:
    """Build a self-contained folium Map of events (it displays itself in a notebook).

    Parameters
    ----------
    events
        The events to show; each becomes one clustered marker.
    articles, mentions
        Optional: article titles, outlets and links for the popups' source
        lists, and the place spellings to highlight in the source sentences.
    tiles
        An online tile source (a folium/xyzservices name or a URL template), or
        ``None`` for the offline outline basemap only.  The outlines are drawn
        under the tiles either way, so the map still shows where things are
        when no tile loads.
    tiles_attr
        Attribution for a tile URL template.
    layer_by
        ``"actor"`` (actor 1), ``"side"`` (actor 1's side) or ``"period"``.
    period
        For ``layer_by="period"``: ``"week"``, ``"month"`` or ``"auto"``.
    heat
        Add a heat layer (off until ticked in the layer control).
    outlines
        Draw the bundled country outlines underneath and a governorate layer.
    title
        The page title.
    compress
        Embed the events gzipped (base64): a third of the size, read with the
        browser's DecompressionStream (Chrome 80, Firefox 113, Safari 16.4).
        ``None`` compresses when the event data passes :data:`COMPRESS_ABOVE` bytes.

    Examples
    --------
    >>> m = build_map([], tiles=None)
    >>> "leaflet" in m._repr_html_().lower()
    True
    """
    import folium

    from ._folium import EventLayer, InlineAssets, OfflineMap, PageStyle

    if layer_by not in LAYER_BY:
        msg = f"layer_by={layer_by!r}: expected one of {', '.join(LAYER_BY)}"
        raise ValueError(msg)
    if period not in PERIODS:
        msg = f"period={period!r}: expected one of {', '.join(PERIODS)}"
        raise ValueError(msg)

    placed = [e for e in events if math.isfinite(e.latitude) and math.isfinite(e.longitude)]
    if len(placed) < len(events):
        logger.warning("%d event(s) without a usable point left off", len(events) - len(placed))
        events = placed
    payload = map_payload(events, articles=articles, mentions=mentions, layer_by=layer_by, period=period)
    events = [e for e in events if not e.duplicate_of]  # incidents; other accounts are in the data
    data_json = to_script_json(payload)
    uid = hashlib.sha1(data_json.encode("utf-8")).hexdigest()[:10]
    if events:
        lats = [e.latitude for e in events]
        lons = [e.longitude for e in events]
        center = [(min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2]
    else:
        center = _SYRIA
    options = {
        "center": center,
        "zoom": 7 if events else 6,
        "minZoom": 3,
        "maxZoom": 14,
        "zoomControl": True,
        "worldCopyJump": True,
    }
    fmap = OfflineMap(uid=uid, leaflet_options=options)
    root: Any = fmap.get_root()
    root.title = html.escape(title)
    root.header.add_child(PageStyle(), name="geomap_page_style")
    root.header.add_child(InlineAssets(), name="geomap_assets")

    tile_layer = offline_base = None
    if tiles:
        tile_layer = _tile_layer(tiles, tiles_attr)
        tile_layer._id = f"{uid}_tiles"
        tile_layer.add_to(fmap)
        offline_base = folium.FeatureGroup(name="Outlines only (offline)", overlay=False, show=False)
        offline_base._id = f"{uid}_offline"
        offline_base.add_to(fmap)
    groups = []
    for k, layer in enumerate(payload["layers"]):
        fg = folium.FeatureGroup(name=_layer_label(layer["name"], layer["count"], layer["colour"]), show=True)
        fg._id = f"{uid}_{k}"
        fg.add_to(fmap)
        groups.append(fg)
    admin_group = heat_group = None
    if outlines:
        admin_group = folium.FeatureGroup(name="Governorate outlines", show=True)
        admin_group._id = f"{uid}_admin1"
        admin_group.add_to(fmap)
    if heat and events:
        heat_group = folium.FeatureGroup(name="Heat map of the events shown", show=False)
        heat_group._id = f"{uid}_heat"
        heat_group.add_to(fmap)
    control = folium.LayerControl(collapsed=len(groups) > 8, position="topright")
    control._id = uid
    control.add_to(fmap)
    outlines_json = None
    if outlines:
        outlines_json = to_script_json_text('{"countries":' + _country_json() + ',"admin1":' + _admin1_json() + "}")
    EventLayer(
        fmap=fmap,
        uid=uid,
        data_json=data_json,
        outlines_json=outlines_json,
        groups=groups,
        admin_group=admin_group,
        heat_group=heat_group,
        tiles=tile_layer,
        offline_base=offline_base,
        compress=len(data_json) > COMPRESS_ABOVE if compress is None else compress,
    ).add_to(fmap)
    logger.debug(
        "map of %d events in %d layers (%d bytes of event data)",
        len(events),
        len(groups),
        len(data_json),
    )
    return fmap


def to_script_json_text(text: str) -> str:
    """Already-serialised JSON made safe inside ``<script>`` (see :func:`to_script_json`)."""
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def write_map(events: Sequence[Event], path: str | Path, **options: Any) -> Path:
    """Write the map as one self-contained HTML file (atomically); options as :func:`build_map`.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = write_map([], pathlib.Path(tempfile.mkdtemp()) / "map.html", tiles=None)
    >>> p.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    True
    """
    fmap = build_map(events, **options)
    with atomic_path(path) as tmp:
        fmap.save(str(tmp))
    return Path(path)


def map_fragment(events: Sequence[Event], *, height: str = "600px", **options: Any) -> str:
    """Render the map as an HTML fragment to paste into a page: one ``<div>``, styles, scripts.

    Page-wide styles are left out, so the host page keeps its look.  Options as
    :func:`build_map`.

    Examples
    --------
    >>> frag = map_fragment([], tiles=None)
    >>> frag.startswith('<div class="geomap-embed"') and "<html" not in frag
    True
    """
    fmap = build_map(events, **options)
    fig = fmap.get_root()
    fig.render()
    header = "".join(
        child.render() for name, child in fig.header._children.items() if name not in ("meta_http", "geomap_page_style")
    )
    body = fig.html.render()
    script = fig.script.render()
    return (
        '<div class="geomap-embed" style="position:relative;width:100%;'
        f'height:{html.escape(height)}">\n'
        f"{header}\n{body}\n<script>\n(function () {{\n{script}\n}}());\n</script>\n</div>\n"
    )


def write_fragment(events: Sequence[Event], path: str | Path, **options: Any) -> Path:
    """Write :func:`map_fragment` to a file (atomically).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = write_fragment([], pathlib.Path(tempfile.mkdtemp()) / "map_fragment.html", tiles=None)
    >>> p.read_text(encoding="utf-8").startswith("<div")
    True
    """
    write_text_atomic(path, map_fragment(events, **options))
    return Path(path)
