//! `Response<T>`: what an operation returns, a typed body together with the status and headers
//! it arrived with (`ETag`, `Location`, rate limits, `Retry-After`, ...).
//!
//! It dereferences to the body, so `client.get_token(id).await?.name` reads the body's field
//! directly, and [`Response::into_inner`] takes the body out. Documented errors are
//! `Response<E>` too (in [`crate::Error::Documented`]), so their headers are kept as well.

use std::fmt;
use std::ops::{Deref, DerefMut};
use std::str::FromStr;
use std::time::{Duration, SystemTime};

use reqwest::header::HeaderMap;
use reqwest::StatusCode;

/// A typed body with the status and headers it arrived with.
#[derive(Clone)]
pub struct Response<T> {
    status: StatusCode,
    headers: HeaderMap,
    value: T,
}

impl<T> Response<T> {
    /// A response holding `value` (useful to fake one in tests of code that takes a response).
    pub fn new(status: StatusCode, headers: HeaderMap, value: T) -> Self {
        Response { status, headers, value }
    }

    /// The status code.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// Every header of the response (headers that may carry credentials are marked sensitive).
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The first value of header `name` as text; `None` when absent or not visible ASCII.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|value| value.to_str().ok())
    }

    /// The headers the spec documents for this operation, typed (the generated
    /// `headers::<Operation>` struct of the client crate).
    pub fn typed_headers<H: FromHeaders>(&self) -> H {
        H::from_headers(&self.headers)
    }

    /// How long the server asked to wait before trying again (`Retry-After`, in seconds or as
    /// an HTTP date), if it said.
    pub fn retry_after(&self) -> Option<Duration> {
        retry_after(&self.headers)
    }

    /// The body.
    pub fn into_inner(self) -> T {
        self.value
    }

    /// Status, headers and body.
    pub fn into_parts(self) -> (StatusCode, HeaderMap, T) {
        (self.status, self.headers, self.value)
    }

    /// The same response with its body transformed (generated code wraps bodies in enums so).
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Response<U> {
        Response { status: self.status, headers: self.headers, value: f(self.value) }
    }
}

impl<T> Deref for Response<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T> DerefMut for Response<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.value
    }
}

/// Prints the status, the header names (never their values: a header may carry a token) and the
/// body's own `Debug`, which redacts secret fields.
impl<T: fmt::Debug> fmt::Debug for Response<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Response")
            .field("status", &self.status)
            .field("headers", &self.headers.keys().map(|name| name.as_str()).collect::<Vec<_>>())
            .field("body", &self.value)
            .finish()
    }
}

/// A response body compares with a plain body: `assert_eq!(response, expected_body)`.
impl<T: PartialEq> PartialEq<T> for Response<T> {
    fn eq(&self, other: &T) -> bool {
        self.value == *other
    }
}

/// Typed access to the response headers a spec documents. Generated crates implement it for
/// their `headers::<Operation>` structs; read one with [`Response::typed_headers`].
pub trait FromHeaders {
    /// Reads the documented headers; one that is absent or does not parse is `None`.
    fn from_headers(headers: &HeaderMap) -> Self;
}

/// The value of header `name` parsed as `T` (generated `FromHeaders` implementations call this).
pub fn header_value<T: FromStr>(headers: &HeaderMap, name: &str) -> Option<T> {
    headers.get(name)?.to_str().ok()?.trim().parse().ok()
}

/// `Retry-After` as a wait: delay-seconds, or an HTTP date (a date in the past is no wait).
pub(crate) fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let text = headers.get(reqwest::header::RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = text.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let date = httpdate::parse_http_date(text).ok()?;
    Some(date.duration_since(SystemTime::now()).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, value.parse().unwrap());
        }
        map
    }

    #[test]
    fn retry_after_reads_seconds_and_dates() {
        assert_eq!(retry_after(&headers(&[("retry-after", "7")])), Some(Duration::from_secs(7)));
        assert_eq!(retry_after(&headers(&[("retry-after", "Wed, 21 Oct 2015 07:28:00 GMT")])), Some(Duration::ZERO));
        let later = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(120));
        let wait = retry_after(&headers(&[("retry-after", &later)])).unwrap();
        assert!(wait > Duration::from_secs(100) && wait <= Duration::from_secs(120), "{wait:?}");
        assert_eq!(retry_after(&headers(&[("retry-after", "soon")])), None);
        assert_eq!(retry_after(&HeaderMap::new()), None);
    }

    #[test]
    fn debug_shows_header_names_but_not_values() {
        let response = Response::new(StatusCode::OK, headers(&[("etag", "\"s3cr3t-tag\"")]), 5);
        let printed = format!("{response:?}");
        assert!(printed.contains("etag") && !printed.contains("s3cr3t"), "{printed}");
        assert_eq!(*response, 5);
        assert_eq!(response.header("etag"), Some("\"s3cr3t-tag\""));
        assert_eq!(header_value::<String>(response.headers(), "etag").as_deref(), Some("\"s3cr3t-tag\""));
        assert_eq!(header_value::<i64>(response.headers(), "etag"), None);
    }
}
