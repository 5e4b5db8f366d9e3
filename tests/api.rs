//! Behaviour of the public API on small hand-written dumps.
//!
//! The dumps below are invented for these tests (in English, German, French,
//! Spanish and Italian); none is taken from real pages or from `testdata/`.

use dumpclean::{Article, ChromeKind, Cleaner, Error, Label, Mode};

const ENGLISH: &str = "\
Skip to content
Home
World
Business
Sport
Culture
Log in

Harbour town votes to restore its old lighthouse
By Margaret Ellison
Published 14 March 2024, 09:12
Photo: Tom Reyes

Residents of Port Avery voted on Wednesday to spend two million pounds restoring the lighthouse that has stood dark on the northern pier since 1987.

The proposal passed by a margin of 612 votes after a campaign that split neighbours, the fishing cooperative and the parish council for most of last year.

What happens next

Engineers will survey the tower in April, and the council expects the first scaffolding to go up before the summer tourist season begins in earnest.

\"We wanted our children to see it lit again,\" said Amara Quinn, who collected more than three thousand signatures for the petition.

Read more
Ferry timetable changes from next week
10:45
Fishing quotas: what the new rules mean
09:30
School roof repairs delayed again
Yesterday

14 comments

Newsletter
Get the morning briefing in your inbox every day.
Subscribe

© 2024 Avery Gazette Ltd. All rights reserved.
Privacy policy | Cookie settings | Terms of use | Contact
";

const GERMAN: &str = "\
Startseite
Politik
Wirtschaft
Sport
Kultur
Anmelden

Stadtrat beschließt neue Radwege in der Innenstadt
Von Katharina Vogel
12. Februar 2024
Foto: Lukas Brandt

Der Stadtrat hat am Dienstagabend mit großer Mehrheit beschlossen, bis zum Jahr 2027 insgesamt elf Kilometer neue Radwege in der Innenstadt anzulegen.

Die Kosten von rund acht Millionen Euro sollen zum größten Teil aus Fördermitteln des Landes gedeckt werden, wie die Kämmerin in der Sitzung erklärte.

Kritik vom Einzelhandel

Mehrere Geschäftsleute befürchten, dass durch den Wegfall von Parkplätzen weniger Kundschaft in die Altstadt kommt, und kündigten eine Unterschriftensammlung an.

Die Verwaltung will die Pläne im Frühjahr bei zwei Bürgerversammlungen vorstellen und Anregungen der Anwohner noch einarbeiten.

Lesen Sie auch
Neuer Busfahrplan ab März
Hallenbad bleibt bis Sommer geschlossen
Meistgelesen

23 Kommentare

Newsletter abonnieren
Folgen Sie uns auf Instagram

Impressum
Datenschutz
Cookie-Einstellungen
© 2024 Musterstadt Anzeiger";

const FRENCH: &str = "\
Accueil
Actualités
Économie
Sports
Culture
Se connecter

La bibliothèque municipale rouvre après deux ans de travaux
Par Claire Dumont
Publié le 3 mars 2023 à 11h20

La bibliothèque du centre-ville a rouvert ses portes samedi matin, après deux années de travaux de rénovation qui ont coûté près de quatre millions d'euros.

Les lecteurs découvrent un espace entièrement repensé, avec une salle pour les enfants, un atelier numérique et une terrasse ouverte aux beaux jours.

« Nous voulions un lieu où l'on a envie de rester », explique la directrice, qui prévoit aussi des horaires élargis le dimanche dès le mois d'avril.

À lire aussi
Le marché de Noël attire un public record
Travaux sur la ligne de tram : les déviations
Les plus lus

5 commentaires

Abonnez-vous à notre newsletter
Suivez-nous sur Facebook

Mentions légales
Politique de confidentialité
Gestion des cookies
© 2023 Le Courrier du Val
";

const SPANISH: &str = "\
Inicio
Noticias
Deportes
Opinión

El ayuntamiento amplía el horario de las piscinas municipales
Por Javier Morales
8 de julio de 2024

Las piscinas municipales abrirán una hora más cada día a partir del lunes, según anunció el concejal de Deportes tras la reunión de la junta de gobierno.

