"""Title, publication date and outlet from the top of a scraped page."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, timezone

from .._calendar import MONTHS

__all__ = [
    "find_outlet",
    "find_published",
    "find_title",
    "parse_date_string",
    "site_headline",
    "site_only_title",
    "split_site_suffix",
]

_MONTHS = MONTHS
_MON = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DOW = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_DATE_RES = [
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)(?!\d)"),
    re.compile(
        _DOW + r"(?<![\w])(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MON + r",?\s+(?P<y>(?:19|20)\d\d)\b", re.I
    ),
    re.compile(_DOW + r"\b" + _MON + r"\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
    # "01/14/2021" month first; "14/01/2021", "25/11/2018" day first, the only reading there is.
    re.compile(r"(?<![\d/])(?P<m>[0-3]?\d)/(?P<d>[0-3]?\d)/(?P<y>(?:19|20)\d\d)(?![\d/])"),
    # "24.08.2013", "05-09-2013": day first, as European and Middle Eastern sites write it.
    re.compile(r"(?<![\d.:/-])(?P<d>[0-3]?\d)[.-](?P<m>[01]?\d)[.-](?P<y>(?:19|20)\d\d)(?![\d])"),
    # "2020/03/05", "2020.03.05": year first.
    re.compile(r"(?<![\d.:/-])(?P<y>(?:19|20)\d\d)[/.](?P<m>[01]?\d)[/.](?P<d>[0-3]?\d)(?![\d])"),
    # "Apr 232017": day and year run together by a scraper.
    re.compile(r"\b" + _MON + r"\s+(?P<d>[0-3]?\d)(?P<y>20[0-3]\d)\b", re.I),
]
_REPOST = re.compile(r"^\s*(?:global research\s*,|(?:re-?posted|republished|reprinted)\b)", re.I)
_KNOWN_OUTLETS = (
    "Zero Hedge",
    "South Front",
    "Global Research",
    "Reuters",
    "AFP",
    "Al Masdar News",
    "Al-Masdar News",
    "SANA",
    "Syrian Observatory for Human Rights",
    "Sputnik",
    "RT",
    "TASS",
    "Al Jazeera",
    "Al-Monitor",
    "Enab Baladi",
    "North Press",
    "North Press Agency",
    "Syria Direct",
    "Euphrates Post",
    "Deir ez-Zor 24",
    "Step News Agency",
    "SMART News Agency",
    "Hawar News Agency",
    "Syria TV",
    "Middle East Eye",
    "The Washington Post",
    "The Jerusalem Post",
    "The Guardian",
    "BBC",
    "Associated Press",
    "Anadolu Agency",
    "Press TV",
    "Asharq Al-Awsat",
    "The National",
    "Syria Direct",
    "Kurdistan 24",
    "Rudaw",
    "Hawar News",
    "North Press Agency",
)


def parse_date_string(text: str) -> date | None:
    """Parse the first calendar date (with a year) in ``text``.

    Examples
    --------
    >>> parse_date_string("Global Research, November 06, 2018")
    datetime.date(2018, 11, 6)
    >>> parse_date_string("Wed 05 Apr 2017"), parse_date_string(" date 2020-04-15 DONATE")
    (datetime.date(2017, 4, 5), datetime.date(2020, 4, 15))
    >>> parse_date_string("24.08.2013 Syrian state media"), parse_date_string("05-09-2013 Damascus")
    (datetime.date(2013, 8, 24), datetime.date(2013, 9, 5))
    >>> parse_date_string("01/14/2021"), parse_date_string("25/01/2021"), parse_date_string("03/04/2021")
    (datetime.date(2021, 1, 14), datetime.date(2021, 1, 25), datetime.date(2021, 3, 4))
    """
    found = _first_date(text)
    return found[1] if found else None


def _first_date(text: str) -> tuple[int, date] | None:
    """The first calendar date with a year in ``text``, and where it starts."""
    best: tuple[int, date] | None = None
    for rx in _DATE_RES:
        for m in rx.finditer(text):
            g = m.groupdict()
            try:
                month = _MONTHS[g["mon"].lower().rstrip(".")] if g.get("mon") else int(g["m"])
                day = int(g["d"])
                if "/" in m.group() and month > 12 >= day:
                    month, day = day, month  # "14/01/2021": day first, the only reading there is
                d = date(int(g["y"]), month, day)
            except (ValueError, KeyError):
                continue
            if best is None or m.start() < best[0]:
                best = (m.start(), d)
            break
    return best


def _header_lines(text: str, limit: int = 25) -> list[str]:
    """Short lines before the body starts (where bylines and datelines live)."""
    out: list[str] = []
    for line in text.split("\n"):
        s = line.strip()
        if not s:
            continue
        out.append(s)
        if len(out) >= limit:
            break
    return out


_SLASHED = re.compile(r"(?<![\d/])(?P<a>[01]?\d)/(?P<b>[01]?\d)/(?P<y>(?:19|20)\d\d)(?![\d/])")


def other_reading(line: str, found: date, text: str) -> tuple[date, str] | None:
    """For a header's "12/03/2019", the day-first reading when the article's words favour it.

    A slashed date whose two numbers are both months reads either way; the
    month-first reading is the default.  The day-first one is taken when the
    text names its month ("... in March") and not the other's.  Returns the
    date to use and a warning; ``None`` when the header's date is not ambiguous.

    >>> other_reading("12/03/2019", date(2019, 12, 3), "Jets struck Ariha on 11 March.")[0]
    datetime.date(2019, 3, 12)
    """
    m = _SLASHED.search(line)
    if m is None:
        return None
    a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("y"))
    if a == b or not (1 <= a <= 12 and 1 <= b <= 12) or found != date(year, a, b):
        return None
    alt = date(year, b, a)
    # Full month names, capitalised ("May", not "may"; not "Mar" or "Sept").
    names = {k.capitalize(): v for k, v in _MONTHS.items() if len(k) > 3 or k == "may"}
    said = {v for k, v in names.items() if re.search(rf"\b{k}\b", text)}
    if alt.month in said and found.month not in said:
        note = f"publication date {m.group()!r} reads either way; the text's months make it {alt.isoformat()}"
        return alt, note
    note = f"publication date {m.group()!r} reads either way; read month first as {found.isoformat()}"
    return found, note


_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_EPOCH = re.compile(r"\s*(\d{9,10}|\d{12,13})(?:\.\d+)?\s*")
_SHORT_YEAR = re.compile(r"\s*(?P<m>[0-3]?\d)/(?P<d>[0-3]?\d)/(?P<yy>\d\d)\s*")


def _declared_date(declared: str) -> date | None:
    """A date field's value as exports write it.

    ISO, "5 March 2020", "2020/03/05", Arabic-Indic digits, Unix seconds or
    milliseconds, "3/5/20" (month first).

    >>> _declared_date("٢٠٢٠-٠٣-٠٣"), _declared_date("1583229600"), _declared_date("3/5/20")
    (datetime.date(2020, 3, 3), datetime.date(2020, 3, 3), datetime.date(2020, 3, 5))
    """
    value = declared.translate(_ARABIC_DIGITS)
    d = parse_date_string(value)
    if d is not None:
        return d
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()
    except ValueError:
        pass
    if m := _EPOCH.fullmatch(value):
        seconds = int(m.group(1)) / (1000 if len(m.group(1)) > 10 else 1)
        if 946_684_800 <= seconds <= 4_102_444_800:  # 2000 to 2100: a timestamp, not an id
            return datetime.fromtimestamp(seconds, tz=timezone.utc).date()
    if m := _SHORT_YEAR.fullmatch(value):
        month, day = int(m["m"]), int(m["d"])
        if month > 12 >= day:
            month, day = day, month
        try:
            return date(2000 + int(m["yy"]), month, day)
        except ValueError:
            return None
    return None


def _dates_the_page(line: str, at: int) -> bool:
    """Whether a date found in a header line can be the page's date.

    A short line ("Global Research, November 06, 2018", "By Sarah Post | 3 March 2021")
    or a date that opens the line ("Monday 21 November 2016 Jets struck ...", "DAMASCUS,
    3 March 2021 (SANA) -") can; a date deep inside a sentence of the story ("... the site
    of a chemical attack on April 4, 2017 that killed ...") is an event's, never the page's.
    """
    return len(line) <= 100 or at <= 40 or bool(_LABEL_BEFORE.search(line, 0, at))


#: A label right before a date in a long line: "... Published: 3 March 2021".
_LABEL_BEFORE = re.compile(r"\b(?:published|posted|updated|dated?)\s*(?:on|:|-|–)?\s*$", re.I)


def find_published(text: str, declared: str = "", notes: list[str] | None = None) -> date | None:
    """The publication date: a declared value (HTML meta, JSON field), else a dateline.

    Only the page's header (the lines before the first long paragraph, and
    the first 120 characters of the body) is searched, so an event date
    inside the story is never taken for the publication date.
    """
    if declared:
        d = _declared_date(declared)
        if d is not None:
            other = other_reading(declared, d, text)
            if other is not None:
                # "12/03/2019" in an export's published column: which reading the text favours.
                if notes is not None:
                    notes.append(other[1])
                return other[0]
            return d
    head: list[str] = []
    for line in _header_lines(text):
        if len(line) > 220:
            head.append(line[:120])
            break
        head.append(line)
    dated = [
        (line, found[1])
        for line in head
        if (found := _first_date(line)) is not None and _dates_the_page(line, found[0])
    ]
    if not dated:
        # A labelled date at the foot of the page ("Published: 15 March 2021").
        for line in reversed(text.rstrip().split("\n")[-8:]):
            m = _LABELLED_DATE.match(line.strip())
            if m and (d := parse_date_string(m.group(1))) is not None:
                return d
        return None
    line, first = dated[0]
    other = other_reading(line, first, text)
    if other is not None:
        # "12/03/2019": which of 12 March and 3 December the article's own words favour.
        if notes is not None:
            notes.append(other[1])
        dated[0] = (line, other[0])
    # A repost ("Global Research, November 06, 2018" above "South Front 5
    # November 2018"): the original outlet's date is when the text was
    # written, so relative dates ("on Sunday") resolve against it.
    reposts = [d for line, d in dated if _REPOST.match(line)]
    if reposts:
        originals = [d for line, d in dated if not _REPOST.match(line) and d <= reposts[0]]
        if originals:
            return originals[0]
    return dated[0][1]


#: The words that label a page's date ("Published: ...", "Posted on ...").
_DATE_LABEL = r"published|posted|updated|last updated"
_LABELLED_DATE = re.compile(rf"^(?:first\s+)?(?:{_DATE_LABEL}|date|dated)\s*(?:on|:|-|–)?\s*(.{{6,40}})$", re.I)
#: The separators of a site's banner: "SANA - Syrian Arab News Agency", "France 24 | Middle East".
_BANNER_SEP = re.compile(r"\s+[-–—|·•:]\s+")
#: Words of a site's banner ("Syrian Arab News Agency", "Ministry of Defence"). Narrower than
#: _OUTLET_WORD: "front", "group" or "watch" stand in headlines too ("Notes From the Front Line").
_SITE_WORD = re.compile(
    r"\b(?:news|agency|observatory|ministry|federation|republic|network|media|press|times|post|daily|radio|tv|"
    r"channel|report|monitor|online|magazine|analysis|opinion|section)\b",
    re.I,
)


def _banner(line: str) -> bool:
    """Whether a header line is the site's name or section, not a headline."""
    parts = [p for p in _BANNER_SEP.split(line.strip()) if p]
    if len(parts) > 1 and all(len(p.split()) <= 4 for p in parts):
        return True  # "France 24 - Middle East", "The Syria Report - Analysis"
    words = line.split()
    if len(words) <= 6 and re.fullmatch(r"[^()]{2,40}\(([^()]{2,40})\)", line.strip()):
        return True  # "RIA Novosti (English translation)", "Syria Watch (Idlib desk)"
    return len(words) <= 8 and bool(_SITE_WORD.search(line)) and _title_case(words) and not _VERBISH.search(line)


