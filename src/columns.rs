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
//! A column need not have a cell beside another on most of its lines: a
//! menu on the right may share a line with the article now and then and
//! stand alone on the others, or an article indented beside a menu may take
//! turns with the menu's items, line by line. Among the lines outside the
//! blocks above, a line whose one cell starts after [`FAR_CELL`] bytes of
//! white space or more counts as a line of several cells (the columns on
//! its left empty there), and makes blocks in the same way. A block goes on
//! over the lines of one cell after it whose cells each start where a cell
//! of one of its columns does, without crossing a channel (the article of a
//! column that runs on below the menu beside it), up to a line that may
//! start a block of its own. Two blocks that touch are one block where their
//! lines together have channels, so that a column running from one into the
//! other is read in one piece.
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
/// A line whose one cell starts this many bytes of white space into it
/// counts as a line of several cells (those of the columns on its left
/// being empty there) where no block of lines of several cells is. Chosen
/// on the train split's inscriptis dumps: 16 to 64 read the same there.
const FAR_CELL: usize = 24;
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
    // Most pages have no line of several cells, nor a cell far from the
    // margin: one look at each cell.
    if !lines.windows(2).any(|w| w[0].row == w[1].row) && !lines.iter().any(is_far) {
        return (lines, words);
    }
    let rows = rows_of(&lines);
    let plain: Vec<bool> = rows.iter().map(|r| is_multi(input, &lines, r)).collect();
    // The blocks of lines of several cells; then, among the lines outside
    // them, the blocks that the lines of one far cell make with those.
    let mut blocks = find_blocks(&lines, &rows, &plain, 0..rows.len());
    let far_rows: Vec<bool> = rows.iter().map(|r| is_far_row(input, &lines, r)).collect();
    if far_rows.contains(&true) {
        let far: Vec<bool> = plain.iter().zip(&far_rows).map(|(&m, &f)| m || f).collect();
        let mut gaps = Vec::with_capacity(blocks.len() + 1);
        let mut from = 0;
        for b in &blocks {
            gaps.push(from..b.rows.start);
            from = b.rows.end;
        }
        gaps.push(from..rows.len());
        for gap in gaps {
            blocks.extend(find_blocks(&lines, &rows, &far, gap));
        }
        blocks.sort_by_key(|b| b.rows.start);
    }
    let blocks = merge_touching(&lines, &rows, blocks);
    if blocks.is_empty() {
        return (lines, words);
    }
    let mut order: Vec<Slot> = Vec::with_capacity(lines.len() + lines.len() / 4);
    let mut r = 0;
    for b in &blocks {
        order.extend(
            (r..b.rows.start)
                .flat_map(|k| rows[k].clone())
                .map(Slot::Cell),
        );
        let block = &rows[b.rows.clone()];
        let extents = char_extents(&lines, block);
        by_columns(&lines, block, &extents, &b.bounds, &mut order);
        r = b.rows.end;
    }
    order.extend(
        (r..rows.len())
            .flat_map(|k| rows[k].clone())
            .map(Slot::Cell),
    );
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

/// A block read by columns: its rows (indices of the page's rows) and its
/// column boundaries.
struct Block {
    rows: Range<usize>,
    bounds: Vec<usize>,
}

