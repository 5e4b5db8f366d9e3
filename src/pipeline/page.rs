//! The [`Page`] the pass reads: what steps 1 and 2 (the scan and the
//! evidence) know about a page or a part of a long dump.

use crate::features::{self, Evidence};
use crate::lines::{Line, WordKeys};
use std::cell::Cell;

/// What the scan and the evidence step know about a page (or a part of a
/// long dump): its cells, their evidence and their content-word keys.
pub(crate) struct Page<'a> {
    pub lines: Vec<Line<'a>>,
    pub evidence: Vec<Evidence>,
    pub words: WordKeys,
    /// The hard-wrapped paragraph of each line ([`crate::lines::wrapped_runs`]).
    pub runs: Vec<std::ops::Range<usize>>,
}

thread_local! {
    /// The lines of the last page given back ([`Page::give_back`]), to be
    /// lent for the next ([`Page::lend_lines`]).
    static LINES: Cell<Vec<Line<'static>>> = const { Cell::new(Vec::new()) };
}

/// The buffer of `lines`, emptied, for lines of any text: no line is left
/// in it, so none borrows its text; the collect keeps the buffer (an
/// iterator over a vector collected into one of items of the same size
/// reuses its room, and an empty one has no item to map).
fn unborrowed(mut lines: Vec<Line<'_>>) -> Vec<Line<'static>> {
    lines.clear();
    lines
        .into_iter()
        .map(|_| Line {
            text: "",
            row: 0,
            span: 0..0,
            text_span: 0..0,
            shape: crate::lines::Shape::default(),
            lex: crate::lines::Lexical::BLANK,
        })
        .collect()
}

impl<'a> Page<'a> {
    /// An empty buffer with room for `n` lines, from the last page given
    /// back on this thread if it has the room ([`super::lend`]).
    pub(crate) fn lend_lines(n: usize) -> Vec<Line<'a>> {
        super::lend(&LINES, n)
    }

    /// Scan `input` (its cells in reading order) and gather the evidence,
    /// with the site's profile if any.
    pub(crate) fn of(input: &'a str, profile: Option<&crate::SiteProfile>) -> Page<'a> {
        let (lines, words) = crate::columns::split_page(input);
        Page::scanned(lines, words, profile)
    }

    /// The page of a scan's lines and word keys ([`crate::lines::split_page`]):
    /// gather the evidence, with the site's profile if any.
    pub(crate) fn scanned(
        lines: Vec<Line<'a>>,
        words: WordKeys,
        profile: Option<&crate::SiteProfile>,
    ) -> Page<'a> {
        Page::gathered(lines, words, profile)
    }

    /// The page of `lines`, copies of lines of `earlier`, and their
    /// hard-wrapped paragraphs `runs` ([`crate::lines::wrapped_runs`]):
    /// line `j` holds the same text as line `from[j]` of `earlier` (if
    /// any, else it is blank), and takes its word keys and what is known
    /// of it there.
    pub(crate) fn from_lines(
        lines: Vec<Line<'a>>,
        runs: Vec<std::ops::Range<usize>>,
        profile: Option<&crate::SiteProfile>,
        earlier: &Page<'_>,
        from: &[Option<usize>],
    ) -> Page<'a> {
        // A line that copies none is blank (one between two blocks): it
        // has no word to key, its keys are known too (none, not sought in
        // its text).
        debug_assert!(from
            .iter()
            .zip(&lines)
            .all(|(f, l)| f.is_some() || l.is_blank()));
        let words = WordKeys::copied(&earlier.words, from);
        let evidence = features::gather_copied(
            &lines,
            &runs,
            &words,
            profile,
            (&earlier.evidence, &earlier.runs),
            from,
        );
        Page {
            lines,
            evidence,
            words,
            runs,
        }
    }

    /// The page with its evidence gathered ([`features::gather_with`]).
    fn gathered(
        lines: Vec<Line<'a>>,
        words: WordKeys,
        profile: Option<&crate::SiteProfile>,
    ) -> Page<'a> {
        let runs = crate::lines::wrapped_runs(&lines);
        let evidence = features::gather_with(&lines, &runs, &words, profile);
        Page {
            lines,
            evidence,
            words,
            runs,
        }
    }

    /// Done with the page: the buffers of its lines and paragraphs are
    /// kept for the next page built on this thread ([`super::give_back`]).
    pub(crate) fn give_back(self) {
        super::give_back(&super::RUNS, self.runs);
        super::give_back(&LINES, unborrowed(self.lines));
    }

    /// The indices of the non-blank lines.
    pub(crate) fn non_blank(&self) -> Vec<usize> {
        let mut out = Vec::with_capacity(self.lines.len());
        out.extend((0..self.lines.len()).filter(|&i| !self.lines[i].is_blank()));
        out
    }
}

#[cfg(test)]
mod tests {
    /// A page's lines given back keep their buffer: the next page's lines
    /// are written where they stood, with no allocation.
    #[test]
    fn lines_given_back_keep_their_room() {
        let text = String::from("Home\n\nA line of text.\nAnother line.\n");
        let page = super::Page::of(&text, None);
        let (at, room) = (page.lines.as_ptr() as usize, page.lines.capacity());
        let lines = super::unborrowed(page.lines);
        assert!(lines.is_empty());
        assert_eq!((lines.as_ptr() as usize, lines.capacity()), (at, room));
    }
}
