//! The output types: an [`Article`] with its body [`Block`]s, labelled
//! [`ChromeSegment`]s and one [`LineInfo`] per input line.

use crate::Date;
use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

/// The kind of a body block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum BlockKind {
    /// Running text.
    Paragraph,
    /// A sub-heading inside the article (a short line between paragraphs).
    Heading,
    /// An item of a list: a line that starts with a bullet such as `•` or
    /// `-`, or one of the lines right under a line that announces them
    /// (ending in a colon), one to a line.
    ListItem,
    /// A quoted line, marked as such in the dump (starting with `>`).
    Quote,
}

impl BlockKind {
    /// The kind's name as used in JSON output: `paragraph`, `heading`, `list_item`, `quote`.
    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Paragraph => "paragraph",
            BlockKind::Heading => "heading",
            BlockKind::ListItem => "list_item",
            BlockKind::Quote => "quote",
        }
    }
}

/// One block of the article body: its kind, its text and where it stands in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Block<'a> {
    /// What the block is.
    pub kind: BlockKind,
    /// The block's text, without surrounding white space (a paragraph
    /// hard-wrapped over several lines keeps its line breaks).
    pub text: Cow<'a, str>,
    /// The byte span of `text` in the input.
    #[cfg_attr(feature = "serde", serde(serialize_with = "serde_impl::span"))]
    pub span: Range<usize>,
}

impl Block<'_> {
    /// What [`Article::body_text`] puts between this block and `next`, the
    /// block after it: a line break before an item of a list without
    /// bullets where this block is an item too or announces the list (ends
    /// in a colon), so that such a list stands one item to a line under the
    /// line that announces it, as in the dump; a blank line otherwise.
    pub fn separator(&self, next: &Block<'_>) -> &'static str {
        separator(self.kind, &self.text, next.kind, &next.text)
    }
}

/// [`Block::separator`] between a block of `kind` and text `text` and a
/// block of kind `next` and text `next_text` after it.
pub(crate) fn separator(
    kind: BlockKind,
    text: &str,
    next: BlockKind,
    next_text: &str,
) -> &'static str {
    let unmarked_item =
        next == BlockKind::ListItem && !next_text.starts_with(crate::lines::is_bullet);
    if unmarked_item && (kind == BlockKind::ListItem || text.ends_with(':')) {
        "\n"
    } else {
        "\n\n"
    }
}

/// The kind of a piece of site chrome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum ChromeKind {
    /// Menus, breadcrumbs, section lists, "skip to content", log-in links.
    Navigation,
    /// Lists of other articles: teasers, "read also", "most read", their times and counts.
    Related,
    /// Sports fixtures, results and standings tables.
    Fixtures,
    /// Comment sections, comment tickers and comment counts.
    Comments,
    /// Newsletter, app, follow, share, subscribe and advertising prompts; polls.
    Promo,
    /// Legal footers: copyright, privacy, cookies, terms, contact.
    Footer,
    /// Chrome of no recognised kind.
    Other,
}

impl ChromeKind {
    /// The kind's name, as in the seeds' gold `line_labels`.
    pub fn as_str(self) -> &'static str {
        match self {
            ChromeKind::Navigation => "navigation",
            ChromeKind::Related => "related",
            ChromeKind::Fixtures => "fixtures",
            ChromeKind::Comments => "comments",
            ChromeKind::Promo => "promo",
            ChromeKind::Footer => "footer",
            ChromeKind::Other => "other",
        }
    }
}

/// A run of input lines of one chrome kind (blank lines inside the run included).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ChromeSegment<'a> {
    /// What the segment is.
    pub kind: ChromeKind,
    /// The segment's text: the input from its first to its last line.
    pub text: Cow<'a, str>,
    /// The byte span of `text` in the input.
    #[cfg_attr(feature = "serde", serde(serialize_with = "serde_impl::span"))]
    pub span: Range<usize>,
    /// The (0-based) input lines the segment covers. Two segments share a
    /// line only when the line is cut into cells (at a tab, a lone `\r` or
    /// three spaces) that went to different places.
    #[cfg_attr(feature = "serde", serde(serialize_with = "serde_impl::span"))]
    pub lines: Range<usize>,
}

/// Where one input line went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Label {
    /// Part of the article body.
    Body,
    /// The article's title (headline).
    Title,
    /// Metadata: date, byline, image credit, a capture header.
    Meta,
    /// An empty or white-space-only line.
    Blank,
    /// Site chrome of the given kind.
    Chrome(ChromeKind),
}

impl Label {
    /// The label's name, in the vocabulary of the seeds' gold `line_labels`:
    /// `body`, `title`, `meta`, `blank`, or the chrome kind's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Body => "body",
            Label::Title => "title",
            Label::Meta => "meta",
            Label::Blank => "blank",
            Label::Chrome(kind) => kind.as_str(),
        }
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Label {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// The verdict on one input line: its label, its span and the body score
/// that led to it.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct LineInfo {
    /// Where the line went.
    pub label: Label,
    /// The byte span of the line in the input, without its line terminator.
    #[cfg_attr(feature = "serde", serde(serialize_with = "serde_impl::span"))]
    pub span: Range<usize>,
    /// How much the line looks like article text on its own, from 0 (surely chrome)
    /// to 1 (surely text), before context decided its label.
    pub score: f32,
}

