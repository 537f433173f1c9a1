//! Client configuration and request execution shared by every generated client.

use std::collections::BTreeMap;
use std::fmt;
use std::time::{Duration, Instant, SystemTime};

use bytes::{Bytes, BytesMut};
use reqwest::{Method, RequestBuilder, Url};

use crate::tls::TlsSettings;
use crate::{Credential, Error, RawResponse as Response, RetryPolicy};

/// The default cap on a response body: large enough for any documented response of these APIs,
/// small enough that a misbehaving server cannot exhaust memory.
const DEFAULT_MAX_BODY_BYTES: usize = 10 * 1024 * 1024;

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
#[derive(Debug)]
pub struct ClientBuilder {
    base_url: String,
    allow_http: bool,
    timeout: Option<Duration>,
    connect_timeout: Option<Duration>,
    user_agent: String,
    http: Option<reqwest::Client>,
    credentials: BTreeMap<&'static str, Credential>,
    max_body_bytes: usize,
    first_error: Option<ConfigError>,
    // Issue 14: retries and TLS for private CAs (see retry.rs and tls.rs).
    retry: Option<RetryPolicy>,
    tls: TlsSettings,
}

impl ClientBuilder {
    /// Starts a configuration for `base_url`; `user_agent` names the generated crate and version.
    pub fn new(base_url: &str, user_agent: &str) -> Self {
        ClientBuilder {
            base_url: base_url.to_owned(),
            allow_http: false,
            timeout: None,
            connect_timeout: None,
            user_agent: user_agent.to_owned(),
            http: None,
            credentials: BTreeMap::new(),
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
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

    /// Caps the time for a whole request, from sending to the last byte of the body.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Caps the time to establish a connection.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = Some(timeout);
        self
    }

    /// Replaces the default `User-Agent` (`<crate>/<version>`).
    pub fn user_agent(mut self, user_agent: &str) -> Self {
        self.user_agent = user_agent.to_owned();
        self
    }

    /// Uses a `reqwest::Client` configured elsewhere (proxies, root certificates, ...). The
    /// builder's connect timeout and user agent then do not apply; its total timeout still does.
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// Caps the size of a response body (default 10 MiB); a larger one is
    /// [`Error::BodyTooLarge`].
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
        let http = match self.http {
            Some(_) if self.tls.is_set() => {
                return Err(ConfigError::new(
                    "root certificates and client identities apply to the HTTP client the builder makes; add them to the `reqwest::Client` passed to `http_client` instead",
                ))
            }
            Some(http) => http,
            None => {
                let mut builder = self.tls.apply(reqwest::Client::builder().user_agent(self.user_agent));
                if let Some(timeout) = self.connect_timeout {
                    builder = builder.connect_timeout(timeout);
                }
                if !self.allow_http {
                    builder = builder.https_only(true);
                }
                builder
                    .build()
                    .map_err(|error| ConfigError::new(format!("cannot build the HTTP client: {error}")))?
            }
        };
        Ok(ClientCore {
            http,
            base_url,
            credentials: self.credentials,
            expiries: BTreeMap::new(),
            timeout: self.timeout,
            max_body_bytes: self.max_body_bytes,
            retry: self.retry,
        })
    }
}

fn validate_base_url(text: &str, allow_http: bool) -> Result<String, ConfigError> {
    let url = Url::parse(text)
        .map_err(|error| ConfigError::new(format!("the base URL `{text}` is not a URL: {error}")))?;
    match url.scheme() {
        "https" => {}
        "http" if allow_http => {}
        "http" => {
            return Err(ConfigError::new(format!(
                "the base URL `{text}` is plain http; use https, or call `allow_http()` for a test server"
            )))
        }
        other => return Err(ConfigError::new(format!("the base URL scheme `{other}` is not http(s)"))),
    }
    if url.host_str().is_none() {
        return Err(ConfigError::new(format!("the base URL `{text}` has no host")));
    }
    // Credentials in the URL would be printed wherever the URL is: refuse them here rather than
    // redact them everywhere. (The URL is not echoed, since it holds them.)
    if !url.username().is_empty() || url.password().is_some() {
        return Err(ConfigError::new(
            "the base URL carries credentials; pass them to the builder's authentication method instead",
        ));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(ConfigError::new(format!("the base URL `{text}` may not have a query or fragment")));
    }
    Ok(url.as_str().trim_end_matches('/').to_owned())
}

/// What a generated `Client` holds: the HTTP client, the base URL and the credentials.
#[derive(Clone)]
pub struct ClientCore {
    http: reqwest::Client,
    base_url: String,
    credentials: BTreeMap<&'static str, Credential>,
    /// When credentials obtained from a login response stop working, by scheme.
    expiries: BTreeMap<&'static str, SystemTime>,
    timeout: Option<Duration>,
    max_body_bytes: usize,
    pub(crate) retry: Option<RetryPolicy>,
}

impl fmt::Debug for ClientCore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientCore")
            .field("base_url", &self.base_url)
            .field("credentials", &self.credentials.keys().collect::<Vec<_>>())
            .field("expiries", &self.expiries)
            .field("timeout", &self.timeout)
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
        let request = self.http.request(method, format!("{}{}", self.base_url, path));
        match self.timeout {
            Some(timeout) => request.timeout(timeout),
            None => request,
        }
    }

    /// Applies the credentials of the first alternative of the operation's security
    /// requirement whose schemes are all configured. An operation without requirements, or a
    /// client without matching credentials, sends none (the server then decides; a
    /// `reqwest::Client` passed in may add its own).
    pub fn authorize(&self, mut request: RequestBuilder, alternatives: &[&[&str]]) -> RequestBuilder {
        let chosen = alternatives
            .iter()
            .find(|schemes| schemes.iter().all(|scheme| self.credentials.contains_key(scheme)));
        for scheme in chosen.into_iter().flat_map(|schemes| schemes.iter()) {
            if let Some(credential) = self.credentials.get(scheme) {
                request = credential.apply(request);
            }
        }
        request
    }

    /// Sends the request and reads the whole body (up to the size limit).
    ///
    /// Logs the operation id, status and time at `debug` level; never the URL, headers or body.
    pub async fn send<E>(&self, operation: &'static str, request: RequestBuilder) -> Result<Response, Error<E>> {
        let started = Instant::now();
        let result = self.send_and_read(request).await;
        let elapsed_ms = started.elapsed().as_millis() as u64;
        match &result {
            Ok(response) => tracing::debug!(operation, status = response.status().as_u16(), elapsed_ms, "response"),
            Err(error) => tracing::debug!(operation, elapsed_ms, failure = failure_kind(error), "request failed"),
        }
        result
    }

    pub(crate) async fn send_and_read<E>(&self, request: RequestBuilder) -> Result<Response, Error<E>> {
        let mut response = request.send().await.map_err(Error::from_reqwest)?;
        let status = response.status();
        let limit = self.max_body_bytes;
        if response.content_length().is_some_and(|length| length > limit as u64) {
            return Err(Error::BodyTooLarge { status, limit });
        }
        let headers = std::mem::take(response.headers_mut());
        let mut body = BytesMut::new();
        while let Some(chunk) = response.chunk().await.map_err(Error::from_reqwest)? {
            if body.len() + chunk.len() > limit {
                return Err(Error::BodyTooLarge { status, limit });
            }
            body.extend_from_slice(&chunk);
        }
        Ok(Response::new(status, headers, Bytes::from(body)))
    }
}

fn failure_kind<E>(error: &Error<E>) -> &'static str {
    match error {
        Error::Timeout => "timeout",
        Error::BodyTooLarge { .. } => "body too large",
        _ => "transport",
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
}
