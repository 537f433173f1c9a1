//! The Rust names and types the emitted parts share: an operation's error and success enums,
//! the types of its bodies and arguments.

use crate::model::{BodyKind, Operation, Param, ParamLocation, ParamType};

/// The name of an operation's error enum (or of its alias of a shared one).
pub(crate) fn error_enum_name(operation: &Operation) -> String {
    format!("{}Error", operation.type_name)
}

/// The name of an operation's success enum, for an operation whose successes differ in body.
pub(crate) fn success_enum_name(operation: &Operation) -> String {
    format!("{}Response", operation.type_name)
}

/// Whether every success response has the same body, so the method can return that type; if
/// not, it returns an enum with a variant per success status.
pub(crate) fn uniform_success(operation: &Operation) -> bool {
    operation.success.windows(2).all(|pair| pair[0].body == pair[1].body)
}

/// The Rust type of a body, as named from anywhere in the crate.
pub(crate) fn body_type(kind: &BodyKind) -> String {
    match kind {
        BodyKind::Empty => "()".into(),
        BodyKind::Json(name) | BodyKind::Form(name) | BodyKind::Multipart(name) => format!("crate::types::{name}"),
        BodyKind::Text => "String".into(),
        BodyKind::Bytes => "client_runtime::bytes::Bytes".into(),
    }
}

/// The body type a successful call returns inside `client_runtime::Response`.
pub(crate) fn success_type(operation: &Operation) -> String {
    if uniform_success(operation) {
        operation.success.first().map_or_else(|| "()".into(), |outcome| body_type(&outcome.body))
    } else {
        format!("crate::{}", success_enum_name(operation))
    }
}

/// The type of a parameter as held by a request builder (references live as long as `'a`).
pub(crate) fn argument_type(param: &Param) -> String {
    match &param.ty {
        ParamType::Str => "&'a str".into(),
        ParamType::Integer(name) => (*name).into(),
        ParamType::Number => "f64".into(),
        ParamType::Bool => "bool".into(),
        ParamType::Named(name) | ParamType::Json(name) => format!("&'a crate::types::{name}"),
    }
}

/// The type of the request body as held by a request builder.
pub(crate) fn body_argument_type(kind: &BodyKind) -> String {
    match kind {
        BodyKind::Text => "&'a str".into(),
        kind => format!("&'a {}", body_type(kind)),
    }
}

/// Whether a builder holds the parameter by reference.
pub(crate) fn is_reference(param: &Param) -> bool {
    matches!(param.ty, ParamType::Str | ParamType::Named(_) | ParamType::Json(_))
}

pub(crate) fn location_word(location: ParamLocation) -> &'static str {
    match location {
        ParamLocation::Path => "path",
        ParamLocation::Query => "query",
        ParamLocation::Header => "header",
        ParamLocation::Cookie => "cookie",
    }
}
