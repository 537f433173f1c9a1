//! The runtime that every generated client calls into.
//!
//! Generated crates hold only what is specific to their API (types, operations, error enums,
//! the security schemes the spec declares); everything they have in common lives here, so it is
//! written and tested once: building the HTTP client, applying credentials, sending a request,
//! reading a bounded response body, and turning every outcome into a typed [`Error`].
//!
//! Two rules hold throughout: nothing here panics on what a server sends, and no secret (a
//! credential, a token, a URL that may carry one) reaches a `Debug`, `Display` or log line.

// An `Error` is returned at most once per HTTP round trip, so its size costs nothing that
// matters, while boxing its parts would make matching on it clumsier for every user.
#![allow(clippy::result_large_err)]

mod call;
mod client;
mod credential;
mod error;
mod exchange;
mod json_path;
#[cfg(feature = "mock")]
pub mod mock;
mod params;
mod parse;
mod redirect;
mod builder_macros;
mod response;
mod retry;
mod secret;
mod tls;
mod transport;
mod typed_response;
mod validate;

pub use call::{accept, Call, CallOptions, Operation, Outgoing};
pub use client::{ClientBuilder, ClientCore, ConfigError, DEFAULT_CONNECT_TIMEOUT, DEFAULT_TIMEOUT};
pub use credential::Credential;
pub use error::{status_code, CallError, DocumentedError, Error};
pub use params::{form_body, json_body, json_text, multipart_body, query_pairs, simple_text, Style};
pub use parse::{ParseError, ParseErrorKind};
pub use redirect::{RedirectRefusal, Redirects};
pub use response::RawResponse;
pub use retry::RetryPolicy;
pub use transport::{TransportError, TransportKind};
pub use secret::Secret;
pub use typed_response::{header_value, FromHeaders, Response};
pub use validate::{Constraint, PathSegment};

/// Re-exported so generated crates and their users name the same `reqwest`, `http` and `bytes`
/// versions the runtime was built with.
pub use bytes;
pub use reqwest;
pub use reqwest::header::HeaderMap;
pub use reqwest::{Method, StatusCode};

/// The moment an expiry timestamp from a response stands for, given its unit; `None` for a
/// value that is negative or out of range.
pub fn expiry_time(value: i64, unit_is_milliseconds: bool) -> Option<std::time::SystemTime> {
    let value = u64::try_from(value).ok()?;
    let since_epoch = if unit_is_milliseconds {
        std::time::Duration::from_millis(value)
    } else {
        std::time::Duration::from_secs(value)
    };
    std::time::UNIX_EPOCH.checked_add(since_epoch)
}
