"""report.html: counts, a weekly chart, the event table with sources, names to review, the map.

One static page with its styles inline and no script: it opens anywhere and
prints well.  Everything from an article is escaped; links are kept only when
they are http(s).
"""

from __future__ import annotations

import html
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from .. import __version__
from .._atomic import write_text_atomic
from ..errors import InputError
from ..models import Article, Event, Mention, flag_notes
from .chart import stacked_bars_svg
from .payload import highlight
from .style import actor_side, side_colour

__all__ = ["report_html", "write_report"]

MAX_ROWS = 5000
_esc = html.escape


@lru_cache(maxsize=1)
def _css() -> str:
    return (Path(__file__).resolve().parent / "static" / "report.css").read_text(encoding="utf-8")


def _link(url: str, text: str) -> str:
    if url.lower().startswith(("http://", "https://")):
        return f'<a href="{_esc(url, quote=True)}" rel="noopener noreferrer">{_esc(text)}</a>'
    return _esc(text)


def _row(*cells: str, num: tuple[int, ...] = (), attrs: str = "") -> str:
    """One table row; ``cells`` are HTML already, columns in ``num`` right-aligned."""
    tds = "".join(f'<td class="n">{c}</td>' if i in num else f"<td>{c}</td>" for i, c in enumerate(cells))
    return f"<tr{attrs}>{tds}</tr>"


def _head(*names: str, num: tuple[int, ...] = ()) -> str:
    ths = "".join(f'<th class="n">{n}</th>' if i in num else f"<th>{n}</th>" for i, n in enumerate(names))
    return f"<thead><tr>{ths}</tr></thead>"


def _count_table(
    title: str,
    rows: list[tuple[str, int, int]],
    *,
    colours: dict[str, str] | None = None,
    top: int = 15,
) -> str:
    peak = max((n for _, n, _ in rows), default=1) or 1
    body = []
    if len(rows) > top + 1:
        rest = rows[top:]
        rows = rows[:top]
        more = _row(
            f"{len(rest)} more",
            str(sum(n for _, n, _ in rest)),
            str(sum(f for _, _, f in rest)),
            "",
            num=(1, 2),
            attrs=' class="muted"',
        )
    else:
        more = ""
    for name, n, fat in rows:
        swatch = f'<span class="swatch" style="background:{colours[name]}"></span>' if colours else ""
        bar = f'<div class="bar" style="width:{100 * n / peak:.0f}%"></div>'
        body.append(_row(f"{swatch}{_esc(name)}", str(n), str(fat), bar, num=(1, 2)))
    head = _head(_esc(title.split()[-1].capitalize()), "Events", "Fatalities", "", num=(1, 2))
    rows_html = "".join(body) or '<tr><td colspan="4" class="muted">none</td></tr>'
    table = f'<table class="counts">{head}<tbody>{rows_html}{more}</tbody></table>'
    return f"<div><h3>{_esc(title)}</h3>{table}</div>"


def _tally(pairs: list[tuple[str, int | None]]) -> list[tuple[str, int, int]]:
    n: Counter[str] = Counter()
    fat: Counter[str] = Counter()
    for key, f in pairs:
        n[key] += 1
        fat[key] += f or 0
    return [(k, c, fat[k]) for k, c in sorted(n.items(), key=lambda kv: (-kv[1], kv[0]))]


def _sources_cell(e: Event, by_id: dict[str, Article]) -> str:
    ids = [s for s in dict.fromkeys((e.article_id, *e.sources)) if s]
    items = []
    for sid in ids:
        a = by_id.get(sid)
        if a is not None:
            items.append(
                _link(a.url, a.title or a.id) + (f' <span class="muted">{_esc(a.outlet)}</span>' if a.outlet else "")
            )
        elif sid == e.article_id and (e.article_title or e.url):
            items.append(_link(e.url, e.article_title or e.url))
        elif sid == e.article_id and e.source:
            # a joined record: its own source, then the file and line it was read from
            items.append(f'{_esc(e.source)} <span class="muted">{_esc(sid)}</span>')
        else:
            items.append(_esc(sid))
    if not items and e.source:
        items.append(_esc(e.source))
    return "<br>".join(items)


def _sentence_cell(e: Event, surfaces: dict[tuple[str, str], list[str]]) -> str:
    text = e.sentence or e.notes
    name = highlight(text, [*surfaces.get((e.article_id, e.place_id), ()), e.location]) if text else ""
    at = text.find(name) if name else -1
    if at < 0:
        return _esc(text)
    end = at + len(name)
    return f"{_esc(text[:at])}<mark>{_esc(text[at:end])}</mark>{_esc(text[end:])}"


