//! Checks on the input before cleaning: binary content, and the parts a
//! long dump is cleaned in.

use std::ops::Range;

/// A dump of more lines than this is cleaned in parts of about this many
/// lines: more than any real page holds (the longest evaluation pages have
/// under 4,000 lines), few enough to keep the working memory small.
pub(crate) const PART_ROWS: usize = 16_384;

/// A dump of more cells than this (the lines of a wide table are many
/// cells each, see [`crate::lines`]) is cleaned in parts of about this many
/// cells: the working memory grows with the cells, not the lines (a cell
/// takes a few hundred bytes while it is cleaned). No real page comes near
/// it (the evaluation pages have at most 3,800 cells, and at most 5,800
/// by the bound [`parts`] counts).
pub(crate) const PART_CELLS: usize = 2 * PART_ROWS;

/// One part of a long dump: its bytes (without the line feed that ends it),
/// the index of its first line and its number of lines.
pub(crate) struct Part {
    pub bytes: Range<usize>,
    pub row: usize,
    pub rows: usize,
}

/// What one pass over a dump's bytes finds before it is cleaned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Survey {
    /// The number of line feeds.
    pub newlines: usize,
    /// Whether any byte is a control byte ([`is_control`]): without one,
    /// the dump does not look binary ([`binary_offset`]) and no line of it
    /// does.
    pub control: bool,
    /// The tabs and carriage returns: each may part two cells. The cells
    /// of a dump are at most its lines, these and its runs of three or
    /// more spaces ([`parts`]).
    pub breaks: usize,
}

/// The [`Survey`] of `bytes`, in blocks of 224 bytes (seven vectors of 32):
/// the line feeds of a block are counted in a byte (its count fits one),
/// and whether it holds a byte below a space other than a line feed is
/// found beside them ([`any_below_space_but_line_feed`]'s least), all by
/// vector operations with no byte left over to count one at a time. Only
/// a block with such a byte (a tab, mostly) is looked at for control
/// bytes, all of its bytes by vector compares (no count is needed), and
/// for its tabs and carriage returns.
pub(crate) fn survey(bytes: &[u8]) -> Survey {
    let mut blocks = bytes.chunks_exact(224);
    let (mut newlines, mut control, mut breaks) = (0, false, 0);
    for block in &mut blocks {
        let (feeds, least) = block.iter().fold((0u8, u8::MAX), |(n, least), &b| {
            (
                n + u8::from(b == b'\n'),
                least.min((b ^ b'\n').wrapping_sub(1)),
            )
        });
        newlines += usize::from(feeds);
        // Tabs and carriage returns are bytes below 0x1f (few blocks hold
        // one).
        if least < 0x1f {
            control = control || block.iter().fold(false, |any, &b| any | is_control(b));
            breaks += usize::from(tabs_and_returns(block));
        }
    }
    let rest = blocks.remainder();
    Survey {
        newlines: newlines + rest.iter().filter(|&&b| b == b'\n').count(),
        control: control || count_control(rest) > 0,
        breaks: breaks + rest.iter().filter(|&&b| b == b'\t' || b == b'\r').count(),
    }
}

/// The tabs and carriage returns of a block of 224 bytes (the count fits a
/// byte).
fn tabs_and_returns(block: &[u8]) -> u8 {
    block
        .iter()
        .fold(0u8, |n, &b| n + u8::from((b == b'\t') | (b == b'\r')))
}

/// At least the runs of three or more spaces in `bytes`: the runs of pairs
/// of spaces that start at an even offset, one pair after the other. A run
/// of three or more spaces holds such a pair, and the pairs of two runs
/// of spaces are apart (a byte between them is not a space), so each run
/// has a run of pairs of its own; a text that pads its columns with long
/// runs of spaces counts one for each. Counted by vector compares of
/// two-byte lanes against the lane before, a block of 448 bytes at a time
/// (its count fits a `u8`).
fn space_runs(bytes: &[u8]) -> usize {
    const PAIR: u16 = u16::from_ne_bytes(*b"  ");
    let lane = |p: &[u8]| u16::from_ne_bytes([p[0], p[1]]);
    let mut runs = usize::from(bytes.len() >= 2 && lane(bytes) == PAIR);
    if bytes.len() < 4 {
        return runs;
    }
    // Each lane from the second on, beside the lane before it.
    let (before, lanes) = (&bytes[..bytes.len() - 2], &bytes[2..]);
    for start in (0..lanes.len()).step_by(448) {
        let end = (start + 448).min(lanes.len());
        let starts = lanes[start..end]
            .chunks_exact(2)
            .zip(before[start..end].chunks_exact(2))
            .fold(0u8, |n, (p, q)| {
                n + (u8::from(lane(p) == PAIR) & u8::from(lane(q) != PAIR))
            });
        runs += usize::from(starts);
    }
    runs
}

