//! Small cue lexicons, across languages, for lines that announce site chrome,
//! and the patterns of metadata lines (dates, bylines, credits, counts).
//!
//! Every entry is a general phrase of its language ("read also", "lees ook",
//! "newsletter"); none is a site's own text. Lexicons cover at least Dutch,
//! English, German, French, Spanish, Italian, Portuguese and Polish, and
//! the common labels of Chinese (traditional and simplified) and Japanese
//! pages.

use crate::unicode::{char_at, is_digit, is_word};
use std::sync::LazyLock as Lazy;

/// What a cue line announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cue {
    /// "Read also", "related", "most read", "more news" …
    Related,
    /// A comment section or comment count.
    Comments,
    /// Newsletter, app, follow, share, subscribe, advertising prompts.
    Promo,
    /// Legal footer: copyright, privacy, cookies, terms, contact.
    Footer,
    /// Menu entries: home, search, log in, skip to content, sections.
    Navigation,
    /// Fixtures, results and standings: matchday, standings, table.
    Fixtures,
}

/// The index of the comments lexicon in [`CUE_ORDER`].
const COMMENTS_INDEX: usize = 0;

/// The index of the legal-footer lexicon in [`CUE_ORDER`].
const FOOTER_INDEX: usize = 3;

// Cue phrases are matched as whole words, ignoring case: a phrase occurs in
// a line where its chars follow each other (a space in a phrase stands for
// one or more white-space chars), with no word char (`\w`) right before or
// after it. Words, digits, white space and case are those of the Unicode
// classes below, so a line matches exactly where the regular expression
// `(?i)(?:^|[^\w])(?:phrase|…)(?:$|[^\w])` of the `regex` crate would.

/// A white-space char (`\s`, Unicode `White_Space`).
fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// The form in which `c` is compared with the (lowercase) chars of the
/// lexicons and patterns: every char that simple case folding equates with
/// one of those chars maps to it (`K`, the Kelvin sign `K` → `k`; `ſ` → `s`;
/// `ẞ` → `ß`; `É` → `é`), and no other char does.
fn fold(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        '\u{c0}'..='\u{de}' if c != '\u{d7}' => char::from_u32(u32::from(c) + 0x20).unwrap_or(c),
        // The capitals of the Polish letters of the lexicons (Ą Ć Ę Ł Ń Ś Ź Ż).
        '\u{104}' | '\u{106}' | '\u{118}' | '\u{141}' | '\u{143}' | '\u{15a}' | '\u{179}'
        | '\u{17b}' => char::from_u32(u32::from(c) + 1).unwrap_or(c),
        '\u{17f}' => 's',
        '\u{212a}' => 'k',
        '\u{1e9e}' => '\u{df}',
        _ => c,
    }
}

/// The byte after the run of chars from byte `i` of `text` that satisfy `f`.
fn skip(text: &str, i: usize, mut f: impl FnMut(char) -> bool) -> usize {
    text[i..]
        .char_indices()
        .find(|&(_, c)| !f(c))
        .map_or(text.len(), |(j, _)| i + j)
}

/// The ends of the white-space runs from byte `i` of `text`, longest first
/// down to the empty run: the order in which a greedy `\s*` tries them.
fn space_ends(text: &str, i: usize) -> impl Iterator<Item = usize> + '_ {
    std::iter::successors(Some(skip(text, i, is_space)), move |&p| {
        (p > i).then(|| p - text[..p].chars().next_back().map_or(1, char::len_utf8))
    })
}

/// The byte after `word` if `text` has it at byte `i`, ignoring case (char
/// by char through [`fold`]; `word` is lowercase).
///
/// Byte by byte while both the text's and the word's bytes are ASCII: an
/// ASCII char folds to its lowercase alone, and the bytes before were
/// whole chars of both. The rest, from a byte outside ASCII (or the end of
/// `text`) on, char by char ([`eat_fold_chars`]).
fn eat_fold(text: &str, i: usize, word: &str) -> Option<usize> {
    let t = text.as_bytes();
    for (k, &w) in word.as_bytes().iter().enumerate() {
        match t.get(i + k) {
            Some(&b) if (b | w).is_ascii() => {
                if b.to_ascii_lowercase() != w {
                    return None;
                }
            }
            _ => return eat_fold_chars(text, i + k, &word[k..]),
        }
    }
    Some(i + word.len())
}

/// [`eat_fold`] char by char, through [`fold`] (the plain way, which
/// the tests keep as its oracle; out of line, so that the byte loop's
/// calls stay cheap).
#[inline(never)]
fn eat_fold_chars(text: &str, i: usize, word: &str) -> Option<usize> {
    let mut chars = text[i..].char_indices();
    for w in word.chars() {
        let (_, c) = chars.next()?;
        if fold(c) != w {
            return None;
        }
    }
    Some(i + chars.offset())
}

/// `text` from byte `i` on is one of `words`, ignoring case.
fn rest_is_one_of(text: &str, i: usize, words: &[&str]) -> bool {
    words
        .iter()
        .any(|w| eat_fold(text, i, w) == Some(text.len()))
}

/// One step of the hash of a word's folded chars (FNV-1a over chars).
fn fold_key(h: u64, c: char) -> u64 {
    (h ^ u64::from(u32::from(c))).wrapping_mul(FOLD_KEY_PRIME)
}

const FOLD_KEY_PRIME: u64 = 0x0100_0000_01b3;

const FOLD_KEY_SEED: u64 = 0xcbf2_9ce4_8422_2325;

/// For every byte: its folded (lowercase) form if it is an ASCII word char
/// (`\w`: letter, digit, `_`), 0 for other ASCII bytes, [`MULTI_BYTE`] for
/// the bytes of multi-byte chars.
static BYTE_WORD_FOLD: [u8; 256] = {
    let mut t = [MULTI_BYTE; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() || c == b'_' {
            c.to_ascii_lowercase()
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Marks the bytes of multi-byte chars in [`BYTE_WORD_FOLD`].
const MULTI_BYTE: u8 = 0xFF;

/// The word char (`\w`) at byte `i` of `text`, folded, and its length;
/// `None` for any other char (or the end).
fn word_char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let c = char_at(text, i)?;
    is_word(c).then(|| (fold(c), c.len_utf8()))
}

/// The end and the [`fold_key`] hash of the run of word chars (`\w`) that
/// starts at byte `start` of `text`: ASCII bytes in a tight loop, other
/// chars one by one.
fn run_key(text: &str, start: usize) -> (usize, u64) {
    let bytes = text.as_bytes();
    let mut i = start;
    let mut h = FOLD_KEY_SEED;
    loop {
        for &b in &bytes[i..] {
            let t = BYTE_WORD_FOLD[usize::from(b)];
            if t == 0 || t == MULTI_BYTE {
                break;
            }
            h = (h ^ u64::from(t)).wrapping_mul(FOLD_KEY_PRIME);
            i += 1;
        }
        if bytes.get(i).is_none_or(u8::is_ascii) {
            return (i, h);
        }
        match word_char_at(text, i) {
            Some((c, n)) => {
                h = fold_key(h, c);
                i += n;
            }
            None => return (i, h),
        }
    }
}

/// Eight copies of a byte, for the byte-parallel tests below.
const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = ONES * 0x80;
/// The bit that tells an ASCII letter's lowercase from its capital.
const CASE: u64 = ONES * 0x20;

/// For each of the eight bytes of `x`, all below 0x80: its high bit set if
/// the byte is an ASCII word char (`\w`: letter, digit, `_`), all bits
/// clear otherwise. Each byte is tested on its own: no sum carries out of
/// a byte below 0x80.
fn ascii_word_bytes_of_ascii(a: u64) -> u64 {
    let y = a | CASE; // letters in lowercase
    let letter = (y + ONES * 0x1F) & !(y + ONES * 0x05); // 0x61 <= y <= 0x7A
    let digit = (a + ONES * 0x50) & !(a + ONES * 0x46); // 0x30 <= a <= 0x39
    let underscore = !((a ^ (ONES * 0x5F)) + ONES * 0x7F); // a == 0x5F
    (letter | digit | underscore) & HIGH
}

/// [`ascii_word_bytes_of_ascii`] for any eight bytes (those from 0x80 up
/// are no ASCII word chars).
fn ascii_word_bytes(x: u64) -> u64 {
    ascii_word_bytes_of_ascii(x & !HIGH) & !x
}

/// The high bits of the eight bytes of `x` (all other bits clear) as bits
/// 0 to 7: the bit of byte `j` (bit `8j + 7`) lands on bit `56 + j`.
fn high_bits(x: u64) -> u32 {
    (x.wrapping_mul(0x0002_0408_1020_4081) >> 56) as u32
}

/// The bit in [`RunFilter::packed`] of the first eight bytes `x` of a run
/// of ASCII word chars (little-endian, bytes past the run's end clear),
/// each or'ed with 0x20: that folds letters to lowercase, keeps digits and
/// maps `_` to 0x7F, which no other word char folds to.
fn packed_bit(x: u64) -> (usize, u64) {
    let h = (x | CASE).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 50;
    ((h >> 6) as usize, 1 << (h & 63))
}

/// What a walk of the runs of a text looks for: the runs whose key may be
/// the key of a phrase's first word.
struct RunFilter {
    /// Bits by [`CueIndex::bit`] of the [`fold_key`] keys of the first
    /// words: most words have no bit set.
    bits: [u64; 128],
    /// Bits by [`packed_bit`] of the first (up to) eight bytes of the first
    /// words whose first eight chars are ASCII: a run of ASCII word chars
    /// can only have the key of a first word whose bit its own first eight
    /// bytes have.
    packed: [u64; 256],
    /// Bits by [`RunFilter::pair_bit`] of the first two bytes of a run of
    /// ASCII word chars that may be a first word (for a word of one char,
    /// with every ASCII non-word byte after it).
    pairs: [u64; 512],
}

impl RunFilter {
    /// The bit of two ASCII bytes in [`RunFilter::pairs`]: (word, mask).
    /// Both are or'ed with 0x20, which folds letters to lowercase (and
    /// maps some non-word bytes onto others: only more pairs pass).
    fn pair_bit(b0: u8, b1: u8) -> (usize, u64) {
        let i = usize::from((u16::from_le_bytes([b0, b1]) | 0x2020) & 0x7F7F);
        (i >> 6, 1 << (i & 63))
    }

    /// Whether a run of ASCII word chars whose first two bytes (the
    /// second maybe the non-word byte after it) are `b0` and `b1` may be a
    /// first word.
    fn pair_may_start(&self, b0: u8, b1: u8) -> bool {
        let (w, m) = RunFilter::pair_bit(b0, b1);
        self.pairs[w] & m != 0
    }

    fn add(&mut self, word: &str, key: u64) {
        let (w, m) = CueIndex::bit(key);
        self.bits[w] |= m;
        // The ASCII bytes that fold to the first two chars (an ASCII byte
        // folds to its lowercase only).
        let mut chars = word.chars();
        if let Some(c0) = chars.next().filter(char::is_ascii) {
            let mut pair = |b1: u8| {
                let (w, m) = RunFilter::pair_bit(c0 as u8, b1);
                self.pairs[w] |= m;
            };
            match chars.next() {
                None => (0..0x80u8)
                    .filter(|&b| !is_word(char::from(b)))
                    .for_each(pair),
                Some(c1) if c1.is_ascii() => pair(c1 as u8),
                Some(_) => {}
            }
        }
        // Its first eight chars are ASCII where its first eight bytes are
        // (a char outside ASCII starts at its first byte from 0x80 up).
        let head = &word.as_bytes()[..word.len().min(8)];
        if head.is_ascii() {
            let x = head.iter().rev().fold(0u64, |x, &b| x << 8 | u64::from(b));
            let (w, m) = packed_bit(x);
            self.packed[w] |= m;
        }
    }
}

/// How a walk of the runs of a text ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Walked {
    /// The callback returned true (and the walk stopped there).
    stopped: bool,
    /// The text has a `©` (only known where the walk did not stop).
    copyright: bool,
}

/// Sixteen bytes of `bytes` from `i`, little-endian; 0 (no word char) past
/// the end.
#[inline(always)]
fn load16(bytes: &[u8], i: usize) -> u128 {
    match bytes.get(i..i + 16) {
        Some(b) => u128::from_le_bytes(b.try_into().unwrap_or_default()),
        // The last sixteen bytes, shifted down to byte `i`.
        None if bytes.len() >= 16 => {
            let last = &bytes[bytes.len() - 16..];
            u128::from_le_bytes(last.try_into().unwrap_or_default()) >> (8 * (i + 16 - bytes.len()))
        }
        // Fewer than sixteen bytes in all: from eight on, the first eight
        // and the last eight (shifted down onto the bytes after those).
        None => match (bytes.get(i..i + 8), bytes.len() - i) {
            (Some(lo), n) => {
                let lo = u64::from_le_bytes(lo.try_into().unwrap_or_default());
                let last = &bytes[bytes.len() - 8..];
                let hi = u64::from_le_bytes(last.try_into().unwrap_or_default())
                    .checked_shr(8 * (16 - n) as u32)
                    .unwrap_or(0);
                u128::from(lo) | u128::from(hi) << 64
            }
            _ => bytes[i..]
                .iter()
                .rev()
                .fold(0u128, |v, &b| v << 8 | u128::from(b)),
        },
    }
}

/// Of sixteen bytes (little-endian): how many come before the first
/// non-ASCII byte, and which of those are ASCII word chars (a bit a byte).
#[inline(always)]
fn ascii_words(chunk: u128) -> (u32, u32) {
    let (lo, hi) = (chunk as u64, (chunk >> 64) as u64);
    if (lo | hi) & HIGH == 0 {
        let words = |x| high_bits(ascii_word_bytes_of_ascii(x));
        (16, words(lo) | words(hi) << 8)
    } else {
        let limit = (high_bits(lo & HIGH) | high_bits(hi & HIGH) << 8).trailing_zeros();
        let words = |x| high_bits(ascii_word_bytes(x));
        (limit, (words(lo) | words(hi) << 8) & ((1u32 << limit) - 1))
    }
}

/// Call `f` with the start and the [`fold_key`] hash of every maximal run
/// of word chars (`\w`) of `text` whose key may be one of `filter`'s (see
/// [`CueIndex`]), in order, until it returns true.
///
/// Sixteen bytes at a time: where they are ASCII, the word chars among
/// them are found byte-parallel, and a run of ASCII word chars that ends
/// among them (maybe begun in earlier chunks) is hashed only if its first
/// two bytes pass [`RunFilter::pairs`] and its first eight
/// [`RunFilter::packed`]. A run that reaches a non-ASCII byte, and the
/// non-ASCII chars between runs, are walked char by char (which also finds
/// `©`).
#[inline]
fn for_each_run(text: &str, filter: &RunFilter, mut f: impl FnMut(usize, u64) -> bool) -> Walked {
    let bytes = text.as_bytes();
    let mut copyright = false;
    let stopped = Walked {
        stopped: true,
        copyright: false,
    };
    // Invariant: the char before byte `i` is no word char (or `i` is 0),
    // but where a run of ASCII word chars from byte `pending` to `i` goes
    // on past `i`.
    let mut i = 0;
    let mut pending = None;
    // The key of the run of ASCII word chars from `start` to `end`, if its
    // first eight bytes `head` (little-endian, maybe more bytes above)
    // pass the filter.
    let run_hash = |head: u64, start: usize, end: usize| {
        let n = (end - start).min(8);
        let (w, m) = packed_bit(head & (u64::MAX >> (64 - 8 * n)));
        (filter.packed[w] & m != 0).then(|| {
            bytes[start..end].iter().fold(FOLD_KEY_SEED, |h, &b| {
                (h ^ u64::from(BYTE_WORD_FOLD[usize::from(b)])).wrapping_mul(FOLD_KEY_PRIME)
            })
        })
    };
    while i < bytes.len() {
        let chunk = load16(bytes, i);
        let (limit, words) = ascii_words(chunk);
        let mut starts = words & !(words << 1);
        // Where the walk goes on char by char, if it does.
        let mut slow = (limit < 16).then_some(i + limit as usize);
        if let Some(start) = pending.take() {
            // The run from an earlier chunk ends here, or goes on.
            let n = (!words).trailing_zeros();
            starts &= !1;
            if n == limit {
                if limit == 16 {
                    pending = Some(start);
                    i += 16;
                    continue;
                }
                slow = Some(start);
                starts = 0;
            } else {
                let end = i + n as usize;
                let second = bytes.get(start + 1).copied().unwrap_or(0);
                if filter.pair_may_start(bytes[start], second) {
                    let head = match bytes.get(start..start + 8) {
                        Some(b) => u64::from_le_bytes(b.try_into().unwrap_or_default()),
                        None => bytes[start..end]
                            .iter()
                            .rev()
                            .fold(0u64, |v, &b| v << 8 | u64::from(b)),
                    };
                    if let Some(h) = run_hash(head, start, end) {
                        if CueIndex::maybe(&filter.bits, h) && f(start, h) {
                            return stopped;
                        }
                    }
                }
            }
        }
        // The last run, if it goes on past these bytes.
        if limit > 0 && words >> (limit - 1) & 1 != 0 && starts != 0 {
            let k = 31 - starts.leading_zeros();
            starts &= !(1 << k);
            if limit == 16 {
                pending = Some(i + k as usize);
            } else {
                slow = Some(i + k as usize);
            }
        }
        // Whole runs of ASCII word chars, between ASCII non-word bytes (or
        // the ends of `text`): those whose first two bytes pass.
        while starts != 0 {
            let k = starts.trailing_zeros();
            starts &= starts - 1;
            let head = (chunk >> (8 * k)) as u64;
            if !filter.pair_may_start(head as u8, (head >> 8) as u8) {
                continue;
            }
            let n = (!(words >> k)).trailing_zeros() as usize;
            let start = i + k as usize;
            if let Some(h) = run_hash(head, start, start + n) {
                if CueIndex::maybe(&filter.bits, h) && f(start, h) {
                    return stopped;
                }
            }
        }
        let Some(from) = slow else {
            i += 16;
            continue;
        };
        // Char by char: a run from here, or a non-word char, and on while
        // non-ASCII bytes follow.
        i = from;
        while let Some(c) = char_at(text, i) {
            if is_word(c) {
                let (end, h) = run_key(text, i);
                if CueIndex::maybe(&filter.bits, h) && f(i, h) {
                    return stopped;
                }
                i = end;
            }
            // The non-word char after the run, or here.
            if let Some(c) = char_at(text, i) {
                copyright |= c == '©';
                i += c.len_utf8();
            }
            if bytes.get(i).is_none_or(u8::is_ascii) {
                break;
            }
        }
    }
    if let Some(start) = pending {
        // A run to the end of `text`.
        let (end, h) = run_key(text, start);
        if CueIndex::maybe(&filter.bits, h) && f(start, h) {
            return stopped;
        }
        debug_assert_eq!(end, text.len());
    }
    Walked {
        stopped: false,
        copyright,
    }
}

/// The cue phrases by their first words, with a quick test of a word's key.
struct CueIndex {
    /// Every cue phrase with the index of its lexicon in [`CUE_ORDER`], by
    /// the [`fold_key`] hash of its first word (its leading run of word
    /// chars: `editor` of "editor's picks"), lexicon by lexicon and each in
    /// its order. A phrase starts at the start of a run of word chars of the
    /// line and spans that whole run, so only the phrases under that run's
    /// key can start there. The phrases of a key stand together in
    /// `phrases`, their range in `ranges`.
    ranges: KeyRanges,
    phrases: Vec<CuePhrase>,
    /// The first words of the phrases of all lexicons, and of the
    /// legal-footer lexicon alone.
    any: RunFilter,
    footer: RunFilter,
}

impl CueIndex {
    /// The bit of `key` in a bit set: (word, mask).
    fn bit(key: u64) -> (usize, u64) {
        let top = (key >> 51) as usize;
        (top >> 6, 1 << (top & 63))
    }

    fn maybe(bits: &[u64; 128], key: u64) -> bool {
        let (w, m) = CueIndex::bit(key);
        bits[w] & m != 0
    }

    /// The phrases whose first word has `key` (in lexicon order).
    #[inline]
    fn phrases(&self, key: u64) -> &[CuePhrase] {
        let (start, end) = self.ranges.get(key);
        &self.phrases[start..end]
    }

    /// Each first word's key with its phrases.
    #[cfg(test)]
    fn groups(&self) -> impl Iterator<Item = (u64, &[CuePhrase])> {
        self.ranges
            .0
            .iter()
            .filter(|s| s.0 != 0)
            .map(|&(k, start, end)| (k, &self.phrases[start as usize..end as usize]))
    }
}

/// A cue phrase of [`CueIndex`].
#[derive(Clone, Copy)]
struct CuePhrase {
    /// The index of its lexicon in [`CUE_ORDER`].
    lexicon: usize,
    phrase: &'static str,
    /// Its bytes, for a phrase of sixteen ASCII bytes or fewer.
    ascii: Option<AsciiPhrase>,
}

/// The bytes of a phrase of sixteen ASCII bytes or fewer (little-endian),
/// to compare sixteen bytes of a text with at once.
#[derive(Clone, Copy)]
struct AsciiPhrase {
    bytes: u128,
    /// 0x20 at each of its letters: a text's byte or'ed with it is the
    /// phrase's (lowercase) letter where it is that letter in either case.
    case: u128,
    /// 0xFF at each of its bytes.
    mask: u128,
    len: usize,
    /// It has a space (which a run of white space of any length matches).
    spaced: bool,
}

impl CuePhrase {
    fn new(lexicon: usize, phrase: &'static str) -> CuePhrase {
        let b = phrase.as_bytes();
        let ascii = (phrase.is_ascii() && b.len() <= 16).then(|| {
            let at = |f: &dyn Fn(u8) -> u8| {
                b.iter()
                    .rev()
                    .fold(0u128, |v, &c| v << 8 | u128::from(f(c)))
            };
            AsciiPhrase {
                bytes: at(&|c| c),
                case: at(&|c| if c.is_ascii_lowercase() { 0x20 } else { 0 }),
                mask: at(&|_| 0xFF),
                len: b.len(),
                spaced: b.contains(&b' '),
            }
        });
        CuePhrase {
            lexicon,
            phrase,
            ascii,
        }
    }

    /// [`phrase_end`] of this phrase. Where the text's bytes are the
    /// phrase's, letters in either case, it ends there (a space of the
    /// phrase is matched by the one space); where they differ, all ASCII,
    /// and the phrase has no space, it does not occur (an ASCII char folds
    /// to its lowercase only); else its chars are matched one by one.
    #[inline]
    fn end(&self, text: &str, start: usize) -> Option<usize> {
        let Some(a) = self.ascii else {
            return phrase_end(text, start, self.phrase);
        };
        let bytes = text.as_bytes();
        // Every char of the phrase is matched by one char or more, of a
        // byte or more.
        if start + a.len > bytes.len() {
            return None;
        }
        let x = load16(bytes, start);
        if ((x | a.case) ^ a.bytes) & a.mask == 0 {
            return word_ends(text, start + a.len);
        }
        if !a.spaced && x & a.mask & (u128::MAX / 0xFF * 0x80) == 0 {
            return None;
        }
        phrase_end(text, start, self.phrase)
    }
}

static CUE_INDEX: Lazy<CueIndex> = Lazy::new(|| {
    let empty = || RunFilter {
        bits: [0; 128],
        packed: [0; 256],
        pairs: [0; 512],
    };
    let mut index = CueIndex {
        ranges: KeyRanges::default(),
        phrases: Vec::new(),
        any: empty(),
        footer: empty(),
    };
    let mut keyed = Vec::new();
    for (k, (words, _)) in CUE_ORDER.iter().enumerate() {
        for &phrase in *words {
            let end = phrase.find(|c| !is_word(c)).unwrap_or(phrase.len());
            let word = &phrase[..end];
            let key = word.chars().fold(FOLD_KEY_SEED, fold_key);
            assert_ne!(key, 0, "{phrase}");
            keyed.push((key, CuePhrase::new(k, phrase)));
            index.any.add(word, key);
            if k == FOOTER_INDEX {
                index.footer.add(word, key);
            }
        }
    }
    // By key, each key's in lexicon order (the sort is stable).
    keyed.sort_by_key(|p| p.0);
    index.ranges = KeyRanges::of_sorted(keyed.iter().map(|p| p.0));
    index.phrases = keyed.into_iter().map(|p| p.1).collect();
    index
});

/// The end of `phrase` if it occurs in `text` at byte `start`, the start of
/// a run of word chars, as a whole word: its chars one by one ignoring case,
/// one or more white-space chars for each of its spaces, and no word char
/// right after it.
fn phrase_end(text: &str, start: usize, phrase: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = start;
    for p in phrase.chars() {
        if p == ' ' {
            let end = skip_space(text, i);
            if end == i {
                return None;
            }
            i = end;
        } else {
            match bytes.get(i) {
                // An ASCII char folds to its lowercase.
                Some(&b) if b.is_ascii() => {
                    if char::from(b.to_ascii_lowercase()) != p {
                        return None;
                    }
                    i += 1;
                }
                _ => {
                    let c = char_at(text, i)?;
                    if fold(c) != p {
                        return None;
                    }
                    i += c.len_utf8();
                }
            }
        }
    }
    word_ends(text, i)
}

/// `Some(i)` where no word char follows byte `i` of `text` (the end of a
/// phrase that occurs there as a whole word), else `None`.
#[inline]
fn word_ends(text: &str, i: usize) -> Option<usize> {
    match text.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => (BYTE_WORD_FOLD[usize::from(b)] == 0).then_some(i),
        _ => match char_at(text, i) {
            Some(c) if is_word(c) => None,
            _ => Some(i),
        },
    }
}

