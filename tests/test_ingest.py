"""Ingest: readers, boilerplate cleaning, and title/date/outlet.

The per-format expectations come from tests/fixtures/ingest/README.md; the
inline texts below are written for these tests.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from geomap.errors import InputError
from geomap.ingest import article_from_text, iter_input_files, read_articles
from geomap.ingest.clean import clean_text, strip_markdown
from geomap.ingest.html import parse_html
from geomap.ingest.meta import find_published, parse_date_string
from geomap.ingest.readers import NO_DATE, read_file

FIX = Path(__file__).parent / "fixtures" / "ingest"

# Aggregator furniture that must never reach an article body.
FURNITURE = (
    "Note to readers",
    "The original source",
    "Copyright",
    "Region:",
    "Theme:",
    "Disclaimer",
    "Comment on",
    "Become a Member",
    "DONATE",
    "Tweet  Share",
    "Subscribe",
    "Retweet on Twitter",
    "Like on Twitter",
    "t.co/",
    "Load More",
)


def read_one(path: Path):
    arts, errs = read_articles([path])
    assert errs == [], [str(e) for e in errs]
    assert len(arts) == 1
    return arts[0]


# --- datelines (one fixture per format)

DATELINES = [
    (
        "dateline_globalresearch_southfront.txt",
        "Turkish Army Reinforces Observation Posts in Idlib",
        date(2018, 11, 5),
        "South Front",
    ),
    (
        "dateline_date_donate.txt",
        "Coalition Helicopters Land Near al-Busayrah",
        date(2020, 4, 15),
        "Euphrates Desk",
    ),
    (
        "dateline_published.txt",
        "Rebels Shell Government-Held Neighbourhoods of Hama",
        date(2017, 4, 2),
        "Syria Frontline Report",
    ),
    (
        "dateline_weekday_short.txt",
        "Air Strikes Reported Near Ariha",
        date(2017, 4, 5),
        "Global Wire Desk",
    ),
    (
        "dateline_place_agency.txt",
        "Shells Fall on the Outskirts of Ariha",
        date(2019, 3, 14),
        "Levant Field Desk",
    ),
    (
        "dateline_day_month_year.txt",
        "Army Advances Near Deir ez-Zor Airport",
        date(2015, 2, 12),
        "Syrian Rights Monitor",
    ),
]


@pytest.mark.parametrize(("name", "title", "published", "outlet"), DATELINES, ids=[d[0] for d in DATELINES])
def test_dateline_fixture(name: str, title: str, published: date, outlet: str) -> None:
    art = read_one(FIX / name)
    assert art.title == title
    assert art.published == published
    assert art.outlet == outlet
    assert art.warnings == ()
    for junk in FURNITURE:
        assert junk not in art.text, junk
    assert art.raw_text  # provenance kept


def test_repost_takes_the_original_outlets_date() -> None:
    # Relative dates in a repost were written against the original's date, so the
    # article date is South Front's 5 November, not Global Research's 6 November.
    head = (
        "Some Headline About Idlib Today\nBy South Front\n"
        "Global Research, November 06, 2018\nSouth Front 5 November 2018\n"
    )
    assert find_published(head + "\nBody text.") == date(2018, 11, 5)
    # Without a repost marker the first dateline wins.
    assert find_published("Headline Words Go Here\n12 March 2019\n\nOn 10 March 2019 jets struck.") == date(2019, 3, 12)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" date 2020-04-15 DONATE", date(2020, 4, 15)),
        ("Published April 2 2017", date(2017, 4, 2)),
        ("Wed 05 Apr 2017", date(2017, 4, 5)),
        ("12 February 2015", date(2015, 2, 12)),
        ("Global Research, November 06, 2018", date(2018, 11, 6)),
        ("South Front 5 November 2018", date(2018, 11, 5)),
        ("Thursday, 3rd of January 2019", date(2019, 1, 3)),
        ("Posted: Sept. 14, 2018", date(2018, 9, 14)),
        ("2019-01-07T09:30:00+00:00", date(2019, 1, 7)),
        ("no date here, only 2018", None),
        ("31 February 2018", None),
        # A slashed date with a day over 12 first reads day first, whatever the day.
        ("25/11/2018", date(2018, 11, 25)),
        ("31/12/2019", date(2019, 12, 31)),
        ("12/31/2019", date(2019, 12, 31)),
        ("32/11/2018", None),
    ],
)
def test_parse_date_string(text: str, expected: date | None) -> None:
    assert parse_date_string(text) == expected


def test_event_date_in_body_is_not_the_publication_date() -> None:
    text = (
        "Army Regains Hill Near Kessab After Clashes\nBy Coastal Front Monitor\n\n"
        + "Fighting went on for hours and both sides brought in reinforcements from the coast. " * 4
        + "The hill was lost on 3 March 2016 and retaken on 9 May 2019."
    )
    art = article_from_text(text, id="x")
    assert art.published is None
    assert any("no publication date" in w for w in art.warnings)


# --- boilerplate


def test_boilerplate_only_fixture_gives_empty_body_and_no_date() -> None:
    art = read_one(FIX / "boilerplate_only.txt")
    assert art.text == ""
    assert art.published is None  # the Copyright 2018 line is not a date
    assert any("no article text" in w for w in art.warnings)


def test_tweet_feed_only_fixture_gives_empty_body() -> None:
    art = read_one(FIX / "tweet_feed_only.txt")
    assert art.text == ""
    assert art.title == ""
    assert art.published is None  # 19-digit tweet ids are not dates


ARTICLE = "On Monday, rebels shelled the village of Jurin in the al-Ghab plain, wounding two farmers."

BOILERPLATE = [
    "Please share this article with your friends!",
    "Click the share buttons below to spread the word.",
    "DONATE",
    "Support us on Patreon",
    "Disclaimer: The views expressed are the author's own.",
    "Copyright © Levant Watchers, 2019",
    "© 2019 Levant Watchers. All rights reserved.",
    "Note to readers: forward this article to your lists.",
    "Subscribe to our weekly newsletter for updates by email",
    "Sign up for the newsletter",
    "Meet your Syrian love tonight",
    "Hot Singles in Your Area",
    "Share | Tweet | Email",
    "Tweet  Share  Email  Print",
    "Region: Middle East",
    "Theme: Terrorism",
    "Load More...",
]


@pytest.mark.parametrize("junk", BOILERPLATE)
def test_boilerplate_line_is_dropped(junk: str) -> None:
    text = f"{ARTICLE}\n\n{junk}\n\nThe shelling stopped at dusk."
    out = clean_text(text)
    assert junk.strip() not in out
    assert ARTICLE in out
    assert "The shelling stopped at dusk." in out


def test_pasted_tweet_feed_is_dropped() -> None:
    feed = "\n".join(
        [
            "Retweet on Twitter 1071234567890123456",
            "Like on Twitter 1071234567890123456 12",
            "Levant Watch avatarLevant Watch@levant_watch·",
            "3h 1071234567890123456",
            "Storm closes schools in Manchester https://t.co/Zz9Yy8Xx7W",
            "Image for the Tweet beginning: Storm closes schools",
            "Twitter feed video.",
            "Retweet on Twitter 1071234567899999999",
            "Like on Twitter 1071234567899999999",
            "Desk avatarDesk@desk_news·",
            "40m 1071234567899999999",
            "Protest in Lima over fuel prices https://t.co/Ab12Cd34Ef",
            "Load More...",
        ]
    )
    out = clean_text(f"{ARTICLE}\n\n{feed}\n")
    assert out == ARTICLE


def test_a_pasted_feed_is_split_into_its_posts() -> None:
    errors: list[InputError] = []
    posts = list(read_file(FIX / "x_feed_pasted.txt", errors))
    assert errors == []
    assert [(a.id, a.outlet, a.published) for a in posts] == [
        ("x_feed_pasted.txt#1", "Hama Frontline Desk", date(2022, 4, 8)),
        ("x_feed_pasted.txt#2", "Coastal Monitor", date(2022, 4, 7)),
        ("x_feed_pasted.txt#3", "Hama Frontline Desk", None),  # "Apr 6": no year in the header
    ]
    assert posts[0].text.endswith("wounding a farmer.")  # counters and headers are gone
    assert "Reposts" not in posts[1].text and "@" not in posts[1].text
    # The day and month are kept, the year is not invented.
    assert posts[2].published_day == "--04-06" and posts[0].published_day == ""
    assert any("a day with no year (--04-06)" in w for w in posts[2].warnings)
    assert not any(w.startswith("no publication date") for w in posts[2].warnings)


def test_a_pasted_telegram_channel_is_split_into_its_posts(tmp_path: Path) -> None:
    paste = (
        "[03.06.2019 07:40] Masyaf Now:\n"
        "Artillery shelled the outskirts of Masyaf overnight, wounding three people.\n\n"
        "[ Photo ]\n"
        "[04.06.19 21:05] Qadmous Desk: Clashes broke out near Qadmous, killing two fighters.\n"
    )
    path = tmp_path / "channel.txt"
    path.write_text(paste, encoding="utf-8")
    errors: list[InputError] = []
    posts = list(read_file(path, errors))
    assert errors == []
    assert [(a.id, a.outlet, a.published, a.text) for a in posts] == [
        (
            "channel.txt#1",
            "Masyaf Now",
            date(2019, 6, 3),
            "Artillery shelled the outskirts of Masyaf overnight, wounding three people.",
        ),
        ("channel.txt#2", "Qadmous Desk", date(2019, 6, 4), "Clashes broke out near Qadmous, killing two fighters."),
    ]


def test_a_paste_of_telegram_messages_then_x_posts_gives_every_post_its_day_and_account(tmp_path: Path) -> None:
    # Messages copied with their time but no channel's name ("BREAKING:" is none), then posts
    # copied from X under the same file: each is a report of its own.
    paste = (
        "Frontline digest (copied from Telegram, channel @qadmous_desk)\n\n"
        "[03.06.2019 07:40] 🔴 BREAKING: Artillery shelled Masyaf, wounding three people\n"
        "[03.06.2019 09:10] Clashes broke out near Qadmous, killing two fighters\n"
        "[04.06.2019 06:00] RT @masyaf_now: Jets struck Safita at dawn\n\n"
        "@tartus_watch · Jun 5, 2019\n"
        "Gunmen attacked a checkpoint near Safita last night, killing a soldier.\n"
        "@tartus_watch · Jun 6, 2019\n"
        "A mine exploded near Maadan, killing a shepherd.\n"
        "12 Reposts  30 Likes\n"
    )
    path = tmp_path / "digest.txt"
    path.write_text(paste, encoding="utf-8")
    errors: list[InputError] = []
    posts = list(read_file(path, errors))
    assert errors == []
    assert [(a.outlet, a.published, a.text) for a in posts] == [
        ("@qadmous_desk", date(2019, 6, 3), "🔴 BREAKING: Artillery shelled Masyaf, wounding three people"),
        ("@qadmous_desk", date(2019, 6, 3), "Clashes broke out near Qadmous, killing two fighters"),
        ("@qadmous_desk", date(2019, 6, 4), "RT @masyaf_now: Jets struck Safita at dawn"),
        ("@tartus_watch", date(2019, 6, 5), "Gunmen attacked a checkpoint near Safita last night, killing a soldier."),
        ("@tartus_watch", date(2019, 6, 6), "A mine exploded near Maadan, killing a shepherd."),
    ]
    # And the other way round: X posts, then Telegram messages.
    path.write_text(
        "Tartus Watch\n@tartus_watch · Jun 5, 2019\nGunmen attacked a checkpoint near Safita.\n\n"
        "[06.06.2019 07:40] Masyaf Now:\nArtillery shelled Masyaf.\n"
        "[07.06.2019 08:00] Masyaf Now:\nJets struck Qadmous.\n",
        encoding="utf-8",
    )
    assert [(a.outlet, a.published, a.text) for a in read_file(path, errors)] == [
        ("Tartus Watch", date(2019, 6, 5), "Gunmen attacked a checkpoint near Safita."),
        ("Masyaf Now", date(2019, 6, 6), "Artillery shelled Masyaf."),
        ("Masyaf Now", date(2019, 6, 7), "Jets struck Qadmous."),
    ]


def test_a_telegram_channel_name_over_its_time_line_with_views_and_share_bars(tmp_path: Path) -> None:
    # As the desktop app copies a channel: the name, then "[dd.mm.yy hh:mm]" alone, then the
    # message, then its views and share bar; a forwarded message says whence.
    paste = (
        "Masyaf Now\n[03.06.21 21:10]\nArtillery shelled the outskirts of Masyaf tonight.\n👁 1.2K   ↗️ Share\n\n"
        "Masyaf Now\n[05.06.21 09:30]\nForwarded from Qadmous Desk\nYesterday, a mine exploded near Qadmous.\n"
        "👁 980   ↗️ Share   💬 Comments\n"
    )
    path = tmp_path / "channel.txt"
    path.write_text(paste, encoding="utf-8")
    posts = list(read_file(path, []))
    assert [(a.outlet, a.published, a.text) for a in posts] == [
        ("Masyaf Now", date(2021, 6, 3), "Artillery shelled the outskirts of Masyaf tonight."),
        ("Masyaf Now", date(2021, 6, 5), "Yesterday, a mine exploded near Qadmous."),
    ]


def test_a_telegram_header_with_the_channel_first_is_read_too(tmp_path: Path) -> None:
    path = tmp_path / "channel.txt"
    path.write_text("Safita Channel, [15.08.2020 10:02]\nA mine exploded near Safita, killing a shepherd.\n")
    art = read_one(path)
    assert (art.outlet, art.published, art.text) == (
        "Safita Channel",
        date(2020, 8, 15),
        "A mine exploded near Safita, killing a shepherd.",
    )


def test_telegram_headers_in_every_form_the_apps_copy_are_read(tmp_path: Path) -> None:
    paste = (
        "[12.11.2018 14:05:33] Masyaf Now:\n"
        "Artillery shelled the outskirts of Masyaf, wounding three people.\n\n"
        "Tal Rifaat News, [13 Nov 2018 at 09:40]\n"
        "A drone struck a car near Tal Rifaat, killing two fighters.\n\n"
        "Tal Rifaat News, [Nov 14, 2018 at 2:05 PM]\n"
        "Clashes broke out on the road to Tal Rifaat; one fighter was killed.\n\n"
        "[25/11/2018 14:05] Safita Desk:\n"
        "A mine exploded near Safita, killing a shepherd.\n\n"
        "Qadmous Voice, [Nov 30 at 8:15 AM]\n"
        "Shells hit Qadmous, wounding a child.\n"
    )
    path = tmp_path / "channel.txt"
    path.write_text(paste, encoding="utf-8")
    errors: list[InputError] = []
    posts = list(read_file(path, errors))
    assert errors == []
    assert [(a.outlet, a.published, a.published_day) for a in posts] == [
        ("Masyaf Now", date(2018, 11, 12), ""),
        ("Tal Rifaat News", date(2018, 11, 13), ""),
        ("Tal Rifaat News", date(2018, 11, 14), ""),
        ("Safita Desk", date(2018, 11, 25), ""),  # 25/11: the day first, the only reading there is
        ("Qadmous Voice", None, "--11-30"),  # no year in the header: none is invented
    ]
    assert posts[3].text == "A mine exploded near Safita, killing a shepherd."
    assert not any("either way" in w for a in posts for w in a.warnings)
    assert any("a day with no year (--11-30)" in w for w in posts[4].warnings)


def test_a_slashed_telegram_date_that_reads_both_ways_is_said_and_follows_the_texts_month(tmp_path: Path) -> None:
    path = tmp_path / "channel.txt"
    path.write_text(
        "[11/12/2018 14:05] Masyaf Now:\nArtillery shelled the outskirts of Masyaf, wounding three people.\n\n"
        "[03/04/2019 08:00] Masyaf Now:\nThe shelling of Masyaf went on into its second day of April.\n",
        encoding="utf-8",
    )
    first, second = list(read_file(path, []))
    # No month in the text: month first, as for any slashed date, and the warning says so.
    assert first.published == date(2018, 11, 12)
    assert any("reads either way" in w and "read month first" in w for w in first.warnings)
    # The text names April: the day-first reading, said too.
    assert second.published == date(2019, 4, 3)
    assert any("reads either way" in w and "2019-04-03" in w for w in second.warnings)


def test_a_text_in_another_script_is_read_and_said_to_be_out_of_reach(tmp_path: Path) -> None:
    # An Arabic report (written for this test): read, but the reader is told why no events come of it.
    path = tmp_path / "ar.txt"
    path.write_text("قصفت المدفعية بلدة مصياف صباح اليوم وأصيب ثلاثة أشخاص بجروح.\n", encoding="utf-8")
    art = read_one(path)
    assert art.warnings[0].startswith("the text is mostly in Arabic script")
    # An English report that quotes a name in Arabic is not.
    path.write_text("Artillery shelled Masyaf (مصياف) on 3 June 2019, wounding three people.\n", encoding="utf-8")
    assert not any("script" in w for w in read_one(path).warnings)


def test_bracketed_dates_in_an_article_are_no_telegram_headers(tmp_path: Path) -> None:
    text = (
        "Shelling resumed near Tal Rifaat on Monday, 3 June 2019.\n\n"
        "[03.06.2019 07:40] Update: two more people were wounded.\n"
    )
    path = tmp_path / "a.txt"
    path.write_text(text)
    art = read_one(path)
    assert art.id == "a.txt" and art.outlet == ""
    assert "[03.06.2019 07:40] Update: two more people were wounded." in art.text


def test_a_feed_copied_line_by_line_from_the_site_is_split_too(tmp_path) -> None:
    # Selecting posts on the site copies the name, handle, dot and day on lines of their
    # own, the counters as bare numbers, and the site's own words ("Quote", "Who to follow").
    feed = tmp_path / "copied.txt"
    feed.write_text(
        "Hama Front Desk\n@HamaDesk\n·\nApr 8, 2022\n"
        "Regime shelling hit Kafr Zita this morning, killing two farmers. Rescuers are at the scene. #Hama\n"
        "7\n41\n2.3K\n\n"
        "Coast Monitor\n@CoastMon\n·\nApr 7, 2022\n"
        "A drone struck a car near Jableh. No casualties.\nQuote\n"
        "Show more replies\nWho to follow\nTerms of Service  Privacy Policy  Cookie Policy\n",
        encoding="utf-8",
    )
    posts = list(read_file(feed, []))
    assert [(a.id, a.outlet, a.published) for a in posts] == [
        ("copied.txt#1", "Hama Front Desk", date(2022, 4, 8)),
        ("copied.txt#2", "Coast Monitor", date(2022, 4, 7)),
    ]
    assert posts[0].text.endswith("#Hama") and "2.3K" not in posts[0].text
    assert posts[1].text == "A drone struck a car near Jableh. No casualties."
    # A post of two sentences is no headline: its first sentence stays in the body's events.
    assert posts[0].title == ""


@pytest.mark.parametrize(
    "headline",
    [
        "Clashes near Mt. Hermon leave two soldiers dead",
        "Gen. Hassan leads a new offensive in southern Idlib",
        "Airstrikes kill 12 in Ariha on Jan. 5 as talks stall",
        "Russian Warplanes Return to the Skies. HTS and NFL Clash in Southern Idlib",
    ],
)
def test_abbreviations_and_title_case_keep_a_headline(headline: str) -> None:
    from geomap.ingest.meta import find_title

    assert find_title(f"{headline}\n\nShells hit Ariha on Monday, killing two.") == headline


def test_feed_headers_in_every_month_spelling_give_the_day(tmp_path) -> None:
    # strptime's %b knows "Sep" but not "Sept"; X and copy-pastes write both.
    feed = tmp_path / "feed.txt"
    feed.write_text(
        "Idlib Desk\n@IdlibDesk · Sept 14, 2021\nJets struck Ariha at dawn.\n3 Reposts\n\n"
        "Idlib Desk\n@IdlibDesk · 2 Sept. 2021\nShells hit Sarmin.\n\n"
        "Idlib Desk\n@IdlibDesk · Feb 30, 2021\nA drone fell near Binnish.\n",
        encoding="utf-8",
    )
    posts = list(read_file(feed, []))
    assert [a.published for a in posts] == [date(2021, 9, 14), date(2021, 9, 2), None]  # no 30 February
    assert any("no day with a year" in w for w in posts[2].warnings)


def test_a_post_embedded_without_its_old_footer_does_not_swallow_the_article() -> None:
    text = f"{ARTICLE}\n\nLevant Watch@levant_watch · \nStorm closes schools\n4 Reposts 9 Likes\n\nThe shelling stopped at dusk."
    out = clean_text(text)
    assert ARTICLE in out and "The shelling stopped at dusk." in out and "Storm" not in out


def test_feed_lines_never_survive_on_their_own() -> None:
    for line in (
        "Retweet on Twitter 1071234567890123456",
        "Like on Twitter 1071234567890123456 7",
        "Follow us: https://t.co/Ab12Cd34Ef",
        "Levant Watch@levant_watch",
        "2h 1071234567890123456",
    ):
        assert clean_text(f"{ARTICLE}\n{line}") == ARTICLE, line


def test_article_paragraphs_are_kept_verbatim() -> None:
    body = (
        "Clashes broke out near Kinsabba on Friday.\n\n"
        "Shares of the local market fell, a trader said.\n\n"  # "share" inside a sentence stays
        "Residents said they would like to go home."
    )
    assert clean_text(body) == body


def test_byline_is_metadata_not_body() -> None:
    art = article_from_text(
        "Clashes Flare Near Kinsabba Again\nBy Coastal Front Monitor\n12 March 2019\n\n" + ARTICLE,
        id="a",
    )
    assert art.outlet == "Coastal Front Monitor"
    assert "By Coastal Front Monitor" not in art.text
    assert ARTICLE in art.text


def test_a_short_headline_above_the_body_is_the_title() -> None:
    art = article_from_text("Jableh shelled\n\nRebel rockets hit Jableh on Thursday, killing two civilians.", id="a")
    assert art.title == "Jableh shelled"
    # A line of the body is not a headline, however short.
    art = article_from_text("Rebel rockets hit Jableh on Thursday, killing two civilians.\n\nMore later.", id="b")
    assert art.title == ""
    # A desk or agency line above the body is no headline.
    for line in ("Euphrates Desk", "Beirut (Reuters)"):
        art = article_from_text(f"{line}\n\nRebel rockets hit Jableh on Thursday, killing two civilians.", id="c")
        assert art.title != line


def test_site_name_above_the_headline_is_not_the_title() -> None:
    text = (
        "Skip to content\nLevant Watchers | news from the front lines\nHome | Latest | DONATE\n\n"
        "Rebels Shell Jurin in the Ghab Plain\n\nBy Levant Watchers\n12 March 2019\n\n" + ARTICLE
    )
    art = article_from_text(text, id="a")
    assert art.title == "Rebels Shell Jurin in the Ghab Plain"
    assert art.published == date(2019, 3, 12)
    assert art.outlet == "Levant Watchers"


def test_a_menu_or_language_switcher_is_not_the_title() -> None:
    for menu in ("Search...   العربية | Türkçe | Français", "Menu  Home  World  Syria  Opinion  Video"):
        text = f"THE COAST POST\n{menu}\n\nGunmen kill two farmers near Jableh\n\n14 March 2019\n\n" + ARTICLE
        art = article_from_text(text, id="a")
        assert art.title == "Gunmen kill two farmers near Jableh", menu


@pytest.mark.parametrize(
    ("banner", "outlet"),
    [
        ("Coast Watch - Syrian Coast News Agency", "Coast Watch"),
        ("The Levant Observatory for Civil Rights", "The Levant Observatory for Civil Rights"),
        ("Gazette 7 - Middle East", ""),
        ("Levant Radio (English translation)", "Levant Radio"),
    ],
)
def test_a_site_banner_above_the_headline_is_the_outlet_not_the_title(banner: str, outlet: str) -> None:
    text = f"{banner}\n\nGunmen kill two farmers near Jableh\n\n14 March 2019\n\n" + ARTICLE
    art = article_from_text(text, id="a")
    assert art.title == "Gunmen kill two farmers near Jableh"
    if outlet:
        assert art.outlet == outlet


def test_a_banner_alone_is_no_title() -> None:
    art = article_from_text("Coast Watch - Syrian Coast News Agency\nPress release | 14.03.2019\n\n" + ARTICLE, id="a")
    assert art.title == ""


def test_a_labelled_date_at_the_foot_of_the_page_is_the_publication_date() -> None:
    art = article_from_text(
        "Gunmen kill two farmers near Jableh\n\n" + ARTICLE + "\n\nPublished: 15 March 2021\n", id="a"
    )
    assert art.published == date(2021, 3, 15)
    # A date in the last paragraph of a story is not one.
    story = " ".join([ARTICLE] * 4)
    art = article_from_text(
        f"Gunmen kill two farmers near Jableh\n\n{story}\n\nThe town fell on 15 March 2016.", id="b"
    )
    assert art.published is None


# --- HTML


def test_html_fixture() -> None:
    art = read_one(FIX / "script_and_entities.html")
    assert art.title == "Aid Reaches Al-Hasakah & Qamishli"
    assert art.published == date(2019, 3, 4)
    assert art.outlet == "Levant Monitor"
    text = art.text.replace("\xa0", " ")
    assert 'The UN’s convoy – 25 trucks – reached al-Hasakah on Sunday, the "Syrian Arab Red Crescent" said.' in text
    assert "Officials in Qamishli called it a “lifeline”." in text
    assert "A café owner said: <we waited three weeks> & prices doubled." in text
    for bad in (
        "Saraqib",
        "killing 20 civilians",
        "not text",
        "Idlib",
        "Ras al-Ayn shelled",
        "Home",
        "DONATE",
        "&amp;",
        "&nbsp;",
        "&#",
    ):
        assert bad not in text, bad


HTML_PAGE = """<!doctype html>
<html><head>
<title>Drone Strike Hits Depot in Jisr al-Shughur | Coastal Front Monitor</title>
<meta property="og:site_name" content="Coastal Front Monitor">
<meta property="article:published_time" content="2019-05-14T08:00:00+03:00">
<meta property="og:url" content="https://cfm.example/2019/05/14/depot">
<script type="application/ld+json">{"headline": "Shelling of Latakia kills 40"}</script>
<style>.x { background: url(idlib.png) }</style>
</head><body>
<header><a href="/">Home</a> <a href="/donate">Donate</a></header>
<div class="post">
<p>A drone struck an ammunition depot in Jisr al-Shughur on Monday &mdash; the blast was heard in
Darkush, residents told CFM&#8217;s reporter.</p>
<p>Three fighters were wounded &amp; the depot burned for hours.</p>
</div>
<footer><p>&copy; 2019 Coastal Front Monitor</p></footer>
<script>var s = "Russian jets pounded Kabani";</script>
</body></html>"""


def test_html_page_from_scratch(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    p.write_text(HTML_PAGE, encoding="utf-8")
    art = read_one(p)
    # No og:title or <h1>: the <title>, without the site's name after its headline.
    assert art.title == "Drone Strike Hits Depot in Jisr al-Shughur"
    assert art.published == date(2019, 5, 14)
    assert art.outlet == "Coastal Front Monitor"
    assert art.url == "https://cfm.example/2019/05/14/depot"
    assert "Jisr al-Shughur on Monday — the blast" in " ".join(art.text.split())
    assert "CFM’s reporter" in art.text
    assert "Three fighters were wounded & the depot burned for hours." in art.text
    for bad in ("Latakia kills 40", "idlib.png", "Kabani", "Home", "Donate", "©", "&amp;"):
        assert bad not in art.text, bad


def test_html_sniffed_in_a_txt_file(tmp_path: Path) -> None:
    p = tmp_path / "saved_page.txt"
    p.write_text(HTML_PAGE, encoding="utf-8")
    art = read_one(p)
    assert art.outlet == "Coastal Front Monitor"
    assert "<p>" not in art.text and "Kabani" not in art.text


def test_parse_html_prefers_article_element() -> None:
    doc = parse_html("<body><div>Menu Sidebar</div><article><h1>Head Line</h1><p>Body &lt;b&gt;</p></article></body>")
    assert doc.title == "Head Line"
    assert "Menu" not in doc.text
    assert doc.text.endswith("Body <b>")


def test_cells_and_blocks_of_minified_html_do_not_run_together() -> None:
    page = (
        "<html><body><table><tr><th>Town</th><th>Event</th><th>Dead</th></tr>"
        "<tr><td>Masyaf</td><td>airstrike</td><td>3 killed</td></tr>"
        "<tr><td>Qadmous</td><td>shelling</td><td>none</td></tr></table>"
        "<dl><dt>Safita</dt><dd>calm</dd></dl><ul><li>Maadan</li><li>Tal Rifaat</li></ul>"
        "<div>Jets struck Abu Kamal</div><div>on 5 May 2021.</div></body></html>"
    )
    lines = [line for line in parse_html(page).text.split("\n") if line]
    assert lines == [
        "Town Event Dead",
        "Masyaf airstrike 3 killed",
        "Qadmous shelling none",
        "Safita",
        "calm",
        "Maadan",
        "Tal Rifaat",
        "Jets struck Abu Kamal",
        "on 5 May 2021.",
    ]


def test_inline_tags_inside_a_cell_do_not_split_its_words() -> None:
    doc = parse_html("<table><tr><td>Khan <b>Shaykhun</b></td><td>Jisr al-<i>Shughur</i></td></tr></table>")
    assert doc.text == "Khan Shaykhun Jisr al-Shughur"


@pytest.mark.parametrize(
    ("head", "title", "outlet"),
    [
        (
            "<title>Shells hit Masyaf, killing two - Safita Courier</title>",
            "Shells hit Masyaf, killing two",
            "Safita Courier",
        ),
        ("<title>Shells hit Masyaf, killing two | Levant24</title>", "Shells hit Masyaf, killing two", "Levant24"),
        (
            "<title>Shells hit Masyaf, killing two — The Daily Orontes</title>",
            "Shells hit Masyaf, killing two",
            "The Daily Orontes",
        ),
        # The section between the headline and the site's name goes too.
        (
            "<title>Shells hit Masyaf, killing two | World news | Orontes Post</title>",
            "Shells hit Masyaf, killing two",
            "Orontes Post",
        ),
        # The <h1> matches the part before the site's name: it vouches for the split.
        (
            "<title>Masyaf shelled - Orontes Shelling Watchers</title><h1>Masyaf shelled</h1>",
            "Masyaf shelled",
            "Orontes Shelling Watchers",
        ),
        # No site's name after the headline: the title is kept whole and no outlet is made up.
        ("<title>Shelling of Qadmous - live updates</title>", "Shelling of Qadmous - live updates", ""),
        ("<title>Jets strike near Maadan - By Sarah Post</title>", "Jets strike near Maadan - By Sarah Post", ""),
        ("<title>Aid reaches Abu Kamal - 3 June 2019</title>", "Aid reaches Abu Kamal - 3 June 2019", ""),
        ("<title>Masyaf | Qadmous</title>", "Masyaf | Qadmous", ""),
        # A declared site name is the outlet, and the <title>'s part that matches it leaves the title.
        (
            '<title>Masyaf shelled again - Part 2</title><meta property="og:site_name" content="Orontes Press">',
            "Masyaf shelled again - Part 2",
            "Orontes Press",
        ),
        (
            '<title>Masyaf shelled again - orontes press</title><meta property="og:site_name" content="Orontes Press">',
            "Masyaf shelled again",
            "Orontes Press",
        ),
    ],
)
def test_the_site_name_after_the_headline_in_the_title_is_the_outlet(head: str, title: str, outlet: str) -> None:
    doc = parse_html(f"<html><head>{head}</head><body><p>Shells hit Masyaf on Monday.</p></body></html>")
    assert (doc.title, doc.outlet) == (title, outlet)


def _masyaf_page(title: str, *, h1: bool, extra: str = "") -> str:
    h = "<h1>Jets strike Masyaf</h1>" if h1 else ""
    body = "<p>Warplanes struck the outskirts of Masyaf on Monday, killing two farmers, residents said.</p>"
    return f"<html><head><title>{title}</title></head><body>{h}{body}{extra}</body></html>"


@pytest.mark.parametrize("h1", [True, False], ids=["h1", "no-h1"])
@pytest.mark.parametrize(
    "suffix",
    [
        "- Analysis",
        "| Opinion",
        "– Video",
        "- Update",
        "| Exclusive",
        "- Live",
        "| Interview",
        "| Feature",
        "- Podcast",
        "| Editorial",
        "- Watch",
        "| Gallery",
        "| Factbox",
        "- Explainer",
        "| Live blog",
        "- By Sarah Post",
    ],
)
def test_a_section_or_genre_word_after_the_headline_is_no_outlet(suffix: str, h1: bool) -> None:
    # The <h1> that matches the part before the separator vouches for the split, not for the word after it.
    doc = parse_html(_masyaf_page(f"Jets strike Masyaf {suffix}", h1=h1))
    assert doc.outlet == ""
    assert doc.title == ("Jets strike Masyaf" if h1 else f"Jets strike Masyaf {suffix}")


@pytest.mark.parametrize("h1", [True, False], ids=["h1", "no-h1"])
@pytest.mark.parametrize("outlet", ["Reuters", "AFP", "SANA", "Xinhua", "Sputnik", "Anadolu", "Enab Baladi"])
def test_a_one_word_outlet_after_the_headline_is_still_the_outlet(outlet: str, h1: bool) -> None:
    doc = parse_html(_masyaf_page(f"Jets strike Masyaf - {outlet}", h1=h1))
    assert (doc.title, doc.outlet) == ("Jets strike Masyaf", outlet)


def test_a_section_between_the_headline_and_the_site_name_goes_with_the_section() -> None:
    doc = parse_html(_masyaf_page("Jets strike Masyaf | Analysis | Orontes Wire", h1=False))
    assert (doc.title, doc.outlet) == ("Jets strike Masyaf", "Orontes Wire")


def test_a_title_suffix_named_elsewhere_in_the_page_as_the_site_is_the_outlet() -> None:
    # "Masyaf shelled - Enab Baladi" alone is too short to split (the suffix could be half the headline),
    # but the page's copyright line names the same site.
    footer = "<footer><p>Copyright &copy; 2021 Enab Baladi. All rights reserved.</p></footer>"
    page = _masyaf_page("Masyaf shelled - Enab Baladi", h1=False, extra=footer)
    assert (parse_html(page).title, parse_html(page).outlet) == ("Masyaf shelled", "Enab Baladi")
    bare = parse_html(_masyaf_page("Masyaf shelled - Enab Baladi", h1=False))
    assert (bare.title, bare.outlet) == ("Masyaf shelled - Enab Baladi", "")
    # A genre word is no outlet unless the page declares a site by that name.
    ld = '<script type="application/ld+json">{"publisher": {"name": "Exclusive"}}</script>'
    doc = parse_html(_masyaf_page("Jets strike Masyaf - Exclusive", h1=True, extra=ld))
    assert (doc.title, doc.outlet) == ("Jets strike Masyaf", "Exclusive")


LD_PAGE = """<html><head><title>Drone strike near Tal Rifaat</title>
<script type="application/ld+json">{ld}</script>
</head><body><article><p>A drone struck a car near Tal Rifaat on Monday, killing two fighters.</p></article></body></html>"""


@pytest.mark.parametrize(
    "ld",
    [
        {
            "@type": "NewsArticle",
            "datePublished": "2022-06-14",
            "publisher": {"@type": "Organization", "name": "Orontes Wire"},
        },
        [
            {"@type": "BreadcrumbList"},
            {"@type": "NewsArticle", "datePublished": "2022-06-14", "publisher": [{"name": "Orontes Wire"}]},
        ],
        {
            "@context": "https://schema.org",
            "@graph": [
                {
                    "@type": "NewsArticle",
                    "datePublished": "2022-06-14T08:00:00+03:00",
                    "author": {"name": "Sarah Post"},
                    "publisher": {"@id": "#org"},
                },
                {"@type": "NewsMediaOrganization", "@id": "#org", "name": "Orontes Wire"},
            ],
        },
    ],
)
def test_the_json_ld_publisher_is_the_outlet(tmp_path: Path, ld: object) -> None:
    path = tmp_path / "ld.html"
    path.write_text(LD_PAGE.format(ld=json.dumps(ld)), encoding="utf-8")
    art = read_one(path)
    assert (art.title, art.outlet, art.published) == ("Drone strike near Tal Rifaat", "Orontes Wire", date(2022, 6, 14))
    assert art.text == "A drone struck a car near Tal Rifaat on Monday, killing two fighters."


def test_broken_json_ld_is_passed_over_and_og_site_name_comes_first() -> None:
    page = LD_PAGE.format(ld='{"publisher": {"name": "Orontes Wire"') + '<script type="application/ld+json">[]</script>'
    assert parse_html(page).outlet == ""
    og = '<meta property="og:site_name" content="Safita Today">'
    page = LD_PAGE.format(ld='{"publisher": {"name": "Orontes Wire"}}').replace("</head>", og + "</head>")
    assert parse_html(page).outlet == "Safita Today"


# --- a <title> that is only the site's name and/or a section: the headline is elsewhere on the page

_MASYAF_HEADLINE = "Warplanes kill five civilians in Masyaf air raid"
_MASYAF_BODY = "<div class='body'><div>Jets killed five civilians in Masyaf yesterday, residents said.</div></div>"


def _front_page(title: str, head: str = "", top: str = "", foot: str = "") -> str:
    """A div-laid-out page whose ``<title>`` is ``title`` and whose headline sits in ``top``."""
    return (
        f"<html><head><title>{title}</title>"
        f'<meta property="article:published_time" content="2019-03-12">{head}</head>'
        f"<body><div class='wrap'>{top}{_MASYAF_BODY}</div>{foot}</body></html>"
    )


def _ld_headline(headline: str, publisher: str = "") -> str:
    ld: dict[str, object] = {"@type": "NewsArticle", "headline": headline}
    if publisher:
        ld["publisher"] = {"name": publisher}
    return f'<script type="application/ld+json">{json.dumps(ld)}</script>'


_H1 = f"<div class='title'><h1>{_MASYAF_HEADLINE}</h1></div>"
_H2 = f"<div class='title'><h2 class='entry headline'>{_MASYAF_HEADLINE}</h2></div>"
_OG = f'<meta property="og:title" content="{_MASYAF_HEADLINE}">'
_SITE_ONLY_PAGES = {
    "name-home-h1": _front_page("Enab Baladi Mirror - Home", top=_H1),
    "name-news-og": _front_page("Levant Wire | News", head=_OG, top=f"<div>{_MASYAF_HEADLINE}</div>"),
    "home-name-h2": _front_page("Home - Frontline Digest", top=_H2),
    "name-latest-ld": _front_page(
        "Orontes Wire | Latest", head=_ld_headline(_MASYAF_HEADLINE), top=f"<div>{_MASYAF_HEADLINE}</div>"
    ),
    "arabic-home-h1": _front_page("الرئيسية - Qadmous Voice", top=_H1),
    "front-page-h2-under-logo-h1": _front_page(
        "Front page | Safita Courier", top=f"<div class='logo'><h1>Safita Courier</h1></div>{_H2}"
    ),
    "og-title-is-the-site-name": _front_page(
        "Tal Rifaat Today",
        head='<meta property="og:site_name" content="Tal Rifaat Today"><meta property="og:title" content="Tal Rifaat Today">',
        top=_H1,
    ),
    "publisher-name-ld": _front_page(
        "Maadan Herald - Main",
        head=_ld_headline("Maadan Herald", "Maadan Herald") + _ld_headline(_MASYAF_HEADLINE),
        top=f"<div>{_MASYAF_HEADLINE}</div>",
    ),
    "copyright-name-h2": _front_page(
        "Masyaf Gazette", top=_H2, foot="<div class='foot'>&copy; 2019 Masyaf Gazette. All rights reserved.</div>"
    ),
    "index-h1": _front_page("Index", top=_H1),
}
_SITE_ONLY_OUTLETS = {
    "name-home-h1": "Enab Baladi Mirror",
    "name-news-og": "Levant Wire",
    "home-name-h2": "Frontline Digest",
    "name-latest-ld": "Orontes Wire",
    "arabic-home-h1": "Qadmous Voice",
    "front-page-h2-under-logo-h1": "Safita Courier",
    "og-title-is-the-site-name": "Tal Rifaat Today",
    "publisher-name-ld": "Maadan Herald",
    "copyright-name-h2": "Masyaf Gazette",
    "index-h1": "",
}


@pytest.mark.parametrize("name", list(_SITE_ONLY_PAGES))
def test_a_title_that_is_only_the_site_name_gives_way_to_the_pages_headline(name: str) -> None:
    doc = parse_html(_SITE_ONLY_PAGES[name])
    assert (doc.title, doc.outlet) == (_MASYAF_HEADLINE, _SITE_ONLY_OUTLETS[name])


def test_og_title_then_json_ld_then_h1_then_a_headline_h2() -> None:
    og = '<meta property="og:title" content="Shells hit Safita">'
    ld = _ld_headline("Drone strikes Maadan")
    h1 = "<h1>Clashes near Tal Rifaat</h1>"
    h2 = "<h2 class='headline'>Curfew in Qadmous</h2>"
    assert parse_html(_front_page("Levant Wire | News", head=og + ld, top=h1 + h2)).title == "Shells hit Safita"
    assert parse_html(_front_page("Levant Wire | News", head=ld, top=h1 + h2)).title == "Drone strikes Maadan"
    assert parse_html(_front_page("Levant Wire | News", top=h1 + h2)).title == "Clashes near Tal Rifaat"
    assert parse_html(_front_page("Levant Wire | News", top=h2)).title == "Curfew in Qadmous"
    # A plain <h2> is a subheading, not the headline.
    assert parse_html(_front_page("Levant Wire | News", top="<h2>Curfew in Qadmous</h2>")).title != "Curfew in Qadmous"


def test_a_headline_followed_by_a_section_word_is_still_the_headline() -> None:
    # "Curfew in Safita | News": the <h1> says the part before the separator is the headline, not a site.
    doc = parse_html(_front_page("Curfew in Safita | News", top="<h1>Curfew in Safita</h1>"))
    assert (doc.title, doc.outlet) == ("Curfew in Safita", "")
    # With nothing else to go on, the <title> stays whole and no outlet is made up.
    doc = parse_html(_front_page("Curfew in Safita | News"))
    assert (doc.title, doc.outlet) == ("Curfew in Safita | News", "")
    # "Headline - Site" still splits as before.
    doc = parse_html(_front_page("Shells hit Masyaf, killing two - Northern Dispatch", top=_H2))
    assert (doc.title, doc.outlet) == ("Shells hit Masyaf, killing two", "Northern Dispatch")


def test_a_site_only_title_with_no_headline_tag_leaves_the_title_to_the_body(tmp_path: Path) -> None:
    page = _front_page(
        "Enab Baladi Mirror - Home",
        head='<meta property="og:site_name" content="Enab Baladi Mirror">',
        top=f"<div>{_MASYAF_HEADLINE}</div>",
    )
    path = tmp_path / "front.html"
    path.write_text(page, encoding="utf-8")
    art = read_one(path)
    assert (art.title, art.outlet, art.published) == (_MASYAF_HEADLINE, "Enab Baladi Mirror", date(2019, 3, 12))


@pytest.mark.parametrize(
    "name", ["name-home-h1", "name-news-og", "home-name-h2", "name-latest-ld", "publisher-name-ld", "index-h1"]
)
def test_the_bodys_yesterday_dates_the_event_when_the_title_is_only_the_site_name(tmp_path: Path, name: str) -> None:
    from geomap.events import load_actors
    from geomap.gazetteer import load_gazetteer
    from geomap.pipeline import extract

    path = tmp_path / f"{name}.html"
    path.write_text(_SITE_ONLY_PAGES[name], encoding="utf-8")
    art = read_one(path)
    assert (art.title, art.published) == (_MASYAF_HEADLINE, date(2019, 3, 12))
    events = extract(art, gazetteer=load_gazetteer(), actors=load_actors())[1]
    assert [(e.location, e.event_date, e.fatalities) for e in events] == [("Masyaf", "2019-03-11", 5)]
    assert all(e.date_flag != "article-date" for e in events)


# --- Markdown

MARKDOWN = """# Weekly Notes: Shelling Around Kinsabba

