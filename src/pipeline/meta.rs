//! Step 6 of the pass: the article's metadata. The title (a capture
//! header's headline, else the line before the first paragraph that the
//! title model scores highest as the headline: [`find_title`]), byline, date
//! and image credit around the head of the article, a reader poll and the
//! comment count just after the body. And step 8, once the chrome is named:
//! the standfirst ([`standfirst`]).

use super::page::Page;
use super::verdicts::{Verdicts, Why};
use crate::article::{BlockKind, ChromeKind, Label};
use crate::date::find_date;
use crate::features::Evidence;
use crate::lexicon::{self, Cue};
use crate::lines::Line;
use crate::model::{N_TITLE, TITLE, TITLE_MIN};
use crate::tuning;
use std::ops::Range;

/// A capture header on the first line (`date 2025-08-08 <headline>`, as
/// some crawlers write it): it gives the date, and the key of the headline
/// it names. The line is metadata.
pub(crate) fn capture_header(page: &Page<'_>, v: &mut Verdicts<'_>) -> Option<u64> {
    let (date, headline) = page
        .lines
        .first()
        .and_then(|l| parse_capture_header(l.text))?;
    v.date = find_date(date);
    v.set(0, Label::Meta, Why::Meta);
    Some(crate::keys::norm_key(headline))
}

/// `date`, white space, `YYYY-MM-DD`, white space, a headline: the date and
/// the headline.
fn parse_capture_header(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix("date")?;
    let rest = rest.trim_start_matches(char::is_whitespace);
    if rest.len() == text.len() - 4 {
        return None; // no white space after `date`
    }
    let date = rest.get(..10)?;
    let b = date.as_bytes();
    let digits = |r: Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)) {
        return None;
    }
    let after = &rest[10..];
    let headline = after.trim_start_matches(char::is_whitespace);
    if headline.len() == after.len() || headline.is_empty() {
        return None; // no white space after the date, or no headline
    }
    Some((date, headline))
}

/// The metadata around the body: title, byline, date, credits, poll and
/// comment count. `title_key` is the capture header's headline, if any;
/// `comments_from` the comment section's head (or the number of lines).
pub(crate) fn decide<'a>(
    page: &Page<'a>,
    region: &Range<usize>,
    title_key: Option<u64>,
    comments_from: usize,
    v: &mut Verdicts<'a>,
) {
    let lines = &page.lines;
    let (body_start, head, open) = article_head(page, region, v);
    let open = |v: &Verdicts<'_>, i: usize| open.at(lines, v, i);
    // The head of the comment section may repeat the post's title.
    let title_key = title_key.map(Headline::Known).or_else(|| {
        let head = lines.get(comments_from)?.text;
        let (_, title) = lexicon::titled_comments_head(head)?;
        Some(Headline::Named(crate::keys::norm_key(title)))
    });
    head_of_article(page, title_key, head.clone(), body_start, &open, v);
    credits_in_body(page, region, v);
    let body_end = v.last_body().map_or(region.end, |i| i + 1);
    poll(page, body_end, v);
    comment_count(page, head, body_end, comments_from, v);
}

/// Where the article's text starts (its first paragraph, else the
/// region's start), the lines before it in which its metadata are sought,
/// and which of them are still open to be metadata ([`Open`]).
fn article_head(
    page: &Page<'_>,
    region: &Range<usize>,
    v: &Verdicts<'_>,
) -> (usize, Range<usize>, Open) {
    let body_start = first_paragraph(&page.lines, v).unwrap_or(region.start);
    let head = head_window(&page.lines, body_start);
    let open = Open::of(page, head.clone(), v);
    (body_start, head, open)
}

