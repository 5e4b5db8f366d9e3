//! The body model's view of a line: its own features, its context features
//! and where it stands in the sequence of the page's context scores.
//!
//! The context model ([`super::context`]) scores each line from its
//! neighbourhood with a linear model. The body model, a forest of boosted
//! trees ([`crate::forest`]) fitted by `tools/fit.py`, reads those scores
//! along the whole page (the scores around the line, the page's mean, how
//! much of the page's likely text lies before and after the line) beside
//! the line's own and context features, and gives the log-odds the body
//! step keeps lines by.

use super::page::Page;
use crate::features::{LOCAL_FEATURES, N_LOCAL};
use crate::forest::{Padded, Walks};
use crate::model::{N_BODY, N_CONTEXT};
#[cfg(test)]
use crate::pipeline::context::Columns;
use crate::pipeline::context::{LineFeatures, CONTEXT_FEATURES};
use std::ops::Range;

/// Names of the sequence features, after the local and context ones.
const SEQUENCE_FEATURES: [&str; N_SEQUENCE] = [
    "ctx",
    "ctx_prev",
    "ctx_prev2",
    "ctx_next",
    "ctx_next2",
    "ctx_window4",
    "ctx_window10",
    "ctx_max_before5",
    "ctx_max_after5",
    "ctx_page_mean",
    "ctx_page_positive",
    "text_near_before",
    "text_near_after",
    "rank",
];

const N_SEQUENCE: usize = 14;

/// The names of the body model's features, in order: the local features
/// and the context features (each without its bias), then the sequence's.
pub(crate) fn body_feature_names() -> Vec<&'static str> {
    let names: Vec<&str> = LOCAL_FEATURES[1..]
        .iter()
        .chain(&CONTEXT_FEATURES[1..])
        .chain(&SEQUENCE_FEATURES)
        .copied()
        .collect();
    debug_assert_eq!(names.len(), N_BODY);
    names
}

/// How many lines on each side count as near for `text_near_before` and
/// `text_near_after`: the share of the page's likely text that lies close
/// before and after a line (a line between two stretches of text, not
/// between two distant copies of a text).
const NEAR: usize = 20;

/// The log-odds given to a neighbour beyond the first or last line.
const MISSING: f32 = -4.0;

/// The context scores of the non-blank lines and what is summed over them.
///
/// Its three arrays are kept for the thread's next page (each grown only
/// past the longest page so far, and a page's entries all written before
/// they are read): no page allocates or clears them. Their first entries
/// are this page's.
pub(crate) struct Sequence {
    /// The number of lines.
    m: usize,
    /// The clamped context log-odds, after two [`MISSING`] and before two
    /// more (`m + 4`).
    padded: Vec<f32>,
    /// `sums[k]`: the sum of the first `k` clamped log-odds (`m + 1`).
    sums: Vec<f32>,
    /// `text[k]`: the words of the first `k` lines scoring above zero
    /// (`m + 1`).
    text: Vec<u32>,
    mean: f32,
    positive: f32,
    /// The words of the lines scoring above zero (at least 1), and the
    /// number of lines, as the features divide by them.
    total: f32,
    lines: f32,
}

impl Sequence {
    /// The sequence of the non-blank lines `nb`, whose context log-odds are
    /// `c`.
    pub(crate) fn of(page: &Page<'_>, nb: &[usize], c: &[f32]) -> Sequence {
        let m = nb.len();
        // Written in place (no push per line).
        let (mut padded, mut sums, mut text) = SPARE_SEQUENCE.take();
        for (v, len) in [(&mut padded, m + 4), (&mut sums, m + 1)] {
            if v.len() < len {
                v.resize(len, 0.0);
            }
        }
        if text.len() < m + 1 {
            text.resize(m + 1, 0);
        }
        [padded[0], padded[1], padded[m + 2], padded[m + 3]] = [MISSING; 4];
        (sums[0], text[0]) = (0.0, 0);
        let (mut sum, mut words, mut positive) = (0.0f32, 0u32, 0u32);
        let slots = padded[2..m + 2]
            .iter_mut()
            .zip(&mut sums[1..=m])
            .zip(&mut text[1..=m]);
        for ((&i, &x), ((p, s), t)) in nb.iter().zip(c).zip(slots) {
            let x = x.clamp(-8.0, 8.0);
            *p = x;
            sum += x;
            *s = sum;
            if x > 0.0 {
                words += page.lines[i].shape.words;
                positive += 1;
            }
            *t = words;
        }
        let n = m.max(1) as f32;
        Sequence {
            m,
            padded,
            sums,
            text,
            mean: sum / n,
            positive: positive as f32 / n,
            total: words.max(1) as f32,
            lines: m as f32,
        }
    }

