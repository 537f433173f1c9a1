//! Constructs that large public specs use and that broke generation (issue 13), each in a small
//! spec of our own in `tests/realworld/`: what the generated code holds for each, how strict
//! mode and `--lenient` treat the ones that are spec bugs, and one build of every fixture's
//! crate under `cargo clippy -- -D warnings`.

use std::path::{Path, PathBuf};
use std::process::Command;

use generator::write::{ensure_crate, Mode};
use generator::{generate_crate, CrateOptions, Generated};
use tests::workspace_root;

fn fixture(name: &str) -> PathBuf {
    workspace_root().join("tests/realworld").join(format!("{name}.yaml"))
}

fn options(name: &str, lenient: bool) -> CrateOptions {
    CrateOptions {
        crate_name: format!("{name}-client"),
        spec_display: format!("tests/realworld/{name}.yaml"),
        regenerate_command: "cargo test -p tests --test realworld".into(),
        runtime_path: workspace_root().join("runtime").display().to_string(),
        standalone: false,
        lenient,
    }
}

fn generate(name: &str, lenient: bool) -> Result<Generated, generator::Diagnostics> {
    let spec = fixture(name);
    generate_crate(&spec, &options(name, lenient)).map_err(|found| found.renamed(&spec.display().to_string(), &format!("tests/realworld/{name}.yaml")))
}

/// The `lib.rs` of a fixture that must generate in both modes (the spec is right).
fn lib_rs_in_both_modes(name: &str) -> String {
    let strict = generate(name, false).unwrap_or_else(|found| panic!("{name}: {}", found.render()));
    let lenient = generate(name, true).unwrap_or_else(|found| panic!("{name}: {}", found.render()));
    let text = |generated: &Generated| generated.files.files[Path::new("src/lib.rs")].clone();
    assert_eq!(text(&strict), text(&lenient), "{name}: a sound spec generates the same client in both modes");
    text(&strict)
}

/// The rendered errors of strict mode and the `lib.rs` and rendered warnings of `--lenient`, for
/// a fixture whose spec is wrong in a way with a sound reading.
fn strict_errors_and_lenient_client(name: &str) -> (String, String, String) {
    let errors = generate(name, false).err().unwrap_or_else(|| panic!("{name}: strict mode must refuse this spec")).render();
    let lenient = generate(name, true).unwrap_or_else(|found| panic!("{name}: {}", found.render()));
    let warnings = lenient.warnings.render();
    (errors, lenient.files.files[Path::new("src/lib.rs")].clone(), warnings)
}

fn count(text: &str, needle: &str) -> usize {
    text.matches(needle).count()
}

#[test]
fn nullable_compositions_give_one_type_per_name() {
    let lib = lib_rs_in_both_modes("nullable-compositions");
    // The component `CollaborationItem` and the nullable `allOf` of `Collaboration.item`.
    assert_eq!(count(&lib, "pub struct CollaborationItem {"), 1, "{lib}");
    assert!(lib.contains("pub item: ::std::option::Option<CollaborationItem2>,"), "{lib}");
    assert_eq!(count(&lib, "pub struct CollaborationItem2 {"), 1, "{lib}");
    assert!(lib.contains("pub shared: ::std::option::Option<bool>,"), "the allOf's own property is kept: {lib}");
    // The nullable `oneOf` of `Collaboration.owner`, beside the component `CollaborationOwner`.
    assert_eq!(count(&lib, "pub struct CollaborationOwner {"), 1, "{lib}");
    assert_eq!(count(&lib, "pub enum CollaborationOwner2 {"), 1, "{lib}");
    // A nullable `allOf` component that refers to itself: a wrapper and a finite inner type.
    assert!(lib.contains("pub struct NullableFolder(pub ::std::option::Option<NullableFolderInner>);"), "{lib}");
    assert!(lib.contains("pub parent: ::std::boxed::Box<::std::option::Option<NullableFolder>>,"), "{lib}");
    // A string enum listing `null`.
    assert!(lib.contains("pub struct Status(pub ::std::option::Option<StatusInner>);"), "{lib}");
    // `anyOf: [string, $ref]` keeps both alternatives: an id or the expanded object.
    let customer = &lib[lib.find("pub enum CollaborationCustomer {").expect("the anyOf is an enum")..];
    let customer = &customer[..customer.find('}').unwrap_or(customer.len())];
    assert!(customer.contains("String(::std::string::String),") && customer.contains("Customer(Customer),"), "{customer}");
}

