//! `Error<E>`: every way an operation can fail, with `E` the operation's documented errors.

use std::convert::Infallible;
use std::fmt;

use bytes::Bytes;
use reqwest::header::HeaderMap;
use reqwest::StatusCode;

use crate::redirect::RedirectRefusal;
use crate::{ParseError, TransportError};

/// What a generated per-operation error enum can tell about itself.
///
/// Each generated operation has an enum with one variant per error status its spec documents
/// (`BadRequest(types::ApiError)`, `Unauthorized`, ...); this trait lets [`Error`] answer
/// questions about any of them.
pub trait DocumentedError: fmt::Debug + fmt::Display + Sized {
    /// The HTTP status the server answered with.
    fn status(&self) -> StatusCode;

    /// Reads a response whose status no documented success matched: the documented error for
    /// its status, [`Error::InvalidBody`] when that body does not parse, or
    /// [`Error::UnexpectedStatus`] when the spec documents nothing for it.
    ///
    /// Operations that document the same errors share one enum, so this is compiled once per
    /// distinct set of error responses rather than once per operation.
    fn decode(response: crate::RawResponse) -> Error<Self>;
}

/// Everything an [`Error`] can be except [`Error::Documented`]: what the runtime's own steps
/// (sending, reading, parsing a body) fail with. They return this rather than an `Error<E>` so
/// that they are compiled once, not once per operation's error type; `?` turns it into the
/// operation's `Error<E>`.
pub struct CallError(pub(crate) Error<Infallible>);

impl<E> From<CallError> for Error<E> {
    // `Documented` holds an uninhabited `Response<Infallible>`, so its arm cannot run.
    #[allow(unreachable_code)]
    fn from(error: CallError) -> Self {
        match error.0 {
            Error::Documented(never) => match never.into_inner() {},
            Error::UnexpectedStatus { status, headers, body } => Error::UnexpectedStatus { status, headers, body },
            Error::InvalidBody { status, body, source } => Error::InvalidBody { status, body, source },
            Error::BodyTooLarge { status, limit } => Error::BodyTooLarge { status, limit },
            Error::Timeout => Error::Timeout,
            Error::Redirect { status, target, reason } => Error::Redirect { status, target, reason },
            Error::Transport(error) => Error::Transport(error),
            Error::InvalidRequest(message) => Error::InvalidRequest(message),
        }
    }
}

impl CallError {
    /// [`Error::InvalidRequest`]: an argument could not be sent as the spec says.
    pub(crate) fn invalid_request(message: String) -> Self {
        CallError(Error::InvalidRequest(message))
    }
}

impl fmt::Debug for CallError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for CallError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl std::error::Error for CallError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        std::error::Error::source(&self.0)
    }
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
    /// The server redirected, and the client's redirect policy does not allow following it;
    /// nothing was sent to the target.
    Redirect {
        /// The redirect status received (301, 302, 303, 307 or 308).
        status: StatusCode,
        /// The origin (`scheme://host:port`) the server pointed at, never its path or query;
        /// `None` when `Location` was missing or not a URL.
        target: Option<String>,
        /// Why it was not followed.
        reason: RedirectRefusal,
    },
    /// The request could not be sent or the response not received (connection, TLS, protocol).
    Transport(TransportError),
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
            | Error::BodyTooLarge { status, .. }
            | Error::Redirect { status, .. } => Some(*status),
            Error::Timeout | Error::Transport(_) | Error::InvalidRequest(_) => None,
        }
    }

    /// Whether sending the same request again may succeed: 408, 429, 502, 503 and 504, timeouts
    /// and transport failures. Whether a retry is *safe* depends on the operation's method.
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Timeout | Error::Transport(_) => true,
            Error::InvalidRequest(_) | Error::Redirect { .. } => false,
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
    /// The documented error `wrap` makes of a body read by [`DocumentedError::decode`], or
    /// the failure to read it.
    pub fn decoded<B>(read: Result<crate::Response<B>, CallError>, wrap: impl FnOnce(B) -> E) -> Self {
        match read {
            Ok(body) => Error::Documented(body.map(wrap)),
            Err(error) => error.into(),
        }
    }

    /// Sorts a `reqwest` failure into [`Error::Timeout`] or [`Error::Transport`], keeping no
    /// URL: a path or query may carry a token.
    pub fn from_reqwest(error: reqwest::Error) -> Self {
        if error.is_timeout() {
            Error::Timeout
        } else {
            Error::Transport(TransportError::new(&error))
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
                .field("headers", &HeaderNames(headers))
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
            Error::Redirect { status, target, reason } => f
                .debug_struct("Redirect")
                .field("status", status)
                .field("target", target)
                .field("reason", reason)
                .finish(),
            Error::Transport(error) => f.debug_tuple("Transport").field(error).finish(),
            Error::InvalidRequest(message) => f.debug_tuple("InvalidRequest").field(message).finish(),
        }
    }
}

/// Prints a header map as its names only: values (`WWW-Authenticate`, `Location`, vendor token
/// headers) may carry secrets.
struct HeaderNames<'a>(&'a HeaderMap);

impl fmt::Debug for HeaderNames<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.0.keys().map(|name| name.as_str())).finish()
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
                let kind = shown_media_type(headers);
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
            Error::Redirect { status, target, reason } => {
                let target = target.as_deref().unwrap_or("an unusable location");
                write!(f, "the server answered {status}, redirecting to {target}, which was not followed: {reason}")
            }
            Error::Transport(error) => write!(f, "the request failed: {error}"),
            Error::InvalidRequest(message) => write!(f, "invalid request, nothing was sent: {message}"),
        }
    }
}

/// The media type of a response for `Display`: only a well-known one is shown, without its
/// parameters; a hostile server can put anything in `Content-Type`.
fn shown_media_type(headers: &HeaderMap) -> &'static str {
    const KNOWN: [&str; 12] = [
        "application/json",
        "application/problem+json",
        "application/xml",
        "application/problem+xml",
        "application/octet-stream",
        "application/x-www-form-urlencoded",
        "multipart/form-data",
        "text/plain",
        "text/html",
        "text/xml",
        "text/csv",
        "text/javascript",
    ];
    let Some(value) = headers.get(reqwest::header::CONTENT_TYPE) else { return "no content type" };
    let essence = value.to_str().unwrap_or_default().split(';').next().unwrap_or_default().trim();
    KNOWN.into_iter().find(|known| known.eq_ignore_ascii_case(essence)).unwrap_or("another content type")
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
    fn unexpected_status_prints_header_names_and_known_media_types_only() {
        let mut headers = HeaderMap::new();
        headers.insert("www-authenticate", "Bearer realm=s3cr3t".parse().unwrap());
        headers.insert("content-type", "application/json; token=s3cr3t".parse().unwrap());
        let error: Error<std::convert::Infallible> =
            Error::UnexpectedStatus { status: StatusCode::IM_A_TEAPOT, headers: headers.clone(), body: Bytes::from("s3cr3t") };
        let (debug, display) = (format!("{error:?}"), error.to_string());
        assert!(!debug.contains("s3cr3t") && debug.contains("www-authenticate"), "{debug}");
        assert!(!display.contains("s3cr3t") && display.contains("application/json"), "{display}");
        headers.insert("content-type", "s3cr3t/x".parse().unwrap());
        assert_eq!(shown_media_type(&headers), "another content type");
    }
}