    /// The clamped log-odds of the `k`th line and two neighbours on each
    /// side ([`MISSING`] beyond the ends), in order.
    #[inline(always)]
    fn near(&self, k: usize) -> &[f32; 5] {
        self.padded[k..k + 5].try_into().expect("five log-odds")
    }

    /// The mean clamped log-odds of the `k`th line and `w` neighbours on
    /// each side.
    #[cfg(test)]
    fn window(&self, k: usize, w: usize) -> f32 {
        let m = self.m;
        let (lo, hi) = (k.saturating_sub(w), (k + w + 1).min(m));
        (self.sums[hi] - self.sums[lo]) / (hi - lo) as f32
    }

    /// The highest clamped log-odds among `lines` of the sequence
    /// ([`MISSING`] for none).
    #[cfg(test)]
    fn max(&self, lines: std::ops::Range<usize>) -> f32 {
        max_of(&self.padded[lines.start + 2..lines.end + 2])
    }

    /// The body model's features of the `k`th non-blank line, whose own
    /// (local) features are `local` and context features `ctx`'s.
    #[cfg(test)]
    pub(crate) fn features(
        &self,
        k: usize,
        local: &[f32; N_LOCAL],
        ctx: &Columns,
    ) -> [f32; N_BODY] {
        let mut out = [0.0; N_BODY];
        self.write_features(k, local, ctx, &mut out);
        out
    }

    /// Write the body model's features of the `k`th non-blank line, whose
    /// own (local) features are `local` and context features `ctx`'s, to
    /// `out`.
    #[cfg(test)]
    pub(crate) fn write_features(
        &self,
        k: usize,
        local: &[f32; N_LOCAL],
        ctx: &Columns,
        out: &mut [f32; N_BODY],
    ) {
        out[..N_LOCAL - 1].copy_from_slice(&local[1..]);
        self.write_context_and_sequence(k, ctx.line(k), out);
    }

    /// Write the body model's features of the `k`th non-blank line but
    /// its own (local) ones, which `out` holds already (written there by
    /// [`crate::features::write_unbiased_local`]): its context features,
    /// `ctx`, and its sequence features.
    ///
    /// The three arrays are sliced to the lengths [`Sequence::of`] gives
    /// them and `k` is checked against the number of lines once: every
    /// read below is then within bounds without a check of its own (the
    /// features are tested against those read one by one, each read
    /// checked, the windows and maxima by methods of their own).
    /// (Inlined: see [`body_log_odds`].)
    #[inline(always)]
    pub(crate) fn write_context_and_sequence(
        &self,
        k: usize,
        ctx: LineFeatures<'_>,
        out: &mut [f32; N_BODY],
    ) {
        let m = self.m;
        let (p, sums, text) = (&self.padded[..m + 4], &self.sums[..=m], &self.text[..=m]);
        assert!(k < m, "line {k} of {m}");
        let window = |w: usize| {
            let (lo, hi) = (k.saturating_sub(w), (k + w + 1).min(m));
            (sums[hi] - sums[lo]) / (hi - lo) as f32
        };
        let total = self.total;
        let (b, s) = out[N_LOCAL - 1..].split_at_mut(N_CONTEXT - 1);
        ctx.write_unbiased(b.try_into().expect("the context features"));
        let s: &mut [f32; N_SEQUENCE] = s.try_into().expect("the sequence features");
        *s = [
            p[k + 2],
            p[k + 1],
            p[k],
            p[k + 3],
            p[k + 4],
            window(4),
            window(10),
            max_of(&p[k.saturating_sub(5) + 2..k + 2]),
            max_of(&p[k + 3..(k + 6).min(m) + 2]),
            self.mean,
            self.positive,
            (text[k] - text[k.saturating_sub(NEAR)]) as f32 / total,
            (text[(k + 1 + NEAR).min(m)] - text[k + 1]) as f32 / total,
            k as f32 / self.lines,
        ];
    }
}

