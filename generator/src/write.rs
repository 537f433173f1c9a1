//! Stage 6: lay out a client crate's files, then write them or check them.
//!
//! One function, [`ensure_crate`], does both: in check mode it compares instead of writing, so
//! the checker can never disagree with the writer.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};

use crate::emit::types::TypeFacts;
use crate::model::{Api, SchemeKind};

/// The `client-runtime` version generated crates ask for: the generated code needs this
/// runtime's API (a test checks it against `runtime/Cargo.toml`).
pub const RUNTIME_VERSION: &str = "0.1";

/// How the crate is named and where it comes from.
#[derive(Clone, Debug)]
pub struct CrateOptions {
    /// The package name, e.g. `nsx-client`.
    pub crate_name: String,
    /// The spec as named in headers and docs, e.g. `specs/nsx.yaml`.
    pub spec_display: String,
    /// The command that regenerates the crate, named in every file's header.
    pub regenerate_command: String,
    /// The path of the `client-runtime` crate, as written into `Cargo.toml`.
    pub runtime_path: String,
    /// Adds an empty `[workspace]` so the crate builds on its own wherever it is written.
    pub standalone: bool,
    /// Works around spec bugs that have a sound fallback, reporting them as warnings.
    pub lenient: bool,
}

impl CrateOptions {
    /// The first line of every generated file (without a comment marker).
    pub fn header_text(&self) -> String {
        format!(
            "@generated from {} by `{}`. Do not edit by hand: change the spec or the generator and regenerate.",
            self.spec_display, self.regenerate_command
        )
    }

    /// The header as Rust comments.
    pub fn header(&self) -> String {
        format!("// {}\n", self.header_text())
    }

    /// The crate's library name (`nsx_client`).
    pub fn library_name(&self) -> String {
        self.crate_name.replace('-', "_")
    }
}

/// A crate's files: path relative to the crate root, and contents.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CrateFiles {
    /// Files in path order.
    pub files: BTreeMap<PathBuf, String>,
}

impl CrateFiles {
    /// Total lines of Rust in the crate.
    pub fn rust_lines(&self) -> usize {
        self.files
            .iter()
            .filter(|(path, _)| path.extension().is_some_and(|extension| extension == "rs"))
            .map(|(_, text)| text.lines().count())
            .sum()
    }
}

/// Lays out `Cargo.toml`, `README.md` and `src/lib.rs`.
pub fn crate_files(api: &Api, lib_rs: String, types: &TypeFacts, options: &CrateOptions) -> CrateFiles {
    let mut files = BTreeMap::new();
    files.insert(PathBuf::from("Cargo.toml"), cargo_toml(api, types, options));
    files.insert(PathBuf::from("README.md"), readme(api, options));
    files.insert(PathBuf::from("src/lib.rs"), lib_rs);
    CrateFiles { files }
}

fn cargo_toml(api: &Api, types: &TypeFacts, options: &CrateOptions) -> String {
    let mut text = format!("# {}\n", options.header_text());
    let description = format!("Typed client for {} (API version {}), generated from {}.", api.title, api.api_version, options.spec_display);
    let _ = write!(
        text,
        r#"[package]
name = "{name}"
version = "0.1.0"
edition = "2021"
description = {description:?}
publish = false

[lib]
# Spec descriptions are prose, not Rust: never run them as doctests.
doctest = false

[features]
# Typed mocks for the tests of code that uses this client: `mock::MockServer`.
mock = ["client-runtime/mock"]
{groups}
[dependencies]
# By version for a build outside this workspace (from a registry), by path inside it.
client-runtime = {{ version = "{runtime_version}", path = {runtime:?} }}
serde = {{ version = "1", features = ["derive"] }}
serde_json = "1"
"#,
        name = options.crate_name,
        runtime = options.runtime_path,
        runtime_version = RUNTIME_VERSION,
        groups = group_features(api),
    );
    if types.uses_chrono {
        text.push_str("chrono = { version = \"0.4\", default-features = false, features = [\"serde\", \"std\"] }\n");
    }
    if types.uses_uuid {
        text.push_str("uuid = { version = \"1\", features = [\"serde\"] }\n");
    }
    if types.uses_regress {
        text.push_str("regress = \"0.10\"\n");
    }
    if options.standalone {
        text.push_str("\n# Written outside a workspace: build this crate on its own.\n[workspace]\n");
    }
    text
}

/// The features of a crate whose operations are grouped (see `crate::features`), or nothing.
fn group_features(api: &Api) -> String {
    if api.features.is_empty() {
        return String::new();
    }
    let quoted: Vec<String> = api.features.iter().map(|feature| format!("{feature:?}")).collect();
    let mut text = format!(
        "# One feature per group of operations (tag or first path segment); `all` is every group.\n\
         # Build only what you use: `default-features = false, features = [\"<group>\"]`.\n\
         default = [\"all\"]\nall = [{}]\n",
        quoted.join(", ")
    );
    for feature in &api.features {
        let _ = writeln!(text, "{feature} = []");
    }
    text
}

