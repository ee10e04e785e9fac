//! Retries, Retry-After, outcome_unknown and throttling, on a paused tokio clock.
//!
//! A paused clock jumps to the next timer whenever the runtime has nothing to do, also while
//! it waits for a real socket. Each test therefore has a mock server of its own (see
//! `common::server`) and a client already connected to it on the real clock
//! (`common::connected`), so that no timer but the SDK's own waits can move the clock.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::Duration;

use infobip::{Method, RateLimit, RequestOptions};
use tokio::time::Instant;
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn count(server: &MockServer) -> usize {
    server.received_requests().await.unwrap().len()
}

fn ok() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(serde_json::json!({"ok": true}))
}

#[tokio::test(start_paused = true)]
async fn post_429_then_200_succeeds_on_the_second_attempt() {
    let server = common::server().await;
    let client = common::connected(common::builder(&server), &server).await;
    Mock::given(any()).respond_with(ResponseTemplate::new(429)).up_to_n_times(1).mount(&server).await;
    Mock::given(any()).respond_with(ok()).mount(&server).await;
    let response = client.request(Method::POST, "/sms/3/messages").json(&serde_json::json!({})).send().await.unwrap();
    assert_eq!(response.attempts, 2);
    assert_eq!(count(&server).await, 2);
}

#[tokio::test(start_paused = true)]
async fn post_500_is_attempted_once() {
    let server = common::server().await;
    let client = common::connected(common::builder(&server), &server).await;
    Mock::given(any()).respond_with(ResponseTemplate::new(500)).mount(&server).await;
    // A POST that sends nothing (a 500 of a send is `outcome_unknown`: tests/send_rule.rs).
    let err = client.request(Method::POST, "/sms/1/preview").json(&serde_json::json!({})).send().await.unwrap_err();
    assert_eq!(err.code(), "server_error");
    assert_eq!(err.attempts(), Some(1));
    assert_eq!(count(&server).await, 1);
}

#[tokio::test(start_paused = true)]
async fn post_503_is_not_retried_but_get_503_is() {
    let server = common::server().await;
    let client = common::connected(common::builder(&server), &server).await;
    Mock::given(any()).respond_with(ResponseTemplate::new(503)).mount(&server).await;
    let err = client.request(Method::POST, "/x").json(&1).send().await.unwrap_err();
    assert_eq!((err.code(), err.attempts()), ("server_error", Some(1)));
    let err = client.request(Method::GET, "/x").send().await.unwrap_err();
    assert_eq!((err.code(), err.attempts()), ("server_error", Some(3)));
    assert_eq!(count(&server).await, 4);
}

#[tokio::test(start_paused = true)]
async fn get_that_recovers_after_502_and_504() {
    let server = common::server().await;
    let client = common::connected(common::builder(&server), &server).await;
    Mock::given(any()).respond_with(ResponseTemplate::new(502)).up_to_n_times(1).mount(&server).await;
    Mock::given(any()).respond_with(ResponseTemplate::new(504)).up_to_n_times(1).mount(&server).await;
    Mock::given(any()).respond_with(ok()).mount(&server).await;
    let response = client.request(Method::GET, "/x").send().await.unwrap();
    assert_eq!(response.attempts, 3);
}

#[tokio::test(start_paused = true)]
async fn post_whose_response_is_late_is_outcome_unknown_after_one_attempt() {
    let server = common::server().await;
    let client = common::connected(common::builder(&server), &server).await;
    Mock::given(any()).respond_with(ok().set_delay(Duration::from_secs(30))).mount(&server).await;
    let started = Instant::now();
    let call = tokio::spawn(async move {
        client
            .request(Method::POST, "/sms/3/messages")
            .json(&serde_json::json!({}))
            .options(RequestOptions::new().timeout(Duration::from_secs(5)))
            .send()
            .await
    });
    common::wait_until_received(&server, 1).await;
    let err = call.await.unwrap().unwrap_err();
    assert_eq!(err.code(), "outcome_unknown");
    assert_eq!(err.attempts(), Some(1));
    assert!(started.elapsed() >= Duration::from_secs(5));
    assert_eq!(count(&server).await, 1);
    assert!(err.to_string().contains("POST /sms/3/messages"), "{err}");
}

