//! Upgrading: a Swagger 2.0 or OpenAPI 3.1 document rewritten in OpenAPI 3.0 shape.
//!
//! The rest of the pipeline knows one format. Each upgrade builds the 3.0 form of the document
//! and tells the source map where every moved node was (`/components/schemas/Pet` was
//! `/definitions/Pet`), so a later diagnostic about it still points at what the author wrote.
//! What has no 3.0 form becomes a located warning saying what the generator does instead (or
//! an error when no client could be right); nothing is dropped silently. An OpenAPI 3.0
//! document, or one of a version no upgrade knows, passes through untouched (validation names
//! an unknown version).

mod openapi31;
mod swagger2;

use serde_json::Value;

use crate::diagnostic::Diagnostic;
use crate::source::SourceMap;

/// The OpenAPI version upgraded documents declare.
pub const OPENAPI_VERSION: &str = "3.0.3";

/// An upgraded document and what the upgrade had to say (pointers in the bundled document).
pub struct Upgraded {
    /// The document in OpenAPI 3.0 shape.
    pub value: Value,
    /// Warnings (and errors) about what could not be carried over exactly.
    pub found: Vec<Diagnostic>,
}

/// Upgrades `value` if it is Swagger 2.0 or OpenAPI 3.1, recording moves in `sources`.
pub fn upgrade(value: Value, sources: &mut SourceMap) -> Upgraded {
    // Unquoted in YAML, `swagger: 2.0` is a number.
    let swagger = value.get("swagger").is_some_and(|version| version.as_str() == Some("2.0") || version.as_f64() == Some(2.0));
    let openapi31 = value.get("openapi").and_then(Value::as_str).is_some_and(|version| version.starts_with("3.1."));
    if swagger && value.get("openapi").is_none() {
        swagger2::upgrade(value, sources)
    } else if openapi31 {
        openapi31::upgrade(value, sources)
    } else {
        Upgraded { value, found: Vec::new() }
    }
}

/// The keywords of a schema whose values are schemas, and those whose values are maps or lists
/// of schemas: the upgrades walk schemas through them.
const SUBSCHEMA: &[&str] = &["items", "additionalProperties", "not", "contains", "propertyNames", "if", "then", "else", "unevaluatedItems", "unevaluatedProperties"];
const SUBSCHEMA_MAPS: &[&str] = &["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"];
const SUBSCHEMA_LISTS: &[&str] = &["allOf", "anyOf", "oneOf", "prefixItems"];

/// Calls `visit` on the schema at `at` and then on every schema inside it, outermost first;
/// `visit` may rewrite the schema it is given (the walk then follows the rewritten one).
fn each_schema(schema: &mut Value, at: &str, visit: &mut dyn FnMut(&mut serde_json::Map<String, Value>, &str)) {
    let Value::Object(map) = schema else { return };
    visit(map, at);
    for key in SUBSCHEMA {
        if let Some(inner) = map.get_mut(*key) {
            each_schema(inner, &crate::source::child(at, key), visit);
        }
    }
    for key in SUBSCHEMA_MAPS {
        if let Some(Value::Object(entries)) = map.get_mut(*key) {
            let at = crate::source::child(at, key);
            for (name, inner) in entries.iter_mut() {
                each_schema(inner, &crate::source::child(&at, name), visit);
            }
        }
    }
    for key in SUBSCHEMA_LISTS {
        if let Some(Value::Array(items)) = map.get_mut(*key) {
            let at = crate::source::child(at, key);
            for (index, inner) in items.iter_mut().enumerate() {
                each_schema(inner, &format!("{at}/{index}"), visit);
            }
        }
    }
}

/// The pointers of every `schema` object below `at` (a body's, a parameter's, a response's):
/// the roots of schema walks besides the named schemas, which `skip(at, key)` leaves out.
/// Extensions and examples are data, not schemas.
fn schema_roots(value: &Value, at: String, skip: &dyn Fn(&str, &str) -> bool, roots: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, item) in map {
                if key.starts_with("x-") || key == "example" || key == "examples" || skip(&at, key) {
                    continue;
                }
                let here = crate::source::child(&at, key);
                if key == "schema" && item.is_object() {
                    roots.push(here);
                } else {
                    schema_roots(item, here, skip, roots);
                }
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                schema_roots(item, format!("{at}/{index}"), skip, roots);
            }
        }
        _ => {}
    }
}
