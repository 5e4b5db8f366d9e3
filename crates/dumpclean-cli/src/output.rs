//! Writing articles: readable text, pretty JSON, and JSONL written by hand
//! (byte for byte as serde_json writes it).

use crate::args::*;
use crate::jsonl::*;
use crate::run::*;
use dumpclean::{Article, BlockKind, ChromeKind, Label};
use std::borrow::Cow;
use std::io::{self, Write};
use std::ops::Range;
use std::sync::OnceLock;

/// A string (the text an article was cleaned from) and how it was written
/// in its JSON line, with where [`Escapes::raw_at`] looked last.
pub(crate) type Written<'t> = (&'t str, &'t Escapes<'t>, &'t std::cell::Cell<usize>);

/// A field of the input written into the output: its name and its value
/// as JSON (raw, as the input held it).
pub(crate) type Extra<'a> = (Cow<'a, str>, Cow<'a, [u8]>);

/// The fields of the article, in the order they are written.
pub(crate) const ARTICLE_FIELDS: [&str; 12] = [
    "id",
    "title",
    "date",
    "byline",
    "image_credit",
    "comment_count",
    "text",
    "body",
    "blocks",
    "chrome",
    "line_labels",
    "line_scores",
];

/// What a JSON record holds (`--fields`).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Fields {
    /// Whether each of [`ARTICLE_FIELDS`] is written.
    article: [bool; ARTICLE_FIELDS.len()],
    /// Input fields written: all, or only these.
    input: Option<Vec<String>>,
    /// Input fields not written (`-name` when `input` is `None`).
    dropped: Vec<String>,
}

impl Default for Fields {
    /// Everything.
    fn default() -> Fields {
        Fields {
            article: [true; ARTICLE_FIELDS.len()],
            input: None,
            dropped: Vec::new(),
        }
    }
}

impl Fields {
    /// A `--fields` list: names to write (an article field, `input` for
    /// every input field, `all`, or the name of an input field), or, when
    /// every name starts with `-`, names to leave out of everything.
    pub(crate) fn parse(list: &str) -> Result<Fields, String> {
        let names: Vec<&str> = list
            .split(',')
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .collect();
        if names.is_empty() {
            return Err("no field named".to_string());
        }
        let minus = names.iter().all(|n| n.starts_with('-'));
        if !minus && names.iter().any(|n| n.starts_with('-')) {
            return Err("give either fields to write or -fields to leave out, not both".into());
        }
        let mut f = if minus {
            Fields::default()
        } else {
            Fields {
                article: [false; ARTICLE_FIELDS.len()],
                input: Some(Vec::new()),
                dropped: Vec::new(),
            }
        };
        for name in names {
            let name = name.strip_prefix('-').unwrap_or(name);
            match (name, ARTICLE_FIELDS.iter().position(|&a| a == name)) {
                (_, Some(k)) => f.article[k] = !minus,
                ("all", _) if !minus => return Ok(Fields::default()),
                ("input", _) => f.input = if minus { Some(Vec::new()) } else { None },
                (name, _) if minus => f.dropped.push(name.to_string()),
                (name, _) => {
                    if let Some(v) = &mut f.input {
                        v.push(name.to_string());
                    }
                }
            }
        }
        Ok(f)
    }

    /// Whether the input field `name` is written: an input field named like
    /// an article field never is (the article's own is written instead).
    fn has_input(&self, name: &str) -> bool {
        !ARTICLE_FIELDS.contains(&name)
            && !self.dropped.iter().any(|d| d == name)
            && self
                .input
                .as_ref()
                .is_none_or(|only| only.iter().any(|o| o == name))
    }
}

