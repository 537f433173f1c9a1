//! The generated clients over real HTTP: for every operation and every documented status, what
//! arrives at the server and the exact typed value the client returns; then what each client
//! does when the server misbehaves. The server is wiremock on 127.0.0.1 with an OS-chosen port.

mod support;

use std::fmt::Debug;
use std::future::Future;

use client_runtime::{DocumentedError, Error, Secret, StatusCode};
use serde_json::json;
use support::*;
use wiremock::ResponseTemplate;

// ---------------------------------------------------------------------------------------------
// NSX: GET /aaa/registration-token/{token}, HTTP Basic, six errors sharing ApiError.

mod nsx {
    use super::*;
    use nsx_client::{types, Client, GetRegistrationTokenError as E};

    pub fn client(base: &str) -> Client {
        Client::builder(&format!("{base}/api/v1")).allow_http().timeout(TIMEOUT).basic_auth("admin", "pa55").build().unwrap()
    }

    fn api_error() -> serde_json::Value {
        json!({
            "module_name": "aaa", "error_message": "token not found", "error_code": 98,
            "details": "d", "error_data": {"k": 1},
            "related_errors": [{"module_name": "m", "error_message": "r", "error_code": 7, "details": "x"}]
        })
    }

    #[tokio::test]
    async fn success_returns_the_registration_token_and_sends_what_the_spec_says() {
        let server = server_answering(json(200, json!({"token": "tok-1", "roles": ["enterprise_admin"], "user": "u1"}))).await;
        let token = client(&server.uri()).get_registration_token("a/b c?d").await.unwrap();
        assert_eq!(
            token,
            types::RegistrationToken { token: Secret::new("tok-1"), roles: vec!["enterprise_admin".into()], user: Some("u1".into()) }
        );
        let request = only_request(&server).await;
        assert_eq!(request.method.as_str(), "GET");
        assert_eq!(request.url.path(), "/api/v1/aaa/registration-token/a%2Fb%20c%3Fd");
        assert_eq!(request.url.query(), None);
        assert_eq!(header(&request, "accept").as_deref(), Some("application/json"));
        assert_eq!(header(&request, "authorization"), Some(basic("admin", "pa55")));
        assert_eq!(header(&request, "user-agent").as_deref(), Some("nsx-client/0.1.0"));
        assert_only_headers(&request, &["accept", "authorization"]);
        assert!(request.body.is_empty());
    }

    #[tokio::test]
    async fn a_configured_reqwest_builder_is_used_under_the_clients_own_rules() {
        let server = server_answering(json(200, json!({"token": "t", "roles": []}))).await;
        let mut headers = client_runtime::reqwest::header::HeaderMap::new();
        headers.insert("x-proxy-tag", "blue".parse().unwrap());
        // The user's builder asks for plain-http-friendly, redirect-following settings; the
        // client's own rules are applied on top of it.
        let http = client_runtime::reqwest::Client::builder()
            .default_headers(headers)
            .https_only(false)
            .redirect(client_runtime::reqwest::redirect::Policy::limited(10));
        let client = Client::builder(&server.uri()).allow_http().user_agent("custom/1").http_client(http).build().unwrap();
        client.get_registration_token("t").await.unwrap();
        let request = only_request(&server).await;
        assert_eq!(header(&request, "x-proxy-tag").as_deref(), Some("blue"));
        assert_eq!(header(&request, "user-agent").as_deref(), Some("custom/1"));
        assert_eq!(header(&request, "authorization"), None, "no credentials were configured");
    }

    #[test]
    fn base_urls_must_be_https_unless_plain_http_is_asked_for() {
        assert!(Client::new("https://nsx.example.com/api/v1").is_ok());
        let error = Client::new("http://nsx.example.com/api/v1").unwrap_err();
        assert!(error.to_string().contains("allow_http"), "{error}");
        assert!(Client::builder("http://nsx.example.com").allow_http().build().is_ok());
        assert!(Client::new("nsx.example.com").is_err());
        assert_eq!(Client::new("https://nsx.example.com/api/v1/").unwrap().base_url(), "https://nsx.example.com/api/v1");
        assert_eq!(nsx_client::server_url("nsx.corp"), "https://nsx.corp/api/v1");
    }