#: Words a headline has and a site's name does not ("kills", "strike", "clash"...).
_VERBISH = re.compile(
    r"\b(?:kill\w*|dead|die[sd]?|strikes?|struck|hits?|shell\w*|bomb\w*|clash\w*|attack\w*|arrest\w*|"
    r"captur\w*|seiz\w*|says?|said|warns?|protest\w*|explo\w*|blast|raids?|ambush\w*|wound\w*|injur\w*|"
    r"battl\w*|fight\w*)\b",
    re.I,
)


def _headline(line: str, *, min_words: int = 4) -> str:
    """``line`` as a headline, or "" when it does not read like one."""
    s = line.strip(" #*")
    words = s.split()
    if len(words) < min_words or len(s) > 250:
        return ""
    if parse_date_string(s) is not None and len(words) < 8:
        return ""
    if re.match(r"^(by|region|theme|in-depth report|published|posted|search|menu|skip to|sign in|log in)\b", s, re.I):
        return ""
    if re.search(r"\s(?:and|or|but|the|of|in|on|to|a|an|with|by|for|at|from|that|which|who|as|its|their),?$", s, re.I):
        return ""  # the first line of a hard-wrapped paragraph, cut mid-sentence
    if "|" in s and max(len(part.split()) for part in s.split("|")) < min_words:
        return ""  # a menu or a language switcher ("Search... العربية | Türkçe"), not a headline
    if (s.endswith(".") and not s.endswith("..")) or (
        any(not _ABBREVIATION.search(s, 0, m.start() + 2) for m in _SENTENCE_BREAK.finditer(s))
        and not _title_case(words)
    ):
        # A sentence of the body, not a headline (headlines carry no full stop, nor two
        # sentences in sentence case); taking it for one would hide its event (events
        # skip the title).
        return ""
    return s