La medida responde a las quejas de muchos vecinos, que pedían poder nadar después del trabajo durante las semanas de más calor del verano.

- Las piscinas abrirán de nueve de la mañana a nueve de la noche todos los días.
- La entrada será gratuita para los menores de seis años y los jubilados.

El concejal recordó que el aforo seguirá limitado y pidió a los usuarios que respeten las normas de higiene y seguridad de las instalaciones.

Te puede interesar
Cortes de tráfico por las fiestas del barrio
Nueva línea de autobús al hospital

Aviso legal
Política de privacidad
© 2024 Diario del Sur
";

/// Odd white space: tabs, trailing blanks, a no-break space only line,
/// indented paragraphs and a quoted line.
const ITALIAN: &str = "\
\tHome  \n\
  Cronaca\n\
Sport\t\n\
Meteo\n\
\u{a0}\n\
   \n\
Il comune apre un nuovo parco lungo il fiume\n\
\n\
   Il nuovo parco lungo il fiume sarà aperto al pubblico da domenica, dopo un anno di lavori che hanno trasformato una vecchia area industriale.   \n\
\t\n\
> Abbiamo restituito ai cittadini uno spazio che era chiuso da trent'anni, ha detto il sindaco durante la cerimonia.\n\
\n\
\tIl parco avrà un'area giochi, un percorso per le biciclette e un piccolo anfiteatro per i concerti all'aperto durante l'estate.\n\
\n\
Leggi anche\n\
Chiusa per lavori la strada provinciale\n\
Privacy | Cookie | Contatti\n";

/// Chrome only: no article at all.
const MENU_ONLY: &str = "Home\nNews\nSport\nWeather\nContact\n";

/// Article text only, no chrome, no trailing newline.
const TEXT_ONLY: &str = "\
The museum will stay open late every Thursday from next month, the director announced, so that visitors who work during the day can see the new exhibition.

Tickets for the evening openings cost the same as during the day, and the café on the ground floor will serve dinner until half past nine.";

/// A teaser page: menus around one paragraph that mentions "next month"
/// and a newsletter prompt. (At the first commit Balanced kept the prompt
/// as body while Recall kept nothing.)
const TEASER: &str = "\
Home
Culture

The library will stay open until ten every Thursday from next month, the council announced, so that people who work during the day can borrow books.

Events
Get the morning briefing in your inbox every day.
";

/// Every hand-written dump, by name.
fn dumps() -> Vec<(&'static str, &'static str)> {
    vec![
        ("english", ENGLISH),
        ("german", GERMAN),
        ("french", FRENCH),
        ("spanish", SPANISH),
        ("italian", ITALIAN),
        ("menu_only", MENU_ONLY),
        ("text_only", TEXT_ONLY),
        ("teaser", TEASER),
    ]
}

/// A dump of more lines than the cleaner takes in one part (16,384): the
/// test dumps one after another, then a list of 40,000 lines without a
/// blank line (a part must end inside it), then the dumps again.
fn long_dump() -> String {
    let pages: String = dumps().iter().map(|(_, d)| format!("{d}\n\n")).collect();
    let mut out = String::new();
    while out.split('\n').count() < 20_000 {
        out.push_str(&pages);
    }
    for i in 0..40_000 {
        out.push_str(&format!("Item {i}\r\n"));
    }
    out.push_str(&pages);
    out
}

/// The dumps with `\n` and with `\r\n` line ends, plus some degenerate inputs.
fn all_inputs() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (name, text) in dumps() {
        out.push((name.to_string(), text.to_string()));
        out.push((format!("{name} (CRLF)"), text.replace('\n', "\r\n")));
    }
    out.push(("long dump".to_string(), long_dump()));
    for (i, odd) in [
        "",
        "\n",
        "\r\n",
        "\r",
        "x",
        "\n\n\n",
        " \t \r\n  \n\u{a0}",
        "One line with no newline at the end, and long enough to be read as text.",
        "A line ending in a lone carriage return that is long enough to be text.\r",
        "Ünïcödé — ‘quotes’ «guillemets» 日本語のテキストです。 and emoji 🎉\n\nEin Satz.\r\n",
    ]
    .iter()
    .enumerate()
    {
        out.push((format!("odd input #{i} {odd:?}"), (*odd).to_string()));
    }
    out
}

