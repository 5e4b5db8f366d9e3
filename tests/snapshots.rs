//! Snapshot tests: the whole cleaned article of each seed, in a readable
//! form — metadata, body blocks, chrome segments and every line's label.
//! Any change in what the cleaner does with a seed shows up as a diff to be
//! reviewed line by line (`cargo insta review`).

use dumpclean::Article;
use std::fmt::Write;

fn short(text: &str, max: usize) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match one_line.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &one_line[..i]),
        None => one_line,
    }
}

fn render(input: &str, a: &Article<'_>) -> String {
    let mut out = String::new();
    let opt = |v: Option<String>| v.unwrap_or_else(|| "-".to_string());
    writeln!(out, "title:         {}", opt(a.title().map(str::to_string))).unwrap();
    writeln!(
        out,
        "date:          {}",
        opt(a.date().map(|d| d.to_string()))
    )
    .unwrap();
    writeln!(
        out,
        "byline:        {}",
        opt(a.byline().map(str::to_string))
    )
    .unwrap();
    writeln!(
        out,
        "image_credit:  {}",
        opt(a.image_credit().map(str::to_string))
    )
    .unwrap();
    writeln!(
        out,
        "comment_count: {}",
        opt(a.comment_count().map(|c| c.to_string()))
    )
    .unwrap();
    writeln!(out, "\n== blocks").unwrap();
    for b in a.blocks() {
        writeln!(out, "[{}] {}", b.kind.as_str(), b.text).unwrap();
    }
    writeln!(out, "\n== chrome").unwrap();
    for c in a.chrome() {
        writeln!(
            out,
            "{:<10} lines {:>3}-{:<3} {}",
            c.kind.as_str(),
            c.lines.start + 1,
            c.lines.end,
            short(&c.text, 60)
        )
        .unwrap();
    }
    writeln!(out, "\n== lines").unwrap();
    for (i, (info, line)) in a.lines().iter().zip(input.split('\n')).enumerate() {
        let row = format!(
            "{:>3} {:<10} {}",
            i + 1,
            info.label.as_str(),
            short(line, 70)
        );
        writeln!(out, "{}", row.trim_end()).unwrap();
    }
    out
}

macro_rules! seed_snapshot {
    ($name:ident, $file:literal) => {
        #[test]
        fn $name() {
            let input = include_str!(concat!("../testdata/seeds/", $file, ".txt"));
            let article = dumpclean::clean(input).unwrap();
            insta::assert_snapshot!(render(input, &article));
        }
    };
}

seed_snapshot!(seed_000, "000");
seed_snapshot!(seed_001, "001");
seed_snapshot!(seed_002, "002");
