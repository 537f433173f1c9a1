//! `mod requests`: one request builder per operation, written as formatted text
//! ([`super::text`]). A builder holds the required arguments the operation's method took,
//! takes the optional ones and the per-call options as setters, and is sent with `.await` or
//! `send()`.
//!
//! Everything that is not specific to an operation (credentials, per-call options, retries,
//! the tracing span, waiting, reading the body) is in `client_runtime`, so each builder adds two
//! small plain functions: `request`, which checks the arguments and builds the request, and
//! `send`, which hands it to the runtime with the function that matches the status.

use super::docs::text_lines;
use super::names::{argument_type, body_argument_type, error_enum_name, location_word, success_enum_name, success_type, uniform_success};
use super::outcomes::{read_body, wrap_outcome, write_status_match};
use super::text::{self, Writer};
use crate::features;
use crate::model::{Api, BodyKind, Constraint, Operation, Param, ParamLocation, ParamStyle, ParamType, PathPart, StatusKey};

/// The `requests` module, a builder per operation.
pub fn write_requests(api: &Api) -> String {
    let mut out = Writer::default();
    out.docs([
        "One request builder per operation, returned by the operation's method on",
        "[`Client`]: setters for the optional parameters and per-call options",
        "(`header`, `timeout`, `credential`, `retry`); `.await` it or call `send()`.",
    ]);
    out.open("pub mod requests {");
    for operation in &api.operations {
        write_builder(&mut out, operation);
    }
    out.close("}");
    out.finish()
}

/// The request builder of one operation: fields, setters of the optional parameters, `send`,
/// and the runtime's common methods.
fn write_builder(out: &mut Writer, operation: &Operation) {
    let builder = &operation.type_name;
    let method = &operation.method_name;
    let error = error_enum_name(operation);
    let gate = features::cfg(operation);
    let gate = || gate.iter();

    out.docs([
        format!("The request of [`Client::{method}`](crate::Client::{method}): `{} {}`.", operation.http_method, operation.path),
        String::new(),
        "Set optional parameters and per-call options, then `.await` it or call [`send`](Self::send).".to_owned(),
    ]);
    gate().for_each(|line| out.line(line));
    out.line("#[must_use = \"a request is sent when it is awaited or `send` is called\"]");
    out.open(format_args!("pub struct {builder}<'a> {{"));
    out.line("pub(crate) client: &'a crate::Client,");
    let mut names: Vec<String> = Vec::new();
    for param in &operation.parameters {
        let ty = argument_type(param);
        let ty = if param.required { ty } else { format!("Option<{ty}>") };
        out.line(format_args!("pub(crate) {}: {ty},", param.rust_name));
        names.push(param.rust_name.clone());
    }
    if let Some(body) = &operation.body {
        let ty = body_argument_type(&body.kind);
        let ty = if body.required { ty } else { format!("Option<{ty}>") };
        out.line(format_args!("pub(crate) body: {ty},"));
        names.push("body".into());
    }
    out.line("pub(crate) options: client_runtime::CallOptions,");
    out.close("}");

    gate().for_each(|line| out.line(line));
    out.open(format_args!("impl<'a> {builder}<'a> {{"));
    for param in operation.parameters.iter().filter(|param| !param.required) {
        let mut lines = vec![format!("Sets the optional {} parameter `{}`.", location_word(param.location), param.name)];
        if let Some(description) = &param.description {
            lines.push(String::new());
            lines.extend(text_lines(description));
        }
        write_setter(out, &lines, &param.rust_name, &argument_type(param));
    }
    if let Some(body) = operation.body.as_ref().filter(|body| !body.required) {
        let mut lines = vec![format!("Sets the optional request body (`{}`).", body.media_type)];
        if let Some(description) = &body.description {
            lines.push(String::new());
            lines.extend(text_lines(description));
        }
        write_setter(out, &lines, "body", &body_argument_type(&body.kind));
    }
    let success = success_type(operation);
    write_send(out, operation, &success, &error);
    out.docs(["The request, built from the arguments; nothing is sent yet."]);
    out.open("fn request(self) -> client_runtime::Outgoing {");
    names.insert(0, "client".into());
    names.push("options".into());
    out.list(&format!("let {builder} {{"), &names, "} = self;");
    write_request(out, operation);
    out.line("Ok((request, options))");
    out.close("}");
    out.close("}");

    // The per-call option setters (`header`, `timeout`, `credential`, `retry`), `IntoFuture`
    // and a `Debug` that prints no argument, the same for every builder.
    gate().for_each(|line| out.line(line));
    out.list("client_runtime::request_builder!(", &[builder.clone(), success, format!("crate::{error}")], ");");
}

