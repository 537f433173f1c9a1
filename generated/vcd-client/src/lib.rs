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
pub use client_runtime::{ConfigError, Error, Redirects, Secret, StatusCode};
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
    pub struct Error {
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
        pub type_: ::std::option::Option<TokenType>,
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
    ///Type of the token. Can be of type PROXY or EXTENSION
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Copy,
        Debug,
        Eq,
        Hash,
        Ord,
        PartialEq,
        PartialOrd
    )]
    pub enum TokenType {
        #[serde(rename = "PROXY")]
        Proxy,
        #[serde(rename = "EXTENSION")]
        Extension,
    }
    impl ::std::fmt::Display for TokenType {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            match *self {
                Self::Proxy => f.write_str("PROXY"),
                Self::Extension => f.write_str("EXTENSION"),
            }
        }
    }
    impl ::std::str::FromStr for TokenType {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            match value {
                "PROXY" => Ok(Self::Proxy),
                "EXTENSION" => Ok(Self::Extension),
                _ => Err("invalid value".into()),
            }
        }
    }
    impl ::std::convert::TryFrom<&str> for TokenType {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for TokenType {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
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
#[derive(Debug)]
pub struct Client {
    core: client_runtime::ClientCore,
}
/// Configures a [`Client`]: base URL, timeouts, user agent and credentials.
#[derive(Debug)]
pub struct ClientBuilder {
    inner: client_runtime::ClientBuilder,
}
impl ClientBuilder {
    /// Allows a plain `http://` base URL (test servers, trusted networks); `https` is
    /// required otherwise.
    pub fn allow_http(self) -> Self {
        ClientBuilder {
            inner: self.inner.allow_http(),
        }
    }
    /// Caps the time of a whole call, from sending to the last byte of the response,
    /// redirects included (default 30 s).
    pub fn timeout(self, timeout: std::time::Duration) -> Self {
        ClientBuilder {
            inner: self.inner.timeout(timeout),
        }
    }
    /// Removes the cap on the time of a whole call.
    pub fn no_timeout(self) -> Self {
        ClientBuilder {
            inner: self.inner.no_timeout(),
        }
    }
    /// Caps the time to establish a connection (default 10 s).
    pub fn connect_timeout(self, timeout: std::time::Duration) -> Self {
        ClientBuilder {
            inner: self.inner.connect_timeout(timeout),
        }
    }
    /// Removes the cap on the time to establish a connection.
    pub fn no_connect_timeout(self) -> Self {
        ClientBuilder {
            inner: self.inner.no_connect_timeout(),
        }
    }
    /// Sets which redirects are followed (default [`Redirects::SameOrigin`]: within the
    /// origin only; a credential or body never goes to another origin).
    pub fn redirects(self, redirects: Redirects) -> Self {
        ClientBuilder {
            inner: self.inner.redirects(redirects),
        }
    }
    /// Replaces the default `User-Agent`, which names this crate and its version.
    pub fn user_agent(self, user_agent: &str) -> Self {
        ClientBuilder {
            inner: self.inner.user_agent(user_agent),
        }
    }
    /// Starts the HTTP client from a `reqwest::ClientBuilder` configured elsewhere
    /// (proxies, certificates, ...); this builder's redirect policy, https-only rule,
    /// timeouts and user agent are applied on top of it.
    pub fn http_client(self, client: client_runtime::reqwest::ClientBuilder) -> Self {
        ClientBuilder {
            inner: self.inner.http_client(client),
        }
    }
    /// Caps the size of a response body (default 10 MiB).
    pub fn max_body_bytes(self, limit: usize) -> Self {
        ClientBuilder {
            inner: self.inner.max_body_bytes(limit),
        }
    }
    /// Authenticates with a bearer token (`Authorization: Bearer <token>`): the spec's `bearerAuth` scheme.
    ///
    /// A VMware Cloud Director JWT sent as `Authorization: Bearer <token>` (from the vendor's public swagger; the page lists no method). Every request also sends `Accept: application/json;version=<api version>`.
    ///
    /// Operations that list this scheme send it; operations without security send nothing.
    pub fn bearer_auth(self, token: impl Into<Secret>) -> Self {
        ClientBuilder {
            inner: self
                .inner
                .credential(
                    "bearerAuth",
                    client_runtime::Credential::header(
                        "authorization",
                        Some("Bearer"),
                        &token.into(),
                    ),
                ),
        }
    }
    /// Checks the configuration and builds the client.
    pub fn build(self) -> Result<Client, ConfigError> {
        Ok(Client {
            core: self.inner.build()?,
        })
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
    /// Sends `GET /1.0.0/sessions/{id}/token`.
    ///
    /// # Arguments
    ///
    /// - `id` (path `id`): ID of the session whose token is requested; must fully match the regex `((?!provider|current).)*` from the vendor's path template.
    ///
    /// # Errors
    ///
    /// [`Error::Documented`] with a [`GetTokenError`] for each error response the spec documents; the other [`Error`] variants for anything else.
    pub async fn get_token(
        &self,
        id: &str,
    ) -> Result<types::Token, Error<GetTokenError>> {
        client_runtime::Constraint::Pattern("^((?!provider|current).)*$")
            .check("id", id)
            .map_err(Error::InvalidRequest)?;
        let request = self
            .core
            .request(
                client_runtime::Method::GET,
                &format!(
                    "/1.0.0/sessions/{}/token", client_runtime::encode_path_segment(id)
                ),
            );
        let request = request.header("accept", "application/json;version=36.3");
        let request = self.core.authorize(request, &[&["bearerAuth"]]);
        let response = self.core.send("getToken", request).await?;
        match response.status().as_u16() {
            200 => Ok(response.json()?),
            400 => Err(Error::Documented(GetTokenError::BadRequest(response.json()?))),
            404 => Err(Error::Documented(GetTokenError::NotFound(response.json()?))),
            _ => Err(response.unexpected()),
        }
    }
}
/// The error responses [`Client::get_token`] documents.
#[derive(Debug)]
pub enum GetTokenError {
    /// `400`: Invalid configuration.
    BadRequest(types::Error),
    /// `404`: The specified resource was not found
    NotFound(types::Error),
}
impl client_runtime::DocumentedError for GetTokenError {
    fn status(&self) -> StatusCode {
        match self {
            GetTokenError::BadRequest(_) => client_runtime::status_code(400),
            GetTokenError::NotFound(_) => client_runtime::status_code(404),
        }
    }
}
impl std::fmt::Display for GetTokenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GetTokenError::BadRequest(_) => {
                write!(
                    f, "the server answered {}: Invalid configuration.",
                    client_runtime::DocumentedError::status(self)
                )
            }
            GetTokenError::NotFound(_) => {
                write!(
                    f, "the server answered {}: The specified resource was not found",
                    client_runtime::DocumentedError::status(self)
                )
            }
        }
    }
}
impl std::error::Error for GetTokenError {}
