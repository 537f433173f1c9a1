//! The source map: which file, line and column every node of the document came from.
//!
//! This is the bottom of the generator: loading fills it in and diagnostics read it, and it
//! depends on neither. The document every later stage sees is one OpenAPI 3.0 value, but it may
//! have been bundled from many files and upgraded from Swagger 2.0 or OpenAPI 3.1, which moves
//! nodes around. So a node is named by its JSON pointer in that final document, and the map
//! takes such a pointer back in two steps:
//!
//! 1. through the upgrade's moves (`/components/schemas/Pet` was `/definitions/Pet`) to a
//!    pointer in the bundled document;
//! 2. through the bundle's origins (`/paths/~1menu` was inlined from `paths/menu.yaml`) to a
//!    file and a pointer in that file.
//!
//! Only then are line and column looked up: in the positions recorded while the file was
//! parsed ([`Positions`]), or, when its parser recorded none, by reading the text again
//! (`locate`).

mod json_positions;
pub(crate) mod locate;
mod pointer;
mod position;

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

pub use pointer::{child, escape_segment, pointer, segments, unescape_segment};
pub use position::Location;
pub(crate) use position::{location_at, location_from, location_of};

/// The index of a file in a [`SourceMap`]; the root file is 0.
pub type FileId = usize;

/// The root file's id.
pub const ROOT: FileId = 0;

/// One file of a spec, with the text diagnostics quote.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// Where it was read from.
    pub path: PathBuf,
    /// The name shown in diagnostics (the path, or a shorter relative form).
    pub name: String,
    /// The file's text (empty when it could not be read).
    pub text: String,
    /// Where each node starts, when the parser recorded it (`None`: found from `text` when a
    /// diagnostic needs it).
    pub positions: Option<Arc<Positions>>,
}

/// The line and column (both from 1, the column in characters) where every node of one file
/// starts, by JSON pointer in that file; the rules for which position a node gets are in
/// `locate`.
#[derive(Default, PartialEq, Eq)]
pub struct Positions(pub(crate) PositionMap);

/// Node pointer -> (line, column). Hashed with FxHash: a map gets an entry per node of the
/// file, and SipHash (the standard map's) was most of the cost of filling it.
pub(crate) type PositionMap = HashMap<String, (usize, usize), rustc_hash::FxBuildHasher>;

impl fmt::Debug for Positions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Positions({} nodes)", self.0.len())
    }
}

/// Where a node of the final document was written: a file and a pointer in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    /// Which file.
    pub file: FileId,
    /// The node's JSON pointer within that file.
    pub pointer: String,
}

/// The files of one spec and where each node of its final document came from.
#[derive(Clone, Debug, Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
    /// Bundled-document pointer prefix -> where that subtree was written.
    bundled: BTreeMap<String, Origin>,
    /// Final-document pointer prefix -> bundled-document pointer prefix, for moved subtrees.
    upgraded: BTreeMap<String, String>,
}

impl SourceMap {
    /// A map of one file whose nodes are where the document has them.
    pub fn single(path: impl Into<PathBuf>, text: impl Into<String>) -> Self {
        let path = path.into();
        let mut map = SourceMap::default();
        map.add_file(SourceFile { name: path.display().to_string(), path, text: text.into(), positions: None });
        map
    }

    /// Adds a file and returns its id.
    pub fn add_file(&mut self, file: SourceFile) -> FileId {
        if self.files.is_empty() {
            self.bundled.insert(String::new(), Origin { file: ROOT, pointer: String::new() });
        }
        self.files.push(file);
        self.files.len() - 1
    }

    /// The files, the root first.
    pub fn files(&self) -> &[SourceFile] {
        &self.files
    }

    /// One file, if the id is known.
    pub fn file(&self, id: FileId) -> Option<&SourceFile> {
        self.files.get(id)
    }

    /// Records that the bundled subtree at `at` was written at `origin`.
    pub fn bundled_from(&mut self, at: &str, origin: Origin) {
        self.bundled.insert(at.to_owned(), origin);
    }

