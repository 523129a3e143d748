"""Build event records from an article's sentences, place mentions, actors, dates and counts.

One event per reported incident: a trigger ("airstrikes", "clashes",
"shelled"...) with the place list it governs.  A list of places ("in the
towns of X and Y") gives one event per place; a sentence with no place
inherits the paragraph's last place; a sentence that only counts the dead
("The attacks killed 17 civilians") adds its count to the event before it.
"""

from __future__ import annotations

import bisect
import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date as _date
from typing import TypeVar

from .._calendar import MONTHS
from .._geo import COUNTRY_NAMES, km
from ..geoparse.resolve import PLACE_DATELINE
from ..models import Article, Event, Mention
from .actors import CROWD_ACTOR, Actor, ActorMention, ActorTable, inter_at, interaction, unnamed
from .actors import GENERIC_ACTORS as _GENERIC_ACTORS
from .dates import find_dates, latest_day, resolve_date, resolve_from_month_day
from .fatalities import NUMWORD, Casualties, find_casualties, names_a_death, names_civilians, word_number
from .sentences import FEED_ITEM, split_sentences
from .types import BOMB_TYPES as _BOMB_TYPES
from .types import DISORDER, Trigger, find_triggers, incident_triggers

__all__ = ["extract_events"]

EVENT_COUNTRIES = frozenset({"SY", "IQ", "TR", "LB", "JO", "IL", "PS"})
_BY_NUMERIC = {iso: code for code, (_name, iso, _alpha3) in COUNTRY_NAMES.items()}
_LIST_GAP = re.compile(
    r"^\s*(?:,\s*(?:and\s+|or\s+)?|\s*and\s+|\s*or\s+|\s*&\s*)(?:the\s+)?(?:(?:city|town|village|villages|towns|"
    r"area|areas|province|governorate|countryside|neighbou?rhoods?|districts?)\s+of\s+"
    # "Kobani and villages near al-Malikiyah": the second site, near the place named.
    r"|(?:(?:several|some|other|nearby)\s+)?(?:villages|towns|areas|positions|farms|farmland|outskirts)\s+"
    r"(?:(?:north|south|east|west)\s+of|near|around|outside|of)\s+)?(?:the\s+)?$",
    re.I,
)
_HISTORY = re.compile(
    r"\b(?:in the period from|since (?:the start|the beginning|the signing|the agreement|the deal|the end|the fall|the launch|the outbreak|the capture|(?:19|20)\d\d)|over the (?:past|last) (?:\w+ )?years|(?:19|20)\d\d (?:to|and|-) (?:19|20)\d\d|previously|in the past|on several occasions|have been killed .{0,60} since"
    # "Ten years ago today, protests broke out in Daraa": an anniversary, not the day's news.
    r"|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|several|many|"
    r"a few|\d{1,2}) (?:years?|decades?) ago|(?:\w+ )?anniversary of)\b",
    re.I,
)
#: A force's people and its sites, as something hit: "soldiers", "fighters", "positions", "convoy".
_FORCE_PARTS = (
    r"members?|fighters?|soldiers?|troops|militants?|servicemen|personnel|commanders?|"
    r"convoys?|patrols?|positions|posts|outposts?|bases?|checkpoints?"
)
_VICTIM_AFTER = re.compile(
    # "Syrian [and Russian] soldiers were wounded": a partner named with it shares its fate.
    rf"^\s*(?:and\s+[\w-]+\s+)?(?:{_FORCE_PARTS}|elements?|jihadists?|extremists?|vehicles?)?\s*"
    r"(?:(?:were|was|have been|had been|has been|are|is)\s+(?:\w+\s+)?"
    r"(?:killed|wounded|injured|captured|executed|arrested|detained|slain|assassinated|kidnapped|abducted|shot dead"
    r"|hit|struck|targeted|attacked|shelled|bombed|ambushed|besieged)\b"
    # Headline style with no auxiliary ("29 rebels killed in ..."): only when no object follows the verb.
    r"|(?:dead|died)\b|(?:killed|wounded|injured|captured|executed|slain)\b(?=\s*(?:$|[.,;:]|in\b|on\b|by\b|during\b|when\b|as\b|after\b|near\b|while\b|and\b)))",
    re.I,
)
#: "An IED went off near a regime checkpoint": the force whose site it is was hit, not acting.
_SITE_NEAR = re.compile(
    r"\b(?:near|outside|close to|next to|by|in front of|at)\s+(?:an?\s+|the\s+|one\s+of\s+the\s+)?$", re.I
)
_FORCE_SITE_AFTER = re.compile(
    r"^\s*(?:military\s+|security\s+)?(?:checkpoints?|positions?|posts?|outposts?|bases?|barracks|headquarters|"
    r"convoys?|patrols?|vehicles?|buses|bus|airports?)\b",
    re.I,
)
_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+)?(?:\w+\s+)?$", re.I)
_LOCATIVE = re.compile(
    r"(?:\b(?:in|at|on|near|around|outside|of|into|inside|towards?|from|between|across|to|by|within|"
    r"entered|struck|hit|targeted|targeting|shelled|bombed|stormed|captured|attacked|reached|seized|"
    r"recaptured|besieged|pounded|raided|overran|liberated|hitting|striking|entering|outskirts|"
    r"countryside|vicinity|against|pound|pounds|pounded|syria'?s|syria’s)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}#?|^\W*|[:(]\s*)$",
    re.I,
)
#: "-Safita road", " highway": the place names one end of a road.
_ROAD_AFTER = re.compile(
    r"\s*(?:[-–—/]\s*(?:al-|el-|ad-|as-)?[A-Z][\w'’]*(?:[ -][A-Z][\w'’]*)?\s*)?"
    # "the Manbij frontline near Arima": a front is named after a town as a road is.
    r"(?:road|highway|motorway|route|front(?:\s*lines?)?|axis)\b",
    re.I,
)
_TARGET_BEFORE = re.compile(
    r"\b(?:on|against|targeting|targeted|at|positions of|posts of|position of|attacked|hit|struck|"
    r"shelled|bombed|ambushed|detained|arrested|captured|executed|(?<!according )to|defectors from|killing|kills|killed|wounding|"
    # "a bus carrying regime soldiers": whom the vehicle hit carried.
    r"carrying|transporting|ferrying|"
    r"(?:checkpoints?|convoys?|patrols?|headquarters|bases?|outposts?|barracks|offices?|buses|bus|gatherings?|"
    r"vehicles?|cars?|homes?|houses?) of)"
    # "on the ISIS", but not "On Monday regime forces shelled ...".
    # Not "killed in Syrian regime shelling", "killed by": a preposition names no target.
    # "targeting the car of a former rebel commander": the one hit.
    r"\s+(?:the\s+|an?\s+)?(?:(?!(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\d|"
    r"(?:in|by|during|when|after|as|near|at|from|with|while|amid|under|inside|within)\b)[\w'’-]+\s+)?$"
    r"|\b(?:detained|arrested|captured|killed|killing|executed|kidnapped|abducted|targeted|attacked|ambushed)\s+"
    r"(?:[\w'’-]+\s+){0,4}?(?:members?|fighters?|militants?|commanders?|leaders?|elements?|soldiers?) (?:of|from)\s+(?:the\s+|an?\s+)?$",
    re.I,
)
# Where remote fire came from, not where it fell: "fire from government positions in X".
_ORIGIN = re.compile(
    r"\bfrom\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:positions?|posts?|bases?|launchers?|batteries)\s+"
    r"(?:in|at|near|inside|around|of)\s+(?:the\s+)?(?:(?:town|village|city|area)\s+of\s+)?$"
    r"|\b(?:fired|launched|coming|came)\s+from\s+(?:the\s+)?(?:(?:town|village|city|area)\s+of\s+)?$"
    # "missiles from the direction of the occupied Golan, targeting ...": whence, not where.
    r"|\bfrom\s+the\s+direction\s+of\s+(?:the\s+)?(?:(?:occupied|Syrian|Lebanese|Israeli|Iraqi)\s+){0,2}$"
    r"|\bfrom\s+(?:the\s+)?(?:(?:occupied|Syrian|Lebanese|Israeli|Iraqi)\s+){0,2}(?:airspace|skies|territory|territories)"
    r"\s+(?:of|over|above)\s+(?:the\s+)?(?:(?:occupied|Syrian)\s+){0,2}$"
    # "Rebel shelling from Douma hit Bab Touma": where the fire came from.
    r"|\b(?:shelling|shells|rockets|missiles|mortars?|mortar fire|artillery(?: fire)?|projectiles)\s+from\s+"
    r"(?:the\s+)?(?:(?:town|village|city|area)\s+of\s+)?$",
    re.I,
)
#: Where missiles were shot down, not what they were fired at: "air defences intercepted some
#: of the missiles over Tartus and Hama".
_SHOT_DOWN = r"\b(?:intercept\w*|shot down|shoot down|downed)\b"
_INTERCEPTED_OVER = re.compile(
    _SHOT_DOWN + r"[^.;]{0,50}?\b(?:over|above|in the skies? of|in the airspace of)\s+(?:the\s+)?$",
    re.I,
)
#: Sides whose missiles come from the air (ACLED codes an Israeli missile strike as an air strike).
_AIR_POWERS = frozenset({"israel", "russia", "coalition"})
_INTERCEPTED = re.compile(_SHOT_DOWN, re.I)
_INCIDENT_DATE = re.compile(
    r"^\W*(?:the|this|that)\s+(?:[\w-]+\s+)?(?:incident|attack|strike|airstrike|air strike|raid|bombing|blast|"
    r"explosion|massacre|shelling|ambush|assault|killing|killings)\s+(?:[\w-]+\s+)?"
    r"(?:occurred|took place|happened|was carried out|came)\b",
    re.I,
)
# What may stand before a dateline at the top of a page: "Date of publication", "Updated", a weekday.
_DATELINE_LEAD = re.compile(
    r"^\W*(?:(?:date of publication|published|updated|last updated|posted)(?: on)?\W*)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*)?$",
    re.I,
)
#: The place just reported, named again as what was hit: "shelled the town", "struck the village".
_THE_PLACE_HIT = re.compile(
    r"\b(?:shelled|struck|hit|bombed|pounded|targeted|attacked|shelling\s+(?:of|on)|strikes?\s+on)\s+"
    r"(?:the|this|that)\s+(?:same\s+)?(?:town|city|village|area|neighbou?rhood|district|camp)\b",
    re.I,
)
#: What follows a site's name (not "in Fatah al-Sham mortar attacks", a group's name).
_SITE_NAME_AFTER = re.compile(
    r"\s*(?:$|[,.;:)\n]|\s(?:on|in|at|near|and|or|with|after|before|during|since|from|killing|leaving|where|which|"
    r"when|last|this|early|late|overnight|yesterday|today|countryside|area|province|district|village|town|"
    r"was|were|is|has|had)\b)"
)
#: "Separately, clashes were reported in Y": another incident, not by the force just named.
_SEPARATE = re.compile(
    r"\W*(?:separately|elsewhere|in (?:a|another) separate (?:incident|development|attack)|"
    r"in (?:another|other|a separate) (?:incidents?|developments?)|on another front)\b",
    re.I,
)
_POSSESSIVE = re.compile(r"['’]s\b")
_ANAPHORA = re.compile(
    r"\b(?:in|near|around) (?:the|this|that) (?:same )?(?:area|town|city|village|region|camp|district)\b|\bthere\b",
    re.I,
)
_NO_GUESS = frozenset(
    {
        "Agreement",
        "Headquarters or base established",
        "Other",
        "Non-violent transfer of territory",
        "Change to group/activity",
    }
)
_COUNT_BEFORE = re.compile(
    r"(?:(?<![\w,.:/-])(?!(?:19|20)\d\d\b)\d{1,4}(?![\d,])|\b(?:two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|half a dozen|a dozen|dozens of|scores of|hundreds of|several|many))\s+(?:(?!the\b|an?\b|\d)[\w-]+\s+)?"
    r"(?:(?:from|of)\s+(?:the\s+)?)?$",
    re.I,
)
_WEAPON_AFTER = re.compile(
    r"^\s*(?:air ?strikes?|air[- ]raids?|raids?|strikes?|jets?|warplanes?|planes?|aircraft|helicopters?|drones?|shells?|rockets?|missiles?|mortars?|artillery|barrel)",
    re.I,
)
_HELD_PEOPLE = frozenset({"Arrests", "Abduction/forced disappearance"})
_PEOPLE_AFTER = re.compile(
    r"\s+(?:(?:a|an|the|at least|some|\d+|two|three|four|five|six|seven|eight|nine|ten|dozens of|several|"
    r"many)\s+)?(?:[\w-]+\s+)?(?:activists?|men|man|women|woman|youths?|young men|people|persons|civilians?|"
    r"residents|villagers|journalists?|doctors?|teachers?|students?|lawyers?|protesters|demonstrators|"
    r"children|boys?|girls?|farmers|shepherds|refugees|returnees|displaced)\b",
    re.I,
)
#: A force that holds the place hit: "the ISIS-held town", "a town the rebels have held since 2012".
_HELD = re.compile(
    r"^\s*-?\s*(?:held|controlled|run|besieged|dominated|occupied|led"
    r"|(?:have|has|had)\s+(?:long\s+)?(?:held|controlled|run|besieged|occupied))\b",
    re.I,
)
_HELD_BY = re.compile(
    r"\b(?:held|controlled|run|besieged|dominated|occupied|surrounded|led|backed|supported|trained|armed)\s+by\s+(?:the\s+)?(?:\w+\s+)?$",
    re.I,
)
#: An operation reported without its doer: "air operations were carried out against ...".
_PASSIVE_OPERATION = re.compile(r"\b(?:was|were|has been|have been)\s+(?:carried out|conducted|launched)\b", re.I)
#: A relative clause on a place's holder, to its end: ", which is controlled by X and Y", ", held by X".
_HOLDER_CLAUSE = re.compile(
    r",\s*(?:which|that|where)?\s*(?:is|was|has been|had been|are|were)?\s*(?:now\s+|still\s+|currently\s+)?"
    r"(?:(?:held|controlled|run|dominated|occupied)\s+by|under\s+the\s+control\s+of)\s[^,;.()]*",
    re.I,
)
_AIR_SIDES = frozenset({"government", "russia", "coalition", "turkey", "israel"})
# Forces that in Syria strike only from the air: "the coalition struck X" is an air strike
# (types.py reads "coalition/Russia/Israel struck" so itself; this catches the rest by side).
_FLYING_SIDES = frozenset({"coalition", "russia", "israel"})
#: Armed groups, who fly only drones: no warplane or helicopter is theirs.
_GROUND_SIDES = frozenset({"jihadist", "opposition", "kurdish-led", "turkey-backed", "iran-backed"})
_DRONE = re.compile(r"\b(?:drones?|uavs?|quadcopters?)\b", re.I)
_STRUCK = re.compile(r"struck|hit|targeted|strikes?|attack(?:s|ed)?", re.I)
#: Sides that fight on the same side: "Syrian and Russian warplanes" are partners, not foes.
_CAMPS = (
    frozenset({"government", "government-allied", "russia", "iran-backed"}),
    frozenset({"turkey", "turkey-backed"}),
    frozenset({"coalition", "kurdish-led"}),
)


_HELPED_BY = re.compile(
    r"\b(?:in (?:cooperation|coordination|partnership|collaboration) with|together with|accompanied by|"
    r"escorted by|with the help of|with the support of|according to)\s+(?:the\s+)?(?:[\w-]+\s+)?$",
    re.I,
)
#: What joins two partners: "Syrian and Russian jets", "Hezbollah fighters and Syrian army troops".
_JOINED = re.compile(
    r"(?:\s+(?:fighters|forces|troops|militias?|militiamen|units|members|soldiers|personnel))?"
    r"\s*(?:,|and|,\s*and|,?\s*(?:along with|alongside|backed by|supported by|with the (?:support|backing|help) of"
    r"|under (?:the )?cover of|with (?:air )?(?:support|cover) from))\s*(?:the\s+)?"
)


#: A group and its members: "rebels including Jund al-Aqsa and Jaish al-Izza".
_MEMBERS = re.compile(
    r"(?:\s+(?:fighters|forces|groups|factions|militias))?,?\s+(?:including|among them|such as|led by)\s+(?:the\s+)?"
)


#: A sentence that points back to a group named before: "the group's suicide bomber", "its fighters".
_POINTS_BACK = re.compile(
    r"\b(?:the\s+(?:group|organi[sz]ation|militia|faction|jihadists?|militants)(?:['’]s)?|its|their|they|it)\b", re.I
)
#: "Turkish forces and allied Free Syrian Army fighters": named as the first one's allies.
_ALLIED = re.compile(
    r"(?:\s+(?:fighters|forces|troops|militias?|units))?\s*(?:,\s*)?(?:and|with|alongside)\s+"
    r"(?:(?:the|its|their)\s+)?(?:allied|affiliated|loyal|partner|proxy|(?:Turkish|Russian|Iranian|US)-backed)\s+",
    re.I,
)


def _same_camp(a: ActorMention, b: ActorMention) -> bool:
    return any(a.actor.side in camp and b.actor.side in camp for camp in _CAMPS)


#: Two groups that share one deed against a third: "Ahrar al-Sham and HTS
#: fighters attacked ...", "Rebels and HTS militants clashed with ..." (not "... clashed in X",
#: which is a fight between them, nor "... were killed", which names two sides' dead).
_AND_ONLY = re.compile(r"\s*(?:,\s*)?and\s+(?:the\s+)?")
_SHARED_NOUN = r"(?:fighters|militants|forces|troops|militias|militiamen|units|members|gunmen|jihadists)"
_SHARED_DEED = re.compile(
    rf"(?:\s+{_SHARED_NOUN})?\s+"
    r"(?:(?:have|had|also|reportedly|jointly|then)\s+){0,2}"
    r"(?:attacked|stormed|shelled|launched|captured|seized|took|ambushed|targeted|raided|besieged|"
    r"advanced|pushed|overran|assaulted|bombarded|(?:clashed|fought|battled)\s+(?:\w+\s+){0,2}?(?:with|against))\b",
    re.I,
)


