//! Throughput benchmarks (divan), reported in bytes of input per second.
//!
//! ```text
//! cargo bench --bench clean                    # everything
//! cargo bench --bench clean -- corpus          # only the corpus benches
//! DUMPCLEAN_BENCH_DIR=path/to/dumps cargo bench --bench clean -- corpus
//! ```
//!
//! * `seed`: one seed dump (`testdata/seeds`), cleaned on one thread.
//! * `corpus`: every `*.txt` dump of the corpus directory, cleaned one after
//!   the other on one thread: the per-core rate. The corpus is
//!   `DUMPCLEAN_BENCH_DIR`, else `../shared/corpus/dev/innertext` when it
//!   exists, else `testdata/`.
//! * `corpus_batch`: the same dumps through `Cleaner::clean_batch` on all
//!   cores (the `rayon` feature).
//! * `profile_learn`: learning one `SiteProfile` from every dump of the corpus.

use divan::counter::BytesCount;
use divan::Bencher;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn main() {
    divan::main();
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn corpus_dirs() -> Vec<PathBuf> {
    if let Some(d) = std::env::var_os("DUMPCLEAN_BENCH_DIR") {
        return vec![PathBuf::from(d)];
    }
    let dev = root().join("../shared/corpus/dev/innertext");
    if dev.is_dir() {
        vec![dev]
    } else {
        vec![root().join("testdata/seeds"), root().join("testdata/pages")]
    }
}

/// The corpus dumps, read once.
fn corpus_docs() -> &'static [String] {
    static CORPUS: OnceLock<Vec<String>> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let mut files: Vec<PathBuf> = corpus_dirs()
            .iter()
            .flat_map(|dir| {
                std::fs::read_dir(dir)
                    .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
                    .filter_map(|e| e.ok().map(|e| e.path()))
            })
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        let docs: Vec<String> = files
            .iter()
            .filter_map(|f| std::fs::read_to_string(f).ok())
            .collect();
        let bytes: usize = docs.iter().map(String::len).sum();
        eprintln!(
            "corpus: {} dumps, {:.1} MB from {:?}",
            docs.len(),
            bytes as f64 / 1e6,
            corpus_dirs()
        );
        docs
    })
}

fn corpus_bytes() -> usize {
    corpus_docs().iter().map(String::len).sum()
}

#[divan::bench(args = ["000", "001", "002"])]
fn seed(bencher: Bencher, id: &str) {
    let text = std::fs::read_to_string(root().join(format!("testdata/seeds/{id}.txt")))
        .expect("seed dump");
    let cleaner = dumpclean::Cleaner::new();
    bencher.counter(BytesCount::new(text.len())).bench(|| {
        cleaner
            .clean(divan::black_box(&text))
            .map(|a| a.blocks().len())
    });
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn corpus(bencher: Bencher) {
    let docs = corpus_docs();
    let cleaner = dumpclean::Cleaner::new();
    bencher.counter(BytesCount::new(corpus_bytes())).bench(|| {
        docs.iter()
            .map(|d| {
                cleaner
                    .clean(divan::black_box(d))
                    .map_or(0, |a| a.blocks().len())
            })
            .sum::<usize>()
    });
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn corpus_batch(bencher: Bencher) {
    let docs = corpus_docs();
    let cleaner = dumpclean::Cleaner::new();
    bencher
        .counter(BytesCount::new(corpus_bytes()))
        .bench(|| cleaner.clean_batch(divan::black_box(docs)).len());
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn profile_learn(bencher: Bencher) {
    let docs = corpus_docs();
    bencher.counter(BytesCount::new(corpus_bytes())).bench(|| {
        let mut p = dumpclean::SiteProfile::new();
        for d in docs {
            p.learn(divan::black_box(d));
        }
        p.len()
    });
}
