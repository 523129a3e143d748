"""Command-line options that ``geomap run`` and ``geomap map`` share (same names, same help)."""

from __future__ import annotations

import click

__all__ = ["layer_by_option", "tiles_option"]

tiles_option = click.option(
    "--tiles",
    default="OpenStreetMap",
    show_default=True,
    help="Online tile source (name or URL template); 'none' for the offline outline basemap only.",
)
layer_by_option = click.option(
    "--layer-by",
    type=click.Choice(["actor", "side", "period"]),
    default="actor",
    show_default=True,
    help="One map layer per actor 1, per side of the war, or per period.",
)