thread_local! {
    /// The arrays the thread's last [`Sequence`] held.
    static SPARE_SEQUENCE: std::cell::Cell<(Vec<f32>, Vec<f32>, Vec<u32>)> =
        const { std::cell::Cell::new((Vec::new(), Vec::new(), Vec::new())) };
}

impl Drop for Sequence {
    fn drop(&mut self) {
        let arrays = (
            std::mem::take(&mut self.padded),
            std::mem::take(&mut self.sums),
            std::mem::take(&mut self.text),
        );
        SPARE_SEQUENCE.set(arrays);
    }
}

/// The highest of the log-odds `w` ([`MISSING`] for none).
fn max_of(w: &[f32]) -> f32 {
    // Five lines (most): the same fold, unrolled.
    match <&[f32; 5]>::try_from(w) {
        Ok(five) => five.iter().fold(MISSING, |a, &b| a.max(b)),
        Err(_) => w.iter().fold(MISSING, |a, &b| a.max(b)),
    }
}

/// The context model's log-odds for every line of `page` (0 for blank
/// lines, whose indices `nb` leaves out), less
/// [`crate::tuning::RECURRING_WEIGHT`] times the share of the site's other
/// pages that hold the line: a line recurring on the site (from a site
/// profile) is chrome unless its context speaks clearly for it.
pub(crate) fn scores(
    page: &super::page::Page<'_>,
    nb: &[usize],
    local: &[f32],
    region: &Range<usize>,
) -> Vec<f32> {
    let (lines, ev) = (&page.lines, &page.evidence);
    let mut p = vec![0.0; lines.len()];
    body_walk(
        page,
        nb,
        local,
        region,
        crate::model::BODY_BAND,
        Score(&mut p),
    );
    for (p, e) in p.iter_mut().zip(ev) {
        *p -= crate::tuning::RECURRING_WEIGHT * e.recurring;
    }
    p
}

/// The context log-odds `c` of each non-blank line `nb[k]` and, where they
/// lie within `band` of zero, its body model features
/// ([`Sequence`]), given to `each(k, c, features)` in order. Outside
/// the band the context model is sure enough, and its log-odds are the
/// line's score; the body model is fitted on the lines within the band.
pub(crate) fn body_features(
    page: &super::page::Page<'_>,
    nb: &[usize],
    local: &[f32],
    region: &Range<usize>,
    band: f32,
    mut each: impl FnMut(usize, f32, Option<&[f32; crate::model::N_BODY]>),
) {
    body_walk(
        page,
        nb,
        local,
        region,
        band,
        |k, _, c, f: Walked<'_, '_>| {
            each(k, c, f.map(|(padded, _)| padded.features()));
        },
    );
}

/// [`body_features`] with the features written into the padded array the
/// forest walks ([`Padded`]): no copy of them per line. `each` is given
/// the line's index on the page (`nb[k]`) beside `k`, and where some of
/// the line's features lie ([`InPlace`]) beside the array.
///
/// Inlined into its callers, as is what [`scores`] does with each line
/// ([`Score`], the forest's walk): with a closure in its place, the
/// compiler kept the walk out of line whenever code elsewhere in the crate
/// changed, the features written to memory and cleared for every line
/// (measured: 7M to 8M more instructions over the dev corpus).
#[inline(always)]
fn body_walk(
    page: &super::page::Page<'_>,
    nb: &[usize],
    local: &[f32],
    region: &Range<usize>,
    band: f32,
    mut each: impl Visit,
) {
    let lines = &page.lines[..];
    // A line's evidence and paragraph beside it (one of each per line): of
    // one length, one check of each index.
    let (ev, runs) = (&page.evidence[..lines.len()], &page.runs[..lines.len()]);
    let (ctx, c) = super::context::columns_and_logits(page, nb, local, region);
    let seq = Sequence::of(page, nb, &c);
    let ln = crate::features::ln_table();
    for (k, (&i, &ck)) in nb.iter().zip(&c).enumerate() {
        if ck.abs() > band {
            each.visit(k, i, ck, None);
            continue;
        }
        // An array of the line's own: it never leaves the walk, so that in
        // [`scores`] (the forest inlined, [`body_log_odds`]) the compiler
        // keeps each feature the trees read in a register or a slot of its
        // own and drops the others, the array neither cleared nor written.
        let mut padded = body_padded();
        // A line alone in its paragraph (most lines) is its own shape.
        let run = runs[i].clone();
        let merged;
        let shape = if run.len() == 1 {
            &lines[run.start].shape
        } else {
            merged = crate::features::run_shape(lines, run);
            &merged
        };
        // The line's own features first, written in place, then the rest.
        let out = padded.features_mut();
        let local = (&mut out[..N_LOCAL - 1])
            .try_into()
            .expect("the local features");
        crate::features::write_unbiased_local(&lines[i], &ev[i], shape, ln, local);
        let line = ctx.line(k);
        seq.write_context_and_sequence(k, line, out);
        let at = InPlace {
            ctx: line,
            near: seq.near(k),
            mean: seq.mean,
            positive: seq.positive,
        };
        each.visit(k, i, ck, Some((&padded, at)));
    }
}

