//! The generator on the five hand-written specs: they lint clean, the generated crates match
//! their reviewed snapshots and the checked-in `generated/`, output is deterministic, the
//! staleness check names what was edited by hand, and a crate generated outside the workspace
//! builds where it was written.

use std::path::{Path, PathBuf};
use std::process::Command;

use generator::workspace::{self, REGENERATE_COMMAND};
use generator::write::{ensure_crate, Change, Mode};
use generator::{generate_crate, CrateOptions, Generated};
use tests::{fixture_specs, specs, workspace_root};

fn workspace_options(spec: &Path) -> CrateOptions {
    CrateOptions {
        crate_name: workspace::crate_name(spec),
        spec_display: format!("specs/{}", spec.file_name().unwrap().to_string_lossy()),
        regenerate_command: REGENERATE_COMMAND.into(),
        runtime_path: "../../runtime".into(),
        standalone: false,
        lenient: false,
    }
}

fn generate(spec: &Path) -> Generated {
    match generate_crate(spec, &workspace_options(spec)) {
        Ok(generated) => generated,
        Err(diagnostics) => panic!("{}", diagnostics.render()),
    }
}

#[test]
fn every_spec_lints_with_no_errors_and_no_warnings() {
    for spec in specs() {
        let generated = generate(&spec);
        assert!(generated.warnings.is_empty(), "{}", generated.warnings.render());
        assert!(generated.operations >= 1, "{}: no operations", spec.display());
    }
}

/// One snapshot per generated file, named `<crate>__<file>`; a snapshot nobody references any
/// more fails the test, so deleted cases leave nothing behind.
#[test]
fn generated_files_match_their_reviewed_snapshots() {
    let mut expected = Vec::new();
    for spec in specs() {
        let generated = generate(&spec);
        let crate_name = workspace::crate_name(&spec);
        for (path, text) in &generated.files.files {
            let name = format!("{crate_name}__{}", path.display().to_string().replace('/', "-"));
            insta::assert_snapshot!(name.clone(), text);
            expected.push(format!("generation__{name}.snap"));
        }
    }
    let snapshot_dir = workspace_root().join("tests/snapshots");
    let orphans: Vec<String> = std::fs::read_dir(&snapshot_dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("generation__") && name.ends_with(".snap") && !expected.contains(name))
        .collect();
    assert!(orphans.is_empty(), "snapshots no test produces any more (delete them): {orphans:?}");
}

#[test]
fn generating_twice_gives_identical_bytes() {
    for spec in specs() {
        assert_eq!(generate(&spec).files, generate(&spec).files, "{}", spec.display());
    }
}

#[test]
fn every_generated_file_starts_with_the_generated_header() {
    for spec in specs() {
        for (path, text) in generate(&spec).files.files {
            let first = text.lines().next().unwrap_or_default();
            assert!(first.contains("@generated from specs/"), "{}: {first}", path.display());
            assert!(first.contains("`cargo xtask regenerate`"), "{}: {first}", path.display());
        }
    }
}

#[test]
fn the_checked_in_clients_are_in_step_with_the_specs() {
    let report = workspace::regenerate(&workspace_root(), Mode::Check).unwrap();
    let stale: Vec<_> = report.specs.iter().flat_map(|spec| &spec.changes).collect();
    assert!(report.is_clean(Mode::Check), "run `cargo xtask regenerate`: {stale:?} {:?}", report.orphans);
    assert_eq!(report.specs.len(), specs().len() + fixture_specs().len());
}

/// The fixture crates are workspace members like the others, so clippy (`-D warnings`) and the
/// tests compile them; here they must lint clean too.
#[test]
fn the_fixture_specs_lint_with_no_errors_and_no_warnings() {
    assert!(!fixture_specs().is_empty(), "expected tests/fixtures/*.yaml");
    for spec in fixture_specs() {
        let generated = generate(&spec);
        assert!(generated.warnings.is_empty(), "{}", generated.warnings.render());
    }
}

/// A scratch copy of `specs/` and `generated/` to edit without touching the real ones.
fn scratch_workspace() -> tempfile::TempDir {
    let scratch = tempfile::tempdir().unwrap();
    for spec in specs() {
        let target = scratch.path().join("specs").join(spec.file_name().unwrap());
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(&spec, target).unwrap();
    }
    let report = workspace::regenerate(scratch.path(), Mode::Write).unwrap();
    assert!(report.is_clean(Mode::Write));
    scratch
}

