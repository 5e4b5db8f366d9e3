//! A reader of WARC files (WARC/1.0 and 1.1, as Common Crawl writes its WET
//! files): one record at a time from any `BufRead`, headers parsed, the
//! block read whole (its `Content-Length`), nothing kept between records.

use std::io::{self, BufRead, Read};

/// One WARC record: its named fields, in order, and its block.
#[derive(Debug)]
pub struct Record {
    /// The version line's version (`1.0`).
    #[allow(dead_code)] // Read by the tests only, so far.
    pub version: String,
    /// The named fields (`WARC-Type`, `WARC-Target-URI`, ...), as written.
    pub headers: Vec<(String, String)>,
    /// The record's block: `Content-Length` bytes.
    pub block: Vec<u8>,
}

impl Record {
    /// The value of the first field named `name` (ignoring ASCII case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The record's `WARC-Type` (`warcinfo`, `response`, `conversion`, ...).
    pub fn kind(&self) -> &str {
        self.header("WARC-Type").unwrap_or("")
    }
}

/// What is wrong with a WARC file, and in which record (counted from 1).
#[derive(Debug, thiserror::Error)]
pub enum WarcError {
    #[error("WARC record {record}: {what}")]
    Malformed { record: u64, what: String },
    #[error("WARC record {record}: the file ends inside the record (truncated)")]
    Truncated { record: u64 },
    #[error("WARC record {record}: {source}")]
    Io { record: u64, source: io::Error },
}

/// The records of a WARC file, in order.
pub struct Reader<R> {
    input: R,
    /// Records begun so far.
    record: u64,
    line: Vec<u8>,
    /// A malformed or truncated record ends the file: the reader cannot
    /// find the next record's start.
    done: bool,
}

/// The most bytes a version or field line may take: a longer one is not
/// WARC.
const MAX_LINE: usize = 64 * 1024;

impl<R: BufRead> Reader<R> {
    pub fn new(input: R) -> Reader<R> {
        Reader {
            input,
            record: 0,
            line: Vec::new(),
            done: false,
        }
    }

    /// One line without its `\r\n` (or `\n`) into `self.line`; false at the
    /// end of the input.
    fn read_line(&mut self) -> Result<bool, WarcError> {
        self.line.clear();
        let record = self.record;
        let n = (&mut self.input)
            .take(MAX_LINE as u64 + 2)
            .read_until(b'\n', &mut self.line)
            .map_err(|source| WarcError::Io { record, source })?;
        if n == 0 {
            return Ok(false);
        }
        if self.line.last() != Some(&b'\n') {
            return Err(if n > MAX_LINE {
                self.malformed("a header line longer than 64 KiB")
            } else {
                WarcError::Truncated { record }
            });
        }
        self.line.pop();
        if self.line.last() == Some(&b'\r') {
            self.line.pop();
        }
        Ok(true)
    }

    fn malformed(&self, what: impl Into<String>) -> WarcError {
        WarcError::Malformed {
            record: self.record,
            what: what.into(),
        }
    }

    fn next_record(&mut self) -> Result<Option<Record>, WarcError> {
        // Blank lines between records are skipped. The record is counted
        // from its first line on, so that an error there names it.
        self.record += 1;
        loop {
            if !self.read_line()? {
                self.record -= 1;
                return Ok(None);
            }
            if !self.line.is_empty() {
                break;
            }
        }
        let version = match self.line.strip_prefix(b"WARC/") {
            Some(v) => String::from_utf8_lossy(v).into_owned(),
            None => {
                let start =
                    String::from_utf8_lossy(&self.line[..self.line.len().min(40)]).into_owned();
                return Err(self.malformed(format!("expected `WARC/1.0`, found {start:?}")));
            }
        };
        let mut headers = Vec::new();
        loop {
            if !self.read_line()? {
                return Err(WarcError::Truncated {
                    record: self.record,
                });
            }
            if self.line.is_empty() {
                break;
            }
            let text = String::from_utf8_lossy(&self.line);
            let Some((name, value)) = text.split_once(':') else {
                return Err(self.malformed(format!("a header line without `:`: {text:?}")));
            };
            headers.push((name.trim().to_string(), value.trim().to_string()));
        }
        let length = headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("Content-Length"))
            .map(|(_, v)| v.clone())
            .ok_or_else(|| self.malformed("no Content-Length"))?;
        let length: u64 = length
            .parse()
            .map_err(|_| self.malformed(format!("Content-Length {length:?} is not a number")))?;
        let mut block = Vec::new();
        let record = self.record;
        let got = (&mut self.input)
            .take(length)
            .read_to_end(&mut block)
            .map_err(|source| WarcError::Io { record, source })?;
        if (got as u64) < length {
            return Err(WarcError::Truncated { record });
        }
        Ok(Some(Record {
            version,
            headers,
            block,
        }))
    }
}

impl<R: BufRead> Iterator for Reader<R> {
    type Item = Result<Record, WarcError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let r = self.next_record().transpose();
        if matches!(r, Some(Err(_)) | None) {
            self.done = true;
        }
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, id: &str, body: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:x:{id}>\r\nContent-Length: {}\r\n\r\n",
            body.len()
        )
        .into_bytes();
        r.extend_from_slice(body);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn read(bytes: &[u8]) -> Vec<Result<Record, WarcError>> {
        Reader::new(bytes).collect()
    }

    #[test]
    fn records_are_read_in_order_with_their_fields_and_blocks() {
        let mut file = record("warcinfo", "info", b"software: x\r\n");
        file.extend(record(
            "conversion",
            "a",
            "Kop\r\n\r\nTekst één\n".as_bytes(),
        ));
        file.extend(record("conversion", "b", b""));
        let recs: Vec<Record> = read(&file).into_iter().map(Result::unwrap).collect();
        assert_eq!(recs.len(), 3);
        assert_eq!(recs[0].kind(), "warcinfo");
        assert_eq!(recs[1].header("warc-record-id"), Some("<urn:x:a>"));
        assert_eq!(recs[1].block, "Kop\r\n\r\nTekst één\n".as_bytes());
        assert_eq!(recs[2].block, b"");
        assert_eq!(recs[1].version, "1.0");
    }

    #[test]
    fn a_truncated_block_is_reported_with_its_record_number() {
        let mut file = record("conversion", "a", b"one");
        let second = record("conversion", "b", b"a longer block");
        file.extend_from_slice(&second[..second.len() - 10]);
        let recs = read(&file);
        assert_eq!(recs.len(), 2);
        assert!(recs[0].is_ok());
        assert!(
            matches!(recs[1], Err(WarcError::Truncated { record: 2 })),
            "{:?}",
            recs[1]
        );
    }

    #[test]
    fn a_file_that_is_not_warc_is_malformed_at_record_one() {
        let recs = read(b"<html>\r\n");
        assert!(matches!(
            &recs[0],
            Err(WarcError::Malformed { record: 1, .. })
        ));
        assert_eq!(recs.len(), 1);
        let no_length = read(b"WARC/1.0\r\nWARC-Type: conversion\r\n\r\nbody");
        assert!(no_length[0]
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("Content-Length"));
        let truncated_head = read(b"WARC/1.0\r\nWARC-Type: conv");
        assert!(matches!(
            truncated_head[0],
            Err(WarcError::Truncated { record: 1 })
        ));
    }

    #[test]
    fn an_empty_file_has_no_records() {
        assert!(read(b"").is_empty());
        assert!(read(b"\r\n\r\n").is_empty());
    }
}
