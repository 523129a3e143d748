"""Every export format reads back into the very same events (and checks its own format rules)."""

from __future__ import annotations

import csv
import json
import string
from dataclasses import fields, replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geomap._data import data_dir
from geomap.export import write_events_csv, write_geojson, write_gpkg
from geomap.export.readers import read_events
from geomap.export.table import ACLED_COLUMNS
from geomap.join import join_records
from geomap.models import Event

WRITERS = {
    "events.csv": write_events_csv,
    "events.geojson": write_geojson,
    "events.gpkg": write_gpkg,
}

# Text as articles carry it: any printable or spacing character (no NUL, no lone surrogates).
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)
NAMES = st.sampled_from(["", "Hajin", "al-Bab", "Ma'arrat al-Nu'man", "Serêkaniyê", "رأس العين", 'say "x", y; z'])
SMALL = st.none() | st.integers(min_value=0, max_value=8)


@st.composite
def event_dates(draw: st.DrawFn) -> str:
    d = draw(st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)))
    return draw(st.sampled_from([d.isoformat(), f"--{d.month:02d}-{d.day:02d}", ""]))


FIELDS = dict(
    event_id=st.text(string.ascii_uppercase + string.digits + "-", min_size=1, max_size=14),
    article_id=TEXT,
    event_date=event_dates(),
    time_precision=st.integers(1, 3),
    event_type=st.sampled_from(["Battles", "Explosions/Remote violence", ""]),
    sub_event_type=TEXT,
    disorder_type=TEXT,
    actor1=NAMES | TEXT,
    actor2=NAMES,
    location=NAMES | TEXT,
    latitude=st.floats(-90, 90, allow_nan=False),
    longitude=st.floats(-180, 180, allow_nan=False),
    geo_precision=st.integers(1, 3),
    admin1=NAMES,
    country=st.sampled_from(["Syria", "Iraq", ""]),
    iso=st.integers(0, 999),
    assoc_actor_1=TEXT,
    assoc_actor_2=TEXT,
    inter1=SMALL,
    inter2=SMALL,
    interaction=st.none() | st.integers(0, 88),
    fatalities=st.none() | st.integers(0, 100_000),
    fatalities_text=TEXT,
    injuries=st.none() | st.integers(0, 10_000),
    civilian_targeting=st.sampled_from(["", "Civilian targeting"]),
    date_flag=st.sampled_from(["exact", "relative", "year-unknown", "record", ""]),
    primary=st.booleans(),
    sentence=TEXT,
    place_id=TEXT,
    source=TEXT,
    sources=st.lists(TEXT, max_size=3).map(tuple),
    duplicate_of=st.sampled_from(["", "SYR-0123456789"]) | TEXT,
    article_title=TEXT,
    url=TEXT,
    notes=TEXT,
    admin2=NAMES,
    admin3=NAMES,
    source_scale=TEXT,
    tags=TEXT,
    timestamp=st.none() | st.integers(1, 2**31),
    flags=st.sampled_from(["", "point-disagrees", "swapped-lat-lon;ambiguous-place"]) | TEXT,
)
EVENTS = st.builds(Event, **FIELDS)


def test_strategy_covers_every_event_field() -> None:
    """A field added to Event must be added here too, so its round trip is tested."""
    assert set(FIELDS) == {f.name for f in fields(Event)}


def unique_ids(events: list[Event]) -> list[Event]:
    seen: set[str] = set()
    return [e for e in events if not (e.event_id in seen or seen.add(e.event_id))]


@pytest.mark.parametrize("name", sorted(WRITERS))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(events=st.lists(EVENTS, max_size=4).map(unique_ids))
def test_any_events_round_trip(tmp_path: Path, name: str, events: list[Event]) -> None:
    path = tmp_path / name
    WRITERS[name](events, path)
    assert read_events(path) == events


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_an_undated_event_reads_back_with_no_precision(tmp_path: Path, name: str) -> None:
    undated = Event(
        event_id="SYR-ND1",
        article_id="nd",
        event_date="",
        time_precision=None,
        event_type="Battles",
        sub_event_type="Armed clash",
        disorder_type="Political violence",
        actor1="Syrian Arab Army",
        actor2="",
        location="Khan Shaykhun",
        latitude=35.44,
        longitude=36.65,
        geo_precision=1,
        date_flag="unknown",
    )
    dated = replace(undated, event_id="SYR-D1", event_date="2019-08-20", time_precision=1, date_flag="exact")
    WRITERS[name]([undated, dated], tmp_path / name)
    assert read_events(tmp_path / name) == [undated, dated]
    if name.endswith(".csv"):
        with (tmp_path / name).open(encoding="utf-8") as fh:
            assert [r["time_precision"] for r in csv.DictReader(fh)] == ["", "1"]


@pytest.fixture(scope="module")
def sample_events() -> list[Event]:
    rec = data_dir() / "records"
    res = join_records([rec / "acled_sample.csv", rec / "ucdp_sample.csv", rec / "places_sample.csv"])
    assert not res.problems
    return res.events