/// The end of the white space from byte `i` of `text` (as [`skip`] with
/// [`is_space`]): ASCII bytes one by one, then chars.
fn skip_space(text: &str, i: usize) -> usize {
    let bytes = text.as_bytes();
    let ascii = bytes[i..]
        .iter()
        .take_while(|&&b| matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r'))
        .count();
    match bytes.get(i + ascii) {
        Some(&b) if !b.is_ascii() => skip(text, i + ascii, is_space),
        _ => i + ascii,
    }
}

/// The lexicons among `mask` (bits by index in [`CUE_ORDER`]) a phrase of
/// which occurs in `text` as a whole word (bits by index).
#[cfg(test)]
fn cue_lexicons(text: &str, mask: u8) -> u8 {
    if mask == 0 {
        return 0;
    }
    cue_walk(text, mask)
}

/// The lexicons among `mask` (bits by index in [`CUE_ORDER`], not empty) a
/// phrase of which occurs in `text` as a whole word (bits by index).
fn cue_walk(text: &str, mask: u8) -> u8 {
    let index = &*CUE_INDEX;
    let mut found = 0u8;
    for_each_run(text, &index.any, |start, key| {
        for p in index.phrases(key) {
            let bit = 1u8 << p.lexicon;
            if mask & bit != 0 && found & bit == 0 && p.end(text, start).is_some() {
                found |= bit;
            }
        }
        found == mask
    });
    found
}

/// Whether a comments phrase of `text` labels a title, as an opinion
/// piece's rubric does (`Kommentar: Ein teurer Frieden`, `Kommentar zum
/// Haushalt: Ein teurer Frieden`, `Comment: The price of peace`): a colon
/// follows the phrase, and two words or more (runs of word chars holding
/// a letter) follow the colon. Such a line is a teaser or a headline, not
/// the head of a comment section (`Comments: 12`, `Kommentare`).
pub(crate) fn comments_label_a_title(text: &str) -> bool {
    let index = &*CUE_INDEX;
    let mut phrase_end = None;
    for_each_run(text, &index.any, |start, key| {
        phrase_end = index
            .phrases(key)
            .iter()
            .filter(|p| p.lexicon == COMMENTS_INDEX)
            .find_map(|p| p.end(text, start));
        phrase_end.is_some()
    });
    let Some(colon) = phrase_end.and_then(|end| text[end..].find(':').map(|c| end + c)) else {
        return false;
    };
    text[colon + 1..]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().any(char::is_alphabetic))
        .nth(1)
        .is_some()
}

/// Phrases that reserve a page's rights, lowercase ([`rights_notice`]).
/// Each is a legal term of the footer lexicon too, so a line holding one
/// has the legal cue the body's rule asks for (tested).
const RIGHTS_RESERVED: &[&str] = &[
    "all rights reserved",
    "alle rechte vorbehalten",
    "alle rechten voorbehouden",
    "tous droits réservés",
    "todos los derechos reservados",
    "todos os direitos reservados",
    "tutti i diritti riservati",
    "prawa zastrzeżone",
    "版权所有",
    "版權所有",
];

/// Marks of a copyright, lowercase ([`rights_notice`]).
const COPYRIGHT_MARKS: &[&str] = &["©", "(c)", "copyright"];

/// Whether `text` reads as a page's rights notice: it reserves the rights
/// (`All rights reserved`, `Alle Rechte vorbehalten`), or it holds a
/// copyright mark and a year (`© 2019 CBS Interactive Inc.`, `Copyright
/// 2000 - 2008 …`). A bare mark is an image's credit (`Foto: © dpa`).
pub(crate) fn rights_notice(text: &str) -> bool {
    let lower = text.to_lowercase();
    RIGHTS_RESERVED.iter().any(|p| lower.contains(p))
        || (COPYRIGHT_MARKS.iter().any(|m| lower.contains(m)) && has_year(text))
}

/// Whether `text` holds a year of this or the last century: four ASCII
/// digits from `19` or `20`, with no digit beside them.
fn has_year(text: &str) -> bool {
    text.as_bytes()
        .split(|b| !b.is_ascii_digit())
        .any(|run| run.len() == 4 && (run.starts_with(b"19") || run.starts_with(b"20")))
}

/// Whether `text` has two different legal terms among those the regex
/// `(?i)(?:^|[^\w])(?:term|…)(?:$|[^\w])` finds one after the other: a
/// match is the earliest phrase (the first in the lexicon's order where
/// several start there), and it takes the char after it, which the next
/// one, starting after that char, cannot take as its own boundary. One
/// term twice (`contact`, `jobs` in a sentence about them; `cookie` and
/// `cookies`, [`same_term`]) is not a legal notice.
fn has_two_legal_terms(text: &str) -> bool {
    let index = &*CUE_INDEX;
    // The first match's phrase, and where the next match may start.
    let mut first: Option<&str> = None;
    let mut taken = 0;
    for_each_run(text, &index.footer, |start, key| {
        if first.is_some() {
            // This match starts at the non-word char before the run.
            let before = text[..start].chars().next_back().map_or(0, char::len_utf8);
            if start - before < taken {
                return false;
            }
        }
        let Some((phrase, end)) = index
            .phrases(key)
            .iter()
            .filter(|p| p.lexicon == FOOTER_INDEX)
            .find_map(|p| Some((p.phrase, p.end(text, start)?)))
        else {
            return false;
        };
        if first.is_some_and(|f| !same_term(f, phrase)) {
            return true;
        }
        first = Some(phrase);
        // The match ends after the non-word char that follows it.
        taken = char_at(text, end).map_or(end, |c| end + c.len_utf8());
        false
    })
    .stopped
}

/// Two legal terms are one where one starts with the other: a singular
/// and its plural (`cookie`, `cookies`), a word and a phrase it heads
/// (`privacy`, `privacy policy`). A recipe that names its cookie dough and
/// its cookies names one term.
fn same_term(a: &str, b: &str) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

/// What a text none of whose alphanumeric chars lies outside ASCII must
/// hold for a legal term (a phrase of the legal-footer lexicon) to occur in
/// it. Every run of word chars of a phrase occurs in the text as a whole
/// run of word chars, its chars matched one by one; in such a text, a run
/// of ASCII letters and digits is matched by the same letters and digits
/// (`ſ` and the Kelvin sign, which fold to ASCII, are alphanumeric), so it
/// is one of the text's runs of alphanumeric chars, and one of its content
/// words when it is long enough. A phrase with an alphanumeric char outside
/// ASCII occurs in no such text.
///
/// The same holds of any text without a char of [`hides_legal_term`]: a
/// run of alphanumeric chars of a phrase is matched by chars that
/// lowercase to its own (only `ſ` does not), between chars that are no
/// word chars and so, there, no alphanumeric chars either; and its ASCII
/// letters by ASCII letters (only `ſ` and the Kelvin sign fold to them).
/// Such texts are gated by the same keys, which hold witnesses of the
/// phrases with alphanumeric chars outside ASCII too.
struct LegalWitnesses {
    /// The content-word keys of the legal terms (one a term, its longest
    /// run of ASCII letters and digits of [`crate::keys::MIN_CONTENT_WORD`]
    /// bytes or more; for a term with an alphanumeric char outside ASCII,
    /// its longest run of alphanumeric chars of that many bytes or more),
    /// sorted, and a flag by [`LegalWitnesses::slot`] of
    /// each (in [`LEGAL_SLOTS`] bytes, one a value of a key's top bits:
    /// one load and test a key; few of a text's keys pass where none is a
    /// witness's, and so few are looked up in `keys`).
    keys: Vec<u64>,
    flags: [bool; LEGAL_SLOTS],
    /// Each of `keys` whose run is ASCII with its run and the index of the
    /// run's rarest letter ([`rarest_letter`]), sorted by key, for the
    /// runs of [`LegalWitnesses::terms_at`] (a key of two runs has both),
    /// and the range of the key's terms in `terms`.
    runs: Vec<(u64, &'static str, usize, (usize, usize))>,
    /// Each of those keys with each term it is the witness of and the
    /// byte of the term its run starts at ([`TERM_OUTSIDE_ASCII`] for a
    /// term with a char outside ASCII), sorted by key.
    terms: Vec<(u64, &'static str, usize)>,
    /// The longest run of ASCII chars of each term without such a run
    /// (`agb`, `nas` of `o nas`), which the text's bytes hold, ignoring
    /// case, where the term occurs.
    #[cfg(test)]
    short: Vec<&'static str>,
    /// The keys of the longest run of alphanumeric chars of each of those
    /// (sorted, each once): the text has a run of alphanumeric chars, too
    /// short for a content word, with one of these keys where the term
    /// occurs ([`SHORT_LEGAL_RUNS`] names them for the scan).
    short_keys: Vec<u64>,
    /// A term has neither: every text may hold one.
    always: bool,
}

/// The flags of [`LegalWitnesses::flags`]: one for each value of a key's
/// top 14 bits.
const LEGAL_SLOTS: usize = 1 << 14;

impl LegalWitnesses {
    /// The flag of `key` in [`LegalWitnesses::flags`].
    #[inline]
    fn slot(key: u64) -> usize {
        (key >> (64 - LEGAL_SLOTS.trailing_zeros())) as usize
    }

    /// `key` may be one of [`LegalWitnesses::keys`]: its flag is set.
    #[inline]
    fn may_be(&self, key: u64) -> bool {
        self.flags[LegalWitnesses::slot(key)]
    }

    /// The index of the first of `keys` that [`LegalWitnesses::may_be`]:
    /// four keys tested at a time, their flags or'ed (one branch for four
    /// keys; most texts have none).
    #[inline]
    fn first_may_be(&self, keys: &[u64]) -> Option<usize> {
        let mut i = 0;
        for q in keys.chunks_exact(4) {
            if self.may_be(q[0]) | self.may_be(q[1]) | self.may_be(q[2]) | self.may_be(q[3]) {
                break;
            }
            i += 4;
        }
        keys[i..]
            .iter()
            .position(|&k| self.may_be(k))
            .map(|j| i + j)
    }

    /// `key` is one of [`LegalWitnesses::keys`].
    #[inline]
    fn is_witness(&self, key: u64) -> bool {
        self.may_be(key) && self.keys.binary_search(&key).is_ok()
    }

    /// How many legal terms whose witness is `key` (one of `keys`) a text
    /// none of whose alphanumeric chars lies outside ASCII may hold, up to
    /// `enough`: each term occurs where the witness's run does, as the
    /// same bytes ignoring case, and the bytes around them may be the
    /// term's ([`may_be_term_at`]); two terms occur one after the other,
    /// at two of the run's starts. (`enough` where `key` has two runs, or
    /// a run outside ASCII.)
    fn terms_at(&self, text: &str, key: u64, enough: usize) -> usize {
        let from = self.runs.partition_point(|r| r.0 < key);
        match self.runs[from..] {
            [(k, run, at, (first, last)), ..]
                if k == key && self.runs.get(from + 1).is_none_or(|r| r.0 != key) =>
            {
                let terms = &self.terms[first..last];
                let bytes = text.as_bytes();
                ascii_hits_where(bytes, run.as_bytes(), at, enough, |start| {
                    terms.iter().any(|&(_, term, offset)| {
                        may_be_term_at(bytes, start, run.len(), term, offset)
                    })
                })
            }
            _ => enough,
        }
    }
}

/// The offset of [`LegalWitnesses::terms`] of a term with a char outside
/// ASCII, which may occur wherever its witness's run does.
const TERM_OUTSIDE_ASCII: usize = usize::MAX;

/// Whether the ASCII `term`, whose witness's run of `len` bytes starts at
/// its byte `offset`, may occur around a start of the run at byte `start`
/// of `bytes`, the bytes of a text where the run is matched by its bytes
/// (ignoring case; [`LegalWitnesses`]): its other chars by the same
/// bytes, ignoring case (no char outside ASCII folds to an ASCII char in
/// such a text), each of its spaces by one or more bytes of white space
/// or outside ASCII, and no ASCII word char before or after it.
fn may_be_term_at(bytes: &[u8], start: usize, len: usize, term: &str, offset: usize) -> bool {
    if offset == TERM_OUTSIDE_ASCII {
        return true;
    }
    let t = term.as_bytes();
    let spacing =
        |b: u8| b >= 0x80 || matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r');
    let no_word =
        |b: Option<&u8>| b.is_none_or(|&b| BYTE_WORD_FOLD[usize::from(b)] == 0 || b >= 0x80);
    let mut i = start;
    for &p in t[..offset].iter().rev() {
        if p == b' ' {
            let from = i;
            while i > 0 && spacing(bytes[i - 1]) {
                i -= 1;
            }
            if i == from {
                return false;
            }
        } else if i > 0 && bytes[i - 1].eq_ignore_ascii_case(&p) {
            i -= 1;
        } else {
            return false;
        }
    }
    if i > 0 && !no_word(bytes.get(i - 1)) {
        return false;
    }
    let mut i = start + len;
    for &p in &t[offset + len..] {
        if p == b' ' {
            let from = i;
            while bytes.get(i).is_some_and(|&b| spacing(b)) {
                i += 1;
            }
            if i == from {
                return false;
            }
        } else if bytes.get(i).is_some_and(|b| b.eq_ignore_ascii_case(&p)) {
            i += 1;
        } else {
            return false;
        }
    }
    no_word(bytes.get(i))
}

static LEGAL_WITNESSES: Lazy<LegalWitnesses> = Lazy::new(|| {
    let mut w = LegalWitnesses {
        keys: Vec::new(),
        flags: [false; LEGAL_SLOTS],
        runs: Vec::new(),
        terms: Vec::new(),
        #[cfg(test)]
        short: Vec::new(),
        short_keys: Vec::new(),
        always: false,
    };
    for &phrase in CUE_ORDER[FOOTER_INDEX].0 {
        // Only texts with alphanumeric chars outside ASCII hold these.
        let unplain = phrase.chars().any(|c| !c.is_ascii() && c.is_alphanumeric());
        let runs: Vec<&str> = phrase
            .split(|c| !is_word(c))
            .filter(|r| !r.is_empty())
            .collect();
        let witness = runs
            .iter()
            .filter(|r| r.len() >= crate::keys::MIN_CONTENT_WORD)
            .filter(|r| {
                if unplain {
                    r.chars().all(char::is_alphanumeric)
                } else {
                    r.bytes().all(|b| b.is_ascii_alphanumeric())
                }
            })
            .max_by_key(|r| r.len());
        match witness {
            Some(r) => crate::keys::for_each_word(r, |k, _| {
                w.flags[LegalWitnesses::slot(k)] = true;
                w.keys.push(k);
                if r.is_ascii() {
                    w.runs.push((k, r, rarest_letter(r.as_bytes()), (0, 0)));
                    // The run is a slice of the term.
                    let offset = r.as_ptr() as usize - phrase.as_ptr() as usize;
                    let offset = if phrase.is_ascii() {
                        offset
                    } else {
                        TERM_OUTSIDE_ASCII
                    };
                    w.terms.push((k, phrase, offset));
                }
            }),
            // The longest such run: the rarest in a text's bytes.
            None => match runs.iter().filter(|r| r.is_ascii()).max_by_key(|r| r.len()) {
                Some(r) => {
                    #[cfg(test)]
                    w.short.push(r);
                    let mut longest = (0, 0);
                    crate::keys::for_each_word(r, |k, len| {
                        if len > longest.1 {
                            longest = (k, len);
                        }
                    });
                    match longest {
                        (k, len) if len >= crate::keys::MIN_CONTENT_WORD => {
                            w.flags[LegalWitnesses::slot(k)] = true;
                            w.keys.push(k);
                        }
                        (k, len) if len > 0 => w.short_keys.push(k),
                        _ => w.always = true,
                    }
                }
                None => w.always = true,
            },
        }
    }
    w.keys.sort_unstable();
    w.keys.dedup();
    w.runs.sort_unstable();
    w.runs.dedup();
    w.terms.sort_unstable();
    for r in &mut w.runs {
        let k = r.0;
        r.3 = (
            w.terms.partition_point(|t| t.0 < k),
            w.terms.partition_point(|t| t.0 <= k),
        );
    }
    w.short_keys.sort_unstable();
    w.short_keys.dedup();
    w
});

/// The keys of the runs of alphanumeric chars, shorter than a content
/// word, one of which a text none of whose alphanumeric chars lies outside
/// ASCII holds where a legal term without a content word occurs (`agb`,
/// `nas` of `o nas`): the scan notes them
/// ([`crate::lines::Lexical::short_legal`]). A test checks them against
/// the legal-footer lexicon.
pub(crate) const SHORT_LEGAL_RUNS: [u64; 2] = [
    crate::keys::ascii_norm_key(SHORT_LEGAL_WORDS[0].as_bytes()),
    crate::keys::ascii_norm_key(SHORT_LEGAL_WORDS[1].as_bytes()),
];

/// The runs whose keys are [`SHORT_LEGAL_RUNS`].
const SHORT_LEGAL_WORDS: [&str; 2] = ["agb", "nas"];

/// The lengths in bytes of the runs of [`SHORT_LEGAL_WORDS`] (bit `n` set
/// for a run of `n` bytes): a run of a text of any other length has none
/// of their keys (no char outside ASCII lowercases to ASCII letters of
/// theirs; a test checks every char), and the scan looks no further.
pub(crate) const SHORT_LEGAL_LENGTHS: u32 =
    1 << SHORT_LEGAL_WORDS[0].len() | 1 << SHORT_LEGAL_WORDS[1].len();

/// Whether a text none of whose alphanumeric chars lies outside ASCII, with
/// the content-word keys `keys`, may hold a legal term: false only where
/// none occurs (see [`LegalWitnesses`]); `short_legal` tells whether a
/// run of its alphanumeric chars has a key of [`SHORT_LEGAL_RUNS`].
#[cfg(test)]
fn may_have_legal_term_scanned(keys: &[u64], short_legal: bool) -> bool {
    let w = &*LEGAL_WITNESSES;
    w.always || short_legal || keys.iter().any(|&k| w.is_witness(k))
}

/// Whether a text with the content-word keys `keys` may hold two legal
/// terms (as [`has_two_legal_terms`] finds them): false only where it
/// holds none (see [`LegalWitnesses`]), or where all its terms have one
/// witness and the text's bytes hold that witness's run only once
/// ([`LegalWitnesses::terms_at`]). Prose that names `about`, `over` or
/// `contact` once is not walked. (It gates more than
/// `may_have_legal_term_scanned`, the gate for one term, which the tests
/// keep.) A text with alphanumeric chars outside ASCII (not `plain`) is
/// gated so only where it has no char of [`hides_legal_term`], which is
/// looked for last, where the keys do not tell already.
fn may_have_two_legal_terms_scanned(
    text: &str,
    keys: &[u64],
    short_legal: bool,
    plain: bool,
) -> bool {
    let w = &*LEGAL_WITNESSES;
    if w.always || short_legal {
        return true;
    }
    // The keys before the first that may be a witness's are none.
    let Some(from) = w.first_may_be(keys) else {
        return !plain && hides_a_legal_term(text);
    };
    // The distinct witnesses among the keys (more than a few make a walk).
    let mut witnesses = [0u64; 4];
    let mut n = 0;
    for &k in &keys[from..] {
        if w.is_witness(k) && !witnesses[..n].contains(&k) {
            if n == witnesses.len() {
                return true;
            }
            witnesses[n] = k;
            n += 1;
        }
    }
    if n == 0 {
        return !plain && hides_a_legal_term(text);
    }
    if !plain && hides_a_legal_term(text) {
        return true;
    }
    let mut terms = 0;
    for &k in &witnesses[..n] {
        terms += w.terms_at(text, k, 2 - terms);
        if terms >= 2 {
            return true;
        }
    }
    false
}

/// A char of a text that may hold a legal term its content-word keys do
/// not tell of ([`LegalWitnesses`]): `ſ`, which folds to `s` but does not
/// lowercase to it; the Kelvin sign, which folds to `k` and so stands for
/// an ASCII letter in more bytes; and the alphanumeric chars that are no
/// word chars (`²`, `½`, `①`), which may end a run of word chars inside a
/// run of alphanumeric chars. The blocks most non-ASCII chars of the
/// corpus fall in are told without a table (a test checks every char).
fn hides_legal_term(c: char) -> bool {
    match c {
        '\0'..='\u{7ff}' => matches!(
            c,
            '\u{b2}' | '\u{b3}' | '\u{b9}' | '\u{bc}'..='\u{be}' | '\u{17f}'
        ),
        // General punctuation, the CJK symbols, kana and jamo, the CJK
        // ideographs and the Hangul syllables.
        '\u{2000}'..='\u{206f}'
        | '\u{3000}'..='\u{318f}'
        | '\u{3400}'..='\u{9fff}'
        | '\u{ac00}'..='\u{d7a3}' => false,
        '\u{212a}' => true,
        _ => c.is_alphanumeric() && !is_word(c),
    }
}

/// Whether `text` has a char of [`hides_legal_term`]: its ASCII bytes
/// skipped eight at a time, its other chars tested one by one, but for
/// those whose first byte tells they are none of them (the letters of
/// Latin-1 and beyond up to U+07FF but `ſ`, the CJK ideographs from
/// U+4000), skipped by that byte.
fn hides_a_legal_term(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes.get(i..i + 8) {
            Some(b) => {
                let high = u64::from_le_bytes(b.try_into().unwrap_or_default()) & HIGH;
                if high == 0 {
                    i += 8;
                    continue;
                }
                i += high.trailing_zeros() as usize / 8;
            }
            None if bytes[i].is_ascii() => {
                i += 1;
                continue;
            }
            None => {}
        }
        // A char from byte `i`, which starts one (it is no ASCII byte and
        // follows ASCII bytes or a whole char).
        match bytes[i] {
            // U+00C0 to U+013F, U+0180 to U+07FF.
            0xC3 | 0xC4 | 0xC6..=0xDF => {
                i += 2;
                continue;
            }
            // U+4000 to U+9FFF.
            0xE4..=0xE9 => {
                i += 3;
                continue;
            }
            _ => {}
        }
        let Some(c) = char_at(text, i) else { break };
        if hides_legal_term(c) {
            return true;
        }
        i += c.len_utf8();
    }
    false
}

/// [`may_have_legal_term_scanned`], the short witnesses searched for in
/// the text's bytes.
#[cfg(test)]
fn may_have_legal_term(text: &str, keys: &[u64]) -> bool {
    let w = &*LEGAL_WITNESSES;
    w.always
        || keys.iter().any(|&k| w.is_witness(k))
        || w.short
            .iter()
            .any(|r| has_ascii_ignoring_case(text.as_bytes(), r.as_bytes()))
}

/// The bytes `word` (ASCII, not empty) occur in `bytes`, ignoring ASCII
/// case (the oracle of the walks' legal-term gates).
#[cfg(test)]
fn has_ascii_ignoring_case(bytes: &[u8], word: &[u8]) -> bool {
    ascii_hits_ignoring_case(bytes, word, rarest_letter(word), 1)
}

/// The index of the rarest letter of `word` (ASCII, not empty) in text.
fn rarest_letter(word: &[u8]) -> usize {
    // Letters from the most to the least frequent in text.
    const BY_FREQUENCY: &[u8] = b"etaoinshrdlcumwfgypbvkjxqz";
    let rank = |b: u8| {
        BY_FREQUENCY
            .iter()
            .position(|&f| f == b.to_ascii_lowercase())
            .unwrap_or(BY_FREQUENCY.len())
    };
    (0..word.len()).max_by_key(|&k| rank(word[k])).unwrap_or(0)
}

/// The bytes `word` (ASCII, not empty) occur in `bytes`, ignoring ASCII
/// case, at `enough` starts or more ([`ascii_hits_where`]).
#[cfg(test)]
fn ascii_hits_ignoring_case(bytes: &[u8], word: &[u8], at: usize, enough: usize) -> bool {
    ascii_hits_where(bytes, word, at, enough, |_| true) >= enough
}

/// The number of starts in `bytes` where the bytes `word` (ASCII, not
/// empty) occur, ignoring ASCII case, and `accept` takes the start, up to
/// `enough`. Only where the letter `word[at]` (its rarest,
/// [`rarest_letter`]) stands are the bytes compared; the bytes are
/// searched for it eight at a time, out of line ([`ByteTest::next_hits`]:
/// the search keeps its few values in registers).
fn ascii_hits_where(
    bytes: &[u8],
    word: &[u8],
    at: usize,
    enough: usize,
    accept: impl Fn(usize) -> bool,
) -> usize {
    let Some(&b) = word.get(at) else {
        return enough;
    };
    let letter = ByteTest::of(b);
    let mut hits = 0;
    let mut i = 0;
    loop {
        let (chunk, mut m) = letter.next_hits(bytes, i);
        if m == 0 {
            return hits;
        }
        while m != 0 {
            let j = chunk + m.trailing_zeros() as usize / 8;
            m &= m - 1;
            let Some(start) = j.checked_sub(at) else {
                continue;
            };
            let occurs = bytes
                .get(start..start + word.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(word));
            if occurs && accept(start) {
                hits += 1;
                if hits >= enough {
                    return enough;
                }
            }
        }
        i = chunk + 8;
    }
}

/// The test of [`ascii_hits_where`] for one byte of a word, ignoring
/// ASCII case.
#[derive(Clone, Copy)]
struct ByteTest {
    /// [`CASE`] for a letter (a text's byte or'ed with it is the letter's
    /// lowercase where it is the letter in either case), else 0.
    case: u64,
    /// Eight copies of the byte (a letter in lowercase).
    want: u64,
}

impl ByteTest {
    fn of(b: u8) -> ByteTest {
        if b.is_ascii_alphabetic() {
            ByteTest {
                case: CASE,
                want: ONES * u64::from(b | 0x20),
            }
        } else {
            ByteTest {
                case: 0,
                want: ONES * u64::from(b),
            }
        }
    }

