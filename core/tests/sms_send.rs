//! Sends that are never lost or doubled: validation before sending, and `outcome_unknown`
//! with every id when a send ends in doubt, after exactly one request.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::Utc;
use infobip::sms::*;
use infobip::{Error, RequestOptions};
use tokio::io::AsyncReadExt;
use wiremock::{Mock, MockServer, ResponseTemplate};

fn violations(error: Error) -> Vec<(String, String)> {
    match error {
        Error::Validation { violations } => violations.into_iter().map(|v| (v.property, v.message)).collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

async fn refused(request: SmsRequest) -> Vec<(String, String)> {
    let server = common::server().await;
    let client = common::builder(&server).build().unwrap();
    let error = client.sms().send(request).await.unwrap_err();
    assert_eq!(error.code(), "validation");
    assert!(server.received_requests().await.unwrap().is_empty(), "nothing may be sent");
    violations(error)
}

fn fields(list: &[(String, String)]) -> Vec<&str> {
    list.iter().map(|(p, _)| p.as_str()).collect()
}

#[tokio::test]
async fn bad_input_is_refused_before_sending_naming_each_field() {
    let cases: Vec<(SmsRequest, &str)> = vec![
        (SmsRequest::new(), "messages"),
        (SmsRequest::new().message(SmsMessage::text("Hi")), "messages[0].destinations"),
        (SmsRequest::text("", "Hi"), "messages[0].destinations[0].to"),
        (SmsRequest::text("1".repeat(65), "Hi"), "messages[0].destinations[0].to"),
        (
            SmsRequest::new()
                .message(SmsMessage::text("Hi").destination(Destination::to("1").message_id("m".repeat(201)))),
            "messages[0].destinations[0].messageId",
        ),
        (SmsRequest::new().message(SmsMessage::with_content(Content::default()).to("1")), "messages[0].content"),
        (SmsRequest::text("1", "x".repeat(validate::MAX_TEXT_CHARS + 1)), "messages[0].content.text"),
        (SmsRequest::text("1", ""), "messages[0].content.text"),
        (
            SmsRequest::new().message(SmsMessage::text("Hi").to("1").callback_data("c".repeat(4001))),
            "messages[0].webhooks.callbackData",
        ),
        (SmsRequest::text("1", "Hi").send_at(Utc::now() - chrono::Duration::minutes(1)), "options.schedule.sendAt"),
        (SmsRequest::text("1", "Hi").send_at(Utc::now() + chrono::Duration::days(181)), "options.schedule.sendAt"),
        (
            SmsRequest::new().message(SmsMessage::text("Hi").to("1").validity_period(ValidityPeriod::hours(49))),
            "messages[0].options.validityPeriod",
        ),
        (
            SmsRequest::new().message(SmsMessage::text("Hi").to("1").validity_period(ValidityPeriod::minutes(2881))),
            "messages[0].options.validityPeriod",
        ),
        (
            SmsRequest::new().message(SmsMessage::text("Hi").to("1").delivery_url("ftp://example.com")),
            "messages[0].webhooks.delivery.url",
        ),
        (
            SmsRequest::new().message(SmsMessage::text("Hi").to("1").delivery_url("example.com/dlr")),
            "messages[0].webhooks.delivery.url",
        ),
        (SmsRequest::text("1", "Hi").bulk_id("b".repeat(101)), "options.schedule.bulkId"),
    ];
    for (request, field) in cases {
        let found = refused(request).await;
        assert_eq!(fields(&found), [field], "{found:?}");
    }
}

#[tokio::test]
async fn both_text_and_binary_is_refused() {
    let both: Content = serde_json::from_str(r#"{"text":"Hi","hex":"48 69"}"#).unwrap();
    let found = refused(SmsRequest::new().message(SmsMessage::with_content(both).to("1"))).await;
    assert_eq!(fields(&found), ["messages[0].content"]);
    assert!(found[0].1.contains("both"), "{found:?}");
}

#[tokio::test]
async fn too_many_destinations_in_one_request_is_refused() {
    let mut message = SmsMessage::text("Hi");
    message.destinations = (0..=validate::MAX_DESTINATIONS).map(|i| Destination::to(i.to_string())).collect();
    let found = refused(SmsRequest::new().message(message)).await;
    assert_eq!(fields(&found), ["messages"]);
    assert!(found[0].1.contains("10001 destinations"), "{found:?}");
}

#[tokio::test]
async fn every_problem_is_reported_at_once() {
    let request = SmsRequest::new()
        .message(SmsMessage::text("Hi").to("").delivery_url("mailto:x"))
        .message(SmsMessage::binary("").to("1"));
    let found = refused(request).await;
    assert_eq!(
        fields(&found),
        ["messages[0].destinations[0].to", "messages[0].webhooks.delivery.url", "messages[1].content.hex"]
    );
}

#[tokio::test]
async fn limits_outside_1_to_1000_are_refused() {
    let server = common::server().await;
    let client = common::builder(&server).build().unwrap();
    let sms = client.sms();
    for error in [
        sms.delivery_reports(&ReportsFilter::new().limit(1001)).await.unwrap_err(),
        sms.logs_page(&LogsFilter::new().limit(0), None).await.unwrap_err(),
        sms.logs_page(&LogsFilter::new().mnc("01"), None).await.unwrap_err(),
        sms.inbound(Some(5000)).await.unwrap_err(),
        sms.bulk_status("").await.unwrap_err(),
        sms.send_query(SendQuery::new(Vec::<String>::new(), "Hi")).await.unwrap_err(),
        sms.send_v2_text(LegacySendRequest::new([LegacyMessage::binary("1", BinaryContent::from_bytes(b"x"))]))
            .await
            .unwrap_err(),
    ] {
        assert_eq!(error.code(), "validation", "{error}");
    }
    assert!(server.received_requests().await.unwrap().is_empty());
}

fn two_message_request() -> SmsRequest {
    SmsRequest::new()
        .message(
            SmsMessage::text("Hi").to("41793026727").destination(Destination::to("41793026834").message_id("mine-2")),
        )
        .message(SmsMessage::text("Ho").to("41793026700"))
}

/// The bodies of the requests a wiremock server received.
async fn bodies(server: &MockServer) -> Vec<Vec<u8>> {
    server.received_requests().await.unwrap().into_iter().map(|r| r.body).collect()
}

/// Checks an `outcome_unknown` error: the bulk id and all three message ids as they were sent,
/// and exactly one request made.
fn assert_outcome_unknown(received: &[Vec<u8>], error: Error, status: Option<u16>) {
    assert_eq!(error.code(), "outcome_unknown", "{error}");
    let Error::OutcomeUnknown(outcome) = error else { unreachable!() };
    assert_eq!(received.len(), 1, "a send is never repeated");
    let body: serde_json::Value = serde_json::from_slice(&received[0]).unwrap();
    assert_eq!(outcome.bulk_id.as_deref(), body["options"]["schedule"]["bulkId"].as_str());
    let sent_ids: Vec<&str> = body["messages"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|m| m["destinations"].as_array().unwrap())
        .map(|d| d["messageId"].as_str().unwrap())
        .collect();
    assert_eq!(outcome.message_ids, sent_ids);
    assert_eq!(outcome.message_ids.len(), 3);
    assert_eq!(outcome.message_ids[1], "mine-2");
    assert_eq!(outcome.operation, "POST /sms/3/messages");
    assert_eq!(outcome.attempts, 1);
    assert_eq!(outcome.status, status);
    let text = outcome.to_string();
    assert!(text.contains(outcome.bulk_id.as_deref().unwrap()) && text.contains("not retried"), "{text}");
}

#[tokio::test]
async fn a_timeout_after_writing_is_outcome_unknown_with_every_id() {
    let server = common::server().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(ResponseTemplate::new(200).set_delay(Duration::from_secs(5)))
        .mount(&server)
        .await;
    let client = common::builder(&server).build().unwrap();
    let options = RequestOptions::new().timeout(Duration::from_millis(300));
    let error = client.sms().send_with(two_message_request(), options).await.unwrap_err();
    assert_outcome_unknown(&bodies(&server).await, error, None);
}

#[tokio::test]
async fn a_5xx_is_outcome_unknown_with_every_id_and_not_retried() {
    for status in [500, 502, 503, 504] {
        let server = common::server().await;
        Mock::given(wiremock::matchers::any())
            .respond_with(
                ResponseTemplate::new(status)
                    .set_body_raw(r#"{"errorCode":"E500","description":"Something went wrong."}"#, "application/json"),
            )
            .mount(&server)
            .await;
        let client = common::builder(&server).build().unwrap();
        let error = client.sms().send(two_message_request()).await.unwrap_err();
        assert_outcome_unknown(&bodies(&server).await, error, Some(status));
    }
}

/// A loopback server that reads each request in full (head and body), then closes the
/// connection without answering: a connection cut after the request was written. Returns its
/// base URL and the bodies it read. It serves at most `connections` connections.
async fn hang_up_server(connections: usize) -> (String, Arc<Mutex<Vec<Vec<u8>>>>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let bodies = Arc::new(Mutex::new(Vec::new()));
    let seen = bodies.clone();
    tokio::spawn(async move {
        for _ in 0..connections {
            let Ok((mut socket, _)) = listener.accept().await else { return };
            let body = read_request(&mut socket).await;
            seen.lock().unwrap().push(body);
            drop(socket);
        }
    });
    (url, bodies)
}

/// Reads one HTTP/1.1 request with a `Content-Length` body and returns the body.
async fn read_request(socket: &mut tokio::net::TcpStream) -> Vec<u8> {
    let mut data = Vec::new();
    let mut chunk = [0u8; 8192];
    loop {
        let read = socket.read(&mut chunk).await.unwrap();
        assert!(read > 0, "the client closed the connection before sending the whole request");
        data.extend_from_slice(&chunk[..read]);
        let Some(end) = data.windows(4).position(|w| w == b"\r\n\r\n") else { continue };
        let head = String::from_utf8_lossy(&data[..end]).to_ascii_lowercase();
        let length: usize =
            head.lines().find_map(|l| l.strip_prefix("content-length:")).map_or(0, |v| v.trim().parse().unwrap());
        if data.len() >= end + 4 + length {
            return data[end + 4..end + 4 + length].to_vec();
        }
    }
}

fn client_of(url: &str) -> infobip::Client {
    infobip::Client::builder().base_url(url).api_key("test-api-key-123").timeout(None).build().unwrap()
}

#[tokio::test]
async fn a_connection_cut_after_writing_is_outcome_unknown_with_every_id() {
    let (url, received) = hang_up_server(5).await;
    let sms = client_of(&url).sms();
    let send = sms.send(two_message_request());
    let error = tokio::time::timeout(Duration::from_secs(20), send).await.expect("the send ends").unwrap_err();
    let received = received.lock().unwrap().clone();
    assert_outcome_unknown(&received, error, None);
}

#[tokio::test]
async fn a_send_the_caller_lets_retry_still_ends_in_outcome_unknown_with_the_same_ids() {
    let (url, received) = hang_up_server(5).await;
    let sms = client_of(&url).sms();
    let options = RequestOptions::new().retry_non_idempotent(true).max_retries(1);
    let send = sms.send_with(two_message_request(), options);
    let error = tokio::time::timeout(Duration::from_secs(20), send).await.expect("the send ends").unwrap_err();
    let Error::OutcomeUnknown(outcome) = error else { panic!("expected outcome_unknown, got {error:?}") };
    assert_eq!(outcome.attempts, 2);
    let received = received.lock().unwrap().clone();
    assert_eq!(received.len(), 2, "one retry, as the caller asked");
    assert_eq!(received[0], received[1], "a retry repeats the same ids, so the API can refuse the duplicate");
    let body: serde_json::Value = serde_json::from_slice(&received[0]).unwrap();
    assert_eq!(outcome.bulk_id.as_deref(), body["options"]["schedule"]["bulkId"].as_str());
    assert_eq!(outcome.message_ids.len(), 3);
}

#[tokio::test]
async fn a_2xx_whose_body_cannot_be_read_is_outcome_unknown_with_every_id() {
    let server = common::server().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(
            ResponseTemplate::new(200).set_body_raw(r#"{"bulkId":"b","messages":[{"messageId":"#, "application/json"),
        )
        .mount(&server)
        .await;
    let client = common::builder(&server).build().unwrap();
    let error = client.sms().send(two_message_request()).await.unwrap_err();
    assert!(error.to_string().contains("could not be read"), "{error}");
    assert_outcome_unknown(&bodies(&server).await, error, Some(200));
}

#[tokio::test]
async fn a_query_send_in_doubt_is_outcome_unknown_with_its_bulk_id_and_not_retried() {
    let server = common::server().await;
    Mock::given(wiremock::matchers::any()).respond_with(ResponseTemplate::new(503)).mount(&server).await;
    let client = common::builder(&server).build().unwrap();
    let error = client.sms().send_query(SendQuery::new(["41793026727"], "Hi").bulk_id("q-1")).await.unwrap_err();
    let Error::OutcomeUnknown(outcome) = error else { panic!("{error:?}") };
    assert_eq!(outcome.bulk_id.as_deref(), Some("q-1"));
    assert_eq!(outcome.operation, "GET /sms/3/text/query");
    assert_eq!(server.received_requests().await.unwrap().len(), 1, "a GET send is not retried either");
}

#[tokio::test]
async fn a_v2_send_in_doubt_carries_its_ids() {
    let server = common::server().await;
    Mock::given(wiremock::matchers::any()).respond_with(ResponseTemplate::new(500)).mount(&server).await;
    let client = common::builder(&server).build().unwrap();
    let error = client.sms().send_v2_text(LegacySendRequest::new([LegacyMessage::text("1", "Hi")])).await.unwrap_err();
    let Error::OutcomeUnknown(outcome) = error else { panic!("{error:?}") };
    assert!(outcome.bulk_id.is_some());
    assert_eq!(outcome.message_ids.len(), 1);
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[tokio::test]
async fn a_4xx_stays_an_api_error() {
    let server = common::server().await;
    Mock::given(wiremock::matchers::any()).respond_with(ResponseTemplate::new(403)).mount(&server).await;
    let client = common::builder(&server).build().unwrap();
    let error = client.sms().send(SmsRequest::text("1", "Hi")).await.unwrap_err();
    assert_eq!(error.code(), "forbidden");
}
