#!/usr/bin/env python3
"""Measured dead ends of the body model, kept so a new idea can be measured
beside them (see the list in fit.py's header). From the project root, with
the environment of fit.py:

    .fitenv/bin/python tools/experiments.py NAME...

NAME is one of `base` (the cascade as fit.py fits it), `capacity` (a wider
band, more or deeper trees), `stacked` (a second forest over the first
one's scores along the page), `smoothing` (two-state smoothing of the scores
along the page), `runs` (keeping only the runs of kept lines a run-level
forest accepts), `outside` (where the best run of text outside the region
lies, as features), `prose` (where a line stands among the page's lines of
prose, as features), `abstain` (an empty body for a page a page-level
forest expects to be mostly wrong), `fitting` (the same forest fitted
without monotonic constraints, with comment lines labelled chrome, or
without one source), `signatures` (comment signatures near the line, as
features), `words` (learned word log-odds, as features), `threshold`
(another decision threshold than zero), `ceiling` (a probe: how far the
body features go on dev when the forest is fitted on the dev pages
themselves and scored on them, and on each dev source when the other
dev sources are fitted on too; never a model to write), or `all` (every
experiment but the probe).

Each row is measured as fit.py's tables are: the pooled AEB P/R/F1 of the
lines a model scores above zero, on the pages held out by the 5-fold
cross-validation grouped by site over train and the seeds, then on dev
innertext and inscriptis (report only: nothing here is fitted or chosen on
dev). Models that read the body model's scores of the pages they are fitted
on read held-out scores (an inner 3-fold split), as they would meet them.

The body features are read once through the features tool and kept in
target/fit/body-pages.pickle: delete it after changing the features.
"""
import pickle
import sys
import time
import zlib

import numpy as np

import fit
import score

CACHE = fit.ROOT / "target" / "fit" / "body-pages.pickle"
LIMIT = 8.0  # scores are read clamped to +-LIMIT, as the ctx feature holds them


def pages():
    """The fitting pages and, per dev split, the dev pages (body features)."""
    if CACHE.exists():
        return pickle.loads(CACHE.read_bytes())
    loaded = ([p for split in fit.FIT_SPLITS for p in fit.load(split, "body")],
              {split: fit.load(split, "body") for split in fit.DEV_SPLITS})
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    CACHE.write_bytes(pickle.dumps(loaded))
    return loaded


# The body features' columns (set by `main`).
COL = {}


tokens = fit.line_tokens


def forest(ps, params=None, band=fit.BAND, extra=None):
    """The body cascade fitted on `ps` as fit.py fits it, or with other
    forest settings, band or extra columns (`extra(page)`): a function from
    a page to its lines' scores."""
    cols = (lambda p: np.hstack([p["X"], extra(p)])) if extra else (lambda p: p["X"])
    model = fit.fit("body", [dict(p, X=cols(p)) if len(p["y"]) else p for p in ps], params, band)
    return lambda p: model.decision_function(cols(p)) if len(p["y"]) else np.zeros(0)


def out_of_site(ps, fitter, salt, k=3):
    """Each page's reading by `fitter(pages)` (a function of a page) fitted
    without the page's site: an inner split of `ps` in `k` folds grouped by
    site (`salt` names the split), keyed by the page's `id`."""
    folds = [[] for _ in range(k)]
    for p in ps:
        folds[zlib.crc32((salt + " " + p["group"]).encode()) % k].append(p)
    out = {}
    for f in range(k):
        m = fitter([p for g, fold in enumerate(folds) if g != f for p in fold])
        for p in folds[f]:
            out[id(p)] = m(p)
    return out


def inner_scores(ps, k=3):
    """Each page's body scores from a cascade fitted without the page's site."""
    return out_of_site(ps, forest, "inner", k)


def kept(pages, m):
    """The AEB scores of each page's lines that the model `m` scores above zero."""
    return [fit.kept_scores(p, m(p) > 0) for p in pages]