_SENTENCE_BREAK = re.compile(r"[a-z\d)][.!?]\s+[A-Z\d]")
#: Abbreviations that end in a full stop inside a headline ("Mt. Hermon", "Gen. Hassan", "Jan. 5").
_ABBREVIATION = re.compile(
    r"\b(?:mt|gen|col|lt|maj|capt|brig|sgt|dr|st|no|vs|mr|mrs|ms|prof|gov|sen|rep|jan|feb|mar|apr|jun|jul|aug|"
    r"sept?|oct|nov|dec|[a-z])\.$",
    re.I,
)


def _title_case(words: list[str]) -> bool:
    """Whether most longer words are capitalised ("Warplanes Return to the Skies over Hajin")."""
    long = [w for w in words if len(w) > 3 and w[:1].isalpha()]
    return bool(long) and sum(w[0].isupper() for w in long) >= 0.6 * len(long)


def find_title(text: str, *, raw: str = "") -> str:
    r"""Return the headline: the line above the "By ..." byline, else the first headline-like line.

    ``text`` is the cleaned body; ``raw`` (the page before cleaning, which
    still has its byline) lets a site-name line above the headline be skipped.

    Examples
    --------
    >>> find_title("Daily Monitor | all the news\n\nJets Strike Hajin Again Today", raw=(
    ...     "Daily Monitor | all the news\n\nJets Strike Hajin Again Today\nBy Daily Monitor"))
    'Jets Strike Hajin Again Today'
    >>> find_title("Arrests in Masyaf\n05/04/2019\n\nSecurity forces arrested 8 people on Monday.")
    'Arrests in Masyaf'
    """
    body_lines = {line.strip() for line in text.split("\n")}
    head = _header_lines(raw, 20) if raw else []
    for i, line in enumerate(head):
        if re.match(r"^\W{0,3}by\s+[A-Z]", line, re.I):
            for prev in reversed(head[:i]):
                if prev in body_lines and (title := _headline(prev, min_words=2)):
                    return title
            break
    found = [title for line in _header_lines(text, 12) if (title := _headline(line))]
    # The site's banner gives way to a headline below it.
    if found:
        return next((t for t in found if not _banner(t)), "")
    # A short headline ("Saraqib bombed") standing alone above the body, or above its date.
    m = re.match(r"\s*([^\n]+)\n[ \t]*\n", text)
    if m is None and (dated := re.match(r"\s*([^\n]+)\n([^\n]{6,40})\n[ \t]*\n", text)):
        m = dated if parse_date_string(dated.group(2)) is not None else None
    if m is None and (tight := re.match(r"\s*([^\n]{3,90})\n([^\n]{40,})", text)):
        # "Hama shelling" right above a paragraph, no blank line between: a headline when
        # much shorter than the paragraph's line (a hard-wrapped body's lines are alike).
        second = tight.group(2).rstrip()
        if len(tight.group(1).strip()) < 0.6 * len(second) and second[-1:] in '.!?"”':
            m = tight
    if (
        m
        and (title := _headline(m.group(1), min_words=2))
        and title[0].isupper()
        and "(" not in title
        and any(w[:1].islower() for w in title.split()[1:])  # "Euphrates Desk" is a byline
    ):
        return title
    return ""


