//! Rust core of the Infobip SDK.
//!
//! One client speaks the Infobip HTTP API: it authenticates (API key, Basic, IBSSO, OAuth2),
//! builds requests, retries what is safe to retry, throttles by the published limits and maps
//! every failure to one [`Error`] with a stable [`code`](Error::code).
//!
//! ```no_run
//! # async fn demo() -> Result<(), infobip::Error> {
//! let client = infobip::Client::builder()
//!     .base_url("xxxxx.api.infobip.com")
//!     .api_key("your-api-key")
//!     .build()?;
//! let balance = client.request(http::Method::GET, "/account/1/balance").send().await?;
//! println!("{}", String::from_utf8_lossy(&balance.body));
//! # Ok(()) }
//! ```
//!
//! # Retries and nothing sent twice
//!
//! GET, PUT and DELETE are retried on connection failures, timeouts, 429, 502, 503 and 504.
//! POST is retried only on 429 and when the connection failed before the request was written.
//! A POST that times out or loses its connection after being written fails with
//! `outcome_unknown` and is never repeated by the SDK.
//!
//! # Every product, typed
//!
//! [`api`] has a module per product of Infobip's specs (a cargo feature each, all on by default),
//! generated from the specs: a handle per product whose methods are named after the operation ids,
//! a request type per operation and every model. Results are [`typed::ApiResponse`]s.
//!
//! ```no_run
//! # async fn demo(client: infobip::Client) -> Result<(), infobip::Error> {
//! use infobip::api::whatsapp::{TextContent, TextMessage};
//! let message = TextMessage {
//!     from: Some("441134960000".into()),
//!     to: Some("441134960001".into()),
//!     content: Some(TextContent { text: Some("Hello".into()), ..Default::default() }),
//!     ..Default::default()
//! };
//! let sent = client.whatsapp().send_whatsapp_text_message(message).await?;
//! println!("{:?} {:?}", sent.message_id, sent.request_id());
//! # Ok(()) }
//! ```
//! Operations that send messages (every channel's sends, the GET query sends included) follow
//! one [`send`] rule however they are called: ids assigned before sending, never repeated once
//! they may have been written, `outcome_unknown` with their ids when in doubt.
//!
//! # Every operation
//!
//! [`catalog`] holds all 943 operations of Infobip's 46 OpenAPI specs; [`Client::call`] calls
//! any of them by id, checking parameters and body against the spec before sending:
//!
//! ```no_run
//! # async fn demo(client: infobip::Client) -> Result<(), infobip::Error> {
//! let params = infobip::CallParams::new().query("limit", 10).query("bulkId", serde_json::json!(["b-1", "b-2"]));
//! let logs = client.call("get-outbound-sms-message-logs-v3", params).await?;
//! println!("{}", logs.body);
//! # Ok(()) }
//! ```
//!
//! # Cargo features
//!
//! - `receiver` (off by default): the module `webhooks::receiver`, a ready-made axum router that verifies
//!   and parses Infobip's webhook pushes and hands them to a callback.

// docs.rs builds with `--cfg docsrs` (Cargo.toml) and marks the `receiver` module as needing its feature.
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod account;
#[rustfmt::skip]
pub mod api;
pub mod auth;
pub mod bridge;
pub mod case;
pub mod catalog;
pub mod client;
pub mod config;
pub mod error;
pub mod files;
pub mod http;
pub mod input;
pub mod logging;
pub mod names;
pub mod network;
pub mod paging;
mod reply;
pub mod send;
pub mod sms;
pub mod subscriptions;
pub mod tfa;
pub mod time;
pub mod typed;
pub mod webhooks;

pub use ::http::Method;
pub use auth::{Credentials, Secret};
pub use catalog::{CallParams, CallResponse, Operation};
pub use client::{Client, ClientBuilder, RequestBuilder};
pub use config::{BaseUrl, RequestOptions, RetryPolicy};
pub use error::{ApiError, AuthFailure, Error, OutcomeUnknown, Violation};
pub use files::{Download, FilePart};
pub use http::{Query, RateLimit, Response};
pub use network::Pem;
pub use send::{SendIds, SendTracker};
