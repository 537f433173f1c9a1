//! Gates the schema types of a crate with cargo features ([`crate::features`]): a type that only
//! some groups' operations reach gets `#[cfg(any(feature = "a", feature = "b"))]`, so a user who
//! builds one group does not compile the types of the others.
//!
//! typify writes the types, so they are gated after it, as the formatter parses and prints the
//! `types` module (it parses it anyway). Our own enums (`emit/enums.rs`), written
//! as text after typify's items, are gated by name: they name no other type of the module, so
//! each goes wherever the types that hold it go.
//!
//! 1. each item of the module is keyed by the type it defines (an `impl` by its self type, when
//!    that type is defined here);
//! 2. a key refers to every other key its items name in a path (a field's type, a variant's,
//!    a conversion's source, an expression) or a `use`, or anywhere in a macro call's tokens:
//!    every way Rust code can need a type, so no edge of the `$ref` graph is missed (a variant
//!    that merely shares a type's name, `Self::Store`, is not a use of it);
//! 3. each gated operation's types, and everything they refer to, are needed by its feature;
//! 4. whatever no gated operation reaches (a schema no operation uses, a type the ungated login
//!    helpers read), typify's helper modules (named from attribute strings too), and everything
//!    they refer to, are needed everywhere and stay ungated, as does a type needed by every
//!    group.
//!
//! Since a type is needed by at least every feature that needs a type referring to it, an item
//! is never compiled without the types it names.
//!
//! The formatter parses and prints typify's items a chunk at a time, so that a large module is
//! never held as syntax trees whole; a type's feature sets are known only once every item is
//! read. So each chunk is recorded before it is printed ([`Outline::mark`], [`Uses`]), its items
//! printed with a mark where their `cfg` attributes go, and [`gate_printed`] decides and writes
//! the attributes into the printed module. The records are plain data: the formatter prints two
//! halves of the module on two threads, and syntax trees cannot cross threads.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use proc_macro2::TokenTree;
use rustc_hash::FxHashMap;
use syn::visit::{self, Visit};
use syn::{Item, Type};

use crate::model::{Api, BodyKind, Operation, ParamType};

/// The feature sets one item is compiled under, one `cfg` attribute each (none: always compiled).
pub type Cfgs = Vec<Vec<String>>;

/// Steps 3 and 4 for the printed types module: `printed` (typify's items, marked by
/// [`Outline::mark`]) with the `cfg` attributes written in place of the marks, and those of our
/// enums named `own`, which follow typify's items in the module as text (one list of feature
/// sets per enum, each set one attribute; empty when not gated). `outline` and `uses` record
/// typify's items, in order.
pub fn gate_printed(printed: &str, mut outline: Outline, uses: &Uses, own: &[&str], api: &Api) -> Result<(String, Vec<Cfgs>), &'static str> {
    let typify_items = outline.len();
    let marked = std::mem::take(&mut outline.marked);
    outline.extend(Outline::of_own(own));
    let known = outline.known();
    let mut mentions = uses.resolve(&known);
    mentions.extend(own_mentions(own));
    let decided = decide(&outline, &mentions, &known, api);
    let (typify_lists, own_lists) = decided.items.split_at(typify_items);
    let own_cfgs = own_lists.iter().map(|list| decided.lists[*list].clone()).collect();
    Ok((write_cfgs(printed, &marked, typify_lists, &decided.lists)?, own_cfgs))
}

/// What our enums name of the module's types: nothing (only `String` and `std`), so each goes
/// where the types that hold it go.
fn own_mentions(own: &[&str]) -> Vec<BTreeSet<String>> {
    vec![BTreeSet::new(); own.len()]
}

/// What gating needs of each item before the types are known: the type it defines or is an
/// `impl` of (step 1), whether it defines it, whether it is a module, and whether it is marked
/// for its `cfg` attributes. Plain data, so that items parsed on another thread can be gated
/// with these.
#[derive(Debug, Default)]
pub struct Outline {
    keys: Vec<Option<String>>,
    defines: Vec<bool>,
    modules: Vec<bool>,
    marked: Vec<bool>,
}

