"""How well the bundled gazetteer places UCDP GED location strings.

Reads ``../shared/eval/ged2020_dev.csv`` at run time (nothing from it is stored
in the repository), strips the trailing kind word from ``where_coordinates``
("Hajin town" -> "Hajin"), resolves the name through the default gazetteer (with
the governorates the row's source headlines name, as ``geomap join`` does) and
prints the share of rows whose point lies within 10 km of GED's point (50 km
for governorate rows), overall and per kind, then the failures.

Run: .venv/bin/python bench/bench_ged.py [--failures] [--csv PATH]
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from geomap._geo import km

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("GEOMAP_BENCH_SHARED", ROOT.parent / "shared"))
GED = SHARED / "eval" / "ged2020_dev.csv"

WIDE_KINDS = {"governorate", "province"}


def resolve_string(where: str, gaz: Any, context: str = "", actors: Any = None) -> Any:
    """Return the best place for a GED place string, as ``geomap join`` finds it for a row without a point.

    ``context`` is the row's own text (its source headlines), which may name the governorate.
    """
    from geomap.geoparse.resolve import named_admin1, rank_place_string

    spans = [(a.start, a.end) for a in actors.find(context)] if actors is not None and context else []
    hint = named_admin1(context, gaz, exclude=spans) if context else frozenset()
    ranked = rank_place_string(where, gaz, context_admin1=hint)
    return ranked[0][1] if ranked else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--csv", type=Path, default=GED)
    ap.add_argument("--failures", action="store_true", help="List the failing rows.")
    args = ap.parse_args(argv)
    if not args.csv.exists():
        print(f"{args.csv}: not found (set GEOMAP_BENCH_SHARED)", file=sys.stderr)
        return 2

    from geomap.events.actors import load_actors
    from geomap.gazetteer import load_gazetteer
    from geomap.gazetteer.names import split_place_kind

    gaz = load_gazetteer()
    actors = load_actors()
    rows = list(csv.DictReader(args.csv.open(encoding="utf-8")))
    ok: Counter[str] = Counter()
    total: Counter[str] = Counter()
    failures: dict[str, list[str]] = defaultdict(list)
    distinct: dict[str, bool] = {}
    for r in rows:
        where = r["where_coordinates"].strip()
        name, kind = split_place_kind(where)
        kind = kind or "(none)"
        lat, lon = float(r["latitude"]), float(r["longitude"])
        limit = 50.0 if kind in WIDE_KINDS else 10.0
        context = "; ".join(x for x in (r.get("where_description", "").strip(), r["source_article"].strip()) if x)
        place = resolve_string(where, gaz, context, actors)
        total[kind] += 1
        if place is not None and km(place.lat, place.lon, lat, lon) <= limit:
            ok[kind] += 1
            distinct[where] = True
            continue
        distinct.setdefault(where, False)
        got = (
            "no match"
            if place is None
            else (f"{place.name} [{place.layer}] {km(place.lat, place.lon, lat, lon):.0f} km off")
        )
        failures[where].append(got)
    n_ok, n = sum(ok.values()), sum(total.values())
    print(f"GED rows within 10 km (governorates 50 km): {n_ok}/{n} = {100 * n_ok / n:.1f}%")
    print(f"distinct place strings placed: {sum(distinct.values())}/{len(distinct)}")
    for kind, t in total.most_common():
        print(f"  {kind:<15} {ok[kind]:>4}/{t:<4} {100 * ok[kind] / t:5.1f}%")
    if args.failures:
        print("\nfailures (distinct strings, row count):")
        for where, why in sorted(failures.items(), key=lambda kv: -len(kv[1])):
            print(f"  {len(why):>3}  {where!r}: {why[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