#[tokio::test(start_paused = true)]
async fn get_whose_response_is_late_is_retried_then_times_out() {
    let server = common::server().await;
    let client = common::connected(common::builder(&server), &server).await;
    Mock::given(any()).respond_with(ok().set_delay(Duration::from_secs(30))).mount(&server).await;
    let err = client
        .request(Method::GET, "/x")
        .options(RequestOptions::new().timeout(Duration::from_secs(2)))
        .send()
        .await
        .unwrap_err();
    assert_eq!((err.code(), err.attempts()), ("timeout", Some(3)));
    assert!(err.to_string().contains("GET /x"), "{err}");
}

#[tokio::test(start_paused = true)]
async fn get_503_three_times_fails_after_three_attempts() {
    let server = common::server().await;
    let client = common::connected(common::builder(&server), &server).await;
    Mock::given(any()).respond_with(ResponseTemplate::new(503)).mount(&server).await;
    let started = Instant::now();
    let err = client.request(Method::GET, "/sms/3/logs").send().await.unwrap_err();
    assert_eq!(err.code(), "server_error");
    assert_eq!(err.attempts(), Some(3));
    assert_eq!(count(&server).await, 3);
    // Two backoffs: at most 0.5 s + 1 s.
    assert!(started.elapsed() <= Duration::from_millis(1500), "{:?}", started.elapsed());
}

#[tokio::test(start_paused = true)]
async fn post_to_a_server_that_is_down_is_retried() {
    // A port that is bound but not listening refuses connections, and stays ours while the
    // socket lives (a closed port could be taken by another test's server meanwhile).
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.bind("127.0.0.1:0".parse().unwrap()).unwrap();
    let port = socket.local_addr().unwrap().port();
    let client = infobip::Client::builder()
        .base_url(format!("http://127.0.0.1:{port}"))
        .api_key("k")
        .timeout(None)
        .build()
        .unwrap();
    let err = client.request(Method::POST, "/sms/3/messages").json(&serde_json::json!({})).send().await.unwrap_err();
    assert_eq!(err.code(), "connection");
    assert_eq!(err.attempts(), Some(3));
    drop(socket);
}

#[tokio::test(start_paused = true)]
async fn retry_after_seconds_is_waited_on_the_paused_clock() {
    let server = common::server().await;
    let client = common::connected(common::builder(&server), &server).await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "3"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(any()).respond_with(ok()).mount(&server).await;
    let started = Instant::now();
    client.request(Method::GET, "/x").send().await.unwrap();
    let waited = started.elapsed();
    assert!(waited >= Duration::from_secs(3) && waited < Duration::from_millis(3100), "{waited:?}");
}

/// `Retry-After` as an HTTP date `secs` from now (real time: HTTP dates are wall-clock times).
fn http_date_in(secs: i64) -> String {
    (chrono::Utc::now() + chrono::TimeDelta::seconds(secs)).format("%a, %d %b %Y %H:%M:%S GMT").to_string()
}

#[tokio::test(start_paused = true)]
async fn retry_after_http_date_is_waited_on_the_paused_clock() {
    let server = common::server().await;
    let client = common::connected(common::builder(&server), &server).await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(503).insert_header("Retry-After", http_date_in(20).as_str()))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(any()).respond_with(ok()).mount(&server).await;
    let started = Instant::now();
    let response = client.request(Method::GET, "/x").send().await.unwrap();
    let waited = started.elapsed();
    assert_eq!(response.attempts, 2);
    // The date has whole seconds and some real time passes before it is read: 15 to 20 s, far
    // above the 0.5 s backoff the retry would otherwise wait.
    assert!(waited >= Duration::from_secs(15) && waited <= Duration::from_secs(20), "{waited:?}");
}

