//! Gates the schema types of a crate with cargo features ([`crate::features`]): a type that only
//! some groups' operations reach gets `#[cfg(any(feature = "a", feature = "b"))]`, so a user who
//! builds one group does not compile the types of the others.
//!
//! typify writes the types, so they are gated after it, on the parsed `types` module (the
//! formatter parses it anyway), before it is printed. Our own enums (`emit/enums.rs`), written
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
//! The steps are functions of their own ([`Outline`], [`mentions`], [`decide`], [`apply`]),
//! because the formatter parses the items in two halves on two threads and syntax trees
//! cannot cross threads: each thread outlines and walks its own half, one decides for both.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::{TokenStream, TokenTree};
use syn::visit::{self, Visit};
use syn::{Item, Type};

use crate::model::{Api, BodyKind, Operation, ParamType};

/// The feature sets one item is compiled under, one `cfg` attribute each (none: always compiled).
pub type Cfgs = Vec<Vec<String>>;

/// Adds the cfg attributes to `items`, the items of `pub mod types`, when `api` has features,
/// and returns those of our enums named `own`, which follow them in the module as text (one
/// list of feature sets per enum, each set one attribute; empty when not gated).
pub fn gate_types(items: &mut [Item], own: &[&str], api: &Api) -> Vec<Cfgs> {
    if api.features.is_empty() {
        return Vec::new();
    }
    let mut outline = Outline::of(items);
    outline.extend(Outline::of_own(own));
    let known = outline.known();
    let mut mentions = mentions(items, &known);
    mentions.extend(own_mentions(own));
    let mut cfgs = decide(&outline, &mentions, &known, api);
    let own_cfgs = cfgs.split_off(items.len());
    apply(items, &cfgs);
    own_cfgs
}

/// What our enums name of the module's types: nothing (only `String` and `std`), so each goes
/// where the types that hold it go.
pub fn own_mentions(own: &[&str]) -> Vec<BTreeSet<String>> {
    vec![BTreeSet::new(); own.len()]
}

/// What gating needs of each item before the types are known: the type it defines or is an
/// `impl` of (step 1), whether it defines it, and whether it is a module. Plain data, so that
/// items parsed on another thread can be gated with these.
#[derive(Debug, Default)]
pub struct Outline {
    keys: Vec<Option<String>>,
    defines: Vec<bool>,
    modules: Vec<bool>,
}

impl Outline {
    pub fn of(items: &[Item]) -> Outline {
        Outline {
            keys: items.iter().map(item_key).collect(),
            defines: items.iter().map(|item| !matches!(item, Item::Impl(_))).collect(),
            modules: items.iter().map(|item| matches!(item, Item::Mod(_))).collect(),
        }
    }

    /// Our enums named `own`, written as text after the items: each defines a type of its name.
    pub fn of_own(own: &[&str]) -> Outline {
        Outline { keys: own.iter().map(|name| Some((*name).to_owned())).collect(), defines: vec![true; own.len()], modules: vec![false; own.len()] }
    }

    /// The types defined here. (`impl From<Species> for String` defines none.)
    pub fn known(&self) -> BTreeSet<String> {
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
    }
}

/// Step 2: the types of `known` each item names.
pub fn mentions(items: &[Item], known: &BTreeSet<String>) -> Vec<BTreeSet<String>> {
    items.iter().map(|item| mentioned(item, known)).collect()
}

