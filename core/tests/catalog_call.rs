//! `Client::call`: exact requests, validation before sending, throttling, scopes on 403,
//! deprecation warnings.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::Duration;

use infobip::{CallParams, Error, Method};
use serde_json::json;
use tokio::time::Instant;
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn server_answering(status: u16, body: serde_json::Value) -> MockServer {
    let server = common::server().await;
    answer(&server, status, body).await;
    server
}

/// Makes `server` answer every request with `status` and `body`.
async fn answer(server: &MockServer, status: u16, body: serde_json::Value) {
    Mock::given(any())
        .respond_with(ResponseTemplate::new(status).set_body_json(body).insert_header("X-Request-Id", "rid-7"))
        .mount(server)
        .await;
}

async fn ok_server() -> MockServer {
    server_answering(200, json!({"ok": true})).await
}

async fn requests(server: &MockServer) -> Vec<wiremock::Request> {
    server.received_requests().await.unwrap()
}

fn violations(err: &Error) -> Vec<(String, String)> {
    match err {
        Error::Validation { violations } => {
            violations.iter().map(|v| (v.property.clone(), v.message.clone())).collect()
        }
        other => panic!("expected a validation error, got {other:?}"),
    }
}

fn properties(err: &Error) -> Vec<String> {
    violations(err).into_iter().map(|(p, _)| p).collect()
}

#[tokio::test]
async fn path_values_are_percent_encoded_as_one_segment() {
    let server = ok_server().await;
    let client = common::builder(&server).build().unwrap();
    let response = client.call("get-2fa-application", CallParams::new().path("appId", "a/b c%d-Zürich")).await.unwrap();
    assert_eq!((response.status, response.request_id.as_deref()), (200, Some("rid-7")));
    assert_eq!(response.body, json!({"ok": true}));
    let req = &requests(&server).await[0];
    assert_eq!(req.method.as_str(), "GET");
    assert_eq!(req.url.path(), "/2fa/2/applications/a%2Fb%20c%25d-Z%C3%BCrich");
    assert_eq!(req.url.query(), None);
    assert_eq!(req.headers["authorization"], "App test-api-key-123");
    assert!(req.body.is_empty());
}

#[tokio::test]
async fn list_query_parameters_are_repeated_and_scalars_sent_as_text() {
    let server = ok_server().await;
    let client = common::builder(&server).build().unwrap();
    let params = CallParams::new()
        .query("useCursor", true)
        .query("bulkId", json!(["b-1", "b 2"]))
        .query("limit", "10")
        .query("messageId", "m&1")
        .query("sender", serde_json::Value::Null);
    client.call("get-outbound-sms-message-logs-v3", params).await.unwrap();
    let req = &requests(&server).await[0];
    assert_eq!(req.url.path(), "/sms/3/logs");
    // In the spec's parameter order; `null` is not sent.
    assert_eq!(req.url.query(), Some("bulkId=b-1&bulkId=b%202&messageId=m%261&limit=10&useCursor=true"));
}

#[tokio::test]
async fn a_missing_required_query_parameter_is_refused_before_sending() {
    let server = ok_server().await;
    let client = common::builder(&server).build().unwrap();
    let err =
        client.call("get-2fa-verification-status", CallParams::new().query("verified", "maybe")).await.unwrap_err();
    assert_eq!(err.code(), "validation");
    assert_eq!(
        violations(&err),
        [
            ("path.appId".to_owned(), "is required".to_owned()),
            ("query.msisdn".to_owned(), "is required".to_owned()),
            ("query.verified".to_owned(), "must be true or false, not \"maybe\"".to_owned()),
        ]
    );
    assert!(requests(&server).await.is_empty());
}

#[tokio::test]
async fn unknown_parameter_names_are_named() {
    let server = ok_server().await;
    let client = common::builder(&server).build().unwrap();
    let params = CallParams::new().path("appId", "x").query("msisdn", "385").query("verifed", true).path("id", 1);
    let err = client.call("get-2fa-verification-status", params).await.unwrap_err();
    let found = violations(&err);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].0, "path.id");
    assert!(found[0].1.contains("it has: appId"), "{found:?}");
    assert_eq!(found[1].0, "query.verifed");
    assert!(found[1].1.contains("msisdn, verified, sent"), "{found:?}");
    assert!(requests(&server).await.is_empty());
}

#[tokio::test]
async fn a_missing_body_is_refused() {
    let server = ok_server().await;
    let client = common::builder(&server).build().unwrap();
    let err = client.call("send-sms-messages", CallParams::new()).await.unwrap_err();
    let found = violations(&err);
    assert_eq!(found[0].0, "body");
    assert!(found[0].1.starts_with("is required"), "{found:?}");
    assert!(requests(&server).await.is_empty());
}

