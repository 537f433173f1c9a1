//! Broken specs get compiler-quality diagnostics, and no input crashes the generator.
//!
//! - every file in `tests/malformed/` is run through the whole pipeline and its rendered
//!   diagnostics are compared with a reviewed snapshot (`diagnostics__<file stem>.snap`);
//!   `warning-*` files must give warnings and no error, every other file at least one error;
//! - inputs too big to check in (a 100 MB file, deep nesting, a 10,000-link `$ref` chain, alias
//!   bombs, binary junk) are built here at run time;
//! - `cargo xtask lint` and `generate` exit 1 with located diagnostics, never 101;
//! - a property test mutates the real specs at random and runs every stage on the result
//!   (`PROPTEST_CASES=10000 cargo test -p tests --test diagnostics fuzz` for a long run).

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::Command;

use generator::input::Document;
use generator::validate::MAX_SCHEMA_DEPTH;
use generator::{generate_crate, CrateOptions, Diagnostics, Severity};
use proptest::prelude::*;
use serde_json::{json, Value};
use tests::{specs, workspace_root};

fn options(spec: &Path) -> CrateOptions {
    CrateOptions {
        crate_name: generator::workspace::crate_name(spec),
        spec_display: spec.display().to_string(),
        regenerate_command: "cargo xtask generate".into(),
        runtime_path: "../../runtime".into(),
        standalone: false,
        lenient: false,
    }
}

/// Every diagnostic the pipeline gives for `spec` (errors, or the warnings of a success), with
/// the file named `shown`.
fn diagnose(spec: &Path, shown: &str) -> Diagnostics {
    let diagnostics = match generate_crate(spec, &options(spec)) {
        Ok(generated) => generated.warnings,
        Err(diagnostics) => diagnostics,
    };
    diagnostics.renamed(&spec.display().to_string(), shown)
}

/// Every diagnostic is at a line and column, unless it is about the whole file.
fn assert_located(diagnostics: &Diagnostics, shown: &str) {
    let rendered = diagnostics.render();
    for item in diagnostics.items() {
        assert!(item.location.is_some() || item.pointer.is_empty(), "{shown}: not located: {item}\n{rendered}");
    }
    if diagnostics.items().iter().any(|item| item.location.is_some()) {
        assert!(rendered.contains(&format!("--> {shown}:")), "{shown}: no `-->` line:\n{rendered}");
    }
}

