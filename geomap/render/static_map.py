"""A static map (PNG, SVG or PDF) for documents and slides.

geopandas and matplotlib draw the events over the bundled outlines.

Same look as the interactive map: colour = side of actor 1, shape = event type.
Needs matplotlib (``pip install 'geomap[static]'``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .._atomic import atomic_path
from ..errors import GeomapError
from ..models import Event
from .outlines import outlines_gdf
from .style import SIDES, actor_side, side_colour, side_label, type_shape

__all__ = ["NEEDS_EXTRA", "static_extra_missing", "static_format", "static_map_figure", "write_static_map"]

_FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}


def static_format(path: str | Path) -> str:
    """The image format a static map at ``path`` is written in, by its suffix.

    Raises
    ------
    GeomapError
        The suffix is none of .png, .svg and .pdf.

    Examples
    --------
    >>> static_format("maps/idlib.PNG")
    'png'
    """
    path = Path(path)
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        suffix = path.suffix or "(no suffix)"
        raise GeomapError(f"{path}: a static map is written as .png, .svg or .pdf, not {suffix!r}")
    return fmt


#: What to say when matplotlib (the ``static`` extra of pyproject.toml) is not installed.
NEEDS_EXTRA = "a static map needs matplotlib: pip install 'geomap[static]'"


def static_extra_missing() -> str | None:
    """Say why no static map can be drawn here (matplotlib missing), or ``None`` when one can."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return NEEDS_EXTRA
    return None


def _pyplot() -> Any:
    try:
        import matplotlib
    except ImportError as exc:
        raise GeomapError(NEEDS_EXTRA) from exc
    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    return plt


def _extent(events: Sequence[Event]) -> tuple[float, float, float, float]:
    if not events:
        return 35.4, 42.6, 32.2, 37.5  # Syria
    lons = [e.longitude for e in events]
    lats = [e.latitude for e in events]
    x0, x1, y0, y1 = min(lons), max(lons), min(lats), max(lats)
    pad = max(0.3, 0.08 * max(x1 - x0, y1 - y0))
    x0, x1, y0, y1 = x0 - pad, x1 + pad, y0 - pad, y1 + pad
    # at least 2 degrees across, so a single event still shows its surroundings
    if x1 - x0 < 2:
        cx = (x0 + x1) / 2
        x0, x1 = cx - 1, cx + 1
    if y1 - y0 < 2:
        cy = (y0 + y1) / 2
        y0, y1 = cy - 1, cy + 1
    return x0, x1, y0, y1


def static_map_figure(events: Sequence[Event], *, title: str | None = None, width_in: float = 9.0) -> Any:
    """Draw the events over the country and governorate outlines as a matplotlib Figure."""
    plt = _pyplot()
    from matplotlib.lines import Line2D

    # One marker per incident, as on the interactive map: other accounts are in the data.
    events = [e for e in events if not e.duplicate_of]
    x0, x1, y0, y1 = _extent(events)
    aspect = 1 / math.cos(math.radians((y0 + y1) / 2))
    map_w = width_in * 0.7  # the legend takes the rest
    height_in = max(3.5, min(12.0, map_w * (y1 - y0) * aspect / (x1 - x0) + 0.8))
    fig, ax = plt.subplots(figsize=(width_in, height_in))
    ax.set_facecolor("#cadbe6")
    outlines_gdf("countries").cx[x0:x1, y0:y1].plot(
        ax=ax, color="#f4f1ea", edgecolor="#8a8a8a", linewidth=0.7, zorder=1
    )
    admin = outlines_gdf("admin1").cx[x0:x1, y0:y1]
    admin.boundary.plot(ax=ax, color="#777777", linewidth=0.45, linestyle=(0, (3, 2)), zorder=2)
    for _, row in admin[admin["country"] == "SY"].iterrows():
        p = row.geometry.representative_point()
        if x0 < p.x < x1 and y0 < p.y < y1:
            ax.annotate(row["name"], (p.x, p.y), fontsize=7, color="#666666", ha="center", zorder=3)

    groups: dict[tuple[str, str], list[Event]] = {}
    for e in events:
        groups.setdefault((e.event_type, actor_side(e.actor1)), []).append(e)
    size = 42 if len(events) < 500 else (16 if len(events) < 5000 else 4)
    for (etype, side), evs in sorted(groups.items()):
        marker = type_shape(etype)[1]
        ax.scatter(
            [e.longitude for e in evs],
            [e.latitude for e in evs],
            s=size * (2 if marker == "*" else 1),
            marker=marker,
            c=side_colour(side),
            edgecolors="white",
            linewidths=0.5 if size > 10 else 0,
            zorder=4,
            alpha=0.9,
        )
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect(aspect)
    ax.tick_params(labelsize=8)
    ax.set_xlabel("")
    ax.set_ylabel("")

    types = sorted({e.event_type for e in events})
    sides = [k for k in SIDES if k in {actor_side(e.actor1) for e in events}]
    handles = [
        Line2D(
            [],
            [],
            linestyle="",
            marker=type_shape(t)[1],
            color="#555555",
            markersize=7,
            label=t or "unknown",
        )
        for t in types
    ]
    handles += [
        Line2D(
            [],
            [],
            linestyle="",
            marker="s",
            color=side_colour(s),
            markersize=7,
            label=side_label(s),
        )
        for s in sides
    ]
    if handles:
        ax.legend(
            handles=handles,
            loc="upper left",
            bbox_to_anchor=(1.01, 1.0),
            fontsize=8,
            frameon=False,
            title="Type (shape), side of actor 1 (colour)",
            title_fontsize=8,
        )
    dates = sorted(e.event_date for e in events if e.event_date[:4].isdigit())
    span = f", {dates[0]} to {dates[-1]}" if dates else ""
    ax.set_title(title or f"{len(events)} events{span}", fontsize=11)
    fig.text(0.01, 0.01, "Outlines: Natural Earth. Made with geomap.", fontsize=6.5, color="#777777")
    fig.tight_layout()
    return fig


def write_static_map(events: Sequence[Event], path: str | Path, *, title: str | None = None, dpi: int = 150) -> Path:
    """Write a PNG, SVG or PDF map (by the file's suffix), atomically.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = write_static_map([], pathlib.Path(tempfile.mkdtemp()) / "map.svg")
    >>> p.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    True
    """
    path = Path(path)
    fmt = static_format(path)
    plt = _pyplot()
    import matplotlib

    fig = static_map_figure(events, title=title)
    try:
        with (
            matplotlib.rc_context({"svg.hashsalt": "geomap", "svg.fonttype": "path"}),
            atomic_path(path) as tmp,
        ):
            # no timestamps: the same events give the same file
            meta: dict[str, Any] = {"Software": None} if fmt == "png" else {"Date": None}
            if fmt == "pdf":
                meta = {"CreationDate": None}
            fig.savefig(tmp, format=fmt, dpi=dpi, metadata=meta, bbox_inches="tight")
    finally:
        plt.close(fig)
    return path
