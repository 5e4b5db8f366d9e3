//! A small calendar date type and the date patterns found in dumps.

use once_cell::sync::Lazy;
use regex::Regex;
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

static ISO: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})\b").expect("iso date regex"));
static NUMERIC: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"\b(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b").expect("numeric date regex")
});
static DAY_MONTH: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})(?:\.|er|st|nd|rd|th)?\s+(?:de\s+)?(\p{L}{3,10})\.?,?\s+(?:de\s+)?(\d{4})\b")
        .expect("day month regex")
});
static MONTH_DAY: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(\p{L}{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
        .expect("month day regex")
});

/// The first date written in `text`, in any of the common forms:
/// `2025-08-08`, `08/08/2025` (day first), `8 augustus 2025`, `8. August 2025`,
/// `August 8, 2025`, `8 de agosto de 2025`.
pub(crate) fn find_date(text: &str) -> Option<Date> {
    if !has_year(text) {
        return None;
    }
    find_date_in(text, Forms::of(text))
}

/// `text` has four digits in a row: every date form names a four-digit year.
fn has_year(text: &str) -> bool {
    let mut run = 0;
    text.bytes().any(|b| {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        run == 4
    })
}

/// Which date patterns can match a text: cheap tests of what each pattern
/// needs, so that the patterns (slow on lines with non-ASCII letters) run
/// only where they may match. Skipping a pattern never changes the result.
#[derive(Debug, Clone, Copy)]
struct Forms {
    /// `-` then a digit: needed by `2025-08-08`.
    iso: bool,
    /// `.`, `/` or `-` then a digit: needed by `08/08/2025`.
    numeric: bool,
    /// A word that is a month name: needed by both written forms, whose
    /// month is a whole run of letters between non-letters.
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

/// [`find_date`] with the patterns `forms` allows.
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
            // Day first (the European order), unless that is impossible.
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

#[cfg(test)]
mod tests {
    use super::*;

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

    /// Every pattern tried, whatever the text: what [`find_date`] must equal.
    fn find_date_every_form(text: &str) -> Option<Date> {
        let all = Forms {
            iso: true,
            numeric: true,
            month: true,
        };
        has_year(text).then(|| find_date_in(text, all)).flatten()
    }

    #[test]
    fn skipping_forms_that_cannot_match_changes_nothing_on_the_seeds_and_pages() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata");
        let mut found = 0;
        for sub in ["seeds", "pages"] {
            for entry in std::fs::read_dir(format!("{dir}/{sub}")).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "txt") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    for line in text.lines() {
                        let want = find_date_every_form(line);
                        assert_eq!(find_date(line), want, "{line:?}");
                        found += usize::from(want.is_some());
                    }
                }
            }
        }
        assert!(found > 0);
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]
        #[test]
        fn skipping_forms_that_cannot_match_changes_nothing(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "2025", "1999", "08", "8", "31", "-", "/", ".", ",", " ", "  ", "\t", "de", "er", "th",
                "augustus", "Aug", "März", "mars", "Nov.", "déc", "dic", "janvier", "foo", "é", "ß",
                "١٢", "٢٠٢٥", "x2025", "2024-01-05", "05.01.2024", "12:00", "\u{0301}", "à", "_",
            ]), 1..14)
        ) {
            let text: String = parts.concat();
            proptest::prop_assert_eq!(find_date(&text), find_date_every_form(&text), "{:?}", text);
        }
    }
}
