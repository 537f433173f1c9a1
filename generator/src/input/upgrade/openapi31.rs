//! OpenAPI 3.1 -> OpenAPI 3.0.
//!
//! | OpenAPI 3.1 | OpenAPI 3.0 |
//! | --- | --- |
//! | `type: [string, "null"]`, `type: "null"` | `type: string` with `nullable: true` |
//! | `type: [string, integer]` | `anyOf` of one schema per type |
//! | `anyOf`/`oneOf` with a `{type: "null"}` branch | the other branches, `nullable: true` |
//! | `const: x` | `enum: [x]` |
//! | `examples: [a, b]` in a schema | `example: a` (the others kept as `x-examples`) |
//! | numeric `exclusiveMinimum`/`exclusiveMaximum` | `minimum`/`maximum` with the boolean form |
//! | `contentEncoding: base64`, `contentMediaType` of bytes | `format: byte`, `format: binary` |
//! | `$ref` with constraining siblings | `allOf: [{$ref}]` beside the siblings |
//! | `$defs` | schemas of their own in `components/schemas` |
//! | `components/pathItems` referred to from `paths` | the path item, copied in |
//! | `info.summary`, `license.identifier` | `x-summary`, `x-identifier` |
//! | `webhooks` | left out: they are requests the server sends; the crate docs say so |
//! | `jsonSchemaDialect` | dropped (a dialect other than OpenAPI's is warned about) |
//!
//! JSON Schema keywords with no 3.0 form (`prefixItems`, `if`/`then`/`else`,
//! `dependentSchemas`, `unevaluatedProperties`, `patternProperties`, ...) are removed, each with
//! a located warning that the generated type does not check it.

use std::collections::BTreeSet;

use serde_json::{json, Map, Value};

use super::{each_schema, schema_roots, Upgraded, OPENAPI_VERSION};
use crate::diagnostic::Diagnostic;
use crate::source::{child, SourceMap};

/// The dialect OpenAPI 3.1 documents use unless they say otherwise.
const OPENAPI_DIALECT: &str = "https://spec.openapis.org/oas/3.1/dialect/base";

/// JSON Schema keywords that constrain values and that OpenAPI 3.0 cannot express.
const INEXPRESSIBLE: &[&str] = &[
    "prefixItems",
    "if",
    "then",
    "else",
    "dependentSchemas",
    "dependentRequired",
    "unevaluatedProperties",
    "unevaluatedItems",
    "patternProperties",
    "propertyNames",
    "contains",
    "minContains",
    "maxContains",
    "$dynamicRef",
    "$dynamicAnchor",
    "$anchor",
    "$id",
];

/// Keywords that only document a schema: beside a `$ref` they change nothing a client checks.
const ANNOTATIONS: &[&str] = &["description", "title", "summary", "example", "examples", "x-examples", "deprecated", "readOnly", "writeOnly", "default", "$comment"];

pub(super) fn upgrade(mut document: Value, sources: &mut SourceMap) -> Upgraded {
    let mut found = Vec::new();
    let Some(root) = document.as_object_mut() else { return Upgraded { value: document, found } };
    root.insert("openapi".into(), json!(OPENAPI_VERSION));
    if let Some(dialect) = root.remove("jsonSchemaDialect") {
        if dialect.as_str() != Some(OPENAPI_DIALECT) {
            found.push(
                Diagnostic::warning("/jsonSchemaDialect", format!("the schema dialect {dialect} is read as OpenAPI's own ({OPENAPI_DIALECT})"))
                    .help("keywords outside OpenAPI's dialect are not understood; remove `jsonSchemaDialect` if the schemas use none"),
            );
        }
    }
    if let Some(webhooks) = root.remove("webhooks") {
        note_webhooks(root, &webhooks, &mut found);
    }
    rename(root.get_mut("info"), "summary", "x-summary");
    rename(root.get_mut("info").and_then(|info| info.get_mut("license")), "identifier", "x-identifier");
    root.entry("paths").or_insert_with(|| json!({}));
    copy_path_items(root, sources, &mut found);

    let mut roots = Vec::new();
    if let Some(Value::Object(schemas)) = root.get("components").and_then(|components| components.get("schemas")) {
        roots.extend(schemas.keys().map(|name| child("/components/schemas", name)));
    }
    schema_roots(&document, String::new(), &|at, key| at == "/components" && key == "schemas", &mut roots);
    for at in &roots {
        if let Some(schema) = document.pointer_mut(at) {
            each_schema(schema, at, &mut |schema, at| convert_schema(schema, at, &mut found));
        }
    }
    hoist_defs(&mut document, &roots, sources);
    Upgraded { value: document, found }
}

fn rename(object: Option<&mut Value>, from: &str, to: &str) {
    if let Some(Value::Object(map)) = object {
        if let Some(value) = map.remove(from) {
            map.insert(to.into(), value);
        }
    }
}

