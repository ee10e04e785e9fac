//! The in-process handle: `Emulator::start().await`, `base_url()`, the admin helpers, and dropping
//! the handle stops the server.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::*;
use infobip_emulator::{Emulator, EmulatorConfig, Fault};
use serde_json::json;
use std::time::Duration;
use tokio::io::AsyncReadExt;

#[tokio::test]
async fn start_gives_a_handle_with_base_url_and_admin_helpers() {
    let e = Emulator::start().await.unwrap();
    let base = e.base_url();
    assert_eq!(base, format!("http://127.0.0.1:{}", e.addr().port()));
    assert!(e.addr().ip().is_loopback() && e.addr().port() > 0);
    assert_eq!(e.api_key(), "emulator-api-key");
    assert_eq!(e.listening_line(), format!("Infobip emulator listening on {base} (API key: emulator-api-key)"));
    let h = Http::new(&base);

    // queue_fault applies to the next matching request only; clear_faults drops pending ones.
    e.queue_fault(Fault::status(503, 1, Some("/sms/3/logs")));
    assert_eq!(h.get("/sms/3/logs", Some(KEY)).await.status, 503);
    assert_eq!(h.get("/sms/3/logs", Some(KEY)).await.status, 200);
    e.queue_fault(Fault::status(500, 5, None));
    e.clear_faults();
    assert_eq!(h.get("/sms/3/logs", Some(KEY)).await.status, 200);

    // requests reads every API request back; clear_requests forgets them.
    let reqs = e.requests();
    assert_eq!(reqs.len(), 3);
    assert!(reqs.iter().all(|r| r.method == "GET" && r.path == "/sms/3/logs"));
    e.clear_requests();
    assert!(e.requests().is_empty());

    // message_count, webhook_stats.
    let rx = Receiver::start(0).await;
    let body = json!({"messages":[{"destinations":[{"to":"41793026727"}],"content":{"text":"x"},
        "webhooks":{"delivery":{"url": rx.url}}}]});
    assert_eq!(h.post("/sms/3/messages", Some(KEY), &body).await.status, 200);
    assert_eq!(e.message_count(), 1);
    assert!(wait_until(Duration::from_secs(10), || e.webhook_stats().delivered == 1).await);
    assert_eq!(rx.count(), 1);

    // inject_inbound.
    let m = e.inject_inbound(&json!({"from":"385916242493","to":"385921004026","text":"hello"}));
    let inbox = h.get("/sms/1/inbox/reports", Some(KEY)).await.json();
    assert_eq!(inbox["results"][0]["messageId"], m["messageId"]);

    // pin reveals a sent PIN.
    let app = h.post("/2fa/2/applications", Some(KEY), &json!({"name":"handle"})).await.json();
    let app_id = app["applicationId"].as_str().unwrap();
    let tpl = h
        .post(
            &format!("/2fa/2/applications/{app_id}/messages"),
            Some(KEY),
            &json!({"pinType":"NUMERIC","messageText":"{{pin}}"}),
        )
        .await
        .json();
    let sent = h
        .post("/2fa/2/pin", Some(KEY), &json!({"applicationId":app_id,"messageId":tpl["messageId"],"to":"41793026727"}))
        .await
        .json();
    let pin_id = sent["pinId"].as_str().unwrap();
    assert!(e.pin(pin_id).is_some_and(|p| p.len() == 4));
    assert_eq!(e.pin("NO-SUCH-PIN"), None);

    // reset forgets everything.
    e.reset();
    assert_eq!(e.message_count(), 0);
    assert!(e.requests().is_empty());
    assert_eq!(e.pin(pin_id), None);
    assert_eq!(h.get("/2fa/2/applications", Some(KEY)).await.json(), json!([]));
}

#[tokio::test]
async fn flush_delivery_reports_makes_pending_messages_final_now() {
    let cfg = EmulatorConfig { delivery_delay_ms: 3_600_000, ..EmulatorConfig::default() };
    let e = Emulator::start_with(cfg).await.unwrap();
    let h = Http::new(&e.base_url());
    h.post("/sms/3/messages", Some(KEY), &sms("41793026727", "x")).await;
    assert!(h.get("/sms/3/reports", Some(KEY)).await.json()["results"].as_array().unwrap().is_empty());
    assert_eq!(e.flush_delivery_reports(), 1);
    let mut got = Vec::new();
    for _ in 0..100 {
        got = h.get("/sms/3/reports", Some(KEY)).await.json()["results"].as_array().unwrap().clone();
        if !got.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(got.len(), 1);
    assert_eq!(got[0]["status"]["groupName"], "DELIVERED");
}

#[tokio::test]
async fn dropping_the_handle_stops_the_server() {
    let e = Emulator::start().await.unwrap();
    let addr = e.addr();
    let h = Http::new(&e.base_url());
    assert_eq!(h.get("/sms/3/logs", Some(KEY)).await.status, 200);
    let mut idle = tokio::net::TcpStream::connect(addr).await.unwrap();

    drop(e);

    // New connections are refused once the accept loop has stopped.
    let refused = async {
        loop {
            if tokio::net::TcpStream::connect(addr).await.is_err() {
                return;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    };
    tokio::time::timeout(Duration::from_secs(5), refused).await.expect("still accepting after drop");
    // An open connection is closed too (EOF or reset), not left hanging.
    let mut buf = [0u8; 16];
    let read = tokio::time::timeout(Duration::from_secs(5), idle.read(&mut buf)).await.expect("connection left open");
    assert!(matches!(read, Ok(0) | Err(_)), "{read:?}");
}
