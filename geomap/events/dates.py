"""Event dates from the words of a sentence, resolved against the article's date.

Handles absolute dates ("5 November 2018", "November 3rd, 2018"), dates
without a year ("On November 3rd", "October 30th": the year comes from the
article's date, stepping back a year when the day would fall well after
publication, e.g. "December 30th" in a January article), weekdays ("on
Tuesday": the last such day on or before publication), holidays ("on New
Year's Eve": likewise), relative words ("yesterday", "last week", "this
week", "overnight"), and ranges.  With no
article date, a date without a year is written ``--MM-DD`` and flagged
``year-unknown``; nothing is invented.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .._calendar import MONTHS, NOT_A_DAY_AFTER, WEEKDAYS
from .._regex import WordScan
from .fatalities import word_number

__all__ = ["DateHit", "find_dates", "latest_day", "resolve_date", "resolve_from_month_day"]

_MONTHS = MONTHS
_WEEKDAYS = WEEKDAYS

_MON = r"(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?"
_ORD = r"(\d{1,2})(?:st|nd|rd|th)?"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "range_years",
        re.compile(
            r"\b(?:in the period )?(?:from|between) ((?:19|20)\d\d) (?:to|and|until|till) ((?:19|20)\d\d)\b", re.I
        ),
    ),
    ("iso", re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b|\b((?:19|20)\d\d)/(\d\d?)/(\d\d?)\b")),
    # "07/05/2019", "7.5.2019": day-first or month-first, told apart by the article's date.
    ("numeric", re.compile(r"\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)\b|\b(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\b")),
    # "on 30/12": a day and month without the year, read as "07/05/2019" is.
    ("numeric_dm", re.compile(r"\bon (\d{1,2})[/.](\d{1,2})\b(?![/.]\d)")),
    ("dmy", re.compile(r"\b" + _ORD + r"(?: of)? " + _MON + r",? ((?:19|20)\d\d)\b", re.I)),
    ("mdy", re.compile(r"\b" + _MON + r" " + _ORD + r",? ((?:19|20)\d\d)\b", re.I)),
    ("dm", re.compile(r"\b" + _ORD + r"(?: of)? " + _MON + r"(?! (?:19|20)\d\d)\b", re.I)),
    (
        "md",
        re.compile(
            r"\b" + _MON + r" " + _ORD + r"\b(?!,? (?:19|20)\d\d)" + NOT_A_DAY_AFTER,
            re.I,
        ),
    ),
    # "on New Year's Eve", "New Year's Day", "on Christmas Day": a day of the calendar without its year.
    ("holiday", re.compile(r"\b(?:on )?(new year['’]?s eve|new year['’]?s day|christmas eve|christmas day)\b", re.I)),
    (
        "weekday",
        re.compile(
            r"\b(?:on |last |this |early |late |since |overnight |until )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
            # "Wednesdays assault": a possessive whose apostrophe the scrape lost.
            r"(?:s(?= (?:attacks?|assault|raids?|strikes?|air ?strikes?|bombings?|blasts?|explosions?|shelling"
            r"|clashes|fighting|offensive|ambush|massacre|attack)\b))?"
            r"(?: (?:morning|evening|night|afternoon))?\b",
            re.I,
        ),
    ),
    (
        "yesterday",
        re.compile(
            r"\b(yesterday|the day before|overnight|last night|earlier today|(?<!ago )today|this morning|this afternoon|tonight|this evening)\b",
            re.I,
        ),
    ),
    (
        "ago",
        re.compile(
            r"\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) (days?|weeks?|months?) ago\b"
            r"|\b(?:on )?the (\d{1,2})(?:st|nd|rd|th)? of (this|last|the previous|the current) month\b"
            r"|\b(earlier this month|early this month|this month|last month|earlier last month|late last month"
            r"|the previous month|the past month)\b"
            # "on the 1st": the last such day of the month on or before the report.
            r"|\bon the ([1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b(?! of\b| (?:day|week|month|year|anniversary|floor)s?\b)",
            re.I,
        ),
    ),
    (
        "week",
        re.compile(
            r"\b((?:over|at|during) the weekend|this weekend|last weekend|this week|last week|earlier this week|past week|the previous week|last few days|past few days|recent days|past days|few days ago|days ago|the past 24 hours|past 48 hours)\b",
            re.I,
        ),
    ),
    (
        "same_day",
        re.compile(
            r"\b(on the same day|the same day|at the same time|on the same time|simultaneously|later that day|that day)\b",
            re.I,
        ),
    ),
    (
        "shift",
        re.compile(
            r"\b(a|one|two|three|four|five|six|seven|\d{1,2}) (days?|weeks?) (earlier|later|before|after)\b"
            r"|\b(?:on )?the (previous|preceding|next|following) (day|week)\b",
            re.I,
        ),
    ),
    ("month_year", re.compile(r"\b(?:in |since |early |late |mid-?\s?)" + _MON + r",? ((?:19|20)\d\d)\b", re.I)),
    ("year", re.compile(r"\b(?:in|since|during|throughout) ((?:19|20)\d\d)\b", re.I)),
    ("month", re.compile(r"\b(?:(?:in|since|early|late) |mid-?\s?)" + _MON + r"\b(?! \d)", re.I)),
]

#: The same patterns scanned together: the matches of each one's finditer, found faster.
_SCAN = WordScan([rx for _kind, rx in _PATTERNS], separator=r"\W")


@dataclass(frozen=True, slots=True)
class DateHit:
    """A date expression found in text: kind, span and its parts."""

    kind: str
    start: int
    end: int
    groups: tuple[str, ...]


def find_dates(sentence: str) -> list[DateHit]:
    """Date expressions in a sentence, in order, non-overlapping.

    Examples
    --------
    >>> [h.kind for h in find_dates("On November 3rd, jets struck; on Tuesday more followed.")]
    ['md', 'weekday']
    >>> [h.kind for h in find_dates("Protesters gathered on Friday, March 29.")]
    ['md']
    """
    hits: list[DateHit] = []
    taken: list[tuple[int, int]] = []
    for i, found in _SCAN.found(sentence):
        kind = _PATTERNS[i][0]
        for start, end, text, groups in found:
            if any(s < end and start < e for s, e in taken):
                continue
            taken.append((start, end))
            # "last Thursday" said on a Thursday is a week back: the word rides with the day.
            last = ("last",) if kind == "weekday" and text.lower().startswith("last ") else ()
            hits.append(DateHit(kind, start, end, tuple(g or "" for g in groups) + last))
    hits.sort(key=lambda h: h.start)
    # "on Friday, March 29": the weekday only names the day the date already gives.
    return [
        h
        for h, nxt in zip(hits, [*hits[1:], None], strict=False)
        if not (
            h.kind == "weekday"
            and nxt is not None
            and nxt.kind in _CALENDAR_KINDS
            and not sentence[h.end : nxt.start].strip(" ,.")
        )
    ]


_CALENDAR_KINDS = frozenset({"iso", "numeric", "numeric_dm", "dmy", "mdy", "dm", "md"})


def _month(s: str) -> int:
    return _MONTHS[s.lower().rstrip(".")]


def _with_year(month: int, day: int, ref: date) -> tuple[date, bool]:
    """The date in the article's year, or the year before when it would fall > 31 days after ``ref``."""
    d = date(ref.year, month, day)
    if (d - ref).days > 31:
        d = date(ref.year - 1, month, day)
    return d, True


