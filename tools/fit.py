#!/usr/bin/env python3
"""Fit the line models of dumpclean on the shared corpus's train split.

Set up once (pinned versions), from the project root:

    python3 -m venv .fitenv && .fitenv/bin/pip install -r tools/requirements.txt

then:

    .fitenv/bin/python tools/fit.py all            # fit local, context and body in turn,
                                                   # each written into src/model.rs
    .fitenv/bin/python tools/fit.py local [--write]    # one model (prints its check tables)
    .fitenv/bin/python tools/fit.py context [--write]
    .fitenv/bin/python tools/fit.py body [--write] [--no-cv]
    .fitenv/bin/python tools/fit.py regen-body     # rewrite the body section from the
                                                   # last fitted forest (target/fit/)
    .fitenv/bin/python tools/fit.py diagnose       # where the body model's held-out
                                                   # lines lose (see `diagnose`)
    .fitenv/bin/python tools/experiments.py all    # the measured dead ends (20 minutes)

Three models score lines, each reading the one before it, so they are fitted
in this order (the features tool is rebuilt after each is written):

* `local`: a logistic regression over a line's own features;
* `context`: a logistic regression over its neighbourhood, read through the
  local model's scores;
* `body`: gradient-boosted trees (scikit-learn's HistGradientBoosting) over
  the line's own and context features and the sequence of context scores
  along the page; its log-odds decide the body.

Fitting reads `train/` (innertext and inscriptis renderings) and the three
seeds (each weighted as SEED_WEIGHT train pages), never `dev/`. Settings are
checked by 5-fold cross-validation grouped by site (the host of the page's
URL), so no site is both fitted and checked. Each run prints, for the
held-out folds and then for dev (report only), the per-line weighted
accuracy and the AEB F1 of taking exactly the lines the model scores above
zero (a simulation of the body step; `../shared/eval/run_eval.sh` measures
the whole cleaner).

Each line's gold label: `1` when most of its 4-token shingles occur in the
page's gold body (the AEB metric's unit), else `0`; the seeds use their
hand-made `line_labels`. Some sources' golds open with the headline and the
dateline; the cleaner returns those as title and date, so a line that is a
run of the page's title, or a short line flagged as metadata or dated, is
labelled `0`. Lines are weighted by their share of their page's
tokens, so every page counts the same, as in the metric.

Measured dead ends (2026-12-02): `tools/experiments.py` measures each one
beside the written model, as held-out pooled AEB F1 on train, then dev
innertext / inscriptis (report only). The written model gives 0.888, then
0.913 / 0.902. More capacity or a smoother decision over the same features
moves the held-out F1 by at most 0.005, and dev by at most 0.005 on one
rendering, so the next gain has to come from what the features can see:
* a wider band: 4: 0.887, 0.910 / 0.899; every line: 0.886, 0.906 / 0.899;
* more trees: 60 or 100 of depth 4: 0.889-0.892, 0.908-0.912 / 0.899-0.901;
  100 of depth 6: 0.893, 0.914 / 0.903 (the walk is written for depth 4);
* a second forest stacked on the first one's held-out scores along the
  page (neighbours' scores, window means, distance to the nearest kept
  line and to the best run of kept text), with or without the line's own
  features: 0.889-0.890, 0.913-0.915 / 0.900-0.907;
* where the best run of text outside the region lies, as features: 0.888,
  0.911 / 0.903;
* two-state smoothing of the scores along the page (Viterbi, switch cost
  0.25-1): 0.884-0.890, 0.904-0.911 / 0.891-0.899;
* keeping only the runs of kept lines that a run-level forest accepts:
  0.889, 0.913 / 0.904;
* an empty body for a page that a page-level forest expects to be mostly
  wrong: 0.888, 0.912-0.914 / 0.900-0.902;
* where a line stands among the page's lines of prose (words of prose
  before it, in the first stretch of prose or not): 0.891, 0.915 / 0.907
  here; written into the body features in Rust (words and ends as the
  scan counts them) and refitted, 0.893 held out, 0.912 / 0.903 simulated
  on dev, but the cleaner itself fell on dev from 0.912 / 0.902 to
  0.906 / 0.895 (recall on Dragnet 0.875 -> 0.841), so it was not kept.
  Without the settling pass (a probe, not kept) it gave 0.911 against the
  written model's 0.913 on dev innertext: settling cleans the body again
  as a page of its own, where the page-level prose features differ, and
  cost it 0.005 (the written model 0.001). A page-level feature has to
  read the same on the settled body, or settling has to keep the first
  pass's values. Counting only the lines whose context log-odds lie above
  zero (so that the features read about the same on the settled body):
  0.891 held out, the cleaner 0.912 / 0.903 on dev, settling no longer
  costing it, but Readability's inscriptis pages fell from 0.897 to 0.879
  and CleanEval's innertext pages by 0.005: not kept either. The
  lines-above-zero simulation is not the cleaner: a new feature is judged
  by `../shared/eval/run_eval.sh` after a refit, source by source;
* the same forest fitted otherwise: without the monotonic constraints
  0.889, 0.909 / 0.903; with the lines after a comment-section head
  labelled chrome (some golds hold the comments) 0.890, 0.911 / 0.901;
  without the CleanEval pages 0.882, 0.897 / 0.887, without the Dragnet
  pages 0.877, 0.901 / 0.895 (every source of train helps dev);
* comment signatures near the line (dated lines, the cleaner's own
  feature: "Posted by: ... | Jan 10, 2008 4:49 PM"), as features: 0.891,
  0.912 / 0.900;
* each line's learned word log-odds (a table of words fitted on the
  fitting pages' gold labels), as features: 0.892, but 0.905 / 0.900 on
  dev, whose sources and years train lacks: the words do not carry over;
* another decision threshold: -0.5 0.889, 0.909 / 0.903; 0.25 0.887,
  0.908 / 0.897 (zero is as good as any);
* (a probe in the cleaner, not kept) the main region set to the span of
  the lines the dev gold holds, an oracle: dev innertext 0.912 (=),
  inscriptis 0.906 (+0.004), the models unchanged. Where the wrong block
  wins a page, the article's lines score below zero inside the right
  region too: the region search is not where the loss is;
* (a probe in the cleaner, not kept) a comment-section head only where
  its cue stands at the line's edge (at most one word before or after
  it: `12 Comments`, `No comments yet`, not `See relevant comments on
  top stories`): dev 0.913 / 0.903 (one Dragnet page mended), train as
  the cleaner scores it 0.893 / 0.886 (=), one page won and one lost
  there; with nothing at all before or after the cue, dev 0.913 / 0.903
  but Dragnet pages of one site lost 0.3 each on train ("No comments
  yet"). The heads are not where the comments loss is;
* (a probe in the cleaner, not kept) the thresholds after the scores,
  swept on train (the cleaner's own F1 on train innertext / inscriptis,
  today 0.893 / 0.886): the margin of gaps and edges 0.5-2, the longest
  gap 4-12, inline chrome lines 0-2, stray lines under 10-25 words, the
  fallback's least logit -2 to 0 all within 0.001 on train and dev; the
  text before a comments head 2 (0.896 / 0.887 on train, dev 0.909 /
  0.899) or 8, its discount 0.1 or 0.5, and the keep threshold -0.25
  (0.895 / 0.887, dev 0.911 / 0.901) or 0.25 trade train for dev or
  lose both: the rules after the scores are not the lever either.
* (2026-12-03, simulated on the cleaner's labels, not kept) the lines
  after a body line ending in a colon, up to a blank line, joined to the
  body (an announced list of dates, say): dev 0.913 -> 0.913, train
  0.893 -> 0.893 (as many lists gold holds as it does not);
* (2026-12-03, simulated on the inscriptis files, not built) a gap of two
  spaces split into cells where the text after it starts at a column's
  position (three cells or more start there): train inscriptis 0.889 ->
  0.890, dev 0.904 -> 0.905; the scan's gap rule would need the page's
  column starts first. What is left of the inscriptis gap to innertext is
  mostly pages whose article stands in one line of thousands of chars,
  with the chrome of its table cell in the same line.
* (2026-12-03, not written) `fit.py all` again after the reading order
  of columns changed the train inscriptis pages' features: held out
  0.890, the cleaner on dev 0.913 / 0.905 (was 0.912 / 0.904) and train
  0.895 / 0.889, but dev CleanEval fell by 0.007 / 0.012 (AEB rose by
  0.011 / 0.009): past the issue's 0.005 per source, so the models of
  2026-12-02 stay.
* (2026-12-03, measured, not changed) what settling costs: the first
  pass's body alone scores train 0.8979 / 0.8935 against the settled
  0.8956 / 0.8906 (dev 0.913 / 0.906 against 0.912 / 0.905), 13-15 train
  pages losing 0.2 or more. Cleaned again, a body is a page whose first
  line has no neighbours above, which the context features pad as chrome
  (log-odds -4, learned from pages that open with a menu), and whose
  hard-wrapped lines are blocks of their own where the next line starts
  in a capital: each pass sheds the first line, or reads a wrapped line
  as a heading or a headline. Fitting on settled bodies too (or padding
  with a neutral value and refitting) is the next lever there. Later that
  day a line ending in a comma or a function word was linked to the next
  whatever its first letter, and a wrapped line was no longer made a
  sub-heading: settling still costs train 0.0022 / 0.0028 (first pass
  0.8983 / 0.8939, settled 0.8961 / 0.8911).
* (2026-12-03, not written) the context features' missing neighbours
  padded with the edge line's own log-odds instead of -4: without a
  refit dev fell (0.9116 / 0.9039) while train rose (0.8968 / 0.8912);
  with `fit.py all`: held out 0.891, the cleaner on train 0.8971 / 0.8926
  (was 0.8956 / 0.8906), dev 0.9126 / 0.9069 (was 0.9121 / 0.9050), AEB
  +0.010 on both renderings, but dev CleanEval inscriptis -0.009 (one
  page, cleaneval-final-414, from 0.94 to 0.0; -0.004 innertext): past
  the 0.005 per source, so not written. That page's collapse is the
  thing to understand before trying again.
* (2026-12-03, later; not written) understood: that page's last line
  (the 30,000-char article) has four blank lines after it on the page
  and none in the body text, and the forest reads `blank_after` 1 -> 0
  there as chrome (2.06 -> -0.17). Refits, each `fit.py all` on the
  cleaner as committed with hard-wrapped lines ending in a comma or a
  function word linked (held out; train as the cleaner scores it; dev):
  that alone 0.892, 0.8987 / 0.8944, 0.9141 / 0.9062 (AEB +0.007 /
  +0.009, CleanEval inscriptis -0.007); with the padding 0.892,
  0.8976 / 0.8926, 0.9143 / 0.9035 (CleanEval inscriptis -0.012); with
  the padding and the page's edges read as blank lines 0.893,
  0.8975 / 0.8930, 0.9108 / 0.9058 (Dragnet innertext -0.014: page tops
  read as their own first line keep a masthead). Each refit moves single
  dev pages by 0.3-0.9 either way (35 down, 40 up by 0.01+), so dev
  sources move by +-0.01 with held-out gains of 0.001-0.002. The first,
  the best of the three, also kept an inline `Related: ...` link between
  two paragraphs of tests/pages.rs's en-bridge page (+0.03, the model
  before -0.46). Its body forest refitted at half the rate with twice the
  trees (60 at 0.15, `FOREST`) is what is written: held out 0.895, train
  0.8989 / 0.8931 (was 0.8961 / 0.8911), dev 0.9146 / 0.9070 (was
  0.9124 / 0.9053), no dev source more than 0.005 below (CleanEval
  inscriptis 0.8719 -> 0.8671, AEB +0.010 / +0.014), the en-bridge page
  right again; 40 trees at 0.2 held out 0.893 (dev 0.9141 / 0.9086).
  The paraphrased shop-widget page of settle.rs's test now keeps the
  widget's lines above the post (the test asks for the post's paragraphs
  at the end of a settled body).
* (2026-12-03, session 34; not written) measured with
  `tools/cv_cleaner.py`, the cleaner's own F1 on train pages whose sites
  the body forest has not seen (5 folds by site, innertext / inscriptis;
  the written settings give 0.895 / 0.889): 100 trees at 0.1 0.897 /
  0.890; 120 at 0.075 0.895 / 0.890; min_samples_leaf 100 0.896 / 0.889;
  l2_regularization 1 0.896 / 0.890; half the features per split 0.894 /
  0.888 (four such forests averaged, simulated: 0.893 held out, dev
  0.913 / 0.907 against 0.912 / 0.905); 100 trees at 0.1 with l2 0.895 /
  0.890. Settings move the cleaner by 0.002 at most. The train pages'
  settled bodies as further pages to fit on (`SETTLED_WEIGHT`, with l2 1):
  at weight 0.5, each body settled by a first forest fitted on the pages,
  0.897 / 0.891, every source of train up on both renderings (CleanEval
  +0.002 / +0.002, Dragnet +0.002 / +0.001, L3S +0.003 / +0.005); bodies
  settled by the cleaner with the context models alone (band closed)
  0.895 / 0.890; the gold's lines joined as a body 0.894 (innertext).
  Written into the cleaner, weight 0.5: dev 0.9146 -> 0.9158 /
  0.9070 -> 0.9063 (CleanEval inscriptis -0.006, cleaneval-final-414
  collapsing again: its 30,000-char last line scores +0.17 on the page
  and -0.23 as the settled body's last line); weight 0.25 (held out 0.896 /
  0.892): dev 0.9165 / 0.9084, no dev source more than 0.002 below. But either keeps a short
  cued line that the models before kept out: at 0.5 `Lees ook` and a
  reader poll after the article (pipeline::tests), at 0.25 an inline
  `Czytaj także: ...` between two paragraphs of tests/pages.rs's Polish
  page. Those lines weigh little in a fit by tokens, and the bodies teach
  that a line amid body text is body whatever its cue. Not written; a
  settled body whose cued lines are labelled chrome whatever the gold
  holds is the next thing to try.
* (2026-12-03, session 35; written) so labelled (`load`: a line of a
  settled body with a cue feature set is chrome), weight 0.25, l2 1 (now
  `FOREST` and `SETTLED_WEIGHT`'s default): held out (cv_cleaner) 0.898 /
  0.892 (was 0.895 / 0.889; CleanEval 0.884 / 0.879, Dragnet 0.889 /
  0.890, L3S 0.937 / 0.915), train 0.9007 / 0.8957 (was 0.8989 /
  0.8931), dev 0.9172 / 0.9084 (was 0.9146 / 0.9070; no dev source more
  than 0.002 below: AEB innertext 0.928 -> 0.926, Dragnet innertext
  0.905 -> 0.914). Every test passes again (the Polish page's inline
  `Czytaj także: ...` is chrome).
* (2026-12-03, session 35; not written) beside it, held out (cv_cleaner,
  innertext / inscriptis, against 0.898 / 0.892): the settled bodies at
  weight 0.5 0.896 / 0.891; two rounds of settling (the bodies settled
  again by a forest fitted on the pages and the first round's bodies)
  0.897 / 0.891; 100 trees at 0.1 0.897 / 0.892; the settled bodies'
  lines with a time or a count labelled chrome too 0.897 / 0.891. The
  context model fitted on the settled bodies too (weight 0.25), the body
  forest refitted after it: dev 0.9129 / 0.9076, train 0.8996 / 0.8944
  (against 0.9172 / 0.9084 and 0.9007 / 0.8957). The headline put back
  at the head of the body (a probe on the outputs, mean F1 of innertext):
  dev AEB -0.0065, Readability -0.0024, Dragnet +0.0069, train Dragnet
  +0.0041: whether a gold body holds the headline is each source's
  convention, so the title stays metadata. cv_cleaner's figures leak a
  little: the settled bodies are settled by a forest fitted on all of
  train, the fold scored included (its own bodies are left out of its fit).
  The end of the text read as a blank line after the last line
  (`blank_after` 1 there; the top edge stays as it is, which cost Dragnet
  0.014 before), `fit.py all` refitted: dev 0.9151 / 0.9093 (Dragnet
  innertext 0.914 -> 0.908, Readability inscriptis +0.007), train
  0.9010 / 0.8953: not written. Each train page cut to its gold lines and
  up to 7 lines either side (a dump without its page's edges), as further
  pages weighing 0.25 beside the settled bodies: held out 0.896 / 0.891.
  The bodies settled by the cleaner in its recall mode (more doubtful
  lines left in them to learn from): 0.896 / 0.890.
* (2026-12-03, session 36; none written) against the cleaner as
  committed (the cleaner's AEB F1 by `score.py`, dev 0.9172 / 0.9084,
  train 0.9007 / 0.8957; each refit as named): the
  line's block (its run of non-blank lines between blank lines: ln(1 +
  its lines) and the mean clamped context log-odds over it) as two more
  sequence features, `fit.py body`: dev 0.9145 / 0.9064, train 0.8998 /
  0.8947. The local model as boosted trees (30 of depth 4 at 0.15, l2 1,
  at least 50 samples a leaf, cue and stamp features falling), better
  alone on dev's lines (weighted AUC 0.919 -> 0.929, log loss 0.355 ->
  0.333), `fit.py all`: train up (0.9039 / 0.8975) but dev down (0.9107
  / 0.9013: AEB innertext 0.926 -> 0.913, Dragnet 0.914 -> 0.895,
  Readability 0.907 -> 0.920): a line-level fit that does not carry
  over to other sites. The neighbours' scores (ctx_prev/next and their
  seconds, the windows, logit_prev/next, window_mean) and in_region
  constrained rising too: dev 0.9158 / 0.9088, train 0.8995 / 0.8944.
  `experiments.py stacked` again on these features (held out, then dev
  simulated): the cascade 0.894, 0.912 / 0.905; stacked 0.896, 0.913 /
  0.906 (with the line's features 0.896, 0.912 / 0.907): +0.001 on dev
  for a second forest per line.
  A probe of German text (capitalised nouns): among gold lines of 12
  words or more, the share of capitalised words after the first is 0.336
  on dev's German pages against 0.169 on its English ones, and the forest
  splits on `capitalised` 31 times between 0.05 and 0.27. Dev innertext
  with every lowercase word of four letters or more outside the stop
  words capitalised by a hash of the word, in dump and gold alike (the
  share 0.373 on its prose lines): 0.9154 against 0.9172. German
  capitalisation costs about 0.002, so a caps share relative to the
  page's has little to win; not built. German words are longer too (0.58
  letters a word over ten on dev's German prose, 0.47 on its English):
  the same pages with two words in three outside the stop words and the
  lexicons' words lengthened by `en` or `ung` and half of them
  capitalised (dump and gold alike): 0.918, no loss; the lexicons' words
  lengthened as well (the cues no longer match): 0.901 (precision 0.939
  -> 0.884). The word length read relative to the page's (its lines of
  eight words or more), `fit.py all`: dev 0.9073 / 0.9031, train 0.8999
  / 0.8947, and the lengthened pages 0.909. What a German page needs is
  the lexicons' German cues, not other shapes.
  Where a line starts in its row (the indent inscriptis gives nested
  blocks; innertext lines mostly start at 0): a line at the column where
  most of the page's lines of prose (15 words or more, ending in a
  sentence mark) start is gold for 0.82 of the long lines' tokens on
  train inscriptis against 0.44 elsewhere (short lines 0.22 against
  0.06; dev alike). As a sequence feature (`fit.py body`, 13 splits):
  dev 0.9160 / 0.9103 (Readability inscriptis +0.013, Dragnet innertext
  0.914 -> 0.909), train 0.9009 / 0.8953; as a context feature
  (`fit.py all`, weight 0.36): dev 0.9146 / 0.9081, train 0.8999 /
  0.8921: not written (the region and cohesion features may already
  carry most of what it tells).
* (2026-12-03, session 38; simulated on the cleaner's line labels, not
  built) a comment thread told by its signatures: from the first of two
  or more short lines holding a date and a clock time (or an age: `3
  hours ago`) that follow 80 words of body, nothing is body (`Anton
  07.08.12 at 01:31`, `on 2012-10-16 at 8:11 am Rolf`): train innertext
  0.9010 -> 0.8986 (38 pages cut: comments gone from six Dragnet pages,
  +0.4 to +0.75 each, but forum threads and blog archives whose gold is
  every post lost 0.86-0.95, and one Dragnet site's gold holds its
  comments), dev 0.9203 -> 0.9204. A line that opens with a comment
  count whatever its length (`{ 12 comments… read them below or add one
  }`) as a comment-section head: train 0.9010 -> 0.9012, dev -0.0007
  (pages of one site won and lost as its gold holds the comments or
  not). Lines repeated in three or more dumps of the split dropped
  from the body (a corpus-level repetition test): train +0.002, dev +0.0001.
  Where gold keeps the comments is each source's convention, as above.
  A related-section head (a short line with a related cue: `MORE
  HEADLINES`, `Mehr zum Thema`) after 150 words of body as the body's end,
  where what follows is at most 30% / 60% / all of the body: train
  innertext 0.9010 -> 0.9012 / 0.9008 / 0.8987, dev innertext 0.9203 ->
  0.9205 / 0.9177 / 0.9120, inscriptis 0.9021 -> 0.9005 / 0.8982 /
  0.8917 (Wikipedia's "See also" and inline boxes before the article's
  last sections): a related head does not end the text. Lines outside
  the body that the cleaner scores 0.8 / 0.9 or more and that hold 15
  words or more (not comments, title or metadata) put back in the body
  (a technical paper's paragraphs after a code listing that ended its
  region): train 0.9010 -> 0.8864 / 0.8963, dev 0.9203 -> 0.9086 /
  0.9167: most such prose is other articles' or readers' text. The
  region search's cost of a chrome line of six words or fewer capped at
  -2 or -1 instead of -4 (so that an inline box ends the text less
  often): dev 0.9198 / 0.9195 and 0.9104 / 0.9100, train 0.9010 / 0.9008
  and 0.8964 / 0.8963.
* (2026-12-03, session 38; built, measured, reverted) the stop-word share
  of a Chinese or Japanese line read from its function chars (Han
  function chars such as 的 了 是 在 weighted 2, Hiragana 1, over its Han
  and Kana chars, times 0.85, from news and blog text outside the
  corpus: prose near 0.38, headlines 0.15-0.3, menus near 0) instead of
  the constant 0.38: dev readability-pixnet 0.978 -> 0.376 innertext
  (its readers' chatty comments, full of 你 我 的 了, now outscore the
  post's terse descriptive lines and win the region), youth 1.0 -> 0.988.
  The constant stays.
* (2026-12-04, session 39; simulated on the cleaner's outputs and line
  labels, not built; dev innertext / inscriptis, train innertext /
  inscriptis, against 0.9202 / 0.9108, 0.9011 / 0.8965) "Click here"
  and its translations as promo cues (built, measured, taken out): dev
  +0.0001 / 0, train 0 / -0.0001 (Dragnet's golds keep `Click HERE for
  ...` lines). A long body line's head and tail sentences holding two
  `|` or a `©` cut off (inscriptis's cells that hold an article and its
  footer in one line): +0.0001 / +0.0001, 0 / +0.0001. A list page's
  items (a run of ten lines or more of 4-25 words) taken where the body
  holds under 40 words: +0.0007 / -0.0008, +0.0001 / -0.0001 (Dragnet
  -0.008 on inscriptis: its menus are such runs). The short lines under
  a related or promo cue inside the body (`Trending News` and its
  headlines between two paragraphs) dropped from it: +0.0002 / 0,
  0 / -0.0005. The body's lines after a copyright line (`© 2019 ...`,
  `All rights reserved`) that follows 100 words of body dropped:
  +0.0009 / +0.0006, -0.0004 / -0.0008 (CleanEval pages go on past such
  lines). Built, measured, reverted: a standfirst (an undecided sentence
  of ten words or more, local log-odds 0 or more, no cue, among the six
  lines above the first paragraph; then only below the title line) kept
  as body: dev -0.0015 / -0.0011, then -0.0008 / -0.0005 (Dragnet -0.004:
  author boxes, app promos and sign-up blurbs between a headline-shaped
  line and the text), train +0.0004 / +0.0003. Simulated on the lines
  the chrome step leaves as `other` it gained +0.0001-0.0002 everywhere:
  the chrome kinds know what this step cannot yet.
* (2026-12-04, session 40; simulated on the cleaner's line labels, not
  built) with the title model (`tools/fit_title.py`) in place, a sentence
  of 10 words or more between the title line and the first paragraph
  joined to the body whatever chrome kind it was given: train +0.0005 /
  +0.0006 (one Dragnet page +0.4, the rest a few hundredths either way),
  dev -0.0001 / -0.0002; with 15 or 20 words smaller still. A comment
  thread told by three or more short dated lines after the article, cut
  where the article (80 words or more, three times the thread's median
  entry) ends, unless most signatures read alike once digits and month
  names are dropped (one author's archive: `Posted by hugh macleod at
  ...`): train innertext -0.0001 (five pages won, six lost: golds that
  hold the comments), dev innertext +0.0019 (one page), dev inscriptis
  two CleanEval pages lost 0.7 and 0.6.
* (2026-12-04, session 41; the first written, the others measured and
  reverted) languages whose prose the English-fitted models misread. Dev
  innertext copied with German-like capitalisation (lowercase words of 4+
  letters outside the stop words capitalised by a hash of the word, 45% of
  them, dump and gold alike; prose share 0.36 against 0.17): 0.9172 /
  0.9080 against 0.9203 / 0.9112. The page's capitalised shares levelled
  (prose median to 0.125, 1 stays 1) on every page whose prose level is
  above 0.26: that copy 0.9186 / 0.9104, but dev 0.9199 / 0.9106 and train
  0.9014 -> 0.9006 / 0.8964 (English pages whose sentences are title-cased
  lists lose up to 0.5); above 0.26 and at most 0.5: dev 0.9205 / 0.9114,
  train 0.9008 / 0.8965. Written: only on German pages (their first
  sentences hold German-only function words; `features::level_caps`), dev
  and train unchanged but readability-heise +0.013, the capitalised copy
  with the gate forced open 0.9185 / 0.9102. Dev innertext without
  English articles (as Polish or Russian prose: function-word share 0.32
  against 0.38): 0.9166 / 0.9033; the stop-word share levelled the same
  way (the page's prose median to 0.383) on pages below 0.383 / 0.3:
  0.9153 / 0.9035 and 0.9146 / 0.9029: what the missing articles cost is
  not the share's level. An inline box of up to three chrome lines passed
  by the body's edge (`INLINE_CHROME_LINES`, today 1): dev 0.9196 /
  0.9112, train 0.9009 / 0.8971.
* (2026-12-04, session 42; measured, not kept; against dev 0.9203 /
  0.9112, train 0.9018 / 0.8971 unless named) probed with hand-written
  news pages in German, Spanish, French, Italian, Portuguese, Polish,
  Chinese and English. Written: a byline or a comments word labelling a
  title (`Kommentar zum Haushalt: Ein teurer Frieden`) is no comment-section
  head; the headlines of an inline related box leave the body. Not kept:
  a comment-section head only where its comments phrases fill the line
  (two other words at most): dev 0.9196 / 0.9100 (Readability -0.014:
  `2559Comments. Click to view comments` on a listing no longer bars the
  region; `Login or register to post comments`, `Our Policy on Comments`
  are heads too). The same rubric test as a cue (the line's comments cue
  dropped, so the models read it too): train 0.9013 / 0.8970; in the
  chrome naming only, comment signatures (`Comment #29 - Posted by: …`,
  `Comment:  From: …`) lost their section's name, so the box's two
  headlines in testdata's de-haushalt page stay named comments. Body
  lines of an island (at most 2 lines, under 20% of the body's words)
  six or more chrome lines from the rest, dropped (simulated): dev 0.9195
  / 0.9109, train 0.9003 / 0.8948; ten lines, one-line islands: +0.0002 /
  0 / 0 / -0.0001. A sentence right before or after any body line, within
  reach of the threshold, kept: dev 0.9202 / 0.9109, train 0.9020 /
  0.8969; before only: 0.9202 / 0.9110, 0.9016 / 0.8969. A related-cue
  line of 15 words or fewer between two body lines (`Lire aussi : …`,
  `Related: …`) dropped, built: dev 0.9204 / 0.9113, train 0.9017 /
  0.8969 (Dragnet's golds keep `SEE ALSO: …` and `RELATED: …` lines, and
  `read also` matched in a hard-wrapped sentence). A short line after an
  advertisement label (`Anzeige`, `Advertisement`) as the advert's: every
  such body line in dev and train is gold (`Continue reading the main
  story`, a sub-heading). The English `Tags`/`Tagged` as related cues:
  dev Dragnet 0.9136 -> 0.9106, train inscriptis L3S -0.0016. Media
  labels (`Video: …`, `Photos: …`) in the body: 9 lines not gold, 5 gold
  on train, not built; a bare `Name/Agency` credit line: of the body's
  slash lines on dev and train 61 are gold (`TITLE / PRICE`) and 9 not.
  Consent banners: the footer lexicon names the ads cookies serve, so a
  banner's sentence is a legal notice (aeb-16c30add7e96315e +0.011); the
  words of an embed's consent notice (Einwilligung, Drittanbieter, consent,
  similar technologies, trackers, externe Inhalte) were tried too and
  dropped: a legal notice between two paragraphs ends the article for the
  models (the German test page lost its last two paragraphs), and a body
  line with a footer cue dropped whatever its score measured dev 0.9199 /
  0.9106, train 0.9010 / 0.8962 (long lines naming `contact` and `jobs`
  in L3S's news). An embed's notice mid-article stays body (the models'
  call). The text resumed after an embed's box (up to three promo labels
  of three words or fewer and sentences, then an optional heading and the
  sentences within reach of the threshold): with any labels or cue-less
  sentences, dev 0.9202 / 0.9111 (a share bar's labels at the article's
  end: dragnet-R225 -0.06, a CPE page -0.04); with at least one cue-less
  sentence, 0.9204 / 0.9113 (comment threads after `Nice!`). Written:
  only a box with a sentence that names legal terms (bodies unchanged on
  dev and train; the German test page's tail kept).
* (2026-12-04, session 43; against dev 0.9204 / 0.9114, train 0.9018 /
  0.8972) the page's rights notice ends the article (written: a legal-cued
  line of 30 words at most that reserves the rights or names a copyright
  with a year, below 100 body words, not followed by a body line; dev
  0.9221 / 0.9128, train 0.9021 / 0.8971). Measured, not kept: no body
  within the three lines after the notice (an inline box's reach): dev the
  same, train 0.9021 / 0.8975, but a section head and a time between the
  notice and a teaser (testdata's de-hitze page) keep the teaser as text;
  the cut only where the body after the notice is shorter than before it
  (or half as long): dev 0.9207 / 0.9116-0.9120 (CBS-like pages list more
  teaser words than the article holds).
  Then a related head over teasers ends the article (written: two
  headline-shaped lines right above a body sentence among the 12 lines
  after a related head of four words at most, and no two body lines in a
  row after it of more than 15 words; dev 0.9226 / 0.9128, train 0.9022 /
  0.8971). Simulated without the teaser test (any related head after the
  article that body lines follow, unless two long paragraphs in a row do):
  dev 0.9225 / 0.9121, train 0.9023 / 0.8966 (CleanEval's `Related Work`
  sections and inscriptis's side columns); with one teaser enough: dev
  0.9224 / 0.9128, train 0.9020 / 0.8972.
  Written after it: a teaser list's head of six words (`Das könnte Sie
  auch interessieren`) and a teaser's summary body or not (dev 0.9226 /
  0.9129, train 0.9023 / 0.8971); an inline box of two or three teasers
  (a summary of 30 words at most, then a paragraph of more than 15
  words) leaving the body: no corpus page changes; without the cap a
  numbered list under `Read more »` lost its items (train -0.0001), and
  without the paragraph after it Wikipedia's `See also` over references
  (dev -0.0001).
  A promo head (`Share this on WhatsApp`, `Tickets`) over a teaser list
  ending the article too: dev 0.9228 / 0.9132, train 0.9026 / 0.8969
  (inscriptis renders L3S sports pages' game summaries beside a `Tickets`
  column: their golds keep them). The article's end below 50 body words
  instead of 100: dev 0.9227 / 0.9129, train 0.9022 / 0.8970 (two pages
  emptied: a sidebar's notice above a blog's posts). A newsletter sign-up
  sentence between paragraphs (`Sign up for our newsletter …`,
  `Abonnieren Sie …`): one body line in dev and train starts so, not
  built. A comment's signature and text before the first reply button
  (`Antworten`) as the comment section's start: no page in dev or train,
  not built.
* (2026-12-04, session 44; against dev 0.9226 / 0.9129, train 0.9023 /
  0.8971) written: a teaser list's text goes on only where two long body
  lines are adjacent (not with a teaser's date and headline between them)
  and a head the page repeats (`Read more` under every teaser) heads no
  list (dev 0.9226 / 0.9133, train 0.9029 / 0.8976); a related head kept
  as text ends the article where it ends in a colon (`Related stories:`;
  dev 0.9234 / 0.9141, train 0.9030 / 0.8977; any kept head: dev 0.9239 /
  0.9141 but a directory's `Artists and related workers` and Wikipedia's
  `See also` cut); an inline related box of up to eight headlines of up
  to 14 words (5, 8, 12 items chosen on train: 0.9030-0.9031 /
  0.8977-0.8978; dev 0.9236 / 0.9141); a list without bullets under a
  body line ending in a colon (the rows right under it, up to a blank
  row: short lines without cues, dates or bylines, none ending in a colon
  itself; no cue on the announcing line), which the body text keeps one
  item to a line so that cleaning it again reads the same list (dev
  0.9242 / 0.9148, train 0.9031 / 0.8978: the tour dates of two dev
  pages; read by rows instead, the list was lost when the body text,
  whose blocks stood a blank line apart, was cleaned again). Measured,
  not kept: such a list under a sub-heading and a blank line (three items
  of three words or more): dev 0.9247 / 0.9145, train 0.9032 / 0.8977
  (inscriptis prints sidebars of short lines under their heads: seven
  L3S pages lose). `fit.py all` run again at this session's cleaner: dev
  0.9200 / 0.9108, train 0.9029 / 0.8971 (the written models stay).
  A thread of `Posted by: NAME | DATE` signatures with text
  between them left out of the body: dev 0.9239 / 0.9147, train 0.9031 /
  0.8975 (CleanEval's forum pages keep their threads). A comment head of
  five words at most instead of six (`See relevant comments on top
  stories` heads no section): dev 0.9243 / 0.9132, train 0.9035 / 0.8979
  (`11 Comments. Click to view comments` under each teaser then heads
  none). WordPress's filing note (`This entry was posted in … Bookmark the
  permalink.`, two post-metadata terms in a sentence) left out: train
  +0.0005 / +0.0007 (26 and 24 pages), no dev page; not built (a walk of
  every sentence's words for no dev change). The balanced threshold at
  -0.15 / +0.15: dev 0.9234 / 0.9141 and 0.9218 / 0.9132, train 0.9039 /
  0.8974 and 0.9017 / 0.8968. After the lists (dev 0.9242 / 0.9148, train
  0.9031 / 0.8978): the gaps' reach (`GAP_MARGIN`) at 0.9 / 1.1 / 1.25:
  train 0.9032 / 0.8977, 0.9032 / 0.8978, 0.9032 / 0.8973; dev 0.9240 /
  0.9147, 0.9246 / 0.9151, 0.9250 / 0.9154. Left at 1.0: on train the
  best setting wins 0.0001 with pages split both ways (inscriptis 18 up,
  20 down at 1.1), and a knob that only dev would choose is not chosen.
  `MAX_GAP` 10 instead of 8: dev unchanged, train the same at four
  decimals. A line ending in a colon that the models did not keep, right
  after a body line, taken with the list without bullets under it: dev
  unchanged, train the same (one Dragnet page +0.10, one -0.09).
`experiments.py ceiling` (a probe, fitted on dev in sample, never a model
to write) bounds what fitting can do with these features: the forest of
the written size, fitted on train and the dev split and scored on that
split, reaches 0.915 / 0.908 (the written model 0.913 / 0.902); fitted on
the dev split alone 0.936 / 0.927; 200 trees of depth 8 on train and the
dev split 0.933 / 0.927, on the dev split alone 0.956 / 0.950; the gold
labels 0.970 / 0.964. The features do separate dev's lines, but only a
fit that has seen those pages' sites finds the split: held out (above,
100 trees of depth 6: 0.914 / 0.903) the deeper forests gain nothing, and
each dev source scored by a forest fitted on train and the other dev
sources (about 300 more pages, AEB, Readability and CleanPortalEval among
them, which train lacks) moves by -0.012 to +0.007 (AEB innertext 0.913
-> 0.917, inscriptis 0.910 -> 0.898): more pages of other sources do not
carry over either.
`diagnose` shows why: pages of recall below 0.2 carry 39% of the recall gap
to the gold labels and pages of precision below 0.2 40% of the precision
gap; on the pages of low recall the article's lines nearly all score below
zero, so no choice among the kept lines can mend them.

src/model.rs is generated: each model has its own section, between
`// <kind> begin` and `// <kind> end` lines, which `--write` replaces; the
names of the features are written beside the weights, and tests check them
against the code.
"""
import json, os, re, subprocess, sys, zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(CORPUS.parent / "eval"))
TOK = re.compile(r"\w+")
SEED_WEIGHT = float(os.environ.get("SEED_WEIGHT", "10"))
FOLDS = 5
# A line flagged as metadata or dated with at most this many tokens is a
# dateline or byline: metadata, not body, even where a gold body holds it.
META_MAX_TOKENS = 12
# The body forest: few shallow trees, so scoring a line costs a few hundred
# comparisons (chosen by the cross-validation below, against cost: 30 trees
# at a rate of 0.3 held out 0.892, 40 at 0.2 0.893, 60 at 0.15 0.895, each
# refitted on 2026-12-03; crate::forest's COMPILED_TREES is this count),
# with l2 regularisation 1 since the settled bodies joined the pages.
FOREST = dict(max_iter=60, max_depth=4, learning_rate=0.15, l2_regularization=1.0,
              random_state=0, early_stopping=False)
