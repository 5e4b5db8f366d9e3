//! Site profiles: which lines recur across the pages of one site.

use crate::keys::{norm_key, KeyMap};
use crate::lines::split_lines;
use std::borrow::Cow;
use std::fmt;

/// How many distinct lines a profile keeps by default.
pub const DEFAULT_MAX_LINES: usize = 500_000;

/// The longest text kept per line for inspection, in bytes.
const TEXT_BYTES: usize = 64;

/// What a site's pages have in common: for every distinct line (compared by
/// its letters and digits, lowercased), on how many pages it occurs.
///
/// Learn a profile from many dumps of one site, then clean each of them with
/// [`Cleaner::clean_with_profile`](crate::Cleaner::clean_with_profile): a line
/// that recurs on the site's pages (menus, footers, "read also" headings,
/// promo lines) is strong evidence of chrome, weighed together with the
/// page's own signals, so that a recurring line inside the article text
/// (a standard disclaimer, a recurring sub-heading) is judged in context.
///
/// A profile is the same whatever the order of its pages, profiles learned on
/// shards can be [merged](SiteProfile::merge), and with the `serde` feature a
/// profile can be saved and loaded.
///
/// # Memory
///
/// A profile holds at most [`max_lines`](SiteProfile::max_lines) distinct
/// lines (default [`DEFAULT_MAX_LINES`]), each with up to 64 bytes of text:
/// at most about 140 bytes per line of the limit (70 MB at the default;
/// measured: 10,000 pages, 118 MB of text, 552,000 distinct lines). When a
/// site has more distinct lines, the profile keeps a sample chosen by a hash
/// of the line's text, never by the order of the pages: it halves the range
/// of hashes it keeps until the lines fit, and says how much with
/// [`sampled`](SiteProfile::sampled). A sampled profile knows fewer of the
/// site's template lines; raise the limit when memory allows.
///
/// ```
/// use dumpclean::{Cleaner, SiteProfile};
///
/// let pages = [
///     "Home\nSport\nWeather\n\nBridge reopens after repairs\n\nThe old bridge over the river reopened on Monday after three months of repairs, the city said.\n\nNewsletter\nPrivacy policy\n",
///     "Home\nSport\nWeather\n\nNew library opens\n\nThe new library in the town centre opened its doors on Saturday to hundreds of visitors.\n\nNewsletter\nPrivacy policy\n",
///     "Home\nSport\nWeather\n\nMarket moves to the square\n\nThe weekly market will move to the main square from next month, the council decided on Tuesday.\n\nNewsletter\nPrivacy policy\n",
/// ];
/// let mut profile = SiteProfile::new();
/// for page in pages {
///     profile.learn(page);
/// }
/// assert_eq!(profile.pages(), 3);
/// assert_eq!(profile.page_count("Privacy policy"), 3);
/// let template: Vec<String> = profile.template_lines(0.5).map(|t| t.text).collect();
/// assert!(template.contains(&"newsletter".to_string()));
///
/// let article = Cleaner::new().clean_with_profile(pages[0], &profile).unwrap();
/// assert!(article.body_text().starts_with("The old bridge"));
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct SiteProfile {
    pages: u64,
    max_lines: usize,
    /// Only lines whose key is below this bound are kept.
    bound: u64,
    lines: KeyMap<Entry>,
}

#[derive(Clone, PartialEq, Eq)]
struct Entry {
    pages: u64,
    /// The smallest display form seen (lowercased, white space collapsed,
    /// cut to [`TEXT_BYTES`]): the same whatever the order of the pages.
    text: Box<str>,
}

/// A line of a [`SiteProfile`] and the number of pages it occurs on.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TemplateLine {
    /// The line, lowercased, its white space collapsed and cut to 64 bytes.
    pub text: String,
    /// How many of the profile's pages hold the line.
    pub pages: u64,
}

impl Default for SiteProfile {
    fn default() -> SiteProfile {
        SiteProfile::new()
    }
}

impl fmt::Debug for SiteProfile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SiteProfile")
            .field("pages", &self.pages)
            .field("lines", &self.lines.len())
            .field("max_lines", &self.max_lines)
            .field("sampled", &self.sampled())
            .finish()
    }
}

impl SiteProfile {
    /// An empty profile that keeps up to [`DEFAULT_MAX_LINES`] distinct lines.
    pub fn new() -> SiteProfile {
        SiteProfile::with_max_lines(DEFAULT_MAX_LINES)
    }

    /// An empty profile that keeps up to `max_lines` distinct lines (at least one).
    pub fn with_max_lines(max_lines: usize) -> SiteProfile {
        SiteProfile {
            pages: 0,
            max_lines: max_lines.max(1),
            bound: u64::MAX,
            lines: KeyMap::default(),
        }
    }

