"""ACLED event types from the words that report an incident.

Each trigger is a regular expression with the (event_type, sub_event_type) it
signals.  Triggers are tried most specific first, so "suicide car bomb" is a
Suicide bomb before it is an explosion and "airstrikes" an Air/drone strike
before it is an attack.  Statements, threats, plans and sanctions are not
incidents: :func:`is_non_event` says when a clause only talks about one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .._regex import Folded, WordScan

__all__ = ["BOMB_TYPES", "DISORDER", "EVENT_TYPES", "Trigger", "find_triggers", "incident_triggers", "is_non_event"]

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}

EXP = "Explosions/Remote violence"
SD = "Strategic developments"
VAC = "Violence against civilians"
#: The sub-types of a bomb set or thrown, not fired from afar.
BOMB_TYPES = frozenset({"Remote explosive/landmine/IED", "Suicide bomb", "Grenade"})

#: Words that report a protest; also what "protested against the fighting" opens with.
_PROTEST = (
    r"protest(?:ed|s|ers|ing)?|demonstrat(?:ion|ions|ors|ed)|rall(?:y|ies|ied)|sit-ins?|marched|"
    r"(?:took|take|takes|taking) to the streets|chant(?:ed|ing) slogans|"
    # A public gathering to remember the dead: ACLED's peaceful protest.
    r"(?:candlelight\s+)?vigils?|(?:gathered|assembled|came\s+out)\s+(?:[\w-]+\s+){0,6}?to\s+"
    r"(?:commemorate|mourn|remember|honou?r|mark)"
)
# (pattern, event_type, sub_event_type, strength) — strength breaks ties within a sentence.
_RAW: list[tuple[str, str, str, int]] = [
    # A weapon stopped before it struck: "intercepted and destroyed a booby-trapped vehicle",
    # "air defences shot down two drones". First in the list, so that it claims the weapon's
    # words; weak, so that a strike reported in the same sentence is the event.
    (
        r"(?:intercept(?:ed|ing|s)?|downed|shot down|foiled|thwarted)(?: and (?:destroyed|downed|shot down|detonated|dismantled))?"
        r" (?:a |an |the |two |three |four |five |several |\d+ |most (?:of )?(?:the )?|some (?:of )?(?:the )?|all (?:of )?(?:the )?|"
        r"a (?:number|barrage|salvo|wave|series) of |dozens of |many )?"
        r"(?:[\w-]+ ){0,2}?(?:booby-trapped|explosive-laden|bomb-laden|car[- ]bombs?|s?vbieds?|suicide (?:car|truck|vehicle|bomber)s?|"
        r"drones?|missiles?|rockets?|projectiles?)",
        SD,
        "Disrupted weapons use",
        4,
    ),
    (
        r"chemical (?:weapons?|arms|munitions|agents?|substances?|attacks?)(?: attacks?)?|chlorine|sarin|mustard gas|toxic (?:gas|gases|substances?)|poison(?:ous)? gas|gas attacks?|nerve (?:agent|gas)|suffocation|\"chemical\"",
        EXP,
        "Chemical weapon",
        9,
    ),
    (
        r"suicide (?:car |truck |vehicle |motorcycle )?(?:bomb(?:er|ers|ing|ings|s)?|attacks?|attackers?|blasts?|explosions?|belts?)|s?vbieds?|suicide vehicle|self-detonat\w*|blew (?:himself|themselves) up|detonated (?:his|their) (?:explosive )?(?:vest|belt)",
        EXP,
        "Suicide bomb",
        9,
    ),
    (r"grenades?", EXP, "Grenade", 6),
    (
        r"\bieds?\b|improvised explosive|roadside bombs?|landmines?|land mines?|(?:a |the )?mine (?:explosion|blast|exploded|went off)|(?:hit|struck|stepped on|ran over|drove over) (?:a |an )?(?:old |unexploded )?mine\b|explosive device|car[- ]bombs?|car[- ]bombings?|(?:twin|double|triple) (?:bombings?|blasts?|explosions?|bombs?)|booby[- ]trap\w*|(?<!barrel )(?<!barrel-)bomb (?:blast|exploded|went off|explosion|attack)|(?:a|an|the) (?:(?!aerial\b|air\b|barrel\b|cluster\b|guided\b|smart\b|vacuum\b)[\w-]+ )?(?<!barrel-)bomb (?:hit|struck|targeted|ripped through)|explosions?|exploded|blasts?|(?:a|the) bombing (?:at|in|near|on|of|targeting)|detonated|sticky bombs?|motorcycle bomb|booby-trapped|explosive-laden|bomb-laden|(?:rigged|packed|laden|loaded) with explosives|terrorist bombing",
        EXP,
        "Remote explosive/landmine/IED",
        7,
    ),
    (
        r"air ?strikes?|air[- ]raids?|airstrike|aerial (?:bombardment|attacks?|strikes?|bombing|bombs?)|war ?planes?|fighter jets?|(?:jets?|aircraft|planes?|bombers?|helicopters?|gunships?)(?:,? [\w-]+){0,6}?,? (?:struck|bombed|hit|pounded|targeted|attacked|raided|fired|launched|killed|destroyed)|drone (?:strikes?|attacks?)|drones? (?:struck|hit|targeted|attacked|killed|bombed|fired|destroyed)|barrel[- ]bombs?|helicopters? (?:dropped|struck|fired)|bombed|bombing raids?|bombing runs?|aerial (?:assault|campaign|bombing)|(?:russian|syrian|regime|israeli|turkish|coalition|us|american|french|british|government|assad) (?:raids?|aircraft|planes|strikes?|bombardment|bombing)|(?:coalition|russia|israel) (?:\w+ly )?struck(?! (?:a |an )?(?:deal|agreement|accord|bargain|tone|balance|compromise))|raids? by (?:warplanes|jets|aircraft)|struck by (?:warplanes|aircraft)|helicopter (?:attack|strikes?|raids?|gunfire)|air (?:operations?|attacks?) (?:(?:was|were|has been|have been) )?(?:carried out|conducted|launched) (?:[\w:.]+ ){0,6}?(?:against|on|in|targeting)",
        EXP,
        "Air/drone strike",
        8,
    ),
    (
        # "raids" alone are air raids, unless a ground force makes them or people are arrested.
        r"(?<!hunger )(?<!general )strikes"
        r"|(?<!SDF )(?<!security )(?<!police )(?<!house )(?<!ground )(?<!house-to-house )(?:\braids\b|\braid on)"
        r"(?![^.]*\barrest)|barrage"
        # "a strike on a school": one strike, named by what it hit (not a hunger or general strike).
        r"|(?<!hunger )(?<!general )(?<!labour )(?<!labor )\bstrike (?:on|against|targeting|that hit|hit)\b",
        EXP,
        "Air/drone strike",
        5,
    ),
    (
        r"shell(?:ed|ing|s)?|artillery|mortars?|rocket(?:s| fire| attacks?| launchers?)?|missiles?|grads?\b|howitzers?|cannon|bombard(?:ed|ment|ing)|hell cannon|projectiles?|cruise missiles?|tank fire|fired (?:at|on|upon)(?! (?:a |the )?(?:crowds?|civilians|protesters|demonstrators|mourners|residents|villagers|worshippers)\b)|pounded|targeted (?:with|by) (?:heavy )?(?:weapons|fire)",
        EXP,
        "Shelling/artillery/missile attack",
        7,
    ),
    (
        r"recaptured|regained (?:control )?|retook|liberat(?:ed|ing)|restored control|took back|regain(?:ed)? control|"
        r"restored (?:security|stability|calm|order)(?: and (?:security|stability|calm|order))? (?:to|in)",
        "Battles",
        "Government regains territory",
        6,
    ),
    (
        r"captured|overran|overrun|stormed|took over|advanced into|entered and seized|"
        r"(?:took|taken|seized|gained|wrested|imposed|assumed) (?:full |complete |total |effective )?control|"
        r"(?:brought|taken|came|come) under (?:the |their |its |full |complete )?control|"
        r"fell (?:into the hands of|under the control of)|"
        r"seized (?:the )?(?:town|city|village|area|district|neighbou?rhood|hill|air ?base|base|airport|crossing|oil ?field|dam)",
        "Battles",
        "Non-state actor overtakes territory",
        5,
    ),
    (
        r"clash(?:ed|es)?|fighting|fought|battles?|battl(?:ed|ing)|firefights?|skirmish(?:es)?|gunfights?|exchange(?:d)? (?:of )?fire|repel(?:led|s)?|infiltration attempts?|infiltrat\w+|ambush(?:ed)?|counter-?attacks?|offensive|advance[ds]? on|assault(?:ed|s)?|attacked (?:the )?(?:positions|posts|checkpoints?|base|troops|forces)|attack(?:s|ed)? on (?:the )?(?:positions|posts|checkpoints?|base|troops|forces|military)|engaged|(?:heavy|fierce|violent) (?:fighting|battles?|clashes)|killed in (?:fighting|battles?|clashes)",
        "Battles",
        "Armed clash",
        6,
    ),
    # "Rebels destroyed a regime tank with an ATGM": fighting, as the weapon that did it does not say more.
    (
        r"destroy(?:ed|ing)? (?:a |an |the |two |three |four |five |several |\d+ )?(?:[\w-]+ ){0,2}?"
        r"(?:tanks?|armou?red vehicles?|bmps?|military vehicles?|rocket launchers?|gun emplacements?|machine-gun nests?)\b",
        "Battles",
        "Armed clash",
        4,
    ),
    # A sniper's shot is a clash, unless the sentence says more ("a sniper shot dead a man and his son").
    (r"snipers?", "Battles", "Armed clash", 5),
    (
        r"executed|executions?|massacres?|massacred|slaughtered|beheaded|shot dead|gunned down|"
        r"beat(?:en|ing)? (?:[\w-]+ ){0,3}?to death|(?:opened fire|fired) (?:on|at|upon) (?:a |the )?(?:civilians|protesters|demonstrators|residents|villagers|crowds?|mourners|worshippers|passers-?by|shoppers)|tortured to death|assassinat\w+|stabbed",
        VAC,
        "Attack",
        6,
    ),
    # A body found is a killing by someone unknown (a mass grave is a finding, below).
    (
        r"(?:found|discovered|recovered) (?:the )?bod(?:y|ies)\b|bod(?:y|ies) of [\w\s'-]{1,40}? (?:was|were) (?:found|discovered|recovered|dumped)",
        VAC,
        "Attack",
        5,
    ),
    (r"mass graves?", SD, "Other", 6),
    # A toll of civilians is an attack on them only when nothing says how they died:
    # "raids killed 16 civilians" is the raid (an air strike that hit civilians).
    (r"killed (?:\d+ |several |many )?civilians", VAC, "Attack", 4),
    (r"kidnapp\w+|abduct\w+|forcibly disappeared|taken hostage|hostages?", VAC, "Abduction/forced disappearance", 6),
    (r"\braped?\b|sexual (?:violence|assault)", VAC, "Sexual violence", 6),
    (
        _PROTEST,
        "Protests",
        "Peaceful protest",
        5,
    ),
    (r"riot(?:s|ed|ers|ing)?|mob|lynch(?:ed|ing|ings)?", "Riots", "Mob violence", 5),
    (
        r"arrest(?:ed|s|ing)?|detain(?:ed|s|ing)?|detention campaign|raid(?:ed)? (?:homes|houses)|rounded up|apprehended|captured (?:\d+ )?(?:members|fighters|militants|suspects)",
        SD,
        "Arrests",
        5,
    ),
    (
        r"weapons? cache|arms cache|arms depot|uncovered (?:a |an )?(?:large )?(?:weapons|arms|ammunition)|seized (?:weapons|arms|ammunition)|dismantl(?:ed|ing) (?:mines|explosives|ied)|defus(?:ed|ing)|cache",
        SD,
        "Disrupted weapons use",
        4,
    ),
    (
        r"surrender(?:ed|s)?|defect(?:ed|ion|ions|s)?|switch(?:ed)? sides|handed over (?:their )?(?:weapons|arms|equipment)|reconcil(?:ed|iation agreement)|joined (?:the )?(?:ranks|forces)|suspended (?:its |their )?(?:ground )?operations|withdr(?:ew|awn|awal) (?:of )?(?:its |their )?(?:heavy )?(?:weapons|forces|troops|equipment)|withdrawing (?:its |their )?(?:heavy )?(?:weapons|equipment)|deserted",
        SD,
        "Change to group/activity",
        4,
    ),
    (
        r"(?:aid|humanitarian|relief) convoys?|convoy (?:of|consisting|entered|arrived|reached)|convoys? (?:entered|arrived|reached)|delivered (?:aid|humanitarian)|evacuat(?:ed|ion)",
        SD,
        "Other",
        3,
    ),
    # Before the base: "deployed in X after the SDF withdrew" is the handover, not a new post.
    (
        r"hand(?:ed|ing|s)? over (?:its |their |the )?(?:control|positions?|posts?|checkpoints?|town|village|area|city)|"
        r"took over (?:the )?(?:positions|posts) (?:from|of) .{0,30}(?:peacefully|without)|"
        r"(?:took|taking|take|takes) over (?:the )?(?:positions|posts|checkpoints) (?:that|which|vacated|handed|left)|"
        r"(?:deployed|entered|moved) (?:in|into|to)? ?[^.;]{0,60}?\b(?:after|as|when) (?:the )?(?:[\w-]+ ){0,4}?"
        r"(?:withdrew|had withdrawn|pulled out|had pulled out|evacuated|handed over)",
        SD,
        "Non-violent transfer of territory",
        6,
    ),
    (
        # Troops sent to posts a force already holds are no new base ("deployed additional
        # troops to its observation posts"); a new post is ("set up a new observation post").
        r"deployed(?! (?:(?:additional|more|extra|fresh) )?(?:troops|reinforcements|forces|units|soldiers) "
        r"(?:to|at|in) (?:its|their|the) (?:existing )?(?:observation )?(?:posts?|points?|positions|bases?))|"
        r"(?:set up|established|built|opened|(?:began|begun|started|finished|completed) "
        r"(?:building|constructing|setting up|establishing)) (?:a |an |the |two |three |several )?(?:new )?"
        r"(?:military |permanent |forward |fortified )?(?:bases?|posts?|checkpoints?|headquarters|observation|outposts?)",
        SD,
        "Headquarters or base established",
        3,
    ),
    (
        r"loot(?:ed|ing)|burn(?:ed|t) (?:down )?(?:houses|homes|shops|crops)|demolish(?:ed)?|bulldoz(?:ed)?|confiscat(?:ed|ion)",
        SD,
        "Looting/property destruction",
        3,
    ),
    (
        r"ceasefire (?:was )?(?:agreed|reached|signed)|"
        r"(?:reached|signed|struck|concluded|brokered) (?:an? |the )?(?:[\w-]+ ){0,2}?(?:ceasefire|agreement|truce|deal|accord)|"
        # "a deal was reached"; not "the agreement reached in September", which refers back to one.
        r"(?:deal|agreement|truce|accord) (?:was|has been|had been) (?:reached|signed|struck|concluded|brokered)|"
        r"agreed (?:\w+ ){0,3}?to (?:hand over|surrender|evacuate|withdraw|leave|a ceasefire|a truce)|"
        r"under (?:an? |the )?(?:[\w-]+ ){0,2}?(?:deal|agreement|truce|accord)",
        SD,
        "Agreement",
        3,
    ),
    (
        r"killed|killing|deaths?|dead|died|wounded|injured|casualties|martyred|martyring|neutrali[sz]ed|lost their lives|"
        r"attack(?:s|ed)?|targeted|struck|hit",
        "",
        "",
        1,
    ),
]


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word that reports an incident, with its ACLED type (empty for bare "killed")."""

    start: int
    end: int
    text: str
    event_type: str
    sub_event_type: str
    strength: int


