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
        // A long chrome line costs more than a short one.
        x.max(-4.0) * (1.0 + 0.05 * line.shape.words as f32)
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
    // Each line's weight; `None` for a comment-section head, which no region
    // may cross. Text after a comment-section head that follows real text is
    // comments: it still counts, but much less, so the article before it wins.
    let mut text_seen = 0.0f32;
    let mut in_comments = false;
    let weights: Vec<Option<f32>> = lines
        .iter()
        .zip(evidence)
        .zip(scores)
        .map(|((line, ev), &score)| {
            if is_barrier(line, ev) {
                if text_seen >= COMMENT_ZONE_MIN_TEXT {
                    in_comments = true;
                }
                return None;
            }
            let mut w = weight(line, score, bias);
            if w > 0.0 {
                text_seen += w;
                if in_comments {
                    w *= COMMENT_ZONE_DISCOUNT;
                }
            }
            Some(w)
        })
        .collect();
    let (best_sum, mut r) = best_segment(&weights, 0..lines.len());
    // An article split by large interruptions (a gallery, an ad block, a
    // related-links box) is several strong segments: a further one on either
    // side that is strong enough and not behind a comment head joins the region.
    for _ in 0..MAX_JOINS {
        let before = best_segment(&weights, 0..r.start);
        let after = best_segment(&weights, r.end..lines.len());
        let clear = |span: Range<usize>| weights[span].iter().all(Option::is_some);
        if before.0 >= JOIN_RATIO * best_sum && clear(before.1.start..r.start) {
            r.start = before.1.start;
        } else if after.0 >= JOIN_RATIO * best_sum && clear(r.end..after.1.end) {
            r.end = after.1.end;
        } else {
            break;
        }
    }
    r
}

/// A further segment at least this strong, relative to the best, joins the region.
const JOIN_RATIO: f32 = 0.15;
/// How many further segments may join the region.
const MAX_JOINS: usize = 4;

/// The maximum-sum run of lines within `span` (Kadane), restarting after
/// every barrier (`None`).
fn best_segment(weights: &[Option<f32>], span: Range<usize>) -> (f32, Range<usize>) {
    let mut best = (0.0f32, span.start..span.start);
    let mut sum = 0.0f32;
    let mut start = span.start;
    for i in span {
        let Some(w) = weights[i] else {
            sum = 0.0;
            start = i + 1;
            continue;
        };
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
    best
}