def cell(rows):
    """Pooled AEB P / R / F1 of pages' scores, as a table cell."""
    return "{:.3f} / {:.3f} / {:.3f}".format(*score._aeb_prf(rows))


def measure(label, fitter, train, dev):
    """Print the held-out and dev rows of the model `fitter` fits."""
    start = time.time()
    pooled = [r for _, m, held in fit.held_out("body", train, fitter) for r in kept(held, m)]
    m = fitter(train)
    cells = [cell(pooled)] + [cell(kept(dev[s], m)) for s in fit.DEV_SPLITS]
    print(f"| {label} | " + " | ".join(cells) + f" | {time.time() - start:.0f} s |", flush=True)


# Features of a line read from the scores `s` of its page's lines.

def shifted(s, k, fill=-LIMIT):
    out = np.full_like(s, fill)
    if k > 0:
        out[k:] = s[:-k]
    elif k < 0:
        out[:k] = s[-k:]
    else:
        out[:] = s
    return out


def window_mean(s, k):
    c = np.concatenate([[0.0], np.cumsum(s)])
    i = np.arange(len(s))
    lo, hi = np.maximum(i - k, 0), np.minimum(i + k + 1, len(s))
    return (c[hi] - c[lo]) / (hi - lo)


def best_run(gain):
    """First and last index of the run of greatest summed gain (-1 for none)."""
    best, cur, first, start, last = 0.0, 0.0, 0, 0, -1
    for i, g in enumerate(gain):
        if cur <= 0:
            cur, start = 0.0, i
        cur += g
        if cur > best:
            best, first, last = cur, start, i
    return first, last, best


def along(p, s):
    """A line's neighbours' scores, window means, the kept text before and
    after it, its distance to the nearest kept lines and to the best run
    of kept text."""
    s = np.clip(s, -LIMIT, LIMIT)
    n, toks = len(s), tokens(p)
    kept = (s > 0) * toks
    total = max(kept.sum(), 1.0)
    before = (np.cumsum(kept) - kept) / total
    idx = np.arange(n)
    pos = np.flatnonzero(s > 0)
    if len(pos):
        j = np.searchsorted(pos, idx)
        back = np.where(j > 0, idx - pos[np.maximum(j - 1, 0)], n)
        j = np.searchsorted(pos, idx, side="right")
        ahead = np.where(j < len(pos), pos[np.minimum(j, len(pos) - 1)] - idx, n)
    else:
        back = ahead = np.full(n, n)
    a, b, _ = best_run(np.where(s > 0, toks, -0.5 * toks))
    inside = ((idx >= a) & (idx <= b)).astype(float)
    gap = np.where(inside > 0, 0, np.minimum(np.abs(idx - a), np.abs(idx - b)))
    return np.stack([
        s, shifted(s, 1), shifted(s, -1), shifted(s, 2), shifted(s, -2),
        window_mean(s, 2), window_mean(s, 5), window_mean(s, 15),
        np.max([shifted(s, k) for k in (1, 2, 3)], 0), np.max([shifted(s, -k) for k in (1, 2, 3)], 0),
        np.full(n, kept.sum() / max(toks.sum(), 1.0)), before, 1.0 - before - kept / total,
        np.log1p(back), np.log1p(ahead), inside, np.log1p(gap)], 1)