/// One cleaned article (or its error) rendered in `format`; `dump`, the
/// text it was cleaned from; `from`, that text as it was written in JSON,
/// when there is one; `extras`, the input's fields to pass through.
pub(crate) fn render(
    format: Format,
    fields: &Fields,
    id: &str,
    r: Result<Article<'_>, String>,
    dump: &[u8],
    from: Option<Written<'_>>,
    extras: &[Extra<'_>],
) -> Outcome {
    let bytes = dump.len() as u64;
    match r {
        Ok(a) => {
            let written = match format {
                Format::Jsonl => {
                    let mut buf = Vec::with_capacity(jsonl_size(id, &a, extras));
                    let again = write_record(&mut buf, fields, id, &a, from, extras);
                    buf.push(b'\n');
                    Ok(Output { bytes: buf, again })
                }
                _ => {
                    // A JSON record holds the body three times, the chrome
                    // once and a label and a score per line; a report a
                    // row of about 90 bytes per line.
                    let guess = match format {
                        Format::Text => bytes as usize / 2,
                        Format::Report | Format::ReportBare => 90 * a.lines().len(),
                        _ => bytes as usize * 3 + 16 * a.lines().len(),
                    };
                    let mut buf = Vec::with_capacity(guess + 256);
                    write_article(&mut buf, format, fields, id, &a, dump, extras)
                        .map(|()| Output::from(buf))
                }
            };
            Outcome {
                output: written.map_err(|e| format!("{id}: {e}")),
                bytes,
                empty: a.is_empty(),
            }
        }
        Err(msg) => Outcome {
            output: Err(if msg.contains(id) {
                msg
            } else {
                format!("{id}: {msg}")
            }),
            bytes,
            empty: false,
        },
    }
}

/// Write one cleaned article in `format`; `dump`, the text it was cleaned
/// from (UTF-8, as the article was cleaned from it).
pub(crate) fn write_article(
    out: &mut impl Write,
    format: Format,
    fields: &Fields,
    id: &str,
    a: &Article<'_>,
    dump: &[u8],
    extras: &[Extra<'_>],
) -> io::Result<()> {
    match format {
        Format::Text => write_text(out, id, a),
        Format::Report | Format::ReportBare => {
            if format == Format::Report {
                writeln!(out, "=== {id}")?;
            }
            let dump = std::str::from_utf8(dump).unwrap_or_default();
            write!(out, "{}", a.report(dump))
        }
        Format::Json | Format::Jsonl => {
            let mut buf = Vec::with_capacity(jsonl_size(id, a, extras));
            write_jsonl(&mut buf, fields, id, a, None, extras);
            if format == Format::Json {
                buf = pretty(&buf);
            }
            buf.push(b'\n');
            out.write_all(&buf)
        }
    }
}

/// A compact JSON value, as serde_json's pretty printer writes it: two
/// spaces of indent, `": "` after keys, every array and object element on a
/// line of its own, empty ones as `[]` and `{}`.
pub(crate) fn pretty(compact: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(compact.len() + compact.len() / 4);
    let mut depth = 0usize;
    let newline = |out: &mut Vec<u8>, depth: usize| {
        out.push(b'\n');
        out.resize(out.len() + 2 * depth, b' ');
    };
    let mut i = 0;
    while i < compact.len() {
        let b = compact[i];
        match b {
            b'"' => {
                // A string, copied whole: its end is the first `"` not
                // escaped.
                let mut j = i + 1;
                while j < compact.len() && compact[j] != b'"' {
                    j += if compact[j] == b'\\' { 2 } else { 1 };
                }
                let end = (j + 1).min(compact.len());
                out.extend_from_slice(&compact[i..end]);
                i = end;
                continue;
            }
            b'{' | b'[' => {
                let close = if b == b'{' { b'}' } else { b']' };
                out.push(b);
                if compact.get(i + 1) == Some(&close) {
                    out.push(close);
                    i += 2;
                    continue;
                }
                depth += 1;
                newline(&mut out, depth);
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(b);
            }
            b',' => {
                out.push(b);
                newline(&mut out, depth);
            }
            b':' => out.extend_from_slice(b": "),
            _ => out.push(b),
        }
        i += 1;
    }
    out
}

/// About the size of an article's JSONL record, somewhat more for the
/// usual text (its escapes make it longer; a short guess only costs a
/// reallocation).
pub(crate) fn jsonl_size(id: &str, a: &Article<'_>, extras: &[Extra<'_>]) -> usize {
    let blocks: usize = a.blocks().iter().map(|b| b.text.len() + 60).sum();
    let chrome: usize = a.chrome().iter().map(|c| c.text.len() + 90).sum();
    let meta = [Some(id), a.title(), a.byline(), a.image_credit()]
        .iter()
        .map(|s| s.map_or(0, str::len))
        .sum::<usize>();
    let extra: usize = extras.iter().map(|(k, v)| k.len() + v.len() + 4).sum();
    // A line's label and score take at most 13 and 6 bytes.
    let n = 3 * blocks + chrome + 20 * a.lines().len() + meta + extra + 256;
    n + n / 8
}

/// Write one article as a compact JSON object: `id`, the input's fields
/// (`extras`, values as they were), then the article's fields, those of
/// `fields`. With every field and no extras, it is byte for byte what
/// `serde_json::to_writer(out, &record(id, a))` writes: the same keys in the
/// same order, strings escaped as serde_json escapes them, numbers
/// formatted as serde_json formats them. The texts of blocks and chrome
/// segments are copied from `from` where they were written there as
/// serde_json writes them.
pub(crate) fn write_jsonl(
    out: &mut Vec<u8>,
    fields: &Fields,
    id: &str,
    a: &Article<'_>,
    from: Option<Written<'_>>,
    extras: &[Extra<'_>],
) {
    if let Some((at, part)) = write_record(out, fields, id, a, from, extras) {
        let tail = out.split_off(at);
        out.extend_from_within(part);
        out.extend_from_slice(&tail);
    }
}

/// [`write_jsonl`], but for `body` when the record has `text` too: its
/// value, a copy of `text`'s, is not written. Where it goes and the bytes
/// it copies are given instead, for an [`Output`] to write them again from
/// where they lie (a copy of the body in memory costs as much as a few
/// other fields).
pub(crate) fn write_record(
    out: &mut Vec<u8>,
    fields: &Fields,
    id: &str,
    a: &Article<'_>,
    from: Option<Written<'_>>,
    extras: &[Extra<'_>],
) -> Option<(usize, Range<usize>)> {
    let mut again = None;
    // The byte before the next field: the object's `{`, then commas.
    let mut lead = b'{';
    let mut key = |out: &mut Vec<u8>, name: &str| {
        out.push(std::mem::replace(&mut lead, b','));
        write_json_str(out, name);
        out.push(b':');
    };
    let f = |k: usize| fields.article[k];
    if f(0) {
        key(out, "id");
        write_json_str(out, id);
    }
    for (name, value) in extras {
        if fields.has_input(name) {
            key(out, name);
            out.extend_from_slice(value);
        }
    }
    if f(1) {
        key(out, "title");
        write_json_opt_str(out, a.title());
    }
    if f(2) {
        key(out, "date");
        match a.date() {
            // A date displays as digits and dashes: nothing to escape.
            Some(d) => {
                out.push(b'"');
                // Writing to a Vec cannot fail.
                let _ = write!(out, "{d}");
                out.push(b'"');
            }
            None => out.extend_from_slice(b"null"),
        }
    }
    if f(3) {
        key(out, "byline");
        write_json_opt_str(out, a.byline());
    }
    if f(4) {
        key(out, "image_credit");
        write_json_opt_str(out, a.image_credit());
    }
    if f(5) {
        key(out, "comment_count");
        match a.comment_count() {
            Some(n) => write_json_uint(out, n as u64),
            None => out.extend_from_slice(b"null"),
        }
    }
    // Where the body holds each block's escaped text: the blocks below
    // copy it from there rather than escape it again.
    let mut escaped = Vec::new();
    if f(6) || f(7) {
        key(out, if f(6) { "text" } else { "body" });
        out.push(b'"');
        let body = out.len();
        escaped.reserve(a.blocks().len());
        let mut prev: Option<&dumpclean::Block<'_>> = None;
        for b in a.blocks() {
            if let Some(p) = prev {
                // The separator, escaped: a line feed or two.
                match p.separator(b) {
                    "\n" => out.extend_from_slice(b"\\n"),
                    _ => out.extend_from_slice(b"\\n\\n"),
                }
            }
            prev = Some(b);
            let start = out.len();
            write_json_part(out, &b.text, from);
            escaped.push(start..out.len());
        }
        out.push(b'"');
        if f(6) && f(7) {
            // `body`: the same string again.
            let end = out.len();
            key(out, "body");
            again = Some((out.len(), body - 1..end));
        }
    }
    // Each block and chrome segment starts with a comma (the first one's
    // becomes the array's `[`) and its kind, from a cell.
    if f(8) {
        key(out, "blocks");
        let first = out.len();
        let heads = block_heads();
        for (i, b) in a.blocks().iter().enumerate() {
            match heads.get(b.kind as usize) {
                Some(head) => head.put(out),
                None => object_head(b.kind.as_str()).put(out),
            }
            match escaped.get(i) {
                Some(text) => out.extend_from_within(text.clone()),
                None => write_json_part(out, &b.text, from),
            }
            out.extend_from_slice(b"\",\"span\":");
            write_json_pair(out, b.span.start, b.span.end);
            out.push(b'}');
        }
        open_array(out, first);
        out.push(b']');
    }
    if f(9) {
        key(out, "chrome");
        let first = out.len();
        let heads = chrome_heads();
        for c in a.chrome() {
            match heads.get(c.kind as usize) {
                Some(head) => head.put(out),
                None => object_head(c.kind.as_str()).put(out),
            }
            write_json_part(out, &c.text, from);
            out.extend_from_slice(b"\",\"span\":");
            write_json_pair(out, c.span.start, c.span.end);
            out.extend_from_slice(b",\"lines\":");
            write_json_pair(out, c.lines.start, c.lines.end);
            out.push(b'}');
        }
        open_array(out, first);
        out.push(b']');
    }
    // Each label and score is written with a comma before it; the first
    // one's comma becomes the array's `[`.
    if f(10) {
        key(out, "line_labels");
        let first = out.len();
        write_json_labels(out, a.lines().iter().map(|l| l.label));
        open_array(out, first);
        out.push(b']');
    }
    if f(11) {
        key(out, "line_scores");
        let first = out.len();
        write_json_scores(out, a.lines().iter().map(|l| l.score));
        open_array(out, first);
        out.push(b']');
    }
    if lead == b'{' {
        out.push(lead);
    }
    out.push(b'}');
    again
}

/// Each label with a comma before it. (Not inlined, nor is
/// [`write_json_scores`]: in the writer of a whole record, their loops ran
/// out of registers.)
#[inline(never)]
pub(crate) fn write_json_labels(out: &mut Vec<u8>, labels: impl ExactSizeIterator<Item = Label>) {
    let cells = label_cells();
    put_cells(
        out,
        labels,
        |&label| label_index(label).map(|i| &cells[i]),
        |out, label| {
            // Label names are ASCII words: nothing to escape.
            out.extend_from_slice(b",\"");
            out.extend_from_slice(label.as_str().as_bytes());
            out.push(b'"');
        },
    );
}

/// Each line's score with a comma before it, rounded to three decimals,
/// as serde_json writes the f32 `(score * 1000.0).round() / 1000.0`: the
/// thousandths from 0 to 1 from [`thousandths`] (the same f32 computed the
/// same way), anything else by serde_json itself.
#[inline(never)]
pub(crate) fn write_json_scores(out: &mut Vec<u8>, scores: impl ExactSizeIterator<Item = f32>) {
    let table = thousandths();
    put_cells(
        out,
        scores,
        // `round_small(x)` is `x.round()` where `x.round()` is one of the
        // thousandths from 0 to 1000, +0.0 included (-0.0 is not).
        |&score| round_small(score * 1000.0).map(|k| &table[k]),
        |out, score| {
            out.push(b',');
            // Writing to a Vec cannot fail.
            let _ = serde_json::to_writer(&mut *out, &((score * 1000.0).round() / 1000.0));
        },
    );
}

/// The cell of each item, one after the other; an item without a cell is
/// written by `slow`. Cells are gathered in a buffer on the stack, each
/// with one fixed-size copy, and the buffer is copied to `out` when full.
pub(crate) fn put_cells<T>(
    out: &mut Vec<u8>,
    items: impl ExactSizeIterator<Item = T>,
    cell: impl Fn(&T) -> Option<&'static Cell>,
    slow: impl Fn(&mut Vec<u8>, T),
) {
    out.reserve(16 * items.len());
    let mut buf = [0u8; 512];
    let mut at = 0;
    for item in items {
        match cell(&item) {
            Some(c) => {
                if at > buf.len() - 16 {
                    out.extend_from_slice(&buf[..at]);
                    at = 0;
                }
                buf[at..at + 16].copy_from_slice(&c.bytes);
                at += c.len();
            }
            None => {
                out.extend_from_slice(&buf[..at]);
                at = 0;
                slow(out, item);
            }
        }
    }
    out.extend_from_slice(&buf[..at]);
}

/// The `[` of an array whose elements, written from `first` on, each
/// start with a comma: the first comma, or a `[` of its own.
pub(crate) fn open_array(out: &mut Vec<u8>, first: usize) {
    match out.get_mut(first) {
        Some(comma) => *comma = b'[',
        None => out.push(b'['),
    }
}

/// The labels [`label_index`] numbers, in its order: the chrome kinds
/// first, in the order `ChromeKind` declares them (so that a kind's index
/// is its number, `kind as usize`), then the others.
pub(crate) const LABELS: [Label; 11] = [
    Label::Chrome(ChromeKind::Navigation),
    Label::Chrome(ChromeKind::Related),
    Label::Chrome(ChromeKind::Fixtures),
    Label::Chrome(ChromeKind::Comments),
    Label::Chrome(ChromeKind::Promo),
    Label::Chrome(ChromeKind::Footer),
    Label::Chrome(ChromeKind::Other),
    Label::Body,
    Label::Title,
    Label::Meta,
    Label::Blank,
];

/// Where `label` stands in [`LABELS`] (`None` for a label added since).
/// A chrome kind's index is its number: a match on the kind (its own case
/// for each) would make the compiler jump through a table for every line's
/// label, where a number and a comparison do.
pub(crate) fn label_index(label: Label) -> Option<usize> {
    /// How many chrome kinds [`LABELS`] has (those declared after them, if
    /// any, have none).
    const CHROME_KINDS: usize = 7;
    if let Label::Chrome(kind) = label {
        let k = kind as usize;
        return (k < CHROME_KINDS).then_some(k);
    }
    Some(match label {
        Label::Body => 7,
        Label::Title => 8,
        Label::Meta => 9,
        Label::Blank => 10,
        _ => return None,
    })
}

/// A comma and the label's name, quoted.
pub(crate) fn label_cell(label: Label) -> Cell {
    Cell::new(&[",\"", label.as_str(), "\""])
}

/// The [`label_cell`] of each of the [`LABELS`].
pub(crate) fn label_cells() -> &'static [Cell; LABELS.len()] {
    static CELLS: OnceLock<[Cell; LABELS.len()]> = OnceLock::new();
    CELLS.get_or_init(|| LABELS.map(label_cell))
}

/// A few bytes (at most `N - 1`) written with one fixed-size copy of `N`:
/// the last byte holds their number (16 bytes a cell, a table of them is
/// indexed with a shift).
#[derive(Clone, Copy)]
pub(crate) struct Cell<const N: usize = 16> {
    pub(crate) bytes: [u8; N],
}

impl<const N: usize> Cell<N> {
    /// The parts, one after the other (at most `N - 1` bytes in all).
    pub(crate) fn new(parts: &[&str]) -> Cell<N> {
        let mut cell = Cell { bytes: [0; N] };
        let mut at = 0;
        for p in parts {
            cell.bytes[at..at + p.len()].copy_from_slice(p.as_bytes());
            at += p.len();
        }
        assert!(at < N && at < 256, "a cell holds at most N - 1 bytes");
        cell.bytes[N - 1] = at as u8;
        cell
    }

    /// The number of bytes the cell holds.
    pub(crate) fn len(&self) -> usize {
        usize::from(self.bytes[N - 1])
    }

    /// Its bytes onto `out`, with one fixed-size copy.
    #[inline(always)]
    pub(crate) fn put(&self, out: &mut Vec<u8>) {
        let start = out.len();
        out.extend_from_slice(&self.bytes);
        out.truncate(start + self.len());
    }
}

/// The start of an object of `blocks` or `chrome` with a comma before
/// it, up to the opening quote of its text: `,{"kind":"<kind>","text":"`
/// (kind names are ASCII words: nothing to escape).
pub(crate) fn object_head(kind: &str) -> Cell<32> {
    Cell::new(&[",{\"kind\":\"", kind, "\",\"text\":\""])
}

/// The block kinds [`block_heads`] has, in the order `BlockKind` declares
/// them (a kind's index is its number, `kind as usize`).
pub(crate) const BLOCK_KINDS: [BlockKind; 4] = [
    BlockKind::Paragraph,
    BlockKind::Heading,
    BlockKind::ListItem,
    BlockKind::Quote,
];

/// The [`object_head`] of each of the [`BLOCK_KINDS`] (a kind declared
/// after them has none: its head is made when written).
pub(crate) fn block_heads() -> &'static [Cell<32>; BLOCK_KINDS.len()] {
    static HEADS: OnceLock<[Cell<32>; BLOCK_KINDS.len()]> = OnceLock::new();
    HEADS.get_or_init(|| BLOCK_KINDS.map(|k| object_head(k.as_str())))
}

/// The [`object_head`] of each chrome kind of [`LABELS`] (the first seven,
/// in the order `ChromeKind` declares them).
pub(crate) fn chrome_heads() -> &'static [Cell<32>; 7] {
    static HEADS: OnceLock<[Cell<32>; 7]> = OnceLock::new();
    HEADS.get_or_init(|| std::array::from_fn(|k| object_head(LABELS[k].as_str())))
}

