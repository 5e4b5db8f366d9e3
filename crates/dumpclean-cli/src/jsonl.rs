//! Reading JSONL corpora: lines in batches, records without serde_json
//! where they take the usual form.

use crate::output::*;
use crate::run::*;
use serde::Deserialize;
use std::borrow::Cow;
use std::io::{self, Read};
use std::ops::Range;

/// One record of a JSONL corpus; its strings without escapes borrow from
/// the line, and a `text` with escapes from the buffer it was unescaped
/// into (see [`read_record`]).
#[derive(Deserialize)]
pub(crate) struct InRecord<'a> {
    pub(crate) id: Option<serde_json::Value>,
    #[serde(borrow)]
    pub(crate) text: Option<Str<'a>>,
    #[serde(borrow)]
    pub(crate) site: Option<Str<'a>>,
    #[serde(borrow)]
    pub(crate) url: Option<Str<'a>>,
    /// How `text` was written in the line (when read without serde_json).
    #[serde(skip)]
    pub(crate) text_escapes: Option<Escapes<'a>>,
    /// Every field but `id` and `text`, in order, with its value as written.
    #[serde(skip)]
    pub(crate) extras: Vec<Extra<'a>>,
}

/// How a string was written in a JSON line: its bytes between the quotes,
/// and where each escape ends in the string and in those bytes. A part of
/// the string whose escapes are all written as serde_json writes them is
/// written back by copying its bytes.
#[derive(Default)]
pub(crate) struct Escapes<'a> {
    pub(crate) raw: &'a [u8],
    /// The end of each escape in the string and in `raw`, in order.
    pub(crate) ends: Vec<(usize, usize)>,
    /// The end in the string of each escape serde_json writes otherwise
    /// (`\/`, `\uXXXX`), in order.
    pub(crate) odd: Vec<usize>,
}

impl Escapes<'_> {
    /// Where the string's byte `at` was written in `raw`. `next` is the
    /// number of escapes that end at or before the byte asked for last (a
    /// guess: bytes are mostly asked for in order), and is set to the number
    /// of those that end at or before `at`.
    #[inline]
    pub(crate) fn raw_at(&self, at: usize, next: &std::cell::Cell<usize>) -> usize {
        let ends = &self.ends;
        let mut k = next.get();
        if k > ends.len() || (k > 0 && ends[k - 1].0 > at) {
            k = ends.partition_point(|&(end, _)| end <= at);
        } else {
            while ends.get(k).is_some_and(|&(end, _)| end <= at) {
                k += 1;
            }
        }
        next.set(k);
        match k {
            0 => at,
            _ => {
                let (end, raw_end) = ends[k - 1];
                raw_end + (at - end)
            }
        }
    }

    /// The bytes `part` of the string `text` was written as, when they are
    /// the ones serde_json writes for it: `part` lies in `text`, and its
    /// escapes are all of the usual kind.
    pub(crate) fn written(
        &self,
        text: &str,
        part: &str,
        next: &std::cell::Cell<usize>,
    ) -> Option<&[u8]> {
        let base = text.as_ptr() as usize;
        let start = (part.as_ptr() as usize).checked_sub(base)?;
        let end = start + part.len();
        if end > text.len() {
            return None;
        }
        let k = self.odd.partition_point(|&e| e <= start);
        if self.odd.get(k).is_some_and(|&e| e <= end) {
            return None;
        }
        self.raw
            .get(self.raw_at(start, next)..self.raw_at(end, next))
    }
}

/// A JSON string, borrowed from the input when it has no escapes. (With
/// `#[serde(borrow)]`, a `Cow<str>` field borrows, an `Option<Cow<str>>`
/// never does.) It takes what a `String` takes, with the same errors.
pub(crate) struct Str<'a>(pub(crate) Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for Str<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Cow<'de, str>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Self::Value, E> {
                Ok(Cow::Borrowed(s))
            }
            fn visit_str<E>(self, s: &str) -> Result<Self::Value, E> {
                Ok(Cow::Owned(s.to_owned()))
            }
            fn visit_string<E>(self, s: String) -> Result<Self::Value, E> {
                Ok(Cow::Owned(s))
            }
        }
        d.deserialize_string(Visitor).map(Str)
    }
}

/// Read one record of a JSONL corpus. The usual line, an object whose keys
/// are among `id`, `text`, `site` and `url`, each at most once, with string
/// or `null` values, is read here; anything else, errors included, by
/// serde_json (which reads the usual line the same way). The usual line's
/// `text`, when it has escapes, is unescaped into `buf` (the caller's, so
/// that the text can borrow from it: it is validated as UTF-8 in place,
/// without the copy a `String` of its own would take).
pub(crate) fn read_record<'a>(
    line: &'a [u8],
    buf: &'a mut Vec<u8>,
) -> Result<InRecord<'a>, serde_json::Error> {
    read_record_with(line, buf, Vec::new())
}

/// [`read_record`], the list of the text's escapes ([`Escapes::ends`])
/// kept in `ends`, a list of any contents (a record's, given back once
/// it is written): a text has an escape every few dozen bytes, and a list
/// with room for them all, allocated and freed for each record, costs
/// about as much again as its escapes.
pub(crate) fn read_record_with<'a>(
    line: &'a [u8],
    buf: &'a mut Vec<u8>,
    ends: Vec<(usize, usize)>,
) -> Result<InRecord<'a>, serde_json::Error> {
    let mut scan = Scan::new(line);
    scan.escapes.ends = ends;
    match scan.record(buf) {
        Some(r) => Ok(r),
        None => {
            let mut r: InRecord = serde_json::from_slice(line)?;
            r.extras = raw_fields(line);
            Ok(r)
        }
    }
}

/// The fields of a JSON object but `id` and `text`, in order, each value
/// as written (the first of fields of one name); none for anything else.
pub(crate) fn raw_fields(line: &[u8]) -> Vec<Extra<'_>> {
    struct Fields<'a>(Vec<Extra<'a>>);
    impl<'de> Deserialize<'de> for Fields<'de> {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct Visitor;
            impl<'de> serde::de::Visitor<'de> for Visitor {
                type Value = Fields<'de>;
                fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                    f.write_str("an object")
                }
                fn visit_map<A: serde::de::MapAccess<'de>>(
                    self,
                    mut map: A,
                ) -> Result<Self::Value, A::Error> {
                    let mut fields: Vec<Extra<'de>> = Vec::new();
                    while let Some(Str(key)) = map.next_key::<Str<'de>>()? {
                        let value: &'de serde_json::value::RawValue = map.next_value()?;
                        if key != "id" && key != "text" && fields.iter().all(|(k, _)| *k != key) {
                            fields.push((key, Cow::Borrowed(value.get().as_bytes())));
                        }
                    }
                    Ok(Fields(fields))
                }
            }
            d.deserialize_map(Visitor)
        }
    }
    serde_json::from_slice::<Fields>(line).map_or_else(|_| Vec::new(), |f| f.0)
}

