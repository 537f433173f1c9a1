//! `Error<E>`: every way an operation can fail, with `E` the operation's documented errors.

use std::fmt;

use bytes::Bytes;
use reqwest::header::HeaderMap;
use reqwest::StatusCode;

/// What a generated per-operation error enum can tell about itself.
///
/// Each generated operation has an enum with one variant per error status its spec documents
/// (`BadRequest(types::ApiError)`, `Unauthorized`, ...); this trait lets [`Error`] answer
/// questions about any of them.
pub trait DocumentedError: fmt::Debug + fmt::Display {
    /// The HTTP status the server answered with.
    fn status(&self) -> StatusCode;
}

/// The error of every generated operation.
///
/// `E` is the operation's enum of documented error responses. Everything else a server or the
/// network can do is one of the other variants, each carrying what is needed to understand it.
/// Neither `Debug` nor `Display` prints a response body (it may hold a token) or any URL or
/// request header; read the body explicitly with [`Error::body`].
#[non_exhaustive]
pub enum Error<E> {
    /// A response the spec documents as an error, parsed into its documented type, with the
    /// status and headers it arrived with (it dereferences to `E`; see also
    /// [`Error::documented`]).
    Documented(crate::Response<E>),
    /// A status the spec does not document for this operation.
    UnexpectedStatus {
        /// The status received.
        status: StatusCode,
        /// The response headers (credential-bearing ones are marked sensitive).
        headers: HeaderMap,
        /// The raw response body.
        body: Bytes,
    },
    /// A documented status whose body does not parse as the documented type.
    InvalidBody {
        /// The status received.
        status: StatusCode,
        /// The raw response body.
        body: Bytes,
        /// Why it did not parse (with any quoted value from the body redacted).
        source: ParseError,
    },
    /// The response body was larger than the client's limit; it was not read to the end.
    BodyTooLarge {
        /// The status received.
        status: StatusCode,
        /// The configured limit in bytes.
        limit: usize,
    },
    /// No complete response arrived within the configured timeout.
    Timeout,
    /// The request could not be sent or the response not received (connection, TLS, protocol).
    Transport(reqwest::Error),
    /// The arguments break a constraint of the spec; nothing was sent.
    InvalidRequest(String),
}

impl<E: DocumentedError> Error<E> {
    /// The HTTP status, when a response arrived.
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Error::Documented(documented) => Some(documented.status()),
            Error::UnexpectedStatus { status, .. }
            | Error::InvalidBody { status, .. }
            | Error::BodyTooLarge { status, .. } => Some(*status),
            Error::Timeout | Error::Transport(_) | Error::InvalidRequest(_) => None,
        }
    }

    /// Whether sending the same request again may succeed: 408, 429, 502, 503 and 504, timeouts
    /// and transport failures. Whether a retry is *safe* depends on the operation's method.
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Timeout | Error::Transport(_) => true,
            Error::InvalidRequest(_) => false,
            _ => self.status().is_some_and(is_retryable_status),
        }
    }

    /// The raw response body, for the variants that carry one.
    pub fn body(&self) -> Option<&[u8]> {
        match self {
            Error::UnexpectedStatus { body, .. } | Error::InvalidBody { body, .. } => Some(body),
            _ => None,
        }
    }

    /// The documented error, if this is one.
    pub fn documented(&self) -> Option<&E> {
        match self {
            Error::Documented(documented) => Some(documented),
            _ => None,
        }
    }

    /// The response headers, for the variants that carry them.
    pub fn headers(&self) -> Option<&HeaderMap> {
        match self {
            Error::Documented(documented) => Some(documented.headers()),
            Error::UnexpectedStatus { headers, .. } => Some(headers),
            _ => None,
        }
    }

    /// How long the server asked to wait before trying again (`Retry-After`), if it said.
    pub fn retry_after(&self) -> Option<std::time::Duration> {
        self.headers().and_then(crate::typed_response::retry_after)
    }
}

fn is_retryable_status(status: StatusCode) -> bool {
    matches!(status.as_u16(), 408 | 429 | 502 | 503 | 504)
}

impl<E> Error<E> {
    /// Sorts a `reqwest` failure into [`Error::Timeout`] or [`Error::Transport`], dropping the
    /// URL: a path or query may carry a token.
    pub fn from_reqwest(error: reqwest::Error) -> Self {
        if error.is_timeout() {
            Error::Timeout
        } else {
            Error::Transport(error.without_url())
        }
    }
}