    /// The high bit of each byte of `x` that may be the byte: every byte
    /// that is passes, and a few more may, above one that is (a borrow
    /// crosses into the byte above a byte that is, never into a lower
    /// one), which the caller's comparison turns away.
    #[inline(always)]
    fn hits(self, x: u64) -> u64 {
        let y = (x | self.case) ^ self.want;
        y.wrapping_sub(ONES) & !y & HIGH
    }

    /// The first eight bytes from byte `i` of `bytes` on (eight at a
    /// time, then the last eight, or the last bytes of a text of fewer
    /// than eight) that hold the byte: where they start, and
    /// [`ByteTest::hits`] of them, but for the bytes before `i`; the hits
    /// are 0 where none is left.
    #[inline(never)]
    fn next_hits(self, bytes: &[u8], mut i: usize) -> (usize, u64) {
        for b in bytes.get(i..).unwrap_or_default().chunks_exact(8) {
            let m = self.hits(u64::from_le_bytes(b.try_into().unwrap_or_default()));
            if m != 0 {
                return (i, m);
            }
            i += 8;
        }
        if i >= bytes.len() {
            return (i, 0);
        }
        // From one to seven bytes left, from `i`.
        match bytes.len().checked_sub(8) {
            Some(last) => {
                let x = u64::from_le_bytes(bytes[last..].try_into().unwrap_or_default());
                (last, self.hits(x) & u64::MAX << (8 * (i - last)))
            }
            None => {
                let x = bytes[i..]
                    .iter()
                    .rev()
                    .fold(0u64, |v, &b| v << 8 | u64::from(b));
                (i, self.hits(x) & u64::MAX >> (8 * (8 - (bytes.len() - i))))
            }
        }
    }
}

/// Every cue phrase as the [`crate::keys::norm_key`]s of its words, by
/// its first word, with the index of its lexicon in [`CUE_ORDER`]: a cheap
/// test of which lexicons a short line names, before [`cue_walk`] matches
/// their phrases.
struct CuePhrases {
    /// The keys of the phrases' first words, each with the range of its
    /// phrases in `phrases`.
    ranges: KeyRanges,
    /// Each phrase: the index of its lexicon, and the range of the keys of
    /// its other words in `rests`.
    phrases: Vec<(u8, u32, u32)>,
    rests: Vec<u64>,
    /// A flag by [`CuePhrases::flag`] of the key of every phrase's first
    /// word: most words have none set. Its flags are bits, 8 KiB of them,
    /// which stay in the L1 cache while the scan tests every word of every
    /// short line (with a byte a flag, 64 KiB, the test's loads missed the
    /// cache: that one load took 6% of the scan's time).
    first: Box<[u64; CUE_FIRST_WORDS]>,
}

/// Words of [`CuePhrases::first`]: a word by a key's top 10 bits.
const CUE_FIRST_WORDS: usize = 1 << 10;

/// Slots of a [`KeyRanges`]: a power of two, over four times the number of
/// first words (the table's build checks).
const CUE_SLOTS: usize = 4096;

/// The range of each key's run in a list sorted by key (the cue phrases
/// by the key of their first word), in an open-addressing table of
/// [`CUE_SLOTS`] slots by [`KeyRanges::slot`] (0 marks an empty one; no
/// key is 0): one multiply, a load or two and a compare a lookup. Its runs
/// of full slots are those of the list's keys alone: a lookup of any key
/// probes at most the longest of them.
struct KeyRanges(Box<[(u64, u32, u32); CUE_SLOTS]>);

impl Default for KeyRanges {
    fn default() -> KeyRanges {
        KeyRanges(Box::new([(0, 0, 0); CUE_SLOTS]))
    }
}

impl KeyRanges {
    /// The table of `keys` (none 0), sorted: each key's range is that of
    /// its run.
    fn of_sorted(keys: impl Iterator<Item = u64>) -> KeyRanges {
        let keys: Vec<u64> = keys.collect();
        let mut t = KeyRanges::default();
        let (mut from, mut distinct) = (0, 0);
        for (j, &key) in keys.iter().enumerate() {
            assert_ne!(key, 0);
            if keys.get(j + 1) == Some(&key) {
                continue;
            }
            // The last of this key's run: the key's slot.
            let mut i = KeyRanges::slot(key);
            while t.0[i].0 != 0 {
                i = (i + 1) & (CUE_SLOTS - 1);
            }
            t.0[i] = (key, from as u32, j as u32 + 1);
            from = j + 1;
            distinct += 1;
        }
        assert!(4 * distinct < CUE_SLOTS, "{distinct} first words");
        t
    }

    /// The slot a lookup of `key` starts at: the top bits of a
    /// multiplicative hash (the middle bits of a key, an FNV hash, are
    /// too alike for short words).
    #[inline]
    fn slot(key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - CUE_SLOTS.trailing_zeros())) as usize
    }

    /// The range of `key`'s run (empty where it has none).
    #[inline]
    fn get(&self, key: u64) -> (usize, usize) {
        let mut i = KeyRanges::slot(key);
        loop {
            match self.0[i] {
                (k, start, end) if k == key => return (start as usize, end as usize),
                (0, ..) => return (0, 0),
                _ => i = (i + 1) & (CUE_SLOTS - 1),
            }
        }
    }
}

impl CuePhrases {
    /// The flag of `key` in [`CuePhrases::first`]: the index of its word
    /// (the key's top bits) and of its bit there (the key's low six bits,
    /// which a shift or a bit test by the key itself takes alone: no
    /// instruction to pick them out). The lowest bit of a key is always
    /// set ([`crate::keys::norm_key`]), so only the odd bits of a word are
    /// ever flags: 32K flags in all for a few hundred first words.
    #[inline]
    fn flag(key: u64) -> (usize, u32) {
        (
            (key >> (64 - CUE_FIRST_WORDS.trailing_zeros())) as usize,
            (key % 64) as u32,
        )
    }

    /// A phrase may start with a word of key `key`: its flag is set.
    #[inline]
    fn may_start(&self, key: u64) -> bool {
        let (word, bit) = CuePhrases::flag(key);
        self.first[word] >> bit & 1 != 0
    }

    /// The phrases whose first word has the key `key`.
    #[inline]
    fn starting(&self, key: u64) -> &[(u8, u32, u32)] {
        let (start, end) = self.ranges.get(key);
        &self.phrases[start..end]
    }
}

static CUE_PHRASES: Lazy<CuePhrases> = Lazy::new(|| {
    // Each phrase's keys, grouped by the key of its first word.
    let mut by_first: Vec<(u64, u8, Vec<u64>)> = Vec::new();
    for (k, (words, _)) in CUE_ORDER.iter().enumerate() {
        for phrase in *words {
            let mut keys = Vec::new();
            crate::keys::for_each_word(phrase, |key, _| keys.push(key));
            if let Some(&key) = keys.first() {
                by_first.push((key, k as u8, keys[1..].to_vec()));
            }
        }
    }
    by_first.sort_by_key(|p| p.0);
    let mut t = CuePhrases {
        ranges: KeyRanges::of_sorted(by_first.iter().map(|p| p.0)),
        phrases: Vec::with_capacity(by_first.len()),
        rests: Vec::new(),
        first: Box::new([0; CUE_FIRST_WORDS]),
    };
    for (key, k, rest) in &by_first {
        let start = t.rests.len() as u32;
        t.rests.extend_from_slice(rest);
        t.phrases.push((*k, start, t.rests.len() as u32));
        let (word, bit) = CuePhrases::flag(*key);
        t.first[word] |= 1 << bit;
    }
    t
});

/// The lexicons (bits by index in [`CUE_ORDER`]) some phrase of which
/// occurs in `text` as a sequence of words (alphanumeric runs, lowercased).
/// A line is cued only by a lexicon both this and [`cue_walk`] find.
#[cfg(test)]
fn candidate_cues(text: &str) -> u8 {
    let mut words: [u64; 96] = [0; 96];
    let mut n = 0;
    let mut more = false;
    crate::keys::for_each_word(text, |k, _| {
        if n < words.len() {
            words[n] = k;
            n += 1;
        } else {
            more = true;
        }
    });
    if more {
        return u8::MAX; // too many words to check cheaply: let the matcher decide
    }
    cue_candidates(&words[..n])
}

/// Every cue phrase as the [`crate::keys::norm_key`]s of its words (the
/// text between chars that are not alphanumeric), with the index of its
/// lexicon in [`CUE_ORDER`].
#[cfg(test)]
pub(crate) fn cue_phrase_keys() -> Vec<(usize, Vec<u64>)> {
    let mut out = Vec::new();
    for (k, (words, _)) in CUE_ORDER.iter().enumerate() {
        for phrase in *words {
            let keys = phrase
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(crate::keys::norm_key)
                .collect();
            out.push((k, keys));
        }
    }
    out
}

/// The lexicons (bits by index in [`CUE_ORDER`]) some phrase of which
/// occurs in a text whose words (alphanumeric runs) have the keys `words`
/// ([`crate::keys::for_each_word`]), in order, as a sequence of them.
///
/// Most short lines have no word that may start a phrase
/// ([`CuePhrases::first`]): that test is made here, where it is inlined
/// (in the scan), and only the other lines take a call, from their first
/// word that may.
#[inline]
pub(crate) fn cue_candidates(words: &[u64]) -> u8 {
    let phrases = &*CUE_PHRASES;
    match words.iter().position(|&key| phrases.may_start(key)) {
        Some(first) => cue_candidates_looked_up(words, first),
        None => 0,
    }
}

/// [`cue_candidates`] past its quick test: the phrases at `words[first]`,
/// the first word that may start one, and after it.
#[inline(never)]
fn cue_candidates_looked_up(words: &[u64], first: usize) -> u8 {
    let phrases = &*CUE_PHRASES;
    let mut found = 0u8;
    for (i, &key) in words.iter().enumerate().skip(first) {
        if !phrases.may_start(key) {
            continue;
        }
        for &(k, start, end) in phrases.starting(key) {
            // Most phrases are of a word or two: compared key by key,
            // without a call to compare memory.
            let rest = &phrases.rests[start as usize..end as usize];
            let after = &words[i + 1..];
            if rest.len() <= after.len() && rest.iter().zip(after).all(|(a, b)| a == b) {
                found |= 1 << k;
            }
        }
    }
    found
}

/// The cue lexicons in order of strength.
const CUE_ORDER: [(&[&str], Cue); 6] = [
    (COMMENTS_WORDS, Cue::Comments),
    (RELATED_WORDS, Cue::Related),
    (PROMO_WORDS, Cue::Promo),
    (FOOTER_WORDS, Cue::Footer),
    (NAVIGATION_WORDS, Cue::Navigation),
    (FIXTURES_WORDS, Cue::Fixtures),
];

const RELATED_WORDS: &[&str] = &[
    // en
    "read also",
    "also read",
    "read more",
    "see also",
    "related",
    "more news",
    "more stories",
    "more from",
    "most read",
    "most popular",
    "most viewed",
    "you may also like",
    "you might also like",
    "recommended",
    "top stories",
    "latest news",
    "latest stories",
    "trending",
    "editor's picks",
    "further reading",
    "more on this",
    "popular now",
    "recent posts",
    "related posts",
    "previous post",
    "next post",
    "next article",
    "previous article",
    "photo gallery",
    "photo galleries",
    "image gallery",
    "more videos",
    "latest videos",
    "all articles",
    // nl
    "lees ook",
    "lees meer",
    "meer nieuws",
    "meest gelezen",
    "meest recent",
    "populairste",
    "gerelateerd",
    "ook interessant",
    "bekijk ook",
    "laatste nieuws",
    "meer over",
    "volgend artikel",
    "vorig artikel",
    "fotoserie",
    // de
    "lesen sie auch",
    "lies auch",
    "auch interessant",
    "mehr zum thema",
    "meistgelesen",
    "meistgelesene",
    "weitere artikel",
    "ähnliche artikel",
    "das könnte sie auch interessieren",
    "mehr aus",
    "neueste artikel",
    "zum thema",
    "weitere nachrichten",
    "weitere meldungen",
    "mehr nachrichten",
    "neueste nachrichten",
    "aktuelle nachrichten",
    "meist gelesen",
    "verwandte artikel",
    "empfohlene artikel",
    "beliebte artikel",
    "das könnte dich auch interessieren",
    "das könnte sie interessieren",
    "auch lesenswert",
    "weiterlesen",
    "mehr lesen",
    "nächster artikel",
    "vorheriger artikel",
    "empfehlungen der redaktion",
    "unsere empfehlungen",
    "top-themen",
    "bildergalerie",
    "bilderstrecke",
    "fotostrecke",
    "zur galerie",
    "mehr videos",
    "weitere videos",
    "ähnliche themen",
    "mehr themen",
    "weitere themen",
    "alle themen",
    "schlagworte",
    "verwandte themen",
    "unsere empfehlung",
    "zum artikel",
    "alle artikel",
    "beliebteste artikel",
    "am meisten gelesen",
    "empfehlungen",
    "schlagwörter",
    "lesen sie mehr",
    // fr
    "lire aussi",
    "à lire aussi",
    "voir aussi",
    "les plus lus",
    "articles liés",
    "sur le même sujet",
    "à lire également",
    "dernières actualités",
    "lire la suite",
    "lire plus",
    "lire également",
    "en savoir plus",
    "voir plus",
    "voir également",
    "à voir aussi",
    "les plus lues",
    "les plus populaires",
    "les plus consultés",
    "articles similaires",
    "articles recommandés",
    "vous aimerez aussi",
    "vous pourriez aimer",
    "dans la même rubrique",
    "sur le même thème",
    "dernières nouvelles",
    "galerie photos",
    "diaporama",
    "article suivant",
    "article précédent",
    "sujets associés",
    "plus d'actualités",
    "mots-clés",
    // es
    "lee también",
    "leer más",
    "te puede interesar",
    "más leídas",
    "más leído",
    "noticias relacionadas",
    "relacionado",
    "últimas noticias",
    "lea también",
    "ver también",
    "ver más",
    "más noticias",
    "más vistas",
    "más vistos",
    "más populares",
    "te recomendamos",
    "le puede interesar",
    "puede interesarte",
    "artículos relacionados",
    "relacionados",
    "relacionadas",
    "seguir leyendo",
    "sigue leyendo",
    "galería de fotos",
    "fotogalería",
    "artículo siguiente",
    "artículo anterior",
    "lo más visto",
    "lo más leído",
    "mira también",
    "más información",
    "etiquetas",
    "archivado en",
    // it
    "leggi anche",
    "potrebbe interessarti",
    "articoli correlati",
    "più letti",
    "ultime notizie",
    "leggi di più",
    "leggi tutto",
    "vedi anche",
    "guarda anche",
    "più lette",
    "più visti",
    "più popolari",
    "ti potrebbe interessare",
    "potrebbero interessarti",
    "articoli consigliati",
    "altre notizie",
    "notizie correlate",
    "correlati",
    "ultimi articoli",
    "continua a leggere",
    "fotogallery",
    "galleria fotografica",
    "articolo successivo",
    "articolo precedente",
    "da non perdere",
    // pt
    "leia também",
    "leia mais",
    "veja também",
    "mais lidas",
    "notícias relacionadas",
    "últimas notícias",
    "saiba mais",
    "leia ainda",
    "veja mais",
    "ver mais",
    "mais lidos",
    "mais vistos",
    "mais vistas",
    "mais populares",
    "mais notícias",
    "você também pode gostar",
    "você pode gostar",
    "pode te interessar",
    "artigos relacionados",
    "conteúdo relacionado",
    "continue lendo",
    "galeria de fotos",
    "próximo artigo",
    "artigo anterior",
    // pl
    "czytaj także",
    "czytaj też",
    "czytaj również",
    "galeria zdjęć",
    "następny artykuł",
    "poprzedni artykuł",
    "podobne tematy",
    "czytaj więcej",
    "czytaj dalej",
    "mehr zu diesem thema",
    "continuar lendo",
    "continue lendo",
    "continue a ler",
    "przeczytaj także",
    "przeczytaj też",
    "przeczytaj również",
    "zobacz też",
    "zobacz także",
    "zobacz również",
    "zobacz więcej",
    "polecamy",
    "polecane",
    "najczęściej czytane",
    "najpopularniejsze",
    "najnowsze artykuły",
    "najnowsze wiadomości",
    "powiązane artykuły",
    "podobne artykuły",
    "inne artykuły",
    "więcej wiadomości",
    "może cię zainteresować",
    "mogą cię zainteresować",
    "więcej na ten temat",
    "popularne",
    "tagi",
    // zh (traditional and simplified), ja
    "相關文章",
    "相关文章",
    "相關新聞",
    "相关新闻",
    "相關閱讀",
    "相关阅读",
    "延伸閱讀",
    "延伸阅读",
    "推薦閱讀",
    "推荐阅读",
    "熱門文章",
    "热门文章",
    "熱門新聞",
    "热门新闻",
    "最新文章",
    "最新新聞",
    "最新新闻",
    "上一篇",
    "下一篇",
    "猜你喜歡",
    "猜你喜欢",
    "関連記事",
    "人気記事",
    "次の記事",
    "前の記事",
];

const COMMENTS_WORDS: &[&str] = &[
    "comments",
    "comment",
    "leave a reply",
    "leave a comment",
    "post a comment",
    "add a comment",
    "add comment",
    "join the discussion",
    "reply",
    "replies",
    "reacties",
    "reactie",
    "reageer",
    "reageren",
    "schrijf een reactie",
    "praat mee",
    "kommentare",
    "kommentar",
    "kommentieren",
    "leserkommentare",
    "kommentarbereich",
    "diskutieren sie mit",
    "zu den kommentaren",
    "zum forum",
    "zur diskussion",
    "beitrag melden",
    "commentaires",
    "commentaire",
    "commenter",
    "réagir",
    "réactions",
    "comentarios",
    "comentario",
    "comentar",
    "comentários",
    "comentário",
    "commenti",
    "commento",
    "commenta",
    "komentarze",
    "komentarz",
    "komentarzy",
    "skomentuj",
    "signaler un abus",
    "posted by",
    "posted on",
    "report abuse",
    "permalink",
    "geplaatst door",
    "gepostet von",
    "geschrieben von",
    "publié par",
    "publicado por",
    "pubblicato da",
    "antworten",
    "newest first",
    "oldest first",
    "neueste zuerst",
    "älteste zuerst",
    "nieuwste eerst",
    "oudste eerst",
    "répondre",
    "responder",
    "rispondi",
    "odpowiedz",
    "likes",
    "upvote",
    "downvote",
    // zh, ja
    "留言",
    "我要留言",
    "發表留言",
    "发表留言",
    "評論",
    "评论",
    "發表評論",
    "发表评论",
    "網友評論",
    "网友评论",
    "コメント",
];

const PROMO_WORDS: &[&str] = &[
    // newsletter / subscribe
    "newsletter",
    "nieuwsbrief",
    "subscribe",
    "subscribers only",
    "subscriber only",
    "nur für abonnenten",
    "already a subscriber",
    "bereits abonnent",
    "déjà abonné",
    "je m'abonne",
    "je m’abonne",
    "réservé aux abonnés",
    "exclusivo para suscriptores",
    "ya eres suscriptor",
    "sei già abbonato",
    "exclusivo para assinantes",
    "já é assinante",
    "dla subskrybentów",
    "masz już subskrypcję",
    "alleen voor abonnees",
    "al abonnee",
    "exklusiv für abonnenten",
    "probeabo",
    "gratis testen",
    "artikel verschenken",
    "subscription",
    "sign up",
    "signup",
    "abonneer",
    "abonneren",
    "abonnement",
    "schrijf je in",
    "abonnieren",
    "abonnez-vous",
    "s'abonner",
    "suscríbete",
    "suscribirse",
    "assine",
    "assinar",
    "iscriviti",
    "abbonati",
    "abbonamento",
    "inscrivez-vous",
    "suscríbase",
    "suscripción",
    "boletín",
    "assinatura",
    "inscreva-se",
    "abo",
    "zapisz się",
    "prenumerata",
    "subskrybuj",
    "subskrypcja",
    // apps and social
    "download the app",
    "get the app",
    "download our app",
    "our apps",
    "unsere apps",
    "app herunterladen",
    "laden sie unsere app",
    "téléchargez l'application",
    "télécharger l'application",
    "descarga la app",
    "descarga nuestra app",
    "scarica l'app",
    "baixe o app",
    "baixe o aplicativo",
    // reading time, shown in the article's tool bar
    "min read",
    "minute read",
    "reading time",
    "read time",
    "lesezeit",
    "lesedauer",
    "leestijd",
    "leesduur",
    "temps de lecture",
    "min de lecture",
    "tiempo de lectura",
    "min de lectura",
    "minutos de lectura",
    "tempo di lettura",
    "min di lettura",
    "tempo de leitura",
    "min de leitura",
    "czas czytania",
    "min czytania",
    // send the article
    "twittern",
    "per mail versenden",
    "per e-mail versenden",
    "artikel versenden",
    "envoyer par e-mail",
    "enviar por correo",
    "invia per e-mail",
    "enviar por e-mail",
    "wyślij e-mailem",
    "play video",
    "video abspielen",
    "listen to this article",
    "artikel anhören",
    "podcast hören",
    "artikel merken",
    "merkliste",
    "beitrag hören",
    "artikel vorlesen",
    "listen to article",
    "listen to the article",
    "play audio",
    "rate this article",
    "recommend this article",
    "unlock this article",
    "vorlesen",
    "audio abspielen",
    "artikel empfehlen",
    "artikel bewerten",
    "artikel freischalten",
    "lees voor",
    "écouter l'article",
    "écouter l’article",
    "écouter cet article",
    "escuchar artículo",
    "escuchar noticia",
    "escuchar esta noticia",
    "ascolta l'articolo",
    "ascolta l’articolo",
    "ascolta questo articolo",
    "ouvir artigo",
    "ouvir o artigo",
    "ouça este artigo",
    "ouça o artigo",
    "posłuchaj artykułu",
    "download de app",
    "pobierz aplikację",
    "app store",
    "google play",
    "whatsapp",
    "telegram",
    "facebook",
    "twitter",
    "instagram",
    "linkedin",
    "pinterest",
    "youtube",
    "tiktok",
    "reddit",
    "follow us",
    "volg ons",
    "folgen sie uns",
    "suivez-nous",
    "síguenos",
    "siga-nos",
    "seguici",
    "folge uns",
    "obserwuj nas",
    "śledź nas",
    // share / print / mail
    "share",
    "share this",
    "delen",
    "deel",
    "teilen",
    "partager",
    "compartir",
    "compartilhar",
    "condividi",
    "compartilhe",
    "udostępnij",
    "podziel się",
    "print",
    "link kopieren",
    "link kopiert",
    "copy link",
    "copier le lien",
    "lien copié",
    "copiar enlace",
    "copia link",
    "copiar link",
    "kopiuj link",
    "drucken",
    "imprimer",
    "imprimir",
    "drukuj",
    "email",
    "e-mail",
    "mail this",
    // advertising
    "advertisement",
    "advertentie",
    "anzeige",
    "werbung",
    "publicité",
    "publicidad",
    "publicidade",
    "pubblicità",
    "reklama",
    "sponsored",
    "gesponsord",
    "gesponsert",
    "partnerinhalt",
    "sponsorisé",
    "patrocinado",
    "sponsorizzato",
    "sponsorowane",
    "materiał sponsorowany",
    "artykuł sponsorowany",
    "ad",
    "ads",
    // an embed held back until the reader consents (a video, a post, a
    // map): its placeholder, an inline box like an advert's label
    "externer inhalt",
    "externe inhalte",
    "empfohlener externer inhalt",
    "inhalt laden",
    "inhalte laden",
    "external content",
    "embedded content",
    "third-party content",
    "load content",
    "externe inhoud",
    "inhoud laden",
    "contenu externe",
    "contenus externes",
    "charger le contenu",
    "contenido externo",
    "cargar contenido",
    "contenuto esterno",
    "contenuti esterni",
    "carica contenuto",
    "conteúdo externo",
    "carregar conteúdo",
    "treść zewnętrzna",
    "treści zewnętrzne",
    "załaduj treść",
    // corrections / feedback prompts
    "report an error",
    "found an error",
    "fout gevonden",
    "fehler gefunden",
    "signaler une erreur",
    "reportar un error",
    "segnala un errore",
    "zgłoś błąd",
    "feedback",
    "fehler melden",
    "hinweis an die redaktion",
    "was this article helpful",
    "war dieser artikel hilfreich",
    "wie finden sie diesen artikel",
    "cet article vous a-t-il été utile",
    "was dit artikel nuttig",
    // polls and trials
    "take the poll",
    "take our poll",
    "vote now",
    "cast your vote",
    "zur umfrage",
    "stimmen sie ab",
    "jetzt abstimmen",
    "free trial",
    "try it free",
    "kostenlos testen",
    "essai gratuit",
    "prueba gratis",
    "teste grátis",
    "probeer gratis",
    // zh, ja
    "分享到",
    "分享",
    "訂閱",
    "订阅",
    "廣告",
    "广告",
    "シェア",
];

