//! A small calendar date type, and the dates written in dumps.

use crate::unicode::{char_at, is_digit, is_word};
use std::fmt;

/// A calendar date (proleptic Gregorian), as found in a dump.
///
/// Displays in ISO 8601 form (`2025-08-08`).
///
/// ```
/// let d = dumpclean::Date::new(2025, 8, 8).unwrap();
/// assert_eq!(d.to_string(), "2025-08-08");
/// assert_eq!((d.year(), d.month(), d.day()), (2025, 8, 8));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// A date from its parts, or `None` when the parts name no real day
    /// (month 13, 30 February, year 0 or after 9999).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        if year == 0 || year > 9999 || !(1..=12).contains(&month) || day == 0 {
            return None;
        }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        (day <= days).then_some(Date { year, month, day })
    }

    /// The year.
    pub fn year(&self) -> u16 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(&self) -> u8 {
        self.month
    }

    /// The day of the month, 1 to 31.
    pub fn day(&self) -> u8 {
        self.day
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Month names (full and common abbreviations) in en, nl, de, fr, es, it, pt
/// and pl (Polish in the nominative and in the genitive of dates: `12 marca`).
const MONTHS: [&[&str]; 12] = [
    &[
        "january", "jan", "januari", "januar", "jänner", "janvier", "janv", "enero", "ene",
        "gennaio", "gen", "janeiro", "styczeń", "stycznia", "sty",
    ],
    &[
        "february",
        "feb",
        "februari",
        "februar",
        "février",
        "févr",
        "fevrier",
        "febrero",
        "febbraio",
        "fevereiro",
        "fev",
        "luty",
        "lutego",
        "lut",
    ],
    &[
        "march", "mar", "maart", "mrt", "märz", "mär", "mars", "marzo", "março", "marco", "marzec",
        "marca",
    ],
    &[
        "april",
        "apr",
        "avril",
        "avr",
        "abril",
        "abr",
        "aprile",
        "kwiecień",
        "kwietnia",
        "kwi",
    ],
    &[
        "may", "mei", "mai", "mayo", "maggio", "mag", "maio", "maj", "maja",
    ],
    &[
        "june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho", "czerwiec", "czerwca",
        "cze",
    ],
    &[
        "july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho", "lipiec",
        "lipca", "lip",
    ],
    &[
        "august",
        "aug",
        "augustus",
        "août",
        "aout",
        "agosto",
        "ago",
        "sierpień",
        "sierpnia",
        "sie",
    ],
    &[
        "september",
        "sep",
        "sept",
        "septembre",
        "septiembre",
        "settembre",
        "set",
        "setembro",
        "setiembre",
        "wrzesień",
        "września",
        "wrz",
    ],
    &[
        "october",
        "oct",
        "oktober",
        "okt",
        "octobre",
        "octubre",
        "ottobre",
        "ott",
        "outubro",
        "out",
        "październik",
        "października",
        "paź",
    ],
    &[
        "november",
        "nov",
        "novembre",
        "noviembre",
        "novembro",
        "listopad",
        "listopada",
        "lis",
    ],
    &[
        "december",
        "dec",
        "dezember",
        "dez",
        "décembre",
        "decembre",
        "déc",
        "diciembre",
        "dic",
        "dicembre",
        "dezembro",
        "grudzień",
        "grudnia",
        "gru",
    ],
];

/// The number of the month `name` names (any case, a trailing `.` allowed).
fn month_number(name: &str) -> Option<u8> {
    // Lowercased on the stack: no month name comes near 32 bytes.
    let mut buf = [0u8; 32];
    let name = name.trim_end_matches('.');
    let len = if name.is_ascii() {
        // ASCII chars lowercase byte for byte.
        let lower = buf.get_mut(..name.len())?;
        lower.copy_from_slice(name.as_bytes());
        lower.make_ascii_lowercase();
        name.len()
    } else {
        let mut len = 0;
        for c in name.chars().flat_map(char::to_lowercase) {
            if len + c.len_utf8() > buf.len() {
                return None;
            }
            len += c.encode_utf8(&mut buf[len..]).len();
        }
        len
    };
    // The bytes of a lowercased name, compared with the names' bytes: the
    // length and first byte first, which rule out most names without a
    // comparison of slices.
    let lower = &buf[..len];
    let same =
        |n: &str| n.len() == len && n.as_bytes().first() == lower.first() && n.as_bytes() == lower;
    MONTHS
        .iter()
        .position(|names| names.iter().any(|n| same(n)))
        .map(|i| i as u8 + 1)
}

/// The first date written in `text`, in any of the common forms:
/// `2025-08-08` (or `2025/8/8`, `2025.08.08`), `08/08/2025` (day first;
/// month first beside an American twelve-hour time: [`numeric`]),
/// `8 augustus 2025`, `8. August 2025`, `August 8, 2025`,
/// `8 de agosto de 2025`, `2025年8月8日`.
///
/// After a test for four digits in a row (eight bytes at a time), a scanner
/// reads the text once for runs of digits, and tries each run as the start
/// of `2025-08-08`, of `08/08/2025`, of `8 augustus 2025` and of
/// `2025年8月8日`, and as the day
/// of `August 8, 2025` (whose month it reads backwards), until each form has
/// its first match: for a written form, the first whose word is a month
/// name. A first match counts whether or not its numbers name a real day,
/// and the earliest that names one wins (no two forms start at one place;
/// on a tie the form listed first would).
///
/// Digits are those of any script, words and spaces those of Unicode, and
/// case is ignored as Unicode folds it (`1ſt` has an `st`): a form first
/// written with digits other than ASCII ones (`٨ August 2025`) reads as no
/// date at all, for the whole text.
pub(crate) fn find_date(text: &str) -> Option<Date> {
    if has_year(text) {
        scan(text)
    } else {
        None
    }
}

/// [`find_date`] on a text with a year. Not inlined: most texts have no
/// year, and leave without setting up the scan.
#[inline(never)]
fn scan(text: &str) -> Option<Date> {
    // The forms in the order that breaks ties, and the first match of each:
    // where it starts and its date.
    const FORMS: [fn(&str, Digits) -> Option<Found>; 5] =
        [iso, numeric, day_month, month_day, year_month_day];
    // The forms with a first match yet, a bit each, and the earliest of
    // those matches that names a real day (kept as they are found: no two
    // start at one place, so the order they are found in breaks no tie).
    let mut matched = 0u8;
    let mut best: Option<(usize, Date)> = None;
    let mut at = 0;
    while let Some(start) = next_digit(text, at) {
        let run = digits(text, start);
        for (k, form) in FORMS.into_iter().enumerate() {
            if matched & (1 << k) == 0 {
                match form(text, run) {
                    Some(Found::At(pos, date)) => {
                        matched |= 1 << k;
                        if let Some(d) = date {
                            if best.is_none_or(|(p, _)| pos < p) {
                                best = Some((pos, d));
                            }
                        }
                    }
                    Some(Found::Foreign) => return None,
                    None => {}
                }
            }
        }
        if matched == 0b1_1111 {
            break;
        }
        at = run.end;
    }
    best.map(|(_, d)| d)
}

/// `text` has four ASCII digits in a row: every date form names a four-digit
/// year (and one written with other digits is no date).
///
/// Eight bytes at a time: in each, the high bit of every byte that is an
/// ASCII digit, and the digits in a row at either end.
fn has_year(text: &str) -> bool {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Added to a byte below 0x80, these carry into its high bit from `0`
    // (0x30) and from `:` (0x3A, after `9`), and never out of the byte.
    const FROM_ZERO: u64 = 0x5050_5050_5050_5050;
    const FROM_COLON: u64 = 0x4646_4646_4646_4646;
    let mut chunks = text.as_bytes().chunks_exact(8);
    // Digits in a row at the end of the bytes before the chunk.
    let mut run = 0;
    for chunk in &mut chunks {
        let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let low = w & !HIGH;
        let digits = (low + FROM_ZERO) & !(low + FROM_COLON) & !w & HIGH;
        if digits & (digits << 8) & (digits << 16) & (digits << 24) != 0 {
            return true;
        }
        let others = !digits & HIGH;
        if run + others.trailing_zeros() / 8 >= 4 {
            return true;
        }
        run = others.leading_zeros() / 8;
    }
    chunks.remainder().iter().any(|b| {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        run >= 4
    })
}

/// What a match of a date form says.
#[derive(Debug, Clone, Copy)]
enum Found {
    /// A match starting at this byte offset, with its date (`None` when its
    /// numbers name no real day).
    At(usize, Option<Date>),
    /// A match with digits other than ASCII ones, which have no value here.
    Foreign,
}

/// A run of digits (decimal digits of any script) in a text.
#[derive(Debug, Clone, Copy)]
struct Digits {
    /// Byte offset of the first digit.
    start: usize,
    /// Byte offset after the last digit.
    end: usize,
    /// The number of digits.
    len: usize,
    /// The value, when every digit is ASCII (wrapping past `u32::MAX`: only
    /// runs of at most four digits are read as numbers).
    value: Option<u32>,
}

/// The run of digits at `start` (empty when none is there).
fn digits(text: &str, start: usize) -> Digits {
    let bytes = text.as_bytes();
    let (mut end, mut len, mut value, mut ascii) = (start, 0, 0u32, true);
    loop {
        match bytes.get(end) {
            Some(&b) if b.is_ascii_digit() => {
                value = value.wrapping_mul(10).wrapping_add(u32::from(b - b'0'));
                end += 1;
            }
            Some(&b) if b >= 0x80 => match char_at(text, end) {
                Some(c) if is_digit(c) => {
                    ascii = false;
                    end += c.len_utf8();
                }
                _ => break,
            },
            _ => break,
        }
        len += 1;
    }
    Digits {
        start,
        end,
        len,
        value: ascii.then_some(value),
    }
}

/// The byte offset of the first digit at or after `from`.
///
/// Eight bytes at a time past those that can start no digit (as in
/// [`has_year`]: the high bit of each ASCII digit, and of each byte from
/// 0xD9), then a look at the first byte that may.
fn next_digit(text: &str, from: usize) -> Option<usize> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const FROM_ZERO: u64 = 0x5050_5050_5050_5050;
    const FROM_COLON: u64 = 0x4646_4646_4646_4646;
    // Added to the low seven bits of a byte, these carry into its high bit
    // from 0x59 on (0xD9 less its high bit).
    const FROM_D9: u64 = 0x2727_2727_2727_2727;
    let bytes = text.as_bytes();
    let mut i = from;
    loop {
        while let Some(chunk) = bytes.get(i..i + 8) {
            let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            let low = w & !HIGH;
            let digits = (low + FROM_ZERO) & !(low + FROM_COLON) & !w;
            let others = (low + FROM_D9) & w;
            let may = (digits | others) & HIGH;
            if may != 0 {
                i += may.trailing_zeros() as usize / 8;
                break;
            }
            i += 8;
        }
        let &b = bytes.get(i)?;
        if b.is_ascii_digit() {
            return Some(i);
        }
        // Other digits are U+0660 and above, whose UTF-8 starts at 0xD9 (and
        // no byte from 0xD9 continues a character, so `i` is at a char's
        // start here).
        if b >= 0xD9 {
            let c = char_at(text, i)?;
            if is_digit(c) {
                return Some(i);
            }
            i += c.len_utf8();
        } else {
            i += 1;
        }
    }
}

