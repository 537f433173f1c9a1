//! Client configuration and request execution shared by every generated client.

use std::collections::BTreeMap;
use std::fmt;
use std::time::{Duration, SystemTime};

use reqwest::header::HeaderMap;
use reqwest::{Method, RequestBuilder, Url};

use crate::redirect::Redirects;
use crate::tls::TlsSettings;
use crate::{Credential, RetryPolicy};

/// The default cap on a response body: large enough for any documented response of these APIs,
/// small enough that a misbehaving server cannot exhaust memory.
const DEFAULT_MAX_BODY_BYTES: usize = 10 * 1024 * 1024;

/// The default cap on a whole call, redirects and reading the body included: token and
/// registration calls answer in well under a second, and a server that stalls must not hang
/// its caller forever.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// The default cap on establishing a connection (TCP and TLS).
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// A problem with the client's configuration, found when it is built.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError(String);

impl ConfigError {
    /// A configuration error with a message for a person.
    pub fn new(message: impl Into<String>) -> Self {
        ConfigError(message.into())
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ConfigError {}

/// Settings common to every generated client; generated `ClientBuilder`s wrap it and add one
/// method per security scheme of their spec.
pub struct ClientBuilder {
    base_url: String,
    allow_http: bool,
    timeout: Option<Duration>,
    connect_timeout: Option<Duration>,
    user_agent: String,
    http: Option<reqwest::ClientBuilder>,
    credentials: BTreeMap<&'static str, Credential>,
    max_body_bytes: usize,
    redirects: Redirects,
    field_names: &'static [&'static str],
    first_error: Option<ConfigError>,
    // Issue 14: retries and TLS for private CAs (see retry.rs and tls.rs).
    retry: Option<RetryPolicy>,
    tls: TlsSettings,
}

/// Shows the base URL's origin only: a configured URL may carry userinfo or a query.
impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("origin", &shown_origin(&self.base_url))
            .field("allow_http", &self.allow_http)
            .field("timeout", &self.timeout)
            .field("connect_timeout", &self.connect_timeout)
            .field("credentials", &self.credentials.keys().collect::<Vec<_>>())
            .field("redirects", &self.redirects)
            .field("max_body_bytes", &self.max_body_bytes)
            .finish_non_exhaustive()
    }
}

/// `scheme://host:port` of a URL, for `Debug`; never its userinfo, path or query.
fn shown_origin(url: &str) -> String {
    match Url::parse(url) {
        Ok(url) => url.origin().ascii_serialization(),
        Err(_) => "(not a URL)".into(),
    }
}

impl ClientBuilder {
    /// Starts a configuration for `base_url`; `user_agent` names the generated crate and version.
    pub fn new(base_url: &str, user_agent: &str) -> Self {
        ClientBuilder {
            base_url: base_url.to_owned(),
            allow_http: false,
            timeout: Some(DEFAULT_TIMEOUT),
            connect_timeout: Some(DEFAULT_CONNECT_TIMEOUT),
            user_agent: user_agent.to_owned(),
            http: None,
            credentials: BTreeMap::new(),
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            redirects: Redirects::SameOrigin,
            field_names: &[],
            first_error: None,
            retry: None,
            tls: TlsSettings::default(),
        }
    }

    /// Retries failed calls under `policy` (see [`RetryPolicy`]); without this, a call is
    /// sent once. A request builder's `retry` overrides it for one call.
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Trusts the CA certificate(s) in `pem` besides the built-in roots: for servers whose
    /// certificate comes from a private CA. Verification stays on; there is no way to turn it off.
    pub fn add_root_certificate_pem(mut self, pem: &[u8]) -> Self {
        if let Err(error) = self.tls.add_roots(pem) {
            self.first_error.get_or_insert(error);
        }
        self
    }

