"""What every CSV reader here shares: the delimiter a header says, and a quote left open."""

from __future__ import annotations

import csv
import io

__all__ = ["OpenQuote", "sniff_delimiter"]


def sniff_delimiter(first_line: str) -> str:
    r"""The delimiter a header line uses: "," unless it is ";"- or tab-separated.

    Spreadsheets in many locales save ";"-separated "CSV"; some exports use tabs.

    >>> sniff_delimiter("id;title;text"), sniff_delimiter("id\ttitle"), sniff_delimiter("place")
    (';', '\t', ',')
    """
    return max(",;\t", key=first_line.count) if any(c in first_line for c in ",;\t") else ","


class OpenQuote:
    r"""Finds the row whose quoted cell is never closed.

    With an odd number of quote characters in the text, the csv module reads
    from the open quote to the end of the file as one row: a row that starts
    on one line and ends on the file's last is that row.

    >>> text = 'a,b\n1,"open\n2,3\n'
    >>> OpenQuote(text).runs_off(2, 3), OpenQuote(text).runs_off(2, 2)
    (True, False)
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.possible = text.count('"') % 2 == 1
        self.last_line = text.count("\n") + (0 if text.endswith("\n") else 1)
        self._lines: list[str] | None = None

    def runs_off(self, first_line: int, last_line: int) -> bool:
        """Whether the row read from ``first_line`` to ``last_line`` ran to the end from an open quote."""
        return self.possible and last_line >= self.last_line and last_line > first_line

    def swallows(self, first_line: int, last_line: int, delimiter: str = ",") -> bool:
        r"""Whether the row read from ``first_line`` to ``last_line`` took in rows after an open quote.

        The quote left open on the first line is "closed" by the opening quote
        of a later row's cell, which is then followed by that cell's text, not
        by a delimiter: read strictly, the lines are no CSV.  A cell that truly
        spans lines ends in a quote and a delimiter.

        >>> text = 'id,text,day\n1,"open,2019\n2,"next",2019\n3,"two\nlines",2019\n'
        >>> OpenQuote(text).swallows(2, 3), OpenQuote(text).swallows(4, 5)
        (True, False)
        """
        if last_line <= first_line:
            return False
        if self._lines is None:
            # Split as the csv module sees lines ("\r" ends one too), ends kept.
            self._lines = io.StringIO(self.text, newline="").readlines()
        lines = self._lines[first_line - 1 : last_line]
        if not lines or lines[0].count('"') % 2 == 0:
            return False
        try:
            for _row in csv.reader(io.StringIO("".join(lines), newline=""), delimiter=delimiter, strict=True):
                pass
        except csv.Error:
            return True
        return False
