//! Step 4 of the pass, context: what a line's neighbourhood and the main
//! region say about it, for the second linear model.

use crate::features::Evidence;
use crate::lines::{Line, WordKeys};
use std::ops::Range;

pub(crate) use crate::model::N_CONTEXT;

/// The names of the context features, in the order
/// [`Neighbourhood::columns`] writes them: `tools/fit.py` writes them into
/// [`crate::model`] with the weights, and a test checks that the two lists
/// agree.
pub(crate) const CONTEXT_FEATURES: [&str; N_CONTEXT] = [
    "bias",
    "logit",
    "logit_prev",
    "logit_next",
    "logit_prev2",
    "logit_next2",
    "window_mean",
    "in_region",
    "region_distance",
    "blank_before",
    "blank_after",
    "list_item",
    "heading_shaped",
    "heading_before_text",
    "position",
    "log_words_vs_region",
    "logit_pos",
    "logit_neg",
    "logit_in_region",
    "after_comments",
    "region_share",
    "stamp_density",
    "cue_density",
    "cohesion",
    "cohesion_in_region",
    "wrapped",
    "wrapped_log_words",
    "wrapped_terminal",
    "periodicity",
];

/// Non-blank neighbours looked at on each side for the window mean.
const WINDOW: usize = 4;

/// The context features of every line (all zeros for blank lines).
///
/// `scores` are the lines' current log-odds (the local model's in the first
/// round, the context model's in the second).
pub(crate) fn context_features(
    lines: &[Line<'_>],
    ev: &[Evidence],
    scores: &[f32],
    region: &Range<usize>,
) -> Vec<[f32; N_CONTEXT]> {
    let mut out = vec![[0.0; N_CONTEXT]; lines.len()];
    let words = WordKeys::of(lines, |_| None);
    let runs = crate::lines::wrapped_runs(lines);
    let nb: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_blank()).collect();
    let cols = Neighbourhood::of(lines, ev, &nb, scores, region, &words, &runs)
        .columns()
        .into_blocks();
    for (k, &i) in nb.iter().enumerate() {
        out[i] = cols.row(k);
    }
    out
}

/// Step 4 for the non-blank lines `nb` of `page`: their context features
/// (a column per feature) and the context model's log-odds of each, read
/// through the local log-odds `local` and the main region.
pub(super) fn columns_and_logits(
    page: &super::page::Page<'_>,
    nb: &[usize],
    local: &[f32],
    region: &Range<usize>,
) -> (Columns, Vec<f32>) {
    let (lines, ev) = (&page.lines, &page.evidence);
    let mut context = Neighbourhood::of(lines, ev, nb, local, region, &page.words, &page.runs);
    let ctx = context.columns();
    let c = logits(&ctx);
    (ctx.into_blocks(), c)
}

/// The context model's log-odds for the features `f`: the oracle
/// [`logits`] is tested against.
#[cfg(test)]
fn context_logit(f: &[f32; N_CONTEXT]) -> f32 {
    crate::model::dot(&crate::model::CONTEXT, f)
}

/// What the context features read about the whole page, computed once.
struct Neighbourhood<'p, 'a> {
    lines: &'p [Line<'a>],
    ev: &'p [Evidence],
    /// Indices of the non-blank lines.
    nb: &'p [usize],
    /// The arrays written for the page ([`Scratch`]), of which the first
    /// entries ([`Scratch::for_lines`]) are this page's.
    scratch: Scratch,
    /// The mean log word count of the region's non-blank lines (`None` for
    /// an empty region), and their share of the non-blank lines.
    region_lw: Option<f32>,
    region_share: f32,
    /// Positions of the region's first and last non-blank lines in `nb`.
    r_first: Option<usize>,
    r_last: Option<usize>,
    /// The first line of the comment section.
    comments: usize,
    /// The main region and the lines' word keys, for cohesion.
    region: &'p Range<usize>,
    words: &'p WordKeys,
    runs: &'p [Range<usize>],
}

/// The arrays [`Neighbourhood`] writes for a page, kept for the thread's
/// next page: each is grown only past the longest page so far, and a
/// page's entries are all written before they are read, so that no page
/// allocates or clears them.
struct Scratch {
    /// The clamped log-odds of the non-blank lines, after two -4.0 (the
    /// log-odds of a missing neighbour) and before two more: the `k`th
    /// line's is `lg[k + 2]`.
    lg: Vec<f32>,
    /// Running counts of stamps and cue lines ([`Counts`]).
    stamps: Vec<u32>,
    cues: Vec<u32>,
    /// The lines' shapes ([`shape_class`]), then the four ends
    /// [`period_shares`] reads past the last line.
    class: Vec<u8>,
    /// `ln(1 + words)` of each non-blank line.
    log_words: Vec<f32>,
    /// The running matches of [`period_shares`], and the matches they
    /// count ([`running_matches`]).
    same: Vec<u32>,
    matches: Vec<u8>,
}

thread_local! {
    /// The arrays the thread's last [`Neighbourhood`] held.
    static SCRATCH: std::cell::Cell<Scratch> = const { std::cell::Cell::new(Scratch::EMPTY) };
}

impl Default for Scratch {
    fn default() -> Scratch {
        Scratch::EMPTY
    }
}

impl Scratch {
    const EMPTY: Scratch = Scratch {
        lg: Vec::new(),
        stamps: Vec::new(),
        cues: Vec::new(),
        class: Vec::new(),
        log_words: Vec::new(),
        same: Vec::new(),
        matches: Vec::new(),
    };

    /// The thread's arrays, long enough for `n` non-blank lines.
    fn for_lines(n: usize) -> Scratch {
        fn grow<T: Copy + Default>(v: &mut Vec<T>, len: usize) {
            if v.len() < len {
                v.resize(len, T::default());
            }
        }
        let mut s = SCRATCH.take();
        grow(&mut s.lg, n + 4);
        grow(&mut s.stamps, n + 1);
        grow(&mut s.cues, n + 1);
        grow(&mut s.class, n + 4);
        grow(&mut s.log_words, n);
        grow(&mut s.same, 4 * (n + 1));
        grow(&mut s.matches, 4 * n);
        s
    }
}

impl Drop for Neighbourhood<'_, '_> {
    fn drop(&mut self) {
        SCRATCH.set(std::mem::take(&mut self.scratch));
    }
}

/// The distance from the region (in non-blank lines) at which a line
/// counts as far from it.
const FAR: usize = 20;

/// The log-odds of a neighbour beyond the first or last non-blank line.
const MISSING_LOGIT: f32 = -4.0;

