//! A small calendar date type, and the dates written in dumps.

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

/// Month names (full and common abbreviations) in en, nl, de, fr, es, it, pt.
const MONTHS: [&[&str]; 12] = [
    &[
        "january", "jan", "januari", "januar", "jänner", "janvier", "janv", "enero", "ene",
        "gennaio", "gen", "janeiro",
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
    ],
    &[
        "march", "mar", "maart", "mrt", "märz", "mars", "marzo", "março", "marco",
    ],
    &["april", "apr", "avril", "avr", "abril", "abr", "aprile"],
    &["may", "mei", "mai", "mayo", "maggio", "mag", "maio"],
    &[
        "june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho",
    ],
    &[
        "july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho",
    ],
    &["august", "aug", "augustus", "août", "aout", "agosto", "ago"],
    &[
        "september",
        "sep",
        "sept",
        "septembre",
        "septiembre",
        "settembre",
        "set",
        "setembro",
    ],
    &[
        "october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro",
        "out",
    ],
    &["november", "nov", "novembre", "noviembre", "novembro"],
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
    ],
];

/// The number of the month `name` names (any case, a trailing `.` allowed).
fn month_number(name: &str) -> Option<u8> {
    // Lowercased on the stack: no month name comes near 32 bytes.
    let mut buf = [0u8; 32];
    let mut len = 0;
    for c in name
        .trim_end_matches('.')
        .chars()
        .flat_map(char::to_lowercase)
    {
        if len + c.len_utf8() > buf.len() {
            return None;
        }
        len += c.encode_utf8(&mut buf[len..]).len();
    }
    let lower = std::str::from_utf8(&buf[..len]).ok()?;
    MONTHS
        .iter()
        .position(|names| names.contains(&lower))
        .map(|i| i as u8 + 1)
}

/// The first date written in `text`, in any of the common forms:
/// `2025-08-08`, `08/08/2025` (day first), `8 augustus 2025`, `8. August 2025`,
/// `August 8, 2025`, `8 de agosto de 2025`.
///
/// After a test for four digits in a row (eight bytes at a time), a scanner
/// reads the text once for runs of digits, and tries each run as the start
/// of `2025-08-08`, of `08/08/2025` and of `8 augustus 2025`, and as the day
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
    const FORMS: [fn(&str, Digits) -> Option<Found>; 4] = [iso, numeric, day_month, month_day];
    let mut first: [Option<(usize, Option<Date>)>; 4] = [None; 4];
    let mut at = 0;
    while let Some(start) = next_digit(text, at) {
        let run = digits(text, start);
        for (slot, form) in first.iter_mut().zip(FORMS) {
            if slot.is_none() {
                match form(text, run) {
                    Some(Found::At(pos, date)) => *slot = Some((pos, date)),
                    Some(Found::Foreign) => return None,
                    None => {}
                }
            }
        }
        if first.iter().all(Option::is_some) {
            break;
        }
        at = run.end;
    }
    let mut best: Option<(usize, Date)> = None;
    for (pos, date) in first.into_iter().flatten() {
        if let Some(d) = date {
            if best.is_none_or(|(p, _)| pos < p) {
                best = Some((pos, d));
            }
        }
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
    /// The value (saturating), when every digit is ASCII.
    value: Option<u32>,
}

