//! Development tool: print every line's local features as JSON lines, for
//! fitting the line model with `tools/fit.py`.
//!
//! ```text
//! cargo run --release --example features -- [--local|--context] DIR > features.jsonl
//! cargo run --release --example features -- [--local|--context] --names
//! ```
//!
//! With `--names` it prints the names of the features, in order, as one
//! JSON array.

use std::io::{self, BufWriter, Write};

fn main() -> io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let kind = if args.iter().any(|a| a == "--context") {
        "context"
    } else {
        "local"
    };
    if args.iter().any(|a| a == "--names") {
        let names = dumpclean::__private::feature_names(kind).unwrap_or_default();
        println!("{}", serde_json::to_string(names)?);
        return Ok(());
    }
    let dir = args
        .last()
        .expect("usage: features [--local|--context] DIR|--names");
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
        let feats = if kind == "local" {
            dumpclean::__private::local_features(&text)
        } else {
            dumpclean::__private::context_features(&text)
        };
        serde_json::to_writer(&mut out, &serde_json::json!({ "id": id, kind: feats }))?;
        writeln!(out)?;
    }
    out.flush()
}
