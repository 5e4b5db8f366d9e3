//! Reading order: the cells of side-by-side columns, column by column.
//!
//! A text renderer that lays a page's layout table out with spaces (as
//! inscriptis does) prints a menu column and the article column on the same
//! lines:
//!
//! ```text
//!     News home           More than one million embryos were destroyed.
//!     UK Politics
//!     Obituaries          Data from the authority show that of 2,137,924
//! ```
//!
//! Read line by line, each paragraph of the article sits between two menu
//! items, and every stage that reads a line's neighbours reads the menu.
//! Read column by column, the menu is one run of short lines and the
//! article one run of paragraphs, as a browser's `innerText` gives them.
//!
//! A **block** is a run of lines with at least [`MIN_ROWS`] lines of two
//! or more cells split by spaces (a line holding a tab is a row of a data
//! table and is read as it is), at most [`MAX_INTERRUPTION`] non-blank lines
//! of one cell between two of them. The block's **columns** are split at
//! the **channels**: the char positions no cell of the block covers, where
//! at least [`MIN_ALIGNED`] cells start within [`ALIGN_SLACK`] chars after
//! the channel (a column's cells start at one position; a gap of three
//! spaces inside running text does not line up from line to line). A block
//! without a channel, or without [`MIN_PROSE_CELLS`] cells of running text
//! (a table of figures reads better by rows), is left as it is.
//!
//! Inside a block the cells are put column by column, each column's from
//! top to bottom; where a column has nothing on a line after some text, a
//! blank cell of no width (at the end of that line) separates its
//! paragraphs, as the blank line between paragraphs does in other
//! renderings. Every cell of the scan stays, once; [`input_order`] gives
//! them back in the order of the input for the per-line outputs.

use crate::lines::{self, Line, WordKeys};
use std::ops::Range;

/// A block holds at least this many lines of several cells.
const MIN_ROWS: usize = 3;
/// At most this many non-blank lines of one cell between two lines of
/// several cells of a block.
const MAX_INTERRUPTION: usize = 3;
/// A channel splits columns when at least this many cells start right after it.
const MIN_ALIGNED: usize = 3;
/// How many chars after a channel a cell may start and still line up with it.
const ALIGN_SLACK: usize = 4;
/// A block is read by columns only with this many cells of running text…
const MIN_PROSE_CELLS: usize = 2;
/// …of at least this many words.
const PROSE_WORDS: u32 = 8;

/// The scan of `input` ([`lines::split_page`]), its cells in reading order.
pub(crate) fn split_page(input: &str) -> (Vec<Line<'_>>, WordKeys) {
    let (lines, words) = lines::split_page(input);
    reading_order(input, lines, words)
}

/// The scan's cells of `input` (in input order) and their word keys, in reading
/// order: unchanged unless the page has a block of columns.
pub(crate) fn reading_order<'a>(
    input: &str,
    lines: Vec<Line<'a>>,
    words: WordKeys,
) -> (Vec<Line<'a>>, WordKeys) {
    // Most pages have no line of several cells: one look at each cell.
    if !lines.windows(2).any(|w| w[0].row == w[1].row) {
        return (lines, words);
    }
    let rows = rows_of(&lines);
    let multi: Vec<bool> = rows.iter().map(|r| is_multi(input, &lines, r)).collect();
    let mut order: Vec<Slot> = Vec::with_capacity(lines.len() + lines.len() / 4);
    let mut moved = false;
    let mut r = 0;
    while r < rows.len() {
        let Some(end) = block_end(&rows, &multi, &lines, r) else {
            order.extend(rows[r].clone().map(Slot::Cell));
            r += 1;
            continue;
        };
        let block = &rows[r..end];
        let extents = char_extents(&lines, block);
        match channels(&lines, block, &extents).filter(|_| holds_prose(&lines, block)) {
            Some(bounds) => {
                moved = true;
                by_columns(&lines, block, &extents, &bounds, &mut order);
            }
            None => order.extend((block[0].start..block[block.len() - 1].end).map(Slot::Cell)),
        }
        r = end;
    }
    if !moved {
        return (lines, words);
    }
    let (shape, lex) = lines::measure("", &mut Vec::new());
    let ordered: Vec<Line<'a>> = order
        .iter()
        .map(|slot| match *slot {
            Slot::Cell(i) => lines[i].clone(),
            Slot::Blank { row, at } => Line {
                text: "",
                row,
                span: at..at,
                text_span: at..at,
                shape,
                lex,
            },
        })
        .collect();
    let words = WordKeys::of(&ordered, |j| match order[j] {
        Slot::Cell(i) => Some(words.get(i)),
        Slot::Blank { .. } => None,
    });
    (ordered, words)
}

