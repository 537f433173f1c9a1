//! Maintainer commands, run as `cargo xtask <command>` (an alias in `.cargo/config.toml`).
//!
//! A thin front end over the `generator` library:
//! - `regenerate`: every spec in `specs/` into `generated/<stem>-client/`;
//! - `regenerate --check`: the same comparison, writing nothing; fails when anything is stale;
//! - `generate <SPEC> --out <DIR>`: any spec into a standalone crate anywhere;
//! - `lint [SPEC...]`: the diagnostics of specs (default: every one in `specs/`), writing nothing;
//! - `corpus <DIR> [--compile]`: a crate for every spec in a folder, and a table of how it went.
//!
//! Exit codes: 0 on success, 1 on a bad spec or stale output, 2 on bad arguments (clap's, and an
//! `--out` directory `generate` refuses). Never 101: a panic anywhere is caught and reported.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand};
use generator::corpus;
use generator::workspace::{self, REGENERATE_COMMAND};
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
    /// Generate a standalone client crate from any spec: OpenAPI 3.0 or 3.1, or Swagger 2.0, in
    /// YAML or JSON, in one file or many.
    Generate {
        /// The spec file (for a spec in many files, its root file).
        spec: PathBuf,
        /// The directory to write the crate into (created if missing).
        #[arg(long)]
        out: PathBuf,
        /// The crate name (default: the spec's file stem followed by `-client`).
        #[arg(long)]
        name: Option<String>,
        /// Work around spec bugs that have a sound fallback (a `$ref` to nothing, an array
        /// without `items`, an operation without responses), reporting them as warnings.
        #[arg(long)]
        lenient: bool,
    },
    /// Print every error and warning of the specs, and write nothing. Exit 1 if any has errors.
    Lint {
        /// The spec files (default: every spec in specs/).
        specs: Vec<PathBuf>,
        /// Report the spec bugs `generate --lenient` works around as warnings.
        #[arg(long)]
        lenient: bool,
    },
    /// Generate a crate for every spec in DIR (leniently) and print a table of the results.
    /// Exit 1 if any spec panics the generator or, with --compile, any crate fails `cargo check`
    /// or `cargo clippy -- -D warnings`.
    Corpus {
        /// The folder of specs (`.yaml`, `.yml`, `.json` files, and folders holding a multi-file
        /// spec's root file, `openapi.yaml` or `swagger.yaml`).
        dir: PathBuf,
        /// Also run `cargo clippy` on every generated crate (rustc's checks and clippy's lints).
        #[arg(long)]
        compile: bool,
        /// Where to write the crates (default: target/corpus).
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

/// See the `mimalloc` line of Cargo.toml: malloc and free were a third of generation's work.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = std::panic::catch_unwind(|| match cli.command {
        Command::Regenerate { check } => regenerate(if check { Mode::Check } else { Mode::Write }),
        Command::Generate { spec, out, name, lenient } => generate(&spec, &out, name, lenient),
        Command::Lint { specs, lenient } => lint(specs, lenient),
        Command::Corpus { dir, compile, out } => run_corpus(&dir, compile, out),
    });
    match outcome {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(Failure { message, code })) => {
            eprintln!("{message}");
            ExitCode::from(code)
        }
        Err(_) => {
            eprintln!("error: the generator panicked (see the message above); this is a bug, please report it with the spec");
            ExitCode::FAILURE
        }
    }
}

/// Why a command failed, and its exit code: 1 for a bad spec or stale output, 2 for arguments
/// the command refuses.
struct Failure {
    message: String,
    code: u8,
}

impl Failure {
    fn bad_argument(message: String) -> Self {
        Failure { message, code: 2 }
    }
}

impl From<String> for Failure {
    fn from(message: String) -> Self {
        Failure { message, code: 1 }
    }
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default()
}

fn regenerate(mode: Mode) -> Result<(), Failure> {
    let root = workspace_root();
    let report = workspace::regenerate(&root, mode).map_err(|error| format!("error: {error}"))?;
    for spec in &report.specs {
        if !spec.diagnostics.is_empty() {
            eprint!("{}", spec.diagnostics.render());
        }
        if let Some(summary) = &spec.summary {
            println!("{summary}");
        }
        for change in &spec.changes {
            println!("  {}", describe(change, mode, &root));
        }
    }
    for orphan in &report.orphans {
        let orphan = orphan.strip_prefix(&root).unwrap_or(orphan).display();
        match mode {
            Mode::Write => println!("removed {orphan} (its spec is gone)"),
            Mode::Check => println!("  {orphan} has no spec in specs/ (would be removed)"),
        }
    }
    if report.is_clean(mode) {
        return Ok(());
    }
    let failed: Vec<&str> = report.specs.iter().filter(|spec| spec.diagnostics.has_errors()).map(|spec| spec.crate_name.as_str()).collect();
    let mut message = String::from("error: ");
    if !failed.is_empty() {
        message.push_str(&format!("not generated, the spec has errors: {}", failed.join(", ")));
    } else {
        message.push_str(&format!("generated/ is not in step with specs/; run `{REGENERATE_COMMAND}` and commit the result"));
    }
    Err(message.into())
}