/// The parts a dump of the [`Survey`] `survey` is cleaned in: one for a
/// dump of at most [`PART_ROWS`] lines and fewer than [`PART_CELLS`] cells.
/// A part ends before a blank line once it holds `PART_ROWS` lines or
/// `PART_CELLS` cells (paragraphs and lists stay whole), and in any case
/// before it would hold more than twice either (a line is never cut: a line
/// of more cells is a part of its own). The cells are counted line by line
/// only in a dump of many gaps between cells (a wide table).
pub(crate) fn parts(input: &str, survey: &Survey) -> Vec<Part> {
    let bytes = input.as_bytes();
    // The gaps between cells are at most the breaks and the runs of three
    // or more spaces, which take three bytes each: most pages are settled
    // by their length, with no count of their spaces.
    let rows = survey.newlines + 1;
    let mut gaps = survey.breaks + bytes.len() / 3;
    if rows + gaps >= PART_CELLS {
        gaps = survey.breaks + space_runs(bytes);
    }
    if rows + gaps < PART_CELLS && rows <= PART_ROWS {
        // Every real page: one part, found without walking its lines.
        return vec![Part {
            bytes: 0..bytes.len(),
            row: 0,
            rows,
        }];
    }
    // With fewer gaps than that, a part of at most twice `PART_ROWS` lines
    // holds fewer than twice `PART_CELLS` cells: the lines of a long text
    // are not counted.
    let count_cells = gaps >= PART_CELLS;
    let mut parts = Vec::new();
    let (mut start, mut row) = (0, 0);
    // The current line's start; the lines and cells in the part before it.
    let (mut pos, mut rows, mut cells) = (0, 0, 0);
    loop {
        let end = memchr_nl(input, pos);
        let line = &input[pos..end];
        let here = if count_cells {
            crate::lines::cells_of(line)
        } else {
            1
        };
        let full = rows >= PART_ROWS || cells >= PART_CELLS;
        let over = rows >= 2 * PART_ROWS || (rows > 0 && cells + here > 2 * PART_CELLS);
        if over || (full && line.trim().is_empty()) {
            parts.push(Part {
                bytes: start..pos - 1,
                row,
                rows,
            });
            (start, row, rows, cells) = (pos, row + rows, 0, 0);
        }
        rows += 1;
        cells += here;
        if end == bytes.len() {
            break;
        }
        pos = end + 1;
    }
    parts.push(Part {
        bytes: start..bytes.len(),
        row,
        rows,
    });
    parts
}

/// The index of the first `\n` at or after `from`, or the length.
fn memchr_nl(input: &str, from: usize) -> usize {
    input[from..].find('\n').map_or(input.len(), |i| from + i)
}

/// A control byte other than tab, line feed, form feed, carriage return and
/// escape: a sign of binary content.
pub(crate) fn is_control(b: u8) -> bool {
    b < 0x20 && !matches!(b, b'\t' | b'\n' | 0x0c | b'\r' | 0x1b)
}

/// The number of control bytes ([`is_control`]) in `bytes`: a block of 256
/// bytes without a byte below 0x20 other than a line feed (most blocks of
/// text) is passed over with a few vector operations per 32 bytes and one
/// test, the rest in blocks of 32 bytes, passed over alike, and then
/// eight bytes at a time ([`count_control_by_words`]).
pub(crate) fn count_control(bytes: &[u8]) -> usize {
    count_in_blocks::<256>(bytes, |block| {
        count_in_blocks::<32>(block, count_control_by_words)
    })
}

/// `count` summed over the blocks of `N` bytes of `bytes` and the rest,
/// passing over each block without a byte below 0x20 other than a line
/// feed ([`any_below_space_but_line_feed`]), which holds no control byte.
#[inline(always)]
fn count_in_blocks<const N: usize>(bytes: &[u8], count: impl Fn(&[u8]) -> usize) -> usize {
    let mut blocks = bytes.chunks_exact(N);
    let mut n = 0;
    for block in &mut blocks {
        if any_below_space_but_line_feed(block) {
            n += count(block);
        }
    }
    n + count(blocks.remainder())
}