def _partners(sentence: str, a: ActorMention, b: ActorMention) -> bool:
    """Whether two actors of one camp are named together ("Syrian and Russian jets")."""
    first, second = (a, b) if a.start < b.start else (b, a)
    if _MEMBERS.fullmatch(sentence, first.end, second.start) or _ALLIED.fullmatch(sentence, first.end, second.start):
        return True
    if not _same_camp(a, b):
        return bool(_AND_ONLY.fullmatch(sentence, first.end, second.start) and _SHARED_DEED.match(sentence, second.end))
    return bool(_JOINED.fullmatch(sentence, first.end, second.start))


#: Sides whose groups fight each other as often as they fight together (ISIS and HTS are both
#: "jihadist"): a second group of the same side is no partner unless named as one.
_RIVAL_SIDES = frozenset({"jihadist", "opposition", "unknown"})
#: Forces that can break up a protest (ACLED's "protest with intervention").
_STATE_SIDES = frozenset({"government", "government-allied", "russia", "turkey", "kurdish-led", "coalition", "israel"})
#: Who never protests in ACLED's sense, and may break a protest up: states and armed groups.
_ARMED_SIDES = _STATE_SIDES | {"jihadist", "iran-backed", "turkey-backed", "opposition", "unknown"}
_AIR_WORDS = re.compile(r"air|jets?|warplanes?|planes?|aircraft|helicopters?|drones?|barrel|raids?|strikes?|bomb", re.I)
_DELIVERED_BY_AIR = re.compile(r"\b(?:jets?|warplanes?|planes?|aircraft|helicopters?|air ?strikes?|dropped)\b", re.I)
_SUBORDINATE = re.compile(r"\b(?:while|whereas|although|though)\s+[^,;]{3,150}?,\s*", re.I)
_OF_THE = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?", re.I)
_CLAUSE = re.compile(r";|,\s*(?:while|whereas)\s+|\bwhile\s+|\bwhereas\s+", re.I)
_DEFAULT_ACTOR = {
    **CROWD_ACTOR,
    "Remote explosive/landmine/IED": "Unidentified armed group",
    "Suicide bomb": "Unidentified armed group",
    "Grenade": "Unidentified armed group",
    "Attack": "Unidentified armed group",
    "Abduction/forced disappearance": "Unidentified armed group",
    "Shelling/artillery/missile attack": "Unidentified armed group",
    "Chemical weapon": "Unidentified armed group",
    # Only states fly: an air strike whose force the article never names.
    "Air/drone strike": "Unidentified military forces",
}
_NO_CASUALTIES = Casualties()
_NAMES_ASCII = str.maketrans({"‘": "", "’": "", "ʿ": "", "ʾ": "", "'": "", "`": ""})


@dataclass
class _Draft:
    start: int
    end: int
    para: int
    trigger: Trigger
    mention: Mention
    date: str
    time_precision: int
    date_flag: str
    actors: list[ActorMention]
    inherited: list[ActorMention]
    sentence: str
    killed: int | None
    injured: int | None
    fatal_text: str
    civilians: bool
    from_title: bool = False
    dated_here: bool = False  # the sentence gives its own date
    own_kind: bool = False  # "a day after the shelling, gunmen killed ...": not of the deed told before
    share: bool = False  # the count is this place's share of an earlier total ("five of them in X")
    borrowed: bool = False  # placed at the article's first place, named further on


def _ascii(name: str) -> str:
    s = unicodedata.normalize("NFKD", name.translate(_NAMES_ASCII))
    return "".join(c for c in s if not unicodedata.combining(c))


def _eligible(m: Mention, countries: frozenset[str] = frozenset({"SY"})) -> bool:
    """Whether a mention can be an event site: a resolved place (not a country) in the countries of interest."""
    p = m.place
    return p is not None and p.kind != "country" and p.country in countries and m.cue != "dateline"


def _place_lists(sentence_mentions: list[Mention], text: str) -> list[list[Mention]]:
    """Group adjacent mentions joined by "and", "," or "or" into lists."""
    lists: list[list[Mention]] = []
    chain: tuple[list[Mention], int] | None = None  # the list a next name may join, from where
    for m in sentence_mentions:
        if chain is not None and _LIST_GAP.match(text[chain[1] : m.start]):
            chain[0].append(m)
            chain = (chain[0], m.end)
            continue
        if lists and text[lists[-1][-1].end : m.start].strip() == "(" and text[m.end : m.end + 1] == ")":
            # "Kobani (Ain al-Arab) and the village of X": the name in brackets glosses the
            # one before it (or says where it is) and the list goes on after the bracket.
            before = lists[-1]
            if m.place is not None and before[-1].place is not None and m.place.id == before[-1].place.id:
                before.append(m)
            else:
                lists.append([m])
            chain = (before, m.end + 1)
            continue
        lists.append([m])
        chain = (lists[-1], m.end)
    return lists


def _between_container(lists: list[list[Mention]], mentions: list[Mention], text: str) -> list[list[Mention]]:
    """Code "between the villages of X and Y in Z", with X or Y unknown, to Z (precision 2)."""
    out: list[list[Mention]] = []
    skip: set[int] = set()
    for i, group in enumerate(lists):
        if i in skip:
            continue
        head = text[max(0, group[0].start - 60) : group[0].start]
        unknown_pair = any(
            m.status == "unresolved"
            and abs(m.end - group[0].start) < 40
            or m.status == "unresolved"
            and abs(group[-1].end - m.start) < 40
            for m in mentions
        )
        if re.search(r"\bbetween\b", head, re.I) or any(m.cue == "between" for m in group):
            nxt = lists[i + 1] if i + 1 < len(lists) else None
            if (
                unknown_pair
                and nxt is not None
                and re.fullmatch(
                    r"\s*(?:,\s*)?(?:in|near|of)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}", text[group[-1].end : nxt[0].start]
                )
            ):
                out.append([replace(m, precision=2, cue="between, in") for m in nxt])
                skip.add(i + 1)
                continue
        out.append(group)
    return out


#: Between a coarse place and the finer one that says where in it: "near the Turkish
#: border in the town of", "in the Hama countryside, at".
_POSSESSIVE_GAP = re.compile(r"^['’]s\s+(?:(?:eastern|western|northern|southern|central|old)\s+)?$", re.I)
#: "the Homs district of Baba Amr": the quarter, named after the city.
_QUARTER_GAP = re.compile(r"^\s+of\s+(?:the\s+)?$", re.I)
_QUARTER_WORD = re.compile(r"\b(?:district|neighbou?rhood|quarter|suburb)$", re.I)
#: "the Damascus neighbourhood of Bab Touma": the word between the city and its quarter.
_QUARTER_WORD_GAP = re.compile(r"^\s+(?:district|neighbou?rhood|quarter|suburb|area)\s+of\s+(?:the\s+)?$", re.I)
_FINER_GAP = re.compile(r"^[\s,]{0,3}(?:in|at|near|outside|around|on)\b[\w\s'’-]{0,30}$", re.I)


# What parts two reports in one sentence: "; ", "while", "separately"...
_REPORTS_APART = re.compile(
    r"[;:]|\b(?:while|whereas|meanwhile|separately|also|and then|before|after|since|when|where|which)\b", re.I
)
# The place is where the deed was: "... killed five fighters near", "... close to the village of".
_WHERE_IT_WAS = re.compile(
    r"\b(?:in|at|near|around|outside|on the outskirts of|close to|(?:north|south|east|west)(?:east|west)? of)"
    r"\s+(?:the\s+)?(?:(?:town|village|city|area)\s+of\s+)?$",
    re.I,
)
#: Just before a name that is the site of the deed: where it was, or what the deed hit ("shelled X").
_NAMED_SITE_BEFORE = re.compile(
    _WHERE_IT_WAS.pattern + r"|\b(?:into|inside|hit|hitting|struck|striking|targeted|targeting|shelled|shelling|"
    r"bombed|bombing|stormed|captured|attacked|seized|raided|pounded|besieged|entered)\s+(?:the\s+)?"
    r"(?:(?:town|village|city|area)\s+of\s+)?$",
    re.I,
)


def _one_report(gap: str) -> bool:
    """Whether the words between a region and a place inside it tell one report's deed, not another's.

    "Clashes in the eastern countryside of Aleppo between X and Y killed five fighters
    near al-Bab": only its sides and its dead stand between; the place is where it was.
    """
    if len(gap) > 120 or _REPORTS_APART.search(gap) or not _WHERE_IT_WAS.search(gap):
        return False
    return not any(t.event_type for t in find_triggers(gap))


def _place_dateline_at(text: str, pos: int) -> bool:
    """Whether the date at ``pos`` is that of an "Idlib, 12 March 2019 —" dateline.

    The dateline opens a line at the top of the page (under the headline, if any).
    """
    line = text.rfind("\n", 0, pos) + 1
    if line > 400 or len([x for x in text[:line].split("\n") if x.strip()]) > 1:
        return False  # only the headline may stand above it
    m = PLACE_DATELINE.match(text[line : pos + 40])
    return m is not None and m.start("date") == pos - line


def _quarter_of(head: Mention, part: Mention, gap: str) -> bool:
    """Whether ``part`` is a part of ``head``: "Raqqa's al-Mishlab district", "the Homs district of Baba Amr".

    Not "the Hamdaniyeh district of Aleppo", where the city comes second.
    """
    if _POSSESSIVE_GAP.match(gap):
        return True
    city = head.place is not None and head.place.kind == "city"
    lower = part.place is not None and part.place.kind not in ("city", "governorate", "country")
    named = (_QUARTER_GAP.match(gap) and _QUARTER_WORD.search(head.surface)) or _QUARTER_WORD_GAP.match(gap)
    return bool(named and city and lower)


def _inside(m: Mention, coarse: list[Mention]) -> bool:
    """Whether a place may lie in one of the coarse ones (along a border, in a governorate)."""
    for c in coarse:
        if c.place is None or m.place is None:
            continue
        if c.place.kind == "border" or (c.place.admin1 and c.place.admin1 == m.place.admin1):
            return True
        if (
            c.place.kind == "region"
            and c.place.radius_km
            and km(c.place.lat, c.place.lon, m.place.lat, m.place.lon) <= 1.5 * c.place.radius_km
        ):
            return True  # "the Badia near Resafa": a region across governorates holds the town
    return False


def _one_per_point(group: list[Mention]) -> list[Mention]:
    """Keep one event where "between X and Y" put both names on one midpoint (or, far apart, on X)."""
    out: list[Mention] = []
    for m in group:
        if any(o.lat == m.lat and o.lon == m.lon and o.cue.startswith("between") for o in out):
            continue
        if m.cue == "between-end" and any(o.cue == "between" for o in out):
            continue  # "the road between Palmyra and Deir Ezzor": one incident, near Palmyra
        out.append(m)
    return out


def _most_specific(group: list[Mention]) -> list[Mention]:
    """Drop governorate-level places when a place inside that governorate is in the same list."""
    fine = [m for m in group if m.precision < 3]
    if not fine:
        return group
    fine_govs = {m.place.admin1 for m in fine if m.place}
    return [m for m in group if m.precision < 3 or (m.place and m.place.admin1 not in fine_govs)]


_FORCE_OF = {
    "Syrian government": "Syrian Arab Army",
    "Government of Russia": "Military Forces of Russia",
    "Turkish government": "Turkish Armed Forces",
    "Israeli government": "Israel Defense Forces",
    "Government of the United States": "Military Forces of the United States",
    "Government of Iran": "Military Forces of Iran",
}


def _as_forces(mentions: list[ActorMention], table: ActorTable) -> list[ActorMention]:
    """Governments named in a report of violence stand for their forces; political bodies drop out."""
    out = []
    for a in mentions:
        name = a.actor.name
        if name in _FORCE_OF and _FORCE_OF[name] in table.by_name:
            out.append(replace(a, actor=table.by_name[_FORCE_OF[name]]))
        elif not name.endswith("(political)"):
            out.append(a)
    return out


#: What the victims were said to have done, just before the side they were said to serve.
_ACCUSED_OF = re.compile(
    r"\b(?:accus\w+|charged?|charges|suspected|suspicion|alleged(?:ly)?|convicted)\b(?:\s+(?:of|with|them|him|her|to\s+be))*"
    r"[^.;]{0,30}?\b(?:spying|collaborat\w+|working|dealing|links?|ties|affiliation|cooperat\w+|communicat\w+|"
    r"loyalty|belonging|members?|informants?|agents?|spies)\b[^.;]{0,12}?\b(?:for|with|to|of)\s+(?:the\s+)?$",
    re.I,
)


#: What stands between the first side after "between" and the second: "... and (the) ".
_SECOND_SIDE = re.compile(r"(?:\band|&)\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}$", re.I)


_SAID_UNKNOWN = re.compile(r"\b(?:unknown|unidentified|masked|anonymous)\b", re.I)