fn readme(api: &Api, options: &CrateOptions) -> String {
    let library = options.library_name();
    let mut text = format!("<!-- {} -->\n\n# {}\n\n", options.header_text(), options.crate_name);
    let _ = writeln!(text, "A typed async client for **{}** (API version `{}`), generated from `{}`.\n", api.title, api.api_version, options.spec_display);
    if let Some(description) = &api.description {
        let _ = writeln!(text, "{}\n", description.trim());
    }
    let base = api.servers.first().map_or("https://api.example.com".to_owned(), |server| {
        server.variables.iter().fold(server.url.clone(), |url, (name, _, default, _)| url.replace(&format!("{{{name}}}"), default))
    });
    let auth = api.schemes.first().map(|scheme| match scheme.kind {
        SchemeKind::Basic => format!("\n    .{}(\"admin\", \"password\")", scheme.method),
        _ => format!("\n    .{}(\"token\")", scheme.method),
    });
    let _ = writeln!(
        text,
        "## Use\n\n```toml\n[dependencies]\n{} = {{ path = \"...\" }}\n```\n\n```rust,ignore\nlet client = {library}::Client::builder(\"{base}\"){}\n    .timeout(std::time::Duration::from_secs(30))\n    .build()?;\n```\n",
        options.crate_name,
        auth.unwrap_or_default()
    );
    if !api.schemes.is_empty() {
        text.push_str("## Authentication\n\n| builder method | scheme | how it is sent |\n| --- | --- | --- |\n");
        for scheme in &api.schemes {
            let how = match &scheme.kind {
                SchemeKind::Basic => "`Authorization: Basic base64(user:password)`".to_owned(),
                SchemeKind::Bearer => "`Authorization: Bearer <token>`".to_owned(),
                SchemeKind::Header { name, prefix: Some(prefix) } => format!("`{name}: {prefix} <token>`"),
                SchemeKind::Header { name, prefix: None } => format!("`{name}: <token>`"),
                SchemeKind::Query { name } => format!("query parameter `{name}`"),
                SchemeKind::Cookie { name } => format!("cookie `{name}`"),
            };
            let _ = writeln!(text, "| `{}` | `{}` | {how} |", scheme.method, scheme.key);
        }
        text.push('\n');
    }
    if !api.features.is_empty() {
        let _ = writeln!(
            text,
            "## Cargo features\n\nOne feature per group of operations (tag, or first path segment); `all` (the default) is every group. \
             To compile only what you use:\n\n```toml\n[dependencies]\n{} = {{ path = \"...\", default-features = false, features = [\"{}\"] }}\n```\n\n\
             Features: {}.\n",
            options.crate_name,
            api.features[0],
            api.features.iter().map(|feature| format!("`{feature}`")).collect::<Vec<_>>().join(", ")
        );
    }
    text.push_str("## Operations\n\n| method | request | summary | documented errors |\n| --- | --- | --- | --- |\n");
    for operation in &api.operations {
        let errors: Vec<String> = operation.errors.iter().map(|outcome| format!("`{}`", outcome.variant)).collect();
        let deprecated = if operation.deprecated { " (deprecated)" } else { "" };
        let _ = writeln!(
            text,
            "| `{}` | `{} {}` | {}{deprecated} | {} |",
            operation.method_name,
            operation.http_method,
            operation.path.replace('|', "\\|"),
            operation.summary.as_deref().unwrap_or("").trim().replace('|', "\\|"),
            errors.join(", ")
        );
    }
    text
}

/// What [`ensure_crate`] did or, in check mode, found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// The file did not exist (written, or missing in check mode).
    Missing(PathBuf),
    /// The file's contents differed (rewritten, or stale in check mode).
    Stale(PathBuf),
    /// The file is not produced by the generator (removed, or extra in check mode).
    Extra(PathBuf),
}

/// Whether [`ensure_crate`] writes or only compares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Bring the directory in line with the files.
    Write,
    /// Change nothing; report what differs.
    Check,
}

/// Makes the directory `dir` hold exactly `files` (in [`Mode::Write`]), or reports how it
/// differs (in [`Mode::Check`]). A `target/` directory inside it is left alone.
pub fn ensure_crate(dir: &Path, files: &CrateFiles, mode: Mode) -> io::Result<Vec<Change>> {
    let mut changes = Vec::new();
    for (relative, contents) in &files.files {
        let path = dir.join(relative);
        match std::fs::read(&path) {
            Ok(existing) if existing == contents.as_bytes() => continue,
            Ok(_) => changes.push(Change::Stale(path.clone())),
            Err(error) if error.kind() == io::ErrorKind::NotFound => changes.push(Change::Missing(path.clone())),
            Err(error) => return Err(error),
        }
        if mode == Mode::Write {
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(&path, contents)?;
        }
    }
    for existing in list_files(dir)? {
        let relative = existing.strip_prefix(dir).unwrap_or(&existing).to_path_buf();
        if !files.files.contains_key(&relative) {
            if mode == Mode::Write {
                std::fs::remove_file(&existing)?;
            }
            changes.push(Change::Extra(existing));
        }
    }
    Ok(changes)
}

fn list_files(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(found),
        Err(error) => return Err(error),
    };
    for entry in entries {
        let entry = entry?;
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            if entry.file_name() != "target" {
                found.extend(list_files(&path)?);
            }
        } else {
            found.push(path);
        }
    }
    found.sort();
    Ok(found)
}
