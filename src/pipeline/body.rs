//! Step 4 of the pass: the body. The context model's verdict inside and
//! around the main region, then the lines text does not stop for (gaps,
//! edges, announced lists), sub-headings, and strays put back with the
//! chrome; last, the fallback that keeps a short dump's text.

use super::page::Page;
use super::verdicts::{Verdicts, Why};
use crate::article::BlockKind;
use crate::features::Evidence;
use crate::lexicon::{self, Cue};
use crate::lines::{alone_on_row, ends_open, Line};
use crate::tuning::{self, hard_chrome, Tuning};
use std::ops::Range;

/// The body of the page: every step of the body in order. `nb` are the
/// indices of the non-blank lines, `scores` the context model's log-odds.
pub(crate) fn decide(
    page: &Page<'_>,
    nb: &[usize],
    tuning: &Tuning,
    region: &Range<usize>,
    scores: &[f32],
    v: &mut Verdicts<'_>,
) {
    keep_scored(page, nb, tuning, scores, v);
    fill_gaps(page, nb, scores, tuning.reach(), v);
    extend_edges(page, scores, region, tuning.reach(), v);
    resume_after_embeds(page, nb, scores, tuning.reach(), v);
    take_announced_lists(page, nb, v);
    mark_headings(page, nb, region, v);
    drop_stray_lines(page, nb, region, v);
    boxes_and_end(page, nb, v);
}

/// The block a body line makes.
pub(crate) fn block_kind(line: &Line<'_>) -> BlockKind {
    if line.shape.bullet {
        BlockKind::ListItem
    } else if line.text.starts_with('>') {
        BlockKind::Quote
    } else {
        BlockKind::Paragraph
    }
}

/// Lines the models score above the mode's threshold. The score is the
/// whole verdict: cues, times, counts, teaser ellipses and the distance to
/// the main region are features the models weigh, not vetoes. Only the
/// non-blank lines `nb` are looked at: a blank line is decided.
fn keep_scored(
    page: &Page<'_>,
    nb: &[usize],
    tuning: &Tuning,
    scores: &[f32],
    v: &mut Verdicts<'_>,
) {
    for &i in nb {
        if !v.is_decided(i) && scores[i] > tuning.keep {
            v.keep(i, block_kind(&page.lines[i]), Why::Context);
        }
    }
}

/// Lines between two body lines — one weaker sentence, a short list, a
/// sub-heading — are body too when none of them shows chrome evidence and
/// each scores within reach of the threshold: text does not stop for them.
fn fill_gaps(page: &Page<'_>, nb: &[usize], p: &[f32], threshold: f32, v: &mut Verdicts<'_>) {
    let (lines, ev) = (&page.lines, &page.evidence);
    let fits = |i: usize, v: &Verdicts<'_>| {
        let e = &ev[i];
        !v.is_decided(i)
            && p[i] > threshold
            && !e.own.listed()
            && !e.near_copy
            && !lines[i].shape.ellipsis
    };
    let mut k = 0;
    while k < nb.len() {
        if !v.is_body(nb[k]) {
            k += 1;
            continue;
        }
        // nb[k] is body: find the next body line within MAX_GAP lines.
        let mut j = k + 1;
        while j < nb.len() && j - k <= tuning::MAX_GAP && !v.is_body(nb[j]) && fits(nb[j], v) {
            j += 1;
        }
        if j > k + 1 && j < nb.len() && v.is_body(nb[j]) {
            for &i in &nb[k + 1..j] {
                v.keep(i, block_kind(&lines[i]), Why::Gap);
            }
        }
        k = j.max(k + 1);
    }
}

/// Sentences inside the region just before the first or after the last body
/// line (the lead, the closing paragraph next to a comment count) scoring
/// within reach of the threshold are body too.
fn extend_edges(
    page: &Page<'_>,
    p: &[f32],
    region: &Range<usize>,
    threshold: f32,
    v: &mut Verdicts<'_>,
) {
    let (lines, ev) = (&page.lines, &page.evidence);
    let sentence = |i: usize, v: &Verdicts<'_>| {
        !v.is_decided(i)
            && tuning::is_sentence(&lines[i])
            && p[i] > threshold
            && !hard_chrome(&lines[i], &ev[i])
    };
    let first = region.clone().find(|&i| v.is_body(i));
    let last = region.clone().rev().find(|&i| v.is_body(i));
    let (Some(first), Some(last)) = (first, last) else {
        return;
    };
    // Outwards from the body: after its last line, then before its first
    // (each side a range of lines, walked as it is).
    extend_side(lines, last + 1..region.end, &sentence, v);
    extend_side(lines, (region.start..first).rev(), &sentence, v);
}

