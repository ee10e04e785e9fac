//! The send rule (`infobip::send`) however a send is made: `call`, `request`, the typed methods;
//! authentication failures; deadlines of token and throttle waits; cancellation.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::{Duration, Instant};

use infobip::sms::{SendQuery, SmsRequest};
use infobip::{CallParams, Client, Error, Method, RateLimit, RequestOptions, SendTracker};
use infobip_emulator::{Emulator, EmulatorConfig, Fault, FaultKind, RecordedRequest};
use serde_json::{Value, json};

async fn start() -> (Emulator, Client) {
    let emulator = Emulator::start_with(EmulatorConfig::default()).await.unwrap();
    let client = Client::builder().base_url(emulator.base_url()).api_key(emulator.api_key()).build().unwrap();
    (emulator, client)
}

/// The emulator answers requests to `path` only after `ms` (it acts on them first).
fn slow(emulator: &Emulator, path: &str, ms: u64) {
    let mut fault = Fault::of_kind(FaultKind::Delay, 1, Some(path));
    fault.delay_ms = ms;
    emulator.queue_fault(fault);
}

fn received(emulator: &Emulator, path: &str) -> Vec<RecordedRequest> {
    emulator.requests().into_iter().filter(|r| r.path == path).collect()
}

fn outcome(error: Error) -> Box<infobip::OutcomeUnknown> {
    match error {
        Error::OutcomeUnknown(outcome) => outcome,
        other => panic!("expected outcome_unknown, got {other:?}"),
    }
}

fn query_value(request: &RecordedRequest, name: &str) -> Option<String> {
    request.query.split('&').find_map(|pair| pair.strip_prefix(&format!("{name}=")).map(str::to_owned))
}

fn short() -> RequestOptions {
    RequestOptions::new().timeout(Duration::from_millis(500))
}

#[tokio::test]
async fn the_query_send_against_a_delay_fault_is_sent_once_and_outcome_unknown_with_its_bulk_id() {
    let (emulator, client) = start().await;
    let path = "/sms/3/text/query";
    // 1. call(), as in the report: the send went out three times and the caller got `timeout`.
    slow(&emulator, path, 1500);
    let params = CallParams::new().query("to", "41793026727").query("text", "Hi").options(short());
    let error = outcome(client.call("send-sms-messages-over-query-parameters", params).await.unwrap_err());
    let sent = received(&emulator, path);
    assert_eq!(sent.len(), 1, "exactly one request received");
    let bulk = error.bulk_id.clone().expect("a bulk id");
    assert_eq!(query_value(&sent[0], "bulkId").as_deref(), Some(bulk.as_str()), "the id on the error went out");
    assert_eq!(error.operation, "GET /sms/3/text/query");
    assert!(error.message_ids.is_empty(), "the endpoint has no place for message ids");
    // 2. request() with the method and path of the send; the caller's bulk id is kept.
    emulator.clear_requests();
    slow(&emulator, path, 1500);
    let error = client
        .request(Method::GET, path)
        .query("to", "41793026727")
        .query("text", "Hi")
        .query("bulkId", "my-bulk")
        .options(short())
        .send()
        .await
        .unwrap_err();
    assert_eq!(outcome(error).bulk_id.as_deref(), Some("my-bulk"));
    assert_eq!(received(&emulator, path).len(), 1);
    // 3. The typed send, and the v1 query send by call().
    emulator.clear_requests();
    slow(&emulator, path, 1500);
    let sms = client.with_options(short()).sms();
    let error = outcome(sms.send_query(SendQuery::new(["41793026727"], "Hi")).await.unwrap_err());
    assert_eq!(query_value(&received(&emulator, path)[0], "bulkId"), error.bulk_id);
    assert_eq!(received(&emulator, path).len(), 1);
    slow(&emulator, "/sms/1/text/query", 1500);
    let params = CallParams::new()
        .query("username", "emulator")
        .query("password", "emulator-password")
        .query("to", "41793026727")
        .query("text", "Hi")
        .options(short());
    let error = outcome(client.call("send-sms-message-over-query-parameters", params).await.unwrap_err());
    assert!(error.bulk_id.is_some());
    assert_eq!(received(&emulator, "/sms/1/text/query").len(), 1);
}

