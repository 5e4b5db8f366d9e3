//! Site profiles: learning is order-independent and mergeable, profiles
//! survive a save/load round trip, and cleaning with a profile labels a
//! line that recurs on every page of a site as chrome while keeping the
//! article text.

use dumpclean::{Cleaner, Label, SiteProfile};

const SEED_001: &str = include_str!("../testdata/seeds/001.txt");
const SEED_002: &str = include_str!("../testdata/seeds/002.txt");

/// A small site: four articles sharing a menu, a closing appeal written as a
/// sentence, and a footer.
fn site() -> Vec<String> {
    let articles = [
        ("Harbour reopens after repairs", "The harbour reopened on Monday after three weeks of repairs to the old quay walls, the port authority said in a statement.", "Fishermen said the closure had cost them most of the spring season, and that they would ask the province for help before the summer."),
        ("New library opens its doors", "The new library in the town centre opened its doors on Saturday to several hundred visitors, who queued in the rain for the first tour.", "The building replaces the old reading room on the market square, which closed two years ago after the roof began to leak in every storm."),
        ("Council delays the budget vote", "The town council postponed its vote on next year's budget on Tuesday, after the opposition asked for more time to study the cuts to the bus lines.", "The mayor said she regretted the delay but expected the budget to pass before the end of the month, with or without the changes."),
        ("Football club signs a new coach", "The local football club has signed a new head coach for the coming two seasons, the board announced on Thursday evening after weeks of talks.", "He replaces the former coach, who left in the spring after the team narrowly escaped relegation on the last day of the season."),
    ];
    articles
        .iter()
        .map(|(head, p1, p2)| {
            format!(
                "Home\nNews\nSport\nCulture\n\n{head}\n\n{p1}\n\n{p2}\n\n\
                 Support independent local journalism and become a member of our newsroom today.\n\n\
                 Contact\nPrivacy policy\n"
            )
        })
        .collect()
}

const APPEAL: &str =
    "Support independent local journalism and become a member of our newsroom today.";

fn learned<'a>(pages: impl IntoIterator<Item = &'a str>) -> SiteProfile {
    let mut p = SiteProfile::new();
    for page in pages {
        p.learn(page);
    }
    p
}

#[test]
fn learning_does_not_depend_on_page_order() {
    let pages = site();
    let forward = learned(pages.iter().map(String::as_str));
    let backward = learned(pages.iter().rev().map(String::as_str));
    assert_eq!(forward, backward);
    let mixed = learned([&pages[2], &pages[0], &pages[3], &pages[1]].map(String::as_str));
    assert_eq!(forward, mixed);
    assert_eq!(forward.pages(), 4);
    assert_eq!(forward.page_count(APPEAL), 4);
    assert_eq!(forward.page_count("harbour reopens after REPAIRS"), 1);
}

#[test]
fn merging_equals_learning_on_the_union() {
    let pages = site();
    let mut all: Vec<&str> = pages.iter().map(String::as_str).collect();
    all.extend([SEED_001, SEED_002]);
    let whole = learned(all.iter().copied());
    let mut left = learned(all[..3].iter().copied());
    let right = learned(all[3..].iter().copied());
    left.merge(&right);
    assert_eq!(left, whole);
    // Also when the limit on lines forces a sample.
    let small = |pages: &[&str]| {
        let mut p = SiteProfile::with_max_lines(20);
        for page in pages {
            p.learn(page);
        }
        p
    };
    let whole = small(&all);
    assert!(whole.len() <= 20 && whole.sampled() < 1.0);
    let mut left = small(&all[..2]);
    left.merge(&small(&all[2..]));
    assert_eq!(left, whole);
    let reversed: Vec<&str> = all.iter().rev().copied().collect();
    assert_eq!(small(&reversed), whole);
}

#[test]
fn template_lines_can_be_inspected() {
    let pages = site();
    let p = learned(pages.iter().map(String::as_str));
    let template: Vec<(String, u64)> = p.template_lines(1.0).map(|t| (t.text, t.pages)).collect();
    assert_eq!(
        template,
        [
            "contact",
            "culture",
            "home",
            "news",
            "privacy policy",
            "sport",
            "support independent local journalism and become a member of our",
        ]
        .map(|t| (t.to_string(), 4))
    );
}

