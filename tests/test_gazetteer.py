"""The gazetteer: name keys, near-misses, the curated layer's points, imports, patches and the CLI.

Every test runs with ``GEOMAP_CACHE_DIR`` in a temporary folder so the user's
compiled gazetteer cache is never touched.  The GeoNames-format fixtures in
tests/fixtures/gazetteer/ are invented (see the README there).
"""

from __future__ import annotations

import csv
import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from geomap._data import data_dir
from geomap.cli import cli
from geomap.errors import GazetteerError
from geomap.gazetteer import load_gazetteer
from geomap.gazetteer.imports import import_geonames
from geomap.gazetteer.names import name_keys, split_place_kind, token_key
from geomap.gazetteer.query import governorate_in, place_queries

FIXTURES = Path(__file__).parent / "fixtures" / "gazetteer"
DATA = data_dir()


@pytest.fixture(autouse=True)
def _cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("GEOMAP_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "geomap-cache"))


@pytest.fixture(scope="module")
def gaz(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    mp.setenv("GEOMAP_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "geomap-cache"))
    try:
        yield load_gazetteer()
    finally:
        mp.undo()


def same(a: str, b: str) -> bool:
    return bool(name_keys(a) & name_keys(b))


# -- name normalisation --------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Arabic article forms, written or not, hyphenated or spaced
        ("al-Bab", "el-Bab"),
        ("al-Bab", "Al Bab"),
        ("al-Bab", "Bab"),
        ("ash-Shaddadi", "al-Shaddadi"),
        ("ash-Shaddadi", "Shaddadi"),
        ("as-Safira", "al-Safira"),
        ("az-Zabadani", "Zabadani"),
        ("ad-Dana", "al-Dana"),
        ("Ar-Raqqah", "Raqqa"),
        ("Jisr ash-Shughur", "Jisr al-Shughur"),
        # Kafr / Kfar / Kafar, Deir / Dayr / Dair, Tall / Tell / Tal, Ayn / Ain / Ein
        ("Kafr Nabl", "Kfar Nabl"),
        ("Kafr Nabudah", "Kafar Nabudah"),
        ("Kafr Zita", "Kefr Zita"),
        ("Deir ez-Zor", "Dayr az-Zawr"),
        ("Deir ez-Zor", "Dair al-Zour"),
        ("Deir ez-Zor", "Deir Ezzor"),
        ("Tall Rifat", "Tell Rifaat"),
        ("Tal Abyad", "Tell Abiad"),
        ("Ras al-Ayn", "Ras al-Ain"),
        ("Ain Issa", "Ayn Isa"),
        ("Ain Issa", "Ein Issa"),
        # ou/u, ee/i, oo/u, doubled letters, -ah/-eh endings
        ("Tadmur", "Tadmour"),
        ("Duma", "Douma"),
        ("Qamishli", "Qameeshli"),
        ("Mayadin", "al-Mayadeen"),
        ("Raqqa", "Raqqah"),
        ("Hayan", "Hayyan"),
        ("Talbiseh", "Talbisah"),
        ("Saraqib", "Saraqeb"),
        ("Salamiyah", "Salamiyeh"),
        ("Khan Shaykhun", "Khan Sheikhoun"),
        # ayn / hamza marks and diacritics
        ("Ma‘arrat an-Nu‘mān", "Maarat al-Numan"),
        ("Dar'a", "Daraa"),
        ("Ra's al-'Ayn", "Ras al-Ain"),
        ("Aʿzāz", "Azaz"),
        ("Jarābulus", "Jarabulus"),
        ("Şūrān", "Suran"),
        # hyphens, spacing, case
        ("Jisr-al-Shughur", "Jisr al Shughur"),
        ("JISR  AL  SHUGHUR", "jisr al-shughur"),
        # a prefix word written glued to the name
        ("Kafrzita", "Kafr Zita"),
        ("Kafrnabuda", "Kafr Nabudah"),
        ("Deirhafer", "Deir Hafer"),
        # Abu / Bu / Albu
        ("Abu Kamal", "Albu Kamal"),
        ("Abu Kamal", "Bukamal"),
        ("Abu Kamal", "al-Bukamal"),
    ],
)
def test_spellings_share_a_key(a, b):
    assert same(a, b), (sorted(name_keys(a)), sorted(name_keys(b)))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("حمص", "حِمْص"),  # harakat
        ("إدلب", "ادلب"),  # hamza on alif
        ("الرقة", "الرقه"),  # ta marbuta
        ("الرقة", "رقة"),  # article
        ("دير الزور", "دير الزّور"),  # shadda
    ],
)
def test_arabic_script_keys(a, b):
    assert same(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Hama", "Homs"),
        ("Idlib", "Inkhil"),
        ("Tal Abyad", "Tal Tamr"),
        ("Kafr Nabl", "Kafr Nabudah"),
        ("Deir Hafer", "Deir ez-Zor"),
        ("Abu Kamal", "Kamal"),
    ],
)
def test_different_places_keep_different_keys(a, b):
    assert not same(a, b)


def test_token_key_examples():
    assert token_key("Kfar") == token_key("Kafr") == "kafr"
    assert token_key("Dayr") == token_key("Deir") == token_key("Dair")
    assert token_key("Tadmour") == token_key("Tadmur")


def test_arabic_names_find_places(gaz):
    assert gaz.search("حمص")[0].admin1 == "Homs"
    assert gaz.search("إدلب")[0].admin1 == "Idlib"


# -- near misses ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("typo", "admin1"),
    [
        ("Sarqib", "Idlib"),  # a dropped vowel
        ("Khan Shaykhoon", "Idlib"),  # doubled vowel
        ("Jarabulos", "Aleppo"),
        ("Qaryatain", "Homs"),
        ("Tadmurr", "Homs"),
    ],
)
def test_near_miss_typos_are_scored(gaz, typo, admin1):
    hits = gaz.fuzzy(typo, limit=5)
    assert hits, typo
    best_place, best_score = hits[0]
    assert 80 <= best_score <= 100
    assert any(p.admin1 == admin1 for p, s in hits if s == best_score), hits