/// Webhooks are left out of the client; the API's description (the crate docs) says so.
fn note_webhooks(root: &mut Map<String, Value>, webhooks: &Value, found: &mut Vec<Diagnostic>) {
    let names: Vec<String> = webhooks.as_object().map(|map| map.keys().map(|name| format!("`{name}`")).collect()).unwrap_or_default();
    if names.is_empty() {
        return;
    }
    found.push(
        Diagnostic::warning("/webhooks", format!("webhooks ({}) are requests the server sends, not operations a client calls: they are left out", names.join(", ")))
            .help("nothing to do: the crate documentation notes them"),
    );
    let note = format!(
        "This API also describes webhooks, requests its server sends to a URL you register: {}. This client does not cover them.",
        names.join(", ")
    );
    if let Some(Value::Object(info)) = root.get_mut("info") {
        let description = match info.get("description").and_then(Value::as_str) {
            Some(text) if !text.trim().is_empty() => format!("{}\n\n{note}", text.trim_end()),
            _ => note,
        };
        info.insert("description".into(), Value::String(description));
    }
}

/// `paths` entries that refer to `components/pathItems` get the path item itself (the rest of
/// the pipeline, like OpenAPI 3.0, has no such section).
fn copy_path_items(root: &mut Map<String, Value>, sources: &mut SourceMap, found: &mut Vec<Diagnostic>) {
    let Some(items) = root.get_mut("components").and_then(Value::as_object_mut).and_then(|components| components.remove("pathItems")) else { return };
    let Some(Value::Object(paths)) = root.get_mut("paths") else { return };
    let mut used = BTreeSet::new();
    for (path, item) in paths.iter_mut() {
        let Some(name) = item.get("$ref").and_then(Value::as_str).and_then(|reference| reference.strip_prefix("#/components/pathItems/")) else { continue };
        let name = crate::source::unescape_segment(name);
        if let Some(content) = items.get(&name) {
            sources.moved(&child("/paths", path), &child("/components/pathItems", &name));
            used.insert(name);
            *item = content.clone();
        }
    }
    for name in items.as_object().into_iter().flat_map(|map| map.keys()) {
        if !used.contains(name) {
            found.push(
                Diagnostic::warning(child("/components/pathItems", name), format!("the path item `{name}` is not used by any path; it is left out"))
                    .help("refer to it from `paths`, or remove it"),
            );
        }
    }
}

/// One schema's 3.1 spellings, in place.
fn convert_schema(schema: &mut Map<String, Value>, at: &str, found: &mut Vec<Diagnostic>) {
    match schema.remove("type") {
        Some(Value::Array(types)) => {
            let names: Vec<&str> = types.iter().filter_map(Value::as_str).collect();
            let others: Vec<&str> = names.iter().copied().filter(|name| *name != "null").collect();
            if others.len() < names.len() {
                schema.insert("nullable".into(), json!(true));
            }
            match others.as_slice() {
                [] => only_null(at, found),
                [one] => {
                    schema.insert("type".into(), json!(one));
                }
                many => {
                    schema.insert("anyOf".into(), Value::Array(many.iter().map(|name| json!({ "type": name })).collect()));
                }
            }
        }
        Some(Value::String(name)) if name == "null" => {
            schema.insert("nullable".into(), json!(true));
            only_null(at, found);
        }
        Some(other) => {
            schema.insert("type".into(), other);
        }
        None => {}
    }
    for keyword in ["anyOf", "oneOf"] {
        let Some(Value::Array(branches)) = schema.get_mut(keyword) else { continue };
        let before = branches.len();
        branches.retain(|branch| branch.get("type").and_then(Value::as_str) != Some("null") || branch.as_object().is_some_and(|map| map.len() > 1));
        if branches.len() < before {
            schema.insert("nullable".into(), json!(true));
            if let Some(Value::Array(branches)) = schema.get(keyword) {
                if branches.len() == 1 && !schema.contains_key("allOf") {
                    let only = branches.clone();
                    schema.remove(keyword);
                    schema.insert("allOf".into(), Value::Array(only));
                }
            }
        }
    }
    if let Some(value) = schema.remove("const") {
        schema.entry("enum").or_insert_with(|| Value::Array(vec![value]));
    }
    if let Some(Value::Array(mut examples)) = schema.remove("examples") {
        if !examples.is_empty() {
            schema.entry("example").or_insert_with(|| examples.remove(0));
        }
        if !examples.is_empty() {
            schema.insert("x-examples".into(), Value::Array(examples));
        }
    }
    for (exclusive, bound) in [("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")] {
        if let Some(Value::Number(number)) = schema.get(exclusive).cloned() {
            schema.insert(bound.into(), Value::Number(number));
            schema.insert(exclusive.into(), json!(true));
        }
    }
    if let Some(encoding) = schema.remove("contentEncoding") {
        if encoding.as_str() == Some("base64") {
            schema.entry("format").or_insert_with(|| json!("byte"));
        }
    }
    if let Some(media) = schema.remove("contentMediaType") {
        let text = media.as_str().is_some_and(|media| media.starts_with("text/") || media.contains("json") || media.contains("xml"));
        if !text {
            schema.entry("format").or_insert_with(|| json!("binary"));
        }
    }
    if schema.contains_key("prefixItems") && !schema.contains_key("items") {
        // A tuple's elements have no one type; OpenAPI 3.0 can only say "any".
        schema.insert("items".into(), json!({}));
    }
    for keyword in INEXPRESSIBLE {
        if schema.remove(*keyword).is_some() {
            found.push(
                Diagnostic::warning(child(at, keyword), format!("`{keyword}` (JSON Schema 2020-12) has no OpenAPI 3.0 form; the generated type does not check it"))
                    .help(if *keyword == "prefixItems" {
                        "the elements become untyped JSON values; the client accepts and sends values this keyword would refuse"
                    } else {
                        "the client accepts and sends values this keyword would refuse"
                    }),
            );
        }
    }
    schema.remove("$schema");
    if schema.contains_key("$ref") && schema.keys().any(|key| key != "$ref" && !ANNOTATIONS.contains(&key.as_str()) && !key.starts_with("x-")) {
        // OpenAPI 3.0 ignores a `$ref`'s siblings; 3.1 applies them too. `allOf` says the same.
        if let Some(reference) = schema.remove("$ref") {
            let mut all = match schema.remove("allOf") {
                Some(Value::Array(all)) => all,
                _ => Vec::new(),
            };
            all.insert(0, json!({ "$ref": reference }));
            schema.insert("allOf".into(), Value::Array(all));
        }
    }
}

