//! Runs the generator over a folder of real-world specs and tabulates how it fared.
//!
//! `cargo xtask corpus <DIR> [--compile]` is a thin front end over [`run`]. Each spec in the
//! folder (a file, or a folder holding a multi-file spec's root file, see
//! [`workspace::spec_files`]) becomes a standalone crate under the output folder; with
//! `compile`, `cargo clippy` runs on each, all sharing one target directory so dependencies are
//! built once. Clippy runs rustc's own checks first, so one pass says both whether `cargo check`
//! passes and which lints `cargo clippy -- -D warnings` would stop on.

use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use crate::write::{ensure_crate, Mode};
use crate::{generate_crate, workspace, CrateOptions};

/// How one spec fared.
#[derive(Debug)]
pub struct Row {
    /// The spec's path relative to the corpus folder.
    pub spec: String,
    /// Operations in the generated client (0 when generation failed).
    pub operations: usize,
    /// What generation gave.
    pub result: Outcome,
    /// Warnings reported (with `lenient`, the spec bugs worked around).
    pub warnings: usize,
    /// Milliseconds to generate.
    pub generate_ms: u128,
    /// Lines of generated Rust.
    pub lines: usize,
    /// Whether `cargo check` passed and how long compiling took, when compiling was asked for.
    pub check: Option<(bool, u128)>,
    /// The warnings `cargo clippy` gave, by lint name (empty: it passes with `-D warnings`),
    /// when compiling was asked for.
    pub clippy: Option<BTreeMap<String, usize>>,
    /// The rendered diagnostics (errors and warnings), for the report.
    pub diagnostics: String,
}

/// What generation gave for one spec.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A crate was generated.
    Ok,
    /// The spec has this many errors.
    Errors(usize),
    /// The generator, or a dependency, panicked.
    Panic(String),
}

impl Row {
    /// Whether this row makes the corpus run fail: a panic, a crate that does not compile, or
    /// one that clippy warns about.
    pub fn is_failure(&self) -> bool {
        matches!(self.result, Outcome::Panic(_))
            || matches!(self.check, Some((false, _)))
            || self.clippy.as_ref().is_some_and(|lints| !lints.is_empty())
    }
}

/// Settings for a corpus run.
#[derive(Clone, Debug)]
pub struct Settings {
    /// Where the crates are written (one folder per spec, plus `target/` when compiling).
    pub out_dir: PathBuf,
    /// The path of the `client-runtime` crate.
    pub runtime_path: PathBuf,
    /// A `Cargo.lock` to start each crate from, so that `cargo check` needs no resolution.
    pub lock_file: Option<PathBuf>,
    /// Work around spec bugs with warnings instead of failing.
    pub lenient: bool,
    /// Run `cargo clippy` (rustc's checks and clippy's lints) on each generated crate.
    pub compile: bool,
}

/// Generates (and with `compile`, checks) a crate for every spec in `dir`.
pub fn run(dir: &Path, settings: &Settings) -> std::io::Result<Vec<Row>> {
    let specs = workspace::spec_files(dir)?;
    std::fs::create_dir_all(&settings.out_dir)?;
    let mut rows = Vec::new();
    for spec in specs {
        rows.push(run_one(dir, &spec, settings)?);
    }
    Ok(rows)
}

fn run_one(dir: &Path, spec: &Path, settings: &Settings) -> std::io::Result<Row> {
    let name = workspace::crate_name(spec);
    let crate_dir = settings.out_dir.join(&name);
    let options = CrateOptions {
        crate_name: name.clone(),
        spec_display: spec.display().to_string(),
        regenerate_command: format!("cargo xtask corpus {}", dir.display()),
        runtime_path: settings.runtime_path.display().to_string(),
        standalone: true,
        lenient: settings.lenient,
    };
    let spec_name = spec.strip_prefix(dir).unwrap_or(spec).display().to_string();
    let started = Instant::now();
    let generated = catch_unwind(AssertUnwindSafe(|| generate_crate(spec, &options)));
    let generate_ms = started.elapsed().as_millis();
    let mut row = Row {
        spec: spec_name,
        operations: 0,
        result: Outcome::Ok,
        warnings: 0,
        generate_ms,
        lines: 0,
        check: None,
        clippy: None,
        diagnostics: String::new(),
    };
    match generated {
        Err(panic) => row.result = Outcome::Panic(crate::diagnostic::panic_message(&*panic)),
        Ok(Err(diagnostics)) => {
            let rendered = diagnostics.render();
            // A dependency's panic is caught inside the pipeline and reported as an error.
            row.result = match rendered.lines().find(|line| line.contains("panicked")) {
                Some(line) => Outcome::Panic(line.trim().to_owned()),
                None => Outcome::Errors(diagnostics.error_count()),
            };
            row.warnings = diagnostics.warning_count();
            row.diagnostics = rendered;
        }
        Ok(Ok(generated)) => {
            row.operations = generated.operations;
            row.lines = generated.files.rust_lines();
            row.warnings = generated.warnings.warning_count();
            if !generated.warnings.is_empty() {
                row.diagnostics = generated.warnings_text;
            }
            if crate_dir.exists() {
                std::fs::remove_dir_all(&crate_dir)?;
            }
            ensure_crate(&crate_dir, &generated.files, Mode::Write)?;
            if settings.compile {
                if let Some(lock) = &settings.lock_file {
                    std::fs::copy(lock, crate_dir.join("Cargo.lock"))?;
                }
                let started = Instant::now();
                let (check, lints) = cargo_clippy(&crate_dir, &settings.out_dir.join("target"));
                row.check = Some((check, started.elapsed().as_millis()));
                row.clippy = Some(lints);
            }
        }
    }
    Ok(row)
}

