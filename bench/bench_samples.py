"""How well geomap reads the bundled sample dispatches, against data/samples/expected.csv.

Runs the pipeline on data/samples (no map, no de-duplication: the answer key is
per file), then matches events to expected incidents within each file: same
date (±1 day; "--MM-DD" dates compare the same way) and within 15 km.  Matching
is greedy on (day difference, distance).  Prints recall, precision and, over the
matched pairs, the accuracy of the event type, sub-event type, actors and
fatalities.

Actor names in expected.csv are ACLED-style ("Military Forces of Syria",
"HTS: Hayat Tahrir al-Sham"); each is mapped through
``geomap.events.load_actors().find`` to our canonical name.  A branch counts as
its parent ("Russian Aerospace Forces" for "Military Forces of Russia").
Fatalities: an empty expected cell is not scored; our empty value counts as 0.

Run: .venv/bin/python bench/bench_samples.py [--verbose] [--dedup]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from geomap._geo import km

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
MAX_KM = 15.0
MAX_DAYS = 1


@dataclass
class Expected:
    file: str
    event_date: str
    place: str
    lat: float
    lon: float
    event_type: str
    sub_event_type: str
    actor1: str
    actor2: str
    fatalities: int | None


def day_gap(a: str, b: str) -> int | None:
    """Days between two event dates; "--MM-DD" only compares with another "--MM-DD"."""
    if not a or not b or (a[:2] == "--") != (b[:2] == "--"):
        return None
    if a[:2] == "--":
        a, b = "2000" + a[1:], "2000" + b[1:]
    try:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)
    except ValueError:
        return None


def read_expected(path: Path) -> list[Expected]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [
            Expected(
                r["file"],
                r["event_date"],
                r["place"],
                float(r["lat"]),
                float(r["lon"]),
                r["event_type"],
                r["sub_event_type"],
                r["actor1"],
                r["actor2"],
                int(r["fatalities"]) if r["fatalities"].strip() else None,
            )
            for r in csv.DictReader(fh)
        ]


def file_of(source_path: str) -> str:
    """The sample file an article came from ("…/articles.jsonl:3" -> "articles.jsonl")."""
    return Path(re.sub(r":\d+$", "", source_path)).name


class ActorNames:
    """ACLED-style names to our canonical ones, and the branch/parent relation."""

    def __init__(self) -> None:
        from geomap.events import load_actors

        self.table = load_actors()

    def canonical(self, name: str) -> str:
        if not name:
            return ""
        if name in self.table.by_name:
            return name
        hits = self.table.find(name)
        return hits[0].actor.name if hits else name

    def lineage(self, name: str) -> list[str]:
        out = [name]
        while (a := self.table.by_name.get(out[-1])) is not None and a.parent and a.parent not in out:
            out.append(a.parent)
        return out

    def same(self, ours: str, theirs: str) -> bool:
        theirs = self.canonical(theirs)
        if not ours or not theirs:
            return ours == theirs
        return ours == theirs or theirs in self.lineage(ours) or ours in self.lineage(theirs)


def match(expected: list[Expected], events: list) -> list[tuple[Expected, object]]:
    pairs = []
    for i, x in enumerate(expected):
        for j, e in enumerate(events):
            gap = day_gap(x.event_date, e.event_date)
            if gap is None or gap > MAX_DAYS:
                continue
            d = km(x.lat, x.lon, e.latitude, e.longitude)
            if d <= MAX_KM:
                pairs.append((gap, d, i, j))
    pairs.sort()
    used_x: set[int] = set()
    used_e: set[int] = set()
    out = []
    for _gap, _d, i, j in pairs:
        if i in used_x or j in used_e:
            continue
        used_x.add(i)
        used_e.add(j)
        out.append((expected[i], events[j]))
    return out


def pct(n: int, d: int) -> str:
    return f"{100 * n / d:5.1f}% ({n}/{d})" if d else "    -"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--verbose", "-v", action="store_true", help="List misses, extras and mismatches.")
    ap.add_argument("--dedup", action="store_true", help="Merge duplicates across articles first.")
    args = ap.parse_args(argv)

    import geomap

    expected = read_expected(SAMPLES / "expected.csv")
    with tempfile.TemporaryDirectory() as tmp:
        result = geomap.run([SAMPLES], out=tmp, map_html=False, dedup=args.dedup, write=False)
    files = {a.id: file_of(a.source_path) for a in result.articles}
    ours: dict[str, list] = defaultdict(list)
    for e in result.events:
        for src in e.sources or (e.article_id,):
            ours[files[src]].append(e)
    theirs: dict[str, list[Expected]] = defaultdict(list)
    for x in expected:
        theirs[x.file].append(x)

    names = ActorNames()
    n_pred = sum(len(v) for v in ours.values())
    matched: list[tuple[Expected, object]] = []
    rows = []
    for f in sorted(set(theirs) | set(ours)):
        m = match(theirs[f], ours[f])
        matched += m
        rows.append((f, len(theirs[f]), len(ours[f]), len(m)))
        if args.verbose:
            hit_x = {id(x) for x, _ in m}
            hit_e = {id(e) for _, e in m}
            for x in theirs[f]:
                if id(x) not in hit_x:
                    print(f"  MISS  {f}: {x.event_date} {x.place} ({x.sub_event_type})")
            for e in ours[f]:
                if id(e) not in hit_e:
                    print(f"  EXTRA {f}: {e.event_date} {e.location} ({e.sub_event_type}) <- {e.sentence[:90]!r}")

    type_ok = sum(x.event_type == e.event_type for x, e in matched)
    sub_ok = sum((x.event_type, x.sub_event_type) == (e.event_type, e.sub_event_type) for x, e in matched)
    a1_ok = sum(names.same(e.actor1, x.actor1) for x, e in matched)
    pair_ok = sum(
        (names.same(e.actor1, x.actor1) and names.same(e.actor2, x.actor2))
        or (names.same(e.actor1, x.actor2) and names.same(e.actor2, x.actor1))
        for x, e in matched
    )
    scored = [(x, e) for x, e in matched if x.fatalities is not None]
    fat_ok = sum((e.fatalities or 0) == x.fatalities for x, e in scored)

    if args.verbose:
        for x, e in matched:
            bad = []
            if (x.event_type, x.sub_event_type) != (e.event_type, e.sub_event_type):
                bad.append(f"type {e.sub_event_type!r} != {x.sub_event_type!r}")
            if not names.same(e.actor1, x.actor1):
                bad.append(f"actor1 {e.actor1!r} != {names.canonical(x.actor1)!r}")
            if x.fatalities is not None and (e.fatalities or 0) != x.fatalities:
                bad.append(f"fatalities {e.fatalities} != {x.fatalities}")
            if bad:
                print(f"  DIFF  {x.file}: {x.event_date} {x.place}: " + "; ".join(bad))
        print()

    print(f"{'file':<52} {'expected':>8} {'ours':>5} {'matched':>7}")
    for f, ne, no, nm in rows:
        print(f"{f:<52} {ne:>8} {no:>5} {nm:>7}")
    print()
    print(f"recall              {pct(len(matched), len(expected))}")
    print(f"precision           {pct(len(matched), n_pred)}")
    print(f"event type          {pct(type_ok, len(matched))}")
    print(f"type + sub-type     {pct(sub_ok, len(matched))}")
    print(f"actor1              {pct(a1_ok, len(matched))}")
    print(f"both actors         {pct(pair_ok, len(matched))}")
    print(f"fatalities          {pct(fat_ok, len(scored))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