/// The lines a headline is sought in: [`tuning::TITLE_WINDOW`] non-blank
/// lines before the body, to the end of the head.
fn title_window(lines: &[Line<'_>], body_start: usize, head: &Range<usize>) -> Range<usize> {
    window(lines, body_start, tuning::TITLE_WINDOW).start..head.end
}

/// The title and the metadata of the head of the article, among the lines
/// `open` says may still become them.
fn head_of_article<'a>(
    page: &Page<'a>,
    title_key: Option<Headline>,
    head: Range<usize>,
    body_start: usize,
    open: &impl Fn(&Verdicts<'_>, usize) -> bool,
    v: &mut Verdicts<'a>,
) {
    let title_line = title(page, title_key, head.clone(), body_start, open, v);
    let meta_start = title_line.map_or(head.start, |t| t.min(head.start));
    head_metadata(page, meta_start..body_start, open, v);
}

/// The non-blank lines above the body's first paragraph in which a
/// standfirst is sought ([`standfirst`]).
const STANDFIRST_WINDOW: usize = 8;

/// The fewest words of a standfirst ([`standfirst`]).
const STANDFIRST_WORDS: u32 = 10;

/// Step 8 of the pass, after the chrome is named: the standfirst (the lead
/// in larger type between the headline and the text) is the article's. It
/// is a sentence of [`STANDFIRST_WORDS`] or more among the
/// [`STANDFIRST_WINDOW`] lines above the first paragraph, whose local model
/// scores it text, that the chrome step could name by no kind (no cue of
/// its own, no named neighbour: [`ChromeKind::Other`]). The context model
/// often takes it for a teaser: it stands apart from the text, by the
/// byline and the date.
pub(crate) fn standfirst(page: &Page<'_>, v: &mut Verdicts<'_>) {
    let (lines, ev) = (&page.lines, &page.evidence);
    let Some(start) = first_paragraph(lines, v) else {
        return;
    };
    for i in window(lines, start, STANDFIRST_WINDOW) {
        let s = &lines[i].shape;
        if v.label(i) == Label::Chrome(ChromeKind::Other)
            && s.terminal
            && s.words >= STANDFIRST_WORDS
            && ev[i].logit >= 0.0
        {
            v.keep(i, BlockKind::Paragraph, Why::Lead);
        }
    }
}

/// The first body line shaped like a paragraph (a sentence of some length),
/// else the first body line.
pub(crate) fn first_paragraph(lines: &[Line<'_>], v: &Verdicts<'_>) -> Option<usize> {
    // The walk starts at the first body line ([`Verdicts::first_body`]).
    let first = v.first_body()?;
    (first..lines.len())
        .filter(|&i| v.is_body(i))
        .find(|&i| tuning::is_sentence(&lines[i]) || lines[i].shape.words >= 20)
        .or(Some(first))
}

/// The lines before the body in which the metadata are sought: up to
/// [`tuning::HEAD_WINDOW`] non-blank lines.
fn head_window(lines: &[Line<'_>], body_start: usize) -> Range<usize> {
    window(lines, body_start, tuning::HEAD_WINDOW)
}

/// The lines before `body_start` up to `n` non-blank lines.
fn window(lines: &[Line<'_>], body_start: usize, n: usize) -> Range<usize> {
    let mut start = body_start;
    let mut seen = 0;
    while start > 0 && seen < n {
        start -= 1;
        if !lines[start].is_blank() {
            seen += 1;
        }
    }
    start..body_start
}

/// The lines that may still become title or metadata: the undecided ones,
/// and body lines of the head. A line taken for body can still be the
/// headline; opening the dump, only when headline-short (a cleaned body,
/// cleaned again, keeps its first block, a standfirst). Body lines are
/// candidates only when the head holds one headline-like body line: of
/// several above the first paragraph (a cleaned body's sub-headings), none
/// is the headline.
#[derive(Debug, Clone, Copy)]
struct Open {
    /// The headline-like body lines of the head.
    body_in_head: usize,
    /// The first non-blank line.
    first_line: Option<usize>,
}

impl Open {
    /// What the rule reads of the page beside each line's own verdict.
    fn of(page: &Page<'_>, head: Range<usize>, v: &Verdicts<'_>) -> Open {
        let (lines, ev) = (&page.lines, &page.evidence);
        let body_in_head = head
            .filter(|&i| v.is_body(i) && headline_like(&lines[i], &ev[i]))
            .count();
        Open {
            body_in_head,
            first_line: (0..lines.len()).find(|&i| !lines[i].is_blank()),
        }
    }

    /// Whether line `i` is open, read from its verdict in `v` when asked
    /// (not for every line up front): the rule reads no other line's
    /// verdict, and [`title`] and [`head_metadata`] ask about a line before
    /// they decide it and not after, but for a title line, which both pass
    /// over either way (tested against the verdicts read before either).
    fn at(&self, lines: &[Line<'_>], v: &Verdicts<'_>, i: usize) -> bool {
        !v.is_decided(i)
            || (v.is_body(i)
                && self.body_in_head <= 1
                && (Some(i) != self.first_line
                    || lines[i].shape.words <= tuning::HEADLINE_MAX_WORDS))
    }
}

/// The key of the headline, where the page names it apart from its line.
#[derive(Debug, Clone, Copy)]
enum Headline {
    /// A capture header's: the title is the line with this key, or none.
    Known(u64),
    /// A comment section's head's: the title is the line before the body
    /// with this key, else the headline-like line [`find_title`] finds.
    Named(u64),
}

/// The title line, labelled with every copy of it above the body.
fn title<'a>(
    page: &Page<'a>,
    title_key: Option<Headline>,
    head: Range<usize>,
    body_start: usize,
    open: &impl Fn(&Verdicts<'_>, usize) -> bool,
    v: &mut Verdicts<'a>,
) -> Option<usize> {
    let (lines, ev) = (&page.lines, &page.evidence);
    let keyed = |k: u64, end: usize| (0..end).find(|&i| open(v, i) && ev[i].own.key == k);
    let lead = Lead::of(page, body_start, v);
    let wide = title_window(lines, body_start, &head);
    let find = |v: &Verdicts<'_>| find_title(page, &lead, wide.clone(), |i| open(v, i));
    let t = match title_key {
        Some(Headline::Known(k)) => keyed(k, lines.len()),
        Some(Headline::Named(k)) => keyed(k, body_start).or_else(|| find(v)),
        None => find(v),
    }?;
    let k = ev[t].own.key;
    v.title = Some(lines[t].text);
    for (i, e) in ev.iter().enumerate().take(body_start.max(t + 1)) {
        if open(v, i) && e.own.key == k {
            v.set(i, Label::Title, Why::Title);
        }
    }
    Some(t)
}

/// Bylines, credits and date lines from the head of the article to a few
/// lines into the body: a byline and a date often follow the standfirst.
fn head_metadata<'a>(
    page: &Page<'a>,
    span: Range<usize>,
    open: &impl Fn(&Verdicts<'_>, usize) -> bool,
    v: &mut Verdicts<'a>,
) {
    let lines = &page.lines;
    let n = lines.len();
    let (meta_start, body_start) = (span.start, span.end);
    let meta_end = (body_start..n)
        .filter(|&i| !lines[i].is_blank())
        .nth(tuning::META_INTO_BODY)
        .unwrap_or(n);
    for (i, l) in lines.iter().enumerate().take(meta_end).skip(meta_start) {
        if !open(v, i) || v.label(i) == Label::Title || (i > body_start && l.shape.words > 12) {
            continue;
        }
        let text = l.text;
        // A byline, a bare marker or a credit is a line whose own evidence
        // is meta ([`lexicon::is_meta`]): the others are not walked by
        // their matchers.
        let meta = page.evidence[i].own.meta;
        if let Some(name) = meta.then(|| lexicon::byline(text)).flatten() {
            v.byline.get_or_insert(name);
            // A date names a four-digit year: fewer digits rule one out
            // without a pass over the text.
            if v.date.is_none() && l.shape.digits >= 4 {
                v.date = find_date(text);
            }
        } else if meta && lexicon::is_bare_byline_marker(text) {
        } else if let Some(credit) = meta.then(|| lexicon::image_credit(text)).flatten() {
            v.image_credit.get_or_insert(credit);
        } else if let Some(date) =
            (l.shape.words <= tuning::SHORT_LINE_WORDS && v.date.is_none() && l.shape.digits >= 4)
                .then(|| find_date(text))
                .flatten()
        {
            v.date = Some(date);
            // A date line may end in the byline (`Posted on … by Ruth`).
            if let Some(name) = lexicon::byline_after_date(text) {
                v.byline.get_or_insert(name);
            }
        } else {
            continue;
        }
        v.set(i, Label::Meta, Why::Meta);
    }
}

/// Image credits inside the body region are metadata too, and so are
/// picture captions that end in their credit, in the body or the region.
fn credits_in_body<'a>(page: &Page<'a>, region: &Range<usize>, v: &mut Verdicts<'a>) {
    // A caption's credit closes it with a bracket, maybe before white
    // space; a line's text ends in none (the scan trims it), so a text
    // ending in anything but a bracket has no credit.
    let caption_credit = |t: &'a str| {
        debug_assert_eq!(t, t.trim_end());
        match t.as_bytes().last() {
            Some(b')' | b']') => lexicon::caption_credit(t),
            _ => None,
        }
    };
    // An image credit is a line whose own evidence is meta
    // ([`lexicon::is_meta`]): only those are walked for one.
    for (i, (l, e)) in page.lines.iter().zip(&page.evidence).enumerate() {
        let open = !v.is_decided(i) && region.contains(&i);
        let credit = if open {
            e.own
                .meta
                .then(|| lexicon::image_credit(l.text))
                .flatten()
                .or_else(|| caption_credit(l.text))
        } else if v.is_body(i) {
            caption_credit(l.text)
        } else {
            None
        };
        if let Some(credit) = credit {
            v.image_credit.get_or_insert(credit);
            v.set(i, Label::Meta, Why::Meta);
        }
    }
}

/// A short question just after the body is a reader poll.
fn poll(page: &Page<'_>, body_end: usize, v: &mut Verdicts<'_>) {
    let lines = &page.lines;
    let poll = (body_end..lines.len())
        .filter(|&i| !lines[i].is_blank())
        .take(tuning::POLL_WINDOW)
        .find(|&i| {
            !v.is_decided(i)
                && lines[i].text.ends_with('?')
                && lines[i].shape.words <= tuning::SHORT_LINE_WORDS
        });
    if let Some(i) = poll {
        v.set(i, Label::Chrome(ChromeKind::Promo), Why::Poll);
    }
}

/// The article's own comment count: just after the body, or in its head.
/// After the body, the search stops at the first related-articles line:
/// counts below it belong to teasers. Else the head of the comment section
/// may carry it (`45 Comments`, `45 Responses to “…”`), unless more counts
/// follow it: then it counts a teaser in a list.
fn comment_count(
    page: &Page<'_>,
    head: Range<usize>,
    body_end: usize,
    comments_from: usize,
    v: &mut Verdicts<'_>,
) {
    let (lines, ev) = (&page.lines, &page.evidence);
    let n = lines.len();
    let after = (body_end..n)
        .filter(|&i| !lines[i].is_blank())
        .take(tuning::COUNT_WINDOW)
        .take_while(|&i| ev[i].own.cue != Some(Cue::Related));
    for i in head.chain(after) {
        // The comment section's lines are decided only as not body: its
        // head may be the count.
        if v.is_decided(i) && v.get(i).why != Why::Comments {
            continue;
        }
        if let Some(c) = comment_count_of(lines[i].text) {
            v.comment_count = Some(c);
            v.set(i, Label::Chrome(ChromeKind::Comments), Why::CommentCount);
            break;
        }
    }
    if v.comment_count.is_none() && comments_from < n {
        let more_counts = (comments_from + 1..n)
            .filter(|&i| !lines[i].is_blank())
            .take(tuning::COUNT_WINDOW)
            .any(|i| comment_count_of(lines[i].text).is_some());
        if !more_counts {
            let head = lines[comments_from].text;
            v.comment_count =
                comment_count_of(head).or_else(|| lexicon::titled_comments_head(head).map(|h| h.0));
        }
    }
}

/// [`lexicon::comment_count`], first ruling out text longer than it reads
/// or without an ASCII digit: a count it gives is parsed from ASCII digits.
fn comment_count_of(text: &str) -> Option<u32> {
    if text.len() > 40 || !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    lexicon::comment_count(text)
}

/// A byline, a credit or a dated line: metadata rather than a headline.
/// Read from the line's own evidence `e`, which knows already whether its
/// text is a byline, a bare byline marker or an image credit
/// ([`crate::features::Own::meta`], [`lexicon::is_meta`]): the lexicons
/// are not walked again.
fn meta_like(e: &Evidence) -> bool {
    e.own.dated || e.own.meta
}

/// A line shaped like a headline: 3 to 30 words, no cue, stamp, byline or
/// credit, not ending in a full stop or an ellipsis.
fn headline_like(l: &Line<'_>, e: &Evidence) -> bool {
    let s = &l.shape;
    // The shape first: the lexicons are read only for a line of its shape.
    !l.is_blank()
        && !e.own.listed()
        && (3..=30).contains(&s.words)
        && !s.ellipsis
        && !l.text.ends_with('.')
        && !meta_like(e)
}

/// The article's lead, which its headline is sought against: the
/// content-word keys of its body lines from the first paragraph, up to
/// [`LEAD_KEYS`], and the text of those of its lines that hold chars of a
/// script without spaces, up to [`LEAD_TEXT_BYTES`] (for a headline in
/// such a script, whose words the scan keys as one run).
struct Lead<'a> {
    keys: Vec<u64>,
    text: Vec<&'a str>,
}

impl<'a> Lead<'a> {
    fn of(page: &Page<'a>, body_start: usize, v: &Verdicts<'_>) -> Lead<'a> {
        // Room for the keys of the lines the lead takes: up to
        // [`LEAD_KEYS`], and the rest of the line that reaches it (most
        // lines have fewer than [`LEAD_LINE_KEYS`]), so that the buffer
        // is not grown (and copied) on most pages.
        let mut lead = Lead {
            keys: Vec::with_capacity(LEAD_KEYS + LEAD_LINE_KEYS),
            text: Vec::new(),
        };
        let mut bytes = 0;
        for i in (body_start..page.lines.len()).filter(|&i| v.is_body(i)) {
            if lead.keys.len() >= LEAD_KEYS && bytes >= LEAD_TEXT_BYTES {
                break;
            }
            if lead.keys.len() < LEAD_KEYS {
                lead.keys.extend_from_slice(page.words.get(i));
            }
            // Only a line with chars of such a script can hold their
            // pairs (most pages have none: no text is kept).
            let line = &page.lines[i];
            if bytes < LEAD_TEXT_BYTES && line.shape.cjk > 0 {
                lead.text.push(line.text);
                bytes += line.text.len();
            }
        }
        lead
    }

    /// The share of the words of line `i` that the lead repeats: of its
    /// content-word keys, or for a line written mostly in a script without
    /// spaces, of its pairs of adjacent chars in such a script (a Chinese
    /// word is mostly one or two chars).
    fn share(&self, page: &Page<'_>, i: usize) -> f32 {
        let line = &page.lines[i];
        if crate::features::unspaced(&line.shape) {
            return self.pair_share(line.text);
        }
        let keys = page.words.get(i);
        let hits = keys.iter().filter(|k| self.keys.contains(k)).count();
        hits as f32 / keys.len().max(1) as f32
    }

    /// The share of the pairs of adjacent chars of `text` in a script
    /// without spaces that occur in the lead's text.
    fn pair_share(&self, text: &str) -> f32 {
        let (mut pairs, mut hits) = (0u32, 0u32);
        let mut chars = text.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            let Some(&(next_at, next)) = chars.peek() else {
                break;
            };
            if crate::lines::is_cjk(c) && crate::lines::is_cjk(next) {
                let pair = &text[at..next_at + next.len_utf8()];
                pairs += 1;
                hits += u32::from(self.text.iter().any(|t| t.contains(pair)));
            }
        }
        hits as f32 / pairs.max(1) as f32
    }
}