def stacked(with_lines, band):
    """A second forest over `along` (and the line's own features) of the
    first one's scores; lines whose first score lies outside `band` keep it."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    def cols(p, s):
        f = along(p, s)
        return np.hstack([p["X"], f]) if with_lines else f

    def fitter(ps):
        first, held = forest(ps), inner_scores(ps)
        rows = [(cols(p, held[id(p)]), p["y"], p["w"], np.abs(held[id(p)]) <= band)
                for p in ps if len(p["y"])]
        second = HistGradientBoostingClassifier(**fit.FOREST).fit(
            np.vstack([X[i] for X, _, _, i in rows]), np.concatenate([y[i] for _, y, _, i in rows]),
            sample_weight=np.concatenate([w[i] for _, _, w, i in rows]))

        def scores(p):
            s = first(p)
            out, ins = s.copy(), np.abs(s) <= band
            if ins.any():
                out[ins] = second.decision_function(cols(p, s)[ins])
            return out
        return scores
    return fitter


def smoothed(cost):
    """The scores of the most likely sequence of body/other lines, each
    line's score its evidence and each switch costing `cost` (Viterbi)."""
    def fitter(ps):
        first = forest(ps)

        def scores(p):
            e = np.clip(first(p), -LIMIT, LIMIT) / 2
            n = len(e)
            if not n:
                return e
            value, back = np.array([-e[0], e[0]]), np.zeros((n, 2), int)
            for i in range(1, n):
                new = np.empty(2)
                for k in (0, 1):
                    stay, switch = value[k], value[1 - k] - cost
                    back[i, k] = k if stay >= switch else 1 - k
                    new[k] = max(stay, switch) + (e[i] if k else -e[i])
                value = new
            out, k = np.empty(n), int(value[1] > value[0])
            for i in range(n - 1, -1, -1):
                out[i] = 1.0 if k else -1.0
                k = back[i, k]
            return out
        return scores
    return fitter


def runs_of(s, toks, gap=2):
    """Runs of kept lines: a run ends after `gap` dropped lines with words."""
    out, cur, dropped = [], None, 0
    for i in range(len(s)):
        if s[i] > 0:
            cur, dropped = [cur[0] if cur else i, i], 0
        elif cur and toks[i] > 0:
            dropped += 1
            if dropped >= gap:
                out.append(tuple(cur))
                cur, dropped = None, 0
    if cur:
        out.append(tuple(cur))
    return out


RUN_MEANS = ("stopwords", "cue_related", "cue_comments", "cue_promo", "cue_footer", "cue_navigation",
             "urlish", "after_comments", "in_region", "region_distance", "position", "terminal",
             "near_copy", "template", "heading_shaped", "list_item", "digit_ratio")


def run_rows(p, s):
    """Per run of kept lines: its features and its kept lines."""
    toks, n = tokens(p), len(s)
    found = runs_of(s, toks)
    if not found:
        return np.zeros((0, 14 + len(RUN_MEANS))), []
    kept = [np.arange(a, b + 1)[s[a:b + 1] > 0] for a, b in found]
    size = np.array([toks[k].sum() for k in kept])
    big = int(np.argmax(size))
    rows = []
    for r, ((a, b), k) in enumerate(zip(found, kept)):
        w = toks[k] / max(toks[k].sum(), 1.0)
        rows.append([np.log1p(size[r]), size[r] / max(size.sum(), 1.0), float(r == big), abs(r - big),
                     r, len(found) - 1 - r, a / n, b / n, float(np.mean(np.clip(s[k], -LIMIT, LIMIT))),
                     float(np.max(s[k])), np.log1p(len(k)), np.log1p(size.max()), float(np.mean(s[k] > 2)),
                     np.log1p(toks.sum())] + [float(p["X"][k, COL[c]] @ w) for c in RUN_MEANS])
    return np.array(rows), kept