_DATELINE_OUTLET = re.compile(
    r"^[A-Z][\w'’-]+(?:[ -][A-Za-z][\w'’-]*){0,3}(?:,\s*[\w ,.]{3,30}?)?\s*"
    r"\(([A-Z][\w&.'’-]*(?:\s+[A-Za-z][\w&.'’-]*){0,4})\)\s*(?:$|[-–—:])"
)


#: Brackets after a name that say what the page is, not who wrote it.
_NOT_AN_AGENCY = re.compile(
    r"\b(?:translation|translated|video|photos?|updated?|file|archive|opinion|analysis)\b", re.I
)


def _is_place(name: str) -> bool:
    """A governorate or country in brackets ("Kafr Nabl (Idlib)") is not an outlet."""
    from ..gazetteer.admin import NEIGHBOURS, governorate_name

    return bool(governorate_name(name)) or any(name.lower() == n.lower() for _a, ns in NEIGHBOURS.values() for n in ns)


_SITE_DATE = re.compile(
    r"^(?:[Bb]y\s+)?([A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4})\s*[—–|·•-]\s*(?:[^—–|·•\n]{1,30}[—–|·•]\s*)?"
    rf"(?i:{_DATE_LABEL})\b"
)
#: The date line, then the site: "Wednesday, 12 June 2019 - Enab Baladi", "Published 2018-09-14 by Euphrates Post".
_DATE_SITE = re.compile(
    rf"^(?:(?i:{_DATE_LABEL})\s*(?i:on)?\s*)?(?P<date>[^—–|·•\n]{{6,40}}?)\s*(?:[—–|·•-]|\b(?i:by)\b)\s*"
    r"(?P<name>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4})\s*$"
)
_BYLINE_PARTS = re.compile(r"^[Bb][Yy]\s+(\S.*?[|·•].*)$")
_BYLINE_SEP = re.compile(r"\s*[|·•]\s*")
#: A section's heading in capitals, not the outlet: "BREAKING NEWS", "LATEST NEWS".
_SECTION = re.compile(
    r"\s*(?:breaking|latest|top|world|more|related|live|local|regional|international|daily|today)\b", re.I
)
_MASTHEAD = re.compile(r"\s*[A-Z][A-Z&'’.-]*(?: [A-Z][A-Z&'’.-]*){1,4}\s*")
#: Words that make a byline's name an outlet's, not a writer's ("By Coastal Front Monitor").
_OUTLET_WORD = re.compile(
    r"\b(?:news|monitors?|report|front|observatory|observers?|agency|times|post|network|media|press|desk|journal|"
    r"daily|weekly|herald|tribune|gazette|radio|tv|channel|cent(?:er|re)|institute|group|watch(?:ers?)?|today|online|"
    r"courier|review|magazine|wire|bulletin|baladi|sana|reuters|afp)\b",
    re.I,
)
_OUTLET_NAME = re.compile(r"[A-Z][\w&.'’-]*(?:\s+[A-Za-z][\w&.'’-]*){0,5}")
# A byline that names no one: "By Staff Reporter", "By Our Correspondent".
_STAFF = re.compile(
    r"\b(?:staff|reporters?|correspondents?|editors?|editorial|newsroom|writers?|admin|agencies)\b", re.I
)


