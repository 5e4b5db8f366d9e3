//! Settling the body: cleaning the body text again must give the same body.
//!
//! A first verdict can keep a line that, once the chrome around it is gone,
//! reads as the headline, a byline or a date, or a tail that no longer fits.
//! The body is therefore cleaned again, as text of its own, and lines that
//! this later pass does not keep as body leave the body, until a pass keeps
//! the whole body. The result is a fixed point: for any dump `d`,
//! `clean(clean(d).body_text()).body_text() == clean(d).body_text()`.

use crate::article::Label;
use crate::assemble::{block_cells, build_blocks};
use crate::input::count_control;
use crate::lines::split_lines;
use crate::lines::{Lexical, Line, Shape};
use crate::pipeline::RUNS;
use crate::pipeline::{self, Page, Verdicts};
use crate::tuning::Tuning;
use crate::BlockKind;
use std::cell::Cell;
use std::ops::Range;

/// The most passes over the body. A pass that does not settle removes at
/// least one line; most bodies settle in one or two passes, but one whose
/// first lines each look like a headline above the next (a widget's
/// heading repeated, `Find it at a store near you:`) sheds one a pass
/// (measured on the train split, both renderings: 8 passes left six pages
/// unsettled, and so empty; none needed more than 12). A body that has not
/// settled after this many passes is dropped. Each pass reads only the
/// body: the work stays linear in the input.
const MAX_PASSES: usize = 16;

thread_local! {
    /// The pieces of the last pass ([`body_pieces`]).
    static PIECES: Cell<Vec<Piece>> = const { Cell::new(Vec::new()) };
    /// The first-pass line each line of the last body page copied
    /// ([`body_lines`]).
    static FIRST: Cell<Vec<Option<usize>>> = const { Cell::new(Vec::new()) };
}

/// Where a block of the body text lies in the input, and the body cells
/// it was built of.
#[derive(Debug, Clone)]
struct Piece {
    /// Offset of the block in the input.
    input: usize,
    /// Length of the block in bytes.
    len: usize,
    /// The block's cells (body cells, one after the other in reading
    /// order, as [`build_blocks`] joins them).
    cells: Range<usize>,
    /// The block's kind (that of its first cell).
    kind: crate::BlockKind,
    /// The body text puts the block on the line after the one before it,
    /// not a blank line apart: an item of a list without bullets
    /// ([`crate::Block::separator`]).
    tight: bool,
}

impl Piece {
    /// The block's span of the input.
    fn span(&self) -> Range<usize> {
        self.input..self.input + self.len
    }
}

/// Where each block of the body lies in the input, and its cells, as
/// [`build_blocks`] would build them. Neither the blocks nor the body text
/// (the blocks joined as [`crate::Article::body_text`] joins them)
/// are built: the later pass reads its lines where the input holds them
/// ([`body_lines`]), and the article takes the blocks of the last pass
/// only ([`blocks_of`]).
fn body_pieces(input: &str, page: &Page<'_>, v: &Verdicts<'_>) -> Vec<Piece> {
    let mut pieces = pipeline::lend(&PIECES, page.lines.len() / 2 + 1);
    block_cells(input, &page.lines, v, &page.runs, |i, kind, joins| {
        let span = &page.lines[i].text_span;
        match pieces.last_mut() {
            // A block's span runs to the text of its last cell.
            Some(p) if joins => {
                p.cells.end = i + 1;
                p.len = span.end - p.input;
            }
            _ => pieces.push(Piece {
                input: span.start,
                len: span.len(),
                cells: i..i + 1,
                kind,
                tight: false,
            }),
        }
    });
    // Only a list's item stands tight: the texts are read before no other.
    for k in 1..pieces.len() {
        let (a, b) = (&pieces[k - 1], &pieces[k]);
        pieces[k].tight = b.kind == BlockKind::ListItem
            && crate::article::separator(a.kind, &input[a.span()], b.kind, &input[b.span()])
                == "\n";
    }
    debug_assert_eq!(
        blocks_of(input, page, &pieces),
        build_blocks(input, &page.lines, v, &page.runs)
    );
    // Each body cell lies in its block, as a search by containment finds
    // it; no block is empty (a body cell holds text).
    debug_assert_eq!(
        pieces.iter().map(|p| p.cells.len()).sum::<usize>(),
        (0..page.lines.len())
            .filter(|&i| v.kind(i).is_some())
            .count()
    );
    debug_assert!(pieces.iter().all(|p| p.len > 0
        && p.cells.clone().all(|i| {
            let span = &page.lines[i].text_span;
            v.kind(i).is_some() && p.input <= span.start && span.end <= p.input + p.len
        })));
    pieces
}

