"""Check that two geomap source trees write identical outputs.

Runs ``geomap extract`` from each tree (``PYTHONPATH=<tree>``) on the bundled
samples and on the benchmark corpus (FA-KES dev + seeds, read from
``../shared`` at run time), then compares events.geojson, events.csv,
mentions.csv and articles.csv byte for byte.  Use it around performance work::

    git worktree add /tmp/geomap-head HEAD
    python bench/check_outputs.py /tmp/geomap-head .
    python bench/check_outputs.py . . --b-args "--workers 2"    # engines agree
    python bench/check_outputs.py . . --b-args "--engine dask --workers 2" -n 2000

Each tree runs from a scratch folder with ``PYTHONPATH=<tree>`` (the script
checks that the tree's geomap is the one imported).
"""

from __future__ import annotations

import argparse
import filecmp
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _corpus  # noqa: E402

FILES = ("events.geojson", "events.csv", "mentions.csv", "articles.csv")


def _extract(tree: Path, inputs: list[str], out: Path, extra: list[str]) -> float:
    env = dict(os.environ, PYTHONPATH=str(tree))
    env.pop("GEOMAP_DATA", None)
    # Run from the output's parent: ``python -m`` puts the working directory first on sys.path.
    probe = [sys.executable, "-c", "import geomap; print(geomap.__file__)"]
    where = subprocess.run(probe, env=env, cwd=out.parent, capture_output=True, text=True, check=True).stdout.strip()
    if not Path(where).resolve().is_relative_to(tree):
        msg = f"PYTHONPATH={tree} imports geomap from {where}; is another copy installed?"
        raise SystemExit(msg)
    cmd = [sys.executable, "-m", "geomap", "extract", *inputs, "--out", str(out), *extra]
    import time

    t0 = time.perf_counter()
    proc = subprocess.run(cmd, env=env, cwd=out.parent, capture_output=True, text=True, check=False)
    if proc.returncode not in (0, 3):
        raise SystemExit(f"{tree}: geomap extract failed ({proc.returncode}):\n{proc.stderr}")
    return time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("tree_a", type=Path)
    ap.add_argument("tree_b", type=Path)
    ap.add_argument("--b-args", default="", help="extra options for tree B only, e.g. '--workers 2'")
    ap.add_argument("-n", type=int, default=0, help="also a replicated corpus of n articles")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="geomap-check-"))
    corpora = {
        "samples": [str(args.tree_a.resolve() / "data" / "samples")],
        "corpus": [str(_corpus.write_corpus(len(_corpus.base_records()), tmp))],
    }
    if args.n:
        corpora[f"corpus{args.n}"] = [str(_corpus.write_corpus(args.n, tmp))]
    bad = 0
    for name, inputs in corpora.items():
        outs = []
        for label, tree, extra in (("a", args.tree_a, []), ("b", args.tree_b, args.b_args.split())):
            out = tmp / f"{name}-{label}"
            secs = _extract(tree.resolve(), inputs, out, extra)
            outs.append(out)
            print(f"{name:10s} {label} {secs:6.2f} s  {tree}")
        for f in FILES:
            same = filecmp.cmp(outs[0] / f, outs[1] / f, shallow=False)
            if not same:
                bad += 1
                print(f"  DIFFERENT: {name}/{f}   (diff {outs[0] / f} {outs[1] / f})")
        if all(filecmp.cmp(outs[0] / f, outs[1] / f, shallow=False) for f in FILES):
            print(f"  identical: {', '.join(FILES)}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