/// A reader of the usual record: `None` for anything else.
pub(crate) struct Scan<'a> {
    pub(crate) bytes: &'a [u8],
    pub(crate) at: usize,
    /// How the last string read was written.
    pub(crate) escapes: Escapes<'a>,
}

impl<'a> Scan<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        Scan {
            bytes,
            at: 0,
            escapes: Escapes::default(),
        }
    }

    /// The record, its `text` unescaped into `buf` when it has escapes.
    pub(crate) fn record(mut self, buf: &'a mut Vec<u8>) -> Option<InRecord<'a>> {
        let mut buf = Some(buf);
        let mut rec = InRecord {
            id: None,
            text: None,
            site: None,
            url: None,
            text_escapes: None,
            extras: Vec::new(),
        };
        let mut seen = [false; 4];
        self.space();
        self.eat(b'{')?;
        self.space();
        if self.eat(b'}').is_none() {
            loop {
                self.eat(b'"')?;
                let key = &self.bytes[self.at..];
                let len = key.iter().position(|&b| b == b'"')?;
                let field = match &key[..len] {
                    b"id" => 0,
                    b"text" => 1,
                    b"site" => 2,
                    b"url" => 3,
                    _ => return None,
                };
                if std::mem::replace(&mut seen[field], true) {
                    return None;
                }
                self.at += len + 1;
                self.space();
                self.eat(b':')?;
                self.space();
                let written = self.at;
                let value = if self.bytes[self.at..].starts_with(b"null") {
                    self.at += 4;
                    None
                } else if field == 1 {
                    // `seen` lets the text be read once: `buf` is there.
                    Some(Cow::Borrowed(self.text(buf.take()?)?))
                } else {
                    Some(self.string()?)
                };
                match field {
                    0 => rec.id = value.map(|v| serde_json::Value::String(v.into_owned())),
                    1 => {
                        if value.is_some() {
                            rec.text_escapes = Some(std::mem::take(&mut self.escapes));
                        }
                        rec.text = value.map(Str);
                    }
                    _ => {
                        let raw = Cow::Borrowed(&self.bytes[written..self.at]);
                        if field == 2 {
                            rec.extras.push((Cow::Borrowed("site"), raw));
                            rec.site = value.map(Str);
                        } else {
                            rec.extras.push((Cow::Borrowed("url"), raw));
                            rec.url = value.map(Str);
                        }
                    }
                }
                self.space();
                if self.eat(b'}').is_some() {
                    break;
                }
                self.eat(b',')?;
                self.space();
            }
        }
        self.space();
        (self.at == self.bytes.len()).then_some(rec)
    }

    /// JSON white space, as serde_json skips it.
    pub(crate) fn space(&mut self) {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    pub(crate) fn eat(&mut self, b: u8) -> Option<()> {
        (self.bytes.get(self.at) == Some(&b)).then(|| self.at += 1)
    }

    /// A string: borrowed when it has no escapes, unescaped otherwise, into
    /// a buffer as long as the string is written. ([`Scan::string_bytes`]
    /// makes room for the rest of the line, the size of a text, zeroed: for
    /// an `id` or a `url` with an escape, `\/` say, that would be the rest
    /// of the page, kept as the string's capacity.) It reads the string from
    /// the line cut after its closing quote, which it reads the same way.
    pub(crate) fn string(&mut self) -> Option<Cow<'a, str>> {
        let bytes: &'a [u8] = self.bytes;
        let end = closing_quote(bytes, self.at + 1)?;
        let mut scan = Scan {
            bytes: &bytes[..=end],
            at: self.at,
            escapes: std::mem::take(&mut self.escapes),
        };
        let mut out = Vec::new();
        let contents = scan.string_bytes(&mut out);
        (self.at, self.escapes) = (scan.at, scan.escapes);
        match contents? {
            Contents::Plain(plain) => std::str::from_utf8(plain).ok().map(Cow::Borrowed),
            Contents::Unescaped(len) => {
                out.truncate(len);
                String::from_utf8(out).ok().map(Cow::Owned)
            }
        }
    }

    /// The record's text: borrowed from the line when it has no escapes,
    /// unescaped into the start of `buf` otherwise (a buffer of any
    /// contents, grown as needed), and validated as UTF-8 where it lies (by
    /// `simdutf8`, a few times faster than `std` at it).
    pub(crate) fn text(&mut self, buf: &'a mut Vec<u8>) -> Option<&'a str> {
        let bytes: &'a [u8] = match self.string_bytes(&mut *buf)? {
            Contents::Plain(plain) => plain,
            Contents::Unescaped(len) => {
                let buf: &'a [u8] = buf;
                &buf[..len]
            }
        };
        simdutf8::basic::from_utf8(bytes).ok()
    }

    /// A string's contents, unescaped into the start of `out` when it has
    /// escapes (`out` is grown to the rest of the line if shorter; what it
    /// held is written over, and what follows the string's bytes is left
    /// as anything). Not checked as UTF-8: escapes give whole characters, so
    /// the string is UTF-8 exactly when every run between them is.
    pub(crate) fn string_bytes(&mut self, out: &mut Vec<u8>) -> Option<Contents<'a>> {
        let b = self.bytes;
        self.eat(b'"')?;
        let start = self.at;
        let mut i = next_escape(b, start)?;
        let (mut ends, mut odd) = (
            std::mem::take(&mut self.escapes.ends),
            std::mem::take(&mut self.escapes.odd),
        );
        ends.clear();
        odd.clear();
        if b[i] == b'"' {
            self.at = i + 1;
            self.escapes = Escapes {
                raw: &b[start..i],
                ends,
                odd,
            };
            return Some(Contents::Plain(&b[start..i]));
        }
        // Room for an escape every 16 bytes: a text has a line feed every
        // few dozen, but runs of them (blank lines) are common, and growing
        // the list copies it. A list too short is replaced, not grown: its
        // contents need not be kept (`realloc` would copy all it has room
        // for).
        let room = (b.len() - i) / 16;
        if ends.capacity() < room {
            ends = Vec::with_capacity(room.max(2 * ends.capacity()));
        }
        // Room for the rest of the line: a string unescaped is never longer
        // than written (an escape of 2 to 12 bytes gives 1 to 4). Its runs
        // are copied into it 16 bytes at a time, whatever follows them. A
        // buffer kept from the last string is only replaced when too short
        // (zeroing the whole of it again would cost about as much as the
        // copy; growing it would copy what it held).
        if out.len() < b.len() - start {
            *out = vec![0; b.len() - start];
        }
        let mut o = i - start;
        out[..o].copy_from_slice(&b[start..i]);
        loop {
            // The usual escapes (line feeds) and the runs between them.
            let (at, end) = copy_usual(&b[start..], i - start, out, o, &mut ends)?;
            (i, o) = (start + at, end);
            match b[i] {
                b'"' => break,
                b'\\' => {
                    let escape = *b.get(i + 1)?;
                    (i, o) = unescape(b, i + 2, escape, out, o)?;
                    ends.push((o, i - start));
                    if matches!(escape, b'u' | b'/') {
                        odd.push(o);
                    }
                }
                // A control character.
                _ => return None,
            }
        }
        self.at = i + 1;
        self.escapes = Escapes {
            raw: &b[start..i],
            ends,
            odd,
        };
        Some(Contents::Unescaped(o))
    }
}