/// The blocks of `page` whose place `pieces` tell: each the text of its
/// span of the input, that of its cell for a block of one.
fn blocks_of<'a>(input: &'a str, page: &Page<'a>, pieces: &[Piece]) -> Vec<crate::Block<'a>> {
    pieces
        .iter()
        .map(|p| crate::Block {
            kind: p.kind,
            text: std::borrow::Cow::Borrowed(match p.cells.len() {
                1 => page.lines[p.cells.start].text,
                _ => &input[p.span()],
            }),
            span: p.span(),
        })
        .collect()
}

/// The body text: the blocks `pieces` place in `input`, joined as
/// [`crate::Article::body_text`] joins them.
fn joined(input: &str, pieces: &[Piece]) -> String {
    let mut text = String::new();
    for (k, p) in pieces.iter().enumerate() {
        if k > 0 {
            text.push_str(if p.tight { "\n" } else { "\n\n" });
        }
        text.push_str(&input[p.span()]);
    }
    text
}

/// `text` is `blocks` joined as [`crate::Article::body_text`] joins them
/// (checked without a copy).
fn is_body_text(text: &str, blocks: &[crate::Block<'_>]) -> bool {
    let mut rest = text;
    for (i, b) in blocks.iter().enumerate() {
        if i > 0 {
            match rest.strip_prefix(blocks[i - 1].separator(b)) {
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

/// The blocks the later pass `v2` builds of the body text: of its lines
/// as they stand in it (`page2`'s lines stand in the input).
fn rebuilt<'t>(text: &'t str, page2: &Page<'_>, v2: &Verdicts<'_>) -> Vec<crate::Block<'t>> {
    build_blocks(text, &split_lines(text), v2, &page2.runs)
}

/// The later pass `v2` keeps the body text (of the blocks `pieces` place
/// in `input`) as it is, read from its verdicts alone: every line of
/// `page2` that holds text is body, and of two such lines on adjacent rows
/// (two lines of one block) both are paragraphs of one hard-wrapped
/// paragraph (they are of one, the block's: see [`body_lines`]).
///
/// Then [`build_blocks`] builds the text's own blocks, and
/// [`is_body_text`] holds: it keeps every line; it joins a line to the one
/// before it exactly when that one is on the row just above and both are
/// paragraphs (a blank row parts two blocks; a list's items, on adjacent
/// rows, are never joined; no row holds two lines), as the two are
/// paragraphs of one paragraph and nothing but the line break of the text
/// lies between them (see [`body_lines`]); and the blocks' kinds put the
/// same separators between them as the pieces' ([`crate::Block::separator`]).
///
/// Conversely, when the blocks joined as the body text joins them are the
/// text, this holds: the text's lines (split at line feeds) are those of
/// the blocks with an empty line between two blocks, but where a list's
/// item follows on the next line ([`crate::Block::separator`]), as they are
/// those of the pieces, and no other line is empty; so there are
/// as many blocks as pieces and they hold every line. A block lies within a
/// piece (a blank line is no body), so each piece is one block, and its
/// lines are all body, each joined to the one before it: both paragraphs
/// of one paragraph. The blocks need not be built to find that out.
fn keeps_text(input: &str, pieces: &[Piece], page2: &Page<'_>, v2: &Verdicts<'_>) -> bool {
    use crate::BlockKind::Paragraph;
    // The lines of each piece follow one another, and a blank line
    // follows each piece ([`body_lines`]): they are read piece by piece
    // from the verdicts, not looked for among the lines. The lines of a
    // piece are of one paragraph (its block), so only their kinds are read.
    let verdicts = v2.all();
    // The piece's first line; the piece before, and its kind in the later
    // pass.
    let mut at = 0;
    let mut before: Option<(&Piece, BlockKind)> = None;
    let kept = pieces.iter().enumerate().all(|(k, p)| {
        let n = p.cells.len();
        let Some(block) = verdicts.get(at..at + n) else {
            return false;
        };
        debug_assert!((at..at + n).all(|j| page2.runs[j] == (at..at + n)));
        // A blank line follows the piece, but where a list's item follows
        // it on the next line.
        let blank = pieces.get(k + 1).is_some_and(|next| !next.tight);
        at += n + usize::from(blank);
        let kind = match block {
            [line] => line.kind,
            _ => block
                .iter()
                .all(|line| line.kind == Some(Paragraph))
                .then_some(Paragraph),
        };
        let Some(kind) = kind else {
            return false;
        };
        // The blocks' kinds in the later pass put the same separators
        // between them (a list's items stay items).
        let item = |k: BlockKind| k == BlockKind::ListItem;
        let same = before.is_none_or(|(q, q_kind)| {
            if !item(p.kind) && !item(kind) {
                // No line break before a block that is no item either way.
                return true;
            }
            let (t, u) = (&input[q.span()], &input[p.span()]);
            crate::article::separator(q.kind, t, p.kind, u)
                == crate::article::separator(q_kind, t, kind, u)
        });
        before = Some((p, kind));
        same
    });
    debug_assert_eq!(kept, {
        let text = joined(input, pieces);
        is_body_text(&text, &rebuilt(&text, page2, v2))
    });
    kept
}

/// `part`, a slice of `input`, lies within `span`.
fn within(input: &str, part: &str, span: &std::ops::Range<usize>) -> bool {
    let off = (part.as_ptr() as usize).wrapping_sub(input.as_ptr() as usize);
    off >= span.start && off + part.len() <= span.end
}

/// Clean the body again until it stays the same; lines a later pass leaves
/// out of the body take that pass's label (and fill metadata still missing).
/// The settled body's blocks, as the article takes them: those the last
/// pass placed (no line's kind has changed since), none for a body dropped.
/// `control`: whether the dump holds a control byte
/// ([`crate::input::Survey::control`]); only then may a body line look
/// binary.
pub(crate) fn settle<'a>(
    input: &'a str,
    page: &Page<'a>,
    v: &mut Verdicts<'a>,
    tuning: &Tuning,
    profile: Option<&crate::SiteProfile>,
    control: bool,
) -> Vec<crate::Block<'a>> {
    if control {
        drop_binary_lines(page, v);
    }
    for _ in 0..MAX_PASSES {
        let pieces = body_pieces(input, page, v);
        if pieces.is_empty() {
            pipeline::give_back(&PIECES, pieces);
            return Vec::new();
        }
        let (page2, mut v2) = clean_again(&pieces, page, tuning, profile);
        #[cfg(debug_assertions)]
        check_body_lines(&joined(input, &pieces), &page2);
        let settled = keeps_text(input, &pieces, &page2, &v2) || {
            // The body changed: the lines leaving it take the later pass's
            // chrome kinds.
            pipeline::chrome::assign_kinds(&page2, &mut v2);
            take_metadata(input, v, &v2);
            // Settled too when no line's kind changed (only metadata may
            // have).
            !follow(input, &pieces, page, &page2, v, &v2)
        };
        page2.give_back();
        v2.give_back();
        if settled {
            let blocks = blocks_of(input, page, &pieces);
            pipeline::give_back(&PIECES, pieces);
            return blocks;
        }
        pipeline::give_back(&PIECES, pieces);
    }
    // A body that still sheds lines after every pass (a tail peeled off one
    // line at a time, seen only on garbage input) is not an article: with no
    // body, cleaning again trivially gives the same body.
    for i in 0..page.lines.len() {
        if v.kind(i).is_some() {
            v.drop_body(i, Label::Chrome(crate::ChromeKind::Other));
        }
    }
    Vec::new()
}

/// Text that would look binary (a NUL byte, more than one byte in ten a
/// control byte) is not article text: the body, cleaned again, would be
/// refused as binary.
fn drop_binary_lines(page: &Page<'_>, v: &mut Verdicts<'_>) {
    // The body lines, found by walking the verdicts, are dropped once all
    // are looked at (most pages drop none).
    let mut binary = Vec::new();
    for (i, verdict) in v.all().iter().enumerate() {
        if verdict.kind.is_none() {
            continue;
        }
        let bytes = page.lines[i].text.as_bytes();
        // A NUL byte is a control byte: most lines hold neither, nor any
        // byte below a space.
        if !any_below_space(bytes) {
            continue;
        }
        let control = count_control(bytes);
        if control > 0 && (bytes.contains(&0) || control * 10 > bytes.len()) {
            binary.push(i);
        }
    }
    for i in binary {
        v.drop_body(i, Label::Chrome(crate::ChromeKind::Other));
    }
}

/// Whether `bytes` hold a byte below 0x20, eight bytes at a time: a byte
/// below `n` (at most 0x80) of a word `x` is the lowest to set its high bit
/// in `(x - n * 0x0101..) & !x` (bytes at or above `n` only set it there
/// when a lower byte borrowed), so the high bits of those words, or'ed,
/// are all zero exactly when there is none.
fn any_below_space(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut below = 0u64;
    for c in &mut chunks {
        let x = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
        below |= x.wrapping_sub(0x20 * ONES) & !x;
    }
    below & HIGH != 0 || chunks.remainder().iter().any(|&b| b < 0x20)
}

/// The body text cleaned as a page of its own, up to the kinds of its
/// chrome ([`pipeline::decide`]: only a body that changed needs them). Its
/// lines are copies of the first page's body lines and take their measures
/// and own evidence from them; their text is theirs, in the input (see
/// [`body_lines`]), and so is any metadata the later pass finds.
fn clean_again<'a>(
    pieces: &[Piece],
    page: &Page<'a>,
    tuning: &Tuning,
    profile: Option<&crate::SiteProfile>,
) -> (Page<'a>, Verdicts<'a>) {
    let (lines2, first, runs2) = body_lines(pieces, page);
    let page2 = Page::from_lines(lines2, runs2, profile, page, &first);
    pipeline::give_back(&FIRST, first);
    let v2 = pipeline::decide(&page2, tuning);
    (page2, v2)
}

