//! Splitting a dump into lines with byte spans, and the cheap per-line
//! measurements every later stage reads.
//!
//! A text renderer lays table cells and side-by-side columns out on one
//! line, separated by a tab or a run of spaces (`Europe      Fire theory
//! 'devastates' family`). Such a line is split into *cells* at those gaps, and
//! every later stage works on cells; a line without gaps is one cell. Each
//! cell keeps the index of its input line (`row`) and a span; the spans of a
//! line's cells partition the line. A line is split into at most
//! [`MAX_LINE_CELLS`] cells.
//!
//! One pass over the bytes, no allocation per line beyond the `Line` record.

use crate::keys::{fnv, for_each_word, key_seed, FNV_SEED, MIN_CONTENT_WORD};
use std::ops::Range;

/// The most cells a line is split into: its text after the gap that ends
/// its last cell but one is its last cell, gaps and all. No table is that
/// wide; a line of more gaps (a dump whose line ends were turned into tabs)
/// would take a few hundred bytes a cell to clean, all at once (a dump is
/// cleaned in parts of lines, and a line is never cut).
pub(crate) const MAX_LINE_CELLS: usize = 1024;

/// One cell of an input line (the whole line when it has no gaps): its span
/// and the span of its text with surrounding white space removed.
#[derive(Debug, Clone)]
pub(crate) struct Line<'a> {
    /// The trimmed text of the cell.
    pub text: &'a str,
    /// The index of the input line (split on `\n`) the cell belongs to.
    pub row: usize,
    /// Byte span of the cell in the input: the whole line without `\n` /
    /// `\r\n` for a line of one cell; the gap after a cell belongs to it.
    pub span: Range<usize>,
    /// Byte span of `text` in the input.
    pub text_span: Range<usize>,
    /// Cheap shape measurements of `text`.
    pub shape: Shape,
    /// What the words of `text` tell, measured in the same pass as `shape`.
    pub lex: Lexical,
}

impl Lexical {
    /// The measures of an empty text ([`measure`] of `""`).
    pub(crate) const BLANK: Lexical = Lexical {
        key: 0,
        prefix: 0,
        stopwords: 0.0,
        caps: 0.0,
        plain: true,
        copyright: false,
        cues: 0,
        short_legal: false,
        urlish: false,
    };

    /// What the cue lexicons read of these measures.
    #[inline]
    pub(crate) fn cue_notes(&self) -> crate::lexicon::ScanNotes {
        crate::lexicon::ScanNotes {
            cues: self.cues,
            copyright: self.copyright,
            plain: self.plain,
            short_legal: self.short_legal,
        }
    }
}

impl Line<'_> {
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// Shape measurements of a line's text, computed in one pass over its chars.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Shape {
    /// Number of chars.
    pub chars: u32,
    /// Words: white-space separated tokens holding a letter or digit, plus
    /// one word per two CJK/Thai chars (scripts written without spaces).
    pub words: u32,
    /// Letters (any script).
    pub letters: u32,
    /// Decimal digits.
    pub digits: u32,
    /// Uppercase letters.
    pub upper: u32,
    /// Sentence punctuation inside the line (`.`, `!`, `?` followed by a space, `;`).
    pub inner_stops: u32,
    /// Commas.
    pub commas: u32,
    /// Separator characters typical of menus and breadcrumbs (`|`, `•`, `·`, `»`, `>`, `/`).
    pub separators: u32,
    /// The text ends with sentence-final punctuation (possibly followed by a closing quote or bracket).
    pub terminal: bool,
    /// The text ends with an ellipsis (`...` or `…`): a cut teaser.
    pub ellipsis: bool,
    /// The first char is lowercase (a continuation or a fragment).
    pub starts_lower: bool,
    /// The text starts with a list bullet (`•`, `-`, `*`, `·`, `–`, `▪`, `►`).
    pub bullet: bool,
    /// Chars from scripts written without spaces (CJK, Thai, Kana, Hangul counts too).
    pub cjk: u32,
}

/// What a line's words tell, measured in the same pass over its bytes as
/// its [`Shape`]. A word here is a white-space separated token, as
/// `str::split_whitespace` gives them.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Lexical {
    /// The [`norm_key`](crate::keys::norm_key) of the whole text.
    pub key: u64,
    /// A key of the first two words (each's [`norm_key`](crate::keys::norm_key) combined), never 0
    /// when the text has two or more words; 0 when it has fewer.
    pub prefix: u64,
    /// The share of function words among the first 64 words: each word
    /// trimmed of non-alphanumeric chars at both ends and lowercased, looked
    /// up in the stop-word table of [`crate::stopwords`].
    pub stopwords: f32,
    /// The share of words after the first (at most 40 of them) whose first
    /// alphanumeric char is uppercase, among those with one: high in
    /// headlines in title case and in menus of names, low in running text.
    pub caps: f32,
    /// No char of the text outside ASCII is alphanumeric: its maximal runs
    /// of alphanumeric chars are runs of ASCII letters and digits.
    pub plain: bool,
    /// The text has a `©`.
    pub copyright: bool,
    /// For a text the cue lexicons read as a short line
    /// ([`crate::lexicon::is_short_cue_line`]): the lexicons (bits by index
    /// in the lexicon's order) some phrase of which occurs in the text as a
    /// sequence of words, from the keys of its words
    /// ([`crate::lexicon::cue_candidates`]). 0 for other texts.
    pub cues: u8,
    /// A run of alphanumeric chars shorter than a content word has a key
    /// of [`crate::lexicon::SHORT_LEGAL_RUNS`].
    pub short_legal: bool,
    /// The text holds `http`, `www.` or `.com` (a link or a domain).
    pub urlish: bool,
}

/// Split `input` into lines on `\n`, stripping a trailing `\r` from each,
/// and each line into cells at gaps (a tab, a lone `\r`, or three or more spaces).
///
/// The rows run from 0 to `input.split('\n').count() - 1`, so a trailing
/// newline yields a final empty line, as in the gold `line_labels`; every row
/// has at least one cell.
pub(crate) fn split_lines(input: &str) -> Vec<Line<'_>> {
    split_page(input).0
}

/// [`split_lines`], with the content-word keys of every cell, from the same
/// pass over the bytes.
pub(crate) fn split_page(input: &str) -> (Vec<Line<'_>>, WordKeys) {
    split_page_of_rows(input, count_newlines(input.as_bytes()) + 1)
}

/// [`split_page`] of an `input` known to hold `rows` lines (one more than
/// its line feeds).
pub(crate) fn split_page_of_rows(input: &str, rows: usize) -> (Vec<Line<'_>>, WordKeys) {
    let bytes = input.as_bytes();
    debug_assert_eq!(rows, count_newlines(bytes) + 1);
    // One cell per line for most lines, and room for an eighth more (the
    // cells of a few tables): no growing (and copying) of a vector of the
    // size of the input on most pages.
    let mut lines = Vec::with_capacity(rows + rows / 8);
    let mut words = WordKeys {
        // About one content word in ten bytes of text.
        keys: Vec::with_capacity(input.len() / 8),
        ends: WordKeys::ends_with_room(rows),
        seen: Vec::new(),
    };
    let mut runs = [0; RUN_KEYS];
    let mut start = 0;
    let mut row = 0;
    let mut ends = LineEnds::new(bytes);
    loop {
        let (end, plain) = ends.next_line();
        let mut line_end = end;
        // A carriage return (below a space) makes a line not plain.
        if !plain && line_end > start && bytes[line_end - 1] == b'\r' {
            line_end -= 1;
        }
        push_cells(
            input,
            (start..line_end, plain),
            row,
            &mut words,
            &mut runs,
            &mut lines,
        );
        if end >= bytes.len() {
            break;
        }
        start = end + 1;
        row += 1;
    }
    (lines, words)
}

/// The ends of the lines of a text, in order, and whether each line is
/// plain: no byte of it below a space and no two spaces in a row, so no
/// gap ([`next_gap`]) in it, which then needs no search: most lines of a
/// page. Each block of 32 bytes is looked at once for all the lines in it,
/// not once more for each line that starts in it.
struct LineEnds<'a> {
    bytes: &'a [u8],
    /// The start of the block [`LineEnds::stops`] are of.
    base: usize,
    /// Bit `j` set: byte `base + j` is a stop ([`stops_of_block`]) not
    /// taken yet.
    stops: u32,
}

impl<'a> LineEnds<'a> {
    /// The line ends of `bytes`, from its first byte.
    fn new(bytes: &'a [u8]) -> LineEnds<'a> {
        LineEnds {
            bytes,
            base: 0,
            stops: stops_at(bytes, 0),
        }
    }

    /// The next stop not taken yet, or the length when none is left.
    #[inline(always)]
    fn next_stop(&mut self) -> usize {
        while self.stops == 0 {
            if self.base + 32 >= self.bytes.len() {
                return self.bytes.len();
            }
            self.base += 32;
            self.stops = stops_at(self.bytes, self.base);
        }
        let k = self.base + self.stops.trailing_zeros() as usize;
        // The lowest bit set cleared.
        self.stops &= self.stops - 1;
        k
    }

    /// The end of the next line (the index of its `\n`, or the length) and
    /// whether it is plain. A line feed is a stop (below a space): the stops
    /// before it, if any, make the line not plain.
    #[inline(always)]
    fn next_line(&mut self) -> (usize, bool) {
        let mut plain = true;
        loop {
            let k = self.next_stop();
            match self.bytes.get(k) {
                None | Some(b'\n') => return (k, plain),
                Some(_) => plain = false,
            }
        }
    }
}

/// The stops of the 32 bytes of `bytes` from `base` (fewer at its end): bit
/// `j` set where byte `base + j` is below a space or starts two spaces.
#[inline(always)]
fn stops_at(bytes: &[u8], base: usize) -> u32 {
    match bytes
        .get(base..base + 33)
        .and_then(|b| b.first_chunk::<33>())
    {
        Some(block) => stops_of_block(block),
        None => stops_of_end(bytes, base),
    }
}

/// [`stops_at`] of a block of 32 bytes (and the byte after them), with
/// vector compares, no branch per byte; most blocks of text have a stop,
/// the others are told by one test.
#[inline(always)]
fn stops_of_block(block: &[u8; 33]) -> u32 {
    let mut stops = [0u8; 32];
    for (j, stop) in stops.iter_mut().enumerate() {
        *stop = u8::from((block[j] < b' ') | ((block[j] == b' ') & (block[j + 1] == b' ')));
    }
    let words: [u64; 4] = std::array::from_fn(|k| {
        u64::from_le_bytes(stops[8 * k..][..8].try_into().unwrap_or([0; 8]))
    });
    if words.iter().fold(0, |any, &w| any | w) == 0 {
        return 0;
    }
    // The bytes of 0 and 1 of each eight, gathered into a bit each.
    (0..4).fold(0, |bits, k| bits | gather_low_bits(words[k]) << (8 * k))
}

/// [`stops_at`] of a block with fewer than 33 bytes from `base`, byte by
/// byte.
#[cold]
fn stops_of_end(bytes: &[u8], base: usize) -> u32 {
    let end = bytes.len().min(base + 32);
    (base..end).fold(0, |stops, i| {
        let stop = bytes[i] < b' ' || bytes[i..].starts_with(b"  ");
        stops | u32::from(stop) << (i - base)
    })
}

/// Bit 0 of each byte of `w` (whose bytes are 0 or 1), gathered into the
/// low eight bits: bit `j` from byte `j`. The product puts byte `j`'s bit
/// at bit `56 + j`, and no two bits of the product meet below bit 64.
#[inline(always)]
fn gather_low_bits(w: u64) -> u32 {
    (w.wrapping_mul(0x0102_0408_1020_4080) >> 56) as u32
}

/// The high bit of each byte of `x` below `n` (at most 0x80), all other
/// bits clear: with every high bit set, subtracting `n` from each byte
/// never borrows; bytes from 0x80 up are not below.
#[inline(always)]
fn below(x: u64, n: u8) -> u64 {
    !((x | HIGH) - 0x0101_0101_0101_0101 * u64::from(n)) & !x & HIGH
}

/// The number of `\n` bytes in `bytes`: counted in bytes over blocks of
/// 255, which compile to vector compares and adds.
pub(crate) fn count_newlines(bytes: &[u8]) -> usize {
    bytes
        .chunks(255)
        .map(|block| usize::from(block.iter().fold(0u8, |n, &b| n + u8::from(b == b'\n'))))
        .sum()
}

/// Every line's distinct content-word keys (each once, in the order they
/// first occur in the line), in one buffer: the
/// [`norm_key`](crate::keys::norm_key)s of its runs of alphanumeric chars of [`MIN_CONTENT_WORD`]
/// bytes or more, which cohesion compares. They depend on the line's text
/// alone, so a later pass over the same lines can take them from an
/// earlier one.
#[derive(Debug)]
pub(crate) struct WordKeys {
    keys: Vec<u64>,
    /// Where the keys of each line start, then where those of the last
    /// end: line `i`'s are `keys[ends[i]..ends[i + 1]]`. The leading 0
    /// spares every look-up a test for the first line.
    ends: Vec<usize>,
    /// The table [`dedup_hashed`] works in, kept from line to line.
    seen: Vec<u64>,
}

/// The keys of no line: [`WordKeys::ends`] holds its leading 0 already.
impl Default for WordKeys {
    fn default() -> WordKeys {
        WordKeys {
            keys: Vec::new(),
            ends: WordKeys::ends_with_room(0),
            seen: Vec::new(),
        }
    }
}

impl WordKeys {
    /// The keys of `lines`; `known` gives those of line `i` when they were
    /// computed before, the others are hashed word by word.
    pub(crate) fn of<'k>(
        lines: &[Line<'_>],
        known: impl Fn(usize) -> Option<&'k [u64]>,
    ) -> WordKeys {
        // A content word and the char after it take five bytes or more.
        let most = lines.iter().map(|l| (l.text.len() + 1) / 5).sum();
        let mut words = WordKeys {
            keys: Vec::with_capacity(most),
            ends: WordKeys::ends_with_room(lines.len()),
            seen: Vec::new(),
        };
        for (i, l) in lines.iter().enumerate() {
            let start = words.keys.len();
            match known(i) {
                // Each once already.
                Some(k) => {
                    words.keys.extend_from_slice(k);
                    words.ends.push(words.keys.len());
                }
                None => {
                    for_each_word(l.text, |k, len| {
                        if len >= MIN_CONTENT_WORD {
                            words.keys.push(k);
                        }
                    });
                    words.end_line(start);
                }
            }
        }
        words
    }

