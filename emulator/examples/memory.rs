//! Measures the emulator's resident memory after storing 100,000 messages (Linux `/proc`).
//!
//! `cargo run --release -p infobip-emulator --example memory` (bounded: 100 requests of 1,000
//! destinations each, then waits at most 30 s for every message to become final). The figure is
//! the whole process's RSS (emulator and the client driving it) after minus before the sends;
//! the reports stay queued for `GET /sms/3/reports`, as nobody pulls them.

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use infobip_emulator::{Emulator, EmulatorConfig};
use std::time::{Duration, Instant};

fn rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status.lines().find(|l| l.starts_with("VmRSS:"))?.split_whitespace().nth(1)?.parse().ok()
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let cfg = EmulatorConfig { delivery_delay_ms: 10, max_recorded_requests: 0, ..EmulatorConfig::default() };
    let emu = Emulator::start_with(cfg).await?;
    let client =
        hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new()).build_http::<Full<Bytes>>();
    // Warm up (parses the SMS spec) before taking the baseline.
    let warm = br#"{"messages":[{"destinations":[{"to":"41793026727","messageId":"warm"}],"content":{"text":"x"}}]}"#;
    let req = http::Request::post(format!("{}/sms/3/messages", emu.base_url()))
        .header("authorization", "App emulator-api-key")
        .header("content-type", "application/json")
        .body(Full::new(Bytes::from_static(warm)))?;
    client.request(req).await?.into_body().collect().await?;
    let before = rss_kib().unwrap_or(0);
    let started = Instant::now();
    for batch in 0..100 {
        let dests: Vec<String> = (0..1000)
            .map(|i| format!(r#"{{"to":"4179{:07}","messageId":"m-{batch}-{i}"}}"#, batch * 1000 + i))
            .collect();
        let body = format!(
            r#"{{"messages":[{{"sender":"InfoSMS","destinations":[{}],"content":{{"text":"A typical short message text"}},"webhooks":{{"callbackData":"cb"}}}}]}}"#,
            dests.join(",")
        );
        let req = http::Request::post(format!("{}/sms/3/messages", emu.base_url()))
            .header("authorization", "App emulator-api-key")
            .header("content-type", "application/json")
            .body(Full::new(Bytes::from(body)))?;
        let resp = client.request(req).await?;
        assert_eq!(resp.status(), 200);
        resp.into_body().collect().await?;
    }
    let stored = started.elapsed();
    // Wait (at most 30 s) until no message is still pending, so every report is queued too.
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut all_final = false;
    while !all_final && Instant::now() < deadline {
        let req = http::Request::get(format!("{}/sms/3/logs?generalStatus=PENDING&limit=1", emu.base_url()))
            .header("authorization", "App emulator-api-key")
            .body(Full::new(Bytes::new()))?;
        let body = client.request(req).await?.into_body().collect().await?.to_bytes();
        let logs: serde_json::Value = serde_json::from_slice(&body)?;
        all_final = logs["results"].as_array().is_some_and(Vec::is_empty);
        if !all_final {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
    let after = rss_kib().unwrap_or(0);
    println!(
        "stored {} messages in {stored:?} (all final: {all_final}); RSS before {} MiB, after {} MiB (+{} MiB, ~{} bytes/message incl. its pending report)",
        emu.message_count(),
        before / 1024,
        after / 1024,
        after.saturating_sub(before) / 1024,
        after.saturating_sub(before) * 1024 / 100_000
    );
    Ok(())
}
