"""Find place names in text: dictionary matching over name keys, then filters for what is not a place.

Not every capitalised name is an event site.  A match is dropped when it sits
inside an actor's name ("Free Idlib Army", "Lions of Qalamoun"), stands for a
government ("the Damascus government", "Washington said", "Ankara views"), or
is a person's title.  Capitalised phrases after "town of", "village of" and
the like that the gazetteer lacks are kept as unresolved mentions, near-misses
scored by rapidfuzz.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..gazetteer._stopwords import ENGLISH
from ..gazetteer.store import Gazetteer
from .tokens import Token, key_text, tokenize

__all__ = ["RawMention", "find_mentions"]

_ORG_AFTER = {
    "army",
    "brigade",
    "brigades",
    "front",
    "division",
    "corps",
    "legion",
    "shield",
    "battalion",
    "battalions",
    "regiment",
    "council",
    "movement",
    "liberation",
    "revolutionary",
    "falcons",
    "lions",
    "martyrs",
    "knights",
    "hawks",
    "eagles",
    "tigers",
    "gathering",
    "operations",
    "operation",
    "military",
    "police",
    "guards",
    "guard",
    "commando",
    "commandos",
    "forces",
    "force",
    "government",
    "regime",
    "authorities",
    "administration",
    "governor",
    "governorate's",
    "observatory",
    "media",
    "center",
    "centre",
    "committee",
    "coordination",
    "agency",
    "news",
    "network",
    "radio",
    "tv",
    "times",
    "post",
    "declaration",
    "accord",
    "agreement",
    "talks",
    "process",
    "format",
    "summit",
    "memorandum",
    "deal",
    "group",
    "faction",
    "factions",
    "offensive",
    "campaign",
    "spring",
    "peace",
    "olive",
    "euphrates",
    "university",
    "club",
    "team",
    "fc",
    "airlines",
    "airways",
    "bank",
    "company",
}
_ORG_BEFORE = {
    "free",
    "shield",
    "army",
    "lions",
    "brigade",
    "brigades",
    "martyrs",
    "falcons",
    "knights",
    "eagles",
    "hawks",
    "sons",
    "men",
    "guardians",
    "battalion",
    "battalions",
    "front",
    "liberation",
    "revolutionaries",
    "revolutionary",
    "jaysh",
    "jaish",
    "liwa",
    "katibat",
    "ahrar",
    "tajammu",
    "faylaq",
    "harakat",
    "alwiya",
    "fursan",
    "jund",
    "ansar",
    "rijal",
    "suqur",
    "usud",
}
_TITLES = {
    "president",
    "minister",
    "general",
    "colonel",
    "spokesman",
    "spokeswoman",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sheikh",
    "commander",
    "leader",
    "emir",
    "governor",
    "ambassador",
    "envoy",
    "king",
    "prince",
    "brig",
    "gen",
    "lt",
    "maj",
    "col",
    "capt",
}
_CAPITALS = {
    "damascus",
    "washington",
    "moscow",
    "ankara",
    "tehran",
    "tel aviv",
    "jerusalem",
    "riyadh",
    "amman",
    "baghdad",
    "beirut",
    "paris",
    "london",
    "beijing",
    "doha",
    "cairo",
    "brussels",
    "berlin",
    "geneva",
    "astana",
    "nur sultan",
    "sochi",
    "kremlin",
    "white house",
    "pentagon",
}
_METONYMY_VERBS = re.compile(
    r"^\s*(?:has|have|had|is|was|will|would|could|may|might|must|should|says|said|claims|claimed|"
    r"views|viewed|struggles|struggled|accuses|accused|wants|wanted|denies|denied|seeks|sought|"
    r"insists|insisted|announced|announces|rejected|rejects|pursued|pursues|blamed|blames|"
    r"warned|warns|believes|believed|agreed|agrees|hopes|hoped|considers|considered|refused|"
    r"refuses|demanded|demands|condemned|condemns|urged|urges|backed|backs|supports|supported|"
    r"also|did|does|sees|saw|regards|called|calls|responded|responds|continues|continued|"
    r"launched|launches|sent|sends|deployed|deploys|retaliated|retaliates|intervened|"
    r"ordered|orders|dispatched|"
    r"and its allies|"
    # "Damascus's decision", not "Damascus's airport" or "Damascus's southern suburbs"
    r"['’]s\s+(?:\w+\s+)?(?:decision|government|regime|forces|army|military|troops|position|policy|response|stance"
    r"|allies|ally|support|backing|intervention|demands?|proposal|plan|role|ministry|officials?|delegation|envoy"
    r"|president|leadership|refusal|approval|consent|claims?|accusations?|strategy|interests?|relations?|warplanes"
    r"|jets|air force|approach|view|reply|rejection|acceptance|offer|pressure|threats?)\b)",
    re.I,
)
#: The rest of a news outlet's name that starts with a place's.
_OUTLET_AFTER = re.compile(
    r"\s+(?:[Ii]s\s+[Bb]eing\s+[Ss]laughtered\s+[Ss]ilently|24\b(?!\s*(?:hours|km|kilomet))|Today\b|Live\b|Now\b)"
)
#: "the blast in Damascus was ...": a capital after a locative word is the place, whatever verb follows.
_SITE_BEFORE = re.compile(r"\b(?:in|near|at|outside|around|inside|across|throughout)\s+$", re.I)
#: "... leading Damascus to bomb": a capital with "to" and a verb is its government acting.
_TO_ACT = re.compile(r"^\s+to\s+(?!the\b|its\b|his\b|their\b)[a-z]+\b")
_CAUSES = re.compile(
    r"\b(?:lead(?:ing|s)?|led|forc(?:e|es|ed|ing)|prompt(?:s|ed|ing)?|push(?:es|ed|ing)?|press(?:es|ed|ing)?|"
    r"urg(?:e|es|ed|ing)|allow(?:s|ed|ing)?|caus(?:e|es|ed|ing)|driv(?:e|es|ing)|drove|ask(?:s|ed|ing)?|"
    r"call(?:s|ed|ing)? on|encourag(?:e|es|ed|ing)|persuad(?:e|es|ed|ing)|compel(?:s|led|ling)?)\s+(?:to\s+)?$",
    re.I,
)
_WITH_BEFORE = re.compile(r"\b(?:with|against|by|to|toward|towards|from|pressure|reconciled with)\s+$", re.I)
_CUE_BEFORE = re.compile(
    r"(?:\b(?:town|city|village|villages|towns|cities|area|region|district|neighbou?rhood|suburb|camp|"
    r"base|airbase|airport|field|crossing|countryside|outskirts|vicinity|province|governorate|hamlet|"
    r"settlement|municipality|side|edge|entrance|outskirt)\s+of\s+(?:the\s+)?"
    r"|\b(?:villages|towns) (?:of )?[A-Z][\w'’ -]{2,30}\s+and\s+"
    r"|\b(?:in|near|at|around|outside)\s+)$",
)
_GENERIC_HEAD = {
    "province",
    "provinces",
    "governorate",
    "countryside",
    "of",
    "rural",
    "city",
    "town",
    "the",
    "gov",
    "region",
}
#: Words after a place cue that are no unknown place: "in February", "on Monday", "of the".
_CUE_STOP = ENGLISH | {"syria", "iraq", "turkey", "ramadan", "eid"}
_CAPS_PHRASE = re.compile(
    r"(?:(?:al|el|as|ash|ad|az|ar|at|an)[-‑ ])?[A-Z][\w'’]+(?:[- ](?:al|el|as|ash|ad|az|ar|at|an|ez|es)[-‑ ][A-Z][\w'’]+|[- ][A-Z][\w'’]+){0,3}"
)


@dataclass(frozen=True, slots=True)
class RawMention:
    """A candidate place name before resolution."""

    start: int
    end: int
    surface: str
    key: str
    fuzzy_score: float = 100.0
    fuzzy_ids: tuple[str, ...] = ()


class _Covered:
    """Characters already claimed by a name (a byte per character: overlap tests in C)."""

    __slots__ = ("_b",)

    def __init__(self, size: int, spans: Sequence[tuple[int, int]] = ()) -> None:
        self._b = bytearray(size + 1)
        for s, e in spans:
            self.add(s, e)

    def add(self, start: int, end: int) -> None:
        start = max(0, start)
        self._b[start:end] = b"\x01" * max(0, min(end, len(self._b)) - start)

    def hits(self, start: int, end: int) -> bool:
        return 1 in self._b[max(0, start) : end]


def _is_upper_start(word: str) -> bool:
    ch = word[:1]
    return ch.isupper() or ("\u0600" <= ch <= "\u06ff")


def _not_a_place(text: str, tokens: Sequence[Token], first: int, last: int, key: str) -> bool:
    """Context rules for names that stand for something other than a site."""
    after_tokens = tokens[last + 1 : last + 3]
    before_tokens = [t for t in tokens[max(0, first - 3) : first] if not t.article]
    start, end = tokens[first].start, tokens[last].end
    if _OUTLET_AFTER.match(text, end):
        return True  # "Raqqa Is Being Slaughtered Silently", "Deir ez-Zor 24": a news outlet
    # "Raqqa Civil Council", "Idlib Free Police": an organisation named after the place.
    following = tokens[last + 1 : last + 4]
    for t in following:
        if (
            not _is_upper_start(t.text)
            or text[tokens[last].end : t.start].count(".")
            or "," in text[tokens[last].end : t.start]
        ):
            break
        if t.text.lower() in _ORG_AFTER or t.text.lower() in ("free", "civil", "police", "local", "revolutionary"):
            if t is not following[0] or t.text.lower() in _ORG_AFTER:
                return True
    if after_tokens:
        nxt = after_tokens[0]
        gap = text[end : nxt.start]
        if (
            gap.strip() in ("", "-")
            and nxt.text.lower() in _ORG_AFTER
            and (
                _is_upper_start(nxt.text)
                or nxt.text.lower() in ("government", "regime", "authorities", "administration", "-backed")
            )
        ):
            return True
        if gap.strip() == "-" and nxt.text.lower() in (
            "backed",
            "based",
            "led",
            "allied",
            "aligned",
            "held",
            "controlled",
        ):
            # "Ankara-backed", "Beirut-based": attributive; the place is not the site.
            return nxt.text.lower() in ("backed", "based", "led", "allied", "aligned")
    if before_tokens:
        prev = before_tokens[-1]
        gap = text[prev.end : start]
        if prev.text.lower() in _ORG_BEFORE and _is_upper_start(prev.text) and gap.strip() in ("", "of", "of the"):
            return True
        if prev.text.lower() == "of" and len(before_tokens) >= 2:
            p2 = before_tokens[-2]
            if p2.text.lower() in _ORG_BEFORE and _is_upper_start(p2.text):
                return True
        if prev.text.lower() in _TITLES and _is_upper_start(prev.text):
            return True
    plain = text[start:end].lower()
    if plain in _CAPITALS or key in ("dimashk", "damaskus"):
        tail = text[end : end + 40]
        if _METONYMY_VERBS.match(tail) and not _SITE_BEFORE.search(text, max(0, start - 12), start):
            return True  # "Damascus said", not "the blast in Damascus was due to a rocket"
        if _TO_ACT.match(tail) and _CAUSES.search(text[max(0, start - 30) : start]):
            return True  # "leading Damascus to bomb ...", not "struck Damascus to stop arms shipments"
        if _WITH_BEFORE.search(text[max(0, start - 30) : start]) and re.match(r"^\s*(?:[.,;:)]|and\b|$)", tail):
            head = text[max(0, start - 30) : start].lower()
            if not re.search(r"(eastern|western|northern|southern|central|rural|in|near|of)\s+$", head):
                return True
    return False


def find_mentions(
    text: str,
    gaz: Gazetteer,
    *,
    exclude: Sequence[tuple[int, int]] = (),
    fuzzy: bool = True,
    countries: Sequence[str] = ("SY",),
) -> list[RawMention]:
    """Place-name mentions in ``text``, leftmost-longest, non-overlapping.

    Parameters
    ----------
    text
        Cleaned article text.
    gaz
        The gazetteer whose names are matched.
    exclude
        Character spans that cannot hold a place (actor names found first).
    fuzzy
        Also report capitalised names after "town of", "village of"... that
        the gazetteer lacks, with near-miss candidates.
    countries
        The countries of interest: their villages are looked for too (Syria's always).

    Examples
    --------
    >>> from geomap.gazetteer import load_gazetteer
    >>> [m.surface for m in find_mentions("Shelling hit Deir Ezzor and the Damascus government said so.", load_gazetteer())]
    ['Deir Ezzor']
    """
    tokens = tokenize(text)
    tok_keys = tokens.keys
    kt = key_text(text, tokens)
    auto = gaz.automaton_for(countries)
    found: list[tuple[int, int, int, int, str]] = []  # start_tok, end_tok, -len, ...
    for end_idx, key in auto.iter(kt.string):
        start_pos = end_idx - len(key) - 1  # position of the leading space
        first = kt.pos_to_token.get(start_pos + 1)
        if first is None:
            continue
        # Walk tokens until the key covers the match.
        words = key.split(" ")
        last = first
        n = 0
        i = first
        while i < len(tok_keys) and n < len(words):
            if tok_keys[i]:
                n += 1
                last = i
            i += 1
        found.append((first, last, -(tokens.ends[last] - tokens.starts[first]), 0, key))
    found.sort(key=lambda f: (tokens.starts[f[0]], f[2]))
    out: list[RawMention] = []
    taken = _Covered(len(text))
    excluded = _Covered(len(text), exclude)
    for first, last, _neg, _z, key in found:
        t0 = tokens[first]
        head = next((t for t in tokens[first : last + 1] if t.key not in _GENERIC_HEAD), t0)
        if not _is_upper_start(head.text):
            continue
        start = t0.start
        # Include a dropped article written before the name ("al-Tanf").
        if first > 0 and tokens[first - 1].article and tokens[first - 1].end >= start - 1:
            start = tokens[first - 1].start
        end = tokens[last].end
        if taken.hits(start, end) or excluded.hits(start, end):
            continue
        surface = text[start:end]
        if gaz.is_blocked(surface):
            taken.add(start, end)  # blacklisted by a patch: not a place, not even unresolved
            continue
        if surface.isupper() and len(surface) <= 4 and not _trusted(gaz, key):
            continue  # "WSJ", "SAA": acronyms, not places
        if key in gaz.strict_keys and not _strict_ok(text, surface, start, gaz):
            continue  # "Hass" the village, not "has"
        if key in gaz.people_keys and re.match(r"\s+[A-Z]", text[end : end + 3]):
            continue  # "Mazloum Abdi": a person
        if _BORDER_WORD.search(surface.lower()) and _not_a_border_site(text, start, end, gaz, key):
            continue
        if first == last and key in _PLACE_PREFIXES and last + 1 < len(tokens):
            nxt = tokens[last + 1]
            if (
                _is_upper_start(nxt.text)
                and text[tokens[last].end : nxt.start] in (" ", "-")
                and not taken.hits(start, nxt.end)
            ):
                # "Tall Qirmiz" is not al-Tall: a longer name the gazetteer lacks.
                out.append(_unknown(text, gaz, start, nxt.end))
                taken.add(start, nxt.end)
                continue
        prefix = _prefix_before(text, tokens, first)
        if prefix is not None and not gaz.lookup_key(f"{prefix[1]} {key}"):
            # "Kafr Halab" is not "Halab" (Aleppo): a longer name the gazetteer lacks.
            pstart = prefix[0]
            if not taken.hits(pstart, end):
                out.append(_unknown(text, gaz, pstart, end))
                taken.add(pstart, end)
            continue
        if _not_a_place(text, tokens, first, last, key):
            taken.add(start, end)
            continue
        taken.add(start, end)
        out.append(RawMention(start, end, text[start:end], key))
    if fuzzy:
        out += _cue_mentions(text, gaz, taken, excluded)
    out.sort(key=lambda m: m.start)
    return out


_BORDER_WORD = re.compile(r"\b(?:border|borders|frontier)\b")
_BORDER_AS_ADJECTIVE = re.compile(
    r"^\s+(?:town|city|village|crossing|gate|guards?|posts?|police|troops|wall|fence|province)\b", re.I
)


def _not_a_border_site(text: str, start: int, end: int, gaz: Gazetteer, key: str) -> bool:
    """Whether a border name is another pair's border or an adjective.

    "the Lebanese-Israeli border" is not Syria's border with Israel, and "the
    Turkish border town of Kilis" names a town, not a border site.
    """
    if not all(p.kind == "border" for p in gaz.lookup_key(key)):
        return False
    if text[max(0, start - 1) : start] in ("-", "–", "/"):
        return True
    return bool(_BORDER_AS_ADJECTIVE.match(text[end : end + 20]))


_PLACE_PREFIXES = {
    "kafr",
    "tal",
    "ain",
    "dir",
    "bait",
    "kan",
    "jisr",
    "ras",
    "bab",
    "um",
    "bir",
    "tala",
    "jabal",
    "kirbat",
    "shaik",
    "marat",
    "hamam",
    "wadi",
    "sahl",
    "jurat",
    "kasr",
    "mazraa",
    "tel",
    "ard",
    "birkat",
    "sid",
    "nabi",
    "shik",
    "sit",
    "krbt",
}


def _prefix_before(text: str, tokens: Sequence[Token], first: int) -> tuple[int, str] | None:
    """A capitalised place-name prefix word ("Kafr", "Tal", "Ain") just before token ``first``."""
    i = first - 1
    while i >= 0 and tokens[i].article:
        i -= 1
    if i < 0:
        return None
    t = tokens[i]
    gap = text[t.end : tokens[first].start]
    if len(gap) > 5 or any(c in gap for c in ".,;:()"):
        return None
    if t.key in _PLACE_PREFIXES and _is_upper_start(t.text):
        return t.start, t.key
    return None


def _strict_ok(text: str, surface: str, start: int, gaz: Gazetteer) -> bool:
    """A name that is also an English word counts only spelt exactly, capitalised, mid-sentence."""
    name = re.sub(r"^(?:al|el|ad|an|ar|as|ash|at|az)[-\s]", "", surface)
    if not name[:1].isupper() or not gaz.spelt_as(surface):
        return False
    head = text[max(0, start - 3) : start]
    return bool(head.strip()) and not re.search(r"[.!?\n]\s*$", head)


def _trusted(gaz: Gazetteer, key: str) -> bool:
    return any(p.layer in ("curated", "patch") for p in gaz.lookup_key(key))


def _unknown(text: str, gaz: Gazetteer, start: int, end: int) -> RawMention:
    from ..gazetteer.names import name_keys

    surface = text[start:end]
    hits = gaz.fuzzy(surface, limit=5)
    keys = name_keys(surface) or {surface.lower()}
    score = max((s for _p, s in hits), default=0.0)
    # Only the near-misses as good as the best one are candidates.
    ids = tuple(dict.fromkeys(p.id for p, s in hits if s >= score - 2.0))
    return RawMention(start, end, surface, max(keys, key=len), score, ids)


def _cue_mentions(text: str, gaz: Gazetteer, taken: _Covered, excluded: _Covered) -> list[RawMention]:
    """Unknown capitalised names after a place cue ("the village of Xyz")."""
    from ..gazetteer.names import name_keys

    out: list[RawMention] = []
    for m in _CAPS_PHRASE.finditer(text):
        start, end = m.start(), m.end()
        if taken.hits(start, end) or excluded.hits(start, end):
            continue
        before = text[max(0, start - 40) : start]
        if not _CUE_BEFORE.search(before):
            continue
        keys = name_keys(m.group())
        if not keys or m.group().lower() in _CUE_STOP:
            continue
        if any(k in gaz.strict_keys for k in keys) and not _strict_ok(text, m.group(), start, gaz):
            continue  # "the Syrian city of Homs": an adjective, not an unknown place
        out.append(_unknown(text, gaz, start, end))
        taken.add(start, end)
    return out
