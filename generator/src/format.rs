//! Stage 5: pretty-print the tokens and put the "generated" header on top.
//!
//! A file is formatted in parts (each a sequence of whole items), so that parts can be printed
//! on threads of their own; the printed parts joined in order are the printed file.

use proc_macro2::TokenStream;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::emit::Code;
use crate::model::Api;

/// Formats a part of a file: tokens, a sequence of whole items (the first part may start with
/// inner attributes), are pretty-printed; text is already formatted.
pub fn format_part(code: Code) -> Result<String, Diagnostics> {
    match code {
        Code::Tokens(tokens) => Ok(prettyplease::unparse(&parse(tokens)?)),
        Code::Text(text) => Ok(text),
    }
}

/// Formats the `types` module part, gating its types by the crate's features on the way
/// (the `gate` module; nothing to do for a crate without features).
pub fn format_types(tokens: TokenStream, api: &Api) -> Result<String, Diagnostics> {
    let mut file = parse(tokens)?;
    crate::gate::gate_types(&mut file, api);
    Ok(prettyplease::unparse(&file))
}

// By value: syn consumes the stream, and a shared one would be copied first.
fn parse(tokens: TokenStream) -> Result<syn::File, Diagnostics> {
    syn::parse2(tokens).map_err(|error| {
        Diagnostics::single(
            Diagnostic::error("", format!("the generated code does not parse as Rust: {error}"))
                .help("this is a generator bug; please report it with the spec"),
        )
    })
}

/// The file: `header` (one or more `//` lines), then the formatted parts in order.
pub fn join(header: &str, parts: &[String]) -> String {
    let mut text = format!("{header}\n");
    parts.iter().for_each(|part| text.push_str(part));
    text
}

/// Formats consecutive parts of one file, on this thread.
pub fn format_lib(parts: Vec<Code>, header: &str) -> Result<String, Diagnostics> {
    let printed = parts.into_iter().map(format_part).collect::<Result<Vec<_>, _>>()?;
    Ok(join(header, &printed))
}
