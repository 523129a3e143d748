"""geomap: conflict dispatches in, ACLED-style event records, GeoJSON and maps out.

The public surface mirrors the command line::

    import geomap
    result = geomap.run(["articles/"], out="output")
    events = geomap.text_to_events("On November 3rd, airstrikes hit Hajin...", published="2018-11-05")
"""

from __future__ import annotations

__version__ = "0.1.0"

from .errors import GeomapError, InputError  # noqa: E402
from .gazetteer import load_gazetteer  # noqa: E402
from .ingest import read_articles  # noqa: E402
from .models import Article, Event, Mention, Place  # noqa: E402
from .pipeline import RunResult, run, text_to_events  # noqa: E402

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
