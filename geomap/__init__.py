"""geomap: conflict dispatches in, ACLED-style event records, GeoJSON and maps out.

The public surface mirrors the command line::

    import geomap
    result = geomap.run(["articles/"], out="output")
    events = geomap.text_to_events("On November 3rd, airstrikes hit Hajin...", published="2018-11-05")
"""

from __future__ import annotations

__version__ = "0.1.0"

from typing import TYPE_CHECKING, Any  # noqa: E402

from .errors import GeomapError, InputError  # noqa: E402
from .models import Article, Event, Mention, Place  # noqa: E402

if TYPE_CHECKING:
    from .gazetteer import load_gazetteer
    from .ingest import read_articles
    from .pipeline import RunResult, run, text_to_events

# The pipeline and what it loads are imported on first use, so that
# ``geomap --help`` and ``import geomap.cli`` stay quick.
_LAZY = {
    "load_gazetteer": "gazetteer",
    "read_articles": "ingest",
    "RunResult": "pipeline",
    "run": "pipeline",
    "text_to_events": "pipeline",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Article",
    "Event",
    "GeomapError",
    "InputError",
    "Mention",
    "Place",
    "RunResult",
    "__version__",
    "load_gazetteer",
    "read_articles",
    "run",
    "text_to_events",
]
