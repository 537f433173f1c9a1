//! Contract test against a third-party tool: each spec in `specs/` is served by Prism (the
//! `@stoplight/prism-cli` mock server, pinned in `tests/contract/package.json`) with request
//! validation on (`--errors`), and the generated client for it is driven through every status
//! every operation documents (`Prefer: code=NNN`). Each call must come back as the typed result
//! for that status, and Prism must have found nothing wrong with the request (credentials,
//! `Accept`, path, query, headers, body).
//!
//! Opt-in, because it needs Node.js and the npm package:
//!
//! ```sh
//! npm ci --prefix tests/contract
//! cargo test -p tests --test contract -- --ignored
//! ```
//!
//! How Prism signals a violation: with `--errors`, a request that breaks the spec is answered
//! with an error status instead of the one asked for (401 for credentials, 406 for `Accept`,
//! 404 for a path it cannot route, and otherwise 422 or a documented 4xx, such as VCD's 400)
//! and its log says "Request did not pass the validation rules" or "Request terminated with
//! error". Since a violation can come back as a documented status, the test reads Prism's log
//! for every request as well as checking the typed result.

use std::collections::BTreeSet;
use std::fs::File;
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use client_runtime::reqwest;
use client_runtime::{DocumentedError, Error};
use tests::workspace_root;

/// How long Prism may take to start (it compiles the spec; the CI machine is shared).
const STARTUP: Duration = Duration::from_secs(120);
/// How long Prism may take to log its verdict on a request it has answered.
const VERDICT: Duration = Duration::from_secs(20);
/// Any single request.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

const INSTALL_HINT: &str = "run `npm ci --prefix tests/contract` (it installs the pinned Prism from the npm registry; Node.js >= 18.20 must be on PATH)";

/// A running Prism serving one spec; killed when dropped, so a failing test leaves no server behind.
struct Prism {
    child: Child,
    port: u16,
    log: PathBuf,
    spec: String,
    /// Holds the log file.
    _scratch: tempfile::TempDir,
}

