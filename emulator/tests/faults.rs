//! The admin API: faults (status, Retry-After, delay, resets, malformed body), recorded requests, reset.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::*;
use infobip_emulator::{Emulator, Fault, FaultKind};
use serde_json::json;
use std::time::{Duration, Instant};

#[tokio::test]
async fn status_faults_apply_to_the_next_n_matching_requests_then_stop() {
    let e = Emulator::start().await.unwrap();
    let h = Http::new(&e.base_url());
    let r = h
        .admin(
            "POST",
            "/faults",
            Some(&json!({"count":2,"path":"/sms/3/messages","status":503,"headers":{"Retry-After":"3"}})),
        )
        .await;
    assert_eq!(r.json()["queued"], 1);
    // A non-matching path is unaffected.
    assert_eq!(h.get("/sms/3/logs", Some(KEY)).await.status, 200);
    for _ in 0..2 {
        let r = h.post("/sms/3/messages", Some(KEY), &sms("41793026727", "x")).await;
        assert_eq!(r.status, 503);
        assert_eq!(r.headers["retry-after"], "3");
        assert_eq!(r.json()["errorCode"], "E503");
    }
    assert_eq!(h.post("/sms/3/messages", Some(KEY), &sms("41793026727", "x")).await.status, 200);

    // Custom body and a legacy-shaped default; method filter.
    h.admin("POST", "/faults", Some(&json!([{"path":"/sms/1","method":"GET","status":429},{"path":"/sms/2","status":400,"body":{"custom":true}}]))).await;
    let r = h.get("/sms/1/reports", Some(KEY)).await;
    assert_eq!(r.status, 429);
    assert_eq!(r.json()["requestError"]["serviceException"]["messageId"], "TOO_MANY_REQUESTS");
    let r = h.post("/sms/2/text/advanced", Some(KEY), &json!({})).await;
    assert_eq!(r.json(), json!({"custom": true}));
    assert!(h.admin("GET", "/faults", None).await.json()["faults"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn delay_reset_and_malformed_faults() {
    let e = Emulator::start().await.unwrap();
    let h = Http::new(&e.base_url());

    e.queue_fault(Fault { delay_ms: 300, ..Fault::of_kind(FaultKind::Delay, 1, Some("/sms/3/logs")) });
    let t = Instant::now();
    assert_eq!(h.get("/sms/3/logs", Some(KEY)).await.status, 200);
    assert!(t.elapsed() >= Duration::from_millis(290));

    e.queue_fault(Fault::of_kind(FaultKind::ResetBeforeResponse, 1, Some("/sms/3/logs")));
    let err = h.try_send("GET", "/sms/3/logs", Some(KEY), None, vec![]).await.unwrap_err();
    assert!(!err.is_empty());

    e.queue_fault(Fault::of_kind(FaultKind::ResetAfterStatusLine, 1, Some("/sms/3/logs")));
    let err = h.try_send("GET", "/sms/3/logs", Some(KEY), None, vec![]).await.unwrap_err();
    assert!(err.starts_with("body"), "status line arrived, then the body failed: {err}");

    e.queue_fault(Fault::of_kind(FaultKind::MalformedBody, 1, Some("/sms/3/messages")));
    let r = h.post("/sms/3/messages", Some(KEY), &sms("41793026727", "x")).await;
    assert_eq!(r.status, 200);
    assert!(serde_json::from_slice::<serde_json::Value>(&r.body).is_err());

    // The emulator keeps serving.
    assert_eq!(h.get("/sms/3/logs", Some(KEY)).await.status, 200);
}

#[tokio::test]
async fn requests_are_recorded_and_reset_clears_state() {
    let e = Emulator::start().await.unwrap();
    let h = Http::new(&e.base_url());
    h.post("/sms/3/messages", Some(KEY), &sms("41793026727", "recorded")).await;
    h.get("/sms/3/logs?bulkId=a&bulkId=b", Some(KEY)).await;
    let j = h.admin("GET", "/requests?path=/sms/3/logs", None).await.json();
    let reqs = j["requests"].as_array().unwrap();
    assert_eq!(reqs.len(), 1);
    assert_eq!(reqs[0]["method"], "GET");
    assert_eq!(reqs[0]["query"], "bulkId=a&bulkId=b");
    assert_eq!(reqs[0]["headers"]["authorization"], KEY);
    let all = e.requests();
    assert_eq!(all.len(), 2);
    assert!(all[0].body.contains("recorded"));
    assert_eq!(all[0].path, "/sms/3/messages");

    assert_eq!(h.admin("POST", "/reset", None).await.json()["reset"], true);
    assert!(e.requests().is_empty());
    assert_eq!(e.message_count(), 0);
    assert!(h.get("/sms/3/logs", Some(KEY)).await.json()["results"].as_array().unwrap().is_empty());
    assert_eq!(h.admin("GET", "/health", None).await.json()["status"], "ok");
    assert_eq!(h.admin("GET", "/nope", None).await.status, 404);
    assert_eq!(h.admin("POST", "/faults", Some(&json!({"kind":"explode"}))).await.status, 400);
}