#: Outlet words that are surnames too: "By Sarah Post" is a writer, "By The Levant Post" an outlet.
_SURNAME_WORD = re.compile(r"(?:post|press|herald|courier|review|wire|watch|daily|times)", re.I)


def _surname_outlet(name: str) -> bool:
    """Whether ``name`` reads as a writer's as well as an outlet's: one word, then a surname that is an outlet word.

    "Sarah Post" and "Washington Post" both read so; only what else the page says
    (see :func:`_names_outlet`) tells the outlet from the writer.
    """
    words = name.split()
    return len(words) == 2 and bool(_SURNAME_WORD.fullmatch(words[1])) and not _OUTLET_WORD.search(words[0])


def _outlet_words(name: str) -> bool:
    """Whether ``name`` has an outlet word that makes it an outlet's, not a person's.

    A given name and a surname that is also an outlet word ("Sarah Post") may be a person.

    >>> _outlet_words("Levant News Desk"), _outlet_words("Sarah Post"), _outlet_words("The Levant Post")
    (True, False, True)
    """
    return not _surname_outlet(name) and bool(_OUTLET_WORD.search(name))


def _known_outlet(name: str) -> bool:
    """Whether ``name`` is a known outlet's, with or without its "The" ("Washington Post")."""
    return any(_same_site(name, known) for known in _KNOWN_OUTLETS)


def _names_outlet(name: str, header: list[str], line: str, text: str = "") -> bool:
    """Whether a byline's "By X" is an outlet, not a writer ("By Rami al-Haddad · 3 May 2019").

    An outlet's name has an outlet word ("Monitor", "News"), is a known outlet, is
    the site's name elsewhere in the header ("Levant Watchers | news from ..."), or
    takes an article in ``text`` ("told the Orontes Post"): a writer's name never does.

    >>> _names_outlet("Sarah Post", [], ""), _names_outlet("Washington Post", [], "")
    (False, True)
    """
    if _outlet_words(name) or _known_outlet(name):
        return True
    if text and re.search(rf"\b(?i:the)\s+{re.escape(name)}\b", text):
        return True
    return any(other != line and other.startswith(name) for other in header)


#: A person's name as bylines write it: "Rami Haddad", "Hussam al-Mahmoud", "Abu Omar al-Halabi".
_PERSON = re.compile(r"[A-Z][a-z'’]+(?:(?:\s|-)(?:(?:al|el|bin|ibn|abu|de|van|von)(?:\s|-))?[A-Z][a-z'’]+){1,3}")
#: "By Al-Monitor staff", "By Middle East Eye staff and agencies": the outlet's own staff;
#: "By Al Jazeera and news agencies": an outlet's or a writer's report with the agencies'.
_STAFF_BYLINE = re.compile(
    r"^[Bb][Yy]\s+(?P<name>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4}?)"
    r"(?P<staff>\s+(?i:staff(?:\s+(?:writers?|reporters?))?|newsroom|news\s+desk))?"
    r"(?P<agencies>\s+(?i:and|&)\s+(?i:(?:news\s+)?agencies|wires))?\s*(?:$|[·|•–—])"
)


_BYLINE_FOR = re.compile(
    r"^[Bb][Yy]\s+[A-Z][\w.'’-]*(?:\s+(?:al-|el-)?[A-Z][\w.'’-]*){0,4}\s+for\s+"
    r"(?P<outlet>(?:[Tt]he\s+)?[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4})\s*$"
)


def banner_outlet(text: str) -> str:
    r"""The site named by a banner line at the head of the page ("SANA - Syrian Arab News Agency" gives "SANA").

    Examples
    --------
    >>> banner_outlet("The Syrian Observatory for Human Rights\n\nJets kill nine in Ariha\n\nJets struck Ariha.")
    'The Syrian Observatory for Human Rights'
    >>> banner_outlet("Jets kill nine in Ariha\n\nJets struck Ariha.")
    ''
    """
    for line in _header_lines(text, 6):
        title = _headline(line, min_words=2)
        if title and _banner(title) and _SITE_WORD.search(title):
            return _BANNER_SEP.split(title)[0].strip()
        if title:
            return ""  # the headline came first: no banner above it
    return ""


