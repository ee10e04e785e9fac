//! No request makes a handler panic: every operation of `spec/` gets random bodies (its example
//! with a part replaced by random JSON, random JSON, random bytes), random query strings and
//! random headers; the emulator must answer each with a well-formed response and count no panic.
//! Plus the cases that did panic once, and the bounded, idle-dropped webhook queues.

use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use serde_json::{Value, json};

use crate::all_ops_tests::{example_request, param_value};
use crate::spec::{self, OPERATIONS};
use crate::{Emulator, EmulatorConfig};

type Client = hyper_util::client::legacy::Client<hyper_util::client::legacy::connect::HttpConnector, Full<Bytes>>;

fn client() -> Client {
    hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new()).build_http()
}

/// Random JSON: scalars of every kind (huge, negative, fractional numbers; any text), nested up
/// to four levels.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        Just(json!(1e308)),
        Just(json!("99999999999999d")),
        Just(json!("-1")),
        ".{0,40}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(".{0,12}", inner, 0..6).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Every path into a value (object keys and array indices), as JSON pointers.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match value {
        Value::Object(m) => {
            m.iter().for_each(|(k, v)| pointers(v, format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out))
        }
        Value::Array(a) => a.iter().enumerate().for_each(|(i, v)| pointers(v, format!("{at}/{i}"), out)),
        _ => {}
    }
}

/// One random request's parts: a body, extra query pairs and headers.
#[derive(Debug)]
struct Mutation {
    body: BodyKind,
    query: Vec<(String, String)>,
    headers: Vec<(String, String)>,
}

#[derive(Debug)]
enum BodyKind {
    /// The example with the part at (index into its pointers) replaced.
    Replace(usize, Value),
    Random(Value),
    Bytes(Vec<u8>),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let body = prop_oneof![
        3 => (any::<usize>(), json_value()).prop_map(|(i, v)| BodyKind::Replace(i, v)),
        1 => json_value().prop_map(BodyKind::Random),
        1 => prop::collection::vec(any::<u8>(), 0..64).prop_map(BodyKind::Bytes),
    ];
    let text = prop_oneof![
        ".{0,24}",
        Just("99999999999999999999".to_owned()),
        Just("%FF%FE".to_owned()),
        Just("-1".to_owned())
    ];
    let query = prop::collection::vec(
        (prop_oneof![Just("limit".to_owned()), Just("sendAt".to_owned()), "[a-zA-Z]{1,10}"], text),
        0..4,
    );
    let header_value = "[ -~]{0,30}";
    let headers = prop::collection::vec(
        (
            prop_oneof![
                Just("x-session-id".to_owned()),
                Just("content-type".to_owned()),
                Just("accept".to_owned()),
                "x-[a-z]{1,8}"
            ],
            header_value,
        ),
        0..3,
    );
    (body, query, headers).prop_map(|(body, query, headers)| Mutation { body, query, headers })
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| if b.is_ascii_alphanumeric() { char::from(b).to_string() } else { format!("%{b:02X}") })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_request_to_any_route_makes_a_handler_panic() {
    const PER_OPERATION: usize = 4;
    let emu = Emulator::start_with(EmulatorConfig::default()).await.unwrap();
    let client = client();
    // A fixed seed: the same requests every run, so a failure can be replayed.
    let mut runner = TestRunner::new_with_rng(Config::default(), TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32]));
    let strategy = mutation();
    let mut sent = 0usize;
    let mut malformed = Vec::new();
    for op in OPERATIONS {
        let doc = spec::document(op.spec);
        let mut path = op.path.to_string();
        for p in spec::operation_object(op).get("parameters").and_then(Value::as_array).into_iter().flatten() {
            let p = spec::deref(doc, p);
            if p.get("in").and_then(Value::as_str) == Some("path") {
                let name = p.get("name").and_then(Value::as_str).unwrap_or("");
                path = path.replace(&format!("{{{name}}}"), &param_value(doc, p));
            }
        }
        let example = example_request(op).map(|(_, v, _)| v).unwrap_or(Value::Null);
        for _ in 0..PER_OPERATION {
            let mutation = strategy.new_tree(&mut runner).expect("a value").current();
            let body = match mutation.body {
                BodyKind::Replace(index, replacement) => {
                    let mut body = example.clone();
                    let mut all = Vec::new();
                    pointers(&body, String::new(), &mut all);
                    let at = &all[index % all.len()];
                    match body.pointer_mut(at) {
                        Some(slot) => *slot = replacement,
                        None => body = replacement,
                    }
                    serde_json::to_vec(&body).unwrap_or_default()
                }
                BodyKind::Random(value) => serde_json::to_vec(&value).unwrap_or_default(),
                BodyKind::Bytes(bytes) => bytes,
            };
            let query: Vec<String> = mutation
                .query
                .iter()
                .map(|(k, v)| format!("{}={}", encode(k), if v == "%FF%FE" { v.clone() } else { encode(v) }))
                .collect();
            let uri = if query.is_empty() {
                format!("{}{path}", emu.base_url())
            } else {
                format!("{}{path}?{}", emu.base_url(), query.join("&"))
            };
            let mut request = http::Request::builder()
                .method(op.method)
                .uri(uri)
                .header("authorization", "App emulator-api-key")
                .header("content-type", "application/json");
            for (name, value) in &mutation.headers {
                request = request.header(name.as_str(), value.as_str());
            }
            let response = client.request(request.body(Full::new(Bytes::from(body))).expect("a request")).await;
            sent += 1;
            match response {
                Ok(response) => {
                    let status = response.status().as_u16();
                    let ok = response.into_body().collect().await.is_ok();
                    if !ok || status == 500 && emu.handler_panics() > 0 {
                        malformed.push(format!("{} {path}: {status}", op.method));
                    }
                }
                Err(e) => malformed.push(format!("{} {path}: {e}", op.method)),
            }
        }
    }
    println!("{sent} random requests to {} operations", OPERATIONS.len());
    assert_eq!(emu.handler_panics(), 0, "handlers panicked: {malformed:?}");
    assert!(malformed.is_empty(), "{} requests got no well-formed answer:\n{}", malformed.len(), malformed.join("\n"));
    assert!(sent >= OPERATIONS.len() * PER_OPERATION);
}

