//! Development tool: print every line's local, context or body features as
//! JSON lines, for fitting the line models with `tools/fit.py` (the body
//! features are of the non-blank lines only).
//!
//! ```text
//! cargo run --release --example features -- [--local|--context|--body|--title] DIR > features.jsonl
//! cargo run --release --example features -- [--local|--context|--body|--title] --names
//! ```
//!
//! With `--names` it prints the names of the features, in order, as one
//! JSON array; with `--scores`, the body model's log-odds of each non-blank
//! line instead of its features (`tools/fit.py` checks them against the
//! fitted model).

use std::io::{self, BufWriter, Write};

fn main() -> io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let kind = if args.iter().any(|a| a == "--context") {
        "context"
    } else if args.iter().any(|a| a == "--title") {
        "title"
    } else if args.iter().any(|a| a == "--body") {
        "body"
    } else {
        "local"
    };
    if args.iter().any(|a| a == "--names") {
        let names = dumpclean::__private::feature_names(kind).unwrap_or_default();
        println!("{}", serde_json::to_string(&names)?);
        return Ok(());
    }
    let dir = args
        .last()
        .expect("usage: features [--local|--context|--body|--title] DIR|--names");
    let mut files: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut out = BufWriter::new(io::stdout().lock());
    for f in files {
        let text = std::fs::read_to_string(&f)?;
        let id = f
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        if args.iter().any(|a| a == "--scores") {
            let scores = dumpclean::__private::body_scores(&text);
            serde_json::to_writer(&mut out, &serde_json::json!({ "id": id, "scores": scores }))?;
            writeln!(out)?;
            continue;
        }
        let feats = match kind {
            "local" => dumpclean::__private::local_features(&text),
            "context" => dumpclean::__private::context_features(&text),
            "title" => dumpclean::__private::title_features(&text),
            _ => dumpclean::__private::body_features(&text),
        };
        serde_json::to_writer(&mut out, &serde_json::json!({ "id": id, kind: feats }))?;
        writeln!(out)?;
    }
    out.flush()
}