/// The attribute [`Outline::mark`] puts where an item's `cfg` attributes go. prettyplease prints
/// an outer attribute on a line of its own, so each mark is a line of the printed module,
/// `MARK_LINE` (at the module's indentation, which no line of a doc comment, `///`, matches).
const MARK: &str = "generator_cfg_goes_here";
const MARK_LINE: &str = "    #[generator_cfg_goes_here]\n";

impl Outline {
    /// Outlines `items` (step 1) and marks where each item's `cfg` attributes go: after its
    /// other attributes, before it is printed.
    pub fn mark(items: &mut [Item]) -> Outline {
        let mark = syn::Ident::new(MARK, proc_macro2::Span::call_site());
        let mark: syn::Attribute = syn::parse_quote!(#[#mark]);
        let keys = items.iter().map(item_key).collect();
        let defines = items.iter().map(|item| !matches!(item, Item::Impl(_))).collect();
        let modules = items.iter().map(|item| matches!(item, Item::Mod(_))).collect();
        let marked = items.iter_mut().map(|item| attributes(item).map(|attrs| attrs.push(mark.clone())).is_some()).collect();
        Outline { keys, defines, modules, marked }
    }

    /// Our enums named `own`, written as text after the items: each defines a type of its name.
    fn of_own(own: &[&str]) -> Outline {
        let unmarked = vec![false; own.len()];
        Outline { keys: own.iter().map(|name| Some((*name).to_owned())).collect(), defines: vec![true; own.len()], modules: unmarked.clone(), marked: unmarked }
    }

    /// The types defined here. (`impl From<Species> for String` defines none.)
    fn known(&self) -> BTreeSet<String> {
        self.keys.iter().zip(&self.defines).filter(|(_, defines)| **defines).filter_map(|(key, _)| key.clone()).collect()
    }

    /// How many items are outlined.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// This outline followed by `other`'s (of the items that follow).
    pub fn extend(&mut self, other: Outline) {
        self.keys.extend(other.keys);
        self.defines.extend(other.defines);
        self.modules.extend(other.modules);
        self.marked.extend(other.marked);
    }
}

/// The feature sets each item is compiled under: `lists[items[i]]` for item `i`. Most items
/// share their list with others (a type's impls, the types of one group), so each distinct list
/// is made, and later printed, once.
#[derive(Default)]
struct Decided {
    lists: Vec<Cfgs>,
    items: Vec<usize>,
    /// Each list's number, by its sets of feature indices.
    numbers: FxHashMap<BTreeSet<Vec<usize>>, usize>,
}

impl Decided {
    /// The number of the list of `sets` (feature indices), added if new. A set of every feature
    /// is no condition and is left out.
    fn number(&mut self, sets: BTreeSet<Vec<usize>>, api: &Api) -> usize {
        let sets: BTreeSet<Vec<usize>> = sets.into_iter().filter(|set| set.len() < api.features.len()).collect();
        if let Some(number) = self.numbers.get(&sets) {
            return *number;
        }
        let list = sets.iter().map(|set| set.iter().map(|feature| api.features[*feature].clone()).collect()).collect();
        self.lists.push(list);
        self.numbers.insert(sets, self.lists.len() - 1);
        self.lists.len() - 1
    }
}

/// Steps 3 and 4: the feature sets each item is compiled under, one `cfg` each (none: always
/// compiled), for the items `outline` and `mentions` describe, in order.
fn decide(outline: &Outline, mentions: &[BTreeSet<String>], known: &BTreeSet<String>, api: &Api) -> Decided {
    let keys: Vec<Option<&str>> = outline.keys.iter().map(|key| key.as_deref().filter(|key| known.contains(*key))).collect();
    // Hashed: looked up for every type reached from every operation (sorted maps compared
    // strings, the most of gating's time on a spec with hundreds of features).
    let mut refers: FxHashMap<&str, BTreeSet<&str>> = FxHashMap::default();
    for (key, named) in keys.iter().zip(mentions) {
        if let Some(key) = key {
            refers.entry(key).or_default().extend(named.iter().map(String::as_str).filter(|name| name != key));
        }
    }

    // Feature sets are bits of the features' indices in `api.features` (sorted, like the
    // names): a spec whose operations each have a feature of their own has hundreds, and a
    // type no operation reaches needs every one of them.
    let index: BTreeMap<&str, usize> = api.features.iter().enumerate().map(|(index, name)| (name.as_str(), index)).collect();
    let mut needed: FxHashMap<&str, FeatureSet> = FxHashMap::default();
    for operation in &api.operations {
        if let Some(feature) = operation.feature.as_deref().and_then(|feature| index.get(feature)) {
            let features = FeatureSet::of([*feature]);
            for name in operation_types(operation) {
                if let Some(name) = known.get(name) {
                    spread(name, &features, &refers, &mut needed);
                }
            }
        }
    }
    let everything = FeatureSet::of(0..api.features.len());
    let unreached: Vec<&str> = known.iter().map(String::as_str).filter(|name| !needed.contains_key(name)).collect();
    let login_bodies = api.operations.iter().filter_map(|operation| operation.authenticates.as_ref()).map(|login| login.body_type.as_str());
    // typify's helper modules (`defaults`, `error`) are also named from strings in attributes
    // (`#[serde(default = "defaults::...")]`), which no walk of the code sees: always compiled.
    let modules = keys.iter().zip(&outline.modules).filter(|(_, module)| **module).filter_map(|(key, _)| *key);
    for name in unreached.into_iter().chain(login_bodies).chain(modules) {
        if let Some(name) = known.get(name) {
            spread(name, &everything, &refers, &mut needed);
        }
    }

    let mut decided = Decided::default();
    let mut of_type: FxHashMap<&str, usize> = FxHashMap::default();
    for (key, named) in keys.iter().zip(mentions) {
        // An item of a type goes with its type; any other item (an impl for a foreign type)
        // needs every type it names. (Sets of indices sort as the sets of names would.)
        let list = match key.and_then(|key| needed.get(key).map(|set| (key, set))) {
            Some((key, set)) => *of_type.entry(key).or_insert_with(|| decided.number(BTreeSet::from([set.indices()]), api)),
            None => decided.number(named.iter().filter_map(|name| needed.get(name.as_str())).map(FeatureSet::indices).collect(), api),
        };
        decided.items.push(list);
    }
    decided
}

/// A set of features, one bit per feature's index.
#[derive(Clone, Default)]
struct FeatureSet(Vec<u64>);

impl FeatureSet {
    fn of(indices: impl IntoIterator<Item = usize>) -> FeatureSet {
        let mut set = FeatureSet::default();
        for index in indices {
            if set.0.len() <= index / 64 {
                set.0.resize(index / 64 + 1, 0);
            }
            set.0[index / 64] |= 1 << (index % 64);
        }
        set
    }