/// The match of `2025-08-08` (or `2025/8/8`, `2025.08.08`: year first, the
/// same separator twice) starting at `year`, if any.
fn iso(text: &str, year: Digits) -> Option<Found> {
    let sep = *text.as_bytes().get(year.end)?;
    if year.len != 4 || !matches!(sep, b'-' | b'/' | b'.') || !word_start(text, year.start) {
        return None;
    }
    let month = digits(text, year.end + 1);
    if !(1..=2).contains(&month.len) || text.as_bytes().get(month.end) != Some(&sep) {
        return None;
    }
    let day = digits(text, month.end + 1);
    if !(1..=2).contains(&day.len) || !word_end(text, day.end) {
        return None;
    }
    Some(found(year.start, [year, month, day], |[y, m, d]| {
        Date::new(y as u16, m as u8, d as u8)
    }))
}

/// The match of `2025年8月8日` (Chinese, Japanese; Korean `2025년 8월 8일`)
/// starting at `year`, if any: each number followed by its unit and at
/// most one space. A letter or a Han char may stand right before the year
/// (`於2025年`), which this form does not need to start a word.
fn year_month_day(text: &str, year: Digits) -> Option<Found> {
    // Past the unit (any of `units`) at `i` and one space after it.
    let unit = |i: usize, units: [char; 2]| {
        let c = char_at(text, i).filter(|c| units.contains(c))?;
        let i = i + c.len_utf8();
        Some(i + usize::from(text.as_bytes().get(i) == Some(&b' ')))
    };
    if year.len != 4 {
        return None;
    }
    let month = digits(text, unit(year.end, ['年', '년'])?);
    if !(1..=2).contains(&month.len) {
        return None;
    }
    let day = digits(text, unit(month.end, ['月', '월'])?);
    if !(1..=2).contains(&day.len) {
        return None;
    }
    unit(day.end, ['日', '일'])?;
    Some(found(year.start, [year, month, day], |[y, m, d]| {
        Date::new(y as u16, m as u8, d as u8)
    }))
}