/// Whether `bytes` hold a byte below 0x20 other than a line feed, in three
/// vector operations per vector of bytes and no branch: `b ^ 0x0a` maps
/// the line feed to 0 and the other bytes below 0x20 among 1 to 0x1f (the
/// rest stay at or above 0x20), so that, less one (0 wrapping to 0xff),
/// exactly those bytes lie below 0x1f, and the least of all does when one
/// is there.
fn any_below_space_but_line_feed(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .fold(u8::MAX, |least, &b| least.min((b ^ b'\n').wrapping_sub(1)))
        < 0x1f
}

/// [`count_control`], eight bytes at a time: a block without a byte below
/// 0x20 other than a line feed is passed over with a few word-wide
/// operations.
fn count_control_by_words(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut n = 0;
    for c in &mut chunks {
        let x = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
        // With every high bit set, subtracting 0x20 from each byte never
        // borrows; the high bit stays set where the byte is at least 0x20.
        let below = !((x | HIGH) - 0x20 * ONES) & !x & HIGH;
        // Line feeds, byte 0x0a: zero bytes of `x ^ 0x0a..`.
        let y = x ^ (0x0a * ONES);
        let line_feed = !(((y & !HIGH) + !HIGH) | y | !HIGH);
        if below & !line_feed != 0 {
            n += c.iter().filter(|&&b| is_control(b)).count();
        }
    }
    n + chunks
        .remainder()
        .iter()
        .filter(|&&b| is_control(b))
        .count()
}

/// How many leading bytes are checked for binary content.
const BINARY_SAMPLE: usize = 8192;