/// Where the JSON string whose bytes start at `from` in `b` ends: its
/// closing quote, the first `"` not escaped (a `\` escapes the byte after
/// it; the digits of a `\u` are neither). `None` for no end.
pub(crate) fn closing_quote(b: &[u8], mut from: usize) -> Option<usize> {
    loop {
        let j = from + memchr::memchr2(b'"', b'\\', b.get(from..)?)?;
        if b[j] == b'"' {
            return Some(j);
        }
        from = j + 2;
    }
}

/// Where a string's contents are (see [`Scan::string_bytes`]).
pub(crate) enum Contents<'a> {
    /// In the line, as they are: the string has no escapes.
    Plain(&'a [u8]),
    /// In the buffer they were unescaped into, this many bytes from its
    /// start.
    Unescaped(usize),
}

/// Copy the string in `b` (from its first byte on, cut before its opening
/// quote) from `i` into `out` from `o` on, unescaping the usual escapes
/// ([`UNESCAPED`]: those of one letter but `\/`, line feeds above all), up
/// to its first byte that is neither in a run of bytes without escapes nor
/// in such an escape, and say where that byte is in `b` and where the copy
/// ends in `out`; each escape copied is recorded in `ends` as in
/// [`Escapes`]. `None` for a string without an end.
///
/// `out` has room for `b` (`o` is at most `i`: the copy never gets ahead
/// of the string). The runs are
/// copied 32 bytes at a time with AVX2 where the machine has it
/// ([`copy_usual_avx2`], found out once and remembered by `std`), 16 at a
/// time otherwise ([`copy_usual_16`]).
pub(crate) fn copy_usual(
    b: &[u8],
    i: usize,
    out: &mut [u8],
    o: usize,
    ends: &mut Vec<(usize, usize)>,
) -> Option<(usize, usize)> {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the machine has AVX2 (tested just above), which is all
        // `copy_usual_avx2` needs.
        return unsafe { copy_usual_avx2(b, i, out, o, ends) };
    }
    copy_usual_16(b, i, out, o, ends)
}

/// [`copy_usual`] 16 bytes at a time ([`escape_mask`]). (Not inlined: in
/// the caller, its loop ran out of registers.)
#[inline(never)]
pub(crate) fn copy_usual_16(
    b: &[u8],
    i: usize,
    out: &mut [u8],
    o: usize,
    ends: &mut Vec<(usize, usize)>,
) -> Option<(usize, usize)> {
    copy_usual_with(b, i, out, o, ends, escape_mask)
}

/// [`copy_usual`] 32 bytes at a time, with AVX2 ([`avx2_escape_mask`]).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
pub(crate) fn copy_usual_avx2(
    b: &[u8],
    i: usize,
    out: &mut [u8],
    o: usize,
    ends: &mut Vec<(usize, usize)>,
) -> Option<(usize, usize)> {
    copy_usual_with(b, i, out, o, ends, |block| avx2_escape_mask(block))
}

/// [`copy_usual`] in blocks of `N` bytes, `mask` giving a bit for each
/// byte of a block to escape (as [`escape_mask`] does for 16). Where the
/// copy is in `b` and in `out` is kept as two indices, the rest of each cut
/// from them for each run: cutting the slices themselves after each escape
/// took more instructions for each (their ends were worked back into
/// places for the list).
#[inline(always)]
pub(crate) fn copy_usual_with<const N: usize>(
    b: &[u8],
    i: usize,
    out: &mut [u8],
    o: usize,
    ends: &mut Vec<(usize, usize)>,
    mask: impl Fn([u8; N]) -> u32,
) -> Option<(usize, usize)> {
    // A start past the end of either is no string.
    b.get(i..)?;
    out.get(o..)?;
    let (mut i, mut o) = (i, o);
    // The escapes are gathered in a buffer on the stack and added to the
    // list 64 at a time: a push onto the list itself kept its length in
    // memory (and a call to grow it in the loop).
    let mut batch = [(0, 0); 64];
    let mut filled = 0;
    let stop = loop {
        let n = copy_run(&b[i..], &mut out[o..], &mask);
        let (at, to) = (i + n, o + n);
        // The byte the run stopped at (none at the end of the line), and
        // the one after it.
        let Some(&c) = b.get(at) else {
            break None;
        };
        let byte = match (c, b.get(at + 1)) {
            (b'\\', Some(&letter)) => UNESCAPED[usize::from(letter)],
            _ => 0,
        };
        match out.get_mut(to) {
            Some(d) if byte != 0 => *d = byte,
            _ => break Some((at, to)),
        }
        (i, o) = (at + 2, to + 1);
        if filled == batch.len() {
            ends.extend_from_slice(&batch);
            filled = 0;
        }
        batch[filled] = (o, i);
        filled += 1;
    };
    ends.extend_from_slice(&batch[..filled]);
    stop
}

/// The byte each usual escape gives, by its letter (after the `\`): `"`,
/// `\`, `b`, `f`, `n`, `r` and `t`; 0 for any other letter (`\/` is left
/// out: [`Escapes::odd`] lists it).
pub(crate) const UNESCAPED: [u8; 256] = {
    let mut table = [0u8; 256];
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table[b'b' as usize] = 0x08;
    table[b'f' as usize] = 0x0c;
    table[b'n' as usize] = b'\n';
    table[b'r' as usize] = b'\r';
    table[b't' as usize] = b'\t';
    table
};

/// Copy `src` into `dst` up to its first byte to escape ([`escapes`]),
/// and say how many bytes that is (all of them for none; none when `dst`
/// is shorter than `src`). The bytes are copied `N` at a time before they
/// are looked at (`mask`, as in [`copy_usual_with`]), with one fixed-size
/// copy each: those copied past the first byte to escape are left for the
/// caller to write over. (`dst` cut to the length of `src` lets one bounds
/// check serve both. A block is taken as an array, in a register, then
/// stored and tested: tested where it lies in `src`, it was loaded again
/// after the store, an instruction more for every block.)
#[inline(always)]
pub(crate) fn copy_run<const N: usize>(
    src: &[u8],
    dst: &mut [u8],
    mask: impl Fn([u8; N]) -> u32,
) -> usize {
    let Some(dst) = dst.get_mut(..src.len()) else {
        return 0;
    };
    let mut n = 0;
    while src.len() - n >= N {
        let s: [u8; N] = src[n..n + N].try_into().unwrap();
        dst[n..n + N].copy_from_slice(&s);
        let m = mask(s);
        if m != 0 {
            return n + m.trailing_zeros() as usize;
        }
        n += N;
    }
    // The last bytes, one at a time.
    for (&c, d) in src[n..].iter().zip(&mut dst[n..]) {
        if needs_escape(c) {
            break;
        }
        *d = c;
        n += 1;
    }
    n
}

