//! Reading a JSON body into its documented type, and saying why it did not fit without
//! repeating anything the body said.
//!
//! A malformed response may hold a token where a number was expected, and serde's messages quote
//! the offending value (`invalid type: string "eyJ...", expected i64`). So a [`ParseError`] is
//! built from structured facts only: the kind of failure (serde_json's category and which serde
//! error constructor produced it), the JSON path of the failing node (found from serde_json's
//! line and column by [`crate::json_path`]), what the type expected, and the line and column.
//! Object keys in the path are shown only when they are property names of the spec's schemas;
//! any other key came from the body.

use std::fmt;

use serde::de::DeserializeOwned;

use crate::json_path::{path_at, Segment, Subject};

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
    ///
    /// A value that serde judges only once it is read whole (an untagged or internally tagged
    /// enum, a constrained string) and that is the last in its object or list is reported at
    /// that container's end, by the line and column as by the path, which then names the
    /// container.
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
    serde_json::from_slice(body).map_err(|error| describe(body, &error, field_names))
}

/// Why `body` did not parse, from serde_json's `error`: its kind, what was expected, and the
/// path of the node where it stopped ([`path_at`]). Not generic, so compiled once.
fn describe(body: &[u8], error: &serde_json::Error, field_names: &[&str]) -> ParseError {
    let (kind, expected) = classify(error);
    let subject = match kind {
        ParseErrorKind::UnknownVariant | ParseErrorKind::DuplicateField => Subject::Object,
        _ => Subject::Node,
    };
    let path = path_at(body, error.line(), error.column(), subject);
    let path = shown_path(&path, field_names);
    ParseError { kind, path, expected, line: error.line(), column: error.column() }
}

