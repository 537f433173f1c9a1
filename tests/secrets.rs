//! Authentication as each real server wants it, and secret hygiene: a known secret is planted
//! in every credential, every secret field of every response, and every error path; clients,
//! builders, responses and errors are formatted with `{:?}` and `{}`, every log line is
//! captured, and the secret must appear nowhere.

mod support;

use std::time::{Duration, UNIX_EPOCH};

use client_runtime::Error;
use serde_json::json;
use support::capture::*;
use support::*;

/// The error paths every client shares, each with the secret in what the server sends.
async fn error_paths<T, E, F, Fut>(call: F)
where
    T: std::fmt::Debug,
    E: client_runtime::DocumentedError + 'static,
    F: Fn(String) -> Fut,
    Fut: std::future::Future<Output = Result<T, Error<E>>>,
{
    let responses = [
        // The secret where a number or list is expected: the parser quotes it.
        // (SSP's `status` enum is open now, so its counts carry the secret instead.)
        json(200, json!({"token": 5, "roles": SECRET, "id": SECRET, "name": 5, "expiry": SECRET, "status": SECRET, "allowed_instance_count": SECRET})),
        raw(200, &format!(r#"{{"token": "{SECRET}", "roles": ["#), "application/json"),
        raw(418, &format!("token={SECRET}"), "text/plain").insert_header("set-cookie", format!("session={SECRET}").as_str()),
        raw(502, &format!("<html>{SECRET}</html>"), "text/html"),
        json(200, json!({})).set_delay(TIMEOUT * 5),
    ];
    for response in responses {
        let server = server_answering(response).await;
        let error = call(server.uri()).await.expect_err("a bad response was accepted");
        assert_error_clean("an error", &error);
    }
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap();
    let error = call(format!("http://{closed}")).await.expect_err("a closed port answered");
    assert_error_clean("a transport error", &error);
}

// ---------------------------------------------------------------------------------------------

mod nsx {
    use super::*;
    use nsx_client::Client;

    #[tokio::test]
    async fn basic_auth_and_no_secret_anywhere() {
        let logs = capture_logs();
        let builder = Client::builder("http://127.0.0.1:1/api/v1").basic_auth("admin", SECRET);
        assert_debug_clean("the builder", &builder);
        let server = server_answering(json(200, json!({"token": SECRET, "roles": ["r"]}))).await;
        let client = Client::builder(&format!("{}/api/v1", server.uri())).allow_http().basic_auth("admin", SECRET).build().unwrap();
        assert_debug_clean("the client", &client);
        // A request builder holds its arguments, and the argument here is the token itself.
        let request = client.get_registration_token(SECRET).timeout(TIMEOUT);
        assert_debug_clean("a request builder", &request);
        assert!(format!("{request:?}").contains("GetRegistrationToken"), "{request:?}");
        let token = client.get_registration_token("id").await.unwrap();
        assert_eq!(token.token.expose(), SECRET);
        assert_debug_clean("the response", &token);
        assert_eq!(header(&only_request(&server).await, "authorization"), Some(basic("admin", SECRET)));
        error_paths(|base| async move {
            let client = Client::builder(&base).allow_http().timeout(TIMEOUT).basic_auth("admin", SECRET).build().unwrap();
            client.get_registration_token("id").await
        })
        .await;
        // The capture works: the runtime logged the operation (and nothing secret with it).
        let text = logs.text();
        assert!(text.contains("operation=\"GetRegistrationToken\""), "no log line was captured: {text}");
        assert_clean("the logs", &text);
    }
}

mod ssp {
    use super::*;
    use ssp_client::Client;

    #[tokio::test]
    async fn basic_auth_and_no_secret_anywhere() {
        let logs = capture_logs();
        let server = server_answering(json(200, json!({"registration_manifest": SECRET}))).await;
        let client = Client::builder(&server.uri()).allow_http().basic_auth("ops", SECRET).build().unwrap();
        assert_debug_clean("the client", &client);
        let status = client.get_registration_token_status("id").await.unwrap();
        assert_debug_clean("the response", &status);
        assert_eq!(status.registration_manifest.as_ref().map(|secret| secret.expose()), Some(SECRET));
        assert_eq!(header(&only_request(&server).await, "authorization"), Some(basic("ops", SECRET)));
        error_paths(|base| async move {
            Client::builder(&base).allow_http().timeout(TIMEOUT).basic_auth("ops", SECRET).build().unwrap().get_registration_token_status("id").await
        })
        .await;
        assert_clean("the logs", &logs.text());
    }
}

mod vcd {
    use super::*;
    use vcd_client::Client;

    #[tokio::test]
    async fn bearer_jwt_and_no_secret_anywhere() {
        let logs = capture_logs();
        let server = server_answering(json(200, json!({"id": "i", "name": "n", "token": SECRET}))).await;
        let client = Client::builder(&server.uri()).allow_http().bearer_auth(SECRET).build().unwrap();
        assert_debug_clean("the client", &client);
        let token = client.get_token("s").await.unwrap();
        assert_debug_clean("the response", &token);
        let request = only_request(&server).await;
        assert_eq!(header(&request, "authorization"), Some(format!("Bearer {SECRET}")));
        assert_eq!(header(&request, "accept").as_deref(), Some("application/json;version=36.3"));
        error_paths(|base| async move { Client::builder(&base).allow_http().timeout(TIMEOUT).bearer_auth(SECRET).build().unwrap().get_token("s").await }).await;
        assert_clean("the logs", &logs.text());
    }
}

#[allow(deprecated)]
mod onezone {
    use super::*;
    use onezone_client::{Client, ClientBuilder};

    async fn sent_headers(configure: impl FnOnce(ClientBuilder) -> ClientBuilder) -> (Option<String>, Option<String>) {
        let server = server_answering(json(200, json!({"token": SECRET}))).await;
        let client = configure(Client::builder(&server.uri()).allow_http()).build().unwrap();
        assert_debug_clean("the client", &client);
        let token = client.create_provider_registration_token_for_user("u").await.unwrap();
        assert_debug_clean("the response", &token);
        let request = only_request(&server).await;
        (header(&request, "authorization"), header(&request, "x-auth-token"))
    }

    #[tokio::test]
    async fn each_of_the_three_schemes_sends_its_own_header_and_no_secret_anywhere() {
        let logs = capture_logs();
        assert_eq!(sent_headers(|builder| builder.basic_auth("user", SECRET)).await, (Some(basic("user", SECRET)), None));
        assert_eq!(sent_headers(|builder| builder.token_auth(SECRET)).await, (None, Some(SECRET.to_owned())));
        assert_eq!(sent_headers(|builder| builder.bearer_auth(SECRET)).await, (Some(format!("Bearer {SECRET}")), None));
        // The alternatives are tried in the spec's order; the first configured one is sent.
        assert_eq!(
            sent_headers(|builder| builder.bearer_auth(SECRET).token_auth(SECRET)).await,
            (None, Some(SECRET.to_owned()))
        );
        assert_eq!(sent_headers(|builder| builder).await, (None, None));
        error_paths(|base| async move {
            Client::builder(&base).allow_http().timeout(TIMEOUT).token_auth(SECRET).build().unwrap().create_provider_registration_token_for_user("u").await
        })
        .await;
        assert_clean("the logs", &logs.text());
    }
}

mod vrni {
    use super::*;
    use vrni_client::{types, Client};

    #[tokio::test]
    async fn the_login_call_sends_no_credentials_and_its_response_authenticates_a_client() {
        let logs = capture_logs();
        let expiry_ms = 1605201960327_i64;
        let server = server_answering(json(200, json!({"token": SECRET, "expiry": expiry_ms}))).await;
        // Even with a credential configured, the login operation (security: []) sends none.
        let login = Client::builder(&server.uri()).allow_http().network_insight_auth(SECRET).build().unwrap();
        let body = types::VidmToken { vidm_token: Some(SECRET.into()) };
        assert_debug_clean("the request body", &body);
        let token = login.create_vidm_user_token(&body).await.unwrap();
        assert_debug_clean("the response", &token);
        let request = only_request(&server).await;
        assert_eq!(header(&request, "authorization"), None);
        let sent: serde_json::Value = serde_json::from_slice(&request.body).unwrap();
        assert_eq!(sent, json!({"vidm_token": SECRET}), "secrets serialise to their real value");

        // `expiry` is milliseconds since the epoch (the decision recorded in the spec).
        let expected_expiry = UNIX_EPOCH + Duration::from_millis(expiry_ms as u64);
        assert_eq!(token.expires_at(), Some(expected_expiry));
        let client = login.with_network_insight_auth(&token).unwrap();
        assert_eq!(client.credentials_expire_at(), Some(expected_expiry));
        assert_eq!(login.credentials_expire_at(), None);
        let printed = format!("{client:?}");
        assert!(printed.contains("networkInsightAuth"), "{printed}");
        assert_debug_clean("the authenticated client", &client);

        // A response without a token cannot authenticate anything.
        let empty = types::Token { token: None, expiry: None };
        assert!(login.with_network_insight_auth(&empty).unwrap_err().to_string().contains("no `token`"));

        error_paths(|base| async move {
            Client::builder(&base).allow_http().timeout(TIMEOUT).build().unwrap().create_vidm_user_token(&types::VidmToken { vidm_token: Some(SECRET.into()) }).await
        })
        .await;
        assert_clean("the logs", &logs.text());
    }
}

/// vRNI's one operation is the (unauthenticated) login, so no generated vRNI call can show the
/// header a later call carries. The generated `with_network_insight_auth` builds it with
/// `Credential::header("Authorization", Some("NetworkInsight"), token)` (see the vRNI snapshot);
/// this shows that credential on the wire exactly as the real server expects it.
#[tokio::test]
async fn the_network_insight_credential_is_sent_as_the_server_expects() {
    let server = server_answering(json(200, json!({}))).await;
    let credential = client_runtime::Credential::header("Authorization", Some("NetworkInsight"), &SECRET.into()).unwrap();
    let core = client_runtime::ClientBuilder::new(&server.uri(), "test").allow_http().build().unwrap();
    let core = core.with_credential("networkInsightAuth", credential, None);
    let operation = client_runtime::Operation { id: "listGroups", path: "/groups", security: &[&["networkInsightAuth"]] };
    let request = core.request(client_runtime::Method::GET, "/groups");
    let response = core.execute(&operation, request, Default::default()).await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(header(&only_request(&server).await, "authorization"), Some(format!("NetworkInsight {SECRET}")));
}