/// A bit for each byte of `block` to escape ([`escapes`]), bit `j` for
/// byte `j`: its trailing zeros count the bytes before the first one. With
/// SSE2 (part of every x86_64), [`sse2_escape_mask`]: five vector
/// instructions and a `pmovmskb`; elsewhere [`escape_mask_portable`].
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[inline(always)]
pub(crate) fn escape_mask(block: [u8; 16]) -> u32 {
    // SAFETY: `sse2_escape_mask` needs SSE2 and nothing else, and this
    // build has it (the `cfg` above).
    unsafe { sse2_escape_mask(block) }
}

/// [`escape_mask`] with SSE2 intrinsics.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "sse2")]
#[inline]
pub(crate) fn sse2_escape_mask(block: [u8; 16]) -> u32 {
    use std::arch::x86_64::*;
    let half = |h: &[u8]| i64::from_le_bytes(h.try_into().unwrap());
    let v = _mm_set_epi64x(half(&block[8..]), half(&block[..8]));
    // As in `escapes`: `b ^ 2` is at most 0x20 for a control byte or `"`
    // (`min(x, 0x20) == x`, unsigned); a backslash is compared as it is.
    let low = _mm_xor_si128(v, _mm_set1_epi8(2));
    let control = _mm_cmpeq_epi8(_mm_min_epu8(low, _mm_set1_epi8(0x20)), low);
    let backslash = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'\\' as i8));
    _mm_movemask_epi8(_mm_or_si128(control, backslash)) as u32
}

/// [`escape_mask`] for 32 bytes, with AVX2: bit `j` for byte `j`.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[inline]
pub(crate) fn avx2_escape_mask(block: [u8; 32]) -> u32 {
    use std::arch::x86_64::*;
    let quarter = |k: usize| i64::from_le_bytes(block[8 * k..8 * k + 8].try_into().unwrap());
    let v = _mm256_set_epi64x(quarter(3), quarter(2), quarter(1), quarter(0));
    // As in `sse2_escape_mask`.
    let low = _mm256_xor_si256(v, _mm256_set1_epi8(2));
    let control = _mm256_cmpeq_epi8(_mm256_min_epu8(low, _mm256_set1_epi8(0x20)), low);
    let backslash = _mm256_cmpeq_epi8(v, _mm256_set1_epi8(b'\\' as i8));
    _mm256_movemask_epi8(_mm256_or_si256(control, backslash)) as u32
}

/// [`escape_mask`] elsewhere.
#[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
#[inline(always)]
pub(crate) fn escape_mask(block: [u8; 16]) -> u32 {
    escape_mask_portable(block)
}

/// [`escape_mask`] without vector instructions: a byte at a time.
#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2"), allow(dead_code))]
pub(crate) fn escape_mask_portable(block: [u8; 16]) -> u32 {
    (0..16).fold(0, |mask, j| mask | u32::from(escapes(block[j])) << j)
}

/// The escape of `b` whose letter (after its `\`) is `escape`, with what
/// follows it from `i` on (the digits of `\u`), unescaped into `out` at
/// `o` (which has room for it: an escape is longer than what it gives);
/// where the string goes on after it in `b`, and in `out`. `None` for an
/// escape serde_json does not take, or a lone surrogate (serde_json's to
/// report).
pub(crate) fn unescape(
    b: &[u8],
    mut i: usize,
    escape: u8,
    out: &mut [u8],
    o: usize,
) -> Option<(usize, usize)> {
    let byte = match escape {
        b'"' | b'\\' | b'/' => escape,
        b'b' => 0x08,
        b'f' => 0x0c,
        b'n' => b'\n',
        b'r' => b'\r',
        b't' => b'\t',
        b'u' => {
            let mut c = hex4(b.get(i..i + 4)?)?;
            i += 4;
            if (0xd800..0xdc00).contains(&c) {
                // Only a whole surrogate pair.
                if b.get(i..i + 2)? != b"\\u" {
                    return None;
                }
                let low = hex4(b.get(i + 2..i + 6)?)?;
                if !(0xdc00..0xe000).contains(&low) {
                    return None;
                }
                i += 6;
                c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
            }
            let c = char::from_u32(c)?;
            let n = c.encode_utf8(&mut out[o..]).len();
            return Some((i, o + n));
        }
        _ => return None,
    };
    out[o] = byte;
    Some((i, o + 1))
}

/// Four hex digits.
pub(crate) fn hex4(digits: &[u8]) -> Option<u32> {
    digits
        .iter()
        .try_fold(0, |n, &d| Some(n * 16 + char::from(d).to_digit(16)?))
}

/// Non-empty lines of a JSONL corpus, read into one buffer.
#[derive(Default)]
pub(crate) struct Chunk {
    pub(crate) bytes: Vec<u8>,
    /// Each line's 1-based number and its bytes in `bytes` (without the `\n`).
    pub(crate) lines: Vec<(u64, Range<usize>)>,
}

impl Chunk {
    pub(crate) fn line(&self, span: &Range<usize>) -> &[u8] {
        &self.bytes[span.clone()]
    }
}

/// Call `f` with chunks of the non-empty lines of a JSONL corpus (with their
/// 1-based line numbers), streaming: at most one chunk is in memory.
pub(crate) fn for_each_chunk(
    input: impl Read,
    name: &str,
    mut f: impl FnMut(&Chunk) -> Result<(), Stop>,
) -> Result<(), Stop> {
    for_each_batch(input, name, CHUNK_BLOCK, |chunk| f(chunk))
}

/// [`for_each_chunk`] with chunks of the lines ended in about `block` bytes
/// of input (one line at least); `f` may take the chunk, and leave another
/// in its place (one it had taken before, given back once its lines were
/// cleaned: its buffers are read into again). An input that
/// cannot be read to its end (a truncated gzip file) hands over the lines
/// before the one it fails in, and stops with [`Stop::Input`] naming that
/// line.
pub(crate) fn for_each_batch(
    input: impl Read,
    name: &str,
    block: usize,
    f: impl FnMut(&mut Chunk) -> Result<(), Stop>,
) -> Result<(), Stop> {
    batches(input, block, f).map_err(|e| match e {
        Batches::Read(e, line) => Stop::Input(format!("{name}:{line}: cannot read: {e}")),
        Batches::Stop(s) => s,
    })
}

/// Why [`batches`] stopped.
pub(crate) enum Batches {
    /// Reading failed in this line (1-based).
    Read(io::Error, u64),
    Stop(Stop),
}

