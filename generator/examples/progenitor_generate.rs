//! Bare progenitor 0.15.1 as a whole process, the other side of the whole-process comparison in
//! BENCHMARKS.md (`benches/scripts/measure.sh`): read the spec, `generate_tokens`, `syn::parse2`,
//! `prettyplease::unparse`, and write a crate with progenitor's runtime dependencies, so that
//! its compile cost can be measured too:
//! `cargo run --release -p generator --example progenitor_generate <SPEC> <OUT_DIR>`.
use std::path::PathBuf;

// The allocator `cargo xtask` runs on, so that the comparison is of the pipelines alone.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let (Some(spec), Some(out)) = (args.next().map(PathBuf::from), args.next().map(PathBuf::from)) else {
        return Err("usage: progenitor_generate <SPEC> <OUT_DIR>".into());
    };
    let text = std::fs::read_to_string(&spec).map_err(|error| format!("cannot read {}: {error}", spec.display()))?;
    let document: openapiv3::OpenAPI = if spec.extension().is_some_and(|extension| extension == "json") {
        serde_json::from_str(&text).map_err(|error| error.to_string())?
    } else {
        serde_yaml::from_str(&text).map_err(|error| error.to_string())?
    };
    let mut generator = progenitor_impl::Generator::new(&progenitor_impl::GenerationSettings::default());
    let tokens = generator.generate_tokens(&document).map_err(|error| error.to_string())?;
    let file: syn::File = syn::parse2(tokens).map_err(|error| error.to_string())?;
    let lib = prettyplease::unparse(&file);
    std::fs::create_dir_all(out.join("src")).map_err(|error| error.to_string())?;
    std::fs::write(out.join("src/lib.rs"), &lib).map_err(|error| error.to_string())?;
    // What progenitor's output for the corpus specs needs (its README's list, and what nexus uses).
    let manifest = r#"[package]
name = "progenitor-output"
version = "0.1.0"
edition = "2021"

[dependencies]
base64 = "0.22"
bytes = "1"
chrono = { version = "0.4", default-features = false, features = ["serde", "std"] }
futures = "0.3"
futures-core = "0.3"
progenitor-client = "0.15"
rand = "0.9"
regress = "0.10"
reqwest = { version = "0.13", default-features = false, features = ["json", "stream", "query", "form"] }
serde = { version = "1", features = ["derive"] }
serde_json = "1"
serde_urlencoded = "0.7"
uuid = { version = "1", features = ["serde", "v4"] }

[workspace]
"#;
    std::fs::write(out.join("Cargo.toml"), manifest).map_err(|error| error.to_string())?;
    println!("{} lines", lib.lines().count());
    Ok(())
}
