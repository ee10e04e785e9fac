//! Webhook pushes: v3 and legacy shapes, batching, retry with backoff, nothing lost.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::*;
use infobip_emulator::{Emulator, EmulatorConfig};
use serde_json::json;
use std::time::Duration;

fn fast_retry() -> EmulatorConfig {
    EmulatorConfig {
        delivery_delay_ms: 20,
        webhook_retry_initial_ms: 20,
        webhook_retry_max_ms: 100,
        ..EmulatorConfig::default()
    }
}

#[tokio::test]
async fn receiver_failing_twice_gets_the_report_exactly_once_more_and_none_is_lost() {
    let rx = Receiver::start(2).await;
    let cfg = EmulatorConfig { webhook_retry_initial_ms: 50, webhook_retry_max_ms: 1000, ..fast_retry() };
    let e = Emulator::start_with(cfg).await.unwrap();
    let h = Http::new(&e.base_url());
    let body = json!({"messages":[{"destinations":[{"to":"41793026727","messageId":"W1"}],"content":{"text":"x"},
        "webhooks":{"delivery":{"url": rx.url},"callbackData":"cb"}}]});
    assert_eq!(h.post("/sms/3/messages", Some(KEY), &body).await.status, 200);
    assert!(wait_until(Duration::from_secs(10), || rx.results().len() == 1).await);
    // Give any stray retry a chance to show up.
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(rx.hits.load(std::sync::atomic::Ordering::SeqCst), 3, "two failures, then one success");
    let results = rx.results();
    assert_eq!(results.len(), 1);
    let r = &results[0];
    assert_eq!(r["messageId"], "W1");
    assert_eq!(r["callbackData"], "cb");
    assert_eq!(r["status"]["groupName"], "DELIVERED");
    assert_eq!(r["to"], "41793026727");
    let stats = e.webhook_stats();
    assert_eq!((stats.attempts, stats.failures, stats.delivered, stats.dropped), (3, 2, 1, 0));
    // Backoff: 50 ms after the first failure, then doubled to 100 ms after the second.
    let log = h.admin("GET", "/webhooks", None).await.json();
    let at: Vec<_> = log["attempts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| infobip_emulator::time::parse(a["at"].as_str().unwrap()).unwrap())
        .collect();
    let statuses: Vec<_> = log["attempts"].as_array().unwrap().iter().map(|a| a["status"].clone()).collect();
    assert_eq!(statuses, vec![json!(500), json!(500), json!(200)]);
    let gaps: Vec<i64> = at.windows(2).map(|w| (w[1] - w[0]).num_milliseconds()).collect();
    assert!(gaps[0] >= 49 && gaps[1] >= 99, "retry gaps {gaps:?} ms");
    // The report is still available once through the pull endpoint.
    let pulled = h.get("/sms/3/reports", Some(KEY)).await.json();
    assert_eq!(pulled["results"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn reports_are_batched_and_legacy_sends_push_the_v1_shape_and_notify_false_suppresses() {
    let rx = Receiver::start(0).await;
    let e = Emulator::start_with(fast_retry()).await.unwrap();
    let h = Http::new(&e.base_url());
    let dests: Vec<_> = (0..250).map(|i| json!({"to": format!("4179{i:07}")})).collect();
    let body = json!({"messages":[{"destinations":dests,"content":{"text":"x"},"webhooks":{"delivery":{"url": rx.url}}},
        {"destinations":[{"to":"1"}],"content":{"text":"quiet"},"webhooks":{"delivery":{"url": rx.url, "notify": false}}}]});
    h.post("/sms/3/messages", Some(KEY), &body).await;
    let v2 = json!({"messages":[{"destinations":[{"to":"41793026727"}],"text":"x","notifyUrl": rx.url}]});
    h.post("/sms/2/text/advanced", Some(KEY), &v2).await;
    assert!(wait_until(Duration::from_secs(10), || rx.results().len() == 251).await, "{}", rx.results().len());
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(rx.results().len(), 251);
    let bodies = rx.bodies.lock().unwrap().clone();
    assert!(bodies.iter().all(|b| b["results"].as_array().unwrap().len() <= 100), "batches of at most 100");
    let legacy: Vec<_> = rx.results().into_iter().filter(|r| r.get("smsCount").is_some()).collect();
    assert_eq!(legacy.len(), 1);
    assert!(legacy[0].get("messageCount").is_none());
}

#[tokio::test]
async fn receiver_that_is_down_gets_everything_once_it_comes_up() {
    // A socket bound but not listening: the port is ours and refuses connections until the
    // receiver comes up on that same socket.
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.bind("127.0.0.1:0".parse().unwrap()).unwrap();
    let addr = socket.local_addr().unwrap();
    let url = format!("http://{addr}/hook");
    let e = Emulator::start_with(fast_retry()).await.unwrap();
    let h = Http::new(&e.base_url());
    for i in 0..5 {
        let body = json!({"messages":[{"destinations":[{"to":"41793026727","messageId":format!("D{i}")}],"content":{"text":"x"},"webhooks":{"delivery":{"url": url}}}]});
        h.post("/sms/3/messages", Some(KEY), &body).await;
    }
    assert!(wait_until(Duration::from_secs(5), || e.webhook_stats().failures >= 2).await);
    // Now bring the receiver up on that port.
    let listener = socket.listen(1024).unwrap();
    let got = std::sync::Arc::new(std::sync::Mutex::new(Vec::<serde_json::Value>::new()));
    let g = got.clone();
    tokio::spawn(async move {
        loop {
            let Ok((stream, _)) = listener.accept().await else { return };
            let g = g.clone();
            tokio::spawn(async move {
                let svc = hyper::service::service_fn(move |req: hyper::Request<hyper::body::Incoming>| {
                    let g = g.clone();
                    async move {
                        use http_body_util::BodyExt;
                        let b = req.into_body().collect().await.unwrap().to_bytes();
                        let v: serde_json::Value = serde_json::from_slice(&b).unwrap();
                        g.lock().unwrap().extend(v["results"].as_array().unwrap().iter().cloned());
                        Ok::<_, std::convert::Infallible>(hyper::Response::new(http_body_util::Full::new(
                            bytes::Bytes::new(),
                        )))
                    }
                });
                let _ = hyper::server::conn::http1::Builder::new()
                    .serve_connection(hyper_util::rt::TokioIo::new(stream), svc)
                    .await;
            });
        }
    });
    assert!(wait_until(Duration::from_secs(10), || got.lock().unwrap().len() == 5).await);
    tokio::time::sleep(Duration::from_millis(200)).await;
    let mut ids: Vec<String> =
        got.lock().unwrap().iter().map(|r| r["messageId"].as_str().unwrap().to_string()).collect();
    ids.sort();
    assert_eq!(ids, vec!["D0", "D1", "D2", "D3", "D4"]);
    assert_eq!(e.webhook_stats().dropped, 0);
}

#[tokio::test]
async fn intermediate_reports_precede_the_final_one_when_asked_for() {
    let rx = Receiver::start(0).await;
    let e = Emulator::start_with(fast_retry()).await.unwrap();
    let h = Http::new(&e.base_url());
    let body = json!({"messages":[{"destinations":[{"to":"41793026727","messageId":"I1"}],"content":{"text":"x"},
        "webhooks":{"delivery":{"url": rx.url, "intermediateReport": true}}}]});
    h.post("/sms/3/messages", Some(KEY), &body).await;
    assert!(wait_until(Duration::from_secs(10), || rx.results().len() == 2).await);
    let r = rx.results();
    assert_eq!(r[0]["status"]["name"], "PENDING_ENROUTE");
    assert!(r[0].get("doneAt").is_none());
    assert_eq!(r[1]["status"]["groupName"], "DELIVERED");
}
