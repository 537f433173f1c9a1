//! Inputs as vendors publish them: Swagger 2.0, OpenAPI 3.1, and specs spread over many files.
//!
//! - the fixtures in `tests/formats/` (one construct or keyword each, small) are read by the
//!   input stage and the upgraded document is checked node by node, then generated and the
//!   client checked for what each construct must become;
//! - every case in `tests/formats/broken/` (a file, or a folder holding `openapi.yaml`) gives
//!   located diagnostics matching its reviewed snapshot (`formats__<case>.snap`); `warning-*`
//!   cases give warnings and a client;
//! - the fixtures' crates build and pass clippy on their own;
//! - opt-in: every spec in `../shared/formats/` generates with one method per operation.

use std::path::{Path, PathBuf};
use std::process::Command;

use generator::input;
use generator::write::{ensure_crate, Mode};
use generator::{generate_crate, CrateOptions, Diagnostics, Generated};
use serde_json::{json, Value};
use tests::{shared_dir, workspace_root};

fn fixture(name: &str) -> PathBuf {
    workspace_root().join("tests/formats").join(name)
}

fn options(spec: &Path) -> CrateOptions {
    CrateOptions {
        crate_name: generator::workspace::crate_name(spec),
        spec_display: spec.display().to_string(),
        regenerate_command: "cargo xtask generate".into(),
        runtime_path: workspace_root().join("runtime").display().to_string(),
        standalone: true,
        lenient: false,
    }
}

fn generate(spec: &Path) -> Generated {
    generate_crate(spec, &options(spec)).unwrap_or_else(|diagnostics| panic!("{}", diagnostics.render()))
}

fn lib_rs(generated: &Generated) -> &str {
    &generated.files.files[Path::new("src/lib.rs")]
}

/// The upgraded, bundled document the rest of the pipeline reads.
fn upgraded(spec: &Path) -> Value {
    input::load(spec).unwrap_or_else(|diagnostics| panic!("{}", diagnostics.render())).value
}

fn at<'a>(document: &'a Value, pointer: &str) -> &'a Value {
    document.pointer(pointer).unwrap_or_else(|| panic!("no node at {pointer} in {document:#}"))
}

#[test]
fn swagger2_constructs_become_their_openapi3_forms() {
    let document = upgraded(&fixture("swagger2-petstore.yaml"));
    assert_eq!(at(&document, "/openapi"), "3.0.3");
    assert!(document.get("swagger").is_none() && document.get("definitions").is_none());
    // host + basePath + schemes: https first, whatever order `schemes` lists.
    assert_eq!(at(&document, "/servers"), &json!([{ "url": "https://pets.example.com/v1" }, { "url": "http://pets.example.com/v1" }]));
    // definitions, with x-nullable.
    assert_eq!(at(&document, "/components/schemas/NewPet/properties/tag/nullable"), true);
    assert!(document.pointer("/components/schemas/NewPet/properties/tag/x-nullable").is_none());
    assert_eq!(at(&document, "/components/schemas/Pet/allOf/0/$ref"), "#/components/schemas/NewPet");
    // securityDefinitions: basic, apiKey, oauth2 (accessCode).
    assert_eq!(at(&document, "/components/securitySchemes/basic"), &json!({ "type": "http", "scheme": "basic", "description": "User name and password." }));
    assert_eq!(at(&document, "/components/securitySchemes/token/in"), "header");
    assert_eq!(at(&document, "/components/securitySchemes/oauth/flows/authorizationCode/tokenUrl"), "https://pets.example.com/oauth/token");
    // Top-level parameters: a body one becomes a request body, the others stay parameters.
    assert_eq!(at(&document, "/components/parameters/traceId/schema"), &json!({ "type": "string" }));
    assert_eq!(at(&document, "/components/requestBodies/newPet/required"), true);
    assert_eq!(at(&document, "/paths/~1pets/post/requestBody/$ref"), "#/components/requestBodies/newPet");
    assert_eq!(at(&document, "/paths/~1pets/get/parameters/0/$ref"), "#/components/parameters/traceId");
    // collectionFormat: csv, multi, ssv, pipes.
    let styles: Vec<(&Value, &Value)> =
        (1..=4).map(|index| (at(&document, &format!("/paths/~1pets/get/parameters/{index}/style")), at(&document, &format!("/paths/~1pets/get/parameters/{index}/explode")))).collect();
    assert_eq!(styles, [(&json!("form"), &json!(false)), (&json!("form"), &json!(true)), (&json!("spaceDelimited"), &json!(false)), (&json!("pipeDelimited"), &json!(false))]);
    assert_eq!(at(&document, "/paths/~1pets/get/parameters/5/schema/default"), 20);
    // A response with a schema: content per `produces`, with its example and headers.
    assert_eq!(at(&document, "/paths/~1pets/get/responses/200/content/application~1json/example/0/name"), "Rex");
    assert_eq!(at(&document, "/paths/~1pets/get/responses/200/headers/X-Total/schema/type"), "integer");
    // A response without a schema has no content.
    assert!(document.pointer("/paths/~1pets~1{petId:[0-9]+}/delete/responses/204/content").is_none());
    // Operation-level consumes override the global ones.
    let media: Vec<&String> = at(&document, "/components/requestBodies/newPet/content").as_object().unwrap().keys().collect();
    assert_eq!(media, ["application/json"], "a top-level body parameter takes the global consumes");
    // formData: a file field makes the body multipart; plain fields make it urlencoded.
    let photo = at(&document, "/paths/~1pets~1{petId}~1photo/post/requestBody/content/multipart~1form-data/schema");
    assert_eq!(photo["properties"]["photo"], json!({ "type": "string", "format": "binary", "description": "The photo." }));
    assert_eq!(photo["required"], json!(["photo"]));
    assert!(document.pointer("/paths/~1pets~1{petId}~1rename/post/requestBody/content/application~1x-www-form-urlencoded/schema/properties/name").is_some());
    // The path-level parameter keeps its place; the regex template is kept as written.
    assert_eq!(at(&document, "/paths/~1pets~1{petId:[0-9]+}/parameters/0/schema"), &json!({ "type": "integer", "format": "int64" }));
    // A `$ref` to a top-level response.
    assert_eq!(at(&document, "/paths/~1pets~1{petId:[0-9]+}/get/responses/404/$ref"), "#/components/responses/NotFound");
}