impl<'p, 'a> Neighbourhood<'p, 'a> {
    /// The neighbourhood of the non-blank lines `nb` of `lines`.
    fn of(
        lines: &'p [Line<'a>],
        ev: &'p [Evidence],
        nb: &'p [usize],
        scores: &'p [f32],
        region: &'p Range<usize>,
        words: &'p WordKeys,
        runs: &'p [Range<usize>],
    ) -> Self {
        let n = nb.len();
        let mut scratch = Scratch::for_lines(n);
        let Scratch {
            lg,
            stamps,
            cues,
            class,
            log_words: lw,
            ..
        } = &mut scratch;
        // Written in place (no push per line): the clamped log-odds after
        // and before two missing ones, the running counts after a 0, the
        // shapes before four that match none.
        let lg = &mut lg[..n + 4];
        [lg[0], lg[1], lg[n + 2], lg[n + 3]] = [MISSING_LOGIT; 4];
        let (stamps, cues) = (&mut stamps[..=n], &mut cues[..=n]);
        [stamps[0], cues[0]] = [0, 0];
        let class = &mut class[..n + 4];
        class[n..].copy_from_slice(&PAST_THE_END);
        let lw = &mut lw[..n];
        let (mut stamp_count, mut cue_count) = (0u32, 0u32);
        // The table of `ln_1p`, taken once for all lines.
        let ln = crate::features::ln_table();
        // A line's evidence and log-odds beside it (one of each per line,
        // from the same page): of one length, one check of each index.
        let (ev_of, scores) = (&ev[..lines.len()], &scores[..lines.len()]);
        let slots = lg[2..n + 2]
            .iter_mut()
            .zip(&mut stamps[1..])
            .zip(&mut cues[1..])
            .zip(&mut class[..n])
            .zip(&mut *lw);
        for (&i, ((((lg, stamps), cues), class), lw)) in nb.iter().zip(slots) {
            let (l, e) = (&lines[i], &ev_of[i]);
            debug_assert!(!l.is_blank());
            *lg = scores[i].clamp(-8.0, 8.0);
            *lw = ln.ln_1p(l.shape.words);
            let stamp = crate::features::is_stamp(e);
            stamp_count += u32::from(stamp);
            cue_count += u32::from(e.own.cue.is_some());
            *stamps = stamp_count;
            *cues = cue_count;
            *class = shape_class(l, stamp);
        }
        // The region is a run of lines: its non-blank ones are a run of
        // `nb`, from its first to its last.
        let r_start = nb.partition_point(|&i| i < region.start);
        let r_end = r_start + nb[r_start..].partition_point(|&i| i < region.end);
        let (r_first, r_last) = match r_end.checked_sub(1) {
            Some(z) if r_start < r_end => (Some(r_start), Some(z)),
            _ => (None, None),
        };
        let region_lw = match (r_first, r_last) {
            (Some(a), Some(z)) => &lw[a..=z],
            _ => &[],
        };
        Neighbourhood {
            region_share: region_lw.len() as f32 / nb.len().max(1) as f32,
            region_lw: (!region_lw.is_empty())
                .then(|| region_lw.iter().sum::<f32>() / region_lw.len() as f32),
            r_first,
            r_last,
            comments: super::region::comment_zone_start(lines, ev),
            region,
            words,
            runs,
            nb,
            scratch,
            lines,
            ev,
        }
    }

    /// The clamped log-odds, after two missing ones and before two more
    /// ([`Scratch::lg`]).
    fn lg(&self) -> &[f32] {
        &self.scratch.lg[..self.nb.len() + 4]
    }

    /// The mean log-odds of the `k`th non-blank line and its [`WINDOW`]
    /// neighbours on each side. ([`Neighbourhood::window_means`] computes
    /// it for the lines near either end, whose windows the ends cut: no
    /// test for a full window, which they never have.)
    #[inline(always)]
    fn window_mean(&self, k: usize) -> f32 {
        let lo = k.saturating_sub(WINDOW);
        let hi = (k + WINDOW + 1).min(self.nb.len());
        self.lg()[lo + 2..hi + 2].iter().sum::<f32>() / (hi - lo) as f32
    }

    /// [`Neighbourhood::window_mean`] of every non-blank line, written to
    /// `out`: the full windows (most) as nine runs of log-odds added side
    /// by side, in the same order (which the compiler turns into vector
    /// code).
    fn window_means(&self, out: &mut [f32]) {
        let n = self.nb.len();
        // Lines `k` with `WINDOW <= k` and `k + WINDOW < n` have a full window.
        let (start, end) = match (WINDOW, n.saturating_sub(WINDOW)) {
            (a, z) if a < z => (a, z),
            _ => (n, n),
        };
        let len = end - start;
        if len > 0 {
            // The `k`th line's window is `lg[k - WINDOW + 2..k + WINDOW + 3]`.
            let lg = self.lg();
            let at = |j: usize| &lg[start - WINDOW + 2 + j..][..len];
            let (w0, w1, w2, w3, w4) = (at(0), at(1), at(2), at(3), at(4));
            let (w5, w6, w7, w8) = (at(5), at(6), at(7), at(8));
            const FULL: f32 = (2 * WINDOW + 1) as f32;
            for (t, o) in out[start..end].iter_mut().enumerate() {
                // `Sum` starts at -0.0, which leaves the first term as is.
                *o = (w0[t] + w1[t] + w2[t] + w3[t] + w4[t] + w5[t] + w6[t] + w7[t] + w8[t]) / FULL;
            }
        }
        // The lines near either end, each end in a loop of its own.
        for (k, o) in out[..start].iter_mut().enumerate() {
            *o = self.window_mean(k);
        }
        for (k, o) in (end..).zip(&mut out[end..n]) {
            *o = self.window_mean(k);
        }
    }

    /// How far (in non-blank lines, up to [`FAR`]) each non-blank line
    /// lies from the region, over [`FAR`], written to `out`: 0 within it,
    /// 1 for a line [`FAR`] or more lines away (and for all when there is
    /// no region), only the nearer lines on each side computed.
    fn distances(&self, out: &mut [f32]) {
        let (Some(a), Some(z)) = (self.r_first, self.r_last) else {
            out.fill(1.0);
            return;
        };
        let (before, rest) = out.split_at_mut(a);
        let (inside, after) = rest.split_at_mut(z + 1 - a);
        // `before[k]` lies `a - k` lines before the region.
        let near = (a + 1).saturating_sub(FAR);
        before[..near].fill(1.0);
        for (k, d) in before.iter_mut().enumerate().skip(near) {
            *d = ((a - k) as f32).min(FAR as f32) / FAR as f32;
        }
        inside.fill(0.0);
        // `after[t]` lies `t + 1` lines after it.
        let near = after.len().min(FAR - 1);
        for (t, d) in after[..near].iter_mut().enumerate() {
            *d = ((t + 1) as f32).min(FAR as f32) / FAR as f32;
        }
        after[near..].fill(1.0);
    }

    /// The line opens with a non-alphanumeric char (a bullet, a dash) that
    /// a neighbour opens with too: an item of a list. (Most lines open with
    /// an ASCII letter or digit, tested here.)
    #[inline(always)]
    fn listed(&self, k: usize, i: usize) -> bool {
        let text = self.lines[i].text;
        !text
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_alphanumeric)
            && self.listed_by_neighbours(k, text)
    }

    /// [`Neighbourhood::listed`] for the `k`th non-blank line, of `text`,
    /// which does not open with an ASCII letter or digit: its first char's
    /// bytes compared with the neighbours' first bytes, and whether it is
    /// alphanumeric (a lookup in Unicode's tables) asked only when a
    /// neighbour opens with it.
    ///
    /// The first char's bytes are taken as they lie in `text` (as many as
    /// its first byte says), not decoded and encoded again; an empty text
    /// opens with a space, as for `unwrap_or(' ')`.
    #[inline(never)]
    fn listed_by_neighbours(&self, k: usize, text: &str) -> bool {
        let lines = self.lines;
        let first_bytes: &[u8] = match text.as_bytes() {
            [] => b" ",
            all @ [b, ..] => &all[..utf8_width(*b)],
        };
        let same_first = |j: Option<&usize>| {
            j.is_some_and(|&j| {
                let t = lines[j].text.as_bytes();
                t.len() >= first_bytes.len() && t.iter().zip(first_bytes).all(|(a, b)| a == b)
            })
        };
        (same_first(k.checked_sub(1).and_then(|k| self.nb.get(k)))
            || same_first(self.nb.get(k + 1)))
            && !text.chars().next().is_some_and(opens_item_alphanumeric)
    }

    /// The cohesion of every non-blank line ([`write_cohesion`]), written to
    /// `out`.
    fn cohesion(&self, out: &mut [f32]) {
        write_cohesion(self.ev, self.nb, self.region, self.words, out);
    }

    /// The context features of every non-blank line, feature by feature:
    /// the features that read only the sequence of non-blank lines (the
    /// log-odds around, windows, densities) each in a loop of its own,
    /// which the compiler turns into vector code, and those that read the
    /// line itself in one loop over the lines.
    fn columns(&mut self) -> Columns {
        let n = self.nb.len();
        let mut out = Columns::new(n);
        if n == 0 {
            return out;
        }
        let stride = out.stride;
        let mut it = out.data[..N_CONTEXT * stride].chunks_exact_mut(stride);
        let cols: [&mut [f32]; N_CONTEXT] =
            std::array::from_fn(|_| &mut it.next().expect("a column")[..n]);
        let [bias, logit, prev, next, prev2, next2, window, in_region, distance, blank_before, blank_after, listed, heading, heading_text, position, lw_region, pos, neg, logit_in_region, after_comments, share, stamps, cues, cohesion, cohesion_in_region, wrapped, wrapped_lw, wrapped_terminal, periodic] =
            cols;
        bias.fill(1.0);
        let lg = self.lg();
        logit.copy_from_slice(&lg[2..n + 2]);
        prev.copy_from_slice(&lg[1..n + 1]);
        next.copy_from_slice(&lg[3..n + 3]);
        prev2.copy_from_slice(&lg[..n]);
        next2.copy_from_slice(&lg[4..n + 4]);
        self.window_means(window);
        // The region's non-blank lines are a run of them.
        in_region.fill(0.0);
        if let (Some(a), Some(z)) = (self.r_first, self.r_last) {
            in_region[a..=z].fill(1.0);
        }
        self.distances(distance);
        for ((&l, p), g) in logit.iter().zip(pos).zip(neg) {
            *p = l.max(0.0);
            *g = l.min(0.0);
        }
        for ((l, r), o) in logit.iter().zip(&*in_region).zip(logit_in_region) {
            *o = r * l;
        }
        share.fill(self.region_share);
        Counts::of_slice(&self.scratch.stamps[..=n]).densities(stamps);
        Counts::of_slice(&self.scratch.cues[..=n]).densities(cues);
        let Scratch {
            class,
            same,
            matches,
            ..
        } = &mut self.scratch;
        period_shares(
            &class[..n + 4],
            &mut matches[..4 * n],
            &mut same[..4 * (n + 1)],
            periodic,
        );
        self.cohesion(cohesion);
        for ((o, &c), &r) in cohesion_in_region
            .iter_mut()
            .zip(&*cohesion)
            .zip(&*in_region)
        {
            *o = c * r;
        }
        self.line_columns(LineColumns {
            blank_before,
            blank_after,
            listed,
            heading,
            heading_text,
            position,
            lw_region,
            after_comments,
            wrapped,
            wrapped_lw,
            wrapped_terminal,
            next: &*next,
        });
        out
    }

    /// The features that read the line itself (its text, evidence, index
    /// and neighbours' indices): a few at a time, each loop over the
    /// non-blank lines writing few columns (so that their ends stay in
    /// registers).
    fn line_columns(&self, c: LineColumns<'_>) {
        let m = self.nb.len();
        // Each as long as `nb`, so that the stores below need no checks.
        self.gap_columns(
            &mut c.blank_before[..m],
            &mut c.blank_after[..m],
            &mut c.position[..m],
            &mut c.after_comments[..m],
        );
        self.shape_columns(
            &mut c.listed[..m],
            &mut c.heading[..m],
            &mut c.heading_text[..m],
            &c.next[..m],
        );
        self.run_columns(
            &mut c.wrapped[..m],
            &mut c.wrapped_lw[..m],
            &mut c.wrapped_terminal[..m],
        );
        let lw = &self.scratch.log_words[..m];
        let lw_region = &mut c.lw_region[..m];
        match self.region_lw {
            Some(r) => {
                for (o, &w) in lw_region.iter_mut().zip(lw) {
                    *o = w - r;
                }
            }
            None => lw_region.fill(0.0),
        }
    }

    /// Whether a blank line lies before and after each non-blank line, its
    /// position on the page and whether it follows the comment section's
    /// head: read off the lines' indices alone.
    fn gap_columns(
        &self,
        blank_before: &mut [f32],
        blank_after: &mut [f32],
        position: &mut [f32],
        after_comments: &mut [f32],
    ) {
        let (nb, n) = (self.nb, self.lines.len());
        let b = |x: bool| if x { 1.0 } else { 0.0 };
        let (Some(&first), Some(&last)) = (nb.first(), nb.last()) else {
            return;
        };
        // The line before is blank unless it is the previous non-blank one,
        // the line after unless it is the next.
        blank_before[0] = b(first > 0);
        for ((o, &p), &i) in blank_before[1..].iter_mut().zip(nb).zip(&nb[1..]) {
            *o = b(p + 1 != i);
        }
        for ((o, &i), &j) in blank_after.iter_mut().zip(nb).zip(&nb[1..]) {
            *o = b(j != i + 1);
        }
        blank_after[nb.len() - 1] = b(last + 1 < n);
        let outs = position.iter_mut().zip(after_comments).zip(nb);
        match (i32::try_from(n), i32::try_from(self.comments)) {
            // Indices below 2^31 (every page that fits in memory) as `i32`:
            // the same floats and comparisons, which the compiler turns
            // into vector code (for unsigned 64-bit numbers it has none).
            (Ok(_), Ok(comments)) => {
                for ((p, a), &i) in outs {
                    let i = i as i32;
                    *p = i as f32 / n as f32;
                    *a = b(i > comments);
                }
            }
            _ => {
                for ((p, a), &i) in outs {
                    *p = i as f32 / n as f32;
                    *a = b(i > self.comments);
                }
            }
        }
    }

    /// Whether each non-blank line is an item of a list, shaped like a
    /// heading, and a heading before text (`next`: the next line's
    /// log-odds): a loop for each of the two that read the line, each
    /// with few values to keep (not inlined: the loops then have the
    /// registers to themselves), and the third from the second's column
    /// (which the compiler turns into vector code).
    #[inline(never)]
    fn shape_columns(
        &self,
        listed: &mut [f32],
        heading: &mut [f32],
        heading_text: &mut [f32],
        next: &[f32],
    ) {
        // Of one length (a line's evidence beside it): one check of each
        // index.
        let (lines, ev) = (self.lines, &self.ev[..self.lines.len()]);
        let b = |x: bool| if x { 1.0 } else { 0.0 };
        for (h, &i) in heading.iter_mut().zip(self.nb) {
            *h = b(crate::tuning::heading_shaped(&lines[i], &ev[i]));
        }
        // `h` is 1 or 0: `b(shaped && next > 1.0)`.
        for ((t, &h), &next) in heading_text.iter_mut().zip(&*heading).zip(next) {
            *t = if next > 1.0 { h } else { 0.0 };
        }
        for (k, (l, &i)) in listed.iter_mut().zip(self.nb).enumerate() {
            *l = b(self.listed(k, i));
        }
    }

    /// Whether each non-blank line is wrapped (a paragraph of several
    /// lines), its paragraph's `ln(1 + words)` if so, and whether that
    /// ends a sentence: all 0 (few lines are wrapped), then the wrapped
    /// lines' written. (Not inlined: the loop then has the registers to
    /// itself.)
    #[inline(never)]
    fn run_columns(&self, wrapped: &mut [f32], wrapped_lw: &mut [f32], terminal: &mut [f32]) {
        let b = |x: bool| if x { 1.0 } else { 0.0 };
        let ln = crate::features::ln_table();
        wrapped.fill(0.0);
        wrapped_lw.fill(0.0);
        terminal.fill(0.0);
        for (k, &i) in self.nb.iter().enumerate() {
            // `len() > 1`, in fewer steps.
            let run = &self.runs[i];
            if run.end > run.start.saturating_add(1) {
                let e = &self.ev[i];
                wrapped[k] = 1.0;
                wrapped_lw[k] = ln.ln_1p(e.run_words);
                terminal[k] = b(e.run_terminal);
            }
        }
    }
}

