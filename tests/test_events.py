"""Events: dates, actors, types, fatalities, one event per incident, de-duplication.

These tests state the behaviour we want.  Where the code does not do it yet
the test is marked ``xfail(strict=True)`` with the reason; the mark comes off
when the code is fixed.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from geomap import _geo
from geomap.events import load_actors, merge_duplicates
from geomap.events.dedup import mark_duplicates, same_incident
from geomap.gazetteer import load_gazetteer
from geomap.geoparse import find_mentions, resolve_mentions
from geomap.ingest import article_from_text, read_articles
from geomap.models import Event
from geomap.pipeline import extract, process, text_to_events

FIX = Path(__file__).parent / "fixtures" / "ingest"
THURSDAY = "2018-11-08"  # a Thursday
TWO_INCIDENTS = "On Tuesday, Russian jets struck the town of Saraqib, while rebels shelled the city of Hama."


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


@pytest.fixture(scope="module")
def actors():
    return load_actors()


@pytest.fixture(scope="module")
def events(gaz, actors):
    def _events(text: str, published: str | None = THURSDAY, article_id: str = "t") -> list[Event]:
        return text_to_events(text, published=published, article_id=article_id, gazetteer=gaz, actors=actors)

    return _events


@pytest.fixture(scope="module")
def one(events):
    def _one(text: str, published: str | None = THURSDAY) -> Event:
        evs = events(text, published)
        assert len(evs) == 1, [(e.location, e.sub_event_type) for e in evs]
        return evs[0]

    return _one


# --- dates


def test_year_boundary(one) -> None:
    e = one("On December 30th, Russian warplanes struck the town of Saraqib.", "2019-01-03")
    assert e.event_date == "2018-12-30"
    assert e.time_precision == 1


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("On Tuesday", "2018-11-06"),
        ("On Friday", "2018-11-02"),
        ("On Thursday", "2018-11-08"),
        ("Yesterday", "2018-11-07"),
        ("On 3 November 2018", "2018-11-03"),
        ("On November 1st", "2018-11-01"),
        ("On 2018-11-04", "2018-11-04"),
        ("On 2018/11/04", "2018-11-04"),
        ("Three days ago", "2018-11-05"),
        ("On the 2nd of this month", "2018-11-02"),
        # Day-first or month-first: the reading that exists, else the one just before publication.
        ("On 04.11.2018", "2018-11-04"),
        ("On 11/04/2018", "2018-11-04"),
        ("On 30/10/2018", "2018-10-30"),
        ("On 10/30/2018", "2018-10-30"),
    ],
)
def test_day_dates(one, phrase: str, expected: str) -> None:
    e = one(f"{phrase}, Russian jets struck the town of Saraqib.")
    assert e.event_date == expected
    assert e.time_precision == 1


@pytest.mark.parametrize(
    ("phrase", "published", "expected"),
    [
        # The day that has passed when the report is written, as a weekday is read.
        ("Shortly before midnight on New Year's Eve", "2018-01-01", "2017-12-31"),
        ("Shortly before midnight on New Year’s Eve", "2018-01-02", "2017-12-31"),
        ("On New Year's Eve", "2018-12-31", "2018-12-31"),
        ("On New Year's Day", "2018-01-01", "2018-01-01"),
        ("On New Year's Day", "2018-03-14", "2018-01-01"),
        ("On New Year's Day", "2017-12-30", "2017-01-01"),
        ("On Christmas Day", "2016-12-27", "2016-12-25"),
        ("On Christmas Eve", "2017-01-05", "2016-12-24"),
    ],
)
def test_holidays_are_days(one, phrase: str, published: str, expected: str) -> None:
    e = one(f"{phrase}, government artillery shelled the town of Masyaf, killing two civilians.", published)
    assert e.event_date == expected
    assert e.time_precision == 1


@pytest.mark.parametrize(
    ("phrase", "published", "expected"),
    [
        # "on the 1st": that day of the report's month, or of the month before if still to come.
        ("On the 1st", "2018-11-08", "2018-11-01"),
        ("On the 8th", "2018-11-08", "2018-11-08"),
        ("On the 21st", "2018-11-08", "2018-10-21"),
        ("On the 30th", "2019-01-03", "2018-12-30"),
    ],
)
def test_a_bare_day_of_the_month_is_the_last_one_on_or_before_the_report(
    one, phrase: str, published: str, expected: str
) -> None:
    e = one(f"{phrase}, government artillery shelled the town of Masyaf, killing two civilians.", published)
    assert (e.event_date, e.time_precision, e.date_flag) == (expected, 1, "relative")


def test_a_day_the_month_lacks_is_no_date() -> None:
    # April has no 31st: not a crash, and not the 1st of May; the report's own date stands in.
    [e] = text_to_events(
        "On the 31st of last month, government artillery shelled the town of Masyaf.", published="2019-05-10"
    )
    assert (e.event_date, e.date_flag) == ("2019-05-10", "article-date")
    [e] = text_to_events("On the 31st, government artillery shelled the town of Masyaf.", published="2019-05-10")
    assert (e.event_date, e.date_flag) == ("2019-05-10", "article-date")
    # "the 10th day of the offensive" is no date.
    [e] = text_to_events("Jets struck Masyaf on the 10th day of the offensive.", published="2019-05-10")
    assert (e.event_date, e.date_flag) == ("2019-05-10", "article-date")


def test_a_holiday_without_an_article_date_keeps_its_day_and_month(one) -> None:
    e = one("On New Year's Eve, government artillery shelled the town of Masyaf, killing two civilians.", None)
    assert e.event_date == "--12-31"


@pytest.mark.parametrize("phrase", ["This week", "Earlier this week", "Over the past few days"])
def test_this_week_is_precision_2(one, phrase: str) -> None:
    e = one(f"{phrase}, clashes erupted near Morek.")
    assert e.time_precision == 2
    d = date.fromisoformat(e.event_date)
    pub = date.fromisoformat(THURSDAY)
    assert pub - timedelta(days=6) <= d <= pub


@pytest.mark.parametrize(("phrase", "back"), [("Over the past 24 hours", 0), ("Over the past 48 hours", 1)])
def test_the_past_hours_run_up_to_the_report(one, phrase: str, back: int) -> None:
    e = one(f"{phrase}, clashes erupted near Morek.")
    assert date.fromisoformat(e.event_date) == date.fromisoformat(THURSDAY) - timedelta(days=back)
    assert e.time_precision == 2


@pytest.mark.parametrize(
    ("phrase", "expected", "precision"),
    [
        ("Two weeks ago", "2018-10-25", 2),
        ("Last month", "2018-10-15", 3),
        ("Earlier this month", "2018-11-04", 3),
        ("In mid-October", "2018-10-15", 3),
        ("Two months ago", "2018-09-15", 3),
    ],
)
def test_weeks_and_months_ago_are_coarser(one, phrase: str, expected: str, precision: int) -> None:
    e = one(f"{phrase}, Russian jets struck the town of Saraqib.")
    assert (e.event_date, e.time_precision) == (expected, precision)


def test_a_numeric_date_that_reads_both_ways_needs_the_article_date(gaz, actors) -> None:
    lead = "Residents said the market had only just reopened after months of closures. " * 3
    art = article_from_text(f"{lead}On 04/11/2018, Russian jets struck the town of Saraqib.", id="u")
    assert art.published is None
    _m, evs = extract(art, gazetteer=gaz, actors=actors)
    assert [(e.event_date, e.date_flag) for e in evs] == [("", "unknown")]


def test_last_week_is_the_week_before(one) -> None:
    e = one("Last week, Russian jets struck the town of Saraqib.")
    assert e.time_precision == 2
    assert date(2018, 10, 29) <= date.fromisoformat(e.event_date) <= date(2018, 11, 4)


def test_sentence_without_a_date_takes_the_article_date(one) -> None:
    e = one("Russian jets struck the town of Saraqib, activists said.")
    assert e.event_date == THURSDAY
    assert e.date_flag == "article-date"


def test_an_event_with_no_date_claims_no_precision(gaz, actors) -> None:
    # Neither the text nor the article gives a date: no day, so no precision of one either
    # (it was 3, "month only", next to an empty date).
    art = article_from_text("Syrian army artillery shelled the town of Qadmous, killing three civilians.", id="nd")
    assert art.published is None
    _m, evs = extract(art, gazetteer=gaz, actors=actors)
    assert [(e.event_date, e.time_precision, e.date_flag) for e in evs] == [("", None, "unknown")]


def test_the_strikes_named_again_keep_their_day(events) -> None:
    evs = events(
        "Israeli missiles targeted military positions near Damascus on Monday night, state media said.\n\n"
        "A military source said air defences downed most of the missiles.\n\n"
        "A monitor said the strikes hit positions of Iran-backed militias near Sayyida Zaynab, killing two fighters."
    )
    assert {e.location: e.event_date for e in evs}["Sayyida Zaynab"] == "2018-11-05"


def test_people_who_take_to_the_streets_protest_and_the_headlines_agent_is_not_them(gaz, actors) -> None:
    from geomap.ingest import article_from_text
    from geomap.pipeline import extract

    text = (
        "Rallies in Nawa as security forces arrest activists\n\n"
        "Hundreds of people took to the streets of Nawa on Friday, chanting slogans against the government.\n\n"
        "Regime security forces arrested six young men at a checkpoint near Jasim the following day, relatives said."
    )
    art = article_from_text(text, id="rally.txt", published="2022-03-19")
    evs = extract(art, gazetteer=gaz, actors=actors)[1]
    assert [(e.sub_event_type, e.actor1, e.location, e.event_date) for e in evs] == [
        ("Peaceful protest", "Protesters", "Nawa", "2022-03-18"),
        ("Arrests", "Syrian Arab Army", "Jasim", "2022-03-19"),  # the day after the rally
    ]


def test_the_state_a_protest_denounces_is_not_the_protester(events) -> None:
    (e,) = events(
        "Hundreds of people demonstrated on Monday in the city of Suwayda, chanting for the fall of the regime."
    )
    assert (e.event_type, e.actor1, e.actor2) == ("Protests", "Protesters", "")
    # Nor is the armed group named in the sentence before, nor one that breaks it up.
    evs = events(
        "On Monday, Hayat Tahrir al-Sham's security service arrested an activist in Atarib. "
        "Dozens of people protested in front of the prison in Atarib on Tuesday demanding his release."
    )
    assert [(e.actor1, e.actor2) for e in evs if e.event_type == "Protests"] == [("Protesters", "")]
    (broken,) = events(
        "On Tuesday, HTS fighters fired in the air to disperse dozens of protesters in the town of Atarib."
    )
    assert (broken.sub_event_type, broken.actor2) == ("Protest with intervention", "Hayat Tahrir al-Sham")
    (hit,) = events("On Monday, regime forces fired live bullets to disperse protesters in the city of Suwayda.")
    assert (hit.sub_event_type, hit.actor1, hit.actor2) == (
        "Excessive force against protesters",
        "Protesters",
        "Syrian Arab Army",
    )


def test_meanwhile_is_the_day_of_the_report_before(events) -> None:
    evs = events(
        "On Monday, Russian jets struck Saraqib, killing two civilians.\n\n"
        "Meanwhile, clashes broke out between HTS and regime forces near Kafr Nabl.\n\n"
        "Rebels shelled Suqaylabiyah, a resident said."
    )
    dates = {e.location: (e.event_date, e.date_flag) for e in evs}
    assert dates["Kafranbel"] == ("2018-11-05", "relative")
    assert dates["Suqaylabiyah"] == (THURSDAY, "article-date")  # no "meanwhile": the article's day


@pytest.mark.parametrize("opener", ["In the afternoon,", "Later that day,", "Hours later,", "At dawn,"])
def test_a_later_hour_of_the_day_is_the_day_of_the_report_before(events, opener: str) -> None:
    evs = events(
        "On Monday, Russian jets struck Saraqib, killing two civilians.\n\n"
        f"{opener} Russian jets struck Kafr Nabl, killing a family of five."
    )
    assert [(e.location, e.event_date) for e in evs] == [("Saraqib", "2018-11-05"), ("Kafranbel", "2018-11-05")]


def test_undated_article_keeps_the_year_unknown(gaz, actors) -> None:
    art = article_from_text(
        "Notes From the Latakia Front\n\nOn October 14th, the Syrian army shelled the village of Kabani.",
        id="nodate",
    )
    assert art.published is None
    assert any("no publication date" in w for w in art.warnings)
    _m, evs = extract(art, gazetteer=gaz, actors=actors)
    assert [(e.event_date, e.date_flag, e.location) for e in evs] == [("--10-14", "year-unknown", "Kabani")]


def test_reference_date_supplies_the_year(gaz, actors) -> None:
    art = article_from_text(
        "Notes From the Latakia Front\n\nOn October 14th, the Syrian army shelled the village of Kabani.",
        id="nodate",
    )
    _m, evs = extract(art, gazetteer=gaz, actors=actors, reference_date=date(2019, 1, 5))
    assert [(e.event_date, e.date_flag) for e in evs] == [("2018-10-14", "year-supplied")]


def test_reference_date_anchors_relative_days_and_says_so(gaz, actors) -> None:
    art = article_from_text(
        "Army Shells the Village of Kabani\n\nOn Tuesday, the Syrian army shelled the village of Kabani.", id="rel"
    )
    _m, evs = extract(art, gazetteer=gaz, actors=actors, reference_date=date(2019, 1, 5))
    assert [(e.event_date, e.date_flag) for e in evs] == [("2019-01-01", "year-supplied")]


def test_no_date_anywhere_is_empty_and_flagged_unknown(gaz, actors) -> None:
    art = article_from_text(
        "Army Shells the Village of Kabani\n\nThe Syrian army shelled the village of Kabani.", id="none"
    )
    _m, evs = extract(art, gazetteer=gaz, actors=actors)
    assert [(e.event_date, e.date_flag) for e in evs] == [("", "unknown")]


@pytest.mark.parametrize(
    ("name", "event_date"),
    [
        ("dateline_date_donate.txt", "2020-04-14"),
        ("dateline_published.txt", "2017-04-01"),
        ("dateline_weekday_short.txt", "2017-04-04"),
        ("dateline_day_month_year.txt", "2015-02-11"),
        (
            "dateline_globalresearch_southfront.txt",
            "2018-11-05",
        ),  # the original's date, not the repost's
    ],
)
def test_relative_dates_resolve_against_the_dateline(gaz, actors, name: str, event_date: str) -> None:
    arts, errs = read_articles([FIX / name])
    assert not errs
    _m, evs = extract(arts[0], gazetteer=gaz, actors=actors)
    assert evs
    assert {e.event_date for e in evs} == {event_date}


@pytest.mark.parametrize("name", ["boilerplate_only.txt", "tweet_feed_only.txt"])
def test_furniture_only_files_give_no_events(gaz, actors, name: str) -> None:
    arts, _ = read_articles([FIX / name])
    for art in arts:
        assert extract(art, gazetteer=gaz, actors=actors)[1] == []


# --- actors


@pytest.mark.parametrize(
    ("alias", "canonical"),
    [
        ("ISIS", "Islamic State"),
        ("IS", "Islamic State"),
        ("Daesh", "Islamic State"),
        ("the Islamic State", "Islamic State"),
        ("ISIL", "Islamic State"),
        ("Hayat Tahrir al-Sham", "Hayat Tahrir al-Sham"),
        ("Hayat Tahir al-Sham", "Hayat Tahrir al-Sham"),
        ("HTS", "Hayat Tahrir al-Sham"),
        ("the NLF", "National Front for Liberation"),
        ("the NFL", "National Front for Liberation"),
        ("Faylaq al-Sham", "Sham Legion"),
        ("Faylag al-Sham", "Sham Legion"),
        ("the SDF", "Syrian Democratic Forces"),
        # Scraped pages drop or curl apostrophes.
        ("Peoples Protection Units", "People's Protection Units (YPG)"),
        ("People’s Protection Units", "People's Protection Units (YPG)"),
        ("Turkish servicemen", "Turkish Armed Forces"),
    ],
)
def test_actor_aliases_normalise(actors, alias: str, canonical: str) -> None:
    hits = actors.find(f"On Monday {alias} fighters moved into the area.")
    assert [h.actor.name for h in hits] == [canonical]


def test_is_the_verb_is_not_the_islamic_state(actors) -> None:
    assert actors.find("The situation is tense and it is getting worse.") == []


@pytest.mark.parametrize("alias", ["ISIS", "IS", "Daesh", "the Islamic State"])
def test_islamic_state_aliases_give_one_actor_in_events(one, alias: str) -> None:
    e = one(f"On Tuesday, {alias} attacked an army checkpoint near al-Sukhnah.")
    assert e.actor1 == "Islamic State"


def test_misspelt_groups_in_an_event(one) -> None:
    e = one("On Tuesday, Faylag al-Sham clashed with Hayat Tahir al-Sham near Atarib.")
    assert {e.actor1, e.actor2} == {"Sham Legion", "Hayat Tahrir al-Sham"}
    e = one("On Tuesday, NLF fighters clashed with HTS near Atarib.")
    assert {e.actor1, e.actor2} == {"National Front for Liberation", "Hayat Tahrir al-Sham"}


def test_attacker_is_actor1(one) -> None:
    e = one("On Tuesday, the Syrian army repelled an attack by HTS militants near Morek.")
    assert (e.actor1, e.actor2) == ("Hayat Tahrir al-Sham", "Syrian Arab Army")


def test_both_sides_of_a_clash_with_passive_victims(one) -> None:
    e = one("On Tuesday, up to 10 ISIS members were killed in clashes with the SDF near Hajin.")
    assert {e.actor1, e.actor2} == {"Islamic State", "Syrian Democratic Forces"}


def test_victims_are_not_the_perpetrator(one) -> None:
    e = one("On Tuesday, regime shelling on Maarat al-Numan resulted in the death of 17 civilians.")
    assert e.actor1 != "Civilians"
    assert e.actor2 == "Civilians"


# --- event types

TYPES = [
    (
        "Russian jets carried out airstrikes on the town of Khan Shaykhun.",
        "Explosions/Remote violence",
        "Air/drone strike",
    ),
    (
        "The US-led coalition mistakenly struck allied fighters near Tabqa, killing 4.",
        "Explosions/Remote violence",
        "Air/drone strike",
    ),
    (
        "Israel struck an arms depot near Masyaf, while fighting raged nearby.",
        "Explosions/Remote violence",
        "Air/drone strike",
    ),
    (
        "the Syrian army shelled the village of Kafr Zita.",
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    ),
    (
        "Israeli missiles struck the T4 airbase.",
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    ),
    (
        "a suicide car bomb exploded at an SDF checkpoint in the town of Hajin.",
        "Explosions/Remote violence",
        "Suicide bomb",
    ),
    ("ISIS detonated a VBIED near al-Sukhnah.", "Explosions/Remote violence", "Suicide bomb"),
    (
        "an IED exploded under a car in the town of Tafas.",
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
    ),
    ("heavy clashes erupted between the SDF and ISIS near Hajin.", "Battles", "Armed clash"),
    ("the Syrian army repelled an attack by HTS militants near Morek.", "Battles", "Armed clash"),
    (
        "the Syrian army recaptured the village of Kabani.",
        "Battles",
        "Government regains territory",
    ),
    ("ISIS executed three men in the town of Hajin.", "Violence against civilians", "Attack"),
    (
        "gunmen kidnapped an aid worker in the Yarmouk camp.",
        "Violence against civilians",
        "Abduction/forced disappearance",
    ),
    (
        "Syrian security forces arrested 5 young men in the town of Harasta.",
        "Strategic developments",
        "Arrests",
    ),
    (
        "regime forces detained a journalist in the city of Douma.",
        "Strategic developments",
        "Arrests",
    ),
    ("a Turkish military convoy entered the town of Saraqib.", "Strategic developments", "Other"),
    (
        "twenty HTS fighters surrendered to the army near Morek.",
        "Strategic developments",
        "Change to group/activity",
    ),
    (
        "a group of NLF fighters defected to the Syrian army near Kafr Zita.",
        "Strategic developments",
        "Change to group/activity",
    ),
    (
        "SDF fighters found a weapons cache in the town of Tabqa.",
        "Strategic developments",
        "Disrupted weapons use",
    ),
    (
        "the NLF withdrew heavy weapons from the area near Saraqib.",
        "Strategic developments",
        "Change to group/activity",
    ),
    (
        "hundreds of residents of Douma protested against the arrests.",
        "Protests",
        "Peaceful protest",
    ),
]


@pytest.mark.parametrize(("clause", "event_type", "sub_event_type"), TYPES, ids=[t[2] + ":" + t[0][:25] for t in TYPES])
def test_event_types(one, clause: str, event_type: str, sub_event_type: str) -> None:
    e = one(f"On Tuesday, {clause}")
    assert (e.event_type, e.sub_event_type) == (event_type, sub_event_type)
    assert e.event_date == "2018-11-06"


@pytest.mark.parametrize(
    "text",
    [
        "The Syrian Foreign Ministry accused Turkey of supporting terrorists in Idlib.",
        "Turkey threatened to launch a new offensive against the YPG east of Tal Abyad.",
        "The Syrian army warned that it would storm Saraqib if the militants did not withdraw.",
        "Russian officials said militants were preparing a chemical provocation in Saraqib.",
        "Washington imposed new sanctions on Syrian officials over the airstrikes on Douma.",
        "The EU extended sanctions against Syrian officials responsible for the airstrikes.",
        "Russian and Turkish officials met in Ankara to discuss the ceasefire in Idlib.",
        "Russia and Turkey agreed in Sochi to set up a demilitarised zone around Idlib.",
        "In the period from 2016 to 2018, ISIS carried out dozens of attacks in the town of Hajin.",
        "Since 2012, more than 400 people have been killed in the town of Douma.",
        "Back in 2016, government forces besieged and shelled Aleppo for months.",
        "HTS has repeatedly attacked NLF positions in the Idlib countryside over the past years.",
        "Over 300,000 people have died in Syria since the war began in 2011 with protests in Deraa.",
        "Since the outbreak of the uprising, Homs has been shelled thousands of times.",
    ],
)
def test_non_events(events, text: str) -> None:
    assert events(text) == []


# --- fatalities


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        (
            "On Tuesday, regime shelling on Maarat al-Numan resulted in the death of 17 civilians.",
            17,
            None,
        ),
        (
            "On Tuesday, Russian airstrikes on the town of Ariha killed at least 16 people.",
            16,
            None,
        ),
        (
            "On Tuesday, up to 10 ISIS members were killed in clashes with the SDF near Hajin.",
            10,
            None,
        ),
        (
            "On Tuesday, militants shelled the town of Suqaylabiyah; 2 servicemen were killed and 13 were injured.",
            2,
            13,
        ),
        (
            "On Tuesday, an airstrike on the village of Kabani killed three children and two women.",
            5,
            None,
        ),
        ("On Tuesday, clashes near Morek left twelve fighters dead.", 12, None),
        (
            "On Tuesday, dozens of civilians were killed in airstrikes on the town of Saraqib.",
            None,
            None,
        ),
        (
            "On Tuesday, the army said it killed dozens of terrorists in clashes near Kabani.",
            None,
            None,
        ),
        pytest.param("On Tuesday, rebels shelled the city of Hama, injuring 4 civilians.", 0, 4),
        pytest.param("On Tuesday, shells hit the town of Suqaylabiyah. No one was killed in the attack.", 0, None),
        pytest.param("On Tuesday, government forces shelled the city of Hama, but no one was hurt.", 0, None),
        pytest.param("On Tuesday, a car bomb in the town of Tafas killed 7 and injured 20.", 7, 20),
        pytest.param("On Tuesday, jets struck Ariha, killing 5 people and wounding 9 others.", 5, 9),
        pytest.param("On Tuesday, jets struck Ariha. Six civilians, including two children, were killed.", 6, None),
        pytest.param("On Tuesday, an IED exploded in the town of Tafas, killing a former rebel commander.", 1, None),
        # The group named in full is one subject, however many words its name has.
        pytest.param(
            "On Tuesday, four members of the Syrian National Army's Sultan Murad Division were killed "
            "in clashes with the SDF near Tal Rifaat.",
            4,
            None,
            id="members-of-a-long-name",
        ),
        pytest.param(
            "On Tuesday, six members of Hayat Tahrir al-Sham and two civilians were killed in clashes in Khan Shaykhun.",
            8,
            None,
            id="members-of-a-group-and-civilians",
        ),
        pytest.param("On Tuesday, jets struck Ariha, killing two dozen people.", 24, None, id="two-dozen"),
        pytest.param(
            "On Tuesday, jets struck Ariha, killing one hundred and twelve people.", 112, None, id="hundred-and"
        ),
    ],
)
def test_fatalities(one, text: str, killed: int | None, injured: int | None) -> None:
    e = one(text)
    assert e.fatalities == killed
    assert e.injuries == injured


def test_count_in_a_follow_up_sentence_joins_the_event(one) -> None:
    e = one("On Tuesday, the Syrian army shelled the village of Kafr Zita. Two civilians were killed.")
    assert e.fatalities == 2


def test_tweet_ids_and_years_are_not_counts(one) -> None:
    e = one("On Tuesday, jets struck Ariha in 2018 runs 1071234567890123456 times, activists said.")
    assert e.fatalities is None


# --- one event per incident


def test_two_incidents_in_one_sentence(events) -> None:
    evs = events(TWO_INCIDENTS)
    got = sorted((e.location, e.sub_event_type) for e in evs)
    assert got == [("Hama", "Shelling/artillery/missile attack"), ("Saraqib", "Air/drone strike")]


def test_two_incidents_keep_their_own_actors(events) -> None:
    evs = {e.location: e for e in events(TWO_INCIDENTS)}
    assert evs["Saraqib"].actor1 != evs["Hama"].actor1


def test_list_of_two_villages_gives_two_events(events) -> None:
    evs = events("On Tuesday, Turkish artillery shelled the villages of Kabani and Kinsabba.")
    assert sorted(e.location for e in evs) == ["Kabani", "Kinsabba"]
    assert len({e.event_id for e in evs}) == 2
    assert all(e.sub_event_type == "Shelling/artillery/missile attack" for e in evs)


def test_count_goes_to_one_village_of_a_list(events) -> None:
    evs = events("On Tuesday, Turkish artillery shelled the villages of Kabani and Kinsabba, killing 3 civilians.")
    assert sorted(e.fatalities or 0 for e in evs) == [0, 3]


def test_count_in_the_next_sentence_joins_the_event(events) -> None:
    evs = events("On Tuesday, Russian jets struck the town of Saraqib. The strikes killed 4 civilians, activists said.")
    assert [(e.location, e.fatalities) for e in evs] == [("Saraqib", 4)]


def test_incident_repeated_in_an_article_is_one_event(events) -> None:
    evs = events(
        "On Tuesday, Russian jets struck the town of Saraqib.\n\n"
        "The strikes on Saraqib killed 4 civilians, activists said."
    )
    assert [(e.location, e.fatalities) for e in evs] == [("Saraqib", 4)]


def test_town_beats_its_governorate(one) -> None:
    e = one(
        "On Tuesday, coalition troops landed near al-Busayrah "
        "in the eastern Deir ez-Zor countryside "
        "and detained two men."
    )
    assert e.location == "al-Busayrah"
    assert e.geo_precision == 2


def test_dated_coarse_report_is_not_swallowed_by_older_background(events) -> None:
    # One flattened paragraph: the day's raid on the governorate-level place keeps its
    # own event although a "last week" sentence names the city.
    evs = events(
        "Warplanes resumed their bombardment of rebel-held eastern Hama on Tuesday, residents said. "
        "Last week the government had scaled down air raids on Hama city after dozens were killed."
    )
    dates = sorted((e.event_date, e.date_flag) for e in evs)
    assert ("2018-11-06", "relative") in dates
    primary = [e for e in evs if e.primary]
    assert [e.event_date for e in primary] == ["2018-11-06"]


def test_an_assassination_announced_then_told_is_one_event(one, events) -> None:
    # A monitor's heading sentence, then how it was done: one incident, at the finer place.
    e = one(
        "Monitors recorded another assassination in the Daraa countryside. On Tuesday, a bomb planted "
        "under a car exploded in the town of Tafas, killing a former rebel commander."
    )
    assert (e.location, e.sub_event_type, e.fatalities) == ("Tafas", "Remote explosive/landmine/IED", 1)
    # An air strike told after it is another incident, not the assassination's means.
    evs = events(
        "Monitors recorded another assassination in the Daraa countryside. On Tuesday, warplanes "
        "struck the town of Tafas."
    )
    assert sorted(e.sub_event_type for e in evs) == ["Air/drone strike", "Attack"]


def test_missiles_intercepted_over_a_region_are_the_strike_on_a_base_there(one) -> None:
    e = one(
        "Air defences intercepted several Israeli missiles over the southern countryside of Hama late on "
        "Tuesday, state media said. Israeli jets fired the missiles at the Masyaf research centre, wounding "
        "three soldiers."
    )
    assert (e.sub_event_type, e.admin1, e.geo_precision, e.injuries) == ("Air/drone strike", "Hama", 1, 3)


def test_strike_that_killed_civilians_is_the_strike(one) -> None:
    e = one("On Tuesday, raids killed 7 civilians in Saraqib, activists said.")
    assert (e.event_type, e.sub_event_type, e.civilian_targeting) == (
        "Explosions/Remote violence",
        "Air/drone strike",
        "Civilian targeting",
    )


def test_jets_with_words_between_them_and_the_verb(one) -> None:
    e = one("On Tuesday, Russian jets in breach of the truce hit a base near Saraqib.")
    assert e.sub_event_type == "Air/drone strike"


def test_gas_dropped_from_the_air_is_coded_to_those_who_fly(events) -> None:
    evs = events(
        "Government warplanes bombed Latamneh on Monday.\n\n"
        "On Tuesday, helicopters dropped barrels of chlorine gas on Kafr Zita, medics said."
    )
    gas = [e for e in evs if e.sub_event_type == "Chemical weapon"]
    assert [e.actor1 for e in gas] == ["Syrian Arab Army"]


def test_photo_caption_is_not_an_event(events) -> None:
    evs = events(
        "A car bomb killed 9 people in Azaz on Thursday. "
        "A rescuer carries a child after an air strike on a hospital in Ariha, Idlib, Syria, August 6, 2016 "
        "(Example World and Agencies) Medics said the toll could rise."
    )
    assert [e.location for e in evs] == ["Azaz"]


def test_a_bare_attack_takes_the_kind_the_body_gives(events) -> None:
    evs = events(
        "Attacks on Homs kill 12 civilians\n\n"
        "On Wednesday, attacks on Homs killed 12 civilians, medics said.\n\n"
        "Mortar shells fired by militants landed on the Akrama district of Homs on Wednesday."
    )
    assert {e.sub_event_type for e in evs} == {"Shelling/artillery/missile attack"}
    # With no detail, a bare attack on civilians stays ACLED's Attack.
    alone = events("On Wednesday, attacks on Homs killed 12 civilians, medics said.")
    assert [e.sub_event_type for e in alone] == ["Attack"]


def test_a_force_is_never_its_own_opponent(events) -> None:
    evs = events(
        "On Monday, regime helicopters dropped barrel bombs on Saraqib, "
        "and the Syrian Arab Air Force struck the Syrian army's own positions by mistake."
    )
    assert evs and all(e.actor1 != e.actor2 for e in evs)


def test_an_incident_abroad_lends_neither_place_nor_toll(events) -> None:
    # The strike was in Iraq; the Syrian sentence after it is its own report, with no toll.
    evs = events(
        "On Friday, coalition aircraft struck Islamic State positions near the Iraqi town of Sinjar, "
        "killing 9 militants, officials said. Across the border, SDF fighters advanced on Shaddadi."
    )
    assert [(e.location, e.fatalities) for e in evs] == [("al-Shaddadi", None)]
    # Where the source speaks from, or fled to, is not where it happened.
    for lead in (
        "Air strikes killed at least 20 people on Monday, rebels told reporters in Beirut.",
        "Government shelling killed 20 people on Monday, residents who fled to the Turkish town of Reyhanli said.",
    ):
        (e,) = events(lead + " The strikes hit Douma in Eastern Ghouta.")
        assert (e.location, e.fatalities) == ("Douma", 20)
    # One sentence, a report from Iraq and then one from Syria: the Iraqi shelling and its
    # toll do not move to the Syrian town; the Syrian attack is its own event, on its own day.
    evs = events(
        "Iraqi militiamen shelled IS positions near the Iraqi town of Sinjar on Sunday, killing eight "
        "militants, before IS fighters attacked an army post in Abu Kamal on Monday."
    )
    assert [(e.location, e.event_type, e.actor1, e.fatalities) for e in evs] == [
        ("Abu Kamal", "Battles", "Islamic State", None)
    ]
    # The same with "while", the report abroad named by its town only.
    evs = events("Turkish jets struck PKK targets near Zakho on Monday, while government forces shelled Safita.")
    assert [(e.location, e.actor1) for e in evs] == [("Safita", "Syrian Arab Army")]
    # "the Iraqi town of X" is Iraq's X, though Syria has one of the name too.
    gaz = load_gazetteer()
    mentions = resolve_mentions(
        "Jets hit the Iraqi town of Sinjar.", find_mentions("Jets hit the Iraqi town of Sinjar.", gaz), gaz
    )
    assert [m.place.country for m in mentions if m.place is not None] == ["IQ"]


def test_partners_named_together_are_one_side(events) -> None:
    # "Syrian and Russian warplanes": both flew; the second is the associated actor, not the target.
    (e,) = events("On Monday, Syrian and Russian warplanes struck Kafr Nabl, killing five civilians.")
    assert (e.actor1, e.actor2) == ("Syrian Arab Army", "Civilians")
    assert "Military Forces of Russia" in e.assoc_actor_1.split("; ")
    # Foes named together are still two sides.
    (clash,) = events("On Monday, the SDF and ISIS clashed near Hajin.")
    assert (clash.actor1, clash.actor2) == ("Syrian Democratic Forces", "Islamic State")
    # Partners who were hit are the victims together.
    (hit,) = events("On Monday, Syrian and Russian soldiers were wounded in a rebel attack near Morek.")
    assert (hit.actor1, hit.actor2) == ("Syrian opposition armed groups", "Syrian Arab Army")
    # Two of one camp on opposite sides of a clash: the second is the foe, not an ally.
    (split,) = events("On Monday, clashes erupted between Turkish troops and Turkish-backed rebels in Afrin.")
    assert (split.actor1, split.actor2, split.assoc_actor_1) == ("Turkish Armed Forces", "Syrian National Army", "")
    # An adjective sharing a named actor's noun: "Turkish and SNA forces" are both there.
    (joint,) = events("On Monday, Turkish and SNA forces shelled the village of Umm al-Kaif, wounding two civilians.")
    assert (joint.actor1, joint.assoc_actor_1, joint.actor2) == (
        "Turkish Armed Forces",
        "Syrian National Army",
        "Civilians",
    )
    # The force that fired, not the one whose loss it answered.
    (reply,) = events(
        "On Monday, Turkish artillery shelled regime positions near Saraqib in response to the killing of five Turkish soldiers."
    )
    assert (reply.actor1, reply.actor2) == ("Turkish Armed Forces", "Syrian Arab Army")
    # State-media wording for Turkey and the groups it backs.
    (sana,) = events("On Monday, Turkish occupation forces and their mercenaries shelled the town of Ras al-Ain.")
    assert (sana.actor1, sana.assoc_actor_1) == ("Turkish Armed Forces", "Syrian National Army")
    # A group's own unit is the group ("HTS's General Security Service"), whatever the unit's name later meant.
    (held,) = events("On Monday, Hayat Tahrir al-Sham's General Security Service arrested a media activist in Sarmada.")
    assert held.actor1 == "Hayat Tahrir al-Sham"
    # Rescuers who tell of an attack are its source, not its target.
    (told,) = events(
        "The White Helmets said three civilians were killed by Russian airstrikes on Kafr Nouran on Monday."
    )
    assert (told.actor1, told.actor2) == ("Military Forces of Russia", "Civilians")
    # "U.S." with its dots is the United States, on any noun.
    (us,) = events("On Monday, a U.S. attack hit the Shayrat airbase.")
    assert us.actor1 == "Military Forces of the United States"
    # "told us": the pronoun, not the United States.
    evs = events("On Monday, a resident of Saraqib told us bombs fell all night.")
    assert all("United States" not in e.actor1 for e in evs)


def test_the_one_assassinated_is_the_victim(events) -> None:
    (e,) = events("On Thursday, a former rebel commander was assassinated in the town of Nawa.")
    assert e.actor1 == "Unidentified armed group" and e.actor2 == "Former rebels"
    assert e.fatalities == 1
    # Disarmed, a former rebel is a civilian target: inter 7 beside the civilian targeting.
    assert (e.inter2, e.interaction, e.civilian_targeting) == (7, 37, "Civilian targeting")


def test_a_sinjar_militia_is_named(gaz, actors) -> None:
    art = article_from_text(
        "A Turkish drone struck a car carrying a senior YBS commander near Sinjar on Monday, killing him.",
        id="ybs",
        published="2021-08-18",
    )
    [e] = extract(art, gazetteer=gaz, actors=actors, country_bias=("SY", "IQ"))[1]
    assert (e.actor1, e.actor2, e.inter2, e.country) == (
        "Turkish Armed Forces",
        "Sinjar Resistance Units (YBS)",
        3,
        "Iraq",
    )


def test_an_adjective_on_a_bomb_names_who_set_it(events) -> None:
    # "rebel tunnel blast", "regime car bomb": the adjective is the actor, as on "rebel shelling".
    (tunnel,) = events("On Friday, a rebel tunnel blast in Aleppo killed 20 soldiers, a monitor said.")
    assert tunnel.actor1 == "Syrian opposition armed groups"
    assert tunnel.sub_event_type == "Remote explosive/landmine/IED" and tunnel.fatalities == 20
    (ambush,) = events("On Monday, a Kurdish ambush near Tal Tamr killed four fighters.")
    assert ambush.actor1 == "Syrian Democratic Forces"


def test_who_claimed_the_attack_is_its_actor(events) -> None:
    bomb = "On Monday a car bomb exploded at a market in the town of Tal Hamis, killing nine people. "
    (e,) = events(bomb + "The Islamic State group claimed responsibility for the attack on its Amaq agency.")
    assert (e.actor1, e.sub_event_type, e.fatalities) == ("Islamic State", "Remote explosive/landmine/IED", 9)
    (e,) = events(bomb + "The bombing was later claimed by Hurras al-Din.")
    assert e.actor1 == "Hurras al-Din"
    # No claim, a denial, or a claim of some other, older attack names no one.
    for tail in (
        "No group has claimed responsibility so far.",
        "ISIS, which has claimed responsibility for similar attacks before, was not named.",
        "Last year a bombing claimed by the Islamic State killed 30 in the same market.",
        "That attack was claimed by the Islamic State.",
    ):
        (e,) = [x for x in events(bomb + tail) if x.event_date == "2018-11-05"]
        assert e.actor1 == "Unidentified armed group", tail
    # A claim said with a "that" or after a doubt still counts; a group that "took
    # responsibility for security" claimed nothing; a claimed car bomb is not a shooting.
    for tail in (
        "The Islamic State group claimed responsibility for the attack, saying that it targeted fighters.",
        "Although it was not clear who planted the device, the Islamic State group claimed responsibility.",
    ):
        (e,) = events(bomb + tail)
        assert e.actor1 == "Islamic State", tail
    (e,) = events(bomb + "The SDF took responsibility for security in the town.")
    assert e.actor1 == "Unidentified armed group"
    evs = events(
        bomb + "On Tuesday gunmen shot dead a teacher in Qamishli. ISIS claimed responsibility for the car bomb."
    )
    assert {e.location: e.actor1 for e in evs} == {
        "Tall Hamis": "Islamic State",
        "Qamishli": "Unidentified armed group",
    }
    # An air strike is no group's claim.
    evs = events(
        "On Monday an air strike hit Tal Hamis, killing two. ISIS claimed responsibility for a blast in Hasakah."
    )
    assert all(e.actor1 != "Islamic State" for e in evs if e.sub_event_type == "Air/drone strike")


def test_the_regime_as_a_headlines_subject_is_the_actor(events) -> None:
    # Headlines drop the article: "Regime commits massacre", "Regime massacre kills 12".
    (e,) = events("Regime commits massacre in Kafr Hamra, killing 15 civilians on Monday.")
    assert (e.actor1, e.actor2, e.fatalities) == ("Syrian Arab Army", "Civilians", 15)
    (e,) = events("On Monday a regime massacre killed nine people in Kafr Hamra, a monitor said.")
    assert e.actor1 == "Syrian Arab Army"
    # Not every regime acts: a sanctions regime or a control regime names no one.
    (e,) = events("On Monday shelling killed two people in Kafr Hamra as the sanctions regime hits traders.")
    assert e.actor1 == "Unidentified armed group"
    # Nor does another state's "regime" (as some outlets write it).
    (e,) = events("On Monday the Turkish regime shelled Kafr Hamra, killing two.")
    assert e.actor1 == "Turkish Armed Forces"


def test_dateline_is_not_the_day_of_the_report(events) -> None:
    evs = events(
        "Date of publication 9 November 2018 At least 7 people were killed on Tuesday when "
        "a car bomb exploded in the town of Azaz, medics said.",
        "2018-11-09",
    )
    assert [e.event_date for e in evs] == ["2018-11-06"]


def test_place_and_date_dateline_is_neither_site_nor_day(one) -> None:
    # "Aleppo, 12 March 2019 —" is where and when the report was filed.
    e = one(
        "Aleppo, 12 March 2019 — Clashes erupted near the Syrian-Jordanian border on Monday, killing three fighters.",
        "2019-03-12",
    )
    assert (e.event_date, e.location, e.geo_precision) == ("2019-03-11", "Syria–Jordan border", 3)
    assert e.admin1 == ""  # a 350 km border is in no one governorate
    assert e.latitude < 32.9 and e.longitude > 36.0  # on Syria's southern edge


def test_a_wire_dateline_under_the_headline_is_not_the_day(gaz, actors) -> None:
    # "TARTUS, Syria, June 7, 2019 (Coast Desk) —" under a headline: the report's day; the
    # weekday in the lead is the incident's.
    art = article_from_text(
        "Rebels shell Jableh outskirts\n\n"
        "TARTUS, Syria, June 7, 2019 (Coast Desk) — Rebel rockets hit the outskirts of Jableh "
        "on Thursday night, killing two civilians, a local official said.",
        id="wire",
    )
    _m, (e,) = process([art], gazetteer=gaz, actors=actors)
    assert art.published == date(2019, 6, 7)
    assert (e.event_date, e.location) == ("2019-06-06", "Jableh")


def test_digest_lines_are_not_datelines(events) -> None:
    # "Town, Governorate, May 12:" lines of a digest name the site, not a filing place.
    evs = events(
        "Weekly digest\n\nSaraqib, Idlib, May 12: Russian jets struck the town, killing four civilians.\n"
        "Kafr Nabl, Idlib, May 13: Regime shelling killed two children.",
        "2019-05-17",
    )
    assert {("Saraqib", "2019-05-12", 4), ("Kafranbel", "2019-05-13", 2)} <= {
        (e.location, e.event_date, e.fatalities) for e in evs
    }


def test_a_comma_after_opening_words_is_not_a_dateline(events) -> None:
    evs = events("On Friday, 15 March 2019, clashes erupted in Idlib after shelling on 14 March.", "2019-03-16")
    assert [e.event_date for e in evs] == ["2019-03-15"]
    # A place at the head of a sentence is the site, not a filing place.
    evs = events("In Saraqib, 12 March – three people were killed by shelling.", "2019-03-13")
    assert [(e.event_date, e.location) for e in evs] == [("2019-03-12", "Saraqib")]


def test_a_place_named_later_in_passing_does_not_replace_the_area(events) -> None:
    evs = events(
        "Russian jets struck the southern Idlib countryside on Monday, days after rebels withdrew from Saraqib."
    )
    assert [(e.location, e.geo_precision) for e in evs] == [("Idlib Governorate", 3)]


def test_a_border_gives_way_to_the_town_named_with_it(events) -> None:
    evs = events("On Friday, rebels shelled positions near the Turkish border in the town of Azaz, killing two.")
    assert [(e.location, e.geo_precision, e.fatalities) for e in evs] == [("Azaz", 1, 2)]


def test_shells_fired_from_one_place_land_in_another(one) -> None:
    e = one("On Monday, artillery fire from government positions in Khan Shaykhun hit the village of Kafr Nabl.")
    assert (e.location, e.actor1) == ("Kafranbel", "Syrian Arab Army")


def test_a_family_of_six_is_six_dead(one) -> None:
    e = one(
        "On Monday, Russian warplanes struck a market in Saraqib, killing a family of six, including four children."
    )
    assert e.fatalities == 6


def test_injuries_in_the_next_sentence_join_the_toll(one) -> None:
    e = one("On Monday, five civilians were killed when shells hit Maarat al-Numan. Eleven other people were wounded.")
    assert (e.fatalities, e.injuries) == (5, 11)


def test_what_a_protest_is_against_is_no_party_to_it(one) -> None:
    e = one("On Friday, hundreds of people demonstrated in Daraa against a campaign to conscript former rebels.")
    assert (e.sub_event_type, e.actor1, e.actor2) == ("Peaceful protest", "Protesters", "")


def test_weekday_with_its_date_is_the_date(one) -> None:
    e = one("Protesters in Daraa gathered on Friday, November 2, chanting against the government.")
    assert (e.event_date, e.date_flag, e.actor1, e.actor2) == ("2018-11-02", "year-inferred", "Protesters", "")


def test_the_coalition_striking_is_an_air_strike(one) -> None:
    e = one("The US-led coalition struck Syrian Democratic Forces positions near Tabqa, killing 9 fighters.")
    assert (e.sub_event_type, e.actor1, e.actor2) == (
        "Air/drone strike",
        "US-led coalition",
        "Syrian Democratic Forces",
    )


def test_the_incident_occurred_on_dates_the_report_before_it(one) -> None:
    e = one("A car bomb exploded in Azaz, killing 5 people. The incident occurred on November 2.")
    assert (e.event_date, e.date_flag) == ("2018-11-02", "year-inferred")


def test_a_governorate_city_after_a_place_is_its_container(events) -> None:
    # Digest lines name the town, then its governorate by its capital's name.
    evs = events(
        "Kafr Nabl, Idlib, May 12: Regime artillery shelled the town, killing one woman.\n"
        "Maarat al-Numan, Idlib, May 13: Russian warplanes struck the town."
    )
    assert sorted(e.location for e in evs) == ["Kafranbel", "Maarat al-Numan"]
    # A list of places keeps the capital as a place of its own.
    evs = events("On Monday, rockets hit Saraqib, Idlib and Hama, killing three civilians.")
    assert {"Saraqib", "Idlib", "Hama"} <= {e.location for e in evs}


def test_allies_named_with_their_nouns_and_the_dead_on_both_sides(events) -> None:
    (e,) = events(
        "On Monday, Hezbollah fighters and Syrian army troops launched an offensive against Hayat Tahrir "
        "al-Sham positions near Flita, killing at least 19 militants. Five Hezbollah fighters were also killed."
    )
    assert (e.actor1, e.assoc_actor_1, e.actor2) == ("Hezbollah", "Syrian Arab Army", "Hayat Tahrir al-Sham")
    assert e.fatalities == 24


def test_blame_names_no_party_and_a_rigged_tanker_is_a_bomb(events) -> None:
    (e,) = events(
        "On Monday, a fuel tanker rigged with explosives blew up in a market in Azaz, killing 5 people, "
        "and the Turkish defence ministry blamed the YPG."
    )
    assert (e.sub_event_type, e.actor1, e.actor2) == (
        "Remote explosive/landmine/IED",
        "Unidentified armed group",
        "Civilians",
    )


def test_a_later_account_naming_who_did_it_names_the_incidents_doer(one) -> None:
    e = one("Shells hit Masyaf on Monday, killing three civilians. Activists said government forces shelled the town.")
    assert (e.location, e.actor1, e.actor2, e.fatalities) == ("Masyaf", "Syrian Arab Army", "Civilians", 3)
    # Where the fire came from is no second site: "the town" is the one hit.
    e = one(
        "Shells hit Masyaf on Monday, killing three civilians. Activists said government forces shelled the town"
        " from positions near Safita."
    )
    assert (e.location, e.actor1, e.fatalities) == ("Masyaf", "Syrian Arab Army", 3)
    # A group that claims the bombing ("claimed the bombing", with no "responsibility") planted it ...
    e = one("An explosion hit Masyaf on Monday, killing three civilians. The Islamic State claimed the bombing.")
    assert (e.actor1, e.actor2) == ("Islamic State", "Civilians")
    # ... not one that "claimed" something else.
    e = one("A car bomb exploded in Tal Rifaat on Monday, killing four. IS claimed the town was under its control.")
    assert e.actor1 == "Unidentified armed group"


def test_the_army_attacked_by_an_unnamed_force_is_the_side_hit(one) -> None:
    # Who blames is no party, nor who is blamed; the soldiers killed are the army's, and an
    # attack on them was made by someone the report does not name.
    e = one("The army blamed HTS for the attack on a checkpoint in Masyaf on Monday, which killed two soldiers.")
    assert (e.actor1, e.actor2, e.fatalities) == ("Unidentified armed group", "Syrian Arab Army", 2)
    e = one("Gunmen attacked an army checkpoint near Safita on Monday, killing two soldiers.")
    assert (e.actor1, e.actor2) == ("Unidentified armed group", "Syrian Arab Army")
    # A clash with one side known keeps that side as actor1, as ACLED does.
    e = one("Clashes near Masyaf on Monday killed two soldiers.")
    assert (e.actor1, e.actor2) == ("Syrian Arab Army", "")


def test_the_side_hit_named_by_an_adjective_or_on_its_positions(one) -> None:
    e = one("An IS ambush killed five pro-government militiamen near Maadan on Monday.")
    assert (e.actor1, e.actor2, e.fatalities) == ("Islamic State", "Pro-government militias", 5)
    e = one("Israeli jets hit Iranian positions near Masyaf on Monday.")
    assert (e.actor1, e.actor2, e.sub_event_type) == (
        "Israel Defense Forces",
        "Military Forces of Iran",
        "Air/drone strike",
    )
    e = one("The SDF captured the last IS positions in Hajin on Monday.")
    assert (e.actor1, e.actor2) == ("Syrian Democratic Forces", "Islamic State")
    # "IS" as a verb is still no group.
    assert "Islamic State" not in {one("The road IS closed after rebels shelled Safita on Monday.").actor2}


def test_a_total_split_by_place_gives_each_place_its_share(events) -> None:
    evs = events(
        "Regime shelling on Monday caused the death of seven civilians in the town of Kafr Nabl "
        "and the village of Hish. Five of them were killed in Hish, and two in Kafr Nabl."
    )
    assert {e.location: e.fatalities for e in evs} == {"Kafranbel": 2, "Heish": 5}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # Each place counted in one sentence gets its own record.
        (
            "Jets killed six people in Khan Shaykhun and four in Kafr Nabl on Monday.",
            {"Khan Shaykhun": 6, "Kafranbel": 4},
        ),
        # "the rest in Y": what the total leaves; "across Idlib" is no site once towns are named.
        (
            "Regime shelling killed 11 people across Idlib on Monday, eight of them in Khan Shaykhun "
            "and the rest in Kafr Nabl.",
            {"Khan Shaykhun": 8, "Kafranbel": 3},
        ),
        # One place's share named: the other place of the raid holds the rest, not the whole toll.
        (
            "Russian jets struck Kafr Nabl and Khan Shaykhun on Monday, killing ten civilians, "
            "six of them in Khan Shaykhun.",
            {"Kafranbel": 4, "Khan Shaykhun": 6},
        ),
        # "respectively": the counts pair with the places in the order named.
        (
            "Shelling hit Masyaf and Safita on Sunday, killing four and three people respectively.",
            {"Masyaf": 4, "Safita": 3},
        ),
        (
            "Airstrikes on Masyaf, Safita and Qadmous killed two, five and one civilians respectively on Sunday.",
            {"Masyaf": 2, "Safita": 5, "al-Qadmus": 1},
        ),
    ],
)
def test_a_toll_split_between_places(events, text: str, want: dict[str, int]) -> None:
    assert {e.location: e.fatalities for e in events(text)} == want


def test_respective_counts_that_do_not_pair_with_the_places_split_nothing(events) -> None:
    evs = events("Shelling on Masyaf, Safita and Qadmous on Sunday killed four and three people respectively.")
    by = {e.location: e.fatalities for e in evs}
    assert by["Safita"] is None and by["al-Qadmus"] is None  # no place is given a count it was not said to have


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # The wounded, the homeless and the dead of another clause are no place's share of the dead.
        ("Shelling killed two civilians in Saraqib on Monday and wounded 15 people in Ariha.", {"Saraqib": 2}),
        ("Jets killed six people in Khan Shaykhun and injured four in Ariha on Monday.", {"Khan Shaykhun": 6}),
        (
            "Regime shelling killed 11 people on Monday, eight of them in Khan Shaykhun, and wounded others in Ariha.",
            {"Khan Shaykhun": 8},
        ),
        # A share at a place the raid did not name: the raid's place keeps the whole toll.
        (
            "Russian jets struck Kafr Nabl on Monday, killing ten civilians, six of them in Khan Shaykhun.",
            {"Kafranbel": 10},
        ),
        # "two fighters and three in Ariha": one toll of five.
        ("Jets struck Saraqib on Monday, killing two fighters and three in Ariha.", {"Saraqib": 5}),
    ],
)
def test_counts_that_are_no_share_of_the_dead(events, text: str, want: dict[str, int]) -> None:
    assert {e.location: e.fatalities for e in events(text)} == want


def test_a_part_of_a_toll_is_not_added_to_it(events) -> None:
    (e,) = events("Jets struck Khan Shaykhun on Monday, killing ten civilians, six of them children.")
    assert e.fatalities == 10


def test_across_a_governorate_is_the_governorate(events) -> None:
    (e,) = events("Airstrikes across Idlib killed nine civilians on Monday.")
    assert (e.admin1, e.geo_precision) == ("Idlib", 3)


def test_the_lead_toll_is_the_first_sentence_only(events) -> None:
    # The first paragraph has no full stop before a space; the next paragraph's
    # toll is another incident's, not the main event's.
    evs = events(
        "Regime forces shell Saraqib\n\n"
        "On Monday, regime forces shelled the town of Saraqib, wounding two civilians.\n\n"
        "Gunmen assassinated three local council members in Tafas on Friday."
    )
    main = next(e for e in evs if e.primary)
    assert (main.location, main.fatalities, main.injuries) == ("Saraqib", 0, 2)
    assert [e.fatalities for e in evs if e.location == "Tafas"] == [3]


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("Drone Strike Kills 3 Fighters Near Quneitra", 3),
        ("Child Killed, 9 Civilians Injured in Rocket Attacks on Aleppo", 1),
        ("The death toll from rocket attacks on Aleppo rises to 8, with more casualties reported in Idlib.", 8),
        # Two people named as a pair are two dead, not one.
        ("Mother and child killed in Masyaf shelling", 2),
        ("Father, son killed in Safita strike", 2),
        ("A woman and her daughter were killed when a shell hit their home.", 2),
    ],
)
def test_headline_tolls(sentence: str, killed: int) -> None:
    from geomap.events.fatalities import find_casualties

    assert find_casualties(sentence).killed == killed


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        # The wounded count after "and left" is not the killed count's verb.
        ("Kurdish fighters killed 12 Turkish servicemen and left four others wounded, media said.", 12, 4),
        ("The blast killed 7 people and left 30 wounded.", 7, 30),
        # Two counts joined by "and" before one verb are added.
        ("Twelve soldiers and two civilians were killed in the ambush.", 14, None),
        ("12 soldiers and 3 civilians were killed.", 15, None),
        ("Five people were killed and two others were wounded.", 5, 2),
        # A part of the count is not another count.
        ("Nine civilians including three children were killed when rockets hit.", 9, None),
        ("9 civilians including 3 children were killed when rockets hit.", 9, None),
        # One person, however described, and the kin killed with them.
        ("Gunmen shot dead a former Free Syrian Army commander in Nawa.", 1, None),
        ("The strike hit a house in Binnish, killing a woman and her three children.", 4, None),
        ("Shelling hit the market in Jisr al-Shughur, wounding a child.", None, 1),
        ("A car bomb killed 5 people in Afrin, wounding a child.", 5, 1),
        ("A former Free Syrian Army commander was assassinated in Daraa city on Monday.", 1, None),
        ("Gunmen assassinated three local council members in Tafas on Friday.", 3, None),
        ("Unknown gunmen gunned down two former rebels near Inkhil.", 2, None),
        ("A reconciliation official was gunned down in al-Sanamayn.", 1, None),
        # The kin who were wounded are not killed; a wound of last week is not this one.
        ("An air strike on Ariha on Monday killed a man and his two sons were wounded.", 1, 2),
        ("The commander, who was wounded a week ago when a militant attacked him, died on Monday.", None, None),
        # The kin wounded with the one, and the wounded beside "no one was killed".
        ("A landmine exploded near Maadan, killing a shepherd and wounding his son.", 1, 1),
        ("A shell hit a house in Safita, wounding a woman and her three children.", None, 4),
        ("Police fired on protesters in Safita, wounding five; no one was killed.", 0, 5),
        # A village's headman or preacher is one person like any other.
        ("Unknown gunmen shot dead a local mukhtar in Masyaf on Monday.", 1, None),
        ("Gunmen assassinated an imam in Hajin on Friday.", 1, None),
    ],
)
def test_counts_in_two_clauses(sentence: str, killed: int, injured: int | None) -> None:
    from geomap.events.fatalities import find_casualties

    c = find_casualties(sentence)
    assert (c.killed, c.injured) == (killed, injured)


def test_a_typed_report_keeps_its_kind_beside_another(events) -> None:
    evs = events("On Monday, rebels uncovered a weapons cache in Saraqib. On Monday, Russian jets struck Sarmin.")
    assert sorted(e.sub_event_type for e in evs) == ["Air/drone strike", "Disrupted weapons use"]


def test_a_bare_attack_near_the_detailed_one_takes_its_kind(events) -> None:
    evs = events(
        "On Sunday, attacks on the Sayyida Zaynab area of rural Damascus killed 50 people.\n\n"
        "A car bomb exploded near the shrine in Damascus on Sunday, medics said."
    )
    assert {e.sub_event_type for e in evs} == {"Remote explosive/landmine/IED"}


def test_events_outside_the_region_are_dropped(events) -> None:
    assert events("On Tuesday, protesters clashed with police in London and Caracas.") == []


# --- primary


def test_primary_is_exactly_one_per_article(events) -> None:
    evs = events(
        "Russian Jets Pound Saraqib\n\n"
        "On Tuesday, Russian jets struck the town of Saraqib, killing 4 "
        "civilians.\n\nOn Wednesday, rebels shelled the city of Hama.\n\n"
        "Turkish artillery shelled the villages of Kabani and Kinsabba."
    )
    assert len(evs) >= 3
    assert sum(e.primary for e in evs) == 1
    assert next(e for e in evs if e.primary).location == "Saraqib"


def test_the_headline_toll_marks_the_main_incident(events) -> None:
    # The lead opens with other fighting; the headline's seven dead are the story.
    evs = events(
        "Seven killed as air strike hits crowded market\n\n"
        "Clashes near Masyaf killed three fighters on Monday.\n\n"
        "On Tuesday an air strike on a market near Safita killed seven civilians."
    )
    assert [(e.location, e.fatalities) for e in evs if e.primary] == [("Safita", 7)]


@pytest.fixture(scope="module")
def sample_events(gaz, actors):
    from geomap.pipeline import sample_inputs

    arts, errs = read_articles(sample_inputs())
    assert not errs
    return arts, process(arts, gazetteer=gaz, actors=actors, dedup=False)[1]


def test_primary_on_the_samples(sample_events) -> None:
    arts, evs = sample_events
    per_article = Counter(e.article_id for e in evs if e.primary)
    with_events = {e.article_id for e in evs}
    assert set(per_article) == with_events
    assert all(n == 1 for n in per_article.values()), per_article


def test_sample_event_ids_are_unique(sample_events) -> None:
    _arts, evs = sample_events
    ids = [e.event_id for e in evs]
    assert len(ids) == len(set(ids))


# --- de-duplication

A1 = (
    "Jets Pound Saraqib Again\nBy Levant Watchers\n12 March 2019\n\n"
    "On Monday, Russian jets struck the town of Saraqib, killing 4 civilians."
)
A2 = (
    "Civilians Killed in Saraqib Raid\nBy Coastal Front Monitor\n13 March 2019\n\n"
    "Yesterday, Russian warplanes carried out airstrikes on Saraqib, "
    "killing 5 civilians, activists said."
)


def test_same_incident_from_two_articles_is_one_event(gaz, actors) -> None:
    arts = [article_from_text(A1, id="a1"), article_from_text(A2, id="a2")]
    _m, raw = process(arts, gazetteer=gaz, actors=actors, dedup=False)
    assert [(x.article_id, x.event_date) for x in raw] == [
        ("a1", "2019-03-11"),
        ("a2", "2019-03-12"),
    ]
    # Merged: one incident listing both sources, with the higher count.
    (e,) = merge_duplicates(raw)
    assert e.sources == ("a1", "a2")
    assert e.article_id == "a1"
    assert e.event_date == "2019-03-11"
    assert e.fatalities == 5
    assert "Levant Watchers" in e.source and "Coastal Front Monitor" in e.source
    # The pipeline keeps each article's record and links the later one to the incident.
    _m, linked = process(arts, gazetteer=gaz, actors=actors)
    assert [x.article_id for x in linked] == ["a1", "a2"]
    first, second = linked
    assert first.duplicate_of == "" and first.sources == ("a1", "a2") and first.fatalities == 5
    # The incident's toll is the other account's: its text says so, next to the first account's own.
    assert first.fatalities_text == "killing 4; killing 5 (per a2)"
    assert second.fatalities == 5
    assert second.duplicate_of == first.event_id
    assert second.event_date == "2019-03-12" and second.sources == ("a2",)
    assert sum(x.primary for x in linked if x.article_id == "a2") == 1


@pytest.fixture(scope="module")
def base_event(events) -> Event:
    evs = events("On Monday, Russian jets struck the town of Saraqib.", "2019-03-12", article_id="a1")
    assert len(evs) == 1
    return evs[0]


def test_merge_duplicates_rules(base_event: Event) -> None:
    e = base_event
    twin = replace(e, article_id="a2", event_id="X2", sources=("a2",))
    assert merge_duplicates([e, twin])[0].sources == ("a1", "a2")
    # A day apart and 5 km away: still the same incident.
    near = replace(twin, event_date="2019-03-12", latitude=e.latitude + 0.045)
    assert len(merge_duplicates([e, near])) == 1
    # Clashes reported as shelling are compatible types.
    battle = replace(twin, event_type="Battles", sub_event_type="Armed clash")
    assert same_incident(e, battle)
    # One side unnamed is compatible.
    assert same_incident(e, replace(twin, actor1=""))


@pytest.mark.parametrize(
    "change",
    [
        {"event_date": "2019-03-14"},  # three days later
        {"latitude": 36.0},  # ~15 km north
        {"event_type": "Protests", "sub_event_type": "Peaceful protest"},
        {"actor1": "Islamic State", "actor2": "Syrian Democratic Forces"},
        {"article_id": "a1"},  # same article: never merged
        {"location": "Sarmin", "latitude": 35.93, "place_id": ""},  # another village named as the site, ~4 km off
        # ... and so it is when both are placed by the gazetteer, at two places.
        {"location": "Sarmin", "latitude": 35.93, "place_id": "curated:sy-sarmin"},
    ],
)
def test_not_the_same_incident(base_event: Event, change: dict) -> None:
    e = base_event
    other = replace(
        e,
        event_id="X2",
        sources=(change.get("article_id", "a2"),),
        **{"article_id": "a2", **change},
    )
    assert len(merge_duplicates([e, other])) == 2


def test_civilians_alone_shared_need_one_account_silent_on_who_acted(base_event: Event) -> None:
    hit = replace(base_event, actor2="Civilians", civilian_targeting="Civilian targeting", fatalities=5)
    syrian = replace(hit, article_id="a2", event_id="X2", sources=("a2",), actor1="Syrian Arab Army", fatalities=8)
    assert hit.actor1 == "Military Forces of Russia"
    # Russian jets in one article, Syrian jets in another: two strikes, each with its own toll.
    assert not same_incident(hit, syrian)
    assert [(e.actor1, e.fatalities) for e in merge_duplicates([hit, syrian])] == [
        ("Military Forces of Russia", 5),
        ("Syrian Arab Army", 8),
    ]
    # An account that does not say whose jets is the same strike; so is one naming the same force.
    assert same_incident(hit, replace(syrian, actor1="Unidentified military forces"))
    assert same_incident(hit, replace(syrian, actor1="Military Forces of Russia"))
    # A record (UCDP codes Russia's strikes as the Syrian government's) still links.
    assert same_incident(hit, replace(syrian, date_flag="record"))


def test_a_governorates_point_is_no_site_to_match_a_named_town(base_event: Event) -> None:
    # "Jets struck villages in the Idlib countryside" is placed at the governorate's point,
    # which may lie near a town another article names: no reason to think it the same strike.
    coarse = replace(
        base_event, article_id="a2", event_id="X2", sources=("a2",), location="Idlib", geo_precision=3, place_id=""
    )
    assert not same_incident(base_event, coarse) and not same_incident(coarse, base_event)
    assert same_incident(base_event, replace(coarse, geo_precision=2))
    assert same_incident(base_event, replace(coarse, date_flag="record"))


def test_one_gazetteer_place_spelt_two_ways_is_one_site(base_event: Event) -> None:
    # A record's "Saraqeb" 4 km from the article's Saraqib, both placed at the same village.
    other = replace(
        base_event, article_id="ged.csv:3", event_id="X2", sources=("ged.csv:3",), location="Saraqeb", latitude=35.90
    )
    assert base_event.place_id and same_incident(base_event, other)
    assert not same_incident(base_event, replace(other, place_id="curated:sy-sarmin"))


def test_a_deadly_strike_on_civilians_and_a_record_of_an_attack_on_them_are_one_incident(base_event: Event) -> None:
    # A dataset that names no weapon (UCDP's one-sided violence) codes a strike that killed
    # civilians as Violence against civilians / Attack; the article codes the strike.
    strike = replace(base_event, actor2="Civilians", civilian_targeting="Civilian targeting", fatalities=6)
    assert strike.sub_event_type == "Air/drone strike"
    record = replace(
        strike,
        event_id="UCDP-1",
        article_id="ged.csv:2",
        sources=("ged.csv:2",),
        event_type="Violence against civilians",
        sub_event_type="Attack",
        date_flag="record",
        latitude=strike.latitude + 0.004,
    )
    shelled = replace(strike, sub_event_type="Shelling/artillery/missile attack", actor2="", fatalities=3)
    assert same_incident(strike, record) and same_incident(record, strike) and same_incident(shelled, record)
    # A car bomb that killed civilians is UCDP's one-sided violence as much as a strike is.
    bomb = replace(strike, sub_event_type="Remote explosive/landmine/IED", actor1="Islamic State")
    assert same_incident(bomb, replace(record, actor1="Islamic State"))
    assert [e.duplicate_of for e in mark_duplicates([strike, record])] == ["", strike.event_id]
    # Nothing else is loosened: no civilians killed, another kind of strike, another kind of
    # violence against civilians, an article's own attack (a shooting), or a clash.
    for other, changed in [
        (replace(strike, fatalities=None), record),
        (replace(strike, fatalities=0), record),
        (replace(strike, actor2="Hayat Tahrir al-Sham", civilian_targeting=""), record),
        (replace(strike, sub_event_type="Looting/property destruction"), record),
        (strike, replace(record, sub_event_type="Abduction/forced disappearance")),
        (strike, replace(record, date_flag="exact")),
        (replace(strike, event_type="Battles", sub_event_type="Armed clash"), record),
    ]:
        assert not same_incident(other, changed), (other.sub_event_type, changed.sub_event_type)


def test_undated_events_are_never_merged(base_event: Event) -> None:
    a = replace(base_event, event_date="--03-11")
    b = replace(a, article_id="a2", event_id="X2", sources=("a2",))
    assert len(merge_duplicates([a, b])) == 2


def test_merge_keeps_order_and_is_stable(base_event: Event) -> None:
    e = base_event
    far = replace(e, article_id="a3", event_id="X3", sources=("a3",), latitude=33.5, longitude=36.3)
    twin = replace(e, article_id="a2", event_id="X2", sources=("a2",))
    out = merge_duplicates([e, far, twin])
    assert [x.event_id for x in out] == [e.event_id, "X3"]
    assert merge_duplicates(out) == out


def test_weapon_that_killed_names_the_agent_not_a_victim() -> None:
    from geomap.pipeline import text_to_events

    (e,) = text_to_events(
        "On Friday, Russian air strikes killed at least 14 civilians near the town of Mayadin.",
        published="2017-10-08",
    )
    assert e.actor1 == "Military Forces of Russia"
    assert e.actor2 == "Civilians"
    assert e.fatalities == 14
    # Headline style, nothing after the verb: the named group is the victim ...
    (v,) = text_to_events(
        "On Friday, 12 ISIS fighters were killed by a roadside bomb near the town of Mayadin.", published="2017-10-08"
    )
    assert v.actor1 != "Islamic State" and v.actor2 == "Islamic State"
    # ... except in a clash, where both sides fight and ACLED always names actor1: the one
    # side the text names is actor1, the other is left empty rather than guessed.
    (c,) = text_to_events(
        "On Friday, 12 ISIS fighters killed in clashes near the town of Mayadin.", published="2017-10-08"
    )
    assert (c.sub_event_type, c.actor1, c.actor2) == ("Armed clash", "Islamic State", "")


def test_duplicates_east_west_within_10_km_are_found(base_event: Event) -> None:
    # A tenth of a degree of longitude is ~9 km at 36°N: 9.5 km apart spans two cells.
    a = replace(base_event, latitude=36.0, longitude=37.049)
    b = replace(a, article_id="a2", event_id="X2", sources=("a2",), longitude=37.049 + 0.1055)
    assert 9.0 < _geo.km(a.latitude, a.longitude, b.latitude, b.longitude) < 10.0
    assert len(merge_duplicates([a, b])) == 1


def test_mark_duplicates_agrees_with_comparing_every_pair(base_event: Event) -> None:
    # The day-and-cell index must find exactly what comparing against every earlier
    # incident record finds; each record joins the earliest one it repeats.
    rng = random.Random(7)
    evs = [
        replace(
            base_event,
            event_id=f"E{i}",
            article_id=f"a{i}",
            sources=(f"a{i}",),
            event_date=f"2019-03-{rng.randint(10, 16):02d}",
            latitude=35.9 + rng.random() * 0.3,
            longitude=36.6 + rng.random() * 0.3,
            actor1=rng.choice(["Military Forces of Russia", "Islamic State", ""]),
        )
        for i in range(300)
    ]
    canon: list[Event] = []
    expected: list[str] = []
    for e in evs:
        first = next((c for c in canon if same_incident(c, e)), None)
        if first is None:
            canon.append(e)
        expected.append(first.event_id if first else "")
    assert [e.duplicate_of for e in mark_duplicates(evs)] == expected
    assert any(expected) and not all(expected)


def test_a_dated_report_by_another_actor_at_the_same_place_is_another_incident(events) -> None:
    evs = events(
        "Coalition aircraft struck ISIS positions in the town of Hajin on Sunday. "
        "On 2 December, Islamic State fighters attacked SDF positions near Hajin, killing eleven SDF fighters.",
        "2018-12-04",
    )
    got = sorted((e.sub_event_type, e.actor1, e.actor2, e.fatalities) for e in evs)
    assert got == [
        ("Air/drone strike", "US-led coalition", "Islamic State", None),
        ("Armed clash", "Islamic State", "Syrian Democratic Forces", 11),
    ]


def test_an_undated_follow_up_by_another_actor_adds_to_the_first_report(events) -> None:
    evs = events(
        "On Sunday, HTS fighters attacked army positions near Suran. "
        "The army responded with artillery fire on militant positions near Suran."
    )
    assert len(evs) == 1


def test_an_attack_on_a_named_armed_side_stays_a_clash_beside_an_air_strike(events) -> None:
    evs = events(
        "On Sunday, coalition aircraft carried out airstrikes on the village of al-Susah. "
        "On Saturday, ISIS members attacked SAA positions near al-Mayadin; 2 soldiers were killed."
    )
    assert {e.actor1: e.sub_event_type for e in evs}["Islamic State"] == "Armed clash"


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        # The force whose checkpoint was hit is the target, not the bomber.
        (
            "On Monday a car bomb exploded near a checkpoint of the Syrian Democratic Forces in Raqqa, killing three.",
            "Unidentified armed group",
            "Syrian Democratic Forces",
        ),
        # Violence against civilians and arrests of unarmed people name civilians second.
        ("On Monday, Daesh militants executed five men in Mayadin.", "Islamic State", "Civilians"),
        ("On Monday, regime security forces arrested a prominent activist in Douma.", "Syrian Arab Army", "Civilians"),
        # A state named as who struck is its forces.
        ("On Monday, Israel struck a weapons depot near Masyaf.", "Israel Defense Forces", ""),
        ("Turkey has shelled the village of Tal Rifaat, killing two civilians.", "Turkish Armed Forces", "Civilians"),
        # Who says it is no party when what it says has its own subject ...
        ("The Damascus government said Israeli jets struck a site near Masyaf on Monday.", "Israel Defense Forces", ""),
        # ... unless it reports its own losses; "it" keeps the speaker as who acted.
        (
            "The SDF said ISIS gunmen killed two of its fighters near Abu Kamal.",
            "Islamic State",
            "Syrian Democratic Forces",
        ),
        (
            "The army said it shelled rebel positions near Jisr al-Shughur.",
            "Syrian Arab Army",
            "Syrian opposition armed groups",
        ),
        # The force hit by an air strike is not the one that flew it.
        (
            "A Turkish convoy was hit by an airstrike near Khan Shaykhun.",
            "Unidentified military forces",
            "Turkish Armed Forces",
        ),
    ],
)
def test_who_was_acted_on(one, text: str, actor1: str, actor2: str) -> None:
    e = one(text)
    assert (e.actor1, e.actor2) == (actor1, actor2)


@pytest.mark.parametrize(
    ("text", "published", "dates"),
    [
        (
            "On 5 May, Russian jets bombed Kafranbel. A day earlier, a drone strike hit a car near Saraqib.",
            "2018-05-08",
            ["2018-05-04", "2018-05-05"],
        ),
        (
            "On April 3, rebels shelled Suqaylabiyah. Two days later, Hayat Tahrir al-Sham shelled Mhardeh.",
            None,
            ["--04-03", "--04-05"],
        ),
        (
            "On March 10, jets struck Ariha. The previous day, rockets hit the town of Mhardeh.",
            "2019-03-12",
            ["2019-03-09", "2019-03-10"],
        ),
        # "The next day" counts on from the day before it, with or without the article's date.
        (
            "On April 3, rebels shelled Suqaylabiyah. The next day, Hayat Tahrir al-Sham shelled Mhardeh.",
            None,
            ["--04-03", "--04-04"],
        ),
        (
            "On April 3, rebels shelled Suqaylabiyah. The following day, Hayat Tahrir al-Sham shelled Mhardeh.",
            "2019-04-08",
            ["2019-04-03", "2019-04-04"],
        ),
    ],
)
def test_days_counted_from_the_day_reported_before(events, text: str, published: str | None, dates: list[str]) -> None:
    assert sorted(e.event_date for e in events(text, published)) == dates


@pytest.mark.parametrize(
    "text", ["On 5 May, Russian jets bombed Kafranbel.", "On May 5, Russian jets bombed Kafranbel."]
)
def test_the_month_may_is_not_the_modal_may(one, text: str) -> None:
    assert one(text, "2018-05-08").sub_event_type == "Air/drone strike"


def test_the_modal_may_is_still_a_non_event(events) -> None:
    assert events("The militants may attack Saraqib soon, officials warned.") == []


def test_one_sentence_two_incidents_two_counts(events) -> None:
    evs = events(
        "On Monday regime forces shelled Douma, killing nine civilians, "
        "while rebels fired mortars into Damascus, killing two."
    )
    got = sorted((e.location, e.actor1, e.fatalities) for e in evs)
    assert got == [("Damascus", "Syrian opposition armed groups", 2), ("Douma", "Syrian Arab Army", 9)]


def test_two_incidents_joined_by_as_without_a_comma(events) -> None:
    evs = events(
        "Rebel-held Maarat al-Numan came under heavy bombardment on Sunday as rebels "
        "and pro-government forces battled for control of Khan Tuman."
    )
    got = {e.sub_event_type: e for e in evs}
    assert set(got) == {"Shelling/artillery/missile attack", "Armed clash"}
    assert got["Armed clash"].location in ("Khan Tuman", "Khan Touman")
    shelled = got["Shelling/artillery/missile attack"]
    # The town is rebel-held; the rebels did not bombard it.
    assert shelled.location == "Maarat al-Numan" and shelled.actor1 != "Syrian opposition armed groups"


@pytest.mark.parametrize(
    "text",
    [
        "airstrikes hit Saraqib as well as shelling in Binnish",
        "as many as 20 fighters were killed in clashes in Morek",
        "towns such as Saraqib were shelled",
        "the group known as Liwa al-Haq shelled Binnish",
        "shelled Douma as part of an offensive on Harasta",
        "twice as many as last week",
        "three rebels were killed in Latamneh while trying to advance on Kafr Zita",
        "Harasta was shelled, as part of a push on Douma",
    ],
)
def test_phrases_with_as_and_while_do_not_cut_a_sentence(text: str) -> None:
    from geomap.events.assemble import _TWO_REPORTS

    assert _TWO_REPORTS.search(text) is None


def test_as_well_as_keeps_one_report(events) -> None:
    evs = events("On Sunday airstrikes hit Saraqib as well as shelling in Binnish, killing 4.")
    assert [e.fatalities for e in evs if e.fatalities] == [4]
    assert next(e for e in evs if e.fatalities).location == "Saraqib"


def test_a_clause_without_its_own_place_is_not_cut_off(one) -> None:
    e = one("On Monday jets struck Saraqib; 4 civilians were killed and 9 wounded.")
    assert (e.location, e.fatalities, e.injuries) == ("Saraqib", 4, 9)


@pytest.mark.parametrize(
    "text",
    [
        "ISIS gunmen killed three truffle hunters near Masyaf on Monday.",
        "On Monday, HTS gunmen opened fire on the crowd in Maarat al-Numan, killing two.",
        # One civilian, named by trade or by name and trade.
        "Unknown gunmen killed a pharmacist in Masyaf on Monday.",
        "Unknown gunmen killed Omar al-Khatib, a local activist, in Masyaf on Monday.",
    ],
)
def test_armed_men_killing_civilians_is_violence_against_civilians(one, text: str) -> None:
    e = one(text)
    assert (e.event_type, e.sub_event_type, e.actor2) == ("Violence against civilians", "Attack", "Civilians")
    assert e.civilian_targeting == "Civilian targeting"


def test_a_country_in_a_place_phrase_is_not_an_actor(events) -> None:
    assert events("Flights from Russia struck by delays on Monday.", THURSDAY) == []


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # State and opposition media write of martyrs; Turkey's ministry of the "neutralized".
        ("On Monday, regime shelling targeted the town of Khan Shaykhun, martyring 11 civilians.", 11),
        ("On Monday, 11 civilians were martyred in regime shelling on Khan Shaykhun.", 11),
        ("The Turkish Defence Ministry said on Monday it had neutralized 12 YPG fighters near Tal Rifaat.", 12),
        ("On Monday, a child was found dead in Khan Shaykhun.", 1),
    ],
)
def test_martyred_neutralized_and_found_dead_are_deaths(one, text: str, killed: int) -> None:
    assert one(text).fatalities == killed


def test_a_body_found_is_a_killing_and_a_mass_grave_a_finding(one) -> None:
    e = one("On Monday, the body of a man was found with gunshot wounds near Khan Shaykhun.")
    assert (e.event_type, e.sub_event_type, e.fatalities) == ("Violence against civilians", "Attack", 1)
    assert e.actor2 == "Civilians"
    # Bodies recovered after a strike are the strike's toll.
    e = one("On Monday, rescuers recovered the bodies of 12 people after the airstrike on Khan Shaykhun.")
    assert (e.sub_event_type, e.fatalities) == ("Air/drone strike", 12)
    e = one("On Monday, the bodies of five men were found in a mass grave near Khan Shaykhun.")
    assert (e.event_type, e.sub_event_type) == ("Strategic developments", "Other")


@pytest.mark.parametrize(
    "text",
    [
        "The documentation office recorded 41 assassination operations in Daraa governorate in March, which killed 30 people.",
        "The centre registered 17 shelling attacks by militants in the de-escalation zone, Idlib province - 9, Hama province - 8.",
        "Monitors documented 120 airstrikes on the province since the beginning of the year.",
    ],
)
def test_a_monitors_tally_is_not_an_incident(events, text: str) -> None:
    assert events(text, THURSDAY) == []


def test_a_monitor_documenting_one_incident_is_still_an_incident(one) -> None:
    e = one("On Monday, monitors documented the deaths of 12 civilians in airstrikes on Khan Shaykhun.")
    assert (e.sub_event_type, e.fatalities) == ("Air/drone strike", 12)


def test_missiles_shot_down_elsewhere_are_the_strike_already_reported(events) -> None:
    [e] = events(
        "Israeli jets fired missiles at a research centre near Masyaf on Monday, and the defence ministry "
        "said air defences had intercepted some of the missiles over Safita and Tartus.",
        THURSDAY,
    )
    assert (e.location, e.sub_event_type, e.actor1) == ("Masyaf", "Air/drone strike", "Israel Defense Forces")


def test_a_second_account_of_one_incident_in_an_article_is_one_event(events) -> None:
    text = (
        "Jihadists of the Islamic State group ambushed a convoy of army trucks in the Syrian desert on "
        "Wednesday, killing 19 soldiers, a war monitor said.\n\n"
        "The attack took place near Maadan on the road along the Euphrates, the monitor said.\n\n"
        "State media said a terrorist attack on military vehicles near Maadan killed 19 people.\n\n"
        "Russian warplanes struck the desert around Resafa on Thursday."
    )
    evs = events(text, THURSDAY)
    ambush = [e for e in evs if e.fatalities == 19]
    assert len(ambush) == 1, [(e.location, e.fatalities) for e in evs]
    # The place the follow-up gives, not the desert.
    assert (ambush[0].location, ambush[0].actor1, ambush[0].event_date) == ("Maadan", "Islamic State", "2018-11-07")
    # Another incident stays apart.
    assert any(e.location == "Resafa" for e in evs)


def test_a_reprisals_cause_is_not_its_toll(one) -> None:
    e = one("On Monday, jets bombed Khan Shaykhun in revenge for the deaths of five soldiers, activists said.")
    assert e.fatalities is None
    e = one("On Monday, jets bombed Khan Shaykhun in retaliation for an attack, killing seven civilians.")
    assert e.fatalities == 7


def test_two_incidents_with_the_same_toll_stay_two(events) -> None:
    evs = events(
        "On Monday, regime shelling killed six civilians in Khan Shaykhun. "
        "On Monday, a car bomb killed six people in Tal Rifaat.",
        THURSDAY,
    )
    assert sorted(e.location for e in evs) == ["Khan Shaykhun", "Tal Rifaat"]


def test_a_protest_against_the_fighting_is_a_protest(one) -> None:
    e = one("Residents of Idlib city protested on Wednesday against the fighting and the shelling.")
    assert (e.event_type, e.sub_event_type) == ("Protests", "Peaceful protest")


def test_an_old_year_before_the_report_makes_it_history(events) -> None:
    assert events("The town recalls the 1982 massacre, when the army besieged Hama and killed thousands.") == []
    # A count is no year.
    [e] = events("More than 2000 people were killed in shelling on Douma, medics said.")
    assert e.location == "Douma"
    # A year after the report is a detail of today's news.
    [e] = events("Jets struck Saraqib on Monday, a town the rebels have held since 2012, killing four.")
    assert (e.location, e.fatalities) == ("Saraqib", 4)
    # The rebels hold the town; they did not strike it.
    assert e.actor1 != "Syrian opposition armed groups"


# -- captures, backing and background (session 13) ---------------------------------


@pytest.mark.parametrize(
    ("text", "sub", "actor1"),
    [
        # SANA's idiom for a town retaken.
        (
            "Army units on Tuesday restored security and stability to Safita after eliminating the last terrorists.",
            "Government regains territory",
            "Syrian Arab Army",
        ),
        # Passive, as the Turkish ministry writes it.
        (
            "The centre of Tal Rifaat has been taken under control by the Turkish Armed Forces on Tuesday.",
            "Non-state actor overtakes territory",
            "Turkish Armed Forces",
        ),
        # The clashes before a capture are its background, not the event.
        (
            "HTS took full control of Jisr al-Shughur on Tuesday after clashes with the Nour al-Din al-Zenki Movement.",
            "Non-state actor overtakes territory",
            "Hayat Tahrir al-Sham",
        ),
        (
            "Syrian troops captured Masyaf on Tuesday after a three-week offensive.",
            "Government regains territory",
            "Syrian Arab Army",
        ),
        ("IS militants seized the town of Maadan on Tuesday.", "Non-state actor overtakes territory", "Islamic State"),
    ],
)
def test_captures_in_the_words_the_news_uses(one, text, sub, actor1):
    e = one(text)
    assert (e.event_type, e.sub_event_type, e.actor1) == ("Battles", sub, actor1)


def test_a_backer_is_neither_the_event_type_nor_the_enemy(one):
    e = one(
        "Syrian government forces, backed by Russian warplanes, captured the town of Khan Shaykhun "
        "from jihadist rebels on Tuesday."
    )
    assert (e.sub_event_type, e.actor1) == ("Government regains territory", "Syrian Arab Army")
    assert e.actor2 != "Military Forces of Russia"


def test_members_named_with_their_group_are_not_its_enemy(one):
    e = one("Rebels including Jund al-Aqsa and Jaish al-Izza captured Masyaf from the army on Monday.")
    assert (e.actor1, e.actor2) == ("Syrian opposition armed groups", "Syrian Arab Army")


def test_a_weapon_stopped_before_it_struck_is_disrupted_weapons_use(events, one):
    e = one("Army units intercepted and destroyed a booby-trapped vehicle on the outskirts of Safita on Tuesday.")
    assert (e.event_type, e.sub_event_type, e.actor1) == (
        "Strategic developments",
        "Disrupted weapons use",
        "Syrian Arab Army",
    )
    # A strike reported in the same sentence is still the event.
    e = one("Israeli missiles struck Masyaf on Tuesday and air defences intercepted some of the missiles.")
    assert e.sub_event_type in ("Air/drone strike", "Shelling/artillery/missile attack")


def test_a_hedged_attribution_keeps_the_air_strike(one):
    e = one("Unidentified aircraft, believed to be Israeli, struck positions near Abu Kamal on Sunday, killing 18.")
    assert (e.sub_event_type, e.fatalities) == ("Air/drone strike", 18)


@pytest.mark.parametrize(
    "text",
    [
        "The UN envoy condemned air strikes on markets in Masyaf, where more than 300 civilians have been killed since early March.",
        "Erdogan said Ankara was determined to press on with its offensive near Tal Rifaat.",
    ],
)
def test_a_running_total_or_a_resolve_is_no_incident(events, text):
    assert events(text) == []


def test_a_second_incident_at_the_same_place_and_day(events):
    evs = events(
        "A car bomb exploded in Tal Rifaat on Tuesday, killing 5. "
        "Later on Tuesday, a second car bomb exploded near a hospital in Tal Rifaat, killing 3."
    )
    # ACLED: one event per place, day and actors, with the dead of both bombs.
    assert [(e.location, e.fatalities) for e in evs] == [("Tal Rifaat", 8)]
    evs = events(
        "Russian warplanes struck Khan Shaykhun on Tuesday, killing 4. Regime artillery also shelled the town, killing 2."
    )
    assert sorted((e.sub_event_type, e.actor1, e.fatalities) for e in evs) == [
        ("Air/drone strike", "Military Forces of Russia", 4),
        ("Shelling/artillery/missile attack", "Syrian Arab Army", 2),
    ]
    # A retelling that adds only who was hurt stays one event.
    evs = events(
        "An Israeli attack on a camp near Masyaf killed three fighters on Tuesday. "
        "Two fighters were also wounded in the Israeli air strike, an official said."
    )
    assert len(evs) == 1 and evs[0].fatalities == 3


def test_crowds_riot_and_forces_intervene(one):
    e = one(
        "Protesters blocked roads with burning tires and stormed an SDF checkpoint in Maadan on Monday, throwing stones."
    )
    assert (e.event_type, e.sub_event_type, e.actor1, e.actor2) == (
        "Riots",
        "Violent demonstration",
        "Rioters",
        "Syrian Democratic Forces",
    )
    e = one("Angry residents in Safita beat to death a man accused of kidnapping on Monday.")
    assert (e.event_type, e.sub_event_type, e.actor1, e.fatalities) == ("Riots", "Mob violence", "Rioters", 1)
    e = one("Security forces fired tear gas to disperse a protest in Masyaf on Monday.")
    assert (e.event_type, e.sub_event_type) == ("Protests", "Protest with intervention")


def test_a_relative_clause_of_intent_does_not_cancel_the_report(one):
    e = one(
        "Seven YPG terrorists who were preparing to attack the region were neutralised by our heroic "
        "commandos near Tal Rifaat on Tuesday."
    )
    assert (e.actor1, e.actor2) == ("Turkish Armed Forces", "People's Protection Units (YPG)")


def test_arrests_are_not_civilian_targeting(one):
    e = one("Regime security services arrested twelve young men in Masyaf on Monday.")
    assert (e.sub_event_type, e.actor1, e.actor2, e.civilian_targeting) == (
        "Arrests",
        "Syrian Arab Army",
        "Civilians",
        "",
    )


def test_a_phrase_governs_only_the_trigger_right_after_it(one):
    # "supported by coalition aircraft" is the backing; "repelled" is what the SDF did.
    e = one("On Tuesday, SDF members supported by US-led coalition aircraft repelled an IS attack near Maadan.")
    assert (e.event_type, e.sub_event_type, e.actor1) == ("Battles", "Armed clash", "Syrian Democratic Forces")
    # People captured after clashes are no ground taken: the clashes are the event.
    e = one("On Tuesday, following clashes near Maadan, 28 SDF fighters were killed and 8 were captured.")
    assert (e.event_type, e.sub_event_type) == ("Battles", "Armed clash")


def test_unnamed_soldiers_hit_are_the_syrian_army(one):
    # No force is named for the dead soldiers or the army post: in Syria they are the army's.
    e = one("Militants attacked an army checkpoint near Masyaf on Tuesday, killing seven soldiers.")
    assert (e.actor2, e.fatalities) == ("Syrian Arab Army", 7)
    e = one("Gunmen ambushed a bus carrying soldiers near Safita on Tuesday, killing four.")
    assert e.actor2 == "Syrian Arab Army"
    # Another state's soldiers are that state's; the army's own shelling hits no army.
    e = one("Militants attacked a checkpoint near Tal Rifaat on Tuesday, killing seven Turkish soldiers.")
    assert e.actor2 == "Turkish Armed Forces"
    e = one("Regime artillery shelled Khan Shaykhun on Tuesday, killing three civilians.")
    assert e.actor2 == "Civilians"


def test_militiamen_of_a_named_camp_are_that_camp(one):
    e = one("An IED attack near Maadan killed five Iranian-backed militiamen on Monday.")
    assert (e.actor2, e.fatalities) == ("Iran-backed militias", 5)


def test_a_linked_descriptor_is_not_an_actor(one):
    # "the al Qaeda-linked Hurras al-Din": the group is Hurras al-Din; al-Qaeda only describes it.
    e = one(
        "A US drone strike near Qadmous killed two commanders of the al Qaeda-linked Hurras al-Din group on Sunday."
    )
    assert (e.actor1, e.actor2) == ("Military Forces of the United States", "Hurras al-Din")
    e = one("US-backed SDF fighters repelled an IS attack near Maadan on Monday.")
    assert (e.actor1, e.actor2, e.assoc_actor_1) == ("Syrian Democratic Forces", "Islamic State", "")


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2015-06-04", "Jabhat al-Nusra"),
        ("2016-10-13", "Jabhat Fateh al-Sham"),
        ("2019-06-06", "Hayat Tahrir al-Sham"),
    ],
)
def test_nusra_is_coded_by_the_name_it_had_on_the_day(one, published, expected):
    # State media kept calling HTS "Nusra"; ACLED codes the group as it was named on the day.
    e = one("Army units killed 20 Jabhat al-Nusra terrorists in Khan Shaykhun on Monday.", published)
    assert e.actor2 == expected
    assert e.actor1 == "Syrian Arab Army"


def test_and_n_more_elsewhere_is_a_second_incident(events):
    evs = events("IS fighters executed 12 people in Maadan on 28 April and three more in Abu Kamal on 3 May.")
    got = sorted((e.location, e.event_date, e.sub_event_type, e.actor1, e.fatalities) for e in evs)
    year = THURSDAY[:4]
    assert got == [
        ("Abu Kamal", f"{year}-05-03", "Attack", "Islamic State", 3),
        ("Maadan", f"{year}-04-28", "Attack", "Islamic State", 12),
    ]
    # The day named at the end is both clauses' day; the wounded are no more dead.
    evs = events("Russian jets killed 5 civilians in Masyaf and two others in Safita on Monday.")
    got = sorted((e.location, e.event_date, e.fatalities) for e in evs)
    assert got == [("Masyaf", "2018-11-05", 5), ("Safita", "2018-11-05", 2)]
    evs = events("Regime shelling killed 12 people in Masyaf on Tuesday and three more were wounded in Safita.")
    assert sorted((e.location, e.fatalities) for e in evs) == [("Masyaf", 12), ("Safita", 0)]


def test_the_ends_of_a_road_are_not_the_site(one):
    e = one("A roadside bomb exploded on the Masyaf-Safita road near Qadmous on Monday, killing two.")
    assert (e.location, e.geo_precision, e.fatalities) == ("al-Qadmus", 2, 2)
    e = one("Gunmen ambushed a convoy on the Masyaf highway near Qadmous on Monday.")
    assert (e.location, e.geo_precision) == ("al-Qadmus", 2)
    # Only the road's ends named: on the road near the first one, not in the town.
    e = one("A roadside bomb exploded on the Masyaf-Safita road on Monday, killing two.")
    assert (e.location, e.geo_precision) == ("Masyaf", 2)


@pytest.mark.parametrize(
    ("sentence", "sub", "pair"),
    [
        (
            "Rebels in Maadan agreed on Monday to hand over their heavy weapons under a deal with Russian military police.",
            "Agreement",
            ("Syrian opposition armed groups", "Military Forces of Russia"),
        ),
        (
            "Rebels and government negotiators reached a reconciliation deal for Qadmous on Monday.",
            "Agreement",
            ("Syrian opposition armed groups", ""),
        ),
        (
            "The IRGC began building a new military base on the outskirts of Abu Kamal on Monday.",
            "Headquarters or base established",
            ("Military Forces of Iran", ""),
        ),
        (
            "Russian forces set up a new military base near Tal Rifaat on Monday.",
            "Headquarters or base established",
            ("Military Forces of Russia", ""),
        ),
        (
            "Government troops entered Tal Rifaat on Monday, taking over positions that the SDF handed over.",
            "Non-violent transfer of territory",
            ("Syrian Arab Army", "Syrian Democratic Forces"),
        ),
        # Who took the positions over acted, whoever the sentence names first.
        (
            "The SDF handed over its positions in Tal Rifaat to government forces on Monday.",
            "Non-violent transfer of territory",
            ("Syrian Arab Army", "Syrian Democratic Forces"),
        ),
        (
            "Government forces deployed in Tal Rifaat on Monday after the SDF withdrew.",
            "Non-violent transfer of territory",
            ("Syrian Arab Army", "Syrian Democratic Forces"),
        ),
    ],
)
def test_agreements_bases_and_handovers(one, sentence, sub, pair):
    e = one(sentence)
    assert (e.event_type, e.sub_event_type, (e.actor1, e.actor2)) == ("Strategic developments", sub, pair)


def test_the_mercenaries_of_kurdish_and_state_media_are_the_sna(one):
    e = one("On Monday the SDF repelled an attack by the mercenaries on the village of Tal Rifaat.")
    assert (e.actor1, e.actor2) == ("Syrian National Army", "Syrian Democratic Forces")
    e = one("Russian mercenaries clashed with IS near Maadan on Monday.")
    assert e.actor1 == "Wagner Group"


@pytest.mark.parametrize(
    "text",
    [
        # The day a period began is not the day of the deed; the reporting aside is the outlet's day.
        "On Monday, Russian jets struck Masyaf, killing four civilians. "
        "The raid was the first Russian strike on the town since mid-September.",
        "On Monday, Russian jets struck Masyaf, killing four civilians. "
        "As we noted last week, the Safita front has stayed quiet since the end of 2016, "
        "when government forces took full control of the town.",
        # "meanwhile" carries on the sentence before it: here a summary of past years.
        "On Monday, Russian jets struck Masyaf, killing four civilians. "
        "In the period from 2016 to 2018, the SDF took Maadan and Tal Rifaat from ISIS. "
        "Turkey, meanwhile, captured Abu Kamal and Safita in two operations.",
    ],
)
def test_background_periods_make_no_event(events, text):
    evs = events(text)
    assert [(e.location, e.event_date, e.sub_event_type) for e in evs] == [("Masyaf", "2018-11-05", "Air/drone strike")]


def test_a_period_does_not_hide_an_ongoing_fight_or_a_dated_deed(events):
    evs = events("Clashes have raged since Monday in Masyaf, killing 12.")
    assert [(e.location, e.event_date, e.fatalities) for e in evs] == [("Masyaf", "2018-11-05", 12)]
    evs = events("On Tuesday regime jets struck Safita for the first time since March, killing two.")
    assert [(e.location, e.event_date) for e in evs] == [("Safita", "2018-11-06")]


def test_troops_sent_to_posts_already_held_are_no_new_base(events, one):
    assert (
        events("Ankara has deployed additional troops to its observation posts near Masyaf and Safita this week.") == []
    )
    e = one("Turkey set up a new observation post near Masyaf on Monday.")
    assert (e.sub_event_type, e.actor1) == ("Headquarters or base established", "Turkish Armed Forces")


def test_a_state_as_subject_with_meanwhile_is_its_forces(one):
    e = one("On Monday, Turkey, meanwhile, captured Safita after heavy clashes with the YPG.")
    assert (e.actor1, e.actor2) == ("Turkish Armed Forces", "People's Protection Units (YPG)")


@pytest.mark.parametrize(
    ("text", "published", "pair", "assoc"),
    [
        # Two groups sharing one deed against a third are one side.
        (
            "Ahrar al-Sham and HTS fighters attacked regime positions in Masyaf on Monday.",
            THURSDAY,
            ("Ahrar al-Sham", "Syrian Arab Army"),
            "Hayat Tahrir al-Sham",
        ),
        (
            "Rebels and HTS militants clashed with regime forces in Masyaf on Monday.",
            THURSDAY,
            ("Syrian opposition armed groups", "Syrian Arab Army"),
            "Hayat Tahrir al-Sham",
        ),
        # The partner goes by the name it had on the day, as the actor does.
        (
            "Ahrar al-Sham and Nusra fighters stormed army checkpoints in Masyaf on Monday.",
            "2019-05-10",
            ("Ahrar al-Sham", "Syrian Arab Army"),
            "Hayat Tahrir al-Sham",
        ),
        # A fight between them, not a shared deed.
        (
            "HTS and Ahrar al-Sham fighters clashed in Masyaf on Monday.",
            THURSDAY,
            ("Hayat Tahrir al-Sham", "Ahrar al-Sham"),
            "",
        ),
        # Two jihadist groups are no partners for being both jihadist.
        (
            "Nusra militants clashed with ISIS in Masyaf on Monday.",
            "2015-05-10",
            ("Jabhat al-Nusra", "Islamic State"),
            "",
        ),
        # Each side's dead: the two sides fought.
        (
            "SDF and ISIS fighters were killed in clashes in Maadan on Monday.",
            THURSDAY,
            ("Syrian Democratic Forces", "Islamic State"),
            "",
        ),
    ],
)
def test_who_fought_alongside_whom(one, text, published, pair, assoc):
    e = one(text, published)
    assert ((e.actor1, e.actor2), e.assoc_actor_1) == (pair, assoc)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # Who is in a subordinate clause before the deed is no party to it.
        (
            "On Tuesday, while the militants were busy fighting each other, the Syrian Arab Army "
            "shelled the village of Masyaf, injuring 4 civilians.",
            ("Syrian Arab Army", "Civilians"),
        ),
        # "militants of X" are X.
        (
            "On Sunday, militants of Jaish al-Izza attacked positions of the Syrian Arab Army near Masyaf.",
            ("Jaysh al-Izza", "Syrian Arab Army"),
        ),
        # The one killed is hit, not who acted.
        (
            "On Tuesday, an IED exploded targeting a car near Safita, killing a former rebel commander.",
            ("Unidentified armed group", "Former rebels"),
        ),
        # Only states fly jets: a group named in passing is not the one who struck.
        ("Jets struck Maadan on Monday, though ISIS denied it.", ("Unidentified military forces", "")),
    ],
)
def test_who_acted_and_who_was_hit(one, text, pair):
    e = one(text)
    assert (e.actor1, e.actor2) == pair


def test_a_drone_can_be_an_armed_groups(one):
    e = one("HTS drones attacked the Hmeimim airbase on Monday.")
    assert (e.sub_event_type, e.actor1) == ("Air/drone strike", "Hayat Tahrir al-Sham")


@pytest.mark.parametrize(
    "text",
    [
        "Turkish artillery shelled YPG positions near Tal Rifaat. A car bomb exploded in Safita, killing 2 civilians.",
        "Regime forces raided Masyaf on Monday. On Tuesday a car bomb exploded in Safita, killing 2 civilians. "
        "No group has claimed responsibility.",
    ],
)
def test_a_bomb_nobody_claimed_is_not_the_last_named_force(events, text):
    bomb = next(e for e in events(text) if e.location == "Safita")
    assert (bomb.sub_event_type, bomb.actor1) == ("Remote explosive/landmine/IED", "Unidentified armed group")


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        # "IS" the verb, in a sentence and in a shouting post, is no group.
        (
            "The humanitarian situation IS critical after shelling killed 3 civilians in Masyaf on Monday.",
            "Unidentified armed group",
        ),
        (
            "UPDATE: THE SHELLING IS CONTINUING ON MASYAF, WHERE 3 CIVILIANS WERE KILLED ON MONDAY.",
            "Unidentified armed group",
        ),
        ("BREAKING: IS FIGHTERS ATTACK MAADAN ON MONDAY", "Islamic State"),
        ("Residents said IS shelled Maadan on Monday.", "Islamic State"),
    ],
)
def test_is_the_verb_is_not_islamic_state(one, text, actor1):
    assert one(text).actor1 == actor1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Daesh gunmen killed three shepherds near Maadan on Monday.",
            ("Attack", "Islamic State", "Farmers and shepherds"),
        ),
        (
            "Armed men on motorcycles assassinated a local council member in Tal Rifaat on Monday.",
            ("Attack", "Unidentified armed group", "Civilians"),
        ),
        (
            "Two soldiers were killed on Monday when their vehicle hit a mine on the road near Safita.",
            ("Remote explosive/landmine/IED", "Unidentified armed group", "Syrian Arab Army"),
        ),
        # Denied who did it, not that it happened.
        (
            "Russia denied carrying out the airstrike on Jisr al-Shughur on Monday that killed 4 civilians.",
            ("Air/drone strike", "Unidentified military forces", "Civilians"),
        ),
    ],
)
def test_gunmen_mines_assassins_and_denials(one, text, expected):
    e = one(text)
    assert (e.sub_event_type, e.actor1, e.actor2) == expected


def test_a_denied_incident_is_none(events):
    assert events("The army denied that any shelling took place in Masyaf on Monday.") == []


def test_a_list_of_provinces_is_governorates(events):
    evs = events("Russian and Syrian warplanes pounded Hama, Idlib and Deir ez-Zor provinces on Monday.")
    assert [(e.location, e.geo_precision) for e in evs] == [
        ("Hama Governorate", 3),
        ("Idlib Governorate", 3),
        ("Deir ez-Zor Governorate", 3),
    ]


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("A car bomb in Tal Rifaat on Sunday killed 5 people; the toll later rose to 9.", 9),
        ("A car bomb killed 5 people in Safita on Sunday. The toll later rose to 9.", 9),
        ("Two children and their mother were killed in a regime air strike on Masyaf on Monday.", 3),
        (
            "The death toll from Sunday's car bomb in the Sheikh Maqsoud neighbourhood of Aleppo rose to 9, "
            "the Kurdish Red Crescent said.",
            9,
        ),
        (
            "IS fighters attacked an army post near Maadan on Monday, killing seven soldiers. IS lost two fighters in the attack.",
            9,
        ),
    ],
)
def test_tolls_that_grow_and_the_dead_of_both_sides(one, text, killed):
    assert one(text).fatalities == killed


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen believed to be Daesh members killed three shepherds near Maadan on Monday.",
        "Gunmen, suspected of being members of ISIS, killed three shepherds near Maadan on Monday.",
    ],
)
def test_a_suspicion_describes_the_gunmen(one, text):
    e = one(text)
    assert (e.sub_event_type, e.actor1, e.actor2) == ("Attack", "Unidentified armed group", "Farmers and shepherds")


def test_the_past_of_a_place_is_background(one):
    e = one("Masyaf, which was the site of heavy fighting in 2015, was shelled by regime forces on Monday.")
    assert (e.sub_event_type, e.event_date) == ("Shelling/artillery/missile attack", "2018-11-05")


def test_unidentified_aircraft_stay_unidentified_and_a_late_denial_of_claim_counts(events, one):
    e = one(
        "Unidentified aircraft struck positions of Iranian-backed militias near Abu Kamal late on Thursday, killing 6 fighters."
    )
    assert (e.actor1, e.actor2) == ("Unidentified military forces", "Iran-backed militias")
    evs = events(
        "Turkish artillery shelled YPG positions near Tal Rifaat on Saturday. On Sunday, a car bomb exploded near a "
        "church in Qadmous, killing 2 civilians. Police said the car had been parked there hours before the "
        "explosion. No group claimed responsibility."
    )
    bomb = next(e for e in evs if e.location == "al-Qadmus")
    assert bomb.actor1 == "Unidentified armed group"


@pytest.mark.parametrize(
    "text",
    [
        "Islamic State fighters stormed an army post near Masyaf, killing 12 soldiers, the monitor said on Wednesday"
        " after Tuesday's assault.",
        "Islamic State fighters stormed an army post near Masyaf, killing 12 soldiers, the monitor said after"
        " Tuesdays assault.",
        "Islamic State fighters stormed an army post near Masyaf on Tuesday, killing 12 soldiers, the monitor"
        " reported late on Wednesday.",
    ],
)
def test_the_day_of_the_deed_not_the_day_it_was_told(one, text: str) -> None:
    e = one(text)
    assert (e.event_date, e.location, e.fatalities) == ("2018-11-06", "Masyaf", 12)


def test_a_day_told_alone_still_dates_the_report(one) -> None:
    e = one(
        "Islamic State fighters stormed an army post near Masyaf, killing 12 soldiers, the monitor said on Tuesday."
    )
    assert e.event_date == "2018-11-06"
    e = one("Rebels in Khan Shaykhun protested on Fridays for months, activists said on Tuesday.")
    assert e.event_date == "2018-11-06"


def test_the_other_sides_dead_in_the_same_attack_add_up(one) -> None:
    e = one(
        "On Tuesday, ISIS militants attacked army positions near Safita, killing 4 soldiers. Twelve ISIS militants"
        " were also killed when the army repelled the attack."
    )
    assert (e.event_date, e.location, e.fatalities) == ("2018-11-06", "Safita", 16)


@pytest.mark.parametrize(
    ("text", "fatalities", "words"),
    [
        (
            "On Tuesday, ISIS militants attacked army positions near Safita, killing 4 soldiers. Dozens of ISIS"
            " militants were also killed when the army repelled the attack.",
            4,
            "Dozens more (not a number)",
        ),
        ("Rebels shelled Safita on Tuesday, killing two soldiers. Several civilians were also killed.", 2, "Several"),
        ("Rebels shelled Safita on Tuesday. Several civilians were also killed.", None, "Several"),
    ],
)
def test_a_vague_count_after_the_report_is_kept_as_words(one, text: str, fatalities: int | None, words: str) -> None:
    e = one(text)
    assert e.fatalities == fatalities
    assert words in e.fatalities_text


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "On Tuesday, ISIS launched a large counterattack against SDF positions north of Maadan, using armoured"
            " vehicles and suicide bombers.",
            "Armed clash",
        ),
        (
            "ISIS launched an assault on Maadan on Tuesday, led by two suicide car bombs, and clashes raged.",
            "Armed clash",
        ),
        ("A suicide bomber blew himself up at a checkpoint in Maadan on Tuesday, killing 5 fighters.", "Suicide bomb"),
        ("ISIS hit a checkpoint in Maadan with a suicide car bomb on Tuesday, killing 5 SDF fighters.", "Suicide bomb"),
    ],
)
def test_suicide_bombers_as_the_weapon_of_an_assault_make_a_battle(one, text: str, sub: str) -> None:
    assert one(text).sub_event_type == sub


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        (
            "A roadside bomb hit a car near Tal Rifaat, killing a former commander of a rebel faction who had"
            " settled with the government, along with his companion.",
            2,
        ),
        ("Gunmen shot dead a local official along with his two bodyguards in Safita.", 3),
        ("A sniper killed a farmer together with his son near Qadmous.", 2),
        # The one with him survived: one dead.
        ("Gunmen killed a local official near Safita, along with his driver, who was wounded.", 1),
    ],
)
def test_one_killed_along_with_those_beside_him(sentence: str, killed: int) -> None:
    from geomap.events.fatalities import find_casualties

    assert find_casualties(sentence).killed == killed


def test_the_one_a_headline_says_was_killed_did_not_kill(events) -> None:
    evs = events("IED Kills Former Rebel Commander Near Tal Rifaat\n\nAn explosive device went off near Tal Rifaat.")
    assert [e.actor1 for e in evs] == ["Unidentified armed group"]
    e = events("IED Kills Former Rebel Commander Near Tal Rifaat")[0]
    assert (e.actor1, e.actor2) == ("Unidentified armed group", "Former rebels")


def test_a_headline_actor_stays_with_its_own_part_of_the_headline(events) -> None:
    evs = events(
        "Turkish Shelling Near Tal Abyad, Car Bomb in Qamishli\n\n"
        "On Sunday, a car bomb exploded near a church in Qamishli, killing 2 civilians. No group claimed it."
    )
    assert [(e.location, e.sub_event_type, e.actor1) for e in evs] == [
        ("Qamishli", "Remote explosive/landmine/IED", "Unidentified armed group")
    ]
    evs = events("Turkish shelling hit Tal Abyad on Tuesday, and a car bomb exploded in Qamishli.")
    assert [(e.location, e.actor1) for e in evs] == [
        ("Tal Abyad", "Turkish Armed Forces"),
        ("Qamishli", "Unidentified armed group"),
    ]


def test_half_a_dozen_is_six(one) -> None:
    e = one("A roadside bomb killed half a dozen SDF fighters near al-Shaddadi on Thursday.")
    assert (e.actor1, e.actor2, e.fatalities) == ("Unidentified armed group", "Syrian Democratic Forces", 6)


def test_killed_in_the_regimes_shelling_names_who_shelled(one) -> None:
    e = one("Four children were among the people killed in Syrian regime shelling on Jisr al-Shughur on Tuesday.")
    assert (e.actor1, e.actor2) == ("Syrian Arab Army", "Civilians")


def test_the_day_of_a_date_is_not_a_count_of_the_force_after_it(one) -> None:
    e = one(
        "Published April 24 2017 Assad regime forces carried out airstrikes on Khan Shaykhun, killing five civilians."
    )
    assert (e.actor1, e.actor2) == ("Syrian Arab Army", "Civilians")


def test_according_to_a_report_names_no_target(one) -> None:
    e = one("According to report ISIS has executed around 30 people in Maadan.")
    assert (e.actor1, e.actor2) == ("Islamic State", "Civilians")


def test_a_headline_group_names_the_terrorists_of_the_body(events) -> None:
    evs = events(
        "Hurras al-Din militants execute 12 men near Jisr al-Shughur\n\n"
        "Terrorists executed 12 men who tried to leave Jisr al-Shughur through a humanitarian corridor."
    )
    main = next(e for e in evs if e.primary)
    assert main.actor1 == "Hurras al-Din"


def test_an_anniversary_is_history_not_the_days_news(events) -> None:
    assert events("Ten years ago today, protests broke out in Daraa and security forces killed four protesters.") == []
    assert events("Two years ago, ISIS captured Maadan.") == []


def test_over_the_weekend_is_the_saturday_just_gone(one) -> None:
    e = one("At least 15 fighters died in clashes near Tal Abyad over the weekend.")  # told on a Thursday
    assert (e.event_date, e.time_precision, e.date_flag) == ("2018-11-03", 2, "approximate")


def test_a_strike_on_a_school_is_a_strike(one) -> None:
    e = one("On Tuesday, a strike on a school in Khan Shaykhun killed four children.")
    assert (e.sub_event_type, e.actor2, e.fatalities) == ("Air/drone strike", "Civilians", 4)


def test_a_state_that_says_its_jets_struck_is_who_struck(one) -> None:
    e = one("Russia said its jets had killed 30 terrorists near Khan Shaykhun on Monday.")
    assert (e.actor1, e.sub_event_type, e.fatalities) == ("Military Forces of Russia", "Air/drone strike", 30)


def test_helicopters_that_pound_a_town_strike_it_this_afternoon(one) -> None:
    e = one("Regime helicopters pounded Khan Shaykhun this afternoon, killing a young girl.")
    assert (e.sub_event_type, e.actor2, e.event_date, e.time_precision) == (
        "Air/drone strike",
        "Civilians",
        THURSDAY,
        1,
    )


def test_a_sniper_who_shoots_a_man_and_his_son_attacks_civilians(one) -> None:
    e = one("A sniper shot dead a man and his son near Qadmous on Tuesday.")
    assert (e.event_type, e.actor2, e.fatalities) == ("Violence against civilians", "Civilians", 2)


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("Two children were among 14 people killed by shelling in Tal Rifaat on Monday.", 14),
        ("At least four schoolchildren were among eight people killed in shelling on Masyaf.", 8),
    ],
)
def test_a_part_among_the_dead_is_not_the_toll(sentence: str, killed: int) -> None:
    from geomap.events.fatalities import find_casualties

    assert find_casualties(sentence).killed == killed


def test_where_the_shells_came_from_is_not_where_they_fell(one) -> None:
    e = one("Rebel shelling from Tal Rifaat hit the Aleppo neighbourhood of Salah al-Din on Thursday.")
    assert (e.location, e.admin1) == ("Salaheddine", "Aleppo")
    e = one("Rockets from Idlib hit Masyaf on Thursday.")
    assert e.location == "Masyaf"


def test_a_general_strike_is_no_air_strike(events) -> None:
    assert not [
        e for e in events("Workers went on a general strike in Masyaf on Monday.") if "strike" in e.sub_event_type
    ]


def test_what_an_attack_comes_a_day_after_came_first_and_is_its_own_deed(events) -> None:
    evs = events(
        "Government forces shelled Tal Rifaat on Tuesday. The attack comes a day after unknown gunmen killed a"
        " soldier in Masyaf."
    )
    assert [(e.location, e.event_date, e.sub_event_type) for e in evs] == [
        ("Tal Rifaat", "2018-11-06", "Shelling/artillery/missile attack"),
        ("Masyaf", "2018-11-05", "Armed clash"),
    ]


def test_an_earlier_deed_told_after_the_attack_came_is_not_the_attack_retold(events) -> None:
    # "The strikes came a day after ..." opens like a retelling ("The strike took place in ..."),
    # but the deed after "after" is another incident, with its own wounded.
    evs = events(
        "Government jets struck Tal Rifaat on Tuesday, killing three civilians. The strikes came a day after"
        " rebels shelled Masyaf, wounding four soldiers."
    )
    assert [(e.location, e.event_date, e.fatalities, e.injuries) for e in evs] == [
        ("Tal Rifaat", "2018-11-06", 3, None),
        ("Masyaf", "2018-11-05", 0, 4),
    ]
    evs = events("Government jets struck Tal Rifaat on Tuesday. The strike took place at dawn near Masyaf.")
    assert len(evs) == 1


def test_a_deed_told_as_a_time_mark_does_not_type_the_next(events) -> None:
    evs = events(
        "Government forces shelled Tal Rifaat on Monday. A day after the shelling, gunmen killed two civilians"
        " in Masyaf."
    )
    assert [(e.location, e.event_date, e.sub_event_type) for e in evs] == [
        ("Tal Rifaat", "2018-11-05", "Shelling/artillery/missile attack"),
        ("Masyaf", "2018-11-06", "Attack"),
    ]
    evs = events("Government forces shelled Tal Rifaat on Monday. The attack killed two civilians.")
    assert [(e.location, e.sub_event_type, e.fatalities) for e in evs] == [
        ("Tal Rifaat", "Shelling/artillery/missile attack", 2)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Jisr al-Shughur was captured by government forces on Tuesday after weeks of bombardment.",
        "The town of Jisr al-Shughur was fully captured by government forces on Tuesday.",
    ],
)
def test_a_town_that_was_captured_is_ground_taken(one, text: str) -> None:
    e = one(text)
    assert (e.sub_event_type, e.actor1, e.location) == (
        "Government regains territory",
        "Syrian Arab Army",
        "Jisr al-Shughur",
    )


def test_a_headline_that_kills_one_named_person_gives_the_toll(events) -> None:
    evs = events("IED Kills Former Rebel Commander Near Tal Rifaat\n\nAn explosive device went off near Tal Rifaat.")
    assert [(e.fatalities, e.fatalities_text) for e in evs] == [(1, "headline: Kills Former Rebel Commander")]
    from geomap.events.fatalities import find_casualties

    assert find_casualties("Sniper kills child in Masyaf").killed == 1
    assert find_casualties("Shelling kills civilians in Masyaf").killed is None  # no count


def test_the_car_of_a_commander_is_what_the_bomb_targeted(one) -> None:
    e = one("A bomb exploded on Tuesday in Tal Rifaat, targeting the car of a former rebel commander.")
    assert (e.actor1, e.actor2) == ("Unidentified armed group", "Former rebels")


def test_a_sniper_and_a_soldier_named_by_their_side(one) -> None:
    e = one("A government soldier was killed by rebel sniper fire in Tal Rifaat on Tuesday.")
    assert (e.sub_event_type, e.actor1, e.actor2, e.fatalities) == (
        "Armed clash",
        "Syrian opposition armed groups",
        "Syrian Arab Army",
        1,
    )


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("Two soldiers were captured by rebels near Khan Shaykhun on Tuesday.", "Armed clash"),
        (
            "Three shepherds were captured by ISIS militants near Abu Kamal on Tuesday.",
            "Abduction/forced disappearance",
        ),
    ],
)
def test_people_captured_are_no_ground_taken(one, text: str, sub: str) -> None:
    assert one(text).sub_event_type == sub


def test_a_headline_group_is_named_as_it_was_on_the_day(events) -> None:
    evs = events("Nusra Front shells Masyaf\n\nShells fell on the town of Masyaf on Tuesday, killing two civilians.")
    assert [(e.actor1, e.actor2, e.event_date) for e in evs] == [("Hayat Tahrir al-Sham", "Civilians", "2018-11-06")]
    evs = events("Nusra Front shells Masyaf\n\nShells fell on the town of Masyaf on Tuesday.", published="2014-03-06")
    assert [e.actor1 for e in evs] == ["Jabhat al-Nusra"]


def test_a_river_is_no_site_when_a_town_is_named_with_it(one) -> None:
    e = one("Government forces shelled SDF positions across the Euphrates from Abu Kamal on Tuesday.")
    assert (e.location, e.geo_precision, e.actor2) == ("Abu Kamal", 2, "Syrian Democratic Forces")


def test_an_aid_convoy_that_enters_a_town_is_who_acted(one) -> None:
    e = one(
        "On Tuesday, a UN convoy of 30 trucks entered the town of Safita, in cooperation with the Syrian Arab Red Crescent."
    )
    assert (e.sub_event_type, e.actor1, e.actor2) == ("Other", "United Nations", "")
    # Aid workers hit or arrested are still the ones acted on; a source is no party.
    assert one("Russian jets struck a UN aid convoy near Masyaf on Tuesday.").actor2 == "United Nations"
    e = one("UN staff were arrested in Masyaf on Tuesday.")
    assert (e.actor1, e.actor2) == ("", "United Nations")
    e = one("Shelling killed 12 people in Masyaf on Tuesday, according to the United Nations.")
    assert "United Nations" not in (e.actor1, e.actor2)


def test_the_missiles_told_of_again_keep_their_day(events) -> None:
    evs = events(
        "Syrian air defences intercepted several Israeli missiles over the countryside of Hama late on Tuesday.\n\n"
        "According to a military source, Israeli jets fired the missiles at an army depot near Masyaf."
    )
    assert ("Masyaf", "2018-11-06") in [(e.location, e.event_date) for e in evs]


def test_whose_intercepted_missiles_struck_is_who_attacked(one) -> None:
    e = one(
        "Syrian air defences intercepted Israeli missiles targeting an army depot near Masyaf on Tuesday; "
        "two soldiers were killed."
    )
    assert (e.sub_event_type, e.actor1, e.actor2, e.fatalities) == (
        "Air/drone strike",
        "Israel Defense Forces",
        "Syrian Arab Army",
        2,
    )
    # An interception with no harm told is the interceptor's deed.
    for text in (
        "Syrian air defences intercepted Israeli missiles over Masyaf on Tuesday.",
        "Syrian air defences intercepted a number of Israeli missiles over Masyaf late on Tuesday, state media reported.",
    ):
        e = one(text)
        assert (e.sub_event_type, e.actor1, e.actor2) == (
            "Disrupted weapons use",
            "Syrian Arab Army",
            "Israel Defense Forces",
        )


def test_shelling_that_killed_children_is_no_clash_of_soldiers_told_elsewhere(events) -> None:
    (strike,) = events("Heavy regime shelling hit Tal Rifaat on Tuesday, killing two children.", article_id="a")
    (clash,) = events(
        "Clashes near Tal Rifaat on Tuesday: 7 Syrian soldiers killed by rebel ATGM fire.", article_id="b"
    )
    assert (clash.actor1, clash.actor2) == ("Syrian opposition armed groups", "Syrian Arab Army")
    assert not same_incident(strike, clash)
    marked = mark_duplicates([strike, clash])
    assert [(e.duplicate_of, e.fatalities) for e in marked] == [("", 2), ("", 7)]
    # A battle and a strike on fighters can still be one fight told two ways.
    (shelled,) = events("Regime artillery shelled rebel positions in Tal Rifaat on Tuesday.", article_id="c")
    assert same_incident(shelled, clash)


def test_people_killed_are_no_mob(one) -> None:
    e = one("Three people were killed in Masyaf on Tuesday.")
    assert e.event_type != "Riots" and e.actor1 != "Rioters"
    assert one("Angry residents beat a man to death in Masyaf on Tuesday.").sub_event_type == "Mob violence"


def test_a_road_between_two_far_towns_is_one_incident_near_the_first(one) -> None:
    e = one("Gunmen ambushed an army convoy on the road between Safita and Abu Kamal on Monday, killing 13 soldiers.")
    assert (e.location, e.geo_precision, e.fatalities) == ("Safita", 2, 13)
    safita = load_gazetteer().search("Safita")[0]
    assert _geo.km(e.latitude, e.longitude, safita.lat, safita.lon) < 1


# --- events outside Syria (--country)

IRAQ_REPORT = (
    "Iraqi soldiers fought off an assault by Islamic State fighters on an army post near Tikrit "
    "on Sunday, killing four of the attackers.\n\n"
    "Militants also set off a roadside bomb near Kirkuk on Monday, killing two Iraqi soldiers."
)


def _iraq_events(gaz, actors, countries):
    from geomap.models import Article

    art = Article(id="iq", title="", text=IRAQ_REPORT, published=date(2019, 3, 6))
    return extract(art, gazetteer=gaz, actors=actors, country_bias=countries)[1]


def test_an_iraqi_event_is_coded_as_iraqi(gaz, actors) -> None:
    evs = {e.location: e for e in _iraq_events(gaz, actors, ("SY", "IQ"))}
    assert set(evs) == {"Tikrit", "Kirkuk"}
    for e in evs.values():
        assert e.event_id.startswith("IRQ-") and e.country == "Iraq" and e.iso == 368
        assert e.admin1, f"{e.location} has no province"  # from the same polygons as Syria's
    # The Iraqi army at home is state forces (1), not external forces (8).
    army = [(e.actor1, e.inter1) for e in evs.values()] + [(e.actor2, e.inter2) for e in evs.values()]
    assert ("Military Forces of Iraq", 1) in army and ("Military Forces of Iraq", 8) not in army
    # "Militants" near Kirkuk are not Syria's rebels.
    assert evs["Kirkuk"].actor1 != "Syrian opposition armed groups"


def test_the_default_country_keeps_iraqi_places_off_the_map(gaz, actors) -> None:
    assert _iraq_events(gaz, actors, ("SY",)) == []


def test_foreign_forces_in_syria_are_external(one) -> None:
    e = one("On Sunday, Iraqi warplanes struck Islamic State positions in Abu Kamal.")
    assert (e.actor1, e.inter1, e.event_id[:4]) == ("Military Forces of Iraq", 8, "SYR-")


def test_a_date_after_the_headline_is_the_pages_dateline(gaz, actors, tmp_path) -> None:
    # "5 May 2019 - ... on Saturday": the page's date, and the deed the day before.
    page = tmp_path / "clash.txt"
    page.write_text(
        "Clashes near Masyaf\n\n5 May 2019 - Government troops clashed with Islamic State fighters "
        "near Masyaf on Saturday, killing three of them.\n",
        encoding="utf-8",
    )
    arts, _problems = read_articles([page])
    evs = extract(arts[0], gazetteer=gaz, actors=actors)[1]
    assert [(e.event_date, e.location) for e in evs] == [("2019-05-04", "Masyaf")]


# --- session 18: counts, triggers and protests from the new-user trial


def test_one_more_person_after_a_count_is_counted(one) -> None:
    e = one("Turkish shelling hit Tal Rifaat on Monday, killing 3 SDF fighters and a Turkish soldier.")
    assert e.fatalities == 4


def test_the_killing_of_a_number_is_a_toll(one) -> None:
    assert one("Islamic State claimed the killing of 4 soldiers near Masyaf on Monday.").fatalities == 4


def test_a_lone_soldier_killed_is_the_armys(one) -> None:
    e = one("Sniper fire killed a soldier in Khan Shaykhun on Monday.")
    assert "Syrian Arab Army" in (e.actor1, e.actor2)


@pytest.mark.parametrize(
    "text",
    [
        "Turkish drones destroyed 3 regime tanks near Safita on Monday.",
        "A Turkish drone destroyed a regime tank near Safita on Monday.",
    ],
)
def test_drones_that_destroy_strike(one, text: str) -> None:
    e = one(text)
    assert (e.sub_event_type, e.actor1) == ("Air/drone strike", "Turkish Armed Forces")


def test_a_tank_destroyed_on_the_ground_is_fighting(one) -> None:
    e = one("Rebels destroyed a regime tank near Qadmous on Monday.")
    assert e.event_type == "Battles"
    # A missile that did it is a missile attack (ACLED codes guided missiles so).
    e = one("Rebels destroyed a regime tank with a guided missile near Qadmous on Monday.")
    assert e.sub_event_type == "Shelling/artillery/missile attack"


def test_a_fire_that_destroys_houses_is_no_event(events) -> None:
    assert events("A fire destroyed several houses in Safita on Monday.") == []


def test_tear_gas_at_protesters_is_an_intervention(one) -> None:
    e = one("Police fired tear gas at protesters in Masyaf on Friday.")
    assert (e.sub_event_type, e.actor1) == ("Protest with intervention", "Protesters")
    # The force named only by its kind is the state's, where the protest was.
    assert (e.actor2, e.inter2, e.interaction) == ("Syrian police", 1, 16)


@pytest.mark.parametrize(
    ("text", "fatalities", "injuries"),
    [
        ("Security forces fired on demonstrators in Masyaf on Friday, wounding five; no one was killed.", 0, 5),
        ("At least 25 protesters were killed when security forces opened fire on them in Masyaf on Friday.", 25, None),
    ],
)
def test_security_forces_firing_on_protesters_are_the_states(one, text: str, fatalities, injuries) -> None:
    e = one(text)
    assert (e.sub_event_type, e.actor1, e.actor2) == (
        "Excessive force against protesters",
        "Protesters",
        "Syrian government security",
    )
    assert (e.fatalities, e.injuries) == (fatalities, injuries)


def test_security_forces_abroad_are_that_states(gaz, actors) -> None:
    art = article_from_text(
        "Security forces opened fire on demonstrators in Nasiriyah on Thursday, killing six.",
        id="iq",
        published="2019-11-29",
    )
    [e] = extract(art, gazetteer=gaz, actors=actors, country_bias=("SY", "IQ"))[1]
    assert (e.actor1, e.actor2, e.inter2, e.country) == ("Protesters", "Military Forces of Iraq", 1, "Iraq")
    art = article_from_text("Iraqi police arrested three men in Nasiriyah on Friday.", id="iq2", published="2019-11-29")
    [e] = extract(art, gazetteer=gaz, actors=actors, country_bias=("SY", "IQ"))[1]
    assert (e.sub_event_type, e.actor1, e.inter1) == ("Arrests", "Police Forces of Iraq", 1)


def test_ground_raids_that_arrest_people_are_arrests(one) -> None:
    e = one("SDF raids in Maadan this morning: seven people arrested on suspicion of links to Daesh.")
    assert (e.sub_event_type, e.actor1) == ("Arrests", "Syrian Democratic Forces")
    # Raids alone are still air raids.
    assert one("Raids on Maadan killed five civilians on Monday.").sub_event_type == "Air/drone strike"


def test_villages_near_a_second_place_are_a_second_site(events) -> None:
    evs = events("Turkish air strikes hit Kobani and villages near Qamishli on Monday.")
    assert sorted((e.location, e.geo_precision) for e in evs) == [("Kobani", 1), ("Qamishli", 2)]


def test_a_name_in_brackets_is_the_same_places_other_name(events, gaz) -> None:
    # Kobani, in Aleppo, would favour the Afrin village al-Malikiyah; "(Derik)" says it is the
    # Hasakah town.
    text = "Turkish air strikes hit Kobani and villages near al-Malikiyah (Derik) on Monday, killing 11 people."
    malikiyah, derik = resolve_mentions(text, find_mentions(text, gaz), gaz)[1:]
    assert (malikiyah.place.admin1, malikiyah.status, malikiyah.precision) == ("Al-Hasakah", "resolved", 2)
    assert derik.place.id == malikiyah.place.id
    assert sorted(e.admin1 for e in events(text)) == ["Al-Hasakah", "Aleppo"]


def test_a_town_taken_and_a_bomb_in_it_hours_later_are_two_events(events) -> None:
    evs = events(
        "Turkish forces and allied Free Syrian Army fighters took full control of Tal Rifaat on Monday "
        "after YPG fighters withdrew overnight. Hours after the takeover, an explosion in a building in "
        "Tal Rifaat killed eleven people, seven of them civilians."
    )
    take, bomb = sorted(evs, key=lambda e: e.event_type)
    # Named as the first one's allies, the FSA is the associated actor; the YPG gave the town up.
    assert (take.event_type, take.actor1, take.assoc_actor_1, take.actor2) == (
        "Battles",
        "Turkish Armed Forces",
        "Free Syrian Army",
        "People's Protection Units (YPG)",
    )
    assert take.fatalities is None
    # The bomb is no one's the text names: not the forces of the sentence before.
    assert (bomb.sub_event_type, bomb.actor1, bomb.fatalities, bomb.event_date) == (
        "Remote explosive/landmine/IED",
        "Unidentified armed group",
        11,
        take.event_date,
    )
    # A sentence that points back to the group keeps it.
    evs = events(
        "Islamic State fighters attacked Maadan on Monday. The group's suicide bomber then blew up a car in Maadan."
    )
    assert {e.actor1 for e in evs} == {"Islamic State"}


def test_a_bomb_near_a_forces_checkpoint_hits_that_force(one) -> None:
    e = one("An IED exploded near a regime checkpoint in Safita on Monday, killing a soldier.")
    assert (e.sub_event_type, e.actor1, e.actor2, e.fatalities) == (
        "Remote explosive/landmine/IED",
        "Unidentified armed group",
        "Syrian Arab Army",
        1,
    )


def test_the_state_firing_on_protesters_is_excessive_force(one) -> None:
    e = one("Regime forces opened fire on demonstrators in Masyaf on Friday, killing two.")
    assert (e.sub_event_type, e.actor1, e.actor2, e.fatalities) == (
        "Excessive force against protesters",
        "Protesters",
        "Syrian Arab Army",
        2,
    )
    # Gunmen no one names are an armed group attacking people, as before.
    assert one("Gunmen opened fire on protesters in Masyaf on Friday.").event_type == "Violence against civilians"


@pytest.mark.parametrize(
    ("published", "expected"),
    [("2019-01-02", "2018-12-30"), ("2019-05-10", "2019-05-04")],
)
def test_a_day_and_month_in_figures(one, published: str, expected: str) -> None:
    # "on 30/12" only reads one way; "on 5/4" two, and the nearer before the report is taken.
    day = "30/12" if expected.endswith("12-30") else "5/4"
    e = one(f"Jets struck Maadan on {day}, killing two.", published)
    assert (e.event_date, e.date_flag) == (expected, "year-inferred")


@pytest.mark.parametrize(
    "text",
    [
        "Jets struck Masyaf on Monday, causing no casualties.",
        "Jets struck Masyaf on Monday, with no reports of casualties.",
        "Jets struck Masyaf on Monday. There were no casualties.",
        "Jets struck Masyaf on Monday. Nobody was hurt.",
        "Jets struck Masyaf on Monday. No casualties.",
        "Jets struck Masyaf on Monday, causing material damage only.",
        "Jets struck Masyaf on Monday. The raid caused only material damage.",
        "Jets struck Masyaf on Monday. Material damage only.",
    ],
)
def test_no_casualties_is_a_toll_of_none(one, text: str) -> None:
    assert one(text).fatalities == 0


@pytest.mark.parametrize(
    "text",
    [
        "Jets struck Masyaf on Monday, killing two, but there were no casualties among the rebels.",
        "Jets struck Masyaf on Monday, killing two. No casualties among the rebels.",
        "Jets struck Masyaf on Monday, killing two and causing material damage.",
        "Jets struck Masyaf on Monday, killing two. Material damage was also caused to shops.",
    ],
)
def test_none_hurt_among_others_leaves_the_dead(one, text: str) -> None:
    assert one(text).fatalities == 2


def test_a_governorate_report_is_not_folded_into_another_sides_incident(events) -> None:
    # Two incidents in one governorate on one day: the coarse one is kept when the sides differ...
    evs = events(
        "Rebels fired rockets at western Aleppo on Friday, wounding four civilians. "
        "On Friday, Turkish artillery shelled YPG positions near Tal Rifaat."
    )
    assert sorted((e.location, e.actor1) for e in evs) == [
        ("Aleppo", "Syrian opposition armed groups"),
        ("Tal Rifaat", "Turkish Armed Forces"),
    ]
    assert next(e for e in evs if e.location == "Tal Rifaat").injuries is None
    # ... and still gives way to the finer report of the same side.
    evs = events(
        "Rebels fired rockets at the Aleppo countryside on Friday. On Friday, rebels shelled army posts near Tal Rifaat."
    )
    assert [e.location for e in evs] == ["Tal Rifaat"]


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("HTS executed two men in Maadan on Monday on charges of spying for the regime.", "Attack"),
        ("Daesh militants executed three men accused of collaborating with the SDF near Hajin on Monday.", "Attack"),
        (
            "Turkish-backed factions arrested 15 young men in Tal Rifaat on Monday, accusing them of links to the YPG.",
            "Arrests",
        ),
    ],
)
def test_whom_victims_were_accused_of_serving_is_no_party(one, text: str, sub: str) -> None:
    e = one(text)
    assert (e.sub_event_type, e.actor2) == (sub, "Civilians")


def test_last_weekday_said_on_that_weekday_is_a_week_back(one) -> None:
    # 2018-11-08 is a Thursday.
    assert one("Jets struck Masyaf last Thursday.").event_date == "2018-11-01"
    assert one("Jets struck Masyaf on Thursday.").event_date == "2018-11-08"


def test_a_headline_toll_abroad_is_not_the_syrian_events(gaz, actors) -> None:
    from geomap.models import Article

    def main(title: str) -> Event:
        art = Article(
            id="h",
            title=title,
            text="State media said the army shelled positions of Hayat Tahrir al-Sham in Jisr al-Shughur.",
            published=date(2019, 5, 10),
        )
        return next(e for e in extract(art, gazetteer=gaz, actors=actors)[1] if e.primary)

    assert main("Islamic State attack kills two in Iraq's Anbar").fatalities is None
    assert main("Shelling kills two in Jisr al-Shughur").fatalities == 2
    assert main("Israel strikes kill two near Jisr al-Shughur").fatalities == 2  # who acted, not where


def test_children_and_their_mother_are_counted(one) -> None:
    assert one("Jets struck Maadan on Monday, killing two children and their mother.").fatalities == 3


# -- session 20: a new user's dispatches ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # The source glossed in brackets is still the source, not who shelled.
        (
            "Heavy shelling hit Tal Rifaat on Monday, and at least 15 people were killed, "
            "the Syrian Democratic Forces (SDF) said.",
            ("Unidentified armed group", "Civilians"),
        ),
        # A rescuer named after a comma ("..., known as the White Helmets, said") is the source.
        (
            "A car bomb exploded in Jisr al-Shughur on Monday, killing at least 14 people, the civil "
            "defence, known as the White Helmets, said.",
            ("Unidentified armed group", "Civilians"),
        ),
        # "the road between X and Y" names no sides; the drone's victims are its actor2.
        (
            "A Turkish drone targeted a car on the road between Maadan and Abu Kamal on Monday, killing "
            "two members of the Internal Security Forces (Asayish) and wounding a civilian who was passing by.",
            ("Turkish Armed Forces", "Asayish"),
        ),
        # Clashes "between A backed by X and B": B is the other side, X goes with A.
        (
            "Clashes erupted on Monday between regime forces backed by Iranian militias and the SDF near Maadan.",
            ("Syrian Arab Army", "Syrian Democratic Forces"),
        ),
        # Who holds the town is said of the town: no party to the bombing.
        (
            "Nine civilians were killed on Monday in a car bomb explosion in Tal Rifaat, which is occupied "
            "by the Turkish occupation forces and their mercenaries.",
            ("Unidentified armed group", "Civilians"),
        ),
    ],
)
def test_sources_glosses_and_holders_are_no_parties(events, text: str, want: tuple[str, str]) -> None:
    (e,) = events(text)
    assert (e.actor1, e.actor2) == want


def test_a_gloss_in_brackets_is_one_actor_mention(actors) -> None:
    found = actors.find("Hayat Tahrir al-Sham (HTS) and the Internal Security Forces (Asayish) met.")
    assert [(m.surface, m.actor.name) for m in found] == [
        ("Hayat Tahrir al-Sham (HTS)", "Hayat Tahrir al-Sham"),
        ("Internal Security Forces (Asayish)", "Asayish"),
    ]


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Barrel bombs hit Khan Shaykhun on Monday, killing a man, his wife and their three children.", 5),
        (
            "Monitors documented the killing of seven children, four women and two men in shelling on Masyaf on Monday.",
            13,
        ),
        ("An explosion hit a car in Safita on Monday, killing its driver.", 1),
        ("Gunmen killed the mukhtar of Qadmous on Monday.", 1),
        ("Unknown gunmen killed Omar al-Khatib, a local activist, in Masyaf on Monday.", 1),
        # A part named inside the first group ("3 of them children") is no group of its own.
        ("An airstrike on Khan Shaykhun on Monday killed 5 civilians, 3 of them children, and two fighters.", 7),
        ("Jets struck Masyaf on Monday, killing six men, including two brothers, and a woman.", 7),
        # The same aside before the verb: the groups either side of it add up, the part does not.
        ("Six civilians, including two children, and three fighters were killed in shelling on Safita on Monday.", 9),
        ("Six civilians, two of them children, were killed in shelling on Safita on Monday.", 6),
        # With no commas, a count of another class of people after the part is a group of its own;
        # of the same class ("and three women") it is a second part.
        ("Six civilians including two children and three fighters were killed in shelling on Safita on Monday.", 9),
        ("Shelling on Safita on Monday killed six civilians including two children and three women.", 6),
        # "their children" says no number: the two are what is known.
        ("Shelling on Safita on Monday killed two soldiers and their children.", 2),
        # A range: ACLED's lowest figure.
        ("Between 10 and 15 people were killed in shelling on Safita on Monday.", 10),
        ("Shelling on Safita on Monday killed from two to four people.", 2),
        # A count for each side of a clash.
        ("Clashes near Maadan on Monday left three dead on each side.", 6),
        ("At least 5 fighters were killed on both sides in clashes near Maadan on Monday.", 5),
        # The killed and the wounded together: no count of the dead.
        ("Fourteen people were killed and wounded in shelling on Masyaf on Monday.", None),
    ],
)
def test_listed_and_single_dead(one, text: str, killed: int) -> None:
    assert one(text).fatalities == killed


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A name glossed in brackets does not end the list of places struck.
        (
            "On Monday, Turkish warplanes struck the vicinity of Abu Kamal (Al Bukamal) and the village of Hajin.",
            {"Abu Kamal", "Hajin"},
        ),
        # A governorate in brackets says where the first town is; the list goes on after it.
        (
            "Regime jets struck Khan Shaykhun (Idlib) and Jisr al-Shughur on Monday.",
            {"Khan Shaykhun", "Jisr al-Shughur"},
        ),
        # Where the missiles came from is not where they fell.
        (
            "Israeli warplanes fired bursts of missiles on Monday from the direction of the occupied Syrian "
            "Golan, targeting some points in the vicinity of Masyaf.",
            {"Masyaf"},
        ),
        # "the Badia near X": the town says where in the desert.
        ("An ISIS cell kidnapped five shepherds in the Badia near Maadan on Monday.", {"Maadan"}),
    ],
)
def test_sites_named_with_brackets_origins_and_regions(events, text: str, want: set[str]) -> None:
    assert {e.location for e in events(text)} == want


def test_an_operation_carried_out_by_no_one_named_is_the_claimant_state(events) -> None:
    evs = events(
        "Air operations were carried out at 2:30 am on Monday against Abu Kamal and Hajin, and 40 targets "
        "were destroyed, the Turkish defence ministry said."
    )
    assert {(e.location, e.sub_event_type, e.actor1) for e in evs} == {
        ("Abu Kamal", "Air/drone strike", "Turkish Armed Forces"),
        ("Hajin", "Air/drone strike", "Turkish Armed Forces"),
    }
    # Told by one who does not fly: no claimant.
    (e,) = events("Air operations were carried out on Monday against Hajin, the SDF said.")
    assert e.actor1 != "Syrian Democratic Forces"


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # The toll told in the next sentence is the incident's.
        ("A landmine exploded under a shepherd near Maadan on Monday. He died of his wounds in hospital.", 1),
        ("Regime artillery shelled Masyaf on Monday. Activists documented the death of a young man in the town.", 1),
        # An earlier incident's toll in a clause of its own is not added to the day's.
        ("Regime shelling on Safita on Monday killed 3 people, a day after 5 people were killed there.", 3),
        # ... unless that clause is all the sentence reports.
        ("The attack in Masyaf came a day after air strikes by Russian warplanes killed 26 people there.", 26),
    ],
)
def test_tolls_told_next_and_tolls_of_the_day_before(one, text: str, killed: int) -> None:
    assert one(text).fatalities == killed


@pytest.mark.parametrize(
    ("text", "fatalities", "injuries"),
    [
        # Only the wounded are counted and no death is spoken of: ACLED's 0.
        ("Two civilians were wounded when a mine exploded in Maadan on Monday.", 0, 2),
        # A death spoken of without a number stays unknown, not 0.
        ("Shelling on Safita on Monday wounded five people and killed several others.", None, 5),
    ],
)
def test_wounded_only_reports_have_no_dead(one, text: str, fatalities, injuries) -> None:
    e = one(text)
    assert (e.fatalities, e.injuries) == (fatalities, injuries)


def test_a_deed_named_by_an_older_year_is_background(events, one) -> None:
    # A gathering that remembers an old strike is no strike.
    evs = events("Hundreds gathered in Hajin on Friday to mourn the victims of the 2014 coalition airstrikes.")
    assert [e.sub_event_type for e in evs if e.event_type == "Explosions/Remote violence"] == []
    # The old deed's toll and its doer are not those of today's report.
    e = one(
        "Monitors report from Tartus.\n\n"
        "The town of Safita, where regime shelling killed 30 people in March 2013, "
        "was struck again on Tuesday by rockets, killing two."
    )
    assert (e.location, e.event_date, e.fatalities, e.actor1) == ("Safita", "2018-11-06", 2, "Unidentified armed group")
    # A month just gone is this report's news, not background.
    e = one("Jets struck Masyaf in October 2018, killing four.")
    assert (e.location, e.event_date, e.time_precision, e.fatalities) == ("Masyaf", "2018-10-15", 3, 4)


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds gathered in Masyaf on Friday to commemorate the victims of the massacre.",
        "Residents held a vigil in Safita on Tuesday for the people killed in the bombing.",
    ],
)
def test_a_vigil_is_a_peaceful_protest_not_the_deed_it_remembers(one, text: str) -> None:
    e = one(text)
    assert (e.event_type, e.sub_event_type, e.actor1, e.fatalities) == (
        "Protests",
        "Peaceful protest",
        "Protesters",
        None,
    )


def test_mourners_can_still_be_attacked(one) -> None:
    e = one("A car bomb exploded among mourners at a funeral in Safita on Tuesday, killing six.")
    assert (e.sub_event_type, e.fatalities) == ("Remote explosive/landmine/IED", 6)


def test_a_roundup_lead_gives_its_day_to_the_items_below_it(events) -> None:
    evs = events(
        "Monitors documented the deaths of 12 people across Syrian territory on Saturday, December 30, 2017, "
        "as follows:\n\n"
        "Idlib: Three civilians were killed by Russian airstrikes on Khan Shaykhun.\n\n"
        "Hama: A landmine exploded near Masyaf, killing two shepherds.",
        published="2018-01-01",
    )
    got = sorted((e.location, e.event_date, e.fatalities) for e in evs)
    assert got == [("Khan Shaykhun", "2017-12-30", 3), ("Masyaf", "2017-12-30", 2)]


def test_a_national_tally_is_no_incident_and_a_dateline_is_no_day(events) -> None:
    evs = events(
        "BEIRUT, November 8 (Wire) - At least 19 people were killed across Syria on Tuesday, a monitor said.\n\n"
        "In the northwest, Russian warplanes struck the outskirts of Jisr al-Shughur, killing four HTS fighters."
    )
    assert [(e.location, e.event_date, e.fatalities, e.actor2) for e in evs] == [
        ("Jisr al-Shughur", "2018-11-06", 4, "Hayat Tahrir al-Sham")
    ]


def test_a_bomb_and_shelling_at_one_town_on_one_day_are_two_attacks(events) -> None:
    evs = events(
        "A car bomb exploded in Tal Rifaat on Monday, killing four people.\n\n"
        "YPG shelling hit Tal Rifaat on Monday, killing two."
    )
    got = sorted((e.sub_event_type, e.actor1, e.fatalities) for e in evs)
    assert got == [
        ("Remote explosive/landmine/IED", "Unidentified armed group", 4),
        ("Shelling/artillery/missile attack", "People's Protection Units (YPG)", 2),
    ]
    # The blast that is the bomb's own, told again, stays one event.
    evs = events("A car bomb exploded in Tal Rifaat on Monday. The blast killed four people.")
    assert [(e.sub_event_type, e.fatalities) for e in evs] == [("Remote explosive/landmine/IED", 4)]


@pytest.mark.parametrize("bomb", ["barrel bomb attack", "barrel-bomb attack"])
def test_a_barrel_bomb_attack_is_from_the_air(one, bomb: str) -> None:
    e = one(f"Three civilians were killed in Masyaf on Monday in a {bomb} by the regime.")
    assert (e.sub_event_type, e.fatalities) == ("Air/drone strike", 3)


@pytest.mark.parametrize(
    ("text", "sub_event_type", "actor1", "actor2"),
    [
        # Whom the bus carried was hit; the bomb's owner is not named.
        (
            "An IED exploded in a bus carrying regime soldiers near Masyaf on Monday, killing three soldiers.",
            "Remote explosive/landmine/IED",
            "Unidentified armed group",
            "Syrian Arab Army",
        ),
        (
            "A bomb hit a car carrying HTS fighters in Khan Shaykhun on Monday.",
            "Remote explosive/landmine/IED",
            "Unidentified armed group",
            "Hayat Tahrir al-Sham",
        ),
        ("An aerial bomb targeted a house in Khan Shaykhun on Monday.", "Air/drone strike", None, None),
        # "Israel's military said it struck": the state's forces, from the air.
        (
            "Israel's military said it struck weapons depots near Masyaf on Monday night.",
            "Air/drone strike",
            "Israel Defense Forces",
            "",
        ),
    ],
)
def test_who_a_vehicle_carried_and_a_states_military(one, text: str, sub_event_type: str, actor1, actor2) -> None:
    e = one(text)
    assert e.sub_event_type == sub_event_type
    if actor1 is not None:
        assert (e.actor1, e.actor2) == (actor1, actor2)


def test_a_mass_grave_with_the_remains_of_people_is_found(one) -> None:
    e = one("A mass grave containing the remains of around 30 people was discovered near Maadan on Monday.")
    assert (e.event_type, e.sub_event_type, e.location) == ("Strategic developments", "Other", "Maadan")


@pytest.mark.parametrize(
    ("text", "place", "admin1", "precision"),
    [
        # A qualifier the gazetteer does not know ("al-Gharbi", western) stays with its name:
        # the governorate said after the whole name is where it is, not a namesake elsewhere.
        (
            "Gunmen killed a shepherd near Safita al-Gharbi in the northern Idlib countryside on Tuesday.",
            None,
            "Idlib",
            3,
        ),
        # A front named after a town is no site: the place near it is; alone, it is near the town.
        ("Clashes erupted on the Masyaf front near Qadmous on Monday.", "al-Qadmus", "Tartus", 2),
        ("Clashes erupted on the Masyaf frontline on Monday.", "Masyaf", "Hama", 2),
    ],
)
def test_a_qualified_unknown_village_and_a_front(
    one, text: str, place: str | None, admin1: str, precision: int
) -> None:
    e = one(text)
    assert (e.admin1, e.geo_precision) == (admin1, precision)
    if place is not None:
        assert e.location == place


@pytest.mark.parametrize(
    "text",
    [
        "On Sunday, Turkey-backed factions looted homes in Tal Rifaat after clashes with the SDF that killed 4.",
        "After fierce clashes with the SDF, Turkey-backed factions looted homes in Tal Rifaat on Sunday.",
    ],
)
def test_a_deed_done_after_a_fight_is_the_report_and_the_fight_its_background(one, text: str) -> None:
    e = one(text)
    assert (e.event_type, e.sub_event_type) == ("Strategic developments", "Looting/property destruction")
    # The fight's other side and its dead are not the looting's.
    assert e.actor2 != "Syrian Democratic Forces" and e.fatalities in (None, 0)
    assert e.location == "Tal Rifaat"


@pytest.mark.parametrize(
    ("tag", "place"),
    [("#Khan_Shaykhun", "Khan Shaykhun"), ("#Jisr_al_Shughur", "Jisr al-Shughur"), ("#Tal_Rifaat", "Tal Rifaat")],
)
def test_a_hashtag_with_underscores_names_its_place(one, tag: str, place: str) -> None:
    # A pasted post: the name's words joined by underscores are the name, not a near-miss.
    e = one(f"BREAKING: jets struck {tag} this morning, 5 killed #Syria")
    assert (e.location, e.geo_precision, e.fatalities) == (place, 1, 5)


def test_unknown_gunmen_stay_unknown_after_a_named_group(events) -> None:
    # The text says it does not know who shot: the group in the sentence before is not them.
    evs = events(
        "HTS fighters shelled Suqaylabiyah on Monday. In Jisr al-Shughur, unknown gunmen shot dead a "
        "local council member."
    )
    shot = next(e for e in evs if e.location == "Jisr al-Shughur")
    assert (shot.actor1, shot.actor2) == ("Unidentified armed group", "Civilians")


def test_militants_who_are_the_group_just_named_are_not_its_foe(events) -> None:
    # "Militants" stands for HTS, named the sentence before: HTS acted, and is not also actor2.
    evs = events(
        "HTS fighters shelled Suqaylabiyah on Monday. Militants also shot dead a local council member "
        "in Jisr al-Shughur."
    )
    shot = next(e for e in evs if e.location == "Jisr al-Shughur")
    assert (shot.actor1, shot.actor2) == ("Hayat Tahrir al-Sham", "Civilians")


def test_a_place_inside_the_region_where_the_same_deed_was_is_its_site(one, events) -> None:
    # Only the sides and the dead stand between the region and the place the deed was near.
    e = one(
        "On Tuesday, clashes in the eastern countryside of Aleppo between Turkish-backed factions and the "
        "SDF killed five fighters near Tal Rifaat."
    )
    assert (e.location, e.geo_precision, e.fatalities) == ("Tal Rifaat", 2, 5)
    # A place in another clause of the sentence is not where the region's deed was.
    evs = events("On Tuesday, jets struck the southern Idlib countryside, while rebels shelled Khan Shaykhun.")
    assert sorted((e.sub_event_type, e.geo_precision) for e in evs) == [
        ("Air/drone strike", 3),
        ("Shelling/artillery/missile attack", 1),
    ]


@pytest.mark.parametrize(
    ("text", "day", "dead"),
    [
        # the day is the date, and the count after the verb the toll
        ("Shelling on Masyaf on March 4 killed 3.", "2019-03-04", 3),
        ("An airstrike on Safita on January 12 killed 6 civilians.", "2019-01-12", 6),
        ("Regime artillery shelled Tafas on February 27 killed at least five people.", "2019-02-27", 5),
        # a time of day is no count
        ("Regime jets struck Ariha at 4 pm killing 2 people.", "2019-03-07", 2),
        ("Shelling hit Qadmous at 4:30 a.m., killing 3.", "2019-03-07", 3),
        # and "May 12 people" is still twelve people
        ("Shelling on Qadmous killed 12 people on Monday.", "2019-03-04", 12),
    ],
)
def test_a_day_or_a_time_before_the_verb_is_not_the_toll(events, text: str, day: str, dead: int) -> None:
    [e] = events(text, published="2019-03-07")
    assert (e.event_date, e.fatalities) == (day, dead)


def test_a_month_and_count_of_people_is_a_count_not_a_day(events) -> None:
    [e] = events("Government shelling of Masyaf in May 12 people were killed, activists said.", published="2019-06-07")
    assert e.fatalities == 12 and e.event_date != "2019-05-12"


# --- leaks between reports (trial 2)


def test_a_named_site_the_gazetteer_lacks_is_not_moved_to_the_next_report(events):
    text = (
        "Regime shelling hit Tell Zubaydiyah on Sunday, killing two people.\n\n"
        "Russian warplanes struck Masyaf on Monday, killing four civilians."
    )
    evs = events(text, "2025-03-11")
    assert [(e.location, e.event_date, e.fatalities) for e in evs] == [("Masyaf", "2025-03-10", 4)]
    # Within one paragraph, too: "the village of X" is where, known or not.
    evs = events(
        "Russian warplanes struck Masyaf on Monday, killing four. "
        "Regime forces also shelled the village of Tell Zubaydiyah, killing two.",
        "2025-03-11",
    )
    assert [(e.location, e.fatalities) for e in evs] == [("Masyaf", 4)]


def test_a_group_named_like_a_place_still_lets_the_report_take_its_neighbours_place(events):
    # "in Fatah al-Shams mortar attacks": a (misspelt) group's name, not an unknown site.
    evs = events("Rebels held Safita on Monday. Two were killed in Jund al-Fajr mortar attacks, medics said.")
    assert [e.location for e in evs if e.fatalities == 2] == ["Safita"]


def test_an_unplaced_lead_is_not_put_at_another_days_other_deed(events):
    text = (
        "Regime shelling hit the village on Sunday, killing two people.\n\n"
        "Russian warplanes struck Masyaf on Monday, killing four civilians."
    )
    assert [(e.location, e.sub_event_type) for e in events(text, "2025-03-11")] == [("Masyaf", "Air/drone strike")]
    # The place the lead leaves out, told next: the lead's place.
    evs = events("Regime shelling hit the village on Sunday, killing two people.\n\nThe shelling targeted Masyaf.")
    assert [(e.location, e.fatalities) for e in evs] == [("Masyaf", 2)]


def test_a_toll_update_lends_neither_its_day_nor_takes_the_next_reports_force(events):
    text = (
        "The death toll from Sunday's strike on Masyaf rose to 15. "
        "US-led coalition aircraft struck Abu Kamal, killing 4."
    )
    by_place = {e.location: e for e in events(text, "2025-03-11")}
    assert by_place["Masyaf"].event_date == "2025-03-09"
    assert by_place["Masyaf"].actor1 != "US-led coalition"
    assert by_place["Abu Kamal"].actor1 == "US-led coalition"
    assert by_place["Abu Kamal"].event_date == "2025-03-11"
    assert by_place["Abu Kamal"].date_flag == "article-date"


def test_a_day_carried_to_the_next_sentence_says_so(events):
    evs = events("On Sunday, jets struck Masyaf, killing 4. Shelling also hit Safita.", "2025-03-11")
    by_place = {e.location: e for e in evs}
    assert by_place["Safita"].event_date == "2025-03-09"
    assert by_place["Safita"].date_flag == "carried"
    assert by_place["Masyaf"].date_flag != "carried"


def test_a_separate_incident_is_not_by_the_force_just_named(events):
    evs = events("Russian jets struck Masyaf on Monday, killing four. Separately, clashes were reported in Safita.")
    by_place = {e.location: e for e in evs}
    assert by_place["Masyaf"].actor1 == "Military Forces of Russia"
    assert by_place["Safita"].actor1 != "Military Forces of Russia"


def test_a_governorates_own_name_beside_a_place_near_a_namesake_is_the_governorate(events):
    evs = events("Shelling hit Eastern Ghouta and Hama on Monday.")
    hama = [e for e in evs if e.location.startswith(("Hama", "al-Ham"))]
    assert [(e.location, e.admin1) for e in hama] == [("Hama", "Hama")]


def test_an_accusation_of_a_deed_reports_the_deed_not_a_pretext_for_one(events):
    (e,) = events("The opposition accused the government of launching a chemical attack on Tafas, killing 30 people.")
    assert (e.sub_event_type, e.location, e.fatalities) == ("Chemical weapon", "Tafas", 30)
    assert events("The aim is a pretext for accusing the army of using chemical weapons in Tafas.") == []
    assert events("Damascus says the drills are meant for triggering new US strikes on Tafas.") == []


def test_a_campaign_named_after_its_region_is_no_incident_there(events):
    assert events("The Hama offensive resumed on Monday after a week-long pause.") == []
    (e,) = events("The army launched an offensive on Hama on Monday.")
    assert (e.location, e.event_type) == ("Hama", "Battles")


def test_a_news_outlet_named_after_a_city_is_no_site(events):
    assert events("Raqqa Is Being Slaughtered Silently reported that jets struck the city, killing 3.") == []
    (e,) = events("Deir ez-Zor 24 said an IED exploded in Hajin, killing 2.")
    assert e.location == "Hajin"
    (e,) = events("Shelling hit Hajin 24 hours after the truce.")
    assert e.location == "Hajin"


def test_tolls_named_several_ways(events, one):
    e = one("Shelling killed 3 members of the White Helmets and 12 civilians in Ariha on Monday.")
    assert (e.fatalities, e.fatalities_text) == (15, "killed 3 members of the White Helmets and 12")
    e = one("Ahmad al-Hassan was killed by a sniper in Tafas on Monday.")
    assert (e.fatalities, e.fatalities_text) == (1, "Ahmad al-Hassan was killed")
    e = one("Regime jets struck Ariha on Monday, killing dozens.")
    assert (e.fatalities, e.fatalities_text) == (None, "dozens")
    e = one("Unknown gunmen killed a local official in Tafas on Monday.")
    assert (e.sub_event_type, e.actor2, e.fatalities) == ("Attack", "Civilians", 1)
    e = one("Security officials said clashes killed two fighters in Tafas on Monday.")
    assert (e.sub_event_type, e.fatalities) == ("Armed clash", 2)


def test_a_feeds_bullet_lines_are_reports_of_their_own(gaz, actors, tmp_path):
    page = tmp_path / "channel.txt"
    page.write_text(
        "Frontline Notes\n"
        "📍 #Saraqib: regime shelling on the eastern neighbourhoods, 2 civilians killed\n"
        "🔴 #Ariha: Russian jets struck the market, 5 killed\n"
        "⚡️ Clashes between HTS and regime forces near #Kafranbel, no casualties reported\n"
        "👁 1.2K views\n",
        encoding="utf-8",
    )
    (art,), _problems = read_articles([page])
    evs = extract(art, gazetteer=gaz, actors=actors)[1]
    got = [(e.location, e.sub_event_type, e.actor1, e.fatalities, e.geo_precision) for e in evs]
    assert got == [
        ("Saraqib", "Shelling/artillery/missile attack", "Syrian Arab Army", 2, 1),
        ("Ariha", "Air/drone strike", "Military Forces of Russia", 5, 1),
        ("Kafranbel", "Armed clash", "Hayat Tahrir al-Sham", 0, 2),
    ]


def test_a_wrapped_line_stays_one_sentence_and_a_dash_item_is_another():
    from geomap.events.sentences import split_sentences

    t = "Shelling hit the town\nof Ariha on Monday.\n- Jets struck Tafas.\n🔴 Clashes in Hajin."
    assert [(t[s:e], p) for s, e, p in split_sentences(t)] == [
        ("Shelling hit the town\nof Ariha on Monday.", 0),
        ("- Jets struck Tafas.", 0),
        ("🔴 Clashes in Hajin.", 1),
    ]


def test_al_mashlab_is_raqqas_quarter(events):
    (e,) = events("📍 #Raqqa: a drone strike hit the al-Mashlab district, 3 killed")
    assert (e.location, e.admin1, e.fatalities) == ("al-Meshleb", "Ar-Raqqah", 3)
