//! Finding the main article region: the contiguous run of lines whose
//! summed evidence is highest, never crossing a comment-section boundary.

use crate::features::Evidence;
use crate::lexicon::Cue;
use crate::lines::Line;
use std::ops::Range;

/// How strongly a line pulls the region towards itself (positive) or away (negative).
fn weight(line: &Line<'_>, ev: &Evidence, bias: f32) -> f32 {
    if line.is_blank() {
        return 0.0;
    }
    let x = ev.logit + bias;
    if x > 0.0 {
        // Long text lines weigh more: a paragraph outweighs a menu item.
        x * (line.shape.chars as f32 / 80.0).clamp(0.5, 10.0)
    } else {
        x.max(-6.0)
    }
}

/// A line that ends the article for good: the head of a comment section.
pub(crate) fn is_barrier(line: &Line<'_>, ev: &Evidence) -> bool {
    ev.cue == Some(Cue::Comments) && line.shape.words <= 6 && !line.shape.terminal
}

/// The best region, as a range of line indices (empty when no line scores positive).
pub(crate) fn main_region(lines: &[Line<'_>], evidence: &[Evidence], bias: f32) -> Range<usize> {
    let mut best = (0.0f32, 0..0);
    let mut sum = 0.0f32;
    let mut start = 0;
    for (i, (line, ev)) in lines.iter().zip(evidence).enumerate() {
        if is_barrier(line, ev) {
            sum = 0.0;
            start = i + 1;
            continue;
        }
        let w = weight(line, ev, bias);
        if sum <= 0.0 {
            if w <= 0.0 {
                start = i + 1;
                continue;
            }
            sum = 0.0;
            start = i;
        }
        sum += w;
        if sum > best.0 {
            best = (sum, start..i + 1);
        }
    }
    let mut r = best.1;
    trim_weak_edges(lines, evidence, &mut r);
    r
}

/// Drop short lines hanging at either edge of the region behind a chrome line
/// (a reader poll after a "read also" link, a kicker before a byline).
fn trim_weak_edges(lines: &[Line<'_>], evidence: &[Evidence], r: &mut Range<usize>) {
    let weak = |i: usize| lines[i].shape.words < 12 || evidence[i].logit < 0.5;
    let strong_chrome = |i: usize| evidence[i].logit < -1.0;
    loop {
        let idx: Vec<usize> = r.clone().filter(|&i| !lines[i].is_blank()).collect();
        if idx.len() < 3 {
            return;
        }
        let (last, before) = (idx[idx.len() - 1], idx[idx.len() - 2]);
        if weak(last) && strong_chrome(before) {
            r.end = before + 1;
            continue;
        }
        let (first, after) = (idx[0], idx[1]);
        if weak(first) && strong_chrome(after) {
            r.start = after;
            continue;
        }
        // Strip chrome lines now at the edges.
        let mut changed = false;
        while r.start < r.end && (lines[r.start].is_blank() || evidence[r.start].logit + 0.0 < -1.0)
        {
            r.start += 1;
            changed = true;
        }
        while r.end > r.start && (lines[r.end - 1].is_blank() || evidence[r.end - 1].logit < -1.0) {
            r.end -= 1;
            changed = true;
        }
        if !changed {
            return;
        }
    }
}