fn malformed_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(workspace_root().join("tests/malformed"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    files
}

#[test]
fn every_malformed_spec_gets_located_diagnostics_matching_its_snapshot() {
    let files = malformed_files();
    let errors = files.iter().filter(|file| !stem(file).starts_with("warning-")).count();
    assert!(errors >= 30, "expected at least 30 malformed specs with errors, found {errors}");
    let mut expected = Vec::new();
    for file in &files {
        let name = stem(file);
        let shown = format!("tests/malformed/{}", file.file_name().unwrap().to_string_lossy());
        let diagnostics = diagnose(file, &shown);
        if name.starts_with("warning-") {
            assert!(!diagnostics.has_errors() && diagnostics.warning_count() > 0, "{shown}:\n{}", diagnostics.render());
        } else {
            assert!(diagnostics.has_errors(), "{shown}: no error:\n{}", diagnostics.render());
        }
        assert_located(&diagnostics, &shown);
        insta::assert_snapshot!(name.clone(), diagnostics.render());
        expected.push(format!("diagnostics__{name}.snap"));
    }
    for generated in GENERATED {
        expected.push(format!("diagnostics__generated-{generated}.snap"));
    }
    let orphans: Vec<String> = std::fs::read_dir(workspace_root().join("tests/snapshots"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("diagnostics__") && name.ends_with(".snap") && !expected.contains(name))
        .collect();
    assert!(orphans.is_empty(), "snapshots no case produces any more (delete them): {orphans:?}");
}

fn stem(file: &Path) -> String {
    file.file_stem().unwrap().to_string_lossy().into_owned()
}

/// The cases built at run time, each snapshotted as `generated-<name>`.
const GENERATED: &[&str] = &[
    "huge-file",
    "binary-junk",
    "control-characters",
    "deep-nesting-yaml",
    "deep-nesting-json",
    "deep-flow-nesting",
    "deep-schema-nesting",
    "ref-chain",
    "alias-bomb",
    "quadratic-aliases",
];

/// Writes `contents` to a scratch file named `name`, runs the pipeline on it, checks the result
/// has an error and is located, and snapshots it.
fn generated_case(name: &str, file: &str, contents: &[u8]) -> Diagnostics {
    assert!(GENERATED.contains(&name), "add {name} to GENERATED");
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join(file);
    std::fs::write(&spec, contents).unwrap();
    checked_case(name, &spec, &format!("generated/{file}"))
}

fn checked_case(name: &str, spec: &Path, shown: &str) -> Diagnostics {
    let diagnostics = diagnose(spec, shown);
    assert!(diagnostics.has_errors(), "{shown}: no error:\n{}", diagnostics.render());
    assert_located(&diagnostics, shown);
    insta::assert_snapshot!(format!("generated-{name}"), diagnostics.render());
    diagnostics
}

#[test]
fn a_100_mb_file_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("huge.yaml");
    // A sparse file: 100 MB by its metadata, nothing on disk. The loader must refuse it on its
    // size alone; reading it would take memory and time this test would notice.
    let file = std::fs::File::create(&spec).unwrap();
    file.set_len(100 * 1024 * 1024).unwrap();
    drop(file);
    let started = std::time::Instant::now();
    let diagnostics = checked_case("huge-file", &spec, "generated/huge.yaml");
    assert!(started.elapsed() < std::time::Duration::from_secs(2));
    assert!(diagnostics.render().contains("byte limit"));
}

#[test]
fn binary_junk_is_refused_as_not_utf8() {
    // Deterministic noise over every byte value.
    let mut state: u32 = 12345;
    let junk: Vec<u8> = (0..4096)
        .map(|_| {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (state >> 16) as u8
        })
        .collect();
    let diagnostics = generated_case("binary-junk", "junk.yaml", &junk);
    assert!(diagnostics.render().contains("not UTF-8"));
}

#[test]
fn control_characters_are_refused_and_not_printed() {
    let diagnostics = generated_case("control-characters", "control.yaml", b"openapi: 3.0.3\ninfo:\x1b[2J\x07 x\npaths: {}\n");
    assert!(!diagnostics.render().contains('\u{1b}'));
}

/// A schema nested `levels` deep through `properties`, in block-style YAML, used by an operation
/// and documented, so that depth is its only problem.
fn nested_schema_yaml(levels: usize) -> String {
    let mut text = String::from(
        "openapi: 3.0.3\ninfo:\n  title: Deep\n  version: 1.0.0\npaths:\n  /deep:\n    get:\n      summary: A deep value\n      responses:\n        '200':\n          description: OK\n          content:\n            application/json:\n              schema:\n                $ref: '#/components/schemas/Deep'\ncomponents:\n  schemas:\n    Deep:\n",
    );
    let mut indent = 6;
    for _ in 0..levels {
        text.push_str(&format!("{:indent$}type: object\n{:indent$}description: One level.\n{:indent$}properties:\n{:indent$}  child:\n", "", "", "", ""));
        indent += 4;
    }
    text.push_str(&format!("{:indent$}type: string\n{:indent$}description: The bottom.\n", "", ""));
    text
}

/// The same depth reached through `items`, in flow style.
fn nested_items_yaml(levels: usize) -> String {
    let head = nested_schema_yaml(0);
    let head = head.trim_end_matches("      type: string\n      description: The bottom.\n");
    format!("{head}      {}{{type: string}}{}\n", "{type: array, items: ".repeat(levels), "}".repeat(levels))
}

/// `generate_crate` runs the pipeline on the caller's stack when 4 MiB or more of it are left,
/// and switches to a 256 MiB stack of its own otherwise. The deepest schemas the caps allow (a
/// debug build, where frames are largest, needed 1.5 to 2 MiB for them) generate on a thread
/// with just over that much.
#[test]
fn the_deepest_schemas_allowed_generate_with_only_the_red_zone_of_stack_left() {
    for (name, text) in [("properties", nested_schema_yaml(MAX_SCHEMA_DEPTH - 1)), ("items", nested_items_yaml(MAX_SCHEMA_DEPTH - 1))] {
        let dir = tempfile::tempdir().unwrap();
        let spec = dir.path().join(format!("{name}.yaml"));
        std::fs::write(&spec, text).unwrap();
        let generated = std::thread::Builder::new()
            .stack_size((4 << 20) + (256 << 10))
            .spawn(move || generate_crate(&spec, &options(&spec)).map(|generated| generated.types))
            .unwrap()
            .join()
            .unwrap();
        assert!(generated.as_ref().is_ok_and(|types| *types > MAX_SCHEMA_DEPTH), "{name}: {:?}", generated.err().map(|found| found.render()));
    }
}

#[test]
fn a_500_level_nested_schema_is_refused_at_the_depth_cap() {
    let diagnostics = generated_case("deep-nesting-yaml", "deep.yaml", nested_schema_yaml(500).as_bytes());
    assert!(diagnostics.render().contains("nests deeper than"));
}

#[test]
fn deep_json_nesting_is_refused_at_the_depth_cap() {
    let mut text = String::from("{\"openapi\": \"3.0.3\", \"x-deep\": ");
    text.push_str(&"[".repeat(100_000));
    text.push_str(&"]".repeat(100_000));
    text.push('}');
    let diagnostics = generated_case("deep-nesting-json", "deep.json", text.as_bytes());
    assert!(diagnostics.render().contains("nests deeper than"));
}

#[test]
fn deep_flow_style_yaml_is_refused_at_the_depth_cap() {
    let text = format!("openapi: 3.0.3\nx-deep: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    let diagnostics = generated_case("deep-flow-nesting", "deep-flow.yaml", text.as_bytes());
    assert!(diagnostics.render().contains("nests deeper than"));
}

#[test]
fn schemas_nested_past_their_cap_are_refused() {
    let levels = MAX_SCHEMA_DEPTH + 8;
    let diagnostics = generated_case("deep-schema-nesting", "deep-schema.yaml", nested_schema_yaml(levels).as_bytes());
    assert!(diagnostics.render().contains("schemas nest more than"));
}

/// Schemas nested as deep as allowed go through every stage (no stack overflow downstream).
#[test]
fn schemas_nested_just_under_the_cap_generate() {
    // The outer schema and one more per level.
    let levels = MAX_SCHEMA_DEPTH - 1;
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("deep.yaml");
    std::fs::write(&spec, nested_schema_yaml(levels)).unwrap();
    let generated = generate_crate(&spec, &options(&spec)).unwrap_or_else(|diagnostics| panic!("{}", diagnostics.render()));
    assert!(generated.types >= levels);
}

#[test]
fn a_10000_link_ref_chain_is_refused_without_recursion() {
    let mut text = String::from(
        "openapi: 3.0.3\ninfo:\n  title: Chain\n  version: 1.0.0\npaths:\n  /a:\n    get:\n      summary: A\n      responses:\n        '200':\n          description: OK\n          content:\n            application/json:\n              schema:\n                $ref: '#/components/schemas/S0'\ncomponents:\n  schemas:\n",
    );
    for link in 0..10_000 {
        text.push_str(&format!("    S{link}:\n      $ref: '#/components/schemas/S{}'\n", link + 1));
    }
    text.push_str("    S10000:\n      type: string\n      description: The end of the chain.\n");
    let diagnostics = generated_case("ref-chain", "chain.yaml", text.as_bytes());
    // One error for the chain, not one per link.
    assert_eq!(diagnostics.error_count(), 1, "{}", diagnostics.render());
}

#[test]
fn a_billion_laughs_alias_bomb_is_refused() {
    let mut text = String::from("openapi: 3.0.3\nx-a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    for pair in names.windows(2) {
        let aliases = vec![format!("*{}", pair[0]); 9].join(", ");
        text.push_str(&format!("x-{}: &{} [{aliases}]\n", pair[1], pair[1]));
    }
    let diagnostics = generated_case("alias-bomb", "bomb.yaml", text.as_bytes());
    assert!(diagnostics.render().contains("alias"), "{}", diagnostics.render());
}

#[test]
fn quadratic_alias_expansion_is_refused() {
    // Few jumps (serde_yaml's limit counts those) but millions of nodes.
    let items = vec!["x"; 2000].join(", ");
    let aliases = vec!["*big"; 2000].join(", ");
    let text = format!("openapi: 3.0.3\nx-big: &big [{items}]\nx-many: [{aliases}]\n");
    let diagnostics = generated_case("quadratic-aliases", "quadratic.yaml", text.as_bytes());
    assert!(diagnostics.render().contains("expands to more than"), "{}", diagnostics.render());
}

/// A spec that is fine but unusual: recursion through properties, Rust keywords as names.
fn generates_cleanly(text: &str) -> generator::Generated {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("fine.yaml");
    std::fs::write(&spec, text).unwrap();
    let generated = generate_crate(&spec, &options(&spec)).unwrap_or_else(|diagnostics| panic!("{}", diagnostics.render()));
    assert!(generated.warnings.is_empty(), "{}", generated.warnings.render());
    generated
}

#[test]
fn recursion_through_properties_and_items_is_a_type_not_an_error() {
    let generated = generates_cleanly(
        r##"openapi: 3.0.3
info:
  title: Trees
  version: 1.0.0
paths:
  /tree:
    get:
      operationId: getTree
      summary: The whole tree
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Node'
components:
  schemas:
    Node:
      type: object
      description: A tree node.
      properties:
        parent:
          description: The node above, if any.
          allOf:
            - $ref: '#/components/schemas/Node'
        children:
          type: array
          description: The nodes below.
          items:
            $ref: '#/components/schemas/Node'
        tags:
          type: object
          description: Named subtrees.
          additionalProperties:
            $ref: '#/components/schemas/Node'
"##,
    );
    let lib = &generated.files.files.iter().find(|(path, _)| path.ends_with("lib.rs")).unwrap().1;
    assert!(lib.contains("pub struct Node"), "{lib}");
}

#[test]
fn rust_keywords_as_names_are_handled() {
    let generated = generates_cleanly(
        r##"openapi: 3.0.3
info:
  title: Keywords
  version: 1.0.0
paths:
  /match/{type}:
    get:
      operationId: type
      summary: An operation named like a keyword
      parameters:
        - name: type
          in: path
          required: true
          description: A parameter named like a keyword.
          schema:
            type: string
        - name: self
          in: query
          description: Another.
          schema:
            type: string
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Self'
components:
  schemas:
    Self:
      type: object
      description: A schema named like a keyword.
      properties:
        fn:
          type: string
          description: A property named like a keyword.
        async:
          type: boolean
          description: Another.
"##,
    );
    let lib = &generated.files.files.iter().find(|(path, _)| path.ends_with("lib.rs")).unwrap().1;
    assert!(lib.contains("pub fn type_("), "{lib}");
}

/// `cargo xtask ...` from the workspace root, with its exit code, stdout and stderr.
fn xtask_output(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO"))
        .args(["run", "-q", "-p", "xtask", "--"])
        .args(args)
        .current_dir(workspace_root())
        .output()
        .unwrap();
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    (output.status.code().unwrap_or(-1), text(&output.stdout), text(&output.stderr))
}

fn xtask(args: &[&str]) -> (i32, String) {
    let (code, _, stderr) = xtask_output(args);
    (code, stderr)
}

#[test]
fn xtask_lint_and_generate_exit_1_with_located_diagnostics() {
    let (code, stderr) = xtask(&["lint", "tests/malformed/duplicate-operation-id.yaml"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("--> tests/malformed/duplicate-operation-id.yaml:"), "{stderr}");
    assert!(stderr.contains("1 error"), "{stderr}");

    let (code, stderr) = xtask(&["lint", "tests/malformed/warning-unused-components.yaml"]);
    assert_eq!(code, 0, "warnings alone pass: {stderr}");
    assert!(stderr.contains("warning: the schema `Orphan` is never used"), "{stderr}");

    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("crate");
    let (code, stderr) =
        xtask(&["generate", "tests/malformed/ref-cycle.yaml", "--out", target.to_str().unwrap()]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("--> tests/malformed/ref-cycle.yaml:"), "{stderr}");
    assert!(!target.exists(), "nothing is written for a spec with errors");

    let (code, stderr) = xtask(&["lint", "tests/malformed/empty-file.yaml", "tests/malformed/not-utf8.yaml"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("2 specs have errors"), "{stderr}");
}

#[test]
fn xtask_lint_passes_the_real_specs_with_nothing_to_say() {
    let (code, stdout, stderr) = xtask_output(&["lint"]);
    assert_eq!(code, 0, "{stderr}");
    // stderr may hold cargo's own output; diagnostics about a spec would name it.
    assert!(!stderr.contains("specs/"), "{stderr}");
    for spec in specs() {
        let summary = format!("specs/{}: 0 errors and 0 warnings", spec.file_name().unwrap().to_string_lossy());
        assert!(stdout.lines().any(|line| line == summary), "{summary} not in:\n{stdout}");
    }
}

// ---------------------------------------------------------------------------------------------
// The property test: random mutations of the real specs through every stage.

/// One edit to a document: at a node chosen by `at` (an index into the document's nodes, taken
/// modulo their count), do `edit`.
#[derive(Clone, Debug)]
enum Edit {
    Delete,
    Replace(Value),
    /// Copy another node (chosen the same way) here.
    Duplicate(usize),
    /// Rename the node's key (if it is in a mapping).
    Rename(String),
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|n| json!(n)),
        "[a-z{}/_ -]{0,12}".prop_map(Value::String),
        prop::sample::select(vec![
            "#/components/schemas/Token", "#/components/schemas/Error", "#/components/parameters/X", "other.yaml#/a",
            "#/", "#/paths", "string", "object", "array", "integer", "3.1.0", "2XX", "default", "{id}", "/a/{b}",
            "(?!x)", "[", "path", "query", "header", "apiKey", "http", "basic", "bearer", "int32", "date-time",
        ])
        .prop_map(|text| Value::String(text.to_owned())),
    ]
}

fn value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(4, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec(
                (
                    prop::sample::select(vec![
                        "type", "properties", "items", "$ref", "allOf", "oneOf", "required", "enum", "name", "in",
                        "schema", "responses", "description", "content", "pattern", "format", "nullable", "default",
                    ]),
                    inner
                ),
                0..4
            )
            .prop_map(|entries| Value::Object(entries.into_iter().map(|(key, value)| (key.to_owned(), value)).collect())),
        ]
    })
}

