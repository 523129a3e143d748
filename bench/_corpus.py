"""Benchmark corpus: the FA-KES dev articles and the seed dispatches, replicated.

The texts are read from ``../shared`` at run time and written to a temporary
JSONL file; nothing from them is stored in the repository.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("GEOMAP_BENCH_SHARED", ROOT.parent / "shared"))
FAKES = SHARED / "eval" / "fakes_dev" / "articles.jsonl"
SEEDS = SHARED / "seeds"


def base_records() -> list[dict[str, str]]:
    """The distinct articles: FA-KES dev records plus one record per seed file."""
    recs: list[dict[str, str]] = []
    if FAKES.exists():
        for line in FAKES.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                recs.append({k: str(v) for k, v in r.items() if v is not None})
    if SEEDS.is_dir():
        for p in sorted(SEEDS.iterdir()):
            if p.suffix == ".txt":
                recs.append({"id": p.stem, "text": p.read_text(encoding="utf-8")})
    if not recs:
        raise SystemExit(f"no benchmark input under {SHARED} (set GEOMAP_BENCH_SHARED)")
    return recs


def write_corpus(n: int, directory: str | Path | None = None) -> Path:
    """Write ``n`` articles (the base records cycled, ids made unique) to a temp JSONL file."""
    base = base_records()
    d = Path(directory) if directory else Path(tempfile.mkdtemp(prefix="geomap-bench-"))
    path = d / f"corpus-{n}.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            r = dict(base[i % len(base)])
            r["id"] = f"{r.get('id', 'a')}-{i}"
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path
