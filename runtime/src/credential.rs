//! How a credential is put on a request, decided from the spec's `securitySchemes`.

use base64::Engine;
use reqwest::header::{HeaderName, HeaderValue};

use crate::{ConfigError, Secret};

/// One configured credential: where it goes and the secret value that goes there.
///
/// Generated builders create these from the spec's security schemes; the value never appears in
/// `Debug` output, and header values are marked sensitive so that `reqwest` and `hyper` hide them.
#[derive(Clone, Debug)]
pub struct Credential {
    place: Place,
}

#[derive(Clone, Debug)]
enum Place {
    Header { name: HeaderName, value: SensitiveValue },
    Query { name: String, value: Secret },
}

#[derive(Clone)]
struct SensitiveValue(HeaderValue);

impl std::fmt::Debug for SensitiveValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("[REDACTED]")
    }
}

impl Credential {
    /// HTTP Basic (`Authorization: Basic base64(user:password)`).
    pub fn basic(username: &str, password: &Secret) -> Result<Self, ConfigError> {
        let pair = format!("{username}:{}", password.expose());
        let encoded = base64::engine::general_purpose::STANDARD.encode(pair);
        Self::header("authorization", Some("Basic"), &Secret::new(encoded))
    }

    /// A header whose value is the token, after an optional scheme prefix such as `Bearer` or
    /// `NetworkInsight` (`Authorization: NetworkInsight <token>`).
    pub fn header(name: &str, prefix: Option<&str>, token: &Secret) -> Result<Self, ConfigError> {
        let name = HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| ConfigError::new(format!("`{name}` is not a valid header name")))?;
        let text = match prefix {
            Some(prefix) => format!("{prefix} {}", token.expose()),
            None => token.expose().to_owned(),
        };
        let mut value = HeaderValue::from_str(&text).map_err(|_| {
            ConfigError::new(format!(
                "the credential for header `{name}` contains characters a header cannot carry"
            ))
        })?;
        value.set_sensitive(true);
        Ok(Credential { place: Place::Header { name, value: SensitiveValue(value) } })
    }

    /// A query parameter (`apiKey` schemes with `in: query`).
    pub fn query(name: &str, token: &Secret) -> Self {
        Credential { place: Place::Query { name: name.to_owned(), value: token.clone() } }
    }

    /// A cookie (`apiKey` schemes with `in: cookie`), sent as a `Cookie` header.
    pub fn cookie(name: &str, token: &Secret) -> Result<Self, ConfigError> {
        let pair = Secret::new(format!("{name}={}", token.expose()));
        Self::header("cookie", None, &pair)
    }

    /// The name of the query parameter this credential is sent in, if it is sent in the query.
    pub(crate) fn query_name(&self) -> Option<&str> {
        match &self.place {
            Place::Query { name, .. } => Some(name),
            Place::Header { .. } => None,
        }
    }

    /// Adds this credential to `request`, as `reqwest::RequestBuilder::header` or `query` would.
    pub(crate) fn apply(&self, request: &mut reqwest::Request) {
        match &self.place {
            Place::Header { name, value } => {
                request.headers_mut().append(name.clone(), value.0.clone());
            }
            Place::Query { name, value } => {
                request.url_mut().query_pairs_mut().append_pair(name, value.expose());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_value() {
        let secret = Secret::new("s3cr3t-token");
        for credential in [
            Credential::basic("admin", &secret).unwrap(),
            Credential::header("Authorization", Some("NetworkInsight"), &secret).unwrap(),
            Credential::query("api_key", &secret),
            Credential::cookie("session", &secret).unwrap(),
        ] {
            let printed = format!("{credential:?}");
            assert!(!printed.contains("s3cr3t"), "{printed}");
            // Basic credentials are base64: the encoded form must not leak either.
            assert!(!printed.contains("YWRtaW46czNjcjN0LXRva2Vu"), "{printed}");
        }
    }

    #[test]
    fn a_credential_is_added_as_the_request_builder_would_add_it() {
        let client = reqwest::Client::new();
        let url = "https://api.example.com/items?site=a%20b&x=1";
        let secret = Secret::new("k&y=1 2/é");
        let earlier = || client.get(url).header("x-auth-token", "earlier");
        for (credential, expected) in [
            (Credential::query("api_key", &secret), earlier().query(&[("api_key", secret.expose())])),
            (Credential::header("x-auth-token", None, &secret).unwrap(), earlier().header("x-auth-token", secret.expose())),
        ] {
            let mut request = earlier().build().unwrap();
            credential.apply(&mut request);
            let expected = expected.build().unwrap();
            assert_eq!(request.url(), expected.url());
            let values = |request: &reqwest::Request| request.headers().get_all("x-auth-token").iter().cloned().collect::<Vec<_>>();
            assert_eq!(values(&request), values(&expected));
        }
    }

    #[test]
    fn rejects_a_token_that_cannot_be_a_header_value() {
        let error = Credential::header("x-auth-token", None, &Secret::new("a\nb")).unwrap_err();
        assert!(error.to_string().contains("x-auth-token"));
        assert!(!error.to_string().contains("a\nb"));
    }
}
