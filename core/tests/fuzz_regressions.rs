//! Inputs that `cargo fuzz` (fuzz/) found to crash a parser, kept as tests once fixed. Each test
//! replays the fuzz target's own steps on the exact input it reported.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use http::{HeaderMap, HeaderValue};
use infobip::ApiError;

/// fuzz/artifacts/error_body/crash-7d1cddc6…: a `Retry-After` of 21 digits parses as a float
/// too large for a `Duration`, and `Duration::from_secs_f64` panicked.
#[test]
fn a_retry_after_too_large_for_a_duration_saturates_instead_of_panicking() {
    let mut headers = HeaderMap::new();
    headers.insert(http::header::RETRY_AFTER, HeaderValue::from_static("555555555555555555555"));
    let error = ApiError::from_response(429, &headers, br#"{"requestError":{}}"#);
    assert_eq!(error.retry_after, Some(Duration::MAX));
    assert!(error.to_string().contains("429"), "{error}");
    // The largest whole number of seconds still reads exactly.
    headers.insert(http::header::RETRY_AFTER, HeaderValue::from_static("18446744073709551615"));
    let error = ApiError::from_response(429, &headers, b"");
    assert_eq!(error.retry_after, Some(Duration::from_secs(u64::MAX)));
}
