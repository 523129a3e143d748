"""De-duplication across a long archive: time to link N events in one city over ten years.

Synthetic events (random day in 2012-2021, random point in a 5 km square,
random type and actor) stand for an archive whose reports cluster on one
city, the hard case for an index by place alone.  Prints figures; asserts
nothing.

    python bench/bench_dedup.py -n 20000 100000
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import date, timedelta

from geomap.events.dedup import mark_duplicates
from geomap.models import Event

TYPES = ["Battles", "Explosions/Remote violence", "Violence against civilians"]
ACTORS = ["Military Forces of Syria", "Islamic State", "Hay'at Tahrir al-Sham", ""]


def synthetic(n: int, seed: int = 1) -> list[Event]:
    rng = random.Random(seed)
    start = date(2012, 1, 1)
    return [
        Event(
            event_id=f"E{i}",
            article_id=f"a{i}",
            event_date=(start + timedelta(days=rng.randrange(3653))).isoformat(),
            time_precision=1,
            event_type=rng.choice(TYPES),
            sub_event_type="",
            disorder_type="Political violence",
            actor1=rng.choice(ACTORS),
            actor2="",
            location="City",
            latitude=36.20 + rng.random() * 0.045,
            longitude=37.13 + rng.random() * 0.056,
            geo_precision=1,
            sources=(f"a{i}",),
        )
        for i in range(n)
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, nargs="+", default=[20000, 100000])
    args = ap.parse_args()
    for n in args.n:
        events = synthetic(n)
        t0 = time.perf_counter()
        out = mark_duplicates(events)
        took = time.perf_counter() - t0
        linked = sum(1 for e in out if e.duplicate_of)
        print(f"dedup: {n:,} events in one city over ten years: {took:.2f} s, {linked:,} linked as repeats")


if __name__ == "__main__":
    main()