/// The features of a line within the band, as [`body_walk`] gives them:
/// the padded array and where some of them lie.
type Walked<'a, 'p> = Option<(&'a Padded<'p, N_BODY>, InPlace<'a>)>;

/// What [`body_walk`] does with each non-blank line: given its index `k`
/// among them, its index `i` on the page, its context log-odds `c` and,
/// within the band, its features `f`.
trait Visit {
    fn visit(&mut self, k: usize, i: usize, c: f32, f: Walked<'_, '_>);
}

impl<F: FnMut(usize, usize, f32, Walked<'_, '_>)> Visit for F {
    fn visit(&mut self, k: usize, i: usize, c: f32, f: Walked<'_, '_>) {
        self(k, i, c, f)
    }
}

/// The scores of [`scores`], line by line: the body model's log-odds
/// within the band, else the context model's.
struct Score<'p>(&'p mut [f32]);

impl Visit for Score<'_> {
    #[inline(always)]
    fn visit(&mut self, _: usize, i: usize, c: f32, f: Walked<'_, '_>) {
        self.0[i] = match f {
            Some((padded, at)) => body_log_odds(padded, at),
            None => c,
        };
    }
}

/// The body model's log-odds for the features last written to `padded`:
/// its trees compiled into branches ([`crate::forest::Forest::score_compiled`]),
/// or walked as laid out if the model has another count of trees.
///
/// Inlined into the body walk of [`scores`], as are the writes of the
/// features ([`Sequence::write_context_and_sequence`]): no call per line,
/// and the compiler sees the features written and read in one loop.
///
/// The trees read the line's context features and its neighbours'
/// log-odds where they lie, `at` ([`BodyFeatures`]): each a load where a
/// split compares it, where read from `padded` the compiler loaded them
/// all before the walk and kept most on the stack, a load and a store
/// each.
#[inline(always)]
fn body_log_odds(padded: &Padded<'_, N_BODY>, at: InPlace<'_>) -> f32 {
    let x = BodyFeatures {
        own: padded.features(),
        at,
    };
    crate::model::BODY
        .score_compiled(&x)
        .unwrap_or_else(|| padded.log_odds())
}

/// Where some of a line's body features lie, as
/// [`Sequence::write_context_and_sequence`] reads them: its context
/// features, the clamped log-odds of the line and its two neighbours on
/// each side, and the page's.
#[derive(Clone, Copy)]
struct InPlace<'x> {
    ctx: LineFeatures<'x>,
    /// `padded[k..k + 5]` of the `k`th line ([`Sequence::near`]).
    near: &'x [f32; 5],
    mean: f32,
    positive: f32,
}

/// A line's body features as [`body_log_odds`] reads them: those that lie
/// elsewhere ([`InPlace`]) read there, the others from `own`. Each equals
/// the one written to `own` (both read the same values: the features tool
/// and the outputs compare the two).
struct BodyFeatures<'x> {
    own: &'x [f32; N_BODY],
    at: InPlace<'x>,
}

