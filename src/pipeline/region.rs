//! Step 3 of the pass, the main article region: the contiguous run of lines whose
//! summed evidence is highest, never crossing a comment-section boundary.

use crate::features::Evidence;
use crate::lexicon::Cue;
use crate::lines::Line;
use std::ops::Range;

/// How strongly a line pulls the region towards itself (positive) or away (negative).
fn weight(line: &Line<'_>, score: f32) -> f32 {
    if line.is_blank() {
        return 0.0;
    }
    let x = score;
    if x > 0.0 {
        // Long text lines weigh more: a paragraph outweighs a menu item.
        x.min(3.0) * (line.shape.chars as f32 / 100.0).clamp(0.3, 3.0)
    } else {
        // A long chrome line costs more than a short one.
        x.max(-4.0) * (1.0 + 0.05 * line.shape.words as f32)
    }
}

/// Positive weight that must precede a comment-section head for the text after it
/// to count as comments.
const COMMENT_ZONE_MIN_TEXT: f32 = 4.0;
/// How much text inside a comment section counts towards a region.
const COMMENT_ZONE_DISCOUNT: f32 = 0.25;

/// A line shaped as the head of a comment section: a short comments cue
/// (not a byline, `Ein Kommentar von …`, nor an opinion piece's rubric
/// before its title, `Kommentar: …`) or a titled one. Whether it ends the
/// article is [`is_barrier`]'s.
pub(crate) fn is_comment_head(line: &Line<'_>, ev: &Evidence) -> bool {
    ev.own.cue == Some(Cue::Comments)
        && ((line.shape.words <= 6
            && !line.shape.terminal
            && !ev.own.meta
            && !crate::lexicon::comments_label_a_title(line.text))
            || crate::lexicon::titled_comments_head(line.text).is_some())
}

/// How many non-blank lines after a comment-section head are searched for
/// the marks of comments ([`signed_after`]).
const SIGNATURE_WINDOW: usize = 40;

