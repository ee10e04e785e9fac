//! Infobip's OpenAPI 3.1 specifications, one JSON file per product (`infobip-<product>-openapi.json`),
//! shipped as files inside this crate so that the build scripts of `infobip` (the operation catalog)
//! and `infobip-emulator` (its route index and embedded documents) find them both in the repository
//! and in a crate downloaded from a registry. See `README.md` for where the files come from.
//!
//! The crate reads nothing at compile time: [`dir`] is where cargo unpacked it, [`files`] lists the
//! specs there. It is meant for build scripts, tests and code generators.

use std::path::{Path, PathBuf};

/// One product's specification file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecFile {
    /// The product's name: `sms` for `infobip-sms-openapi.json`.
    pub product: String,
    /// The file's absolute path.
    pub path: PathBuf,
}

/// The directory holding the spec files (this crate's own source directory).
pub fn dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every spec file in [`dir`], sorted by file name (so by product).
pub fn files() -> std::io::Result<Vec<SpecFile>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir())? {
        let path = entry?.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else { continue };
        if let Some(product) = name.strip_prefix("infobip-").and_then(|n| n.strip_suffix("-openapi.json")) {
            files.push(SpecFile { product: product.to_owned(), path });
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_every_product_sorted_with_its_name() {
        let files = files().unwrap_or_else(|e| panic!("cannot list {}: {e}", dir().display()));
        let json = std::fs::read_dir(dir())
            .map(|rd| {
                rd.filter(|e| e.as_ref().is_ok_and(|e| e.path().extension().is_some_and(|x| x == "json"))).count()
            })
            .unwrap_or(0);
        assert!(json > 40, "the specs ship with the crate ({json} files)");
        assert_eq!(files.len(), json, "every JSON file is named infobip-<product>-openapi.json");
        let sms = files.iter().find(|f| f.product == "sms").unwrap_or_else(|| panic!("no sms spec"));
        assert!(sms.path.ends_with("infobip-sms-openapi.json"));
        assert!(sms.path.is_file());
        assert!(files.windows(2).all(|w| w[0].path < w[1].path));
    }
}
