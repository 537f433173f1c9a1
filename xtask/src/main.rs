//! Maintainer commands, run as `cargo xtask <command>` (an alias in `.cargo/config.toml`).
//!
//! - `regenerate`: every spec in `specs/` into `generated/<stem>-client/`;
//! - `regenerate --check`: the same comparison, writing nothing; fails when anything is stale;
//! - `generate <SPEC> --out <DIR>`: any spec into a standalone crate anywhere.
//!
//! Exit codes: 0 on success, 1 on a bad spec or stale output, 2 on bad arguments (clap).
//! Never 101: a panic anywhere is caught and reported as an error.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand};
use generator::write::{ensure_crate, Change, Mode};
use generator::{generate_crate, CrateOptions};

#[derive(Parser)]
#[command(about = "Maintainer commands for the generated API clients")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Regenerate every client in generated/ from the specs in specs/.
    Regenerate {
        /// Write nothing; exit 1 naming every stale, missing or extra file.
        #[arg(long)]
        check: bool,
    },
    /// Generate a standalone client crate from any OpenAPI 3.0 spec (YAML or JSON).
    Generate {
        /// The spec file.
        spec: PathBuf,
        /// The directory to write the crate into (created if missing).
        #[arg(long)]
        out: PathBuf,
        /// The crate name (default: the spec's file stem followed by `-client`).
        #[arg(long)]
        name: Option<String>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = std::panic::catch_unwind(|| match cli.command {
        Command::Regenerate { check } => regenerate(&workspace_root(), if check { Mode::Check } else { Mode::Write }),
        Command::Generate { spec, out, name } => generate(&spec, &out, name),
    });
    match outcome {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(message)) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
        Err(_) => {
            eprintln!("error: the generator panicked (see the message above); this is a bug, please report it with the spec");
            ExitCode::FAILURE
        }
    }
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default()
}

/// The crate name for a spec: its file stem followed by `-client`.
fn crate_name(spec: &Path) -> String {
    let stem = spec.file_stem().map(|stem| stem.to_string_lossy().into_owned()).unwrap_or_default();
    format!("{}-client", stem.to_lowercase().replace(['_', ' ', '.'], "-"))
}

fn spec_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(dir).map_err(|error| format!("error: cannot read {}: {error}", dir.display()))?;
    let mut specs: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|extension| ["yaml", "yml", "json"].iter().any(|known| extension == *known)))
        .collect();
    specs.sort();
    Ok(specs)
}

fn regenerate(root: &Path, mode: Mode) -> Result<(), String> {
    // Relative paths read better in diagnostics and headers (`specs/nsx.yaml`).
    std::env::set_current_dir(root).map_err(|error| format!("error: cannot enter {}: {error}", root.display()))?;
    let root = Path::new("");
    let specs = spec_files(Path::new("specs"))?;
    let generated_dir = root.join("generated");
    let mut failures = Vec::new();
    let mut produced = Vec::new();
    for spec in &specs {
        let name = crate_name(spec);
        let relative_spec = spec.strip_prefix(root).unwrap_or(spec).display().to_string();
        let options = CrateOptions {
            crate_name: name.clone(),
            spec_display: relative_spec,
            regenerate_command: "cargo xtask regenerate".into(),
            runtime_path: "../../runtime".into(),
            standalone: false,
        };
        let started = Instant::now();
        let generated = match generate_crate(spec, &options) {
            Ok(generated) => generated,
            Err(diagnostics) => {
                eprint!("{}", diagnostics.render());
                failures.push(format!("{name}: the spec has errors"));
                continue;
            }
        };
        if !generated.warnings.is_empty() {
            eprint!("{}", generated.warnings.render());
        }
        let dir = generated_dir.join(&name);
        let changes = ensure_crate(&dir, &generated.files, mode).map_err(|error| format!("error: writing {}: {error}", dir.display()))?;
        println!(
            "{name}: {} operations, {} types, {} lines, {} ms{}",
            generated.operations,
            generated.types,
            generated.files.rust_lines(),
            started.elapsed().as_millis(),
            describe(&changes, mode, root)
        );
        if mode == Mode::Check && !changes.is_empty() {
            failures.push(format!("{name} is stale"));
        }
        produced.push(name);
    }
    for stale in stale_crates(&generated_dir, &produced, &specs)? {
        match mode {
            Mode::Write => {
                std::fs::remove_dir_all(&stale).map_err(|error| format!("error: removing {}: {error}", stale.display()))?;
                println!("removed {} (its spec is gone)", stale.display());
            }
            Mode::Check => failures.push(format!("{} has no spec in specs/", stale.display())),
        }
    }
    if failures.is_empty() {
        Ok(())
    } else {
        let hint = if mode == Mode::Check { "\nrun `cargo xtask regenerate` and commit the result" } else { "" };
        Err(format!("error: {}{hint}", failures.join("; ")))
    }
}

