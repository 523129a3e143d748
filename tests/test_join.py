"""Joining outside event records: ACLED exports, UCDP GED CSV and plain place lists.

Every record below is invented for these tests (see data/records/README.md).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from geomap._data import data_dir
from geomap.cli import cli
from geomap.errors import InputError
from geomap.export import write_events_csv, write_geojson
from geomap.export.readers import parse_event_date
from geomap.export.table import ACLED_COLUMNS
from geomap.gazetteer import load_gazetteer
from geomap.geoparse.resolve import rank_name, resolve_name
from geomap.join import PlainColumns, detect_format, join_records, split_kind_word
from geomap.pipeline import run

RECORDS = data_dir() / "records"
ACLED = RECORDS / "acled_sample.csv"
UCDP = RECORDS / "ucdp_sample.csv"
PLAIN = RECORDS / "places_sample.csv"
PLAIN_COLUMNS = PlainColumns(
    actor1="actor", actor2="target", fatalities="killed", admin1="governorate", notes="description"
)


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def write_csv(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return path


def acled_row(**over: object) -> list[object]:
    base: dict[str, object] = {c: "" for c in ACLED_COLUMNS}
    base.update(
        event_id_cnty="SYR1",
        event_date="2018-11-03",
        year=2018,
        time_precision=1,
        disorder_type="Political violence",
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1="Syrian Democratic Forces",
        inter1=2,
        actor2="Islamic State (Syria)",
        inter2=2,
        interaction=22,
        iso=760,
        country="Syria",
        admin1="Deir ez-Zor",
        location="Hajin",
        latitude=34.698,
        longitude=40.83,
        geo_precision=1,
        source="Desk",
        notes="n",
        fatalities=3,
    )
    base.update(over)
    return [base[c] for c in ACLED_COLUMNS]


# --- the bundled samples ----------------------------------------------------------------------


def test_acled_sample_joins_without_problems(gaz) -> None:
    res = join_records([ACLED], gazetteer=gaz)
    assert res.problems == [] and res.warnings == []
    assert len(res.events) == 12
    e = res.events[0]
    assert (e.event_id, e.event_date, e.time_precision) == ("SYR90001", "2018-11-03", 1)
    assert (e.event_type, e.sub_event_type, e.disorder_type) == (
        "Explosions/Remote violence",
        "Air/drone strike",
        "Political violence",
    )
    assert (e.inter1, e.inter2, e.interaction, e.fatalities) == (8, 7, 78, 7)
    assert (e.location, e.latitude, e.longitude, e.geo_precision) == ("Hajin", 34.6981, 40.8305, 1)
    assert (e.admin1, e.country, e.iso) == ("Deir ez-Zor", "Syria", 760)
    assert e.place_id == "curated:sy-hajin"  # matched to the gazetteer, point kept
    assert e.article_id == "acled_sample.csv:2" and e.sources == ("acled_sample.csv:2",)
    assert e.date_flag == "record" and e.primary
    assert res.events[10].time_precision == 3  # "mid-December": month precision


def test_acled_upper_case_headers_and_old_date_format(tmp_path: Path, gaz) -> None:
    src = list(csv.reader(ACLED.read_text(encoding="utf-8").splitlines()))
    src[0] = [h.upper() for h in src[0]]
    for row in src[1:]:
        y, m, d = row[1].split("-")
        row[1] = (
            f"{d} {['', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][int(m)]} {y}"  # noqa: E501
        )
    upper = write_csv(tmp_path / "ACLED_UPPER.csv", src[0], src[1:])
    a = join_records([ACLED], gazetteer=gaz).events
    b = join_records([upper], gazetteer=gaz).events
    strip = [(e.event_id, e.event_date, e.location, e.latitude, e.fatalities, e.interaction) for e in a]
    assert [(e.event_id, e.event_date, e.location, e.latitude, e.fatalities, e.interaction) for e in b] == strip


def test_acled_new_style_inter_labels(tmp_path: Path, gaz) -> None:
    p = write_csv(
        tmp_path / "a.csv",
        list(ACLED_COLUMNS),
        [
            acled_row(
                inter1="Rebel groups",
                inter2="State forces",
                interaction="State forces-Rebel groups",
            )
        ],
    )
    [e] = join_records([p], gazetteer=gaz).events
    assert (e.inter1, e.inter2, e.interaction) == (2, 1, 12)


def test_ucdp_sample(gaz) -> None:
    res = join_records([UCDP], gazetteer=gaz)
    assert res.problems == [] and res.warnings == []
    by_id = {e.event_id: e for e in res.events}
    hajin = by_id["UCDP-990001"]
    assert hajin.admin2 == "Abu Kamal"  # adm_2 "Abu Kamal district"
    assert (hajin.location, hajin.geo_precision, hajin.fatalities) == ("Hajin", 1, 7)
    assert (hajin.event_type, hajin.actor2, hajin.civilian_targeting) == (
        "Violence against civilians",
        "Civilians",
        "Civilian targeting",
    )
    idlib = by_id["UCDP-990002"]
    assert (idlib.location, idlib.geo_precision, idlib.admin1) == ("Idlib", 3, "Idlib")
    assert (idlib.event_date, idlib.time_precision) == ("2018-11-06", 2)  # middle of 5-7 Nov
    # UCDP's "Government of Syria" fights through its forces: named as ACLED and the articles name them.
    assert idlib.actor1 == "Syrian Arab Army" and idlib.inter1 == 1
    assert by_id["UCDP-990005"].time_precision == 2 and by_id["UCDP-990005"].event_date == "2018-11-29"


def test_plain_sample_is_geocoded(gaz) -> None:
    res = join_records([PLAIN], gazetteer=gaz, columns=PLAIN_COLUMNS)
    assert res.problems == [] and res.warnings == []
    kafr, saraqib, manbij, qamishli, daraa, bab = res.events
    assert kafr.place_id == "curated:sy-kafranbel" and kafr.admin1 == "Idlib"
    assert (kafr.event_type, kafr.sub_event_type) == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )
    assert (kafr.actor1, kafr.inter1, kafr.actor2, kafr.fatalities) == (
        "Syrian Arab Air Force",
        1,
        "Civilians",
        4,
    )
    assert kafr.notes == "Warplanes struck the market"
    assert saraqib.location == "Saraqib" and saraqib.sub_event_type == "Shelling/artillery/missile attack"
    assert (qamishli.event_date, qamishli.time_precision) == ("2018-11-15", 3)
    assert daraa.event_date == "2018-11-18"
    assert bab.fatalities == 1 and bab.sub_event_type == "Remote explosive/landmine/IED"
    assert manbij.country == "Syria" and manbij.iso == 760


def test_cli_join_writes_outputs(tmp_path: Path) -> None:
    out = tmp_path / "out"
    r = CliRunner().invoke(cli, ["join", str(ACLED), str(UCDP), "--out", str(out), "--tiles", "none", "--gpkg"])
    assert r.exit_code == 0, r.output
    for name in ("events.geojson", "events.csv", "events.gpkg", "map.html", "run.json"):
        assert (out / name).exists()
    summary = json.loads((out / "run.json").read_text())
    assert summary["counts"]["events"] == 18 and summary["skipped"] == []


def test_a_hand_made_list_with_spreadsheet_dates_and_rough_counts_keeps_every_row(tmp_path: Path, gaz) -> None:
    # Dates as spreadsheets re-save them, and counts as people write them: no row is lost.
    p = write_csv(
        tmp_path / "list.csv",
        ["location", "event_date", "fatalities"],
        [
            ["Masyaf", "9-May-19", "10+"],
            ["Safita", "2019/05/09", "3-5"],
            ["Qadmous", "09-05-2019", "dozens"],
            ["Maadan", "May 2019", "at least 4"],
        ],
    )
    res = join_records([p], gazetteer=gaz, fmt="plain")
    assert not res.problems, res.problems
    got = [(e.location, e.event_date, e.time_precision, e.fatalities, e.fatalities_text) for e in res.events]
    assert got == [
        ("Masyaf", "2019-05-09", 1, 10, "10+"),
        ("Safita", "2019-05-09", 1, 3, "3-5"),
        ("Qadmous", "2019-05-09", 1, None, "dozens"),
        ("Maadan", "2019-05-15", 3, 4, "at least 4"),
    ]
    # What is no date or no count at all still names the cell.
    p = write_csv(tmp_path / "bad.csv", ["location", "event_date", "fatalities"], [["Masyaf", "soon", "lots of"]])
    [problem] = join_records([p], gazetteer=gaz, fmt="plain").problems
    assert "'soon' is not a date; expected YYYY-MM-DD" in problem.reason and "'3-Nov-18'" in problem.reason


def test_a_folder_with_no_record_files_is_an_error_and_earlier_outputs_stay(tmp_path: Path, caplog) -> None:
    out = tmp_path / "out"
    r = CliRunner().invoke(cli, ["join", str(ACLED), "--out", str(out), "--no-map"])
    assert r.exit_code == 0, r.output
    before = (out / "events.csv").read_bytes()
    arts, empty = tmp_path / "articles", tmp_path / "empty"
    arts.mkdir()
    empty.mkdir()
    (arts / "dispatch.txt").write_text("Jets struck Masyaf on Monday.", encoding="utf-8")
    for folder, said in ((arts, "it holds only dispatch.txt"), (empty, "it is empty")):
        r = CliRunner().invoke(cli, ["join", str(folder), "--out", str(out), "--no-map"])
        assert r.exit_code == 1, r.output
        assert f"{folder}: no record files in this folder" in r.output and said in r.output
        assert "nothing was written" in r.output
        assert (out / "events.csv").read_bytes() == before
    # Beside records, the folder's other files are named, not silently passed over.
    (arts / "acled.csv").write_bytes(ACLED.read_bytes())
    res = join_records([arts])
    assert res.events and not res.problems
    assert "1 file(s) not read" in caplog.text and "dispatch.txt" in caplog.text


def test_acled_columns_geomap_does_not_fill_come_through_the_join(tmp_path: Path) -> None:
    # admin2/admin3, source_scale, tags and timestamp are ACLED's own; a join must not blank them.
    out = tmp_path / "out"
    r = CliRunner().invoke(cli, ["join", str(ACLED), "--out", str(out), "--no-map", "--gpkg"])
    assert r.exit_code == 0, r.output
    with (out / "events.csv").open(encoding="utf-8") as fh:
        rows = {row["event_id_cnty"]: row for row in csv.DictReader(fh)}
    with ACLED.open(encoding="utf-8") as fh:
        given = {row["event_id_cnty"]: row for row in csv.DictReader(fh)}
    for key in ("admin2", "admin3", "source_scale", "tags", "timestamp"):
        assert [rows[i][key] for i in given] == [given[i][key] for i in given], key
    feats = json.loads((out / "events.geojson").read_text(encoding="utf-8"))["features"]
    assert feats[0]["properties"]["admin2"] == given["SYR90001"]["admin2"]
    # Read back (GeoPackage, then CSV), they are still there.
    again = join_records([out / "events.gpkg"])
    assert [e.timestamp for e in again.events][:2] == [int(given[i]["timestamp"]) for i in list(given)[:2]]
    assert join_records([out / "events.csv"]).events[1].source_scale == given["SYR90002"]["source_scale"]
    # A timestamp that is no Unix time is left out; it never costs the row.
    odd = tmp_path / "odd.csv"
    text = ACLED.read_text(encoding="utf-8").splitlines()
    odd.write_text("\n".join([text[0], text[1].rsplit(",", 1)[0] + ",2023-11-14T10:00:00Z"]) + "\n", encoding="utf-8")
    res = join_records([odd])
    assert not res.problems and [e.timestamp for e in res.events] == [None]


def test_cli_join_plain_with_column_options(tmp_path: Path) -> None:
    p = write_csv(
        tmp_path / "mine.csv",
        ["Ort", "Tag", "Art", "Breite", "Laenge"],
        [
            ["Hajin", "2018-11-03", "airstrike", "", ""],
            ["Idlib", "2018-11-04", "clashes", "35.93", "36.63"],
        ],
    )
    out = tmp_path / "out"
    r = CliRunner().invoke(
        cli,
        [
            "join",
            str(p),
            "--out",
            str(out),
            "--no-map",
            "--name-column",
            "Ort",
            "--date-column",
            "Tag",
            "--type-column",
            "Art",
            "--lat-column",
            "Breite",
            "--lon-column",
            "Laenge",
        ],
    )
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader((out / "events.csv").read_text(encoding="utf-8").splitlines()))
    assert [(x["location"], x["sub_event_type"]) for x in rows] == [
        ("Hajin", "Air/drone strike"),
        ("Idlib", "Armed clash"),
    ]
    assert not (out / "map.html").exists()


def test_cli_join_unknown_column_is_a_clean_error(tmp_path: Path) -> None:
    p = write_csv(tmp_path / "mine.csv", ["place", "date"], [["Hajin", "2018-11-03"]])
    r = CliRunner().invoke(cli, ["join", str(p), "--out", str(tmp_path / "o"), "--name-column", "Ort"])
    assert r.exit_code == 1
    assert "mine.csv:1" in r.output and "'ort'" in r.output and "place, date" in r.output


def test_run_merges_records_with_articles(tmp_path: Path) -> None:
    res = run(None, out=tmp_path, map_html=False, records=[ACLED])
    ids = {e.event_id for e in res.events}
    assert {"SYR90001", "SYR90012"} <= ids or any("acled_sample.csv:2" in e.sources for e in res.events)
    summary = json.loads((tmp_path / "run.json").read_text())
    assert str(ACLED) in summary["inputs"]
    assert "join" in summary["timings"]


def test_cli_run_records_option(tmp_path: Path) -> None:
    r = CliRunner().invoke(cli, ["run", "--records", str(PLAIN), "--out", str(tmp_path), "--tiles", "none"])
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader((tmp_path / "events.csv").read_text(encoding="utf-8").splitlines()))
    assert any("places_sample.csv:2" in x["sources"] for x in rows)


# --- geocoding and checks --------------------------------------------------------------------


def test_row_without_coordinates_is_geocoded_with_admin1_hint(tmp_path: Path, gaz) -> None:
    p = write_csv(tmp_path / "a.csv", list(ACLED_COLUMNS), [acled_row(latitude="", longitude="")])
    [e] = join_records([p], gazetteer=gaz).events
    assert e.place_id == "curated:sy-hajin" and abs(e.latitude - 34.698) < 0.05


def test_place_strings_with_alternatives_brackets_and_sides_are_geocoded(tmp_path: Path, gaz) -> None:
    header = "id,type_of_violence,side_a,side_b,where_prec,where_coordinates,date_prec,date_start,date_end,best"
    rows = [
        [1, 1, "A", "B", 1, "Qwxzvbl/Tadmour town", 1, "2018-11-03", "2018-11-03", 2],
        [2, 1, "A", "B", 4, "Northern Idlib governorate", 1, "2018-11-03", "2018-11-03", 2],
        [3, 1, "A", "B", 4, "Idlib governorate", 1, "2018-11-03", "2018-11-03", 2],
        [4, 1, "A", "B", 1, "Tal Rifaat town (Aleppo)", 1, "2018-11-03", "2018-11-03", 2],
    ]
    p = write_csv(tmp_path / "g.csv", header.split(","), rows)
    res = join_records([p], gazetteer=gaz)
    palmyra, north, idlib, tal_rifaat = res.events
    assert abs(palmyra.latitude - 34.56) < 0.1 and abs(palmyra.longitude - 38.28) < 0.1
    # A governorate's side is placed in that part of it, still inside the governorate.
    assert north.latitude > idlib.latitude + 0.1 and gaz.admin.locate(north.latitude, north.longitude)[0] == "Idlib"
    assert tal_rifaat.admin1 == "Aleppo"
    # A governorate's side is spelt as the gazetteer holds the governorate: no near miss.
    assert "near-miss" not in north.flags and not any("as written" in w.message for w in res.warnings)


def test_acled_governorate_spellings_become_geomaps(tmp_path: Path, gaz) -> None:
    names = ("Idleb", "Dar'a", "Al Hasakeh", "As-Sweida", "Rural Damascus")
    rows = [acled_row(admin1=name, event_id_cnty=f"SYR9{i}") for i, name in enumerate(names)]
    p = write_csv(tmp_path / "a.csv", list(ACLED_COLUMNS), rows)
    got = [e.admin1 for e in join_records([p], gazetteer=gaz).events]
    assert got == ["Idlib", "Daraa", "Al-Hasakah", "As-Suwayda", "Rif Dimashq"]


def test_unknown_place_without_coordinates_is_skipped_with_a_reason(tmp_path: Path, gaz) -> None:
    p = write_csv(
        tmp_path / "p.csv",
        ["place", "date"],
        [["Hajin", "2018-11-03"], ["Qwxzvbl Nowhere", "2018-11-03"]],
    )
    res = join_records([p], gazetteer=gaz)
    assert len(res.events) == 1
    [err] = res.problems
    assert err.path == str(p) and err.line == 3 and "Qwxzvbl Nowhere" in err.reason and "--gazetteer" in err.reason


def test_a_row_without_coordinates_is_checked_against_its_admin1_and_spelling(tmp_path: Path, gaz) -> None:
    rows = [
        ["Masyafe", "2018-11-03", ""],  # a near miss of Masyaf: kept, said so
        ["Masyafe", "2018-11-03", "Idlib"],  # ... but not when the row puts it in Idlib
        ["Qwxzvbl Nowhere", "2018-11-03", "Idlib"],  # unknown, in a governorate the row names
        ["Safita", "2018-11-03", "Hama"],  # spelt as written, in Tartus: admin1 follows the point
        ["Hajin", "2018-11-03", "Deir ez-Zor"],  # all agree: no warning
    ]
    p = write_csv(tmp_path / "p.csv", ["place", "date", "admin1"], rows)
    res = join_records([p], gazetteer=gaz)
    assert not res.problems
    near, in_idlib, unknown, safita, hajin = res.events
    assert (near.admin1, near.geo_precision, near.flags) == ("Hama", 1, "near-miss")
    assert (in_idlib.admin1, in_idlib.geo_precision, in_idlib.flags) == ("Idlib", 3, "admin1-only")
    assert (unknown.admin1, unknown.geo_precision, unknown.flags) == ("Idlib", 3, "admin1-only")
    assert gaz.locate(unknown.latitude, unknown.longitude)[0] == "Idlib"
    assert (safita.admin1, safita.geo_precision, safita.flags) == ("Tartus", 1, "admin1-corrected")
    assert (hajin.admin1, hajin.flags) == ("Deir ez-Zor", "")
    said = {w.line: w.reason for w in res.warnings}
    assert sorted(said) == [2, 3, 4, 5] and all(w.path == str(p) for w in res.warnings)
    assert "near spelling" in said[2] and "Masyaf (Hama)" in said[2]
    assert "Masyaf (Hama)" in said[3] and "placed at Idlib (geo_precision 3)" in said[3]
    assert "Qwxzvbl Nowhere" in said[4] and "placed at its admin1, Idlib" in said[4]
    assert "'Hama' disagrees" in said[5] and "Safita (Tartus)" in said[5]


def test_point_far_from_its_name_is_kept_with_a_warning(tmp_path: Path, gaz) -> None:
    p = write_csv(
        tmp_path / "a.csv",
        list(ACLED_COLUMNS),
        [
            acled_row(event_id_cnty="SYR1", latitude=35.10, longitude=40.83),  # ~45 km north of Hajin
            acled_row(event_id_cnty="SYR2", latitude=35.10, longitude=40.83, geo_precision=3),  # 100 km allowed
            acled_row(event_id_cnty="SYR3", latitude=40.83, longitude=34.698),  # swapped
        ],
    )
    res = join_records([p], gazetteer=gaz)
    assert [e.event_id for e in res.events] == ["SYR1", "SYR2", "SYR3"]
    assert [w.line for w in res.warnings] == [2, 4]
    assert "Hajin" in res.warnings[0].reason and "km" in res.warnings[0].reason
    assert "swapped" in res.warnings[1].reason
    assert res.events[0].latitude == 35.10  # the point is kept
    # Swapped columns are put right: the row is drawn at Hajin, not in Turkey.
    assert (res.events[2].latitude, res.events[2].longitude) == (34.698, 40.83)
    # The checks reach the data files too, not only the terminal and run.json.
    assert [e.flags for e in res.events] == ["point-disagrees", "", "swapped-lat-lon"]
    out = tmp_path / "out"
    out.mkdir()
    write_events_csv(res.events, out / "events.csv")
    write_geojson(res.events, out / "events.geojson")
    rows = list(csv.DictReader((out / "events.csv").read_text(encoding="utf-8").splitlines()))
    assert [r["flags"] for r in rows] == ["point-disagrees", "", "swapped-lat-lon"]
    feats = json.loads((out / "events.geojson").read_text(encoding="utf-8"))["features"]
    assert [f["properties"]["flags"] for f in feats] == ["point-disagrees", "", "swapped-lat-lon"]
    again = join_records([out / "events.csv"], gazetteer=gaz).events
    assert [e.flags for e in again] == ["point-disagrees", "", "swapped-lat-lon"]


def test_a_zero_zero_point_is_a_placeholder_and_the_row_is_geocoded(tmp_path: Path, gaz) -> None:
    p = write_csv(tmp_path / "a.csv", list(ACLED_COLUMNS), [acled_row(latitude=0, longitude=0)])
    res = join_records([p], gazetteer=gaz)
    [e] = res.events
    assert abs(e.latitude - 34.698) < 0.05 and abs(e.longitude - 40.83) < 0.05
    [w] = res.warnings
    assert w.line == 2 and "(0, 0)" in w.reason
    assert e.flags == "placeholder-point"


def test_an_unknown_toll_is_no_number_and_keeps_the_row(tmp_path: Path, gaz) -> None:
    p = write_csv(tmp_path / "a.csv", list(ACLED_COLUMNS), [acled_row(fatalities="unknown")])
    res = join_records([p], gazetteer=gaz)
    [e] = res.events
    assert e.fatalities is None and not res.problems
    plain = write_csv(tmp_path / "p.csv", ["place", "date", "killed"], [["Hajin", "2018-11-03", "n/a"]])
    [e] = join_records([plain], gazetteer=gaz).events
    assert e.fatalities is None


def test_ucdp_syrian_insurgents_are_the_rebels(tmp_path: Path, gaz) -> None:
    p = write_csv(
        tmp_path / "g.csv",
        "id,type_of_violence,side_a,side_b,where_prec,where_coordinates,date_prec,date_start,date_end,best".split(","),
        [[1, 1, "Government of Syria", "Syrian insurgents", 1, "Hajin town", 1, "2018-11-03", "2018-11-03", 2]],
    )
    [e] = join_records([p], gazetteer=gaz).events
    assert (e.inter1, e.inter2, e.interaction) == (1, 2, 12)


def test_a_ucdp_rows_own_headline_tells_namesakes_apart(tmp_path: Path, gaz) -> None:
    # No point and no adm_1: the source headline names the governorate (Homs), which
    # picks Homs's Jobar over the Damascus quarter, and Damascus's Qanawat over the
    # Suwayda town; without a headline the usual priors decide.
    header = "id,type_of_violence,side_a,side_b,where_prec,where_coordinates,date_start,best,source_article"
    rows = [
        [1, 1, "A", "B", 1, "Jobar", "2019-05-03", 2, '"Outlet,2019-05-04,Shells fall on neighbourhoods of Homs city"'],
        [2, 1, "A", "B", 1, "Jobar", "2019-05-03", 2, ""],
        [3, 1, "A", "B", 1, "Qanawat", "2019-05-03", 2, '"Outlet,2019-05-04,Mortars hit Damascus"'],
        [4, 1, "A", "B", 1, "Qanawat", "2019-05-03", 2, ""],
    ]
    p = write_csv(tmp_path / "ged.csv", header.split(","), rows)
    events = join_records([p], gazetteer=gaz, fmt="ucdp").events
    assert [e.admin1 for e in events] == ["Homs", "Damascus", "Damascus", "As-Suwayda"]
    # Without a headline, the namesakes stay ambiguous; with one, they are not.
    assert [e.flags for e in events] == ["", "ambiguous-place", "", "ambiguous-place"]
    # A headline about one governorate and the only place of that name in another: kept, and said.
    p = write_csv(
        tmp_path / "ged3.csv",
        header.split(","),
        [[5, 1, "A", "B", 1, "Masyaf", "2019-05-03", 2, '"Outlet,2019-05-04,A mine kills two in rural Daraa"']],
    )
    res = join_records([p], gazetteer=gaz, fmt="ucdp")
    [e] = res.events
    assert (e.admin1, e.flags) == ("Hama", "text-disagrees")
    assert any("names Daraa" in str(w) and "Masyaf" in str(w) for w in res.warnings)
    # So it is when the row describes its place too, as GED rows do: the description names
    # the place itself, and agrees with it; the headline does not.
    p = write_csv(
        tmp_path / "ged4.csv",
        [*header.split(","), "where_description"],
        [
            [
                5,
                1,
                "A",
                "B",
                1,
                "Masyaf town",
                "2019-05-03",
                2,
                '"Outlet,2019-05-04,A mine kills two in rural Daraa"',
                "Masyaf",
            ]
        ],
    )
    res = join_records([p], gazetteer=gaz, fmt="ucdp")
    [e] = res.events
    assert (e.admin1, e.flags) == ("Hama", "text-disagrees")
    # A stated adm_1 outweighs the headline.
    header += ",adm_1"
    p = write_csv(tmp_path / "ged2.csv", header.split(","), [[*rows[0], "Damascus governorate"]])
    [e] = join_records([p], gazetteer=gaz, fmt="ucdp").events
    assert e.admin1 == "Damascus"


def test_a_district_record_is_the_district_not_its_town(tmp_path: Path, gaz) -> None:
    ucdp = write_csv(
        tmp_path / "g.csv",
        "id,type_of_violence,side_a,side_b,where_prec,where_coordinates,date_prec,date_start,date_end,best".split(","),
        [[1, 1, "A", "B", 4, "Jisr al-Shughur district", 1, "2018-11-03", "2018-11-03", 2]],
    )
    plain = write_csv(tmp_path / "p.csv", ["place", "date"], [["Jisr al-Shughur district", "2018-11-03"]])
    for path in (ucdp, plain):
        [e] = join_records([path], gazetteer=gaz).events
        assert e.place_id == "admin:adm2-SY0704" and e.geo_precision == 3, path.name
        town = resolve_name("Jisr al-Shughur", gaz)
        assert town is not None and (e.latitude, e.longitude) != (town.lat, town.lon)


def test_precision_thresholds(tmp_path: Path, gaz) -> None:
    # ~18 km from Hajin: too far for precision 1 (10 km), fine for 2 (25 km).
    p = write_csv(
        tmp_path / "a.csv",
        list(ACLED_COLUMNS),
        [
            acled_row(event_id_cnty="P1", latitude=34.86, longitude=40.83, geo_precision=1),
            acled_row(event_id_cnty="P2", latitude=34.86, longitude=40.83, geo_precision=2),
        ],
    )
    assert [w.line for w in join_records([p], gazetteer=gaz).warnings] == [2]


def test_governorate_rows_are_checked_against_the_polygon(tmp_path: Path, gaz) -> None:
    header = (
        "id,type_of_violence,side_a,side_b,where_prec,where_coordinates,latitude,longitude,"
        "date_prec,date_start,date_end,best"
    ).split(",")
    p = write_csv(
        tmp_path / "g.csv",
        header,
        [
            [
                1,
                1,
                "A",
                "B",
                4,
                "Dayr az Zawr governorate",
                35.0,
                40.6,
                1,
                "2018-11-03",
                "2018-11-03",
                2,
            ],  # inside
            [
                2,
                1,
                "A",
                "B",
                4,
                "Dayr az Zawr governorate",
                33.5,
                36.3,
                1,
                "2018-11-03",
                "2018-11-03",
                2,
            ],  # Damascus
        ],
    )
    res = join_records([p], gazetteer=gaz)
    assert len(res.events) == 2 and res.events[0].geo_precision == 3
    assert [w.line for w in res.warnings] == [3]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Hajin town", ("Hajin", "town")),
        ("Idlib governorate", ("Idlib", "governorate")),
        ("al-Hol camp", ("al-Hol", "camp")),
        ("Jobar neighbourhood", ("Jobar", "neighbourhood")),
        ("Ariha, district", ("Ariha", "district")),
        ("Hama", ("Hama", "")),
        ("town", ("town", "")),
        ("  Saraqib   city ", ("Saraqib", "city")),
    ],
)
def test_split_kind_word(raw: str, expected: tuple[str, str]) -> None:
    assert split_kind_word(raw) == expected


def test_resolve_name(gaz) -> None:
    assert resolve_name("Hajin", gaz).id == "curated:sy-hajin"  # type: ignore[union-attr]
    assert resolve_name("Idlib", gaz, kind_hint="governorate").kind == "governorate"  # type: ignore[union-attr]
    assert resolve_name("Idlib", gaz, kind_hint="town").kind == "city"  # type: ignore[union-attr]
    assert resolve_name("", gaz) is None and resolve_name("Qwxzvbl", gaz) is None
    ranked = rank_name("Hajin", gaz)
    assert ranked == sorted(ranked, key=lambda sp: (-sp[0], sp[1].id))


def test_detect_format() -> None:
    assert detect_format(ACLED_COLUMNS) == "acled"
    assert detect_format([*ACLED_COLUMNS, "article_id", "sources"]) == "geomap"
    assert detect_format(["id", "side_a", "where_prec"]) == "ucdp"
    assert detect_format(["a", "b"]) == "plain"


# --- bad records -----------------------------------------------------------------------------


def test_bad_rows_are_skipped_with_file_and_line(tmp_path: Path, gaz) -> None:
    p = write_csv(
        tmp_path / "bad.csv",
        list(ACLED_COLUMNS),
        [
            acled_row(event_id_cnty="OK1"),
            acled_row(event_id_cnty="B1", event_date="2018-02-30"),
            # a bad point with no place name to stand in for it
            acled_row(event_id_cnty="B2", latitude=134.0, location=""),
            acled_row(event_id_cnty="B3", longitude="east", location=""),
            acled_row(event_id_cnty="B4", fatalities=-2),
            acled_row(event_id_cnty="B5", geo_precision=7),
            acled_row(event_id_cnty="OK1"),
            # nothing to place it by: no location, admin1 or point
            acled_row(event_id_cnty="B6", latitude="", longitude="", location="", admin1=""),
            acled_row(event_id_cnty="OK2"),
        ],
    )
    res = join_records([p], gazetteer=gaz)
    assert [e.event_id for e in res.events] == ["OK1", "OK2"]
    lines = {e.line: e.reason for e in res.problems}
    assert set(lines) == {3, 4, 5, 6, 7, 8, 9}
    assert "2018-02-30" in lines[3] and "latitude 134.0" in lines[4] and "'east'" in lines[5]
    assert "fatalities -2" in lines[6] and "geo_precision 7" in lines[7] and "duplicate" in lines[8]
    assert "no location name, admin1 or latitude/longitude" in lines[9]
    assert all(e.path == str(p) for e in res.problems)


def test_a_row_whose_point_is_unusable_is_placed_by_its_location(tmp_path: Path, gaz) -> None:
    p = write_csv(
        tmp_path / "points.csv",
        list(ACLED_COLUMNS),
        [
            acled_row(event_id_cnty="P1", latitude=134.0),  # a typo in the latitude
            acled_row(event_id_cnty="P2", longitude="east"),
            acled_row(event_id_cnty="P3", longitude=""),  # only one of the two
            # a place the gazetteer lacks: its admin1, or nothing
            acled_row(event_id_cnty="P4", latitude=95, location="Nowhereville al-Fictional"),
            acled_row(event_id_cnty="P5", latitude=95, location="Nowhereville al-Fictional", admin1=""),
        ],
    )
    res = join_records([p], gazetteer=gaz)
    placed = {e.event_id: e for e in res.events}
    assert sorted(placed) == ["P1", "P2", "P3", "P4"]
    p4 = placed.pop("P4")
    assert p4.geo_precision == 3 and p4.flags == "admin1-only;point-unusable" and p4.admin1 == "Deir ez-Zor"
    hajin = gaz.search("Hajin")[0]
    for e in placed.values():
        assert (e.latitude, e.longitude) == (hajin.lat, hajin.lon)
        assert "point-unusable" in e.flags.split(";") and e.admin1 == "Deir ez-Zor" and e.geo_precision == 1
    said = {w.line: w.reason for w in res.warnings}
    assert "latitude 134.0 is outside -90..90" in said[2] and "geocoded from its location 'Hajin'" in said[2]
    assert "'east'" in said[3] and "only one of latitude/longitude" in said[4]
    assert said[5].startswith("latitude 95.0 is outside -90..90 (latitude and longitude swapped?), so the point")
    assert "placed at its admin1, Deir ez-Zor (geo_precision 3)" in said[5]
    [skipped] = res.problems
    assert skipped.line == 6 and "latitude 95" in skipped.reason and "not in the gazetteer" in skipped.reason


def test_a_row_with_only_an_admin1_is_placed_at_its_governorate(tmp_path: Path, gaz) -> None:
    p = write_csv(
        tmp_path / "admin1.csv",
        list(ACLED_COLUMNS),
        [
            acled_row(event_id_cnty="G1", latitude="", longitude="", location="", admin1="Idleb"),
            acled_row(event_id_cnty="G2", latitude="", longitude="", location="", admin1="Nineveh"),
        ],
    )
    res = join_records([p], gazetteer=gaz)
    [e] = res.events
    assert e.event_id == "G1" and e.geo_precision == 3 and e.admin1 == "Idlib"
    assert e.flags == "admin1-only" and e.location == "Idlib Governorate"
    assert gaz.locate(e.latitude, e.longitude)[0] == "Idlib"
    [w] = res.warnings
    assert w.line == 2 and "no location is given; placed at its admin1, Idlib (geo_precision 3)" in w.reason
    [skipped] = res.problems
    assert skipped.line == 3 and "'Nineveh' is not a Syrian governorate" in skipped.reason


def test_a_kept_point_in_another_governorate_than_the_rows_admin1_is_said(tmp_path: Path, gaz) -> None:
    # the place and its admin1 are in Deir ez-Zor; the point is far off, in Homs
    p = write_csv(tmp_path / "far.csv", list(ACLED_COLUMNS), [acled_row(latitude=34.55, longitude=38.28)])
    res = join_records([p], gazetteer=gaz)
    [e] = res.events
    assert e.flags == "point-disagrees" and e.admin1 == "Deir ez-Zor"
    [w] = res.warnings
    assert "point kept, though it lies in Homs, not in the row's admin1 Deir ez-Zor" in w.reason


def test_extra_and_missing_cells(tmp_path: Path, gaz) -> None:
    p = tmp_path / "ragged.csv"
    p.write_text("place,date\nHajin,2018-11-03,surplus\nIdlib\nAriha,2018-11-04\n", encoding="utf-8")
    res = join_records([p], gazetteer=gaz)
    assert [e.location for e in res.events] == ["Idlib", "Ariha"]
    assert res.events[0].event_date == ""
    [err] = res.problems
    assert err.line == 2 and "3 fields" in err.reason


def test_strict_raises_the_first_problem(tmp_path: Path, gaz) -> None:
    p = write_csv(tmp_path / "bad.csv", list(ACLED_COLUMNS), [acled_row(event_date="31/02/2018")])
    with pytest.raises(InputError, match=r"bad\.csv:2: impossible date"):
        join_records([p], gazetteer=gaz, strict=True)


def test_file_level_problems(tmp_path: Path, gaz) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    header_only = tmp_path / "header.csv"
    header_only.write_text("place,date\n", encoding="utf-8")
    no_name = write_csv(tmp_path / "noname.csv", ["when", "what"], [["2018-11-03", "x"]])
    binary = tmp_path / "bin.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 4)
    other = tmp_path / "notes.docx"
    other.write_bytes(b"PK\x03\x04")
    res = join_records([empty, header_only, no_name, binary, other, tmp_path / "missing.csv"], gazetteer=gaz)
    assert res.events == []
    reasons = {Path(e.path).name: e.reason for e in res.problems}
    assert reasons["empty.csv"] == "empty file"
    assert "no data rows" in reasons["header.csv"]
    assert "no place-name column" in reasons["noname.csv"] and "--name-column" in reasons["noname.csv"]
    assert "binary" in reasons["bin.csv"]
    assert "unsupported" in reasons["notes.docx"]
    assert "no such file" in reasons["missing.csv"]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "latin-1"])
def test_record_encodings(tmp_path: Path, gaz, encoding: str) -> None:
    p = tmp_path / "enc.csv"
    p.write_text("place,date,description\nHajin,2018-11-03,Café shelled\n", encoding=encoding)
    res = join_records([p], gazetteer=gaz)
    assert res.problems == []
    [e] = res.events
    assert (e.location, e.notes) == ("Hajin", "Café shelled")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2018-11-03", ("2018-11-03", None)),
        ("2018-11-03T10:00:00Z", ("2018-11-03", None)),
        ("03 November 2018", ("2018-11-03", None)),
        ("3-Nov-2018", ("2018-11-03", None)),
        ("November 3, 2018", ("2018-11-03", None)),
        ("03/11/2018", ("2018-11-03", None)),
        ("11/23/2018", ("2018-11-23", None)),
        ("2018-11", ("2018-11-15", 3)),
        ("--11-03", ("--11-03", None)),
        ("", ("", None)),
    ],
)
def test_parse_event_date(cell: str, expected: tuple[str, int | None]) -> None:
    assert parse_event_date(cell) == expected


@pytest.mark.parametrize("cell", ["2018-02-30", "2018-13-01", "31 Febtober 2018", "yesterday", "--02-30", "99/99/2018"])
def test_parse_event_date_rejects(cell: str) -> None:
    with pytest.raises(ValueError, match=cell.replace("/", ".").replace("-", ".")[:4]):
        parse_event_date(cell)


def test_joining_an_output_folder_reads_each_event_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert CliRunner().invoke(cli, ["join", str(ACLED), "--out", str(out), "--no-map"]).exit_code == 0
    (out / "mentions.csv").write_text("article_id,start,end,surface\na,0,5,Hajin\n", encoding="utf-8")
    res = join_records([out])  # events.csv + events.geojson: the same events twice
    assert len(res.events) == 12
    assert len(res.problems) == 12 and all("duplicate event id" in p.reason for p in res.problems)
    [err] = join_records([out / "mentions.csv"]).problems
    assert "mentions/articles table" in err.reason


def test_cli_join_reports_warnings_in_run_json(tmp_path: Path) -> None:
    p = write_csv(tmp_path / "a.csv", list(ACLED_COLUMNS), [acled_row(latitude=35.10, longitude=40.83)])
    out = tmp_path / "out"
    r = CliRunner().invoke(cli, ["join", str(p), "--out", str(out), "--no-map"])
    assert r.exit_code == 0 and "geomap: warning: " in r.output and "a.csv:2" in r.output
    [w] = json.loads((out / "run.json").read_text(encoding="utf-8"))["record_warnings"]
    assert w["line"] == 2 and "Hajin" in w["warning"]


def test_acled_actor_names_link_to_the_articles_events(tmp_path: Path, gaz) -> None:
    # ACLED decorates its actors ("Military Forces of Russia (2000-)", "Civilians (Syria)",
    # "QSD: Syrian Democratic Forces"); read as our actor table names them, an ACLED row
    # and an article about the same incident become one event with both sources.
    p = write_csv(
        tmp_path / "acled.csv",
        list(ACLED_COLUMNS),
        [
            acled_row(
                event_id_cnty="SYR7",
                event_date="2019-05-13",
                event_type="Explosions/Remote violence",
                sub_event_type="Air/drone strike",
                actor1="Military Forces of Russia (2000-)",
                inter1=8,
                actor2="Civilians (Syria)",
                inter2=7,
                interaction=78,
                admin1="Idlib",
                location="Kafr Nabl",
                latitude=35.6139,
                longitude=36.5614,
                fatalities=6,
            ),
            acled_row(event_id_cnty="SYR8", actor1="QSD: Syrian Democratic Forces"),
        ],
    )
    rows = {e.event_id: e for e in join_records([p], gazetteer=gaz).events}
    assert (rows["SYR7"].actor1, rows["SYR7"].actor2) == ("Military Forces of Russia", "Civilians")
    assert rows["SYR8"].actor1 == "Syrian Democratic Forces"
    # The forces of the government after December 2024 are not the old army.
    from geomap._records import acled_actor
    from geomap.events import load_actors

    assert acled_actor("Military Forces of Syria (2024-)", load_actors()) == ("Military Forces of Syria (2024-)", None)
    article = tmp_path / "kafr_nabl.txt"
    article.write_text(
        "Russian jets strike Kafr Nabl\n\nPublished 14 May 2019\n\n"
        "Russian warplanes struck the town of Kafr Nabl in southern Idlib on Monday, "
        "killing six civilians, rescuers said.\n",
        encoding="utf-8",
    )
    res = run([article], out=tmp_path / "out", map_html=False, records=[p])
    linked = [e for e in res.events if "kafr_nabl.txt" in e.sources and "acled.csv:2" in e.sources]
    assert len(linked) == 1, [(e.event_id, e.sources, e.actor1) for e in res.events]


@pytest.mark.parametrize("sep", [";", "\t"])
def test_semicolon_and_tab_separated_records(tmp_path: Path, gaz, sep: str) -> None:
    # Spreadsheets in many locales save ";"-separated files; the same rows, the same events.
    src = [line.split(",") for line in ["location,date,fatalities", "Hajin,2018-11-03,4", "Saraqib,2019-05-12,2"]]
    plain = tmp_path / "plain.csv"
    plain.write_text("\n".join(sep.join(r) for r in src) + "\n", encoding="utf-8")
    comma = tmp_path / "comma.csv"
    comma.write_text("\n".join(",".join(r) for r in src) + "\n", encoding="utf-8")
    cols = PlainColumns(name="location", date="date", fatalities="fatalities")
    a = join_records([comma], gazetteer=gaz, columns=cols).events
    b = join_records([plain], gazetteer=gaz, columns=cols).events
    assert [(e.location, e.event_date, e.fatalities) for e in b] == [
        (e.location, e.event_date, e.fatalities) for e in a
    ]
    assert len(a) == 2


def test_acled_associated_actors_are_named_like_the_main_actors(tmp_path: Path, gaz) -> None:
    p = write_csv(
        tmp_path / "acled.csv",
        list(ACLED_COLUMNS),
        [
            acled_row(
                event_id_cnty="SYR1",
                actor1="Military Forces of the United States (2017-2021)",
                assoc_actor_1="Military Forces of Russia (2000-); QSD: Syrian Democratic Forces",
            ),
            acled_row(event_id_cnty="SYR2", actor1="Military Forces of the United States (2017-2021)"),
        ],
    )
    res = join_records([p], gazetteer=gaz)
    rows = {e.event_id: e for e in res.events}
    assert rows["SYR1"].assoc_actor_1 == "Military Forces of Russia; Syrian Democratic Forces"
    assert rows["SYR1"].actor1 == rows["SYR2"].actor1 != "Military Forces of the United States (2017-2021)"
    assert res.warnings == []


def test_acled_event_types_outside_acleds_list_are_flagged(tmp_path: Path, gaz) -> None:
    p = write_csv(
        tmp_path / "acled.csv",
        list(ACLED_COLUMNS),
        [
            acled_row(event_id_cnty="SYR1", event_type="<b>Bombing</b>", sub_event_type=""),
            acled_row(event_id_cnty="SYR2", sub_event_type="Skirmish"),
            acled_row(event_id_cnty="SYR3"),
        ],
    )
    res = join_records([p], gazetteer=gaz)
    assert len(res.events) == 3  # kept as written, but said
    said = {(w.line, str(w).split(": ", 2)[-1][:14]) for w in res.warnings}
    assert said == {(2, "event_type '<b"), (3, "sub_event_type")}


def test_ucdp_government_sides_are_the_states_forces(tmp_path: Path, gaz) -> None:
    from geomap._records import _ucdp_actor
    from geomap.events import load_actors

    actors = load_actors()
    assert _ucdp_actor("Government of Russia (Soviet Union)", actors) == ("Military Forces of Russia", 8)
    assert _ucdp_actor("Government of Turkey", actors)[1] == 8
    assert _ucdp_actor("IS", actors)[0] == "Islamic State"
    # A state's forces are at home (1) in their own country, external (8) elsewhere.
    header = "id,type_of_violence,side_a,side_b,where_prec,where_coordinates,latitude,longitude,country,date_start,best"
    rows = [
        [1, 1, "Government of Iraq", "IS", 1, "Mosul city", 36.34, 43.13, "Iraq", "2019-05-03", 2],
        [2, 1, "Government of Iraq", "IS", 1, "Abu Kamal town", 34.45, 40.92, "Syria", "2019-05-03", 2],
        [3, 1, "Government of Turkey", "PKK", 1, "Cizre town", 37.33, 42.19, "Turkey", "2019-05-03", 2],
    ]
    p = write_csv(tmp_path / "ged.csv", header.split(","), rows)
    res = join_records([p], gazetteer=gaz, fmt="ucdp")
    assert [(e.actor1, e.inter1, e.interaction) for e in res.events] == [
        ("Military Forces of Iraq", 1, 12),
        ("Military Forces of Iraq", 8, 28),
        ("Turkish Armed Forces", 1, 12),
    ]


def test_records_without_a_date_are_skipped_alike(tmp_path: Path, gaz) -> None:
    p = write_csv(
        tmp_path / "acled.csv",
        list(ACLED_COLUMNS),
        [acled_row(event_id_cnty="SYR1", event_date="", year=2019), acled_row(event_id_cnty="SYR2")],
    )
    res = join_records([p], gazetteer=gaz)
    assert [e.event_id for e in res.events] == ["SYR2"]
    [problem] = res.problems
    assert problem.line == 2 and "no event_date; row skipped" in str(problem) and "acled.csv" in str(problem)


def test_dates_that_read_both_ways_are_said_once_per_file(tmp_path: Path, gaz) -> None:
    p = tmp_path / "plain.csv"
    p.write_text(
        "place,date,deaths\nMasyaf,12/03/2019,2\nSafita,25/03/2019,1\nMasyaf,02/04/2019,0\nSafita,2019-04-05,1\n",
        encoding="utf-8",
    )
    res = join_records([p], gazetteer=gaz)
    assert [e.event_date for e in res.events] == ["2019-03-12", "2019-03-25", "2019-04-02", "2019-04-05"]
    [w] = res.warnings
    assert w.line == 2 and "'12/03/2019' (and the dates on line 4) could be day/month or month/day" in str(w)
    many = tmp_path / "many.csv"
    many.write_text("place,date\n" + "".join(f"Masyaf,0{k}/03/2019\n" for k in range(1, 9)), encoding="utf-8")
    [w] = join_records([many], gazetteer=gaz).warnings
    assert "'01/03/2019' (and the dates on lines 3, 5, 6, 7, 8 and 1 more)" in str(w)  # 03/03 reads one way


def test_records_with_an_unclosed_quote_keep_the_other_rows(tmp_path: Path, gaz) -> None:
    p = tmp_path / "plain.csv"
    p.write_text(
        "place,date,deaths,notes\n"
        "Masyaf,2019-03-12,2,shelling\n"
        'Safita,2019-03-13,1,"a note that never ends\n'
        "Masyaf,2019-03-14,0,clashes\n"
        'Safita,2019-03-15,3,"quoted, fine"\n',
        encoding="utf-8",
    )
    res = join_records([p], gazetteer=gaz)
    assert [e.event_date for e in res.events] == ["2019-03-12", "2019-03-14", "2019-03-15"]
    [problem] = res.problems
    assert problem.line == 3 and "quoted cell opened in the row on line 3 is never closed" in str(problem)
    # The same quote "closed" by a later row's opening quote: that row is kept, not swallowed.
    p.write_text(
        "place,date,deaths,notes\n"
        "Masyaf,2019-03-12,2,shelling\n"
        'Safita,2019-03-13,1,"a note that never ends\n'
        'Masyaf,2019-03-14,0,"clashes"\n',
        encoding="utf-8",
    )
    res = join_records([p], gazetteer=gaz)
    assert [e.event_date for e in res.events] == ["2019-03-12", "2019-03-14"]
    [problem] = res.problems
    assert problem.line == 3 and "never closed" in str(problem)


def test_a_negative_count_is_said_to_be_negative(tmp_path: Path, gaz) -> None:
    # A count has no upper bound: the reason names what is wrong, with no "(0-None)" in it.
    acled = write_csv(
        tmp_path / "acled.csv",
        list(ACLED_COLUMNS),
        [acled_row(event_id_cnty="N1", location="Masyaf", latitude=35.065, longitude=36.342, fatalities=-5)],
    )
    ucdp = write_csv(
        tmp_path / "ucdp.csv",
        ["id", "type_of_violence", "side_a", "side_b", "where_coordinates", "date_start", "date_end", "best"],
        [[7, 1, "Government of Syria", "Syrian insurgents", "Safita town", "2019-06-02", "2019-06-02", -3]],
    )
    plain = write_csv(tmp_path / "plain.csv", ["place", "date", "killed"], [["Qadmous", "2019-06-03", "-4"]])
    res = join_records([acled, ucdp, plain], gazetteer=gaz, columns=PlainColumns(fatalities="killed"))
    assert not res.events
    assert [p.reason for p in res.problems] == [
        "fatalities -5 is negative; row skipped",
        "best -3 is negative; row skipped",
        "fatalities -4 is negative; row skipped",
    ]


def test_acled_rows_without_inter_codes_get_them_from_the_actor_table(tmp_path: Path, gaz) -> None:
    # An export trimmed of inter1/inter2/interaction gets the codes an article's event
    # would: the actor table's kind of each actor, joined lower first (8 and 7 -> 78),
    # actor 1 alone -> N0.  A code the row gives is kept, even where the table differs.
    at = {"location": "Maadan", "admin1": "Raqqa", "latitude": 35.745, "longitude": 39.661}
    blank = {"inter1": "", "inter2": "", "interaction": ""}
    p = write_csv(
        tmp_path / "acled.csv",
        list(ACLED_COLUMNS),
        [
            acled_row(
                event_id_cnty="I1",
                actor1="Military Forces of Russia (2000-)",
                actor2="Civilians (Syria)",
                **blank,
                **at,
            ),
            acled_row(event_id_cnty="I2", actor1="Islamic State (Syria)", actor2="", **blank, **at),
            acled_row(
                event_id_cnty="I3",
                actor1="Islamic State (Syria)",
                actor2="Civilians (Syria)",
                **{**blank, "inter1": 2},
                **at,
            ),
            acled_row(
                event_id_cnty="I4",
                actor1="Syrian Democratic Forces",
                actor2="Islamic State (Syria)",
                **{**blank, "inter1": 3},
                **at,
            ),
            acled_row(
                event_id_cnty="I5",
                actor1="Syrian Democratic Forces",
                actor2="Islamic State (Syria)",
                **{**blank, "interaction": 22},
                **at,
            ),
            acled_row(
                event_id_cnty="I6",
                actor1="Syrian Democratic Forces",
                actor2="Sons of the Orchard Brigade",
                **blank,
                **at,
            ),
            acled_row(
                event_id_cnty="I7", actor1="Islamic State (Syria)", actor2="", inter1=2, inter2=0, interaction="", **at
            ),
        ],
    )
    res = join_records([p], gazetteer=gaz)
    assert not res.problems
    codes = {e.event_id: (e.inter1, e.inter2, e.interaction) for e in res.events}
    assert codes == {
        "I1": (8, 7, 78),
        "I2": (2, None, 20),
        "I3": (2, 7, 27),  # not 20: actor 2 is there, its code was only left out
        "I4": (3, 2, 23),
        "I5": (2, 2, 22),
        "I6": (2, None, None),  # an actor 2 of no known kind: no interaction is made up
        "I7": (2, 0, 20),
    }
    # geomap join writes them into events.csv as ACLED's columns.
    res_cli = CliRunner().invoke(cli, ["join", str(p), "--out", str(tmp_path / "out"), "--no-map"])
    assert res_cli.exit_code == 0, res_cli.output
    with (tmp_path / "out" / "events.csv").open(encoding="utf-8") as fh:
        written = {r["event_id_cnty"]: (r["inter1"], r["inter2"], r["interaction"]) for r in csv.DictReader(fh)}
    assert written["I1"] == ("8", "7", "78") and written["I2"] == ("2", "", "20")


def test_a_timestamp_is_acleds_or_none_never_zero(tmp_path: Path, gaz) -> None:
    # ACLED's timestamp is the Unix time its row was last changed; a row without one,
    # and every event geomap makes, leaves the cell empty rather than writing 0 (1970).
    at = {"location": "Safita", "admin1": "Tartus", "latitude": 34.82, "longitude": 36.118}
    p = write_csv(
        tmp_path / "acled.csv",
        list(ACLED_COLUMNS),
        [
            acled_row(event_id_cnty="T1", timestamp=1718000000, **at),
            acled_row(event_id_cnty="T2", timestamp="", **at),
        ],
    )
    article = tmp_path / "safita.txt"
    article.write_text(
        "Shelling hits Safita\n\nPublished 4 June 2024\n\n"
        "Syrian army artillery shelled the town of Safita on Monday, killing two civilians.\n",
        encoding="utf-8",
    )
    res = run([article], out=tmp_path / "out", map_html=False, gpkg=True, records=[p])
    stamps = {e.event_id: e.timestamp for e in res.events}
    assert stamps.pop("T1") == 1718000000 and stamps.pop("T2") is None
    assert stamps and set(stamps.values()) == {None}  # the article's events
    with (tmp_path / "out" / "events.csv").open(encoding="utf-8") as fh:
        cells = {r["event_id_cnty"]: r["timestamp"] for r in csv.DictReader(fh)}
    assert cells.pop("T1") == "1718000000" and set(cells.values()) == {""}
    geo = json.loads((tmp_path / "out" / "events.geojson").read_text(encoding="utf-8"))
    assert sorted(f["properties"]["timestamp"] or 0 for f in geo["features"])[-1] == 1718000000
    assert [f["properties"]["timestamp"] for f in geo["features"]].count(None) == len(geo["features"]) - 1
    from geomap.export.readers import read_events

    back = {e.event_id: e.timestamp for e in read_events(tmp_path / "out" / "events.gpkg")}
    assert back == {e.event_id: e.timestamp for e in res.events}


def test_a_ucdp_attack_on_civilians_links_to_the_articles_air_strike(tmp_path: Path, gaz) -> None:
    # UCDP's one-sided violence names no weapon and is read as Violence against civilians /
    # Attack; the article names the air strike.  Same town, day, actors and toll: one incident.
    header = ["id", "type_of_violence", "side_a", "side_b", "where_prec", "where_coordinates"]
    header += ["latitude", "longitude", "country", "date_prec", "date_start", "date_end", "best"]
    p = write_csv(
        tmp_path / "ged.csv",
        header,
        [
            [31, 3, "Government of Russia (Soviet Union)", "Civilians", 1, "Khan Shaykhun town", 35.441, 36.651]
            + ["Syria", 1, "2019-08-12", "2019-08-12", 7],
            # The same side's attack on civilians far from the strike stays its own incident.
            [32, 3, "Government of Russia (Soviet Union)", "Civilians", 1, "Jisr al-Shughur town", "", ""]
            + ["Syria", 1, "2019-08-12", "2019-08-12", 4],
        ],
    )
    article = tmp_path / "khan_shaykhun.txt"
    article.write_text(
        "Russian jets strike Khan Shaykhun\n\nPublished 13 August 2019\n\n"
        "Russian warplanes struck the town of Khan Shaykhun in southern Idlib on Monday, "
        "killing seven civilians, rescuers said.\n",
        encoding="utf-8",
    )
    res = run([article], out=tmp_path / "out", map_html=False, records=[p])
    [strike] = [e for e in res.events if e.article_id == "khan_shaykhun.txt"]
    assert (strike.sub_event_type, strike.actor1, strike.actor2) == (
        "Air/drone strike",
        "Military Forces of Russia",
        "Civilians",
    )
    by_id = {e.event_id: e for e in res.events}
    assert by_id["UCDP-31"].duplicate_of == strike.event_id
    assert strike.sources == ("khan_shaykhun.txt", "ged.csv:2")
    assert by_id["UCDP-32"].duplicate_of == ""


# --- one incident in two datasets ---------------------------------------------------------------

UCDP_HEADER = ["id", "type_of_violence", "side_a", "side_b", "where_prec", "where_coordinates"]
UCDP_HEADER += ["latitude", "longitude", "country", "date_prec", "date_start", "date_end", "best"]


def _two_datasets(tmp_path: Path) -> tuple[Path, Path]:
    """An ACLED export and a UCDP GED file that both record the 10 March 2019 strike on Abu Kamal."""
    acled = write_csv(
        tmp_path / "acled.csv",
        list(ACLED_COLUMNS),
        [
            acled_row(
                event_id_cnty="SYR501",
                event_date="2019-03-10",
                event_type="Explosions/Remote violence",
                sub_event_type="Air/drone strike",
                actor1="Military Forces of Russia (2000-)",
                inter1=8,
                actor2="Civilians (Syria)",
                inter2=7,
                interaction=78,
                civilian_targeting="Civilian targeting",
                location="Abu Kamal",
                latitude=34.4530,
                longitude=40.9180,
                fatalities=5,
            ),
            acled_row(
                event_id_cnty="SYR502",
                event_date="2019-03-10",
                admin1="Tartus",
                location="Safita",
                latitude=34.82,
                longitude=36.117,
            ),
        ],
    )
    ged = write_csv(
        tmp_path / "ged.csv",
        UCDP_HEADER,
        [
            # 0.1 km from ACLED's point, the same day, the same toll give or take one.
            [77, 3, "Government of Russia (Soviet Union)", "Civilians", 1, "Abu Kamal town", 34.4521, 40.9183]
            + ["Syria", 1, "2019-03-10", "2019-03-10", 6],
            [78, 1, "Government of Syria", "IS", 1, "Maadan town", 35.7552, 39.5984]
            + ["Syria", 1, "2019-03-11", "2019-03-11", 2],
        ],
    )
    return acled, ged


def test_cli_join_links_one_incident_across_two_datasets_as_run_records_does(tmp_path: Path) -> None:
    acled, ged = _two_datasets(tmp_path)
    out = tmp_path / "joined"
    r = CliRunner().invoke(cli, ["join", str(acled), str(ged), "--out", str(out), "--no-map"])
    assert r.exit_code == 0, r.output
    with (out / "events.csv").open(encoding="utf-8") as fh:
        rows = {x["event_id_cnty"]: x for x in csv.DictReader(fh)}
    assert set(rows) == {"SYR501", "SYR502", "UCDP-77", "UCDP-78"}  # both accounts kept
    assert rows["UCDP-77"]["duplicate_of"] == "SYR501"
    assert rows["SYR501"]["sources"].split(";") == ["acled.csv:2", "ged.csv:2"]
    assert rows["SYR501"]["fatalities"] == "6"  # the incident carries the highest toll...
    assert rows["UCDP-77"]["fatalities"] == "6" and rows["UCDP-77"]["sources"] == "ged.csv:2"  # ...each its own
    assert [rows[i]["duplicate_of"] for i in ("SYR501", "SYR502", "UCDP-78")] == ["", "", ""]
    # `geomap run --records` links the same rows the same way.
    ran = run(None, out=tmp_path / "ran", map_html=False, records=[acled, ged])
    links = {e.event_id: (e.duplicate_of, ";".join(e.sources)) for e in ran.events if e.event_id in rows}
    assert links == {i: (x["duplicate_of"], x["sources"]) for i, x in rows.items()}
    # --no-dedup keeps every record its own incident, as it does for `run`.
    r = CliRunner().invoke(cli, ["join", str(acled), str(ged), "--out", str(out), "--no-map", "--no-dedup"])
    assert r.exit_code == 0, r.output
    with (out / "events.csv").open(encoding="utf-8") as fh:
        assert {x["duplicate_of"] for x in csv.DictReader(fh)} == {""}


def test_joining_a_runs_own_events_again_leaves_its_links_as_they_were(tmp_path: Path) -> None:
    # Linking is done once, by the run that wrote events.csv; joining it again changes no link.
    acled, ged = _two_datasets(tmp_path)
    first = tmp_path / "first"
    r = CliRunner().invoke(cli, ["join", str(acled), str(ged), "--out", str(first), "--no-map"])
    assert r.exit_code == 0, r.output
    again = tmp_path / "again"
    r = CliRunner().invoke(cli, ["join", str(first / "events.csv"), "--out", str(again), "--no-map"])
    assert r.exit_code == 0, r.output
    assert (again / "events.csv").read_bytes() == (first / "events.csv").read_bytes()


@pytest.mark.parametrize(
    ("side", "forces"),
    [
        ("Government of Syria", "Syrian Arab Army"),
        ("Government of Russia (Soviet Union)", "Military Forces of Russia"),
        ("Government of Turkey", "Turkish Armed Forces"),
        ("Government of Iran", "Military Forces of Iran"),
        ("Government of Israel", "Israel Defense Forces"),
        ("Government of United States of America", "Military Forces of the United States"),
        ("Government of United Kingdom", "Military Forces of the United Kingdom"),
        ("Government of France", "Military Forces of France"),
        ("Government of Jordan", "Military Forces of Jordan"),
        ("Government of Iraq", "Military Forces of Iraq"),
    ],
)
def test_every_state_ucdp_names_in_syria_is_its_forces_in_the_actor_table(side: str, forces: str) -> None:
    from geomap._records import _ucdp_actor
    from geomap.events import load_actors

    actors = load_actors()
    assert _ucdp_actor(side, actors) == (forces, actors.by_name[forces].inter)


def test_a_state_the_actor_table_lacks_keeps_ucdps_name() -> None:
    from geomap._records import _ucdp_actor
    from geomap.events import load_actors

    assert _ucdp_actor("Government of Egypt", load_actors()) == ("Government of Egypt", None)


def test_acled_and_ucdp_records_of_the_us_share_one_map_layer(tmp_path: Path) -> None:
    acled = write_csv(
        tmp_path / "acled.csv",
        list(ACLED_COLUMNS),
        [
            acled_row(
                event_id_cnty="SYR601",
                event_date="2018-12-02",
                event_type="Explosions/Remote violence",
                sub_event_type="Air/drone strike",
                actor1="Military Forces of the United States (2017-2021)",
                actor2="Islamic State (Syria)",
                location="Hajin",
            )
        ],
    )
    ged = write_csv(
        tmp_path / "ged.csv",
        UCDP_HEADER,
        [
            [601, 1, "Government of United States of America", "IS", 1, "Abu Kamal town", 34.4521, 40.9183]
            + ["Syria", 1, "2018-12-05", "2018-12-05", 3]
        ],
    )
    res = join_records([acled, ged])
    assert not res.problems
    assert {e.actor1 for e in res.events} == {"Military Forces of the United States"}
    from geomap.render.payload import map_payload

    layers = json.dumps(map_payload(res.events, layer_by="actor"), default=str)
    assert "Government of United States" not in layers


def test_the_bundled_samples_hajin_strike_is_one_incident_in_one_layer(tmp_path: Path) -> None:
    r = CliRunner().invoke(cli, ["join", str(ACLED), str(UCDP), "--out", str(tmp_path), "--no-map"])
    assert r.exit_code == 0, r.output
    with (tmp_path / "events.csv").open(encoding="utf-8") as fh:
        rows = {x["event_id_cnty"]: x for x in csv.DictReader(fh)}
    acled, ucdp = rows["SYR90001"], rows["UCDP-990001"]
    assert ucdp["duplicate_of"] == "SYR90001" and acled["sources"] == "acled_sample.csv:2;ucdp_sample.csv:2"
    assert acled["actor1"] == ucdp["actor1"] == "Military Forces of the United States"


def test_a_protest_or_riot_row_without_an_actor_is_by_the_crowd(tmp_path: Path, gaz) -> None:
    p = write_csv(
        tmp_path / "crowds.csv",
        ["place", "date", "type", "actor1"],
        [
            ["Masyaf", "2019-05-24", "protest", ""],
            ["Safita", "2019-05-25", "riot", ""],
            ["Qadmous", "2019-05-26", "protest", "Kurdish National Council"],
            ["Maadan", "2019-05-27", "shelling", ""],
        ],
    )
    res = join_records([p], gazetteer=gaz)
    assert not res.problems
    got = [(e.location, e.event_type, e.actor1, e.inter1) for e in res.events]
    assert got[:2] == [("Masyaf", "Protests", "Protesters", 6), ("Safita", "Riots", "Rioters", 5)]
    assert got[2][2] != "Protesters"  # a named actor is kept
    assert got[3][1:3] == ("Explosions/Remote violence", "")  # nobody is invented for an attack


def test_ucdp_and_plain_rows_with_a_bad_point_or_only_an_admin1_are_placed(tmp_path: Path, gaz) -> None:
    header, first = UCDP.read_text(encoding="utf-8").splitlines()[:2]
    cells = next(csv.reader([first]))
    cols = header.split(",")

    def ucdp(**over: str) -> list[str]:
        row = dict(zip(cols, cells, strict=True))
        row.update(over)
        return [row[c] for c in cols]

    u = write_csv(
        tmp_path / "ged.csv",
        cols,
        [
            ucdp(id="1", latitude="34.6975", longitude=""),  # half a point: geocoded from "Hajin town"
            ucdp(id="2", where_coordinates="", where_description="", latitude="", longitude=""),
            # offshore, outside every polygon: the row's own adm_1 stays
            ucdp(id="3", where_coordinates="", latitude="35.0", longitude="35.5", adm_1="Tartus governorate"),
        ],
    )
    res = join_records([u], gazetteer=gaz)
    by_id = {e.event_id: e for e in res.events}
    assert by_id["UCDP-1"].flags == "point-unusable" and by_id["UCDP-1"].location == "Hajin"
    assert by_id["UCDP-2"].flags == "admin1-only" and by_id["UCDP-2"].admin1 == "Deir ez-Zor"
    assert by_id["UCDP-3"].admin1 == "Tartus" and gaz.locate(35.0, 35.5) is None
    plain = tmp_path / "plain.csv"
    plain.write_text(
        "place,governorate,lat,lon,date\n,Hama,,,2019-05-03\nSafita,,95,35.9,2019-05-04\n", encoding="utf-8"
    )
    res = join_records([plain], gazetteer=gaz)
    assert [(e.location, e.admin1, e.geo_precision, e.flags) for e in res.events] == [
        ("Hama Governorate", "Hama", 3, "admin1-only"),
        ("Safita", "Tartus", 1, "point-unusable"),
    ]