/// `c.is_alphanumeric()`, with the marks that open most list items
/// (bullets, dashes and quotation marks of General Punctuation, the
/// squares, triangles and circles of Geometric Shapes, the middle dot)
/// answered without a lookup in Unicode's tables: none of them is a letter
/// or a digit (tested for every char of those blocks).
#[inline(always)]
fn opens_item_alphanumeric(c: char) -> bool {
    match c {
        '\u{B7}' | '\u{2000}'..='\u{206F}' | '\u{25A0}'..='\u{25FF}' => false,
        _ => c.is_alphanumeric(),
    }
}

/// The length in bytes of the UTF-8 char whose first byte is `b` (of a
/// `str`, so a valid first byte).
#[inline(always)]
fn utf8_width(b: u8) -> usize {
    match b {
        0x00..=0x7F => 1,
        0x80..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// The columns [`Neighbourhood::line_columns`] writes, and the one it reads
/// (the next line's log-odds).
struct LineColumns<'c> {
    blank_before: &'c mut [f32],
    blank_after: &'c mut [f32],
    listed: &'c mut [f32],
    heading: &'c mut [f32],
    heading_text: &'c mut [f32],
    position: &'c mut [f32],
    lw_region: &'c mut [f32],
    after_comments: &'c mut [f32],
    wrapped: &'c mut [f32],
    wrapped_lw: &'c mut [f32],
    wrapped_terminal: &'c mut [f32],
    next: &'c [f32],
}

/// The context features of the non-blank lines, feature by feature, in
/// blocks of [`BLOCK`] lines: the `j`th feature ([`CONTEXT_FEATURES`]) of
/// the `k`th line is `data[(k / BLOCK) * N_CONTEXT * STRIDE + j * STRIDE +
/// k % BLOCK]`. A page of up to [`BLOCK`] lines (most pages) is one block,
/// whose columns [`Neighbourhood::columns`] writes in place; a longer
/// page's are written side by side, `n` apart (`stride`), then copied
/// into blocks ([`Columns::into_blocks`]).
///
/// In a block, the features of a line lie at fixed offsets from its first:
/// the body walk reads each with one load ([`Columns::line`]),
/// not an offset computed from the page's length.
pub(crate) struct Columns {
    n: usize,
    /// The distance between two columns: [`STRIDE`] in blocks, `n` for a
    /// longer page's columns side by side.
    stride: usize,
    data: Vec<f32>,
}

/// The lines of a block of [`Columns`].
const BLOCK: usize = 1024;

/// The distance between two columns of a block of [`Columns`]: not a power
/// of two, so that the features of one line lie in cache sets of their
/// own, not all in one.
const STRIDE: usize = BLOCK + 16;

/// The entries of one block of [`Columns`].
const BLOCK_SPAN: usize = N_CONTEXT * STRIDE;

/// The fewest features [`Columns`] makes room for: a block, in 128 KiB.
const COLUMNS_MIN: usize = 1 << 15;

thread_local! {
    /// The array [`Columns`] last held, kept for the thread's next page.
    static SPARE_COLUMNS: std::cell::Cell<Vec<f32>> = const { std::cell::Cell::new(Vec::new()) };
}

impl Columns {
    /// Room for the features of `n` lines, in the array an earlier page
    /// left ([`Neighbourhood::columns`] writes every entry before it is
    /// read: nothing need be cleared), laid out for the columns' writers:
    /// one block, or columns side by side.
    fn new(n: usize) -> Columns {
        let mut data = SPARE_COLUMNS.take();
        let stride = if n <= BLOCK { STRIDE } else { n };
        // Made anew only past the longest page so far: no clearing per
        // page. A new array, not the old one grown: nothing in it is kept,
        // so nothing need be copied; and it holds [`COLUMNS_MIN`] at
        // least, which the allocator maps afresh, zeroed (no clearing).
        if data.len() < N_CONTEXT * stride {
            data = vec![0.0; (N_CONTEXT * stride).max(COLUMNS_MIN)];
        }
        Columns { n, stride, data }
    }

    /// Features of `n` lines, all zero.
    #[cfg(test)]
    pub(crate) fn zeroed(n: usize) -> Columns {
        Columns {
            n,
            stride: STRIDE,
            data: vec![0.0; n.div_ceil(BLOCK).max(1) * BLOCK_SPAN],
        }
    }

    /// The columns' entries, each `stride` from the next, as
    /// [`Neighbourhood::columns`] writes them and [`logits`] reads them:
    /// the page's one block, or a longer page's columns side by side.
    fn side_by_side(&self) -> (&[f32], usize) {
        debug_assert!(self.n <= BLOCK || self.stride == self.n);
        (&self.data[..N_CONTEXT * self.stride], self.stride)
    }

    /// The same features in blocks: a longer page's columns copied, block
    /// by block, into a new array (made for each such page, which is rare:
    /// then kept for the next page as any).
    fn into_blocks(mut self) -> Columns {
        if self.stride == STRIDE {
            return self;
        }
        let n = self.n;
        let mut blocks = vec![0.0; n.div_ceil(BLOCK) * BLOCK_SPAN];
        for (j, column) in self.data.chunks_exact(n).take(N_CONTEXT).enumerate() {
            for (b, part) in column.chunks(BLOCK).enumerate() {
                let at = b * BLOCK_SPAN + j * STRIDE;
                blocks[at..at + part.len()].copy_from_slice(part);
            }
        }
        self.data = blocks;
        self.stride = STRIDE;
        self
    }

    /// The features of the `k`th line.
    pub(crate) fn row(&self, k: usize) -> [f32; N_CONTEXT] {
        assert!(k < self.n && self.stride == STRIDE);
        let first = (k / BLOCK) * BLOCK_SPAN + k % BLOCK;
        std::array::from_fn(|j| self.data[first + j * STRIDE])
    }

    /// The features of the `k`th line but its bias, written to `out`, as
    /// the body walk reads them ([`Columns::line`]; tested against
    /// [`Columns::row`]).
    #[cfg(test)]
    pub(crate) fn write_unbiased(&self, k: usize, out: &mut [f32; N_CONTEXT - 1]) {
        self.line(k).write_unbiased(out);
    }

    /// The features of the `k`th line but its bias, where they lie: one
    /// bounds check for the line, then each feature at its fixed offset
    /// ([`LineFeatures::get`]).
    #[inline(always)]
    pub(crate) fn line(&self, k: usize) -> LineFeatures<'_> {
        debug_assert!(k < self.n && self.stride == STRIDE);
        let first = (k / BLOCK) * BLOCK_SPAN + k % BLOCK + STRIDE;
        LineFeatures {
            line: self.data[first..][..LINE_SPAN]
                .try_into()
                .expect("the line's features"),
        }
    }
}

/// The entries from a line's first feature but its bias to its last.
const LINE_SPAN: usize = (N_CONTEXT - 2) * STRIDE + 1;

