//! Naming the chrome: every line that is not body, title or metadata gets a
//! [`ChromeKind`], from its own cues first and from its neighbours second.

use crate::article::{ChromeKind, Label};
use crate::features::Evidence;
use crate::lexicon::Cue;
use crate::lines::Line;

/// The kind a line shows by itself, if any.
fn own_kind(line: &Line<'_>, ev: &Evidence) -> Option<ChromeKind> {
    if let Some(cue) = ev.cue {
        return Some(match cue {
            Cue::Related => ChromeKind::Related,
            Cue::Comments => ChromeKind::Comments,
            Cue::Promo => ChromeKind::Promo,
            Cue::Footer => ChromeKind::Footer,
            Cue::Navigation => ChromeKind::Navigation,
            Cue::Fixtures => ChromeKind::Fixtures,
        });
    }
    if ev.fixture {
        return Some(ChromeKind::Fixtures);
    }
    if ev.time || ev.count || ev.near_copy || line.shape.ellipsis {
        return Some(ChromeKind::Related);
    }
    None
}

/// Unnamed chrome lines up to this many words are taken for headings.
const HEADING_MAX_WORDS: u32 = 6;

/// Label every undecided line with a chrome kind.
///
/// 1. A line's own cue (`lees ook`, `12:00`, a fixtures row, a headline
///    shown twice) names its kind.
/// 2. Three or more adjacent short lines without sentence punctuation form
///    a menu: navigation.
/// 3. Any other line takes a neighbour's kind within its stretch of chrome:
///    a short line (a heading) that of the nearest named line below it, a
///    longer line (content) that of the nearest named line above it, each
///    falling back to the other side; chrome before the article with no kind
///    at all is navigation.
pub(crate) fn assign_kinds(
    lines: &[Line<'_>],
    ev: &[Evidence],
    labels: &mut [Label],
    decided: &[bool],
) {
    let n = lines.len();
    let mut kind: Vec<Option<ChromeKind>> = (0..n)
        .map(|i| (!decided[i]).then(|| own_kind(&lines[i], &ev[i])).flatten())
        .collect();

    // Menus: runs of adjacent short unpunctuated lines.
    let menu_line = |kind: &[Option<ChromeKind>], i: usize| {
        !decided[i] && {
            let s = &lines[i].shape;
            s.words <= 10 && !s.terminal && kind[i].is_none_or(|k| k == ChromeKind::Navigation)
        }
    };
    let mut i = 0;
    while i < n {
        if !menu_line(&kind, i) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < n && menu_line(&kind, j) {
            j += 1;
        }
        if j - i >= 3 {
            for k in &mut kind[i..j] {
                *k = Some(ChromeKind::Navigation);
            }
        }
        i = j;
    }

    // Nearest named line below and above each line, within its stretch of
    // chrome (blank lines do not end a stretch; body, title and meta lines do).
    // Two linear passes.
    let open = |j: usize| !decided[j] || lines[j].is_blank();
    let mut below = vec![None; n];
    let mut next: Option<ChromeKind> = None;
    for j in (0..n).rev() {
        if !open(j) {
            next = None;
            continue;
        }
        below[j] = next;
        if kind[j].is_some() {
            next = kind[j];
        }
    }
    let first_content = (0..n).find(|&i| decided[i] && !lines[i].is_blank());
    let mut prev: Option<ChromeKind> = None;
    for i in 0..n {
        if !open(i) {
            prev = None;
            continue;
        }
        if decided[i] {
            continue;
        }
        // A short line heads what follows it; a longer one is content of
        // the section above it.
        let k = if lines[i].shape.words <= HEADING_MAX_WORDS {
            kind[i].or(below[i]).or(prev)
        } else {
            kind[i].or(prev).or(below[i])
        };
        if kind[i].is_some() {
            prev = kind[i];
        }
        let before_article = first_content.is_none_or(|f| i < f);
        labels[i] = Label::Chrome(k.unwrap_or(if before_article {
            ChromeKind::Navigation
        } else {
            ChromeKind::Other
        }));
    }
}
