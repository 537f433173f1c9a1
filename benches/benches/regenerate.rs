//! End to end: the wall time of `xtask regenerate`, the built binary run as a process.
//!
//! The bench first builds the release binary with `cargo build --release --workspace --bins
//! --benches`: the same selection and features as `cargo bench` itself, so every dependency is
//! the one `cargo bench` has just built and only xtask's binary is compiled. (A narrower
//! `-p xtask` would resolve other features and rebuild the generator and most of its
//! dependencies, well over a minute on two cores; so would the variables cargo sets for the
//! bench process, which are removed.) Then it times `target/release/xtask regenerate` from the
//! workspace root: start-up, every spec in `specs/` through the whole pipeline, and the
//! comparison with `generated/`. When the checked-in clients are in step with the specs (as on
//! a clean clone) the run writes nothing; when they are not, `regenerate --check` is timed
//! instead (the same work without the writes), so that benchmarking never changes the working
//! tree.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

use criterion::{Criterion, SamplingMode};

const GROUP: &str = "regenerate";

fn main() {
    let started = SystemTime::now();
    let root = benchmarks::workspace_root();
    let listing = std::env::args().any(|argument| argument == "--list" || argument == "--test");
    let binary = if listing { None } else { build_xtask(&root) };
    let Some(binary) = binary else {
        if !listing {
            println!("note: the xtask binary could not be built; the regenerate group is skipped");
        }
        return;
    };

    let in_step = run(&binary, &root, &["regenerate", "--check"]).is_some_and(|ok| ok);
    let arguments: &[&str] = if in_step { &["regenerate"] } else { &["regenerate", "--check"] };
    if !in_step {
        println!("note: generated/ is not in step with specs/; timing `regenerate --check` so that nothing is written");
    }
    let once = Instant::now();
    run(&binary, &root, arguments);
    let once = once.elapsed();

    let mut criterion = Criterion::default()
        .output_directory(&benchmarks::criterion_dir())
        .nresamples(20_000)
        .configure_from_args();
    let mut group = criterion.benchmark_group(GROUP);
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(once.clamp(Duration::from_millis(100), Duration::from_secs(1)))
        .measurement_time((once * 12).max(Duration::from_secs(2)));
    group.bench_function("xtask", |bencher| {
        bencher.iter(|| run(&binary, &root, arguments).expect("the xtask binary runs"))
    });
    group.finish();
    criterion.final_summary();
    report(started, &binary, &root, arguments, in_step);
}

/// Builds `xtask` in the release profile with the cargo that runs the bench; returns the path
/// of the binary.
fn build_xtask(root: &Path) -> Option<PathBuf> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let started = Instant::now();
    let mut command = Command::new(cargo);
    command.args(["build", "--release", "--quiet", "--workspace", "--bins", "--benches"]).current_dir(root);
    // Cargo gives the bench the variables of its own package; a nested cargo would pass them
    // on to build scripts that watch them (ring's watches CARGO_MANIFEST_DIR), which would then
    // count as changed and rebuild ring and everything above it, twice (here and in the next
    // `cargo bench`).
    for (name, _) in std::env::vars_os() {
        let name = name.to_string_lossy();
        if name.starts_with("CARGO_PKG_")
            || ["CARGO_MANIFEST_DIR", "CARGO_MANIFEST_PATH", "CARGO_CRATE_NAME", "CARGO_BIN_NAME", "CARGO_PRIMARY_PACKAGE", "CARGO_TARGET_TMPDIR"]
                .contains(&name.as_ref())
        {
            command.env_remove(name.as_ref());
        }
    }
    let status = command.status().ok()?;
    if !status.success() {
        return None;
    }
    println!("built the release xtask binary in {:.1} s", started.elapsed().as_secs_f64());
    let binary = benchmarks::target_dir().join("release").join(format!("xtask{}", std::env::consts::EXE_SUFFIX));
    binary.is_file().then_some(binary)
}

/// Runs the binary with its output discarded; `Some(success)`, or `None` if it cannot start.
fn run(binary: &Path, root: &Path, arguments: &[&str]) -> Option<bool> {
    Command::new(binary)
        .args(arguments)
        .current_dir(root)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .ok()
        .map(|status| status.success())
}

fn report(started: SystemTime, binary: &Path, root: &Path, arguments: &[&str], in_step: bool) {
    let median = benchmarks::median_ns(GROUP, "xtask", None, started);
    let relative = binary.strip_prefix(root).unwrap_or(binary);
    let mut text = String::new();
    let _ = writeln!(text, "## End to end: `xtask regenerate`\n");
    text.push_str(&benchmarks::machine_text());
    let _ = writeln!(text, "\n| command | median wall time |\n| --- | ---: |");
    let cell = median.map(benchmarks::duration_text).unwrap_or_else(|| "not measured".into());
    let _ = writeln!(text, "| `{} {}` (release build, already built) | {cell} |", relative.display(), arguments.join(" "));
    if !in_step {
        text.push_str("\n`generated/` was not in step with `specs/`, so `--check` was timed (the same work, nothing written).\n");
    } else {
        text.push_str("\n`generated/` was in step with `specs/`: each run regenerated every client and wrote nothing.\n");
    }
    benchmarks::save("regenerate.md", &text);
    println!("\n{text}");
}
