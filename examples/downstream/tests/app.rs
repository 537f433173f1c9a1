//! The application against local servers, one test per need of issue 14: the typed mock, a
//! cloned client shared by tasks, a per-call header and timeout, a response header, a retried
//! 503 honouring `Retry-After`, an unknown enum value, a private-CA TLS server, and a span
//! captured by a subscriber.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use downstream::{audit_all, audit_token, nsx_auditor, vcd_token_kind, TokenAudit};
use nsx_client::mock::MockServer;
use nsx_client::{types, Error, GetRegistrationTokenError};

fn token(roles: &[&str]) -> types::RegistrationToken {
    types::RegistrationToken { token: "t".into(), roles: roles.iter().map(|role| role.to_string()).collect(), user: None }
}

fn not_found() -> GetRegistrationTokenError {
    GetRegistrationTokenError::NotFound(types::ApiError { error_message: Some("no such token".into()), ..Default::default() })
}

#[tokio::test]
async fn the_typed_mock_stands_in_for_nsx_with_a_response_header() {
    let server = MockServer::start().await;
    server.get_registration_token(Ok(token(&["auditor"]))).header("etag", "\"3\"").expect(1).await;
    let client = nsx_auditor(server.client_builder().basic_auth("admin", "pw")).unwrap();
    let audit = audit_token(&client, "tok-1", "req-1", Duration::from_secs(5)).await.unwrap();
    assert_eq!(audit, TokenAudit { id: "tok-1".into(), roles: Some(vec!["auditor".into()]), etag: Some("\"3\"".into()) });
    let request = &server.received_requests().await[0];
    assert_eq!(request.headers.get("x-request-id").map(|value| value.as_bytes()), Some(&b"req-1"[..]));
}

#[tokio::test]
async fn a_documented_404_is_an_audit_result_not_a_failure() {
    let server = MockServer::start().await;
    server.get_registration_token(Err(not_found())).await;
    let client = nsx_auditor(server.client_builder()).unwrap();
    let audit = audit_token(&client, "gone", "req-2", Duration::from_secs(5)).await.unwrap();
    assert_eq!(audit.roles, None);
}

#[tokio::test]
async fn one_cloned_client_serves_many_tasks() {
    let server = MockServer::start().await;
    server.get_registration_token(Ok(token(&["r"]))).expect(3).await;
    let client = nsx_auditor(server.client_builder()).unwrap();
    let audits = audit_all(&client, &["a", "b", "c"]).await;
    let ids: Vec<String> = audits.into_iter().map(|audit| audit.unwrap().id).collect();
    assert_eq!(ids, ["a", "b", "c"]);
}

#[tokio::test]
async fn a_per_call_timeout_cuts_a_slow_server_short() {
    let server = MockServer::start().await;
    server.get_registration_token(Ok(token(&[]))).delay(Duration::from_secs(2)).await;
    let client = nsx_auditor(server.client_builder()).unwrap();
    let error = audit_token(&client, "t", "req-3", Duration::from_millis(100)).await.unwrap_err();
    assert!(matches!(error, Error::Timeout), "{error:?}");
}

#[tokio::test]
async fn a_busy_nsx_is_asked_again_after_its_retry_after() {
    let server = MockServer::start().await;
    let busy = GetRegistrationTokenError::ServiceUnavailable(types::ApiError::default());
    server.get_registration_token(Err(busy)).header("retry-after", "1").up_to(1).await;
    server.get_registration_token(Ok(token(&["r"]))).await;
    let client = nsx_auditor(server.client_builder()).unwrap();
    let started = Instant::now();
    let audit = audit_token(&client, "t", "req-4", Duration::from_secs(5)).await.unwrap();
    assert_eq!(audit.roles, Some(vec!["r".to_owned()]));
    assert_eq!(server.received_requests().await.len(), 2);
    assert!(started.elapsed() >= Duration::from_secs(1), "the second attempt waited for Retry-After");
}

