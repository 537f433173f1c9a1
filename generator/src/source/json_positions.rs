//! Where every node of a JSON text starts, found by a plain scanner: the same positions the
//! YAML event walk of [`super::locate`] records for JSON, several times faster (locating the
//! warnings of a large JSON spec was a fifth of generating its client).
//!
//! Which position a node gets, as in `locate`: a scalar is at its value (a wrong value is what
//! needs the caret); a mapping or list that is a key's value is at its key; a mapping in a list
//! is at its first key (or its `{` when empty); a list in a list at its `[`. Lines count from 1,
//! columns from 1 in characters. Nesting is walked with an explicit stack, so no text is too
//! deep for it.


use super::{escape_segment, PositionMap};

/// The position of every node of `text`, by JSON pointer; `None` when `text` is not JSON (then
/// the YAML walk, which also reads JSON-like YAML, takes over).
pub(crate) fn positions(text: &str) -> Option<PositionMap> {
    let mut scanner = Scanner { text, bytes: text.as_bytes(), at: 0, line: 1, column: 1, positions: PositionMap::default() };
    scanner.document()?;
    Some(scanner.positions)
}

/// An open mapping or list; `base` is the length of its pointer.
enum Frame {
    Object { base: usize, unplaced: Option<(usize, usize)>, first: bool },
    Array { base: usize, next: usize },
}

impl Frame {
    fn base(&self) -> usize {
        match self {
            Frame::Object { base, .. } | Frame::Array { base, .. } => *base,
        }
    }
}

struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    line: usize,
    column: usize,
    positions: PositionMap,
}