    /// Add one page (a raw dump) of the site.
    pub fn learn(&mut self, dump: &str) {
        let lines = split_lines(dump);
        let mut seen: Vec<(u64, &str)> = lines
            .iter()
            .filter_map(|l| {
                let k = l.lex.key;
                (k != 0 && k < self.bound).then_some((k, l.text))
            })
            .collect();
        // Once per page. Of several lines with one key, the smallest text
        // stands for them: a choice that depends on the page alone, not on
        // which lines the profile's bound let through before.
        seen.sort_unstable();
        seen.dedup_by_key(|e| e.0);
        for (key, text) in seen {
            let text = display(text);
            match self.lines.get_mut(&key) {
                Some(e) => {
                    e.pages += 1;
                    if *text < *e.text {
                        e.text = text;
                    }
                }
                None => {
                    self.lines.insert(key, Entry { pages: 1, text });
                }
            }
        }
        self.pages += 1;
        self.shrink();
    }

    /// Add the pages of `other`, as if they had been learned by `self`. The
    /// result keeps the smaller of the two limits on lines.
    pub fn merge(&mut self, other: &SiteProfile) {
        self.max_lines = self.max_lines.min(other.max_lines);
        self.bound = self.bound.min(other.bound);
        let bound = self.bound;
        self.lines.retain(|&k, _| k < bound);
        for (&key, e) in other.lines.iter().filter(|(&k, _)| k < bound) {
            match self.lines.get_mut(&key) {
                Some(mine) => {
                    mine.pages += e.pages;
                    if e.text < mine.text {
                        mine.text = e.text.clone();
                    }
                }
                None => {
                    self.lines.insert(key, e.clone());
                }
            }
        }
        self.pages += other.pages;
        self.shrink();
    }

    /// Keep the lines within `max_lines` by halving the range of kept keys.
    fn shrink(&mut self) {
        while self.lines.len() > self.max_lines {
            self.bound /= 2;
            let bound = self.bound;
            self.lines.retain(|&k, _| k < bound);
        }
    }

    /// How many pages the profile was learned from.
    pub fn pages(&self) -> u64 {
        self.pages
    }

    /// How many distinct lines the profile holds.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// The profile holds no line.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The most distinct lines the profile keeps.
    pub fn max_lines(&self) -> usize {
        self.max_lines
    }

    /// The share of all lines the profile keeps: 1.0 until a site has more
    /// than [`max_lines`](SiteProfile::max_lines) distinct lines, then 1/2,
    /// 1/4, … (a sample chosen by a hash of the text).
    pub fn sampled(&self) -> f64 {
        if self.bound == u64::MAX {
            1.0
        } else {
            self.bound as f64 / u64::MAX as f64
        }
    }

    /// The site a page belongs to, read from its URL, as profiles are kept
    /// by site in corpus mode: the URL's host without user, port and a
    /// leading `www.`, ASCII-lowercased; `None` for a URL without a host.
    /// The command-line tool and the Python package use this key.
    ///
    /// ```
    /// use dumpclean::SiteProfile;
    ///
    /// assert_eq!(
    ///     SiteProfile::site_of("https://WWW.Example.org:8080/a?b").as_deref(),
    ///     Some("example.org")
    /// );
    /// assert_eq!(SiteProfile::site_of("news.example.org/x").as_deref(), Some("news.example.org"));
    /// assert_eq!(SiteProfile::site_of("https:///x"), None);
    /// ```
    pub fn site_of(url: &str) -> Option<Cow<'_, str>> {
        let rest = url.split_once("://").map_or(url, |(_, r)| r);
        let host = rest.split(['/', '?', '#']).next()?;
        let host = host.rsplit('@').next()?.split(':').next()?;
        // Lowercasing ASCII keeps every byte where it is.
        let host = match host.get(..4) {
            Some(www) if www.eq_ignore_ascii_case("www.") => &host[4..],
            _ => host,
        };
        if host.is_empty() {
            None
        } else if host.bytes().any(|b| b.is_ascii_uppercase()) {
            Some(Cow::Owned(host.to_ascii_lowercase()))
        } else {
            Some(Cow::Borrowed(host))
        }
    }

    /// On how many pages of the profile `line` occurs (compared by its
    /// lowercased letters and digits); 0 for a line the profile does not hold.
    pub fn page_count(&self, line: &str) -> u64 {
        self.count(norm_key(line))
    }

    pub(crate) fn count(&self, key: u64) -> u64 {
        self.lines.get(&key).map_or(0, |e| e.pages)
    }

    /// The lines on at least `min_share` of the pages (and on two pages at
    /// least), the most frequent first, then by text.
    pub fn template_lines(&self, min_share: f64) -> impl Iterator<Item = TemplateLine> {
        let min = ((min_share * self.pages as f64).ceil() as u64).max(2);
        let mut out: Vec<TemplateLine> = self
            .lines
            .values()
            .filter(|e| e.pages >= min)
            .map(|e| TemplateLine {
                text: e.text.to_string(),
                pages: e.pages,
            })
            .collect();
        out.sort_by(|a, b| b.pages.cmp(&a.pages).then_with(|| a.text.cmp(&b.text)));
        out.into_iter()
    }
}