/// The contents of a JSON string for `part`: copied from `from` where it
/// was written there as serde_json writes it, escaped otherwise.
pub(crate) fn write_json_part(out: &mut Vec<u8>, part: &str, from: Option<Written<'_>>) {
    match from.and_then(|(text, escapes, next)| escapes.written(text, part, next)) {
        Some(raw) => out.extend_from_slice(raw),
        None => write_json_escaped(out, part.as_bytes()),
    }
}

pub(crate) fn write_json_opt_str(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => write_json_str(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// A JSON string: quoted and escaped as serde_json escapes it.
pub(crate) fn write_json_str(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    write_json_escaped(out, s.as_bytes());
    out.push(b'"');
}

/// The contents of a JSON string, escaped as serde_json escapes them: `"`
/// and `\` with a backslash; `\n`, `\r`, `\t`, `\b` and `\f` by name;
/// other bytes below 0x20 as `\u00xx` (lowercase hex); everything else, DEL
/// and non-ASCII included, as it is. Runs of bytes needing no escape are
/// written in one go.
pub(crate) fn write_json_escaped(out: &mut Vec<u8>, bytes: &[u8]) {
    let mut start = 0;
    while let Some(i) = next_escape(bytes, start) {
        out.extend_from_slice(&bytes[start..i]);
        let b = bytes[i];
        let named = match b {
            b'"' => b'"',
            b'\\' => b'\\',
            b'\n' => b'n',
            b'\r' => b'r',
            b'\t' => b't',
            0x08 => b'b',
            0x0c => b'f',
            _ => 0,
        };
        if named != 0 {
            out.extend_from_slice(&[b'\\', named]);
        } else {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(b >> 4)],
                HEX[usize::from(b & 0xf)],
            ]);
        }
        start = i + 1;
    }
    out.extend_from_slice(&bytes[start..]);
}

