"""Split a pasted social-media feed into its posts.

A feed copied from X/Twitter (or a similar site) is a run of posts, each
under a header naming the account and the day it posted::

    Deir Ezzor 24
    @DeirEzzor24 · Jun 19, 2023
    An IED exploded near the town of Dhiban, killing two SDF members.
    12 Reposts  30 Likes  2.1K Views

A channel's messages copied from Telegram carry a header of their own
(``[12.03.2019 08:14] Channel Name:``, or ``Channel Name, [12.03.2019 08:14]``; the
apps also write ``[11/12/2018 14:05]``, ``[12 Nov 2018 at 14:05]`` and
``[Nov 12, 2018 at 2:05 PM]``)::

    [12.03.2019 08:14] Masyaf Today:
    Shells hit the town of Masyaf, wounding two people.

Each post is its own report: its own day (against which "last night" is
read) and its own outlet (the account).  :func:`split_feed` finds them; the
readers turn each into an article of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from .._calendar import MONTHS
from .meta import parse_date_string

__all__ = ["Post", "split_feed"]

_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
#: "@handle · Jun 19, 2023", "Name @handle · 19 Jun 2023", "@handle · 3h".
#: A post's day: "Jun 19, 2023", "19 Jun 2023", "Jun 19", "3h".
_WHEN = rf"{_MONTHS}\s+\d{{1,2}}(?:,\s*\d{{4}})?|\d{{1,2}}\s+{_MONTHS}(?:\s+\d{{4}})?|\d{{1,2}}\s*[smhd]"
_HEADER = re.compile(
    rf"^\s*(?P<name>[^@\n]{{0,60}}?)\s*\(?@(?P<handle>\w{{1,30}})\)?\s*[·•]\s*(?P<when>{_WHEN})\s*$",
    re.I,
)
#: "12 Reposts  30 Likes  2.1K Views": a post's counters.
COUNTERS = re.compile(
    r"^\s*(?:[\d.,]+\s*[KkMm]?\s+(?:reposts?|retweets?|likes?|views?|quotes?|replies|repl(?:y|ies)|bookmarks?"
    r"|comments?|shares?)\s*[·•|]?\s*)+$",
    re.I,
)


#: A display name on its own line: a few words, not a sentence of the post above ("Deir Ezzor 24").
_NAME_LINE = re.compile(r"^\s*(?=\S)(?!.*[.!?:#]\s*$)(?!(?:\S+\s+){6}\S)[^#\n]{1,60}$")
#: A header copied from the site line by line: "@handle", "·", "Jun 19, 2023".
_HANDLE_LINE = re.compile(r"^\s*@\w{1,30}\s*$")
_DOT_LINE = re.compile(r"^\s*[·•]\s*$")
_WHEN_LINE = re.compile(rf"^\s*(?:{_WHEN})\s*$", re.I)
#: The site's own words between and under posts: bare counters ("12", "1.2K"), "Quote", "Show more replies".
_CHROME = re.compile(
    r"^\s*(?:[\d.,]+\s*[KkMm]?|quote|show more(?: replies)?|show this thread|translate post|who to follow|"
    r"pinned|reposted|replying to(?:\s+@\w+)+|(?:terms of service|privacy policy|cookie policy|accessibility|ads info)"
    r"(?:\s+(?:terms of service|privacy policy|cookie policy|accessibility|ads info|more|©.*))*)\s*$",
    re.I,
)


def _join_headers(lines: list[str]) -> list[str]:
    """Put a header copied over several lines ("@handle" / "·" / "Jun 19, 2023") back on one."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        if _HANDLE_LINE.match(lines[i]):
            j = i + 1
            if j < len(lines) and _DOT_LINE.match(lines[j]):
                j += 1
            if j < len(lines) and _WHEN_LINE.match(lines[j]):
                out.append(f"{lines[i].strip()} · {lines[j].strip()}")
                i = j + 1
                continue
        out.append(lines[i])
        i += 1
    return out


@dataclass(frozen=True, slots=True)
class Post:
    """One post of a feed: the account's display name and handle, its day and its text.

    ``month_day`` is the header's ``--MM-DD`` when it gives no year ("Jun 19").
    ``written`` is the header's slashed date as written ("11/12/2018"): its day and
    month may read either way, which the reader says (as for an export's date).
    """

    name: str
    handle: str
    published: date | None
    month_day: str
    text: str
    written: str = ""


