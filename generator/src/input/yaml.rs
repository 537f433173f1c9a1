//! A YAML file read in one pass: its value and the position of every node, from one walk over
//! yaml_rust2's events (which carry positions), so that locating the warnings later needs no
//! second parse of the text.
//!
//! serde_yaml stays the reader of record. This one reads the common case, plain mappings, lists
//! and scalars, into exactly the value serde_yaml and `tree` make of it, and gives up (`None`)
//! on everything else, which `read` then hands to serde_yaml as before, so every message and
//! limit stays what it was:
//! - a syntax error, a second document, an alias, a tag, a key that is a mapping or a list or
//!   null, a key written twice, nesting deeper than [`MAX_DEPTH`], an integer beyond 64 bits;
//! - text on which the two parsers might disagree: tabs, carriage returns, control characters,
//!   a byte-order mark inside the text, and the line breaks of YAML 1.1 (NEL, LS, PS).
//!
//! Scalars are resolved by serde_yaml's rules ([`resolve`]); positions follow the rules of
//! `source::locate` (a test holds the two walks to the same answers).

use std::fmt::Write;

use serde_json::{Map, Number, Value};
use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

use super::tree::MAX_DEPTH;
use crate::source::{escape_segment, PositionMap, Positions};

/// The value of the YAML document `text` and where each of its nodes is, or `None` when the
/// text is not in the common case this reader handles (see the module's documentation).
pub(crate) fn read(text: &str) -> Option<(Value, Positions)> {
    if !plain_text(text) {
        return None;
    }
    let mut reader = Reader { parser: Parser::new_from_str(text), path: String::new(), positions: PositionMap::default() };
    let (Event::StreamStart, _) = reader.next()? else { return None };
    let (Event::DocumentStart, _) = reader.next()? else { return None };
    let (event, mark) = reader.next()?;
    let value = reader.node(event, mark, 0)?;
    let (Event::DocumentEnd, _) = reader.next()? else { return None };
    let (Event::StreamEnd, _) = reader.next()? else { return None };
    Some((value, Positions(reader.positions)))
}

/// Whether `text` holds none of the characters on which yaml_rust2 (YAML 1.2) and libyaml
/// (YAML 1.1, serde_yaml's parser) might read differently or refuse differently.
fn plain_text(text: &str) -> bool {
    let ascii_ok = !text.bytes().any(|byte| (byte < 0x20 && byte != b'\n') || byte == 0x7f);
    // C1 controls (NEL among them), the byte-order mark, non-characters, LS and PS.
    ascii_ok && (text.is_ascii() || !text.chars().any(|c| matches!(c, '\u{80}'..='\u{9f}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}' | '\u{2028}' | '\u{2029}')))
}

struct Reader<'a> {
    parser: Parser<std::str::Chars<'a>>,
    /// The JSON pointer of the node being read.
    path: String,
    positions: PositionMap,
}

