//! Helpers shared by the bench targets in `benches/benches/`: where things are, criterion's
//! medians read back from its results on disk, the machine description, the Markdown tables
//! and the SVG chart of generation time against spec size.
//!
//! Every bench target runs its criterion group, then reads the medians criterion wrote in this
//! run (older result files are ignored, so every ratio compares numbers taken in one run) and
//! writes its report to `target/benchmarks/<group>.md` (and `generation.svg`). `BENCHMARKS.md`
//! at the workspace root is assembled from those files.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::time::{Duration, SystemTime};

/// The workspace root (the parent of this crate).
pub fn workspace_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(Path::to_path_buf).unwrap_or_else(|| manifest.to_path_buf())
}

/// A folder of public specs kept beside the repository, never in it: `../shared/<kind>`, or
/// `$OPENAPI_SHARED_DIR/<kind>` (the same setting as the opt-in tests, see `tests/lib.rs`), and
/// how the reports show it (`../shared/<kind>` by default). The caller skips what is missing.
pub fn shared_dir(kind: &str) -> (PathBuf, String) {
    match std::env::var_os("OPENAPI_SHARED_DIR") {
        Some(shared) => {
            let dir = PathBuf::from(shared).join(kind);
            let shown = dir.display().to_string();
            (dir, shown)
        }
        None => (workspace_root().join("../shared").join(kind), format!("../shared/{kind}")),
    }
}

/// Cargo's target directory: `CARGO_TARGET_DIR`, else what `cargo metadata` says, else
/// `<root>/target`.
pub fn target_dir() -> PathBuf {
    static TARGET: OnceLock<PathBuf> = OnceLock::new();
    TARGET
        .get_or_init(|| {
            if let Some(dir) = std::env::var_os("CARGO_TARGET_DIR") {
                let dir = PathBuf::from(dir);
                return if dir.is_absolute() { dir } else { workspace_root().join(dir) };
            }
            cargo_metadata_target().unwrap_or_else(|| workspace_root().join("target"))
        })
        .clone()
}

fn cargo_metadata_target() -> Option<PathBuf> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--no-deps"])
        .current_dir(workspace_root())
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout).ok()?;
    metadata.get("target_directory")?.as_str().map(PathBuf::from)
}

/// Where criterion keeps its results (`CRITERION_HOME`, else `<target>/criterion`), handed to
/// criterion explicitly so that the reports read the same place it writes.
pub fn criterion_dir() -> PathBuf {
    match std::env::var_os("CRITERION_HOME") {
        Some(dir) => PathBuf::from(dir),
        None => target_dir().join("criterion"),
    }
}

/// Where the reports go: `<target>/benchmarks/`.
pub fn report_dir() -> PathBuf {
    target_dir().join("benchmarks")
}

/// The median (in nanoseconds) criterion measured for `group/function[/parameter]`, if it
/// wrote it at or after `since` (so a result left by an earlier run never counts).
pub fn median_ns(group: &str, function: &str, parameter: Option<&str>, since: SystemTime) -> Option<f64> {
    let mut path = criterion_dir().join(safe(group)).join(safe(function));
    if let Some(parameter) = parameter {
        path = path.join(safe(parameter));
    }
    let path = path.join("new").join("estimates.json");
    let modified = std::fs::metadata(&path).and_then(|metadata| metadata.modified()).ok()?;
    // File times can be coarser than the clock: allow a second of slack.
    if modified + Duration::from_secs(1) < since {
        return None;
    }
    let estimates: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).ok()?).ok()?;
    estimates.get("median")?.get("point_estimate")?.as_f64()
}

/// Criterion's directory name for an id (its `make_filename_safe`, less the length limit).
fn safe(id: &str) -> String {
    id.chars().map(|c| if "?\"/\\*<>:|^".contains(c) { '_' } else { c }).collect()
}

/// A duration in the unit that suits it: `812 µs`, `12.3 ms`, `2.41 s`.
pub fn duration_text(ns: f64) -> String {
    let (value, unit) = if ns >= 1e9 {
        (ns / 1e9, "s")
    } else if ns >= 1e6 {
        (ns / 1e6, "ms")
    } else if ns >= 1e3 {
        (ns / 1e3, "µs")
    } else {
        (ns, "ns")
    };
    if value >= 100.0 {
        format!("{value:.0} {unit}")
    } else if value >= 10.0 {
        format!("{value:.1} {unit}")
    } else {
        format!("{value:.2} {unit}")
    }
}

