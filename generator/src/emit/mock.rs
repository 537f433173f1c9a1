//! Typed mocks (the generated crate's `mock` feature): a `mock::MockServer` with one method per
//! operation that stubs a typed success or documented error, for the tests of code that uses
//! the client. The server and the stubbing are `client_runtime::mock`'s; each operation adds a
//! method naming its method and path, and each response enum says which status and body
//! produce each of its variants.

use super::errors::ErrorGroups;
use super::outcomes::{keeps_status, variant_pattern};
use super::names::{error_enum_name, success_enum_name, success_type, uniform_success};
use super::text::{self, Writer};
use crate::features;
use crate::model::{Api, BodyKind, Operation, Outcome, PathPart, StatusKey};

/// `#[cfg(feature = "mock")] pub mod mock { ... }`.
pub fn write_mock(out: &mut Writer, api: &Api, groups: &ErrorGroups) {
    let example = api.operations.first().map(|operation| operation.method_name.clone()).unwrap_or_default();
    out.line("#[cfg(feature = \"mock\")]");
    out.docs([
        "Typed mocks for the tests of code that uses this client (feature `mock`).".to_owned(),
        String::new(),
        "[`MockServer::start`](crate::mock::MockServer::start) starts a real HTTP server on 127.0.0.1; each operation's method stubs".to_owned(),
        "it with a typed success (`Ok`) or documented error (`Err`), and".to_owned(),
        "[`MockServer::client_builder`](crate::mock::MockServer::client_builder) configures a client that talks to it.".to_owned(),
        String::new(),
        "```ignore".to_owned(),
        "let server = mock::MockServer::start().await;".to_owned(),
        format!("server.{example}(Ok(body)).header(\"etag\", \"v1\").await;"),
        "let client = server.client_builder().build()?;".to_owned(),
        "```".to_owned(),
    ]);
    out.open("pub mod mock {");
    out.docs([
        "A mock of this API on 127.0.0.1; it dereferences to",
        "[`client_runtime::mock::MockServer`] (`uri`, `received_requests`, ...).",
    ]);
    for line in [
        "#[derive(Debug)]",
        "pub struct MockServer {",
        "    inner: client_runtime::mock::MockServer,",
        "}",
        "impl std::ops::Deref for MockServer {",
        "    type Target = client_runtime::mock::MockServer;",
        "    fn deref(&self) -> &Self::Target {",
        "        &self.inner",
        "    }",
        "}",
    ] {
        out.line(line);
    }
    out.open("impl MockServer {");
    out.docs(["Starts the server on a free port."]);
    out.open("pub async fn start() -> Self {");
    out.line("MockServer { inner: client_runtime::mock::MockServer::start().await }");
    out.close("}");
    out.docs([
        "A client builder aimed at this server (plain http allowed); add credentials",
        "and settings as in production.",
    ]);
    out.open("pub fn client_builder(&self) -> crate::ClientBuilder {");
    out.line("crate::Client::builder(&self.inner.uri()).allow_http()");
    out.close("}");
    for operation in &api.operations {
        write_method(out, operation);
    }
    out.close("}");
    for (first, group) in groups.enums() {
        write_into_reply(out, features::cfg_group(group), &error_enum_name(first), &first.errors);
    }
    for operation in api.operations.iter().filter(|operation| !uniform_success(operation)) {
        write_into_reply(out, features::cfg(operation), &success_enum_name(operation), &operation.success);
    }
    out.close("}");
}

/// The path template with `{name}` for each parameter (a template regex dropped).
fn plain_template(operation: &Operation) -> String {
    operation
        .path_parts
        .iter()
        .map(|part| match part {
            PathPart::Literal(text) => text.clone(),
            PathPart::Parameter { name, .. } => format!("{{{name}}}"),
        })
        .collect()
}

