//! Real public specs by other authors (`../shared/corpus/`, kept unchanged): every one
//! generates, leniently where the spec itself is broken, and the workarounds are reported as
//! located warnings. Compiling the crates is `cargo xtask corpus ../shared/corpus --compile`.
//!
//! The specs are not part of this repository, so these tests are opt-in: run them with
//! `cargo test --workspace -- --ignored` (`.ci/run` does). They find the corpus through
//! `OPENAPI_SHARED_DIR` (default `../shared`), see `tests::shared_dir`.

use std::path::{Path, PathBuf};

use generator::{generate_crate, CrateOptions, Generated};
use tests::{shared_dir, workspace_root};

fn corpus() -> PathBuf {
    shared_dir("corpus")
}

fn generate(name: &str, lenient: bool) -> Result<Generated, generator::Diagnostics> {
    let spec = corpus().join(name);
    assert!(spec.exists(), "{} is missing", spec.display());
    let options = CrateOptions {
        crate_name: generator::workspace::crate_name(&spec),
        spec_display: format!("corpus/{name}"),
        regenerate_command: "cargo xtask corpus ../shared/corpus".into(),
        runtime_path: workspace_root().join("runtime").display().to_string(),
        standalone: true,
        lenient,
    };
    generate_crate(Path::new(&spec), &options)
}

fn lib_rs(generated: &Generated) -> &str {
    &generated.files.files[Path::new("src/lib.rs")]
}

#[test]
#[ignore = "reads the public specs in ../shared/corpus (or $OPENAPI_SHARED_DIR/corpus); run with cargo test --workspace -- --ignored"]
fn every_corpus_spec_generates_leniently_with_every_operation() {
    let expected = [
        ("api.github.com.json", 767),
        ("buildomat.json", 21),
        ("intercom-2.11.yaml", 108),
        ("keeper.json", 6),
        ("nexus.json", 193),
        ("propolis-server.json", 7),
        ("spotify.yml", 97),
        ("twilio_oauth_v1.yaml", 2),
    ];
    let found: Vec<String> = generator::workspace::spec_files(&corpus()).unwrap().iter().map(|path| path.file_name().unwrap().to_string_lossy().into_owned()).collect();
    assert_eq!(found, expected.map(|(name, _)| name.to_owned()), "the corpus changed; update this test");
    for (name, operations) in expected {
        let generated = generate(name, true).unwrap_or_else(|diagnostics| panic!("{name}: {}", diagnostics.render()));
        assert_eq!(generated.operations, operations, "{name}");
        // Every operation is a method on `Client` returning a request builder with one `send`.
        assert_eq!(lib_rs(&generated).matches("pub fn send(self)").count(), operations, "{name}: every operation is a method");
    }
}

#[test]
#[ignore = "reads the public specs in ../shared/corpus (or $OPENAPI_SHARED_DIR/corpus); run with cargo test --workspace -- --ignored"]
fn spec_bugs_are_errors_by_default_and_located_warnings_when_lenient() {
    // Intercom refers to a schema that does not exist.
    let strict = generate("intercom-2.11.yaml", false).unwrap_err().render();
    assert!(strict.contains("`#/components/schemas/custom_attributes` points at nothing"), "{strict}");
    assert!(strict.contains("corpus/intercom-2.11.yaml:"), "the error is located: {strict}");
    let lenient = generate("intercom-2.11.yaml", true).unwrap().warnings.render();
    assert!(lenient.contains("points at nothing in this document (--lenient: an untyped JSON value stands in its place)"), "{lenient}");

    // buildomat has an operation without responses; GitHub has arrays without `items`.
    let buildomat = generate("buildomat.json", true).unwrap();
    assert!(buildomat.warnings.render().contains("the operation documents no response (--lenient: any 2xx response is returned as raw bytes)"));
    assert!(generate("buildomat.json", false).is_err());
    let github = generate("api.github.com.json", true).unwrap();
    assert!(github.warnings.render().contains("has no `items`, so its elements have no type (--lenient: its elements are untyped JSON values)"));
}

#[test]
#[ignore = "reads the public specs in ../shared/corpus (or $OPENAPI_SHARED_DIR/corpus); run with cargo test --workspace -- --ignored"]
fn colliding_enum_values_and_type_names_get_distinct_rust_names() {
    let intercom = generate("intercom-2.11.yaml", true).unwrap();
    let text = lib_rs(&intercom);
    // `=`, `!=`, `<`, ... have no letters: their variants are named after the symbols.
    assert!(text.contains("extern crate self as this_client;"));
    assert!(text.contains("#[serde(rename = \"!=\")]\n        NotEq,"), "operator enum not named by symbol");
    // `ticket.type` would be `TicketType`, like the `ticket_type` component.
    assert_eq!(text.matches("pub struct TicketType {").count() + text.matches("pub enum TicketType {").count(), 1);
}
