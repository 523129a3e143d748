"""The output contract: events.geojson, events.csv, mentions.csv, articles.csv and run.json.

The reference facts (ACLED's columns and taxonomy, RFC 7946) are written out
here from ../shared/FORMATS.md rather than imported from geomap, so the code
cannot drift from them unnoticed.
"""

from __future__ import annotations

import csv
import json
import math
import re
from pathlib import Path
from typing import Any

import pytest

import geomap
from geomap.gazetteer import load_gazetteer

ACLED_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]
ACLED_TYPES = {
    "Battles": {
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    },
    "Explosions/Remote violence": {
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    },
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    },
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    },
}
DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
GOVERNORATES = {
    "Al-Hasakah",
    "Latakia",
    "Quneitra",
    "Ar-Raqqah",
    "As-Suwayda",
    "Daraa",
    "Deir ez-Zor",
    "Rif Dimashq",
    "Aleppo",
    "Hama",
    "Homs",
    "Idlib",
    "Damascus",
    "Tartus",
}
REQUIRED_PROPERTIES = [
    "article_id",
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "admin1",
    "fatalities",
    "primary",
    "time_precision",
    "geo_precision",
    "location",
    "latitude",
    "longitude",
    "sentence",
]
DATE = re.compile(r"^(?:\d{4}|-)-\d\d-\d\d$")


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory):
    """One run over the bundled samples (no map: the CLI tests cover it)."""
    folder = tmp_path_factory.mktemp("contract")
    result = geomap.run(None, out=folder, map_html=False)
    return folder, result


@pytest.fixture(scope="module")
def geo(out) -> dict[str, Any]:
    folder, _ = out
    return json.loads((folder / "events.geojson").read_text(encoding="utf-8"))


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


# --- events.geojson


def test_feature_collection(geo) -> None:
    assert geo["type"] == "FeatureCollection"
    assert "crs" not in geo
    assert isinstance(geo["features"], list) and geo["features"]


