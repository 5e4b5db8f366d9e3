//! Step 4 of the pass, context: what a line's neighbourhood and the main
//! region say about it, for the second linear model.

use crate::features::Evidence;
use crate::lines::Line;
use std::ops::Range;

pub(crate) use crate::model::N_CONTEXT;

/// Non-blank neighbours looked at on each side for the window mean.
const WINDOW: usize = 4;

/// The context features of every line (all zeros for blank lines).
///
/// `scores` are the lines' current log-odds (the local model's in the first
/// round, the context model's in the second).
pub(crate) fn context_features(
    lines: &[Line<'_>],
    ev: &[Evidence],
    scores: &[f32],
    region: &Range<usize>,
) -> Vec<[f32; N_CONTEXT]> {
    let mut out = vec![[0.0; N_CONTEXT]; lines.len()];
    let words = WordKeys::of(lines, |_| None);
    for_each_context(lines, ev, scores, region, &words, |i, f| out[i] = *f);
    out
}

/// The context model's log-odds for every line of `page` (0 for blank
/// lines), less [`crate::tuning::RECURRING_WEIGHT`] times the share of the
/// site's other pages that hold the line: a line recurring on the site
/// (from a site profile) is chrome unless its context speaks clearly for it.
pub(crate) fn scores(page: &super::Page<'_>, local: &[f32], region: &Range<usize>) -> Vec<f32> {
    let mut p = context_logits(&page.lines, &page.evidence, local, region, &page.words);
    for (p, e) in p.iter_mut().zip(&page.evidence) {
        *p -= crate::tuning::RECURRING_WEIGHT * e.recurring;
    }
    p
}

/// The context model's log-odds for every line (0 for blank lines), without
/// keeping the feature vectors.
pub(crate) fn context_logits(
    lines: &[Line<'_>],
    ev: &[Evidence],
    scores: &[f32],
    region: &Range<usize>,
    words: &WordKeys,
) -> Vec<f32> {
    let mut out = vec![0.0; lines.len()];
    for_each_context(lines, ev, scores, region, words, |i, f| {
        out[i] = crate::model::dot(&crate::model::CONTEXT, f);
    });
    out
}

/// Call `f` with the index and the context features of every non-blank line.
fn for_each_context(
    lines: &[Line<'_>],
    ev: &[Evidence],
    scores: &[f32],
    region: &Range<usize>,
    words: &WordKeys,
    mut f: impl FnMut(usize, &[f32; N_CONTEXT]),
) {
    let n = lines.len();
    // Indices of the non-blank lines, and each line's position among them.
    let nb: Vec<usize> = (0..n).filter(|&i| !lines[i].is_blank()).collect();
    let logit = |i: usize| scores[i].clamp(-8.0, 8.0);
    let lw = |i: usize| (1.0 + lines[i].shape.words as f32).ln();
    let region_nb: Vec<usize> = nb.iter().copied().filter(|i| region.contains(i)).collect();
    let region_lw = if region_nb.is_empty() {
        0.0
    } else {
        region_nb.iter().map(|&i| lw(i)).sum::<f32>() / region_nb.len() as f32
    };
    // Position of the region's first and last non-blank lines in `nb`.
    let r_first = nb.iter().position(|i| region.contains(i));
    let r_last = nb.iter().rposition(|i| region.contains(i));

    let comments = super::region::comment_zone_start(lines, ev);
    let cohesion = cohesion(lines, ev, region, words);
    let runs = crate::lines::wrapped_runs(lines);
    let periodic = periodicity(lines, ev, &nb);
    let region_share = region_nb.len() as f32 / nb.len().max(1) as f32;
    for (k, &i) in nb.iter().enumerate() {
        let at = |off: isize| {
            let j = k as isize + off;
            (j >= 0 && (j as usize) < nb.len()).then(|| nb[j as usize])
        };
        let l_at = |off: isize| at(off).map_or(-4.0, logit);
        let lo = k.saturating_sub(WINDOW);
        let hi = (k + WINDOW + 1).min(nb.len());
        let mean = nb[lo..hi].iter().map(|&j| logit(j)).sum::<f32>() / (hi - lo) as f32;
        let in_region = region.contains(&i);
        let dist = match (r_first, r_last) {
            (Some(a), _) if k < a => (a - k) as f32,
            (_, Some(z)) if k > z => (k - z) as f32,
            (Some(_), Some(_)) => 0.0,
            _ => 20.0,
        };
        let e = &ev[i];
        let first = lines[i].text.chars().next().unwrap_or(' ');
        let same_first = |off: isize| at(off).is_some_and(|j| lines[j].text.starts_with(first));
        let list = !first.is_alphanumeric() && (same_first(-1) || same_first(1));
        let heading = crate::tuning::heading_shaped(&lines[i], e);
        let b = |x: bool| if x { 1.0 } else { 0.0 };
        let l = logit(i);
        f(
            i,
            &[
                1.0,
                l,
                l_at(-1),
                l_at(1),
                l_at(-2),
                l_at(2),
                mean,
                b(in_region),
                dist.min(20.0) / 20.0,
                b(i > 0 && lines[i - 1].is_blank()),
                b(i + 1 < n && lines[i + 1].is_blank()),
                b(list),
                b(heading),
                b(heading && l_at(1) > 1.0),
                i as f32 / n as f32,
                if region_nb.is_empty() {
                    0.0
                } else {
                    lw(i) - region_lw
                },
                l.max(0.0),
                l.min(0.0),
                b(in_region) * l,
                b(i > comments),
                region_share,
                density(&nb, k, |j| crate::features::is_stamp(&ev[j])),
                density(&nb, k, |j| ev[j].own.cue.is_some()),
                cohesion[i],
                cohesion[i] * b(in_region),
                b(runs[i].len() > 1),
                (1.0 + ev[i].run_words as f32).ln() * b(runs[i].len() > 1),
                b(runs[i].len() > 1 && ev[i].run_terminal),
                periodic[k],
            ],
        );
    }
}

/// Non-blank neighbours on each side looked at for densities.
const DENSITY_WINDOW: usize = 6;

/// The share of the non-blank neighbours of `nb[k]` (not itself) that satisfy `f`.
fn density(nb: &[usize], k: usize, f: impl Fn(usize) -> bool) -> f32 {
    let lo = k.saturating_sub(DENSITY_WINDOW);
    let hi = (k + DENSITY_WINDOW + 1).min(nb.len());
    let hits = (lo..hi).filter(|&j| j != k && f(nb[j])).count();
    hits as f32 / (2 * DENSITY_WINDOW) as f32
}

/// Content words shorter than this (in bytes) are ignored for cohesion.
const MIN_CONTENT_WORD: usize = 4;

/// Every line's distinct content-word keys (sorted), in one buffer: what
/// [`cohesion`] compares. They depend on the line's text alone, so a later
/// pass over the same lines can take them from an earlier one.
#[derive(Debug, Default)]
pub(crate) struct WordKeys {
    keys: Vec<u64>,
    ends: Vec<usize>,
}

impl WordKeys {
    /// The keys of `lines`; `known` gives those of line `i` when they were
    /// computed before.
    pub(crate) fn of<'k>(
        lines: &[Line<'_>],
        known: impl Fn(usize) -> Option<&'k [u64]>,
    ) -> WordKeys {
        let mut keys: Vec<u64> = Vec::new();
        let mut ends: Vec<usize> = Vec::with_capacity(lines.len());
        for (i, l) in lines.iter().enumerate() {
            if let Some(k) = known(i) {
                keys.extend_from_slice(k);
                ends.push(keys.len());
                continue;
            }
            let start = keys.len();
            crate::lines::for_each_word(l.text, |k, len| {
                if len >= MIN_CONTENT_WORD {
                    keys.push(k);
                }
            });
            keys[start..].sort_unstable();
            let mut w = start;
            for r in start..keys.len() {
                if w == start || keys[w - 1] != keys[r] {
                    keys[w] = keys[r];
                    w += 1;
                }
            }
            keys.truncate(w);
            ends.push(w);
        }
        WordKeys { keys, ends }
    }

    /// The keys of line `i`.
    pub(crate) fn get(&self, i: usize) -> &[u64] {
        &self.keys[if i == 0 { 0 } else { self.ends[i - 1] }..self.ends[i]]
    }
}

/// For every line, the share of its content words (four or more bytes,
/// lowercased) that also occur in *other* confident lines of the main region:
/// article paragraphs share their topic's words, teasers of other articles
/// and site chrome do not.
fn cohesion(
    lines: &[Line<'_>],
    ev: &[Evidence],
    region: &Range<usize>,
    keys: &WordKeys,
) -> Vec<f32> {
    let words = |i: usize| keys.get(i);
    let core = |i: usize| region.contains(&i) && ev[i].logit > 0.0;
    let mut counts: crate::lines::KeyMap<u32> = crate::lines::KeyMap::default();
    for i in (0..lines.len()).filter(|&i| core(i)) {
        for &w in words(i) {
            *counts.entry(w).or_insert(0) += 1;
        }
    }
    (0..lines.len())
        .map(|i| {
            let ws = words(i);
            if ws.is_empty() {
                return 0.0;
            }
            let own = u32::from(core(i));
            let shared = ws
                .iter()
                .filter(|w| counts.get(w).is_some_and(|&c| c > own))
                .count();
            shared as f32 / ws.len() as f32
        })
        .collect()
}

/// Non-blank lines on each side looked at for periodicity.
const PERIOD_WINDOW: usize = 8;

/// How strongly the neighbourhood of each non-blank line repeats a pattern of
/// two to four different line shapes (headline, teaser, time; name, comment,
/// date): lists of items do, running text (one shape after another) does
/// not. For `nb[k]`, the best share of positions `j` in the window whose
/// shape equals that of `j + q` for a period `q` of 2 to 4, less the share
/// for period 1.
fn periodicity(lines: &[Line<'_>], ev: &[Evidence], nb: &[usize]) -> Vec<f32> {
    let class: Vec<u8> = nb
        .iter()
        .map(|&i| {
            let s = &lines[i].shape;
            if crate::features::is_stamp(&ev[i]) {
                0
            } else if s.words < 8 {
                1
            } else if !s.terminal {
                2
            } else {
                3
            }
        })
        .collect();
    let m = class.len();
    (0..m)
        .map(|k| {
            let lo = k.saturating_sub(PERIOD_WINDOW);
            let hi = (k + PERIOD_WINDOW + 1).min(m);
            let share = |q: usize| {
                if hi < lo + q + 1 {
                    return 0.0;
                }
                let pairs = hi - lo - q;
                let same = (lo..hi - q).filter(|&j| class[j] == class[j + q]).count();
                same as f32 / pairs as f32
            };
            let best = (2..=4).map(share).fold(0.0f32, f32::max);
            (best - share(1)).max(0.0)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::gather;
    use crate::lines::split_lines;

    // Indices into a line's context features.
    const BIAS: usize = 0;
    const PREV_LOGIT: usize = 2;
    const IN_REGION: usize = 7;
    const DISTANCE: usize = 8;
    const BLANK_BEFORE: usize = 9;
    const LIST: usize = 11;
    const HEADING: usize = 12;
    const HEADING_BEFORE_TEXT: usize = 13;
    const AFTER_COMMENTS: usize = 19;
    const COHESION: usize = 23;

    /// The lines, their evidence, the region and the context features, as
    /// `classify::analyze` computes them in balanced mode.
    struct Ctx<'a> {
        lines: Vec<Line<'a>>,
        ev: Vec<Evidence>,
        region: Range<usize>,
        f: Vec<[f32; N_CONTEXT]>,
    }

    fn ctx(input: &str) -> Ctx<'_> {
        let lines = split_lines(input);
        let ev = gather(&lines);
        let local: Vec<f32> = ev.iter().map(|e| e.logit).collect();
        let region = crate::pipeline::region::main_region(&lines, &ev, &local);
        let f = context_features(&lines, &ev, &local, &region);
        Ctx {
            lines,
            ev,
            region,
            f,
        }
    }

    impl Ctx<'_> {
        fn at(&self, text: &str) -> usize {
            self.lines
                .iter()
                .position(|l| l.text == text)
                .unwrap_or_else(|| panic!("no line {text:?}"))
        }

        fn get(&self, text: &str, feature: usize) -> f32 {
            self.f[self.at(text)][feature]
        }

        fn non_blank(&self) -> Vec<usize> {
            (0..self.lines.len())
                .filter(|&i| !self.lines[i].is_blank())
                .collect()
        }
    }

    const L1: &str = "Der Gemeinderat hat am Dienstag beschlossen, die alte Turnhalle neben der Grundschule abzureißen und an ihrer Stelle eine neue Halle zu bauen, die auch den Vereinen offenstehen soll. Die Entscheidung fiel nach einer langen Debatte mit vierzehn zu sieben Stimmen, nachdem ein Gutachten gezeigt hatte, dass eine Sanierung kaum billiger wäre.";
    const L2: &str = "Die Kosten von rund sechs Millionen Euro sollen zur Hälfte aus Mitteln des Landes kommen, den Rest muss die Gemeinde aus eigenen Rücklagen aufbringen. Der Kämmerer warnte in der Sitzung, dass dafür andere Vorhaben, etwa die Erneuerung der Straßenbeleuchtung, um mindestens ein Jahr verschoben werden müssten.";
    const COMMENT: &str = "Endlich wird die Halle ersetzt, unsere Kinder haben lange genug in einem Gebäude geturnt, in dem es durch das Dach geregnet hat.";

    #[test]
    fn region_position_and_comment_section_features() {
        let input = format!(
            "Startseite\nPolitik\nSport\n\n{L1}\n\nHintergrund\n\n{L2}\n\n• Baubeginn im Frühjahr\n• Fertigstellung in zwei Jahren\n\nKommentare\n\n{COMMENT}\n"
        );
        let c = ctx(&input);
        assert!(c.region.contains(&c.at(L1)) && c.region.contains(&c.at(L2)));
        for (i, f) in c.f.iter().enumerate() {
            if c.lines[i].is_blank() {
                assert!(f.iter().all(|&x| x == 0.0), "blank line {i}: {f:?}");
            } else {
                assert_eq!(f[BIAS], 1.0);
                assert_eq!(f[IN_REGION] == 1.0, c.region.contains(&i), "line {i}");
                assert_eq!(f[DISTANCE] == 0.0, c.region.contains(&i), "line {i}");
            }
        }
        // The first line has no neighbour above: it reads as strong chrome there.
        assert_eq!(c.get("Startseite", PREV_LOGIT), -4.0);
        // The further from the region, the larger the distance.
        assert!(c.get("Startseite", DISTANCE) > c.get("Sport", DISTANCE));
        assert!(c.get(COMMENT, DISTANCE) > c.get("Kommentare", DISTANCE));
        // Only lines after the comment-section head are in the comment section.
        assert_eq!(c.get(COMMENT, AFTER_COMMENTS), 1.0);
        for text in ["Kommentare", L2, "Hintergrund", "Startseite"] {
            assert_eq!(c.get(text, AFTER_COMMENTS), 0.0, "{text:?}");
        }
    }

    #[test]
    fn heading_and_list_shapes() {
        let input = format!(
            "Startseite\n\n– Ein einzelner Gedanke\n\n{L1}\n\nHintergrund\n\n{L2}\n\n• Baubeginn im Frühjahr\n• Fertigstellung in zwei Jahren\n\nKommentare\n"
        );
        let c = ctx(&input);
        // A short unpunctuated line before a paragraph is shaped like a heading.
        assert_eq!(c.get("Hintergrund", HEADING), 1.0);
        assert_eq!(c.get("Hintergrund", HEADING_BEFORE_TEXT), 1.0);
        assert_eq!(c.get("Hintergrund", BLANK_BEFORE), 1.0);
        // Before a weak line it introduces no text.
        assert_eq!(c.get("Startseite", HEADING), 1.0);
        assert_eq!(c.get("Startseite", HEADING_BEFORE_TEXT), 0.0);
        // A sentence or a cue line is not.
        assert_eq!(c.get(L1, HEADING), 0.0);
        assert_eq!(c.get("Kommentare", HEADING), 0.0);
        // Neighbouring lines with the same bullet form a list; a lone bullet does not.
        assert_eq!(c.get("• Baubeginn im Frühjahr", LIST), 1.0);
        assert_eq!(c.get("• Fertigstellung in zwei Jahren", LIST), 1.0);
        assert_eq!(c.get("– Ein einzelner Gedanke", LIST), 0.0);
        assert_eq!(c.get("Hintergrund", LIST), 0.0);
    }

    #[test]
    fn density_is_the_share_of_neighbours_within_six_lines() {
        // Non-blank lines at even indices; every second one is a hit.
        let nb: Vec<usize> = (0..30).map(|i| 2 * i).collect();
        let every_second = |j: usize| j % 4 == 0;
        assert_eq!(density(&nb, 15, every_second), 0.5);
        // The line itself never counts ...
        assert_eq!(density(&nb, 15, |j| j == nb[15]), 0.0);
        // ... its sixth neighbour on either side does, the seventh does not.
        assert_eq!(density(&nb, 15, |j| j == nb[21]), 1.0 / 12.0);
        assert_eq!(density(&nb, 15, |j| j == nb[9]), 1.0 / 12.0);
        assert_eq!(density(&nb, 15, |j| j == nb[22] || j == nb[8]), 0.0);
        // At the edge only one side exists: at most half the window is filled.
        assert_eq!(density(&nb, 0, |_| true), 0.5);
        assert_eq!(density(&nb, 29, |_| true), 0.5);
    }

    #[test]
    fn cohesion_rewards_words_shared_with_the_rest_of_the_region() {
        let p1 = "El puerto de la ciudad recibió este lunes el primer crucero de la temporada, con más de dos mil pasajeros que desembarcaron para visitar el casco antiguo.";
        let p2 = "Los comerciantes del casco antiguo esperan que los pasajeros de cada crucero gasten este año más dinero que durante la temporada anterior.";
        let p3 = "La autoridad del puerto calcula que llegarán ochenta cruceros esta temporada, una cifra récord para la ciudad.";
        let title = "El puerto recibe el primer crucero de la temporada";
        let teaser1 = "Nueva biblioteca municipal abrirá sus salas en otoño";
        let teaser2 = "Biblioteca municipal amplía horarios en exámenes";
        let input = format!(
            "Inicio\n\n{title}\n\n{p1}\n\n{p2}\n\n{p3}\n\nMás leídas\n{teaser1}\n{teaser2}\nAviso legal\n"
        );
        let c = ctx(&input);
        for p in [p1, p2, p3] {
            assert!(c.region.contains(&c.at(p)), "{p:?} outside {:?}", c.region);
            assert!(c.get(p, COHESION) > 0.25, "{p:?}: {}", c.get(p, COHESION));
        }
        // The headline outside the region shares the topic's words too.
        assert!(!c.region.contains(&c.at(title)));
        assert!(c.get(title, COHESION) > 0.5, "{}", c.get(title, COHESION));
        // Teasers of other articles share words only with each other: none
        // of them counts, as they are not confident region lines.
        assert_eq!(c.get(teaser1, COHESION), 0.0);
        assert_eq!(c.get(teaser2, COHESION), 0.0);
        // The features carry the same values.
        assert_eq!(
            cohesion(
                &c.lines,
                &c.ev,
                &c.region,
                &WordKeys::of(&c.lines, |_| None)
            ),
            c.f.iter().map(|f| f[COHESION]).collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_paragraph_does_not_cohere_with_itself() {
        // One paragraph alone in its region, its words repeated inside it.
        let p = "Le marché couvert rouvre samedi. Le marché couvert accueillera trente commerçants, et le marché restera ouvert le dimanche matin.";
        let input = format!("Accueil\n\n{p}\n\nMentions légales\n");
        let c = ctx(&input);
        assert!(c.region.contains(&c.at(p)));
        assert_eq!(c.get(p, COHESION), 0.0);
    }

    #[test]
    fn periodicity_marks_repeating_item_shapes_not_running_text() {
        let periodic = |input: &str| {
            let c = ctx(input);
            let nb = c.non_blank();
            periodicity(&c.lines, &c.ev, &nb)
        };
        // Teaser list: headline, time, headline, time ... (period 2).
        let teasers: String = (1..=8)
            .map(|i| format!("Nieuwe plannen voor wijk {i} voorgesteld\n1{i}:00\n"))
            .collect();
        let p = periodic(&teasers);
        assert!(p[6..10].iter().all(|&x| x > 0.9), "{p:?}");
        // Comment thread: name, comment, date (period 3).
        let thread: String = (1..=6)
            .map(|i| {
                format!("Lezer {i}\nIk ben het voor {i} procent eens met de plannen van de gemeente voor de wijk.\n{i} maart 2024\n")
            })
            .collect();
        let p = periodic(&thread);
        assert!(p[6..12].iter().all(|&x| x > 0.9), "{p:?}");
        // Running text (one shape after another) and a menu of names (one shape) are not periodic.
        let text: String = (1..=10)
            .map(|i| format!("Dit is de {i}e alinea van een lang artikel over de nieuwe plannen voor de wijk.\n\n"))
            .collect();
        assert!(periodic(&text).iter().all(|&x| x == 0.0));
        let menu =
            "Home\nNieuws\nSport\nCultuur\nWeer\nVerkeer\nEconomie\nOpinie\nRegio\nPodcasts\n";
        assert!(periodic(menu).iter().all(|&x| x == 0.0));
    }
}