/// Whether a JSON string escapes the byte: `"`, `\` and bytes below 0x20.
pub(crate) fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// The index of the first byte at or after `from` that needs an escape,
/// found sixteen bytes at a time: a block is tested byte by byte in a form
/// the compiler turns into a few vector instructions, and the first byte of
/// a block that has one is found a word at a time.
#[inline(always)]
pub(crate) fn next_escape(bytes: &[u8], from: usize) -> Option<usize> {
    let word = |b: &[u8]| escape_flags(u64::from_le_bytes(b.try_into().unwrap()));
    let mut at = from;
    let mut blocks = bytes[from..].chunks_exact(16);
    for block in &mut blocks {
        if block.iter().fold(false, |any, &b| any | escapes(b)) {
            let lo = word(&block[..8]);
            let first = if lo != 0 {
                lo.trailing_zeros() / 8
            } else {
                8 + word(&block[8..]).trailing_zeros() / 8
            };
            return Some(at + first as usize);
        }
        at += 16;
    }
    let mut rest = blocks.remainder();
    if let Some(w) = rest.get(..8) {
        let flags = word(w);
        if flags != 0 {
            return Some(at + flags.trailing_zeros() as usize / 8);
        }
        (at, rest) = (at + 8, &rest[8..]);
    }
    rest.iter().position(|&b| needs_escape(b)).map(|j| at + j)
}

/// [`needs_escape`] in two comparisons: `b ^ 2` maps the bytes below 0x20
/// among themselves and `"` (0x22) to 0x20, and no other byte below 0x21.
pub(crate) fn escapes(b: u8) -> bool {
    ((b ^ 2) < 0x21) | (b == b'\\')
}

/// The high bit of every byte of `w` (read little-endian: its lowest byte
/// comes first) that needs an escape, and perhaps of bytes after it: the
/// lowest set bit marks the first such byte.
///
/// As in [`escapes`], `x = w ^ 0x02..` has a byte below 0x21 exactly where
/// `w` has a control byte or `"`; `(x - 0x21..)` sets the high bit of such
/// a byte, and `(y - 0x01..)` that of a zero byte of `y = w ^ '\\'`; a
/// borrow only carries into the byte above one that matched. Masking with
/// `!w` drops bytes of 0x80 and above (`w`, `x` and `y` share their high
/// bits).
pub(crate) fn escape_flags(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let low = w ^ (ONES * 0x02);
    let backslash = w ^ (ONES * u64::from(b'\\'));
    (low.wrapping_sub(ONES * 0x21) | backslash.wrapping_sub(ONES)) & !w & HIGH
}

/// `[a,b]`, as serde_json writes a `[usize; 2]`: made in a buffer and
/// copied with one fixed-size copy when short. Numbers below 10^8 (spans
/// and line numbers of any usual page) take their digits from
/// [`eight_digits`], each in one eight-byte copy; two below 10^4 both
/// from one [`four_digits`], a step shorter.
#[inline(always)]
pub(crate) fn write_json_pair(out: &mut Vec<u8>, a: usize, b: usize) {
    let (a, b) = (a as u64, b as u64);
    if a < 10_000 && b < 10_000 {
        // Both below 10^4 (the line numbers of a chrome segment, the spans
        // of a short page): the digits of both at once, `a`'s in the low
        // 32-bit lane and `b`'s in the high one, by [`four_digits`].
        let x = four_digits(a | b << 32);
        let (a, b) = (x as u32, (x >> 32) as u32);
        let (da, db) = (significant_of_four(a), significant_of_four(b));
        push_digit_pair(
            out,
            u64::from(a >> (32 - 8 * da)),
            da,
            u64::from(b >> (32 - 8 * db)),
            db,
        );
        return;
    }
    if a < 100_000_000 && b < 100_000_000 {
        let (a, b) = (eight_digits(a as u32), eight_digits(b as u32));
        let (da, db) = (significant(a), significant(b));
        push_digit_pair(out, a >> (64 - 8 * da), da, b >> (64 - 8 * db), db);
        return;
    }
    let digits = |n: u64| n.checked_ilog10().map_or(1, |d| d as usize + 1);
    let (da, db) = (digits(a), digits(b));
    let len = da + db + 3;
    let mut buf = [0u8; 48];
    buf[0] = b'[';
    put_decimal(&mut buf[1..1 + da], a);
    buf[1 + da] = b',';
    put_decimal(&mut buf[2 + da..2 + da + db], b);
    buf[len - 1] = b']';
    if len <= 32 {
        let start = out.len();
        out.extend_from_slice(&buf[..32]);
        out.truncate(start + len);
    } else {
        out.extend_from_slice(&buf[..len]);
    }
}

/// `[a,b]` onto `out`, for the `da` and `db` digits of two numbers as
/// ASCII bytes in the low bytes of `a` and `b` (their first digit in the
/// lowest byte, zero bytes above): made in a buffer with fixed-size copies
/// and copied with one.
#[inline(always)]
fn push_digit_pair(out: &mut Vec<u8>, a: u64, da: usize, b: u64, db: usize) {
    let mut buf = [0u8; 32];
    buf[0] = b'[';
    buf[1..9].copy_from_slice(&a.to_le_bytes());
    buf[1 + da] = b',';
    buf[2 + da..10 + da].copy_from_slice(&b.to_le_bytes());
    buf[2 + da + db] = b']';
    let start = out.len();
    out.extend_from_slice(&buf);
    out.truncate(start + da + db + 3);
}

/// The eight decimal digits of `n` (below 10^8, with leading zeros) as
/// ASCII bytes, the first digit in the lowest byte, computed in all the
/// bytes at once: `n` split in two halves of four digits (in the two
/// 32-bit lanes), each of those in two of two digits (16-bit lanes), each
/// of those in two digits (bytes). A quotient by 100 is `x * 10486 >> 20`
/// and one by 10 is `x * 103 >> 10` for the values in a lane (below
/// 10^4 and 100); no product leaves its lane.
pub(crate) fn eight_digits(n: u32) -> u64 {
    debug_assert!(n < 100_000_000);
    four_digits(u64::from(n / 10_000) | u64::from(n % 10_000) << 32)
}

/// The four decimal digits (with leading zeros) of each of the numbers
/// below 10^4 in the two 32-bit lanes of `x`, as ASCII bytes in that lane,
/// its first digit in the lowest byte: the steps of [`eight_digits`] after
/// its first.
pub(crate) fn four_digits(x: u64) -> u64 {
    debug_assert!((x as u32) < 10_000 && (x >> 32) < 10_000);
    let hundreds = (x * 10_486) >> 20 & 0x0000_007F_0000_007F;
    let x = hundreds | (x - hundreds * 100) << 16;
    let tens = (x * 103) >> 10 & 0x000F_000F_000F_000F;
    let x = tens | (x - tens * 10) << 8;
    x | 0x3030_3030_3030_3030
}

/// The number of digits of the [`eight_digits`] `x` to write: those from
/// the first that is not `0`, or the last one (for 0).
pub(crate) fn significant(x: u64) -> usize {
    // Bytes `0` are 0x30: the high nibble of every digit byte is 3.
    let leading = (x & 0x0F0F_0F0F_0F0F_0F0F).trailing_zeros() as usize / 8;
    8 - leading.min(7)
}

/// The number of digits of a lane of [`four_digits`] to write: those from
/// the first that is not `0`, or the last one (for 0).
pub(crate) fn significant_of_four(x: u32) -> usize {
    let leading = (x & 0x0F0F_0F0F).trailing_zeros() as usize / 8;
    4 - leading.min(3)
}

/// An unsigned integer in decimal.
pub(crate) fn write_json_uint(out: &mut Vec<u8>, n: u64) {
    let mut buf = [0u8; 20];
    let at = put_decimal(&mut buf, n);
    out.extend_from_slice(&buf[at..]);
}