/// A place in the reading order: a cell of the scan, or a new blank cell of
/// no width at byte `at`, the end of input line `row`.
#[derive(Debug, Clone, Copy)]
enum Slot {
    Cell(usize),
    Blank { row: usize, at: usize },
}

/// The indices of `cells` in the order of the input (by span), when they
/// are not in it already.
pub(crate) fn input_order(cells: &[Line<'_>]) -> Option<Vec<usize>> {
    if cells.windows(2).all(|w| w[0].span.start <= w[1].span.start) {
        return None;
    }
    let mut order: Vec<usize> = (0..cells.len()).collect();
    // Stable: a new blank cell of no width stays after the line's cells.
    order.sort_by_key(|&i| cells[i].span.start);
    Some(order)
}

/// The cells of each input line, as index ranges (cells in input order).
fn rows_of(lines: &[Line<'_>]) -> Vec<Range<usize>> {
    let mut rows: Vec<Range<usize>> = Vec::with_capacity(lines.last().map_or(0, |l| l.row + 1));
    for (i, l) in lines.iter().enumerate() {
        match rows.last_mut() {
            Some(r) if lines[r.start].row == l.row => r.end = i + 1,
            _ => rows.push(i..i + 1),
        }
    }
    rows
}

/// A line of several cells split by spaces alone: a tab (or a lone
/// `\r`) anywhere on it makes it a row of a table laid out by cell, not by
/// position.
fn is_multi(input: &str, lines: &[Line<'_>], row: &Range<usize>) -> bool {
    let span = lines[row.start].span.start..lines[row.end - 1].span.end;
    row.len() >= 2
        && !input.as_bytes()[span]
            .iter()
            .any(|&b| b == b'\t' || b == b'\r')
}

/// The end (exclusive row index) of the block starting at row `r`, if a
/// block starts there.
fn block_end(rows: &[Range<usize>], multi: &[bool], lines: &[Line<'_>], r: usize) -> Option<usize> {
    if !multi[r] {
        return None;
    }
    let (mut last, mut count, mut interruption) = (r, 1, 0);
    for (k, row) in rows.iter().enumerate().skip(r + 1) {
        if multi[k] {
            last = k;
            count += 1;
            interruption = 0;
        } else if !lines[row.start].is_blank() {
            interruption += 1;
            if interruption > MAX_INTERRUPTION {
                break;
            }
        }
    }
    (count >= MIN_ROWS).then_some(last + 1)
}

/// A block with at least [`MIN_PROSE_CELLS`] cells of running text
/// ([`PROSE_WORDS`] words or more): text beside a menu, not a table of
/// figures and names, whose rows say more than its columns.
fn holds_prose(lines: &[Line<'_>], rows: &[Range<usize>]) -> bool {
    rows.iter()
        .flat_map(|r| &lines[r.clone()])
        .filter(|c| c.shape.words >= PROSE_WORDS)
        .nth(MIN_PROSE_CELLS - 1)
        .is_some()
}

/// For each cell of a block's `rows`, the char columns where its text
/// starts and ends on its line (white space counts one char a byte, text
/// its chars).
fn char_extents(lines: &[Line<'_>], rows: &[Range<usize>]) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(rows.last().map_or(0, |r| r.end) - rows[0].start);
    for row in rows {
        let line_start = lines[row.start].span.start;
        let mut wide = 0; // bytes beyond one a char in the cells before
        for c in &lines[row.clone()] {
            let start = c.text_span.start - line_start - wide;
            out.push((start, start + c.shape.chars as usize));
            wide += c.text.len() - c.shape.chars as usize;
        }
    }
    out
}

/// The column boundaries of a block (char positions, rising), if any;
/// `extents` as [`char_extents`] gives them.
fn channels(
    lines: &[Line<'_>],
    rows: &[Range<usize>],
    extents: &[(usize, usize)],
) -> Option<Vec<usize>> {
    let first = rows[0].start;
    let text = || {
        (first..rows[rows.len() - 1].end)
            .filter(|&i| !lines[i].is_blank())
            .map(|i| extents[i - first])
    };
    let width = text().map(|e| e.1).max()?;
    let left = text().map(|e| e.0).min()?;
    let mut covered = vec![false; width + 1];
    let mut starts = vec![0usize; width + 1];
    for (s, e) in text() {
        covered[s..e].iter_mut().for_each(|c| *c = true);
        starts[s] += 1;
    }
    let mut bounds = Vec::new();
    let mut x = left;
    while x < width {
        if covered[x] {
            x += 1;
            continue;
        }
        while x < width && !covered[x] {
            x += 1;
        }
        let aligned: usize = starts[x..(x + ALIGN_SLACK + 1).min(width + 1)].iter().sum();
        if x < width && aligned >= MIN_ALIGNED {
            bounds.push(x);
        }
    }
    (!bounds.is_empty()).then_some(bounds)
}

/// Put the cells of a block's `rows` in `order` column by column, each
/// column's top to bottom. A blank line's one cell stays in the first
/// column; where a column has nothing on a line after some text, a new
/// blank cell at the end of that line ends the paragraph.
fn by_columns(
    lines: &[Line<'_>],
    rows: &[Range<usize>],
    extents: &[(usize, usize)],
    bounds: &[usize],
    order: &mut Vec<Slot>,
) {
    let first = rows[0].start;
    // Each column's cells, with the index of their row in the block.
    let mut columns: Vec<Vec<(usize, usize)>> = vec![Vec::new(); bounds.len() + 1];
    for (k, row) in rows.iter().enumerate() {
        for i in row.clone() {
            let c = if lines[i].is_blank() {
                0
            } else {
                bounds.partition_point(|&b| b <= extents[i - first].0)
            };
            columns[c].push((k, i));
        }
    }
    let blank_after = |k: usize| {
        let row = &rows[k];
        Slot::Blank {
            row: lines[row.start].row,
            at: lines[row.end - 1].span.end,
        }
    };
    for cells in &columns {
        let mut open: Option<usize> = None; // the row of the column's last text
        for &(k, i) in cells {
            if lines[i].is_blank() {
                open = None;
            } else if let Some(last) = open.filter(|&last| k > last + 1) {
                order.push(blank_after(last + 1));
            }
            order.push(Slot::Cell(i));
            if !lines[i].is_blank() {
                open = Some(k);
            }
        }
        if open.is_some() {
            order.push(blank_after(rows.len() - 1));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The non-blank cells' texts in the order `reading_order` gives, with
    /// `|` for a blank cell.
    fn read(input: &str) -> Vec<&str> {
        let (lines, words) = lines::split_page(input);
        let (lines, _) = reading_order(input, lines, words);
        lines
            .iter()
            .map(|l| if l.is_blank() { "|" } else { l.text })
            .collect()
    }

    const LAYOUT: &str = "Site name\n\
        \x20 Home          More than a million embryos were destroyed, statistics show.\n\
        \x20 News\n\
        \x20 Sport         Data from the authority show the figures for every clinic.\n\
        \x20 Weather\n\
        \x20 Travel        Most spare embryos are destroyed within days of being made.\n\
        Footer line";

    #[test]
    fn columns_of_a_layout_table_are_read_one_after_the_other() {
        assert_eq!(
            read(LAYOUT),
            [
                "Site name",
                "Home",
                "News",
                "Sport",
                "Weather",
                "Travel",
                "|",
                "More than a million embryos were destroyed, statistics show.",
                "|",
                "Data from the authority show the figures for every clinic.",
                "|",
                "Most spare embryos are destroyed within days of being made.",
                "|",
                "Footer line",
            ]
        );
    }

    #[test]
    fn prose_with_wide_spaces_keeps_its_order() {
        // Gaps of three spaces inside running text do not line up.
        let input = "Maybe   my playlist   also includes the likes of some singers.\n\
            This is only   Part I of   the series, more to come later on.\n\
            We came   up with   this quick playlist of songs we like.\n\
            Another   line of   text that is long enough to cover.";
        let before: Vec<&str> = lines::split_lines(input).iter().map(|l| l.text).collect();
        assert_eq!(read(input), before);
    }

    #[test]
    fn cells_that_do_not_line_up_make_no_columns() {
        // A channel (chars 4 to 6 are blank on every line), but the cells
        // after it start at 7, 10, 13 and 16: no more than two within the
        // slack of one position.
        let staggered = "aaaa   One line of running text, eight words or more.\n\
            aaaa      Another line of running text, eight words or more.\n\
            aaaa         dddd\n\
            aaaa            eeee";
        let before: Vec<&str> = lines::split_lines(staggered)
            .iter()
            .map(|l| l.text)
            .collect();
        assert_eq!(read(staggered), before);
        // The same cells lined up are two columns.
        let aligned = "aaaa   bbbb\naaaa   cccc\naaaa   dddd\n\
            aaaa   One line of running text, eight words or more.\n\
            aaaa   Another line of running text, eight words or more.";
        assert_eq!(
            read(aligned),
            [
                "aaaa",
                "aaaa",
                "aaaa",
                "aaaa",
                "aaaa",
                "|",
                "bbbb",
                "cccc",
                "dddd",
                "One line of running text, eight words or more.",
                "Another line of running text, eight words or more.",
                "|"
            ]
        );
        // Without two cells of running text, a table of figures keeps its rows.
        let table =
            "Pos   Driver   Points\n1     Busch    5040\n2     Truex    5035\n3     Harvick  5033";
        let before: Vec<&str> = lines::split_lines(table).iter().map(|l| l.text).collect();
        assert_eq!(read(table), before);
    }

    #[test]
    fn rows_of_a_tab_separated_table_keep_their_order() {
        // Lined up (the same cells split by spaces would be three columns).
        let input = "Team\tGP\tPts\nAjax\t10\t25\nPSV.\t10\t24\nRoda\t10\t20";
        let before: Vec<&str> = lines::split_lines(input).iter().map(|l| l.text).collect();
        assert_eq!(read(input), before);
    }

    #[test]
    fn cells_go_back_to_input_order() {
        let (lines, words) = lines::split_page(LAYOUT);
        let original: Vec<(Range<usize>, &str)> =
            lines.iter().map(|l| (l.span.clone(), l.text)).collect();
        let (ordered, _) = reading_order(LAYOUT, lines, words);
        let order = input_order(&ordered).expect("the layout is reordered");
        let back: Vec<(Range<usize>, &str)> = order
            .iter()
            .map(|&i| &ordered[i])
            .filter(|l| !l.span.is_empty() || original.iter().any(|o| o.0 == l.span))
            .map(|l| (l.span.clone(), l.text))
            .collect();
        assert_eq!(back, original);
        // A page in input order already gives no permutation.
        let (plain, _) = lines::split_page("one\ntwo\nthree");
        assert!(input_order(&plain).is_none());
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]
        /// On any page of rows made of cells at chosen columns (aligned
        /// ones, and not), every cell of the scan comes out once with its
        /// own word keys, the new cells are blank and of no width, and
        /// `input_order` puts the scan's cells back as they were.
        #[test]
        fn reading_order_is_a_permutation_of_the_cells(
            rows in proptest::collection::vec(
                proptest::collection::vec((0usize..4, proptest::sample::select(vec![
                    "Home", "News today", "A sentence of running text, eight words or more.",
                    "Another sentence of running text, as long as that.", "12:00", "é ü", "", "x",
                ])), 0..4),
                0..30,
            ),
            tab in proptest::bool::ANY,
        ) {
            let mut input = String::new();
            for (r, cells) in rows.iter().enumerate() {
                if r > 0 {
                    input.push('\n');
                }
                let mut line = String::new();
                for &(col, text) in cells {
                    let at = col * 14 + usize::from(tab && col == 3);
                    if line.len() + 3 <= at {
                        line.push_str(&" ".repeat(at - line.len()));
                    } else if !line.is_empty() {
                        line.push_str(if tab && col == 2 { "\t" } else { "   " });
                    }
                    line.push_str(text);
                }
                input.push_str(&line);
            }
            let (lines, words) = lines::split_page(&input);
            let original: Vec<(Range<usize>, String, Vec<u64>)> = lines
                .iter()
                .enumerate()
                .map(|(i, l)| (l.span.clone(), l.text.to_string(), words.get(i).to_vec()))
                .collect();
            let (ordered, new_words) = reading_order(&input, lines, words);
            // Each cell of the scan once, with its keys; the rest new blanks.
            let mut unused = original.clone();
            for (j, l) in ordered.iter().enumerate() {
                let cell = (l.span.clone(), l.text.to_string(), new_words.get(j).to_vec());
                match unused.iter().position(|o| *o == cell) {
                    Some(k) => {
                        unused.remove(k);
                    }
                    None => proptest::prop_assert!(l.is_blank() && l.span.is_empty()),
                }
            }
            proptest::prop_assert!(unused.is_empty());
            // Back in input order, but for the blanks of no width.
            let order = input_order(&ordered).unwrap_or_else(|| (0..ordered.len()).collect());
            let wide = |c: &(Range<usize>, String, Vec<u64>)| !c.0.is_empty();
            let back: Vec<_> = order
                .iter()
                .map(|&i| (ordered[i].span.clone(), ordered[i].text.to_string(), new_words.get(i).to_vec()))
                .filter(wide)
                .collect();
            let original: Vec<_> = original.into_iter().filter(wide).collect();
            proptest::prop_assert_eq!(back, original);
        }
    }
}
