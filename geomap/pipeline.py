"""The pipeline: ingest → geoparse → events → exports and map.

Each stage is a function from records to records; I/O happens only in
ingest (reading) and in :func:`write_outputs`.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from . import __version__
from ._atomic import staged, write_text_atomic
from ._data import data_dir
from .errors import GeomapError, InputError, stopped
from .events import ActorTable, extract_events, load_actors, mark_duplicates
from .events.actors import Actor
from .gazetteer import Gazetteer, load_gazetteer
from .geoparse import find_mentions, resolve_mentions
from .geoparse.resolve import named_admin1
from .geoparse.unresolved import Fallback, apply_fallback, suggest_candidates
from .ingest import article_from_text, read_articles
from .ingest.readers import NO_DATE, POST_NO_YEAR
from .models import Article, Event, Mention

__all__ = ["RunResult", "extract", "process", "run", "text_to_events", "write_outputs"]

logger = logging.getLogger(__name__)


@dataclass
class RunResult:
    """Everything a run produced, and what it skipped."""

    articles: list[Article]
    mentions: list[Mention]
    events: list[Event]
    problems: list[InputError] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    outputs: dict[str, str] = field(default_factory=dict)
    #: Rows kept but flagged (joined records whose name and point disagree...).
    warnings: list[InputError] = field(default_factory=list)
    #: Output files an earlier run left in the folder that this run did not rewrite.
    stale_outputs: list[str] = field(default_factory=list)

    @property
    def skipped(self) -> bool:
        """Whether any input (or part of one) was skipped."""
        return bool(self.problems)


def extract(
    article: Article,
    *,
    gazetteer: Gazetteer,
    actors: ActorTable,
    country_bias: Sequence[str] = ("SY",),
    reference_date: date | None = None,
    fallback: Fallback | None = None,
) -> tuple[list[Mention], list[Event]]:
    """Mentions and events of one article (the per-article stage; no I/O).

    ``fallback`` (an opt-in :class:`~geomap.gazetteer.online.OnlineFallback`)
    is asked for the names the gazetteer could not place; the names still
    unresolved get near-miss suggestions for ``mentions.csv``.
    """
    named = actors.find(article.text)
    raw = find_mentions(article.text, gazetteer, exclude=[(a.start, a.end) for a in named], countries=country_bias)
    hints = _title_admin1(article, gazetteer, actors, country_bias)
    mentions = resolve_mentions(
        article.text,
        raw,
        gazetteer,
        article_id=article.id,
        country_bias=country_bias,
        hint_admin1=hints,
        at_home=any(_home_actor(a.actor, country_bias) for a in named)
        or ("SY" in country_bias and _SYRIAN_REGIME.search(article.text) is not None),
    )
    if fallback is not None:
        mentions = apply_fallback(mentions, fallback)
    mentions = suggest_candidates(mentions, gazetteer, country_bias=country_bias)
    events = extract_events(
        article,
        mentions,
        actors=actors,
        reference_date=reference_date,
        countries=country_bias,
        title_admin1=hints,
        named_actors=named,
    )
    return mentions, events


#: "regime artillery", "the Assad regime": the Syrian state, which the actor table
#: finds only once a deed follows ("regime forces shelled").
_SYRIAN_REGIME = re.compile(
    r"\b(?:Assad|Syrian)\s+regime\b|\b[Rr]egime\s+(?:forces|troops|artillery|jets|warplanes|aircraft"
    r"|helicopters|army|soldiers|militias?|tanks|rockets|shelling|bombardment|air\s?strikes?|raids?)\b"
)
#: Sides whose forces are Syrian, whatever the actor table gives as their country.
_SYRIAN_SIDES = frozenset({"government", "opposition", "turkey-backed"})


def _home_actor(actor: Actor, country_bias: Sequence[str]) -> bool:
    """Whether an actor belongs to the countries of interest ("regime forces", HTS: Syria)."""
    return actor.country in country_bias or ("SY" in country_bias and actor.side in _SYRIAN_SIDES)


def _title_admin1(
    article: Article, gazetteer: Gazetteer, actors: ActorTable, country_bias: Sequence[str]
) -> frozenset[str]:
    """Governorates the headline names (when the body does not repeat it, it still guides resolution)."""
    if not article.title:
        return frozenset()
    spans = [(a.start, a.end) for a in actors.find(article.title)]
    return named_admin1(article.title, gazetteer, exclude=spans, country_bias=country_bias)


def _say_future(articles: list[Article], events: Sequence[Event]) -> list[Article]:
    """Warn on events dated after their article's date (a misread date, or a plan, not a deed).

    A day after is allowed: a report filed late at night is dated by the outlet's clock.
    """
    late: dict[str, list[str]] = {}
    for e in events:
        if e.event_date and not e.event_date.startswith("--") and e.date_flag != "article-date":
            late.setdefault(e.article_id, []).append(e.event_date)
    out = []
    for a in articles:
        if a.published is not None and a.id in late:
            after = sorted(d for d in set(late[a.id]) if (date.fromisoformat(d) - a.published).days > 1)
            if after:
                said = (
                    f"event dated {', '.join(after[:3])}, after the article's date {a.published.isoformat()}: "
                    "check the date (a plan or a misread date is not an incident)"
                )
                a = replace(a, warnings=(*a.warnings, said))
        out.append(a)
    return out


def _say_abroad(
    articles: list[Article], mentions: Sequence[Mention], events: Sequence[Event], country_bias: Sequence[str]
) -> list[Article]:
    """Warn on an article with no events whose places all lie outside the countries of interest.

    Only places in ``country_bias`` can be event sites, so an Iraqi report run
    with the default (Syria) gives nothing; the warning names the flag to pass.
    """
    focus = {c.upper() for c in country_bias}
    with_events = {e.article_id for e in events}
    abroad: dict[str, dict[str, list[str]]] = {}
    inside: set[str] = set()
    for m in mentions:
        p = m.place
        if m.status != "resolved" or p is None or p.kind in ("country", "border") or m.cue == "dateline":
            continue
        if p.country in focus:
            inside.add(m.article_id)
        elif m.article_id not in with_events:
            names = abroad.setdefault(m.article_id, {}).setdefault(p.country, [])
            if m.surface not in names:
                names.append(m.surface)
    out = []
    for a in articles:
        where = abroad.get(a.id) if a.id not in inside else None
        if where:
            listed = "; ".join(f"{', '.join(names[:3])} in {cc}" for cc, names in where.items())
            flags = " ".join(f"--country {cc}" for cc in sorted(focus | set(where)))
            said = (
                f"no events: its places ({listed}) are outside the countries of interest "
                f"({', '.join(sorted(focus))}); pass {flags} to map them"
            )
            a = replace(a, warnings=(*a.warnings, said))
        out.append(a)
    return out


def process(
    articles: Sequence[Article],
    *,
    gazetteer: Gazetteer,
    actors: ActorTable,
    country_bias: Sequence[str] = ("SY",),
    reference_date: date | None = None,
    dedup: bool = True,
    progress: Callable[[int], None] | None = None,
    fallback: Fallback | None = None,
    engine: str = "local",
    workers: int | None = None,
    scheduler: Any = None,
) -> tuple[list[Mention], list[Event]]:
    """Run the per-article stages over many articles, then link records of the same incident.

    ``engine`` (``"local"``, ``"processes"``, ``"dask"``), ``workers`` and
    ``scheduler`` choose where the per-article stage runs (see
    :mod:`geomap.engines`); the results do not depend on it.
    """
    from .engines import extract_articles

    mentions: list[Mention] = []
    events: list[Event] = []
    for m, e in extract_articles(
        articles,
        gazetteer=gazetteer,
        actors=actors,
        engine=engine,
        workers=workers,
        scheduler=scheduler,
        progress=progress,
        country_bias=country_bias,
        reference_date=reference_date,
        fallback=fallback,
    ):
        mentions += m
        events += e
    if dedup:
        events = mark_duplicates(events)
    return mentions, events


def _with_reference_date(article: Article, day: date) -> Article:
    """Say, in an undated article's warning, that ``--reference-date`` supplies the year."""
    if article.published is not None:
        return article
    said = f"{NO_DATE}; years come from --reference-date {day.isoformat()} (flagged year-supplied)"
    if article.published_day:
        # A post headed "Jun 19": its warning said the year stays unknown.
        said = f"{said}: the post's {article.published_day} is taken as the last one on or before it"
        warnings = tuple(w for w in article.warnings if POST_NO_YEAR not in w) + (said,)
    else:
        warnings = tuple(said if w.startswith(NO_DATE) else w for w in article.warnings)
    return replace(article, warnings=warnings)