@pytest.fixture(scope="module")
def extracted_events(tmp_path_factory: pytest.TempPathFactory) -> list[Event]:
    from geomap.pipeline import run

    res = run(None, out=tmp_path_factory.mktemp("run"), map_html=False)
    assert res.events
    return res.events


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_joined_and_extracted_events_round_trip(tmp_path: Path, name: str, sample_events, extracted_events) -> None:
    for events in (sample_events, extracted_events):
        WRITERS[name](events, tmp_path / name)
        assert read_events(tmp_path / name) == events
        # ... and `geomap join` reads our own files back unchanged, without warnings.
        again = join_records([tmp_path / name])
        assert again.events == events and not again.problems


def test_geojson_follows_rfc7946(tmp_path: Path, sample_events) -> None:
    write_geojson(sample_events, tmp_path / "e.geojson")

    def no_constants(name: str) -> None:
        raise AssertionError(f"{name} is not JSON")

    doc = json.loads((tmp_path / "e.geojson").read_text(encoding="utf-8"), parse_constant=no_constants)
    assert doc["type"] == "FeatureCollection" and "crs" not in doc
    for feat, e in zip(doc["features"], sample_events, strict=True):
        lon, lat = feat["geometry"]["coordinates"]
        assert (lon, lat) == (round(e.longitude, 6), round(e.latitude, 6))
        assert all(isinstance(v, (str, int, float, bool, list, type(None))) for v in feat["properties"].values())
        assert feat["properties"]["sources"] == list(e.sources)
    west, south, east, north = doc["bbox"]
    assert west <= east and south <= north and all(-90 <= lat <= 90 for lat in (south, north))


def test_csv_starts_with_acled_columns(tmp_path: Path, sample_events) -> None:
    write_events_csv(sample_events, tmp_path / "e.csv")
    header = next(csv.reader(tmp_path.joinpath("e.csv").read_text(encoding="utf-8").splitlines()))
    assert tuple(header[: len(ACLED_COLUMNS)]) == ACLED_COLUMNS
    assert "article_id" in header[len(ACLED_COLUMNS) :]


def test_gpkg_is_a_wgs84_point_layer(tmp_path: Path, sample_events) -> None:
    import pyogrio

    write_gpkg(sample_events, tmp_path / "e.gpkg")
    info = pyogrio.read_info(tmp_path / "e.gpkg")
    assert info["geometry_type"] == "Point" and info["features"] == len(sample_events)
    assert info["crs"] == "EPSG:4326"
    assert [name for name, *_ in pyogrio.list_layers(tmp_path / "e.gpkg")] == ["events"]
    types = dict(zip(info["fields"], info["dtypes"], strict=True))
    assert types["year"] == types["fatalities"] == types["geo_precision"] == "int64"
    assert types["latitude"] == "float64" and types["primary"] == "bool"


def test_gpkg_year_is_an_integer_column_with_null_for_an_unknown_year(tmp_path: Path, sample_events) -> None:
    from dataclasses import replace

    import pyogrio

    undated = replace(sample_events[0], event_date="--11-03", date_flag="unknown")
    write_gpkg([undated, sample_events[1]], tmp_path / "e.gpkg")
    info = pyogrio.read_info(tmp_path / "e.gpkg")
    assert dict(zip(info["fields"], info["dtypes"], strict=True))["year"] == "int64"
    df = pyogrio.read_dataframe(tmp_path / "e.gpkg", read_geometry=False)
    assert df["year"].isna().tolist() == [True, False]
    assert read_events(tmp_path / "e.gpkg") == [undated, sample_events[1]]


def test_sources_with_semicolons_survive_csv(tmp_path: Path, sample_events) -> None:
    from dataclasses import replace

    odd = [
        replace(sample_events[0], sources=("a;b", "", "[c]")),
        replace(sample_events[1], sources=()),
    ]
    write_events_csv(odd, tmp_path / "e.csv")
    assert read_events(tmp_path / "e.csv") == odd


def test_empty_exports_round_trip(tmp_path: Path) -> None:
    for name, writer in WRITERS.items():
        writer([], tmp_path / name)
        assert read_events(tmp_path / name) == []


def test_acled_file_we_write_joins_again(tmp_path: Path, sample_events) -> None:
    """Our CSV keeps ACLED's columns first: cut to those 31 it is a plain ACLED export."""
    write_events_csv(sample_events, tmp_path / "ours.csv")
    rows = list(csv.reader(tmp_path.joinpath("ours.csv").read_text(encoding="utf-8").splitlines()))
    with (tmp_path / "acled.csv").open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(r[: len(ACLED_COLUMNS)] for r in rows)
    back = join_records([tmp_path / "acled.csv"])
    assert not back.problems and not back.warnings
    keep = (
        "event_id",
        "event_date",
        "time_precision",
        "event_type",
        "sub_event_type",
        "actor1",
        "actor2",
        "location",
        "latitude",
        "longitude",
        "geo_precision",
        "admin1",
        "fatalities",
        "inter1",
        "inter2",
        "interaction",
        "notes",
        "source",
    )
    assert [[getattr(e, k) for k in keep] for e in back.events] == [
        [getattr(e, k) for k in keep] for e in sample_events
    ]
