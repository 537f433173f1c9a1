//! Turns an OpenAPI spec (3.0, 3.1 or Swagger 2.0, in one file or many) into a typed Rust
//! client crate.
//!
//! The generator is a pipeline; each stage is a module, takes what the previous one produced
//! and hands its own result forward:
//!
//! 1. [`input`]: read the root file and every file it refers to (YAML or JSON, with caps on
//!    size, depth and alias expansion), bundle them into one document, and upgrade Swagger 2.0
//!    or OpenAPI 3.1 to OpenAPI 3.0 shape. `source` (the source map, at the bottom) remembers
//!    which file, line and column every node came from; [`diagnostic`] reads it to point into
//!    the right file.
//! 2. [`validate`]: check the document is OpenAPI 3.0 and that a client can be generated from
//!    it; every problem becomes a located [`Diagnostic`]. Its checks: `shape` (structure and
//!    field types), `schemas` (schema rules), `references` (the `$ref` graph), [`extensions`]
//!    (the `x-` keys it reads), and its own (operations, names, path templates, security, servers).
//! 3. [`model`]: lower the document into a plain [`model::Api`]: operations, parameters,
//!    responses, security schemes, with Rust names decided; [`features`] gives the operations
//!    of a large spec their cargo feature (one per tag or first path segment).
//! 4. [`emit`]: the schema types as tokens, through progenitor's engine; everything else (the
//!    client, operations, per-operation error enums, authentication, mocks) written by our own
//!    emitter directly as formatted Rust text ([`emit::text`]).
//! 5. [`format`](mod@format): pretty-print the schema types with prettyplease (gating them by
//!    feature on the way: `gate`), and join the parts under the "generated" header.
//! 6. [`write`](mod@write): lay out the crate's files and write them, or check them (`--check`).
//!
//! Nothing in the pipeline panics on bad input; a panic inside a dependency is caught and
//! reported as an error naming the schema that caused it (never printed as a panic on stderr).

pub mod corpus;
pub mod diagnostic;
pub mod emit;
pub mod extensions;
pub mod features;
pub mod format;
mod gate;
pub mod input;
pub mod model;
mod naming;
mod references;
mod refs;
mod schemas;
mod shape;
pub mod source;
mod template;
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
    /// The warnings rendered ([`Diagnostics::render`]; empty when there are none), rendered
    /// beside code generation rather than after it.
    pub warnings_text: String,
    /// How many operations became methods.
    pub operations: usize,
    /// How many Rust types the schemas became.
    pub types: usize,
}

/// The stack the pipeline runs on when the caller's has less than [`PIPELINE_RED_ZONE`] left.
/// Nesting is capped (`tree::MAX_DEPTH`, `shape::MAX_SCHEMA_DEPTH`), but the type generator's
/// frames are large in debug builds and a caller's thread may be small (a test thread has
/// 2 MiB); only touched pages cost memory.
pub(crate) const PIPELINE_STACK: usize = 256 << 20;

/// How much of the caller's stack must be left for the pipeline to run on it: twice what the
/// deepest specs the caps allow needed in a debug build (1.5 to 2 MiB; tested with a thread just
/// over this size in `tests/diagnostics.rs`). A process's main thread (8 MiB) has it.
const PIPELINE_RED_ZONE: usize = 4 << 20;

/// Runs the whole pipeline for one spec file and returns the crate's files, or every
/// diagnostic when the spec cannot be turned into a client.
pub fn generate_crate(spec_path: &Path, options: &CrateOptions) -> Result<Generated, Diagnostics> {
    quiet_panics_in_the_pipeline();
    // On this thread: starting one cost a small spec's run a tenth of a millisecond, and so did
    // the page faults of a fresh stack, so the caller's stack is used when it has room, and a
    // stack of its own is switched to otherwise. A panic is carried back across the switch and
    // caught here.
    let generated = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let _inside = InPipeline::enter();
        stacker::maybe_grow(PIPELINE_RED_ZONE, PIPELINE_STACK, || pipeline(spec_path, options))
    }));
    generated.unwrap_or_else(|panic| {
        let mut diagnostics = Diagnostics::new(spec_path.display().to_string(), String::new());
        diagnostics.push(Diagnostic::bug(format!("panicked: {}", diagnostic::panic_message(&*panic))));
        Err(diagnostics)
    })
}

/// The name of the threads the pipeline starts (`generator-types`).
pub(crate) const PIPELINE_THREAD: &str = "generator";

std::thread_local! {
    /// Whether this thread is running the pipeline (see [`InPipeline`]).
    static IN_PIPELINE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Marks this thread as running the pipeline until dropped (also when a panic unwinds).
struct InPipeline(bool);

impl InPipeline {
    fn enter() -> InPipeline {
        InPipeline(IN_PIPELINE.with(|inside| inside.replace(true)))
    }
}

impl Drop for InPipeline {
    fn drop(&mut self) {
        IN_PIPELINE.with(|inside| inside.set(self.0));
    }
}

/// Every panic in the pipeline (the type engine's, caught and reported as a located
/// diagnostic, or a bug of ours, reported as a crash) becomes a diagnostic; the default panic
/// hook would also print it to stderr, beside the diagnostic. So the hook stays silent while
/// a thread runs the pipeline and on the threads it starts, and behaves as before elsewhere.
fn quiet_panics_in_the_pipeline() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let on_lane = std::thread::current().name().is_some_and(|name| name.starts_with(PIPELINE_THREAD));
            if !on_lane && !IN_PIPELINE.with(std::cell::Cell::get) {
                previous(info);
            }
        }));
    });
}