**By Coastal Front Monitor** &middot; *March 14, 2019* &middot; [Syria](https://x.example/tag/syria)

> Share: [Facebook](https://x.example/fb) | [Twitter](https://x.example/tw)

---

## Incidents

- On **Tuesday**, rebels shelled the village of [Jurin](https://x.example/j) in the al-Ghab plain.
- Residents of *Kinsabba* said the road was closed &amp; shops shut.

Use the code `RISK\\_ZONE` when citing.
"""


def test_markdown(tmp_path: Path) -> None:
    p = tmp_path / "notes.md"
    p.write_text(MARKDOWN, encoding="utf-8")
    art = read_one(p)
    assert art.title == "Weekly Notes: Shelling Around Kinsabba"
    assert art.published == date(2019, 3, 14)
    assert art.outlet == "Coastal Front Monitor"
    assert "On Tuesday, rebels shelled the village of Jurin in the al-Ghab plain." in art.text
    assert "Residents of Kinsabba said the road was closed & shops shut." in art.text
    assert "RISK_ZONE" in art.text
    for bad in ("**", "](", "https://", "#", "&amp;", "&middot;", "Share:", "---", "> "):
        assert bad not in art.text, bad


def test_strip_markdown_keeps_words() -> None:
    assert strip_markdown("### A *small* [link](http://x.example) and `code`") == "A small link and code"


# --- JSONL / CSV exports

RECORDS = [
    {
        "id": "r-1",
        "title": "Clashes near Kinsabba",
        "text": "On Monday, clashes erupted near Kinsabba.\nTwo died.",
        "published": "2019-03-11T06:00:00Z",
        "url": "https://x.example/1",
        "outlet": "Coastal Front Monitor",
    },
    {
        "id": "r-2",
        "title": "Shelling of Jurin",
        "text": "Rebels shelled “Jurin” on Sunday.",
        "published": "2019-03-10",
        "url": "https://x.example/2",
        "outlet": "Levant Watchers",
    },
]


def test_jsonl_export(tmp_path: Path) -> None:
    p = tmp_path / "export.jsonl"
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in RECORDS) + "\n\n", encoding="utf-8")
    arts, errs = read_articles([p])
    assert errs == []
    assert [a.id for a in arts] == ["r-1", "r-2"]
    a, b = arts
    assert (a.title, a.published, a.url, a.outlet) == (
        "Clashes near Kinsabba",
        date(2019, 3, 11),
        "https://x.example/1",
        "Coastal Front Monitor",
    )
    assert a.text == "On Monday, clashes erupted near Kinsabba.\nTwo died."
    assert b.text == "Rebels shelled “Jurin” on Sunday."
    assert a.source_path.endswith("export.jsonl:1")


def test_csv_export_with_quoting_and_crlf(tmp_path: Path) -> None:
    import csv

    p = tmp_path / "export.csv"
    with p.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, ["id", "title", "text", "published", "url", "outlet"], lineterminator="\r\n")
        w.writeheader()
        w.writerows(
            RECORDS
            + [
                {
                    "id": "r-3",
                    "title": 'A "quoted", title',
                    "text": "Line one, with comma.\r\nLine two.",
                    "published": "",
                    "url": "",
                    "outlet": "",
                }
            ]
        )
    arts, errs = read_articles([p])
    assert errs == []
    assert [a.id for a in arts] == ["r-1", "r-2", "r-3"]
    assert arts[0].published == date(2019, 3, 11)
    assert arts[2].title == 'A "quoted", title'
    assert "Line one, with comma." in arts[2].text and "Line two." in arts[2].text
    assert "\r" not in arts[2].text
    assert arts[2].published is None
    assert any("no publication date" in w for w in arts[2].warnings)


def test_broken_jsonl_line_is_reported_and_the_rest_read() -> None:
    arts, errs = read_articles([FIX / "broken_line.jsonl"])
    assert [(a.id, a.published, a.outlet) for a in arts] == [
        ("ok-1", date(2019, 3, 4), "Levant Monitor"),
        ("ok-3", date(2019, 3, 5), "Frontline Digest"),
    ]
    assert len(errs) == 1
    err = errs[0]
    assert isinstance(err, InputError)
    assert err.line == 2
    assert "broken_line.jsonl" in str(err) and ":2" in str(err)


def test_csv_without_text_column_is_a_clear_error() -> None:
    arts, errs = read_articles([FIX / "missing_text_column.csv"])
    assert arts == []
    assert len(errs) == 1
    msg = str(errs[0])
    assert "missing_text_column.csv" in msg and "'text'" in msg


def test_jsonl_record_without_text_is_reported(tmp_path: Path) -> None:
    p = tmp_path / "x.jsonl"
    p.write_text(
        '{"id": "a", "title": "t", "text": "On Monday jets struck Ariha."}\n{"id": "b", "title": "only"}\n[1, 2]\n',
        encoding="utf-8",
    )
    arts, errs = read_articles([p])
    assert [a.id for a in arts] == ["a"]
    assert [e.line for e in errs] == [2, 3]


# --- encodings and degenerate files


def test_utf8_bom() -> None:
    art = read_one(FIX / "bom_utf8.txt")
    assert art.title == "SDF Says Calm Restored in Serêkaniyê After Shelling"
    assert not art.title.startswith("\ufeff") and "\ufeff" not in art.text
    assert "رأس العين" in art.text
    assert (art.published, art.outlet) == (date(2015, 2, 12), "Euphrates Desk")


def test_utf16_with_bom_and_crlf() -> None:
    art = read_one(FIX / "utf16.txt")
    assert art.title == "Café Owners in Qamishli Reopen After Curfew"
    assert "\x00" not in art.text and "\r" not in art.text
    assert "القامشلي" in art.text
    assert (art.published, art.outlet) == (date(2017, 4, 2), "Levant Monitor")


def test_latin1_fallback() -> None:
    art = read_one(FIX / "latin1.txt")
    assert art.title == "Réseau Levant: Convoy Reaches Douma"
    for word in ("Réseau", "café-owners'", "délégation"):
        assert word in art.text
    assert "\ufffd" not in art.text and "Ã©" not in art.text
    assert (art.published, art.outlet) == (date(2017, 4, 5), "Réseau Levant")
    assert any("Latin-1" in w for w in art.warnings)


@pytest.mark.parametrize(
    "meta",
    [
        '<meta charset="windows-1256">',
        "<meta charset=WINDOWS-1256 />",
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">',
    ],
)
def test_a_pages_declared_charset_is_honoured_when_it_is_not_utf8(tmp_path: Path, meta: str) -> None:
    page = (
        f"<html><head>{meta}<title>قصف مصياف</title></head><body>"
        "<p>Artillery shelled Masyaf on 3 June 2019, killing two people. قصفت المدفعية مدينة مصياف</p></body></html>"
    )
    path = tmp_path / "ar.html"
    path.write_bytes(page.encode("cp1256"))
    art = read_one(path)
    assert "قصفت المدفعية مدينة مصياف" in art.text
    assert art.text.startswith("Artillery shelled Masyaf")
    assert art.published == date(2019, 6, 3)
    assert art.warnings == ()


@pytest.mark.parametrize(
    ("meta", "body"),
    [
        ("<meta charset=no-such-codec>", "Caf\xe9 owners in Safita reopened."),  # unknown codec
        ("<meta charset=utf-8>", "Caf\xe9 owners in Safita reopened."),  # says UTF-8, is not
        ("<meta charset=base64>", "Caf\xe9 owners in Safita reopened."),  # no text codec
        ("<meta charset=iso-8859-1>", "Caf\xe9 owners in Safita reopened \x96 quietly."),  # read as browsers do
    ],
)
def test_a_declared_charset_that_cannot_be_used_keeps_the_windows_1252_fallback(
    tmp_path: Path, meta: str, body: str
) -> None:
    path = tmp_path / "p.html"
    path.write_bytes(f"<html><head>{meta}</head><body><p>{body}</p></body></html>".encode("latin-1"))
    art = read_one(path)
    assert art.text == body.replace("\x96", "\u2013")
    assert art.warnings == (
        "not UTF-8; read as Windows-1252/Latin-1",
        f"{NO_DATE}; dates without a year stay without one",
    )


def test_valid_utf8_wins_over_a_declared_charset(tmp_path: Path) -> None:
    path = tmp_path / "u.html"
    path.write_bytes('<meta charset="windows-1256"><p>قصف مصياف في قدموس</p>'.encode())
    art = read_one(path)
    assert art.text == "قصف مصياف في قدموس"
    assert not any("UTF-8" in w for w in art.warnings)


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.txt", "empty"),
        ("binary_png_as.txt", "binary"),
        ("image.png", "unsupported"),
    ],
)
def test_degenerate_file_is_reported_not_read(name: str, reason: str) -> None:
    arts, errs = read_articles([FIX / name])
    assert arts == []
    assert len(errs) == 1
    assert name in str(errs[0]) and reason in str(errs[0])


def test_missing_path_is_reported(tmp_path: Path) -> None:
    arts, errs = read_articles([tmp_path / "nope.txt"])
    assert arts == [] and "no such file" in str(errs[0])


def test_fixture_folder_reads_everything_it_can() -> None:
    arts, errs = read_articles([FIX])
    bad = sorted(Path(e.path).name for e in errs)
    assert bad == ["binary_png_as.txt", "broken_line.jsonl", "empty.txt", "missing_text_column.csv"]
    assert "README.md" not in {Path(a.source_path).name for a in arts}


# --- folders and undated articles


def test_folders_are_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    files = [
        "b.txt",
        "a/z.md",
        "a/b/c.html",
        "c.jsonl",
        "A_upper.txt",
        ".hidden/x.txt",
        "notes.pdf",
        "sub/README.md",
    ]
    for f in files:
        p = tmp_path / f
        p.parent.mkdir(parents=True, exist_ok=True)
        if f.endswith(".jsonl"):
            p.write_text(json.dumps({"id": "j1", "text": "Clashes near Kinsabba on Monday."}) + "\n")
        elif f.endswith(".html"):
            p.write_text("<html><body><p>Clashes near Kinsabba on Monday.</p></body></html>")
        else:
            p.write_text(f"Clashes near Kinsabba on Monday ({f}).\n")
    got = [p.relative_to(tmp_path).as_posix() for p in iter_input_files([tmp_path])]
    assert got == ["A_upper.txt", "a/b/c.html", "a/z.md", "b.txt", "c.jsonl"]
    arts, errs = read_articles([tmp_path])
    assert errs == []
    assert [a.id for a in arts] == ["A_upper.txt", "c.html", "z.md", "b.txt", "j1"]
    # An explicit file is read even when its folder was given as well.
    arts2, _ = read_articles([tmp_path / "b.txt"])
    assert [a.id for a in arts2] == ["b.txt"]


def test_article_without_date_is_kept_and_flagged(tmp_path: Path) -> None:
    p = tmp_path / "undated.txt"
    p.write_text(
        "Notes From the Latakia Front Line\n\nOn October 11th, the army shelled Kabani.\n",
        encoding="utf-8",
    )
    art = read_one(p)
    assert art.published is None
    assert art.title == "Notes From the Latakia Front Line"
    assert "On October 11th, the army shelled Kabani." in art.text
    assert any("no publication date" in w for w in art.warnings)


def test_declared_date_that_cannot_be_read_is_flagged() -> None:
    art = article_from_text("Clashes near Kinsabba on Monday.", id="x", published="sometime last spring")
    assert art.published is None
    assert any("not understood" in w for w in art.warnings)


def test_a_publication_date_in_the_future_is_kept_with_a_warning() -> None:
    art = article_from_text("Clashes near Kinsabba on Monday.", id="x", published="2099-03-02")
    assert art.published is not None and art.published.isoformat() == "2099-03-02"
    assert any("2099-03-02 is in the future" in w for w in art.warnings)
    past = article_from_text("Clashes near Kinsabba on Monday.", id="y", published="2019-03-02")
    assert not any("future" in w for w in past.warnings)


def test_duplicate_ids_are_reported(tmp_path: Path) -> None:
    p = tmp_path / "dupes.jsonl"
    rec = {"id": "same", "text": "Clashes near Kinsabba on Monday."}
    p.write_text(json.dumps(rec) + "\n" + json.dumps(rec) + "\n")
    arts, errs = read_articles([p])
    assert len(arts) == 1 and len(errs) == 1 and "duplicate" in str(errs[0])


def test_the_same_id_for_another_text_in_another_export_is_kept(tmp_path: Path) -> None:
    # Two exports that each number their rows from 1: both articles are read.
    (tmp_path / "a.csv").write_text("id,text\n1,Clashes near Kinsabba on Monday.\n")
    (tmp_path / "b.csv").write_text("id,text\n1,Shelling hit Kabani on Tuesday.\n")
    arts, errs = read_articles([tmp_path])
    assert errs == []
    assert [a.id for a in arts] == ["1", "b.csv:1"]
    assert any("a.csv" in w for w in arts[1].warnings)


def test_a_related_articles_list_and_a_menu_are_boilerplate() -> None:
    page = (
        "Home | World | Middle East | Opinion | Sport\n"
        "Search\n\n"
        "Jets struck Ariha on Monday, killing four people.\n\n"
        "Related articles\n"
        "- Turkey sends more troops to Idlib\n"
        "- Aid convoy reaches Atmeh camp\n\n"
        "Talks stall again\n"
    )
    assert clean_text(page) == "Jets struck Ariha on Monday, killing four people."


@pytest.mark.parametrize(
    "junk",
    [
        "Read more: Government forces shell Khan Shaykhun again",
        "READ ALSO: Aid reaches Jisr al-Shughur",
        "Also read » Convoy stopped near Safita",
        "See also: Tal Rifaat front quiet",
        "Related: Jets strike Abu Kamal | Clashes near Maadan",
        "You may also like: Shelling in Qadmous kills 2 | Protest in Masyaf | Curfew in Safita",
        "You might also be interested in: Mines cleared near Maadan",
        "Retweet Quote Like",
        "Reply Retweet Like 12",
        "Tweet Share Pin 56 comments",
        "Like · Reply · 2h",
        "This site uses cookies. OK",
    ],
)
def test_link_blocks_and_action_rows_are_boilerplate(junk: str) -> None:
    text = f"{ARTICLE}\n\n{junk}\n\nThe shelling stopped at dusk."
    assert clean_text(text) == f"{ARTICLE}\n\nThe shelling stopped at dusk."


@pytest.mark.parametrize(
    "prose",
    [
        "Read more about the siege of Karm al-Zeitoun in the monitor's report, the statement said.",
        "Related fighting was reported near Tal Rifaat on Monday.",
        "You may also like to know that the road to Safita reopened on Tuesday.",
        "Like many residents of Masyaf, she fled when the shelling began.",
        "Share prices fell in Damascus after the strike on Abu Kamal.",
        "Follow-up raids hit Maadan, killing 3 people.",
        "See also the earlier shelling of Qadmous, which killed two.",
        "Reply from the governor came late; the shelling went on.",
    ],
)
def test_prose_that_only_contains_those_words_is_kept(prose: str) -> None:
    text = f"{ARTICLE}\n\n{prose}"
    assert clean_text(text) == text


def test_a_read_also_heading_takes_its_headlines_with_it() -> None:
    page = (
        f"{ARTICLE}\n\nRead also\nJets return over Jisr al-Shughur\nCurfew lifted in Safita\n\n"
        "The shelling stopped at dusk."
    )
    assert clean_text(page) == f"{ARTICLE}\n\nThe shelling stopped at dusk."


@pytest.mark.parametrize(
    ("header", "outlet"),
    [
        ("Levant Courier — Published 14 March 2019\n\nHeadline\n\nBy Staff Reporter\n\n", "Levant Courier"),
        ("Headline\n\nBy Our Correspondent\n\n", ""),
        ("Headline\n\nBy Syria Frontline Report\nPublished November 20 2018\n\n", "Syria Frontline Report"),
        # Writer, outlet and day on one byline: the outlet is the part that is neither.
        ("Headline\n\nBy Rami al-Haddad | Levant Courier | 3 May 2019\n\n", "Levant Courier"),
        ("Headline\n\nBy Rami al-Haddad · 3 May 2019 · Levant Courier\n\n", "Levant Courier"),
        ("Headline\n\nBy Syria Frontline Report | updated 20 November 2018\n\n", "Syria Frontline Report"),
        ("Headline\n\nBy Rami al-Haddad | Middle East Correspondent | Levant Courier\n\n", "Levant Courier"),
        # A writer with no outlet is no outlet, even when the surname is an outlet word.
        ("Headline\n\nBy Sarah Post\n\n", ""),
        ("Headline\n\nBy Sarah Post | 3 May 2019\n\n", ""),
        ("Headline\n\nBy Sarah Post — Published 3 May 2019\n\n", ""),
        ("Headline\n\nBy Sarah Post | Levant Courier | 3 May 2019\n\n", "Levant Courier"),
        ("Headline\n\nBy The Safita Post\n\n", "The Safita Post"),
        ("Headline\n\nBy Rami al-Haddad · 3 May 2019\n\n", ""),
        ("Headline\n\nBy Rami Haddad\n\n", ""),
    ],
)
def test_outlet_from_the_header(header: str, outlet: str) -> None:
    from geomap.ingest.meta import find_outlet

    assert find_outlet(header + "Jets struck Ariha on Monday.") == outlet


@pytest.mark.parametrize(
    ("byline", "outlet"),
    [
        # "Sarah Post" is a writer; "Washington Post" is an outlet, with or without its article.
        ("By Sarah Post", ""),
        ("By Washington Post", "Washington Post"),
        ("By The Washington Post", "The Washington Post"),
        ("By Washington Post | 3 May 2019", "Washington Post"),
        ("By Middle East Eye", "Middle East Eye"),
        # An outlet's staff: the outlet.
        ("By Al-Monitor staff", "Al-Monitor"),
        ("By Al Jazeera Staff", "Al Jazeera"),
        ("By Middle East Eye staff and agencies", "Middle East Eye"),
        ("By Orontes Post staff", "Orontes Post"),
        ("By Sarah Post, staff writer", ""),
        ("By Al Jazeera and news agencies", "Al Jazeera"),
        ("By Sarah Post and agencies", ""),
        ("By Our Staff", ""),
        # The outlet first, then its writer: the writer is no outlet.
        ("By Washington Post | Rami Haddad | 3 May 2019", "Washington Post"),
        ("By Orontes Post | Rami Haddad", ""),
        ("By Sarah Post | Levant Courier | 3 May 2019", "Levant Courier"),
        # A byline in capitals is no masthead.
        ("BY SARAH POST", ""),
    ],
)
def test_an_outlet_named_in_a_byline_is_the_outlet_and_a_writer_is_not(byline: str, outlet: str) -> None:
    from geomap.ingest.meta import find_outlet

    text = f"Jets strike Masyaf\n\n{byline}\n\nWarplanes struck Masyaf on Monday, killing two farmers."
    assert find_outlet(text) == outlet


def test_a_byline_name_the_text_calls_the_x_is_an_outlet() -> None:
    from geomap.ingest.meta import find_outlet

    body = "Warplanes struck Masyaf on Monday, killing two farmers, a doctor told the Orontes Post."
    assert find_outlet(f"Jets strike Masyaf\n\nBy Orontes Post\n\n{body}") == "Orontes Post"
    body = "Warplanes struck Masyaf on Monday, killing two farmers, a doctor told Sarah Post."
    assert find_outlet(f"Jets strike Masyaf\n\nBy Sarah Post\n\n{body}") == ""


def test_a_staff_byline_is_metadata_not_body() -> None:
    art = article_from_text(
        "Jets strike Masyaf\n\nBy Al-Monitor staff\n\nWarplanes struck Masyaf on Monday, killing two farmers.",
        id="x",
    )
    assert art.outlet == "Al-Monitor" and "staff" not in art.text


def test_an_export_date_with_the_day_first_is_read_when_only_one_reading_exists(tmp_path: Path) -> None:
    p = tmp_path / "export.jsonl"
    rows = [("d1", "14/01/2021"), ("d2", "01/14/2021"), ("d3", "2021-01-14")]
    p.write_text(
        "".join(f'{{"id": "{i}", "text": "Jets struck Ariha on Monday.", "published": "{d}"}}\n' for i, d in rows),
        encoding="utf-8",
    )
    arts, errs = read_articles([p])
    assert errs == [] and [a.published for a in arts] == [date(2021, 1, 14)] * 3
    assert not any("not understood" in w for a in arts for w in a.warnings)


def test_csv_with_semicolons(tmp_path: Path) -> None:
    p = tmp_path / "export.csv"
    p.write_text("id;title;text;published\nk1;Strike;Jets struck Ariha, killing four;2019-05-03\n", encoding="utf-8")
    arts, errs = read_articles([p])
    assert errs == [] and [(a.id, a.text, a.published) for a in arts] == [
        ("k1", "Jets struck Ariha, killing four", date(2019, 5, 3))
    ]


def test_csv_quote_never_closed_is_reported_and_the_rows_after_it_kept(tmp_path: Path) -> None:
    p = tmp_path / "export.csv"
    p.write_text('id,text\nk1,"Jets struck Ariha\nk2,Shelling hit Kabani\nk3,Clashes near Kinsabba\n', encoding="utf-8")
    arts, errs = read_articles([p])
    # The broken row is reported and skipped; the rows after it are read as if it were not there.
    assert [(a.id, a.text) for a in arts] == [("k2", "Shelling hit Kabani"), ("k3", "Clashes near Kinsabba")]
    assert len(errs) == 1 and "line 2" in str(errs[0]) and "never closed" in str(errs[0])
    assert errs[0].line == 2


def test_csv_quote_closed_by_the_next_rows_quote_is_reported_and_that_row_kept(tmp_path: Path) -> None:
    # The open quote in k2 pairs with the opening quote of k3's text: read loosely, k3 would
    # vanish into k2's text (and its toll into k2's events); read strictly, the lines are no CSV.
    p = tmp_path / "export.csv"
    p.write_text(
        "id,title,text,published\n"
        'k1,One,"Jets struck Ariha, killing four.",2019-05-03\n'
        'k2,Two,"Drones struck Tal Rifaat on Sunday, killing three,2019-05-04\n'
        'k3,Three,"Clashes near Kinsabba killed two, a monitor said.",2019-05-05\n'
        'k4,Four,"A paragraph\nand, then, another, with, commas",2019-05-06\n',
        encoding="utf-8",
    )
    arts, errs = read_articles([p])
    assert [(a.id, a.published) for a in arts] == [
        ("k1", date(2019, 5, 3)),
        ("k3", date(2019, 5, 5)),
        ("k4", date(2019, 5, 6)),
    ]
    assert arts[1].text == "Clashes near Kinsabba killed two, a monitor said."
    [err] = errs
    assert (err.path, err.line) == (str(p), 3) and "never closed" in err.reason


def test_a_stray_inch_mark_does_not_cost_a_multiline_last_row(tmp_path: Path) -> None:
    p = tmp_path / "export.csv"
    p.write_text('id,text\nk1,A 5" gun fired on Kabani\nk2,"Jets struck Ariha.\nFour were killed."\n', encoding="utf-8")
    arts, errs = read_articles([p])
    assert errs == [] and [a.id for a in arts] == ["k1", "k2"]


def test_a_slashed_header_date_that_reads_both_ways_follows_the_texts_month() -> None:
    body = "Warplanes struck the market in Kafr Nabl on Monday, activists said. It was the third strike in March."
    art = article_from_text(f"Jets Pound Kafr Nabl Market\n\nEnab Watch\n12/03/2019\n\n{body}", id="a")
    assert art.published == date(2019, 3, 12)
    assert any("reads either way" in w and "2019-03-12" in w for w in art.warnings)
    # With no month in the text the month-first reading stays, and the warning says so.
    art = article_from_text("Jets Pound Kafr Nabl\n\n12/03/2019\n\nWarplanes struck Kafr Nabl on Monday.", id="b")
    assert art.published == date(2019, 12, 3)
    assert any("read month first" in w for w in art.warnings)
    # An unambiguous date gives no warning.
    art = article_from_text("Jets Pound Kafr Nabl\n\n12/13/2019\n\nWarplanes struck Kafr Nabl on Monday.", id="c")
    assert art.published == date(2019, 12, 13) and not any("either way" in w for w in art.warnings)


def test_a_folder_run_twice_does_not_read_its_own_outputs(tmp_path, monkeypatch, caplog):
    from click.testing import CliRunner

    from geomap.cli import cli

    (tmp_path / "masyaf.txt").write_text(
        "Shelling hits Masyaf\n\nPublished 14 May 2019\n\n"
        "Government artillery shelled the town of Masyaf on Monday, killing two civilians.\n",
        encoding="utf-8",
    )
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG")
    (tmp_path / "gone.html").symlink_to(tmp_path / "nowhere.html")
    monkeypatch.chdir(tmp_path)
    first = CliRunner().invoke(cli, ["run", ".", "--tiles", "none"])
    assert first.exit_code == 0, first.output
    counts = json.loads((tmp_path / "output" / "run.json").read_text(encoding="utf-8"))["counts"]
    with caplog.at_level("WARNING"):
        second = CliRunner().invoke(cli, ["run", ".", "--tiles", "none"])
    assert second.exit_code == 0, second.output
    again = json.loads((tmp_path / "output" / "run.json").read_text(encoding="utf-8"))["counts"]
    assert (again["articles"], again["events"]) == (counts["articles"], counts["events"]) == (1, 1)
    assert "left out: geomap's own output folder" in caplog.text
    # What a folder holds besides articles is said, not dropped in silence (images are expected).
    assert (
        "2 file(s) not read" in caplog.text and "notes.docx" in caplog.text and "gone.html (broken link)" in caplog.text
    )
    assert "logo.png" not in caplog.text


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2020/03/05", date(2020, 3, 5)),
        ("2020.03.05", date(2020, 3, 5)),
        ("3/5/20", date(2020, 3, 5)),
        ("1583366400", date(2020, 3, 5)),  # Unix seconds
        ("1583366400000", date(2020, 3, 5)),  # and milliseconds
        ("\u0662\u0660\u0662\u0660-\u0660\u0663-\u0660\u0665", date(2020, 3, 5)),  # Arabic-Indic digits
    ],
)
def test_export_date_fields_in_the_forms_exports_use(published, expected):
    a = article_from_text("Shelling hit Masyaf on Tuesday.", id="x", published=published)
    assert a.published == expected and a.warnings == ()


def test_an_export_date_that_reads_both_ways_is_said(tmp_path):
    p = tmp_path / "news.jsonl"
    p.write_text(
        json.dumps(
            {"id": "n1", "title": "Shelling", "text": "Shelling hit Masyaf in March.", "published": "12/03/2019"}
        )
        + "\n",
        encoding="utf-8",
    )
    [a], errors = read_articles([p])
    assert a.published == date(2019, 3, 12) and not errors
    assert any("reads either way" in w for w in a.warnings)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A date deep inside a sentence of the story is an event's, never the page's.
        (
            "Shelling in Khan Shaykhun\n\nOn Monday, regime shelling killed three civilians in Khan Shaykhun. "
            "The town was the site of a chemical attack on April 4, 2017 that killed more than 80 people.",
            None,
        ),
        # A date that opens the line, or a labelled one, dates the page.
        (
            "Monday 21 November 2016 Jets struck Masyaf, killing two people and wounding five others in the town.",
            date(2016, 11, 21),
        ),
        (
            "Jets struck Masyaf on Monday, killing two people and wounding five others in the town centre. Published: 22 November 2016",
            date(2016, 11, 22),
        ),
    ],
)
def test_a_date_inside_the_story_is_not_the_publication_date(text, expected):
    assert find_published(text) == expected


def test_a_background_attack_without_a_page_date_is_not_dated_on_it(tmp_path):
    from geomap.pipeline import text_to_events

    text = (
        "On Monday, regime shelling killed three civilians in Khan Shaykhun. "
        "The town was the site of a chemical attack on April 4, 2017 that killed more than 80 people."
    )
    evs = text_to_events(text, published=None)
    assert [(e.sub_event_type, e.event_date) for e in evs] == [("Shelling/artillery/missile attack", "")]


def test_an_event_export_among_the_articles_is_pointed_to_records(tmp_path: Path) -> None:
    p = tmp_path / "acled_export.csv"
    p.write_text(
        "event_id_cnty,event_date,event_type,latitude,longitude,location\nSYR1,2019-01-01,Battles,35.1,36.7,Hama\n",
        encoding="utf-8",
    )
    arts, errs = read_articles([p])
    assert arts == []
    msg = str(errs[0])
    assert "acled_export.csv" in msg and "--records" in msg and "geomap join" in msg


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("Wednesday, 12 June 2019 - Enab Baladi", "Enab Baladi"),
        ("*Published 14 October 2019 — Levant Watch*", "Levant Watch"),
        ("Published 2018-09-14 by Euphrates Post", "Euphrates Post"),
        # A writer after a date line is no outlet.
        ("12 June 2019 - Rami Haddad", ""),
        ("Published 2018-09-14 by Sarah Post", ""),
    ],
)
def test_the_site_after_its_date_line_is_the_outlet(line: str, outlet: str) -> None:
    art = article_from_text(f"Shelling in Masyaf\n\n{line}\n\nRebels shelled Masyaf on Monday.", id="x", kind="md")
    assert art.outlet == outlet


def test_markdown_front_matter_gives_title_date_and_outlet(tmp_path: Path) -> None:
    page = tmp_path / "brief.md"
    page.write_text(
        '---\ntitle: "Weekly Euphrates brief"\ndate: 2020-07-20\noutlet: Border Monitor\n'
        "url: https://example.org/brief\n---\n\nOn Monday, jets struck a depot near Abu Kamal.\n",
        encoding="utf-8",
    )
    (a,), _ = read_articles([page])
    assert (a.title, a.published, a.outlet, a.url) == (
        "Weekly Euphrates brief",
        date(2020, 7, 20),
        "Border Monitor",
        "https://example.org/brief",
    )
    assert "title:" not in a.text and a.text.startswith("On Monday")


def test_labelled_header_lines_of_a_text_page(tmp_path: Path) -> None:
    page = tmp_path / "note.txt"
    page.write_text(
        "Title: Shelling on Maadan\nSource: Euphrates Desk\nURL: https://example.org/n/1\nDate: 2019-05-07\n\n"
        "Regime shelling hit Maadan on Monday, killing two civilians.\n",
        encoding="utf-8",
    )
    (a,), _ = read_articles([page])
    assert (a.title, a.outlet, a.url, a.published) == (
        "Shelling on Maadan",
        "Euphrates Desk",
        "https://example.org/n/1",
        date(2019, 5, 7),
    )
    assert a.text.startswith("Regime shelling")


def test_a_short_headline_right_above_the_body_is_the_title() -> None:
    a = article_from_text(
        "Safita shelling\nShelling by regime forces on Safita killed 4 civilians on Monday.",
        id="a",
        published="2019-05-08",
    )
    assert a.title == "Safita shelling"
    # A hard-wrapped paragraph's first line is no headline above it.
    a = article_from_text(
        "Shelling by regime forces on Safita killed 4 civilians on Monday and\n"
        "wounded 12 more people, according to activists in the town.",
        id="b",
        published="2019-05-08",
    )
    assert a.title == ""


def test_readers_comments_and_share_bars_are_not_the_article() -> None:
    page = (
        "<html><head><title>Car bomb in Safita | North Wire</title></head><body>"
        "<h1>Car bomb in Safita</h1><p>A car bomb exploded in Safita on Monday, killing 5 civilians.</p>"
        '<div class="share-bar"><a>Share on Facebook</a><p>Tweet this</div>'
        '<section class="comments"><h3>3 comments</h3><p>Ahmad: 30 people were killed in Masyaf yesterday!!'
        "<p>Reply</section>"
        '<div id="cookie-consent">We use cookies</div>'
        "<p>Schools in Safita reopen on Sunday, the council said.</p></body></html>"
    )
    doc = parse_html(page)
    assert "Masyaf" not in doc.text and "Facebook" not in doc.text and "cookies" not in doc.text
    # The unclosed <p> inside the comments does not swallow the page after them.
    assert "Schools in Safita reopen" in doc.text and "killing 5 civilians" in doc.text


def test_a_feed_whose_handles_stand_in_brackets_is_split_into_posts(tmp_path: Path) -> None:
    feed = tmp_path / "feed.txt"
    feed.write_text(
        "Rami (@ramiwatch) · Mar 3, 2020\nHeavy regime shelling on Safita tonight. 2 children killed.\n"
        "12 Retweets 30 Likes\n\nRami (@ramiwatch) · Mar 4, 2020\nJets struck Masyaf this morning.\n",
        encoding="utf-8",
    )
    arts, _ = read_articles([feed])
    assert [(a.outlet, a.published) for a in arts] == [("Rami", date(2020, 3, 3)), ("Rami", date(2020, 3, 4))]


def test_a_script_inside_a_comments_box_does_not_swallow_the_page() -> None:
    page = (
        "<html><body><h1>Jets strike Safita</h1>"
        '<div class="comments"><script type="application/ld+json">{"@type": "Comment"}</script>'
        "<p>Reader: old news</div>"
        "<p>Jets struck Safita on Monday, killing two civilians.</p></body></html>"
    )
    doc = parse_html(page)
    assert "Jets struck Safita on Monday" in doc.text and "old news" not in doc.text


@pytest.mark.parametrize(
    ("byline", "outlet"),
    [
        ("By Sarah Post for The Washington Post", "The Washington Post"),
        ("By Rami al-Haddad for Levant Courier", "Levant Courier"),
        ("*By Hussam Khalil for Orontes Daily*", "Orontes Daily"),
    ],
)
def test_a_byline_for_an_outlet_names_the_outlet_not_the_writer(tmp_path, byline: str, outlet: str) -> None:
    page = tmp_path / "p.txt"
    page.write_text(
        f"Jets strike Maadan\n\n{byline}\nMay 9, 2019\n\nJets struck Maadan on Wednesday.\n", encoding="utf-8"
    )
    arts, _ = read_articles([page])
    assert (arts[0].outlet, arts[0].published) == (outlet, date(2019, 5, 9))


def test_a_telegram_header_with_only_the_time_starts_a_post_on_the_day_before_it(tmp_path) -> None:
    feed = tmp_path / "feed.txt"
    feed.write_text(
        "Orontes Front, [10.05.19 14:32]\nJets struck Maadan this morning.\n\n"
        "Orontes Front, [18:05]\nDrones struck a car near Tal Rifaat.\n\n"
        "[19:40] Orontes Front:\nShells hit Safita.\n",
        encoding="utf-8",
    )
    arts, problems = read_articles([feed])
    assert problems == []
    assert [(a.text.strip(), a.published) for a in arts] == [
        ("Jets struck Maadan this morning.", date(2019, 5, 10)),
        ("Drones struck a car near Tal Rifaat.", date(2019, 5, 10)),
        ("Shells hit Safita.", date(2019, 5, 10)),
    ]
    # With no dated header before it, the time alone gives no day: the post says so.
    feed.write_text(
        "Orontes Front, [09:12]\nJets struck Maadan.\n\nOrontes Front, [14:32]\nShells hit Safita.\n", encoding="utf-8"
    )
    arts, _ = read_articles([feed])
    assert len(arts) == 2 and all(a.published is None and a.warnings for a in arts)


def test_characters_that_print_as_nothing_are_dropped() -> None:
    # Zero-width spaces (also as an HTML entity), a byte-order mark inside the page, a soft
    # hyphen and direction marks split names and end up in the sentences analysts read.
    page = (
        "<html><head><title>Strike\u200b on Ma\u00addan</title></head><body>"
        "<p>\ufeffJets struck Maa&#8203;dan on Monday, killing two.\u200e</p></body></html>"
    )
    a = article_from_text(page, id="z", kind="html", published="2019-05-10")
    assert (a.title, a.text) == ("Strike on Madan", "Jets struck Maadan on Monday, killing two.")
    from geomap.pipeline import text_to_events

    [e] = text_to_events("Jets struck Maa\u200bdan on Monday, killing two.\u202c", published="2019-05-10")
    assert (e.location, e.sentence) == ("Maadan", "Jets struck Maadan on Monday, killing two.")


def test_a_json_export_is_read_as_articles_each_named_by_its_line(tmp_path: Path) -> None:
    folder = tmp_path / "scrape"
    folder.mkdir()
    (folder / "items.json").write_text(
        "[\n"
        '  {"id": "j1", "title": "Shelling on Masyaf", "text": "Government forces shelled Masyaf.",'
        ' "published": "2019-05-09"},\n'
        '  {"id": "j2", "title": "No text"},\n'
        "  7,\n"
        '  {"id": "j3", "title": "Clashes",\n   "body": "Clashes near Tafas.", "outlet": "Desk"}\n'
        "]\n",
        encoding="utf-8",
    )
    (folder / "wrapped.json").write_text(
        '{"source": "feed", "articles": [\n{"id": "w1", "title": "T", "content": "Jets struck Safita."}\n]}',
        encoding="utf-8",
    )
    (folder / "package.json").write_text('{"name": "site", "version": "1.0"}', encoding="utf-8")
    (folder / "lines.json").write_text(
        '{"id": "l1", "text": "Shelling hit Ariha."}\n{"id": "l2", "text": "Shelling hit Qadmous."}\n', encoding="utf-8"
    )
    articles, problems = read_articles([folder])
    got = {a.id: (a.source_path.rsplit("/", 1)[-1], a.title, a.outlet) for a in articles}
    assert got == {
        "j1": ("items.json:2", "Shelling on Masyaf", ""),
        "j3": ("items.json:5", "Clashes", "Desk"),
        "w1": ("wrapped.json:2", "T", ""),
        "l1": ("lines.json:1", "", ""),
        "l2": ("lines.json:2", "", ""),
    }
    said = {(Path(p.path).name, p.line): p.reason for p in problems}
    assert "no text field" in said[("items.json", 3)] and "got int" in said[("items.json", 4)]
    assert "holds no article records" in said[("package.json", None)]
    assert len(said) == 3


def test_a_json_exports_list_is_found_under_its_own_key_not_a_nested_namesake(tmp_path: Path) -> None:
    p = tmp_path / "feed.json"
    p.write_text(
        '{"meta": {"items": ["x"]},\n "items": [\n  {"id": "a", "text": "Shelling hit Ariha."},\n'
        '  {"id": "b", "text": "Shelling hit Tafas."}\n ]}\n',
        encoding="utf-8",
    )
    articles, problems = read_articles([p])
    assert [(a.id, a.source_path.rsplit(":", 1)[-1]) for a in articles] == [("a", "3"), ("b", "4")]
    assert problems == []


def test_geojson_passed_as_articles_points_to_records(tmp_path: Path) -> None:
    p = tmp_path / "events.json"
    p.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    _, problems = read_articles([p])
    [err] = problems
    assert "GeoJSON, not articles" in err.reason and "--records events.json" in err.reason


def test_an_arabic_page_saved_in_windows_1256_with_no_charset_is_read_as_arabic(tmp_path: Path) -> None:
    path = tmp_path / "ar.txt"
    body = "قصف مدفعي على مدينة مصياف اليوم وسقوط ثلاثة قتلى في ريف حماة"
    path.write_bytes(f"Masyaf\n\n{body}\n".encode("cp1256"))
    art = read_one(path)
    assert body in art.text
    assert "not UTF-8; read as Windows-1256 (Arabic)" in art.warnings
    # A Western page with accents is still Windows-1252.
    path.write_bytes("Les frappes ont touché l'hôpital à Safita, a déclaré un médecin.".encode("cp1252"))
    art = read_one(path)
    assert "touché l'hôpital à Safita" in art.text
    assert "not UTF-8; read as Windows-1252/Latin-1" in art.warnings


def test_toml_front_matter_gives_title_and_date(tmp_path: Path) -> None:
    path = tmp_path / "post.md"
    path.write_text(
        '+++\ntitle = "Shelling on Tafas"\ndate = 2025-03-10\n+++\n\nGovernment forces shelled Tafas on Sunday.\n',
        encoding="utf-8",
    )
    art = read_one(path)
    assert (art.title, art.published) == ("Shelling on Tafas", date(2025, 3, 10))
    assert "+++" not in art.text and "title =" not in art.text


def test_html_entities_in_an_exports_plain_text_are_read(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    rec = {
        "id": "1",
        "title": "Strikes on Ariha &amp; Tafas",
        "text": "Jets struck Ariha &amp; Tafas, killing 3 &#8211; medics said. AT&T and R&D stay.",
    }
    path.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    art = read_one(path)
    assert art.title == "Strikes on Ariha & Tafas"
    assert art.text == "Jets struck Ariha & Tafas, killing 3 \u2013 medics said. AT&T and R&D stay."