fn write_setter(out: &mut Writer, docs: &[String], name: &str, ty: &str) {
    out.docs(docs);
    out.open(format_args!("pub fn {name}(mut self, {name}: {ty}) -> Self {{"));
    out.line(format_args!("self.{name} = Some({name});"));
    out.line("self");
    out.close("}");
}

/// `send`: the operation's description, and the function that reads its response by status,
/// handed to the runtime with the request. It is a plain `fn`: the runtime's future does the
/// waiting, compiled once for every operation.
fn write_send(out: &mut Writer, operation: &Operation, success: &str, error: &str) {
    out.docs(["Sends the request: the returned [`Call`](client_runtime::Call) resolves to the response."]);
    let call = format!("client_runtime::Call<'a, {success}, crate::{error}>");
    let one_line = format!("pub fn send(self) -> {call} {{");
    if out.fits(&one_line) {
        out.open(one_line);
    } else {
        out.open("pub fn send(self) -> client_runtime::Call<");
        out.line("'a,");
        out.line(format_args!("{success},"));
        out.line(format_args!("crate::{error},"));
        out.reopen("> {");
    }
    out.line("let client = self.client;");
    let alternatives: Vec<String> = operation
        .security
        .iter()
        .map(|schemes| format!("&[{}]", schemes.iter().map(|scheme| text::string(scheme)).collect::<Vec<_>>().join(", ")))
        .collect();
    out.list(
        "let operation = &client_runtime::Operation {",
        &[
            format!("id: {}", text::string(&operation.id)),
            format!("path: {}", text::string(&operation.path)),
            format!("security: &[{}]", alternatives.join(", ")),
        ],
        "};",
    );
    out.open("client.core.call(operation, self.request(), |response| {");
    write_result(out, operation);
    out.close("})");
    out.close("}");
}

/// The body of a builder's `request`: checks, then the request with its parameters and body.
fn write_request(out: &mut Writer, operation: &Operation) {
    for param in &operation.parameters {
        write_checks(out, param);
    }
    let method = format!("client_runtime::Method::{}", operation.http_method);
    out.list("let request = client.core.request(", &[method, path_expression(operation)], ");");
    if let Some(accept) = &operation.accept {
        out.line(format_args!("let request = client_runtime::accept(request, {});", text::string(accept)));
    }
    for param in operation.parameters.iter().filter(|param| param.location != ParamLocation::Path) {
        write_parameter(out, param);
    }
    if let Some(body) = &operation.body {
        let media_type = text::string(&body.media_type);
        let attach = match &body.kind {
            BodyKind::Json(_) | BodyKind::Empty => {
                format!("request.header(\"content-type\", {media_type}).body(client_runtime::json_body(body)?)")
            }
            BodyKind::Form(_) => format!("request.header(\"content-type\", {media_type}).body(client_runtime::form_body(body)?)"),
            // reqwest writes the multipart content type itself, with the boundary.
            BodyKind::Multipart(_) => "request.multipart(client_runtime::multipart_body(body)?)".into(),
            BodyKind::Text => format!("request.header(\"content-type\", {media_type}).body(body.to_owned())"),
            BodyKind::Bytes => format!("request.header(\"content-type\", {media_type}).body(body.clone())"),
        };
        if body.required {
            out.line(format_args!("let request = {attach};"));
        } else {
            write_optional(out, "body", "body", &attach);
        }
    }
}

/// `let request = match #name { Some(value) => #apply, None => request };`, where `apply` uses
/// `value`.
fn write_optional(out: &mut Writer, name: &str, value: &str, apply: &str) {
    out.open(format_args!("let request = match {name} {{"));
    out.line(format_args!("Some({value}) => {apply},"));
    out.line("None => request,");
    out.close("};");
}

fn write_checks(out: &mut Writer, param: &Param) {
    for constraint in &param.constraints {
        let constraint = match constraint {
            Constraint::MinLength(min) => format!("client_runtime::Constraint::MinLength({min})"),
            Constraint::MaxLength(max) => format!("client_runtime::Constraint::MaxLength({max})"),
            Constraint::FullMatch(pattern) => format!("client_runtime::Constraint::FullMatch({})", text::string(pattern)),
            Constraint::Pattern(pattern) => format!("client_runtime::Constraint::Pattern({})", text::string(pattern)),
        };
        // A constraint is about the text sent: a number or other non-string value (a regex in
        // a Swagger path template over an integer id) is checked as its text.
        let value = if param.required { param.rust_name.as_str() } else { "value" };
        let value = match param.ty {
            ParamType::Str => value.to_owned(),
            _ => format!("&{value}.to_string()"),
        };
        let check = format!("{constraint}.check({}, {value})?;", text::string(&param.rust_name));
        if param.required {
            out.line(check);
        } else {
            out.open(format_args!("if let Some(value) = {} {{", param.rust_name));
            out.line(check);
            out.close("}");
        }
    }
}