def _numeric(hit: DateHit, published: date | None) -> tuple[str, int, str] | None:
    """Read "07/05/2019": the reading that exists; of two, the one nearest before the article's date.

    With no article date, a day and month that could be either are left alone.
    """
    g = hit.groups[:3] if hit.groups[0] else hit.groups[3:6]
    a, b, year = int(g[0]), int(g[1]), int(g[2])
    readings = []
    for day, month in ((a, b), (b, a)):
        try:
            readings.append(date(year, month, day))
        except ValueError:
            pass
    readings = list(dict.fromkeys(readings))
    if len(readings) == 1:
        return readings[0].isoformat(), 1, "exact"
    if not readings or published is None:
        return None
    return _nearest_before(readings, published).isoformat(), 1, "exact"


def _nearest_before(readings: list[date], published: date) -> date:
    """Of a date's readings, the one nearest the article's day, on or shortly before it (as a report's dates fall)."""
    return min(readings, key=lambda d: ((d - published).days > 1, abs((published - d).days)))


def _numeric_day_month(hit: DateHit, published: date | None) -> tuple[str, int, str] | None:
    """Read "on 30/12": the reading that exists; of two, the one nearest before the article's date.

    >>> h = DateHit("numeric_dm", 0, 8, ("30", "12"))
    >>> _numeric_day_month(h, date(2019, 1, 2)), _numeric_day_month(h, None)
    (('2018-12-30', 1, 'year-inferred'), ('--12-30', 1, 'year-unknown'))
    >>> _numeric_day_month(DateHit("numeric_dm", 0, 8, ("3", "12")), None) is None  # 3 Dec or 12 Mar
    True
    """
    a, b = int(hit.groups[0]), int(hit.groups[1])
    pairs = []
    for day, month in ((a, b), (b, a)):
        try:
            date(2000, month, day)
        except ValueError:
            continue
        if (month, day) not in pairs:
            pairs.append((month, day))
    if not pairs:
        return None
    if published is None:
        if len(pairs) > 1:
            return None
        month, day = pairs[0]
        return f"--{month:02d}-{day:02d}", 1, "year-unknown"
    readings = [_with_year(month, day, published)[0] for month, day in pairs]
    return _nearest_before(readings, published).isoformat(), 1, "year-inferred"


