//! Settling the body: cleaning the body text again must give the same body.
//!
//! A first verdict can keep a line that, once the chrome around it is gone,
//! reads as the headline, a byline or a date, or a tail that no longer fits.
//! The body is therefore cleaned again, as text of its own, and lines that
//! this later pass does not keep as body leave the body, until a pass keeps
//! the whole body. The result is a fixed point: for any dump `d`,
//! `clean(clean(d).body_text()).body_text() == clean(d).body_text()`.

use crate::article::Label;
use crate::classify::{self, Analysis};
use crate::cleaner::{build_blocks, is_control};
use crate::context::WordKeys;
use crate::lines::{split_lines_with, Line};
use crate::{features, Mode};

/// The most passes over the body. A pass that does not settle removes at
/// least one line; bodies settle in one or two passes on real pages, and a
/// body that has not settled after this many passes is dropped.
const MAX_PASSES: usize = 8;

/// Where a block of the body text lies in the input.
#[derive(Debug, Clone, Copy)]
struct Piece {
    /// Offset of the block in the body text.
    text: usize,
    /// Offset of the block in the input.
    input: usize,
    /// Length of the block in bytes.
    len: usize,
}

/// The body text (blocks joined by blank lines, as in
/// [`crate::Article::body_text`]) and where each of its blocks lies in the input.
fn body_text(input: &str, lines: &[Line<'_>], a: &Analysis<'_>) -> (String, Vec<Piece>) {
    let blocks = build_blocks(input, lines, &a.kinds);
    let mut text = String::with_capacity(blocks.iter().map(|b| b.text.len() + 2).sum());
    let mut pieces = Vec::with_capacity(blocks.len());
    for b in &blocks {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        pieces.push(Piece {
            text: text.len(),
            input: b.span.start,
            len: b.span.len(),
        });
        text.push_str(&b.text);
    }
    (text, pieces)
}

/// `text` is `blocks` joined by blank lines (checked without a copy).
fn is_body_text(text: &str, blocks: &[crate::Block<'_>]) -> bool {
    let mut rest = text;
    for (i, b) in blocks.iter().enumerate() {
        if i > 0 {
            match rest.strip_prefix("\n\n") {
                Some(r) => rest = r,
                None => return false,
            }
        }
        match rest.strip_prefix(&*b.text) {
            Some(r) => rest = r,
            None => return false,
        }
    }
    rest.is_empty()
}

/// The part of `input` that `part`, a slice of `text`, was copied from.
fn map_back<'a>(input: &'a str, text: &str, pieces: &[Piece], part: &str) -> Option<&'a str> {
    let off = (part.as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
    let k = pieces.partition_point(|p| p.text <= off).checked_sub(1)?;
    let p = pieces[k];
    if off + part.len() > p.text + p.len {
        return None;
    }
    let start = p.input + (off - p.text);
    input.get(start..start + part.len())
}

/// `part`, a slice of `input`, lies within `span`.
fn within(input: &str, part: &str, span: &std::ops::Range<usize>) -> bool {
    let off = (part.as_ptr() as usize).wrapping_sub(input.as_ptr() as usize);
    off >= span.start && off + part.len() <= span.end
}

/// Clean the body again until it stays the same; lines a later pass leaves
/// out of the body take that pass's label (and fill metadata still missing).
pub(crate) fn settle<'a>(
    input: &'a str,
    lines: &[Line<'a>],
    ev: &[features::Evidence],
    words: &WordKeys,
    a: &mut Analysis<'a>,
    mode: Mode,
    profile: Option<&crate::SiteProfile>,
) {
    // Text that would look binary (a NUL byte, more than one byte in ten a
    // control byte) is not article text: the body, cleaned again, would be
    // refused as binary.
    for (l, (kind, label)) in lines.iter().zip(a.kinds.iter_mut().zip(&mut a.labels)) {
        let bytes = l.text.as_bytes();
        let control = bytes.iter().filter(|&&b| is_control(b)).count();
        if kind.is_some() && (bytes.contains(&0) || control * 10 > bytes.len()) {
            *kind = None;
            *label = Label::Chrome(crate::ChromeKind::Other);
        }
    }
    // The body's lines come back in every pass: measure each text once.
    let seen: std::collections::HashMap<&str, usize> = lines
        .iter()
        .enumerate()
        .filter(|&(i, l)| !l.is_blank() && a.kinds[i].is_some())
        .map(|(i, l)| (l.text, i))
        .collect();
    for _ in 0..MAX_PASSES {
        let (text, pieces) = body_text(input, lines, a);
        if text.is_empty() {
            return;
        }
        let lines2 = split_lines_with(&text, |t| {
            seen.get(t).map(|&i| (lines[i].shape, lines[i].lex))
        });
        // The first pass's line with the same text as each line of this one.
        let first: Vec<Option<usize>> = lines2.iter().map(|l| seen.get(l.text).copied()).collect();
        let ev2 = features::gather_with(&lines2, profile, |j| first[j].map(|i| ev[i].own));
        let words2 = WordKeys::of(&lines2, |j| first[j].map(|i| words.get(i)));
        let a2 = classify::analyze(&lines2, &ev2, mode, &words2);
        if is_body_text(&text, &build_blocks(&text, &lines2, &a2.kinds)) {
            return;
        }

        // Metadata the first pass missed.
        if a.title.is_none() {
            a.title = a2.title.and_then(|t| map_back(input, &text, &pieces, t));
        }
        a.date = a.date.or(a2.date);
        if a.byline.is_none() {
            a.byline = a2.byline.and_then(|t| map_back(input, &text, &pieces, t));
        }
        if a.image_credit.is_none() {
            a.image_credit = a2
                .image_credit
                .and_then(|t| map_back(input, &text, &pieces, t));
        }
        a.comment_count = a.comment_count.or(a2.comment_count);

        // Each body cell of the input is kept while a body cell of the later
        // pass overlaps it; else it takes the strongest label it overlaps.
        let mut changed = false;
        let (mut k, mut j) = (0, 0);
        for (i, line) in lines.iter().enumerate() {
            if a.kinds[i].is_none() {
                continue;
            }
            let span = &line.text_span;
            while k + 1 < pieces.len() && pieces[k].input + pieces[k].len <= span.start {
                k += 1;
            }
            let Some(p) = pieces.get(k) else { break };
            let start = p.text + span.start.saturating_sub(p.input);
            let end = start + span.len();
            while j < lines2.len() && lines2[j].text_span.end <= start {
                j += 1;
            }
            let mut kept = None;
            let mut label = Label::Chrome(crate::ChromeKind::Other);
            for (n, (l2, &lab)) in lines2[j..].iter().zip(&a2.labels[j..]).enumerate() {
                if l2.text_span.start >= end {
                    break;
                }
                match lab {
                    Label::Body => kept = kept.or(a2.kinds[j + n]),
                    Label::Title if label != Label::Title => {
                        label = if a.title.is_some_and(|t| within(input, t, span)) {
                            Label::Title
                        } else {
                            Label::Meta
                        }
                    }
                    Label::Meta => label = Label::Meta,
                    Label::Chrome(_)
                        if matches!(label, Label::Chrome(crate::ChromeKind::Other)) =>
                    {
                        label = lab
                    }
                    _ => {}
                }
            }
            match kept {
                // The later pass may also see a line as a heading, or not.
                Some(kind) if a.kinds[i] != Some(kind) => {
                    a.kinds[i] = Some(kind);
                    changed = true;
                }
                Some(_) => {}
                None => {
                    a.kinds[i] = None;
                    a.labels[i] = label;
                    changed = true;
                }
            }
        }
        if !changed {
            return;
        }
    }
    // A body that still sheds lines after every pass (a tail peeled off one
    // line at a time, seen only on garbage input) is not an article: with no
    // body, cleaning again trivially gives the same body.
    for (kind, label) in a.kinds.iter_mut().zip(&mut a.labels) {
        if kind.take().is_some() {
            *label = Label::Chrome(crate::ChromeKind::Other);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Cleaner;

    /// A headline left in the body by the first pass is the title once the
    /// body is cleaned again; the settled body is a fixed point.
    #[test]
    fn body_text_is_a_fixed_point() {
        let dump = "Home\nNews\nSport\n\nMeer nieuws\n\n\
            Harbour reopens after repairs\n\n\
            The harbour reopened on Monday after three weeks of repairs to the old quay walls, the port said.\n\n\
            Fishermen said the closure had cost them most of the spring season, and that they would ask the province for help.\n\n\
            Privacy\nCookies\n";
        let c = Cleaner::new();
        let first = c.clean(dump).unwrap().body_text();
        let second = c.clean(&first).unwrap().body_text();
        assert_eq!(first, second);
        assert!(first.starts_with("The harbour reopened"), "{first}");
    }
}
