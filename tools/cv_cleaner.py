#!/usr/bin/env python3
"""The cleaner's own held-out score on train, for choosing how the body
model is fitted. From the project root, with the environment of fit.py:

    .fitenv/bin/python tools/cv_cleaner.py [--settings JSON] [--tag NAME]

fit.py's cross-validation scores the lines the body model puts above zero,
a simulation of the body step; the cleaner then applies its rules after the
scores (gaps, edges, headings, the comment section) and settles its body
(cleans it again until it stays the same), and a change can move the two
apart (fit.py's header has a feature that won 0.003 simulated and lost 0.006
in the cleaner on dev). This tool measures the cleaner itself on pages whose
sites the body model has not seen: for each of fit.py's five folds (grouped
by site), the body forest is fitted as fit.py fits it on the other four
folds and the seeds, written into a copy of the crate (target/cv/tree), and
the command-line cleaner built from that copy (target/cv/target) runs over
the fold's pages of both renderings; the five folds' outputs are scored
together by `../shared/eval/score.py --by source` (their outputs are kept in
target/cv/NAME/).

`--settings` overrides the forest's settings (fit.py's FOREST), e.g.
'{"max_iter": 100, "learning_rate": 0.1}'; the environment variable
SETTLED_WEIGHT, the weight of the settled bodies (0: none). The local and
context models stay as src/model.rs has them, fitted on all of train: their
own held-out error is left out, so this compares ways of fitting the body
model and the rules after the scores, not the whole cascade. The settled
bodies are settled once, by a forest fitted on all of train (each fold's
own bodies are left out of its fit, not out of that forest's): a small
leak. The Rust code measured is the working tree's. About 7 minutes on two
cores.
"""
import json
import subprocess
import sys
import time

import fit

CV = fit.ROOT / "target" / "cv"
SCORE = fit.CORPUS.parent / "eval" / "score.py"
RENDERINGS = ("innertext", "inscriptis")


def main():
    args = sys.argv[1:]
    if any(a.startswith("--") and a not in ("--settings", "--tag") for a in args):
        sys.exit(__doc__)
    settings = json.loads(args[args.index("--settings") + 1]) if "--settings" in args else None
    tag = args[args.index("--tag") + 1] if "--tag" in args else "base"
    out = CV / tag
    out.mkdir(parents=True, exist_ok=True)
    fit.build()
    names = fit.feature_names("body")
    pages = fit.body_pages()
    preds = {r: [] for r in RENDERINGS}
    for f in range(fit.FOLDS):
        start = time.time()
        model = fit.fit("body", [p for p in pages if p["group"] == "seed" or fit.fold_of(p) != f],
                        settings)
        cleaner = fit.scratch_cleaner(CV, model=fit.forest_section(names, model))
        for r in RENDERINGS:
            held = [p for p in pages if p["split"] == "train/" + r and fit.fold_of(p) == f]
            files = [str(fit.CORPUS / p["split"] / (p["id"] + ".txt")) for p in held]
            run = subprocess.run([str(cleaner), "--format", "jsonl", "--fields", "id,body"] + files,
                                 capture_output=True, text=True, check=True)
            preds[r].extend(filter(None, run.stdout.split("\n")))
        print(f"fold {f + 1}: {time.time() - start:.0f} s", flush=True)
    for r in RENDERINGS:
        path = out / f"train-{r}.jsonl"
        path.write_text("\n".join(preds[r]) + "\n")
        print(f"== held out, train/{r} ({tag}: {json.dumps(settings or fit.FOREST)}, "
              f"settled bodies weighing {fit.SETTLED_WEIGHT})")
        table = subprocess.run([sys.executable, str(SCORE), str(fit.CORPUS / "train" / r), str(path),
                                "--by", "source"], capture_output=True, text=True, check=True).stdout
        print("\n".join(line for line in table.split("\n") if line.strip()), flush=True)


if __name__ == "__main__":
    main()
