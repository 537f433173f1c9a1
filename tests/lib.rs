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

/// The fixture specs in `tests/fixtures/` (APIs written for the tests), sorted. `cargo xtask
/// regenerate` turns them into crates in `generated/` too.
pub fn fixture_specs() -> Vec<PathBuf> {
    generator::workspace::spec_files(&workspace_root().join("tests/fixtures")).unwrap_or_default()
}

/// A folder of public specs by other authors that the opt-in tests read: `corpus` (OpenAPI 3.0)
/// or `formats` (Swagger 2.0, OpenAPI 3.1, multi-file). They are never copied into this
/// repository; they live in `../shared/<kind>` beside it, or wherever the environment variable
/// `OPENAPI_SHARED_DIR` points (a folder holding `corpus/` and `formats/`).
///
/// Tests that call this are `#[ignore]`d, so a clone with nothing beside it passes
/// `cargo test --workspace`; `cargo test --workspace -- --ignored` runs them, and so does `.ci/run`.
pub fn shared_dir(kind: &str) -> PathBuf {
    let shared = std::env::var_os("OPENAPI_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("../shared"));
    let dir = shared.join(kind);
    assert!(
        dir.is_dir(),
        "{} is missing: this opt-in test reads public specs kept beside the repository; set OPENAPI_SHARED_DIR to the folder holding `corpus/` and `formats/`",
        dir.display()
    );
    dir
}

/// The README's Rust examples, compiled as doctests so that they cannot drift from the
/// generated clients.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeExamples;
