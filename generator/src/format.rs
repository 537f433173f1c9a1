//! Stage 5: pretty-print the tokens and put the "generated" header on top.

use proc_macro2::TokenStream;

use crate::diagnostic::{Diagnostic, Diagnostics};

/// Formats `tokens` as a Rust file that starts with `header` (one or more `//` lines).
pub fn format_lib(tokens: &TokenStream, header: &str) -> Result<String, Diagnostics> {
    let file: syn::File = syn::parse2(tokens.clone()).map_err(|error| {
        Diagnostics::single(
            Diagnostic::error("", format!("the generated code does not parse as Rust: {error}"))
                .help("this is a generator bug; please report it with the spec"),
        )
    })?;
    Ok(format!("{header}\n{}", prettyplease::unparse(&file)))
}
