//! Throttling from `x-throttling-info` (enabled by configuration).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::*;
use infobip_emulator::{Emulator, EmulatorConfig};

#[tokio::test]
async fn the_121st_logs_request_in_a_minute_gets_429_in_the_real_shape() {
    let cfg = EmulatorConfig { throttling: true, ..EmulatorConfig::default() };
    let e = Emulator::start_with(cfg).await.unwrap();
    let h = Http::new(&e.base_url());
    for i in 0..120 {
        assert_eq!(h.get("/sms/3/logs", Some(KEY)).await.status, 200, "request {}", i + 1);
    }
    let r = h.get("/sms/3/logs", Some(KEY)).await;
    assert_eq!(r.status, 429);
    let j = r.json();
    assert_eq!(j["errorCode"], "E429");
    assert_eq!(j["resources"][0]["name"], "Throttling handling errors");
    // Other operations have their own budget; the legacy logs endpoint answers in the legacy shape.
    assert_eq!(h.get("/sms/3/reports", Some(KEY)).await.status, 200);
    for _ in 0..120 {
        h.get("/sms/1/logs", Some(KEY)).await;
    }
    let r = h.get("/sms/1/logs", Some(KEY)).await;
    assert_eq!(r.status, 429);
    assert_eq!(r.json()["requestError"]["serviceException"]["messageId"], "TOO_MANY_REQUESTS");
}

#[tokio::test]
async fn throttling_is_off_by_default() {
    let e = Emulator::start().await.unwrap();
    let h = Http::new(&e.base_url());
    for _ in 0..130 {
        assert_eq!(h.get("/sms/3/logs", Some(KEY)).await.status, 200);
    }
}