fn only_null(at: &str, found: &mut Vec<Diagnostic>) {
    found.push(
        Diagnostic::warning(child(at, "type"), "a schema that allows only `null` becomes an untyped value")
            .help("OpenAPI 3.0 has no null type; remove the property if it is always null"),
    );
}

/// `$defs` entries become schemas of their own under `components/schemas` (named after the
/// entry, made unique), and `$ref`s to them follow.
fn hoist_defs(document: &mut Value, roots: &[String], sources: &mut SourceMap) {
    let mut defs = Vec::new();
    for at in roots {
        if let Some(schema) = document.pointer_mut(at) {
            each_schema(schema, at, &mut |schema, at| {
                if let Some(Value::Object(entries)) = schema.get("$defs") {
                    defs.extend(entries.keys().map(|name| (child(&format!("{at}/$defs"), name), name.clone())));
                }
            });
        }
    }
    if defs.is_empty() {
        return;
    }
    let mut taken: BTreeSet<String> = document
        .pointer("/components/schemas")
        .and_then(Value::as_object)
        .map(|schemas| schemas.keys().cloned().collect())
        .unwrap_or_default();
    let mut moves = Vec::new();
    // Innermost first, so that an outer entry moves without the inner ones it held.
    for (at, name) in defs.into_iter().rev() {
        let Some((parent, _)) = at.rsplit_once('/') else { continue };
        let Some(content) = document.pointer_mut(parent).and_then(Value::as_object_mut).and_then(|entries| entries.remove(&name)) else { continue };
        let mut unique = name.clone();
        let mut number = 2;
        while taken.contains(&unique) {
            unique = format!("{name}{number}");
            number += 1;
        }
        taken.insert(unique.clone());
        let home = child("/components/schemas", &unique);
        sources.moved(&home, &at);
        moves.push((at, home));
        if let Value::Object(root) = &mut *document {
            let components = root.entry("components").or_insert_with(|| json!({}));
            if let Some(components) = components.as_object_mut() {
                let schemas = components.entry("schemas").or_insert_with(|| json!({}));
                if let Some(schemas) = schemas.as_object_mut() {
                    schemas.insert(unique, content);
                }
            }
        }
    }
    // Empty `$defs` maps left behind say nothing.
    for at in roots {
        if let Some(schema) = document.pointer_mut(at) {
            each_schema(schema, at, &mut |schema, _| {
                if schema.get("$defs").and_then(Value::as_object).is_some_and(Map::is_empty) {
                    schema.remove("$defs");
                }
            });
        }
    }
    retarget(document, &moves);
}

/// Points `$ref`s at moved nodes (and nodes inside them) at their new places.
fn retarget(value: &mut Value, moves: &[(String, String)]) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(reference)) = map.get_mut("$ref") {
                for (from, to) in moves {
                    let from = format!("#{from}");
                    if let Some(rest) = reference.strip_prefix(&from).filter(|rest| rest.is_empty() || rest.starts_with('/')) {
                        *reference = format!("#{to}{rest}");
                        break;
                    }
                }
            }
            for (key, item) in map.iter_mut() {
                if key != "example" && key != "examples" {
                    retarget(item, moves);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|item| retarget(item, moves)),
        _ => {}
    }
}

