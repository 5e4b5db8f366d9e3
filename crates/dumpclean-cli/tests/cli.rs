//! The built `dumpclean` binary on real input kinds: WARC/WET files, JSONL
//! corpora and dumps, plain and compressed, from files and stdin, and bad
//! input of each kind.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_dumpclean");

/// Run the binary with `args` and `stdin`.
fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let bytes = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        // The binary may stop reading early (a usage error).
        let _ = input.write_all(&bytes);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

/// The JSON records of an output.
fn records(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A file of `bytes` in a folder of this test under the target directory's
/// `tmp` (cargo's place for integration tests' files; `cargo clean` removes
/// it), not the system's temporary folder.
fn file(test: &str, name: &str, bytes: &[u8]) -> String {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{test}"));
    std::fs::create_dir_all(&dir).unwrap();
    let path: PathBuf = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn page(i: usize) -> String {
    format!(
        "Home\nNews\nSport\n\nStory {i} of the day\n\nThe council met on day {i} and approved a \
         plan for the harbour, the mayor said after the long meeting.\n\nPrivacy\n"
    )
}

fn warc_record(kind: &str, id: &str, url: &str, body: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {url}\r\nWARC-Date: 2026-01-01T00:00:00Z\r\n\
         WARC-Record-ID: <urn:test:{id}>\r\nContent-Type: text/plain\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    r.extend_from_slice(body);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

/// A WET file as Common Crawl writes it, each record its own gzip member:
/// a warcinfo record, then `n` conversion records.
fn wet(n: usize, zipped: bool) -> Vec<u8> {
    let mut recs = vec![warc_record("warcinfo", "info", "", b"software: test\r\n")];
    for i in 0..n {
        let url = format!("https://www.example.org/story/{i}");
        recs.push(warc_record(
            "conversion",
            &format!("p{i}"),
            &url,
            page(i).as_bytes(),
        ));
    }
    recs.iter()
        .flat_map(|r| if zipped { gzip(r) } else { r.clone() })
        .collect()
}

fn jsonl(n: usize) -> String {
    (0..n)
        .map(|i| {
            let url = format!("https://www.example.org/story/{i}");
            serde_json::json!({"id": format!("p{i}"), "text": page(i), "url": url}).to_string()
                + "\n"
        })
        .collect()
}

#[test]
fn version_and_help_and_unknown_flags() {
    let out = run(&["--version"], b"");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("dumpclean "));
    let out = run(&["--help"], b"");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("--format"));
    let out = run(&["-q", "x"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("-q"), "{}", stderr(&out));
}

#[test]
fn a_seed_is_cleaned_as_text() {
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata/seeds/000.txt");
    let out = run(&[seed], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("=== 000\n"));
}

#[test]
fn wet_files_are_read_plain_gzip_zstd_and_on_stdin() {
    let plain = wet(3, false);
    let want: Vec<serde_json::Value> = {
        let path = file("wet", "dev.warc.wet", &plain);
        let out = run(&["--format", "jsonl", &path], b"");
        assert!(out.status.success(), "{}", stderr(&out));
        records(&out)
    };
    assert_eq!(want.len(), 3);
    for (i, r) in want.iter().enumerate() {
        assert_eq!(r["id"], format!("<urn:test:p{i}>"));
        assert!(r["body"]
            .as_str()
            .unwrap()
            .contains(&format!("on day {i} and")));
    }
    let zst = zstd::encode_all(&plain[..], 3).unwrap();
    for bytes in [wet(3, true), zst] {
        let path = file("wet", "dev.bin", &bytes);
        let out = run(&["--format", "jsonl", &path], b"");
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(records(&out), want);
        let out = run(&["--format", "jsonl", "-"], &bytes);
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(records(&out), want);
    }
}

#[test]
fn jsonl_is_recognised_on_stdin_and_compressed() {
    let text = jsonl(4);
    let out = run(&["--format", "jsonl", "-"], text.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let want = records(&out);
    let ids: Vec<_> = want.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["p0", "p1", "p2", "p3"]);
    let path = file("jsonl", "corpus.data", &gzip(text.as_bytes()));
    let out = run(&["--format", "jsonl", &path], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(records(&out), want);
}

#[test]
fn response_records_are_reported_as_html() {
    let mut bytes = warc_record("response", "r", "https://example.org/", b"<html></html>");
    bytes.extend(warc_record(
        "request",
        "q",
        "https://example.org/",
        b"GET /",
    ));
    bytes.extend(warc_record(
        "conversion",
        "c",
        "https://example.org/",
        page(1).as_bytes(),
    ));
    let out = run(&["--format", "jsonl", "-"], &bytes);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("WARC record 1 (<urn:test:r>): HTML, not a text dump"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(records(&out).len(), 1);
}

#[test]
fn a_broken_warc_record_is_reported_with_its_number() {
    let mut bytes = wet(2, false);
    bytes.extend_from_slice(b"WARC/1.0\r\nWARC-Type conversion\r\n\r\n");
    let path = file("broken", "broken.warc", &bytes);
    let out = run(&["--format", "jsonl", &path], b"");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(&format!("{path}: WARC record 4: a header line without `:`")),
        "{err}"
    );
    assert_eq!(records(&out).len(), 2);
}

#[test]
fn a_truncated_gzip_file_is_reported_and_the_next_input_read() {
    let text = jsonl(200);
    let zipped = gzip(text.as_bytes());
    let cut = file("trunc", "corpus.jsonl.gz", &zipped[..zipped.len() / 2]);
    let next = file("trunc", "next.jsonl", jsonl(1).as_bytes());
    let out = run(&["--format", "jsonl", &cut, &next], b"");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let recs = records(&out);
    let read = recs.len() - 1;
    assert!(read > 0 && read < 200, "{read}");
    // The line it fails in is the one after the last record written.
    let want = format!("{cut} (gzip):{}: cannot read:", read + 1);
    assert!(err.contains(&want), "{err}");
    assert_eq!(recs.last().unwrap()["id"], "p0");
    // With --on-error stop, the next input is not read.
    let out = run(
        &["--format", "jsonl", "--on-error", "stop", &cut, &next],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(records(&out).len(), read);
    // A truncated WET file: the records before the cut, and the one cut.
    let bytes = wet(50, true);
    let cut = file("trunc", "cut.warc.wet.gz", &bytes[..bytes.len() / 2]);
    let out = run(&["--format", "jsonl", &cut], b"");
    assert_eq!(out.status.code(), Some(1));
    let n = records(&out).len();
    assert!(n > 0 && n < 50);
    let err = stderr(&out);
    assert!(
        err.contains(&format!("{cut} (gzip): WARC record {}:", n + 2)),
        "{err}"
    );
}

#[test]
fn an_invalid_json_line_is_reported_and_skipped_or_stops_the_run() {
    let mut text = jsonl(3);
    text.insert_str(text.find('\n').unwrap() + 1, "{not json}\n");
    let path = file("invalid", "bad.jsonl", text.as_bytes());
    let out = run(&["--format", "jsonl", &path], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(&format!("{path}:2: invalid JSON")),
        "{}",
        stderr(&out)
    );
    assert_eq!(records(&out).len(), 3);
    let out = run(&["--format", "jsonl", "--on-error", "stop", &path], b"");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(records(&out).len(), 1);
}

#[test]
fn a_bad_warc_record_stops_the_run_when_asked() {
    let mut bytes = warc_record(
        "conversion",
        "a",
        "https://example.org/a",
        page(1).as_bytes(),
    );
    bytes.extend(warc_record(
        "response",
        "r",
        "https://example.org/",
        b"<html></html>",
    ));
    bytes.extend(warc_record(
        "conversion",
        "b",
        "https://example.org/b",
        page(2).as_bytes(),
    ));
    let out = run(&["--format", "jsonl", "--on-error", "stop", "-"], &bytes);
    assert_eq!(out.status.code(), Some(1));
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["id"], "<urn:test:a>");
    assert_eq!(recs[0]["url"], "https://example.org/a");
    let out = run(&["--format", "jsonl", "-"], &bytes);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(records(&out).len(), 2);
}

#[test]
fn a_truncated_zstd_file_and_a_missing_file_are_reported() {
    // Cut past the first bytes read (to tell what the file holds), and
    // within them.
    for n in [4000, 20] {
        let text = jsonl(n);
        let z = zstd::encode_all(text.as_bytes(), 3).unwrap();
        let cut = file("zstd", "corpus.jsonl.zst", &z[..z.len() / 2]);
        let out = run(
            &["--format", "jsonl", &cut, "/nonexistent/dumpclean/x.txt"],
            b"",
        );
        assert_eq!(out.status.code(), Some(1));
        let err = stderr(&out);
        assert!(err.contains(&format!("{cut} (zstd):")), "{err}");
        assert!(err.contains("cannot read"), "{err}");
        assert!(err.contains("/nonexistent/dumpclean/x.txt"), "{err}");
        assert!(records(&out).len() < n);
    }
}

#[test]
fn site_profiles_are_learned_from_wet_urls() {
    // Six pages of one site share a promo line, which the profile drops.
    let mut bytes = Vec::new();
    for i in 0..6 {
        let text = page(i).replace(
            "Privacy\n",
            "Support local journalism and become a member of our newsroom today.\n\nPrivacy\n",
        );
        let url = format!("https://www.example.org/story/{i}");
        bytes.extend(warc_record(
            "conversion",
            &format!("p{i}"),
            &url,
            text.as_bytes(),
        ));
    }
    let path = file("profiles", "site.warc.wet.gz", &gzip(&bytes));
    let body = |out: &Output| -> Vec<String> {
        records(out)
            .iter()
            .map(|r| r["body"].as_str().unwrap().to_string())
            .collect()
    };
    let plain = run(&["--format", "jsonl", &path], b"");
    assert!(body(&plain)
        .iter()
        .all(|b| b.contains("Support local journalism")));
    let with = run(&["--format", "jsonl", "--site-profiles", &path], b"");
    assert!(with.status.success(), "{}", stderr(&with));
    let bodies = body(&with);
    assert_eq!(bodies.len(), 6);
    for (i, b) in bodies.iter().enumerate() {
        assert!(!b.contains("Support local journalism"), "{b}");
        assert!(b.contains(&format!("on day {i} and approved")), "{b}");
    }
}

#[test]
fn profiles_learned_on_shards_and_merged_clean_as_those_of_the_whole() {
    let promo = "Support local journalism and become a member of our newsroom today.\n\n";
    let text: String = (0..6)
        .map(|i| {
            let page = page(i).replace("Privacy\n", &format!("{promo}Privacy\n"));
            let url = format!("https://www.example.org/story/{i}");
            serde_json::json!({"id": format!("p{i}"), "text": page, "url": url}).to_string() + "\n"
        })
        .collect();
    let lines: Vec<&str> = text.lines().collect();
    let whole = file("shards", "whole.jsonl", text.as_bytes());
    let one = file(
        "shards",
        "one.jsonl",
        (lines[..2].join("\n") + "\n").as_bytes(),
    );
    // The second shard is a WET file.
    let mut wet = Vec::new();
    for (i, line) in lines[2..].iter().enumerate() {
        let rec: serde_json::Value = serde_json::from_str(line).unwrap();
        let url = rec["url"].as_str().unwrap();
        let body = rec["text"].as_str().unwrap();
        wet.extend(warc_record(
            "conversion",
            &format!("w{i}"),
            url,
            body.as_bytes(),
        ));
    }
    let two = file("shards", "two.warc.wet.gz", &gzip(&wet));
    let (p1, p2, merged) = (
        file("shards", "p1.json", b""),
        file("shards", "p2.json", b""),
        file("shards", "merged.json", b""),
    );
    for (shard, profile) in [(&one, &p1), (&two, &p2)] {
        let args = [
            "--site-profiles",
            "--learn-only",
            "--save-profiles",
            profile,
            shard,
        ];
        let out = run(&args, b"");
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(out.stdout.is_empty());
    }
    let out = run(
        &[
            "--load-profiles",
            &p1,
            "--load-profiles",
            &p2,
            "--save-profiles",
            &merged,
        ],
        b"",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let with_merged = run(
        &["--format", "jsonl", "--load-profiles", &merged, &whole],
        b"",
    );
    assert!(with_merged.status.success(), "{}", stderr(&with_merged));
    let learned = run(&["--format", "jsonl", "--site-profiles", &whole], b"");
    assert_eq!(records(&with_merged), records(&learned));
    let bodies = records(&learned);
    assert_eq!(bodies.len(), 6);
    assert!(bodies
        .iter()
        .all(|r| !r["body"].as_str().unwrap().contains("Support local")));
    // Two files loaded at once: the same.
    let both = run(
        &[
            "--format",
            "jsonl",
            "--load-profiles",
            &p1,
            "--load-profiles",
            &p2,
            &whole,
        ],
        b"",
    );
    assert_eq!(records(&both), records(&learned));
}

/// `--format report` prints the library's report: bare for the run's only
/// dump, after a `=== ID` line for each dump of a directory or corpus.
#[test]
fn report_format_prints_the_librarys_report() {
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata/seeds");
    let path = format!("{seeds}/000.txt");
    let dump = std::fs::read_to_string(&path).unwrap();
    let want = dumpclean::clean(&dump).unwrap().report(&dump).to_string();
    let out = run(&["--format", "report", &path], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), want);
    // On stdin, the same.
    let out = run(&["--format=report", "-"], dump.as_bytes());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), want);
    // A directory: each report after its id.
    let out = run(&["--format", "report", seeds], b"");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with(&format!("=== 000\n{want}=== 001\n")),
        "{text}"
    );
    assert_eq!(text.matches("\n== lines\n").count(), 3);
}
