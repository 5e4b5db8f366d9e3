//! dumpclean turns a raw web-page text dump — a browser's `innerText`, a
//! "save as text", a Common Crawl WET record — into a structured article:
//! the body as typed [`Block`]s, the metadata it can find (title, date,
//! byline, image credit, comment count), and every piece of site chrome
//! (menus, related-article lists, fixtures, comment tickers, promos, legal
//! footers) labelled by [`ChromeKind`], each with its byte span in the input.
//!
//! It works offline and deterministically on plain text, with general signals
//! that hold on any site and in any language: line length and punctuation,
//! times, counts and dates, repetition inside the dump, runs of short lines,
//! the densest region of text, and small cue lexicons in many languages.
//!
//! # Example
//!
//! ```
//! let dump = "\
//! Home
//! News
//! Sport
//!
//! Council approves new bridge
//! By Jane Doe
//!
//! The city council approved the new bridge on Tuesday, ending a debate that lasted three years.
//!
//! Construction starts in spring and should take two years, the mayor said after the vote.
//!
//! 12 comments
//! Read also: Council elections next month
//! © 2025 Example News. All rights reserved.
//! ";
//! let article = dumpclean::clean(dump).unwrap();
//! assert_eq!(article.title(), Some("Council approves new bridge"));
//! assert_eq!(article.byline(), Some("Jane Doe"));
//! assert_eq!(article.comment_count(), Some(12));
//! assert_eq!(article.blocks().len(), 2);
//! assert!(article.body_text().starts_with("The city council approved"));
//! for seg in article.chrome() {
//!     println!("{:?} at {:?}: {:?}", seg.kind, seg.span, seg.text);
//! }
//! ```
//!
//! Every input line gets a [`LineInfo`] with its [`Label`] and score, so a
//! caller can see why a line was kept or dropped:
//!
//! ```
//! let article = dumpclean::clean("Menu\n\nA sentence of article text that is long enough to keep.\n").unwrap();
//! let labels: Vec<&str> = article.lines().iter().map(|l| l.label.as_str()).collect();
//! assert_eq!(labels, ["navigation", "blank", "body", "blank"]);
//! ```
//!
//! For snapshot tests, [`Article::report`] renders an article against its
//! dump as a stable, versioned plain-text [`Report`] (one row per line).
//!
//! # Long dumps
//!
//! A dump of more than 16,384 lines or 32,768 cells (a wide table's lines
//! are many cells each; no real page comes near either: the longest
//! evaluation pages have under 4,000 lines and cells) is cleaned in parts: a
//! part ends before a blank line once it holds 16,384 lines (or, in a dump
//! of many cells, 32,768 cells), and before it would hold more than twice
//! either. A line is never cut, and is split into at most 1,024 cells.
//! Memory then stays that of one part plus the result, and time grows
//! linearly with the dump. The title is the first part's; a later part's
//! headline is labelled [`Label::Meta`]. Cleaning the body text again gives
//! the same body for dumps of one part; a longer body may be cut into other
//! parts the second time.
//!
//! # Corpus mode
//!
//! Many pages of one site give their template away: a [`SiteProfile`]
//! learned from them counts on how many pages each line occurs, and
//! [`Cleaner::clean_with_profile`] weighs that with each page's own signals.
//! Profiles do not depend on the order of the pages, merge across shards,
//! and (with `serde`) save and load.
//!
//! ```
//! let pages = ["Home\nWorld\n\nA first article, with a paragraph long enough to be kept as text.\n\nJoin our newsletter for the best stories every morning\n",
//!              "Home\nWorld\n\nA second article, with another paragraph that is long enough to keep.\n\nJoin our newsletter for the best stories every morning\n"];
//! let mut profile = dumpclean::SiteProfile::new();
//! pages.iter().for_each(|p| profile.learn(p));
//! let article = dumpclean::Cleaner::new().clean_with_profile(pages[0], &profile).unwrap();
//! assert_eq!(article.body_text(), "A first article, with a paragraph long enough to be kept as text.");
//! ```
//!
//! # Features
//!
//! * `serde`: `serde::Serialize` for all output types (an [`Article`] as
//!   the command-line tool's JSON record, see there), and `Serialize` +
//!   `Deserialize` for [`SiteProfile`].
//! * `rayon`: [`Cleaner::clean_batch`] cleans its dumps in parallel.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

/// The README's Rust examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

mod article;
mod assemble;
mod cjk;
mod cleaner;
mod columns;
mod date;
mod error;
mod features;
mod forest;
mod input;
mod keys;
mod lexicon;
mod lines;
mod model;
mod pipeline;
mod profile;
mod report;
mod settle;
mod stopwords;
mod tuning;
mod unicode;
mod unicode_tables;

#[cfg(test)]
mod test_support {
    /// The configuration of the unit property tests: the case count from
    /// `PROPTEST_CASES` (default 256), failures on screen only, no
    /// `proptest-regressions/` files.
    pub(crate) fn proptest_config() -> proptest::test_runner::Config {
        proptest::test_runner::Config {
            failure_persistence: None,
            ..Default::default()
        }
    }

    /// Call `f` with the path and text of every dump (`*.txt`, searched
    /// recursively) under the directory `DUMPCLEAN_CORPUS` names, for the
    /// ignored tests that check a fast path on a whole corpus; returns how
    /// many dumps there were.
    pub(crate) fn for_each_corpus_dump(mut f: impl FnMut(&std::path::Path, &str)) -> usize {
        let root = std::env::var("DUMPCLEAN_CORPUS").expect("DUMPCLEAN_CORPUS");
        let (mut dumps, mut dirs) = (0, vec![std::path::PathBuf::from(root)]);
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "txt") {
                    f(&path, &std::fs::read_to_string(&path).unwrap());
                    dumps += 1;
                }
            }
        }
        dumps
    }
}