/// The lines of `input`, as `BufRead::split(b'\n')` gives them, without the
/// ones of ASCII white space only, in chunks: `block` bytes (and, when they
/// end inside a line, the rest of it, in smaller reads) are read straight
/// onto the end of the chunk (without a copy in between) and the lines they
/// end handed to `f`; the start of a line they do not end is carried over to
/// the next chunk. The chunk's buffers are kept from one chunk to the next
/// (or those `f` leaves in their place): a buffer allocated for each chunk
/// would be memory the system maps and zeroes again, a page fault for
/// every 4 KiB read.
pub(crate) fn batches(
    mut input: impl Read,
    block: usize,
    mut f: impl FnMut(&mut Chunk) -> Result<(), Stop>,
) -> Result<(), Batches> {
    let block = block.max(1);
    // Room for a block and, most often, the end of the line it ends in
    // (a line of a corpus is some kilobytes long; the reads that finish a
    // longer one grow the buffer): as much again for a batch's block, at
    // most a MiB more for a large one (the first pass of
    // `--site-profiles`), so that memory stays near the size of the input
    // read rather than twice a large block for each chunk.
    let room = block + block.min(1 << 20);
    let mut chunk = Chunk::default();
    // The start of the line the last block ended in, carried over.
    let mut carry = Vec::new();
    let mut line_no = 0;
    // Where the line being read starts in the chunk.
    let mut start = 0;
    loop {
        let from = chunk.bytes.len();
        chunk.bytes.reserve(room);
        let (n, mut failed) = read_onto(&mut input, &mut chunk.bytes, block);
        let mut end_of_input = failed.is_some() || n < block;
        // The block most often ends inside a line, whose start the next
        // chunk would take over with a copy (about half a line): when its
        // last `step` bytes end no line, reads of `step` bytes (and more,
        // for a long line) finish that line here, in place, and only what
        // the last of them read past its end is copied.
        let mut step = (block / 32).max(1);
        let mut last = chunk.bytes.len() - n.min(step);
        while !end_of_input && newline(&chunk.bytes[last..]).is_none() {
            last = chunk.bytes.len();
            chunk.bytes.reserve(step);
            let (n, e) = read_onto(&mut input, &mut chunk.bytes, step);
            failed = e;
            end_of_input = failed.is_some() || n < step;
            step = (2 * step).min(block);
        }
        // Before `from`, the line has no end.
        let mut at = from;
        loop {
            let end = match newline(&chunk.bytes[at..]) {
                Some(i) => at + i,
                None if end_of_input && failed.is_none() && start < chunk.bytes.len() => {
                    chunk.bytes.len()
                }
                None => break,
            };
            line_no += 1;
            if !chunk.bytes[start..end].iter().all(u8::is_ascii_whitespace) {
                chunk.lines.push((line_no, start..end));
            }
            start = end + 1;
            at = start;
            if at >= chunk.bytes.len() {
                break;
            }
        }
        let start_here = start.min(chunk.bytes.len());
        if start_here > 0 || end_of_input {
            // Hand over the lines ended; carry over the line begun.
            carry.clear();
            carry.extend_from_slice(&chunk.bytes[start_here..]);
            chunk.bytes.truncate(start_here);
            if !chunk.lines.is_empty() {
                f(&mut chunk).map_err(Batches::Stop)?;
            }
            chunk.bytes.clear();
            chunk.bytes.extend_from_slice(&carry);
            chunk.lines.clear();
            start = 0;
        }
        if let Some(e) = failed {
            return Err(Batches::Read(e, line_no + 1));
        }
        if end_of_input {
            return Ok(());
        }
    }
}

/// At most `limit` bytes of `input`, read onto the end of `bytes`: how
/// many, and the error that stopped the reading, if one did (the bytes
/// read before it are kept: the lines they end are handed over before the
/// error is).
pub(crate) fn read_onto(
    input: &mut impl Read,
    bytes: &mut Vec<u8>,
    limit: usize,
) -> (usize, Option<io::Error>) {
    let before = bytes.len();
    match input.take(limit as u64).read_to_end(bytes) {
        Ok(n) => (n, None),
        Err(e) => (bytes.len() - before, Some(e)),
    }
}