/// A line's display form: lowercased, white space collapsed, cut to
/// [`TEXT_BYTES`] on a char boundary.
fn display(text: &str) -> Box<str> {
    let mut out = String::with_capacity(text.len().min(TEXT_BYTES));
    for w in text.split_whitespace() {
        if !out.is_empty() {
            if out.len() + 1 >= TEXT_BYTES {
                break;
            }
            out.push(' ');
        }
        for c in w.chars().flat_map(char::to_lowercase) {
            if out.len() + c.len_utf8() > TEXT_BYTES {
                out.truncate(out.trim_end().len());
                return out.into_boxed_str();
            }
            out.push(c);
        }
    }
    out.into_boxed_str()
}

#[cfg(feature = "serde")]
mod serde_impl {
    use super::{Entry, SiteProfile};
    use serde::{Deserialize, Serialize};

    /// The saved form: entries sorted by key, so that equal profiles save
    /// to equal files.
    #[derive(Serialize, Deserialize)]
    struct Saved {
        format: u32,
        pages: u64,
        max_lines: usize,
        bound: u64,
        lines: Vec<(u64, u64, String)>,
    }

    const FORMAT: u32 = 1;

    impl Serialize for SiteProfile {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut lines: Vec<(u64, u64, String)> = self
                .lines
                .iter()
                .map(|(&k, e)| (k, e.pages, e.text.to_string()))
                .collect();
            lines.sort_unstable_by_key(|e| e.0);
            Saved {
                format: FORMAT,
                pages: self.pages,
                max_lines: self.max_lines,
                bound: self.bound,
                lines,
            }
            .serialize(s)
        }
    }

    impl<'de> Deserialize<'de> for SiteProfile {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<SiteProfile, D::Error> {
            use serde::de::Error;
            let saved = Saved::deserialize(d)?;
            if saved.format != FORMAT {
                return Err(D::Error::custom(format!(
                    "site profile format {} is not supported (expected {FORMAT})",
                    saved.format
                )));
            }
            if saved.lines.len() > saved.max_lines.max(1) {
                return Err(D::Error::custom(
                    "site profile holds more lines than its max_lines",
                ));
            }
            let mut lines = crate::keys::KeyMap::with_capacity_and_hasher(
                saved.lines.len(),
                Default::default(),
            );
            for (key, pages, text) in saved.lines {
                if key == 0 || key >= saved.bound || pages == 0 || pages > saved.pages {
                    return Err(D::Error::custom(format!(
                        "site profile line {key} is invalid (pages {pages} of {}, bound {})",
                        saved.pages, saved.bound
                    )));
                }
                lines.insert(
                    key,
                    Entry {
                        pages,
                        text: text.into_boxed_str(),
                    },
                );
            }
            Ok(SiteProfile {
                pages: saved.pages,
                max_lines: saved.max_lines.max(1),
                bound: saved.bound,
                lines,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "Home\nSport\n\nFirst story text\n\nPrivacy\n";
    const B: &str = "home\nSPORT\n\nSecond story text\n\nPrivacy\nHome\n";
    const C: &str = "Home\nWeather\n\nThird story text\n\nPrivacy\n";

    fn learned(pages: &[&str], max_lines: usize) -> SiteProfile {
        let mut p = SiteProfile::with_max_lines(max_lines);
        for page in pages {
            p.learn(page);
        }
        p
    }

    #[test]
    fn counts_pages_not_lines() {
        let p = learned(&[A, B, C], 100);
        assert_eq!(p.pages(), 3);
        assert_eq!(p.page_count("HOME"), 3);
        assert_eq!(p.page_count("Sport"), 2);
        assert_eq!(p.page_count("Weather"), 1);
        assert_eq!(p.page_count("Nowhere"), 0);
        let t: Vec<TemplateLine> = p.template_lines(0.6).collect();
        assert_eq!(
            t,
            [
                TemplateLine {
                    text: "home".into(),
                    pages: 3
                },
                TemplateLine {
                    text: "privacy".into(),
                    pages: 3
                },
                TemplateLine {
                    text: "sport".into(),
                    pages: 2
                },
            ]
        );
    }

    #[test]
    fn order_and_sharding_do_not_matter() {
        for max in [2, 3, 5, 100] {
            let abc = learned(&[A, B, C], max);
            assert_eq!(abc, learned(&[C, A, B], max), "max {max}");
            assert_eq!(abc, learned(&[B, C, A], max), "max {max}");
            let mut merged = learned(&[B], max);
            merged.merge(&learned(&[C, A], max));
            assert_eq!(abc, merged, "max {max}");
            assert!(abc.len() <= max);
        }
    }

    #[test]
    fn display_text_is_lowercased_and_cut() {
        assert_eq!(&*display("  Read   ALSO "), "read also");
        assert_eq!(
            &*display(&"Word ".repeat(20)),
            "word ".repeat(13).trim_end()
        );
        let long = "é".repeat(100);
        let d = display(&long);
        assert!(d.len() <= TEXT_BYTES && d.chars().all(|c| c == 'é'));
    }
}
