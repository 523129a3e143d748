"""CSV outputs: events.csv (ACLED columns first), mentions.csv, articles.csv."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO

from .._atomic import atomic_write
from ..models import Article, Event, Mention
from .table import ACLED_COLUMNS, EXTRA_COLUMNS, event_rows

__all__ = ["write_articles_csv", "write_events_csv", "write_mentions_csv"]

MENTION_COLUMNS = (
    "article_id",
    "start",
    "end",
    "surface",
    "status",
    "place_id",
    "place",
    "kind",
    "admin1",
    "country",
    "lat",
    "lon",
    "score",
    "precision",
    "cue",
    "layer",
    "candidates",
    "context",
)
ARTICLE_COLUMNS = ("id", "title", "published", "outlet", "url", "source_path", "events", "warnings")


def _cell(v: object) -> object:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    return v


class _Writer:
    """A csv writer with LF line ends that also quotes cells holding a bare carriage return.

    Python's csv module only quotes the line terminator's own characters, so a
    cell with a CR would come back split in two; such rows are written fully quoted.
    """

    def __init__(self, fh: IO[str]) -> None:
        self._plain = csv.writer(fh, lineterminator="\n")
        self._quoted = csv.writer(fh, lineterminator="\n", quoting=csv.QUOTE_ALL)

    def writerow(self, row: Iterable[object]) -> None:
        cells = list(row)
        cr = any(isinstance(c, str) and "\r" in c for c in cells)
        (self._quoted if cr else self._plain).writerow(cells)


def _writer(fh: IO[str]) -> _Writer:
    return _Writer(fh)


def write_events_csv(events: Sequence[Event], path: str | Path) -> Path:
    """ACLED's 31 columns in ACLED's order, then geomap's."""
    path = Path(path)
    cols = list(ACLED_COLUMNS) + list(EXTRA_COLUMNS)
    with atomic_write(path, newline="") as fh:
        w = _writer(fh)
        w.writerow(cols)
        for row in event_rows(events):
            w.writerow([_cell(row[c]) for c in cols])
    return Path(path)


def write_mentions_csv(mentions: Sequence[Mention], path: str | Path) -> Path:
    """Every place mention: resolved, ambiguous or unresolved, with candidates to review."""
    path = Path(path)
    with atomic_write(path, newline="") as fh:
        w = _writer(fh)
        w.writerow(MENTION_COLUMNS)
        for m in mentions:
            p = m.place
            cands = "; ".join(
                f"{c.name} ({c.admin1 or c.country}, {c.lat:.4f},{c.lon:.4f}, {c.layer})" for c in m.candidates[:5]
            )
            w.writerow(
                [
                    m.article_id,
                    m.start,
                    m.end,
                    m.surface,
                    m.status,
                    p.id if p else "",
                    p.name if p else "",
                    p.kind if p else "",
                    p.admin1 if p else "",
                    p.country if p else "",
                    f"{m.lat:.5f}" if m.lat is not None else "",
                    f"{m.lon:.5f}" if m.lon is not None else "",
                    f"{m.score:.3f}",
                    m.precision if p else "",
                    m.cue,
                    p.layer if p else "",
                    cands,
                    m.context,
                ]
            )
    return path


def write_articles_csv(articles: Sequence[Article], counts: dict[str, int], path: str | Path) -> Path:
    """One row per article: id, title, published, outlet, number of events, warnings."""
    path = Path(path)
    with atomic_write(path, newline="") as fh:
        w = _writer(fh)
        w.writerow(ARTICLE_COLUMNS)
        for a in articles:
            w.writerow(
                [
                    a.id,
                    a.title,
                    a.published.isoformat() if a.published else a.published_day,  # "--06-19": no year
                    a.outlet,
                    a.url,
                    a.source_path,
                    counts.get(a.id, 0),
                    " | ".join(a.warnings),
                ]
            )
    return path