/// A size in bytes as `3.7 MB`, `436 KB`, `5.1 KB`.
pub fn size_text(bytes: u64) -> String {
    let bytes = bytes as f64;
    if bytes >= 1e6 {
        format!("{:.1} MB", bytes / 1e6)
    } else if bytes >= 1e4 {
        format!("{:.0} KB", bytes / 1e3)
    } else {
        format!("{:.1} KB", bytes / 1e3)
    }
}

/// The machine, toolchain and date, as a Markdown list.
pub fn machine_text() -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find_map(|line| line.strip_prefix("model name").and_then(|rest| rest.split_once(':')).map(|(_, model)| model.trim().to_owned()))
        .unwrap_or_else(|| "unknown".into());
    let cores = std::thread::available_parallelism().map(|cores| cores.get()).unwrap_or(0);
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let memory = meminfo
        .lines()
        .find_map(|line| line.strip_prefix("MemTotal:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map(|kib| format!("{:.1} GiB", kib / (1024.0 * 1024.0)))
        .unwrap_or_else(|| "unknown".into());
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let rustc = Command::new(rustc)
        .arg("--version")
        .output()
        .ok()
        .map(|output| String::from_utf8_lossy(&output.stdout).trim().to_owned())
        .unwrap_or_else(|| "unknown".into());
    let mut text = String::new();
    let _ = writeln!(text, "- date: {} (UTC)", now_text());
    let _ = writeln!(text, "- machine: {cores} cores ({cpu}), {memory} memory, {}", std::env::consts::OS);
    let _ = writeln!(text, "- toolchain: {rustc}, `bench` profile (release)");
    text
}

/// The current UTC time as `YYYY-MM-DD HH:MM`.
pub fn now_text() -> String {
    let seconds = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).map(|elapsed| elapsed.as_secs()).unwrap_or(0);
    let days = (seconds / 86_400) as i64;
    let (year, month, day) = civil_from_days(days);
    let minutes = (seconds % 86_400) / 60;
    format!("{year:04}-{month:02}-{day:02} {:02}:{:02}", minutes / 60, minutes % 60)
}

/// Howard Hinnant's days-to-date conversion (proleptic Gregorian).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Writes `text` to `<target>/benchmarks/<name>`, prints where, and returns the path.
pub fn save(name: &str, text: &str) -> PathBuf {
    let path = report_dir().join(name);
    let written = std::fs::create_dir_all(report_dir()).and_then(|()| std::fs::write(&path, text));
    match written {
        Ok(()) => println!("report written to {}", path.display()),
        Err(error) => eprintln!("cannot write {}: {error}", path.display()),
    }
    path
}

/// One line of the chart: a name, a colour and (label, spec bytes, median ns) points.
pub struct Series {
    /// The legend text.
    pub name: String,
    /// An SVG colour.
    pub color: &'static str,
    /// The points; they are joined in order of size.
    pub points: Vec<(String, u64, f64)>,
}