# The body forest scores only lines whose context log-odds lie within this
# band of zero; outside it the context model's log-odds stand (a cascade:
# most lines of a page are plainly text or plainly chrome).
BAND = float(os.environ.get("BODY_BAND", "2.0"))
MODEL = ROOT / "src" / "model.rs"
FEATURES = ROOT / "target/release/examples/features"
FIT_SPLITS = ("train/innertext", "train/inscriptis", "seeds")
# The body forest is fitted on the train pages and on each page's body as
# the cleaner settles it (see `settled`), each such page weighing this much
# (a train page weighs 1; 0: the pages alone). Chosen with
# tools/cv_cleaner.py (this file's header).
SETTLED_WEIGHT = float(os.environ.get("SETTLED_WEIGHT", "0.25"))
DEV_SPLITS = ("dev/innertext", "dev/inscriptis")


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


def build():
    subprocess.run(["cargo", "build", "--release", "--quiet", "--example", "features"],
                   cwd=ROOT, check=True)


def feature_names(kind):
    out = subprocess.run([str(FEATURES), "--" + kind, "--names"],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def site(gold):
    m = re.match(r"https?://(?:www\.)?([^/:]+)", gold.get("url") or "")
    return m.group(1).lower() if m else gold["id"]


def load(split, kind):
    """Pages of one split: per page its lines' texts, features, labels, weights."""
    import numpy as np
    d = CORPUS / split
    feats = subprocess.run([str(FEATURES), "--" + kind, str(d)],
                           capture_output=True, text=True, check=True).stdout
    names = feature_names(kind)
    meta = (names.index("meta"), names.index("dated")) if "dated" in names else None
    cues = [i for i, n in enumerate(names) if n in CUES]
    is_settled = SETTLED in d.parents
    pages = []
    for rec in map(json.loads, filter(None, feats.split("\n"))):
        g = json.load(open(d / (rec["id"] + ".gold.json")))
        text = open(d / (rec["id"] + ".txt"), encoding="utf-8").read()
        member = Gold(g["body"])
        title = " " + " ".join(TOK.findall(g.get("title") or "")) + " "
        total = max(len(TOK.findall(text)), 1)
        seed = "line_labels" in g
        texts, X, y, w = [], [], [], []
        for row, cell, f in rec[kind]:
            toks = TOK.findall(cell)
            n = len(toks)
            texts.append(cell)
            X.append(f)
            if seed:
                y.append(int(g["line_labels"][row] == "body"))
            elif n >= 3 and (" " + " ".join(toks) + " ") in title:
                # The headline is the article's title, not a body block,
                # whether or not the source's gold body holds it.
                y.append(0)
            elif n <= META_MAX_TOKENS and meta is not None and (f[meta[0]] or f[meta[1]]):
                # So are a short dateline or byline.
                y.append(0)
            elif is_settled and any(f[i] for i in cues):
                # In a settled body a cued line (`Read also: ...`, a
                # newsletter prompt) stands amid paragraphs; it is chrome
                # whatever a source's gold holds, or the bodies teach that
                # a line amid body text is body whatever its cue.
                y.append(0)
            else:
                y.append(member(cell))
            w.append(100.0 * n / total * (SEED_WEIGHT if seed else 1.0))
        pages.append(dict(id=rec["id"], gold=g["body"], group="seed" if seed else site(g),
                          split=str(split), settled=is_settled,
                          texts=texts, X=np.array(X, dtype=np.float64) if X else np.zeros((0, 1)),
                          y=np.array(y), w=np.array(w)))
    return pages


SETTLED = ROOT / "target" / "fit" / "settled"


def scratch_cleaner(scratch, model):
    """The command-line cleaner built from a copy of the crate in
    `scratch`/tree (target directory `scratch`/target), with the body
    section of src/model.rs replaced by `model`; its path."""
    import shutil
    tree = scratch / "tree"
    if tree.exists():
        shutil.rmtree(tree)
    shutil.copytree(ROOT, tree, ignore=shutil.ignore_patterns(
        "target", ".git", ".fitenv", "__pycache__"))
    write_section("body", model, tree / "src" / "model.rs")
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "dumpclean"], cwd=tree,
                   check=True, env={**os.environ, "CARGO_TARGET_DIR": str(scratch / "target")})
    return scratch / "target" / "release" / "dumpclean"


