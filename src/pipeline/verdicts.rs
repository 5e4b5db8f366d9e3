//! One verdict per line, and the metadata a pass finds: what every step of
//! the pipeline reads and writes, in place of parallel arrays.

use crate::article::{BlockKind, ChromeKind, Label};
use crate::date::Date;
use crate::lines::Line;

/// Why a line got its verdict: the step of the pass that decided it. Kept
/// with every verdict so that a reader (or a test) can ask why a line was
/// kept or dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Why {
    /// Not decided yet (chrome until a step says otherwise).
    Open,
    /// A blank line.
    Blank,
    /// At or after the head of the comment section: never body.
    Comments,
    /// The context model scored it above the mode's threshold.
    Context,
    /// A weaker line between two body lines.
    Gap,
    /// A sentence just before or after the body inside the region.
    Edge,
    /// A standfirst above the first paragraph (named by no chrome kind).
    Lead,
    /// A bulleted item after a body line ending in a colon.
    AnnouncedList,
    /// A short line between paragraphs: a sub-heading.
    Heading,
    /// A short body line among chrome outside the region, or a line of an
    /// inline related box: put back.
    Stray,
    /// Text past the article's end (the page's rights notice, a related
    /// head over a list of teasers): put back.
    PastArticle,
    /// The capture header, or a copy of the headline.
    Title,
    /// A byline, a date line, an image credit, a capture header.
    Meta,
    /// A short question just after the body: a reader poll.
    Poll,
    /// The article's comment count.
    CommentCount,
    /// Kept by the fallback for dumps whose lines all fall short.
    Fallback,
    /// A chrome kind from the line's own cues or its neighbours.
    Chrome,
    /// Left out of the body by the settling pass.
    Settled,
}

/// The verdict on one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Verdict {
    pub label: Label,
    /// The block kind of a body line (`None` for every other line).
    pub kind: Option<BlockKind>,
    /// Later steps leave the line alone.
    pub decided: bool,
    pub why: Why,
}

/// Everything a pass decides about a dump, by line index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Verdicts<'a> {
    lines: Vec<Verdict>,
    pub title: Option<&'a str>,
    pub date: Option<Date>,
    pub byline: Option<&'a str>,
    pub image_credit: Option<&'a str>,
    pub comment_count: Option<u32>,
}

thread_local! {
    /// The verdicts of the last pass done with them ([`Verdicts::give_back`]).
    static VERDICTS: std::cell::Cell<Vec<Verdict>> = const { std::cell::Cell::new(Vec::new()) };
}

/// An open line: chrome until some step decides otherwise.
const OPEN: Verdict = Verdict {
    label: Label::Chrome(ChromeKind::Other),
    kind: None,
    decided: false,
    why: Why::Open,
};

/// A blank line: decided as blank.
const BLANK: Verdict = Verdict {
    label: Label::Blank,
    decided: true,
    why: Why::Blank,
    ..OPEN
};

