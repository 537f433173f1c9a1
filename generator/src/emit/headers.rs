//! Typed response headers: for each operation whose responses document `headers:`, a struct in
//! `mod headers` with one optional field per documented header, read with
//! `client_runtime::Response::typed_headers`.

use std::collections::BTreeMap;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::docs::{doc_lines, text_lines};
use crate::model::{Api, Operation, ParamType, ResponseHeader, StatusKey};

/// Header names whose values are credentials: their fields are `Secret`s.
fn is_secret(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    ["authorization", "cookie", "token", "secret", "password", "api-key", "apikey"].iter().any(|word| name.contains(word))
}

/// `mod headers`, or nothing when no response documents a header.
pub fn emit_headers(api: &Api) -> TokenStream {
    let structs: Vec<TokenStream> = api.operations.iter().filter_map(emit_struct).collect();
    if structs.is_empty() {
        return TokenStream::new();
    }
    quote! {
        /// The response headers each operation's spec documents, typed; read them with
        /// [`Response::typed_headers`](client_runtime::Response::typed_headers). A header that
        /// is absent or does not parse is `None`.
        pub mod headers {
            #(#structs)*
        }
    }
}

fn emit_struct(operation: &Operation) -> Option<TokenStream> {
    // One field per header name, whichever responses document it (first definition wins).
    let mut documented: BTreeMap<String, (&ResponseHeader, Vec<String>)> = BTreeMap::new();
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
    if documented.is_empty() {
        return None;
    }
    let name = format_ident!("{}", operation.type_name);
    let method = &operation.method_name;
    let doc = doc_lines([format!(
        "The headers the responses of [`Client::{method}`](crate::Client::{method}) document."
    )]);
    let mut fields = Vec::new();
    let mut reads = Vec::new();
    for (header, statuses) in documented.values() {
        let ident = format_ident!("{}", header.rust_name);
        let wire = &header.name;
        let mut lines = vec![format!("`{wire}` (documented for {}).", statuses.join(", "))];
        if let Some(description) = &header.description {
            lines.push(String::new());
            lines.extend(text_lines(description));
        }
        let docs = doc_lines(lines);
        if is_secret(wire) {
            fields.push(quote! { #docs pub #ident: Option<client_runtime::Secret>, });
            reads.push(quote! { #ident: client_runtime::header_value::<String>(headers, #wire).map(client_runtime::Secret::new), });
            continue;
        }
        let ty = match &header.ty {
            ParamType::Integer(_) => quote! { i64 },
            ParamType::Number => quote! { f64 },
            ParamType::Bool => quote! { bool },
            ParamType::Str | ParamType::Named(_) | ParamType::Json(_) => quote! { String },
        };
        fields.push(quote! { #docs pub #ident: Option<#ty>, });
        reads.push(quote! { #ident: client_runtime::header_value(headers, #wire), });
    }
    let gate = crate::features::cfg(operation);
    Some(quote! {
        #doc
        #gate
        #[derive(Clone, Debug, Default, PartialEq)]
        pub struct #name {
            #(#fields)*
        }

        #gate
        impl client_runtime::FromHeaders for #name {
            fn from_headers(headers: &client_runtime::HeaderMap) -> Self {
                #name { #(#reads)* }
            }
        }
    })
}