    /// The keys of lines that copy lines of `earlier`: line `j` has the
    /// keys of line `from[j]` there (none when it is `None`). Nothing is
    /// hashed or deduplicated again. The room for the keys is that of the
    /// lines from the first copied to the last: all of them when the lines
    /// copy each a later line than the one before (settling's later page
    /// does), and never more than `earlier` holds.
    pub(crate) fn copied(earlier: &WordKeys, from: &[Option<usize>]) -> WordKeys {
        let span = |i: usize| earlier.ends[i]..earlier.ends[i + 1];
        let n = match (
            from.iter().flatten().next(),
            from.iter().flatten().next_back(),
        ) {
            (Some(&a), Some(&b)) if a <= b => earlier.ends[b + 1] - earlier.ends[a],
            _ => 0,
        };
        let mut words = WordKeys {
            keys: Vec::with_capacity(n),
            ends: WordKeys::ends_with_room(from.len()),
            seen: Vec::new(),
        };
        for f in from {
            if let Some(i) = *f {
                words.keys.extend_from_slice(&earlier.keys[span(i)]);
            }
            words.ends.push(words.keys.len());
        }
        words
    }

    /// The [`WordKeys::ends`] of no line yet, with room for `lines`.
    fn ends_with_room(lines: usize) -> Vec<usize> {
        let mut ends = Vec::with_capacity(lines + 1);
        ends.push(0);
        ends
    }

    /// The keys pushed since `start` are the next line's: each once, in
    /// the order of their first occurrence. Most cells have no key or one,
    /// and nothing to drop: they take no call.
    #[inline(always)]
    fn end_line(&mut self, start: usize) {
        if self.keys.len() <= start + 1 {
            self.ends.push(self.keys.len());
        } else {
            self.end_line_dedup(start);
        }
    }

    /// [`WordKeys::end_line`] of two keys or more: most lines have few,
    /// dropped inline where the line is pushed; a line of many through a
    /// call.
    #[inline(always)]
    fn end_line_dedup(&mut self, start: usize) {
        let line = &mut self.keys[start..];
        let n = if line.len() <= SMALL_LINE_KEYS {
            dedup_small(line)
        } else {
            dedup_hashed(line, &mut self.seen)
        };
        self.keys.truncate(start + n);
        self.ends.push(start + n);
    }

    /// The keys of line `i`.
    pub(crate) fn get(&self, i: usize) -> &[u64] {
        &self.keys[self.ends[i]..self.ends[i + 1]]
    }
}

/// Lines with at most this many content-word keys drop repeats by comparing
/// each key with those kept before it; longer lines through a hash table.
const SMALL_LINE_KEYS: usize = 32;

/// Drop the repeats of `keys`, keeping the first of each: the distinct
/// keys are then `keys[..n]`, `n` returned. A bit of each key kept, by
/// six of its bits, tells most new keys from those kept without comparing
/// them.
#[inline(always)]
fn dedup_small(keys: &mut [u64]) -> usize {
    let mut n = 0;
    let mut seen = 0u64;
    // The keys before the first whose bit is set already are distinct,
    // and stay where they are: on most lines, all of them.
    while let Some(&k) = keys.get(n) {
        let bit = 1 << (k >> 58);
        if seen & bit != 0 {
            break;
        }
        seen |= bit;
        n += 1;
    }
    let distinct = n;
    for r in distinct..keys.len() {
        let k = keys[r];
        let bit = 1 << (k >> 58);
        if seen & bit == 0 || !keys[..n].contains(&k) {
            seen |= bit;
            keys[n] = k;
            n += 1;
        }
    }
    n
}

/// [`dedup_small`] for any number of keys (none 0), through an
/// open-addressing set in `table` (emptied here, at most half full).
/// Keys are hashes already; the per-process seed mixed in keeps crafted
/// input from piling them into one run of slots.
#[inline(never)]
fn dedup_hashed(keys: &mut [u64], table: &mut Vec<u64>) -> usize {
    let size = (2 * keys.len()).next_power_of_two();
    table.clear();
    table.resize(size, 0);
    // The mask of the table's own length (a power of two): no index of it
    // is checked.
    let table = &mut table[..];
    let mask = table.len() - 1;
    let seed = key_seed();
    // Put `k` in the table, if it is not there: whether it was new.
    let mut insert = |k: u64| {
        debug_assert!(k != 0);
        let mut i = ((k ^ seed).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as usize;
        loop {
            let slot = &mut table[i & mask];
            match *slot {
                0 => {
                    *slot = k;
                    return true;
                }
                t if t == k => return false,
                _ => i += 1,
            }
        }
    };
    // As in [`dedup_small`], the keys before the first repeat stay where
    // they are, and are not written again.
    let Some(first) = keys.iter().position(|&k| !insert(k)) else {
        return keys.len();
    };
    let mut n = first;
    for r in first + 1..keys.len() {
        let k = keys[r];
        if insert(k) {
            // The keys kept are at most those read: `n <= r`.
            keys[n] = k;
            n += 1;
        }
    }
    n
}

/// White space around a line's text: Unicode white space and the byte-order
/// mark (U+FEFF), which a dump may start with.
fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// The high bit of every byte of a `u64`.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// Push the cells of the line at `span`. A tab, a lone carriage return (an
/// old Mac line end) or three or more spaces separate cells; a `plain`
/// line ([`LineEnds::next_line`]) has none of them and is one cell.
fn push_cells<'a>(
    input: &'a str,
    (span, plain): (Range<usize>, bool),
    row: usize,
    words: &mut WordKeys,
    runs: &mut [u64; RUN_KEYS],
    out: &mut Vec<Line<'a>>,
) {
    if span.is_empty() {
        // A blank line (a fifth of a page's lines): one blank cell, with
        // the measures of an empty text, without a walk.
        out.push(Line {
            text: &input[span.clone()],
            row,
            span: span.clone(),
            text_span: span,
            shape: Shape::default(),
            lex: Lexical::BLANK,
        });
        words.ends.push(words.keys.len());
        return;
    }
    let raw = &input[span.clone()];
    let body = trim_space(raw);
    let body_start = span.start + (body.as_ptr() as usize - raw.as_ptr() as usize);
    let mut cell_start = span.start; // span start of the current cell
    let mut text_at = 0; // text start of the current cell in `body`
    let b = body.as_bytes();
    let mut i = 0;
    let mut cells = 1;
    while let Some(gap_start) = if plain || cells == MAX_LINE_CELLS {
        None
    } else {
        next_gap(b, i)
    } {
        cells += 1;
        i = gap_end(b, gap_start);
        push_cell(
            row,
            (
                cell_start..body_start + i,
                &body[text_at..gap_start],
                body_start + text_at,
            ),
            true,
            (words, runs),
            out,
        );
        cell_start = body_start + i;
        text_at = i;
    }
    // The text of a line of one cell is its body, trimmed already.
    push_cell(
        row,
        (cell_start..span.end, &body[text_at..], body_start + text_at),
        text_at != 0,
        (words, runs),
        out,
    );
}

/// `text` without white space ([`is_space`]) at either end; most texts
/// start and end with a printable ASCII byte and are returned as they are.
#[inline]
fn trim_space(text: &str) -> &str {
    match text.as_bytes() {
        [first, .., last] if (b'!'..0x7f).contains(first) && (b'!'..0x7f).contains(last) => text,
        [only] if (b'!'..0x7f).contains(only) => text,
        _ => text.trim_matches(is_space),
    }
}

/// The end of the gap of `b` that starts at byte `at`: its white space
/// (spaces, tabs, carriage returns) up to the next cell's text.
#[inline(always)]
fn gap_end(b: &[u8], at: usize) -> usize {
    let mut i = at;
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\r') {
        i += 1;
    }
    i
}

/// The number of cells [`push_cells`] splits the text of one input line
/// into (`line` holds no line feed), found by the same gaps without the
/// cells: for the parts a dump is cleaned in ([`crate::input::parts`]).
pub(crate) fn cells_of(line: &str) -> usize {
    let b = trim_space(line).as_bytes();
    let (mut cells, mut i) = (1, 0);
    while cells < MAX_LINE_CELLS {
        let Some(gap) = next_gap(b, i) else { break };
        cells += 1;
        i = gap_end(b, gap);
    }
    cells
}

/// The start of the first gap in `b` from byte `from`: a tab, a carriage
/// return, or the first of three spaces in a row. Eight bytes at a time:
/// most blocks hold no byte below a space and no two bytes in a row that
/// are at most a space. Inlined into both callers: out of line, the
/// scan's cell loop ran 14M instructions slower over dev inscriptis.
#[inline(always)]
fn next_gap(b: &[u8], from: usize) -> Option<usize> {
    let is_gap = |i: usize| {
        b[i] == b'\t'
            || b[i] == b'\r'
            || (b[i] == b' ' && b.get(i + 1) == Some(&b' ') && b.get(i + 2) == Some(&b' '))
    };
    let mut i = from;
    // Thirty-two bytes at a time while no byte of them is below a space and
    // no two in a row (the last with the byte after them) are spaces: with
    // vector compares, no branch per byte.
    while let Some(block) = b.get(i..i + 33) {
        let any = (0..32).fold(false, |any, j| {
            any | (block[j] < b' ') | ((block[j] == b' ') & (block[j + 1] == b' '))
        });
        if any {
            break;
        }
        i += 32;
    }
    while i + 9 <= b.len() {
        // Bytes i..i+9: a pair of spaces may start at the block's last byte.
        let x = u64::from_le_bytes(b[i..i + 8].try_into().unwrap_or([0; 8]));
        let next = u64::from(b[i + 8]) << 56;
        // A tab or a carriage return is below a space; three spaces start
        // with two bytes in a row that are at most a space.
        let pairs = below(x, b'!') & below((x >> 8) | next, b'!');
        if below(x, b' ') | pairs != 0 {
            if let Some(gap) = (i..i + 8).find(|&j| is_gap(j)) {
                return Some(gap);
            }
        }
        i += 8;
    }
    (i..b.len()).find(|&j| is_gap(j))
}