impl<E: fmt::Debug> fmt::Debug for Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Documented(documented) => f.debug_tuple("Documented").field(documented).finish(),
            Error::UnexpectedStatus { status, headers, body } => f
                .debug_struct("UnexpectedStatus")
                .field("status", status)
                .field("headers", headers)
                .field("body", &BodyLen(body.len()))
                .finish(),
            Error::InvalidBody { status, body, source } => f
                .debug_struct("InvalidBody")
                .field("status", status)
                .field("body", &BodyLen(body.len()))
                .field("source", source)
                .finish(),
            Error::BodyTooLarge { status, limit } => f
                .debug_struct("BodyTooLarge")
                .field("status", status)
                .field("limit", limit)
                .finish(),
            Error::Timeout => f.write_str("Timeout"),
            Error::Transport(error) => f.debug_tuple("Transport").field(error).finish(),
            Error::InvalidRequest(message) => f.debug_tuple("InvalidRequest").field(message).finish(),
        }
    }
}

/// Prints as `<N bytes>` so that a body never reaches a log by accident.
struct BodyLen(usize);

impl fmt::Debug for BodyLen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<{} bytes>", self.0)
    }
}

impl<E: fmt::Display> fmt::Display for Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Documented(documented) => E::fmt(documented, f),
            Error::UnexpectedStatus { status, headers, body } => {
                let kind = headers
                    .get(reqwest::header::CONTENT_TYPE)
                    .and_then(|value| value.to_str().ok())
                    .unwrap_or("no content type");
                write!(
                    f,
                    "the server answered {status}, which the spec does not document for this operation ({} bytes, {kind})",
                    body.len()
                )
            }
            Error::InvalidBody { status, body, source } => write!(
                f,
                "the {status} response body ({} bytes) does not match the documented type: {source}",
                body.len()
            ),
            Error::BodyTooLarge { status, limit } => {
                write!(f, "the {status} response body is larger than the {limit}-byte limit")
            }
            Error::Timeout => f.write_str("the request timed out"),
            Error::Transport(error) => write!(f, "the request failed: {error}"),
            Error::InvalidRequest(message) => write!(f, "invalid request, nothing was sent: {message}"),
        }
    }
}

/// Why a body did not parse: the parser's message with any value quoted from the body
/// redacted (a malformed response may hold a token where a number was expected), and where in
/// the body it stopped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    message: String,
    line: usize,
    column: usize,
}

impl ParseError {
    pub(crate) fn from_json(error: &serde_json::Error) -> Self {
        ParseError { message: redact_quoted(&error.to_string()), line: error.line(), column: error.column() }
    }

    pub(crate) fn new(message: impl Into<String>) -> Self {
        ParseError { message: message.into(), line: 0, column: 0 }
    }

    /// The 1-based line of the body where parsing stopped (0 when unknown).
    pub fn line(&self) -> usize {
        self.line
    }

    /// The 1-based column where parsing stopped (0 when unknown).
    pub fn column(&self) -> usize {
        self.column
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ParseError {}

/// Replaces what serde quotes from the input (`string "..."`, ``variant `...` ``) with
/// `[REDACTED]`, keeping what it says it expected.
fn redact_quoted(message: &str) -> String {
    let mut redacted = message.to_owned();
    for (opening, closing) in [("string \"", '"'), ("variant `", '`'), ("field `", '`')] {
        if let Some(start) = redacted.find(opening) {
            let from = start + opening.len();
            if let Some(length) = redacted[from..].find(closing) {
                redacted.replace_range(from..from + length, "[REDACTED]");
            }
        }
    }
    redacted
}

impl<E: fmt::Debug + fmt::Display> std::error::Error for Error<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::InvalidBody { source, .. } => Some(source),
            Error::Transport(error) => Some(error),
            _ => None,
        }
    }
}

/// The `StatusCode` for a code the generator emitted. Generated code only passes codes from
/// a spec's response keys, which validation limits to 100..=599, so the fallback is never taken.
pub fn status_code(code: u16) -> StatusCode {
    StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_errors_do_not_repeat_values_from_the_body() {
        let error = serde_json::from_str::<Vec<u8>>(r#""s3cr3t""#).unwrap_err();
        let parsed = ParseError::from_json(&error);
        assert!(!parsed.to_string().contains("s3cr3t"), "{parsed}");
        assert!(parsed.to_string().contains("expected a sequence"), "{parsed}");
        assert_eq!((parsed.line(), parsed.column()), (1, 8));
        #[derive(Debug, serde::Deserialize)]
        enum Kind {
            A,
        }
        let error = serde_json::from_str::<Kind>(r#""s3cr3t""#).unwrap_err();
        assert!(!ParseError::from_json(&error).to_string().contains("s3cr3t"));
    }
}
