//! Diagnostics: what is wrong with a spec, where, and how to fix it, rendered like rustc.
//!
//! A diagnostic names its node by JSON pointer into the document the pipeline works on; the
//! [`SourceMap`] turns that into a file, a pointer in that file, and a line and column, so a
//! problem in a node that came from `paths/menu.yaml` is shown in `paths/menu.yaml`.

use std::fmt;
use std::sync::Arc;

use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::files::{self, Files};
use codespan_reporting::term::{self, termcolor::NoColor, Chars, Config};

use crate::source::{locate, FileId, Origin, SourceMap, ROOT};

pub use crate::source::{escape_segment, pointer, Location};

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
    /// The JSON pointer of the offending node in the document (`""` for the whole document).
    pub pointer: Box<str>,
    /// How to fix it, where a fix is known.
    pub help: Option<Box<str>>,
    /// Line and column (1-based), when known.
    pub location: Option<Location>,
    /// The file the node was written in and its pointer there, once known (boxed: most
    /// diagnostics are built and dropped in passing, and a small one is cheap to return).
    pub origin: Option<Box<Origin>>,
    /// For a spec bug the generator can work around: what it does instead when asked to be
    /// lenient (the error then becomes a warning).
    pub lenient: Option<&'static str>,
}

/// The help of every diagnostic that reports a bug of the generator's.
pub(crate) const REPORT_A_BUG: &str = "this is a generator bug; please report it with the spec";

impl Diagnostic {
    /// An error at `pointer`.
    pub fn error(pointer: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            pointer: pointer.into().into_boxed_str(),
            help: None,
            location: None,
            origin: None,
            lenient: None,
        }
    }

    /// A bug of the generator's, not of the spec: "the generator {what}", with a request to
    /// report it.
    pub fn bug(what: impl std::fmt::Display) -> Self {
        Diagnostic::error("", format!("the generator {what}")).help(REPORT_A_BUG)
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

    /// Says which file the diagnostic is about, its pointer being one in that file (a file
    /// other than the root one fails to parse, or cannot be read).
    pub fn in_file(mut self, file: FileId) -> Self {
        self.origin = Some(Box::new(Origin { file, pointer: self.pointer.to_string() }));
        self
    }
}

/// Every problem found in one spec, with the files they are about.
#[derive(Clone, Debug, Default)]
pub struct Diagnostics {
    sources: Arc<SourceMap>,
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Diagnostics about the single file at `file`, whose contents are `text`.
    pub fn new(file: impl Into<String>, text: impl Into<String>) -> Self {
        Diagnostics { sources: Arc::new(SourceMap::single(file.into(), text)), items: Vec::new() }
    }

    /// Diagnostics about the files of `sources`.
    pub fn in_sources(sources: Arc<SourceMap>, items: Vec<Diagnostic>) -> Self {
        let mut diagnostics = Diagnostics { sources, items };
        diagnostics.locate_all();
        diagnostics
    }

    /// Diagnostics not yet tied to a file; see [`Diagnostics::with_source`].
    pub fn detached(items: Vec<Diagnostic>) -> Self {
        Diagnostics { items, ..Diagnostics::default() }
    }

    /// A single error.
    pub fn single(diagnostic: Diagnostic) -> Self {
        Diagnostics::detached(vec![diagnostic])
    }

    /// Ties the diagnostics to the spec they are about and finds each one's file, line and
    /// column.
    pub fn with_source(mut self, document: &crate::input::Document) -> Self {
        self.sources = document.sources.clone();
        self.locate_all();
        self
    }

    /// Names the file `to` where it was named `from` (absolute paths become relative ones);
    /// the other files of a multi-file spec keep their place relative to it.
    pub fn renamed(mut self, from: &str, to: &str) -> Self {
        Arc::make_mut(&mut self.sources).rename(from, to);
        self
    }

    /// The name of the spec's root file, as shown.
    pub fn file_name(&self) -> &str {
        self.sources.file(ROOT).map_or("", |file| file.name.as_str())
    }