def _day_of(month: date, day: int) -> tuple[str, int, str] | None:
    """That day of the month, or ``None`` when the month is shorter ("the 31st of last month" in May)."""
    try:
        return month.replace(day=day).isoformat(), 1, "relative"
    except ValueError:
        return None


def _ago(hit: DateHit, published: date) -> tuple[str, int, str] | None:
    """Resolve "three days ago", "two weeks ago", "the 5th of this month", "on the 5th", "earlier this month", "last month"."""
    g = [x.lower() for x in hit.groups]
    if g[0]:
        n = word_number(g[0]) or 1
        if g[1].startswith("day"):
            return (published - timedelta(days=n)).isoformat(), 1, "relative"
        if g[1].startswith("week"):
            return (published - timedelta(days=7 * n)).isoformat(), 2, "approximate"
        first = date(published.year, published.month, 1)
        for _ in range(n):
            first = (first - timedelta(days=1)).replace(day=1)
        return first.replace(day=15).isoformat(), 3, "approximate"
    this_month = date(published.year, published.month, 1)
    last_month = (this_month - timedelta(days=1)).replace(day=1)
    if g[2]:
        month = this_month if g[3] in ("this", "the current") else last_month
        return _day_of(month, int(g[2]))
    if g[5]:
        day = int(g[5])
        return _day_of(this_month if day <= published.day else last_month, day)
    if "last" in g[4] or "previous" in g[4]:
        return last_month.replace(day=15).isoformat(), 3, "approximate"
    if g[4] == "the past month":
        return None
    # "earlier this month": between the month's first day and the report's.
    return this_month.replace(day=min(15, max(1, published.day // 2))).isoformat(), 3, "approximate"


#: The day and month of each holiday "holiday" finds.
_HOLIDAYS = {"new years eve": (12, 31), "new years day": (1, 1), "christmas eve": (12, 24), "christmas day": (12, 25)}


def _holiday(hit: DateHit, published: date | None) -> tuple[str, int, str]:
    """Resolve "New Year's Eve", "New Year's Day", "Christmas Day": the last such day on or before publication.

    As a weekday is: the report tells of the day that has passed, so New Year's Eve
    in a report of 1 January is the day before.  With no article date, the day and
    month alone (``--12-31``), year unknown.

    >>> _holiday(find_dates("shortly before midnight on New Year's Eve")[0], date(2018, 1, 1))
    ('2017-12-31', 1, 'relative')
    >>> _holiday(find_dates("on New Year's Day")[0], date(2018, 3, 2)), _holiday(find_dates("Christmas Day")[0], None)
    (('2018-01-01', 1, 'relative'), ('--12-25', 1, 'year-unknown'))
    """
    month, day = _HOLIDAYS[re.sub(r"['’]", "", hit.groups[0].lower())]
    month_day = f"--{month:02d}-{day:02d}"
    if published is None:
        return month_day, 1, "year-unknown"
    return latest_day(month_day, published).isoformat(), 1, "relative"


def _shifted(hit: DateHit, previous: str | None) -> tuple[str, int, str] | None:
    """Count "a day earlier", "two days later", "the next day" from the day reported before."""
    if not previous:
        return None
    g = [x.lower() for x in hit.groups]
    if g[0]:
        n = word_number(g[0]) or 1
        unit, sign = g[1], (-1 if g[2] in ("earlier", "before") else 1)
    else:
        n, unit, sign = 1, g[4], (-1 if g[3] in ("previous", "preceding") else 1)
    days = n * (7 if unit.startswith("week") else 1) * sign
    precision = 2 if unit.startswith("week") else 1
    if previous.startswith("--"):
        # No year known: count in a leap year, and keep the year unknown.
        d = _in_leap_year(previous) + timedelta(days=days)
        return f"--{d.month:02d}-{d.day:02d}", precision, "year-unknown"
    return (date.fromisoformat(previous) + timedelta(days=days)).isoformat(), precision, "carried"


def _in_leap_year(month_day: str) -> date:
    """A ``--MM-DD`` as a day of 2000, a leap year, for counting days when the year is unknown."""
    return date.fromisoformat("2000" + month_day[1:])


def resolve_from_month_day(hit: DateHit, month_day: str) -> tuple[str, int, str] | None:
    """Count a relative day from a day whose year is unknown: "yesterday" in a post headed "Jun 19".

    >>> resolve_from_month_day(find_dates("yesterday")[0], "--01-01")
    ('--12-31', 1, 'year-unknown')
    """
    r = resolve_date(hit, _in_leap_year(month_day))
    if r is None or r[2] != "relative" or not r[0][:4].isdigit():
        return None
    return "--" + r[0][5:], r[1], "year-unknown"


def latest_day(month_day: str, reference: date) -> date:
    """The last day on or before ``reference`` with this ``--MM-DD``.

    >>> latest_day("--06-19", date(2021, 8, 1)), latest_day("--12-30", date(2021, 1, 4))
    (datetime.date(2021, 6, 19), datetime.date(2020, 12, 30))
    >>> latest_day("--02-29", date(2021, 3, 1))
    datetime.date(2020, 2, 29)
    """
    month, day = int(month_day[2:4]), int(month_day[5:7])
    for year in range(reference.year, reference.year - 9, -1):
        try:
            found = date(year, month, day)
        except ValueError:
            continue  # 29 February in a common year
        if found <= reference:
            return found
    raise ValueError(f"no day {month_day!r} before {reference}")


def resolve_date(hit: DateHit, published: date | None, previous: str | None = None) -> tuple[str, int, str] | None:
    """Turn a hit into ``(event_date, time_precision, flag)``; ``None`` if it is no single date.

    ``event_date`` is ``YYYY-MM-DD`` or ``--MM-DD`` (year unknown); flags are
    ``exact``, ``year-inferred``, ``year-unknown``, ``relative``, ``approximate``,
    ``history`` (a date range or a year long before publication, not an
    incident date) and ``carried`` (taken from the previous event).

    Examples
    --------
    >>> resolve_date(find_dates("On December 30th")[0], date(2019, 1, 3))
    ('2018-12-30', 1, 'year-inferred')
    >>> resolve_date(find_dates("on Tuesday")[0], date(2018, 11, 8))
    ('2018-11-06', 1, 'relative')
    >>> resolve_date(find_dates("On October 12th")[0], None)
    ('--10-12', 1, 'year-unknown')
    >>> resolve_date(find_dates("three days ago")[0], date(2018, 11, 8))
    ('2018-11-05', 1, 'relative')
    >>> resolve_date(find_dates("on 07/11/2018")[0], date(2018, 11, 8)), resolve_date(find_dates("on 07/11/2018")[0], None)
    (('2018-11-07', 1, 'exact'), None)
    """
    try:
        return _resolve_date(hit, published, previous)
    except (OverflowError, ValueError):
        return None  # no such day, or one before year 1 / after 9999


def _resolve_date(hit: DateHit, published: date | None, previous: str | None) -> tuple[str, int, str] | None:
    g = hit.groups
    try:
        if hit.kind == "iso":
            ymd = g[:3] if g[0] else g[3:6]
            return date(int(ymd[0]), int(ymd[1]), int(ymd[2])).isoformat(), 1, "exact"
        if hit.kind == "numeric":
            return _numeric(hit, published)
        if hit.kind == "numeric_dm":
            return _numeric_day_month(hit, published)
        if hit.kind == "dmy":
            return date(int(g[2]), _month(g[1]), int(g[0])).isoformat(), 1, "exact"
        if hit.kind == "mdy":
            return date(int(g[2]), _month(g[0]), int(g[1])).isoformat(), 1, "exact"
        if hit.kind in ("dm", "md"):
            month, day = (_month(g[1]), int(g[0])) if hit.kind == "dm" else (_month(g[0]), int(g[1]))
            date(2000, month, day)  # validates (2000 is a leap year)
            if published is None:
                return f"--{month:02d}-{day:02d}", 1, "year-unknown"
            d, _ = _with_year(month, day, published)
            return d.isoformat(), 1, "year-inferred"
    except ValueError:
        return None
    if hit.kind == "range_years":
        return None
    if hit.kind in ("year", "month_year"):
        year = int(g[-1])
        if published is not None and published.year - year >= 1:
            return None
        if hit.kind == "month_year":
            return date(year, _month(g[0]), 15).isoformat(), 3, "approximate"
        return None
    if hit.kind == "month":
        if published is None:
            return None
        month = _month(g[0])
        d, _ = _with_year(month, 15, published)
        if d.month == published.month and d.year == published.year:
            return None
        return d.isoformat(), 3, "approximate"
    if hit.kind == "shift":
        return _shifted(hit, previous)
    if hit.kind == "holiday":
        return _holiday(hit, published)
    if published is None:
        if hit.kind == "same_day" and previous:
            return previous, 1, "carried"
        return None
    if hit.kind == "ago":
        return _ago(hit, published)
    if hit.kind == "weekday":
        wd = _WEEKDAYS[g[0].lower()]
        delta = (published.weekday() - wd) % 7
        if delta == 0 and g[-1] == "last":
            delta = 7
        return (published - timedelta(days=delta)).isoformat(), 1, "relative"
    if hit.kind == "yesterday":
        word = g[0].lower()
        if word in ("yesterday", "the day before", "last night"):
            return (published - timedelta(days=1)).isoformat(), 1, "relative"
        if word == "overnight":
            return (published - timedelta(days=1)).isoformat(), 2, "relative"
        return published.isoformat(), 1, "relative"
    if hit.kind == "week":
        word = g[0].lower()
        if word in ("last week", "the previous week"):
            return (published - timedelta(days=7)).isoformat(), 2, "approximate"
        if word.endswith("weekend"):
            # The Saturday of the weekend just gone (or under way).
            back = (published.weekday() - 5) % 7
            return (published - timedelta(days=back)).isoformat(), 2, "approximate"
        if word.endswith("hours"):
            # "over the past 24 hours" runs up to the report: its day, or the day before for 48.
            back = 0 if word.endswith("24 hours") else 1
            return (published - timedelta(days=back)).isoformat(), 2, "approximate"
        return (published - timedelta(days=2)).isoformat(), 2, "approximate"
    if hit.kind == "same_day":
        return (previous, 1, "carried") if previous else None
    return None
