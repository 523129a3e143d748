"""Exceptions raised by geomap.

Every error geomap raises on purpose derives from :class:`GeomapError`; each
subclass also inherits the builtin it resembles, so callers that already catch
``ValueError`` or ``OSError`` keep working (the geopy ``exc`` pattern).
"""

from __future__ import annotations

import re
from pathlib import Path

__all__ = [
    "ExportError",
    "GazetteerError",
    "GeocoderError",
    "GeomapError",
    "InputError",
    "stopped",
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


#: How a problem's message says what was done about it when the run goes on.
_SKIPPED = re.compile(
    r"; (?:that )?(?:row|record|line|file|patch file|article)(?: was)? skipped(?: and the lines after it read again)?$"
)


def stopped(problem: InputError, outcome: str = "run stopped (--strict)") -> InputError:
    """The problem as ``--strict`` reports it: the run stopped there, nothing was skipped.

    ``outcome`` says what happened instead, for commands that stop by default.

    Examples
    --------
    >>> str(stopped(InputError("a.csv", "bad date; row skipped", line=4)))
    'a.csv:4: bad date; run stopped (--strict)'
    >>> str(stopped(InputError("a.csv", "bad date; row skipped", line=4), "pass --skip-bad to skip it"))
    'a.csv:4: bad date; pass --skip-bad to skip it'
    """
    reason = _SKIPPED.sub("", problem.reason)
    return InputError(problem.path, f"{reason}; {outcome}", line=problem.line)


class GazetteerError(GeomapError, ValueError):
    """A gazetteer layer, import or patch file is malformed."""


class GeocoderError(GeomapError, RuntimeError):
    """The opt-in online geocoder failed or is misconfigured."""


class ExportError(GeomapError, OSError):
    """An output file could not be written."""
