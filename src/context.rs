//! Context features: what a line's neighbourhood and the main region say
//! about it, for the second linear model.

use crate::features::Evidence;
use crate::lines::Line;
use std::ops::Range;

/// Number of context features (see [`context_features`]).
pub(crate) const N_CONTEXT: usize = 29;

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
    let n = lines.len();
    // Indices of the non-blank lines, and each line's position among them.
    let nb: Vec<usize> = (0..n).filter(|&i| !lines[i].is_blank()).collect();
    let logit = |i: usize| scores[i].clamp(-8.0, 8.0);
    let lw = |i: usize| (1.0 + lines[i].shape.words as f32).ln();
    let region_nb: Vec<usize> = nb.iter().copied().filter(|i| region.contains(i)).collect();
    let region_lw = if region_nb.is_empty() {
        0.0
    } else {
        region_nb.iter().map(|&i| lw(i)).sum::<f32>() / region_nb.len() as f32
    };
    // Position of the region's first and last non-blank lines in `nb`.
    let r_first = nb.iter().position(|i| region.contains(i));
    let r_last = nb.iter().rposition(|i| region.contains(i));

    let comments = crate::region::comment_zone_start(lines, ev);
    let cohesion = cohesion(lines, ev, region);
    let runs = crate::lines::wrapped_runs(lines);
    let periodic = periodicity(lines, ev, &nb);
    let region_share = region_nb.len() as f32 / nb.len().max(1) as f32;
    let mut out = vec![[0.0; N_CONTEXT]; n];
    for (k, &i) in nb.iter().enumerate() {
        let at = |off: isize| {
            let j = k as isize + off;
            (j >= 0 && (j as usize) < nb.len()).then(|| nb[j as usize])
        };
        let l_at = |off: isize| at(off).map_or(-4.0, logit);
        let lo = k.saturating_sub(WINDOW);
        let hi = (k + WINDOW + 1).min(nb.len());
        let mean = nb[lo..hi].iter().map(|&j| logit(j)).sum::<f32>() / (hi - lo) as f32;
        let in_region = region.contains(&i);
        let dist = match (r_first, r_last) {
            (Some(a), _) if k < a => (a - k) as f32,
            (_, Some(z)) if k > z => (k - z) as f32,
            (Some(_), Some(_)) => 0.0,
            _ => 20.0,
        };
        let s = &lines[i].shape;
        let e = &ev[i];
        let first = lines[i].text.chars().next().unwrap_or(' ');
        let same_first = |off: isize| at(off).is_some_and(|j| lines[j].text.starts_with(first));
        let list = !first.is_alphanumeric() && (same_first(-1) || same_first(1));
        let heading = s.words >= 1
            && s.words <= 14
            && !s.terminal
            && !s.ellipsis
            && s.letters > 0
            && e.cue.is_none()
            && !e.time
            && !e.count;
        let b = |x: bool| if x { 1.0 } else { 0.0 };
        let l = logit(i);
        out[i] = [
            1.0,
            l,
            l_at(-1),
            l_at(1),
            l_at(-2),
            l_at(2),
            mean,
            b(in_region),
            dist.min(20.0) / 20.0,
            b(i > 0 && lines[i - 1].is_blank()),
            b(i + 1 < n && lines[i + 1].is_blank()),
            b(list),
            b(heading),
            b(heading && l_at(1) > 1.0),
            i as f32 / n as f32,
            if region_nb.is_empty() {
                0.0
            } else {
                lw(i) - region_lw
            },
            l.max(0.0),
            l.min(0.0),
            b(in_region) * l,
            b(i > comments),
            region_share,
            density(&nb, k, |j| crate::features::is_stamp(&ev[j])),
            density(&nb, k, |j| ev[j].cue.is_some()),
            cohesion[i],
            cohesion[i] * b(in_region),
            b(runs[i].len() > 1),
            (1.0 + ev[i].run_shape.words as f32).ln() * b(runs[i].len() > 1),
            b(runs[i].len() > 1 && ev[i].run_shape.terminal),
            periodic[k],
        ];
    }
    out
}

/// Non-blank neighbours on each side looked at for densities.
const DENSITY_WINDOW: usize = 6;

/// The share of the non-blank neighbours of `nb[k]` (not itself) that satisfy `f`.
fn density(nb: &[usize], k: usize, f: impl Fn(usize) -> bool) -> f32 {
    let lo = k.saturating_sub(DENSITY_WINDOW);
    let hi = (k + DENSITY_WINDOW + 1).min(nb.len());
    let hits = (lo..hi).filter(|&j| j != k && f(nb[j])).count();
    hits as f32 / (2 * DENSITY_WINDOW) as f32
}

/// Content words shorter than this (in bytes) are ignored for cohesion.
const MIN_CONTENT_WORD: usize = 4;

/// For every line, the share of its content words (four or more bytes,
/// lowercased) that also occur in *other* confident lines of the main region:
/// article paragraphs share their topic's words, teasers of other articles
/// and site chrome do not.
fn cohesion(lines: &[Line<'_>], ev: &[Evidence], region: &Range<usize>) -> Vec<f32> {
    use std::collections::HashMap;
    let words = |text: &str| -> Vec<u64> {
        let mut v: Vec<u64> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() >= MIN_CONTENT_WORD)
            .map(crate::lines::norm_key)
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let line_words: Vec<Vec<u64>> = lines.iter().map(|l| words(l.text)).collect();
    let core = |i: usize| region.contains(&i) && ev[i].logit > 0.0;
    let mut counts: HashMap<u64, u32> = HashMap::new();
    for (i, ws) in line_words.iter().enumerate() {
        if core(i) {
            for &w in ws {
                *counts.entry(w).or_insert(0) += 1;
            }
        }
    }
    line_words
        .iter()
        .enumerate()
        .map(|(i, ws)| {
            if ws.is_empty() {
                return 0.0;
            }
            let own = u32::from(core(i));
            let shared = ws
                .iter()
                .filter(|w| counts.get(w).is_some_and(|&c| c > own))
                .count();
            shared as f32 / ws.len() as f32
        })
        .collect()
}

/// Non-blank lines on each side looked at for periodicity.
const PERIOD_WINDOW: usize = 8;

/// How strongly the neighbourhood of each non-blank line repeats a pattern of
/// two to four different line shapes (headline, teaser, time; name, comment,
/// date): lists of items do, running text (one shape after another) does
/// not. For `nb[k]`, the best share of positions `j` in the window whose
/// shape equals that of `j + q` for a period `q` of 2 to 4, less the share
/// for period 1.
fn periodicity(lines: &[Line<'_>], ev: &[Evidence], nb: &[usize]) -> Vec<f32> {
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
    let m = class.len();
    (0..m)
        .map(|k| {
            let lo = k.saturating_sub(PERIOD_WINDOW);
            let hi = (k + PERIOD_WINDOW + 1).min(m);
            let share = |q: usize| {
                if hi < lo + q + 1 {
                    return 0.0;
                }
                let pairs = hi - lo - q;
                let same = (lo..hi - q).filter(|&j| class[j] == class[j + q]).count();
                same as f32 / pairs as f32
            };
            let best = (2..=4).map(share).fold(0.0f32, f32::max);
            (best - share(1)).max(0.0)
        })
        .collect()
}
