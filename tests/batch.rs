//! `Cleaner::clean_batch` equals cleaning one dump after the other, whatever
//! the number of threads (with the `rayon` feature).

use dumpclean::{Article, Cleaner, Error};

fn dumps() -> Vec<String> {
    let mut v: Vec<String> = ["000", "001", "002"]
        .iter()
        .map(|id| std::fs::read_to_string(format!("testdata/seeds/{id}.txt")).unwrap())
        .collect();
    let pages = std::path::Path::new("testdata/pages");
    let mut files: Vec<_> = std::fs::read_dir(pages)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    v.extend(files.iter().map(|f| std::fs::read_to_string(f).unwrap()));
    // Bad input keeps its place in the results.
    v.push("bin\0ary".to_string());
    v.push(String::new());
    v
}

fn sequential<'a>(c: &Cleaner, dumps: &'a [String]) -> Vec<Result<Article<'a>, Error>> {
    dumps.iter().map(|d| c.clean(d)).collect()
}

#[test]
fn batch_equals_sequential() {
    let dumps = dumps();
    let c = Cleaner::new();
    let batch = c.clean_batch(&dumps);
    assert_eq!(batch.len(), dumps.len());
    assert_eq!(batch, sequential(&c, &dumps));
    assert!(matches!(batch[dumps.len() - 2], Err(Error::Binary { .. })));
}

#[cfg(feature = "rayon")]
#[test]
fn batch_is_the_same_on_any_number_of_threads() {
    let dumps: Vec<String> = dumps().into_iter().cycle().take(60).collect();
    let c = Cleaner::new();
    let want = sequential(&c, &dumps);
    for threads in [1, 2, 3, 8] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        let got = pool.install(|| c.clean_batch(&dumps));
        assert_eq!(got, want, "{threads} threads");
    }
}
