//! The JSON path of the node where serde_json stopped, found from the line and column of its
//! error by walking the text up to there.
//!
//! Tracking the path while deserializing (what `serde_path_to_error` does) wraps every visitor
//! of the type being read, so it is compiled again for every response type of every operation:
//! it was about 40% of the machine code of a large generated crate. This walk is compiled once.
//! Its rules follow where serde_json stops for each kind of data error, and name the node that
//! tracking the path would name (the tests compare the two on many bodies):
//!
//! - an object's key belongs to the path once it is read (an unknown field is reported at its
//!   key), except for errors about the object the key is in ([`Subject::Object`]);
//! - an array's element belongs to it once the element has begun, or when what follows in the
//!   text is one (serde_json looks at the first byte of a value before its type reads it, so a
//!   value of the wrong kind is reported before it is read);
//! - a container that has been closed is the node itself (a missing field is reported at the
//!   object's `}`).
//!
//! One case gives a shorter path than tracking would. serde judges some values only after
//! reading them whole (an untagged or internally tagged enum, a string with a constraint), and
//! serde_json places such an error where the reading of the container around the value
//! returns: just past the value, or, when the value was the container's last, just past the
//! container's end. The text cannot tell that second case from an error about the container
//! itself, so the path names the container, as the line and column do.
//!
//! A syntax error (the text is not JSON) is reported where the text went wrong, which may be a
//! step before or after the node a tracking parser was in; its path is the node around it.

/// One step of a JSON path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Segment {
    /// An object's property, by its key.
    Key(String),
    /// An array's element, by its index.
    Index(usize),
}

/// What an error is about, which decides the last step of its path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Subject {
    /// The node being read (most errors).
    Node,
    /// The object whose key was just read (with no `:` after it yet): a property given twice,
    /// or an unknown variant named by the key of an externally tagged enum's object.
    Object,
}

/// Where the walk is inside one open container.
enum Frame {
    /// In an object: the key last read, and whether the `:` after it was read.
    Object { key: Option<String>, colon: bool },
    /// In an array: the current element's index, and whether the element has begun.
    Array { index: usize, began: bool },
}

/// The path of the node at the 1-based `line` and `column` of `text` (serde_json's position:
/// the column counts the bytes of its line up to and including the last one read). Empty for
/// the whole text, and for a position outside it.
pub(crate) fn path_at(text: &[u8], line: usize, column: usize, subject: Subject) -> Vec<Segment> {
    let Some(end) = offset(text, line, column) else {
        return Vec::new();
    };
    let mut frames: Vec<Frame> = Vec::new();
    let mut at = 0;
    while at < end {
        let byte = text[at];
        at += 1;
        match byte {
            b'{' | b'[' => {
                begin(&mut frames);
                frames.push(if byte == b'{' { Frame::Object { key: None, colon: false } } else { Frame::Array { index: 0, began: false } });
            }
            b'}' | b']' => {
                frames.pop();
            }
            b',' => match frames.last_mut() {
                Some(Frame::Object { key, colon }) => (*key, *colon) = (None, false),
                Some(Frame::Array { index, began }) => (*index, *began) = (*index + 1, false),
                None => {}
            },
            b':' => {
                if let Some(Frame::Object { colon, .. }) = frames.last_mut() {
                    *colon = true;
                }
            }
            b'"' => {
                let start = at - 1;
                at = string_end(text, at);
                if at > end {
                    // The position is inside this string: it has not been read yet.
                    break;
                }
                match frames.last_mut() {
                    Some(Frame::Object { key, colon: false }) => *key = Some(decode(&text[start..at])),
                    _ => begin(&mut frames),
                }
            }
            b' ' | b'\t' | b'\n' | b'\r' => {}
            // A number or a literal (`true`, `null`, ...).
            _ => begin(&mut frames),
        }
    }
    // An element not begun yet is still the node when a value follows: serde_json has looked
    // at its first byte and handed it to the element's type.
    if let Some(Frame::Array { began, .. }) = frames.last_mut() {
        let next = text[end..].iter().find(|byte| !byte.is_ascii_whitespace());
        *began |= next.is_some_and(|&byte| byte != b']');
    }
    frames
        .into_iter()
        .filter_map(|frame| match frame {
            Frame::Object { key: Some(_), colon: false } if subject == Subject::Object => None,
            Frame::Object { key: Some(key), .. } => Some(Segment::Key(key)),
            Frame::Array { index, began: true } => Some(Segment::Index(index)),
            _ => None,
        })
        .collect()
}

/// The byte offset just past serde_json's `line` and `column`.
fn offset(text: &[u8], line: usize, column: usize) -> Option<usize> {
    let start_of_line = if line <= 1 {
        0
    } else {
        text.iter().enumerate().filter(|(_, &byte)| byte == b'\n').nth(line - 2)?.0 + 1
    };
    let offset = start_of_line.checked_add(column)?;
    (line > 0 && offset <= text.len()).then_some(offset)
}

/// A value begins in the innermost container: an array's current element has begun.
fn begin(frames: &mut [Frame]) {
    if let Some(Frame::Array { began, .. }) = frames.last_mut() {
        *began = true;
    }
}

/// The offset just past the string whose opening quote is before `at`.
fn string_end(text: &[u8], mut at: usize) -> usize {
    while at < text.len() {
        match text[at] {
            b'\\' => at += 2,
            b'"' => return at + 1,
            _ => at += 1,
        }
    }
    at.min(text.len()) + 1
}

/// The text of a JSON string token (quotes included), its escapes resolved.
fn decode(token: &[u8]) -> String {
    serde_json::from_slice(token).unwrap_or_else(|_| String::from_utf8_lossy(token.get(1..token.len() - 1).unwrap_or_default()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(text: &str, line: usize, column: usize) -> Vec<Segment> {
        path_at(text.as_bytes(), line, column, Subject::Node)
    }

    #[test]
    fn a_key_counts_from_its_colon_and_an_element_from_its_start() {
        let text = r#"{"a": [1, {"b": true}], "c": "x"}"#;
        assert_eq!(path(text, 1, 4), vec![Segment::Key("a".into())]);
        assert_eq!(path_at(text.as_bytes(), 1, 4, Subject::Object), vec![]);
        assert_eq!(path(text, 1, 5), vec![Segment::Key("a".into())]);
        assert_eq!(path(text, 1, 8), vec![Segment::Key("a".into()), Segment::Index(0)]);
        assert_eq!(path(text, 1, 20), vec![Segment::Key("a".into()), Segment::Index(1), Segment::Key("b".into())]);
        assert_eq!(path(text, 1, 21), vec![Segment::Key("a".into()), Segment::Index(1)]);
        assert_eq!(path(text, 1, text.len()), vec![]);
    }

    #[test]
    fn lines_escapes_and_positions_out_of_range() {
        let text = "{\n  \"a\\\"b\": 1,\n  \"c\": [\n  ]\n}";
        assert_eq!(path(text, 2, 11), vec![Segment::Key("a\"b".into())]);
        assert_eq!(path(text, 3, 8), vec![Segment::Key("c".into())]);
        assert_eq!(path(text, 9, 1), vec![]);
        assert_eq!(path(text, 0, 0), vec![]);
        assert_eq!(path(text, 1, 99), vec![]);
    }
}
