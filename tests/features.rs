//! Cargo features by group of operations (`generator::features`, `gate`): a large spec's crate
//! gates each operation by its first tag (or first path segment) and each schema type by the
//! groups that reach it; a small spec's crate has no features.
//!
//! The large spec is written by the test (a few schemas, many operations in four groups) so its
//! shape is plain to see here, and it crosses `features::MIN_OPERATIONS`.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use generator::write::{ensure_crate, Mode};
use generator::{generate_crate, CrateOptions, Generated};
use tests::workspace_root;

/// Operations per tagged group; three tagged groups and one untagged cross the threshold.
const PER_GROUP: usize = 16;

/// `pets`, `stores` and `users` (tags) and `health` (no tag: its first path segment).
/// Schemas: `Pet` (pets only) refers to `PetOwner`, which refers to the enum `Species`; `UserKind` is a users query parameter; `Shared` is used by pets and stores; `Problem`
/// by every group; `Tag` by pets and by `Catalog`, a schema no operation uses.
fn large_spec() -> String {
    let mut paths = String::new();
    for (group, tag, body) in [("pets", Some("pets"), "Pet"), ("stores", Some("Stores"), "Store"), ("users", Some("users"), "User"), ("health", None, "Health")] {
        for index in 0..PER_GROUP {
            let tags = tag.map(|tag| format!("      tags: [{tag}]\n")).unwrap_or_default();
            let shared = if index == 0 && group != "users" && group != "health" {
                "        '202':\n          description: shared\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/Shared'}\n"
            } else {
                ""
            };
            let tag_response = if index == 1 && group == "pets" {
                "        '203':\n          description: tag\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/Tag'}\n"
            } else {
                ""
            };
            // A query parameter of the users whose enum is closed (typify's: no response
            // carries it) and has a value named like the stores' type (`store`, `Self::Store`).
            let parameters = if index == 0 && group == "users" {
                "      parameters:\n        - name: kind\n          in: query\n          schema: {$ref: '#/components/schemas/UserKind'}\n"
            } else {
                ""
            };
            // The pets document one more error than the others: two sets of errors, so two enums.
            let not_found = if group == "pets" { "        '404':\n          description: no such pet\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/Problem'}\n" } else { "" };
            let _ = write!(
                paths,
                "  /{group}/item{index}:\n    get:\n      operationId: get_{group}_{index}\n{tags}{parameters}      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {{$ref: '#/components/schemas/{body}'}}\n{shared}{tag_response}{not_found}        default:\n          description: problem\n          content:\n            application/json:\n              schema: {{$ref: '#/components/schemas/Problem'}}\n"
            );
        }
    }
    let object = |properties: &str| format!("      type: object\n      properties:\n{properties}");
    let schemas = [
        // A default read through typify's `defaults` module, named only in a string
        // (`#[serde(default = "defaults::...")]`), in a type of one group (`Pet` has a required
        // field, so no `impl Default`) while a type of another group (`Store`) names the module
        // in code: the module must not be gated by the second group alone.
        (
            "Pet",
            "      type: object\n      required: [name]\n      properties:\n        name: {type: string}\n        owner: {$ref: '#/components/schemas/PetOwner'}\n        vaccinated: {type: boolean, default: true}\n".to_owned(),
        ),
        ("PetOwner", object("        name: {type: string}\n        species: {$ref: '#/components/schemas/Species'}\n")),
        // Values named like another group's type (`store`, variant `Store`), in our open enum
        // `Species` and typify's closed `UserKind`: a variant is not a use of the type, so
        // `Store` stays the stores' alone.
        ("Species", "      type: string\n      enum: [cat, dog, store]\n".to_owned()),
        ("Store", object("        name: {type: string}\n        open: {type: boolean, default: true}\n")),
        ("User", object("        name: {type: string}\n")),
        ("UserKind", "      type: string\n      enum: [admin, store]\n".to_owned()),
        ("Health", object("        ok: {type: boolean}\n")),
        ("Shared", object("        note: {type: string}\n")),
        ("Problem", object("        message: {type: string}\n")),
        ("Tag", object("        label: {type: string}\n")),
        ("Catalog", object("        tags:\n          type: array\n          items: {$ref: '#/components/schemas/Tag'}\n")),
    ];
    let schemas: String = schemas.iter().map(|(name, schema)| format!("    {name}:\n{schema}")).collect();
    format!("openapi: 3.0.3\ninfo:\n  title: Grouped\n  version: '1'\npaths:\n{paths}components:\n  schemas:\n{schemas}")
}