def test_fuzzy_scores_are_ordered_and_bounded(gaz):
    hits = gaz.fuzzy("Maarat al-Numaan", limit=5)
    scores = [s for _p, s in hits]
    assert scores == sorted(scores, reverse=True)
    assert all(0 <= s <= 100 for s in scores)


def test_shared_article_does_not_make_a_near_miss(gaz):
    # "al-Gabqa" is nowhere: the shared "al-" must not lift "Gabqa" / "Tabqa" over the cut-off.
    assert all(p.admin1 != "Ar-Raqqah" for p, _s in gaz.fuzzy("al-Gabqa"))
    assert any(p.admin1 == "Ar-Raqqah" for p, _s in gaz.fuzzy("al-Tabqqa"))


def test_a_near_miss_must_be_of_the_kind_the_record_names(gaz):
    from geomap.geoparse.resolve import rank_name

    # A misspelt air base is found as an air base, but a "village" of that
    # spelling is not put on the air base.
    assert [p.kind for _s, p in rank_name("Marj al-Sultun", gaz, kind_hint="airport")][:1] == ["airport"]
    assert rank_name("Marj al-Sultun", gaz, kind_hint="village") == []
    # Exact names keep every kind.
    assert [p.kind for _s, p in rank_name("Marj al-Sultan airbase", gaz, kind_hint="village")][:1] == ["airport"]


def test_near_miss_abroad_only_when_asked(gaz):
    from geomap.geoparse.resolve import rank_name

    assert rank_name("Gaziantop", gaz) == []  # Syria by default: no Turkish near-miss
    assert [p.country for _s, p in rank_name("Gaziantop", gaz, country_bias=("SY", "TR"))][:1] == ["TR"]
    assert [p.country for _s, p in rank_name("Gaziantep", gaz)][:1] == ["TR"]  # exact names still resolve


def test_far_world_city_needs_its_own_spelling(gaz):
    from geomap.geoparse.resolve import rank_name

    # "Bon" folds to the same key as Germany's Bonn; a village-sized name in a
    # Syrian dataset is not a world city 2,800 km away unless spelt as it.
    assert all(p.country != "DE" for _s, p in rank_name("Bon", gaz))
    assert [p.country for _s, p in rank_name("Bonn", gaz)][:1] == ["DE"]
    assert [p.country for _s, p in rank_name("Bon", gaz, country_bias=())][:1] == ["DE"]


@pytest.mark.parametrize(
    ("name", "sides"),
    [
        ("Idlib-Hama border", {"Idlib", "Hama"}),
        ("border between Raqqa and Deir Ezzor", {"Ar-Raqqah", "Deir ez-Zor"}),
        ("Iraqi-Syrian border", {"Al-Hasakah", "Deir ez-Zor", "Homs"}),
        ("border with Lebanon", {"Homs", "Rif Dimashq", "Tartus"}),
    ],
)
def test_borders_are_places_on_the_shared_line(gaz, name, sides):
    from geomap.geoparse.resolve import resolve_name

    p = resolve_name(name, gaz)
    assert p is not None and p.kind == "border" and p.radius_km > 5
    # A governorate pair's border is given to one of the two; a country's border,
    # hundreds of km long, to none.
    country = "Iraqi" in name or "Lebanon" in name
    assert p.admin1 == "" if country else p.admin1 in sides
    # On the line: at the edge of a governorate it runs along.
    from shapely.geometry import Point

    assert any(gaz.admin.polygon(g).distance(Point(p.lon, p.lat)) < 0.05 for g in sides), (name, p)


def test_other_countries_borders_and_border_towns_are_not_syrian_border_sites(gaz):
    from geomap.geoparse.recognize import find_mentions

    def found(t):
        return [m.surface for m in find_mentions(t, gaz)]

    assert found("Shelling hit the Lebanese-Israeli border on Monday.") == []
    assert found("Rockets hit the Turkish border town of Kilis.") == ["Kilis"]
    assert found("Clashes broke out near the Turkish border on Monday.") == ["Turkish border"]


def test_a_border_needs_both_sides_to_be_a_near_miss(gaz):
    # "Syrian border" names no pair; it is not the Syrian-Iraqi border.
    assert gaz.search("Syrian border") == []
    assert [p.name for p in gaz.search("Syrain-Turkish border")] == ["Syria–Turkey border"]


def test_nonsense_has_no_near_miss(gaz):
    assert gaz.fuzzy("Qwxzvbn Plorkt") == []


# -- place strings from other datasets ----------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Hajin town", "Hajin", "town"),
        ("Idlib governorate", "Idlib", "governorate"),
        ("Kweires military airport", "Kweires", "military airport"),
        ("Yarmouk refugee camp", "Yarmouk", "refugee camp"),
        ("Hama", "Hama", ""),
        ("Camp", "Camp", ""),
    ],
)
def test_split_place_kind(text, name, kind):
    assert split_place_kind(text) == (name, kind)


def test_place_queries_alternatives_brackets_and_qualifiers():
    qs = place_queries("Jabal Bishri mountain (Raqqa governorate)")
    assert qs[0].admin1 == "Ar-Raqqah" and qs[1].name == "Jabal Bishri" and qs[1].kind == "mountain"
    assert [q.name for q in place_queries("Abu Kamal/Bukamal town")][:2] == [
        "Abu Kamal",
        "Bukamal town",
    ]
    assert place_queries("Western Hama countryside")[-1].name == "Hama"
    assert governorate_in("Idleb province") == "Idlib" and governorate_in("Hajin") == ""


# -- the curated layer ---------------------------------------------------------

#: Points allowed outside their governorate's polygon by more than the tolerance.
#: Natural Earth's coastline is coarse; Arwad is an island 3 km off Tartus.
OFFSHORE = {"sy-arwad"}
#: OCHA's two Quneitra districts take in the occupied Golan, which Natural Earth draws
#: in Israel's Northern District: their centroids lie a few km west of its Quneitra.
GOLAN_KM = {"adm2-SY1400": 5.0, "adm2-SY1402": 7.5}
TOLERANCE_KM = 2.5