/// The context features of one line but its bias, in [`Columns`]
/// ([`Columns::line`]).
#[derive(Clone, Copy)]
pub(crate) struct LineFeatures<'c> {
    line: &'c [f32; LINE_SPAN],
}

impl LineFeatures<'_> {
    /// The `j`th feature but the bias (the `j + 1`th feature): a load at
    /// a fixed offset, no check.
    #[inline(always)]
    pub(crate) fn get(self, j: usize) -> f32 {
        self.line[j * STRIDE]
    }

    /// All of them, written to `out`.
    #[inline(always)]
    pub(crate) fn write_unbiased(self, out: &mut [f32; N_CONTEXT - 1]) {
        for (j, o) in out.iter_mut().enumerate() {
            *o = self.get(j);
        }
    }
}

impl Drop for Columns {
    fn drop(&mut self) {
        SPARE_COLUMNS.set(std::mem::take(&mut self.data));
    }
}

/// Lines whose log-odds [`logits`] sums side by side while they last:
/// the sums of 32 lines take eight of the sixteen vector registers, which
/// leaves the weight and the line's features room.
const LOGIT_BLOCK: usize = 32;

/// The context model's log-odds of every line of `cols`: each line's
/// products summed feature by feature in the order of the weights, as
/// `model::dot`, the tests' oracle, sums them (tested bit for bit). The
/// lines go by blocks of [`LOGIT_BLOCK`] ([`block_logits`]), whose sums
/// stay in registers from the first feature to the last (which the
/// compiler turns into vector code: each weight is read once for the
/// block's lines); then one block each of 16, 8 and 4 as the lines left
/// fill them, and the last few lines one at a time.
fn logits(cols: &Columns) -> Vec<f32> {
    let n = cols.n;
    // Each log-odds written once, as it comes (no array cleared first).
    let mut out = Vec::with_capacity(n);
    if n == 0 {
        return out;
    }
    let (data, stride) = cols.side_by_side();
    let mut start = 0;
    while start + LOGIT_BLOCK <= n {
        out.extend_from_slice(&block_logits::<LOGIT_BLOCK>(data, stride, start));
        start += LOGIT_BLOCK;
    }
    macro_rules! smaller_block {
        ($b:literal) => {
            if start + $b <= n {
                out.extend_from_slice(&block_logits::<$b>(data, stride, start));
                start += $b;
            }
        };
    }
    smaller_block!(16);
    smaller_block!(8);
    smaller_block!(4);
    let weights = &crate::model::CONTEXT;
    out.extend((start..n).map(|k| {
        data.chunks_exact(stride)
            .zip(weights)
            .fold(-0.0, |a, (column, &w)| a + w * column[k])
    }));
    out
}

/// The log-odds of the `B` lines from `start` of the columns `data` (of
/// `n` lines each), for [`logits`]: their sums side by side, feature by
/// feature.
#[inline(always)]
fn block_logits<const B: usize>(data: &[f32], stride: usize, start: usize) -> [f32; B] {
    // `Sum` of floats starts at -0.0, which leaves the first product as is.
    let mut acc = [-0.0f32; B];
    for (column, &w) in data.chunks_exact(stride).zip(&crate::model::CONTEXT) {
        let x = &column[start..start + B];
        for (a, &x) in acc.iter_mut().zip(x) {
            *a += w * x;
        }
    }
    acc
}

/// `ln(1 + words)` of a line.
#[cfg(test)]
fn log_words(l: &Line<'_>) -> f32 {
    crate::features::ln_1p(l.shape.words)
}

/// A count within a window of lines (a few dozen at most) as `f32`,
/// through `i32`: the same float for such a count, converted in one vector
/// instruction where an unsigned count takes several.
#[inline(always)]
fn small_count(c: u32) -> f32 {
    debug_assert!(i32::try_from(c).is_ok());
    c as i32 as f32
}

/// Non-blank neighbours on each side looked at for densities.
const DENSITY_WINDOW: usize = 6;

/// Running counts of a property over the non-blank lines: `at[k]` is how
/// many of the first `k` hold it. A window's count is then two lookups.
struct Counts<'c> {
    at: &'c [u32],
}

/// The running counts of the property `f` over the non-blank lines `nb`
/// (for [`Counts`]).
#[cfg(test)]
fn running_counts(nb: &[usize], f: impl Fn(usize) -> bool) -> Vec<u32> {
    let mut at = Vec::with_capacity(nb.len() + 1);
    let mut c = 0u32;
    at.push(0);
    for &i in nb {
        c += u32::from(f(i));
        at.push(c);
    }
    at
}