/// An SVG chart of generation time against spec size, both axes logarithmic.
pub fn chart_svg(title: &str, series: &[Series], footnote: &str) -> String {
    const WIDTH: f64 = 760.0;
    const HEIGHT: f64 = 480.0;
    const LEFT: f64 = 80.0;
    const RIGHT: f64 = 30.0;
    const TOP: f64 = 50.0;
    const BOTTOM: f64 = 90.0;
    let all: Vec<&(String, u64, f64)> = series.iter().flat_map(|series| series.points.iter()).collect();
    let decade_range = |values: &mut dyn Iterator<Item = f64>| {
        let (low, high) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(low, high), value| (low.min(value), high.max(value)));
        if low.is_finite() {
            (low.log10().floor(), high.log10().ceil().max(low.log10().floor() + 1.0))
        } else {
            (0.0, 1.0)
        }
    };
    let (x_low, x_high) = decade_range(&mut all.iter().map(|point| point.1.max(1) as f64));
    let (y_low, y_high) = decade_range(&mut all.iter().map(|point| point.2.max(1.0)));
    let plot_width = WIDTH - LEFT - RIGHT;
    let plot_height = HEIGHT - TOP - BOTTOM;
    let x = |bytes: f64| LEFT + (bytes.max(1.0).log10() - x_low) / (x_high - x_low) * plot_width;
    let y = |ns: f64| TOP + plot_height - (ns.max(1.0).log10() - y_low) / (y_high - y_low) * plot_height;

    let mut svg = String::new();
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif" font-size="12">"#
    );
    let _ = writeln!(svg, r#"<rect width="100%" height="100%" fill="white"/>"#);
    let _ = writeln!(svg, r#"<text x="{}" y="24" text-anchor="middle" font-size="15" font-weight="bold">{}</text>"#, WIDTH / 2.0, escape(title));
    // Grid and tick labels, one per decade.
    for decade in (x_low as i32)..=(x_high as i32) {
        let position = x(10f64.powi(decade));
        let _ = writeln!(svg, r##"<line x1="{position:.1}" y1="{TOP}" x2="{position:.1}" y2="{:.1}" stroke="#ddd"/>"##, TOP + plot_height);
        let _ = writeln!(
            svg,
            r#"<text x="{position:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
            TOP + plot_height + 18.0,
            escape(&size_text(10u64.pow(decade.max(0) as u32)))
        );
    }
    for decade in (y_low as i32)..=(y_high as i32) {
        let position = y(10f64.powi(decade));
        let _ = writeln!(svg, r##"<line x1="{LEFT}" y1="{position:.1}" x2="{:.1}" y2="{position:.1}" stroke="#ddd"/>"##, LEFT + plot_width);
        let _ = writeln!(
            svg,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="end">{}</text>"#,
            LEFT - 8.0,
            position + 4.0,
            escape(&duration_text(10f64.powi(decade)))
        );
    }
    let _ = writeln!(
        svg,
        r##"<rect x="{LEFT}" y="{TOP}" width="{plot_width}" height="{plot_height}" fill="none" stroke="#444"/>"##
    );
    let _ = writeln!(
        svg,
        r#"<text x="{:.1}" y="{:.1}" text-anchor="middle">spec size (log scale)</text>"#,
        LEFT + plot_width / 2.0,
        TOP + plot_height + 40.0
    );
    let _ = writeln!(
        svg,
        r#"<text transform="translate(18 {:.1}) rotate(-90)" text-anchor="middle">median generation time (log scale)</text>"#,
        TOP + plot_height / 2.0
    );
    // The series: a line through the points in size order, a marker and a label at each.
    // Labels are moved up or down until they overlap no label placed before them.
    let mut placed: Vec<(f64, f64, f64, f64)> = Vec::new();
    for (index, series) in series.iter().enumerate() {
        let mut points = series.points.clone();
        points.sort_by_key(|point| point.1);
        let path: Vec<String> = points.iter().map(|point| format!("{:.1},{:.1}", x(point.1 as f64), y(point.2))).collect();
        if path.len() > 1 {
            let _ = writeln!(svg, r#"<polyline points="{}" fill="none" stroke="{}" stroke-width="1.5"/>"#, path.join(" "), series.color);
        }
        let positions: Vec<(f64, f64)> = points.iter().map(|point| (x(point.1 as f64), y(point.2))).collect();
        for &(cx, cy) in &positions {
            if index == 0 {
                let _ = writeln!(svg, r#"<circle cx="{cx:.1}" cy="{cy:.1}" r="4" fill="{}"/>"#, series.color);
            } else {
                let _ = writeln!(svg, r#"<rect x="{:.1}" y="{:.1}" width="8" height="8" fill="{}"/>"#, cx - 4.0, cy - 4.0, series.color);
            }
        }
        // Points close together share one label ("nsx, onezone, ..."): the first series is
        // labelled above its points, the others to the right of theirs.
        let mut clusters: Vec<Vec<usize>> = Vec::new();
        for (point, &(cx, cy)) in positions.iter().enumerate() {
            match clusters.last_mut() {
                Some(cluster) if cx - positions[cluster[0]].0 < 30.0 && (cy - positions[cluster[0]].1).abs() < 40.0 => cluster.push(point),
                _ => clusters.push(vec![point]),
            }
        }
        for cluster in clusters {
            let label = cluster.iter().map(|&point| points[point].0.as_str()).collect::<Vec<_>>().join(", ");
            let width = 5.6 * label.chars().count() as f64;
            let xs = cluster.iter().map(|&point| positions[point].0);
            let ys = cluster.iter().map(|&point| positions[point].1);
            let (min_x, max_x) = xs.fold((f64::INFINITY, f64::NEG_INFINITY), |(low, high), value| (low.min(value), high.max(value)));
            let (min_y, max_y) = ys.fold((f64::INFINITY, f64::NEG_INFINITY), |(low, high), value| (low.min(value), high.max(value)));
            let (mut left, baseline) = if index == 0 {
                ((min_x + max_x) / 2.0 - width / 2.0, min_y - 10.0)
            } else if max_x + 8.0 + width <= LEFT + plot_width {
                (max_x + 8.0, (min_y + max_y) / 2.0 + 4.0)
            } else {
                (min_x - 8.0 - width, (min_y + max_y) / 2.0 + 4.0)
            };
            left = left.clamp(LEFT + 4.0, LEFT + plot_width - 4.0 - width);
            let right = left + width;
            let overlaps = |baseline: f64| {
                placed.iter().any(|&(x0, y0, x1, y1)| left < x1 && x0 < right && baseline - 10.0 < y1 && y0 < baseline + 2.0)
            };
            let shifts = [0.0, -11.0, 11.0, -22.0, 22.0, -33.0, 33.0];
            let shift = shifts.iter().copied().find(|shift| !overlaps(baseline + shift)).unwrap_or(0.0);
            let baseline = baseline + shift;
            placed.push((left, baseline - 10.0, right, baseline + 2.0));
            let _ = writeln!(
                svg,
                r#"<text x="{left:.1}" y="{baseline:.1}" font-size="10" fill="{}">{}</text>"#,
                series.color,
                escape(&label)
            );
        }
        let legend_y = TOP + 16.0 + 18.0 * index as f64;
        let _ = writeln!(
            svg,
            r#"<rect x="{:.1}" y="{:.1}" width="10" height="10" fill="{}"/><text x="{:.1}" y="{:.1}">{}</text>"#,
            LEFT + 12.0,
            legend_y - 9.0,
            series.color,
            LEFT + 28.0,
            legend_y,
            escape(&series.name)
        );
    }
    for (line, text) in footnote.lines().enumerate() {
        let _ = writeln!(svg, r##"<text x="{LEFT}" y="{:.1}" font-size="11" fill="#555">{}</text>"##, HEIGHT - 26.0 + 14.0 * line as f64, escape(text));
    }
    svg.push_str("</svg>\n");
    svg
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The text of a caught panic.
pub fn panic_text(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|text| (*text).to_owned()))
        .unwrap_or_else(|| "(no message)".into())
}

/// Runs `work` with panics caught and the panic message kept out of the output (it is
/// reported in the table instead).
pub fn quietly<T>(work: impl FnOnce() -> T) -> std::thread::Result<T> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work));
    std::panic::set_hook(hook);
    result
}

/// Runs `main` on a thread with a 256 MiB stack, as the generator's own pipeline does (the
/// type generator recurses with large frames), and exits with its result.
pub fn run_on_big_stack(main: fn()) {
    let worker = std::thread::Builder::new().name("bench".into()).stack_size(256 << 20).spawn(main);
    match worker.map(|worker| worker.join()) {
        Ok(Ok(())) => {}
        Ok(Err(panic)) => std::panic::resume_unwind(panic),
        Err(error) => panic!("cannot start the bench thread: {error}"),
    }
}

/// The first line of a multi-line message, for a table cell.
pub fn first_line(text: &str) -> String {
    let line = text.lines().map(str::trim).find(|line| !line.is_empty()).unwrap_or("");
    let line = line.replace('|', "\\|");
    if line.chars().count() > 140 {
        format!("{}…", line.chars().take(140).collect::<String>())
    } else {
        line
    }
}