def settled(pages):
    """Each train page's body as the cleaner settles it, a page of its own
    with the page's gold (in target/fit/settled/RENDERING): a settled body
    is cleaned again as a page whose first line has no neighbours above and
    whose blocks stand between blank lines, unlike any page of the corpus,
    and a forest fitted on the pages alone sheds heads and wrapped lines
    there (this file's header). The cleaner that settles them is the crate's with
    a body forest fitted on `pages` (the pages alone), so they do not depend
    on the body model written before and `fit.py all` stays reproducible.
    The directories."""
    import shutil
    first = forest_section(feature_names("body"), fit("body", pages))
    cleaner = scratch_cleaner(ROOT / "target" / "fit" / "scratch", model=first)
    dirs = []
    for split in FIT_SPLITS:
        if not split.startswith("train/"):
            continue
        src, d = CORPUS / split, SETTLED / split.split("/")[1]
        if d.exists():
            shutil.rmtree(d)
        d.mkdir(parents=True)
        run = subprocess.run([str(cleaner), "--format", "jsonl", "--fields", "id,text", str(src)],
                             capture_output=True, text=True, check=True)
        for rec in map(json.loads, filter(None, run.stdout.split("\n"))):
            if rec["text"].strip():
                (d / (rec["id"] + ".txt")).write_text(rec["text"])
                shutil.copy(src / (rec["id"] + ".gold.json"), d)
        dirs.append(d)
    return dirs