def test_points_in_range_and_lon_lat_order(geo) -> None:
    for f in geo["features"]:
        assert f["type"] == "Feature"
        assert "crs" not in f
        geom = f["geometry"]
        assert geom["type"] == "Point"
        lon, lat = geom["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        # Syria lies within lon 35.5..42.5, lat 32..37.5: swapped axes would fail here.
        assert 35.5 <= lon <= 42.5 and 32.0 <= lat <= 37.5, (f["properties"]["location"], lon, lat)
        assert f["properties"]["longitude"] == pytest.approx(lon, abs=1e-6)
        assert f["properties"]["latitude"] == pytest.approx(lat, abs=1e-6)


def test_known_place_is_written_lon_first(geo) -> None:
    gaz = load_gazetteer()
    checked = 0
    for f in geo["features"]:
        p = f["properties"]
        if p["geo_precision"] != 1 or not str(p.get("place_id", "")).startswith("curated:"):
            continue
        (place,) = gaz.places_by_ids([p["place_id"]])
        lon, lat = f["geometry"]["coordinates"]
        assert lon == pytest.approx(place.lon, abs=1e-5) and lat == pytest.approx(place.lat, abs=1e-5)
        checked += 1
    assert checked >= 5


def test_hajin_is_in_the_east(geo) -> None:
    hajin = [f for f in geo["features"] if f["properties"]["location"] == "Hajin"]
    assert hajin
    lon, lat = hajin[0]["geometry"]["coordinates"]
    assert lon == pytest.approx(40.83, abs=0.1) and lat == pytest.approx(34.70, abs=0.1)


def _decimals(x: float) -> int:
    s = repr(x)
    return len(s.split(".")[1]) if "." in s and "e" not in s else 0


def test_at_most_six_decimals(out, geo) -> None:
    for f in geo["features"]:
        for c in f["geometry"]["coordinates"]:
            assert _decimals(c) <= 6, c
    raw = (out[0] / "events.geojson").read_text(encoding="utf-8")
    assert not re.search(r'"coordinates":\s*\[\s*-?\d+\.\d{7,}', raw)


def _plain(v: Any) -> bool:
    if v is None or isinstance(v, (str, bool, int)):
        return True
    if isinstance(v, float):
        return math.isfinite(v)
    if isinstance(v, list):
        return all(_plain(x) and not isinstance(x, (list, dict)) for x in v)
    return False


def test_properties_are_plain_json(geo) -> None:
    for f in geo["features"]:
        assert isinstance(f["properties"], dict)
        for k, v in f["properties"].items():
            assert _plain(v), (k, v)


def test_required_properties(geo) -> None:
    for f in geo["features"]:
        p = f["properties"]
        missing = [k for k in REQUIRED_PROPERTIES if k not in p]
        assert not missing, missing
        assert isinstance(p["article_id"], str) and p["article_id"]
        assert DATE.match(p["event_date"]), p["event_date"]
        assert isinstance(p["actor1"], str) and isinstance(p["actor2"], str)
        assert p["fatalities"] is None or (isinstance(p["fatalities"], int) and p["fatalities"] >= 0)
        assert isinstance(p["primary"], bool)
        assert p["time_precision"] in (1, 2, 3)
        assert p["geo_precision"] in (1, 2, 3)
        assert p["admin1"] in GOVERNORATES, p["admin1"]
        assert isinstance(p["location"], str) and p["location"]
        assert isinstance(p["sentence"], str) and p["sentence"].strip()


def test_acled_type_pairs(geo) -> None:
    for f in geo["features"]:
        p = f["properties"]
        assert p["event_type"] in ACLED_TYPES, p["event_type"]
        assert p["sub_event_type"] in ACLED_TYPES[p["event_type"]], (
            p["event_type"],
            p["sub_event_type"],
        )
        if "disorder_type" in p:
            assert p["disorder_type"] == DISORDER[p["event_type"]]


def test_one_primary_per_article(out, geo) -> None:
    # Every article keeps its own records (duplicates only point to the incident
    # record), so each article with events has exactly one primary record.
    _folder, result = out
    feats = [f["properties"] for f in geo["features"]]
    assert {p["article_id"] for p in feats} <= {a.id for a in result.articles}
    per_article: dict[str, int] = {}
    for p in feats:
        per_article[p["article_id"]] = per_article.get(p["article_id"], 0) + int(p["primary"])
    assert all(n == 1 for n in per_article.values()), per_article


def test_bbox_matches_the_points(geo) -> None:
    if "bbox" not in geo:
        return
    lons = [f["geometry"]["coordinates"][0] for f in geo["features"]]
    lats = [f["geometry"]["coordinates"][1] for f in geo["features"]]
    assert geo["bbox"] == pytest.approx([min(lons), min(lats), max(lons), max(lats)], abs=1e-6)


def test_geojson_is_stable(out, tmp_path: Path) -> None:
    folder, result = out
    again = geomap.run(None, out=tmp_path, map_html=False)
    assert (tmp_path / "events.geojson").read_bytes() == (folder / "events.geojson").read_bytes()
    assert len(again.events) == len(result.events)


# --- events.csv


def test_events_csv_starts_with_acled_columns(out, geo) -> None:
    header, rows = read_csv(out[0] / "events.csv")
    assert header[:31] == ACLED_COLUMNS
    assert len(header) == len(set(header))
    assert len(rows) == len(geo["features"])


def test_events_csv_values(out, geo) -> None:
    _header, rows = read_csv(out[0] / "events.csv")
    by_id = {f["properties"].get("event_id_cnty", f.get("id")): f for f in geo["features"]}
    for row in rows:
        f = by_id[row["event_id_cnty"]]
        p = f["properties"]
        assert row["event_date"] == p["event_date"]
        assert (row["event_type"], row["sub_event_type"]) == (p["event_type"], p["sub_event_type"])
        assert row["disorder_type"] == DISORDER[row["event_type"]]
        assert float(row["latitude"]) == pytest.approx(p["latitude"], abs=1e-6)
        assert float(row["longitude"]) == pytest.approx(p["longitude"], abs=1e-6)
        assert row["fatalities"] == ("" if p["fatalities"] is None else str(p["fatalities"]))
        assert row["time_precision"] in ("1", "2", "3") and row["geo_precision"] in ("1", "2", "3")
        if row["event_date"][:4].isdigit():
            assert row["year"] == row["event_date"][:4]
        assert row["country"] == "Syria" and row["iso"] == "760"
        if row["inter1"] and row["inter2"]:
            a, b = sorted((int(row["inter1"]), int(row["inter2"])))
            assert row["interaction"] == f"{a}{b}"
        elif row["inter1"] and not row["actor2"]:
            assert row["interaction"] == f"{row['inter1']}0"
        # ACLED's timestamp is its upload time: an article's event has none, and no 0 stands in.
        assert row["timestamp"] == "" and p["timestamp"] is None


# --- mentions.csv


def test_mentions_csv(out) -> None:
    folder, result = out
    header, rows = read_csv(folder / "mentions.csv")
    for col in ("article_id", "start", "end", "surface", "place", "lat", "lon", "score", "status"):
        assert col in header, col
    assert len(rows) == len(result.mentions)
    texts = {a.id: a.text for a in result.articles}
    statuses = set()
    for row in rows:
        statuses.add(row["status"])
        assert row["status"] in {"resolved", "ambiguous", "unresolved"}
        start, end = int(row["start"]), int(row["end"])
        assert 0 <= start < end
        assert texts[row["article_id"]][start:end] == row["surface"]
        float(row["score"])
        if row["status"] == "unresolved":
            assert row["place"] == "" and row["lat"] == "" and row["lon"] == ""
        else:
            assert row["place"]
            assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180
    assert "resolved" in statuses


# --- articles.csv


def test_articles_csv(out, geo) -> None:
    folder, result = out
    header, rows = read_csv(folder / "articles.csv")
    for col in ("id", "title", "published", "outlet", "events", "warnings"):
        assert col in header, col
    assert [r["id"] for r in rows] == [a.id for a in result.articles]
    counts: dict[str, int] = {}
    for f in geo["features"]:
        art = f["properties"]["article_id"]
        counts[art] = counts.get(art, 0) + 1
    for r in rows:
        assert int(r["events"]) == counts.get(r["id"], 0), r["id"]
        assert r["published"] == "" or re.fullmatch(r"\d{4}-\d\d-\d\d", r["published"])
    undated = [r for r in rows if not r["published"]]
    assert undated and all("no publication date" in r["warnings"] for r in undated)


A1 = (
    "Jets Pound Saraqib Again\nBy Levant Watchers\n12 March 2019\n\n"
    "On Monday, Russian jets struck the town of Saraqib, killing 4 civilians.\n"
)
A2 = (
    "Civilians Killed in Saraqib Raid\nBy Coastal Front Monitor\n13 March 2019\n\n"
    "Yesterday, Russian warplanes carried out airstrikes on Saraqib, killing 5 civilians.\n"
)


def test_duplicates_across_articles(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a1.txt").write_text(A1, encoding="utf-8")
    (src / "a2.txt").write_text(A2, encoding="utf-8")
    geomap.run([src], out=tmp_path / "out", map_html=False)
    feats = json.loads((tmp_path / "out" / "events.geojson").read_text(encoding="utf-8"))["features"]
    props = [f["properties"] for f in feats]
    assert [p["article_id"] for p in props] == ["a1.txt", "a2.txt"]
    incident, copy = props
    assert incident["duplicate_of"] in ("", None) and incident["sources"] == ["a1.txt", "a2.txt"]
    assert copy["duplicate_of"] == incident["event_id_cnty"]
    _h, rows = read_csv(tmp_path / "out" / "articles.csv")
    assert {r["id"]: r["events"] for r in rows} == {"a1.txt": "1", "a2.txt": "1"}
    summary = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))
    assert summary["counts"]["events"] == 2


