"""The opt-in online fallback, against a Nominatim look-alike served on 127.0.0.1 by the test.

No request leaves the machine: the server below answers ``/search?format=json``
like Nominatim for one invented village and with an empty list otherwise.
"""

from __future__ import annotations

import csv
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from click.testing import CliRunner

from geomap.cli import cli
from geomap.errors import GeocoderError
from geomap.gazetteer.online import OnlineFallback, split_geocoder_url
from geomap.geoparse.unresolved import apply_fallback
from geomap.models import Mention

AGENT = "geomap-tests/1.0 (tests@example.org)"
VILLAGE = "Qirmizan"
ANSWER = [
    {
        "place_id": 4242,
        "licence": "Data (c) test",
        "osm_type": "node",
        "osm_id": 990001,
        "lat": "36.2001",
        "lon": "37.5002",
        "class": "place",
        "type": "village",
        "place_rank": 19,
        "importance": 0.21,
        "addresstype": "village",
        "name": VILLAGE,
        "display_name": f"{VILLAGE}, Al-Bab Subdistrict, Aleppo Governorate, Syria",
        "address": {
            "village": VILLAGE,
            "state": "Aleppo Governorate",
            "country": "Syria",
            "country_code": "sy",
        },
        "boundingbox": ["36.18", "36.22", "37.48", "37.52"],
    }
]