impl crate::forest::Features<N_BODY> for BodyFeatures<'_> {
    #[inline(always)]
    fn feature(&self, j: usize) -> f32 {
        const CONTEXT: std::ops::Range<usize> = N_LOCAL - 1..N_LOCAL + N_CONTEXT - 2;
        const SEQUENCE: usize = N_BODY - N_SEQUENCE;
        let near = self.at.near;
        match j {
            _ if CONTEXT.contains(&j) => self.at.ctx.get(j - CONTEXT.start),
            // The order of [`SEQUENCE_FEATURES`]: ctx, prev, prev2, next, next2.
            _ if j == SEQUENCE => near[2],
            _ if j == SEQUENCE + 1 => near[1],
            _ if j == SEQUENCE + 2 => near[0],
            _ if j == SEQUENCE + 3 => near[3],
            _ if j == SEQUENCE + 4 => near[4],
            _ if j == SEQUENCE + 9 => self.at.mean,
            _ if j == SEQUENCE + 10 => self.at.positive,
            _ => self.own[j],
        }
    }
}

/// The body model's trees laid out for the walk, once per process.
static BODY_WALKS: std::sync::LazyLock<Walks> =
    std::sync::LazyLock::new(|| Walks::of(&crate::model::BODY));

/// A line's body features, padded for the walk of the body model's trees.
pub(crate) fn body_padded() -> Padded<'static, N_BODY> {
    Padded::new(&BODY_WALKS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::Strategy;

    /// The lines of a test page: up to 40, blank, menu, text or time lines.
    fn page_lines() -> impl Strategy<Value = Vec<&'static str>> {
        proptest::collection::vec(
            proptest::sample::select(vec!["", "Menu", "A sentence of some length here.", "12:30"]),
            0..40,
        )
    }

    /// A score for each line of a test page: beyond the clamp and of
    /// either sign, with both zeros.
    fn page_scores() -> impl Strategy<Value = Vec<f32>> {
        proptest::collection::vec(
            proptest::prop_oneof![
                -12.0f32..12.0,
                proptest::strategy::Just(0.0f32),
                proptest::strategy::Just(-0.0f32)
            ],
            40,
        )
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]
        /// The running sums written in place and the maxima of full
        /// windows read as arrays equal those pushed and folded line by
        /// line, bit for bit, on pages of every length with scores beyond
        /// the clamp and of either sign.
        #[test]
        fn sums_and_maxima_equal_the_naive_ones(
            lines in page_lines(),
            scores in page_scores(),
        ) {
            let input = lines.join("\n");
            let page = Page::of(&input, None);
            let nb = page.non_blank();
            let c = &scores[..nb.len()];
            let s = Sequence::of(&page, &nb, c);
            let clamped: Vec<f32> = c.iter().map(|x| x.clamp(-8.0, 8.0)).collect();
            let mut padded = vec![MISSING; 2];
            padded.extend(&clamped);
            padded.extend([MISSING; 2]);
            let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            let m = nb.len();
            proptest::prop_assert_eq!(bits(&s.padded[..m + 4]), bits(&padded));
            let (mut sum, mut words) = (0.0f32, 0u32);
            let (mut sums, mut text) = (vec![0.0f32], vec![0u32]);
            for (&i, &x) in nb.iter().zip(&clamped) {
                sum += x;
                sums.push(sum);
                if x > 0.0 {
                    words += page.lines[i].shape.words;
                }
                text.push(words);
            }
            proptest::prop_assert_eq!(bits(&s.sums[..=m]), bits(&sums));
            proptest::prop_assert_eq!(&s.text[..=m], &text[..]);
            for k in 0..m {
                for r in [k.saturating_sub(5)..k, k + 1..(k + 6).min(m)] {
                    let naive = clamped[r.clone()].iter().fold(MISSING, |a, &b| a.max(b));
                    proptest::prop_assert_eq!(s.max(r).to_bits(), naive.to_bits());
                }
            }
        }
    }

    /// The sequence features of the `k`th line read one by one, each read
    /// checked, as [`Sequence::write_features`] was first written.
    fn naive_sequence(s: &Sequence, k: usize) -> [f32; N_SEQUENCE] {
        let m = s.m;
        let p = &s.padded[..m + 4];
        let total = s.text[m].max(1) as f32;
        [
            p[k + 2],
            p[k + 1],
            p[k],
            p[k + 3],
            p[k + 4],
            s.window(k, 4),
            s.window(k, 10),
            s.max(k.saturating_sub(5)..k),
            s.max(k + 1..(k + 6).min(m)),
            s.mean,
            s.positive,
            (s.text[k] - s.text[k.saturating_sub(NEAR)]) as f32 / total,
            (s.text[(k + 1 + NEAR).min(m)] - s.text[k + 1]) as f32 / total,
            k as f32 / m as f32,
        ]
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]
        /// The features written equal the local and context features and
        /// the sequence features read one by one, bit for bit, for every
        /// line of pages of every length (windows cut by either end).
        #[test]
        fn written_features_equal_those_read_one_by_one(
            lines in page_lines(),
            scores in page_scores(),
            local in proptest::collection::vec(-5.0f32..5.0, N_LOCAL),
        ) {
            let input = lines.join("\n");
            let page = Page::of(&input, None);
            let nb = page.non_blank();
            let s = Sequence::of(&page, &nb, &scores[..nb.len()]);
            let local: [f32; N_LOCAL] = local.try_into().expect("N_LOCAL");
            let ctx = Columns::zeroed(nb.len());
            let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            for k in 0..nb.len() {
                let f = s.features(k, &local, &ctx);
                let mut unbiased = [0.0; N_CONTEXT - 1];
                ctx.write_unbiased(k, &mut unbiased);
                let want: Vec<f32> = local[1..]
                    .iter()
                    .chain(&unbiased)
                    .chain(&naive_sequence(&s, k))
                    .copied()
                    .collect();
                proptest::prop_assert_eq!(bits(&f), bits(&want), "line {}", k);
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]
        /// The features the trees read where they lie ([`BodyFeatures`])
        /// equal those written to the array, bit for bit, for every line
        /// of pages of every length and every region.
        #[test]
        fn features_read_in_place_equal_those_written(
            lines in page_lines(),
            start in 0usize..40,
            len in 0usize..40,
        ) {
            let input = lines.join("\n");
            let page = Page::of(&input, None);
            let nb = page.non_blank();
            let local: Vec<f32> = page.evidence.iter().map(|e| e.logit).collect();
            let mut checked = 0;
            body_walk(&page, &nb, &local, &(start..start + len), f32::INFINITY, |_, _, _, f: Walked<'_, '_>| {
                let (padded, at) = f.expect("every line within the band");
                let x = BodyFeatures { own: padded.features(), at };
                for j in 0..N_BODY {
                    use crate::forest::Features;
                    assert_eq!(x.feature(j).to_bits(), padded.features()[j].to_bits(), "feature {j}");
                }
                checked += 1;
            });
            proptest::prop_assert_eq!(checked, nb.len());
        }
    }

    #[test]
    fn names_match_the_fitted_model() {
        assert_eq!(body_feature_names(), crate::model::BODY_NAMES);
    }

    #[test]
    fn sequence_features_read_the_neighbours() {
        let input = "Menu\n\nA first sentence of the article that is long enough.\nSecond line here.\nThird line.";
        let page = Page::of(input, None);
        let nb = page.non_blank();
        assert_eq!(nb, vec![0, 2, 3, 4]);
        let c = [-2.0, 3.0, 20.0, -1.0];
        let s = Sequence::of(&page, &nb, &c);
        let f = s.features(1, &[0.0; N_LOCAL], &Columns::zeroed(4));
        let seq = &f[N_BODY - N_SEQUENCE..];
        // Own score, then two before (one missing), two after (one clamped).
        assert_eq!(&seq[..5], &[3.0, -2.0, MISSING, 8.0, -1.0]);
        // Windows over all four: (-2 + 3 + 8 - 1) / 4.
        assert_eq!(seq[5], 2.0);
        assert_eq!(seq[6], 2.0);
        assert_eq!(seq[7], -2.0);
        assert_eq!(seq[8], 8.0);
        assert_eq!(seq[9], 2.0);
        assert_eq!(seq[10], 0.5);
        // Positive text: line 2 (11 words) before none, after: line 3 (3 words).
        let words = |i: usize| page.lines[i].shape.words as f32;
        let total = words(2) + words(3);
        assert_eq!(seq[11], 0.0);
        assert_eq!(seq[12], words(3) / total);
        assert_eq!(seq[13], 0.25);
    }
}