/// The lines of the body text as [`split_lines`] splits it (but for where
/// they lie), built from the first-pass body lines they copy instead of
/// from the text, with the index of that line (`None` for the blank line
/// between two blocks), and their hard-wrapped paragraphs. Each block is one body cell, or the lines of a
/// hard-wrapped paragraph, each alone on its row; blocks are joined by one
/// blank row.
///
/// The paragraphs ([`crate::lines::wrapped_runs`]) are the blocks: the
/// lines of a block are lines of one paragraph of the first page, one
/// after the other, so each continues the one before it there, and does
/// here (alone on the next row); a blank row ends a paragraph.
///
/// A line is the first-pass line it copies, as it stands in the input
/// (its text, spans and row there), and a blank line is empty where the
/// next block starts: the pass reads a line's text and measures, never
/// where it lies (its lines stand in the body text as [`split_lines`]
/// places them, which is not built), and the metadata it finds in them
/// (slices of their text) are then slices of the input, as the article
/// takes them.
///
/// The first page's lines are copied a stretch at a time: blocks that
/// stand there one blank line apart are copied together with that blank
/// line, which is then the blank line between them (an empty text, as
/// [`blank_before`]'s, with the same measures; only its row and spans,
/// which the pass never reads, differ).
///
/// Kept out of line: inlined into [`settle`]'s loop, its walk over the
/// cells ran with fewer registers free (measured: 0.3M more instructions
/// over the dev corpus).
#[inline(never)]
fn body_lines<'a>(
    pieces: &[Piece],
    page: &Page<'a>,
) -> (Vec<Line<'a>>, Vec<Option<usize>>, Vec<Range<usize>>) {
    // A line per cell, and a blank one between two blocks.
    let n = pieces.iter().map(|p| p.cells.len() + 1).sum::<usize>();
    let n = n.saturating_sub(1);
    let mut lines: Vec<Line<'a>> = Page::lend_lines(n);
    let mut first = pipeline::lend(&FIRST, n);
    let mut runs = pipeline::lend(&RUNS, n);
    // The first page's lines to be copied next, not yet pushed.
    let mut stretch = 0..0;
    for (k, p) in pieces.iter().enumerate() {
        let at = first.len();
        if k > 0 && p.tight {
            // A list's item, on the row after the block before it: the
            // first page's lines are copied on where it follows that block
            // there too.
            if stretch.end != p.cells.start {
                lines.extend_from_slice(&page.lines[stretch]);
                stretch = p.cells.start..p.cells.start;
            }
        } else if k > 0 {
            // The blank row between this block and the one before it: the
            // first page's when it stands right between them there.
            let gap = stretch.end;
            if gap + 1 == p.cells.start && page.lines[gap].is_blank() {
                stretch.end = gap + 1;
            } else {
                lines.extend_from_slice(&page.lines[stretch]);
                lines.push(blank_before(&page.lines[p.cells.start]));
                stretch = p.cells.start..p.cells.start;
            }
            first.push(None);
            runs.push(at..at + 1);
        } else {
            stretch = p.cells.start..p.cells.start;
        }
        stretch.end = p.cells.end;
        let block = first.len();
        if p.cells.len() == 1 {
            // Most blocks are one cell: pushed, with no loop set up.
            first.push(Some(p.cells.start));
            runs.push(block..block + 1);
        } else {
            first.extend(p.cells.clone().map(Some));
            // A hard-wrapped paragraph: its lines are one paragraph.
            runs.resize(first.len(), block..first.len());
        }
    }
    lines.extend_from_slice(&page.lines[stretch]);
    debug_assert_eq!(lines.len(), first.len());
    (lines, first, runs)
}

