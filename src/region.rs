//! Finding the main article region: the contiguous run of lines whose
//! summed evidence is highest, never crossing a comment-section boundary.

use crate::features::Evidence;
use crate::lexicon::Cue;
use crate::lines::Line;
use std::ops::Range;

/// How strongly a line pulls the region towards itself (positive) or away (negative).
fn weight(line: &Line<'_>, score: f32, bias: f32) -> f32 {
    if line.is_blank() {
        return 0.0;
    }
    let x = score + bias;
    if x > 0.0 {
        // Long text lines weigh more: a paragraph outweighs a menu item.
        x.min(3.0) * (line.shape.chars as f32 / 100.0).clamp(0.3, 3.0)
    } else {
        // A short chrome line costs less than a long one: a caption or a
        // one-word label between paragraphs does not end the article.
        x.max(-4.0) * (0.3 + 0.05 * line.shape.words as f32)
    }
}

/// Positive weight that must precede a comment-section head for the text after it
/// to count as comments.
const COMMENT_ZONE_MIN_TEXT: f32 = 12.0;
/// How much text inside a comment section counts towards a region.
const COMMENT_ZONE_DISCOUNT: f32 = 0.25;

/// A line that ends the article for good: the head of a comment section.
pub(crate) fn is_barrier(line: &Line<'_>, ev: &Evidence) -> bool {
    ev.cue == Some(Cue::Comments) && line.shape.words <= 6 && !line.shape.terminal
}

/// The first line of the comment section: the first comment-section head that
/// follows some real text (`n` when there is none).
pub(crate) fn comment_zone_start(lines: &[Line<'_>], evidence: &[Evidence]) -> usize {
    let mut text_seen = 0.0f32;
    for (i, (line, ev)) in lines.iter().zip(evidence).enumerate() {
        if is_barrier(line, ev) && text_seen >= COMMENT_ZONE_MIN_TEXT {
            return i;
        }
        text_seen += weight(line, ev.logit, 0.0).max(0.0);
    }
    lines.len()
}

/// The best region, as a range of line indices (empty when no line scores positive).
pub(crate) fn main_region(
    lines: &[Line<'_>],
    evidence: &[Evidence],
    scores: &[f32],
    bias: f32,
) -> Range<usize> {
    let mut best = (0.0f32, 0..0);
    let mut sum = 0.0f32;
    let mut start = 0;
    // Text after a comment-section head that follows real text is comments:
    // it still counts, but much less, so the article before it wins.
    let mut text_seen = 0.0f32;
    let mut in_comments = false;
    for (i, ((line, ev), &score)) in lines.iter().zip(evidence).zip(scores).enumerate() {
        if is_barrier(line, ev) {
            sum = 0.0;
            start = i + 1;
            if text_seen >= COMMENT_ZONE_MIN_TEXT {
                in_comments = true;
            }
            continue;
        }
        let mut w = weight(line, score, bias);
        if w > 0.0 {
            text_seen += w;
            if in_comments {
                w *= COMMENT_ZONE_DISCOUNT;
            }
        }
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
    trim_weak_edges(lines, scores, &mut r);
    r
}

/// Drop short lines hanging at either edge of the region behind a chrome line
/// (a reader poll after a "read also" link, a kicker before a byline).
fn trim_weak_edges(lines: &[Line<'_>], scores: &[f32], r: &mut Range<usize>) {
    let weak = |i: usize| lines[i].shape.words < 12 || scores[i] < 0.5;
    let strong_chrome = |i: usize| scores[i] < -1.0;
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
        while r.start < r.end && (lines[r.start].is_blank() || scores[r.start] < -1.0) {
            r.start += 1;
            changed = true;
        }
        while r.end > r.start && (lines[r.end - 1].is_blank() || scores[r.end - 1] < -1.0) {
            r.end -= 1;
            changed = true;
        }
        if !changed {
            return;
        }
    }
}
