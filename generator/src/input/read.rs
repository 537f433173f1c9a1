//! Reading one file: its bytes, within limits, parsed as YAML or JSON into a JSON value.
//!
//! Every failure is one diagnostic at the position of the problem; the caller knows which file
//! of the spec it was and keeps the text (or what could be read of it) to show it.

use std::io::Read;
use std::path::Path;

use super::{tree, yaml};
use crate::diagnostic::{Diagnostic, Location};
use crate::source::{location_at, location_of, Positions};

/// The largest spec file accepted. The biggest real spec we know (GitHub's) is 3.7 MB; a cap
/// keeps a runaway file from exhausting memory.
pub const MAX_SPEC_BYTES: u64 = 32 * 1024 * 1024;

/// A file that could not be read or parsed: what was read of its text, and why.
pub(crate) struct Unreadable {
    /// The text (empty when there is none to show).
    pub text: String,
    /// The problem (boxed, to keep the `Result` small).
    pub diagnostic: Box<Diagnostic>,
}

/// A parsed file: its value, and where its nodes are when the parser could record it.
pub(crate) struct Parsed {
    pub value: serde_json::Value,
    pub positions: Option<Positions>,
}

/// Reads the file at `path` and parses it.
pub(crate) fn read(path: &Path) -> Result<(String, Parsed), Unreadable> {
    let text = read_text(path)?;
    match parse(path, &text) {
        Ok(parsed) => Ok((text, parsed)),
        Err(diagnostic) => Err(Unreadable { text, diagnostic: Box::new(diagnostic) }),
    }
}

/// Parses `text` as if read from `path`: JSON when it is named `.json` or looks like it.
pub(crate) fn parse(path: &Path, text: &str) -> Result<Parsed, Diagnostic> {
    if is_json(path, text) {
        parse_json(text).map(|value| Parsed { value, positions: None })
    } else {
        parse_yaml(text)
    }
}

fn read_text(path: &Path) -> Result<String, Unreadable> {
    let fail = |message: String, help: &str| Unreadable { text: String::new(), diagnostic: Box::new(Diagnostic::error("", message).help(help)) };
    let cannot_read = |error: std::io::Error| fail(format!("cannot read the spec: {error}"), "check the path");
    // The size is checked before anything is read, so a huge file costs nothing.
    let size = std::fs::metadata(path).map_err(cannot_read)?.len();
    if size > MAX_SPEC_BYTES {
        return Err(fail(
            format!("the spec is {size} bytes, more than the {MAX_SPEC_BYTES}-byte limit"),
            "split the spec, or check that this is the file you meant",
        ));
    }
    // A device or a growing file can report a small size and then never end: the read itself
    // stops one byte past the limit.
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(MAX_SPEC_BYTES + 1).read_to_end(&mut bytes))
        .map_err(cannot_read)?;
    if bytes.len() as u64 > MAX_SPEC_BYTES {
        return Err(fail(
            format!("the spec is more than the {MAX_SPEC_BYTES}-byte limit"),
            "split the spec, or check that this is the file you meant",
        ));
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => return Err(not_utf8(error)),
    };
    // A byte-order mark is legal in UTF-8 files but neither parser wants it.
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    };
    if text.trim().is_empty() {
        return Err(fail("the spec file is empty".into(), "an OpenAPI document starts with `openapi: 3.0.3`"));
    }
    Ok(text)
}

/// A file that is not UTF-8 (binary junk, UTF-16, Latin-1): the error points at the first byte
/// that is not, in a lossy copy of the text.
fn not_utf8(error: std::string::FromUtf8Error) -> Unreadable {
    let valid = error.utf8_error().valid_up_to();
    let bytes = error.into_bytes();
    // The lossy copy is the same text up to the first bad byte.
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let location = location_at(&text, valid);
    let diagnostic =
        Diagnostic::error("", format!("the spec is not UTF-8 text: byte {valid} (0x{:02x}) is not valid UTF-8", bytes[valid.min(bytes.len().saturating_sub(1))]))
            .help("save the file as UTF-8; a spec is YAML or JSON text, not a binary file")
            .at(location);
    Unreadable { text, diagnostic: Box::new(diagnostic) }
}