impl Scanner<'_> {
    fn document(&mut self) -> Option<()> {
        let mut stack: Vec<Frame> = Vec::new();
        let mut pointer = String::new();
        self.skip_space();
        self.value(&mut pointer, &mut stack, 0)?;
        while let Some(frame) = stack.last_mut() {
            self.skip_space();
            let next = self.peek()?;
            match frame {
                Frame::Object { base, unplaced, first } => {
                    let base = *base;
                    if next == b'}' {
                        self.advance();
                        if let Some(mark) = unplaced.take() {
                            self.positions.entry(pointer[..base].to_owned()).or_insert(mark);
                        }
                        stack.pop();
                        pointer.truncate(stack.last().map_or(0, Frame::base));
                        continue;
                    }
                    if !*first {
                        self.expect(b',')?;
                        self.skip_space();
                    }
                    *first = false;
                    let mark = self.mark();
                    let key = self.string()?;
                    // A mapping not yet placed by its key is placed at its first key.
                    if unplaced.take().is_some() {
                        self.positions.entry(pointer[..base].to_owned()).or_insert(mark);
                    }
                    pointer.push('/');
                    pointer.push_str(&escape_segment(&key));
                    self.positions.entry(pointer.clone()).or_insert(mark);
                    self.skip_space();
                    self.expect(b':')?;
                    self.skip_space();
                    self.value(&mut pointer, &mut stack, base)?;
                }
                Frame::Array { base, next: index } => {
                    let base = *base;
                    if next == b']' {
                        self.advance();
                        stack.pop();
                        pointer.truncate(stack.last().map_or(0, Frame::base));
                        continue;
                    }
                    if *index > 0 {
                        self.expect(b',')?;
                        self.skip_space();
                    }
                    pointer.push('/');
                    pointer.push_str(&index.to_string());
                    *index += 1;
                    self.value(&mut pointer, &mut stack, base)?;
                }
            }
        }
        Some(())
    }

    /// Reads the value that starts here, whose pointer is `pointer`: a scalar is recorded and
    /// `pointer` cut back to `parent`; a mapping or list is opened on `stack`.
    fn value(&mut self, pointer: &mut String, stack: &mut Vec<Frame>, parent: usize) -> Option<()> {
        let mark = self.mark();
        match self.peek()? {
            b'{' => {
                self.advance();
                let unplaced = (!self.positions.contains_key(pointer.as_str())).then_some(mark);
                stack.push(Frame::Object { base: pointer.len(), unplaced, first: true });
            }
            b'[' => {
                self.advance();
                self.positions.entry(pointer.clone()).or_insert(mark);
                stack.push(Frame::Array { base: pointer.len(), next: 0 });
            }
            b'"' => {
                self.string()?;
                self.positions.insert(pointer.clone(), mark);
                pointer.truncate(parent);
            }
            _ => {
                let start = self.at;
                while self.peek().is_some_and(|byte| !matches!(byte, b',' | b']' | b'}' | b' ' | b'\t' | b'\r' | b'\n')) {
                    self.advance();
                }
                serde_json::from_str::<serde_json::Value>(&self.text[start..self.at]).ok()?;
                self.positions.insert(pointer.clone(), mark);
                pointer.truncate(parent);
            }
        }
        Some(())
    }

    /// Reads a string starting at its opening quote and returns its text.
    fn string(&mut self) -> Option<String> {
        if self.peek()? != b'"' {
            return None;
        }
        let start = self.at;
        self.advance();
        let mut escaped = false;
        loop {
            match self.peek()? {
                b'\\' => {
                    escaped = true;
                    self.advance();
                    self.advance();
                }
                b'"' => {
                    self.advance();
                    break;
                }
                _ => self.advance(),
            }
        }
        let quoted = &self.text[start..self.at];
        if escaped {
            serde_json::from_str(quoted).ok()
        } else {
            Some(quoted[1..quoted.len() - 1].to_owned())
        }
    }

    fn mark(&self) -> (usize, usize) {
        (self.line, self.column)
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn advance(&mut self) {
        let Some(&byte) = self.bytes.get(self.at) else { return };
        self.at += 1;
        if byte == b'\n' {
            self.line += 1;
            self.column = 1;
        } else if byte & 0xC0 != 0x80 {
            // A character's first byte (not a UTF-8 continuation byte) starts a column.
            self.column += 1;
        }
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.peek()? == byte).then(|| self.advance())
    }

    fn skip_space(&mut self) {
        while self.peek().is_some_and(|byte| matches!(byte, b' ' | b'\t' | b'\r' | b'\n')) {
            self.advance();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The scanner agrees with the YAML walk on every node, whatever the layout.
    #[test]
    fn positions_are_those_of_the_yaml_walk() {
        let texts = [
            "{\n  \"openapi\": \"3.0.3\",\n  \"tags\": [\n    {\"name\": \"x\"}\n  ]\n}\n",
            "{\"a\":{\"b\":[1,2,{\"c\":null}],\"d\":{}},\"e\":[[],[true,false]],\"f\":[{}, {\"g\": -1.5e3}]}",
            "{\n  \"été\": {\"k\\\"ey/~\": \"v\\u00e9\"},\n  \"über\": [\"ä\", 1],\n  \"x\": \"a\\nb\"\n}",
            "[ {\"a\": 1} , [ 2 ] ]",
        ];
        for text in texts {
            let scanned = positions(text).unwrap_or_else(|| panic!("not read as JSON: {text}"));
            let walked = super::super::locate::yaml_positions(text);
            let mut scanned: Vec<_> = scanned.into_iter().filter(|(pointer, _)| !pointer.is_empty()).collect();
            let mut walked: Vec<_> = walked.into_iter().filter(|(pointer, _)| !pointer.is_empty()).collect();
            scanned.sort();
            walked.sort();
            assert_eq!(scanned, walked, "{text}");
        }
    }

    #[test]
    fn what_is_not_json_is_left_to_the_yaml_walk() {
        for text in ["{a: 1}", "{\"a\": 1,}", "{\"a\" 1}", "[1, 2", "{\"a\": tru}", "openapi: 3.0.3"] {
            assert!(positions(text).is_none(), "{text}");
        }
    }

    /// The same agreement on the public JSON specs beside the repository.
    #[test]
    #[ignore = "reads ../shared/corpus; run with cargo test -p generator -- --ignored json_corpus"]
    fn json_corpus_positions_are_those_of_the_yaml_walk() {
        let shared = std::env::var_os("OPENAPI_SHARED_DIR")
            .map(std::path::PathBuf::from)
            .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared"));
        let mut compared = 0;
        for entry in std::fs::read_dir(shared.join("corpus")).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|extension| extension == "json") {
                let text = std::fs::read_to_string(&path).unwrap();
                let scanned = positions(&text).unwrap_or_else(|| panic!("{}: not read as JSON", path.display()));
                assert!(scanned == super::super::locate::yaml_positions(&text), "{}", path.display());
                compared += 1;
            }
        }
        assert!(compared >= 4, "only {compared} JSON specs");
    }
}
