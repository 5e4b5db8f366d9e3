//! Clean raw page dumps: files, directories, stdin, or JSONL corpora.
//!
//! ```text
//! clean [OPTIONS] PATH...
//! ```
//!
//! PATH is a dump file, a directory (every `*.txt` in it, sorted by name), a
//! `.jsonl` corpus (one `{"id", "text"}` object per line, optionally with
//! `site` or `url`), or `-` for standard input (a dump; a JSONL corpus with
//! `--input jsonl`).
//!
//! `text` (the default) prints a readable article; `json` prints one pretty
//! JSON object per dump; `jsonl` one object per line with `id`, the metadata,
//! `body`, `blocks`, `chrome`, `line_labels` (one label per input line, split
//! on `\n`) and `line_scores`. Output is in input order.
//!
//! Corpus mode (`--site-profiles`): a JSONL corpus is read twice; the first
//! pass learns a [`dumpclean::SiteProfile`] per site (the record's `site`, or
//! the host of its `url`), the second cleans every page with its site's
//! profile. `--save-profiles FILE` writes the profiles learned (JSON);
//! `--load-profiles FILE` cleans with saved profiles in one pass.

use dumpclean::{Article, ChromeKind, Cleaner, Label, Mode, SiteProfile};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufReader, BufWriter, IsTerminal, Read, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::OnceLock;
use std::time::Instant;

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Text,
    Json,
    Jsonl,
}

#[derive(Clone, Copy, PartialEq)]
enum Input {
    /// By the path: `.jsonl` files are corpora, anything else a dump.
    Auto,
    /// Every path, `-` included, is a JSONL corpus.
    Jsonl,
}

#[derive(Clone, Copy, PartialEq)]
enum OnError {
    Skip,
    Stop,
}

const USAGE: &str = "usage: dumpclean [OPTIONS] PATH...
  PATH                 a dump file, a directory (every *.txt, sorted), a .jsonl
                       corpus ({\"id\",\"text\"[,\"site\"|\"url\"]} per line), or -
                       for stdin
  --format FORMAT      text (default), json or jsonl
  --mode MODE          precision, balanced (default) or recall
  --input jsonl        read every PATH, - included, as a JSONL corpus
  --on-error ACTION    a bad record or dump: skip (default; reported on stderr)
                       or stop
  --site-profiles      corpus mode: learn a site profile per site (the record's
                       site, or its url's host) in a first pass over each
                       corpus, then clean each page with its site's profile
  --save-profiles FILE write the learned profiles to FILE (JSON)
  --load-profiles FILE clean with the profiles saved in FILE (one pass)
  --max-profile-lines N
                       distinct lines kept per site profile (default 200000)
  --jobs N             worker threads (default: all cores); the output is the
                       same for any N
  --stats              print documents, bytes, seconds, MB/s, empty articles
                       and errors on stderr at the end";

struct Options {
    format: Format,
    mode: Mode,
    input: Input,
    on_error: OnError,
    site_profiles: bool,
    save_profiles: Option<PathBuf>,
    load_profiles: Option<PathBuf>,
    max_profile_lines: usize,
    stats: bool,
    jobs: usize,
    paths: Vec<String>,
}

#[derive(Serialize)]
struct Record<'a> {
    id: &'a str,
    title: Option<&'a str>,
    date: Option<String>,
    byline: Option<&'a str>,
    image_credit: Option<&'a str>,
    comment_count: Option<u32>,
    body: Body<'a>,
    blocks: Vec<BlockRec<'a>>,
    chrome: Chrome<'a>,
    line_labels: LineLabels<'a>,
    line_scores: LineScores<'a>,
}

/// The body text, written block by block (no copy of the body in memory).
struct Body<'a>(&'a [dumpclean::Block<'a>]);

impl std::fmt::Display for Body<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, b) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n\n")?;
            }
            f.write_str(&b.text)?;
        }
        Ok(())
    }
}

impl Serialize for Body<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The chrome segments, written one by one.
struct Chrome<'a>(&'a [dumpclean::ChromeSegment<'a>]);

impl Serialize for Chrome<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|c| ChromeRec {
            kind: c.kind.as_str(),
            text: &c.text,
            span: [c.span.start, c.span.end],
            lines: [c.lines.start, c.lines.end],
        }))
    }
}

/// The label of every line, written one by one.
struct LineLabels<'a>(&'a [dumpclean::LineInfo]);

impl Serialize for LineLabels<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|l| l.label.as_str()))
    }
}

/// The score of every line, rounded to three decimals, written one by one.
struct LineScores<'a>(&'a [dumpclean::LineInfo]);

impl Serialize for LineScores<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|l| (l.score * 1000.0).round() / 1000.0))
    }
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

/// One record of a JSONL corpus; its strings without escapes borrow from
/// the line.
#[derive(Deserialize)]
struct InRecord<'a> {
    id: Option<serde_json::Value>,
    #[serde(borrow)]
    text: Option<Str<'a>>,
    #[serde(borrow)]
    site: Option<Str<'a>>,
    #[serde(borrow)]
    url: Option<Str<'a>>,
    /// How `text` was written in the line (when read without serde_json).
    #[serde(skip)]
    text_escapes: Option<Escapes<'a>>,
}

/// How a string was written in a JSON line: its bytes between the quotes,
/// and where each escape ends in the string and in those bytes. A part of
/// the string whose escapes are all written as serde_json writes them is
/// written back by copying its bytes.
#[derive(Default)]
struct Escapes<'a> {
    raw: &'a [u8],
    /// The end of each escape in the string and in `raw`, in order.
    ends: Vec<(usize, usize)>,
    /// The end in the string of each escape serde_json writes otherwise
    /// (`\/`, `\uXXXX`), in order.
    odd: Vec<usize>,
}

impl Escapes<'_> {
    /// Where the string's byte `at` was written in `raw`. `next` is the
    /// number of escapes that end at or before the byte asked for last (a
    /// guess: bytes are mostly asked for in order), and is set to the number
    /// of those that end at or before `at`.
    fn raw_at(&self, at: usize, next: &std::cell::Cell<usize>) -> usize {
        let ends = &self.ends;
        let mut k = next.get();
        if k > ends.len() || (k > 0 && ends[k - 1].0 > at) {
            k = ends.partition_point(|&(end, _)| end <= at);
        } else {
            while ends.get(k).is_some_and(|&(end, _)| end <= at) {
                k += 1;
            }
        }
        next.set(k);
        match k {
            0 => at,
            _ => {
                let (end, raw_end) = ends[k - 1];
                raw_end + (at - end)
            }
        }
    }

    /// The bytes `part` of the string `text` was written as, when they are
    /// the ones serde_json writes for it: `part` lies in `text`, and its
    /// escapes are all of the usual kind.
    fn written(&self, text: &str, part: &str, next: &std::cell::Cell<usize>) -> Option<&[u8]> {
        let base = text.as_ptr() as usize;
        let start = (part.as_ptr() as usize).checked_sub(base)?;
        let end = start + part.len();
        if end > text.len() {
            return None;
        }
        let k = self.odd.partition_point(|&e| e <= start);
        if self.odd.get(k).is_some_and(|&e| e <= end) {
            return None;
        }
        self.raw
            .get(self.raw_at(start, next)..self.raw_at(end, next))
    }
}

/// A JSON string, borrowed from the input when it has no escapes. (With
/// `#[serde(borrow)]`, a `Cow<str>` field borrows, an `Option<Cow<str>>`
/// never does.) It takes what a `String` takes, with the same errors.
struct Str<'a>(Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for Str<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Cow<'de, str>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Self::Value, E> {
                Ok(Cow::Borrowed(s))
            }
            fn visit_str<E>(self, s: &str) -> Result<Self::Value, E> {
                Ok(Cow::Owned(s.to_owned()))
            }
            fn visit_string<E>(self, s: String) -> Result<Self::Value, E> {
                Ok(Cow::Owned(s))
            }
        }
        d.deserialize_string(Visitor).map(Str)
    }
}

/// Read one record of a JSONL corpus. The usual line, an object whose keys
/// are among `id`, `text`, `site` and `url`, each at most once, with string
/// or `null` values, is read here; anything else, errors included, by
/// serde_json (which reads the usual line the same way).
fn read_record(line: &[u8]) -> Result<InRecord<'_>, serde_json::Error> {
    match Scan::new(line).record() {
        Some(r) => Ok(r),
        None => serde_json::from_slice(line),
    }
}

/// A reader of the usual record: `None` for anything else.
struct Scan<'a> {
    bytes: &'a [u8],
    at: usize,
    /// How the last string read was written.
    escapes: Escapes<'a>,
}

impl<'a> Scan<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Scan {
            bytes,
            at: 0,
            escapes: Escapes::default(),
        }
    }

    fn record(mut self) -> Option<InRecord<'a>> {
        let mut rec = InRecord {
            id: None,
            text: None,
            site: None,
            url: None,
            text_escapes: None,
        };
        let mut seen = [false; 4];
        self.space();
        self.eat(b'{')?;
        self.space();
        if self.eat(b'}').is_none() {
            loop {
                self.eat(b'"')?;
                let key = &self.bytes[self.at..];
                let len = key.iter().position(|&b| b == b'"')?;
                let field = match &key[..len] {
                    b"id" => 0,
                    b"text" => 1,
                    b"site" => 2,
                    b"url" => 3,
                    _ => return None,
                };
                if std::mem::replace(&mut seen[field], true) {
                    return None;
                }
                self.at += len + 1;
                self.space();
                self.eat(b':')?;
                self.space();
                let value = if self.bytes[self.at..].starts_with(b"null") {
                    self.at += 4;
                    None
                } else {
                    Some(self.string()?)
                };
                match field {
                    0 => rec.id = value.map(|v| serde_json::Value::String(v.into_owned())),
                    1 => {
                        if value.is_some() {
                            rec.text_escapes = Some(std::mem::take(&mut self.escapes));
                        }
                        rec.text = value.map(Str);
                    }
                    2 => rec.site = value.map(Str),
                    _ => rec.url = value.map(Str),
                }
                self.space();
                if self.eat(b'}').is_some() {
                    break;
                }
                self.eat(b',')?;
                self.space();
            }
        }
        self.space();
        (self.at == self.bytes.len()).then_some(rec)
    }

    /// JSON white space, as serde_json skips it.
    fn space(&mut self) {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    fn eat(&mut self, b: u8) -> Option<()> {
        (self.bytes.get(self.at) == Some(&b)).then(|| self.at += 1)
    }

    /// A string: borrowed when it has no escapes, unescaped otherwise.
    fn string(&mut self) -> Option<Cow<'a, str>> {
        let b = self.bytes;
        self.eat(b'"')?;
        let start = self.at;
        let mut i = next_escape(b, start)?;
        let (mut ends, mut odd) = (
            std::mem::take(&mut self.escapes.ends),
            std::mem::take(&mut self.escapes.odd),
        );
        ends.clear();
        odd.clear();
        if b[i] == b'"' {
            self.at = i + 1;
            self.escapes = Escapes {
                raw: &b[start..i],
                ends,
                odd,
            };
            return std::str::from_utf8(&b[start..i]).ok().map(Cow::Borrowed);
        }
        ends.reserve((b.len() - i) / 32);
        let mut out = Vec::with_capacity(b.len() - start);
        let mut run = start;
        loop {
            out.extend_from_slice(&b[run..i]);
            match b[i] {
                b'"' => break,
                b'\\' => {
                    let escape = *b.get(i + 1)?;
                    i += 2;
                    let byte = match escape {
                        b'"' | b'\\' | b'/' => escape,
                        b'b' => 0x08,
                        b'f' => 0x0c,
                        b'n' => b'\n',
                        b'r' => b'\r',
                        b't' => b'\t',
                        b'u' => {
                            let mut c = hex4(b.get(i..i + 4)?)?;
                            i += 4;
                            if (0xd800..0xdc00).contains(&c) {
                                // Only a whole surrogate pair: anything else
                                // is serde_json's to report.
                                if b.get(i..i + 2)? != b"\\u" {
                                    return None;
                                }
                                let low = hex4(b.get(i + 2..i + 6)?)?;
                                if !(0xdc00..0xe000).contains(&low) {
                                    return None;
                                }
                                i += 6;
                                c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
                            }
                            let c = char::from_u32(c)?;
                            out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                            0
                        }
                        _ => return None,
                    };
                    if escape != b'u' {
                        out.push(byte);
                    }
                    ends.push((out.len(), i - start));
                    if matches!(escape, b'u' | b'/') {
                        odd.push(out.len());
                    }
                    run = i;
                }
                // A control character.
                _ => return None,
            }
            // The next escape, often right after this one.
            if b.get(i) != Some(&b'\\') {
                i = next_escape(b, i)?;
            }
        }
        self.at = i + 1;
        self.escapes = Escapes {
            raw: &b[start..i],
            ends,
            odd,
        };
        // Escapes give whole characters, so the text is UTF-8 exactly when
        // every run between them is.
        String::from_utf8(out).ok().map(Cow::Owned)
    }
}

