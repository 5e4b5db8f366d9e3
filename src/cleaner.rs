//! The configured cleaner and its builder.

use crate::article::{Article, Block, ChromeSegment, Label, LineInfo};
use crate::{classify, features, lines, Error};
use std::borrow::Cow;

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

    /// Clean one dump.
    ///
    /// # Errors
    ///
    /// [`Error::InputTooLarge`] or [`Error::LineTooLong`] when the input
    /// breaks a configured limit.
    pub fn clean<'a>(&self, input: &'a str) -> Result<Article<'a>, Error> {
        let cfg = &self.config;
        if input.len() > cfg.max_input_bytes {
            return Err(Error::InputTooLarge {
                len: input.len(),
                limit: cfg.max_input_bytes,
            });
        }
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
        let evidence = features::gather(&lines);
        let a = classify::analyze(&lines, &evidence, cfg.mode);

        let blocks = lines
            .iter()
            .zip(&a.kinds)
            .filter_map(|(l, k)| {
                k.map(|kind| Block {
                    kind,
                    text: Cow::Borrowed(l.text),
                    span: l.text_span.clone(),
                })
            })
            .collect();

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