def _choose_actors(
    sentence: str,
    actors: list[ActorMention],
    trig: Trigger,
    inherited: list[ActorMention],
    table: ActorTable | None = None,
) -> tuple[ActorMention | None, ActorMention | None]:
    """actor1 (who acted) and actor2 (who was acted on) for one event.

    "between A and B" gives both; "by A" marks the agent; an actor named as
    the one killed, captured or targeted ("positions of B", "B were killed")
    is actor2; otherwise the first actor before the trigger acted.  With no
    agent in the sentence, the agent of the paragraph's previous sentence is
    used, and a generic "militants" yields to a named group just mentioned.
    """
    blame = _BLAME.search(sentence) is not None
    inside = [
        a
        for a in actors
        if a.start < len(sentence)
        # "The White Helmets said ...": a rescuer or reporter who tells of it is the source;
        # "Turkey blamed the YPG": neither who blames nor who is blamed is a known party
        # (ACLED codes an alleged perpetrator as unidentified).
        # So is "according to the United Nations"; and who helped ("... in cooperation with the
        # Red Crescent") is no one acted on.
        and not (
            a.actor.side in ("humanitarian", "media")
            and (_SAID_AFTER.match(sentence, a.end) or _HELPED_BY.search(sentence, max(0, a.start - 40), a.start))
        )
        and not (
            blame
            and (_BLAMED_AFTER.match(sentence, a.end) or _BLAMED_BEFORE.search(sentence, max(0, a.start - 40), a.start))
        )
        # "executed two men on charges of spying for the regime": whom they were said to
        # serve is no party to the killing; the men are civilians.
        and not (a.start > trig.end and _ACCUSED_OF.search(sentence, max(trig.end, a.start - 60), a.start))
    ]
    # "in al-Bab, which is occupied by Turkish forces": who holds the place is said of the
    # place, not of the deed; neither side of it.
    held = [(h.start(), h.end()) for h in _HOLDER_CLAUSE.finditer(sentence)]
    inside = [a for a in inside if not any(s <= a.start < e for s, e in held)]
    # "The Damascus government said Israeli jets struck ...": who says it is not a party
    # when the report it gives has its own subject ("The army said it shelled ..." keeps
    # it), unless the report is of its own losses ("... killed two of its fighters").
    speakers = {
        id(a)
        for a in inside
        if (said := _SAID_AFTER.match(sentence, a.end))
        and said.end() < trig.start
        and any(said.end() <= b.start < trig.start for b in inside)
    }
    own_losses = bool(speakers) and _OWN_PEOPLE.search(sentence, trig.end) is not None
    if not own_losses:
        inside = [a for a in inside if id(a) not in speakers]
    # "..., killing 19 people, the US-led coalition said" / "according to the Russian defence
    # ministry": who tells of it after the report is its source, not a party to it; but an
    # operation "was carried out", by no one named, is the one the state that tells of it ran.
    claimed = _PASSIVE_OPERATION.search(trig.text) is not None and not any(a.start < trig.end for a in inside)
    inside = [
        a
        for a in inside
        if (claimed and a.actor.side in _AIR_SIDES)
        or not (
            a.start > trig.end
            and (
                (
                    _SAID_AFTER.match(sentence, a.end)
                    and _TRAILING_SOURCE.search(sentence, max(0, a.start - 40), a.start)
                )
                or _ACCORDING_TO.search(sentence, max(0, a.start - 40), a.start)
            )
        )
    ]
    inherited = [a for a in inherited if a.actor.side not in ("civilians", "humanitarian", "media")]
    if trig.sub_event_type in _BOMB_TYPES:
        # A state's artillery in the sentence before does not plant the car bomb of this one;
        # nor does a force named before plant it unless the sentence points back to it ("the
        # group's suicide bomber", "its fighters").  ACLED leaves an unclaimed bomb unidentified.
        inherited = [
            a for a in inherited if a.actor.side not in _STATE_SIDES and _POINTS_BACK.search(sentence, 0, trig.end)
        ]
    if trig.event_type != "Strategic developments" and table is not None:
        # Governments and political bodies speak about violence; their forces do it.
        inside = _as_forces(inside, table)
        inherited = _as_forces(inherited, table)
    if trig.event_type == "Protests":
        # The state is never who protests ("chanting for the fall of the regime"); it is the
        # second actor only when it intervenes.
        state = [a for a in inside if a.actor.side in _ARMED_SIDES]
        inside = [a for a in inside if a.actor.side not in _ARMED_SIDES]
        inherited = [a for a in inherited if a.actor.side not in _ARMED_SIDES]
        if state and (trig.sub_event_type != "Peaceful protest" or _INTERVENED.search(sentence)):
            protesters = inside or inherited
            return (protesters[0] if protesters else None), state[0]
    if not inside:
        named = [a for a in inherited if a.actor.name not in _GENERIC_ACTORS] or list(inherited)
        first = named[0] if named else None
        second = next((a for a in named[1:] if first and a.actor.name != first.actor.name), None)
        return first, second
    # "while the militants were busy fighting each other, the army shelled ...": who is in a
    # subordinate clause before the deed is no party to it.
    sub = max(_SUBORDINATE.finditer(sentence, 0, trig.start), key=lambda m: m.end(), default=None)
    if sub is not None and sub.end() <= trig.start and any(a.start >= sub.end() for a in inside):
        inside = [a for a in inside if not sub.start() <= a.start < sub.end()]
    # "militants of Jaish al-Izza": the named group is who they are.
    inside = [
        a
        for i, a in enumerate(inside)
        if not (
            a.actor.name in _GENERIC_ACTORS
            and i + 1 < len(inside)
            and _OF_THE.fullmatch(sentence, a.end, inside[i + 1].start)
        )
    ]
    m = re.search(r"\bbetween\s+(?:the\s+)?", sentence)
    if m:
        # "clashes between A (backed by X) and B": the sides follow "between" and "and";
        # "the road between Amuda and Qamishli ... members of A ... a civilian" names no sides.
        after = [a for a in inside if a.start >= m.end()]
        first = after[0] if after and after[0].start - m.end() <= 15 else None
        second = next(
            (b for b in after[1:] if first is not None and _SECOND_SIDE.search(sentence, first.end, b.start)),
            None,
        )
        if first is not None and second is not None and first.actor.name != second.actor.name:
            return first, second
    agent: ActorMention | None = None
    for a in inside:
        if (
            _BY_BEFORE.search(sentence[max(0, a.start - 20) : a.start])
            and not _HELD_BY.search(sentence[max(0, a.start - 30) : a.start])
            and not re.search(
                r"\b(?:reported|according|said|claimed|announced|cited)\b[^,]{0,30}$", sentence[: a.start], re.I
            )
        ):
            agent = a
            break
    patients = set()
    for a in inside:
        tail = sentence[a.end : a.end + 60]
        head = sentence[max(0, a.start - 60) : a.start]
        count = _COUNT_BEFORE.search(head)
        # "April 24 Assad forces ...": the day of a date, not a count of them.
        counted = count and not _WEAPON_AFTER.match(tail) and not _MONTH_BEFORE.search(head, 0, count.start())
        if (
            _VICTIM_AFTER.match(tail)
            or _TARGET_BEFORE.search(head)
            or counted
            or _HELD.match(tail)
            or (_SITE_NEAR.search(head) and _FORCE_SITE_AFTER.match(tail))  # "near a regime checkpoint"
            or (
                a.actor.side in ("civilians", "humanitarian", "media")
                # "A UN convoy entered al-Rastan": aid workers who do the non-violent deed did it.
                and not (
                    a.actor.side == "humanitarian"
                    and trig.sub_event_type in ("Other", "Agreement")
                    and a.start < trig.start
                )
            )
            or id(a) in speakers
        ):
            patients.add(id(a))
    # The same force named again is hit too ("ISIS fighters ... ISIS fighters were killed");
    # not the one standing right before the trigger as who acted ("Turkish artillery
    # shelled ... after the killing of five Turkish soldiers").
    subject = max((a for a in inside if a.start < trig.start), key=lambda a: a.start, default=None)
    patient_names = {a.actor.name for a in inside if id(a) in patients}
    patients |= {id(a) for a in inside if a.actor.name in patient_names and a is not subject}
    if agent is not None:
        patients.discard(id(agent))
    if agent is None and trig.sub_event_type == "Armed clash" and all(id(a) in patients for a in inside):
        # "SDF and ISIS fighters were killed in clashes": each side's dead; the two sides fought.
        sides = [a for i, a in enumerate(inside) if all(b.actor.name != a.actor.name for b in inside[:i])]
        foe = next((a for a in sides[1:] if not _same_camp(sides[0], a)), None)
        if foe is not None:
            return sides[0], foe
    if agent is None:
        clause_start = max((m.end() for m in _CLAUSE.finditer(sentence, 0, trig.start)), default=0)
        before = [a for a in inside if a.start < trig.start and id(a) not in patients]
        in_clause = [a for a in before if a.start >= clause_start]
        after_t = [a for a in inside if a.start >= trig.start and id(a) not in patients]
        agent = (in_clause or before or after_t or [None])[0]  # type: ignore[list-item]
    stood_for: ActorMention | None = None  # the generic word a group named before stands in for
    if agent is None or (agent.actor.name in _GENERIC_ACTORS and not _SAID_UNKNOWN.search(agent.surface)):
        # (Not "unknown gunmen": the text says it does not know who, so no one named before is.)
        hit = [a for a in inside if id(a) in patients]
        named = [
            a
            for a in inherited
            if a.actor.name not in _GENERIC_ACTORS
            and id(a) not in patients
            # Not the ally of the one hit: "several SDF fighters were killed" after a sentence
            # on coalition strikes is not the coalition's doing.
            and not any(_same_camp(a, b) or a.actor.name == b.actor.name for b in hit)
        ]
        if agent is None and named:
            agent = named[0]
        elif agent is not None and named and named[0].actor.side in ("jihadist", "opposition", "turkey-backed"):
            agent, stood_for = named[0], agent  # "Militants also shot dead ...": the group just named
    other = None
    allies = [agent] if agent is not None else []
    for a in inside:
        if agent is not None and (a.actor.name == agent.actor.name or a is agent or a is stood_for):
            continue
        if (
            agent is not None
            and a.actor.side == agent.actor.side
            and a.actor.side not in _RIVAL_SIDES
            and id(a) not in patients
        ):
            continue
        if agent is not None and any(_partners(sentence, b, a) for b in allies):
            allies.append(a)  # "Rebels including Jund al-Aqsa and Jaish al-Izza": a chain of partners
            continue
        other = a
        break
    return agent, other


def _generic_type(
    trig: Trigger, civilians: bool, actor1: ActorMention | None, actor2: ActorMention | None
) -> tuple[str, str]:
    if trig.event_type:
        return trig.event_type, trig.sub_event_type
    if actor1 is not None and actor1.actor.side in _FLYING_SIDES and _STRUCK.fullmatch(trig.text):
        return "Explosions/Remote violence", "Air/drone strike"
    hit_civilians = actor2 is not None and actor2.actor.side == "civilians"
    if hit_civilians or (civilians and actor2 is None):
        return "Violence against civilians", "Attack"
    return "Battles", "Armed clash"


def _type_for(trig: Trigger, a1: ActorMention | None) -> tuple[str, str]:
    etype, sub = trig.event_type, trig.sub_event_type
    if etype == "Battles" and sub in ("Government regains territory", "Non-state actor overtakes territory") and a1:
        state = a1.actor.side in ("government", "government-allied", "russia", "iran-backed")
        sub = "Government regains territory" if state else "Non-state actor overtakes territory"
    return etype, sub


_Spanned = TypeVar("_Spanned", Mention, ActorMention)


def _starting_in(items: Sequence[_Spanned]) -> Callable[[int, int], list[_Spanned]]:
    """A look-up of the items that start in ``[a, b)``, in their order: by bisection when sorted.

    A long text has thousands of sentences and mentions; scanning every mention for every
    sentence was quadratic.

    >>> from geomap.events.actors import ActorMention
    >>> find = _starting_in([ActorMention(s, s + 2, "IS", None) for s in (1, 5, 9)])
    >>> [a.start for a in find(4, 10)], find(10, 20)
    ([5, 9], [])
    """
    starts = [x.start for x in items]
    if any(b < a for a, b in zip(starts, starts[1:], strict=False)):
        return lambda a, b: [x for x in items if a <= x.start < b]
    return lambda a, b: list(items[bisect.bisect_left(starts, a) : bisect.bisect_left(starts, b)])