#[test]
fn enum_values_of_another_type_are_errors_or_read_as_the_declared_type() {
    let (errors, lib, warnings) = strict_errors_and_lenient_client("enum-values-of-another-type");
    assert!(errors.contains("error: this enum value is a number (3), but the schema's type is `string`"), "{errors}");
    assert!(errors.contains("--> tests/realworld/enum-values-of-another-type.yaml:31:15"), "located at the value: {errors}");
    assert!(errors.contains("help: write it as the string `\"3\"`; in YAML, quote it: `'3'`"), "{errors}");
    assert!(errors.contains("help: write it as `2`, without quotes"), "{errors}");
    assert_eq!(count(&errors, "error: "), 4, "{errors}");
    assert_eq!(count(&warnings, "(--lenient: the value is read as the schema's type, as servers send it)"), 4, "{warnings}");
    for value in ["3", "1.5", "true", "high"] {
        assert!(lib.contains(&format!("=> \"{value}\",")), "{value}: {lib}");
    }
}

#[test]
fn formats_on_objects_and_arrays_do_not_matter() {
    let lib = lib_rs_in_both_modes("object-and-array-formats");
    assert!(lib.contains("pub addresses: ::std::vec::Vec<::std::net::Ipv4Addr>,"), "the items' format still counts: {lib}");
    assert!(lib.contains("pub links: ::std::collections::HashMap<"), "{lib}");
    assert!(lib.contains("pub enabled: ::std::option::Option<bool>,"), "{lib}");
}

#[test]
fn references_into_components_resolve() {
    let lib = lib_rs_in_both_modes("refs-into-components");
    // `#/components/schemas/Tag/allOf/0`, from the operation and from inside `Tag` itself.
    assert!(lib.contains("pub struct TagAllOf0 {"), "{lib}");
    assert!(lib.contains("Ok(response.json::<crate::types::TagAllOf0>()?)"), "{lib}");
    assert!(lib.contains("pub history: ::std::vec::Vec<TagAllOf0>,"), "{lib}");
    // `#/components/parameters/Color/schema` and the response's schema.
    assert!(lib.contains("pub(crate) color: Option<&'a crate::types::Color>"), "{lib}");
    assert!(lib.contains("NotFound(crate::types::Problem)"), "{lib}");
    let warnings = generate("refs-into-components", false).unwrap().warnings.render();
    assert!(!warnings.contains("never used"), "a component used through a node inside it is used: {warnings}");
}

#[test]
fn a_declared_path_parameter_the_template_lacks_is_an_error_or_left_out() {
    let (errors, lib, warnings) = strict_errors_and_lenient_client("path-parameter-not-in-template");
    assert!(errors.contains("error: path parameter `run` is declared but `/projects/{project}/runs` has no `{run}`"), "{errors}");
    assert!(errors.contains("--> tests/realworld/path-parameter-not-in-template.yaml:"), "{errors}");
    assert!(warnings.contains("(--lenient: the parameter is left out of the client, which cannot send it anywhere)"), "{warnings}");
    assert!(lib.contains("pub fn list_runs<'a>(&'a self, project: &'a str) -> requests::ListRuns<'a>"), "{lib}");
}

#[test]
fn parameter_names_that_collide_in_rust_get_distinct_names() {
    let lib = lib_rs_in_both_modes("colliding-parameter-names");
    for (argument, wire) in [("start_time", "StartTime"), ("start_time_query", "StartTime<"), ("start_time_query2", "StartTime>"), ("body_query", "body")] {
        assert!(lib.contains(&format!("pub(crate) {argument}: Option<&'a str>,")), "{argument}: {lib}");
        assert!(lib.contains(&format!("Some(value) => request.query(&[(\"{wire}\", value.to_string())]),")), "{wire}: {lib}");
    }
    assert!(lib.contains("body: &'a crate::types::SearchEventsBody,"), "{lib}");
}

