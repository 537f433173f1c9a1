//! The enums of documented error responses.
//!
//! Every operation's signature names its own `{Operation}Error`, but operations that document
//! the same error responses (same statuses, bodies and descriptions: in most APIs, nearly all of
//! them) share one enum: the first such operation's, in spec order, and the others' names are
//! aliases of it. The enum reads itself from a response (`DocumentedError::decode`), so that
//! code, like the enum, exists once per distinct set of errors rather than once per operation.

use std::collections::BTreeMap;

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use super::docs::doc_lines;
use super::operations::{
    allow_large_bodies, error_enum_ident, first_line, outcome_variants, read_body, status_match, status_pattern, wrap_outcome,
};
use crate::features;
use crate::model::{Api, BodyKind, Operation, Outcome, StatusKey};

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
pub fn emit_error_enums(groups: &ErrorGroups) -> TokenStream {
    let mut items = Vec::new();
    for (first, group) in groups.enums() {
        items.push(emit_error_enum(first, group));
        for other in &group[1..] {
            items.push(emit_alias(other, first));
        }
    }
    quote! { #(#items)* }
}

fn emit_alias(operation: &Operation, shared: &Operation) -> TokenStream {
    let name = error_enum_ident(operation);
    let target = error_enum_ident(shared);
    let doc = doc_lines([format!(
        "The error responses [`Client::{}`] documents: the same as [`Client::{}`]'s, so the same enum.",
        operation.method_name, shared.method_name
    )]);
    let gate = features::cfg(operation);
    quote! {
        #doc
        #gate
        pub type #name = #target;
    }
}

fn emit_error_enum(operation: &Operation, group: &[&Operation]) -> TokenStream {
    let name = error_enum_ident(operation);
    let mut lines = vec![format!("The error responses [`Client::{}`] documents.", operation.method_name)];
    if group.len() > 1 {
        lines.push(String::new());
        lines.push(format!(
            "{} other operations document the same ones; their `...Error` names are aliases of this enum.",
            group.len() - 1
        ));
    }
    let doc = doc_lines(lines);
    let variants = outcome_variants(operation.errors.iter());
    let status_arms = operation.errors.iter().map(|outcome| {
        let variant = format_ident!("{}", outcome.variant);
        match (outcome.status, &outcome.body) {
            (StatusKey::Code(code), BodyKind::Empty) => {
                let code = Literal::u16_unsuffixed(code);
                quote! { #name::#variant => client_runtime::status_code(#code), }
            }
            (StatusKey::Code(code), _) => {
                let code = Literal::u16_unsuffixed(code);
                quote! { #name::#variant(_) => client_runtime::status_code(#code), }
            }
            _ => quote! { #name::#variant { status, .. } => *status, },
        }
    });
    let display_arms = operation.errors.iter().map(|outcome| {
        let variant = format_ident!("{}", outcome.variant);
        let message = format!("the server answered {{}}: {}", first_line(&outcome.description).replace('{', "{{").replace('}', "}}"));
        let pattern = match (outcome.status, &outcome.body) {
            (StatusKey::Code(_), BodyKind::Empty) => quote! { #name::#variant },
            (StatusKey::Code(_), _) => quote! { #name::#variant(_) },
            _ => quote! { #name::#variant { .. } },
        };
        quote! { #pattern => write!(f, #message, client_runtime::DocumentedError::status(self)), }
    });
    // An operation that documents no errors still gets an (empty) enum, so that every
    // operation's signature has the same shape; its `fmt` never runs, so it names no formatter.
    let (status_body, formatter, display_body) = if operation.errors.is_empty() {
        (quote! { match *self {} }, quote! { _ }, quote! { match *self {} })
    } else {
        (quote! { match self { #(#status_arms)* } }, quote! { f }, quote! { match self { #(#display_arms)* } })
    };
    let decode = emit_decode(&operation.errors);
    let allow = allow_large_bodies(&operation.errors);
    let gate = features::cfg_group(group);
    quote! {
        #doc
        #gate
        #allow
        #[derive(Debug)]
        pub enum #name {
            #(#variants)*
        }

        #gate
        impl client_runtime::DocumentedError for #name {
            fn status(&self) -> StatusCode {
                #status_body
            }

            fn decode(response: client_runtime::RawResponse) -> client_runtime::Error<Self> {
                #decode
            }
        }

        #gate
        impl std::fmt::Display for #name {
            fn fmt(&self, #formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                #display_body
            }
        }

        #gate
        impl std::error::Error for #name {}
    }
}

/// The body of `decode`: the documented error for the response's status, exact codes before
/// ranges (a documented 404 wins over a documented 4XX), then `default`, else unexpected.
fn emit_decode(errors: &[Outcome]) -> TokenStream {
    let mut code_arms = Vec::new();
    let mut range_arms = Vec::new();
    let mut default_value = None;
    for outcome in errors {
        let (bind, construct) = wrap_outcome(outcome, quote! { Self });
        let read = read_body(&outcome.body, false);
        let decoded = quote! { client_runtime::Error::decoded(#read, #construct) };
        let value = quote! {{ #bind #decoded }};
        let pattern = status_pattern(outcome.status);
        match outcome.status {
            // Alone, it is the whole body of `decode`, so it needs no block.
            StatusKey::Default if errors.len() == 1 => return quote! { #bind #decoded },
            StatusKey::Default => default_value = Some(value),
            StatusKey::Range(_) => range_arms.push(quote! { #pattern => #value, }),
            StatusKey::Code(_) => code_arms.push(quote! { #pattern => #value, }),
        }
    }
    status_match(&code_arms, &range_arms, default_value.unwrap_or_else(|| quote! { response.unexpected() }))
}
