"""folium pieces that make a map self-contained: no CDN, no jQuery, no Bootstrap, no icon fonts.

:class:`OfflineMap` is a :class:`folium.Map` that links no external file and
writes no page-wide styles (so the same map can be embedded in another page);
:class:`InlineAssets` carries Leaflet and its plugins inline; :class:`EventLayer`
embeds the events once as JSON and hands them to ``geomapInit`` (static/geomap.js).
"""

from __future__ import annotations

from typing import Any

import folium
import jinja2
from branca.element import Element, MacroElement

from ._assets import inline_css, inline_js

__all__ = ["EventLayer", "InlineAssets", "OfflineMap", "PageStyle"]


class OfflineMap(folium.Map):
    """A folium Map without CDN links; ``leaflet_options`` go to ``L.map`` as they are."""

    default_js: list[tuple[str, str]] = []
    default_css: list[tuple[str, str]] = []
    _template = jinja2.Template(
        """
        {% macro header(this, kwargs) %}
        <style>#{{ this.get_name() }} { position: relative; width: 100%; height: 100%; }</style>
        {% endmacro %}
        {% macro html(this, kwargs) %}
        <div class="folium-map geomap-map" id="{{ this.get_name() }}"></div>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.map(
            {{ this.get_name()|tojson }}, {{ this.leaflet_options|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, *, leaflet_options: dict[str, Any], uid: str) -> None:
        super().__init__(
            location=leaflet_options["center"], zoom_start=leaflet_options["zoom"], tiles=None
        )
        self._id = uid
        self.leaflet_options = leaflet_options


class PageStyle(Element):
    """Page-wide styles for a stand-alone map page (left out of embeddable fragments)."""

    _template = jinja2.Template(
        "<style>html, body { width: 100%; height: 100%; margin: 0; padding: 0; }</style>"
        '<meta name="viewport" content="width=device-width, initial-scale=1.0">'
    )


class InlineAssets(Element):
    """Leaflet, its plugins and geomap.js/.css, inline."""

    _template = jinja2.Template("<style>{{ this.css }}</style>\n<script>{{ this.js }}</script>")

    def __init__(self) -> None:
        super().__init__()
        self._name = "GeomapAssets"
        self.css = inline_css()
        self.js = inline_js()


class EventLayer(MacroElement):
    """The events (and outlines) as JSON in the page, and the call that makes markers of them.

    ``data_json`` and ``outlines_json`` must already be safe inside ``<script>``
    (see :func:`geomap.render.payload.to_script_json`).
    """

    _template = jinja2.Template(
        """
        {% macro html(this, kwargs) %}
        <script type="application/json" id="{{ this.data_id }}">{{ this.data_json }}</script>
        {% if this.outlines_json -%}
        <script type="application/json" id="{{ this.outlines_id }}">
        {{- this.outlines_json -}}
        </script>
        {%- endif %}
        {% endmacro %}
        {% macro script(this, kwargs) %}
        geomapInit({
            map: {{ this.fmap.get_name() }},
            dataId: {{ this.data_id|tojson }},
            outlinesId: {{ (this.outlines_id if this.outlines_json else none)|tojson }},
            groups: [{{ this.groups|map(attribute="_gm_name")|join(", ") }}],
            adminGroup: {{ this.admin_group.get_name() if this.admin_group else "null" }},
            heatGroup: {{ this.heat_group.get_name() if this.heat_group else "null" }},
            tiles: {{ this.tiles.get_name() if this.tiles else "null" }},
            offlineBase: {{ this.offline_base.get_name() if this.offline_base else "null" }}
        });
        {% endmacro %}
        """
    )

    def __init__(
        self,
        *,
        fmap: Any,
        uid: str,
        data_json: str,
        outlines_json: str | None,
        groups: list[Any],
        admin_group: Any = None,
        heat_group: Any = None,
        tiles: Any = None,
        offline_base: Any = None,
    ) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "GeomapEvents"
        self._id = uid
        self.fmap = fmap
        self.data_id = f"geomap-data-{uid}"
        self.outlines_id = f"geomap-outlines-{uid}"
        self.data_json = data_json
        self.outlines_json = outlines_json
        self.groups = groups
        for g in groups:
            g._gm_name = g.get_name()
        self.admin_group = admin_group
        self.heat_group = heat_group
        self.tiles = tiles
        self.offline_base = offline_base