/// How many content-word keys of the lead a headline's words are sought in.
const LEAD_KEYS: usize = 64;

/// The content-word keys of a paragraph [`Lead::of`] makes room for beyond
/// [`LEAD_KEYS`].
const LEAD_LINE_KEYS: usize = 64;

/// How many bytes of the lead's text the pairs of chars of a headline in a
/// script without spaces are sought in (about 340 Chinese chars: the first
/// paragraphs).
const LEAD_TEXT_BYTES: usize = 1024;

/// Names of the features of a headline candidate ([`title_features`]), in
/// the order of the title model's weights ([`crate::model::TITLE`]).
pub(crate) const TITLE_FEATURES: [&str; N_TITLE] = [
    "bias",
    "lead_share",
    "lead_share_zero",
    "rank",
    "gap",
    "log_words",
    "ends_period",
    "ends_colon",
    "ends_question",
    "cue",
    "twice_in_head",
    "logit",
    "capitalised",
    "all_caps",
    "digit_ratio",
    "meta_after",
    "meta_before",
    "log_words_after",
    "ellipsis",
    "separators",
    "copied",
    "template",
    "under_shorter",
    "over_longer",
    "long",
    "inner_stops",
];

/// A line that may be the headline: 2 to 30 words, and not a time, a
/// count, a fixtures row, a byline, a credit or a date.
fn title_candidate(l: &Line<'_>, e: &Evidence) -> bool {
    !l.is_blank()
        && (2..=30).contains(&l.shape.words)
        && !e.own.time
        && !e.own.count
        && !e.own.fixture
        && !meta_like(e)
}