def body_pages():
    """The body model's fitting pages: the train pages and the seeds, then
    the train pages' settled bodies, each weighted SETTLED_WEIGHT."""
    pages = [p for split in FIT_SPLITS for p in load(split, "body")]
    for d in settled(pages) if SETTLED_WEIGHT > 0 else []:
        pages += [dict(p, w=p["w"] * SETTLED_WEIGHT) for p in load(d, "body")]
    return pages


def stack(pages):
    import numpy as np
    keep = [p for p in pages if len(p["y"])]
    return (np.vstack([p["X"] for p in keep]), np.concatenate([p["y"] for p in keep]),
            np.concatenate([p["w"] for p in keep]))


class Cascade:
    """The context log-odds outside the band, the forest's inside it."""

    def __init__(self, forest, ctx, band=BAND):
        self.forest, self.ctx, self.band = forest, ctx, band

    def decision_function(self, X):
        import numpy as np
        c = X[:, self.ctx]
        out = c.copy()
        # (A cascade pickled before it kept its band has the default one.)
        inside = np.abs(c) <= getattr(self, "band", BAND)
        if inside.any():
            out[inside] = self.forest.decision_function(X[inside])
        return out


# The forest's score may only rise with the scores of the models before it
# and only fall with evidence of chrome: the trees cannot turn a cue or a
# repeated line into evidence for text on pages unlike the train pages.
RISING = ("logit", "ctx")
CUES = ("cue_related", "cue_comments", "cue_promo", "cue_footer", "cue_navigation",
        "cue_fixtures")