/// The blocks of columns among the rows `within`, where `multi` tells the
/// lines that make blocks ([`block_end`]). A block without columns keeps
/// its order and makes none. The lines of one cell after a block that keep
/// to one of its columns go on in those columns, up to a line that may
/// start a block of its own.
fn find_blocks(
    lines: &[Line<'_>],
    rows: &[Range<usize>],
    multi: &[bool],
    within: Range<usize>,
) -> Vec<Block> {
    let (rows, multi) = (&rows[..within.end], &multi[..within.end]);
    let mut blocks = Vec::new();
    let mut r = within.start;
    while r < within.end {
        let Some(mut end) = block_end(rows, multi, lines, r) else {
            r += 1;
            continue;
        };
        let block = &rows[r..end];
        let extents = char_extents(lines, block);
        if let Some(bounds) = channels(lines, block, &extents).filter(|_| holds_prose(lines, block))
        {
            // Where the block's cells start: a line goes on in a column
            // where it starts as one of the column's cells does.
            let mut starts: Vec<usize> = (block[0].start..block[block.len() - 1].end)
                .filter(|&i| !lines[i].is_blank())
                .map(|i| extents[i - block[0].start].0)
                .collect();
            starts.sort_unstable();
            starts.dedup();
            while end < within.end && !multi[end] && goes_on(lines, &rows[end], &bounds, &starts) {
                end += 1;
            }
            blocks.push(Block {
                rows: r..end,
                bounds,
            });
        }
        r = end;
    }
    blocks
}

/// `blocks` (in order), each two that touch read as one block where their
/// rows together have columns: a column that goes on from one block into
/// the next (an article beside a menu of two parts) is read in one piece.
fn merge_touching(lines: &[Line<'_>], rows: &[Range<usize>], blocks: Vec<Block>) -> Vec<Block> {
    let mut merged: Vec<Block> = Vec::with_capacity(blocks.len());
    for b in blocks {
        if let Some(last) = merged.last_mut().filter(|l| l.rows.end == b.rows.start) {
            let block = &rows[last.rows.start..b.rows.end];
            let extents = char_extents(lines, block);
            if let Some(bounds) = channels(lines, block, &extents) {
                last.rows.end = b.rows.end;
                last.bounds = bounds;
                continue;
            }
        }
        merged.push(b);
    }
    merged
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
    row.len() >= 2 && !by_cell(input, lines, row)
}

/// A tab (or a lone `\r`) on the line of `row`: its cells are laid out by
/// cell, not by position.
fn by_cell(input: &str, lines: &[Line<'_>], row: &Range<usize>) -> bool {
    let span = lines[row.start].span.start..lines[row.end - 1].span.end;
    input.as_bytes()[span]
        .iter()
        .any(|&b| b == b'\t' || b == b'\r')
}

/// A cell that starts [`FAR_CELL`] bytes of white space or more into its
/// line: on a line of one cell, a cell of a column to the right of others,
/// on a line where those have nothing.
fn is_far(cell: &Line<'_>) -> bool {
    !cell.is_blank() && cell.text_span.start - cell.span.start >= FAR_CELL
}

/// A line of one far cell ([`is_far`]) laid out by position (no tab).
fn is_far_row(input: &str, lines: &[Line<'_>], row: &Range<usize>) -> bool {
    row.len() == 1 && is_far(&lines[row.start]) && !by_cell(input, lines, row)
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

/// Each cell of `row` starts where a cell of the block does (one of
/// `starts`, sorted) and crosses no column boundary of `bounds`.
fn goes_on(lines: &[Line<'_>], row: &Range<usize>, bounds: &[usize], starts: &[usize]) -> bool {
    row_extents(lines, row)
        .zip(&lines[row.clone()])
        .all(|((s, e), c)| {
            c.is_blank()
                || (starts.binary_search(&s).is_ok() && bounds.iter().all(|&b| e <= b || s >= b))
        })
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
        out.extend(row_extents(lines, row));
    }
    out
}

/// [`char_extents`] of the cells of one line.
fn row_extents<'l>(
    lines: &'l [Line<'_>],
    row: &Range<usize>,
) -> impl Iterator<Item = (usize, usize)> + 'l {
    let line_start = lines[row.start].span.start;
    let mut wide = 0; // bytes beyond one a char in the cells before
    lines[row.clone()].iter().map(move |c| {
        let start = c.text_span.start - line_start - wide;
        wide += c.text.len() - c.shape.chars as usize;
        (start, start + c.shape.chars as usize)
    })
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

    /// A page of rows of cells, each `(column, text)` put at that char
    /// column of its line.
    fn page(rows: &[&[(usize, &str)]]) -> String {
        let mut out = String::new();
        for cells in rows {
            let mut line = String::new();
            for &(at, text) in *cells {
                line.push_str(&" ".repeat(at - line.len()));
                line.push_str(text);
            }
            out.push_str(&line);
            out.push('\n');
        }
        out
    }

    const P1: &str = "The bridge over the river reopened on Monday after months of work.";
    const P2: &str = "Engineers replaced the deck and painted the old steel frame again.";
    const P3: &str = "Traffic on the ring road fell by a third in the first two days.";
    const P4: &str = "The council said the works came in on time and under the budget.";

    #[test]
    fn a_column_with_cells_on_few_lines_is_read_after_its_neighbour() {
        // The menu on the right has a cell beside the article on two lines
        // only; on two more it is alone, far from the margin. The article
        // goes on below the menu's last cell, and so does its column.
        let input = page(&[
            &[(2, "Local news")],
            &[(80, "Weather")],
            &[(2, P1), (80, "Traffic")],
            &[],
            &[(2, P2)],
            &[(80, "Events")],
            &[(2, P3), (80, "Cinema")],
            &[],
            &[(2, P4)],
            &[],
            &[(2, "Contact the newsroom")],
        ]);
        assert_eq!(
            read(&input),
            [
                "Local news",
                P1,
                "|",
                P2,
                "|",
                P3,
                "|",
                P4,
                "|",
                "Contact the newsroom",
                "|",
                "Weather",
                "Traffic",
                "|",
                "Events",
                "Cinema",
                "|",
            ]
        );
    }

    #[test]
    fn an_indented_article_beside_a_menu_on_other_lines_is_one_column() {
        // No line holds two cells: the menu's items and the article's
        // paragraphs take turns, the article far from the margin.
        let input = page(&[
            &[(2, "Home")],
            &[(40, P1)],
            &[(2, "Sport")],
            &[(40, P2)],
            &[(2, "Weather")],
            &[(40, P3)],
            &[(2, "Travel")],
        ]);
        // (Each column skips every other line: a blank cell ends each of
        // its paragraphs.)
        assert_eq!(
            read(&input),
            ["Home", "Sport", "|", "Weather", "|", "Travel", "|", P1, "|", P2, "|", P3, "|"]
        );
    }

    #[test]
    fn an_article_column_that_goes_on_into_the_next_block_is_read_in_one_piece() {
        // Above, the menu's items and the article's paragraphs take turns
        // (a block of far cells); below, they share lines (a block of
        // lines of several cells). Read block by block, the menu's lower
        // part would cut the article in two.
        const P5: &str = "Cyclists have a lane of their own on the east side of the deck.";
        const P6: &str = "The old toll house by the bridge will open as a cafe in spring.";
        let input = page(&[
            &[(40, P1)],
            &[(2, "Home")],
            &[(40, P2)],
            &[(2, "Sport")],
            &[(40, P3)],
            &[(2, "Weather"), (40, P4)],
            &[(2, "Travel"), (40, P5)],
            &[(2, "Contact"), (40, P6)],
        ]);
        assert_eq!(
            read(&input),
            [
                "Home", "|", "Sport", "|", "Weather", "Travel", "Contact", "|", P1, "|", P2, "|",
                P3, P4, P5, P6, "|",
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