impl<'a> Verdicts<'a> {
    /// Blank lines decided as blank, every other line open: the tests'
    /// verdicts, and the oracle of [`Verdicts::with_non_blank`].
    #[cfg(test)]
    pub(crate) fn new(lines: &[Line<'_>]) -> Verdicts<'a> {
        Verdicts::of(
            lines
                .iter()
                .map(|l| if l.is_blank() { BLANK } else { OPEN })
                .collect(),
        )
    }

    /// Blank lines decided as blank, every other line open; and the
    /// indices of the non-blank lines (as
    /// [`crate::pipeline::Page::non_blank`] gives them), in one pass over
    /// the lines.
    ///
    /// `nb` is an empty buffer to hold the indices, and the verdicts are
    /// written into one lent by [`super::lend`]: give them back with
    /// [`Verdicts::give_back`].
    pub(crate) fn with_non_blank(
        lines: &[Line<'_>],
        mut nb: Vec<usize>,
    ) -> (Verdicts<'a>, Vec<usize>) {
        debug_assert!(nb.is_empty());
        nb.reserve(lines.len());
        let mut verdicts = super::lend(&VERDICTS, lines.len());
        verdicts.extend(lines.iter().enumerate().map(|(i, l)| {
            if l.is_blank() {
                BLANK
            } else {
                nb.push(i);
                OPEN
            }
        }));
        (Verdicts::of(verdicts), nb)
    }

    /// Done with the verdicts: their buffer is kept for the next pass on
    /// this thread ([`super::give_back`]).
    pub(crate) fn give_back(self) {
        super::give_back(&VERDICTS, self.lines);
    }

    /// The verdicts `lines`, with no metadata yet.
    fn of(lines: Vec<Verdict>) -> Verdicts<'a> {
        Verdicts {
            lines,
            title: None,
            date: None,
            byline: None,
            image_credit: None,
            comment_count: None,
        }
    }

    pub(crate) fn get(&self, i: usize) -> &Verdict {
        &self.lines[i]
    }

    pub(crate) fn label(&self, i: usize) -> Label {
        self.lines[i].label
    }

    pub(crate) fn kind(&self, i: usize) -> Option<BlockKind> {
        self.lines[i].kind
    }

    pub(crate) fn is_body(&self, i: usize) -> bool {
        self.lines[i].label == Label::Body
    }

    pub(crate) fn is_decided(&self, i: usize) -> bool {
        self.lines[i].decided
    }

    /// Whether any line is body.
    pub(crate) fn has_body(&self) -> bool {
        self.lines.iter().any(|v| v.label == Label::Body)
    }

    /// The first body line ([`first_where`]).
    pub(crate) fn first_body(&self) -> Option<usize> {
        first_where(&self.lines, |v| v.label == Label::Body)
    }

    /// The last body line ([`last_where`]).
    pub(crate) fn last_body(&self) -> Option<usize> {
        last_where(&self.lines, |v| v.label == Label::Body)
    }

    /// The verdicts, in line order: for walking them beside the lines.
    pub(crate) fn all(&self) -> &[Verdict] {
        &self.lines
    }

    /// The labels, in line order.
    pub(crate) fn labels(&self) -> impl Iterator<Item = Label> + '_ {
        self.lines.iter().map(|v| v.label)
    }

    /// Line `i` is body, a block of `kind`; decided.
    pub(crate) fn keep(&mut self, i: usize, kind: BlockKind, why: Why) {
        self.lines[i] = Verdict {
            label: Label::Body,
            kind: Some(kind),
            decided: true,
            why,
        };
    }

    /// Line `i` takes `label` (not body); decided.
    pub(crate) fn set(&mut self, i: usize, label: Label, why: Why) {
        debug_assert!(label != Label::Body);
        self.lines[i] = Verdict {
            label,
            kind: None,
            decided: true,
            why,
        };
    }

    /// A body line takes another block kind.
    pub(crate) fn set_kind(&mut self, i: usize, kind: BlockKind, why: Why) {
        debug_assert!(self.is_body(i));
        self.lines[i].kind = Some(kind);
        self.lines[i].why = why;
    }

    /// Line `i` is open again, chrome until a later step names its kind.
    pub(crate) fn reopen(&mut self, i: usize, why: Why) {
        self.lines[i] = Verdict { why, ..OPEN };
    }

    /// Line `i` is decided without a change of label (lines at and after
    /// the comment section's head), or open again.
    pub(crate) fn set_decided(&mut self, i: usize, decided: bool, why: Why) {
        self.lines[i].decided = decided;
        self.lines[i].why = why;
    }

    /// Line `i`, open, is chrome of `kind`, named by the chrome step.
    pub(crate) fn name_chrome(&mut self, i: usize, kind: ChromeKind) {
        debug_assert!(!self.lines[i].decided);
        self.lines[i].label = Label::Chrome(kind);
        self.lines[i].why = Why::Chrome;
    }

    /// Line `i` leaves the body (settling): it takes `label`.
    pub(crate) fn drop_body(&mut self, i: usize, label: Label) {
        self.lines[i].label = label;
        self.lines[i].kind = None;
        self.lines[i].why = Why::Settled;
    }
}

/// The first of `verdicts` that `is` holds for: those before it (a page's
/// head) are passed over eight at a time, with no branch per verdict.
pub(crate) fn first_where(verdicts: &[Verdict], is: impl Fn(&Verdict) -> bool) -> Option<usize> {
    let mut at = 0;
    for chunk in verdicts.chunks_exact(8) {
        if chunk.iter().fold(false, |any, v| any | is(v)) {
            break;
        }
        at += 8;
    }
    verdicts[at..].iter().position(is).map(|p| at + p)
}

/// The last of `verdicts` that `is` holds for: those after it (a page's
/// foot) are passed over eight at a time, with no branch per verdict.
pub(crate) fn last_where(verdicts: &[Verdict], is: impl Fn(&Verdict) -> bool) -> Option<usize> {
    let mut end = verdicts.len();
    for chunk in verdicts.rchunks_exact(8) {
        if chunk.iter().fold(false, |any, v| any | is(v)) {
            break;
        }
        end -= 8;
    }
    verdicts[..end].iter().rposition(is)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::Page;

    /// The first and last body lines, found eight at a time, are those a
    /// walk over each line finds, wherever the body lies (or none).
    #[test]
    fn body_bounds_are_found_eight_at_a_time() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for len in 0..40 {
            for _ in 0..300 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                // Few body lines, often none: bits of a sparse mask.
                let mask = seed & (seed >> 21) & (seed >> 42);
                let mut v = Verdicts::of(vec![OPEN; len]);
                for i in (0..len).filter(|i| mask >> i & 1 == 1) {
                    v.keep(i, BlockKind::Paragraph, Why::Context);
                }
                let first = (0..len).find(|&i| v.is_body(i));
                let last = (0..len).rev().find(|&i| v.is_body(i));
                assert_eq!((v.first_body(), v.last_body()), (first, last), "{mask:b}");
                // As the article's assembly asks: by block kind.
                let kind = |x: &Verdict| x.kind.is_some();
                let by_kind = (first_where(v.all(), kind), last_where(v.all(), kind));
                assert_eq!(by_kind, (first, last), "{mask:b}");
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]
        /// The verdicts and non-blank lines made in one pass are those
        /// made apart.
        #[test]
        fn one_pass_gives_the_verdicts_and_the_non_blank_lines(
            lines in proptest::collection::vec(proptest::sample::select(vec!["", " ", "Menu", "A line of text."]), 0..30),
        ) {
            let input = lines.join("\n");
            let page = Page::of(&input, None);
            let (v, nb) = Verdicts::with_non_blank(&page.lines, Vec::new());
            proptest::prop_assert_eq!(v, Verdicts::new(&page.lines));
            proptest::prop_assert_eq!(nb, page.non_blank());
        }
    }
}