fn write_method(out: &mut Writer, operation: &Operation) {
    let name = &operation.method_name;
    let error = error_enum_name(operation);
    let success = success_type(operation);
    let http_method = &operation.http_method;
    let template = plain_template(operation);
    out.docs([
        format!("Answers `{http_method} {template}` ([`Client::{name}`](crate::Client::{name})) with `reply`:"),
        "`Ok` as the documented success, `Err` as the documented error, each with its status.".to_owned(),
    ]);
    if let Some(gate) = features::cfg(operation) {
        out.line(gate);
    }
    let signature = format!("pub fn {name}(&self, reply: Result<{success}, crate::{error}>) -> client_runtime::mock::Stub<'_> {{");
    if out.fits(&signature) {
        out.open(signature);
    } else {
        out.open_list(
            &format!("pub fn {name}("),
            &["&self".to_owned(), format!("reply: Result<{success}, crate::{error}>")],
            ") -> client_runtime::mock::Stub<'_> {",
        );
    }
    let (http_method, template) = (text::string(http_method), text::string(&template));
    // The common case, a JSON success, in one call to the runtime.
    if let (true, Some(outcome @ Outcome { body: BodyKind::Json(_), .. })) = (uniform_success(operation), operation.success.first()) {
        let reply = format!("client_runtime::mock::json_or_error({}, reply)", status_code(outcome));
        out.list("self.inner.stub(", &[http_method, template, reply], ")");
        out.close("}");
        return;
    }
    out.open("let reply = match reply {");
    if uniform_success(operation) {
        match operation.success.first() {
            Some(outcome) => write_reply_arm(out, "Ok(body)", &outcome.body, &status_code(outcome).to_string()),
            // No documented success: a 200, which the client reports as undocumented.
            None => out.line("Ok(()) => client_runtime::mock::Reply::empty(200),"),
        }
    } else {
        out.line("Ok(body) => client_runtime::mock::IntoReply::into_reply(body),");
    }
    out.line("Err(error) => client_runtime::mock::IntoReply::into_reply(error),");
    out.close("};");
    out.line(format_args!("self.inner.stub({http_method}, {template}, reply)"));
    out.close("}");
}

/// The status a fixed-status outcome is stubbed with (a `2XX` as 200).
fn status_code(outcome: &Outcome) -> u16 {
    match outcome.status {
        StatusKey::Code(code) => code,
        StatusKey::Range(digit) => digit * 100,
        StatusKey::Default => 500,
    }
}

/// `pattern => reply,` where the reply is `body`, of `kind`, with `status`.
fn write_reply_arm(out: &mut Writer, pattern: &str, kind: &BodyKind, status: &str) {
    match kind {
        BodyKind::Empty => {
            out.open(format_args!("{pattern} => {{"));
            out.line("let () = body;");
            out.line(format_args!("client_runtime::mock::Reply::empty({status})"));
            out.close("}");
        }
        BodyKind::Json(_) => out.line(format_args!("{pattern} => client_runtime::mock::Reply::json({status}, &body),")),
        BodyKind::Text => out.line(format_args!("{pattern} => client_runtime::mock::Reply::text({status}, body),")),
        BodyKind::Bytes | BodyKind::Form(_) | BodyKind::Multipart(_) => {
            out.line(format_args!("{pattern} => client_runtime::mock::Reply::bytes({status}, body.to_vec()),"))
        }
    }
}

/// `IntoReply` for a response enum: the status and body of each variant.
fn write_into_reply(out: &mut Writer, gate: Option<String>, name: &str, outcomes: &[Outcome]) {
    gate.iter().for_each(|line| out.line(line));
    out.open(format_args!("impl client_runtime::mock::IntoReply for crate::{name} {{"));
    out.open("fn into_reply(self) -> client_runtime::mock::Reply {");
    if outcomes.is_empty() {
        out.line("match self {}");
    } else {
        out.open("match self {");
        for outcome in outcomes {
            let pattern = variant_pattern(&format!("crate::{name}"), outcome, true, true);
            let status = if keeps_status(outcome) { "status.as_u16()".to_owned() } else { status_code(outcome).to_string() };
            match outcome.body {
                // No body was bound.
                BodyKind::Empty => out.line(format_args!("{pattern} => client_runtime::mock::Reply::empty({status}),")),
                _ => write_reply_arm(out, &pattern, &outcome.body, &status),
            }
        }
        out.close("}");
    }
    out.close("}");
    out.close("}");
}