/// A promo label of three words at most: an advert's (`Anzeige`), or
/// the placeholder or the button of an embed held back (`Externer
/// Inhalt`, `Inhalt laden`).
fn box_label(line: &Line<'_>, ev: &Evidence) -> bool {
    ev.own.cue == Some(Cue::Promo) && line.shape.words <= 3
}

/// A sentence that names legal terms (cookies and a privacy policy): in
/// an embed's box, its consent notice.
fn legal_notice(line: &Line<'_>, ev: &Evidence) -> bool {
    ev.own.cue == Some(Cue::Footer) && tuning::is_sentence(line)
}

/// The text goes on after an embed held back until the reader consents:
/// a box of [`INLINE_BOX_LINES`] lines at most, promo labels
/// ([`box_label`]) and at least one consent notice ([`legal_notice`]; a
/// share bar's labels alone end the text). The sentences after the box that score within reach of the
/// threshold are body, with a heading-shaped line just before them (which
/// [`mark_headings`] then marks): a notice that names cookies and a
/// privacy policy reads as a legal footer, and lowers the text after it.
fn resume_after_embeds(
    page: &Page<'_>,
    nb: &[usize],
    p: &[f32],
    threshold: f32,
    v: &mut Verdicts<'_>,
) {
    let (lines, ev) = (&page.lines, &page.evidence);
    // Most pages hold no sentence that names legal terms.
    if !nb.iter().any(|&i| legal_notice(&lines[i], &ev[i])) {
        return;
    }
    let sentence = |i: usize, v: &Verdicts<'_>| {
        !v.is_decided(i)
            && tuning::is_sentence(&lines[i])
            && p[i] > threshold
            && !hard_chrome(&lines[i], &ev[i])
    };
    let mut k = 0;
    while k + 1 < nb.len() {
        if !v.is_body(nb[k]) || v.is_body(nb[k + 1]) {
            k += 1;
            continue;
        }
        let (mut boxed, mut notices) = (0, 0);
        for &i in nb[k + 1..].iter().take(INLINE_BOX_LINES + 1) {
            let notice = legal_notice(&lines[i], &ev[i]);
            if v.is_decided(i) || !(notice || box_label(&lines[i], &ev[i])) {
                break;
            }
            boxed += 1;
            notices += usize::from(notice);
        }
        let mut j = k + 1 + boxed;
        if notices == 0 || boxed > INLINE_BOX_LINES || j >= nb.len() {
            k += 1;
            continue;
        }
        let heading = (!v.is_decided(nb[j]) && tuning::heading_shaped(&lines[nb[j]], &ev[nb[j]]))
            .then_some(nb[j]);
        j += usize::from(heading.is_some());
        let start = j;
        while j < nb.len() && sentence(nb[j], v) {
            v.keep(nb[j], block_kind(&lines[nb[j]]), Why::Edge);
            j += 1;
        }
        if j > start {
            if let Some(h) = heading {
                v.keep(h, block_kind(&lines[h]), Why::Edge);
            }
        }
        k = j.max(k + 1);
    }
}