def find_outlet(text: str, declared: str = "") -> str:
    """The outlet: declared, a "By X" byline, a dateline's agency, "original source ... is X", or a known name.

    Examples
    --------
    >>> find_outlet("DAMASCUS (Reuters) - Jets struck Ariha."), find_outlet("Kafr Nabl (Idlib) - Shells hit.")
    ('Reuters', '')
    >>> find_outlet("By Rami Haddad | Levant Courier | 3 May 2019\\n\\nShells hit Ariha.")
    'Levant Courier'
    >>> find_outlet("By Sarah Post for The Washington Post\\n\\nShells hit Ariha.")
    'The Washington Post'
    >>> find_outlet("LEVANT NEWS DESK\\n\\nShells hit Ariha"), find_outlet("BREAKING NEWS\\n\\nShells hit Ariha")
    ('LEVANT NEWS DESK', '')
    """
    if declared:
        return declared.strip()
    header = _header_lines(text, 15)
    for line in header:
        # "Levant Courier — Published 14 March 2019": the site's name beside its date line.
        m = _SITE_DATE.match(line)
        if m and (not line.lower().startswith("by ") or _names_outlet(m.group(1), header, line, text)):
            return m.group(1).strip()
    for line in header:
        # "Wednesday, 12 June 2019 - Enab Baladi", "*Published 14 October 2019 — North Press*":
        # the date line, then the site (a site's name, not a writer's).
        m = _DATE_SITE.match(line.strip("*_ "))
        if m and parse_date_string(m.group("date")) is not None and not _is_place(m.group("name")):
            name = m.group("name").strip()
            dashed = not re.search(r"\bby\s*$", line[: line.find(name)], re.I)
            # After a dash, an outlet word is the site's ("— North Press"); "by Sarah Post" may be a writer.
            if (dashed and _OUTLET_WORD.search(name)) or _names_outlet(name, header, line, text):
                return name
    for line in header:
        # "By Sarah Post for The Washington Post": the writer, then the outlet the piece was for.
        m = _BYLINE_FOR.match(line.strip("*_ "))
        if m and not _STAFF.search(m.group("outlet")):
            return m.group("outlet")
        # "By Al-Monitor staff": the outlet's own staff wrote it ("By Our Staff" names no one).
        m = _STAFF_BYLINE.match(line)
        if m and not re.fullmatch(r"(?i:our|the|an?|all|from|with)", m.group("name")):
            if m.group("staff") or (m.group("agencies") and _names_outlet(m.group("name"), header, line, text)):
                return m.group("name")
        # "By Hussam al-Mahmoud | Enab Baladi | 22 November 2023": the writer, then the outlet.
        m = _BYLINE_PARTS.match(line)
        if m:
            writer, *parts = _BYLINE_SEP.split(m.group(1).strip())
            named = [
                p
                for p in parts
                if _OUTLET_NAME.fullmatch(p)
                and parse_date_string(p) is None
                and not _is_place(p)
                and not _STAFF.search(p)  # "Staff Writer", "Middle East Correspondent"
            ]
            # "By Washington Post | Rami Haddad": the outlet first, then its writer, who is no outlet.
            person = bool(named) and bool(_PERSON.fullmatch(named[0])) and not _OUTLET_WORD.search(named[0])
            person = person and not _known_outlet(named[0])
            if named and not _names_outlet(writer, header, line, text) and not (_surname_outlet(writer) and person):
                return named[0]
        m = re.match(r"^[Bb][Yy]\s+([A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4})\s*(?:$|[·|•–—])", line)
        if m and not _STAFF.search(m.group(1)) and _names_outlet(m.group(1), header, line, text):
            return m.group(1)
        # A dateline with its agency: "DAMASCUS (Reuters) -", "Idlib, 14 March 2019 (Syria Watch Desk)".
        m = _DATELINE_OUTLET.match(line)
        if m and not _is_place(m.group(1)) and not _NOT_AN_AGENCY.search(m.group(1)):
            return m.group(1).strip()
        if m and _NOT_AN_AGENCY.search(m.group(1)):
            # "RIA Novosti (English translation)": the outlet is before the brackets.
            return line[: line.index("(")].strip()
    for line in header[:8]:
        # A masthead in capitals above the headline: "SYRIA NEWS DESK" (not a byline: "BY SARAH POST").
        if (
            _MASTHEAD.fullmatch(line)
            and _OUTLET_WORD.search(line)
            and not _SECTION.match(line)
            and not re.match(r"by\s", line, re.I)
        ):
            return line.strip()
    m = re.search(r"original source of this article is\s+(?:<[^>]+>)?([^<\n,]+)", text, re.I)
    if m:
        return m.group(1).strip()
    for line in text.split("\n"):
        s = line.strip()
        for name in _KNOWN_OUTLETS:
            if s == name or s.startswith(name + ",") or s.startswith(name + " "):
                if len(s) < len(name) + 40:
                    return name
    m = re.search(r"[-–—]{1,2}\s*(REUTERS|AFP|AP|SANA)\b", text)
    if m:
        return {"REUTERS": "Reuters"}.get(m.group(1), m.group(1))
    return ""


