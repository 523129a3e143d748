"""folium pieces that make a map self-contained: no CDN, no jQuery, no Bootstrap, no icon fonts.

:class:`OfflineMap` is a :class:`folium.Map` that links no external file and
writes no page-wide styles (so the same map can be embedded in another page);
:class:`InlineAssets` carries Leaflet and its plugins inline; :class:`EventLayer`
embeds the events once as JSON and hands them to ``geomapInit`` (static/geomap.js).
"""

from __future__ import annotations

import base64
import gzip
from typing import Any

import folium
import jinja2
from branca.element import Element, MacroElement

from ._assets import inline_css, inline_js

__all__ = ["EventLayer", "InlineAssets", "JsonData", "OfflineMap", "PageStyle"]


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
        super().__init__(location=leaflet_options["center"], zoom_start=leaflet_options["zoom"], tiles=None)
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


class JsonData(Element):
    """A ``<script type="application/json">`` holding data, put into the page as it is.

    A plain Element: its text is substituted, never compiled as a template (branca
    compiles what a MacroElement's macros return, so article text must not pass
    through one).  ``text`` must already be safe inside ``<script>`` (see
    :func:`geomap.render.payload.to_script_json`).
    """

    _template = jinja2.Template(
        '<script type="application/json" id="{{ this.element_id }}"'
        '{% if this.encoding %} data-encoding="{{ this.encoding }}"{% endif %}>'
        "{{ this.text }}</script>"
    )

    def __init__(self, element_id: str, text: str, *, encoding: str = "") -> None:
        super().__init__()
        self.element_id = element_id
        self.text = text
        self.encoding = encoding


class EventLayer(MacroElement):
    """The call that makes markers of the events embedded by :class:`JsonData`.

    Only our own variable names pass through this macro (see :class:`JsonData`).
    """

    _template = jinja2.Template(
        """
        {% macro script(this, kwargs) %}
        geomapInit({
            map: {{ this.fmap.get_name() }},
            dataId: {{ this.data_id|tojson }},
            outlinesId: {{ this.outlines_id|tojson }},
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
        compress: bool = False,
    ) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "GeomapEvents"
        self._id = uid
        self.fmap = fmap
        self.data_id = f"geomap-data-{uid}"
        self.outlines_id = f"geomap-outlines-{uid}" if outlines_json else None
        html = fmap.get_root().html
        encoding = ""
        if compress:
            data_json = base64.b64encode(gzip.compress(data_json.encode("utf-8"), compresslevel=1, mtime=0)).decode(
                "ascii"
            )
            encoding = "gzip+base64"
        html.add_child(JsonData(self.data_id, data_json, encoding=encoding), name=self.data_id)
        if outlines_json and self.outlines_id:
            html.add_child(JsonData(self.outlines_id, outlines_json), name=self.outlines_id)
        self.groups = groups
        for g in groups:
            g._gm_name = g.get_name()
        self.admin_group = admin_group
        self.heat_group = heat_group
        self.tiles = tiles
        self.offline_base = offline_base
