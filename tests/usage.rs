//! What an application team needs from a generated client, over real HTTP (wiremock on
//! 127.0.0.1): a cloned client shared by tasks, optional parameters as setters, per-call
//! headers, timeout and credential, response metadata and typed response headers, retries
//! honouring `Retry-After`, open enums, a tracing span per call, and the typed mocks.
//! (TLS with a private CA is in `tls.rs`.)

mod support;

use std::time::{Duration, Instant};

use client_runtime::{Error, Secret};
use serde_json::json;
use support::*;
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

use inventory_client::{types as inv, Client as Inventory, CreateItemError, GetItemError, ListItemsError, RetryPolicy};

fn inventory(base: &str) -> Inventory {
    Inventory::builder(base).allow_http().timeout(Duration::from_secs(5)).bearer_auth("tok").build().unwrap()
}

fn item(kind: &str) -> serde_json::Value {
    json!({"id": "i1", "name": "rack switch", "kind": kind, "status": "active", "condition": "new"})
}

/// A policy with short waits, so that the tests wait only where a server asks them to.
fn quick_retries() -> RetryPolicy {
    RetryPolicy::new().initial_delay(Duration::from_millis(10)).max_delay(Duration::from_millis(50))
}

// ---------------------------------------------------------------------------------------------
// The request builder.

#[tokio::test]
async fn only_the_required_arguments_are_positional_and_unset_options_send_nothing() {
    let server = server_answering(json(200, json!([]))).await;
    let items = inventory(&server.uri()).list_items("site 1").await.unwrap();
    assert!(items.is_empty());
    let request = only_request(&server).await;
    assert_eq!(request.url.path(), "/items");
    assert_eq!(request.url.query(), Some("site=site+1"));
    assert_only_headers(&request, &["accept", "authorization"]);
}

#[tokio::test]
async fn a_parameter_may_have_the_name_of_a_part_of_the_request() {
    // `path` beside a path template: the generated code must not take one for the other.
    let server = server_answering(json(200, item("switch"))).await;
    inventory(&server.uri()).get_item("i 1").path("/name").await.unwrap();
    let request = only_request(&server).await;
    assert_eq!(request.url.path(), "/items/i%201");
    assert_eq!(request.url.query(), Some("path=%2Fname"));
}

#[tokio::test]
async fn every_optional_parameter_is_a_setter_in_its_place() {
    let server = server_answering(json(200, json!([]))).await;
    let status = inv::ListItemsStatus(vec![inv::ItemStatus::Active, inv::ItemStatus::Lost]);
    let tags = inv::ListItemsTag(vec!["a".into(), "b".into()]);
    inventory(&server.uri())
        .list_items("s1")
        .limit(10)
        .offset(20)
        .name("rack")
        .include_retired(true)
        .min_weight(2.5)
        .status(&status)
        .sort(&inv::ListItemsSort::Weight)
        .tag(&tags)
        .x_tenant("blue")
        .x_trace_sample(false)
        .session("sess-1")
        .timeout_query(30)
        .send()
        .await
        .unwrap();
    let request = only_request(&server).await;
    assert_eq!(
        request.url.query(),
        Some("site=s1&limit=10&offset=20&name=rack&include_retired=true&min_weight=2.5&status=active&status=lost&sort=weight&tag=a%2Cb&timeout=30")
    );
    assert_eq!(header(&request, "x-tenant").as_deref(), Some("blue"));
    assert_eq!(header(&request, "x-trace-sample").as_deref(), Some("false"));
    assert_eq!(header(&request, "cookie").as_deref(), Some("session=sess-1"));
}

