"""The look shared by the interactive map, the static map and the report.

Colours say which *side* of the war actor 1 belongs to (the ``side`` column
of ``data/actors.csv``); shapes say the ACLED event type.  One table here
feeds the map's JavaScript, the matplotlib markers and the report's chart, so
the three always agree.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

__all__ = [
    "SHAPE_BODIES",
    "SIDES",
    "TYPE_SHAPES",
    "actor_side",
    "palette",
    "shape_svg",
    "side_colour",
    "side_label",
    "type_shape",
]

#: side key -> (label, colour).  Order is the legend's order.
SIDES: dict[str, tuple[str, str]] = {
    "government": ("Syrian government", "#c0392b"),
    "government-allied": ("Pro-government militias", "#e8846f"),
    "russia": ("Russia", "#7b241c"),
    "iran-backed": ("Iran and Iran-backed", "#d35400"),
    "opposition": ("Opposition", "#27ae60"),
    "turkey-backed": ("Turkey-backed factions", "#16a085"),
    "turkey": ("Turkey", "#0b5345"),
    "jihadist": ("Jihadist groups", "#2c2c2c"),
    "kurdish-led": ("Kurdish-led (SDF)", "#e5b80b"),
    "coalition": ("US-led coalition", "#2e86c1"),
    "israel": ("Israel", "#1b2f72"),
    "civilians": ("Civilians", "#8e44ad"),
    "humanitarian": ("Humanitarian", "#e76fb5"),
    "media": ("Media", "#a569bd"),
    "unknown": ("Unknown or unidentified", "#7f8c8d"),
}

#: ACLED event type -> (shape name, matplotlib marker).
TYPE_SHAPES: dict[str, tuple[str, str]] = {
    "Battles": ("circle", "o"),
    "Explosions/Remote violence": ("star", "*"),
    "Violence against civilians": ("triangle", "^"),
    "Protests": ("square", "s"),
    "Riots": ("diamond", "D"),
    "Strategic developments": ("plus", "P"),
}
_OTHER_SHAPE = ("ring", "h")

#: SVG bodies of the marker shapes on a 20x20 canvas (fill and stroke come from our palette only).
SHAPE_BODIES = {
    "circle": '<circle cx="10" cy="10" r="7"/>',
    "star": '<path d="M10 1.5l2.3 5.3 5.7.4-4.4 3.7 1.4 5.6L10 13.5l-5 3 1.4-5.6L2 7.2l5.7-.4z"/>',
    "triangle": '<path d="M10 2.5l8 14.5H2z"/>',
    "square": '<rect x="3.5" y="3.5" width="13" height="13" rx="1.5"/>',
    "diamond": '<path d="M10 1.5l8.5 8.5-8.5 8.5-8.5-8.5z"/>',
    "plus": '<path d="M7.2 2.5h5.6v4.7h4.7v5.6h-4.7v4.7H7.2v-4.7H2.5V7.2h4.7z"/>',
    "ring": '<circle cx="10" cy="10" r="6" fill-opacity=".35"/>',
}


def type_shape(event_type: str) -> tuple[str, str]:
    """Return the (shape, matplotlib marker) of an ACLED event type.

    Examples
    --------
    >>> type_shape("Battles")
    ('circle', 'o')
    >>> type_shape("Something else")
    ('ring', 'h')
    """
    return TYPE_SHAPES.get(event_type, _OTHER_SHAPE)


def shape_svg(shape: str, fill: str, *, size: int = 18, stroke: str = "#ffffff") -> str:
    """Draw one marker shape as inline SVG (our constants only: safe to use as HTML).

    Examples
    --------
    >>> shape_svg("circle", "#c0392b").startswith("<svg")
    True
    """
    body = SHAPE_BODIES.get(shape, SHAPE_BODIES["ring"])
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
        'viewBox="0 0 20 20" '
        f'fill="{fill}" stroke="{stroke}" stroke-width="1.4" stroke-linejoin="round">{body}</svg>'
    )


def side_label(side: str) -> str:
    """Return the legend label of a side key (the key itself when unknown)."""
    return SIDES.get(side, (side or "Unknown", ""))[0]


def side_colour(side: str) -> str:
    """Return the colour of a side key (grey when unknown).

    Examples
    --------
    >>> side_colour("coalition")
    '#2e86c1'
    >>> side_colour("no-such-side")
    '#7f8c8d'
    """
    return SIDES.get(side, SIDES["unknown"])[1]


@lru_cache(maxsize=4096)
def actor_side(name: str) -> str:
    """Return the side of an actor: its table row, else the first actor named inside the name.

    ACLED's own names ("Military Forces of Syria (2000-)", "Islamic State
    (Syria)") are found through the aliases of ``data/actors.csv``.

    Examples
    --------
    >>> actor_side("Syrian Arab Army"), actor_side("Islamic State (Syria)"), actor_side("")
    ('government', 'jihadist', 'unknown')
    """
    if not name:
        return "unknown"
    from ..events import load_actors

    table = load_actors()
    actor = table.by_name.get(name)
    if actor is None:
        found = table.find(name)
        actor = found[0].actor if found else None
    side = actor.side if actor is not None else ""
    return side if side in SIDES else "unknown"


def _tint(colour: str, share: float) -> str:
    """``colour`` mixed with white: ``share`` 0 keeps it, 1 is white."""
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c + (255 - c) * share):02x}" for c in rgb)


def palette(names: Iterable[str]) -> dict[str, str]:
    """Colours for actor series (the report chart): each actor in its side's colour, as on the map.

    A second or third actor of the same side gets a lighter tint of that colour, so
    the series stay apart; a name that is no actor ("Other actors") is grey.

    Examples
    --------
    >>> palette(["Syrian Arab Army", "Military Forces of Russia", "National Defence Forces"])
    {'Syrian Arab Army': '#c0392b', 'Military Forces of Russia': '#7b241c', 'National Defence Forces': '#e8846f'}
    """
    out: dict[str, str] = {}
    seen: Counter[str] = Counter()
    for n in dict.fromkeys(names):
        side = actor_side(n)
        out[n] = _tint(side_colour(side), min(0.15 + 0.2 * seen[side], 0.75) if seen[side] else 0.0)
        seen[side] += 1
    return out