/// Push the cell of line `row` at `span`, its text `raw` (at byte
/// `raw_start` of the input) before trimming (where `trim`; else trimmed
/// already), measured, with its
/// content-word keys. (Pushed here, the cell is not copied once more on its
/// way to `out`.) Inlined in [`push_cells`]: called, it took its spans
/// through a copy on the stack, read back at once with wide loads, and
/// cost more instructions and time.
#[inline(always)]
fn push_cell<'a>(
    row: usize,
    (span, raw, raw_start): (Range<usize>, &'a str, usize),
    trim: bool,
    (words, runs): (&mut WordKeys, &mut [u64; RUN_KEYS]),
    out: &mut Vec<Line<'a>>,
) {
    let text = if trim {
        // Trim the cell's own text: spaces before a gap, white space of any kind.
        trim_space(raw)
    } else {
        debug_assert_eq!(raw, trim_space(raw));
        raw
    };
    let start = raw_start + (text.as_ptr() as usize - raw.as_ptr() as usize);
    let first = words.keys.len();
    // Room first: the measures go from the call to the vector.
    out.reserve(1);
    let (shape, lex) = measure_with(text, &mut words.keys, runs);
    out.push(Line {
        text,
        row,
        span,
        text_span: start..start + text.len(),
        shape,
        lex,
    });
    // After the push: the measures go from the call to the vector, not
    // kept aside while the keys are deduplicated.
    words.end_line(first);
}

/// A char of a script that writes its words without spaces between them:
/// Han, Kana, Thai (and Hangul, whose words are spaced, but short).
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0E7F   // Thai
        | 0x1100..=0x11FF // Hangul Jamo
        | 0x3040..=0x30FF // Hiragana, Katakana
        | 0x3400..=0x4DBF // CJK ext A
        | 0x4E00..=0x9FFF // CJK unified
        | 0xAC00..=0xD7AF // Hangul syllables
        | 0xF900..=0xFAFF // CJK compatibility
    )
}

/// [`ASCII_CLASS`] bits.
const SPACE: u8 = 1;
const ALNUM: u8 = 2;
const LETTER: u8 = 4;
const UPPER: u8 = 8;
const SEPARATOR: u8 = 16;
/// A byte of a multi-byte char (0x80 and up).
const WIDE: u8 = 32;

/// The class bits of every byte, as `Shape::measure` counts them ([`WIDE`]
/// alone for the bytes of multi-byte chars).
static ASCII_CLASS: [u8; 256] = {
    let mut t = [WIDE; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if matches!(c, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ') {
            SPACE
        } else if c.is_ascii_uppercase() {
            ALNUM | LETTER | UPPER
        } else if c.is_ascii_alphabetic() {
            ALNUM | LETTER
        } else if c.is_ascii_digit() {
            ALNUM
        } else if matches!(c, b'|' | b'/' | b'>') {
            SEPARATOR
        } else {
            0
        };
        b += 1;
    }
    t
};

impl Shape {
    /// The shape alone, char by char: the oracle [`measure`] is tested against.
    #[cfg(test)]
    pub fn measure(text: &str) -> Shape {
        let mut s = Shape::default();
        if text.is_empty() {
            return s;
        }
        let mut in_word = false;
        let mut word_has_alnum = false;
        let mut prev = ' ';
        s.set_edges_of_any_text(text);
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // ASCII: one table lookup.
            let b = bytes[i];
            if b < 0x80 {
                let class = ASCII_CLASS[usize::from(b)];
                s.chars += 1;
                if class & SPACE != 0 {
                    if in_word && word_has_alnum {
                        s.words += 1;
                    }
                    in_word = false;
                    word_has_alnum = false;
                    if matches!(prev, '.' | '!' | '?') {
                        s.inner_stops += 1;
                    }
                } else {
                    in_word = true;
                    if class & ALNUM != 0 {
                        word_has_alnum = true;
                        s.letters += u32::from(class & LETTER != 0);
                        s.upper += u32::from(class & UPPER != 0);
                        s.digits += u32::from(class & LETTER == 0);
                    } else {
                        s.commas += u32::from(b == b',');
                        s.inner_stops += u32::from(b == b';');
                        s.separators += u32::from(class & SEPARATOR != 0);
                    }
                }
                prev = char::from(b);
                i += 1;
                continue;
            }
            let c = text[i..]
                .chars()
                .next()
                .unwrap_or(char::REPLACEMENT_CHARACTER);
            i += c.len_utf8();
            s.chars += 1;
            if c.is_whitespace() {
                if in_word && word_has_alnum {
                    s.words += 1;
                }
                in_word = false;
                word_has_alnum = false;
                if matches!(prev, '.' | '!' | '?') {
                    s.inner_stops += 1;
                }
            } else {
                in_word = true;
                if c.is_alphabetic() {
                    s.letters += 1;
                    word_has_alnum = true;
                    if c.is_uppercase() {
                        s.upper += 1;
                    }
                    if is_cjk(c) {
                        s.cjk += 1;
                    }
                } else if c.is_numeric() {
                    s.digits += 1;
                    word_has_alnum = true;
                } else {
                    match c {
                        '•' | '·' | '»' | '›' | '|' => s.separators += 1,
                        '，' | '、' => s.commas += 1,
                        '。' | '！' | '？' => s.inner_stops += 1,
                        _ => {}
                    }
                }
            }
            prev = c;
        }
        if in_word && word_has_alnum {
            s.words += 1;
        }
        if s.cjk > 0 {
            // A CJK line is often one "word" between spaces; count its
            // characters instead (about 1.5 chars a word for Chinese/Japanese).
            s.words += s.cjk * 2 / 3;
        }
        s
    }
}

impl Shape {
    /// The measures of a text's first and last chars: a lowercase start, a
    /// bullet, and whether it ends a sentence or trails off in an ellipsis.
    fn set_edges(&mut self, text: &str) {
        // Most lines end in an ASCII byte that is not trimmed: only `...` and
        // `.!?;` need looking at.
        match text.as_bytes().last() {
            Some(&last) if last < 0x80 && !matches!(last, b'"' | b'\'' | b')' | b']' | b'*') => {
                self.set_start(text);
                self.ellipsis = text.ends_with("...");
                self.terminal = !self.ellipsis && matches!(last, b'.' | b'!' | b'?' | b';');
            }
            _ => self.set_edges_of_any_text(text),
        }
    }

    /// Whether the text starts in lowercase or with a bullet ([`is_bullet`]). Inlined: a
    /// call for every line cost more than its one test of an ASCII first
    /// byte.
    #[inline(always)]
    fn set_start(&mut self, text: &str) {
        match text.as_bytes().first() {
            // Most texts start with an ASCII char.
            Some(&b) if b < 0x80 => {
                self.starts_lower = b.is_ascii_lowercase();
                self.bullet = matches!(b, b'-' | b'*');
            }
            _ => self.set_start_of_any_text(text),
        }
    }

    /// [`Shape::set_start`] for any text, char by char.
    fn set_start_of_any_text(&mut self, text: &str) {
        if let Some(c) = text.chars().next() {
            self.starts_lower = c.is_lowercase();
            self.bullet = is_bullet(c);
        }
    }

    /// [`Shape::set_edges`] for any text, char by char.
    fn set_edges_of_any_text(&mut self, text: &str) {
        self.set_start(text);
        let t = without_sign_off(text)
            .trim_end_matches(['"', '\'', '”', '’', '»', ')', ']', '“', '」', '』', '*']);
        self.ellipsis = t.ends_with("...") || t.ends_with('…');
        self.terminal = !self.ellipsis
            && t.ends_with(['.', '!', '?', '。', '！', '？', ':', ';'])
            && !t.ends_with(':');
    }
}

/// The longest sign-off in brackets that [`without_sign_off`] looks past,
/// in bytes with its brackets.
const SIGN_OFF_BYTES: usize = 32;

/// The most words of a sign-off: a longer group after a sentence is more
/// often a picture's credit (`(NASA via AP, File)`).
const SIGN_OFF_WORDS: usize = 2;

/// `text` without a short bracketed tag that stands after its last
/// sentence, where it has one: an agency's or author's sign-off, a
/// citation, a source (`... voraus. (bsc)`, `... tourists. (Reuters)`,
/// `... decisions. (Miller, 2000)`, `... split. [NME]`). The sentence
/// before it ends the text as far as its edges tell; else `text`.
fn without_sign_off(text: &str) -> &str {
    let Some((rest, inner)) = crate::lexicon::closing_group(text, SIGN_OFF_BYTES) else {
        return text;
    };
    let before = rest.trim_end();
    if before.len() < rest.len()
        && inner.split_whitespace().nth(SIGN_OFF_WORDS).is_none()
        && before
            .trim_end_matches(['"', '\'', '”', '’', '»', ')'])
            .ends_with(['.', '!', '?'])
    {
        before
    } else {
        text
    }
}

/// What [`measure`] asks of a char outside ASCII.
#[derive(Debug, Clone, Copy, PartialEq)]
struct CharClass {
    /// [`char::is_whitespace`].
    space: bool,
    /// [`char::is_alphabetic`], [`char::is_numeric`], [`char::is_uppercase`].
    alpha: bool,
    numeric: bool,
    upper: bool,
    /// What [`char::to_lowercase`] gives, where it is one char.
    lower: Option<char>,
}

/// The CJK Unified Ideographs (U+4E00 to U+9FFF, every one assigned):
/// letters, none white space, numeric or uppercase, each its own
/// lowercase form (a test checks each). Most chars of Chinese and
/// Japanese text, too many to compute each once, classed without a lookup.
const CLASS_IDEOGRAPHS: std::ops::RangeInclusive<u32> = 0x4E00..=0x9FFF;

/// The chars whose [`CharClass`] is kept once computed: those of the Basic
/// Multilingual Plane (Latin, Greek, Cyrillic, the general punctuation …).
const CLASS_CACHED: usize = 0x1_0000;

/// The [`CharClass`] of every char of the Basic Multilingual Plane met so
/// far, packed ([`CharClass::pack`]), 0 for one not met yet: each char's
/// class is computed the first time the scan meets it, by any thread (the
/// value computed is the same, so a race stores it twice), not the whole
/// table up front (a few hundred distinct chars on most runs, of 65,536).
static CHAR_CLASSES: [std::sync::atomic::AtomicU32; CLASS_CACHED] =
    [const { std::sync::atomic::AtomicU32::new(0) }; CLASS_CACHED];

/// The bits of a packed [`CharClass`] above its lowercase char (bits 0 to
/// 20): whether it has one, its flags, and a bit set in every packed class
/// (none is 0).
const PACKED_LOWER: u32 = 1 << 21;
const PACKED_SPACE: u32 = 1 << 22;
const PACKED_ALPHA: u32 = 1 << 23;
const PACKED_NUMERIC: u32 = 1 << 24;
const PACKED_UPPER: u32 = 1 << 25;
const PACKED: u32 = 1 << 31;

impl CharClass {
    /// The class of `c`, from the char's methods.
    fn compute(c: char) -> CharClass {
        let mut lower = c.to_lowercase();
        CharClass {
            space: c.is_whitespace(),
            alpha: c.is_alphabetic(),
            numeric: c.is_numeric(),
            upper: c.is_uppercase(),
            lower: match (lower.next(), lower.next()) {
                (Some(l), None) => Some(l),
                _ => None,
            },
        }
    }

    /// The class in a `u32` of [`CHAR_CLASSES`], never 0.
    fn pack(self) -> u32 {
        let flag = |set: bool, bit: u32| if set { bit } else { 0 };
        PACKED
            | self.lower.map_or(0, |l| u32::from(l) | PACKED_LOWER)
            | flag(self.space, PACKED_SPACE)
            | flag(self.alpha, PACKED_ALPHA)
            | flag(self.numeric, PACKED_NUMERIC)
            | flag(self.upper, PACKED_UPPER)
    }

    /// The class [`CharClass::pack`] packed into `v`.
    #[inline]
    fn unpack(v: u32) -> CharClass {
        CharClass {
            space: v & PACKED_SPACE != 0,
            alpha: v & PACKED_ALPHA != 0,
            numeric: v & PACKED_NUMERIC != 0,
            upper: v & PACKED_UPPER != 0,
            lower: if v & PACKED_LOWER != 0 {
                char::from_u32(v & (PACKED_LOWER - 1))
            } else {
                None
            },
        }
    }

