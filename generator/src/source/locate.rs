//! Finds the line and column of the node a JSON pointer names, for diagnostics.
//!
//! Most YAML files have their positions recorded while they are parsed (`input::yaml`). For the
//! others (and JSON), only when there is something to report is the text read again, this time
//! with a YAML event parser that keeps positions (JSON is YAML, so one index serves both; JSON
//! text is read by the faster [`super::json_positions`] scanner, which records the same
//! positions).

use std::borrow::Cow;
use std::collections::HashMap;

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

use super::{escape_segment, location_from, Location, PositionMap, Positions};

/// JSON pointer of every node in a document, mapped to where the node starts.
pub(crate) struct Index<'a> {
    text: &'a str,
    positions: Cow<'a, PositionMap>,
    /// The byte offset where each line starts.
    line_starts: Vec<usize>,
    /// For each line longer than [`CHECKPOINT`] characters (by its index), the byte offset of
    /// every `CHECKPOINT`th character: a column far into a long line (a minified JSON spec is
    /// one line) is then counted from the nearest, not from the line's start, for each of
    /// thousands of diagnostics.
    checkpoints: HashMap<usize, Vec<usize>>,
}

/// How many characters apart the checkpoints of a long line are.
const CHECKPOINT: usize = 4096;

impl<'a> Index<'a> {
    /// The index of `text`, from the positions its parser recorded, or else found by reading it.
    pub(crate) fn new(text: &'a str, recorded: Option<&'a Positions>) -> Self {
        let positions = match recorded {
            Some(recorded) => Cow::Borrowed(&recorded.0),
            None => Cow::Owned(Self::read(text)),
        };
        let line_starts: Vec<usize> = std::iter::once(0).chain(text.match_indices('\n').map(|(offset, _)| offset + 1)).collect();
        let mut checkpoints = HashMap::new();
        for (index, &start) in line_starts.iter().enumerate() {
            let end = line_starts.get(index + 1).copied().unwrap_or(text.len());
            if end - start > CHECKPOINT {
                let points = text[start..end].char_indices().step_by(CHECKPOINT).map(|(offset, _)| start + offset).collect();
                checkpoints.insert(index, points);
            }
        }
        Index { text, positions, line_starts, checkpoints }
    }

    #[cfg(test)]
    pub(crate) fn build(text: &'a str) -> Self {
        Self::new(text, None)
    }

    fn read(text: &str) -> PositionMap {
        // JSON (most large specs) is read by a plain scanner, many times faster than the walk.
        let looks_like_json = text.trim_start().starts_with(['{', '[']);
        looks_like_json.then(|| super::json_positions::positions(text)).flatten().unwrap_or_else(|| yaml_positions(text))
    }

    /// The position of `pointer`'s node, or of its nearest ancestor that exists.
    pub(crate) fn find(&self, pointer: &str) -> Option<Location> {
        let mut current = pointer;
        // The root is the whole file: no caret is better than one on its first key.
        while !current.is_empty() {
            if let Some(&(line, column)) = self.positions.get(current) {
                let index = line.saturating_sub(1);
                let line_start = self.line_starts.get(index).copied().unwrap_or(self.text.len());
                // The nearest checkpoint at or before the column (character `column - 1`).
                let (from, from_column) = match self.checkpoints.get(&index) {
                    Some(points) => {
                        let nearest = (column.saturating_sub(1) / CHECKPOINT).min(points.len() - 1);
                        (points[nearest], nearest * CHECKPOINT + 1)
                    }
                    None => (line_start, 1),
                };
                return Some(location_from(self.text, from, from_column, line, column));
            }
            current = &current[..current.rfind('/').unwrap_or(0)];
        }
        None
    }
}

/// The position of every node of a YAML (or JSON) text, by walking its parser's events.
pub(crate) fn yaml_positions(text: &str) -> PositionMap {
    let mut builder = Builder::default();
    // A syntax error ends the walk early; whatever was indexed before it is still useful.
    let _ = Parser::new_from_str(text).load(&mut builder, false);
    builder.positions
}

/// One open mapping or sequence while walking the events.
enum Frame {
    /// `unplaced` holds the mapping's own pointer and start until its first key is seen: a
    /// block mapping's start mark is where its first `:` is, and a person looks for the key.
    Mapping { pointer: String, pending_key: Option<String>, unplaced: Option<(String, Marker)> },
    Sequence { pointer: String, next: usize },
}

#[derive(Default)]
struct Builder {
    stack: Vec<Frame>,
    positions: PositionMap,
}

impl Builder {
    /// The pointer of the node that starts now, or `None` when it is a mapping key.
    fn next_node(&mut self) -> Option<String> {
        match self.stack.last_mut() {
            None => Some(String::new()),
            Some(Frame::Mapping { pointer, pending_key, .. }) => {
                pending_key.take().map(|key| format!("{pointer}/{}", escape_segment(&key)))
            }
            Some(Frame::Sequence { pointer, next }) => {
                *next += 1;
                Some(format!("{pointer}/{}", *next - 1))
            }
        }
    }