/// Steps 3 and 4: the feature sets each item is compiled under, one `cfg` each (none: always
/// compiled), for the items `outline` and `mentions` describe, in order.
pub fn decide(outline: &Outline, mentions: &[BTreeSet<String>], known: &BTreeSet<String>, api: &Api) -> Vec<Cfgs> {
    let keys: Vec<Option<&str>> = outline.keys.iter().map(|key| key.as_deref().filter(|key| known.contains(*key))).collect();
    let mut refers: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (key, named) in keys.iter().zip(mentions) {
        if let Some(key) = key {
            refers.entry(key).or_default().extend(named.iter().map(String::as_str).filter(|name| name != key));
        }
    }

    // Feature sets are bits of the features' indices in `api.features` (sorted, like the
    // names): a spec whose operations each have a feature of their own has hundreds, and a
    // type no operation reaches needs every one of them.
    let index: BTreeMap<&str, usize> = api.features.iter().enumerate().map(|(index, name)| (name.as_str(), index)).collect();
    let mut needed: BTreeMap<&str, FeatureSet> = BTreeMap::new();
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

    keys.iter()
        .zip(mentions)
        .map(|(key, named)| {
            // An item of a type goes with its type; any other item (an impl for a foreign type)
            // needs every type it names. (Sets of indices sort as the sets of names would.)
            let sets: BTreeSet<Vec<usize>> = match key.and_then(|key| needed.get(key)) {
                Some(set) => BTreeSet::from([set.indices()]),
                None => named.iter().filter_map(|name| needed.get(name.as_str())).map(FeatureSet::indices).collect(),
            };
            sets.into_iter()
                .filter(|set| set.len() < api.features.len())
                .map(|set| set.into_iter().map(|feature| api.features[feature].clone()).collect())
                .collect()
        })
        .collect()
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

/// Puts the decided `cfg` attributes on `items`.
pub fn apply(items: &mut [Item], cfgs: &[Cfgs]) {
    for (item, sets) in items.iter_mut().zip(cfgs) {
        for set in sets {
            let cfg = crate::features::cfg_any(set.iter().map(String::as_str));
            if let Some(attrs) = attributes(item) {
                attrs.push(syn::parse_quote!(#cfg));
            }
        }
    }
}

/// Marks `features` as needing `name` and everything it refers to, transitively.
fn spread<'a>(name: &'a str, features: &FeatureSet, refers: &BTreeMap<&'a str, BTreeSet<&'a str>>, needed: &mut BTreeMap<&'a str, FeatureSet>) {
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

/// Every type of `known` that `item` names: in a path (a field's type, a variant's, a trait's
/// parameter), a `use`, or anywhere in a macro call's tokens. Walking the syntax tree is much
/// cheaper than printing each item back to tokens.
fn mentioned(item: &Item, known: &BTreeSet<String>) -> BTreeSet<String> {
    let mut mentions = Mentions { known, found: BTreeSet::new() };
    mentions.visit_item(item);
    mentions.found
}

struct Mentions<'a> {
    known: &'a BTreeSet<String>,
    found: BTreeSet<String>,
}

impl Mentions<'_> {
    fn note(&mut self, ident: &proc_macro2::Ident) {
        let ident = ident.to_string();
        if self.known.contains(&ident) {
            self.found.insert(ident);
        }
    }
}

impl<'ast> Visit<'ast> for Mentions<'_> {
    /// A segment after `Self` or after a type of the module names an item of that type (a
    /// variant, an associated function), never a type: `Self::Store` is a variant, whatever
    /// types the module has. Every other segment may name a type.
    fn visit_path(&mut self, path: &'ast syn::Path) {
        let mut after_type = false;
        for segment in &path.segments {
            let ident = segment.ident.to_string();
            let known = self.known.contains(&ident);
            let may_name_a_type = !after_type;
            after_type = known || ident == "Self";
            if may_name_a_type && known {
                self.found.insert(ident);
            }
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
        self.found.extend(mentioned_in_tokens(mac.tokens.clone(), self.known));
        visit::visit_macro(self, mac);
    }
}

/// Every identifier in `tokens` that is one of `known`.
fn mentioned_in_tokens(tokens: TokenStream, known: &BTreeSet<String>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut stack = vec![tokens];
    while let Some(tokens) = stack.pop() {
        for tree in tokens {
            match tree {
                TokenTree::Ident(ident) => {
                    let ident = ident.to_string();
                    if known.contains(&ident) {
                        found.insert(ident);
                    }
                }
                TokenTree::Group(group) => stack.push(group.stream()),
                _ => {}
            }
        }
    }
    found
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
        mentioned(&syn::parse_str(item).unwrap(), &known)
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
