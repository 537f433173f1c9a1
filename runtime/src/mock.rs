//! Typed mocks for the tests of code that uses a generated client (feature `mock`).
//!
//! Each generated crate's `mock` feature adds a `mock::MockServer` with one method per
//! operation; they all come down to [`MockServer::stub`] here: answer requests with this
//! method and path template with this status, headers and body. The server is wiremock's, a
//! real HTTP server on 127.0.0.1 with a port chosen by the OS, so the client under test runs
//! exactly as in production (with `allow_http()`).

use std::future::{Future, IntoFuture};
use std::pin::Pin;

use serde::Serialize;
use wiremock::matchers::{method, path_regex};
use wiremock::{Mock, ResponseTemplate};

pub use wiremock;

/// A mock HTTP server on 127.0.0.1. Generated `mock::MockServer`s dereference to it.
#[derive(Debug)]
pub struct MockServer {
    server: wiremock::MockServer,
}

impl MockServer {
    /// Starts a server on a free port.
    pub async fn start() -> Self {
        MockServer { server: wiremock::MockServer::start().await }
    }

    /// The server's base URL (`http://127.0.0.1:<port>`); build the client under test on it.
    pub fn uri(&self) -> String {
        self.server.uri()
    }

    /// The underlying wiremock server, for matchers the typed methods do not offer.
    pub fn wiremock(&self) -> &wiremock::MockServer {
        &self.server
    }

    /// Every request received so far, oldest first.
    pub async fn received_requests(&self) -> Vec<wiremock::Request> {
        self.server.received_requests().await.unwrap_or_default()
    }

    /// Answers requests with `http_method` to a path matching `path_template` (`{name}` stands
    /// for one path segment) with `reply`. Takes effect when awaited.
    pub fn stub(&self, http_method: &'static str, path_template: &str, reply: Reply) -> Stub<'_> {
        Stub { server: &self.server, http_method, path: template_regex(path_template), reply, expected: None, limit: None, delay: None }
    }
}

/// `^/a/[^/]+/b$` for `/a/{x}/b`: each parameter one segment, the rest literal.
fn template_regex(template: &str) -> String {
    let mut regex = String::from("^");
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        regex.push_str(&regex::escape(&rest[..open]));
        regex.push_str("[^/]+");
        rest = rest[open..].find('}').map_or("", |close| &rest[open + close + 1..]);
    }
    regex.push_str(&regex::escape(rest));
    regex.push('$');
    regex
}

/// What a stubbed operation answers: a status, headers and a body.
#[derive(Clone, Debug)]
pub struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Option<(Vec<u8>, &'static str)>,
}

impl Reply {
    /// A JSON body. A value that cannot be serialised (a map with non-string keys) gives an
    /// empty body, which the client reports as an invalid body.
    pub fn json<T: Serialize + ?Sized>(status: u16, body: &T) -> Self {
        let body = serde_json::to_vec(body).unwrap_or_default();
        Reply { status, headers: Vec::new(), body: Some((body, "application/json")) }
    }

    /// A `text/plain` body.
    pub fn text(status: u16, body: impl Into<String>) -> Self {
        Reply { status, headers: Vec::new(), body: Some((body.into().into_bytes(), "text/plain")) }
    }

    /// An `application/octet-stream` body.
    pub fn bytes(status: u16, body: impl Into<Vec<u8>>) -> Self {
        Reply { status, headers: Vec::new(), body: Some((body.into(), "application/octet-stream")) }
    }

    /// No body.
    pub fn empty(status: u16) -> Self {
        Reply { status, headers: Vec::new(), body: None }
    }

    /// The status (a documented error's, for generated implementations of [`IntoReply`]).
    pub fn status(&self) -> u16 {
        self.status
    }
}

/// The reply a typed mock of an operation with a JSON success stubs: `Ok` as that body with
/// `status`, `Err` as the documented error.
pub fn json_or_error<T: Serialize, E: IntoReply>(status: u16, reply: Result<T, E>) -> Reply {
    match reply {
        Ok(body) => Reply::json(status, &body),
        Err(error) => error.into_reply(),
    }
}

/// A documented response (a generated error or success enum) as the reply that produces it.
pub trait IntoReply {
    /// The status and body that the client reads back as `self`.
    fn into_reply(self) -> Reply;
}

/// A stub being set up; it is mounted on the server when awaited.
#[must_use = "a stub does nothing until it is awaited"]
pub struct Stub<'a> {
    server: &'a wiremock::MockServer,
    http_method: &'static str,
    path: String,
    reply: Reply,
    expected: Option<u64>,
    limit: Option<u64>,
    delay: Option<std::time::Duration>,
}

impl Stub<'_> {
    /// Answers only after `delay` (to test timeouts).
    pub fn delay(mut self, delay: std::time::Duration) -> Self {
        self.delay = Some(delay);
        self
    }

    /// Answers at most `times` requests; later ones go to stubs mounted after this one (a 503
    /// first, then a success).
    pub fn up_to(mut self, times: u64) -> Self {
        self.limit = Some(times);
        self
    }

    /// Adds a response header (`Location`, `ETag`, `Retry-After`, ...).
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.reply.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    /// Expects exactly `times` matching requests; wiremock checks when the server is dropped
    /// and fails the test otherwise.
    pub fn expect(mut self, times: u64) -> Self {
        self.expected = Some(times);
        self
    }

    async fn mount(self) {
        let mut response = ResponseTemplate::new(self.reply.status);
        for (name, value) in &self.reply.headers {
            response = response.append_header(name.as_str(), value.as_str());
        }
        if let Some((body, media_type)) = self.reply.body {
            response = response.set_body_raw(body, media_type);
        }
        if let Some(delay) = self.delay {
            response = response.set_delay(delay);
        }
        let mut mock = Mock::given(method(self.http_method)).and(path_regex(self.path)).respond_with(response);
        if let Some(times) = self.expected {
            mock = mock.expect(times);
        }
        if let Some(times) = self.limit {
            mock = mock.up_to_n_times(times);
        }
        self.server.register(mock).await;
    }
}

impl<'a> IntoFuture for Stub<'a> {
    type Output = ();
    type IntoFuture = Pin<Box<dyn Future<Output = ()> + Send + 'a>>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.mount())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_match_one_segment_per_parameter() {
        let regex = regex::Regex::new(&template_regex("/users/{id}/keys.json")).unwrap();
        assert!(regex.is_match("/users/42/keys.json"));
        assert!(!regex.is_match("/users/4/2/keys.json"));
        assert!(!regex.is_match("/users/42/keysxjson"));
        assert_eq!(template_regex("/a"), "^/a$");
    }
}