/// The blank line between two blocks of the body text, as [`body_lines`]
/// places it: empty, where the next block's first cell `next` starts, on
/// its row.
fn blank_before<'a>(next: &Line<'a>) -> Line<'a> {
    let at = next.text_span.start;
    Line {
        text: "",
        row: next.row,
        span: at..at,
        text_span: at..at,
        // The measures of an empty text, known without a walk.
        shape: Shape::default(),
        lex: Lexical::BLANK,
    }
}

/// The lines [`body_lines`] builds are those [`split_lines`] splits the
/// body text `text` into, but for where they lie, and their paragraphs
/// are those [`crate::lines::wrapped_runs`] finds there.
#[cfg(debug_assertions)]
fn check_body_lines(text: &str, page2: &Page<'_>) {
    let (lines, runs) = (&page2.lines, &page2.runs);
    let split = split_lines(text);
    assert_eq!(split.len(), lines.len(), "{text:?}");
    for (a, b) in split.iter().zip(lines) {
        assert_eq!(
            (a.text, a.shape, a.lex),
            (b.text, b.shape, b.lex),
            "{text:?}"
        );
    }
    assert_eq!(runs, &crate::lines::wrapped_runs(&split), "{text:?}");
}

/// Metadata the first pass missed, from the later pass `v2`.
///
/// The later pass's lines hold their text where the input does
/// ([`body_lines`]): what it found in them is in the input already.
fn take_metadata<'a>(input: &'a str, v: &mut Verdicts<'a>, v2: &Verdicts<'a>) {
    let back = |t: Option<&'a str>| {
        debug_assert!(t.is_none_or(|t| within(input, t, &(0..input.len()))));
        t
    };
    if v.title.is_none() {
        v.title = back(v2.title);
    }
    v.date = v.date.or(v2.date);
    if v.byline.is_none() {
        v.byline = back(v2.byline);
    }
    if v.image_credit.is_none() {
        v.image_credit = back(v2.image_credit);
    }
    v.comment_count = v.comment_count.or(v2.comment_count);
}