#[test]
fn swagger2_constructs_without_an_exact_openapi3_form_are_approximated_as_their_warnings_say() {
    let document = upgraded(&fixture("broken/warning-swagger2.yaml"));
    // `wss` is left out of the servers; `tsv` is sent comma-separated.
    assert_eq!(at(&document, "/servers"), &json!([{ "url": "https://example.com" }]));
    let ids = at(&document, "/paths/~1things/get/parameters/0");
    assert_eq!((&ids["style"], &ids["explode"]), (&json!("form"), &json!(false)));
    assert!(document.pointer("/paths/~1things/get/schemes").is_none());
}

#[test]
fn a_swagger2_spec_generates_a_client_with_every_construct() {
    let generated = generate(&fixture("swagger2-petstore.yaml"));
    assert!(generated.warnings.is_empty(), "{}", generated.warnings.render());
    assert_eq!(generated.operations, 6);
    let text = lib_rs(&generated);
    assert_eq!(text.matches("pub fn send(self)").count(), 6);
    assert!(text.contains(r#"pub const SERVER_URL: &str = "https://pets.example.com/v1";"#));
    // securityDefinitions become builder methods.
    for method in ["pub fn basic(self, username: &str", "pub fn token(self, token", "pub fn oauth(self, token"] {
        assert!(text.contains(method), "missing {method}");
    }
    // collectionFormat as the runtime's styles.
    assert!(text.contains("client_runtime::Style::SpaceDelimited") && text.contains("client_runtime::Style::PipeDelimited"));
    // formData as multipart and urlencoded bodies; x-nullable as an Option.
    assert!(text.contains("client_runtime::multipart_body(body)"));
    assert!(text.contains(r#".header("content-type", "application/x-www-form-urlencoded")"#));
    assert!(text.contains("An optional tag, which may be null.\n        #[serde(skip_serializing_if = \"::std::option::Option::is_none\")]\n        pub tag: ::std::option::Option<::std::string::String>,"));
    // The regex of the path template is checked before sending.
    assert!(text.contains(r#"client_runtime::Constraint::FullMatch("[0-9]+")"#));
    // The global header parameter, through its `$ref`.
    assert!(text.contains(r#"request.header("X-Trace-Id", value.to_string())"#));
}

#[test]
fn openapi31_keywords_become_their_openapi30_forms() {
    let document = upgraded(&fixture("openapi31-keywords.yaml"));
    let book = at(&document, "/components/schemas/Book/properties");
    assert_eq!(at(&document, "/openapi"), "3.0.3");
    assert!(document.get("webhooks").is_none() && document.get("jsonSchemaDialect").is_none());
    assert_eq!(book["subtitle"], json!({ "type": "string", "nullable": true, "description": "The subtitle, or null." }));
    assert_eq!(book["kind"]["enum"], json!(["book"]));
    assert_eq!(book["isbn"]["example"], "978-0-00-000000-0");
    assert_eq!(book["isbn"]["x-examples"], json!(["978-1-11-111111-1"]));
    assert_eq!((&book["pages"]["minimum"], &book["pages"]["exclusiveMinimum"]), (&json!(0), &json!(true)));
    // `$defs` get schemas of their own, and the `$ref` follows.
    assert_eq!(book["shelf"]["$ref"], "#/components/schemas/Shelf");
    assert_eq!(at(&document, "/components/schemas/Shelf/description"), "Where the book stands.");
    assert!(document.pointer("/components/schemas/Book/$defs").is_none());
    // A `$ref` with only documentation beside it stays a `$ref`.
    assert_eq!(book["author"]["$ref"], "#/components/schemas/Person");
    // anyOf [X, null] is a nullable X.
    assert_eq!((&book["editor"]["allOf"], &book["editor"]["nullable"]), (&json!([{ "$ref": "#/components/schemas/Person" }]), &json!(true)));
    assert_eq!(at(&document, "/info/x-summary"), "Books and loans.");
    assert_eq!(at(&document, "/info/license/x-identifier"), "MIT");
}

#[test]
fn an_openapi31_spec_generates_with_webhooks_noted_in_the_crate_docs() {
    let generated = generate(&fixture("openapi31-keywords.yaml"));
    let text = lib_rs(&generated);
    assert_eq!(generated.operations, 2, "the webhook is not an operation");
    assert!(text.contains("//! This API also describes webhooks, requests its server sends to a URL you register: `bookReturned`. This client does not cover them."));
    assert!(text.contains("pub subtitle: ::std::option::Option<::std::string::String>,"));
    // `const: book` is an enum of one value: a constant, so a closed enum (no `Unknown`).
    assert!(text.contains("pub kind: BookKind,"), "{text}");
    assert!(text.contains("pub enum BookKind {\n        #[serde(rename = \"book\")]\n        Book,\n    }"), "{text}");
    assert!(text.contains("pub shelf: ::std::option::Option<Shelf>,"));
    assert!(text.contains("pub editor: ::std::option::Option<Person>,"));
    let warnings = generated.warnings.render();
    assert!(warnings.contains("webhooks (`bookReturned`) are requests the server sends"), "{warnings}");
    assert!(warnings.contains("tests/formats/openapi31-keywords.yaml:52:1"), "the note is located: {warnings}");
}

#[test]
fn a_multi_file_spec_is_bundled_into_one_document() {
    let document = upgraded(&fixture("multi-file/openapi.yaml"));
    // A whole section, and path items, from other files (YAML and JSON).
    assert_eq!(at(&document, "/paths/~1clusters/get/operationId"), "listClusters");
    assert_eq!(at(&document, "/paths/~1clusters~1{id}/get/operationId"), "getNode");
    // The component the root file defines by `$ref` is that file's home; other uses refer to it.
    assert_eq!(at(&document, "/components/schemas/Cluster/description"), "A cluster of nodes.");
    assert_eq!(at(&document, "/paths/~1clusters/post/requestBody/content/application~1json/schema/$ref"), "#/components/schemas/Cluster");
    // Files met elsewhere get a home named after the file (or the pointer's last segment).
    assert_eq!(at(&document, "/paths/~1clusters/get/parameters/0/$ref"), "#/components/parameters/limit");
    assert_eq!(at(&document, "/components/parameters/limit/name"), "limit");
    assert_eq!(at(&document, "/paths/~1clusters~1{id}/get/parameters/0/schema/$ref"), "#/components/schemas/name");
    // The loop between cluster.yaml and node.yaml, and node.yaml's `$ref: '#'` to itself.
    assert_eq!(at(&document, "/components/schemas/Cluster/properties/nodes/items/$ref"), "#/components/schemas/node");
    assert_eq!(at(&document, "/components/schemas/node/properties/cluster/$ref"), "#/components/schemas/Cluster");
    assert_eq!(at(&document, "/components/schemas/node/properties/parent/$ref"), "#/components/schemas/node");

    let generated = generate(&fixture("multi-file/openapi.yaml"));
    assert_eq!(generated.operations, 3);
    let text = lib_rs(&generated);
    assert!(text.contains("pub parent: ::std::option::Option<::std::boxed::Box<Node>>,"), "a recursive type");
    assert!(text.contains("pub nodes: ::std::vec::Vec<Node>,"));
}

#[test]
fn a_diagnostic_in_a_referenced_file_names_that_file_line_and_column() {
    let spec = fixture("broken/error-in-referenced-file/openapi.yaml");
    let rendered = diagnose(&spec, "tests/formats/broken/error-in-referenced-file/openapi.yaml").render();
    let menu = "tests/formats/broken/error-in-referenced-file/paths/menu.yaml";
    assert!(rendered.contains(&format!("--> {menu}:22:23")), "the typo `intger` at its line and column: {rendered}");
    assert!(rendered.contains(&format!("--> {menu}:6:7")), "the misnamed parameter: {rendered}");
    // The pointer shown is the node's in that file.
    assert!(rendered.contains("at JSON pointer: /get/responses/200/content/application~1json/schema/properties/price/type"), "{rendered}");
}

/// Every diagnostic for `spec`, with the root file named `shown` (and the others beside it).
fn diagnose(spec: &Path, shown: &str) -> Diagnostics {
    let diagnostics = match generate_crate(spec, &options(spec)) {
        Ok(generated) => generated.warnings,
        Err(diagnostics) => diagnostics,
    };
    diagnostics.renamed(&spec.display().to_string(), shown)
}

#[test]
fn every_broken_case_gets_located_diagnostics_matching_its_snapshot() {
    let broken = fixture("broken");
    let cases = generator::workspace::spec_files(&broken).unwrap();
    assert!(cases.len() >= 9, "expected the broken cases, found {cases:?}");
    let mut expected = Vec::new();
    for spec in &cases {
        let relative = spec.strip_prefix(&broken).unwrap();
        let name = relative.components().next().unwrap().as_os_str().to_string_lossy().trim_end_matches(".yaml").to_owned();
        let shown = format!("tests/formats/broken/{}", relative.display());
        let diagnostics = diagnose(spec, &shown);
        if name.starts_with("warning-") {
            assert!(!diagnostics.has_errors() && diagnostics.warning_count() > 0, "{shown}:\n{}", diagnostics.render());
        } else {
            assert!(diagnostics.has_errors(), "{shown}: no error:\n{}", diagnostics.render());
        }
        for item in diagnostics.items() {
            assert!(item.location.is_some(), "{shown}: not located: {item}\n{}", diagnostics.render());
        }
        insta::assert_snapshot!(name.clone(), diagnostics.render());
        expected.push(format!("formats__{name}.snap"));
    }
    let orphans: Vec<String> = std::fs::read_dir(workspace_root().join("tests/snapshots"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("formats__") && !expected.contains(name))
        .collect();
    assert!(orphans.is_empty(), "snapshots no case produces any more (delete them): {orphans:?}");
}

/// The fixtures' crates build on their own and pass clippy with warnings denied (offline, from
/// the workspace's lock file; the target folder is shared with `tests/generation.rs`).
#[test]
fn the_fixture_crates_build_and_pass_clippy() {
    let target = workspace_root().join("target/standalone");
    for name in ["swagger2-petstore.yaml", "openapi31-keywords.yaml", "multi-file/openapi.yaml"] {
        let out = tempfile::tempdir().unwrap();
        ensure_crate(out.path(), &generate(&fixture(name)).files, Mode::Write).unwrap();
        std::fs::copy(workspace_root().join("Cargo.lock"), out.path().join("Cargo.lock")).unwrap();
        for args in [&["check", "--offline", "--quiet"][..], &["clippy", "--offline", "--quiet", "--", "-D", "warnings"]] {
            let output = Command::new(env!("CARGO")).args(args).current_dir(out.path()).env("CARGO_TARGET_DIR", &target).output().unwrap();
            assert!(output.status.success(), "{name}: cargo {}:\n{}", args[0], String::from_utf8_lossy(&output.stderr));
        }
    }
}

/// `specs/` (and a corpus folder) may hold a folder per API; its root file is `openapi.yaml`
/// (or `swagger.yaml`, ...), and the crate is named after the folder.
#[test]
fn a_folder_of_specs_holds_single_files_and_multi_file_specs_by_their_root_file() {
    let dir = tempfile::tempdir().unwrap();
    let write = |path: &str| {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, "openapi: 3.0.3\n").unwrap();
    };
    for path in ["nsx.yaml", "cafe/openapi.yaml", "cafe/paths/menu.yaml", "legacy/swagger.json", "vendor/openapi/openapi.yaml", "vendor/openapi/schemas/a.yaml", "notes/readme.md"] {
        write(path);
    }
    let specs = generator::workspace::spec_files(dir.path()).unwrap();
    let found: Vec<String> = specs.iter().map(|path| path.strip_prefix(dir.path()).unwrap().display().to_string()).collect();
    assert_eq!(found, ["cafe/openapi.yaml", "legacy/swagger.json", "nsx.yaml", "vendor/openapi/openapi.yaml"]);
    let names: Vec<String> = specs.iter().map(|path| generator::workspace::crate_name(path)).collect();
    assert_eq!(names, ["cafe-client", "legacy-client", "nsx-client", "vendor-client"]);
}

/// `cargo xtask regenerate` turns a folder in `specs/` into `generated/<folder>-client`, and
/// names the files of its diagnostics relative to the workspace.
#[test]
fn regenerate_generates_a_multi_file_spec_kept_as_a_folder_in_specs() {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let path = entry.unwrap().path();
            let target = to.join(path.file_name().unwrap());
            if path.is_dir() {
                copy(&path, &target);
            } else {
                std::fs::copy(&path, &target).unwrap();
            }
        }
    }
    let root = tempfile::tempdir().unwrap();
    copy(&fixture("multi-file"), &root.path().join("specs/clusters"));
    let report = generator::workspace::regenerate(root.path(), Mode::Write).unwrap();
    let names: Vec<&str> = report.specs.iter().map(|spec| spec.crate_name.as_str()).collect();
    assert_eq!(names, ["clusters-client"]);
    assert!(report.is_clean(Mode::Write), "{}", report.specs[0].diagnostics.render());
    let lib = std::fs::read_to_string(root.path().join("generated/clusters-client/src/lib.rs")).unwrap();
    assert!(lib.starts_with("// @generated from specs/clusters/openapi.yaml"), "{}", &lib[..200]);
    assert!(generator::workspace::regenerate(root.path(), Mode::Check).unwrap().is_clean(Mode::Check));

    // A mistake in one of its files is reported in that file, relative to the workspace.
    let cluster = root.path().join("specs/clusters/definitions/cluster.yaml");
    let text = std::fs::read_to_string(&cluster).unwrap().replace("type: array", "type: arrray");
    std::fs::write(&cluster, text).unwrap();
    let report = generator::workspace::regenerate(root.path(), Mode::Check).unwrap();
    let rendered = report.specs[0].diagnostics.render();
    assert!(rendered.contains("--> specs/clusters/definitions/cluster.yaml:10:11"), "{rendered}");
}

#[test]
#[ignore = "reads ../shared/formats; run with cargo test --workspace -- --ignored"]
fn every_shared_format_spec_generates_with_one_method_per_operation() {
    let dir = shared_dir("formats");
    let expected = [
        ("harbor-swagger2.yaml", 203),
        ("museum-3.1.yaml", 8),
        ("redocly-cafe/openapi/openapi.yaml", 12),
    ];
    let found: Vec<String> = generator::workspace::spec_files(&dir).unwrap().iter().map(|path| path.strip_prefix(&dir).unwrap().display().to_string()).collect();
    assert_eq!(found, expected.map(|(name, _)| name.to_owned()), "the formats folder changed; update this test");
    for (name, operations) in expected {
        let generated = generate(&dir.join(name));
        assert_eq!(generated.operations, operations, "{name}");
        assert_eq!(lib_rs(&generated).matches("pub fn send(self)").count(), operations, "{name}: every operation is a method");
    }
}

#[test]
#[ignore = "reads ../shared/formats; run with cargo test --workspace -- --ignored"]
fn warnings_about_a_shared_multi_file_spec_point_into_the_file_they_are_about() {
    let spec = shared_dir("formats").join("redocly-cafe/openapi/openapi.yaml");
    let rendered = generate(&spec).warnings.render();
    assert!(rendered.contains("redocly-cafe/openapi/components/parameters/Limit.yaml:10:12"), "{rendered}");
    assert!(rendered.contains("redocly-cafe/openapi/paths/revenue.yaml:22:17"), "{rendered}");
}
