//! Stage 5: pretty-print what was emitted as tokens (typify's schema types: the rest is
//! written as text already), and join the parts of the file under the "generated" header.
//!
//! A file is formatted in parts (each a sequence of whole items), so that parts can be printed
//! on threads of their own; the printed parts joined in order are the printed file.

use std::sync::mpsc::{self, Receiver, Sender};

use proc_macro2::{Delimiter, TokenStream, TokenTree};

use crate::diagnostic::{Diagnostic, Diagnostics, REPORT_A_BUG};
use crate::bug;
use crate::emit::types::Types;
use crate::emit::Code;
use crate::gate;
use crate::model::Api;

/// Formats a part of a file: the schema types (not gated; see [`format_types`]); text is
/// already formatted.
pub fn format_part(code: Code) -> Result<String, Diagnostics> {
    match code {
        Code::Types(types) => format_types(types, None, false),
        Code::Text(text) => Ok(text),
    }
}

/// Formats `pub mod types`: typify's items, pretty-printed, then our enums, written as text
/// already. With `gate_by`, the api whose features gate the types, each item is gated on the way
/// (the `gate` module).
///
/// typify's items are most of the formatting there is (the rest of the crate is written as
/// text), so (when the pipeline runs `parallel` and there are enough items) they are parsed
/// and printed in two halves, on two threads: items are printed alike alone or among others,
/// so the halves joined are the module printed whole. Tokens and syntax trees cannot cross
/// threads: the second half goes to its thread as text, and the two threads exchange what
/// gating needs as plain data (`Exchange`).
pub fn format_types(types: Types, gate_by: Option<&Api>, parallel: bool) -> Result<String, Diagnostics> {
    format_types_sharing(types, gate_by, if parallel { MIN_ITEMS_TO_SHARE } else { usize::MAX })
}

/// [`format_types`], typify's items shared between two threads from `min_items` items on.
fn format_types_sharing(types: Types, gate_by: Option<&Api>, min_items: usize) -> Result<String, Diagnostics> {
    let gate_by = gate_by.filter(|api| !api.features.is_empty());
    let own: Vec<&str> = crate::emit::types::own_names(&types.own).collect();
    let (first, second) = halves(types.tokens, min_items);
    // Each stage's input is dropped as soon as the next has what it needs: for a large spec the
    // tokens, their text and the syntax trees are each hundreds of megabytes.
    let (typify_module, own_cfgs) = if second.is_empty() {
        // Few items: formatted here.
        let mut file = parse_types_module(first)?;
        let own_cfgs = match gate_by {
            Some(api) => gate::gate_types(module_items(&mut file)?, &own, api),
            None => Vec::new(),
        };
        (prettyplease::unparse(&file), own_cfgs)
    } else {
        let second_text = second.to_string();
        drop(second);
        format_halves(first, second_text, &own, gate_by)?
    };
    let own_text = crate::emit::types::write_own(&types.own, &own_cfgs).map_err(Diagnostics::single)?;
    // Our enums go last in the module, before its closing brace (an empty module is `{}`).
    match typify_module.strip_suffix("}\n") {
        Some(open) if own_text.is_empty() => Ok(format!("{open}}}\n")),
        Some(open) if open.ends_with('{') => Ok(format!("{open}\n{own_text}}}\n")),
        Some(open) => Ok(format!("{open}{own_text}}}\n")),
        None => Err(bug("printed the types module in an unexpected shape")),
    }
}

/// typify's items in two halves, printed on two threads and joined; the cfgs of our enums.
fn format_halves(first: TokenStream, second: String, own: &[&str], gate_by: Option<&Api>) -> Result<(String, Vec<gate::Cfgs>), Diagnostics> {
    let gated = gate_by.is_some();
    let (to_second, at_second) = mpsc::channel::<Exchange>();
    let (to_first, at_first) = mpsc::channel::<Exchange>();
    std::thread::scope(|scope| {
        let second_lane = crate::Lane::start(scope, "types-half", true, move || format_second_half(second, gated, to_first, &at_second));
        // Whatever stops one half early stops the other: each half owns its sender, which goes
        // when the half ends, so the other's next `recv` fails rather than waits.
        let first = format_first_half(first, own, gate_by, to_second, &at_first);
        // The second half's error first: a failure there is what stopped the first.
        let second = second_lane.join("the second half of the types")??;
        let (first, own_cfgs) = first?;
        // The first half without the module's closing brace, the second without its opening.
        let opening = "pub mod types {\n";
        match (first.strip_suffix("}\n"), second.find(opening)) {
            (Some(first), Some(at)) => Ok((format!("{first}{}", &second[at + opening.len()..]), own_cfgs)),
            _ => Err(bug("printed the types module in an unexpected shape")),
        }
    })
}

