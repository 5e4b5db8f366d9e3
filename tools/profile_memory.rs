//! Learn one site profile from many synthetic pages and report its size,
//! the learning rate and (with `/usr/bin/time -v`) the peak memory.
//!
//! ```text
//! cargo build --release --example profile_memory
//! /usr/bin/time -v target/release/examples/profile_memory ../shared/corpus/dev/innertext 10000 500000
//! ```
//!
//! The pages are the dumps of DIR, cycled; every third non-blank line of a
//! page gets the page's number appended, so that the site has many distinct
//! lines, as a real one does.

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(n), Some(max)) = (args.next(), args.next(), args.next()) else {
        eprintln!("usage: profile_memory DIR PAGES MAX_LINES");
        std::process::exit(2);
    };
    let n: usize = n.parse().expect("PAGES: a number");
    let max: usize = max.parse().expect("MAX_LINES: a number");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("DIR: a directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let docs: Vec<String> = files
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .collect();
    assert!(!docs.is_empty(), "no *.txt dumps in {dir}");
    let pages: Vec<String> = (0..n)
        .map(|i| {
            docs[i % docs.len()]
                .lines()
                .enumerate()
                .map(|(j, l)| {
                    if j % 3 == 0 && !l.trim().is_empty() {
                        format!("{l} {i}")
                    } else {
                        l.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect();
    let bytes: usize = pages.iter().map(String::len).sum();
    let start = std::time::Instant::now();
    let mut profile = dumpclean::SiteProfile::with_max_lines(max);
    for page in &pages {
        profile.learn(page);
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{n} pages, {:.1} MB: learned in {secs:.2} s ({:.1} MB/s); {} lines kept of at most {max}, sampled {}",
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs,
        profile.len(),
        profile.sampled()
    );
}