@pytest.mark.parametrize("layer_file", ["curated.csv", "admin2.csv"])
def test_every_curated_syrian_point_lies_in_its_governorate(layer_file):
    shapely = pytest.importorskip("shapely")
    from pyproj import Transformer
    from shapely.geometry import Point, shape

    geo = json.loads((DATA / "gazetteer" / "admin1.geojson").read_text(encoding="utf-8"))
    to_m = Transformer.from_crs(4326, 32637, always_xy=True).transform  # UTM 37N: metres
    polys = {
        f["properties"]["name"]: shapely.transform(shape(f["geometry"]), to_m, interleaved=False)
        for f in geo["features"]
        if f["properties"].get("country") == "SY"
    }
    bad = []
    with (DATA / "gazetteer" / layer_file).open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["country"] != "SY" or row["id"] in OFFSHORE:
                continue
            assert row["admin1"] in polys, f"{row['id']}: unknown governorate {row['admin1']!r}"
            x, y = to_m(float(row["lon"]), float(row["lat"]))
            km = polys[row["admin1"]].distance(Point(x, y)) / 1000
            # An area's centre may fall outside the polygon by up to its radius (the Golan).
            # A district's centroid lies inside it, so inside its governorate.
            if layer_file == "admin2.csv":
                allowed = GOLAN_KM.get(row["id"], TOLERANCE_KM)
            else:
                allowed = max(TOLERANCE_KM, float(row["radius_km"] or 0))
            if km > allowed:
                bad.append(f"{row['id']} ({row['admin1']}): {km:.1f} km outside")
    assert not bad, bad


def test_curated_ids_unique_and_points_in_syria_box():
    with (DATA / "gazetteer" / "curated.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len({r["id"] for r in rows}) == len(rows)
    for r in rows:
        if r["country"] == "SY":
            assert 32.3 <= float(r["lat"]) <= 37.4 and 35.6 <= float(r["lon"]) <= 42.4, r["id"]


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Deir-ez-Zor", "Deir ez-Zor"),
        ("Al-Hasakeh", "Al-Hasakah"),
        ("Ar-Raqqa", "Ar-Raqqah"),
        ("As-Sweida", "As-Suwayda"),
    ],
)
def test_ochas_governorate_spellings_are_governorates(written: str, name: str) -> None:
    from geomap.gazetteer.admin import governorate_name

    assert governorate_name(written) == name
    assert governorate_name("Qwxzv") == ""