const MODES: [Mode; 3] = [Mode::Precision, Mode::Balanced, Mode::Recall];

fn clean_with(mode: Mode, input: &str) -> Article<'_> {
    Cleaner::builder()
        .mode(mode)
        .build()
        .clean(input)
        .unwrap_or_else(|e| panic!("clean failed in {mode:?}: {e}"))
}

fn labels(article: &Article<'_>) -> Vec<Label> {
    article.lines().iter().map(|l| l.label).collect()
}

fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// The input's lines split on `\n`, each with its byte offset and without a
/// trailing `\r`.
fn input_lines(input: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in input.split('\n') {
        out.push((start, piece.strip_suffix('\r').unwrap_or(piece)));
        start += piece.len() + 1;
    }
    out
}

#[test]
fn one_line_info_per_input_line() {
    for (name, input) in all_inputs() {
        for mode in MODES {
            let article = clean_with(mode, &input);
            assert_eq!(
                article.lines().len(),
                input.split('\n').count(),
                "{name} in {mode:?}: one LineInfo per input line"
            );
        }
    }
}

#[test]
fn line_spans_slice_the_input_to_the_line() {
    for (name, input) in all_inputs() {
        for mode in MODES {
            let article = clean_with(mode, &input);
            for (i, (info, (start, line))) in
                article.lines().iter().zip(input_lines(&input)).enumerate()
            {
                assert_eq!(
                    info.span,
                    start..start + line.len(),
                    "{name} in {mode:?}: span of line {i}"
                );
                assert_eq!(
                    &input[info.span.clone()],
                    line,
                    "{name} in {mode:?}: text of line {i}"
                );
                assert!(
                    info.score.is_finite() && (0.0..=1.0).contains(&info.score),
                    "{name} in {mode:?}: line {i} has score {} outside 0..=1",
                    info.score
                );
            }
        }
    }
}

#[test]
fn blank_lines_and_only_blank_lines_are_labelled_blank() {
    for (name, input) in all_inputs() {
        for mode in MODES {
            let article = clean_with(mode, &input);
            for (i, (info, (_, line))) in
                article.lines().iter().zip(input_lines(&input)).enumerate()
            {
                assert_eq!(
                    info.label == Label::Blank,
                    is_blank(line),
                    "{name} in {mode:?}: line {i} {line:?} is labelled {}",
                    info.label
                );
            }
        }
    }
}

#[test]
fn block_spans_slice_the_input_to_the_block_text() {
    for (name, input) in all_inputs() {
        for mode in MODES {
            let article = clean_with(mode, &input);
            let mut prev_end = 0;
            for (b, block) in article.blocks().iter().enumerate() {
                assert_eq!(
                    &input[block.span.clone()],
                    block.text,
                    "{name} in {mode:?}: span of block {b}"
                );
                assert!(
                    !block.text.is_empty() && block.text.trim() == block.text,
                    "{name} in {mode:?}: block {b} {:?} is empty or not trimmed",
                    block.text
                );
                assert!(
                    block.span.start >= prev_end,
                    "{name} in {mode:?}: block {b} is out of order or overlaps the one before"
                );
                prev_end = block.span.end;
            }
        }
    }
}

#[test]
fn blocks_come_from_lines_labelled_body() {
    for (name, input) in all_inputs() {
        for mode in MODES {
            let article = clean_with(mode, &input);
            let body_lines: Vec<usize> = (0..article.lines().len())
                .filter(|&i| article.lines()[i].label == Label::Body)
                .collect();
            let block_lines: Vec<usize> = article
                .blocks()
                .iter()
                .map(|b| {
                    article
                        .lines()
                        .iter()
                        .position(|l| l.span.start <= b.span.start && b.span.end <= l.span.end)
                        .unwrap_or_else(|| {
                            panic!("{name} in {mode:?}: block {:?} spans lines", b.text)
                        })
                })
                .collect();
            assert_eq!(
                block_lines, body_lines,
                "{name} in {mode:?}: the lines holding blocks are the body lines"
            );
        }
    }
}