    /// Presents a client certificate (mutual TLS): `certificate_chain` in PEM, leaf first, and
    /// its `private_key` in PEM (PKCS#8, PKCS#1 or SEC1).
    pub fn identity_pem(mut self, certificate_chain: &[u8], private_key: &[u8]) -> Self {
        if let Err(error) = self.tls.set_identity(certificate_chain, private_key) {
            self.first_error.get_or_insert(error);
        }
        self
    }

    /// Allows a plain `http://` base URL (for tests and trusted networks only).
    pub fn allow_http(mut self) -> Self {
        self.allow_http = true;
        self
    }

    /// Caps the time of a whole call, from sending to the last byte of the body, redirects
    /// included (default [`DEFAULT_TIMEOUT`], 30 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Removes the cap on the time of a whole call: a server that stalls then hangs the call.
    pub fn no_timeout(mut self) -> Self {
        self.timeout = None;
        self
    }

    /// Caps the time to establish a connection (default [`DEFAULT_CONNECT_TIMEOUT`], 10 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = Some(timeout);
        self
    }

    /// Removes the cap on the time to establish a connection (the whole-call timeout, if any,
    /// still applies).
    pub fn no_connect_timeout(mut self) -> Self {
        self.connect_timeout = None;
        self
    }

    /// Sets which redirects are followed (default [`Redirects::SameOrigin`]).
    pub fn redirects(mut self, redirects: Redirects) -> Self {
        self.redirects = redirects;
        self
    }

    /// The spec's property names, sorted: the only object keys a [`ParseError`](crate::ParseError)
    /// path shows (any other key came from the body). Generated clients pass their own.
    pub fn field_names(mut self, names: &'static [&'static str]) -> Self {
        self.field_names = names;
        self
    }

    /// Replaces the default `User-Agent` (`<crate>/<version>`).
    pub fn user_agent(mut self, user_agent: &str) -> Self {
        self.user_agent = user_agent.to_owned();
        self
    }

    /// Starts the HTTP client from a `reqwest::ClientBuilder` configured elsewhere (proxies,
    /// root certificates, default headers, ...). This builder's own rules are applied on top,
    /// so they hold whatever it says: redirects are followed only as [`Self::redirects`] allows,
    /// the client is https-only unless [`Self::allow_http`] was called, and this builder's
    /// timeouts and user agent apply.
    pub fn http_client(mut self, client: reqwest::ClientBuilder) -> Self {
        self.http = Some(client);
        self
    }

    /// Caps the size of a response body (default 10 MiB); a larger one is
    /// [`Error::BodyTooLarge`](crate::Error::BodyTooLarge).
    pub fn max_body_bytes(mut self, limit: usize) -> Self {
        self.max_body_bytes = limit;
        self
    }

    /// Stores the credential for the security scheme named `scheme` in the spec. Generated
    /// builders call this from their per-scheme methods.
    pub fn credential(mut self, scheme: &'static str, credential: Result<Credential, crate::ConfigError>) -> Self {
        match credential {
            Ok(credential) => {
                self.credentials.insert(scheme, credential);
            }
            Err(error) => {
                self.first_error.get_or_insert(error);
            }
        }
        self
    }

    /// Validates the configuration and builds the client core.
    pub fn build(self) -> Result<ClientCore, ConfigError> {
        if let Some(error) = self.first_error {
            return Err(error);
        }
        let base_url = validate_base_url(&self.base_url, self.allow_http)?;
        // Redirects are followed by `ClientCore::send_and_read` (exchange.rs), which knows what a request
        // carries; whatever the caller's builder says, these rules are applied on top of it.
        let mut builder = self
            .tls
            .apply(self.http.unwrap_or_default())
            .user_agent(self.user_agent)
            .redirect(reqwest::redirect::Policy::none())
            .https_only(!self.allow_http);
        if let Some(timeout) = self.connect_timeout {
            builder = builder.connect_timeout(timeout);
        }
        let http = builder
            .build()
            .map_err(|error| ConfigError::new(format!("cannot build the HTTP client: {}", crate::TransportError::new(&error))))?;
        let base = Url::parse(&base_url).map_err(|error| ConfigError::new(format!("the base URL is not a URL: {error}")))?;
        Ok(ClientCore {
            http,
            base_url,
            base,
            credentials: self.credentials,
            expiries: BTreeMap::new(),
            timeout: self.timeout,
            max_body_bytes: self.max_body_bytes,
            redirects: self.redirects,
            allow_http: self.allow_http,
            field_names: self.field_names,
            retry: self.retry,
        })
    }
}