/// The match of `08/08/2025` (or `8.8.2025`, `8-8-2025`) starting at `day`,
/// if any: day first, unless that names no real day; but month first with
/// slashes in a text that tells the time by a twelve-hour clock and names
/// no time zone outside America (`5:11 PM on 08/02/2012`, `12:20 AM ET,
/// 11/01/2011`: the American order; `12:01am GMT 08/01/2008` is British),
/// unless that names no real day.
fn numeric(text: &str, day: Digits) -> Option<Found> {
    let sep = |i: usize| matches!(text.as_bytes().get(i), Some(b'.' | b'/' | b'-'));
    if !(1..=2).contains(&day.len) || !sep(day.end) || !word_start(text, day.start) {
        return None;
    }
    let month = digits(text, day.end + 1);
    if !(1..=2).contains(&month.len) || !sep(month.end) {
        return None;
    }
    let year = digits(text, month.end + 1);
    if year.len != 4 || !word_end(text, year.end) {
        return None;
    }
    let month_first =
        text.as_bytes()[day.end] == b'/' && twelve_hour_clock(text) && !zone_outside_america(text);
    Some(found(day.start, [day, month, year], |[a, b, y]| {
        let (d, m) = if month_first { (b, a) } else { (a, b) };
        Date::new(y as u16, m as u8, d as u8).or_else(|| Date::new(y as u16, d as u8, m as u8))
    }))
}

/// Time zones named in dates outside America, whose twelve-hour clocks
/// go with the day first.
const ZONES_OUTSIDE_AMERICA: [&str; 13] = [
    "GMT", "BST", "UTC", "WET", "CET", "CEST", "EET", "IST", "SAST", "HKT", "SGT", "AEST", "AEDT",
];

/// `text` names one of [`ZONES_OUTSIDE_AMERICA`] as a word of its own.
fn zone_outside_america(text: &str) -> bool {
    ZONES_OUTSIDE_AMERICA.iter().any(|z| {
        text.match_indices(z)
            .any(|(i, _)| word_start(text, i) && word_end(text, i + z.len()))
    })
}

/// `text` tells a time by a twelve-hour clock: an ASCII digit, `:`, two
/// more, maybe spaces, then `am` or `pm` (any case, `a.m` too) ending a
/// word (`5:11 PM`, `12:20 a.m.`).
fn twelve_hour_clock(text: &str) -> bool {
    let b = text.as_bytes();
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    (1..b.len()).any(|i| {
        if b[i] != b':' || !b[i - 1].is_ascii_digit() {
            return false;
        }
        if !at(i + 1).is_ascii_digit() || !at(i + 2).is_ascii_digit() {
            return false;
        }
        let mut j = i + 3;
        while at(j) == b' ' {
            j += 1;
        }
        if !matches!(at(j).to_ascii_lowercase(), b'a' | b'p') {
            return false;
        }
        j += 1 + usize::from(at(j + 1) == b'.');
        at(j).eq_ignore_ascii_case(&b'm') && word_end(text, j + 1)
    })
}

/// The match of `8 augustus 2025` (or `8. August 2025`, `1er mars 2025`,
/// `8th Aug., 2025`, `8 de agosto de 2025`) starting at `day`, if any and if
/// its word is a month name.
///
/// Matches of this form never overlap (one holds no other day at the start
/// of a word), so a word that is no month name hides no later match.
fn day_month(text: &str, day: Digits) -> Option<Found> {
    if !(1..=2).contains(&day.len) || !word_start(text, day.start) {
        return None;
    }
    let after = if text.as_bytes().get(day.end) == Some(&b'.') {
        day.end + 1
    } else {
        after_suffix(
            text,
            day.end,
            &[['e', 'r'], ['s', 't'], ['n', 'd'], ['r', 'd'], ['t', 'h']],
        )
    };
    let word = after_de(text, spaces(text, after)?);
    let word_stop = month_word_end(text, word)?;
    let year = year_at(text, after_de(text, after_month(text, word_stop)?))?;
    let month = month_number(&text[word..word_stop])?;
    Some(found(day.start, [day, year], |[d, y]| {
        Date::new(y as u16, month, d as u8)
    }))
}

