//! The clients against a hostile server: one that redirects credentials elsewhere, stalls, and
//! plants a secret in every header, `Location`, `Content-Type` parameter and malformed field it
//! can. For all five clients and every security scheme each offers, no credential or secret
//! body reaches another origin, and no secret reaches `Debug`, `Display`, an error's source
//! chain or a log line (captured at TRACE level).
//!
//! Servers are wiremock on 127.0.0.1 with OS-chosen ports; "another origin" is a second server
//! (another port) or the same port under the name `localhost`.

mod support;

use std::future::Future;
use std::pin::Pin;
use std::time::{Duration, Instant};

use client_runtime::{Error, RedirectRefusal, Redirects};
use serde_json::json;
use support::capture::*;
use support::*;
use wiremock::matchers::{any, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// What a call came to, reduced to what these tests look at (each client has its own error
/// type, so the checks on it happen in [`outcome`]).
#[derive(Debug)]
struct Outcome {
    ok: bool,
    redirect: Option<(u16, Option<String>, RedirectRefusal)>,
    timed_out: bool,
}

/// Checks that neither the value nor the error prints the secret, and reduces the result.
fn outcome<T: std::fmt::Debug, E: client_runtime::DocumentedError + 'static>(result: Result<T, Error<E>>) -> Outcome {
    match result {
        // A success holds what the server sent in fields that are not secret; secret fields
        // print redacted (tests/secrets.rs).
        Ok(_) => Outcome { ok: true, redirect: None, timed_out: false },
        Err(error) => {
            assert_error_clean("an error", &error);
            let redirect = match &error {
                Error::Redirect { status, target, reason } => Some((status.as_u16(), target.clone(), *reason)),
                _ => None,
            };
            Outcome { ok: false, redirect, timed_out: matches!(error, Error::Timeout) }
        }
    }
}

type Call = Pin<Box<dyn Future<Output = Outcome> + Send>>;

/// One client with one of its credentials (or, for vRNI's login, its secret body).
struct Case {
    name: &'static str,
    /// Whether the request carries a credential (every case but vRNI's login, which carries a
    /// secret body instead).
    credential: bool,
    /// Calls the client's operation against `base` with a redirect policy (`None`: the default)
    /// and a timeout (`None`: the default).
    call: fn(String, Option<Redirects>, Option<Duration>) -> Call,
}

/// Applies the optional settings to any generated builder.
macro_rules! configured {
    ($builder:expr, $redirects:expr, $timeout:expr) => {{
        let mut builder = $builder.allow_http();
        if let Some(redirects) = $redirects {
            builder = builder.redirects(redirects);
        }
        if let Some(timeout) = $timeout {
            builder = builder.timeout(timeout);
        }
        builder.build().unwrap()
    }};
}

#[allow(deprecated)]
fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "nsx basic",
            credential: true,
            call: |base, redirects, timeout| {
                Box::pin(async move {
                    let client = configured!(nsx_client::Client::builder(&base).basic_auth("admin", SECRET), redirects, timeout);
                    outcome(client.get_registration_token("id").await)
                })
            },
        },
        Case {
            name: "ssp basic",
            credential: true,
            call: |base, redirects, timeout| {
                Box::pin(async move {
                    let client = configured!(ssp_client::Client::builder(&base).basic_auth("ops", SECRET), redirects, timeout);
                    outcome(client.get_registration_token_status("id").await)
                })
            },
        },
        Case {
            name: "vcd bearer",
            credential: true,
            call: |base, redirects, timeout| {
                Box::pin(async move {
                    let client = configured!(vcd_client::Client::builder(&base).bearer_auth(SECRET), redirects, timeout);
                    outcome(client.get_token("s").await)
                })
            },
        },
        Case {
            name: "onezone basic",
            credential: true,
            call: |base, redirects, timeout| {
                Box::pin(async move {
                    let client = configured!(onezone_client::Client::builder(&base).basic_auth("user", SECRET), redirects, timeout);
                    outcome(client.create_provider_registration_token_for_user("u").await)
                })
            },
        },
        Case {
            name: "onezone X-Auth-Token",
            credential: true,
            call: |base, redirects, timeout| {
                Box::pin(async move {
                    let client = configured!(onezone_client::Client::builder(&base).token_auth(SECRET), redirects, timeout);
                    outcome(client.create_provider_registration_token_for_user("u").await)
                })
            },
        },
        Case {
            name: "onezone bearer",
            credential: true,
            call: |base, redirects, timeout| {
                Box::pin(async move {
                    let client = configured!(onezone_client::Client::builder(&base).bearer_auth(SECRET), redirects, timeout);
                    outcome(client.create_provider_registration_token_for_user("u").await)
                })
            },
        },
        Case {
            name: "vrni login body",
            credential: false,
            call: |base, redirects, timeout| {
                Box::pin(async move {
                    // A credential is configured too; the login operation (security: []) sends none.
                    let client = configured!(vrni_client::Client::builder(&base).network_insight_auth(SECRET), redirects, timeout);
                    let body = vrni_client::types::VidmToken { vidm_token: Some(SECRET.into()) };
                    outcome(client.create_vidm_user_token(&body).await)
                })
            },
        },
    ]
}