/// The headline among the lines `head` before the body: the candidate
/// ([`title_candidate`]) that the title model ([`crate::model::TITLE`],
/// a logistic regression fitted by `tools/fit_title.py` on the train
/// pages' headlines) scores highest, the nearest of equals, if its score
/// reaches [`crate::model::TITLE_MIN`]. The model weighs how much of the
/// line the lead repeats (a headline names what its first paragraphs
/// tell; a kicker, a credit or a menu line does not), how near the body
/// it stands, its shape, cues and score, a byline or date under it, a
/// shorter line above or a longer one below (a headline over its
/// standfirst), and whether the head shows it twice.
fn find_title(
    page: &Page<'_>,
    lead: &Lead<'_>,
    head: Range<usize>,
    open: impl Fn(usize) -> bool,
) -> Option<usize> {
    let mut best: Option<(f32, usize)> = None;
    each_title_candidate(page, lead, head, open, |i, x| {
        let score = TITLE.iter().zip(x).fold(0.0, |sum, (w, f)| sum + w * f);
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, i));
        }
    });
    best.filter(|&(score, _)| score >= TITLE_MIN)
        .map(|(_, i)| i)
}

/// Each headline candidate of `head` that `open` admits, nearest the body
/// first, with its features ([`title_features`]).
fn each_title_candidate(
    page: &Page<'_>,
    lead: &Lead<'_>,
    head: Range<usize>,
    open: impl Fn(usize) -> bool,
    mut each: impl FnMut(usize, &[f32; N_TITLE]),
) {
    let (lines, ev) = (&page.lines, &page.evidence);
    let candidate = |i: usize| open(i) && title_candidate(&lines[i], &ev[i]);
    // The candidates and the non-blank lines between the line and the body.
    let (mut rank, mut gap) = (0, 0);
    for i in head.clone().rev() {
        if lines[i].is_blank() {
            continue;
        }
        if candidate(i) {
            let x = title_features(page, lead, &head, i, (rank, gap), candidate);
            each(i, &x);
            rank += 1;
        }
        gap += 1;
    }
}