#[tokio::test]
async fn call_gives_every_channels_send_its_ids_and_reports_them_when_in_doubt() {
    let (emulator, client) = start().await;
    let sends = [
        (
            "send-sms-messages",
            "/sms/3/messages",
            json!({"messages": [{"destinations": [{"to": "41793026727"}, {"to": "41793026728", "messageId": "mine"}], "content": {"text": "Hi"}}]}),
        ),
        (
            "send-whatsapp-text-message",
            "/whatsapp/1/message/text",
            json!({"from": "441134960000", "to": "441134960001", "content": {"text": "Hi"}}),
        ),
        (
            "send-viber-messages",
            "/viber/2/messages",
            json!({"messages": [{"sender": "441134960000", "destinations": [{"to": "441134960001"}], "content": {"text": "Hi", "type": "TEXT"}}]}),
        ),
        (
            "send-whatsapp-template-message",
            "/whatsapp/1/message/template",
            json!({"messages": [{"from": "441134960000", "to": "441134960001", "content": {"templateName": "t", "templateData": {"body": {"placeholders": ["x"]}}, "language": "en_GB"}}]}),
        ),
    ];
    for (id, path, body) in sends {
        slow(&emulator, path, 1500);
        let error = outcome(client.call(id, CallParams::new().body(body.clone()).options(short())).await.unwrap_err());
        let sent = received(&emulator, path);
        assert_eq!(sent.len(), 1, "{id}: exactly one request");
        let sent: Value = serde_json::from_str(&sent[0].body).unwrap();
        let spec = infobip::catalog::operation(id).unwrap().send.clone().unwrap();
        // Reading the ids the request went out with (assigning none: they are all there).
        let mut copy = sent.clone();
        let ids = spec.assign(Some(&mut copy), &mut infobip::Query::new());
        assert_eq!(copy, sent, "{id}: every place was filled before sending");
        assert_eq!(error.bulk_id, ids.bulk_id, "{id}");
        assert_eq!(error.message_ids, ids.message_ids, "{id}");
        assert!(!error.message_ids.is_empty(), "{id}");
        if id == "send-sms-messages" {
            assert_eq!(error.message_ids[1], "mine", "the caller's id is kept");
        }
    }
}

#[tokio::test]
async fn a_5xx_of_any_send_is_outcome_unknown_and_a_get_send_is_never_repeated() {
    let (emulator, client) = start().await;
    emulator.queue_fault(Fault::status(503, 3, Some("/whatsapp/1/message/text")));
    let body = json!({"from": "441134960000", "to": "441134960001", "content": {"text": "Hi"}});
    let error = outcome(client.call("send-whatsapp-text-message", CallParams::new().body(body)).await.unwrap_err());
    assert_eq!(error.status, Some(503));
    assert_eq!(error.message_ids.len(), 1);
    assert_eq!(received(&emulator, "/whatsapp/1/message/text").len(), 1);
    // A 503 of a GET that sends is not retried either (a GET that reads is: tests/retries.rs).
    emulator.queue_fault(Fault::status(503, 3, Some("/sms/3/text/query")));
    let error = client.request(Method::GET, "/sms/3/text/query").query("to", "41793026727").query("text", "Hi");
    let error = outcome(error.send().await.unwrap_err());
    assert_eq!(error.status, Some(503));
    assert_eq!(received(&emulator, "/sms/3/text/query").len(), 1);
}

