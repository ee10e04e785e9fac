//! The README's table of namespaces (a generated region of the hand-written README).

use std::fmt::Write as _;

use super::File;
use crate::Loaded;

/// The region `generated namespaces` of `README.md`.
pub fn namespaces(loaded: &Loaded) -> File {
    let mut text = String::from(
        "| spec (`spec/infobip-…-openapi.json`) | Python, Rust | Node, Kotlin, Swift | operations | webhook events |\n\
         |---|---|---|---:|---:|\n",
    );
    for product in &loaded.api.products {
        let _ = writeln!(
            text,
            "| `{}` | `{}` | `{}` | {} | {} |",
            product.key,
            product.snake,
            product.camel,
            product.operations.len(),
            product.webhooks.len()
        );
    }
    let operations: usize = loaded.api.products.iter().map(|p| p.operations.len()).sum();
    let webhooks: usize = loaded.api.products.iter().map(|p| p.webhooks.len()).sum();
    let _ = writeln!(text, "| {} products | | | {operations} | {webhooks} |", loaded.api.products.len());
    File { path: "README.md".to_owned(), text, region: Some("generated namespaces") }
}