def _post_date(when: str) -> tuple[date | None, str]:
    """The day a header gives, or only its ``--MM-DD`` when it gives no year ("Jun 19").

    "3h" gives neither.

    >>> _post_date("Sept 3, 2019"), _post_date("3 Sept. 2019")[0], _post_date("Jun 19"), _post_date("3h")
    ((datetime.date(2019, 9, 3), ''), datetime.date(2019, 9, 3), (None, '--06-19'), (None, ''))
    """
    words = when.replace(",", " ").replace(".", " ").split()
    if len(words) not in (2, 3):
        return None, ""
    if words[0].isdigit():
        words[0], words[1] = words[1], words[0]  # "19 Jun 2023"
    month = MONTHS.get(words[0].lower())
    if month is None or not all(w.isdigit() for w in words[1:]):
        return None, ""
    try:
        if len(words) == 2:
            date(2000, month, int(words[1]))  # a real day (2000 has a 29 February)
            return None, f"--{month:02d}-{int(words[1]):02d}"
        return date(int(words[2]), month, int(words[1])), ""
    except ValueError:
        return None, ""


#: Telegram's day: "12.03.2019" (day first), "11/12/2018", "12 Nov 2018", "Nov 12, 2018", "Nov 12" (no year).
_TG_DAY = (
    r"\d{1,2}\.\d{1,2}\.(?:\d{4}|\d\d)|\d{1,2}/\d{1,2}/(?:\d{4}|\d\d)"
    rf"|{_MONTHS}\s+\d{{1,2}}(?:,\s*\d{{4}})?|\d{{1,2}}\s+{_MONTHS}(?:\s+\d{{4}})?"
)
#: Its day and time in brackets: "[12.03.2019 08:14]", "[12.03.19, 08:14:05]", "[Nov 12, 2018 at 2:05 PM]".
_TG_WHEN = rf"\[(?P<day>{_TG_DAY}),?\s+(?:at\s+)?\d{{1,2}}:\d\d(?::\d\d)?(?:\s*[AaPp]\.?[Mm]\.?)?\]"
_TG_NAME = r"(?P<name>[^\s\[\]:@][^\[\]:\n]{0,59}?)"
#: "[12.03.2019 08:14] Channel Name:" (the message may follow on the same line) or "Channel Name, [12.03.2019 08:14]".
#: A time alone, as Telegram copies the messages of the day: "[14:32]".
_TG_TIME = r"\[\d{1,2}:\d\d(?::\d\d)?(?:\s*[AaPp]\.?[Mm]\.?)?\]"
_TG_HEADERS = (
    re.compile(rf"^\s*{_TG_WHEN}\s*{_TG_NAME}\s*:(?P<rest>.*)$"),
    re.compile(rf"^\s*{_TG_NAME},\s*{_TG_WHEN}\s*$"),
    re.compile(rf"^\s*{_TG_TIME}\s*{_TG_NAME}\s*:(?P<rest>.*)$"),
    re.compile(rf"^\s*{_TG_NAME},\s*{_TG_TIME}\s*$"),
)
#: What Telegram puts in place of media ("[ Photo ]", "[ Album ]"), under a message (its views,
#: "↗️ Share", "💬 Comments") and over a forwarded one ("Forwarded from Deir Ezzor 24").
_TG_MEDIA = re.compile(
    r"^\s*(?:\[\s*(?:photo|video|album|sticker|file|gif|voice message|poll)\s*\]"
    r"|(?:(?:👁\ufe0f?|views?:?)\s*[\d.,]+\s*[KkMm]?\s*|↗\ufe0f?\s*share\s*|💬\s*comments?\s*|share\s*|edited\s*)+"
    r"|forwarded from\s+.{1,60})\s*$",
    re.I,
)
#: A header's day and time alone on its line, under the channel's name: "Daraa 24 News" / "[08.03.21 21:10]".
_TG_WHEN_LINE = re.compile(rf"^\s*{_TG_WHEN}\s*$")
#: A message under its day and time with no channel's name: "[14.03.2019 08:15] Shells hit Masyaf".
_TG_WHEN_MESSAGE = re.compile(rf"^\s*{_TG_WHEN}\s*(?P<rest>\S.*)$")
#: What opens a message and is no channel's name: "BREAKING:", "🔴 URGENT:", "RT @SOHR:".
_NEWS_TAG = re.compile(
    r"^(?:[^\w\s]+\s*)*(?:breaking(?: news)?|urgent|update[ds]?|just in|alert|developing|flash|exclusive|rt\s+@\w+)$",
    re.I,
)
#: The channel a paste names in its first lines: "copied from Telegram, channel @syria_frontline".
_PASTE_CHANNEL = re.compile(r"@(?P<handle>\w{2,30})")


