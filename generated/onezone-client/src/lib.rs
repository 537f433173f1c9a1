// @generated from specs/onezone.yaml by `cargo xtask regenerate`. Do not edit by hand: change the spec or the generator and regenerate.

//! # Onezone REST API - Create provider registration token for a user
//!
//! Hand-transcribed from the vendor documentation page seeds/003_dc006debc4b19cf0.txt ("Create provider registration token for a user", Onedata Onezone REST API v3, deprecated). Questions the page leaves open are settled from the vendor's public spec onedata/onezone-swagger (`paths/users/id/clusters/provider_registration_token.yaml`, base path `/api/v3/onezone`), as listed in seeds/README.md "Facts from the vendors' public specs": the operation is `POST /api/v3/onezone/users/{id}/clusters/provider_registration_token`; the success body `{token: string}` has `token` required; errors 400, 401, 403, 404 and 500 share `{error: {id, description, details}}`; the security schemes are HTTP Basic, an `X-Auth-Token` header and `Authorization: Bearer <token>`.
//!
//! API version `3.0.0`.
//!
//! ## Servers
//!
//! - `https://{host}/api/v3/onezone`: Onezone; base path `/api/v3/onezone` per the page's curl example and onedata/onezone-swagger.
//!
//! ## Operations
//!
//! - [`Client::create_provider_registration_token_for_user`]: `POST /users/{id}/clusters/provider_registration_token`: Create provider registration token for a user (deprecated)
#![forbid(unsafe_code)]
#![allow(clippy::result_large_err)]
pub use client_runtime::{
    ConfigError, Credential, DocumentedError, Error, HeaderMap, Redirects, Response,
    RetryPolicy, Secret, StatusCode,
};
/// The schemas of the spec as Rust types.
#[allow(clippy::all, missing_docs)]
pub mod types {
    ///Error body shared by the 400, 401, 403, 404 and 500 responses.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct ErrorBody {
        pub error: ErrorBodyError,
    }
    ///Object describing an error.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct ErrorBodyError {
        ///Human-readable description of the error.
        pub description: ::std::string::String,
        ///Additional error details (free-form object, for example the offending key).
        #[serde(default, skip_serializing_if = "::serde_json::Map::is_empty")]
        pub details: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        ///Identifier of the error (for example badValueString).
        pub id: ::std::string::String,
    }
    ///Provider registration token.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct ProviderRegistrationToken {
        ///The token for registering a new provider.
        pub token: ::client_runtime::Secret,
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
/// The spec's first server URL template, `https://{host}/api/v3/onezone`.
///
/// Onezone; base path `/api/v3/onezone` per the page's curl example and onedata/onezone-swagger.
pub const SERVER_URL: &str = "https://{host}/api/v3/onezone";
/// The server URL `https://{host}/api/v3/onezone` with its variables filled in:
///
/// - `host` (default `api.example.com`): Host name of the Onezone service (the page writes `$HOST`; api.example.com is a placeholder).
pub fn server_url(host: &str) -> String {
    SERVER_URL.to_owned().replace("{host}", host)
}
/// The spec's property names, sorted: the only object keys a parse error may show.
const PROPERTY_NAMES: &[&str] = &["description", "details", "error", "id", "token"];
/// A client for Onezone REST API - Create provider registration token for a user.
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
    /// HTTP Basic authentication with Onezone user credentials (the page's example uses `curl -u username:password`).
    ///
    /// Operations that list this scheme send it; operations without security send nothing.
    pub fn basic_auth(self, username: &str, password: impl Into<Secret>) -> Self {
        let credential = client_runtime::Credential::basic(username, &password.into());
        ClientBuilder { inner: self.inner.credential("basicAuth", credential) }
    }
    /// Authenticates with a token in the `X-Auth-Token` header: the spec's `tokenAuth` scheme.
    ///
    /// Onedata access token sent in the `X-Auth-Token` header (from onedata/onezone-swagger).
    ///
    /// Operations that list this scheme send it; operations without security send nothing.
    pub fn token_auth(self, token: impl Into<Secret>) -> Self {
        let credential = client_runtime::Credential::header("X-Auth-Token", None, &token.into());
        ClientBuilder { inner: self.inner.credential("tokenAuth", credential) }
    }
    /// Authenticates with a bearer token (`Authorization: Bearer <token>`): the spec's `bearerAuth` scheme.
    ///
    /// Onedata access token sent as `Authorization: Bearer <token>` (from onedata/onezone-swagger).
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
    /// Create provider registration token for a user
    ///
    /// This enpoint is deprecated and will be removed in future release, please use one of:
    ///
    /// Creates a token for a specific user allowing him to register a new provider in Onezone. After the registration, the user's account will be automatically linked to the new Oneprovider cluster (granting him access to Oneprovider's onepanel).
    ///
    /// If registration policy in Onezone is configured as open, any user can generate the token for himself. In case of restricted policy or issuing the token for another user, this operation requires oz_providers_invite privilege.
    ///
    /// Sends `POST /users/{id}/clusters/provider_registration_token` when the returned [`requests::CreateProviderRegistrationTokenForUser`] is awaited (or sent with its `send`).
    ///
    /// # Arguments
    ///
    /// - `id` (path `id`): User Id.
    ///
    /// # Errors
    ///
    /// [`Error::Documented`] with a [`CreateProviderRegistrationTokenForUserError`] for each error response the spec documents; the other [`Error`] variants for anything else.
    #[deprecated(note = "the spec marks this operation deprecated")]
    pub fn create_provider_registration_token_for_user<'a>(
        &'a self,
        id: &'a str,
    ) -> requests::CreateProviderRegistrationTokenForUser<'a> {
        requests::CreateProviderRegistrationTokenForUser {
            client: self,
            id,
            options: client_runtime::CallOptions::default(),
        }
    }
}
/// One request builder per operation, returned by the operation's method on
/// [`Client`]: setters for the optional parameters and per-call options
/// (`header`, `timeout`, `credential`, `retry`); `.await` it or call `send()`.
pub mod requests {
    /// The request of [`Client::create_provider_registration_token_for_user`](crate::Client::create_provider_registration_token_for_user): `POST /users/{id}/clusters/provider_registration_token`.
    ///
    /// Set optional parameters and per-call options, then `.await` it or call [`send`](Self::send).
    #[must_use = "a request is sent when it is awaited or `send` is called"]
    pub struct CreateProviderRegistrationTokenForUser<'a> {
        pub(crate) client: &'a crate::Client,
        pub(crate) id: &'a str,
        pub(crate) options: client_runtime::CallOptions,
    }
    impl<'a> CreateProviderRegistrationTokenForUser<'a> {
        /// Sends the request: the returned [`Call`](client_runtime::Call) resolves to the response.
        pub fn send(self) -> client_runtime::Call<
            'a,
            crate::types::ProviderRegistrationToken,
            crate::CreateProviderRegistrationTokenForUserError,
        > {
            let client = self.client;
            let operation = &client_runtime::Operation {
                id: "createProviderRegistrationTokenForUser",
                path: "/users/{id}/clusters/provider_registration_token",
                security: &[&["basicAuth"], &["tokenAuth"], &["bearerAuth"]],
            };
            client.core.call(operation, self.request(), |response| {
                match response.status().as_u16() {
                    200 => Ok(response.json::<crate::types::ProviderRegistrationToken>()?),
                    _ => Err(client_runtime::DocumentedError::decode(response)),
                }
            })
        }
        /// The request, built from the arguments; nothing is sent yet.
        fn request(self) -> client_runtime::Outgoing {
            let CreateProviderRegistrationTokenForUser { client, id, options } = self;
            let request = client.core.request(
                client_runtime::Method::POST,
                &format!("/users/{}/clusters/provider_registration_token", client_runtime::PathSegment(id)),
            );
            let request = client_runtime::accept(request, "application/json");
            Ok((request, options))
        }
    }
    client_runtime::request_builder!(
        CreateProviderRegistrationTokenForUser,
        crate::types::ProviderRegistrationToken,
        crate::CreateProviderRegistrationTokenForUserError,
    );
}
/// The error responses [`Client::create_provider_registration_token_for_user`] documents.
#[derive(Debug)]
pub enum CreateProviderRegistrationTokenForUserError {
    /// `400`: Invalid request.
    BadRequest(crate::types::ErrorBody),
    /// `401`: Authentication error.
    Unauthorized(crate::types::ErrorBody),
    /// `403`: Authorization error.
    Forbidden(crate::types::ErrorBody),
    /// `404`: Resource not found.
    NotFound(crate::types::ErrorBody),
    /// `500`: Internal server Error.
    InternalServerError(crate::types::ErrorBody),
}
impl client_runtime::DocumentedError for CreateProviderRegistrationTokenForUserError {
    fn status(&self) -> StatusCode {
        match self {
            CreateProviderRegistrationTokenForUserError::BadRequest(_) => client_runtime::status_code(400),
            CreateProviderRegistrationTokenForUserError::Unauthorized(_) => client_runtime::status_code(401),
            CreateProviderRegistrationTokenForUserError::Forbidden(_) => client_runtime::status_code(403),
            CreateProviderRegistrationTokenForUserError::NotFound(_) => client_runtime::status_code(404),
            CreateProviderRegistrationTokenForUserError::InternalServerError(_) => client_runtime::status_code(500),
        }
    }
    fn decode(response: client_runtime::RawResponse) -> client_runtime::Error<Self> {
        match response.status().as_u16() {
            400 => client_runtime::Error::decoded(response.json::<crate::types::ErrorBody>(), Self::BadRequest),
            401 => client_runtime::Error::decoded(response.json::<crate::types::ErrorBody>(), Self::Unauthorized),
            403 => client_runtime::Error::decoded(response.json::<crate::types::ErrorBody>(), Self::Forbidden),
            404 => client_runtime::Error::decoded(response.json::<crate::types::ErrorBody>(), Self::NotFound),
            500 => client_runtime::Error::decoded(response.json::<crate::types::ErrorBody>(), Self::InternalServerError),
            _ => response.unexpected(),
        }
    }
}
impl std::fmt::Display for CreateProviderRegistrationTokenForUserError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CreateProviderRegistrationTokenForUserError::BadRequest(_) => write!(
                f,
                "the server answered {}: Invalid request.",
                client_runtime::DocumentedError::status(self),
            ),
            CreateProviderRegistrationTokenForUserError::Unauthorized(_) => write!(
                f,
                "the server answered {}: Authentication error.",
                client_runtime::DocumentedError::status(self),
            ),
            CreateProviderRegistrationTokenForUserError::Forbidden(_) => write!(
                f,
                "the server answered {}: Authorization error.",
                client_runtime::DocumentedError::status(self),
            ),
            CreateProviderRegistrationTokenForUserError::NotFound(_) => write!(
                f,
                "the server answered {}: Resource not found.",
                client_runtime::DocumentedError::status(self),
            ),
            CreateProviderRegistrationTokenForUserError::InternalServerError(_) => write!(
                f,
                "the server answered {}: Internal server Error.",
                client_runtime::DocumentedError::status(self),
            ),
        }
    }
}
impl std::error::Error for CreateProviderRegistrationTokenForUserError {}
#[cfg(feature = "mock")]
/// Typed mocks for the tests of code that uses this client (feature `mock`).
///
/// [`MockServer::start`](crate::mock::MockServer::start) starts a real HTTP server on 127.0.0.1; each operation's method stubs
/// it with a typed success (`Ok`) or documented error (`Err`), and
/// [`MockServer::client_builder`](crate::mock::MockServer::client_builder) configures a client that talks to it.
///
/// ```ignore
/// let server = mock::MockServer::start().await;
/// server.create_provider_registration_token_for_user(Ok(body)).header("etag", "v1").await;
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
        /// Answers `POST /users/{id}/clusters/provider_registration_token` ([`Client::create_provider_registration_token_for_user`](crate::Client::create_provider_registration_token_for_user)) with `reply`:
        /// `Ok` as the documented success, `Err` as the documented error, each with its status.
        pub fn create_provider_registration_token_for_user(
            &self,
            reply: Result<crate::types::ProviderRegistrationToken, crate::CreateProviderRegistrationTokenForUserError>,
        ) -> client_runtime::mock::Stub<'_> {
            self.inner.stub(
                "POST",
                "/users/{id}/clusters/provider_registration_token",
                client_runtime::mock::json_or_error(200, reply),
            )
        }
    }
    impl client_runtime::mock::IntoReply for crate::CreateProviderRegistrationTokenForUserError {
        fn into_reply(self) -> client_runtime::mock::Reply {
            match self {
                crate::CreateProviderRegistrationTokenForUserError::BadRequest(body) => client_runtime::mock::Reply::json(400, &body),
                crate::CreateProviderRegistrationTokenForUserError::Unauthorized(body) => client_runtime::mock::Reply::json(401, &body),
                crate::CreateProviderRegistrationTokenForUserError::Forbidden(body) => client_runtime::mock::Reply::json(403, &body),
                crate::CreateProviderRegistrationTokenForUserError::NotFound(body) => client_runtime::mock::Reply::json(404, &body),
                crate::CreateProviderRegistrationTokenForUserError::InternalServerError(body) => client_runtime::mock::Reply::json(500, &body),
            }
        }
    }
}