FALLING = CUES + ("time", "count", "fixture_row", "near_copy", "template")


def fit(kind, pages, settings=None, band=BAND):
    """The model of `kind` fitted on `pages`; for the body, the forest's
    settings may differ from FOREST's (and from the monotonic constraints)
    in `settings`, and its pages' features may go on past the body features
    (unconstrained extra columns)."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression
    X, y, w = stack(pages)
    if kind == "body":
        names = feature_names("body")
        ctx = names.index("ctx")
        inside = abs(X[:, ctx]) <= band
        monotonic = [1 if n in RISING else -1 if n in FALLING else 0 for n in names]
        monotonic += [0] * (X.shape[1] - len(names))
        forest = HistGradientBoostingClassifier(
            **{**FOREST, "monotonic_cst": monotonic, **(settings or {})}).fit(
            X[inside], y[inside], sample_weight=w[inside])
        return Cascade(forest, ctx, band)
    return LogisticRegression(C=1.0, fit_intercept=False, max_iter=5000).fit(X, y, sample_weight=w)


def kept_scores(page, keep):
    """The AEB scores of a page's body taken as the lines `keep` marks."""
    import score
    return score.doc_scores(page["gold"], "\n".join(
        t for t, k in zip(page["texts"], keep) if k))


def line_tokens(page):
    """The tokens (the metric's) of each of a page's lines, kept on the page."""
    import numpy as np
    if "tokens" not in page:
        page["tokens"] = np.array([len(TOK.findall(t)) for t in page["texts"]], float)
    return page["tokens"]


