r"""Many regular expressions over one short text, fast, with ``re.finditer``'s answers.

Python's regex engine skips ahead in C only when a pattern starts with a
literal or a character set; a pattern that starts with ``\b`` or a
look-behind (``(?<![\w-])``) is tried at every position of the text.  Event
triggers and date expressions are such patterns, tried one after another on
every sentence, and that was most of the time spent on an article.

:class:`WordScan` runs a list of such patterns the fast way.  Each pattern is
wrapped as ``<separator>(<pattern>)``: the character before the match (one of
the ``separator`` set; the text is searched with a space in front) is consumed
instead of looked at, so the engine jumps from separator to separator.  One
pass of the union of all patterns first finds the separators where any of
them can match; each pattern is then tried only there.  The matches are
exactly those of ``pattern.finditer(text)`` provided every match of every
pattern starts right after a ``separator`` character or at the start of the
text, and no match ends with a separator character (true of patterns that
start with ``\b`` and a word character and end with ``\b`` or ``(?!\w)``;
use ``[^\w-]`` as the separator for a ``(?<![\w-])`` look-behind).  Patterns
must not use numbered back-references or repeat group names across the list.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["WordScan"]


class WordScan:
    r"""Patterns whose matches all start a word, scanned together.

    Parameters
    ----------
    patterns
        Compiled patterns (their flags are kept; ``re.I``, ``re.M``, ``re.S`` and ``re.X`` only).
    separator
        A one-character class every match follows (``r"\W"``, ``r"[^\w-]"``).

    Examples
    --------
    >>> rxs = [re.compile(r"\bair ?strikes?\b", re.I), re.compile(r"\bshell(?:ing|ed)\b", re.I)]
    >>> scan = WordScan(rxs, separator=r"\W")
    >>> [[hit[:3] for hit in hits] for hits in scan.matches("Airstrikes, then shelling.")]
    [[(0, 10, 'Airstrikes')], [(17, 25, 'shelling')]]
    """

    def __init__(self, patterns: Sequence[re.Pattern[str]], *, separator: str) -> None:
        self.patterns = list(patterns)
        self._rxs = [re.compile(f"{separator}({p.pattern})", p.flags) for p in self.patterns]
        union = "|".join(f"(?{_inline_flags(p.flags)}:{p.pattern})" for p in self.patterns)
        self._any = re.compile(f"{separator}(?=(?:{union}))")

    def matches(self, text: str) -> list[list[tuple[int, int, str, tuple[str | None, ...]]]]:
        """For each pattern, its ``finditer`` matches as ``(start, end, text, groups)``."""
        padded = " " + text
        starts = [m.start() for m in self._any.finditer(padded)]
        out: list[list[tuple[int, int, str, tuple[str | None, ...]]]] = []
        for rx in self._rxs:
            found: list[tuple[int, int, str, tuple[str | None, ...]]] = []
            resume = 0
            for pos in starts:
                if pos < resume:
                    continue
                m = rx.match(padded, pos)
                if m is None:
                    continue
                resume = m.end()
                found.append((m.start(1) - 1, m.end(1) - 1, m.group(1), m.groups()[1:]))
            out.append(found)
        return out


def _inline_flags(flags: int) -> str:
    """Return the scoped inline-flag letters of ``flags`` (``re.I | re.S`` gives ``"is"``)."""
    return "".join(c for flag, c in ((re.I, "i"), (re.M, "m"), (re.S, "s"), (re.X, "x")) if flags & flag)
