"""The command line, through click's CliRunner (and once as ``python -m geomap``)."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from geomap import __version__
from geomap._data import data_dir
from geomap.cli import cli

OUTPUTS = {"map.html", "events.geojson", "events.csv", "mentions.csv", "articles.csv", "run.json"}
GOOD = (
    "Army Shells Rebel Posts Near Kabani\nBy Coastal Front Monitor\n12 March 2019\n\n"
    "On Monday, the Syrian army shelled rebel positions near Kabani, killing 2 fighters.\n"
)
UNDATED = "Notes From the Latakia Front\n\nOn October 14th, the Syrian army shelled the village of Kabani.\n"


def _commands(group: click.Group, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], click.Command]]:
    out: list[tuple[tuple[str, ...], click.Command]] = [(path, group)]
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        cmd = group.get_command(ctx, name)
        assert cmd is not None
        if isinstance(cmd, click.Group):
            out += _commands(cmd, path + (name,))
        else:
            out.append((path + (name,), cmd))
    return out


COMMANDS = _commands(cli)


def invoke(args: list[str]):
    return CliRunner().invoke(cli, args, prog_name="geomap")


def test_the_walk_finds_the_known_commands() -> None:
    paths = {" ".join(p) for p, _c in COMMANDS}
    assert {"", "run", "extract", "geocode", "gazetteer", "gazetteer info"} <= paths


@pytest.mark.parametrize(("path", "cmd"), COMMANDS, ids=[" ".join(p) or "geomap" for p, _c in COMMANDS])
def test_every_command_has_help(path: tuple[str, ...], cmd: click.Command) -> None:
    assert (cmd.help or "").strip(), f"'geomap {' '.join(path)}' has no description"
    result = invoke([*path, "--help"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Usage: geomap")
    first = cmd.help.strip().splitlines()[0].strip()
    assert " ".join(first.split()[:4]) in " ".join(result.output.split())
    for param in cmd.params:
        if isinstance(param, click.Option) and not param.hidden:
            assert param.help, f"'geomap {' '.join(path)}' option {param.opts} has no help"


def test_short_help_flag() -> None:
    result = invoke(["run", "-h"])
    assert result.exit_code == 0 and "Usage: geomap run" in result.output


def test_version() -> None:
    result = invoke(["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


def test_python_dash_m() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "geomap", "--help"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("Usage:")
    assert "run" in proc.stdout


# --- a run on the bundled samples (once per module)


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("cli") / "out"
    result = invoke(["run", "--out", str(out)])
    return result, out


def test_run_on_the_samples_writes_every_output(sample_run) -> None:
    result, out = sample_run
    assert result.exit_code == 0, result.output
    assert result.exception is None
    assert OUTPUTS <= {p.name for p in out.iterdir()}
    for name in OUTPUTS:
        assert (out / name).stat().st_size > 0, name
    assert not [p.name for p in out.iterdir() if p.name.startswith(".") or p.suffix == ".tmp"]


def test_run_summary_line(sample_run) -> None:
    result, out = sample_run
    summary = json.loads((out / "run.json").read_text(encoding="utf-8"))
    n_articles = summary["counts"]["articles"]
    n_events = summary["counts"]["events"]
    assert n_articles >= 16 and n_events > 0
    assert f"{n_articles} articles, {n_events} events" in result.stdout
    with (out / "events.csv").open(encoding="utf-8", newline="") as fh:
        assert sum(1 for _ in csv.DictReader(fh)) == n_events
    geo = json.loads((out / "events.geojson").read_text(encoding="utf-8"))
    assert len(geo["features"]) == n_events


def test_map_is_an_html_page(sample_run) -> None:
    _result, out = sample_run
    html = (out / "map.html").read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html") or "<html" in html[:500].lower()
    assert "<script>alert(1)</script>" not in html  # the hostile sample text stays escaped


def test_extract_writes_no_map(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    result = invoke(["extract", str(src), "--out", str(out)])
    assert result.exit_code == 0, result.output
    names = {p.name for p in out.iterdir()}
    assert OUTPUTS - {"map.html"} <= names
    assert "map.html" not in names


# --- bad inputs and errors


@pytest.fixture
def mixed_inputs(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (src / "b_picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01")
    (src / "c_export.jsonl").write_text(
        json.dumps(
            {
                "id": "j1",
                "text": "On Monday, jets struck the town of Saraqib.",
                "published": "2019-03-12",
            }
        )
        + '\n{"id": "j2", "text": "cut sho\n',
        encoding="utf-8",
    )
    return src


def test_bad_input_is_skipped_with_exit_code_3(mixed_inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = invoke(["extract", str(mixed_inputs), "--out", str(out)])
    assert result.exit_code == 3, result.output
    assert "b_picture.txt" in result.stderr
    assert "c_export.jsonl" in result.stderr and ":2" in result.stderr
    assert "Traceback" not in result.output
    # The rest was processed and written.
    with (out / "articles.csv").open(encoding="utf-8", newline="") as fh:
        ids = [row["id"] for row in csv.DictReader(fh)]
    assert ids == ["a_good.txt", "j1"]
    summary = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert summary["counts"]["articles"] == 2
    skipped = json.dumps(summary, ensure_ascii=False)
    assert "b_picture.txt" in skipped and "c_export.jsonl" in skipped


def test_strict_stops_with_exit_code_1(mixed_inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = invoke(["extract", str(mixed_inputs), "--out", str(out), "--strict"])
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("geomap: error: ")
    assert "b_picture.txt" in result.stderr
    assert "Traceback" not in result.output
    assert not (out / "events.geojson").exists()


def test_missing_input_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    result = invoke(["extract", str(missing), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "nowhere.txt: no such file" in result.stderr
    assert not (tmp_path / "out").exists()


def test_errors_are_one_line_without_traceback(tmp_path: Path) -> None:
    # A real process, so nothing but what the user would see is on stderr.
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02\x03" * 10)
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "geomap",
            "extract",
            str(bad),
            "--strict",
            "--out",
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 1
    assert proc.stderr.startswith("geomap: error: ")
    assert "bad.txt" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_bad_reference_date_is_a_usage_error(tmp_path: Path) -> None:
    result = invoke(["extract", "--reference-date", "12/03/2019", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_a_post_with_no_year_in_its_header_keeps_its_day_and_month(tmp_path: Path) -> None:
    src = tmp_path / "feed.txt"
    src.write_text(
        "Hama Front Desk\n@HamaFrontDesk · Dec 30\nRegime shelling hit Kafr Zita, killing two farmers.\n4 Reposts\n\n"
        "Hama Front Desk\n@HamaFrontDesk · Dec 29\nJets struck Latamneh this morning.\n\n"
        "Hama Front Desk\n@HamaFrontDesk · Jan 1\nRegime shells hit Kafr Nabudah yesterday.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert invoke(["extract", str(src), "--out", str(out)]).exit_code == 0
    feats = json.loads((out / "events.geojson").read_text(encoding="utf-8"))["features"]
    got = sorted((f["properties"]["event_date"], f["properties"]["date_flag"]) for f in feats)
    # "Yesterday" counts from the post's day, across the year's end, the year still unknown.
    assert got == [("--12-29", "year-unknown"), ("--12-30", "year-unknown"), ("--12-31", "year-unknown")]
    assert "--12-30" in (out / "articles.csv").read_text(encoding="utf-8")
    # A reference date in early January: the posts are from the December before it.
    out2 = tmp_path / "out2"
    assert invoke(["extract", str(src), "--out", str(out2), "--reference-date", "2020-01-03"]).exit_code == 0
    feats = json.loads((out2 / "events.geojson").read_text(encoding="utf-8"))["features"]
    got = sorted((f["properties"]["event_date"], f["properties"]["date_flag"]) for f in feats)
    assert got == [("2019-12-29", "year-supplied"), ("2019-12-30", "year-supplied"), ("2019-12-31", "year-supplied")]
    # The post's "year unknown" warning gives way to the reference date's.
    said = (out2 / "articles.csv").read_text(encoding="utf-8")
    assert "year unknown" not in said and "--reference-date 2020-01-03" in said


def test_reference_date_flags_supplied_years(tmp_path: Path) -> None:
    src = tmp_path / "notes.txt"
    src.write_text(UNDATED, encoding="utf-8")
    out = tmp_path / "out"
    result = invoke(["extract", str(src), "--out", str(out), "--reference-date", "2019-01-05"])
    assert result.exit_code == 0, result.output
    feats = json.loads((out / "events.geojson").read_text(encoding="utf-8"))["features"]
    assert [(f["properties"]["event_date"], f["properties"]["date_flag"]) for f in feats] == [
        ("2018-10-14", "year-supplied")
    ]
    said = json.dumps(json.loads((out / "run.json").read_text(encoding="utf-8"))["warnings"])
    assert "--reference-date 2019-01-05" in said and "stay without" not in said
    # Without it the year stays unknown and the article carries a warning.
    out2 = tmp_path / "out2"
    invoke(["extract", str(src), "--out", str(out2)])
    feats = json.loads((out2 / "events.geojson").read_text(encoding="utf-8"))["features"]
    assert [f["properties"]["event_date"] for f in feats] == ["--10-14"]
    summary = json.loads((out2 / "run.json").read_text(encoding="utf-8"))
    assert any("no publication date" in json.dumps(w) for w in summary["warnings"])


# --- other commands


def test_geocode_json() -> None:
    result = invoke(["geocode", "Tadmour", "Tehran", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["Tadmour"][0]["country"] == "SY" and data["Tadmour"][0]["admin1"] == "Homs"
    assert data["Tehran"][0]["country"] == "IR"


def test_geocode_table() -> None:
    result = invoke(["geocode", "Idleb"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Idleb: ")
    assert "Idlib" in result.stdout


def test_gazetteer_info() -> None:
    result = invoke(["gazetteer", "info"])
    assert result.exit_code == 0, result.output
    assert "curated" in result.stdout


def test_unknown_command_is_a_usage_error() -> None:
    result = invoke(["frobnicate"])
    assert result.exit_code == 2


def test_run_layers_the_map_by_side(tmp_path) -> None:
    from click.testing import CliRunner

    from geomap.cli import cli

    res = CliRunner().invoke(cli, ["run", "--layer-by", "side", "--tiles", "none", "--out", str(tmp_path)])
    assert res.exit_code == 0, res.output
    html = (tmp_path / "map.html").read_text(encoding="utf-8")
    # Layers are named after sides, not actors.
    names = {layer["name"] for layer in _layers(html)}
    assert {"Jihadist groups", "Syrian government"} <= names
    assert "Hayat Tahrir al-Sham" not in names


def _layers(html: str) -> list[dict]:
    import json
    import re

    m = re.search(r'"layers"\s*:\s*(\[[^\]]*\])', html)
    assert m, "no layer list in map.html"
    return json.loads(m.group(1))


def test_article_warnings_are_said_on_stderr(tmp_path: Path) -> None:
    art = tmp_path / "nodate.txt"
    art.write_text("Army Shells the Village of Kabani Today\n\nThe Syrian army shelled the village of Kabani.\n")
    result = invoke(["extract", str(art), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0
    assert "nodate.txt: no publication date found" in result.stderr
    assert "articles.csv" in result.stderr


def test_outputs_of_an_earlier_run_are_named_as_such(tmp_path: Path) -> None:
    # `run` writes the map; a later `extract` into the same folder does not rewrite it:
    # the old map stays (it is the user's) but run.json and a warning say it is stale.
    runner = CliRunner()
    first = runner.invoke(cli, ["run", "--out", str(tmp_path), "--tiles", "none"])
    assert first.exit_code == 0, first.output
    again = runner.invoke(cli, ["extract", str(data_dir() / "samples"), "--out", str(tmp_path)])
    assert again.exit_code == 0, again.output
    summary = json.loads((tmp_path / "run.json").read_text(encoding="utf-8"))
    assert {"map.html", "report.html"} <= set(summary["stale_outputs"])
    assert "map.html" not in summary["outputs"] and (tmp_path / "map.html").exists()
    assert "earlier run" in again.output
    # Drawn again from this run's events, the map is no longer stale.
    redrawn = runner.invoke(cli, ["map", str(tmp_path / "events.geojson"), "--tiles", "none"])
    assert redrawn.exit_code == 0, redrawn.output
    summary = json.loads((tmp_path / "run.json").read_text(encoding="utf-8"))
    assert summary["stale_outputs"] == ["report.html"]


@pytest.mark.parametrize(
    "args",
    [
        ["geocode", "Masyaf", "--country", "XX"],
        ["run", "--country", "Syria", "--out", "unused"],
        ["join", "unused.csv", "--country", "S1"],
    ],
)
def test_country_codes_are_checked(args: list[str]) -> None:
    res = CliRunner().invoke(cli, args)
    assert res.exit_code == 2
    assert "is not an ISO 3166 two-letter country code" in res.output


def test_country_codes_may_be_lower_case() -> None:
    res = CliRunner().invoke(cli, ["geocode", "Masyaf", "--country", "sy", "--json"])
    assert res.exit_code == 0, res.output
    found = json.loads(res.output)["Masyaf"]
    assert found and {c["country"] for c in found} == {"SY"}


def test_a_small_article_limit_is_said_in_sizes_one_can_read(tmp_path: Path) -> None:
    article = tmp_path / "safita.txt"
    article.write_text(GOOD + "Shelling also hit the outskirts of Safita.\n" * 60, encoding="utf-8")
    kb = article.stat().st_size / 1000  # about 3 KB
    r = CliRunner().invoke(cli, ["run", str(article), "--out", str(tmp_path / "o"), "--max-article-mb", "0.0005"])
    assert r.exit_code == 1
    assert "0.0 MB" not in r.output
    said = re.search(r"file is ([\d.]+) KB; articles over 0\.5 KB are skipped", r.output)
    assert said and abs(float(said[1]) - kb) < 0.05, r.output


# -- what the README says about the commands ------------------------------------------------------

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _section(heading: str) -> str:
    return README.split(f"\n{heading}\n", 1)[1].split("\n## ", 1)[0]


def _options(path: tuple[str, ...]) -> set[str]:
    cmd = dict(COMMANDS)[path]
    return {o for p in cmd.params for o in p.opts if o.startswith("--")}


def test_the_readme_keeps_its_two_set_up_commands() -> None:
    blocks = re.findall(r"```sh\n(.*?)```", _section("## Set up"), re.S)
    assert blocks == [
        "python3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/geomap run\n",
        "bash .ci/test.sh\n",
    ]


def test_the_readme_says_only_the_run_is_offline_not_the_install() -> None:
    said = _section("## Set up").split("```sh", 1)[0]
    assert "no network needed" not in said and "(no network" not in said
    assert "PyPI" in said and "geomap run` itself" in said


def test_the_options_the_readme_gives_each_command_are_its_options() -> None:
    both, only_run = (
        _section("## Use")
        .split("Useful options of `run` and `extract`:", 1)[1]
        .split("\n\n", 1)[0]
        .split("Only `run`", 1)
    )
    named_both = set(re.findall(r"(?<![\w-])--[a-z][a-z-]+", both))
    named_run = set(re.findall(r"(?<![\w-])--[a-z][a-z-]+", only_run))
    assert {"--gazetteer", "--strict", "--workers"} <= named_both
    assert {"--layer-by", "--tiles", "--records"} <= named_run
    assert named_both <= _options(("run",)) and named_both <= _options(("extract",))
    assert named_run <= _options(("run",)) and not named_run & _options(("extract",))


def test_the_readme_says_where_an_import_goes_and_how_to_undo_it() -> None:
    said = " ".join(_section("## Data, licences and how to extend it").split())
    imports = said[said.index("To extend the gazetteer") :]
    for words in (
        "data/gazetteer/imported/",
        "--into DIR",
        "every later",
        "--places DIR",
        "delete",
    ):
        assert words in imports, words


def test_an_article_with_places_only_abroad_says_which_country_to_add(tmp_path) -> None:
    art = tmp_path / "iraq.txt"
    art.write_text(
        "Bomb near Kirkuk\n\nOn 4 March 2019 a roadside bomb exploded near Kirkuk, killing two Iraqi soldiers.\n",
        encoding="utf-8",
    )
    res = invoke(["extract", str(art), "--out", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    assert "iraq.txt" in res.output and "--country IQ --country SY" in res.output
    res = invoke(["extract", str(art), "--country", "SY", "--country", "IQ", "--out", str(tmp_path / "out2")])
    assert res.exit_code == 0 and "--country IQ" not in res.output
    assert (tmp_path / "out2" / "events.csv").read_text(encoding="utf-8").count("IRQ-") == 1


def test_an_event_dated_after_its_article_is_warned_about(tmp_path) -> None:
    art = tmp_path / "late.txt"
    art.write_text(
        "Strike on Masyaf\n\n10 May 2019 - Jets struck Masyaf on 5 June 2021, killing two.\n", encoding="utf-8"
    )
    res = invoke(["extract", str(art), "--out", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    assert "late.txt" in res.output and "2021-06-05, after the article's date 2019-05-10" in res.output
    ok = tmp_path / "ok.txt"
    ok.write_text("Strike on Masyaf\n\n10 May 2019 - Jets struck Masyaf on Thursday, killing two.\n", encoding="utf-8")
    assert "after the article's date" not in invoke(["extract", str(ok), "--out", str(tmp_path / "o2")]).output
