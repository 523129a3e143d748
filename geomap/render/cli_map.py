"""``geomap map EVENTS``: the map of an events file; on request its report, images, fragment."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .._cli_options import layer_by_option, tiles_option
from ..errors import GeomapError

if TYPE_CHECKING:
    from .._records import PlainColumns

__all__ = ["map_cmd"]


@click.command("map")
@click.argument("events_file", metavar="EVENTS", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--out",
    "-o",
    type=click.Path(dir_okay=False),
    help="The map file to write (default: map.html beside EVENTS).",
)
@layer_by_option
@click.option(
    "--period",
    type=click.Choice(["auto", "week", "month"]),
    default="auto",
    show_default=True,
    help="With --layer-by period: weeks or months (auto: weeks for spans up to four months).",
)
@tiles_option
@click.option("--no-heat", is_flag=True, help="Leave out the heat layer.")
@click.option("--title", default=None, help="Title of the map, report and images (default: the events file's name).")
@click.option("--report", "with_report", is_flag=True, help="Also write report.html beside the map.")
@click.option(
    "--png",
    type=click.Path(dir_okay=False),
    help="Also write a static PNG map here (needs matplotlib: pip install 'geomap[static]').",
)
@click.option(
    "--svg",
    type=click.Path(dir_okay=False),
    help="Also write a static SVG map here (needs matplotlib, as --png).",
)
@click.option("--embed", is_flag=True, help="Also write map_fragment.html (a <div> to paste into a page).")
@click.option("--skip-bad", is_flag=True, help="Skip unreadable rows (listed on stderr) instead of stopping.")
def map_cmd(
    events_file: str,
    out: str | None,
    layer_by: str,
    period: str,
    tiles: str,
    no_heat: bool,
    title: str | None,
    with_report: bool,
    png: str | None,
    svg: str | None,
    embed: bool,
    skip_bad: bool,
) -> None:
    """Draw the map of events: geomap's events file, an ACLED or UCDP export, or a CSV of places.

    A CSV of other columns is read as `geomap join` reads it: the point from
    latitude/longitude, lat/lon (lng, long) or y/x; a row without one is
    geocoded from its place (location, place, name, town, village...), so a
    list of place names alone makes a map.

    \b
    Examples:
      geomap map output/events.geojson                  # output/map.html
      geomap map acled.csv --out acled_map.html --layer-by side --report
      geomap map output/events.csv --png map.png --svg map.svg --embed
    """  # noqa: D301 (click's \b keeps the examples' lines)
    try:
        _make(
            events_file,
            out=out,
            layer_by=layer_by,
            period=period,
            tiles=tiles,
            heat=not no_heat,
            title=title,
            with_report=with_report,
            png=png,
            svg=svg,
            embed=embed,
            skip_bad=skip_bad,
        )
    except GeomapError as exc:
        click.echo(f"geomap: error: {exc}", err=True)
        sys.exit(1)


def _make(
    events_file: str,
    *,
    out: str | None,
    layer_by: str,
    period: str,
    tiles: str,
    heat: bool,
    title: str | None,
    with_report: bool,
    png: str | None,
    svg: str | None,
    embed: bool,
    skip_bad: bool,
) -> None:
    from ..errors import InputError, stopped
    from ..export.readers import read_events
    from .map import write_fragment, write_map

    src = Path(events_file)
    if png or svg:
        _check_images(png=png, svg=svg)  # a path no image can be written to: a usage error, nothing written
    problems: list[InputError] = []
    records = _records_format(src)
    if records is not None:
        # An ACLED/UCDP export or a plain CSV of points or places: read as `geomap join`
        # reads it, so a (0, 0) placeholder is geocoded, swapped latitude/longitude put
        # right, and each said.
        from ..join import join_records

        fmt, columns = records
        joined = join_records([src], fmt=fmt, columns=columns)
        events, problems = joined.events, joined.problems
        for w in joined.warnings:
            click.echo(f"geomap: warning: {w}", err=True)
    else:
        events = read_events(src, errors=problems)
    if problems and not skip_bad:
        more = f" ({len(problems)} bad rows in all)" if len(problems) > 1 else ""
        raise stopped(problems[0], f"no map written{more}; pass --skip-bad to map the other rows")
    for p in problems:
        click.echo(f"geomap: skipped {p}", err=True)
    target = Path(out) if out else src.with_name("map.html")
    options = {
        "tiles": None if tiles.lower() == "none" else tiles,
        "layer_by": layer_by,
        "period": period,
        "heat": heat,
        "title": title or f"geomap: {src.name}",
    }
    from .._atomic import staged

    # all or none: a file that cannot be written leaves the others as they were
    with staged():
        try:
            written = [write_map(events, target, **options)]
            if embed:
                written.append(write_fragment(events, target.with_name("map_fragment.html"), **options))
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--tiles") from exc
        if with_report:
            from .report import write_report

            written.append(
                write_report(
                    events,
                    target.with_name("report.html"),
                    map_href=target.name,
                    title=title or f"geomap report: {src.name}",
                )
            )
        images = [i for i in (png, svg) if i]
        unwritten = ""  # why the images were not written
        if images:
            from .static_map import static_extra_missing, write_static_map

            unwritten = static_extra_missing() or ""
            if not unwritten:
                written += [write_static_map(events, image, title=title) for image in images]
        _refresh_run_summary(src, [Path(w) for w in written])
    click.echo(f"{len(events)} events from {src}" + (f" ({len(problems)} rows skipped)" if problems else ""))
    for path in written:
        click.echo(f"  {path}")
    if unwritten:
        # The map and the rest are written and stay; only the images are missing.
        click.echo(f"geomap: warning: {' and '.join(images)} not written: {unwritten}", err=True)
    if problems or unwritten:
        from ..cli import EXIT_SKIPPED

        sys.exit(EXIT_SKIPPED)  # finished, but some rows or outputs were skipped


def _check_images(*, png: str | None, svg: str | None) -> None:
    """Refuse an image path no static map can be written to, before anything is written."""
    from .static_map import static_format

    for option, image in (("--png", png), ("--svg", svg)):
        if image:
            try:
                static_format(image)
            except GeomapError as exc:
                raise click.BadParameter(str(exc), param_hint=option) from exc


def _refresh_run_summary(src: Path, written: list[Path]) -> None:
    """Drawn again from a run's own events: those files are no longer stale in its run.json."""
    import json

    from .._atomic import write_text_atomic

    summary_path = src.parent / "run.json"
    try:
        summary = json.loads(summary_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if not isinstance(summary, dict) or not summary.get("stale_outputs"):
        return
    fresh = {w.name for w in written if w.parent.resolve() == src.parent.resolve()}
    left = [n for n in summary["stale_outputs"] if n not in fresh]
    if left == summary["stale_outputs"]:
        return
    if left:
        summary["stale_outputs"] = left
    else:
        del summary["stale_outputs"]
    write_text_atomic(summary_path, json.dumps(summary, indent=2, ensure_ascii=False) + "\n")


#: Coordinate columns of a plain CSV, as pairs: a lone "x" next to "lat" is no pair.
_COORDINATE_PAIRS = (
    (("latitude", "lat"), ("longitude", "lon", "lng", "long")),
    (("y",), ("x",)),
)


def _coordinate_columns(header: list[str]) -> tuple[str, str] | None:
    """The latitude and longitude columns of a plain CSV's header, when one pair says so."""
    for lats, lons in _COORDINATE_PAIRS:
        lat = next((c for c in lats if c in header), None)
        lon = next((c for c in lons if c in header), None)
        if lat and lon:
            return lat, lon
    return None


def _records_format(src: Path) -> tuple[str, PlainColumns | None] | None:
    """How `geomap join` should read ``src`` for the map, or ``None`` when it is geomap's own events file.

    ACLED and UCDP exports are read as records; so is a plain CSV whose point
    is in ``lat``/``lon`` (or ``y``/``x``) columns rather than geomap's
    ``latitude``/``longitude``, or that has no point at all but a place name.
    """
    if src.suffix.lower() != ".csv":
        return None
    from .._records import PlainColumns, detect_format
    from ..export.readers import read_header

    header = read_header(src)  # an unreadable file: read_events says why
    if not header:
        return None
    kind = detect_format(header)
    if kind in ("acled", "ucdp"):
        return kind, None
    pair = _coordinate_columns(header)
    if kind == "plain" and not {"latitude", "longitude"} <= set(header):
        if pair:
            return "plain", PlainColumns(lat=pair[0], lon=pair[1])
        if PlainColumns().pick("name", header):
            return "plain", PlainColumns()  # places only: every row geocoded by its name
    return None
