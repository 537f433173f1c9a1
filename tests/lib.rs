//! Helpers shared by the workspace tests.

use std::path::{Path, PathBuf};

/// The workspace root.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default()
}

/// The hand-written specs, sorted.
pub fn specs() -> Vec<PathBuf> {
    let specs = generator::workspace::spec_files(&workspace_root().join("specs")).unwrap_or_default();
    assert!(specs.len() >= 5, "expected the five specs in specs/, found {specs:?}");
    specs
}

/// The README's Rust examples, compiled as doctests so that they cannot drift from the
/// generated clients.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeExamples;