/// A structured article cleaned from a raw dump.
///
/// Text fields borrow from the input when possible; [`Article::into_owned`]
/// gives an `Article<'static>` that can be sent across threads or stored.
///
/// With the `serde` feature it serialises as the record the command-line
/// tool writes (without the tool's `id`, the input's fields and `body`):
///
/// ```json
/// {"title": "…", "date": "2024-03-12", "byline": "…", "image_credit": null,
///  "comment_count": 2, "text": "the body text (`body_text`)",
///  "blocks": [{"kind": "paragraph", "text": "…", "span": [242, 504]}],
///  "chrome": [{"kind": "promo", "text": "…", "span": [206, 240], "lines": [5, 6]}],
///  "line_labels": ["title", "blank", …], "line_scores": [0.99, 0.0, …]}
/// ```
///
/// Spans are `[start, end]` byte offsets (line ranges for a segment's
/// `lines`); there is one label and one score (rounded to three decimals)
/// per input line, split on `\n`, named as in the corpus's gold files.
#[derive(Debug, Clone, PartialEq)]
pub struct Article<'a> {
    pub(crate) title: Option<Cow<'a, str>>,
    pub(crate) date: Option<Date>,
    pub(crate) byline: Option<Cow<'a, str>>,
    pub(crate) image_credit: Option<Cow<'a, str>>,
    pub(crate) comment_count: Option<u32>,
    pub(crate) blocks: Vec<Block<'a>>,
    pub(crate) chrome: Vec<ChromeSegment<'a>>,
    pub(crate) lines: Vec<LineInfo>,
}

impl<'a> Article<'a> {
    /// The article's headline, if the dump shows one.
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// The publication date, if the dump states one near the article.
    pub fn date(&self) -> Option<Date> {
        self.date
    }

    /// The author's name, without its marker (`By`, `door`, `von` …).
    pub fn byline(&self) -> Option<&str> {
        self.byline.as_deref()
    }

    /// The credited name of the lead image, without `Foto:`/`Photo:` and `©`.
    pub fn image_credit(&self) -> Option<&str> {
        self.image_credit.as_deref()
    }

    /// The article's own comment count (`2 reacties`, `12 comments`), when shown.
    pub fn comment_count(&self) -> Option<u32> {
        self.comment_count
    }

    /// The body, as typed blocks in input order.
    pub fn blocks(&self) -> &[Block<'a>] {
        &self.blocks
    }

    /// Every piece of site chrome, labelled by kind, in input order.
    pub fn chrome(&self) -> &[ChromeSegment<'a>] {
        &self.chrome
    }

    /// One entry per input line (split on `\n`), saying where it went and why.
    pub fn lines(&self) -> &[LineInfo] {
        &self.lines
    }

    /// `true` when no body text was found.
    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty()
    }

    /// The body as plain text: the blocks joined by blank lines, but the
    /// items of a list without bullets one to a line under the line that
    /// announces them
    /// ([`Block::separator`]).
    pub fn body_text(&self) -> String {
        let len = self.blocks.iter().map(|b| b.text.len() + 2).sum();
        let mut out = String::with_capacity(len);
        let mut prev: Option<&Block<'_>> = None;
        for b in &self.blocks {
            if let Some(p) = prev {
                out.push_str(p.separator(b));
            }
            out.push_str(&b.text);
            prev = Some(b);
        }
        out
    }

    /// An owned copy that no longer borrows the input.
    pub fn into_owned(self) -> Article<'static> {
        fn own(c: Option<Cow<'_, str>>) -> Option<Cow<'static, str>> {
            c.map(|c| Cow::Owned(c.into_owned()))
        }
        Article {
            title: own(self.title),
            date: self.date,
            byline: own(self.byline),
            image_credit: own(self.image_credit),
            comment_count: self.comment_count,
            blocks: self
                .blocks
                .into_iter()
                .map(|b| Block {
                    kind: b.kind,
                    text: Cow::Owned(b.text.into_owned()),
                    span: b.span,
                })
                .collect(),
            chrome: self
                .chrome
                .into_iter()
                .map(|c| ChromeSegment {
                    kind: c.kind,
                    text: Cow::Owned(c.text.into_owned()),
                    span: c.span,
                    lines: c.lines,
                })
                .collect(),
            lines: self.lines,
        }
    }
}

#[cfg(feature = "serde")]
mod serde_impl {
    use super::{Article, LineInfo};
    use serde::ser::{Serialize, SerializeStruct, Serializer};
    use std::ops::Range;

    /// A span as `[start, end]`.
    pub(super) fn span<S: Serializer>(r: &Range<usize>, s: S) -> Result<S::Ok, S::Error> {
        [r.start, r.end].serialize(s)
    }

    impl Serialize for Article<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut st = s.serialize_struct("Article", 10)?;
            st.serialize_field("title", &self.title)?;
            st.serialize_field("date", &self.date)?;
            st.serialize_field("byline", &self.byline)?;
            st.serialize_field("image_credit", &self.image_credit)?;
            st.serialize_field("comment_count", &self.comment_count)?;
            st.serialize_field("text", &self.body_text())?;
            st.serialize_field("blocks", &self.blocks)?;
            st.serialize_field("chrome", &self.chrome)?;
            st.serialize_field("line_labels", &Labels(&self.lines))?;
            st.serialize_field("line_scores", &Scores(&self.lines))?;
            st.end()
        }
    }

    /// Every line's label.
    struct Labels<'l>(&'l [LineInfo]);

    impl Serialize for Labels<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(self.0.iter().map(|l| l.label))
        }
    }

    /// Every line's score, rounded to three decimals.
    struct Scores<'l>(&'l [LineInfo]);

    impl Serialize for Scores<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(self.0.iter().map(|l| (l.score * 1000.0).round() / 1000.0))
        }
    }
}