def text_to_events(
    text: str,
    *,
    published: date | str | None = None,
    article_id: str = "text",
    gazetteer: Gazetteer | None = None,
    actors: ActorTable | None = None,
) -> list[Event]:
    """Events reported by one piece of text.

    Examples
    --------
    >>> evs = text_to_events("On November 3rd, US-led coalition warplanes struck the town of Hajin, "
    ...                      "killing 7 civilians.", published="2018-11-05")
    >>> [(e.event_date, e.location, e.sub_event_type, e.fatalities) for e in evs]
    [('2018-11-03', 'Hajin', 'Air/drone strike', 7)]
    """
    art = article_from_text(text, id=article_id, published=published)
    gaz = gazetteer or load_gazetteer()
    return extract(art, gazetteer=gaz, actors=actors or load_actors())[1]


def usable_patches(
    patches: Sequence[str | Path], problems: list[InputError], *, strict: bool = False
) -> list[str | Path]:
    """The patch files that read cleanly; each bad one becomes a problem (raised when ``strict``)."""
    import re

    from .errors import GazetteerError
    from .gazetteer.layers import read_patch

    ok: list[str | Path] = []
    for patch in patches:
        try:
            for _entry in read_patch(patch):
                pass
        except GazetteerError as exc:
            m = re.match(re.escape(str(patch)) + r"(?::(\d+))?: (.*)", str(exc), re.S)
            err = InputError(
                patch,
                (m.group(2) if m else str(exc)) + "; patch file skipped",
                line=int(m.group(1)) if m and m.group(1) else None,
            )
            if strict:
                raise stopped(err) from exc
            problems.append(err)
            continue
        ok.append(patch)
    return ok


