//! The configured cleaner and its builder.

use crate::article::{Article, Block, BlockKind, ChromeSegment, Label, LineInfo};
use crate::{classify, features, lines, settle, Error, SiteProfile};
use std::borrow::Cow;
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
        if let Some(offset) = binary_offset(input.as_bytes()) {
            return Err(Error::Binary { offset });
        }
        let parts = parts(input);
        if parts.len() == 1 {
            return self.clean_part(input, profile);
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
                .clean_part(&input[part.bytes], profile)
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

    /// Clean `input` as one part: every line is seen with all the others.
    fn clean_part<'a>(
        &self,
        input: &'a str,
        profile: Option<&SiteProfile>,
    ) -> Result<Article<'a>, Error> {
        let cfg = &self.config;
        let lines = lines::split_lines(input);
        let rows = row_spans(&lines);
        if let Some((i, r)) = rows
            .iter()
            .enumerate()
            .find(|(_, r)| r.len() > cfg.max_line_bytes)
        {
            return Err(Error::LineTooLong {
                line: i,
                len: r.len(),
                limit: cfg.max_line_bytes,
            });
        }
        let evidence = features::gather_with(&lines, profile, |_| None);
        let words = crate::context::WordKeys::of(&lines, |_| None);
        let mut a = classify::analyze(&lines, &evidence, cfg.mode, &words);
        settle::settle(input, &lines, &evidence, &words, &mut a, cfg.mode, profile);
        unify_chrome_rows(&lines, &mut a.labels);

        let blocks = build_blocks(input, &lines, &a.kinds);

        // Chrome segments: runs of cells of one kind; blank lines between two
        // cells of the same segment join it.
        let mut chrome: Vec<ChromeSegment<'a>> = Vec::new();
        let mut last_cell = 0; // the last cell of the open segment
        let mut prev_nonblank: Option<usize> = None;
        for (i, (l, label)) in lines.iter().zip(&a.labels).enumerate() {
            if *label == Label::Blank {
                continue;
            }
            if let Label::Chrome(kind) = *label {
                match chrome.last_mut() {
                    Some(seg) if seg.kind == kind && Some(last_cell) == prev_nonblank => {
                        seg.lines.end = l.row + 1;
                        seg.span.end = l.span.end;
                    }
                    _ => chrome.push(ChromeSegment {
                        kind,
                        text: Cow::Borrowed(""),
                        span: l.span.clone(),
                        lines: l.row..l.row + 1,
                    }),
                }
                last_cell = i;
            }
            prev_nonblank = Some(i);
        }
        for seg in &mut chrome {
            seg.text = Cow::Borrowed(&input[seg.span.clone()]);
        }

        // One record per input line: the strongest label of its cells.
        let mut infos: Vec<LineInfo> = rows
            .iter()
            .map(|r| LineInfo {
                label: Label::Blank,
                span: r.clone(),
                score: 0.0,
            })
            .collect();
        for ((l, &label), e) in lines.iter().zip(&a.labels).zip(&evidence) {
            let info = &mut infos[l.row];
            if rank(label) > rank(info.label) {
                info.label = label;
            }
            if !l.is_blank() {
                info.score = info.score.max(1.0 / (1.0 + (-e.logit).exp()));
            }
        }

        Ok(Article {
            title: a.title.map(Cow::Borrowed),
            date: a.date,
            byline: a.byline.map(Cow::Borrowed),
            image_credit: a.image_credit.map(Cow::Borrowed),
            comment_count: a.comment_count,
            blocks,
            chrome,
            lines: infos,
        })
    }
}