def test_duplicate_links_point_to_incidents(geo) -> None:
    ids = {f["properties"]["event_id_cnty"]: f["properties"] for f in geo["features"]}
    for p in ids.values():
        if p.get("duplicate_of"):
            target = ids[p["duplicate_of"]]
            assert not target.get("duplicate_of")
            assert p["article_id"] in target["sources"]


# --- run.json


def test_run_json(out) -> None:
    folder, result = out
    summary = json.loads((folder / "run.json").read_text(encoding="utf-8"))
    for key in ("inputs", "counts", "warnings", "version", "timings"):
        assert key in summary, key
    assert summary["version"] == geomap.__version__
    assert isinstance(summary["inputs"], list) and summary["inputs"]
    c = summary["counts"]
    assert c["articles"] == len(result.articles)
    assert c["events"] == len(result.events)
    assert c["mentions"] == len(result.mentions)
    assert isinstance(summary["warnings"], list)
    assert all(isinstance(v, (int, float)) and v >= 0 for v in summary["timings"].values())
    assert {"ingest", "extract"} <= set(summary["timings"])


def test_every_output_gives_the_same_point(tmp_path: Path) -> None:
    from geomap.export import write_events_csv, write_geojson, write_gpkg
    from geomap.models import Event

    e = Event(
        event_id="P1",
        article_id="a",
        event_date="2019-05-03",
        time_precision=1,
        event_type="Battles",
        sub_event_type="Armed clash",
        disorder_type="Political violence",
        actor1="Syrian Arab Army",
        actor2="",
        location="Masyaf",
        latitude=35.065123456789,
        longitude=36.342987654321,
        geo_precision=1,
    )
    assert (e.latitude, e.longitude) == (35.065123, 36.342988)
    doc = json.loads(write_geojson([e], tmp_path / "e.geojson").read_text(encoding="utf-8"))
    [f] = doc["features"]
    assert f["geometry"]["coordinates"] == [f["properties"]["longitude"], f["properties"]["latitude"]]
    with write_events_csv([e], tmp_path / "e.csv").open(encoding="utf-8") as fh:
        row = next(csv.DictReader(fh))
    assert (row["latitude"], row["longitude"]) == ("35.065123", "36.342988")
    gpkg = pytest.importorskip("pyogrio").read_dataframe(write_gpkg([e], tmp_path / "e.gpkg"))
    assert (gpkg.geometry[0].y, gpkg.geometry[0].x) == (35.065123, 36.342988)
