//! Rewrites the named schemas, before typify sees them, into forms it reads correctly. Each
//! rewrite keeps what the schema means and works around one behaviour of the type engine:
//!
//! - A nullable `allOf`/`anyOf`/`oneOf` becomes `oneOf: [null, <the composition>]` in
//!   progenitor, which moves the schema's title and name to the outer `oneOf` and leaves the
//!   composition to be named after its parent again: a second type of the same name. So the
//!   composition is hoisted into a schema of its own, under a name that is free (`<Name>Inner`
//!   for a component, parent + property for a property), and the nullable schema refers to it.
//! - A `format` on a schema that is not a string or a number makes typify panic; the format of
//!   an object or array (`kvpairs`, `uri-map`) says nothing a Rust type can hold, so it goes.
//! - `minLength: 0` allows every string; typify would check it with a comparison that is always
//!   true (`unused_comparisons`), so it goes.
//! - An enum listing `null` allows null: it is marked `nullable` (typify otherwise names the
//!   nullable wrapper and the enum alike). An enum without `type` gets the type of its values.
//! - A description is written as rustdoc reads it without warnings (a bare URL becomes a link,
//!   `<https://...>`; `</br>` becomes `<br>`): typify writes descriptions as docs.
//! - Enum values and defaults written as another JSON type than the schema's (`3` in a string
//!   enum) are read as the schema's type; validation reports them, and only `--lenient` lets
//!   them through (see [`crate::schemas::read_soundly`]).

use std::collections::BTreeSet;

use serde_json::{json, Map, Value};

use crate::naming::{pascal, unique};

/// Rewrites every schema of `schemas`, adding the hoisted compositions as new schemas.
pub fn prepare(schemas: &mut Map<String, Value>) {
    let mut taken: BTreeSet<String> = schemas.keys().cloned().collect();
    let mut hoisted = Vec::new();
    for (name, schema) in schemas.iter_mut() {
        if let Value::Object(map) = schema {
            if let Some(inner) = take_nullable_composition(map) {
                let inner_name = unique(&format!("{name}Inner"), &mut taken);
                map.insert("allOf".into(), json!([{ "$ref": format!("#/components/schemas/{inner_name}") }]));
                hoisted.push((inner_name, inner));
            }
        }
        rewrite(schema, name, &mut taken, &mut hoisted);
    }
    // A hoisted schema may hold nullable compositions of its own.
    while let Some((name, mut schema)) = hoisted.pop() {
        rewrite(&mut schema, &name, &mut taken, &mut hoisted);
        schemas.insert(name, schema);
    }
}

/// Rewrites `schema` and the schemas inside it; `name` is what typify would call it.
fn rewrite(schema: &mut Value, name: &str, taken: &mut BTreeSet<String>, hoisted: &mut Vec<(String, Value)>) {
    let Value::Object(map) = schema else { return };
    crate::schemas::read_soundly(map);
    fix_keywords(map);
    for (key, child) in map.iter_mut() {
        match key.as_str() {
            "properties" => {
                let Value::Object(properties) = child else { continue };
                for (property, property_schema) in properties.iter_mut() {
                    let derived = format!("{name}{}", pascal(property));
                    hoist_nullable_composition(property_schema, &derived, taken, hoisted);
                    rewrite(property_schema, &derived, taken, hoisted);
                }
            }
            "items" | "additionalProperties" | "not" => {
                let derived = format!("{name}{}", if key == "items" { "Item" } else { "Value" });
                hoist_nullable_composition(child, &derived, taken, hoisted);
                rewrite(child, &derived, taken, hoisted);
            }
            "allOf" | "anyOf" | "oneOf" => {
                let Value::Array(members) = child else { continue };
                for member in members {
                    hoist_nullable_composition(member, name, taken, hoisted);
                    rewrite(member, name, taken, hoisted);
                }
            }
            // Everything else is data (`enum`, `default`, examples, extensions), not schemas.
            _ => {}
        }
    }
}

/// Replaces a nullable composition inside a schema with a nullable reference to a hoisted copy.
fn hoist_nullable_composition(schema: &mut Value, derived: &str, taken: &mut BTreeSet<String>, hoisted: &mut Vec<(String, Value)>) {
    let Value::Object(map) = schema else { return };
    let Some(inner) = take_nullable_composition(map) else { return };
    let name = unique(&pascal(derived), taken);
    map.insert("allOf".into(), json!([{ "$ref": format!("#/components/schemas/{name}") }]));
    hoisted.push((name, inner));
}

