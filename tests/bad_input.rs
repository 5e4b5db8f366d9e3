//! Every row of the README's "What happens with bad input" table, tested.

use dumpclean::{ChromeKind, Cleaner, Error, Label};

fn labels(a: &dumpclean::Article<'_>) -> Vec<Label> {
    a.lines().iter().map(|l| l.label).collect()
}

#[test]
fn empty_input_is_an_empty_article() {
    let a = dumpclean::clean("").unwrap();
    assert!(a.is_empty());
    assert_eq!(labels(&a), [Label::Blank]);
    assert!(dumpclean::clean_bytes(b"").unwrap().is_empty());
}

#[test]
fn whitespace_only_is_an_empty_article_of_blank_lines() {
    let input = " \n\t\n\u{a0}\u{2003}\n\r\n";
    let a = dumpclean::clean(input).unwrap();
    assert!(a.is_empty());
    assert!(a.chrome().is_empty());
    assert!(labels(&a).iter().all(|&l| l == Label::Blank));
    assert_eq!(a.lines().len(), input.split('\n').count());
}

#[test]
fn binary_input_is_an_error() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0";
    assert!(matches!(
        dumpclean::clean_bytes(png),
        Err(Error::Binary { offset: 8 })
    ));
    // Text with NUL bytes, given as &str, is binary too.
    assert!(matches!(
        dumpclean::clean("abc\0def"),
        Err(Error::Binary { offset: 3 })
    ));
    let err = dumpclean::clean("abc\0def").unwrap_err().to_string();
    assert!(err.contains("binary") && err.contains("UTF-8"), "{err}");
}

#[test]
fn invalid_utf8_is_an_error_naming_the_offset() {
    let bytes = b"Caf\xe9 au lait\n";
    match dumpclean::clean_bytes(bytes) {
        Err(Error::InvalidUtf8 { valid_up_to }) => assert_eq!(valid_up_to, 3),
        other => panic!("{other:?}"),
    }
    let msg = dumpclean::clean_bytes(bytes).unwrap_err().to_string();
    assert!(msg.contains("from_utf8_lossy"), "{msg}");
}

#[test]
fn utf8_bom_is_kept_out_of_the_text_and_spans_index_the_bytes() {
    let mut bytes = b"\xEF\xBB\xBFTram line opens after two years of works\n\n".to_vec();
    bytes.extend_from_slice(
        "The new tram line between the station and the university opened on Tuesday, two years after the works began.\n"
            .as_bytes(),
    );
    let a = dumpclean::clean_bytes(&bytes).unwrap();
    assert_eq!(a.title(), Some("Tram line opens after two years of works"));
    let b = &a.blocks()[0];
    assert_eq!(&bytes[b.span.clone()], b.text.as_bytes());
    assert_eq!(a.lines()[0].span.start, 0);
}

#[test]
fn utf16_is_an_error_asking_for_utf8() {
    assert!(matches!(
        dumpclean::clean_bytes(b"\xFF\xFEH\0i\0"),
        Err(Error::Utf16 { big_endian: false })
    ));
    assert!(matches!(
        dumpclean::clean_bytes(b"\xFE\xFF\0H\0i"),
        Err(Error::Utf16 { big_endian: true })
    ));
}

const ARTICLE: &str = "Home\nNews\nSport\n\nHarbour reopens after repairs\n\nThe harbour reopened on Monday after three weeks of repairs to the old quay walls, the port authority said.\n\nFishermen said the closure had cost them most of the spring season and asked the province for help.\n\nPrivacy policy\n";

#[test]
fn crlf_gives_the_same_labels_and_text_as_lf() {
    let crlf = ARTICLE.replace('\n', "\r\n");
    let (a, b) = (
        dumpclean::clean(ARTICLE).unwrap(),
        dumpclean::clean(&crlf).unwrap(),
    );
    assert_eq!(labels(&a), labels(&b));
    assert_eq!(a.body_text(), b.body_text());
    for (info, line) in b.lines().iter().zip(crlf.split('\n')) {
        assert_eq!(&crlf[info.span.clone()], line.trim_end_matches('\r'));
    }
}

#[test]
fn lone_cr_line_ends_keep_text_apart() {
    // Old Mac line ends: one input line, whose parts are cells.
    let cr = ARTICLE.replace('\n', "\r");
    let a = dumpclean::clean(&cr).unwrap();
    assert_eq!(a.lines().len(), 1);
    assert!(a.blocks().iter().all(|b| !b.text.contains('\r')));
    assert!(a.body_text().contains("The harbour reopened on Monday"));
}