    /// The class of `c`: from the table where it has it, else computed
    /// (and kept in the table, for a char of the Basic Multilingual Plane).
    #[inline]
    fn of(c: char) -> CharClass {
        let n = u32::from(c);
        if CLASS_IDEOGRAPHS.contains(&n) {
            return CharClass::ideograph(c);
        }
        match CHAR_CLASSES.get(n as usize) {
            Some(slot) => match slot.load(std::sync::atomic::Ordering::Relaxed) {
                0 => CharClass::first_of(c, slot),
                v => CharClass::unpack(v),
            },
            None => CharClass::compute(c),
        }
    }

    /// The class of `c`, an ideograph of [`CLASS_IDEOGRAPHS`].
    #[inline]
    fn ideograph(c: char) -> CharClass {
        CharClass {
            space: false,
            alpha: true,
            numeric: false,
            upper: false,
            lower: Some(c),
        }
    }

    /// [`CharClass::of`] a char met for the first time, computed and kept
    /// in its `slot`: out of the scan's loop.
    #[cold]
    #[inline(never)]
    fn first_of(c: char, slot: &std::sync::atomic::AtomicU32) -> CharClass {
        let class = CharClass::compute(c);
        slot.store(class.pack(), std::sync::atomic::Ordering::Relaxed);
        class
    }
}

/// The state of [`measure`]'s walk over a text's words.
struct Words {
    /// [`norm_key`](crate::keys::norm_key) of the text so far, and whether it holds an alphanumeric.
    key: u64,
    any: bool,
    /// Words ended so far, and whether the walk is inside one.
    ended: u32,
    inside: bool,
    /// The current word: its key (kept for the first two words only),
    /// whether it holds an alphanumeric char, the byte span from its first
    /// alphanumeric char to the end of its last one, and whether that first
    /// one is uppercase.
    word_key: u64,
    word_alnum: bool,
    first: usize,
    last_end: usize,
    first_upper: bool,
    /// The word's bytes from its first alphanumeric char are all ASCII.
    ascii: bool,
    /// The keys of the first two words.
    keys: [u64; 2],
    /// The current run of alphanumeric chars (a content word when long
    /// enough): its key so far and its length in bytes.
    run: u64,
    run_len: usize,
    /// Words without an alphanumeric char, and those of them after the
    /// first among the first [`CAPS_WORDS`] + 1: every other word ended
    /// is counted (the shape's word count) and looked at for capitals
    /// there, so these give both counts ([`Words::counted`],
    /// [`Words::caps_seen`]) without a step per word.
    bare: u32,
    bare_caps: u32,
    /// Function words among the first [`STOPWORD_WORDS`] words (all of
    /// which are looked at: [`Words::stop_seen`]).
    stop_hits: u32,
    /// Words after the first with a capital, among those looked at.
    caps_hits: u32,
    /// No alphanumeric char outside ASCII so far.
    plain: bool,
    /// A `©` so far.
    copyright: bool,
    /// A short run with a key of [`crate::lexicon::SHORT_LEGAL_RUNS`] so far.
    short_legal: bool,
    /// `http`, `www.` or `.com` so far.
    urlish: bool,
    /// Runs of alphanumeric chars ended so far (the first [`RUN_KEYS`]
    /// of them keyed in the walk's buffer), counted and keyed only in a
    /// text short enough to be a cue line (`cue_length`): only such a text's
    /// runs are looked up in the cue lexicons.
    runs: usize,
    cue_length: bool,
    /// The [`ASCII_COUNTS`] of the text's runs of ASCII letters and digits
    /// so far, and their bytes, in a text short enough for the count fields
    /// ([`COUNT_MASK`]); added to the shape once, at the end.
    counts: u64,
    ascii_alnum: u32,
}

/// The `len` (1 to 8) ASCII bytes of `bytes` at `at`, lowercased and
/// packed into a `u64` as the stop-word table holds them: the first byte
/// lowest. One load and a few word-wide operations, no loop over the bytes.
#[inline]
fn pack_ascii(bytes: &[u8], at: usize, len: usize) -> u64 {
    let x = match bytes[at..].first_chunk::<8>() {
        Some(&b) => u64::from_le_bytes(b),
        None => {
            let mut buf = [0u8; 8];
            buf[..len].copy_from_slice(&bytes[at..at + len]);
            u64::from_le_bytes(buf)
        }
    } & (u64::MAX >> (8 * (8 - len)));
    // Every byte is below 0x80: adding to each byte never carries into the
    // next. Bit 7 of `x + 0x3f` is set where a byte is at least `A`, of
    // `x + 0x25` where it is above `Z`.
    let upper = ((x + 0x3f3f_3f3f_3f3f_3f3f) ^ (x + 0x2525_2525_2525_2525)) & HIGH;
    x | (upper >> 2)
}

/// `word` (not empty) lowercased char by char and packed as [`pack_ascii`]
/// packs ASCII bytes, the lowercase forms of chars outside ASCII taken
/// from their [`CharClass`]; `None` where that is over eight bytes (no
/// function word is): the packing of `stopwords::pack_word`, its oracle, for
/// a word with a char outside ASCII.
fn pack_lowercase(word: &str) -> Option<u64> {
    let mut packed = 0u64;
    let mut len = 0;
    let mut push = |bytes: &[u8]| {
        for &b in bytes {
            if len == 8 {
                return None;
            }
            packed |= u64::from(b) << (8 * len);
            len += 1;
        }
        Some(())
    };
    let mut buf = [0u8; 4];
    for c in word.chars() {
        if c.is_ascii() {
            push(&[c.to_ascii_lowercase() as u8])?;
            continue;
        }
        match CharClass::of(c).lower {
            Some(l) => push(l.encode_utf8(&mut buf).as_bytes())?,
            None => {
                for l in c.to_lowercase() {
                    push(l.encode_utf8(&mut buf).as_bytes())?;
                }
            }
        }
    }
    (packed != 0).then_some(packed)
}

/// The high bit of each byte of `x` that equals `c`, all other bits clear
/// (exact: no borrow crosses a byte).
#[inline]
pub(crate) fn byte_eq(x: u64, c: u8) -> u64 {
    let y = x ^ (0x0101_0101_0101_0101 * u64::from(c));
    !(((y & !HIGH) + !HIGH) | y | !HIGH)
}

/// The run of ASCII letters and digits `run` (four bytes or more) holds
/// `http`, out of the scan's loop (few runs hold a `p`, which it tests
/// first). The byte where a match would end is looked at, and the match
/// moved on past it as far as `http` allows (Horspool's search): by four
/// bytes past one not in `htt`, the most common case, so that most runs
/// take a step or two, not one for every start.
#[inline(never)]
fn holds_http(run: &[u8]) -> bool {
    let mut j = 3;
    while let Some(&b) = run.get(j) {
        j += match b {
            b'p' if run[j - 3..j] == *b"htt" => return true,
            // An `h` here may start `http`, a `t` be its second or third byte.
            b'h' => 3,
            b't' => 1,
            _ => 4,
        };
    }
    false
}

/// Words looked at for the function-word share.
const STOPWORD_WORDS: u32 = 64;
/// Words after the first looked at for the capitalised share.
const CAPS_WORDS: u32 = 40;
const _: () = assert!(CAPS_WORDS < STOPWORD_WORDS);

impl Words {
    fn new() -> Words {
        Words {
            key: FNV_SEED,
            any: false,
            ended: 0,
            inside: false,
            word_key: FNV_SEED,
            word_alnum: false,
            first: 0,
            last_end: 0,
            first_upper: false,
            ascii: true,
            keys: [0; 2],
            run: FNV_SEED,
            run_len: 0,
            bare: 0,
            bare_caps: 0,
            stop_hits: 0,
            caps_hits: 0,
            plain: true,
            copyright: false,
            short_legal: false,
            urlish: false,
            runs: 0,
            cue_length: false,
            counts: 0,
            ascii_alnum: 0,
        }
    }

    /// One lowercased byte of an alphanumeric char into the keys.
    #[inline]
    fn hash(&mut self, lower: u8) {
        self.key = fnv(self.key, lower);
        self.run = fnv(self.run, lower);
        if self.ended < 2 {
            self.word_key = fnv(self.word_key, lower);
        }
    }

    /// A run of ASCII letters and digits at byte `at` of the text, already
    /// in [`Words::key`]: the rest of what it tells the current word.
    #[inline]
    fn ascii_run(&mut self, run: &[u8], at: usize) {
        if self.ended < 2 {
            for &b in run {
                self.word_key = fnv(self.word_key, ASCII_RUN_LOWER[usize::from(b)]);
            }
        }
        self.any = true;
        self.last_end = at + run.len();
    }

    /// The end of the current run of alphanumeric chars: its key goes to
    /// `keys` when it is a content word ([`MIN_CONTENT_WORD`] bytes or more).
    /// Every run's key goes to `runs` (while there is room).
    #[inline]
    fn end_run(&mut self, keys: &mut Vec<u64>, runs: &mut [u64; RUN_KEYS]) {
        if self.run_len > 0 {
            self.push_run(self.run | 1, self.run_len, keys, runs);
        }
        self.run = FNV_SEED;
        self.run_len = 0;
    }

    /// A run of alphanumeric chars of `len` bytes with the key `key` ended.
    #[inline(always)]
    fn push_run(&mut self, key: u64, len: usize, keys: &mut Vec<u64>, runs: &mut [u64; RUN_KEYS]) {
        if self.cue_length {
            runs[self.runs % RUN_KEYS] = key;
            self.runs += 1;
        }
        if len >= MIN_CONTENT_WORD {
            keys.push(key);
        } else if crate::lexicon::SHORT_LEGAL_LENGTHS >> len & 1 != 0
            && crate::lexicon::SHORT_LEGAL_RUNS.contains(&key)
        {
            self.short_legal = true;
        }
    }

    /// An alphanumeric char at bytes `at..end`.
    #[inline]
    fn alnum(&mut self, at: usize, end: usize, upper: bool) {
        self.any = true;
        if !self.word_alnum {
            self.word_alnum = true;
            self.first = at;
            self.first_upper = upper;
            self.ascii = true;
        }
        self.last_end = end;
    }

    /// The end of the current word, if the walk is inside one.
    #[inline(always)]
    fn end_word(&mut self, text: &str) {
        if !self.inside {
            return;
        }
        self.inside = false;
        let n = self.ended;
        self.ended += 1;
        if n < 2 {
            self.keys[n as usize] = if self.word_alnum {
                self.word_key | 1
            } else {
                0
            };
            self.word_key = FNV_SEED;
        }
        if !self.word_alnum {
            self.bare += 1;
            self.bare_caps += u32::from((1..=CAPS_WORDS).contains(&n));
            return;
        }
        self.word_alnum = false;
        if n < STOPWORD_WORDS {
            let len = self.last_end - self.first;
            if len <= 8 {
                let hit = if self.ascii {
                    crate::stopwords::is_packed_stopword(pack_ascii(
                        text.as_bytes(),
                        self.first,
                        len,
                    ))
                } else {
                    pack_lowercase(&text[self.first..self.last_end])
                        .is_some_and(crate::stopwords::is_packed_stopword)
                };
                self.stop_hits += u32::from(hit);
            }
        }
        if (1..=CAPS_WORDS).contains(&n) {
            self.caps_hits += u32::from(self.first_upper);
        }
    }

    /// Words ended holding an alphanumeric char.
    fn counted(&self) -> u32 {
        self.ended - self.bare
    }

    /// Words looked at for function words: the first [`STOPWORD_WORDS`].
    fn stop_seen(&self) -> u32 {
        self.ended.min(STOPWORD_WORDS)
    }

    /// Words looked at for capitals: those holding an alphanumeric char
    /// among the second to the [`CAPS_WORDS`] + 1st.
    fn caps_seen(&self) -> u32 {
        self.ended.clamp(1, CAPS_WORDS + 1) - 1 - self.bare_caps
    }

