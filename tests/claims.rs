//! The README's claims about the generator and the CLI, each checked so that the text and the
//! code cannot drift apart.

use std::path::Path;
use std::process::Command;

use generator::{generate_crate, CrateOptions, Generated};
use tests::workspace_root;

/// Generates a crate from spec text written to a scratch file.
fn generate(name: &str, spec: &str) -> Generated {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("{name}.yaml"));
    std::fs::write(&path, spec).unwrap();
    let options = CrateOptions {
        crate_name: format!("{name}-client"),
        spec_display: format!("{name}.yaml"),
        regenerate_command: "cargo xtask regenerate".into(),
        runtime_path: "../../runtime".into(),
        standalone: false,
        lenient: false,
    };
    generate_crate(&path, &options).unwrap_or_else(|diagnostics| panic!("{}", diagnostics.render()))
}

fn lib_rs(generated: &Generated) -> &str {
    &generated.files.files[Path::new("src/lib.rs")]
}

fn readme() -> String {
    std::fs::read_to_string(workspace_root().join("README.md")).unwrap()
}

#[test]
fn the_readme_lists_exactly_the_extensions_the_generator_reads() {
    let readme = readme();
    // The first cell of each row of the extension table names one or more extensions.
    let mut listed: Vec<&str> = readme
        .lines()
        .filter(|line| line.starts_with("| `x-"))
        .filter_map(|line| line.split('|').nth(1))
        .flat_map(|cell| cell.split("`x-").skip(1))
        .map(|rest| rest.split(['`', ':']).next().unwrap_or_default())
        .collect();
    listed.sort();
    let mut read: Vec<&str> = generator::extensions::READ.iter().map(|(name, _)| &name[2..]).collect();
    read.sort();
    assert_eq!(listed, read, "the README's extension table and generator::extensions::READ differ");
}

#[test]
fn x_expiry_unit_changes_the_generated_code() {
    let spec = |unit: &str| {
        format!(
            r#"
openapi: 3.0.3
info: {{title: Login, version: '1'}}
paths:
  /login:
    post:
      operationId: login
      summary: Log in
      security: []
      x-authenticates: {{scheme: tokenAuth, token: token, expiry: expiry}}
      responses:
        '200':
          description: A token.
          content:
            application/json:
              schema:
                type: object
                description: A token.
                properties:
                  token: {{type: string, description: The token., x-secret: true}}
                  expiry: {{type: integer, format: int64, description: When it expires., x-expiry-unit: {unit}}}
components:
  securitySchemes:
    tokenAuth: {{type: apiKey, in: header, name: X-Token, description: A token.}}
security:
  - tokenAuth: []
"#
        )
    };
    let milliseconds = generate("login", &spec("milliseconds"));
    let seconds = generate("login", &spec("seconds"));
    assert!(lib_rs(&milliseconds).contains("client_runtime::expiry_time(value, true)"), "{}", lib_rs(&milliseconds));
    assert!(lib_rs(&seconds).contains("client_runtime::expiry_time(value, false)"), "{}", lib_rs(&seconds));
}

#[test]
fn identical_titled_response_schemas_are_one_type() {
    let operation = |id: &str| {
        format!(
            r#"
    get:
      operationId: {id}
      summary: Get {id}
      responses:
        '200':
          description: The status.
          content:
            application/json:
              schema:
                title: Status
                type: object
                description: A status.
                properties:
                  state: {{type: string, description: The state.}}"#
        )
    };
    let spec = format!(
        "openapi: 3.0.3\ninfo: {{title: Status, version: '1'}}\npaths:\n  /a:{}\n  /b:{}\n  /c:{}\n",
        operation("getA"),
        operation("getB"),
        operation("getC")
    );
    let generated = generate("status", &spec);
    let text = lib_rs(&generated);
    assert_eq!(text.matches("pub struct Status {").count(), 1, "{text}");
    // Each of the three operations returns it (in the `Call` of its `send`, and its
    // `IntoFuture` output through the runtime's `request_builder!`).
    let sends = text.matches("pub fn send(self)").count();
    assert_eq!(sends, 3, "{text}");
    let compact: String = text.split_whitespace().collect();
    assert_eq!(compact.matches("client_runtime::Call<'a,crate::types::Status,crate::Get").count(), sends, "{text}");
    assert_eq!(compact.matches(",crate::types::Status,crate::Get").count(), 2 * sends, "{text}");
    assert!(!text.contains("pub struct Status2"), "{text}");
}

#[test]
fn no_debug_of_a_builder_or_client_prints_a_url_beyond_its_origin() {
    let url = "https://nsx.example.com:8443/api/v1/tenant-s3cr3t";
    let builder = nsx_client::Client::builder(url).basic_auth("admin", "pw");
    let printed = format!("{builder:?}");
    assert!(printed.contains("https://nsx.example.com:8443") && !printed.contains("tenant-s3cr3t"), "{printed}");
    let client = builder.build().unwrap();
    let printed = format!("{client:?}");
    assert!(printed.contains("https://nsx.example.com:8443") && !printed.contains("tenant-s3cr3t"), "{printed}");
    // A URL that is refused is not echoed either.
    let error = nsx_client::Client::new("https://admin:s3cr3t@nsx.example.com/?token=s3cr3t").unwrap_err();
    assert!(!error.to_string().contains("s3cr3t"), "{error}");
}

/// `cargo xtask generate` with its exit code and stderr.
fn xtask_generate(spec: &str, out: &Path, name: Option<&str>) -> (i32, String) {
    let mut command = Command::new(env!("CARGO"));
    command.args(["run", "-q", "-p", "xtask", "--", "generate", spec, "--out"]).arg(out).current_dir(workspace_root());
    if let Some(name) = name {
        command.args(["--name", name]);
    }
    let output = command.output().unwrap();
    (output.status.code().unwrap_or(-1), String::from_utf8_lossy(&output.stderr).into_owned())
}

#[test]
fn generate_refuses_a_directory_holding_another_crate_with_exit_2() {
    let scratch = tempfile::tempdir().unwrap();
    let out = scratch.path().join("client");
    assert_eq!(xtask_generate("specs/nsx.yaml", &out, None).0, 0);
    let manifest = std::fs::read_to_string(out.join("Cargo.toml")).unwrap();

    // Another spec into the same directory: refused, nothing touched.
    let (code, stderr) = xtask_generate("specs/vcd.yaml", &out, None);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("holds the generated crate `nsx-client`, not `vcd-client`"), "{stderr}");
    assert_eq!(std::fs::read_to_string(out.join("Cargo.toml")).unwrap(), manifest);

    // The same crate again is a regeneration.
    assert_eq!(xtask_generate("specs/nsx.yaml", &out, None).0, 0);

    // A directory holding something else entirely.
    let other = scratch.path().join("other");
    std::fs::create_dir(&other).unwrap();
    std::fs::write(other.join("notes.txt"), "mine").unwrap();
    let (code, stderr) = xtask_generate("specs/nsx.yaml", &other, None);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("holds no generated crate"), "{stderr}");
    assert_eq!(std::fs::read_to_string(other.join("notes.txt")).unwrap(), "mine");
}
