//! Reading a JSON body into its documented type, and saying why it did not fit without
//! repeating anything the body said.
//!
//! A malformed response may hold a token where a number was expected, and serde's messages quote
//! the offending value (`invalid type: string "eyJ...", expected i64`). So a [`ParseError`] is
//! built from structured facts only: the kind of failure (serde_json's category and which serde
//! error constructor produced it), the JSON path of the failing node (`serde_path_to_error`),
//! what the type expected, and the line and column. Object keys in the path are shown only when
//! they are property names of the spec's schemas; any other key came from the body.

use std::fmt;

use serde::de::DeserializeOwned;
use serde_path_to_error::Segment;

/// The kind of a body that does not fit its documented type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ParseErrorKind {
    /// The body is not JSON.
    Syntax,
    /// The body ends in the middle of a JSON value.
    UnexpectedEnd,
    /// A value has the wrong JSON type (a string where a number is expected, ...).
    WrongType,
    /// A value has the right JSON type but is not acceptable (out of range, ...).
    WrongValue,
    /// An array or tuple has the wrong length.
    WrongLength,
    /// A string is not one of the enum's values.
    UnknownVariant,
    /// An object has a property its schema does not allow.
    UnknownField,
    /// A required property is missing.
    MissingField,
    /// A property appears twice.
    DuplicateField,
    /// The body is not UTF-8 text.
    NotUtf8,
    /// The value breaks a constraint of its type (a pattern, a length, ...).
    Constraint,
}

impl ParseErrorKind {
    fn describe(self) -> &'static str {
        match self {
            ParseErrorKind::Syntax => "the body is not valid JSON",
            ParseErrorKind::UnexpectedEnd => "the body ends too early",
            ParseErrorKind::WrongType => "a value has the wrong type",
            ParseErrorKind::WrongValue => "a value is not acceptable",
            ParseErrorKind::WrongLength => "a list has the wrong length",
            ParseErrorKind::UnknownVariant => "a value is not one of the documented values",
            ParseErrorKind::UnknownField => "an undocumented property is present",
            ParseErrorKind::MissingField => "a required property is missing",
            ParseErrorKind::DuplicateField => "a property appears twice",
            ParseErrorKind::NotUtf8 => "the body is not UTF-8 text",
            ParseErrorKind::Constraint => "a value breaks a constraint of its type",
        }
    }
}

/// Why a body did not parse: what kind of failure, where (JSON path, line, column), and what
/// the documented type expected. It never holds text from the body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    kind: ParseErrorKind,
    path: String,
    expected: Option<String>,
    line: usize,
    column: usize,
}

impl ParseError {
    /// The kind of failure.
    pub fn kind(&self) -> ParseErrorKind {
        self.kind
    }

    /// The JSON path of the failing node (`roles[0]`, `token_info.expiry`; empty for the whole
    /// body). An object key that is not a property name of the spec's schemas shows as `*`.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What the documented type expected there (`i64`, `a sequence`, ``one of `a`, `b` ``), for
    /// a missing or duplicate property its name, for a broken constraint the constraint
    /// (`shorter than 3 characters`); from the type, never from the body.
    pub fn expected(&self) -> Option<&str> {
        self.expected.as_deref()
    }

    /// The 1-based line of the body where parsing stopped (0 when unknown).
    pub fn line(&self) -> usize {
        self.line
    }

    /// The 1-based column where parsing stopped (0 when unknown).
    pub fn column(&self) -> usize {
        self.column
    }

    pub(crate) fn not_utf8() -> Self {
        ParseError { kind: ParseErrorKind::NotUtf8, path: String::new(), expected: None, line: 0, column: 0 }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.kind.describe())?;
        if !self.path.is_empty() {
            write!(f, " at `{}`", self.path)?;
        }
        if self.line > 0 {
            write!(f, " (line {}, column {})", self.line, self.column)?;
        }
        match (&self.expected, self.kind) {
            (Some(field), ParseErrorKind::MissingField | ParseErrorKind::DuplicateField) => write!(f, ": `{field}`"),
            (Some(constraint), ParseErrorKind::Constraint) => write!(f, ": {constraint}"),
            (Some(expected), _) => write!(f, "; expected {expected}"),
            (None, _) => Ok(()),
        }
    }
}