/// The offset of the first control byte when the start of `bytes` looks
/// binary: any NUL byte, or more than one in ten bytes a control byte other
/// than tab, line feed, form feed, carriage return and escape.
pub(crate) fn binary_offset(bytes: &[u8]) -> Option<usize> {
    let sample = &bytes[..bytes.len().min(BINARY_SAMPLE)];
    // A NUL byte is a control byte: most samples hold neither.
    let count = count_control(sample);
    if count == 0 {
        return None;
    }
    if let Some(i) = sample.iter().position(|&b| b == 0) {
        return Some(i);
    }
    if count * 10 > sample.len() {
        sample.iter().position(|&b| is_control(b))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every byte, alone or among others, is below a space and no line
    /// feed exactly when the vector test says so.
    #[test]
    fn bytes_below_a_space_but_line_feeds_are_found() {
        for b in 0..=255u8 {
            let want = b < 0x20 && b != b'\n';
            assert_eq!(any_below_space_but_line_feed(&[b]), want, "{b:#x}");
            let mut block = [b'a'; 300];
            block[77] = b;
            assert_eq!(any_below_space_but_line_feed(&block), want, "{b:#x}");
        }
        assert!(!any_below_space_but_line_feed(&[]));
    }

    /// A block of line feeds only counts them all: its count fits a byte.
    #[test]
    fn blocks_of_line_feeds_are_counted_whole() {
        for len in [0, 1, 223, 224, 225, 255, 256, 448, 1000] {
            let want = Survey {
                newlines: len,
                control: false,
                breaks: 0,
            };
            assert_eq!(survey(&vec![b'\n'; len]), want);
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]
        #[test]
        fn control_bytes_are_counted_as_byte_by_byte(
            bytes in proptest::collection::vec(proptest::sample::select(vec![
                0u8, 1, 8, b'\t', b'\n', 0x0b, 0x0c, b'\r', 0x1b, 0x1f, b' ', b'a', 0x7f, 0x80, 0x9f, 0xa0, 0xff,
                b'a', b'b', b' ', b'\n',
            ]), 0..200),
        ) {
            let want = bytes.iter().filter(|&&b| is_control(b)).count();
            proptest::prop_assert_eq!(count_control(&bytes), want);
        }

        #[test]
        fn line_feeds_and_control_bytes_are_found_as_byte_by_byte(
            bytes in proptest::collection::vec(proptest::sample::select(vec![
                b'\n', b'\n', b'\r', b'a', b' ', 0x8a, b'\t', b'a', b'b', b'c', b'd', b'e', b'f', b'g',
            ]), 0..1200),
            control in proptest::option::of((0usize..1200, proptest::sample::select(vec![0u8, 1, 0x0b, 0x1f]))),
        ) {
            let mut bytes = bytes;
            if let Some((at, b)) = control {
                if at < bytes.len() {
                    bytes[at] = b;
                }
            }
            let want = Survey {
                newlines: bytes.iter().filter(|&&b| b == b'\n').count(),
                control: bytes.iter().any(|&b| is_control(b)),
                breaks: bytes.iter().filter(|&&b| b == b'\t' || b == b'\r').count(),
            };
            proptest::prop_assert_eq!(survey(&bytes), want);
            proptest::prop_assert_eq!(crate::lines::count_newlines(&bytes), want.newlines);
        }

        /// The runs of pairs of spaces at even offsets, counted as a walk
        /// over the pairs counts them, and at least the runs of three or
        /// more spaces a walk over the bytes counts.
        #[test]
        fn runs_of_spaces_are_counted_as_byte_by_byte(
            bytes in proptest::collection::vec(proptest::sample::select(vec![b' ', b' ', b' ', b'a', b'\t', b'\n']), 0..2000),
        ) {
            let mut want = 0;
            let mut previous = false;
            for pair in bytes.chunks_exact(2) {
                let spaces = pair == b"  ";
                want += usize::from(spaces && !previous);
                previous = spaces;
            }
            proptest::prop_assert_eq!(space_runs(&bytes), want);
            let (mut runs, mut run) = (0, 0);
            for &b in &bytes {
                run = if b == b' ' { run + 1 } else { 0 };
                runs += usize::from(run == 3);
            }
            proptest::prop_assert!(runs <= want, "{runs} runs of spaces, {want} of pairs");
        }

        /// The cells of a text are at most the bounds [`parts`] reads: the
        /// lines and breaks, and the length or the runs of spaces of the
        /// whole text; and they are those `cells_of` counts line by line.
        #[test]
        fn cells_are_at_most_their_bounds(
            lines in proptest::collection::vec(
                proptest::collection::vec(proptest::sample::select(vec![
                    " ", " ", "  ", "   ", "\t", "\r", "a", "word", "é", "x y",
                ]), 0..30),
                1..20,
            ),
        ) {
            let lines: Vec<String> = lines.iter().map(|l| l.concat()).collect();
            let text = lines.join("\n");
            let cells = crate::lines::split_lines(&text).len();
            let s = survey(text.as_bytes());
            let bound = |spaces: usize| s.newlines + 1 + s.breaks + spaces;
            proptest::prop_assert!(cells <= bound(text.len() / 3));
            proptest::prop_assert!(cells <= bound(space_runs(text.as_bytes())));
            let by_line: usize = text.split('\n').map(crate::lines::cells_of).sum();
            proptest::prop_assert_eq!(cells, by_line);
        }
    }

    /// The cells of each part, as the scan splits them.
    fn part_cells(input: &str) -> Vec<usize> {
        parts(input, &survey(input.as_bytes()))
            .iter()
            .map(|p| crate::lines::split_lines(&input[p.bytes.clone()]).len())
            .collect()
    }

    /// A wide table of few lines is cleaned in parts of at most twice
    /// [`PART_CELLS`] cells (it has no blank line to end one at), which
    /// hold its lines in order; a page of text stays one part.
    #[test]
    fn a_wide_table_is_cleaned_in_parts_of_cells() {
        let row = vec!["cell one"; 50].join("\t");
        let rows = 3 * PART_CELLS / 50;
        let input = vec![row.as_str(); rows].join("\n");
        let parts = parts(&input, &survey(input.as_bytes()));
        assert!(parts.len() >= 2, "{} parts", parts.len());
        let cells = part_cells(&input);
        assert_eq!(cells.iter().sum::<usize>(), rows * 50);
        assert!(cells.iter().all(|&c| c <= 2 * PART_CELLS), "{cells:?}");
        // The parts follow one another, line by line.
        let mut next = (0, 0);
        for p in &parts {
            assert_eq!((p.bytes.start, p.row), next);
            next = (p.bytes.end + 1, p.row + p.rows);
        }
        assert_eq!((next.0 - 1, next.1), (input.len(), rows));
        // A page of text, and a table of few cells, are one part.
        let page = include_str!("../testdata/seeds/000.txt");
        assert_eq!(part_cells(page).len(), 1);
        let small = vec!["a\tb\tc"; 1000].join("\n");
        assert_eq!(part_cells(&small), [3000]);
    }

    /// A table padded with spaces (as some renderers lay columns out), too
    /// long to be settled by its length, is bounded by its runs of spaces
    /// (two a line here, not 40 pairs): it stays one part.
    #[test]
    fn a_table_padded_with_spaces_stays_one_part() {
        let row = format!("name{}value{}more", " ".repeat(40), " ".repeat(40));
        let input = vec![row.as_str(); 2000].join("\n");
        assert!(input.len() / 3 >= PART_CELLS);
        assert_eq!(space_runs(input.as_bytes()), 4000);
        assert_eq!(part_cells(&input), [6000]);
    }
}
