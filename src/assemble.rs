//! Assembling the [`Article`] from a part's verdicts: body blocks, chrome
//! segments and one [`LineInfo`] per input line.

use crate::article::{Article, Block, BlockKind, ChromeSegment, Label, LineInfo};
use crate::columns;
use crate::features::Evidence;
use crate::lines;
use crate::pipeline::verdicts::{self, Verdict};
use crate::pipeline::{Page, Verdicts};
use std::borrow::Cow;
use std::ops::Range;

/// The article of a part: `rows` are the spans of its input lines (`None`
/// when each line is one cell, whose span is the line's), and `blocks` its
/// body blocks (as settling built them last).
pub(crate) fn article<'a>(
    input: &'a str,
    page: &Page<'a>,
    v: Verdicts<'a>,
    rows: Option<Vec<Range<usize>>>,
    blocks: Vec<Block<'a>>,
) -> Article<'a> {
    let lines = &page.lines;
    // The body (`blocks`) in reading order; chrome and line records in input order.
    // One cell per input line (no `rows`): the cells are in input order,
    // as the scan split them (reading order moves only cells of lines of
    // several).
    let order = match rows {
        None => None,
        Some(_) => columns::input_order(lines),
    };
    debug_assert!(rows.is_some() || columns::input_order(lines).is_none());
    let (cells, labels, evidence) = match order {
        None => (
            Cow::Borrowed(&lines[..]),
            None,
            Cow::Borrowed(&page.evidence[..]),
        ),
        Some(order) => (
            order.iter().map(|&i| lines[i].clone()).collect(),
            Some(order.iter().map(|&i| v.label(i)).collect::<Vec<Label>>()),
            order.iter().map(|&i| page.evidence[i]).collect(),
        ),
    };
    let (chrome, lines_info) = match (labels, rows) {
        // Most pages are in input order with one cell per input line: no
        // line to unify, each line's record is its cell's, and the labels
        // are read from the verdicts as they stand (no copy of them).
        (None, None) => (
            chrome_segments(input, &cells, v.labels()),
            line_infos_of_cells(&cells, v.labels(), &evidence),
        ),
        (labels, rows) => {
            let mut labels = labels.unwrap_or_else(|| v.labels().collect());
            if rows.is_some() {
                unify_chrome_rows(&cells, &mut labels);
            }
            let chrome = chrome_segments(input, &cells, labels.iter().copied());
            let lines_info = match rows {
                None => line_infos_of_cells(&cells, labels.iter().copied(), &evidence),
                Some(rows) => line_infos(&cells, &labels, &evidence, rows),
            };
            (chrome, lines_info)
        }
    };
    let article = Article {
        title: v.title.map(Cow::Borrowed),
        date: v.date,
        byline: v.byline.map(Cow::Borrowed),
        image_credit: v.image_credit.map(Cow::Borrowed),
        comment_count: v.comment_count,
        blocks,
        chrome,
        lines: lines_info,
    };
    v.give_back();
    article
}

/// Chrome segments: runs of cells of one kind; blank lines between two
/// cells of the same segment join it.
fn chrome_segments<'a>(
    input: &'a str,
    lines: &[lines::Line<'a>],
    labels: impl IntoIterator<Item = Label>,
) -> Vec<ChromeSegment<'a>> {
    // A segment holds one chrome cell or (mostly) several: room for a
    // segment per four cells leaves most pages without a reallocation.
    let mut chrome: Vec<ChromeSegment<'a>> = Vec::with_capacity(lines.len() / 4 + 8);
    // Whether the last cell that is not blank is chrome (the last cell of
    // the last segment): a chrome cell of its kind joins that segment.
    let mut after_chrome = false;
    for (l, label) in lines.iter().zip(labels) {
        match label {
            Label::Blank => {}
            Label::Chrome(kind) => {
                match chrome.last_mut() {
                    Some(seg) if after_chrome && seg.kind == kind => {
                        seg.lines.end = l.row + 1;
                        seg.span.end = l.span.end;
                    }
                    _ => chrome.push(ChromeSegment {
                        kind,
                        text: Cow::Borrowed(""),
                        span: l.span.clone(),
                        lines: l.row..l.row + 1,
                    }),
                }
                after_chrome = true;
            }
            _ => after_chrome = false,
        }
    }
    for seg in &mut chrome {
        seg.text = Cow::Borrowed(&input[seg.span.clone()]);
    }
    chrome
}

