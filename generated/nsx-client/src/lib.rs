// @generated from specs/nsx.yaml by `cargo xtask regenerate`. Do not edit by hand: change the spec or the generator and regenerate.

//! # VMware NSX Manager API - Get Registration Token
//!
//! Hand-transcribed from the vendor documentation page seeds/000_67015f33201f8d77.txt ("Get Registration Token", VMware NSX-T Manager API). Questions the page leaves open (base path, operationId, authentication, the optional `user` field of RegistrationToken, the optional `error_data` field of RelatedApiError, the int64 format of `error_code`) are settled from the vendor's public NSX-T Manager API spec (base path `/api/v1`, operationId `GetRegistrationToken`, HTTP Basic authentication), as listed in seeds/README.md "Facts from the vendors' public specs".
//!
//! API version `1.0.0`.
//!
//! ## Servers
//!
//! - `https://{host}/api/v1`: NSX Manager; base path `/api/v1` per the page URL and the public NSX-T Manager spec.
//!
//! ## Operations
//!
//! - [`Client::get_registration_token`]: `GET /aaa/registration-token/{token}`: Get Registration Token
#![forbid(unsafe_code)]
#![allow(clippy::result_large_err)]
pub use client_runtime::{
    ConfigError, Credential, DocumentedError, Error, HeaderMap, Redirects, Response,
    RetryPolicy, Secret, StatusCode,
};
/// The schemas of the spec as Rust types.
#[allow(clippy::all, missing_docs)]
pub mod types {
    ///Error body of every NSX error response (BadRequest, Forbidden, NotFound, PreconditionFailed, InternalServerError, ServiceUnavailable). "This response body class contains all of the following: RelatedApiError, InlineApiError1".
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct ApiError {
        ///Further details about the error
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub details: ::std::option::Option<::std::string::String>,
        ///A numeric error code
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub error_code: ::std::option::Option<i64>,
        ///Additional data about the error
        #[serde(default, skip_serializing_if = "::serde_json::Map::is_empty")]
        pub error_data: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        ///A description of the error
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub error_message: ::std::option::Option<::std::string::String>,
        ///The module name where the error occurred
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub module_name: ::std::option::Option<::std::string::String>,
        ///Other errors related to this error
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub related_errors: ::std::vec::Vec<RelatedApiError>,
    }
    ///The part of the NSX error body that lists related errors (the page's name for the second member of the ApiError allOf).
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct InlineApiError1 {
        ///Other errors related to this error
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub related_errors: ::std::vec::Vec<RelatedApiError>,
    }
    ///Registration access token returned by GET /aaa/registration-token/{token}.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct RegistrationToken {
        ///List results
        pub roles: ::std::vec::Vec<::std::string::String>,
        ///Access token
        pub token: ::client_runtime::Secret,
        ///User delegated by token
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub user: ::std::option::Option<::std::string::String>,
    }
    ///Detailed information about errors from an API call to an NSX-T cluster; also used as the item type of `related_errors`.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct RelatedApiError {
        ///Further details about the error
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub details: ::std::option::Option<::std::string::String>,
        ///A numeric error code
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub error_code: ::std::option::Option<i64>,
        ///Additional data about the error
        #[serde(default, skip_serializing_if = "::serde_json::Map::is_empty")]
        pub error_data: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        ///A description of the error
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub error_message: ::std::option::Option<::std::string::String>,
        ///The module name where the error occurred
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub module_name: ::std::option::Option<::std::string::String>,
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
/// The spec's first server URL template, `https://{host}/api/v1`.
///
/// NSX Manager; base path `/api/v1` per the page URL and the public NSX-T Manager spec.
pub const SERVER_URL: &str = "https://{host}/api/v1";
/// The server URL `https://{host}/api/v1` with its variables filled in:
///
/// - `host` (default `nsxmanager.your.domain`): Host name of the NSX Manager (the page's example host is nsxmanager.your.domain).
pub fn server_url(host: &str) -> String {
    SERVER_URL.to_owned().replace("{host}", host)
}
/// The spec's property names, sorted: the only object keys a parse error may show.
const PROPERTY_NAMES: &[&str] = &[
    "details",
    "error_code",
    "error_data",
    "error_message",
    "module_name",
    "related_errors",
    "roles",
    "token",
    "user",
];
/// A client for VMware NSX Manager API - Get Registration Token.
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
    /// Authenticates with HTTP Basic authentication (`Authorization: Basic ...`): the spec's `basicAuth` scheme.
    ///
    /// HTTP Basic authentication with NSX Manager user credentials (from the vendor's public NSX-T Manager spec; the page lists no method).
    ///
    /// Operations that list this scheme send it; operations without security send nothing.
    pub fn basic_auth(self, username: &str, password: impl Into<Secret>) -> Self {
        let credential = client_runtime::Credential::basic(username, &password.into());
        ClientBuilder { inner: self.inner.credential("basicAuth", credential) }
    }
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
    /// Get Registration Token
    ///
    /// Get registration access token
    ///
    /// Sends `GET /aaa/registration-token/{token}` when the returned [`requests::GetRegistrationToken`] is awaited (or sent with its `send`).
    ///
    /// # Arguments
    ///
    /// - `token` (path `token`): Registration token
    ///
    /// # Errors
    ///
    /// [`Error::Documented`] with a [`GetRegistrationTokenError`] for each error response the spec documents; the other [`Error`] variants for anything else.
    pub fn get_registration_token<'a>(
        &'a self,
        token: &'a str,
    ) -> requests::GetRegistrationToken<'a> {
        requests::GetRegistrationToken {
            client: self,
            token,
            options: client_runtime::CallOptions::default(),
        }
    }
}
/// One request builder per operation, returned by the operation's method on
/// [`Client`]: setters for the optional parameters and per-call options
/// (`header`, `timeout`, `credential`, `retry`); `.await` it or call `send()`.
pub mod requests {
    /// The request of [`Client::get_registration_token`](crate::Client::get_registration_token): `GET /aaa/registration-token/{token}`.
    ///
    /// Set optional parameters and per-call options, then `.await` it or call [`send`](Self::send).
    #[must_use = "a request is sent when it is awaited or `send` is called"]
    pub struct GetRegistrationToken<'a> {
        pub(crate) client: &'a crate::Client,
        pub(crate) token: &'a str,
        pub(crate) options: client_runtime::CallOptions,
    }
    impl<'a> GetRegistrationToken<'a> {
        /// Sends the request: the returned [`Call`](client_runtime::Call) resolves to the response.
        pub fn send(self) -> client_runtime::Call<
            'a,
            crate::types::RegistrationToken,
            crate::GetRegistrationTokenError,
        > {
            let client = self.client;
            let operation = &client_runtime::Operation {
                id: "GetRegistrationToken",
                path: "/aaa/registration-token/{token}",
                security: &[&["basicAuth"]],
            };
            client.core.call(operation, self.request(), |response| {
                match response.status().as_u16() {
                    200 => Ok(response.json::<crate::types::RegistrationToken>()?),
                    _ => Err(client_runtime::DocumentedError::decode(response)),
                }
            })
        }
        /// The request, built from the arguments; nothing is sent yet.
        fn request(self) -> client_runtime::Outgoing {
            let GetRegistrationToken { client, token, options } = self;
            let request = client.core.request(
                client_runtime::Method::GET,
                &format!("/aaa/registration-token/{}", client_runtime::PathSegment(token)),
            );
            let request = client_runtime::accept(request, "application/json");
            Ok((request, options))
        }
    }
    client_runtime::request_builder!(
        GetRegistrationToken,
        crate::types::RegistrationToken,
        crate::GetRegistrationTokenError,
    );
}
/// The error responses [`Client::get_registration_token`] documents.
#[derive(Debug)]
pub enum GetRegistrationTokenError {
    /// `400`: Bad request. Returns BadRequest of type(s) application/json; the body class contains all of RelatedApiError and InlineApiError1 (ApiError).
    BadRequest(crate::types::ApiError),
    /// `403`: Forbidden. Returns Forbidden of type(s) application/json; the body class contains all of RelatedApiError and InlineApiError1 (ApiError).
    Forbidden(crate::types::ApiError),
    /// `404`: Not found. Returns NotFound of type(s) application/json; the body class contains all of RelatedApiError and InlineApiError1 (ApiError).
    NotFound(crate::types::ApiError),
    /// `412`: Precondition failed. Returns PreconditionFailed of type(s) application/json; the body class contains all of RelatedApiError and InlineApiError1 (ApiError).
    PreconditionFailed(crate::types::ApiError),
    /// `500`: Internal server error. Returns InternalServerError of type(s) application/json; the body class contains all of RelatedApiError and InlineApiError1 (ApiError).
    InternalServerError(crate::types::ApiError),
    /// `503`: Service unavailable. Returns ServiceUnavailable of type(s) application/json; the body class contains all of RelatedApiError and InlineApiError1 (ApiError).
    ServiceUnavailable(crate::types::ApiError),
}
impl client_runtime::DocumentedError for GetRegistrationTokenError {
    fn status(&self) -> StatusCode {
        match self {
            GetRegistrationTokenError::BadRequest(_) => client_runtime::status_code(400),
            GetRegistrationTokenError::Forbidden(_) => client_runtime::status_code(403),
            GetRegistrationTokenError::NotFound(_) => client_runtime::status_code(404),
            GetRegistrationTokenError::PreconditionFailed(_) => client_runtime::status_code(412),
            GetRegistrationTokenError::InternalServerError(_) => client_runtime::status_code(500),
            GetRegistrationTokenError::ServiceUnavailable(_) => client_runtime::status_code(503),
        }
    }
    fn decode(response: client_runtime::RawResponse) -> client_runtime::Error<Self> {
        match response.status().as_u16() {
            400 => client_runtime::Error::decoded(response.json::<crate::types::ApiError>(), Self::BadRequest),
            403 => client_runtime::Error::decoded(response.json::<crate::types::ApiError>(), Self::Forbidden),
            404 => client_runtime::Error::decoded(response.json::<crate::types::ApiError>(), Self::NotFound),
            412 => client_runtime::Error::decoded(response.json::<crate::types::ApiError>(), Self::PreconditionFailed),
            500 => client_runtime::Error::decoded(response.json::<crate::types::ApiError>(), Self::InternalServerError),
            503 => client_runtime::Error::decoded(response.json::<crate::types::ApiError>(), Self::ServiceUnavailable),
            _ => response.unexpected(),
        }
    }
}
impl std::fmt::Display for GetRegistrationTokenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GetRegistrationTokenError::BadRequest(_) => write!(
                f,
                "the server answered {}: Bad request. Returns BadRequest of type(s) application/json; the body class contains all of RelatedApiError and InlineApiError1 (ApiError).",
                client_runtime::DocumentedError::status(self),
            ),
            GetRegistrationTokenError::Forbidden(_) => write!(
                f,
                "the server answered {}: Forbidden. Returns Forbidden of type(s) application/json; the body class contains all of RelatedApiError and InlineApiError1 (ApiError).",
                client_runtime::DocumentedError::status(self),
            ),
            GetRegistrationTokenError::NotFound(_) => write!(
                f,
                "the server answered {}: Not found. Returns NotFound of type(s) application/json; the body class contains all of RelatedApiError and InlineApiError1 (ApiError).",
                client_runtime::DocumentedError::status(self),
            ),
            GetRegistrationTokenError::PreconditionFailed(_) => write!(
                f,
                "the server answered {}: Precondition failed. Returns PreconditionFailed of type(s) application/json; the body class contains all of RelatedApiError and InlineApiError1 (ApiError).",
                client_runtime::DocumentedError::status(self),
            ),
            GetRegistrationTokenError::InternalServerError(_) => write!(
                f,
                "the server answered {}: Internal server error. Returns InternalServerError of type(s) application/json; the body class contains all of RelatedApiError and InlineApiError1 (ApiError).",
                client_runtime::DocumentedError::status(self),
            ),
            GetRegistrationTokenError::ServiceUnavailable(_) => write!(
                f,
                "the server answered {}: Service unavailable. Returns ServiceUnavailable of type(s) application/json; the body class contains all of RelatedApiError and InlineApiError1 (ApiError).",
                client_runtime::DocumentedError::status(self),
            ),
        }
    }
}
impl std::error::Error for GetRegistrationTokenError {}
#[cfg(feature = "mock")]
/// Typed mocks for the tests of code that uses this client (feature `mock`).
///
/// [`MockServer::start`](crate::mock::MockServer::start) starts a real HTTP server on 127.0.0.1; each operation's method stubs
/// it with a typed success (`Ok`) or documented error (`Err`), and
/// [`MockServer::client_builder`](crate::mock::MockServer::client_builder) configures a client that talks to it.
///
/// ```ignore
/// let server = mock::MockServer::start().await;
/// server.get_registration_token(Ok(body)).header("etag", "v1").await;
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
        /// Answers `GET /aaa/registration-token/{token}` ([`Client::get_registration_token`](crate::Client::get_registration_token)) with `reply`:
        /// `Ok` as the documented success, `Err` as the documented error, each with its status.
        pub fn get_registration_token(
            &self,
            reply: Result<crate::types::RegistrationToken, crate::GetRegistrationTokenError>,
        ) -> client_runtime::mock::Stub<'_> {
            self.inner.stub(
                "GET",
                "/aaa/registration-token/{token}",
                client_runtime::mock::json_or_error(200, reply),
            )
        }
    }
    impl client_runtime::mock::IntoReply for crate::GetRegistrationTokenError {
        fn into_reply(self) -> client_runtime::mock::Reply {
            match self {
                crate::GetRegistrationTokenError::BadRequest(body) => client_runtime::mock::Reply::json(400, &body),
                crate::GetRegistrationTokenError::Forbidden(body) => client_runtime::mock::Reply::json(403, &body),
                crate::GetRegistrationTokenError::NotFound(body) => client_runtime::mock::Reply::json(404, &body),
                crate::GetRegistrationTokenError::PreconditionFailed(body) => client_runtime::mock::Reply::json(412, &body),
                crate::GetRegistrationTokenError::InternalServerError(body) => client_runtime::mock::Reply::json(500, &body),
                crate::GetRegistrationTokenError::ServiceUnavailable(body) => client_runtime::mock::Reply::json(503, &body),
            }
        }
    }
}
