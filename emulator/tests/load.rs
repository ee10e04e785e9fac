//! Bounded load test: 20,000 sends at concurrency 64 against the in-process emulator; every send
//! gets exactly one delivery report, pushed to a webhook and pulled through GET /sms/3/reports.
//!
//! Bounded in count (20,000, or `EMULATOR_LOAD_SENDS`) and in time: the send phase stops starting
//! new sends after 75 s and the whole test fails after 120 s. A run that could not make every send
//! within the budget fails (after checking that what was sent got exactly one report each), so a
//! pass always means all 20,000. Typical: ~4 s in release, ~31 s in debug on a loaded 2-core box.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::*;
use infobip_emulator::{Emulator, EmulatorConfig};
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const SENDS: usize = 20_000;
const CONCURRENCY: usize = 64;
const SEND_BUDGET: Duration = Duration::from_secs(75);

fn sends() -> usize {
    std::env::var("EMULATOR_LOAD_SENDS").ok().and_then(|v| v.parse().ok()).unwrap_or(SENDS)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn twenty_thousand_sends_each_get_exactly_one_report() {
    tokio::time::timeout(Duration::from_secs(120), run()).await.expect("load test exceeded 120 s");
}

async fn run() {
    let target = sends();
    let rx = Receiver::start(0).await;
    let cfg = EmulatorConfig {
        delivery_delay_ms: 50,
        webhook_retry_initial_ms: 50,
        max_recorded_requests: 0,
        ..EmulatorConfig::default()
    };
    let e = Emulator::start_with(cfg).await.unwrap();
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..CONCURRENCY {
        let (base, next, url) = (e.base_url(), next.clone(), rx.url.clone());
        workers.push(tokio::spawn(async move {
            let mut conn = RawConn::connect(&base).await;
            let mut sent = 0usize;
            while started.elapsed() < SEND_BUDGET {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= target {
                    break;
                }
                let body = format!(
                    r#"{{"messages":[{{"sender":"Load","destinations":[{{"to":"41793026727","messageId":"load-{i}"}}],"content":{{"text":"load test"}},"webhooks":{{"delivery":{{"url":"{url}"}}}}}}]}}"#
                );
                let (status, _) = conn.request("POST", "/sms/3/messages", KEY, body.as_bytes()).await;
                assert_eq!(status, 200);
                sent += 1;
            }
            sent
        }));
    }
    let mut sent = 0;
    for w in workers {
        sent += w.await.unwrap();
    }
    let elapsed = started.elapsed();
    println!(
        "{sent} sends at concurrency {CONCURRENCY} in {elapsed:?}: {:.0} sends/s",
        sent as f64 / elapsed.as_secs_f64()
    );
    assert!(sent > 0);
    assert_eq!(e.message_count(), sent);

    // Push: every accepted message reported exactly once.
    let pushed = wait_until(Duration::from_secs(25), || rx.count() >= sent).await;
    assert!(pushed, "only {} of {sent} reports pushed", rx.count());
    tokio::time::sleep(Duration::from_millis(300)).await;
    let mut counts: HashMap<String, usize> = HashMap::new();
    for r in rx.results() {
        *counts.entry(r["messageId"].as_str().unwrap().to_string()).or_default() += 1;
    }
    assert_eq!(counts.len(), sent, "distinct messages reported");
    assert!(counts.values().all(|c| *c == 1), "a report was pushed twice");
    println!("all {sent} reports pushed after {:?}", started.elapsed());

    // Pull: every report available exactly once.
    let h = Http::new(&e.base_url());
    let mut pulled: HashMap<String, usize> = HashMap::new();
    for _ in 0..(sent / 1000 + 5) {
        let j = h.get("/sms/3/reports?limit=1000", Some(KEY)).await.json();
        let results = j["results"].as_array().unwrap();
        if results.is_empty() {
            break;
        }
        for r in results {
            *pulled.entry(r["messageId"].as_str().unwrap().to_string()).or_default() += 1;
        }
    }
    assert_eq!(pulled.len(), sent);
    assert!(pulled.values().all(|c| *c == 1));
    assert_eq!(e.webhook_stats().dropped, 0);
    assert_eq!(sent, target, "the send budget of {SEND_BUDGET:?} ran out after {sent} of {target} sends");
}
