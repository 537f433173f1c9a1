//! Stage 5: pretty-print what was emitted as tokens (typify's schema types: the rest is
//! written as text already), and join the parts of the file under the "generated" header.
//!
//! A file is formatted in parts (each a sequence of whole items), so that parts can be printed
//! on threads of their own; the printed parts joined in order are the printed file.

use proc_macro2::{Delimiter, TokenStream, TokenTree};

use crate::diagnostic::{Diagnostic, Diagnostics, REPORT_A_BUG};
use crate::emit::types::Types;
use crate::emit::Code;
use crate::model::Api;
use crate::{bug, gate, Lane};

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
/// text). Items are printed alike alone or among others, so the items are parsed and printed a
/// chunk at a time (a large spec's syntax trees whole were hundreds of megabytes), and, when the
/// pipeline runs `parallel` and there are enough items, in two halves on two threads. The
/// printed chunks joined are the module printed whole.
pub fn format_types(types: Types, gate_by: Option<&Api>, parallel: bool) -> Result<String, Diagnostics> {
    let layout = Layout { share_from: if parallel { MIN_ITEMS_TO_SHARE } else { usize::MAX }, chunk_items: CHUNK_ITEMS };
    format_types_as(types, gate_by, layout)
}

/// How typify's items are cut up to be printed.
#[derive(Clone, Copy)]
struct Layout {
    /// From this many items on, they are printed in two halves, on two threads.
    share_from: usize,
    /// How many items are parsed and printed at a time.
    chunk_items: usize,
}

