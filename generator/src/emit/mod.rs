//! Stage 4: build the Rust tokens of a client crate's `lib.rs` from the model.
//!
//! - [`types`]: schema types, through progenitor's engine (`prepare` first rewrites the schemas
//!   into forms it reads correctly);
//! - [`client`]: the `Client`, its builder and one authentication method per security scheme;
//! - [`operations`]: one async method per operation and one error enum per operation.

pub mod client;
pub mod docs;
mod enums;
pub mod operations;
mod prepare;
pub mod types;

use proc_macro2::TokenStream;
use quote::quote;

use crate::diagnostic::Diagnostics;
use crate::model::Api;

/// The tokens of `lib.rs` and the optional dependencies they need.
pub struct Emitted {
    /// The whole `lib.rs`, unformatted.
    pub tokens: TokenStream,
    /// Optional crates the schema types use.
    pub types: types::Types,
}

/// Emits the client for `api`.
pub fn emit(api: &Api) -> Result<Emitted, Diagnostics> {
    let types = types::emit_types(api).map_err(Diagnostics::single)?;
    let type_items = &types.tokens;
    let crate_docs = docs::crate_docs(api);
    let client = client::emit_client(api);
    let login_helpers = client::emit_login_helpers(api);
    let operations = operations::emit_operations(api);
    // Types of ours that typify refers to by path need the crate to be able to name itself.
    let self_alias = (types.own_enums > 0).then(|| {
        let alias = quote::format_ident!("{}", enums::SELF_ALIAS);
        quote! { extern crate self as #alias; }
    });
    let tokens = quote! {
        #crate_docs
        #![forbid(unsafe_code)]
        // An `Error` is returned at most once per HTTP round trip: its size costs nothing that
        // matters, and boxing documented bodies would make matching on them clumsier.
        #![allow(clippy::result_large_err)]

        #self_alias
        pub use client_runtime::{ConfigError, Error, Secret, StatusCode};

        /// The schemas of the spec as Rust types.
        // typify's output is outside our control in style; these lints fire on it and are
        // harmless (large derived enums, documented conversions).
        #[allow(clippy::all, missing_docs)]
        pub mod types {
            #type_items
        }

        #client
        #login_helpers
        #operations
    };
    Ok(Emitted { tokens, types })
}