fn shown_path(path: &[Segment], field_names: &[&str]) -> String {
    let mut shown = String::new();
    for segment in path {
        match segment {
            Segment::Index(index) => shown.push_str(&format!("[{index}]")),
            Segment::Key(key) => {
                if !shown.is_empty() {
                    shown.push('.');
                }
                let known = field_names.binary_search(&key.as_str()).is_ok();
                shown.push_str(if known { key } else { "*" });
            }
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

    /// The types of the comparison with `serde_path_to_error`: what typify generates (structs
    /// with required, optional and unknown-refusing fields, lists, maps, tuples, enums of
    /// strings, untagged and internally tagged enums, a constrained string).
    mod shapes {
        use serde::Deserialize;
        use std::collections::BTreeMap;

        #[derive(Debug, Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        pub struct Outer {
            pub name: Name,
            pub count: Option<i64>,
            pub items: Vec<Inner>,
            pub pair: (u8, bool),
            #[serde(default)]
            pub tags: BTreeMap<String, Kind>,
            pub nested: Option<Box<Outer>>,
            pub either: Option<Either>,
            pub tagged: Option<Tagged>,
        }

        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        pub struct Inner {
            pub id: u32,
            pub kind: Kind,
            pub values: Vec<f64>,
        }

        #[derive(Debug, Deserialize)]
        pub enum Kind {
            #[serde(rename = "a")]
            A,
            #[serde(rename = "b")]
            B,
        }

        #[derive(Debug, Deserialize)]
        #[serde(untagged)]
        #[allow(dead_code)]
        pub enum Either {
            Number(i64),
            Inner(Inner),
        }

        #[derive(Debug, Deserialize)]
        #[serde(tag = "type")]
        #[allow(dead_code)]
        pub enum Tagged {
            #[serde(rename = "one")]
            One { id: u32 },
        }

        /// A string of at most 8 characters, refused the way typify's constrained strings are.
        #[derive(Debug)]
        pub struct Name(#[allow(dead_code)] pub String);

        impl<'de> Deserialize<'de> for Name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = String::deserialize(deserializer)?;
                if text.len() > 8 {
                    return Err(serde::de::Error::custom("longer than 8 characters"));
                }
                Ok(Name(text))
            }
        }

        pub const VALID: &str = r#"{"name": "n", "count": 3, "items": [{"id": 1, "kind": "a", "values": [1.5, 2]}, {"id": 2, "kind": "b", "values": []}], "pair": [7, true], "tags": {"k1": "a", "k2": "b"}, "nested": {"name": "m", "items": [], "pair": [1, false]}, "either": {"id": 3, "kind": "a", "values": [0]}, "tagged": {"type": "one", "id": 4}}"#;
    }

    /// The path `serde_path_to_error` names for a body that fails, shown by the same rules.
    fn tracked_path(body: &[u8], names: &[&str]) -> Option<(ParseErrorKind, String)> {
        use serde_path_to_error::Segment as Tracked;
        let mut deserializer = serde_json::Deserializer::from_slice(body);
        let (error, path) = match serde_path_to_error::deserialize::<_, shapes::Outer>(&mut deserializer) {
            Ok(_) => (deserializer.end().err()?, Vec::new()),
            Err(error) => {
                // A step the tracker could not name (`?`) has no counterpart: it is left out.
                let path = error
                    .path()
                    .iter()
                    .filter_map(|segment| match segment {
                        Tracked::Seq { index } => Some(Segment::Index(*index)),
                        Tracked::Map { key } | Tracked::Enum { variant: key } => Some(Segment::Key(key.clone())),
                        Tracked::Unknown => None,
                    })
                    .collect::<Vec<_>>();
                (error.into_inner(), path)
            }
        };
        Some((classify(&error).0, shown_path(&path, names)))
    }

    /// Malformed variants of a valid body: every value replaced by each kind of JSON value,
    /// every property removed, an unknown and a repeated property added to every object, and
    /// the text cut short at every byte.
    fn malformed(valid: &str) -> Vec<String> {
        let root: serde_json::Value = serde_json::from_str(valid).unwrap();
        let mut bodies = Vec::new();
        let replacements = [r#""s""#, "1", "-1", "1.5", "true", "null", "[]", "{}", "[1]", r#"{"z": 1}"#, r#""abcdefghijk""#, r#""a""#];
        let mut pointers = Vec::new();
        collect_pointers(&root, String::new(), &mut pointers);
        for pointer in &pointers {
            for replacement in replacements {
                let mut body = root.clone();
                *body.pointer_mut(pointer).unwrap() = serde_json::from_str(replacement).unwrap();
                bodies.push(serde_json::to_string(&body).unwrap());
                bodies.push(serde_json::to_string_pretty(&body).unwrap());
            }
            if let Some((parent, key)) = pointer.rsplit_once('/') {
                if let Some(object) = root.pointer(parent).and_then(serde_json::Value::as_object) {
                    let mut body = root.clone();
                    body.pointer_mut(parent).unwrap().as_object_mut().unwrap().remove(key);
                    bodies.push(serde_json::to_string(&body).unwrap());
                    let text = serde_json::to_string(&serde_json::Value::Object(object.clone())).unwrap();
                    let inner = &text[..text.len() - 1];
                    for extra in [r#","extra":1}"#.to_owned(), format!(r#","{key}":{}}}"#, object[key])] {
                        let changed = format!("{inner}{extra}");
                        let mut body = root.clone();
                        *body.pointer_mut(parent).unwrap() = serde_json::Value::String("MARK".into());
                        let whole = serde_json::to_string(&body).unwrap();
                        bodies.push(whole.replacen(r#""MARK""#, &changed, 1));
                    }
                }
            }
        }
        let compact = serde_json::to_string(&root).unwrap();
        for cut in 0..compact.len() {
            bodies.push(compact[..cut].to_owned());
        }
        bodies.push(format!("{compact} x"));
        bodies.push(compact.replacen("[7,true]", "[7,true,1]", 1));
        bodies.push(compact.replacen("[7,true]", "[7]", 1));
        bodies.push(compact.replacen("[1.5,2", "[1.5,,2", 1));
        bodies.push(compact.replacen("[1.5,2", "[1.5 2", 1));
        bodies.push(compact.replacen(r#""count""#, r#""co\u0075nt""#, 1));
        bodies
    }

    fn collect_pointers(value: &serde_json::Value, at: String, pointers: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(object) => {
                for (key, value) in object {
                    let at = format!("{at}/{key}");
                    pointers.push(at.clone());
                    collect_pointers(value, at, pointers);
                }
            }
            serde_json::Value::Array(items) => {
                for (index, value) in items.iter().enumerate() {
                    let at = format!("{at}/{index}");
                    pointers.push(at.clone());
                    collect_pointers(value, at, pointers);
                }
            }
            _ => {}
        }
    }

    /// A path's steps (`items[0].kind` is `items`, `[0]`, `kind`).
    fn steps(path: &str) -> Vec<&str> {
        path.split_inclusive(['.', '[']).map(|step| step.trim_end_matches(['.', '['])).filter(|step| !step.is_empty()).collect()
    }

    /// Whether `short`'s steps begin `long`'s.
    fn begins(short: &str, long: &str) -> bool {
        let (short, long) = (steps(short), steps(long));
        short.len() <= long.len() && short[..] == long[..short.len()]
    }

    #[test]
    fn paths_are_the_ones_tracking_the_path_would_name() {
        let names = ["count", "either", "extra", "id", "items", "k1", "k2", "kind", "name", "nested", "one", "pair", "tagged", "tags", "type", "values", "z"];
        let (mut data, mut syntax, mut shorter) = (0, 0, 0);
        for body in malformed(shapes::VALID) {
            let (ours, tracked) = (json::<shapes::Outer>(body.as_bytes(), &names), tracked_path(body.as_bytes(), &names));
            let (ours, (kind, expected)) = match (ours, tracked) {
                (Ok(_), None) => continue,
                (Err(ours), Some(tracked)) => (ours, tracked),
                (ours, tracked) => panic!("{body}: parsed {:?}, tracked {tracked:?}", ours.is_ok()),
            };
            assert_eq!(ours.kind(), kind, "{body}");
            let path = ours.path();
            if matches!(kind, ParseErrorKind::Syntax | ParseErrorKind::UnexpectedEnd) {
                // Where broken text is found is a step before or after the node a tracking
                // parser is in (which it may not name); the two agree up to that step.
                syntax += 1;
                let (ours_steps, expected_steps) = (steps(path), steps(&expected));
                let common = ours_steps.iter().zip(&expected_steps).take_while(|(a, b)| a == b).count();
                assert!(common + 1 >= ours_steps.len().max(expected_steps.len()), "{body}: ours `{path}`, tracked `{expected}`");
            } else if path != expected {
                // A value serde judges whole, last in its object: the path names the object
                // (see `json_path`).
                assert!(begins(path, &expected) && expected.contains("tagged"), "{body}: ours `{path}`, tracked `{expected}`");
                shorter += 1;
            } else {
                data += 1;
            }
        }
        assert!(data > 300 && syntax > 200 && shorter < data / 10, "{data} data errors, {syntax} syntax errors, {shorter} shorter");
    }
}