impl Reader<'_> {
    fn next(&mut self) -> Option<(Event, Marker)> {
        self.parser.next_token().ok()
    }

    /// Reads the node that starts with `event`, whose pointer is `self.path`.
    fn node(&mut self, event: Event, mark: Marker, depth: usize) -> Option<Value> {
        match event {
            Event::Scalar(text, style, _, None) => {
                // A wrong value is what needs the caret: a scalar is at its value, not its key.
                self.positions.insert(self.path.clone(), at(mark));
                match resolve(text, style)? {
                    Scalar::Null => Some(Value::Null),
                    Scalar::Bool(flag) => Some(Value::Bool(flag)),
                    Scalar::Unsigned(number) => Some(Value::Number(number.into())),
                    Scalar::Negative(number) => Some(Value::Number(number.into())),
                    // JSON has no NaN or infinity: they become null, as `tree` makes them.
                    Scalar::Float(number) => Some(Number::from_f64(number).map_or(Value::Null, Value::Number)),
                    Scalar::Text(text) => Some(Value::String(text)),
                }
            }
            Event::SequenceStart(_, None) if depth < MAX_DEPTH => {
                // A list is where its key is, or where it opens.
                self.positions.entry(self.path.clone()).or_insert(at(mark));
                let mut items = Vec::new();
                loop {
                    match self.next()? {
                        (Event::SequenceEnd, _) => return Some(Value::Array(items)),
                        (event, mark) => {
                            let length = self.path.len();
                            let _ = write!(self.path, "/{}", items.len());
                            let item = self.node(event, mark, depth + 1);
                            self.path.truncate(length);
                            items.push(item?);
                        }
                    }
                }
            }
            Event::MappingStart(_, None) if depth < MAX_DEPTH => {
                // A mapping is where its key is; in a list (or at the root), at its first key,
                // where a person looks for it; an empty one where it opens.
                let mut unplaced = (!self.positions.contains_key(&self.path)).then_some(mark);
                let mut map = Map::new();
                loop {
                    let (text, style, key_mark) = match self.next()? {
                        (Event::MappingEnd, _) => break,
                        (Event::Scalar(text, style, _, None), key_mark) => (text, style, key_mark),
                        _ => return None,
                    };
                    // The locate walk names a node by its key as written (`0x10`, not `16`).
                    let length = self.path.len();
                    self.path.push('/');
                    self.path.push_str(&escape_segment(&text));
                    let key = key(text, style)?;
                    if map.contains_key(&key) {
                        return None;
                    }
                    if unplaced.take().is_some() {
                        self.positions.entry(self.path[..length].to_owned()).or_insert(at(key_mark));
                    }
                    self.positions.entry(self.path.clone()).or_insert(at(key_mark));
                    let (event, mark) = self.next()?;
                    let value = self.node(event, mark, depth + 1);
                    self.path.truncate(length);
                    map.insert(key, value?);
                }
                if let Some(start) = unplaced {
                    self.positions.entry(self.path.clone()).or_insert(at(start));
                }
                Some(Value::Object(map))
            }
            _ => None,
        }
    }
}

/// yaml_rust2 counts lines from 1 and columns from 0.
fn at(mark: Marker) -> (usize, usize) {
    (mark.line(), mark.col() + 1)
}

/// A scalar as serde_yaml reads it.
#[derive(Debug, PartialEq)]
enum Scalar {
    Null,
    Bool(bool),
    Unsigned(u64),
    Negative(i64),
    Float(f64),
    Text(String),
}

/// What serde_yaml makes of an untagged scalar (its `visit_untagged_scalar`): only a plain one
/// can be anything but text. `None` for an integer beyond 64 bits, which `tree` refuses.
fn resolve(text: String, style: TScalarStyle) -> Option<Scalar> {
    if style != TScalarStyle::Plain {
        return Some(Scalar::Text(text));
    }
    Some(match text.as_str() {
        "" | "~" | "null" | "Null" | "NULL" => Scalar::Null,
        "true" | "True" | "TRUE" => Scalar::Bool(true),
        "false" | "False" | "FALSE" => Scalar::Bool(false),
        written => {
            if let Some(number) = unsigned(written, u64::from_str_radix) {
                Scalar::Unsigned(number)
            } else if let Some(number) = negative(written, i64::from_str_radix) {
                Scalar::Negative(number)
            } else if unsigned(written, u128::from_str_radix).is_some() || negative(written, i128::from_str_radix).is_some() {
                return None;
            } else if let Some(number) = float(written).filter(|_| !digits_but_not_number(written)) {
                Scalar::Float(number)
            } else {
                Scalar::Text(text)
            }
        }
    })
}

/// A mapping key as `tree` makes it: scalars as their text (as in JSON), never null.
fn key(text: String, style: TScalarStyle) -> Option<String> {
    Some(match resolve(text, style)? {
        Scalar::Null => return None,
        Scalar::Bool(flag) => flag.to_string(),
        Scalar::Unsigned(number) => number.to_string(),
        Scalar::Negative(number) => number.to_string(),
        Scalar::Float(number) => number.to_string(),
        Scalar::Text(text) => text,
    })
}

