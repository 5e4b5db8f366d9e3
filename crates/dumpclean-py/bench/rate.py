"""Rates of the Python package against the command-line tool on one corpus.

    python crates/dumpclean-py/bench/rate.py DIR [--runs N] [--cli PATH]

DIR holds dumps (*.txt). Measured, each the best of N runs (default 5):
a loop over dumpclean.clean, clean_batch with 1 and 2 threads (the texts
already in memory), and the tool's `--format jsonl --jobs 1|2` over the
same files (whole process: reading the files, writing JSON to /dev/null).
"""

from __future__ import annotations

import argparse
import subprocess
import time
from pathlib import Path

import dumpclean


def best(runs: int, f) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        f()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dir", type=Path)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--cli", type=Path, help="the dumpclean binary (release build)")
    args = ap.parse_args()
    paths = sorted(args.dir.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    n = len(texts)

    rows = [
        ("loop over clean", best(args.runs, lambda: [dumpclean.clean(t) for t in texts])),
        ("clean_batch threads=1", best(args.runs, lambda: dumpclean.clean_batch(texts, threads=1))),
        ("clean_batch threads=2", best(args.runs, lambda: dumpclean.clean_batch(texts, threads=2))),
    ]
    if args.cli:
        for jobs in (1, 2):
            cmd = [str(args.cli), "--format", "jsonl", "--jobs", str(jobs), *map(str, paths)]
            rows.append(
                (
                    f"CLI --format jsonl --jobs {jobs}",
                    best(args.runs, lambda: subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)),
                )
            )
    print(f"{n} dumps, {mb:.2f} MB, best of {args.runs} runs")
    for name, s in rows:
        print(f"{name:30} {s:7.3f} s {n / s:8.0f} docs/s {mb / s:7.1f} MB/s")
    loop, batch2 = rows[0][1], rows[2][1]
    print(f"clean_batch threads=2 against the loop: {loop / batch2:.2f}x")


if __name__ == "__main__":
    main()
