//! URL-click pushes: parsing never panics, nor does reading their epoch-millisecond time.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(click) = infobip::webhooks::parse_click(data) {
        let _ = click.sent_at();
    }
});
