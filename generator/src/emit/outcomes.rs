//! What the response enums share: their variants (one per documented status, holding its
//! body), the `match` on a response's status that reads them, and the success enums of
//! operations whose successes differ in body (the error enums are in [`super::errors`]).

use super::docs::text_lines;
use super::names::{body_type, success_enum_name, uniform_success};
use super::text::Writer;
use crate::features;
use crate::model::{Api, BodyKind, Outcome, StatusKey};

/// The success enums of the operations whose successes differ in body.
pub fn write_success_enums(out: &mut Writer, api: &Api) {
    for operation in api.operations.iter().filter(|operation| !uniform_success(operation)) {
        out.docs([format!("The success responses [`Client::{}`] documents (their bodies differ).", operation.method_name)]);
        if let Some(gate) = features::cfg(operation) {
            out.line(gate);
        }
        write_enum(out, &success_enum_name(operation), &operation.success);
    }
}

/// `#[derive(Debug)] pub enum #name { ... }`, a variant per outcome.
pub(crate) fn write_enum(out: &mut Writer, name: &str, outcomes: &[Outcome]) {
    // One variant may be large beside a bodyless one. A response is returned once per call, so
    // the size costs nothing that matters, and boxing the bodies would make matching on them
    // clumsier (the same reason `clippy::result_large_err` is allowed).
    if outcomes.windows(2).any(|pair| pair[0].body != pair[1].body) {
        out.line("#[allow(clippy::large_enum_variant)]");
    }
    out.line("#[derive(Debug)]");
    if outcomes.is_empty() {
        out.line(format_args!("pub enum {name} {{}}"));
        return;
    }
    out.open(format_args!("pub enum {name} {{"));
    for outcome in outcomes {
        let mut lines = vec![format!("{}: {}", status_label(outcome.status), first_line(&outcome.description))];
        let rest: Vec<String> = text_lines(&outcome.description).into_iter().skip(1).collect();
        if !rest.is_empty() {
            lines.push(String::new());
            lines.extend(rest);
        }
        out.docs(lines);
        let variant = &outcome.variant;
        let empty = outcome.body == BodyKind::Empty;
        if !keeps_status(outcome) {
            match empty {
                true => out.line(format_args!("{variant},")),
                false => out.line(format_args!("{variant}({}),", body_type(&outcome.body))),
            }
            continue;
        }
        out.open(format_args!("{variant} {{"));
        out.docs(["The status received."]);
        out.line("status: StatusCode,");
        if !empty {
            out.docs(["The documented body."]);
            out.line(format_args!("body: {},", body_type(&outcome.body)));
        }
        out.close("},");
    }
    out.close("}");
}

/// A pattern of `outcome`'s variant of the enum at `path` that binds its `status` and its
/// `body` where asked (and where the variant has them), and leaves the rest out.
pub(crate) fn variant_pattern(path: &str, outcome: &Outcome, bind_status: bool, bind_body: bool) -> String {
    let variant = &outcome.variant;
    let empty = outcome.body == BodyKind::Empty;
    if !keeps_status(outcome) {
        return match (empty, bind_body) {
            (true, _) => format!("{path}::{variant}"),
            (false, true) => format!("{path}::{variant}(body)"),
            (false, false) => format!("{path}::{variant}(_)"),
        };
    }
    let mut fields = Vec::new();
    if bind_status {
        fields.push("status");
    }
    if bind_body && !empty {
        fields.push("body");
    }
    if !(bind_status && bind_body) {
        fields.push("..");
    }
    format!("{path}::{variant} {{ {} }}", fields.join(", "))
}

/// Ranges and `default` cover several statuses, so their variants keep the actual one.
pub(crate) fn keeps_status(outcome: &Outcome) -> bool {
    !matches!(outcome.status, StatusKey::Code(_))
}

/// `match response.status().as_u16() { ... }` over `arms` (each a pattern and its lines: one
/// line is an expression, more are a block's statements), exact codes before ranges so that
/// a documented 404 wins over a documented 4XX, then `fallback`; only `fallback`'s lines when
/// there are no arms.
pub(crate) fn write_status_match(out: &mut Writer, arms: &[(StatusKey, Vec<String>)], fallback: &[String]) {
    if arms.is_empty() {
        fallback.iter().for_each(|line| out.line(line));
        return;
    }
    out.open("match response.status().as_u16() {");
    let codes = arms.iter().filter(|(status, _)| matches!(status, StatusKey::Code(_)));
    let ranges = arms.iter().filter(|(status, _)| matches!(status, StatusKey::Range(_)));
    for (status, lines) in codes.chain(ranges) {
        write_arm(out, &status_pattern(*status), lines);
    }
    write_arm(out, "_", fallback);
    out.close("}");
}

fn write_arm(out: &mut Writer, pattern: &str, lines: &[String]) {
    match lines {
        [expression] => out.line(format_args!("{pattern} => {expression},")),
        statements => {
            out.open(format_args!("{pattern} => {{"));
            statements.iter().for_each(|line| out.line(line));
            out.close("}");
        }
    }
}

/// `response` read as a `client_runtime::Response` of `kind`'s type: with a bad body
/// propagated by `?` when `propagate`, else as a `Result<_, CallError>`.
pub(crate) fn read_body(kind: &BodyKind, propagate: bool) -> String {
    let (read, fallible) = match kind {
        BodyKind::Empty => ("response.empty()".to_owned(), false),
        BodyKind::Json(_) => (format!("response.json::<{}>()", body_type(kind)), true),
        BodyKind::Text => ("response.text()".to_owned(), true),
        BodyKind::Bytes | BodyKind::Form(_) | BodyKind::Multipart(_) => ("response.bytes()".to_owned(), false),
    };
    match (fallible, propagate) {
        (true, true) => format!("{read}?"),
        (false, false) => format!("Ok({read})"),
        _ => read,
    }
}

/// How an outcome's body becomes its enum variant: a `let status` binding when the variant
/// keeps the status, and the function given to `Response::map`.
pub(crate) fn wrap_outcome(outcome: &Outcome, enum_path: &str) -> (Option<String>, String) {
    let variant = &outcome.variant;
    let keeps_status = keeps_status(outcome);
    let bind = keeps_status.then(|| "let status = response.status();".to_owned());
    let construct = match (&outcome.body, keeps_status) {
        (BodyKind::Empty, false) => format!("|()| {enum_path}::{variant}"),
        (BodyKind::Empty, true) => format!("|()| {enum_path}::{variant} {{ status }}"),
        (_, false) => format!("{enum_path}::{variant}"),
        (_, true) => format!("|body| {enum_path}::{variant} {{ status, body }}"),
    };
    (bind, construct)
}

fn status_pattern(status: StatusKey) -> String {
    match status {
        StatusKey::Code(code) => code.to_string(),
        StatusKey::Range(digit) => format!("{}..={}", digit * 100, digit * 100 + 99),
        StatusKey::Default => "_".into(),
    }
}

fn status_label(status: StatusKey) -> String {
    match status {
        StatusKey::Code(code) => format!("`{code}`"),
        StatusKey::Range(digit) => format!("`{digit}XX`"),
        StatusKey::Default => "Any other status (`default`)".into(),
    }
}

pub(crate) fn first_line(text: &str) -> String {
    text.trim().lines().next().unwrap_or_default().trim().to_owned()
}