/// Four hex digits.
fn hex4(digits: &[u8]) -> Option<u32> {
    digits
        .iter()
        .try_fold(0, |n, &d| Some(n * 16 + char::from(d).to_digit(16)?))
}

/// A run's counts, for `--stats`.
#[derive(Default)]
struct Stats {
    docs: u64,
    bytes: u64,
    empty: u64,
    errors: u64,
}

/// Why the run stops early.
#[derive(Debug)]
enum Stop {
    /// A bad record or dump with `--on-error stop` (already reported).
    Bad,
    /// Output or input failed.
    Io(String),
}

fn main() -> ExitCode {
    let opts = match parse_args(std::env::args().skip(1)) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let cleaner = Cleaner::builder().mode(opts.mode).build();
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(opts.jobs)
        .build()
    {
        Ok(p) => p,
        Err(e) => return fail(&format!("cannot start {} threads: {e}", opts.jobs)),
    };
    let mut profiles: BTreeMap<String, SiteProfile> = BTreeMap::new();
    if let Some(path) = &opts.load_profiles {
        match load_profiles(path) {
            Ok(p) => profiles = p,
            Err(e) => {
                return fail(&format!(
                    "cannot load profiles from {}: {e}",
                    path.display()
                ))
            }
        }
    }

    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut stats = Stats::default();
    let start = Instant::now();
    let mut progress = Progress::new(opts.stats || io::stderr().is_terminal());
    let mut result = Ok(());
    for p in &opts.paths {
        let jsonl = opts.input == Input::Jsonl || p.ends_with(".jsonl");
        let mut run = Run {
            opts: &opts,
            cleaner: &cleaner,
            pool: &pool,
            out: &mut out,
            stats: &mut stats,
            progress: &mut progress,
        };
        result = if jsonl {
            run.corpus(p, &mut profiles)
        } else {
            run.dumps(p)
        };
        if result.is_err() {
            break;
        }
    }
    progress.clear();
    let flushed = out.flush();

    if let (Some(path), Ok(())) = (&opts.save_profiles, &result) {
        if let Err(e) = save_profiles(path, &profiles) {
            return fail(&format!("cannot write profiles to {}: {e}", path.display()));
        }
    }
    if opts.stats {
        let secs = start.elapsed().as_secs_f64();
        eprintln!(
            "clean: {} documents, {} bytes, {:.3} s, {:.1} MB/s, {} empty articles, {} errors",
            stats.docs,
            stats.bytes,
            secs,
            stats.bytes as f64 / 1e6 / secs.max(1e-9),
            stats.empty,
            stats.errors
        );
    }
    match (result, flushed) {
        (Err(Stop::Io(msg)), _) => fail(&msg),
        (_, Err(e)) if e.kind() != io::ErrorKind::BrokenPipe => {
            fail(&format!("cannot write output: {e}"))
        }
        (Err(Stop::Bad), _) => ExitCode::FAILURE,
        _ if stats.errors > 0 => ExitCode::FAILURE,
        _ => ExitCode::SUCCESS,
    }
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Options, ExitCode> {
    let mut o = Options {
        format: Format::Text,
        mode: Mode::Balanced,
        input: Input::Auto,
        on_error: OnError::Skip,
        site_profiles: false,
        save_profiles: None,
        load_profiles: None,
        max_profile_lines: dumpclean::DEFAULT_MAX_LINES,
        stats: false,
        jobs: std::thread::available_parallelism().map_or(1, |n| n.get()),
        paths: Vec::new(),
    };
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .ok_or_else(|| usage_error(&format!("{name} needs a value")))
        };
        match arg.as_str() {
            "--format" | "-f" => {
                o.format = match value("--format")?.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    "jsonl" => Format::Jsonl,
                    other => return Err(usage_error(&format!("unknown format {other:?}"))),
                }
            }
            "--mode" => {
                o.mode = match value("--mode")?.as_str() {
                    "precision" => Mode::Precision,
                    "balanced" => Mode::Balanced,
                    "recall" => Mode::Recall,
                    other => return Err(usage_error(&format!("unknown mode {other:?}"))),
                }
            }
            "--input" => {
                o.input = match value("--input")?.as_str() {
                    "jsonl" => Input::Jsonl,
                    "auto" => Input::Auto,
                    other => return Err(usage_error(&format!("unknown input {other:?}"))),
                }
            }
            "--on-error" => {
                o.on_error = match value("--on-error")?.as_str() {
                    "skip" => OnError::Skip,
                    "stop" => OnError::Stop,
                    other => return Err(usage_error(&format!("unknown action {other:?}"))),
                }
            }
            "--site-profiles" => o.site_profiles = true,
            "--save-profiles" => o.save_profiles = Some(PathBuf::from(value("--save-profiles")?)),
            "--load-profiles" => o.load_profiles = Some(PathBuf::from(value("--load-profiles")?)),
            "--max-profile-lines" => {
                let v = value("--max-profile-lines")?;
                o.max_profile_lines = v.parse().map_err(|_| {
                    usage_error(&format!("--max-profile-lines: not a number: {v:?}"))
                })?;
            }
            "--stats" => o.stats = true,
            "--jobs" | "-j" => {
                let v = value("--jobs")?;
                o.jobs = match v.parse() {
                    Ok(n) if n > 0 => n,
                    _ => {
                        return Err(usage_error(&format!(
                            "--jobs: not a positive number: {v:?}"
                        )))
                    }
                };
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return Err(ExitCode::SUCCESS);
            }
            _ if arg.starts_with("--") => {
                return Err(usage_error(&format!("unknown option {arg}")))
            }
            _ => o.paths.push(arg),
        }
    }
    if o.paths.is_empty() {
        return Err(usage_error("no PATH given"));
    }
    if o.save_profiles.is_some() && !o.site_profiles {
        return Err(usage_error("--save-profiles needs --site-profiles"));
    }
    if o.site_profiles && o.load_profiles.is_some() {
        return Err(usage_error(
            "--site-profiles learns profiles, --load-profiles reads them: give one",
        ));
    }
    Ok(o)
}

/// How many records or dumps are cleaned together (and held in memory at
/// most, with their output).
const CHUNK_RECORDS: usize = 1024;
/// A chunk ends once its input passes this many bytes.
const CHUNK_BYTES: usize = 64 << 20;

/// The bytes read for one batch of a streamed JSONL corpus (a dozen records
/// of the usual size): small, so that the workers share the work evenly.
const BATCH_BLOCK: usize = 128 << 10;
/// The bytes read for one chunk of a JSONL corpus read in chunks.
const CHUNK_BLOCK: usize = 16 << 20;
/// A dump file of this many bytes or more is cleaned on its own and written
/// straight to the output, not kept in memory as output.
const LARGE_DUMP: u64 = 8 << 20;

/// What cleaning one record or dump gave: its output, or a message for a bad one.
struct Outcome {
    output: Result<Vec<u8>, String>,
    bytes: u64,
    empty: bool,
}

/// One run over the inputs: where output and counts go.
struct Run<'r, W: Write> {
    opts: &'r Options,
    cleaner: &'r Cleaner,
    pool: &'r rayon::ThreadPool,
    out: &'r mut W,
    stats: &'r mut Stats,
    progress: &'r mut Progress,
}