#[tokio::test]
async fn every_body_violation_is_listed_by_json_pointer() {
    let server = ok_server().await;
    let client = common::builder(&server).build().unwrap();
    let body = json!({"messages": [
        {"sender": "InfoSMS", "destinations": [{"to": "41793026727"}, {"to": 41793026728_i64}], "content": {"text": "Hi"}},
        {"content": {"text": 5}}
    ]});
    let err = client.call("send-sms-messages", CallParams::new().body(body)).await.unwrap_err();
    let props = properties(&err);
    assert!(props.contains(&"/messages/0/destinations/1/to".to_owned()), "{err}");
    assert!(props.contains(&"/messages/1/destinations".to_owned()), "{err}");
    assert!(props.contains(&"/messages/1/content/text".to_owned()), "{err}");
    assert!(err.to_string().contains("/messages/0/destinations/1/to: must be a string, not a number"), "{err}");
    assert!(requests(&server).await.is_empty());

    // The same body, fixed, is sent as JSON, with the ids the send rule adds.
    let body = json!({"messages": [{"destinations": [{"to": "41793026727"}], "content": {"text": "Hi"}}]});
    client.call("send-sms-messages", CallParams::new().body(body.clone())).await.unwrap();
    let req = &requests(&server).await[0];
    assert_eq!((req.method.as_str(), req.url.path()), ("POST", "/sms/3/messages"));
    assert_eq!(req.headers["content-type"], "application/json");
    let mut sent: serde_json::Value = serde_json::from_slice(&req.body).unwrap();
    let message_id = sent["messages"][0]["destinations"][0].as_object_mut().unwrap().remove("messageId").unwrap();
    let bulk_id = sent.as_object_mut().unwrap().remove("options").unwrap()["schedule"]["bulkId"].clone();
    assert!(message_id.is_string() && bulk_id.is_string(), "{message_id} {bulk_id}");
    assert_eq!(sent, body);
}

#[tokio::test]
async fn an_unknown_operation_suggests_the_closest_ids() {
    let server = ok_server().await;
    let client = common::builder(&server).build().unwrap();
    let err = client.call("send-sms-mesages", CallParams::new()).await.unwrap_err();
    assert_eq!(err.code(), "validation");
    let found = violations(&err);
    assert_eq!(found[0].0, "operation_id");
    assert!(found[0].1.contains("did you mean send-sms-messages"), "{}", found[0].1);
    assert!(requests(&server).await.is_empty());
}

#[tokio::test]
async fn form_bodies_are_sent_form_encoded_and_multipart_as_a_form() {
    let server = server_answering(200, json!({"access_token": "t", "expires_in": 3600})).await;
    let client = common::builder(&server).build().unwrap();
    let body = json!({"client_id": "user 1", "client_secret": "p&ss", "grant_type": "client_credentials"});
    let response = client.call("create-oauth2-token", CallParams::new().body(body)).await.unwrap();
    assert_eq!(response.body["expires_in"], 3600);
    let req = &requests(&server).await[0];
    assert_eq!(req.headers["content-type"], "application/x-www-form-urlencoded");
    assert_eq!(req.body, b"client_id=user%201&client_secret=p%26ss&grant_type=client_credentials");

    let err =
        client.call("send-fully-featured-email", CallParams::new().body(json!({"to": "a@b.c"}))).await.unwrap_err();
    assert_eq!(properties(&err), ["/to"], "validated as the form's fields: `to` is a list");
    assert_eq!(requests(&server).await.len(), 1);
    client.call("send-fully-featured-email", CallParams::new().body(json!({"to": ["a@b.c"]}))).await.unwrap();
    let req = &requests(&server).await[1];
    let content_type = req.headers["content-type"].to_str().unwrap();
    let boundary = content_type.strip_prefix("multipart/form-data; boundary=").expect(content_type);
    // One text part per field: the caller's `to`, and the ids the send rule puts in the form.
    let body = String::from_utf8_lossy(&req.body).into_owned();
    let body = body.strip_suffix(&format!("--{boundary}--\r\n")).expect(&body);
    let mut parts: Vec<(&str, &str)> = body
        .split(&format!("--{boundary}\r\n"))
        .skip(1)
        .map(|part| {
            let part = part.strip_prefix("Content-Disposition: form-data; name=\"").expect(part);
            let (name, value) = part.split_once("\"\r\n\r\n").expect(part);
            (name, value.strip_suffix("\r\n").expect(value))
        })
        .collect();
    parts.sort();
    let names: Vec<&str> = parts.iter().map(|(name, _)| *name).collect();
    assert_eq!(names, ["bulkId", "messageId", "to"], "{body}");
    assert_eq!(parts[2].1, "a@b.c");
    assert!(parts[..2].iter().all(|(_, id)| uuid::Uuid::parse_str(id).is_ok()), "{parts:?}");
}

