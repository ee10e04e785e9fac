//! `codegen/overlay.toml`: what the specs cannot say — namespace names that differ from the
//! file stem, type names the spec gets wrong, and which namespaces have hand-written code that
//! the generated layer extends in each language.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::names::{camel_ident, pascal_ident, snake_ident};

/// The overlay file, read as it is.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Overlay {
    /// Product key → namespace names.
    #[serde(default)]
    namespaces: BTreeMap<String, Namespace>,
    /// Product key → (the name a component asks for → the name it gets).
    #[serde(default)]
    types: BTreeMap<String, BTreeMap<String, String>>,
    /// Product key → language → hand-written extras.
    #[serde(default)]
    pub extras: BTreeMap<String, BTreeMap<String, toml::Table>>,
}

/// The names of a product's namespace.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Namespace {
    /// snake_case.
    pub snake: String,
    /// camelCase.
    pub camel: String,
    /// PascalCase.
    pub pascal: String,
}

impl Overlay {
    /// Reads the overlay's text.
    pub fn parse(text: &str) -> Result<Self, String> {
        toml::from_str(text).map_err(|e| format!("codegen/overlay.toml: {e}"))
    }

    /// The namespace names of `product`: the overlay's, else its key in each case.
    pub fn namespace(&self, product: &str) -> Namespace {
        self.namespaces.get(product).cloned().unwrap_or_else(|| Namespace {
            snake: snake_ident(product),
            camel: camel_ident(product),
            pascal: pascal_ident(product),
        })
    }

    /// The name a type of `product` gets when it asks for `wanted`.
    pub fn type_name(&self, product: &str, wanted: &str) -> String {
        self.types.get(product).and_then(|t| t.get(wanted)).cloned().unwrap_or_else(|| wanted.to_owned())
    }

    /// The hand-written extras of `product` in `language`, if any.
    pub fn extras(&self, product: &str, language: &str) -> Option<&toml::Table> {
        self.extras.get(product).and_then(|l| l.get(language))
    }
}
