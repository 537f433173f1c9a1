//! The enums of documented error responses.
//!
//! Every operation's signature names its own `{Operation}Error`, but operations that document
//! the same error responses (same statuses, bodies and descriptions: in most APIs, nearly all of
//! them) share one enum: the first such operation's, in spec order, and the others' names are
//! aliases of it. The enum reads itself from a response (`DocumentedError::decode`), so that
//! code, like the enum, exists once per distinct set of errors rather than once per operation.

use std::collections::BTreeMap;

use super::outcomes::{first_line, read_body, variant_pattern, wrap_outcome, write_enum, write_status_match};
use super::names::error_enum_name;
use super::text::{self, Writer};
use crate::features;
use crate::model::{Api, Operation, Outcome, StatusKey};

/// Operations grouped by the error responses they document, in spec order.
pub struct ErrorGroups<'a> {
    groups: Vec<Vec<&'a Operation>>,
}

impl<'a> ErrorGroups<'a> {
    pub fn new(api: &'a Api) -> Self {
        let mut index: BTreeMap<String, usize> = BTreeMap::new();
        let mut groups: Vec<Vec<&Operation>> = Vec::new();
        for operation in &api.operations {
            let slot = *index.entry(errors_key(&operation.errors)).or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            });
            groups[slot].push(operation);
        }
        ErrorGroups { groups }
    }

    /// The operations whose names the enums take (each group's first), with the group.
    pub fn enums(&self) -> impl Iterator<Item = (&'a Operation, &[&'a Operation])> {
        self.groups.iter().filter_map(|group| group.first().map(|first| (*first, group.as_slice())))
    }
}

/// What makes two operations' error enums the same: every variant's status, name, description
/// and body, in order. (Response headers are not part of the enum.)
fn errors_key(errors: &[Outcome]) -> String {
    errors.iter().map(|outcome| format!("{:?}|{}|{:?}|{:?}\n", outcome.status, outcome.variant, outcome.body, outcome.description)).collect()
}

/// The enums of every group, and an alias for each operation that uses another's enum.
pub fn write_error_enums(out: &mut Writer, groups: &ErrorGroups) {
    for (first, group) in groups.enums() {
        write_error_enum(out, first, group);
        for other in &group[1..] {
            let gate = features::cfg(other);
            out.docs([format!(
                "The error responses {} documents: the same as {}'s, so the same enum.",
                method_ref(other, &gate),
                method_ref(first, &gate)
            )]);
            if let Some(gate) = gate {
                out.line(gate);
            }
            out.line(format_args!("pub type {} = {};", error_enum_name(other), error_enum_name(first)));
        }
    }
}

/// `Client::<method>` for the docs of an item compiled under `item_gate`: a link when the method
/// is compiled whenever the item is, else in code quotes (an enum several groups share is
/// compiled without some of their methods, and a link to one of those would be broken).
fn method_ref(operation: &Operation, item_gate: &Option<String>) -> String {
    let gate = features::cfg(operation);
    if gate.is_none() || gate == *item_gate {
        format!("[`Client::{}`]", operation.method_name)
    } else {
        format!("`Client::{}`", operation.method_name)
    }
}

fn write_error_enum(out: &mut Writer, operation: &Operation, group: &[&Operation]) {
    let name = error_enum_name(operation);
    let gate = features::cfg_group(group);
    let mut lines = vec![format!("The error responses {} documents.", method_ref(operation, &gate))];
    let gate = || gate.iter();
    if group.len() > 1 {
        lines.push(String::new());
        lines.push(format!(
            "{} other operations document the same ones; their `...Error` names are aliases of this enum.",
            group.len() - 1
        ));
    }
    out.docs(lines);
    gate().for_each(|line| out.line(line));
    write_enum(out, &name, &operation.errors);

    gate().for_each(|line| out.line(line));
    out.open(format_args!("impl client_runtime::DocumentedError for {name} {{"));
    out.open("fn status(&self) -> StatusCode {");
    // An operation that documents no errors still gets an (empty) enum, so that every
    // operation's signature has the same shape; its methods never run.
    if operation.errors.is_empty() {
        out.line("match *self {}");
    } else {
        out.open("match self {");
        for outcome in &operation.errors {
            let pattern = variant_pattern(&name, outcome, true, false);
            match outcome.status {
                StatusKey::Code(code) => out.line(format_args!("{pattern} => client_runtime::status_code({code}),")),
                _ => out.line(format_args!("{pattern} => *status,")),
            }
        }
        out.close("}");
    }
    out.close("}");
    out.open("fn decode(response: client_runtime::RawResponse) -> client_runtime::Error<Self> {");
    write_decode(out, &operation.errors);
    out.close("}");
    out.close("}");

    gate().for_each(|line| out.line(line));
    out.open(format_args!("impl std::fmt::Display for {name} {{"));
    if operation.errors.is_empty() {
        out.open("fn fmt(&self, _: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {");
        out.line("match *self {}");
    } else {
        out.open("fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {");
        out.open("match self {");
        for outcome in &operation.errors {
            let message = format!("the server answered {{}}: {}", first_line(&outcome.description).replace('{', "{{").replace('}', "}}"));
            let pattern = variant_pattern(&name, outcome, false, false);
            let arguments = ["f".to_owned(), text::string(&message), "client_runtime::DocumentedError::status(self)".to_owned()];
            out.list(&format!("{pattern} => write!("), &arguments, "),");
        }
        out.close("}");
    }
    out.close("}");
    out.close("}");

    gate().for_each(|line| out.line(line));
    out.line(format_args!("impl std::error::Error for {name} {{}}"));
}

/// The body of `decode`: the documented error for the response's status, exact codes before
/// ranges (a documented 404 wins over a documented 4XX), then `default`, else unexpected.
fn write_decode(out: &mut Writer, errors: &[Outcome]) {
    let mut arms = Vec::new();
    let mut fallback = vec!["response.unexpected()".to_owned()];
    for outcome in errors {
        let (bind, construct) = wrap_outcome(outcome, "Self");
        let decoded = format!("client_runtime::Error::decoded({}, {construct})", read_body(&outcome.body, false));
        let lines: Vec<String> = bind.into_iter().chain([decoded]).collect();
        match outcome.status {
            StatusKey::Default => fallback = lines,
            status => arms.push((status, lines)),
        }
    }
    write_status_match(out, &arms, &fallback);
}