def check(model, pages, rows=None):
    """Weighted per-line accuracy and the AEB P/R/F1 of the lines scored above
    zero; each page's AEB scores are appended to `rows` if given."""
    import numpy as np
    import score
    acc_num = acc_den = 0.0
    mine = []
    for p in pages:
        keep = model.decision_function(p["X"]) > 0 if len(p["y"]) else np.zeros(0, bool)
        acc_num += float(np.sum((keep == (p["y"] > 0)) * p["w"]))
        acc_den += float(np.sum(p["w"]))
        mine.append(kept_scores(p, keep))
    if rows is not None:
        rows.extend(mine)
    return (acc_num / max(acc_den, 1e-9),) + tuple(score._aeb_prf(mine))


def row(name, r):
    return f"| {name} | {r[0]:.3f} | {r[1]:.3f} | {r[2]:.3f} | {r[3]:.3f} |"


def fold_of(page):
    """The fold of the cross-validation that holds `page` (by its site)."""
    return zlib.crc32(page["group"].encode()) % FOLDS


def held_out(kind, pages, fitter=None):
    """The folds of the cross-validation grouped by site: per fold, its
    number, the model fitted on the other folds (by `fit`, or by `fitter`
    given those pages) and the fold's pages (the seeds are fitted on, never
    held out)."""
    folds = [[] for _ in range(FOLDS)]
    for p in pages:
        folds[fold_of(p)].append(p)
    for f in range(FOLDS):
        rest = [p for g, fold in enumerate(folds) if g != f for p in fold]
        model = fitter(rest) if fitter else fit(kind, rest)
        yield f, model, [p for p in folds[f] if p["group"] != "seed" and not p["settled"]]