/// Write `n` in decimal at the end of `buf` (20 bytes hold any `u64`), two
/// digits at a time; where its digits start.
pub(crate) fn put_decimal(buf: &mut [u8], mut n: u64) -> usize {
    /// "00", "01", ..., "99".
    const PAIRS: [u8; 200] = {
        let mut t = [0u8; 200];
        let mut i = 0;
        while i < 100 {
            t[2 * i] = b'0' + (i / 10) as u8;
            t[2 * i + 1] = b'0' + (i % 10) as u8;
            i += 1;
        }
        t
    };
    let mut at = buf.len();
    while n >= 100 {
        let r = (n % 100) as usize * 2;
        n /= 100;
        at -= 2;
        buf[at..at + 2].copy_from_slice(&PAIRS[r..r + 2]);
    }
    if n >= 10 {
        let r = n as usize * 2;
        at -= 2;
        buf[at..at + 2].copy_from_slice(&PAIRS[r..r + 2]);
    } else {
        at -= 1;
        buf[at] = b'0' + n as u8;
    }
    at
}

/// The thousandths from 0 to 1, each with a comma before it, as serde_json
/// writes the f32 `k as f32 / 1000.0`.
pub(crate) fn thousandths() -> &'static [Cell; 1001] {
    static THOUSANDTHS: OnceLock<[Cell; 1001]> = OnceLock::new();
    THOUSANDTHS.get_or_init(|| std::array::from_fn(|k| thousandth_cell(k as u16)))
}

/// A comma and the thousandth `k` (at most 1000) as serde_json writes the
/// f32 `k as f32 / 1000.0`: the shortest decimal that reads back as that
/// f32, which is `0.` and the three decimals of `k` without their trailing
/// zeros (f32s below 1 lie far closer than 0.001 apart: no shorter decimal
/// reads back as it), `0.0` and `1.0` at the ends. A test compares every
/// one with serde_json's.
fn thousandth_cell(k: u16) -> Cell {
    if k >= 1000 {
        return Cell::new(&[",1.0"]);
    }
    let digits = [k / 100, k / 10 % 10, k % 10].map(|d| b'0' + d as u8);
    // At least one decimal: `0.0`.
    let n = digits.iter().rposition(|&d| d != b'0').map_or(1, |i| i + 1);
    Cell::new(&[",0.", std::str::from_utf8(&digits[..n]).unwrap_or("0")])
}

/// `x.round()` (half away from zero), for `x` from +0.0 up to 1000.5
/// (excluded); `None` for anything else (-0.0 and NaN included).
pub(crate) fn round_small(x: f32) -> Option<usize> {
    // The bits of the floats from +0.0 up are in their order; those of
    // -0.0, of the other negatives (the sign bit) and of NaN (an exponent
    // of all ones) lie above those of 1000.5. One comparison tests it all.
    if x.to_bits() >= 1000.5f32.to_bits() {
        return None;
    }
    // Adding 2^52 rounds an f64 below 2^52 to the nearest whole number
    // (ties to even), which is then the low bits of the sum's mantissa:
    // no float-to-integer conversion, which Rust makes saturating (a
    // clamp and a NaN test around the instruction). The 2^-30 added first
    // breaks a tie upwards (half away from zero) and moves no other `x`
    // past a half: an f32 from 0.25 up lies at least 2^-25 from any half
    // it is not on, and one below 0.25 stays below it. `x + 2^-30` is
    // exact in f64 for every `x` from 2^-13 up (40 bits from 2^9 down
    // to 2^-30).
    const TIE_UP: f64 = 1.0 / (1u64 << 30) as f64;
    const WHOLE: f64 = (1u64 << 52) as f64;
    let r = (f64::from(x) + TIE_UP) + WHOLE;
    Some(r.to_bits() as u32 as usize)
}

