"""Outputs are written atomically, and a rerun on the same input gives byte-identical files.

The kill tests start ``python -m geomap run`` on a large generated input and
SIGKILL it (a) during extraction and (b) the moment its first output is being
written; the previous outputs must be left exactly as they were.
"""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geomap._atomic import atomic_path, atomic_write, staged, write_text_atomic
from geomap._data import data_dir
from geomap.errors import ExportError
from geomap.ingest import read_articles
from geomap.pipeline import run

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")

OUTPUTS = (
    "events.geojson",
    "events.csv",
    "mentions.csv",
    "articles.csv",
    "events.gpkg",
    "map.html",
    "report.html",
    "run.json",
)
RECORDS = data_dir() / "records" / "acled_sample.csv"


# --- the helpers themselves ------------------------------------------------------------------


def test_failed_write_keeps_the_old_file_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "events.csv"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_write(target) as fh:
        fh.write("half of the new")
        raise RuntimeError("killed")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.csv"]


def test_atomic_path_renames_only_on_success(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "map.html"
    with atomic_path(target) as tmp:
        tmp.write_text("<html></html>", encoding="utf-8")
        assert not target.exists() and tmp.name.startswith(".map.html.")
    assert target.read_text(encoding="utf-8") == "<html></html>"
    write_text_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "new"


def test_unwritable_folder_is_an_export_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(ExportError, match="cannot write here"):
        write_text_atomic(blocker / "out" / "run.json", "{}")


# --- kill a real run midway -----------------------------------------------------------------


def _big_input(folder: Path, n: int) -> Path:
    """A JSONL of ``n`` articles made from the bundled sample dispatches."""
    arts, _ = read_articles([data_dir() / "samples"])
    path = folder / "big.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for k in range(n):
            a = arts[k % len(arts)]
            rec = {
                "id": f"{a.id}-{k}",
                "title": a.title,
                "text": a.text + f"\n\nUpdate {k}.",
                "published": a.published.isoformat() if a.published else "",
            }
            fh.write(json.dumps(rec) + "\n")
    return path


def _whole(path: Path) -> None:
    """Raise unless ``path`` is a complete, parseable output file."""
    data = path.read_bytes()
    name = path.name
    if name.endswith((".geojson", ".json")):
        doc = json.loads(data)
        assert isinstance(doc, dict) and doc
    elif name.endswith(".csv"):
        rows = list(csv.reader(data.decode("utf-8").splitlines()))
        assert rows and all(len(r) == len(rows[0]) for r in rows), f"{name}: ragged rows"
    elif name.endswith(".html"):
        assert data.rstrip().endswith(b"</html>"), f"{name}: cut short"
    elif name.endswith(".gpkg"):
        import pyogrio

        assert pyogrio.read_info(path)["features"] >= 0


def _snapshot(out: Path) -> dict[str, tuple[int, int]]:
    snap = {}
    for name in OUTPUTS:
        try:
            st = (out / name).stat()
        except FileNotFoundError:
            continue
        snap[name] = (st.st_ino, st.st_mtime_ns)
    return snap


@pytest.fixture(scope="module")
def previous(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes], Path]:
    """A finished run's outputs (bundled samples + records), and a big input for the next run."""
    base = tmp_path_factory.mktemp("atomic")
    out = base / "out"
    run(None, out=out, gpkg=True, records=[RECORDS], map_options={"tiles": None})
    old = {name: (out / name).read_bytes() for name in OUTPUTS}
    return out, old, _big_input(base, 120)


def _start(big: Path, out: Path) -> subprocess.Popen[bytes]:
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    cmd = [
        sys.executable,
        "-m",
        "geomap",
        "run",
        str(big),
        "--out",
        str(out),
        "--gpkg",
        "--tiles",
        "none",
    ]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)


def _copy(out: Path, old: dict[str, bytes], dest: Path) -> Path:
    dest.mkdir()
    for name, data in old.items():
        (dest / name).write_bytes(data)
    return dest


def test_kill_during_extraction_leaves_previous_outputs_untouched(previous, tmp_path: Path) -> None:
    _out, old, _big = previous
    out = _copy(_out, old, tmp_path / "out")
    before = _snapshot(out)
    proc = _start(_big_input(tmp_path, 600), out)  # minutes of extraction ahead
    try:
        time.sleep(1.5)
        assert proc.poll() is None, "the run ended before it could be killed"
        assert _snapshot(out) == before, "the run was already writing; kill it sooner"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
    for name in OUTPUTS:
        assert (out / name).read_bytes() == old[name], name
    assert all(p.name in OUTPUTS or p.name.startswith(".") for p in out.iterdir())


