//! The `serde` feature: every output type serialises to the JSON a user
//! would expect (names as in the gold `line_labels`, ISO dates, spans).
#![cfg(feature = "serde")]

use serde_json::{json, Value};

const DUMP: &str = "Home\nNews\nSport\n\nTram line opens after two years of works\nBy Ana Costa\n12 March 2024\n\nThe new tram line between the station and the university opened on Tuesday, two years after works began.\n\nAbout nine thousand passengers a day are expected in the first year, the transport company said.\n\nRead also: Bus fares rise in April\n© 2024 Example Media. All rights reserved.\n";

#[test]
fn article_serialises_with_metadata_blocks_chrome_and_lines() {
    let article = dumpclean::clean(DUMP).unwrap();
    let v: Value = serde_json::to_value(&article).unwrap();
    assert_eq!(
        v["title"],
        json!("Tram line opens after two years of works")
    );
    assert_eq!(v["byline"], json!("Ana Costa"));
    assert_eq!(v["date"], json!("2024-03-12"));
    let blocks = v["blocks"].as_array().unwrap();
    assert_eq!(blocks.len(), 2);
    assert_eq!(blocks[0]["kind"], json!("paragraph"));
    let span = &blocks[0]["span"];
    let (start, end) = (
        span[0].as_u64().unwrap() as usize,
        span[1].as_u64().unwrap() as usize,
    );
    assert_eq!(blocks[0]["text"].as_str().unwrap(), &DUMP[start..end]);
    let kinds: Vec<&str> = v["chrome"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds.first(), Some(&"navigation"));
    assert!(kinds.contains(&"footer"), "{kinds:?}");
    let labels: Vec<&str> = v["line_labels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap())
        .collect();
    assert_eq!(labels.len(), DUMP.split('\n').count());
    assert_eq!(
        &labels[..6],
        [
            "navigation",
            "navigation",
            "navigation",
            "blank",
            "title",
            "meta"
        ]
    );
}

#[test]
fn owned_article_serialises_the_same() {
    let article = dumpclean::clean(DUMP).unwrap();
    let borrowed = serde_json::to_string(&article).unwrap();
    let owned = serde_json::to_string(&article.into_owned()).unwrap();
    assert_eq!(borrowed, owned);
}
