//! Webhooks: what Infobip pushes to your HTTP endpoint, and checking that it came from Infobip.
//!
//! No client is needed: these functions work on the request your server received.
//!
//! Infobip authenticates webhook requests as configured in the Subscriptions API's security
//! settings: `BASIC` (an `Authorization: Basic …` header, see [`verify_basic`]) or `HMAC` (a
//! signature of the body, see [`verify_hmac`]). The name of the header that carries the HMAC
//! signature is not documented in the sources this SDK was built from, so it is a parameter of
//! your code, not of the SDK: read it from the header your subscription delivers.

mod parse;
#[cfg(feature = "receiver")]
#[cfg_attr(docsrs, doc(cfg(feature = "receiver")))]
pub mod receiver;
mod verify;
mod xml;

pub use parse::{parse_click, parse_delivery_reports, parse_inbound};
pub use verify::{HmacAlgorithm, verify_basic, verify_hmac};
