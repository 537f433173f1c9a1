//! Rules for schema objects beyond their structure: what makes a type impossible or wrong
//! (errors), and what the generated client will not check or document (warnings).

use serde_json::{Map, Value};

use crate::diagnostic::{escape_segment, Diagnostic};
use crate::shape::describe;

const TYPES: &[&str] = &["string", "number", "integer", "boolean", "array", "object"];

/// Checks every schema at the pointers in `schemas` (from [`crate::shape::check`]).
pub fn check(root: &Value, schemas: &[String], found: &mut Vec<Diagnostic>) {
    let each = || schemas.iter().filter_map(|at| Some((at, root.pointer(at)?.as_object()?)));
    for (at, schema) in each() {
        check_one(schema, at, found);
    }
    // The typed reader's view is a backstop for what no rule above caught: with an error
    // already found, its messages would only repeat it in serde's words.
    if !found.iter().any(|diagnostic| diagnostic.severity == crate::Severity::Error) {
        for (at, schema) in each() {
            check_typed(schema, at, found);
        }
    }
}

fn check_one(schema: &Map<String, Value>, at: &str, found: &mut Vec<Diagnostic>) {
    let ty = schema.get("type").and_then(Value::as_str);
    if let Some(ty) = ty {
        if !TYPES.contains(&ty) {
            let help = if ty == "null" {
                "`type: null` is OpenAPI 3.1; in 3.0 mark the schema `nullable: true`".to_owned()
            } else {
                format!("use one of {}", TYPES.iter().map(|ty| format!("`{ty}`")).collect::<Vec<_>>().join(", "))
            };
            found.push(Diagnostic::error(format!("{at}/type"), format!("`{ty}` is not a schema type")).help(help));
        }
    }
    if ty == Some("array") && !schema.contains_key("items") {
        found.push(
            Diagnostic::error(format!("{at}/type"), "an array schema has no `items`, so its elements have no type")
                .help("add `items:` with the elements' schema (`items: {}` for any JSON value)")
                .lenient("its elements are untyped JSON values"),
        );
    }
    if let Some(Value::Array(values)) = schema.get("enum") {
        if values.is_empty() {
            found.push(
                Diagnostic::error(format!("{at}/enum"), "an empty `enum` allows no value at all")
                    .help("list the allowed values, or remove `enum`"),
            );
        }
        for (index, value) in values.iter().enumerate() {
            let fits = match ty {
                Some("string") => value.is_string(),
                Some("integer") => value.is_i64() || value.is_u64(),
                Some("number") => value.is_number(),
                Some("boolean") => value.is_boolean(),
                _ => true,
            };
            if !fits && !value.is_null() {
                found.push(
                    Diagnostic::error(format!("{at}/enum/{index}"), format!("this enum value is {}, but the schema's type is `{}`", describe(value), ty.unwrap_or_default()))
                        .help("make every value of the enum fit the schema's `type`, or fix the `type`"),
                );
            }
        }
    }
    if let Some(Value::String(pattern)) = schema.get("pattern") {
        if let Err(error) = regress::Regex::new(pattern) {
            found.push(
                Diagnostic::error(format!("{at}/pattern"), format!("the pattern `{pattern}` is not a valid regular expression: {error}"))
                    .help("patterns use ECMAScript syntax (as JavaScript's RegExp); escape `\\` once more inside double quotes"),
            );
        }
    }
    for (low, high) in [("minLength", "maxLength"), ("minimum", "maximum"), ("minItems", "maxItems"), ("minProperties", "maxProperties")] {
        if let (Some(min), Some(max)) = (schema.get(low).and_then(Value::as_f64), schema.get(high).and_then(Value::as_f64)) {
            if min > max {
                found.push(
                    Diagnostic::error(format!("{at}/{low}"), format!("`{low}` ({min}) is greater than `{high}` ({max}), so no value is valid"))
                        .help(format!("swap the two, or fix `{low}`")),
                );
            }
        }
    }
    if schema.get("readOnly") == Some(&Value::Bool(true)) && schema.get("writeOnly") == Some(&Value::Bool(true)) {
        found.push(
            Diagnostic::error(format!("{at}/writeOnly"), "a schema cannot be both `readOnly` and `writeOnly`")
                .help("keep the one that is true of the field"),
        );
    }
    warn_required_not_in_properties(schema, at, found);
    warn_undocumented_properties(schema, at, found);
    warn_unenforced(schema, ty, at, found);
}

