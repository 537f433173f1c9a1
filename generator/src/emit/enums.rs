//! String enums whose values collide as Rust names (`asc` and `ASC`, or `=` and `!=`, which
//! have no letters at all), or start with a symbol (`+1`, which typify names `plus1`, not a
//! camel-case name). typify gives up on the first kind (it panics), so these are taken out of
//! the schemas before it runs and emitted here, with names that are unique and explicit serde
//! renames; typify refers to them through its `x-rust-type` extension.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use serde_json::{json, Map, Value};

use crate::emit::docs::doc_lines;
use crate::naming::{pascal, unique};

/// typify writes an external type's path after `::`, so the generated crate names itself with
/// `extern crate self as this_client;` (see [`emit`]) and the path starts there.
pub const SELF_ALIAS: &str = "this_client";

/// An enum emitted here instead of by typify.
pub struct OwnEnum {
    name: String,
    values: Vec<String>,
    description: Option<String>,
}

/// Replaces every colliding string enum in `schemas` with a reference to a type of ours, and
/// returns those types.
pub fn take_colliding(schemas: &mut Map<String, Value>) -> Vec<OwnEnum> {
    let mut taken: BTreeSet<String> = schemas.keys().cloned().collect();
    let mut found = Vec::new();
    for (name, schema) in schemas.iter_mut() {
        visit(schema, name, &mut taken, &mut found);
    }
    found
}

fn visit(value: &mut Value, path_name: &str, taken: &mut BTreeSet<String>, found: &mut Vec<OwnEnum>) {
    let Value::Object(map) = value else {
        if let Value::Array(items) = value {
            items.iter_mut().for_each(|item| visit(item, path_name, taken, found));
        }
        return;
    };
    if let Some(values) = colliding_values(map) {
        let name = unique(&format!("{path_name}Value"), taken);
        let description = map.get("description").and_then(Value::as_str).map(str::to_owned);
        let mut replacement = Map::new();
        if let Some(description) = &description {
            replacement.insert("description".into(), json!(description));
        }
        replacement.insert(
            "x-rust-type".into(),
            json!({"crate": SELF_ALIAS, "version": "*", "path": format!("{SELF_ALIAS}::types::{name}")}),
        );
        *map = replacement;
        found.push(OwnEnum { name, values, description });
        return;
    }
    for (key, child) in map.iter_mut() {
        match key.as_str() {
            "example" | "examples" | "enum" | "default" | "x-rust-type" => {}
            "properties" => {
                if let Value::Object(properties) = child {
                    for (property, schema) in properties.iter_mut() {
                        visit(schema, &format!("{path_name}{}", pascal(property)), taken, found);
                    }
                }
            }
            _ => visit(child, path_name, taken, found),
        }
    }
}

/// The values of a string enum whose Rust names would collide, be empty or start with a symbol.
fn colliding_values(map: &Map<String, Value>) -> Option<Vec<String>> {
    let values: Vec<String> = map.get("enum")?.as_array()?.iter().map(|value| value.as_str().map(str::to_owned)).collect::<Option<_>>()?;
    let mut seen = BTreeSet::new();
    let collides = values.iter().any(|value| {
        let name = pascal_or_empty(value);
        name.is_empty() || !seen.insert(name) || !symbol_prefix(value).is_empty()
    });
    collides.then_some(values)
}

/// The symbols a value starts with, before its first letter or digit (`+` of `+1`); spaces and
/// underscores are only separators.
fn symbol_prefix(value: &str) -> &str {
    let end = value.find(|c: char| c.is_ascii_alphanumeric()).unwrap_or(value.len());
    let prefix = &value[..end];
    if prefix.chars().all(|c| c == ' ' || c == '_') {
        ""
    } else {
        prefix
    }
}

fn pascal_or_empty(value: &str) -> String {
    if value.chars().any(|c| c.is_ascii_alphanumeric()) {
        pascal(value)
    } else {
        String::new()
    }
}