/// [`extend_edges`] on one side of the body: `side` are its lines in the
/// order walked, outwards.
fn extend_side(
    lines: &[Line<'_>],
    side: impl Iterator<Item = usize>,
    sentence: &impl Fn(usize, &Verdicts<'_>) -> bool,
    v: &mut Verdicts<'_>,
) {
    // An inline box of one chrome line ("Related: …", an advert) does not
    // end the text: the sentence after it is taken too.
    let inline = |i: usize, v: &Verdicts<'_>| v.get(i).why != Why::Comments;
    let mut skipped = 0;
    for i in side.filter(|&i| !lines[i].is_blank()) {
        if sentence(i, v) {
            v.keep(i, block_kind(&lines[i]), Why::Edge);
            skipped = 0;
        } else if skipped < tuning::INLINE_CHROME_LINES && inline(i, v) {
            skipped += 1;
        } else {
            break;
        }
    }
}

/// A body line ending in a colon announces what follows: the bulleted lines
/// right after it, or a list without bullets under it ([`unmarked_list`]),
/// are the article's list items.
///
/// Only the non-blank lines `nb` are looked at for the announcing line (a
/// blank line is not body), and the walk goes on at the first of them at
/// or after the line the list ended at.
fn take_announced_lists(page: &Page<'_>, nb: &[usize], v: &mut Verdicts<'_>) {
    let (lines, ev) = (&page.lines, &page.evidence);
    let n = lines.len();
    let mut k = 0;
    while let Some(&i) = nb.get(k) {
        k += 1;
        if !v.is_body(i) || !lines[i].text.ends_with(':') {
            continue;
        }
        // A list without bullets, or the bulleted lines after the line.
        let mut j = i + 1;
        if let Some(items) = unmarked_list(page, i, v) {
            for j in items.clone() {
                v.keep(j, BlockKind::ListItem, Why::AnnouncedList);
            }
            j = items.end;
        } else {
            while j < n {
                if lines[j].is_blank() {
                    j += 1;
                    continue;
                }
                if !lines[j].shape.bullet || hard_chrome(&lines[j], &ev[j]) {
                    break;
                }
                // An item the model kept already is part of the list too:
                // the list goes on after it.
                if !v.is_body(j) {
                    if v.is_decided(j) {
                        break;
                    }
                    v.keep(j, BlockKind::ListItem, Why::AnnouncedList);
                }
                j += 1;
            }
        }
        // The lines from `i + 1` to `j` were walked (and `j` is past `i`).
        while nb.get(k).is_some_and(|&next| next < j) {
            k += 1;
        }
    }
}

/// The most items of a list without bullets ([`unmarked_list`]).
const UNMARKED_LIST_ITEMS: usize = 50;

/// The lines right under the announcing line `i`, without a blank line
/// between them, up to the next blank line: a list whose items a renderer
/// printed without bullets, one to a line, where the page's paragraphs
/// stand apart (`Tour dates:`, then `June 9 -- Coral Sky Amphitheatre, West
/// Palm Beach, FL`, and so on). The announcing line has no cue (`Related
/// coverage:` announces links); each item is alone on its row and on its
/// own (no line of a hard-wrapped paragraph, and none that could run on
/// into another: it starts in no lowercase letter and ends in no comma or
/// function word, so two items never make one paragraph, even where the
/// body loses the one between them), has two to
/// [`tuning::SHORT_LINE_WORDS`] words (a longer line is a paragraph), no
/// cue, time, count, date or byline, announces nothing itself (a footer's
/// `Daily Newspapers:` over `Weeklies:`) and has no other verdict than
/// body; two to [`UNMARKED_LIST_ITEMS`] of them. A bulleted line leaves the list to
/// [`take_announced_lists`]' own walk.
///
/// The body text puts the items one to a line under the announcing line
/// ([`crate::Block::separator`]), so the body cleaned again reads the same
/// list.
fn unmarked_list(page: &Page<'_>, i: usize, v: &Verdicts<'_>) -> Option<Range<usize>> {
    let (lines, ev) = (&page.lines, &page.evidence);
    if ev[i].own.cue.is_some() {
        return None;
    }
    let mut j = i + 1;
    while j < lines.len() && !lines[j].is_blank() {
        let (l, e) = (&lines[j], &ev[j]);
        let item = !l.shape.bullet
            && (2..=tuning::SHORT_LINE_WORDS).contains(&l.shape.words)
            && !l.text.ends_with(':')
            && !l.shape.starts_lower
            && !ends_open(l.text)
            && page.runs[j].len() == 1
            && alone_on_row(lines, j)
            && !hard_chrome(l, e)
            && !e.own.meta
            && !e.own.dated
            && (v.is_body(j) || !v.is_decided(j));
        if !item || j - i > UNMARKED_LIST_ITEMS {
            return None;
        }
        j += 1;
    }
    (j - i > 2).then_some(i + 1..j)
}

/// The most lines between a sub-heading and the body text above it
/// ([`mark_headings`]): an inline box, not a section of chrome.
const INLINE_BOX_LINES: usize = 3;

/// A short line between body lines, without sentence punctuation, that
/// introduces more body text: a sub-heading. The body line above may stand
/// above an inline box of a few lines too: promo labels (an advert's, the
/// placeholder and the button of an embed held back) and sentences without
/// a cue or naming legal terms between them (the embed's consent notice). A line of a hard-wrapped
/// paragraph (alone on its row, it runs on into the next row or goes on
/// from the one before) is a part of that paragraph, however short.
fn mark_headings(page: &Page<'_>, nb: &[usize], region: &Range<usize>, v: &mut Verdicts<'_>) {
    let (lines, ev) = (&page.lines, &page.evidence);
    for (k, &i) in nb.iter().enumerate() {
        // Only a body line, or an open one in the region, can be made a
        // heading: the other lines are passed over before their shape is
        // looked at.
        let is_body = v.is_body(i);
        if !is_body && (v.is_decided(i) || !region.contains(&i)) {
            continue;
        }
        // An item of an announced list stays one.
        if v.kind(i) == Some(BlockKind::ListItem) {
            continue;
        }
        let (l, e) = (&lines[i], &ev[i]);
        let s = &l.shape;
        let shaped = tuning::heading_shaped(l, e)
            && !l.text.ends_with(':')
            && !s.bullet
            && !e.own.fixture
            && e.copies == 1
            && s.separators == 0
            && !hard_wrapped(lines, &page.runs, i);
        if !shaped {
            continue;
        }
        let body = |j: Option<&usize>| j.is_some_and(|&j| v.is_body(j));
        // The nearest line above that is body, or neither a promo label
        // ([`box_label`]) nor a sentence without a cue or naming legal
        // terms (an embed's box; a related or a menu cue heads a list,
        // whose items are no sub-headings; a share bar ends the text):
        // body, past an inline box at most.
        let above = nb[..k].iter().rev().position(|&j| {
            let (l, e) = (&lines[j], &ev[j]);
            let notice = l.shape.terminal && e.own.cue.is_none();
            v.is_body(j) || !(box_label(l, e) || notice || legal_notice(l, e))
        });
        let prev = above
            .filter(|&n| n <= INLINE_BOX_LINES)
            .map(|n| &nb[k - 1 - n]);
        let next = nb.get(k + 1);
        let next_para = next.is_some_and(|&j| lines[j].shape.words >= tuning::SENTENCE_WORDS);
        if !(body(prev) && body(next) && next_para) {
            continue;
        }
        if is_body {
            v.set_kind(i, BlockKind::Heading, Why::Heading);
        } else {
            v.keep(i, BlockKind::Heading, Why::Heading);
        }
    }
}

/// The line `i` is a line of a hard-wrapped paragraph: alone on its row,
/// and one of the rows of its paragraph (not a cell of a row that a padded
/// link cut, whose cells stay apart as before).
fn hard_wrapped(lines: &[Line<'_>], runs: &[Range<usize>], i: usize) -> bool {
    runs[i].len() > 1 && crate::lines::alone_on_row(lines, i)
}

/// Short body lines outside the main region with chrome on both sides are
/// strays (a teaser headline, a reader poll): put them back with the chrome.
fn drop_stray_lines(page: &Page<'_>, nb: &[usize], region: &Range<usize>, v: &mut Verdicts<'_>) {
    let lines = &page.lines;
    for (k, &i) in nb.iter().enumerate() {
        if !v.is_body(i) || region.contains(&i) || lines[i].shape.words >= tuning::STRAY_MAX_WORDS {
            continue;
        }
        let body = |j: Option<&usize>| j.is_some_and(|&j| v.is_body(j));
        let prev = k.checked_sub(1).and_then(|p| nb.get(p));
        if !body(prev) && !body(nb.get(k + 1)) {
            v.reopen(i, Why::Stray);
        }
    }
}

/// The most words of a related-list head ([`related_list`]).
const RELATED_HEAD_WORDS: u32 = 4;

/// The most items of an inline related list ([`related_list`]).
const RELATED_LIST_ITEMS: usize = 8;

/// The related head `nb[k]` opens an inline box of related links inside
/// the text (`Read also`, `Lea también`, `相关阅读：` and one to
/// [`RELATED_LIST_ITEMS`] headlines under it, then the text goes on): the headlines' lines, which
/// are the box's, not the article's, though the text around them lifts
/// their scores. An item is a headline, a line of
/// [`tuning::HEADLINE_MAX_WORDS`] words at most with no sentence
/// punctuation at its end; the head is a line of
/// [`RELATED_HEAD_WORDS`] words at most, not body; the box ends where the
/// text goes on, at a body line.
fn related_list(page: &Page<'_>, nb: &[usize], k: usize, v: &Verdicts<'_>) -> Option<Range<usize>> {
    let lines = &page.lines;
    if lines[nb[k]].shape.words > RELATED_HEAD_WORDS || v.is_body(nb[k]) {
        return None;
    }
    let items = nb[k + 1..]
        .iter()
        .take(RELATED_LIST_ITEMS + 1)
        .take_while(|&&j| {
            let s = &lines[j].shape;
            !s.terminal && s.words <= tuning::HEADLINE_MAX_WORDS
        })
        .count();
    let after = nb.get(k + 1 + items);
    (items > 0 && items <= RELATED_LIST_ITEMS && after.is_some_and(|&j| v.is_body(j)))
        .then_some(k + 1..k + 1 + items)
}

/// The most teasers of an inline box of them ([`teaser_box`]).
const TEASER_BOX_ITEMS: usize = 3;

/// A teaser: a line of [`tuning::HEADLINE_MAX_WORDS`] words at most without
/// sentence punctuation, no line of a hard-wrapped paragraph, right above
/// a sentence, body or not (`a` and `b` are the two lines).
fn teaser(page: &Page<'_>, a: usize, b: usize) -> bool {
    let s = &page.lines[a].shape;
    s.words <= tuning::HEADLINE_MAX_WORDS
        && !s.terminal
        && !hard_wrapped(&page.lines, &page.runs, a)
        && tuning::is_sentence(&page.lines[b])
}

/// The most words of a teaser's summary in an inline box of teasers.
const TEASER_SUMMARY_WORDS: u32 = 30;

/// The related head `nb[k]` opens an inline box of teasers inside the
/// text (`Auch interessant`, then [`TEASER_PAIRS`] to [`TEASER_BOX_ITEMS`]
/// teasers ([`teaser`]), each summary of [`TEASER_SUMMARY_WORDS`] words
/// at most, then a paragraph of more than [`tuning::SHORT_LINE_WORDS`]
/// words): the head's and the teasers'
/// lines, which are the box's, though the text around them lifts their
/// scores. A teaser's summary cannot be told from the text going on after
/// one headline ([`related_list`]'s box): one teaser is no box.
fn teaser_box(page: &Page<'_>, nb: &[usize], k: usize, v: &Verdicts<'_>) -> Option<Range<usize>> {
    let lines = &page.lines;
    if lines[nb[k]].shape.words > TEASER_HEAD_WORDS {
        return None;
    }
    let mut end = k + 1;
    let mut teasers = 0;
    // A summary in the box is short: a numbered list's items under a
    // `Read more` line hold paragraphs.
    let short = |j: usize| lines[j].shape.words <= TEASER_SUMMARY_WORDS;
    while teasers < TEASER_BOX_ITEMS
        && end + 1 < nb.len()
        && teaser(page, nb[end], nb[end + 1])
        && short(nb[end + 1])
    {
        teasers += 1;
        end += 2;
    }
    let goes_on = nb
        .get(end)
        .is_some_and(|&j| v.is_body(j) && lines[j].shape.words > tuning::SHORT_LINE_WORDS);
    (teasers >= TEASER_PAIRS && goes_on).then_some(k..end)
}

/// The most words of a teaser list's head (`Das könnte Sie auch
/// interessieren`).
const TEASER_HEAD_WORDS: u32 = 6;

/// The fewest teasers that make a list of them ([`teaser_list`]).
const TEASER_PAIRS: usize = 2;

/// How many non-blank lines after a related head are looked at for
/// teasers.
const TEASER_WINDOW: usize = 12;

/// The most words of a rights notice ([`rights_notice`]).
const RIGHTS_NOTICE_WORDS: u32 = 30;

/// The body words above a rights notice or a related head for the
/// article to stand above it ([`boxes_and_end`]).
const ARTICLE_WORDS: u32 = 100;

/// The related boxes inside the text and the article's end, in one walk
/// over the lines. At a related head, the lines of its inline box
/// ([`related_list`], [`teaser_box`]) leave the body. Below
/// [`ARTICLE_WORDS`] words of body, the first line that is the page's
/// rights notice ([`rights_notice`]) or the head of a list of teasers
/// ([`teaser_list`]) ends the article: the head, where it was kept, and
/// the body lines after it (teasers' summaries and blurbs whose sentences
/// score as text) leave the body.
fn boxes_and_end(page: &Page<'_>, nb: &[usize], v: &mut Verdicts<'_>) {
    let (lines, ev) = (&page.lines, &page.evidence);
    let mut words = 0;
    for (k, &i) in nb.iter().enumerate() {
        let cue = ev[i].own.cue;
        if cue == Some(Cue::Related) {
            let boxed = [related_list(page, nb, k, v), teaser_box(page, nb, k, v)];
            for &j in boxed.into_iter().flatten().flat_map(|r| &nb[r]) {
                if v.is_body(j) {
                    v.reopen(j, Why::Stray);
                }
            }
        }
        let body = v.is_body(i);
        let ends = words >= ARTICLE_WORDS
            && match cue {
                Some(Cue::Footer) => !body && rights_notice(page, nb, k, v),
                Some(Cue::Related) => teaser_list(page, nb, k, v),
                _ => false,
            };
        if ends {
            for &j in &nb[k..] {
                if v.is_body(j) {
                    v.reopen(j, Why::PastArticle);
                }
            }
            return;
        }
        if body {
            words += lines[i].shape.words;
        }
    }
}

/// The line `nb[k]`, with a legal cue, is the page's rights notice (`©
/// 2019 … All rights reserved.`, a line of [`RIGHTS_NOTICE_WORDS`] words
/// at most, [`lexicon::rights_notice`]) and the text does not go on right
/// after it. A credit with a year between two paragraphs (`Foto: © 2025
/// …`) has the text going on after it.
fn rights_notice(page: &Page<'_>, nb: &[usize], k: usize, v: &Verdicts<'_>) -> bool {
    let l = &page.lines[nb[k]];
    l.shape.words <= RIGHTS_NOTICE_WORDS
        && !nb.get(k + 1).is_some_and(|&j| v.is_body(j))
        && lexicon::rights_notice(l.text)
}

/// The line `nb[k]`, with a related cue, heads a list of teasers (`Mehr
/// zum Thema`, then a kicker, a headline and its summary, again and
/// again): a head of [`TEASER_HEAD_WORDS`] words at most that the page
/// shows once (a `Read more` under every teaser is the teaser's link, not
/// a list's head) and, where the models kept it as text, announces what
/// follows (`Related stories:`, ending in a colon; a sub-heading with a
/// cue word, `Artists and related workers`, heads no list), with [`TEASER_PAIRS`] teasers ([`teaser`]) or more
/// among the [`TEASER_WINDOW`] lines after it, and the text not going on:
/// no two non-blank lines in a row after it that are body lines of more
/// than [`tuning::SHORT_LINE_WORDS`] words each (the article's paragraphs
/// after an inline box's head; two summaries with a headline between them
/// are not in a row).
fn teaser_list(page: &Page<'_>, nb: &[usize], k: usize, v: &Verdicts<'_>) -> bool {
    let lines = &page.lines;
    let head = nb[k];
    if lines[head].shape.words > TEASER_HEAD_WORDS
        || page.evidence[head].copies > 1
        || (v.is_body(head) && !lines[head].text.ends_with(':'))
    {
        return false;
    }
    let pairs = || nb[k + 1..].windows(2);
    let teasers = pairs()
        .take(TEASER_WINDOW)
        .filter(|w| teaser(page, w[0], w[1]))
        .count();
    let long = |j: usize| v.is_body(j) && lines[j].shape.words > tuning::SHORT_LINE_WORDS;
    teasers >= TEASER_PAIRS && !pairs().any(|w| long(w[0]) && long(w[1]))
}

/// A dump whose lines all fall short (a very short text) keeps the best
/// region's text lines rather than returning an empty article. As a last
/// resort the single most text-like line of five or more words (or a
/// sentence) is the body: a dump with any text gives a non-empty article,
/// while a pure list of labels stays all chrome.
pub(crate) fn fallback(page: &Page<'_>, region: &Range<usize>, v: &mut Verdicts<'_>) {
    let (lines, ev) = (&page.lines, &page.evidence);
    if !v.has_body() {
        for i in region.clone() {
            let (l, e) = (&lines[i], &ev[i]);
            if !v.is_decided(i) && e.logit > tuning::FALLBACK_MIN_LOGIT && !hard_chrome(l, e) {
                v.keep(i, block_kind(l), Why::Fallback);
            }
        }
    }
    if v.has_body() {
        return;
    }
    let best = (0..lines.len())
        .filter(|&i| {
            let s = &lines[i].shape;
            !v.is_decided(i) && s.letters > 0 && (s.words >= 5 || s.terminal)
        })
        .max_by(|&x, &y| {
            let key = |i: usize| (!hard_chrome(&lines[i], &ev[i]), ev[i].logit);
            let (kx, ky) = (key(x), key(y));
            kx.0.cmp(&ky.0).then(kx.1.total_cmp(&ky.1))
        });
    if let Some(i) = best {
        v.keep(i, block_kind(&lines[i]), Why::Fallback);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page of `input`, its non-blank lines, and verdicts where the
    /// lines for which `body` holds are kept as body.
    fn with_body<'a>(
        input: &'a str,
        body: impl Fn(&str) -> bool,
    ) -> (Page<'a>, Vec<usize>, Verdicts<'a>) {
        let page = Page::of(input, None);
        let nb = page.non_blank();
        let mut v = Verdicts::new(&page.lines);
        for &i in &nb {
            if body(page.lines[i].text) {
                v.keep(i, BlockKind::Paragraph, Why::Context);
            }
        }
        (page, nb, v)
    }

    fn teaser_list_at(input: &str, head: &str, body: impl Fn(&str) -> bool) -> bool {
        let (page, nb, v) = with_body(input, body);
        let k = nb
            .iter()
            .position(|&i| page.lines[i].text == head)
            .unwrap_or_else(|| panic!("no line {head:?}"));
        teaser_list(&page, &nb, k, &v)
    }

    const SUMMARIES: [&str; 3] = [
        "Broad beans sown in pots in late winter give an early crop, and the cold frame keeps the mice away from them.",
        "The two apple trees at the back had not been pruned in years, so this winter I took out the dead wood first.",
        "Woodchip paths are cheap and soft underfoot, and the tree surgeons were glad to drop off a load at the gate.",
    ];

    #[test]
    fn summaries_with_headlines_between_them_are_no_text_going_on() {
        let [s1, s2, s3] = SUMMARIES;
        let input = format!(
            "Recent Posts\n\nMarch 2\nSowing broad beans in the cold frame\n{s1}\n\nFebruary 21\nPruning the old apple trees\n{s2}\n\nFebruary 9\nA new path between the beds\n{s3}\n"
        );
        // The summaries are body, the dates and headlines between them not:
        // no two long body lines stand in a row, the list ends the article.
        let summary = |t: &str| SUMMARIES.contains(&t);
        assert!(teaser_list_at(&input, "Recent Posts", summary));
        // With the headlines kept too, still no two long lines in a row.
        let headlines = [
            "Sowing broad beans in the cold frame",
            "Pruning the old apple trees",
            "A new path between the beds",
        ];
        let summary_or_headline = |t: &str| summary(t) || headlines.contains(&t);
        assert!(teaser_list_at(&input, "Recent Posts", summary_or_headline));
    }

    #[test]
    fn two_paragraphs_in_a_row_after_the_head_go_on_with_the_text() {
        let [s1, s2, s3] = SUMMARIES;
        let p = "The council will decide on the new allotment rules in May, after a consultation with the plot holders.";
        let input = format!(
            "Recent Posts\n\nSowing broad beans in the cold frame\n{s1}\n\nPruning the old apple trees\n{s2}\n{s3}\n\n{p}\n"
        );
        let long_lines = |t: &str| t.split_whitespace().count() > 15;
        assert!(!teaser_list_at(&input, "Recent Posts", long_lines));
    }

    #[test]
    fn a_head_kept_as_text_heads_a_list_where_it_announces_one() {
        let [s1, s2, s3] = SUMMARIES;
        for (head, list) in [
            ("Related stories:", true),
            ("Artists and related workers", false),
        ] {
            let input = format!(
                "{head}\n\nSowing broad beans in the cold frame\n{s1}\n\nPruning the old apple trees\n{s2}\n\nA new path between the beds\n{s3}\n"
            );
            let (page, nb, _) = with_body(&input, |_| false);
            assert_eq!(page.evidence[nb[0]].own.cue, Some(Cue::Related), "{head}");
            // Kept as text, with the summaries: only a head that ends in a
            // colon announces the teasers.
            let kept = |t: &str| t == head || SUMMARIES.contains(&t);
            assert_eq!(teaser_list_at(&input, head, kept), list, "{head}");
            // Not kept, either heads the list.
            assert!(
                teaser_list_at(&input, head, |t| SUMMARIES.contains(&t)),
                "{head}"
            );
        }
    }

    #[test]
    fn an_inline_box_of_headlines_leaves_the_text() {
        let [s1, s2, s3] = SUMMARIES;
        let headlines = [
            "Davies given a chance to fill the gap in midfield",
            "Wenger happy to see his old striker back at a big club",
            "Grant: I am not scared of the new signing",
            "The move makes him the most expensive player in the world",
            "Chelsea get their man as the striker seals his move",
        ];
        let input = format!(
            "{s1}\n\n{s2}\n\nRead more\n{}\n\n{s3}\n",
            headlines.join("\n")
        );
        // Everything is body but the head: the text around the box lifted
        // the headlines' scores.
        let (page, nb, v) = with_body(&input, |t| t != "Read more");
        let k = nb
            .iter()
            .position(|&i| page.lines[i].text == "Read more")
            .unwrap();
        let box_lines: Vec<&str> = related_list(&page, &nb, k, &v)
            .map(|r| nb[r].iter().map(|&i| page.lines[i].text).collect())
            .unwrap_or_default();
        assert_eq!(box_lines, headlines);
    }

    const TOUR: [&str; 4] = [
        "June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL",
        "June 10 -- Credit Union Amphitheatre, Tampa, FL",
        "June 14 -- Ameris Bank Amphitheatre, Alpharetta, GA",
        "June 17 -- Bridgestone Arena, Nashville, TN",
    ];

    fn tour_page(announce: &str) -> String {
        let [s1, s2, s3] = SUMMARIES;
        format!(
            "Home\nMusic\nTickets\n\n{s1}\n\n{s2}\n\n{s3}\n\n{announce}\n{}\n\nShare this article\nFacebook\nTwitter\n",
            TOUR.join("\n")
        )
    }

    #[test]
    fn a_list_without_bullets_under_an_announcing_line_is_body() {
        let announce = "The band's tour dates for next summer:";
        let input = tour_page(announce);
        let a = crate::clean(&input).unwrap();
        let items: Vec<&str> = a
            .blocks()
            .iter()
            .filter(|b| b.kind == BlockKind::ListItem)
            .map(|b| &*b.text)
            .collect();
        assert_eq!(items, TOUR, "{}", a.body_text());
        // The items stand one to a line under the line that announces them,
        // as in the dump, and cleaning the body again reads the same list:
        // the body is a fixed point.
        let text = a.body_text();
        assert!(
            text.ends_with(&format!("{announce}\n{}", TOUR.join("\n"))),
            "{text}"
        );
        let again = crate::clean(&text).unwrap();
        assert_eq!(again.body_text(), text);
        let kinds_and_texts = |a: &crate::Article<'_>| -> Vec<(BlockKind, String)> {
            a.blocks()
                .iter()
                .map(|b| (b.kind, b.text.to_string()))
                .collect()
        };
        assert_eq!(kinds_and_texts(&again), kinds_and_texts(&a));
    }

    #[test]
    fn no_list_under_a_line_with_a_cue_or_over_a_byline() {
        // A related cue announces related links, not the article's list.
        let input = tour_page("Related coverage from our site:");
        let page = Page::of(&input, None);
        let (nb, mut v) = (page.non_blank(), Verdicts::new(&page.lines));
        let head = nb
            .iter()
            .position(|&i| page.lines[i].text.ends_with(':'))
            .unwrap();
        assert!(page.evidence[nb[head]].own.cue.is_some());
        v.keep(nb[head], BlockKind::Paragraph, Why::Context);
        assert_eq!(unmarked_list(&page, nb[head], &v), None);
        // A dated byline under the lines makes them no list.
        let with_byline = "He wrote at the end of the letter:\nAll is well here\nWe miss you all\nPosted October 27, 2012 by Jeremy Walker\n";
        // An item that announces more is a section's head, not an item.
        let with_heads = "He wrote at the end of the letter:\nAll is well here\nThe children send:\nWe miss you all\n";
        // An item that could run on into the next (a lowercase start, an
        // open end) could make one paragraph with it once cleaned again.
        let with_open =
            "He wrote at the end of the letter:\nAll is well here and\nWe miss you all\n";
        let with_lower = "He wrote at the end of the letter:\nAll is well here\nwe miss you all\n";
        for input in [with_byline, with_heads, with_open, with_lower] {
            let page = Page::of(input, None);
            let mut v = Verdicts::new(&page.lines);
            v.keep(0, BlockKind::Paragraph, Why::Context);
            assert_eq!(unmarked_list(&page, 0, &v), None, "{input}");
        }
        // Else the lines up to the blank line are the list.
        let input = "He wrote at the end of the letter:\nAll is well here\nWe miss you all\n\nThen he signed it.\n";
        let page = Page::of(input, None);
        let mut v = Verdicts::new(&page.lines);
        v.keep(0, BlockKind::Paragraph, Why::Context);
        assert_eq!(unmarked_list(&page, 0, &v), Some(1..3));
    }

    #[test]
    fn a_read_more_link_under_every_teaser_heads_no_list() {
        let [s1, s2, s3] = SUMMARIES;
        let input = format!(
            "Sowing broad beans in the cold frame\n{s1}\nRead more\n\nPruning the old apple trees\n{s2}\nRead more\n\nA new path between the beds\n{s3}\nRead more\n"
        );
        // Without the page's repeats, the three teasers under the first
        // `Read more` (no body among them) would make it a list's head.
        let (page, nb, v) = with_body(&input, |_| false);
        let first = nb
            .iter()
            .position(|&i| page.lines[i].text == "Read more")
            .unwrap();
        assert_eq!(page.evidence[nb[first]].own.cue, Some(Cue::Related));
        assert!(!teaser_list(&page, &nb, first, &v));
    }
}
