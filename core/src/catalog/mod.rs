//! Every operation of Infobip's OpenAPI specs (`spec/`), embedded in the crate.
//!
//! The build script turns the 46 product specs into a compact catalog: for each operation its
//! id, product, method, path template, parameters, request body and schema, scopes, published
//! rate limit and deprecation. It is read on first use: the operation list when first asked for
//! (or when a client is built, to load the rate limits), the request schemas when a body or
//! parameter is first validated.
//!
//! ```
//! let op = infobip::catalog::operation("send-sms-messages").expect("in the catalog");
//! assert_eq!((op.method.as_str(), op.path.as_str()), ("POST", "/sms/3/messages"));
//! assert!(infobip::catalog::required_scopes("send-sms-messages").unwrap().contains(&"sms:manage".to_owned()));
//! ```
//!
//! [`Client::call`](crate::Client::call) calls any of them by id.
//!
//! # Operation ids
//!
//! Ids are the specs' `operationId`s, which are unique across the 46 specs (943 operations).
//! Should two products ever share an id, the build names both `product:operationId`
//! (e.g. `sms:get-logs`) and the bare id is unknown (its error suggests both).

mod call;
mod keys;
mod model;
mod schema;
mod suggest;
pub(crate) mod upload;

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::de::DeserializeOwned;

pub use call::{CallParams, CallResponse};
pub use model::{
    Deprecation, FileField, IdPlace, Operation, OperationListing, Param, ParamLocation, RequestBody, SendSpec,
    Throttling,
};

use schema::Schema;

static OPERATIONS_BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/operations.json.deflate"));
static SCHEMAS_BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/schemas.json.deflate"));

struct Catalog {
    operations: Vec<Operation>,
    by_id: HashMap<String, usize>,
    by_key: HashMap<String, usize>,
    /// The operations that send messages.
    sends: Vec<usize>,
}

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        let operations: Vec<Operation> = unpack(OPERATIONS_BLOB, "operations");
        let by_id = operations.iter().enumerate().map(|(i, op)| (op.id.clone(), i)).collect();
        let by_key = operations.iter().enumerate().map(|(i, op)| (op.key(), i)).collect();
        let sends = operations.iter().enumerate().filter(|(_, op)| op.send.is_some()).map(|(i, _)| i).collect();
        Catalog { operations, by_id, by_key, sends }
    })
}

/// The component schemas request schemas refer to, by index.
fn schemas() -> &'static [Schema] {
    static SCHEMAS: OnceLock<Vec<Schema>> = OnceLock::new();
    SCHEMAS.get_or_init(|| unpack(SCHEMAS_BLOB, "schemas"))
}

/// Inflates and reads an embedded part. Both are written by the build script from the same
/// types, so a failure is a bug of this crate, caught by its tests.
fn unpack<T: DeserializeOwned>(blob: &[u8], what: &str) -> T {
    let json = miniz_oxide::inflate::decompress_to_vec(blob)
        .unwrap_or_else(|e| panic!("the embedded catalog's {what} cannot be inflated: {e}"));
    serde_json::from_slice(&json).unwrap_or_else(|e| panic!("the embedded catalog's {what} cannot be read: {e}"))
}

/// Every operation, in spec file order, then path order, then method order.
pub fn operations() -> &'static [Operation] {
    &catalog().operations
}

/// The operation with this id.
pub fn operation(id: &str) -> Option<&'static Operation> {
    let catalog = catalog();
    catalog.by_id.get(id).map(|i| &catalog.operations[*i])
}

/// The scopes an API key needs for this operation (any one of them is enough), from the
/// spec's `x-scopes`; `None` for an unknown id, an empty list when the spec names none.
pub fn required_scopes(id: &str) -> Option<&'static [String]> {
    operation(id).map(|op| op.scopes.as_slice())
}

