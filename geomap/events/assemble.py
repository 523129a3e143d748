"""Build event records from an article's sentences, place mentions, actors, dates and counts.

One event per reported incident: a trigger ("airstrikes", "clashes",
"shelled"...) with the place list it governs.  A list of places ("in the
towns of X and Y") gives one event per place; a sentence with no place
inherits the paragraph's last place; a sentence that only counts the dead
("The attacks killed 17 civilians") adds its count to the event before it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..models import Article, Event, Mention
from .actors import ActorMention, ActorTable
from .dates import find_dates, resolve_date
from .fatalities import find_casualties
from .sentences import split_sentences
from .types import DISORDER, Trigger, find_triggers, is_non_event

__all__ = ["extract_events"]

EVENT_COUNTRIES = frozenset({"SY", "IQ", "TR", "LB", "JO", "IL", "PS"})
COUNTRY_NAMES = {"SY": ("Syria", 760), "IQ": ("Iraq", 368), "TR": ("Turkey", 792), "LB": ("Lebanon", 422),
                 "JO": ("Jordan", 400), "IL": ("Israel", 376), "PS": ("Palestine", 275)}
_LIST_GAP = re.compile(
    r"^\s*(?:,\s*(?:and\s+|or\s+)?|\s*and\s+|\s*or\s+|\s*&\s*)(?:the\s+)?(?:(?:city|town|village|villages|towns|"
    r"area|areas|province|governorate|countryside|neighbou?rhoods?|districts?)\s+of\s+)?(?:the\s+)?$",
    re.I,
)
_HISTORY = re.compile(r"\b(?:in the period from|since (?:the start|the beginning|(?:19|20)\d\d)|over the (?:past|last) (?:\w+ )?years|(?:19|20)\d\d (?:to|and|-) (?:19|20)\d\d|previously|in the past|on several occasions|have been killed .{0,60} since)\b", re.I)
_VICTIM_AFTER = re.compile(r"^\s*(?:members?|fighters?|soldiers?|troops|militants?|servicemen|personnel|commanders?|elements?)?\s*(?:were|was|have been|had been)\s+(?:\w+\s+)?(?:killed|wounded|injured|captured|executed|arrested|detained)", re.I)
_BY_BEFORE = re.compile(r"\b(?:by|from)\s+(?:the\s+)?(?:\w+\s+)?$", re.I)
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
    sentence: str
    killed: int | None
    injured: int | None
    fatal_text: str
    civilians: bool


def _ascii(name: str) -> str:
    s = unicodedata.normalize("NFKD", name.translate(_NAMES_ASCII))
    return "".join(c for c in s if not unicodedata.combining(c))


def _eligible(m: Mention) -> bool:
    p = m.place
    return p is not None and p.kind != "country" and p.country in EVENT_COUNTRIES


def _place_lists(sentence_mentions: list[Mention], text: str) -> list[list[Mention]]:
    """Group adjacent mentions joined by "and", "," or "or" into lists."""
    lists: list[list[Mention]] = []
    for m in sentence_mentions:
        if lists and _LIST_GAP.match(text[lists[-1][-1].end:m.start]):
            lists[-1].append(m)
        else:
            lists.append([m])
    return lists


def _most_specific(group: list[Mention]) -> list[Mention]:
    """Drop governorate-level places when a place inside that governorate is in the same list."""
    fine = [m for m in group if m.precision < 3]
    if not fine:
        return group
    fine_govs = {m.place.admin1 for m in fine if m.place}
    return [m for m in group if m.precision < 3 or (m.place and m.place.admin1 not in fine_govs)]


def _choose_actors(sentence: str, offset: int, actors: list[ActorMention], trig: Trigger) -> tuple[ActorMention | None, ActorMention | None]:
    if not actors:
        return None, None
    rel = [(a, a.start - offset) for a in actors]
    # "between A and B"
    m = re.search(r"\bbetween\s+(?:the\s+)?", sentence)
    if m and len(rel) >= 2:
        after = [a for a, s in rel if s >= m.end()]
        if len(after) >= 2:
            return after[0], after[1]
    # "by A" / "from A" right before the actor: A acted.
    agent = None
    for a, s in rel:
        if _BY_BEFORE.search(sentence[max(0, s - 20):s]):
            agent = a
            break
    victims = {id(a) for a, s in rel if _VICTIM_AFTER.match(sentence[s + (a.end - a.start):s + (a.end - a.start) + 60])}
    ordered = [a for a, _s in rel]
    if agent is None:
        non_victims = [a for a in ordered if id(a) not in victims]
        before = [a for a, s in rel if s < trig.start and id(a) not in victims]
        agent = (before or non_victims or [None])[0]  # type: ignore[list-item]
        if agent is None and victims:
            agent = None
    other = None
    for a in ordered:
        if agent is None or a.actor.name != agent.actor.name:
            if agent is not None and a.actor.side == agent.actor.side and a.actor.side not in ("", "unknown"):
                continue
            other = a
            break
    if agent is None and other is not None and id(other) not in victims:
        agent, other = other, None
    return agent, other


def _generic_type(trig: Trigger, civilians: bool, actor1: ActorMention | None, actor2: ActorMention | None) -> tuple[str, str]:
    if trig.event_type:
        return trig.event_type, trig.sub_event_type
    if civilians and (actor2 is None or actor2.actor.side == "civilians"):
        return "Violence against civilians", "Attack"
    return "Battles", "Armed clash"


def _type_for(trig: Trigger, a1: ActorMention | None) -> tuple[str, str]:
    etype, sub = trig.event_type, trig.sub_event_type
    if etype == "Battles" and sub in ("Government regains territory", "Non-state actor overtakes territory") and a1:
        state = a1.actor.side in ("government", "government-allied", "russia", "iran-backed")
        sub = "Government regains territory" if state else "Non-state actor overtakes territory"
    return etype, sub


def extract_events(
    article: Article,
    mentions: Sequence[Mention],
    *,
    actors: ActorTable,
    reference_date: object = None,
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
    """
    from datetime import date as _date

    text = article.text
    published = article.published or (reference_date if isinstance(reference_date, _date) else None)
    year_flag_override = article.published is None and published is not None
    actor_hits = actors.find(text)
    drafts: list[_Draft] = []
    para_date: dict[int, tuple[str, int, str]] = {}
    last_place: dict[int, Mention] = {}
    last_date: str | None = None
    last_actors: dict[int, list[ActorMention]] = {}
    title_places = [m for m in mentions if _eligible(m)][:1]

    for s_start, s_end, para in split_sentences(text):
        sentence = text[s_start:s_end]
        triggers = [t for t in find_triggers(sentence) if not is_non_event(sentence, t)]
        s_mentions = [m for m in mentions if s_start <= m.start < s_end]
        s_places = [m for m in s_mentions if _eligible(m)]
        s_actors = [a for a in actor_hits if s_start <= a.start < s_end]
        cas = find_casualties(sentence)
        # Date of this sentence.
        hits = find_dates(sentence)
        resolved = None
        history = bool(_HISTORY.search(sentence)) or any(h.kind == "range_years" for h in hits)
        for h in hits:
            r = resolve_date(h, published, last_date)
            if r is not None:
                resolved = r
                break
            if h.kind in ("year", "month_year") and published is not None:
                history = True
        if resolved is not None:
            para_date[para] = resolved
            history = history and resolved[2] == "approximate"
        if s_places:
            last_place[para] = s_places[-1]
        if s_actors:
            last_actors[para] = s_actors
        typed = [t for t in triggers if t.event_type]
        generic = [t for t in triggers if not t.event_type]
        if history and resolved is None:
            continue
        if not typed and not (generic and (cas.killed or cas.vague or s_places)):
            continue
        # A sentence that only adds a count to the event before it.
        if not typed and not s_places and drafts and drafts[-1].para == para and resolved is None:
            prev = drafts[-1]
            if cas.killed is not None and prev.killed is None:
                for d in drafts:
                    if d.para == para and d.start == prev.start and d.mention.precision == prev.mention.precision:
                        d.killed, d.fatal_text = cas.killed, cas.text
                        d.civilians = d.civilians or cas.civilians
                prev.killed, prev.fatal_text = cas.killed, cas.text
                prev.civilians = prev.civilians or cas.civilians
            continue
        if not typed and not s_places and cas.killed is None:
            continue
        date_info = resolved or para_date.get(para)
        if date_info is None:
            if published is not None:
                date_info = (published.isoformat(), 2, "article-date")
            else:
                date_info = ("", 3, "unknown")
        if date_info[2] == "year-inferred" and year_flag_override:
            date_info = (date_info[0], date_info[1], "year-supplied")
        places = s_places
        if not places:
            inherited = last_place.get(para) or (title_places[0] if title_places and not drafts else None)
            if inherited is None:
                continue
            places = [inherited]
        use_actors = s_actors or last_actors.get(para, [])
        main = max(typed, key=lambda t: (t.strength, -t.start)) if typed else generic[0]
        lists = _place_lists(places, text)
        # The place list the trigger governs: the first list after it, else the last before it.
        rel_start = s_start + main.start
        after = [g for g in lists if g[0].start >= rel_start]
        chosen = after[0] if after else lists[-1]
        chosen = _most_specific(chosen)
        # A second typed trigger in another clause with its own list makes its own events.
        pairs: list[tuple[Trigger, list[Mention]]] = [(main, chosen)]
        for t in typed:
            if t is main:
                continue
            t_after = [g for g in lists if g[0].start >= s_start + t.start and g is not chosen]
            if t_after and t.sub_event_type != main.sub_event_type and all(
                m.place and m.place.id not in {c.place.id for c in chosen if c.place} for m in t_after[0]
            ):
                nxt_trig = [u for u in typed if u.start > t.start]
                if not nxt_trig or t_after[0][0].start < s_start + nxt_trig[0].start:
                    pairs.append((t, _most_specific(t_after[0])))
        specific = min((m.precision for _t, g in pairs for m in g), default=1)
        carrier_done = False
        for trig, group in pairs:
            for m in group:
                carry = cas.killed is not None and not carrier_done and m.precision == specific
                if carry:
                    carrier_done = True
                drafts.append(_Draft(
                    start=s_start, end=s_end, para=para, trigger=trig, mention=m,
                    date=date_info[0], time_precision=date_info[1], date_flag=date_info[2],
                    actors=use_actors if s_actors or trig.event_type else use_actors,
                    sentence=" ".join(sentence.split()),
                    killed=cas.killed if carry else None, injured=cas.injured if carry else None,
                    fatal_text=cas.text or cas.vague, civilians=cas.civilians,
                ))
        last_date = date_info[0] or last_date
    return _finish(article, _merge_same(drafts))


