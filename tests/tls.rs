//! On-premises servers with certificates from a private CA, and mutual TLS: a CA, a server
//! certificate for 127.0.0.1 and a client certificate are made at run time (rcgen), and a small
//! TLS server (tokio-rustls) answers one JSON body over HTTP/1.1.

use std::sync::Arc;

use rcgen::{BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, KeyPair};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// A private CA and what it signed, in PEM and DER.
struct Pki {
    ca_pem: String,
    ca_der: CertificateDer<'static>,
    server: (CertificateDer<'static>, PrivateKeyDer<'static>),
    client_pem: (String, String),
}

fn pki() -> Pki {
    let ca_key = KeyPair::generate().unwrap();
    let mut ca = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca.distinguished_name.push(DnType::CommonName, "Test private CA");
    let ca_cert = ca.self_signed(&ca_key).unwrap();

    let server_key = KeyPair::generate().unwrap();
    let server = CertificateParams::new(vec!["127.0.0.1".to_owned()]).unwrap().signed_by(&server_key, &ca_cert, &ca_key).unwrap();

    let client_key = KeyPair::generate().unwrap();
    let mut client = CertificateParams::new(vec!["automation".to_owned()]).unwrap();
    client.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth];
    let client = client.signed_by(&client_key, &ca_cert, &ca_key).unwrap();

    Pki {
        ca_pem: ca_cert.pem(),
        ca_der: ca_cert.der().clone(),
        server: (server.der().clone(), PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(server_key.serialize_der()))),
        client_pem: (client.pem(), client_key.serialize_pem()),
    }
}

/// A `200 OK` response with a JSON body.
fn ok_json(body: &str) -> String {
    format!("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}", body.len())
}

/// Serves `response` over TLS on 127.0.0.1 to every connection that completes the handshake;
/// `require_client_certificate`: only clients with a certificate from the CA do.
async fn tls_server(pki: &Pki, require_client_certificate: bool, response: String) -> String {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = rustls::ServerConfig::builder_with_provider(provider.clone()).with_safe_default_protocol_versions().unwrap();
    let builder = if require_client_certificate {
        let mut roots = rustls::RootCertStore::empty();
        roots.add(pki.ca_der.clone()).unwrap();
        let verifier = rustls::server::WebPkiClientVerifier::builder_with_provider(Arc::new(roots), provider).build().unwrap();
        builder.with_client_cert_verifier(verifier)
    } else {
        builder.with_no_client_auth()
    };
    let config = builder.with_single_cert(vec![pki.server.0.clone()], pki.server.1.clone_key()).unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let acceptor = acceptor.clone();
            let response = response.clone();
            tokio::spawn(async move {
                let Ok(mut stream) = acceptor.accept(stream).await else { return };
                let mut request = Vec::new();
                let mut buffer = [0_u8; 1024];
                while !request.windows(4).any(|window| window == b"\r\n\r\n") {
                    match stream.read(&mut buffer).await {
                        Ok(0) | Err(_) => return,
                        Ok(read) => request.extend_from_slice(&buffer[..read]),
                    }
                }
                let _ = stream.write_all(response.as_bytes()).await;
                let _ = stream.shutdown().await;
            });
        }
    });
    format!("https://{address}")
}

const TOKEN: &str = r#"{"token": "t", "roles": ["auditor"]}"#;

#[tokio::test]
async fn a_server_with_a_private_ca_certificate_is_trusted_only_with_the_ca_added() {
    let pki = pki();
    let base = tls_server(&pki, false, ok_json(TOKEN)).await;

    let untrusting = nsx_client::Client::builder(&base).basic_auth("admin", "pw").build().unwrap();
    let error = untrusting.get_registration_token("t").await.unwrap_err();
    assert!(matches!(error, nsx_client::Error::Transport(_)), "{error:?}");

    let trusting = nsx_client::Client::builder(&base)
        .add_root_certificate_pem(pki.ca_pem.as_bytes())
        .user_agent("ops-tool/2")
        .basic_auth("admin", "pw")
        .build()
        .unwrap();
    let token = trusting.get_registration_token("t").await.unwrap();
    assert_eq!(token.roles, ["auditor"]);
}