    #[tokio::test]
    async fn every_documented_error_status_is_its_own_variant_with_the_documented_body() {
        let expected: types::ApiError = serde_json::from_value(api_error()).unwrap();
        for status in [400, 403, 404, 412, 500, 503] {
            let server = server_answering(json(status, api_error())).await;
            let error = client(&server.uri()).get_registration_token("t").await.unwrap_err();
            let body = match error.documented() {
                Some(E::BadRequest(body)) if status == 400 => body,
                Some(E::Forbidden(body)) if status == 403 => body,
                Some(E::NotFound(body)) if status == 404 => body,
                Some(E::PreconditionFailed(body)) if status == 412 => body,
                Some(E::InternalServerError(body)) if status == 500 => body,
                Some(E::ServiceUnavailable(body)) if status == 503 => body,
                other => panic!("{status} became {other:?}"),
            };
            assert_eq!(body, &expected);
            assert_eq!(error.status(), Some(StatusCode::from_u16(status).unwrap()));
            assert_eq!(error.is_retryable(), status == 503, "{status}");
            assert!(error.to_string().starts_with(&format!("the server answered {status}")), "{error}");
        }
    }

    #[tokio::test]
    async fn misbehaving_servers_give_specific_errors() {
        bad_server_cases(|base| async move { client(&base).get_registration_token("t").await }, false).await;
    }
}

// ---------------------------------------------------------------------------------------------
// SSP: GET /baremetal/registration-tokens/{token-id}/status, HTTP Basic, only `default` errors.

mod ssp {
    use super::*;
    use ssp_client::{types, Client, GetRegistrationTokenStatusError as E};

    pub fn client(base: &str) -> Client {
        Client::builder(base).allow_http().timeout(TIMEOUT).basic_auth("ops", "pw").build().unwrap()
    }

    #[tokio::test]
    async fn success_returns_the_token_status_with_every_field() {
        let body = json!({
            "id": "rt-1", "display_name": "rack-7", "description": "rack seven", "allowed_instance_count": 10,
            "remaining_instance_count": 9_000_000_000_i64, "status": "AVAILABLE",
            "expiration_timestamp": 1_700_000_000_000_i64, "registration_manifest": "manifest"
        });
        let server = server_answering(json(200, body)).await;
        let status = client(&server.uri()).get_registration_token_status("rt 1").await.unwrap();
        assert_eq!(
            status,
            types::TokenStatusInfo {
                id: Some("rt-1".into()),
                display_name: Some("rack-7".parse().unwrap()),
                description: Some("rack seven".parse().unwrap()),
                allowed_instance_count: Some(10),
                remaining_instance_count: Some(9_000_000_000),
                status: Some(types::TokenStatusInfoStatus::Available),
                expiration_timestamp: Some(1_700_000_000_000),
                registration_manifest: Some(Secret::new("manifest")),
            }
        );
        let request = only_request(&server).await;
        assert_eq!(request.method.as_str(), "GET");
        assert_eq!(request.url.path(), "/baremetal/registration-tokens/rt%201/status");
        assert_eq!(header(&request, "accept").as_deref(), Some("application/json"));
        assert_eq!(header(&request, "authorization"), Some(basic("ops", "pw")));
        assert_only_headers(&request, &["accept", "authorization"]);
    }

    #[tokio::test]
    async fn the_default_error_keeps_the_actual_status_and_the_parsed_body() {
        for status in [400, 404, 500, 503] {
            let server = server_answering(json(status, json!({"error_code": status, "error_message": "no", "module_name": "bm"}))).await;
            let error = client(&server.uri()).get_registration_token_status("x").await.unwrap_err();
            match error.documented() {
                Some(E::Default { status: actual, body }) => {
                    assert_eq!(actual.as_u16(), status);
                    assert_eq!(body, &types::ErrorBody { error_code: status.into(), error_message: "no".into(), module_name: Some("bm".into()) });
                }
                other => panic!("{status} became {other:?}"),
            }
            assert_eq!(error.is_retryable(), status == 503);
        }
    }

    #[tokio::test]
    async fn a_response_breaking_the_length_constraints_is_an_invalid_body() {
        let server = server_answering(json(200, json!({"display_name": "ab"}))).await;
        let error = client(&server.uri()).get_registration_token_status("x").await.unwrap_err();
        assert!(matches!(error, Error::InvalidBody { .. }), "{error:?}");
        assert!(error.to_string().contains("shorter than 3 characters"), "{error}");
    }

    #[tokio::test]
    async fn misbehaving_servers_give_specific_errors() {
        bad_server_cases(|base| async move { client(&base).get_registration_token_status("x").await }, true).await;
    }
}

