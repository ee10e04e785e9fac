//! `infobip-codegen`: writes every language's typed layer of the SDK from `spec/`.
//!
//! ```text
//! infobip-codegen generate [--check]      write (or compare) the committed outputs
//! infobip-codegen emit <language> <dir>   write a build-time output (kotlin, swift) into <dir>
//! infobip-codegen ir [product]            print the model every emitter reads, as JSON
//! infobip-codegen stats                   count what is typed, per language
//! ```
//!
//! `./x generate` runs `generate`; `./x test` runs `generate --check`, which fails when a
//! committed file differs from what the generator writes now. Paths are relative to the
//! repository root (the parent of this crate), or `--root DIR`.

mod emit;
mod ir;
mod lower;
mod overlay;
mod stats;
mod widen;

#[path = "../../core/src/names.rs"]
#[allow(dead_code)]
mod names;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::Value;

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("infobip-codegen: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(mut args: Vec<String>) -> Result<(), String> {
    let mut root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    if let Some(i) = args.iter().position(|a| a == "--root") {
        args.remove(i);
        root = PathBuf::from(args.get(i).cloned().ok_or("--root needs a directory")?);
        args.remove(i);
    }
    let command: Vec<&str> = args.iter().map(String::as_str).collect();
    match command.as_slice() {
        ["generate"] => emit::write_all(&root, &load(&root)?, false),
        ["generate", "--check"] => emit::write_all(&root, &load(&root)?, true),
        ["emit", language, dir] => emit::write_build_time(&load(&root)?, language, Path::new(dir)),
        ["ir"] => print_json(&load(&root)?.api),
        ["ir", product] => {
            let loaded = load(&root)?;
            let found = loaded.api.products.iter().find(|p| p.key == *product || p.snake == *product);
            print_json(found.ok_or_else(|| format!("no product {product:?}"))?)
        }
        ["stats"] => {
            println!("{}", stats::table(&load(&root)?.api));
            Ok(())
        }
        _ => {
            Err("usage: infobip-codegen [--root DIR] generate [--check] | emit <language> <dir> | ir [product] | stats"
                .to_owned())
        }
    }
}

fn print_json(value: &impl serde::Serialize) -> Result<(), String> {
    let text = serde_json::to_string_pretty(value).map_err(|e| e.to_string())?;
    println!("{text}");
    Ok(())
}

/// The model, with what the outputs record about the specs they came from.
pub struct Loaded {
    /// Every product.
    pub api: ir::Api,
    /// SHA-256 of the spec files, in name order (name, a NUL, contents, for each).
    pub spec_sha256: String,
    /// The overlay.
    pub overlay: overlay::Overlay,
}

/// Reads `spec/*.json` and `codegen/overlay.toml` under `root`.
fn load(root: &Path) -> Result<Loaded, String> {
    use sha2::{Digest, Sha256};
    let overlay_path = root.join("codegen/overlay.toml");
    let overlay_text =
        std::fs::read_to_string(&overlay_path).map_err(|e| format!("{}: {e}", overlay_path.display()))?;
    let overlay = overlay::Overlay::parse(&overlay_text)?;
    let spec_dir = root.join("spec");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&spec_dir)
        .map_err(|e| format!("{}: {e}", spec_dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut hash = Sha256::new();
    let mut products = Vec::new();
    for path in &files {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
        let text = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        hash.update(name.as_bytes());
        hash.update([0]);
        hash.update(&text);
        let spec: Value = serde_json::from_slice(&text).map_err(|e| format!("{name}: {e}"))?;
        let mut product = lower::product(&name, &spec, &overlay)?;
        widen::examples(&mut product, &spec);
        products.push(product);
    }
    let mut seen = std::collections::HashMap::new();
    for product in &products {
        for op in &product.operations {
            if let Some(other) = seen.insert(op.id.clone(), product.key.clone()) {
                return Err(format!("operation id {:?} is in both {other} and {}", op.id, product.key));
            }
        }
    }
    let spec_sha256 = hash.finalize().iter().map(|b| format!("{b:02x}")).collect();
    Ok(Loaded { api: ir::Api { products }, spec_sha256, overlay })
}