def _events_table(events: Sequence[Event], by_id: dict[str, Article], mentions: Sequence[Mention]) -> str:
    surfaces: dict[tuple[str, str], list[str]] = {}
    for m in mentions:
        if m.place is not None:
            surfaces.setdefault((m.article_id, m.place.id), []).append(m.surface)
    ordered = sorted(
        events,
        key=lambda e: (e.event_date.startswith("--") or not e.event_date, e.event_date, e.event_id),
    )
    rows = []
    for e in ordered[:MAX_ROWS]:
        actors = " vs ".join(_esc(a) for a in (e.actor1, e.actor2) if a) or '<span class="muted">unknown</span>'
        fat = "" if e.fatalities is None else str(e.fatalities)
        place = _esc(e.location) + "".join(f'<br><span class="flag">{_esc(n)}</span>' for n in flag_notes(e.flags))
        etype = f'{_esc(e.event_type)}<br><span class="muted">{_esc(e.sub_event_type)}</span>'
        rows.append(
            _row(
                _esc(e.event_date),
                etype,
                actors,
                place,
                _esc(e.admin1),
                fat,
                _sentence_cell(e, surfaces),
                _sources_cell(e, by_id),
                num=(5,),
                attrs=f' id="{_esc(e.event_id, quote=True)}"',
            )
        )
    more = ""
    if len(ordered) > MAX_ROWS:
        more = f'<p class="muted">The first {MAX_ROWS} of {len(ordered)} events (by date); events.csv has them all.</p>'
    head = _head(
        "Date",
        "Type",
        "Actors",
        "Place",
        "Governorate",
        "Fatalities",
        "Sentence",
        "Sources",
        num=(5,),
    )
    table = f'<table class="events">{head}<tbody>{"".join(rows)}</tbody></table>'
    return f'{more}<div class="scroll">{table}</div>'


def _review_table(mentions: Sequence[Mention], by_id: dict[str, Article]) -> str:
    groups: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.status in ("unresolved", "ambiguous"):
            groups[(m.status, m.surface.strip())].append(m)
    if not groups:
        return '<p class="muted">Every place name was resolved.</p>'
    rows = []
    for (status, name), ms in sorted(
        groups.items(), key=lambda kv: (kv[0][0] != "unresolved", -len(kv[1]), kv[0][1].lower())
    ):
        arts = list(dict.fromkeys(m.article_id for m in ms))
        art_text = ", ".join(_esc(by_id[a].title or a) if a in by_id else _esc(a) for a in arts[:3])
        if len(arts) > 3:
            art_text += f" and {len(arts) - 3} more"
        cands = "; ".join(
            f"{_esc(c.name)} ({_esc(c.admin1 or c.country)}, {c.lat:.3f}, {c.lon:.3f})" for c in ms[0].candidates[:3]
        )
        rows.append(_row(_esc(name), status, str(len(ms)), art_text, _esc(ms[0].context), cands, num=(2,)))
    head = _head("Name", "Status", "Mentions", "Articles", "Example", "Candidates", num=(2,))
    return (
        '<p class="muted">Names the gazetteer could not place (or could place in more than one '
        "way). Add them with a gazetteer patch (<code>geomap run --gazetteer patch.csv</code>) "
        "and run again.</p>"
        f'<div class="scroll"><table>{head}<tbody>{"".join(rows)}</tbody></table></div>'
    )


def _inputs_section(problems: Sequence[InputError], warnings: Sequence[InputError], articles: Sequence[Article]) -> str:
    """What was skipped and what was doubtful, as run.json lists it ("" when nothing was)."""
    said = [(a.source_path or a.id, None, w) for a in articles for w in a.warnings]
    parts = []
    for heading, items in (
        ("Skipped", [(p.path, p.line, p.reason) for p in problems]),
        ("Records read with a warning", [(w.path, w.line, w.reason) for w in warnings]),
        ("Articles read with a warning", said),
    ):
        if not items:
            continue
        rows = "".join(
            _row(_esc(f"{path}:{line}" if line else str(path)), _esc(reason)) for path, line, reason in items[:MAX_ROWS]
        )
        more = f'<p class="muted">The first {MAX_ROWS} of {len(items)}; run.json lists them all.</p>'
        parts.append(
            f"<h3>{heading} ({len(items)})</h3>{more if len(items) > MAX_ROWS else ''}"
            f'<div class="scroll"><table>{_head("Where", "What")}<tbody>{rows}</tbody></table></div>'
        )
    if not parts:
        return ""
    return f'<section id="inputs"><h2>Inputs skipped and warnings</h2>{"".join(parts)}</section>'