/// Each body cell of the input is kept while a body cell of the later pass
/// overlaps it; else it takes the strongest label it overlaps. Whether any
/// verdict changed.
///
/// The later lines that overlap a cell are its copy alone ([`body_lines`]:
/// the lines of a block are its cells' copies, in order, one after the
/// other, and a blank line follows each block but where a list's item
/// follows it on the next line): it is read where it stands, not sought
/// by its span.
fn follow(
    input: &str,
    pieces: &[Piece],
    page: &Page<'_>,
    page2: &Page<'_>,
    v: &mut Verdicts<'_>,
    v2: &Verdicts<'_>,
) -> bool {
    let mut changed = false;
    let mut at = 0; // the copy of the block's first cell
                    // The body cells, block by block (in reading order, as the later
                    // lines are).
    for (k, p) in pieces.iter().enumerate() {
        for (i, j) in p.cells.clone().zip(at..) {
            let span = &page.lines[i].text_span;
            debug_assert!(std::ptr::eq(page2.lines[j].text, page.lines[i].text));
            let mut label = Label::Chrome(crate::ChromeKind::Other);
            let kept = match v2.label(j) {
                Label::Body => v2.kind(j),
                Label::Title if v.title.is_some_and(|t| within(input, t, span)) => {
                    label = Label::Title;
                    None
                }
                Label::Title | Label::Meta => {
                    label = Label::Meta;
                    None
                }
                lab @ Label::Chrome(_) => {
                    label = lab;
                    None
                }
                Label::Blank => None,
            };
            match kept {
                // The later pass may also see a line as a heading, or not.
                Some(kind) if v.kind(i) != Some(kind) => {
                    let why = v.get(i).why;
                    v.keep(i, kind, why);
                    changed = true;
                }
                Some(_) => {}
                None => {
                    v.drop_body(i, label);
                    changed = true;
                }
            }
        }
        let blank = pieces.get(k + 1).is_some_and(|next| !next.tight);
        at += p.cells.len() + usize::from(blank);
    }
    changed
}

#[cfg(test)]
mod tests {
    use crate::Cleaner;

    /// The blocks settling returns are those the settled verdicts build,
    /// on the input as it is: `settle` and then `build_blocks` anew.
    fn check_blocks(input: &str) -> Result<(), String> {
        let page = super::Page::of(input, None);
        let tuning = crate::tuning::Tuning::for_mode(crate::Mode::Balanced);
        let mut v = crate::pipeline::pass(&page, &tuning);
        let control = crate::input::survey(input.as_bytes()).control;
        let blocks = super::settle(input, &page, &mut v, &tuning, None, control);
        let fresh = super::build_blocks(input, &page.lines, &v, &page.runs);
        let key =
            |b: &[crate::Block<'_>]| -> Vec<(crate::BlockKind, String, std::ops::Range<usize>)> {
                b.iter()
                    .map(|b| (b.kind, b.text.to_string(), b.span.clone()))
                    .collect()
            };
        if key(&blocks) == key(&fresh) {
            Ok(())
        } else {
            Err(format!(
                "{input:?}: {:?} != {:?}",
                key(&blocks),
                key(&fresh)
            ))
        }
    }

    /// Whether the verdicts of the first cleaning again of `input`'s body
    /// say it keeps the body text ([`super::keeps_text`]); an error when
    /// the blocks built from them say otherwise.
    fn check_keeps_text(input: &str) -> Result<bool, String> {
        let page = super::Page::of(input, None);
        let tuning = crate::tuning::Tuning::for_mode(crate::Mode::Balanced);
        let v = crate::pipeline::pass(&page, &tuning);
        let pieces = super::body_pieces(input, &page, &v);
        if pieces.is_empty() {
            return Ok(false);
        }
        let text = super::joined(input, &pieces);
        let (page2, v2) = super::clean_again(&pieces, &page, &tuning, None);
        let fast = super::keeps_text(input, &pieces, &page2, &v2);
        let full = super::is_body_text(&text, &super::rebuilt(&text, &page2, &v2));
        if fast != full {
            return Err(format!(
                "{input:?}: the verdicts keep {text:?}: {fast}, the blocks: {full}"
            ));
        }
        Ok(fast)
    }

