//! The Unicode char classes of the `regex` crate that the hand-written
//! scanners (cue phrases, times, counts, bylines, credits, dates) follow, so
//! that they match exactly where the regular expressions they replaced did:
//! word chars (`\w`) and decimal digits (`\d`). White space (`\s`) is
//! `char::is_whitespace`. The tables are generated (`src/unicode_tables.rs`).

use crate::unicode_tables::{DIGIT, WORD};

/// A word char (`\w`): letters, marks, decimal digits, `_` and the like.
pub(crate) fn is_word(c: char) -> bool {
    match u32::from(c) {
        0..=0x7F => c.is_ascii_alphanumeric() || c == '_',
        // Latin-1 and Latin Extended, without a search (the first ranges).
        n @ 0x80..=0x2C1 => matches!(n, 0xAA | 0xB5 | 0xBA | 0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..),
        _ => in_table(&WORD, c),
    }
}

/// A decimal digit (`\d`) of any script: `7`, `٧`, `७`.
pub(crate) fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        in_table(&DIGIT, c)
    }
}

/// The char starting at byte `i` of `text` (`None` at the end).
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    text[i..].chars().next()
}

/// `c` is in the set of `table`: sorted bounds, each range from one bound
/// (included) to the next (excluded).
fn in_table(table: &[u32], c: char) -> bool {
    table.partition_point(|&b| b <= u32::from(c)) % 2 == 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    /// Every char agrees with the regex crate's classes (and so the
    /// generated tables are those of the `regex` version in use).
    #[test]
    fn char_classes_are_those_of_the_regex_crate() {
        let word = Regex::new(r"^\w$").unwrap();
        let non_word_ci = Regex::new(r"(?i)^[^\w]$").unwrap();
        let digit = Regex::new(r"^\d$").unwrap();
        let space = Regex::new(r"^\s$").unwrap();
        let mut buf = [0u8; 4];
        let mut words = 0;
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let s = &*c.encode_utf8(&mut buf);
            assert_eq!(is_word(c), word.is_match(s), "\\w {c:?} {:x}", u32::from(c));
            assert_eq!(!is_word(c), non_word_ci.is_match(s), "[^\\w] {c:?}");
            assert_eq!(is_digit(c), digit.is_match(s), "\\d {c:?}");
            // The scanners take `\s` to be `char::is_whitespace`.
            assert_eq!(c.is_whitespace(), space.is_match(s), "\\s {c:?}");
            words += usize::from(is_word(c));
        }
        // The tables are sorted bounds of whole ranges, and hold many chars.
        for table in [&WORD[..], &DIGIT[..]] {
            assert!(table.len() % 2 == 0);
            assert!(table.windows(2).all(|w| w[0] < w[1]));
        }
        assert!(words > 100_000);
    }

    #[test]
    fn a_word_boundary_follows_a_word_char() {
        let re = Regex::new(r"(?s)^.\b").unwrap();
        for c in ['a', 'é', '\u{301}', '_', '\u{200d}', '٣', '²', '-', ' '] {
            assert_eq!(re.is_match(&format!("{c}-")), is_word(c), "{c:?}");
        }
        assert!(is_word('_') && is_word('\u{301}') && is_word('\u{200d}') && is_word('é'));
        assert!(!is_word('²') && !is_word('-') && !is_word('\u{a0}'));
        assert!(is_digit('٣') && !is_digit('²'));
    }
}