def report(kind, pages, model):
    """Cross-validation grouped by site on the fitting pages, then dev."""
    print(f"\n{kind}: {len(pages)} pages to fit on\n")
    print("| held out | weighted line accuracy | AEB P | AEB R | AEB F1 (lines > 0) |")
    print("|---|---:|---:|---:|---:|")
    pooled = []
    for f, m, held in held_out(kind, pages):
        print(row(f"fold {f + 1} ({len(held)} pages)", check(m, held, pooled)), flush=True)
    import score
    print(f"| all folds (AEB over their pages) | | "
          + " | ".join(f"{v:.3f}" for v in score._aeb_prf(pooled)) + " |")
    for split in DEV_SPLITS:
        dev = load(split, kind)
        print(row(f"{split} (fitted model, report only)", check(model, dev)), flush=True)


def diagnose(pages):
    """Where the body model's held-out lines lose, against the gold labels
    (the best whole-line selection): the pooled AEB of both, the share of
    the gap that pages of low precision or recall carry (a page whose
    article lines all score below zero is a failure of the page, not of a
    few lines), and the wrong lines' share of the page's tokens by whether
    they lie in the region, after a comments head, and by length."""
    import collections
    import numpy as np
    import score
    names = feature_names("body")
    region, comments = names.index("in_region"), names.index("after_comments")
    mine, best, mass = [], [], collections.Counter()
    for _, m, held in held_out("body", pages):
        for p in held:
            # A page without lines counts too (empty, as in `check`).
            gold = p["y"] > 0
            keep = m.decision_function(p["X"]) > 0 if len(gold) else gold
            mine.append(kept_scores(p, keep))
            best.append(kept_scores(p, gold))
            toks = line_tokens(p)
            share = toks / max(toks.sum(), 1.0)
            for i in np.flatnonzero(keep != gold):
                where = ("in region" if p["X"][i, region] > 0 else "outside"
                         ) + (", after comments" if p["X"][i, comments] > 0 else "")
                size = "< 8 words" if toks[i] < 8 else "< 25 words" if toks[i] < 25 else ">= 25 words"
                mass[("kept, not gold" if keep[i] else "gold, dropped", where, size)] += share[i]
    n = len(mine)
    print(f"\nbody, held out: {n} pages\n")
    print("| lines | AEB P | AEB R | AEB F1 |\n|---|---:|---:|---:|")
    for name, rows in (("scored above 0", mine), ("gold labels (best whole lines)", best)):
        print(f"| {name} | " + " | ".join(f"{v:.3f}" for v in score._aeb_prf(rows)) + " |")
    for key, name in (("p", "precision"), ("r", "recall")):
        print(f"\n| page {name} | pages | share of the {name} gap to the gold labels |\n|---|---:|---:|")
        pairs = [(a, b) for a, b in zip(mine, best)
                 if key == "r" or a["tp"] + a["fp"] > 0]
        gap = sum(b[key] - a[key] for a, b in pairs) or 1.0
        for lo, hi in ((0, .2), (.2, .5), (.5, .8), (.8, 1.01)):
            part = [(a, b) for a, b in pairs if lo <= a[key] < hi]
            print(f"| {lo:.1f}-{min(hi, 1):.1f} | {len(part)} | "
                  f"{sum(b[key] - a[key] for a, b in part) / gap:.2f} |")
    print("\n| wrong lines | where | length | share of a page's tokens |\n|---|---|---|---:|")
    for (kind, where, size), v in sorted(mass.items(), key=lambda kv: -kv[1])[:12]:
        print(f"| {kind} | {where} | {size} | {100 * v / n:.2f}% |")


def fmt32(x):
    """The shortest decimal that reads back as the float32 `x`."""
    import numpy as np
    return np.format_float_positional(np.float32(x), unique=True, trim="0")


