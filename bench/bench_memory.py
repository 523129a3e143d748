"""Peak memory (RSS) of ``geomap extract`` on 10,000 articles, as a whole process.

The corpus is the FA-KES dev articles and the seed dispatches (read from
``../shared`` at run time) replicated to ``-n`` articles in a temporary JSONL
file.  The peak resident set size comes from the kernel
(``os.wait4``'s ``ru_maxrss``) for the geomap process itself.  Prints
figures; asserts nothing.

    python bench/bench_memory.py -n 10000
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _corpus  # noqa: E402


def peak(cmd: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MB) of one child process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 3):
        err = proc.stderr.read().decode() if proc.stderr else ""
        raise SystemExit(f"{' '.join(cmd)} failed ({code}):\n{err}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=10_000)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="geomap-memory-"))
    corpus = _corpus.write_corpus(args.n, tmp)
    size = corpus.stat().st_size / 1e6
    extract = [sys.executable, "-m", "geomap", "extract"]
    one = str(_corpus.write_corpus(1, tmp))
    cmds = {
        "python -c 'import geomap.pipeline'": [sys.executable, "-c", "import geomap.pipeline"],
        "geomap extract (1 article)": extract + [one, "--out", str(tmp / "one")],
        f"geomap extract ({args.n} articles)": extract + [str(corpus), "--out", str(tmp / "out")],
    }
    print(f"corpus: {args.n} articles, {size:.1f} MB of JSONL")
    print(f"{'command':40s} {'peak RSS MB':>12s} {'wall s':>8s} {'cpu s':>8s}")
    for name, cmd in cmds.items():
        wall, cpu, rss = peak(cmd)
        print(f"{name:40s} {rss:12.0f} {wall:8.1f} {cpu:8.1f}")


if __name__ == "__main__":
    main()
