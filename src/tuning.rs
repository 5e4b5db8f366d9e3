//! The thresholds of the pass and the predicates several of its steps
//! share, each defined once.

use crate::features::Evidence;
use crate::lines::Line;
use crate::Mode;

/// The thresholds that depend on the [`Mode`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tuning {
    /// The least context log-odds for a line to be body.
    pub keep: f32,
}

impl Tuning {
    pub(crate) fn for_mode(mode: Mode) -> Tuning {
        match mode {
            Mode::Precision => Tuning { keep: 0.3 },
            Mode::Balanced => Tuning { keep: 0.0 },
            Mode::Recall => Tuning { keep: -1.0 },
        }
    }

    /// The least log-odds of a line that fills a gap in the body or extends
    /// it at an edge: [`GAP_MARGIN`] below [`Tuning::keep`].
    pub(crate) fn reach(&self) -> f32 {
        self.keep - GAP_MARGIN
    }
}

/// How far below the keep threshold a line inside a gap may score.
pub(crate) const GAP_MARGIN: f32 = 1.0;

/// The most chrome lines in a row (an inline box) that the body's edge
/// goes past to a sentence after them, inside the region.
pub(crate) const INLINE_CHROME_LINES: usize = 1;

/// How much a line on every other page of the site lowers its body log-odds.
pub(crate) const RECURRING_WEIGHT: f32 = 4.0;

/// The most lines a gap between body lines may have to be filled.
pub(crate) const MAX_GAP: usize = 8;

/// Body lines outside the region shorter than this (in words) can be strays.
pub(crate) const STRAY_MAX_WORDS: u32 = 15;

/// The least local score of a line kept by the empty-article fallback.
pub(crate) const FALLBACK_MIN_LOGIT: f32 = -1.0;

/// How many non-blank lines after the body are searched for a reader poll.
pub(crate) const POLL_WINDOW: usize = 3;

/// How many non-blank lines after the body are searched for its comment count.
pub(crate) const COUNT_WINDOW: usize = 4;

/// The most words of a headline that opens the dump.
pub(crate) const HEADLINE_MAX_WORDS: u32 = 14;

/// How many non-blank lines into the body are searched for a byline or a date.
pub(crate) const META_INTO_BODY: usize = 4;

/// How many non-blank lines before the body are searched for metadata.
pub(crate) const HEAD_WINDOW: usize = 12;

/// How many non-blank lines before the body are searched for the title
/// (chosen on train/: 12 non-blank lines, 20 and 30 took the title of
/// 1,131, 1,145 and 1,136 of its 1,916 innertext pages with an HTML title
/// from a line of that title).
pub(crate) const TITLE_WINDOW: usize = 20;

/// The most words of a line taken for a byline, a credit or a date line
/// inside the body; a short line (a question, a date line) up to this many.
pub(crate) const SHORT_LINE_WORDS: u32 = 15;

/// The most words of a heading-shaped line.
pub(crate) const HEADING_MAX_WORDS: u32 = 14;

/// A sentence: this many words or more, ending in sentence punctuation.
pub(crate) const SENTENCE_WORDS: u32 = 8;

/// Evidence that rules a line out of the body whatever its score: a chrome
/// cue, a time or count, a fixtures row, an image credit (a line whose own
/// evidence is meta, [`crate::lexicon::is_meta`]: only those are walked
/// for one).
pub(crate) fn hard_chrome(l: &Line<'_>, e: &Evidence) -> bool {
    e.own.listed() || (e.own.meta && crate::lexicon::image_credit(l.text).is_some())
}

/// A line shaped like a heading: one to [`HEADING_MAX_WORDS`] words with a
/// letter, no sentence punctuation or ellipsis at its end, no cue, time or
/// count.
pub(crate) fn heading_shaped(l: &Line<'_>, e: &Evidence) -> bool {
    let s = &l.shape;
    s.words >= 1
        && s.words <= HEADING_MAX_WORDS
        && !s.terminal
        && !s.ellipsis
        && s.letters > 0
        && !e.own.marked()
}

/// A sentence of some length: [`SENTENCE_WORDS`] or more words ending in
/// sentence punctuation.
pub(crate) fn is_sentence(l: &Line<'_>) -> bool {
    l.shape.terminal && l.shape.words >= SENTENCE_WORDS
}