fn generate(spec: &Path, name: &str) -> Generated {
    let options = CrateOptions {
        crate_name: name.into(),
        spec_display: spec.display().to_string(),
        regenerate_command: "cargo test -p tests --test features".into(),
        runtime_path: workspace_root().join("runtime").display().to_string(),
        standalone: true,
        lenient: false,
    };
    generate_crate(spec, &options).unwrap_or_else(|found| panic!("{}", found.render()))
}

fn large_crate(dir: &Path) -> Generated {
    let spec = dir.join("grouped.yaml");
    std::fs::write(&spec, large_spec()).unwrap();
    generate(&spec, "grouped-client")
}

fn file<'a>(generated: &'a Generated, path: &str) -> &'a str {
    &generated.files.files[Path::new(path)]
}

#[test]
fn a_large_spec_gets_one_feature_per_group_all_of_them_by_default() {
    let scratch = tempfile::tempdir().unwrap();
    let generated = large_crate(scratch.path());
    assert_eq!(generated.operations, 4 * PER_GROUP);
    let manifest = file(&generated, "Cargo.toml");
    assert!(manifest.contains("default = [\"all\"]\nall = [\"health\", \"pets\", \"stores\", \"users\"]\n"), "{manifest}");
    for feature in ["health", "pets", "stores", "users"] {
        assert!(manifest.contains(&format!("\n{feature} = []\n")), "{manifest}");
    }
    let lib = file(&generated, "src/lib.rs");
    assert!(lib.contains("//! - `stores`: 16 operations of `Stores`"), "{lib}");
    // An operation is listed in the crate's docs only when its feature is on (its link would
    // be broken otherwise).
    assert!(lib.contains("#![cfg_attr(feature = \"health\", doc = \" - [`Client::get_health_0`]: `GET /health/item0` (feature `health`)\")]\n"), "{lib}");
    // The enum three groups share names its first operation without a link: it is compiled
    // without that operation when only another group is.
    assert!(lib.contains("/// The error responses `Client::get_stores_0` documents.\n"), "{lib}");
    assert!(lib.contains("/// The error responses [`Client::get_users_0`] documents: the same as `Client::get_stores_0`'s, so the same enum.\n"), "{lib}");
    // Everything of an operation: method, builder and its impls, error enum (or alias) and its
    // impls, mock.
    assert!(lib.contains("#[cfg(feature = \"pets\")]\n    pub fn get_pets_0(&self) -> requests::GetPets0<'_> {"), "{lib}");
    assert!(lib.contains("#[cfg(feature = \"pets\")]\n    #[must_use"), "{lib}");
    assert!(lib.contains("#[cfg(feature = \"pets\")]\n    impl<'a> GetPets0<'a> {"), "{lib}");
    assert!(lib.contains("#[cfg(feature = \"pets\")]\n    client_runtime::request_builder!(GetPets0, "), "{lib}");
    assert!(lib.contains("#[cfg(feature = \"pets\")]\n#[derive(Debug)]\npub enum GetPets0Error {"), "{lib}");
    assert!(lib.contains("#[cfg(feature = \"pets\")]\nimpl client_runtime::DocumentedError for GetPets0Error {"), "{lib}");
    assert!(lib.contains("#[cfg(feature = \"pets\")]\n        pub fn get_pets_0(\n"), "{lib}");
    assert!(lib.contains("#[cfg(feature = \"pets\")]\n    impl client_runtime::mock::IntoReply for crate::GetPets0Error {"), "{lib}");
    assert!(lib.contains("#[cfg(feature = \"pets\")]\npub type GetPets1Error = GetPets0Error;"), "{lib}");
    // The error enum the other three groups share is needed by any of them.
    let others = "#[cfg(any(feature = \"health\", feature = \"stores\", feature = \"users\"))]\n";
    assert!(lib.contains(&format!("{others}#[derive(Debug)]\npub enum GetStores0Error {{")), "{lib}");
    assert!(lib.contains(&format!("{others}impl client_runtime::DocumentedError for GetStores0Error {{")), "{lib}");
    assert!(lib.contains(&format!("{others}    impl client_runtime::mock::IntoReply for crate::GetStores0Error {{")), "{lib}");
    assert!(lib.contains("#[cfg(feature = \"users\")]\npub type GetUsers0Error = GetStores0Error;"), "{lib}");
    // Types: by the groups that reach them, through `$ref`s; ungated when every group or none does.
    assert!(lib.contains("#[cfg(any(feature = \"pets\"))]\n    pub struct Pet {"), "{lib}");
    assert!(lib.contains("#[cfg(any(feature = \"pets\"))]\n    pub struct PetOwner {"), "{lib}");
    assert!(lib.contains("#[cfg(any(feature = \"pets\"))]\n    pub enum Species {"), "{lib}");
    assert!(lib.contains("#[cfg(any(feature = \"pets\"))]\n    impl ::std::fmt::Display for Species {"), "{lib}");
    assert!(lib.contains("#[cfg(any(feature = \"pets\", feature = \"stores\"))]\n    pub struct Shared {"), "{lib}");
    assert!(lib.contains("#[cfg(any(feature = \"stores\"))]\n    pub struct Store {"), "{lib}");
    assert!(lib.contains("#[cfg(any(feature = \"users\"))]\n    pub enum UserKind {"), "{lib}");
    // The gate is the last attribute, just above the item.
    for ungated in ["Problem", "Tag", "Catalog"] {
        let at = lib.find(&format!("    pub struct {ungated} {{")).unwrap_or_else(|| panic!("{ungated}: {lib}"));
        let line_above = lib[..at].trim_end().rsplit('\n').next().unwrap_or_default();
        assert!(!line_above.trim_start().starts_with("#[cfg("), "{ungated} is gated: {line_above}");
    }
    let readme = file(&generated, "README.md");
    assert!(readme.contains("default-features = false, features = [\"health\"]"), "{readme}");
}

