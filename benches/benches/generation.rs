//! Generation speed: our whole pipeline against bare progenitor 0.15.1 on the same spec.
//!
//! - ours: `generator::generate_crate` (read, parse, validate, model, emit, format, lay out the
//!   crate's files; nothing is written to disk).
//! - progenitor: read the file, parse it into `openapiv3::OpenAPI` (serde_json or serde_yaml),
//!   `Generator::generate_tokens` with default settings, `syn::parse2` and
//!   `prettyplease::unparse`: the same work up to formatted text.
//!
//! Specs: the five in `specs/`, and nexus, GitHub and Intercom from `../shared/corpus/` (beside
//! the repository, or `$OPENAPI_SHARED_DIR/corpus/`; a missing one is skipped with a note). Each spec is first run once on each
//! side: one that fails or panics is reported as such and not timed (when our full pipeline
//! fails, the stages that succeed are timed instead). After the criterion group, a timing
//! breakdown by stage shows where the time goes, and the report (table and chart) is written
//! to `target/benchmarks/generation.md` and `generation.svg`.

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use benchmarks::{chart_svg, duration_text, first_line, panic_text, quietly, save, size_text, Series};
use criterion::{BenchmarkGroup, BenchmarkId, Criterion, SamplingMode};
use generator::{emit, format, generate_crate, input, model, validate, CrateOptions, Diagnostic, Diagnostics};

const GROUP: &str = "generation";

/// The corpus specs, in the corpus folder (`benchmarks::shared_dir("corpus")`).
const CORPUS: [&str; 3] = ["nexus.json", "api.github.com.json", "intercom-2.11.yaml"];

/// Our pipeline's stages, in order, as named in the report.
const STAGES: [&str; 5] = ["load", "validate", "model", "emit", "format"];

struct Spec {
    /// As shown in the report: `specs/nsx.yaml`, `../shared/corpus/nexus.json`.
    display: String,
    /// The criterion parameter and chart label: the file stem.
    id: String,
    path: PathBuf,
    bytes: u64,
    corpus: bool,
}

/// How a side fared on the single run before timing.
enum Probe {
    /// It produced formatted code, in this time; `detail` says what (operations, lines).
    Works { once: Duration, detail: String },
    /// Our pipeline failed; the first `stages` stages succeed (those are timed).
    Fails { stages: usize, message: String, once: Duration },
    /// It returned an error.
    Error(String),
    /// It panicked.
    Panics(String),
}

fn main() {
    benchmarks::run_on_big_stack(run);
}

fn run() {
    let started = SystemTime::now();
    let root = benchmarks::workspace_root();
    let filters = filters();
    let mut specs = specs(&root);
    specs.retain(|spec| {
        filters.is_empty()
            || ["ours", "progenitor"].iter().any(|side| filters.iter().any(|filter| format!("{GROUP}/{side}/{}", spec.id).contains(filter.as_str())))
    });
    if listing() {
        // Listing needs no probes: name what would run.
        for spec in &specs {
            println!("{GROUP}/ours/{}: benchmark\n{GROUP}/progenitor/{}: benchmark", spec.id, spec.id);
        }
        return;
    }
    let mut criterion = Criterion::default()
        .output_directory(&benchmarks::criterion_dir())
        .nresamples(20_000)
        .configure_from_args();

    // Probe each side once (this also warms the file cache).
    let probes: Vec<(Probe, Probe)> = specs
        .iter()
        .map(|spec| {
            let ours = probe_ours(spec);
            let theirs = probe_progenitor(&spec.path);
            println!("{}: ours {}; progenitor {}", spec.display, probe_text(&ours), probe_text(&theirs));
            (ours, theirs)
        })
        .collect();

    let mut single_runs = SingleRuns::new();
    let mut group = criterion.benchmark_group(GROUP);
    for (spec, (ours, theirs)) in specs.iter().zip(&probes) {
        let options = options(spec);
        match ours {
            Probe::Works { once, .. } if *once >= SLOW => {
                single_runs.time("ours", spec, *once, || black_box(generate_crate(&spec.path, &options).is_ok()));
            }
            Probe::Works { once, .. } => {
                configure(&mut group, *once);
                group.bench_function(BenchmarkId::new("ours", &spec.id), |bencher| {
                    bencher.iter(|| black_box(generate_crate(&spec.path, &options).expect("generation failed")))
                });
            }
            Probe::Fails { stages, once, .. } if *stages > 0 && *once >= SLOW => {
                single_runs.time("ours", spec, *once, || run_stages(&spec.path, *stages, spec.corpus).is_ok());
            }
            Probe::Fails { stages, once, .. } if *stages > 0 => {
                configure(&mut group, *once);
                group.bench_function(BenchmarkId::new("ours", &spec.id), |bencher| {
                    bencher.iter(|| run_stages(&spec.path, *stages, spec.corpus).expect("a stage failed"))
                });
            }
            _ => {}
        }
        match theirs {
            Probe::Works { once, .. } if *once >= SLOW => {
                single_runs.time("progenitor", spec, *once, || black_box(progenitor(&spec.path).is_ok()));
            }
            Probe::Works { once, .. } => {
                configure(&mut group, *once);
                group.bench_function(BenchmarkId::new("progenitor", &spec.id), |bencher| {
                    bencher.iter(|| black_box(progenitor(&spec.path).expect("progenitor failed")))
                });
            }
            _ => {}
        }
    }
    group.finish();
    criterion.final_summary();

    if std::env::args().any(|argument| argument == "--test") {
        return;
    }
    report(&specs, &probes, &single_runs, started);
}

