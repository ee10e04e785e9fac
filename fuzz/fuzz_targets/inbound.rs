//! Inbound-message pushes (`MO_JSON_2`): parsing never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = infobip::webhooks::parse_inbound(data);
});