#[test]
fn the_check_names_every_hand_edited_missing_or_extra_file_and_regenerate_repairs_them() {
    let scratch = scratch_workspace();
    let root = scratch.path();
    let edited = root.join("generated/nsx-client/src/lib.rs");
    let removed = root.join("generated/vrni-client/README.md");
    let extra = root.join("generated/vcd-client/src/extra.rs");
    let mut text = std::fs::read_to_string(&edited).unwrap();
    text.push_str("// a hand edit\n");
    std::fs::write(&edited, text).unwrap();
    std::fs::remove_file(&removed).unwrap();
    std::fs::write(&extra, "// stray\n").unwrap();
    std::fs::create_dir_all(root.join("generated/gone-client")).unwrap();

    let report = workspace::regenerate(root, Mode::Check).unwrap();
    assert!(!report.is_clean(Mode::Check));
    let mut changes: Vec<&Change> = report.specs.iter().flat_map(|spec| &spec.changes).collect();
    changes.sort_by_key(|change| format!("{change:?}"));
    assert_eq!(changes, vec![&Change::Extra(extra.clone()), &Change::Missing(removed.clone()), &Change::Stale(edited.clone())]);
    assert_eq!(report.orphans, vec![root.join("generated/gone-client")]);
    // Check mode wrote nothing.
    assert!(!removed.exists() && extra.exists());

    let report = workspace::regenerate(root, Mode::Write).unwrap();
    assert!(report.is_clean(Mode::Write));
    let report = workspace::regenerate(root, Mode::Check).unwrap();
    assert!(report.is_clean(Mode::Check), "{report:?}");
    assert!(removed.exists() && !extra.exists() && !root.join("generated/gone-client").exists());
}

#[test]
fn a_spec_with_errors_keeps_its_old_crate_and_fails_the_run() {
    let scratch = scratch_workspace();
    let root = scratch.path();
    std::fs::write(root.join("specs/nsx.yaml"), "openapi: 3.0.3\ninfo: [not, a, mapping]\npaths: {}\n").unwrap();
    let report = workspace::regenerate(root, Mode::Write).unwrap();
    assert!(!report.is_clean(Mode::Write));
    let nsx = report.specs.iter().find(|spec| spec.crate_name == "nsx-client").unwrap();
    let rendered = nsx.diagnostics.render();
    assert!(rendered.contains("specs/nsx.yaml:2:1"), "{rendered}");
    assert!(rendered.contains("/info"), "{rendered}");
    assert!(root.join("generated/nsx-client/src/lib.rs").exists());
}

/// `cargo xtask generate` writes a crate with an empty `[workspace]` and an absolute path to the
/// runtime; it must build on its own. Dependencies come from the workspace's lock file and
/// cache, so this needs no network.
#[test]
fn a_crate_generated_outside_the_workspace_builds_where_it_was_written() {
    let out = tempfile::tempdir().unwrap();
    let spec = workspace_root().join("specs/vrni.yaml");
    let runtime = workspace_root().join("runtime");
    let options = CrateOptions {
        crate_name: "standalone-vrni".into(),
        spec_display: spec.display().to_string(),
        regenerate_command: "cargo xtask generate specs/vrni.yaml --out <dir>".into(),
        runtime_path: runtime.display().to_string(),
        standalone: true,
        lenient: false,
    };
    let generated = generate_crate(&spec, &options).unwrap_or_else(|diagnostics| panic!("{}", diagnostics.render()));
    ensure_crate(out.path(), &generated.files, Mode::Write).unwrap();
    std::fs::copy(workspace_root().join("Cargo.lock"), out.path().join("Cargo.lock")).unwrap();
    let target: PathBuf = workspace_root().join("target/standalone");
    let output = Command::new(env!("CARGO"))
        .args(["check", "--offline", "--quiet"])
        .current_dir(out.path())
        .env("CARGO_TARGET_DIR", &target)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
}