    fn lexical(&self) -> Lexical {
        let share = |hits: u32, seen: u32| {
            if seen == 0 {
                0.0
            } else {
                hits as f32 / seen as f32
            }
        };
        let prefix = if self.ended >= 2 {
            match self.keys[0] ^ self.keys[1].rotate_left(17) {
                0 => 1,
                k => k,
            }
        } else {
            0
        };
        Lexical {
            key: if self.any { self.key | 1 } else { 0 },
            prefix,
            stopwords: share(self.stop_hits, self.stop_seen()),
            caps: share(self.caps_hits, self.caps_seen()),
            plain: self.plain,
            copyright: self.copyright,
            cues: 0,
            short_legal: self.short_legal,
            urlish: self.urlish,
        }
    }
}

/// A multi-byte char at bytes `at` that is not white space, into the
/// measures of [`measure`].
fn non_ascii(
    c: char,
    class: CharClass,
    at: Range<usize>,
    s: &mut Shape,
    w: &mut Words,
    keys: &mut Vec<u64>,
    runs: &mut [u64; RUN_KEYS],
) {
    w.inside = true;
    let alpha = class.alpha;
    if alpha || class.numeric {
        w.plain = false;
        let upper = class.upper;
        if alpha {
            s.letters += 1;
            s.upper += u32::from(upper);
            s.cjk += u32::from(is_cjk(c));
        } else {
            s.digits += 1;
        }
        let mut buf = [0u8; 4];
        match class.lower {
            Some(lc) => {
                for &lb in lc.encode_utf8(&mut buf).as_bytes() {
                    w.hash(lb);
                }
            }
            None => {
                for lc in c.to_lowercase() {
                    for &lb in lc.encode_utf8(&mut buf).as_bytes() {
                        w.hash(lb);
                    }
                }
            }
        }
        w.run_len += at.len();
        w.alnum(at.start, at.end, upper);
    } else {
        w.end_run(keys, runs);
        match c {
            '•' | '·' | '»' | '›' | '|' => s.separators += 1,
            '，' | '、' => s.commas += 1,
            '。' | '！' | '？' => s.inner_stops += 1,
            '©' => w.copyright = true,
            _ => {}
        }
    }
    // The word's bytes are no longer all ASCII.
    w.ascii = false;
}

/// The [`Shape`] and the [`Lexical`] measures of `text`, in one pass over its
/// bytes, and its content-word keys pushed to `keys` (unsorted). ASCII bytes
/// take one table lookup each; a multi-byte char (a curly quote, an accented
/// letter) is decoded where it stands and the walk goes on.
pub(crate) fn measure(text: &str, keys: &mut Vec<u64>) -> (Shape, Lexical) {
    measure_with(text, keys, &mut [0; RUN_KEYS])
}

/// The keys of the runs of alphanumeric chars of a text that [`measure`]
/// keeps for [`Lexical::cues`]: room for every run of a short cue line
/// (a run and the char after it take two bytes or more).
const RUN_KEYS: usize = 128;
const _: () = assert!(RUN_KEYS >= crate::lexicon::CUE_LINE_BYTES.div_ceil(2));

/// [`measure`], with `runs` to keep the keys of the text's runs in.
fn measure_with(text: &str, keys: &mut Vec<u64>, runs: &mut [u64; RUN_KEYS]) -> (Shape, Lexical) {
    let mut s = Shape::default();
    let mut w = Words::new();
    if text.is_empty() {
        return (s, w.lexical());
    }
    s.set_edges(text);
    w.cue_length = text.len() <= crate::lexicon::CUE_LINE_BYTES;
    let bytes = text.as_bytes();
    let mut prev_stop = false; // the previous char is `.`, `!` or `?`
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            let class = ASCII_CLASS[usize::from(b)];
            if class & ALNUM != 0 {
                // A text too long for the count fields is rare: its runs are
                // counted each alone, in a copy of the loop of its own.
                i = if bytes.len() > COUNT_MASK as usize {
                    ascii_run::<true>(bytes, i, &mut s, &mut w, keys, runs)
                } else {
                    ascii_run::<false>(bytes, i, &mut s, &mut w, keys, runs)
                };
                prev_stop = false;
                continue;
            }
            s.chars += 1;
            w.end_run(keys, runs);
            if class & SPACE != 0 {
                w.end_word(text);
                s.inner_stops += u32::from(prev_stop);
            } else {
                ascii_punctuation(bytes, i, &mut s, &mut w);
                match (!w.inside).then(|| ascii_token_end(bytes, i + 1)).flatten() {
                    // A byte of punctuation alone (`|`, `-`) is a word of
                    // its own, ended at the white space after it.
                    Some(end) if end > i + 1 => {
                        // A word of ASCII bytes only that starts with
                        // punctuation (`(a)`, `"a`, `--`): the rest taken in
                        // whole, up to its white space.
                        let rest = (i, i + 1, end);
                        if bytes.len() > COUNT_MASK as usize {
                            ascii_token::<true>(bytes, rest, 0, &mut s, &mut w, (keys, runs));
                        } else {
                            ascii_token::<false>(bytes, rest, 0, &mut s, &mut w, (keys, runs));
                        }
                        prev_stop = ends_sentence(bytes[end - 1]);
                        i = end;
                        continue;
                    }
                    _ => w.inside = true,
                }
            }
            prev_stop = ends_sentence(b);
            i += 1;
            continue;
        }
        let c = text[i..]
            .chars()
            .next()
            .unwrap_or(char::REPLACEMENT_CHARACTER);
        let n = c.len_utf8();
        s.chars += 1;
        let class = CharClass::of(c);
        if class.space {
            w.end_run(keys, runs);
            w.end_word(text);
            s.inner_stops += u32::from(prev_stop);
        } else {
            non_ascii(c, class, i..i + n, &mut s, &mut w, keys, runs);
        }
        prev_stop = false;
        i += n;
    }
    w.end_run(keys, runs);
    w.end_word(text);
    let field = |k: u32| (w.counts >> (k * COUNT_BITS) & COUNT_MASK) as u32;
    s.letters += field(0);
    s.upper += field(1);
    s.digits += w.ascii_alnum - field(0);
    s.chars += w.ascii_alnum;
    s.words = w.counted();
    if s.cjk > 0 {
        // A CJK line is often one "word" between spaces; count its
        // characters instead (about 1.5 chars a word for Chinese/Japanese).
        s.words += s.cjk * 2 / 3;
    }
    let mut lex = w.lexical();
    if crate::lexicon::is_short_cue_line(text, s.terminal, s.words) {
        debug_assert!(w.cue_length && w.runs <= RUN_KEYS);
        lex.cues = crate::lexicon::cue_candidates(&runs[..w.runs]);
    }
    (s, lex)
}

/// The run of ASCII letters and digits of `bytes` from byte `at`, into the
/// measures of [`measure_with`]; returns the byte after what it took in.
/// A run that is a whole word (white space or the end of the text on both
/// sides, after at most one byte of ASCII punctuation: most words of running
/// text) is ended, as a run and as a word, here, with the bytes after it up
/// to the white space byte, which is taken in too; its key is then the
/// word's key too. So is a word of ASCII bytes only that goes on in
/// punctuation (`don't`, `e-mail`, `U.S.`), through [`ascii_token`]. The
/// walk's state between words is left as it was, and the next word, if
/// one starts after that byte, taken in the same way: no char-by-char
/// steps of the general walk.
#[inline(always)]
fn ascii_run<const LONG: bool>(
    bytes: &[u8],
    mut at: usize,
    s: &mut Shape,
    w: &mut Words,
    keys: &mut Vec<u64>,
    runs: &mut [u64; RUN_KEYS],
) -> usize {
    // In a text too long for the count fields (`LONG`), each run is
    // counted alone.
    debug_assert_eq!(LONG, bytes.len() > COUNT_MASK as usize);
    // The text's key and counts, kept here from word to word.
    let (mut key, mut counts) = (w.key, w.counts);
    let end = loop {
        let (mut i, word) = take_run::<LONG>(bytes, at, w.run, (&mut key, &mut counts), s, w);
        let len = i - at;
        let tail = word_tail(bytes, i);
        let alone = !w.inside && tail < 2;
        let mut stop = false;
        if !alone {
            let token = if w.inside {
                None
            } else {
                ascii_token_end(bytes, i)
            };
            let Some(end) = token else {
                // The general walk: the run may go on in a char outside
                // ASCII, the word in other chars.
                w.inside = true;
                w.alnum(at, at + 1, bytes[at].is_ascii_uppercase());
                w.run = word;
                w.run_len += len;
                w.ascii_run(&bytes[at..i], at);
                break i;
            };
            // A word of ASCII bytes only that goes on after the run in
            // punctuation (`don't`, `e-mail`, `(a)`): taken in whole, and
            // its white space as after a run alone.
            (w.key, w.counts) = (key, counts);
            ascii_token::<LONG>(bytes, (at, i, end), word, s, w, (keys, runs));
            (key, counts) = (w.key, w.counts);
            stop = ends_sentence(bytes[end - 1]);
            i = end;
        } else {
            // Between words the run's key starts from the seed, as the
            // word's does.
            w.whole_word(bytes, at, len, word | 1, keys, runs);
            if tail == 1 {
                s.chars += 1;
                ascii_punctuation(bytes, i, s, w);
                stop = ends_sentence(bytes[i]);
                i += 1;
            }
        }
        // The white space after the word: no run or word to end there.
        // Most words are followed by another.
        if i == bytes.len() {
            break i;
        }
        s.chars += 1;
        s.inner_stops += u32::from(stop);
        at = i + 1;
        if bytes
            .get(at)
            .is_none_or(|&b| ASCII_RUN_LOWER[usize::from(b)] == 0)
        {
            break at;
        }
    };
    w.key = key;
    w.counts = counts;
    w.any = true;
    end
}

/// The run of ASCII letters and digits of `bytes` from byte `at`, into
/// the text's key and counts (those of [`ascii_run`]) and the measures of
/// [`measure_with`]: the byte after it, and its key hashed on from `run`.
#[inline(always)]
fn take_run<const LONG: bool>(
    bytes: &[u8],
    at: usize,
    run: u64,
    (key, counts): (&mut u64, &mut u64),
    s: &mut Shape,
    w: &mut Words,
) -> (usize, u64) {
    let before = if LONG { 0 } else { *counts };
    let (i, run_counts, key_after, word) = hash_run::<LONG>(bytes, at, before, *key, run);
    *key = key_after;
    let len = i - at;
    let p = if LONG {
        s.chars += len as u32;
        count_run(&bytes[at..i], run_counts, s)
    } else {
        // Its chars are added to the shape's with the counts, at the end.
        *counts = run_counts;
        w.ascii_alnum += len as u32;
        (run_counts - before) >> (2 * COUNT_BITS) != 0
    };
    if len >= 4 && !w.urlish && p {
        w.urlish = holds_http(&bytes[at..i]);
    }
    (i, word)
}

/// The run of ASCII letters and digits of `bytes` from `at` hashed into the
/// text's key `key` and the run's `word`, its [`ASCII_COUNTS`] summed onto
/// `counts`: (the byte after the run, counts, key, word).
///
/// Where `counts` cannot overflow into its top bit (`!LONG`: the counts of
/// a text shorter than [`COUNT_MASK`]), each byte's [`RUN_COUNTS`] is
/// added before the byte is known to be in the run: a byte that ends it
/// sets that bit, and the one test of the sum's sign both counts the byte
/// and finds the run's end.
#[inline(always)]
fn hash_run<const LONG: bool>(
    bytes: &[u8],
    at: usize,
    counts: u64,
    key: u64,
    word: u64,
) -> (usize, u64, u64, u64) {
    if LONG {
        hash_run_by_lower(bytes, at, counts, key, word)
    } else {
        debug_assert!(counts & RUN_END == 0);
        hash_run_by_sign(bytes, at, counts, key, word)
    }
}

/// [`hash_run`] of a text whose counts may overflow: each byte's lowercase
/// form tells whether it is in the run.
#[inline(always)]
fn hash_run_by_lower(
    bytes: &[u8],
    at: usize,
    mut counts: u64,
    mut key: u64,
    mut word: u64,
) -> (usize, u64, u64, u64) {
    let mut i = at;
    // Eight bytes a step while eight are left: their bounds tested once.
    while let Some(chunk) = bytes[i..].first_chunk::<8>() {
        for (k, &b) in chunk.iter().enumerate() {
            let lower = ASCII_RUN_LOWER[usize::from(b)];
            if lower == 0 {
                return (i + k, counts, key, word);
            }
            counts += ASCII_COUNTS[usize::from(b)];
            key = fnv(key, lower);
            word = fnv(word, lower);
        }
        i += 8;
    }
    for &b in &bytes[i..] {
        let lower = ASCII_RUN_LOWER[usize::from(b)];
        if lower == 0 {
            break;
        }
        counts += ASCII_COUNTS[usize::from(b)];
        key = fnv(key, lower);
        word = fnv(word, lower);
        i += 1;
    }
    (i, counts, key, word)
}