/// [`format_types`], typify's items cut up as `layout` says.
fn format_types_as(types: Types, gate_by: Option<&Api>, layout: Layout) -> Result<String, Diagnostics> {
    let gate_by = gate_by.filter(|api| !api.features.is_empty());
    let printed = print_items(types.tokens, gate_by.is_some(), layout)?;
    let own: Vec<&str> = crate::emit::types::own_names(&types.own).collect();
    let (typify_module, own_cfgs) = match gate_by {
        Some(api) => gate::gate_printed(&printed.text, printed.outline, &printed.uses, &own, api).map_err(bug)?,
        None => (printed.text, Vec::new()),
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

/// typify's items printed in the `types` module, with what gating needs of them when `gated`.
#[derive(Default)]
struct Printed {
    /// The module, its items marked where their `cfg` attributes go when gated.
    text: String,
    outline: gate::Outline,
    uses: gate::Uses,
}

impl Printed {
    /// These items followed by `next`'s, in one module.
    fn append(&mut self, next: Printed) -> Result<(), Diagnostics> {
        join_modules(&mut self.text, &next.text)?;
        self.outline.extend(next.outline);
        self.uses.append(next.uses);
        Ok(())
    }
}

/// `items` printed in the `types` module: in two halves on two threads from `layout.share_from`
/// items on, else here.
fn print_items(items: TokenStream, gated: bool, layout: Layout) -> Result<Printed, Diagnostics> {
    let (first, second) = halves(items.into_iter().collect(), layout.share_from);
    if second.is_empty() {
        return print_chunks(first, gated, layout.chunk_items);
    }
    // Tokens cannot cross threads: the second half goes to its thread as text (and its tokens,
    // hundreds of megabytes for a large spec, are freed here and now).
    let text = second.into_iter().collect::<TokenStream>().to_string();
    std::thread::scope(|scope| {
        let second_lane = Lane::start(scope, "types-half", true, move || {
            let tokens: TokenStream = text.parse().map_err(|_| bug("printed types that do not read back as tokens"))?;
            drop(text);
            print_chunks(tokens.into_iter().collect(), gated, layout.chunk_items)
        });
        let mut printed = print_chunks(first, gated, layout.chunk_items)?;
        printed.append(second_lane.join("the second half of the types")??)?;
        Ok(printed)
    })
}

/// `items` printed in the `types` module, `chunk_items` at a time: each chunk's syntax tree is
/// dropped once printed. When `gated`, each chunk's items are recorded and marked for gating
/// before they are printed.
fn print_chunks(items: Vec<TokenTree>, gated: bool, chunk_items: usize) -> Result<Printed, Diagnostics> {
    let mut printed = Printed::default();
    for chunk in runs(items, chunk_items) {
        let mut file = parse_types_module(chunk)?;
        if gated {
            let items = module_items(&mut file)?;
            printed.uses.record(items);
            printed.outline.extend(gate::Outline::mark(items));
        }
        let text = prettyplease::unparse(&file);
        drop(file);
        if printed.text.is_empty() {
            printed.text = text;
        } else {
            join_modules(&mut printed.text, &text)?;
        }
    }
    Ok(printed)
}

/// Joins two printings of the `types` module into one: `first` without its closing brace,
/// `next` without what comes before its items.
fn join_modules(first: &mut String, next: &str) -> Result<(), Diagnostics> {
    let opening = "pub mod types {\n";
    match (first.strip_suffix("}\n").map(str::len), next.find(opening)) {
        (Some(end), Some(at)) => {
            first.truncate(end);
            first.push_str(&next[at + opening.len()..]);
            Ok(())
        }
        _ => Err(bug("printed the types module in an unexpected shape")),
    }
}

/// The top-level token trees of `items` cut in two at the item boundary nearest the middle.
/// (All in the first when there are fewer than `min_items` items.)
fn halves(mut trees: Vec<TokenTree>, min_items: usize) -> (Vec<TokenTree>, Vec<TokenTree>) {
    let boundaries = item_boundaries(&trees);
    let middle = match boundaries.len() {
        count if count < min_items => trees.len(),
        count => boundaries[count / 2],
    };
    let second = trees.split_off(middle);
    (trees, second)
}

/// The top-level token trees of items cut into runs of `per_run` items (the last one
/// shorter), in order.
fn runs(mut trees: Vec<TokenTree>, per_run: usize) -> Vec<TokenStream> {
    let cuts: Vec<usize> = item_boundaries(&trees).into_iter().skip(per_run.max(1) - 1).step_by(per_run.max(1)).collect();
    // From the back, so that each cut moves only its own run.
    let mut runs: Vec<TokenStream> = cuts.into_iter().rev().map(|cut| trees.split_off(cut).into_iter().collect()).collect();
    runs.push(trees.into_iter().collect());
    runs.reverse();
    runs
}

/// Where one item ends and the next begins among top-level `trees`: after a `;` or a
/// `{ ... }` block, before an attribute or a keyword that starts an item.
fn item_boundaries(trees: &[TokenTree]) -> Vec<usize> {
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
    (1..trees.len()).filter(|&at| ends_item(&trees[at - 1]) && starts_item(&trees[at])).collect()
}

/// Below this many items, a second thread (its start, the text it is sent, lexing that again:
/// a quarter more work for the half it takes) costs more than the half of the formatting it
/// takes over, on a machine whose other core is busy. Measured whole-process against bare
/// progenitor (BENCHMARKS.md, fifth pass): without the split propolis-server (64 items) went
/// from 1.05 to 0.98 and buildomat (55) from 0.93 to 0.87; nexus (439) was the same either way.
const MIN_ITEMS_TO_SHARE: usize = 256;

/// How many items are parsed and printed at a time. EC2's module whole was about 200 MB of
/// syntax trees; its peak memory, four runs each: 4,096 items 377–407 MB, 1,024 344–368 MB,
/// 256 326–362 MB, 64 321–359 MB, the time the same within the machine's noise.
const CHUNK_ITEMS: usize = 256;

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
    fn the_types_printed_in_chunks_and_halves_are_the_types_printed_whole_gating_included() {
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
        let format = |share_from, chunk_items| {
            format_types_as(types(), Some(&api), Layout { share_from, chunk_items }).unwrap_or_else(|found| panic!("{}", found.render()))
        };
        let whole = format(usize::MAX, usize::MAX);
        let trees = || types().tokens.into_iter().collect::<Vec<TokenTree>>();
        assert!(!halves(trees(), 2).1.is_empty(), "the items are shared");
        assert!(runs(trees(), 2).len() > 2, "the items are cut into chunks");
        assert_eq!(format(2, usize::MAX), whole, "in halves");
        assert_eq!(format(usize::MAX, 2), whole, "in chunks");
        assert_eq!(format(2, 1), whole, "in halves, an item at a time");
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
        let trees: Vec<TokenTree> = items.clone().into_iter().collect();
        let (first, second) = halves(trees.clone(), 2);
        let (first, second): (TokenStream, TokenStream) = (first.into_iter().collect(), second.into_iter().collect());
        assert_eq!(format!("{first} {second}"), items.to_string());
        // `const C: A = A { .. };` ends at its `;`, not at its block.
        assert!(second.to_string().starts_with("pub enum B"), "{second}");
        assert!(syn::parse2::<syn::File>(first).is_ok() && syn::parse2::<syn::File>(second).is_ok());
        let in_twos: Vec<String> = runs(trees.clone(), 2).iter().map(TokenStream::to_string).collect();
        assert_eq!(in_twos.len(), 3);
        assert_eq!(in_twos.join(" "), items.to_string());
        assert!(in_twos[2].starts_with("pub type D"), "{in_twos:?}");
        assert_eq!(runs(trees, usize::MAX).len(), 1);
    }
}
