"""Cold start: ``geomap --help`` and a one-article run, as whole processes.

Times (best of ``--repeat``, wall clock):

- ``geomap --help``;
- ``geomap extract one.txt`` with the compiled gazetteer already cached (warm);
- the same with an empty cache folder (``GEOMAP_CACHE_DIR``): the gazetteer is
  built from data/gazetteer and cached, as on the first run after installing;
- inside one process: importing the pipeline, loading the gazetteer (cached),
  the actor table, and the first and second article through ``extract``.

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ONE = (
    "Shelling hit the town of Maarat al-Numan in Idlib province on Monday, killing 3 civilians, "
    "the Syrian Observatory for Human Rights said.\n"
)

IN_PROCESS = """
import sys, time
t0 = time.perf_counter()
from geomap.pipeline import extract
from geomap.ingest import article_from_text
t1 = time.perf_counter()
from geomap.gazetteer import load_gazetteer
gaz = load_gazetteer()
t2 = time.perf_counter()
from geomap.events import load_actors
actors = load_actors()
t3 = time.perf_counter()
art = article_from_text(sys.argv[1], id="one", published="2019-01-09")
extract(art, gazetteer=gaz, actors=actors)
t4 = time.perf_counter()
extract(art, gazetteer=gaz, actors=actors)
t5 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4)
"""


def best_wall(cmd: list[str], repeat: int, env: dict[str, str] | None = None, before: object = None) -> float:
    times = []
    for _ in range(repeat):
        if callable(before):
            before()
        t0 = time.perf_counter()
        subprocess.run(cmd, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="geomap-startup-"))
    one = tmp / "one.txt"
    one.write_text(ONE, encoding="utf-8")
    exe = [sys.executable, "-m", "geomap"]
    extract = exe + ["extract", str(one), "--out", str(tmp / "out")]
    subprocess.run(extract, check=True, capture_output=True)  # warm the cache and the OS file cache

    rows = [
        ("python -c pass", best_wall([sys.executable, "-c", "pass"], args.repeat)),
        ("geomap --help", best_wall(exe + ["--help"], args.repeat)),
        ("geomap extract one.txt (warm cache)", best_wall(extract, args.repeat)),
    ]
    cold_dir = tmp / "cache"

    def empty_cache() -> None:
        import shutil

        shutil.rmtree(cold_dir, ignore_errors=True)

    cold_env = dict(os.environ, GEOMAP_CACHE_DIR=str(cold_dir))
    rows.append(
        (
            "geomap extract one.txt (cold cache)",
            best_wall(extract, max(1, args.repeat // 2), env=cold_env, before=empty_cache),
        )
    )
    for name, secs in rows:
        print(f"{name:40s} {secs:6.2f} s")
    parts = []
    for _ in range(args.repeat):
        out = subprocess.run(
            [sys.executable, "-c", IN_PROCESS, ONE], check=True, capture_output=True, text=True
        ).stdout.split()
        parts.append([float(x) for x in out])
    labels = ("import pipeline", "load gazetteer (cached)", "load actor table", "first article", "second article")
    print("inside one process (best of each):")
    for i, label in enumerate(labels):
        print(f"  {label:38s} {min(p[i] for p in parts):6.3f} s")
    cache = sorted(cold_dir.glob("gazetteer-*.pickle"))
    if cache:
        print(f"  gazetteer cache file                   {cache[0].stat().st_size / 1e6:6.1f} MB")


if __name__ == "__main__":
    main()