fn warn_required_not_in_properties(schema: &Map<String, Value>, at: &str, found: &mut Vec<Diagnostic>) {
    let (Some(Value::Array(required)), Some(Value::Object(properties))) = (schema.get("required"), schema.get("properties")) else {
        return;
    };
    // With additional properties allowed, a required name need not be declared.
    if schema.get("additionalProperties").is_some_and(|extra| extra != &Value::Bool(false)) {
        return;
    }
    for (index, name) in required.iter().enumerate() {
        if let Some(name) = name.as_str() {
            if !properties.contains_key(name) {
                found.push(
                    Diagnostic::warning(format!("{at}/required/{index}"), format!("`{name}` is required but is not one of the properties"))
                        .help("check the spelling against `properties`, or declare the property"),
                );
            }
        }
    }
}

fn warn_undocumented_properties(schema: &Map<String, Value>, at: &str, found: &mut Vec<Diagnostic>) {
    let Some(Value::Object(properties)) = schema.get("properties") else { return };
    for (name, property) in properties {
        // A bare `$ref` cannot carry a description in OpenAPI 3.0; its target documents it.
        let documented = property.get("description").is_some() || property.get("$ref").is_some() || !property.is_object();
        if !documented {
            found.push(
                Diagnostic::warning(format!("{at}/properties/{}", escape_segment(name)), format!("property `{name}` has no description"))
                    .help("add `description:`; it becomes the field's documentation in the client"),
            );
        }
    }
}

fn warn_unenforced(schema: &Map<String, Value>, ty: Option<&str>, at: &str, found: &mut Vec<Diagnostic>) {
    // The type generator checks lengths and patterns of strings and picks unsigned or non-zero
    // integer types for a minimum of 0 or 1; it checks none of these.
    let mut unchecked: Vec<&str> = ["multipleOf", "maximum", "exclusiveMaximum", "exclusiveMinimum", "minProperties", "maxProperties"]
        .into_iter()
        .filter(|keyword| schema.contains_key(*keyword))
        .collect();
    let minimum = schema.get("minimum").and_then(Value::as_f64);
    if minimum.is_some() && !(ty == Some("integer") && matches!(minimum, Some(bound) if bound == 0.0 || bound == 1.0)) {
        unchecked.push("minimum");
    }
    // Equal bounds make a fixed-size array, which is checked.
    if schema.get("minItems") != schema.get("maxItems") {
        unchecked.extend(["minItems", "maxItems"].into_iter().filter(|keyword| schema.contains_key(*keyword)));
    }
    for keyword in unchecked {
        found.push(
            Diagnostic::warning(format!("{at}/{keyword}"), format!("`{keyword}` is not checked by the generated client"))
                .help("the client sends and accepts values that break it; the server is left to enforce it"),
        );
    }
}

/// What the typed reader (openapiv3) makes of this schema alone, its subschemas replaced by `{}`.
///
/// The structural checks cover what a person writes wrong; this catches the rest. Checking one
/// level at a time also keeps the typed reader, which retries a failed subtree once per level,
/// away from a deep failure it would explore exponentially.
fn check_typed(schema: &Map<String, Value>, at: &str, found: &mut Vec<Diagnostic>) {
    let mut shallow = schema.clone();
    for (key, value) in shallow.iter_mut() {
        match (key.as_str(), value) {
            ("items" | "not", value) => *value = Value::Object(Map::new()),
            ("additionalProperties", value) if value.is_object() => *value = Value::Object(Map::new()),
            ("properties", Value::Object(properties)) => properties.values_mut().for_each(|value| *value = Value::Object(Map::new())),
            ("allOf" | "oneOf" | "anyOf", Value::Array(members)) => members.iter_mut().for_each(|value| *value = Value::Object(Map::new())),
            _ => {}
        }
    }
    if let Err(error) = serde_json::from_value::<openapiv3::Schema>(Value::Object(shallow)) {
        found.push(
            Diagnostic::error(at, format!("this schema cannot be read as an OpenAPI 3.0 schema: {error}"))
                .help("check the types of its keywords against the OpenAPI 3.0.3 schema object"),
        );
    }
}