/// The first half of the types module, printed; it decides the gating of both halves and of
/// our enums (`own`), and returns our enums' cfgs.
fn format_first_half(
    items: TokenStream,
    own: &[&str],
    gate_by: Option<&Api>,
    to_second: Sender<Exchange>,
    at_first: &Receiver<Exchange>,
) -> Result<(String, Vec<gate::Cfgs>), Diagnostics> {
    let stopped = || bug("stopped gating the types");
    let mut file = parse_types_module(items)?;
    let mut own_cfgs = Vec::new();
    if let Some(api) = gate_by {
        let items = module_items(&mut file)?;
        let mut outline = gate::Outline::of(items);
        let Ok(Exchange::Outline(second)) = at_first.recv() else { return Err(stopped()) };
        let split = items.len();
        outline.extend(second);
        let own_split = outline.len();
        outline.extend(gate::Outline::of_own(own));
        let known = outline.known();
        let _ = to_second.send(Exchange::Known(known.clone()));
        let mut mentions = gate::mentions(items, &known);
        let Ok(Exchange::Mentions(second)) = at_first.recv() else { return Err(stopped()) };
        mentions.extend(second);
        mentions.extend(gate::own_mentions(own));
        let mut cfgs = gate::decide(&outline, &mentions, &known, api);
        own_cfgs = cfgs.split_off(own_split);
        let _ = to_second.send(Exchange::Cfgs(cfgs.split_off(split)));
        gate::apply(items, &cfgs);
    }
    Ok((prettyplease::unparse(&file), own_cfgs))
}

/// The second half of the types module (sent as text), printed, gated as the first half says.
fn format_second_half(text: String, gated: bool, to_first: Sender<Exchange>, at_second: &Receiver<Exchange>) -> Result<String, Diagnostics> {
    let stopped = || bug("stopped gating the types");
    let tokens: TokenStream = text.parse().map_err(|_| bug("printed types that do not read back as tokens"))?;
    drop(text);
    let mut file = parse_types_module(tokens)?;
    if gated {
        let items = module_items(&mut file)?;
        let _ = to_first.send(Exchange::Outline(gate::Outline::of(items)));
        let Ok(Exchange::Known(known)) = at_second.recv() else { return Err(stopped()) };
        let _ = to_first.send(Exchange::Mentions(gate::mentions(items, &known)));
        let Ok(Exchange::Cfgs(cfgs)) = at_second.recv() else { return Err(stopped()) };
        gate::apply(items, &cfgs);
    }
    Ok(prettyplease::unparse(&file))
}

/// What the two threads that format the types tell each other to gate them (see `gate`).
enum Exchange {
    /// The second half's items, outlined.
    Outline(gate::Outline),
    /// The types defined in both halves.
    Known(std::collections::BTreeSet<String>),
    /// What the second half's items name.
    Mentions(Vec<std::collections::BTreeSet<String>>),
    /// The cfg attributes of the second half's items.
    Cfgs(Vec<gate::Cfgs>),
}

/// `items` cut in two at the item boundary nearest the middle: after a `;` or a `{ ... }`
/// block at the top level, before an attribute or a keyword that starts an item. (All in the
/// first when there are fewer than `min_items` items.)
fn halves(items: TokenStream, min_items: usize) -> (TokenStream, TokenStream) {
    let trees: Vec<TokenTree> = items.into_iter().collect();
    let ends_item = |tree: &TokenTree| match tree {
        TokenTree::Punct(punct) => punct.as_char() == ';',
        TokenTree::Group(group) => group.delimiter() == Delimiter::Brace,
        _ => false,
    };
    let starts_item = |tree: &TokenTree| match tree {
        TokenTree::Punct(punct) => punct.as_char() == '#',
        TokenTree::Ident(ident) => ITEM_KEYWORDS.iter().any(|word| ident == word),
        _ => false,
    };
    let boundaries: Vec<usize> = (1..trees.len()).filter(|&at| ends_item(&trees[at - 1]) && starts_item(&trees[at])).collect();
    let middle = match boundaries.len() {
        count if count < min_items => trees.len(),
        count => boundaries[count / 2],
    };
    let mut first = trees;
    let second = first.split_off(middle);
    (first.into_iter().collect(), second.into_iter().collect())
}

/// Below this many items, a second thread (its start, the text it is sent, lexing that again:
/// a quarter more work for the half it takes) costs more than the half of the formatting it
/// takes over, on a machine whose other core is busy. Measured whole-process against bare
/// progenitor (BENCHMARKS.md, fifth pass): without the split propolis-server (64 items) went
/// from 1.05 to 0.98 and buildomat (55) from 0.93 to 0.87; nexus (439) was the same either way.
const MIN_ITEMS_TO_SHARE: usize = 256;

const ITEM_KEYWORDS: &[&str] = &["pub", "impl", "struct", "enum", "mod", "fn", "type", "use", "const", "static", "trait"];

/// The items of the `types` module that [`crate::emit::types_module`] makes.
fn module_items(file: &mut syn::File) -> Result<&mut Vec<syn::Item>, Diagnostics> {
    match file.items.first_mut() {
        Some(syn::Item::Mod(syn::ItemMod { content: Some((_, items)), .. })) => Ok(items),
        _ => Err(bug("made a types module without a body")),
    }
}