/// A single run longer than this is timed by a few single runs instead of criterion, whose
/// minimum of ten samples (plus a warm-up run) would not fit the time budget of `cargo bench`.
const SLOW: Duration = Duration::from_secs(3);

/// Medians of three single runs (the probe run and two more) of the slow specs.
struct SingleRuns(std::collections::HashMap<(&'static str, String), f64>);

impl SingleRuns {
    fn new() -> Self {
        SingleRuns(std::collections::HashMap::new())
    }

    fn time(&mut self, side: &'static str, spec: &Spec, probe: Duration, mut run: impl FnMut() -> bool) {
        println!("{GROUP}/{side}/{}: one run takes {:.1} s; timing 2 more single runs instead of criterion's 10 samples", spec.id, probe.as_secs_f64());
        let mut times = vec![probe.as_nanos() as f64];
        for _ in 0..2 {
            let started = Instant::now();
            assert!(run(), "{side} failed on {}", spec.display);
            times.push(started.elapsed().as_nanos() as f64);
        }
        times.sort_by(f64::total_cmp);
        println!("{GROUP}/{side}/{}: median of 3 single runs {}", spec.id, duration_text(times[1]));
        self.0.insert((side, spec.id.clone()), times[1]);
    }

    fn get(&self, side: &'static str, spec: &Spec) -> Option<f64> {
        self.0.get(&(side, spec.id.clone())).copied()
    }
}

/// Whether criterion was asked only to list the benchmarks.
fn listing() -> bool {
    std::env::args().any(|argument| argument == "--list")
}

/// The benchmark name filters given on the command line (`cargo bench -- nexus`), so that the
/// probes, single runs and breakdown skip the specs criterion skips. Criterion's own options
/// and their values are not filters.
fn filters() -> Vec<String> {
    const WITH_VALUE: [&str; 16] = [
        "--save-baseline", "-s", "--baseline", "-b", "--baseline-lenient", "--load-baseline", "--sample-size", "--warm-up-time",
        "--measurement-time", "--nresamples", "--noise-threshold", "--confidence-level", "--significance-level", "--profile-time",
        "--color", "--output-format",
    ];
    let mut filters = Vec::new();
    let mut arguments = std::env::args().skip(1);
    while let Some(argument) = arguments.next() {
        if WITH_VALUE.contains(&argument.as_str()) {
            arguments.next();
        } else if !argument.starts_with('-') {
            filters.push(argument);
        }
    }
    filters
}

/// Few samples for the big specs: criterion needs at least 10, and GitHub's spec takes seconds.
fn configure(group: &mut BenchmarkGroup<'_, criterion::measurement::WallTime>, once: Duration) {
    if once < Duration::from_millis(40) {
        group
            .sampling_mode(SamplingMode::Auto)
            .sample_size(20)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(2));
    } else {
        // Ten samples of one run each (criterion rounds the runs per sample up, so the target
        // is set below ten runs; it then says it needs more time, which is expected). The
        // warm-up is at least one run.
        group
            .sampling_mode(SamplingMode::Flat)
            .sample_size(10)
            .warm_up_time(once.min(Duration::from_millis(500)))
            .measurement_time(once * 6);
    }
}

fn specs(root: &Path) -> Vec<Spec> {
    let mut specs = Vec::new();
    let mut own: Vec<PathBuf> = std::fs::read_dir(root.join("specs"))
        .map(|entries| entries.filter_map(Result::ok).map(|entry| entry.path()).collect())
        .unwrap_or_default();
    own.retain(|path| path.extension().is_some_and(|extension| extension == "yaml" || extension == "yml" || extension == "json"));
    own.sort();
    let with = |path: PathBuf, display: String, corpus: bool| Spec {
        id: path.file_stem().map(|stem| stem.to_string_lossy().into_owned()).unwrap_or_default(),
        bytes: std::fs::metadata(&path).map(|metadata| metadata.len()).unwrap_or(0),
        path,
        display,
        corpus,
    };
    for path in own {
        let display = format!("specs/{}", path.file_name().unwrap_or_default().to_string_lossy());
        specs.push(with(path, display, false));
    }
    let (corpus, shown) = benchmarks::shared_dir("corpus");
    for name in CORPUS {
        let path = corpus.join(name);
        if path.is_file() {
            specs.push(with(path, format!("{shown}/{name}"), true));
        } else {
            println!(
                "note: {} is missing (the public corpus sits beside the repository in ../shared/corpus, or in $OPENAPI_SHARED_DIR/corpus); skipped",
                path.display()
            );
        }
    }
    specs
}

fn options(spec: &Spec) -> CrateOptions {
    CrateOptions {
        crate_name: format!("{}-client", spec.id.replace('.', "-")),
        spec_display: spec.display.clone(),
        regenerate_command: "cargo bench".into(),
        runtime_path: "../../runtime".into(),
        standalone: false,
        // The corpus specs have bugs our generator refuses by default (arrays without `items`,
        // a dangling $ref); lenient mode works around them with warnings.
        lenient: spec.corpus,
    }
}

fn probe_ours(spec: &Spec) -> Probe {
    let options = options(spec);
    let started = Instant::now();
    match quietly(|| generate_crate(&spec.path, &options)) {
        Ok(Ok(generated)) => Probe::Works {
            once: started.elapsed(),
            detail: format!("{} operations, {} types, {} lines", generated.operations, generated.types, generated.files.rust_lines()),
        },
        Ok(Err(diagnostics)) => {
            let message = diagnostics
                .render()
                .lines()
                .find(|line| line.starts_with("error"))
                .map(str::to_owned)
                .unwrap_or_else(|| format!("{} errors", diagnostics.error_count()));
            // Find how many stages succeed, and time them once.
            let stages = (0..STAGES.len()).rev().find(|&count| quietly(|| run_stages(&spec.path, count, spec.corpus)).is_ok_and(|result| result.is_ok())).unwrap_or(0);
            let started = Instant::now();
            let _ = run_stages(&spec.path, stages, spec.corpus);
            Probe::Fails { stages, message: format!("{message} ({} errors)", diagnostics.error_count()), once: started.elapsed() }
        }
        Err(panic) => Probe::Panics(panic_text(&*panic)),
    }
}

fn probe_progenitor(path: &Path) -> Probe {
    let started = Instant::now();
    match quietly(|| progenitor(path)) {
        Ok(Ok(text)) => Probe::Works { once: started.elapsed(), detail: format!("{} lines", text.lines().count()) },
        Ok(Err(error)) => Probe::Error(error),
        Err(panic) => Probe::Panics(panic_text(&*panic)),
    }
}

fn probe_text(probe: &Probe) -> String {
    match probe {
        Probe::Works { once, detail } => format!("works ({detail}; {} once)", duration_text(once.as_nanos() as f64)),
        Probe::Fails { stages, message, .. } => format!("fails after {} stage(s): {message}", stages),
        Probe::Error(error) => format!("returns an error: {}", first_line(error)),
        Probe::Panics(message) => format!("panics: {}", first_line(message)),
    }
}

/// The first `count` stages of our pipeline, on the caller's thread.
fn run_stages(path: &Path, count: usize, lenient: bool) -> Result<(), String> {
    let failed = |diagnostics: generator::Diagnostics| diagnostics.render();
    let document = input::load(path).map_err(failed)?;
    if count <= 1 {
        return Ok(());
    }
    let (openapi, _) = validate::validate(&document, lenient).map_err(failed)?;
    if count <= 2 {
        return Ok(());
    }
    let (api, _) = model::lower(&openapi, &document).map_err(failed)?;
    if count <= 3 {
        return Ok(());
    }
    let emitted = emit::emit(&api).map_err(failed)?;
    if count <= 4 {
        return Ok(());
    }
    format::format_lib(emitted.parts, "// header\n").map_err(failed)?;
    Ok(())
}

/// Bare progenitor on `path`, including reading and parsing the file.
fn progenitor(path: &Path) -> Result<String, String> {
    let text = std::fs::read_to_string(path).map_err(|error| format!("cannot read: {error}"))?;
    let spec: openapiv3::OpenAPI = if path.extension().is_some_and(|extension| extension == "json") {
        serde_json::from_str(&text).map_err(|error| format!("not an OpenAPI document: {error}"))?
    } else {
        serde_yaml::from_str(&text).map_err(|error| format!("not an OpenAPI document: {error}"))?
    };
    let mut generator = progenitor_impl::Generator::new(&progenitor_impl::GenerationSettings::default());
    let tokens = generator.generate_tokens(&spec).map_err(|error| error.to_string())?;
    let file: syn::File = syn::parse2(tokens).map_err(|error| format!("the output does not parse: {error}"))?;
    Ok(prettyplease::unparse(&file))
}

/// Time of each stage of both sides, the median of a few runs (one run per stage for the
/// big specs). Not a criterion measurement: a breakdown to show where the time goes.
struct Breakdown {
    ours: Vec<(&'static str, Duration)>,
    theirs: Vec<(&'static str, Duration)>,
    /// The whole of each side as one call, timed in the same runs.
    ours_whole: Option<Duration>,
    theirs_whole: Option<Duration>,
}

fn breakdown(spec: &Spec, ours: &Probe, theirs: &Probe) -> Breakdown {
    let once = match (ours, theirs) {
        (Probe::Works { once, .. }, _) | (Probe::Fails { once, .. }, _) => *once,
        _ => Duration::from_millis(1),
    };
    let runs = if once < Duration::from_millis(50) { 15 } else if once < Duration::from_millis(800) { 5 } else { 1 };
    let mut ours_runs = Vec::new();
    let mut theirs_runs = Vec::new();
    let mut ours_whole = Vec::new();
    let mut theirs_whole = Vec::new();
    let options = options(spec);
    for _ in 0..runs {
        if matches!(ours, Probe::Works { .. } | Probe::Fails { .. }) {
            if let Ok(times) = quietly(|| ours_stage_times(&spec.path, options.lenient)) {
                ours_runs.push(times);
            }
        }
        if matches!(ours, Probe::Works { .. }) {
            let started = Instant::now();
            black_box(generate_crate(&spec.path, &options).is_ok());
            ours_whole.push(started.elapsed());
        }
        if matches!(theirs, Probe::Works { .. }) {
            if let Ok(times) = quietly(|| progenitor_stage_times(&spec.path)) {
                theirs_runs.push(times);
            }
            let started = Instant::now();
            black_box(progenitor(&spec.path).is_ok());
            theirs_whole.push(started.elapsed());
        }
    }
    let median = |mut times: Vec<Duration>| {
        times.sort();
        times.get(times.len() / 2).copied()
    };
    Breakdown { ours: medians(&ours_runs), theirs: medians(&theirs_runs), ours_whole: median(ours_whole), theirs_whole: median(theirs_whole) }
}

fn medians(runs: &[Vec<(&'static str, Duration)>]) -> Vec<(&'static str, Duration)> {
    let Some(first) = runs.first() else { return Vec::new() };
    (0..first.len())
        .map(|index| {
            let mut times: Vec<Duration> = runs.iter().filter_map(|run| run.get(index).map(|stage| stage.1)).collect();
            times.sort();
            (first[index].0, times[times.len() / 2])
        })
        .collect()
}

/// Our stages, timed one by one. Stops at the first stage that fails. Besides the stages:
/// - validate and the pipeline locate warnings (line and column, for rendering): the cost of
///   that is shown apart, timed as locating one diagnostic (the index of the whole text it
///   builds is the cost; finding each pointer in it is a hash look-up);
/// - emit is split into the schema types (progenitor/typify) and our own emitter, and the
///   types into their two progenitor calls, timed on a replica of `emit_types`.
fn ours_stage_times(path: &Path, lenient: bool) -> Vec<(&'static str, Duration)> {
    let mut times = Vec::new();
    let timed = |work: &mut dyn FnMut()| {
        let started = Instant::now();
        work();
        started.elapsed()
    };
    // `generate_crate` runs the pipeline on a 256 MiB stack of its own (`stacker::grow`).
    times.push(("switch to and from the pipeline's 256 MiB stack", timed(&mut || {
        black_box(stacker::grow(256 << 20, || black_box(1)));
    })));
    let mut document = None;
    times.push(("load (read + parse)", timed(&mut || document = input::load(path).ok())));
    let Some(document) = document else { return times };
    let locate = || {
        let started = Instant::now();
        black_box(Diagnostics::detached(vec![Diagnostic::warning("/openapi", "probe")]).with_source(&document));
        started.elapsed()
    };

    let mut validated = None;
    let validate_time = timed(&mut || validated = validate::validate(&document, lenient).ok());
    let Some((openapi, warnings)) = validated else { return times };
    if warnings.is_empty() {
        times.push(("validate", validate_time));
    } else {
        let locating = locate();
        times.push(("validate: checks and typed reading", validate_time.saturating_sub(locating)));
        times.push((leak(format!("validate: locating its {} warnings (line/column index of the text)", warnings.items().len())), locating));
    }

    let mut lowered = None;
    times.push(("model", timed(&mut || lowered = model::lower(&openapi, &document).ok())));
    let Some((api, model_warnings)) = lowered else { return times };
    if !model_warnings.is_empty() {
        // The pipeline locates these too (`with_source`): a second index of the whole text.
        times.push((leak(format!("model: locating its {} warnings (a second index)", model_warnings.items().len())), locate()));
    }

    let mut types = None;
    times.push(("emit: schema types (progenitor/typify)", timed(&mut || types = emit::types::emit_types(&api).ok())));
    if types.is_none() {
        return times;
    }
    // The replica skips what the real stage does first (marking secrets), so progenitor can
    // fail or panic on it where the real stage does not: then it is left out.
    if let Ok(Some(generate_tokens)) = quietly(|| emit_types_replica(&api)) {
        times.push(("↳ of which progenitor's generate_tokens (replica)", generate_tokens));
    }
    times.push((
        "emit: client, operations and responses (ours, written as formatted text)",
        timed(&mut || {
            black_box(emit::own_parts(&api));
        }),
    ));
    // The whole of emit again, for the formatter's input (not timed as a stage): the schema
    // types, typify's items as tokens and our enums.
    let Ok(emitted) = emit::emit(&api) else { return times };
    let Some(emit::Code::Types(schema_types)) = emitted.parts.iter().find(|part| matches!(part, emit::Code::Types(_))) else { return times };
    let whole = emit::types_module(&schema_types.tokens);
    let mut file = None;
    times.push(("format: syn::parse2 (typify's items, emitted as tokens)", timed(&mut || file = syn::parse2::<syn::File>(whole.clone()).ok())));
    let Some(file) = file else { return times };
    times.push(("format: prettyplease::unparse", timed(&mut || drop(black_box(prettyplease::unparse(&file))))));
    if !schema_types.own.is_empty() {
        times.push(("format: our enums, written as formatted text", timed(&mut || drop(black_box(emit::types::write_own(&schema_types.own, &[]))))));
    }
    // `generate_crate` frees all of this before it returns.
    let mut everything = Some((document, openapi, warnings, api, model_warnings, types, emitted, file));
    times.push(("free the document, model, tokens and syntax tree", timed(&mut || drop(everything.take()))));
    times
}

/// Stage names that carry a count live as long as the bench.
fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

/// `emit_types` calls progenitor's `generate_tokens` on a schemas-only document and keeps
/// the items of its `mod types`. This replica (secrets not marked, the same settings) times
/// that call alone.
fn emit_types_replica(api: &model::Api) -> Option<Duration> {
    let schemas: serde_json::Map<String, serde_json::Value> = api.schemas.iter().map(|(name, schema)| (name.clone(), schema.clone())).collect();
    let document = serde_json::json!({
        "openapi": "3.0.3",
        "info": { "title": api.title, "version": api.api_version },
        "paths": {},
        "components": { "schemas": schemas },
    });
    let spec: openapiv3::OpenAPI = serde_json::from_value(document).ok()?;
    let mut settings = progenitor_impl::GenerationSettings::default();
    settings.with_unknown_crates(progenitor_impl::UnknownPolicy::Allow);
    settings.with_derive("PartialEq");
    let mut generator = progenitor_impl::Generator::new(&settings);
    let started = Instant::now();
    black_box(generator.generate_tokens(&spec).ok()?);
    Some(started.elapsed())
}

fn progenitor_stage_times(path: &Path) -> Vec<(&'static str, Duration)> {
    let mut times = Vec::new();
    let mut clock = Instant::now();
    let mut lap = |name: &'static str, times: &mut Vec<(&'static str, Duration)>| {
        let now = Instant::now();
        times.push((name, now - clock));
        clock = now;
    };
    let Ok(text) = std::fs::read_to_string(path) else { return times };
    let spec: Result<openapiv3::OpenAPI, String> = if path.extension().is_some_and(|extension| extension == "json") {
        serde_json::from_str(&text).map_err(|error| error.to_string())
    } else {
        serde_yaml::from_str(&text).map_err(|error| error.to_string())
    };
    let Ok(spec) = spec else { return times };
    lap("read + parse into openapiv3", &mut times);
    let mut generator = progenitor_impl::Generator::new(&progenitor_impl::GenerationSettings::default());
    let Ok(tokens) = generator.generate_tokens(&spec) else { return times };
    lap("generate_tokens", &mut times);
    let Ok(file) = syn::parse2::<syn::File>(tokens) else { return times };
    lap("syn::parse2", &mut times);
    black_box(prettyplease::unparse(&file));
    lap("prettyplease::unparse", &mut times);
    times
}

fn report(specs: &[Spec], probes: &[(Probe, Probe)], single_runs: &SingleRuns, started: SystemTime) {
    let median = |side: &'static str, spec: &Spec| {
        single_runs.get(side, spec).or_else(|| benchmarks::median_ns(GROUP, side, Some(&spec.id), started))
    };
    let mark = |side: &'static str, spec: &Spec| if single_runs.get(side, spec).is_some() { " †" } else { "" };
    let mut table = String::new();
    table.push_str("| spec | size | ours | progenitor 0.15.1 | ours / progenitor |\n| --- | ---: | ---: | ---: | ---: |\n");
    let mut notes = String::new();
    let mut slower = Vec::new();
    let mut compared = 0;
    let mut ours_series = Series { name: "ours (generate_crate)".into(), color: "#1f77b4", points: Vec::new() };
    let mut theirs_series = Series { name: "progenitor 0.15.1 (generate_tokens + prettyplease)".into(), color: "#ff7f0e", points: Vec::new() };
    let mut not_charted = Vec::new();
    for (spec, (ours, theirs)) in specs.iter().zip(probes) {
        let ours_median = median("ours", spec);
        let theirs_median = median("progenitor", spec);
        let ours_cell = match (ours, ours_median) {
            (Probe::Works { .. }, Some(ns)) => format!("{}{}", duration_text(ns), mark("ours", spec)),
            (Probe::Fails { stages, .. }, Some(ns)) => {
                format!("{}{} (up to {} only)", duration_text(ns), mark("ours", spec), STAGES[stages.saturating_sub(1)])
            }
            (Probe::Fails { stages: 0, .. }, _) => "fails at load".into(),
            (Probe::Panics(_), _) => "panics".into(),
            _ => "not measured".into(),
        };
        let theirs_cell = match (theirs, theirs_median) {
            (Probe::Works { .. }, Some(ns)) => format!("{}{}", duration_text(ns), mark("progenitor", spec)),
            (Probe::Panics(_), _) => "panics".into(),
            (Probe::Error(_), _) => "error".into(),
            _ => "not measured".into(),
        };
        let ratio = match (ours, ours_median, theirs_median) {
            (Probe::Works { .. }, Some(ours), Some(theirs)) => {
                compared += 1;
                if ours > theirs {
                    slower.push(format!("{} ({:.2})", spec.display, ours / theirs));
                }
                format!("**{:.2}**", ours / theirs)
            }
            _ => "–".into(),
        };
        let _ = writeln!(table, "| `{}` | {} | {ours_cell} | {theirs_cell} | {ratio} |", spec.display, size_text(spec.bytes));
        match (ours, ours_median) {
            (Probe::Works { .. }, Some(ns)) => ours_series.points.push((spec.id.clone(), spec.bytes, ns)),
            _ => not_charted.push(format!("ours on {}", spec.id)),
        }
        match (theirs, theirs_median) {
            (Probe::Works { .. }, Some(ns)) => theirs_series.points.push((spec.id.clone(), spec.bytes, ns)),
            _ => not_charted.push(format!("progenitor on {}", spec.id)),
        }
        for (side, probe) in [("ours", ours), ("progenitor", theirs)] {
            match probe {
                Probe::Works { detail, .. } => {
                    let _ = writeln!(notes, "- `{}`, {side}: {detail}", spec.display);
                }
                other => {
                    let _ = writeln!(notes, "- `{}`, {side}: {}", spec.display, probe_text(other));
                }
            }
        }
    }

    let mut stages_text = String::new();
    for (spec, (ours, theirs)) in specs.iter().zip(probes) {
        let breakdown = breakdown(spec, ours, theirs);
        if breakdown.ours.is_empty() && breakdown.theirs.is_empty() {
            continue;
        }
        let total = |stages: &[(&str, Duration)]| stages.iter().filter(|stage| !stage.0.starts_with('↳')).map(|stage| stage.1).sum::<Duration>();
        let ours_total = total(&breakdown.ours);
        let theirs_total = total(&breakdown.theirs);
        let _ = writeln!(stages_text, "\n`{}` ({}):\n", spec.display, size_text(spec.bytes));
        stages_text.push_str("| side | stage | time | share |\n| --- | --- | ---: | ---: |\n");
        for (side, stages, total, whole, call) in [
            ("ours", &breakdown.ours, ours_total, breakdown.ours_whole, "`generate_crate`"),
            ("progenitor", &breakdown.theirs, theirs_total, breakdown.theirs_whole, "the bench's `progenitor` function"),
        ] {
            for (stage, time) in stages {
                let _ = writeln!(
                    stages_text,
                    "| {side} | {stage} | {} | {:.0}% |",
                    duration_text(time.as_nanos() as f64),
                    100.0 * time.as_secs_f64() / total.as_secs_f64().max(1e-12)
                );
            }
            if !stages.is_empty() {
                let _ = writeln!(stages_text, "| {side} | **sum of the stages** | **{}** | |", duration_text(total.as_nanos() as f64));
            }
            if let Some(whole) = whole {
                let _ = writeln!(stages_text, "| {side} | the whole, as one call to {call} | {} | |", duration_text(whole.as_nanos() as f64));
            }
        }
    }

    let goal = if compared == 0 {
        "not measured (no spec was generated by both)".to_owned()
    } else if slower.is_empty() {
        format!("**met**: ours is no slower than progenitor on any of the {compared} specs both generate")
    } else {
        format!("**not met**: ours is slower on {} of {compared} specs: {}", slower.len(), slower.join(", "))
    };
    let footnote = if not_charted.is_empty() { String::new() } else { format!("not charted (fails, panics or not measured): {}", not_charted.join(", ")) };
    let svg = chart_svg("Generation time against spec size", &[ours_series, theirs_series], &wrap(&footnote, 110));
    let svg_path = save("generation.svg", &svg);

    let mut text = String::new();
    let _ = writeln!(text, "## Generation: ours against bare progenitor\n");
    text.push_str(&benchmarks::machine_text());
    let _ = writeln!(text, "\nMedians from criterion; the ratio is ours / progenitor, taken in the same run.\n");
    text.push_str(&table);
    if !single_runs.0.is_empty() {
        let _ = writeln!(
            text,
            "\n† one run takes over {} s: the median of 3 single runs, not criterion (whose 10 samples would not fit the time budget).",
            SLOW.as_secs()
        );
    }
    let _ = writeln!(text, "\nGoal (no slower than progenitor on any spec): {goal}.\n");
    let _ = writeln!(text, "What each side produced, or why it did not:\n");
    text.push_str(&notes);
    let _ = writeln!(text, "\nChart: `{}`\n", svg_path.display());
    let _ = writeln!(text, "### Where the time goes (median of a few single runs per stage, not criterion)");
    text.push_str(&stages_text);
    save("generation.md", &text);
    println!("\n{text}");
}

/// Splits `text` into lines of at most `width` characters at spaces.
fn wrap(text: &str, width: usize) -> String {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split(' ') {
        match lines.last_mut() {
            Some(line) if line.len() + word.len() < width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines.join("\n")
}
