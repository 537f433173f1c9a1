//! Serialising parameters and form bodies the way OpenAPI's `style` and `explode` say.
//!
//! Generated code passes typed values; they are turned into a JSON value first, so every type
//! (strings, numbers, enums, arrays, objects) goes through one set of rules. A value that
//! cannot be sent fails the call with [`Error::InvalidRequest`](crate::Error::InvalidRequest)
//! before anything is sent (a [`CallError`], which `?` turns into the operation's error).

use serde::Serialize;
use serde_json::Value;

use crate::CallError;

/// How a parameter is laid out (OpenAPI `style`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// `name=a,b` or, exploded, `name=a&name=b` (the query default).
    Form,
    /// `a,b` (the path and header default).
    Simple,
    /// `name=a%20b` for arrays.
    SpaceDelimited,
    /// `name=a|b` for arrays.
    PipeDelimited,
    /// `name[key]=value` for objects.
    DeepObject,
}

fn to_value<T: Serialize + ?Sized>(value: &T) -> Result<Value, CallError> {
    serde_json::to_value(value).map_err(|error| CallError::invalid_request(format!("a parameter could not be serialised: {error}")))
}

/// A scalar as text: strings as they are, numbers and booleans as written, null as nothing,
/// and anything nested as compact JSON.
fn scalar_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// The text of a path or header parameter (`simple` style): arrays are comma-joined; objects
/// are `key,value` pairs, or `key=value` pairs when exploded.
pub fn simple_text<T: Serialize + ?Sized>(value: &T, explode: bool) -> Result<String, CallError> {
    Ok(match to_value(value)? {
        Value::Array(items) => items.iter().map(scalar_text).collect::<Vec<_>>().join(","),
        Value::Object(map) if explode => {
            map.iter().map(|(key, value)| format!("{key}={}", scalar_text(value))).collect::<Vec<_>>().join(",")
        }
        Value::Object(map) => map.iter().flat_map(|(key, value)| [key.clone(), scalar_text(value)]).collect::<Vec<_>>().join(","),
        other => scalar_text(&other),
    })
}

/// The query pairs of one parameter.
pub fn query_pairs<T: Serialize + ?Sized>(name: &str, value: &T, style: Style, explode: bool) -> Result<Vec<(String, String)>, CallError> {
    let value = to_value(value)?;
    let pairs = match (value, style) {
        (Value::Null, _) => Vec::new(),
        (Value::Array(items), Style::Form | Style::Simple) if explode => {
            items.iter().map(|item| (name.to_owned(), scalar_text(item))).collect()
        }
        (Value::Array(items), style) => {
            let separator = match style {
                Style::SpaceDelimited => " ",
                Style::PipeDelimited => "|",
                _ => ",",
            };
            vec![(name.to_owned(), items.iter().map(scalar_text).collect::<Vec<_>>().join(separator))]
        }
        (Value::Object(map), Style::DeepObject) => {
            map.iter().map(|(key, value)| (format!("{name}[{key}]"), scalar_text(value))).collect()
        }
        (Value::Object(map), _) if explode => map.iter().map(|(key, value)| (key.clone(), scalar_text(value))).collect(),
        (Value::Object(map), _) => {
            let joined = map.iter().flat_map(|(key, value)| [key.clone(), scalar_text(value)]).collect::<Vec<_>>().join(",");
            vec![(name.to_owned(), joined)]
        }
        (scalar, _) => vec![(name.to_owned(), scalar_text(&scalar))],
    };
    Ok(pairs)
}

/// An `application/x-www-form-urlencoded` body: each top-level field a pair, arrays exploded.
pub fn form_body<T: Serialize + ?Sized>(body: &T) -> Result<String, CallError> {
    let mut serializer = form_urlencoded::Serializer::new(String::new());
    match to_value(body)? {
        Value::Object(map) => {
            for (key, value) in &map {
                for (name, text) in query_pairs(key, value, Style::Form, true)? {
                    serializer.append_pair(&name, &text);
                }
            }
        }
        Value::Null => {}
        other => return Err(CallError::invalid_request(format!("a form body must be an object, not {}", json_kind(&other)))),
    }
    Ok(serializer.finish())
}

/// A `multipart/form-data` body: each top-level field a text part (nested values as JSON).
pub fn multipart_body<T: Serialize + ?Sized>(body: &T) -> Result<reqwest::multipart::Form, CallError> {
    let mut form = reqwest::multipart::Form::new();
    match to_value(body)? {
        Value::Object(map) => {
            for (key, value) in map {
                form = form.text(key, scalar_text(&value));
            }
        }
        Value::Null => {}
        other => return Err(CallError::invalid_request(format!("a multipart body must be an object, not {}", json_kind(&other)))),
    }
    Ok(form)
}

/// A JSON request body.
pub fn json_body<T: Serialize + ?Sized>(body: &T) -> Result<Vec<u8>, CallError> {
    serde_json::to_vec(body).map_err(|error| CallError::invalid_request(format!("the body could not be encoded as JSON: {error}")))
}

/// The JSON text of parameter `name`, described by `content: application/json`.
pub fn json_text<T: Serialize + ?Sized>(name: &str, value: &T) -> Result<String, CallError> {
    serde_json::to_string(value)
        .map_err(|error| CallError::invalid_request(format!("parameter `{name}` could not be encoded as JSON: {error}")))
}

/// The kind of a JSON value, for messages: the value itself may be a secret.
fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn query_styles() {
        let list = json!(["a", "b c"]);
        assert_eq!(query_pairs("x", &list, Style::Form, true).unwrap(), [("x".into(), "a".into()), ("x".into(), "b c".into())]);
        assert_eq!(query_pairs("x", &list, Style::Form, false).unwrap(), [("x".into(), "a,b c".into())]);
        assert_eq!(query_pairs("x", &list, Style::PipeDelimited, false).unwrap(), [("x".into(), "a|b c".into())]);
        assert_eq!(query_pairs("x", &list, Style::SpaceDelimited, false).unwrap(), [("x".into(), "a b c".into())]);
        let object = json!({"role": "admin", "n": 2});
        assert_eq!(
            query_pairs("f", &object, Style::DeepObject, true).unwrap(),
            [("f[role]".into(), "admin".into()), ("f[n]".into(), "2".into())]
        );
        assert_eq!(query_pairs("f", &object, Style::Form, true).unwrap(), [("role".into(), "admin".into()), ("n".into(), "2".into())]);
        assert_eq!(query_pairs("f", &object, Style::Form, false).unwrap(), [("f".into(), "role,admin,n,2".into())]);
        assert_eq!(query_pairs("n", &json!(5), Style::Form, true).unwrap(), [("n".into(), "5".into())]);
        assert!(query_pairs("n", &json!(null), Style::Form, true).unwrap().is_empty());
    }

    #[test]
    fn simple_styles() {
        assert_eq!(simple_text(&json!(["a", 1]), false).unwrap(), "a,1");
        assert_eq!(simple_text(&json!({"a": 1}), true).unwrap(), "a=1");
        assert_eq!(simple_text(&json!(true), false).unwrap(), "true");
    }

    #[test]
    fn form_bodies() {
        assert_eq!(form_body(&json!({"grant_type": "client_credentials", "scope": ["a", "b"]})).unwrap(), "grant_type=client_credentials&scope=a&scope=b");
        assert!(form_body(&json!(3)).is_err());
    }
}