def _telegram_day(when: str) -> tuple[date | None, str, str]:
    """A Telegram header's day, its ``--MM-DD`` when it gives no year, and a slashed date as written.

    A dotted date is day first, as Telegram writes it.  A slashed one is read as any
    slashed date is (:func:`~geomap.ingest.meta.parse_date_string`: month first, unless
    only the day-first reading exists) and comes back written out with its full year,
    so that the reader can say, as for an export's date, when it reads either way.

    >>> _telegram_day("12.03.19"), _telegram_day("11/12/18"), _telegram_day("25/11/2018")[0]
    ((datetime.date(2019, 3, 12), '', ''), (datetime.date(2018, 11, 12), '', '11/12/2018'), datetime.date(2018, 11, 25))
    >>> _telegram_day("Nov 12, 2018"), _telegram_day("Nov 12")
    ((datetime.date(2018, 11, 12), '', ''), (None, '--11-12', ''))
    """
    if m := re.fullmatch(r"(\d{1,2})[./](\d{1,2})[./](\d{4}|\d\d)", when):
        year = int(m[3]) + 2000 if len(m[3]) == 2 else int(m[3])
        if "/" in when:
            written = f"{m[1]}/{m[2]}/{year}"
            return parse_date_string(written), "", written
        try:
            return date(year, int(m[2]), int(m[1])), "", ""
        except ValueError:
            return None, "", ""
    return (*_post_date(when), "")


def _telegram_header(line: str) -> tuple[str, tuple[date | None, str, str], str] | None:
    """A Telegram header's channel, day (see :func:`_telegram_day`) and any message after it; ``None`` if it is none.

    >>> _telegram_header("[12.03.2019 08:14] Masyaf Today:")
    ('Masyaf Today', (datetime.date(2019, 3, 12), '', ''), '')
    >>> _telegram_header("Masyaf Today, [Mar 12, 2019 at 8:14 AM]")[:2], _telegram_header("[12.03.2019] Update: calm")
    (('Masyaf Today', (datetime.date(2019, 3, 12), '', '')), None)
    >>> _telegram_header("Masyaf Today, [14:32]")
    ('Masyaf Today', (None, '', ''), '')
    >>> _telegram_header("[12.03.2019 08:14] BREAKING: jets struck Ariha")
    ('', (datetime.date(2019, 3, 12), '', ''), 'BREAKING: jets struck Ariha')
    """
    m = next((m for rx in _TG_HEADERS if (m := rx.match(line))), None)
    if m is None and (alone := _TG_WHEN_LINE.match(line)) is not None:
        return "", _telegram_day(alone.group("day")), ""
    if (m is None or len(m.group("name").split()) > 6 or _NEWS_TAG.match(m.group("name").strip())) and (
        bare := _TG_WHEN_MESSAGE.match(line)
    ) is not None:
        # "[14.03.2019 08:15] BREAKING: jets struck Ariha": the message, with no channel's name.
        return "", _telegram_day(bare.group("day")), bare.group("rest").strip()
    if m is None or len(m.group("name").split()) > 6:
        return None
    day = _telegram_day(m.group("day")) if m.groupdict().get("day") else _NO_DAY
    return m.group("name").strip(), day, m.groupdict().get("rest", "").strip()


#: The day of a header that gives only the time (the paste's day before it stands).
_NO_DAY: tuple[date | None, str, str] = (None, "", "")


def _telegram_posts(lines: list[str]) -> list[Post]:
    """The messages of a Telegram paste: it opens with a header, or has two; else ``[]``."""
    heads = [(i, h) for i, line in enumerate(lines) if (h := _telegram_header(line)) is not None]
    named: list[tuple[int, tuple[str, tuple[date | None, str, str], str]]] = []
    for i, (name, when, rest) in heads:
        if not name and rest:
            named.append((i, ("", when, rest)))  # the paste's channel, if it names one (below)
        elif not name:
            # "[08.03.21 21:10]" alone: the channel's name is the line above it.
            above = i - 1 if i > 0 and lines[i - 1].strip() else -1
            if above < 0 or len(lines[above].split()) > 6 or _TG_MEDIA.match(lines[above]):
                continue
            named.append((above, (lines[above].strip(), when, rest)))
        else:
            named.append((i, (name, when, rest)))
    heads = named
    first_text = next((i for i, line in enumerate(lines) if line.strip()), 0)
    if not heads or (len(heads) < 2 and heads[0][0] != first_text):
        return []
    channel = next((c.group() for line in lines[: heads[0][0]] if (c := _PASTE_CHANNEL.search(line))), "")
    posts: list[Post] = []
    last = _NO_DAY
    for n, (i, (name, when, rest)) in enumerate(heads):
        # "Masyaf Today, [14:32]": copied with the messages of one day, it is the day of the
        # header before it (none before it: the post has no date, and says so).
        last = when if when is not _NO_DAY else last
        day, month_day, written = last
        end = heads[n + 1][0] if n + 1 < len(heads) else len(lines)
        if _TG_WHEN_LINE.match(lines[i + 1] if i + 1 < len(lines) else ""):
            i += 1  # the name's line, then the day's
        body = "\n".join([rest, *(line for line in lines[i + 1 : end] if not _TG_MEDIA.match(line))]).strip()
        if body:
            posts.append(Post(name or channel, "", day, month_day, body, written))
    return posts