fn edit() -> impl Strategy<Value = (usize, Edit)> {
    let edit = prop_oneof![
        Just(Edit::Delete),
        value().prop_map(Edit::Replace),
        any::<usize>().prop_map(Edit::Duplicate),
        "[a-zA-Z0-9/{}$_-]{0,10}".prop_map(Edit::Rename),
    ];
    (any::<usize>(), edit)
}

/// Every node's pointer, in document order.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                pointers(child, format!("{at}/{}", key.replace('~', "~0").replace('/', "~1")), out);
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                pointers(child, format!("{at}/{index}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

fn apply(document: &mut Value, (at, edit): &(usize, Edit)) {
    let mut all = Vec::new();
    pointers(document, String::new(), &mut all);
    let target = all[at % all.len()].clone();
    let Some((parent, key)) = target.rsplit_once('/') else { return };
    let key = key.replace("~1", "/").replace("~0", "~");
    let replacement = match edit {
        Edit::Replace(value) => Some(value.clone()),
        Edit::Duplicate(other) => document.pointer(&all[other % all.len()]).cloned(),
        Edit::Delete | Edit::Rename(_) => None,
    };
    match document.pointer_mut(parent) {
        Some(Value::Object(map)) => match (edit, replacement) {
            (Edit::Rename(name), _) => {
                if let Some(value) = map.shift_remove(&key) {
                    map.insert(name.clone(), value);
                }
            }
            (_, Some(value)) => {
                map.insert(key, value);
            }
            _ => {
                map.shift_remove(&key);
            }
        },
        Some(Value::Array(items)) => {
            let Ok(index) = key.parse::<usize>() else { return };
            match replacement {
                Some(value) if index < items.len() => items[index] = value,
                None if index < items.len() => {
                    items.remove(index);
                }
                _ => {}
            }
        }
        _ => {}
    }
}

/// Text-level damage, after the edits: the parsers and the locator see broken syntax too.
#[derive(Clone, Debug)]
enum Damage {
    None,
    Truncate(usize),
    Insert(usize, String),
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        6 => Just(Damage::None),
        1 => any::<usize>().prop_map(Damage::Truncate),
        1 => (any::<usize>(), prop::sample::select(vec!["\t", ": ", "- ", "&a ", "*a", "{", "]", "'", "\"", "\n  ", "---\n", "!!binary "]))
            .prop_map(|(at, text)| Damage::Insert(at, text.to_owned())),
    ]
}

fn damaged(mut text: String, damage: &Damage) -> String {
    let boundary = |text: &str, at: usize| {
        let mut at = at % (text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    match damage {
        Damage::None => {}
        Damage::Truncate(at) => {
            let at = boundary(&text, *at);
            text.truncate(at);
        }
        Damage::Insert(at, inserted) => {
            let at = boundary(&text, *at);
            text.insert_str(at, inserted);
        }
    }
    text
}

/// Runs every stage on `text`, as far as it gets; panics are what the caller looks for.
fn pipeline(name: &str, text: String) {
    let path = Path::new(name);
    let document = match Document::parse(path, text) {
        Ok(document) => document,
        Err(diagnostics) => {
            let _ = diagnostics.render();
            return;
        }
    };
    let (api, warnings) = match generator::validate::validate(&document, false) {
        Ok(valid) => valid,
        Err(diagnostics) => {
            let _ = diagnostics.render();
            assert!(diagnostics.items().iter().all(|item| item.severity == Severity::Warning || !item.message.is_empty()));
            return;
        }
    };
    let _ = warnings.render();
    let Ok((model, _)) = generator::model::lower(&api, &document) else { return };
    let Ok(emitted) = generator::emit::emit(&model) else { return };
    let _ = generator::format::format_lib(emitted.parts, "// fuzz");
}

fn real_documents() -> &'static [Value] {
    static DOCUMENTS: std::sync::OnceLock<Vec<Value>> = std::sync::OnceLock::new();
    DOCUMENTS.get_or_init(|| {
        specs().iter().map(|spec| Document::parse(spec, std::fs::read_to_string(spec).unwrap()).unwrap().value).collect()
    })
}

fn fuzz_cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|cases| cases.parse().ok()).unwrap_or(48)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: fuzz_cases(),
        // A failure prints its minimal case; nothing is written into the source tree.
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn fuzz_mutated_specs_never_panic(
        which in 0usize..5,
        edits in prop::collection::vec(edit(), 1..6),
        as_json in any::<bool>(),
        damage in damage(),
    ) {
        let documents = real_documents();
        let mut document = documents[which % documents.len()].clone();
        for edit in &edits {
            apply(&mut document, edit);
        }
        let (name, text) = if as_json {
            ("fuzz.json", serde_json::to_string_pretty(&document).unwrap())
        } else {
            ("fuzz.yaml", serde_yaml::to_string(&document).unwrap())
        };
        let text = damaged(text, &damage);
        let outcome = catch_unwind(AssertUnwindSafe(|| pipeline(name, text.clone())));
        prop_assert!(outcome.is_ok(), "the pipeline panicked on:\n{}", text);
    }
}

