//! Builds the JSON value of a spec from YAML or JSON with limits that keep bad input harmless.
//!
//! serde's own `Value` would accept anything its parser accepts. A hand-written spec needs more
//! care: a key written twice silently loses the first value, an alias bomb expands into billions
//! of nodes, and a deeply nested document overflows the stack of whatever walks it later. This
//! deserializer refuses all three while parsing, with the JSON pointer of the offending node, so
//! every later stage can rely on a document of bounded depth and size.

use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

use crate::diagnostic::escape_segment;

/// The deepest nesting of mappings and lists accepted. Real specs stay under 30; the parsers
/// stop at 128, so this one speaks first and says why.
pub const MAX_DEPTH: usize = 100;

/// Expanded nodes allowed per byte of text (at least [`MIN_NODE_BUDGET`]). Without aliases a
/// node takes at least one byte, so only alias expansion can exceed this.
const NODES_PER_BYTE: usize = 1;

/// The node budget of a small file, so that modest alias use in one is never refused.
const MIN_NODE_BUDGET: usize = 1 << 20;

/// Why the seed refused the document, kept beside the parser's error (which only carries text).
#[derive(Debug)]
pub struct Problem {
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: String,
    /// Where, as a JSON pointer.
    pub pointer: String,
    /// Which position to show.
    pub anchor: Anchor,
}

/// Which position a problem is best shown at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// Where the parser was.
    Parser,
    /// The mapping key the parser has just read.
    Key,
    /// The node the pointer names (the parser may be inside an anchor an alias repeats).
    Pointer,
}

/// Why a document could not be built.
pub struct Failure<E> {
    /// The parser's error.
    pub error: E,
    /// The seed's own reason, when it was the seed that refused.
    pub problem: Option<Problem>,
    /// The JSON pointer of the innermost node being built when the parser failed, if it failed
    /// while building (not while scanning the text): it locates errors that carry no position.
    pub pointer: Option<String>,
}

/// Builds the document's value from `deserializer`, over a text of `length` bytes.
pub fn build<'de, D: de::Deserializer<'de>>(deserializer: D, length: usize) -> Result<Value, Failure<D::Error>> {
    let problem = RefCell::new(None);
    let state = RefCell::new(State {
        problem: &problem,
        path: Vec::new(),
        nodes: 0,
        budget: length.saturating_mul(NODES_PER_BYTE).max(MIN_NODE_BUDGET),
        failed_at: None,
    });
    let built = Seed { state: &state }.deserialize(deserializer);
    let failed_at = state.borrow_mut().failed_at.take();
    built.map_err(|error| Failure { error, problem: problem.borrow_mut().take(), pointer: failed_at })
}

struct Seed<'a> {
    state: &'a RefCell<State<'a>>,
}

/// The walk's shared state: where it is, how much it has built, and the first problem.
struct State<'a> {
    problem: &'a RefCell<Option<Problem>>,
    path: Vec<String>,
    nodes: usize,
    budget: usize,
    failed_at: Option<String>,
}