/// [`hash_run`] of counts whose top bit stays clear: the sign of the sum
/// of [`RUN_COUNTS`] tells where the run ends.
#[inline(always)]
fn hash_run_by_sign(
    bytes: &[u8],
    at: usize,
    mut counts: u64,
    mut key: u64,
    mut word: u64,
) -> (usize, u64, u64, u64) {
    let mut i = at;
    while let Some(chunk) = bytes[i..].first_chunk::<8>() {
        for (k, &b) in chunk.iter().enumerate() {
            let lower = ASCII_RUN_LOWER[usize::from(b)];
            counts = counts.wrapping_add(RUN_COUNTS[usize::from(b)]);
            if (counts as i64) < 0 {
                return (i + k, counts - RUN_END, key, word);
            }
            key = fnv(key, lower);
            word = fnv(word, lower);
        }
        i += 8;
    }
    for &b in &bytes[i..] {
        let lower = ASCII_RUN_LOWER[usize::from(b)];
        counts = counts.wrapping_add(RUN_COUNTS[usize::from(b)]);
        if (counts as i64) < 0 {
            return (i, counts - RUN_END, key, word);
        }
        key = fnv(key, lower);
        word = fnv(word, lower);
        i += 1;
    }
    (i, counts, key, word)
}

/// The end of the word of `bytes` that goes on at byte `from`, if all its
/// bytes are ASCII: the index of the white space byte after it, or the
/// length; `None` where a multi-byte char comes first.
/// `b` may end a sentence: a word after it counts as a sentence stop
/// inside the line ([`Shape::inner_stops`]).
#[inline(always)]
const fn ends_sentence(b: u8) -> bool {
    matches!(b, b'.' | b'!' | b'?')
}

#[inline(always)]
fn ascii_token_end(bytes: &[u8], from: usize) -> Option<usize> {
    match bytes[from..]
        .iter()
        .position(|&b| ASCII_CLASS[usize::from(b)] & (SPACE | WIDE) != 0)
    {
        None => Some(bytes.len()),
        Some(k) if bytes[from + k] < 0x80 => Some(from + k),
        Some(_) => None,
    }
}

/// The word of ASCII bytes of `bytes` from `start` to `end` (white space
/// or the end of the text), that the walk is not yet inside, into the
/// measures of [`measure_with`], its runs hashed into the text's key and
/// counts ([`Words::key`], [`Words::counts`]): its runs of letters and
/// digits and bytes of punctuation one after the other, then the word
/// ended as [`Words::end_word`] ends it, without the general walk's state
/// per char. Its bytes before `from` are taken in already: its first run,
/// with the key `run` ([`take_run`]), not yet ended; or the byte of
/// punctuation it starts with.
#[inline(never)]
fn ascii_token<const LONG: bool>(
    bytes: &[u8],
    (start, from, end): (usize, usize, usize),
    run: u64,
    s: &mut Shape,
    w: &mut Words,
    (keys, runs): (&mut Vec<u64>, &mut [u64; RUN_KEYS]),
) {
    // The span from the word's first letter or digit to the end of its
    // last run; `first` past the end while it has none.
    let mut first = usize::MAX;
    let mut last_end = 0;
    if ASCII_RUN_LOWER[usize::from(bytes[start])] != 0 {
        w.push_run(run | 1, from - start, keys, runs);
        (first, last_end) = (start, from);
    }
    let (mut key, mut counts) = (w.key, w.counts);
    let mut j = from;
    while j < end {
        if ASCII_RUN_LOWER[usize::from(bytes[j])] != 0 {
            let (e, k) = take_run::<LONG>(bytes, j, FNV_SEED, (&mut key, &mut counts), s, w);
            w.push_run(k | 1, e - j, keys, runs);
            first = first.min(j);
            last_end = e;
            j = e;
        } else {
            s.chars += 1;
            ascii_punctuation(bytes, j, s, w);
            j += 1;
        }
    }
    (w.key, w.counts) = (key, counts);
    let n = w.ended;
    w.ended += 1;
    if first == usize::MAX {
        if n < 2 {
            w.keys[n as usize] = 0;
        }
        w.bare += 1;
        w.bare_caps += u32::from((1..=CAPS_WORDS).contains(&n));
        return;
    }
    w.any = true;
    if n < 2 {
        // The key of the word's letters and digits, lowercased.
        let lower = bytes[first..last_end]
            .iter()
            .map(|&b| ASCII_RUN_LOWER[usize::from(b)]);
        w.keys[n as usize] = lower.filter(|&l| l != 0).fold(FNV_SEED, fnv) | 1;
    }
    let len = last_end - first;
    if n < STOPWORD_WORDS && len <= 8 {
        let hit = crate::stopwords::is_packed_stopword(pack_ascii(bytes, first, len));
        w.stop_hits += u32::from(hit);
    }
    if (1..=CAPS_WORDS).contains(&n) {
        w.caps_hits += u32::from(bytes[first].is_ascii_uppercase());
    }
}

/// How the word goes on after a run of ASCII letters and digits that ends
/// at `i`: 0 where white space or the end of the text follows, 1 where one
/// byte of ASCII punctuation (`,`, `.`, `)`) and then one of them does, 2
/// otherwise.
#[inline(always)]
fn word_tail(bytes: &[u8], i: usize) -> u8 {
    // Most words are followed by a space: compared first, no lookup.
    let space_at = |j: usize| match bytes.get(j) {
        None | Some(b' ') => true,
        Some(&b) => ASCII_CLASS[usize::from(b)] & SPACE != 0,
    };
    if space_at(i) {
        0
    } else if is_ascii_punctuation(bytes[i]) && space_at(i + 1) {
        1
    } else {
        2
    }
}

/// `b` is an ASCII byte neither alphanumeric nor white space.
#[inline(always)]
fn is_ascii_punctuation(b: u8) -> bool {
    b < 0x80 && ASCII_CLASS[usize::from(b)] & (ALNUM | SPACE) == 0
}

/// The ASCII byte of punctuation at `at`, into the measures of
/// [`measure_with`].
#[inline(always)]
fn ascii_punctuation(bytes: &[u8], at: usize, s: &mut Shape, w: &mut Words) {
    let b = bytes[at];
    s.commas += u32::from(b == b',');
    s.inner_stops += u32::from(b == b';');
    s.separators += u32::from(ASCII_CLASS[usize::from(b)] & SEPARATOR != 0);
    if b == b'.' {
        w.urlish |=
            (at >= 3 && &bytes[at - 3..at] == b"www") || bytes[at + 1..].starts_with(b"com");
    }
}

impl Words {
    /// A run of ASCII letters and digits at `at` of `len` bytes with the
    /// key `k`, that is a whole word, ended as a run and as a word.
    #[inline(always)]
    fn whole_word(
        &mut self,
        bytes: &[u8],
        at: usize,
        len: usize,
        k: u64,
        keys: &mut Vec<u64>,
        runs: &mut [u64; RUN_KEYS],
    ) {
        self.push_run(k, len, keys, runs);
        let n = self.ended;
        self.ended += 1;
        // Its first char is its first byte.
        let caps = || u32::from(bytes[at].is_ascii_uppercase());
        // Its key is that of the word, which the stop words are looked up by.
        let stop = || u32::from(crate::stopwords::is_stopword_key(k));
        // Most words are neither of the first two nor past those looked at
        // for capitals: one test of `n` for them.
        if (2..=CAPS_WORDS).contains(&n) {
            if len <= 8 {
                self.stop_hits += stop();
            }
            self.caps_hits += caps();
            return;
        }
        if n < 2 {
            self.keys[n as usize] = k;
        }
        if n < STOPWORD_WORDS && len <= 8 {
            self.stop_hits += stop();
        }
        if n == 1 {
            self.caps_hits += caps();
        }
    }
}

impl Shape {
    /// The shape of this text followed by `next` on the following line (a
    /// paragraph hard-wrapped over two lines).
    pub fn then(self, next: Shape) -> Shape {
        Shape {
            chars: self.chars + next.chars + 1,
            words: self.words + next.words,
            letters: self.letters + next.letters,
            digits: self.digits + next.digits,
            upper: self.upper + next.upper,
            inner_stops: self.inner_stops + next.inner_stops,
            commas: self.commas + next.commas,
            separators: self.separators + next.separators,
            terminal: next.terminal,
            ellipsis: next.ellipsis,
            starts_lower: self.starts_lower,
            bullet: self.bullet,
            cjk: self.cjk + next.cjk,
        }
    }
}

/// A wrapped line fills most of the width it was wrapped at: shorter lines
/// do not continue on the next line.
const WRAP_MIN_CHARS: u32 = 30;
/// The most lines one wrapped paragraph may span.
const WRAP_MAX_LINES: usize = 64;

/// Whether `text` ends open, in a comma or in a function word written in
/// lowercase (`studying at a`, `by the`, `und die`): a sentence that goes on
/// past the line's end, whatever the next line starts with (a name, `I`).
///
/// Read back from the end, byte by byte while the bytes are ASCII; a
/// non-ASCII byte in the way sends the text to [`ends_open_by_chars`].
pub(crate) fn ends_open(text: &str) -> bool {
    let b = text.as_bytes();
    let mut end = b.len();
    while end > 0 && b[end - 1].is_ascii_whitespace() {
        end -= 1;
    }
    let Some(&last) = end.checked_sub(1).map(|k| &b[k]) else {
        return false;
    };
    if !last.is_ascii() {
        return ends_open_by_chars(text);
    }
    if last == b',' {
        return true;
    }
    // The last word, if it is ASCII lowercase letters (at most 8 of them,
    // as every stop word is).
    let mut start = end;
    while start > 0 && end - start <= 8 && b[start - 1].is_ascii_lowercase() {
        start -= 1;
    }
    match start.checked_sub(1).map(|k| b[k]) {
        _ if start == end || end - start > 8 => false,
        Some(before) if !before.is_ascii() => ends_open_by_chars(text),
        Some(before) if !before.is_ascii_whitespace() => false,
        _ => crate::stopwords::is_packed_stopword(pack_ascii(b, start, end - start)),
    }
}

/// [`ends_open`], char by char: the last white-space separated word.
fn ends_open_by_chars(text: &str) -> bool {
    let word = text
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or_default();
    word.ends_with(',')
        || (!word.is_empty()
            && word.chars().all(char::is_lowercase)
            && pack_lowercase(word).is_some_and(crate::stopwords::is_packed_stopword))
}

/// Whether `c`, the first char of a line, is a bullet: the line is an
/// item of a list (the scan tests the ASCII ones, `-` and `*`, itself).
pub(crate) fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '-' | '*' | '·' | '–' | '▪' | '►' | '◦' | '‣')
}