// serde_yaml 0.9's number rules, as written there (`de.rs`): YAML 1.2 integers in bases 10,
// 16 (`0x`), 8 (`0o`) and 2 (`0b`), a leading zero making a string, and floats with `.inf`
// and `.nan`.

type Radix<T> = fn(&str, u32) -> Result<T, std::num::ParseIntError>;

fn unsigned<T>(scalar: &str, from_str_radix: Radix<T>) -> Option<T> {
    let unpositive = scalar.strip_prefix('+').unwrap_or(scalar);
    for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if let Some(rest) = unpositive.strip_prefix(prefix) {
            if rest.starts_with(['+', '-']) {
                return None;
            }
            if let Ok(int) = from_str_radix(rest, radix) {
                return Some(int);
            }
        }
    }
    if unpositive.starts_with(['+', '-']) || digits_but_not_number(scalar) {
        return None;
    }
    from_str_radix(unpositive, 10).ok()
}

fn negative<T>(scalar: &str, from_str_radix: Radix<T>) -> Option<T> {
    for (prefix, radix) in [("-0x", 16), ("-0o", 8), ("-0b", 2)] {
        if let Some(rest) = scalar.strip_prefix(prefix) {
            if let Ok(int) = from_str_radix(&format!("-{rest}"), radix) {
                return Some(int);
            }
        }
    }
    if digits_but_not_number(scalar) {
        return None;
    }
    from_str_radix(scalar, 10).ok()
}

fn float(scalar: &str) -> Option<f64> {
    let unpositive = match scalar.strip_prefix('+') {
        Some(unpositive) if unpositive.starts_with(['+', '-']) => return None,
        Some(unpositive) => unpositive,
        None => scalar,
    };
    if let ".inf" | ".Inf" | ".INF" = unpositive {
        return Some(f64::INFINITY);
    }
    if let "-.inf" | "-.Inf" | "-.INF" = scalar {
        return Some(f64::NEG_INFINITY);
    }
    if let ".nan" | ".NaN" | ".NAN" = scalar {
        return Some(f64::NAN);
    }
    unpositive.parse::<f64>().ok().filter(|float| float.is_finite())
}