#: What ends a page's ``<title>`` before the site's name: "Headline - Outlet", "Headline | Outlet".
_TITLE_SEP = re.compile(r"\s+(?:[-–—|·•]|::)\s+|\s*\|\s*")
#: A section of the site, not the site: "Headline | World news | The Guardian", "... - Live updates";
#: or the kind of piece it is: "... - Analysis", "... | Opinion", "... – Video", "... | Interview".
_SITE_SECTION = re.compile(
    r"(?:world|middle east|syria|news|world news|latest|latest news|breaking|breaking news|politics|home|"
    r"live|live updates?|live blog|watch(?: live)?|updated?|updates|exclusive|part \d+|in pictures|explainer|"
    r"analysis|opinion|comment(?:ary)?|editorial|op-ed|feature|interview|investigation|(?:special )?report|"
    r"factbox|fact check|q&a|timeline|podcast|videos?|photos?|gallery|blog|review)",
    re.I,
)


def _not_a_site(tail: str) -> bool:
    """Whether the end of a ``<title>`` is a section, the kind of piece, a byline or a date: never a site's name."""
    return (
        bool(_SITE_SECTION.fullmatch(tail))
        or bool(_NOT_AN_AGENCY.search(tail))
        or bool(re.match(r"by\s", tail, re.I))  # a byline: "Headline - By Sarah Post"
        or parse_date_string(tail) is not None
    )


def _site_name(tail: str, head: str) -> bool:
    """Whether the end of a ``<title>`` after its separator names a site ("Northern Dispatch", "Levant24")."""
    words = tail.split()
    return (
        1 <= len(words) <= 5
        and len(tail) <= 40
        and len(head.split()) > len(words)
        and (tail[0].isupper() or tail[0].isdigit() or bool(re.fullmatch(r"[\w-]+(?:\.[\w-]+)+", tail)))
        and not _not_a_site(tail)
        and not _VERBISH.search(tail)
        and not _is_place(tail)
    )


def _same_site(a: str, b: str) -> bool:
    """Whether two spellings name one site: case, a leading "The" and a company suffix aside.

    >>> _same_site("orontes press", "The Orontes Press Ltd."), _same_site("Orontes", "Orontes Press")
    (True, False)
    """

    def key(name: str) -> str:
        name = re.sub(r"^the\s+|[\s,]+(?:ltd|limited|inc|llc)\.?$", "", " ".join(name.split()), flags=re.I)
        return name.casefold()

    return bool(key(a)) and key(a) == key(b)


def split_site_suffix(title: str, headline: str = "", site: str | Sequence[str] = "") -> tuple[str, str]:
    """Split a page's ``<title>`` into its headline and the site's name after it.

    "Headline - Outlet Name" and "Headline | Outlet Name" give ``("Headline", "Outlet Name")``;
    a title with no site's name after its headline comes back whole, with ``""``.
    ``site`` is the name (or names) the page gives itself elsewhere (``og:site_name``,
    its JSON-LD publisher, its copyright line): a suffix that is one of them is the
    site's name, whatever its words.  ``headline`` (the page's ``<h1>`` or
    ``og:title``), when it matches the part before the separator, vouches for the
    split; the part after it is still no site when it is a section or the kind of
    piece ("Analysis", "Opinion", "Video"), a byline or a date.

    Examples
    --------
    >>> split_site_suffix("Shells hit Masyaf, killing two - Northern Dispatch")
    ('Shells hit Masyaf, killing two', 'Northern Dispatch')
    >>> split_site_suffix("Curfew in Safita | World news | The Daily Levant")
    ('Curfew in Safita', 'The Daily Levant')
    >>> split_site_suffix("Shelling of Qadmous - live updates"), split_site_suffix("Jets over Maadan - By Sarah Post")
    (('Shelling of Qadmous - live updates', ''), ('Jets over Maadan - By Sarah Post', ''))
    >>> split_site_suffix("Jets over Maadan - Analysis", "Jets over Maadan")
    ('Jets over Maadan - Analysis', '')
    >>> split_site_suffix("Maadan shelled - Enab Baladi", site=("Enab Baladi",))
    ('Maadan shelled', 'Enab Baladi')
    """
    title = " ".join(title.split())
    seps = list(_TITLE_SEP.finditer(title))
    if not seps:
        return title, ""
    head, tail = title[: seps[-1].start()].strip(), title[seps[-1].end() :].strip()
    names = (site,) if isinstance(site, str) else tuple(site)
    named = any(_same_site(tail, name) for name in names)
    headlined = bool(headline) and " ".join(headline.split()).lower() == head.lower()
    if not tail or not (
        named or (headlined and len(tail.split()) <= 8 and not _not_a_site(tail)) or _site_name(tail, head)
    ):
        return title, ""
    if len(seps) > 1 and _SITE_SECTION.fullmatch(head[seps[-2].end() :].strip()):
        head = head[: seps[-2].start()].strip()  # "Headline | World news | Outlet": the section goes too
    return head, tail