fn pipeline(spec_path: &Path, options: &CrateOptions) -> Result<Generated, Diagnostics> {
    let mut document = input::load(spec_path)?;
    // The input stage's notes (what an upgrade could not carry over) come with whatever follows.
    let with_notes = |mut found: Diagnostics| {
        found.extend_placed(&document.notes);
        found.sorted()
    };
    let (openapi, unlocated) = validate::check(&document, options.lenient).map_err(with_notes)?;
    let located = |found: Diagnostics| with_notes(found.with_source(&document));
    let (api, model_warnings) = model::lower(&openapi, &document).map_err(located)?;
    // The typed document and the document's value are not read again (what follows locates
    // diagnostics with the source map): freed before the code, the peak of a large spec.
    drop(openapi);
    document.value = serde_json::Value::Null;
    let parallel = api.operations.len() + api.schemas.len() >= MIN_ITEMS_FOR_LANES;
    // Locating the warnings in the spec's text (an index of positions per file) and rendering
    // them do not depend on the code, so they run on a lane of their own beside stages 4 and 5.
    let (emitted, warnings) = std::thread::scope(|scope| {
        let warnings_lane = Lane::start(scope, "warnings", parallel, || {
            let mut warnings = with_notes(unlocated.with_source(&document));
            warnings.merge(model_warnings.with_source(&document));
            let text = if warnings.is_empty() { String::new() } else { warnings.render() };
            (warnings, text)
        });
        let emitted = emit_and_format(&api, &options.header(), parallel);
        (emitted, warnings_lane.join("the warnings"))
    });
    let (warnings, warnings_text) = warnings?;
    // The spec's warnings go with an error of the type engine: they may well explain it.
    let (types, lib_rs) = match emitted {
        Ok(emitted) => emitted,
        Err(found) => {
            let mut found = found.with_source(&document);
            found.merge(warnings);
            return Err(found);
        }
    };
    Ok(Generated {
        files: write::crate_files(&api, lib_rs, &types, options),
        warnings,
        warnings_text,
        operations: api.operations.len(),
        types: types.count,
    })
}

/// Stages 4 and 5 in two lanes: the schema types (typify's work, formatted by prettyplease)
/// on a thread of their own, while this one writes the rest of the crate, which our emitter
/// writes as formatted text. The parts joined in order are the same file as emitting and
/// formatting in one thread ([`emit::emit`]), except that the types of a crate with features
/// are gated here ([`format::format_types`]).
fn emit_and_format(api: &model::Api, header: &str, parallel: bool) -> Result<(emit::types::TypeFacts, String), Diagnostics> {
    std::thread::scope(|scope| {
        let types_lane = Lane::start(scope, "types", parallel, || {
            let types = emit::types::emit_types(api).map_err(Diagnostics::single)?;
            let facts = types.facts;
            Ok((facts, format::format_types(types, Some(api), parallel)?))
        });
        let [client, methods, requests, responses] = emit::own_parts(api);
        let (facts, types) = types_lane.join("the schema types")??;
        Ok((facts, format::join(header, &[emit::head(api, &facts), types, client, methods, requests, responses])))
    })
}

/// Below this many operations and schemas together, the lanes run one after the other where
/// the pipeline runs: starting a thread (its stack, its allocator heap) costs more than the
/// lane saves (`cargo bench -p benchmarks --bench generation`, the five small specs).
const MIN_ITEMS_FOR_LANES: usize = 32;

/// Work on a lane: a thread of its own (the pipeline's stack size, named `generator-...`), or
/// done at once on this one when `parallel` is false.
pub(crate) enum Lane<'scope, T> {
    Thread(std::io::Result<std::thread::ScopedJoinHandle<'scope, T>>),
    Done(T),
}

impl<'scope, T: Send + 'scope> Lane<'scope, T> {
    pub(crate) fn start<'env>(
        scope: &'scope std::thread::Scope<'scope, 'env>,
        name: &str,
        parallel: bool,
        work: impl FnOnce() -> T + Send + 'scope,
    ) -> Self {
        if !parallel {
            return Lane::Done(work());
        }
        Lane::Thread(
            std::thread::Builder::new().name(format!("{PIPELINE_THREAD}-{name}")).stack_size(PIPELINE_STACK).spawn_scoped(scope, work),
        )
    }

    /// What the lane gave, or the bug that stopped it (`what` names the work).
    pub(crate) fn join(self, what: &str) -> Result<T, Diagnostics> {
        match self {
            Lane::Done(result) => Ok(result),
            Lane::Thread(Ok(lane)) => lane.join().map_err(|_| bug(&format!("panicked while generating {what}"))),
            Lane::Thread(Err(error)) => Err(bug(&format!("could not start a thread: {error}"))),
        }
    }
}

/// [`Diagnostic::bug`], alone.
pub(crate) fn bug(message: &str) -> Diagnostics {
    Diagnostics::single(Diagnostic::bug(message))
}