#[tokio::test]
async fn a_per_call_header_arrives_and_a_bad_one_stops_the_call_before_sending() {
    let server = server_answering(json(200, json!({"token": "t", "roles": []}))).await;
    let client = support_nsx(&server.uri());
    client.get_registration_token("t").header("x-request-id", "req-42").await.unwrap();
    let request = only_request(&server).await;
    assert_eq!(header(&request, "x-request-id").as_deref(), Some("req-42"));
    assert_only_headers(&request, &["accept", "authorization", "x-request-id"]);

    let error = client.get_registration_token("t").header("bad header", "v").await.unwrap_err();
    assert!(matches!(&error, Error::InvalidRequest(message) if message.contains("bad header")), "{error:?}");
    let error = client.get_registration_token("t").header("x-id", "a\nb").await.unwrap_err();
    assert!(matches!(&error, Error::InvalidRequest(message) if !message.contains("a\nb")), "{error:?}");
    assert_eq!(server.received_requests().await.unwrap().len(), 1, "nothing more was sent");
}

fn support_nsx(base: &str) -> nsx_client::Client {
    nsx_client::Client::builder(base).allow_http().timeout(Duration::from_secs(5)).basic_auth("admin", "pw").build().unwrap()
}

#[tokio::test]
async fn a_per_call_timeout_replaces_the_clients() {
    let server = server_answering(json(200, json!({"token": "t", "roles": []})).set_delay(Duration::from_millis(500))).await;
    let client = support_nsx(&server.uri());
    let error = client.get_registration_token("t").timeout(Duration::from_millis(50)).await.unwrap_err();
    assert!(matches!(error, Error::Timeout), "{error:?}");
    // The client's own timeout (5 s) lets the same call through.
    client.get_registration_token("t").await.unwrap();
}

#[tokio::test]
async fn a_per_call_credential_is_sent_instead_of_the_clients() {
    let server = server_answering(json(200, json!({"token": "t", "roles": []}))).await;
    let client = support_nsx(&server.uri());
    let other = nsx_client::Credential::header("authorization", Some("Bearer"), &Secret::new("delegated")).unwrap();
    client.get_registration_token("t").credential(other).await.unwrap();
    let request = only_request(&server).await;
    assert_eq!(header(&request, "authorization").as_deref(), Some("Bearer delegated"));
}

#[tokio::test]
async fn a_cloned_client_is_shared_by_tasks() {
    let server = server_answering(json(200, json!({"token": "t", "roles": ["r"]}))).await;
    let client = support_nsx(&server.uri());
    let tasks: Vec<_> = (0..4)
        .map(|n| {
            let client = client.clone();
            tokio::spawn(async move { client.get_registration_token(&format!("t{n}")).await.map(|token| token.roles.clone()) })
        })
        .collect();
    for task in tasks {
        assert_eq!(task.await.unwrap().unwrap(), ["r"]);
    }
    assert_eq!(server.received_requests().await.unwrap().len(), 4);
}

// ---------------------------------------------------------------------------------------------
// Response metadata.

#[tokio::test]
async fn a_success_keeps_its_status_and_headers_and_the_documented_ones_are_typed() {
    let response = json(200, json!([item("SERVER")]))
        .insert_header("etag", "\"v7\"")
        .insert_header("x-rate-limit-remaining", "41")
        .insert_header("link", "</items?offset=1>; rel=\"next\"");
    let server = server_answering(response).await;
    let items = inventory(&server.uri()).list_items("s").await.unwrap();
    assert_eq!(items.status(), 200);
    assert_eq!(items.header("etag"), Some("\"v7\""));
    assert_eq!(items[0].name, "rack switch", "the response dereferences to the body");
    let headers: inventory_client::headers::ListItems = items.typed_headers();
    assert_eq!(
        headers,
        inventory_client::headers::ListItems {
            e_tag: Some("\"v7\"".into()),
            link: Some("</items?offset=1>; rel=\"next\"".into()),
            retry_after: None,
            x_rate_limit_remaining: Some(41),
        }
    );
    let (status, _, body) = items.into_parts();
    assert_eq!((status.as_u16(), body.0.len()), (200, 1));
}