#[test]
fn chrome_segments_are_consistent_with_the_line_labels() {
    for (name, input) in all_inputs() {
        for mode in MODES {
            let article = clean_with(mode, &input);
            let lines = article.lines();
            let chrome = article.chrome();
            let ctx = |what: String| format!("{name} in {mode:?}: {what}");

            for (s, seg) in chrome.iter().enumerate() {
                assert_eq!(
                    &input[seg.span.clone()],
                    seg.text,
                    "{}",
                    ctx(format!("span of segment {s}"))
                );
                assert!(
                    !seg.lines.is_empty() && seg.lines.end <= lines.len(),
                    "{}",
                    ctx(format!("segment {s} covers lines {:?}", seg.lines))
                );
                // The segment runs from its first line to its last line.
                assert_eq!(
                    seg.span.start,
                    lines[seg.lines.start].span.start,
                    "{}",
                    ctx(format!("segment {s} starts where its first line does"))
                );
                assert_eq!(
                    seg.span.end,
                    lines[seg.lines.end - 1].span.end,
                    "{}",
                    ctx(format!("segment {s} ends where its last line does"))
                );
                // Its lines are of its kind, with blank lines only inside it.
                for i in seg.lines.clone() {
                    let l = lines[i].label;
                    let inner_blank =
                        l == Label::Blank && i != seg.lines.start && i + 1 != seg.lines.end;
                    assert!(
                        l == Label::Chrome(seg.kind) || inner_blank,
                        "{}",
                        ctx(format!(
                            "line {i} in segment {s} ({}) is labelled {l}",
                            seg.kind.as_str()
                        ))
                    );
                }
            }
            for (s, pair) in chrome.windows(2).enumerate() {
                assert!(
                    pair[0].lines.end <= pair[1].lines.start,
                    "{}",
                    ctx(format!(
                        "segments {s} {:?} and {} {:?} are out of order or overlap",
                        pair[0].lines,
                        s + 1,
                        pair[1].lines
                    ))
                );
            }
            for (i, info) in lines.iter().enumerate() {
                if let Label::Chrome(kind) = info.label {
                    let holders: Vec<&dumpclean::ChromeSegment<'_>> =
                        chrome.iter().filter(|s| s.lines.contains(&i)).collect();
                    assert_eq!(
                        holders.len(),
                        1,
                        "{}",
                        ctx(format!(
                            "chrome line {i} lies in {} segments",
                            holders.len()
                        ))
                    );
                    assert_eq!(
                        holders[0].kind,
                        kind,
                        "{}",
                        ctx(format!("kind of the segment holding line {i}"))
                    );
                }
            }
        }
    }
}

#[test]
fn chrome_is_found_in_every_language() {
    for (name, input) in dumps() {
        if name == "text_only" {
            continue;
        }
        let article = dumpclean::clean(input).unwrap();
        assert!(
            !article.chrome().is_empty(),
            "{name}: no chrome found in a dump that starts with a menu"
        );
        assert_eq!(
            article.lines()[0].label,
            Label::Chrome(ChromeKind::Navigation),
            "{name}: the first menu line is navigation"
        );
    }
}

#[test]
fn empty_and_white_space_input_give_an_empty_article() {
    for input in [
        "",
        " ",
        "\n",
        "\r\n",
        "\n\n\n",
        " \t \r\n  \n\u{a0}",
        "\t\t\n   ",
    ] {
        for mode in MODES {
            let article = clean_with(mode, input);
            let what = format!("{input:?} in {mode:?}");
            assert!(article.is_empty(), "{what}: is_empty");
            assert!(article.blocks().is_empty(), "{what}: blocks");
            assert!(article.chrome().is_empty(), "{what}: chrome");
            assert_eq!(article.body_text(), "", "{what}: body_text");
            assert_eq!(article.title(), None, "{what}: title");
            assert_eq!(article.date(), None, "{what}: date");
            assert_eq!(article.byline(), None, "{what}: byline");
            assert_eq!(article.image_credit(), None, "{what}: image_credit");
            assert_eq!(article.comment_count(), None, "{what}: comment_count");
            assert_eq!(
                article.lines().len(),
                input.split('\n').count(),
                "{what}: lines"
            );
            assert!(
                article.lines().iter().all(|l| l.label == Label::Blank),
                "{what}: every line is blank: {:?}",
                labels(&article)
            );
        }
    }
}

