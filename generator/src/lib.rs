//! Turns an OpenAPI 3.0 spec into a typed Rust client crate.
//!
//! The generator is a pipeline; each stage is a module, takes what the previous one produced
//! and hands its own result forward:
//!
//! 1. [`load`]: read the file and parse YAML or JSON into a JSON value (syntax errors located);
//!    `tree` builds the value with caps on size, depth and alias expansion.
//! 2. [`validate`]: check the document is OpenAPI 3.0 and that a client can be generated from
//!    it; every problem becomes a located [`Diagnostic`]. Its checks: `shape` (structure and
//!    field types), `schemas` (schema rules), `references` (the `$ref` graph), [`extensions`]
//!    (the `x-` keys it reads), and its own (operations, names, path templates, security, servers).
//! 3. [`model`]: lower the document into a plain [`model::Api`]: operations, parameters,
//!    responses, security schemes, with Rust names decided.
//! 4. [`emit`]: build Rust tokens: schema types through progenitor's engine, and the client,
//!    operations, per-operation error enums and authentication with our own emitter.
//! 5. [`format`](mod@format): pretty-print with prettyplease and prepend the "generated" header.
//! 6. [`write`](mod@write): lay out the crate's files and write them, or check them (`--check`).
//!
//! Nothing in the pipeline panics on bad input; a panic inside a dependency is caught and
//! reported as an error naming the spec.

pub mod corpus;
pub mod diagnostic;
pub mod emit;
pub mod extensions;
pub mod format;
pub mod load;
mod locate;
pub mod model;
mod naming;
mod references;
mod refs;
mod schemas;
mod shape;
mod template;
mod tree;
pub mod validate;
pub mod workspace;
pub mod write;

use std::path::Path;

pub use diagnostic::{Diagnostic, Diagnostics, Severity};
pub use write::{CrateFiles, CrateOptions};

/// A generated crate, with what is worth reporting about it.
#[derive(Debug)]
pub struct Generated {
    /// The crate's files.
    pub files: CrateFiles,
    /// Warnings about the spec (generation went ahead).
    pub warnings: Diagnostics,
    /// How many operations became methods.
    pub operations: usize,
    /// How many Rust types the schemas became.
    pub types: usize,
}

/// The stack of the thread the pipeline runs on. Nesting is capped (`tree::MAX_DEPTH`,
/// `shape::MAX_SCHEMA_DEPTH`), but the type generator's frames are large in debug builds and a
/// caller's thread may be small (a test thread has 2 MiB); only touched pages cost memory.
const PIPELINE_STACK: usize = 256 << 20;

/// Runs the whole pipeline for one spec file and returns the crate's files, or every
/// diagnostic when the spec cannot be turned into a client.
pub fn generate_crate(spec_path: &Path, options: &CrateOptions) -> Result<Generated, Diagnostics> {
    let crashed = |message: &str| {
        let mut diagnostics = Diagnostics::new(spec_path.display().to_string(), String::new());
        diagnostics.push(
            Diagnostic::error("", format!("the generator {message}"))
                .help("this is a generator bug; please report it with the spec"),
        );
        diagnostics
    };
    std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .name("generator".into())
            .stack_size(PIPELINE_STACK)
            .spawn_scoped(scope, || pipeline(spec_path, options));
        match worker {
            Ok(worker) => worker.join().unwrap_or_else(|_| Err(crashed("panicked (see the message above)"))),
            Err(error) => Err(crashed(&format!("could not start its thread: {error}"))),
        }
    })
}

fn pipeline(spec_path: &Path, options: &CrateOptions) -> Result<Generated, Diagnostics> {
    let document = load::load(spec_path)?;
    let (openapi, mut warnings) = validate::validate(&document, options.lenient)?;
    let (api, model_warnings) = model::lower(&openapi, &document).map_err(|found| found.with_source(&document))?;
    warnings.merge(model_warnings.with_source(&document));
    let (types, lib_rs) = emit_and_format(&api, &options.header()).map_err(|found| found.with_source(&document))?;
    Ok(Generated {
        files: write::crate_files(&api, lib_rs, &types, options),
        warnings,
        operations: api.operations.len(),
        types: types.count,
    })
}

/// Stages 4 and 5 in two lanes: the schema types (typify's work and the larger half of the
/// formatting) are emitted and formatted on a thread of their own while this one emits and
/// formats the client and operations. Tokens cannot cross threads, so each lane formats its
/// own; the output is the same as emitting and formatting in one thread ([`emit::emit`]).
fn emit_and_format(api: &model::Api, header: &str) -> Result<(emit::types::TypeFacts, String), Diagnostics> {
    std::thread::scope(|scope| {
        let types_lane = std::thread::Builder::new().name("types".into()).stack_size(PIPELINE_STACK).spawn_scoped(scope, || {
            let types = emit::types::emit_types(api).map_err(Diagnostics::single)?;
            Ok((types.facts, format::format_part(&emit::types_module(&types.tokens))?))
        });
        let rest = format::format_part(&emit::client_and_operations(api));
        let types_lane: Result<_, Diagnostics> = match types_lane {
            Ok(lane) => lane.join().unwrap_or_else(|_| Err(bug("panicked while generating the schema types"))),
            Err(error) => Err(bug(&format!("could not start a thread: {error}"))),
        };
        let (facts, types) = types_lane?;
        let head = format::format_part(&emit::head(api, &facts))?;
        Ok((facts, format::join(header, &[head, types, rest?])))
    })
}

fn bug(message: &str) -> Diagnostics {
    Diagnostics::single(
        Diagnostic::error("", format!("the generator {message}")).help("this is a generator bug; please report it with the spec"),
    )
}
