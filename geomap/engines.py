"""Where the per-article stage runs: here, in local worker processes, or on a Dask cluster.

Every engine runs the same function (:func:`geomap.pipeline.extract`) on each
article with the same gazetteer, actor table and options, and returns the
results in input order, so the outputs do not depend on the engine.  Linking
the records of one incident across articles (de-duplication) needs every
event, so it runs afterwards, in :func:`geomap.pipeline.process`.

- ``local``: one process, article after article.
- ``processes``: ``workers`` local processes
  (:class:`concurrent.futures.ProcessPoolExecutor`); each loads the gazetteer
  and actor table once, in its initializer, and takes articles in chunks.
- ``dask``: the articles become a :mod:`dask.bag`; the gazetteer and actor
  table are scattered to every worker once, each partition runs the stage,
  and the results are gathered.  With no ``scheduler`` a
  :class:`~distributed.LocalCluster` of ``workers`` processes is started for
  the run; with one (``tcp://host:8786``) the run uses that cluster, whose
  workers need geomap installed (same version) and the same data folder.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from .errors import GeomapError
from .models import Article, Event, Mention

__all__ = ["ENGINES", "default_workers", "extract_articles"]

logger = logging.getLogger(__name__)

#: Engine names accepted by :func:`extract_articles` (and ``--engine``).
ENGINES = ("local", "processes", "dask")

Result = tuple[list[Mention], list[Event]]

# The gazetteer, actor table and stage options of a worker process (set once by _init_worker).
_WORKER: dict[str, Any] = {}


def default_workers() -> int:
    """Return the number of CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def extract_articles(
    articles: Sequence[Article],
    *,
    gazetteer: Any,
    actors: Any,
    engine: str = "local",
    workers: int | None = None,
    scheduler: Any = None,
    progress: Callable[[int], None] | None = None,
    **options: Any,
) -> list[Result]:
    """Run the per-article stage over ``articles``; ``(mentions, events)`` per article, in order.

    Parameters
    ----------
    articles
        The articles, as read.
    gazetteer, actors
        The gazetteer and actor table every article is matched against.
    engine
        ``"local"``, ``"processes"`` or ``"dask"`` (see the module notes).
    workers
        Worker processes (``processes``; ``dask`` without a scheduler); default: the CPUs.
    scheduler
        ``dask`` only: a scheduler address (``tcp://host:8786``) or a
        :class:`distributed.Client`; ``None`` starts a local cluster.
    progress
        Called with the number of articles done, as they finish.
    **options
        Passed on to :func:`geomap.pipeline.extract` (``country_bias``, ``reference_date``...).

    Examples
    --------
    >>> from geomap.events import load_actors
    >>> from geomap.gazetteer import load_gazetteer
    >>> from geomap.ingest import article_from_text
    >>> text = "Shelling hit Idlib on Monday, killing 3."
    >>> arts = [article_from_text(text, id="a1", published="2019-01-09")]
    >>> done = extract_articles(arts, gazetteer=load_gazetteer(), actors=load_actors())
    >>> [(len(mentions), len(events)) for mentions, events in done]
    [(1, 1)]
    """
    if engine not in ENGINES:
        raise GeomapError(f"unknown engine {engine!r}; expected one of {', '.join(ENGINES)}")
    if workers is not None and workers < 1:
        raise GeomapError(f"workers must be 1 or more, got {workers}")
    if engine != "local" and options.get("fallback") is not None:
        raise GeomapError(
            f"the online geocoder sends one request at a time and cannot run on the "
            f"{engine!r} engine; use --engine local"
        )
    n_workers = workers or default_workers()
    if engine == "processes" and n_workers > 1 and len(articles) > 1:
        return _on_processes(articles, gazetteer, actors, options, n_workers, progress)
    if engine == "dask":
        return _on_dask(articles, gazetteer, actors, options, workers, scheduler, progress)
    return list(_locally(articles, gazetteer, actors, options, progress))


def _locally(
    articles: Sequence[Article],
    gazetteer: Any,
    actors: Any,
    options: dict[str, Any],
    progress: Callable[[int], None] | None,
) -> Iterator[Result]:
    from .pipeline import extract

    for art in articles:
        yield extract(art, gazetteer=gazetteer, actors=actors, **options)
        if progress is not None:
            progress(1)