const FOOTER_WORDS: &[&str] = &[
    "cookie",
    "cookies",
    "accept all",
    "reject all",
    "manage preferences",
    "alle akzeptieren",
    "alle ablehnen",
    "alles accepteren",
    "alles weigeren",
    "tout accepter",
    "tout refuser",
    "aceptar todas",
    "rechazar todas",
    "accetta tutto",
    "rifiuta tutto",
    "aceitar todos",
    "rejeitar todos",
    "akceptuję wszystkie",
    "aceptar todo",
    "rechazar todo",
    "accetta tutti",
    "rifiuta tutti",
    "zaakceptuj wszystkie",
    "odrzuć wszystkie",
    "privatsphäre-einstellungen",
    "privatsphäre einstellungen",
    "privacy",
    "privacy policy",
    "privacybeleid",
    "privacyverklaring",
    "cookiebeleid",
    "datenschutz",
    "datenschutzerklärung",
    "impressum",
    "terms of use",
    "terms of service",
    "terms and conditions",
    "all rights reserved",
    "alle rechten voorbehouden",
    "alle rechte vorbehalten",
    "tous droits réservés",
    "todos los derechos reservados",
    "todos os direitos reservados",
    "tutti i diritti riservati",
    "wszelkie prawa zastrzeżone",
    "prawa zastrzeżone",
    "copyright",
    "contact us",
    "contacteer ons",
    "contact",
    "kontakt",
    "about us",
    "over ons",
    "über uns",
    "nous contacter",
    "contactez-nous",
    "qui sommes-nous",
    "contacto",
    "contáctenos",
    "quiénes somos",
    "sobre nosotros",
    "contatti",
    "chi siamo",
    "contato",
    "fale conosco",
    "quem somos",
    "sobre nós",
    "o nas",
    "disclaimer",
    "gebruikersovereenkomst",
    "gebruiksvoorwaarden",
    "algemene voorwaarden",
    "nutzungsbedingungen",
    "agb",
    "haftungsausschluss",
    "datenschutzhinweise",
    "datenschutzeinstellungen",
    "barrierefreiheit",
    "mediadaten",
    "rechtliche hinweise",
    "mentions légales",
    "conditions générales",
    "politique de confidentialité",
    "confidentialité",
    "données personnelles",
    "accessibilité",
    "aviso legal",
    "política de privacidad",
    "aviso de privacidad",
    "privacidad",
    "términos y condiciones",
    "condiciones de uso",
    "note legali",
    "termini e condizioni",
    "partita iva",
    "política de privacidade",
    "privacidade",
    "termos de uso",
    "termos e condições",
    "regulamin",
    "polityka prywatności",
    "prywatność",
    "nota prawna",
    "deklaracja dostępności",
    "sitemap",
    "site map",
    "plan du site",
    "mapa del sitio",
    "mappa del sito",
    "mapa do site",
    "mapa strony",
    "vacatures",
    "careers",
    "jobs",
    "karriere",
    "trabaja con nosotros",
    "lavora con noi",
    "trabalhe conosco",
    "kariera",
    "adverteren",
    "advertise",
    "press",
    "colofon",
    "user agreement",
    "risk disclosure",
    "opinions expressed",
    "not necessarily",
    "trademarks",
    "trademark",
    "registered",
    "reproduction",
    "reproduced",
    "without permission",
    "liability",
    // cookie consent banners: with `cookies`, a second legal term, the ads
    // they are for (not the words of an embed's consent notice between two
    // paragraphs, such as consent, third parties or similar technologies:
    // a legal notice there ends the article for the models)
    "personalised ads",
    "personalized ads",
    "personalised advertising",
    "personalized advertising",
    "targeted ads",
    "targeted advertising",
    "tracking technologies",
    "cookie settings",
    "personalisierte werbung",
    "personalisierte anzeigen",
    "cookie-einstellungen",
    "publicités personnalisées",
    "annonces personnalisées",
    "publicidad personalizada",
    "anuncios personalizados",
    "pubblicità personalizzata",
    "annunci personalizzati",
    "publicidade personalizada",
    "anúncios personalizados",
    "spersonalizowane reklamy",
    "gepersonaliseerde advertenties",
    // zh, ja
    "版權所有",
    "版权所有",
    "隱私權政策",
    "隱私政策",
    "隐私政策",
    "服務條款",
    "服务条款",
    "使用條款",
    "免責聲明",
    "免责声明",
    "聯絡我們",
    "联系我们",
    "關於我們",
    "关于我们",
    "利用規約",
    "プライバシーポリシー",
    "お問い合わせ",
];

const NAVIGATION_WORDS: &[&str] = &[
    "home",
    "homepage",
    "menu",
    "startseite",
    "menü",
    "accueil",
    "inicio",
    "portada",
    "menú",
    "início",
    "página inicial",
    "strona główna",
    "search",
    "zoeken",
    "zoek",
    "suche",
    "suchen",
    "rechercher",
    "recherche",
    "buscar",
    "cerca",
    "pesquisar",
    "ricerca",
    "búsqueda",
    "szukaj",
    "wyszukaj",
    "wyszukiwarka",
    "log in",
    "login",
    "sign in",
    "log out",
    "inloggen",
    "aanmelden",
    "anmelden",
    "se connecter",
    "connexion",
    "iniciar sesión",
    "entrar",
    "accedi",
    "einloggen",
    "abmelden",
    "déconnexion",
    "mon compte",
    "mi cuenta",
    "minha conta",
    "zaloguj",
    "wyloguj",
    "skip to content",
    "skip to main content",
    "skip navigation",
    "zum inhalt",
    "zum hauptinhalt",
    "aller au contenu",
    "ir al contenido",
    "vai al contenuto",
    "ir para o conteúdo",
    "przejdź do treści",
    "sections",
    "back to top",
    "show more",
    "load more",
    "show all",
    "toon meer",
    "meer laden",
    "mehr anzeigen",
    "mehr laden",
    "alle anzeigen",
    "afficher plus",
    "charger plus",
    "mostrar más",
    "cargar más",
    "mostra di più",
    "carica altri",
    "mostrar mais",
    "carregar mais",
    "pokaż więcej",
    "załaduj więcej",
    "terug naar boven",
    "nach oben",
    "haut de page",
    "retour en haut",
    "volver arriba",
    "torna su",
    "voltar ao topo",
    "wróć na górę",
    "mostra altro",
    "register",
    "registreren",
    "registrieren",
    "inscription",
    "registrarse",
    "registrati",
    "cadastre-se",
    "zarejestruj się",
    "rejestracja",
    "next",
    "previous",
    "volgende",
    "vorige",
    "weiter",
    "zurück",
    "suivant",
    "précédent",
    "siguiente",
    "anterior",
    "successivo",
    "precedente",
    "próximo",
    "vorherige",
    "nächste",
    "następny",
    "następna",
    "poprzedni",
    "poprzednia",
    "dalej",
    "wstecz",
    "toggle navigation",
    "hauptnavigation",
    "navigation",
    "main menu",
    "close",
    "sluiten",
    "schließen",
    "fermer",
    "cerrar",
    "chiudi",
    "fechar",
    "zamknij",
    // zh, ja
    "首頁",
    "首页",
    "登入",
    "登录",
    "註冊",
    "注册",
    "搜尋",
    "搜索",
    "返回頂部",
    "返回顶部",
    "回到頂端",
    "ホーム",
    "ログイン",
];

const FIXTURES_WORDS: &[&str] = &[
    "matchday",
    "fixtures",
    "results",
    "standings",
    "league table",
    "speeldag",
    "kalender",
    "klassement",
    "uitslagen",
    "spieltag",
    "tabelle",
    "ergebnisse",
    "spielplan",
    "journée",
    "classement",
    "résultats",
    "calendrier",
    "jornada",
    "clasificación",
    "resultados",
    "calendario",
    "tabla de posiciones",
    "giornata",
    "classifica",
    "risultati",
    "rodada",
    "classificação",
    "calendário",
    "tabela",
    "terminarz",
    "wyniki",
    "klasyfikacja",
];

/// The most words a line may have for a menu word in it to be a cue.
const NAVIGATION_MAX_WORDS: usize = 5;

/// Lines longer than this (in bytes) are cued only as legal notices.
pub(crate) const CUE_LINE_BYTES: usize = 160;

/// A line of `words` words, ending in sentence punctuation when
/// `terminal`, is a sentence, which is cued only as a legal notice: eight
/// or more words ending in sentence punctuation.
pub(crate) fn is_sentence(terminal: bool, words: u32) -> bool {
    terminal && words >= 8
}

/// A line of `text`, `words` words and sentence punctuation at its end
/// when `terminal` is read for every cue lexicon, not only for legal
/// notices: it is short and no sentence.
pub(crate) fn is_short_cue_line(text: &str, terminal: bool, words: u32) -> bool {
    text.len() <= CUE_LINE_BYTES && !is_sentence(terminal, words)
}

/// What the scan noted of a line for the cue lexicons
/// ([`crate::lines::Lexical::cue_notes`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct ScanNotes {
    /// The lexicons [`cue_candidates`] found in the keys of its words.
    pub cues: u8,
    /// It holds a `©`.
    pub copyright: bool,
    /// No alphanumeric char outside ASCII.
    pub plain: bool,
    /// A short word of [`SHORT_LEGAL_RUNS`].
    pub short_legal: bool,
}

/// The cue a line carries, if any, in order of strength: [`cue_with`]
/// without the keys of the line.
#[cfg(test)]
pub(crate) fn cue(text: &str, sentence: bool) -> Option<Cue> {
    cue_with(text, sentence, None)
}

/// [`cue_of`] of a text whose scan is not known; `plain_keys` are its
/// content-word keys where none of its alphanumeric chars lies outside
/// ASCII.
#[cfg(test)]
pub(crate) fn cue_with(text: &str, sentence: bool, plain_keys: Option<&[u64]>) -> Option<Cue> {
    let short = text.len() <= CUE_LINE_BYTES && !sentence;
    cue_from(
        text,
        sentence,
        || plain_keys.is_none_or(|keys| may_have_legal_term(text, keys)),
        if short { candidate_cues(text) } else { 0 },
        text.contains('©'),
    )
}

/// The cue a line carries, if any, in order of strength: the line's text,
/// whether it is a sentence ([`is_sentence`]), what the scan measured of it
/// and its content-word keys ([`crate::lines::WordKeys`]).
///
/// A short line that names no lexicon and has no `©` carries none (as
/// [`cue_from`] finds): that test, true of most lines, is made here, where
/// it is inlined.
#[inline]
pub(crate) fn cue_of(text: &str, sentence: bool, lex: ScanNotes, keys: &[u64]) -> Option<Cue> {
    if lex.cues == 0 && !lex.copyright && text.len() <= CUE_LINE_BYTES && !sentence {
        return None;
    }
    cue_of_walked(text, sentence, lex, keys)
}

/// [`cue_of`] past its quick test (out of line, so that it stays cheap).
#[inline(never)]
fn cue_of_walked(text: &str, sentence: bool, lex: ScanNotes, keys: &[u64]) -> Option<Cue> {
    cue_from(
        text,
        sentence,
        || may_have_two_legal_terms_scanned(text, keys, lex.short_legal, lex.plain),
        lex.cues,
        lex.copyright,
    )
}

/// The cue a line carries, if any, in order of strength.
///
/// Only menu-sized lines are cued: a sentence (`sentence` is true for a line
/// of eight or more words ending in sentence punctuation) that happens to
/// contain "comment" or "share" is text. Long lines and sentences are cued
/// only as legal notices, when they name two or more legal terms.
///
/// A long line is walked for legal terms only where `may_be_legal` (false
/// only where the line holds no legal term, see [`LegalWitnesses`]).
/// For a short line, `candidates` are the lexicons [`cue_candidates`]
/// finds in the keys of its words, and `copyright` tells whether it has a
/// `©` (as the scan gives them, [`ScanNotes`]): a line with
/// neither is not walked.
fn cue_from(
    text: &str,
    sentence: bool,
    may_be_legal: impl FnOnce() -> bool,
    candidates: u8,
    copyright: bool,
) -> Option<Cue> {
    if text.len() > CUE_LINE_BYTES || sentence {
        // Long lines: only legal notices (two or more legal terms) are cued.
        if text.len() < 1000 && may_be_legal() && has_two_legal_terms(text) {
            return Some(Cue::Footer);
        }
        return None;
    }
    // A `©` anywhere makes a legal footer; else the lexicons the words of
    // the line name (fixtures only in very short lines) whose phrases occur.
    debug_assert_eq!(copyright, text.contains('©'));
    if copyright {
        return Some(Cue::Footer);
    }
    let fixtures = CUE_ORDER.iter().position(|&(_, c)| c == Cue::Fixtures);
    let mut mask = candidates;
    if text.len() > 40 {
        mask &= !fixtures.map_or(0, |k| 1 << k);
    }
    if mask == 0 {
        return None;
    }
    let found = cue_walk(text, mask);
    // Menu words ("next", "home", "search") are cues only in menu-sized
    // lines, not inside a headline that happens to contain them.
    let menu_sized = || text.split_whitespace().nth(NAVIGATION_MAX_WORDS).is_none();
    CUE_ORDER
        .iter()
        .enumerate()
        .filter(|&(k, &(_, c))| found & (1 << k) != 0 && (c != Cue::Navigation || menu_sized()))
        .map(|(_, &(_, c))| c)
        .next()
}

/// What may follow a clock time (`12:00 uur`, `10:30 PM`), after white space.
const CLOCK_SUFFIXES: &[&str] = &["", "am", "pm", "uur", "u", "h", "hrs", "uhr"];

/// The units of an age (`3 hours`, `5 min`), plural `s`, `n` or `e` written out.
const AGE_UNITS: &[&str] = &[
    "min", "mins", "minute", "minutes", "minuten", "hour", "hours", "hr", "hrs", "uur", "stunde",
    "stunden", "heure", "heures", "hora", "horas", "ore", "day", "days", "dagen", "tage", "tagen",
    "jour", "jours", "día", "días", "dia", "dias", "giorni", "sec", "second", "seconds", "h", "m",
    "d", "minuto", "minutos", "minuti", "ora", "giorno", "sekunden", "secondes", "segundos",
    "secondi", "minut", "minuty", "minutę", "godzin", "godziny", "godzinę", "godz.", "dni",
    "dzień", "sekund",
];

/// What may follow an age (`3 hours ago`), after white space.
const AGE_SUFFIXES: &[&str] = &["", "ago", "geleden", "her", "fa", "atrás", "temu"];

/// What may precede an age (`vor 2 Stunden`), before white space.
const AGE_PREFIXES: &[&str] = &["vor", "il y a", "hace", "há"];

/// The end of the run of decimal digits from byte `i` of `text`, and the
/// number of digits in it.
fn digits(text: &str, i: usize) -> (usize, usize) {
    let mut n = 0;
    let end = skip(text, i, |c| {
        n += usize::from(is_digit(c));
        is_digit(c)
    });
    (end, n)
}

/// A line that is only a time or relative age (`12:00`, `3 hours ago`).
///
/// All of `text`, ignoring case, is one of
/// - a clock time: one or two digits, `:`, `.` or `h`, two digits, maybe
///   `:` or `.` and two more, then maybe white space and `am`, `pm`, `uur`,
///   `u`, `h`, `hrs` or `uhr`;
/// - an age: digits, maybe white space, a unit of [`AGE_UNITS`], then maybe
///   white space and `ago`, `geleden`, `her`, `fa`, `atrás` or `temu`;
/// - `vor`, `il y a`, `hace` or `há`, white space, digits, white space and a
///   word (`vor 2 Stunden`).
///
/// Digits are decimal digits of any script, white space and word chars
/// those of Unicode.
#[inline]
pub(crate) fn is_time(text: &str) -> bool {
    if text.len() > 24 {
        return false;
    }
    // A clock time or an age starts with a digit, a prefixed age with a
    // letter of [`AGE_PREFIXES`] (ASCII, which only itself and its capital
    // fold to): any other ASCII byte starts none.
    match text.as_bytes().first() {
        Some(&b)
            if b.is_ascii() && !b.is_ascii_digit() && !matches!(b | 0x20, b'v' | b'i' | b'h') =>
        {
            return false
        }
        _ => {}
    }
    is_time_from_start(text)
}

/// [`is_time`] past its quick tests (out of line, so that they stay cheap).
#[inline(never)]
fn is_time_from_start(text: &str) -> bool {
    match digits(text, 0) {
        (_, 0) => is_prefixed_age(text),
        (end, n) => is_clock_time(text, end, n) || is_age(text, end),
    }
}

/// `12:00`, `9.30`, `20h45`, `10:30:15 PM` (see [`is_time`]), whose leading
/// `n` digits end at byte `i`.
fn is_clock_time(text: &str, i: usize, n: usize) -> bool {
    if n > 2 {
        return false;
    }
    let Some(sep) = char_at(text, i).filter(|&c| matches!(c, ':' | '.') || fold(c) == 'h') else {
        return false;
    };
    let (mut i, n) = digits(text, i + sep.len_utf8());
    if n != 2 {
        return false;
    }
    if matches!(char_at(text, i), Some(':' | '.')) {
        let (end, n) = digits(text, i + 1);
        if n != 2 {
            return false;
        }
        i = end;
    }
    rest_is_one_of(text, skip(text, i, is_space), CLOCK_SUFFIXES)
}

/// `3 hours ago`, `5min`, `2 dagen geleden` (see [`is_time`]), whose
/// leading digits end at byte `i`.
fn is_age(text: &str, i: usize) -> bool {
    let i = skip(text, i, is_space);
    let Some(first) = char_at(text, i).map(fold) else {
        return false;
    };
    // Every unit starts with an ASCII char: only the units that start with
    // `first` (by a table, not a test of each) can fit.
    let units = AGE_UNIT_FIRSTS.get(first as usize).copied().unwrap_or(0);
    any_bit(units, |k| {
        eat_fold(text, i, AGE_UNITS[k])
            .is_some_and(|end| rest_is_one_of(text, skip(text, end, is_space), AGE_SUFFIXES))
    })
}

/// For every ASCII char: a bit (by index) of each of [`AGE_UNITS`] that
/// starts with it.
static AGE_UNIT_FIRSTS: [u64; 128] = {
    assert!(AGE_UNITS.len() <= 64);
    let mut t = [0u64; 128];
    let mut i = 0;
    while i < AGE_UNITS.len() {
        let b = AGE_UNITS[i].as_bytes()[0];
        assert!(b < 0x80);
        t[b as usize] |= 1 << i;
        i += 1;
    }
    t
};

/// `vor 2 Stunden`, `il y a 3 jours`, `hace 5 minutos` (see [`is_time`]).
fn is_prefixed_age(text: &str) -> bool {
    // Every prefix starts with an ASCII letter, which only itself and its
    // capital fold to.
    let Some(&first) = text.as_bytes().first() else {
        return false;
    };
    AGE_PREFIXES
        .iter()
        .filter(|prefix| prefix.as_bytes()[0] == first.to_ascii_lowercase())
        .any(|prefix| {
            let Some(i) = eat_fold(text, 0, prefix) else {
                return false;
            };
            let j = skip(text, i, is_space);
            let (k, n) = digits(text, j);
            let l = skip(text, k, is_space);
            j > i && n > 0 && l > k && l < text.len() && skip(text, l, is_word) == text.len()
        })
}

/// A line that is only a number (a count: views, comments, likes), such as `38`, `1.2k`, `(12)`.
pub(crate) fn is_count(text: &str) -> bool {
    // The trimmed text starts with an ASCII digit: where the first byte is
    // not trimmed, it is that digit.
    if !text
        .as_bytes()
        .first()
        .is_some_and(|b| b.is_ascii_digit() || matches!(b, b'(' | b')' | b'[' | b']'))
    {
        return false;
    }
    let t = text.trim_matches(|c: char| c == '(' || c == ')' || c == '[' || c == ']');
    !t.is_empty()
        && t.len() <= 8
        && t.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && t.bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b'k' | b'K' | b'm' | b'M'))
}

/// The words of a comment count, each optional plural ending written out
/// (the longer form first).
const COUNT_WORDS: &[&str] = &[
    "reacties",
    "reactie",
    "comments",
    "comment",
    "kommentare",
    "kommentar",
    "commentaires",
    "commentaire",
    "comentarios",
    "comentario",
    "comentários",
    "comentário",
    "commenti",
    "commento",
    "reactions",
    "reaction",
    "réactions",
    "réaction",
    "replies",
    "reply",
    "antworten",
    "respuestas",
    "respuesta",
    "réponses",
    "réponse",
    "risposte",
    "risposta",
    "respostas",
    "resposta",
    "komentarze",
    "komentarzy",
    "komentarz",
    "odpowiedzi",
];

/// The number of a comment-count line: all of `text`, ignoring case, is a
/// number (a decimal digit, then digits, `.` and `,`), white space and a
/// word of [`COUNT_WORDS`] (`12 comments`), or such a word, maybe white
/// space, `:`, `(` or `[`, white space, the number, white space, and maybe
/// `)` or `]` (`Kommentare (3)`).
fn count_number(text: &str) -> Option<&str> {
    // An ASCII first byte is a digit or folds to the first letter of a
    // word of [`COUNT_WORDS`] (ASCII: only itself and its capital fold to it).
    match text.as_bytes().first() {
        Some(&b)
            if b.is_ascii()
                && !b.is_ascii_digit()
                && !matches!(b | 0x20, b'r' | b'c' | b'k' | b'a' | b'o') =>
        {
            return None
        }
        _ => {}
    }
    let number_end = |i| skip(text, i, |c| is_digit(c) || matches!(c, '.' | ','));
    if char_at(text, 0).is_some_and(is_digit) {
        let end = number_end(0);
        let word = skip(text, end, is_space);
        return (word > end && rest_is_one_of(text, word, COUNT_WORDS)).then(|| &text[..end]);
    }
    COUNT_WORDS.iter().find_map(|word| {
        let mut i = skip(text, eat_fold(text, 0, word)?, is_space);
        if matches!(char_at(text, i), Some(':' | '(' | '[')) {
            i = skip(text, i + 1, is_space);
        }
        if !char_at(text, i).is_some_and(is_digit) {
            return None;
        }
        let end = number_end(i);
        let mut j = skip(text, end, is_space);
        if matches!(char_at(text, j), Some(')' | ']')) {
            j += 1;
        }
        (j == text.len()).then(|| &text[i..end])
    })
}

/// The words that name the replies in the head of a comment section that
/// repeats the post's title ([`titled_comments_head`]), besides
/// [`COUNT_WORDS`] (the longer form first).
const REPLY_WORDS: &[&str] = &[
    "responses",
    "response",
    "thoughts",
    "thought",
    "antwoorden",
    "antwoord",
    "gedanken",
    "gedanke",
    "pensamientos",
    "réflexions",
];

/// The words a count of replies is written in, besides digits.
const REPLY_NUMBER_WORDS: &[&str] = &[
    "one", "no", "ein", "eine", "een", "un", "une", "uno", "una", "um", "uma",
];

/// The ASCII lowercase letters `words` start with, as bits `1 << (c - b'a')`
/// (each word starts with one: the const evaluation fails otherwise).
const fn initials(words: &[&[&str]]) -> u32 {
    let mut bits = 0u32;
    let mut i = 0;
    while i < words.len() {
        let mut k = 0;
        while k < words[i].len() {
            let c = words[i][k].as_bytes()[0];
            assert!(c.is_ascii_lowercase());
            bits |= 1 << (c - b'a');
            k += 1;
        }
        i += 1;
    }
    bits
}

/// The first letters of the words of a count of replies, and of the words
/// for the replies ([`titled_comments_head`] turns other lines away by them).
const REPLY_NUMBER_INITIALS: u32 = initials(&[REPLY_NUMBER_WORDS]);
const REPLY_INITIALS: u32 = initials(&[COUNT_WORDS, REPLY_WORDS]);

/// The words that link the count of replies to the post's title.
const TITLE_LINKS: &[&str] = &[
    "to", "on", "for", "zu", "auf", "über", "op", "bij", "over", "sur", "à", "a", "en", "em",
    "para", "di", "su", "do", "na", "pod",
];

/// The head of a comment section that repeats the post's title: a count of
/// replies, a word for them and a word that links them to the title, which
/// follows (`38 comments to What questions do you have?`, `One thought on
/// “…”`, `12 Kommentare zu „…“`). Unlike a bare head (`12 comments`) it is
/// as long as the title makes it, and may end in its punctuation. The
/// title starts quoted or capitalised. → the count (`No` 0, `One` 1) and
/// the title as the head writes it (in its quotes, if any).
pub(crate) fn titled_comments_head(text: &str) -> Option<(u32, &str)> {
    let b = text.as_bytes();
    // An ASCII letter, either case, among `initials`.
    let initial = |c: u8, initials: u32| {
        let k = (c | 0x20).wrapping_sub(b'a');
        k < 26 && initials >> k & 1 != 0
    };
    // A digit or the first letter of a number word, then one space and the
    // first letter of a word for replies: most lines are turned away by
    // these bytes.
    let number = match b.first() {
        Some(c) if c.is_ascii_digit() => true,
        Some(&c) if initial(c, REPLY_NUMBER_INITIALS) => false,
        _ => return None,
    };
    let i = b
        .iter()
        .position(|&c| {
            if number {
                !(c.is_ascii_digit() || matches!(c, b'.' | b','))
            } else {
                !c.is_ascii_alphabetic()
            }
        })
        .unwrap_or(b.len());
    if b.get(i) != Some(&b' ') || !b.get(i + 1).is_some_and(|&c| initial(c, REPLY_INITIALS)) {
        return None;
    }
    let number_word = || {
        REPLY_NUMBER_WORDS
            .iter()
            .any(|w| eat_fold(text, 0, w) == Some(i))
    };
    let count = if number {
        // Digits, maybe grouped (`1,204`); a count too large for a `u32` is
        // no count.
        text[..i]
            .bytes()
            .filter(u8::is_ascii_digit)
            .try_fold(0u32, |n, d| {
                n.checked_mul(10)?.checked_add(u32::from(d - b'0'))
            })?
    } else if number_word() {
        u32::from(eat_fold(text, 0, "no") != Some(i))
    } else {
        return None;
    };
    let word = |i: usize, words: &[&str]| {
        let at = skip(text, i, is_space);
        if at == i {
            return None;
        }
        words.iter().find_map(|w| {
            eat_fold(text, at, w).filter(|&end| char_at(text, end).is_some_and(is_space))
        })
    };
    let i = word(i, COUNT_WORDS).or_else(|| word(i, REPLY_WORDS))?;
    // The title follows: quoted or capitalised, not running text in
    // lowercase (`2025 comments to the council were read`).
    let title = &text[skip(text, word(i, TITLE_LINKS)?, is_space)..];
    title
        .chars()
        .next()
        .is_some_and(|c| !c.is_lowercase())
        .then_some((count, title))
}

