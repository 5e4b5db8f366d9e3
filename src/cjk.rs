//! The head's metadata as Chinese and Japanese pages write it: bylines
//! (`作者：王小明`, `〔記者黃良傑/高雄報導〕`, `文・山田太郎`), picture credits
//! (`圖／中央社`, `（图片来源：新华社）`, `写真：共同通信`) and comment counts
//! (`42則留言`, `评论(3)`, `コメント（12）`).
//!
//! These scripts put no space between a marker and the name after it, so
//! the scanners of [`crate::lexicon`], which read markers as words, find
//! none of them: [`crate::lexicon`]'s `byline`, `image_credit` and
//! `comment_count` ask these where their own scanners find nothing.

/// The markers a byline starts with, longest first: each needs a separator
/// after it (`作者：`, `文／`, `文・`), except those of reporters
/// ([`REPORTER_MARKERS`]), which a name may follow directly (`記者王小明`).
const BYLINE_MARKERS: &[&str] = &[
    "特派記者",
    "特派记者",
    "取材・文",
    "執筆者",
    "作者",
    "撰文",
    "執筆",
    "筆者",
    "著者",
    "記者",
    "记者",
    "文",
];

/// The markers of [`BYLINE_MARKERS`] a name may follow without a separator.
const REPORTER_MARKERS: &[&str] = &["特派記者", "特派记者", "記者", "记者"];

/// The markers a picture credit starts with, longest first; a separator
/// follows each.
const CREDIT_MARKERS: &[&str] = &[
    "圖片來源",
    "图片来源",
    "写真提供",
    "画像提供",
    "圖片",
    "图片",
    "照片",
    "攝影",
    "摄影",
    "資料照",
    "资料照",
    "写真",
    "画像",
    "撮影",
    "圖",
    "图",
];

/// The words of a comment count: `42則留言`, `评论(3)`, `コメント（12）`.
const COUNT_WORDS: &[&str] = &[
    "留言列表",
    "留言",
    "评论",
    "評論",
    "回應",
    "回应",
    "コメント",
];

/// What may stand between a number and [`COUNT_WORDS`] (`42則留言`,
/// `3条评论`, `5件のコメント`), longest first.
const COUNTERS: &[&str] = &["件の", "則", "条", "條", "件", "个", "個"];

/// The separators between a marker and a name, ASCII and full-width.
const SEPARATORS: &[char] = &['：', ':', '／', '/', '・', '｜', '|'];

/// What ends a name: separators, closing brackets, commas and stops,
/// white space.
fn ends_name(c: char) -> bool {
    matches!(
        c,
        '／' | '/' | '｜' | '|' | '）' | ')' | '】' | '〕' | ']' | '」' | '，' | ',' | '。' | '；'
    ) || c.is_whitespace()
}

/// How the place a reporter files from ends (`台北報導`, `北京电`).
const FILED: &[&str] = &["報導", "报道", "報道", "電", "电"];

/// The longest a byline or credit line may be, in bytes: a name, a marker
/// and a place (about 20 Chinese chars).
const META_BYTES: usize = 64;

/// The longest name of a byline, in chars (two or three names of two to
/// four chars each, with their commas).
const NAME_CHARS: usize = 16;

/// Whether `text` is short enough for a byline or a credit and starts as
/// one may: with a char from U+3000 to U+9FFF (CJK punctuation, Kana, Han:
/// UTF-8 lead bytes 0xE3 to 0xE9), a full-width form (0xEF: `（`) or an
/// ASCII bracket. One look at the first byte turns away the lines that
/// start with a Latin letter, a digit, a curly quote or an accented letter.
fn may_be_meta(text: &str) -> bool {
    text.len() <= META_BYTES
        && text
            .as_bytes()
            .first()
            .is_some_and(|&b| matches!(b, b'(' | b'[' | 0xE3..=0xE9 | 0xEF))
}

