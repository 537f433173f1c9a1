//! Cargo features by group of operations, as async-stripe does: a user of a large API compiles
//! only the groups they use.
//!
//! An operation's group is its first tag, or the first segment of its path when it has none
//! (decided in [`crate::model`]); each group becomes a feature named after it. Only a large spec
//! gets features: one with more than [`MIN_OPERATIONS`] operations in at least two groups. A
//! small spec's crate has none, so it stays as simple as it was.
//!
//! What the features gate: here, each operation is given its feature; the emitters put
//! `#[cfg(feature = ...)]` on everything of that operation ([`cfg()`], as text, like the rest of
//! our code); `gate` gates the
//! schema types reachable only from gated operations; `write` lists the features in
//! `Cargo.toml`, with `default = ["all"]` so that a plain `cargo build` still builds everything.

use std::collections::{BTreeMap, BTreeSet};

use heck::ToKebabCase;
use proc_macro2::TokenStream;
use quote::quote;

use crate::model::{Api, Operation};

/// A spec with at most this many operations gets no features.
pub const MIN_OPERATIONS: usize = 50;

/// Feature names the crate already uses for something else.
const RESERVED: &[&str] = &["default", "all", "mock"];

/// Gives each operation of a large `api` its feature, and the api the list of them.
pub fn assign(mut api: Api) -> Api {
    let groups: BTreeSet<&str> = api.operations.iter().map(|operation| operation.group.as_str()).collect();
    if api.operations.len() <= MIN_OPERATIONS || groups.len() < 2 {
        return api;
    }
    // Groups in sorted order, so that which of two colliding names gets the suffix is stable.
    let mut taken: BTreeSet<String> = RESERVED.iter().map(|name| (*name).to_owned()).collect();
    let names: BTreeMap<String, String> =
        groups.into_iter().map(|group| (group.to_owned(), crate::naming::unique(&feature_name(group), &mut taken))).collect();
    for operation in &mut api.operations {
        operation.feature = names.get(&operation.group).cloned();
    }
    api.features = names.into_values().collect::<BTreeSet<_>>().into_iter().collect();
    api
}

/// A valid cargo feature name for a group: kebab-case ASCII letters, digits and `-`, starting
/// with a letter.
fn feature_name(group: &str) -> String {
    let mut name: String = group.to_kebab_case().chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
    name.make_ascii_lowercase();
    if name.is_empty() {
        return "other".to_owned();
    }
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        name.insert_str(0, "group-");
    }
    if RESERVED.contains(&name.as_str()) {
        name.push_str("-operations");
    }
    name
}

/// `#[cfg(feature = "...")]` for everything emitted for `operation`, or nothing.
pub fn cfg(operation: &Operation) -> Option<String> {
    cfg_group(&[operation])
}

/// `#[cfg(...)]` for an item every operation of `group` needs: none when one of them has no
/// feature, else any of their features.
pub fn cfg_group(group: &[&Operation]) -> Option<String> {
    let mut names: Vec<&str> = Vec::new();
    for operation in group {
        names.push(operation.feature.as_deref()?);
    }
    names.sort_unstable();
    names.dedup();
    match names.as_slice() {
        [] => None,
        [one] => Some(format!("#[cfg(feature = {one:?})]")),
        _ => Some(format!("#[cfg(any({}))]", names.iter().map(|name| format!("feature = {name:?}")).collect::<Vec<_>>().join(", "))),
    }
}

/// `#[cfg(any(feature = "a", ...))]` for a schema type needed by the groups `features` (as
/// tokens: `gate` adds it to typify's syntax trees).
pub fn cfg_any<'a>(features: impl IntoIterator<Item = &'a str>) -> TokenStream {
    let features = features.into_iter();
    quote! { #[cfg(any(#(feature = #features),*))] }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feature_names_are_valid_and_avoid_reserved_ones() {
        assert_eq!(feature_name("Pet Store"), "pet-store");
        assert_eq!(feature_name("orgs_and_users"), "orgs-and-users");
        assert_eq!(feature_name("2fa"), "group-2fa");
        assert_eq!(feature_name("mock"), "mock-operations");
        assert_eq!(feature_name("ÄÖ"), "other");
    }
}