def sample_inputs() -> list[Path]:
    """The bundled sample dispatches (data/samples/)."""
    return [data_dir() / "samples"]


_OUTPUT_NAMES = (
    "events.geojson",
    "events.csv",
    "events.gpkg",
    "mentions.csv",
    "articles.csv",
    "map.html",
    "report.html",
    "map_fragment.html",
    "run.json",
)


def _remove_stale_temporaries(out: Path) -> None:
    """Temporary files a killed run left beside our outputs (".events.csv.x1y2.tmp")."""
    if not out.is_dir():
        return
    for name in _OUTPUT_NAMES:
        for tmp in out.glob(f".{name}.*.tmp"):
            try:
                tmp.unlink()
            except OSError as exc:
                logger.warning("could not remove %s: %s", tmp, exc)


def write_outputs(
    result: RunResult,
    out: str | Path,
    *,
    map_html: bool = True,
    gpkg: bool = False,
    inputs: Sequence[str] = (),
    map_options: dict[str, Any] | None = None,
) -> dict[str, str]:
    """Write every output file into ``out``, all or none.

    Each file is written under a temporary name, and they are renamed into
    place together once all are whole (:func:`~geomap._atomic.staged`): an
    output that cannot be written leaves the folder as the last run left it.

    Raises :class:`~geomap.errors.GeomapError` and writes nothing when every
    input failed: an empty run must not replace the outputs of a good one.
    """
    out = Path(out)
    if result.problems and not result.articles and not result.events:
        listed = "\n  ".join(str(p) for p in result.problems)
        raise GeomapError(f"nothing could be read, so nothing was written to {out}/:\n  {listed}")
    _remove_stale_temporaries(out)
    earlier = [n for n in _OUTPUT_NAMES if n != "run.json" and (out / n).exists()]
    counts: dict[str, int] = {}
    for e in result.events:
        # Every article keeps its own record of an incident (duplicates point to
        # the incident record), so an article's events are the records it owns.
        counts[e.article_id] = counts.get(e.article_id, 0) + 1
    with staged():
        paths = _write_all(
            result, out, counts, map_html=map_html, gpkg=gpkg, inputs=inputs, map_options=map_options, earlier=earlier
        )
    result.outputs = {k: str(v) for k, v in paths.items()}
    return result.outputs


