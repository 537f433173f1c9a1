//! The operations' response enums: the success enums of operations whose successes differ in
//! body (the error enums are in [`super::errors`]), and the token forms of the names and
//! expressions the response enums and the mocks share (the methods and request builders are
//! written as text, in [`super::methods`] and [`super::requests`]).

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use super::docs::{doc_lines, text_lines};
use super::errors::{emit_error_enums, ErrorGroups};
use super::requests::uniform_success;
use crate::features;
use crate::model::{Api, BodyKind, Operation, Outcome, StatusKey};

/// Emits the operations' success enums (where bodies differ) and error enums.
pub fn emit_response_enums(api: &Api, groups: &ErrorGroups) -> TokenStream {
    let successes = api.operations.iter().filter(|operation| !uniform_success(operation)).map(emit_success_enum);
    let errors = emit_error_enums(groups);
    quote! {
        #(#successes)*
        #errors
    }
}

pub(crate) fn error_enum_ident(operation: &Operation) -> proc_macro2::Ident {
    format_ident!("{}Error", operation.type_name)
}

pub(crate) fn success_enum_ident(operation: &Operation) -> proc_macro2::Ident {
    format_ident!("{}Response", operation.type_name)
}

/// The Rust type of a body (as named from anywhere in the crate).
pub(crate) fn body_type(kind: &BodyKind) -> TokenStream {
    match kind {
        BodyKind::Empty => quote! { () },
        BodyKind::Json(name) | BodyKind::Form(name) | BodyKind::Multipart(name) => {
            let name = format_ident!("{}", name);
            quote! { crate::types::#name }
        }
        BodyKind::Text => quote! { String },
        BodyKind::Bytes => quote! { client_runtime::bytes::Bytes },
    }
}

/// The body type a successful call returns inside `client_runtime::Response`.
pub(crate) fn success_type(operation: &Operation) -> TokenStream {
    if uniform_success(operation) {
        operation.success.first().map_or(quote! { () }, |outcome| body_type(&outcome.body))
    } else {
        let ident = success_enum_ident(operation);
        quote! { crate::#ident }
    }
}

/// An expression that reads `response` as a `client_runtime::Response` of `kind`'s type:
/// `?`-propagating a bad body when `propagate`, else as a `Result<_, CallError>`.
pub(crate) fn read_body(kind: &BodyKind, propagate: bool) -> TokenStream {
    let (read, fallible) = match kind {
        BodyKind::Empty => (quote! { response.empty() }, false),
        BodyKind::Json(_) => {
            let ty = body_type(kind);
            (quote! { response.json::<#ty>() }, true)
        }
        BodyKind::Text => (quote! { response.text() }, true),
        BodyKind::Bytes | BodyKind::Form(_) | BodyKind::Multipart(_) => (quote! { response.bytes() }, false),
    };
    match (fallible, propagate) {
        (true, true) => quote! { #read? },
        (false, false) => quote! { Ok(#read) },
        _ => read,
    }
}

/// `match` on the response's status: exact codes, then ranges (so that a documented 404 wins
/// over a documented 4XX), then `fallback`; only `fallback` when there are no arms.
pub(crate) fn status_match(code_arms: &[TokenStream], range_arms: &[TokenStream], fallback: TokenStream) -> TokenStream {
    if code_arms.is_empty() && range_arms.is_empty() {
        return fallback;
    }
    quote! {
        match response.status().as_u16() {
            #(#code_arms)*
            #(#range_arms)*
            _ => #fallback,
        }
    }
}

/// How an outcome's body becomes its enum variant: a `let status` binding when the variant
/// keeps the status, and the function given to `Response::map`.
pub(crate) fn wrap_outcome(outcome: &Outcome, enum_path: TokenStream) -> (TokenStream, TokenStream) {
    let variant = format_ident!("{}", outcome.variant);
    let keeps_status = outcome_keeps_status(outcome);
    let bind = if keeps_status { quote! { let status = response.status(); } } else { TokenStream::new() };
    let construct = match (&outcome.body, keeps_status) {
        (BodyKind::Empty, false) => quote! { |()| #enum_path::#variant },
        (BodyKind::Empty, true) => quote! { |()| #enum_path::#variant { status } },
        (_, false) => quote! { #enum_path::#variant },
        (_, true) => quote! { |body| #enum_path::#variant { status, body } },
    };
    (bind, construct)
}

pub(crate) fn status_pattern(status: StatusKey) -> TokenStream {
    match status {
        StatusKey::Code(code) => {
            let code = Literal::u16_unsuffixed(code);
            quote! { #code }
        }
        StatusKey::Range(digit) => {
            let first = Literal::u16_unsuffixed(digit * 100);
            let last = Literal::u16_unsuffixed(digit * 100 + 99);
            quote! { #first..=#last }
        }
        StatusKey::Default => quote! { _ },
    }
}

/// Ranges and `default` cover several statuses, so their variants keep the actual one.
pub(crate) fn outcome_keeps_status(outcome: &Outcome) -> bool {
    !matches!(outcome.status, StatusKey::Code(_))
}

/// The variants of a response enum: one per documented status, holding its body.
pub(crate) fn outcome_variants<'a>(outcomes: impl Iterator<Item = &'a Outcome>) -> Vec<TokenStream> {
    outcomes
        .map(|outcome| {
            let variant = format_ident!("{}", outcome.variant);
            let mut lines = vec![format!("{}: {}", status_label(outcome.status), first_line(&outcome.description))];
            let rest: Vec<String> = text_lines(&outcome.description).into_iter().skip(1).collect();
            if !rest.is_empty() {
                lines.push(String::new());
                lines.extend(rest);
            }
            let docs = doc_lines(lines);
            let ty = body_type(&outcome.body);
            match (&outcome.body, outcome_keeps_status(outcome)) {
                (BodyKind::Empty, false) => quote! { #docs #variant, },
                (BodyKind::Empty, true) => quote! { #docs #variant { /** The status received. */ status: StatusCode }, },
                (_, false) => quote! { #docs #variant(#ty), },
                (_, true) => quote! {
                    #docs
                    #variant {
                        /// The status received.
                        status: StatusCode,
                        /// The documented body.
                        body: #ty,
                    },
                },
            }
        })
        .collect()
}

/// On a response enum whose variants hold different bodies, `#[allow(clippy::large_enum_variant)]`:
/// one may be large beside a bodyless one. A response is returned once per call, so the size
/// costs nothing that matters, and boxing the bodies would make matching on them clumsier (the
/// same reason `clippy::result_large_err` is allowed).
pub(crate) fn allow_large_bodies(outcomes: &[Outcome]) -> Option<TokenStream> {
    let differ = outcomes.windows(2).any(|pair| pair[0].body != pair[1].body);
    differ.then(|| quote! { #[allow(clippy::large_enum_variant)] })
}

fn emit_success_enum(operation: &Operation) -> TokenStream {
    let name = success_enum_ident(operation);
    let doc = doc_lines([format!("The success responses [`Client::{}`] documents (their bodies differ).", operation.method_name)]);
    let variants = outcome_variants(operation.success.iter());
    let allow = allow_large_bodies(&operation.success);
    let gate = features::cfg(operation);
    quote! {
        #doc
        #gate
        #allow
        #[derive(Debug)]
        pub enum #name {
            #(#variants)*
        }
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