#[test]
fn a_50_mb_line_is_cleaned_and_a_limit_turns_it_into_an_error() {
    let sentence = "The committee met again on Thursday to discuss the budget for next year. ";
    let line: String = sentence.repeat(50_000_000 / sentence.len());
    let input = format!("Home\n\n{line}\n");
    let a = dumpclean::clean(&input).unwrap();
    assert_eq!(a.lines().len(), 4);
    assert_eq!(a.blocks().len(), 1);
    assert_eq!(a.blocks()[0].text.len(), line.trim_end().len());
    let strict = Cleaner::builder().max_line_bytes(1 << 20).build();
    match strict.clean(&input) {
        Err(Error::LineTooLong {
            line: 2,
            len,
            limit,
        }) => {
            assert_eq!((len, limit), (line.len(), 1 << 20));
        }
        other => panic!("{other:?}"),
    }
    let small = Cleaner::builder().max_input_bytes(1000).build();
    assert!(matches!(
        small.clean(&input),
        Err(Error::InputTooLarge { .. })
    ));
}

#[test]
fn a_million_tiny_lines_are_cleaned() {
    let input = "x\n".repeat(1_000_000);
    let a = dumpclean::clean(&input).unwrap();
    assert_eq!(a.lines().len(), 1_000_001);
    assert!(a.blocks().is_empty());
}

#[test]
fn only_chrome_gives_an_empty_body_with_all_lines_labelled() {
    let input = "Home\nNews\nSport\nWeather\n\nNewsletter\nFollow us on Facebook\n\nPrivacy policy\nCookie settings\n© 2025 Example Media\n";
    let a = dumpclean::clean(input).unwrap();
    assert!(a.is_empty(), "{:?}", a.blocks());
    assert_eq!(labels(&a)[0], Label::Chrome(ChromeKind::Navigation));
    assert_eq!(labels(&a)[9], Label::Chrome(ChromeKind::Footer));
    assert!(labels(&a)
        .iter()
        .all(|l| matches!(l, Label::Chrome(_) | Label::Blank)));
}

#[test]
fn right_to_left_text_is_kept() {
    let input = "الرئيسية\nأخبار\nرياضة\n\nافتتاح جسر جديد فوق النهر\n\nافتتحت البلدية يوم الاثنين جسرا جديدا فوق النهر بعد عامين من الأعمال، وقالت إن الجسر سيخفف الازدحام في وسط المدينة.\n\nوقال رئيس البلدية إن المشروع كلف نحو أربعين مليون دينار وإن العمل سيستمر في الطرق المؤدية إلى الجسر حتى نهاية العام.\n\nسياسة الخصوصية\n";
    let a = dumpclean::clean(input).unwrap();
    assert_eq!(a.blocks().len(), 2, "{:?}", labels(&a));
    assert!(a.blocks()[0].text.starts_with("افتتحت"));
}

#[test]
fn cjk_without_spaces_is_kept() {
    let input = "首页\n新闻\n体育\n\n城市新桥正式通车\n\n经过两年的施工，横跨江面的新大桥于周一正式通车，市政府表示这座桥将大大缓解市中心的交通压力。\n\n市长在通车仪式上说，这个项目总投资约四十亿元，配套道路的建设将在年底前全部完成。\n\n隐私政策\n";
    let a = dumpclean::clean(input).unwrap();
    assert_eq!(a.blocks().len(), 2, "{:?}", labels(&a));
    assert!(a.blocks()[0].text.starts_with("经过两年"));
}

#[test]
fn emoji_only_input_is_cleaned_without_panic() {
    let input = "🎉🎉🎉\n\n👍 👍 👍\n🔥\n";
    let a = dumpclean::clean(input).unwrap();
    assert_eq!(a.lines().len(), input.split('\n').count());
    for b in a.blocks() {
        assert_eq!(&input[b.span.clone()], b.text);
    }
}

#[test]
fn control_characters_in_text_are_kept_in_place_and_many_are_binary() {
    // A few stray control characters (bell, escape) in ordinary text.
    let input = ARTICLE
        .replace("Monday", "Mon\u{7}day")
        .replace("Fishermen", "\u{1b}Fishermen");
    let a = dumpclean::clean(&input).unwrap();
    assert_eq!(a.blocks().len(), 2);
    assert!(a.blocks()[0].text.contains("Mon\u{7}day"));
    // A line of which more than one byte in ten is a control byte is not
    // text: its body, cleaned again, would be refused as binary.
    let dense = ARTICLE.replace(
        "Fishermen said",
        "\u{1}\u{2}\u{3}\u{4}\u{5}\u{6}\u{7}\u{8}\u{e}\u{f}\u{10}\u{11}\u{12}\u{13}\u{14}\u{15}Fishermen said",
    );
    let a = dumpclean::clean(&dense).unwrap();
    assert_eq!(a.blocks().len(), 1);
    let row = dense
        .split('\n')
        .position(|l| l.contains("Fishermen"))
        .unwrap();
    assert!(matches!(a.lines()[row].label, Label::Chrome(_)));
    // Mostly control bytes: binary.
    let noise: String = (0..200)
        .map(|i| if i % 3 == 0 { 'a' } else { '\u{1}' })
        .collect();
    assert!(matches!(
        dumpclean::clean(&noise),
        Err(Error::Binary { offset: 1 })
    ));
}
