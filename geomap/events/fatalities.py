"""Fatality and injury counts from the words of a report.

"the death of 17 civilians", "at least 16", "up to 10", "2 servicemen were
killed and 13 were injured" (2 killed; 13 injured kept apart), numbers in
words ("three children").  Vague counts ("many", "dozens") are not numbers:
they are reported as text with no count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .._calendar import NOT_A_DAY_AFTER
from .._regex import Folded

__all__ = ["NUMWORD", "Casualties", "find_casualties", "names_a_death", "names_civilians", "word_number"]

_UNITS = {
    "zero": 0,
    "no": 0,
    "one": 1,
    "a": 1,
    "an": 1,
    "single": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "a dozen": 12,
    "half a dozen": 6,
    "dozen": 12,
    "a hundred": 100,
    "hundred": 100,
    "couple": 2,
    "a couple of": 2,
    "both": 2,
}
_VAGUE = r"(?:many|dozens|scores|hundreds|thousands|several|numerous|some|a number|a large number|large numbers|a few|few|multiple|countless|tens)"
_UNIT_WORDS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_BELOW_100 = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ]" + _UNIT_WORDS + r")?|"
    r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|" + _UNIT_WORDS + r")"
)
#: "two dozen", "3 dozen"; "one hundred and twelve", "a hundred", "two hundred fifty".
_COMPOUND = (
    r"(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+dozen|"
    r"(?:a|" + _UNIT_WORDS + r")\s+hundred(?:\s+(?:and\s+)?" + _BELOW_100 + r"(?![\w-]))?)"
)
#: A count in digits or words ("12", "1,200", "twenty-three", "a dozen", "two dozen").
NUMWORD = r"(?:" + _COMPOUND + r"|\d{1,3}(?:,\d{3})+|\d+|" + _BELOW_100 + r"|half a dozen|a dozen|a couple of|both)"
_QUAL = r"(?:at least|up to|about|around|some|nearly|almost|approximately|more than|over|as many as|roughly|an estimated|no fewer than|not less than|the|another|other|a total of|total of)"
# The members of a group named in full count as one word: "Four members of the Syrian
# National Army's Sultan Murad Division were killed" (a run of capitalised words).
_MEMBERS_OF = (
    r"(?:[\w'’-]+\s+){0,2}?(?:members|fighters|militants|soldiers|troops|personnel|elements|officers|commanders)"
    r"\s+of\s+(?:the\s+)?(?:(?-i:(?:[a-z]{1,3}-)?[A-Z])[\w'’-]*\s+){1,8}"
)
# ("...Division and two civilians were killed": the second count is read as one joined to it.)
_WHO = (
    r"(?:"
    + _MEMBERS_OF
    + r"(?:(?:and|as well as)\s+"
    + NUMWORD
    + r"\s+(?:[\w'’-]+\s+){0,3}?)?|(?:[\w'’-]+(?:\s+|(?=,))){0,7}?)"
)
_KILL = r"(?:killed|dead|died|deaths?|killing|lost (?:their|his|her) lives?|martyred|martyring|slain|neutrali[sz]ed|found dead|perished|lifeless|bodies|fatalities|casualties|massacred|executed|beheaded|shot dead|gunned down|assassinated)"
_HURT = r"(?:injured|wounded|hurt|injuring|wounding|injuries)"

_NUM_BEFORE_KILL = re.compile(
    r"\b(?:"  # a whole word: not the "one" of "a drone strike killed"
    + _QUAL
    + r"\s+)?(?P<n>"
    + NUMWORD
    + r")\s+(?P<who>"
    + _WHO
    + r")(?:,[^,;.]{1,50},\s*)?(?:(?:were|was|have been|had been|are|got|being)\s+)?(?:(?:reportedly|reported|also|all)\s+)?(?P<verb>"
    + _KILL
    + r"|"
    + _HURT
    + r")\b",
    re.I,
)
#: How a toll grows: "rose to", "has risen to", "climbed to".
_ROSE = r"(?:rose|rises|rise|risen|climbed|climbs|reached|reaches|jumped)"
_KILL_BEFORE_NUM = re.compile(
    r"\b(?P<verb>killing of|killings of|killing|killed|kills|kill|martyring|neutrali[sz](?:ed|ing)|executed|executing|assassinated|assassinating|massacred|beheaded|shot dead|gunned down|death of|deaths of|lives of|bodies of|claimed the lives of|left|leaving|toll\b[^.;]{0,100}?\b(?:"
    + _ROSE
    + r"|hit|hits|stands at|stood at|of)(?: to)?|killed at least|injuring|wounding|injured|wounded)\s+(?:"
    + _QUAL
    + r"\s+)?(?P<n>"
    + NUMWORD
    + r")\b(?=(?P<after>\s+[\w-]+(?:\s+[\w-]+){0,3}))?",
    re.I,
)
_VAGUE_RX = re.compile(
    r"\b(?P<q>" + _VAGUE + r")\b(?:\s+of)?(?:\s+\w+){0,3}?\s+(?:were |was |have been )?(?:also )?(?:" + _KILL + r")\b",
    re.I,
)
#: "killing dozens", "left scores dead": a count in words that is no number.
_VAGUE_AFTER = re.compile(
    r"\b(?:killing|killed|kills|kill|leaving|left)\s+(?:at\s+least\s+)?(?P<q>" + _VAGUE + r")\b"
    r"(?!\s+(?:of\s+)?(?:[\w-]+\s+){0,2}?(?:injured|wounded|hurt|others?\s+(?:injured|wounded)))",
    re.I,
)
_ANY_HARM = re.compile(
    _KILL + "|" + _HURT + r"|death|toll|lives|left \d|\bkills?\b|\bbody of|\blost\b|\b(?:material|property) damage",
    re.I,
)
_KILLED_OR_INJURED = re.compile(
    r"killed or (?:injured|wounded)|killed and (?:injured|wounded)|dead or (?:injured|wounded)|(?:injured|wounded) or killed|casualties",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Casualties:
    """Counts found in a sentence: killed, injured, whether civilians were named, and the words."""

    killed: int | None = None
    injured: int | None = None
    civilians: bool = False
    text: str = ""
    vague: str = ""
    #: How the count adds to a count reported before it: "grew" for a toll that grew ("the toll
    #: later rose to 9", the latest figure), "lost" for a force's own dead ("IS lost two
    #: fighters", more dead); "" for a count of its own.
    adds: str = field(default="", repr=False)


def word_number(s: str) -> int | None:
    """An integer from digits or English number words.

    Examples
    --------
    >>> word_number("twenty-three"), word_number("1,200"), word_number("a dozen")
    (23, 1200, 12)
    >>> word_number("two dozen"), word_number("one hundred and twelve"), word_number("a hundred")
    (24, 112, 100)
    """
    s = s.lower().strip()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", s):
        digits = s.replace(",", "")
        return int(digits) if len(digits) <= 9 else None  # no count has ten digits
    if s in _UNITS:
        return _UNITS[s]
    dozens = re.fullmatch(r"(\S+)\s+dozen", s)
    if dozens is not None:
        n = word_number(dozens.group(1))
        return None if n is None else 12 * n
    hundreds = re.fullmatch(r"(a|\w+)\s+hundred(?:\s+(?:and\s+)?(.+))?", s)
    if hundreds is not None:
        n = 1 if hundreds.group(1) == "a" else _UNITS.get(hundreds.group(1))
        rest = word_number(hundreds.group(2)) if hundreds.group(2) else 0
        return None if n is None or rest is None or rest >= 100 else 100 * n + rest
    parts = re.split(r"[- ]", s)
    if len(parts) == 2 and parts[0] in _UNITS and parts[1] in _UNITS:
        return _UNITS[parts[0]] + _UNITS[parts[1]]
    return None


_CIVILIAN = re.compile(
    r"\b(civilians?|children|child|women|woman|residents|people|villagers|family|families|kids|girls?|boys?|students?|workers|farmers|shepherds?|displaced|refugees|worshippers|patients|medics|doctors?|journalists?|nurses?|teachers?|infants?|babies|pharmacists?|engineers?|"
    r"lawyers?|merchants?|traders?|mukhtars?|imams?|clerics?|activists?|paramedics?|volunteers?|drivers?|"
    r"shopkeepers?|teenagers?|youths?|elderly|"
    # A local official is a civilian to ACLED; a military or security one is not.
    r"(?<!military )(?<!security )(?<!army )(?<!intelligence )(?<!defence )(?<!defense )officials?)\b",
    re.I,
)
_NOT_PEOPLE = re.compile(
    r"^\s*(?:km|kilomet|meters|metres|miles|hours?|days?|weeks?|months?|years?|times|percent|%|trucks|vehicles|tanks|rockets|missiles|shells|airstrikes|strikes|raids|mortars|barrel)",
    re.I,
)


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DATE_MASK = re.compile(
    r"\b\d{1,2}\s+" + _MONTH + r",?\s+(?:19|20)\d\d\b"
    r"|\b" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d\b"
    r"|\b" + _MONTH + r"\s+\d{5,6}\b"
    r"|\b\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d\d\b|\b(?:19|20)\d\d-\d\d-\d\d\b"
    r"|\b"
    + _MONTH
    + r"\s+\d{1,2}(?:st|nd|rd|th)?\b"
    + NOT_A_DAY_AFTER
    + r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?"
    + _MONTH
    + r"(?=\W)"
    r"|\b(?:19|20)\d\d\b|\b\d{1,2}:\d\d\b"
    # a time of day: "at 4 pm", "4:30 a.m."
    r"|\b\d{1,2}(?::\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)(?!\w)|\bat\s+\d{1,2}\s+o['’]clock\b",
    re.I,
)

# Case-insensitive alternations run faster case-folded; same matches (see geomap/_regex.py).
# Folded offers the Pattern methods used here (search, match, finditer, sub).
_NUM_BEFORE_KILL, _KILL_BEFORE_NUM, _VAGUE_RX, _ANY_HARM, _KILLED_OR_INJURED, _CIVILIAN, _DATE_MASK = (  # type: ignore[assignment]
    Folded(rx)
    for rx in (_NUM_BEFORE_KILL, _KILL_BEFORE_NUM, _VAGUE_RX, _ANY_HARM, _KILLED_OR_INJURED, _CIVILIAN, _DATE_MASK)
)


#: Any word of a death, counted or not: a sentence with one is no wounded-only report.
_ANY_DEATH = re.compile(
    r"\b(?:kill|dead|death|died|dies|dying|lives|life|perish|massacre|bod(?:y|ies)|corpses?|martyr|fatal|toll)", re.I
)


def names_a_death(text: str) -> bool:
    """Whether ``text`` speaks of any death, counted or not ("killed several", "the toll").

    >>> names_a_death("Two civilians were wounded."), names_a_death("wounding five and killing several")
    (False, True)
    """
    return _ANY_DEATH.search(text) is not None


def names_civilians(text: str) -> bool:
    """Whether ``text`` names civilians ("shepherds", "two children", "residents")."""
    return _CIVILIAN.search(text) is not None


_NONE_HURT = re.compile(
    r"\bno(?: one|body|[- ]one)? (?:was|were|has been|had been) (?:killed|hurt|injured|wounded)\b"
    r"|\bno (?:casualties|deaths|fatalities|injuries|victims) (?:were |was )?(?:reported|recorded|caused)"
    r"|\bwithout (?:causing )?(?:any )?(?:casualties|injuries|deaths)"
    # "causing no casualties", "there were no casualties", "with no reports of casualties".
    r"|\b(?:there were|there was|causing|caused|leaving|left|resulting in|with|and|but) no (?:reported )?"
    r"(?:casualties|deaths|fatalities|injuries|victims)\b"
    r"|\bno (?:reports?|word) of (?:any )?(?:casualties|deaths|fatalities|injuries)"
    # "No casualties.", a sentence of its own.
    r"|^\W*no (?:reported )?(?:casualties|deaths|fatalities|injuries|victims)\b(?!\s+(?:among|of|on|in)\b)"
    # "causing material damage only", "the shell caused only material damage".
    r"|\b(?:material|property) damage only\b|\b(?:only|just|merely) (?:\w+ )?(?:material|property) damage\b",
    re.I,
)
#: One person, by what they were (the words of ``_ONE_WHO``).
_ONE_WHO_WORDS = (
    r"commander|soldier|civilian|child|man|woman|fighter|member|officer|leader|journalist|boy|girl|"
    r"activist|doctor|policeman|militant|person|resident|farmer|shepherd|teenager|official|cleric|judge|"
    r"protester|demonstrator|detainee|prisoner|worker|driver|student|teacher|nurse|paramedic|volunteer|"
    r"mukhtar|imam|sheikh|engineer|pharmacist|lawyer|mayor|dignitary|notable|merchant|trader|smuggler|"
    r"guard|employee|citizen|youth|father|mother|son|daughter|husband|wife|infant|baby|elder"
)
_ONE_WHO = f"(?:{_ONE_WHO_WORDS})"
#: "... were wounded" after a person: hurt, not killed.
_HURT_NEXT = r"\s+(?:were|was|are)\s+(?:\w+\s+)?(?:wounded|injured|hurt)"
#: One more person after a count: "3 SDF fighters and a Turkish soldier" (not "and a child
#: was wounded", not "and a house").
_AND_ONE_MORE = re.compile(
    r"\s+[\w-]+(?:\s+[\w-]+)?\s*(?:,\s*)?(?:and|as well as)\s+(?:a|an|one)\s+(?:[\w-]+\s+){0,2}?"
    + _ONE_WHO
    + rf"\b(?!{_HURT_NEXT})",
    re.I,
)
#: "beat to death", "stabbed to death": a killing verb of its own.
_TO_DEATH = r"(?:beat|beaten|stabbed|stoned|tortured|hacked|burned|burnt) to death"
#: A person's name: a capitalised word and {more} more ("Ahmed Ali", "Ahmad al-Hassan", "Saleh bin Ali").
_PERSON = r"(?-i:[A-Z])[\w'’-]+(?:\s+(?:(?-i:[A-Z])|al-|el-|bin\s|ibn\s)[\w'’-]+){{{more}}}"
_ONE_PERSON = re.compile(
    r"\b(?:killing|killed|kills|shot dead|gunned down|executed|assassinated|beheaded|"
    + _TO_DEATH
    + r")\s+(?:a|an|one)\s+(?:[\w-]+\s+){0,5}?"
    + _ONE_WHO
    + r"\b"
    # "beat a man to death".
    + r"|\b(?:beat|stabbed|stoned|tortured|hacked|burned)\s+(?:a|an|one)\s+(?:[\w-]+\s+){0,3}?"
    + _ONE_WHO
    + r"\s+to death\b"
    # "A child was killed", and headline style "Child killed".
    + r"|(?:^\W*|\b(?:a|an|one)\s+)(?:[\w-]+\s+){0,5}?"
    + _ONE_WHO
    + r"\s+(?:was\s+)?(?:killed|shot dead|gunned down|executed|assassinated|martyred|found dead|"
    + _TO_DEATH
    + r")\b"
    # "Gunmen killed the mukhtar of Kafr Shams", "killed Ahmed Ali, a local activist".
    + r"|\b(?:killing|killed|kills|shot dead|gunned down|assassinated|assassinating)\s+the\s+(?:[\w-]+\s+){0,2}?"
    + _ONE_WHO
    + r"(?=\s+of\s+(?:the\s+)?(?-i:[A-Z]))"
    + r"|\b(?:killing|killed|kills|shot dead|gunned down|assassinated|assassinating)\s+"
    + _PERSON.format(more="0,3")
    + r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?"
    + _ONE_WHO
    + r"\b"
    # "Ahmad al-Hassan was shot dead": one person named (two to four names).
    + r"|(?:^\W*|[,;:]\s+|\band\s+)"
    + _PERSON.format(more="1,3")
    + r"\s+(?:was|has\s+been)\s+(?:\w+\s+)?(?:killed|shot\s+dead|gunned\s+down|executed|assassinated|martyred|beheaded)\b"
    # "He died of his wounds in hospital": the one hurt in the report before.
    + r"|^\W*(?:he|she)\s+(?:later\s+)?(?:died|was killed|succumbed)\b"
    # "documented the death of a young man".
    + r"|\b(?:death|killing|martyrdom)\s+of\s+(?:a|an|one)\s+(?:[\w-]+\s+){0,3}?"
    + _ONE_WHO
    + r"\b"
    # "An explosion hit a car, killing its driver".
    + r"|\b(?:killing|killed|kills)\s+(?:its|the\s+(?:car|vehicle|truck|motorcycle)(?:'s|’s))\s+"
    + r"(?:driver|owner|passenger|occupant|pilot)\b"
    # "The body of a man was found".
    + r"|\bbody\s+of\s+(?:a|an|one)\s+(?:[\w-]+\s+){0,3}?"
    + _ONE_WHO
    + r"\b(?:[^.;]{0,60}?)\s+(?:was\s+)?(?:found|discovered|recovered)\b"
    # "assassinated former FSA commander Abu Hamza": one named person.
    + r"|\b(?:killing|killed|shot dead|gunned down|executed|assassinated|beheaded)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?"
    + _ONE_WHO
    + r"\s+(?-i:[A-Z])[\w'’-]+"
    # Headline style, no article: "IED Kills Former Rebel Commander", "Sniper kills child".
    + r"|\bkills\s+(?:(?!(?:"
    + NUMWORD
    + r"|and|in|on|at|near)\b)[\w-]+\s+){0,3}?"
    + _ONE_WHO
    + r"\b(?!['’-])",
    re.I,
)

# "killing a woman and her three children": the one and the others.
#: One relative: "his son", "her mother".
_KIN_ONE = r"(?:wife|husband|son|daughter|child|baby|brother|sister|father|mother|grandson|granddaughter|nephew|niece)"
_AND_KIN = re.compile(
    r"\s+and\s+(?:her|his|their)\s+(?:("
    + NUMWORD
    + r")\s+(?:[\w-]+\s+)?(?:children|sons|daughters|kids|relatives|brothers|sisters)"
    # "a man and his wife": one more.
    + r"|"
    + _KIN_ONE
    + r")\b",
    re.I,
)
#: "killing a former commander ..., along with his companion": the one and who was with him.
_ALONG_WITH = re.compile(
    r"[^.;]{0,120}?,?\s+(?:along|together)\s+with\s+(?:his|her|their)\s+(?:(?P<n>"
    + NUMWORD
    + r")\s+)?(?:[\w-]+\s+)?(?:companions?|drivers?|bodyguards?|escorts?|guards?|aides?|assistants?|"
    + r"children|sons|daughters|brothers|relatives|"
    + _KIN_ONE
    + r")\b(?![^.;]{0,25}\b(?:wounded|injured|hurt|survived|escaped)\b)",
    re.I,
)
_KIN = rf"(?:man|woman|boy|girl|{_KIN_ONE})"
_ELDER_KIN = r"(?:their|his|her)\s+(parents|mother|father|grandmother|grandfather|aunt|uncle)"
#: After "killing two children": "and their mother" (one more), "and their parents" (two).
_KIN_AFTER_COUNT = re.compile(
    rf"\s+[\w-]+(?:\s+[\w-]+)?\s+and\s+{_ELDER_KIN}\b(?!{_HURT_NEXT})",
    re.I,
)
#: "two children and their mother (were killed)": the one named after the count is one more.
_COUNT_AND_KIN = re.compile(rf"[\w-]+\s+(?:[\w-]+\s+)?and\s+{_ELDER_KIN}\s*$", re.I)


def _elders(kin: re.Match[str]) -> int:
    """How many "their parents" or "their mother" are."""
    return 2 if kin.group(1).lower().startswith("parent") else 1


#: A toll that grew: "the toll rose to 9", "the death toll has risen to 12".
_TOLL_ROSE = re.compile(r"toll\b.*\b" + _ROSE + r"\b", re.I | re.S)
#: "IS lost two fighters": a force's own dead.
_LOST_MEN = re.compile(
    rf"\blost\s+(?:at least\s+|some\s+|about\s+)?(?P<n>{NUMWORD})\s+(?:of\s+(?:its|their)\s+)?(?:[\w-]+\s+)?"
    r"(?:fighters|soldiers|members|men|militants|troops|servicemen|personnel|officers|commanders|jihadists)\b",
    re.I,
)
#: "Mother, child killed", "a man and his son were killed": two people.
_PAIR_KILLED = re.compile(
    rf"\b(?:an?\s+|the\s+)?{_KIN}\s*(?:,|and|&)\s*(?:an?\s+|her\s+|his\s+|their\s+|the\s+)?{_KIN}\s+"
    r"(?:were\s+|have\s+been\s+|had\s+been\s+)?(?:killed|died|shot dead)\b",
    re.I,
)
_KIN_HURT = re.compile(_HURT_NEXT, re.I)
_KILLED_TEXT = re.compile(rf"\b{_KILL}\b", re.I)
# "wounding a child": one injured.
_ONE_HURT = re.compile(
    r"\b(?:wounding|injuring|wounded|injured)\s+(?:a|an|one)\s+(?:(?!(?:when|while|after|ago|an?|the)\b)[\w-]+\s+){0,4}?"
    + _ONE_WHO
    + r"\b",
    re.I,
)

# "killing a shepherd and wounding his son": one relative hurt.
_KIN_HURT_ONE = re.compile(rf"\b(?:wounding|injuring|wounded|injured)\s+(?:his|her|their)\s+{_KIN_ONE}\b", re.I)

# "killing a family of six": the count is the family's size.
_FAMILY = re.compile(
    r"\b(?:an?|one|the|whole|entire)\s+(?:whole\s+|entire\s+)?family\s+of\s+("
    + NUMWORD
    + r")\b(?!\s*(?:km|kilomet|years?))",
    re.I,
)


def _mask_not_this_toll(sentence: str) -> str:
    """Blank out what holds numbers that are not this incident's toll.

    Dates, years and clock times, and a reprisal's cause: "in revenge for the deaths of
    five soldiers" is another incident's toll.
    """
    sentence = _REPRISAL_FOR.sub(lambda m: " " * len(m.group()), sentence)
    # "killed 3, a day after 5 were killed there": the earlier toll goes when the
    # sentence has one of its own (else the clause is what the sentence reports).
    earlier = _DAYS_AFTER.sub(lambda m: " " * len(m.group()), sentence)
    if earlier != sentence and (_NUM_BEFORE_KILL.search(earlier) or _KILL_BEFORE_NUM.search(earlier)):
        sentence = earlier
    return _DATE_MASK.sub(lambda m: " " * len(m.group()), sentence)


#: "between 10 and 15", "from 10 to 15": a range of counts (of people, not of days or hours).
_RANGE = re.compile(
    rf"\b(?:between\s+(?P<low>{NUMWORD})\s+and|from\s+(?P<low2>{NUMWORD})\s+to)\s+{NUMWORD}\b(?!\s*(?:km|kilomet|miles|years?|days?|hours?|am|pm))",
    re.I,
)
#: "... dead on each side": the count is each side's ("on both sides" is their sum).
_EACH_SIDE = re.compile(r"\b(?:dead|killed|fatalities|deaths)\s+(?:on|from|among)\s+(?:each|either)\s+side\b", re.I)
_REPRISAL_FOR = re.compile(r"\b(?:in\s+)?(?:revenge|retaliation|reprisal|vengeance)\s+for\b[^.;,]*", re.I)
#: "..., a day after five people were killed there": an earlier incident's toll.
_DAYS_AFTER = re.compile(r"\b(?:a|one|two|three|four|five|six|\d)\s+(?:days?|weeks?)\s+after\b[^.;]*", re.I)


# A part of a count named inside it: "9 civilians including 3 children were killed" is one count.
_PART_OF_COUNT = re.compile(r"\b(?:including|among them|among whom|of whom|of them)\s+(?:at least\s+)?\d+\b", re.I)
# Words between a count and its verb that belong to another clause with its own count
# ("12 soldiers and left four others wounded"; "Twelve soldiers and two civilians").
_ANOTHER_COUNT = re.compile(
    r"(?:\band|,|\bas well as)\s+" + NUMWORD + r"\b|\b(?:left|leaving|killing|injuring|wounding)\b", re.I
)


#: "were among 14 people": the count the first one is part of.
_AMONG_COUNT = re.compile(r"\b(?:were|was|are|is)\s+among\s+(?:the\s+)?(?:at least\s+)?(?P<n>" + NUMWORD + r")\b", re.I)
_JOINED_COUNT = re.compile(
    r"(?:" + _MEMBERS_OF + r"|(?:[\w'’-]+\s+){1,3}?)(?:and|as well as)\s+(?=" + NUMWORD + r"\s)", re.I
)


def _subset_or_noise(sentence: str, start: int, n: int, who: str) -> bool:
    """A count that is part of another ("including 10"), or not a casualty count at all."""
    head = sentence[max(0, start - 25) : start].lower()
    if re.search(
        r"\b(?:including|among them|among whom|of whom|of them|(?<!were )(?<!was )(?<!are )(?<!is )among|out of)"
        r"\s+(?:at least\s+)?$",
        head,
    ):
        return True  # (but "two children were among 14 people killed": the 14 is the whole)
    bare = _PART_OF_COUNT.sub(" ", who or "")  # "9 civilians including 3 children": one count
    if re.search(r"\d", bare) or re.search(r"\b(?:and|or)\s*$", who or ""):
        return True
    if _AMONG_COUNT.search(who or ""):
        return True  # "four schoolchildren were among eight people killed": part of the eight
    if _ANOTHER_COUNT.search(who or ""):
        return True  # "12 soldiers and left four others wounded": the four were wounded, not the 12
    return n > 5000


_QUOTED_COUNT = re.compile(
    r"[\"“”‘’']((?:at least |up to |more than |about |some )?(?:\d[\d,]*|[a-z]+(?:-[a-z]+)?))[\"“”‘’']", re.I
)


_PEOPLE = (
    r"(?:men|women|children|kids|boys|girls|civilians|people|persons|fighters|soldiers|members|militants|"
    r"troops|officers|servicemen|elements|residents|workers|farmers|shepherds|infants|babies|brothers|"
    r"sisters|sons|daughters|relatives|teenagers|students|" + _ONE_WHO_WORDS + r")"
)
#: One group in a list of the dead: "seven children", "a man", "his wife", "their three children".
_VICTIMS_ITEM = (
    rf"(?:(?:a|an|one|{NUMWORD})\s+(?:(?!of\b|among\b|and\b|them\b|whom\b)[\w-]+\s+){{0,2}}?{_PEOPLE}"
    rf"|(?:his|her|their)\s+(?:{NUMWORD}\s+)?(?:[\w-]+\s+)?(?:{_KIN_ONE}|children|sons|daughters|brothers|sisters))\b"
)
#: "killing a man, his wife and their three children": the dead listed, two groups or more.
_VICTIM_LIST = re.compile(
    r"\b(?:killing|killed|kills|the\s+(?:killing|deaths?)\s+of|claimed\s+the\s+lives\s+of)\s+(?:at\s+least\s+)?"
    rf"(?P<items>{_VICTIMS_ITEM}(?:\s*,\s*{_VICTIMS_ITEM})*\s*,?\s+and\s+{_VICTIMS_ITEM})"
    rf"(?!{_HURT_NEXT})",
    re.I,
)
_VICTIMS_ONE = re.compile(_VICTIMS_ITEM, re.I)
_VICTIMS_COUNT = re.compile(rf"^(?:(?:his|her|their)\s+)?(?P<n>{NUMWORD})\s", re.I)


#: ", three of them children," or ", including two women,": a part of the count before it.
_PART_ASIDE = re.compile(
    rf",\s*(?:(?:including|among\s+them)\s+{NUMWORD}|{NUMWORD}\s+(?:of\s+(?:them|whom)|among\s+them))"
    r"\s+(?:[\w-]+\s+)?[\w-]+\s*(?=,)",
    re.I,
)

#: ... or with no commas, when a count of another class of people follows it: "five civilians
#: including two children and three fighters" (the fighters are no part of the civilians).
_PART_ASIDE_BARE = re.compile(
    rf"\s(?:including|among\s+them)\s+{NUMWORD}\s+(?:[\w-]+\s+)?[\w-]+"
    rf"(?=\s+(?:and|as well as)\s+(?:at\s+least\s+)?{NUMWORD}\s+(?:[\w-]+\s+)?"
    r"(?:civilians|fighters|soldiers|militants|members|troops|gunmen|militiamen|servicemen|rebels|policemen|"
    r"jihadists|terrorists|combatants)\b)",
    re.I,
)

#: The aside with the comma that closes it, where the sentence goes on to its verb or next count.
_PART_ASIDE_CLOSED = re.compile(
    rf"(?:{_PART_ASIDE.pattern}),(?=\s+(?:were|was|have|had|and|as well as)\b)|{_PART_ASIDE_BARE.pattern}", re.I
)


def _victim_list(sentence: str) -> tuple[int, str] | None:
    """The sum of a list of the dead ("seven children, four women and two men": 13).

    >>> _victim_list("killing 5 civilians, 3 of them children, and two fighters")
    (7, 'killing 5 civilians, 3 of them children, and two fighters')
    >>> _victim_list("killing 5 civilians including 3 children and two fighters")[0]
    7
    >>> _victim_list("killing two soldiers and their children") is None
    True
    """
    blank = _PART_ASIDE_BARE.sub(lambda a: " " * len(a.group()), sentence)
    m = _VICTIM_LIST.search(_PART_ASIDE.sub(lambda a: " " * len(a.group()), blank))
    if m is None:
        return None
    total = 0
    for item in _VICTIMS_ONE.finditer(m.group("items")):
        said = item.group()
        c = _VICTIMS_COUNT.match(said)
        if c is not None and c.group("n").lower() not in ("a", "an"):
            n = word_number(c.group("n"))
            if n is None:
                return None
            total += n
        elif re.match(r"(?:his|her|their)\s+(?:children|\S+s)\b", said, re.I) and not re.search(
            rf"\b{_KIN_ONE}$", said, re.I
        ):
            return None  # "their children": how many is not said
        else:
            total += 1
    return total, " ".join(sentence[m.start() : m.end()].split())


def find_casualties(sentence: str) -> Casualties:
    """Killed and injured counts in one sentence.

    Examples
    --------
    >>> find_casualties("2 servicemen were killed and 13 were injured in shelling.")
    Casualties(killed=2, injured=13, civilians=False, text='2 servicemen were killed; 13 were injured', vague='')
    >>> find_casualties("The attacks resulted in the death of 17 civilians, including women.").killed
    17
    >>> find_casualties("the military killed and injured many militants").killed is None
    True
    >>> find_casualties("Jets struck a market, killing a family of six, including four children.").killed
    6
    >>> find_casualties("Drone Strike Kills 3 Fighters in Quneitra").killed
    3
    >>> find_casualties("Child killed, 9 Civilians Injured in Attacks on Aleppo").killed
    1
    >>> find_casualties("A drone strike killed two fighters."), find_casualties("Gunmen killed a man and his wife.").killed
    (Casualties(killed=2, injured=None, civilians=False, text='killed two', vague=''), 2)
    >>> find_casualties("Jets struck Hass, killing nine civilians, five of them children.").killed
    9
    >>> find_casualties('The militants killed "at least 12" fighters.').killed
    12
    """
    if not _ANY_HARM.search(sentence):
        return Casualties()
    # A toll in quotation marks ('killed "at least 12" fighters') is a toll.
    sentence = _QUOTED_COUNT.sub(lambda m: f" {m.group(1)} ", sentence)
    sentence = _FAMILY.sub(lambda m: f"{m.group(1)} family members", _mask_not_this_toll(sentence))
    # "between 10 and 15 people were killed": ACLED takes the lowest figure.
    sentence = _RANGE.sub(lambda m: f"at least {m.group('low') or m.group('low2')}", sentence)
    if (none := _NONE_HURT.search(sentence)) is not None:
        # "killing two, but there were no casualties among the rebels": the two stand.
        rest = find_casualties(sentence[: none.start()] + " " * len(none.group()) + sentence[none.end() :])
        if rest.killed:
            return rest
        # "wounding five; no one was killed": none dead, the five hurt.
        said = "; ".join(t for t in (rest.text, none.group()) if t)
        return Casualties(killed=0, injured=rest.injured, civilians=rest.civilians, text=said)
    killed: list[int] = []
    injured: list[int] = []
    texts: list[str] = []
    civilians = False
    taken: list[tuple[int, int]] = []
    if _KILLED_OR_INJURED.search(sentence) and not re.search(
        r"\b(?:were|was) killed\b(?! or| and (?:injured|wounded))|\bdeath toll\b", sentence, re.I
    ):
        m = _VAGUE_RX.search(sentence)
        return Casualties(None, None, bool(_CIVILIAN.search(sentence)), "", "killed or injured")
    pos = 0
    update: int | None = None
    carry: tuple[int, int, int] | None = None  # (count, its start, where the count joined to it starts)
    # Counts are read with the asides blanked, so "Five civilians, including two children, and
    # three fighters were killed" is 5 and 3; texts are quoted from the sentence as written.
    scan = _PART_ASIDE_CLOSED.sub(lambda a: " " * len(a.group()), sentence)
    while (m := _NUM_BEFORE_KILL.search(scan, pos)) is not None:
        pos = m.end()
        n = word_number(m.group("n"))
        if n is None or _subset_or_noise(scan, m.start("n"), n, m.group("who")):
            # "Twelve soldiers and two civilians were killed": look again from the second
            # count, which takes the first along.
            joined = _JOINED_COUNT.match(m.group("who") or "")
            if n is not None and joined and not _subset_or_noise(scan, m.start("n"), n, ""):
                carry = (n, m.start(), m.start("who") + joined.end())
                pos = carry[2]
            elif (whole := _AMONG_COUNT.search(m.group("who") or "")) is not None:
                pos = m.start("who") + whole.start("n")  # "Two children were among 14 people killed": the 14
            continue
        start = m.start()
        if carry is not None and carry[2] == m.start("n"):
            n, start = n + carry[0], carry[1]
        carry = None
        between = scan[m.end("n") : m.start("verb")]
        if _NOT_PEOPLE.match(between) or re.search(r"\b(?:km|kilometers?|miles|years?|months?)\b", between, re.I):
            continue
        if re.match(r"\s*(?:19|20)\d\d\b", m.group("n")):
            continue
        verb = m.group("verb").lower()
        kin = _COUNT_AND_KIN.match(m.group("who") or "")
        if kin is not None:
            n += _elders(kin)  # "two children and their mother"
        if re.fullmatch(_HURT, verb, re.I):
            injured.append(n)
        else:
            killed.append(n)
        civilians = civilians or bool(_CIVILIAN.search(between))
        texts.append(" ".join(sentence[start : m.end()].split()))
        taken.append(m.span())
    for m in _KILL_BEFORE_NUM.finditer(sentence):
        if any(s <= m.start("n") < e for s, e in taken):
            continue
        n = word_number(m.group("n"))
        after = m.group("after") or ""
        if n is None or _NOT_PEOPLE.match(after) or _subset_or_noise(sentence, m.start("n"), n, ""):
            continue
        if re.match(
            r"^\s+(?:others?|people|persons|civilians)?\s*(?:injured|wounded|hurt)\b", after, re.I
        ) and not m.group("verb").lower().startswith(("injur", "wound")):
            injured.append(n)
            texts.append(" ".join(m.group().split()))
            continue
        if re.match(r"(?:19|20)\d\d$", m.group("n")):
            continue
        verb = m.group("verb").lower()
        if verb in ("left", "leaving") and not re.search(r"\b(dead|killed|deaths?)\b", after, re.I):
            continue
        extra = 0
        tail = sentence[m.end("n") : m.end("n") + 70]
        more = re.match(
            # "3 SDF fighters and 12 civilians", "3 members of the White Helmets and 12 civilians"
            r"\s+[\w-]+(?:\s+[\w-]+)?(?:\s+of\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)?\s*(?:,\s*and|,|and|as well as)\s+(?:"
            + _QUAL
            + r"\s+)?("
            + NUMWORD
            + r")\s+(?!km|kilomet|years?|were|of (?:them|whom))"  # "nine, five of them ...": a part
            + r"(?![\w-]+\s+(?:were\s+|was\s+)?(?:injured|wounded|hurt))",
            tail,
            re.I,
        )
        if more and word_number(more.group(1)) is not None:
            extra = word_number(more.group(1)) or 0
            civilians = civilians or bool(_CIVILIAN.search(tail[more.start(1) : more.end() + 25]))
        elif _AND_ONE_MORE.match(tail) is not None:
            extra = 1  # "killing 3 SDF fighters and a Turkish soldier"
        elif (kin := _KIN_AFTER_COUNT.match(tail)) is not None:
            extra = _elders(kin)  # "two children and their mother"
        if re.fullmatch(r"injuring|wounding|injured|wounded", verb):
            injured.append(n + extra)
        elif _TOLL_ROSE.match(verb):
            update = n + extra  # the latest figure of the same toll
            killed.append(update)
        else:
            killed.append(n + extra)
        civilians = civilians or bool(_CIVILIAN.search(after))
        # The second count's words too: "killed 3 members of the White Helmets and 12".
        said = sentence[m.start() : m.end("n") + more.end(1)] if more is not None and extra else m.group()
        texts.append(" ".join(said.split()))
    listed = _victim_list(sentence)
    if listed is not None and listed[0] > sum(dict.fromkeys(killed)) and update is None:
        # "killing a man, his wife and their three children": every group listed, not the first.
        killed, texts = [listed[0]], [listed[1], *(t for t in texts if not _KILLED_TEXT.search(t))]
    pair = None if killed else _PAIR_KILLED.search(sentence)
    if pair is not None:
        killed.append(2)
        texts.append(pair.group())
    one = None if killed else _ONE_PERSON.search(sentence)
    if one is not None:
        kin = _AND_KIN.match(sentence, one.end())
        if kin and _KIN_HURT.match(sentence, kin.end()):
            kin = None  # "killed a man and his two sons were wounded"
        others = (word_number(kin.group(1)) if kin.group(1) else 1) if kin else None
        along = None if kin else _ALONG_WITH.match(sentence, one.end())
        if along is not None:
            others = word_number(along.group("n")) if along.group("n") else 1
        killed.append(1 + (others or 0))
        texts.append(one.group() + (kin.group() if kin and others else "") + (along.group() if along else ""))
        civilians = civilians or bool(_CIVILIAN.search(texts[-1])) or (kin is not None and bool(others))
    if not injured and (hurt := _ONE_HURT.search(sentence) or _KIN_HURT_ONE.search(sentence)):
        # "wounded a woman and her daughter": the one and the kin named with her.
        kin = _AND_KIN.match(sentence, hurt.end())
        injured.append(1 + ((word_number(kin.group(1)) or 0) if kin and kin.group(1) else 1 if kin else 0))
        texts.append(hurt.group() + (kin.group() if kin else ""))
    vague = ""
    if not killed:
        vm = _VAGUE_RX.search(sentence) or _VAGUE_AFTER.search(sentence)
        if vm:
            vague = vm.group("q")
            civilians = civilians or bool(_CIVILIAN.search(vm.group() + sentence[vm.end() : vm.end() + 25]))
    if update is not None:
        killed = [update]  # "killed 5 people; the toll later rose to 9": 9, not 14
    lost = None if killed else _LOST_MEN.search(sentence)
    if lost is not None:
        killed.append(word_number(lost.group("n")) or 0)  # "IS lost two fighters"
        texts.append(lost.group())
    if len(killed) == 1 and update is None and _EACH_SIDE.search(sentence):
        killed = [killed[0] * 2]  # "three dead on each side": six
    return Casualties(
        # A headline and its lead often repeat the same toll: count each figure once.
        killed=sum(dict.fromkeys(killed)) if killed else None,
        injured=sum(dict.fromkeys(injured)) if injured else None,
        civilians=civilians,
        text="; ".join(texts),
        vague=vague,
        adds="grew" if update is not None else "lost" if lost is not None else "",
    )