/// The run of digits at `start` (empty when none is there).
fn digits(text: &str, start: usize) -> Digits {
    let bytes = text.as_bytes();
    let (mut end, mut len, mut value) = (start, 0, Some(0u32));
    loop {
        match bytes.get(end) {
            Some(&b) if b.is_ascii_digit() => {
                value = value.map(|v| v.saturating_mul(10).saturating_add(u32::from(b - b'0')));
                end += 1;
            }
            Some(&b) if b >= 0x80 => match char_at(text, end) {
                Some(c) if is_digit(c) => {
                    value = None;
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
        value,
    }
}

/// The byte offset of the first digit at or after `from`.
fn next_digit(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii_digit() {
            return Some(i);
        }
        // Other digits are U+0660 and above, whose UTF-8 starts at 0xD9 (and
        // no byte from 0xD9 continues a character).
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
    None
}

/// The match of `2025-08-08` starting at `year`, if any.
fn iso(text: &str, year: Digits) -> Option<Found> {
    let dash = |i: usize| text.as_bytes().get(i) == Some(&b'-');
    if year.len != 4 || !dash(year.end) || !word_start(text, year.start) {
        return None;
    }
    let month = digits(text, year.end + 1);
    if month.len != 2 || !dash(month.end) {
        return None;
    }
    let day = digits(text, month.end + 1);
    if day.len != 2 || !word_end(text, day.end) {
        return None;
    }
    Some(found(year.start, [year, month, day], |[y, m, d]| {
        Date::new(y as u16, m as u8, d as u8)
    }))
}

/// The match of `08/08/2025` (or `8.8.2025`, `8-8-2025`) starting at `day`,
/// if any: day first, unless that names no real day.
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
    Some(found(day.start, [day, month, year], |[a, b, y]| {
        Date::new(y as u16, b as u8, a as u8).or_else(|| Date::new(y as u16, a as u8, b as u8))
    }))
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
    let before = before.strip_suffix('.').unwrap_or(before);
    // The month: the word ending there, of at most 10 characters.
    let mut word = before.len();
    for (n, c) in before.chars().rev().enumerate() {
        if !is_word(c) {
            break;
        }
        if n == 10 {
            return None;
        }
        word -= c.len_utf8();
    }
    let mut after = after_suffix(
        text,
        day.end,
        &[['s', 't'], ['n', 'd'], ['r', 'd'], ['t', 'h']],
    );
    if text.as_bytes().get(after) == Some(&b',') {
        after += 1;
    }
    let year = year_at(text, spaces(text, after)?)?;
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

/// The end of a possible month name at `i`: 3 to 10 characters up to a `.`,
/// a `,` or a space (a month name has letters only, as many after folding).
fn month_word_end(text: &str, i: usize) -> Option<usize> {
    for (n, (j, c)) in text[i..].char_indices().enumerate() {
        if matches!(c, '.' | ',') || c.is_whitespace() {
            return (3..=10).contains(&n).then_some(i + j);
        }
        if n == 10 {
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

/// The character at byte offset `i`.
fn char_at(text: &str, i: usize) -> Option<char> {
    text[i..].chars().next()
}

/// No word character (`\w`) ends right before byte offset `i`.
fn word_start(text: &str, i: usize) -> bool {
    text[..i].chars().next_back().is_none_or(|c| !is_word(c))
}

/// No word character (`\w`) starts at byte offset `i`.
fn word_end(text: &str, i: usize) -> bool {
    char_at(text, i).is_none_or(|c| !is_word(c))
}

/// A decimal digit of any script (`\d`: general category Nd).
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && in_table(&DIGIT, c))
}

/// A word character (`\w`: alphabetic, mark, decimal digit, connector
/// punctuation or join control).
fn is_word(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        in_table(&WORD, c)
    }
}

/// `c` is in the set of `table`: sorted bounds, each range from one bound
/// (included) to the next (excluded).
fn in_table(table: &[u32], c: char) -> bool {
    table.partition_point(|&b| b <= u32::from(c)) % 2 == 1
}

/// Word characters (`\w`) other than ASCII ones, as sorted bounds for
/// [`in_table`]: Unicode 16.0, as the `regex` crate has them.
const WORD: [u32; 1584] = [
    0xAA, 0xAB, 0xB5, 0xB6, 0xBA, 0xBB, 0xC0, 0xD7, 0xD8, 0xF7, 0xF8, 0x2C2, 0x2C6, 0x2D2, 0x2E0,
    0x2E5, 0x2EC, 0x2ED, 0x2EE, 0x2EF, 0x300, 0x375, 0x376, 0x378, 0x37A, 0x37E, 0x37F, 0x380,
    0x386, 0x387, 0x388, 0x38B, 0x38C, 0x38D, 0x38E, 0x3A2, 0x3A3, 0x3F6, 0x3F7, 0x482, 0x483,
    0x530, 0x531, 0x557, 0x559, 0x55A, 0x560, 0x589, 0x591, 0x5BE, 0x5BF, 0x5C0, 0x5C1, 0x5C3,
    0x5C4, 0x5C6, 0x5C7, 0x5C8, 0x5D0, 0x5EB, 0x5EF, 0x5F3, 0x610, 0x61B, 0x620, 0x66A, 0x66E,
    0x6D4, 0x6D5, 0x6DD, 0x6DF, 0x6E9, 0x6EA, 0x6FD, 0x6FF, 0x700, 0x710, 0x74B, 0x74D, 0x7B2,
    0x7C0, 0x7F6, 0x7FA, 0x7FB, 0x7FD, 0x7FE, 0x800, 0x82E, 0x840, 0x85C, 0x860, 0x86B, 0x870,
    0x888, 0x889, 0x88F, 0x897, 0x8E2, 0x8E3, 0x964, 0x966, 0x970, 0x971, 0x984, 0x985, 0x98D,
    0x98F, 0x991, 0x993, 0x9A9, 0x9AA, 0x9B1, 0x9B2, 0x9B3, 0x9B6, 0x9BA, 0x9BC, 0x9C5, 0x9C7,
    0x9C9, 0x9CB, 0x9CF, 0x9D7, 0x9D8, 0x9DC, 0x9DE, 0x9DF, 0x9E4, 0x9E6, 0x9F2, 0x9FC, 0x9FD,
    0x9FE, 0x9FF, 0xA01, 0xA04, 0xA05, 0xA0B, 0xA0F, 0xA11, 0xA13, 0xA29, 0xA2A, 0xA31, 0xA32,
    0xA34, 0xA35, 0xA37, 0xA38, 0xA3A, 0xA3C, 0xA3D, 0xA3E, 0xA43, 0xA47, 0xA49, 0xA4B, 0xA4E,
    0xA51, 0xA52, 0xA59, 0xA5D, 0xA5E, 0xA5F, 0xA66, 0xA76, 0xA81, 0xA84, 0xA85, 0xA8E, 0xA8F,
    0xA92, 0xA93, 0xAA9, 0xAAA, 0xAB1, 0xAB2, 0xAB4, 0xAB5, 0xABA, 0xABC, 0xAC6, 0xAC7, 0xACA,
    0xACB, 0xACE, 0xAD0, 0xAD1, 0xAE0, 0xAE4, 0xAE6, 0xAF0, 0xAF9, 0xB00, 0xB01, 0xB04, 0xB05,
    0xB0D, 0xB0F, 0xB11, 0xB13, 0xB29, 0xB2A, 0xB31, 0xB32, 0xB34, 0xB35, 0xB3A, 0xB3C, 0xB45,
    0xB47, 0xB49, 0xB4B, 0xB4E, 0xB55, 0xB58, 0xB5C, 0xB5E, 0xB5F, 0xB64, 0xB66, 0xB70, 0xB71,
    0xB72, 0xB82, 0xB84, 0xB85, 0xB8B, 0xB8E, 0xB91, 0xB92, 0xB96, 0xB99, 0xB9B, 0xB9C, 0xB9D,
    0xB9E, 0xBA0, 0xBA3, 0xBA5, 0xBA8, 0xBAB, 0xBAE, 0xBBA, 0xBBE, 0xBC3, 0xBC6, 0xBC9, 0xBCA,
    0xBCE, 0xBD0, 0xBD1, 0xBD7, 0xBD8, 0xBE6, 0xBF0, 0xC00, 0xC0D, 0xC0E, 0xC11, 0xC12, 0xC29,
    0xC2A, 0xC3A, 0xC3C, 0xC45, 0xC46, 0xC49, 0xC4A, 0xC4E, 0xC55, 0xC57, 0xC58, 0xC5B, 0xC5D,
    0xC5E, 0xC60, 0xC64, 0xC66, 0xC70, 0xC80, 0xC84, 0xC85, 0xC8D, 0xC8E, 0xC91, 0xC92, 0xCA9,
    0xCAA, 0xCB4, 0xCB5, 0xCBA, 0xCBC, 0xCC5, 0xCC6, 0xCC9, 0xCCA, 0xCCE, 0xCD5, 0xCD7, 0xCDD,
    0xCDF, 0xCE0, 0xCE4, 0xCE6, 0xCF0, 0xCF1, 0xCF4, 0xD00, 0xD0D, 0xD0E, 0xD11, 0xD12, 0xD45,
    0xD46, 0xD49, 0xD4A, 0xD4F, 0xD54, 0xD58, 0xD5F, 0xD64, 0xD66, 0xD70, 0xD7A, 0xD80, 0xD81,
    0xD84, 0xD85, 0xD97, 0xD9A, 0xDB2, 0xDB3, 0xDBC, 0xDBD, 0xDBE, 0xDC0, 0xDC7, 0xDCA, 0xDCB,
    0xDCF, 0xDD5, 0xDD6, 0xDD7, 0xDD8, 0xDE0, 0xDE6, 0xDF0, 0xDF2, 0xDF4, 0xE01, 0xE3B, 0xE40,
    0xE4F, 0xE50, 0xE5A, 0xE81, 0xE83, 0xE84, 0xE85, 0xE86, 0xE8B, 0xE8C, 0xEA4, 0xEA5, 0xEA6,
    0xEA7, 0xEBE, 0xEC0, 0xEC5, 0xEC6, 0xEC7, 0xEC8, 0xECF, 0xED0, 0xEDA, 0xEDC, 0xEE0, 0xF00,
    0xF01, 0xF18, 0xF1A, 0xF20, 0xF2A, 0xF35, 0xF36, 0xF37, 0xF38, 0xF39, 0xF3A, 0xF3E, 0xF48,
    0xF49, 0xF6D, 0xF71, 0xF85, 0xF86, 0xF98, 0xF99, 0xFBD, 0xFC6, 0xFC7, 0x1000, 0x104A, 0x1050,
    0x109E, 0x10A0, 0x10C6, 0x10C7, 0x10C8, 0x10CD, 0x10CE, 0x10D0, 0x10FB, 0x10FC, 0x1249, 0x124A,
    0x124E, 0x1250, 0x1257, 0x1258, 0x1259, 0x125A, 0x125E, 0x1260, 0x1289, 0x128A, 0x128E, 0x1290,
    0x12B1, 0x12B2, 0x12B6, 0x12B8, 0x12BF, 0x12C0, 0x12C1, 0x12C2, 0x12C6, 0x12C8, 0x12D7, 0x12D8,
    0x1311, 0x1312, 0x1316, 0x1318, 0x135B, 0x135D, 0x1360, 0x1380, 0x1390, 0x13A0, 0x13F6, 0x13F8,
    0x13FE, 0x1401, 0x166D, 0x166F, 0x1680, 0x1681, 0x169B, 0x16A0, 0x16EB, 0x16EE, 0x16F9, 0x1700,
    0x1716, 0x171F, 0x1735, 0x1740, 0x1754, 0x1760, 0x176D, 0x176E, 0x1771, 0x1772, 0x1774, 0x1780,
    0x17D4, 0x17D7, 0x17D8, 0x17DC, 0x17DE, 0x17E0, 0x17EA, 0x180B, 0x180E, 0x180F, 0x181A, 0x1820,
    0x1879, 0x1880, 0x18AB, 0x18B0, 0x18F6, 0x1900, 0x191F, 0x1920, 0x192C, 0x1930, 0x193C, 0x1946,
    0x196E, 0x1970, 0x1975, 0x1980, 0x19AC, 0x19B0, 0x19CA, 0x19D0, 0x19DA, 0x1A00, 0x1A1C, 0x1A20,
    0x1A5F, 0x1A60, 0x1A7D, 0x1A7F, 0x1A8A, 0x1A90, 0x1A9A, 0x1AA7, 0x1AA8, 0x1AB0, 0x1ACF, 0x1B00,
    0x1B4D, 0x1B50, 0x1B5A, 0x1B6B, 0x1B74, 0x1B80, 0x1BF4, 0x1C00, 0x1C38, 0x1C40, 0x1C4A, 0x1C4D,
    0x1C7E, 0x1C80, 0x1C8B, 0x1C90, 0x1CBB, 0x1CBD, 0x1CC0, 0x1CD0, 0x1CD3, 0x1CD4, 0x1CFB, 0x1D00,
    0x1F16, 0x1F18, 0x1F1E, 0x1F20, 0x1F46, 0x1F48, 0x1F4E, 0x1F50, 0x1F58, 0x1F59, 0x1F5A, 0x1F5B,
    0x1F5C, 0x1F5D, 0x1F5E, 0x1F5F, 0x1F7E, 0x1F80, 0x1FB5, 0x1FB6, 0x1FBD, 0x1FBE, 0x1FBF, 0x1FC2,
    0x1FC5, 0x1FC6, 0x1FCD, 0x1FD0, 0x1FD4, 0x1FD6, 0x1FDC, 0x1FE0, 0x1FED, 0x1FF2, 0x1FF5, 0x1FF6,
    0x1FFD, 0x200C, 0x200E, 0x203F, 0x2041, 0x2054, 0x2055, 0x2071, 0x2072, 0x207F, 0x2080, 0x2090,
    0x209D, 0x20D0, 0x20F1, 0x2102, 0x2103, 0x2107, 0x2108, 0x210A, 0x2114, 0x2115, 0x2116, 0x2119,
    0x211E, 0x2124, 0x2125, 0x2126, 0x2127, 0x2128, 0x2129, 0x212A, 0x212E, 0x212F, 0x213A, 0x213C,
    0x2140, 0x2145, 0x214A, 0x214E, 0x214F, 0x2160, 0x2189, 0x24B6, 0x24EA, 0x2C00, 0x2CE5, 0x2CEB,
    0x2CF4, 0x2D00, 0x2D26, 0x2D27, 0x2D28, 0x2D2D, 0x2D2E, 0x2D30, 0x2D68, 0x2D6F, 0x2D70, 0x2D7F,
    0x2D97, 0x2DA0, 0x2DA7, 0x2DA8, 0x2DAF, 0x2DB0, 0x2DB7, 0x2DB8, 0x2DBF, 0x2DC0, 0x2DC7, 0x2DC8,
    0x2DCF, 0x2DD0, 0x2DD7, 0x2DD8, 0x2DDF, 0x2DE0, 0x2E00, 0x2E2F, 0x2E30, 0x3005, 0x3008, 0x3021,
    0x3030, 0x3031, 0x3036, 0x3038, 0x303D, 0x3041, 0x3097, 0x3099, 0x309B, 0x309D, 0x30A0, 0x30A1,
    0x30FB, 0x30FC, 0x3100, 0x3105, 0x3130, 0x3131, 0x318F, 0x31A0, 0x31C0, 0x31F0, 0x3200, 0x3400,
    0x4DC0, 0x4E00, 0xA48D, 0xA4D0, 0xA4FE, 0xA500, 0xA60D, 0xA610, 0xA62C, 0xA640, 0xA673, 0xA674,
    0xA67E, 0xA67F, 0xA6F2, 0xA717, 0xA720, 0xA722, 0xA789, 0xA78B, 0xA7CE, 0xA7D0, 0xA7D2, 0xA7D3,
    0xA7D4, 0xA7D5, 0xA7DD, 0xA7F2, 0xA828, 0xA82C, 0xA82D, 0xA840, 0xA874, 0xA880, 0xA8C6, 0xA8D0,
    0xA8DA, 0xA8E0, 0xA8F8, 0xA8FB, 0xA8FC, 0xA8FD, 0xA92E, 0xA930, 0xA954, 0xA960, 0xA97D, 0xA980,
    0xA9C1, 0xA9CF, 0xA9DA, 0xA9E0, 0xA9FF, 0xAA00, 0xAA37, 0xAA40, 0xAA4E, 0xAA50, 0xAA5A, 0xAA60,
    0xAA77, 0xAA7A, 0xAAC3, 0xAADB, 0xAADE, 0xAAE0, 0xAAF0, 0xAAF2, 0xAAF7, 0xAB01, 0xAB07, 0xAB09,
    0xAB0F, 0xAB11, 0xAB17, 0xAB20, 0xAB27, 0xAB28, 0xAB2F, 0xAB30, 0xAB5B, 0xAB5C, 0xAB6A, 0xAB70,
    0xABEB, 0xABEC, 0xABEE, 0xABF0, 0xABFA, 0xAC00, 0xD7A4, 0xD7B0, 0xD7C7, 0xD7CB, 0xD7FC, 0xF900,
    0xFA6E, 0xFA70, 0xFADA, 0xFB00, 0xFB07, 0xFB13, 0xFB18, 0xFB1D, 0xFB29, 0xFB2A, 0xFB37, 0xFB38,
    0xFB3D, 0xFB3E, 0xFB3F, 0xFB40, 0xFB42, 0xFB43, 0xFB45, 0xFB46, 0xFBB2, 0xFBD3, 0xFD3E, 0xFD50,
    0xFD90, 0xFD92, 0xFDC8, 0xFDF0, 0xFDFC, 0xFE00, 0xFE10, 0xFE20, 0xFE30, 0xFE33, 0xFE35, 0xFE4D,
    0xFE50, 0xFE70, 0xFE75, 0xFE76, 0xFEFD, 0xFF10, 0xFF1A, 0xFF21, 0xFF3B, 0xFF3F, 0xFF40, 0xFF41,
    0xFF5B, 0xFF66, 0xFFBF, 0xFFC2, 0xFFC8, 0xFFCA, 0xFFD0, 0xFFD2, 0xFFD8, 0xFFDA, 0xFFDD,
    0x10000, 0x1000C, 0x1000D, 0x10027, 0x10028, 0x1003B, 0x1003C, 0x1003E, 0x1003F, 0x1004E,
    0x10050, 0x1005E, 0x10080, 0x100FB, 0x10140, 0x10175, 0x101FD, 0x101FE, 0x10280, 0x1029D,
    0x102A0, 0x102D1, 0x102E0, 0x102E1, 0x10300, 0x10320, 0x1032D, 0x1034B, 0x10350, 0x1037B,
    0x10380, 0x1039E, 0x103A0, 0x103C4, 0x103C8, 0x103D0, 0x103D1, 0x103D6, 0x10400, 0x1049E,
    0x104A0, 0x104AA, 0x104B0, 0x104D4, 0x104D8, 0x104FC, 0x10500, 0x10528, 0x10530, 0x10564,
    0x10570, 0x1057B, 0x1057C, 0x1058B, 0x1058C, 0x10593, 0x10594, 0x10596, 0x10597, 0x105A2,
    0x105A3, 0x105B2, 0x105B3, 0x105BA, 0x105BB, 0x105BD, 0x105C0, 0x105F4, 0x10600, 0x10737,
    0x10740, 0x10756, 0x10760, 0x10768, 0x10780, 0x10786, 0x10787, 0x107B1, 0x107B2, 0x107BB,
    0x10800, 0x10806, 0x10808, 0x10809, 0x1080A, 0x10836, 0x10837, 0x10839, 0x1083C, 0x1083D,
    0x1083F, 0x10856, 0x10860, 0x10877, 0x10880, 0x1089F, 0x108E0, 0x108F3, 0x108F4, 0x108F6,
    0x10900, 0x10916, 0x10920, 0x1093A, 0x10980, 0x109B8, 0x109BE, 0x109C0, 0x10A00, 0x10A04,
    0x10A05, 0x10A07, 0x10A0C, 0x10A14, 0x10A15, 0x10A18, 0x10A19, 0x10A36, 0x10A38, 0x10A3B,
    0x10A3F, 0x10A40, 0x10A60, 0x10A7D, 0x10A80, 0x10A9D, 0x10AC0, 0x10AC8, 0x10AC9, 0x10AE7,
    0x10B00, 0x10B36, 0x10B40, 0x10B56, 0x10B60, 0x10B73, 0x10B80, 0x10B92, 0x10C00, 0x10C49,
    0x10C80, 0x10CB3, 0x10CC0, 0x10CF3, 0x10D00, 0x10D28, 0x10D30, 0x10D3A, 0x10D40, 0x10D66,
    0x10D69, 0x10D6E, 0x10D6F, 0x10D86, 0x10E80, 0x10EAA, 0x10EAB, 0x10EAD, 0x10EB0, 0x10EB2,
    0x10EC2, 0x10EC5, 0x10EFC, 0x10F1D, 0x10F27, 0x10F28, 0x10F30, 0x10F51, 0x10F70, 0x10F86,
    0x10FB0, 0x10FC5, 0x10FE0, 0x10FF7, 0x11000, 0x11047, 0x11066, 0x11076, 0x1107F, 0x110BB,
    0x110C2, 0x110C3, 0x110D0, 0x110E9, 0x110F0, 0x110FA, 0x11100, 0x11135, 0x11136, 0x11140,
    0x11144, 0x11148, 0x11150, 0x11174, 0x11176, 0x11177, 0x11180, 0x111C5, 0x111C9, 0x111CD,
    0x111CE, 0x111DB, 0x111DC, 0x111DD, 0x11200, 0x11212, 0x11213, 0x11238, 0x1123E, 0x11242,
    0x11280, 0x11287, 0x11288, 0x11289, 0x1128A, 0x1128E, 0x1128F, 0x1129E, 0x1129F, 0x112A9,
    0x112B0, 0x112EB, 0x112F0, 0x112FA, 0x11300, 0x11304, 0x11305, 0x1130D, 0x1130F, 0x11311,
    0x11313, 0x11329, 0x1132A, 0x11331, 0x11332, 0x11334, 0x11335, 0x1133A, 0x1133B, 0x11345,
    0x11347, 0x11349, 0x1134B, 0x1134E, 0x11350, 0x11351, 0x11357, 0x11358, 0x1135D, 0x11364,
    0x11366, 0x1136D, 0x11370, 0x11375, 0x11380, 0x1138A, 0x1138B, 0x1138C, 0x1138E, 0x1138F,
    0x11390, 0x113B6, 0x113B7, 0x113C1, 0x113C2, 0x113C3, 0x113C5, 0x113C6, 0x113C7, 0x113CB,
    0x113CC, 0x113D4, 0x113E1, 0x113E3, 0x11400, 0x1144B, 0x11450, 0x1145A, 0x1145E, 0x11462,
    0x11480, 0x114C6, 0x114C7, 0x114C8, 0x114D0, 0x114DA, 0x11580, 0x115B6, 0x115B8, 0x115C1,
    0x115D8, 0x115DE, 0x11600, 0x11641, 0x11644, 0x11645, 0x11650, 0x1165A, 0x11680, 0x116B9,
    0x116C0, 0x116CA, 0x116D0, 0x116E4, 0x11700, 0x1171B, 0x1171D, 0x1172C, 0x11730, 0x1173A,
    0x11740, 0x11747, 0x11800, 0x1183B, 0x118A0, 0x118EA, 0x118FF, 0x11907, 0x11909, 0x1190A,
    0x1190C, 0x11914, 0x11915, 0x11917, 0x11918, 0x11936, 0x11937, 0x11939, 0x1193B, 0x11944,
    0x11950, 0x1195A, 0x119A0, 0x119A8, 0x119AA, 0x119D8, 0x119DA, 0x119E2, 0x119E3, 0x119E5,
    0x11A00, 0x11A3F, 0x11A47, 0x11A48, 0x11A50, 0x11A9A, 0x11A9D, 0x11A9E, 0x11AB0, 0x11AF9,
    0x11BC0, 0x11BE1, 0x11BF0, 0x11BFA, 0x11C00, 0x11C09, 0x11C0A, 0x11C37, 0x11C38, 0x11C41,
    0x11C50, 0x11C5A, 0x11C72, 0x11C90, 0x11C92, 0x11CA8, 0x11CA9, 0x11CB7, 0x11D00, 0x11D07,
    0x11D08, 0x11D0A, 0x11D0B, 0x11D37, 0x11D3A, 0x11D3B, 0x11D3C, 0x11D3E, 0x11D3F, 0x11D48,
    0x11D50, 0x11D5A, 0x11D60, 0x11D66, 0x11D67, 0x11D69, 0x11D6A, 0x11D8F, 0x11D90, 0x11D92,
    0x11D93, 0x11D99, 0x11DA0, 0x11DAA, 0x11EE0, 0x11EF7, 0x11F00, 0x11F11, 0x11F12, 0x11F3B,
    0x11F3E, 0x11F43, 0x11F50, 0x11F5B, 0x11FB0, 0x11FB1, 0x12000, 0x1239A, 0x12400, 0x1246F,
    0x12480, 0x12544, 0x12F90, 0x12FF1, 0x13000, 0x13430, 0x13440, 0x13456, 0x13460, 0x143FB,
    0x14400, 0x14647, 0x16100, 0x1613A, 0x16800, 0x16A39, 0x16A40, 0x16A5F, 0x16A60, 0x16A6A,
    0x16A70, 0x16ABF, 0x16AC0, 0x16ACA, 0x16AD0, 0x16AEE, 0x16AF0, 0x16AF5, 0x16B00, 0x16B37,
    0x16B40, 0x16B44, 0x16B50, 0x16B5A, 0x16B63, 0x16B78, 0x16B7D, 0x16B90, 0x16D40, 0x16D6D,
    0x16D70, 0x16D7A, 0x16E40, 0x16E80, 0x16F00, 0x16F4B, 0x16F4F, 0x16F88, 0x16F8F, 0x16FA0,
    0x16FE0, 0x16FE2, 0x16FE3, 0x16FE5, 0x16FF0, 0x16FF2, 0x17000, 0x187F8, 0x18800, 0x18CD6,
    0x18CFF, 0x18D09, 0x1AFF0, 0x1AFF4, 0x1AFF5, 0x1AFFC, 0x1AFFD, 0x1AFFF, 0x1B000, 0x1B123,
    0x1B132, 0x1B133, 0x1B150, 0x1B153, 0x1B155, 0x1B156, 0x1B164, 0x1B168, 0x1B170, 0x1B2FC,
    0x1BC00, 0x1BC6B, 0x1BC70, 0x1BC7D, 0x1BC80, 0x1BC89, 0x1BC90, 0x1BC9A, 0x1BC9D, 0x1BC9F,
    0x1CCF0, 0x1CCFA, 0x1CF00, 0x1CF2E, 0x1CF30, 0x1CF47, 0x1D165, 0x1D16A, 0x1D16D, 0x1D173,
    0x1D17B, 0x1D183, 0x1D185, 0x1D18C, 0x1D1AA, 0x1D1AE, 0x1D242, 0x1D245, 0x1D400, 0x1D455,
    0x1D456, 0x1D49D, 0x1D49E, 0x1D4A0, 0x1D4A2, 0x1D4A3, 0x1D4A5, 0x1D4A7, 0x1D4A9, 0x1D4AD,
    0x1D4AE, 0x1D4BA, 0x1D4BB, 0x1D4BC, 0x1D4BD, 0x1D4C4, 0x1D4C5, 0x1D506, 0x1D507, 0x1D50B,
    0x1D50D, 0x1D515, 0x1D516, 0x1D51D, 0x1D51E, 0x1D53A, 0x1D53B, 0x1D53F, 0x1D540, 0x1D545,
    0x1D546, 0x1D547, 0x1D54A, 0x1D551, 0x1D552, 0x1D6A6, 0x1D6A8, 0x1D6C1, 0x1D6C2, 0x1D6DB,
    0x1D6DC, 0x1D6FB, 0x1D6FC, 0x1D715, 0x1D716, 0x1D735, 0x1D736, 0x1D74F, 0x1D750, 0x1D76F,
    0x1D770, 0x1D789, 0x1D78A, 0x1D7A9, 0x1D7AA, 0x1D7C3, 0x1D7C4, 0x1D7CC, 0x1D7CE, 0x1D800,
    0x1DA00, 0x1DA37, 0x1DA3B, 0x1DA6D, 0x1DA75, 0x1DA76, 0x1DA84, 0x1DA85, 0x1DA9B, 0x1DAA0,
    0x1DAA1, 0x1DAB0, 0x1DF00, 0x1DF1F, 0x1DF25, 0x1DF2B, 0x1E000, 0x1E007, 0x1E008, 0x1E019,
    0x1E01B, 0x1E022, 0x1E023, 0x1E025, 0x1E026, 0x1E02B, 0x1E030, 0x1E06E, 0x1E08F, 0x1E090,
    0x1E100, 0x1E12D, 0x1E130, 0x1E13E, 0x1E140, 0x1E14A, 0x1E14E, 0x1E14F, 0x1E290, 0x1E2AF,
    0x1E2C0, 0x1E2FA, 0x1E4D0, 0x1E4FA, 0x1E5D0, 0x1E5FB, 0x1E7E0, 0x1E7E7, 0x1E7E8, 0x1E7EC,
    0x1E7ED, 0x1E7EF, 0x1E7F0, 0x1E7FF, 0x1E800, 0x1E8C5, 0x1E8D0, 0x1E8D7, 0x1E900, 0x1E94C,
    0x1E950, 0x1E95A, 0x1EE00, 0x1EE04, 0x1EE05, 0x1EE20, 0x1EE21, 0x1EE23, 0x1EE24, 0x1EE25,
    0x1EE27, 0x1EE28, 0x1EE29, 0x1EE33, 0x1EE34, 0x1EE38, 0x1EE39, 0x1EE3A, 0x1EE3B, 0x1EE3C,
    0x1EE42, 0x1EE43, 0x1EE47, 0x1EE48, 0x1EE49, 0x1EE4A, 0x1EE4B, 0x1EE4C, 0x1EE4D, 0x1EE50,
    0x1EE51, 0x1EE53, 0x1EE54, 0x1EE55, 0x1EE57, 0x1EE58, 0x1EE59, 0x1EE5A, 0x1EE5B, 0x1EE5C,
    0x1EE5D, 0x1EE5E, 0x1EE5F, 0x1EE60, 0x1EE61, 0x1EE63, 0x1EE64, 0x1EE65, 0x1EE67, 0x1EE6B,
    0x1EE6C, 0x1EE73, 0x1EE74, 0x1EE78, 0x1EE79, 0x1EE7D, 0x1EE7E, 0x1EE7F, 0x1EE80, 0x1EE8A,
    0x1EE8B, 0x1EE9C, 0x1EEA1, 0x1EEA4, 0x1EEA5, 0x1EEAA, 0x1EEAB, 0x1EEBC, 0x1F130, 0x1F14A,
    0x1F150, 0x1F16A, 0x1F170, 0x1F18A, 0x1FBF0, 0x1FBFA, 0x20000, 0x2A6E0, 0x2A700, 0x2B73A,
    0x2B740, 0x2B81E, 0x2B820, 0x2CEA2, 0x2CEB0, 0x2EBE1, 0x2EBF0, 0x2EE5E, 0x2F800, 0x2FA1E,
    0x30000, 0x3134B, 0x31350, 0x323B0, 0xE0100, 0xE01F0,
];

/// Decimal digits (`\d`, general category Nd) other than ASCII ones, as
/// sorted bounds for [`in_table`]: Unicode 16.0, as the `regex` crate has them.
const DIGIT: [u32; 140] = [
    0x660, 0x66A, 0x6F0, 0x6FA, 0x7C0, 0x7CA, 0x966, 0x970, 0x9E6, 0x9F0, 0xA66, 0xA70, 0xAE6,
    0xAF0, 0xB66, 0xB70, 0xBE6, 0xBF0, 0xC66, 0xC70, 0xCE6, 0xCF0, 0xD66, 0xD70, 0xDE6, 0xDF0,
    0xE50, 0xE5A, 0xED0, 0xEDA, 0xF20, 0xF2A, 0x1040, 0x104A, 0x1090, 0x109A, 0x17E0, 0x17EA,
    0x1810, 0x181A, 0x1946, 0x1950, 0x19D0, 0x19DA, 0x1A80, 0x1A8A, 0x1A90, 0x1A9A, 0x1B50, 0x1B5A,
    0x1BB0, 0x1BBA, 0x1C40, 0x1C4A, 0x1C50, 0x1C5A, 0xA620, 0xA62A, 0xA8D0, 0xA8DA, 0xA900, 0xA90A,
    0xA9D0, 0xA9DA, 0xA9F0, 0xA9FA, 0xAA50, 0xAA5A, 0xABF0, 0xABFA, 0xFF10, 0xFF1A, 0x104A0,
    0x104AA, 0x10D30, 0x10D3A, 0x10D40, 0x10D4A, 0x11066, 0x11070, 0x110F0, 0x110FA, 0x11136,
    0x11140, 0x111D0, 0x111DA, 0x112F0, 0x112FA, 0x11450, 0x1145A, 0x114D0, 0x114DA, 0x11650,
    0x1165A, 0x116C0, 0x116CA, 0x116D0, 0x116E4, 0x11730, 0x1173A, 0x118E0, 0x118EA, 0x11950,
    0x1195A, 0x11BF0, 0x11BFA, 0x11C50, 0x11C5A, 0x11D50, 0x11D5A, 0x11DA0, 0x11DAA, 0x11F50,
    0x11F5A, 0x16130, 0x1613A, 0x16A60, 0x16A6A, 0x16AC0, 0x16ACA, 0x16B50, 0x16B5A, 0x16D70,
    0x16D7A, 0x1CCF0, 0x1CCFA, 0x1D7CE, 0x1D800, 0x1E140, 0x1E14A, 0x1E2F0, 0x1E2FA, 0x1E4F0,
    0x1E4FA, 0x1E5F1, 0x1E5FB, 0x1E950, 0x1E95A, 0x1FBF0, 0x1FBFA,
];

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    /// The regex implementation the scanner replaced, kept as its oracle.
    mod oracle {
        use super::super::{month_number, Date};
        use regex::Regex;
        use std::sync::LazyLock as Lazy;

        pub(super) static ISO: Lazy<Regex> =
            Lazy::new(|| Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})\b").expect("iso date regex"));
        pub(super) static NUMERIC: Lazy<Regex> = Lazy::new(|| {
            Regex::new(r"\b(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b").expect("numeric date regex")
        });
        pub(super) static DAY_MONTH: Lazy<Regex> = Lazy::new(|| {
            Regex::new(r"(?i)\b(\d{1,2})(?:\.|er|st|nd|rd|th)?\s+(?:de\s+)?(\p{L}{3,10})\.?,?\s+(?:de\s+)?(\d{4})\b")
                .expect("day month regex")
        });
        pub(super) static MONTH_DAY: Lazy<Regex> = Lazy::new(|| {
            Regex::new(r"(?i)\b(\p{L}{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
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
        }

        impl Forms {
            fn of(text: &str) -> Forms {
                let mut f = Forms {
                    iso: false,
                    numeric: false,
                    month: false,
                };
                let mut prev_sep = None;
                for c in text.chars() {
                    if let Some(sep) = prev_sep {
                        if c.is_numeric() {
                            f.numeric = true;
                            f.iso |= sep == '-';
                        }
                    }
                    prev_sep = matches!(c, '.' | '/' | '-').then_some(c);
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
                    let d = Date::new(num(&c[1])? as u16, num(&c[2])? as u8, num(&c[3])? as u8);
                    consider(c.get(0)?.start(), d);
                }
            }
            if forms.numeric {
                if let Some(c) = NUMERIC.captures(text) {
                    let (a, b, y) = (num(&c[1])?, num(&c[2])?, num(&c[3])?);
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
    fn character_classes_are_those_of_the_regexes() {
        each_char_agrees(r"^\d$", is_digit);
        each_char_agrees(r"^\s$", char::is_whitespace);
        // A word boundary after the character: it is a word character.
        let re = Regex::new(r"(?s)^.\b").unwrap();
        each_char_agrees(r"^\w$", is_word);
        for c in ['a', 'é', '\u{301}', '_', '\u{200d}', '٣', '²', '-', ' '] {
            assert_eq!(re.is_match(&format!("{c}-")), is_word(c), "{c:?}");
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
        // So a month name is 3 to 10 letters, as the written forms want.
        for name in MONTHS.concat() {
            assert!((3..=10).contains(&name.chars().count()), "{name}");
        }
    }

    /// Pieces of text near the date forms, to be put together at random.
    const PIECES: &[&str] = &[
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
        "O\u{212a}T",
        "oKt",
        "mai",
        "May",
        "foo",
        "bar",
        "days",
        "abcdefghijk",
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