#[tokio::test]
async fn a_newer_cloud_director_token_kind_is_kept() {
    let server = vcd_client::mock::MockServer::start().await;
    let token = vcd_client::types::Token {
        id: "urn:vcloud:token:1".into(),
        name: "svc".into(),
        type_: Some(vcd_client::types::TokenType::Unknown("SERVICE_ACCOUNT".into())),
        expiration_time_utc: None,
        org: None,
        org_name: None,
        owner: None,
        token: None,
        user_id: None,
        username: None,
    };
    server.get_token(Ok(token)).await;
    let client = server.client_builder().bearer_auth("jwt").build().unwrap();
    assert_eq!(vcd_token_kind(&client, "s1").await.unwrap().as_deref(), Some("SERVICE_ACCOUNT"));
}

#[derive(Clone, Default)]
struct Lines(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Lines {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn the_call_span_nests_in_the_applications_span() {
    use tracing_subscriber::layer::SubscriberExt;
    let server = MockServer::start().await;
    server.get_registration_token(Ok(token(&[]))).await;
    let client = nsx_auditor(server.client_builder()).unwrap();
    let lines = Lines::default();
    let writer = lines.clone();
    let subscriber = tracing_subscriber::registry()
        .with(
            tracing_subscriber::fmt::layer()
                .with_ansi(false)
                .with_span_events(tracing_subscriber::fmt::format::FmtSpan::CLOSE)
                .with_writer(move || writer.clone()),
        )
        .with(tracing_subscriber::filter::Targets::new().with_target("client_runtime", tracing::Level::INFO).with_target("downstream", tracing::Level::INFO));
    {
        let _guard = tracing::subscriber::set_default(subscriber);
        audit_token(&client, "t", "req-5", Duration::from_secs(5)).await.unwrap();
    }
    let text = String::from_utf8_lossy(&lines.0.lock().unwrap()).into_owned();
    assert!(
        text.lines().any(|line| line.contains("audit{request_id=\"req-5\"}:client_call{operation=\"GetRegistrationToken\"")
            && line.contains("status=200")
            && line.contains("attempts=1")),
        "{text}"
    );
}

mod tls {
    //! A TLS server on 127.0.0.1 whose certificate comes from a CA made here.
    use std::sync::Arc;

    use rcgen::{BasicConstraints, CertificateParams, IsCa, KeyPair};
    use rustls::pki_types::{PrivateKeyDer, PrivatePkcs8KeyDer};
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    /// Starts the server; returns its base URL and the CA certificate in PEM.
    pub async fn server(body: &'static str) -> (String, String) {
        let ca_key = KeyPair::generate().unwrap();
        let mut ca = CertificateParams::new(Vec::<String>::new()).unwrap();
        ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        let ca = ca.self_signed(&ca_key).unwrap();
        let key = KeyPair::generate().unwrap();
        let certificate = CertificateParams::new(vec!["127.0.0.1".to_owned()]).unwrap().signed_by(&key, &ca, &ca_key).unwrap();
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_no_client_auth()
            .with_single_cert(vec![certificate.der().clone()], PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der())))
            .unwrap();
        let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let Ok(mut stream) = acceptor.accept(stream).await else { continue };
                let mut request = Vec::new();
                let mut buffer = [0_u8; 1024];
                while !request.windows(4).any(|window| window == b"\r\n\r\n") {
                    match stream.read(&mut buffer).await {
                        Ok(0) | Err(_) => break,
                        Ok(read) => request.extend_from_slice(&buffer[..read]),
                    }
                }
                let head = format!("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n", body.len());
                let _ = stream.write_all(format!("{head}{body}").as_bytes()).await;
                let _ = stream.shutdown().await;
            }
        });
        (format!("https://{address}"), ca.pem())
    }
}

#[tokio::test]
async fn an_on_premises_nsx_with_a_private_ca_is_trusted_through_the_builder() {
    let (base, ca_pem) = tls::server(r#"{"token": "t", "roles": ["enterprise_admin"]}"#).await;
    let client = nsx_auditor(nsx_client::Client::builder(&base).add_root_certificate_pem(ca_pem.as_bytes()).basic_auth("admin", "pw")).unwrap();
    let audit = audit_token(&client, "t", "req-6", Duration::from_secs(5)).await.unwrap();
    assert_eq!(audit.roles, Some(vec!["enterprise_admin".to_owned()]));
}
