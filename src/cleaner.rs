//! The configured cleaner and its builder: it checks the input, cuts a
//! long dump into parts, and for each part runs the pass
//! ([`crate::pipeline`]), settles the body ([`crate::settle`]) and
//! assembles the article ([`crate::assemble`]).

use crate::article::{Article, Block, ChromeSegment, Label, LineInfo};
use crate::input::{binary_offset, parts, survey, PART_ROWS};
use crate::pipeline::{self, Page};
use crate::tuning::Tuning;
use crate::{assemble, columns, lines, settle, Error, SiteProfile};
use std::ops::Range;

/// How to trade precision against recall.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub enum Mode {
    /// Keep only lines that are clearly article text; a smaller, cleaner body.
    Precision,
    /// The default: the best overall token F1 on the project's evaluation pages.
    #[default]
    Balanced,
    /// Keep doubtful lines near the article; a fuller body with more chrome.
    Recall,
}

/// Cleans dumps. Cheap to clone, `Send + Sync`, reusable across threads.
///
/// ```
/// use dumpclean::{Cleaner, Mode};
///
/// let dump = "Menu\nHome\nSport\n\n\
///     The harbour reopened on Monday after three weeks of repairs to the old quay walls.\n\n\
///     Fishermen said the closure had cost them most of the spring season, and that they \
///     would ask the province for help before the summer.\n\n\
///     The port authority expects the first ferries to call again at the end of the week, \
///     once the last safety checks on the new walls are done.\n\n\
///     Newsletter\nPrivacy policy\n";
/// let cleaner = Cleaner::builder().mode(Mode::Precision).build();
/// let article = cleaner.clean(dump).unwrap();
/// assert_eq!(article.blocks().len(), 3);
/// assert!(article.body_text().starts_with("The harbour reopened"));
/// ```
#[derive(Debug, Clone, Default)]
pub struct Cleaner {
    config: Config,
}

#[derive(Debug, Clone)]
struct Config {
    mode: Mode,
    max_input_bytes: usize,
    max_line_bytes: usize,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            mode: Mode::Balanced,
            max_input_bytes: 1 << 30,
            max_line_bytes: 256 << 20,
        }
    }
}

/// Configures a [`Cleaner`].
///
/// ```
/// let cleaner = dumpclean::Cleaner::builder()
///     .mode(dumpclean::Mode::Recall)
///     .max_input_bytes(64 << 20)
///     .build();
/// # let _ = cleaner;
/// ```
#[derive(Debug, Clone, Default)]
pub struct CleanerBuilder {
    config: Config,
}

impl CleanerBuilder {
    /// A builder with the default settings.
    pub fn new() -> CleanerBuilder {
        CleanerBuilder::default()
    }

    /// The precision/recall trade-off (default [`Mode::Balanced`]).
    pub fn mode(mut self, mode: Mode) -> CleanerBuilder {
        self.config.mode = mode;
        self
    }

    /// The largest input accepted, in bytes (default 1 GiB); larger input
    /// gives [`Error::InputTooLarge`].
    pub fn max_input_bytes(mut self, limit: usize) -> CleanerBuilder {
        self.config.max_input_bytes = limit;
        self
    }

    /// The longest line accepted, in bytes (default 256 MiB); a longer line
    /// gives [`Error::LineTooLong`].
    pub fn max_line_bytes(mut self, limit: usize) -> CleanerBuilder {
        self.config.max_line_bytes = limit;
        self
    }

    /// The configured cleaner.
    pub fn build(self) -> Cleaner {
        Cleaner {
            config: self.config,
        }
    }
}

impl Cleaner {
    /// A cleaner with the default settings.
    pub fn new() -> Cleaner {
        Cleaner::default()
    }

    /// A builder to configure a cleaner.
    pub fn builder() -> CleanerBuilder {
        CleanerBuilder::new()
    }

    /// The configured mode.
    pub fn mode(&self) -> Mode {
        self.config.mode
    }