fn is_json(path: &Path, text: &str) -> bool {
    path.extension().is_some_and(|extension| extension == "json") || text.trim_start().starts_with('{')
}

fn parse_json(text: &str) -> Result<serde_json::Value, Diagnostic> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let parsed = tree::build(&mut deserializer, text.len()).and_then(|value| {
        deserializer.end().map(|()| value).map_err(|error| tree::Failure { error, problem: None, pointer: None })
    });
    parsed.map_err(|failure| {
        let location = location_of(text, failure.error.line(), failure.error.column());
        let failure = Failure { problem: failure.problem, pointer: failure.pointer, message: failure.error.to_string(), location: Some(location) };
        diagnose(text, failure, "JSON")
    })
}

fn parse_yaml(text: &str) -> Result<Parsed, Diagnostic> {
    // The common case, in one pass that also records positions; anything else is read by
    // serde_yaml as below, which says what is wrong. The one pass gives up at the depth limit,
    // before deep flow nesting costs it anything, so the scan for such nesting is needed only
    // before serde_yaml.
    if let Some((value, positions)) = yaml::read(text) {
        return Ok(Parsed { value, positions: Some(positions) });
    }
    check_flow_depth(text)?;
    // serde_yaml refuses recursion past 128 levels and stops alias expansion after a number of
    // jumps; the seed adds a lower depth cap, a cap on expanded nodes (which a quadratic alias
    // bomb gets past serde_yaml's jump count) and duplicate keys, each with a clear message.
    let value = tree::build(serde_yaml::Deserializer::from_str(text), text.len()).map_err(|failure| {
        let location = failure.error.location().map(|mark| location_of(text, mark.line(), mark.column()));
        let failure = Failure { problem: failure.problem, pointer: failure.pointer, message: failure.error.to_string(), location };
        diagnose(text, failure, "YAML")
    })?;
    Ok(Parsed { value, positions: None })
}

/// libyaml's scanner does work proportional to the flow nesting depth for every token, so
/// `[[[[...` a hundred thousand deep takes minutes before any depth limit is reached. This scan
/// finds such nesting first. It counts only brackets where a flow collection can start (after
/// `: `, `- `, `,`, another bracket, or at the start of a line) and skips quoted scalars and
/// comments, so brackets inside text do not count.
fn check_flow_depth(text: &str) -> Result<(), Diagnostic> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut comment = false;
    // Whether a node can start here: only whitespace since a line start or an indicator.
    let mut node_start = true;
    let mut previous = '\n';
    let mut chars = text.char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        let next = chars.peek().map_or('\n', |&(_, next)| next);
        if comment {
            if c == '\n' {
                comment = false;
                node_start = true;
            }
        } else if let Some(open) = quote {
            if c == open && !(open == '"' && previous == '\\') {
                quote = None;
            }
        } else {
            match c {
                '[' | '{' if node_start => {
                    depth += 1;
                    if depth > tree::MAX_DEPTH {
                        return Err(Diagnostic::error("", format!("the document nests deeper than {} levels", tree::MAX_DEPTH))
                            .help("move nested schemas into `components/schemas` and refer to them with `$ref`")
                            .at(location_at(text, offset)));
                    }
                }
                ']' | '}' => {
                    depth = depth.saturating_sub(1);
                    node_start = false;
                }
                '\'' | '"' if node_start => quote = Some(c),
                '#' if previous.is_whitespace() => comment = true,
                ',' | '\n' => node_start = true,
                ':' if next.is_whitespace() || depth > 0 => node_start = true,
                '-' | '?' if node_start && next.is_whitespace() => {}
                c if c.is_whitespace() => {}
                _ => node_start = false,
            }
        }
        previous = c;
    }
    Ok(())
}