#[test]
fn a_small_spec_gets_no_features() {
    let generated = generate(&workspace_root().join("tests/fixtures/inventory.yaml"), "inventory-client");
    let manifest = file(&generated, "Cargo.toml");
    assert!(!manifest.contains("all = ["), "{manifest}");
    let lib = file(&generated, "src/lib.rs");
    // The only feature of a small crate is `mock`.
    assert_eq!(lib.matches("#[cfg(feature = ").count(), lib.matches("#[cfg(feature = \"mock\")]").count(), "{lib}");
    assert!(!lib.contains("#[cfg(any("), "{lib}");
}

/// The one compile test: the large crate passes `cargo clippy -D warnings` with every feature
/// (and mocks), with one group, and with none; and its docs build without a broken link with
/// one group that shares an error enum with others (`users`: the enum is compiled, the method
/// it is named after is not). The target directory is the one of the other standalone-crate
/// tests, so dependencies are built once.
#[test]
fn a_grouped_crate_builds_with_all_features_one_or_none() {
    let scratch = tempfile::tempdir().unwrap();
    let generated = large_crate(scratch.path());
    let dir = scratch.path().join("grouped-client");
    ensure_crate(&dir, &generated.files, Mode::Write).unwrap();
    std::fs::copy(workspace_root().join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    for features in [&["--features", "mock"][..], &["--no-default-features", "--features", "pets,mock"], &["--no-default-features"]] {
        let output = Command::new(env!("CARGO"))
            .args(["clippy", "--offline", "--quiet"])
            .args(features)
            .args(["--", "-D", "warnings"])
            .current_dir(&dir)
            .env("CARGO_TARGET_DIR", workspace_root().join("target/standalone"))
            .output()
            .unwrap();
        assert!(output.status.success(), "{features:?}: {}", String::from_utf8_lossy(&output.stderr));
    }
    let output = Command::new(env!("CARGO"))
        .args(["doc", "--offline", "--quiet", "--no-deps", "--no-default-features", "--features", "users"])
        .current_dir(&dir)
        .env("CARGO_TARGET_DIR", workspace_root().join("target/standalone"))
        .env("RUSTDOCFLAGS", "-D warnings")
        .output()
        .unwrap();
    assert!(output.status.success(), "docs with `users` alone: {}", String::from_utf8_lossy(&output.stderr));
}
