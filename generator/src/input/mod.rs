//! Stage 1, input: whatever the vendor publishes, turned into one OpenAPI 3.0 document.
//!
//! 1. [`read`]: each file is read within limits and parsed (YAML or JSON) by `tree`, which
//!    refuses duplicate keys, alias bombs and runaway nesting;
//! 2. `bundle`: `$ref`s to other files (by relative path) are resolved into one document,
//!    the source map remembering which file every subtree came from;
//! 3. [`upgrade`]: a Swagger 2.0 or OpenAPI 3.1 document is rewritten in OpenAPI 3.0 shape,
//!    the source map remembering what moved.
//!
//! Everything after this stage sees one OpenAPI 3.0 JSON value; a diagnostic about any node of
//! it still points into the file, line and column the node was written at.

mod bundle;
pub mod read;
mod tree;
pub mod upgrade;
mod yaml;

use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use read::MAX_SPEC_BYTES;
pub use tree::MAX_DEPTH;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::source::{SourceFile, SourceMap};

/// A spec as the rest of the pipeline sees it: one OpenAPI 3.0 value and where it came from.
#[derive(Debug)]
pub struct Document {
    /// The root file it was read from.
    pub path: PathBuf,
    /// The document, bundled and in OpenAPI 3.0 shape.
    pub value: serde_json::Value,
    /// The files it was read from, and where each node was written.
    pub sources: Arc<SourceMap>,
    /// What the input stage could not carry over exactly (warnings, already located).
    pub notes: Vec<Diagnostic>,
}

impl Document {
    /// The root file's path as shown in diagnostics.
    pub fn display_path(&self) -> String {
        self.path.display().to_string()
    }

    /// Parses `text` as if read from `path` and upgrades it (for tests and in-memory specs).
    /// `$ref`s to other files are resolved beside `path`.
    pub fn parse(path: &Path, text: String) -> Result<Document, Diagnostics> {
        match read::parse(path, &text) {
            Ok(parsed) => finish(path, text, parsed),
            Err(diagnostic) => Err(Diagnostics::in_sources(Arc::new(SourceMap::single(path, text)), vec![diagnostic])),
        }
    }
}

/// Reads the spec whose root file is at `path`, with every file it refers to.
pub fn load(path: &Path) -> Result<Document, Diagnostics> {
    match read::read(path) {
        Ok((text, parsed)) => finish(path, text, parsed),
        Err(unreadable) => {
            Err(Diagnostics::in_sources(Arc::new(SourceMap::single(path, unreadable.text)), vec![*unreadable.diagnostic]))
        }
    }
}

/// Bundles and upgrades a parsed root file.
fn finish(path: &Path, text: String, parsed: read::Parsed) -> Result<Document, Diagnostics> {
    let mut sources = SourceMap::default();
    let positions = parsed.positions.map(Arc::new);
    sources.add_file(SourceFile { path: path.to_owned(), name: path.display().to_string(), text, positions });
    let bundled = bundle::bundle(parsed.value, &mut sources);
    // The bundle's and the upgrade's findings are about the bundled document: they are located
    // before the upgrade moves anything.
    let located = |sources: &SourceMap, items: Vec<Diagnostic>| Diagnostics::in_sources(Arc::new(sources.without_moves()), items);
    let value = match bundled {
        Ok(value) => value,
        Err(found) => return Err(located(&sources, found).sorted()),
    };
    let upgraded = upgrade::upgrade(value, &mut sources);
    let notes = located(&sources, upgraded.found);
    if notes.has_errors() {
        return Err(notes.sorted());
    }
    Ok(Document { path: path.to_owned(), value: upgraded.value, sources: Arc::new(sources), notes: notes.sorted().items().to_vec() })
}