pub use article::{Article, Block, BlockKind, ChromeKind, ChromeSegment, Label, LineInfo};
pub use cleaner::{Cleaner, CleanerBuilder, Mode};
pub use date::Date;
pub use error::Error;
pub use profile::{SiteProfile, TemplateLine, DEFAULT_MAX_LINES};
pub use report::Report;

/// Internals for the project's own tools (`tools/fit.py`); not a stable API.
#[doc(hidden)]
pub mod __private {
    /// One cell's input line, its text and its local feature vector.
    pub type Cell = (usize, String, Vec<f32>);

    /// The cells of `input` in reading order, as the cleaner reads them.
    fn cells(input: &str) -> Vec<crate::lines::Line<'_>> {
        crate::columns::split_page(input).0
    }

    /// The local features of every cell of `input`.
    pub fn local_features(input: &str) -> Vec<Cell> {
        let lines = cells(input);
        let ev = crate::features::gather(&lines);
        let runs = crate::lines::wrapped_runs(&lines);
        lines
            .iter()
            .zip(&ev)
            .zip(&runs)
            .map(|((l, e), run)| {
                let shape = crate::features::run_shape(&lines, run.clone());
                let f = crate::features::local_features(l, e, &shape).to_vec();
                (l.row, l.text.to_string(), f)
            })
            .collect()
    }

    /// The names of the local (`"local"`), context (`"context"`) or body
    /// (`"body"`) features,
    /// in the order of the vectors above.
    pub fn feature_names(kind: &str) -> Option<Vec<&'static str>> {
        match kind {
            "local" => Some(crate::features::LOCAL_FEATURES.to_vec()),
            "context" => Some(crate::pipeline::context::CONTEXT_FEATURES.to_vec()),
            "body" => Some(crate::pipeline::sequence::body_feature_names()),
            "title" => Some(crate::pipeline::meta::TITLE_FEATURES.to_vec()),
            _ => None,
        }
    }

    /// The headline candidates of `input` (read as one page) with their
    /// features, as the title step sees them.
    pub fn title_features(input: &str) -> Vec<Cell> {
        let page = crate::pipeline::Page::of(input, None);
        let cands = crate::pipeline::title_candidates(&page);
        let out = cands
            .iter()
            .map(|(i, f)| {
                (
                    page.lines[*i].row,
                    page.lines[*i].text.to_string(),
                    f.to_vec(),
                )
            })
            .collect();
        page.give_back();
        out
    }

    /// The context features of every cell of `input` (default mode).
    pub fn context_features(input: &str) -> Vec<Cell> {
        let lines = cells(input);
        let ev = crate::features::gather(&lines);
        let local: Vec<f32> = ev.iter().map(|e| e.logit).collect();
        let region = crate::pipeline::region::main_region(&lines, &ev, &local);
        let ctx = crate::pipeline::context::context_features(&lines, &ev, &local, &region);
        lines
            .iter()
            .zip(ctx)
            .map(|(l, f)| (l.row, l.text.to_string(), f.to_vec()))
            .collect()
    }

    /// The body model's features of every non-blank cell of `input`.
    pub fn body_features(input: &str) -> Vec<Cell> {
        let mut out = Vec::new();
        each_body_line(input, f32::INFINITY, |l, _, f| {
            let f = f.map(|f| f.to_vec()).unwrap_or_default();
            out.push((l.row, l.text.to_string(), f));
        });
        out
    }

    /// The body model's log-odds of every non-blank cell of `input` (with
    /// the body band of `src/model.rs`), for checking the written
    /// trees against the fitted ones.
    pub fn body_scores(input: &str) -> Vec<(usize, f32)> {
        let mut out = Vec::new();
        let mut padded = crate::pipeline::sequence::body_padded();
        each_body_line(input, crate::model::BODY_BAND, |l, c, f| {
            out.push((l.row, f.map_or(c, |f| padded.score(f))));
        });
        out
    }

    /// Every non-blank line of `input` with its context log-odds and, within
    /// `band` of zero, its body features, as the pass computes them.
    fn each_body_line(
        input: &str,
        band: f32,
        mut each: impl FnMut(&crate::lines::Line<'_>, f32, Option<&[f32; crate::model::N_BODY]>),
    ) {
        let page = crate::pipeline::Page::of(input, None);
        let local: Vec<f32> = page.evidence.iter().map(|e| e.logit).collect();
        let region = crate::pipeline::region::main_region(&page.lines, &page.evidence, &local);
        let nb = page.non_blank();
        crate::pipeline::sequence::body_features(&page, &nb, &local, &region, band, |k, c, f| {
            each(&page.lines[nb[k]], c, f)
        });
    }
}

/// Clean one dump with the default settings.
///
/// A shortcut for `Cleaner::new().clean(input)`.
///
/// # Errors
///
/// [`Error::InputTooLarge`] for input over 1 GiB and [`Error::LineTooLong`]
/// for a line over 256 MiB (the defaults of [`CleanerBuilder`]).
pub fn clean(input: &str) -> Result<Article<'_>, Error> {
    Cleaner::new().clean(input)
}

/// Clean one dump given as bytes (UTF-8, optionally with a byte-order mark),
/// with the default settings; spans are offsets into `input`.
///
/// A shortcut for `Cleaner::new().clean_bytes(input)`.
///
/// # Errors
///
/// [`Error::InvalidUtf8`], [`Error::Utf16`], [`Error::Binary`],
/// [`Error::InputTooLarge`] and [`Error::LineTooLong`]; see
/// [`Cleaner::clean_bytes`].
pub fn clean_bytes(input: &[u8]) -> Result<Article<'_>, Error> {
    Cleaner::new().clean_bytes(input)
}