#[tokio::test]
async fn request_by_method_and_path_follows_the_rule_and_other_calls_do_not() {
    let (emulator, client) = start().await;
    let body = json!({"from": "441134960000", "to": "441134960001", "content": {"text": "Hi"}});
    client.request(Method::POST, "/whatsapp/1/message/text").json(&body).send().await.unwrap();
    let sent: Value = serde_json::from_str(&received(&emulator, "/whatsapp/1/message/text")[0].body).unwrap();
    assert!(sent["messageId"].is_string(), "{sent}");
    // A resend with a concrete pin id is a send too; a verification is not.
    assert!(infobip::catalog::send_operation_for("POST /2fa/2/pin/abc-123/resend").is_some());
    assert!(infobip::catalog::send_operation_for("POST /2fa/2/pin/abc-123/verify").is_none());
    assert!(infobip::catalog::send_operation_for("GET /sms/3/logs").is_none());
    // A preview is not a send: its body goes out as given.
    client.request(Method::POST, "/sms/1/preview").json(&json!({"text": "Hi"})).send().await.unwrap();
    assert_eq!(received(&emulator, "/sms/1/preview")[0].body, r#"{"text":"Hi"}"#);
}

/// A client authenticating with the emulator's OAuth2 client.
fn oauth2(emulator: &Emulator) -> Client {
    Client::builder()
        .base_url(emulator.base_url())
        .oauth2("emulator", "emulator-password")
        .max_retries(0)
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_failed_token_fetch_is_auth_failed_and_the_send_is_not_made() {
    let (emulator, _) = start().await;
    let client = oauth2(&emulator);
    emulator.queue_fault(Fault::status(500, 1, Some("/auth/1/oauth2/token")));
    let error = client.sms().send(SmsRequest::text("41793026727", "Hi")).await.unwrap_err();
    assert_eq!(error.code(), "auth_failed", "{error}");
    let Error::AuthFailed(failure) = &error else { unreachable!() };
    assert_eq!((failure.cause.as_str(), failure.status), ("server_error", Some(500)));
    assert!(error.to_string().contains("not sent"), "{error}");
    assert!(received(&emulator, "/sms/3/messages").is_empty());
    // A token endpoint that answers too late: the POST of the token is in doubt, the send is not.
    slow(&emulator, "/auth/1/oauth2/token", 1500);
    let error = client.with_options(short()).sms().send(SmsRequest::text("41793026727", "Hi")).await.unwrap_err();
    assert_eq!(error.code(), "auth_failed", "{error}");
    assert!(received(&emulator, "/sms/3/messages").is_empty());
    // With a token, the same client sends.
    client.sms().send(SmsRequest::text("41793026727", "Hi")).await.unwrap();
    assert_eq!(received(&emulator, "/sms/3/messages").len(), 1);
}

#[tokio::test]
async fn callers_waiting_on_one_token_fetch_share_its_result_success_or_failure() {
    let (emulator, _) = start().await;
    // Failure: five callers, one fetch answered 503 after 400 ms; every caller gets it.
    let client = oauth2(&emulator);
    let mut fault = Fault::status(503, 1, Some("/auth/1/oauth2/token"));
    fault.delay_ms = 400;
    emulator.queue_fault(fault);
    let calls = (0..5).map(|_| {
        let client = client.clone();
        async move { client.request(Method::GET, "/account/1/balance").send().await }
    });
    let results = futures_util::future::join_all(calls).await;
    for result in &results {
        let error = result.as_ref().unwrap_err();
        assert_eq!(error.code(), "auth_failed", "{error}");
    }
    assert_eq!(received(&emulator, "/auth/1/oauth2/token").len(), 1, "one fetch for all five");
    assert!(received(&emulator, "/account/1/balance").is_empty());
    // Success: five callers, one slow fetch, five answers.
    slow(&emulator, "/auth/1/oauth2/token", 400);
    let calls = (0..5).map(|_| {
        let client = client.clone();
        async move { client.request(Method::GET, "/account/1/balance").send().await }
    });
    for result in futures_util::future::join_all(calls).await {
        assert_eq!(result.unwrap().status, 200);
    }
    assert_eq!(received(&emulator, "/auth/1/oauth2/token").len(), 2, "one more fetch for all five");
}

#[tokio::test]
async fn token_and_throttle_waits_end_at_the_calls_deadline() {
    let (emulator, _) = start().await;
    let client = oauth2(&emulator);
    slow(&emulator, "/auth/1/oauth2/token", 5000);
    let started = Instant::now();
    let error = client.with_options(short()).request(Method::GET, "/account/1/balance").send().await.unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(3), "waited {:?}", started.elapsed());
    let Error::AuthFailed(failure) = &error else { panic!("{error:?}") };
    assert_eq!(failure.cause, "timeout");
    // A second caller with a short deadline waits on the same fetch, no longer than its own timeout.
    let started = Instant::now();
    let options = RequestOptions::new().timeout(Duration::from_millis(200));
    let error = client.with_options(options).request(Method::GET, "/account/1/balance").send().await.unwrap_err();
    assert_eq!(error.code(), "auth_failed");
    assert!(started.elapsed() < Duration::from_secs(2), "waited {:?}", started.elapsed());
    assert_eq!(received(&emulator, "/auth/1/oauth2/token").len(), 1, "still the one fetch");

    // The throttle: one call a minute; the second call's wait would pass its deadline.
    let client = Client::builder()
        .base_url(emulator.base_url())
        .api_key(emulator.api_key())
        .rate_limit("GET /account/1/balance", RateLimit::per_minute(1))
        .build()
        .unwrap();
    client.request(Method::GET, "/account/1/balance").send().await.unwrap();
    let started = Instant::now();
    let error = client.with_options(short()).request(Method::GET, "/account/1/balance").send().await.unwrap_err();
    assert_eq!(error.code(), "timeout", "{error}");
    assert_eq!(error.attempts(), Some(0), "nothing was sent");
    assert!(error.to_string().contains("rate limit"), "{error}");
    assert!(started.elapsed() < Duration::from_secs(1), "waited {:?}", started.elapsed());
    assert_eq!(received(&emulator, "/account/1/balance").len(), 1);
}

#[tokio::test]
async fn a_cancelled_send_leaves_its_ids_with_the_caller_and_one_warning() {
    let logs = common::Logs::default();
    let _guard = logs.install();
    let (emulator, client) = start().await;
    slow(&emulator, "/sms/3/messages", 2000);
    let tracker = SendTracker::new();
    let sms = client.with_options(RequestOptions::new().tracker(tracker.clone())).sms();
    let request = SmsRequest::text("41793026727", "Hi");
    let cancelled = tokio::time::timeout(Duration::from_millis(300), sms.send(request)).await;
    assert!(cancelled.is_err(), "the caller gave up first");
    let ids = tracker.written().expect("the ids of a send that may have been written");
    let sent: Value = serde_json::from_str(&received(&emulator, "/sms/3/messages")[0].body).unwrap();
    assert_eq!(json!(ids.bulk_id), sent["options"]["schedule"]["bulkId"]);
    assert_eq!(json!(ids.message_ids), json!([sent["messages"][0]["destinations"][0]["messageId"]]));
    let text = logs.text();
    let warnings: Vec<&str> = text.lines().filter(|l| l.contains("WARN") && l.contains("cancelled")).collect();
    assert_eq!(warnings.len(), 1, "{text}");
    assert!(warnings[0].contains(ids.bulk_id.as_deref().unwrap()) && warnings[0].contains(&ids.message_ids[0]));

    // Cancelled before anything was written (waiting for a token): no ids, no warning.
    let client = oauth2(&emulator);
    slow(&emulator, "/auth/1/oauth2/token", 2000);
    let tracker = SendTracker::new();
    let sms = client.with_options(RequestOptions::new().tracker(tracker.clone())).sms();
    let cancelled =
        tokio::time::timeout(Duration::from_millis(200), sms.send(SmsRequest::text("41793026727", "Hi"))).await;
    assert!(cancelled.is_err());
    assert_eq!(tracker.written(), None);
    assert_eq!(logs.text().lines().filter(|l| l.contains("WARN") && l.contains("cancelled")).count(), 1);
}

#[tokio::test]
async fn an_answer_past_the_cap_is_decode_naming_the_cap_and_outcome_unknown_for_a_send() {
    let (emulator, _) = start().await;
    let client = Client::builder()
        .base_url(emulator.base_url())
        .api_key(emulator.api_key())
        .max_response_bytes(1 << 20)
        .build()
        .unwrap();
    let mut bomb = Fault::of_kind(FaultKind::GzipBomb, 1, Some("/account/1/balance"));
    bomb.body = Some(json!(8 << 20));
    emulator.queue_fault(bomb.clone());
    let error = client.request(Method::GET, "/account/1/balance").send().await.unwrap_err();
    assert_eq!(error.code(), "decode", "{error}");
    assert!(error.to_string().contains("1048576 bytes"), "{error}");
    assert_eq!(error.attempts(), None);
    // The same answer to a send: which messages were accepted is unknown.
    bomb.path = Some("/sms/3/messages".into());
    emulator.queue_fault(bomb);
    let error = outcome(client.sms().send(SmsRequest::text("41793026727", "Hi")).await.unwrap_err());
    assert_eq!(error.status, Some(200));
    assert_eq!(error.message_ids.len(), 1);
    // Under the cap, a gzip answer reads as usual.
    let mut small = Fault::of_kind(FaultKind::GzipBomb, 1, Some("/account/1/balance"));
    small.body = Some(json!(1000));
    emulator.queue_fault(small);
    let response = client.request(Method::GET, "/account/1/balance").send().await.unwrap();
    assert_eq!(response.body.len(), 1000);
    // The default cap is 32 MiB; zero is refused.
    let error = Client::builder().api_key("k").max_response_bytes(0).build().unwrap_err();
    assert_eq!(error.code(), "config");
}

#[tokio::test]
async fn answers_nested_past_the_limit_are_decode_errors() {
    let (emulator, client) = start().await;
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    for path in ["/account/1/balance", "/sms/3/messages"] {
        let mut fault = Fault::status(200, 1, Some(path));
        fault.body = Some(Value::String(deep.clone()));
        emulator.queue_fault(fault);
    }
    let error = client.call("get-account-balance", CallParams::new()).await.unwrap_err();
    assert_eq!(error.code(), "decode", "{error}");
    assert!(error.to_string().contains("128"), "{error}");
    let error = client.sms().send(SmsRequest::text("41793026727", "Hi")).await.unwrap_err();
    assert_eq!(error.code(), "outcome_unknown", "{error}");
    // 128 levels are fine.
    let fine = format!("{}{}", "[".repeat(128), "]".repeat(128));
    let mut fault = Fault::status(200, 1, Some("/account/1/balance"));
    fault.body = Some(Value::String(fine));
    emulator.queue_fault(fault);
    client.call("get-account-balance", CallParams::new()).await.unwrap();
}

#[tokio::test]
async fn huge_durations_are_config_errors_and_huge_token_lifetimes_do_not_overflow() {
    let error = Client::builder().api_key("k").timeout(Some(Duration::MAX)).build().unwrap_err();
    assert_eq!(error.code(), "config");
    assert!(error.to_string().contains("timeout"), "{error}");
    let error = Client::builder().api_key("k").connect_timeout(Duration::from_secs(u64::MAX)).build().unwrap_err();
    assert!(error.to_string().contains("connect_timeout"), "{error}");
    let (emulator, client) = start().await;
    let huge = RequestOptions::new().timeout(Duration::MAX);
    let error = client.with_options(huge).request(Method::GET, "/account/1/balance").send().await.unwrap_err();
    assert_eq!(error.code(), "config");
    assert!(emulator.requests().is_empty(), "nothing sent");
    // A token that lives longer than the clock can count (expires_in = u64::MAX): used, not a panic.
    let mut fault = Fault::status(200, 1, Some("/auth/1/oauth2/token"));
    fault.body = Some(json!({"access_token": "t", "expires_in": u64::MAX, "token_type": "Bearer"}));
    emulator.queue_fault(fault);
    let client = oauth2(&emulator);
    // The made-up token is refused (401), forgotten, and a real one fetched: no panic on the way.
    let response = client.request(Method::GET, "/account/1/balance").send().await.unwrap();
    assert_eq!(response.status, 200);
    assert_eq!(received(&emulator, "/auth/1/oauth2/token").len(), 2);
}
