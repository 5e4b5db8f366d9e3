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
# The seeds are modern news pages labelled line by line; the dev pages are
# older benchmark pages. Each seed counts as this many dev pages.
SEED_WEIGHT = float(__import__("os").environ.get("SEED_WEIGHT", "10"))


def shingles(toks):
    if len(toks) < 4:
        return [tuple(toks)] if toks else []
    return [tuple(toks[i:i + 4]) for i in range(len(toks) - 3)]


class Gold:
    """Membership of text pieces in a gold body."""

    def __init__(self, body):
        self.shingles = set(shingles(TOK.findall(body)))
        self.toks = " " + " ".join(TOK.findall(body)) + " "

    def __call__(self, piece):
        """1 when most of the piece's 4-token shingles are in the gold body."""
        t = TOK.findall(piece)
        if not t:
            return 0
        if len(t) < 4:
            return int((" " + " ".join(t) + " ") in self.toks)
        s = shingles(t)
        return int(sum(x in self.shingles for x in s) / len(s) >= 0.5)


def gold_lines(text, body):
    """1/0 per line of `text` (split on \\n): is it part of the gold body?"""
    g = Gold(body)
    return [g(line) for line in text.split("\n")]


def load(split, kind):
    d = CORPUS / split
    feats = subprocess.run([str(ROOT / "target/release/examples/features"), "--" + kind, str(d)],
                           capture_output=True, text=True, check=True).stdout
    X, y, w, groups = [], [], [], []
    for rec in map(json.loads, filter(None, feats.split("\n"))):
        g = json.load(open(d / (rec["id"] + ".gold.json")))
        text = open(d / (rec["id"] + ".txt"), encoding="utf-8").read()
        member = Gold(g["body"])
        total = max(len(TOK.findall(text)), 1)
        for row, cell, f in rec[kind]:
            n = len(TOK.findall(cell))
            if n == 0:
                continue
            if "line_labels" in g:
                lab = int(g["line_labels"][row] == "body")
            else:
                lab = member(cell)
            X.append(f); y.append(lab); w.append(100.0 * n / total * (SEED_WEIGHT if "line_labels" in g else 1.0))
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
    m = LogisticRegression(C=float(__import__("os").environ.get("FIT_C", "1.0")), fit_intercept=False, max_iter=5000).fit(X, y, sample_weight=w)
    acc = np.average(m.predict(X) == y, weights=w)
    print(f"# all: weighted accuracy {acc:.3f}", file=sys.stderr)
    print(", ".join(f"{v:.3f}" for v in m.coef_[0]))


if __name__ == "__main__":
    main()