def runs(ps):
    """The runs a run-level forest accepts (the largest when it accepts none)."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    first, held = forest(ps), inner_scores(ps)
    X, y, w = [], [], []
    for p in ps:
        if not len(p["y"]):
            continue
        rows, kept = run_rows(p, held[id(p)])
        toks = tokens(p)
        for row, k in zip(rows, kept):
            X.append(row)
            y.append(float(p["y"][k] @ toks[k] >= 0.5 * toks[k].sum()))
            w.append(toks[k].sum() / max(toks.sum(), 1.0))
    judge = HistGradientBoostingClassifier(max_iter=100, max_depth=4, learning_rate=0.1,
                                           random_state=0).fit(np.array(X), y, sample_weight=w)

    def scores(p):
        s = first(p)
        rows, kept = run_rows(p, s)
        if not kept:
            return s
        ok = judge.decision_function(rows) > 0
        if not ok.any():
            ok = rows[:, 0] == rows[:, 0].max()
        out = np.minimum(s, -1e-3)
        for good, k in zip(ok, kept):
            if good:
                out[k] = s[k]
        return out
    return scores


def outside(p):
    """Whether a line lies in the best run of text outside the region, its
    distance to it, and that run's weight against the region's."""
    X, toks = p["X"], tokens(p)
    n = len(X)
    gain = np.tanh(np.clip(X[:, COL["logit"]], -4, 4)) * toks
    region = X[:, COL["in_region"]] > 0
    a, b, weight = best_run(np.where(region, -1e9, gain))
    held = max(gain[region].sum(), 1.0)
    idx = np.arange(n)
    inside = (idx >= a) & (idx <= b)
    gap = np.where(inside, 0, np.minimum(np.abs(idx - a), np.abs(idx - b))) if b >= a else np.full(n, n)
    return np.stack([inside.astype(float), np.full(n, weight / held), inside * weight / held,
                     np.log1p(gap), np.full(n, np.log1p(weight)), np.full(n, np.log1p(held))], 1)


def prose(p):
    """Where a line stands among the page's lines of prose (12 words or
    more, ending a sentence): the words of prose before it (log and share),
    whether it lies in the first stretch of prose (prose lines at most 4
    lines apart), how many prose lines come before it, the page's prose."""
    X, toks = p["X"], tokens(p)
    n = len(X)
    lines = (toks >= 12) & (X[:, COL["terminal"]] > 0)
    words = lines * toks
    before, total = np.cumsum(words) - words, max(words.sum(), 1.0)
    first = np.zeros(n)
    at = np.flatnonzero(lines)
    if len(at):
        end = at[0]
        for j in at[1:]:
            if j - end > 4:
                break
            end = j
        first[at[0]:end + 1] = 1.0
    return np.stack([np.log1p(before), before / total, first,
                     np.minimum(np.cumsum(lines) - lines, 20), np.full(n, np.log1p(total))], 1)


def page_row(p, s):
    """What a page's kept lines look like, for `abstain`."""
    toks = tokens(p)
    keep = s > 0
    if not keep.any():
        return [0.0] * 15
    k = toks[keep]
    w = k / max(k.sum(), 1.0)
    mean = lambda name: float(p["X"][keep, COL[name]] @ w)
    return [np.log1p(k.sum()), np.log1p(toks.sum()), k.sum() / max(toks.sum(), 1.0), keep.sum(),
            float(np.max(s)), float(np.mean(np.clip(s[keep], -LIMIT, LIMIT))), float(np.mean(s[keep] > 3)),
            mean("in_region"), mean("terminal"), mean("stopwords"), mean("position"), float(k.max()),
            mean("cue_footer"), mean("after_comments"), float(np.mean(np.clip(s, -LIMIT, LIMIT)))]


def abstain(threshold):
    """No body for a page that a page-level forest, fitted on held-out
    scores, expects to be mostly wrong (precision below 0.2)."""
    def fitter(ps):
        from sklearn.ensemble import HistGradientBoostingClassifier
        first, held = forest(ps), inner_scores(ps)
        X, y = [], []
        for p in ps:
            if not len(p["y"]):
                continue
            s = held[id(p)]
            d = fit.kept_scores(p, s > 0)
            X.append(page_row(p, s))
            y.append(float(d["tp"] + d["fp"] > 0 and d["p"] < 0.2))
        judge = HistGradientBoostingClassifier(max_iter=100, max_depth=3, learning_rate=0.1,
                                               random_state=0).fit(np.array(X), y)

        def scores(p):
            s = first(p)
            if len(s) and judge.predict_proba([page_row(p, s)])[0, 1] > threshold:
                return np.minimum(s, -1e-3)
            return s
        return scores
    return fitter


def without(source):
    """The cascade fitted without the pages of one source of train (the
    held-out pages of every source are still scored)."""
    return lambda ps: forest([p for p in ps if not p["id"].startswith(source + "-")])