/// A name for each value: its PascalCase, or, for symbols, their names (`!=` is `NotEq`);
/// later duplicates get a number.
fn variant_names(values: &[String]) -> Vec<String> {
    let mut taken = BTreeSet::new();
    values
        .iter()
        .map(|value| {
            let base = match pascal_or_empty(value) {
                name if name.is_empty() => symbol_name(value),
                // `+1` is `Plus1`, `-1` is `Minus1`.
                _ if !symbol_prefix(value).is_empty() => {
                    let prefix = symbol_prefix(value);
                    format!("{}{}", symbol_name(prefix), pascal(&value[prefix.len()..]).trim_start_matches('_'))
                }
                name => name,
            };
            unique(&base, &mut taken)
        })
        .collect()
}

fn symbol_name(value: &str) -> String {
    let name: String = value
        .chars()
        .map(|c| match c {
            '=' => "Eq".to_owned(),
            '!' => "Not".to_owned(),
            '<' => "Lt".to_owned(),
            '>' => "Gt".to_owned(),
            '~' => "Tilde".to_owned(),
            '^' => "Caret".to_owned(),
            '$' => "Dollar".to_owned(),
            '*' => "Star".to_owned(),
            '+' => "Plus".to_owned(),
            '-' => "Minus".to_owned(),
            '/' => "Slash".to_owned(),
            '.' => "Dot".to_owned(),
            '&' => "Amp".to_owned(),
            '|' => "Pipe".to_owned(),
            '%' => "Percent".to_owned(),
            '#' => "Hash".to_owned(),
            '@' => "At".to_owned(),
            ':' => "Colon".to_owned(),
            '?' => "Question".to_owned(),
            ' ' => "Space".to_owned(),
            other => format!("U{:X}", u32::from(other)),
        })
        .collect();
    if name.is_empty() {
        "Empty".into()
    } else {
        name
    }
}

/// The tokens of the enums, to go into the `types` module.
pub fn emit(enums: &[OwnEnum]) -> TokenStream {
    let items = enums.iter().map(|own| {
        let name = format_ident!("{}", own.name);
        let names = variant_names(&own.values);
        let mut lines: Vec<String> = own.description.iter().map(|text| text.trim().to_owned()).collect();
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.push("The values' Rust names would collide, so each variant names its value.".into());
        let docs = doc_lines(lines);
        let variants = own.values.iter().zip(&names).map(|(value, variant)| {
            let variant = format_ident!("{}", variant);
            let doc = format!(" `{value}`");
            quote! {
                #[doc = #doc]
                #[serde(rename = #value)]
                #variant,
            }
        });
        let display = own.values.iter().zip(&names).map(|(value, variant)| {
            let variant = format_ident!("{}", variant);
            quote! { Self::#variant => #value, }
        });
        quote! {
            #docs
            #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Copy, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
            pub enum #name {
                #(#variants)*
            }

            impl ::std::fmt::Display for #name {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    f.write_str(match self {
                        #(#display)*
                    })
                }
            }
        }
    });
    quote! { #(#items)* }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colliding_and_symbolic_values_get_distinct_names() {
        let values: Vec<String> = ["add", "Add", "=", "!=", "<=", "~", "asc", "ASC", "+1", "-1"].map(String::from).into();
        assert_eq!(variant_names(&values), ["Add", "Add2", "Eq", "NotEq", "LtEq", "Tilde", "Asc", "Asc2", "Plus1", "Minus1"]);
    }

    #[test]
    fn only_colliding_enums_are_taken() {
        let mut schemas = Map::new();
        schemas.insert("Order".into(), json!({"type": "string", "enum": ["asc", "ASC"]}));
        schemas.insert("Plain".into(), json!({"type": "string", "enum": ["a", "b"]}));
        schemas.insert("Reaction".into(), json!({"type": "string", "enum": ["+1", "-1", "laugh"]}));
        schemas.insert("Filter".into(), json!({"type": "object", "properties": {"operator": {"type": "string", "enum": ["=", "!="]}}}));
        let taken = take_colliding(&mut schemas);
        let names: Vec<&str> = taken.iter().map(|own| own.name.as_str()).collect();
        assert_eq!(names, ["OrderValue", "ReactionValue", "FilterOperatorValue"]);
        assert_eq!(schemas["Plain"], json!({"type": "string", "enum": ["a", "b"]}));
        assert_eq!(schemas["Order"]["x-rust-type"]["path"], "this_client::types::OrderValue");
    }
}
