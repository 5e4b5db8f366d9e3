//! Opening inputs: a file or stdin, decompressed when its first bytes are
//! a gzip or zstd header, and recognised from its content as a WARC/WET
//! file, a JSONL corpus or one dump.

use crate::args::Input;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

/// What an input holds.
#[derive(Clone, Copy, PartialEq, Debug)]
pub(crate) enum Kind {
    /// One page dump.
    Dump,
    /// One JSON record per line.
    Jsonl,
    /// WARC records (a Common Crawl WET file).
    Warc,
}

/// How an input was compressed.
#[derive(Clone, Copy, PartialEq, Debug)]
pub(crate) enum Compression {
    None,
    Gzip,
    Zstd,
}

impl Compression {
    /// How a message names it, after the input's name: ` (gzip)`.
    pub(crate) fn note(self) -> &'static str {
        match self {
            Compression::None => "",
            Compression::Gzip => " (gzip)",
            Compression::Zstd => " (zstd)",
        }
    }

    /// The compression whose magic number `head` starts with.
    fn of(head: &[u8]) -> Compression {
        if head.starts_with(&[0x1f, 0x8b]) {
            Compression::Gzip
        } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
            Compression::Zstd
        } else {
            Compression::None
        }
    }
}

/// The bytes buffered at once: enough to see what an input holds.
const BUFFER: usize = 64 << 10;

/// An input, opened and decompressed, its first bytes read.
pub(crate) struct Opened {
    pub(crate) reader: Box<dyn BufRead + Send>,
    pub(crate) kind: Kind,
    pub(crate) compression: Compression,
}

/// Open `path` (`-`: stdin), decompress it when it is compressed, and tell
/// what it holds: `input` when it says, else from its content (and a name
/// ending in `.jsonl`, before any `.gz`/`.zst`). An error says how far it
/// got: `path: cannot read: ...`, with the compression after the path.
pub(crate) fn open(path: &str, input: Input) -> Result<Opened, String> {
    let fail = |c: Compression, e: io::Error| format!("{path}{}: cannot read: {e}", c.note());
    let raw: Box<dyn Read + Send> = if path == "-" {
        Box::new(io::stdin())
    } else {
        Box::new(File::open(path).map_err(|e| fail(Compression::None, e))?)
    };
    let mut buffered = BufReader::with_capacity(BUFFER, raw);
    let head = buffered
        .fill_buf()
        .map_err(|e| fail(Compression::None, e))?;
    if Compression::of(head) == Compression::None {
        let kind = kind_of(input, path, head);
        return Ok(Opened {
            reader: Box::new(straight(buffered)),
            kind,
            compression: Compression::None,
        });
    }
    let (mut reader, compression) = decompress(buffered).map_err(|e| fail(Compression::None, e))?;
    let kind = match input {
        Input::Auto => {
            let head = reader.fill_buf().map_err(|e| fail(compression, e))?;
            kind_of(input, path, head)
        }
        _ => kind_of(input, path, &[]),
    };
    Ok(Opened {
        reader,
        kind,
        compression,
    })
}

/// What an input holds: what `input` says, else what its first bytes
/// `head` (and a name ending in `.jsonl`) say.
fn kind_of(input: Input, path: &str, head: &[u8]) -> Kind {
    match input {
        Input::Jsonl => Kind::Jsonl,
        Input::Warc => Kind::Warc,
        Input::Dump => Kind::Dump,
        Input::Auto => match sniff(head) {
            Kind::Dump if named_jsonl(path) => Kind::Jsonl,
            kind => kind,
        },
    }
}

/// The bytes `r` holds, then the rest of its input, behind a buffer of the
/// usual 8 KiB: a read of that much or more (as [`Read::read_to_end`]
/// makes them) goes straight from the input into the caller's buffer,
/// where `r`'s own buffer, of [`BUFFER`] bytes, would copy each read
/// shorter than that through itself.
fn straight<R: Read>(r: BufReader<R>) -> BufReader<io::Chain<io::Cursor<Vec<u8>>, R>> {
    let head = r.buffer().to_vec();
    BufReader::new(io::Cursor::new(head).chain(r.into_inner()))
}

/// The reader, decompressed when its first bytes are a gzip (every member
/// of a multi-member file) or zstd header.
fn decompress<R: BufRead + Send + 'static>(
    mut r: R,
) -> io::Result<(Box<dyn BufRead + Send>, Compression)> {
    let compression = Compression::of(r.fill_buf()?);
    let reader: Box<dyn BufRead + Send> = match compression {
        Compression::None => Box::new(r),
        Compression::Gzip => Box::new(BufReader::with_capacity(
            BUFFER,
            flate2::bufread::MultiGzDecoder::new(r),
        )),
        Compression::Zstd => Box::new(BufReader::with_capacity(
            BUFFER,
            zstd::stream::read::Decoder::with_buffer(r)?,
        )),
    };
    Ok((reader, compression))
}

/// What the first bytes of an input say it holds: `WARC/` starts a WARC
/// file; a first line (after blank lines and a byte-order mark) that starts
/// with `{` and ends with `}` (or does not end in `head`) starts a JSONL
/// corpus; anything else is a dump (a pretty-printed JSON file too).
pub(crate) fn sniff(head: &[u8]) -> Kind {
    if head.starts_with(b"WARC/") {
        return Kind::Warc;
    }
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let Some(start) = head.iter().position(|b| !b.is_ascii_whitespace()) else {
        return Kind::Dump;
    };
    let line = &head[start..];
    let line = match line.iter().position(|&b| b == b'\n') {
        Some(end) => line[..end].trim_ascii_end(),
        None => {
            return if line[0] == b'{' {
                Kind::Jsonl
            } else {
                Kind::Dump
            }
        }
    };
    if line.starts_with(b"{") && line.ends_with(b"}") {
        Kind::Jsonl
    } else {
        Kind::Dump
    }
}

