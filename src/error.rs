//! The error type.

/// Why a dump could not be cleaned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is larger than the configured limit.
    #[error(
        "input is {len} bytes, over the limit of {limit} bytes; \
         raise it with CleanerBuilder::max_input_bytes or split the input"
    )]
    InputTooLarge {
        /// The input's length in bytes.
        len: usize,
        /// The configured limit ([`crate::CleanerBuilder::max_input_bytes`]).
        limit: usize,
    },
    /// One line is longer than the configured limit.
    #[error(
        "line {line} is {len} bytes, over the limit of {limit} bytes; \
         raise it with CleanerBuilder::max_line_bytes"
    )]
    LineTooLong {
        /// The 0-based index of the line.
        line: usize,
        /// The line's length in bytes.
        len: usize,
        /// The configured limit ([`crate::CleanerBuilder::max_line_bytes`]).
        limit: usize,
    },
    /// The bytes are not valid UTF-8.
    #[error(
        "input is not valid UTF-8 (first bad byte at offset {valid_up_to}); decode it to UTF-8 \
         first, or clean String::from_utf8_lossy(input) to replace the bad bytes"
    )]
    InvalidUtf8 {
        /// How many leading bytes are valid UTF-8.
        valid_up_to: usize,
    },
    /// The bytes start with a UTF-16 byte-order mark.
    #[error(
        "input is UTF-16 ({} byte-order mark); decode it to UTF-8 first",
        if *big_endian { "big-endian" } else { "little-endian" }
    )]
    Utf16 {
        /// The mark says big-endian (`FE FF`) rather than little-endian (`FF FE`).
        big_endian: bool,
    },
    /// The input looks binary (NUL bytes or other control bytes near its start).
    #[error(
        "input looks binary (control byte at offset {offset}); dumpclean cleans text: \
         pass the page's visible text, decoded to UTF-8"
    )]
    Binary {
        /// The offset of the first NUL or other control byte.
        offset: usize,
    },
}
