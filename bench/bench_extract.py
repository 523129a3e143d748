"""``geomap extract`` against flashgeotext's extraction, whole processes, same articles, same run.

The corpus is the FA-KES dev articles and the seed dispatches (read from
``../shared`` at run time), replicated to ``-n`` articles with unique ids in a
temporary JSONL file.  flashgeotext runs as a small script: load ``GeoText()``
with its bundled data, read the JSONL, call ``extract`` on each article's text.
Each command runs ``--repeat`` times, interleaved; the best wall time counts
(the machine is shared), and CPU time (user + system of the child) is shown
too.  Prints figures; asserts nothing.

    python bench/bench_extract.py -n 2730 --repeat 3 --workers 2
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

FLASHGEOTEXT = """
import json, sys
from flashgeotext.geotext import GeoText

geotext = GeoText()
n = 0
with open(sys.argv[1], encoding="utf-8") as fh:
    for line in fh:
        geotext.extract(input_text=json.loads(line)["text"])
        n += 1
print(n, "articles")
"""


def timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and peak RSS (MB) of one child process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    err = proc.stderr.read().decode() if proc.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 3):
        raise SystemExit(f"{' '.join(cmd)} failed ({code}):\n{err}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=2730, help="articles (default: the corpus ten times)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument(
        "--workers",
        type=int,
        nargs="*",
        default=[2],
        help="also time geomap extract --workers N (default 2; none to skip)",
    )
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="geomap-bench-"))
    corpus = _corpus.write_corpus(args.n, tmp)
    script = tmp / "flashgeotext_extract.py"
    script.write_text(FLASHGEOTEXT)
    geomap = [sys.executable, "-m", "geomap", "extract", str(corpus), "--out"]
    commands = {
        "flashgeotext": [sys.executable, str(script), str(corpus)],
        "geomap extract": geomap + [str(tmp / "out1")],
    }
    for w in args.workers:
        out = str(tmp / f"out{w}")
        commands[f"geomap extract --workers {w}"] = geomap + [out, "--workers", str(w)]
    # Warm the gazetteer cache and the OS file cache: the runs below measure warm starts.
    (tmp / "warm").mkdir()
    one = _corpus.write_corpus(1, tmp / "warm")
    warm = [sys.executable, "-m", "geomap", "extract", str(one), "--out", str(tmp / "warm")]
    subprocess.run(warm, check=False, capture_output=True)
    subprocess.run(commands["flashgeotext"][:2] + [str(one)], check=False, capture_output=True)
    best: dict[str, tuple[float, float, int]] = {}
    for _ in range(args.repeat):
        for name, cmd in commands.items():
            wall, cpu, rss = timed(cmd)
            if name not in best or wall < best[name][0]:
                best[name] = (wall, cpu, rss)
    base = best["flashgeotext"][0]
    distinct = len(_corpus.base_records())
    print(f"{args.n} articles ({distinct} distinct, replicated), best of {args.repeat}, {os.cpu_count()} CPUs")
    print(f"{'command':34s} {'wall s':>7s} {'cpu s':>7s} {'art/s':>7s} {'RSS MB':>7s} {'vs flashgeotext':>16s}")
    for name, (wall, cpu, rss) in best.items():
        print(f"{name:34s} {wall:7.2f} {cpu:7.2f} {args.n / wall:7.0f} {rss:7d} {wall / base:15.2f}x")


if __name__ == "__main__":
    main()
