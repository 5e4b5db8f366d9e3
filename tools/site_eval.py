#!/usr/bin/env python3
"""Score cleaning with and without site profiles on the dev split.

Pages are grouped by the host of their gold `url` (lowercased, without
`www.`); only hosts with two pages or more are scored. Both runs use
the `dumpclean` command-line tool over a JSONL corpus built from the split, the second with
`--site-profiles`. Prints the AEB P/R/F1 of the grouped pages and the F1 of
every host.

    cargo build --release -p dumpclean-cli
    python3 tools/site_eval.py ../shared/corpus/dev/innertext
"""
import collections
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CLEAN = os.path.join(HERE, "..", "target", "release", "dumpclean")
SCORE = os.path.join(HERE, "..", "..", "shared", "eval", "score.py")


def host(url):
    rest = url.split("://", 1)[-1]
    h = rest.split("/", 1)[0].split("?", 1)[0].rsplit("@", 1)[-1].split(":", 1)[0].lower()
    return h[4:] if h.startswith("www.") else h


def aeb(docs):
    ps = [d["p"] for d in docs if d["tp"] + d["fp"] > 0]
    rs = [d["r"] for d in docs if d["tp"] + d["fn"] > 0]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    split = sys.argv[1]
    groups = collections.defaultdict(list)
    records = []
    for name in sorted(os.listdir(split)):
        if not name.endswith(".gold.json"):
            continue
        gold = json.load(open(os.path.join(split, name), encoding="utf-8"))
        doc = gold["id"]
        h = host(gold.get("url") or "")
        if h:
            groups[h].append(doc)
        with open(os.path.join(split, doc + ".txt"), encoding="utf-8", errors="replace") as f:
            records.append({"id": doc, "text": f.read(), "url": gold.get("url")})
    grouped = {h: ids for h, ids in groups.items() if len(ids) >= 2}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, "corpus.jsonl")
        with open(corpus, "w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps(r) + "\n")
        scores = {}
        for run, extra in (("without", []), ("with", ["--site-profiles"])):
            pred = os.path.join(tmp, run + ".jsonl")
            with open(pred, "w") as out:
                subprocess.run([CLEAN, "--format", "jsonl", *extra, corpus], stdout=out, check=True)
            res = subprocess.run(
                [sys.executable, SCORE, split, pred, "--per-doc", "--json"],
                capture_output=True, text=True, check=True,
            )
            scores[run] = json.loads(res.stdout)["docs"]
    ids = [d for v in grouped.values() for d in v]
    print(f"{len(grouped)} hosts, {len(ids)} pages")
    for run in ("without", "with"):
        p, r, f = aeb([scores[run][d] for d in ids])
        print(f"{run:>8} profiles: P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    print(f"{'host':<28} {'pages':>5} {'without':>8} {'with':>8}")
    for h, v in sorted(grouped.items(), key=lambda x: (-len(x[1]), x[0])):
        a = aeb([scores["without"][d] for d in v])[2]
        b = aeb([scores["with"][d] for d in v])[2]
        print(f"{h:<28} {len(v):>5} {a:>8.3f} {b:>8.3f} {'' if b >= a - 1e-9 else 'worse'}")


if __name__ == "__main__":
    main()
