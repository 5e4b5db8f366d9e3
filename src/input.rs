//! Checks on the input before cleaning: binary content, and the parts a
//! long dump is cleaned in.

use std::ops::Range;

/// A dump of more lines than this is cleaned in parts of about this many
/// lines: more than any real page holds (the longest evaluation pages have
/// under 4,000 lines), few enough to keep the working memory small.
pub(crate) const PART_ROWS: usize = 16_384;

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
}

/// The [`Survey`] of `bytes`, in blocks of 224 bytes (seven vectors of 32):
/// the line feeds of a block are counted in a byte (its count fits one),
/// and whether it holds a byte below a space other than a line feed is
/// found beside them ([`any_below_space_but_line_feed`]'s least), all by
/// vector operations with no byte left over to count one at a time. Only
/// a block with such a byte (a tab, mostly) is looked at for control
/// bytes, all of its bytes by vector compares (no count is needed).
pub(crate) fn survey(bytes: &[u8]) -> Survey {
    let mut blocks = bytes.chunks_exact(224);
    let (mut newlines, mut control) = (0, false);
    for block in &mut blocks {
        let (feeds, least) = block.iter().fold((0u8, u8::MAX), |(n, least), &b| {
            (
                n + u8::from(b == b'\n'),
                least.min((b ^ b'\n').wrapping_sub(1)),
            )
        });
        newlines += usize::from(feeds);
        control =
            control || (least < 0x1f && block.iter().fold(false, |any, &b| any | is_control(b)));
    }
    let rest = blocks.remainder();
    Survey {
        newlines: newlines + rest.iter().filter(|&&b| b == b'\n').count(),
        control: control || count_control(rest) > 0,
    }
}

/// The parts a dump of `newlines` line feeds ([`Survey::newlines`]) is
/// cleaned in: one for a dump of at most `PART_ROWS` lines. A part ends
/// before a blank line once it holds `PART_ROWS` lines (paragraphs and
/// lists stay whole), and at twice that many in any case.
pub(crate) fn parts(input: &str, newlines: usize) -> Vec<Part> {
    let bytes = input.as_bytes();
    if newlines < PART_ROWS {
        // Every real page: one part, found without walking its lines.
        return vec![Part {
            bytes: 0..bytes.len(),
            row: 0,
            rows: newlines + 1,
        }];
    }
    let mut parts = Vec::new();
    let (mut start, mut row) = (0, 0);
    let (mut pos, mut rows) = (0, 0); // the current line's start; lines in the part before it
    loop {
        let end = memchr_nl(input, pos);
        let line = &input[pos..end];
        if rows >= 2 * PART_ROWS || (rows >= PART_ROWS && line.trim().is_empty()) {
            parts.push(Part {
                bytes: start..pos - 1,
                row,
                rows,
            });
            (start, row, rows) = (pos, row + rows, 0);
        }
        rows += 1;
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
            };
            proptest::prop_assert_eq!(survey(&bytes), want);
            proptest::prop_assert_eq!(crate::lines::count_newlines(&bytes), want.newlines);
        }
    }
}