_COMPILED = [(re.compile(r"(?<![\w-])(?:" + p + r")(?![\w])", re.I), t, s, k) for p, t, s, k in _RAW]
#: The same patterns scanned together: the matches of each one's finditer, found faster.
_SCAN = WordScan([rx for rx, *_ in _COMPILED], separator=r"[^\w-]")


def find_triggers(sentence: str) -> list[Trigger]:
    """Incident words in a sentence, in order of position.

    Examples
    --------
    >>> [(t.text, t.sub_event_type) for t in find_triggers("Warplanes carried out airstrikes, killing 5.")]
    [('Warplanes', 'Air/drone strike'), ('airstrikes', 'Air/drone strike'), ('killing', '')]
    """
    out: list[Trigger] = []
    taken: list[tuple[int, int]] = []
    for i, hits in _SCAN.found(sentence):
        _rx, etype, sub, strength = _COMPILED[i]
        for start, end, word, _groups in hits:
            if any(s < end and start < e for s, e in taken):
                continue
            taken.append((start, end))
            out.append(Trigger(start, end, word, etype, sub, strength))
    out.sort(key=lambda t: t.start)
    return out


_NON_EVENT = re.compile(
    r"\b(?:threat(?:en(?:ed|s)?)?|warn(?:ed|s|ing)?|vow(?:ed|s)?|plan(?:s|ned|ning)? to|intends? to|"
    r"would|could|might|may|possib(?:le|ility)|provocations?|plotting|prepar(?:e|ing) (?:a|to)|"
    # "accused the army of shelling X": the deed is reported, its doer disputed (ACLED codes it).
    # (Not "a pretext for accusing X of using chemical weapons": what would be said.)
    r"sanctions?|accusations?|(?:for|to)\s+accuse?(?:ing)?|accus(?:ed|es|ing)(?![^.;]*?\bof\b)|"
    r"(?:trigger|provok|prompt)(?:e|es|ed|ing|s)?\s+(?:a\s+)?(?:new|more|further|fresh)|claim(?:ed|s)? that (?:the )?(?:us|west|russia|militants)|"
    # "denied carrying out the air strike that killed 4": the deed stands, the denier is unsure.
    r"(?:denied|deny|denies)(?!\s+(?:carrying out|conducting|launching|responsibility|involvement|being behind|"
    r"any (?:role|involvement|responsibility)|(?:that )?(?:it|its (?:jets|forces|planes|aircraft)) (?:had )?(?:carried|conducted|launched|struck|was)))|"
    r"condemn(?:ed|s)?|meeting|met with|talks|summit|comply|complies|"
    r"if |unless |in order to|risk of|will |to prevent|to avoid|continue to act|seeks? to|"
    r"have to|has to|must|should|need(?:s)? to|refuse(?:s|d)? to|excuse|pretext|capable of|"
    r"determined to|resolved to|ready to|aims? to|aiming to|press(?:ing)? on with|"
    r"continu(?:e|es|ing)|ongoing|keeps?|used to|tend(?:s)? to|often|usually|repeatedly|"
    # The war's history: "since the conflict began in March 2011 with anti-government protests".
    r"(?:conflict|war|uprising|revolution|crisis|revolt|unrest)\s+(?:first\s+)?(?:began|started|erupted|broke out)|"
    r"(?:start|beginning|outbreak|onset)\s+of\s+(?:the\s+)?(?:syrian\s+)?(?:conflict|war|civil war|uprising|revolution|"
    r"crisis|revolt|unrest))\b",
    re.I,
)