#[tokio::test]
async fn an_accepted_post_names_the_new_item_in_location() {
    let server = server_answering(ResponseTemplate::new(202).insert_header("location", "/items/i9")).await;
    let new = inv::NewItem { name: "n".into(), kind: inv::Kind::Storage, priority: Some(inv::NewItemPriority::Urgent) };
    let created = inventory(&server.uri()).create_item(&new).await.unwrap();
    assert_eq!(created.status(), 202);
    assert_eq!(created.typed_headers::<inventory_client::headers::CreateItem>().location.as_deref(), Some("/items/i9"));
    let sent: serde_json::Value = serde_json::from_slice(&only_request(&server).await.body).unwrap();
    assert_eq!(sent, json!({"name": "n", "kind": "STORAGE", "priority": "urgent"}));
}

#[tokio::test]
async fn a_documented_error_keeps_its_status_headers_and_retry_after() {
    let server = server_answering(ResponseTemplate::new(503).insert_header("retry-after", "120")).await;
    let error = inventory(&server.uri()).get_item("i1").await.unwrap_err();
    assert!(matches!(error.documented(), Some(GetItemError::ServiceUnavailable)), "{error:?}");
    assert_eq!(error.retry_after(), Some(Duration::from_secs(120)));
    match &error {
        Error::Documented(response) => {
            assert_eq!(response.status(), 503);
            let headers: inventory_client::headers::GetItem = response.typed_headers();
            assert_eq!(headers.retry_after, Some(120));
        }
        other => panic!("{other:?}"),
    }

    let server = server_answering(json(404, json!({"message": "no item i1"})).insert_header("x-request-id", "abc")).await;
    let error = inventory(&server.uri()).get_item("i1").await.unwrap_err();
    match error {
        Error::Documented(response) => {
            assert_eq!(response.header("x-request-id"), Some("abc"));
            match response.into_inner() {
                GetItemError::NotFound(problem) => assert_eq!(problem.message, "no item i1"),
                other => panic!("{other:?}"),
            }
        }
        other => panic!("{other:?}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Retries.

/// A server that answers `first` `times` times, then `then`.
async fn server_answering_in_turn(first: ResponseTemplate, times: u64, then: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any()).respond_with(first).up_to_n_times(times).mount(&server).await;
    Mock::given(any()).respond_with(then).mount(&server).await;
    server
}

#[tokio::test]
async fn a_503_is_retried_after_the_wait_its_retry_after_asks_for() {
    let server = server_answering_in_turn(ResponseTemplate::new(503).insert_header("retry-after", "1"), 1, json(200, item("SERVER"))).await;
    let client = Inventory::builder(&server.uri()).allow_http().retry(quick_retries()).build().unwrap();
    let started = Instant::now();
    let found = client.get_item("i1").await.unwrap();
    assert_eq!(found.id, "i1");
    assert_eq!(server.received_requests().await.unwrap().len(), 2);
    // The policy's own wait is at most 50 ms; the second attempt waited for the server's second.
    assert!(started.elapsed() >= Duration::from_secs(1), "{:?}", started.elapsed());
}

#[tokio::test]
async fn attempts_are_bounded_and_the_last_answer_is_returned() {
    let server = server_answering(ResponseTemplate::new(503)).await;
    let client = inventory(&server.uri());
    let error = client.get_item("i1").retry(quick_retries().max_attempts(3)).await.unwrap_err();
    assert!(matches!(error.documented(), Some(GetItemError::ServiceUnavailable)), "{error:?}");
    assert_eq!(server.received_requests().await.unwrap().len(), 3);
}

#[tokio::test]
async fn a_retry_after_beyond_the_total_time_returns_at_once() {
    let server = server_answering(ResponseTemplate::new(503).insert_header("retry-after", "3600")).await;
    let policy = quick_retries().max_elapsed(Duration::from_secs(5));
    let error = inventory(&server.uri()).get_item("i1").retry(policy).await.unwrap_err();
    assert_eq!(error.retry_after(), Some(Duration::from_secs(3600)));
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[tokio::test]
async fn without_a_policy_a_call_is_sent_once() {
    let server = server_answering(ResponseTemplate::new(503)).await;
    inventory(&server.uri()).get_item("i1").await.unwrap_err();
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[tokio::test]
async fn a_post_is_retried_only_when_the_policy_allows_every_method() {
    let new = inv::NewItem { name: "n".into(), kind: inv::Kind::Server, priority: None };
    let server = server_answering_in_turn(ResponseTemplate::new(503), 1, ResponseTemplate::new(202)).await;
    let error = inventory(&server.uri()).create_item(&new).retry(quick_retries()).await.unwrap_err();
    assert_eq!(error.status().map(|status| status.as_u16()), Some(503));
    assert!(matches!(error, Error::UnexpectedStatus { .. }), "503 is not documented for createItem");
    assert_eq!(server.received_requests().await.unwrap().len(), 1);

    let server = server_answering_in_turn(ResponseTemplate::new(503), 1, ResponseTemplate::new(202)).await;
    let created = inventory(&server.uri()).create_item(&new).retry(quick_retries().retry_non_idempotent(true)).await.unwrap();
    assert_eq!(created.status(), 202);
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[0].body, requests[1].body, "the same body both times");
}

#[tokio::test]
async fn a_refused_connection_is_retried_too() {
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap();
    let client = Inventory::builder(&format!("http://{closed}")).allow_http().retry(quick_retries()).build().unwrap();
    let capture = support::capture::Captured::default();
    let error = {
        let _guard = tracing::subscriber::set_default(subscriber(&capture));
        client.get_item("i1").await.unwrap_err()
    };
    assert!(matches!(error, Error::Transport(_)), "{error:?}");
    assert!(capture.text().contains("attempts=3"), "{}", capture.text());
}

// ---------------------------------------------------------------------------------------------
// Open enums.

#[tokio::test]
async fn an_enum_value_the_spec_does_not_list_is_kept() {
    let body = json!({"id": "urn:vcloud:token:1", "name": "n", "type": "SERVICE_ACCOUNT"});
    let server = server_answering(json(200, body)).await;
    let client = vcd_client::Client::builder(&server.uri()).allow_http().bearer_auth("jwt").build().unwrap();
    let token = client.get_token("s1").await.unwrap();
    let kind = token.type_.clone().unwrap();
    assert_eq!(kind, vcd_client::types::TokenType::Unknown("SERVICE_ACCOUNT".into()));
    assert_eq!(kind.to_string(), "SERVICE_ACCOUNT");
    // Written back, it is the value that was read.
    assert_eq!(serde_json::to_value(&kind).unwrap(), json!("SERVICE_ACCOUNT"));
    assert_eq!("PROXY".parse::<vcd_client::types::TokenType>(), Ok(vcd_client::types::TokenType::Proxy));

    // Inline and referenced enums of a received body are open; enums only sent stay closed.
    let server = server_answering(json(200, item("ROUTER"))).await;
    let found = inventory(&server.uri()).get_item("i1").await.unwrap();
    assert_eq!(found.kind, inv::Kind::Unknown("ROUTER".into()));
    assert_eq!(found.condition, Some(inv::ItemCondition::New));
    assert!(serde_json::from_value::<inv::NewItemPriority>(json!("someday")).is_err());
}

// ---------------------------------------------------------------------------------------------
// Tracing.

/// A subscriber writing into `capture`, with span fields at span close: our spans and events
/// only (hyper's own debug lines name the host it connects to, which is the application's
/// choice of subscriber filter, not the client's output).
fn subscriber(capture: &support::capture::Captured) -> impl tracing::Subscriber + Send + Sync {
    use tracing_subscriber::layer::SubscriberExt;
    let writer = capture.clone();
    let layer = tracing_subscriber::fmt::layer()
        .with_span_events(tracing_subscriber::fmt::format::FmtSpan::CLOSE)
        .with_ansi(false)
        .with_writer(move || writer.clone());
    let ours = tracing_subscriber::filter::Targets::new()
        .with_target("client_runtime", tracing::Level::TRACE)
        .with_target("usage", tracing::Level::TRACE);
    tracing_subscriber::registry().with(layer).with(ours)
}

#[tokio::test]
async fn each_call_runs_in_a_span_with_no_url_header_or_body() {
    let server = server_answering(json(200, json!({"token": "s3cr3t-token", "roles": []}))).await;
    let client = support_nsx(&server.uri());
    let capture = support::capture::Captured::default();
    {
        let _guard = tracing::subscriber::set_default(subscriber(&capture));
        let outer = tracing::info_span!("handler", request_id = "req-7");
        let _entered = outer.enter();
        client.get_registration_token("path-secret").header("x-request-id", "header-secret").await.unwrap();
    }
    let text = capture.text();
    let close = text.lines().find(|line| line.contains("client_call{") && line.contains("close")).unwrap_or_else(|| panic!("{text}"));
    for field in [
        "operation=\"GetRegistrationToken\"",
        "method=\"GET\"",
        "path=\"/aaa/registration-token/{token}\"",
        "status=200",
        "attempts=1",
        "elapsed_ms=",
        "handler{request_id=\"req-7\"}",
    ] {
        assert!(close.contains(field), "{field} missing from {close}");
    }
    for secret in ["path-secret", "header-secret", "s3cr3t-token", "127.0.0.1", "pw"] {
        assert!(!text.contains(secret), "{secret} leaked into {text}");
    }
}

// ---------------------------------------------------------------------------------------------
// Typed mocks.

#[tokio::test]
async fn the_typed_mock_answers_each_operation_with_a_typed_success_or_documented_error() {
    let server = inventory_client::mock::MockServer::start().await;
    let found: inv::Item = serde_json::from_value(item("SWITCH")).unwrap();
    server.get_item(Ok(found.clone())).header("etag", "\"v1\"").expect(1).await;
    server.create_item(Err(CreateItemError::BadRequest(inv::Problem { message: "no name".into() }))).await;
    server.list_items(Err(ListItemsError::TooManyRequests(inv::Problem { message: "slow down".into() }))).header("retry-after", "9").await;

    let client = server.client_builder().bearer_auth("t").build().unwrap();
    let got = client.get_item("any-id").await.unwrap();
    assert_eq!(got, found);
    assert_eq!(got.header("etag"), Some("\"v1\""));

    let new = inv::NewItem { name: String::new(), kind: inv::Kind::Switch, priority: None };
    let error = client.create_item(&new).await.unwrap_err();
    assert!(matches!(error.documented(), Some(CreateItemError::BadRequest(problem)) if problem.message == "no name"), "{error:?}");

    let error = client.list_items("s").await.unwrap_err();
    assert_eq!(error.status().map(|status| status.as_u16()), Some(429));
    assert_eq!(error.retry_after(), Some(Duration::from_secs(9)));
    assert_eq!(server.received_requests().await.len(), 3);
}

#[tokio::test]
async fn a_mocked_seed_client_matches_its_path_template_and_method() {
    let server = vcd_client::mock::MockServer::start().await;
    let token: vcd_client::types::Token = serde_json::from_value(json!({"id": "t1", "name": "n"})).unwrap();
    server.get_token(Ok(token.clone())).await;
    let client = server.client_builder().bearer_auth("jwt").build().unwrap();
    assert_eq!(client.get_token("urn:vcloud:session:1").await.unwrap(), token);
    let requests = server.received_requests().await;
    assert_eq!(requests[0].url.path(), "/1.0.0/sessions/urn%3Avcloud%3Asession%3A1/token");
    // Only the stubbed method and path template answer; wiremock answers anything else 404.
    let stray = client_runtime::reqwest::Client::new().delete(format!("{}/1.0.0/sessions/x/token", server.uri())).send().await.unwrap();
    assert_eq!(stray.status(), 404);
}