#[test]
fn crlf_input_gives_the_same_result_as_lf_input() {
    for (name, lf) in dumps() {
        let crlf = lf.replace('\n', "\r\n");
        for mode in MODES {
            let a = clean_with(mode, lf);
            let b = clean_with(mode, &crlf);
            assert_eq!(labels(&a), labels(&b), "{name} in {mode:?}: labels");
            let blocks = |x: &Article<'_>| -> Vec<(&'static str, String)> {
                x.blocks()
                    .iter()
                    .map(|b| (b.kind.as_str(), b.text.to_string()))
                    .collect()
            };
            assert_eq!(blocks(&a), blocks(&b), "{name} in {mode:?}: blocks");
            assert_eq!(a.title(), b.title(), "{name} in {mode:?}: title");
            assert_eq!(a.date(), b.date(), "{name} in {mode:?}: date");
            assert_eq!(a.byline(), b.byline(), "{name} in {mode:?}: byline");
            assert_eq!(
                a.image_credit(),
                b.image_credit(),
                "{name} in {mode:?}: image_credit"
            );
            assert_eq!(
                a.comment_count(),
                b.comment_count(),
                "{name} in {mode:?}: comment_count"
            );
            let kinds = |x: &Article<'_>| -> Vec<(ChromeKind, std::ops::Range<usize>)> {
                x.chrome()
                    .iter()
                    .map(|s| (s.kind, s.lines.clone()))
                    .collect()
            };
            assert_eq!(kinds(&a), kinds(&b), "{name} in {mode:?}: chrome segments");
        }
    }
}

#[test]
fn input_over_max_input_bytes_is_refused() {
    let input = "0123456789A"; // 11 bytes
    let err = Cleaner::builder()
        .max_input_bytes(10)
        .build()
        .clean(input)
        .unwrap_err();
    assert_eq!(err, Error::InputTooLarge { len: 11, limit: 10 });
    let msg = err.to_string();
    assert!(msg.contains("11") && msg.contains("10"), "{msg}");
    assert!(
        msg.contains("CleanerBuilder::max_input_bytes"),
        "the message says how to fix it: {msg}"
    );

    // Exactly at the limit is fine, and so is the empty input with limit 0.
    assert!(Cleaner::builder()
        .max_input_bytes(11)
        .build()
        .clean(input)
        .is_ok());
    assert!(Cleaner::builder()
        .max_input_bytes(0)
        .build()
        .clean("")
        .is_ok());

    // The limit counts bytes, not chars: "ééé" is 6 bytes.
    assert_eq!(
        Cleaner::builder()
            .max_input_bytes(5)
            .build()
            .clean("ééé")
            .unwrap_err(),
        Error::InputTooLarge { len: 6, limit: 5 }
    );
}

#[test]
fn line_over_max_line_bytes_is_refused() {
    let input = "short\nok\nthis line is too long\nanother line that is too long\n";
    let err = Cleaner::builder()
        .max_line_bytes(10)
        .build()
        .clean(input)
        .unwrap_err();
    // The first offending line, 0-based.
    assert_eq!(
        err,
        Error::LineTooLong {
            line: 2,
            len: 21,
            limit: 10
        }
    );
    let msg = err.to_string();
    assert!(
        msg.contains("line 2") && msg.contains("21") && msg.contains("10"),
        "{msg}"
    );
    assert!(
        msg.contains("CleanerBuilder::max_line_bytes"),
        "the message says how to fix it: {msg}"
    );

    // A line exactly at the limit is fine; the `\r` of `\r\n` is not counted.
    let ok = "0123456789\r\nabc\r\n";
    assert!(Cleaner::builder()
        .max_line_bytes(10)
        .build()
        .clean(ok)
        .is_ok());
    assert_eq!(
        Cleaner::builder()
            .max_line_bytes(9)
            .build()
            .clean(ok)
            .unwrap_err(),
        Error::LineTooLong {
            line: 0,
            len: 10,
            limit: 9
        }
    );
}