/// `2 reacties`, `12 comments`, `Kommentare (3)` → the count.
pub(crate) fn comment_count(text: &str) -> Option<u32> {
    if text.len() > 40 {
        return None;
    }
    let Some(number) = count_number(text) else {
        // Chinese and Japanese counts (`42則留言`) have no space to read
        // words by.
        return if text.is_ascii() {
            None
        } else {
            crate::cjk::comment_count(text)
        };
    };
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// The words a byline starts with, in the order they are tried.
const BYLINE_MARKERS: &[&str] = &[
    "by",
    "door",
    "von",
    "par",
    "por",
    "di",
    "da",
    "de",
    "af",
    "av",
    "texte",
    "text",
    "tekst",
    "auteur",
    "author",
    "autor",
    "autore",
    "written by",
    "geschreven door",
    "verfasst von",
    "écrit par",
    "escrito por",
    "scritto da",
    "reporting by",
    // an opinion piece's or an analysis's byline
    "ein kommentar von",
    "ein gastkommentar von",
    "ein gastbeitrag von",
    "eine analyse von",
    "ein essay von",
    "ein artikel von",
    "ein beitrag von",
    "analysis by",
    "commentary by",
    "opinion by",
];

/// The start of the last line of `text` (after its last `\n`): a name that
/// runs to the end of `text` starts there or later.
fn last_line_start(text: &str) -> usize {
    text.rfind('\n').map_or(0, |i| i + 1)
}

/// The name part of a byline: `text` starts with a marker of
/// [`BYLINE_MARKERS`] (ignoring case; the first that fits), then maybe
/// white space, `:` and white space, and the name is the rest, which holds
/// no `\n` (white space before the name goes to the name only where the
/// rest would hold a `\n` otherwise; the name may be empty). The marker need
/// not be a whole word: `Dave` is `da` and `ve`.
fn byline_name(text: &str) -> Option<&str> {
    let line = last_line_start(text);
    // An ASCII byte is a char that folds only to its lowercase: only the
    // markers that start with the first (and, where it is ASCII too, the
    // second) byte lowercased can fit. Every marker has two or more bytes,
    // and those that start with an ASCII byte have an ASCII second one.
    let b = text.as_bytes();
    let lower = |i: usize| {
        b.get(i)
            .filter(|b| b.is_ascii())
            .map(u8::to_ascii_lowercase)
    };
    let (first, second) = (lower(0), lower(1));
    BYLINE_MARKERS
        .iter()
        .filter(|m| {
            first
                .is_none_or(|b| m.as_bytes()[0] == b && second.is_none_or(|b| m.as_bytes()[1] == b))
        })
        .find_map(|marker| {
            let end = eat_fold(text, 0, marker)?;
            // Every way of taking white space, `:` and white space, in the
            // order a backtracking match tries them.
            space_ends(text, end).find_map(|i| {
                let colon = (char_at(text, i) == Some(':')).then_some(i + 1);
                colon
                    .into_iter()
                    .chain([i])
                    .find_map(|j| space_ends(text, j).find(|&k| k >= line))
            })
        })
        .map(|k| &text[k..])
}

/// The lowercased start of `text`: up to 24 bytes of whole chars (the
/// oracle of [`starts_lower`]).
#[cfg(test)]
struct LowerStart {
    buf: [u8; 24],
    len: usize,
}

#[cfg(test)]
impl LowerStart {
    fn of(text: &str) -> LowerStart {
        let mut s = LowerStart {
            buf: [0; 24],
            len: 0,
        };
        let head = &text.as_bytes()[..text.len().min(24)];
        if head.is_ascii() {
            for (d, b) in s.buf.iter_mut().zip(head) {
                *d = b.to_ascii_lowercase();
            }
            s.len = head.len();
            return s;
        }
        let mut tmp = [0u8; 4];
        'chars: for c in text.chars() {
            for lc in c.to_lowercase() {
                let b = lc.encode_utf8(&mut tmp).as_bytes();
                if s.len + b.len() > s.buf.len() {
                    break 'chars;
                }
                s.buf[s.len..s.len + b.len()].copy_from_slice(b);
                s.len += b.len();
            }
        }
        s
    }

    /// The start is one of `prefixes` (given in lowercase).
    fn starts_with_any(&self, prefixes: &[&str]) -> bool {
        let start = &self.buf[..self.len];
        prefixes.iter().any(|p| start.starts_with(p.as_bytes()))
    }
}

/// How a byline can start (a cheap test before [`byline_name`]).
const BYLINE_STARTS: &[&str] = &[
    "by",
    "door",
    "von",
    "par",
    "por",
    "di",
    "da",
    "de",
    "af",
    "av",
    "text",
    "tekst",
    "auteur",
    "author",
    "autor",
    "written",
    "geschreven",
    "verfasst",
    "écrit",
    "escrito",
    "scritto",
    "reporting",
    "ein",
    "analysis",
    "commentary",
    "opinion",
];

/// How an image credit can start (a cheap test before [`credit_name`]).
const CREDIT_STARTS: &[&str] = &[
    "foto", "photo", "bild", "imag", "immagine", "credit", "crédit", "beeld", "picture", "©",
    "(c)", "fot", "zdjęci",
];

/// For every pair of ASCII bytes (bit `b0 << 7 | b1`): whether one of
/// `prefixes` (each of two bytes or more) starts with them.
const fn first_pairs(prefixes: &[&str]) -> [u64; 256] {
    let mut t = [0u64; 256];
    let mut i = 0;
    while i < prefixes.len() {
        let p = prefixes[i].as_bytes();
        if p[0] < 0x80 && p[1] < 0x80 {
            let bit = (p[0] as usize) << 7 | p[1] as usize;
            t[bit >> 6] |= 1 << (bit & 63);
        }
        i += 1;
    }
    t
}

/// The first two bytes of [`BYLINE_STARTS`] and [`CREDIT_STARTS`].
static BYLINE_PAIRS: [u64; 256] = first_pairs(BYLINE_STARTS);
static CREDIT_PAIRS: [u64; 256] = first_pairs(CREDIT_STARTS);

/// For each of `prefixes`: its first (up to) eight bytes as a
/// little-endian number, and the mask of those bytes.
const fn heads<const N: usize>(prefixes: &[&str]) -> [(u64, u64); N] {
    let mut t = [(0u64, 0u64); N];
    let mut i = 0;
    while i < N {
        let p = prefixes[i].as_bytes();
        let mut j = 0;
        while j < p.len() && j < 8 {
            t[i].0 |= (p[j] as u64) << (8 * j);
            t[i].1 |= 0xFF << (8 * j);
            j += 1;
        }
        i += 1;
    }
    t
}

/// The heads of [`BYLINE_STARTS`] and [`CREDIT_STARTS`].
static BYLINE_HEADS: [(u64, u64); BYLINE_STARTS.len()] = heads(BYLINE_STARTS);
static CREDIT_HEADS: [(u64, u64); CREDIT_STARTS.len()] = heads(CREDIT_STARTS);

/// For every byte: a bit (by index) of each of `prefixes` (at most 32)
/// that starts with it.
const fn firsts(prefixes: &[&str]) -> [u32; 256] {
    assert!(prefixes.len() <= 32);
    let mut t = [0u32; 256];
    let mut i = 0;
    while i < prefixes.len() {
        t[prefixes[i].as_bytes()[0] as usize] |= 1 << i;
        i += 1;
    }
    t
}

/// The prefixes of [`BYLINE_STARTS`] and [`CREDIT_STARTS`] by first byte.
static BYLINE_FIRSTS: [u32; 256] = firsts(BYLINE_STARTS);
static CREDIT_FIRSTS: [u32; 256] = firsts(CREDIT_STARTS);

/// A list of lowercase prefixes with the tables [`starts_lower`] reads
/// them by, all built at compile time from the list.
struct Starts {
    prefixes: &'static [&'static str],
    /// The prefixes' first two bytes ([`first_pairs`]).
    pairs: &'static [u64; 256],
    /// The prefixes' [`heads`].
    heads: &'static [(u64, u64)],
    /// The prefixes by first byte ([`firsts`]).
    firsts: &'static [u32; 256],
}

/// How a byline and an image credit can start.
static BYLINE: Starts = Starts {
    prefixes: BYLINE_STARTS,
    pairs: &BYLINE_PAIRS,
    heads: &BYLINE_HEADS,
    firsts: &BYLINE_FIRSTS,
};
static CREDIT: Starts = Starts {
    prefixes: CREDIT_STARTS,
    pairs: &CREDIT_PAIRS,
    heads: &CREDIT_HEADS,
    firsts: &CREDIT_FIRSTS,
};

/// The longest of [`BYLINE_STARTS`] and [`CREDIT_STARTS`], in bytes.
const STARTS_MAX_LEN: usize = 10;

/// Whether `text`'s lowercased start (its chars' lowercase forms, as
/// [`char::to_lowercase`] gives them) starts with one of `starts`'s
/// prefixes (lowercase, each of two to [`STARTS_MAX_LEN`] bytes), whose
/// first two bytes its `pairs` has. Where `text` starts with two ASCII bytes, so does its
/// lowercased start: their lowercase forms must be a pair of `pairs`, a
/// test that turns most lines away. A text of one ASCII byte lowercases to
/// one byte, shorter than any prefix.
#[inline]
fn starts_lower(text: &str, starts: &Starts) -> bool {
    match *text.as_bytes() {
        [b0, b1, ..] if (b0 | b1).is_ascii() => {
            let bit =
                usize::from(b0.to_ascii_lowercase()) << 7 | usize::from(b1.to_ascii_lowercase());
            starts.pairs[bit >> 6] >> (bit & 63) & 1 != 0 && starts_lower_exact(text, starts)
        }
        [] => false,
        [b0] if b0.is_ascii() => false,
        _ => starts_lower_exact(text, starts),
    }
}

/// [`starts_lower`] without the quick test: the lowercase forms of the
/// chars of `text` until they make [`STARTS_MAX_LEN`] bytes, compared with
/// each prefix (by its head) that starts with the first byte of those
/// forms (by the prefixes' `firsts`): most prefixes are not looked at, and a
/// text whose first char lowercases to no prefix's first byte (most that
/// start with a char outside ASCII) is not lowercased further.
#[inline(never)]
fn starts_lower_exact(text: &str, starts: &Starts) -> bool {
    let Starts {
        prefixes,
        heads,
        firsts,
        ..
    } = *starts;
    let bytes = text.as_bytes();
    let head = &bytes[..bytes.len().min(STARTS_MAX_LEN)];
    if head.is_ascii() {
        // ASCII chars lowercase byte for byte: the first eight bytes at
        // once (capitals gain 0x20; 0 past the end, in no prefix), the
        // rest of longer prefixes one by one.
        let x = match bytes.get(..8) {
            Some(b) => u64::from_le_bytes(b.try_into().unwrap_or_default()),
            None => bytes.iter().rev().fold(0, |x, &b| x << 8 | u64::from(b)),
        };
        let capitals = (x + ONES * 0x3F) & !(x + ONES * 0x25) & HIGH; // 0x41..=0x5A
        let lower = x | capitals >> 2;
        return any_bit(u64::from(firsts[(lower & 0xFF) as usize]), |k| {
            let (p, (first, mask)) = (prefixes[k], heads[k]);
            lower & mask == first
                && (p.len() <= 8
                    || bytes
                        .get(8..p.len())
                        .is_some_and(|b| b.eq_ignore_ascii_case(&p.as_bytes()[8..])))
        });
    }
    // Each char lowercases to at most four bytes.
    let mut buf = [0u8; STARTS_MAX_LEN + 8];
    let mut len = 0;
    for c in text.chars() {
        if len >= STARTS_MAX_LEN {
            break;
        }
        if c.is_ascii() {
            buf[len] = c.to_ascii_lowercase() as u8;
            len += 1;
        } else {
            for lc in c.to_lowercase() {
                len += lc.encode_utf8(&mut buf[len..]).len();
            }
        }
        // The first char's forms fix the first byte.
        if firsts[usize::from(buf[0])] == 0 {
            return false;
        }
    }
    let start = &buf[..len];
    any_bit(u64::from(firsts[usize::from(buf[0])]), |k| {
        start.starts_with(prefixes[k].as_bytes())
    })
}

/// Whether `f` holds for the index of a set bit of `bits`.
#[inline]
fn any_bit(mut bits: u64, mut f: impl FnMut(usize) -> bool) -> bool {
    while bits != 0 {
        if f(bits.trailing_zeros() as usize) {
            return true;
        }
        bits &= bits - 1;
    }
    false
}

/// The bare byline markers of [`is_bare_byline_marker`].
const BARE_MARKERS: [&str; 10] = [
    "door", "by", "von", "par", "por", "di", "da", "tekst", "text", "texte",
];

/// For every pair of ASCII bytes (as [`first_pairs`]): whether one of
/// [`BYLINE_STARTS`], [`CREDIT_STARTS`] or [`BARE_MARKERS`] starts with them.
static META_PAIRS: [u64; 256] = {
    let (by, credit, bare) = (
        first_pairs(BYLINE_STARTS),
        first_pairs(CREDIT_STARTS),
        first_pairs(&BARE_MARKERS),
    );
    let mut t = [0u64; 256];
    let mut i = 0;
    while i < t.len() {
        t[i] = by[i] | credit[i] | bare[i];
        i += 1;
    }
    t
};

/// An image credit, a byline or a bare byline marker: [`image_credit`],
/// [`byline`] or [`is_bare_byline_marker`]. Where `text` starts with two
/// ASCII bytes, each of them needs the pair of their lowercase forms to
/// start one of its prefixes or markers ([`starts_lower`]; a marker is the
/// whole text, ignoring case): one look at [`META_PAIRS`] turns most lines
/// away.
#[inline]
pub(crate) fn is_meta(text: &str) -> bool {
    if let [b0, b1, ..] = *text.as_bytes() {
        if (b0 | b1).is_ascii() {
            let bit =
                usize::from(b0.to_ascii_lowercase()) << 7 | usize::from(b1.to_ascii_lowercase());
            if META_PAIRS[bit >> 6] >> (bit & 63) & 1 == 0 {
                return false;
            }
        }
    }
    image_credit(text).is_some() || byline(text).is_some() || is_bare_byline_marker(text)
}

/// A bare byline marker with no name (`door`, `By`) — metadata, no byline.
pub(crate) fn is_bare_byline_marker(text: &str) -> bool {
    const MARKERS: [&str; 10] = BARE_MARKERS;
    if text.len() > 6 {
        return false;
    }
    let word = text.trim_end_matches(':');
    if word.is_ascii() {
        MARKERS.iter().any(|m| m.eq_ignore_ascii_case(word))
    } else {
        MARKERS.contains(&word.to_lowercase().as_str())
    }
}

/// A byline line (`By Jane Doe`, `door Jan Jansen`, `Von Max Muster, Berlin`) → the name.
#[inline]
pub(crate) fn byline(text: &str) -> Option<&str> {
    if text.len() > 90 {
        return None;
    }
    if !starts_lower(text, &BYLINE) {
        // Chinese and Japanese bylines (`作者：王小明`) start with no word.
        return crate::cjk::byline(text);
    }
    byline_from_start(text)
}

/// The markers [`byline_after_date`] looks for inside a line: those of
/// [`BYLINE_MARKERS`] that are seldom a word of a date or a place.
const TRAILING_BYLINE_MARKERS: &[&str] = &[" by ", " door ", " von ", " par ", " por "];

/// The name a date line ends in (`Posted on March 3, 2024 by Ruth`,
/// `Geplaatst op 3 maart door Jan Jansen`): the text after the line's last
/// marker of [`TRAILING_BYLINE_MARKERS`], read as [`byline`] reads it, up
/// to a comma, a word with a digit or a word that goes on to a date or a
/// place (`Ed Hardy on Wednesday`, `Todd Bishop 1 Comment`).
pub(crate) fn byline_after_date(text: &str) -> Option<&str> {
    if text.len() > 90 {
        return None;
    }
    let at = TRAILING_BYLINE_MARKERS
        .iter()
        .filter_map(|m| {
            text.as_bytes()
                .windows(m.len())
                .rposition(|w| w.eq_ignore_ascii_case(m.as_bytes()))
        })
        .max()?;
    let name = byline_from_start(&text[at + 1..])?;
    // The first word is the name's; a later one may end it.
    let cut = name.find(',').unwrap_or(name.len());
    let end = name[..cut]
        .split(' ')
        .skip(1)
        .find(|w| {
            w.bytes().any(|b| b.is_ascii_digit())
                || NAME_ENDS.iter().any(|e| e.eq_ignore_ascii_case(w))
        })
        .map_or(cut, |w| w.as_ptr() as usize - name.as_ptr() as usize);
    let name = name[..end].trim_end();
    (!name.is_empty()).then_some(name)
}

/// Words after which a name in a date line does not go on: they start a
/// date, a place or a category (`on Monday`, `in Articles`, `at 9:12`).
const NAME_ENDS: &[&str] = &["on", "in", "at", "am", "op", "le", "el", "em", "il"];

/// [`byline`] past its quick tests (out of line, so that they stay cheap).
#[inline(never)]
fn byline_from_start(text: &str) -> Option<&str> {
    let name = byline_name(text)?.trim();
    // The cuts below keep the name's first char first (it is no white
    // space; a separator or a trailing `,` `.` `;` there leaves no word), so
    // the first word starts with it and must be a capital. Most lines that
    // merely start like a marker (`Deze`, `Data`, `Text of`) are turned
    // away here, before the cuts scan them.
    if !name.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    // Cut at a separator (`|`, `-` with spaces, a date) and keep the name part.
    let name = before_spaced_dash(before_separator(name))
        .trim()
        .trim_end_matches([',', '.', ';']);
    // One to eight words, mostly capitalised, the first one too
    // (connectives such as "and", "en", "van" allowed).
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let (mut words, mut caps_words, mut first_capital) = (0, 0, false);
    for w in name.split_whitespace() {
        if words == 8 {
            return None;
        }
        first_capital |= words == 0 && capital(w);
        caps_words += usize::from(capital(w));
        words += 1;
    }
    if words == 0 || caps_words * 2 < words + 1 || !first_capital {
        return None;
    }
    Some(name)
}

/// `name` up to its first `|`, `•`, `·` or `—` (all of it where it has
/// none), as `name.split(['|', '•', '·', '\u{2014}']).next()` gives it:
/// the bytes of each (one of ASCII, or two or three of UTF-8 whose first
/// byte starts no other char there) looked for byte by byte.
fn before_separator(name: &str) -> &str {
    let b = name.as_bytes();
    // Most names have none: an ASCII name without `|` (both tested a word
    // at a time) is let through without the byte-by-byte look.
    if b.is_ascii() && !b.contains(&b'|') {
        return name;
    }
    let at = |i: usize| match b[i] {
        b'|' => true,
        // `·` U+00B7.
        0xC2 => b.get(i + 1) == Some(&0xB7),
        // `•` U+2022 and `—` U+2014.
        0xE2 => matches!(b.get(i + 1..i + 3), Some([0x80, 0xA2 | 0x94])),
        _ => false,
    };
    (0..b.len()).find(|&i| at(i)).map_or(name, |i| &name[..i])
}

/// `text` up to its first ` - ` (all of it where it has none), as
/// `text.split(" - ").next()` gives it, without setting up a searcher.
fn before_spaced_dash(text: &str) -> &str {
    let b = text.as_bytes();
    // Most texts have no `-` at all (looked for a word at a time).
    if !b.contains(&b'-') {
        return text;
    }
    (1..b.len().saturating_sub(1))
        .find(|&i| b[i] == b'-' && b[i - 1] == b' ' && b[i + 1] == b' ')
        .map_or(text, |i| &text[..i - 1])
}

/// The words of an image credit followed by `:` or `|` (`Foto: ANP`).
const CREDIT_WORDS: &[&str] = &[
    "foto",
    "fotos",
    "photo",
    "photos",
    "bild",
    "bilder",
    "bildquelle",
    "image",
    "images",
    "credit",
    "credits",
    "crédit",
    "crédits",
    "fotografía",
    "imagen",
    "fotografia",
    "immagine",
    "imagem",
    "fot",
    "zdjęcie",
    "zdjęcia",
    "beeld",
    "picture",
    "pictures",
    "photograph",
];

/// The most words of a picture caption that [`caption_credit`] reads.
const CAPTION_MAX_WORDS: usize = 40;

/// A picture caption that ends in its credit in brackets →
/// the credit: `A view of the bridge on Monday. (Jane Doe / Agency)`,
/// `… in Cygnus. (Photo: Jane Doe)`, `… at night [Image © X]`. The bracketed
/// group holds at most eight words and a `/` between capitalised words,
/// a `©`, or a word of [`CREDIT_WORDS`]; at least three words come before
/// it, and the line has at most [`CAPTION_MAX_WORDS`] words.
pub(crate) fn caption_credit(text: &str) -> Option<&str> {
    caption_credit_by(text, may_credit)
}

/// The bracketed group that closes `text` (whose last byte is `)` or `]`)
/// in its last `most` bytes: the text before its opening bracket (the last
/// one of its kind) and the text inside, which holds no closing bracket
/// (`… in Cygnus. (Photo: Jane Doe)`, `… voraus. (bsc)`).
pub(crate) fn closing_group(text: &str, most: usize) -> Option<(&str, &str)> {
    let bytes = text.as_bytes();
    let open = match bytes.last()? {
        b')' => b'(',
        b']' => b'[',
        _ => return None,
    };
    // ASCII brackets, sought as bytes: no byte of a char outside ASCII is
    // one, so the slices below start and end at chars.
    let end = bytes.len() - 1;
    let from = bytes.len().saturating_sub(most);
    // The last opening bracket of its kind, unless a closing one comes first.
    let start = from
        + bytes[from..end]
            .iter()
            .rposition(|&b| b == open || matches!(b, b')' | b']'))?;
    (bytes[start] == open).then(|| (&text[..start], &text[start + 1..end]))
}

/// [`caption_credit`], with `may` turning away early a bracketed group that
/// cannot credit anyone ([`may_credit`]; the tests' oracle turns none away).
#[inline(always)]
fn caption_credit_by(text: &str, may: impl Fn(&str) -> bool) -> Option<&str> {
    let t = text.trim_end();
    // A credit of 80 bytes at most, in its brackets.
    let (before, inner) = closing_group(t, 82)?;
    if !may(inner) {
        return None;
    }
    if inner.split_whitespace().nth(8).is_some() {
        return None;
    }
    let capital = |w: Option<&str>| {
        w.and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
    };
    let slash = || {
        inner.split_once('/').is_some_and(|(a, b)| {
            capital(a.split_whitespace().next_back()) && capital(b.split_whitespace().next())
        })
    };
    if !(inner.contains('©') || slash() || has_credit_word(inner)) {
        return None;
    }
    let words_before = before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(3)
        .count();
    let long = t.split_whitespace().nth(CAPTION_MAX_WORDS).is_some();
    (words_before == 3 && !long).then(|| inner.trim())
}

/// For every ASCII lowercase letter `a`: the bits `1 << (b - b'a')` of the
/// letters `b` that follow `a` at the start of a word of [`CREDIT_WORDS`]
/// (`fo`, `ph`, `bi`, …), derived from the list itself.
static CREDIT_WORD_STARTS: [u32; 26] = {
    let mut t = [0u32; 26];
    let mut i = 0;
    while i < CREDIT_WORDS.len() {
        let w = CREDIT_WORDS[i].as_bytes();
        assert!(w[0].is_ascii_lowercase() && w[1].is_ascii_lowercase());
        t[(w[0] - b'a') as usize] |= 1 << (w[1] - b'a');
        i += 1;
    }
    t
};

/// The bracketed group `inner` of [`caption_credit`] may credit someone: it
/// is not all ASCII (a `©`, or words that fold only char by char), or it
/// has a `/`, or a word that starts as a word of [`CREDIT_WORDS`] does
/// (ignoring ASCII case). When this is false, neither `©`, nor a `/`, nor
/// [`has_credit_word`] can hold, and most brackets (`[172]`, `[edit]`,
/// `(PDF 105K)`) are turned away without the credit-word search.
fn may_credit(inner: &str) -> bool {
    let b = inner.as_bytes();
    let letter = |i: usize| {
        b.get(i)
            .map(u8::to_ascii_lowercase)
            .filter(u8::is_ascii_lowercase)
    };
    (0..b.len()).any(|i| {
        b[i] >= 0x80
            || b[i] == b'/'
            || ((i == 0 || !b[i - 1].is_ascii_alphanumeric())
                && letter(i).zip(letter(i + 1)).is_some_and(|(x, y)| {
                    CREDIT_WORD_STARTS[(x - b'a') as usize] & 1 << (y - b'a') != 0
                }))
    })
}

/// `text` has a word (a run of alphanumeric chars) of [`CREDIT_WORDS`],
/// ignoring case. In ASCII text, the runs are those of ASCII letters and
/// digits, and an ASCII word folds to its ASCII lowercase only, so it is
/// one of the ASCII credit words ignoring ASCII case: the bytes are split
/// and compared as bytes, no char decoded.
fn has_credit_word(text: &str) -> bool {
    if !text.is_ascii() {
        return has_credit_word_by_chars(text);
    }
    text.as_bytes()
        .split(|b| !b.is_ascii_alphanumeric())
        .any(|w| {
            !w.is_empty()
                && CREDIT_WORDS
                    .iter()
                    .any(|c| c.len() == w.len() && c.as_bytes().eq_ignore_ascii_case(w))
        })
}

/// [`has_credit_word`] char by char, through [`fold`]: the path of text
/// with chars outside ASCII, and the oracle of the ASCII path.
fn has_credit_word_by_chars(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| !w.is_empty() && rest_is_one_of(w, 0, CREDIT_WORDS))
}

