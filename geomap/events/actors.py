"""The actor table (data/actors.csv) and matching actor names in text.

Aliases match case-insensitively as whole words; an all-capitals alias of up
to four letters ("IS", "SAA", "NLF") matches only in capitals, so the verb
"is" never becomes the Islamic State.
"""

from __future__ import annotations

import bisect
import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .._data import data_dir
from .._regex import Folded
from ..errors import GeomapError

__all__ = ["CROWD_ACTOR", "Actor", "ActorMention", "ActorTable", "inter_at", "interaction", "load_actors"]

#: ACLED's actor 1 of a protest or riot when no one else is named: the crowd itself.
CROWD_ACTOR = {"Protests": "Protesters", "Riots": "Rioters"}


@dataclass(frozen=True, slots=True)
class Actor:
    """One row of the actor table."""

    name: str
    side: str
    inter: int
    parent: str = ""
    country: str = ""
    kind: str = ""
    #: The name the group took on ``renamed_on`` (ISO date): "Jabhat al-Nusra" became
    #: "Jabhat Fateh al-Sham" on 2016-07-28.
    renamed_to: str = ""
    renamed_on: str = ""


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named in text: span and the actor."""

    start: int
    end: int
    surface: str
    actor: Actor


class _Spans:
    """Spans of text, asked whether any overlaps a range; in log time when they are in order and apart.

    >>> spans = _Spans([(0, 3), (10, 14)])
    >>> spans.touch(3, 10), spans.touch(2, 5), spans.touch(14, 20)
    (False, True, False)
    """

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self.spans = list(spans)
        self.ends = [e for _, e in self.spans]
        starts = [s for s, _ in self.spans]
        self.ordered = all(a <= b for a, b in zip(self.ends, starts[1:], strict=False))

    def touch(self, start: int, end: int) -> bool:
        """Whether a span overlaps ``[start, end)``."""
        if not self.ordered:
            return any(s < end and start < e for s, e in self.spans)
        i = bisect.bisect_right(self.ends, start)  # the first span ending after ``start``
        return i < len(self.spans) and self.spans[i][0] < end


class ActorTable:
    """All actors and an Aho-Corasick matcher over their aliases."""

    def __init__(self, actors: list[Actor], aliases: dict[str, Actor], case_sensitive: set[str]) -> None:
        self.actors = actors
        self.by_name = {a.name: a for a in actors}
        self._aliases = aliases
        self._case_sensitive = case_sensitive
        import ahocorasick

        self._auto: Any = ahocorasick.Automaton()
        for alias in aliases:
            self._auto.add_word(alias.lower(), alias)
        self._auto.make_automaton()

    def rollup(self, actor: Actor) -> Actor:
        """The actor as ACLED names it: a branch rolls up to its parent force.

        Examples
        --------
        >>> t = load_actors()
        >>> t.rollup(t.by_name["Syrian Arab Air Force"]).name
        'Syrian Arab Army'
        """
        seen = set()
        while actor.kind == "branch" and actor.parent in self.by_name and actor.name not in seen:
            seen.add(actor.name)
            actor = self.by_name[actor.parent]
        return actor

    def as_of(self, actor: Actor, day: str) -> Actor:
        """The actor under the name it had on ``day`` (ISO date; empty keeps the name).

        Outlets keep using a group's old name (Syrian state media's "Nusra" for
        Hayat Tahrir al-Sham); ACLED codes the group as it was named on the day.

        Examples
        --------
        >>> t = load_actors()
        >>> nusra = t.by_name["Jabhat al-Nusra"]
        >>> t.as_of(nusra, "2015-03-01").name, t.as_of(nusra, "2016-10-01").name, t.as_of(nusra, "2019-05-10").name
        ('Jabhat al-Nusra', 'Jabhat Fateh al-Sham', 'Hayat Tahrir al-Sham')
        """
        seen = set()
        while (
            day
            and actor.renamed_on
            and day >= actor.renamed_on
            and actor.renamed_to in self.by_name
            and actor.name not in seen
        ):
            seen.add(actor.name)
            actor = self.by_name[actor.renamed_to]
        return actor

    def find_implicit(self, text: str) -> list[ActorMention]:
        """Actors named only by an adjective on a weapon or force: "regime air strikes", "Russian jets".

        Examples
        --------
        >>> [m.actor.name for m in load_actors().find_implicit("Regime barrel bombs and Russian jets hit Idlib.")]
        ['Syrian Arab Air Force', 'Military Forces of Russia']
        >>> [m.surface for m in load_actors().find_implicit("Regime shells Ariha; sanctions regime hits exports.")]
        ['Regime']
        """
        out: list[ActorMention] = []
        nouns: list[tuple[int, int]] = []
        for m in _IMPLICIT.finditer(text):
            if m.group("adj").lower() == "us" and m.group("adj") != "US":
                continue  # "told us bombs fell": the pronoun, not the United States
            if m.group("adj").lower() in ("regime", "government") and _foreign_before(text, m.start()):
                continue  # "the Israeli regime strikes", "Erdogan government forces": not Syria's
            air = bool(_AIR_START.match(m.group("noun")))
            actor = self._by_adjective(m.group("adj"), air)
            if actor is not None:
                out.append(ActorMention(m.start(), m.end("adj"), m.group("adj"), actor))
                nouns.append(m.span("noun"))
            # "Syrian and Russian warplanes": both flew.
            partner = self._by_adjective(m.group("adj2") or "", air)
            if partner is not None and partner is not actor:
                out.append(ActorMention(m.start("adj2"), m.end("adj2"), m.group("adj2"), partner))
        army = self.by_name.get("Syrian Arab Army")
        if army is not None:
            for m in _REGIME_DOES.finditer(text):
                if _foreign_before(text, m.start()):
                    continue
                if not any(a.start <= m.start() < a.end for a in out):
                    out.append(ActorMention(m.start(), m.end(), m.group(), army))
        for m in _STATE_DOES.finditer(text):
            # "Israel struck a depot", "Turkey has shelled the village": the state's forces.
            force = self.by_name.get(_STATE_FORCES.get(" ".join(m.group("state").lower().replace(".", "").split()), ""))
            if force is not None and not any(a.start <= m.start("state") < a.end for a in out):
                out.append(ActorMention(m.start("state"), m.end("state"), m.group("state"), force))
        barrel = self.by_name.get("Syrian Arab Air Force")
        if barrel is not None:
            # Only the Syrian air force dropped barrel bombs.
            for m in _BARREL.finditer(text):
                if not any(s <= m.start() < e for s, e in nouns):
                    out.append(ActorMention(m.start(), m.end(), m.group(), barrel))
        out.sort(key=lambda a: a.start)
        return out

    def _by_adjective(self, adj: str, air: bool) -> Actor | None:
        """The actor an adjective names on a force or weapon ("regime" jets, "Turkish" troops)."""
        key = adj.lower().replace(".", "")
        return self.by_name.get(_IMPLICIT_ACTORS.get((key, air)) or _IMPLICIT_ACTORS.get((key, None)) or "")

    def find_all(self, text: str, named: Sequence[ActorMention] | None = None) -> list[ActorMention]:
        """Named actors, plus actors named only by an adjective where no named actor stands.

        ``named`` is :meth:`find`'s answer for ``text`` when the caller already has it.
        """
        named = list(self.find(text) if named is None else named)
        # "Erdogan regime forces", "the Israeli government troops": another state's, not Syria's.
        named = [
            a for a in named if not (a.surface[:6].lower() in ("regime", "govern") and _foreign_before(text, a.start))
        ]
        # "the al-Qaeda-linked Hurras al-Din", "US-backed SDF fighters": the first name only
        # describes the group named right after it.
        named = [
            a
            for i, a in enumerate(named)
            if not (
                (d := _DESCRIBES.match(text, a.end)) is not None
                and i + 1 < len(named)
                and 0 <= named[i + 1].start - d.end() <= 30
                and not _STOP.search(text, d.end(), named[i + 1].start)
            )
        ]
        # "Gunmen believed to be Daesh members": a suspicion describes the gunmen; ACLED codes
        # them as unidentified.
        named = [
            a
            for i, a in enumerate(named)
            if not (
                i > 0
                and named[i - 1].actor.name in GENERIC_ACTORS
                and _SUSPECTED.fullmatch(text, named[i - 1].end, a.start)
            )
        ]
        # "Daesh gunmen", "HTS rebels": a generic word right after a name is that group's.
        named = [
            a
            for i, a in enumerate(named)
            if not (
                i > 0
                and a.actor.name in GENERIC_ACTORS
                and named[i - 1].actor.name not in GENERIC_ACTORS
                and text[named[i - 1].end : a.start].isspace()
            )
        ]
        # "Hayat Tahrir al-Sham's General Security Service": the owner's unit is the owner.
        owned = [
            i
            for i in range(1, len(named))
            if text[named[i - 1].end : named[i].start] in ("'s ", "’s ", "' ", "’ ")
            and named[i - 1].actor.side != named[i].actor.side
        ]
        for i in owned:
            owner = named[i - 1]
            named[i] = ActorMention(named[i].start, named[i].end, named[i].surface, owner.actor)
        spans = [(a.start, a.end) for a in named]
        taken = _Spans(spans)
        extra = [a for a in self.find_implicit(text) if not taken.touch(a.start, a.end + 1)]
        for a in named:
            # "Turkish and SNA forces": the adjective shares the named actor's noun.
            m = _ADJ_AND.search(text, max(0, a.start - 24), a.start)
            if m is None or any(s < m.end("adj") and m.start() < e for s, e in spans):
                continue
            if m.group("adj").lower() == "us" and m.group("adj") != "US":
                continue
            air = bool(_AIR_AFTER.match(text, a.end))
            actor = self._by_adjective(m.group("adj"), air)
            if actor is not None and actor is not a.actor and all(x.start != m.start() for x in extra):
                extra.append(ActorMention(m.start(), m.end("adj"), m.group("adj"), actor))
        sna = self.by_name.get("Syrian National Army")
        for a in named:
            # State media: "Turkish occupation forces and their mercenaries" are Turkey and the SNA.
            m = _THEIR_MERCENARIES.match(text, a.end) if a.actor.side == "turkey" else None
            if m is not None and sna is not None:
                extra.append(ActorMention(m.start("who"), m.end("who"), m.group("who"), sna))
        return sorted(named + extra, key=lambda a: a.start)

    def find(self, text: str) -> list[ActorMention]:
        """Actor mentions in ``text``, leftmost-longest, non-overlapping.

        Examples
        --------
        >>> t = load_actors()
        >>> [m.actor.name for m in t.find("ISIS is losing; Daesh fighters fled the SDF.")][:1]
        ['Islamic State']
        """
        low = text.lower()
        hits: list[tuple[int, int, str]] = []
        for end, alias in self._auto.iter(low):
            start = end - len(alias) + 1
            if start > 0 and (low[start - 1].isalnum() or low[start - 1] == "_"):
                continue
            if end + 1 < len(low) and (low[end + 1].isalnum() or low[end + 1] == "_"):
                # allow plural/possessive "s" on word aliases: "Kurds", "rebels"
                if not (
                    low[end + 1] == "s"
                    and (end + 2 >= len(low) or not low[end + 2].isalnum())
                    and alias not in self._case_sensitive
                    and len(alias) > 4
                ):
                    continue
                end += 1
            if alias in self._case_sensitive and text[start : start + len(alias)] != alias:
                continue
            if alias in _WORDLIKE and _a_word_here(text, start, end + 1):
                continue
            hits.append((start, end + 1, alias))
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        out: list[ActorMention] = []
        last_end = -1
        for start, end, alias in hits:
            if start < last_end:
                continue
            out.append(ActorMention(start, end, text[start:end], self._aliases[alias]))
            last_end = end
        return _glossed(text, out)


#: The name a bracketed actor glosses: "the Internal Security Forces (Asayish)".
_GLOSSED_NAME = re.compile(r"(?:\b[A-Z][\w'’-]*(?:\s+(?:of|and|for|the|al-|el-)?\s*[A-Z][\w'’-]*){0,5})\s*\($")


def _glossed(text: str, found: list[ActorMention]) -> list[ActorMention]:
    """One mention for a name and its gloss in brackets: "Syrian Democratic Forces (SDF)".

    The bracketed name and the name before it are one actor, named once: the
    mention spans both and the closing bracket, so what follows ("... (SDF)
    said") reads as following the actor.  A gloss of an unknown name ("the
    Internal Security Forces (Asayish)") names the actor for the whole phrase.
    """
    out: list[ActorMention] = []
    for a in found:
        if not (a.start > 0 and text[a.start - 1] == "(" and text[a.end : a.end + 1] == ")"):
            out.append(a)
            continue
        prev = out[-1] if out else None
        if prev is not None and text[prev.end : a.start - 1].strip() == "":
            # "Hayat Tahrir al-Sham (HTS)": the fuller name keeps its actor unless the
            # gloss is the more specific ("Kurdish police (Asayish)" is the Asayish).
            keep = a.actor if prev.actor.name in GENERIC_ACTORS else prev.actor
            out[-1] = ActorMention(prev.start, a.end + 1, text[prev.start : a.end + 1], keep)
            continue
        m = _GLOSSED_NAME.search(text, max(0, a.start - 80), a.start)
        start = m.start() if m is not None and (prev is None or m.start() >= prev.end) else a.start - 1
        out.append(ActorMention(start, a.end + 1, text[start : a.end + 1], a.actor))
    return out


#: Actors that name no group, only a kind of armed men ("gunmen", "rebels", "terrorists").
GENERIC_ACTORS = frozenset(
    {"Syrian opposition armed groups", "Unidentified armed group (state-media usage)", "Unidentified armed group"}
)


def unnamed(actor: str) -> bool:
    """Whether an actor name says who acted: not when empty, unidentified or generic ("rebels").

    >>> unnamed(""), unnamed("Unidentified military forces"), unnamed("Syrian opposition armed groups")
    (True, True, True)
    >>> unnamed("Hayat Tahrir al-Sham")
    False
    """
    return not actor or actor.startswith("Unidentified") or actor in GENERIC_ACTORS


_SUSPECTED = re.compile(
    r",?\s+(?:(?:who\s+(?:are|were)\s+)?(?:believed|thought|suspected|said|reported|claimed|alleged)\s+to\s+"
    r"(?:be|belong\s+to|have\s+been)|suspected\s+of\s+being)\s+(?:(?:members|fighters|militants)\s+(?:of|from)\s+)?(?:the\s+)?",
    re.I,
)
#: Case-sensitive aliases that are also English words in capitals ("THE SHELLING IS CONTINUING").
_WORDLIKE = frozenset({"IS", "US", "TIP"})
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[^\w\n]{1,3}$")
_WORD_AFTER = re.compile(r"[^\w\n]{1,3}([A-Za-z]+)")
#: Words after which "IS" names the group ("against IS is", "said IS fighters ...").
_BEFORE_GROUP = frozenset(
    "the by against of and or with from to that said says say for on as between at than after before which "
    "when while near under claimed blamed accused fighting fought fight toward towards versus vs like including "
    "defeated defeat expelled ousted drove routed attacked targeted joined join where whom how if since until "
    "because but so then both either neither nor about into within without over among around across behind "
    "beyond also".split()
)
#: Words after which a capitalised "IS" is still the group in shouting text ("IS FIGHTERS").
_GROUP_NEXT = frozenset(
    "fighters militants jihadists cells cell gunmen terrorists claimed claims claim attacked attack attacks "
    "killed executed group remnants suicide positions position posts members member commander commanders "
    "leader leaders emir stronghold strongholds territory hideouts hideout sleeper militant fighter targets "
    "bases base headquarters ambush attackers pocket enclave car".split()
)


def _a_word_here(text: str, start: int, end: int) -> bool:
    """Whether a capitalised alias that is also a word ("IS", "US") is that word here.

    In shouting text ("THE SHELLING IS CONTINUING") the words around it are capitals too;
    as a verb ("the situation IS critical") a common noun stands before it and no group
    word after it.
    """
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    after = _WORD_AFTER.match(text, end)
    prev = before.group(1) if before is not None else ""
    nxt = after.group(1) if after is not None else ""
    if nxt.lower() in _GROUP_NEXT or prev.lower() in _BEFORE_GROUP:
        return False
    shouting = len(prev) > 1 and prev.isupper() and len(nxt) > 1 and nxt.isupper()
    verb = text[start:end] == "IS" and prev.islower() and nxt.islower()
    return shouting or verb


_IMPLICIT = Folded(
    re.compile(
        r"\b(?P<adj>regime|government|pro-government|pro-regime|loyalist|syrian|russian|turkish|israeli|"
        r"us-led|u\.s\.-led|us|u\.s\.|american|coalition|rebel|opposition|kurdish|jordanian|iraqi|french|british|iranian)"
        r"(?:\s+and\s+(?P<adj2>syrian|russian|regime|government)(?:\s+regime)?)?\s+"
        r"(?P<noun>air ?strikes?|air[- ]raids?|aerial|airstrikes?|warplanes?|war planes?|jets?|helicopters?|planes?|aircraft|"
        r"barrel bombs?|drones?|raids?|strikes?|shelling|bombardment|bombing|artillery|rockets?|missiles?|mortars?|"
        r"forces|troops|soldiers?|army|fighters?|gunm[ae]n|snipers?|militias?|atgms?(?: fire)?|anti-tank (?:missiles?|fire)|offensive|assault|attacks?|fire|tanks?|"
        r"positions|posts|outposts?|checkpoints?|bases?|convoys?|"
        r"(?:tunnel |car )?bombs?|(?:tunnel )?blasts?|(?:tunnel )?explosions?|ambush(?:es)?|massacres?|regime)\b",
        re.I,
    )
)
#: "Regime commits massacre", "Regime shells Ariha": the regime as a headline's subject.
#: What a subject does when it commits violence ("shells", "struck", "launched air strikes").
_DOES = (
    r"commit(?:s|ted)?|kill(?:s|ed)?|shell(?:s|ed)?|bomb(?:s|ed)?|target(?:s|ed)?|storm(?:s|ed)?|attack(?:s|ed)?|"
    r"pound(?:s|ed)?|hit(?:s)?|strikes?|struck|execute(?:s|d)?|arrest(?:s|ed)?|besiege(?:s|d)?|massacres?|massacred|"
    r"raid(?:s|ed)?|fire(?:s|d)?|captur(?:es|ed)|seiz(?:es|ed)|deploy(?:s|ed)|shot\s+down|downed|"
    r"(?:set\s+up|established|built)\s+(?:an?\s+|its\s+|their\s+)?(?:new\s+)?(?:military\s+)?(?:base|post|observation)|"
    r"launched\s+(?:\w+\s+)?(?:strikes?|air\s?strikes?|raids?|missiles?|rockets?|attacks?|drones?)|"
    r"carried\s+out\s+(?:\w+\s+)?(?:strikes?|air\s?strikes?|raids?|attacks?)"
)
_REGIME_DOES = Folded(
    re.compile(
        r"(?<!sanctions )(?<!control )(?<!trade )(?<!visa )(?<!inspection )(?<!truce )(?<!ceasefire )"
        rf"\b(?:syrian |assad )?regime(?=\s+(?:{_DOES})\b)",
        re.I,
    )
)
#: "Israel struck ...", "Turkey has shelled ...": a state named as who did the violence.
_STATE_DOES = Folded(
    re.compile(
        r"(?<![-\w])(?P<state>Israel|Turkey|Russia|Iran|(?:the\s+)?United\s+States|(?:the\s+)?U\.?S\.?|America)"
        r"(?:(?!\s*['’])(?=(?:\s*,\s*(?i:meanwhile|in turn|for its part|too)\s*,)?"
        r"\s+(?i:(?:has|had|have|reportedly|allegedly|also|then|again|repeatedly|later)\s+){0,2}"
        rf"(?i:{_DOES})\b"
        # "Russia said its jets had killed 30 militants": its own forces' deed.
        r"|\s+(?i:said|says|claimed|announced|reported|stated)\s+(?i:that\s+)?(?i:its|their)\s+"
        r"(?i:jets|warplanes|aircraft|air force|planes|forces|troops|army|soldiers|artillery|drones|navy|warships))"
        # "Israel's military said it struck ...", "Turkey's army shelled ...": the state's forces.
        r"|(?=['’]s\s+(?i:military|army|armed forces|air force|forces|troops|jets|warplanes|drones|artillery|navy)\b))"
    )
)
_STATE_FORCES = {
    "israel": "Israel Defense Forces",
    "turkey": "Turkish Armed Forces",
    "russia": "Military Forces of Russia",
    "iran": "Military Forces of Iran",
    "united states": "Military Forces of the United States",
    "the united states": "Military Forces of the United States",
    "us": "Military Forces of the United States",
    "the us": "Military Forces of the United States",
    "america": "Military Forces of the United States",
}
#: Another state's "regime" or "government", as some outlets write it ("the Israeli regime").
_FOREIGN_BEFORE = re.compile(
    r"\b(?:israeli|zionist|israel's|turkish|turkey's|erdogan|erdogan's|ottoman|iranian|iran's|saudi|iraqi|"
    r"american|u\.?s\.?|russian|jordanian|lebanese|occupation|occupying|kurdish|qatari|emirati|french|british)\s+$",
    re.I,
)


def _foreign_before(text: str, pos: int) -> bool:
    """Whether another state's adjective stands right before ``pos`` ("the Israeli| regime")."""
    return _FOREIGN_BEFORE.search(text, max(0, pos - 20), pos) is not None


#: "-linked", "-backed" after a name: a description of the group that follows.
_DESCRIBES = re.compile(
    r"\s?[-‐‑–]\s?(?:linked|affiliated|aligned|allied|inspired|backed|sponsored|led|dominated|run|controlled)\b",
    re.I,
)
_STOP = re.compile(r"[.;:!?]")
_BARREL = Folded(re.compile(r"\bbarrel[- ]bombs?\b", re.I))
_THEIR_MERCENARIES = re.compile(r"\s+and\s+(?P<who>(?:its|their)\s+mercenar(?:ies|y)(?:\s+groups?)?)\b", re.I)
#: How the nouns of weapons that fly begin (warplanes, jets, drones, barrel bombs...).
_AIR_NOUN_START = r"air|aerial|war ?planes?|jets?|helicopters?|planes?|aircraft|barrel|drones?"
_AIR_START = re.compile(_AIR_NOUN_START, re.I)
_AIR_AFTER = re.compile(rf"\s+(?:{_AIR_NOUN_START})", re.I)
_IMPLICIT_ACTORS: dict[tuple[str, bool | None], str] = {
    ("regime", True): "Syrian Arab Air Force",
    ("regime", False): "Syrian Arab Army",
    ("government", True): "Syrian Arab Air Force",
    ("government", False): "Syrian Arab Army",
    ("pro-government", None): "Syrian Arab Army",
    ("pro-regime", None): "Syrian Arab Army",
    ("loyalist", None): "Syrian Arab Army",
    ("syrian", True): "Syrian Arab Air Force",
    ("syrian", False): "Syrian Arab Army",
    ("russian", None): "Military Forces of Russia",
    ("turkish", None): "Turkish Armed Forces",
    ("israeli", None): "Israel Defense Forces",
    ("us-led", None): "US-led coalition",
    ("us-led", True): "US-led coalition",
    ("coalition", None): "US-led coalition",
    ("us", None): "Military Forces of the United States",
    ("american", None): "Military Forces of the United States",
    ("rebel", None): "Syrian opposition armed groups",
    ("opposition", None): "Syrian opposition armed groups",
    ("kurdish", None): "Syrian Democratic Forces",
    ("jordanian", None): "Military Forces of Jordan",
    ("iraqi", None): "Military Forces of Iraq",
    ("french", None): "Military Forces of France",
    ("british", None): "Military Forces of the United Kingdom",
    ("iranian", None): "Military Forces of Iran",
}
#: "Turkish and SNA forces": an adjective of that table before "and" and a named actor.
_ADJ_AND = re.compile(
    r"\b(?P<adj>"
    + "|".join(
        sorted(
            {re.sub(r"^us\b", r"u\\.?s\\.?", re.escape(adj)) for adj, _air in _IMPLICIT_ACTORS}, key=len, reverse=True
        )
    )
    + r")\s*(?:,\s*and|and|&)\s+$",
    re.I,
)


def _aliases_for(row_name: str, raw: str) -> list[str]:
    """The row's name and aliases, each also with the other apostrophe and with none.

    Scraped text often loses its apostrophes ("Peoples Protection Units",
    "Assads forces") or curls them; the table lists each spelling once.
    """
    names = [row_name] + [a.strip() for a in raw.split("|")]
    out: list[str] = []
    for n in names:
        out.append(n)
        if "'" in n or "’" in n:
            out += [n.replace("'", "’"), n.replace("’", "'"), re.sub(r"['’](?=s\b)", "", n)]
    return [n for n in dict.fromkeys(out) if n]


@lru_cache(maxsize=4)
def load_actors(path: str | Path | None = None) -> ActorTable:
    """Load the actor table (default ``data/actors.csv``).

    Raises :class:`~geomap.errors.GeomapError` naming the file and line on a bad row.
    """
    path = Path(path) if path is not None else data_dir() / "actors.csv"
    actors: list[Actor] = []
    aliases: dict[str, Actor] = {}
    seen: set[str] = set()  # the aliases, lower-cased
    case_sensitive: set[str] = set()
    renames: dict[str, int] = {}  # a new name -> the first line that gives it
    try:
        fh = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise GeomapError(f"{path}: cannot read the actor table ({exc.strerror})") from exc
    with fh:
        reader = csv.DictReader(fh)
        for lineno, row in enumerate(reader, 2):
            name = (row.get("name") or "").strip()
            if not name:
                continue
            try:
                inter = int(row.get("inter") or 0)
            except ValueError as exc:
                msg = f"{path}:{lineno}: inter {row.get('inter')!r} is not a number 1-8"
                raise GeomapError(msg) from exc
            actor = Actor(
                name,
                (row.get("side") or "").strip(),
                inter,
                (row.get("parent") or "").strip(),
                (row.get("country") or "").strip(),
                (row.get("kind") or "").strip(),
                (row.get("renamed_to") or "").strip(),
                (row.get("renamed_on") or "").strip(),
            )
            if bool(actor.renamed_to) != bool(actor.renamed_on) or (
                actor.renamed_on and not re.fullmatch(r"\d{4}-\d\d-\d\d", actor.renamed_on)
            ):
                msg = f"{path}:{lineno}: renamed_to and renamed_on go together, the date as YYYY-MM-DD"
                raise GeomapError(msg)
            renames[actor.renamed_to] = renames.get(actor.renamed_to, lineno)
            actors.append(actor)
            for alias in _aliases_for(name, row.get("aliases") or ""):
                key = alias.lower()
                if alias.isupper() and len(re.sub(r"[^A-Za-z]", "", alias)) <= 4:
                    case_sensitive.add(alias)
                    key = alias
                # First row wins on a shared alias; lower-case key for the matcher.
                if alias.lower() not in seen:
                    seen.add(alias.lower())
                    aliases[alias if key == alias else alias] = actor
    known = {a.name for a in actors}
    for new, lineno in renames.items():
        if new and new not in known:
            raise GeomapError(f"{path}:{lineno}: renamed_to {new!r} is not the name of a row")
    return ActorTable(actors, aliases, case_sensitive)


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: the two actor kinds joined, lower first; an actor alone gives N0.

    Examples
    --------
    >>> interaction(2, 1), interaction(7, None), interaction(None, 3)
    (12, 70, None)
    """
    if inter1 is None:
        return None
    if inter2 is None:
        return inter1 * 10
    a, b = sorted((inter1, inter2))
    return a * 10 + b


def inter_at(actor: Actor, country: str) -> int:
    """ACLED's inter code of ``actor`` at a site in ``country``.

    State forces are 1 at home and 8 (external forces) abroad: the Iraqi army is 1 in
    Iraq and 8 in Syria, the Syrian army 8 when it shells a Lebanese town.

    >>> iraq = Actor("Military Forces of Iraq", "coalition", 8, country="IQ", kind="state")
    >>> inter_at(iraq, "IQ"), inter_at(iraq, "SY")
    (1, 8)
    """
    if actor.kind == "state" and actor.country and actor.inter in (1, 8):
        return 1 if actor.country == country else 8
    return actor.inter