/// Whether the file's name says JSONL: `.jsonl`, perhaps compressed.
fn named_jsonl(path: &str) -> bool {
    let name = path
        .strip_suffix(".gz")
        .or_else(|| path.strip_suffix(".zst"))
        .unwrap_or(path);
    name.ends_with(".jsonl")
}

/// A whole dump file (or stdin with `None`), decompressed when it is
/// compressed.
pub(crate) fn read_dump(path: Option<&Path>) -> io::Result<Vec<u8>> {
    let raw: Box<dyn Read + Send> = match path {
        Some(p) => Box::new(File::open(p)?),
        None => Box::new(io::stdin()),
    };
    let (mut reader, _) = decompress(BufReader::with_capacity(BUFFER, raw))?;
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    }

    fn opened(bytes: Vec<u8>) -> (Kind, Compression, Vec<u8>) {
        let (mut r, c) = decompress(BufReader::new(io::Cursor::new(bytes))).unwrap();
        let kind = sniff(r.fill_buf().unwrap());
        let mut all = Vec::new();
        r.read_to_end(&mut all).unwrap();
        (kind, c, all)
    }

    #[test]
    fn content_tells_what_an_input_holds() {
        assert_eq!(sniff(b"WARC/1.0\r\n"), Kind::Warc);
        assert_eq!(sniff(b"{\"id\": 1}\n"), Kind::Jsonl);
        assert_eq!(sniff(b"\n \r\n\t{\"id\": 1}\n"), Kind::Jsonl);
        assert_eq!(sniff(b"\xef\xbb\xbf{\"id\": 1}\n"), Kind::Jsonl);
        assert_eq!(sniff(b"Home\nNews\n{braces}"), Kind::Dump);
        assert_eq!(sniff(b"{\"id\": 1}\r\n"), Kind::Jsonl);
        assert_eq!(
            sniff(b"{\"id\": 1, \"text\": \"a long first line"),
            Kind::Jsonl
        );
        // A pretty-printed JSON document, or a dump that starts with a brace.
        assert_eq!(sniff(b"{\n  \"id\": 1\n}\n"), Kind::Dump);
        assert_eq!(sniff(b"{menu} Home\nNews\n"), Kind::Dump);
        assert_eq!(sniff(b" WARC/1.0"), Kind::Dump);
        assert_eq!(sniff(b""), Kind::Dump);
        assert!(
            named_jsonl("a/b.jsonl") && named_jsonl("b.jsonl.gz") && named_jsonl("x.jsonl.zst")
        );
        assert!(!named_jsonl("b.json") && !named_jsonl("b.txt.gz"));
    }

    #[test]
    fn gzip_members_and_zstd_are_decompressed() {
        let text = b"WARC/1.0\r\nWARC-Type: warcinfo\r\n".to_vec();
        assert_eq!(
            opened(text.clone()),
            (Kind::Warc, Compression::None, text.clone())
        );
        // Two members, as Common Crawl writes one per record.
        let mut two = gzip(&text[..10]);
        two.extend(gzip(&text[10..]));
        assert_eq!(opened(two), (Kind::Warc, Compression::Gzip, text.clone()));
        let z = zstd::encode_all(&text[..], 3).unwrap();
        assert_eq!(opened(z), (Kind::Warc, Compression::Zstd, text));
    }

    /// A plain input, its first bytes buffered, reads straight on as it
    /// holds: in blocks as `batches` reads them, and line by line.
    #[test]
    fn a_plain_input_reads_on_as_it_holds() {
        let text: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        for capacity in [1, 7, 8 << 10, BUFFER] {
            let buffered = |text: &[u8]| {
                let mut r = BufReader::with_capacity(capacity, io::Cursor::new(text.to_vec()));
                assert!(!r.fill_buf().unwrap().is_empty());
                straight(r)
            };
            let mut r = buffered(&text);
            let mut all = Vec::new();
            while (&mut r).take(12_345).read_to_end(&mut all).unwrap() > 0 {}
            assert_eq!(all, text, "{capacity}");
            let mut lines = Vec::new();
            for line in buffered(&text).split(b'\n') {
                lines.push(line.unwrap());
            }
            assert_eq!(lines.join(&b'\n'), text, "{capacity}");
        }
        // A file opened as a plain JSONL corpus gives all its bytes.
        let path =
            std::env::temp_dir().join(format!("dumpclean-plain-{}.jsonl", std::process::id()));
        let corpus = "{\"id\": 1, \"text\": \"x\"}\n".repeat(10_000);
        std::fs::write(&path, &corpus).unwrap();
        let opened = open(path.to_str().unwrap(), Input::Auto).unwrap();
        assert_eq!(
            (opened.kind, opened.compression),
            (Kind::Jsonl, Compression::None)
        );
        let mut all = Vec::new();
        opened.reader.take(u64::MAX).read_to_end(&mut all).unwrap();
        std::fs::remove_file(&path).unwrap();
        assert_eq!(all, corpus.as_bytes());
    }

    #[test]
    fn a_truncated_gzip_file_is_a_read_error() {
        let text = "{\"id\": 1, \"text\": \"x\"}\n".repeat(1000);
        let z = gzip(text.as_bytes());
        let (mut r, _) =
            decompress(BufReader::new(io::Cursor::new(z[..z.len() / 2].to_vec()))).unwrap();
        let mut all = Vec::new();
        assert!(r.read_to_end(&mut all).is_err());
    }
}