/// A body every client's success type accepts.
fn success() -> ResponseTemplate {
    json(200, json!({"token": "t", "roles": [], "id": "i", "name": "n", "expiry": 1}))
}

fn redirect(status: u16, location: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).insert_header("location", location)
}

/// Fails if any request `server` received carries the secret anywhere (URL, header, body).
async fn assert_nothing_secret_arrived(what: &str, server: &MockServer) {
    for request in server.received_requests().await.unwrap_or_default() {
        assert_clean(&format!("{what}: the URL sent to the other origin"), request.url.as_str());
        for (name, value) in &request.headers {
            assert_clean(&format!("{what}: header `{name}` sent to the other origin"), value.to_str().unwrap_or(""));
        }
        assert_clean(&format!("{what}: the body sent to the other origin"), &String::from_utf8_lossy(&request.body));
    }
}

const REDIRECTS: [u16; 5] = [301, 302, 303, 307, 308];

#[tokio::test]
async fn no_redirect_carries_a_credential_or_a_secret_body_to_another_origin() {
    let logs = capture_logs();
    for case in cases() {
        for status in REDIRECTS {
            for policy in [None, Some(Redirects::Limited(5))] {
                let what = format!("{} {status} {policy:?}", case.name);
                let elsewhere = MockServer::start().await;
                Mock::given(any()).respond_with(success()).mount(&elsewhere).await;
                let location = format!("{}/collect?from=redirect", elsewhere.uri());
                let server = server_answering(redirect(status, &location)).await;
                let result = (case.call)(server.uri(), policy, None).await;
                assert_nothing_secret_arrived(&what, &elsewhere).await;
                // A 301/302/303 turns the request into a GET without its body; only then, under
                // `Limited`, may a request without a credential go elsewhere.
                let may_leave = policy.is_some() && !case.credential && status <= 303;
                if may_leave {
                    assert!(result.ok, "{what}: {result:?}");
                    continue;
                }
                let (got_status, target, reason) = result.redirect.clone().unwrap_or_else(|| panic!("{what}: {result:?}"));
                assert_eq!((got_status, reason), (status, RedirectRefusal::OtherOrigin), "{what}");
                assert_eq!(target.as_deref(), Some(elsewhere.uri().as_str()), "{what}: the origin alone is named");
                assert!(elsewhere.received_requests().await.unwrap_or_default().is_empty(), "{what}: the other origin was contacted");
            }
        }
    }
    assert_clean("the logs", &logs.text());
}

#[tokio::test]
async fn the_same_port_under_another_host_name_is_another_origin() {
    for case in cases() {
        let server = MockServer::start().await;
        let port = server.address().port();
        Mock::given(path("/moved")).respond_with(success()).with_priority(1).mount(&server).await;
        Mock::given(any()).respond_with(redirect(307, &format!("http://localhost:{port}/moved"))).mount(&server).await;
        let result = (case.call)(format!("http://127.0.0.1:{port}"), None, None).await;
        assert_eq!(result.redirect.map(|(_, _, reason)| reason), Some(RedirectRefusal::OtherOrigin), "{}", case.name);
        assert_eq!(server.received_requests().await.unwrap_or_default().len(), 1, "{}", case.name);
    }
}

#[tokio::test]
async fn same_origin_redirects_are_followed_with_the_credential_and_body() {
    for case in cases() {
        for status in REDIRECTS {
            let what = format!("{} {status}", case.name);
            let server = MockServer::start().await;
            Mock::given(path("/moved")).respond_with(success()).with_priority(1).mount(&server).await;
            Mock::given(any()).respond_with(redirect(status, "/moved")).mount(&server).await;
            let result = (case.call)(server.uri(), None, None).await;
            assert!(result.ok, "{what}: {result:?}");
            let requests = server.received_requests().await.unwrap_or_default();
            assert_eq!(requests.len(), 2, "{what}");
            let (first, moved) = (&requests[0], &requests[1]);
            assert_eq!(moved.url.path(), "/moved", "{what}");
            for name in ["authorization", "x-auth-token"] {
                assert_eq!(first.headers.get(name), moved.headers.get(name), "{what}: `{name}` is sent again within the origin");
            }
            if matches!(status, 307 | 308) {
                assert_eq!((&moved.method, &moved.body), (&first.method, &first.body), "{what}: 307/308 repeat the request");
            } else {
                assert_eq!((moved.method.as_str(), moved.body.len()), ("GET", 0), "{what}: 301/302/303 become a GET without body");
            }
        }
    }
}

#[tokio::test]
async fn redirect_loops_stop_at_the_limit() {
    for case in cases() {
        let server = server_answering(redirect(302, &format!("/again?token={SECRET}"))).await;
        let result = (case.call)(server.uri(), None, None).await;
        let (_, _, reason) = result.redirect.clone().unwrap_or_else(|| panic!("{}: {result:?}", case.name));
        assert_eq!(reason, RedirectRefusal::TooMany { limit: Redirects::DEFAULT_LIMIT }, "{}", case.name);
        assert_eq!(server.received_requests().await.unwrap_or_default().len(), Redirects::DEFAULT_LIMIT + 1);
    }
}

