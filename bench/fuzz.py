"""Fuzz ingest, extraction and the record/event readers with generated inputs.

Every input is made from a seed number, so a crash is reproduced with
``--only SEED``.  Inputs mix: mutated sample dispatches and raw random text
(through ``article_from_text`` + ``pipeline.extract``), random and mutated
bytes saved under every article suffix (through ``read_articles`` +
``extract``), mutated JSONL / CSV lines, mutated record CSVs (through
``join_records``) and mutated GeoJSON (through ``read_events``).  Anything
raised that is not a :class:`~geomap.errors.GeomapError` is a crash.

Run: .venv/bin/python bench/fuzz.py [-n 10000] [--seed 0] [--only SEED] [--save DIR]
Prints the number of inputs, the count per kind, and every crash (seed,
kind, exception, last frames); exits 1 when anything crashed.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geomap._data import data_dir  # noqa: E402
from geomap.errors import GeomapError  # noqa: E402
from geomap.events import load_actors  # noqa: E402
from geomap.export.readers import read_events  # noqa: E402
from geomap.gazetteer import load_gazetteer  # noqa: E402
from geomap.ingest import article_from_text, read_articles  # noqa: E402
from geomap.join import join_records  # noqa: E402
from geomap.pipeline import extract  # noqa: E402

SUFFIXES = (".txt", ".md", ".html", ".jsonl", ".csv")
ODD = [
    "\x00",
    "\ufeff",
    "\r",
    "\r\n",
    "\u2028",
    "\u202e",
    "\ud800",
    "\udfff",
    "\x1b[31m",
    "\t",
    "\xa0",
    "￿",
    "😀",
    "ٰ",
    "ـ",
    "‏",
    "<",
    ">",
    "&",
    "&#0;",
    "&#x110000;",
    "]]>",
    "<!--",
    "<script>",
    "</article>",
    "\\",
    '"',
    "'",
    ",",
    ";",
    "{",
    "}",
    "[",
    "]",
    "9" * 40,
    "-1",
    "1e309",
    "NaN",
]
WORDS = [
    "Hajin",
    "Idlib",
    "Aleppo",
    "Deir ez-Zor",
    "al-Bab",
    "Kafr",
    "town of",
    "village of",
    "near",
    "between",
    "province",
    "airstrikes",
    "shelled",
    "clashes",
    "killed",
    "killing",
    "wounded",
    "civilians",
    "SDF",
    "ISIS",
    "Syrian army",
    "rebels",
    "On Monday",
    "yesterday",
    "last week",
    "November 3rd",
    "31 February 2018",
    "2018-02-30",
    "0001-01-01",
    "9999-12-31",
    "at least 12",
    "twenty-three",
    "dozens",
    "Note to readers",
    "Retweet on Twitter",
    "Copyright ©",
    "By Reuters",
]


def _seeds() -> dict[str, list[bytes]]:
    samples = data_dir() / "samples"
    fixtures = ROOT / "tests" / "fixtures" / "ingest"
    records = data_dir() / "records"
    files = sorted(p for p in samples.iterdir() if p.suffix in SUFFIXES and p.name != "expected.csv")
    files += sorted(p for p in fixtures.iterdir() if p.is_file() and p.name != "README.md")
    arts = [p.read_bytes() for p in files]
    lines = [ln.encode() for p in (samples / "articles.jsonl",) for ln in p.read_text("utf-8").splitlines()]
    recs = [p.read_bytes() for p in sorted(records.glob("*.csv"))]
    return {"articles": arts, "jsonl": lines, "records": recs}


def mutate_text(rng: random.Random, text: str, rounds: int) -> str:
    """Cut, repeat, splice and sprinkle odd characters and loaded words into ``text``."""
    for _ in range(rounds):
        n = len(text)
        op = rng.randrange(8)
        a = rng.randrange(n + 1)
        b = min(n, a + rng.randrange(1, 200))
        if op == 0:
            text = text[:a] + text[b:]
        elif op == 1:
            text = text[:a] + text[a:b] * rng.randrange(2, 4) + text[b:]
        elif op == 2:
            text = text[:a] + rng.choice(ODD) + text[a:]
        elif op == 3:
            text = text[:a] + " " + rng.choice(WORDS) + " " + text[a:]
        elif op == 4:
            text = text[:a] + "".join(chr(rng.randrange(0x20, 0x3000)) for _ in range(rng.randrange(1, 12))) + text[a:]
        elif op == 5:
            text = text[:a] + text[a:b].upper() + text[b:]
        elif op == 6:
            text = text[:a] + "".join(c if not c.isdigit() else str(rng.randrange(10)) for c in text[a:b]) + text[b:]
        else:
            c = rng.randrange(n + 1)
            text = text[:c] + text[a:b] + text[c:]
    return text


def mutate_bytes(rng: random.Random, data: bytes, rounds: int) -> bytes:
    buf = bytearray(data)
    for _ in range(rounds):
        op = rng.randrange(5)
        a = rng.randrange(len(buf) + 1)
        if op == 0 and buf:
            buf[min(a, len(buf) - 1)] = rng.randrange(256)
        elif op == 1:
            del buf[a : a + rng.randrange(1, 64)]
        elif op == 2:
            buf[a:a] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 16)))
        elif op == 3:
            buf[a:a] = rng.choice([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00", b"\r", b'"', b","])
        else:
            buf = buf[:a]
    return bytes(buf)


def _window(rng: random.Random, text: str, size: int = 1500) -> str:
    if len(text) <= size:
        return text
    a = rng.randrange(len(text) - size)
    return text[a : a + size]


class Fuzzer:
    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.gaz = load_gazetteer()
        self.actors = load_actors()
        self.seeds = _seeds()
        self.kinds: list[tuple[str, Callable[[random.Random], None]]] = [
            ("text", self.text),
            ("raw-text", self.raw_text),
            ("file-bytes", self.file_bytes),
            ("random-bytes", self.random_bytes),
            ("jsonl", self.jsonl),
            ("csv-articles", self.csv_articles),
            ("records", self.records),
            ("geojson", self.geojson),
        ]

    def _extract(self, text: str, rng: random.Random, kind: str = "txt") -> None:
        published: object = rng.choice(
            [
                None,
                "2018-11-05",
                date(2019, 1, 3),
                "0001-01-01",
                "not a date",
                date(1, 1, 1),
                date(9999, 12, 31),
            ]
        )
        art = article_from_text(text, id=f"fz{rng.randrange(10**6)}", kind=kind, published=published)  # type: ignore[arg-type]
        extract(art, gazetteer=self.gaz, actors=self.actors)

    def text(self, rng: random.Random) -> None:
        src = rng.choice(self.seeds["articles"]).decode("utf-8", "replace")
        self._extract(
            mutate_text(rng, _window(rng, src), rng.randrange(1, 30)),
            rng,
            rng.choice(["txt", "md", "html"]),
        )

    def raw_text(self, rng: random.Random) -> None:
        parts = [
            rng.choice(WORDS + ODD)
            if rng.random() < 0.6
            else "".join(chr(rng.randrange(1, 0x2FFF)) for _ in range(rng.randrange(1, 20)))
            for _ in range(rng.randrange(1, 120))
        ]
        self._extract(" ".join(parts), rng, rng.choice(["txt", "md", "html"]))

    def _read(self, data: bytes, suffix: str) -> None:
        path = self.tmp / f"in{suffix}"
        path.write_bytes(data)
        arts, _errs = read_articles([path])
        for a in arts[:3]:
            extract(a, gazetteer=self.gaz, actors=self.actors)

    def file_bytes(self, rng: random.Random) -> None:
        data = mutate_bytes(rng, rng.choice(self.seeds["articles"])[:6000], rng.randrange(1, 40))
        self._read(data, rng.choice(SUFFIXES))

    def random_bytes(self, rng: random.Random) -> None:
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 400)))
        self._read(data, rng.choice(SUFFIXES))

    def jsonl(self, rng: random.Random) -> None:
        lines = []
        for _ in range(rng.randrange(1, 4)):
            line = rng.choice(self.seeds["jsonl"])
            if rng.random() < 0.5:
                rec = json.loads(line)
                key = rng.choice(list(rec) + ["published", "text", "id", "extra"])
                rec[key] = rng.choice(
                    [
                        None,
                        0,
                        -1,
                        1e308,
                        [],
                        {},
                        True,
                        "",
                        "0001-01-01",
                        "\ud800",
                        mutate_text(rng, str(rec.get(key, ""))[:1200], 5),
                    ]
                )
                line = json.dumps(rec).encode("utf-8", "surrogatepass")
            else:
                line = mutate_bytes(rng, line[:3000], rng.randrange(1, 10))
            lines.append(line)
        self._read(b"\n".join(lines), ".jsonl")

    def csv_articles(self, rng: random.Random) -> None:
        buf = io.StringIO()
        w = csv.writer(buf)
        header = ["id", "title", "text", "published", "url", "outlet"]
        rng.shuffle(header)
        w.writerow(header[: rng.randrange(1, 7)] + (["extra"] if rng.random() < 0.2 else []))
        for k in range(rng.randrange(1, 4)):
            src = rng.choice(self.seeds["articles"]).decode("utf-8", "replace")
            row = {
                "id": f"c{k}",
                "title": "T",
                "text": mutate_text(rng, _window(rng, src, 800), 8),
                "published": rng.choice(["2018-11-05", "2018-13-45", "", "yesterday"]),
                "url": "",
                "outlet": "",
            }
            cells = [row[h] for h in header]
            w.writerow(cells[: rng.randrange(0, len(cells) + 2)])
        data = buf.getvalue().encode("utf-8", "surrogatepass")
        if rng.random() < 0.3:
            data = mutate_bytes(rng, data, 5)
        self._read(data, ".csv")

    def records(self, rng: random.Random) -> None:
        src = rng.choice(self.seeds["records"]).decode("utf-8")
        data = mutate_text(rng, src, rng.randrange(1, 25)).encode("utf-8", "surrogatepass")
        if rng.random() < 0.3:
            data = mutate_bytes(rng, data, rng.randrange(1, 10))
        path = self.tmp / "records.csv"
        path.write_bytes(data)
        join_records([path], gazetteer=self.gaz)

    def geojson(self, rng: random.Random) -> None:
        feats = []
        for k in range(rng.randrange(0, 4)):
            props = {
                "event_id_cnty": f"E{k}",
                "event_date": rng.choice(["2018-11-03", "2018-02-30", "", 5]),
                "latitude": rng.choice([34.7, 91, "x", None, float("nan")]),
                "longitude": 40.8,
                "fatalities": rng.choice([1, -1, 1.5, "7", None, True]),
                "sources": rng.choice([[], "a;b", 3]),
                "article_id": "a",
                "primary": rng.choice([True, "yes", "maybe", 2]),
            }
            geom = rng.choice(
                [
                    {"type": "Point", "coordinates": [40.8, 34.7]},
                    None,
                    {"type": "Point"},
                    {"type": "LineString", "coordinates": []},
                    {"type": "Point", "coordinates": ["a", 1]},
                ]
            )
            feats.append(
                {
                    "type": "Feature",
                    "geometry": geom,
                    "properties": rng.choice([props, None, [], "x"]),
                }
            )
        text = json.dumps({"type": rng.choice(["FeatureCollection", "Feature", "x"]), "features": feats})
        if rng.random() < 0.4:
            text = mutate_text(rng, text, rng.randrange(1, 8))
        path = self.tmp / "events.geojson"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        try:
            read_events(path)
        finally:
            join_records([path], gazetteer=self.gaz)

    def one(self, seed: int) -> str:
        rng = random.Random(seed)
        kind, fn = self.kinds[seed % len(self.kinds)]
        fn(rng)
        return kind


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=10_000, help="Number of inputs (default 10000).")
    ap.add_argument("--seed", type=int, default=0, help="First seed (inputs use seed, seed+1, ...).")
    ap.add_argument("--only", type=int, help="Run the one input made from this seed (to reproduce a crash).")
    args = ap.parse_args(argv)
    import logging

    logging.disable(logging.CRITICAL)
    seeds = [args.only] if args.only is not None else range(args.seed, args.seed + args.n)
    crashes: list[tuple[int, str, str]] = []
    kinds: Counter[str] = Counter()
    expected = 0
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="geomap-fuzz-") as tmp:
        fz = Fuzzer(Path(tmp))
        for i, seed in enumerate(seeds, 1):
            kind = fz.kinds[seed % len(fz.kinds)][0]
            try:
                fz.one(seed)
            except GeomapError:
                expected += 1
            except Exception as exc:  # a crash: anything that is not our own error
                tb = "".join(traceback.format_exception(exc)[-4:])
                crashes.append((seed, kind, tb))
                print(f"CRASH seed={seed} kind={kind}: {type(exc).__name__}: {exc}"[:400], flush=True)
            kinds[kind] += 1
            if i % 1000 == 0:
                print(
                    f"  {i} inputs, {len(crashes)} crashes, {time.perf_counter() - t0:.0f} s",
                    flush=True,
                )
    total = sum(kinds.values())
    print(
        f"fuzz: {total} inputs in {time.perf_counter() - t0:.0f} s; "
        f"{expected} raised geomap's own errors; {len(crashes)} crashes"
    )
    print("  per kind: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    for seed, kind, tb in crashes:
        print(f"--- seed {seed} ({kind}); reproduce: bench/fuzz.py --only {seed}\n{tb}")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