/// One record per input line: the strongest label of its cells, and the
/// highest local score among them.
fn line_infos(
    cells: &[lines::Line<'_>],
    labels: &[Label],
    evidence: &[Evidence],
    rows: Vec<Range<usize>>,
) -> Vec<LineInfo> {
    let mut infos: Vec<LineInfo> = rows
        .into_iter()
        .map(|r| LineInfo {
            label: Label::Blank,
            span: r,
            score: 0.0,
        })
        .collect();
    for ((l, &label), e) in cells.iter().zip(labels).zip(evidence) {
        let info = &mut infos[l.row];
        if rank(label) > rank(info.label) {
            info.label = label;
        }
        if !l.is_blank() {
            info.score = info.score.max(local_score(e));
        }
    }
    infos
}

/// [`line_infos`] of a page of one cell per input line (`cells` in input
/// order, cell `i` on row `i`), in one pass: a line's label is its cell's,
/// and so are its span and its score.
fn line_infos_of_cells(
    cells: &[lines::Line<'_>],
    labels: impl IntoIterator<Item = Label>,
    evidence: &[Evidence],
) -> Vec<LineInfo> {
    cells
        .iter()
        .zip(labels)
        .zip(evidence)
        .enumerate()
        .map(|(i, ((l, label), e))| {
            debug_assert_eq!(l.row, i);
            LineInfo {
                label,
                span: l.span.clone(),
                // As `line_infos` takes it: the larger of 0 and the score.
                score: if l.is_blank() {
                    0.0
                } else {
                    0.0f32.max(local_score(e))
                },
            }
        })
        .collect()
}

/// A line's local score, from 0 to 1: the logistic of its logit.
fn local_score(e: &Evidence) -> f32 {
    1.0 / (1.0 + (-e.logit).exp())
}

/// The body blocks: one per body cell, except that the lines of a
/// hard-wrapped paragraph make one block.
pub(crate) fn build_blocks<'a>(
    input: &'a str,
    lines: &[lines::Line<'a>],
    v: &Verdicts<'_>,
    runs: &[Range<usize>],
) -> Vec<Block<'a>> {
    let mut blocks: Vec<Block<'a>> = Vec::new();
    block_cells(input, lines, v, runs, |i, kind, joins| {
        let l = &lines[i];
        match blocks.last_mut() {
            Some(b) if joins => {
                b.span.end = l.text_span.end;
                b.text = Cow::Borrowed(&input[b.span.clone()]);
            }
            _ => blocks.push(Block {
                kind,
                text: Cow::Borrowed(l.text),
                span: l.text_span.clone(),
            }),
        }
    });
    blocks
}

/// The body cells `i` of the blocks [`build_blocks`] builds, told to
/// `cell` in turn with their block kind, and whether each joins the block
/// before it (else it starts a block of its kind): the cells of a block
/// are body cells one after the other, and the block's span runs from the
/// text of its first to that of its last.
pub(crate) fn block_cells(
    input: &str,
    lines: &[lines::Line<'_>],
    v: &Verdicts<'_>,
    runs: &[Range<usize>],
    mut cell: impl FnMut(usize, BlockKind, bool),
) {
    let kind = |i: usize| v.kind(i);
    // The verdicts are walked, and a line looked at only when it is body
    // (most are not: passed over without reading the line).
    let verdicts = v.all();
    debug_assert_eq!(verdicts.len(), lines.len());
    // The body lies between its first and last cell: the lines before and
    // after it (the page's head and foot) are passed over once.
    let body = |x: &Verdict| x.kind.is_some();
    let Some(first) = verdicts::first_where(verdicts, body) else {
        return;
    };
    let end = verdicts::last_where(&verdicts[first..], body).map_or(first, |l| first + l + 1);
    let verdicts = &verdicts[first..end];
    let mut last: Option<usize> = None; // the cell of the last block's end
    for (i, verdict) in (first..).zip(verdicts) {
        let Some(kind_i) = verdict.kind else { continue };
        let joins = kind_i == BlockKind::Paragraph
            && last.is_some_and(|j| {
                runs[j] == runs[i]
                    && kind(j) == Some(BlockKind::Paragraph)
                    && j + 1 == i
                    && follows(input, &lines[j], &lines[i])
            });
        cell(i, kind_i, joins);
        last = Some(i);
    }
}

/// Cell `b` follows cell `a` in the input: on the same line, or on the
/// next (the lines of a column read column by column do not, and a block
/// is one slice of the input).
fn follows(input: &str, a: &lines::Line<'_>, b: &lines::Line<'_>) -> bool {
    a.row == b.row
        || matches!(
            input.as_bytes().get(a.span.end..b.span.start),
            Some(b"\n" | b"\r\n")
        )
}

/// The span of each input line, from the spans of its cells.
pub(crate) fn row_spans(cells: &[lines::Line<'_>]) -> Vec<std::ops::Range<usize>> {
    let mut rows: Vec<std::ops::Range<usize>> =
        Vec::with_capacity(cells.last().map_or(0, |c| c.row + 1));
    for c in cells {
        match rows.get_mut(c.row) {
            Some(r) => r.end = c.span.end,
            None => rows.push(c.span.clone()),
        }
    }
    rows
}

/// Which label a line with cells of several labels takes: body first.
fn rank(label: Label) -> u8 {
    match label {
        Label::Body => 5,
        Label::Title => 4,
        Label::Meta => 3,
        Label::Chrome(_) => 2,
        Label::Blank => 1,
    }
}

/// A line whose cells are all chrome (or blank) is one piece of chrome: its
/// cells take the kind of its first chrome cell, so that the line lies in
/// exactly one chrome segment.
fn unify_chrome_rows(cells: &[lines::Line<'_>], labels: &mut [Label]) {
    let mut start = 0;
    while start < cells.len() {
        let row = cells[start].row;
        let mut end = start + 1;
        while cells.get(end).is_some_and(|c| c.row == row) {
            end += 1;
        }
        // A line of one cell (most lines) keeps its label.
        if end - start == 1 {
            start = end;
            continue;
        }
        let all_chrome = labels[start..end]
            .iter()
            .all(|l| matches!(l, Label::Chrome(_) | Label::Blank));
        let first = labels[start..end]
            .iter()
            .find(|l| matches!(l, Label::Chrome(_)))
            .copied();
        if let (true, Some(kind)) = (all_chrome, first) {
            for l in &mut labels[start..end] {
                if matches!(l, Label::Chrome(_)) {
                    *l = kind;
                }
            }
        }
        start = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ChromeKind;

    const LABELS: [Label; 6] = [
        Label::Body,
        Label::Title,
        Label::Meta,
        Label::Blank,
        Label::Chrome(ChromeKind::Navigation),
        Label::Chrome(ChromeKind::Footer),
    ];

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]
        /// On a page of one cell per input line, the line records built in
        /// one pass are those of [`line_infos`], and there is no line to
        /// unify; the page has one cell per line exactly when it has as
        /// many cells as lines.
        #[test]
        fn one_cell_per_line_takes_its_cells_record(
            rows in proptest::collection::vec(proptest::sample::select(vec![
                "", "  ", "Home", "A line of text, long enough to be prose.", "Menu        Search",
                "News | Sport | Weather", "\tindented", "left column text          right column text",
            ]), 1..24),
            picks in proptest::collection::vec((0..LABELS.len(), proptest::sample::select(vec![
                -40.0f32, -3.5, -0.0, 0.0, 0.25, 2.0, 90.0, f32::NAN, f32::INFINITY,
            ])), 48),
        ) {
            let input = rows.join("\n");
            let (cells, _) = lines::split_page(&input);
            let spans = row_spans(&cells);
            let one_per_row = cells.iter().enumerate().all(|(i, c)| c.row == i);
            proptest::prop_assert_eq!(one_per_row, cells.len() == spans.len());
            if !one_per_row {
                return Ok(());
            }
            let pick = |i: usize| picks[i % picks.len()];
            let labels: Vec<Label> = (0..cells.len()).map(|i| LABELS[pick(i).0]).collect();
            let evidence: Vec<Evidence> = (0..cells.len())
                .map(|i| Evidence { logit: pick(i).1, ..Evidence::default() })
                .collect();
            let key = |infos: Vec<LineInfo>| -> Vec<(Label, Range<usize>, u32)> {
                infos.into_iter().map(|l| (l.label, l.span, l.score.to_bits())).collect()
            };
            proptest::prop_assert_eq!(
                key(line_infos_of_cells(&cells, labels.iter().copied(), &evidence)),
                key(line_infos(&cells, &labels, &evidence, spans))
            );
            let mut unified = labels.clone();
            unify_chrome_rows(&cells, &mut unified);
            proptest::prop_assert_eq!(unified, labels);
        }

        /// Chrome segments are those found by the index of the last cell
        /// that is not blank and of the last chrome cell.
        #[test]
        fn chrome_segments_are_runs_of_one_kind(
            rows in proptest::collection::vec(proptest::sample::select(vec![
                "", "Home", "A line of text.", "Menu        Search", "a\tb\tc",
            ]), 1..32),
            picks in proptest::collection::vec(0..LABELS.len() + 2, 64),
        ) {
            let input = rows.join("\n");
            let (cells, _) = lines::split_page(&input);
            let kinds = [Label::Chrome(ChromeKind::Promo), Label::Chrome(ChromeKind::Other)];
            let labels: Vec<Label> = (0..cells.len())
                .map(|i| match picks[i % picks.len()] {
                    k if k < LABELS.len() => LABELS[k],
                    k => kinds[k - LABELS.len()],
                })
                .collect();
            let key = |segs: Vec<ChromeSegment<'_>>| -> Vec<(ChromeKind, String, Range<usize>, Range<usize>)> {
                segs.into_iter().map(|s| (s.kind, s.text.into_owned(), s.span, s.lines)).collect()
            };
            proptest::prop_assert_eq!(
                key(chrome_segments(&input, &cells, labels.iter().copied())),
                key(chrome_segments_by_index(&input, &cells, &labels))
            );
        }
    }

    /// [`chrome_segments`] as it was first written: a chrome cell joins
    /// the last segment when it is of its kind and the last cell that is
    /// not blank is that segment's last cell.
    fn chrome_segments_by_index<'a>(
        input: &'a str,
        lines: &[lines::Line<'a>],
        labels: &[Label],
    ) -> Vec<ChromeSegment<'a>> {
        let mut chrome: Vec<ChromeSegment<'a>> = Vec::new();
        let mut last_cell = 0;
        let mut prev_nonblank: Option<usize> = None;
        for (i, (l, label)) in lines.iter().zip(labels).enumerate() {
            if *label == Label::Blank {
                continue;
            }
            if let Label::Chrome(kind) = *label {
                match chrome.last_mut() {
                    Some(seg) if seg.kind == kind && Some(last_cell) == prev_nonblank => {
                        seg.lines.end = l.row + 1;
                        seg.span.end = l.span.end;
                    }
                    _ => chrome.push(ChromeSegment {
                        kind,
                        text: Cow::Borrowed(""),
                        span: l.span.clone(),
                        lines: l.row..l.row + 1,
                    }),
                }
                last_cell = i;
            }
            prev_nonblank = Some(i);
        }
        for seg in &mut chrome {
            seg.text = Cow::Borrowed(&input[seg.span.clone()]);
        }
        chrome
    }
}
