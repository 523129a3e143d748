"""The Dask engine: 1 worker against 2 workers on 20,000 articles (LocalCluster, processes).

The corpus is the FA-KES dev articles and the seed dispatches (read from
``../shared`` at run time) replicated to ``-n`` articles.  The articles are
read once; then for each cluster size a :class:`distributed.LocalCluster` of
single-threaded worker processes is started, warmed up on a few articles
(workers import geomap, receive the gazetteer), and the per-article stage of
all the articles is timed through :func:`geomap.engines.extract_articles`
(``engine="dask"``): partitioning, scattering, running, gathering.
``--local`` also times the same stage in this process.  Prints figures;
asserts nothing.

    python bench/bench_dask.py -n 20000 --workers 1 2
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _corpus  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=20_000)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--local", action="store_true", help="also time the local engine")
    args = ap.parse_args()
    logging.getLogger("distributed").setLevel(logging.ERROR)

    from distributed import Client, LocalCluster

    from geomap.engines import extract_articles
    from geomap.events import load_actors
    from geomap.gazetteer import load_gazetteer
    from geomap.ingest import read_articles

    tmp = Path(tempfile.mkdtemp(prefix="geomap-dask-"))
    t0 = time.perf_counter()
    articles, _problems = read_articles([_corpus.write_corpus(args.n, tmp)])
    secs = time.perf_counter() - t0
    print(f"{len(articles)} articles read in {secs:.1f} s; {os.cpu_count()} CPUs")
    stage = {"gazetteer": load_gazetteer(), "actors": load_actors()}
    times: dict[str, float] = {}
    if args.local:
        t0 = time.perf_counter()
        extract_articles(articles, **stage)
        times["local engine (this process)"] = time.perf_counter() - t0
    for n in args.workers:
        with (
            LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster,
            Client(cluster) as client,
        ):
            extract_articles(articles[: 4 * n], **stage, engine="dask", scheduler=client)  # warm-up
            t0 = time.perf_counter()
            done = extract_articles(articles, **stage, engine="dask", scheduler=client)
            times[f"dask, {n} worker{'s' if n > 1 else ''}"] = time.perf_counter() - t0
            assert len(done) == len(articles)
    one = times.get("dask, 1 worker")
    print(f"{'engine':32s} {'seconds':>8s} {'art/s':>7s} {'speed-up':>9s}")
    for name, secs in times.items():
        speedup = f"{one / secs:8.2f}x" if one else ""
        print(f"{name:32s} {secs:8.1f} {len(articles) / secs:7.0f} {speedup:>9s}")


if __name__ == "__main__":
    main()
