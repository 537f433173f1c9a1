//! Typed response headers: for each operation whose responses document `headers:`, a struct in
//! `mod headers` with one optional field per documented header, read with
//! `client_runtime::Response::typed_headers`.

use std::collections::BTreeMap;

use super::docs::text_lines;
use super::text::{self, Writer};
use crate::features;
use crate::model::{Api, Operation, ParamType, ResponseHeader, StatusKey};

/// Header names whose values are credentials: their fields are `Secret`s.
fn is_secret(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    ["authorization", "cookie", "token", "secret", "password", "api-key", "apikey"].iter().any(|word| name.contains(word))
}

/// `mod headers`, or nothing when no response documents a header.
pub fn write_headers(out: &mut Writer, api: &Api) {
    let documenting: Vec<(&Operation, Documented)> =
        api.operations.iter().filter_map(|operation| Some((operation, documented(operation)?))).collect();
    if documenting.is_empty() {
        return;
    }
    out.docs([
        "The response headers each operation's spec documents, typed; read them with",
        "[`Response::typed_headers`](client_runtime::Response::typed_headers). A header that",
        "is absent or does not parse is `None`.",
    ]);
    out.open("pub mod headers {");
    for (operation, documented) in documenting {
        write_struct(out, operation, &documented);
    }
    out.close("}");
}

/// The headers an operation's responses document, one per Rust field name (first definition
/// wins), with the statuses that document it.
type Documented<'a> = BTreeMap<String, (&'a ResponseHeader, Vec<String>)>;

fn documented(operation: &Operation) -> Option<Documented<'_>> {
    let mut documented = Documented::new();
    for outcome in operation.success.iter().chain(&operation.errors) {
        let status = match outcome.status {
            StatusKey::Code(code) => code.to_string(),
            StatusKey::Range(digit) => format!("{digit}XX"),
            StatusKey::Default => "default".to_owned(),
        };
        for header in &outcome.headers {
            documented.entry(header.rust_name.clone()).or_insert((header, Vec::new())).1.push(status.clone());
        }
    }
    (!documented.is_empty()).then_some(documented)
}

fn write_struct(out: &mut Writer, operation: &Operation, documented: &Documented) {
    let name = &operation.type_name;
    let method = &operation.method_name;
    let gate = features::cfg(operation);
    out.docs([format!("The headers the responses of [`Client::{method}`](crate::Client::{method}) document.")]);
    gate.iter().for_each(|line| out.line(line));
    out.line("#[derive(Clone, Debug, Default, PartialEq)]");
    out.open(format_args!("pub struct {name} {{"));
    let mut reads = Vec::new();
    for (header, statuses) in documented.values() {
        let field = &header.rust_name;
        let wire = text::string(&header.name);
        let mut lines = vec![format!("`{}` (documented for {}).", header.name, statuses.join(", "))];
        if let Some(description) = &header.description {
            lines.push(String::new());
            lines.extend(text_lines(description));
        }
        out.docs(lines);
        if is_secret(&header.name) {
            out.line(format_args!("pub {field}: Option<client_runtime::Secret>,"));
            reads.push(format!("{field}: client_runtime::header_value::<String>(headers, {wire}).map(client_runtime::Secret::new)"));
            continue;
        }
        let ty = match &header.ty {
            ParamType::Integer(_) => "i64",
            ParamType::Number => "f64",
            ParamType::Bool => "bool",
            ParamType::Str | ParamType::Named(_) | ParamType::Json(_) => "String",
        };
        out.line(format_args!("pub {field}: Option<{ty}>,"));
        reads.push(format!("{field}: client_runtime::header_value(headers, {wire})"));
    }
    out.close("}");
    gate.iter().for_each(|line| out.line(line));
    out.open(format_args!("impl client_runtime::FromHeaders for {name} {{"));
    out.open("fn from_headers(headers: &client_runtime::HeaderMap) -> Self {");
    out.list(&format!("{name} {{"), &reads, "}");
    out.close("}");
    out.close("}");
}