#: A section of a site's front, never a page's headline: "Home", "Latest news", "Front page", "الرئيسية".
_FRONT_SECTION = re.compile(
    r"(?:home(?:\s*page)?|(?:latest\s+)?news|latest|main(?:\s+page)?|index|(?:the\s+)?front\s*page|"
    r"(?:الصفحة\s+)?الرئيسية)",
    re.I,
)
#: Words of a site's name that no headline is made of alone ("Frontline Digest", "Enab Baladi Mirror").
_NAME_WORD = re.compile(r"\b(?:digest|mirror|voice|courier|herald|gazette|wire|today|online|news)\b", re.I)


def _looks_like_site(name: str) -> bool:
    """Whether the rest of a ``<title>`` beside a section word can be a site's name ("Levant Wire", "levant.net")."""
    words = name.split()
    latin = [w for w in words if w[:1].isascii()]
    return (
        1 <= len(words) <= 5
        and len(name) <= 40
        and (
            name[0].isupper()
            or name[0].isdigit()
            or not name[0].isascii()
            or bool(re.fullmatch(r"[\w-]+(?:\.[\w-]+)+", name))
        )
        and (len(latin) < 2 or _title_case(latin))
        and not _VERBISH.search(name)
        and not _not_a_site(name)
        and not _is_place(name)
    )


def site_only_title(title: str, site: Sequence[str] = (), *, strict: bool = False) -> str | None:
    """The site's name when a page's ``<title>`` is only that name and/or a section word; else ``None``.

    A title of section words alone ("Home") gives ``""``.  ``site`` is the names the page
    gives itself elsewhere (``og:site_name``, its JSON-LD publisher, its copyright line): a
    title that is one of them, with or without a section word, is the site's.  Otherwise the
    title needs a section word beside a name-like rest ("Levant Wire | News"), and, with
    ``strict`` (nothing else on the page says where the headline is), a word that names sites
    ("Wire", "Digest", "Mirror") or a known outlet's name.

    Examples
    --------
    >>> site_only_title("Enab Baladi Mirror - Home"), site_only_title("Home - Frontline Digest")
    ('Enab Baladi Mirror', 'Frontline Digest')
    >>> site_only_title("Levant Wire", ("Levant Wire",)), site_only_title("Index"), site_only_title("Levant Wire")
    ('Levant Wire', '', None)
    >>> site_only_title("Jets strike Masyaf | News"), site_only_title("Curfew in Safita | News", strict=True)
    (None, None)
    """
    parts = [p.strip() for p in _TITLE_SEP.split(" ".join(title.split())) if p.strip()]
    if not parts:
        return None
    rest = [p for p in parts if not _FRONT_SECTION.fullmatch(p)]
    if not rest:
        return ""
    if len(rest) > 1:
        return None
    name = rest[0]
    if any(_same_site(name, other) for other in site if other.strip()):
        return name
    if len(rest) == len(parts) or not _looks_like_site(name):
        return None
    if strict and not (_NAME_WORD.search(name) or _outlet_words(name) or _known_outlet(name)):
        return None
    return name


def site_headline(title: str, headlines: Sequence[str], site: Sequence[str] = ()) -> tuple[str, str] | None:
    """The headline and the site's name of a page whose ``<title>`` is only the site's name and/or a section.

    ``headlines`` are the page's own, most trusted first (``og:title``, JSON-LD
    ``headline``, ``<h1>``, a headline-class ``<h2>``); the first that is not itself
    the site's name is the headline.  With none, the headline is ``""`` (the body's
    first headline-like line will do) when the title is surely a site's name.
    ``None`` when the title is no site's name: "Headline - Site" is split as before.

    Examples
    --------
    >>> site_headline("Levant Wire | News", ["Levant Wire", "Jets strike Masyaf"])
    ('Jets strike Masyaf', 'Levant Wire')
    >>> site_headline("Curfew in Safita | News", ["Curfew in Safita"]), site_headline("Jets hit Masyaf - X", [])
    (('Curfew in Safita', ''), None)
    """
    name = site_only_title(title, site)
    if name is None:
        return None
    heads = [h for h in (" ".join(h.split()) for h in headlines) if h]

    def the_site(head: str) -> bool:
        return site_only_title(head, site) is not None or (bool(name) and _same_site(head, name))

    found = next((h for h in heads if not the_site(h)), "")
    if found:
        return found, name
    declared = not name or any(_same_site(name, other) for other in site if other.strip())
    if not declared and any(_same_site(h, name) for h in heads):
        # "Curfew in Safita | News" above <h1>Curfew in Safita</h1>: a headline and a section, no site.
        return name, ""
    return ("", name) if site_only_title(title, site, strict=True) is not None else None
