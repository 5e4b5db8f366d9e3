#!/usr/bin/env python3
"""A C4-style line filter (the C4 paper's line rules), as a speed baseline.

Reads a JSONL corpus ({"id","text"} per line) and writes {"id","body"} per
line: the lines that end in terminal punctuation, hold at least three words,
and mention neither JavaScript nor a cookie or legal notice. Prints the rate
on stderr.

    python3 tools/c4_filter.py corpus.jsonl > c4.jsonl
"""
import json
import re
import sys
import time

TERMINAL = (".", "!", "?", '"', "\u201d")
BAD = ("javascript", "terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies", "use cookies")
CITATION = re.compile(r"\[\d+\]|\[edit\]|\[citation needed\]", re.I)


def c4(text):
    out = []
    for line in text.split("\n"):
        if "[" in line:
            line = CITATION.sub("", line)
        line = line.strip()
        if not line.endswith(TERMINAL):
            continue
        if len(line.split()) < 3:
            continue
        lower = line.lower()
        if any(b in lower for b in BAD):
            continue
        out.append(line)
    return "\n".join(out)


def main():
    start = time.perf_counter()
    total = docs = 0
    with open(sys.argv[1], encoding="utf-8") as f:
        out = sys.stdout
        for raw in f:
            if not raw.strip():
                continue
            rec = json.loads(raw)
            text = rec.get("text") or ""
            total += len(text.encode("utf-8"))
            docs += 1
            out.write(json.dumps({"id": rec.get("id"), "body": c4(text)}) + "\n")
    secs = time.perf_counter() - start
    print(f"c4: {docs} documents, {total} bytes, {secs:.3f} s, {total / 1e6 / secs:.1f} MB/s", file=sys.stderr)


if __name__ == "__main__":
    main()
