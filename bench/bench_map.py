"""Map of 100,000 synthetic events: build time, file size, paint time in headless chromium.

    .venv/bin/python bench/bench_map.py            # 100,000 events
    .venv/bin/python bench/bench_map.py -n 20000 --keep out/

Targets: builds in under 10 s, under 25 MB, paints in under 3 s.  It prints
the figures; it asserts nothing (timings are not tests).  The paint time needs
Debian's chromium (.ci/install-browser.sh); without it that figure is skipped.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from geomap.models import Event
from geomap.render import write_map
from geomap.render.browser import chromium_available, headless_chromium, wait_for_map

GOVERNORATES = {  # rough centres; synthetic points scatter around them
    "Aleppo": (36.2, 37.15),
    "Idlib": (35.9, 36.6),
    "Hama": (35.15, 36.75),
    "Homs": (34.6, 37.5),
    "Latakia": (35.6, 35.9),
    "Tartus": (34.9, 36.0),
    "Damascus": (33.51, 36.29),
    "Rif Dimashq": (33.6, 36.6),
    "Daraa": (32.75, 36.2),
    "As-Suwayda": (32.7, 36.6),
    "Quneitra": (33.1, 35.85),
    "Deir ez-Zor": (35.1, 40.3),
    "Ar-Raqqah": (35.95, 38.9),
    "Al-Hasakah": (36.6, 40.9),
}
ACTORS = [
    "Syrian Arab Army",
    "Syrian Arab Air Force",
    "Military Forces of Russia",
    "Hayat Tahrir al-Sham",
    "Islamic State",
    "Syrian Democratic Forces",
    "Turkish Armed Forces",
    "Syrian National Army",
    "National Front for Liberation",
    "US-led coalition",
    "Israel Defense Forces",
    "Hezbollah",
    "National Defence Forces",
    "Jaysh al-Izza",
    "Sham Legion",
    "Unidentified armed group",
    "",
]
TYPES = {
    "Battles": [
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ],
    "Explosions/Remote violence": [
        "Air/drone strike",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
    ],
    "Violence against civilians": ["Attack", "Abduction/forced disappearance"],
    "Protests": ["Peaceful protest"],
    "Strategic developments": ["Arrests", "Looting/property destruction"],
}
VERBS = ["shelled", "attacked", "struck", "clashed with", "raided", "targeted"]


def synthetic_events(n: int, *, seed: int = 7, scatter: bool = False) -> list[Event]:
    """``n`` events at 3,000 invented places (geocoded events share their place's point).

    With ``scatter`` every event gets a point of its own: the worst case for clustering.
    """
    rng = random.Random(seed)
    govs = list(GOVERNORATES)
    places = []
    for i in range(3000):
        gov = rng.choice(govs)
        lat0, lon0 = GOVERNORATES[gov]
        places.append((f"Qaryat {i:04d}", gov, lat0 + rng.gauss(0, 0.35), lon0 + rng.gauss(0, 0.35)))
    start = 17_470  # 2017-11-01 as days since 1970-01-01
    events = []
    for i in range(n):
        place, gov, lat, lon = rng.choice(places)
        if scatter:
            lat0, lon0 = GOVERNORATES[gov]
            lat, lon = lat0 + rng.gauss(0, 0.35), lon0 + rng.gauss(0, 0.35)
        etype = rng.choice(list(TYPES))
        a1, a2 = rng.choice(ACTORS), rng.choice(ACTORS)
        day = time.strftime("%Y-%m-%d", time.gmtime((start + rng.randrange(730)) * 86400))
        art = f"art-{i // 5:06d}"
        fat = rng.choice([None, 0, 1, 2, 3, 5, 8, 12])
        dead = "an unknown number of" if fat is None else fat
        events.append(
            Event(
                event_id=f"SYR-B{i:07d}",
                article_id=art,
                event_date=day,
                time_precision=rng.choice([1, 1, 1, 2, 3]),
                event_type=etype,
                sub_event_type=rng.choice(TYPES[etype]),
                disorder_type="Political violence",
                actor1=a1,
                actor2=a2,
                location=place,
                latitude=lat,
                longitude=lon,
                geo_precision=rng.choice([1, 1, 2, 3]),
                admin1=gov,
                fatalities=fat,
                sentence=f"On {day}, {a1 or 'unidentified gunmen'} {rng.choice(VERBS)} positions "
                f"near {place} in the {gov} countryside, {dead} dead.",
                sources=(art,),
                article_title=f"Dispatch {i // 5}: fighting in {gov}",
                url=f"https://news.example/{i // 5}",
                source="Synthetic Wire",
            )
        )
    return events


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=100_000, help="number of events (default 100,000)")
    ap.add_argument("--keep", type=Path, help="folder to keep map.html in")
    ap.add_argument("--runs", type=int, default=3, help="browser loads to time (median reported)")
    ap.add_argument(
        "--scatter",
        action="store_true",
        help="a point of its own for every event (worst case) instead of 3,000 shared places",
    )
    args = ap.parse_args()

    events = synthetic_events(args.n, scatter=args.scatter)
    out_dir = args.keep or Path(tempfile.mkdtemp(prefix="geomap-bench-"))
    path = out_dir / "map.html"
    t0 = time.perf_counter()
    write_map(events, path)
    build_s = time.perf_counter() - t0
    size_mb = path.stat().st_size / 1e6
    print(f"events:     {args.n:,} at {'as many points' if args.scatter else '3,000 places'}")
    print(f"build:      {build_s:.2f} s   (target < 10 s)")
    print(f"size:       {size_mb:.1f} MB  (target < 25 MB)")
    if not chromium_available():
        print("paint:      skipped (no /usr/bin/chromium; run .ci/install-browser.sh)")
        return
    ready, painted = [], []
    with headless_chromium(offline=True) as driver:
        for _ in range(args.runs):
            driver.get(path.resolve().as_uri())
            wait_for_map(driver, timeout=120)
            time.sleep(0.2)
            r, p, shown = driver.execute_script("return [geomap.readyAt, geomap.paintedAt, geomap.visibleCount()]")
            assert shown == args.n, f"{shown} markers shown, expected {args.n}"
            ready.append(r / 1000)
            painted.append(p / 1000)
    print(
        f"paint:      {statistics.median(painted):.2f} s   (target < 3 s; markers ready at "
        f"{statistics.median(ready):.2f} s; median of {args.runs} loads from navigation start)"
    )
    print(f"file:       {path}")


if __name__ == "__main__":
    main()