impl std::error::Error for ParseError {}

/// Parses `body` as `T`. `field_names` is the sorted list of the spec's property names, the only
/// object keys a [`ParseError`] path may show.
pub(crate) fn json<T: DeserializeOwned>(body: &[u8], field_names: &[&str]) -> Result<T, ParseError> {
    // Tracking the path costs on every node, so a body is parsed plainly first; only one that
    // fails is parsed again, with the path, to describe the failure (the same bytes fail the
    // same way).
    match serde_json::from_slice(body) {
        Ok(value) => Ok(value),
        Err(_) => json_with_path(body, field_names),
    }
}

/// Parses `body` as `T` recording the JSON path, for the [`ParseError`] of a body that does not
/// fit.
fn json_with_path<T: DeserializeOwned>(body: &[u8], field_names: &[&str]) -> Result<T, ParseError> {
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let value = serde_path_to_error::deserialize::<_, T>(&mut deserializer).map_err(|error| {
        let path = shown_path(error.path(), field_names);
        from_json(error.inner(), path)
    })?;
    // Trailing characters after the value are an error too.
    deserializer.end().map_err(|error| from_json(&error, String::new()))?;
    Ok(value)
}

fn from_json(error: &serde_json::Error, path: String) -> ParseError {
    let (kind, expected) = classify(error);
    ParseError { kind, path, expected, line: error.line(), column: error.column() }
}

fn shown_path(path: &serde_path_to_error::Path, field_names: &[&str]) -> String {
    let mut shown = String::new();
    for segment in path {
        match segment {
            Segment::Seq { index } => shown.push_str(&format!("[{index}]")),
            Segment::Map { key } => {
                if !shown.is_empty() {
                    shown.push('.');
                }
                let known = field_names.binary_search(&key.as_str()).is_ok();
                shown.push_str(if known { key } else { "*" });
            }
            // A variant is only recorded once it matched one of the type's variants.
            Segment::Enum { variant } => {
                if !shown.is_empty() {
                    shown.push('.');
                }
                shown.push_str(variant);
            }
            Segment::Unknown => shown.push_str(".?"),
        }
    }
    shown
}

/// The kind of failure, and what was expected, from serde_json's category and the fixed wording
/// of serde's error constructors. Only the parts of the message that the *type* wrote are kept:
/// what follows the last `, expected ` of an `invalid type/value/length` message (the unexpected
/// value, which is the body's, always comes before it), and the field of `missing field`.
fn classify(error: &serde_json::Error) -> (ParseErrorKind, Option<String>) {
    use serde_json::error::Category;
    match error.classify() {
        Category::Eof => return (ParseErrorKind::UnexpectedEnd, None),
        Category::Syntax | Category::Io => return (ParseErrorKind::Syntax, None),
        Category::Data => {}
    }
    let message = error.to_string();
    let expected_after_value = || message.rfind(", expected ").map(|at| strip_position(&message[at + 11..]).to_owned());
    if message.starts_with("invalid type: ") {
        (ParseErrorKind::WrongType, expected_after_value())
    } else if message.starts_with("invalid value: ") {
        (ParseErrorKind::WrongValue, expected_after_value())
    } else if message.starts_with("invalid length ") {
        (ParseErrorKind::WrongLength, expected_after_value())
    } else if message.starts_with("unknown variant `") {
        (ParseErrorKind::UnknownVariant, expected_list(&message))
    } else if message.starts_with("unknown field `") {
        (ParseErrorKind::UnknownField, expected_list(&message))
    } else if let Some(rest) = message.strip_prefix("missing field `") {
        // serde derives this message from the type's own field name.
        (ParseErrorKind::MissingField, rest.split('`').next().map(str::to_owned))
    } else if let Some(rest) = message.strip_prefix("duplicate field `") {
        // Raised only for fields the type knows.
        (ParseErrorKind::DuplicateField, rest.split('`').next().map(str::to_owned))
    } else {
        (ParseErrorKind::Constraint, constraint(&message))
    }
}