def extract_events(
    article: Article,
    mentions: Sequence[Mention],
    *,
    actors: ActorTable,
    reference_date: object = None,
    countries: Sequence[str] = ("SY",),
    title_admin1: frozenset[str] = frozenset(),
    named_actors: Sequence[ActorMention] | None = None,
) -> list[Event]:
    """Events reported by one article.

    Parameters
    ----------
    article
        The cleaned article (its ``published`` date anchors relative dates).
    mentions
        Resolved place mentions of the article (offsets into ``article.text``).
    actors
        The actor table.
    reference_date
        A ``datetime.date`` to use when the article has none (``--reference-date``).
    countries
        ISO2 codes of the countries whose places can be event sites (the country bias).
    named_actors
        ``actors.find(article.text)``, when the caller has already found them.
    """
    text = article.text
    published = article.published
    if published is None and isinstance(reference_date, _date):
        # A post headed "Jun 19": the last 19 June on or before the reference date.
        published = latest_day(article.published_day, reference_date) if article.published_day else reference_date
    year_flag_override = article.published is None and published is not None
    actor_hits = actors.find_all(text, named_actors)
    drafts: list[_Draft] = []
    para_date: dict[int, tuple[str, int, str]] = {}
    last_place: dict[int, Mention] = {}
    last_date: str | None = None
    last_actors: dict[int, list[ActorMention]] = {}
    focus = frozenset(c.upper() for c in countries)
    eligible = [m for m in mentions if _eligible(m, focus)]
    # The fallback site of an opening report with no place of its own; a border named
    # in passing ("a hub linking them with the Turkish border") is the last resort.
    title_places = [m for m in eligible if m.place is not None and m.place.kind != "border"][:1] or eligible[:1]

    after_history: int | None = None  # the paragraph of the clause just passed over as background
    lead_day: tuple[str, int, str] | None = None  # the day the article's lead gives
    first_para: int | None = None
    # The text's first sentence: a toll there may be the main event's (see _finish).
    lead = _LEAD_END.search(text, 0, 300)
    lead_end = lead.start() if lead is not None else min(len(text), 300)
    lead_clauses: list[tuple[int, int]] = []
    in_mentions, in_actors = _starting_in(mentions), _starting_in(actor_hits)
    for s_start, s_end, para in _clauses(text, mentions, focus):
        if s_start < lead_end:
            lead_clauses.append((s_start, min(s_end, lead_end)))
        sentence = text[s_start:s_end]
        follows_history, after_history = after_history == para, None
        first_para = para if first_para is None else first_para
        triggers = incident_triggers(sentence)
        s_mentions = in_mentions(s_start, s_end)
        s_places = [m for m in s_mentions if _eligible(m, focus)]
        s_actors = in_actors(s_start, s_end)
        whole = sentence  # its dates are read whole: a year named with a past deed still says "history"
        past = _background(sentence, triggers, published) if triggers else []
        if past:
            # "where shelling killed 30 in March 2013", "a vigil for those killed in the bombing",
            # "the town was the site of a chemical attack": background; its toll and doer too.
            triggers = [t for t in triggers if not any(a <= t.start < b for a, b in past)]
            s_actors = [x for x in s_actors if not any(a <= x.start - s_start < b for a, b in past)]
            for a, b in past:
                sentence = sentence[:a] + " " * (b - a) + sentence[b:]
        # Counts matter only where something happened.
        cas = find_casualties(sentence) if triggers else _NO_CASUALTIES
        # Date of this sentence.
        hits = find_dates(whole)
        if (
            len(hits) > 1
            and hits[0].kind in ("dmy", "mdy", "iso", "dm", "md")
            and (
                _dateline_lead(_after_title(text[: s_start + hits[0].start], article.title))
                or _place_dateline_at(text, s_start + hits[0].start)
            )
        ):
            hits = hits[1:]  # the page's dateline, not the day of the report after it
        resolved, named_day = None, None
        history = bool(_HISTORY.search(whole)) or any(h.kind == "range_years" for h in hits) or (past and not triggers)
        # "the first raid since mid-September": the start of a period, not the day of the deed;
        # "As we noted last week,": the day of the outlet's own report.
        since = [h for h in hits if h.kind in _PERIOD_KINDS and _SINCE_BEFORE.search(sentence, 0, h.start + 6)]
        history = history or bool(since)
        hits = [h for h in hits if h not in since and not _OWN_REPORT_BEFORE.search(sentence, 0, h.start)]
        if len(hits) > 1:
            # "the Observatory said on Friday, after Wednesday's assault": the day it was told
            # gives way to the day of the deed the sentence also names.
            told = [h for h in hits if _TOLD_ON.search(sentence, max(0, h.start - 40), h.start)]
            if told and any(h.kind in _DAY_KINDS for h in hits if h not in told):
                hits = [h for h in hits if h not in told]
        if follows_history and _MEANWHILE_IN.search(sentence, 0, 40):
            history = True  # "Turkey, meanwhile, captured ..." after a sentence on past years
        came = _CAME_DAYS_AFTER.search(sentence) if drafts else None
        for h in hits:
            r = resolve_date(h, published, last_date)
            if (
                r is not None
                and came is not None
                and h.kind == "shift"
                and came.start() <= h.start < came.end()
                and last_date
                and not last_date.startswith("--")
            ):
                # "The attack comes a day after gunmen killed a soldier": the deed told next came first.
                last = _date.fromisoformat(last_date)
                back = last - (_date.fromisoformat(r[0]) - last)
                r = (back.isoformat(), r[1], r[2])
            if r is None and published is None and article.published_day and h.kind in _DAY_COUNTS:
                r = resolve_from_month_day(h, article.published_day)
            if r is not None:
                resolved, named_day = r, h
                break
            if h.kind in ("year", "month_year") and published is not None:
                history = True
        if triggers and published is not None and _older_year(whole[: triggers[0].start], published.year):
            history = True  # "the 1982 Hama massacre, when the army besieged the city": a bare year too
        carried = None
        if (
            resolved is None
            and drafts
            and (
                _MEANWHILE.match(sentence)
                or _LATER_THAT_DAY.match(sentence)
                or _THE_SAME_ATTACK.search(sentence, 0, 120)
            )
        ):
            # "Meanwhile, clashes broke out in Y", "The strikes hit positions near Y": on the
            # day of the report just before (a day carried, not one this sentence gives).
            dated = next((d for d in reversed(drafts) if d.date and d.date_flag != "article-date"), None)
            if dated is not None and dated.para >= para - 2:
                carried = (dated.date, dated.time_precision, dated.date_flag)
        if resolved is not None and resolved[1] == 1:
            if named_day is None or not _POSSESSIVE.match(whole, named_day.end):
                # Only a day carries on to the sentences after it, and as carried; "Sunday's
                # strike" is a deed told before, and no day for the reports after it.
                para_date[para] = (resolved[0], resolved[1], "carried")
            if (
                lead_day is None
                and para <= first_para + 1
                and s_start < _LEAD_REACH
                and not history
                and _LIST_LEAD.search(text, s_start, min(len(text), s_end + 2))
            ):
                lead_day = resolved
            history = history and resolved[2] == "approximate"
        if resolved is not None and not s_places and drafts and _INCIDENT_DATE.search(sentence):
            # "The incident occurred on April 11.": the day of the report just before.
            prev = drafts[-1]
            if prev.date_flag == "article-date" and prev.para >= para - 1:
                for d in drafts:
                    if d.start == prev.start:
                        d.date, d.time_precision, d.date_flag = resolved
                last_date = resolved[0]
                continue
        prev_actors = last_actors.get(para, [])
        if s_places:
            last_place[para] = min(s_places, key=lambda m: (m.precision, m.start))
        if s_actors:
            last_actors[para] = s_actors
        typed = [t for t in triggers if t.event_type]
        if typed and cas.killed is None and cas.injured is None and not cas.vague:
            # "The Hama offensive resumed": a campaign named after its region is no incident there.
            typed = [t for t in typed if not _named_campaign(sentence, t, s_places, s_start)]
        generic = [t for t in triggers if not t.event_type]
        own_kind = False
        if (
            typed
            and generic
            and drafts
            and all(_AFTER_THE.search(sentence, max(0, t.start - 40), t.start) for t in typed)
            and any(g.start > max(t.end for t in typed) for g in generic)
        ):
            # "A day after the shelling, gunmen killed a soldier": the shelling just told is the
            # time mark; the killing is the deed, of its own kind.
            typed, own_kind = [], True
        if came is not None and any(t.start >= came.end() for t in triggers):
            # "The attack comes a day after gunmen killed a soldier": "the attack" is the one
            # just told; what comes after is an earlier deed of its own kind.
            typed = [t for t in typed if t.start >= came.end()]
            generic = [t for t in generic if t.start >= came.end()]
            own_kind = not typed
        more = _MORE_HEAD.match(sentence) if not typed and drafts and drafts[-1].end == s_start else None
        if more is not None and s_places:
            # "... and three more in Abu Kamal on 3 May": the deed of the clause before,
            # and its count is more of the same (dead, when the dead were counted).
            prev = drafts[-1]
            typed = [replace(prev.trigger, start=0, end=0)]
            n = word_number(more.group("n"))
            if prev.killed is not None and n is not None and not _NOT_DEAD_AFTER.search(sentence):
                cas = Casualties(killed=n, civilians=prev.civilians, text=more.group())
            if resolved is not None and not prev.dated_here:
                # "... 5 in Masyaf and two others in Safita on Monday": the day is both clauses'.
                for d in drafts:
                    if d.start == prev.start:
                        d.date, d.time_precision, d.date_flag = resolved
        if history and resolved is None:
            after_history = para
            continue
        if (
            typed
            and not s_places
            and drafts
            and drafts[-1].para >= para - 1
            and resolved is None
            and (cas.adds or _ALSO_KILLED.search(sentence))
            and _THE_SAME_ATTACK.search(sentence)
            and _add_dead(drafts, para, cas)
        ):
            # "IS lost two fighters in the attack", "Twelve militants were also killed when the
            # army repelled the attack": more dead of the incident before.
            continue
        # A sentence that only adds a count to the event before it ("The toll later rose to 9."
        # has no trigger of its own).
        if not typed and not s_places and drafts and drafts[-1].para >= para - 1 and resolved is None:
            if not triggers and _TOLL_WORD.search(sentence):
                cas = find_casualties(sentence)
            # "There were no casualties.": a toll of none for the report before.
            if generic or cas.adds or (cas.killed == 0 and not triggers):
                prev = drafts[-1]
                carriers = _carriers(drafts, para)
                if prev.killed is None and (cas.killed is not None or (cas.vague and not prev.fatal_text)):
                    # "Several civilians were killed.": a vague count stays the text, not a number.
                    for d in carriers:
                        d.killed, d.fatal_text = cas.killed, cas.text or cas.vague
                        d.civilians = d.civilians or cas.civilians
                elif (cas.killed is not None or cas.vague) and (cas.adds or _ALSO_KILLED.search(sentence)):
                    # "Five Hezbollah fighters were also killed": more dead of the same incident.
                    _add_dead(drafts, para, cas)
                if cas.injured is not None and all(d.injured is None for d in carriers):
                    # "Eleven other people were wounded.": on the record that carries the toll.
                    holder = next((d for d in carriers if d.killed is not None), prev)
                    holder.injured = cas.injured
                continue
        if not typed and not (generic and (cas.killed is not None or cas.injured is not None or cas.vague or s_places)):
            continue
        if not typed and not s_places and cas.killed is None:
            continue
        if not s_places and _ACROSS_COUNTRY.search(sentence):
            continue  # "At least 19 people were killed across Syria on Tuesday": a tally, no incident
        date_info = resolved or carried or para_date.get(para)
        if date_info is None and lead_day is not None:
            # "31 people were killed across Syria on Saturday, as follows: ...": the items
            # after the lead that gives the day are of that day, not of the article's.
            date_info = (lead_day[0], lead_day[1], "carried")
        if date_info is None:
            if published is not None:
                date_info = (published.isoformat(), 2, "article-date")
            elif article.published_day:
                date_info = (article.published_day, 2, "year-unknown")  # a post headed "Jun 19"
            else:
                date_info = ("", 3, "unknown")
        if year_flag_override and date_info[2] not in ("exact", "unknown"):
            # Worked out from the user's --reference-date, not from the article.
            date_info = (date_info[0], date_info[1], "year-supplied")
        lists = [
            g
            for g in _place_lists(s_places, text)
            if _LOCATIVE.search(text[max(s_start, g[0].start - 60) : g[0].start])
        ]
        if (
            lists
            and any(t.event_type == "Explosions/Remote violence" for t in typed)
            and all(_ORIGIN.search(text[max(s_start, g[0].start - 60) : g[0].start]) for g in lists)
            and _THE_PLACE_HIT.search(sentence)
        ):
            # "government forces shelled the town from positions near Safita": the fire came from
            # the only place named; it fell on the place just reported.
            lists = []
        shot_down = [g for g in lists if _INTERCEPTED_OVER.search(text[max(s_start, g[0].start - 80) : g[0].start])]
        if shot_down and len(shot_down) == len(lists) and drafts and drafts[-1].para == para:
            continue  # "...and intercepted some of the missiles over Tartus": the strike just reported
        borrowed = False
        if not lists:
            prev_event = None
            if drafts and (drafts[-1].para == para or (drafts[-1].para == para - 1 and resolved is None)):
                prev_event = drafts[-1].mention
            # A roundup item under its governorate's heading ("HOMS: Rebels shelled a checkpoint").
            heading = next((m for m in s_places if m.cue == "heading"), None)
            inherited = (
                heading
                or prev_event
                or last_place.get(para)
                or (title_places[0] if title_places and not drafts else None)
            )
            if inherited is None:
                continue
            if heading is None and any(
                m.status == "unresolved"
                and _NAMED_SITE_BEFORE.search(text, max(s_start, m.start - 40), m.start)
                and _SITE_NAME_AFTER.match(text, m.end)
                for m in s_mentions
            ):
                # "Regime shelling hit Tell Zeitouna": the site is named, only not known to the
                # gazetteer (mentions.csv lists it); it is not the place of another report.
                continue
            if any(_abroad(m, focus, text) for m in s_mentions):
                continue  # it happened abroad ("near the Iraqi town of al-Qaim"): no Syrian site for it
            if typed and all(t.sub_event_type in _NO_GUESS for t in typed) and not _ANAPHORA.search(sentence):
                continue  # a development with no place of its own is not mapped to a guess
            lists = [[inherited]]
            borrowed = inherited is not heading and inherited is not prev_event and not drafts
            if prev_event is not None and resolved is None and drafts[-1].mention is prev_event:
                date_info = (drafts[-1].date, drafts[-1].time_precision, drafts[-1].date_flag)
        lists = _between_container(lists, s_mentions, text)
        ends = [g for g in lists if any(_ROAD_AFTER.match(text, m.end, s_end) for m in g)]
        if ends and len(ends) < len(lists):
            # "on the Masyaf-Safita road near Qadmous": the road's ends name the road, not the site.
            lists = [g for g in lists if g not in ends]
        elif ends:
            # Only the road's ends are named: the site is on the road, near (not in) the town.
            lists = [[replace(m, precision=2) if m.precision == 1 else m for m in g] for g in lists]
        place_ends = frozenset(m.end - s_start for m in s_places)
        main = (
            max(_foreground(sentence, typed, place_ends), key=lambda t: (t.strength, -t.start)) if typed else generic[0]
        )
        # The place list the trigger governs: the first list after it, else the last before it.
        rel_start = s_start + main.start
        if main.event_type == "Explosions/Remote violence":
            # Shells "fired from positions in X hit Y" land in Y; missiles shot down over Z
            # were fired at the place named for the strike.
            targets = [
                g
                for g in lists
                if not _ORIGIN.search(text[max(s_start, g[0].start - 60) : g[0].start])
                and not _INTERCEPTED_OVER.search(text[max(s_start, g[0].start - 80) : g[0].start])
            ]
            lists = targets or lists
        after = [g for g in lists if g[0].start >= rel_start]
        if len(after) > 1:
            # The finer place inside the first one named: "near the Turkish border in the town
            # of X", "in Hama countryside, in Y" (not the next item of a list of governorates),
            # and "Raqqa's al-Mishlab district" (the district, not the city).
            head = after[0]
            coarse = all(m.precision == 3 for m in head)
            finer = [
                g
                for g in after[1:]
                if (
                    coarse
                    # (the cheap containment test first: the gap's own scan looks for triggers)
                    and any(m.precision < 3 and _inside(m, head) for m in g)
                    and (
                        _FINER_GAP.match(text[head[-1].end : g[0].start])
                        or _one_report(text[head[-1].end : g[0].start])
                    )
                )
                or (
                    g is after[1]
                    and _quarter_of(head[-1], g[0], text[head[-1].end : g[0].start])
                    and _inside(g[0], head)
                )
            ]
            after = finer or after
        chosen = after[0] if after else min(reversed(lists), key=lambda g: min(m.precision for m in g))
        if all(m.place is not None and m.place.kind == "river" for m in chosen):
            # "shelled SDF positions across the Euphrates from al-Mayadin": a river is a line,
            # not a site; the town named with it is where, near it.
            towns = [g for g in lists if g is not chosen and all(m.place and m.place.kind != "river" for m in g)]
            fine = [g for g in towns if min(m.precision for m in g) < 3]
            if fine:
                chosen = [replace(m, precision=max(m.precision, 2)) for m in fine[0]]
        chosen = _one_per_point(_most_specific(chosen))
        # A second typed trigger in another clause with its own list makes its own events.
        pairs: list[tuple[Trigger, list[Mention]]] = [(main, chosen)]
        for t in typed:
            if t is main:
                continue
            t_after = [g for g in lists if g[0].start >= s_start + t.start and g is not chosen]
            if (
                t_after
                and t.sub_event_type != main.sub_event_type
                and all(m.place and m.place.id not in {c.place.id for c in chosen if c.place} for m in t_after[0])
            ):
                nxt_trig = [u for u in typed if u.start > t.start]
                if not nxt_trig or t_after[0][0].start < s_start + nxt_trig[0].start:
                    pairs.append((t, _most_specific(t_after[0])))
        # "Five of them were killed in Hish, and two in Kafr Nabudah": each place's share.
        shares = _shares(text, s_start, s_end, s_places, cas.killed)
        if len(shares) < 2 and not (shares and _OF_THEM.search(sentence)):
            shares = {}
        if len(shares) >= 2:
            # "seven in Maarat al-Numan and five in Kafr Nabl": a record for each place counted.
            held_ids = {m.place.id for _t, g in pairs for m in g if m.place}
            for m in s_places:
                if m.start in shares and m.place is not None and m.place.id not in held_ids:
                    pairs.append((main, [m]))
                    held_ids.add(m.place.id)
        specific = min((m.precision for _t, g in pairs for m in g), default=1)
        carrier_done = False
        # The sentence's actors with offsets into the sentence; the drafts share the list.
        own_actors = [ActorMention(a.start - s_start, a.end - s_start, a.surface, a.actor) for a in s_actors]
        for trig, group in pairs:
            t_actors = own_actors
            if trig is not main and trig.sub_event_type in _BOMB_TYPES and main.sub_event_type not in _BOMB_TYPES:
                # "Turkish Shelling East of the Euphrates, Car Bomb in Qamishli": who shelled did
                # not plant the bomb of the next clause.
                t_actors = [a for a in own_actors if a.start >= main.end]
            for m in group:
                carry = (
                    (cas.killed is not None or cas.injured is not None) and not carrier_done and m.precision == specific
                )
                if carry:
                    carrier_done = True
                drafts.append(
                    _Draft(
                        start=s_start,
                        end=s_end,
                        para=para,
                        trigger=trig,
                        mention=m,
                        date=date_info[0],
                        time_precision=date_info[1],
                        date_flag=date_info[2],
                        actors=t_actors,
                        inherited=prev_actors if prev_actors is not s_actors and not _SEPARATE.match(sentence) else [],
                        sentence=sentence,
                        killed=cas.killed if carry else None,
                        injured=cas.injured if carry else None,
                        fatal_text=cas.text or cas.vague,
                        civilians=cas.civilians,
                        from_title=_is_title(sentence, article.title),
                        dated_here=resolved is not None,
                        own_kind=own_kind,
                        borrowed=borrowed,
                    )
                )
            last_place[para] = min(group, key=lambda m: (m.precision, m.start))
        for m in s_places:
            if m.start not in shares or m.place is None:
                continue
            # The share goes on this place's latest record (this sentence's or the one before).
            pid = m.place.id
            held = next((d for d in reversed(drafts) if d.mention.place and d.mention.place.id == pid), None)
            if held is not None and held.para >= para - 1:
                held.killed, held.fatal_text = shares[m.start]
                held.share = True
        if shares and cas.killed is not None:
            # "killing nine, five of them in Hass": the one other place holds the rest, not all nine.
            mine = [d for d in drafts if d.start == s_start and not d.share and d.mention.place is not None]
            left = cas.killed - sum(n for n, _t in shares.values())
            shared_held = {d.mention.place.id for d in drafts if d.start == s_start and d.share and d.mention.place}
            shared_named = {m.place.id for m in s_places if m.start in shares and m.place is not None}
            if (
                shared_named <= shared_held
                and len({d.mention.place.id for d in mine if d.mention.place}) == 1
                and mine[0].killed == cas.killed
            ):
                if left > 0:
                    mine[0].killed, mine[0].fatal_text = left, f"{cas.text} ({left} after the shares named)"
        last_date = date_info[0] or last_date
    drafts = [d for d in drafts if not _told_apart(d, drafts, text, article.title)]
    body = [d for d in drafts if not d.from_title]
    # The lead's clauses about an incident abroad are left out: "near the Iraqi town of
    # al-Qaim ... killing 9" is no Syrian event's toll, nor is "PMF shelled IS near al-Qaim,
    # killing eight, before IS attacked a post in Abu Kamal".
    lead_line = " ".join(
        text[a:b]
        for a, b in lead_clauses
        if any(a <= m.start < b for m in eligible)
        or not any(a <= m.start < b and _abroad(m, focus, text) for m in mentions)
    )
    return _finish(
        article,
        _drop_coarse(_merge_retold(_merge_same(body or drafts, actors))),
        actors,
        actor_hits,
        title_admin1,
        lead_line=lead_line,
    )


#: A count over a whole country: the sum of incidents, none of them.
_ACROSS_COUNTRY = re.compile(
    r"\b(?:across|throughout|all over|nationwide in)\s+(?:Syria|Iraq|Lebanon|the country|Syrian territory|"
    r"(?:the\s+)?(?:\w+\s+)?(?:governorates|provinces))\b|\bnationwide\b",
    re.I,
)
#: A lead that introduces a list of the day's incidents: "... across Syria on Saturday, as follows:".
_LIST_LEAD = re.compile(rf"\bas follows\b|\bthe following\b|:\s*$|:\s*\n|{_ACROSS_COUNTRY.pattern}", re.I)
#: How far into the text the lead's day may be given (characters).
_LEAD_REACH = 700
#: "IS claimed responsibility for the bombing", "the attack was claimed by HTS".
_CLAIM_WORD = re.compile(
    r"\b(?:responsibility|credit|claimed by|claim(?:ed|s|ing) (?:the|this|that|these|\w+'s))\b", re.I
)
#: The attacks a group claims: "the car bombing", "Monday's attack", "the killing of ...".
_CLAIMED_THING = (
    r"car[- ]bomb(?:ings?|s)?|bomb(?:ings?|s)?|blasts?|explosions?|suicide\s+(?:attacks?|bombings?)|devices?|ieds?|"
    r"shootings?|assassinations?|killings?|attacks?|assaults?|ambush(?:es)?|operations?|raids?|strikes?"
)
_CLAIM_AFTER = re.compile(
    r"(?:'s|’s)?(?:\s+(?:terror(?:ist)?\s+|jihadist\s+|militant\s+|extremist\s+)?(?:group|organi[sz]ation|militants?|"
    r"jihadists?|fighters|cell|network))?(?:\s*,\s*(?:which|who)|\s+(?:which|who))?"
    r"\s+(?:(?:has|had|have|later|quickly|swiftly|subsequently|reportedly|also|promptly|officially|soon)\s+){0,2}"
    r"(?:(?P<verb>claimed|claims|claiming|took|takes|taken|taking|assumed|admitted)\s+(?:\w+\s+){0,2}?(?:responsibility|credit)\b"
    r"(?!\s+for\s+(?:similar|previous|past|earlier|other|many|several|numerous|dozens|a\s+(?:string|series|spate|wave)))"
    r"(?:\s+for\s+(?:(?:the|this|that|these|its|[\w-]+(?:'s|’s))\s+)?(?:[\w-]+\s+){0,2}?(?P<what>"
    + _CLAIMED_THING
    + r"))?"
    # "IS claimed the bombing": the attack just reported, claimed with no "responsibility".
    r"|(?P<cverb>claimed|claims|claiming)\s+(?:the|this|that|these|Monday's|Tuesday's|Wednesday's|Thursday's|"
    r"Friday's|Saturday's|Sunday's|yesterday's|today's)\s+(?:[\w-]+\s+){0,2}?(?P<what2>" + _CLAIMED_THING + r")\b)",
    re.I,
)
#: How far after the report of an attack its claim may come (characters).
_CLAIM_REACH = 1200
_CLAIMED_BY = re.compile(r"\bclaimed\s+by\s+(?:the\s+)?$", re.I)
#: What was claimed, after "claimed by" ("The bombing was claimed by ...").
_CLAIMED_BEFORE = re.compile(
    r"\b(?P<what>"
    + _CLAIMED_THING
    + r")\b(?:\s+\w+){0,4}?\s+(?:was|were|has been|had been)\s+(?:\w+\s+)?claimed\s+by\s+(?:the\s+)?$",
    re.I,
)
#: A claim of an older attack: "That attack was claimed by IS", "Last month bombings claimed by...".
_OLD_CLAIM = re.compile(
    r"\b(?:(?:that|those)\s+(?:" + _CLAIMED_THING + r")|previous|similar|past\s+(?:attacks?|bombings?)|"
    r"last\s+(?:week|month|year)|(?:a|one|two|three|few|several|\d+)\s+(?:weeks?|months?|years?)\s+ago|"
    r"earlier\s+(?:this\s+(?:week|month|year)|attacks?|bombings?)|in\s+(?:19|20)\d\d)\b",
    re.I,
)
#: "No group claimed responsibility", "Nobody claimed the attack" (said right after the report).
_NOBODY_CLAIMED = re.compile(
    r"[^\n]{0,160}?\b(?:no (?:group|one|party|faction|side|organi[sz]ation)|nobody|none)\s+"
    r"(?:(?:has|had|have|immediately|yet|so far)\s+)*(?:claimed|took|taken|assumed)\b",
    re.I,
)
#: A denial or doubt in the clause before the claimant ("not clear whether IS claimed").
_NO_CLAIM = re.compile(r"\b(?:no|not|never|nobody|none|yet to|denied|denies|deny|whether)\b[^.;,]*$", re.I)
#: What a claim of responsibility never attributes: strikes from the air, protests, movements.
_NOT_CLAIMED = frozenset({"Air/drone strike", "Protests", "Riots", "Strategic developments"})
_BOMB_CLAIM = re.compile(r"bomb|blast|explosion|suicide|ied|device", re.I)
_SHOOTING_CLAIM = re.compile(r"shooting|assassination|killing", re.I)


def _claimants(text: str, actor_hits: Sequence[ActorMention]) -> list[tuple[ActorMention, str]]:
    """Armed actors an article says claimed an attack, with what they claimed ("" for "the attack").

    A denial, a doubt or a claim of an older attack never counts, nor does "took
    responsibility" for anything but an attack ("for security in the town").
    """
    out = []
    for a in actor_hits:
        if a.actor.side in ("civilians", "humanitarian"):
            continue
        start = max(0, text.rfind(".", 0, a.start) + 1)
        end = text.find(".", a.end)
        sentence = text[start : len(text) if end < 0 else end]
        after = _CLAIM_AFTER.match(text, a.end)
        what = ""
        if after is not None:
            what = after.group("what") or after.group("what2") or ""
            if not what and not after.group("verb").lower().startswith("claim"):
                continue  # "took responsibility for security": only a claim needs no object
        elif _CLAIMED_BY.search(text, max(0, a.start - 20), a.start):
            before = _CLAIMED_BEFORE.search(text, start, a.start)
            what = before.group("what") if before is not None else ""
        else:
            continue
        if _NO_CLAIM.search(text, max(start, a.start - 60), a.start) or _OLD_CLAIM.search(sentence):
            continue
        out.append((a, what))
    return out


