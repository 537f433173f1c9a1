//! The operation methods on `Client`, written as formatted text ([`super::text`]): one per
//! operation, taking its required arguments and returning its request builder
//! ([`super::requests`]), documented from the spec.

use super::docs::summary_and_description;
use super::names::{argument_type, body_argument_type, error_enum_name, is_reference, location_word};
use super::text::Writer;
use crate::features;
use crate::model::{Api, Operation, Param};

/// `impl Client { ... }` with a method per operation.
pub fn write_methods(api: &Api) -> String {
    let mut out = Writer::default();
    out.open("impl Client {");
    for operation in &api.operations {
        write_method(&mut out, operation);
    }
    out.close("}");
    out.finish()
}

/// `pub fn get_token(&self, id: &str) -> requests::GetToken<'_>`: takes the required arguments
/// and returns the builder.
fn write_method(out: &mut Writer, operation: &Operation) {
    let builder = &operation.type_name;
    let required: Vec<&Param> = operation.parameters.iter().filter(|param| param.required).collect();
    let required_body = operation.body.as_ref().filter(|body| body.required);
    // Lifetimes only when an argument is borrowed, so that clippy's needless_lifetimes holds.
    let borrows = required.iter().any(|param| is_reference(param)) || required_body.is_some();
    let (generics, receiver, lifetime) = if borrows { ("<'a>", "&'a self", "'a") } else { ("", "&self", "'_") };
    let mut arguments = vec![receiver.to_owned()];
    arguments.extend(required.iter().map(|param| format!("{}: {}", param.rust_name, argument_type(param))));
    arguments.extend(required_body.map(|body| format!("body: {}", body_argument_type(&body.kind))));
    let mut fields = vec!["client: self".to_owned()];
    fields.extend(operation.parameters.iter().map(|param| {
        if param.required {
            param.rust_name.clone()
        } else {
            format!("{}: None", param.rust_name)
        }
    }));
    match &operation.body {
        Some(body) if body.required => fields.push("body".into()),
        Some(_) => fields.push("body: None".into()),
        None => {}
    }
    fields.push("options: client_runtime::CallOptions::default()".into());

    out.docs(method_docs(operation));
    if let Some(gate) = features::cfg(operation) {
        out.line(gate);
    }
    if operation.deprecated {
        out.line("#[deprecated(note = \"the spec marks this operation deprecated\")]");
    }
    // The spec decides how many parameters an operation requires; each is one positional
    // argument, on purpose (optional ones are setters).
    if arguments.len() > 7 {
        out.line("#[allow(clippy::too_many_arguments)]");
    }
    out.open_list(
        &format!("pub fn {}{generics}(", operation.method_name),
        &arguments,
        &format!(") -> requests::{builder}<{lifetime}> {{"),
    );
    out.list(&format!("requests::{builder} {{"), &fields, "}");
    out.close("}");
}

fn method_docs(operation: &Operation) -> Vec<String> {
    let mut lines = summary_and_description(operation.summary.as_deref(), operation.description.as_deref());
    if !lines.is_empty() {
        lines.push(String::new());
    }
    lines.push(format!(
        "Sends `{} {}` when the returned [`requests::{}`] is awaited (or sent with its `send`).",
        operation.http_method, operation.path, operation.type_name
    ));
    let required: Vec<&Param> = operation.parameters.iter().filter(|param| param.required).collect();
    let required_body = operation.body.as_ref().filter(|body| body.required);
    if !required.is_empty() || required_body.is_some() {
        lines.extend(["".into(), "# Arguments".into(), "".into()]);
        for param in required {
            let description = one_line(param.description.as_deref());
            lines.push(format!("- `{}` ({} `{}`): {description}", param.rust_name, location_word(param.location), param.name));
        }
        if let Some(body) = required_body {
            let description = one_line(body.description.as_deref().or(Some("the request body")));
            lines.push(format!("- `body` (`{}`): {description}", body.media_type));
        }
    }
    let optional: Vec<String> = operation
        .parameters
        .iter()
        .filter(|param| !param.required)
        .map(|param| format!("`{}`", param.rust_name))
        .chain(operation.body.as_ref().filter(|body| !body.required).map(|_| "`body`".to_owned()))
        .collect();
    if !optional.is_empty() {
        lines.push(String::new());
        lines.push(format!("Optional parameters are setters of the request: {}.", optional.join(", ")));
    }
    lines.extend(["".into(), "# Errors".into(), "".into()]);
    lines.push(format!(
        "[`Error::Documented`] with a [`{}`] for each error response the spec documents; the other [`Error`] variants for anything else.",
        error_enum_name(operation)
    ));
    lines
}

fn one_line(text: Option<&str>) -> String {
    text.map(str::trim).unwrap_or_default().replace('\n', " ")
}
