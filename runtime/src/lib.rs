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

mod client;
mod credential;
mod error;
mod response;
mod secret;
mod validate;

pub use client::{ClientBuilder, ClientCore, ConfigError};
pub use credential::Credential;
pub use error::{status_code, DocumentedError, Error};
pub use response::Response;
pub use secret::Secret;
pub use validate::{encode_path_segment, Constraint};

/// Re-exported so generated crates and their users name the same `reqwest`, `http` and `bytes`
/// versions the runtime was built with.
pub use bytes;
pub use reqwest;
pub use reqwest::{Method, StatusCode};