def _claim_fits(what: str, sub_event_type: str, event_type: str) -> bool:
    """Whether a claim of ``what`` ("car bomb", "shooting", "attack") can be this event's."""
    if _BOMB_CLAIM.search(what):
        return sub_event_type in _BOMB_TYPES
    if _SHOOTING_CLAIM.search(what):
        return event_type in ("Violence against civilians", "Battles")
    return True


_ALSO_KILLED = re.compile(
    r"\b(?:were|was|have been|had been)\s+also\s+(?:killed|dead)\b|\balso\s+(?:died|perished)\b", re.I
)
#: "... (were killed) in (the town of)": what comes between a share and its place.
_DIED_IN = (
    r"(?:(?:were|was)\s+)?(?:killed\s+|died\s+)?in\s+(?:the\s+(?:town|village|city|neighbou?rhood|camp)\s+of\s+)?$"
)
_SHARE_BEFORE = re.compile(
    r"\b(?P<n>"
    + NUMWORD
    + r")\s+(?:of (?:them|whom)\s+|(?:people|persons|civilians|children|fighters|soldiers)\s+)?"
    + _DIED_IN,
    re.I,
)
_OF_THEM = re.compile(r"\bof (?:them|whom)\b", re.I)
#: "... and the rest in Kafr Nabl": the share left over from the total.
_REST_BEFORE = re.compile(
    r"\b(?:the\s+)?(?:rest|others|remaining\s+(?:\w+\s+)?(?:victims|people|civilians)|remainder)\s+" + _DIED_IN,
    re.I,
)


#: Relative days that count from a post's day even when its year is unknown ("yesterday").
_DAY_COUNTS = frozenset({"yesterday", "ago"})


#: The last harm word before a place is a hurt, not a death: the count there is no share of the dead.
_NOT_DEAD_BEFORE = re.compile(
    r"\b(?:wounded|wounding|injured|injuring|hurt|displaced|displacing|arrested|detained|homeless)\b"
    r"(?!.*\b(?:killed|killing|dead|died|deaths?)\b)[^.;]*$",
    re.I | re.S,
)
_NOT_DEAD_AFTER = re.compile(
    r"\s+(?:(?:were|was)\s+)?(?:left\s+)?(?:wounded|injured|hurt|homeless|displaced|arrested|detained)\b", re.I
)


#: "killing four and three respectively": one count per place named, in the same order.
_RESPECTIVELY = re.compile(
    rf"\b(?P<nums>{NUMWORD}(?:\s*,\s*{NUMWORD})*\s*,?\s+and\s+{NUMWORD})"
    r"(?:\s+(?:people|persons|civilians|children|fighters|soldiers|others))?\s*,?\s+respectively\b",
    re.I,
)
_COUNT_AND_BEFORE = re.compile(rf"\b{NUMWORD}\s*(?:,|\band\b)\s*$", re.I)
_RESPECTIVE_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+", re.I)


def _respective(text: str, s_start: int, s_end: int, places: list[Mention]) -> dict[int, tuple[int, str]]:
    """Counts said "respectively" paired with the distinct places before them, in order."""
    if text.find("respectively", s_start, s_end) < 0:
        return {}  # the common case, without running the pattern
    rm = _RESPECTIVELY.search(text, s_start, s_end)
    if rm is None or _COUNT_AND_BEFORE.search(text, s_start, rm.start()):
        return {}  # "3 and 4 and 5 respectively": more counts than were read
    counts = [word_number(w) for w in _RESPECTIVE_SPLIT.split(rm.group("nums").strip())]
    seen: set[str] = set()
    order: list[Mention] = []
    for m in places:
        if m.place is None or m.start >= rm.start() or m.place.id in seen:
            continue
        seen.add(m.place.id)
        order.append(m)
    if len(order) != len(counts) or any(n is None for n in counts):
        return {}
    said = rm.group().strip()
    return {m.start: (n, f"{said}: {m.surface}") for m, n in zip(order, counts, strict=True) if n is not None}


def _shares(
    text: str, s_start: int, s_end: int, places: list[Mention], killed: int | None
) -> dict[int, tuple[int, str]]:
    """Each place's share of a sentence's toll, by the place's offset.

    "five of them in X", "the rest in Y", "four and three respectively".
    """
    if killed is None:
        return {}
    if respective := _respective(text, s_start, s_end, places):
        return respective
    shares: dict[int, tuple[int, str]] = {}
    rest: list[tuple[Mention, str]] = []
    for m in places:
        if _NOT_DEAD_BEFORE.search(text, s_start, m.start) or _NOT_DEAD_AFTER.match(text, m.end):
            continue  # "... and wounded 15 people in Ariha", "twenty in Ariha were left homeless"
        sm = _SHARE_BEFORE.search(text, max(s_start, m.start - 50), m.start)
        n = word_number(sm.group("n")) if sm is not None else None
        if sm is not None and n is not None:
            shares[m.start] = (n, f"{sm.group().strip()} {m.surface}")
            continue
        rm = _REST_BEFORE.search(text, max(s_start, m.start - 50), m.start)
        if rm is not None:
            rest.append((m, rm.group().strip()))
    left = killed - sum(n for n, _t in shares.values())
    if len(rest) == 1 and shares and left > 0:
        m, said = rest[0]
        shares[m.start] = (left, f"{said} {m.surface} ({left} of {killed})")
    return shares


_BLAME_VERBS = r"(?:blamed|blames|blaming|accused|accuses|accusing)"
_BLAME = re.compile(rf"\b{_BLAME_VERBS}\b", re.I)
_BLAMED_AFTER = re.compile(rf"(?:\s+[\w-]+){{0,2}}?\s+{_BLAME_VERBS}\b", re.I)
_BLAMED_BEFORE = re.compile(rf"\b{_BLAME_VERBS}\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?$", re.I)
#: A year in running text: not a count ("20000", "1,950", "2000 people") nor "2016/17".
_YEAR = re.compile(
    r"(?<![\d/.,-])(19\d\d|20\d\d)(?!\d|[/.,-]\d)"
    r"(?!\s+(?:people|persons|civilians|fighters|soldiers|troops|militants|members|men|women|children|families"
    r"|refugees|dead|killed|died|were|have|had)\b)",
    re.I,
)


_MONTH_WORD = r"(?:(?:early|late|mid)[- ])?(?:(?:" + "|".join(MONTHS) + r")\.?\s+)?"
#: "the 2017 coalition airstrikes", "the March 2013 massacre": a deed named by its year.
_YEAR_BEFORE_DEED = re.compile(
    rf"\b(?:the|its|their|this|that)\s+(?P<when>{_MONTH_WORD}(?:19|20)\d\d)(?:'s|’s)?\s+(?:[\w-]+\s+){{0,3}}$",
    re.I,
)
#: "shelling killed 30 people in March 2013", "the massacre of 2012": its year after it.
_YEAR_AFTER_DEED = re.compile(
    rf"(?:\s+[\w'’-]+){{0,5}}?\s+(?:in|of|during)\s+(?P<when>{_MONTH_WORD}(?:19|20)\d\d)\b(?![/.,-]\d)", re.I
)
#: Where the clause of a deed named by its year ends.
_CLAUSE_END = re.compile(r"[,;:.!?]|\s+(?:and|but|while|as)\s")