def _write_all(
    result: RunResult,
    out: Path,
    counts: dict[str, int],
    *,
    map_html: bool,
    gpkg: bool,
    inputs: Sequence[str],
    map_options: dict[str, Any] | None,
    earlier: list[str],
) -> dict[str, Path]:
    """Write the outputs of :func:`write_outputs` (inside its :func:`~geomap._atomic.staged` block)."""
    from .export import write_articles_csv, write_events_csv, write_geojson, write_gpkg, write_mentions_csv

    t0 = time.perf_counter()
    paths = {
        "events.geojson": write_geojson(result.events, out / "events.geojson"),
        "events.csv": write_events_csv(result.events, out / "events.csv"),
        "mentions.csv": write_mentions_csv(result.mentions, out / "mentions.csv"),
        "articles.csv": write_articles_csv(result.articles, counts, out / "articles.csv"),
    }
    if gpkg:
        paths["events.gpkg"] = write_gpkg(result.events, out / "events.gpkg")
    result.timings["export"] = round(time.perf_counter() - t0, 3)
    if map_html:
        from .render import write_map, write_report

        t1 = time.perf_counter()
        # the map and report show incidents; other articles' accounts appear in their popups
        paths["map.html"] = write_map(
            result.events, out / "map.html", articles=result.articles, mentions=result.mentions, **(map_options or {})
        )
        paths["report.html"] = write_report(
            result.events,
            out / "report.html",
            articles=result.articles,
            mentions=result.mentions,
            problems=result.problems,
            warnings=result.warnings,
            map_href="map.html",
        )
        result.timings["map"] = round(time.perf_counter() - t1, 3)
    summary = {
        "version": __version__,
        "inputs": list(inputs),
        "counts": {
            "articles": len(result.articles),
            "mentions": len(result.mentions),
            "mentions_unresolved": sum(m.status == "unresolved" for m in result.mentions),
            "mentions_ambiguous": sum(m.status == "ambiguous" for m in result.mentions),
            "events": len(result.events),
            "incidents": sum(not e.duplicate_of for e in result.events),
            "skipped": len(result.problems),
        },
        "skipped": [{"path": p.path, "line": p.line, "reason": p.reason} for p in result.problems],
        "warnings": [{"article": a.id, "warning": w} for a in result.articles for w in a.warnings],
        "record_warnings": [{"path": w.path, "line": w.line, "warning": w.reason} for w in result.warnings],
        "timings": result.timings,  # seconds per stage
        "outputs": sorted(paths) + ["run.json"],
    }
    # Files an earlier run wrote here that this run did not rewrite: kept (they are the
    # user's), but named, so that an old map is not read as this run's.
    stale = [n for n in earlier if n not in paths]
    if stale:
        summary["stale_outputs"] = stale
    result.stale_outputs = stale
    write_text_atomic(out / "run.json", json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
    paths["run.json"] = out / "run.json"
    return paths


def run(
    inputs: Iterable[str | Path] | None = None,
    *,
    out: str | Path = "output",
    gazetteer: Gazetteer | None = None,
    patches: Sequence[str | Path] = (),
    places: Sequence[str | Path] = (),
    country_bias: Sequence[str] = ("SY",),
    reference_date: date | None = None,
    strict: bool = False,
    dedup: bool = True,
    map_html: bool = True,
    gpkg: bool = False,
    write: bool = True,
    progress: Callable[[int], None] | None = None,
    map_options: dict[str, Any] | None = None,
    records: Sequence[str | Path] = (),
    max_article_bytes: int | None = None,
    fallback: Fallback | None = None,
    engine: str = "local",
    workers: int | None = None,
    scheduler: Any = None,
) -> RunResult:
    """Read articles, extract events, write the outputs.

    Parameters
    ----------
    inputs
        Files and folders of articles; ``None`` runs the bundled samples.
    out
        Output folder.
    patches
        Gazetteer patch files (add/override/blacklist; see data/gazetteer/PATCHES.md).
    places
        More files for the gazetteer's imported layer, read as they are: GeoNames
        dumps (.txt/.zip), place CSVs in the imported format, or folders of them.
    strict
        Stop at the first bad input instead of skipping it.
    records
        Event record files (ACLED, UCDP GED, plain CSV; see :mod:`geomap.join`)
        whose events are merged with those from the articles.
    fallback
        Opt-in online look-up for names the gazetteer lacks
        (:class:`~geomap.gazetteer.online.OnlineFallback`); ``None`` sends no request.
    engine, workers, scheduler
        Where the per-article stage runs: ``"local"`` (this process),
        ``"processes"`` (``workers`` local processes) or ``"dask"`` (a Dask
        cluster at ``scheduler``, or a local one); see :mod:`geomap.engines`.

    Examples
    --------
    >>> import tempfile
    >>> res = run(None, out=tempfile.mkdtemp(), map_html=False)
    >>> len(res.articles) >= 8 and len(res.events) > 0
    True
    """
    t0 = time.perf_counter()
    paths = list(inputs) if inputs else sample_inputs()
    limit = {} if max_article_bytes is None else {"max_article_bytes": max_article_bytes}
    articles, problems = read_articles(paths, **limit)
    if strict and problems:
        raise stopped(problems[0])
    if reference_date is not None:
        articles = [_with_reference_date(a, reference_date) for a in articles]
    timings = {"ingest": round(time.perf_counter() - t0, 3)}
    t1 = time.perf_counter()
    gaz = gazetteer or load_gazetteer(patches=usable_patches(patches, problems, strict=strict), extra_layers=places)
    actors = load_actors()
    timings["load"] = round(time.perf_counter() - t1, 3)
    t2 = time.perf_counter()
    mentions, events = process(
        articles,
        gazetteer=gaz,
        actors=actors,
        country_bias=country_bias,
        reference_date=reference_date,
        dedup=dedup,
        progress=progress,
        fallback=fallback,
        engine=engine,
        workers=workers,
        scheduler=scheduler,
    )
    timings["extract"] = round(time.perf_counter() - t2, 3)
    articles = _say_future(_say_abroad(articles, mentions, events, country_bias), events)
    warnings: list[InputError] = []
    if records:
        from .join import join_records

        t3 = time.perf_counter()
        joined = join_records(records, gazetteer=gaz, country_bias=country_bias, strict=strict)
        if dedup:
            from .join import link_incidents

            # Article events are linked already: only what is still free is linked again.
            events = link_incidents(events + joined.events)
        else:
            events = events + joined.events
        problems = problems + joined.problems
        warnings = joined.warnings
        timings["join"] = round(time.perf_counter() - t3, 3)
    result = RunResult(articles, mentions, events, problems, timings, warnings=warnings)
    if write:
        write_outputs(
            result,
            out,
            map_html=map_html,
            gpkg=gpkg,
            inputs=[str(p) for p in paths] + [str(r) for r in records],
            map_options=map_options,
        )
    return result
