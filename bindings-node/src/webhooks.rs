//! `webhooks`: parsing pushed bodies and verifying their senders, with the core's functions.
//! These calls are synchronous: they do no I/O. Parsed pushes leave as JSON text (date-times as
//! epoch milliseconds), which the JavaScript layer reads with `JSON.parse` and the generated
//! readers.

use crate::calls::to_json_text;
use crate::error::to_napi;
use infobip::Secret;
use infobip::webhooks::{self, HmacAlgorithm};
use napi::bindgen_prelude::Buffer;
use napi_derive::napi;

/// Delivery reports from a push body (v3 or legacy v1, JSON or XML), as JSON text.
#[napi(catch_unwind)]
pub fn webhooks_parse_delivery_reports(body: Buffer) -> napi::Result<String> {
    webhooks::parse_delivery_reports(&body).and_then(|r| to_json_text(&r)).map_err(|e| to_napi(&e))
}

/// Inbound messages from a push body (`MO_JSON_2`), as JSON text.
#[napi(catch_unwind)]
pub fn webhooks_parse_inbound(body: Buffer) -> napi::Result<String> {
    webhooks::parse_inbound(&body).and_then(|r| to_json_text(&r)).map_err(|e| to_napi(&e))
}

/// A URL click from a push body, as JSON text.
#[napi(catch_unwind)]
pub fn webhooks_parse_click(body: Buffer) -> napi::Result<String> {
    webhooks::parse_click(&body).and_then(|r| to_json_text(&r)).map_err(|e| to_napi(&e))
}

/// Checks a Basic `Authorization` header; throws a `webhook_verification` error otherwise.
#[napi(catch_unwind)]
pub fn webhooks_verify_basic(authorization: Option<String>, username: String, password: String) -> napi::Result<()> {
    webhooks::verify_basic(authorization.as_deref(), &username, &Secret::new(password)).map_err(|e| to_napi(&e))
}

/// Checks an HMAC signature of `body`; `algorithm` is `sha256`, `HMAC_SHA_256`, `md5`, ….
#[napi(catch_unwind)]
pub fn webhooks_verify_hmac(
    body: Buffer,
    signature: Option<String>,
    secret: String,
    algorithm: String,
) -> napi::Result<()> {
    HmacAlgorithm::from_name(&algorithm)
        .and_then(|algorithm| webhooks::verify_hmac(&body, signature.as_deref(), &Secret::new(secret), algorithm))
        .map_err(|e| to_napi(&e))
}