/// The words of an image credit followed by white space and `©` (`Foto © ANP`).
const CREDIT_SYMBOL_WORDS: &[&str] = &["foto", "photo", "bild", "image", "credit", "beeld"];

/// The credited name of an image credit line, the first way that fits of:
/// - a word of [`CREDIT_WORDS`], maybe white space, `:` or `|`, maybe white
///   space, maybe `©` or `(c)`, maybe white space, and the name;
/// - `©` or `(c)`, maybe white space, and the name;
/// - a word of [`CREDIT_SYMBOL_WORDS`], white space, `©` or `(c)`, maybe
///   white space, and the name.
///
/// Words and `(c)` ignore case. The name is the rest of `text`: at least
/// one char and no `\n`. Where the longest white space and the symbol leave
/// no such rest, the white space and symbol are given back in the order a
/// backtracking match tries (`Foto: ©` credits `©`).
fn credit_name(text: &str) -> Option<&str> {
    let line = last_line_start(text);
    let name = |i: usize| (i >= line && i < text.len()).then_some(i);
    let symbol = |i| eat_fold(text, i, "©").or_else(|| eat_fold(text, i, "(c)"));
    // Maybe white space, then the name.
    let spaced_name = |i| space_ends(text, i).find_map(name);
    // An ASCII first byte folds only to its lowercase: only the words that
    // start with it can fit.
    let first = match text.as_bytes().first() {
        Some(&b) if b.is_ascii() => Some(b.to_ascii_lowercase()),
        _ => None,
    };
    let may_start = |word: &&&str| first.is_none_or(|b| word.as_bytes()[0] == b);
    let labelled = || {
        CREDIT_WORDS.iter().filter(may_start).find_map(|word| {
            space_ends(text, eat_fold(text, 0, word)?)
                .filter(|&i| matches!(char_at(text, i), Some(':' | '|')))
                .find_map(|i| {
                    space_ends(text, i + 1)
                        .find_map(|j| symbol(j).into_iter().chain([j]).find_map(spaced_name))
                })
        })
    };
    let symbol_first = || symbol(0).and_then(spaced_name);
    let word_symbol = || {
        CREDIT_SYMBOL_WORDS
            .iter()
            .filter(may_start)
            .find_map(|word| {
                let end = eat_fold(text, 0, word)?;
                space_ends(text, end)
                    .filter(|&i| i > end)
                    .find_map(|i| symbol(i).and_then(spaced_name))
            })
    };
    labelled()
        .or_else(symbol_first)
        .or_else(word_symbol)
        .map(|i| &text[i..])
}

/// `Foto: © photonews`, `Photo: Jane Doe/Agency`, `© Reuters` → the credited name.
#[inline]
pub(crate) fn image_credit(text: &str) -> Option<&str> {
    if text.len() > 100 {
        return None;
    }
    if !starts_lower(text, &CREDIT) {
        // Chinese and Japanese credits (`圖／中央社`) start with no word.
        return crate::cjk::image_credit(text);
    }
    image_credit_from_start(text)
}