def comments_as_chrome(ps):
    """The cascade fitted with the lines after a comment-section head
    labelled chrome, whatever the gold (some CleanEval and Dragnet golds
    hold the comments; the cleaner never keeps them)."""
    def relabelled(p):
        if not len(p["y"]):
            return p
        return dict(p, y=np.where(p["X"][:, COL["after_comments"]] > 0, 0, p["y"]))
    return forest([relabelled(p) for p in ps])


def signatures(p):
    """Comment signatures near a line: dated lines (the cleaner's own
    feature: at most 15 words naming a date or a clock time, "Posted by:
    Sean | Jan 10, 2008 4:49 PM") within 4 and 10 lines of it, and before
    and after it on the page (at most 10 each)."""
    sig = (p["X"][:, COL["dated"]] > 0).astype(float)
    n = len(sig)
    c = np.concatenate([[0.0], np.cumsum(sig)])
    idx = np.arange(n)
    near = lambda k: c[np.minimum(n, idx + k + 1)] - c[np.maximum(0, idx - k)]
    return np.stack([near(4), near(10), np.minimum(c[:-1], 10), np.minimum(c[-1] - c[1:], 10)], 1)


def word_table(ps, min_count=5):
    """Each word's log-odds of standing in a gold line rather than another
    (each line counts a word once; words of at least `min_count` lines)."""
    import collections
    import math
    pos, neg = collections.Counter(), collections.Counter()
    for p in ps:
        for t, y in zip(p["texts"], p["y"]):
            (pos if y else neg).update({w.lower() for w in fit.TOK.findall(t)})
    n_pos, n_neg = sum(pos.values()) + 1, sum(neg.values()) + 1
    return {w: math.log((pos[w] + 0.5) / n_pos) - math.log((neg[w] + 0.5) / n_neg)
            for w in pos.keys() | neg.keys() if pos[w] + neg[w] >= min_count}


def word_scores(p, table):
    """Mean, least and greatest log-odds of a line's known words, and the
    share of its words that are known."""
    rows = []
    for t in p["texts"]:
        words = [w.lower() for w in fit.TOK.findall(t)]
        v = [table[w] for w in words if w in table]
        rows.append([np.mean(v), min(v), max(v), len(v) / len(words)] if v else [0.0] * 4)
    return np.array(rows).reshape(-1, 4)


def learned_words(ps, k=3):
    """The cascade with each line's learned word log-odds (`word_table`) as
    features: the table a fitting page's lines are read with is fitted
    without its site (an inner split), as a new page meets it."""
    def reader(fitting):
        table = word_table(fitting)
        return lambda p: word_scores(p, table)
    extra = out_of_site(ps, reader, "words", k)
    table = word_table(ps)
    return forest(ps, extra=lambda p: extra[id(p)] if id(p) in extra else word_scores(p, table))



def above(scores, threshold):
    """The scores `scores` gives, less `threshold`: the lines above it kept."""
    return lambda p: scores(p) - threshold