/// The path: `&format!(...)` when it has parameters, else the literal path. (Not a `let`: the
/// name could be a parameter's.)
fn path_expression(operation: &Operation) -> String {
    let mut template = String::new();
    let mut values = Vec::new();
    for part in &operation.path_parts {
        match part {
            PathPart::Literal(literal) => template.push_str(literal),
            PathPart::Parameter { name, .. } => {
                // Literals never hold braces (the template parser rejects stray ones), so the
                // text is a valid format string as it is.
                template.push_str("{}");
                let param = operation.parameters.iter().find(|param| param.location == ParamLocation::Path && param.name == *name);
                let value = match param {
                    Some(param) => {
                        let name = &param.rust_name;
                        match param.ty {
                            ParamType::Json(_) => format!("client_runtime::PathSegment(&{})", json_text(param, name)),
                            ParamType::Str => format!("client_runtime::PathSegment({name})"),
                            ParamType::Named(_) => {
                                format!("client_runtime::PathSegment(&client_runtime::simple_text({name}, {})?)", param.explode)
                            }
                            _ => format!("client_runtime::PathSegment(&{name}.to_string())"),
                        }
                    }
                    // Validation guarantees every template parameter is declared.
                    None => "\"\"".into(),
                };
                values.push(value);
            }
        }
    }
    if values.is_empty() {
        return text::string(&template);
    }
    format!("&format!({}, {})", text::string(&template), values.join(", "))
}

/// The JSON text of `value`, a parameter described by `content: application/json`.
fn json_text(param: &Param, value: &str) -> String {
    format!("client_runtime::json_text({}, {value})?", text::string(&param.name))
}

/// Adds a query, header or cookie parameter to the request.
fn write_parameter(out: &mut Writer, param: &Param) {
    let value = if param.required { param.rust_name.as_str() } else { "value" };
    let name = text::string(&param.name);
    let explode = param.explode;
    // The text of a value that is not a plain scalar: JSON for `content`, `simple` style for a
    // generated type. (A query parameter of a generated type has its own styles: `query_pairs`.)
    let text = match &param.ty {
        ParamType::Json(_) => Some(json_text(param, value)),
        ParamType::Named(_) => Some(format!("client_runtime::simple_text({value}, {explode})?")),
        _ => None,
    };
    let apply = match (param.location, text) {
        (ParamLocation::Query, _) if matches!(param.ty, ParamType::Named(_)) => format!(
            "request.query(&client_runtime::query_pairs({name}, {value}, client_runtime::Style::{}, {explode})?)",
            style_name(param.style)
        ),
        (ParamLocation::Query, text) => format!("request.query(&[({name}, {})])", text.unwrap_or_else(|| format!("{value}.to_string()"))),
        (ParamLocation::Header, text) => format!("request.header({name}, {})", text.unwrap_or_else(|| format!("{value}.to_string()"))),
        (ParamLocation::Cookie, text) => {
            format!("request.header(\"cookie\", format!(\"{{}}={{}}\", {name}, {}))", text.as_deref().unwrap_or(value))
        }
        (ParamLocation::Path, _) => return,
    };
    if param.required {
        out.line(format_args!("let request = {apply};"));
    } else {
        write_optional(out, &param.rust_name, "value", &apply);
    }
}

fn style_name(style: ParamStyle) -> &'static str {
    match style {
        ParamStyle::Form => "Form",
        ParamStyle::Simple => "Simple",
        ParamStyle::SpaceDelimited => "SpaceDelimited",
        ParamStyle::PipeDelimited => "PipeDelimited",
        ParamStyle::DeepObject => "DeepObject",
    }
}

/// The `match` that turns `response` into the method's result, by status: the documented
/// successes here, everything else read by the error enum (`DocumentedError::decode`).
fn write_result(out: &mut Writer, operation: &Operation) {
    let errors = "Err(client_runtime::DocumentedError::decode(response))".to_owned();
    let uniform = uniform_success(operation);
    let mut arms: Vec<(StatusKey, Vec<String>)> = Vec::new();
    for outcome in &operation.success {
        let read = read_body(&outcome.body, true);
        let lines = if uniform {
            vec![format!("Ok({read})")]
        } else {
            let (bind, construct) = wrap_outcome(outcome, &format!("crate::{}", success_enum_name(operation)));
            bind.into_iter().chain([format!("Ok({read}.map({construct}))")]).collect()
        };
        arms.push((outcome.status, lines));
    }
    // A documented error code inside a documented success range is still that error.
    let in_success_range =
        |code: u16| operation.success.iter().any(|outcome| matches!(outcome.status, StatusKey::Range(digit) if code / 100 == digit));
    for outcome in &operation.errors {
        if matches!(outcome.status, StatusKey::Code(code) if in_success_range(code)) {
            arms.push((outcome.status, vec![errors.clone()]));
        }
    }
    write_status_match(out, &arms, &[errors]);
}