impl<'c> Counts<'c> {
    /// The counts `at` (`at[k]` for the first `k` lines, from `at[0] = 0`).
    fn of_slice(at: &'c [u32]) -> Counts<'c> {
        Counts { at }
    }

    /// How many of the non-blank lines `range` hold the property.
    #[inline(always)]
    fn within(&self, range: std::ops::Range<usize>) -> u32 {
        self.at[range.end] - self.at[range.start]
    }

    /// [`Counts::density`] of every non-blank line, written to `out`: the
    /// full windows (most) from four runs of counts side by side (which
    /// the compiler turns into vector code).
    fn densities(&self, out: &mut [f32]) {
        const W: usize = DENSITY_WINDOW;
        let n = self.at.len() - 1;
        // Lines `k` with `W <= k` and `k + W < n` have a full window.
        let (start, end) = match (W, n.saturating_sub(W)) {
            (a, z) if a < z => (a, z),
            _ => (n, n),
        };
        let len = end - start;
        if len > 0 {
            let at = |j: usize| &self.at[start - W + j..][..len];
            let (lo, hi, own_lo, own_hi) = (at(0), at(2 * W + 1), at(W), at(W + 1));
            for (t, o) in out[start..end].iter_mut().enumerate() {
                let hits = hi[t] - lo[t] - (own_hi[t] - own_lo[t]);
                *o = small_count(hits) / (2 * W) as f32;
            }
        }
        // The lines near either end, each end in a loop of its own.
        for (k, o) in out[..start].iter_mut().enumerate() {
            *o = self.density(k);
        }
        for (k, o) in (end..).zip(&mut out[end..n]) {
            *o = self.density(k);
        }
    }

    /// The share of the non-blank neighbours of `nb[k]` (not itself) within
    /// [`DENSITY_WINDOW`] that hold the property.
    ///
    /// ([`Counts::densities`] computes it for the lines near either end,
    /// whose windows the ends cut: no test for a full window, which they
    /// never have.)
    #[inline(always)]
    fn density(&self, k: usize) -> f32 {
        const W: usize = DENSITY_WINDOW;
        let lo = k.saturating_sub(W);
        let hi = (k + W + 1).min(self.at.len() - 1);
        let hits = self.within(lo..hi) - self.within(k..k + 1);
        hits as f32 / (2 * W) as f32
    }
}

/// [`write_cohesion`] for every line (0 for blank lines).
#[cfg(test)]
fn cohesion(
    lines: &[Line<'_>],
    ev: &[Evidence],
    nb: &[usize],
    region: &Range<usize>,
    keys: &WordKeys,
) -> Vec<f32> {
    let mut of_nb = vec![f32::NAN; nb.len()];
    write_cohesion(ev, nb, region, keys, &mut of_nb);
    let mut out = vec![0.0; lines.len()];
    for (&i, c) in nb.iter().zip(of_nb) {
        out[i] = c;
    }
    out
}

/// For every non-blank line `nb[k]`, written to `out[k]`: the share of its
/// content words (four or more bytes, lowercased) that also occur in
/// *other* confident lines of the main region (0 for a line without
/// any): article paragraphs share their topic's words, teasers of other
/// articles and site chrome do not.
fn write_cohesion(
    ev: &[Evidence],
    nb: &[usize],
    region: &Range<usize>,
    keys: &WordKeys,
    out: &mut [f32],
) {
    // Blank lines have no words; the region's non-blank lines are a run of
    // `nb`, between those before and after it. Core lines lie in it.
    let (before, rest) = nb.split_at(nb.partition_point(|&i| i < region.start));
    let (in_region, after) = rest.split_at(rest.partition_point(|&i| i < region.end));
    let out = &mut out[..nb.len()];
    KEYS.with_borrow_mut(|(table, shared)| {
        // Each region line's count of shared keys, from 0, or [`NOT_CORE`]:
        // whether a line is core read once, here, with its keys counted.
        shared.clear();
        let mut in_core = 0usize;
        shared.extend(in_region.iter().map(|&i| {
            if ev[i].logit > 0.0 {
                in_core += keys.get(i).len();
                0
            } else {
                NOT_CORE
            }
        }));
        if in_core == 0 {
            // No word to share.
            out.fill(0.0);
            return;
        }
        // A core line's count is at most its keys, all below NOT_CORE.
        assert!(in_core < NOT_CORE as usize);
        let (out_before, rest) = out.split_at_mut(before.len());
        let (out_in, out_after) = rest.split_at_mut(in_region.len());
        table.reset(in_core);
        table.add_lines(keys, in_region, shared);
        table.write_region_shares(keys, in_region, shared, out_in);
        table.write_present_shares(keys, before, out_before);
        table.write_present_shares(keys, after, out_after);
    });
}

/// The count [`write_cohesion`] starts a region line that is not core at
/// (no core line's count reaches it): its keys are not added to the
/// table, and its share is read off the table.
const NOT_CORE: u32 = u32::MAX;

thread_local! {
    /// The table [`write_cohesion`] holds the core keys in and the region
    /// lines' counts of shared keys, kept for the thread's next page.
    static KEYS: std::cell::RefCell<(KeyTable, Vec<u32>)> =
        std::cell::RefCell::new((KeyTable::new(), Vec::new()));
}

/// The owner of a slot whose key has occurred more than once.
const SHARED: u32 = u32::MAX;

/// Word keys (never 0) in an open-addressing table, at most a quarter full
/// ([`KeyTable::reset`]), each with the line that holds it alone
/// ([`SHARED`] once a second occurrence is met). Keys are hashes already; a per-process seed mixed
/// in keeps crafted input from piling them into one run of slots. The
/// table is reused from page to page: a slot written for an earlier page
/// has an older generation and counts as empty, so emptying the table
/// costs nothing. A slot's key, owner and generation lie in three arrays
/// side by side: one index finds each without the arithmetic of a wider
/// slot.
///
/// An occurrence of a key is shared when the key occurs more than once in
/// all: the owner lets [`KeyTable::add_line`] count that as the keys come
/// (the first occurrence when the second comes, the later ones as they
/// come), with no second pass over the keys for their final counts.
///
/// `add_line` takes about twice the share of the time that it takes of
/// the instructions (a key is new about as often as met again: a branch
/// often mispredicted; its first slot often out of the first-level
/// cache). Measured and dropped (callgrind on one.jsonl, perf shares on
/// four.jsonl): probes with no branch on new or met (conditional moves,
/// the owner's count added 0 or 1) took 10.4M -> 27.3M instructions and
/// more time; slots of sixteen bytes (the key, then generation and owner
/// in one word) missed the first-level cache 2.6 times less often but
/// took 3.7M more instructions and no less time; a first loop loading
/// each key's slot before the inserts took 6.0M more and more time;
/// `add_line` inlined into `add_lines` took 0.27M more. A lookup with one
/// branch per probe ([`KeyTable::count_present`]) took 3.3M more
/// instructions for 72k fewer mispredicted branches: `write_present_shares`
/// about 0.2% of the time less, no net gain.
struct KeyTable {
    keys: Vec<u64>,
    owners: Vec<u32>,
    generations: Vec<u32>,
    mask: usize,
    seed: u64,
    generation: u32,
}

/// The fewest slots [`KeyTable`] holds once used: enough for the keys of
/// all but the longest pages, in arrays of 128 KiB or more (each array is
/// then mapped afresh, zeroed, by the allocator).
const KEY_TABLE_SLOTS: usize = 1 << 15;

/// The first slot to probe for `key`.
fn slot_of(key: u64, seed: u64, mask: usize) -> usize {
    let h = (key ^ seed).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (h >> 32) as usize & mask
}

impl KeyTable {
    fn new() -> KeyTable {
        KeyTable {
            keys: Vec::new(),
            owners: Vec::new(),
            generations: Vec::new(),
            mask: 0,
            seed: crate::keys::key_seed(),
            generation: 0,
        }
    }

    /// Empty the table for up to `n` keys. The arrays are first made for
    /// [`KEY_TABLE_SLOTS`] slots at least, whatever the first page needs:
    /// arrays that large come zeroed from the system (no clearing of them
    /// in the process, where growing them page by page from a few slots
    /// cleared each new array).
    ///
    /// The table holds four slots or more per key: most probes, above all
    /// those for the keys of lines outside the region, which are mostly
    /// absent, then end at their first slot. Each further probe is a branch
    /// the processor mispredicts about as often as not; half full, those
    /// cost more time than the larger table's cache misses (measured:
    /// `write_present_shares` about a fifth less time, 0.6M fewer
    /// instructions over the dev corpus). With eight slots per key the
    /// probes took fewer instructions still, but `add_line` more time (its
    /// first touches of the slots missing the cache more often).
    fn reset(&mut self, n: usize) {
        let size = (4 * n).next_power_of_two().max(16);
        if size > self.keys.len() {
            let slots = size.max(KEY_TABLE_SLOTS);
            self.keys = vec![0; slots];
            self.owners = vec![0; slots];
            self.generations = vec![0; slots];
            self.generation = 0;
        }
        self.generation = self.generation.wrapping_add(1);
        if self.generation == 0 {
            self.generations.fill(0);
            self.generation = 1;
        }
        self.mask = size - 1;
    }

    /// Add `keys`, those of the `line`th line: a key met for the first
    /// time is owned by `line`; a key met again adds one to `shared` of
    /// its owner (the first time only, when no line owns it alone any
    /// more) and one to the count returned, `line`'s own (which the caller
    /// adds to `shared[line]`). (Not inlined: the loop then has the
    /// registers to itself.)
    #[inline(never)]
    fn add_line(&mut self, keys: &[u64], line: u32, shared: &mut [u32]) -> u32 {
        debug_assert!(line != SHARED);
        let (mask, seed, generation) = (self.mask, self.seed, self.generation);
        let slot_keys = &mut self.keys[..=mask];
        let owners = &mut self.owners[..=mask];
        let generations = &mut self.generations[..=mask];
        let mut again = 0;
        for &key in keys {
            debug_assert!(key != 0);
            let mut i = slot_of(key, seed, mask);
            loop {
                if generations[i] != generation {
                    generations[i] = generation;
                    slot_keys[i] = key;
                    owners[i] = line;
                    break;
                }
                if slot_keys[i] == key {
                    again += 1;
                    let owner = owners[i];
                    if owner != SHARED {
                        shared[owner as usize] += 1;
                        owners[i] = SHARED;
                    }
                    break;
                }
                i = (i + 1) & mask;
            }
        }
        again
    }

    /// Add the keys of the lines `lines` that are core
    /// ([`KeyTable::add_line`] for each), counting in `shared` (as long
    /// as `lines`: 0 for a core line, [`NOT_CORE`] for another, which
    /// stays so) how many of each core line's key occurrences are shared.
    #[inline(never)]
    fn add_lines(&mut self, keys: &WordKeys, lines: &[usize], shared: &mut [u32]) {
        assert!(lines.len() == shared.len() && lines.len() < SHARED as usize);
        for (t, &i) in lines.iter().enumerate() {
            if shared[t] != NOT_CORE {
                let again = self.add_line(keys.get(i), t as u32, shared);
                shared[t] += again;
            }
        }
    }

    /// For each of the region's lines `lines`, the share of its `keys` that
    /// other core lines hold too (0 for none), written to `out` (as long as
    /// `lines`): for a line that is core, its count of shared
    /// occurrences (`shared`, [`KeyTable::add_lines`]) over its keys, else
    /// (a count of [`NOT_CORE`]) the share the table holds.
    #[inline(never)]
    fn write_region_shares(
        &self,
        keys: &WordKeys,
        lines: &[usize],
        shared: &[u32],
        out: &mut [f32],
    ) {
        for ((&i, o), &s) in lines.iter().zip(out).zip(shared) {
            let ws = keys.get(i);
            if ws.is_empty() {
                *o = 0.0;
                continue;
            }
            let shared = if s != NOT_CORE {
                s as usize
            } else {
                self.count_present(ws)
            };
            *o = shared as f32 / ws.len() as f32;
        }
    }

    /// For each of the lines `lines`, the share of its `keys` the table
    /// holds (0 for none), written to `out` (as long as `lines`):
    /// [`KeyTable::count_present`] for many lines in one call.
    #[inline(never)]
    fn write_present_shares(&self, keys: &WordKeys, lines: &[usize], out: &mut [f32]) {
        for (&i, o) in lines.iter().zip(out) {
            let ws = keys.get(i);
            *o = if ws.is_empty() {
                0.0
            } else {
                self.count_present(ws) as f32 / ws.len() as f32
            };
        }
    }

    /// How many of `keys` the table holds.
    #[cfg(test)]
    fn present(&self, keys: &[u64]) -> usize {
        self.count_present(keys)
    }

    /// How many of `keys` the table holds (inlined into its callers).
    #[inline(always)]
    fn count_present(&self, keys: &[u64]) -> usize {
        let (mask, seed, generation) = (self.mask, self.seed, self.generation);
        let slot_keys = &self.keys[..=mask];
        let generations = &self.generations[..=mask];
        let mut n = 0;
        for &key in keys {
            let mut i = slot_of(key, seed, mask);
            while generations[i] == generation {
                if slot_keys[i] == key {
                    n += 1;
                    break;
                }
                i = (i + 1) & mask;
            }
        }
        n
    }
}

/// Non-blank lines on each side looked at for periodicity.
const PERIOD_WINDOW: usize = 8;

/// How strongly the neighbourhood of each non-blank line repeats a pattern of
/// two to four different line shapes (headline, teaser, time; name, comment,
/// date): lists of items do, running text (one shape after another) does
/// not. For `nb[k]`, the best share of positions `j` in the window whose
/// shape equals that of `j + q` for a period `q` of 2 to 4, less the share
/// for period 1.
#[cfg(test)]
fn periodicity(lines: &[Line<'_>], ev: &[Evidence], nb: &[usize]) -> Vec<f32> {
    let class: Vec<u8> = nb
        .iter()
        .map(|&i| shape_class(&lines[i], crate::features::is_stamp(&ev[i])))
        .collect();
    period_shares_of(&class)
}

/// The shape [`period_shares`] compares: a stamp (time, count, date, near
/// copy), a short line, a long line without and one with an end mark.
fn shape_class(l: &Line<'_>, stamp: bool) -> u8 {
    let s = &l.shape;
    if stamp {
        0
    } else if s.words < 8 {
        1
    } else if !s.terminal {
        2
    } else {
        3
    }
}

/// The classes [`period_shares`] reads past the last line: four that match
/// no class nor each other, so that a line near the end has no match
/// beyond it.
const PAST_THE_END: [u8; 4] = [4, 5, 6, 7];

/// [`period_shares`] of the classes `class`, in arrays of its own.
#[cfg(test)]
fn period_shares_of(class: &[u8]) -> Vec<f32> {
    let m = class.len();
    let padded: Vec<u8> = class.iter().copied().chain(PAST_THE_END).collect();
    // Filled with what no count or share is: every entry is written.
    let mut same = vec![u32::MAX; 4 * (m + 1)];
    let mut out = vec![f32::NAN; m];
    period_shares(&padded, &mut vec![0; 4 * m], &mut same, &mut out);
    out
}

/// For each line of `padded` (the lines' classes, then [`PAST_THE_END`]),
/// written to `out`: the best share of matching pairs at a period of 2 to
/// 4 less the share at period 1 (the `periodicity` context feature), from
/// running counts (written to `same`, four per line and four more, through
/// `matches`, four per line): linear in the number of lines.
fn period_shares(padded: &[u8], matches: &mut [u8], same: &mut [u32], out: &mut [f32]) {
    const W: usize = PERIOD_WINDOW;
    let m = padded.len() - 4;
    assert!(same.len() == 4 * (m + 1) && out.len() == m);
    running_matches(padded, matches, same);
    let mut periods = same.chunks_exact(m + 1);
    let same: [&[u32]; 4] = std::array::from_fn(|_| periods.next().expect("four periods"));
    // The share at period q of the window of lines lo..hi.
    let share = |q: usize, lo: usize, hi: usize| {
        if hi - lo <= q {
            return 0.0;
        }
        (same[q - 1][hi - q] - same[q - 1][lo]) as f32 / (hi - lo - q) as f32
    };
    // Lines with a full window on both sides, between those near an end:
    // for `k = W + t`, the window is `t..t + 2W + 1`, its counts read off
    // slices side by side (the compiler makes vector code of it).
    let start = W.min(m);
    let full = m.saturating_sub(W).max(start) - start;
    // (No full window, no slice: `min` keeps the bounds within the counts.)
    let at = |q: usize| {
        let v = same[q - 1];
        (&v[..full], &v[(2 * W + 1 - q).min(m)..][..full])
    };
    let ((lo1, hi1), (lo2, hi2), (lo3, hi3), (lo4, hi4)) = (at(1), at(2), at(3), at(4));
    let len = |q: usize| (2 * W + 1 - q) as f32;
    for (t, o) in out[start..start + full].iter_mut().enumerate() {
        *o = period_share([
            small_count(hi1[t] - lo1[t]) / len(1),
            small_count(hi2[t] - lo2[t]) / len(2),
            small_count(hi3[t] - lo3[t]) / len(3),
            small_count(hi4[t] - lo4[t]) / len(4),
        ]);
    }
    for k in (0..start).chain(start + full..m) {
        let (lo, hi) = (k.saturating_sub(W), (k + W + 1).min(m));
        let s = |q: usize| share(q, lo, hi);
        out[k] = period_share([s(1), s(2), s(3), s(4)]);
    }
}

/// For each period q of 1 to 4, running counts of the lines `j` of
/// `padded` (the lines' classes, then [`PAST_THE_END`]) whose class
/// equals that of `j + q`, written to `same` one after the other: the
/// `k`th of the `q - 1`th counts those below `k`.
///
/// The matches are first written to `matches` (as long as the lines, for
/// each period) by a loop per period that the compiler turns into vector
/// code (sixteen lines a step); the loop that counts them then adds four
/// bytes a line, where comparing the classes there took four compares
/// and four flags.
fn running_matches(padded: &[u8], matches: &mut [u8], same: &mut [u32]) {
    let m = padded.len() - 4;
    let (m1, rest) = matches.split_at_mut(m);
    let (m2, rest) = rest.split_at_mut(m);
    let (m3, m4) = rest.split_at_mut(m);
    for (q, mq) in [m1, m2, m3, &mut m4[..m]].into_iter().enumerate() {
        let later = &padded[q + 1..q + 1 + m];
        for ((e, &a), &b) in mq.iter_mut().zip(&padded[..m]).zip(later) {
            *e = u8::from(a == b);
        }
    }
    let (m1, rest) = matches.split_at(m);
    let (m2, rest) = rest.split_at(m);
    let (m3, m4) = rest.split_at(m);
    let (s1, rest) = same.split_at_mut(m + 1);
    let (s2, rest) = rest.split_at_mut(m + 1);
    let (s3, s4) = rest.split_at_mut(m + 1);
    [s1[0], s2[0], s3[0], s4[0]] = [0; 4];
    let slots = s1[1..]
        .iter_mut()
        .zip(&mut s2[1..])
        .zip(&mut s3[1..])
        .zip(&mut s4[1..]);
    let found = m1.iter().zip(m2).zip(m3).zip(&m4[..m]);
    let mut c = [0u32; 4];
    for ((((&e1, &e2), &e3), &e4), (((s1, s2), s3), s4)) in found.zip(slots) {
        c[0] += u32::from(e1);
        c[1] += u32::from(e2);
        c[2] += u32::from(e3);
        c[3] += u32::from(e4);
        [*s1, *s2, *s3, *s4] = c;
    }
}

/// The period share of one window from its shares at periods 1 to 4.
#[inline(always)]
fn period_share(s: [f32; 4]) -> f32 {
    // Shares are never NaN nor -0.0: comparisons pick what `f32::max` does.
    let mut best = 0.0f32;
    for &s in &s[1..] {
        if s > best {
            best = s;
        }
    }
    let d = best - s[0];
    if d > 0.0 {
        d
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::gather;
    use crate::lines::split_lines;

    // Indices into a line's context features.
    const BIAS: usize = 0;
    const PREV_LOGIT: usize = 2;
    const IN_REGION: usize = 7;
    const DISTANCE: usize = 8;
    const BLANK_BEFORE: usize = 9;
    const LIST: usize = 11;
    const HEADING: usize = 12;
    const HEADING_BEFORE_TEXT: usize = 13;
    const AFTER_COMMENTS: usize = 19;
    const COHESION: usize = 23;

    /// The marks answered without Unicode's tables are none of them a
    /// letter or a digit, and every other char is asked as it is: the
    /// fast path gives `is_alphanumeric` for every char.
    #[test]
    fn item_marks_are_not_alphanumeric() {
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            assert_eq!(opens_item_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    /// The width of a char read off its first byte is its UTF-8 length.
    #[test]
    fn utf8_width_of_every_char() {
        let mut bytes = [0u8; 4];
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let first = c.encode_utf8(&mut bytes).as_bytes()[0];
            assert_eq!(utf8_width(first), c.len_utf8(), "{c:?}");
        }
    }

    /// The lines, their evidence, the region and the context features, as
    /// the pass computes them in balanced mode.
    struct Ctx<'a> {
        lines: Vec<Line<'a>>,
        ev: Vec<Evidence>,
        region: Range<usize>,
        f: Vec<[f32; N_CONTEXT]>,
    }

    fn ctx(input: &str) -> Ctx<'_> {
        let lines = split_lines(input);
        let ev = gather(&lines);
        let local: Vec<f32> = ev.iter().map(|e| e.logit).collect();
        let region = crate::pipeline::region::main_region(&lines, &ev, &local);
        let f = context_features(&lines, &ev, &local, &region);
        Ctx {
            lines,
            ev,
            region,
            f,
        }
    }

    impl Ctx<'_> {
        fn at(&self, text: &str) -> usize {
            self.lines
                .iter()
                .position(|l| l.text == text)
                .unwrap_or_else(|| panic!("no line {text:?}"))
        }

        fn get(&self, text: &str, feature: usize) -> f32 {
            self.f[self.at(text)][feature]
        }

        fn non_blank(&self) -> Vec<usize> {
            (0..self.lines.len())
                .filter(|&i| !self.lines[i].is_blank())
                .collect()
        }
    }

    const L1: &str = "Der Gemeinderat hat am Dienstag beschlossen, die alte Turnhalle neben der Grundschule abzureißen und an ihrer Stelle eine neue Halle zu bauen, die auch den Vereinen offenstehen soll. Die Entscheidung fiel nach einer langen Debatte mit vierzehn zu sieben Stimmen, nachdem ein Gutachten gezeigt hatte, dass eine Sanierung kaum billiger wäre.";
    const L2: &str = "Die Kosten von rund sechs Millionen Euro sollen zur Hälfte aus Mitteln des Landes kommen, den Rest muss die Gemeinde aus eigenen Rücklagen aufbringen. Der Kämmerer warnte in der Sitzung, dass dafür andere Vorhaben, etwa die Erneuerung der Straßenbeleuchtung, um mindestens ein Jahr verschoben werden müssten.";
    const COMMENT: &str = "Endlich wird die Halle ersetzt, unsere Kinder haben lange genug in einem Gebäude geturnt, in dem es durch das Dach geregnet hat.";

    #[test]
    fn region_position_and_comment_section_features() {
        let input = format!(
            "Startseite\nPolitik\nSport\n\n{L1}\n\nHintergrund\n\n{L2}\n\n• Baubeginn im Frühjahr\n• Fertigstellung in zwei Jahren\n\nKommentare\n\n{COMMENT}\n"
        );
        let c = ctx(&input);
        assert!(c.region.contains(&c.at(L1)) && c.region.contains(&c.at(L2)));
        for (i, f) in c.f.iter().enumerate() {
            if c.lines[i].is_blank() {
                assert!(f.iter().all(|&x| x == 0.0), "blank line {i}: {f:?}");
            } else {
                assert_eq!(f[BIAS], 1.0);
                assert_eq!(f[IN_REGION] == 1.0, c.region.contains(&i), "line {i}");
                assert_eq!(f[DISTANCE] == 0.0, c.region.contains(&i), "line {i}");
            }
        }
        // The first line has no neighbour above: it reads as strong chrome there.
        assert_eq!(c.get("Startseite", PREV_LOGIT), -4.0);
        // The further from the region, the larger the distance.
        assert!(c.get("Startseite", DISTANCE) > c.get("Sport", DISTANCE));
        assert!(c.get(COMMENT, DISTANCE) > c.get("Kommentare", DISTANCE));
        // Only lines after the comment-section head are in the comment section.
        assert_eq!(c.get(COMMENT, AFTER_COMMENTS), 1.0);
        for text in ["Kommentare", L2, "Hintergrund", "Startseite"] {
            assert_eq!(c.get(text, AFTER_COMMENTS), 0.0, "{text:?}");
        }
    }

    #[test]
    fn heading_and_list_shapes() {
        let input = format!(
            "Lokales\n\n– Ein einzelner Gedanke\n\n{L1}\n\nHintergrund\n\n{L2}\n\n• Baubeginn im Frühjahr\n• Fertigstellung in zwei Jahren\n\nKommentare\n"
        );
        let c = ctx(&input);
        // A short unpunctuated line before a paragraph is shaped like a heading.
        assert_eq!(c.get("Hintergrund", HEADING), 1.0);
        assert_eq!(c.get("Hintergrund", HEADING_BEFORE_TEXT), 1.0);
        assert_eq!(c.get("Hintergrund", BLANK_BEFORE), 1.0);
        // Before a weak line it introduces no text.
        assert_eq!(c.get("Lokales", HEADING), 1.0);
        assert_eq!(c.get("Lokales", HEADING_BEFORE_TEXT), 0.0);
        // A sentence or a cue line is not.
        assert_eq!(c.get(L1, HEADING), 0.0);
        assert_eq!(c.get("Kommentare", HEADING), 0.0);
        // Neighbouring lines with the same bullet form a list; a lone bullet does not.
        assert_eq!(c.get("• Baubeginn im Frühjahr", LIST), 1.0);
        assert_eq!(c.get("• Fertigstellung in zwei Jahren", LIST), 1.0);
        assert_eq!(c.get("– Ein einzelner Gedanke", LIST), 0.0);
        assert_eq!(c.get("Hintergrund", LIST), 0.0);
    }

    #[test]
    fn density_is_the_share_of_neighbours_within_six_lines() {
        // Non-blank lines at even indices; every second one is a hit.
        let nb: Vec<usize> = (0..30).map(|i| 2 * i).collect();
        let density = |k: usize, f: &dyn Fn(usize) -> bool| {
            Counts::of_slice(&running_counts(&nb, f)).density(k)
        };
        let every_second = |j: usize| j % 4 == 0;
        assert_eq!(density(15, &every_second), 0.5);
        // The line itself never counts ...
        assert_eq!(density(15, &|j| j == nb[15]), 0.0);
        // ... its sixth neighbour on either side does, the seventh does not.
        assert_eq!(density(15, &|j| j == nb[21]), 1.0 / 12.0);
        assert_eq!(density(15, &|j| j == nb[9]), 1.0 / 12.0);
        assert_eq!(density(15, &|j| j == nb[22] || j == nb[8]), 0.0);
        // At the edge only one side exists: at most half the window is filled.
        assert_eq!(density(0, &|_| true), 0.5);
        assert_eq!(density(29, &|_| true), 0.5);
    }

    /// The density as a count over the window, line by line.
    fn naive_density(nb: &[usize], k: usize, f: impl Fn(usize) -> bool) -> f32 {
        let lo = k.saturating_sub(DENSITY_WINDOW);
        let hi = (k + DENSITY_WINDOW + 1).min(nb.len());
        let hits = (lo..hi).filter(|&j| j != k && f(nb[j])).count();
        hits as f32 / (2 * DENSITY_WINDOW) as f32
    }

    /// The period shares as counts over each window, pair by pair.
    fn naive_period_shares(class: &[u8]) -> Vec<f32> {
        let m = class.len();
        (0..m)
            .map(|k| {
                let lo = k.saturating_sub(PERIOD_WINDOW);
                let hi = (k + PERIOD_WINDOW + 1).min(m);
                let share = |q: usize| {
                    if hi < lo + q + 1 {
                        return 0.0;
                    }
                    let same = (lo..hi - q).filter(|&j| class[j] == class[j + q]).count();
                    same as f32 / (hi - lo - q) as f32
                };
                let best = (2..=4).map(share).fold(0.0f32, f32::max);
                (best - share(1)).max(0.0)
            })
            .collect()
    }

    /// Cohesion counted in a map, line by line.
    fn naive_cohesion(
        lines: &[Line<'_>],
        ev: &[Evidence],
        region: &Range<usize>,
        keys: &WordKeys,
    ) -> Vec<f32> {
        let core = |i: usize| region.contains(&i) && ev[i].logit > 0.0;
        let mut counts = std::collections::HashMap::new();
        for i in (0..lines.len()).filter(|&i| core(i)) {
            for &w in keys.get(i) {
                *counts.entry(w).or_insert(0u32) += 1;
            }
        }
        (0..lines.len())
            .map(|i| {
                let ws = keys.get(i);
                if ws.is_empty() {
                    return 0.0;
                }
                let own = u32::from(core(i));
                let shared = ws
                    .iter()
                    .filter(|&&w| counts.get(&w).copied().unwrap_or(0) > own)
                    .count();
                shared as f32 / ws.len() as f32
            })
            .collect()
    }

    /// A page of `words` (indices into a small vocabulary, 0 ends a line),
    /// with the local logits replaced by `logits`.
    fn random_page(words: &[usize], logits: &[f32]) -> (String, Vec<f32>) {
        const VOCAB: [&str; 9] = [
            "\n", "haus", "stadt", "markt", "brücke", "schule", "am", "der", "rathaus",
        ];
        let text: String = words
            .iter()
            .map(|&w| {
                if w == 0 {
                    "\n".to_string()
                } else {
                    format!("{} ", VOCAB[w])
                }
            })
            .collect();
        (text, logits.to_vec())
    }

    /// The context features as first written: each read from the lines
    /// around, with the oracles above for cohesion, densities and
    /// periodicity.
    fn naive_context_features(
        lines: &[Line<'_>],
        ev: &[Evidence],
        scores: &[f32],
        region: &Range<usize>,
    ) -> Vec<[f32; N_CONTEXT]> {
        let n = lines.len();
        let words = WordKeys::of(lines, |_| None);
        let runs = crate::lines::wrapped_runs(lines);
        let nb: Vec<usize> = (0..n).filter(|&i| !lines[i].is_blank()).collect();
        let region_nb: Vec<usize> = nb.iter().copied().filter(|i| region.contains(i)).collect();
        let region_lw = (!region_nb.is_empty()).then(|| {
            region_nb.iter().map(|&i| log_words(&lines[i])).sum::<f32>() / region_nb.len() as f32
        });
        let region_share = region_nb.len() as f32 / nb.len().max(1) as f32;
        let r_first = nb.iter().position(|i| region.contains(i));
        let r_last = nb.iter().rposition(|i| region.contains(i));
        let comments = crate::pipeline::region::comment_zone_start(lines, ev);
        let cohesion = naive_cohesion(lines, ev, region, &words);
        let class: Vec<u8> = nb
            .iter()
            .map(|&i| {
                let s = &lines[i].shape;
                if crate::features::is_stamp(&ev[i]) {
                    0
                } else if s.words < 8 {
                    1
                } else if !s.terminal {
                    2
                } else {
                    3
                }
            })
            .collect();
        let periodic = naive_period_shares(&class);
        let logit = |i: usize| scores[i].clamp(-8.0, 8.0);
        let at = |k: usize, off: isize| {
            let j = k as isize + off;
            (j >= 0 && (j as usize) < nb.len()).then(|| nb[j as usize])
        };
        let mut out = vec![[0.0; N_CONTEXT]; n];
        for (k, &i) in nb.iter().enumerate() {
            let l_at = |off: isize| at(k, off).map_or(-4.0, logit);
            let in_region = region.contains(&i);
            let heading = crate::tuning::heading_shaped(&lines[i], &ev[i]);
            let wrapped = runs[i].len() > 1;
            let b = |x: bool| if x { 1.0 } else { 0.0 };
            let l = logit(i);
            let window_mean = {
                let lo = k.saturating_sub(WINDOW);
                let hi = (k + WINDOW + 1).min(nb.len());
                nb[lo..hi].iter().map(|&j| logit(j)).sum::<f32>() / (hi - lo) as f32
            };
            let distance = match (r_first, r_last) {
                (Some(a), _) if k < a => (a - k) as f32,
                (_, Some(z)) if k > z => (k - z) as f32,
                (Some(_), Some(_)) => 0.0,
                _ => 20.0,
            };
            let listed = {
                let first = lines[i].text.chars().next().unwrap_or(' ');
                let same_first =
                    |off: isize| at(k, off).is_some_and(|j| lines[j].text.starts_with(first));
                !first.is_alphanumeric() && (same_first(-1) || same_first(1))
            };
            out[i] = [
                1.0,
                l,
                l_at(-1),
                l_at(1),
                l_at(-2),
                l_at(2),
                window_mean,
                b(in_region),
                distance.min(20.0) / 20.0,
                b(i > 0 && lines[i - 1].is_blank()),
                b(i + 1 < n && lines[i + 1].is_blank()),
                b(listed),
                b(heading),
                b(heading && l_at(1) > 1.0),
                i as f32 / n as f32,
                region_lw.map_or(0.0, |r| log_words(&lines[i]) - r),
                l.max(0.0),
                l.min(0.0),
                b(in_region) * l,
                b(i > comments),
                region_share,
                naive_density(&nb, k, |j| crate::features::is_stamp(&ev[j])),
                naive_density(&nb, k, |j| ev[j].own.cue.is_some()),
                cohesion[i],
                cohesion[i] * b(in_region),
                b(wrapped),
                crate::features::ln_1p(ev[i].run_words) * b(wrapped),
                b(wrapped && ev[i].run_terminal),
                periodic[k],
            ];
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]
        #[test]
        fn the_key_table_counts_shared_keys_as_a_map_does(
            lines in proptest::collection::vec(proptest::collection::vec(1u64..40, 0..8), 0..40),
        ) {
            // Three uses of one table: each counts only its own keys.
            let mut table = KeyTable::new();
            for round in 0..3u64 {
                let lines: Vec<Vec<u64>> =
                    lines.iter().map(|l| l.iter().map(|k| k + round).collect()).collect();
                let all_keys: Vec<u64> = lines.iter().flatten().copied().collect();
                table.reset(all_keys.len());
                let mut shared = vec![0u32; lines.len()];
                for (t, l) in lines.iter().enumerate() {
                    let again = table.add_line(l, t as u32, &mut shared);
                    shared[t] += again;
                }
                let mut map = std::collections::HashMap::new();
                for &k in &all_keys {
                    *map.entry(k).or_insert(0u32) += 1;
                }
                let count = |k: u64| map.get(&k).copied().unwrap_or(0);
                // Each line's occurrences of keys that occur more than once.
                for (l, &s) in lines.iter().zip(&shared) {
                    let want = l.iter().filter(|&&k| count(k) > 1).count();
                    proptest::prop_assert_eq!(s as usize, want, "{:?} of {:?}", l, lines);
                }
                for k in 1..48 {
                    proptest::prop_assert_eq!(table.present(&[k]), usize::from(count(k) > 0));
                }
                let all: Vec<u64> = (1..48).collect();
                proptest::prop_assert_eq!(
                    table.present(&all),
                    all.iter().filter(|&&k| count(k) > 0).count()
                );
            }
        }

        #[test]
        fn cohesion_counts_as_a_map_does(
            words in proptest::collection::vec(0usize..9, 0..200),
            logits in proptest::collection::vec(-2.0f32..2.0, 60),
            start in 0usize..70,
            len in 0usize..70,
        ) {
            let (text, logits) = random_page(&words, &logits);
            let lines = split_lines(&text);
            let mut ev = gather(&lines);
            for (e, &l) in ev.iter_mut().zip(logits.iter().cycle()) {
                e.logit = l;
            }
            let region = start..start + len;
            let keys = WordKeys::of(&lines, |_| None);
            let nb: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_blank()).collect();
            proptest::prop_assert_eq!(
                cohesion(&lines, &ev, &nb, &region, &keys),
                naive_cohesion(&lines, &ev, &region, &keys)
            );
        }

        #[test]
        fn context_features_equal_the_first_written(
            lines in proptest::collection::vec(
                proptest::sample::select(vec![
                    "", "", "Startseite", "• Baubeginn im Frühjahr", "• Fertigstellung in zwei Jahren",
                    "– Ein Gedanke", "- ein Punkt", "12:30", "3 Kommentare", "Hintergrund",
                    "Kommentare", "Lesen Sie auch", "12. März 2024",
                    "Der Gemeinderat hat am Dienstag beschlossen, die alte Turnhalle abzureißen.",
                    "Die Kosten von rund sechs Millionen Euro sollen zur Hälfte aus Mitteln des Landes kommen, den Rest",
                    "muss die Gemeinde aus eigenen Rücklagen aufbringen, sagte der Kämmerer.",
                    "Endlich wird die Halle ersetzt, unsere Kinder haben lange genug dort geturnt.",
                    "Ähnliche Artikel", "1. Punkt", "...", "»Zitat des Tages«",
                ]),
                0..80,
            ),
            scores in proptest::collection::vec(-12.0f32..12.0, 1..40),
            start in 0usize..90,
            len in 0usize..90,
        ) {
            let text = lines.join("\n");
            let lines = split_lines(&text);
            let ev = gather(&lines);
            let scores: Vec<f32> = (0..lines.len()).map(|i| scores[i % scores.len()]).collect();
            for region in [start..start + len, crate::pipeline::region::main_region(&lines, &ev, &scores)] {
                let fast = context_features(&lines, &ev, &scores, &region);
                let naive = naive_context_features(&lines, &ev, &scores, &region);
                for (i, (f, g)) in fast.iter().zip(&naive).enumerate() {
                    let bits = |f: &[f32; N_CONTEXT]| f.map(f32::to_bits);
                    proptest::prop_assert_eq!(bits(f), bits(g), "line {} of {:?}", i, region);
                }
                // The log-odds summed a feature at a time over all lines
                // equal each line's dot product, bit for bit.
                let (words, runs) = (WordKeys::of(&lines, |_| None), crate::lines::wrapped_runs(&lines));
                let nb: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_blank()).collect();
                let cols = Neighbourhood::of(&lines, &ev, &nb, &scores, &region, &words, &runs).columns();
                for (k, c) in logits(&cols).iter().enumerate() {
                    proptest::prop_assert_eq!(c.to_bits(), context_logit(&cols.row(k)).to_bits());
                    // The row read at fixed offsets is the row.
                    let mut unbiased = [0.0; N_CONTEXT - 1];
                    cols.write_unbiased(k, &mut unbiased);
                    let want = cols.row(k).map(f32::to_bits);
                    proptest::prop_assert_eq!(&unbiased.map(f32::to_bits)[..], &want[1..]);
                }
            }
        }

        /// The columns of a page of any length, written side by side (as
        /// [`Neighbourhood::columns`] writes them) and put into blocks,
        /// are read back as written, row by row and at fixed offsets, and
        /// the log-odds summed over them side by side are those of the
        /// rows.
        #[test]
        fn columns_of_every_length_are_read_as_written(
            n in proptest::prop_oneof![
                0usize..40,
                BLOCK - 2..BLOCK + 3,
                2 * BLOCK - 1..3 * BLOCK + 2,
            ],
            seed in 0u32..1000,
        ) {
            let value = |j: usize, k: usize| ((j * 7919 + k * 31 + seed as usize) % 4001) as f32 / 1000.0 - 2.0;
            let mut cols = Columns::new(n);
            let stride = cols.stride;
            for j in 0..N_CONTEXT {
                for k in 0..n {
                    cols.data[j * stride + k] = value(j, k);
                }
            }
            let c = logits(&cols);
            let cols = cols.into_blocks();
            for (k, c) in c.iter().enumerate() {
                let row = cols.row(k);
                let want: [f32; N_CONTEXT] = std::array::from_fn(|j| value(j, k));
                proptest::prop_assert_eq!(row.map(f32::to_bits), want.map(f32::to_bits));
                proptest::prop_assert_eq!(c.to_bits(), context_logit(&row).to_bits());
                let mut unbiased = [0.0; N_CONTEXT - 1];
                cols.write_unbiased(k, &mut unbiased);
                proptest::prop_assert_eq!(&unbiased.map(f32::to_bits)[..], &want.map(f32::to_bits)[1..]);
            }
        }

        #[test]
        fn running_counts_equal_counting_each_window(
            class in proptest::collection::vec(0u8..4, 0..60),
        ) {
            let nb: Vec<usize> = (0..class.len()).collect();
            let at = running_counts(&nb, |j| class[j] == 0);
            let counts = Counts::of_slice(&at);
            let mut all = vec![0.0; nb.len()];
            counts.densities(&mut all);
            for (k, d) in all.iter().enumerate() {
                proptest::prop_assert_eq!(counts.density(k), naive_density(&nb, k, |j| class[j] == 0));
                proptest::prop_assert_eq!(d.to_bits(), counts.density(k).to_bits());
            }
            proptest::prop_assert_eq!(period_shares_of(&class), naive_period_shares(&class));
        }
    }

    #[test]
    fn cohesion_rewards_words_shared_with_the_rest_of_the_region() {
        let p1 = "El puerto de la ciudad recibió este lunes el primer crucero de la temporada, con más de dos mil pasajeros que desembarcaron para visitar el casco antiguo.";
        let p2 = "Los comerciantes del casco antiguo esperan que los pasajeros de cada crucero gasten este año más dinero que durante la temporada anterior.";
        let p3 = "La autoridad del puerto calcula que llegarán ochenta cruceros esta temporada, una cifra récord para la ciudad.";
        let title = "El puerto recibe el primer crucero de la temporada";
        let teaser1 = "Nueva biblioteca municipal abrirá sus salas en otoño";
        let teaser2 = "Biblioteca municipal amplía horarios en exámenes";
        let input = format!(
            "Inicio\n\n{title}\n\n{p1}\n\n{p2}\n\n{p3}\n\nMás leídas\n{teaser1}\n{teaser2}\nAviso legal\n"
        );
        let c = ctx(&input);
        for p in [p1, p2, p3] {
            assert!(c.region.contains(&c.at(p)), "{p:?} outside {:?}", c.region);
            assert!(c.get(p, COHESION) > 0.25, "{p:?}: {}", c.get(p, COHESION));
        }
        // The headline outside the region shares the topic's words too.
        assert!(!c.region.contains(&c.at(title)));
        assert!(c.get(title, COHESION) > 0.5, "{}", c.get(title, COHESION));
        // Teasers of other articles share words only with each other: none
        // of them counts, as they are not confident region lines.
        assert_eq!(c.get(teaser1, COHESION), 0.0);
        assert_eq!(c.get(teaser2, COHESION), 0.0);
        // The features carry the same values.
        assert_eq!(
            cohesion(
                &c.lines,
                &c.ev,
                &c.non_blank(),
                &c.region,
                &WordKeys::of(&c.lines, |_| None)
            ),
            c.f.iter().map(|f| f[COHESION]).collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_paragraph_does_not_cohere_with_itself() {
        // One paragraph alone in its region, its words repeated inside it.
        let p = "Le marché couvert rouvre samedi. Le marché couvert accueillera trente commerçants, et le marché restera ouvert le dimanche matin.";
        let input = format!("Accueil\n\n{p}\n\nMentions légales\n");
        let c = ctx(&input);
        assert!(c.region.contains(&c.at(p)));
        assert_eq!(c.get(p, COHESION), 0.0);
    }

    #[test]
    fn periodicity_marks_repeating_item_shapes_not_running_text() {
        let periodic = |input: &str| {
            let c = ctx(input);
            let nb = c.non_blank();
            periodicity(&c.lines, &c.ev, &nb)
        };
        // Teaser list: headline, time, headline, time ... (period 2).
        let teasers: String = (1..=8)
            .map(|i| format!("Nieuwe plannen voor wijk {i} voorgesteld\n1{i}:00\n"))
            .collect();
        let p = periodic(&teasers);
        assert!(p[6..10].iter().all(|&x| x > 0.9), "{p:?}");
        // Comment thread: name, comment, date (period 3).
        let thread: String = (1..=6)
            .map(|i| {
                format!("Lezer {i}\nIk ben het voor {i} procent eens met de plannen van de gemeente voor de wijk.\n{i} maart 2024\n")
            })
            .collect();
        let p = periodic(&thread);
        assert!(p[6..12].iter().all(|&x| x > 0.9), "{p:?}");
        // Running text (one shape after another) and a menu of names (one shape) are not periodic.
        let text: String = (1..=10)
            .map(|i| format!("Dit is de {i}e alinea van een lang artikel over de nieuwe plannen voor de wijk.\n\n"))
            .collect();
        assert!(periodic(&text).iter().all(|&x| x == 0.0));
        let menu =
            "Home\nNieuws\nSport\nCultuur\nWeer\nVerkeer\nEconomie\nOpinie\nRegio\nPodcasts\n";
        assert!(periodic(menu).iter().all(|&x| x == 0.0));
    }
}