/// The operations matching `query`: each of its whitespace-separated words must occur, ignoring
/// case, in the operation's id, product, method, path or summary. An empty query matches every
/// operation. Catalog order is kept.
///
/// ```
/// let found = infobip::catalog::search("sms logs");
/// assert!(found.iter().any(|op| op.id == "get-outbound-sms-message-logs-v3"));
/// ```
pub fn search(query: &str) -> Vec<&'static Operation> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    operations()
        .iter()
        .filter(|op| {
            let text = format!("{} {} {} {} {}", op.id, op.product, op.method, op.path, op.summary).to_lowercase();
            words.iter().all(|word| text.contains(word.as_str()))
        })
        .collect()
}

/// The operation a request key names, exactly as `METHOD /path/{template}`.
pub fn operation_by_key(key: &str) -> Option<&'static Operation> {
    let catalog = catalog();
    catalog.by_key.get(key).map(|i| &catalog.operations[*i])
}

/// Every operation that sends messages (those with a [`send`](Operation::send) spec).
pub fn sends() -> impl Iterator<Item = &'static Operation> {
    let catalog = catalog();
    catalog.sends.iter().map(|i| &catalog.operations[*i])
}

/// The operation a request goes to: its key (`METHOD /path/{template}`), or a method and a
/// concrete path whose segments fill a template (`GET /2fa/2/applications/abc`). Where several
/// templates fit, the one with the most literal segments wins.
pub fn operation_for(key: &str) -> Option<&'static Operation> {
    operation_by_key(key).or_else(|| best_fit(key, operations().iter()))
}

/// The send operation a request goes to (see [`operation_for`]), if it is one.
pub fn send_operation_for(key: &str) -> Option<&'static Operation> {
    match operation_by_key(key) {
        Some(op) => op.send.is_some().then_some(op),
        // Most paths fit no send at all; one that does must fit it better than any other operation.
        None => {
            best_fit(key, sends()).filter(|send| best_fit(key, operations().iter()).is_some_and(|op| op.id == send.id))
        }
    }
}

/// The operation among `candidates` whose method and template fit `METHOD /concrete/path` best.
fn best_fit<'a>(key: &str, candidates: impl Iterator<Item = &'a Operation>) -> Option<&'a Operation> {
    let (method, path) = key.split_once(' ')?;
    let path = path.split('?').next().unwrap_or(path);
    let segments: Vec<&str> = path.split('/').collect();
    candidates
        .filter(|op| op.method == method)
        .filter_map(|op| {
            let template: Vec<&str> = op.path.split('/').collect();
            if template.len() != segments.len() {
                return None;
            }
            let mut literal = 0;
            for (t, s) in template.iter().zip(&segments) {
                if t.starts_with('{') && t.ends_with('}') && !s.is_empty() {
                    continue;
                }
                if t != s {
                    return None;
                }
                literal += 1;
            }
            Some((literal, op))
        })
        .max_by_key(|(literal, _)| *literal)
        .map(|(_, op)| op)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_needs_every_word_in_any_field_ignoring_case() {
        assert_eq!(search("").len(), operations().len());
        assert_eq!(search("   ").len(), operations().len());
        let balance = search("GET /account/1/BALANCE");
        assert!(balance.iter().any(|op| op.id == "get-account-balance"), "{balance:?}");
        assert!(balance.iter().all(|op| op.method == "GET" && op.path.contains("/account/1/balance")));
        let twofa = search("2fa pin verify");
        assert!(!twofa.is_empty());
        assert!(twofa.iter().all(|op| op.product == "2fa"));
        assert!(search("no-such-operation-anywhere").is_empty());
        let listed = serde_json::to_value(balance[0].listing()).expect("serializes");
        let keys: Vec<&str> = listed.as_object().expect("an object").keys().map(String::as_str).collect();
        assert_eq!(keys, ["id", "product", "method", "path", "summary", "scopes", "deprecated"]);
        let ids: Vec<&str> = search("sms").iter().map(|op| op.id.as_str()).collect();
        let in_order: Vec<&str> = operations().iter().map(|op| op.id.as_str()).filter(|id| ids.contains(id)).collect();
        assert_eq!(ids, in_order, "catalog order kept");
    }
}