def _chunks(items: Sequence[Article], n_chunks: int) -> list[list[Article]]:
    size = max(1, -(-len(items) // n_chunks))
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


# -- processes -----------------------------------------------------------------


def _init_worker(gazetteer: Any, actors: Any, options: dict[str, Any]) -> None:
    _WORKER.update(gazetteer=gazetteer, actors=actors, options=options)


def _extract_chunk(articles: list[Article]) -> list[Result]:
    state = _WORKER
    return list(_locally(articles, state["gazetteer"], state["actors"], state["options"], None))


def _on_processes(
    articles: Sequence[Article],
    gazetteer: Any,
    actors: Any,
    options: dict[str, Any],
    workers: int,
    progress: Callable[[int], None] | None,
) -> list[Result]:
    from concurrent.futures import ProcessPoolExecutor

    workers = min(workers, len(articles))
    # Several chunks per worker keep them all busy to the end; each chunk is one round trip.
    chunks = _chunks(articles, workers * 8)
    logger.info("extracting %d articles on %d processes (%d chunks)", len(articles), workers, len(chunks))
    out: list[Result] = []
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_init_worker, initargs=(gazetteer, actors, options)
    ) as pool:
        for chunk, results in zip(chunks, pool.map(_extract_chunk, chunks), strict=True):
            out += results
            if progress is not None:
                progress(len(chunk))
    return out


# -- dask ------------------------------------------------------------------------


def _geomap_version() -> str:
    from . import __version__

    return __version__


def _check_workers(client: Any) -> None:
    """Every worker imports geomap, the same version as here (else results could differ)."""
    from . import __version__

    try:
        versions: dict[str, str] = client.run(_geomap_version)
    except ImportError as exc:
        msg = f"a Dask worker cannot import geomap ({exc}); install geomap[dask] on every worker"
        raise GeomapError(msg) from exc
    others = sorted({v for v in versions.values() if v != __version__})
    if others:
        msg = (
            f"Dask workers run geomap {', '.join(others)} but this is geomap {__version__}; "
            "install the same version on every worker"
        )
        raise GeomapError(msg)


def _extract_partition(
    articles: Sequence[Article], gazetteer: Any, actors: Any, options: dict[str, Any]
) -> list[Result]:
    return list(_locally(articles, gazetteer, actors, options, None))


def _on_dask(
    articles: Sequence[Article],
    gazetteer: Any,
    actors: Any,
    options: dict[str, Any],
    workers: int | None,
    scheduler: Any,
    progress: Callable[[int], None] | None,
) -> list[Result]:
    try:
        import dask.bag
        import distributed
    except ImportError as exc:
        msg = "the Dask engine needs dask and distributed: pip install 'geomap[dask]'"
        raise GeomapError(msg) from exc
    db: Any = dask.bag  # (untyped libraries)
    Client: Any = distributed.Client
    LocalCluster: Any = distributed.LocalCluster
    as_completed: Any = distributed.as_completed
    if not articles:
        return []
    with contextlib.ExitStack() as stack:
        if isinstance(scheduler, Client):
            client = scheduler
        elif scheduler:
            try:
                client = stack.enter_context(Client(scheduler))
            except (OSError, TimeoutError) as exc:
                msg = f"cannot reach the Dask scheduler at {scheduler!r} ({exc}); is `dask scheduler` running there?"
                raise GeomapError(msg) from exc
        else:
            cluster = stack.enter_context(
                LocalCluster(
                    n_workers=workers or default_workers(),
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=":0",  # any free port: None still takes 8787 and fails if it is busy
                )
            )
            client = stack.enter_context(Client(cluster))
        _check_workers(client)
        info = client.scheduler_info()["workers"].values()
        threads = sum(w.get("nthreads", 1) for w in info) or 1
        chunks = _chunks(articles, threads * 4)
        logger.info("extracting %d articles on Dask (%d threads, %d partitions)", len(articles), threads, len(chunks))
        # One copy of the gazetteer and actor table per worker, not one per task;
        # the partitions go straight to the workers, not through the scheduler;
        # the futures are kept until gathered (the bag's graph only names them).
        # (hash=False: hashing a gazetteer for a key takes longer than sending it.)
        gaz_f = client.scatter(gazetteer, broadcast=True, hash=False)
        act_f = client.scatter(actors, broadcast=True, hash=False)
        chunk_fs = client.scatter(chunks, hash=False)
        bag = db.from_delayed(chunk_fs)
        parts = bag.map_partitions(_extract_partition, gaz_f, act_f, options).to_delayed()
        futures = client.compute(parts)
        if progress is not None:
            sizes = {f.key: len(chunk) for f, chunk in zip(futures, chunks, strict=True)}
            for f in as_completed(futures):
                progress(sizes[f.key])
        results: list[list[Result]] = client.gather(futures)
        del chunk_fs, gaz_f, act_f
    return [r for part in results for r in part]
