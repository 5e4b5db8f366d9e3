//! Checks on the input before cleaning: binary content, and the parts a
//! long dump is cleaned in.

use std::ops::Range;

/// A dump of more lines than this is cleaned in parts of about this many
/// lines: more than any real page holds (the longest evaluation pages have
/// under 4,000 lines), few enough to keep the working memory small.
pub(crate) const PART_ROWS: usize = 16_384;

/// One part of a long dump: its bytes (without the line feed that ends it)
/// and the index of its first line.
pub(crate) struct Part {
    pub bytes: Range<usize>,
    pub row: usize,
}

/// The parts a dump is cleaned in: one for a dump of at most `PART_ROWS`
/// lines. A part ends before a blank line once it holds `PART_ROWS` lines
/// (paragraphs and lists stay whole), and at twice that many in any case.
pub(crate) fn parts(input: &str) -> Vec<Part> {
    let bytes = input.as_bytes();
    if crate::lines::count_newlines(bytes) < PART_ROWS {
        // Every real page: one part, found without walking its lines.
        return vec![Part {
            bytes: 0..bytes.len(),
            row: 0,
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

/// The number of control bytes ([`is_control`]) in `bytes`, as a sum the
/// compiler turns into vector code.
pub(crate) fn count_control(bytes: &[u8]) -> usize {
    bytes.iter().map(|&b| usize::from(is_control(b))).sum()
}

/// How many leading bytes are checked for binary content.
const BINARY_SAMPLE: usize = 8192;

/// The offset of the first control byte when the start of `bytes` looks
/// binary: any NUL byte, or more than one in ten bytes a control byte other
/// than tab, line feed, form feed, carriage return and escape.
pub(crate) fn binary_offset(bytes: &[u8]) -> Option<usize> {
    let sample = &bytes[..bytes.len().min(BINARY_SAMPLE)];
    if let Some(i) = sample.iter().position(|&b| b == 0) {
        return Some(i);
    }
    let count = count_control(sample);
    if count * 10 > sample.len() {
        sample.iter().position(|&b| is_control(b))
    } else {
        None
    }
}