def test_admin2_layer_covers_every_governorate_with_district_names_only():
    from geomap.gazetteer.admin import GOVERNORATES

    with (DATA / "gazetteer" / "admin2.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 62 and len({r["id"] for r in rows}) == 62
    assert {r["admin1"] for r in rows} == {g.name for g in GOVERNORATES.values()}
    for r in rows:
        assert r["kind"] == "district" and r["source"], r["id"]
        for name in [r["name"], *r["variants"].split("|")]:
            # Never the bare town name: "Masyaf" stays the town.
            assert name.endswith(" District") or name.startswith("منطقة "), (r["id"], name)


def test_a_district_is_the_admin_unit_and_its_town_stays_the_town():
    from geomap.geoparse.resolve import resolve_name

    gaz = load_gazetteer()
    district = resolve_name("Masyaf district", gaz, kind_hint="district")
    town = resolve_name("Masyaf", gaz)
    assert district is not None and town is not None
    assert (district.kind, district.layer, district.admin1) == ("district", "admin", "Hama")
    assert district.is_admin_unit and not town.is_admin_unit
    assert town.kind in ("town", "city", "village")
    assert resolve_name("منطقة مصياف", gaz) == district
    # A city quarter shares the kind but is no admin unit.
    quarter = next(p for p in gaz.places if p.kind == "district" and p.layer == "curated")
    assert not quarter.is_admin_unit


def test_an_article_naming_a_district_gets_region_precision():
    from geomap.geoparse import find_mentions, resolve_mentions

    gaz = load_gazetteer()
    text = "Shelling hit villages in the Jisr al-Shughur district on Monday."
    mentions = resolve_mentions(text, find_mentions(text, gaz), gaz)
    m = next(m for m in mentions if m.place is not None and "Jisr" in m.place.name)
    assert m.place.layer == "admin" and m.precision == 3


# -- imports -------------------------------------------------------------------


def test_import_geonames_via_cli_then_load(tmp_path):
    into = tmp_path / "imported"
    res = CliRunner().invoke(
        cli,
        [
            "gazetteer",
            "import",
            "geonames",
            str(FIXTURES / "XX.txt"),
            "--country",
            "SY",
            "--alternate-names",
            str(FIXTURES / "XX_alternateNames.txt"),
            "--into",
            str(into),
        ],
    )
    assert res.exit_code == 0, res.output
    assert "imported 5 places" in res.output
    lines = (into / "XX.txt").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 5 and all(len(line.split("\t")) == 19 for line in lines)
    gaz = load_gazetteer(extra_layers=[into])
    tall = gaz.search("Tal Zarqan")  # a name only in the alternateNames file
    assert tall and tall[0].name == "Tall Zurqan" and tall[0].layer == "imported"
    assert tall[0].admin1 == "Al-Hasakah" and tall[0].kind == "village"
    assert gaz.search("أم غزلان")[0].name == "Umm Ghazlan"
    assert gaz.search("Jubb al-Sarwal")[0].admin1 == "Hama"
    assert gaz.search("Sufayyan gas field")[0].kind == "gasfield"  # feature code kept
    assert not gaz.search("Karaburcak Mezrasi", country="TR")  # --country SY dropped it
    assert "https" not in " ".join(k for k in gaz.keys if "example" in k)
    # Five more than the checkout's own imported layer (a user's imports stay theirs).
    own = load_gazetteer().layers.get("imported", {}).get("places", 0)
    assert gaz.layers["imported"]["places"] == own + 5


def test_import_geonames_zip(tmp_path):
    res = import_geonames(FIXTURES / "XX.zip", into=tmp_path)
    assert res.path == tmp_path / "XX.txt" and res.places == 6
    gaz = load_gazetteer(extra_layers=[res.path])
    assert gaz.search("Karaburçak Mezrası")[0].country == "TR"


def test_import_rejects_a_non_geonames_file(tmp_path):
    bad = tmp_path / "SY.txt"
    bad.write_text("name,lat,lon\nHajin,34.7,40.8\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["gazetteer", "import", "geonames", str(bad), "--into", str(tmp_path / "i")])
    assert res.exit_code == 1
    assert "expected 19 tab-separated GeoNames columns" in res.output


def test_import_csv_with_column_options(tmp_path):
    into = tmp_path / "imported"
    res = CliRunner().invoke(
        cli,
        [
            "gazetteer",
            "import",
            "csv",
            str(FIXTURES / "settlements.csv"),
            "--into",
            str(into),
            "--name-column",
            "settlement_en",
            "--lat-column",
            "y",
            "--lon-column",
            "x",
            "--variants-column",
            "other_spellings",
            "--admin1-column",
            "governorate",
            "--kind-column",
            "type",
        ],
    )
    assert res.exit_code == 0, res.output
    assert "imported 2 places" in res.output
    gaz = load_gazetteer(extra_layers=[into / "settlements.csv"])
    place = gaz.search("Ein Dhahab")[0]
    assert (place.name, place.admin1, place.kind, place.layer) == (
        "Ayn Dhahab",
        "Ar-Raqqah",
        "village",
        "imported",
    )
    assert gaz.search("Sabkhet Mgheir")[0].admin1 == "Homs"


def test_import_csv_reads_other_lists_kind_words_and_names_what_it_could_not(tmp_path):
    # An OCHA-style list says "Hamlet" and "IDP site"; geomap's kinds are village and camp.
    # A kind it cannot place, or a governorate that is none, is imported with a warning.
    src = tmp_path / "sites.csv"
    src.write_text(
        "site,y,x,type,gov\n"
        "Tall Qasab,35.62,36.71,Hamlet,Idlib\n"
        "Mukhayyam Zaytun,36.21,36.61,IDP site,Idlib\n"
        "Qalat Najm Tower,36.55,38.26,castle,Atlantis\n",
        encoding="utf-8",
    )
    args = ["gazetteer", "import", "csv", str(src), "--into", str(tmp_path / "imp")]
    args += ["--name-column", "site", "--lat-column", "y", "--lon-column", "x"]
    res = CliRunner().invoke(cli, [*args, "--kind-column", "type", "--admin1-column", "gov"])
    assert res.exit_code == 0, res.output
    assert "imported 3 places" in res.output
    assert "sites.csv:4: kind 'castle' is not one of village, town" in res.output
    assert "sites.csv:4: admin1 'Atlantis' is not a Syrian governorate" in res.output
    assert "sites.csv:2" not in res.output and "sites.csv:3" not in res.output
    gaz = load_gazetteer(extra_layers=[tmp_path / "imp"])
    kinds = {n: gaz.search(n)[0].kind for n in ("Tall Qasab", "Mukhayyam Zaytun", "Qalat Najm Tower")}
    assert kinds == {"Tall Qasab": "village", "Mukhayyam Zaytun": "camp", "Qalat Najm Tower": "village"}
    assert gaz.search("Qalat Najm Tower")[0].admin1 == "Aleppo"  # from the point, not the bad cell


def test_import_csv_names_a_missing_column(tmp_path):
    res = CliRunner().invoke(
        cli,
        [
            "gazetteer",
            "import",
            "csv",
            str(FIXTURES / "settlements.csv"),
            "--into",
            str(tmp_path),
            "--name-column",
            "village",
        ],
    )
    assert res.exit_code == 1
    assert "missing column(s) village" in res.output


def test_extra_layer_must_exist(tmp_path):
    with pytest.raises(GazetteerError, match="not a GeoNames dump"):
        load_gazetteer(extra_layers=[tmp_path / "nothing.json"])


def _data_copy(tmp_path: Path) -> Path:
    """A data folder like the bundled one, whose gazetteer/imported/ the test may fill."""
    root = tmp_path / "data"
    root.mkdir()
    for item in DATA.iterdir():
        if item.name != "gazetteer":
            (root / item.name).symlink_to(item)
    (root / "gazetteer").mkdir()
    for item in (DATA / "gazetteer").iterdir():
        if item.name != "imported":
            shutil.copy2(item, root / "gazetteer" / item.name)
    return root


def _mentions(out: Path) -> list[dict[str, str]]:
    with (out / "mentions.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


#: A dispatch naming a village only the test GeoNames dump (fixtures/gazetteer/XX.txt) holds.
IMPORTED_VILLAGE_TEXT = "Shelling near Hajin\n\nOn 3 March 2019 artillery shelled Umm Ghazlan village in Deir ez-Zor, killing two civilians.\n"


def test_imported_name_resolves_in_a_run(tmp_path, monkeypatch):
    data = _data_copy(tmp_path)
    monkeypatch.setenv("GEOMAP_DATA", str(data))
    runner = CliRunner()
    res = runner.invoke(cli, ["gazetteer", "import", "geonames", str(FIXTURES / "XX.zip")])
    assert res.exit_code == 0, res.output
    assert (data / "gazetteer" / "imported" / "XX.txt").exists()
    article = tmp_path / "dispatch.txt"
    article.write_text(IMPORTED_VILLAGE_TEXT, encoding="utf-8")
    res = runner.invoke(cli, ["extract", str(article), "--out", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    rows = [r for r in _mentions(tmp_path / "out") if r["surface"] == "Umm Ghazlan"]
    assert rows and rows[0]["status"] == "resolved" and rows[0]["layer"] == "imported"
    assert abs(float(rows[0]["lat"]) - 34.9781) < 1e-3


def test_places_option_uses_a_dump_without_importing_it(tmp_path):
    # A dump (or a folder of them) kept anywhere, read as it is: nothing is written to data/.
    runner = CliRunner()
    article = tmp_path / "dispatch.txt"
    article.write_text(IMPORTED_VILLAGE_TEXT, encoding="utf-8")
    plain = runner.invoke(cli, ["extract", str(article), "--out", str(tmp_path / "plain")])
    assert plain.exit_code == 0, plain.output
    assert all(r["status"] == "unresolved" for r in _mentions(tmp_path / "plain") if r["surface"] == "Umm Ghazlan")
    res = runner.invoke(
        cli, ["extract", str(article), "--out", str(tmp_path / "out"), "--places", str(FIXTURES / "XX.zip")]
    )
    assert res.exit_code == 0, res.output
    rows = [r for r in _mentions(tmp_path / "out") if r["surface"] == "Umm Ghazlan"]
    assert rows and rows[0]["layer"] == "imported" and abs(float(rows[0]["lat"]) - 34.9781) < 1e-3
    res = runner.invoke(cli, ["geocode", "Tell Zurqan", "--json", "--places", str(FIXTURES / "XX.txt")])
    assert res.exit_code == 0 and json.loads(res.output)["Tell Zurqan"][0]["layer"] == "imported"
    res = runner.invoke(cli, ["gazetteer", "info", "--places", str(FIXTURES / "XX.txt")])
    assert res.exit_code == 0 and "XX.txt" in res.output
    bad = tmp_path / "places.json"
    bad.write_text("{}", encoding="utf-8")
    res = runner.invoke(cli, ["extract", str(article), "--out", str(tmp_path / "bad"), "--places", str(bad)])
    assert res.exit_code != 0 and "places.json" in res.output and "not a GeoNames dump" in res.output


# -- patches -------------------------------------------------------------------

PATCH_TEXT = (
    "Clashes near Suran\n\n"
    "On 4 May 2019 government shelling hit the village of Kasr Nofal in eastern Hama, killing "
    "three civilians. On the same day clashes erupted in Suran. In Marea, a council official "
    "said talks went on.\n"
)


def test_patch_add_override_blacklist_in_a_run(tmp_path):
    article = tmp_path / "patch_dispatch.txt"
    article.write_text(PATCH_TEXT, encoding="utf-8")
    runner = CliRunner()
    plain = runner.invoke(cli, ["run", str(article), "--out", str(tmp_path / "plain"), "--tiles", "none"])
    assert plain.exit_code == 0, plain.output
    before = {r["surface"]: r for r in _mentions(tmp_path / "plain")}
    assert before["Marea"]["status"] != "unresolved"  # a place without the patch
    assert abs(float(before["Suran"]["lon"]) - 37.05) > 0.05  # somewhere else without the patch

    res = runner.invoke(
        cli,
        [
            "run",
            str(article),
            "--out",
            str(tmp_path / "patched"),
            "--tiles",
            "none",
            "--gazetteer",
            str(FIXTURES / "patch.csv"),
        ],
    )
    assert res.exit_code == 0, res.output
    rows = _mentions(tmp_path / "patched")
    by = {r["surface"]: r for r in rows}
    assert by["Kasr Nofal"]["status"] == "resolved" and by["Kasr Nofal"]["layer"] == "patch"
    assert by["Kasr Nofal"]["place"] == "Qasr Nawfal"
    assert (float(by["Suran"]["lat"]), float(by["Suran"]["lon"])) == (35.35, 37.05)
    assert by["Suran"]["layer"] == "patch"
    assert not [r for r in rows if "Marea" in r["surface"] and r["status"] != "unresolved"]
    events = json.loads((tmp_path / "patched" / "events.geojson").read_text(encoding="utf-8"))
    assert all(f["properties"].get("location") != "Marea" for f in events["features"])


def test_a_blacklisted_name_is_no_near_miss_either(tmp_path):
    # A blacklisted name stops being a place outright: not through another spelling of
    # the same place, not as a near-miss in geocode or after "the town of".
    patch = tmp_path / "bl.csv"
    patch.write_text("action,name,lat,lon\nblacklist,Saraqib,,\n", encoding="utf-8")
    gaz = load_gazetteer(patches=[patch])
    assert load_gazetteer().search("Saraqib")
    assert gaz.search("Saraqib") == [] and gaz.fuzzy("Saraqib") == []
    from geomap.pipeline import text_to_events

    evs = text_to_events(
        "Shelling hit the town of Saraqib on Monday, killing two.", published="2019-03-12", gazetteer=gaz
    )
    assert all(e.location != "Saraqib" for e in evs)


def test_blacklisting_a_bare_word_leaves_the_name_with_its_article(tmp_path):
    # "Bab" (a gate) is a word in many names; blacklisting it must not take al-Bab the town
    # away, nor "Bab al-Hawa".  The article is matched in any spelling ("el-Bab").
    patch = tmp_path / "bl.csv"
    patch.write_text("action,name,lat,lon\nblacklist,Bab,,\n", encoding="utf-8")
    gaz = load_gazetteer(patches=[patch])
    assert gaz.search("Bab") == [] and gaz.is_blocked("Bab")
    assert [p.admin1 for p in gaz.search("el-Bab")][:1] == ["Aleppo"]
    from geomap.geoparse.recognize import find_mentions

    text = "Shelling hit al-Bab and the Bab al-Hawa crossing; a gate called Bab was shut."
    assert [m.surface for m in find_mentions(text, gaz)] == ["al-Bab", "Bab al-Hawa crossing"]
    patch.write_text("action,name,lat,lon\nblacklist,el-Bab,,\n", encoding="utf-8")
    assert load_gazetteer(patches=[patch]).search("al Bab") == []
    # Its other spellings go with it, glued or not, and no near miss lands on it.
    patch.write_text("action,name,lat,lon\nblacklist,Deir ez-Zor,,\nblacklist,Saraqib,,\n", encoding="utf-8")
    blocked = load_gazetteer(patches=[patch])
    assert all(blocked.is_blocked(n) for n in ("Deir Ezzor", "Dayr al-Zur", "Deir ez Zor"))
    assert blocked.fuzzy("Saraqip") == []
    assert not [p for p in blocked.search("Sarqib") if p.name.startswith("Saraq")]
    assert [p for p in load_gazetteer().search("Sarqib") if p.name.startswith("Saraq")]  # without the patch


def test_patch_with_a_bad_action_names_the_line(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("action,name,lat,lon\nadd,Tall Nur,36.1,38.2\nremove,Hama,,\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"bad.csv:3: action 'remove'"):
        load_gazetteer(patches=[bad])


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("add,Foo,,35,91,36.1,village,Idlib,SY", r"bad.csv:2: 9 values but the header has 8 columns"),
        ("add,Foo,,35.9,36.6,hamlet,Idlib,SY", r"bad.csv:2: kind 'hamlet' is not one of village, town"),
        ("add,Foo,,35.9,36.6,village,Narnia,SY", r"bad.csv:2: admin1 'Narnia' is not a Syrian governorate"),
    ],
)
def test_malformed_patch_rows_name_the_line(tmp_path, row, message):
    bad = tmp_path / "bad.csv"
    bad.write_text("action,name,variants,lat,lon,kind,admin1,country\n" + row + "\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=message):
        load_gazetteer(patches=[bad])


def test_patch_admin1_that_contradicts_the_point_is_reported(tmp_path, caplog):
    patch = tmp_path / "p.csv"
    patch.write_text(
        "action,name,variants,lat,lon,kind,admin1,country\nadd,Foo Qaryat,,35.93,36.63,village,Raqqa,SY\n",
        encoding="utf-8",
    )
    with caplog.at_level("WARNING"):
        gaz = load_gazetteer(patches=[patch])
    assert gaz.search("Foo Qaryat")[0].admin1 == "Idlib"
    assert "given as Ar-Raqqah but its point lies in Idlib" in caplog.text


def test_example_patch_file_loads():
    gaz = load_gazetteer(patches=[DATA / "gazetteer" / "patch.example.csv"])
    assert gaz.layers["patch"]["places"] >= 1


# -- CLI -----------------------------------------------------------------------


def test_gazetteer_info_prints_layers_and_counts():
    res = CliRunner().invoke(cli, ["gazetteer", "info", "--gazetteer", str(FIXTURES / "patch.csv")])
    assert res.exit_code == 0, res.output
    for layer in ("geonames", "admin", "curated", "patch"):
        assert layer in res.output
    first = res.output.splitlines()[0]
    assert "places" in first and "name keys" in first and first.split()[0].isdigit()


def test_geocode_json_gives_scored_candidates():
    res = CliRunner().invoke(cli, ["geocode", "Tadmour", "Hajin town", "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert set(data) == {"Tadmour", "Hajin town"}
    best = data["Tadmour"][0]
    assert {"score", "admin1", "kind", "layer", "lat", "lon", "name"} <= set(best)
    assert best["admin1"] == "Homs"
    assert [c["score"] for c in data["Tadmour"]] == sorted((c["score"] for c in data["Tadmour"]), reverse=True)
    assert data["Hajin town"][0]["admin1"] == "Deir ez-Zor"


def test_geocode_table_output():
    res = CliRunner().invoke(cli, ["geocode", "Deir Ezzor"])
    assert res.exit_code == 0 and "candidate(s)" in res.output and "Deir ez-Zor" in res.output


def test_cache_dir_is_the_test_folder(tmp_path_factory):
    load_gazetteer()
    assert Path(os.environ["GEOMAP_CACHE_DIR"]).is_dir()
    assert any(Path(os.environ["GEOMAP_CACHE_DIR"]).glob("gazetteer-*.pickle"))


# -- unresolved names, looser look-ups, parts of governorates -------------------


def test_unresolved_mentions_list_suggestions(tmp_path):
    article = tmp_path / "typo.txt"
    article.write_text(
        "Shelling in Idlib\n\nOn 2 June 2019 artillery shelled the village of Hibeet "
        "in southern Idlib, killing a woman.\n",
        encoding="utf-8",
    )
    res = CliRunner().invoke(cli, ["extract", str(article), "--out", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    row = next(r for r in _mentions(tmp_path / "out") if r["surface"] == "Hibeet")
    assert row["status"] == "unresolved" and row["place"] == ""
    assert row["candidates"].startswith("Hbit (Idlib,")
    assert "village of Hibeet" in row["context"]


def test_loose_matches_drop_prefixes_and_qualifiers(gaz):
    assert gaz.search("Mardikh")[0].name == "Tell Mardikh"
    assert {p.name for p in gaz.loose_matches("Baghuz Tahtani")} >= {"al-Baghuz"}
    assert gaz.loose_matches("Hajin") == []


def test_directional_part_of_a_governorate(gaz):
    centre = gaz.admin.polygon("Aleppo").centroid
    north, east = gaz.admin.part("Aleppo", "northern"), gaz.admin.part("Aleppo", "east")
    assert north[0] > centre.y and east[1] > centre.x
    assert gaz.locate(*north)[0] == "Aleppo"
    assert gaz.admin.part("Aleppo", "upwards") is None and gaz.admin.part("Atlantis", "north") is None


def test_build_geonames_region_script_offline(tmp_path, monkeypatch):
    import importlib.util
    import zipfile

    spec = importlib.util.spec_from_file_location(
        "build_geonames_region", Path(__file__).parents[1] / "scripts" / "build_geonames_region.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    src = tmp_path / "dumps"
    (src / "alternatenames").mkdir(parents=True)
    shutil.copy(FIXTURES / "XX.zip", src / "SY.zip")
    shutil.copy(FIXTURES / "XX.zip", src / "TR.zip")
    with zipfile.ZipFile(src / "alternatenames" / "SY.zip", "w") as zf:
        zf.write(FIXTURES / "XX_alternateNames.txt", "SY.txt")
    out = tmp_path / "gazetteer" / "geonames_region.txt"
    assert module.main(["--from", str(src), "--neighbours", "TR", "--out", str(out)]) == 0
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r[8] for r in rows] == ["SY"] * 5 + ["TR"]  # the Turkish village lies near the border
    assert "Tal Zarqan" in rows[0][3].split(",")  # alternate names merged
    assert "tl zrqan" not in rows[0][3]  # machine transliterations dropped
    for name in ("geonames_cities.txt", "admin1.geojson", "curated.csv"):
        shutil.copy2(DATA / "gazetteer" / name, out.parent / name)
    gaz = load_gazetteer(out.parent)
    assert gaz.search("Tal Zarqan")[0].layer == "geonames"
    assert "geonames_region.txt" in " ".join(gaz.layers["geonames"]["sources"])


def test_import_skips_rows_with_impossible_coordinates_and_says_why(tmp_path) -> None:
    from geomap.errors import GazetteerError
    from geomap.gazetteer.imports import import_geonames

    good = ["1", "Tall Nur", "Tall Nur", "", "36.1", "38.2", "P", "PPL", "SY", "", "09"] + [""] * 8
    bad = ["2", "Nowhere", "Nowhere", "", "136.1", "38.2", "P", "PPL", "SY", "", "09"] + [""] * 8
    word = ["3", "Nowhere", "Nowhere", "", "not-a-lat", "38.2", "P", "PPL", "SY", "", "09"] + [""] * 8
    src = tmp_path / "ZZ.txt"
    src.write_text("\n".join("\t".join(r) for r in (good, bad, word)) + "\n", encoding="utf-8")
    # As `import csv` does: the rows that read are imported, the others listed with their line.
    res = import_geonames(src, into=tmp_path / "imported")
    assert res.places == 1 and res.path.read_text(encoding="utf-8").startswith("1\tTall Nur")
    assert res.skipped == (
        f"{src}:2: latitude 136.1 is out of range (-90 to 90); row skipped",
        f"{src}:3: latitude 'not-a-lat' is not a number; row skipped",
    )
    r = CliRunner().invoke(cli, ["gazetteer", "import", "geonames", str(src), "--into", str(tmp_path / "cli")])
    assert r.exit_code == 3 and "ZZ.txt:3: latitude 'not-a-lat' is not a number" in r.output
    assert f"imported 1 place from {src}" in r.output
    # --strict stops at the first, and nothing half-written is left in the imported layer.
    with pytest.raises(GazetteerError, match=r"ZZ\.txt:2: latitude 136\.1 is out of range"):
        import_geonames(src, into=tmp_path / "strict", strict=True)
    assert not (tmp_path / "strict" / "ZZ.txt").exists()
    # A file with no readable row imports nothing.
    src.write_text("\t".join(bad) + "\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"no row could be read"):
        import_geonames(src, into=tmp_path / "none")
    assert not (tmp_path / "none" / "ZZ.txt").exists()


def test_cache_keeps_only_the_recently_used_copies(tmp_path, monkeypatch):
    from geomap._data import CACHE_KEEP, prune_cache, touch

    monkeypatch.setenv("GEOMAP_CACHE_DIR", str(tmp_path))
    for i in range(CACHE_KEEP + 3):
        f = tmp_path / f"gazetteer-{i:04d}.pickle"
        f.write_bytes(b"x")
        os.utime(f, (1000 + i, 1000 + i))
    touch(tmp_path / "gazetteer-0000.pickle")  # the oldest file, used just now
    stale = tmp_path / "gazetteer-0001.1234.tmp"
    stale.write_bytes(b"")
    os.utime(stale, (0, 0))
    fresh_tmp = tmp_path / "gazetteer-0002.5678.tmp"
    fresh_tmp.write_bytes(b"")  # another run may be writing it now
    other = tmp_path / "outlines-x.json"
    other.write_text("{}")
    prune_cache("gazetteer")
    left = sorted(p.name for p in tmp_path.glob("gazetteer-*.pickle"))
    assert len(left) == CACHE_KEEP
    assert "gazetteer-0000.pickle" in left and "gazetteer-0001.pickle" not in left
    assert not stale.exists() and fresh_tmp.exists() and other.exists()


def test_patch_with_an_unclosed_quote_names_its_line(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "action,name,variants,lat,lon,kind,admin1,country\n"
        "add,Foo Qaryat,,35.93,36.63,village,Idlib,SY\n"
        'add,"Bar Qaryat,,35.91,36.61,village,Idlib,SY\n'
        "add,Baz Qaryat,,35.92,36.62,village,Idlib,SY\n",
        encoding="utf-8",
    )
    with pytest.raises(GazetteerError, match=r"bad.csv:3: a quoted cell opened on this line is never closed"):
        load_gazetteer(patches=[bad])
    # ... and when a later row's quote seems to close it.
    bad.write_text(
        "action,name,variants,lat,lon,kind,admin1,country\n"
        'add,"Bar Qaryat,,35.91,36.61,village,Idlib,SY\n'
        'add,"Baz Qaryat",,35.92,36.62,village,Idlib,SY\n',
        encoding="utf-8",
    )
    with pytest.raises(GazetteerError, match=r"bad.csv:2: a quoted cell opened on this line is never closed"):
        load_gazetteer(patches=[bad])


def test_patch_point_outside_its_country_is_reported_with_its_line(tmp_path, caplog):
    patch = tmp_path / "p.csv"
    patch.write_text(
        "action,name,variants,lat,lon,kind,admin1,country\n"
        "add,Foo Qaryat,,35.93,36.63,village,Idlib,SY\n"
        "add,Qaryat Swapped,,36.1,95.1,village,Idlib,SY\n",
        encoding="utf-8",
    )
    with caplog.at_level("WARNING"):
        load_gazetteer(patches=[patch])
    assert "p.csv:3: Qaryat Swapped (36.1, 95.1) is given as SY but its point lies outside" in caplog.text
    assert "p.csv:2" not in caplog.text


def test_import_csv_notes_rows_without_a_name_and_shows_headers_as_written(tmp_path):
    src = tmp_path / "sites.csv"
    src.write_text("Site,Y,X\nTall Qasab,35.62,36.71\n,35.63,36.72\n", encoding="utf-8")
    args = ["gazetteer", "import", "csv", str(src), "--into", str(tmp_path / "imp")]
    res = CliRunner().invoke(cli, [*args, "--name-column", "site", "--lat-column", "y", "--lon-column", "x"])
    assert res.exit_code == 0, res.output
    assert "imported 1 place from" in res.output and "sites.csv:3: no name in column 'site'; row skipped" in res.output
    res = CliRunner().invoke(cli, [*args, "--name-column", "village"])
    assert res.exit_code == 1 and "found Site, Y, X" in res.output


def test_import_csv_skips_a_row_whose_point_is_unreadable(tmp_path):
    # One typo in a 10,000-row settlement list does not throw the other rows away.
    src = tmp_path / "list.csv"
    src.write_text(
        "name,lat,lon\nTall Qasab,35.62,36.71\nTall Zaytun,3x.2,36.61\nTall Najm,36.55,38.26\n", encoding="utf-8"
    )
    args = ["gazetteer", "import", "csv", str(src), "--into", str(tmp_path / "imp")]
    res = CliRunner().invoke(cli, args)
    assert res.exit_code == 3, res.output
    assert "imported 2 places" in res.output and "list.csv:3: lat '3x.2' is not a number; row skipped" in res.output
    gaz = load_gazetteer(extra_layers=[tmp_path / "imp"])
    assert gaz.search("Tall Najm")[0].layer == "imported"
    # --strict stops there, and writes nothing.
    res = CliRunner().invoke(cli, [*args[:-1], str(tmp_path / "imp2"), "--strict"])
    assert res.exit_code == 1 and "list.csv:3" in res.output
    assert not (tmp_path / "imp2").exists()
    # A file none of whose rows can be read is an error, not an empty layer.
    bad = tmp_path / "bad.csv"
    bad.write_text("name,lat,lon\nTall Qasab,north,36.71\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["gazetteer", "import", "csv", str(bad), "--into", str(tmp_path / "imp3")])
    assert res.exit_code == 1 and "no row could be read" in res.output


def test_the_neighbours_provinces_are_places_found_in_text_only_for_their_country():
    from geomap.geoparse import find_mentions

    gaz = load_gazetteer()
    anbar = gaz.search("Anbar", country="IQ")
    assert anbar and anbar[0].name == "Al Anbar Governorate" and anbar[0].kind == "governorate"
    # "Beqaa" is the valley (a curated region) and the governorate; "Beqaa governorate" the latter.
    assert "provinces" in {p.layer for p in gaz.search("Beqaa", country="LB")}
    assert gaz.search("Beqaa governorate", country="LB")[0].layer == "provinces"
    # Cities keep their rank over the province of the same name.
    assert gaz.search("Kilis")[0].kind == "city"
    # Named in a report, a province is an event site when its country is one of interest.
    from geomap.events import load_actors
    from geomap.models import Article
    from geomap.pipeline import extract

    art = Article(id="n", title="", text="Islamic State fighters attacked an army post in Nineveh on Thursday.")
    assert extract(art, gazetteer=gaz, actors=load_actors())[1] == []
    evs = extract(art, gazetteer=gaz, actors=load_actors(), country_bias=("SY", "IQ"))[1]
    assert [(e.location, e.geo_precision, e.event_id[:4]) for e in evs] == [("Nineveh Governorate", 3, "IRQ-")]
    assert find_mentions("Clashes went on in Dhi Qar province.", gaz, countries=("SY", "IQ"))[0].surface.startswith(
        "Dhi Qar"
    )


# -- bare names: namesakes told apart by how the record writes them ---------------

NAMESAKES = """action,name,variants,lat,lon,kind,admin1,country
add,Zubaydiyat al-Wusta,Qasr Dhiban,35.10,37.20,town,Hama,SY
add,Qasr Dhiban,,34.90,36.90,village,Homs,SY
add,al-Sukkariyah,,35.80,38.90,town,Ar-Raqqah,SY
add,Sukariyah,,36.20,37.10,town,Aleppo,SY
add,Hayy al-Nawras,Nawras,33.50,36.28,district,Damascus,SY
add,Nawras,,35.60,36.80,village,Idlib,SY
add,Tall Ghazlan al-Gharbiyah,,32.80,36.10,village,Daraa,SY
add,Tall Ghazlan,,32.60,36.50,village,As-Suwayda,SY
"""


@pytest.fixture(scope="module")
def namesakes(tmp_path_factory):
    patch = tmp_path_factory.mktemp("namesakes") / "patch.csv"
    patch.write_text(NAMESAKES, encoding="utf-8")
    return load_gazetteer(patches=[patch])


def _first(gaz, where):
    from geomap.geoparse.resolve import rank_place_string

    ranked = rank_place_string(where, gaz)
    return ranked[0][1].name if ranked else None


def test_a_record_names_the_place_called_so_before_one_with_it_as_an_alternate(namesakes):
    # Both are spelt "Qasr Dhiban"; one only as an old alternate of a bigger town.
    assert _first(namesakes, "Qasr Dhiban village") == "Qasr Dhiban"


def test_a_record_names_the_place_spelt_as_written_before_a_transliteration(namesakes):
    # "Sukariyah" is written so only by the Aleppo town; al-Sukkariyah is alike once folded.
    assert _first(namesakes, "Sukariyah town") == "Sukariyah"
    assert _first(namesakes, "Sukkariyah town") == "al-Sukkariyah"


def test_a_village_record_names_the_village_not_a_city_quarter(namesakes):
    assert _first(namesakes, "Nawras village") == "Nawras"
    assert _first(namesakes, "Nawras neighbourhood") == "Hayy al-Nawras"


def test_a_translated_qualifier_finds_the_twin_village():
    qs = [q.name for q in place_queries("Western Tall Ghazlan village")]
    assert qs.index("Tall Ghazlan al-Gharbiyah") < qs.index("Tall Ghazlan")
    # A governorate's side stays a part of the governorate.
    assert "Hama al-Gharbiyah" not in [q.name for q in place_queries("Western Hama governorate")]


def test_a_translated_qualifier_resolves_to_the_twin_village(namesakes):
    assert _first(namesakes, "Western Tall Ghazlan village") == "Tall Ghazlan al-Gharbiyah"


def test_import_csv_warns_of_a_point_outside_its_country(tmp_path):
    # lat and lon swapped put a Syrian village in Turkey: imported (the list is the user's),
    # and said, as a patch file's row would be.
    src = tmp_path / "sites.csv"
    src.write_text("name,lat,lon\nTall Qasab,35.62,36.71\nTall Swapped,38.50,36.20\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["gazetteer", "import", "csv", str(src), "--into", str(tmp_path / "imp")])
    assert res.exit_code == 0, res.output
    assert "Tall Swapped (38.5, 36.2) is given as SY but its point lies in TR; check lat/lon (swapped?)" in res.output
    assert "Tall Qasab" not in res.output.replace(f"{src}", "")


@pytest.mark.parametrize("spelling", ["Kherbet", "Kharbet", "Khurbet", "Khirbat", "Khirbet"])
def test_khirbet_spellings_are_one_prefix(spelling):
    from geomap.gazetteer.names import token_key

    assert token_key(spelling) == token_key("Khirbet")