def _merge_same(drafts: list[_Draft]) -> list[_Draft]:
    """Within one article, one event per place and day: later mentions add counts only."""
    out: list[_Draft] = []
    for d in drafts:
        same = next((o for o in out if o.mention.place and d.mention.place
                     and o.mention.place.id == d.mention.place.id and o.date == d.date), None)
        if same is None:
            out.append(d)
            continue
        if same.killed is None and d.killed is not None:
            same.killed, same.fatal_text = d.killed, d.fatal_text
        same.civilians = same.civilians or d.civilians
        if not same.trigger.event_type and d.trigger.event_type:
            same.trigger = d.trigger
    return out


def _event_id(article_id: str, d: _Draft) -> str:
    h = hashlib.sha1(f"{article_id}|{d.start}|{d.mention.start}|{d.trigger.start}".encode()).hexdigest()
    return "SYR-" + h[:10].upper()


def _interaction(i1: int | None, i2: int | None) -> int | None:
    if i1 is None:
        return None
    if i2 is None:
        return i1 * 10
    a, b = sorted((i1, i2))
    return a * 10 + b


def _finish(article: Article, drafts: list[_Draft]) -> list[Event]:
    events: list[Event] = []
    for d in drafts:
        a1, a2 = _choose_actors(d.sentence, 0, _relative(d), d.trigger)
        etype, sub = _generic_type(d.trigger, d.civilians, a1, a2) if not d.trigger.event_type else _type_for(d.trigger, a1)
        actor1 = a1.actor.name if a1 else ""
        actor2 = a2.actor.name if a2 else ""
        inter1 = a1.actor.inter if a1 else None
        inter2 = a2.actor.inter if a2 else None
        if not actor2 and d.civilians and etype in ("Violence against civilians", "Explosions/Remote violence"):
            actor2, inter2 = "Civilians", 7
        civ = "Civilian targeting" if (actor2 == "Civilians" or etype == "Violence against civilians") else ""
        m = d.mention
        place = m.place
        assert place is not None
        country, iso = COUNTRY_NAMES.get(place.country, ("", 0))
        events.append(Event(
            event_id=_event_id(article.id, d), article_id=article.id, event_date=d.date,
            time_precision=d.time_precision, event_type=etype, sub_event_type=sub,
            disorder_type=DISORDER[etype], actor1=actor1, actor2=actor2,
            location=_ascii(place.name), latitude=round(float(m.lat if m.lat is not None else place.lat), 5),
            longitude=round(float(m.lon if m.lon is not None else place.lon), 5), geo_precision=m.precision,
            admin1=place.admin1, country=country, iso=iso, inter1=inter1, inter2=inter2,
            interaction=_interaction(inter1, inter2), fatalities=d.killed, fatalities_text=d.fatal_text,
            injuries=d.injured, civilian_targeting=civ, date_flag=d.date_flag, sentence=d.sentence,
            place_id=place.id, source=article.outlet, sources=(article.id,), article_title=article.title,
            url=article.url, notes=d.sentence,
        ))
    return _mark_primary(article, events)


def _relative(d: _Draft) -> list[ActorMention]:
    """Actor mentions with offsets made relative to the sentence start."""
    out = []
    for a in d.actors:
        if d.start <= a.start < d.end:
            out.append(replace(a, start=a.start - d.start, end=a.end - d.start))
        else:
            out.append(replace(a, start=len(d.sentence) + 1, end=len(d.sentence) + 2))
    return out


def _mark_primary(article: Article, events: list[Event]) -> list[Event]:
    if not events:
        return events
    title = article.title.lower()

    def score(i: int, e: Event) -> tuple[float, int]:
        s = 0.0
        if e.fatalities:
            s += 2.0
        if e.location and e.location.lower() in title:
            s += 1.5
        if e.admin1 and e.admin1.lower().split("-")[-1] in title:
            s += 0.5
        if e.event_type in ("Explosions/Remote violence", "Battles", "Violence against civilians"):
            s += 1.0
        if e.geo_precision == 1:
            s += 0.3
        s -= 0.15 * i
        return (s, -i)

    best = max(range(len(events)), key=lambda i: score(i, events[i]))
    return [replace(e, primary=(i == best)) for i, e in enumerate(events)]
