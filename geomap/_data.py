"""Where geomap finds its bundled data and keeps its caches."""

from __future__ import annotations

import os
import time
from pathlib import Path

__all__ = ["cache_dir", "data_dir", "prune_cache", "touch"]

#: How many compiled copies of each kind the cache keeps (the most recently used).
CACHE_KEEP = 6


def data_dir() -> Path:
    """The data folder: ``$GEOMAP_DATA``, the checkout's ``data/``, or the wheel's copy."""
    env = os.environ.get("GEOMAP_DATA")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "data", here / "_data"):
        if (candidate / "gazetteer").is_dir():
            return candidate
    return here.parent / "data"


def cache_dir() -> Path:
    """Cache for compiled indexes: ``$GEOMAP_CACHE_DIR`` or ``~/.cache/geomap``."""
    env = os.environ.get("GEOMAP_CACHE_DIR")
    base = Path(env) if env else Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "geomap"
    return base


def touch(path: Path) -> None:
    """Mark a cache file as just used, so pruning keeps it (best effort)."""
    try:
        os.utime(path)
    except OSError:
        pass


def prune_cache(prefix: str, *, keep: int = CACHE_KEEP) -> list[Path]:
    """Delete all but the ``keep`` most recently used ``<prefix>-*`` files in the cache.

    Every gazetteer combination (patches, imported layers, data edits) and every
    outline simplification compiles a file of its own; without pruning the cache
    only grows.  Left-over temporary files older than an hour go too.  Returns
    the deleted paths; a file that cannot be deleted is left alone.

    Examples
    --------
    >>> import os, tempfile
    >>> os.environ["GEOMAP_CACHE_DIR"] = tempfile.mkdtemp()
    >>> for i in range(3):
    ...     _ = (cache_dir() / f"demo-{i}.pickle").write_bytes(b"")
    ...     os.utime(cache_dir() / f"demo-{i}.pickle", (i, i))
    >>> [p.name for p in prune_cache("demo", keep=1)]
    ['demo-1.pickle', 'demo-0.pickle']
    >>> del os.environ["GEOMAP_CACHE_DIR"]
    """
    base = cache_dir()
    try:
        entries = [(p.stat().st_mtime, p) for p in base.glob(f"{prefix}-*")]
    except OSError:
        return []
    old = time.time() - 3600
    files = sorted(((t, p) for t, p in entries if not p.name.endswith(".tmp")), reverse=True)
    doomed = [p for _t, p in files[keep:]] + [p for t, p in entries if p.name.endswith(".tmp") and t < old]
    deleted = []
    for p in doomed:
        try:
            p.unlink()
            deleted.append(p)
        except OSError:
            pass
    return deleted