/// The body blocks: one per body cell, except that the lines of a
/// hard-wrapped paragraph make one block.
pub(crate) fn build_blocks<'a>(
    input: &'a str,
    lines: &[lines::Line<'a>],
    kinds: &[Option<BlockKind>],
) -> Vec<Block<'a>> {
    let runs = lines::wrapped_runs(lines);
    let mut blocks: Vec<Block<'a>> = Vec::new();
    let mut last: Option<usize> = None; // the cell of the last block's end
    for (i, (l, k)) in lines.iter().zip(kinds).enumerate() {
        let Some(kind) = *k else { continue };
        let joins = kind == BlockKind::Paragraph
            && last.is_some_and(|j| {
                runs[j] == runs[i] && kinds[j] == Some(BlockKind::Paragraph) && j + 1 == i
            });
        match blocks.last_mut() {
            Some(b) if joins => {
                b.span.end = l.text_span.end;
                b.text = Cow::Borrowed(&input[b.span.clone()]);
            }
            _ => blocks.push(Block {
                kind,
                text: Cow::Borrowed(l.text),
                span: l.text_span.clone(),
            }),
        }
        last = Some(i);
    }
    blocks
}

/// A dump of more lines than this is cleaned in parts of about this many
/// lines: more than any real page holds (the longest evaluation pages have
/// under 4,000 lines), few enough to keep the working memory small.
const PART_ROWS: usize = 16_384;

/// One part of a long dump: its bytes (without the line feed that ends it)
/// and the index of its first line.
struct Part {
    bytes: Range<usize>,
    row: usize,
}

/// The parts a dump is cleaned in: one for a dump of at most `PART_ROWS`
/// lines. A part ends before a blank line once it holds `PART_ROWS` lines
/// (paragraphs and lists stay whole), and at twice that many in any case.
fn parts(input: &str) -> Vec<Part> {
    let bytes = input.as_bytes();
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

/// The span of each input line, from the spans of its cells.
fn row_spans(cells: &[lines::Line<'_>]) -> Vec<std::ops::Range<usize>> {
    let mut rows: Vec<std::ops::Range<usize>> = Vec::new();
    for c in cells {
        match rows.get_mut(c.row) {
            Some(r) => r.end = c.span.end,
            None => rows.push(c.span.clone()),
        }
    }
    rows
}

/// Which label a line with cells of several labels takes: body first.
fn rank(label: Label) -> u8 {
    match label {
        Label::Body => 5,
        Label::Title => 4,
        Label::Meta => 3,
        Label::Chrome(_) => 2,
        Label::Blank => 1,
    }
}

/// A control byte other than tab, line feed, form feed, carriage return and
/// escape: a sign of binary content.
pub(crate) fn is_control(b: u8) -> bool {
    b < 0x20 && !matches!(b, b'\t' | b'\n' | 0x0c | b'\r' | 0x1b)
}

/// How many leading bytes are checked for binary content.
const BINARY_SAMPLE: usize = 8192;

/// The offset of the first control byte when the start of `bytes` looks
/// binary: any NUL byte, or more than one in ten bytes a control byte other
/// than tab, line feed, form feed, carriage return and escape.
fn binary_offset(bytes: &[u8]) -> Option<usize> {
    let sample = &bytes[..bytes.len().min(BINARY_SAMPLE)];
    if let Some(i) = sample.iter().position(|&b| b == 0) {
        return Some(i);
    }
    let count = sample.iter().filter(|&&b| is_control(b)).count();
    if count * 10 > sample.len() {
        sample.iter().position(|&b| is_control(b))
    } else {
        None
    }
}

/// A line whose cells are all chrome (or blank) is one piece of chrome: its
/// cells take the kind of its first chrome cell, so that the line lies in
/// exactly one chrome segment.
fn unify_chrome_rows(cells: &[lines::Line<'_>], labels: &mut [Label]) {
    let mut start = 0;
    while start < cells.len() {
        let row = cells[start].row;
        let end = cells[start..]
            .iter()
            .position(|c| c.row != row)
            .map_or(cells.len(), |k| start + k);
        let all_chrome = labels[start..end]
            .iter()
            .all(|l| matches!(l, Label::Chrome(_) | Label::Blank));
        let first = labels[start..end]
            .iter()
            .find(|l| matches!(l, Label::Chrome(_)))
            .copied();
        if let (true, Some(kind)) = (all_chrome, first) {
            for l in &mut labels[start..end] {
                if matches!(l, Label::Chrome(_)) {
                    *l = kind;
                }
            }
        }
        start = end;
    }
}
