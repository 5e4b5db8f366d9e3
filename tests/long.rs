//! Long dumps: more lines than the cleaner takes in one part.
//!
//! A dump of more than 16,384 lines (or 32,768 cells) is cleaned in parts,
//! so that the working memory stays that of one part and the cost per line
//! does not grow with the dump. The invariants of `tests/api.rs` hold for a long dump too (its
//! `all_inputs` has one); these tests check what joins the parts.

use dumpclean::{Cleaner, Error, Label};

const SEED: &str = include_str!("../testdata/seeds/000.txt");

/// Copies of the seed page, a blank line between copies, to more than
/// `rows` lines.
fn copies(rows: usize) -> String {
    let mut out = String::new();
    while out.split('\n').count() <= rows {
        out.push_str(SEED.trim_end());
        out.push_str("\n\n");
    }
    out
}

#[test]
fn a_long_dump_keeps_every_line_with_its_span() {
    let input = copies(3 * 16_384);
    let a = dumpclean::clean(&input).unwrap();
    assert_eq!(a.lines().len(), input.split('\n').count());
    let mut start = 0;
    for (info, line) in a.lines().iter().zip(input.split('\n')) {
        assert_eq!(info.span, start..start + line.len());
        start += line.len() + 1;
    }
    for b in a.blocks() {
        assert_eq!(&input[b.span.clone()], b.text);
    }
    for c in a.chrome() {
        assert_eq!(&input[c.span.clone()], c.text);
        assert!(c.lines.end <= a.lines().len());
    }
}

#[test]
fn a_long_dump_has_the_title_of_its_first_part() {
    let input = copies(3 * 16_384);
    let a = dumpclean::clean(&input).unwrap();
    let title = a.title().expect("the seed has a headline");
    let first_title_line = a
        .lines()
        .iter()
        .position(|l| l.label == Label::Title)
        .unwrap();
    assert_eq!(
        input[a.lines()[first_title_line].span.clone()].trim(),
        title
    );
    // The title is found in the first part, the first copy of the seed.
    assert!(first_title_line < SEED.split('\n').count());
    // Later parts' headlines are metadata of their part, not titles.
    let titled: Vec<usize> = a
        .lines()
        .iter()
        .enumerate()
        .filter(|(_, l)| l.label == Label::Title)
        .map(|(i, _)| i)
        .filter(|&i| i >= 16_384 * 2)
        .collect();
    assert!(titled.is_empty(), "title lines in a later part: {titled:?}");
}

#[test]
fn a_long_line_in_a_later_part_is_reported_with_its_line_number() {
    let mut input = "Menu item\n".repeat(50_000);
    input.push_str(&"x".repeat(200));
    input.push('\n');
    let err = Cleaner::builder()
        .max_line_bytes(100)
        .build()
        .clean(&input)
        .unwrap_err();
    assert_eq!(
        err,
        Error::LineTooLong {
            line: 50_000,
            len: 200,
            limit: 100
        }
    );
}

#[test]
fn the_article_in_a_long_dump_is_found_in_every_part() {
    // A page of prose between long runs of menu lines: wherever the parts
    // end, every copy of the article is kept and the menus are not.
    let article = "The harbour reopened on Monday after three weeks of repairs to the old quay walls, the port said.\n\n\
        Fishermen said the closure had cost them most of the spring season, and that they would ask the province for help.\n\n";
    let menu = "Home\nNews\nSport\nWeather\nContact\n".repeat(2_000);
    let input = format!("{menu}\n{article}").repeat(6);
    let a = dumpclean::clean(&input).unwrap();
    assert!(input.split('\n').count() > 2 * 16_384);
    assert_eq!(a.blocks().len(), 12, "{:?}", a.blocks());
    for b in a.blocks() {
        assert!(b.text.starts_with("The harbour") || b.text.starts_with("Fishermen"));
    }
}

/// A wide table of few lines (150,000 cells, no blank line) is cleaned
/// in parts of cells: every line keeps its label and span, and no part
/// joins lines across its end.
#[test]
fn a_wide_table_keeps_every_line_with_its_span() {
    let row = vec!["cell"; 50].join("\t");
    let input = vec![row.as_str(); 3_000].join("\n");
    let a = dumpclean::clean(&input).unwrap();
    assert_eq!(a.lines().len(), 3_000);
    let mut start = 0;
    for info in a.lines() {
        assert_eq!(info.span, start..start + row.len());
        start += row.len() + 1;
    }
    for c in a.chrome() {
        assert_eq!(&input[c.span.clone()], c.text);
    }
}
