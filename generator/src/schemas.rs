//! Rules for schema objects beyond their structure: what makes a type impossible or wrong
//! (errors), and what the generated client will not check or document (warnings).

use serde_json::{Map, Value};

use crate::diagnostic::{escape_segment, Diagnostic};
use crate::shape::describe;

const TYPES: &[&str] = &["string", "number", "integer", "boolean", "array", "object"];

/// Checks every schema the structural walk found (each with its pointer, from
/// [`crate::shape::check`]).
pub fn check(schemas: &[(String, &Map<String, Value>)], found: &mut Vec<Diagnostic>) {
    for (at, schema) in schemas {
        check_one(schema, at, found);
    }
}

/// What the typed reader (openapiv3) makes of each schema alone: the backstop for what no rule
/// of [`check`] caught, run when the typed reader refused the whole document, to say which
/// schemas it could not read. (A document it reads has no schema it cannot read alone: each
/// is read there with its subschemas, which `{}` stands for here.)
pub fn check_typed_each(schemas: &[(String, &Map<String, Value>)], found: &mut Vec<Diagnostic>) {
    for (at, schema) in schemas {
        check_typed(schema, at, found);
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
            let problem = Diagnostic::error(format!("{at}/type"), format!("`{ty}` is not a schema type")).help(help);
            // `anyOf: [..., {type: null}]` (3.1 style) says the value may be null.
            let member_of_choice = at.rsplit('/').nth(1).is_some_and(|parent| parent == "anyOf" || parent == "oneOf");
            found.push(if ty == "null" && member_of_choice {
                problem.lenient("the member is dropped and the choice is read as `nullable: true`")
            } else {
                problem
            });
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
        // Enum values of arrays and objects are not checked here (the type engine reads them).
        let scalar = !matches!(ty, Some("array" | "object"));
        for (index, value) in values.iter().enumerate() {
            if scalar && !fits(value, ty) && !value.is_null() {
                let ty = ty.unwrap_or_default();
                let problem = Diagnostic::error(format!("{at}/enum/{index}"), format!("this enum value is {}, but the schema's type is `{ty}`", describe(value)));
                found.push(match as_type(value, ty) {
                    Some(fitted) => problem
                        .help(rewrite_help(&fitted))
                        .lenient("the value is read as the schema's type, as servers send it"),
                    None => problem.help("make every value of the enum fit the schema's `type`, or fix the `type`"),
                });
            }
        }
    }
    check_default(schema, ty, at, found);
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

/// A `default` must be a value of the schema: of its type, and one of its `enum` if it has one.
fn check_default(schema: &Map<String, Value>, ty: Option<&str>, at: &str, found: &mut Vec<Diagnostic>) {
    let Some(default) = schema.get("default") else { return };
    let nullable = schema.get("nullable") == Some(&Value::Bool(true));
    let here = format!("{at}/default");
    if default.is_null() && !nullable {
        found.push(
            Diagnostic::error(here, "the default is `null`, but the schema is not `nullable`")
                .help("remove `default: null` (a missing value already means no value), or add `nullable: true`")
                .lenient("the default is ignored"),
        );
    } else if !fits(default, ty) && !default.is_null() {
        let ty = ty.unwrap_or_default();
        let problem = Diagnostic::error(&here, format!("the default is {}, but the schema's type is `{ty}`", describe(default)));
        found.push(match as_type(default, ty) {
            Some(fitted) => problem
                .help(rewrite_help(&fitted))
                .lenient("the default is read as the schema's type"),
            None => problem.help(format!("give a default of type `{ty}`, or remove it")).lenient("the default is ignored"),
        });
    } else if let Some(Value::Array(values)) = schema.get("enum") {
        let default = as_type(default, ty.unwrap_or_default()).unwrap_or_else(|| default.clone());
        let listed = values.iter().any(|value| as_type(value, ty.unwrap_or_default()).as_ref().unwrap_or(value) == &default);
        if !listed && !default.is_null() {
            found.push(
                Diagnostic::error(here, format!("the default {} is not one of the enum's values", written(&default)))
                    .help("make the default one of the values, or add it to `enum`")
                    .lenient("the default is ignored"),
            );
        }
    }
}

/// Whether `value` is of the schema type `ty` (anything is, with no type).
fn fits(value: &Value, ty: Option<&str>) -> bool {
    match ty {
        Some("string") => value.is_string(),
        Some("integer") => value.is_i64() || value.is_u64(),
        Some("number") => value.is_number(),
        Some("boolean") => value.is_boolean(),
        Some("array") => value.is_array(),
        Some("object") => value.is_object(),
        _ => true,
    }
}

/// The value of type `ty` that `value`, written as another JSON type, stands for: a number or
/// boolean in a string schema is its text (YAML reads an unquoted `3` or `on` in an enum as a
/// number or boolean, servers send a string), a numeric or boolean string in a number or boolean
/// schema is that number or boolean. `None` when there is no such reading (or nothing to read).
pub fn as_type(value: &Value, ty: &str) -> Option<Value> {
    match (ty, value) {
        ("string", Value::Number(_) | Value::Bool(_)) => Some(Value::String(value.to_string())),
        ("integer", Value::String(text)) => text.trim().parse::<i64>().ok().map(Value::from),
        ("integer", Value::Number(number)) => number.as_f64().filter(|float| float.fract() == 0.0 && float.abs() < 9e15).map(|float| Value::from(float as i64)),
        ("number", Value::String(text)) => text.trim().parse::<f64>().ok().and_then(serde_json::Number::from_f64).map(Value::Number),
        ("boolean", Value::String(text)) => match text.as_str() {
            "true" => Some(Value::Bool(true)),
            "false" => Some(Value::Bool(false)),
            _ => None,
        },
        _ => None,
    }
}

/// How to write a value as the schema's type.
fn rewrite_help(fitted: &Value) -> String {
    match fitted {
        Value::String(text) => format!("write it as the string `{fitted}`; in YAML, quote it: `'{text}'`"),
        _ => format!("write it as `{fitted}`, without quotes"),
    }
}

/// `value` as JSON, for a message.
fn written(value: &Value) -> String {
    format!("`{value}`")
}

/// Reads a `{type: null}` member of `anyOf`/`oneOf` as `nullable: true`, this schema's enum
/// values and default as its type, and drops a default that has no reading; the fallback `--lenient` takes for what [`check_default`] and the enum check report
/// (with a valid schema, it changes nothing). Used on the document before it is read into typed
/// form, and on the schemas before they become Rust types.
pub fn read_soundly(schema: &mut Map<String, Value>) {
    for key in ["anyOf", "oneOf"] {
        let Some(Value::Array(members)) = schema.get_mut(key) else { continue };
        let before = members.len();
        members.retain(|member| member.get("type") != Some(&Value::String("null".into())));
        if members.len() < before {
            schema.insert("nullable".into(), Value::Bool(true));
        }
    }
    let Some(ty) = schema.get("type").and_then(Value::as_str).map(str::to_owned) else { return };
    if let Some(Value::Array(values)) = schema.get_mut("enum") {
        for value in values.iter_mut() {
            if let Some(fitted) = as_type(value, &ty).filter(|_| !fits(value, Some(&ty))) {
                *value = fitted;
            }
        }
    }
    let nullable = schema.get("nullable") == Some(&Value::Bool(true));
    let Some(default) = schema.get("default") else { return };
    let fitted = if fits(default, Some(&ty)) && !default.is_null() { Some(default.clone()) } else { as_type(default, &ty) };
    let listed = |value: &Value| schema.get("enum").and_then(Value::as_array).is_none_or(|values| values.contains(value));
    match fitted {
        Some(value) if listed(&value) => {
            schema.insert("default".into(), value);
        }
        None if default.is_null() && nullable => {}
        _ => {
            schema.remove("default");
        }
    }
}

/// Whether [`read_soundly`] could change `schema`: only a `null` member of `anyOf` or `oneOf`,
/// or an enum or a default under a `type`, can be read otherwise. A document with none needs no
/// repaired copy for the typed reader.
pub fn may_read_soundly(schema: &Map<String, Value>) -> bool {
    let null_member = ["anyOf", "oneOf"].into_iter().any(|key| {
        schema.get(key).and_then(Value::as_array).is_some_and(|members| members.iter().any(|member| member.get("type").and_then(Value::as_str) == Some("null")))
    });
    let typed = schema.get("type").and_then(Value::as_str).is_some();
    null_member || (typed && (schema.contains_key("enum") || schema.contains_key("default")))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// `may_read_soundly` says yes to every schema `read_soundly` changes (it may say yes to
    /// more); the typed reading relies on it to skip the rest.
    #[test]
    fn every_schema_read_otherwise_is_foreseen() {
        let schemas = serde_json::json!([
            {"type": "string", "enum": [1, "a"]},
            {"type": "string", "enum": ["a"], "default": "b"},
            {"type": "integer", "default": "5"},
            {"type": "boolean", "default": null},
            {"anyOf": [{"type": "string"}, {"type": "null"}]},
            {"oneOf": [{"type": "null"}]},
            {"type": "string", "enum": ["a"], "default": "a"},
            {"type": "object", "properties": {"a": {"type": "string", "default": 1}}},
            {"enum": [1, "a"], "default": true},
            {"anyOf": [{"type": "string"}]},
            {"type": "number", "minimum": 1},
            {},
        ]);
        let mut changed = 0;
        for schema in schemas.as_array().into_iter().flatten().filter_map(Value::as_object) {
            let mut read = schema.clone();
            read_soundly(&mut read);
            if &read != schema {
                changed += 1;
                assert!(may_read_soundly(schema), "{schema:?}");
            }
        }
        assert_eq!(changed, 6);
    }
}
