//! Shared by the behaviour and secret tests: a recording HTTP server on 127.0.0.1.

#![allow(dead_code)]

pub mod capture;

use std::time::Duration;

use wiremock::matchers::any;
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

/// A server on 127.0.0.1 (port chosen by the OS) that answers every request with `response`.
pub async fn server_answering(response: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any()).respond_with(response).mount(&server).await;
    server
}

/// A JSON response.
pub fn json(status: u16, body: serde_json::Value) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_raw(body.to_string(), "application/json")
}

/// A response with a raw body and content type.
pub fn raw(status: u16, body: &str, content_type: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_raw(body.to_owned(), content_type)
}

/// The one request the server received.
pub async fn only_request(server: &MockServer) -> Request {
    let mut requests = server.received_requests().await.unwrap_or_default();
    assert_eq!(requests.len(), 1, "expected exactly one request, got {}", requests.len());
    requests.remove(0)
}

/// A header's value as text, if present.
pub fn header(request: &Request, name: &str) -> Option<String> {
    request.headers.get(name).map(|value| value.to_str().unwrap_or("<binary>").to_owned())
}

/// Asserts the request carries no header the spec did not ask for: only the transport's own
/// and the ones named.
pub fn assert_only_headers(request: &Request, expected: &[&str]) {
    let transport = ["host", "user-agent", "content-length"];
    for name in request.headers.keys() {
        let name = name.as_str();
        assert!(
            transport.contains(&name) || expected.contains(&name),
            "unexpected header `{name}` (expected only {expected:?} besides {transport:?})"
        );
    }
}

/// The client timeout the bad-server cases use; the slow server waits longer.
pub const TIMEOUT: Duration = Duration::from_millis(300);

/// `Basic base64(user:password)`.
pub fn basic(user: &str, password: &str) -> String {
    use base64::Engine;
    format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}")))
}