/// Crate directories in `generated/` that no spec produces any more. A spec that failed to
/// generate keeps its old crate, so that one broken spec does not delete a client.
fn stale_crates(generated_dir: &Path, produced: &[String], specs: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let expected: Vec<String> = specs.iter().map(|spec| crate_name(spec)).collect();
    let Ok(entries) = std::fs::read_dir(generated_dir) else { return Ok(Vec::new()) };
    let mut stale: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|entry| entry.path().is_dir())
        .filter(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            !produced.contains(&name) && !expected.contains(&name)
        })
        .map(|entry| entry.path())
        .collect();
    stale.sort();
    Ok(stale)
}

fn describe(changes: &[Change], mode: Mode, root: &Path) -> String {
    if changes.is_empty() {
        return String::new();
    }
    let show = |path: &PathBuf| path.strip_prefix(root).unwrap_or(path).display().to_string();
    let lines: Vec<String> = changes
        .iter()
        .map(|change| match (change, mode) {
            (Change::Missing(path), Mode::Write) => format!("  wrote {}", show(path)),
            (Change::Stale(path), Mode::Write) => format!("  updated {}", show(path)),
            (Change::Extra(path), Mode::Write) => format!("  removed {}", show(path)),
            (Change::Missing(path), Mode::Check) => format!("  missing: {}", show(path)),
            (Change::Stale(path), Mode::Check) => format!("  stale: {}", show(path)),
            (Change::Extra(path), Mode::Check) => format!("  not generated (would be removed): {}", show(path)),
        })
        .collect();
    format!("\n{}", lines.join("\n"))
}

fn generate(spec: &Path, out: &Path, name: Option<String>) -> Result<(), String> {
    let runtime = workspace_root().join("runtime");
    let runtime = runtime.canonicalize().unwrap_or(runtime);
    let options = CrateOptions {
        crate_name: name.unwrap_or_else(|| crate_name(spec)),
        spec_display: spec.display().to_string(),
        regenerate_command: format!("cargo xtask generate {} --out {}", spec.display(), out.display()),
        runtime_path: runtime.display().to_string(),
        standalone: true,
    };
    let started = Instant::now();
    let generated = generate_crate(spec, &options).map_err(|diagnostics| diagnostics.render().trim_end().to_owned())?;
    if !generated.warnings.is_empty() {
        eprint!("{}", generated.warnings.render());
    }
    refuse_foreign_directory(out)?;
    ensure_crate(out, &generated.files, Mode::Write).map_err(|error| format!("error: writing {}: {error}", out.display()))?;
    println!(
        "{}: {} operations, {} types, {} lines, {} ms, written to {}",
        options.crate_name,
        generated.operations,
        generated.types,
        generated.files.rust_lines(),
        started.elapsed().as_millis(),
        out.display()
    );
    Ok(())
}

/// Writing a crate removes files the generator did not produce, so it may only write into an
/// empty directory or one that holds a crate it generated before.
fn refuse_foreign_directory(out: &Path) -> Result<(), String> {
    let is_empty = std::fs::read_dir(out).map(|mut entries| entries.next().is_none()).unwrap_or(true);
    let manifest = std::fs::read_to_string(out.join("Cargo.toml")).unwrap_or_default();
    if is_empty || manifest.starts_with("# @generated") {
        Ok(())
    } else {
        Err(format!(
            "error: {} is not empty and holds no generated crate; choose an empty or new directory",
            out.display()
        ))
    }
}
