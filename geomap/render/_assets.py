"""The Leaflet JavaScript and CSS a map carries inline, so it opens with no network.

The files come from npm packages (see ``assets/SOURCES.md`` and
``scripts/vendor_assets.sh``); images the CSS refers to become ``data:`` URIs.
Our own code is ``static/geomap.js`` and ``static/geomap.css``.
"""

from __future__ import annotations

import base64
import re
from functools import lru_cache
from pathlib import Path

__all__ = ["ASSETS", "inline_css", "inline_js", "script_safe"]

ASSETS = Path(__file__).resolve().parent / "assets"
STATIC = Path(__file__).resolve().parent / "static"

# (folder, file) in load order.
_JS = (
    ("leaflet", "leaflet.js"),
    ("leaflet.markercluster", "leaflet.markercluster.js"),
    ("leaflet.heat", "leaflet-heat.js"),
    ("leaflet.fullscreen", "Control.FullScreen.umd.js"),
)
_CSS = (
    ("leaflet", "leaflet.css"),
    ("leaflet.markercluster", "MarkerCluster.css"),
    ("leaflet.markercluster", "MarkerCluster.Default.css"),
    ("leaflet.fullscreen", "Control.FullScreen.css"),
)
_SOURCE_MAP = re.compile(r"^\s*//# sourceMappingURL=.*$", re.MULTILINE)
_CSS_URL = re.compile(r"url\((['\"]?)(images/[^)'\"]+)\1\)")
_MIME = {".png": "image/png", ".svg": "image/svg+xml", ".gif": "image/gif"}


def script_safe(text: str) -> str:
    """Text that cannot close the ``<script>``/``<style>`` element it is put in.

    Examples
    --------
    >>> "</script" in script_safe("a</script><b>")
    False
    """
    return re.sub(r"</(?=(script|style))", r"<\\/", text, flags=re.IGNORECASE)


def _read(folder: Path, name: str) -> str:
    path = folder / name
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        msg = f"{path}: a map asset is missing ({exc.strerror}); run scripts/vendor_assets.sh to fetch it again"
        raise FileNotFoundError(msg) from exc


def _data_uri(match: re.Match[str], folder: Path) -> str:
    path = folder / match.group(2)
    mime = _MIME.get(path.suffix.lower(), "application/octet-stream")
    return f"url(data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')})"


@lru_cache(maxsize=1)
def inline_js() -> str:
    """Every script a map needs (vendored libraries, then ours), in load order.

    Examples
    --------
    >>> js = inline_js()
    >>> "L.markerClusterGroup" in js and "window.geomapInit" in js and "</script" not in js
    True
    """
    parts = [_SOURCE_MAP.sub("", _read(ASSETS / d, f)) for d, f in _JS]
    parts.append(_read(STATIC, "geomap.js"))
    return script_safe("\n;\n".join(parts))


@lru_cache(maxsize=1)
def inline_css() -> str:
    """Every stylesheet a map needs, with images as ``data:`` URIs."""
    parts = []
    for d, f in _CSS:
        folder = ASSETS / d

        def inline(m: re.Match[str], folder: Path = folder) -> str:
            return _data_uri(m, folder)

        parts.append(_CSS_URL.sub(inline, _read(folder, f)))
    parts.append(_read(STATIC, "geomap.css"))
    return script_safe("\n".join(parts))