    /// The paragraphs of the body's page, from its blocks, are those
    /// [`crate::lines::wrapped_runs`] finds; its evidence, taken from the
    /// first page ([`crate::features::gather_copied`]), is that gathered
    /// afresh ([`crate::features::gather_with`]).
    fn check_copied_evidence(input: &str) -> Result<(), String> {
        let page = super::Page::of(input, None);
        let tuning = crate::tuning::Tuning::for_mode(crate::Mode::Balanced);
        let v = crate::pipeline::pass(&page, &tuning);
        let pieces = super::body_pieces(input, &page, &v);
        if pieces.is_empty() {
            return Ok(());
        }
        let (page2, _) = super::clean_again(&pieces, &page, &tuning, None);
        // The body text's own lines, where they stand in it.
        let text = super::joined(input, &pieces);
        let split = super::split_lines(&text);
        let plain = crate::features::gather_with(&split, &page2.runs, &page2.words, None);
        let runs = crate::lines::wrapped_runs(&split);
        if page2.runs != runs {
            return Err(format!("{input:?}: {:?} != {runs:?}", page2.runs));
        }
        if page2.evidence == plain {
            Ok(())
        } else {
            Err(format!("{input:?}: {:?} != {plain:?}", page2.evidence))
        }
    }

    /// The lines [`super::body_lines`] copies a stretch at a time are
    /// those copied one by one, a blank line of its own between two
    /// blocks, but for where the blank lines lie: the same texts,
    /// measures, first-page lines and paragraphs.
    fn check_stretches(input: &str) -> Result<(), String> {
        let page = super::Page::of(input, None);
        let tuning = crate::tuning::Tuning::for_mode(crate::Mode::Balanced);
        let v = crate::pipeline::pass(&page, &tuning);
        let pieces = super::body_pieces(input, &page, &v);
        let (lines, first, runs) = super::body_lines(&pieces, &page);
        let (mut want, mut want_first, mut want_runs) = (Vec::new(), Vec::new(), Vec::new());
        for (k, p) in pieces.iter().enumerate() {
            if k > 0 {
                want_runs.push(want.len()..want.len() + 1);
                want.push(super::blank_before(&page.lines[p.cells.start]));
                want_first.push(None);
            }
            let block = want.len()..want.len() + p.cells.len();
            for i in p.cells.clone() {
                want.push(page.lines[i].clone());
                want_first.push(Some(i));
                want_runs.push(block.clone());
            }
        }
        fn measures<'t>(
            l: &[super::Line<'t>],
        ) -> Vec<(&'t str, crate::lines::Shape, crate::lines::Lexical)> {
            l.iter().map(|l| (l.text, l.shape, l.lex)).collect()
        }
        if (measures(&lines), &first, &runs) == (measures(&want), &want_first, &want_runs) {
            Ok(())
        } else {
            Err(format!("{input:?}: {lines:?} != {want:?}"))
        }
    }

    #[test]
    fn verdicts_that_keep_the_body_text_build_it() {
        // A body of paragraphs, one of them hard-wrapped, is kept as it is.
        let article = "Home\nNews\n\n\
            The harbour reopened on Monday after three weeks of repairs to the old quay walls, the port said.\n\n\
            Fishermen said the closure had cost them most of the spring season, and that they would ask the\n\
            province for help, which the province has promised to consider before the summer.\n\n\
            The port expects the first ferries to return to their usual timetable by the end of the month.\n\n\
            Privacy\nCookies\n";
        assert_eq!(check_keeps_text(article), Ok(true));
        assert_eq!(check_keeps_text(""), Ok(false));
    }

