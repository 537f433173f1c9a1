//! TLS settings for servers with certificates from a private CA (on-premises managers and
//! appliances) and for mutual TLS. They are applied to the HTTP client the builder makes, so
//! every other setting (timeouts, user agent, https-only) is kept.
//!
//! There is deliberately no way to turn certificate verification off.

use std::fmt;

use crate::ConfigError;

/// Extra root certificates and a client identity.
#[derive(Clone, Default)]
pub(crate) struct TlsSettings {
    roots: Vec<reqwest::Certificate>,
    identity: Option<reqwest::Identity>,
}

/// Counts only: a private key must never be printed.
impl fmt::Debug for TlsSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TlsSettings")
            .field("extra_roots", &self.roots.len())
            .field("client_identity", &self.identity.is_some())
            .finish()
    }
}

impl TlsSettings {
    /// Trusts the certificates in `pem` (one or more) besides the built-in roots.
    pub(crate) fn add_roots(&mut self, pem: &[u8]) -> Result<(), ConfigError> {
        let certificates = reqwest::Certificate::from_pem_bundle(pem)
            .map_err(|error| ConfigError::new(format!("the root certificate PEM cannot be read: {error}")))?;
        if certificates.is_empty() {
            return Err(ConfigError::new("the root certificate PEM holds no certificate"));
        }
        self.roots.extend(certificates);
        Ok(())
    }

    /// Presents `certificate_chain` (PEM, leaf first) with `private_key` (PEM, PKCS#8, PKCS#1
    /// or SEC1) when the server asks for a client certificate.
    pub(crate) fn set_identity(&mut self, certificate_chain: &[u8], private_key: &[u8]) -> Result<(), ConfigError> {
        let mut pem = certificate_chain.to_vec();
        pem.push(b'\n');
        pem.extend_from_slice(private_key);
        // reqwest's message does not quote the key.
        let identity = reqwest::Identity::from_pem(&pem)
            .map_err(|error| ConfigError::new(format!("the client certificate or key PEM cannot be read: {error}")))?;
        self.identity = Some(identity);
        Ok(())
    }

    /// Applies the settings to the builder of the HTTP client.
    pub(crate) fn apply(self, mut builder: reqwest::ClientBuilder) -> reqwest::ClientBuilder {
        for root in self.roots {
            builder = builder.add_root_certificate(root);
        }
        if let Some(identity) = self.identity {
            builder = builder.identity(identity);
        }
        builder
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unreadable_pem_is_a_configuration_error() {
        let mut tls = TlsSettings::default();
        assert!(tls.add_roots(b"not a certificate").unwrap_err().to_string().contains("no certificate"));
        let error = tls.set_identity(b"", b"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n").unwrap_err();
        assert!(!error.to_string().contains("AAAA"), "{error}");
        assert!(tls.roots.is_empty() && tls.identity.is_none());
    }
}