def floor32(t):
    """The largest float32 not above the float64 `t`."""
    import numpy as np
    t32 = np.float32(t)
    if float(t32) > t:
        t32 = np.nextafter(t32, np.float32(-np.inf))
    return t32


def linear_section(kind, names, weights):
    const, doc = {"local": ("LOCAL", "crate::features::local_features"),
                  "context": ("CONTEXT", "crate::pipeline::context")}[kind]
    n = "N_" + const
    return (f"/// Number of {kind} features (see [`{doc}`]).\n"
            f"pub(crate) const {n}: usize = {len(names)};\n\n"
            f"/// Names of the {kind} features, in the order of [`{const}`].\n"
            f"#[rustfmt::skip]\n"
            f"#[allow(dead_code)] // read by the test below\n"
            f"pub(crate) const {const}_NAMES: [&str; {n}] = [\n"
            + "".join(f"    {json.dumps(x)},\n" for x in names)
            + "];\n\n"
            f"/// Weights of the {kind} model.\n"
            f"#[rustfmt::skip]\n"
            f"#[allow(clippy::approx_constant)] // fitted numbers, not constants\n"
            f"pub(crate) const {const}: [f32; {n}] = [\n    " + ", ".join(weights) + ",\n];\n")


DEPTH = 4  # crate::forest::DEPTH: every tree is written complete to this depth


def complete_tree(pred):
    """One fitted tree as `(features, thresholds, leaves)` of a complete tree of
    depth DEPTH in breadth-first order; a branch that ends early becomes
    splits (on feature 0 at 0) whose leaves all hold its value."""
    splits = 2 ** DEPTH - 1
    feature, threshold, leaf = [0] * (splits + 1), ["0.0"] * (splits + 1), [None] * (splits + 1)
    nodes = pred.nodes

    def fill(n, pos, depth):
        nd = nodes[n]
        if nd["is_leaf"]:
            first, count = pos, 1
            for _ in range(DEPTH - depth):
                first, count = 2 * first + 1, count * 2
            for k in range(first, first + count):
                leaf[k - splits] = fmt32(nd["value"])
            return
        assert depth < DEPTH, "a tree deeper than DEPTH"
        feature[pos] = int(nd["feature_idx"])
        threshold[pos] = fmt32(floor32(nd["num_threshold"]))
        fill(int(nd["left"]), 2 * pos + 1, depth + 1)
        fill(int(nd["right"]), 2 * pos + 2, depth + 1)

    fill(0, 0, 0)
    assert None not in leaf
    return feature, threshold, leaf


def forest_section(names, cascade):
    """The fitted trees, each written complete (see `complete_tree`)."""
    model = cascade.forest
    assert FOREST["max_depth"] <= DEPTH
    trees = []
    for (pred,) in model._predictors:
        f, t, l = complete_tree(pred)
        trees.append("    Tree {\n"
                     f"        feature: [{', '.join(map(str, f))}],\n"
                     f"        threshold: [{', '.join(t)}],\n"
                     f"        leaf: [{', '.join(l)}],\n"
                     "    },\n")
    base = float(model._baseline_prediction.ravel()[0])
    return ("/// Number of body features (see [`crate::pipeline::sequence`]).\n"
            f"pub(crate) const N_BODY: usize = {len(names)};\n\n"
            "/// Names of the body features, in the order the trees read them.\n"
            "#[rustfmt::skip]\n"
            "#[allow(dead_code)] // read by the tests\n"
            "pub(crate) const BODY_NAMES: [&str; N_BODY] = [\n"
            + "".join(f"    {json.dumps(x)},\n" for x in names) + "];\n\n"
            "/// The body model scores the lines whose context log-odds lie within\n"
            "/// this band of zero (the others keep their context log-odds).\n"
            f"pub(crate) const BODY_BAND: f32 = {fmt32(BAND)};\n\n"
            f"/// The body model's {len(trees)} boosted trees ({json.dumps(FOREST, sort_keys=True)}).\n"
            "#[rustfmt::skip]\n"
            "#[allow(clippy::approx_constant, clippy::excessive_precision)] // fitted numbers\n"
            "static BODY_TREES: [Tree; " + str(len(trees)) + "] = [\n" + "".join(trees) + "];\n\n"
            "/// The body model.\n"
            "#[allow(clippy::approx_constant, clippy::excessive_precision)] // a fitted number\n"
            "pub(crate) static BODY: Forest<N_BODY> = Forest {\n"
            f"    base: {fmt32(base)},\n"
            "    trees: &BODY_TREES,\n};\n")


def write_section(kind, text, model=MODEL):
    """Replace the section of `kind` in the model file `model`."""
    src = model.read_text()
    begin, end = f"// {kind} begin\n", f"// {kind} end\n"
    a, b = src.index(begin) + len(begin), src.index(end)
    model.write_text(src[:a] + text + src[b:])


SAVED = ROOT / "target" / "fit" / "body.pickle"


def verify_written(cascade, split="train/innertext"):
    """The written trees (run by the features tool) give the fitted forest's
    log-odds on every non-blank line of `split`."""
    import numpy as np
    d = str(CORPUS / split)
    feats = subprocess.run([str(FEATURES), "--body", d], capture_output=True, text=True, check=True).stdout
    scores = subprocess.run([str(FEATURES), "--body", "--scores", d],
                            capture_output=True, text=True, check=True).stdout
    worst, lines, flips = 0.0, 0, 0
    for a, b in zip(filter(None, feats.split("\n")), filter(None, scores.split("\n"))):
        a, b = json.loads(a), json.loads(b)
        if not a["body"]:
            continue
        py = cascade.decision_function(np.array([f for _, _, f in a["body"]]))
        # Outside the band the cleaner keeps the context log-odds, which
        # the `ctx` feature (and so the cascade) holds clamped to +-8.
        rs = np.clip(np.array([s for _, s in b["scores"]]), -8.0, 8.0)
        worst = max(worst, float(np.abs(py - rs).max()))
        lines += len(py)
        flips += int(((py > 0) != (rs > 0)).sum())
    print(f"written trees against the fitted ones on {split}: {lines} lines, "
          f"largest difference {worst:.2g}, {flips} lines on the other side of 0")
    assert worst < 1e-3 and flips == 0


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if args == ["regen-body"]:
        # Rewrite the body section from the last fitted forest (no fitting).
        import pickle
        build()
        model = pickle.loads(SAVED.read_bytes())
        write_section("body", forest_section(feature_names("body"), model))
        build()
        verify_written(model)
        return
    if args == ["diagnose"]:
        build()
        diagnose([p for split in FIT_SPLITS for p in load(split, "body")])
        return
    kinds = ["local", "context", "body"] if args == ["all"] else args
    write = "--write" in sys.argv or args == ["all"]
    for kind in kinds:
        if kind not in ("local", "context", "body"):
            sys.exit(__doc__)
        build()
        names = feature_names(kind)
        if kind == "body":
            pages = body_pages()
        else:
            pages = [p for split in FIT_SPLITS for p in load(split, kind)]
        model = fit(kind, pages)
        if kind == "body":
            import pickle
            SAVED.parent.mkdir(parents=True, exist_ok=True)
            SAVED.write_bytes(pickle.dumps(model))
        if "--no-cv" not in sys.argv:
            report(kind, pages, model)
        if write:
            if kind == "body":
                write_section(kind, forest_section(names, model))
            else:
                weights = [f"{v:.3f}" for v in model.coef_[0]]
                write_section(kind, linear_section(kind, names, weights))
            print(f"wrote the {kind} model into {MODEL.relative_to(ROOT)}", flush=True)
    if write:
        build()
        if "body" in kinds:
            verify_written(model)


if __name__ == "__main__":
    main()
