//! `dumpclean`: clean raw page dumps from files, directories, JSONL corpora,
//! WARC/WET files and stdin.
//!
//! ```text
//! dumpclean [OPTIONS] PATH...
//! ```
//!
//! PATH is a dump file, a directory (every `*.txt` in it, sorted by name, each
//! a dump), a JSONL corpus (one `{"id", "text", ...}` object per line,
//! optionally with `site` or `url`), a WARC/WET file (its `conversion`
//! records), or `-` for standard input. Each is read plain, gzip- or
//! zstd-compressed, and recognised from its content (`input`); `--input`
//! can say what every PATH holds.
//!
//! `text` (the default) prints a readable article; `json` prints one pretty
//! JSON object per dump; `jsonl` one object per line with `id`, the metadata,
//! `body`, `blocks`, `chrome`, `line_labels` (one label per input line, split
//! on `\n`) and `line_scores`. Output is in input order (`output`).
//!
//! Corpus mode (`--site-profiles`): a corpus is read twice; the first pass
//! learns a [`dumpclean::SiteProfile`] per site (the record's `site`, or the
//! host of its `url` or WARC target URI), the second cleans every page with
//! its site's profile. `--save-profiles FILE` writes the profiles learned
//! (JSON); `--load-profiles FILE` cleans with saved profiles in one pass.

use dumpclean::{Cleaner, SiteProfile};
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufReader, BufWriter, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

mod args;
mod input;
mod jsonl;
mod output;
mod run;
mod warc;

use args::*;
use run::*;

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
    // Profiles of several files are merged: the same as learning them on
    // all their pages at once.
    let mut profiles: BTreeMap<String, SiteProfile> = BTreeMap::new();
    for path in &opts.load_profiles {
        match load_profiles(path) {
            Ok(p) => profiles = merge_profiles(profiles, p),
            Err(e) => {
                return fail(&format!(
                    "cannot load profiles from {}: {e}",
                    path.display()
                ))
            }
        }
    }

    let stdout = io::stdout();
    let mut out = BufWriter::new(match stdout_file() {
        Some(file) => Box::new(file) as Box<dyn Write>,
        None => Box::new(stdout.lock()),
    });
    let mut stats = Stats::default();
    let start = Instant::now();
    let mut progress = Progress::new(opts.stats || io::stderr().is_terminal());
    let mut result = Ok(());
    for p in &opts.paths {
        let mut run = Run {
            opts: &opts,
            cleaner: &cleaner,
            pool: &pool,
            out: &mut out,
            stats: &mut stats,
            progress: &mut progress,
        };
        result = run.input(p, &mut profiles);
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
            "dumpclean: {} documents, {} bytes, {:.3} s, {:.1} MB/s, {} empty articles, {} errors",
            stats.docs,
            stats.bytes,
            secs,
            stats.bytes as f64 / 1e6 / secs.max(1e-9),
            stats.empty,
            stats.errors
        );
    }
    match (result, flushed) {
        (Err(Stop::Io(msg) | Stop::Input(msg)), _) => fail(&msg),
        (_, Err(e)) if e.kind() != io::ErrorKind::BrokenPipe => {
            fail(&format!("cannot write output: {e}"))
        }
        (Err(Stop::Bad), _) => ExitCode::FAILURE,
        _ if stats.errors > 0 => ExitCode::FAILURE,
        _ => ExitCode::SUCCESS,
    }
}

pub(crate) fn load_profiles(path: &Path) -> Result<BTreeMap<String, SiteProfile>, String> {
    let file = File::open(path).map_err(|e| e.to_string())?;
    serde_json::from_reader(BufReader::new(file)).map_err(|e| e.to_string())
}

pub(crate) fn save_profiles(
    path: &Path,
    profiles: &BTreeMap<String, SiteProfile>,
) -> io::Result<()> {
    let mut w = BufWriter::new(File::create(path)?);
    serde_json::to_writer(&mut w, profiles)?;
    w.flush()
}

/// Standard output as a file of its own (a duplicate of its descriptor),
/// where there is one: the output is written in parts that do not end
/// lines (see [`Output`]), and `io::stdout()` looks for the last line feed
/// of every part it is handed, to write whole lines.
#[cfg(unix)]
pub(crate) fn stdout_file() -> Option<File> {
    use std::os::fd::AsFd;
    let fd = io::stdout().as_fd().try_clone_to_owned().ok()?;
    Some(File::from(fd))
}

#[cfg(not(unix))]
pub(crate) fn stdout_file() -> Option<File> {
    None
}

pub(crate) fn fail(msg: &str) -> ExitCode {
    eprintln!("dumpclean: {msg}");
    ExitCode::FAILURE
}
