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

pub mod account;
#[rustfmt::skip]
pub mod api;
pub mod auth;
pub mod case;
pub mod catalog;
pub mod client;
pub mod config;
pub mod error;
pub mod files;
pub mod http;
pub mod input;
pub mod names;
mod reply;
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
pub use error::{ApiError, Error, OutcomeUnknown, Violation};
pub use files::{Download, FilePart};
pub use http::{Query, RateLimit, Response};