impl<W: Write> Run<'_, W> {
    /// Dump files, directories of dumps, or one dump on stdin.
    fn dumps(&mut self, path: &str) -> Result<(), Stop> {
        let mut inputs: Vec<(String, Option<PathBuf>)> = Vec::new();
        if path == "-" {
            inputs.push(("stdin".to_string(), None));
        } else if Path::new(path).is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(path)
                .map_err(|e| Stop::Io(format!("cannot read directory {path}: {e}")))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.extension().is_some_and(|x| x == "txt"))
                .collect();
            files.sort();
            inputs.extend(files.into_iter().map(|f| (stem(&f), Some(f))));
        } else {
            inputs.push((stem(Path::new(path)), Some(PathBuf::from(path))));
        }
        let (cleaner, format) = (self.cleaner, self.opts.format);
        // Dumps are cleaned in parallel chunks, their outputs kept in memory
        // until written in order; a large dump is cleaned on its own and
        // written straight to the output.
        let mut chunks: Vec<&[(String, Option<PathBuf>)]> = Vec::new();
        let (mut start, mut bytes) = (0, 0);
        for (i, (_, file)) in inputs.iter().enumerate() {
            let len = file
                .as_deref()
                .and_then(|f| std::fs::metadata(f).ok())
                .map_or(u64::MAX, |m| m.len());
            if len >= LARGE_DUMP {
                if start < i {
                    chunks.push(&inputs[start..i]);
                }
                chunks.push(&inputs[i..i + 1]);
                (start, bytes) = (i + 1, 0);
                continue;
            }
            bytes += len;
            if i + 1 - start == CHUNK_RECORDS || bytes >= CHUNK_BYTES as u64 {
                chunks.push(&inputs[start..=i]);
                (start, bytes) = (i + 1, 0);
            }
        }
        if start < inputs.len() {
            chunks.push(&inputs[start..]);
        }
        for chunk in chunks {
            if let [(id, file)] = chunk {
                self.large_dump(id, file.as_deref())?;
                continue;
            }
            let outcomes: Vec<Outcome> = self.pool.install(|| {
                chunk
                    .par_iter()
                    .map(|(id, file)| match read_input(file.as_deref()) {
                        Ok(bytes) => {
                            let n = bytes.len() as u64;
                            let r = cleaner.clean_bytes(&bytes).map_err(|e| e.to_string());
                            render(format, id, r, n, None)
                        }
                        Err(e) => Outcome {
                            output: Err(format!("{id}: {e}")),
                            bytes: 0,
                            empty: false,
                        },
                    })
                    .collect()
            });
            self.emit(outcomes)?;
        }
        Ok(())
    }

    /// One dump, cleaned and written straight to the output.
    fn large_dump(&mut self, id: &str, file: Option<&Path>) -> Result<(), Stop> {
        let bytes = match read_input(file) {
            Ok(b) => b,
            Err(e) => return bad(self.opts, self.stats, &format!("{id}: {e}")),
        };
        self.stats.bytes += bytes.len() as u64;
        let article = match self.pool.install(|| self.cleaner.clean_bytes(&bytes)) {
            Ok(a) => a,
            Err(e) => return bad(self.opts, self.stats, &format!("{id}: {e}")),
        };
        write_article(&mut *self.out, self.opts.format, id, &article)
            .map_err(|e| Stop::Io(format!("cannot write output: {e}")))?;
        self.stats.docs += 1;
        self.stats.empty += u64::from(article.is_empty());
        self.progress.tick(self.stats);
        Ok(())
    }

    /// A JSONL corpus: one pass, or two with `--site-profiles`.
    fn corpus(
        &mut self,
        path: &str,
        profiles: &mut BTreeMap<String, SiteProfile>,
    ) -> Result<(), Stop> {
        let opts = self.opts;
        if opts.site_profiles {
            if path == "-" {
                return Err(Stop::Io(
                    "--site-profiles reads a corpus twice: give a file, not -".to_string(),
                ));
            }
            // First pass: learn, on every thread, and merge (merging equals
            // learning on the union, so the result does not depend on the
            // threads). Bad records are reported in the second pass.
            let max = opts.max_profile_lines;
            for_each_chunk(path, |chunk| {
                let learned = self.pool.install(|| {
                    chunk
                        .lines
                        .par_iter()
                        .fold(
                            BTreeMap::new,
                            |mut m: BTreeMap<String, SiteProfile>, (_, raw)| {
                                if let Ok(InRecord {
                                    text: Some(text),
                                    site,
                                    url,
                                    ..
                                }) = read_record(chunk.line(raw))
                                {
                                    let (site, url) = (site.as_ref(), url.as_ref());
                                    if let Some(site) =
                                        site_of(site.map(|s| &*s.0), url.map(|u| &*u.0))
                                    {
                                        match m.get_mut(&*site) {
                                            Some(p) => p.learn(&text.0),
                                            None => {
                                                let mut p = SiteProfile::with_max_lines(max);
                                                p.learn(&text.0);
                                                m.insert(site.into_owned(), p);
                                            }
                                        }
                                    }
                                }
                                m
                            },
                        )
                        .reduce(BTreeMap::new, merge_profiles)
                });
                *profiles = merge_profiles(std::mem::take(profiles), learned);
                Ok(())
            })?;
        }
        let (cleaner, format) = (self.cleaner, opts.format);
        let profiles = &*profiles;
        self.stream(path, |line_no, raw| {
            clean_record(cleaner, format, path, profiles, line_no, raw)
        })
    }

    /// The records of a JSONL corpus, each turned into an outcome by `work`
    /// on `--jobs` worker threads and written in input order: a reader
    /// thread reads small batches of lines, the workers take a batch each as
    /// they become free, and this thread writes the outcomes as soon as
    /// those before them are written. No worker waits for a slow record of
    /// another (as with chunks cleaned in parallel), and memory holds a few
    /// batches per worker.
    fn stream(
        &mut self,
        path: &str,
        work: impl Fn(u64, &[u8]) -> Outcome + Sync,
    ) -> Result<(), Stop> {
        use std::sync::atomic::{AtomicBool, Ordering};
        use std::sync::{mpsc, Mutex};
        let jobs = self.pool.current_num_threads().max(1);
        let stop = AtomicBool::new(false);
        let (batch_tx, batch_rx) = mpsc::sync_channel::<(usize, Chunk)>(2 * jobs);
        let batch_rx = Mutex::new(batch_rx);
        let (out_tx, out_rx) = mpsc::channel::<(usize, Vec<Outcome>)>();
        let (stop, batch_rx, work) = (&stop, &batch_rx, &work);
        std::thread::scope(|s| {
            // The reader owns the sending end: when it returns, the channel
            // closes and the workers finish.
            let reader = s.spawn(move || {
                let mut seq = 0;
                for_each_batch(path, BATCH_BLOCK, |chunk| {
                    if stop.load(Ordering::Relaxed)
                        || batch_tx.send((seq, std::mem::take(chunk))).is_err()
                    {
                        return Err(Stop::Bad);
                    }
                    seq += 1;
                    Ok(())
                })
            });
            for _ in 0..jobs {
                let out_tx = out_tx.clone();
                s.spawn(move || loop {
                    // Take the next batch; after a stop, keep taking (and
                    // dropping) them until the reader has stopped too.
                    let next = match batch_rx.lock() {
                        Ok(rx) => rx.recv(),
                        Err(_) => break,
                    };
                    let Ok((seq, chunk)) = next else { break };
                    if stop.load(Ordering::Relaxed) {
                        continue;
                    }
                    let outcomes = chunk
                        .lines
                        .iter()
                        .map(|(line_no, raw)| work(*line_no, chunk.line(raw)))
                        .collect();
                    if out_tx.send((seq, outcomes)).is_err() {
                        stop.store(true, Ordering::Relaxed);
                    }
                });
            }
            drop(out_tx);
            // Write in order: batches that finish early wait here for those before them.
            let mut waiting: BTreeMap<usize, Vec<Outcome>> = BTreeMap::new();
            let mut next = 0;
            let mut written = Ok(());
            for (seq, outcomes) in out_rx {
                waiting.insert(seq, outcomes);
                while let Some(outcomes) = waiting.remove(&next) {
                    next += 1;
                    if written.is_ok() {
                        written = self.emit(outcomes);
                        if written.is_err() {
                            stop.store(true, Ordering::Relaxed);
                        }
                    }
                }
            }
            let read = reader
                .join()
                .unwrap_or(Err(Stop::Io("the reader failed".to_string())));
            match (written, read) {
                (Err(e), _) => Err(e),
                // The reader stopped because the writer did: not an error of its own.
                (Ok(()), Err(Stop::Bad)) => Ok(()),
                (Ok(()), read) => read,
            }
        })
    }

    /// Write the outcomes in order; report the bad ones.
    fn emit(&mut self, outcomes: Vec<Outcome>) -> Result<(), Stop> {
        for o in outcomes {
            self.stats.bytes += o.bytes;
            match o.output {
                Ok(bytes) => {
                    self.stats.docs += 1;
                    self.stats.empty += u64::from(o.empty);
                    self.out
                        .write_all(&bytes)
                        .map_err(|e| Stop::Io(format!("cannot write output: {e}")))?;
                }
                Err(msg) => bad(self.opts, self.stats, &msg)?,
            }
        }
        self.progress.tick(self.stats);
        Ok(())
    }
}

/// One record of a JSONL corpus (line `line_no` of `path`), cleaned with
/// its site's profile if `profiles` has one, and rendered in `format`.
fn clean_record(
    cleaner: &Cleaner,
    format: Format,
    path: &str,
    profiles: &BTreeMap<String, SiteProfile>,
    line_no: u64,
    raw: &[u8],
) -> Outcome {
    let bad = |msg: String| Outcome {
        output: Err(format!("{path}:{line_no}: {msg}")),
        bytes: 0,
        empty: false,
    };
    let rec = match read_record(raw) {
        Ok(r) => r,
        Err(e) => return bad(format!("invalid JSON: {e}")),
    };
    let id = match rec.id {
        Some(serde_json::Value::String(s)) => s,
        Some(v) => v.to_string(),
        None => format!("{line_no}"),
    };
    let Some(Str(text)) = rec.text else {
        return bad(format!("record {id} has no \"text\""));
    };
    // Without profiles, no record needs its site.
    let profile = if profiles.is_empty() {
        None
    } else {
        let (site, url) = (rec.site.as_ref(), rec.url.as_ref());
        site_of(site.map(|s| &*s.0), url.map(|u| &*u.0))
            .and_then(|s| profiles.get(&*s))
            .filter(|p| p.pages() >= 2)
    };
    let r = match profile {
        Some(p) => cleaner.clean_with_profile(&text, p),
        None => cleaner.clean(&text),
    };
    let r = r.map_err(|e| format!("{path}:{line_no}: record {id}: {e}"));
    let next = std::cell::Cell::new(0);
    let from = rec.text_escapes.as_ref().map(|e| (&*text, e, &next));
    let mut o = render(format, &id, r, text.len() as u64, from);
    if let Err(msg) = &mut o.output {
        if !msg.starts_with(path) {
            *msg = format!("{path}:{line_no}: {msg}");
        }
    }
    o
}

/// A string (the text an article was cleaned from) and how it was written
/// in its JSON line, with where [`Escapes::raw_at`] looked last.
type Written<'t> = (&'t str, &'t Escapes<'t>, &'t std::cell::Cell<usize>);

/// One cleaned article (or its error) rendered in `format`; `from`, the
/// text it was cleaned from as it was written, when there is one.
fn render(
    format: Format,
    id: &str,
    r: Result<Article<'_>, String>,
    bytes: u64,
    from: Option<Written<'_>>,
) -> Outcome {
    match r {
        Ok(a) => {
            let written = match format {
                Format::Jsonl => {
                    let mut buf = Vec::with_capacity(jsonl_size(id, &a));
                    write_jsonl(&mut buf, id, &a, from);
                    buf.push(b'\n');
                    Ok(buf)
                }
                Format::Text | Format::Json => {
                    // A JSON record holds the body twice, the chrome once and a
                    // label and a score per line: about twice the input.
                    let guess = match format {
                        Format::Text => bytes as usize / 2,
                        _ => bytes as usize * 2 + 16 * a.lines().len(),
                    };
                    let mut buf = Vec::with_capacity(guess + 256);
                    write_article(&mut buf, format, id, &a).map(|()| buf)
                }
            };
            Outcome {
                output: written.map_err(|e| format!("{id}: {e}")),
                bytes,
                empty: a.is_empty(),
            }
        }
        Err(msg) => Outcome {
            output: Err(if msg.contains(id) {
                msg
            } else {
                format!("{id}: {msg}")
            }),
            bytes,
            empty: false,
        },
    }
}

/// Write one cleaned article in `format`.
fn write_article(
    out: &mut impl Write,
    format: Format,
    id: &str,
    a: &Article<'_>,
) -> io::Result<()> {
    match format {
        Format::Text => write_text(out, id, a),
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &record(id, a))?;
            writeln!(out)
        }
        Format::Jsonl => {
            let mut buf = Vec::with_capacity(jsonl_size(id, a));
            write_jsonl(&mut buf, id, a, None);
            buf.push(b'\n');
            out.write_all(&buf)
        }
    }
}

