//! Fuzz `dumpclean::clean_bytes` and `Cleaner::clean_bytes` in every mode,
//! checking the output's documented promises.
#![no_main]

use dumpclean::{Article, Cleaner, Mode};
use libfuzzer_sys::fuzz_target;
use std::ops::Range;

const MODES: [Mode; 3] = [Mode::Precision, Mode::Balanced, Mode::Recall];

fn check_span(text: &str, span: &Range<usize>, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} span {span:?} out of bounds (input is {} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} span {span:?} not on char boundaries"
    );
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Two articles are equal; if `==` fails only because of a NaN score, say so.
fn assert_same(a: &Article<'_>, b: &Article<'_>, what: &str) {
    if a != b {
        let (da, db) = (format!("{a:#?}"), format!("{b:#?}"));
        assert_eq!(da, db, "{what}");
        panic!("{what}: articles unequal but Debug-equal (NaN score?)");
    }
}

fn check(text: &str, a: &Article<'_>) {
    // One LineInfo per input line, split on '\n'.
    let lines = a.lines();
    assert_eq!(
        lines.len(),
        text.split('\n').count(),
        "lines().len() != number of '\\n'-separated lines"
    );
    for (i, l) in lines.iter().enumerate() {
        check_span(text, &l.span, &format!("line {i}"));
        assert!(
            (0.0..=1.0).contains(&l.score),
            "line {i} score {} not in 0..=1",
            l.score
        );
    }
    for (i, w) in lines.windows(2).enumerate() {
        assert!(
            w[0].span.end <= w[1].span.start,
            "line spans {i}:{:?} and {}:{:?} unsorted or overlapping",
            w[0].span,
            i + 1,
            w[1].span
        );
    }

    // Blocks: in bounds, text == &text[span], in input order.
    let blocks = a.blocks();
    for (i, b) in blocks.iter().enumerate() {
        check_span(text, &b.span, &format!("block {i}"));
        assert_eq!(
            &*b.text,
            &text[b.span.clone()],
            "block {i} text differs from &text[{:?}]",
            b.span
        );
    }
    for (i, w) in blocks.windows(2).enumerate() {
        assert!(
            w[0].span.end <= w[1].span.start,
            "block spans {i}:{:?} and {}:{:?} not in input order / overlapping",
            w[0].span,
            i + 1,
            w[1].span
        );
    }

    // Chrome segments: in bounds, text == &text[span], sorted, disjoint,
    // disjoint from every block.
    let chrome = a.chrome();
    for (i, c) in chrome.iter().enumerate() {
        check_span(text, &c.span, &format!("chrome segment {i}"));
        assert_eq!(
            &*c.text,
            &text[c.span.clone()],
            "chrome segment {i} text differs from &text[{:?}]",
            c.span
        );
        assert!(
            c.lines.start < c.lines.end && c.lines.end <= lines.len(),
            "chrome segment {i} lines {:?} invalid ({} lines)",
            c.lines,
            lines.len()
        );
    }
    for (i, w) in chrome.windows(2).enumerate() {
        assert!(
            w[0].span.end <= w[1].span.start,
            "chrome spans {i}:{:?} and {}:{:?} unsorted or overlapping",
            w[0].span,
            i + 1,
            w[1].span
        );
    }
    // Both lists are sorted (checked above), so a merge walk finds any overlap.
    let mut j = 0;
    for (i, c) in chrome.iter().enumerate() {
        while j < blocks.len() && blocks[j].span.end <= c.span.start {
            j += 1;
        }
        let mut k = j;
        while k < blocks.len() && blocks[k].span.start < c.span.end {
            assert!(
                !overlaps(&c.span, &blocks[k].span),
                "chrome segment {i} {:?} overlaps block {k} {:?}",
                c.span,
                blocks[k].span
            );
            k += 1;
        }
    }

    // Exercise the accessors.
    let _ = a.body_text();
    let _ = (a.title(), a.date(), a.byline(), a.image_credit(), a.comment_count(), a.is_empty());
    assert_same(a, &a.clone().into_owned(), "into_owned changed the article");
}

/// Clean `text` with a site profile learned from it and from its halves
/// (three pages of one site): the same promises hold.
fn check_with_profile(text: &str) {
    let mid = (0..=text.len() / 2).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
    let learn = |pages: [&str; 3]| {
        let mut p = dumpclean::SiteProfile::with_max_lines(64);
        pages.iter().for_each(|page| p.learn(page));
        p
    };
    let profile = learn([text, &text[..mid], &text[mid..]]);
    let other = learn([&text[mid..], text, &text[..mid]]);
    assert!(profile == other, "learning depends on page order");
    let cleaner = Cleaner::new();
    if let Ok(a) = cleaner.clean_with_profile(text, &profile) {
        check(text, &a);
    }
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        check_with_profile(text);
    }
    let utf8 = std::str::from_utf8(data).ok();
    let default = dumpclean::clean_bytes(data);
    if let Ok(a) = &default {
        let text = utf8.expect("clean_bytes returned Ok for input that is not UTF-8");
        check(text, a);
    }
    for mode in MODES {
        let cleaner = Cleaner::builder().mode(mode).build();
        let first = cleaner.clean_bytes(data);
        let second = cleaner.clean_bytes(data);
        match (&first, &second) {
            (Ok(a), Ok(b)) => {
                let text = utf8.expect("clean_bytes returned Ok for input that is not UTF-8");
                check(text, a);
                assert_same(a, b, "cleaning twice gave different articles");
                // Idempotence: the body, cleaned again, stays the same (for
                // dumps cleaned in one part: of at most 16,384 lines).
                let body = a.body_text();
                if !body.is_empty() && text.split('\n').count() <= 16_384 {
                    match cleaner.clean(&body) {
                        Ok(again) => assert_eq!(
                            again.body_text(),
                            body,
                            "{mode:?}: cleaning the body again changed it"
                        ),
                        Err(e) => panic!("{mode:?}: the body text gives Err({e:?})"),
                    }
                }
                if mode == Mode::Balanced {
                    match &default {
                        Ok(d) => assert_same(a, d, "dumpclean::clean_bytes differs from Mode::Balanced"),
                        Err(e) => panic!("default Err({e:?}) but Mode::Balanced Ok"),
                    }
                }
            }
            (Err(e1), Err(e2)) => {
                assert_eq!(e1, e2, "cleaning twice gave different errors");
                if mode == Mode::Balanced {
                    assert_eq!(default.as_ref().err(), Some(e1), "default vs Balanced error");
                }
            }
            _ => panic!("cleaning twice gave Ok once and Err once: {first:?} vs {second:?}"),
        }
    }
});