/// One diagnostic for a parse failure: the seed's own problem when it raised one, otherwise the
/// parser's message without the position it repeats (the `-->` line shows it).
fn diagnose(text: &str, failure: Failure, syntax: &str) -> Diagnostic {
    let Failure { problem, pointer, message, location } = failure;
    if let Some(problem) = problem {
        let diagnostic = Diagnostic::error(problem.pointer, problem.message).help(problem.help);
        return match (problem.anchor, location) {
            // The node's pointer is in the text; the parser's position may be inside an anchor
            // that an alias repeated.
            (tree::Anchor::Pointer, _) | (_, None) => diagnostic,
            // serde_json stops after a key's closing quote; the caret belongs on the key.
            (tree::Anchor::Key, Some(location)) if syntax == "JSON" => diagnostic.at(key_before(text, location)),
            (_, Some(location)) => diagnostic.at(location),
        };
    }
    let mut message = message;
    let mut location = location;
    if let Some(known) = location {
        let suffix = format!(" at line {} column {}", known.line, known.column);
        if let Some(at) = message.find(&suffix) {
            message.replace_range(at..at + suffix.len(), "");
        }
    }
    // libyaml's reader names a byte position, not a line and column.
    if let Some(position) = message.split(" at position ").nth(1).and_then(|rest| rest.trim().parse::<usize>().ok()) {
        location = Some(location_at(text, position));
        message = message.split(" at position ").next().unwrap_or_default().to_owned();
    }
    let help = match message.as_str() {
        m if m.contains("repetition limit") => "the aliases (`*name`) expand too far; write the repeated parts out or share them with `$ref`",
        m if m.contains("recursion limit") => "the document nests too deeply; move nested schemas into `components` and `$ref` them",
        m if m.contains("more than one document") => {
            location = location.or_else(|| second_document(text));
            "a spec is one YAML document; remove the `---` separator and what follows, or split the file"
        }
        m if m.contains("control characters") => "a spec is text: remove the control character (it may be a stray byte from a binary file)",
        _ if location.is_some_and(|at| text[at.offset..].starts_with('\t')) => "YAML does not allow tabs for indentation; indent with spaces",
        _ => "fix the syntax at the marked position",
    };
    // Where the builder was when the parser failed only helps when the parser gave no position.
    let pointer = if location.is_some() { String::new() } else { pointer.unwrap_or_default() };
    let diagnostic = Diagnostic::error(pointer, format!("invalid {syntax}: {message}")).help(help);
    match location {
        Some(location) => diagnostic.at(location),
        None => diagnostic,
    }
}

/// A parse failure, whichever parser it came from.
struct Failure {
    problem: Option<tree::Problem>,
    pointer: Option<String>,
    message: String,
    location: Option<Location>,
}

/// The position of the key serde_json has just read: it stops on or after the closing quote.
fn key_before(text: &str, location: Location) -> Location {
    let closing = if text[location.offset..].starts_with('"') {
        Some(location.offset)
    } else {
        let before = text[..location.offset].trim_end();
        before.ends_with('"').then(|| before.len() - 1)
    };
    let opening = closing.and_then(|closing| text[..closing].rfind('"'));
    opening.map_or(location, |offset| location_at(text, offset))
}

/// The start of a second YAML document: a `---` line after some content.
fn second_document(text: &str) -> Option<Location> {
    let mut offset = 0;
    let mut content = false;
    for line in text.split_inclusive('\n') {
        if line.starts_with("---") && content {
            return Some(location_at(text, offset));
        }
        let trimmed = line.trim();
        content |= !(trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with('%') || trimmed.starts_with("---"));
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flow_depth_counts_only_flow_collections() {
        let deep = format!("x: {}{}\n", "[".repeat(200), "]".repeat(200));
        assert!(check_flow_depth(&deep).is_err());
        let deep_in_list = format!("- {}\n", "{a: ".repeat(200));
        assert!(check_flow_depth(&deep_in_list).is_err());
        let text_with_brackets = format!("a: see [1] and {}\nb: '{}'\n# {}\n", "[".repeat(200), "[".repeat(200), "{".repeat(200));
        assert!(check_flow_depth(&text_with_brackets).is_ok());
        assert!(check_flow_depth("pattern: '^[a-z]{2}$'\nlist: [[a], [b, {c: [d]}]]\n").is_ok());
    }
}
