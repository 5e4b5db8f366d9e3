"""Rates of the Python package against the command-line tool on one corpus.

    python crates/dumpclean-py/bench/rate.py DIR [--runs N] [--cli PATH] [--idle]

DIR holds dumps (*.txt). Each round times, once each: a loop over
dumpclean.clean, clean_batch with 1 and 2 threads, the loop and
clean_batch(threads=2) again on fresh copies of the texts (whose UTF-8 form
CPython has not cached yet, so each call encodes it under the GIL, as a
pipeline's first and only pass does), and, with --cli, the tool's
`--format jsonl --jobs 1|2 DIR` (whole processes: reading the files,
writing JSON to /dev/null). The texts are read into memory first. Prints
the best and the median of N rounds (default 10) per row, and the ratio
of clean_batch(threads=2) to the loop within each round (the machine's
speed may drift between rounds; within one it is about the same). With --idle a
round runs only while the machine's CPUs are idle (rounds another job
disturbed are dropped), for machines shared with other work.
"""

from __future__ import annotations

import argparse
import subprocess
import time
from pathlib import Path
from typing import Callable

import dumpclean


def idle_share(seconds: float) -> float:
    """The share of CPU time the whole machine was idle for `seconds`."""

    def read() -> tuple[int, int]:
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:]]
        return v[3] + v[4], sum(v)

    i0, t0 = read()
    time.sleep(seconds)
    i1, t1 = read()
    return (i1 - i0) / max(1, t1 - t0)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dir", type=Path)
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--cli", type=Path, help="the dumpclean binary (release build)")
    ap.add_argument("--idle", action="store_true", help="time only while the machine is idle")
    args = ap.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(args.dir.glob("*.txt"))]
    n, mb = len(texts), sum(len(t.encode("utf-8")) for t in texts) / 1e6
    fresh = texts

    rows: dict[str, Callable[[], object]] = {
        "loop over clean": lambda: [dumpclean.clean(t) for t in texts],
        "clean_batch threads=1": lambda: dumpclean.clean_batch(texts, threads=1),
        "clean_batch threads=2": lambda: dumpclean.clean_batch(texts, threads=2),
        "fresh strs: loop over clean": lambda: [dumpclean.clean(t) for t in fresh],
        "fresh strs: clean_batch threads=2": lambda: dumpclean.clean_batch(fresh, threads=2),
    }
    if args.cli:
        for jobs in (1, 2):
            cmd = [str(args.cli), "--format", "jsonl", "--jobs", str(jobs), str(args.dir)]
            rows[f"CLI --format jsonl --jobs {jobs}"] = lambda cmd=cmd: subprocess.run(
                cmd, check=True, stdout=subprocess.DEVNULL
            )
    for f in rows.values():  # warm up
        f()
    times: dict[str, list[float]] = {k: [] for k in rows}
    start, rounds = time.time(), 0
    while rounds < args.runs:
        if args.idle and idle_share(0.5) < 0.97:
            continue
        got = {}
        for name, f in rows.items():
            fresh = [t.encode("utf-8").decode("utf-8") for t in texts]  # noqa: F841 (read by the lambdas)
            t0 = time.perf_counter()
            f()
            got[name] = time.perf_counter() - t0
        if args.idle and idle_share(0.3) < 0.97:
            continue
        for name, t in got.items():
            times[name].append(t)
        rounds += 1

    def median(ts: list[float]) -> float:
        return sorted(ts)[len(ts) // 2]

    print(f"{n} dumps, {mb:.2f} MB; {rounds} rounds in {time.time() - start:.0f} s")
    print(f"{'':36} {'best':>24} | {'median':>24}")
    for name, ts in times.items():
        b, m = min(ts), median(ts)
        print(f"{name:36} {n / b:6.0f} docs/s {mb / b:5.1f} MB/s | {n / m:6.0f} docs/s {mb / m:5.1f} MB/s")
    for loop, batch in [
        ("loop over clean", "clean_batch threads=2"),
        ("fresh strs: loop over clean", "fresh strs: clean_batch threads=2"),
    ]:
        lt, bt = times[loop], times[batch]
        per_round = sorted(a / b for a, b in zip(lt, bt))
        print(
            f"{batch} against {loop}: median of the rounds' ratios {median(per_round):.2f}x "
            f"(range {per_round[0]:.2f}-{per_round[-1]:.2f}); best against best {min(lt) / min(bt):.2f}x"
        )


if __name__ == "__main__":
    main()
