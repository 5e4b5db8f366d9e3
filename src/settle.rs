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

/// Finds the first-pass line a line of the body text was copied from.
struct Origin<'s, 'a> {
    input: &'s str,
    text: &'s str,
    lines: &'s [Line<'a>],
    pieces: &'s [Piece],
    /// Cursors into `pieces` and `lines`: lines are asked for in order.
    piece: usize,
    line: usize,
}

impl<'s, 'a> Origin<'s, 'a> {
    fn new(input: &'s str, text: &'s str, lines: &'s [Line<'a>], pieces: &'s [Piece]) -> Self {
        Origin {
            input,
            text,
            lines,
            pieces,
            piece: 0,
            line: 0,
        }
    }

    /// The index of the first-pass line whose text `t` (a non-empty slice of
    /// the body text, asked for in order) is a copy of: the line with the
    /// same length that starts where `t` was copied from.
    fn line_of(&mut self, t: &str) -> Option<usize> {
        if t.is_empty() {
            return None;
        }
        let off = (t.as_ptr() as usize).checked_sub(self.text.as_ptr() as usize)?;
        while self.piece + 1 < self.pieces.len() && self.pieces[self.piece + 1].text <= off {
            self.piece += 1;
        }
        let p = self.pieces.get(self.piece)?;
        if off < p.text || off + t.len() > p.text + p.len {
            return None;
        }
        let at = p.input + (off - p.text);
        while self.line < self.lines.len() && self.lines[self.line].text_span.start < at {
            self.line += 1;
        }
        let l = self.lines.get(self.line)?;
        // A copy of the same bytes: the same text.
        (l.text_span.start == at && l.text.len() == t.len() && !l.is_blank()).then(|| {
            debug_assert_eq!(&self.input[at..at + t.len()], t);
            self.line
        })
    }
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
    for _ in 0..MAX_PASSES {
        let (text, pieces) = body_text(input, lines, a);
        if text.is_empty() {
            return;
        }
        // The body's lines come back in every pass: each line of this pass
        // is a copy of a first-pass line, found by where it was copied
        // from, whose measures it takes.
        let mut from = Origin::new(input, &text, lines, &pieces);
        let mut first: Vec<Option<usize>> = Vec::with_capacity(lines.len());
        let lines2 = split_lines_with(&text, |t| {
            let i = from.line_of(t);
            first.push(i);
            i.map(|i| (lines[i].shape, lines[i].lex))
        });
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