/// A leading zero followed by digits is a string in YAML 1.2.
fn digits_but_not_number(scalar: &str) -> bool {
    let scalar = scalar.strip_prefix(['-', '+']).unwrap_or(scalar);
    scalar.len() > 1 && scalar.starts_with('0') && scalar[1..].bytes().all(|byte| byte.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::*;
    use crate::source::locate::yaml_positions;

    /// What serde_yaml and `tree` make of `text`, the reader of record.
    fn by_serde_yaml(text: &str) -> Option<Value> {
        super::super::tree::build(serde_yaml::Deserializer::from_str(text), text.len()).ok()
    }

    /// Reads `text` in one pass and holds the result to serde_yaml's value and the locate walk's
    /// positions; false when the one pass gave up.
    fn agrees(text: &str, what: &str) -> bool {
        let Some((value, positions)) = read(text) else { return false };
        assert_eq!(Some(&value), by_serde_yaml(text).as_ref(), "value of {what}");
        assert!(positions.0 == yaml_positions(text), "positions of {what}");
        true
    }

    #[test]
    fn scalars_are_what_serde_yaml_makes_of_them() {
        let text = "values: [0x1F, 0o17, 0b11, 010, -010, 0, -0, +12, -0x10, -0o7, -0b1, 1e3, 1.5, -2.5e-3, .5, 5., \
                    .inf, -.Inf, +.INF, .nan, .NaN, ~, null, Null, NULL, '', \"\", true, True, TRUE, false, yes, no, on, off, \
                    1_000, 12:30, 0x, 0o, 0b2, +-1, 0x+1, 18446744073709551615, -9223372036854775808, 3.0, 0.0, \
                    2001-12-14, 'quoted 1', \"double \\u00e9 \\x41 \\/\", inf, nan, infinity, 1e400]\n\
                    keys: {1: a, 1.5: b, 2.0: c, true: d, 0x10: e, 010: f, -1: g, .inf: h, 'x': i, \"y\": j}\n\
                    empty:\n\
                    literal: |\n  line\n   more\n\n\
                    folded: >-\n  a\n  b\n\n  c\n\
                    plain: a # comment\n\
                    multi: a\n  b\n";
        assert!(agrees(text, "the scalar table"));
    }

    #[test]
    fn positions_are_those_of_the_locate_walk() {
        let texts = [
            "openapi: 3.0.3\npaths:\n  /a/{b}:\n    get:\n      responses:\n        '200':\n          description: ok\n",
            "list:\n  - name: id\n    in: path\n  - {}\n  - []\n  - [a, {b: c}]\n  -\n    - x\n",
            "a: {b: [1, 2, {c: d}], e: {}}\nf: []\n'g/h~': {i: j}\n\"k\": l\n",
            "- a\n- b: c\n  d: e\n",
            "---\nété: über\nx: 'ä'\n...\n",
            "anchored: &a {b: c}\n",
            "{}",
            "[]",
            "plain",
        ];
        for text in texts {
            assert!(agrees(text, text), "not read in one pass: {text}");
        }
    }

    /// Whatever serde_yaml reports, or may read differently, is left to it.
    #[test]
    fn gives_up_on_what_serde_yaml_must_say() {
        let nested = format!("{}x\n", (0..=MAX_DEPTH).map(|depth| format!("{}k:\n", "  ".repeat(depth))).collect::<String>());
        let texts = [
            "a: &x 1\nb: *x\n",
            "a: !tag 1\n",
            "a: !!str 1\n",
            "a: 1\na: 2\n",
            "a:\n\tb: 1\n",
            "a: 1\r\nb: 2\r\n",
            "a: 1\n---\nb: 2\n",
            "? [a]\n: 1\n",
            "? {a: b}\n: 1\n",
            "~: 1\n",
            ": 1\n",
            "a: 18446744073709551616\n",
            "a: -9223372036854775809\n",
            "a: [1, 2\n",
            "a: b: c\n",
            "a: \u{1}\n",
            "a: x\u{85}y\n",
            "a: x\u{2028}y\n",
            "# only a comment\n",
            nested.as_str(),
        ];
        for text in texts {
            assert!(read(text).is_none(), "read in one pass: {text:?}");
        }
    }

    fn yaml_files(folder: &Path, into: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(folder).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                yaml_files(&path, into);
            } else if path.extension().is_some_and(|extension| extension == "yaml" || extension == "yml") {
                into.push(path);
            }
        }
    }

    /// Every YAML file of the repository (the specs, the test fixtures, the malformed specs)
    /// reads the same in one pass as with serde_yaml and the locate walk, or is left to them.
    #[test]
    fn the_repository_specs_read_the_same() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut files = Vec::new();
        yaml_files(&root.join("specs"), &mut files);
        yaml_files(&root.join("tests"), &mut files);
        let mut read_in_one_pass = 0;
        for path in &files {
            let text = std::fs::read_to_string(path).unwrap_or_default();
            read_in_one_pass += usize::from(agrees(&text, &path.display().to_string()));
        }
        assert!(read_in_one_pass >= 50, "only {read_in_one_pass} of {} files read in one pass", files.len());
    }

    /// The same on the public specs beside the repository.
    #[test]
    #[ignore = "reads ../shared; run with cargo test -p generator -- --ignored shared_specs_read_the_same"]
    fn shared_specs_read_the_same() {
        let shared = std::env::var_os("OPENAPI_SHARED_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared"));
        let mut files = Vec::new();
        yaml_files(&shared, &mut files);
        let read_in_one_pass = files.iter().filter(|path| agrees(&std::fs::read_to_string(path).unwrap(), &path.display().to_string())).count();
        assert!(read_in_one_pass >= 20, "only {read_in_one_pass} of {} files read in one pass", files.len());
    }
}