/// A custom message is kept only in the shapes the generated types write, which name the
/// constraint from the schema (`shorter than 3 characters`); any other may quote the value.
fn constraint(message: &str) -> Option<String> {
    const SHAPES: [&str; 4] = ["shorter than ", "longer than ", "doesn't match pattern \"", "data did not match any variant of "];
    let message = strip_position(message);
    let known = message == "invalid value" || SHAPES.iter().any(|shape| message.starts_with(shape));
    known.then(|| message.to_owned())
}

/// For `unknown variant/field `X`, expected ...`: the list of what the type accepts, or nothing
/// when the message ends in serde's "there are no ..." (the body's `X` could hold a fake list).
fn expected_list(message: &str) -> Option<String> {
    let message = strip_position(message);
    if message.ends_with("there are no variants") || message.ends_with("there are no fields") {
        return None;
    }
    message.rfind(", expected ").map(|at| message[at + 11..].to_owned())
}

/// serde_json appends ` at line L column C` to data errors.
fn strip_position(message: &str) -> &str {
    match message.rfind(" at line ") {
        Some(at) if message[at + 1..].split(' ').nth(3) == Some("column") => &message[..at],
        _ => message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Token {
        token: String,
        expiry: Option<i64>,
        roles: Vec<Kind>,
        #[serde(default)]
        data: std::collections::BTreeMap<String, i64>,
    }

    #[derive(Debug, Deserialize)]
    enum Kind {
        #[serde(rename = "admin")]
        Admin,
    }

    const NAMES: &[&str] = &["data", "expiry", "roles", "token"];

    fn fail(body: &str) -> ParseError {
        json::<Token>(body.as_bytes(), NAMES).unwrap_err()
    }

    #[test]
    fn wrong_types_give_path_and_expectation_but_never_the_value() {
        for value in [r#""s3cr3t""#, r#""s3cr3t\", expected hack \"s3cr3t""#, r#""a`s3cr3t`b""#] {
            let error = fail(&format!(r#"{{"token": "t", "expiry": {value}, "roles": []}}"#));
            let shown = format!("{error} {error:?}");
            assert!(!shown.contains("s3cr3t") && !shown.contains("hack"), "{shown}");
            assert_eq!((error.kind(), error.path(), error.expected()), (ParseErrorKind::WrongType, "expiry", Some("i64")));
        }
    }

    #[test]
    fn unknown_values_and_body_keys_are_not_shown() {
        let error = fail(r#"{"token": "t", "roles": ["admin", "s3cr3t, expected `hack`"]}"#);
        assert_eq!((error.kind(), error.path()), (ParseErrorKind::UnknownVariant, "roles[1]"));
        assert_eq!(error.expected(), Some("`admin`"));
        let error = fail(r#"{"token": "t", "roles": [], "data": {"s3cr3t": "x"}}"#);
        assert_eq!(error.path(), "data.*", "{error}");
        assert!(!error.to_string().contains("s3cr3t"));
    }

    #[test]
    fn missing_fields_syntax_and_trailing_text() {
        let error = fail(r#"{"roles": []}"#);
        assert_eq!((error.kind(), error.expected()), (ParseErrorKind::MissingField, Some("token")));
        assert_eq!(error.to_string(), "a required property is missing (line 1, column 13): `token`");
        let error = fail(r#"{"token": "s3cr3t", "roles": ["#);
        assert_eq!(error.kind(), ParseErrorKind::UnexpectedEnd);
        let error = fail(r#"{"token": "t", "roles": []} s3cr3t"#);
        assert_eq!(error.kind(), ParseErrorKind::Syntax);
        assert!(!error.to_string().contains("s3cr3t"));
    }
}