/// The features of the candidate at line `i` of `head`, `rank` candidates
/// and `gap` non-blank lines from the body, named in [`TITLE_FEATURES`].
fn title_features(
    page: &Page<'_>,
    lead: &Lead<'_>,
    head: &Range<usize>,
    i: usize,
    (rank, gap): (usize, usize),
    candidate: impl Fn(usize) -> bool,
) -> [f32; N_TITLE] {
    let (lines, ev) = (&page.lines, &page.evidence);
    let (l, e, s) = (&lines[i], &ev[i], &lines[i].shape);
    let b = |x: bool| if x { 1.0 } else { 0.0 };
    let table = crate::features::ln_table();
    let ln = |n: usize| table.ln_1p(n.try_into().unwrap_or(u32::MAX));
    let share = lead.share(page, i);
    let after = (i + 1..lines.len()).find(|&j| !lines[j].is_blank());
    let before = (0..i).rev().find(|&j| !lines[j].is_blank());
    let twice = head
        .clone()
        .any(|j| j != i && !lines[j].is_blank() && ev[j].own.key == e.own.key);
    let last = l.text.trim_end().chars().last();
    // A shorter candidate just above (this may be the standfirst under the
    // headline), a longer one just below (this may be its headline).
    let words = |j: usize| lines[j].shape.words;
    let under_shorter = before.is_some_and(|j| candidate(j) && words(j) < s.words);
    let over_longer = after.is_some_and(|j| j < head.end && candidate(j) && words(j) > s.words);
    [
        1.0,
        share,
        b(share == 0.0),
        ln(rank),
        ln(gap),
        ln(s.words as usize),
        b(last == Some('.')),
        b(last == Some(':')),
        b(matches!(last, Some('?' | '!'))),
        b(e.own.cue.is_some()),
        b(twice),
        e.logit.clamp(-4.0, 4.0) / 4.0,
        e.own.caps,
        b(crate::features::all_caps(s)),
        crate::features::digit_ratio(s),
        b(after.is_some_and(|j| meta_like(&ev[j]))),
        b(before.is_some_and(|j| meta_like(&ev[j]))),
        ln(after.map_or(0, |j| lines[j].shape.words as usize)),
        b(s.ellipsis),
        b(s.separators > 0),
        b(e.copies > 1),
        b(e.template),
        b(under_shorter),
        b(over_longer),
        b(s.words > 18),
        b(s.inner_stops > 0),
    ]
}