EXPERIMENTS = {
    "base": [("the body cascade (fit.py)", forest)],
    "capacity": [
        ("band 4", lambda ps: forest(ps, band=4.0)),
        ("every line (no band)", lambda ps: forest(ps, band=99.0)),
        ("60 trees, rate 0.15", lambda ps: forest(ps, dict(max_iter=60, learning_rate=0.15))),
        ("100 trees, rate 0.1", lambda ps: forest(ps, dict(max_iter=100, learning_rate=0.1))),
        ("60 trees, rate 0.3", lambda ps: forest(ps, dict(max_iter=60))),
        ("100 trees of depth 6, rate 0.1", lambda ps: forest(ps, dict(max_iter=100, max_depth=6, learning_rate=0.1))),
    ],
    "stacked": [
        ("stacked: scores along the page, band 3", stacked(False, 3.0)),
        ("stacked: and the line's features, band 3", stacked(True, 3.0)),
        ("stacked: and the line's features, every line", stacked(True, 99.0)),
    ],
    "smoothing": [(f"smoothing, switch cost {c}", smoothed(c)) for c in (0.25, 0.5, 1.0)],
    "runs": [("runs a run-level forest accepts", runs)],
    "outside": [("best run outside the region as features",
                 lambda ps: forest(ps, extra=outside))],
    "prose": [("prose before the line as features", lambda ps: forest(ps, extra=prose))],
    "abstain": [(f"abstain above {t}", abstain(t)) for t in (0.4, 0.6)],
    "fitting": [
        ("no monotonic constraints", lambda ps: forest(ps, dict(monotonic_cst=None))),
        ("lines after a comments head labelled chrome", comments_as_chrome),
        ("without the CleanEval pages", without("cleaneval")),
        ("without the Dragnet pages", without("dragnet")),
    ],
    "signatures": [("comment signatures near the line as features",
                    lambda ps: forest(ps, extra=signatures))],
    "words": [("learned word log-odds as features", learned_words)],
    "threshold": [(f"lines above {t} kept", lambda ps, t=t: above(forest(ps), t)) for t in (-0.5, 0.25)],
}


# A forest of more capacity than the written one, for the probe.
DEEP = dict(max_iter=200, max_depth=8, learning_rate=0.1)


def ceiling(train, dev):
    """How far the body features separate each dev split's lines when the
    forest is fitted on those very pages (in sample: what fitting alone
    can reach with these features, not what a model would reach on new
    pages), beside the written model's fit and the gold labels (the best
    whole-line selection), per dev split; then each dev source held out
    of a fit on train and the other dev sources."""
    base = forest(train)
    print("| fitted on (scored on the dev split) | dev innertext | dev inscriptis |")
    print("|---|---:|---:|")
    rows = [("train (as fit.py fits it)", lambda d: base),
            ("train and the dev split", lambda d: forest(train + d)),
            ("the dev split alone", lambda d: forest(d)),
            ("train and the dev split, 200 trees of depth 8", lambda d: forest(train + d, DEEP)),
            ("the dev split alone, 200 trees of depth 8", lambda d: forest(d, DEEP)),
            ("gold line labels (no model)", lambda d: lambda p: p["y"] - 0.5)]
    for label, fitter in rows:
        cells = [cell(kept(dev[split], fitter(dev[split]))) for split in fit.DEV_SPLITS]
        print(f"| {label} | " + " | ".join(cells) + " |", flush=True)
    # Out of source: each dev source scored by the forest fitted on train
    # and the other dev sources' pages (more pages, and sources train lacks).
    print("\n| dev source | pages | fitted on train | on train and the other dev sources |")
    print("|---|---:|---:|---:|")
    source = lambda p: p["id"].split("-")[0]
    for split in fit.DEV_SPLITS:
        for s in sorted({source(p) for p in dev[split]}):
            held = [p for p in dev[split] if source(p) == s]
            more = forest(train + [p for p in dev[split] if source(p) != s])
            cells = ["{:.3f}".format(score._aeb_prf(kept(held, m))[2]) for m in (base, more)]
            print(f"| {split} {s} | {len(held)} | " + " | ".join(cells) + " |", flush=True)


def main():
    chosen = sys.argv[1:] or ["base"]
    if chosen == ["all"]:
        chosen = list(EXPERIMENTS)
    if any(n not in EXPERIMENTS and n != "ceiling" for n in chosen):
        sys.exit(__doc__)
    fit.build()
    names = fit.feature_names("body")
    COL.update((n, i) for i, n in enumerate(names))
    train, dev = pages()
    if "ceiling" in chosen:
        ceiling(train, dev)
        chosen = [n for n in chosen if n != "ceiling"]
        if not chosen:
            return
    print("| model | held out P / R / F1 | dev innertext | dev inscriptis | time |")
    print("|---|---:|---:|---:|---:|")
    for name in chosen:
        for label, fitter in EXPERIMENTS[name]:
            measure(label, fitter, train, dev)


if __name__ == "__main__":
    main()
