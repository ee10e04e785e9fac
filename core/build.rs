//! Records the compiler version for the `User-Agent` header, and builds the operation catalog
//! from the specs of the `infobip-spec` crate (see `build_script/catalog.rs`).
use std::path::PathBuf;
use std::process::Command;

#[path = "build_script/catalog.rs"]
mod catalog;
#[path = "build_script/files.rs"]
mod files;
#[path = "build_script/sends.rs"]
mod sends;

fn main() {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_owned());
    let version = Command::new(rustc)
        .arg("--version")
        .output()
        .ok()
        .and_then(|out| String::from_utf8(out.stdout).ok())
        .and_then(|text| text.split_whitespace().nth(1).map(str::to_owned))
        .unwrap_or_else(|| "unknown".to_owned());
    println!("cargo:rustc-env=INFOBIP_RUSTC_VERSION={version}");
    println!("cargo:rerun-if-env-changed=RUSTC");

    let out = std::env::var("OUT_DIR").unwrap_or_else(|e| panic!("OUT_DIR: {e}"));
    let specs = infobip_spec::files().unwrap_or_else(|e| panic!("cannot list {}: {e}", infobip_spec::dir().display()));
    println!("cargo:rerun-if-changed={}", infobip_spec::dir().display());
    println!("cargo:rerun-if-changed=build_script");
    catalog::generate(&specs, &PathBuf::from(out));
}