impl State<'_> {
    /// Notes where a child failed; the innermost failure is noted first and kept.
    fn failed<T, E>(&mut self, result: Result<T, E>) -> Result<T, E> {
        if result.is_err() && self.failed_at.is_none() {
            self.failed_at = Some(self.pointer());
        }
        result
    }

    fn pointer(&self) -> String {
        self.path.iter().map(|segment| format!("/{}", escape_segment(segment))).collect()
    }

    fn refuse<E: de::Error>(&mut self, message: String, help: &str, child: Option<&str>, anchor: Anchor) -> E {
        let mut pointer = self.pointer();
        if let Some(child) = child {
            pointer.push('/');
            pointer.push_str(&escape_segment(child));
        }
        let mut problem = self.problem.borrow_mut();
        if problem.is_none() {
            *problem = Some(Problem { message: message.clone(), help: help.to_owned(), pointer, anchor });
        }
        E::custom(message)
    }

    /// Counts one node; refuses when alias expansion has blown past the budget.
    fn count<E: de::Error>(&mut self) -> Result<(), E> {
        self.nodes += 1;
        if self.nodes > self.budget {
            return Err(self.refuse(
                format!("the document expands to more than {} nodes", self.budget),
                "YAML aliases (`*name`) repeat their anchor's whole subtree; an alias bomb expands exponentially. Write the repeated parts out or share them with `$ref`",
                None,
                Anchor::Pointer,
            ));
        }
        Ok(())
    }

    fn enter<E: de::Error>(&mut self) -> Result<(), E> {
        if self.path.len() >= MAX_DEPTH {
            return Err(self.refuse(
                format!("the document nests deeper than {MAX_DEPTH} levels"),
                "move nested schemas into `components/schemas` and refer to them with `$ref`",
                None,
                Anchor::Parser,
            ));
        }
        Ok(())
    }
}

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed<'_> {
    type Value = Value;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a YAML or JSON value")
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Value, E> {
        self.state.borrow_mut().count()?;
        Ok(Value::Bool(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Value, E> {
        self.state.borrow_mut().count()?;
        Ok(Value::Number(value.into()))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Value, E> {
        self.state.borrow_mut().count()?;
        Ok(Value::Number(value.into()))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Value, E> {
        self.state.borrow_mut().count()?;
        // JSON has no NaN or infinity (YAML's `.nan`, `.inf`): they become null, as serde_json does.
        Ok(Number::from_f64(value).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Value, E> {
        self.visit_string(value.to_owned())
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Value, E> {
        self.state.borrow_mut().count()?;
        Ok(Value::String(value))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        self.state.borrow_mut().count()?;
        Ok(Value::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        self.visit_unit()
    }

    fn visit_some<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Value, A::Error> {
        {
            let mut state = self.state.borrow_mut();
            state.count()?;
            state.enter()?;
        }
        let mut list = Vec::new();
        loop {
            self.state.borrow_mut().path.push(list.len().to_string());
            let item = items.next_element_seed(Seed { state: self.state });
            let mut state = self.state.borrow_mut();
            let item = state.failed(item);
            state.path.pop();
            drop(state);
            match item? {
                Some(item) => list.push(item),
                None => break,
            }
        }
        Ok(Value::Array(list))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut entries: A) -> Result<Value, A::Error> {
        {
            let mut state = self.state.borrow_mut();
            state.count()?;
            state.enter()?;
        }
        let mut map = Map::new();
        let mut seen = HashSet::new();
        while let Some(key) = entries.next_key_seed(Key { state: self.state, seen: &seen })? {
            self.state.borrow_mut().path.push(key.clone());
            let value = entries.next_value_seed(Seed { state: self.state });
            let mut state = self.state.borrow_mut();
            let value = state.failed(value);
            state.path.pop();
            drop(state);
            seen.insert(key.clone());
            map.insert(key, value?);
        }
        Ok(Value::Object(map))
    }

    fn visit_enum<A: de::EnumAccess<'de>>(self, _data: A) -> Result<Value, A::Error> {
        Err(self.state.borrow_mut().refuse(
            "YAML tags (`!name value`) are not supported in a spec".into(),
            "remove the tag; a spec holds plain mappings, lists and scalars",
            None,
            Anchor::Parser,
        ))
    }

    fn visit_bytes<E: de::Error>(self, _value: &[u8]) -> Result<Value, E> {
        Err(self.state.borrow_mut().refuse("binary values are not supported in a spec".into(), "write the value as a string", None, Anchor::Parser))
    }
}

/// A mapping key: a string (YAML numbers and booleans as keys become their text, as in JSON),
/// never a key already seen in the same mapping.
struct Key<'a, 'b> {
    state: &'a RefCell<State<'a>>,
    seen: &'b HashSet<String>,
}

impl<'de> DeserializeSeed<'de> for Key<'_, '_> {
    type Value = String;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<String, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl Key<'_, '_> {
    fn accept<E: de::Error>(self, key: String) -> Result<String, E> {
        if self.seen.contains(&key) {
            let message = format!("the key `{key}` appears twice in this mapping");
            return Err(self.state.borrow_mut().refuse(
                message,
                "a mapping holds each key once; the second one would silently replace the first. Merge the two or rename one",
                Some(&key),
                Anchor::Key,
            ));
        }
        Ok(key)
    }

    fn not_a_key<E: de::Error>(self, what: &str) -> E {
        self.state.borrow_mut().refuse(
            format!("a mapping key must be a string, not {what}"),
            "write the key as plain text (quote it if it looks like something else)",
            None,
            Anchor::Parser,
        )
    }
}

impl<'de> Visitor<'de> for Key<'_, '_> {
    type Value = String;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a string key")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<String, E> {
        self.accept(value.to_owned())
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<String, E> {
        self.accept(value)
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<String, E> {
        self.accept(value.to_string())
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<String, E> {
        self.accept(value.to_string())
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<String, E> {
        self.accept(value.to_string())
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<String, E> {
        self.accept(value.to_string())
    }

    fn visit_unit<E: de::Error>(self) -> Result<String, E> {
        Err(self.not_a_key("null (an empty key)"))
    }

    fn visit_none<E: de::Error>(self) -> Result<String, E> {
        self.visit_unit()
    }

    fn visit_seq<A: SeqAccess<'de>>(self, _items: A) -> Result<String, A::Error> {
        Err(self.not_a_key("a list"))
    }

    fn visit_map<A: MapAccess<'de>>(self, _entries: A) -> Result<String, A::Error> {
        Err(self.not_a_key("a mapping"))
    }

    fn visit_enum<A: de::EnumAccess<'de>>(self, _data: A) -> Result<String, A::Error> {
        Err(self.not_a_key("a tagged value"))
    }
}
