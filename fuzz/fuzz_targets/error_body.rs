//! Error responses from the network: any status, Retry-After and body maps to an error without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else { return };
    let (retry_after, body) = rest.split_at(rest.len().min(usize::from(first % 32)));
    let mut headers = http::HeaderMap::new();
    if let Ok(value) = http::HeaderValue::from_bytes(retry_after) {
        headers.insert(http::header::RETRY_AFTER, value);
    }
    let status = 400 + u16::from(first) % 200;
    let error = infobip::ApiError::from_response(status, &headers, body);
    assert!(error.body.len() <= infobip::error::MAX_KEPT_BODY);
    let _ = error.to_string();
});
