//! `Response`: a received status, headers and body, and the ways to turn them into results.

use bytes::Bytes;
use reqwest::header::{HeaderMap, HeaderName};
use reqwest::StatusCode;
use serde::de::DeserializeOwned;

use crate::parse::{self, ParseError};
use crate::Error;

/// A complete response whose body has been read (within the client's size limit).
pub struct Response {
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
    field_names: &'static [&'static str],
}

/// Response headers that may carry credentials; they are marked sensitive so that they print
/// as `Sensitive` if an error's headers are ever logged.
const SENSITIVE_HEADERS: [&str; 4] = ["set-cookie", "authorization", "x-auth-token", "proxy-authenticate"];

impl Response {
    pub(crate) fn new(status: StatusCode, mut headers: HeaderMap, body: Bytes, field_names: &'static [&'static str]) -> Self {
        for name in SENSITIVE_HEADERS {
            let name = HeaderName::from_static(name);
            if let reqwest::header::Entry::Occupied(mut entry) = headers.entry(name) {
                entry.iter_mut().for_each(|value| value.set_sensitive(true));
            }
        }
        Response { status, headers, body, field_names }
    }

    /// The status code.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// Parses a JSON body as `T`; a body that does not parse is [`Error::InvalidBody`].
    pub fn json<T: DeserializeOwned, E>(self) -> Result<T, Error<E>> {
        match parse::json(&self.body, self.field_names) {
            Ok(value) => Ok(value),
            Err(source) => Err(Error::InvalidBody { status: self.status, body: self.body, source }),
        }
    }

    /// Parses a documented error body as `T` and wraps it in the operation's error enum.
    pub fn documented<T: DeserializeOwned, E>(self, variant: impl FnOnce(T) -> E) -> Error<E> {
        match self.json::<T, E>() {
            Ok(body) => Error::Documented(variant(body)),
            Err(error) => error,
        }
    }

    /// A body that is text (`text/plain` and the like); one that is not UTF-8 is
    /// [`Error::InvalidBody`].
    pub fn text<E>(self) -> Result<String, Error<E>> {
        match String::from_utf8(self.body.to_vec()) {
            Ok(text) => Ok(text),
            Err(_) => Err(Error::InvalidBody { status: self.status, body: self.body, source: ParseError::not_utf8() }),
        }
    }

    /// The body as bytes, for binary media types.
    pub fn bytes(self) -> Bytes {
        self.body
    }

    /// The error for a status the spec does not document.
    pub fn unexpected<E>(self) -> Error<E> {
        Error::UnexpectedStatus { status: self.status, headers: self.headers, body: self.body }
    }
}