    /// Records where a node is, unless its key was recorded already: a person looks for a
    /// mapping or list by its key.
    fn record(&mut self, pointer: &str, mark: Marker) {
        // yaml-rust2 counts lines from 1 and columns from 0.
        self.positions.entry(pointer.to_owned()).or_insert((mark.line(), mark.col() + 1));
    }

    /// Records where a scalar value is, over its key: a wrong value is what needs the caret.
    fn record_scalar(&mut self, pointer: &str, mark: Marker) {
        self.positions.insert(pointer.to_owned(), (mark.line(), mark.col() + 1));
    }
}

impl MarkedEventReceiver for Builder {
    fn on_event(&mut self, event: Event, mark: Marker) {
        match event {
            Event::Scalar(text, ..) => match self.next_node() {
                Some(pointer) => self.record_scalar(&pointer, mark),
                None => {
                    // A key: it stands for its value until the value is seen.
                    if let Some(Frame::Mapping { pointer, pending_key, unplaced }) = self.stack.last_mut() {
                        let child = format!("{pointer}/{}", escape_segment(&text));
                        *pending_key = Some(text);
                        let unplaced = unplaced.take();
                        if let Some((mapping, _)) = unplaced {
                            self.record(&mapping, mark);
                        }
                        self.record(&child, mark);
                    }
                }
            },
            Event::Alias(_) => {
                if let Some(pointer) = self.next_node() {
                    self.record(&pointer, mark);
                }
            }
            Event::MappingStart(..) => {
                let pointer = self.next_node().unwrap_or_default();
                let unplaced = (!self.positions.contains_key(&pointer)).then(|| (pointer.clone(), mark));
                self.stack.push(Frame::Mapping { pointer, pending_key: None, unplaced });
            }
            Event::SequenceStart(..) => {
                let pointer = self.next_node().unwrap_or_default();
                self.record(&pointer, mark);
                self.stack.push(Frame::Sequence { pointer, next: 0 });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                if let Some(Frame::Mapping { unplaced: Some((mapping, start)), .. }) = self.stack.pop() {
                    self.record(&mapping, start);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_keys_values_and_items() {
        let text = "openapi: 3.0.3\npaths:\n  /a/{b}:\n    get:\n      responses:\n        '200':\n          description: ok\n        - x\n";
        let index = Index::build(text);
        let at = |pointer: &str| index.find(pointer).map(|location| (location.line, location.column));
        assert_eq!(at("/openapi"), Some((1, 10)));
        assert_eq!(at("/paths/~1a~1{b}/get"), Some((4, 5)));
        assert_eq!(at("/paths/~1a~1{b}/get/responses/200/description"), Some((7, 24)));
        assert_eq!(at("/paths/~1a~1{b}/get/responses/200"), Some((6, 9)));
        // A pointer below a node that does not exist falls back to the nearest ancestor.
        assert_eq!(at("/paths/~1a~1{b}/get/parameters/0"), Some((4, 5)));
    }

    #[test]
    fn a_mapping_in_a_list_is_at_its_first_key() {
        let text = "list:\n  - name: id\n    in: path\n  - {}\n";
        let index = Index::build(text);
        let at = |pointer: &str| index.find(pointer).map(|location| (location.line, location.column));
        assert_eq!(at("/list/0"), Some((2, 5)));
        assert_eq!(at("/list/1"), Some((4, 5)));
    }

    #[test]
    fn a_position_far_into_a_long_line_is_found_from_a_checkpoint_as_from_the_start() {
        // A minified spec: one line of many checkpoints' length, with multi-byte characters
        // before and between the nodes.
        let items: Vec<String> = (0..600).map(|index| format!("{{\"name\":\"é{index}ü€\",\"n\":{index}}}")).collect();
        let text = format!("{{\"items\":[{}]}}", items.join(","));
        assert!(text.chars().count() > 3 * CHECKPOINT);
        let index = Index::build(&text);
        for item in [0, 1, 150, 599] {
            for field in ["name", "n"] {
                let found = index.find(&format!("/items/{item}/{field}")).unwrap();
                let counted = crate::source::location_of(&text, found.line, found.column);
                assert_eq!(found, counted, "/items/{item}/{field}");
                let at = &text[found.offset..];
                assert!(if field == "name" { at.starts_with("\"é") } else { at.starts_with(char::is_numeric) }, "{field}: {}", &at[..10]);
            }
        }
    }

    #[test]
    fn indexes_json_too() {
        let text = "{\n  \"openapi\": \"3.0.3\",\n  \"tags\": [\n    {\"name\": \"x\"}\n  ]\n}\n";
        let index = Index::build(text);
        assert_eq!(index.find("/tags/0/name").map(|l| (l.line, l.column)), Some((4, 14)));
    }
}
