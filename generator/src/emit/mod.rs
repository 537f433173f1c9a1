//! Stage 4: the code of a client crate's `lib.rs`, from the model.
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
//! - [`mock`]: typed mocks behind the generated crate's `mock` feature;
//! - `names`: the names and types of an operation's enums, bodies and arguments, which the
//!   parts above share.
//!
//! The code whose shape is ours (everything but typify's schema types, our string enums
//! included) is written directly as formatted text ([`text`]); typify's types are tokens,
//! formatted by stage 5, which also writes our enums after them in the `types` module (their
//! gating is decided there). Each part of `lib.rs` is one or the other ([`Code`]).

pub mod client;
pub mod docs;
mod enums;
pub mod errors;
pub mod headers;
pub mod methods;
pub mod mock;
mod names;
pub mod outcomes;
mod prepare;
pub mod requests;
pub mod text;
pub mod types;

use proc_macro2::TokenStream;
use quote::quote;

use crate::diagnostic::Diagnostics;
use crate::model::Api;

/// The parts of `lib.rs`, and what the writer needs to know of its types.
pub struct Emitted {
    /// The whole `lib.rs` in consecutive parts, each a sequence of whole items: the head
    /// ([`head`]), the schema types ([`types_module`]), then [`own_parts`].
    pub parts: Vec<Code>,
    /// How many schema types there are and which optional crates they need.
    pub types: types::TypeFacts,
}

/// A part's code: the schema types, formatted by stage 5, or text written already formatted.
pub enum Code {
    /// The schema types: typify's tokens, to be pretty-printed, and our enums.
    Types(types::Types),
    /// Formatted Rust source.
    Text(String),
}

/// Emits the client for `api`, in one thread. (`generate_crate` emits and formats the parts
/// on several threads; this is the same output.)
pub fn emit(api: &Api) -> Result<Emitted, Diagnostics> {
    let types = types::emit_types(api).map_err(Diagnostics::single)?;
    let facts = types.facts;
    let mut parts = vec![Code::Text(head(api, &facts)), Code::Types(types)];
    parts.extend(own_parts(api).map(Code::Text));
    Ok(Emitted { parts, types: facts })
}

/// The crate's documentation, attributes and re-exports.
pub fn head(api: &Api, types: &types::TypeFacts) -> String {
    let mut out = text::Writer::default();
    for line in docs::crate_docs(api) {
        match &line.feature {
            Some(feature) => out.inner_doc_under(feature, &line.text),
            None => out.inner_docs([line.text]),
        }
    }
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

/// `pub mod types` around typify's items.
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

/// The parts that do not depend on the schema types, in file order: the `Client` and its
/// builder; `impl Client` with the operation methods; `pub mod requests`, a builder per
/// operation; the response enums, typed headers and mocks.
pub fn own_parts(api: &Api) -> [String; 4] {
    let mut client = text::Writer::default();
    client::write_client(&mut client, api);
    // Which operations share an error enum: the enums and their mocks follow it.
    let groups = errors::ErrorGroups::new(api);
    let mut responses = text::Writer::default();
    outcomes::write_success_enums(&mut responses, api);
    errors::write_error_enums(&mut responses, &groups);
    headers::write_headers(&mut responses, api);
    mock::write_mock(&mut responses, api, &groups);
    [client.finish(), methods::write_methods(api), requests::write_requests(api), responses.finish()]
}