// By value: syn consumes the stream, and a shared one would be copied first.
/// The `types` module around `items`, parsed. `items` are dropped once the module's tokens
/// are built, so that they are freed while it is parsed rather than held beside its tree.
fn parse_types_module(items: TokenStream) -> Result<syn::File, Diagnostics> {
    let module = crate::emit::types_module(&items);
    drop(items);
    parse(module)
}

fn parse(tokens: TokenStream) -> Result<syn::File, Diagnostics> {
    syn::parse2(tokens).map_err(|error| {
        Diagnostics::single(
            Diagnostic::error("", format!("the generated code does not parse as Rust: {error}")).help(REPORT_A_BUG),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_second_half_stops_when_the_first_half_stops_early() {
        // The first half owns its sender: ending early (a parse error, say) drops it, and the
        // second half, waiting for the known types, gets an error instead of waiting forever.
        let (to_second, at_second) = mpsc::channel::<Exchange>();
        let (to_first, _at_first) = mpsc::channel::<Exchange>();
        drop(to_second);
        let printed = format_second_half("pub struct A { a: u8 }".to_owned(), true, to_first, &at_second);
        assert!(printed.is_err());
    }

    #[test]
    fn the_types_printed_in_two_halves_are_the_types_printed_whole_gating_included() {
        // Two groups of operations, enough for features, each reaching types of its own (an
        // open enum of ours among them) and one shared type.
        let mut paths = String::new();
        for (group, body) in [("pets", "Pet"), ("stores", "Store")] {
            for index in 0..26 {
                paths.push_str(&format!(
                    "  /{group}/{index}:\n    get:\n      operationId: get_{group}_{index}\n      tags: [{group}]\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {{$ref: '#/components/schemas/{body}'}}\n"
                ));
            }
        }
        let schemas = "    Pet:\n      type: object\n      properties:\n        species: {$ref: '#/components/schemas/Species'}\n        owner: {$ref: '#/components/schemas/Owner'}\n        shared: {$ref: '#/components/schemas/Shared'}\n    Owner:\n      type: object\n      properties:\n        name: {type: string}\n    Species:\n      type: string\n      enum: [cat, dog]\n    Store:\n      type: object\n      properties:\n        shared: {$ref: '#/components/schemas/Shared'}\n    Shared:\n      type: object\n      properties:\n        note: {type: string}\n";
        let spec = format!("openapi: 3.0.3\ninfo: {{title: Halves, version: '1'}}\npaths:\n{paths}components:\n  schemas:\n{schemas}");
        let path = std::env::temp_dir().join(format!("generator-halves-{}.yaml", std::process::id()));
        std::fs::write(&path, spec).unwrap();
        let document = crate::input::load(&path).unwrap_or_else(|found| panic!("{}", found.render()));
        let _ = std::fs::remove_file(&path);
        let (openapi, _) = crate::validate::check(&document, false).unwrap_or_else(|found| panic!("{}", found.render()));
        let (api, _) = crate::model::lower(&openapi, &document).unwrap_or_else(|found| panic!("{}", found.render()));
        assert_eq!(api.features, ["pets", "stores"]);
        let types = || crate::emit::types::emit_types(&api).unwrap_or_else(|problem| panic!("{}", problem.message));
        let whole = format_types_sharing(types(), Some(&api), usize::MAX).unwrap_or_else(|found| panic!("{}", found.render()));
        assert!(!halves(types().tokens, 2).1.is_empty(), "the items are shared");
        let in_halves = format_types_sharing(types(), Some(&api), 2).unwrap_or_else(|found| panic!("{}", found.render()));
        assert_eq!(in_halves, whole);
        assert!(whole.contains("#[cfg(any(feature = \"pets\"))]\n    pub struct Owner {"), "{whole}");
        assert!(whole.contains("#[cfg(any(feature = \"pets\"))]\n    pub enum Species {"), "{whole}");
        assert!(whole.contains("#[cfg(any(feature = \"stores\"))]\n    pub struct Store {"), "{whole}");
        assert!(whole.contains("PartialEq)]\n    pub struct Shared {"), "{whole}");
    }

    #[test]
    fn items_are_halved_between_whole_items() {
        let items: TokenStream = quote::quote! {
            #[derive(Debug)] pub struct A { a: u8 }
            impl A { fn f() -> Self { A { a: 1 } } }
            const C: A = A { a: 2 };
            pub enum B { X }
            pub type D = A;
        };
        let (first, second) = halves(items.clone(), 2);
        assert_eq!(format!("{first} {second}"), items.to_string());
        // `const C: A = A { .. };` ends at its `;`, not at its block.
        assert!(second.to_string().starts_with("pub enum B"), "{second}");
        assert!(syn::parse2::<syn::File>(first).is_ok() && syn::parse2::<syn::File>(second).is_ok());
    }
}
