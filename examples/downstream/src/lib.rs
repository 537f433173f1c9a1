//! A small application written against two generated clients the way a team outside this
//! repository would, from the README: it audits registration tokens on NSX Manager and session
//! tokens on Cloud Director. Its tests (`tests/app.rs`) run it against local servers: the typed
//! mocks, a server that is busy once, and a TLS server with a private CA.

// The clients' `Error` keeps the status, headers and body of what went wrong, so it is large;
// it is returned once per HTTP round trip, where its size costs nothing that matters.
#![allow(clippy::result_large_err)]

use std::time::Duration;

use nsx_client::{Error, GetRegistrationTokenError, RetryPolicy};
use tracing::Instrument;

/// What the audit found about one NSX registration token.
#[derive(Debug, PartialEq, Eq)]
pub struct TokenAudit {
    /// The token id asked about.
    pub id: String,
    /// Its roles, or `None` when NSX does not know it.
    pub roles: Option<Vec<String>>,
    /// The version NSX reports for it (`ETag`), if any.
    pub etag: Option<String>,
}

/// An NSX client configured for audits: retries busy answers (honouring `Retry-After`).
pub fn nsx_auditor(builder: nsx_client::ClientBuilder) -> Result<nsx_client::Client, nsx_client::ConfigError> {
    builder
        .timeout(Duration::from_secs(30))
        .retry(RetryPolicy::new().max_attempts(3).initial_delay(Duration::from_millis(20)))
        .build()
}

/// Audits one token: sends `request_id` along (so NSX logs can be matched), allows at most
/// `timeout` for this call, and runs inside a span carrying the request id.
pub async fn audit_token(
    client: &nsx_client::Client,
    id: &str,
    request_id: &str,
    timeout: Duration,
) -> Result<TokenAudit, Error<GetRegistrationTokenError>> {
    let span = tracing::info_span!("audit", request_id);
    let answer = client.get_registration_token(id).header("x-request-id", request_id).timeout(timeout).send().instrument(span).await;
    match answer {
        Ok(token) => Ok(TokenAudit {
            id: id.to_owned(),
            roles: Some(token.roles.clone()),
            etag: token.header("etag").map(str::to_owned),
        }),
        Err(Error::Documented(response)) if matches!(*response, GetRegistrationTokenError::NotFound(_)) => {
            Ok(TokenAudit { id: id.to_owned(), roles: None, etag: response.header("etag").map(str::to_owned) })
        }
        Err(error) => Err(error),
    }
}

/// Audits many tokens at once, one task per token, all sharing one (cloned) client.
pub async fn audit_all(client: &nsx_client::Client, ids: &[&str]) -> Vec<Result<TokenAudit, Error<GetRegistrationTokenError>>> {
    let tasks: Vec<_> = ids
        .iter()
        .enumerate()
        .map(|(n, id)| {
            let client = client.clone();
            let id = (*id).to_owned();
            tokio::spawn(async move { audit_token(&client, &id, &format!("audit-{n}"), Duration::from_secs(10)).await })
        })
        .collect();
    let mut results = Vec::new();
    for task in tasks {
        // A task that panicked is reported as a failed audit rather than taking the caller down.
        results.push(task.await.unwrap_or_else(|_| Err(Error::InvalidRequest("the audit task panicked".into()))));
    }
    results
}

/// The kind of a Cloud Director token as text, including kinds newer than the spec.
pub async fn vcd_token_kind(client: &vcd_client::Client, session: &str) -> Result<Option<String>, vcd_client::Error<vcd_client::GetTokenError>> {
    let token = client.get_token(session).await?;
    Ok(token.type_.as_ref().map(|kind| kind.as_str().to_owned()))
}