/// Checks the base URL. Messages never repeat the URL: it may carry userinfo or a query.
fn validate_base_url(text: &str, allow_http: bool) -> Result<String, ConfigError> {
    let url = Url::parse(text).map_err(|error| ConfigError::new(format!("the base URL is not a URL: {error}")))?;
    match url.scheme() {
        "https" => {}
        "http" if allow_http => {}
        "http" => {
            return Err(ConfigError::new(
                "the base URL is plain http; use https, or call `allow_http()` for a test server",
            ))
        }
        _ => return Err(ConfigError::new("the base URL's scheme is not http or https")),
    }
    if url.host_str().is_none() {
        return Err(ConfigError::new("the base URL has no host"));
    }
    // Credentials in the URL would be printed wherever the URL is: refuse them here rather than
    // redact them everywhere. (The URL is not echoed, since it holds them.)
    if !url.username().is_empty() || url.password().is_some() {
        return Err(ConfigError::new(
            "the base URL carries credentials; pass them to the builder's authentication method instead",
        ));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(ConfigError::new("the base URL may not have a query or fragment"));
    }
    Ok(url.as_str().trim_end_matches('/').to_owned())
}

/// What a generated `Client` holds: the HTTP client, the base URL and the credentials.
#[derive(Clone)]
pub struct ClientCore {
    pub(crate) http: reqwest::Client,
    base_url: String,
    /// `base_url` parsed, so that a request's URL is the base with a new path rather than a
    /// whole URL parsed again on every call.
    base: Url,
    credentials: BTreeMap<&'static str, Credential>,
    /// When credentials obtained from a login response stop working, by scheme.
    expiries: BTreeMap<&'static str, SystemTime>,
    pub(crate) timeout: Option<Duration>,
    pub(crate) max_body_bytes: usize,
    pub(crate) redirects: Redirects,
    pub(crate) allow_http: bool,
    pub(crate) field_names: &'static [&'static str],
    pub(crate) retry: Option<RetryPolicy>,
}

/// Shows the base URL's origin only, like the builder.
impl fmt::Debug for ClientCore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientCore")
            .field("origin", &shown_origin(&self.base_url))
            .field("credentials", &self.credentials.keys().collect::<Vec<_>>())
            .field("expiries", &self.expiries)
            .field("timeout", &self.timeout)
            .field("redirects", &self.redirects)
            .finish_non_exhaustive()
    }
}

impl ClientCore {
    /// The validated base URL, without a trailing slash.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// A copy of this client (same HTTP client, base URL and settings) that also sends
    /// `credential` for `scheme`, which stops working at `expires_at` if that is known.
    pub fn with_credential(&self, scheme: &'static str, credential: Credential, expires_at: Option<SystemTime>) -> ClientCore {
        let mut core = self.clone();
        core.credentials.insert(scheme, credential);
        match expires_at {
            Some(expires_at) => core.expiries.insert(scheme, expires_at),
            None => core.expiries.remove(scheme),
        };
        core
    }

    /// The earliest expiry of the credentials this client sends, if any is known.
    pub fn credentials_expire_at(&self) -> Option<SystemTime> {
        self.expiries.values().min().copied()
    }

    /// Whether a credential for the named security scheme is configured.
    pub fn has_credential(&self, scheme: &str) -> bool {
        self.credentials.contains_key(scheme)
    }

