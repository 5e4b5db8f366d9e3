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
}