/// `text` trimmed, and without one pair of brackets around it (or an
/// opening one before it): `〔記者王小明／台北報導〕` → `記者王小明／台北報導`.
fn unbracketed(text: &str) -> &str {
    let t = text.trim();
    let t = t
        .strip_prefix(['〔', '【', '[', '（', '(', '「'])
        .map_or(t, |inner| inner.trim_start());
    t.strip_suffix(['〕', '】', ']', '）', ')', '」'])
        .map_or(t, str::trim_end)
}

/// `text` past one separator of [`SEPARATORS`] and the white space around
/// it, if it starts with one.
fn past_separator(text: &str) -> Option<&str> {
    text.trim_start()
        .strip_prefix(SEPARATORS)
        .map(str::trim_start)
}

/// A byline line → the name: `作者：王小明`, `文／王小明`, `撰文: 王小明`,
/// `記者王小明／台北報導`, `〔記者何玉華、陸運鋒/台北報導〕`, `文・山田太郎`.
/// A name is 2 to [`NAME_CHARS`] letters (names joined by `、` or `・`);
/// after it the line ends, or goes on in a separator and a place the
/// reporter files from (`／台北報導`, `/北京电`).
pub(crate) fn byline(text: &str) -> Option<&str> {
    if !may_be_meta(text) {
        return None;
    }
    let t = unbracketed(text);
    let (marker, rest) = BYLINE_MARKERS
        .iter()
        .find_map(|m| Some((*m, t.strip_prefix(m)?)))?;
    let rest = match past_separator(rest) {
        Some(rest) => rest,
        None if REPORTER_MARKERS.contains(&marker) => rest.trim_start(),
        None => return None,
    };
    let end = rest.find(ends_name).unwrap_or(rest.len());
    let (name, after) = rest.split_at(end);
    let chars = name.chars().count();
    let letters = name
        .chars()
        .all(|c| c.is_alphabetic() || matches!(c, '、' | '・' | '·'));
    if !(2..=NAME_CHARS).contains(&chars) || !letters {
        return None;
    }
    let after = after.trim();
    let filed =
        || past_separator(after).is_some_and(|place| FILED.iter().any(|f| place.ends_with(f)));
    (after.is_empty() || filed()).then_some(name)
}

/// A picture credit line → the credit: `圖／中央社`, `（图片来源：新华社）`,
/// `攝影：王小明`, `写真：共同通信`.
pub(crate) fn image_credit(text: &str) -> Option<&str> {
    if !may_be_meta(text) {
        return None;
    }
    let t = unbracketed(text);
    let rest = CREDIT_MARKERS.iter().find_map(|m| t.strip_prefix(m))?;
    let name = past_separator(rest)?.trim_end();
    let chars = name.chars().count();
    ((1..=30).contains(&chars) && !name.contains(['。', '！', '？'])).then_some(name)
}

/// `text` past white space, maybe a counter of [`COUNTERS`] and white
/// space again: what follows a comment count's number.
fn past_counter(text: &str) -> &str {
    let t = text.trim_start();
    COUNTERS
        .iter()
        .find_map(|c| t.strip_prefix(c))
        .unwrap_or(t)
        .trim_start()
}

