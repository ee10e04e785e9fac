//! Date-times from the network: parsing never panics, and what parses writes back to the same instant.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(parsed) = infobip::time::parse(text)
    {
        let written = infobip::time::format(&parsed);
        let again = infobip::time::parse(&written).expect("our own output parses");
        assert_eq!(again.timestamp_millis(), parsed.timestamp_millis());
    }
});
