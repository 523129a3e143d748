"""Run the evaluation scorers in ../shared/eval on fresh geomap output and print their figures.

    python bench/bench_eval.py            # seeds + FA-KES dev
    python bench/bench_eval.py --no-fakes # seeds only

The scorers and their data are the exam: this script only runs them; nothing
from ../shared/eval is read by geomap itself.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("GEOMAP_BENCH_SHARED", ROOT.parent / "shared"))


def _geomap(args: list[str]) -> float:
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "geomap", *args], capture_output=True, text=True, cwd=ROOT)
    if proc.returncode not in (0, 3):
        sys.exit(f"geomap {' '.join(args)} failed ({proc.returncode}):\n{proc.stderr}")
    return time.perf_counter() - t0


def _score(script: str, events: Path) -> str:
    proc = subprocess.run([sys.executable, str(SHARED / "eval" / script), str(events)], capture_output=True, text=True)
    return proc.stdout.strip()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-fakes", action="store_true", help="skip the 268 FA-KES dev articles")
    args = ap.parse_args()
    if not (SHARED / "eval").is_dir():
        sys.exit(f"{SHARED / 'eval'} not found: the scorers live beside the repo in ../shared/eval")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        secs = _geomap(["extract", str(SHARED / "seeds"), "--out", str(out / "seeds")])
        print(f"# seeds ({secs:.1f} s)")
        print(_score("score_seeds.py", out / "seeds" / "events.geojson"))
        if not args.no_fakes:
            src = SHARED / "eval" / "fakes_dev" / "articles.jsonl"
            secs = _geomap(["extract", str(src), "--out", str(out / "fakes")])
            print(f"\n# FA-KES dev, 268 articles ({secs:.1f} s)")
            print(_score("score_fakes.py", out / "fakes" / "events.geojson"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