#[tokio::test(start_paused = true)]
async fn retry_after_http_date_beyond_the_maximum_ends_the_call() {
    let server = common::server().await;
    let client = common::connected(common::builder(&server), &server).await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", http_date_in(600).as_str()))
        .mount(&server)
        .await;
    let started = Instant::now();
    let err = client.request(Method::GET, "/x").send().await.unwrap_err();
    assert_eq!((err.code(), err.attempts()), ("rate_limited", Some(1)));
    let asked = err.api().unwrap().retry_after.unwrap();
    assert!(asked > Duration::from_secs(590) && asked <= Duration::from_secs(600), "{asked:?}");
    assert!(started.elapsed() < Duration::from_secs(1), "nothing waited for: {:?}", started.elapsed());
    assert_eq!(count(&server).await, 1);
}

#[tokio::test(start_paused = true)]
async fn retry_after_beyond_the_maximum_ends_the_call() {
    let server = common::server().await;
    let client = common::connected(common::builder(&server), &server).await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "600"))
        .mount(&server)
        .await;
    let err = client.request(Method::GET, "/x").send().await.unwrap_err();
    assert_eq!(err.code(), "rate_limited");
    assert_eq!(err.api().unwrap().retry_after, Some(Duration::from_secs(600)));
    assert_eq!(count(&server).await, 1);
}

#[tokio::test(start_paused = true)]
async fn per_call_retry_override_and_opt_in_for_post() {
    let server = common::server().await;
    let client = common::connected(common::builder(&server), &server).await;
    Mock::given(any()).respond_with(ResponseTemplate::new(503)).mount(&server).await;
    let err = client.request(Method::GET, "/x").options(RequestOptions::new().max_retries(0)).send().await.unwrap_err();
    assert_eq!(err.attempts(), Some(1));
    let err = client
        .request(Method::POST, "/x")
        .json(&1)
        .options(RequestOptions::new().max_retries(4).retry_non_idempotent(true))
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.attempts(), Some(5));
    assert_eq!(count(&server).await, 6);
}

#[tokio::test(start_paused = true)]
async fn throttle_spreads_121_calls_over_more_than_a_minute_without_a_429() {
    let server = common::server().await;
    let client =
        common::connected(common::builder(&server).rate_limit("GET /sms/3/logs", RateLimit::per_minute(120)), &server)
            .await;
    Mock::given(any()).respond_with(ok()).mount(&server).await;
    let started = Instant::now();
    for _ in 0..121 {
        let response = client.request(Method::GET, "/sms/3/logs").send().await.unwrap();
        assert_eq!(response.attempts, 1, "no retry, so no 429");
    }
    assert!(started.elapsed() > Duration::from_secs(60), "{:?}", started.elapsed());
    assert_eq!(count(&server).await, 121);
    // Another operation is not held back.
    let other = Instant::now();
    client.request(Method::GET, "/sms/3/reports").send().await.unwrap();
    assert!(other.elapsed() < Duration::from_secs(1));
}

#[tokio::test(start_paused = true)]
async fn throttle_uses_the_operation_template() {
    let server = common::server().await;
    let client = common::connected(
        common::builder(&server).rate_limit("GET /2fa/2/applications/{appId}", RateLimit::per_second(2)),
        &server,
    )
    .await;
    Mock::given(any()).respond_with(ok()).mount(&server).await;
    let started = Instant::now();
    for id in ["a", "b", "c"] {
        client
            .request(Method::GET, format!("/2fa/2/applications/{id}"))
            .operation("GET /2fa/2/applications/{appId}")
            .send()
            .await
            .unwrap();
    }
    assert!(started.elapsed() >= Duration::from_secs(1));
}
