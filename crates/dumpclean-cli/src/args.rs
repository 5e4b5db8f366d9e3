//! The command line: one clap definition gives the options, their help
//! text and their defaults.

use crate::output::Fields;
use clap::{Parser, ValueEnum};
use dumpclean::Mode;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Clone, Copy, PartialEq, Debug, ValueEnum)]
pub(crate) enum Format {
    /// A readable article per dump
    Text,
    /// One pretty JSON object per dump
    Json,
    /// One JSON object per line
    Jsonl,
    /// The library's plain-text report of each dump (dumpclean::Report), as
    /// snapshot tests store it: metadata, blocks, chrome and one row per
    /// line; after a line `=== ID` for each dump, except when the only PATH
    /// is one dump
    Report,
    /// [`Format::Report`] without the `=== ID` line: the run's only dump.
    #[value(skip)]
    ReportBare,
}

#[derive(Clone, Copy, PartialEq, Debug, ValueEnum)]
pub(crate) enum Input {
    /// From the content: WARC/WET, JSONL (a `{` first), else one dump;
    /// gzip and zstd are decompressed first
    Auto,
    /// Every PATH, - included, is a JSONL corpus
    Jsonl,
    /// Every PATH is a WARC/WET file
    Warc,
    /// Every PATH is one dump
    Dump,
}

#[derive(Clone, Copy, PartialEq, Debug, ValueEnum)]
pub(crate) enum OnError {
    /// Report it on stderr, go on, exit with status 1 at the end
    Skip,
    /// Report it and stop
    Stop,
}

/// The trade-off between keeping chrome and losing body text.
#[derive(Clone, Copy, PartialEq, Debug, ValueEnum)]
pub(crate) enum ModeArg {
    /// Drop a line when in doubt
    Precision,
    /// The default trade-off
    Balanced,
    /// Keep a line when in doubt
    Recall,
}

impl From<ModeArg> for Mode {
    fn from(m: ModeArg) -> Mode {
        match m {
            ModeArg::Precision => Mode::Precision,
            ModeArg::Balanced => Mode::Balanced,
            ModeArg::Recall => Mode::Recall,
        }
    }
}

/// Clean raw web-page text dumps (innerText, "save as text", WET records)
/// into articles: the body, the metadata the page shows, and its chrome
/// labelled by kind.
#[derive(Parser, Debug)]
#[command(name = "dumpclean", version, max_term_width = 100)]
#[command(group(clap::ArgGroup::new("profiles").args(["site_profiles", "load_profiles"]).multiple(true)))]
pub(crate) struct Cli {
    /// A dump file, a directory (every *.txt in it, sorted, each a dump), a
    /// JSONL corpus ({"id","text",...} per line; "site" or "url" name the
    /// site for profiles), a WARC/WET file (its `conversion` records), or -
    /// for stdin; each plain, gzip- or zstd-compressed, recognised from its
    /// content
    #[arg(
        value_name = "PATH",
        required_unless_present_all = ["load_profiles", "save_profiles"]
    )]
    pub(crate) paths: Vec<String>,

    /// Output format
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,

    /// Fields of a JSON record (--format json or jsonl), comma-separated:
    /// NAME,... writes those, -NAME,... all but those. Written in this order:
    /// id; the input's fields ("input": a JSONL record's fields other than
    /// id and text, such as url and site, as the input wrote them; a WET
    /// record's url and warc_date; or one by name); title, date, byline,
    /// image_credit, comment_count; text (the body: the blocks joined by
    /// blank lines, a list without bullets one item to a line) and body (the
    /// same text, kept for older readers);
    /// blocks, chrome, line_labels and line_scores (one per input line). All
    /// by default; -blocks,-chrome,-line_labels,-line_scores writes a third
    /// of the bytes. An input field named like an article field is left out
    #[arg(long, value_name = "LIST", value_parser = Fields::parse, default_value = "all")]
    pub(crate) fields: Fields,

    /// Cleaning mode
    #[arg(long, value_enum, default_value_t = ModeArg::Balanced)]
    pub(crate) mode: ModeArg,

    /// How to read each PATH
    #[arg(long, value_enum, default_value_t = Input::Auto)]
    pub(crate) input: Input,

    /// What to do with a bad record or dump
    #[arg(long, value_enum, value_name = "ACTION", default_value_t = OnError::Skip)]
    pub(crate) on_error: OnError,

    /// Corpus mode: learn a site profile per site (the record's site, or its
    /// url's host) in a first pass over each corpus, then clean each page
    /// with its site's profile
    #[arg(long)]
    pub(crate) site_profiles: bool,

    /// Write the profiles learned (--site-profiles) or loaded and merged
    /// (--load-profiles) to FILE (JSON)
    #[arg(long, value_name = "FILE", requires = "profiles")]
    pub(crate) save_profiles: Option<PathBuf>,

    /// With --site-profiles and --save-profiles: learn the profiles of the
    /// corpora (the first pass) and save them, without cleaning: the
    /// profiles of a shard, to merge with --load-profiles
    #[arg(long, requires_all = ["site_profiles", "save_profiles"])]
    pub(crate) learn_only: bool,

    /// Clean with the profiles saved in FILE (one pass). Given more than
    /// once, the profiles are merged (as if learned on all the shards at
    /// once); with --save-profiles and no PATH, only merged and saved
    #[arg(long, value_name = "FILE", conflicts_with = "site_profiles")]
    pub(crate) load_profiles: Vec<PathBuf>,

    /// Distinct lines kept per site profile
    #[arg(long, value_name = "N", default_value_t = dumpclean::DEFAULT_MAX_LINES)]
    pub(crate) max_profile_lines: usize,

    /// Worker threads [default: all cores]; the output is the same for any N
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub(crate) jobs: Option<u32>,

    /// Print documents, bytes, seconds, MB/s, empty articles and errors on
    /// stderr at the end
    #[arg(long)]
    pub(crate) stats: bool,
}

