"""Bad input never breaks a run: every input kind, every way a file can be wrong.

Each bad file gets a message naming the file (and line) and what was wrong;
the run goes on with the rest unless --strict; exit code 3 says something
was skipped and run.json lists what and why.  All texts are written here.
"""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from geomap.cli import cli
from geomap.errors import GeomapError, InputError
from geomap.ingest import read_articles
from geomap.pipeline import run

ARTICLE = (
    "Shelling hits Hajin\n\nBy Euphrates Desk\n\n5 November 2018\n\n"
    "On Saturday, artillery shelled the town of Hajin, killing 3 civilians. Café owners fled.\n"
)
HTML = (
    "<html><head><title>Shelling hits Hajin</title>"
    "<meta property='article:published_time' content='2018-11-05'></head><body><article>"
    "<p>On Saturday, artillery shelled the town of Hajin, killing 3 civilians. "
    "Café owners fled.</p>"
    "</article></body></html>"
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" * 4
BODIES = {"txt": ARTICLE, "md": "# " + ARTICLE, "html": HTML}


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args))


def summary(out: Path) -> dict:
    return json.loads((out / "run.json").read_text(encoding="utf-8"))


def skipped(out: Path) -> dict[str, list[tuple[int | None, str]]]:
    found: dict[str, list[tuple[int | None, str]]] = {}
    for s in summary(out)["skipped"]:
        found.setdefault(Path(s["path"]).name, []).append((s["line"], s["reason"]))
    return found


