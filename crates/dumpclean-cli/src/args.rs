//! The command line.

use dumpclean::Mode;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Format {
    Text,
    Json,
    Jsonl,
}

#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Input {
    /// By the path: `.jsonl` files are corpora, anything else a dump.
    Auto,
    /// Every path, `-` included, is a JSONL corpus.
    Jsonl,
}

#[derive(Clone, Copy, PartialEq)]
pub(crate) enum OnError {
    Skip,
    Stop,
}

pub(crate) const USAGE: &str = "usage: dumpclean [OPTIONS] PATH...
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

pub(crate) struct Options {
    pub(crate) format: Format,
    pub(crate) mode: Mode,
    pub(crate) input: Input,
    pub(crate) on_error: OnError,
    pub(crate) site_profiles: bool,
    pub(crate) save_profiles: Option<PathBuf>,
    pub(crate) load_profiles: Option<PathBuf>,
    pub(crate) max_profile_lines: usize,
    pub(crate) stats: bool,
    pub(crate) jobs: usize,
    pub(crate) paths: Vec<String>,
}

pub(crate) fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Options, ExitCode> {
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

pub(crate) fn usage_error(msg: &str) -> ExitCode {
    eprintln!("clean: {msg}\n{USAGE}");
    ExitCode::from(2)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::run::tests::opts;

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
