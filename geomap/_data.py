"""Where geomap finds its bundled data and keeps its caches."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["cache_dir", "data_dir"]


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