def split_feed(text: str) -> list[Post]:
    """The posts of a pasted feed, or ``[]`` when ``text`` is not one.

    A text is a feed when at least two lines are post headers ("@handle ·
    date", or Telegram's "[12.03.2019 08:14] Channel:"), or when it opens with one.  A header's display name is the line
    above it when the header has none of its own.

    Examples
    --------
    >>> feed = ("Aleppo Desk\\n@AleppoDesk · Mar 2, 2021\\nShells hit Atarib.\\n4 Reposts 9 Likes\\n\\n"
    ...         "Idlib Now\\n@IdlibNow · Mar 1, 2021\\nJets struck Ariha.")
    >>> [(p.name, p.published.isoformat(), p.text) for p in split_feed(feed)]
    [('Aleppo Desk', '2021-03-02', 'Shells hit Atarib.'), ('Idlib Now', '2021-03-01', 'Jets struck Ariha.')]
    >>> split_feed("Shelling hit the town of Saraqib on Monday.")
    []
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if "[" in text and (telegram := _telegram_posts(lines)):
        # A paste may mix posts copied from X with the messages: before them, or in them.
        first = next(i for i, line in enumerate(lines) if _telegram_header(line) is not None)
        first -= 1 if first > 0 and _TG_WHEN_LINE.match(lines[first]) else 0  # the channel's name above
        before = _x_posts(lines[:first]) if "@" in text else []
        return before + [q for p in telegram for q in (_split_more(p, _x_posts) if "@" in p.text else [p])]
    if "@" not in text:
        return []
    return [q for p in _x_posts(lines) for q in (_split_more(p, _telegram_posts) if "[" in p.text else [p])]


def _split_more(post: Post, split: Callable[[list[str]], list[Post]]) -> list[Post]:
    """``post``, or its text's own lead and the posts of another kind of feed pasted into it."""
    lines = post.text.split("\n")
    cut = 1
    while cut < len(lines) and not (more := split(lines[cut:])):
        cut += 1
    if cut >= len(lines):
        return [post]
    # The first line of the posts pasted in (a display name above a header is theirs).
    while cut + 1 < len(lines) and split(lines[cut + 1 :]) == more:
        cut += 1
    lead = "\n".join(lines[:cut]).strip()
    return ([replace(post, text=lead)] if lead else []) + more


def _x_posts(lines: list[str]) -> list[Post]:
    """The posts of a feed copied from X: it opens with a header, or has two; else ``[]``."""
    lines = _join_headers(lines)
    heads = [i for i, line in enumerate(lines) if _HEADER.match(line)]
    first_text = next((i for i, line in enumerate(lines) if line.strip()), 0)
    if not heads or (len(heads) < 2 and heads[0] > first_text + 1):
        return []
    posts: list[Post] = []
    for n, i in enumerate(heads):
        m = _HEADER.match(lines[i])
        assert m is not None
        name = m.group("name").strip()
        end = heads[n + 1] if n + 1 < len(heads) else len(lines)
        nxt = _HEADER.match(lines[end]) if end < len(lines) else None
        if nxt is not None and not nxt.group("name").strip() and end - 1 > i and _NAME_LINE.match(lines[end - 1]):
            end -= 1  # the next post's display name, on the line above its header
        if not name and i > 0 and _NAME_LINE.match(lines[i - 1]) and (n == 0 or i - 1 > heads[n - 1]):
            name = lines[i - 1].strip()
        body = "\n".join(line for line in lines[i + 1 : end] if not (COUNTERS.match(line) or _CHROME.match(line)))
        body = body.strip()
        published, month_day = _post_date(m.group("when"))
        if body:
            posts.append(Post(name or f"@{m.group('handle')}", m.group("handle"), published, month_day, body))
    return posts
