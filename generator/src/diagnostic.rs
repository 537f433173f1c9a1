//! Diagnostics: what is wrong with a spec, where, and how to fix it, rendered like rustc.

use std::fmt;

use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor::NoColor, Config};

use crate::load::Document;
use crate::locate;

/// How bad a problem is: errors stop generation, warnings do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Generation is impossible, or the client would be wrong.
    Error,
    /// Suspicious but workable.
    Warning,
}

/// One problem, anchored at a node of the spec by its JSON pointer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, in a sentence.
    pub message: String,
    /// The JSON pointer of the offending node (`""` for the whole document).
    pub pointer: String,
    /// How to fix it, where a fix is known.
    pub help: Option<String>,
    /// Line and column (1-based), when known.
    pub location: Option<Location>,
}

/// A position in the spec file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Location {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Byte offset of the position in the file.
    pub offset: usize,
}

impl Diagnostic {
    /// An error at `pointer`.
    pub fn error(pointer: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Error, message: message.into(), pointer: pointer.into(), help: None, location: None }
    }

    /// A warning at `pointer`.
    pub fn warning(pointer: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(pointer, message) }
    }

    /// Adds a `help:` line.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Pins the diagnostic to a known position (used for syntax errors, which have no pointer).
    pub fn at(mut self, location: Location) -> Self {
        self.location = Some(location);
        self
    }
}

/// Every problem found in one spec, with the file they are about.
#[derive(Clone, Debug, Default)]
pub struct Diagnostics {
    file: String,
    text: String,
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Diagnostics about the file at `file`, whose contents are `text`.
    pub fn new(file: impl Into<String>, text: impl Into<String>) -> Self {
        Diagnostics { file: file.into(), text: text.into(), items: Vec::new() }
    }

    /// Diagnostics not yet tied to a file; see [`Diagnostics::with_source`].
    pub fn detached(items: Vec<Diagnostic>) -> Self {
        Diagnostics { items, ..Diagnostics::default() }
    }

    /// A single error.
    pub fn single(diagnostic: Diagnostic) -> Self {
        Diagnostics::detached(vec![diagnostic])
    }

    /// Ties the diagnostics to the spec they are about and finds each one's line and column.
    pub fn with_source(mut self, document: &Document) -> Self {
        self.file = document.display_path();
        self.text = document.text.clone();
        self.locate_all();
        self
    }

    /// Names the file `to` where it was named `from` (absolute paths become relative ones).
    pub fn renamed(mut self, from: &str, to: &str) -> Self {
        if self.file == from {
            self.file = to.to_owned();
        }
        self
    }

    /// Adds one.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// Adds all of `other`'s.
    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    /// All diagnostics, in the order they were found.
    pub fn items(&self) -> &[Diagnostic] {
        &self.items
    }

    /// How many errors.
    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|item| item.severity == Severity::Error).count()
    }

    /// How many warnings.
    pub fn warning_count(&self) -> usize {
        self.items.iter().filter(|item| item.severity == Severity::Warning).count()
    }

    /// Whether any is an error.
    pub fn has_errors(&self) -> bool {
        self.error_count() > 0
    }

    /// Whether there are none at all.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Finds line and column for every diagnostic that has a pointer but no location yet.
    pub(crate) fn locate_all(&mut self) {
        if self.text.is_empty() || self.items.iter().all(|item| item.location.is_some()) {
            return;
        }
        let index = locate::Index::build(&self.text);
        for item in &mut self.items {
            if item.location.is_none() {
                item.location = index.find(&item.pointer);
            }
        }
    }

    /// Renders every diagnostic like rustc, then a summary line.
    pub fn render(&self) -> String {
        let file = SimpleFile::new(self.file.as_str(), self.text.as_str());
        let config = Config::default();
        let mut out = NoColor::new(Vec::new());
        for item in &self.items {
            let report = self.report(item);
            // Rendering into memory only fails on a label outside the file, which `report`
            // never builds; fall back to the plain line if it ever does.
            if term::emit(&mut out, &config, &file, &report).is_err() {
                let _ = std::io::Write::write_all(out.get_mut(), format!("{item}\n").as_bytes());
            }
        }
        let mut text = String::from_utf8_lossy(&out.into_inner()).into_owned();
        text.push_str(&self.summary());
        text.push('\n');
        text
    }

    fn report(&self, item: &Diagnostic) -> Report<()> {
        let report = match item.severity {
            Severity::Error => Report::error(),
            Severity::Warning => Report::warning(),
        };
        let mut notes = vec![format!("at JSON pointer: {}", display_pointer(&item.pointer))];
        if let Some(help) = &item.help {
            notes.push(format!("help: {help}"));
        }
        let report = report.with_message(&item.message).with_notes(notes);
        match item.location {
            Some(location) if location.offset <= self.text.len() => {
                let end = node_end(&self.text, location.offset);
                report.with_labels(vec![Label::primary((), location.offset..end)])
            }
            _ => report,
        }
    }

    /// `error: 2 errors and 1 warning in specs/x.yaml`-style summary.
    pub fn summary(&self) -> String {
        let plural = |count: usize, word: &str| format!("{count} {word}{}", if count == 1 { "" } else { "s" });
        format!(
            "{}: {} and {}",
            if self.file.is_empty() { "spec" } else { &self.file },
            plural(self.error_count(), "error"),
            plural(self.warning_count(), "warning")
        )
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{severity}: {} (at {})", self.message, display_pointer(&self.pointer))?;
        if let Some(location) = self.location {
            write!(f, " line {} column {}", location.line, location.column)?;
        }
        Ok(())
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render())
    }
}

impl std::error::Error for Diagnostics {}

fn display_pointer(pointer: &str) -> &str {
    if pointer.is_empty() {
        "/ (the document root)"
    } else {
        pointer
    }
}

/// The caret spans the rest of the token that starts at `offset` (up to a space, colon or end
/// of line), so that it underlines a key or scalar rather than one character.
fn node_end(text: &str, offset: usize) -> usize {
    let rest = &text[offset..];
    let length = rest.find(['\n', '\r']).unwrap_or(rest.len());
    let line = &rest[..length];
    let token = line
        .char_indices()
        .find(|&(index, c)| index > 0 && (c == ':' || c == ' ' || c == ','))
        .map(|(index, _)| index)
        .unwrap_or(line.len());
    offset + token.max(line.chars().next().map_or(0, char::len_utf8))
}

/// Escapes one JSON pointer segment (RFC 6901).
pub fn escape_segment(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

/// Builds a JSON pointer from segments.
pub fn pointer<I, S>(segments: I) -> String
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    segments.into_iter().map(|segment| format!("/{}", escape_segment(segment.as_ref()))).collect()
}