/// The headline candidates of the page's head with their features, as the
/// title step sees them after the body step (for fitting the title model).
pub(crate) fn title_candidates(
    page: &Page<'_>,
    region: &Range<usize>,
    v: &Verdicts<'_>,
) -> Vec<(usize, [f32; N_TITLE])> {
    let (body_start, head, open) = article_head(page, region, v);
    let lead = Lead::of(page, body_start, v);
    let mut out = Vec::new();
    let wide = title_window(&page.lines, body_start, &head);
    each_title_candidate(
        page,
        &lead,
        wide,
        |i| open.at(&page.lines, v, i),
        |i, x| out.push((i, *x)),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::BlockKind;

    const HEAD_LINES: [&str; 14] = [
        "",
        "Home",
        "Council approves the new bridge over the river",
        "By Jane Doe",
        "12 March 2024",
        "Photo: John Smith",
        "By",
        "A view of the old bridge on Monday. (Photo: Jane Doe)",
        "The council voted on Monday to build a new bridge over the river, after years of debate about its cost.",
        "Work starts in the autumn and should take two years, the alderman said after the vote.",
        "Bridge plans",
        "5 comments",
        "What do you think of the bridge?",
        "Updated 14 March 2024 10:00",
    ];

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]
        /// Title and head metadata are the same whether each line's being
        /// open is read when asked (as [`decide`] does) or for every line
        /// before either is sought, on pages of headlines, bylines, dates,
        /// credits, paragraphs and copies of them, each line open, body
        /// (its kind or a heading) or decided chrome, with or without a
        /// capture header's title.
        #[test]
        fn lines_read_open_when_asked_as_before_the_head_is_sought(
            rows in proptest::collection::vec((0..HEAD_LINES.len(), 0u8..4), 0..30),
            title_at in proptest::option::of(0usize..30),
            start in 0usize..30,
        ) {
            let input: Vec<&str> = rows.iter().map(|&(t, _)| HEAD_LINES[t]).collect();
            let input = input.join("\n");
            let page = Page::of(&input, None);
            let n = page.lines.len();
            let mut v = Verdicts::new(&page.lines);
            for (i, &(_, state)) in rows.iter().enumerate().take(n) {
                if page.lines[i].is_blank() {
                    continue;
                }
                match state {
                    0 => {}
                    1 => v.keep(i, BlockKind::Paragraph, Why::Context),
                    2 => v.keep(i, BlockKind::Heading, Why::Heading),
                    _ => v.set(i, Label::Chrome(ChromeKind::Other), Why::Comments),
                }
            }
            let key = title_at.filter(|&t| t < n).map(|t| page.evidence[t].own.key);
            let body_start = first_paragraph(&page.lines, &v).unwrap_or(start.min(n));
            let head = head_window(&page.lines, body_start);
            let open = Open::of(&page, head.clone(), &v);
            let up_front: Vec<bool> = (0..n).map(|i| open.at(&page.lines, &v, i)).collect();
            let when_asked = |v: &Verdicts<'_>, i: usize| open.at(&page.lines, v, i);
            let read_before = |_: &Verdicts<'_>, i: usize| up_front[i];
            for title_key in [key.map(Headline::Known), key.map(Headline::Named)] {
                let (mut asked, mut before) = (v.clone(), v.clone());
                head_of_article(&page, title_key, head.clone(), body_start, &when_asked, &mut asked);
                head_of_article(&page, title_key, head.clone(), body_start, &read_before, &mut before);
                proptest::prop_assert_eq!(asked, before);
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]
        #[test]
        fn the_guarded_comment_count_is_the_lexicons(
            text in "(Kommentare|comments|reacties|[ (:\\[\\]),.]|[0-9]|[٠-٩]|x){0,12}",
        ) {
            proptest::prop_assert_eq!(
                comment_count_of(&text),
                crate::lexicon::comment_count(&text)
            );
        }
    }

    /// The title model's headline where the rules before it took a wrong
    /// line or none: a headline that holds a cue's word (`privacy`; a cue
    /// ruled a line out, and the menu entries above are one word each),
    /// and one under a kicker that ends in a colon (`Reform im
    /// Bundesrat:`, whose words the lead repeats most).
    #[test]
    fn the_title_model_takes_the_headline() {
        let cue_word = "Home\nNews\nPrivacy rules for apps tighten as regulators step in\n\
            By Jane Doe\n12 March 2024\n\n\
            Regulators in Brussels said on Monday that app makers must ask before they \
            share data with advertisers, a change that privacy groups had sought for years.\n\n\
            The rules take effect next spring, and app makers that break them face fines \
            of up to four per cent of their turnover.\n";
        let kicker = "Startseite\nPolitik\n\nReform im Bundesrat:\n\
            Städte sollen Tempo 30 leichter anordnen dürfen\n\n\
            Von Anna Schmidt\nStand: 03.12.2026, 14:35 Uhr\n\n\
            Der Bundesrat hat am Freitag einer Reform des Straßenverkehrsrechts \
            zugestimmt, nach der Städte Tempo 30 leichter anordnen dürfen.\n\n\
            Kommunen bekommen damit mehr Spielraum, doch die Verbände sehen weiter \
            Nachholbedarf bei den Regeln für Radwege.\n";
        for (input, title, byline, date) in [
            (
                cue_word,
                "Privacy rules for apps tighten as regulators step in",
                "Jane Doe",
                "2024-03-12",
            ),
            (
                kicker,
                "Städte sollen Tempo 30 leichter anordnen dürfen",
                "Anna Schmidt",
                "2026-12-03",
            ),
        ] {
            let a = crate::clean(input).unwrap();
            assert_eq!(a.title(), Some(title));
            assert_eq!(a.byline(), Some(byline));
            assert_eq!(a.date().map(|d| d.to_string()).as_deref(), Some(date));
        }
    }

    #[test]
    fn guarded_comment_counts() {
        for (text, count) in [
            ("12 comments", Some(12)),
            ("Kommentare (3)", Some(3)),
            ("١٢ comments", None),
            ("comments", None),
            ("Read the 12 comments on this article below this line", None),
        ] {
            assert_eq!(comment_count_of(text), count, "{text:?}");
            assert_eq!(crate::lexicon::comment_count(text), count, "{text:?}");
        }
    }

    /// The capture header as the regex `^date\s+(\d{4}-\d{2}-\d{2})\s+(.+)$`
    /// read it.
    #[test]
    fn capture_headers() {
        assert_eq!(
            parse_capture_header("date 2025-08-08 Council approves bridge"),
            Some(("2025-08-08", "Council approves bridge"))
        );
        assert_eq!(
            parse_capture_header("date\t 2025-08-08 \u{a0}Headline"),
            Some(("2025-08-08", "Headline"))
        );
        for no in [
            "date 2025-08-08",
            "date 2025-08-08 ",
            "date2025-08-08 Headline",
            "date 2025-08-08Headline",
            "date 2025-8-08 Headline",
            "Date 2025-08-08 Headline",
            "update 2025-08-08 Headline",
            "date 2025/08/08 Headline",
            "date ٢٠٢٥-08-08 Headline",
            "",
        ] {
            assert_eq!(parse_capture_header(no), None, "{no:?}");
        }
    }
}