def test_kill_while_writing_leaves_every_output_as_it_was(previous, tmp_path: Path) -> None:
    _out, old, big = previous
    out = _copy(_out, old, tmp_path / "out")
    proc = _start(big, out)
    temps: list[str] = []
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and proc.poll() is None:
            temps = [p.name for p in out.iterdir() if p.name.endswith(".tmp")]
            # the map is written after the events files: kill it there, with those done
            if any(t.startswith((".map.html.", ".report.html.")) for t in temps):
                proc.send_signal(signal.SIGKILL)
                break
            time.sleep(0.002)
        killed_midway = proc.poll() is None or proc.wait(timeout=60) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=60)
    assert any(t.startswith(".events.geojson.") for t in temps), temps
    assert killed_midway, "the run finished before the kill"
    # run.json is written last: without its temporary, no output had been renamed yet
    assert not any(t.startswith(".run.json.") for t in temps), temps
    # the new files wait under temporary names until all are whole: the folder is the old run's
    for name in OUTPUTS:
        assert (out / name).read_bytes() == old[name], name
    assert all(p.name in OUTPUTS or p.name.startswith(".") for p in out.iterdir())
    # and the next run clears the temporaries and writes everything
    res = run(None, out=out, gpkg=True, records=[RECORDS], map_options={"tiles": None})
    assert res.events
    for name in OUTPUTS:
        _whole(out / name)
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]


def test_an_output_that_cannot_be_replaced_leaves_the_whole_folder_as_it_was(previous, tmp_path: Path) -> None:
    _out, old, _big = previous
    out = _copy(_out, old, tmp_path / "out")
    # report.html is now a folder with something in it: nothing can be renamed over it
    (out / "report.html").unlink()
    (out / "report.html").mkdir()
    (out / "report.html" / "keep.txt").write_text("mine", encoding="utf-8")
    arts = tmp_path / "new.txt"
    arts.write_text(
        "Shelling on Masyaf\n\nPublished: 3 May 2019\n\n"
        "Government forces shelled the town of Masyaf on Thursday, killing four civilians.\n",
        encoding="utf-8",
    )
    with pytest.raises(ExportError) as err:
        run([arts], out=out, gpkg=True, map_options={"tiles": None})
    assert "report.html" in str(err.value) and "run.json" in str(err.value)
    for name in OUTPUTS:
        if name != "report.html":
            assert (out / name).read_bytes() == old[name], f"{name} was replaced"
    assert (out / "report.html" / "keep.txt").read_text(encoding="utf-8") == "mine"
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]


def test_staged_puts_back_what_it_had_renamed_when_a_later_rename_fails(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("old a", encoding="utf-8")
    (tmp_path / "c.csv").mkdir()  # cannot be replaced by a file
    (tmp_path / "c.csv" / "x").write_text("", encoding="utf-8")
    with pytest.raises(ExportError, match=r"c\.csv.*not written either.*d\.csv"), staged():
        write_text_atomic(tmp_path / "a.csv", "new a")
        write_text_atomic(tmp_path / "b.csv", "new b")
        write_text_atomic(tmp_path / "c.csv", "new c")
        write_text_atomic(tmp_path / "d.csv", "new d")
    assert (tmp_path / "a.csv").read_text(encoding="utf-8") == "old a"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "c.csv"]


def test_staged_writes_nothing_when_a_write_inside_fails(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("old a", encoding="utf-8")
    with pytest.raises(RuntimeError), staged():
        write_text_atomic(tmp_path / "a.csv", "new a")
        write_text_atomic(tmp_path / "b.csv", "new b")
        raise RuntimeError("the map failed")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv"]
    assert (tmp_path / "a.csv").read_text(encoding="utf-8") == "old a"


# --- byte-identical reruns --------------------------------------------------------------------


def _without_timings(data: bytes) -> dict:
    doc = json.loads(data)
    for key in ("timings",):
        doc.pop(key, None)
    return doc


def test_rerun_gives_byte_identical_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    kwargs = {"gpkg": True, "records": [RECORDS], "map_options": {"tiles": None}}
    run(None, out=out, **kwargs)
    first = {name: (out / name).read_bytes() for name in OUTPUTS}
    time.sleep(1.1)  # a clock stamp anywhere would now differ
    run(None, out=out, **kwargs)
    run(None, out=tmp_path / "elsewhere", **kwargs)
    for folder in (out, tmp_path / "elsewhere"):
        for name in OUTPUTS:
            again = (folder / name).read_bytes()
            if name == "run.json":
                assert _without_timings(again) == _without_timings(first[name])
            else:
                assert again == first[name], f"{folder.name}/{name} differs between runs"


def test_run_json_differs_only_in_timings(tmp_path: Path) -> None:
    run(None, out=tmp_path / "a", map_html=False)
    run(None, out=tmp_path / "b", map_html=False)
    a = json.loads((tmp_path / "a" / "run.json").read_text(encoding="utf-8"))
    b = json.loads((tmp_path / "b" / "run.json").read_text(encoding="utf-8"))
    assert {k for k in a if a[k] != b[k]} <= {"timings"}