    /// Adds `other`'s features; whether any was new.
    fn extend(&mut self, other: &FeatureSet) -> bool {
        if self.0.len() < other.0.len() {
            self.0.resize(other.0.len(), 0);
        }
        let mut grew = false;
        for (word, added) in self.0.iter_mut().zip(&other.0) {
            grew |= *added & !*word != 0;
            *word |= added;
        }
        grew
    }

    /// The features' indices, in order.
    fn indices(&self) -> Vec<usize> {
        let bits = self.0.iter().enumerate().flat_map(|(word, bits)| (0..64).filter(move |bit| bits & (1 << bit) != 0).map(move |bit| word * 64 + bit));
        bits.collect()
    }
}

/// `printed` with each mark replaced by the `cfg` attributes decided for its item: `lists[items[i]]`
/// for item `i`, in order; `marked` says which items carry a mark.
fn write_cfgs(printed: &str, marked: &[bool], items: &[usize], lists: &[Cfgs]) -> Result<String, &'static str> {
    let unexpected = "printed the marks of the types' cfg attributes in an unexpected shape";
    let mut decided = marked.iter().zip(items).filter(|(marked, _)| **marked).map(|(_, list)| *list);
    // Each list is printed once, when first needed.
    let mut lines: Vec<Option<String>> = vec![None; lists.len()];
    let mut text = String::with_capacity(printed.len());
    let mut pieces = printed.split(MARK_LINE);
    text.push_str(pieces.next().unwrap_or_default());
    for piece in pieces {
        let list = decided.next().ok_or(unexpected)?;
        let (Some(cfgs), Some(slot)) = (lists.get(list), lines.get_mut(list)) else { return Err(unexpected) };
        if !cfgs.is_empty() {
            if slot.is_none() {
                *slot = Some(printed_cfgs(cfgs).ok_or(unexpected)?);
            }
            text.push_str(slot.as_deref().unwrap_or_default());
        }
        text.push_str(piece);
    }
    match decided.next() {
        Some(_) => Err(unexpected),
        None => Ok(text),
    }
}

