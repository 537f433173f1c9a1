//! Stage 4: build the Rust tokens of a client crate's `lib.rs` from the model.
//!
//! - [`types`]: schema types, through progenitor's engine (`prepare` first rewrites the schemas
//!   into forms it reads correctly);
//! - [`client`]: the `Client`, its builder and one authentication method per security scheme;
//! - [`methods`]: one method per operation, returning its request builder;
//! - [`requests`]: the request builders, which send the request and read the response;
//! - [`outcomes`]: the response enums' variants, and the success enums of operations whose
//!   successes differ in body;
//! - [`errors`]: the enums of documented errors, one per distinct set of error responses;
//! - [`headers`]: typed response headers;
//! - [`mock`]: typed mocks behind the generated crate's `mock` feature.
//!
//! The code whose shape is ours (everything but the schema types) is written directly as
//! formatted text ([`text`]); the schema types are typify's tokens, formatted by stage 5. Each
//! [`Part`] of `lib.rs` is one or the other ([`Code`]).

pub mod client;
pub mod docs;
mod enums;
pub mod errors;
pub mod headers;
pub mod methods;
pub mod mock;
pub mod outcomes;
mod prepare;
pub mod requests;
pub mod text;
pub mod types;

use proc_macro2::TokenStream;
use quote::quote;

use crate::diagnostic::Diagnostics;
use crate::model::Api;

/// The tokens of `lib.rs`, and what the writer needs to know of its types.
pub struct Emitted {
    /// The whole `lib.rs` in consecutive parts (the [`Part`]s, in order).
    pub parts: Vec<Code>,
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
    /// The `Client`, its builder and the login helpers.
    Client,
    /// `impl Client` with the operation methods.
    Methods,
    /// `pub mod requests`, a builder per operation.
    Requests,
    /// Response enums, typed headers and mocks.
    Responses,
}

impl Part {
    /// Every part, in file order.
    pub const ALL: [Part; 6] = [Part::Head, Part::Types, Part::Client, Part::Methods, Part::Requests, Part::Responses];
}

/// A part's code: tokens, formatted by stage 5, or text written already formatted.
pub enum Code {
    /// Tokens, to be pretty-printed.
    Tokens(TokenStream),
    /// Formatted Rust source.
    Text(String),
}

/// Emits the client for `api`, in one thread. (`generate_crate` emits and formats the parts
/// on several threads; this is the same output.)
pub fn emit(api: &Api) -> Result<Emitted, Diagnostics> {
    let types = types::emit_types(api).map_err(Diagnostics::single)?;
    let parts = Part::ALL
        .iter()
        .map(|part| match part {
            Part::Head => Code::Text(head(api, &types.facts)),
            Part::Types => Code::Tokens(types_module(&types.tokens)),
            other => operations_part(api, *other),
        })
        .collect();
    Ok(Emitted { parts, types: types.facts })
}

/// The crate's documentation, attributes and re-exports.
pub fn head(api: &Api, types: &types::TypeFacts) -> String {
    let mut out = text::Writer::default();
    out.inner_docs(docs::crate_docs(api));
    out.line("#![forbid(unsafe_code)]");
    // An `Error` is returned at most once per HTTP round trip: its size costs nothing that
    // matters, and boxing documented bodies would make matching on them clumsier.
    out.line("#![allow(clippy::result_large_err)]");
    // Types of ours that typify refers to by path need the crate to be able to name itself.
    if types.own_enums > 0 {
        out.line(format_args!("extern crate self as {};", enums::SELF_ALIAS));
    }
    // Everything a user of the client names, so that this crate is the only dependency.
    for line in [
        "pub use client_runtime::{",
        "    ConfigError, Credential, DocumentedError, Error, HeaderMap, Redirects, Response,",
        "    RetryPolicy, Secret, StatusCode,",
        "};",
    ] {
        out.line(line);
    }
    out.finish()
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
/// [`Part::Methods`], [`Part::Requests`] or [`Part::Responses`] (nothing for the others).
pub fn operations_part(api: &Api, part: Part) -> Code {
    match part {
        Part::Client => {
            let mut out = text::Writer::default();
            client::write_client(&mut out, api);
            Code::Text(out.finish())
        }
        Part::Methods => Code::Text(methods::write_methods(api)),
        Part::Requests => Code::Text(requests::write_requests(api)),
        Part::Responses => {
            // Which operations share an error enum: the enums and their mocks follow it.
            let groups = errors::ErrorGroups::new(api);
            let mut out = text::Writer::default();
            outcomes::write_success_enums(&mut out, api);
            errors::write_error_enums(&mut out, &groups);
            headers::write_headers(&mut out, api);
            mock::write_mock(&mut out, api, &groups);
            Code::Text(out.finish())
        }
        Part::Head | Part::Types => Code::Tokens(TokenStream::new()),
    }
}
