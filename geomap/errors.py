"""Exceptions raised by geomap.

Every error geomap raises on purpose derives from :class:`GeomapError`; each
subclass also inherits the builtin it resembles, so callers that already catch
``ValueError`` or ``OSError`` keep working (the geopy ``exc`` pattern).
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "ExportError",
    "GazetteerError",
    "GeocoderError",
    "GeomapError",
    "InputError",
]


class GeomapError(Exception):
    """Root of every error geomap raises on purpose."""


class InputError(GeomapError, ValueError):
    """An input file (or one record in it) cannot be read.

    Parameters
    ----------
    path
        The file that was being read.
    message
        What was wrong and, where possible, how to fix it.
    line
        1-based line (or record) number, when the problem is local to one line.
    """

    def __init__(self, path: str | Path, message: str, *, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.reason = message
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {message}")


class GazetteerError(GeomapError, ValueError):
    """A gazetteer layer, import or patch file is malformed."""


class GeocoderError(GeomapError, RuntimeError):
    """The opt-in online geocoder failed or is misconfigured."""


class ExportError(GeomapError, OSError):
    """An output file could not be written."""