_NON_EVENT_RIGHT = re.compile(
    r"^[^.;,]{0,40}?\b(?:continues|continue|is ongoing|are ongoing|is expected|are expected|"
    # (not "the remains of" thirty people, found in a mass grave)
    r"would|could|will be|remains? high|is possible|are possible|remain|(?<!the )remains(?!\s+of\b)|still)\b",
    re.I,
)
# Case-folded: same matches, faster (see geomap/_regex.py).
_NON_EVENT_F, _NON_EVENT_RIGHT_F = Folded(_NON_EVENT), Folded(_NON_EVENT_RIGHT)


# A monitor's tally is statistics, not an incident: "recorded 38 assassination operations in
# Daraa in February", "registered 23 shelling attacks from the positions of Nusra".
_TALLY = re.compile(
    r"\b(?:recorded|documented|registered|counted|tallied|logged|monitored)\s+(?:a total of |at least |some |about |over |more than )?"
    r"(?:\d[\d,]*|[a-z]+ty(?:-[a-z]+)?|dozens of|hundreds of)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:attacks|operations|violations|breaches|incidents|assassinations|strikes|airstrikes|raids|explosions|cases)\b"
    r"(?=[^.;]*\b(?:in (?:january|february|march|april|june|july|august|september|october|november|december|\d{4})|"
    r"(?:last|this|the past|the previous|the) (?:month|year|week)|since (?:the )?(?:beginning|start)|during|"
    r"over the past|ceasefire|truce|de-escalation|province\s*[-–:]\s*\d))",
    re.I,
)
_TALLY_F = Folded(_TALLY)
_PROTESTED_AGAINST = re.compile(
    rf"\b(?:{_PROTEST}|chant\w*|denounc\w*)"
    r"\s+(?:[\w,]+\s+){0,5}?(?:against|over|to denounce|to condemn|to protest)\s+"
    r"(?:(?!(?:while|as|when|after|before|but|where)\b)[\w,-]+\s+){0,6}$",
    re.I,
)
# "no fighting", "without any clashes", "none of which mentioned any shelling": denied, not reported.
_NEGATED = re.compile(r"\b(?:no|not|never|nor|without|none of \w+ \w+)\s+(?:any\s+)?(?:\w+\s+)?$", re.I)