#[test]
fn a_line_on_every_page_is_chrome_and_the_article_is_kept() {
    let pages = site();
    let profile = learned(pages.iter().map(String::as_str));
    let cleaner = Cleaner::new();
    for page in &pages {
        let row = page.split('\n').position(|l| l == APPEAL).unwrap();
        // Alone, the page keeps the appeal: it reads like a sentence.
        let alone = cleaner.clean(page).unwrap();
        assert_eq!(alone.lines()[row].label, Label::Body, "{page}");
        // With the site's profile it is chrome, and the article stays.
        let a = cleaner.clean_with_profile(page, &profile).unwrap();
        assert!(matches!(a.lines()[row].label, Label::Chrome(_)), "{page}");
        let body = a.body_text();
        assert!(!body.contains("Support independent"), "{body}");
        let mut want = alone.body_text();
        want.truncate(want.find("\n\nSupport independent").unwrap());
        assert_eq!(body, want);
    }
}

#[test]
fn seeds_of_one_site_stay_exact_with_their_profile() {
    let profile = learned([SEED_001, SEED_002]);
    let cleaner = Cleaner::new();
    for text in [SEED_001, SEED_002] {
        let alone = cleaner.clean(text).unwrap();
        let with = cleaner.clean_with_profile(text, &profile).unwrap();
        assert_eq!(with, alone);
    }
}

#[test]
fn a_copied_page_learns_nothing_from_its_copy() {
    // Two pages of one site carrying the same article: every line recurs,
    // and the profile must not empty the article.
    let page = &site()[0];
    let profile = learned([page.as_str(), page.as_str()]);
    let cleaner = Cleaner::new();
    assert_eq!(
        cleaner.clean_with_profile(page, &profile).unwrap(),
        cleaner.clean(page).unwrap()
    );
}

#[test]
fn profiles_save_and_load() {
    let pages = site();
    let profile = learned(pages.iter().map(String::as_str));
    let json = serde_json::to_string(&profile).unwrap();
    let back: SiteProfile = serde_json::from_str(&json).unwrap();
    assert_eq!(back, profile);
    // Equal profiles save to equal text.
    let other = learned(pages.iter().rev().map(String::as_str));
    assert_eq!(serde_json::to_string(&other).unwrap(), json);
    // A damaged file is an error, not a wrong profile.
    let damaged = json.replacen("\"pages\":4", "\"pages\":1", 1);
    assert!(serde_json::from_str::<SiteProfile>(&damaged).is_err());
}

#[test]
fn memory_is_bounded_by_max_lines() {
    let mut p = SiteProfile::with_max_lines(1000);
    for i in 0..3000 {
        p.learn(&format!(
            "Home\nNews\n\nStory number {i} of the day\n\nLine {i} of a long article that nobody repeats.\n"
        ));
    }
    assert!(p.len() <= 1000, "{}", p.len());
    assert_eq!(p.pages(), 3000);
    assert!(p.sampled() < 1.0);
}

/// Found by the fuzz target (`testdata/fuzz/profile-order-crash.txt`): two
/// lines of one page share a key ("254", "25©4"), and which text stood for
/// them depended on the lines the profile's bound let through when the page
/// was learned, so on the order of the pages.
#[test]
fn the_text_kept_for_a_line_does_not_depend_on_page_order() {
    let text = include_str!("../testdata/fuzz/profile-order-crash.txt");
    let mid = (0..=text.len() / 2)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap();
    let pages = [text, &text[..mid], &text[mid..]];
    let learn = |order: [usize; 3]| {
        let mut p = SiteProfile::with_max_lines(64);
        for i in order {
            p.learn(pages[i]);
        }
        p
    };
    let first = learn([0, 1, 2]);
    assert!(first.sampled() < 1.0);
    for order in [[2, 0, 1], [1, 2, 0], [2, 1, 0]] {
        assert_eq!(learn(order), first, "{order:?}");
    }
}