/// About the size of an article's JSONL record, somewhat more for the
/// usual text (its escapes make it longer; a short guess only costs a
/// reallocation).
fn jsonl_size(id: &str, a: &Article<'_>) -> usize {
    let blocks: usize = a.blocks().iter().map(|b| b.text.len() + 60).sum();
    let chrome: usize = a.chrome().iter().map(|c| c.text.len() + 90).sum();
    let meta = [Some(id), a.title(), a.byline(), a.image_credit()]
        .iter()
        .map(|s| s.map_or(0, str::len))
        .sum::<usize>();
    // A line's label and score take at most 13 and 6 bytes.
    let n = 2 * blocks + chrome + 20 * a.lines().len() + meta + 256;
    n + n / 8
}

/// Write one article as a compact JSON object, byte for byte as
/// `serde_json::to_writer(out, &record(id, a))` writes it: the same keys in
/// the same order, strings escaped as serde_json escapes them, numbers
/// formatted as serde_json formats them. The texts of blocks and chrome
/// segments are copied from `from` where they were written there as
/// serde_json writes them.
fn write_jsonl(out: &mut Vec<u8>, id: &str, a: &Article<'_>, from: Option<Written<'_>>) {
    out.extend_from_slice(b"{\"id\":");
    write_json_str(out, id);
    out.extend_from_slice(b",\"title\":");
    write_json_opt_str(out, a.title());
    out.extend_from_slice(b",\"date\":");
    match a.date() {
        // A date displays as digits and dashes: nothing to escape.
        Some(d) => {
            out.push(b'"');
            // Writing to a Vec cannot fail.
            let _ = write!(out, "{d}");
            out.push(b'"');
        }
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"byline\":");
    write_json_opt_str(out, a.byline());
    out.extend_from_slice(b",\"image_credit\":");
    write_json_opt_str(out, a.image_credit());
    out.extend_from_slice(b",\"comment_count\":");
    match a.comment_count() {
        Some(n) => write_json_uint(out, n as u64),
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"body\":\"");
    // Where the body holds each block's escaped text: the blocks below
    // copy it from there rather than escape it again.
    let mut escaped = Vec::with_capacity(a.blocks().len());
    for (i, b) in a.blocks().iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(b"\\n\\n");
        }
        let start = out.len();
        write_json_part(out, &b.text, from);
        escaped.push(start..out.len());
    }
    out.extend_from_slice(b"\",\"blocks\":[");
    for (i, (b, text)) in a.blocks().iter().zip(escaped).enumerate() {
        out.extend_from_slice(if i > 0 {
            b",{\"kind\":\""
        } else {
            b"{\"kind\":\""
        });
        // Kind and label names are ASCII words: nothing to escape.
        out.extend_from_slice(b.kind.as_str().as_bytes());
        out.extend_from_slice(b"\",\"text\":\"");
        out.extend_from_within(text);
        out.extend_from_slice(b"\",\"span\":");
        write_json_pair(out, b.span.start, b.span.end);
        out.push(b'}');
    }
    out.extend_from_slice(b"],\"chrome\":[");
    for (i, c) in a.chrome().iter().enumerate() {
        out.extend_from_slice(if i > 0 {
            b",{\"kind\":\""
        } else {
            b"{\"kind\":\""
        });
        out.extend_from_slice(c.kind.as_str().as_bytes());
        out.extend_from_slice(b"\",\"text\":\"");
        write_json_part(out, &c.text, from);
        out.extend_from_slice(b"\",\"span\":");
        write_json_pair(out, c.span.start, c.span.end);
        out.extend_from_slice(b",\"lines\":");
        write_json_pair(out, c.lines.start, c.lines.end);
        out.push(b'}');
    }
    // Each label and score is written with a comma before it; the first
    // one's comma becomes the array's `[`.
    out.extend_from_slice(b"],\"line_labels\":");
    let first = out.len();
    write_json_labels(out, a.lines().iter().map(|l| l.label));
    open_array(out, first);
    out.extend_from_slice(b"],\"line_scores\":");
    let first = out.len();
    write_json_scores(out, a.lines().iter().map(|l| l.score));
    open_array(out, first);
    out.extend_from_slice(b"]}");
}

/// Each label with a comma before it.
fn write_json_labels(out: &mut Vec<u8>, labels: impl ExactSizeIterator<Item = Label>) {
    let cells = label_cells();
    put_cells(
        out,
        labels,
        |&label| label_index(label).map(|i| &cells[i]),
        |out, label| {
            // Label names are ASCII words: nothing to escape.
            out.extend_from_slice(b",\"");
            out.extend_from_slice(label.as_str().as_bytes());
            out.push(b'"');
        },
    );
}

/// Each line's score with a comma before it, rounded to three decimals,
/// as serde_json writes the f32 `(score * 1000.0).round() / 1000.0`: the
/// thousandths from 0 to 1 from [`thousandths`] (the same f32 computed the
/// same way), anything else by serde_json itself.
fn write_json_scores(out: &mut Vec<u8>, scores: impl ExactSizeIterator<Item = f32>) {
    let table = thousandths();
    put_cells(
        out,
        scores,
        // `round_small(x)` is `x.round()` where `x.round()` is one of the
        // thousandths from 0 to 1000, +0.0 included (-0.0 is not).
        |&score| round_small(score * 1000.0).map(|k| &table[k]),
        |out, score| {
            out.push(b',');
            // Writing to a Vec cannot fail.
            let _ = serde_json::to_writer(&mut *out, &((score * 1000.0).round() / 1000.0));
        },
    );
}

/// The cell of each item, one after the other; an item without a cell is
/// written by `slow`.
fn put_cells<T>(
    out: &mut Vec<u8>,
    items: impl ExactSizeIterator<Item = T>,
    cell: impl Fn(&T) -> Option<&'static Cell>,
    slow: impl Fn(&mut Vec<u8>, T),
) {
    out.reserve(16 * items.len());
    for item in items {
        match cell(&item) {
            Some(c) => c.put(out),
            None => slow(out, item),
        }
    }
}

/// The `[` of an array whose elements, written from `first` on, each
/// start with a comma: the first comma, or a `[` of its own.
fn open_array(out: &mut Vec<u8>, first: usize) {
    match out.get_mut(first) {
        Some(comma) => *comma = b'[',
        None => out.push(b'['),
    }
}

/// The labels [`label_index`] numbers, in its order.
const LABELS: [Label; 11] = [
    Label::Body,
    Label::Title,
    Label::Meta,
    Label::Blank,
    Label::Chrome(ChromeKind::Navigation),
    Label::Chrome(ChromeKind::Related),
    Label::Chrome(ChromeKind::Fixtures),
    Label::Chrome(ChromeKind::Comments),
    Label::Chrome(ChromeKind::Promo),
    Label::Chrome(ChromeKind::Footer),
    Label::Chrome(ChromeKind::Other),
];

/// Where `label` stands in [`LABELS`] (`None` for a label added since).
fn label_index(label: Label) -> Option<usize> {
    Some(match label {
        Label::Body => 0,
        Label::Title => 1,
        Label::Meta => 2,
        Label::Blank => 3,
        Label::Chrome(kind) => match kind {
            ChromeKind::Navigation => 4,
            ChromeKind::Related => 5,
            ChromeKind::Fixtures => 6,
            ChromeKind::Comments => 7,
            ChromeKind::Promo => 8,
            ChromeKind::Footer => 9,
            ChromeKind::Other => 10,
            _ => return None,
        },
        _ => return None,
    })
}

/// A comma and the label's name, quoted.
fn label_cell(label: Label) -> Cell {
    Cell::new(&[",\"", label.as_str(), "\""])
}

/// The [`label_cell`] of each of the [`LABELS`].
fn label_cells() -> &'static [Cell; LABELS.len()] {
    static CELLS: OnceLock<[Cell; LABELS.len()]> = OnceLock::new();
    CELLS.get_or_init(|| LABELS.map(label_cell))
}

/// A few bytes (at most 16) written with one fixed-size copy.
#[derive(Clone, Copy)]
struct Cell {
    bytes: [u8; 16],
    len: u8,
}

impl Cell {
    /// The parts, one after the other (at most 16 bytes in all).
    fn new(parts: &[&str]) -> Cell {
        let mut cell = Cell {
            bytes: [0; 16],
            len: 0,
        };
        for p in parts {
            let at = usize::from(cell.len);
            cell.bytes[at..at + p.len()].copy_from_slice(p.as_bytes());
            cell.len += p.len() as u8;
        }
        cell
    }

    /// Its bytes, with one copy of sixteen (those after it taken back).
    fn put(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.bytes);
        out.truncate(out.len() - (16 - usize::from(self.len)));
    }
}

/// The contents of a JSON string for `part`: copied from `from` where it
/// was written there as serde_json writes it, escaped otherwise.
fn write_json_part(out: &mut Vec<u8>, part: &str, from: Option<Written<'_>>) {
    match from.and_then(|(text, escapes, next)| escapes.written(text, part, next)) {
        Some(raw) => out.extend_from_slice(raw),
        None => write_json_escaped(out, part.as_bytes()),
    }
}

fn write_json_opt_str(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => write_json_str(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// A JSON string: quoted and escaped as serde_json escapes it.
fn write_json_str(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    write_json_escaped(out, s.as_bytes());
    out.push(b'"');
}

/// The contents of a JSON string, escaped as serde_json escapes them: `"`
/// and `\` with a backslash; `\n`, `\r`, `\t`, `\b` and `\f` by name;
/// other bytes below 0x20 as `\u00xx` (lowercase hex); everything else, DEL
/// and non-ASCII included, as it is. Runs of bytes needing no escape are
/// written in one go.
fn write_json_escaped(out: &mut Vec<u8>, bytes: &[u8]) {
    let mut start = 0;
    while let Some(i) = next_escape(bytes, start) {
        out.extend_from_slice(&bytes[start..i]);
        let b = bytes[i];
        let named = match b {
            b'"' => b'"',
            b'\\' => b'\\',
            b'\n' => b'n',
            b'\r' => b'r',
            b'\t' => b't',
            0x08 => b'b',
            0x0c => b'f',
            _ => 0,
        };
        if named != 0 {
            out.extend_from_slice(&[b'\\', named]);
        } else {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(b >> 4)],
                HEX[usize::from(b & 0xf)],
            ]);
        }
        start = i + 1;
    }
    out.extend_from_slice(&bytes[start..]);
}

/// Whether a JSON string escapes the byte: `"`, `\` and bytes below 0x20.
fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// The index of the first byte at or after `from` that needs an escape,
/// found sixteen bytes at a time: a block is tested byte by byte in a form
/// the compiler turns into a few vector instructions, and the first byte of
/// a block that has one is found a word at a time.
#[inline(always)]
fn next_escape(bytes: &[u8], from: usize) -> Option<usize> {
    let word = |b: &[u8]| escape_flags(u64::from_le_bytes(b.try_into().unwrap()));
    let mut at = from;
    let mut blocks = bytes[from..].chunks_exact(16);
    for block in &mut blocks {
        if block.iter().fold(false, |any, &b| any | escapes(b)) {
            let lo = word(&block[..8]);
            let first = if lo != 0 {
                lo.trailing_zeros() / 8
            } else {
                8 + word(&block[8..]).trailing_zeros() / 8
            };
            return Some(at + first as usize);
        }
        at += 16;
    }
    let mut rest = blocks.remainder();
    if let Some(w) = rest.get(..8) {
        let flags = word(w);
        if flags != 0 {
            return Some(at + flags.trailing_zeros() as usize / 8);
        }
        (at, rest) = (at + 8, &rest[8..]);
    }
    rest.iter().position(|&b| needs_escape(b)).map(|j| at + j)
}