class _Nominatim(BaseHTTPRequestHandler):
    requests: list[dict[str, object]] = []

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        parts = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        type(self).requests.append({"path": parts.path, "query": query, "agent": self.headers.get("User-Agent", "")})
        if parts.path != "/search" or query.get("format") != "json":
            self.send_response(404)
            self.end_headers()
            return
        found = ANSWER if query.get("q", "").lower() == VILLAGE.lower() else []
        body = json.dumps(found).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def server():
    _Nominatim.requests = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Nominatim)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", _Nominatim.requests
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("GEOMAP_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("GEOMAP_USER_AGENT", raising=False)


def _fallback(url: str, tmp_path: Path) -> OnlineFallback:
    domain, scheme = split_geocoder_url(url)
    return OnlineFallback(
        "nominatim",
        AGENT,
        domain=domain,
        scheme=scheme,
        cache_path=tmp_path / "cache" / "geocode.sqlite",
        min_delay_seconds=0,
    )


def test_lookup_then_cache(server, tmp_path):
    url, requests = server
    fb = _fallback(url, tmp_path)
    place = fb.lookup(VILLAGE)
    assert place is not None
    assert (place.lat, place.lon, place.kind, place.country) == (36.2001, 37.5002, "village", "SY")
    assert place.layer == "online:nominatim" and place.id.startswith("online:nominatim:")
    assert place.admin1 == "Aleppo"  # from the admin polygons
    assert len(requests) == 1
    sent = requests[0]
    assert sent["agent"] == AGENT
    assert sent["query"]["q"] == VILLAGE and sent["query"]["countrycodes"] == "sy"
    assert sent["query"]["addressdetails"] == "1"

    assert fb.lookup(VILLAGE.upper()) == place  # same folded name: from the cache
    assert fb.lookup("Nowhere Qqq") is None  # asked once, cached as not found
    assert fb.lookup("Nowhere Qqq") is None
    assert len(requests) == 2

    again = _fallback(url, tmp_path)  # a later run: offline
    assert again.lookup(VILLAGE) == place and again.lookup("Nowhere Qqq") is None
    assert len(requests) == 2 and again.requests == 0 and again.cache_hits == 2


def test_no_user_agent_is_refused(tmp_path):
    with pytest.raises(GeocoderError, match="needs a user agent"):
        OnlineFallback("nominatim", None, cache_path=tmp_path / "g.sqlite")


def test_user_agent_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("GEOMAP_USER_AGENT", "env-agent/2.0")
    assert OnlineFallback("nominatim", None, cache_path=tmp_path / "g.sqlite").user_agent == "env-agent/2.0"


def test_unknown_service_and_bad_url(tmp_path):
    with pytest.raises(GeocoderError, match="unknown geocoder 'nominatimm'"):
        OnlineFallback("nominatimm", AGENT, cache_path=tmp_path / "g.sqlite")
    with pytest.raises(GeocoderError, match="not an http"):
        split_geocoder_url("ftp://example.org")


def test_server_down_is_not_cached(tmp_path):
    fb = OnlineFallback(
        "nominatim",
        AGENT,
        domain="127.0.0.1:9",
        scheme="http",
        cache_path=tmp_path / "g.sqlite",
        min_delay_seconds=0,
    )
    assert fb.lookup(VILLAGE) is None
    assert fb.cached(VILLAGE) == (False, None)
    assert fb.lookup("Another Name") is None and fb.requests == 1  # no more requests this run


def test_apply_fallback_resolves_only_unresolved(server, tmp_path):
    url, requests = server
    fb = _fallback(url, tmp_path)
    unresolved = Mention("a", 10, 21, VILLAGE, context=f"shelling hit the village of {VILLAGE} at dawn")
    near = Mention("a", 40, 51, VILLAGE, context=f"clashes on the outskirts of {VILLAGE} went on")
    missing = Mention("a", 60, 70, "Nowhere Qqq", context="in Nowhere Qqq")
    done = Mention("a", 0, 4, "Hama", status="resolved", score=3.0)
    out = apply_fallback([unresolved, near, missing, done], fb)
    assert [m.status for m in out] == ["resolved", "resolved", "unresolved", "resolved"]
    assert out[0].precision == 1 and out[0].place.layer == "online:nominatim"
    assert out[1].precision == 2 and "outskirts" in out[1].cue
    assert out[3] is done
    assert len(requests) == 2  # one per distinct name


ARTICLE = (
    "Shelling in Aleppo countryside\n\n"
    f"On 12 March 2019 government artillery shelled the village of {VILLAGE} east of al-Bab, "
    "killing two civilians.\n"
)


def _mention_rows(out: Path) -> list[dict[str, str]]:
    with (out / "mentions.csv").open(encoding="utf-8") as fh:
        return [r for r in csv.DictReader(fh) if r["surface"] == VILLAGE]


def test_cli_run_with_and_without_the_flag(server, tmp_path):
    url, requests = server
    article = tmp_path / "dispatch.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    runner = CliRunner()

    res = runner.invoke(cli, ["extract", str(article), "--out", str(tmp_path / "offline")])
    assert res.exit_code == 0, res.output
    assert requests == []  # nothing asked without --geocoder
    row = _mention_rows(tmp_path / "offline")[0]
    assert row["status"] == "unresolved" and row["context"]

    online = [
        "extract",
        str(article),
        "--geocoder",
        "nominatim",
        "--geocoder-url",
        url,
        "--user-agent",
        AGENT,
    ]
    res = runner.invoke(cli, [*online, "--out", str(tmp_path / "online")])
    assert res.exit_code == 0, res.output
    assert len(requests) == 1 and requests[0]["agent"] == AGENT
    row = _mention_rows(tmp_path / "online")[0]
    assert row["status"] == "resolved" and row["layer"] == "online:nominatim"
    assert (row["lat"], row["lon"], row["admin1"]) == ("36.20010", "37.50020", "Aleppo")
    events = json.loads((tmp_path / "online" / "events.geojson").read_text(encoding="utf-8"))
    assert any(f["properties"].get("location") == VILLAGE for f in events["features"])

    res = runner.invoke(cli, [*online, "--out", str(tmp_path / "again")])
    assert res.exit_code == 0, res.output
    assert len(requests) == 1  # the rerun is served by the cache
    assert _mention_rows(tmp_path / "again")[0]["layer"] == "online:nominatim"
    assert (Path(tmp_path / "cache" / "geocode.sqlite")).exists()


def test_cli_refuses_without_user_agent(server, tmp_path):
    url, requests = server
    article = tmp_path / "dispatch.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    res = CliRunner().invoke(
        cli,
        [
            "extract",
            str(article),
            "--geocoder",
            "nominatim",
            "--geocoder-url",
            url,
            "--out",
            str(tmp_path / "out"),
        ],
    )
    assert res.exit_code == 1
    assert "needs a user agent" in res.output and "GEOMAP_USER_AGENT" in res.output
    assert requests == []


def test_geocoder_url_needs_geocoder(tmp_path):
    res = CliRunner().invoke(cli, ["extract", "--geocoder-url", "http://127.0.0.1:9", "--out", str(tmp_path)])
    assert res.exit_code == 2 and "--geocoder-url needs --geocoder" in res.output