    #[test]
    fn settled_blocks_are_those_of_the_settled_verdicts() {
        let article = "Home\nNews\n\nMeer nieuws\n\nHarbour reopens after repairs\n\n\
            The harbour reopened on Monday after three weeks of repairs to the old quay walls, the port said.\n\n\
            Fishermen said the closure had cost them most of the spring season, and that they would ask the province for help.\n\n\
            Privacy\nCookies\n";
        let wrapped = "Menu\n\nThe council met on Tuesday to discuss the new\nbridge over the river, which has been delayed\nfor years by disputes over its cost.\n\nA second paragraph follows here, with more words in it than the first one had.\n";
        let control = "Home\n\nA paragraph of text that is long enough to be kept as the body of the page.\n\x01\x02\x03\x04 binary \x05\x06\x07\x08\x0b\x0c\n";
        for input in [
            article,
            wrapped,
            control,
            "",
            "\n\n",
            "Wegen Umbau geschlossen.\n",
        ] {
            check_blocks(input).unwrap();
            check_copied_evidence(input).unwrap();
            check_stretches(input).unwrap();
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]
        /// On pages of mixed lines (paragraphs, wrapped lines, headings,
        /// chrome, control bytes), whatever settling keeps or drops.
        #[test]
        fn settled_blocks_match_on_mixed_pages(
            lines in proptest::collection::vec(
                proptest::sample::select(vec![
                    "", "", "Startseite", "Kommentare", "Lesen Sie auch", "12:30", "Hintergrund",
                    "Der Gemeinderat hat am Dienstag beschlossen, die alte Turnhalle abzureißen.",
                    "Die Kosten von rund sechs Millionen Euro sollen zur Hälfte aus Mitteln des Landes kommen, den Rest",
                    "muss die Gemeinde aus eigenen Rücklagen aufbringen, sagte der Kämmerer.",
                    "Endlich wird die Halle ersetzt, unsere Kinder haben lange genug dort geturnt.",
                    "Von Anna Schmidt", "12. März 2024", "\u{1}\u{2}\u{3} Steuer \u{4}\u{5}",
                    "Neue Halle für die Grundschule",
                ]),
                0..40,
            ),
        ) {
            let input = lines.join("\n");
            proptest::prop_assert!(check_blocks(&input).is_ok(), "{}", check_blocks(&input).unwrap_err());
            proptest::prop_assert!(check_keeps_text(&input).is_ok(), "{}", check_keeps_text(&input).unwrap_err());
            proptest::prop_assert!(check_copied_evidence(&input).is_ok(), "{}", check_copied_evidence(&input).unwrap_err());
            proptest::prop_assert!(check_stretches(&input).is_ok(), "{}", check_stretches(&input).unwrap_err());
        }
    }