/// [`needs_escape`] in two comparisons: `b ^ 2` maps the bytes below 0x20
/// among themselves and `"` (0x22) to 0x20, and no other byte below 0x21.
fn escapes(b: u8) -> bool {
    ((b ^ 2) < 0x21) | (b == b'\\')
}

/// The high bit of every byte of `w` (read little-endian: its lowest byte
/// comes first) that needs an escape, and perhaps of bytes after it: the
/// lowest set bit marks the first such byte.
///
/// As in [`escapes`], `x = w ^ 0x02..` has a byte below 0x21 exactly where
/// `w` has a control byte or `"`; `(x - 0x21..)` sets the high bit of such
/// a byte, and `(y - 0x01..)` that of a zero byte of `y = w ^ '\\'`; a
/// borrow only carries into the byte above one that matched. Masking with
/// `!w` drops bytes of 0x80 and above (`w`, `x` and `y` share their high
/// bits).
fn escape_flags(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let low = w ^ (ONES * 0x02);
    let backslash = w ^ (ONES * u64::from(b'\\'));
    (low.wrapping_sub(ONES * 0x21) | backslash.wrapping_sub(ONES)) & !w & HIGH
}

/// `[a,b]`, as serde_json writes a `[usize; 2]`: made in a buffer and
/// copied with one fixed-size copy when short.
fn write_json_pair(out: &mut Vec<u8>, a: usize, b: usize) {
    let (a, b) = (a as u64, b as u64);
    let digits = |n: u64| n.checked_ilog10().map_or(1, |d| d as usize + 1);
    let (da, db) = (digits(a), digits(b));
    let len = da + db + 3;
    let mut buf = [0u8; 48];
    buf[0] = b'[';
    put_decimal(&mut buf[1..1 + da], a);
    buf[1 + da] = b',';
    put_decimal(&mut buf[2 + da..2 + da + db], b);
    buf[len - 1] = b']';
    if len <= 32 {
        let start = out.len();
        out.extend_from_slice(&buf[..32]);
        out.truncate(start + len);
    } else {
        out.extend_from_slice(&buf[..len]);
    }
}

/// An unsigned integer in decimal.
fn write_json_uint(out: &mut Vec<u8>, n: u64) {
    let mut buf = [0u8; 20];
    let at = put_decimal(&mut buf, n);
    out.extend_from_slice(&buf[at..]);
}

/// Write `n` in decimal at the end of `buf` (20 bytes hold any `u64`), two
/// digits at a time; where its digits start.
fn put_decimal(buf: &mut [u8], mut n: u64) -> usize {
    /// "00", "01", ..., "99".
    const PAIRS: [u8; 200] = {
        let mut t = [0u8; 200];
        let mut i = 0;
        while i < 100 {
            t[2 * i] = b'0' + (i / 10) as u8;
            t[2 * i + 1] = b'0' + (i % 10) as u8;
            i += 1;
        }
        t
    };
    let mut at = buf.len();
    while n >= 100 {
        let r = (n % 100) as usize * 2;
        n /= 100;
        at -= 2;
        buf[at..at + 2].copy_from_slice(&PAIRS[r..r + 2]);
    }
    if n >= 10 {
        let r = n as usize * 2;
        at -= 2;
        buf[at..at + 2].copy_from_slice(&PAIRS[r..r + 2]);
    } else {
        at -= 1;
        buf[at] = b'0' + n as u8;
    }
    at
}

/// The thousandths from 0 to 1, each with a comma before it, as serde_json
/// writes the f32 `k as f32 / 1000.0`.
fn thousandths() -> &'static [Cell] {
    static THOUSANDTHS: OnceLock<Vec<Cell>> = OnceLock::new();
    THOUSANDTHS.get_or_init(|| {
        (0..=1000u16)
            .map(|k| {
                Cell::new(&[
                    ",",
                    &serde_json::to_string(&(f32::from(k) / 1000.0)).unwrap(),
                ])
            })
            .collect()
    })
}

/// `x.round()` (half away from zero), for `x` from +0.0 up to 1000.5
/// (excluded); `None` for anything else (-0.0 and NaN included).
fn round_small(x: f32) -> Option<usize> {
    if !(0.0..1000.5).contains(&x) || x.is_sign_negative() {
        return None;
    }
    // The integer part, and the rest (both exact).
    let whole = x as u16;
    let rest = x - f32::from(whole);
    Some(usize::from(whole) + usize::from(rest >= 0.5))
}
/// Site profiles of two shards, merged.
fn merge_profiles(
    mut a: BTreeMap<String, SiteProfile>,
    b: BTreeMap<String, SiteProfile>,
) -> BTreeMap<String, SiteProfile> {
    for (site, p) in b {
        match a.get_mut(&site) {
            Some(q) => q.merge(&p),
            None => {
                a.insert(site, p);
            }
        }
    }
    a
}

/// Non-empty lines of a JSONL corpus, read into one buffer.
#[derive(Default)]
struct Chunk {
    bytes: Vec<u8>,
    /// Each line's 1-based number and its bytes in `bytes` (without the `\n`).
    lines: Vec<(u64, Range<usize>)>,
}

impl Chunk {
    fn line(&self, span: &Range<usize>) -> &[u8] {
        &self.bytes[span.clone()]
    }
}

/// Call `f` with chunks of the non-empty lines of a JSONL corpus (with their
/// 1-based line numbers), streaming: at most one chunk is in memory.
fn for_each_chunk(path: &str, mut f: impl FnMut(&Chunk) -> Result<(), Stop>) -> Result<(), Stop> {
    for_each_batch(path, CHUNK_BLOCK, |chunk| f(chunk))
}

/// [`for_each_chunk`] with chunks of the lines ended in about `block` bytes
/// of input (one line at least); `f` may take the chunk.
fn for_each_batch(
    path: &str,
    block: usize,
    f: impl FnMut(&mut Chunk) -> Result<(), Stop>,
) -> Result<(), Stop> {
    let input: Box<dyn Read> = if path == "-" {
        Box::new(io::stdin())
    } else {
        Box::new(File::open(path).map_err(|e| Stop::Io(format!("cannot open {path}: {e}")))?)
    };
    batches(input, block, f).map_err(|e| match e {
        Batches::Read(e) => Stop::Io(format!("cannot read {path}: {e}")),
        Batches::Stop(s) => s,
    })
}

/// Why [`batches`] stopped.
enum Batches {
    Read(io::Error),
    Stop(Stop),
}

/// The lines of `input`, as `BufRead::split(b'\n')` gives them, without the
/// ones of ASCII white space only, in chunks: `block` bytes are read straight
/// onto the end of the chunk (without a copy in between) and the lines they
/// end handed to `f`; the start of a line they do not end is carried over to
/// the next chunk.
fn batches(
    mut input: impl Read,
    block: usize,
    mut f: impl FnMut(&mut Chunk) -> Result<(), Stop>,
) -> Result<(), Batches> {
    let block = block.max(1);
    let mut chunk = Chunk::default();
    let mut line_no = 0;
    // Where the line being read starts in the chunk.
    let mut start = 0;
    loop {
        let from = chunk.bytes.len();
        chunk.bytes.reserve(block);
        let n = (&mut input)
            .take(block as u64)
            .read_to_end(&mut chunk.bytes)
            .map_err(Batches::Read)?;
        let end_of_input = n < block;
        // Before `from`, the line has no end.
        let mut at = from;
        loop {
            let end = match newline(&chunk.bytes[at..]) {
                Some(i) => at + i,
                None if end_of_input && start < chunk.bytes.len() => chunk.bytes.len(),
                None => break,
            };
            line_no += 1;
            if !chunk.bytes[start..end].iter().all(u8::is_ascii_whitespace) {
                chunk.lines.push((line_no, start..end));
            }
            start = end + 1;
            at = start;
            if at >= chunk.bytes.len() {
                break;
            }
        }
        let start_here = start.min(chunk.bytes.len());
        if start_here > 0 || end_of_input {
            // Hand over the lines ended; carry over the line begun.
            let mut next = Vec::with_capacity(block + chunk.bytes.len() - start_here);
            next.extend_from_slice(&chunk.bytes[start_here..]);
            chunk.bytes.truncate(start_here);
            if !chunk.lines.is_empty() {
                f(&mut chunk).map_err(Batches::Stop)?;
            }
            chunk.bytes = next;
            chunk.lines.clear();
            start = 0;
        }
        if end_of_input {
            return Ok(());
        }
    }
}

/// Where the first `\n` of `bytes` is: blocks of 32 bytes are tested in a
/// form the compiler turns into a few vector instructions.
fn newline(bytes: &[u8]) -> Option<usize> {
    let mut blocks = bytes.chunks_exact(32);
    let mut at = 0;
    for block in &mut blocks {
        if block.iter().fold(false, |any, &b| any | (b == b'\n')) {
            break;
        }
        at += 32;
    }
    bytes[at..].iter().position(|&b| b == b'\n').map(|j| at + j)
}

/// The site of a record: its `site`, else the host of its `url` (lowercased,
/// without `www.`).
fn site_of<'s>(site: Option<&'s str>, url: Option<&'s str>) -> Option<Cow<'s, str>> {
    if let Some(s) = site.filter(|s| !s.is_empty()) {
        return Some(Cow::Borrowed(s));
    }
    let url = url?;
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    // Lowercasing ASCII keeps every byte where it is.
    let host = match host.get(..4) {
        Some(www) if www.eq_ignore_ascii_case("www.") => &host[4..],
        _ => host,
    };
    if host.is_empty() {
        None
    } else if host.bytes().any(|b| b.is_ascii_uppercase()) {
        Some(Cow::Owned(host.to_ascii_lowercase()))
    } else {
        Some(Cow::Borrowed(host))
    }
}

/// Report a bad record or dump; stop the run if asked to.
fn bad(opts: &Options, stats: &mut Stats, msg: &str) -> Result<(), Stop> {
    eprintln!("clean: {msg}");
    stats.errors += 1;
    match opts.on_error {
        OnError::Skip => Ok(()),
        OnError::Stop => Err(Stop::Bad),
    }
}

fn load_profiles(path: &Path) -> Result<BTreeMap<String, SiteProfile>, String> {
    let file = File::open(path).map_err(|e| e.to_string())?;
    serde_json::from_reader(BufReader::new(file)).map_err(|e| e.to_string())
}

fn save_profiles(path: &Path, profiles: &BTreeMap<String, SiteProfile>) -> io::Result<()> {
    let mut w = BufWriter::new(File::create(path)?);
    serde_json::to_writer(&mut w, profiles)?;
    w.flush()
}

/// A progress line with the rate on stderr, redrawn at most twice a second,
/// when stderr is a terminal.
struct Progress {
    on: bool,
    start: Instant,
    last: Instant,
}

impl Progress {
    fn new(wanted: bool) -> Progress {
        let now = Instant::now();
        Progress {
            on: wanted && io::stderr().is_terminal(),
            start: now,
            last: now,
        }
    }