/// Vendors publish path templates with a regex in them (`{id:regex}`); the specs in `specs/`
/// write `{id}` and a `pattern` instead (so that every OpenAPI tool reads them), but the
/// generator still reads the vendor form: the parameter is the name before the colon, the
/// request path has the value alone, and the value is checked against the whole regex before
/// anything is sent.
#[test]
fn a_regex_in_a_path_template_names_the_parameter_and_checks_its_values() {
    let spec = workspace_root().join("tests/fixtures/regex-path-template.yaml");
    let generated = generate(&spec);
    assert!(generated.warnings.is_empty(), "{}", generated.warnings.render());
    assert_eq!(generated.operations, 2);
    let lib = &generated.files.files[Path::new("src/lib.rs")];

    // Compared without white space: the formatter's line breaks are not the point.
    let lib: String = lib.split_whitespace().collect();
    let check = r#"client_runtime::Constraint::FullMatch("((?!provider|current).)*").check("id",id)?;"#;
    let path = r#"format!("/sessions/{}/token",client_runtime::PathSegment(id))"#;
    let (check_at, path_at) = (lib.find(check), lib.find(path));
    assert!(check_at.is_some() && path_at.is_some(), "the check or the plain path is missing:\n{lib}");
    assert!(check_at < path_at, "the value is checked before the request is built:\n{lib}");
    // The template's regex and the same regex anchored as the schema's `pattern` are checked once.
    assert_eq!(lib.matches("client_runtime::Constraint::").count(), 2, "{lib}");
    assert!(lib.contains(r#"client_runtime::Constraint::FullMatch("[a-z]+").check("name",name)"#), "{lib}");
    assert!(lib.contains(r#"format!("/owners/{}",client_runtime::PathSegment(name))"#), "{lib}");

    // What the emitted check does with values (the runtime's `FullMatch`, as emitted above).
    let constraint = || client_runtime::Constraint::FullMatch("((?!provider|current).)*");
    for refused in ["provider", "current", "my-provider-1"] {
        assert!(constraint().check("id", refused).is_err(), "{refused} passed");
    }
    assert!(constraint().check("id", "urn:vcloud:session:1").is_ok());
}

/// `client-runtime` is published on its own and generated crates depend on it by version (and
/// path in the workspace): `cargo package` of both, verified (each built from its packaged
/// sources, the runtime from a local overlay registry), must succeed.
#[test]
#[ignore = "slow: builds the packaged crates from scratch; run with `cargo test -p tests --test generation -- --ignored`"]
fn the_runtime_and_a_generated_crate_package_and_build_from_their_packages() {
    let target: PathBuf = workspace_root().join("target/package-check");
    // cargo extracts the packaged runtime into `$CARGO_HOME/registry/src/<overlay>/` and, like
    // any registry crate, never extracts the same name and version again: a later run would
    // verify `nsx-client` against the runtime packaged by an earlier one. So the packaging runs
    // with a CARGO_HOME of its own, sharing the real one's index and downloaded crates.
    let home = tempfile::tempdir().unwrap();
    isolate_cargo_home(home.path());
    let output = Command::new(env!("CARGO"))
        .args(["package", "-p", "client-runtime", "-p", "nsx-client", "--allow-dirty", "--offline"])
        .current_dir(workspace_root())
        .env("CARGO_TARGET_DIR", &target)
        .env("CARGO_HOME", home.path())
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
}

#[test]
fn generated_crates_ask_for_the_runtime_version_in_the_workspace() {
    let manifest = std::fs::read_to_string(workspace_root().join("runtime/Cargo.toml")).unwrap();
    let version = manifest.lines().find_map(|line| line.strip_prefix("version = ")).unwrap().trim_matches('"');
    assert!(
        version.starts_with(&format!("{}.", generator::write::RUNTIME_VERSION)),
        "runtime {version} does not satisfy the generated requirement {}",
        generator::write::RUNTIME_VERSION
    );
}

/// Makes `home` a CARGO_HOME with the real one's registry index and downloaded crates (linked)
/// and configuration (copied), but nothing extracted.
fn isolate_cargo_home(home: &Path) {
    let real = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(std::env::var_os("HOME").expect("HOME is set")).join(".cargo"));
    std::fs::create_dir_all(home.join("registry")).unwrap();
    for part in ["index", "cache"] {
        let source = real.join("registry").join(part);
        if source.exists() {
            #[cfg(unix)]
            std::os::unix::fs::symlink(&source, home.join("registry").join(part)).unwrap();
            #[cfg(not(unix))]
            std::os::windows::fs::symlink_dir(&source, home.join("registry").join(part)).unwrap();
        }
    }
    for config in ["config.toml", "config", "credentials.toml"] {
        if real.join(config).exists() {
            std::fs::copy(real.join(config), home.join(config)).unwrap();
        }
    }
}