/// A comment-count line → the count: `42則留言`, `3 条评论`, `5件のコメント`,
/// `留言(42)`, `評論（3）`, `コメント 12件`.
pub(crate) fn comment_count(text: &str) -> Option<u32> {
    let t = text.trim();
    if t.len() > META_BYTES {
        return None;
    }
    let digits_end = |s: &str| s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let number = |s: &str| s.parse::<u32>().ok();
    // The number first: `42則留言`.
    let n = digits_end(t);
    if n > 0 {
        return COUNT_WORDS
            .contains(&past_counter(&t[n..]))
            .then(|| number(&t[..n]))
            .flatten();
    }
    // The word first: `留言(42)`, `コメント 12件`.
    let rest = COUNT_WORDS
        .iter()
        .find_map(|w| t.strip_prefix(w))?
        .trim_start();
    let rest = rest.strip_prefix(['(', '（']).unwrap_or(rest).trim_start();
    let n = digits_end(rest);
    let closed = matches!(past_counter(&rest[n..]), "" | ")" | "）");
    if n == 0 || !closed {
        return None;
    }
    number(&rest[..n])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines() {
        for (text, name) in [
            ("作者：王小明", "王小明"),
            ("作者: 王小明", "王小明"),
            ("文／王小明", "王小明"),
            ("文/王小明", "王小明"),
            ("撰文：陳大文", "陳大文"),
            ("記者王小明／台北報導", "王小明"),
            ("〔記者黃良傑/高雄報導〕", "黃良傑"),
            ("〔記者何玉華、陸運鋒/台北報導〕", "何玉華、陸運鋒"),
            ("【記者 李四／綜合報導】", "李四"),
            ("特派記者賴錦宏/北京報導", "賴錦宏"),
            ("记者 张三", "张三"),
            ("文・山田太郎", "山田太郎"),
            ("取材・文：佐藤花子", "佐藤花子"),
            ("執筆者：鈴木一郎", "鈴木一郎"),
        ] {
            assert_eq!(byline(text), Some(name), "{text}");
        }
        // Lines that are none: a marker after other words, a word that
        // starts with a marker's char, a sentence, a name with digits, a
        // place without a report, ASCII text.
        for text in [
            "新华社记者 张三",
            "文化部長今天表示，將擴大補助。",
            "作者的話",
            "記者會上，部長表示將擴大補助",
            "作者：王小明 2024",
            "記者王小明／台北市",
            "By Jane Doe",
            "",
        ] {
            assert_eq!(byline(text), None, "{text}");
        }
    }

    #[test]
    fn credits() {
        for (text, credit) in [
            ("圖／中央社", "中央社"),
            ("图/新华社", "新华社"),
            ("（图片来源：新华社）", "新华社"),
            ("(圖/翻攝自X,@ABC7)", "翻攝自X,@ABC7"),
            ("攝影：王小明", "王小明"),
            ("写真：共同通信", "共同通信"),
            ("画像提供：市役所", "市役所"),
        ] {
            assert_eq!(image_credit(text), Some(credit), "{text}");
        }
        for text in [
            "圖書館今天開放。",
            "图片",
            "照片：這是我們在湖邊拍的。",
            "Photo: AP",
        ] {
            assert_eq!(image_credit(text), None, "{text}");
        }
    }

    /// The pieces the property test below strings together: markers,
    /// separators, brackets, names, places, numbers and other text.
    const PIECES: &[&str] = &[
        "作者",
        "記者",
        "文",
        "圖",
        "图片来源",
        "写真",
        "留言",
        "コメント",
        "則",
        "件の",
        "：",
        "/",
        "／",
        "・",
        "（",
        "）",
        "〔",
        "〕",
        "(",
        ")",
        " ",
        "　",
        "王小明",
        "山田",
        "、",
        "台北報導",
        "42",
        "7",
        "。",
        "，",
        "a",
        "é",
        "“",
        "\n",
    ];

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]
        /// On any string of the pieces, no scanner panics, a name or a
        /// credit is a non-empty part of the text, and a count is a
        /// number the text holds.
        #[test]
        fn names_and_counts_are_parts_of_the_text(
            picks in proptest::collection::vec(0..PIECES.len(), 0..8),
        ) {
            let text: String = picks.iter().map(|&i| PIECES[i]).collect();
            for name in [byline(&text), image_credit(&text)].into_iter().flatten() {
                proptest::prop_assert!(!name.is_empty() && text.contains(name), "{text:?}");
            }
            if let Some(n) = comment_count(&text) {
                proptest::prop_assert!(text.contains(&n.to_string()), "{text:?}");
            }
        }
    }

    #[test]
    fn comment_counts() {
        for (text, count) in [
            ("42則留言", Some(42)),
            ("3 条评论", Some(3)),
            ("5件のコメント", Some(5)),
            ("留言(42)", Some(42)),
            ("留言列表 (42)", Some(42)),
            ("評論（3）", Some(3)),
            ("コメント 12件", Some(12)),
            ("コメント", None),
            ("留言", None),
            ("42", None),
            ("3 comments", None),
            ("留言(42)則", None),
            ("2024年11月16日", None),
        ] {
            assert_eq!(comment_count(text), count, "{text}");
        }
    }
}
