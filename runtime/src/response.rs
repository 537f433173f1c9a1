//! `RawResponse`: a received status, headers and body, and the ways to turn them into typed
//! [`Response`]s and [`Error`]s.

use bytes::Bytes;
use reqwest::header::{HeaderMap, HeaderName};
use reqwest::StatusCode;
use serde::de::DeserializeOwned;

use crate::parse::{self, ParseError};
use crate::{CallError, Error, Response};

/// A complete response whose body has been read (within the client's size limit), before it
/// is turned into a typed [`Response`] or an [`Error`].
pub struct RawResponse {
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
    field_names: &'static [&'static str],
}

/// Response headers that may carry credentials; they are marked sensitive so that they print
/// as `Sensitive` if an error's headers are ever logged. (Names built at compile time: this runs
/// on every response.)
const SENSITIVE_HEADERS: [HeaderName; 4] = [
    reqwest::header::SET_COOKIE,
    reqwest::header::AUTHORIZATION,
    HeaderName::from_static("x-auth-token"),
    reqwest::header::PROXY_AUTHENTICATE,
];

impl RawResponse {
    pub(crate) fn new(status: StatusCode, mut headers: HeaderMap, body: Bytes, field_names: &'static [&'static str]) -> Self {
        // One pass over the few headers a response has, comparing names, rather than a hashed
        // lookup per sensitive name (`entry` may also grow the map).
        for (name, value) in headers.iter_mut() {
            if SENSITIVE_HEADERS.contains(name) {
                value.set_sensitive(true);
            }
        }
        RawResponse { status, headers, body, field_names }
    }

    /// The headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// `value` with this response's status and headers.
    fn with<T>(self, value: T) -> Response<T> {
        Response::new(self.status, self.headers, value)
    }

    /// The status code.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// Parses a JSON body as `T`; a body that does not parse is [`Error::InvalidBody`].
    pub fn json<T: DeserializeOwned>(self) -> Result<Response<T>, CallError> {
        match parse::json(&self.body, self.field_names) {
            Ok(value) => Ok(self.with(value)),
            Err(source) => Err(self.invalid(source)),
        }
    }

    /// A body that is text (`text/plain` and the like); one that is not UTF-8 is
    /// [`Error::InvalidBody`].
    pub fn text(self) -> Result<Response<String>, CallError> {
        match String::from_utf8(self.body.to_vec()) {
            Ok(text) => Ok(self.with(text)),
            Err(_) => Err(self.invalid(ParseError::not_utf8())),
        }
    }

    /// The error for this body, which did not parse. (Not inside the generic `json`, which is
    /// compiled once per response type.)
    fn invalid(self, source: ParseError) -> CallError {
        CallError(Error::InvalidBody { status: self.status, body: self.body, source })
    }

    /// The body as bytes, for binary media types.
    pub fn bytes(self) -> Response<Bytes> {
        let body = self.body.clone();
        self.with(body)
    }

    /// A response whose body is documented as empty (whatever the server sent is dropped).
    pub fn empty(self) -> Response<()> {
        self.with(())
    }

    /// The error for a status the spec does not document.
    pub fn unexpected<E>(self) -> Error<E> {
        Error::UnexpectedStatus { status: self.status, headers: self.headers, body: self.body }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    #[test]
    fn credential_headers_of_a_response_are_marked_sensitive_every_value_of_them() {
        let mut headers = HeaderMap::new();
        headers.append("set-cookie", HeaderValue::from_static("session=1"));
        headers.append("set-cookie", HeaderValue::from_static("other=2"));
        headers.append("x-auth-token", HeaderValue::from_static("t0ken"));
        headers.append("content-type", HeaderValue::from_static("application/json"));
        let response = RawResponse::new(StatusCode::OK, headers, Bytes::new(), &[]);
        let marked = |name: &str| response.headers().get_all(name).iter().map(HeaderValue::is_sensitive).collect::<Vec<_>>();
        assert_eq!(marked("set-cookie"), [true, true]);
        assert_eq!(marked("x-auth-token"), [true]);
        assert_eq!(marked("content-type"), [false]);
    }
}