    /// Records that the final subtree at `at` was at `was` in the bundled document.
    pub fn moved(&mut self, at: &str, was: &str) {
        if at != was {
            self.upgraded.insert(at.to_owned(), was.to_owned());
        }
    }

    /// Forgets the upgrade's moves (the bundle's diagnostics are about the bundled document).
    pub fn without_moves(&self) -> SourceMap {
        SourceMap { upgraded: BTreeMap::new(), ..self.clone() }
    }

    /// Where the final document's node at `pointer` was written.
    pub fn origin(&self, pointer: &str) -> Origin {
        let bundled = match longest_prefix(&self.upgraded, pointer) {
            Some((prefix, was)) => format!("{was}{}", &pointer[prefix.len()..]),
            None => pointer.to_owned(),
        };
        match longest_prefix(&self.bundled, &bundled) {
            Some((prefix, origin)) => Origin { file: origin.file, pointer: format!("{}{}", origin.pointer, &bundled[prefix.len()..]) },
            None => Origin { file: ROOT, pointer: bundled },
        }
    }

    /// Renames files: `from` becomes `to`, and the files beside or below `from` keep their place
    /// relative to it (`/abs/specs/cafe/openapi.yaml` -> `specs/cafe/openapi.yaml` also turns
    /// `/abs/specs/cafe/paths/menu.yaml` into `specs/cafe/paths/menu.yaml`).
    pub fn rename(&mut self, from: &str, to: &str) {
        let folder = |name: &str| name.rfind('/').map(|slash| name[..=slash].to_owned());
        let (from_folder, to_folder) = (folder(from), folder(to).unwrap_or_default());
        for file in &mut self.files {
            if file.name == from {
                file.name = to.to_owned();
            } else if let Some(rest) = from_folder.as_deref().and_then(|prefix| file.name.strip_prefix(prefix)) {
                file.name = format!("{to_folder}{rest}");
            }
        }
    }
}

/// The entry whose key is `pointer` or its nearest ancestor.
fn longest_prefix<'a, V>(map: &'a BTreeMap<String, V>, pointer: &'a str) -> Option<(&'a str, &'a V)> {
    if map.is_empty() {
        return None;
    }
    let mut current = pointer;
    loop {
        if let Some(value) = map.get(current) {
            return Some((current, value));
        }
        if current.is_empty() {
            return None;
        }
        current = &current[..current.rfind('/').unwrap_or(0)];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pointer_goes_back_through_the_upgrade_and_the_bundle() {
        let mut map = SourceMap::single("root.yaml", "");
        let menu = map.add_file(SourceFile { path: "paths/menu.yaml".into(), name: "paths/menu.yaml".into(), text: String::new(), positions: None });
        map.bundled_from("/paths/~1menu", Origin { file: menu, pointer: String::new() });
        map.moved("/paths/~1menu/get/requestBody", "/paths/~1menu/get/parameters/0");
        let origin = map.origin("/paths/~1menu/get/requestBody/content");
        assert_eq!(origin, Origin { file: menu, pointer: "/get/parameters/0/content".into() });
        assert_eq!(map.origin("/info/title"), Origin { file: ROOT, pointer: "/info/title".into() });
        // A sibling whose name starts the same is not inside the moved subtree.
        assert_eq!(map.origin("/paths/~1menus").file, ROOT);
    }

    #[test]
    fn renaming_the_root_renames_the_files_beside_it() {
        let mut map = SourceMap::single("/abs/specs/cafe/openapi.yaml", "");
        map.add_file(SourceFile { path: "x".into(), name: "/abs/specs/cafe/paths/menu.yaml".into(), text: String::new(), positions: None });
        map.rename("/abs/specs/cafe/openapi.yaml", "specs/cafe/openapi.yaml");
        let names: Vec<&str> = map.files().iter().map(|file| file.name.as_str()).collect();
        assert_eq!(names, ["specs/cafe/openapi.yaml", "specs/cafe/paths/menu.yaml"]);
    }
}