@pytest.fixture()
def bad_folder(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    for ext, body in BODIES.items():
        (d / f"empty.{ext}").write_bytes(b"")
        (d / f"binary.{ext}").write_bytes(PNG)
        (d / f"blank.{ext}").write_bytes(b"  \n\n\t ")
        (d / f"bom.{ext}").write_bytes(b"\xef\xbb\xbf" + body.encode())
        (d / f"utf16.{ext}").write_bytes(body.replace("\n", "\r\n").encode("utf-16"))
        (d / f"latin1.{ext}").write_bytes(body.encode("latin-1"))
    with (d / "huge.txt").open("wb") as fh:  # a 50 MB article
        chunk = ARTICLE.encode() * 1000
        while fh.tell() < 50_000_000:
            fh.write(chunk)
    (d / "feed.jsonl").write_text(
        json.dumps({"id": "j1", "text": ARTICLE, "published": "2018-11-05"})
        + "\n"
        + '{"id": "j2", "text": "cut off\n'
        + json.dumps({"id": "j3", "text": ARTICLE, "published": "2018-02-30"})
        + "\n"
        + "[1, 2]\n"
        + json.dumps({"id": "j5", "text": ""})
        + "\n"
        + json.dumps({"id": "j6", "title": "no text"})
        + "\n"
        + json.dumps({"id": "j7", "text": "Shelling hit Hajin\u0000 on 3 November 2018 \ud800."})
        + "\n",
        encoding="utf-8",
        errors="surrogatepass",
    )
    with (d / "table.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "title", "text", "published"])
        w.writerow(["c1", "ok", ARTICLE, "2018-11-05"])
        w.writerow(["c2", "extra", ARTICLE, "2018-11-05", "surplus"])
        w.writerow(["c3", "short"])
        w.writerow(["c4", "bad date", ARTICLE, "2018-13-45"])
    (d / "notext.csv").write_text("id,title\n1,a\n", encoding="utf-8")
    (d / "truncated.csv").write_text('id,text\n1,"never closed\n', encoding="utf-8")
    (d / "image.png").write_bytes(PNG)  # not an article suffix: ignored in folders
    return d


def test_every_bad_article_file_is_reported_and_the_rest_is_read(tmp_path: Path, bad_folder: Path) -> None:
    out = tmp_path / "out"
    r = invoke("extract", str(bad_folder), "--out", str(out))
    assert r.exit_code == 3, r.output
    assert "input(s) skipped; see" in r.output and "Traceback" not in r.output
    skips = skipped(out)
    for ext in BODIES:
        assert skips[f"empty.{ext}"] == [(None, "empty file")]
        assert "binary" in skips[f"binary.{ext}"][0][1]
        assert "white space" in skips[f"blank.{ext}"][0][1]
        assert f"bom.{ext}" not in skips and f"utf16.{ext}" not in skips and f"latin1.{ext}" not in skips
    assert "50.1 MB" in skips["huge.txt"][0][1] and "--max-article-mb" in skips["huge.txt"][0][1]
    feed = dict(skips["feed.jsonl"])
    assert set(feed) == {2, 4, 5, 6}
    assert "broken JSON" in feed[2] and "JSON object" in feed[4] and "empty" in feed[5] and "no text" in feed[6]
    table = dict(skips["table.csv"])
    assert set(table) == {10, 18} and "fields" in table[10] and "text" in table[18]  # first line of each record
    assert "no 'text' column" in skips["notext.csv"][0][1]
    assert "named text, body, content, article or full_text" in skips["notext.csv"][0][1]
    assert "truncated.csv" in skips or summary(out)["counts"]["articles"] >= 1
    for name, entries in skips.items():
        for line, reason in entries:
            assert f"{name}:{line}: {reason}" in r.output or f"{name}: {reason}" in r.output
    # the good and the mis-encoded files were read
    rows = list(csv.DictReader((out / "articles.csv").read_text(encoding="utf-8").splitlines()))
    ids = {row["id"] for row in rows}
    for ext in BODIES:
        assert {f"bom.{ext}", f"utf16.{ext}", f"latin1.{ext}"} <= ids
    assert {"j1", "j3", "j7", "c1", "c2", "c4"} <= ids
    assert "image.png" not in ids
    titles = {row["id"]: row["title"] for row in rows}
    assert titles["bom.txt"] == titles["utf16.txt"] == titles["latin1.txt"] == "Shelling hits Hajin"
    # impossible publication dates are kept as warnings, not invented
    warnings = {(w["article"], w["warning"]) for w in summary(out)["warnings"]}
    assert any(a == "j3" and "2018-02-30" in w for a, w in warnings)
    assert any(a == "c4" and "2018-13-45" in w for a, w in warnings)
    events = list(csv.DictReader((out / "events.csv").read_text(encoding="utf-8").splitlines()))
    assert events and all(date.fromisoformat(e["event_date"]) for e in events if e["event_date"][:2] != "--")


def test_strict_stops_at_the_first_bad_input(tmp_path: Path, bad_folder: Path) -> None:
    out = tmp_path / "out"
    r = invoke("extract", str(bad_folder), "--out", str(out), "--strict")
    assert r.exit_code == 1
    assert r.output.startswith("geomap: error: ") and "Traceback" not in r.output
    assert not (out / "run.json").exists()


def test_clean_input_exits_zero(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    r = invoke("extract", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"))
    assert r.exit_code == 0, r.output
    assert summary(tmp_path / "out")["skipped"] == []


def test_max_article_mb_option(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE * 20, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    r = invoke(
        "extract",
        str(tmp_path / "a.txt"),
        str(tmp_path / "b.txt"),
        "--out",
        str(tmp_path / "o"),
        "--max-article-mb",
        "0.001",
    )
    assert r.exit_code == 3 and "over 1 KB" in r.output


@pytest.mark.parametrize("command", ["run", "extract", "join"])
def test_a_run_where_every_input_fails_keeps_the_last_outputs(tmp_path: Path, command: str) -> None:
    out = tmp_path / "out"
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    first = invoke("extract", str(tmp_path / "good.txt"), "--out", str(out))
    assert first.exit_code == 0, first.output
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    r = invoke(command, str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt"), "--out", str(out))
    assert r.exit_code == 1
    assert "nothing could be read" in r.output and "missing.txt: no such file" in r.output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_fixture_folder_never_raises() -> None:
    fixtures = Path(__file__).parent / "fixtures" / "ingest"
    arts, errs = read_articles([fixtures])
    assert arts and all(isinstance(e, InputError) and e.path for e in errs)


def test_missing_input_is_reported(tmp_path: Path) -> None:
    res = run([tmp_path / "nope.txt"], out=tmp_path / "o", map_html=False, write=False)
    assert [(Path(p.path).name, p.reason) for p in res.problems] == [("nope.txt", "no such file or folder")]


def test_a_folder_with_no_article_file_is_a_problem_not_an_empty_success(tmp_path: Path) -> None:
    empty, rtf = tmp_path / "empty", tmp_path / "rtf"
    empty.mkdir()
    rtf.mkdir()
    (rtf / "dispatch.rtf").write_text("{\\rtf1 Jets struck Ariha.}", encoding="utf-8")
    _, errors = read_articles([empty, rtf])
    assert [(Path(e.path).name, e.reason.split(";")[1].strip()) for e in errors] == [
        ("empty", "it is empty"),
        ("rtf", "it holds only .rtf files"),
    ]
    res = CliRunner().invoke(cli, ["extract", str(empty), "--out", str(tmp_path / "o")])
    assert res.exit_code == 1 and "no article files in this folder" in res.output
    assert not (tmp_path / "o").exists()


# --- gazetteer patch files -----------------------------------------------------------------

PATCH_HEADER = "action,name,variants,lat,lon,kind,admin1,country\n"
PATCH_ROW = "add,Fooville,Fooville town,35.05,38.05,village,Homs,SY\n"


def test_patches_in_any_encoding_are_read(tmp_path: Path) -> None:
    patches, text = [], ""
    for encoding, name in (
        ("utf-8-sig", "Fooville"),
        ("utf-16", "Barville"),
        ("latin-1", "Bazvillé"),
    ):
        patch = tmp_path / f"patch-{encoding}.csv"
        patch.write_text(PATCH_HEADER + PATCH_ROW.replace("Fooville", name), encoding=encoding)
        patches.append(patch)
        text += f"On Saturday, artillery shelled the village of {name}. "
    (tmp_path / "foo.txt").write_text("Shelling\n\n5 November 2018\n\n" + text, encoding="utf-8")
    res = run([tmp_path / "foo.txt"], out=tmp_path / "o", map_html=False, patches=patches)
    assert res.problems == []
    found = {m.place.name for m in res.mentions if m.place is not None}
    assert {"Fooville", "Barville", "Bazvillé"} <= found


@pytest.mark.parametrize(
    ("content", "line", "reason"),
    [
        (b"", None, "empty file"),
        (PNG, None, "binary"),
        ((PATCH_HEADER + "add,Barville,,200,40,village,,SY\n").encode(), 2, "out of range"),
        ((PATCH_HEADER + "add,Barville,,north,40,village,,SY\n").encode(), 2, "not a number"),
        ((PATCH_HEADER + "rename,Barville,,35,40,village,,SY\n").encode(), 2, "not one of"),
        (b"x,y\n1,2\n", None, "missing column"),
    ],
)
def test_bad_patch_is_skipped_and_the_run_goes_on(
    tmp_path: Path, content: bytes, line: int | None, reason: str
) -> None:
    patch = tmp_path / "patch.csv"
    patch.write_bytes(content)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    r = invoke("extract", str(tmp_path / "a.txt"), "--gazetteer", str(patch), "--out", str(out))
    assert r.exit_code == 3, r.output
    [(got_line, got_reason)] = skipped(out)["patch.csv"]
    assert got_line == line and reason in got_reason
    assert summary(out)["counts"]["events"] >= 1
    strict = invoke("extract", str(tmp_path / "a.txt"), "--gazetteer", str(patch), "--out", str(out), "--strict")
    assert strict.exit_code == 1 and "patch.csv" in strict.output and "Traceback" not in strict.output


# --- GeoNames dumps ------------------------------------------------------------------------

GN_ROW = (
    "\t".join(
        [
            "91",
            "Hajín",
            "Hajin",
            "",
            "34.69",
            "40.83",
            "P",
            "PPL",
            "SY",
            "",
            "07",
            "",
            "",
            "",
            "37000",
            "",
            "",
            "",
            "",
        ]
    )
    + "\n"
)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (PNG, "gn.txt:1: not UTF-8"),
        (GN_ROW.encode("latin-1"), "gn.txt:1: not UTF-8"),
        (GN_ROW.replace("\t", ",").encode(), "gn.txt:1: expected 19"),
    ],
)
def test_bad_geonames_dump_is_a_clean_error(tmp_path: Path, content: bytes, message: str) -> None:
    (tmp_path / "gn.txt").write_bytes(content)
    r = invoke("gazetteer", "import", "geonames", str(tmp_path / "gn.txt"), "--into", str(tmp_path / "imp"))
    assert r.exit_code == 1 and "Traceback" not in r.output and r.exception is not None
    assert isinstance(r.exception, SystemExit)
    assert message in r.output
    assert not (tmp_path / "imp" / "gn.txt").exists()  # nothing half-written


def test_a_short_row_in_a_geonames_dump_is_skipped_and_named_not_the_whole_import(tmp_path: Path) -> None:
    (tmp_path / "gn.txt").write_bytes((GN_ROW + "a\tb\n").encode())
    r = invoke("gazetteer", "import", "geonames", str(tmp_path / "gn.txt"), "--into", str(tmp_path / "imp"))
    assert r.exit_code == 3 and "Traceback" not in r.output
    assert "gn.txt:2: expected 19 tab-separated" in r.output and "row skipped" in r.output
    assert "imported 1 place from" in r.output
    assert len((tmp_path / "imp" / "gn.txt").read_text(encoding="utf-8").splitlines()) == 1
    # --strict stops there, and imports nothing.
    r = invoke(
        "gazetteer", "import", "geonames", str(tmp_path / "gn.txt"), "--into", str(tmp_path / "imp2"), "--strict"
    )
    assert r.exit_code == 1 and "gn.txt:2: expected 19 tab-separated" in r.output
    assert not (tmp_path / "imp2" / "gn.txt").exists()


def test_an_import_of_the_same_name_keeps_the_earlier_one_unless_told(tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "villages.csv", tmp_path / "b" / "villages.csv"
    first.parent.mkdir()
    second.parent.mkdir()
    first.write_text("name,lat,lon\nTall Nur,36.1,38.2\n", encoding="utf-8")
    second.write_text("name,lat,lon\nKhirbet Adas,35.1,36.3\n", encoding="utf-8")
    imp = tmp_path / "imp"
    assert invoke("gazetteer", "import", "csv", str(first), "--into", str(imp)).exit_code == 0
    r = invoke("gazetteer", "import", "csv", str(second), "--into", str(imp))
    assert r.exit_code == 1 and "an earlier import is already there" in r.output and "--replace" in r.output
    assert "Tall Nur" in (imp / "villages.csv").read_text(encoding="utf-8")  # the first kept
    r = invoke("gazetteer", "import", "csv", str(second), "--into", str(imp), "--as", "villages-b")
    assert r.exit_code == 0, r.output
    assert "Tall Nur" in (imp / "villages.csv").read_text(encoding="utf-8")
    assert "Khirbet Adas" in (imp / "villages-b.csv").read_text(encoding="utf-8")
    r = invoke("gazetteer", "import", "csv", str(second), "--into", str(imp), "--replace")
    assert r.exit_code == 0, r.output
    assert "Khirbet Adas" in (imp / "villages.csv").read_text(encoding="utf-8")


def test_a_semicolon_separated_place_list_imports(tmp_path: Path) -> None:
    src = tmp_path / "list.csv"
    src.write_text(
        "name;lat;lon;alt\nTall Nur;36,1;38,2;\nKhirbet Adas;35.1;36.3;Kherbet Adas|Khirbat Adas\n", encoding="utf-8"
    )
    r = invoke("gazetteer", "import", "csv", str(src), "--into", str(tmp_path / "imp"), "--variants-column", "alt")
    # The decimal comma such spreadsheets write is read as a decimal point.
    assert r.exit_code == 0, r.output
    assert "imported 2 places from" in r.output
    assert "Tall Nur,36.1,38.2," in (tmp_path / "imp" / "list.csv").read_text(encoding="utf-8")
    assert "Khirbet Adas,35.1,36.3,Kherbet Adas|Khirbat Adas" in (tmp_path / "imp" / "list.csv").read_text(
        encoding="utf-8"
    )


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_geonames_dump_in_unicode_encodings(tmp_path: Path, encoding: str) -> None:
    (tmp_path / "gn.txt").write_text(GN_ROW, encoding=encoding)
    r = invoke("gazetteer", "import", "geonames", str(tmp_path / "gn.txt"), "--into", str(tmp_path / "imp"))
    assert r.exit_code == 0, r.output
    assert (tmp_path / "imp" / "gn.txt").read_text(encoding="utf-8").split("\t")[1] == "Hajín"


# --- record files (geomap join / run --records) ----------------------------------------------


def test_bad_records_through_the_cli(tmp_path: Path) -> None:
    recs = tmp_path / "recs.csv"
    recs.write_text(
        "place,date,latitude,longitude\n"
        "Hajin,2018-11-03,,\n"
        "Hajin,2018-02-30,,\n"
        "Hajin,2018-11-03,134.5,40.8\n"
        "Hajin,2018-11-03,34.7\n"
        "Hajin,2018-11-03,34.7,40.8,surplus\n",
        encoding="latin-1",
    )
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    binary = tmp_path / "bin.csv"
    binary.write_bytes(PNG)
    out = tmp_path / "out"
    r = invoke("join", str(recs), str(empty), str(binary), "--out", str(out), "--no-map")
    assert r.exit_code == 3, r.output
    skips = skipped(out)
    # an impossible date or a ragged row is skipped; a bad point gives way to the place name
    assert sorted(line for line, _ in skips["recs.csv"]) == [3, 6]
    assert skips["empty.csv"] == [(None, "empty file")] and "binary" in skips["bin.csv"][0][1]
    assert summary(out)["counts"]["events"] == 3
    said = {w["line"]: w["warning"] for w in summary(out)["record_warnings"]}
    assert "latitude 134.5 is outside -90..90" in said[4] and "only one of latitude/longitude" in said[5]
    r2 = invoke(
        "run",
        str(tmp_path / "nothing-here"),
        "--records",
        str(recs),
        "--out",
        str(tmp_path / "o2"),
        "--tiles",
        "none",
    )
    assert r2.exit_code == 3 and "recs.csv:3" in r2.output


def test_errors_are_geomap_errors_and_builtin_kinds() -> None:
    err = InputError("a.txt", "empty file", line=3)
    assert isinstance(err, GeomapError) and isinstance(err, ValueError)
    assert str(err) == "a.txt:3: empty file"


# --- article text placed in HTML is escaped everywhere -------------------------------------------

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"


def test_hostile_article_text_is_escaped_in_map_report_and_fragment(tmp_path: Path) -> None:
    from geomap.render import map_fragment

    text = (
        f"Strike {SCRIPT} on Hajin {IMG}\n\nBy Desk {IMG}\n\n5 November 2018\n\n"
        f"On Saturday, airstrikes hit the town of Hajin {IMG}, killing 7 civilians. {SCRIPT}\n\n"
        f"Clashes erupted in the town of Idlib {SCRIPT} on Sunday, killing 2 fighters {IMG}."
    )
    rec = {
        "id": f"evil-{IMG}",
        "title": f"Strike {SCRIPT}",
        "text": text,
        "url": "javascript:alert(1)",
        "outlet": f"Desk {IMG}",
        "published": "2018-11-05",
    }
    (tmp_path / "evil.jsonl").write_text(json.dumps(rec) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    res = run([tmp_path / "evil.jsonl"], out=out, map_options={"tiles": None})
    assert res.events and any(IMG in e.sentence or SCRIPT in e.sentence for e in res.events)
    pages = {
        "map.html": (out / "map.html").read_text(encoding="utf-8"),
        "report.html": (out / "report.html").read_text(encoding="utf-8"),
        "fragment": map_fragment(res.events),
    }
    for name, page in pages.items():
        low = page.lower()
        for bad in (SCRIPT, IMG, "<script>alert", "<img src=x"):  # escaped forms may stay
            assert bad not in low, f"{name} holds {bad!r} unescaped"
        assert 'href="javascript:' not in low and "href='javascript:" not in low, f"{name} links javascript:"


def test_a_repeated_article_id_names_the_lines_of_both_copies(tmp_path: Path) -> None:
    jsonl = tmp_path / "export.jsonl"
    recs = [
        {"id": "m1", "text": "Jets struck Masyaf on Monday, killing two farmers."},
        {"id": "s1", "text": "A mine exploded near Safita, killing a shepherd."},
        {"id": "m1", "text": "Jets struck Masyaf on Monday, killing two farmers."},
    ]
    jsonl.write_text(f"{json.dumps(recs[0])}\n{json.dumps(recs[1])}\n\n{json.dumps(recs[2])}\n", encoding="utf-8")
    table = tmp_path / "export.csv"
    table.write_text(
        'id,text\nq1,Shells hit Qadmous on Tuesday.\nk1,"Clashes broke out near Khan Shaykhun,\nkilling two."\n'
        "q1,Shells hit Qadmous on Tuesday.\n",
        encoding="utf-8",
    )
    arts, errs = read_articles([jsonl, table])
    # The first copies are all kept; only the repeats are skipped.
    assert [a.id for a in arts] == ["m1", "s1", "q1", "k1"]
    assert [(Path(e.path).name, e.line) for e in errs] == [("export.jsonl", 4), ("export.csv", 5)]
    jsonl_err, csv_err = (str(e) for e in errs)
    assert "'m1'" in jsonl_err and "line 4" in jsonl_err and f"{jsonl}:1" in jsonl_err
    assert "'q1'" in csv_err and "row on line 5" in csv_err and f"{table}:2" in csv_err
    assert all("later copy skipped" in str(e) for e in errs)
    # The run's report keeps the line too.
    out = tmp_path / "out"
    r = invoke("extract", str(jsonl), str(table), "--out", str(out))
    assert r.exit_code == 3, r.output
    assert [line for line, _ in skipped(out)["export.jsonl"]] == [4]
    assert [line for line, _ in skipped(out)["export.csv"]] == [5]


def test_a_strict_run_says_it_stopped_not_that_it_skipped(tmp_path: Path) -> None:
    bad = tmp_path / "unclosed.csv"
    bad.write_text(
        'id,title,text,published\n1,"Shelling,Shells hit Masyaf on Monday.,2019-05-07\n'
        "2,Jets,Jets struck Safita on Monday.,2019-05-07\n",
        encoding="utf-8",
    )
    r = invoke("extract", str(bad), "--out", str(tmp_path / "o"), "--strict")
    assert r.exit_code == 1
    assert f"{bad}:2:" in r.output and "never closed" in r.output
    assert "run stopped (--strict)" in r.output and "skipped" not in r.output
    r = invoke("extract", str(bad), "--out", str(tmp_path / "o2"))
    assert "skipped" in r.output and "--strict" not in r.output


def test_a_text_field_that_is_not_text_is_named_and_paragraph_lists_are_joined(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    lines = [
        {"id": "n1", "text": 12345, "published": "2020-01-14"},
        {"id": "n2", "text": {"body": "Jets struck Masyaf."}},
        {"id": "n3", "text": ["Jets struck Masyaf on Monday, killing 2 civilians.", "", "More later."]},
        {"id": "n4", "text": True},
    ]
    feed.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    articles, errors = read_articles([feed])
    assert [(e.line, e.reason) for e in errors] == [
        (1, "the record's 'text' field is a number, not text; record skipped"),
        (2, "the record's 'text' field is an object, not text; record skipped"),
        (4, "the record's 'text' field is true/false, not text; record skipped"),
    ]
    (art,) = articles
    assert art.id == "n3" and art.text.startswith("Jets struck Masyaf on Monday") and "More later." in art.text
    assert "['" not in art.text


def test_a_csv_row_with_too_few_fields_is_read_with_a_warning_or_skipped_without_text(tmp_path: Path) -> None:
    table = tmp_path / "short.csv"
    table.write_text(
        "id,title,text,published,outlet\n"
        "1,Strike,Jets struck Masyaf on Monday,2020-01-14\n"
        "2,Only a title\n"
        "3,ok,Drones hit Safita on Sunday,2020-01-14,Coast Wire\n",
        encoding="utf-8",
    )
    articles, errors = read_articles([table])
    assert [(e.line, e.reason) for e in errors] == [
        (3, "row has 2 fields, header has 5 (no 'text', 'published', 'outlet'); row skipped")
    ]
    by_id = {a.id: a for a in articles}
    assert set(by_id) == {"1", "3"}
    assert by_id["1"].warnings == ("row has 4 fields, header has 5 (no 'outlet')",)
    assert by_id["1"].published == date(2020, 1, 14) and by_id["3"].warnings == ()