    /// Clean one dump given as bytes, such as a file read with `std::fs::read`.
    ///
    /// The bytes must be UTF-8; a UTF-8 byte-order mark is allowed and left
    /// out of the first line's text. All spans in the result are offsets into
    /// `input` itself. CRLF line ends are handled as `\n`, and a lone `\r`
    /// separates cells of a line, so its text is never run together.
    ///
    /// # Errors
    ///
    /// [`Error::Utf16`] for a UTF-16 byte-order mark, [`Error::Binary`] for
    /// binary bytes (checked before UTF-8), [`Error::InvalidUtf8`] for bytes
    /// that are not UTF-8, and the errors of [`Cleaner::clean`].
    ///
    /// ```
    /// let cleaner = dumpclean::Cleaner::new();
    /// let bytes = b"\xEF\xBB\xBFHeadline of the day\r\n\r\nThe text of the article, long enough to be kept as its body.\r\n";
    /// let article = cleaner.clean_bytes(bytes).unwrap();
    /// let block = &article.blocks()[0];
    /// assert_eq!(&bytes[block.span.clone()], block.text.as_bytes());
    /// assert!(matches!(
    ///     cleaner.clean_bytes(b"caf\xE9"),
    ///     Err(dumpclean::Error::InvalidUtf8 { valid_up_to: 3 })
    /// ));
    /// ```
    pub fn clean_bytes<'a>(&self, input: &'a [u8]) -> Result<Article<'a>, Error> {
        match input {
            [0xFF, 0xFE, ..] => return Err(Error::Utf16 { big_endian: false }),
            [0xFE, 0xFF, ..] => return Err(Error::Utf16 { big_endian: true }),
            _ => {}
        }
        if let Some(offset) = binary_offset(input) {
            return Err(Error::Binary { offset });
        }
        if input.len() > self.config.max_input_bytes {
            return Err(Error::InputTooLarge {
                len: input.len(),
                limit: self.config.max_input_bytes,
            });
        }
        let text = std::str::from_utf8(input).map_err(|e| Error::InvalidUtf8 {
            valid_up_to: e.valid_up_to(),
        })?;
        self.clean(text)
    }

    /// Clean one dump.
    ///
    /// # Errors
    ///
    /// [`Error::InputTooLarge`] or [`Error::LineTooLong`] when the input
    /// breaks a configured limit; [`Error::Binary`] when its start holds NUL
    /// bytes or many other control bytes.
    pub fn clean<'a>(&self, input: &'a str) -> Result<Article<'a>, Error> {
        self.clean_inner(input, None)
    }

    /// Clean one dump of a site with the site's [`SiteProfile`]: lines that
    /// recur on the site's pages count as evidence of chrome, weighed with
    /// the page's own signals. A page that copies most of its text from
    /// another page of the profile is cleaned as without one.
    ///
    /// # Errors
    ///
    /// As [`Cleaner::clean`].
    pub fn clean_with_profile<'a>(
        &self,
        input: &'a str,
        profile: &SiteProfile,
    ) -> Result<Article<'a>, Error> {
        self.clean_inner(input, Some(profile))
    }

    /// Clean many dumps; the results are in the order of `dumps`, each equal
    /// to what [`Cleaner::clean`] returns for it.
    ///
    /// With the `rayon` feature the dumps are cleaned in parallel on rayon's
    /// current thread pool (run it inside `ThreadPool::install` to choose the
    /// threads); the results are the same whatever the number of threads.
    ///
    /// ```
    /// let dumps = ["Menu\n\nA first article paragraph that is long enough to be kept as text.\n",
    ///              "Home\n\nA second article paragraph, also long enough to be kept as text.\n"];
    /// let articles = dumpclean::Cleaner::new().clean_batch(&dumps);
    /// assert_eq!(articles.len(), 2);
    /// assert!(articles[1].as_ref().unwrap().body_text().starts_with("A second"));
    /// ```
    pub fn clean_batch<'a, S>(&self, dumps: &'a [S]) -> Vec<Result<Article<'a>, Error>>
    where
        S: AsRef<str> + Sync,
    {
        #[cfg(feature = "rayon")]
        {
            use rayon::prelude::*;
            dumps.par_iter().map(|d| self.clean(d.as_ref())).collect()
        }
        #[cfg(not(feature = "rayon"))]
        {
            dumps.iter().map(|d| self.clean(d.as_ref())).collect()
        }
    }

    fn clean_inner<'a>(
        &self,
        input: &'a str,
        profile: Option<&SiteProfile>,
    ) -> Result<Article<'a>, Error> {
        let cfg = &self.config;
        if input.len() > cfg.max_input_bytes {
            return Err(Error::InputTooLarge {
                len: input.len(),
                limit: cfg.max_input_bytes,
            });
        }
        let survey = survey(input.as_bytes());
        // A dump without a control byte does not look binary.
        if let Some(offset) = survey
            .control
            .then(|| binary_offset(input.as_bytes()))
            .flatten()
        {
            return Err(Error::Binary { offset });
        }
        let parts = parts(input, &survey);
        if let [one] = &parts[..] {
            return self.clean_part(input, one.rows, profile, survey.control);
        }
        // A long dump is cleaned part by part: the working memory stays that
        // of one part, and the cost per line does not grow with the dump.
        let mut article = Article {
            title: None,
            date: None,
            byline: None,
            image_credit: None,
            comment_count: None,
            blocks: Vec::new(),
            chrome: Vec::new(),
            lines: Vec::with_capacity(parts.last().map_or(0, |p| p.row) + PART_ROWS * 2),
        };
        for part in parts {
            let off = part.bytes.start;
            let a = self
                .clean_part(&input[part.bytes], part.rows, profile, survey.control)
                .map_err(|e| match e {
                    Error::LineTooLong { line, len, limit } => Error::LineTooLong {
                        line: line + part.row,
                        len,
                        limit,
                    },
                    e => e,
                })?;
            // The first title found is the article's; a later part's
            // headline is metadata of that part.
            let later_title = article.title.is_some() && a.title.is_some();
            if article.title.is_none() {
                article.title = a.title;
            }
            article.date = article.date.or(a.date);
            article.byline = article.byline.or(a.byline);
            article.image_credit = article.image_credit.or(a.image_credit);
            article.comment_count = article.comment_count.or(a.comment_count);
            let shift = |r: Range<usize>| r.start + off..r.end + off;
            article.blocks.extend(a.blocks.into_iter().map(|b| Block {
                span: shift(b.span),
                ..b
            }));
            article
                .chrome
                .extend(a.chrome.into_iter().map(|c| ChromeSegment {
                    span: shift(c.span),
                    lines: c.lines.start + part.row..c.lines.end + part.row,
                    ..c
                }));
            article.lines.extend(a.lines.into_iter().map(|l| LineInfo {
                label: match l.label {
                    Label::Title if later_title => Label::Meta,
                    label => label,
                },
                span: shift(l.span),
                score: l.score,
            }));
        }
        Ok(article)
    }

    /// Clean `input`, of `rows` lines, as one part: every line is seen
    /// with all the others. Without `control` bytes in the dump
    /// ([`crate::input::Survey::control`]), no line of it looks binary.
    fn clean_part<'a>(
        &self,
        input: &'a str,
        rows: usize,
        profile: Option<&SiteProfile>,
        control: bool,
    ) -> Result<Article<'a>, Error> {
        let cfg = &self.config;
        let (lines, words) = lines::split_page_of_rows(input, rows);
        // Every line has a cell: on most pages one, whose span is the line's.
        let rows = (lines.len() != rows).then(|| assemble::row_spans(&lines));
        let max = cfg.max_line_bytes;
        // A line lies in its part: in a part no longer than the limit (the
        // usual limit is far above any page), no line is longer, and the
        // lines need no walk.
        let too_long = match &rows {
            _ if input.len() <= max => None,
            Some(rows) => rows
                .iter()
                .map(|r| r.len())
                .enumerate()
                .find(|&(_, n)| n > max),
            None => lines
                .iter()
                .map(|l| l.span.len())
                .enumerate()
                .find(|&(_, n)| n > max),
        };
        if let Some((i, len)) = too_long {
            return Err(Error::LineTooLong {
                line: i,
                len,
                limit: max,
            });
        }
        // With one cell per line, no line holds columns: the scan's order
        // is the reading order.
        debug_assert!(rows.is_some() || lines.windows(2).all(|w| w[0].row != w[1].row));
        let (lines, words) = match rows {
            None => (lines, words),
            Some(_) => columns::reading_order(input, lines, words),
        };
        let page = Page::scanned(lines, words, profile);
        let tuning = Tuning::for_mode(cfg.mode);
        let mut verdicts = pipeline::pass(&page, &tuning);
        let blocks = settle::settle(input, &page, &mut verdicts, &tuning, profile, control);
        Ok(assemble::article(input, &page, verdicts, rows, blocks))
    }
}