#[tokio::test]
async fn header_parameters_are_sent() {
    let server = ok_server().await;
    let client = common::builder(&server).build().unwrap();
    let err = client.call("get-biometrics-kyc-session", CallParams::new()).await.unwrap_err();
    assert_eq!(properties(&err), ["header.X-Session-Id"]);
    client.call("get-biometrics-kyc-session", CallParams::new().header("x-session-id", "s-1")).await.unwrap();
    assert_eq!(requests(&server).await[0].headers["x-session-id"], "s-1");
}

#[tokio::test]
async fn call_params_read_from_json() {
    let params: CallParams =
        serde_json::from_value(json!({"path": {"appId": "a"}, "query": {"msisdn": 385}, "body": null})).unwrap();
    assert_eq!(params, CallParams::new().path("appId", "a").query("msisdn", 385));
    assert!(serde_json::from_value::<CallParams>(json!({"qeury": {}})).is_err());
}

#[tokio::test]
async fn a_403_names_the_operations_scopes() {
    let server = server_answering(
        403,
        json!({"errorCode": "E403", "description": "Insufficient permissions to access the requested resource.",
               "action": "Repeat the request with new or different credentials.", "violations": [], "resources": []}),
    )
    .await;
    let client = common::builder(&server).build().unwrap();
    let body = json!({"messages": [{"destinations": [{"to": "41793026727"}], "content": {"text": "Hi"}}]});
    let err = client.call("send-sms-messages", CallParams::new().body(body)).await.unwrap_err();
    assert_eq!(err.code(), "forbidden");
    let api = err.api().unwrap();
    assert_eq!(api.required_scopes, ["message:send", "sms:message:send", "sms:manage"]);
    assert!(err.to_string().contains("needs one of the scopes: message:send, sms:message:send, sms:manage"), "{err}");
    assert_eq!(infobip::catalog::required_scopes("send-sms-messages").unwrap(), api.required_scopes.as_slice());

    // A plain request to a concrete path finds its operation's scopes too.
    let err = client.request(Method::GET, "/2fa/2/applications/app-1").send().await.unwrap_err();
    assert_eq!(err.api().unwrap().required_scopes, ["2fa:manage"]);
}

#[tokio::test]
async fn a_deprecated_operation_warns_once() {
    let logs = common::Logs::default();
    let _guard = logs.install();
    let server = ok_server().await;
    let client = common::builder(&server).build().unwrap();
    for _ in 0..2 {
        client.call("get-outbound-sms-message-logs", CallParams::new()).await.unwrap();
    }
    let text = logs.text();
    assert_eq!(text.matches("this operation is deprecated").count(), 1, "{text}");
    assert!(text.contains("successor=\"get-outbound-sms-message-logs-v3\""), "{text}");
    assert!(text.contains("deprecation=\"2024-05-16T12:00:00.00+0000\""), "{text}");
}

#[tokio::test(start_paused = true)]
async fn an_operation_limited_to_120_a_minute_never_exceeds_it() {
    let server = common::server().await;
    let client = common::connected(common::builder(&server), &server).await;
    answer(&server, 200, json!({"ok": true})).await;
    let op = infobip::catalog::operation("get-outbound-sms-message-logs-v3").unwrap();
    assert_eq!(op.rate_limit(), Some(infobip::RateLimit::per_minute(120)));
    let started = Instant::now();
    let mut sent_at = Vec::new();
    for _ in 0..250 {
        let response = client.call("get-outbound-sms-message-logs-v3", CallParams::new().query("limit", 1)).await;
        // The clock only moves while the SDK waits for the throttle, so this is when it was sent.
        sent_at.push(started.elapsed());
        assert_eq!(response.unwrap().attempts, 1);
    }
    assert_eq!(requests(&server).await.len(), 250);
    // Any 121 consecutive requests span more than a minute.
    for window in sent_at.windows(121) {
        assert!(window[120] - window[0] >= Duration::from_secs(60), "{:?} .. {:?}", window[0], window[120]);
    }
    assert!(sent_at[249] >= Duration::from_secs(120), "{:?}", sent_at[249]);
}
