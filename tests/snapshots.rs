//! Snapshot tests, as the README tells users to write them: every dump
//! under `testdata/seeds/` and `testdata/pages/` cleaned, and its
//! [`dumpclean::Report`] stored with insta. Any change in what the cleaner
//! does with one of them shows up as a diff to be reviewed line by line
//! (`cargo insta review`).

/// The report of a dump file, cleaned in the default mode without a profile.
fn report(path: &std::path::Path) -> String {
    let dump = std::fs::read_to_string(path).unwrap();
    let article = dumpclean::Cleaner::new().clean(&dump).unwrap();
    article.report(&dump).to_string()
}

#[test]
fn seeds() {
    insta::glob!("../testdata/seeds", "*.txt", |path| {
        insta::assert_snapshot!(report(path));
    });
}

#[test]
fn pages() {
    insta::glob!("../testdata/pages", "*.txt", |path| {
        insta::assert_snapshot!(report(path));
    });
}
