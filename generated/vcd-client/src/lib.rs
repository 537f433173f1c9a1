// @generated from specs/vcd.yaml by `cargo xtask regenerate`. Do not edit by hand: change the spec or the generator and regenerate.

//! # VMware Cloud Director OpenAPI (cloudapi) - Get Token
//!
//! Hand-transcribed from the vendor documentation page seeds/002_0ec60b5bed5ce1c0.txt ("Get Token", vmware-cloud-director, cloudapi 1.0.0). The page offers API versions v35.0, v36.0, v36.1, v36.2, v36.3, v37.0, v37.1 and v37.2 ("Latest (v37.2)"); its response media type is `application/json;version=36.3`, so this spec describes API version 36.3 and uses that versioned media type for every response body. Questions the page leaves open are settled from the vendor's public swagger (vmware/cloud-provider-for-cloud-director, `pkg/vcdswaggerclient_36_0`), as listed in seeds/README.md "Facts from the vendors' public specs": base path `/cloudapi`, operationId `getToken`, the regex constraint on the session id, `Token` requiring `id` and `name`, `type` being PROXY or EXTENSION, `org`/`owner` being entity references `{id, name}`, 400/404 carrying `Error {minorErrorCode, message, stackTrace}`, JWT bearer authentication, and the `Accept: application/json;version=<api version>` request header.
//!
//! API version `36.3`.
//!
//! ## Servers
//!
//! - `https://{host}/cloudapi`: VMware Cloud Director; base path `/cloudapi` per the page URL and the vendor's public swagger.
//!
//! ## Operations
//!
//! - [`Client::get_token`]: `GET /1.0.0/sessions/{id}/token`: Get Token
#![forbid(unsafe_code)]
#![allow(clippy::result_large_err)]
extern crate self as this_client;
pub use client_runtime::{
    ConfigError, Credential, DocumentedError, Error, HeaderMap, Redirects, Response,
    RetryPolicy, Secret, StatusCode,
};
/// The schemas of the spec as Rust types.
#[allow(clippy::all, missing_docs)]
pub mod types {
    ///Entity reference used to describe VCD entities
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct EntityReference {
        ///ID of the referenced entity.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub id: ::std::option::Option<::std::string::String>,
        ///Name of the referenced entity.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub name: ::std::option::Option<::std::string::String>,
    }
    ///Error body of the 400 and 404 responses. The page names the type ("Error") but not its fields; they are taken from the vendor's public swagger (pkg/vcdswaggerclient_36_0).
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct ErrorBody {
        ///Message describing the error.
        pub message: ::std::string::String,
        ///Minor error code identifying the error.
        #[serde(rename = "minorErrorCode")]
        pub minor_error_code: ::std::string::String,
        ///Server stack trace of the error, when provided.
        #[serde(
            rename = "stackTrace",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub stack_trace: ::std::option::Option<::std::string::String>,
    }
    ///The token associated with a session.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct Token {
        ///Time stamp representing when the token will expire (in UTC).
        #[serde(
            rename = "expirationTimeUtc",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub expiration_time_utc: ::std::option::Option<
            ::chrono::DateTime<::chrono::offset::Utc>,
        >,
        ///ID of this token. Sorting on this field is not supported.
        pub id: ::std::string::String,
        ///Name of the token
        pub name: ::std::string::String,
        ///Entity reference used to describe VCD entities
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub org: ::std::option::Option<EntityReference>,
        ///Name of the organization that the assigned user belongs to. Sorting and filtering on this field is not supported.
        #[serde(
            rename = "orgName",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub org_name: ::std::option::Option<::std::string::String>,
        ///Owner of the token. Either a user or an extension
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub owner: ::std::option::Option<EntityReference>,
        ///User specific token that can be used to access proxies. Sorting on this field is not supported.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub token: ::std::option::Option<::client_runtime::Secret>,
        ///Type of the token. Can be of type PROXY or EXTENSION
        #[serde(rename = "type", skip_serializing_if = "::std::option::Option::is_none")]
        pub type_: ::std::option::Option<::this_client::types::TokenType>,
        ///ID of the user that this token is assigned to. Sorting on this field is not supported. Can not be updated.
        #[serde(
            rename = "userId",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub user_id: ::std::option::Option<::std::string::String>,
        ///Name of the user that this token is assigned to.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub username: ::std::option::Option<::std::string::String>,
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
    /// Type of the token. Can be of type PROXY or EXTENSION
    ///
    /// Received from the server, so open: a value the spec does not list is kept in `Unknown`.
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Debug,
        Eq,
        Hash,
        Ord,
        PartialEq,
        PartialOrd
    )]
    #[serde(from = "String", into = "String")]
    pub enum TokenType {
        /// `PROXY`
        Proxy,
        /// `EXTENSION`
        Extension,
        /// A value the spec does not list (a newer server's), as received.
        Unknown(String),
    }
    impl TokenType {
        /// The value as it is on the wire.
        pub fn as_str(&self) -> &str {
            match self {
                Self::Proxy => "PROXY",
                Self::Extension => "EXTENSION",
                Self::Unknown(value) => value,
            }
        }
    }
    impl ::std::fmt::Display for TokenType {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    impl ::std::convert::From<String> for TokenType {
        fn from(value: String) -> Self {
            match value.as_str() {
                "PROXY" => Self::Proxy,
                "EXTENSION" => Self::Extension,
                _ => Self::Unknown(value),
            }
        }
    }
    impl ::std::convert::From<TokenType> for String {
        fn from(value: TokenType) -> Self {
            value.as_str().to_owned()
        }
    }
    impl ::std::str::FromStr for TokenType {
        type Err = ::std::convert::Infallible;
        fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
            Ok(Self::from(value.to_owned()))
        }
    }
}
/// The spec's first server URL template, `https://{host}/cloudapi`.
///
/// VMware Cloud Director; base path `/cloudapi` per the page URL and the vendor's public swagger.
pub const SERVER_URL: &str = "https://{host}/cloudapi";
/// The server URL `https://{host}/cloudapi` with its variables filled in:
///
/// - `host` (default `api.example.com`): Host name of the VMware Cloud Director cell (the page writes `{api_host}`; api.example.com is a placeholder).
pub fn server_url(host: &str) -> String {
    SERVER_URL.to_owned().replace("{host}", host)
}
/// The spec's property names, sorted: the only object keys a parse error may show.
const PROPERTY_NAMES: &[&str] = &[
    "expirationTimeUtc",
    "id",
    "message",
    "minorErrorCode",
    "name",
    "org",
    "orgName",
    "owner",
    "stackTrace",
    "token",
    "type",
    "userId",
    "username",
];
/// A client for VMware Cloud Director OpenAPI (cloudapi) - Get Token.
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
    /// Authenticates with a bearer token (`Authorization: Bearer <token>`): the spec's `bearerAuth` scheme.
    ///
    /// A VMware Cloud Director JWT sent as `Authorization: Bearer <token>` (from the vendor's public swagger; the page lists no method). Every request also sends `Accept: application/json;version=<api version>`.
    ///
    /// Operations that list this scheme send it; operations without security send nothing.
    pub fn bearer_auth(self, token: impl Into<Secret>) -> Self {
        let credential = client_runtime::Credential::header("authorization", Some("Bearer"), &token.into());
        ClientBuilder { inner: self.inner.credential("bearerAuth", credential) }
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
    /// Get Token
    ///
    /// Gets token associated with this session.
    ///
    /// Sends `GET /1.0.0/sessions/{id}/token` when the returned [`requests::GetToken`] is awaited (or sent with its `send`).
    ///
    /// # Arguments
    ///
    /// - `id` (path `id`): ID of the session whose token is requested; must fully match the regex `((?!provider|current).)*` from the vendor's path template.
    ///
    /// # Errors
    ///
    /// [`Error::Documented`] with a [`GetTokenError`] for each error response the spec documents; the other [`Error`] variants for anything else.
    pub fn get_token<'a>(&'a self, id: &'a str) -> requests::GetToken<'a> {
        requests::GetToken { client: self, id, options: client_runtime::CallOptions::default() }
    }
}
/// One request builder per operation, returned by the operation's method on
/// [`Client`]: setters for the optional parameters and per-call options
/// (`header`, `timeout`, `credential`, `retry`); `.await` it or call `send()`.
pub mod requests {
    /// The request of [`Client::get_token`](crate::Client::get_token): `GET /1.0.0/sessions/{id}/token`.
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
                path: "/1.0.0/sessions/{id}/token",
                security: &[&["bearerAuth"]],
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
            client_runtime::Constraint::Pattern("^((?!provider|current).)*$").check("id", id)?;
            let request = client.core.request(
                client_runtime::Method::GET,
                &format!("/1.0.0/sessions/{}/token", client_runtime::PathSegment(id)),
            );
            let request = client_runtime::accept(request, "application/json;version=36.3");
            Ok((request, options))
        }
    }
    client_runtime::request_builder!(GetToken, crate::types::Token, crate::GetTokenError);
}
/// The error responses [`Client::get_token`] documents.
#[derive(Debug)]
pub enum GetTokenError {
    /// `400`: Invalid configuration.
    BadRequest(crate::types::ErrorBody),
    /// `404`: The specified resource was not found
    NotFound(crate::types::ErrorBody),
}
impl client_runtime::DocumentedError for GetTokenError {
    fn status(&self) -> StatusCode {
        match self {
            GetTokenError::BadRequest(_) => client_runtime::status_code(400),
            GetTokenError::NotFound(_) => client_runtime::status_code(404),
        }
    }
    fn decode(response: client_runtime::RawResponse) -> client_runtime::Error<Self> {
        match response.status().as_u16() {
            400 => client_runtime::Error::decoded(response.json::<crate::types::ErrorBody>(), Self::BadRequest),
            404 => client_runtime::Error::decoded(response.json::<crate::types::ErrorBody>(), Self::NotFound),
            _ => response.unexpected(),
        }
    }
}
impl std::fmt::Display for GetTokenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GetTokenError::BadRequest(_) => write!(
                f,
                "the server answered {}: Invalid configuration.",
                client_runtime::DocumentedError::status(self),
            ),
            GetTokenError::NotFound(_) => write!(
                f,
                "the server answered {}: The specified resource was not found",
                client_runtime::DocumentedError::status(self),
            ),
        }
    }
}
impl std::error::Error for GetTokenError {}
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
        /// Answers `GET /1.0.0/sessions/{id}/token` ([`Client::get_token`](crate::Client::get_token)) with `reply`:
        /// `Ok` as the documented success, `Err` as the documented error, each with its status.
        pub fn get_token(
            &self,
            reply: Result<crate::types::Token, crate::GetTokenError>,
        ) -> client_runtime::mock::Stub<'_> {
            self.inner.stub(
                "GET",
                "/1.0.0/sessions/{id}/token",
                client_runtime::mock::json_or_error(200, reply),
            )
        }
    }
    impl client_runtime::mock::IntoReply for crate::GetTokenError {
        fn into_reply(self) -> client_runtime::mock::Reply {
            match self {
                crate::GetTokenError::BadRequest(body) => client_runtime::mock::Reply::json(400, &body),
                crate::GetTokenError::NotFound(body) => client_runtime::mock::Reply::json(404, &body),
            }
        }
    }
}
