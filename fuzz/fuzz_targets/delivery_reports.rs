//! Delivery-report pushes (JSON or XML, v3 or legacy): parsing never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(reports) = infobip::webhooks::parse_delivery_reports(data) {
        for report in &reports {
            if let Some(status) = &report.status {
                let _ = status.group();
            }
            if let Some(error) = &report.error {
                let _ = error.is_permanent();
            }
        }
    }
});