/// The match of `August 8, 2025` (or `Aug. 8th 2025`) whose day is `day`,
/// if any and if its word is a month name.
///
/// Matches of this form never overlap either (in one, only its month starts
/// a word of letters), so here too a word that is no month name hides no
/// later match.
fn month_day(text: &str, day: Digits) -> Option<Found> {
    if !(1..=2).contains(&day.len) {
        return None;
    }
    let before = text[..day.start].trim_end();
    if before.len() == day.start {
        return None;
    }
    // The year after the day before the month: most short numbers have
    // none, and leave before the walk back over the month.
    let mut after = after_suffix(
        text,
        day.end,
        &[['s', 't'], ['n', 'd'], ['r', 'd'], ['t', 'h']],
    );
    if text.as_bytes().get(after) == Some(&b',') {
        after += 1;
    }
    let year = year_at(text, spaces(text, after)?)?;
    let before = before.strip_suffix('.').unwrap_or(before);
    // The month: the word ending there, of at most 12 characters.
    let mut word = before.len();
    for (n, c) in before.chars().rev().enumerate() {
        if !is_word_char(c) {
            break;
        }
        if n == 12 {
            return None;
        }
        word -= c.len_utf8();
    }
    let month = month_number(&before[word..])?;
    Some(found(word, [day, year], |[d, y]| {
        Date::new(y as u16, month, d as u8)
    }))
}

/// A match at `start` with the numbers `parts`, whose values name `date`.
fn found<const N: usize>(
    start: usize,
    parts: [Digits; N],
    date: impl FnOnce([u32; N]) -> Option<Date>,
) -> Found {
    let mut values = [0; N];
    for (v, part) in values.iter_mut().zip(parts) {
        match part.value {
            Some(x) => *v = x,
            None => return Found::Foreign,
        }
    }
    Found::At(start, date(values))
}

/// The four digits of a year at `i`, ending a word.
fn year_at(text: &str, i: usize) -> Option<Digits> {
    let year = digits(text, i);
    (year.len == 4 && word_end(text, year.end)).then_some(year)
}

/// The end of a possible month name at `i`: 3 to 12 characters up to a `.`,
/// a `,` or a space (a month name has letters only, as many after folding).
fn month_word_end(text: &str, i: usize) -> Option<usize> {
    for (n, (j, c)) in text[i..].char_indices().enumerate() {
        if matches!(c, '.' | ',') || c.is_whitespace() {
            return (3..=12).contains(&n).then_some(i + j);
        }
        if n == 12 {
            return None;
        }
    }
    None
}

/// Past what may follow a month before the year at `i`: an optional `.`,
/// an optional `,`, then at least one space.
fn after_month(text: &str, mut i: usize) -> Option<usize> {
    for punct in [b'.', b','] {
        if text.as_bytes().get(i) == Some(&punct) {
            i += 1;
        }
    }
    spaces(text, i)
}

/// Past the spaces at `i`, if there is at least one.
fn spaces(text: &str, i: usize) -> Option<usize> {
    let end = text.len() - text[i..].trim_start().len();
    (end > i).then_some(end)
}

/// Past `de` and its spaces at `i` (`8 de agosto de 2025`), or `i`.
fn after_de(text: &str, i: usize) -> usize {
    let de = text.as_bytes().get(i..i + 2);
    match de.filter(|w| w.eq_ignore_ascii_case(b"de")) {
        Some(_) => spaces(text, i + 2).unwrap_or(i),
        None => i,
    }
}

/// Past one of the two-letter `suffixes` at `i`, ignoring case (`ſ` is an
/// `s`), or `i`.
fn after_suffix(text: &str, i: usize, suffixes: &[[char; 2]]) -> usize {
    // Most numbers end before a space or punctuation: an ASCII byte other
    // than a letter starts no suffix.
    match text.as_bytes().get(i) {
        Some(b) if b.is_ascii() && !b.is_ascii_alphabetic() => return i,
        None => return i,
        _ => {}
    }
    let fold = |c: char| {
        if c == 'ſ' {
            's'
        } else {
            c.to_ascii_lowercase()
        }
    };
    let mut chars = text[i..].chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if suffixes.contains(&[fold(a), fold(b)]) => {
            i + a.len_utf8() + b.len_utf8()
        }
        _ => i,
    }
}

/// No word character (`\w`) ends right before byte offset `i`.
fn word_start(text: &str, i: usize) -> bool {
    text[..i]
        .chars()
        .next_back()
        .is_none_or(|c| !is_word_char(c))
}

/// [`is_word`], its ASCII chars (most that the forms test) without a call.
#[inline(always)]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        is_word(c)
    }
}