#[test]
fn defaults_of_another_type_are_errors_or_read_soundly() {
    let (errors, lib, warnings) = strict_errors_and_lenient_client("default-of-another-type");
    assert!(errors.contains("error: the default is a number (5), but the schema's type is `string`"), "{errors}");
    assert!(errors.contains("at JSON pointer: /components/schemas/Job/properties/priority/default"), "{errors}");
    assert!(errors.contains("error: the default `\"medium\"` is not one of the enum's values"), "{errors}");
    assert!(errors.contains("error: the default is `null`, but the schema is not `nullable`"), "{errors}");
    assert_eq!(count(&errors, "error: "), 4, "{errors}");
    assert_eq!(count(&warnings, "(--lenient: the default is read as the schema's type)"), 2, "{warnings}");
    assert_eq!(count(&warnings, "(--lenient: the default is ignored)"), 2, "{warnings}");
    // `5` is read as "5", `'3'` as 3; the other two defaults are dropped.
    assert!(lib.contains("::std::string::String::from(\"5\")") || lib.contains("\"5\".to_string()"), "{lib}");
    assert!(lib.contains("defaults::default_u64::<i64, 3>"), "{lib}");
    assert!(!lib.contains("medium"), "{lib}");
}

#[test]
fn operations_are_emitted_without_what_clippy_warns_about() {
    let lib = lib_rs_in_both_modes("clippy-clean-operations");
    // An error enum with no variant: its `fmt` never runs and names no formatter.
    assert!(lib.contains("pub enum AddReactionError {}"), "{lib}");
    assert!(lib.contains("fn fmt(&self, _: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {\n        match *self {}"), "{lib}");
    // With only a `default` response there is no `match` on the status.
    let ping = &lib[lib.find("let Ping {").unwrap()..];
    let ping = &ping[..ping.find("\n        }\n").unwrap()];
    assert!(!ping.contains("match response.status()"), "{ping}");
    // `minLength: 0` is no check at all.
    assert!(!lib.contains("MinLength(0)") && !lib.contains("< 0usize"), "{lib}");
    // `+1` and `-1` have camel-case variant names.
    assert!(lib.contains("Self::Plus1 => \"+1\","), "{lib}");
    assert!(lib.contains("Self::Minus1 => \"-1\","), "{lib}");
    // A list item's unindented continuation is indented under it.
    assert!(lib.contains("/// *   A reaction is one of the values of the enum, which start with\n    ///     symbols or are words."), "{lib}");
    // A block quote continued on the next line, in the method's docs and the crate's list.
    assert!(lib.contains("/// > Unofficial\n    /// > Checks the service is up"), "{lib}");
    assert!(lib.contains("//! - [`Client::ping`]: `GET /ping`: > Unofficial Checks the service is up"), "{lib}");
    // A placeholder name is not an argument name.
    assert!(lib.contains("pub(crate) foo_: Option<&'a str>"), "{lib}");
    // typify's helpers for defaults, not all used: allowed there only.
    assert!(lib.contains("#[allow(dead_code)]
    pub mod defaults {"), "{lib}");
    // Success bodies that differ: the one lint allowed, on that enum only.
    assert_eq!(count(&lib, "#[allow(clippy::large_enum_variant)]"), 1, "{lib}");
    assert!(lib.contains("#[allow(clippy::large_enum_variant)]\n#[derive(Debug)]\npub enum AddReactionResponse {"), "{lib}");
}

#[test]
fn a_schema_the_type_engine_gives_up_on_is_named_with_every_warning_and_no_panic_text() {
    let output = Command::new(env!("CARGO"))
        .args(["run", "-q", "-p", "xtask", "--", "lint", "tests/malformed/type-engine-failure.yaml"])
        .current_dir(workspace_root())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("the schema that becomes the type `Sort`"), "{stderr}");
    assert!(stderr.contains("--> tests/malformed/type-engine-failure.yaml:31:5"), "located at the schema: {stderr}");
    assert!(stderr.contains("warning: property `note` has no description"), "the warnings are printed too: {stderr}");
    assert!(!stderr.contains("panicked at") && !stderr.contains("RUST_BACKTRACE"), "no panic text: {stderr}");
}

/// Every fixture's crate (leniently, where its spec is wrong), in one scratch workspace, under
/// `cargo clippy -- -D warnings`. The target directory is the one the standalone-crate test of
/// `tests/generation.rs` uses, so dependencies are built once.
#[test]
fn every_fixture_builds_clean_under_clippy_deny_warnings() {
    let scratch = tempfile::tempdir().unwrap();
    let mut names: Vec<String> = std::fs::read_dir(workspace_root().join("tests/realworld"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "yaml"))
        .map(|path| path.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 8, "one fixture per construct: {names:?}");
    let mut members = Vec::new();
    for name in &names {
        let generated = generate(name, true).unwrap_or_else(|found| panic!("{name}: {}", found.render()));
        ensure_crate(&scratch.path().join(name), &generated.files, Mode::Write).unwrap();
        members.push(format!("{name:?}"));
    }
    let manifest = format!("[workspace]\nresolver = \"2\"\nmembers = [{}]\n", members.join(", "));
    std::fs::write(scratch.path().join("Cargo.toml"), manifest).unwrap();
    std::fs::copy(workspace_root().join("Cargo.lock"), scratch.path().join("Cargo.lock")).unwrap();
    let output = Command::new(env!("CARGO"))
        .args(["clippy", "--offline", "--quiet", "--workspace", "--", "-D", "warnings"])
        .current_dir(scratch.path())
        .env("CARGO_TARGET_DIR", workspace_root().join("target/standalone"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
}

#[test]
fn a_null_member_of_a_choice_is_an_error_or_read_as_nullable() {
    let (errors, lib, warnings) = strict_errors_and_lenient_client("null-type-in-choice");
    assert!(errors.contains("error: `null` is not a schema type"), "{errors}");
    assert!(errors.contains("help: `type: null` is OpenAPI 3.1; in 3.0 mark the schema `nullable: true`"), "{errors}");
    assert!(warnings.contains("(--lenient: the member is dropped and the choice is read as `nullable: true`)"), "{warnings}");
    assert!(lib.contains("pub value: ::std::option::Option<MetadataValue>,"), "{lib}");
    let value = &lib[lib.find("pub enum MetadataValue {").expect("the choice is an enum")..];
    let value = &value[..value.find('}').unwrap_or(value.len())];
    assert!(value.contains("String(::std::string::String),") && value.contains("(f64),") && !value.contains("Null"), "{value}");
}

#[test]
fn parameters_described_by_a_media_type_are_sent_as_its_text() {
    let lib = lib_rs_in_both_modes("content-parameters");
    assert!(lib.contains("pub(crate) filter: Option<&'a crate::types::ListItemsFilter>,"), "{lib}");
    let filter = &lib[lib.find("let request = match filter {").expect("filter is sent")..];
    let filter = &filter[..filter.find("None => request,").unwrap()];
    assert!(filter.contains("client_runtime::json_text(\"filter\", value)?"), "the JSON one is JSON text: {filter}");
    assert!(lib.contains("pub(crate) search: Option<&'a str>,"), "the text one is text: {lib}");
    // A required JSON one is borrowed, so its method has the lifetime it names.
    assert!(lib.contains("pub fn search_items<'a>(\n        &'a self,\n        query: &'a crate::types::SearchItemsQuery,"), "{lib}");
}

#[test]
fn a_field_with_no_value_is_an_error_or_read_as_absent() {
    let (errors, lib, warnings) = strict_errors_and_lenient_client("empty-field");
    assert!(errors.contains("error: `schema` must be a mapping, not null (an empty value)"), "{errors}");
    assert!(errors.contains("--> tests/realworld/empty-field.yaml:19:21"), "{errors}");
    assert!(warnings.contains("(--lenient: the field is read as absent)"), "{warnings}");
    assert!(lib.contains("body: &'a crate::types::CreateItemBody,"), "{lib}");
}

#[test]
fn a_path_item_that_is_a_reference_gives_each_path_its_method() {
    let lib = lib_rs_in_both_modes("path-item-ref");
    assert!(lib.contains("pub fn get_v1_status(&self) -> requests::GetV1Status<'_>"), "{lib}");
    assert!(lib.contains("Result<String, crate::GetV1StatusError>"), "{lib}");
    assert!(lib.contains("pub fn get_v2_status(&self) -> requests::GetV2Status<'_>"), "{lib}");
    assert!(lib.contains("client_runtime::Method::GET, \"/v1/status\""), "{lib}");
    assert!(lib.contains("client_runtime::Method::GET, \"/v2/status\""), "{lib}");
}

#[test]
fn an_undefined_security_scheme_is_an_error_or_left_out() {
    let (errors, lib, warnings) = strict_errors_and_lenient_client("undefined-security-scheme");
    assert!(errors.contains("error: security scheme `api_key` is not defined"), "{errors}");
    assert!(warnings.contains("(--lenient: this alternative is left out; the client sends no credentials for it)"), "{warnings}");
    assert!(lib.contains("security: &[],"), "{lib}");
}
