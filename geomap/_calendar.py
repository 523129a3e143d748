"""Month and weekday names as news text writes them (shared by ingest, dates and readers)."""

from __future__ import annotations

__all__ = ["MONTHS", "NOT_A_DAY_AFTER", "WEEKDAYS"]

#: Full and abbreviated English month names, lower-case, to month numbers.
MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}

#: Weekday names, lower-case, to ``date.weekday()`` numbers.
WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}

#: A lookahead for just after "March 4": the words that make the 4 a count, not a day
#: ("in May 12 people died", "March 4 killed"), unless a count of its own follows the
#: verb ("on March 4 killed 3": the 4 is the day and the 3 the dead).
NOT_A_DAY_AFTER = (
    r"(?!\s+(?:km|kilomet|people|persons|civilians|soldiers|children|fighters|members|militants)\b)"
    r"(?!\s+(?:killed|dead)\b(?!\s+(?:at\s+least\s+|up\s+to\s+|some\s+|about\s+|nearly\s+|over\s+|more\s+than\s+)?"
    r"(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|scores|hundreds|an?\s)))"
)