/// Runs `cargo clippy` on the crate: whether rustc found no error, and every warning by lint
/// name. Warnings are read from cargo's JSON messages rather than denied, so that the table can
/// say which lints fire; `-D warnings` passes exactly when there are none.
fn cargo_clippy(crate_dir: &Path, target: &Path) -> (bool, BTreeMap<String, usize>) {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args(["clippy", "--quiet", "--message-format=json"])
        .current_dir(crate_dir)
        .env("CARGO_TARGET_DIR", target)
        .output();
    let Ok(output) = output else { return (false, BTreeMap::new()) };
    let manifest = crate_dir.join("Cargo.toml");
    let mut rustc_errors = 0;
    let mut lints = BTreeMap::new();
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let Ok(message) = serde_json::from_str::<serde_json::Value>(line) else { continue };
        // Only the generated crate's own messages (a path dependency's would show too).
        let ours = message["manifest_path"].as_str().is_some_and(|path| Path::new(path) == manifest);
        let Some(message) = message.get("message").filter(|_| ours && message["reason"] == "compiler-message") else { continue };
        let lint = message.pointer("/code/code").and_then(serde_json::Value::as_str);
        match (message["level"].as_str(), lint) {
            // Clippy lints that are errors by default stop clippy, not `cargo check`.
            (Some("error"), Some(lint)) if lint.starts_with("clippy::") => *lints.entry(lint.to_owned()).or_default() += 1,
            // Summaries ("aborting due to 2 previous errors") point at no code.
            (Some("error"), _) if message["spans"].as_array().is_some_and(|spans| !spans.is_empty()) => rustc_errors += 1,
            (Some("warning"), Some(lint)) => *lints.entry(lint.to_owned()).or_default() += 1,
            _ => {}
        }
    }
    // A failure with no rustc error is either a clippy error lint or cargo itself failing.
    let clippy_failed = lints.keys().any(|lint| lint.starts_with("clippy::"));
    let compiles = rustc_errors == 0 && (output.status.success() || clippy_failed);
    (compiles, lints)
}

/// The rows as a Markdown table.
pub fn table(rows: &[Row]) -> String {
    let compiled = rows.iter().any(|row| row.check.is_some());
    let mut text = String::from("| spec | operations | result | warnings | generate ms | lines |");
    text.push_str(if compiled { " cargo check | clippy -D warnings | compile ms |\n" } else { "\n" });
    text.push_str("| --- | ---: | --- | ---: | ---: | ---: |");
    text.push_str(if compiled { " --- | --- | ---: |\n" } else { "\n" });
    for row in rows {
        let result = match &row.result {
            Outcome::Ok => "ok".to_owned(),
            Outcome::Errors(count) => format!("{count} errors"),
            Outcome::Panic(message) => format!("panic: {}", message.replace('|', "\\|")),
        };
        text.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |",
            row.spec, row.operations, result, row.warnings, row.generate_ms, row.lines
        ));
        match (row.check, &row.clippy) {
            (Some((passed, ms)), lints) => {
                let lints = lints.iter().flatten().map(|(lint, count)| format!("{count} {lint}")).collect::<Vec<_>>();
                let clippy = if lints.is_empty() { "passes".to_owned() } else { format!("FAILS: {}", lints.join(", ")) };
                text.push_str(&format!(" {} | {clippy} | {ms} |\n", if passed { "passes" } else { "FAILS" }));
            }
            (None, _) if compiled => text.push_str(" - | - | - |\n"),
            (None, _) => text.push('\n'),
        }
    }
    text
}
