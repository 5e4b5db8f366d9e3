//! Clean raw page dumps from files, directories or stdin.
//!
//! ```text
//! clean [--format text|json|jsonl] [--mode precision|balanced|recall] PATH...
//! ```
//!
//! PATH is a dump file, a directory (every `*.txt` in it, sorted by name) or
//! `-` for standard input. `text` (the default) prints a readable article;
//! `json` prints one pretty JSON object per dump; `jsonl` one object per line
//! with `id` (the file stem), the metadata, `body`, `blocks`, `chrome` and
//! `line_labels` (one label per input line, split on `\n`).

use dumpclean::{Article, Cleaner, Mode};
use serde::Serialize;
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Text,
    Json,
    Jsonl,
}

const USAGE: &str =
    "usage: clean [--format text|json|jsonl] [--mode precision|balanced|recall] PATH...
  PATH: a dump file, a directory (every *.txt, sorted) or - for stdin";

#[derive(Serialize)]
struct Record<'a> {
    id: &'a str,
    title: Option<&'a str>,
    date: Option<String>,
    byline: Option<&'a str>,
    image_credit: Option<&'a str>,
    comment_count: Option<u32>,
    body: String,
    blocks: Vec<BlockRec<'a>>,
    chrome: Vec<ChromeRec<'a>>,
    line_labels: Vec<&'static str>,
    line_scores: Vec<f32>,
}

#[derive(Serialize)]
struct BlockRec<'a> {
    kind: &'static str,
    text: &'a str,
    span: [usize; 2],
}

#[derive(Serialize)]
struct ChromeRec<'a> {
    kind: &'static str,
    text: &'a str,
    span: [usize; 2],
    lines: [usize; 2],
}

fn main() -> ExitCode {
    let mut format = Format::Text;
    let mut mode = Mode::Balanced;
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--format" | "-f" => {
                format = match args.next().as_deref() {
                    Some("text") => Format::Text,
                    Some("json") => Format::Json,
                    Some("jsonl") => Format::Jsonl,
                    other => return usage_error(&format!("unknown format {other:?}")),
                }
            }
            "--mode" => {
                mode = match args.next().as_deref() {
                    Some("precision") => Mode::Precision,
                    Some("balanced") => Mode::Balanced,
                    Some("recall") => Mode::Recall,
                    other => return usage_error(&format!("unknown mode {other:?}")),
                }
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ if arg.starts_with("--") => return usage_error(&format!("unknown option {arg}")),
            _ => paths.push(arg),
        }
    }
    if paths.is_empty() {
        return usage_error("no PATH given");
    }

    let mut inputs: Vec<(String, Option<PathBuf>)> = Vec::new();
    for p in &paths {
        if p == "-" {
            inputs.push(("stdin".to_string(), None));
            continue;
        }
        let path = Path::new(p);
        if path.is_dir() {
            let mut files: Vec<PathBuf> = match std::fs::read_dir(path) {
                Ok(rd) => rd
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|f| f.extension().is_some_and(|x| x == "txt"))
                    .collect(),
                Err(e) => return fail(&format!("cannot read directory {p}: {e}")),
            };
            files.sort();
            for f in files {
                inputs.push((stem(&f), Some(f)));
            }
        } else {
            inputs.push((stem(path), Some(path.to_path_buf())));
        }
    }

    let cleaner = Cleaner::builder().mode(mode).build();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut status = ExitCode::SUCCESS;
    for (id, path) in inputs {
        let text = match read_input(path.as_deref()) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("clean: {id}: {e}");
                status = ExitCode::FAILURE;
                continue;
            }
        };
        let article = match cleaner.clean_bytes(&text) {
            Ok(a) => a,
            Err(e) => {
                eprintln!("clean: {id}: {e}");
                status = ExitCode::FAILURE;
                continue;
            }
        };
        let written = match format {
            Format::Text => write_text(&mut out, &id, &article),
            Format::Json | Format::Jsonl => {
                let rec = record(&id, &article);
                let r = if format == Format::Json {
                    serde_json::to_writer_pretty(&mut out, &rec)
                } else {
                    serde_json::to_writer(&mut out, &rec)
                };
                r.map_err(io::Error::from).and_then(|()| writeln!(out))
            }
        };
        if let Err(e) = written {
            if e.kind() == io::ErrorKind::BrokenPipe {
                return status;
            }
            return fail(&format!("cannot write output: {e}"));
        }
    }
    if let Err(e) = out.flush() {
        if e.kind() != io::ErrorKind::BrokenPipe {
            return fail(&format!("cannot write output: {e}"));
        }
    }
    status
}

fn record<'a>(id: &'a str, a: &'a Article<'a>) -> Record<'a> {
    Record {
        id,
        title: a.title(),
        date: a.date().map(|d| d.to_string()),
        byline: a.byline(),
        image_credit: a.image_credit(),
        comment_count: a.comment_count(),
        body: a.body_text(),
        blocks: a
            .blocks()
            .iter()
            .map(|b| BlockRec {
                kind: b.kind.as_str(),
                text: &b.text,
                span: [b.span.start, b.span.end],
            })
            .collect(),
        chrome: a
            .chrome()
            .iter()
            .map(|c| ChromeRec {
                kind: c.kind.as_str(),
                text: &c.text,
                span: [c.span.start, c.span.end],
                lines: [c.lines.start, c.lines.end],
            })
            .collect(),
        line_labels: a.lines().iter().map(|l| l.label.as_str()).collect(),
        line_scores: a
            .lines()
            .iter()
            .map(|l| (l.score * 1000.0).round() / 1000.0)
            .collect(),
    }
}

fn write_text(out: &mut impl Write, id: &str, a: &Article<'_>) -> io::Result<()> {
    writeln!(out, "=== {id}")?;
    if let Some(t) = a.title() {
        writeln!(out, "# {t}")?;
    }
    let mut meta = Vec::new();
    if let Some(d) = a.date() {
        meta.push(format!("date: {d}"));
    }
    if let Some(b) = a.byline() {
        meta.push(format!("by: {b}"));
    }
    if let Some(c) = a.image_credit() {
        meta.push(format!("image: {c}"));
    }
    if let Some(c) = a.comment_count() {
        meta.push(format!("comments: {c}"));
    }
    if !meta.is_empty() {
        writeln!(out, "({})", meta.join(" | "))?;
    }
    writeln!(out)?;
    for b in a.blocks() {
        match b.kind {
            dumpclean::BlockKind::Heading => writeln!(out, "## {}\n", b.text)?,
            dumpclean::BlockKind::ListItem => writeln!(out, "{}\n", b.text)?,
            _ => writeln!(out, "{}\n", b.text)?,
        }
    }
    let dropped: usize = a.chrome().iter().map(|c| c.lines.len()).sum();
    writeln!(
        out,
        "[{} chrome segments over {} lines dropped]",
        a.chrome().len(),
        dropped
    )
}

fn read_input(path: Option<&Path>) -> io::Result<Vec<u8>> {
    match path {
        Some(p) => std::fs::read(p),
        None => {
            let mut bytes = Vec::new();
            io::stdin().read_to_end(&mut bytes)?;
            Ok(bytes)
        }
    }
}

fn stem(p: &Path) -> String {
    p.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| p.display().to_string())
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("clean: {msg}\n{USAGE}");
    ExitCode::from(2)
}

fn fail(msg: &str) -> ExitCode {
    eprintln!("clean: {msg}");
    ExitCode::FAILURE
}