/// Whether the lines after the head at `at` bear the marks of a comment
/// section: a time, a date, a count, a byline or another comments cue
/// (`Reply`, `Posted by`) among the next [`SIGNATURE_WINDOW`] non-blank
/// lines, or fewer lines than that before the page ends (a short tail
/// tells too little to lift the head).
fn signed_after(lines: &[Line<'_>], ev: &[Evidence], at: usize) -> bool {
    let mut seen = 0;
    for (line, e) in lines.iter().zip(ev).skip(at + 1) {
        if line.is_blank() {
            continue;
        }
        let o = &e.own;
        if o.time || o.count || o.dated || o.meta || o.cue == Some(Cue::Comments) {
            return true;
        }
        seen += 1;
        if seen == SIGNATURE_WINDOW {
            return false;
        }
    }
    true
}

/// Line `i` ends the article for good: a comment-section head
/// ([`is_comment_head`]) of more than one word (`Leave a reply`,
/// `3 Comments`), or a one-word one unless a long run of lines without a
/// mark of comments follows it ([`signed_after`]): a bare `Comment` or
/// `Kommentare` is also a button, a tag or a table's column, with the
/// article going on below.
fn is_barrier(lines: &[Line<'_>], ev: &[Evidence], i: usize) -> bool {
    is_comment_head(&lines[i], &ev[i]) && head_holds(lines, ev, i)
}

/// The head at line `i` ([`is_comment_head`]) ends the article
/// ([`is_barrier`]'s second test, out of line: heads are rare).
#[inline(never)]
fn head_holds(lines: &[Line<'_>], ev: &[Evidence], i: usize) -> bool {
    lines[i].shape.words > 1 || signed_after(lines, ev, i)
}

/// The first comment-section head ([`is_barrier`]) at or after line `from`
/// among the first `n` lines. Only the evidence is walked, for a comments
/// cue (most pages have none): the line's shape is read only where one
/// stands.
fn next_barrier(lines: &[Line<'_>], evidence: &[Evidence], from: usize) -> Option<usize> {
    let n = lines.len().min(evidence.len());
    let mut from = from;
    while from < n {
        let p = first_comments_cue(&evidence[from..n])?;
        let i = from + p;
        if is_barrier(lines, evidence, i) {
            return Some(i);
        }
        from = i + 1;
    }
    None
}

/// The first of `evidence` with a comments cue. Four at a time, their tests
/// or-ed without a branch each: most pages have no such cue, and the walk
/// goes over all of their lines.
fn first_comments_cue(evidence: &[Evidence]) -> Option<usize> {
    let is_comments = |ev: &Evidence| ev.own.cue == Some(Cue::Comments);
    let mut chunks = evidence.chunks_exact(4);
    let mut base = 0;
    for c in &mut chunks {
        if is_comments(&c[0]) | is_comments(&c[1]) | is_comments(&c[2]) | is_comments(&c[3]) {
            return c.iter().position(is_comments).map(|p| base + p);
        }
        base += 4;
    }
    let p = chunks.remainder().iter().position(is_comments)?;
    Some(base + p)
}

/// The first line of the comment section: the first comment-section head that
/// follows some real text (`n` when there is none).
pub(crate) fn comment_zone_start(lines: &[Line<'_>], evidence: &[Evidence]) -> usize {
    let next_head = |from: usize| next_barrier(lines, evidence, from);
    first_head_after_text(next_head, |i| weight(&lines[i], evidence[i].logit))
        .unwrap_or(lines.len())
}

/// The first head where the positive parts of `weight` over the lines before
/// it sum to [`COMMENT_ZONE_MIN_TEXT`]; `next_head(i)` is the first head at
/// or after line `i`. The heads are found first and the weights summed only
/// up to them, in line order (the same sum, rounding included): a page
/// without a head (most pages) weighs no line at all.
fn first_head_after_text(
    next_head: impl Fn(usize) -> Option<usize>,
    weight: impl Fn(usize) -> f32,
) -> Option<usize> {
    let mut text_seen = 0.0f32;
    let mut from = 0;
    while let Some(h) = next_head(from) {
        text_seen = (from..h).fold(text_seen, |s, i| s + weight(i).max(0.0));
        if text_seen >= COMMENT_ZONE_MIN_TEXT {
            return Some(h);
        }
        text_seen += weight(h).max(0.0);
        from = h + 1;
    }
    None
}

/// The comment-section head that follows the region (the number of lines
/// when there is none): nothing from there on is body, the head included.
pub(crate) fn comments_from(lines: &[Line<'_>], ev: &[Evidence], region: &Range<usize>) -> usize {
    next_barrier(lines, ev, region.end).unwrap_or(lines.len())
}

/// The lines' weights for the region search, weighed in order: `None` for
/// a comment-section head, which no region may cross. Text after a
/// comment-section head that follows real text is comments: it still
/// counts, but much less, so the article before it wins.
#[derive(Default)]
struct Weigher {
    /// The positive weight of the lines so far.
    text_seen: f32,
    /// Whether a comment-section head has followed real text.
    in_comments: bool,
}

impl Weigher {
    /// The weight of the next line. `holds` tells whether a comment-section
    /// head there ends the article ([`head_holds`]), asked of heads only.
    #[inline(always)]
    fn next(
        &mut self,
        line: &Line<'_>,
        ev: &Evidence,
        score: f32,
        holds: impl FnOnce() -> bool,
    ) -> Option<f32> {
        if is_comment_head(line, ev) && holds() {
            if self.text_seen >= COMMENT_ZONE_MIN_TEXT {
                self.in_comments = true;
            }
            return None;
        }
        let mut w = weight(line, score);
        if w > 0.0 {
            self.text_seen += w;
            if self.in_comments {
                w *= COMMENT_ZONE_DISCOUNT;
            }
        }
        Some(w)
    }
}

/// The best region, as a range of line indices (empty when no line scores positive).
pub(crate) fn main_region(
    lines: &[Line<'_>],
    evidence: &[Evidence],
    scores: &[f32],
) -> Range<usize> {
    let mut weigh = Weigher::default();
    // The best segment of the whole page is sought as the weights are
    // made, in the same pass ([`best_segment`] of them all).
    let mut best = Kadane::new(0);
    let mut weights = super::lend(&WEIGHTS, lines.len());
    weights.extend(lines.iter().zip(evidence).zip(scores).enumerate().map(
        |(i, ((line, ev), &score))| {
            let w = weigh.next(line, ev, score, || head_holds(lines, evidence, i));
            best.step(i, w);
            w
        },
    ));
    debug_assert_eq!(weights.len(), lines.len());
    let (best_sum, r) = best.best;
    let region = join_segments(&weights, best_sum, r, best.before);
    super::give_back(&WEIGHTS, weights);
    region
}

thread_local! {
    /// The weights of the lines of the last page ([`main_region`]).
    static WEIGHTS: std::cell::Cell<Vec<Option<f32>>> = const { std::cell::Cell::new(Vec::new()) };
}

/// The region `r`, of weight `best_sum`, joined by the further segments of
/// `weights` on either side that are strong enough and not behind a
/// barrier: an article split by large interruptions (a gallery, an ad
/// block, a related-links box) is several strong segments. `before_r` is
/// the best segment before `r` (`best_segment(weights, 0..r.start)`),
/// which the search that found `r` knows ([`Kadane::before`]).
fn join_segments(
    weights: &[Option<f32>],
    best_sum: f32,
    mut r: Range<usize>,
    before_r: (f32, Range<usize>),
) -> Range<usize> {
    // The best segment on a side is sought again only once the region grew
    // on that side (the other side's span, and so its best, is unchanged).
    let (mut before, mut after) = (Some(before_r), None);
    for _ in 0..MAX_JOINS {
        let (b_sum, b) = before
            .get_or_insert_with(|| best_segment(weights, 0..r.start))
            .clone();
        let (a_sum, a) = after
            .get_or_insert_with(|| best_segment(weights, r.end..weights.len()))
            .clone();
        let clear = |span: Range<usize>| weights[span].iter().all(Option::is_some);
        if b_sum >= JOIN_RATIO * best_sum && clear(b.start..r.start) {
            r.start = b.start;
            before = None;
        } else if a_sum >= JOIN_RATIO * best_sum && clear(r.end..a.end) {
            r.end = a.end;
            after = None;
        } else {
            break;
        }
    }
    r
}

/// A further segment at least this strong, relative to the best, joins the region.
const JOIN_RATIO: f32 = 0.15;
/// How many further segments may join the region.
const MAX_JOINS: usize = 4;

/// The maximum-sum run of lines within `span` (Kadane), restarting after
/// every barrier (`None`).
fn best_segment(weights: &[Option<f32>], span: Range<usize>) -> (f32, Range<usize>) {
    let mut k = Kadane::new(span.start);
    for i in span {
        k.step(i, weights[i]);
    }
    k.best
}

/// The search of [`best_segment`], one line at a time.
struct Kadane {
    /// The best run so far and its sum (empty, of sum 0, before any).
    best: (f32, Range<usize>),
    /// The best run before the first line of `best`: what the search had
    /// found when that run began (the search of the span up to there is
    /// this one, stopped there).
    before: (f32, Range<usize>),
    /// The best run before the current run began.
    before_run: (f32, Range<usize>),
    /// The sum of the current run.
    sum: f32,
    /// The first line of the current run.
    start: usize,
}

impl Kadane {
    /// The search of a span that starts at line `start`.
    fn new(start: usize) -> Kadane {
        Kadane {
            best: (0.0, start..start),
            before: (0.0, start..start),
            before_run: (0.0, start..start),
            sum: 0.0,
            start,
        }
    }

    /// Take line `i` of weight `w` (`None` for a barrier).
    #[inline(always)]
    fn step(&mut self, i: usize, w: Option<f32>) {
        let Some(w) = w else {
            self.sum = 0.0;
            self.start = i + 1;
            return;
        };
        if self.sum <= 0.0 {
            if w <= 0.0 {
                self.start = i + 1;
                return;
            }
            self.sum = 0.0;
            self.start = i;
            // A best run begins only here (at a line of positive weight).
            self.before_run = self.best.clone();
        }
        self.sum += w;
        if self.sum > self.best.0 {
            self.best = (self.sum, self.start..i + 1);
            self.before = self.before_run.clone();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::gather;
    use crate::lines::split_lines;

    #[test]
    fn first_comments_cue_is_the_first_position() {
        for n in 0..20usize {
            for marks in [
                vec![],
                vec![n / 2],
                vec![n / 3, n / 2],
                vec![n.saturating_sub(1)],
            ] {
                let mut ev = vec![Evidence::default(); n];
                for &m in marks.iter().filter(|&&m| m < n) {
                    ev[m].own.cue = Some(Cue::Comments);
                }
                let want = ev.iter().position(|e| e.own.cue == Some(Cue::Comments));
                assert_eq!(first_comments_cue(&ev), want, "{n} {marks:?}");
            }
        }
    }

    /// The lines, their evidence and the region chosen on the local scores
    /// (as the pass does in balanced mode).
    fn region_of(input: &str) -> (Vec<Line<'_>>, Vec<Evidence>, Range<usize>) {
        let lines = split_lines(input);
        let ev = gather(&lines);
        let local: Vec<f32> = ev.iter().map(|e| e.logit).collect();
        let r = main_region(&lines, &ev, &local);
        (lines, ev, r)
    }

    fn index(lines: &[Line<'_>], text: &str) -> usize {
        lines
            .iter()
            .position(|l| l.text == text)
            .unwrap_or_else(|| panic!("no line {text:?}"))
    }

    /// The summed weight of the lines in `span`.
    fn sum(lines: &[Line<'_>], ev: &[Evidence], span: Range<usize>) -> f32 {
        span.map(|i| weight(&lines[i], ev[i].logit)).sum()
    }

    // News paragraphs of ordinary length (about 150 chars) ...
    const P1: &str = "Der Gemeinderat hat am Dienstag beschlossen, die alte Turnhalle neben der Grundschule abzureißen und an ihrer Stelle eine neue Halle zu bauen.";
    const P2: &str = "Die Kosten von rund sechs Millionen Euro sollen zur Hälfte aus Mitteln des Landes kommen, den Rest muss die Gemeinde aus eigenen Rücklagen aufbringen.";
    const P3: &str = "Bis die neue Halle fertig ist, sollen die Kinder ihren Sportunterricht in der Halle des Nachbarortes haben, wohin sie mit dem Bus gebracht werden.";
    const P4: &str = "Die Vereine, die die alte Halle am Abend genutzt haben, müssen sich für etwa zwei Jahre andere Räume suchen, was vor allem den Turnverein hart trifft.";
    const P5: &str = "Der Bürgermeister versprach, gemeinsam mit den Vereinen nach Lösungen zu suchen, und kündigte für den Herbst eine Informationsveranstaltung für alle Bürger an.";

    // ... and long ones (about 330 chars).
    const L1: &str = "Der Gemeinderat hat am Dienstag beschlossen, die alte Turnhalle neben der Grundschule abzureißen und an ihrer Stelle eine neue Halle zu bauen, die auch den Vereinen offenstehen soll. Die Entscheidung fiel nach einer langen Debatte mit vierzehn zu sieben Stimmen, nachdem ein Gutachten gezeigt hatte, dass eine Sanierung kaum billiger wäre.";
    const L2: &str = "Die Kosten von rund sechs Millionen Euro sollen zur Hälfte aus Mitteln des Landes kommen, den Rest muss die Gemeinde aus eigenen Rücklagen aufbringen. Der Kämmerer warnte in der Sitzung, dass dafür andere Vorhaben, etwa die Erneuerung der Straßenbeleuchtung, um mindestens ein Jahr verschoben werden müssten.";

    // Reader comments, long and many enough to outweigh either article.
    const C1: &str = "Endlich wird die Halle ersetzt, unsere Kinder haben jahrelang in einem Gebäude geturnt, in dem es durch das Dach geregnet hat und die Heizung im Winter oft ausfiel. Dass es so lange gedauert hat, bis sich der Gemeinderat dazu durchringen konnte, ist eigentlich ein Armutszeugnis für alle, die dort seit Jahren sitzen.";
    const C2: &str = "Zwei Jahre lang jeden Tag mit dem Bus in den Nachbarort zu fahren ist für die Kleinen eine echte Zumutung, das hätte man mit einer besseren Planung sicher vermeiden können. Warum baut man die neue Halle nicht zuerst auf dem Parkplatz hinter der Schule und reißt die alte erst ab, wenn die neue fertig ist?";
    const C3: &str = "Sechs Millionen Euro für eine Turnhalle, während die Straßen im Ort voller Löcher sind und der Kindergarten seit Jahren auf einen neuen Spielplatz wartet. Ich hoffe, dass wenigstens die Vereine am Ende wirklich etwas davon haben und die Halle nicht wieder nur zu den Schulzeiten geöffnet ist, wie es bei der alten war.";

    #[test]
    fn region_is_the_run_of_paragraphs_between_menus_and_footer() {
        let input = format!(
            "Startseite\nPolitik\nSport\nAnmelden\n\n{P1}\n\n{P2}\n\n{P3}\n\nImpressum\nDatenschutz\n© 2024 Kreisbote\n"
        );
        let (lines, _, r) = region_of(&input);
        for p in [P1, P2, P3] {
            assert!(r.contains(&index(&lines, p)), "{p:?} outside {r:?}");
        }
        for chrome in ["Startseite", "Anmelden", "Impressum", "© 2024 Kreisbote"] {
            assert!(
                !r.contains(&index(&lines, chrome)),
                "{chrome:?} inside {r:?}"
            );
        }
        // A dump of menu words has no region at all.
        let (_, _, r) = region_of("Inicio\nNoticias\nDeportes\nContacto\n");
        assert!(r.is_empty(), "{r:?}");
    }

    const GALLERY: &str = "\
Home
Sport

More than twenty thousand people lined the banks of the river on Saturday to watch the annual regatta, the largest crowd since the event began in 1952.

Crews from eleven countries took part, and the local rowing club won three of the five finals, including the women's eights for the first time.

Photo 1 of 12
Previous
Next
Photo 2 of 12
Previous
Next
Share on Facebook
Email this gallery

The organisers said the river police had to close two bridges for an hour after the final race because too many spectators wanted to cross at once.

Next year's regatta is planned for the first weekend of June, with a new course that starts further upstream near the old mill.

Privacy policy
Cookie settings

The regatta was first held in 1952 on this river.
";

    const FIRST_PARAGRAPH: &str = "More than twenty thousand people lined the banks of the river on Saturday to watch the annual regatta, the largest crowd since the event began in 1952.";
    const LAST_PARAGRAPH: &str = "Next year's regatta is planned for the first weekend of June, with a new course that starts further upstream near the old mill.";

    #[test]
    fn a_strong_segment_behind_a_gallery_joins_a_weak_one_does_not() {
        let (lines, ev, r) = region_of(GALLERY);
        let first = index(&lines, "Photo 1 of 12");
        let last = index(&lines, "Email this gallery");
        let after = index(&lines, LAST_PARAGRAPH);
        // The premise: the gallery costs more than the text behind it brings,
        // so a plain maximum-sum segment would stop before the gallery.
        assert!(sum(&lines, &ev, first..last + 1) + sum(&lines, &ev, last + 1..after + 1) < 0.0);
        assert!(r.start < first && r.end > after, "{r:?}");
        assert!(!r.contains(&index(&lines, "Privacy policy")), "{r:?}");
        // A weak segment beyond the footer does not join.
        let tail = index(&lines, "The regatta was first held in 1952 on this river.");
        // The premise: the line pulls, but far less than the article.
        let w = weight(&lines[tail], ev[tail].logit);
        let first_part = sum(
            &lines,
            &ev,
            index(&lines, FIRST_PARAGRAPH)..index(&lines, "Photo 1 of 12"),
        );
        assert!(
            w > 0.0 && w < JOIN_RATIO * first_part,
            "{w} vs {first_part}"
        );
        assert!(r.end <= index(&lines, "Privacy policy"), "{r:?}");
    }

    #[test]
    fn the_article_before_a_comment_head_beats_heavier_comments() {
        let input = format!("Startseite\n\n{L1}\n\n{L2}\n\nKommentare\n\n{C1}\n\n{C2}\n\n{C3}\n");
        let (lines, ev, r) = region_of(&input);
        let head = index(&lines, "Kommentare");
        // The premises: enough article text before the head for it to open
        // the comment section, and comments that alone weigh more.
        let article = sum(&lines, &ev, index(&lines, L1)..head);
        assert!(article >= COMMENT_ZONE_MIN_TEXT, "{article}");
        assert!(sum(&lines, &ev, head + 1..lines.len()) > article);
        assert_eq!(comment_zone_start(&lines, &ev), head);
        assert!(
            r.contains(&index(&lines, L1)) && r.contains(&index(&lines, L2)),
            "{r:?}"
        );
        assert!(r.end <= head, "{r:?} crosses the head at {head}");
    }

    /// A head that repeats the post's title (`12 Kommentare zu „…“`) is as
    /// much a head as a bare one, though it is as long as a sentence.
    #[test]
    fn a_comment_head_with_the_posts_title_ends_the_article() {
        let head = "12 Kommentare zu \u{201e}Der Stadtrat und die neue Br\u{fc}cke\u{201c}";
        let input = format!("Startseite\n\n{L1}\n\n{L2}\n\n{head}\n\n{C1}\n\n{C2}\n\n{C3}\n");
        let (lines, ev, r) = region_of(&input);
        let at = index(&lines, head);
        assert!(is_comment_head(&lines[at], &ev[at]));
        assert_eq!(comment_zone_start(&lines, &ev), at);
        assert!(r.contains(&index(&lines, L1)), "{r:?}");
        assert!(r.end <= at, "{r:?} crosses the head at {at}");
    }

    #[test]
    fn the_region_never_contains_a_comment_head() {
        // Whichever side wins, the head itself stays out and no join crosses it.
        for input in [
            format!("Startseite\n\n{L1}\n\n{L2}\n\nKommentare\n\n{C1}\n\n{C2}\n\n{C3}\n"),
            format!("Startseite\n\n{P1}\n\n{P2}\n\nKommentare\n\n{C1}\n\n{C2}\n\n{C3}\n"),
            format!("{C1}\n\nReacties\n\n{C2}\n"),
        ] {
            let (lines, ev, r) = region_of(&input);
            for i in r.clone() {
                assert!(
                    !is_comment_head(&lines[i], &ev[i]),
                    "{r:?} holds head {i} in {input:?}"
                );
            }
            assert!(!r.is_empty());
        }
    }

    #[test]
    fn five_news_paragraphs_beat_heavier_comments() {
        let input = format!(
            "Startseite\n\n{P1}\n\n{P2}\n\n{P3}\n\n{P4}\n\n{P5}\n\nKommentare\n\n{C1}\n\n{C2}\n\n{C3}\n"
        );
        let (lines, _, r) = region_of(&input);
        let head = index(&lines, "Kommentare");
        assert!(r.contains(&index(&lines, P1)), "{r:?}");
        assert!(r.end <= head, "{r:?} is after the head at {head}");
    }

    #[test]
    fn the_comment_zone_opens_only_after_real_text() {
        let input = format!(
            "Commentaires\nAccueil\n\n{L1}\n\n{L2}\n\nLaisser un commentaire\n\nTrès bon article, merci pour ces informations.\n"
        );
        let lines = split_lines(&input);
        let ev = gather(&lines);
        // A comment link before any text is a head, but does not open the comment section.
        let top = index(&lines, "Commentaires");
        let bottom = index(&lines, "Laisser un commentaire");
        assert!(is_comment_head(&lines[top], &ev[top]));
        assert!(is_comment_head(&lines[bottom], &ev[bottom]));
        assert_eq!(comment_zone_start(&lines, &ev), bottom);
        // Without a head there is no comment section.
        let plain = format!("{L1}\n\n{L2}\n\n{P3}\n");
        let lines = split_lines(&plain);
        let ev = gather(&lines);
        assert_eq!(comment_zone_start(&lines, &ev), lines.len());
    }

    #[test]
    fn only_short_unpunctuated_comment_cues_are_barriers() {
        let is_head = |text: &str| {
            let lines = split_lines(text);
            let ev = gather(&lines);
            is_comment_head(&lines[0], &ev[0])
        };
        for head in [
            "Comments",
            "Kommentare (12)",
            "Reacties",
            "Leave a reply",
            "Commenti dei lettori",
            "3 comentarios",
        ] {
            assert!(is_head(head), "{head:?}");
        }
        for text in [
            "The mayor declined to comment on the plan when asked about it after the meeting.",
            "Comments on this article are closed after thirty days by the editors",
            "Leave a comment.",
            "Weather",
            // An opinion piece's rubric before its title, and its byline.
            "Kommentar zum Haushalt: Ein teurer Frieden",
            "Kommentar: Ein teurer Frieden",
            "Ein Kommentar von Peter Schmidt",
        ] {
            assert!(!is_head(text), "{text:?}");
        }
    }

    /// An opinion piece's teaser in an inline box (its rubric `Kommentar`
    /// and its byline) does not end the article for the region: the
    /// paragraphs after it are still the article's, not comments.
    #[test]
    fn an_opinion_teaser_inside_the_article_opens_no_comment_section() {
        let input = format!(
            "Startseite\n\n{L1}\n\n{L2}\n\nMehr zum Thema\n\nKommentar zum Haushalt: Ein teurer Frieden\n\nEin Kommentar von Peter Schmidt\n\n{P3}\n\n{P4}\n"
        );
        let (lines, ev, _) = region_of(&input);
        assert_eq!(comment_zone_start(&lines, &ev), lines.len());
        assert_eq!(
            comments_from(&lines, &ev, &(0..index(&lines, L2) + 1)),
            lines.len()
        );
    }

    /// The joins as first written: both sides sought again after each.
    fn naive_join(weights: &[Option<f32>], best_sum: f32, mut r: Range<usize>) -> Range<usize> {
        for _ in 0..MAX_JOINS {
            let before = best_segment(weights, 0..r.start);
            let after = best_segment(weights, r.end..weights.len());
            let clear = |span: Range<usize>| weights[span].iter().all(Option::is_some);
            if before.0 >= JOIN_RATIO * best_sum && clear(before.1.start..r.start) {
                r.start = before.1.start;
            } else if after.0 >= JOIN_RATIO * best_sum && clear(r.end..after.1.end) {
                r.end = after.1.end;
            } else {
                break;
            }
        }
        r
    }

    /// [`first_head_after_text`] as a plain walk that weighs every line.
    fn naive_first_head(heads: &[(bool, f32)]) -> Option<usize> {
        let mut text_seen = 0.0f32;
        for (i, &(head, w)) in heads.iter().enumerate() {
            if head && text_seen >= COMMENT_ZONE_MIN_TEXT {
                return Some(i);
            }
            text_seen += w.max(0.0);
        }
        None
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]
        /// Heads among lines of any weight: the head found by summing only
        /// up to the heads is the one the plain walk finds.
        #[test]
        fn first_head_equals_the_plain_walk(
            lines in proptest::collection::vec((proptest::bool::weighted(0.1), -4.0f32..3.0), 0..80),
        ) {
            proptest::prop_assert_eq!(
                first_head_after_text(
                    |from| (from..lines.len()).find(|&i| lines[i].0),
                    |i| lines[i].1
                ),
                naive_first_head(&lines)
            );
        }
    }

    /// [`best_segment`] as first written, one loop over the span.
    fn plain_best_segment(weights: &[Option<f32>], span: Range<usize>) -> (f32, Range<usize>) {
        let mut best = (0.0f32, span.start..span.start);
        let mut sum = 0.0f32;
        let mut start = span.start;
        for i in span {
            let Some(w) = weights[i] else {
                sum = 0.0;
                start = i + 1;
                continue;
            };
            if sum <= 0.0 {
                if w <= 0.0 {
                    start = i + 1;
                    continue;
                }
                sum = 0.0;
                start = i;
            }
            sum += w;
            if sum > best.0 {
                best = (sum, start..i + 1);
            }
        }
        best
    }

    /// [`main_region`] as first written: every line weighed first, then
    /// the best segment sought over the weights, then the joins.
    fn main_region_by_passes(
        lines: &[Line<'_>],
        evidence: &[Evidence],
        scores: &[f32],
    ) -> Range<usize> {
        let mut weigh = Weigher::default();
        let weights: Vec<Option<f32>> = (0..lines.len())
            .map(|i| {
                let holds = || head_holds(lines, evidence, i);
                weigh.next(&lines[i], &evidence[i], scores[i], holds)
            })
            .collect();
        let (best_sum, r) = plain_best_segment(&weights, 0..lines.len());
        let before = plain_best_segment(&weights, 0..r.start);
        join_segments(&weights, best_sum, r, before)
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]
        /// Pages of paragraphs, menus, comment heads (and comment cues that
        /// are no head) under any scores: the region found while weighing
        /// the lines is the one found over the weights afterwards, and the
        /// next head from any line is the first line from there that is one.
        #[test]
        fn one_pass_region_and_heads_equal_the_plain_passes(
            picks in proptest::collection::vec((0usize..14, -6.0f32..6.0), 0..60),
        ) {
            let texts = [
                "", "", "Startseite", "Kommentare", "Comments", "Leave a comment.",
                "3 comentarios", "Weather", P1, P2, C1, L1, "Comment", "12:30",
            ];
            let input = picks.iter().map(|&(k, _)| texts[k]).collect::<Vec<_>>().join("\n");
            let lines = split_lines(&input);
            let ev = gather(&lines);
            let scores: Vec<f32> = (0..lines.len())
                .map(|i| picks.get(i).map_or(1.0, |p| p.1))
                .collect();
            for s in [&scores[..], &ev.iter().map(|e| e.logit).collect::<Vec<_>>()[..]] {
                proptest::prop_assert_eq!(
                    main_region(&lines, &ev, s),
                    main_region_by_passes(&lines, &ev, s)
                );
            }
            for from in 0..=lines.len() + 1 {
                proptest::prop_assert_eq!(
                    next_barrier(&lines, &ev, from),
                    (from..lines.len()).find(|&i| is_barrier(&lines, &ev, i))
                );
            }
        }

        /// Spans of weights with barriers: the best segment is the one the
        /// plain loop finds.
        #[test]
        fn best_segment_equals_the_plain_loop(
            weights in proptest::collection::vec(proptest::option::weighted(0.8, -4.0f32..9.0), 0..120),
            cut in 0usize..120,
        ) {
            let cut = cut.min(weights.len());
            for span in [0..weights.len(), 0..cut, cut..weights.len()] {
                proptest::prop_assert_eq!(
                    best_segment(&weights, span.clone()),
                    plain_best_segment(&weights, span.clone())
                );
                // What the search knows of the span before its best.
                let mut k = Kadane::new(span.start);
                for i in span.clone() {
                    k.step(i, weights[i]);
                }
                proptest::prop_assert_eq!(
                    k.before,
                    plain_best_segment(&weights, span.start..k.best.1.start)
                );
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]
        /// Pages of strong and weak stretches, with barriers: the region
        /// grows as when both sides were sought again after every join.
        #[test]
        fn joins_equal_seeking_both_sides_again(
            weights in proptest::collection::vec(proptest::option::weighted(0.8, -4.0f32..9.0), 0..120),
        ) {
            let (best_sum, r) = best_segment(&weights, 0..weights.len());
            let before = best_segment(&weights, 0..r.start);
            proptest::prop_assert_eq!(
                join_segments(&weights, best_sum, r.clone(), before),
                naive_join(&weights, best_sum, r)
            );
        }
    }
}