/// No word character (`\w`) starts at byte offset `i`.
fn word_end(text: &str, i: usize) -> bool {
    char_at(text, i).is_none_or(|c| !is_word_char(c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    /// The regex implementation the scanner replaced, kept as its oracle.
    mod oracle {
        use super::super::{month_number, Date};
        use regex::Regex;
        use std::sync::LazyLock as Lazy;

        pub(super) static ISO: Lazy<Regex> = Lazy::new(|| {
            Regex::new(
                r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b|\b(\d{4})/(\d{1,2})/(\d{1,2})\b|\b(\d{4})\.(\d{1,2})\.(\d{1,2})\b",
            )
            .expect("iso date regex")
        });
        pub(super) static YEAR_MONTH_DAY: Lazy<Regex> = Lazy::new(|| {
            Regex::new(r"(?:^|\D)(\d{4})[年년] ?(\d{1,2})[月월] ?(\d{1,2})[日일]")
                .expect("year month day regex")
        });
        pub(super) static NUMERIC: Lazy<Regex> = Lazy::new(|| {
            Regex::new(r"\b(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b").expect("numeric date regex")
        });
        pub(super) static TWELVE_HOUR: Lazy<Regex> = Lazy::new(|| {
            Regex::new(r"(?i)[0-9]:[0-9]{2} *[ap]\.?m(?:\W|$)").expect("twelve-hour clock regex")
        });
        pub(super) static ZONE: Lazy<Regex> = Lazy::new(|| {
            Regex::new(r"\b(?:GMT|BST|UTC|WET|CET|CEST|EET|IST|SAST|HKT|SGT|AEST|AEDT)\b")
                .expect("time zone regex")
        });
        pub(super) static DAY_MONTH: Lazy<Regex> = Lazy::new(|| {
            Regex::new(r"(?i)\b(\d{1,2})(?:\.|er|st|nd|rd|th)?\s+(?:de\s+)?(\p{L}{3,12})\.?,?\s+(?:de\s+)?(\d{4})\b")
                .expect("day month regex")
        });
        pub(super) static MONTH_DAY: Lazy<Regex> = Lazy::new(|| {
            Regex::new(r"(?i)\b(\p{L}{3,12})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
                .expect("month day regex")
        });

        pub(super) fn find_date(text: &str) -> Option<Date> {
            if !has_year(text) {
                return None;
            }
            find_date_in(text, Forms::of(text))
        }

        pub(in super::super) fn has_year(text: &str) -> bool {
            let mut run = 0;
            text.bytes().any(|b| {
                run = if b.is_ascii_digit() { run + 1 } else { 0 };
                run == 4
            })
        }

        #[derive(Debug, Clone, Copy)]
        struct Forms {
            iso: bool,
            numeric: bool,
            month: bool,
            units: bool,
        }

        impl Forms {
            fn of(text: &str) -> Forms {
                let mut f = Forms {
                    iso: false,
                    numeric: false,
                    month: false,
                    units: text.contains(['年', '년']),
                };
                // A separator before a digit: the numeric forms, year
                // first or last.
                let mut after_sep = false;
                for c in text.chars() {
                    if after_sep && c.is_numeric() {
                        f.numeric = true;
                        f.iso = true;
                    }
                    after_sep = matches!(c, '.' | '/' | '-');
                }
                f.month = text
                    .split(|c: char| !c.is_alphabetic())
                    .any(|w| (3..=40).contains(&w.len()) && month_number(w).is_some());
                f
            }
        }

        fn find_date_in(text: &str, forms: Forms) -> Option<Date> {
            let num = |s: &str| s.parse::<u32>().ok();
            let mut best: Option<(usize, Date)> = None;
            let mut consider = |pos: usize, d: Option<Date>| {
                if let Some(d) = d {
                    if best.is_none_or(|(p, _)| pos < p) {
                        best = Some((pos, d));
                    }
                }
            };
            if forms.iso {
                if let Some(c) = ISO.captures(text) {
                    // The groups of the separator that matched.
                    let k = [1, 4, 7].into_iter().find(|&k| c.get(k).is_some())?;
                    let d = Date::new(
                        num(&c[k])? as u16,
                        num(&c[k + 1])? as u8,
                        num(&c[k + 2])? as u8,
                    );
                    consider(c.get(0)?.start(), d);
                }
            }
            if forms.units {
                if let Some(c) = YEAR_MONTH_DAY.captures(text) {
                    let d = Date::new(num(&c[1])? as u16, num(&c[2])? as u8, num(&c[3])? as u8);
                    consider(c.get(1)?.start(), d);
                }
            }
            if forms.numeric {
                if let Some(c) = NUMERIC.captures(text) {
                    let (a, b, y) = (num(&c[1])?, num(&c[2])?, num(&c[3])?);
                    // Month first with slashes beside a twelve-hour time.
                    let slash = text[c.get(1)?.end()..].starts_with('/');
                    let (a, b) = if slash && TWELVE_HOUR.is_match(text) && !ZONE.is_match(text) {
                        (b, a)
                    } else {
                        (a, b)
                    };
                    let d = Date::new(y as u16, b as u8, a as u8)
                        .or_else(|| Date::new(y as u16, a as u8, b as u8));
                    consider(c.get(0)?.start(), d);
                }
            }
            if forms.month {
                for c in DAY_MONTH.captures_iter(text) {
                    if let Some(m) = month_number(&c[2]) {
                        consider(
                            c.get(0)?.start(),
                            Date::new(num(&c[3])? as u16, m, num(&c[1])? as u8),
                        );
                        break;
                    }
                }
                for c in MONTH_DAY.captures_iter(text) {
                    if let Some(m) = month_number(&c[1]) {
                        consider(
                            c.get(0)?.start(),
                            Date::new(num(&c[3])? as u16, m, num(&c[2])? as u8),
                        );
                        break;
                    }
                }
            }
            best.map(|(_, d)| d)
        }
    }

    /// The scanner and the oracle agree on `text`.
    fn same(text: &str) -> Result<(), String> {
        let (got, want) = (find_date(text), oracle::find_date(text));
        if got == want {
            Ok(())
        } else {
            Err(format!("{text:?}: scanner {got:?}, regexes {want:?}"))
        }
    }

    /// No match of a written form in `text` starts inside another, as the
    /// scanner takes for granted when it skips words that are no month.
    fn no_overlap(text: &str) -> Result<(), String> {
        for re in [&*oracle::DAY_MONTH, &*oracle::MONTH_DAY] {
            for m in re.find_iter(text) {
                let inside = (m.start() + 1..m.end()).filter(|&i| text.is_char_boundary(i));
                if let Some(i) = inside
                    .into_iter()
                    .find(|&i| re.find_at(text, i).is_some_and(|n| n.start() < m.end()))
                {
                    return Err(format!("{text:?}: a match at {i} inside {m:?}"));
                }
            }
        }
        Ok(())
    }

    #[test]
    fn validates_days() {
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(2023, 2, 29).is_none());
        assert!(Date::new(2023, 13, 1).is_none());
        assert!(Date::new(2023, 4, 31).is_none());
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]
        /// A name lowercased byte for byte where it is ASCII names the
        /// month it names lowercased char by char.
        #[test]
        fn month_numbers_as_by_lowercased_chars(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a", "M", "ar", "Z", "ä", "Ä", "Mär", "z", "AUG", "ust", ".", "i", "İ", "K",
                "\u{212a}", "ß",
            ]), 0..12)
        ) {
            let name: String = parts.concat();
            let lower: String = name.trim_end_matches('.').chars().flat_map(char::to_lowercase).collect();
            let want = (lower.len() <= 32)
                .then(|| MONTHS.iter().position(|names| names.contains(&lower.as_str())))
                .flatten()
                .map(|i| i as u8 + 1);
            proptest::prop_assert_eq!(month_number(&name), want, "{:?}", name);
        }
    }

    #[test]
    fn month_names_in_any_case() {
        for (i, names) in MONTHS.iter().enumerate() {
            for name in *names {
                let want = Some(i as u8 + 1);
                assert_eq!(month_number(name), want, "{name}");
                assert_eq!(month_number(&name.to_uppercase()), want, "{name}");
                assert_eq!(month_number(&format!("{name}.")), want, "{name}");
            }
        }
        assert_eq!(month_number("MÄRZ"), Some(3));
        assert_eq!(month_number("Août"), Some(8));
        assert_eq!(month_number("Dec."), Some(12));
        assert_eq!(month_number("foo"), None);
        assert_eq!(month_number(""), None);
        assert_eq!(month_number(&"ä".repeat(20)), None);
    }

    #[test]
    fn finds_dates_in_many_forms() {
        let d = |s| find_date(s).map(|d| d.to_string());
        assert_eq!(d(" date 2025-08-08 Title"), Some("2025-08-08".into()));
        assert_eq!(
            d("Gepubliceerd op 8 augustus 2025 om 12:00"),
            Some("2025-08-08".into())
        );
        assert_eq!(d("8. August 2025"), Some("2025-08-08".into()));
        assert_eq!(d("Updated Nov. 19, 2019"), Some("2019-11-19".into()));
        assert_eq!(d("8 de agosto de 2025"), Some("2025-08-08".into()));
        assert_eq!(d("08/08/2025 - 12:00"), Some("2025-08-08".into()));
        assert_eq!(d("le 3 mars 2021"), Some("2021-03-03".into()));
        assert_eq!(d("12 marca 2024"), Some("2024-03-12".into()));
        assert_eq!(
            d("Opublikowano 5 października 2023, 12:00"),
            Some("2023-10-05".into())
        );
        assert_eq!(d("1 grudnia 2022 r."), Some("2022-12-01".into()));
        assert_eq!(d("3. Mär. 2021"), Some("2021-03-03".into()));
        assert_eq!(d("2024/11/16 21:05"), Some("2024-11-16".into()));
        assert_eq!(d("2024.1.5."), Some("2024-01-05".into()));
        assert_eq!(d("發佈於2024年11月16日 21:05"), Some("2024-11-16".into()));
        assert_eq!(d("2024年 3月 1日"), Some("2024-03-01".into()));
        assert_eq!(d("2024년 11월 16일"), Some("2024-11-16".into()));
        assert_eq!(d("2024/11-16"), None);
        assert_eq!(d("2024年11月"), None);
        assert_eq!(d("v2024.1.5"), None);
        assert_eq!(d("12:00"), None);
        assert_eq!(d("Transfernieuws 08/08"), None);
    }

    #[test]
    fn the_earliest_first_match_wins() {
        let d = |s| find_date(s).map(|d| d.to_string());
        // The earliest form wins, wherever the forms are listed.
        assert_eq!(d("March 3, 2021 or 2025-08-08"), Some("2021-03-03".into()));
        assert_eq!(d("8 mars 2021, 09/10/2022"), Some("2021-03-08".into()));
        // Only a form's first match counts, even when it names no real day.
        assert_eq!(d("2025-13-01 2025-08-08"), None);
        assert_eq!(d("2025-13-01 8 mars 2021"), Some("2021-03-08".into()));
        assert_eq!(d("31/31/2025 and 08/08/2025"), None);
        // ... but a written form's first match is its first with a month name.
        assert_eq!(d("3 days 2020, 4 mars 2021"), Some("2021-03-04".into()));
        // Day first unless impossible.
        assert_eq!(d("12/31/2025"), Some("2025-12-31".into()));
        // Month first, unless impossible, with slashes beside a
        // twelve-hour time (the American order); dots stay day first.
        assert_eq!(d("5:11 PM on 08/02/2012"), Some("2012-08-02".into()));
        assert_eq!(d("12:20 a.m. ET, 11/01/2011"), Some("2011-11-01".into()));
        assert_eq!(d("08/02/2012, 5:11pm"), Some("2012-08-02".into()));
        assert_eq!(d("5:11 PM on 16/02/2012"), Some("2012-02-16".into()));
        assert_eq!(d("5:11 PM, 08.02.2012"), Some("2012-02-08".into()));
        assert_eq!(d("17:11, 08/02/2012"), Some("2012-02-08".into()));
        assert_eq!(d("5:11 Pmx 08/02/2012"), Some("2012-02-08".into()));
        assert_eq!(
            d("Last Updated: 12:01am GMT 08/01/2008"),
            Some("2008-01-08".into())
        );
        assert_eq!(
            d("Updated 12:01am GMTx 08/01/2008"),
            Some("2008-08-01".into())
        );
        assert_eq!(d("1er mars 2025"), Some("2025-03-01".into()));
        assert_eq!(d("Aug. 8th, 2025"), Some("2025-08-08".into()));
    }

    #[test]
    fn reads_digits_words_spaces_and_case_as_unicode_does() {
        for (text, want) in [
            // A first match written with other digits: no date in the whole text.
            ("٣ March 2025 and 2025-08-08", None),
            ("2025-08-08 and March ٣, 2025", None),
            ("٢٠٢٥-08-08 and 2025-08-08", None),
            // ... but only a first match.
            ("2025-08-08 and ٢٠٢٥-08-08", Some("2025-08-08")),
            // Other digits are no word boundary, and not a year of four ASCII digits.
            ("٣2025-08-08", None),
            // A mark or a connector joins a word; `²` does not.
            ("e\u{301}8 mars 2025", None),
            ("_8 mars 2025", None),
            ("²8 mars 2025", Some("2025-03-08")),
            ("8 mars 2025\u{301}", None),
            // Unicode spaces; `ſ` folds to `s`; the Kelvin sign lowercases to `k`.
            ("8\u{a0}mars\u{3000}2025", Some("2025-03-08")),
            ("1ſt March 2025", Some("2025-03-01")),
            ("March 1ſt, 2025", Some("2025-03-01")),
            ("8 O\u{212a}T 2025", Some("2025-10-08")),
            ("8 DE MARS 2025", Some("2025-03-08")),
        ] {
            let got = find_date(text).map(|d| d.to_string());
            assert_eq!(got.as_deref(), want, "{text:?}");
            same(text).unwrap();
        }
    }

    #[test]
    fn a_year_is_four_ascii_digits_in_a_row_wherever_the_chunks_end() {
        // Every text of up to 18 digits and letters.
        for len in 0..=18 {
            for bits in 0..1u32 << len {
                let text: String = (0..len)
                    .map(|i| if bits >> i & 1 == 1 { '7' } else { 'a' })
                    .collect();
                assert_eq!(has_year(&text), oracle::has_year(&text), "{text:?}");
            }
        }
        // Bytes next to the digits, and in UTF-8.
        for text in [
            "/0:9 9/0:",
            "1٢34 ٢٠٢٥ 12³4",
            "abcdefg123x456",
            "°°°°°°°\u{7f}999:0",
        ] {
            assert!(!has_year(text), "{text:?}");
        }
        for text in [
            "abcdefg1234",
            "abcde1234",
            "é1234",
            "€€€€€€€€€9999",
            "°°°°°°°\u{7f}9990",
        ] {
            assert!(has_year(text), "{text:?}");
        }
    }

    /// Every character, against a regex that asks the same question.
    fn each_char_agrees(pattern: &str, ours: impl Fn(char) -> bool) {
        let re = Regex::new(pattern).unwrap();
        let mut buf = [0; 4];
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let s = c.encode_utf8(&mut buf);
            assert_eq!(
                ours(c),
                re.is_match(s),
                "{pattern} on {c:?} U+{:04X}",
                u32::from(c)
            );
        }
    }

    #[test]
    fn letters_fold_as_in_the_regexes() {
        let fold = |c: char| {
            if c == 'ſ' {
                's'
            } else {
                c.to_ascii_lowercase()
            }
        };
        for letter in ['d', 'e', 'r', 's', 't', 'n', 'h'] {
            each_char_agrees(&format!("(?i)^{letter}$"), |c| fold(c) == letter);
        }
        // What lowercases to letters of month names only is one letter (`\p{L}`).
        let letter = Regex::new(r"(?i)^\p{L}$").unwrap();
        let month_chars: String = MONTHS.concat().concat();
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let lower: Vec<char> = c.to_lowercase().collect();
            if lower.iter().any(|&l| month_chars.contains(l)) && lower.len() == 1 {
                assert!(letter.is_match(&c.to_string()), "{c:?}");
            }
        }
        // So a month name is 3 to 12 letters, as the written forms want.
        for name in MONTHS.concat() {
            assert!((3..=12).contains(&name.chars().count()), "{name}");
        }
    }

    /// Pieces of text near the date forms, to be put together at random.
    const PIECES: &[&str] = &[
        ":",
        "PM",
        "am",
        "a.m.",
        "p.M",
        "pmx",
        "m.x",
        "GMT",
        "CEST",
        "5:11",
        "٥:11",
        "2025",
        "1999",
        "0000",
        "08",
        "8",
        "31",
        "13",
        "1",
        "12345",
        "-",
        "/",
        ".",
        ",",
        " ",
        "  ",
        "\t",
        "\n",
        "\u{a0}",
        "\u{2003}",
        "\u{3000}",
        "\u{85}",
        "de",
        "DE",
        "dE",
        "er",
        "Er",
        "st",
        "ſt",
        "ST",
        "nd",
        "rd",
        "th",
        "TH",
        "ſ",
        "augustus",
        "August",
        "Aug",
        "AUG.",
        "aug.,",
        "März",
        "MÄRZ",
        "mars",
        "Mars.",
        "Nov.",
        "déc",
        "DÉC.",
        "dic",
        "janvier",
        "agosto",
        "septiembre",
        "października",
        "PAŹDZIERNIKA",
        "marca",
        "O\u{212a}T",
        "oKt",
        "mai",
        "May",
        "foo",
        "bar",
        "days",
        "abcdefghijk",
        "abcdefghijklm",
        "é",
        "ß",
        "x",
        "_",
        "\u{301}",
        "\u{200d}",
        "‿",
        "²",
        "Ⅻ",
        "①",
        "à",
        "١",
        "٢٠٢٥",
        "٣",
        "०८",
        "x2025",
        "2024-01-05",
        "05.01.2024",
        "31/12/2024",
        "2024/1/5",
        "2024.12.31",
        "年",
        "月",
        "日",
        "년 ",
        "월",
        "일",
        "於",
        "2024年1月5日",
        "2024년 12월 31일",
        "12:00",
        "(",
        ")",
        "«",
        "—",
    ];

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]

        #[test]
        fn the_scanner_finds_what_the_regexes_find(
            parts in proptest::collection::vec(proptest::sample::select(PIECES), 1..24)
        ) {
            let text: String = parts.concat();
            proptest::prop_assert!(same(&text).is_ok(), "{}", same(&text).unwrap_err());
            proptest::prop_assert!(no_overlap(&text).is_ok(), "{}", no_overlap(&text).unwrap_err());
        }

        #[test]
        fn the_scanner_finds_what_the_regexes_find_in_written_dates(
            lead in proptest::sample::select(&["", "Le ", "x", "é", "(", "9", "\u{301}", "_"][..]),
            day in proptest::sample::select(&["1", "08", "31", "١", "123", "0"][..]),
            suffix in proptest::sample::select(&["", ".", "er", "st", "ſT", "nd", "rd", "th", "x"][..]),
            gap in proptest::sample::select(&[" ", "\u{a0}", "", " de ", " De\t", "  ", ", "][..]),
            month in proptest::sample::select(&["mars", "AUG", "Août", "septiembre", "foo", "dé", "Nov", "O\u{212a}T"][..]),
            dot in proptest::sample::select(&["", ".", ",", ".,", ",.", ".."][..]),
            gap2 in proptest::sample::select(&[" ", "", " de ", "\n", " DE  "][..]),
            year in proptest::sample::select(&["2025", "1999", "٢٠٢٥", "20255", "202", "2024x", "2024-"][..]),
            month_first in proptest::bool::ANY,
            tail in proptest::sample::select(&["", " 2025-08-08", " 3 mars 2024", " May 5, 2023", "\u{301}"][..]),
        ) {
            let text = if month_first {
                format!("{lead}{month}{dot}{gap}{day}{suffix}{dot}{gap2}{year}{tail}")
            } else {
                format!("{lead}{day}{suffix}{gap}{month}{dot}{gap2}{year}{tail}")
            };
            proptest::prop_assert!(same(&text).is_ok(), "{}", same(&text).unwrap_err());
            proptest::prop_assert!(no_overlap(&text).is_ok(), "{}", no_overlap(&text).unwrap_err());
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]

        #[test]
        fn a_year_is_what_a_byte_at_a_time_finds(
            parts in proptest::collection::vec(proptest::sample::select(
                &["0", "9", "12", "/", ":", "a", " ", "é", "٣", "°", "\u{7f}", "€", "𝟗"][..]
            ), 0..40)
        ) {
            let text: String = parts.concat();
            proptest::prop_assert_eq!(has_year(&text), oracle::has_year(&text), "{:?}", text);
        }
    }

    /// Lines (their cells, their tails) of every `.txt` file under the
    /// directories in `DUMPCLEAN_DATE_CORPUS` (separated by `:`): the scanner
    /// and the regexes agree on each.
    /// `DUMPCLEAN_DATE_CORPUS=dir cargo test --release --lib date -- --ignored --nocapture`
    #[test]
    #[ignore = "needs a corpus: DUMPCLEAN_DATE_CORPUS"]
    fn the_scanner_finds_what_the_regexes_find_in_a_corpus() {
        fn files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    files(&path, out);
                } else if path.extension().is_some_and(|e| e == "txt") {
                    out.push(path);
                }
            }
        }
        let dirs = std::env::var("DUMPCLEAN_DATE_CORPUS").expect("DUMPCLEAN_DATE_CORPUS");
        let mut paths = Vec::new();
        for dir in dirs.split(':') {
            files(std::path::Path::new(dir), &mut paths);
        }
        let (mut lines, mut texts, mut dated, mut wrong) = (0, 0, 0, Vec::new());
        for path in &paths {
            let text = std::fs::read_to_string(path).unwrap();
            for line in text.lines() {
                lines += 1;
                let cells = line.split('\t').flat_map(|c| c.split("   "));
                let cells = cells.map(str::trim).filter(|&c| !c.is_empty() && c != line);
                // And a short line with a year from each of its spaces on.
                let tails = line
                    .match_indices(char::is_whitespace)
                    .map(|(i, _)| &line[i..])
                    .filter(|_| line.len() <= 300 && has_year(line));
                for text in std::iter::once(line).chain(cells).chain(tails) {
                    texts += 1;
                    dated += usize::from(oracle::find_date(text).is_some());
                    if let Err(e) = same(text).and(no_overlap(text)) {
                        wrong.push(e);
                    }
                }
            }
        }
        println!(
            "{} files, {lines} lines, {texts} lines, cells and tails, {dated} dated, {} differ",
            paths.len(),
            wrong.len()
        );
        assert!(wrong.is_empty(), "{:#?}", &wrong[..wrong.len().min(20)]);
        assert!(dated > 0);
    }

    #[test]
    fn the_scanner_finds_what_the_regexes_find_on_the_seeds_and_pages() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata");
        let mut found = 0;
        for sub in ["seeds", "pages"] {
            for entry in std::fs::read_dir(format!("{dir}/{sub}")).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "txt") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    for line in text.lines() {
                        same(line).unwrap();
                        found += usize::from(find_date(line).is_some());
                    }
                }
            }
        }
        assert!(found > 0);
    }
}