def report_html(
    events: Sequence[Event],
    *,
    articles: Sequence[Article] = (),
    mentions: Sequence[Mention] = (),
    problems: Sequence[InputError] = (),
    warnings: Sequence[InputError] = (),
    map_href: str | None = "map.html",
    title: str = "geomap report",
) -> str:
    """Render the report page as a string (see :func:`write_report`).

    ``problems`` are the inputs (files, lines, rows) that were skipped and
    ``warnings`` the record rows read with a warning; they are listed with the
    articles' own warnings at the end of the page.

    Examples
    --------
    >>> page = report_html([], map_href=None)
    >>> page.startswith("<!DOCTYPE html>") and "<script" not in page
    True
    """
    by_id = {a.id: a for a in articles}
    n_records = len(events)
    # a joined record's id is its file and line: it is no article
    record_ids = {e.article_id for e in events if e.date_flag == "record"}
    events = [e for e in events if not e.duplicate_of]  # one row per incident; its sources list every article
    dates = sorted(e.event_date for e in events if e.event_date[:4].isdigit())
    fat_known = [e.fatalities for e in events if e.fatalities is not None]
    stats = [
        (
            "events" if n_records == len(events) else f"incidents ({n_records} reports)",
            str(len(events)),
        ),
        # Without the run's articles (a map of an events file), only those that gave an event are known.
        (
            ("articles", str(len(articles)))
            if articles
            else ("articles with events", str(len({s for e in events for s in e.sources} - record_ids)))
        ),
        ("first and last date", f"{dates[0]} – {dates[-1]}" if dates else "–"),
        (
            "fatalities reported",
            f"{sum(fat_known)}" + (f" (in {len(fat_known)} events)" if fat_known else ""),
        ),
    ]
    if record_ids:
        stats.insert(2, ("records joined", str(len(record_ids))))
        if not articles and len(record_ids) == n_records:
            del stats[1]  # records only: no article to count
    if problems:
        stats.append(("inputs skipped", str(len(problems))))
    if mentions:
        unresolved = sum(m.status == "unresolved" for m in mentions)
        stats.append(("place names unresolved", f"{unresolved} of {len(mentions)}"))
    summary = "".join(f'<div class="stat"><b>{_esc(v)}</b><span class="muted">{_esc(k)}</span></div>' for k, v in stats)
    actor_pairs: list[tuple[str, int | None]] = []
    for e in events:
        for a in dict.fromkeys(x for x in (e.actor1, e.actor2) if x):
            actor_pairs.append((a, e.fatalities))
    actor_rows = _tally(actor_pairs)
    counts = "".join(
        [
            _count_table(
                "Events by type",
                _tally([(e.event_type or "unknown", e.fatalities) for e in events]),
            ),
            _count_table(
                "Events by actor",
                actor_rows,
                colours={a: side_colour(actor_side(a)) for a, _, _ in actor_rows},
            ),
            _count_table(
                "Events by governorate",
                _tally([(e.admin1 or "unknown", e.fatalities) for e in events]),
            ),
        ]
    )
    inputs = _inputs_section(problems, warnings, articles)
    map_section = ""
    if map_href:
        href = _esc(map_href, quote=True)
        map_section = (
            f'<section id="map"><h2>Map</h2><iframe class="map" src="{href}" '
            'title="Map of the events" loading="lazy"></iframe>'
            f'<p><a href="{href}">Open the map on its own page</a></p></section>'
        )
    nav = "".join(
        f'<a href="#{k}">{v}</a>'
        for k, v in (
            ("map", "Map") if map_href else ("", ""),
            ("counts", "Counts"),
            ("weekly", "Per week"),
            ("events", "Events"),
            ("review", "Names to review"),
            ("inputs", "Skipped and warnings") if inputs else ("", ""),
        )
        if k
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_esc(title)}</title>
<style>{_css()}</style>
</head>
<body>
<header><h1>{_esc(title)}</h1><nav>{nav}</nav></header>
<div class="summary">{summary}</div>
{map_section}
<section id="counts"><h2>Counts</h2><div class="grid">{counts}</div></section>
<section id="weekly"><h2>Events over time, by actor 1</h2>{stacked_bars_svg(events)}</section>
<section id="events"><h2>Events</h2>{_events_table(events, by_id, mentions)}</section>
<section id="review"><h2>Place names to review</h2>{_review_table(mentions, by_id)}</section>
{inputs}
<footer><p class="muted">Made by geomap {_esc(__version__)}. Outlines: Natural Earth.</p></footer>
</body>
</html>
"""


def write_report(events: Sequence[Event], path: str | Path, **options: object) -> Path:
    """Write report.html (atomically); options as :func:`report_html`.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = write_report([], pathlib.Path(tempfile.mkdtemp()) / "report.html", map_href=None)
    >>> "Events by type" in p.read_text(encoding="utf-8")
    True
    """
    write_text_atomic(path, report_html(events, **options))  # type: ignore[arg-type]
    return Path(path)