    /// Starts a request to `path` (already encoded) below the base URL.
    pub fn request(&self, method: Method, path: &str) -> RequestBuilder {
        // Setting the path of the parsed base skips parsing its scheme and host again, the
        // larger part of parsing a URL. It gives the same URL as parsing the joined text only
        // when the path is plain: printable ASCII starting with `/`, without `?` or `#` (which
        // would start a query or fragment) or `\` (a `/` in http URLs); anything else is
        // joined and parsed whole.
        let plain = path.starts_with('/') && path.bytes().all(|byte| byte.is_ascii_graphic() && !matches!(byte, b'?' | b'#' | b'\\'));
        if !plain {
            return self.http.request(method, format!("{}{}", self.base_url, path));
        }
        let mut url = self.base.clone();
        let base_path = url.path().trim_end_matches('/');
        let mut full = String::with_capacity(base_path.len() + path.len());
        full.push_str(base_path);
        full.push_str(path);
        url.set_path(&full);
        self.http.request(method, url)
    }

    /// Adds to `request` the credentials of the first alternative of the operation's security
    /// requirement whose schemes are all configured. An operation without requirements, or a
    /// client without matching credentials, sends none (the server then decides; a
    /// `reqwest::Client` passed in may add its own).
    pub fn authorize(&self, request: &mut reqwest::Request, alternatives: &[&[&str]]) {
        let chosen = alternatives
            .iter()
            .find(|schemes| schemes.iter().all(|scheme| self.credentials.contains_key(scheme)));
        for scheme in chosen.into_iter().flat_map(|schemes| schemes.iter()) {
            if let Some(credential) = self.credentials.get(scheme) {
                credential.apply(request);
            }
        }
    }

    /// Whether a request with these headers to `url` carries a credential: a header marked
    /// sensitive (every credential header is) or a query parameter named by a configured query
    /// credential.
    pub(crate) fn carries_credential(&self, headers: &HeaderMap, url: &Url) -> bool {
        let sensitive_header = headers.values().any(|value| value.is_sensitive());
        let query_names: Vec<&str> = self.credentials.values().filter_map(Credential::query_name).collect();
        let query_credential = url.query_pairs().any(|(name, _)| query_names.contains(&name.as_ref()));
        sensitive_header || query_credential
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls_are_validated() {
        let ok = |url: &str| validate_base_url(url, false);
        assert_eq!(ok("https://nsx.example.com/api/v1/").unwrap(), "https://nsx.example.com/api/v1");
        assert!(ok("http://nsx.example.com").unwrap_err().to_string().contains("allow_http"));
        assert!(validate_base_url("http://127.0.0.1:8080", true).is_ok());
        assert!(ok("not a url").is_err());
        assert!(ok("ftp://example.com").is_err());
        let with_password = ok("https://admin:hunter2@example.com").unwrap_err().to_string();
        assert!(!with_password.contains("hunter2"), "{with_password}");
        assert!(ok("https://example.com/?a=b").is_err());
    }

    #[test]
    fn request_urls_are_the_base_and_path_joined_and_parsed() {
        let paths = [
            "/aaa/registration-token/a1b2c3",
            "/a%2Fb/c%20d/%E2%82%AC",
            "/a/./b/../c",
            "/a/..",
            "//double",
            "/with?query=1#fragment",
            "/back\\slash",
            "/sp ace/tab\t",
            "/ünïcode",
            "relative",
            "",
        ];
        for base in ["https://api.example.com", "https://api.example.com:8443/api/v1/", "http://127.0.0.1:9/x/../y"] {
            let core = ClientBuilder::new(base, "test/1").allow_http().build().unwrap();
            for path in paths {
                let built = core.request(Method::GET, path).build().unwrap();
                let expected = Url::parse(&format!("{}{}", core.base_url(), path)).unwrap();
                assert_eq!(built.url(), &expected, "{base} + {path}");
            }
        }
    }
}
