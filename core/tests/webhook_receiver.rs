//! End to end: the emulator pushes delivery reports to the receiver, which verifies, parses and
//! hands each to a callback; every report arrives exactly once, even when the first push fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use base64::Engine as _;
use infobip::sms::{SmsMessage, SmsRequest};
use infobip::webhooks::receiver::{Push, Verification, router};
use infobip_emulator::{Emulator, EmulatorConfig};
use tokio::sync::mpsc;

async fn serve(app: axum::Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });
    format!("http://{addr}")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_report_arrives_once_even_when_the_first_push_fails() {
    let config = EmulatorConfig {
        delivery_delay_ms: 50,
        webhook_retry_initial_ms: 50,
        webhook_retry_max_ms: 200,
        ..EmulatorConfig::default()
    };
    let emulator = Emulator::start_with(config).await.unwrap();
    let (tx, mut rx) = mpsc::unbounded_channel();
    let calls = Arc::new(AtomicUsize::new(0));
    let seen_calls = calls.clone();
    let app = router(Verification::None, move |push| {
        let tx = tx.clone();
        let attempt = seen_calls.fetch_add(1, Ordering::SeqCst);
        async move {
            if attempt == 0 {
                return Err("simulated outage".to_owned());
            }
            if let Push::DeliveryReports(reports) = push {
                for report in reports {
                    tx.send(report).unwrap();
                }
            }
            Ok(())
        }
    });
    let url = format!("{}/delivery-reports", serve(app).await);
    let client = infobip::Client::builder().base_url(emulator.base_url()).api_key(emulator.api_key()).build().unwrap();
    let mut request = SmsRequest::new();
    for i in 0..5 {
        request =
            request.message(SmsMessage::text(format!("Hello {i}")).to(format!("4179302670{i}")).delivery_url(&url));
    }
    let sent = client.sms().send(request).await.unwrap();
    let ids: Vec<String> = sent.messages.iter().map(|m| m.message_id.clone().unwrap()).collect();
    assert_eq!(ids.len(), 5);

    let mut counts: HashMap<String, usize> = HashMap::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    while counts.len() < ids.len() {
        let report = tokio::time::timeout_at(deadline, rx.recv()).await.expect("reports arrive in time").unwrap();
        *counts.entry(report.message_id.clone().unwrap()).or_default() += 1;
    }
    // Give a duplicate the chance to show up.
    tokio::time::sleep(Duration::from_millis(500)).await;
    while let Ok(report) = rx.try_recv() {
        *counts.entry(report.message_id.clone().unwrap()).or_default() += 1;
    }
    for id in &ids {
        assert_eq!(counts.get(id), Some(&1), "message {id} reported {:?} times", counts.get(id));
    }
    assert!(calls.load(Ordering::SeqCst) >= 2, "the failed push was delivered again");
}

#[tokio::test]
async fn verification_and_bad_bodies() {
    let app =
        router(Verification::Basic { username: "infobip".into(), password: "s3cret".into() }, |_push| async { Ok(()) });
    let base = serve(app).await;
    let http = reqwest_client();
    let good = format!("Basic {}", base64::engine::general_purpose::STANDARD.encode("infobip:s3cret"));
    let body = r#"{"results":[{"messageId":"m","status":{"groupName":"DELIVERED"}}]}"#;
    let post = |path: &str, auth: Option<&str>, body: &'static str| {
        let mut req = http.post(format!("{base}{path}")).body(body);
        if let Some(a) = auth {
            req = req.header("authorization", a);
        }
        req.send()
    };
    assert_eq!(post("/delivery-reports", Some(&good), body).await.unwrap().status(), 200);
    assert_eq!(post("/delivery-reports", None, body).await.unwrap().status(), 401);
    assert_eq!(post("/delivery-reports", Some("Basic d3Jvbmc6d3Jvbmc="), body).await.unwrap().status(), 401);
    assert_eq!(post("/delivery-reports", Some(&good), "{not json").await.unwrap().status(), 400);
    assert_eq!(post("/inbound", Some(&good), r#"{"results":[]}"#).await.unwrap().status(), 200);
    assert_eq!(post("/clicks", Some(&good), r#"{"url":"https://x"}"#).await.unwrap().status(), 200);
}

fn reqwest_client() -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder().no_proxy().build().unwrap()
}