// ---------------------------------------------------------------------------------------------
// VCD: GET /1.0.0/sessions/{id}/token (id must match `^((?!provider|current).)*$`), bearer JWT, versioned Accept.

mod vcd {
    use super::*;
    use vcd_client::{types, Client, GetTokenError as E};

    pub fn client(base: &str) -> Client {
        Client::builder(&format!("{base}/cloudapi")).allow_http().timeout(TIMEOUT).bearer_auth("jwt.value").build().unwrap()
    }

    #[tokio::test]
    async fn success_sends_the_versioned_accept_and_the_bearer_token() {
        let body = json!({
            "id": "urn:vcloud:token:1", "name": "proxy-token", "expirationTimeUtc": "2026-11-23T10:00:00Z",
            "org": {"id": "urn:vcloud:org:1", "name": "org1"}, "orgName": "org1",
            "owner": {"id": "urn:vcloud:user:1", "name": "alice"}, "token": "t0k", "type": "PROXY",
            "userId": "urn:vcloud:user:1", "username": "alice"
        });
        let server = server_answering(raw(200, &body.to_string(), "application/json;version=36.3")).await;
        let token = client(&server.uri()).get_token("urn:vcloud:session:1/2").await.unwrap();
        let expected: types::Token = serde_json::from_value(body).unwrap();
        assert_eq!(token, expected);
        assert_eq!(token.type_, Some(types::TokenType::Proxy));
        assert_eq!(token.token, Some(Secret::new("t0k")));
        let request = only_request(&server).await;
        assert_eq!(request.method.as_str(), "GET");
        assert_eq!(request.url.path(), "/cloudapi/1.0.0/sessions/urn%3Avcloud%3Asession%3A1%2F2/token");
        assert_eq!(header(&request, "accept").as_deref(), Some("application/json;version=36.3"));
        assert_eq!(header(&request, "authorization").as_deref(), Some("Bearer jwt.value"));
        assert_only_headers(&request, &["accept", "authorization"]);
    }

    #[tokio::test]
    async fn documented_errors_carry_the_vcd_error_body() {
        for status in [400, 404] {
            let body = json!({"minorErrorCode": "BAD", "message": "bad session", "stackTrace": "at x"});
            let server = server_answering(raw(status, &body.to_string(), "application/json;version=36.3")).await;
            let error = client(&server.uri()).get_token("s1").await.unwrap_err();
            let expected = types::ErrorBody { minor_error_code: "BAD".into(), message: "bad session".into(), stack_trace: Some("at x".into()) };
            match error.documented() {
                Some(E::BadRequest(body)) if status == 400 => assert_eq!(body, &expected),
                Some(E::NotFound(body)) if status == 404 => assert_eq!(body, &expected),
                other => panic!("{status} became {other:?}"),
            }
        }
    }

    #[tokio::test]
    async fn the_reserved_session_ids_are_refused_before_anything_is_sent() {
        let server = server_answering(json(200, json!({}))).await;
        for id in ["provider", "current"] {
            let error = client(&server.uri()).get_token(id).await.unwrap_err();
            assert!(matches!(&error, Error::InvalidRequest(message) if message.contains("`id` must match")), "{error:?}");
            assert!(!error.is_retryable());
        }
        assert!(server.received_requests().await.unwrap_or_default().is_empty());
    }

    #[tokio::test]
    async fn misbehaving_servers_give_specific_errors() {
        bad_server_cases(|base| async move { client(&base).get_token("s1").await }, false).await;
    }
}

// ---------------------------------------------------------------------------------------------
// Onezone: POST /users/{id}/clusters/provider_registration_token (deprecated), three schemes.

#[allow(deprecated)]
mod onezone {
    use super::*;
    use onezone_client::{types, Client, CreateProviderRegistrationTokenForUserError as E};

    pub fn client(base: &str) -> Client {
        Client::builder(&format!("{base}/api/v3/onezone")).allow_http().timeout(TIMEOUT).basic_auth("user", "pw").build().unwrap()
    }

    #[tokio::test]
    async fn success_posts_without_a_body_and_returns_the_token() {
        let server = server_answering(json(200, json!({"token": "JKAxNWxvY2F0aW9u"}))).await;
        let token = client(&server.uri()).create_provider_registration_token_for_user("99b930e38a8f46a1a0036db7d6422591").await.unwrap();
        assert_eq!(token, types::ProviderRegistrationToken { token: Secret::new("JKAxNWxvY2F0aW9u") });
        let request = only_request(&server).await;
        assert_eq!(request.method.as_str(), "POST");
        assert_eq!(request.url.path(), "/api/v3/onezone/users/99b930e38a8f46a1a0036db7d6422591/clusters/provider_registration_token");
        assert_eq!(header(&request, "accept").as_deref(), Some("application/json"));
        assert_eq!(header(&request, "authorization"), Some(basic("user", "pw")));
        assert_only_headers(&request, &["accept", "authorization"]);
        assert!(request.body.is_empty());
    }