    /// Sorted by position in the file, as a reader goes through it: problems with the whole
    /// file first, then top to bottom; diagnostics at one position keep their order.
    pub fn sorted(mut self) -> Self {
        self.items.sort_by_key(|item| {
            let file = item.origin.as_ref().map_or(ROOT, |origin| origin.file);
            item.location.map(|location| (file, location.offset))
        });
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

    /// Adds diagnostics already located in this spec's files (the input stage's notes).
    pub fn extend_placed(&mut self, items: &[Diagnostic]) {
        self.items.extend_from_slice(items);
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

    /// Finds file, line and column for every diagnostic that has a pointer but no place yet.
    pub(crate) fn locate_all(&mut self) {
        let files = self.sources.files();
        // One position index per file, built only for files that have something to show.
        let mut indexes: Vec<Option<locate::Index>> = files.iter().map(|_| None).collect();
        for item in &mut self.items {
            let origin = match &item.origin {
                Some(origin) => Origin::clone(origin),
                None if item.location.is_some() => Origin { file: ROOT, pointer: item.pointer.to_string() },
                None => self.sources.origin(&item.pointer),
            };
            if item.location.is_none() {
                if let (Some(file), Some(slot)) = (files.get(origin.file), indexes.get_mut(origin.file)) {
                    if !file.text.is_empty() {
                        item.location = slot.get_or_insert_with(|| locate::Index::new(&file.text, file.positions.as_deref())).find(&origin.pointer);
                    }
                }
            }
            item.origin = Some(Box::new(origin));
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
        let (file, text) = match item.origin.as_ref().and_then(|origin| self.sources.file(origin.file)).or(self.sources.file(ROOT)) {
            Some(source) => (source.name.as_str(), source.text.as_str()),
            None => ("", ""),
        };
        // The pointer shown is the node's in the file it is in.
        let pointer = item.origin.as_ref().map_or(&*item.pointer, |origin| origin.pointer.as_str());
        // The root's pointer says nothing the position (or the lack of one) does not.
        let mut notes = if pointer.is_empty() {
            Vec::new()
        } else {
            vec![format!("at JSON pointer: {}", display_pointer(pointer))]
        };
        if let Some(help) = &item.help {
            notes.push(format!("help: {help}"));
        }
        let report = report.with_message(&item.message).with_notes(notes);
        let mut out = NoColor::new(Vec::new());
        let inside = |location: &Location| location.offset <= text.len() && text.is_char_boundary(location.offset);
        let rendered = match item.location.filter(inside) {
            Some(location) => {
                let excerpt = Excerpt::new(file, text, location);
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
        let mut rendered_text = String::from_utf8_lossy(&out.into_inner()).into_owned();
        if item.location.is_none() && !file.is_empty() {
            // Without a position codespan names no file; a problem with the whole file still
            // says which file.
            let header = rendered_text.find('\n').map_or(rendered_text.len(), |end| end + 1);
            rendered_text.insert_str(header, &format!("  --> {file}\n"));
        }
        rendered_text
    }

    /// `error: 2 errors and 1 warning in specs/x.yaml`-style summary.
    pub fn summary(&self) -> String {
        let plural = |count: usize, word: &str| format!("{count} {word}{}", if count == 1 { "" } else { "s" });
        format!(
            "{}: {} and {}",
            if self.file_name().is_empty() { "spec" } else { self.file_name() },
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
        // Only the window is read, never the whole line: a minified JSON spec is one line of
        // megabytes, and a spec can have a warning for each of thousands of nodes. One
        // character past the width on each side says whether the line is longer than it.
        let offset = location.offset;
        let before: Vec<char> = text[..offset].chars().rev().take_while(|&c| c != '\n').take(EXCERPT_WIDTH + 1).collect();
        let after: Vec<char> = text[offset..].chars().take_while(|&c| c != '\n' && c != '\r').take(EXCERPT_WIDTH + 1).collect();
        // A line that fits is shown whole; a longer one from a third of the width before the
        // position, with `…` where it is cut.
        let (back, forward) = if before.len() + after.len() <= EXCERPT_WIDTH {
            (before.len(), after.len())
        } else {
            let back = before.len().min(EXCERPT_WIDTH / 3);
            (back, after.len().min(EXCERPT_WIDTH - back))
        };
        let mut shown = String::new();
        if back < before.len() {
            shown.push('…');
        }
        shown.extend(before[..back].iter().rev().map(|&c| printable(c)));
        let caret = shown.len();
        shown.extend(after[..forward].iter().map(|&c| printable(c)));
        if forward < after.len() {
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

/// A character of a shown line, a control character as `?` (and a C1 control as `¿`, also two
/// bytes), so that a binary file's line cannot disturb the terminal.
fn printable(c: char) -> char {
    match c {
        '\n' | '\r' | '\t' => c,
        '\u{0}'..='\u{1f}' | '\u{7f}' => '?',
        '\u{80}'..='\u{9f}' => '¿',
        _ => c,
    }
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