#[tokio::test]
async fn mutual_tls_presents_the_client_certificate() {
    let pki = pki();
    let base = tls_server(&pki, true, ok_json(TOKEN)).await;
    let builder = || nsx_client::Client::builder(&base).add_root_certificate_pem(pki.ca_pem.as_bytes());

    let anonymous = builder().build().unwrap();
    let error = anonymous.get_registration_token("t").await.unwrap_err();
    assert!(matches!(error, nsx_client::Error::Transport(_)), "{error:?}");

    let (certificate, key) = &pki.client_pem;
    let identified = builder().identity_pem(certificate.as_bytes(), key.as_bytes()).build().unwrap();
    assert_eq!(identified.get_registration_token("t").await.unwrap().roles, ["auditor"]);
}

#[test]
fn bad_pem_is_a_configuration_error_and_no_key_is_printed() {
    let error = nsx_client::Client::builder("https://nsx.corp").add_root_certificate_pem(b"junk").build().unwrap_err();
    assert!(error.to_string().contains("no certificate"), "{error}");

    let key = "-----BEGIN PRIVATE KEY-----\nc2VjcmV0LWtleQ==\n-----END PRIVATE KEY-----\n";
    let error = nsx_client::Client::builder("https://nsx.corp").identity_pem(b"", key.as_bytes()).build().unwrap_err();
    assert!(!error.to_string().contains("c2VjcmV0"), "{error}");

    let pki = pki();
    // The key never reaches the builder's Debug output.
    let (certificate, key) = &pki.client_pem;
    let builder = nsx_client::Client::builder("https://nsx.corp").identity_pem(certificate.as_bytes(), key.as_bytes());
    let printed = format!("{builder:?}");
    let key_body: String = key.lines().nth(1).unwrap_or_default().chars().take(20).collect();
    assert!(!printed.contains(&key_body), "{printed}");
}

/// The builder's TLS settings and rules apply on top of a `reqwest::ClientBuilder` the
/// application brings (for its proxies, say).
#[tokio::test]
async fn an_application_http_builder_keeps_the_tls_settings() {
    let pki = pki();
    let base = tls_server(&pki, false, ok_json(TOKEN)).await;
    let client = nsx_client::Client::builder(&base)
        .http_client(client_runtime::reqwest::Client::builder())
        .add_root_certificate_pem(pki.ca_pem.as_bytes())
        .build()
        .unwrap();
    assert_eq!(client.get_registration_token("t").await.unwrap().roles, ["auditor"]);
}

/// An https server that redirects to plain http: the credential is not sent there, whichever
/// redirect policy and whatever the application's own `reqwest` builder says.
#[tokio::test]
async fn a_redirect_from_https_to_plain_http_is_refused() {
    use client_runtime::{RedirectRefusal, Redirects};
    let plain = wiremock::MockServer::start().await;
    let pki = pki();
    let location = format!("{}/api/v1/aaa/registration-token/t", plain.uri());
    let base = tls_server(&pki, false, format!("HTTP/1.1 307 Temporary Redirect\r\nlocation: {location}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n")).await;
    for redirects in [Redirects::SameOrigin, Redirects::Limited(5)] {
        let client = nsx_client::Client::builder(&base)
            .http_client(client_runtime::reqwest::Client::builder().https_only(false))
            .add_root_certificate_pem(pki.ca_pem.as_bytes())
            .redirects(redirects)
            .basic_auth("admin", "pw")
            .build()
            .unwrap();
        match client.get_registration_token("t").await {
            Err(nsx_client::Error::Redirect { reason, target, .. }) => {
                assert_eq!(reason, RedirectRefusal::Downgrade, "{redirects:?}");
                assert_eq!(target.as_deref(), Some(plain.uri().as_str()));
            }
            other => panic!("{redirects:?}: {other:?}"),
        }
    }
    assert!(plain.received_requests().await.unwrap_or_default().is_empty(), "the plain-http server was contacted");
}
