//! Diagnostics: what is wrong with a spec, where, and how to fix it, rendered like rustc.

use std::fmt;

use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::files::{self, Files};
use codespan_reporting::term::{self, termcolor::NoColor, Chars, Config};

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
    pub help: Option<Box<str>>,
    /// Line and column (1-based), when known.
    pub location: Option<Location>,
    /// For a spec bug the generator can work around: what it does instead when asked to be
    /// lenient (the error then becomes a warning).
    pub lenient: Option<&'static str>,
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
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            pointer: pointer.into(),
            help: None,
            location: None,
            lenient: None,
        }
    }

    /// A warning at `pointer`.
    pub fn warning(pointer: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(pointer, message) }
    }

    /// Says what the generator does instead of failing when it is lenient.
    pub fn lenient(mut self, fallback: &'static str) -> Self {
        self.lenient = Some(fallback);
        self
    }

    /// With `lenient`, an error that has a workaround becomes a warning that says what stands
    /// in for the broken part; the fix stays in the help line.
    pub fn relaxed(mut self) -> Self {
        if let (Severity::Error, Some(fallback)) = (self.severity, &self.lenient) {
            self.severity = Severity::Warning;
            self.message = format!("{} (--lenient: {fallback})", self.message);
        }
        self
    }

    /// Adds a `help:` line.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into().into_boxed_str());
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

    /// Sorted by position in the file, as a reader goes through it: problems with the whole
    /// file first, then top to bottom; diagnostics at one position keep their order.
    pub fn sorted(mut self) -> Self {
        self.items.sort_by_key(|item| item.location.map(|location| location.offset));
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

    /// Adds those of `other`'s that are not here already (two stages may notice one problem).
    pub fn merge(&mut self, other: Diagnostics) {
        for item in other.items {
            if !self.items.iter().any(|known| known.pointer == item.pointer && known.message == item.message) {
                self.items.push(item);
            }
        }
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
        let config = Config { chars: Chars::ascii(), ..Config::default() };
        let mut text = String::new();
        for item in &self.items {
            text.push_str(&self.render_one(item, &config));
        }
        text.push_str(&self.summary());
        text.push('\n');
        text
    }

    fn render_one(&self, item: &Diagnostic, config: &Config) -> String {
        let report = match item.severity {
            Severity::Error => Report::error(),
            Severity::Warning => Report::warning(),
        };
        // The root's pointer says nothing the position (or the lack of one) does not.
        let mut notes = if item.pointer.is_empty() {
            Vec::new()
        } else {
            vec![format!("at JSON pointer: {}", display_pointer(&item.pointer))]
        };
        if let Some(help) = &item.help {
            notes.push(format!("help: {help}"));
        }
        let report = report.with_message(&item.message).with_notes(notes);
        let mut out = NoColor::new(Vec::new());
        let inside = |location: &Location| location.offset <= self.text.len() && self.text.is_char_boundary(location.offset);
        let rendered = match item.location.filter(inside) {
            Some(location) => {
                let excerpt = Excerpt::new(&self.file, &self.text, location);
                let report = report.with_labels(vec![Label::primary((), excerpt.label.clone())]);
                term::emit(&mut out, config, &excerpt, &report)
            }
            None => term::emit(&mut out, config, &Excerpt::default(), &report),
        };
        // Rendering into memory fails only on a label outside the excerpt, which `Excerpt`
        // never builds; fall back to the plain line if it ever does.
        if rendered.is_err() {
            return format!("{item}\n");
        }
        let mut text = String::from_utf8_lossy(&out.into_inner()).into_owned();
        if item.location.is_none() && !self.file.is_empty() {
            // Without a position codespan names no file; a problem with the whole file still
            // says which file.
            let header = text.find('\n').map_or(text.len(), |end| end + 1);
            text.insert_str(header, &format!("  --> {}\n", self.file));
        }
        text
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

/// The longest pointer shown in full; a longer one keeps its two ends.
const POINTER_WIDTH: usize = 160;

fn display_pointer(pointer: &str) -> String {
    if pointer.is_empty() {
        return "/ (the document root)".into();
    }
    let chars: Vec<char> = pointer.chars().collect();
    if chars.len() <= POINTER_WIDTH {
        return pointer.to_owned();
    }
    let head: String = chars[..POINTER_WIDTH / 2].iter().collect();
    let tail: String = chars[chars.len() - POINTER_WIDTH / 2..].iter().collect();
    format!("{head}…{tail}")
}

/// The one line a diagnostic points into, cut to a window around the position when it is long
/// (a minified JSON spec is one line), with the real line and column reported to codespan.
#[derive(Default)]
struct Excerpt {
    name: String,
    text: String,
    line: usize,
    column: usize,
    /// The label's byte range in `text`.
    label: std::ops::Range<usize>,
}

/// The widest source line shown, in characters.
const EXCERPT_WIDTH: usize = 160;

/// The longest caret, in characters.
const CARET_WIDTH: usize = 60;

impl Excerpt {
    fn new(file: &str, text: &str, location: Location) -> Excerpt {
        let offset = location.offset;
        let start = text[..offset].rfind('\n').map_or(0, |newline| newline + 1);
        let end = text[offset..].find(['\n', '\r']).map_or(text.len(), |length| offset + length);
        let line = printable(&text[start..end]);
        let chars: Vec<char> = line.chars().collect();
        let column = text[start..offset].chars().count();
        let (from, to) = if chars.len() <= EXCERPT_WIDTH {
            (0, chars.len())
        } else {
            let from = column.saturating_sub(EXCERPT_WIDTH / 3);
            (from, (from + EXCERPT_WIDTH).min(chars.len()))
        };
        let mut shown = String::new();
        if from > 0 {
            shown.push('…');
        }
        shown.extend(&chars[from..column]);
        let caret = shown.len();
        shown.extend(&chars[column..to]);
        if to < chars.len() {
            shown.push('…');
        }
        let token = node_end(&shown, caret) - caret;
        let width: usize = shown[caret..].chars().take(CARET_WIDTH).map(char::len_utf8).sum();
        Excerpt {
            name: file.to_owned(),
            text: shown,
            line: location.line,
            column: location.column,
            label: caret..caret + token.min(width),
        }
    }
}

impl<'a> Files<'a> for Excerpt {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, files::Error> {
        Ok(&self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, files::Error> {
        Ok(&self.text)
    }

    fn line_index(&'a self, (): (), _byte_index: usize) -> Result<usize, files::Error> {
        Ok(0)
    }

    fn line_number(&'a self, (): (), _line_index: usize) -> Result<usize, files::Error> {
        Ok(self.line)
    }

    fn column_number(&'a self, (): (), _line_index: usize, byte_index: usize) -> Result<usize, files::Error> {
        let after = self.text.get(self.label.start..byte_index).map_or(0, |between| between.chars().count());
        Ok(self.column + after)
    }

    fn line_range(&'a self, (): (), _line_index: usize) -> Result<std::ops::Range<usize>, files::Error> {
        Ok(0..self.text.len())
    }
}

/// The text with control characters shown as `?` (and C1 controls as `¿`, also two bytes), so
/// that a binary file's line cannot disturb the terminal.
fn printable(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' | '\r' | '\t' => c,
            '\u{0}'..='\u{1f}' | '\u{7f}' => '?',
            '\u{80}'..='\u{9f}' => '¿',
            _ => c,
        })
        .collect()
}

/// Where the caret under the token that starts at `offset` ends: a quoted scalar to its closing
/// quote, a key to its `:`, a plain value to the end of the line (or the `,` `]` `}` that ends it
/// in a flow collection), and an opening bracket alone.
fn node_end(text: &str, offset: usize) -> usize {
    let rest = &text[offset..];
    let line = &rest[..rest.find(['\n', '\r']).unwrap_or(rest.len())];
    let mut chars = line.char_indices().peekable();
    let Some((_, first)) = chars.next() else { return offset };
    let length = match first {
        '\'' | '"' => {
            let mut escaped = false;
            let close = chars.find(|&(_, c)| {
                let closes = c == first && !escaped;
                escaped = first == '"' && c == '\\' && !escaped;
                closes
            });
            close.map_or(line.len(), |(index, c)| index + c.len_utf8())
        }
        '[' | '{' => first.len_utf8(),
        _ => {
            let mut end = line.len();
            while let Some((index, c)) = chars.next() {
                let next = chars.peek().map(|&(_, next)| next);
                let ends = match c {
                    ':' => next.is_none_or(char::is_whitespace),
                    ',' | ']' | '}' => true,
                    '#' => line[..index].ends_with(char::is_whitespace),
                    _ => false,
                };
                if ends {
                    end = index;
                    break;
                }
            }
            line[..end].trim_end().len().max(first.len_utf8())
        }
    };
    offset + length
}

/// The message a panic carried (a `String` or a `&str`), for reporting it as a diagnostic.
pub(crate) fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|text| (*text).to_owned()))
        .unwrap_or_else(|| "(no message)".into())
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
