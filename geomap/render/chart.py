"""Inline SVG charts for the report (no JavaScript, no CDN).

Every label that comes from the data is escaped; hovering a bar shows its
``<title>``.
"""

from __future__ import annotations

import html
import math
from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta

from ..models import Event
from .style import palette

__all__ = ["bins_by_actor", "stacked_bars_svg"]

OTHER = "Other actors"


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _bin_start(d: date, unit: str) -> date:
    return d.replace(day=1) if unit == "month" else d - timedelta(days=d.weekday())


def _next_bin(d: date, unit: str) -> date:
    if unit == "month":
        return (d.replace(day=28) + timedelta(days=4)).replace(day=1)
    return d + timedelta(days=7)


def bins_by_actor(
    events: Sequence[Event], *, top: int = 8, unit: str = "auto"
) -> tuple[str, list[date], list[str], dict[str, list[int]], int]:
    """Events per week (or month) for the ``top`` actors (actor 1), the rest as "Other actors".

    Returns ``(unit, bin starts, series names, counts per series, undated events)``;
    ``auto`` uses months when the span is over two years.

    Examples
    --------
    >>> unit, bins, names, counts, undated = bins_by_actor([])
    >>> unit, bins, names, undated
    ('week', [], [], 0)
    """
    dated = [(d, e.actor1 or "Unknown actor") for e in events if (d := _day(e.event_date)) is not None]
    undated = len(events) - len(dated)
    if not dated:
        return ("week" if unit == "auto" else unit), [], [], {}, undated
    first, last = min(d for d, _ in dated), max(d for d, _ in dated)
    if unit == "auto":
        unit = "month" if (last - first).days > 730 else "week"
    totals = Counter(a for _, a in dated)
    keep = [a for a, _ in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))[:top]]
    names = keep + ([OTHER] if len(totals) > len(keep) else [])
    bins: list[date] = []
    b = _bin_start(first, unit)
    while b <= last:
        bins.append(b)
        b = _next_bin(b, unit)
    where = {b: i for i, b in enumerate(bins)}
    counts = {n: [0] * len(bins) for n in names}
    kept = set(keep)
    for d, a in dated:
        counts[a if a in kept else OTHER][where[_bin_start(d, unit)]] += 1
    return unit, bins, names, counts, undated


def _nice_step(peak: int) -> int:
    if peak <= 5:
        return 1
    raw = peak / 5
    mag = 10 ** math.floor(math.log10(raw))
    return int(next(m * mag for m in (1, 2, 5, 10) if m * mag >= raw))


def stacked_bars_svg(events: Sequence[Event], *, width: int = 900, height: int = 320, top: int = 8) -> str:
    """Draw events per week (or month) by actor as a stacked bar chart: inline SVG and a legend.

    Examples
    --------
    >>> stacked_bars_svg([]).startswith("<p")
    True
    """
    unit, bins, names, counts, undated = bins_by_actor(events, top=top)
    if not bins:
        return '<p class="muted">No dated events to chart.</p>'
    esc = html.escape
    colours = palette(names)
    left, right, top_m, bottom = 44, 12, 12, 58
    plot_w, plot_h = width - left - right, height - top_m - bottom
    totals = [sum(counts[n][i] for n in names) for i in range(len(bins))]
    peak = max(totals) or 1
    step = _nice_step(peak)
    y_max = step * math.ceil(peak / step)
    slot = plot_w / len(bins)
    bar_w = max(1.0, slot * 0.8)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-label="Events per {unit} by actor">'
    ]
    for v in range(0, y_max + 1, step):
        y = top_m + plot_h - plot_h * v / y_max
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e3e3e3"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11">{v}</text>'
        )
    label_every = max(1, math.ceil(len(bins) / 12))
    for i, b in enumerate(bins):
        x = left + slot * i + (slot - bar_w) / 2
        y = top_m + plot_h
        for n in names:
            c = counts[n][i]
            if not c:
                continue
            h = plot_h * c / y_max
            y -= h
            label = f"Week of {b.isoformat()}" if unit == "week" else f"{b:%B %Y}"
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
                f'fill="{colours[n]}">'
                f"<title>{esc(label)}: {esc(n)}, {c} event{'s' if c != 1 else ''}</title></rect>"
            )
        if i % label_every == 0:
            tx, ty = left + slot * i + slot / 2, top_m + plot_h + 14
            text = b.isoformat() if unit == "week" else f"{b:%b %Y}"
            parts.append(
                f'<text x="{tx:.1f}" y="{ty}" font-size="10.5" text-anchor="end" '
                f'transform="rotate(-35 {tx:.1f} {ty})">{text}</text>'
            )
    parts.append(f'<line x1="{left}" x2="{width - right}" y1="{top_m + plot_h}" y2="{top_m + plot_h}" stroke="#888"/>')
    parts.append("</svg>")
    legend = "".join(f'<li><span class="swatch" style="background:{colours[n]}"></span>{esc(n)}</li>' for n in names)
    plural = "s" if undated != 1 else ""
    note = f' <span class="muted">({undated} event{plural} without a known date not shown)</span>' if undated else ""
    return "".join(parts) + f'<ul class="legend">{legend}</ul>{note}'
