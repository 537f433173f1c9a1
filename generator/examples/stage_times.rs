//! Prints how long each pipeline stage takes on one spec, leniently (a profiling aid):
//! `cargo run --release -p generator --example stage_times <SPEC>`.
use std::time::Instant;
fn main() {
    let path = std::path::PathBuf::from(std::env::args().nth(1).expect("spec path"));
    let t = Instant::now();
    let document = generator::input::load(&path).unwrap();
    println!("load      {:>8.1} ms", t.elapsed().as_secs_f64() * 1e3);
    let t = Instant::now();
    let (openapi, warnings) = generator::validate::validate(&document, true).map_err(|d| d.render()).unwrap();
    println!("validate  {:>8.1} ms ({} warnings)", t.elapsed().as_secs_f64() * 1e3, warnings.warning_count());
    let t = Instant::now();
    let rendered = warnings.render();
    println!("render    {:>8.1} ms ({} bytes)", t.elapsed().as_secs_f64() * 1e3, rendered.len());
    let t = Instant::now();
    let (api, _) = generator::model::lower(&openapi, &document).map_err(|d| d.render()).unwrap();
    println!("model     {:>8.1} ms", t.elapsed().as_secs_f64() * 1e3);
    let t = Instant::now();
    let emitted = generator::emit::emit(&api).map_err(|d| d.render()).unwrap();
    println!("emit      {:>8.1} ms", t.elapsed().as_secs_f64() * 1e3);
    let t = Instant::now();
    let text = generator::format::format_lib(emitted.parts, "// x").map_err(|d| d.render()).unwrap();
    println!("format    {:>8.1} ms ({} lines)", t.elapsed().as_secs_f64() * 1e3, text.lines().count());
}
