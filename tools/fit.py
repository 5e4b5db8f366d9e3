#!/usr/bin/env python3
"""Fit the line models of dumpclean on the shared dev corpus (development tool).

    cargo build --release --example features
    python3 tools/fit.py local   # prints the LOCAL weights for src/model.rs

Each line of each dev dump gets a gold label: `1` when most of its 4-token
shingles occur in the page's gold body (the AEB metric's unit), else `0`; the
seeds use their hand-made `line_labels`. Lines are weighted by their share of
their page's tokens, so every page counts the same, as in the metric.
Needs numpy and scikit-learn.
"""
import json, re, subprocess, sys
from pathlib import Path
import numpy as np
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
TOK = re.compile(r"\w+")


def shingles(toks):
    if len(toks) < 4:
        return [tuple(toks)] if toks else []
    return [tuple(toks[i:i + 4]) for i in range(len(toks) - 3)]


def gold_lines(text, body):
    """1/0 per line of `text` (split on \\n): is it part of the gold body?"""
    gold = set(shingles(TOK.findall(body)))
    gtoks = " " + " ".join(TOK.findall(body)) + " "
    out = []
    for line in text.split("\n"):
        t = TOK.findall(line)
        if not t:
            out.append(0)
        elif len(t) < 4:
            out.append(int((" " + " ".join(t) + " ") in gtoks))
        else:
            s = shingles(t)
            out.append(int(sum(x in gold for x in s) / len(s) >= 0.5))
    return out


def load(split, kind):
    d = CORPUS / split
    feats = subprocess.run([str(ROOT / "target/release/examples/features"), "--" + kind, str(d)],
                           capture_output=True, text=True, check=True).stdout
    X, y, w, groups = [], [], [], []
    for rec in map(json.loads, feats.splitlines()):
        g = json.load(open(d / (rec["id"] + ".gold.json")))
        text = open(d / (rec["id"] + ".txt"), encoding="utf-8").read()
        if "line_labels" in g:
            labels = [int(l == "body") for l in g["line_labels"]]
        else:
            labels = gold_lines(text, g["body"])
        lines = text.split("\n")
        ntok = [len(TOK.findall(l)) for l in lines]
        total = max(sum(ntok), 1)
        for f, lab, n in zip(rec[kind], labels, ntok):
            if n == 0:
                continue
            X.append(f); y.append(lab); w.append(100.0 * n / total)
            groups.append(g.get("source", "seed"))
    return np.array(X), np.array(y), np.array(w), np.array(groups)


def main():
    kind = sys.argv[1] if len(sys.argv) > 1 else "local"
    parts = [load(s, kind) for s in ("seeds", "dev/innertext", "dev/inscriptis")]
    X = np.vstack([p[0] for p in parts]); y = np.concatenate([p[1] for p in parts])
    w = np.concatenate([p[2] for p in parts]); g = np.concatenate([p[3] for p in parts])
    # Leave-one-source-out check: how well the model carries to unseen sources.
    for src in sorted(set(g)):
        if src == "seed":
            continue
        tr, te = g != src, g == src
        m = LogisticRegression(C=1.0, fit_intercept=False, max_iter=2000).fit(X[tr], y[tr], sample_weight=w[tr])
        acc = np.average(m.predict(X[te]) == y[te], weights=w[te])
        print(f"# held-out {src:16s} weighted accuracy {acc:.3f}", file=sys.stderr)
    m = LogisticRegression(C=1.0, fit_intercept=False, max_iter=2000).fit(X, y, sample_weight=w)
    acc = np.average(m.predict(X) == y, weights=w)
    print(f"# all: weighted accuracy {acc:.3f}", file=sys.stderr)
    print(", ".join(f"{v:.3f}" for v in m.coef_[0]))


if __name__ == "__main__":
    main()