    #[tokio::test]
    async fn every_documented_error_status_is_its_own_variant() {
        let body = json!({"error": {"id": "badValueString", "details": {"key": "name"}, "description": "Bad value"}});
        let expected: types::ErrorBody = serde_json::from_value(body.clone()).unwrap();
        assert_eq!(expected.error.id, "badValueString");
        for status in [400, 401, 403, 404, 500] {
            let server = server_answering(json(status, body.clone())).await;
            let error = client(&server.uri()).create_provider_registration_token_for_user("u").await.unwrap_err();
            let got = match error.documented() {
                Some(E::BadRequest(body)) if status == 400 => body,
                Some(E::Unauthorized(body)) if status == 401 => body,
                Some(E::Forbidden(body)) if status == 403 => body,
                Some(E::NotFound(body)) if status == 404 => body,
                Some(E::InternalServerError(body)) if status == 500 => body,
                other => panic!("{status} became {other:?}"),
            };
            assert_eq!(got, &expected);
        }
    }

    #[tokio::test]
    async fn misbehaving_servers_give_specific_errors() {
        bad_server_cases(|base| async move { client(&base).create_provider_registration_token_for_user("u").await }, false).await;
    }
}

// ---------------------------------------------------------------------------------------------
// vRNI: POST /auth/token/vidm, no auth; JSON 400/404/412 beside bodyless 401/500.

mod vrni {
    use super::*;
    use vrni_client::{types, Client, CreateVidmUserTokenError as E};

    pub fn client(base: &str) -> Client {
        Client::builder(&format!("{base}/api/ni")).allow_http().timeout(TIMEOUT).build().unwrap()
    }

    fn request_body() -> types::VidmToken {
        types::VidmToken { vidm_token: Some(Secret::new("vidm-access")) }
    }

    #[tokio::test]
    async fn success_posts_the_vidm_token_as_json_and_returns_the_api_token() {
        let server = server_answering(json(200, json!({"token": "Mgs2YX0ZSY+gHW6RYypeeA==", "expiry": 1605201960327_i64}))).await;
        let token = client(&server.uri()).create_vidm_user_token(&request_body()).await.unwrap();
        assert_eq!(token, types::Token { token: Some(Secret::new("Mgs2YX0ZSY+gHW6RYypeeA==")), expiry: Some(1605201960327) });
        let request = only_request(&server).await;
        assert_eq!(request.method.as_str(), "POST");
        assert_eq!(request.url.path(), "/api/ni/auth/token/vidm");
        assert_eq!(header(&request, "content-type").as_deref(), Some("application/json"));
        assert_eq!(header(&request, "accept").as_deref(), Some("application/json"));
        assert_only_headers(&request, &["accept", "content-type"]);
        let sent: serde_json::Value = serde_json::from_slice(&request.body).unwrap();
        assert_eq!(sent, json!({"vidm_token": "vidm-access"}));
    }

    #[tokio::test]
    async fn json_and_bodyless_errors_are_each_their_own_variant() {
        let body = json!({"code": 12, "message": "bad", "details": [{"code": 1, "message": "m", "target": ["vidm_token"]}]});
        let expected: types::ApiError = serde_json::from_value(body.clone()).unwrap();
        for status in [400, 401, 404, 412, 500] {
            // Bodyless statuses ignore whatever body the server sends.
            let response = if matches!(status, 401 | 500) { raw(status, "<html>no</html>", "text/html") } else { json(status, body.clone()) };
            let server = server_answering(response).await;
            let error = client(&server.uri()).create_vidm_user_token(&request_body()).await.unwrap_err();
            match error.documented() {
                Some(E::BadRequest(got)) if status == 400 => assert_eq!(got, &expected),
                Some(E::Unauthorized) if status == 401 => {}
                Some(E::NotFound(got)) if status == 404 => assert_eq!(got, &expected),
                Some(E::PreconditionFailed(got)) if status == 412 => assert_eq!(got, &expected),
                Some(E::InternalServerError) if status == 500 => {}
                other => panic!("{status} became {other:?}"),
            }
            assert_eq!(error.status().map(|status| status.as_u16()), Some(status));
        }
    }