# A running total, not an incident: "where 300 civilians have been killed since early March",
# "the dead so far this year".
_CUMULATIVE_LEFT = re.compile(r"\b(?:have|has)\s+(?:now\s+|so far\s+)?(?:been\s+)?(?:\w+\s+)?$", re.I)
_CUMULATIVE_RIGHT = re.compile(r"^[^.;]{0,60}?\b(?:since|so far|to date|this year|in total)\b", re.I)


def incident_triggers(sentence: str) -> list[Trigger]:
    """The triggers of :func:`find_triggers` that report an incident (see :func:`is_non_event`).

    >>> [t.text for t in incident_triggers("Jets struck Ariha; Turkey warned it would retaliate.")]
    ['Jets struck']
    """
    found = find_triggers(sentence)
    if not found or _TALLY_F.search(sentence):  # a monitor's tally reports none (asked once a sentence)
        return []
    return [t for t in found if not _clause_non_event(sentence, t)]


def is_non_event(sentence: str, trigger: Trigger) -> bool:
    """Whether the clause around ``trigger`` states, threatens or plans rather than reports.

    Examples
    --------
    >>> s = "Erdogan threatened to launch new operations east of the Euphrates."
    >>> is_non_event(s, find_triggers("x offensive")[0]) or bool(_NON_EVENT_F.search(s))
    True
    >>> s = "The factions issued statements, none of which mentioned any fighting."
    >>> is_non_event(s, find_triggers(s)[0])
    True
    """
    return bool(_TALLY_F.search(sentence)) or _clause_non_event(sentence, trigger)


