// @generated from tests/fixtures/regex-path-template.yaml by `cargo xtask regenerate`. Do not edit by hand: change the spec or the generator and regenerate.

//! # Regex path templates
//!
//! Two operations whose path templates carry a regular expression.
//!
//! API version `1.0.0`.
//!
//! ## Servers
//!
//! - `https://api.example.com`
//!
//! ## Operations
//!
//! - [`Client::get_token`]: `GET /sessions/{id:((?!provider|current).)*}/token`: Get the token of a session
//! - [`Client::get_owner`]: `GET /owners/{name:[a-z]+}`: Get an owner
#![forbid(unsafe_code)]
#![allow(clippy::result_large_err)]
pub use client_runtime::{
    ConfigError, Credential, DocumentedError, Error, HeaderMap, Redirects, Response,
    RetryPolicy, Secret, StatusCode,
};
/// The schemas of the spec as Rust types.
#[allow(clippy::all, missing_docs)]
pub mod types {
    ///A token.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct Token {
        ///The token itself.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub value: ::std::option::Option<::std::string::String>,
    }
    /// Error types.
    pub mod error {
        /// Error from a `TryFrom` or `FromStr` implementation.
        pub struct ConversionError(::std::borrow::Cow<'static, str>);
        impl ::std::error::Error for ConversionError {}
        impl ::std::fmt::Display for ConversionError {
            fn fmt(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> Result<(), ::std::fmt::Error> {
                ::std::fmt::Display::fmt(&self.0, f)
            }
        }
        impl ::std::fmt::Debug for ConversionError {
            fn fmt(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> Result<(), ::std::fmt::Error> {
                ::std::fmt::Debug::fmt(&self.0, f)
            }
        }
        impl From<&'static str> for ConversionError {
            fn from(value: &'static str) -> Self {
                Self(value.into())
            }
        }
        impl From<String> for ConversionError {
            fn from(value: String) -> Self {
                Self(value.into())
            }
        }
    }
}
/// The spec's first server URL template, `https://api.example.com`.
pub const SERVER_URL: &str = "https://api.example.com";
/// The spec's property names, sorted: the only object keys a parse error may show.
const PROPERTY_NAMES: &[&str] = &["value"];
/// A client for Regex path templates.
///
/// Build one with [`Client::builder`], which sets the base URL, timeouts and credentials.
///
/// Cloning is cheap and shares the connection pool: clone it into each task that calls the API.
#[derive(Clone, Debug)]
pub struct Client {
    core: client_runtime::ClientCore,
}
/// Configures a [`Client`]: base URL, timeouts, user agent and credentials.
#[derive(Debug)]
pub struct ClientBuilder {
    inner: client_runtime::ClientBuilder,
}
impl ClientBuilder {
    client_runtime::client_builder_methods!();
    /// Checks the configuration and builds the client.
    pub fn build(self) -> Result<Client, ConfigError> {
        Ok(Client { core: self.inner.build()? })
    }
}
impl Client {
    /// Starts configuring a client for the API at `base_url` (the server URL, including
    /// the API's base path).
    pub fn builder(base_url: &str) -> ClientBuilder {
        ClientBuilder {
            inner: client_runtime::ClientBuilder::new(
                base_url,
                concat!(env!("CARGO_PKG_NAME"), "/", env!("CARGO_PKG_VERSION")),
            )
            .field_names(PROPERTY_NAMES),
        }
    }
    /// A client for `base_url` with default settings and no credentials.
    pub fn new(base_url: &str) -> Result<Client, ConfigError> {
        Client::builder(base_url).build()
    }
    /// The base URL requests are sent to.
    pub fn base_url(&self) -> &str {
        self.core.base_url()
    }
    /// When the earliest of this client's credentials expires, if known (credentials
    /// taken from a login response that states their expiry).
    pub fn credentials_expire_at(&self) -> Option<std::time::SystemTime> {
        self.core.credentials_expire_at()
    }
}
impl Client {
    /// Get the token of a session
    ///
    /// The id may not contain `provider` or `current`.
    ///
    /// Sends `GET /sessions/{id:((?!provider|current).)*}/token` when the returned [`requests::GetToken`] is awaited (or sent with its `send`).
    ///
    /// # Arguments
    ///
    /// - `id` (path `id`): The session's id.
    ///
    /// # Errors
    ///
    /// [`Error::Documented`] with a [`GetTokenError`] for each error response the spec documents; the other [`Error`] variants for anything else.
    pub fn get_token<'a>(&'a self, id: &'a str) -> requests::GetToken<'a> {
        requests::GetToken { client: self, id, options: client_runtime::CallOptions::default() }
    }
    /// Get an owner
    ///
    /// The template's regex is also the parameter's anchored pattern.
    ///
    /// Sends `GET /owners/{name:[a-z]+}` when the returned [`requests::GetOwner`] is awaited (or sent with its `send`).
    ///
    /// # Arguments
    ///
    /// - `name` (path `name`): The owner's name, lower-case letters only.
    ///
    /// # Errors
    ///
    /// [`Error::Documented`] with a [`GetOwnerError`] for each error response the spec documents; the other [`Error`] variants for anything else.
    pub fn get_owner<'a>(&'a self, name: &'a str) -> requests::GetOwner<'a> {
        requests::GetOwner { client: self, name, options: client_runtime::CallOptions::default() }
    }
}
/// One request builder per operation, returned by the operation's method on
/// [`Client`]: setters for the optional parameters and per-call options
/// (`header`, `timeout`, `credential`, `retry`); `.await` it or call `send()`.
pub mod requests {
    /// The request of [`Client::get_token`](crate::Client::get_token): `GET /sessions/{id:((?!provider|current).)*}/token`.
    ///
    /// Set optional parameters and per-call options, then `.await` it or call [`send`](Self::send).
    #[must_use = "a request is sent when it is awaited or `send` is called"]
    pub struct GetToken<'a> {
        pub(crate) client: &'a crate::Client,
        pub(crate) id: &'a str,
        pub(crate) options: client_runtime::CallOptions,
    }
    impl<'a> GetToken<'a> {
        /// Sends the request: the returned [`Call`](client_runtime::Call) resolves to the response.
        pub fn send(self) -> client_runtime::Call<'a, crate::types::Token, crate::GetTokenError> {
            let client = self.client;
            let operation = &client_runtime::Operation {
                id: "getToken",
                path: "/sessions/{id:((?!provider|current).)*}/token",
                security: &[],
            };
            client.core.call(operation, self.request(), |response| {
                match response.status().as_u16() {
                    200 => Ok(response.json::<crate::types::Token>()?),
                    _ => Err(client_runtime::DocumentedError::decode(response)),
                }
            })
        }
        /// The request, built from the arguments; nothing is sent yet.
        fn request(self) -> client_runtime::Outgoing {
            let GetToken { client, id, options } = self;
            client_runtime::Constraint::FullMatch("((?!provider|current).)*").check("id", id)?;
            let request = client.core.request(
                client_runtime::Method::GET,
                &format!("/sessions/{}/token", client_runtime::PathSegment(id)),
            );
            let request = client_runtime::accept(request, "application/json");
            Ok((request, options))
        }
    }
    client_runtime::request_builder!(GetToken, crate::types::Token, crate::GetTokenError);
    /// The request of [`Client::get_owner`](crate::Client::get_owner): `GET /owners/{name:[a-z]+}`.
    ///
    /// Set optional parameters and per-call options, then `.await` it or call [`send`](Self::send).
    #[must_use = "a request is sent when it is awaited or `send` is called"]
    pub struct GetOwner<'a> {
        pub(crate) client: &'a crate::Client,
        pub(crate) name: &'a str,
        pub(crate) options: client_runtime::CallOptions,
    }
    impl<'a> GetOwner<'a> {
        /// Sends the request: the returned [`Call`](client_runtime::Call) resolves to the response.
        pub fn send(self) -> client_runtime::Call<'a, crate::types::Token, crate::GetOwnerError> {
            let client = self.client;
            let operation = &client_runtime::Operation {
                id: "getOwner",
                path: "/owners/{name:[a-z]+}",
                security: &[],
            };
            client.core.call(operation, self.request(), |response| {
                match response.status().as_u16() {
                    200 => Ok(response.json::<crate::types::Token>()?),
                    _ => Err(client_runtime::DocumentedError::decode(response)),
                }
            })
        }
        /// The request, built from the arguments; nothing is sent yet.
        fn request(self) -> client_runtime::Outgoing {
            let GetOwner { client, name, options } = self;
            client_runtime::Constraint::FullMatch("[a-z]+").check("name", name)?;
            let request = client.core.request(
                client_runtime::Method::GET,
                &format!("/owners/{}", client_runtime::PathSegment(name)),
            );
            let request = client_runtime::accept(request, "application/json");
            Ok((request, options))
        }
    }
    client_runtime::request_builder!(GetOwner, crate::types::Token, crate::GetOwnerError);
}
/// The error responses [`Client::get_token`] documents.
///
/// 1 other operations document the same ones; their `...Error` names are aliases of this enum.
#[derive(Debug)]
pub enum GetTokenError {}
impl client_runtime::DocumentedError for GetTokenError {
    fn status(&self) -> StatusCode {
        match *self {}
    }
    fn decode(response: client_runtime::RawResponse) -> client_runtime::Error<Self> {
        response.unexpected()
    }
}
impl std::fmt::Display for GetTokenError {
    fn fmt(&self, _: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {}
    }
}
impl std::error::Error for GetTokenError {}
/// The error responses [`Client::get_owner`] documents: the same as [`Client::get_token`]'s, so the same enum.
pub type GetOwnerError = GetTokenError;
#[cfg(feature = "mock")]
/// Typed mocks for the tests of code that uses this client (feature `mock`).
///
/// [`MockServer::start`](crate::mock::MockServer::start) starts a real HTTP server on 127.0.0.1; each operation's method stubs
/// it with a typed success (`Ok`) or documented error (`Err`), and
/// [`MockServer::client_builder`](crate::mock::MockServer::client_builder) configures a client that talks to it.
///
/// ```ignore
/// let server = mock::MockServer::start().await;
/// server.get_token(Ok(body)).header("etag", "v1").await;
/// let client = server.client_builder().build()?;
/// ```
pub mod mock {
    /// A mock of this API on 127.0.0.1; it dereferences to
    /// [`client_runtime::mock::MockServer`] (`uri`, `received_requests`, ...).
    #[derive(Debug)]
    pub struct MockServer {
        inner: client_runtime::mock::MockServer,
    }
    impl std::ops::Deref for MockServer {
        type Target = client_runtime::mock::MockServer;
        fn deref(&self) -> &Self::Target {
            &self.inner
        }
    }
    impl MockServer {
        /// Starts the server on a free port.
        pub async fn start() -> Self {
            MockServer { inner: client_runtime::mock::MockServer::start().await }
        }
        /// A client builder aimed at this server (plain http allowed); add credentials
        /// and settings as in production.
        pub fn client_builder(&self) -> crate::ClientBuilder {
            crate::Client::builder(&self.inner.uri()).allow_http()
        }
        /// Answers `GET /sessions/{id}/token` ([`Client::get_token`](crate::Client::get_token)) with `reply`:
        /// `Ok` as the documented success, `Err` as the documented error, each with its status.
        pub fn get_token(
            &self,
            reply: Result<crate::types::Token, crate::GetTokenError>,
        ) -> client_runtime::mock::Stub<'_> {
            self.inner.stub(
                "GET",
                "/sessions/{id}/token",
                client_runtime::mock::json_or_error(200, reply),
            )
        }
        /// Answers `GET /owners/{name}` ([`Client::get_owner`](crate::Client::get_owner)) with `reply`:
        /// `Ok` as the documented success, `Err` as the documented error, each with its status.
        pub fn get_owner(
            &self,
            reply: Result<crate::types::Token, crate::GetOwnerError>,
        ) -> client_runtime::mock::Stub<'_> {
            self.inner.stub(
                "GET",
                "/owners/{name}",
                client_runtime::mock::json_or_error(200, reply),
            )
        }
    }
    impl client_runtime::mock::IntoReply for crate::GetTokenError {
        fn into_reply(self) -> client_runtime::mock::Reply {
            match self {}
        }
    }
}