pub(crate) fn write_text(out: &mut impl Write, id: &str, a: &Article<'_>) -> io::Result<()> {
    writeln!(out, "=== {id}")?;
    if let Some(t) = a.title() {
        writeln!(out, "# {t}")?;
    }
    let mut meta = Vec::new();
    if let Some(d) = a.date() {
        meta.push(format!("date: {d}"));
    }
    if let Some(b) = a.byline() {
        meta.push(format!("by: {b}"));
    }
    if let Some(c) = a.image_credit() {
        meta.push(format!("image: {c}"));
    }
    if let Some(c) = a.comment_count() {
        meta.push(format!("comments: {c}"));
    }
    if !meta.is_empty() {
        writeln!(out, "({})", meta.join(" | "))?;
    }
    writeln!(out)?;
    for b in a.blocks() {
        match b.kind {
            dumpclean::BlockKind::Heading => writeln!(out, "## {}\n", b.text)?,
            _ => writeln!(out, "{}\n", b.text)?,
        }
    }
    let dropped: usize = a.chrome().iter().map(|c| c.lines.len()).sum();
    writeln!(
        out,
        "[{} chrome segments over {} lines dropped]",
        a.chrome().len(),
        dropped
    )
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::jsonl::tests::{check_written, text_and_escapes};
    use dumpclean::{Cleaner, Mode};
    use serde::Serialize;

    /// Every thousandth is written as serde_json writes its f32.
    #[test]
    fn thousandths_as_serde_json_writes_them() {
        for (k, cell) in (0..=1000u16).zip(thousandths()) {
            let want = format!(
                ",{}",
                serde_json::to_string(&(f32::from(k) / 1000.0)).unwrap()
            );
            assert_eq!(&cell.bytes[..cell.len()], want.as_bytes(), "{k}");
        }
        assert_eq!(thousandths().len(), 1001);
    }

    // The record as serde_json writes it: what the hand-written writer
    // must write with every field.

    #[derive(Serialize)]
    pub(crate) struct Record<'a> {
        pub(crate) id: &'a str,
        pub(crate) title: Option<&'a str>,
        pub(crate) date: Option<String>,
        pub(crate) byline: Option<&'a str>,
        pub(crate) image_credit: Option<&'a str>,
        pub(crate) comment_count: Option<u32>,
        pub(crate) text: Body<'a>,
        pub(crate) body: Body<'a>,
        pub(crate) blocks: Vec<BlockRec<'a>>,
        pub(crate) chrome: Chrome<'a>,
        pub(crate) line_labels: LineLabels<'a>,
        pub(crate) line_scores: LineScores<'a>,
    }

    /// The body text, written block by block (no copy of the body in memory).
    pub(crate) struct Body<'a>(pub(crate) &'a [dumpclean::Block<'a>]);

    impl std::fmt::Display for Body<'_> {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            let mut prev: Option<&dumpclean::Block<'_>> = None;
            for b in self.0 {
                if let Some(p) = prev {
                    f.write_str(p.separator(b))?;
                }
                f.write_str(&b.text)?;
                prev = Some(b);
            }
            Ok(())
        }
    }

    impl Serialize for Body<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_str(self)
        }
    }

    /// The chrome segments, written one by one.
    pub(crate) struct Chrome<'a>(pub(crate) &'a [dumpclean::ChromeSegment<'a>]);

    impl Serialize for Chrome<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(self.0.iter().map(|c| ChromeRec {
                kind: c.kind.as_str(),
                text: &c.text,
                span: [c.span.start, c.span.end],
                lines: [c.lines.start, c.lines.end],
            }))
        }
    }

    /// The label of every line, written one by one.
    pub(crate) struct LineLabels<'a>(pub(crate) &'a [dumpclean::LineInfo]);

    impl Serialize for LineLabels<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(self.0.iter().map(|l| l.label.as_str()))
        }
    }

    /// The score of every line, rounded to three decimals, written one by one.
    pub(crate) struct LineScores<'a>(pub(crate) &'a [dumpclean::LineInfo]);

    impl Serialize for LineScores<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(self.0.iter().map(|l| (l.score * 1000.0).round() / 1000.0))
        }
    }

    #[derive(Serialize)]
    pub(crate) struct BlockRec<'a> {
        pub(crate) kind: &'static str,
        pub(crate) text: &'a str,
        pub(crate) span: [usize; 2],
    }

    #[derive(Serialize)]
    pub(crate) struct ChromeRec<'a> {
        pub(crate) kind: &'static str,
        pub(crate) text: &'a str,
        pub(crate) span: [usize; 2],
        pub(crate) lines: [usize; 2],
    }

    /// The record of an article, as a struct serde_json writes.
    pub(crate) fn record<'a>(id: &'a str, a: &'a Article<'a>) -> Record<'a> {
        Record {
            id,
            title: a.title(),
            date: a.date().map(|d| d.to_string()),
            byline: a.byline(),
            image_credit: a.image_credit(),
            comment_count: a.comment_count(),
            text: Body(a.blocks()),
            body: Body(a.blocks()),
            blocks: a
                .blocks()
                .iter()
                .map(|b| BlockRec {
                    kind: b.kind.as_str(),
                    text: &b.text,
                    span: [b.span.start, b.span.end],
                })
                .collect(),
            chrome: Chrome(a.chrome()),
            line_labels: LineLabels(a.lines()),
            line_scores: LineScores(a.lines()),
        }
    }

    pub(crate) fn escaped(s: &str) -> String {
        let mut out = Vec::new();
        write_json_str(&mut out, s);
        String::from_utf8(out).unwrap()
    }

    /// The record of `text` cleaned in `mode`, by the hand-written writer
    /// and by serde_json; `None` when the cleaner refuses the text.
    fn both_records(mode: Mode, id: &str, text: &str) -> Option<(String, String)> {
        let cleaner = Cleaner::builder().mode(mode).build();
        let a = cleaner.clean(text).ok()?;
        let mut ours = Vec::new();
        write_jsonl(&mut ours, &Fields::default(), id, &a, None, &[]);
        let theirs = serde_json::to_string(&record(id, &a)).unwrap();
        Some((String::from_utf8(ours).unwrap(), theirs))
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut cases: Vec<String> = vec![
            String::new(),
            "plain".into(),
            "\"quoted\" and back\\slash \\\"".into(),
            "\u{7f} DEL, \u{80} and \u{9f} (C1), é, ß, 漢字, 🦀".into(),
            "line\u{2028}separator\u{2029}paragraph\u{feff}bom".into(),
            "tab\there\r\nnewline\u{8}\u{c}\u{b}\u{0}\u{1f}".into(),
            "x".repeat(1000),
            format!(
                "{}\"{}\\{}\n",
                "a".repeat(37),
                "é".repeat(50),
                "b".repeat(9)
            ),
        ];
        // Every ASCII byte, alone and at every offset of an eight-byte word.
        for b in 0..=0x7fu8 {
            let c = char::from(b);
            cases.push(c.to_string());
            for pad in 0..17 {
                cases.push(format!("{}{c}{}", "a".repeat(pad), "z".repeat(17 - pad)));
                cases.push(format!("{}{c}{c}", "\u{e9}".repeat(pad)));
            }
        }
        // Two escapes in one word: the first must be found first.
        for i in 0..8 {
            for j in i + 1..9 {
                let mut v = vec![b'm'; 12];
                v[i] = 0x01;
                v[j] = b'"';
                cases.push(String::from_utf8(v.clone()).unwrap());
                v[i] = b'\\';
                v[j] = 0x1f;
                cases.push(String::from_utf8(v).unwrap());
            }
        }
        for s in &cases {
            assert_eq!(escaped(s), serde_json::to_string(s).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn escapes_is_needs_escape() {
        for b in 0..=255u8 {
            assert_eq!(escapes(b), needs_escape(b), "{b:#x}");
        }
    }

    #[test]
    fn escape_flags_mark_the_first_escape_of_a_word() {
        // Every byte at every place of a word, the others every byte too
        // (in a few patterns).
        for b in 0..=255u8 {
            for at in 0..8 {
                for fill in 0..=255u8 {
                    let mut w = [fill; 8];
                    w[at] = b;
                    let want = w.iter().position(|&c| needs_escape(c));
                    let flags = escape_flags(u64::from_le_bytes(w));
                    let got = (flags != 0).then(|| flags.trailing_zeros() as usize / 8);
                    assert_eq!(got, want, "{w:?}");
                }
            }
        }
    }

    #[test]
    fn the_next_escape_is_found_in_any_block() {
        for len in 0..40 {
            for at in 0..=len {
                for fill in [b'a', b' ', b'#', b'!', 0x7f, 0x80, 0xa2, 0xdc, 0xff] {
                    for esc in [b'"', b'\\', 0x00, 0x1f, b'\n'] {
                        let mut v = vec![fill; len];
                        if at < len {
                            v[at] = esc;
                            if at + 2 < len {
                                v[at + 2] = b'"';
                            }
                        }
                        for from in [0, at.saturating_sub(1), at] {
                            let want = v[from..]
                                .iter()
                                .position(|&b| needs_escape(b))
                                .map(|j| from + j);
                            assert_eq!(next_escape(&v, from), want, "{v:?} from {from}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn the_next_escape_is_found_from_any_start() {
        let s = b"ab\"cdefghijklmn\\opqrstuvwxyz\x01ABCDEFGHIJ\x7f\xc3\xa9\x1f";
        for from in 0..=s.len() {
            let want = s[from..]
                .iter()
                .position(|&b| needs_escape(b))
                .map(|j| from + j);
            assert_eq!(next_escape(s, from), want, "from {from}");
        }
    }

    #[test]
    fn pairs_below_ten_thousand_are_written_as_serde_json_writes_them() {
        // Every number below 10^4 in each lane, beside a few in the other.
        for n in 0..10_000usize {
            for m in [0, 7, 10, 99, 100, 999, 1000, 9999, 10_000] {
                for (a, b) in [(n, m), (m, n)] {
                    let mut out = b"x".to_vec();
                    write_json_pair(&mut out, a, b);
                    assert_eq!(&out[1..], &serde_json::to_vec(&[a, b]).unwrap()[..]);
                }
            }
        }
    }

    #[test]
    fn eight_digits_are_those_of_the_number() {
        // Every number whose digits below the first two are 0 or 9 (and
        // whose first two are any), and every number below 10^5: each
        // lane's borrows and carries, and every value of a lane.
        let mut ns: Vec<u32> = (0..100_000).collect();
        for head in 0..100u32 {
            for mask in 0..64u32 {
                let tail = (0..6).fold(0, |t, k| t * 10 + if mask >> k & 1 != 0 { 9 } else { 0 });
                ns.push(head * 1_000_000 + tail);
            }
        }
        ns.push(99_999_999);
        for n in ns {
            assert_eq!(
                eight_digits(n).to_le_bytes(),
                *format!("{n:08}").as_bytes(),
                "{n}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn pairs_are_written_as_serde_json_writes_them(
            a in proptest::prop_oneof![0usize..1000, 0usize..200_000_000, proptest::num::usize::ANY],
            b in proptest::prop_oneof![0usize..1000, 0usize..200_000_000, proptest::num::usize::ANY],
        ) {
            let mut out = b"x".to_vec();
            write_json_pair(&mut out, a, b);
            proptest::prop_assert_eq!(&out[1..], &serde_json::to_vec(&[a, b]).unwrap()[..]);
        }
    }

    #[test]
    fn numbers_are_written_as_serde_json_writes_them() {
        let ns = [0, 1, 9, 10, 99, 100, 12345, u64::from(u32::MAX), u64::MAX];
        for n in ns {
            let mut out = Vec::new();
            write_json_uint(&mut out, n);
            assert_eq!(out, serde_json::to_vec(&n).unwrap());
            for m in ns {
                let (a, b) = (n as usize, m as usize);
                let mut out = Vec::new();
                write_json_pair(&mut out, a, b);
                assert_eq!(out, serde_json::to_vec(&[a, b]).unwrap());
            }
        }
        let mut scores: Vec<f32> = (0..=100_000).map(|i| i as f32 / 100_000.0).collect();
        scores.extend([
            -0.0,
            -0.0004,
            -0.3,
            0.0004999,
            0.9995,
            1.0004,
            1.5,
            1e-7,
            f32::MIN_POSITIVE,
            f32::MAX,
            f32::NAN,
            f32::INFINITY,
            f32::NEG_INFINITY,
        ]);
        let serde_score = |s: f32| serde_json::to_vec(&((s * 1000.0).round() / 1000.0)).unwrap();
        let mut all = Vec::new();
        for &s in &scores {
            let mut out = Vec::new();
            write_json_scores(&mut out, [s].into_iter());
            let mut want = b",".to_vec();
            want.extend(serde_score(s));
            assert_eq!(out, want, "{s}");
            all.extend(want);
        }
        // All at once: scores written by serde_json among the others.
        let mut out = b"x".to_vec();
        write_json_scores(&mut out, scores.iter().copied());
        assert_eq!(out[1..], all[..]);
        // Scores serde_json writes here and there among the others.
        let mixed: Vec<f32> = (0..scores.len())
            .map(|i| scores[(i * 7919) % scores.len()])
            .collect();
        let mut out = b"x".to_vec();
        write_json_scores(&mut out, mixed.iter().copied());
        let want: Vec<u8> = mixed
            .iter()
            .flat_map(|&s| [&b","[..], &serde_score(s)].concat())
            .collect();
        assert_eq!(out[1..], want[..]);
        let mut small: Vec<u64> = (0..=20_000).collect();
        for p in 1..20 {
            let t = 10u64.pow(p);
            small.extend([t - 1, t, t + 1]);
        }
        small.push(u64::MAX);
        for n in small {
            let mut out = Vec::new();
            write_json_uint(&mut out, n);
            assert_eq!(out, n.to_string().as_bytes());
            let mut out = Vec::new();
            write_json_pair(&mut out, n as usize, 7);
            write_json_pair(&mut out, 12, n as usize);
            assert_eq!(out, format!("[{n},7][12,{n}]").as_bytes());
        }
        // Labels: each known one from its cell, all at once.
        let mut out = b"x".to_vec();
        let labels: Vec<Label> = LABELS.iter().chain(LABELS.iter().rev()).copied().collect();
        write_json_labels(&mut out, labels.into_iter());
        let names: Vec<String> = LABELS
            .iter()
            .chain(LABELS.iter().rev())
            .map(|l| format!(",\"{}\"", l.as_str()))
            .collect();
        assert_eq!(out[1..], *names.concat().as_bytes());
    }

    #[test]
    fn kinds_are_numbered_in_order() {
        for (i, &kind) in BLOCK_KINDS.iter().enumerate() {
            assert_eq!(kind as usize, i);
            let head = &block_heads()[i];
            let want = format!(",{{\"kind\":\"{}\",\"text\":\"", kind.as_str());
            assert_eq!(&head.bytes[..head.len()], want.as_bytes());
        }
        for (i, &label) in LABELS[..7].iter().enumerate() {
            let Label::Chrome(kind) = label else {
                panic!("{label:?} is no chrome kind");
            };
            assert_eq!(kind as usize, i);
            let head = &chrome_heads()[i];
            let want = format!(",{{\"kind\":\"{}\",\"text\":\"", kind.as_str());
            assert_eq!(&head.bytes[..head.len()], want.as_bytes());
        }
        let mut out = b"x".to_vec();
        object_head("a_new_kind").put(&mut out);
        assert_eq!(out, b"x,{\"kind\":\"a_new_kind\",\"text\":\"");
    }

    #[test]
    fn labels_are_numbered_in_order() {
        for (i, &label) in LABELS.iter().enumerate() {
            assert_eq!(label_index(label), Some(i));
            let cell = label_cells()[i];
            let want = format!(",{}", serde_json::to_string(&label.as_str()).unwrap());
            assert_eq!(&cell.bytes[..cell.len()], want.as_bytes());
        }
    }

    #[test]
    fn small_numbers_are_rounded_as_f32_round_rounds_them() {
        let mut xs: Vec<f32> = Vec::new();
        // Every 7919th f32 from +0.0 to 1001.0, and a few ulps around each
        // half and each whole number up to there.
        let top = 1001.0f32.to_bits();
        xs.extend((0..top).step_by(7919).map(f32::from_bits));
        for k in 0..=1001u16 {
            for x in [f32::from(k), f32::from(k) + 0.5] {
                let b = x.to_bits();
                xs.extend((b.saturating_sub(4)..b + 4).map(f32::from_bits));
            }
        }
        xs.extend([
            -0.0,
            -0.2,
            -0.5,
            -0.7,
            f32::NAN,
            -f32::NAN,
            f32::INFINITY,
            f32::NEG_INFINITY,
            1e9,
            f32::from_bits(1),
            f32::MIN_POSITIVE,
            1000.5,
        ]);
        for x in xs {
            let r = x.round();
            let want = ((0.0..=1000.0).contains(&r) && r.is_sign_positive()).then_some(r as usize);
            assert_eq!(round_small(x), want, "{x}");
        }
    }

    #[test]
    fn records_are_written_as_serde_json_writes_them() {
        let texts = [
            "",
            "\n\n",
            include_str!("../README.md"),
            "Home | News | Sport\n\nThe \"Harbour\" Plan\nBy Jane Doe\n12 March 2024\n\n\
             The council met on Tuesday and approved a plan for the harbour, the mayor said \
             after the long meeting.\tIt costs \\ 5 million.\u{1}\u{7f}\n\n\
             Support local journalism and become a member of our newsroom today.\n\
             12 comments\n© 2024 Example Media · Privacy · Cookies\r\n",
        ];
        for mode in [Mode::Precision, Mode::Balanced, Mode::Recall] {
            for (i, text) in texts.iter().enumerate() {
                for id in ["p1", "a \"quoted\"\tid\u{2028}"] {
                    let (ours, theirs) = both_records(mode, id, text).unwrap();
                    assert_eq!(ours, theirs, "text {i}");
                    // --format json: the same record, pretty.
                    let a = Cleaner::builder().mode(mode).build().clean(text).unwrap();
                    let pretty_theirs = serde_json::to_string_pretty(&record(id, &a)).unwrap();
                    assert_eq!(
                        String::from_utf8(pretty(ours.as_bytes())).unwrap(),
                        pretty_theirs
                    );
                }
            }
        }
    }

    /// One schema: the record is the library's serde form of the article
    /// (the same keys, in the same order, with the same values) with the
    /// tool's `id` first and `body` (a copy of `text`) after `text`.
    #[test]
    fn a_record_is_the_librarys_serde_form_with_id_and_body() {
        let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata/seeds");
        let mut texts: Vec<String> = std::fs::read_dir(seeds)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect();
        texts.push("Home\n\nA headline\n\nA paragraph of text, long enough to be one.\n".into());
        // A list without bullets under the line that announces it: its
        // items one to a line in the body text.
        texts.push(
            "Home\n\nThe band will play twenty shows next summer, its first tour in nearly a decade, the promoter said on Monday.\n\n\
             Tickets go on sale on Friday at ten in the morning, and members of the fan club can buy them a day earlier.\n\n\
             The tour dates for next summer:\nJune 9 -- Coral Sky Amphitheatre, West Palm Beach\nJune 10 -- Credit Union Amphitheatre, Tampa\n\
             June 14 -- Ameris Bank Amphitheatre, Alpharetta\n\nShare this article\n"
                .into(),
        );
        assert!(texts.len() > 4);
        for text in &texts {
            let a = Cleaner::new().clean(text).unwrap();
            let mut ours = Vec::new();
            write_jsonl(&mut ours, &Fields::default(), "x", &a, None, &[]);
            let library = serde_json::to_string(&a).unwrap();
            // The library's record is ours without `"id":"x",` and `"body":…,`.
            let ours = String::from_utf8(ours).unwrap();
            let body = format!(
                ",\"body\":{}",
                serde_json::to_string(&a.body_text()).unwrap()
            );
            let want = format!("{{\"id\":\"x\",{}", &library[1..]).replacen(
                ",\"blocks\":",
                &format!("{body},\"blocks\":"),
                1,
            );
            assert_eq!(ours.trim_end(), want);
        }
        let listed = Cleaner::new().clean(texts.last().unwrap()).unwrap();
        assert!(
            listed.body_text().contains(
                "next summer:\nJune 9 -- Coral Sky Amphitheatre, West Palm Beach\nJune 10"
            ),
            "{}",
            listed.body_text()
        );
    }

    /// A record rendered for the output, its `body` written again from
    /// where `text` lies, is written as `write_jsonl` writes it.
    #[test]
    fn a_rendered_record_is_written_whole() {
        let text = "Home\n\nThe \"Harbour\" Plan\n\nThe council met on Tuesday and approved \
                    a plan for the harbour, the mayor said after the long meeting.\n\nPrivacy\n";
        let cleaner = Cleaner::new();
        for (list, twice) in [
            ("all", true),
            ("text,body", true),
            ("body,id,text", true),
            ("-text", false),
            ("-body", false),
            ("id,blocks", false),
        ] {
            let fields = Fields::parse(list).unwrap();
            let a = cleaner.clean(text).unwrap();
            let o = render(
                Format::Jsonl,
                &fields,
                "p",
                Ok(a),
                text.as_bytes(),
                None,
                &[],
            );
            let output = o.output.unwrap();
            assert_eq!(output.again.is_some(), twice, "{list}");
            let mut written = Vec::new();
            output.write_to(&mut written).unwrap();
            let mut want = Vec::new();
            write_jsonl(
                &mut want,
                &fields,
                "p",
                &cleaner.clean(text).unwrap(),
                None,
                &[],
            );
            want.push(b'\n');
            assert_eq!(written, want, "{list}");
            let record: serde_json::Value = serde_json::from_slice(&written).unwrap();
            if twice {
                assert_eq!(record["body"], record["text"]);
                assert!(record["body"].as_str().unwrap().contains("council"));
            }
        }
    }

    #[test]
    fn pretty_json_is_written_as_serde_json_writes_it() {
        for v in [
            serde_json::json!({}),
            serde_json::json!([]),
            serde_json::json!({"a": [], "b": {}, "c": [1, [2, {"d": null}]], "e": "x,:{}[]\"\\"}),
            serde_json::json!([{"k": "v"}, "s", 1.5, true]),
        ] {
            let compact = serde_json::to_vec(&v).unwrap();
            let want = serde_json::to_vec_pretty(&v).unwrap();
            assert_eq!(pretty(&compact), want, "{v}");
        }
    }

    /// The JSON record of an article with `fields` and `extras`.
    fn record_with(fields: &str, extras: &[Extra<'_>]) -> serde_json::Value {
        let text = "Home\n\nThe council met on Tuesday and approved a plan for the harbour, \
                    the mayor said after the long meeting.\n\nPrivacy\n";
        let a = Cleaner::new().clean(text).unwrap();
        let mut out = Vec::new();
        let f = Fields::parse(fields).unwrap();
        write_jsonl(&mut out, &f, "p", &a, None, extras);
        serde_json::from_slice(&out).unwrap()
    }

    fn keys(v: &serde_json::Value) -> Vec<String> {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    }

    #[test]
    fn fields_pick_what_a_record_holds() {
        let extras: Vec<Extra> = vec![
            ("url".into(), b"\"https://x.org/a\"".as_slice().into()),
            ("lang".into(), b"[\"en\", 1]".as_slice().into()),
            ("title".into(), b"\"the input's\"".as_slice().into()),
        ];
        let all = record_with("all", &extras);
        let mut want: Vec<String> = ARTICLE_FIELDS.iter().map(|s| s.to_string()).collect();
        want.extend(["url".to_string(), "lang".to_string()]);
        want.sort();
        assert_eq!(keys(&all), want);
        assert_eq!(all["text"], all["body"]);
        assert_eq!(all["lang"], serde_json::json!(["en", 1]));
        // The article's title, not the input's.
        assert_ne!(all["title"], "the input's");
        let some = record_with("id,text,url", &extras);
        assert_eq!(keys(&some), ["id", "text", "url"]);
        assert_eq!(some["text"], all["text"]);
        let input = record_with("input,id", &extras);
        assert_eq!(keys(&input), ["id", "lang", "url"]);
        let blocks = record_with("blocks", &[]);
        assert_eq!(blocks["blocks"], all["blocks"]);
        let less = record_with("-blocks,-chrome,-line_labels,-line_scores,-lang", &extras);
        assert_eq!(
            keys(&less),
            [
                "body",
                "byline",
                "comment_count",
                "date",
                "id",
                "image_credit",
                "text",
                "title",
                "url"
            ]
        );
        assert_eq!(record_with("-input,-id,-title,-date,-byline,-image_credit,-comment_count,-text,-body,-blocks,-chrome,-line_labels,-line_scores", &extras), serde_json::json!({}));
        assert!(Fields::parse("id,-text").is_err());
        assert!(Fields::parse(" , ").is_err());
        assert_eq!(Fields::parse("-nothing").unwrap().article, [true; 12]);
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config {
            failure_persistence: None,
            ..Default::default()
        })]

        #[test]
        fn any_string_is_escaped_as_serde_json_escapes_it(s in ".*") {
            proptest::prop_assert_eq!(escaped(&s), serde_json::to_string(&s).unwrap());
        }

        #[test]
        fn strings_of_escapes_are_escaped_as_serde_json_escapes_them(
            s in "[\\x00-\\x1f\"\\\\a-z\u{7f}\u{80}é\u{2028}🦀]{0,40}"
        ) {
            proptest::prop_assert_eq!(escaped(&s), serde_json::to_string(&s).unwrap());
        }

        #[test]
        fn any_part_is_copied_as_serde_json_writes_it(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a", "é", "漢", " ", "\\n", "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\r", "\\t",
                "\\u00e9", "\\u001f", "\\u000a", "\\ud83e\\udd80", "\u{7f}",
            ]), 0..12),
        ) {
            let body = parts.concat();
            check_written(&format!("{{\"text\": \"{body}\"}}"), body.contains("\\u") || body.contains("\\/"));
        }

        #[test]
        fn any_record_is_written_from_its_line_as_serde_json_writes_it(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "Home", "News", "\n", "\n\n", "\r\n", "\t", "   ", "The council met on Tuesday",
                " and approved a plan for the harbour, the mayor said.", "By Jane Doe", "\"",
                "\\", "12 March 2024", "Privacy", "© 2024", "\u{1b}", "\u{7f}", "é", "/",
                "12 comments", "Photo: Reuters", "Read more", "• item",
            ]), 0..60),
            slash in proptest::bool::ANY,
        ) {
            let text = parts.concat();
            let mut line = serde_json::to_string(&serde_json::json!({"text": text})).unwrap();
            if slash {
                line = line.replace('/', "\\/");
            }
            let mut buf = Vec::new();
            let (read, escapes) = text_and_escapes(&line, &mut buf);
            proptest::prop_assert_eq!(&read, &text);
            if let Ok(a) = Cleaner::builder().build().clean(&read) {
                let next = std::cell::Cell::new(0);
                let mut copied = Vec::new();
                write_jsonl(&mut copied, &Fields::default(), "p", &a, Some((&read, &escapes, &next)), &[]);
                let mut plain = Vec::new();
                write_jsonl(&mut plain, &Fields::default(), "p", &a, None, &[]);
                proptest::prop_assert_eq!(copied, plain);
            }
        }

        #[test]
        fn any_record_is_written_as_serde_json_writes_it(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "Home", "News", "\n", "\n\n", "\r\n", "\t", "   ", "The council met on Tuesday",
                " and approved a plan for the harbour, the mayor said.", "By Jane Doe", "\"",
                "\\", "12 March 2024", "Privacy", "© 2024", "\u{1b}", "\u{7f}", "é", "\u{2028}",
                "12 comments", "Photo: Reuters", "Read more", "• item",
            ]), 0..60),
            id in ".{0,6}",
        ) {
            let text = parts.concat();
            // A text the cleaner refuses (binary-looking) has no record.
            if let Some((ours, theirs)) = both_records(Mode::Balanced, &id, &text) {
                proptest::prop_assert_eq!(ours, theirs);
            }
        }
    }
}