/// The `cfg` attributes, one per feature set, as prettyplease prints them on an item of the
/// module: a long one is broken over lines.
fn printed_cfgs(cfgs: &Cfgs) -> Option<String> {
    let attributes = cfgs.iter().map(|set| crate::features::cfg_any(set.iter().map(String::as_str)));
    let module: syn::File = syn::parse2(quote::quote!(mod types { #(#attributes)* struct Gated; })).ok()?;
    let printed = prettyplease::unparse(&module);
    let start = printed.find('\n')? + 1;
    let end = printed.find("    struct Gated;")?;
    printed.get(start..end).map(str::to_owned)
}

/// Marks `features` as needing `name` and everything it refers to, transitively.
fn spread<'a>(name: &'a str, features: &FeatureSet, refers: &FxHashMap<&'a str, BTreeSet<&'a str>>, needed: &mut FxHashMap<&'a str, FeatureSet>) {
    let mut stack = vec![name];
    while let Some(name) = stack.pop() {
        if needed.entry(name).or_default().extend(features) {
            stack.extend(refers.get(name).into_iter().flatten().copied());
        }
    }
}

/// The names of the schema types an operation's code names: its parameters', its request
/// body's and its responses' types.
fn operation_types(operation: &Operation) -> impl Iterator<Item = &str> {
    let params = operation.parameters.iter().filter_map(|param| match &param.ty {
        ParamType::Named(name) | ParamType::Json(name) => Some(name.as_str()),
        _ => None,
    });
    let bodies = operation.body.iter().map(|body| &body.kind).chain(operation.success.iter().chain(&operation.errors).map(|outcome| &outcome.body));
    params.chain(bodies.filter_map(|kind| match kind {
        BodyKind::Json(name) | BodyKind::Form(name) | BodyKind::Multipart(name) => Some(name.as_str()),
        _ => None,
    }))
}

/// The type an item defines, or is an `impl` of.
fn item_key(item: &Item) -> Option<String> {
    let ident = match item {
        Item::Struct(item) => &item.ident,
        Item::Enum(item) => &item.ident,
        Item::Type(item) => &item.ident,
        Item::Union(item) => &item.ident,
        Item::Fn(item) => &item.sig.ident,
        Item::Const(item) => &item.ident,
        Item::Static(item) => &item.ident,
        Item::Mod(item) => &item.ident,
        Item::Trait(item) => &item.ident,
        Item::Impl(item) => match &*item.self_ty {
            Type::Path(path) => &path.path.segments.last()?.ident,
            _ => return None,
        },
        _ => return None,
    };
    Some(ident.to_string())
}

/// What each item names that may be a type of the module (step 2), recorded before the module's
/// types are known: in a path (a field's type, a variant's, a trait's parameter), a `use`, or
/// anywhere in a macro call's tokens. Walking the syntax tree is much cheaper than printing each
/// item back to tokens.
///
/// A segment after `Self` or after a type of the module names an item of that type (a variant,
/// an associated function), never a type: `Self::Store` is a variant, whatever types the module
/// has. So each name is kept with the path segment before it, and [`Uses::resolve`] decides,
/// once the types are known. Names are kept once, as numbers.
#[derive(Debug, Default)]
pub struct Uses {
    names: Vec<String>,
    numbers: FxHashMap<String, u32>,
    /// Per item, its (segment before, name) pairs, sorted and without repeats; `AT_START` when
    /// nothing comes before.
    items: Vec<Vec<(u32, u32)>>,
}

const AT_START: u32 = u32::MAX;

impl Uses {
    /// Records what `items` name, after the items recorded before.
    pub fn record(&mut self, items: &[Item]) {
        let mut spelled = String::new();
        for item in items {
            let mut walk = UsesWalk { uses: self, spelled: &mut spelled, found: Vec::new() };
            walk.visit_item(item);
            let mut found = walk.found;
            found.sort_unstable();
            found.dedup();
            self.items.push(found);
        }
    }

    /// These items followed by `other`'s.
    pub fn append(&mut self, other: Uses) {
        let renumbered: Vec<u32> = other.names.into_iter().map(|name| self.number(name)).collect();
        let renumber = |number: u32| if number == AT_START { AT_START } else { renumbered[number as usize] };
        self.items.extend(other.items.into_iter().map(|pairs| pairs.into_iter().map(|(before, name)| (renumber(before), renumber(name))).collect()));
    }

    /// The types of `known` each item names.
    fn resolve(&self, known: &BTreeSet<String>) -> Vec<BTreeSet<String>> {
        let is_known: Vec<bool> = self.names.iter().map(|name| known.contains(name)).collect();
        let names_an_item = |before: u32| before != AT_START && (is_known[before as usize] || self.names[before as usize] == "Self");
        let uses = |pairs: &Vec<(u32, u32)>| -> BTreeSet<String> {
            pairs.iter().filter(|(before, name)| is_known[*name as usize] && !names_an_item(*before)).map(|(_, name)| self.names[*name as usize].clone()).collect()
        };
        self.items.iter().map(uses).collect()
    }

    fn number(&mut self, name: String) -> u32 {
        if let Some(number) = self.numbers.get(&name) {
            return *number;
        }
        let number = self.names.len() as u32;
        self.numbers.insert(name.clone(), number);
        self.names.push(name);
        number
    }
}

/// Walks one item for [`Uses::record`].
struct UsesWalk<'a> {
    uses: &'a mut Uses,
    /// An identifier spelled out, reused: most are names seen before, which then cost no allocation.
    spelled: &'a mut String,
    found: Vec<(u32, u32)>,
}

impl UsesWalk<'_> {
    fn number(&mut self, ident: &proc_macro2::Ident) -> u32 {
        self.spelled.clear();
        let _ = write!(self.spelled, "{ident}");
        match self.uses.numbers.get(self.spelled.as_str()) {
            Some(number) => *number,
            None => self.uses.number(self.spelled.clone()),
        }
    }

    fn note(&mut self, ident: &proc_macro2::Ident) {
        let name = self.number(ident);
        self.found.push((AT_START, name));
    }
}

