//! The workspace layout: every spec in `specs/` becomes `generated/<name>-client/`, and so does
//! every fixture spec in `tests/fixtures/` (APIs written for the tests, not vendor APIs).
//!
//! A spec is a single file (`specs/nsx.yaml`, named after its stem) or a folder holding a
//! multi-file spec whose root file is `openapi.yaml` (or `.yml`, `.json`, or `swagger.*`),
//! named after the folder (`specs/cafe/openapi.yaml` is `cafe-client`).
//!
//! `cargo xtask regenerate` and the staleness test both call [`regenerate`], so the check can
//! never disagree with the writer.

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::write::{ensure_crate, Change, Mode};
use crate::{generate_crate, CrateOptions, Diagnostics};

/// The folders whose specs become crates in `generated/`.
pub const SPEC_DIRS: &[&str] = &["specs", "tests/fixtures"];

/// The command that regenerates the workspace's clients, named in every generated header.
pub const REGENERATE_COMMAND: &str = "cargo xtask regenerate";

/// What happened to one spec.
#[derive(Debug)]
pub struct SpecReport {
    /// The crate name.
    pub crate_name: String,
    /// Diagnostics: errors (then nothing was written) or warnings.
    pub diagnostics: Diagnostics,
    /// Files written, or found stale in check mode.
    pub changes: Vec<Change>,
    /// `name: N operations, N types, N lines, N ms`, when generation succeeded.
    pub summary: Option<String>,
}

/// What [`regenerate`] did or found.
#[derive(Debug, Default)]
pub struct Report {
    /// One entry per spec, in file-name order.
    pub specs: Vec<SpecReport>,
    /// Crate directories in `generated/` with no spec (removed in write mode).
    pub orphans: Vec<PathBuf>,
}

impl Report {
    /// Whether everything generated and, in check mode, nothing differs.
    pub fn is_clean(&self, mode: Mode) -> bool {
        self.specs.iter().all(|spec| {
            !spec.diagnostics.has_errors() && (mode == Mode::Write || spec.changes.is_empty())
        }) && (mode == Mode::Write || self.orphans.is_empty())
    }
}

/// The names a multi-file spec's root file may have, in order of preference.
pub const ROOT_FILES: &[&str] = &["openapi.yaml", "openapi.yml", "openapi.json", "swagger.yaml", "swagger.yml", "swagger.json"];

/// How deep below a spec folder its root file is looked for (`cafe/openapi/openapi.yaml`).
const ROOT_DEPTH: usize = 3;

/// The crate name for a spec: its file stem followed by `-client`; for a root file
/// (`openapi.yaml`), the folder that holds it, skipping folders named like the root file
/// (`redocly-cafe/openapi/openapi.yaml` is `redocly-cafe-client`).
pub fn crate_name(spec: &Path) -> String {
    let stem = |path: &Path| path.file_stem().map(|stem| stem.to_string_lossy().into_owned()).unwrap_or_default();
    let mut name = stem(spec);
    if ROOT_FILES.contains(&spec.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default().as_str()) {
        let folder = spec.ancestors().skip(1).find(|folder| !matches!(stem(folder).as_str(), "openapi" | "swagger" | "spec" | "specs" | ""));
        if let Some(folder) = folder {
            name = stem(folder);
        }
    }
    format!("{}-client", name.to_lowercase().replace(['_', ' ', '.'], "-"))
}

/// The specs in `dir`, sorted: each `.yaml`, `.yml` or `.json` file, and for each folder the
/// root file of the multi-file spec it holds (see [`ROOT_FILES`]).
pub fn spec_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?.filter_map(Result::ok).map(|entry| entry.path()).collect();
    entries.sort();
    let specs = entries
        .into_iter()
        .filter_map(|path| {
            if path.is_dir() {
                root_file(&path, ROOT_DEPTH)
            } else {
                path.extension().is_some_and(|extension| ["yaml", "yml", "json"].iter().any(|known| extension == *known)).then_some(path)
            }
        })
        .collect();
    Ok(specs)
}

/// The root file of the multi-file spec in `folder`: a file named like one of [`ROOT_FILES`]
/// in it, or else in the first of its subfolders (in name order) that has one.
pub fn root_file(folder: &Path, depth: usize) -> Option<PathBuf> {
    if let Some(root) = ROOT_FILES.iter().map(|name| folder.join(name)).find(|path| path.is_file()) {
        return Some(root);
    }
    if depth == 0 {
        return None;
    }
    let mut folders: Vec<PathBuf> = std::fs::read_dir(folder).ok()?.filter_map(Result::ok).map(|entry| entry.path()).filter(|path| path.is_dir()).collect();
    folders.sort();
    folders.iter().find_map(|sub| root_file(sub, depth - 1))
}

/// Regenerates (or checks) every client of the workspace at `root`.
///
/// Paths in headers and diagnostics are relative to `root` (`specs/nsx.yaml`). A spec with
/// errors keeps its previous crate, so one broken spec never deletes a client.
pub fn regenerate(root: &Path, mode: Mode) -> std::io::Result<Report> {
    let mut report = Report::default();
    let mut specs = Vec::new();
    for dir in SPEC_DIRS {
        match spec_files(&root.join(dir)) {
            Ok(found) => specs.extend(found),
            // Only `specs/` is required.
            Err(error) if error.kind() == std::io::ErrorKind::NotFound && *dir != "specs" => {}
            Err(error) => return Err(error),
        }
    }
    for spec in &specs {
        let crate_name = crate_name(spec);
        let relative = spec.strip_prefix(root).unwrap_or(spec);
        let options = CrateOptions {
            crate_name: crate_name.clone(),
            spec_display: relative.display().to_string(),
            regenerate_command: REGENERATE_COMMAND.into(),
            runtime_path: "../../runtime".into(),
            standalone: false,
            lenient: false,
        };
        let started = Instant::now();
        let (diagnostics, changes, summary) = match generate_crate(spec, &options) {
            Ok(generated) => {
                let changes = ensure_crate(&root.join("generated").join(&crate_name), &generated.files, mode)?;
                let summary = format!(
                    "{crate_name}: {} operations, {} types, {} lines, {} ms",
                    generated.operations,
                    generated.types,
                    generated.files.rust_lines(),
                    started.elapsed().as_millis()
                );
                (generated.warnings, changes, Some(summary))
            }
            Err(diagnostics) => (diagnostics, Vec::new(), None),
        };
        report.specs.push(SpecReport { crate_name, diagnostics: relabel(diagnostics, spec, relative), changes, summary });
    }
    let expected: Vec<String> = specs.iter().map(|spec| crate_name(spec)).collect();
    if let Ok(entries) = std::fs::read_dir(root.join("generated")) {
        let mut orphans: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .filter(|entry| entry.path().is_dir() && !expected.contains(&entry.file_name().to_string_lossy().into_owned()))
            .map(|entry| entry.path())
            .collect();
        orphans.sort();
        if mode == Mode::Write {
            for orphan in &orphans {
                std::fs::remove_dir_all(orphan)?;
            }
        }
        report.orphans = orphans;
    }
    Ok(report)
}

/// Diagnostics name the spec as the user knows it, relative to the workspace root.
fn relabel(diagnostics: Diagnostics, absolute: &Path, relative: &Path) -> Diagnostics {
    diagnostics.renamed(&absolute.display().to_string(), &relative.display().to_string())
}