    /// The word-wide test finds a byte below a space wherever it stands,
    /// among any other bytes.
    #[test]
    fn bytes_below_a_space_are_found() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for len in 0..40 {
            for _ in 0..200 {
                let bytes: Vec<u8> = (0..len)
                    .map(|_| match next() % 4 {
                        // Mostly bytes at or above a space, some just at it.
                        0 => 0x20 + (next() % 3) as u8,
                        1 => 0x80 + (next() % 0x80) as u8,
                        2 => 0x20 + (next() % 0x60) as u8,
                        _ if next() % 8 == 0 => (next() % 0x20) as u8,
                        _ => b'a',
                    })
                    .collect();
                assert_eq!(
                    super::any_below_space(&bytes),
                    bytes.iter().any(|&b| b < 0x20),
                    "{bytes:?}"
                );
            }
        }
    }

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

    /// A page of side-by-side columns (a case the property tests found):
    /// the body is in reading order, so the cells of the right column come
    /// after those of the left one but lie before them in the input. Each
    /// body cell must follow the later pass's verdict on its own block.
    #[test]
    fn cells_of_a_later_column_follow_the_later_pass() {
        let input = "\n\n\n\n\n\n\nthe.\n\n  87\n  @user het                  Il consiglio comunale ha approvato il nuovo piano per il centro storico. said il ©: El incendio obligó a evacuar a cientos de vecinos durante la noche del sábado. Il consiglio comunale ha approvato il nuovo piano per il centro storico.\n  07:26 476                  Construction starts in spring and should take two years, the mayor said after the vote. El incendio obligó a evacuar a cientos de vecinos durante la noche del sábado.\n  56                         vcije ' in xfmsu bridge 2025-08-08 1. Llg 2043 � Tuesday... Construction starts in spring and should take two years, the mayor said after the vote. El incendio obligó a evacuar a cientos de vecinos durante la noche del sábado. > 8. Vvkaq 2022 Stadtrat 73 25:21 5. Str 2081 xa 67101 13:21 Svkywfxoqh Qst 6. Wunf 2040 rlzwa?\n  hznhor\r\nSteven Defour zit al meer dan anderhalf jaar zonder club als trainer, sinds zijn ontslag in november.\n\n22:13 qtdrbpg €15 xjvfwrhrm 9. Nwxlbt 2052 pmuykyge le @user pbgi » 1.200 ntecv 27:40 il ooiu 🎉 d.”\n-\r © \"quoted\" og https://example.com/a?b=c and 5484 15:29 bxsc wdev het in der 5. Fcjio 2054 e-mail les Whlzzmc.”\r\r\njuomqax jecrwcvsef  cm on 6. Jts 2065\n>3,5 新闻记者 21258 e-mail y council de 18. Aosni 2061 U o ehgijq mayor 8. Zkir 2046 4. Obdku 2078 Orevv » 08:19.\nthe 한국어 09:30 2024 sk V fke Lc (c) 02:44 19:42 $40 87. Lmkxd 2006 ucrkuxzug nbctdsk e-mail 2025-08-08 08:32 Gcvljj 57 • niet abzvkuxwh 0062 Construction starts in spring and should take two years, the mayor said after the vote. señor 1065 of March vlxwqi mayor новости 0 Stadtrat … reacties le 11. Pfkpwut 2074 7. Rparzg 2070 de Wiscoqc incendio that 🎉 an incendio 09:30; kosxuswbdo 8 (c) 1.200 urr een 287 08/08 Mddubufcmn pgendhp $40 np 5. Fudsnr 2019 is não yhlrivujs 65. Vmtce 2055 uzcm 19:02 jv 12..\r\n\tThe city council approved the new bridge on Tuesday, ending a debate that lasted three years. 3,5!\u{200b}\ngpxasom de fwxpsit Straße 66807 שלום trainer €15 #tag pvilg 12:00 for bridge;\n>> said for reacties el on che 08:45 en.\n\n  \u{8a23f} \u{8b}                        The city council approved the new bridge on Tuesday, ending a debate that lasted three years. Fishermen said the closure had cost them most of the spring season.\n  that                       les wkqgw été 4167 p Straße ภาษาไทย 03:07   les rod mayor 2025-08-08 Ytpxyjaoaz… Der Stadtrat hat am Dienstag beschlossen, in der Innenstadt neue Radwege zu bauen.\n  fluljt o                   https://example.com/a?b=c marché jalbhnppcn — slqfjyg 276 that über e-mail xidwy la Iutsae 14:34 32077 23 3 12:00 ειδήσεις 527 pbgh Jogfhc 新闻记者! | Αθήνα \u{36c15} — to nkauqxosci Feiawz 075 en 19:28 😀 0 2025-08-08 ειδήσεις 09:30 09:50 y 5960 was 14 llxqvx ubvmukmik...\n  Februar                    Le marché couvert rouvrira ses portes au printemps après deux ans de travaux.\n  bridge rywosr              said 16:56. Residents of the harbour town voted on Wednesday to restore the lighthouse that has stood dark since 1987. Le marché couvert rouvrira ses portes au printemps après deux ans de travaux.\n";
        let c = Cleaner::builder().mode(crate::Mode::Recall).build();
        let first = c.clean(input).unwrap().body_text();
        let second = c.clean(&first).unwrap().body_text();
        assert_eq!(first, second);
    }

    /// A body whose first lines each look like a headline above the next
    /// once the chrome is gone (a shop widget's heading repeated, laid out
    /// in a column beside the post, as inscriptis prints a blog page) can
    /// shed one line a pass: with the models fitted before the refit for
    /// wrapped paragraphs it shed nine, and eight passes left it empty;
    /// with these it settles in three and keeps the widget's lines above
    /// the post. How much of the widget stays depends on the models; the
    /// post's two paragraphs must stay, at the end of a body that settles.
    #[test]
    fn a_body_that_sheds_a_line_a_pass_settles() {
        // (indent, text, width of the line with its padding)
        let rows: [(usize, &str, usize); 16] = [
            (8, "Jane Doe's notes on gardening, patience, and the ways seeds spread.", 75),
            (119, "Find it at a Shopkeep near you:", 181),
            (119, "Buy The Patient Garden now from these online retailers:", 176),
            (121, "+ Corner Books", 181),
            (119, "Buy Survival Is Not Enough now from these online retailers:", 181),
            (119, "Find it at a Shopkeep near you:", 181),
            (119, "Buy Unearthing The Seed Vault now from these online retailers:", 181),
            (119, "Find it at a Shopkeep near you:", 181),
            (121, "+ Local Bookshops", 181),
            (119, "Find it at a Shopkeep near you:", 181),
            (121, "+ Local Bookshops", 181),
            (18, "Worth thinking about that the next time you're annoyed at a neighbour.", 88),
            (18, "Or when you're dreaming up a fence designed to keep out a few stray dogs while it actually keeps out all of your friends.", 139),
            (0, "", 0),
            (14, "TrackBack", 23),
            (16, "TrackBack URL for this entry:", 45),
        ];
        let dump: String = rows
            .iter()
            .map(|&(indent, text, width)| {
                format!(
                    "{:indent$}{text:<pad$}\n",
                    "",
                    pad = width.saturating_sub(indent)
                )
            })
            .collect();
        let c = Cleaner::new();
        let body = c.clean(&dump).unwrap().body_text();
        assert!(
            body.ends_with(
                "Worth thinking about that the next time you're annoyed at a neighbour.\n\n\
                 Or when you're dreaming up a fence designed to keep out a few stray dogs \
                 while it actually keeps out all of your friends."
            ),
            "{body}"
        );
        assert_eq!(c.clean(&body).unwrap().body_text(), body);
    }
}