/// Where the first `\n` of `bytes` is, found by `memchr` (32 bytes an
/// instruction or two with AVX2, chosen at run time; a line of a corpus is
/// thousands of bytes long, so its start-up cost is nothing beside it).
pub(crate) fn newline(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(b'\n', bytes)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::output::tests::escaped;

    /// The non-blank lines of `input` with their numbers, as `batches` with
    /// `block` gives them, and each batch's number of lines. The chunks are
    /// taken, or left, or taken with a used chunk left in their place (its
    /// buffers full of another chunk's lines, as the stream's reader leaves
    /// those given back): all three ways give the same.
    fn batched(input: &[u8], block: usize) -> (Vec<(u64, Vec<u8>)>, Vec<usize>) {
        let mut ways = Vec::new();
        for way in 0..3 {
            let (mut lines, mut sizes) = (Vec::new(), Vec::new());
            let mut used = Chunk {
                bytes: b"{\"id\": \"used\"}\nand the start of a line".to_vec(),
                lines: vec![(1, 0..14)],
            };
            let r = batches(input, block, |chunk| {
                sizes.push(chunk.lines.len());
                lines.extend(
                    chunk
                        .lines
                        .iter()
                        .map(|(n, raw)| (*n, chunk.line(raw).to_vec())),
                );
                match way {
                    0 => drop(std::mem::take(chunk)),
                    1 => {}
                    _ => std::mem::swap(chunk, &mut used),
                }
                Ok(())
            });
            assert!(r.is_ok());
            ways.push((lines, sizes));
        }
        assert!(
            ways.iter().all(|w| *w == ways[0]),
            "{input:?} in blocks of {block}"
        );
        ways.swap_remove(0)
    }

    /// The same, as `BufRead::split` gives them.
    fn split_lines(input: &[u8]) -> Vec<(u64, Vec<u8>)> {
        io::BufRead::split(input, b'\n')
            .map(|l| l.unwrap())
            .zip(1..)
            .filter(|(l, _)| !l.iter().all(u8::is_ascii_whitespace))
            .map(|(l, n)| (n, l))
            .collect()
    }

    /// A reader that gives `bytes`, then an error.
    struct Failing<'a>(&'a [u8]);

    impl Read for Failing<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            if self.0.is_empty() {
                return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "cut"));
            }
            let n = self.0.len().min(buf.len()).min(3);
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn a_read_error_hands_over_the_lines_before_it_and_names_its_line() {
        let input = b"{\"id\": 1}\n\n{\"id\": 2}\n{\"id\": 3, \"te";
        for block in [1, 2, 5, 8, 64] {
            let mut lines = Vec::new();
            let r = for_each_batch(Failing(input), "c.jsonl (gzip)", block, |chunk| {
                lines.extend(chunk.lines.iter().map(|(n, _)| *n));
                Ok(())
            });
            assert_eq!(lines, [1, 3], "block {block}");
            match r {
                Err(Stop::Input(msg)) => assert_eq!(msg, "c.jsonl (gzip):4: cannot read: cut"),
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn the_first_newline_is_found_anywhere() {
        for len in 0..150 {
            for at in 0..=len {
                for fill in [b'a', 0x8a, 0x0b, 0x09, 0xff, 0x00] {
                    let mut v = vec![fill; len];
                    if at < len {
                        v[at] = b'\n';
                        // A second one after it, and bytes around it that
                        // differ from `\n` in one bit.
                        if at + 3 < len {
                            v[at + 3] = b'\n';
                        }
                        if at > 0 {
                            v[at - 1] = 0x0b;
                        }
                    }
                    let want = v.iter().position(|&b| b == b'\n');
                    assert_eq!(newline(&v), want, "{v:?}");
                }
            }
        }
    }

    #[test]
    fn batches_hold_the_lines_as_read_until_reads_them() {
        let inputs: [&[u8]; 9] = [
            b"",
            b"\n",
            b"a",
            b"a\n",
            b"\n\n  \n\t\x0c\r\nab\r\n\ncd",
            b"{\"id\": 1}\n{\"id\": 2}\n \n{\"id\": 3}",
            b"one long line without an end, longer than any block here",
            b"x\ny\nz\n\n\n",
            b"\xff\xfe\n\x00\n\xc3\xa9",
        ];
        for input in inputs {
            let want = split_lines(input);
            for block in [1, 2, 3, 5, 8, 13, 64, 1 << 16] {
                let (lines, sizes) = batched(input, block);
                assert_eq!(lines, want, "{input:?} in blocks of {block}");
                assert!(sizes.iter().all(|&n| n > 0));
            }
        }
        // A block ends the lines it reads: a batch of about as many
        // lines as fit in it.
        let input = "0123456789\n".repeat(100);
        let (_, sizes) = batched(input.as_bytes(), 55);
        assert_eq!(sizes.len(), 20);
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config {
            failure_persistence: None,
            ..Default::default()
        })]

        #[test]
        fn any_input_is_batched_as_read_until_reads_it(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                &b"\n"[..], b"\n\n", b" ", b"\t", b"\r\n", b"\x0c", b"{}", b"{\"id\": 7}",
                b"abc", b"\xc3\xa9", b"\xff",
            ]), 0..40),
            block in 1usize..24,
        ) {
            let input = parts.concat();
            proptest::prop_assert_eq!(batched(&input, block).0, split_lines(&input));
        }
    }

    /// Where [`copy_usual`] stops, what it copies and the escapes it records.
    type Copied = (usize, Vec<u8>, Vec<(usize, usize)>);

    /// [`copy_usual`] a byte at a time.
    fn copy_usual_slowly(b: &[u8], mut i: usize) -> Option<Copied> {
        let (mut out, mut ends) = (Vec::new(), Vec::new());
        loop {
            let c = *b.get(i)?;
            let usual = [
                (b'"', b'"'),
                (b'\\', b'\\'),
                (b'b', 0x08),
                (b'f', 0x0c),
                (b'n', b'\n'),
                (b'r', b'\r'),
                (b't', b'\t'),
            ];
            let escape = usual
                .iter()
                .find(|&&(letter, _)| c == b'\\' && b.get(i + 1) == Some(&letter));
            if let Some(&(_, byte)) = escape {
                out.push(byte);
                i += 2;
                ends.push((out.len(), i));
            } else if needs_escape(c) {
                return Some((i, out, ends));
            } else {
                out.push(c);
                i += 1;
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config {
            failure_persistence: None,
            ..Default::default()
        })]

        #[test]
        fn strings_are_read_as_from_the_whole_line(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a", "é", "\\n", "\\/", "\\\"", "\\\\", "\\u00e9", "\\ud83d\\ude00", "\\u12",
                "\\ud83d", "\"", "\u{1}", "\\", "u", "/",
            ]), 0..12),
            rest in proptest::sample::select(vec!["", "\"", ",\"text\":\"a\\nb\"}", "\\n\"x"]),
        ) {
            let line = format!("\"{}{rest}", parts.concat());
            let line = line.as_bytes();
            // The string read from the whole line, as `string` read it before.
            let mut whole = Scan::new(line);
            let mut out = Vec::new();
            let want = whole.string_bytes(&mut out).and_then(|c| match c {
                Contents::Plain(plain) => String::from_utf8(plain.to_vec()).ok(),
                Contents::Unescaped(len) => String::from_utf8(out[..len].to_vec()).ok(),
            });
            let mut scan = Scan::new(line);
            let got = scan.string();
            proptest::prop_assert_eq!(got.as_deref(), want.as_deref());
            if got.is_some() {
                proptest::prop_assert_eq!(scan.at, whole.at);
            }
            if let Some(Cow::Owned(s)) = got {
                // No more room than the string took in the line (or the
                // least a Vec of bytes allocates, 8).
                proptest::prop_assert!(s.capacity() <= scan.at.max(8));
            }
        }

        #[test]
        fn usual_escapes_are_copied_as_a_byte_at_a_time(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a", "é", " ", "\\n", "\\n\\n", "\\t", "\\\"", "\\\\", "\\u00e9", "\"", "\u{1}",
                "\\", "n", "0123456789abcdefghijklmnopqrstuvwxyz", "\\/", "\\b", "\\f", "\\r",
                "\\x", "\u{1f}", "\u{7f}", "\\\\n",
            ]), 0..30),
            from in 0usize..4,
        ) {
            let b = parts.concat().into_bytes();
            let from = from.min(b.len());
            let (mut out, mut ends) = (vec![0; b.len()], Vec::new());
            let want = copy_usual_slowly(&b, from);
            let fast = copy_usual(&b, from, &mut out, 0, &mut ends)
                .map(|(at, o)| (at, out[..o].to_vec(), ends));
            proptest::prop_assert_eq!(fast, want.clone());
            // 16 bytes at a time (on a machine without AVX2), into a used
            // buffer and a list with escapes of its own.
            let (mut out, mut ends) = (vec![b'x'; b.len()], vec![(1, 2)]);
            let fast = copy_usual_16(&b, from, &mut out, 0, &mut ends)
                .map(|(at, o)| (at, out[..o].to_vec(), ends[1..].to_vec()));
            proptest::prop_assert_eq!(fast, want);
        }
    }

    /// Strings of more escapes than [`copy_usual_with`] gathers at once,
    /// and of runs of every length, are copied as a byte at a time.
    #[test]
    fn many_escapes_are_copied_as_a_byte_at_a_time() {
        let mut b = String::new();
        for k in 0..300 {
            b.push_str(&"x".repeat(k % 41));
            b.push_str(["\\n", "\\n\\n", "\\t", "\\\"", "é"][k % 5]);
        }
        b.push_str("\\u00e9 and the rest\"");
        let b = b.into_bytes();
        for from in [0, 1, 7] {
            let want = copy_usual_slowly(&b, from);
            assert!(want.as_ref().is_some_and(|(_, _, ends)| ends.len() > 200));
            let (mut out, mut ends) = (vec![0; b.len()], Vec::new());
            let fast = copy_usual(&b, from, &mut out, 0, &mut ends)
                .map(|(at, o)| (at, out[..o].to_vec(), ends));
            assert_eq!(fast, want);
            let (mut out, mut ends) = (vec![0; b.len()], Vec::new());
            let fast = copy_usual_16(&b, from, &mut out, 0, &mut ends)
                .map(|(at, o)| (at, out[..o].to_vec(), ends));
            assert_eq!(fast, want);
        }
    }

    /// Every byte at every place of a block, among bytes of every kind.
    fn blocks<const N: usize>() -> Vec<[u8; N]> {
        let mut blocks = Vec::new();
        for b in 0..=255u8 {
            for at in 0..N {
                for fill in [
                    b'a', b' ', b'!', b'#', 0x1f, b'"', b'\\', 0x7f, 0x80, 0xa2, 0xdc, 0xff,
                ] {
                    let mut block = [fill; N];
                    block[at] = b;
                    blocks.push(block);
                    // Another byte to escape after it.
                    block[(at + 5) % N] = b'"';
                    blocks.push(block);
                }
            }
        }
        blocks
    }

    #[test]
    fn escape_masks_mark_every_byte_to_escape() {
        for block in blocks::<16>() {
            let want = escape_mask_portable(block);
            let each = (0..16).fold(0, |m, j| m | u32::from(needs_escape(block[j])) << j);
            assert_eq!(want, each, "{block:?}");
            assert_eq!(escape_mask(block), want, "{block:?}");
        }
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            for block in blocks::<32>() {
                let want = (0..32).fold(0, |m, j| m | u32::from(needs_escape(block[j])) << j);
                // SAFETY: the machine has AVX2 (tested just above).
                assert_eq!(unsafe { avx2_escape_mask(block) }, want, "{block:?}");
            }
        }
    }

    /// The text of a JSON line's record, read without serde_json, and how
    /// it was written.
    pub(crate) fn text_and_escapes<'a>(
        line: &'a str,
        buf: &'a mut Vec<u8>,
    ) -> (String, Escapes<'a>) {
        let rec = Scan::new(line.as_bytes()).record(buf).unwrap();
        (rec.text.unwrap().0.into_owned(), rec.text_escapes.unwrap())
    }

    /// Every part of the text from a line: where `written` gives its bytes
    /// in the line, they are what serde_json writes for it; and it gives
    /// them when the part holds no `\/` or `\u` escape (`odd`: whether the
    /// line has any).
    pub(crate) fn check_written(line: &str, odd: bool) {
        let mut buf = Vec::new();
        let (text, escapes) = text_and_escapes(line, &mut buf);
        let next = std::cell::Cell::new(0);
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for &s in &bounds {
            for &e in bounds.iter().filter(|&&e| e >= s) {
                let part = &text[s..e];
                let want = escaped(part);
                match escapes.written(&text, part, &next) {
                    Some(raw) => {
                        assert_eq!(raw, &want.as_bytes()[1..want.len() - 1], "{line} {s}..{e}")
                    }
                    None => assert!(odd, "{line} {s}..{e}"),
                }
            }
        }
        // Not a part of the text: nothing.
        let elsewhere = String::from("abc");
        assert!(escapes.written(&text, &elsewhere, &next).is_none());
    }

    #[test]
    fn parts_of_a_text_are_copied_as_written() {
        for (line, odd) in [
            (r#"{"text": ""}"#, false),
            (r#"{"text": "plain é 漢"}"#, false),
            (r#"{"text": "a\nb\n\nc \"q\" \\ \t\r\b\f end"}"#, false),
            (
                r#"{"id": "x\ny", "text": "\n\n\"\\", "url": "u\/v"}"#,
                false,
            ),
            (r#"{"text": "a\/b\nc"}"#, true),
            (r#"{"text": "\u00e9\n\u001f x \ud83e\udd80\n"}"#, true),
        ] {
            check_written(line, odd);
        }
    }

    mod owned {
        /// The record as `serde_json` read it with owned strings (under the
        /// name its error messages give).
        #[derive(serde::Deserialize, Debug, PartialEq)]
        pub struct InRecord {
            pub id: Option<serde_json::Value>,
            pub text: Option<String>,
            pub site: Option<String>,
            pub url: Option<String>,
        }
    }
    use owned::InRecord as OwnedRecord;

    /// A line read as an `InRecord` and as an `OwnedRecord`: the same
    /// fields, or the same error message.
    fn read_both(
        line: impl AsRef<[u8]>,
    ) -> (Result<OwnedRecord, String>, Result<OwnedRecord, String>) {
        let line = line.as_ref();
        let own = |s: Option<Str>| s.map(|s| s.0.into_owned());
        let mut buf = Vec::new();
        let ours = read_record(line, &mut buf)
            .map(|r| OwnedRecord {
                id: r.id,
                text: own(r.text),
                site: own(r.site),
                url: own(r.url),
            })
            .map_err(|e| e.to_string());
        let theirs = serde_json::from_slice::<OwnedRecord>(line).map_err(|e| e.to_string());
        (ours, theirs)
    }

    /// A buffer used before (longer or shorter than the text, with bytes of
    /// its own) gives the text as a new one does.
    #[test]
    fn a_used_buffer_gives_the_text_as_a_new_one() {
        let lines = [
            r#"{"id": "a", "text": "one\nline\n\nand \"more\" \u00e9 \ud83e\udd80 é 漢 the end of it"}"#,
            r#"{"text": "x\ny"}"#,
            r#"{"text": "0123456789abcdef0123456789abcdef\n0123456789abcdef\\0123456789abcdef"}"#,
        ];
        for used in [0, 3, 40, 4000] {
            for fill in [0u8, b'\n', 0xff] {
                let mut buf = vec![fill; used];
                for line in lines {
                    let want: OwnedRecord = serde_json::from_str(line).unwrap();
                    let text = read_record(line.as_bytes(), &mut buf)
                        .unwrap()
                        .text
                        .unwrap();
                    assert_eq!(Some(text.0.into_owned()), want.text, "{line} {used}");
                }
            }
        }
    }

    #[test]
    fn records_are_read_as_with_owned_strings() {
        let lines = [
            r#"{"id": "a", "text": "one line", "site": "s", "url": "https://x.org/"}"#,
            r#"{"id": 7, "text": "two\nlines \u00e9 \ud83e\udd80 \"q\" \/", "url": null}"#,
            r#"{"id": {"k": [1, 2.5, true, null]}, "text": "t", "extra": {"a": [1]}}"#,
            r#"{"id": null, "text": "t"}"#,
            r#"{"text": 5}"#,
            r#"{"text": "t", "site": ["s"]}"#,
            r#"{"text": "t", "url": 3.5}"#,
            r#"{"text": "t", "text": "u"}"#,
            r#"{"text": "bad \ud800 surrogate"}"#,
            r#"{"text": "bad \x escape"}"#,
            "{\"text\": \"raw\tcontrol\"}",
            r#"{"text": "unterminated}"#,
            r#"{"id": "a"} trailing"#,
            r#"["not", "an", "object"]"#,
            r#"["an", "array", "read", "as a record"]"#,
            r#"{not json"#,
            "",
        ];
        for line in lines {
            let (ours, theirs) = read_both(line);
            assert_eq!(ours, theirs, "{line}");
        }
        // The usual lines are read without serde_json.
        for line in [
            r#"{"id": "a", "text": "one line", "site": "s", "url": "https://x.org/"}"#,
            r#" {"url":null,"text":"t\u00e9\u00E9\ud83e\udd80\u0000\/\b\f\n\r\t\"\\","id":"\u0041"}"#,
            "{\"text\"\t:\r\n\"é 漢 🦀\"\n}\r",
            "{}",
        ] {
            let fast = Scan::new(line.as_bytes()).record(&mut Vec::new()).is_some();
            assert!(fast, "{line}");
            let (ours, theirs) = read_both(line);
            assert_eq!(ours, theirs, "{line}");
        }
        // The fields other than id and text pass through as written.
        let line = br#"{"id": "a", "site" : "s\/t", "text": "t", "url":null, "n": [1, {"x": 2}]}"#;
        let mut buf = Vec::new();
        let extras = read_record(line, &mut buf).unwrap().extras;
        let got: Vec<(&str, &[u8])> = extras.iter().map(|(k, v)| (&**k, &**v)).collect();
        assert_eq!(
            got,
            [
                ("site", &br#""s\/t""#[..]),
                ("url", b"null"),
                ("n", br#"[1, {"x": 2}]"#)
            ]
        );
        let usual = br#"{"id": "a", "site" : "s\/t", "text": "t", "url":null}"#;
        assert!(Scan::new(usual).record(&mut Vec::new()).is_some());
        let mut buf = Vec::new();
        let fast = read_record(usual, &mut buf).unwrap().extras;
        assert_eq!(fast, extras[..2]);
        // A string without escapes is not copied.
        let r = serde_json::from_str::<InRecord>(r#"{"text": "plain", "url": "u\/v"}"#).unwrap();
        assert!(matches!(r.text, Some(Str(Cow::Borrowed("plain")))));
        assert!(matches!(r.url, Some(Str(Cow::Owned(ref u))) if u == "u/v"));
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config {
            failure_persistence: None,
            ..Default::default()
        })]

        #[test]
        fn any_line_is_read_as_with_owned_strings(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "{", "}", "[", "]", ",", ":", " ", "\"", "\"id\"", "\"text\"", "\"site\"", "\"url\"",
                "\"x\"", "1", "-2.5e3", "null", "true", "\\n", "\\\"", "\\u00e9", "\\ud83e\\udd80",
                "\\ud800", "\\q", "\t", "é", "plain text",
            ]), 0..24),
        ) {
            let line = parts.concat();
            let (ours, theirs) = read_both(&line);
            proptest::prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn any_object_is_read_as_with_owned_strings(
            members in proptest::collection::vec((
                proptest::sample::select(vec!["id", "text", "site", "url", "other", "te\\u0078t", "i\\d"]),
                proptest::option::of(proptest::collection::vec(proptest::sample::select(vec![
                    &b"plain"[..], "é".as_bytes(), "漢".as_bytes(), b" ", b"\\n", b"\\\"", b"\\\\", b"\\/",
                    b"\\b", b"\\f", b"\\r", b"\\t", b"\\u00e9", b"\\u00E9", b"\\u0000", b"\\u001f",
                    b"\\ud83e\\udd80", b"\\uD83E\\uDD80", b"\\ud800", b"\\udc00", b"\\ud800\\u0041",
                    b"\\ud800\\ud800", b"\\u12", b"\\u12g4", b"\\x", b"\\", b"\t", b"\x01", b"\x7f",
                    b"\xff", b"\xc3", b"\xa9", b"\xc3\xa9",
                ]), 0..8)),
                proptest::sample::select(vec!["null", "12", "-1.5e3", "true", "[1]", "{}", "nul", "\"x\"x"]),
            ), 0..6),
            spaces in proptest::collection::vec(
                proptest::sample::select(vec!["", "", "", " ", "\t", "\n", "\r", "  "]), 16),
            tail in proptest::sample::select(vec!["", "", "", "x", ",", "}", "\n"]),
        ) {
            let mut line = Vec::new();
            let mut space = spaces.iter().cycle();
            let mut put = |line: &mut Vec<u8>, b: &[u8]| {
                line.extend_from_slice(space.next().unwrap().as_bytes());
                line.extend_from_slice(b);
            };
            put(&mut line, b"{");
            for (i, (key, string, other)) in members.iter().enumerate() {
                if i > 0 {
                    put(&mut line, b",");
                }
                put(&mut line, format!("\"{key}\"").as_bytes());
                put(&mut line, b":");
                match string {
                    Some(parts) => put(&mut line, &[&b"\""[..], &parts.concat(), b"\""].concat()),
                    None => put(&mut line, other.as_bytes()),
                }
            }
            put(&mut line, b"}");
            put(&mut line, tail.as_bytes());
            let (ours, theirs) = read_both(&line);
            proptest::prop_assert_eq!(ours, theirs);
            // The fields passed through are the same, read either way.
            let mut buf = Vec::new();
            if let Ok(rec) = read_record(&line, &mut buf) {
                let want = if line.trim_ascii_start().starts_with(b"{") {
                    raw_fields(&line)
                } else {
                    Vec::new()
                };
                proptest::prop_assert_eq!(rec.extras, want);
            }
        }

        #[test]
        fn any_record_is_read_as_with_owned_strings(
            id in proptest::option::of(".{0,8}"),
            text in proptest::option::of(".{0,40}"),
            site in proptest::option::of(".{0,8}"),
            url in proptest::option::of(".{0,12}"),
        ) {
            let mut rec = serde_json::Map::new();
            for (k, v) in [("id", id), ("text", text), ("site", site), ("url", url)] {
                if let Some(v) = v {
                    rec.insert(k.to_string(), v.into());
                }
            }
            let line = serde_json::Value::Object(rec).to_string();
            let (ours, theirs) = read_both(&line);
            proptest::prop_assert!(ours.is_ok());
            proptest::prop_assert_eq!(ours, theirs);
        }
    }
}
