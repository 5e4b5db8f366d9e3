//! Throughput benchmark: cleans a corpus of dumps several times and reports
//! MB/s on one thread.
//!
//! ```text
//! cargo bench --bench clean                 # the dev corpus if present, else testdata/seeds
//! DUMPCLEAN_BENCH_DIR=path/to/dumps cargo bench --bench clean
//! ```

use std::path::{Path, PathBuf};
use std::time::Instant;

fn corpus_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("DUMPCLEAN_BENCH_DIR") {
        return PathBuf::from(d);
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dev = root.join("../shared/corpus/dev/innertext");
    if dev.is_dir() {
        dev
    } else {
        root.join("testdata/seeds")
    }
}

fn main() {
    let dir = corpus_dir();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let docs: Vec<String> = files
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    let cleaner = dumpclean::Cleaner::new();
    // Warm-up (compiles the lazily built regexes), then timed rounds.
    for d in &docs {
        std::hint::black_box(cleaner.clean(d).ok());
    }
    let rounds = (200_000_000 / bytes.max(1)).clamp(1, 50);
    let start = Instant::now();
    for _ in 0..rounds {
        for d in &docs {
            std::hint::black_box(cleaner.clean(d).ok());
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = (bytes * rounds) as f64 / 1e6;
    println!(
        "clean: {} dumps, {:.1} MB x {rounds} rounds from {}: {:.2} s, {:.1} MB/s per core",
        docs.len(),
        bytes as f64 / 1e6,
        dir.display(),
        secs,
        mb / secs
    );
}
