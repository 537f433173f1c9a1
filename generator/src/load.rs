//! Stage 1: read a spec file and parse it (YAML or JSON) into a JSON value.

use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Diagnostics, Location};

/// The largest spec accepted. The biggest real spec we know (GitHub's) is 3.7 MB; a cap keeps a
/// runaway file from exhausting memory.
pub const MAX_SPEC_BYTES: u64 = 32 * 1024 * 1024;

/// A parsed spec and the text it came from (kept to locate diagnostics).
#[derive(Debug)]
pub struct Document {
    /// Where it was read from.
    pub path: PathBuf,
    /// The file's text.
    pub text: String,
    /// The parsed document.
    pub value: serde_json::Value,
}

impl Document {
    /// The path as shown in diagnostics.
    pub fn display_path(&self) -> String {
        self.path.display().to_string()
    }

    /// Parses `text` as if read from `path` (for tests and in-memory specs).
    pub fn parse(path: &Path, text: String) -> Result<Document, Diagnostics> {
        let value = if is_json(path, &text) { parse_json(&text) } else { parse_yaml(&text) };
        match value {
            Ok(value) => Ok(Document { path: path.to_owned(), text, value }),
            Err(diagnostic) => {
                let mut diagnostics = Diagnostics::new(path.display().to_string(), text);
                diagnostics.push(diagnostic);
                Err(diagnostics)
            }
        }
    }
}

/// Reads and parses the spec at `path`.
pub fn load(path: &Path) -> Result<Document, Diagnostics> {
    let fail = |message: String, help: &str| {
        let mut diagnostics = Diagnostics::new(path.display().to_string(), String::new());
        diagnostics.push(Diagnostic::error("", message).help(help));
        diagnostics
    };
    let size = std::fs::metadata(path)
        .map_err(|error| fail(format!("cannot read the spec: {error}"), "check the path"))?
        .len();
    if size > MAX_SPEC_BYTES {
        return Err(fail(
            format!("the spec is {size} bytes, more than the {MAX_SPEC_BYTES}-byte limit"),
            "split the spec, or check that this is the file you meant",
        ));
    }
    let bytes = std::fs::read(path).map_err(|error| fail(format!("cannot read the spec: {error}"), "check the path"))?;
    let text = String::from_utf8(bytes)
        .map_err(|error| fail(format!("the spec is not UTF-8 text: {error}"), "save the file as UTF-8"))?;
    if text.trim().is_empty() {
        return Err(fail("the spec file is empty".into(), "an OpenAPI document starts with `openapi: 3.0.3`"));
    }
    Document::parse(path, text)
}

fn is_json(path: &Path, text: &str) -> bool {
    path.extension().is_some_and(|extension| extension == "json") || text.trim_start().starts_with('{')
}

fn parse_json(text: &str) -> Result<serde_json::Value, Diagnostic> {
    serde_json::from_str(text).map_err(|error| {
        let location = location_of(text, error.line(), error.column());
        Diagnostic::error("", format!("invalid JSON: {error}")).at(location)
    })
}

fn parse_yaml(text: &str) -> Result<serde_json::Value, Diagnostic> {
    // serde_yaml limits recursion depth and alias expansion, so a nested or "billion laughs"
    // document is an error here, not a stack overflow or an allocation storm.
    serde_yaml::from_str(text).map_err(|error| {
        let message = format!("invalid YAML: {error}");
        match error.location() {
            Some(mark) => Diagnostic::error("", message).at(location_of(text, mark.line(), mark.column())),
            None => Diagnostic::error("", message),
        }
    })
}

/// Converts a 1-based line and column (in characters) into a [`Location`] with a byte offset.
pub(crate) fn location_of(text: &str, line: usize, column: usize) -> Location {
    let line_start: usize = text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum();
    let line_text = text[line_start.min(text.len())..].lines().next().unwrap_or("");
    let column_bytes: usize = line_text.chars().take(column.saturating_sub(1)).map(char::len_utf8).sum();
    Location { line, column, offset: (line_start + column_bytes).min(text.len()) }
}
