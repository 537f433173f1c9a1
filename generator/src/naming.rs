//! Rust names for things named in a spec: methods, types, variants, arguments.

use heck::{ToPascalCase, ToSnakeCase};

/// Words that cannot be identifiers as they are.
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern", "false", "fn",
    "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self", "Self",
    "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where", "while", "abstract", "become",
    "box", "do", "final", "gen", "macro", "override", "priv", "try", "typeof", "unsized", "virtual", "yield",
];

/// Methods and associated functions every generated `Client` has (see `emit/client.rs`): an
/// operation cannot take their names.
/// (Method names starting with `with_` are reserved too, for the login helpers.)
pub const CLIENT_METHODS: &[&str] = &["builder", "new", "base_url", "server_url", "credentials_expire_at"];

/// Types every generated crate defines or re-exports at its root (see `emit/mod.rs`): an
/// operation's error enum cannot take their names.
pub const ROOT_TYPES: &[&str] = &[
    "Client", "ClientBuilder", "ConfigError", "Credential", "DocumentedError", "Error", "FromHeaders", "HeaderMap",
    "Redirects", "Response", "RetryPolicy", "Secret", "StatusCode",
];

/// A snake_case identifier for `name`; keywords get a trailing underscore, and a name that
/// starts with a digit gets a leading underscore.
pub fn snake(name: &str) -> String {
    fix_identifier(name.to_snake_case(), "value")
}

/// A PascalCase identifier for `name`.
pub fn pascal(name: &str) -> String {
    fix_identifier(name.to_pascal_case(), "Type")
}

fn fix_identifier(mut ident: String, empty: &str) -> String {
    ident.retain(|c| c.is_ascii_alphanumeric() || c == '_');
    if ident.is_empty() {
        return empty.to_owned();
    }
    if ident.starts_with(|c: char| c.is_ascii_digit()) {
        ident.insert(0, '_');
    }
    if KEYWORDS.contains(&ident.as_str()) {
        ident.push('_');
    }
    ident
}

/// `name`, or `name2`, `name3`, ... : the first that is not in `taken`, which then holds it.
pub fn unique(name: &str, taken: &mut std::collections::BTreeSet<String>) -> String {
    let mut candidate = name.to_owned();
    let mut counter = 2;
    while !taken.insert(candidate.clone()) {
        candidate = format!("{name}{counter}");
        counter += 1;
    }
    candidate
}

/// The method name of an operation: its `operationId` in snake_case, or, when it has none, one
/// derived from the method and the path (`GET /users/{id}/keys` is `get_users_id_keys`).
pub fn operation_name(operation_id: Option<&str>, method: &str, path: &str) -> String {
    match operation_id {
        Some(id) if !id.trim().is_empty() => snake(id),
        _ => {
            let words: Vec<&str> = path
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|word| !word.is_empty())
                .collect();
            snake(&format!("{method} {}", words.join(" ")))
        }
    }
}

/// The variant name for a documented status: its reason phrase (`404` is `NotFound`), or
/// `Status499` for a code without one.
pub fn status_variant(code: u16) -> String {
    match http::StatusCode::from_u16(code).ok().and_then(|status| status.canonical_reason()) {
        Some(reason) if reason.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-') => {
            pascal(reason)
        }
        _ => format!("Status{code}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(snake("GetRegistrationToken"), "get_registration_token");
        assert_eq!(snake("token-id"), "token_id");
        assert_eq!(snake("type"), "type_");
        assert_eq!(snake("2fa"), "_2fa");
        assert_eq!(pascal("related_api_error"), "RelatedApiError");
        assert_eq!(operation_name(None, "get", "/users/{id}/keys"), "get_users_id_keys");
        assert_eq!(status_variant(412), "PreconditionFailed");
        assert_eq!(status_variant(418), "Status418");
        assert_eq!(status_variant(499), "Status499");
    }
}
