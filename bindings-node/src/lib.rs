//! Node.js binding of the Infobip SDK, published on npm as `infobip-sdk`.
//!
//! This crate converts between JavaScript and the Rust core (`infobip`) and does nothing else
//! (logic lives in core: docs/ARCHITECTURE.md). The hand-written JavaScript layer in `lib/` turns
//! the structured error payloads made here into `InfobipError` subclasses, wires `AbortSignal`s
//! to [`CancelToken`]s, adds async iterators, and reads results: answers cross as JSON text, read
//! by `JSON.parse` and the readers generated per type (`lib/generated/`).

mod calls;
mod cancel;
mod catalog;
mod client;
mod error;
mod log;
mod options;
mod runtime;
mod sms;
mod tfa;
mod webhooks;

pub use calls::test_panic;
pub use cancel::CancelToken;
pub use catalog::{Answer, NativePages, catalog_operations, catalog_required_scopes, parse_date_time};
pub use client::NativeClient;
pub use options::{BasicCredentials, CallOptions, ClientOptions, OAuth2Credentials};
pub use sms::LogStream;
pub use webhooks::{
    webhooks_parse_click, webhooks_parse_delivery_reports, webhooks_parse_inbound, webhooks_verify_basic,
    webhooks_verify_hmac,
};
