"""The engines (local, processes, Dask) give the same records as one process."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from geomap.cli import cli
from geomap.engines import extract_articles
from geomap.errors import GeomapError
from geomap.events import load_actors
from geomap.gazetteer import load_gazetteer
from geomap.ingest import article_from_text, read_articles
from geomap.pipeline import process, sample_inputs

OUTPUTS = ("events.geojson", "events.csv", "mentions.csv", "articles.csv")


@pytest.fixture(scope="module")
def samples() -> list:
    articles, problems = read_articles(sample_inputs())
    assert articles and not problems
    return articles


@pytest.fixture(scope="module")
def stage() -> dict:
    return {"gazetteer": load_gazetteer(), "actors": load_actors()}


@pytest.fixture(scope="module")
def local(samples: list, stage: dict) -> tuple:
    return process(samples, **stage)


def test_processes_match_one_process(samples: list, stage: dict, local: tuple) -> None:
    done: list[int] = []
    got = process(samples, **stage, engine="processes", workers=2, progress=done.append)
    assert got == local
    assert sum(done) == len(samples)


def test_dask_local_cluster_matches_one_process(samples: list, stage: dict, local: tuple) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0"
    ) as cluster:
        done: list[int] = []
        got = process(samples, **stage, engine="dask", scheduler=cluster.scheduler_address, progress=done.append)
        with distributed.Client(cluster) as client:
            again = process(samples, **stage, engine="dask", scheduler=client)
    assert got == local
    assert again == local
    assert sum(done) == len(samples)


def test_results_come_back_per_article_in_order(samples: list, stage: dict) -> None:
    one = extract_articles(samples, **stage)
    two = extract_articles(samples, **stage, engine="processes", workers=3)
    assert [m for m, _e in two] == [m for m, _e in one]
    for art, (mentions, events) in zip(samples, two, strict=True):
        assert {m.article_id for m in mentions} <= {art.id}
        assert {e.article_id for e in events} <= {art.id}


def test_cli_workers_write_the_same_files(tmp_path: Path) -> None:
    runner = CliRunner()
    one = runner.invoke(cli, ["extract", "--out", str(tmp_path / "one")])
    two = runner.invoke(cli, ["extract", "--out", str(tmp_path / "two"), "--workers", "2"])
    assert one.exit_code == 0, one.output
    assert two.exit_code == 0, two.output
    for name in OUTPUTS:
        one_bytes, two_bytes = ((tmp_path / run / name).read_bytes() for run in ("one", "two"))
        assert one_bytes == two_bytes, name


def test_scheduler_needs_the_dask_engine(tmp_path: Path) -> None:
    args = ["extract", "--out", str(tmp_path), "--engine", "processes", "--scheduler", "tcp://127.0.0.1:1"]
    res = CliRunner().invoke(cli, args)
    assert res.exit_code == 2
    assert "--scheduler is for --engine dask" in res.output


def test_bad_engine_and_workers_are_named(stage: dict) -> None:
    art = [article_from_text("Shelling hit Idlib.", id="a")]
    with pytest.raises(GeomapError, match="unknown engine 'spark'"):
        extract_articles(art, **stage, engine="spark")
    with pytest.raises(GeomapError, match="workers must be 1 or more"):
        extract_articles(art, **stage, engine="processes", workers=0)


def test_online_fallback_stays_in_one_process(stage: dict) -> None:
    art = [article_from_text("Shelling hit Idlib.", id="a")]
    with pytest.raises(GeomapError, match="use --engine local"):
        extract_articles(art, **stage, engine="processes", workers=2, fallback=object())


def test_unreachable_scheduler_is_a_clean_error(stage: dict) -> None:
    dask = pytest.importorskip("dask")
    pytest.importorskip("distributed")
    art = [article_from_text("Shelling hit Idlib.", id="a")]
    with (
        dask.config.set({"distributed.comm.timeouts.connect": "1s"}),
        pytest.raises(GeomapError, match="cannot reach the Dask scheduler"),
    ):
        extract_articles(art, **stage, engine="dask", scheduler="tcp://127.0.0.1:9")


def test_dask_workers_with_another_geomap_are_refused(stage: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    distributed = pytest.importorskip("distributed")
    from geomap import engines

    monkeypatch.setattr(engines, "_geomap_version", lambda: "0.0.0")
    art = [article_from_text("Shelling hit Idlib.", id="a")]
    cluster = distributed.LocalCluster(n_workers=1, processes=False, dashboard_address=":0")
    with cluster, pytest.raises(GeomapError, match="Dask workers run geomap 0.0.0"):
        extract_articles(art, **stage, engine="dask", scheduler=cluster.scheduler_address)