/// The cell `i` of `lines` is alone on its row (the row is one line).
pub(crate) fn alone_on_row(lines: &[Line<'_>], i: usize) -> bool {
    let row = lines[i].row;
    (i == 0 || lines[i - 1].row != row) && lines.get(i + 1).is_none_or(|next| next.row != row)
}

/// For every cell, the range of cells of the hard-wrapped paragraph it belongs
/// to (just itself for most cells). A line continues the one before when they
/// are adjacent, each is alone on its line, the first does not end a sentence
/// and either the second starts in lowercase or the first ends open
/// ([`ends_open`]: in a comma or a function word). A cell continues the cell
/// before it on its line in the same way, whatever their lengths: a renderer
/// that pads an inline link with spaces (`you can use   indoor maps   on your
/// phone`) cuts a sentence into cells.
pub(crate) fn wrapped_runs(lines: &[Line<'_>]) -> Vec<Range<usize>> {
    let n = lines.len();
    // Whether the line `b` continues `a`, `prev` the line before `a` and
    // `after` the one after `b`: the cheapest tests first, those that
    // most lines fail (a sentence's end, a blank line between).
    let links = |i: usize| {
        let (a, b) = (&lines[i], &lines[i + 1]);
        if a.shape.terminal || a.is_blank() || b.is_blank() {
            return false;
        }
        let wrapped = || {
            b.row == a.row + 1
                && a.shape.chars >= WRAP_MIN_CHARS
                && alone_on_row(lines, i)
                && alone_on_row(lines, i + 1)
        };
        (b.row == a.row || wrapped()) && (b.shape.starts_lower || ends_open(a.text))
    };
    // Each paragraph's range pushed once per line: no filling of the whole
    // vector first.
    let mut out = Vec::with_capacity(n);
    let mut start = 0;
    for i in 0..n {
        let linked = i + 1 < n && i + 1 - start < WRAP_MAX_LINES && links(i);
        if !linked {
            if start == i {
                out.push(i..i + 1);
            } else {
                out.extend(std::iter::repeat_n(start..i + 1, i + 1 - start));
            }
            start = i + 1;
        }
    }
    out
}

/// For every ASCII letter: 1, plus `1 << COUNT_BITS` if it is uppercase,
/// plus `1 << 2 * COUNT_BITS` if it is `p`; 0 for other bytes. Summed over
/// a run of fewer than `1 << COUNT_BITS` bytes, the run's letters,
/// capitals and `p`s, each in a field of [`COUNT_BITS`] bits.
static ASCII_COUNTS: [u64; 256] = {
    let mut t = [0u64; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_uppercase() {
            1 | 1 << COUNT_BITS
        } else if c == b'p' {
            1 | 1 << (2 * COUNT_BITS)
        } else if c.is_ascii_lowercase() {
            1
        } else {
            0
        };
        b += 1;
    }
    t
};

/// The top bit of a sum of [`ASCII_COUNTS`], above its fields.
const RUN_END: u64 = 1 << 63;
const _: () = assert!(3 * COUNT_BITS < 64);

/// [`ASCII_COUNTS`] of the ASCII letters and digits, [`RUN_END`] for every
/// other byte: what ends a run of them.
static RUN_COUNTS: [u64; 256] = {
    let mut t = [RUN_END; 256];
    let mut b = 0;
    while b < 128 {
        if (b as u8).is_ascii_alphanumeric() {
            t[b] = ASCII_COUNTS[b];
        }
        b += 1;
    }
    t
};

/// The width of each count summed from [`ASCII_COUNTS`].
const COUNT_BITS: u32 = 21;
const COUNT_MASK: u64 = (1 << COUNT_BITS) - 1;

/// The run of ASCII letters and digits `run`, of a text too long for the
/// count fields, with the sum of its [`ASCII_COUNTS`] `counts`, into the
/// shape `s`; whether it holds a `p`.
#[cold]
fn count_run(run: &[u8], counts: u64, s: &mut Shape) -> bool {
    let (letters, upper, p) = if run.len() <= COUNT_MASK as usize {
        let field = |k: u32| (counts >> (k * COUNT_BITS) & COUNT_MASK) as u32;
        (field(0), field(1), field(2))
    } else {
        count_ascii(run)
    };
    s.letters += letters;
    s.upper += upper;
    s.digits += run.len() as u32 - letters;
    p > 0
}

/// The letters, capitals and `p`s of a run of ASCII letters and digits,
/// one by one (for runs too long for [`ASCII_COUNTS`]).
#[cold]
fn count_ascii(run: &[u8]) -> (u32, u32, u32) {
    let count = |f: fn(&u8) -> bool| run.iter().filter(|b| f(b)).count() as u32;
    (
        count(u8::is_ascii_alphabetic),
        count(u8::is_ascii_uppercase),
        count(|&b| b == b'p'),
    )
}

/// For every byte: its lowercase form when it is an ASCII letter or digit,
/// else 0: what a run of ASCII letters and digits hashes, and where it ends.
static ASCII_RUN_LOWER: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    t
};

#[cfg(test)]
mod tests {
    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]
        #[test]
        fn gaps_are_found_as_byte_by_byte(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                " ", "  ", "   ", "\t", "\r", "a", "bcdefgh", "é", "\u{a0}", "\u{3000}",
                "bcdefgh ijklmnop", "qrstuvwxyz abcdefghijklm", "\x0b",
            ]), 0..40),
            from in 0usize..8,
        ) {
            let text: String = parts.concat();
            let b = text.as_bytes();
            let want = (from..b.len()).find(|&i| {
                b[i] == b'\t' || b[i] == b'\r' || b[i..].starts_with(b"   ")
            });
            proptest::prop_assert_eq!(next_gap(b, from.min(b.len())), want);
            proptest::prop_assert_eq!(trim_space(&text), text.trim_matches(is_space));
        }

        #[test]
        fn newlines_and_line_ends_are_found_as_byte_by_byte(
            // Mostly other bytes: blocks without a line feed too.
            // Spaces, alone and in pairs, for plain lines and others.
            bytes in proptest::collection::vec(proptest::sample::select(vec![
                b'\n', b'a', 0, 0x0b, 0x8a, 0xff, 0x7f, b'a', b'b', b'c', b'd', b'e', b'f', b' ',
                b' ', b'\t', b'\r',
            ]), 0..600),
        ) {
            let want = bytes.iter().filter(|&&b| b == b'\n').count();
            proptest::prop_assert_eq!(count_newlines(&bytes), want);
            let mut ends = LineEnds::new(&bytes);
            let mut from = 0;
            loop {
                let next = bytes[from..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |k| from + k);
                let line = &bytes[from..next];
                let plain = !line.iter().any(|&b| b < b' ') && !line.windows(2).any(|w| w == b"  ");
                proptest::prop_assert_eq!(ends.next_line(), (next, plain));
                // A plain line has no gap.
                proptest::prop_assert!(!plain || next_gap(line, 0).is_none());
                if next == bytes.len() {
                    break;
                }
                from = next + 1;
            }
            // Past the end, no more line.
            proptest::prop_assert_eq!(ends.next_line(), (bytes.len(), true));
        }
    }

    use super::*;

    /// Every run of up to eight bytes of `h`, `t`, `p` and another letter
    /// (so every overlap of `http` with itself and its parts), and longer
    /// ones around it, holds `http` as a search at every start finds it.
    #[test]
    fn http_is_found_as_at_every_start() {
        let letters = *b"htpa";
        for len in 0..=8u32 {
            for mut code in 0..4usize.pow(len) {
                let run: Vec<u8> = (0..len)
                    .map(|_| {
                        let b = letters[code % 4];
                        code /= 4;
                        b
                    })
                    .collect();
                for r in [run.clone(), [b"xhtt", &run[..], b"pht"].concat()] {
                    let want = r.windows(4).any(|w| w == b"http");
                    assert_eq!(holds_http(&r), want, "{}", String::from_utf8_lossy(&r));
                }
            }
        }
    }

    #[test]
    fn low_bits_are_gathered_as_one_by_one() {
        for bits in 0u32..256 {
            let bytes: [u8; 8] = std::array::from_fn(|j| u8::from(bits >> j & 1 != 0));
            assert_eq!(
                gather_low_bits(u64::from_le_bytes(bytes)),
                bits,
                "{bits:08b}"
            );
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]
        #[test]
        fn keys_are_deduplicated_as_one_by_one(
            // Keys that share their top bits, and keys that do not.
            picks in proptest::collection::vec((0u64..4, 0u64..6), 0..40),
        ) {
            let keys: Vec<u64> = picks.iter().map(|&(top, low)| top << 58 | low << 1 | 1).collect();
            let mut want: Vec<u64> = Vec::new();
            for &k in &keys {
                if !want.contains(&k) {
                    want.push(k);
                }
            }
            let mut small = keys.clone();
            let n = dedup_small(&mut small);
            proptest::prop_assert_eq!(&small[..n], &want[..]);
            let mut hashed = keys.clone();
            let n = dedup_hashed(&mut hashed, &mut Vec::new());
            proptest::prop_assert_eq!(&hashed[..n], &want[..]);
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]
        #[test]
        fn word_keys_of_a_page_are_each_cells_content_words_once(
            // Cells of no content word, of one, and of many, repeated or not.
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "news", "News", "the", "a", "Straße", "ÉCOLE", "日本語", "café", "    ", "\t", "\n",
                " ", ", ", "\r\n", "abcdefghijk", "x1y2", "“quoted”", "\u{a0}",
            ]), 0..200),
        ) {
            let text: String = parts.concat();
            let (lines, words) = split_page(&text);
            let again = WordKeys::of(&lines, |_| None);
            for (i, l) in lines.iter().enumerate() {
                let mut want: Vec<u64> = Vec::new();
                for_each_word(l.text, |k, len| {
                    if len >= MIN_CONTENT_WORD && !want.contains(&k) {
                        want.push(k);
                    }
                });
                proptest::prop_assert_eq!(words.get(i), &want[..], "{:?}", l.text);
                proptest::prop_assert_eq!(again.get(i), &want[..], "{:?}", l.text);
            }
        }
    }

    #[test]
    fn blank_measures_are_those_of_an_empty_text() {
        assert_eq!(
            measure("", &mut Vec::new()),
            (Shape::default(), Lexical::BLANK)
        );
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]
        #[test]
        fn copied_word_keys_are_those_of_the_lines_copied(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "news", "News", "the", "Straße", "日本語", "café", " ", "\n", "abcdefghijk",
            ]), 0..120),
            // Each later line copies an earlier one, or none (a blank line).
            from in proptest::collection::vec(proptest::option::of(0..64usize), 0..40),
            runs in proptest::collection::vec(0..4usize, 0..40),
        ) {
            let text: String = parts.concat();
            let (lines, words) = split_page(&text);
            // Runs of consecutive lines, as settling's blocks copy them.
            let mut from2 = Vec::new();
            for (f, n) in from.iter().zip(runs.iter().chain(std::iter::repeat(&1))) {
                match f {
                    Some(i) => from2.extend((i % lines.len()..lines.len()).take(*n).map(Some)),
                    None => from2.push(None),
                }
            }
            let got = WordKeys::copied(&words, &from2);
            proptest::prop_assert_eq!(got.ends.len(), from2.len() + 1);
            for (j, f) in from2.iter().enumerate() {
                let want = f.map_or(&[][..], |i| words.get(i));
                proptest::prop_assert_eq!(got.get(j), want);
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]
        #[test]
        fn words_pack_lowercased_as_the_stop_word_table_packs_them(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a", "É", "é", "ß", "İ", "Σ", "ς", "'", "-", "Że", "SIĘ", "über", "X", "1",
                "\u{1e9e}", "ǅ", "日",
            ]), 1..6),
        ) {
            let word: String = parts.concat();
            proptest::prop_assert_eq!(
                pack_lowercase(&word),
                crate::stopwords::pack_word(&word),
                "{:?}",
                word
            );
        }
    }

    #[test]
    fn a_line_that_ends_in_a_comma_or_a_function_word_goes_on() {
        // Hard-wrapped prose: the next line starts with a name, or a new
        // sentence after a comma.
        let text = "He was a student studying at a\nPolytechnic Institute in Russia, in his fourth year,\nIn 1943 he was wounded.\nReports From The Museum Of Modern Art And\nNext line";
        let lines = split_lines(text);
        assert_eq!(wrapped_runs(&lines), [0..3, 0..3, 0..3, 3..4, 4..5]);
        for (text, open) in [
            ("studying at a", true),
            ("Er ging mit der", true),
            ("in his fourth year,", true),
            ("A Title Of", false),
            ("it ended in the end.", false),
            ("News", false),
            ("on the War", false),
            ("trained up to ", true),
            ("up to\u{a0}the", true),
            ("Site map |\u{a0}Search", false),
        ] {
            assert_eq!(ends_open(text), open, "{text:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]
        #[test]
        fn ends_open_byte_by_byte_is_ends_open_by_chars(
            // Function words and others, in every case, of ASCII and not,
            // with commas, marks and white space (ASCII or not) around.
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "the", "The", "a", "of", "und", "für", "été", "más", "ab", "abcdefghi", "deze",
                ",", ".", "(", "-", "1", " ", "  ", "\u{a0}", "\u{2003}", "\t", "É", "ünd", "x,",
            ]), 0..8),
        ) {
            let text: String = parts.concat();
            proptest::prop_assert_eq!(ends_open(&text), ends_open_by_chars(&text), "{:?}", text);
        }
    }

    #[test]
    fn a_sentence_cut_into_cells_by_a_padded_link_is_one_paragraph() {
        let cut = split_lines("This year you can use   indoor Google Maps   on your phone.");
        assert_eq!(cut.len(), 3);
        assert_eq!(wrapped_runs(&cut), [0..3, 0..3, 0..3]);
        // Cells that end a sentence or start in capitals stay apart.
        let menu = split_lines("Home   News   Sport\nIt ended.   then it went on");
        assert_eq!(menu.len(), 5);
        assert_eq!(wrapped_runs(&menu), [0..1, 1..2, 2..3, 3..4, 4..5]);
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]
        #[test]
        fn wrapped_runs_are_those_of_the_rule_as_written(
            // Long and short lines, ending a sentence or not, starting in
            // lowercase or not, blank, and of two cells.
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a line long enough to be wrapped at its end",
                "and it goes on here after the wrap, in lowercase",
                "Which Starts In Capitals And Is Long Enough Too",
                "a sentence that ends here, long enough to wrap.",
                "short one", "", "\tcell", "éa continued line in lowercase of enough chars",
                "a sentence cut   by a link   into cells", "Two cells.   Of A Menu",
                "a line long enough that ends in the", "Names, Cities, and Places of the world,",
                "Ends In Capitals Of", "a cell cut at the   Name   of it",
            ]), 0..40),
        ) {
            let text = parts.join("\n");
            let lines = split_lines(&text);
            let n = lines.len();
            let alone = |i: usize| {
                (i == 0 || lines[i - 1].row != lines[i].row)
                    && (i + 1 == n || lines[i + 1].row != lines[i].row)
            };
            let wrapped = |i: usize| {
                lines[i + 1].row == lines[i].row + 1
                    && alone(i)
                    && alone(i + 1)
                    && lines[i].shape.chars >= WRAP_MIN_CHARS
            };
            let links = |i: usize| {
                i + 1 < n
                    && !lines[i].is_blank()
                    && !lines[i + 1].is_blank()
                    && (lines[i + 1].row == lines[i].row || wrapped(i))
                    && !lines[i].shape.terminal
                    && (lines[i + 1].shape.starts_lower || ends_open(lines[i].text))
            };
            let mut want = Vec::new();
            let mut start = 0;
            while start < n {
                let mut end = start;
                while end - start + 1 < WRAP_MAX_LINES && links(end) {
                    end += 1;
                }
                want.extend(std::iter::repeat_n(start..end + 1, end + 1 - start));
                start = end + 1;
            }
            proptest::prop_assert_eq!(wrapped_runs(&lines), want);
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]
        #[test]
        fn words_of_runs_and_punctuation_are_measured_as_by_the_plain_passes(
            // Words of ASCII runs and punctuation (the scan's `ascii_token`
            // path), among words it takes otherwise, in every position.
            words in proptest::collection::vec(proptest::sample::select(vec![
                "don't", "e-mail", "(die)", "\"The", "the,\"", "U.S.", "12:30", "a/b/c", "l'homme",
                "d'un", "(a", "--", "-", "|", "www.x.com", "http://x", "x.com.", "Über-all",
                "co-op's", "abcdefghij-k", "Cat's", "x_y,", "[1]", "$5.00", "a'", "'a", "...",
                "the", "And", "of.", "news", "caf\u{e9}-x", "\u{201c}a\u{201d}", "a\u{2019}s", "\x0b",
            ]), 0..50),
            seps in proptest::collection::vec(proptest::sample::select(vec![" ", "  ", "\t"]), 50),
        ) {
            let text: String = words
                .iter()
                .zip(&seps)
                .flat_map(|(w, s)| [*w, *s])
                .collect();
            let text = text.trim_end();
            let mut keys = Vec::new();
            let (shape, lex) = measure(text, &mut keys);
            let mut want = Vec::new();
            for_each_word(text, |k, len| {
                if len >= MIN_CONTENT_WORD {
                    want.push(k);
                }
            });
            proptest::prop_assert_eq!(shape, Shape::measure(text), "{:?}", text);
            proptest::prop_assert_eq!(keys, want, "{:?}", text);
            proptest::prop_assert_eq!(lex.key, crate::keys::norm_key(text), "{:?}", text);
            proptest::prop_assert_eq!(
                lex.stopwords,
                crate::stopwords::stopword_share(text),
                "{:?}",
                text
            );
            let urlish = text.contains("http") || text.contains("www.") || text.contains(".com");
            proptest::prop_assert_eq!(lex.urlish, urlish, "{:?}", text);
        }
    }

    #[test]
    fn shares_look_at_the_first_words_only() {
        // Texts of words before, at and past the last looked at for
        // capitals (the 41st) and for function words (the 64th).
        let pool = ["The", "cat", "Dog", "and", "x", "Über", "of"];
        for n in [1, 2, 3, 39, 40, 41, 42, 63, 64, 65, 66, 100] {
            for pick in 0..pool.len() {
                let words: Vec<&str> = (0..n).map(|i| pool[(i * 3 + pick) % pool.len()]).collect();
                let text = words.join(" ");
                let (_, lex) = measure(&text, &mut Vec::new());
                assert_eq!(
                    lex.stopwords,
                    crate::stopwords::stopword_share(&text),
                    "{text}"
                );
                let looked = &words[1.min(n)..n.min(CAPS_WORDS as usize + 1)];
                let caps = looked
                    .iter()
                    .filter(|w| w.starts_with(char::is_uppercase))
                    .count();
                let want = if looked.is_empty() {
                    0.0
                } else {
                    caps as f32 / looked.len() as f32
                };
                assert_eq!(lex.caps, want, "{text}");
            }
        }
    }

    #[test]
    fn a_texts_start_is_measured_as_char_by_char() {
        let firsts = (0u8..0x80)
            .map(char::from)
            .chain(['•', '–', 'é', 'É', '“', '日', '\u{a0}']);
        for c in firsts {
            let text = format!("{c}rest");
            let (mut fast, mut slow) = (Shape::default(), Shape::default());
            fast.set_start(&text);
            slow.set_start_of_any_text(&text);
            assert_eq!(fast, slow, "{c:?}");
        }
    }

    #[test]
    fn char_classes_are_those_of_the_char_methods() {
        // Twice: computed and kept, then from the table.
        for _ in 0..2 {
            let chars = (0x80..0x1_0000)
                .chain(0x1_0000..0x1_0400)
                .chain([0x1f600, 0x1d400, 0x10ffff])
                .filter_map(char::from_u32);
            for c in chars {
                assert_eq!(CharClass::of(c), CharClass::compute(c), "{c:?}");
                let lower: String = c.to_lowercase().collect();
                if let Some(l) = CharClass::of(c).lower {
                    assert_eq!(lower, l.to_string(), "{c:?}");
                }
            }
        }
    }

    #[test]
    fn lines_cover_input_and_strip_cr() {
        let input = "a\r\n  b c \n\nlast";
        let lines = split_lines(input);
        assert_eq!(lines.len(), 4);
        assert_eq!(lines[0].text, "a");
        assert_eq!(lines[0].span, 0..1);
        assert_eq!(lines[1].text, "b c");
        assert_eq!(&input[lines[1].text_span.clone()], "b c");
        assert!(lines[2].is_blank());
        assert_eq!(lines[3].text, "last");
        assert_eq!(lines[3].span, 11..15);
    }

    #[test]
    fn gaps_split_a_line_into_cells() {
        let input = "  Europe     Fire theory family\tnext\nplain line";
        let lines = split_lines(input);
        let texts: Vec<&str> = lines.iter().map(|l| l.text).collect();
        assert_eq!(
            texts,
            ["Europe", "Fire theory family", "next", "plain line"]
        );
        assert_eq!(
            lines.iter().map(|l| l.row).collect::<Vec<_>>(),
            [0, 0, 0, 1]
        );
        // The cells' spans partition the line.
        assert_eq!(lines[0].span.start, 0);
        assert_eq!(lines[0].span.end, lines[1].span.start);
        assert_eq!(lines[1].span.end, lines[2].span.start);
        assert_eq!(lines[2].span.end, input.find('\n').unwrap());
        for l in &lines {
            assert_eq!(&input[l.text_span.clone()], l.text);
        }
    }

    /// A line of more gaps than [`MAX_LINE_CELLS`] cells is split into
    /// that many: its last cell is the rest of its text, gaps and all, and
    /// the cells' spans still partition the line.
    #[test]
    fn a_line_is_split_into_at_most_max_line_cells() {
        let line = vec!["x"; MAX_LINE_CELLS + 500].join("\t");
        let input = format!("{line}\nnext");
        let lines = split_lines(&input);
        assert_eq!(lines.len(), MAX_LINE_CELLS + 1);
        assert!(lines[..MAX_LINE_CELLS - 1].iter().all(|l| l.text == "x"));
        let last = &lines[MAX_LINE_CELLS - 1];
        assert_eq!(last.text, vec!["x"; 501].join("\t"));
        assert_eq!(last.row, 0);
        let mut at = 0;
        for l in &lines[..MAX_LINE_CELLS] {
            assert_eq!(l.span.start, at);
            at = l.span.end;
        }
        assert_eq!(at, line.len());
        assert_eq!(
            (lines[MAX_LINE_CELLS].text, lines[MAX_LINE_CELLS].row),
            ("next", 1)
        );
        // The part bound counts no more cells for the line.
        assert_eq!(cells_of(&line), MAX_LINE_CELLS);
    }

    #[test]
    fn bom_is_trimmed_and_lone_cr_separates_cells() {
        let input = "\u{feff}Title\nfirst\rsecond";
        let lines = split_lines(input);
        assert_eq!(lines[0].text, "Title");
        assert_eq!(lines[0].span.start, 0);
        assert_eq!(lines[0].text_span.start, 3);
        let texts: Vec<&str> = lines[1..].iter().map(|l| l.text).collect();
        assert_eq!(texts, ["first", "second"]);
        assert!(lines[1..].iter().all(|l| l.row == 1));
    }

    #[test]
    fn trailing_newline_gives_final_empty_line() {
        assert_eq!(split_lines("x\n").len(), 2);
        assert_eq!(split_lines("").len(), 1);
    }

    #[test]
    fn blank_lines_are_measured_as_an_empty_text() {
        let input = "a\n\n\r\nb\n";
        let (lines, keys) = split_page(input);
        let blank = measure("", &mut Vec::new());
        let mut want_keys = Vec::new();
        for l in &lines {
            assert_eq!(&input[l.span.clone()], l.text.trim_end_matches('\r'));
            if l.is_blank() {
                assert_eq!((l.shape, l.lex), blank);
                assert_eq!(l.text_span, l.span.start..l.span.start);
            }
            let mut k = Vec::new();
            measure(l.text, &mut k);
            want_keys.push(k);
        }
        assert_eq!(lines.len(), 5);
        for (i, k) in want_keys.iter().enumerate() {
            assert_eq!(keys.get(i), &k[..]);
        }
    }

    #[test]
    fn shape_counts_words_and_punctuation() {
        let s = Shape::measure("Dit is een zin. En nog een!");
        assert_eq!(s.words, 7);
        assert!(s.terminal);
        assert_eq!(s.inner_stops, 1);
        let t = Shape::measure("Anderlecht verliest talent ...");
        assert!(t.ellipsis && !t.terminal);
        let c = Shape::measure("这是一个测试句子。");
        assert!(c.words >= 4, "{c:?}");
    }

    #[test]
    fn a_sentence_signed_off_in_brackets_ends_the_line() {
        for text in [
            "Es kostet 50 Euro und setzt OS X 10.10 voraus. (bsc)",
            "At least 19 people died, most of them tourists. (Reuters)",
            "That is how knowledge is shared. (Miller, 2000)",
            "They broke up last week. [Daily Mail]",
            "\u{201c}We won,\u{201d} she said.\u{201d} (dpa)",
        ] {
            assert!(Shape::measure(text).terminal, "{text}");
        }
        for text in [
            // No sentence ends before the bracket.
            "Read the full report (PDF)",
            // A longer group after a sentence: a picture's credit.
            "Astronauts at work on the station. (NASA via AP, File)",
            // No bracket at the end.
            "He said (and meant it) no",
            // A longer remark after a sentence.
            "Prices rose. (See the table below for all of them)",
        ] {
            assert!(!Shape::measure(text).terminal, "{text}");
        }
    }
}