    fn tick(&mut self, stats: &Stats) {
        if !self.on || self.last.elapsed().as_millis() < 500 {
            return;
        }
        self.last = Instant::now();
        let secs = self.start.elapsed().as_secs_f64();
        eprint!(
            "\rclean: {} documents, {:.1} MB, {:.1} MB/s, {} errors ",
            stats.docs,
            stats.bytes as f64 / 1e6,
            stats.bytes as f64 / 1e6 / secs.max(1e-9),
            stats.errors
        );
    }

    fn clear(&mut self) {
        if self.on && self.last != self.start {
            eprint!("\r\x1b[K");
        }
    }
}

fn record<'a>(id: &'a str, a: &'a Article<'a>) -> Record<'a> {
    Record {
        id,
        title: a.title(),
        date: a.date().map(|d| d.to_string()),
        byline: a.byline(),
        image_credit: a.image_credit(),
        comment_count: a.comment_count(),
        body: Body(a.blocks()),
        blocks: a
            .blocks()
            .iter()
            .map(|b| BlockRec {
                kind: b.kind.as_str(),
                text: &b.text,
                span: [b.span.start, b.span.end],
            })
            .collect(),
        chrome: Chrome(a.chrome()),
        line_labels: LineLabels(a.lines()),
        line_scores: LineScores(a.lines()),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(args: &[&str]) -> Options {
        parse_args(args.iter().map(|a| a.to_string())).unwrap_or_else(|_| panic!("{args:?}"))
    }

    /// Run over `path` with `args`; the output, the counts and the result.
    fn run(args: &[&str], path: &str) -> (String, Stats, Result<(), Stop>) {
        let mut all: Vec<&str> = args.to_vec();
        all.push(path);
        let o = opts(&all);
        let cleaner = Cleaner::builder().mode(o.mode).build();
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(o.jobs)
            .build()
            .unwrap();
        let mut out = Vec::new();
        let mut stats = Stats::default();
        let mut progress = Progress::new(false);
        let mut profiles = BTreeMap::new();
        let mut r = Run {
            opts: &o,
            cleaner: &cleaner,
            pool: &pool,
            out: &mut out,
            stats: &mut stats,
            progress: &mut progress,
        };
        let result = if path.ends_with(".jsonl") {
            r.corpus(path, &mut profiles)
        } else {
            r.dumps(path)
        };
        (String::from_utf8(out).unwrap(), stats, result)
    }

    /// A JSONL corpus of `n` pages of one site in a temporary file, with a
    /// bad record after the first.
    fn corpus(name: &str, n: usize) -> String {
        let mut text = String::new();
        for i in 0..n {
            let page = format!(
                "Home\nNews\nSport\n\nStory {i} of the day\n\nThe council met on day {i} and \
                 approved a plan for the harbour, the mayor said after the long meeting.\n\n\
                 Support local journalism and become a member of our newsroom today.\n\nPrivacy\n"
            );
            let rec = serde_json::json!({"id": format!("p{i}"), "text": page, "url": "https://www.example.org/a"});
            text.push_str(&rec.to_string());
            text.push('\n');
            if i == 0 {
                text.push_str("{not json\n{\"id\": \"x\"}\n\n");
            }
        }
        let path =
            std::env::temp_dir().join(format!("dumpclean-{}-{name}.jsonl", std::process::id()));
        std::fs::write(&path, text).unwrap();
        path.to_string_lossy().into_owned()
    }

    fn ids(out: &str) -> Vec<String> {
        out.lines()
            .map(|l| {
                serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn sites_come_from_site_or_url_host() {
        let site = |s: Option<&'static str>, u: Option<&'static str>| site_of(s, u);
        assert_eq!(
            site(Some("blog"), Some("https://x.org")).as_deref(),
            Some("blog")
        );
        assert_eq!(
            site(None, Some("https://WWW.Example.org:8080/a?b")).as_deref(),
            Some("example.org")
        );
        assert_eq!(
            site(None, Some("http://user@news.example.org/x")).as_deref(),
            Some("news.example.org")
        );
        assert_eq!(
            site(None, Some("example.org/path")).as_deref(),
            Some("example.org")
        );
        assert_eq!(
            site(None, Some("HTTPS://WwW.News.Example.ORG/")).as_deref(),
            Some("news.example.org")
        );
        assert_eq!(
            site(None, Some("wwwexample.org")).as_deref(),
            Some("wwwexample.org")
        );
        assert_eq!(site(None, Some("http://www./x")), None);
        assert_eq!(site(None, Some("https://wWw")).as_deref(), Some("www"));
        assert_eq!(site(Some(""), None), None);
        assert_eq!(site(None, Some("")), None);
    }

    #[test]
    fn output_is_in_input_order_and_the_same_for_any_jobs() {
        let path = corpus("order", 40);
        let (one, stats, r) = run(&["--format", "jsonl", "--jobs", "1"], &path);
        assert!(r.is_ok());
        let (three, _, _) = run(&["--format", "jsonl", "--jobs", "3"], &path);
        assert_eq!(one, three);
        let want: Vec<String> = (0..40).map(|i| format!("p{i}")).collect();
        assert_eq!(ids(&one), want);
        // The two bad records are counted and skipped.
        assert_eq!((stats.docs, stats.errors), (40, 2));
        std::fs::remove_file(path).unwrap();
    }

    #[test]
    fn a_bad_record_stops_the_run_when_asked() {
        let path = corpus("stop", 5);
        let (out, stats, r) = run(&["--format", "jsonl", "--on-error", "stop"], &path);
        assert!(matches!(r, Err(Stop::Bad)));
        assert_eq!(ids(&out), ["p0"]);
        assert_eq!(stats.errors, 1);
        std::fs::remove_file(path).unwrap();
    }

    #[test]
    fn chunks_keep_every_record_and_its_line_number() {
        // More records than one chunk holds, blank lines among them, a last
        // record without a newline.
        let n = CHUNK_RECORDS * 2 + 7;
        let mut text = String::new();
        let mut line: u64 = 0;
        let mut bad_line = 0;
        for i in 0..n {
            if i % 100 == 0 {
                text.push_str("\n  \n");
                line += 2;
            }
            if i == CHUNK_RECORDS + 3 {
                text.push_str("{\"id\": \"no text\"}\n");
                line += 1;
                bad_line = line;
            }
            let rec = serde_json::json!({"id": format!("r{i}"), "text": format!("Menu {i}")});
            text.push_str(&rec.to_string());
            line += 1;
            if i + 1 < n {
                text.push('\n');
            }
        }
        let path =
            std::env::temp_dir().join(format!("dumpclean-{}-chunks.jsonl", std::process::id()));
        std::fs::write(&path, text).unwrap();
        let path = path.to_string_lossy().into_owned();
        let (out, stats, r) = run(&["--format", "jsonl", "--jobs", "2"], &path);
        assert!(r.is_ok());
        let want: Vec<String> = (0..n).map(|i| format!("r{i}")).collect();
        assert_eq!(ids(&out), want);
        assert_eq!((stats.docs, stats.errors), (n as u64, 1));
        // Stopped at the bad record: everything before it was written, and
        // the error names its line.
        let (out, _, r) = run(&["--format", "jsonl", "--on-error", "stop"], &path);
        assert!(matches!(r, Err(Stop::Bad)));
        assert_eq!(ids(&out), want[..CHUNK_RECORDS + 3]);
        let mut lines = Vec::new();
        for_each_chunk(&path, |chunk| {
            lines.extend(
                chunk
                    .lines
                    .iter()
                    .map(|(n, raw)| (*n, chunk.line(raw).to_vec())),
            );
            Ok(())
        })
        .unwrap();
        assert_eq!(lines.len(), n + 1);
        let (no, raw) = lines
            .iter()
            .find(|(_, raw)| raw.starts_with(b"{\"id\": \"no"))
            .unwrap();
        assert_eq!(
            (*no, raw.as_slice()),
            (bad_line, &b"{\"id\": \"no text\"}"[..])
        );
        assert_eq!(lines.last().unwrap().0, line);
        std::fs::remove_file(path).unwrap();
    }

    /// The non-blank lines of `input` with their numbers, as `batches` with
    /// `block` gives them, and each batch's number of lines.
    fn batched(input: &[u8], block: usize) -> (Vec<(u64, Vec<u8>)>, Vec<usize>) {
        let (mut lines, mut sizes) = (Vec::new(), Vec::new());
        let r = batches(input, block, |chunk| {
            let taken = std::mem::take(chunk);
            sizes.push(taken.lines.len());
            lines.extend(
                taken
                    .lines
                    .iter()
                    .map(|(n, raw)| (*n, taken.line(raw).to_vec())),
            );
            Ok(())
        });
        assert!(r.is_ok());
        (lines, sizes)
    }

    /// The same, as `BufRead::split` gives them.
    fn split_lines(input: &[u8]) -> Vec<(u64, Vec<u8>)> {
        io::BufRead::split(input, b'\n')
            .map(|l| l.unwrap())
            .zip(1..)
            .filter(|(l, _)| !l.iter().all(u8::is_ascii_whitespace))
            .map(|(l, n)| (n, l))
            .collect()
    }

    #[test]
    fn the_first_newline_is_found_anywhere() {
        for len in 0..40 {
            for at in 0..=len {
                for fill in [b'a', 0x8a, 0x0b, 0x09, 0xff, 0x00] {
                    let mut v = vec![fill; len];
                    if at < len {
                        v[at] = b'\n';
                        // A second one after it, and bytes around it that
                        // differ from `\n` in one bit.
                        if at + 3 < len {
                            v[at + 3] = b'\n';
                        }
                        if at > 0 {
                            v[at - 1] = 0x0b;
                        }
                    }
                    let want = v.iter().position(|&b| b == b'\n');
                    assert_eq!(newline(&v), want, "{v:?}");
                }
            }
        }
    }

    #[test]
    fn batches_hold_the_lines_as_read_until_reads_them() {
        let inputs: [&[u8]; 9] = [
            b"",
            b"\n",
            b"a",
            b"a\n",
            b"\n\n  \n\t\x0c\r\nab\r\n\ncd",
            b"{\"id\": 1}\n{\"id\": 2}\n \n{\"id\": 3}",
            b"one long line without an end, longer than any block here",
            b"x\ny\nz\n\n\n",
            b"\xff\xfe\n\x00\n\xc3\xa9",
        ];
        for input in inputs {
            let want = split_lines(input);
            for block in [1, 2, 3, 5, 8, 13, 64, 1 << 16] {
                let (lines, sizes) = batched(input, block);
                assert_eq!(lines, want, "{input:?} in blocks of {block}");
                assert!(sizes.iter().all(|&n| n > 0));
            }
        }
        // A block ends the lines it reads: a batch of about as many
        // lines as fit in it.
        let input = "0123456789\n".repeat(100);
        let (_, sizes) = batched(input.as_bytes(), 55);
        assert_eq!(sizes.len(), 20);
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config {
            failure_persistence: None,
            ..Default::default()
        })]

        #[test]
        fn any_input_is_batched_as_read_until_reads_it(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                &b"\n"[..], b"\n\n", b" ", b"\t", b"\r\n", b"\x0c", b"{}", b"{\"id\": 7}",
                b"abc", b"\xc3\xa9", b"\xff",
            ]), 0..40),
            block in 1usize..24,
        ) {
            let input = parts.concat();
            proptest::prop_assert_eq!(batched(&input, block).0, split_lines(&input));
        }
    }

    #[test]
    fn site_profiles_drop_the_line_on_every_page() {
        let path = corpus("profiles", 6);
        let body = |out: &str| -> Vec<String> {
            out.lines()
                .map(|l| {
                    serde_json::from_str::<serde_json::Value>(l).unwrap()["body"]
                        .as_str()
                        .unwrap()
                        .to_string()
                })
                .collect()
        };
        let (plain, _, _) = run(&["--format", "jsonl"], &path);
        let (with, _, r) = run(
            &["--format", "jsonl", "--site-profiles", "--jobs", "2"],
            &path,
        );
        assert!(r.is_ok());
        assert!(body(&plain)
            .iter()
            .all(|b| b.contains("Support local journalism")));
        for (i, b) in body(&with).iter().enumerate() {
            assert!(!b.contains("Support local journalism"), "{b}");
            assert!(b.contains(&format!("on day {i} and approved")), "{b}");
        }
        std::fs::remove_file(path).unwrap();
    }

    fn escaped(s: &str) -> String {
        let mut out = Vec::new();
        write_json_str(&mut out, s);
        String::from_utf8(out).unwrap()
    }

    /// The record of `text` cleaned in `mode`, by the hand-written writer
    /// and by serde_json; `None` when the cleaner refuses the text.
    fn both_records(mode: Mode, id: &str, text: &str) -> Option<(String, String)> {
        let cleaner = Cleaner::builder().mode(mode).build();
        let a = cleaner.clean(text).ok()?;
        let mut ours = Vec::new();
        write_jsonl(&mut ours, id, &a, None);
        let theirs = serde_json::to_string(&record(id, &a)).unwrap();
        Some((String::from_utf8(ours).unwrap(), theirs))
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut cases: Vec<String> = vec![
            String::new(),
            "plain".into(),
            "\"quoted\" and back\\slash \\\"".into(),
            "\u{7f} DEL, \u{80} and \u{9f} (C1), é, ß, 漢字, 🦀".into(),
            "line\u{2028}separator\u{2029}paragraph\u{feff}bom".into(),
            "tab\there\r\nnewline\u{8}\u{c}\u{b}\u{0}\u{1f}".into(),
            "x".repeat(1000),
            format!(
                "{}\"{}\\{}\n",
                "a".repeat(37),
                "é".repeat(50),
                "b".repeat(9)
            ),
        ];
        // Every ASCII byte, alone and at every offset of an eight-byte word.
        for b in 0..=0x7fu8 {
            let c = char::from(b);
            cases.push(c.to_string());
            for pad in 0..17 {
                cases.push(format!("{}{c}{}", "a".repeat(pad), "z".repeat(17 - pad)));
                cases.push(format!("{}{c}{c}", "\u{e9}".repeat(pad)));
            }
        }
        // Two escapes in one word: the first must be found first.
        for i in 0..8 {
            for j in i + 1..9 {
                let mut v = vec![b'm'; 12];
                v[i] = 0x01;
                v[j] = b'"';
                cases.push(String::from_utf8(v.clone()).unwrap());
                v[i] = b'\\';
                v[j] = 0x1f;
                cases.push(String::from_utf8(v).unwrap());
            }
        }
        for s in &cases {
            assert_eq!(escaped(s), serde_json::to_string(s).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn escapes_is_needs_escape() {
        for b in 0..=255u8 {
            assert_eq!(escapes(b), needs_escape(b), "{b:#x}");
        }
    }

    #[test]
    fn escape_flags_mark_the_first_escape_of_a_word() {
        // Every byte at every place of a word, the others every byte too
        // (in a few patterns).
        for b in 0..=255u8 {
            for at in 0..8 {
                for fill in 0..=255u8 {
                    let mut w = [fill; 8];
                    w[at] = b;
                    let want = w.iter().position(|&c| needs_escape(c));
                    let flags = escape_flags(u64::from_le_bytes(w));
                    let got = (flags != 0).then(|| flags.trailing_zeros() as usize / 8);
                    assert_eq!(got, want, "{w:?}");
                }
            }
        }
    }

    #[test]
    fn the_next_escape_is_found_in_any_block() {
        for len in 0..40 {
            for at in 0..=len {
                for fill in [b'a', b' ', b'#', b'!', 0x7f, 0x80, 0xa2, 0xdc, 0xff] {
                    for esc in [b'"', b'\\', 0x00, 0x1f, b'\n'] {
                        let mut v = vec![fill; len];
                        if at < len {
                            v[at] = esc;
                            if at + 2 < len {
                                v[at + 2] = b'"';
                            }
                        }
                        for from in [0, at.saturating_sub(1), at] {
                            let want = v[from..]
                                .iter()
                                .position(|&b| needs_escape(b))
                                .map(|j| from + j);
                            assert_eq!(next_escape(&v, from), want, "{v:?} from {from}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn the_next_escape_is_found_from_any_start() {
        let s = b"ab\"cdefghijklmn\\opqrstuvwxyz\x01ABCDEFGHIJ\x7f\xc3\xa9\x1f";
        for from in 0..=s.len() {
            let want = s[from..]
                .iter()
                .position(|&b| needs_escape(b))
                .map(|j| from + j);
            assert_eq!(next_escape(s, from), want, "from {from}");
        }
    }

    #[test]
    fn numbers_are_written_as_serde_json_writes_them() {
        let ns = [0, 1, 9, 10, 99, 100, 12345, u64::from(u32::MAX), u64::MAX];
        for n in ns {
            let mut out = Vec::new();
            write_json_uint(&mut out, n);
            assert_eq!(out, serde_json::to_vec(&n).unwrap());
            for m in ns {
                let (a, b) = (n as usize, m as usize);
                let mut out = Vec::new();
                write_json_pair(&mut out, a, b);
                assert_eq!(out, serde_json::to_vec(&[a, b]).unwrap());
            }
        }
        let mut scores: Vec<f32> = (0..=100_000).map(|i| i as f32 / 100_000.0).collect();
        scores.extend([
            -0.0,
            -0.0004,
            -0.3,
            0.0004999,
            0.9995,
            1.0004,
            1.5,
            1e-7,
            f32::MIN_POSITIVE,
            f32::MAX,
            f32::NAN,
            f32::INFINITY,
            f32::NEG_INFINITY,
        ]);
        let serde_score = |s: f32| serde_json::to_vec(&((s * 1000.0).round() / 1000.0)).unwrap();
        let mut all = Vec::new();
        for &s in &scores {
            let mut out = Vec::new();
            write_json_scores(&mut out, [s].into_iter());
            let mut want = b",".to_vec();
            want.extend(serde_score(s));
            assert_eq!(out, want, "{s}");
            all.extend(want);
        }
        // All at once: scores written by serde_json among the others.
        let mut out = b"x".to_vec();
        write_json_scores(&mut out, scores.iter().copied());
        assert_eq!(out[1..], all[..]);
        let mut small: Vec<u64> = (0..=20_000).collect();
        for p in 1..20 {
            let t = 10u64.pow(p);
            small.extend([t - 1, t, t + 1]);
        }
        small.push(u64::MAX);
        for n in small {
            let mut out = Vec::new();
            write_json_uint(&mut out, n);
            assert_eq!(out, n.to_string().as_bytes());
            let mut out = Vec::new();
            write_json_pair(&mut out, n as usize, 7);
            write_json_pair(&mut out, 12, n as usize);
            assert_eq!(out, format!("[{n},7][12,{n}]").as_bytes());
        }
        // Labels: each known one from its cell, all at once.
        let mut out = b"x".to_vec();
        let labels: Vec<Label> = LABELS.iter().chain(LABELS.iter().rev()).copied().collect();
        write_json_labels(&mut out, labels.into_iter());
        let names: Vec<String> = LABELS
            .iter()
            .chain(LABELS.iter().rev())
            .map(|l| format!(",\"{}\"", l.as_str()))
            .collect();
        assert_eq!(out[1..], *names.concat().as_bytes());
    }

    /// The text of a JSON line's record, read without serde_json, and how
    /// it was written.
    fn text_and_escapes(line: &str) -> (String, Escapes<'_>) {
        let rec = Scan::new(line.as_bytes()).record().unwrap();
        (rec.text.unwrap().0.into_owned(), rec.text_escapes.unwrap())
    }

    /// Every part of the text from a line: where `written` gives its bytes
    /// in the line, they are what serde_json writes for it; and it gives
    /// them when the part holds no `\/` or `\u` escape (`odd`: whether the
    /// line has any).
    fn check_written(line: &str, odd: bool) {
        let (text, escapes) = text_and_escapes(line);
        let next = std::cell::Cell::new(0);
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for &s in &bounds {
            for &e in bounds.iter().filter(|&&e| e >= s) {
                let part = &text[s..e];
                let want = escaped(part);
                match escapes.written(&text, part, &next) {
                    Some(raw) => {
                        assert_eq!(raw, &want.as_bytes()[1..want.len() - 1], "{line} {s}..{e}")
                    }
                    None => assert!(odd, "{line} {s}..{e}"),
                }
            }
        }
        // Not a part of the text: nothing.
        let elsewhere = String::from("abc");
        assert!(escapes.written(&text, &elsewhere, &next).is_none());
    }

    #[test]
    fn parts_of_a_text_are_copied_as_written() {
        for (line, odd) in [
            (r#"{"text": ""}"#, false),
            (r#"{"text": "plain é 漢"}"#, false),
            (r#"{"text": "a\nb\n\nc \"q\" \\ \t\r\b\f end"}"#, false),
            (
                r#"{"id": "x\ny", "text": "\n\n\"\\", "url": "u\/v"}"#,
                false,
            ),
            (r#"{"text": "a\/b\nc"}"#, true),
            (r#"{"text": "\u00e9\n\u001f x \ud83e\udd80\n"}"#, true),
        ] {
            check_written(line, odd);
        }
    }

    #[test]
    fn labels_are_numbered_in_order() {
        for (i, &label) in LABELS.iter().enumerate() {
            assert_eq!(label_index(label), Some(i));
            let cell = label_cells()[i];
            let want = format!(",{}", serde_json::to_string(&label.as_str()).unwrap());
            assert_eq!(&cell.bytes[..usize::from(cell.len)], want.as_bytes());
        }
    }

    #[test]
    fn small_numbers_are_rounded_as_f32_round_rounds_them() {
        let mut xs: Vec<f32> = Vec::new();
        // Every 7919th f32 from +0.0 to 1001.0, and a few ulps around each
        // half and each whole number up to there.
        let top = 1001.0f32.to_bits();
        xs.extend((0..top).step_by(7919).map(f32::from_bits));
        for k in 0..=1001u16 {
            for x in [f32::from(k), f32::from(k) + 0.5] {
                let b = x.to_bits();
                xs.extend((b.saturating_sub(4)..b + 4).map(f32::from_bits));
            }
        }
        xs.extend([
            -0.0,
            -0.2,
            -0.5,
            -0.7,
            f32::NAN,
            f32::INFINITY,
            f32::NEG_INFINITY,
            1e9,
        ]);
        for x in xs {
            let r = x.round();
            let want = ((0.0..=1000.0).contains(&r) && r.is_sign_positive()).then_some(r as usize);
            assert_eq!(round_small(x), want, "{x}");
        }
    }

    #[test]
    fn records_are_written_as_serde_json_writes_them() {
        let texts = [
            "",
            "\n\n",
            include_str!("../README.md"),
            "Home | News | Sport\n\nThe \"Harbour\" Plan\nBy Jane Doe\n12 March 2024\n\n\
             The council met on Tuesday and approved a plan for the harbour, the mayor said \
             after the long meeting.\tIt costs \\ 5 million.\u{1}\u{7f}\n\n\
             Support local journalism and become a member of our newsroom today.\n\
             12 comments\n© 2024 Example Media · Privacy · Cookies\r\n",
        ];
        for mode in [Mode::Precision, Mode::Balanced, Mode::Recall] {
            for (i, text) in texts.iter().enumerate() {
                for id in ["p1", "a \"quoted\"\tid\u{2028}"] {
                    let (ours, theirs) = both_records(mode, id, text).unwrap();
                    assert_eq!(ours, theirs, "text {i}");
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config {
            failure_persistence: None,
            ..Default::default()
        })]

        #[test]
        fn any_string_is_escaped_as_serde_json_escapes_it(s in ".*") {
            proptest::prop_assert_eq!(escaped(&s), serde_json::to_string(&s).unwrap());
        }

        #[test]
        fn strings_of_escapes_are_escaped_as_serde_json_escapes_them(
            s in "[\\x00-\\x1f\"\\\\a-z\u{7f}\u{80}é\u{2028}🦀]{0,40}"
        ) {
            proptest::prop_assert_eq!(escaped(&s), serde_json::to_string(&s).unwrap());
        }

        #[test]
        fn any_part_is_copied_as_serde_json_writes_it(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a", "é", "漢", " ", "\\n", "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\r", "\\t",
                "\\u00e9", "\\u001f", "\\u000a", "\\ud83e\\udd80", "\u{7f}",
            ]), 0..12),
        ) {
            let body = parts.concat();
            check_written(&format!("{{\"text\": \"{body}\"}}"), body.contains("\\u") || body.contains("\\/"));
        }

        #[test]
        fn any_record_is_written_from_its_line_as_serde_json_writes_it(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "Home", "News", "\n", "\n\n", "\r\n", "\t", "   ", "The council met on Tuesday",
                " and approved a plan for the harbour, the mayor said.", "By Jane Doe", "\"",
                "\\", "12 March 2024", "Privacy", "© 2024", "\u{1b}", "\u{7f}", "é", "/",
                "12 comments", "Photo: Reuters", "Read more", "• item",
            ]), 0..60),
            slash in proptest::bool::ANY,
        ) {
            let text = parts.concat();
            let mut line = serde_json::to_string(&serde_json::json!({"text": text})).unwrap();
            if slash {
                line = line.replace('/', "\\/");
            }
            let (read, escapes) = text_and_escapes(&line);
            proptest::prop_assert_eq!(&read, &text);
            if let Ok(a) = Cleaner::builder().build().clean(&read) {
                let next = std::cell::Cell::new(0);
                let mut copied = Vec::new();
                write_jsonl(&mut copied, "p", &a, Some((&read, &escapes, &next)));
                let mut plain = Vec::new();
                write_jsonl(&mut plain, "p", &a, None);
                proptest::prop_assert_eq!(copied, plain);
            }
        }

        #[test]
        fn any_record_is_written_as_serde_json_writes_it(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "Home", "News", "\n", "\n\n", "\r\n", "\t", "   ", "The council met on Tuesday",
                " and approved a plan for the harbour, the mayor said.", "By Jane Doe", "\"",
                "\\", "12 March 2024", "Privacy", "© 2024", "\u{1b}", "\u{7f}", "é", "\u{2028}",
                "12 comments", "Photo: Reuters", "Read more", "• item",
            ]), 0..60),
            id in ".{0,6}",
        ) {
            let text = parts.concat();
            // A text the cleaner refuses (binary-looking) has no record.
            if let Some((ours, theirs)) = both_records(Mode::Balanced, &id, &text) {
                proptest::prop_assert_eq!(ours, theirs);
            }
        }
    }

    mod owned {
        /// The record as `serde_json` read it with owned strings (under the
        /// name its error messages give).
        #[derive(serde::Deserialize, Debug, PartialEq)]
        pub struct InRecord {
            pub id: Option<serde_json::Value>,
            pub text: Option<String>,
            pub site: Option<String>,
            pub url: Option<String>,
        }
    }
    use owned::InRecord as OwnedRecord;

    /// A line read as an `InRecord` and as an `OwnedRecord`: the same
    /// fields, or the same error message.
    fn read_both(
        line: impl AsRef<[u8]>,
    ) -> (Result<OwnedRecord, String>, Result<OwnedRecord, String>) {
        let line = line.as_ref();
        let own = |s: Option<Str>| s.map(|s| s.0.into_owned());
        let ours = read_record(line)
            .map(|r| OwnedRecord {
                id: r.id,
                text: own(r.text),
                site: own(r.site),
                url: own(r.url),
            })
            .map_err(|e| e.to_string());
        let theirs = serde_json::from_slice::<OwnedRecord>(line).map_err(|e| e.to_string());
        (ours, theirs)
    }

    #[test]
    fn records_are_read_as_with_owned_strings() {
        let lines = [
            r#"{"id": "a", "text": "one line", "site": "s", "url": "https://x.org/"}"#,
            r#"{"id": 7, "text": "two\nlines \u00e9 \ud83e\udd80 \"q\" \/", "url": null}"#,
            r#"{"id": {"k": [1, 2.5, true, null]}, "text": "t", "extra": {"a": [1]}}"#,
            r#"{"id": null, "text": "t"}"#,
            r#"{"text": 5}"#,
            r#"{"text": "t", "site": ["s"]}"#,
            r#"{"text": "t", "url": 3.5}"#,
            r#"{"text": "t", "text": "u"}"#,
            r#"{"text": "bad \ud800 surrogate"}"#,
            r#"{"text": "bad \x escape"}"#,
            "{\"text\": \"raw\tcontrol\"}",
            r#"{"text": "unterminated}"#,
            r#"{"id": "a"} trailing"#,
            r#"["not", "an", "object"]"#,
            r#"["an", "array", "read", "as a record"]"#,
            r#"{not json"#,
            "",
        ];
        for line in lines {
            let (ours, theirs) = read_both(line);
            assert_eq!(ours, theirs, "{line}");
        }
        // The usual lines are read without serde_json.
        for line in [
            r#"{"id": "a", "text": "one line", "site": "s", "url": "https://x.org/"}"#,
            r#" {"url":null,"text":"t\u00e9\u00E9\ud83e\udd80\u0000\/\b\f\n\r\t\"\\","id":"\u0041"}"#,
            "{\"text\"\t:\r\n\"é 漢 🦀\"\n}\r",
            "{}",
        ] {
            let fast = Scan::new(line.as_bytes()).record();
            assert!(fast.is_some(), "{line}");
            let (ours, theirs) = read_both(line);
            assert_eq!(ours, theirs, "{line}");
        }
        // A string without escapes is not copied.
        let r = serde_json::from_str::<InRecord>(r#"{"text": "plain", "url": "u\/v"}"#).unwrap();
        assert!(matches!(r.text, Some(Str(Cow::Borrowed("plain")))));
        assert!(matches!(r.url, Some(Str(Cow::Owned(ref u))) if u == "u/v"));
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config {
            failure_persistence: None,
            ..Default::default()
        })]

        #[test]
        fn any_line_is_read_as_with_owned_strings(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "{", "}", "[", "]", ",", ":", " ", "\"", "\"id\"", "\"text\"", "\"site\"", "\"url\"",
                "\"x\"", "1", "-2.5e3", "null", "true", "\\n", "\\\"", "\\u00e9", "\\ud83e\\udd80",
                "\\ud800", "\\q", "\t", "é", "plain text",
            ]), 0..24),
        ) {
            let line = parts.concat();
            let (ours, theirs) = read_both(&line);
            proptest::prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn any_object_is_read_as_with_owned_strings(
            members in proptest::collection::vec((
                proptest::sample::select(vec!["id", "text", "site", "url", "other", "te\\u0078t", "i\\d"]),
                proptest::option::of(proptest::collection::vec(proptest::sample::select(vec![
                    &b"plain"[..], "é".as_bytes(), "漢".as_bytes(), b" ", b"\\n", b"\\\"", b"\\\\", b"\\/",
                    b"\\b", b"\\f", b"\\r", b"\\t", b"\\u00e9", b"\\u00E9", b"\\u0000", b"\\u001f",
                    b"\\ud83e\\udd80", b"\\uD83E\\uDD80", b"\\ud800", b"\\udc00", b"\\ud800\\u0041",
                    b"\\ud800\\ud800", b"\\u12", b"\\u12g4", b"\\x", b"\\", b"\t", b"\x01", b"\x7f",
                    b"\xff", b"\xc3", b"\xa9", b"\xc3\xa9",
                ]), 0..8)),
                proptest::sample::select(vec!["null", "12", "-1.5e3", "true", "[1]", "{}", "nul", "\"x\"x"]),
            ), 0..6),
            spaces in proptest::collection::vec(
                proptest::sample::select(vec!["", "", "", " ", "\t", "\n", "\r", "  "]), 16),
            tail in proptest::sample::select(vec!["", "", "", "x", ",", "}", "\n"]),
        ) {
            let mut line = Vec::new();
            let mut space = spaces.iter().cycle();
            let mut put = |line: &mut Vec<u8>, b: &[u8]| {
                line.extend_from_slice(space.next().unwrap().as_bytes());
                line.extend_from_slice(b);
            };
            put(&mut line, b"{");
            for (i, (key, string, other)) in members.iter().enumerate() {
                if i > 0 {
                    put(&mut line, b",");
                }
                put(&mut line, format!("\"{key}\"").as_bytes());
                put(&mut line, b":");
                match string {
                    Some(parts) => put(&mut line, &[&b"\""[..], &parts.concat(), b"\""].concat()),
                    None => put(&mut line, other.as_bytes()),
                }
            }
            put(&mut line, b"}");
            put(&mut line, tail.as_bytes());
            let (ours, theirs) = read_both(&line);
            proptest::prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn any_record_is_read_as_with_owned_strings(
            id in proptest::option::of(".{0,8}"),
            text in proptest::option::of(".{0,40}"),
            site in proptest::option::of(".{0,8}"),
            url in proptest::option::of(".{0,12}"),
        ) {
            let mut rec = serde_json::Map::new();
            for (k, v) in [("id", id), ("text", text), ("site", site), ("url", url)] {
                if let Some(v) = v {
                    rec.insert(k.to_string(), v.into());
                }
            }
            let line = serde_json::Value::Object(rec).to_string();
            let (ours, theirs) = read_both(&line);
            proptest::prop_assert!(ours.is_ok());
            proptest::prop_assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn options_are_checked() {
        let bad = |args: &[&str]| parse_args(args.iter().map(|a| a.to_string())).is_err();
        assert!(bad(&[]));
        assert!(bad(&["--jobs", "0", "x"]));
        assert!(bad(&["--format", "xml", "x"]));
        assert!(bad(&["--save-profiles", "p.json", "x.jsonl"]));
        assert!(bad(&[
            "--site-profiles",
            "--load-profiles",
            "p.json",
            "x.jsonl"
        ]));
        assert_eq!(opts(&["-j", "3", "x"]).jobs, 3);
    }
}
