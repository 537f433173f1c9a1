//! `TransportError`: a failure below HTTP (connection, TLS, protocol), told without any URL.
//!
//! `reqwest::Error` prints the request URL, and `without_url()` clears only the outermost one: a
//! `reqwest::Error` deeper in the chain still prints its own. So the failure is copied into
//! plain facts when it happens (its kind, and the messages of the lower layers: hyper, rustls,
//! the operating system), and the `reqwest::Error` itself is not kept.

use std::fmt;

/// What went wrong below HTTP.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransportKind {
    /// No connection could be made (refused, unreachable, name not found, TLS handshake).
    Connect,
    /// The request could not be sent, or the response head not received.
    Request,
    /// The response body could not be received.
    Body,
    /// The request could not be built (an invalid header value, say).
    Build,
    /// Anything else the HTTP stack reports.
    Other,
}

/// A transport failure: its kind and the messages of the layers that reported it.
#[derive(Clone, PartialEq, Eq)]
pub struct TransportError {
    kind: TransportKind,
    causes: Vec<String>,
}

impl TransportError {
    pub(crate) fn new(error: &reqwest::Error) -> Self {
        let kind = if error.is_connect() {
            TransportKind::Connect
        } else if error.is_body() || error.is_decode() {
            TransportKind::Body
        } else if error.is_builder() {
            TransportKind::Build
        } else if error.is_request() {
            TransportKind::Request
        } else {
            TransportKind::Other
        };
        let mut causes = Vec::new();
        let mut source = std::error::Error::source(error);
        while let Some(cause) = source {
            // Another `reqwest::Error` may carry a URL; its kind is already told above.
            if !cause.is::<reqwest::Error>() {
                let message = cause.to_string();
                // Lower layers do not name URLs; should one ever do, it is not repeated.
                causes.push(if message.contains("://") { "(a message naming a URL, not shown)".into() } else { message });
            }
            source = cause.source();
        }
        causes.dedup();
        TransportError { kind, causes }
    }

    /// The kind of failure.
    pub fn kind(&self) -> TransportKind {
        self.kind
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self.kind {
            TransportKind::Connect => "could not connect",
            TransportKind::Request => "could not send the request or receive the response",
            TransportKind::Body => "could not receive the response body",
            TransportKind::Build => "could not build the request",
            TransportKind::Other => "the HTTP stack failed",
        })?;
        for cause in &self.causes {
            write!(f, ": {cause}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TransportError").field("kind", &self.kind).field("causes", &self.causes).finish()
    }
}

impl std::error::Error for TransportError {}