#[tokio::test]
async fn a_huge_pin_time_to_live_is_no_panic() {
    let emu = Emulator::start_with(EmulatorConfig::default()).await.unwrap();
    let client = client();
    let post = |path: &str, body: Value| {
        http::Request::post(format!("{}{path}", emu.base_url()))
            .header("authorization", "App emulator-api-key")
            .header("content-type", "application/json")
            .body(Full::new(Bytes::from(body.to_string())))
            .expect("a request")
    };
    let answer = |response: hyper::Response<hyper::body::Incoming>| async move {
        let status = response.status().as_u16();
        let body: Value = serde_json::from_slice(&response.into_body().collect().await.expect("a body").to_bytes())
            .unwrap_or(Value::Null);
        (status, body)
    };
    for ttl in ["99999999999999d", "9223372036854775807ms", "9999999999999999999999m"] {
        let app = json!({"name": "ttl", "configuration": {"pinTimeToLive": ttl}});
        let (status, app) = answer(client.request(post("/2fa/2/applications", app)).await.expect("answered")).await;
        assert!((200..300).contains(&status), "{app}");
        let app_id = app["applicationId"].as_str().expect("an id").to_owned();
        let template = json!({"pinType": "NUMERIC", "messageText": "{{pin}}", "pinLength": 4});
        let path = format!("/2fa/2/applications/{app_id}/messages");
        let (_, template) = answer(client.request(post(&path, template)).await.expect("answered")).await;
        let message_id = template["messageId"].as_str().expect("an id").to_owned();
        let pin = json!({"applicationId": app_id, "messageId": message_id, "to": "41793026727"});
        let (status, sent) = answer(client.request(post("/2fa/2/pin", pin)).await.expect("answered")).await;
        assert_eq!(status, 200, "{ttl}: {sent}");
        let pin_id = sent["pinId"].as_str().expect("a pin id").to_owned();
        let resend = client.request(post(&format!("/2fa/2/pin/{pin_id}/resend"), json!({}))).await.expect("answered");
        assert_eq!(resend.status().as_u16(), 200, "{ttl}");
    }
    assert_eq!(emu.handler_panics(), 0);
}

#[tokio::test]
async fn webhook_queues_are_bounded_and_idle_ones_dropped() {
    // Nothing listens at these URLs; each send names a new one.
    let config = EmulatorConfig {
        delivery_delay_ms: 0,
        webhook_idle_ms: 200,
        webhook_retry_initial_ms: 10,
        webhook_retry_max_ms: 10,
        webhook_max_attempts: 1,
        webhook_timeout_ms: 100,
        ..EmulatorConfig::default()
    };
    let emu = Emulator::start_with(config).await.unwrap();
    let client = client();
    for i in 0..50 {
        let body = json!({"messages": [{"destinations": [{"to": "41793026727"}], "content": {"text": "x"},
            "webhooks": {"delivery": {"url": format!("http://127.0.0.1:9/hook-{i}")}}}]});
        let request = http::Request::post(format!("{}/sms/3/messages", emu.base_url()))
            .header("authorization", "App emulator-api-key")
            .header("content-type", "application/json")
            .body(Full::new(Bytes::from(body.to_string())))
            .expect("a request");
        assert_eq!(client.request(request).await.expect("answered").status().as_u16(), 200);
    }
    // Each URL got a queue; once idle, every one is dropped (poll with a deadline).
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    while emu.webhook_stats().attempts < 50 && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(emu.webhook_stats().attempts, 50, "one attempt per URL");
    while emu.webhook_queues() > 0 && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(emu.webhook_queues(), 0, "idle queues are dropped");

    // One URL that never answers: its queue takes at most QUEUE_CAPACITY items, the rest are
    // dropped and counted.
    let silent = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", silent.local_addr().unwrap());
    let before = emu.webhook_stats().dropped;
    let outbox: crate::delivery::Outbox =
        (0..20_000).map(|i| (url.clone(), crate::state::PushKind::Delivery, json!({"messageId": i}))).collect();
    crate::delivery::send_outbox(&emu.shared, outbox);
    let dropped = emu.webhook_stats().dropped - before;
    let kept = 20_000 - dropped as usize;
    assert!(kept <= crate::delivery::QUEUE_CAPACITY + 101, "kept {kept}");
    assert!(kept >= crate::delivery::QUEUE_CAPACITY, "kept {kept}");
    assert_eq!(emu.webhook_queues(), 1);
    drop(silent);
}
