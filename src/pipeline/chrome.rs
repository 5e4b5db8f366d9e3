//! Step 6 of the pass, naming the chrome: every line that is not body,
//! title or metadata gets a [`ChromeKind`], from its own cues first and from
//! its neighbours second.

use super::page::Page;
use super::verdicts::Verdicts;
use crate::article::{ChromeKind, Label};
use crate::features::Evidence;
use crate::lexicon::Cue;
use crate::lines::Line;

/// The kind a line shows by itself, if any.
fn own_kind(line: &Line<'_>, ev: &Evidence) -> Option<ChromeKind> {
    if let Some(cue) = ev.own.cue {
        return Some(match cue {
            Cue::Related => ChromeKind::Related,
            Cue::Comments => ChromeKind::Comments,
            Cue::Promo => ChromeKind::Promo,
            Cue::Footer => ChromeKind::Footer,
            Cue::Navigation => ChromeKind::Navigation,
            Cue::Fixtures => ChromeKind::Fixtures,
        });
    }
    if ev.own.fixture {
        return Some(ChromeKind::Fixtures);
    }
    if ev.own.time || ev.own.count || ev.near_copy || line.shape.ellipsis {
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
///    a list: of the kind its head names, when a short cue line heads it,
///    else a menu (navigation).
/// 3. Any other line takes a neighbour's kind within its stretch of chrome:
///    a short line (a heading) that of the nearest named line below it, a
///    longer line (content) that of the nearest named line above it, each
///    falling back to the other side; chrome before the article with no kind
///    at all is navigation. Below a comments cue, short lines take the kind
///    from above too, and a time or a count (a comment's date, its votes)
///    stays in the comments: a comment section runs to a cue of another
///    kind or a menu.
pub(crate) fn assign_kinds(page: &Page<'_>, v: &mut Verdicts<'_>) {
    let (lines, ev) = (&page.lines[..], &page.evidence[..]);
    let n = lines.len();
    // Naming chrome decides no line: which lines are decided is read from
    // `v` throughout.
    let mut kind: Vec<Option<ChromeKind>> = lines
        .iter()
        .zip(ev)
        .zip(v.all())
        .map(|((l, e), verdict)| (!verdict.decided).then(|| own_kind(l, e)).flatten())
        .collect();
    debug_assert_eq!(kind.len(), n);
    name_menus(page, v, &mut kind);
    let mut below = Below::new();
    // Named from the nearest named line above and below each line, within
    // its stretch of chrome (blank lines do not end a stretch; body, title
    // and meta lines do).
    let first_content = v
        .all()
        .iter()
        .position(|verdict| matches!(verdict.label, Label::Body | Label::Title));
    let mut prev: Option<ChromeKind> = None;
    // The lines beside their own kinds (no index to check).
    let kind = &kind[..];
    for (i, (line, &own)) in lines.iter().zip(kind).enumerate() {
        if v.is_decided(i) {
            if !line.is_blank() {
                prev = None;
            }
            continue;
        }
        // A short line heads what follows it; a longer one is content of
        // the section above it. In a comment section a short line is the
        // section's too (a name, a short comment), and a time or a count
        // (a comment's date, its votes) does not end the section; a cue of
        // another kind or a menu does.
        let in_comments = prev == Some(ChromeKind::Comments);
        let weak = own == Some(ChromeKind::Related) && ev[i].own.cue.is_none();
        let own = own.filter(|_| !(in_comments && weak));
        let mut sought = || below.at(i, lines, v, kind);
        let k = if line.shape.words <= HEADING_MAX_WORDS && !in_comments {
            own.or_else(&mut sought).or(prev)
        } else {
            own.or(prev).or_else(sought)
        };
        if own.is_some() {
            prev = own;
        }
        let before_article = first_content.is_none_or(|f| i < f);
        v.name_chrome(
            i,
            k.unwrap_or(if before_article {
                ChromeKind::Navigation
            } else {
                ChromeKind::Other
            }),
        );
    }
}

/// Menus: runs of three or more adjacent short unpunctuated open lines take
/// the kind a short cue line heading them names, else navigation.
fn name_menus(page: &Page<'_>, v: &Verdicts<'_>, kind: &mut [Option<ChromeKind>]) {
    let n = page.lines.len();
    // All of one length, so that no index below `n` is checked.
    let (lines, ev, verdicts) = (&page.lines[..], &page.evidence[..n], &v.all()[..n]);
    let kind = &mut kind[..n];
    let menu_line = |kind: &[Option<ChromeKind>], i: usize| {
        !verdicts[i].decided && {
            let s = &lines[i].shape;
            // A menu item may repeat nearby (a section name shown again as a
            // kicker); that alone does not take it out of the menu.
            let repeated_only = ev[i].near_copy && !ev[i].own.marked() && !s.ellipsis;
            s.words <= 10
                && !s.terminal
                && (repeated_only || kind[i].is_none_or(|k| k == ChromeKind::Navigation))
        }
    };
    let mut i = 0;
    while i < n {
        if !menu_line(kind, i) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < n && menu_line(kind, j) {
            j += 1;
        }
        if j - i >= 3 {
            // A list headed by a short cue line ("Read also", "Most read")
            // is what its head announces; any other is a menu.
            let head = (0..i).rev().find(|&h| !lines[h].is_blank());
            let headed = head
                .filter(|&h| {
                    !v.is_decided(h) && ev[h].own.cue.is_some() && lines[h].shape.words <= 4
                })
                .and_then(|h| kind[h]);
            let k = headed.unwrap_or(ChromeKind::Navigation);
            for slot in &mut kind[i..j] {
                *slot = Some(k);
            }
        }
        i = j;
    }
}

/// The kind of the nearest named line below a line within its stretch of
/// chrome, sought forwards only for the lines that need it, and only once
/// for the lines before the one it was found at (or that ends the
/// stretch): no line between those two is named or ends a stretch (blank
/// lines do not), so each has the same nearest named line below it. Asked about lines in order,
/// it reads each line at most once more (tested against the backward pass
/// it replaces, kept in the tests).
struct Below {
    /// The line the last search stopped at: a named line, a decided one
    /// that ends the stretch, or the number of lines.
    at: usize,
    /// The kind found there.
    kind: Option<ChromeKind>,
}

impl Below {
    fn new() -> Below {
        Below { at: 0, kind: None }
    }

    /// The kind of the nearest named line below the undecided line `i`
    /// within its stretch, for `i` no lower than any asked about before.
    fn at(
        &mut self,
        i: usize,
        lines: &[Line<'_>],
        v: &Verdicts<'_>,
        kind: &[Option<ChromeKind>],
    ) -> Option<ChromeKind> {
        if i >= self.at {
            let stop = (i + 1..lines.len())
                .find(|&j| kind[j].is_some() || (v.is_decided(j) && !lines[j].is_blank()));
            self.at = stop.unwrap_or(lines.len());
            self.kind = stop.and_then(|j| kind[j]);
        }
        self.kind
    }
}

/// For each line, the kind of the nearest named line below it within its
/// stretch of chrome, in one backward pass: the oracle [`Below`] is tested
/// against.
#[cfg(test)]
fn named_below(
    lines: &[Line<'_>],
    v: &Verdicts<'_>,
    kind: &[Option<ChromeKind>],
) -> Vec<Option<ChromeKind>> {
    let mut below = vec![None; lines.len()];
    let mut next: Option<ChromeKind> = None;
    for j in (0..lines.len()).rev() {
        if v.is_decided(j) && !lines[j].is_blank() {
            next = None;
            continue;
        }
        below[j] = next;
        if kind[j].is_some() {
            next = kind[j];
        }
    }
    below
}

#[cfg(test)]
mod tests {
    use super::super::verdicts::Why;
    use super::*;

    const MIXED: [&str; 10] = [
        "",
        "Home",
        "Lees ook",
        "12:00",
        "Nieuwsbrief",
        "Een langere regel zonder eigen soort die ergens bij hoort en verder loopt.",
        "Politik",
        "© 2024 Stadsblad",
        "Rovers 2-1 United",
        "De burgemeester opent morgen het nieuwe zwembad ...",
    ];

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]
        /// The nearest named line below, sought forwards for some of the
        /// undecided lines in order, is the one the backward pass gives,
        /// on pages of named and unnamed, blank and decided lines.
        #[test]
        fn below_sought_forwards_is_the_backward_pass(
            rows in proptest::collection::vec((0..MIXED.len(), proptest::bool::weighted(0.2), proptest::bool::ANY), 0..40),
        ) {
            let input: Vec<&str> = rows.iter().map(|&(t, _, _)| MIXED[t]).collect();
            let input = input.join("\n");
            let page = Page::of(&input, None);
            let lines = &page.lines[..];
            let mut v = Verdicts::new(lines);
            for (i, &(_, decided, _)) in rows.iter().enumerate().take(lines.len()) {
                if decided && !lines[i].is_blank() {
                    v.keep(i, crate::BlockKind::Paragraph, Why::Context);
                }
            }
            let mut kind: Vec<Option<ChromeKind>> = (0..lines.len())
                .map(|i| (!v.is_decided(i)).then(|| own_kind(&lines[i], &page.evidence[i])).flatten())
                .collect();
            name_menus(&page, &v, &mut kind);
            let want = named_below(lines, &v, &kind);
            let mut below = Below::new();
            for (i, &(_, _, asked)) in rows.iter().enumerate().take(lines.len()) {
                if asked && !v.is_decided(i) {
                    proptest::prop_assert_eq!(below.at(i, lines, &v, &kind), want[i], "line {}", i);
                }
            }
        }
    }

    /// Runs `assign_kinds` on `input` as the pass does: blank lines and the
    /// lines listed in `decided` (by text, with their label) are decided,
    /// every other line is open chrome. Returns each line's text with its
    /// final label.
    fn assign<'a>(input: &'a str, decided: &[(&str, Label)]) -> Vec<(&'a str, Label)> {
        let page = Page::of(input, None);
        for (text, _) in decided {
            assert!(
                page.lines.iter().any(|l| l.text == *text),
                "no line {text:?}"
            );
        }
        let mut v = Verdicts::new(&page.lines);
        for (i, l) in page.lines.iter().enumerate() {
            match decided.iter().find(|(t, _)| *t == l.text).map(|d| d.1) {
                Some(Label::Body) => v.keep(i, crate::BlockKind::Paragraph, Why::Context),
                Some(label) => v.set(i, label, Why::Meta),
                None => {}
            }
        }
        assign_kinds(&page, &mut v);
        page.lines.iter().map(|l| l.text).zip(v.labels()).collect()
    }

    fn label_of(out: &[(&str, Label)], text: &str) -> Label {
        out.iter()
            .find(|(t, _)| *t == text)
            .unwrap_or_else(|| panic!("no line {text:?} in {out:?}"))
            .1
    }

    fn chrome(kind: ChromeKind) -> Label {
        Label::Chrome(kind)
    }

    const PARA_NL: &str = "De gemeenteraad heeft gisteren ingestemd met de aanleg van een nieuw park langs de oude spoorlijn, na een lange discussie over de kosten.";
    const PARA_DE: &str = "Der Gemeinderat hat am Dienstag beschlossen, die alte Turnhalle neben der Grundschule abzureißen und an ihrer Stelle eine neue Halle zu bauen.";
    const PARA_IT: &str = "I lavori di rifacimento della piazza del mercato inizieranno a settembre e dureranno circa otto mesi, ha annunciato ieri l'assessore.";

    #[test]
    fn own_cues_name_the_kind() {
        let input = format!(
            "Menu\n\n{PARA_NL}\n\nLees ook\n12:00\n3 uur geleden\nKlassement\nNieuwsbrief\nRovers 2-1 United\nReacties\n© 2024 Stadsblad\nDe burgemeester opent morgen het nieuwe zwembad ...\n"
        );
        let out = assign(&input, &[(PARA_NL, Label::Body)]);
        assert_eq!(
            label_of(&out, PARA_NL),
            Label::Body,
            "decided lines are kept"
        );
        for (text, kind) in [
            ("Menu", ChromeKind::Navigation),
            ("Lees ook", ChromeKind::Related),
            ("12:00", ChromeKind::Related),
            ("3 uur geleden", ChromeKind::Related),
            ("Rovers 2-1 United", ChromeKind::Fixtures),
            ("Klassement", ChromeKind::Fixtures),
            ("Nieuwsbrief", ChromeKind::Promo),
            ("Reacties", ChromeKind::Comments),
            ("© 2024 Stadsblad", ChromeKind::Footer),
            (
                "De burgemeester opent morgen het nieuwe zwembad ...",
                ChromeKind::Related,
            ),
        ] {
            assert_eq!(label_of(&out, text), chrome(kind), "{text:?}");
        }
    }

    #[test]
    fn three_adjacent_short_lines_are_a_menu() {
        // After the article, where unnamed chrome is not navigation by default.
        let three = format!("{PARA_DE}\n\nPolitik\nWirtschaft\nKultur\n");
        let out = assign(&three, &[(PARA_DE, Label::Body)]);
        for text in ["Politik", "Wirtschaft", "Kultur"] {
            assert_eq!(
                label_of(&out, text),
                chrome(ChromeKind::Navigation),
                "{text:?}"
            );
        }
        // Two lines are no menu, and neither are three separated by blank lines.
        for input in [
            format!("{PARA_DE}\n\nPolitik\nWirtschaft\n"),
            format!("{PARA_DE}\n\nPolitik\n\nWirtschaft\n\nKultur\n"),
        ] {
            let out = assign(&input, &[(PARA_DE, Label::Body)]);
            for (text, label) in &out[1..] {
                assert_ne!(
                    *label,
                    chrome(ChromeKind::Navigation),
                    "{text:?} in {input:?}"
                );
            }
        }
        // A line ending a sentence breaks the run.
        let broken = format!("{PARA_DE}\n\nPolitik\nWir sind umgezogen.\nKultur\n");
        let out = assign(&broken, &[(PARA_DE, Label::Body)]);
        assert_ne!(label_of(&out, "Politik"), chrome(ChromeKind::Navigation));
    }

    #[test]
    fn short_lines_head_what_follows_longer_lines_continue_what_precedes() {
        let long =
            "Elke ochtend het belangrijkste nieuws uit de regio in je mailbox, helemaal gratis.";
        let input = format!(
            "{PARA_NL}\n\nNieuwsbrief\n{long}\nUit de regio\n\n12:00\nNieuwe fietsenstalling aan het station ...\n"
        );
        let out = assign(&input, &[(PARA_NL, Label::Body)]);
        // The long line belongs to the newsletter prompt above it ...
        assert_eq!(label_of(&out, long), chrome(ChromeKind::Promo));
        // ... the short one heads the list of teasers below it, across a blank line.
        assert_eq!(label_of(&out, "Uit de regio"), chrome(ChromeKind::Related));

        // With nothing named on its preferred side, each falls back to the other.
        let input = format!("{PARA_NL}\n\n{long}\nNieuwsbrief\nUit de regio\n");
        let out = assign(&input, &[(PARA_NL, Label::Body)]);
        assert_eq!(label_of(&out, long), chrome(ChromeKind::Promo));
        assert_eq!(label_of(&out, "Uit de regio"), chrome(ChromeKind::Promo));
    }

    #[test]
    fn decided_lines_end_a_stretch_of_chrome() {
        let long = "Gemaakt door een kleine redactie in het hart van de stad, elke dag opnieuw.";
        let input = format!("Nieuwsbrief\n\n{PARA_NL}\n\n{long}\n");
        let out = assign(&input, &[(PARA_NL, Label::Body)]);
        // The newsletter prompt is on the other side of the body: no kind to take.
        assert_eq!(label_of(&out, long), chrome(ChromeKind::Other));
        // Nor does a heading before the body take the kind of a line after it.
        let input = format!("Welkom terug\n\n{PARA_NL}\n\nNieuwsbrief\n");
        let out = assign(&input, &[(PARA_NL, Label::Body)]);
        assert_eq!(
            label_of(&out, "Welkom terug"),
            chrome(ChromeKind::Navigation)
        );

        let input = format!(
            "Lees ook\nParkeren wordt duurder in de binnenstad\nKort nieuws\n\n{PARA_NL}\n"
        );
        let out = assign(
            &input,
            &[
                ("Parkeren wordt duurder in de binnenstad", Label::Title),
                (PARA_NL, Label::Body),
            ],
        );
        assert_eq!(
            label_of(&out, "Parkeren wordt duurder in de binnenstad"),
            Label::Title
        );
        assert_ne!(label_of(&out, "Kort nieuws"), chrome(ChromeKind::Related));
    }

    #[test]
    fn unnamed_chrome_is_navigation_before_the_article_and_other_after_it() {
        let input = format!(
            "Benvenuti sul sito del giornale\n\n{PARA_IT}\n\nRealizzato con cura a Bologna\n"
        );
        let out = assign(&input, &[(PARA_IT, Label::Body)]);
        assert_eq!(
            label_of(&out, "Benvenuti sul sito del giornale"),
            chrome(ChromeKind::Navigation)
        );
        assert_eq!(
            label_of(&out, "Realizzato con cura a Bologna"),
            chrome(ChromeKind::Other)
        );
    }

    #[test]
    fn teaser_headlines_under_a_read_also_head_are_related() {
        let input = format!(
            "{PARA_IT}\n\nLeggi anche\nChiude per ferie la piscina comunale\nNuovi orari per la biblioteca civica\nIl mercato torna in piazza\n"
        );
        let out = assign(&input, &[(PARA_IT, Label::Body)]);
        for text in [
            "Chiude per ferie la piscina comunale",
            "Nuovi orari per la biblioteca civica",
            "Il mercato torna in piazza",
        ] {
            assert_eq!(
                label_of(&out, text),
                chrome(ChromeKind::Related),
                "{text:?}"
            );
        }
    }

    #[test]
    fn menu_between_capture_header_and_headline_is_navigation() {
        let input = "date 2025-06-14 Prefeitura inaugura nova creche\nInício\nNotícias\n\nPrefeitura inaugura nova creche\n\nA prefeitura inaugurou neste sábado uma nova creche no bairro da Estação, com capacidade para cento e vinte crianças.\n";
        let out = assign(
            input,
            &[
                ("date 2025-06-14 Prefeitura inaugura nova creche", Label::Meta),
                ("Prefeitura inaugura nova creche", Label::Title),
                (
                    "A prefeitura inaugurou neste sábado uma nova creche no bairro da Estação, com capacidade para cento e vinte crianças.",
                    Label::Body,
                ),
            ],
        );
        assert_eq!(label_of(&out, "Início"), chrome(ChromeKind::Navigation));
        assert_eq!(label_of(&out, "Notícias"), chrome(ChromeKind::Navigation));
    }
}