pub(crate) struct Options {
    pub(crate) format: Format,
    pub(crate) fields: Fields,
    pub(crate) mode: Mode,
    pub(crate) input: Input,
    pub(crate) on_error: OnError,
    pub(crate) site_profiles: bool,
    pub(crate) save_profiles: Option<PathBuf>,
    pub(crate) learn_only: bool,
    pub(crate) load_profiles: Vec<PathBuf>,
    pub(crate) max_profile_lines: usize,
    pub(crate) stats: bool,
    pub(crate) jobs: usize,
    pub(crate) paths: Vec<String>,
}

impl From<Cli> for Options {
    fn from(c: Cli) -> Options {
        Options {
            format: c.format,
            fields: c.fields,
            mode: c.mode.into(),
            input: c.input,
            on_error: c.on_error,
            site_profiles: c.site_profiles,
            save_profiles: c.save_profiles,
            learn_only: c.learn_only,
            load_profiles: c.load_profiles,
            max_profile_lines: c.max_profile_lines,
            stats: c.stats,
            jobs: c.jobs.map_or_else(
                || std::thread::available_parallelism().map_or(1, |n| n.get()),
                |n| n as usize,
            ),
            paths: c.paths,
        }
    }
}

/// The options of the arguments (without the program's name); the exit
/// code on `--help`, `--version` (0) or a usage error (2, reported).
pub(crate) fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Options, ExitCode> {
    let args = std::iter::once("dumpclean".to_string()).chain(args);
    match Cli::try_parse_from(args) {
        Ok(c) => Ok(c.into()),
        Err(e) => {
            // Printing fails only when stdout or stderr is gone.
            let _ = e.print();
            Err(ExitCode::from(e.exit_code().clamp(0, 255) as u8))
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::run::tests::opts;

    #[test]
    fn options_are_checked() {
        // (Through clap alone: `parse_args` prints its errors.)
        let bad = |args: &[&str]| cli(args).is_err();
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
        // Profiles: learned and saved, learned only, loaded, merged.
        assert!(bad(&["--learn-only", "--site-profiles", "x"]));
        assert!(bad(&["--learn-only", "--save-profiles", "p.json", "x"]));
        assert!(bad(&["--load-profiles", "a.json"]));
        assert!(bad(&["--save-profiles", "p.json"]));
        let o = opts(&[
            "--site-profiles",
            "--learn-only",
            "--save-profiles",
            "p",
            "x",
        ]);
        assert!(o.learn_only && o.site_profiles);
        let o = opts(&[
            "--load-profiles",
            "a",
            "--load-profiles=b",
            "--save-profiles",
            "m",
        ]);
        assert_eq!((o.load_profiles.len(), o.paths.len()), (2, 0));
        assert_eq!(opts(&["--load-profiles", "a", "x"]).load_profiles.len(), 1);
    }

    fn cli(args: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once(&"dumpclean").chain(args))
    }

    #[test]
    fn the_command_line_is_well_formed() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }

    #[test]
    fn options_take_their_value_with_an_equals_sign_or_after_a_space() {
        let c = cli(&["--format=jsonl", "--mode", "recall", "--jobs=2", "-"]).unwrap();
        assert_eq!(
            (c.format, c.mode, c.jobs),
            (Format::Jsonl, ModeArg::Recall, Some(2))
        );
        assert_eq!(c.paths, ["-"]);
        let o = opts(&["--max-profile-lines=7", "a", "b"]);
        assert_eq!((o.max_profile_lines, o.paths.len()), (7, 2));
    }

    #[test]
    fn version_help_and_unknown_flags_are_not_paths() {
        use clap::error::ErrorKind;
        for (args, kind) in [
            (&["-V"][..], ErrorKind::DisplayVersion),
            (&["--version"], ErrorKind::DisplayVersion),
            (&["-h"], ErrorKind::DisplayHelp),
            (&["-q", "x"], ErrorKind::UnknownArgument),
            (&["--frmat", "jsonl", "x"], ErrorKind::UnknownArgument),
        ] {
            assert_eq!(cli(args).unwrap_err().kind(), kind, "{args:?}");
        }
    }

    #[test]
    fn defaults_come_from_the_library() {
        use clap::CommandFactory;
        let o = opts(&["x"]);
        assert_eq!(o.max_profile_lines, dumpclean::DEFAULT_MAX_LINES);
        assert_eq!(o.mode, Mode::Balanced);
        assert!(o.jobs >= 1);
        let help = Cli::command().render_long_help().to_string();
        let default = format!("[default: {}]", dumpclean::DEFAULT_MAX_LINES);
        assert!(help.contains(&default), "{help}");
    }
}