impl Prism {
    /// Starts Prism on a free port of 127.0.0.1 for `specs/<name>.yaml` and waits until it listens.
    async fn start(name: &str) -> Prism {
        let root = workspace_root();
        let cli = root.join("tests/contract/node_modules/@stoplight/prism-cli/dist/index.js");
        match Command::new("node").arg("--version").output() {
            Ok(output) if output.status.success() => {}
            _ => panic!("Node.js (`node`) is not on PATH; the contract test runs Prism with it: install Node.js, then {INSTALL_HINT}"),
        }
        assert!(cli.is_file(), "Prism is not installed ({} is missing): {INSTALL_HINT}", cli.display());

        let scratch = tempfile::tempdir().unwrap();
        let log = scratch.path().join("prism.log");
        let out = File::create(&log).unwrap();
        let err = out.try_clone().unwrap();
        let port = free_port();
        let spec = root.join("specs").join(format!("{name}.yaml"));
        let child = Command::new("node")
            .arg(&cli)
            .args(["mock", "--host", "127.0.0.1", "--port", &port.to_string(), "--errors"])
            .arg(&spec)
            .current_dir(&root)
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .spawn()
            .unwrap_or_else(|error| panic!("could not start Prism: {error}; {INSTALL_HINT}"));
        let mut prism = Prism { child, port, log, spec: format!("specs/{name}.yaml"), _scratch: scratch };

        let started = Instant::now();
        loop {
            if let Ok(Some(status)) = prism.child.try_wait() {
                panic!("Prism exited ({status}) before listening on {}:\n{}", prism.spec, prism.log_text());
            }
            if prism.log_text().contains("Prism is listening on") {
                return prism;
            }
            assert!(started.elapsed() < STARTUP, "Prism did not listen within {STARTUP:?} on {}:\n{}", prism.spec, prism.log_text());
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Prism serves the paths without the servers' base path.
    fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// An HTTP client that asks Prism for `status` on every request (`Prefer: code=NNN`); the
    /// generated builders take it through `http_client`.
    fn http_client(&self, status: u16) -> reqwest::ClientBuilder {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert("prefer", reqwest::header::HeaderValue::from_str(&format!("code={status}")).unwrap());
        reqwest::Client::builder().default_headers(headers).timeout(REQUEST_TIMEOUT)
    }

    fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Runs one call of `operation` and returns its result, after checking in Prism's log that
    /// the request it received was valid. `what` names the call in failure messages.
    async fn call<T>(&self, what: &str, operation: &Operation, call: impl std::future::Future<Output = T>) -> T {
        let before = self.log_text().len();
        let result = call.await;
        let started = Instant::now();
        let entry = loop {
            let log = self.log_text();
            let entry = log.get(before..).unwrap_or_default().to_owned();
            // Prism logs one of these last for every request it handles.
            if entry.contains("> Responding with") || entry.contains("Request terminated with error") {
                break entry;
            }
            assert!(started.elapsed() < VERDICT, "{what}: Prism logged no answer within {VERDICT:?}; its log since the request:\n{entry}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        };
        let violation = ["did not pass the validation rules", "Request terminated with error", "Violation: request"];
        assert!(!violation.iter().any(|sign| entry.contains(sign)), "{what}: Prism found the request invalid against {}:\n{entry}", self.spec);
        assert!(entry.contains("The request passed the validation rules"), "{what}: Prism did not validate the request:\n{entry}");
        // Prism matches `Accept` loosely (it ignores media type parameters, so it serves
        // `application/json;version=36.3` to `Accept: application/json`, which VCD answers with
        // 406); the client must name a media type the operation documents, exactly.
        let accept = entry.lines().find_map(|line| line.split_once("Request contains an accept header: ").map(|(_, accept)| accept.trim()));
        let accept = accept.unwrap_or_else(|| panic!("{what}: the request had no Accept header:\n{entry}"));
        for media_type in accept.split(',').map(str::trim) {
            assert!(
                operation.media_types.contains(media_type),
                "{what}: the client sent `Accept: {accept}`; {} documents {:?}",
                operation.name,
                operation.media_types
            );
        }
        result
    }
}

impl Drop for Prism {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A port nobody listens on: the OS picks one for a listener that is then closed.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|listener| listener.local_addr()).map(|address| address.port()).unwrap()
}

/// What a spec documents for one operation.
struct Operation {
    /// `<spec> <operationId>`, for messages.
    name: String,
    /// The statuses to ask Prism for, sorted; a `default` response is asked for as a status
    /// the caller chooses among those the operation does not list.
    statuses: Vec<u16>,
    /// The media types of its response bodies: what the client may name in `Accept`.
    media_types: BTreeSet<String>,
}

impl Operation {
    /// Reads `operation_id` from `specs/<spec>.yaml`.
    fn read(spec: &str, operation_id: &str, default_as: Option<u16>) -> Operation {
        let name = format!("{spec} {operation_id}");
        let path = workspace_root().join("specs").join(format!("{spec}.yaml"));
        let document: serde_yaml::Value = serde_yaml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let operation = document["paths"]
            .as_mapping()
            .into_iter()
            .flat_map(|paths| paths.values())
            .filter_map(|item| item.as_mapping())
            .flat_map(|item| item.values())
            .find(|operation| operation["operationId"].as_str() == Some(operation_id))
            .unwrap_or_else(|| panic!("{name}: no such operation"));
        let responses = operation["responses"].as_mapping().unwrap_or_else(|| panic!("{name}: no responses"));
        let mut statuses: Vec<u16> = responses
            .keys()
            .map(|key| match key.as_str() {
                Some("default") => default_as.unwrap_or_else(|| panic!("{name}: a `default` response; say which status stands for it")),
                Some(code) => code.parse().unwrap_or_else(|_| panic!("{name}: status `{code}` is not a code; teach this test about it")),
                None => panic!("{name}: a status key that is not a string: {key:?}"),
            })
            .collect();
        statuses.sort_unstable();
        assert!(statuses.contains(&200), "{name}: expected a 200 among {statuses:?}");
        let media_types = responses
            .values()
            .filter_map(|response| response["content"].as_mapping())
            .flat_map(|content| content.keys())
            .filter_map(|key| key.as_str())
            .map(str::to_owned)
            .collect();
        Operation { name, statuses, media_types }
    }
}

/// Every operation of every spec must be driven here: a spec that gains an operation fails
/// this test until it is added. (It needs no Prism, so it is not opt-in.)
#[test]
fn every_operation_of_every_spec_is_driven_by_this_test() {
    let driven = [
        ("nsx", "GetRegistrationToken"),
        ("onezone", "createProviderRegistrationTokenForUser"),
        ("ssp", "getRegistrationTokenStatus"),
        ("vcd", "getToken"),
        ("vrni", "createVidmUserToken"),
    ];
    let mut found = Vec::new();
    for path in tests::specs() {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let spec: serde_yaml::Value = serde_yaml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for item in spec["paths"].as_mapping().into_iter().flat_map(|paths| paths.values()) {
            for operation in item.as_mapping().into_iter().flat_map(|item| item.values()) {
                if let Some(id) = operation["operationId"].as_str() {
                    found.push((name.clone(), id.to_owned()));
                }
            }
        }
    }
    found.sort();
    assert_eq!(found, driven.map(|(name, id)| (name.to_owned(), id.to_owned())), "add a test for each new operation");
}

#[tokio::test]
#[ignore = "needs Node.js and Prism (npm ci --prefix tests/contract); run with cargo test --workspace -- --ignored"]
async fn nsx_every_documented_status() {
    use nsx_client::{Client, GetRegistrationTokenError as E};
    let prism = Prism::start("nsx").await;
    let operation = Operation::read("nsx", "GetRegistrationToken", None);
    for &status in &operation.statuses {
        let client = Client::builder(&prism.base_url()).allow_http().http_client(prism.http_client(status)).basic_auth("admin", "password").build().unwrap();
        let what = format!("{}, Prefer: code={status}", operation.name);
        let result = prism.call(&what, &operation, client.get_registration_token("a1b2c3").send()).await;
        match (status, result.as_ref().map_err(|error| error.documented())) {
            (200, Ok(_))
            | (400, Err(Some(E::BadRequest(_))))
            | (403, Err(Some(E::Forbidden(_))))
            | (404, Err(Some(E::NotFound(_))))
            | (412, Err(Some(E::PreconditionFailed(_))))
            | (500, Err(Some(E::InternalServerError(_))))
            | (503, Err(Some(E::ServiceUnavailable(_)))) => {}
            _ => panic!("{what}: {result:?}"),
        }
        assert_documented_status(&what, status, &result);
    }
}

#[tokio::test]
#[ignore = "needs Node.js and Prism (npm ci --prefix tests/contract); run with cargo test --workspace -- --ignored"]
async fn ssp_every_documented_status() {
    use ssp_client::{Client, GetRegistrationTokenStatusError as E};
    let prism = Prism::start("ssp").await;
    // The `default` response stands for every other status; 503 is one of them.
    let operation = Operation::read("ssp", "getRegistrationTokenStatus", Some(503));
    for &status in &operation.statuses {
        let client = Client::builder(&prism.base_url()).allow_http().http_client(prism.http_client(status)).basic_auth("admin", "password").build().unwrap();
        let what = format!("{}, Prefer: code={status}", operation.name);
        let result = prism.call(&what, &operation, client.get_registration_token_status("c9b8a7").send()).await;
        match (status, result.as_ref().map_err(|error| error.documented())) {
            (200, Ok(_)) => {}
            (503, Err(Some(E::Default { status, .. }))) if status.as_u16() == 503 => {}
            _ => panic!("{what}: {result:?}"),
        }
        assert_documented_status(&what, status, &result);
    }
}

#[tokio::test]
#[ignore = "needs Node.js and Prism (npm ci --prefix tests/contract); run with cargo test --workspace -- --ignored"]
async fn vcd_every_documented_status() {
    use vcd_client::{Client, GetTokenError as E};
    let prism = Prism::start("vcd").await;
    let operation = Operation::read("vcd", "getToken", None);
    for &status in &operation.statuses {
        let client = Client::builder(&prism.base_url()).allow_http().http_client(prism.http_client(status)).bearer_auth("eyJhbGciOi.jwt").build().unwrap();
        let what = format!("{}, Prefer: code={status}", operation.name);
        let result = prism.call(&what, &operation, client.get_token("urn:vcloud:session:0b7a6c5d").send()).await;
        match (status, result.as_ref().map_err(|error| error.documented())) {
            (200, Ok(_)) | (400, Err(Some(E::BadRequest(_)))) | (404, Err(Some(E::NotFound(_)))) => {}
            _ => panic!("{what}: {result:?}"),
        }
        assert_documented_status(&what, status, &result);
    }
}

#[tokio::test]
#[ignore = "needs Node.js and Prism (npm ci --prefix tests/contract); run with cargo test --workspace -- --ignored"]
#[allow(deprecated)] // the operation is deprecated in the spec
async fn onezone_every_documented_status() {
    use onezone_client::{Client, CreateProviderRegistrationTokenForUserError as E};
    let prism = Prism::start("onezone").await;
    let operation = Operation::read("onezone", "createProviderRegistrationTokenForUser", None);
    // Each of the three schemes the operation accepts, in turn.
    type Authenticate = fn(onezone_client::ClientBuilder) -> onezone_client::ClientBuilder;
    let authenticate: [(&str, Authenticate); 3] = [
        ("basic", |builder| builder.basic_auth("admin", "password")),
        ("X-Auth-Token", |builder| builder.token_auth("access-token")),
        ("bearer", |builder| builder.bearer_auth("access-token")),
    ];
    for (scheme, authenticate) in authenticate {
        for &status in &operation.statuses {
            let builder = Client::builder(&prism.base_url()).allow_http().http_client(prism.http_client(status));
            let client = authenticate(builder).build().unwrap();
            let what = format!("{} ({scheme}), Prefer: code={status}", operation.name);
            let result = prism.call(&what, &operation, client.create_provider_registration_token_for_user("99b930e38a8f46a1a0036db7d6422591").send()).await;
            match (status, result.as_ref().map_err(|error| error.documented())) {
                (200, Ok(_))
                | (400, Err(Some(E::BadRequest(_))))
                | (401, Err(Some(E::Unauthorized(_))))
                | (403, Err(Some(E::Forbidden(_))))
                | (404, Err(Some(E::NotFound(_))))
                | (500, Err(Some(E::InternalServerError(_)))) => {}
                _ => panic!("{what}: {result:?}"),
            }
            assert_documented_status(&what, status, &result);
        }
    }
}

#[tokio::test]
#[ignore = "needs Node.js and Prism (npm ci --prefix tests/contract); run with cargo test --workspace -- --ignored"]
async fn vrni_every_documented_status() {
    use vrni_client::types::VidmToken;
    use vrni_client::{Client, CreateVidmUserTokenError as E};
    let prism = Prism::start("vrni").await;
    let body = VidmToken { vidm_token: Some("vidm-access-token".into()) };
    let operation = Operation::read("vrni", "createVidmUserToken", None);
    for &status in &operation.statuses {
        // The login call sends no credentials (`security: []`).
        let client = Client::builder(&prism.base_url()).allow_http().http_client(prism.http_client(status)).build().unwrap();
        let what = format!("{}, Prefer: code={status}", operation.name);
        let result = prism.call(&what, &operation, client.create_vidm_user_token(&body).send()).await;
        match (status, result.as_ref().map_err(|error| error.documented())) {
            (200, Ok(token)) => {
                // The login response authenticates a client for the other calls.
                assert!(client.with_network_insight_auth(token).is_ok(), "{what}: the token does not make credentials");
            }
            (400, Err(Some(E::BadRequest(_))))
            | (401, Err(Some(E::Unauthorized)))
            | (404, Err(Some(E::NotFound(_))))
            | (412, Err(Some(E::PreconditionFailed(_))))
            | (500, Err(Some(E::InternalServerError))) => {}
            _ => panic!("{what}: {result:?}"),
        }
        assert_documented_status(&what, status, &result);
    }
}

/// A documented error carries the status that was asked for.
fn assert_documented_status<T, E: DocumentedError>(what: &str, status: u16, result: &Result<T, Error<E>>) {
    if let Err(error) = result {
        let documented = error.documented().map(|documented| documented.status().as_u16());
        assert_eq!(documented, Some(status), "{what}");
    }
}