/// If `map` is a nullable composition, takes the composition out of it (into a new schema,
/// returned) and leaves `map` holding only `nullable` and what documents the value.
fn take_nullable_composition(map: &mut Map<String, Value>) -> Option<Value> {
    let composed = ["allOf", "anyOf", "oneOf"].iter().any(|key| map.contains_key(*key));
    if map.get("nullable") != Some(&Value::Bool(true)) || !composed || map.contains_key("$ref") {
        return None;
    }
    const KEPT_OUTSIDE: &[&str] = &["nullable", "description", "readOnly", "writeOnly", "deprecated"];
    // Already the form this function leaves behind: a nullable reference.
    let only_documents = map.keys().all(|key| KEPT_OUTSIDE.contains(&key.as_str()) || key == "allOf" || key == "title");
    if only_documents && is_single_ref(map.get("allOf")) {
        return None;
    }
    let mut inner = Map::new();
    for (key, value) in std::mem::take(map) {
        if KEPT_OUTSIDE.contains(&key.as_str()) {
            if key == "description" {
                inner.insert(key.clone(), value.clone());
            }
            map.insert(key, value);
        } else if key != "title" {
            inner.insert(key, value);
        }
    }
    Some(Value::Object(inner))
}

fn is_single_ref(members: Option<&Value>) -> bool {
    matches!(members, Some(Value::Array(members)) if members.len() == 1 && members[0].get("$ref").is_some())
}

/// The keyword-level rewrites: descriptions as rustdoc reads them without warnings, formats
/// typify cannot hold, always-true bounds, enums with null or without a type.
fn fix_keywords(map: &mut Map<String, Value>) {
    // typify writes the description as the type's or field's docs.
    if let Some(Value::String(description)) = map.get_mut("description") {
        if description.contains("://") || description.contains("</br>") {
            *description = super::docs::rustdoc_prose(description);
        }
    }
    let ty = map.get("type").and_then(Value::as_str).map(str::to_owned);
    if !matches!(ty.as_deref(), Some("string" | "integer" | "number")) {
        map.remove("format");
    }
    if map.get("minLength").and_then(Value::as_u64) == Some(0) {
        map.remove("minLength");
    }
    let Some(Value::Array(values)) = map.get("enum") else { return };
    let lists_null = values.iter().any(Value::is_null);
    if ty.is_none() {
        let kinds: BTreeSet<&str> = values.iter().filter(|value| !value.is_null()).map(json_type).collect();
        if let [only] = kinds.into_iter().collect::<Vec<_>>().as_slice() {
            map.insert("type".into(), json!(only));
        }
    }
    if lists_null {
        map.insert("nullable".into(), Value::Bool(true));
    }
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(number) if number.is_f64() => "number",
        Value::Number(_) => "integer",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prepared(schemas: Value) -> Map<String, Value> {
        let Value::Object(mut schemas) = schemas else { panic!("not a map") };
        prepare(&mut schemas);
        schemas
    }

    #[test]
    fn a_nullable_composition_is_hoisted_under_a_free_name() {
        let schemas = prepared(json!({
            "Collaboration": {"type": "object", "properties": {"item": {"nullable": true, "description": "d", "allOf": [{"$ref": "#/components/schemas/File"}, {"type": "object"}]}}},
            "CollaborationItem": {"type": "object"},
            "File": {"type": "object"},
        }));
        assert_eq!(schemas["Collaboration"]["properties"]["item"], json!({"nullable": true, "description": "d", "allOf": [{"$ref": "#/components/schemas/CollaborationItem2"}]}));
        assert_eq!(schemas["CollaborationItem2"], json!({"description": "d", "allOf": [{"$ref": "#/components/schemas/File"}, {"type": "object"}]}));
    }

    #[test]
    fn a_nullable_composed_component_wraps_an_inner_schema() {
        let schemas = prepared(json!({"Folder": {"nullable": true, "title": "F", "oneOf": [{"type": "string"}, {"type": "integer"}]}}));
        assert_eq!(schemas["Folder"], json!({"nullable": true, "allOf": [{"$ref": "#/components/schemas/FolderInner"}]}));
        assert_eq!(schemas["FolderInner"], json!({"oneOf": [{"type": "string"}, {"type": "integer"}]}));
    }

    #[test]
    fn formats_typify_cannot_hold_and_empty_bounds_go() {
        let schemas = prepared(json!({"A": {"type": "object", "format": "kvpairs", "properties": {
            "ips": {"type": "array", "format": "ipv4", "items": {"type": "string", "format": "ipv4", "minLength": 0}}
        }}}));
        assert_eq!(schemas["A"], json!({"type": "object", "properties": {"ips": {"type": "array", "items": {"type": "string", "format": "ipv4"}}}}));
    }

    #[test]
    fn an_enum_listing_null_is_nullable_and_an_untyped_enum_gets_its_values_type() {
        let schemas = prepared(json!({"S": {"enum": ["a", null]}, "N": {"enum": [1, 2]}, "M": {"enum": [1, "a"]}}));
        assert_eq!(schemas["S"], json!({"enum": ["a", null], "type": "string", "nullable": true}));
        assert_eq!(schemas["N"], json!({"enum": [1, 2], "type": "integer"}));
        assert_eq!(schemas["M"], json!({"enum": [1, "a"]}));
    }
}
