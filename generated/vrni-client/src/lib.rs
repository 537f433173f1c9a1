// @generated from specs/vrni.yaml by `cargo xtask regenerate`. Do not edit by hand: change the spec or the generator and regenerate.

//! # vRealize Network Insight API - Create Vidm User Token
//!
//! Hand-transcribed from the vendor documentation page seeds/004_6f362e70c108d387.txt ("Create Vidm User Token", vRealize Network Insight). Questions the page leaves open are settled from the vendor's public vRNI spec (3.0.1), as listed in seeds/README.md "Facts from the vendors' public specs": server `https://{host}/api/ni`, operationId `createVidmUserToken`, 401 and 500 with no content, and an `Authorization` API-key scheme whose value is `NetworkInsight <token>`. The unit of `expiry` (documented as seconds, exemplified in milliseconds) is decided as milliseconds; see the x-decision on Token.expiry.
//!
//! API version `3.0.1`.
//!
//! ## Servers
//!
//! - `https://{host}/api/ni`: vRealize Network Insight platform; base path `/api/ni` per the page URL and the vendor's public spec.
//!
//! ## Operations
//!
//! - [`Client::create_vidm_user_token`]: `POST /auth/token/vidm`: Create Vidm User Token
#![forbid(unsafe_code)]
#![allow(clippy::result_large_err)]
pub use client_runtime::{
    ConfigError, Credential, DocumentedError, Error, HeaderMap, Redirects, Response,
    RetryPolicy, Secret, StatusCode,
};
/// The schemas of the spec as Rust types.
#[allow(clippy::all, missing_docs)]
pub mod types {
    ///Error body of the 400, 404 and 412 responses.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct ApiError {
        ///code
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub code: ::std::option::Option<i32>,
        ///details
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub details: ::std::vec::Vec<ApiErrorDetail>,
        ///message
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub message: ::std::option::Option<::std::string::String>,
    }
    ///One detail entry of an ApiError (item type of `details`, shown on the page only in the example).
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct ApiErrorDetail {
        ///Error code of this detail.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub code: ::std::option::Option<i32>,
        ///Message of this detail.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub message: ::std::option::Option<::std::string::String>,
        ///Names of the fields or entities this detail refers to.
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub target: ::std::vec::Vec<::std::string::String>,
    }
    ///The NetworkInsight API token and its expiry time.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct Token {
        ///expiry epoch time in secs. (Page wording; the value is in fact in milliseconds since the Unix epoch, see x-decision: e.g. 1605201960327 = 2020-11-12T17:26:00.327Z.)
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub expiry: ::std::option::Option<i64>,
        ///token
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub token: ::std::option::Option<::client_runtime::Secret>,
    }
    ///User access token provided by VMware Identity Manager.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct VidmToken {
        ///User access token provided by VMware Identity Manager.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub vidm_token: ::std::option::Option<::client_runtime::Secret>,
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
/// The spec's first server URL template, `https://{host}/api/ni`.
///
/// vRealize Network Insight platform; base path `/api/ni` per the page URL and the vendor's public spec.
pub const SERVER_URL: &str = "https://{host}/api/ni";
/// The server URL `https://{host}/api/ni` with its variables filled in:
///
/// - `host` (default `vrni.example.com`): Host name of the vRealize Network Insight platform (the page's example host is vrni.example.com).
pub fn server_url(host: &str) -> String {
    SERVER_URL.to_owned().replace("{host}", host)
}
/// The spec's property names, sorted: the only object keys a parse error may show.
const PROPERTY_NAMES: &[&str] = &[
    "code",
    "details",
    "expiry",
    "message",
    "target",
    "token",
    "vidm_token",
];
/// A client for vRealize Network Insight API - Create Vidm User Token.
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
    /// Authenticates with a token in the `Authorization` header (`Authorization: NetworkInsight <token>`): the spec's `networkInsightAuth` scheme.
    ///
    /// The token returned by POST /auth/token/vidm, sent in the Authorization header as `NetworkInsight <token>` (page: "Authorization : NetworkInsight {token}"; vendor's public vRNI spec 3.0.1: an `Authorization` API-key scheme with that value). An invalid or expired token yields 401 Unauthorized.
    ///
    /// Operations that list this scheme send it; operations without security send nothing.
    pub fn network_insight_auth(self, token: impl Into<Secret>) -> Self {
        let credential = client_runtime::Credential::header("Authorization", Some("NetworkInsight"), &token.into());
        ClientBuilder { inner: self.inner.credential("networkInsightAuth", credential) }
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
impl types::Token {
    /// When the credential in this response stops working (`expiry`, milliseconds since the Unix epoch).
    pub fn expires_at(&self) -> Option<std::time::SystemTime> {
        self.expiry.and_then(|value| client_runtime::expiry_time(value, true))
    }
}
impl Client {
    /// A copy of this client that authenticates with the `networkInsightAuth` credential from a [`Client::create_vidm_user_token`] response,
    /// and knows when it expires ([`Client::credentials_expire_at`]).
    pub fn with_network_insight_auth(&self, response: &types::Token) -> Result<Client, ConfigError> {
        let token = response.token.as_ref().ok_or_else(|| ConfigError::new("the response carries no `token`"))?;
        let credential = client_runtime::Credential::header("Authorization", Some("NetworkInsight"), token)?;
        Ok(Client { core: self.core.with_credential("networkInsightAuth", credential, response.expires_at()) })
    }
}
impl Client {
    /// Create Vidm User Token
    ///
    /// vRealize Network Insight supports token based authentication. Tokens are non-modifiable identifiers returned by the system when the user has been successfully authenticated using valid access token provided by configured VMware Identity Manager appliance. Token expires after expiry time (returned in the response). All API requests must provide the auth token in Authorization header in following format:
    ///
    /// Authorization : NetworkInsight {token}
    ///
    /// If a token is invalid or expired, 401-Unauthorized error gets returned in the response of the API request.
    ///
    /// Sends `POST /auth/token/vidm` when the returned [`requests::CreateVidmUserToken`] is awaited (or sent with its `send`).
    ///
    /// # Arguments
    ///
    /// - `body` (`application/json`): User access token provided by VMware Identity Manager.
    ///
    /// # Errors
    ///
    /// [`Error::Documented`] with a [`CreateVidmUserTokenError`] for each error response the spec documents; the other [`Error`] variants for anything else.
    pub fn create_vidm_user_token<'a>(
        &'a self,
        body: &'a crate::types::VidmToken,
    ) -> requests::CreateVidmUserToken<'a> {
        requests::CreateVidmUserToken {
            client: self,
            body,
            options: client_runtime::CallOptions::default(),
        }
    }
}
/// One request builder per operation, returned by the operation's method on
/// [`Client`]: setters for the optional parameters and per-call options
/// (`header`, `timeout`, `credential`, `retry`); `.await` it or call `send()`.
pub mod requests {
    /// The request of [`Client::create_vidm_user_token`](crate::Client::create_vidm_user_token): `POST /auth/token/vidm`.
    ///
    /// Set optional parameters and per-call options, then `.await` it or call [`send`](Self::send).
    #[must_use = "a request is sent when it is awaited or `send` is called"]
    pub struct CreateVidmUserToken<'a> {
        pub(crate) client: &'a crate::Client,
        pub(crate) body: &'a crate::types::VidmToken,
        pub(crate) options: client_runtime::CallOptions,
    }
    impl<'a> CreateVidmUserToken<'a> {
        /// Sends the request: the returned [`Call`](client_runtime::Call) resolves to the response.
        pub fn send(self) -> client_runtime::Call<
            'a,
            crate::types::Token,
            crate::CreateVidmUserTokenError,
        > {
            let client = self.client;
            let operation = &client_runtime::Operation {
                id: "createVidmUserToken",
                path: "/auth/token/vidm",
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
            let CreateVidmUserToken { client, body, options } = self;
            let request = client.core.request(client_runtime::Method::POST, "/auth/token/vidm");
            let request = client_runtime::accept(request, "application/json");
            let request = request.header("content-type", "application/json").body(client_runtime::json_body(body)?);
            Ok((request, options))
        }
    }
    client_runtime::request_builder!(
        CreateVidmUserToken,
        crate::types::Token,
        crate::CreateVidmUserTokenError,
    );
}
/// The error responses [`Client::create_vidm_user_token`] documents.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum CreateVidmUserTokenError {
    /// `400`: Bad Request
    BadRequest(crate::types::ApiError),
    /// `401`: Unauthorized. Operation doesn't return any data structure.
    Unauthorized,
    /// `404`: Not Found
    NotFound(crate::types::ApiError),
    /// `412`: Precondition Failed
    PreconditionFailed(crate::types::ApiError),
    /// `500`: Internal Error. Operation doesn't return any data structure.
    InternalServerError,
}
impl client_runtime::DocumentedError for CreateVidmUserTokenError {
    fn status(&self) -> StatusCode {
        match self {
            CreateVidmUserTokenError::BadRequest(_) => client_runtime::status_code(400),
            CreateVidmUserTokenError::Unauthorized => client_runtime::status_code(401),
            CreateVidmUserTokenError::NotFound(_) => client_runtime::status_code(404),
            CreateVidmUserTokenError::PreconditionFailed(_) => client_runtime::status_code(412),
            CreateVidmUserTokenError::InternalServerError => client_runtime::status_code(500),
        }
    }
    fn decode(response: client_runtime::RawResponse) -> client_runtime::Error<Self> {
        match response.status().as_u16() {
            400 => client_runtime::Error::decoded(response.json::<crate::types::ApiError>(), Self::BadRequest),
            401 => client_runtime::Error::decoded(Ok(response.empty()), |()| Self::Unauthorized),
            404 => client_runtime::Error::decoded(response.json::<crate::types::ApiError>(), Self::NotFound),
            412 => client_runtime::Error::decoded(response.json::<crate::types::ApiError>(), Self::PreconditionFailed),
            500 => client_runtime::Error::decoded(Ok(response.empty()), |()| Self::InternalServerError),
            _ => response.unexpected(),
        }
    }
}
impl std::fmt::Display for CreateVidmUserTokenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CreateVidmUserTokenError::BadRequest(_) => write!(
                f,
                "the server answered {}: Bad Request",
                client_runtime::DocumentedError::status(self),
            ),
            CreateVidmUserTokenError::Unauthorized => write!(
                f,
                "the server answered {}: Unauthorized. Operation doesn't return any data structure.",
                client_runtime::DocumentedError::status(self),
            ),
            CreateVidmUserTokenError::NotFound(_) => write!(
                f,
                "the server answered {}: Not Found",
                client_runtime::DocumentedError::status(self),
            ),
            CreateVidmUserTokenError::PreconditionFailed(_) => write!(
                f,
                "the server answered {}: Precondition Failed",
                client_runtime::DocumentedError::status(self),
            ),
            CreateVidmUserTokenError::InternalServerError => write!(
                f,
                "the server answered {}: Internal Error. Operation doesn't return any data structure.",
                client_runtime::DocumentedError::status(self),
            ),
        }
    }
}
impl std::error::Error for CreateVidmUserTokenError {}
#[cfg(feature = "mock")]
/// Typed mocks for the tests of code that uses this client (feature `mock`).
///
/// [`MockServer::start`](crate::mock::MockServer::start) starts a real HTTP server on 127.0.0.1; each operation's method stubs
/// it with a typed success (`Ok`) or documented error (`Err`), and
/// [`MockServer::client_builder`](crate::mock::MockServer::client_builder) configures a client that talks to it.
///
/// ```ignore
/// let server = mock::MockServer::start().await;
/// server.create_vidm_user_token(Ok(body)).header("etag", "v1").await;
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
        /// Answers `POST /auth/token/vidm` ([`Client::create_vidm_user_token`](crate::Client::create_vidm_user_token)) with `reply`:
        /// `Ok` as the documented success, `Err` as the documented error, each with its status.
        pub fn create_vidm_user_token(
            &self,
            reply: Result<crate::types::Token, crate::CreateVidmUserTokenError>,
        ) -> client_runtime::mock::Stub<'_> {
            self.inner.stub(
                "POST",
                "/auth/token/vidm",
                client_runtime::mock::json_or_error(200, reply),
            )
        }
    }
    impl client_runtime::mock::IntoReply for crate::CreateVidmUserTokenError {
        fn into_reply(self) -> client_runtime::mock::Reply {
            match self {
                crate::CreateVidmUserTokenError::BadRequest(body) => client_runtime::mock::Reply::json(400, &body),
                crate::CreateVidmUserTokenError::Unauthorized => client_runtime::mock::Reply::empty(401),
                crate::CreateVidmUserTokenError::NotFound(body) => client_runtime::mock::Reply::json(404, &body),
                crate::CreateVidmUserTokenError::PreconditionFailed(body) => client_runtime::mock::Reply::json(412, &body),
                crate::CreateVidmUserTokenError::InternalServerError => client_runtime::mock::Reply::empty(500),
            }
        }
    }
}