fn describe(change: &Change, mode: Mode, root: &Path) -> String {
    let show = |path: &PathBuf| path.strip_prefix(root).unwrap_or(path).display().to_string();
    match (change, mode) {
        (Change::Missing(path), Mode::Write) => format!("wrote {}", show(path)),
        (Change::Stale(path), Mode::Write) => format!("updated {}", show(path)),
        (Change::Extra(path), Mode::Write) => format!("removed {}", show(path)),
        (Change::Missing(path), Mode::Check) => format!("missing: {}", show(path)),
        (Change::Stale(path), Mode::Check) => format!("stale: {}", show(path)),
        (Change::Extra(path), Mode::Check) => format!("not generated (would be removed): {}", show(path)),
    }
}

fn generate(spec: &Path, out: &Path, name: Option<String>, lenient: bool) -> Result<(), Failure> {
    let runtime = workspace_root().join("runtime");
    let runtime = runtime.canonicalize().unwrap_or(runtime);
    let options = CrateOptions {
        crate_name: name.unwrap_or_else(|| workspace::crate_name(spec)),
        spec_display: spec.display().to_string(),
        regenerate_command: format!("cargo xtask generate {} --out {}", spec.display(), out.display()),
        runtime_path: runtime.display().to_string(),
        standalone: true,
        lenient,
    };
    let started = Instant::now();
    let generated = generate_crate(spec, &options).map_err(|diagnostics| diagnostics.render().trim_end().to_owned())?;
    eprint!("{}", generated.warnings_text);
    refuse_foreign_directory(out, &options.crate_name).map_err(Failure::bad_argument)?;
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

/// Runs the whole pipeline short of writing on each spec, so that lint reports exactly what
/// generation would (the model's and emitter's findings too), and prints each spec's findings
/// and summary line.
fn lint(specs: Vec<PathBuf>, lenient: bool) -> Result<(), Failure> {
    let root = workspace_root();
    let specs = if specs.is_empty() {
        workspace::spec_files(&root.join("specs")).map_err(|error| format!("error: reading specs/: {error}"))?
    } else {
        specs
    };
    let mut failed = Vec::new();
    for spec in &specs {
        let shown = spec.strip_prefix(&root).unwrap_or(spec).display().to_string();
        let options = CrateOptions {
            crate_name: workspace::crate_name(spec),
            spec_display: shown.clone(),
            regenerate_command: REGENERATE_COMMAND.into(),
            runtime_path: "../../runtime".into(),
            standalone: false,
            lenient,
        };
        let diagnostics = match generate_crate(spec, &options) {
            Ok(generated) => generated.warnings,
            Err(diagnostics) => diagnostics,
        };
        let diagnostics = diagnostics.renamed(&spec.display().to_string(), &shown);
        if diagnostics.is_empty() {
            println!("{}", generator::Diagnostics::new(shown.clone(), "").summary());
        } else {
            eprint!("{}", diagnostics.render());
        }
        if diagnostics.has_errors() {
            failed.push(shown);
        }
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!("error: {} of {} specs have errors: {}", failed.len(), specs.len(), failed.join(", ")).into())
    }
}

/// Writing a crate removes files the generator did not produce, so it may only write into an
/// empty directory or one that holds this same crate, generated before.
fn refuse_foreign_directory(out: &Path, crate_name: &str) -> Result<(), String> {
    let is_empty = std::fs::read_dir(out).map(|mut entries| entries.next().is_none()).unwrap_or(true);
    if is_empty {
        return Ok(());
    }
    let manifest = std::fs::read_to_string(out.join("Cargo.toml")).unwrap_or_default();
    if !manifest.starts_with("# @generated") {
        return Err(format!("error: {} is not empty and holds no generated crate; choose an empty or new directory", out.display()));
    }
    // The generated manifest's first `name = "..."` line is the package's.
    let existing = manifest.lines().find_map(|line| line.strip_prefix("name = \"")?.strip_suffix('"'));
    match existing {
        Some(existing) if existing == crate_name => Ok(()),
        Some(existing) => Err(format!(
            "error: {} holds the generated crate `{existing}`, not `{crate_name}`; choose another directory, or pass `--name {existing}` to regenerate it",
            out.display()
        )),
        None => Err(format!("error: {} holds a generated crate whose name cannot be read; choose another directory", out.display())),
    }
}

fn run_corpus(dir: &Path, compile: bool, out: Option<PathBuf>) -> Result<(), Failure> {
    let root = workspace_root();
    let runtime = root.join("runtime");
    let settings = corpus::Settings {
        out_dir: out.unwrap_or_else(|| root.join("target/corpus")),
        runtime_path: runtime.canonicalize().unwrap_or(runtime),
        lock_file: Some(root.join("Cargo.lock")),
        lenient: true,
        compile,
    };
    let rows = corpus::run(dir, &settings).map_err(|error| format!("error: {error}"))?;
    for row in &rows {
        if !row.diagnostics.is_empty() {
            let errors = if matches!(row.result, corpus::Outcome::Ok) { "" } else { " (errors)" };
            eprintln!("--- {}{errors}: {} warnings (first lines below)", row.spec, row.warnings);
            for line in row.diagnostics.lines().take(12) {
                eprintln!("{line}");
            }
        }
    }
    print!("{}", corpus::table(&rows));
    let failures: Vec<&str> = rows.iter().filter(|row| row.is_failure()).map(|row| row.spec.as_str()).collect();
    if failures.is_empty() {
        Ok(())
    } else {
        Err(format!("error: panicked, failed to compile or failed clippy: {}", failures.join(", ")).into())
    }
}