def _clause_non_event(sentence: str, trigger: Trigger) -> bool:
    """:func:`is_non_event` but for a monitor's tally, which is the whole sentence's."""
    right = sentence[trigger.end : trigger.end + 60]
    if _NON_EVENT_RIGHT_F.match(right):
        return True
    if (
        not trigger.event_type
        and _CUMULATIVE_LEFT.search(sentence, max(0, trigger.start - 30), trigger.start)
        and _CUMULATIVE_RIGHT.match(right)
    ):
        return True
    if _NEGATED.search(sentence[max(0, trigger.start - 50) : trigger.start]):
        return True
    if trigger.event_type != "Protests" and _PROTESTED_AGAINST.search(
        sentence[max(0, trigger.start - 80) : trigger.start]
    ):
        return True  # "protested against the fighting": what a protest is about, not an incident
    left = sentence[max(0, trigger.start - 80) : trigger.start]
    # Only the clause that holds the trigger counts.
    for sep in (";", ". ", " but ", " however ", " while ", " whereas "):
        if sep in left:
            left = left.rsplit(sep, 1)[1]
    # Nor what a relative clause says of the subject: "terrorists who were preparing to
    # attack X were neutralised".
    relative = _RELATIVE_BEFORE.search(left)
    if relative:
        left = left[: relative.start()]
    return any(not _the_month(left, m) for m in _NON_EVENT_F.finditer(left))


_RELATIVE_BEFORE = re.compile(
    r"\b(?:who|which|that)\s+(?:were|was|had been|are|is|had)\s+[^,;]*?\s+"
    r"(?:were|was|have been|has been|had been|are|is)\s+(?:\w+ly\s+)?$",
    re.I,
)


def _the_month(text: str, m: Any) -> bool:
    """Whether a match of the modal "may" is the month ("On 5 May", "in May", "May 3")."""
    if m.group() != "May":
        return False
    return m.start() > 0 or bool(re.match(r"\s+\d", text[m.end() :]))