    #[tokio::test]
    async fn misbehaving_servers_give_specific_errors() {
        bad_server_cases(|base| async move { client(&base).create_vidm_user_token(&request_body()).await }, false).await;
    }
}

// ---------------------------------------------------------------------------------------------
// What every client does when the server misbehaves.

/// Runs `call` against servers that misbehave in each way the issue lists and checks the
/// specific error. `default_documented`: the operation documents a `default` response, so an
/// undocumented status is a documented error (if its body parses) rather than an unexpected one.
async fn bad_server_cases<T, E, F, Fut>(call: F, default_documented: bool)
where
    T: Debug,
    E: DocumentedError,
    F: Fn(String) -> Fut,
    Fut: Future<Output = Result<T, Error<E>>>,
{
    let run = |response: ResponseTemplate| {
        let call = &call;
        async move {
            let server = server_answering(response).await;
            call(server.uri()).await.expect_err("the misbehaving server's answer was accepted")
        }
    };

    let truncated = r#"{"token": "abc", "roles": ["#;
    match run(raw(200, truncated, "application/json")).await {
        Error::InvalidBody { status, body, source } => {
            assert_eq!((status.as_u16(), &body[..]), (200, truncated.as_bytes()));
            assert_eq!(source.kind(), client_runtime::ParseErrorKind::UnexpectedEnd, "{source}");
        }
        other => panic!("truncated JSON gave {other:?}"),
    }

    // Every client's success type has a string field among these, so a number there is wrong.
    let wrong_types = json!({"token": 5, "roles": 5, "id": 5, "name": 5, "expiry": "soon"});
    match run(json(200, wrong_types)).await {
        Error::InvalidBody { status, source, .. } => {
            assert_eq!(status, 200);
            assert_eq!(source.kind(), client_runtime::ParseErrorKind::WrongType, "{source}");
            assert!(source.to_string().contains("wrong type"), "{source}");
        }
        other => panic!("wrong field types gave {other:?}"),
    }

    let error = run(ResponseTemplate::new(200).insert_header("content-type", "application/json")).await;
    assert!(matches!(&error, Error::InvalidBody { status, body, .. } if *status == 200 && body.is_empty()), "empty body gave {error:?}");

    let page = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    let error = run(raw(502, page, "text/html")).await;
    match (&error, default_documented) {
        (Error::UnexpectedStatus { status, headers, body }, false) => {
            assert_eq!((status.as_u16(), &body[..]), (502, page.as_bytes()));
            assert_eq!(headers.get("content-type").unwrap(), "text/html");
        }
        (Error::InvalidBody { status, body, .. }, true) => assert_eq!((status.as_u16(), &body[..]), (502, page.as_bytes())),
        _ => panic!("an HTML error page gave {error:?}"),
    }
    assert!(error.is_retryable(), "a 502 is worth retrying");
    assert_eq!(error.status(), Some(StatusCode::BAD_GATEWAY));

    let teapot = json!({"error_code": 418, "error_message": "short and stout"});
    let error = run(json(418, teapot.clone())).await;
    match (&error, default_documented) {
        (Error::UnexpectedStatus { status, body, .. }, false) => {
            assert_eq!(status.as_u16(), 418);
            assert_eq!(serde_json::from_slice::<serde_json::Value>(body).unwrap(), teapot);
        }
        (Error::Documented(documented), true) => assert_eq!(documented.status().as_u16(), 418),
        _ => panic!("an undocumented status gave {error:?}"),
    }
    assert!(!error.is_retryable());
    assert!(error.to_string().contains("418"), "{error}");

    let slow = json(200, json!({})).set_delay(TIMEOUT * 5);
    let error = run(slow).await;
    assert!(matches!(error, Error::Timeout), "a slow server gave {error:?}");
    assert!(error.is_retryable());

    let huge = ResponseTemplate::new(200).set_body_raw(vec![b' '; 20 * 1024 * 1024], "application/json");
    let error = run(huge).await;
    assert!(matches!(error, Error::BodyTooLarge { status, limit } if status == 200 && limit == 10 * 1024 * 1024), "a 20 MB body gave {error:?}");

    // Nothing listens on a port just released by the OS.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap();
    let error = call(format!("http://{closed}")).await.expect_err("a closed port answered");
    assert!(matches!(error, Error::Transport(_)), "a refused connection gave {error:?}");
    assert!(error.is_retryable() && error.status().is_none());
}