#[test]
fn input_size_is_checked_before_line_length() {
    let err = Cleaner::builder()
        .max_input_bytes(4)
        .max_line_bytes(2)
        .build()
        .clean("abcdef")
        .unwrap_err();
    assert_eq!(err, Error::InputTooLarge { len: 6, limit: 4 });
}

#[test]
fn errors_are_std_errors() {
    fn takes_error(_: &(dyn std::error::Error + Send + Sync + 'static)) {}
    let err = Error::InputTooLarge { len: 2, limit: 1 };
    takes_error(&err);
    let boxed: Box<dyn std::error::Error + Send + Sync> = Box::new(err);
    assert!(boxed.to_string().starts_with("input is 2 bytes"));
}

#[test]
fn into_owned_gives_an_equal_article_that_outlives_the_input() {
    fn assert_send_static<T: Send + 'static>(_: &T) {}
    for (name, text) in dumps() {
        for mode in MODES {
            let input = text.to_string();
            let article = clean_with(mode, &input);
            let expected = format!("{article:?}");
            let owned: Article<'static> = article.clone().into_owned();
            assert_eq!(owned, article, "{name} in {mode:?}");
            drop(article);
            drop(input);
            assert_send_static(&owned);
            let seen = std::thread::spawn(move || format!("{owned:?}"))
                .join()
                .expect("thread");
            assert_eq!(seen, expected, "{name} in {mode:?}");
        }
    }
}

#[test]
fn a_cleaner_can_be_shared_across_threads() {
    fn assert_send_sync<T: Send + Sync + Clone>() {}
    assert_send_sync::<Cleaner>();
    let cleaner = Cleaner::builder().mode(Mode::Recall).build();
    assert_eq!(cleaner.mode(), Mode::Recall);
    assert_eq!(Cleaner::new().mode(), Mode::Balanced);
    let alone: Vec<String> = dumps()
        .iter()
        .map(|(_, d)| cleaner.clean(d).unwrap().body_text())
        .collect();
    let threaded: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = dumps()
            .into_iter()
            .map(|(_, d)| {
                let c = &cleaner;
                s.spawn(move || c.clean(d).unwrap().body_text())
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(alone, threaded);
}

#[test]
fn body_text_is_the_blocks_joined_by_blank_lines() {
    for (name, input) in all_inputs() {
        for mode in MODES {
            let article = clean_with(mode, &input);
            let joined = article
                .blocks()
                .iter()
                .map(|b| b.text.as_ref())
                .collect::<Vec<&str>>()
                .join("\n\n");
            assert_eq!(article.body_text(), joined, "{name} in {mode:?}");
            assert_eq!(
                article.is_empty(),
                article.blocks().is_empty(),
                "{name} in {mode:?}"
            );
        }
    }
}

#[test]
fn article_text_is_kept_as_body() {
    // Not a statement about exact output, only that the long sentences of
    // each hand-written article end up in the body in the default mode.
    for (name, input) in dumps() {
        // `menu_only` has no article; `text_only` and `teaser` hit the bug of
        // `sentences_with_common_chrome_words_stay_in_the_body` below.
        if matches!(name, "menu_only" | "text_only" | "teaser") {
            continue;
        }
        let article = dumpclean::clean(input).unwrap();
        assert!(!article.is_empty(), "{name}: no body found");
        for (i, line) in input.split('\n').enumerate() {
            let line = line.trim().trim_start_matches('>').trim();
            if line.split_whitespace().count() >= 18 && line.ends_with('.') {
                assert!(
                    article.blocks().iter().any(|b| b.text.contains(line)),
                    "{name}: long sentence on line {i} is not in the body: {line:?}\nbody: {:?}",
                    article.body_text()
                );
            }
        }
    }
}

#[test]
fn precision_keeps_no_more_blocks_than_balanced_and_recall_no_fewer() {
    for (name, input) in all_inputs() {
        let n = |mode| clean_with(mode, &input).blocks().len();
        let (p, b, r) = (n(Mode::Precision), n(Mode::Balanced), n(Mode::Recall));
        assert!(
            p <= b,
            "{name}: Precision gives {p} blocks, Balanced only {b}"
        );
        assert!(r >= b, "{name}: Recall gives {r} blocks, Balanced {b}");
    }
}

#[test]
fn the_title_is_the_text_of_the_lines_labelled_title() {
    for (name, input) in all_inputs() {
        for mode in MODES {
            let article = clean_with(mode, &input);
            let title_lines: Vec<&str> = article
                .lines()
                .iter()
                .filter(|l| l.label == Label::Title)
                .map(|l| input[l.span.clone()].trim())
                .collect();
            match article.title() {
                Some(title) => assert!(
                    title_lines.contains(&title),
                    "{name} in {mode:?}: title {title:?} is on no line labelled title: {title_lines:?}"
                ),
                None => assert!(
                    title_lines.is_empty(),
                    "{name} in {mode:?}: lines labelled title but no title: {title_lines:?}"
                ),
            }
        }
    }
}

/// A paragraph of ordinary prose that happens to contain a word from the
/// chrome lexicons (`next`, `comment`, `contact`, `share`, `deel`, `Suche`,
/// `recherche`, `cerca`, `entrar`) is still article text.
#[test]
fn sentences_with_common_chrome_words_stay_in_the_body() {
    const BEFORE: &str = "Residents of the valley have waited almost ten years for the new road, which was delayed twice by disputes over the route.";
    const AFTER: &str = "The work should be finished before the winter, according to the regional transport office, which is paying most of the bill.";
    const CUED: [&str; 9] = [
        "The library will stay open until ten every Thursday from next month, so that people who work during the day can borrow books.",
        "The minister declined to comment on the report, saying the inquiry had to finish its work before anyone could draw conclusions.",
        "Police asked anyone with information to contact the station, and said the road would stay closed until the evening.",
        "The two towns will share the cost of the new bridge, which is expected to open to traffic in the spring of next year.",
        "Een groot deel van de inwoners wil dat het park blijft, blijkt uit een peiling die de gemeente vorige week liet uitvoeren.",
        "Die Suche nach dem vermissten Wanderer wurde am Abend fortgesetzt, nachdem Anwohner im Wald einen Rucksack gefunden hatten.",
        "La recherche sur les maladies rares manque de moyens, estiment les chercheurs, qui demandent une hausse du budget.",
        "La polizia cerca ancora il conducente che ha investito un ciclista ieri sera, ma finora nessun testimone si è fatto avanti.",
        "Los vecinos no pudieron entrar en sus casas hasta la madrugada, cuando los bomberos dieron por controlado el incendio.",
    ];
    let mut failures = Vec::new();
    for cued in CUED {
        let dump = format!("{BEFORE}\n\n{cued}\n\n{AFTER}\n");
        for mode in MODES {
            let article = clean_with(mode, &dump);
            let texts: Vec<&str> = article.blocks().iter().map(|b| b.text.as_ref()).collect();
            if texts != [BEFORE, cued, AFTER] {
                failures.push(format!(
                    "{mode:?}: {cued:?} is labelled {}",
                    article.lines()[2].label
                ));
            }
        }
    }
    for (name, dump) in [("text_only", TEXT_ONLY), ("teaser", TEASER)] {
        let article = dumpclean::clean(dump).unwrap();
        for line in dump
            .split('\n')
            .filter(|l| l.split_whitespace().count() >= 18)
        {
            if !article.blocks().iter().any(|b| b.text == line) {
                failures.push(format!("{name}: {line:?} is not in the body"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "article sentences dropped from the body:\n{}",
        failures.join("\n")
    );
}

/// A dump of many short, unremarkable lines separated by blank lines (a tag
/// cloud, an archive list) is all chrome, with one line record per line.
/// (It once took quadratic time; speed is measured with the benches.)
#[test]
fn long_runs_of_unnamed_chrome_are_all_chrome() {
    let n = 20_000;
    let mut dump = String::new();
    for i in 0..n {
        dump.push_str("Blue kite ");
        dump.push_str(&i.to_string());
        dump.push_str("\n\n");
    }
    let article = dumpclean::clean(&dump).unwrap();
    assert_eq!(article.lines().len(), 2 * n + 1);
    assert!(article.blocks().is_empty());
    assert!(article
        .lines()
        .iter()
        .all(|l| matches!(l.label, Label::Chrome(_) | Label::Blank)));
}