#[tokio::test]
async fn with_redirects_off_a_redirect_is_the_operations_result() {
    for case in cases() {
        let elsewhere = MockServer::start().await;
        let server = server_answering(redirect(302, &elsewhere.uri())).await;
        let result = (case.call)(server.uri(), Some(Redirects::None), None).await;
        assert!(!result.ok && result.redirect.is_none(), "{}: {result:?}", case.name);
        assert!(elsewhere.received_requests().await.unwrap_or_default().is_empty());
    }
}

/// Everywhere a hostile server can put a secret in a response.
fn planted() -> Vec<(&'static str, ResponseTemplate)> {
    let headers = |status: u16| {
        let mut response = raw(status, "{}", &format!("application/json; charset=utf-8; token={SECRET}"));
        for name in ["www-authenticate", "x-auth-token", "set-cookie", "authorization", "x-subject-token", "x-vendor-debug", "link", "etag", "retry-after", "proxy-authenticate"] {
            response = response.insert_header(name, format!("Bearer {SECRET}").as_str());
        }
        response.insert_header("location", format!("https://user:{SECRET}@example.com/a/{SECRET}?token={SECRET}").as_str())
    };
    vec![
        ("headers of an undocumented status", headers(418)),
        ("headers of a documented error", headers(400)),
        ("headers of a success", headers(200)),
        ("a content type that is the secret", raw(418, "", &format!("{SECRET}/json"))),
        ("a string where a number belongs", json(200, json!({"token": "t", "roles": [], "id": "i", "name": "n", "expiry": SECRET}))),
        ("escaped quotes", json(200, json!({"token": 5, "roles": format!("a\" {SECRET} \"b"), "id": format!("\\\"{SECRET}"), "name": 5, "expiry": format!("x\", expected {SECRET}")}))),
        ("backticks", json(200, json!({"token": [format!("`{SECRET}`")], "roles": [format!("`{SECRET}`")], "id": 1, "name": {format!("`{SECRET}`"): 1}, "status": format!("`{SECRET}`, expected `a`"), "expiry": true}))),
        ("a secret as an object key", json(200, json!({"token": {SECRET: SECRET}, "roles": {SECRET: 1}, "id": {SECRET: 1}, "name": {SECRET: 1}, "expiry": {SECRET: 1}}))),
        ("trailing text", raw(200, &format!(r#"{{"token": "t", "roles": [], "id": "i", "name": "n", "expiry": 1}} {SECRET}"#), "application/json")),
        ("a truncated body", raw(200, &format!(r#"{{"token": "{SECRET}"#), "application/json")),
        ("a body too large", raw(200, &format!("{{\"token\": \"{}\"}}", SECRET.repeat(2_000_000)), "application/json")),
        ("a location with userinfo", redirect(302, &format!("http://user:{SECRET}@127.0.0.1:1/{SECRET}?token={SECRET}"))),
        ("an unusable location", redirect(302, &format!("ht!tp://{SECRET}"))),
    ]
}

#[tokio::test]
async fn no_planted_secret_reaches_any_output() {
    let logs = capture_logs();
    for case in cases() {
        for (place, response) in planted() {
            let server = server_answering(response).await;
            // The checks are in `outcome`; whatever the result, it printed nothing secret.
            let _ = (case.call)(server.uri(), None, None).await;
            let _ = place;
        }
    }
    let text = logs.text();
    assert!(text.contains("redirect not followed"), "the capture works and logs redirects: {text}");
    assert_clean("the logs", &text);
}

/// A server that sends a response head and then nothing, keeping the connection open.
async fn stalling_server() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let mut open = Vec::new();
        while let Ok((mut socket, _)) = listener.accept().await {
            use tokio::io::{AsyncReadExt, AsyncWriteExt};
            let mut request = [0u8; 4096];
            let _ = socket.read(&mut request).await;
            let _ = socket.write_all(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{").await;
            open.push(socket);
        }
    });
    format!("http://{address}")
}

#[tokio::test]
async fn a_stalled_server_meets_the_default_timeout() {
    let base = stalling_server().await;
    let started = Instant::now();
    let mut calls = Vec::new();
    for case in cases() {
        calls.push(tokio::spawn((case.call)(base.clone(), None, None)));
    }
    for call in calls {
        let result = call.await.unwrap();
        assert!(result.timed_out, "{result:?}");
    }
    let elapsed = started.elapsed();
    // The default, not some other timer, ended the calls.
    let default = client_runtime::DEFAULT_TIMEOUT;
    assert!(elapsed >= default && elapsed < default + Duration::from_secs(20), "{elapsed:?}");
}

#[tokio::test]
async fn a_configured_timeout_replaces_the_default() {
    let base = stalling_server().await;
    for case in cases() {
        let result = (case.call)(base.clone(), None, Some(TIMEOUT)).await;
        assert!(result.timed_out, "{}: {result:?}", case.name);
    }
}