/// [`image_credit`] past its quick tests (out of line, so that they stay
/// cheap).
#[inline(never)]
fn image_credit_from_start(text: &str) -> Option<&str> {
    let name = credit_name(text)?.trim();
    let lower = name.to_lowercase();
    // "© 2024 Company. All rights reserved." is a legal footer, not a credit.
    if name.is_empty()
        || name.split_whitespace().count() > 8
        || lower.contains("rights")
        || lower.contains("rechte")
        || lower.contains("rechten")
        || lower.contains("droits")
        || lower.contains("derechos")
        || lower.contains("direitos")
        || lower.contains("diritti")
        || name.bytes().take(4).all(|b| b.is_ascii_digit())
    {
        return None;
    }
    Some(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    /// The regular expressions the matchers replace, as they were: the
    /// oracle the tests compare the matchers with.
    mod oracle {
        use super::*;
        use regex::Regex;

        fn words_pattern(words: &[&str]) -> String {
            let alt = words
                .iter()
                .map(|w| regex::escape(w).replace(' ', r"\s+"))
                .collect::<Vec<_>>()
                .join("|");
            format!(r"(?i)(?:^|[^\w])(?:{alt})(?:$|[^\w])")
        }

        pub(super) static CUE_REGEXES: Lazy<Vec<Regex>> = Lazy::new(|| {
            CUE_ORDER
                .iter()
                .map(|(words, _)| Regex::new(&words_pattern(words)).unwrap())
                .collect()
        });

        pub(super) static TIME: Lazy<Regex> = Lazy::new(|| {
            Regex::new(
                r"(?ix)^(?:
            \d{1,2}[:.h]\d{2}(?:[:.]\d{2})?\s*(?:am|pm|uur|u|h|hrs|uhr)?
          | \d+\s*(?:min|mins|minutes?|minuten|hours?|hrs?|uur|stunden?|heures?|horas?|ore|days?|dagen|tagen?|jours?|días?|dias?|giorni|sec|seconds?|h|m|d|minutos?|minuti|ora|giorno|sekunden|secondes|segundos|secondi|minut|minuty|minutę|godzin|godziny|godzinę|godz\.|dni|dzień|sekund)\s*(?:ago|geleden|her|fa|atrás|temu)?
          | (?:vor|il\ y\ a|hace|há)\s+\d+\s+\w+
        )$",
            )
            .unwrap()
        });

        pub(super) static COMMENT_COUNT: Lazy<Regex> = Lazy::new(|| {
            let words = r"reacties?|comments?|kommentare?|commentaires?|comentarios?|comentários?|commenti|commento|reactions?|réactions?|replies|reply|antworten|respuestas?|réponses?|risposte|risposta|respostas?|komentarz[ey]?|odpowiedzi";
            Regex::new(&format!(
                r"(?i)^(?:(\d[\d.,]*)\s+(?:{words})|(?:{words})\s*[:(\[]?\s*(\d[\d.,]*)\s*[)\]]?)$"
            ))
            .unwrap()
        });

        pub(super) static BYLINE: Lazy<Regex> = Lazy::new(|| {
            Regex::new(
                r"(?x)^(?i:by|door|von|par|por|di|da|de|af|av|texte?|tekst|text|auteur|author|autor|autore|written\ by|geschreven\ door|verfasst\ von|écrit\ par|escrito\ por|scritto\ da|reporting\ by|ein\ kommentar\ von|ein\ gastkommentar\ von|ein\ gastbeitrag\ von|eine\ analyse\ von|ein\ essay\ von|ein\ artikel\ von|ein\ beitrag\ von|analysis\ by|commentary\ by|opinion\ by)\s*:?\s*(?P<name>.*)$",
            )
            .unwrap()
        });

        pub(super) static CREDIT: Lazy<Regex> = Lazy::new(|| {
            Regex::new(
                r"(?ix)^(?:
            (?:foto|fotos|photo|photos|bild|bilder|bildquelle|image|images|credit|credits|crédit|crédits|fotografía|imagen|fotografia|immagine|imagem|fot|zdjęcie|zdjęcia|beeld|picture|pictures|photograph)\s*(?::|\|)\s*(?:©|\(c\))?\s*(?P<a>.+)
          | (?:©|\(c\))\s*(?P<b>.+)
          | (?:foto|photo|bild|image|credit|beeld)\s+(?:©|\(c\))\s*(?P<c>.+)
        )$",
            )
            .unwrap()
        });

        /// [`cue_lexicons`] by the regexes.
        pub(super) fn cue_lexicons(text: &str, mask: u8) -> u8 {
            (0..CUE_ORDER.len())
                .filter(|&k| mask & (1 << k) != 0 && CUE_REGEXES[k].is_match(text))
                .fold(0, |found, k| found | 1 << k)
        }

        /// [`has_two_legal_terms`] by the regex: two of its matches, the
        /// phrases they match (their chars folded, their white space one
        /// space) different.
        pub(super) fn has_two_legal_terms(text: &str) -> bool {
            let mut terms = CUE_REGEXES[FOOTER_INDEX].find_iter(text).map(|m| {
                let term = m
                    .as_str()
                    .trim_matches(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .chars()
                    .map(super::fold)
                    .collect::<String>();
                term.split_whitespace().collect::<Vec<_>>().join(" ")
            });
            let Some(first) = terms.next() else {
                return false;
            };
            terms.any(|t| !super::same_term(&t, &first))
        }

        pub(super) fn count_number(text: &str) -> Option<&str> {
            let caps = COMMENT_COUNT.captures(text)?;
            Some(caps.get(1).or_else(|| caps.get(2))?.as_str())
        }

        pub(super) fn byline_name(text: &str) -> Option<&str> {
            Some(BYLINE.captures(text)?.name("name")?.as_str())
        }

        pub(super) fn credit_name(text: &str) -> Option<&str> {
            let caps = CREDIT.captures(text)?;
            let m = caps
                .name("a")
                .or_else(|| caps.name("b"))
                .or_else(|| caps.name("c"))?;
            Some(m.as_str())
        }

        /// [`cue`] as it was.
        pub(super) fn cue(text: &str, sentence: bool) -> Option<Cue> {
            if text.len() > 160 || sentence {
                if text.len() < 1000 && has_two_legal_terms(text) {
                    return Some(Cue::Footer);
                }
                return None;
            }
            if text.contains('©') {
                return Some(Cue::Footer);
            }
            let found = candidate_cues(text);
            let menu_sized = || text.split_whitespace().nth(NAVIGATION_MAX_WORDS).is_none();
            CUE_ORDER
                .iter()
                .enumerate()
                .filter(|&(k, _)| found & (1 << k) != 0)
                .map(|(k, &(_, c))| (k, c))
                .find(|&(k, c)| {
                    let fits = match c {
                        Cue::Navigation => menu_sized(),
                        Cue::Fixtures => text.len() <= 40,
                        _ => true,
                    };
                    fits && CUE_REGEXES[k].is_match(text)
                })
                .map(|(_, c)| c)
        }

        /// [`is_time`] as it was.
        pub(super) fn is_time(text: &str) -> bool {
            text.len() <= 24 && TIME.is_match(text)
        }

        /// [`comment_count`] as it was.
        pub(super) fn comment_count(text: &str) -> Option<u32> {
            if text.len() > 40 {
                return None;
            }
            let Some(number) = count_number(text) else {
                return (!text.is_ascii())
                    .then(|| crate::cjk::comment_count(text))
                    .flatten();
            };
            let digits: String = number.chars().filter(char::is_ascii_digit).collect();
            digits.parse().ok()
        }
    }

    /// Every char, for the exhaustive checks of the char classes.
    fn all_chars() -> impl Iterator<Item = char> {
        (0..=0x10_FFFF).filter_map(char::from_u32)
    }

    /// Every lowercase char a lexicon, unit or marker holds.
    fn pattern_chars() -> std::collections::BTreeSet<char> {
        let lists: [&[&str]; 11] = [
            CLOCK_SUFFIXES,
            AGE_UNITS,
            AGE_SUFFIXES,
            AGE_PREFIXES,
            COUNT_WORDS,
            BYLINE_MARKERS,
            CREDIT_WORDS,
            CREDIT_SYMBOL_WORDS,
            &["©", "(c)", "h"],
            RELATED_WORDS,
            &[
                COMMENTS_WORDS,
                PROMO_WORDS,
                FOOTER_WORDS,
                NAVIGATION_WORDS,
                FIXTURES_WORDS,
            ]
            .concat(),
        ];
        lists
            .iter()
            .flat_map(|l| l.iter())
            .flat_map(|w| w.chars())
            .collect()
    }

    #[test]
    fn fold_equates_exactly_the_case_variants_of_pattern_chars() {
        let chars = pattern_chars();
        assert!(chars.contains(&'k') && chars.contains(&'s') && chars.contains(&'ß'));
        let mut buf = [0u8; 4];
        for &p in &chars {
            assert_eq!(fold(p), p, "{p:?} is not in folded form");
            let same = Regex::new(&format!("(?i)^{}$", regex::escape(&p.to_string()))).unwrap();
            for c in all_chars() {
                let s = &*c.encode_utf8(&mut buf);
                assert_eq!(fold(c) == p, same.is_match(s), "{c:?} ~ {p:?}");
            }
        }
        assert_eq!(fold('\u{212a}'), 'k');
        assert_eq!(fold('ſ'), 's');
        assert_eq!(fold('ẞ'), 'ß');
        assert_eq!(fold('É'), 'é');
        assert_eq!(fold('İ'), 'İ');
    }

    #[test]
    fn cue_phrases_have_the_shape_the_matcher_assumes() {
        for (words, _) in CUE_ORDER {
            for phrase in words {
                // Word chars at both ends, single spaces between words.
                assert!(phrase.chars().next().is_some_and(is_word), "{phrase}");
                assert!(phrase.chars().next_back().is_some_and(is_word), "{phrase}");
                assert!(!phrase.contains("  "), "{phrase}");
                assert!(phrase.chars().all(|c| c == ' ' || !is_space(c)), "{phrase}");
                assert_eq!(phrase.to_lowercase(), *phrase);
            }
        }
        // Every phrase is in the index under its first word, with its bits.
        let listed: usize = CUE_ORDER.iter().map(|(w, _)| w.len()).sum();
        assert_eq!(
            CUE_INDEX.groups().map(|(_, p)| p.len()).sum::<usize>(),
            listed
        );
        for (key, phrases) in CUE_INDEX.groups() {
            assert!(std::ptr::eq(CUE_INDEX.phrases(key), phrases));
            assert!(CueIndex::maybe(&CUE_INDEX.any.bits, key));
            let footer = phrases.iter().any(|p| p.lexicon == FOOTER_INDEX);
            assert!(!footer || CueIndex::maybe(&CUE_INDEX.footer.bits, key));
        }
        let set = |bits: &[u64; 128]| bits.iter().map(|w| w.count_ones()).sum::<u32>();
        assert!(set(&CUE_INDEX.footer.bits) < set(&CUE_INDEX.any.bits));
        assert!(set(&CUE_INDEX.any.bits) < 8192 / 8);
    }

    /// Sixteen bytes loaded at once are those from the byte (one of the
    /// text's), 0 past the end.
    #[test]
    fn sixteen_bytes_load_as_one_by_one() {
        let all: Vec<u8> = (1..=40).collect();
        for len in 0..=all.len() {
            let bytes = &all[..len];
            for i in 0..len {
                let want = bytes[i..]
                    .iter()
                    .take(16)
                    .rev()
                    .fold(0u128, |v, &b| v << 8 | u128::from(b));
                assert_eq!(load16(bytes, i), want, "{len} {i}");
            }
        }
    }

    /// A phrase's bytes compared at once end where its chars matched one
    /// by one do: in either case, with runs of white space, with chars
    /// outside ASCII that fold to its letters, cut short or run on.
    #[test]
    fn cue_phrases_end_as_matched_char_by_char() {
        for (_, phrases) in CUE_INDEX.groups() {
            for p in phrases {
                let spaced = p.phrase.replace(' ', " \t ");
                let kelvin = p.phrase.replace('k', "\u{212a}");
                let long_s = p.phrase.replace('s', "\u{17f}");
                let cut = &p.phrase[..p.phrase.char_indices().last().map_or(0, |(i, _)| i)];
                for body in [
                    p.phrase,
                    &p.phrase.to_uppercase(),
                    &spaced,
                    &kelvin,
                    &long_s,
                    cut,
                ] {
                    for after in ["", " x", "x", "_", "\u{e9}", "\u{301}", ".", "\u{a0}"] {
                        for before in ["", "a ", "\u{e9} "] {
                            let text = format!("{before}{body}{after}");
                            let start = before.len();
                            assert_eq!(
                                p.end(&text, start),
                                phrase_end(&text, start, p.phrase),
                                "{:?} in {text:?}",
                                p.phrase
                            );
                        }
                    }
                }
            }
        }
    }

    /// Pieces the property tests build lines of: phrases and pattern words
    /// in several cases, digits of several scripts, separators, white
    /// space, marks, joiners and letters that fold.
    fn pieces() -> Vec<String> {
        let mut pieces: Vec<String> = [
            " ",
            " ",
            "  ",
            "\t",
            "\n",
            "\r",
            "\u{a0}",
            "\u{2003}",
            "\u{3000}",
            "\u{85}",
            ",",
            ".",
            ":",
            ";",
            "'",
            "-",
            "_",
            "|",
            "(",
            ")",
            "[",
            "]",
            "©",
            "(c)",
            "(C)",
            "/",
            "!",
            "?",
            "\u{301}",
            "\u{200d}",
            "\u{200c}",
            "²",
            "½",
            "0",
            "1",
            "7",
            "12",
            "30",
            "2024",
            "1.2",
            "3,5",
            "٣",
            "١٢",
            "७",
            "x",
            "a",
            "é",
            "É",
            "e\u{301}",
            "ß",
            "ẞ",
            "ſ",
            "\u{212a}",
            "İ",
            "ı",
            "Ω",
            "語",
            "s",
            "n",
            "e",
            "h",
            "H",
            "m",
            "u",
            "pm",
            "AM",
            "ago",
            "her",
            "geleden",
            "temu",
            "fa",
            "atrás",
            "vor",
            "il y a",
            "hace",
            "há",
            "HÁ",
            "Dave",
            "De",
            "Jan Jansen",
            "Jane Doe",
            "Reuters",
            "ANP",
            "x\ny",
            "\n",
            "home",
            "Home",
            "share",
            "Share",
            "privacy",
            "cookies",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let lists: [&[&str]; 14] = [
            CLOCK_SUFFIXES,
            AGE_UNITS,
            COUNT_WORDS,
            BYLINE_MARKERS,
            CREDIT_WORDS,
            CREDIT_SYMBOL_WORDS,
            RELATED_WORDS,
            COMMENTS_WORDS,
            PROMO_WORDS,
            FOOTER_WORDS,
            FOOTER_WORDS,
            NAVIGATION_WORDS,
            FIXTURES_WORDS,
            &["texte", "autore", "photograph", "Fotos"],
        ];
        for w in lists.iter().flat_map(|l| l.iter()) {
            pieces.push(w.to_string());
            pieces.push(w.to_uppercase());
            let mut cap = w.chars();
            if let Some(first) = cap.next() {
                pieces.push(first.to_uppercase().chain(cap).collect());
            }
            if w.contains(['s', 'k']) {
                pieces.push(w.replace('s', "ſ").replace('k', "\u{212a}"));
            }
            if w.contains(' ') {
                pieces.push(w.replace(' ', " \t\u{a0}"));
                pieces.push(w.replace(' ', "\n"));
            }
        }
        pieces
    }

    /// Every maximal run of word chars of `text`, char by char: its start
    /// and its [`fold_key`] hash.
    fn all_runs(text: &str) -> Vec<(usize, u64)> {
        let mut runs = Vec::new();
        let mut before = false;
        for (i, c) in text.char_indices() {
            if is_word(c) && !before {
                let key = text[i..]
                    .chars()
                    .take_while(|&c| is_word(c))
                    .map(fold)
                    .fold(FOLD_KEY_SEED, fold_key);
                runs.push((i, key));
            }
            before = is_word(c);
        }
        runs
    }

    /// The walk of [`for_each_run`] calls back at runs of `text`, in order,
    /// at least at every run that has the key of a first word of its
    /// filter's phrases, stops where told to, and finds every `©`.
    fn assert_walk_agrees(text: &str) {
        let runs = all_runs(text);
        for (filter, footer) in [(&CUE_INDEX.any, false), (&CUE_INDEX.footer, true)] {
            let mut called = Vec::new();
            let walked = for_each_run(text, filter, |start, key| {
                called.push((start, key));
                false
            });
            assert_eq!(
                walked,
                Walked {
                    stopped: false,
                    copyright: text.contains('©')
                },
                "{text:?}"
            );
            let mut rest = runs.iter();
            for run in &called {
                assert!(rest.any(|r| r == run), "{run:?} in {text:?}");
            }
            for run in &runs {
                let first_word = CUE_INDEX
                    .phrases(run.1)
                    .iter()
                    .any(|p| !footer || p.lexicon == FOOTER_INDEX);
                assert!(!first_word || called.contains(run), "{run:?} in {text:?}");
            }
            for stop in 0..called.len() {
                let mut n = 0;
                let walked = for_each_run(text, filter, |_, _| {
                    n += 1;
                    n > stop
                });
                assert!(walked.stopped && n == stop + 1, "{text:?}");
            }
        }
    }

    /// [`is_count`] as it was.
    fn is_count_simple(text: &str) -> bool {
        let t = text.trim_matches(|c: char| c == '(' || c == ')' || c == '[' || c == ']');
        !t.is_empty()
            && t.len() <= 8
            && t.bytes().next().is_some_and(|b| b.is_ascii_digit())
            && t.bytes()
                .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b'k' | b'K' | b'm' | b'M'))
    }

    /// [`byline`]'s test of a name, as it was.
    fn byline_simple(text: &str) -> Option<&str> {
        if text.len() > 90 {
            return None;
        }
        if !LowerStart::of(text).starts_with_any(BYLINE_STARTS) {
            return crate::cjk::byline(text);
        }
        let name = byline_name(text)?.trim();
        let name = name
            .split(['|', '•', '·', '\u{2014}'])
            .next()
            .unwrap_or("")
            .split(" - ")
            .next()
            .unwrap_or("")
            .trim()
            .trim_end_matches([',', '.', ';']);
        let words: Vec<&str> = name.split_whitespace().collect();
        if words.is_empty() || words.len() > 8 {
            return None;
        }
        let caps_words = words
            .iter()
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .count();
        if caps_words * 2 < words.len() + 1
            || !words[0].chars().next().is_some_and(char::is_uppercase)
        {
            return None;
        }
        Some(name)
    }

    /// The new matchers and functions agree with the regexes on `text`.
    fn assert_agrees(text: &str) {
        assert_walk_agrees(text);
        assert_eq!(byline(text), byline_simple(text), "{text:?}");
        for starts in [&BYLINE, &CREDIT] {
            assert_eq!(
                starts_lower(text, starts),
                LowerStart::of(text).starts_with_any(starts.prefixes),
                "{text:?}"
            );
        }
        assert_eq!(is_count(text), is_count_simple(text), "{text:?}");
        assert_eq!(skip_space(text, 0), skip(text, 0, is_space), "{text:?}");
        for mask in [1, 2, 4, 8, 16, 32, 0b10_1010, 0b11_1111] {
            assert_eq!(
                cue_lexicons(text, mask),
                oracle::cue_lexicons(text, mask),
                "lexicons {mask:b} in {text:?}"
            );
        }
        assert_eq!(
            has_two_legal_terms(text),
            oracle::has_two_legal_terms(text),
            "{text:?}"
        );
        // Given the keys of each of the text's cells, as the scan gives them.
        let mut keys = Vec::new();
        let (shape, lex) = crate::lines::measure(text, &mut keys);
        keys.sort_unstable();
        keys.dedup();
        if lex.plain && !may_have_legal_term(text, &keys) {
            assert!(!has_two_legal_terms(text), "{text:?}");
        }
        if lex.plain && !may_have_legal_term_scanned(&keys, lex.short_legal) {
            assert!(!has_two_legal_terms(text), "{text:?}");
        }
        if !may_have_two_legal_terms_scanned(text, &keys, lex.short_legal, lex.plain) {
            assert!(!oracle::has_two_legal_terms(text), "{text:?}");
        }
        // Given what the scan measured.
        let sentence = is_sentence(shape.terminal, shape.words);
        assert_eq!(
            cue_of(text, sentence, lex.cue_notes(), &keys),
            oracle::cue(text, sentence),
            "{text:?}"
        );
        for sentence in [false, true] {
            let want = oracle::cue(text, sentence);
            assert_eq!(cue(text, sentence), want, "{text:?}");
            let plain = lex.plain.then_some(&keys[..]);
            assert_eq!(cue_with(text, sentence, plain), want, "{text:?}");
        }
        let time = match digits(text, 0) {
            (_, 0) => is_prefixed_age(text),
            (end, n) => is_clock_time(text, end, n) || is_age(text, end),
        };
        assert_eq!(time, oracle::TIME.is_match(text), "{text:?}");
        assert_eq!(is_time(text), oracle::is_time(text), "{text:?}");
        assert_eq!(count_number(text), oracle::count_number(text), "{text:?}");
        assert_eq!(comment_count(text), oracle::comment_count(text), "{text:?}");
        assert_eq!(byline_name(text), oracle::byline_name(text), "{text:?}");
        assert_eq!(credit_name(text), oracle::credit_name(text), "{text:?}");
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]
        /// A word eaten byte by byte while the bytes are ASCII ends where
        /// it ends eaten char by char: for words of the lexicons and
        /// patterns, in ASCII and not, at any start of texts of their
        /// pieces in either case and of chars that fold to ASCII letters.
        #[test]
        fn words_eaten_by_bytes_as_by_chars(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "foto", "FOTO", "Fo", "photo", "cr", "CRÉ", "crédit", "dit", "by", "BY", "door",
                "\u{17f}", "\u{212a}", "é", "É", " ", ":", "(c)", "(C)", "©", "x", "ago", "il y a",
                "hace", "há", "zdj", "ĘCIE", "ęcie", "\u{1e9e}", "ß",
            ]), 0..6),
            word in proptest::sample::select(vec![
                "foto", "fotos", "crédit", "crédits", "by", "door", "(c)", "©", "ago", "il y a",
                "há", "zdjęcie", "kontakt", "s", "ß", "fot",
            ]),
        ) {
            let text: String = parts.concat();
            for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
                proptest::prop_assert_eq!(
                    eat_fold(&text, i, word),
                    eat_fold_chars(&text, i, word),
                    "{:?} {} {:?}", text, i, word
                );
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]
        /// A byline's cuts found byte by byte are those the splits make.
        #[test]
        fn byline_cuts_as_the_splits_make_them(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a", "Jo", " ", "-", " - ", "|", "•", "·", "\u{2014}", "\u{2012}", "¸", "é",
                "\u{2022}x", "--", "  ",
            ]), 0..16)
        ) {
            let text: String = parts.concat();
            let t = text.as_str();
            proptest::prop_assert_eq!(
                before_separator(t),
                t.split(['|', '•', '·', '\u{2014}']).next().unwrap_or("")
            );
            proptest::prop_assert_eq!(before_spaced_dash(t), t.split(" - ").next().unwrap_or(""));
        }
    }

    /// [`caption_credit`] without the early turn-away of [`may_credit`].
    fn caption_credit_plain(text: &str) -> Option<&str> {
        caption_credit_by(text, |_| true)
    }

    /// Every credit word, in any ASCII case, at the start or after a byte
    /// that ends a word, passes [`may_credit`]; inside an ASCII word it
    /// starts no word, and brackets without one are turned away.
    #[test]
    fn may_credit_keeps_every_credit_word() {
        for w in CREDIT_WORDS {
            let upper = w.to_uppercase();
            for pre in ["", " ", ":", "(", "-", "«"] {
                for t in [format!("{pre}{w}"), format!("{pre}{upper}")] {
                    assert!(may_credit(&t), "{t:?}");
                    assert!(has_credit_word(&t), "{t:?}");
                }
            }
            if w.is_ascii() {
                for t in [format!("x{w}"), format!("1{upper}")] {
                    assert!(!may_credit(&t), "{t:?}");
                }
            }
        }
        for t in [
            "172",
            "edit",
            "PDF 105K",
            "seven to two",
            "xfoto",
            "1photo",
            "",
            "f",
            "see p",
        ] {
            assert!(!may_credit(t), "{t:?}");
        }
        for t in ["a/b", "© X", "é", "x Bilder"] {
            assert!(may_credit(t), "{t:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]
        /// The caption credit with the early turn-away is the one without.
        #[test]
        fn caption_credit_as_without_turn_away(
            before in proptest::collection::vec(proptest::sample::select(vec![
                "A", "view", "of", "the", "bridge.", "Jane", "(", "[", "", "é",
            ]), 0..6),
            inner in proptest::collection::vec(proptest::sample::select(vec![
                "foto", "FOTO", "Fotos", "photo", "photograph", "Pictures", "fot", "fo", "bild",
                "imagem", "crédit", "CRÉDIT", "zdjęcie", "credit", "credits", "x", "a1", "_",
                " ", ":", "/", "-", "é", "ſ", "\u{212a}", "©", "(", "[", ")", "]", "Jane",
                "Doe", "the", "edit", "172", "PDF", "view", ".", "  ", "Ph", "IM", "Be", "zd",
            ]), 0..10),
            brackets in proptest::sample::select(vec![("(", ")"), ("[", "]"), ("(", ") "), ("[", "]x")]),
        ) {
            let text = format!("{} {}{}{}", before.join(" "), brackets.0, inner.concat(), brackets.1);
            proptest::prop_assert_eq!(
                caption_credit(&text),
                caption_credit_plain(&text),
                "{:?}", text
            );
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]
        /// The credit words found byte by byte in ASCII text are those
        /// found char by char.
        #[test]
        fn credit_words_as_found_char_by_char(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "foto", "FOTO", "Fotos", "photo", "photograph", "Pictures", "fot", "fo", "bild",
                "imagem", "crédit", "CRÉDIT", "zdjęcie", "credit", "credits", "x", "a1", "_",
                " ", ":", "/", "-", "é", "ſ", "\u{212a}", "©", "(", "Jane", "Doe",
            ]), 0..12)
        ) {
            let text: String = parts.concat();
            proptest::prop_assert_eq!(
                has_credit_word(&text),
                has_credit_word_by_chars(&text),
                "{:?}", text
            );
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]
        /// A line is metadata where one of the three matchers finds it so.
        #[test]
        fn meta_as_the_matchers_find_it(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "By", "by", "BY", "door", "Door", "von", "par", "Tekst", "text", "texte", "TEXTE",
                "Foto", "photo", "Bild", "Imag", "credit", "Crédit", "CRÉDIT", "beeld", "picture",
                "©", "(c)", "(C)", "zdjęcie", "ZDJĘCIE", "fot", "Écrit", "écrit", "reporting",
                "\u{212a}", "tek", "st", "d", "oor", "b", "y", ":", ": ", " ", "  ", "Jane",
                "Doe", "2024", "|", "-", "x", "é", "ß",
            ]), 0..8)
        ) {
            let text: String = parts.concat();
            let t = text.as_str();
            proptest::prop_assert_eq!(
                is_meta(t),
                image_credit(t).is_some() || byline(t).is_some() || is_bare_byline_marker(t),
                "{:?}", t
            );
        }
    }

    #[test]
    fn matchers_agree_with_the_regexes_on_chosen_lines() {
        for text in [
            "",
            " ",
            "privacy policy",
            "Privacy, cookies",
            "privacy cookies",
            "privacy,cookies",
            "cookies_privacy",
            "²home",
            "ſubscribe now",
            "\u{212a}ontakt",
            "Schließen",
            "SCHLIEẞEN",
            "Kontakt\u{301}",
            "home\u{200d}",
            "Editor's picks",
            "editor’s picks",
            "E-mail",
            "e - mail",
            "à lire aussi",
            "Lesen\u{a0}Sie \tauch",
            "lesen\nsie auch",
            "Terms of Use and Privacy Policy apply; all rights reserved.",
            "12:00",
            "9.30",
            "20h45",
            "20H45",
            "10:30 PM",
            "10:30:15pm",
            "123:45",
            "1:234",
            "12:3",
            "12:30:5",
            "12:30:",
            "12:30:45 u",
            "12h",
            "1.5",
            "٣:٤٥",
            "3 hours ago",
            "3hago",
            "5 min",
            "2 dagen geleden",
            "vor 2 Stunden",
            "vor 2 Stunden!",
            "il y a 3 jours",
            "hace 5 minutos",
            "há 2 dias",
            "3 ſeconds",
            "2 reacties",
            "12 Comments",
            "Kommentare (3)",
            "Comments: 1.234",
            "comments ( 12 ]",
            "Comments",
            "٣ comments",
            "1٣ comments",
            "Reply 99999999999",
            "By Jamelle Bouie",
            "By: Jane",
            "by\nJane",
            "by :\n Jane",
            "by Jane\nDoe",
            "Dave Smith",
            "Autore: Mario Rossi",
            "written by Jane Doe",
            "Foto: © photonews",
            "Foto: ©",
            "Foto: ©  ",
            "Foto: (C)",
            "Foto:\n",
            "Foto: \n",
            "Foto :  x",
            "Fotos | ANP",
            "© Reuters",
            "(c) AFP",
            "©",
            "© \n",
            "Photo © Jane",
            "Photo  (c)  Jane",
            "Image ©",
            "© 2024 Example Media. All rights reserved.",
            "Czytaj także:",
            "ŁAŃCUCH",
            "Śledź nas",
            "ŚLEDŹ NAS",
            "o nas",
            "O  NAS",
            "Wszelkie prawa zastrzeżone",
            "5 minut temu",
            "1 godz. temu",
            "1 GODZ.TEMU",
            "10 minuti fa",
            "2 horas atrás",
            "12 komentarzy",
            "Komentarze (3)",
            "Odpowiedzi: 4",
            "Zdjęcie: Jan Kowalski",
            "ZDJĘCIA | PAP",
            "Fot: Anna Nowak",
            "Imagem: Maria Silva",
            "Autor: Jan Kowalski",
        ] {
            assert_agrees(text);
        }
    }

    #[test]
    fn quick_tests_assume_what_holds() {
        for b in 0..=0x7Fu8 {
            let ascii_space = matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r');
            assert_eq!(ascii_space, char::from(b).is_whitespace(), "{b:#x}");
            let word = char::from(b);
            assert_eq!(BYTE_WORD_FOLD[usize::from(b)] != 0, is_word(word), "{b:#x}");
            // The byte-parallel word test, on each byte of a word of bytes.
            for at in 0..8 {
                let x = u64::from(b) << (8 * at) | 0x8040_0180_7F20_2100 & !(0xFF << (8 * at));
                let high = ascii_word_bytes(x) >> (8 * at) & 0xFF;
                assert_eq!(high == 0x80, is_word(word), "{b:#x} at {at}");
                assert!(high == 0 || high == 0x80);
            }
        }
        for b in 0x80..=0xFFu8 {
            assert_eq!(ascii_word_bytes(u64::from(b) * ONES), 0);
        }
        for prefixes in [BYLINE_STARTS, CREDIT_STARTS] {
            for p in prefixes {
                assert!((2..=STARTS_MAX_LEN).contains(&p.len()), "{p}");
                assert_eq!(p.to_lowercase(), *p);
            }
        }
        // Runs across the sixteen-byte steps of the walk, and to the end.
        let mut text = String::new();
        for n in 0..70 {
            for sep in ["", " ", "é", "’", "©", "_"] {
                for word in [
                    "privacy",
                    "Cookies",
                    "abcdefghijklmnopqrstu",
                    "home",
                    "ſhare",
                ] {
                    let line = format!("{text}{sep}{word}");
                    assert_agrees(&line);
                    assert_agrees(&format!("{line} x"));
                }
            }
            text.push(if n % 7 == 3 { ' ' } else { 'x' });
        }
    }

    #[test]
    fn matchers_find_what_they_should() {
        // Cue phrases as whole words, case and white space aside.
        assert_eq!(cue_lexicons("Lees\u{a0}OOK", 0b10), 0b10);
        assert_eq!(cue_lexicons("Shareholders", 0b100), 0);
        assert_eq!(cue_lexicons("ſhare", 0b100), 0b100);
        assert_eq!(cue_lexicons("share_", 0b100), 0);
        assert_eq!(cue_lexicons("²share", 0b100), 0b100);
        assert_eq!(cue_lexicons("Share your comments", 0b11_1111), 0b101);
        // Two legal terms need their own boundaries.
        assert!(has_two_legal_terms("Privacy, cookies"));
        assert!(!has_two_legal_terms("privacy cookies"));
        assert!(has_two_legal_terms("privacy  cookies"));
        assert!(!has_two_legal_terms("privacy policy"));
        // The names, counts and times the regexes captured.
        assert_eq!(count_number("Kommentare (3)"), Some("3"));
        assert_eq!(count_number("٣ comments"), Some("٣"));
        assert_eq!(comment_count("٣ comments"), None);
        assert_eq!(byline_name("by :\n Jane"), Some("Jane"));
        assert_eq!(byline_name("by Jane\nDoe"), None);
        assert_eq!(byline_name("Autore: Mario"), Some("e: Mario"));
        assert_eq!(credit_name("Foto: ©"), Some("©"));
        assert_eq!(credit_name("Foto: © "), Some(" "));
        assert_eq!(credit_name("Fotos | ANP"), Some("ANP"));
        assert_eq!(credit_name("Foto:\n"), None);
        assert!(is_time("٣:٤٥") && is_time("3hago") && !is_time("vor 2 Stunden!"));
        assert!(is_time("12:30:45 u") && !is_time("12:3") && !is_time("12:30:5"));
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]
        #[test]
        fn matchers_agree_with_the_regexes(
            parts in proptest::collection::vec(proptest::sample::select(pieces()), 0..12)
        ) {
            assert_agrees(&parts.concat());
        }

        #[test]
        fn matchers_agree_with_the_regexes_on_spaced_words(
            parts in proptest::collection::vec(
                (proptest::sample::select(pieces()), proptest::sample::select(vec![" ", ", ", "\t", " | ", ""])),
                0..6,
            )
        ) {
            let text: String = parts.iter().flat_map(|(w, s)| [w.as_str(), *s]).collect();
            assert_agrees(&text);
        }
    }

    #[test]
    fn legal_terms_are_walked_for_only_where_keys_or_bytes_may_hold_one() {
        let prose = "The council met on Monday and agreed to build the bridge, which will open next year after a long debate.";
        for (text, gated) in [
            (prose, true),
            ("Read our Privacy Policy and the Terms of Use. All rights reserved.", false),
            ("AGB und agb: the rules of the shop, as it sets them out for its customers.", false),
            ("Privacy\u{b2} and \u{17f}ite map and \u{212a}ontakt, the notices of the shop for all readers.", false),
            ("privacy_policy and privacy, terms_of_use and terms of use, for the readers of the shop.", false),
            ("\u{dc}ber uns und Datenschutzerkl\u{e4}rung: what the shop says of itself and of its readers.", false),
        ] {
            let mut keys = Vec::new();
            let (_, lex) = crate::lines::measure(text, &mut keys);
            let plain = lex.plain.then_some(&keys[..]);
            assert_eq!(
                plain.is_some_and(|k| !may_have_legal_term(text, k)),
                gated,
                "{text:?}"
            );
            for sentence in [false, true] {
                assert_eq!(cue_with(text, sentence, plain), cue(text, sentence), "{text:?}");
            }
        }
    }

    /// Compare the matchers with the regexes on every line, and every cell
    /// (split at tabs and runs of three spaces, trimmed), of the `*.txt`
    /// files under the directories in `DUMPCLEAN_LEXICON_CORPUS`
    /// (separated by `:`). Run with `--ignored`.
    #[test]
    #[ignore]
    fn matchers_agree_with_the_regexes_on_a_corpus() {
        fn walk(dir: &std::path::Path, files: &mut Vec<std::path::PathBuf>) {
            let Ok(entries) = std::fs::read_dir(dir) else {
                return;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, files);
                } else if path.extension().is_some_and(|e| e == "txt") {
                    files.push(path);
                }
            }
        }
        let dirs = std::env::var("DUMPCLEAN_LEXICON_CORPUS").expect("DUMPCLEAN_LEXICON_CORPUS");
        let mut files = Vec::new();
        for dir in dirs.split(':') {
            walk(std::path::Path::new(dir), &mut files);
        }
        files.sort();
        let (mut lines, mut texts) = (0usize, 0usize);
        for file in &files {
            let Ok(content) = std::fs::read_to_string(file) else {
                continue;
            };
            for line in content.lines() {
                lines += 1;
                let cells = line.split('\t').flat_map(|c| c.split("   ")).map(str::trim);
                for text in std::iter::once(line).chain(cells) {
                    assert_agrees(text);
                    texts += 1;
                }
            }
        }
        eprintln!(
            "{} files, {lines} lines: {texts} lines and cells agree",
            files.len()
        );
        assert!(texts > 0);
    }

    #[test]
    fn short_legal_runs_are_those_of_the_legal_terms() {
        let mut runs = SHORT_LEGAL_RUNS.to_vec();
        runs.sort_unstable();
        assert_eq!(runs, LEGAL_WITNESSES.short_keys);
        for (word, key) in [("agb", SHORT_LEGAL_RUNS[0]), ("nas", SHORT_LEGAL_RUNS[1])] {
            assert_eq!(crate::keys::norm_key(word), key);
            assert!(word.len() < crate::keys::MIN_CONTENT_WORD);
            assert!(SHORT_LEGAL_LENGTHS >> word.len() & 1 != 0);
        }
        // A run's key is that of its chars' lowercase forms: a run of
        // another length has the key of one of the words only where a
        // char outside ASCII lowercases to ASCII letters of a word.
        let letters: String = SHORT_LEGAL_WORDS.concat();
        for c in (0x80..=0x10_FFFF).filter_map(char::from_u32) {
            let lower: String = c.to_lowercase().collect();
            assert!(
                !lower.is_ascii() || !lower.chars().any(|l| letters.contains(l)),
                "{c:?}"
            );
        }
    }

    #[test]
    fn lexicon_indices_name_their_lexicons() {
        assert_eq!(CUE_ORDER[COMMENTS_INDEX].1, Cue::Comments);
        assert_eq!(CUE_ORDER[FOOTER_INDEX].1, Cue::Footer);
    }

    #[test]
    fn cues_across_languages() {
        let cue_short = |t| cue(t, false);
        assert_eq!(cue_short("LEES OOK: 'iets'"), Some(Cue::Related));
        assert_eq!(cue_short("Lesen Sie auch"), Some(Cue::Related));
        assert_eq!(
            cue_short("Schrijf je nu in voor de nieuwsbrief"),
            Some(Cue::Promo)
        );
        assert_eq!(cue_short("Nieuwste reacties"), Some(Cue::Comments));
        assert_eq!(
            cue_short("Contacteer ons / Over ons / Privacybeleid"),
            Some(Cue::Footer)
        );
        assert_eq!(cue_short("Skip to content"), Some(Cue::Navigation));
        assert_eq!(cue_short("Het weer was mooi vandaag in de stad."), None);
        // A word inside another word is no cue.
        assert_eq!(cue_short("Shareholders met today"), None);
    }

    /// Related-list and tag-list heads of news pages in German, French,
    /// Spanish, Italian and Polish.
    #[test]
    fn related_and_tag_heads_across_languages() {
        for head in [
            "Empfehlungen",
            "Am meisten gelesen",
            "Beliebteste Artikel",
            "Schlagwörter",
            "Lesen Sie mehr",
            "Plus d'actualités",
            "Mots-clés",
            "Lo más visto",
            "Lo más leído",
            "Mira también",
            "Más información",
            "Archivado En",
            "Etiquetas:",
            "Da non perdere",
            "Popularne",
            "Tagi:",
        ] {
            assert_eq!(cue(head, false), Some(Cue::Related), "{head:?}");
        }
    }

    #[test]
    fn cues_in_polish() {
        let cue_short = |t| cue(t, false);
        assert_eq!(cue_short("Czytaj także:"), Some(Cue::Related));
        assert_eq!(cue_short("ZOBACZ TEŻ"), Some(Cue::Related));
        assert_eq!(cue_short("Najczęściej czytane"), Some(Cue::Related));
        assert_eq!(cue_short("Komentarze (12)"), Some(Cue::Comments));
        assert_eq!(cue_short("Dodaj komentarz"), Some(Cue::Comments));
        assert_eq!(cue_short("Zapisz się do newslettera"), Some(Cue::Promo));
        assert_eq!(cue_short("Udostępnij"), Some(Cue::Promo));
        assert_eq!(cue_short("REKLAMA"), Some(Cue::Promo));
        assert_eq!(
            cue_short("Regulamin | Polityka prywatności"),
            Some(Cue::Footer)
        );
        assert_eq!(
            cue_short("© 2024 Wszelkie prawa zastrzeżone"),
            Some(Cue::Footer)
        );
        assert_eq!(cue_short("WSZELKIE PRAWA ZASTRZEŻONE"), Some(Cue::Footer));
        assert_eq!(cue_short("Strona główna"), Some(Cue::Navigation));
        assert_eq!(cue_short("Szukaj"), Some(Cue::Navigation));
        assert_eq!(cue_short("Zaloguj się"), Some(Cue::Navigation));
        assert_eq!(cue_short("Terminarz i wyniki"), Some(Cue::Fixtures));
        // Menu words are cues in menus only, and prose is no cue.
        assert_eq!(
            cue_short("Rada miasta zdecydowała, że szukaj trzeba dalej nowego wykonawcy"),
            None
        );
        assert_eq!(cue_short("Most na Wiśle został otwarty po remoncie."), None);
        // A sentence naming two legal terms is a legal notice.
        let legal = "Korzystanie z serwisu oznacza akceptację regulaminu, a zasady opisuje nasza polityka prywatności oraz regulamin serwisu.";
        assert_eq!(cue(legal, true), Some(Cue::Footer));
    }

    /// Each short line is cued as `want`, by either matcher.
    fn assert_cues(lines: &[(&str, Cue)]) {
        for &(line, want) in lines {
            assert_eq!(cue(line, false), Some(want), "{line}");
            assert_agrees(line);
        }
    }

    #[test]
    fn cues_in_german_french_spanish_italian_and_portuguese() {
        assert_cues(&[
            ("Das könnte Sie auch interessieren", Cue::Related),
            ("Weitere Nachrichten", Cue::Related),
            ("Weiterlesen", Cue::Related),
            ("Jetzt Abo abschließen", Cue::Promo),
            ("Anzeige", Cue::Promo),
            ("Impressum | Datenschutz | Barrierefreiheit", Cue::Footer),
            ("Startseite", Cue::Navigation),
            ("Zum Inhalt springen", Cue::Navigation),
            ("Spielplan", Cue::Fixtures),
            ("Lire la suite", Cue::Related),
            ("Vous aimerez aussi", Cue::Related),
            ("Inscrivez-vous", Cue::Promo),
            ("Plan du site", Cue::Footer),
            ("Accueil", Cue::Navigation),
            ("Ver más", Cue::Related),
            ("Artículos relacionados", Cue::Related),
            ("Suscríbase al boletín", Cue::Promo),
            ("Términos y condiciones", Cue::Footer),
            ("Quiénes somos", Cue::Footer),
            ("Inicio", Cue::Navigation),
            ("Tabla de posiciones", Cue::Fixtures),
            ("Ti potrebbe interessare", Cue::Related),
            ("Altre notizie", Cue::Related),
            ("Chi siamo", Cue::Footer),
            ("Partita IVA 01234567890", Cue::Footer),
            ("Torna su", Cue::Navigation),
            ("Calendario", Cue::Fixtures),
            ("Você também pode gostar", Cue::Related),
            ("Mais lidos", Cue::Related),
            ("Inscreva-se", Cue::Promo),
            ("Fale conosco", Cue::Footer),
            ("Página inicial", Cue::Navigation),
            ("Tabela", Cue::Fixtures),
        ]);
    }

    #[test]
    fn cues_of_buttons_galleries_apps_polls_consent_and_paywalls() {
        assert_cues(&[
            ("Nächster Artikel", Cue::Related),
            ("Vorheriger Artikel", Cue::Related),
            ("Empfehlungen der Redaktion", Cue::Related),
            ("Top-Themen", Cue::Related),
            ("Bildergalerie", Cue::Related),
            ("Weitere Videos", Cue::Related),
            ("Photo Gallery", Cue::Related),
            ("Galerie photos", Cue::Related),
            ("Galería de fotos", Cue::Related),
            ("Articolo successivo", Cue::Related),
            ("Próximo artigo", Cue::Related),
            ("Galeria zdjęć", Cue::Related),
            ("Zum Kommentarbereich", Cue::Comments),
            ("Diskutieren Sie mit", Cue::Comments),
            ("Praat mee", Cue::Comments),
            ("Unsere Apps", Cue::Promo),
            ("App herunterladen", Cue::Promo),
            ("Download our app", Cue::Promo),
            ("Télécharger l'application", Cue::Promo),
            ("Video abspielen", Cue::Promo),
            ("Artikel anhören", Cue::Promo),
            ("Merkliste", Cue::Promo),
            ("Lesezeit: 3 Min.", Cue::Promo),
            ("3 Min. Lesezeit", Cue::Promo),
            ("Lesedauer: 4 Minuten", Cue::Promo),
            ("5 min read", Cue::Promo),
            ("Reading time: 3 minutes", Cue::Promo),
            ("Temps de lecture : 3 min", Cue::Promo),
            ("3 min de lectura", Cue::Promo),
            ("Tempo di lettura: 3 minuti", Cue::Promo),
            ("Tempo de leitura: 3 min", Cue::Promo),
            ("Czas czytania: 3 min", Cue::Promo),
            ("Leestijd: 3 minuten", Cue::Promo),
            ("Twittern", Cue::Promo),
            ("Per Mail versenden", Cue::Promo),
            ("Mehr anzeigen", Cue::Navigation),
            ("Load more", Cue::Navigation),
            ("Toon meer", Cue::Navigation),
            ("Afficher plus", Cue::Navigation),
            ("Cargar más", Cue::Navigation),
            ("Mostra di più", Cue::Navigation),
            ("Carregar mais", Cue::Navigation),
            ("Pokaż więcej", Cue::Navigation),
            ("Alle akzeptieren", Cue::Footer),
            ("Reject all", Cue::Footer),
            ("Tout accepter", Cue::Footer),
            ("Aceptar todas", Cue::Footer),
            ("Nur für Abonnenten", Cue::Promo),
            ("Subscribers only", Cue::Promo),
            ("Partnerinhalt", Cue::Promo),
            ("Ähnliche Themen", Cue::Related),
            ("Schlagworte", Cue::Related),
            ("Zu den Kommentaren", Cue::Comments),
            ("Link kopieren", Cue::Promo),
            ("Copiar enlace", Cue::Promo),
            ("Fehler melden", Cue::Promo),
            ("Hauptnavigation", Cue::Navigation),
            ("Verwandte Themen", Cue::Related),
            ("Unsere Empfehlung", Cue::Related),
            ("Alle Artikel", Cue::Related),
            ("All articles", Cue::Related),
            ("Was this article helpful?", Cue::Promo),
            ("War dieser Artikel hilfreich?", Cue::Promo),
            ("Wie finden Sie diesen Artikel?", Cue::Promo),
            ("Take our poll", Cue::Promo),
            ("Zur Umfrage", Cue::Promo),
            ("Jetzt abstimmen", Cue::Promo),
            ("Start your free trial", Cue::Promo),
            ("Jetzt kostenlos testen", Cue::Promo),
            ("Laden Sie unsere App herunter", Cue::Promo),
            ("Téléchargez l'application", Cue::Promo),
            ("Externer Inhalt", Cue::Promo),
            ("Empfohlener externer Inhalt", Cue::Promo),
            ("Inhalt laden", Cue::Promo),
            ("External content", Cue::Promo),
            ("Contenu externe", Cue::Promo),
            ("Cargar contenido", Cue::Promo),
            ("Treść zewnętrzna", Cue::Promo),
            ("Listen to article", Cue::Promo),
            ("Vorlesen", Cue::Promo),
            ("Audio abspielen", Cue::Promo),
            ("Diesen Artikel bewerten", Cue::Promo),
            ("Jetzt Artikel freischalten", Cue::Promo),
            ("Lees voor", Cue::Promo),
            ("Écouter cet article", Cue::Promo),
            ("Ascolta l'articolo", Cue::Promo),
            ("Escuchar noticia", Cue::Promo),
            ("Ouça este artigo", Cue::Promo),
            ("Posłuchaj artykułu", Cue::Promo),
            ("Aceptar todo", Cue::Footer),
            ("Odrzuć wszystkie", Cue::Footer),
            ("Privatsphäre-Einstellungen", Cue::Footer),
            ("Newest first", Cue::Comments),
            ("Älteste zuerst", Cue::Comments),
            ("Mehr zu diesem Thema", Cue::Related),
            ("Continuar lendo", Cue::Related),
            ("Wróć na górę", Cue::Navigation),
            ("Already a subscriber?", Cue::Promo),
            ("Réservé aux abonnés", Cue::Promo),
            ("Contenido exclusivo para suscriptores", Cue::Promo),
            ("Já é assinante?", Cue::Promo),
            ("Artykuł dostępny dla subskrybentów", Cue::Promo),
            ("Alleen voor abonnees", Cue::Promo),
            ("Cookiebeleid", Cue::Footer),
        ]);
        let cue_short = |t| cue(t, false);
        // A headline with the phrases' words in another order is no cue,
        // nor one holding a menu phrase (menus are five words at most).
        assert_eq!(
            cue_short("Die Galerie zeigt nächste Woche neue Videos"),
            None
        );
        assert_eq!(
            cue_short("Stadtrat will mehr anzeigen lassen als bisher erlaubt war"),
            None
        );
    }

    /// Chinese (traditional and simplified) and Japanese labels, each a run
    /// of word chars of its own; inside a longer run (no space in CJK
    /// text) a label is no cue.
    #[test]
    fn cues_in_chinese_and_japanese() {
        assert_cues(&[
            ("相關文章", Cue::Related),
            ("延伸阅读", Cue::Related),
            ("上一篇：海邊小鎮的週末", Cue::Related),
            ("関連記事", Cue::Related),
            ("留言", Cue::Comments),
            ("发表评论", Cue::Comments),
            ("コメント (3)", Cue::Comments),
            ("分享到 Facebook", Cue::Promo),
            ("隱私權政策 | 服務條款", Cue::Footer),
            ("联系我们", Cue::Footer),
            ("首頁", Cue::Navigation),
            ("返回顶部", Cue::Navigation),
        ]);
        assert_eq!(cue("網友留言", false), None);
        assert_eq!(cue("關於我們的故事", false), None);
    }

    #[test]
    fn sentences_are_cued_only_as_legal_notices() {
        let s = "The minister declined to comment on the report, saying the inquiry had to finish.";
        assert_eq!(cue(s, true), None);
        let legal =
            "Use of this site constitutes acceptance of our User Agreement and Privacy Policy.";
        assert_eq!(cue(legal, true), Some(Cue::Footer));
    }

    #[test]
    fn times_and_counts() {
        assert!(is_time("12:00"));
        assert!(is_time("3 hours ago"));
        assert!(is_time("vor 2 Stunden"));
        assert!(is_time("5 minut temu"));
        assert!(is_time("2 godziny temu"));
        assert!(is_time("1 godz. temu"));
        assert!(is_time("3 DNI TEMU"));
        assert!(is_time("10 minuti fa"));
        assert!(is_time("2 horas atrás"));
        assert!(is_time("hace 5 minutos"));
        assert!(!is_time("5 minut temu, jak"));
        assert!(!is_time("12:00 uur was het druk in de stad"));
        assert!(is_count("38"));
        assert!(is_count("(12)"));
        assert!(is_count("1.2k"));
        assert!(!is_count("2025 was een jaar"));
    }

    #[test]
    fn comment_counts() {
        assert_eq!(comment_count("2 reacties"), Some(2));
        assert_eq!(comment_count("12 Comments"), Some(12));
        assert_eq!(comment_count("Kommentare (3)"), Some(3));
        assert_eq!(comment_count("12 komentarzy"), Some(12));
        assert_eq!(comment_count("Komentarze (3)"), Some(3));
        assert_eq!(comment_count("KOMENTARZE: 7"), Some(7));
        assert_eq!(comment_count("Odpowiedzi (2)"), Some(2));
        assert_eq!(comment_count("4 respostas"), Some(4));
        assert_eq!(comment_count("5 réponses"), Some(5));
        assert_eq!(comment_count("Comments"), None);
    }

    #[test]
    fn comments_phrases_that_label_a_title() {
        for text in [
            "Kommentar: Ein teurer Frieden",
            "Kommentar zum Haushalt: Ein teurer Frieden",
            "Comment: The price of peace",
            "KOMMENTAR:  Die Stadt braucht mehr Mut",
        ] {
            assert!(comments_label_a_title(text), "{text:?}");
        }
        for text in [
            "Kommentare",
            "Kommentare (3)",
            "Comments: 12",
            "Comments: none",
            "Leave a comment",
            "Interview: Der Bürgermeister über die Brücke",
            "12 Kommentare zu \u{201e}Der neue Radweg\u{201c}",
        ] {
            assert!(!comments_label_a_title(text), "{text:?}");
        }
    }

    #[test]
    fn titled_comments_heads() {
        assert_eq!(
            titled_comments_head("38 comments to What questions?"),
            Some((38, "What questions?"))
        );
        assert_eq!(
            titled_comments_head("1,204 Responses to  \"A Post\""),
            Some((1204, "\"A Post\""))
        );
        let count = |text| titled_comments_head(text).map(|h| h.0);
        assert_eq!(count("One thought on \"A Post\""), Some(1));
        assert_eq!(count("No Responses to \"A Post\""), Some(0));
        assert_eq!(count("99999999999 comments on \"A Post\""), None);
        for head in [
            "38 comments to What questions do you have?",
            "One thought on \u{201c}How to Add a Widget\u{201d}",
            "12 Responses to \"Depth Compositing\"",
            "No Responses to \u{201c}Nokia N96 Update\u{201d}",
            "1 reactie op \u{201c}Een nieuwe brug\u{201d}",
            "12 Kommentare zu \u{201e}Der neue Radweg\u{201c}",
            "Ein Gedanke zu \u{201e}Der neue Radweg\u{201c}",
            "Un commentaire sur \u{ab} Le pont \u{bb}",
            "2 comentarios en \u{ab}El puente\u{bb}",
            "Um coment\u{e1}rio em \u{201c}A ponte\u{201d}",
            "3 commenti su \u{ab}Il ponte\u{bb}",
            "5 komentarzy do \u{201e}Nowy most\u{201d}",
        ] {
            assert!(titled_comments_head(head).is_some(), "{head}");
        }
        for other in [
            // A bare count or head: found by the comment-count and cue rules.
            "12 comments",
            "Comments to this post",
            // No title after the link word.
            "38 comments on",
            // Not a count of replies.
            "6 Tips for Attracting More Comments",
            "3 ways to respond to comments",
            "One reason to read on",
            // Running text after the link word.
            "2025 comments to the council were read",
            "",
        ] {
            assert_eq!(titled_comments_head(other), None, "{other}");
        }
    }

    #[test]
    fn bylines_after_a_date() {
        assert_eq!(
            byline_after_date("Posted on March 3, 2024 by Ruth"),
            Some("Ruth")
        );
        assert_eq!(
            byline_after_date("Geplaatst op 3 maart 2024 door Jan Jansen"),
            Some("Jan Jansen")
        );
        assert_eq!(
            byline_after_date("Publié le 3 mars 2024 par Marie Dupont"),
            Some("Marie Dupont")
        );
        assert_eq!(
            byline_after_date("Posted on March 3, 2024 by Ed Hardy on Wednesday"),
            Some("Ed Hardy")
        );
        assert_eq!(
            byline_after_date("March 3, 2024 by Todd Bishop 1 Comment"),
            Some("Todd Bishop")
        );
        assert_eq!(
            byline_after_date("3 March 2024 by James Cartwright, Monday"),
            Some("James Cartwright")
        );
        for other in [
            "Posted on March 3, 2024",
            "Updated March 3, 2024 by the council",
            "March 3, 2024",
        ] {
            assert_eq!(byline_after_date(other), None, "{other}");
        }
    }

    #[test]
    fn bylines() {
        assert_eq!(byline("By Jamelle Bouie"), Some("Jamelle Bouie"));
        assert_eq!(byline("door Jan Jansen | 12 mei"), Some("Jan Jansen"));
        assert_eq!(byline("Von Max Muster"), Some("Max Muster"));
        assert_eq!(byline("door"), None);
        assert!(is_bare_byline_marker("door"));
        for marker in ["By:", "VON", "Texte", "tekst:"] {
            assert!(is_bare_byline_marker(marker), "{marker}");
        }
        for other in ["Home", "bye", "door.", "Über", "texte:x", "by the"] {
            assert!(!is_bare_byline_marker(other), "{other}");
        }
        assert_eq!(byline("De wedstrijd begon laat"), None);
        assert_eq!(byline("Autor: Jan Kowalski"), Some("Jan Kowalski"));
        // An opinion piece's or an analysis's byline.
        assert_eq!(
            byline("Ein Kommentar von Thomas Berger"),
            Some("Thomas Berger")
        );
        assert_eq!(byline("Eine Analyse von Anna Weber"), Some("Anna Weber"));
        assert_eq!(byline("Analysis by Jane Doe"), Some("Jane Doe"));
        assert_eq!(
            byline("Ein Artikel von Lena Hoffmann"),
            Some("Lena Hoffmann")
        );
        assert_eq!(byline("Ein Artikel über die Wahl"), None);
        assert_eq!(byline("Ein Kommentar zur Lage der Nation"), None);
        assert_eq!(byline("Eine Frage der Zeit"), None);
    }

    /// The units picked by the table of first chars are those that start
    /// with the char, for every char (`fold` gives any).
    #[test]
    fn age_units_are_picked_by_first_char_as_by_trying_each() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let bits = AGE_UNIT_FIRSTS.get(c as usize).copied().unwrap_or(0);
            for (k, unit) in AGE_UNITS.iter().enumerate() {
                assert_eq!(bits >> k & 1 != 0, unit.starts_with(c), "{c:?} {unit}");
            }
        }
        assert!(is_time("3 Minuten geleden") && is_time("2 d") && !is_time("3 Autos"));
    }

    /// A line that reserves the rights carries the legal cue: each phrase
    /// of [`RIGHTS_RESERVED`] is a term of the footer lexicon.
    #[test]
    fn rights_phrases_are_legal_terms() {
        for phrase in RIGHTS_RESERVED {
            assert!(FOOTER_WORDS.contains(phrase), "{phrase}");
            assert_eq!(cue(phrase, false), Some(Cue::Footer), "{phrase}");
        }
    }

    /// A rights notice reserves the rights, or names a copyright with a
    /// year; a bare mark or a year alone is none.
    #[test]
    fn rights_notices_reserve_rights_or_date_a_copyright() {
        for notice in [
            "© 2019 CBS Interactive Inc. All Rights Reserved.",
            "Copyright 2000 - 2008 WorldNow, WTNH, and Associated Press.",
            "© 2025 Beispiel Medien GmbH",
            "Alle Rechte vorbehalten",
            "TOUS DROITS RÉSERVÉS",
            "(c) 1999 Example Ltd",
            "Ⓒ Redakcja. Wszelkie prawa zastrzeżone.",
            "版权所有 © 某某网",
        ] {
            assert!(rights_notice(notice), "{notice}");
        }
        for other in [
            "Foto: © dpa",
            "Little Green Man © Rex",
            "© dpa-infocom, dpa:250808-99-112233/2",
            "Copyright",
            "8. August 2025",
            "© 12345 copies",
            "Rights and permissions",
        ] {
            assert!(!rights_notice(other), "{other}");
        }
    }

    /// A long line is a legal notice when it names two different legal
    /// terms; a sentence that names one twice is text.
    #[test]
    fn legal_notices_name_two_different_terms() {
        let footer =
            "Read our privacy policy and the terms of use before you sign up for the newsletter.";
        assert_eq!(cue(footer, true), Some(Cue::Footer));
        for text in [
            "The newest versions handle extensions well: add a button to any specific contact, then dial it from the contact.",
            "The council said the plan would bring jobs to the town, and more jobs to the villages around it next year.",
        ] {
            assert_eq!(cue(text, true), None, "{text}");
        }
    }

    /// A cookie-consent banner's sentences name cookies and the ads they
    /// are for: legal notices, in any language; a recipe's cookies, a
    /// court's consent, or an embed's consent notice between two paragraphs
    /// (which, read as the page's legal footer, would end the article for
    /// the models) are not.
    #[test]
    fn consent_banners_are_legal_notices() {
        for text in [
            "We and our partners use cookies and process personal data for personalised ads and content measurement.",
            "We use cookies and other tracking technologies to show personalized content and targeted ads.",
            "By choosing I Accept, you consent to our use of cookies and other tracking technologies.",
            "Wir und unsere Partner verwenden Cookies und verarbeiten Daten f\u{fc}r personalisierte Anzeigen und Inhalte.",
            "Nous et nos partenaires utilisons des cookies pour vous proposer des publicit\u{e9}s personnalis\u{e9}es.",
            "Utilizamos cookies propias y de terceros para mostrarle publicidad personalizada.",
        ] {
            assert_eq!(cue(text, true), Some(Cue::Footer), "{text}");
        }
        for text in [
            "Roll out the cookie dough and cut out the cookies using a rectangular cookie cutter, then bake them.",
            "The court found that the patient had not given her consent to the second operation, the report said.",
            "Die Eltern m\u{fc}ssen ihre Einwilligung schriftlich geben, bevor die Kinder an der Fahrt teilnehmen.",
            "Mit Ihrer Einwilligung werden Inhalte von Drittanbietern angezeigt. Mehr dazu in unserer Datenschutzerkl\u{e4}rung.",
            "Ce contenu est bloqu\u{e9} car vous n'avez pas accept\u{e9} les cookies et autres traceurs.",
        ] {
            assert_eq!(cue(text, true), None, "{text}");
        }
    }

    /// Long plain lines are walked for two legal terms only where their
    /// witnesses' runs stand twice or more where the terms may; the cue is
    /// the regexes' either way.
    #[test]
    fn legal_walks_need_two_witnesses_or_one_twice() {
        let prose = "We drove over the hills and talked of the long winter ahead of the group.";
        for (text, walked) in [
            (prose, false),
            (
                "We drove over the hills and then over the river, with nothing ahead of us.",
                false,
            ),
            (
                "We drove OVER the hills and then Over ons and the river, the winter ahead.",
                false,
            ),
            (
                "We drove OVER ONS and then Over \t\u{a0}ons, the river and the winter ahead.",
                true,
            ),
            (
                "We drove over onsen and then over-ons, the river and the winter ahead of us.",
                false,
            ),
            (
                "The terms of use and the terms of the shop, as it sets them out for all.",
                false,
            ),
            (
                "The terms of use and the terms of  service of the shop, as it sets them out.",
                true,
            ),
            (
                "Contact us about the privacy policy of the shop, as it sets it out for all.",
                true,
            ),
            (
                "Read the privacy policy of the shop and the privacy notes, as it sets them out.",
                true,
            ),
            (
                "Privacy: the shop keeps the notes of its readers for a year, as it sets out.",
                false,
            ),
            (
                "Privacy policy: the shop keeps the notes of its readers for a year, as set out.",
                false,
            ),
            (
                "Privacy, privacy: the shop keeps the notes of its readers, as it sets them out.",
                true,
            ),
            (
                "The overview of privacy: the shop keeps notes of its readers, as it sets out.",
                false,
            ),
        ] {
            let (shape, lex) = assert_legal_walk(text, walked);
            assert!(
                lex.plain && is_sentence(shape.terminal, shape.words),
                "{text:?}"
            );
        }
        // The runs are counted where they start, ignoring case.
        for (text, n) in [
            ("aaa", 3),
            ("PrivacyPRIVACY privacy", 3),
            ("privac", 0),
            ("", 0),
        ] {
            let word = if n == 3 && text.starts_with('a') {
                "a"
            } else {
                "privacy"
            };
            let at = rarest_letter(word.as_bytes());
            for enough in 1..=4 {
                let hits = ascii_hits_ignoring_case(text.as_bytes(), word.as_bytes(), at, enough);
                assert_eq!(hits, enough <= n, "{text:?} {enough}");
            }
        }
    }

    /// The first key that may be a witness's, found four keys at a time,
    /// is the one found key by key: in lists of any length, with such keys
    /// anywhere (or none).
    #[test]
    fn first_witness_flags_as_found_key_by_key() {
        let w = &*LEGAL_WITNESSES;
        let witness = w.keys[0];
        let other = (1..).map(|k: u64| k << 50 | 1).find(|&k| !w.may_be(k));
        let other = other.expect("a key of no flag");
        for len in 0..12 {
            for at in (0..len).map(Some).chain([None]) {
                for second in (0..len).map(Some).chain([None]) {
                    let keys: Vec<u64> = (0..len)
                        .map(|j| {
                            if Some(j) == at || Some(j) == second {
                                witness
                            } else {
                                other
                            }
                        })
                        .collect();
                    let want = keys.iter().position(|&k| w.may_be(k));
                    assert_eq!(w.first_may_be(&keys), want, "{len} {at:?} {second:?}");
                }
            }
        }
    }

    /// The starts of a word in a text, ignoring ASCII case, that `accept`
    /// takes, up to `enough`: the oracle of [`ascii_hits_where`].
    fn ascii_hits_oracle(
        bytes: &[u8],
        word: &[u8],
        enough: usize,
        accept: impl Fn(usize) -> bool,
    ) -> usize {
        let n = (0..bytes.len())
            .filter(|&s| {
                bytes
                    .get(s..s + word.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(word))
                    && accept(s)
            })
            .count();
        n.min(enough)
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]
        /// The starts of a word found by one of its letters, eight bytes at
        /// a time, are those found by comparing at every byte: in texts of
        /// any length (the last bytes tested as eight that overlap those
        /// before, or as fewer than eight), for any letter picked, and
        /// starts that `accept` turns away.
        #[test]
        fn ascii_hits_as_compared_at_every_byte(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a", "A", "b", "B", "ab", "aB", "ba", " ", "`", "\u{e9}", "x", "1", "@",
            ]), 0..40),
            word in proptest::sample::select(vec!["a", "b", "ab", "ba", "aba", "abb", "1a", "a@"]),
            at in 0usize..4,
            enough in 1usize..5,
            modulus in 1usize..4,
        ) {
            let text: String = parts.concat();
            let (bytes, word) = (text.as_bytes(), word.as_bytes());
            let accept = |s: usize| s % modulus == 0;
            let want = if at < word.len() {
                ascii_hits_oracle(bytes, word, enough, accept)
            } else {
                enough
            };
            proptest::prop_assert_eq!(ascii_hits_where(bytes, word, at, enough, accept), want);
        }
    }

    /// The chars that hide a legal term from the keys are those the blocks
    /// and the test of [`hides_legal_term`] tell; every other char that
    /// folds to a char of a witness lowercases to it, alone.
    #[test]
    fn legal_terms_hide_only_behind_the_chars_looked_for() {
        let witnesses: std::collections::BTreeSet<char> = CUE_ORDER[FOOTER_INDEX]
            .0
            .iter()
            .flat_map(|p| p.chars())
            .filter(|c| c.is_alphanumeric())
            .collect();
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let hides = c == '\u{17f}' || c == '\u{212a}' || (c.is_alphanumeric() && !is_word(c));
            assert_eq!(hides_legal_term(c), hides, "{c:?}");
            assert_eq!(hides_a_legal_term(&format!("ab{c}cd{c}")), hides, "{c:?}");
            if !hides && witnesses.contains(&fold(c)) {
                assert!(c.to_lowercase().eq([fold(c)]), "{c:?}");
            }
        }
        assert!(!LEGAL_WITNESSES.always);
    }

    /// Long lines with alphanumeric chars outside ASCII are walked for two
    /// legal terms only where their keys would be for a plain line, or
    /// where a char may hide a term from the keys; the cue is the regexes'
    /// either way.
    #[test]
    fn legal_walks_of_lines_outside_ascii() {
        for (text, walked) in [
            ("Die Stra\u{df}e f\u{fc}hrt durch den Wald und dann zum Fluss hinunter.", false),
            ("Datenschutzerkl\u{e4}rung und Impressum der Stra\u{df}e, f\u{fc}r alle Leser.", true),
            ("\u{dc}ber uns: die Stra\u{df}e und die Datenschutzerkl\u{e4}rung f\u{fc}r alle.", true),
            ("Die Stra\u{df}e f\u{fc}hrt \u{fc}ber uns hinweg, und dann zum Fluss hinunter.", true),
            ("Die Stra\u{df}e f\u{fc}hrt zum Impressum, und dann zum Fluss hinunter, weit.", false),
            ("Die Stra\u{df}e f\u{fc}hrt zum Impressum, und dann zum impressum hinunter.", true),
            ("Die Stra\u{df}e f\u{fc}hrt zum Impressum\u{b2} und dann zur Privacy\u{b9} hin.", true),
            ("Die Stra\u{df}e f\u{fc}hrt zur \u{17f}itemap und dann zum Fluss hinunter, weit.", true),
            ("Die Stra\u{df}e f\u{fc}hrt zum \u{212a}ontakt und dann zum Fluss hinunter, weit.", true),
            ("\u{9053}\u{8def}\u{306f}\u{5c71}\u{3092}\u{8d8a}\u{3048}\u{3066} privacy \u{3001}\u{5ddd}\u{3078}\u{3002}", false),
        ] {
            let (_, lex) = assert_legal_walk(text, walked);
            assert!(!lex.plain, "{text:?}");
        }
    }

    /// `text` is walked for two legal terms exactly when `walked` says,
    /// and its cues are the oracle's either way; its measures.
    fn assert_legal_walk(text: &str, walked: bool) -> (crate::lines::Shape, crate::lines::Lexical) {
        let mut keys = Vec::new();
        let (shape, lex) = crate::lines::measure(text, &mut keys);
        assert_eq!(
            may_have_two_legal_terms_scanned(text, &keys, lex.short_legal, lex.plain),
            walked,
            "{text:?}"
        );
        assert_eq!(
            cue_of(text, true, lex.cue_notes(), &keys),
            oracle::cue(text, true),
            "{text:?}"
        );
        (shape, lex)
    }

    /// The prefixes picked by their first byte (and texts turned away by
    /// their first char's lowercase forms) are those the oracle, which
    /// lowercases the start and tries every prefix, finds: every char of
    /// the scripts of the corpus and those that lowercase to ASCII or to
    /// several chars, before each prefix's rest (and its capitals) and
    /// before the starts of names and words.
    #[test]
    fn prefixes_are_picked_by_first_byte_as_by_trying_each() {
        let firsts = (0x20..0x530u32)
            .chain([0x130, 0x212A, 0x1E9E, 0x2014, 0x3000, 0x8A9E, 0xFF21])
            .filter_map(char::from_u32);
        let mut tails: Vec<String> = ["", " Jane Doe", "y Jan", "ata", "é", "ühr"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        for p in BYLINE_STARTS.iter().chain(CREDIT_STARTS) {
            let rest: String = p.chars().skip(1).collect();
            tails.push(format!("{rest}: Jane Doe"));
            tails.push(rest.to_uppercase());
        }
        let mut checked = 0;
        for c in firsts {
            for tail in &tails {
                let text = format!("{c}{tail}");
                for starts in [&BYLINE, &CREDIT] {
                    assert_eq!(
                        starts_lower(&text, starts),
                        LowerStart::of(&text).starts_with_any(starts.prefixes),
                        "{text:?}"
                    );
                }
                assert_eq!(byline(&text), byline_simple(&text), "{text:?}");
                checked += 1;
            }
        }
        assert!(checked > 10_000);
    }

    #[test]
    fn credits() {
        assert_eq!(image_credit("Foto: © photonews"), Some("photonews"));
        assert_eq!(
            image_credit("Photo: Jane Doe/Reuters"),
            Some("Jane Doe/Reuters")
        );
        assert_eq!(
            image_credit("© 2024 Example Media. All rights reserved."),
            None
        );
        assert_eq!(image_credit("Zdjęcie: Jan Kowalski"), Some("Jan Kowalski"));
        assert_eq!(image_credit("ZDJĘCIE: Jan Kowalski"), Some("Jan Kowalski"));
        assert_eq!(image_credit("Fot: Anna Nowak"), Some("Anna Nowak"));
        assert_eq!(image_credit("Imagem: Maria Silva"), Some("Maria Silva"));
        assert_eq!(
            image_credit("Bildquelle: picture alliance"),
            Some("picture alliance")
        );
        assert_eq!(image_credit("© 2024 Wszelkie prawa zastrzeżone"), None);
    }

    #[test]
    fn caption_credits() {
        let credit = caption_credit;
        assert_eq!(
            credit("A view of the bridge from the east bank. (John Park / Daily Example)"),
            Some("John Park / Daily Example")
        );
        assert_eq!(
            credit("Demonstranten vor dem Rathaus am Montag. [Bild: Anna Schmidt]"),
            Some("Bild: Anna Schmidt")
        );
        assert_eq!(
            credit("Les pompiers sur place (Photo © Jean Dupont)  "),
            Some("Photo © Jean Dupont")
        );
        // Brackets that credit no one, too few words before them, and a
        // paragraph too long to be a caption.
        assert_eq!(credit("The vote was close (seven to two) on Monday."), None);
        assert_eq!(credit("The vote was close (seven to two)"), None);
        assert_eq!(credit("Sales rose (see page 4/5)"), None);
        assert_eq!(credit("Pictured (John Park / Daily Example)"), None);
        let long = format!("{} (John Park / Daily Example)", "word ".repeat(40));
        assert_eq!(credit(&long), None);
    }
}
