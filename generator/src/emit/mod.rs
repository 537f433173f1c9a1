//! Stage 4: build the Rust tokens of a client crate's `lib.rs` from the model.
//!
//! - [`types`]: schema types, through progenitor's engine (`prepare` first rewrites the schemas
//!   into forms it reads correctly);
//! - [`client`]: the `Client`, its builder and one authentication method per security scheme;
//! - [`operations`]: one method and request builder per operation;
//! - [`errors`]: the enums of documented errors, one per distinct set of error responses;
//! - [`headers`]: typed response headers;
//! - [`mock`]: typed mocks behind the generated crate's `mock` feature.

pub mod client;
pub mod docs;
mod enums;
pub mod errors;
pub mod headers;
pub mod mock;
pub mod operations;
mod prepare;
pub mod types;

use proc_macro2::TokenStream;
use quote::quote;

use crate::diagnostic::Diagnostics;
use crate::model::Api;

/// The tokens of `lib.rs`, and what the writer needs to know of its types.
pub struct Emitted {
    /// The whole `lib.rs`, unformatted, in consecutive parts that are each a file of their own
    /// (the [`Part`]s, in order).
    pub parts: Vec<TokenStream>,
    /// How many schema types there are and which optional crates they need.
    pub types: types::TypeFacts,
}

/// The consecutive parts of `lib.rs`, each a sequence of whole items, so that they can be
/// emitted and formatted apart (on threads of their own) and joined in this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The crate's documentation, attributes and re-exports ([`head`]).
    Head,
    /// `pub mod types` ([`types_module`]).
    Types,
    /// The `Client`, its builder, the login helpers and the operation methods.
    Client,
    /// `pub mod requests`, a builder per operation.
    Requests,
    /// Response enums, typed headers and mocks.
    Responses,
}

impl Part {
    /// Every part, in file order.
    pub const ALL: [Part; 5] = [Part::Head, Part::Types, Part::Client, Part::Requests, Part::Responses];
}

/// Emits the client for `api`, in one thread. (`generate_crate` emits and formats the parts
/// on several threads; this is the same output.)
pub fn emit(api: &Api) -> Result<Emitted, Diagnostics> {
    let types = types::emit_types(api).map_err(Diagnostics::single)?;
    let parts = Part::ALL
        .iter()
        .map(|part| match part {
            Part::Head => head(api, &types.facts),
            Part::Types => types_module(&types.tokens),
            other => operations_part(api, *other),
        })
        .collect();
    Ok(Emitted { parts, types: types.facts })
}

/// The crate's documentation, attributes and re-exports.
pub fn head(api: &Api, types: &types::TypeFacts) -> TokenStream {
    let crate_docs = docs::crate_docs(api);
    // Types of ours that typify refers to by path need the crate to be able to name itself.
    let self_alias = (types.own_enums > 0).then(|| {
        let alias = quote::format_ident!("{}", enums::SELF_ALIAS);
        quote! { extern crate self as #alias; }
    });
    quote! {
        #crate_docs
        #![forbid(unsafe_code)]
        // An `Error` is returned at most once per HTTP round trip: its size costs nothing that
        // matters, and boxing documented bodies would make matching on them clumsier.
        #![allow(clippy::result_large_err)]

        #self_alias
        // Everything a user of the client names, so that this crate is the only dependency.
        pub use client_runtime::{
            ConfigError, Credential, DocumentedError, Error, HeaderMap, Redirects, Response, RetryPolicy, Secret,
            StatusCode,
        };
    }
}

/// `pub mod types` around the schema types.
pub fn types_module(type_items: &TokenStream) -> TokenStream {
    quote! {
        /// The schemas of the spec as Rust types.
        // typify's output is outside our control in style; these lints fire on it and are
        // harmless (large derived enums, documented conversions).
        #[allow(clippy::all, missing_docs)]
        pub mod types {
            #type_items
        }
    }
}

/// One of the parts that do not depend on the schema types: [`Part::Client`],
/// [`Part::Requests`] or [`Part::Responses`] (nothing for the others).
pub fn operations_part(api: &Api, part: Part) -> TokenStream {
    match part {
        Part::Client => {
            let client = client::emit_client(api);
            let login_helpers = client::emit_login_helpers(api);
            let methods = operations::emit_methods(api);
            quote! {
                #client
                #login_helpers
                #methods
            }
        }
        Part::Requests => operations::emit_requests(api),
        Part::Responses => {
            // Which operations share an error enum: the enums and their mocks follow it.
            let groups = errors::ErrorGroups::new(api);
            let enums = operations::emit_response_enums(api, &groups);
            let headers = headers::emit_headers(api);
            let mock = mock::emit_mock(api, &groups);
            quote! {
                #enums
                #headers
                #mock
            }
        }
        Part::Head | Part::Types => TokenStream::new(),
    }
}