def _long_before(when: str, published: _date) -> bool:
    """Whether "2017" or "March 2013" ended more than 60 days before ``published``."""
    words = re.findall(r"[a-z]+|\d+", when.lower())
    year = int(words[-1])
    part = {"early": 4, "mid": 6}.get(words[0], 12)  # "early 2021" ends by April, "mid-2021" by June
    month = next((MONTHS[w] for w in words[:-1] if w in MONTHS), part)
    last = _date(year + month // 12, month % 12 + 1, 1)  # the day after the period
    return (published - last).days > 60


def _past_deeds(sentence: str, triggers: Sequence[Trigger], published: _date) -> list[tuple[int, int]]:
    """Spans of the deeds a sentence names by an older year: background, not its news.

    >>> from datetime import date
    >>> s = "Hundreds gathered in Hajin on Friday to mourn the victims of the 2017 airstrikes."
    >>> [s[a:b] for a, b in _past_deeds(s, incident_triggers(s), date(2022, 6, 10))]
    ['the 2017 airstrikes']
    >>> _long_before("mid-2021", date(2022, 2, 1)), _long_before("Dec. 2021", date(2022, 2, 1))
    (True, False)
    """
    spans: list[tuple[int, int]] = []
    for t in triggers:
        if any(a <= t.start < b for a, b in spans):
            continue
        before = _YEAR_BEFORE_DEED.search(sentence, max(0, t.start - 60), t.start)
        if before is not None and _long_before(before.group("when"), published):
            end = _CLAUSE_END.search(sentence, t.end)
            spans.append((before.start(), end.start() if end is not None else len(sentence)))
            continue
        after = _YEAR_AFTER_DEED.match(sentence, t.end)
        if after is not None and not _CLAUSE_END.search(after.group()) and _long_before(after.group("when"), published):
            # Who did it is part of the past deed too ("where regime shelling killed 30 ...").
            lead = max(sentence.rfind(c, 0, t.start) for c in ",;:(") + 1
            spans.append((lead if t.start - lead <= 80 else t.start, after.end()))
    return spans


#: What a gathering remembers: "to commemorate the victims of the massacre", "a vigil for those killed".
_REMEMBERED = re.compile(
    r"\b(?:commemorat(?:e|ed|es|ing|ion)|mourn(?:ed|ing|s)?|remember(?:ed|ing)?|vigils?)\b(?!\s+(?:was|were)\b)"
    r"(?P<what>[^.;]*)",
    re.I,
)


#: Deeds a sentence may report as done after a fight, the fight being their background.
_DEEDS_AFTER = frozenset({"Looting/property destruction", "Arrests", "Abduction/forced disappearance"})


def _background(sentence: str, triggers: Sequence[Trigger], published: _date | None) -> list[tuple[int, int]]:
    """Spans of a sentence that tell background, not its news.

    Deeds it dates long before the article, deeds a vigil remembers, and the past of a
    place ("was the site of").

    >>> s = "Residents held a vigil in Safita on Thursday for the people killed in the bombing."
    >>> [s[a:b] for a, b in _background(s, incident_triggers(s), None)]
    [' in Safita on Thursday for the people killed in the bombing']
    """
    spans = _past_deeds(sentence, triggers, published) if published is not None else []
    spans += [m.span("what") for m in _REMEMBERED.finditer(sentence)]
    if any(t.sub_event_type in _DEEDS_AFTER for t in triggers):
        # "Factions looted homes in X after clashes with the SDF": the looting is the news,
        # the fight (its sides, its dead) the background, to the end of its clause.
        for t in triggers:
            after = _BEFORE_THAT.search(sentence, max(0, t.start - 50), t.start)
            if after is None or t.event_type not in _VIOLENT or not t.event_type:
                continue
            comma = _CLAUSE_COMMA.search(sentence, t.end)
            span = (after.start(), comma.start() if comma is not None else len(sentence))
            if any(d.sub_event_type in _DEEDS_AFTER and not span[0] <= d.start < span[1] for d in triggers):
                spans.append(span)
    if (site_of := _SITE_OF.search(sentence)) is not None:
        # "The town was the site of a chemical attack on April 4, 2017": its past, dated or not.
        comma = _CLAUSE_COMMA.search(sentence, site_of.end())  # not the comma of "April 4, 2017"
        spans.append((site_of.end(), comma.start() if comma is not None else len(sentence)))
    return spans


def _older_year(text: str, year: int) -> bool:
    """Whether ``text`` (an undated sentence up to its first report) names a year at least two before the article's."""
    return any(int(m.group(1)) <= year - 2 for m in _YEAR.finditer(text))


#: "... killed two of its fighters": the speaker's own people were hit.
_OWN_PEOPLE = re.compile(rf"\b(?:its|their)\s+(?:own\s+)?(?:{_FORCE_PARTS}|forces|men)\b", re.I)
#: What stands before a source named after its report: ", the US-led coalition said".
_TRAILING_SOURCE = re.compile(r",\s*(?:the\s+|a\s+)?(?:[\w-]+\s+){0,3}$")
_ACCORDING_TO = re.compile(
    r"\b(?:according to|citing|cited by|quoting|a statement (?:by|from))\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$", re.I
)
_SAID_AFTER = re.compile(
    r",?\s+(?:also\s+)?(?:said|say|says|reported|reports|stated|announced|documented|confirmed|told|added|noted)\b",
    re.I,
)
#: Words for a protest the state broke up, and for lethal force against it.
_VIOLENT_CROWD = re.compile(
    r"\b(?:burn(?:ing|ed|t)\s+(?:car\s+)?(?:tires|tyres)|(?:threw|throwing|hurled|hurling|pelted|pelting)\s+(?:\w+\s+){0,2}?"
    r"(?:stones|rocks|molotov|petrol bombs)|stone-throwing|stormed|set\s+(?:fire\s+to|ablaze)|torched|vandali[sz]ed|"
    r"smashed|ransacked)\b",
    re.I,
)
_CROWD_KILLED = re.compile(
    r"\b(?:angry|enraged|furious)?\s*(?:residents|crowds?|mob|villagers|locals|relatives|people|youths|"
    # Who did it, not who suffered it ("Three people were killed").
    r"(?<!armed )(?<!masked )(?<!unknown )(?<!unidentified )men)\b"
    r"(?!\s+(?:\w+\s+)?(?:were|was|have been|had been|has been|are|is|being)\b)"
    r"[^.;]{0,60}$",
    re.I,
)
#: A force, named or not, that can break a protest up.
#: The state's forces named by a common noun ("security forces", "police").
_STATE_FORCE_WORDS = r"security (?:forces|services|men|personnel)|police(?:men)?|riot police|soldiers|troops|army"
_STATE_FORCE = re.compile(rf"\b(?:{_STATE_FORCE_WORDS})\b", re.I)
#: ... and anyone armed who might break up a protest.
_FORCE_NOUN = re.compile(rf"\b(?:{_STATE_FORCE_WORDS}|gunmen|militiamen|guards)\b", re.I)
#: Words that put a trigger in the background: who backed the force that acted, and what
#: came before a capture.
_BACKING = re.compile(
    r"\b(?:backed by|supported by|with the (?:support|backing|help) of|under (?:the )?cover of|"
    r"with (?:air )?(?:support|cover) from)\s+(?:(?!(?:and|but|then)\b)[\w'-]+\s+){0,4}$",
    re.I,
)
#: What names a weapon as the tool of a ground assault: "using", "led by", "spearheaded by".
_ASSAULT_TOOL = re.compile(
    r"\b(?:using|used|with|led by|spearheaded by|preceded by|opened by|involving|including)"
    r"\s+(?:(?!(?:but|then)\b)[\w'-]+\s+){0,4}$",
    re.I,
)
_BEFORE_THAT = re.compile(
    r"\b(?:after|following|amid|in the wake of)\s+(?:(?!(?:and|but|then)\b)[\w'-]+\s+){0,4}$",
    re.I,
)
_TERRITORY = frozenset({"Government regains territory", "Non-state actor overtakes territory"})
_PASSIVE_BEFORE = re.compile(r"\b(?:were|was|been|being)\s+$", re.I)
#: What stands between a passive's subject and its verb: " was", " has been", " was fully".
_PASSIVE_SUBJECT = re.compile(r"\s+(?:was|were|has been|have been|had been)\s+(?:\w+ly\s+)?$", re.I)


def _foreground(sentence: str, typed: list[Trigger], place_ends: frozenset[int] = frozenset()) -> list[Trigger]:
    """The triggers that report the sentence's incident, not its background.

    "Government forces, backed by Russian warplanes, captured X" is a capture;
    so is "HTS took control of X after clashes with Zenki" (but "bodies were
    recovered after the air strike" is the air strike).
    """

    def governed(rx: re.Pattern[str], t: Trigger) -> bool:
        # The phrase governs the trigger only when no other trigger stands between them
        # ("supported by coalition aircraft repelled the advance": the aircraft, not the repelling).
        m = rx.search(sentence, max(0, t.start - 50), t.start)
        return m is not None and not any(m.start() <= o.start < t.start for o in typed if o is not t)

    def backing(t: Trigger) -> bool:
        return governed(_BACKING, t)

    def before(t: Trigger) -> bool:
        return governed(_BEFORE_THAT, t)

    def seized_ground(t: Trigger) -> bool:
        # "8 were captured" are people taken, not ground; "Maarat al-Numan was captured" is ground.
        if t.sub_event_type not in _TERRITORY:
            return False
        passive = _PASSIVE_BEFORE.search(sentence, max(0, t.start - 12), t.start)
        if passive is None:
            return True
        subject = _PASSIVE_SUBJECT.search(sentence, max(0, t.start - 40), t.start)
        return subject is not None and subject.start() in place_ends

    kept = [t for t in typed if not backing(t)] or typed
    if any(t.event_type == "Battles" for t in kept):
        # "a counterattack on SDF positions, using armoured vehicles and suicide bombers": the
        # bombers are the assault's weapon; the incident is the battle.
        kept = [t for t in kept if not (t.sub_event_type == "Suicide bomb" and governed(_ASSAULT_TOOL, t))] or kept
    if any(seized_ground(t) and not before(t) for t in kept):
        kept = [t for t in kept if t.sub_event_type in _TERRITORY or not before(t)]
    return [_people_taken(sentence, t) if t.sub_event_type in _TERRITORY and not seized_ground(t) else t for t in kept]


def _people_taken(sentence: str, t: Trigger) -> Trigger:
    """A capture of people ("two soldiers were captured by rebels"): fighting, or an abduction of civilians."""
    if names_civilians(sentence[max(0, t.start - 60) : t.start]):
        return replace(t, event_type="Violence against civilians", sub_event_type="Abduction/forced disappearance")
    return replace(t, event_type="Battles", sub_event_type="Armed clash")


_FIRED_ON_PROTEST = re.compile(r"\b(?:protesters|demonstrators|mourners)\b", re.I)
_INTERVENED = re.compile(
    r"\b(?:dispers\w*|broke up|break up|tear gas|fired|opened fire|shot|live (?:ammunition|bullets|fire)|beat|beaten"
    r"|arrested|detained|crack(?:ed)? down|crackdown|suppress\w*|stormed)\b",
    re.I,
)
_LETHAL_FORCE = re.compile(r"\b(?:live (?:ammunition|bullets|fire)|opened fire|shot|killed|killing|dead)\b", re.I)
#: Words for an attack a later sentence refers back to ("the strikes", "the ambush").  A lone
#: "strike", "raid" or "incident" could be anything, unless a verb of place follows it.
_ATTACK_NOUN = (
    r"(?:(?:air|missile|drone|israeli|russian|coalition|regime)\s+)?"
    r"(?:strikes|raids|attacks?|shelling|bombardment|bombing|explosions?|blasts?|assault|ambush|massacre|"
    # "Israeli warplanes fired the missiles from Lebanese airspace": those just reported.
    r"missiles|rockets|shells)"
)
_THE_SAME_ATTACK = re.compile(
    rf"\b(?:the|these|those)\s+(?:same\s+)?{_ATTACK_NOUN}\b(?!\s+(?:of|on|in)\s+(?:19|20)\d\d)",
    re.I,
)
_CLAUSE_COMMA = re.compile(r",(?!\s*\d)")
#: A sentence with no trigger that may still give the report before it a toll: "The toll rose
#: to 9.", "There were no casualties.", "Material damage only." (which of them is a toll of
#: none, find_casualties says).
_TOLL_WORD = re.compile(r"\btoll\b|\bno(?:body)?\b|\b(?:material|property) damage\b", re.I)


def _carriers(drafts: list[_Draft], para: int) -> list[_Draft]:
    """The last draft and its twins of the same clause (one per place), which a later count joins."""
    prev = drafts[-1]
    return [
        d
        for d in drafts
        if d is prev or (d.para == para and d.start == prev.start and d.mention.precision == prev.mention.precision)
    ]


def _add_dead(drafts: list[_Draft], para: int, cas: Casualties) -> bool:
    """Add a later count to the toll of the incident just reported; whether it was added.

    A toll that grew ("the toll later rose to 9") is the latest figure; other dead ("were
    also killed", "IS lost two fighters") come on top.
    """
    carriers = _carriers(drafts, para)
    holder = next((d for d in carriers if d.killed is not None), None)
    if holder is None:
        return False
    if cas.killed is None:
        if not cas.vague:
            return False
        # "Dozens of militants were also killed": no number to add; the record says so.
        holder.fatal_text = f"{holder.fatal_text}; {cas.vague} more (not a number)"
        return True
    if cas.adds == "grew":
        holder.killed = max(holder.killed or 0, cas.killed)
    else:
        holder.killed = (holder.killed or 0) + cas.killed
    holder.fatal_text = f"{holder.fatal_text}; {cas.text}" if holder.fatal_text else cas.text
    return True


_SITE_OF = re.compile(r"\b(?:was|were|has been|had been) (?:also |once )?the site of\b", re.I)
#: Date kinds that can open a period ("since mid-September", "since March 2011", "since 2016").
_PERIOD_KINDS = frozenset({"month", "month_year", "year"})
_SINCE_BEFORE = re.compile(
    r"\bsince\s+(?:(?:early|late|the (?:start|beginning|middle|end) of)\s+)?(?:mid-?\s?)?\S*$", re.I
)
_OWN_REPORT_BEFORE = re.compile(
    r"\bas (?:we|I) (?:have |had )?(?:previously |already )?(?:noted|reported|wrote|mentioned|explained|covered|predicted|warned)\s+$",
    re.I,
)
#: A date right after the verb of telling: "said on Friday", "reported late on Monday".
_TOLD_ON = re.compile(
    r"\b(?:said|says|reported|announced|stated|added|confirmed|told (?:AFP|Reuters|reporters|journalists))"
    r"\s+(?:(?:late|early)\s+)?$",
    re.I,
)
#: "a day after the shelling", "following the strikes": a deed already told, as a time mark.
_AFTER_THE = re.compile(
    r"\b(?:after|following|since)\s+(?:the|this|that|these|those|yesterday's|last night's)\s+(?:[\w-]+\s+)?$", re.I
)
#: "The attack comes (just) a day after gunmen killed ...": what is told next happened before it.
_CAME_DAYS_AFTER = re.compile(
    r"\b(?:comes?|came|follows?|followed)\s+(?:just\s+|only\s+)?(?:a|an|one|two|three|four|five|six|seven|\d{1,2})\s+"
    r"(?:days?|weeks?)\s+after\b",
    re.I,
)
#: Date kinds that name one day.
_DAY_KINDS = frozenset({"iso", "numeric", "numeric_dm", "dmy", "mdy", "dm", "md", "holiday", "weekday", "yesterday"})
_MEANWHILE_WORDS = r"(?:meanwhile|in the meantime|at the same time|simultaneously)\b"
_MEANWHILE_IN = re.compile(r"\b" + _MEANWHILE_WORDS, re.I)
_MEANWHILE = re.compile(r"\W*" + _MEANWHILE_WORDS, re.I)
#: "In the afternoon, jets struck Y", "Hours later, ...": the day of the report before.
_LATER_THAT_DAY = re.compile(
    r"\W*(?:later\s+(?:that|the\s+same)\s+day|later\s+in\s+the\s+day|(?:hours|minutes)\s+(?:later|earlier)"
    r"|shortly\s+(?:after(?:wards)?|before)\b|in\s+the\s+(?:early\s+|late\s+)?(?:morning|afternoon|evening)"
    r"|at\s+(?:dawn|dusk|noon|midday|sunset))\b",
    re.I,
)
# Where the text's first sentence ends: a full stop before a space, or a paragraph break.
_LEAD_END = re.compile(r"(?<=[.!?])\s|\n\s*\n")

_AT_SITE = re.compile(
    r"\b(?:in|near|at|outside|around|on|into|(?:town|city|village|province|district|area) of)\s+(?:the\s+)?(?:al-|el-)?$",
    re.I,
)


_SOURCE_ABROAD = re.compile(
    r"\b(?:said|says|told|tells|reported|according|reporters|journalists|spoke|speaking|sources?|"
    r"fled|flee|fleeing|refuge|taken|transferred|evacuated|moved|based|exile|lives?|living)\b",
    re.I,
)


def _abroad(m: Mention, focus: frozenset[str], text: str) -> bool:
    """A site outside the countries of interest, named as where something is.

    "near the Iraqi town of al-Qaim"; not a country or border, not a dateline, not a
    name in passing.
    """
    p = m.place
    return (
        p is not None
        and p.kind not in ("country", "border")
        and p.country not in focus
        and m.cue != "dateline"
        and m.status == "resolved"
        and bool(_AT_SITE.search(text, max(0, m.start - 30), m.start))
        # Not where the source speaks from or people fled to ("told reporters in Beirut",
        # "residents who fled to the Turkish town of Reyhanli said").
        and not _SOURCE_ABROAD.search(text, max(0, m.start - 60), m.start)
    )


#: Where a sentence may hold a second report: after "; ", ", and ...", ", while", ", as".
#: Without the comma ("came under bombardment on Sunday as rebels battled for Aleppo") too,
#: but not "as well as", "such as", "known as", "as part of", "while trying to"...
_AS_NOT_A_CLAUSE = (
    r"(?:well|part|a result|of|far|long|soon|much|many|if|though|usual|expected|such|follows|to|the result)\b"
)
_TWO_REPORTS = re.compile(
    # The look-ahead lets the engine pass over every character that starts no cut
    # (without it, the look-behinds below ran at each position: 4x slower).
    r"(?=[,;\s])(?:"
    r",\s+(?:while|whereas)\s+|,\s+as\s+(?!" + _AS_NOT_A_CLAUSE + r")"
    r"|;\s+|,\s+and\s+(?:meanwhile\s+)?(?=\S+\s+\S+\s+\S+)|,\s+before\s+(?!\w+ing\b|being\b|it\b|they\b|he\b)"
    r"|\s+(?:while|whereas)\s+(?!\w+ing\b|to\b)"
    r"|(?<!such)(?<!known)(?<!same)(?<!just)(?<!\bso)(?<!\bwell)(?<!\bsoon)(?<!\bfar)(?<!\blong)(?<!\bmuch)"
    r"(?<!\bmany)(?<!\bmore)(?<!\bless)(?<!\btwice)\s+as\s+(?!" + _AS_NOT_A_CLAUSE + r"))",
    re.I,
)


#: "... and three more in Y": an elliptical second report of the same deed.
_AND_MORE = re.compile(r",?\s+and\s+(?=(?:another\s+)?" + NUMWORD + r"\s+(?:more|others)\b)", re.I)
_MORE_HEAD = re.compile(r"(?:another\s+)?(?P<n>" + NUMWORD + r")\s+(?:more|others)\b", re.I)


def _clauses(text: str, mentions: Sequence[Mention], focus: frozenset[str]) -> Iterator[tuple[int, int, int]]:
    """Sentences, with a sentence that reports two incidents cut in two.

    "Regime forces shelled Douma, killing nine, while rebels fired mortars
    into Damascus, killing two.": each clause has its own typed trigger and its
    own place, so each is read as a sentence (with its own count).
    """
    for start, end, para in split_sentences(text):
        cuts = list(_TWO_REPORTS.finditer(text, start, end))
        more = list(_AND_MORE.finditer(text, start, end))
        if not cuts and not more:
            yield start, end, para
            continue
        bounds = [start]
        for cut in sorted(cuts + more, key=lambda c: c.start()):
            left, right = text[bounds[-1] : cut.start()], text[cut.end() : end]
            left_at = _reported_at(left, bounds[-1], mentions, focus)
            if not left_at or cut.end() <= bounds[-1]:
                continue
            # After a report abroad, one at home needs no typed trigger to stand apart
            # ("..., before IS fighters attacked a post in Abu Kamal").
            if (
                cut.re is _AND_MORE
                or _reported_at(right, cut.end(), mentions, focus, typed=left_at == "home") == "home"
            ):
                # "... 12 people in X on 28 April and three more in Y on 3 May": the same
                # deed again, elsewhere (the clause borrows the trigger, see extract_events).
                if cut.re is _AND_MORE and not any(
                    cut.end() <= m.start < end and _eligible(m, focus) for m in mentions
                ):
                    continue
                bounds.append(cut.end())
        bounds.append(end)
        for a, b in zip(bounds, bounds[1:], strict=False):
            yield a, b, para


def _reported_at(
    clause: str, offset: int, mentions: Sequence[Mention], focus: frozenset[str], *, typed: bool = True
) -> str:
    """Where the clause reports an incident: "home", "abroad", or "" for no report of its own.

    A report needs a typed incident trigger (any trigger, with ``typed=False``) and a
    place of its own: a site in the countries of interest ("home"), else one outside them
    ("abroad": "PMF units shelled IS near al-Qaim, before IS attacked a post in Abu
    Kamal" is two reports, and the Iraqi one must not take the Syrian town).
    """
    inside = [m for m in mentions if offset <= m.start < offset + len(clause)]
    if any(_eligible(m, focus) for m in inside):
        where = "home"
    elif any(m.place is not None and m.place.country not in focus for m in inside):
        where = "abroad"
    else:
        return ""  # the cheap test first: most clauses are cut nowhere
    return where if any(t.event_type or not typed for t in incident_triggers(clause)) else ""


def _named_campaign(sentence: str, t: Trigger, places: Sequence[Mention], s_start: int) -> bool:
    """Whether ``t`` is "offensive" or "campaign" with a place's name before it as its name."""
    if t.text.lower() not in ("offensive", "campaign", "battle", "operation"):
        return False
    name_end = s_start + len(sentence[: t.start].rstrip())
    return any(m.end == name_end for m in places)


def _told_apart(d: _Draft, drafts: list[_Draft], text: str, title: str) -> bool:
    """Whether a report placed at the article's first place is another day's report from there.

    "Regime shelling hit the village on Sunday." then "Russian jets struck Masyaf on Monday.":
    the village is not Masyaf, whose own report (in the sentence that names it) is of another
    day and another kind of deed.  (A lead's day is often the day it was told, and a lead
    "said on Tuesday" with a Monday strike in the place's sentence is one report.)
    """
    m = d.mention
    if not d.borrowed or not d.dated_here or m.place is None:
        return False
    line_end = text.find("\n", m.start)
    line_start = text.rfind("\n", 0, m.start) + 1
    if title and _is_title(text[line_start : line_end if line_end >= 0 else len(text)], title):
        return False  # the headline names it: the place of the whole report
    pid = m.place.id
    return any(
        o.start <= m.start < o.end  # the report in the very sentence that named it
        and not o.borrowed
        and o.dated_here
        and o.date != d.date
        and not _kinds_agree(o.trigger, d.trigger)
        and o.mention.place is not None
        and o.mention.place.id == pid
        for o in drafts
    )


def _is_title(sentence: str, title: str) -> bool:
    if FEED_ITEM.match(sentence):
        return False  # "📍 #Ariha: ...": a feed's first item taken for the title is still an item
    a = " ".join(sentence.replace("*", " ").replace("#", " ").split()).strip(" .").lower()
    b = " ".join(title.replace("*", " ").replace("#", " ").split()).strip(" .").lower()
    if not a or not b:
        return False
    # The headline alone (or a piece of it); a sentence that goes on past the headline is the lead.
    return a == b or (len(a) > 20 and a in b) or (len(b) > 20 and a.startswith(b) and len(a) < len(b) + 40)


def _days_apart(a: str, b: str) -> int:

    try:
        return abs((_date.fromisoformat(a) - _date.fromisoformat(b)).days)
    except ValueError:
        return 9999


def _same_time(finer: _Draft, coarse: _Draft) -> bool:
    """Whether ``finer`` can be the same incident as ``coarse`` in time.

    A report dated to the day is not the same incident as a vaguer one ("last
    week") at a finer place: the coarse report keeps its own event.
    """
    if finer.date == coarse.date:
        return True
    gap = _days_apart(finer.date, coarse.date)
    if "article-date" in (finer.date_flag, coarse.date_flag):
        return gap <= 7 or finer.para == coarse.para
    if coarse.time_precision == 1 and coarse.date_flag != "approximate":
        return gap <= 1 and finer.time_precision == 1 and finer.date_flag != "approximate"
    return gap <= 7 or finer.para == coarse.para


def _same_sides(a: _Draft, b: _Draft) -> bool:
    """Whether two reports may be of one incident by who is in them: one names no one, or they share a side.

    "Militants fired rockets at western Aleppo" and "Turkish artillery shelled the YPG near
    Tal Rifaat" on the same day are two incidents in one governorate, not one told twice.
    """
    names_a = {m.actor.name for m in a.actors or a.inherited}
    names_b = {m.actor.name for m in b.actors or b.inherited}
    return not names_a or not names_b or bool(names_a & names_b)


# An assassination says whom, not how: the finer report may tell it was a bomb or a shooting.
_ASSASSINATION = re.compile(r"assassinat", re.I)
_KILLING_MEANS = frozenset({"Remote explosive/landmine/IED", "Grenade", "Suicide bomb", "Attack", "Armed clash"})


#: What is fired from afar, as against what is planted or carried in.  Missiles intercepted
#: over a region are the strike they were fired in, told from below.
_FIRED = frozenset({"Shelling/artillery/missile attack", "Air/drone strike"})


def _kinds_agree(fine: Trigger, coarse: Trigger) -> bool:
    """Whether a finer report's kind of incident can be the coarse report's, told in detail."""
    if fine.sub_event_type == coarse.sub_event_type or not coarse.event_type:
        return True
    if coarse.sub_event_type == "Disrupted weapons use":
        return fine.sub_event_type in _FIRED
    return bool(_ASSASSINATION.match(coarse.text)) and fine.sub_event_type in _KILLING_MEANS


def _drop_coarse(drafts: list[_Draft]) -> list[_Draft]:
    """Drop governorate-level events when the same report names a place inside that governorate."""
    out = []
    for d in drafts:
        if d.mention.precision >= 3 and d.mention.place is not None:
            finer = any(
                o is not d
                and o.mention.precision < 3
                and o.mention.place is not None
                and o.mention.place.admin1 == d.mention.place.admin1
                and _same_time(o, d)
                and _kinds_agree(o.trigger, d.trigger)
                and _same_sides(o, d)
                for o in drafts
            )
            if finer:
                if d.killed is not None:
                    for o in drafts:
                        if (
                            o.mention.precision < 3
                            and o.mention.place
                            and o.mention.place.admin1 == d.mention.place.admin1
                            and o.killed is None
                            and o.date == d.date
                            and _same_sides(o, d)
                        ):
                            o.killed, o.fatal_text = d.killed, d.fatal_text
                            break
                continue
        out.append(d)
    return out


def _differ(a: str | None, b: str | None) -> bool:
    """Both actors named, and not the same one."""
    return a is not None and b is not None and a != b


def _own_agent(d: _Draft, table: ActorTable) -> str | None:
    """The named armed actor a draft's own sentence says acted (no inheritance), rolled up."""
    agent = _own_agent_mention(d, table)
    return table.rollup(agent.actor).name if agent is not None else None


def _own_agent_mention(d: _Draft, table: ActorTable) -> ActorMention | None:
    """The mention of :func:`_own_agent`'s actor in the draft's sentence."""
    agent, _other = _choose_actors(d.sentence, d.actors, d.trigger, [], table)
    return None if agent is None or agent.actor.name in _GENERIC_ACTORS else agent


#: Words that announce another incident: "Regime artillery also shelled the town".  Narrower
#: than _ANOTHER_ONE below, which only keeps two same-toll accounts apart: these split a place
#: and day's report in two, so "two fighters were also wounded" must not match.
_ONE_MORE_OF = (
    r"\b(?:another|(?:a|the) (?:second|third|fourth|separate|new))\s+(?:[\w-]+\s+){0,2}?"
    r"(?:attacks?|strikes?|air ?strikes?|raids?|bomb(?:ing)?s?|explosions?|blasts?|bombers?|shells?|rockets?|"
    r"missiles?|clash(?:es)?|ambush|assault|incidents?)\b"
)
_NEW_INCIDENT = re.compile(
    r"\b(?:also|again)\s+(?:\w+\s+)?(?:shelled|struck|targeted|hit|attacked|bombed|pounded|fired|raided|stormed|"
    rf"clashed|exploded|detonated|launched|carried out)\b|\b(?:separately|later)\b|{_ONE_MORE_OF}",
    re.I,
)
#: ...and one more of the same kind: "a second car bomb", "another suicide bomber".
_ONE_MORE = re.compile(rf"{_ONE_MORE_OF}|\blater\s+(?:on\s+)?(?:that|the same|on)\b", re.I)


def _another_incident(o: _Draft, d: _Draft, agent: Callable[[_Draft], str | None]) -> bool:
    """Whether ``d`` reports a second incident at ``o``'s place: announced, and of another kind or actor."""
    if (
        o.start == d.start
        or not (o.trigger.event_type and d.trigger.event_type)
        or not _NEW_INCIDENT.search(d.sentence)
    ):
        return False
    if o.trigger.event_type and o.trigger.sub_event_type != d.trigger.sub_event_type:
        return True
    return _differ(agent(o), agent(d))


def _other_hands(o: _Draft, d: _Draft, agent: Callable[[_Draft], str | None]) -> bool:
    """Whether ``d`` is another kind of violence by another named actor than ``o``.

    "SDF announced the assault on X. Coalition airstrikes on X killed twenty IS
    fighters" are two events, as ACLED codes them.
    """
    return (
        o.start != d.start
        and bool(o.trigger.event_type and d.trigger.event_type)
        and o.trigger.sub_event_type != d.trigger.sub_event_type
        and _differ(agent(o), agent(d))
    )


#: How far after a report (characters) an account that names who did it may come.
_FOLLOW_UP_REACH = 250


def _merge_same(drafts: list[_Draft], table: ActorTable) -> list[_Draft]:
    """Within one article, one event per place and day: later mentions add counts only.

    A later sentence with its own date whose named actor acting differs from
    the earlier one's ("coalition jets struck X on Sunday"; "On 2 December, IS
    fighters attacked SDF positions near X") is another incident; follow-ups
    without a date ("the army responded with artillery fire") add to the first.
    """
    out: list[_Draft] = []
    agents: dict[int, str | None] = {}

    def agent(d: _Draft) -> str | None:
        if id(d) not in agents:
            agents[id(d)] = _own_agent(d, table)
        return agents[id(d)]

    for d in drafts:
        same = next(
            (
                o
                for o in out
                if o.mention.place
                and d.mention.place
                and o.mention.place.id == d.mention.place.id
                and not (d.dated_here and o.start != d.start and _differ(agent(o), agent(d)))
                and not _another_incident(o, d, agent)
                and not _other_hands(o, d, agent)
                and not _other_kinds(o, d)
                and not _other_weapon(o, d)
                and (
                    o.date == d.date
                    or d.date_flag == "article-date"
                    or (
                        o.trigger.sub_event_type == d.trigger.sub_event_type
                        and max(o.time_precision, d.time_precision) >= 2
                        and _days_apart(o.date, d.date) <= 3
                    )
                )
            ),
            None,
        )
        if same is None:
            out.append(d)
            continue
        if d.killed is not None and (same.killed is None or (d.share and not same.share)):
            same.killed, same.fatal_text, same.share = d.killed, d.fatal_text, d.share
        elif (
            d.killed is not None
            and same.killed is not None
            and same.start != d.start
            and d.trigger.event_type
            and _ONE_MORE.search(d.sentence)
            and d.fatal_text in " ".join(d.sentence.split())
        ):
            # "Later on Tuesday, a second car bomb exploded in the town, killing 3": one event
            # for the place and day (as ACLED codes them), with the dead of both.
            same.killed += d.killed
            same.fatal_text = f"{same.fatal_text}; {d.fatal_text}"
        same.civilians = same.civilians or d.civilians
        if not same.trigger.event_type and d.trigger.event_type:
            same.trigger = d.trigger
        if (
            same.start != d.start
            and same.trigger.sub_event_type == d.trigger.sub_event_type
            # a follow-up told right after, not another day's or another part's report
            and d.para - same.para <= 1
            and d.start - same.end <= _FOLLOW_UP_REACH
            and not d.dated_here
            and agent(same) is None
            # (a force carried over from the sentence before already says who)
            and not any(
                a.actor.name not in _GENERIC_ACTORS and a.actor.side not in ("civilians", "humanitarian", "media")
                for a in same.inherited
            )
            and (doer := _own_agent_mention(d, table)) is not None
        ):
            # "Shells hit Masyaf, killing three. Activists said government forces shelled the
            # town": the account that names who did it names it for the incident.
            same.inherited = [doer, *same.inherited]
    return out


def _other_kinds(o: _Draft, d: _Draft) -> bool:
    """Whether two reports of one place and day are two kinds of event ACLED codes apart.

    A town taken and a bomb that went off in it hours later, a protest and a strike on
    the same square: violence and a non-violent deed (a takeover, an arrest, a protest)
    are two events; a clash and the shelling that went with it stay one.
    """
    a, b = o.trigger.event_type, d.trigger.event_type
    if not a or not b or a == b:
        return False
    subs = {o.trigger.sub_event_type, d.trigger.sub_event_type}
    # A town taken, and a bomb left in it that goes off: the bomb is no part of the fight.
    return bool({a, b} - _VIOLENT) or bool(subs & _TERRITORY_SUBS and subs & _BOMB_TYPES)


def _other_weapon(o: _Draft, d: _Draft) -> bool:
    """Whether a later report of a place is another attack by another weapon, with its own day and toll.

    "A car bomb exploded in Azaz on Monday, killing four. YPG shelling hit Azaz on
    Monday, killing two.": a bomb and shells are two attacks, not one told twice.
    """
    subs = {o.trigger.sub_event_type, d.trigger.sub_event_type}
    return (
        o.start != d.start
        and d.dated_here
        and (d.killed is not None or d.injured is not None)
        and bool(subs & _BOMB_TYPES)
        and bool(subs & _FIRED)
    )


_TERRITORY_SUBS = _TERRITORY | {"Non-violent transfer of territory"}


#: A sentence that places the incident just reported: "The attack took place near Kabajeb".
_IT_TOOK_PLACE = re.compile(
    r"^\W*(?:the|this|that|today's|yesterday's|monday's|tuesday's|wednesday's|thursday's|friday's|saturday's|sunday's)\s+"
    rf"(?:[\w-]+\s+){{0,2}}?(?:{_ATTACK_NOUN}|air ?strike|strike|raid|incident)"
    r"(?:,?\s+(?:which|that)\b[^.;]{0,60}?)?\s+(?:took place|occurred|happened|was carried out|came|hit|struck|targeted)\b",
    re.I,
)
#: What follows "the attack came" when the rest of the sentence tells an earlier deed.
_CAME_AFTER = re.compile(
    r"\s+(?:just\s+|only\s+|barely\s+)?(?:(?:a|an|one|two|three|four|five|six|seven|\d{1,2}|several|a few)\s+"
    r"(?:hours?|days?|weeks?)\s+)?(?:after|following|in (?:response|retaliation) (?:to|for))\b",
    re.I,
)
_ANOTHER_ONE = re.compile(r"\b(?:also|similar|another|other|separately|meanwhile|elsewhere|second|more)\b", re.I)
_VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", ""})


def _retold(o: _Draft, d: _Draft) -> bool:
    """Whether ``d`` retells the incident of the earlier draft ``o`` in the same article.

    "The attack took place near Kabajeb" right after the report places it; a
    second account with the same toll ("State media said an attack on a bus
    near Shula killed 25") is the same incident when the day and the kind of
    violence agree and the places lie close, or one is an area.
    """
    if _days_apart(o.date, d.date) > 1 and "article-date" not in (o.date_flag, d.date_flag):
        return False
    if o.trigger.event_type not in _VIOLENT or d.trigger.event_type not in _VIOLENT:
        return False
    took = _IT_TOOK_PLACE.match(d.sentence)
    if took and d.trigger.start >= took.end() and _CAME_AFTER.match(d.sentence, took.end()):
        return False  # "The strikes came a day after rebels shelled Masyaf": the shelling is another incident
    if took and d.para - o.para <= 1 and d.killed in (None, o.killed):
        return True
    if o.killed is None or d.killed != o.killed or o.killed < 5 or o.share or d.share:
        return False
    if _ANOTHER_ONE.search(d.sentence) or d.fatal_text not in " ".join(d.sentence.split()):
        return False  # "Five were also killed in similar attacks", or a toll carried from elsewhere
    a, b = o.mention, d.mention
    if a.place is None or b.place is None:
        return False
    wide = a.place.is_area or b.place.is_area or max(a.precision, b.precision) >= 2
    return wide or km(a.lat or a.place.lat, a.lon or a.place.lon, b.lat or b.place.lat, b.lon or b.place.lon) <= 25


def _merge_retold(drafts: list[_Draft]) -> list[_Draft]:
    """Fold second accounts of one incident into the first; the finer place wins."""
    out: list[_Draft] = []
    for d in drafts:
        o = next((o for o in reversed(out) if _retold(o, d)), None)
        if o is None:
            out.append(d)
            continue
        finer = d.mention.precision < o.mention.precision or (
            d.mention.place is not None
            and o.mention.place is not None
            and o.mention.place.is_area
            and not d.mention.place.is_area
        )
        if finer:
            o.mention = d.mention
        if d.trigger.strength > o.trigger.strength:
            o.trigger = d.trigger  # "a suicide bomber" says more than "an attack"
        if o.killed is None and d.killed is not None:
            o.killed, o.fatal_text = d.killed, d.fatal_text
        o.injured = o.injured if o.injured is not None else d.injured
    return out


def _dateline_lead(lead: str) -> bool:
    """Whether a date after ``lead`` opens the page ("Posted on Tue, 5 May 2019")."""
    return len(lead) < 60 and _DATELINE_LEAD.match(lead) is not None


def _after_title(lead: str, title: str) -> str:
    r"""``lead`` without the headline it starts with (a page's text opens with its title).

    >>> _after_title("Clashes near Masyaf\n\n", "Clashes near Masyaf")
    ''
    >>> _after_title("Posted on ", "Clashes")
    'Posted on '
    """
    head = lead.lstrip()
    t = title.strip()
    return head[len(t) :].lstrip() if t and head.startswith(t) else lead


def _event_id(article_id: str, d: _Draft) -> str:
    """A stable id with the ISO 3166 alpha-3 code of the site's country first, as ACLED's ``event_id_cnty``."""
    h = hashlib.sha1(f"{article_id}|{d.start}|{d.mention.start}|{d.trigger.start}".encode()).hexdigest()
    country = d.mention.place.country if d.mention.place is not None else "SY"
    return COUNTRY_NAMES.get(country, COUNTRY_NAMES["SY"])[2] + "-" + h[:10].upper()


#: The forces "security forces", "police" and "troops" stand for, by the country they act in.
_UNNAMED_FORCES = {
    "SY": ("Syrian government security", "Syrian police", "Syrian Arab Army"),
    "IQ": ("Military Forces of Iraq", "Police Forces of Iraq", "Military Forces of Iraq"),
    "LB": ("Police Forces of Lebanon", "Police Forces of Lebanon", "Military Forces of Lebanon"),
    "JO": ("Police Forces of Jordan", "Police Forces of Jordan", "Military Forces of Jordan"),
    "TR": ("Police Forces of Turkey", "Police Forces of Turkey", "Turkish Armed Forces"),
    "IL": ("Police Forces of Israel", "Police Forces of Israel", "Israel Defense Forces"),
}


def _unnamed_state_force(d: _Draft, actors: ActorTable) -> ActorMention | None:
    """The state force a sentence names only by kind ("security forces", "riot police"), where it acted."""
    m = _STATE_FORCE.search(d.sentence)
    country = d.mention.place.country if d.mention.place is not None else "SY"
    names = _UNNAMED_FORCES.get(country)
    if m is None or names is None:
        return None
    word = m.group().lower()
    name = names[1] if "police" in word else names[0] if word.startswith("security") else names[2]
    actor = actors.by_name.get(name)
    return ActorMention(m.start(), m.end(), m.group(), actor) if actor is not None else None


def _abroad_actor(a: ActorMention | None, country: str, actors: ActorTable) -> ActorMention | None:
    """Outside Syria, "militants" or "insurgents" are not the Syrian opposition.

    The table gives those words to the Syrian rebels; an IED near Kirkuk is an
    unidentified group's unless the text says "Syrian rebels".
    """
    if (
        a is None
        or country in ("SY", "")
        or a.actor.name != "Syrian opposition armed groups"
        or "syria" in a.surface.lower()
    ):
        return a
    other = actors.by_name.get("Unidentified armed group")
    return replace(a, actor=other) if other is not None else a


def _finish(
    article: Article,
    drafts: list[_Draft],
    actors: ActorTable,
    actor_hits: list[ActorMention],
    title_admin1: frozenset[str] = frozenset(),
    *,
    lead_line: str = "",
) -> list[Event]:
    events: list[Event] = []
    defaults: list[Actor | None] = []
    # Forces that fly, named anywhere in the article: an unattributed air strike is theirs.
    air_agents = [
        a for a in actor_hits if a.actor.side in _AIR_SIDES and _AIR_WORDS.search(article.text[a.start : a.end + 40])
    ]
    lead = min((d.start for d in drafts), default=0)
    claims = _claimants(article.text, actor_hits) if _CLAIM_WORD.search(article.text) else []
    # The places of the reports that name each force themselves: a force named only in the
    # report of another place is not the agent of this one.
    agent_places: dict[str, set[str]] = {}
    for d in drafts:
        for a in d.actors:
            agent_places.setdefault(a.actor.name, set()).add(d.mention.place.id if d.mention.place else "")
    for d in drafts:
        a1, a2 = _choose_actors(d.sentence, d.actors, d.trigger, d.inherited, actors)
        if a1 is not None and a2 is not None and a1.start < a2.start and a1 in d.actors and a2 in d.actors:
            shot = _INTERCEPTED.search(d.sentence, a1.end, a2.start)
            if shot is not None and d.trigger.sub_event_type == "Disrupted weapons use" and d.killed:
                # "intercepted Israeli missiles targeting an army depot; two soldiers were
                # killed": not all were stopped; the dead are the strike's.
                sub = "Air/drone strike" if a2.actor.side in _AIR_POWERS else "Shelling/artillery/missile attack"
                d.trigger = replace(d.trigger, event_type="Explosions/Remote violence", sub_event_type=sub)
            if shot is not None and d.trigger.sub_event_type != "Disrupted weapons use":
                # "Syrian air defences intercepted Israeli missiles" as a strike: whose missiles
                # attacked (as a disrupted weapons use, who intercepted them acted).
                a1, a2 = a2, a1
        if a1 is not None and a1 not in d.actors and _NOBODY_CLAIMED.match(article.text, d.end, d.end + 220):
            a1 = None  # "No group claimed responsibility.": not the force of the sentence before
        partner = next((a for a in d.actors if a1 is not None and a is not a1 and _partners(d.sentence, a1, a)), None)
        if (
            claims
            and (a1 is None or a1.actor.name.startswith("Unidentified"))
            and d.trigger.sub_event_type not in _NOT_CLAIMED
            and d.trigger.event_type not in _NOT_CLAIMED
        ):
            # "IS claimed responsibility for the attack": the claimant is the attacker (a claim
            # soon after the report, else one just before it), when what it claimed fits.
            fits = [c for c, what in claims if _claim_fits(what, d.trigger.sub_event_type, d.trigger.event_type)]
            a1 = next((c for c in fits if d.start <= c.start <= d.end + _CLAIM_REACH), None) or next(
                (c for c in reversed(fits) if d.start - 300 <= c.start < d.start), a1
            )
        if (
            a1 is not None
            and d.trigger.sub_event_type == "Air/drone strike"
            and a1.actor.side in _GROUND_SIDES
            and not _DRONE.search(d.sentence)
        ):
            a1 = None  # "Jets struck X, though ISIS denied it": only states fly jets
        # A force that flies named before the report (or in the headline) is its likeliest
        # agent; one named only after, in its own report of another place, is that report's.
        flyer = next(
            (
                x
                for x in air_agents
                if (a2 is None or x.actor.name != a2.actor.name)
                and (
                    x.start < d.end
                    or not (agent_places.get(x.actor.name, set()) - {d.mention.place.id if d.mention.place else ""})
                )
            ),
            None,
        )
        if (
            a1 is None
            and flyer is not None
            and (
                d.trigger.sub_event_type == "Air/drone strike"
                or (d.trigger.sub_event_type == "Chemical weapon" and _DELIVERED_BY_AIR.search(d.sentence))
            )
        ):
            a1 = flyer  # not the one hit ("a Turkish convoy was hit by an air strike")
        # ACLED names the force; the branch or unit goes in the associated actor.
        assoc1 = a1.actor.name if a1 is not None and actors.rollup(a1.actor) is not a1.actor else ""
        assoc2 = a2.actor.name if a2 is not None and actors.rollup(a2.actor) is not a2.actor else ""
        # ... under the name the group had on the day ("Nusra" in 2019 is HTS).
        a1 = replace(a1, actor=actors.as_of(actors.rollup(a1.actor), d.date)) if a1 is not None else None
        a2 = replace(a2, actor=actors.as_of(actors.rollup(a2.actor), d.date)) if a2 is not None else None
        if a1 is not None and a2 is not None and a1.actor.name == a2.actor.name:
            a2, assoc2 = None, ""  # a branch and its force are one side, not two
        ally = actors.as_of(actors.rollup(partner.actor), d.date) if partner is not None else None
        if ally is not None and a1 is not None and ally is not a1.actor and (a2 is None or ally is not a2.actor):
            # Named with the agent ("Syrian and Russian warplanes"): ACLED's associated actor.
            assoc1 = "; ".join(x for x in (assoc1, ally.name) if x)
        etype, sub = (
            _generic_type(d.trigger, d.civilians, a1, a2) if not d.trigger.event_type else _type_for(d.trigger, a1)
        )
        if etype == "Protests" and _VIOLENT_CROWD.search(d.sentence):
            # Stones, burning tyres, a post stormed: ACLED's violent demonstration is a riot.
            etype, sub = "Riots", "Violent demonstration"
            if a1 is not None and a1.actor.name == "Protesters":
                a1 = None
        elif etype == "Violence against civilians" and _CROWD_KILLED.search(d.sentence, 0, d.trigger.start):
            # "Angry residents beat a man to death": mob violence, not an armed group's attack.
            etype, sub = "Riots", "Mob violence"
            if a1 is not None and a1.actor.side not in _ARMED_SIDES:
                a1 = None
        if (
            etype == "Protests"
            and sub == "Peaceful protest"
            # "Police fired tear gas at protesters": the protesters, named as the object, are no force.
            and (a2 is None or a2.actor.side not in _ARMED_SIDES)
            and _INTERVENED.search(d.sentence)
            and _FORCE_NOUN.search(d.sentence)
        ):
            sub = (
                "Excessive force against protesters"
                if _LETHAL_FORCE.search(d.sentence)
                else "Protest with intervention"
            )
        if (
            etype == "Violence against civilians"
            and _FIRED_ON_PROTEST.search(d.trigger.text)
            and (a1 is None or a1.actor.side in _STATE_SIDES)
            and (a1 is not None or _STATE_FORCE.search(d.sentence, 0, d.trigger.start))
        ):
            # "Security forces opened fire on protesters, killing two": ACLED's excessive force
            # against protesters, who are actor1; the state's force, when named, actor2.
            etype, sub = "Protests", "Excessive force against protesters"
            protesters = actors.by_name.get("Protesters")
            state_force = a1 or _unnamed_state_force(d, actors)
            a1 = ActorMention(d.trigger.start, d.trigger.end, d.trigger.text, protesters) if protesters else None
            a2 = state_force
        if etype == "Protests" and sub == "Peaceful protest" and a2 is not None and a2.actor.side in _ARMED_SIDES:
            # The state or an armed group named as the force that broke the protest up.
            sub = (
                "Excessive force against protesters"
                if _LETHAL_FORCE.search(d.sentence)
                else "Protest with intervention"
            )
        if etype == "Protests" and a2 is not None and a2.actor.side not in _ARMED_SIDES:
            # What a protest is against ("a campaign to conscript former rebels") is no party to it;
            # ACLED names a second actor only for the force that intervenes.
            a2, assoc2 = None, ""
        if sub in ("Protest with intervention", "Excessive force against protesters") and a2 is None:
            # "Police fired tear gas at protesters": the state's force where the protest was.
            a2 = _unnamed_state_force(d, actors)
        if (
            sub == "Non-violent transfer of territory"
            and a1 is not None
            and a2 is not None
            and d.trigger.text.lower().startswith("hand")
            and a1.start < d.trigger.start < a2.start
            and _HANDED_TO.search(d.sentence, d.trigger.end, a2.start)
        ):
            a1, a2 = a2, a1  # "The SDF handed over its positions to government forces": who took them acted
        army_attacked = False
        if a2 is None and not d.civilians and etype in ("Battles", "Explosions/Remote violence"):
            a2 = _army_hit(d, a1, actors)
            army_attacked = a1 is None and a2 is not None and _ASSAULTED.match(d.trigger.text) is not None
        # ACLED's conventions for an unnamed perpetrator, applied once the headline had its say.
        default = _DEFAULT_ACTOR.get(sub) or _DEFAULT_ACTOR.get(etype)
        if army_attacked:
            # "an attack on a checkpoint killed two soldiers": someone unnamed attacked the army,
            # which is the side hit, not who acted.
            default = "Unidentified armed group"
        defaults.append(actors.by_name.get(default or "") if a1 is None else None)
        site_country = d.mention.place.country if d.mention.place is not None else "SY"
        a1, a2 = _abroad_actor(a1, site_country, actors), _abroad_actor(a2, site_country, actors)
        actor1 = a1.actor.name if a1 else ""
        actor2 = a2.actor.name if a2 else ""
        inter1 = inter_at(a1.actor, site_country) if a1 else None
        inter2 = inter_at(a2.actor, site_country) if a2 else None
        if not actor2 and (
            etype == "Violence against civilians"
            or (d.civilians and etype == "Explosions/Remote violence")
            or (sub in _HELD_PEOPLE and _PEOPLE_AFTER.match(d.sentence[d.trigger.end : d.trigger.end + 60]))
        ):
            # ACLED's violence against civilians always has civilians as its second actor;
            # "security forces arrested an activist / three men" too.
            actor2, inter2 = "Civilians", 7
        # ACLED marks civilian targeting on political violence (and mob violence), not on
        # arrests, looting or protests.
        targets_civilians = actor2 == "Civilians" or etype == "Violence against civilians"
        civ = (
            "Civilian targeting"
            if targets_civilians and (DISORDER[etype] == "Political violence" or sub == "Mob violence")
            else ""
        )
        m = d.mention
        place = m.place
        assert place is not None
        country, iso, _alpha3 = COUNTRY_NAMES.get(place.country, ("", 0, ""))
        events.append(
            Event(
                event_id=_event_id(article.id, d),
                article_id=article.id,
                event_date=d.date,
                time_precision=d.time_precision if d.date else None,  # no date claims no precision
                event_type=etype,
                sub_event_type=sub,
                disorder_type=DISORDER[etype],
                actor1=actor1,
                actor2=actor2,
                location=_ascii(place.name),
                latitude=round(float(m.lat if m.lat is not None else place.lat), 5),
                longitude=round(float(m.lon if m.lon is not None else place.lon), 5),
                geo_precision=m.precision,
                admin1=place.admin1,
                country=country,
                iso=iso,
                inter1=inter1,
                inter2=inter2,
                assoc_actor_1=assoc1,
                assoc_actor_2=assoc2,
                interaction=interaction(inter1, inter2),
                # Only the wounded counted, and no word of any death: ACLED's 0, not unknown.
                fatalities=0
                if d.killed is None and d.injured is not None and not names_a_death(d.sentence)
                else d.killed,
                fatalities_text=d.fatal_text,
                injuries=d.injured,
                civilian_targeting=civ,
                date_flag=d.date_flag,
                sentence=" ".join(d.sentence.split()),
                place_id=place.id,
                source=article.outlet,
                sources=(article.id,),
                article_title=article.title,
                url=article.url,
                notes=" ".join(d.sentence.split()),
            )
        )
    events = _specify_generic(events, drafts)
    return _mark_primary(
        article,
        events,
        [d.start == lead or d.start < 250 for d in drafts],
        title_admin1,
        _title_agent(article.title, actors),
        defaults,
        lead_line=lead_line,
        table=actors,
    )


_MONTH_BEFORE = re.compile(r"\b(?:" + "|".join(MONTHS) + r")\.?\s+$", re.I)
#: Where one part of a headline ends: "Turkish Shelling East of the Euphrates, Car Bomb in Qamishli".
_TITLE_PARTS = re.compile(r"\s*[,;|:]\s+|\s+(?:as|while|amid)\s+", re.I)
_HANDED_TO = re.compile(r"\bto\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.I)
#: A deed done to someone by a force the sentence need not name: "the attack on a checkpoint".
_ASSAULTED = re.compile(r"(?:attack|ambush|assault|raid|storm)", re.I)
#: Soldiers or an army post with no force named: "killing seven soldiers", "an army checkpoint".
_ARMY_HIT = re.compile(
    r"\b(?:soldiers?|troops|servicem[ae]n|conscripts?|(?:army|military)\s+(?:checkpoints?|posts?|positions?|outposts?|"
    r"convoys?|patrols?|bus(?:es)?|vehicles?|trucks?|bases?|barracks|officers?|units?))\b",
    re.I,
)
#: A word before that names whose soldiers they are ("rebel troops", "Turkish soldiers").
_WHOSE_BEFORE = re.compile(
    r"(?<=\S\s)(?:(?!(?i:" + NUMWORD + r")\b)[A-Z][\w'’-]*|(?i:rebel|opposition|kurdish|jihadist|militia|faction|group|"
    r"enemy|own|their|its|his|her))\s+$"
)


def _army_hit(d: _Draft, a1: ActorMention | None, actors: ActorTable) -> ActorMention | None:
    """The Syrian army as the one hit when a Syrian report names soldiers or an army post but no force.

    "Militants attacked an army checkpoint, killing seven soldiers": in Syria, and
    with no other state's or group's name on them, they are the army's.
    """
    army = actors.by_name.get("Syrian Arab Army")
    place = d.mention.place
    if army is None or place is None or place.country != "SY":
        return None
    if a1 is not None and a1.actor.side in ("government", "government-allied"):  # a1 is rolled up
        return None
    for m in _ARMY_HIT.finditer(d.sentence):
        if _WHOSE_BEFORE.search(d.sentence, max(0, m.start() - 30), m.start()):
            continue
        if m.start() > d.trigger.start or _VICTIM_AFTER.match(d.sentence[m.end() : m.end() + 60]):
            return ActorMention(m.start(), m.end(), m.group(), army)
    return None


def _bare(t: Trigger) -> bool:
    """Whether a trigger says only that something happened ("attacks", "killed 12 civilians")."""
    return not t.event_type or (t.event_type == "Violence against civilians" and t.strength <= 4)


def _specify_generic(events: list[Event], drafts: list[_Draft]) -> list[Event]:
    """A bare "attack" takes the kind of the report that details it.

    Headlines and summaries say "terrorist attacks on Aleppo killed 57"; the
    body says the attacks were shells fired on two districts.  A generic event
    adopts the type of the first typed event of the same article in the same
    governorate (or within 30 km) within a day.
    """
    out = list(events)
    for i, (e, d) in enumerate(zip(events, drafts, strict=True)):
        if d.own_kind or not _bare(d.trigger) or not (unnamed(e.actor2) or e.actor2 == "Civilians"):
            continue  # "IS attacked SAA positions": an armed opponent named, a clash as it stands
        detail = next(
            (
                o
                for o, od in zip(events, drafts, strict=True)
                if not _bare(od.trigger)
                and o.event_type != "Strategic developments"
                and (unnamed(e.actor1) or unnamed(o.actor1) or e.actor1 == o.actor1)
                and (o.admin1 == e.admin1 or km(o.latitude, o.longitude, e.latitude, e.longitude) <= 30)
                and _days_apart(o.event_date, e.event_date) <= 1
            ),
            None,
        )
        if detail is None:
            continue
        change: dict[str, object] = {
            "event_type": detail.event_type,
            "sub_event_type": detail.sub_event_type,
            "disorder_type": detail.disorder_type,
        }
        out[i] = replace(e, **change)  # type: ignore[arg-type]
    return out


def _title_agent(title: str, actors: ActorTable) -> tuple[Actor, frozenset[str]] | None:
    """The armed actor a headline names as acting, and what its part of the headline reports.

    "Turkish Shelling East of the Euphrates, Car Bomb in Qamishli": the Turkish
    forces, and the shelling (the sub-event types of that part's violent words).
    """
    if not title:
        return None
    for a in actors.find_all(title):
        if a.actor.side in ("civilians", "humanitarian", "media", "unknown"):
            continue
        head = title[max(0, a.start - 40) : a.start]
        tail = title[a.end : a.end + 40]
        if (
            _VICTIM_AFTER.match(tail)
            or _COUNT_BEFORE.search(head)
            or _HELD.match(tail)
            or _TARGET_BEFORE.search(head)  # "IED Kills Former Rebel Commander": the one killed
        ):
            continue
        cut = max((m.end() for m in _TITLE_PARTS.finditer(title, 0, a.start)), default=0)
        nxt = _TITLE_PARTS.search(title, a.end)
        part = title[cut : nxt.start() if nxt is not None else len(title)]
        violent = ("Battles", "Explosions/Remote violence", "Violence against civilians")
        return actors.rollup(a.actor), frozenset(
            t.sub_event_type for t in incident_triggers(part) if t.event_type in violent
        )
    return None


def _admin1_words(admin1: str) -> tuple[str, ...]:
    from ..gazetteer.admin import GOVERNORATES

    for g in GOVERNORATES.values():
        if g.name == admin1:
            return tuple(v.lower() for v in (g.name.split("-")[-1], *g.variants) if len(v) > 3)
    return (admin1.lower(),)


def _title_abroad(title: str, country: str) -> bool:
    """Whether a headline names another country than ``country`` and not ``country`` itself.

    The country counts where the headline puts the deed in it ("in Iraq", "in northern
    Lebanon"), not where it names who acted ("Israel strikes kill 3 near Damascus").

    >>> _title_abroad("Daesh attack kills two in Iraq's Anbar", "Syria"), _title_abroad("Syria: two killed", "Syria")
    (True, False)
    >>> _title_abroad("Israel strikes kill 3 near Damascus", "Syria")
    False
    """
    where = r"\bin\s+(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+)?"
    named = {name for name, _iso, _a3 in COUNTRY_NAMES.values() if re.search(rf"{where}{name}\b", title, re.I)}
    return bool(named) and country not in named


def _mark_primary(
    article: Article,
    events: list[Event],
    in_lead: list[bool],
    title_admin1: frozenset[str] = frozenset(),
    title_agent: tuple[Actor, frozenset[str]] | None = None,
    defaults: Sequence[Actor | None] = (),
    *,
    lead_line: str = "",
    table: ActorTable | None = None,
) -> list[Event]:
    """The article's main event: the lead's incident, with casualties, at a place the title names."""
    if not events:
        return events
    title = article.title.lower()
    # The toll the headline gives ("Air strikes kill 19 in ...") is the main incident's.
    title_cas = find_casualties(article.title) if article.title else _NO_CASUALTIES
    title_dead = title_cas.killed

    def score(i: int, e: Event) -> tuple[float, int]:
        s = 2.5 if in_lead[i] else 0.0
        if title_dead is not None and e.fatalities == title_dead:
            s += 1.0
        if e.fatalities:
            s += 2.0
        if e.location and e.location.lower() in title:
            s += 1.5
        if e.admin1 and (e.admin1 in title_admin1 or any(k in title for k in _admin1_words(e.admin1))):
            s += 1.5
        if e.event_type in ("Explosions/Remote violence", "Battles", "Violence against civilians"):
            s += 1.0
        if e.geo_precision == 1:
            s += 0.3
        if e.time_precision in (3, None) or e.date_flag == "approximate":
            s -= 1.5  # background ("last week", "in May") is rarely the story
        s -= 0.15 * i
        return (s, -i)

    best = max(range(len(events)), key=lambda i: score(i, events[i]))
    out = [replace(e, primary=(i == best)) for i, e in enumerate(events)]
    main = out[best]
    agent, told = title_agent if title_agent is not None else (None, frozenset())
    if agent is not None and table is not None:
        agent = table.as_of(agent, main.event_date)  # a 2017 headline's "Nusra" is HTS that day
    if (
        agent is not None
        and (
            not main.actor1
            # "Jabhat al-Nusra terrorists execute 40 gunmen": the group the body calls "terrorists".
            or (
                main.actor1 in _GENERIC_ACTORS
                and agent.name not in _GENERIC_ACTORS
                and agent.side in ("jihadist", "opposition", "turkey-backed")
            )
        )
        and (not told or main.sub_event_type in told)
        and main.event_type not in ("Protests", "Riots")
    ):
        # The headline names who acted ("ISIL Uses Chemical Weapons in Aleppo"); never the
        # protesters ("Protests in Daraa as regime forces arrest activists").
        # The one the body took for the side hit is not also who acted: the headline settles it.
        hit = {} if main.actor2 != agent.name else {"actor2": "", "inter2": None, "assoc_actor_2": ""}
        home = _BY_NUMERIC.get(main.iso, "SY")
        main = out[best] = replace(
            main,
            actor1=agent.name,
            inter1=inter_at(agent, home),
            interaction=interaction(inter_at(agent, home), None if hit else main.inter2),
            **hit,  # type: ignore[arg-type]
        )
    for i, (e, default) in enumerate(zip(out, defaults, strict=False)):
        if (
            not e.actor1
            and e.actor2
            and ((e.event_type == "Battles" and default is None) or (default and e.actor2 == default.name))
        ):
            # ACLED always names actor1: the one known side of a clash, or the
            # protesters the sentence names as its object ("Protesters gathered ...").
            out[i] = replace(
                e,
                actor1=e.actor2,
                inter1=e.inter2,
                assoc_actor_1=e.assoc_actor_2,
                actor2="",
                inter2=None,
                assoc_actor_2="",
                interaction=interaction(e.inter2, None),
            )
        elif not e.actor1 and default is not None:
            out[i] = replace(
                e, actor1=default.name, inter1=default.inter, interaction=interaction(default.inter, e.inter2)
            )
    main = out[best]
    if main.fatalities is None and main.event_type != "Strategic developments":
        # The headline often carries the toll of the main incident ("Air strikes kill 19").
        # ``lead_line``: the text's first sentence, empty when it reports an incident abroad.
        # Not a headline about another country ("Daesh attack kills two in Iraq's Anbar").
        abroad = _title_abroad(article.title, main.country)
        cas = title_cas if title_cas.killed is not None and not abroad else find_casualties(lead_line)
        if cas.killed is not None:
            out[best] = replace(main, fatalities=cas.killed, fatalities_text=f"headline: {cas.text}")
    return out