impl<'ast> Visit<'ast> for UsesWalk<'_> {
    fn visit_path(&mut self, path: &'ast syn::Path) {
        let mut before = AT_START;
        for segment in &path.segments {
            let name = self.number(&segment.ident);
            self.found.push((before, name));
            before = name;
            self.visit_path_arguments(&segment.arguments);
        }
    }

    fn visit_use_name(&mut self, name: &'ast syn::UseName) {
        self.note(&name.ident);
    }

    fn visit_use_rename(&mut self, rename: &'ast syn::UseRename) {
        self.note(&rename.ident);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        let mut stack = vec![mac.tokens.clone()];
        while let Some(tokens) = stack.pop() {
            for tree in tokens {
                match tree {
                    TokenTree::Ident(ident) => self.note(&ident),
                    TokenTree::Group(group) => stack.push(group.stream()),
                    _ => {}
                }
            }
        }
        visit::visit_macro(self, mac);
    }
}

fn attributes(item: &mut Item) -> Option<&mut Vec<syn::Attribute>> {
    Some(match item {
        Item::Struct(item) => &mut item.attrs,
        Item::Enum(item) => &mut item.attrs,
        Item::Type(item) => &mut item.attrs,
        Item::Union(item) => &mut item.attrs,
        Item::Fn(item) => &mut item.attrs,
        Item::Const(item) => &mut item.attrs,
        Item::Static(item) => &mut item.attrs,
        Item::Mod(item) => &mut item.attrs,
        Item::Trait(item) => &mut item.attrs,
        Item::Impl(item) => &mut item.attrs,
        Item::Use(item) => &mut item.attrs,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mentions_of(item: &str) -> BTreeSet<String> {
        let known: BTreeSet<String> = ["Species", "Store", "Pet"].into_iter().map(String::from).collect();
        let mut uses = Uses::default();
        uses.record(&[syn::parse_str(item).unwrap()]);
        uses.resolve(&known).remove(0)
    }

    #[test]
    fn the_marks_become_the_cfg_attributes_as_prettyplease_prints_them() {
        let items = || -> Vec<Item> {
            let file: syn::File = syn::parse_str(
                "/// A pet.\n#[derive(Debug)] pub struct Pet { pub name: String }\nimpl Pet { fn new() -> Self { Pet { name: String::new() } } }\nmacro_rules! m { () => {} }\npub struct Store;",
            )
            .unwrap();
            file.items
        };
        // The last item's features are too many for one line: prettyplease breaks the attribute.
        let many: Vec<String> = (0..30).map(|index| format!("feature-{index}")).collect();
        let cfgs: Vec<Cfgs> = vec![vec![vec!["pets".to_owned()]], vec![vec!["pets".to_owned()], vec!["stores".to_owned()]], vec![], vec![many]];
        let print = |items: Vec<Item>| prettyplease::unparse(&syn::parse_quote!(pub mod types { #(#items)* }));

        let mut marked = items();
        let outline = Outline::mark(&mut marked);
        assert_eq!(outline.marked, [true, true, false, true], "a macro call carries no attributes");
        let lists: Vec<usize> = (0..cfgs.len()).collect();
        let written = write_cfgs(&print(marked), &outline.marked, &lists, &cfgs).unwrap();

        let mut expected = items();
        for (item, sets) in expected.iter_mut().zip(&cfgs) {
            for set in sets {
                let cfg = crate::features::cfg_any(set.iter().map(String::as_str));
                if let Some(attrs) = attributes(item) {
                    attrs.push(syn::parse_quote!(#cfg));
                }
            }
        }
        let expected = print(expected);
        assert_eq!(written, expected);
        assert!(expected.contains("    /// A pet.\n    #[derive(Debug)]\n    #[cfg(any(feature = \"pets\"))]\n    pub struct Pet"), "{expected}");
        assert!(expected.contains("    #[cfg(\n        any(\n"), "{expected}");

        assert!(write_cfgs(&print(items()), &outline.marked, &[0, 1, 2, 3], &cfgs).is_err(), "marks missing");
    }

    #[test]
    fn uses_recorded_apart_and_appended_are_the_uses_recorded_together() {
        let items: Vec<Item> = ["pub struct Pet { pub store: Option<Store> }", "impl Store { fn f() -> Self { Self::Pet } }", "use super::Species;"]
            .iter()
            .map(|item| syn::parse_str(item).unwrap())
            .collect();
        let known: BTreeSet<String> = ["Species", "Store", "Pet"].into_iter().map(String::from).collect();
        let mut together = Uses::default();
        together.record(&items);
        let mut first = Uses::default();
        first.record(&items[..1]);
        let mut second = Uses::default();
        second.record(&items[1..]);
        first.append(second);
        assert_eq!(first.resolve(&known), together.resolve(&known));
        let names = |list: &[&str]| list.iter().map(|name| (*name).to_owned()).collect::<BTreeSet<String>>();
        assert_eq!(together.resolve(&known), [names(&["Store"]), names(&["Store"]), names(&["Species"])]);
    }

    #[test]
    fn a_feature_set_grows_only_by_new_features_and_lists_them_in_order() {
        let mut set = FeatureSet::of([3, 130]);
        assert!(!set.extend(&FeatureSet::of([130])));
        assert!(set.extend(&FeatureSet::of([0, 64, 130])));
        assert_eq!(set.indices(), [0, 3, 64, 130]);
        assert!(!FeatureSet::default().extend(&FeatureSet::default()));
    }

    #[test]
    fn a_variant_named_like_a_type_is_not_a_use_of_it() {
        let display = "impl ::std::fmt::Display for Species {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match *self { Self::Store => f.write_str(\"store\"), Species::Pet => f.write_str(\"pet\") }
            }
        }";
        assert_eq!(mentions_of(display), BTreeSet::from(["Species".to_owned()]));
    }

    #[test]
    fn a_type_is_a_use_wherever_a_path_can_name_it() {
        let item = "pub struct Pet {
            pub store: ::std::option::Option<Store>,
            pub kind: super::types::Species,
        }";
        assert_eq!(mentions_of(item), BTreeSet::from(["Species".to_owned(), "Store".to_owned()]));
        let conversion = "impl ::std::convert::From<Store> for Pet { fn from(value: Store) -> Self { Pet::from_store(value) } }";
        assert_eq!(mentions_of(conversion), BTreeSet::from(["Pet".to_owned(), "Store".to_owned()]));
    }
}
