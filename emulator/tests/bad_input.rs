//! Bad input: each answer is the real error shape, and the emulator keeps serving.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::*;
use infobip_emulator::{Emulator, EmulatorConfig};
use serde_json::Value;

#[derive(Clone, Copy, PartialEq, Debug)]
enum Shape {
    ApiError,
    Legacy,
}

fn shape_of(v: &Value) -> Option<Shape> {
    if v["errorCode"].is_string()
        && v["violations"].is_array()
        && v["resources"].is_array()
        && v["description"].is_string()
    {
        Some(Shape::ApiError)
    } else if v["requestError"]["serviceException"]["messageId"].is_string() {
        Some(Shape::Legacy)
    } else {
        None
    }
}

/// (name, method, path, body, expected status, expected shape, expected violation property)
type Case = (&'static str, &'static str, &'static str, Vec<u8>, u16, Shape, Option<&'static str>);

#[tokio::test]
async fn bad_input_table() {
    let cfg = EmulatorConfig { max_body_bytes: 64 * 1024, ..EmulatorConfig::default() };
    let e = Emulator::start_with(cfg).await.unwrap();
    let h = Http::new(&e.base_url());
    let big = format!(
        "{{\"messages\":[{{\"destinations\":[{{\"to\":\"1\"}}],\"content\":{{\"text\":\"{}\"}}}}]}}",
        "a".repeat(200 * 1024)
    );
    let table: Vec<Case> = vec![
        (
            "malformed JSON v3",
            "POST",
            "/sms/3/messages",
            b"{\"messages\": [".to_vec(),
            400,
            Shape::ApiError,
            Some("body"),
        ),
        ("malformed JSON v2", "POST", "/sms/2/text/advanced", b"not json".to_vec(), 400, Shape::Legacy, Some("body")),
        ("empty body", "POST", "/sms/3/messages", vec![], 400, Shape::ApiError, Some("body")),
        (
            "wrong type (messages is a string)",
            "POST",
            "/sms/3/messages",
            br#"{"messages":"x"}"#.to_vec(),
            400,
            Shape::ApiError,
            Some("messages"),
        ),
        (
            "wrong type (to is a number)",
            "POST",
            "/sms/3/messages",
            br#"{"messages":[{"destinations":[{"to":41793026727}],"content":{"text":"x"}}]}"#.to_vec(),
            400,
            Shape::ApiError,
            Some("messages[0].destinations[0].to"),
        ),
        (
            "wrong enum",
            "POST",
            "/sms/3/messages",
            br#"{"messages":[{"destinations":[{"to":"1"}],"content":{"text":"x","transliteration":"KLINGON"}}]}"#
                .to_vec(),
            400,
            Shape::ApiError,
            Some("messages[0].content.transliteration"),
        ),
        (
            "missing required",
            "POST",
            "/sms/3/messages",
            br#"{"messages":[{"content":{"text":"x"}}]}"#.to_vec(),
            400,
            Shape::ApiError,
            Some("messages[0].destinations"),
        ),
        ("missing required legacy", "POST", "/sms/1/preview", b"{}".to_vec(), 400, Shape::Legacy, Some("text")),
        ("2FA missing fields", "POST", "/2fa/2/pin", b"{}".to_vec(), 400, Shape::Legacy, Some("applicationId")),
        ("query type", "GET", "/sms/3/logs?limit=abc", vec![], 400, Shape::ApiError, Some("limit")),
        ("query maximum", "GET", "/sms/3/logs?limit=5000", vec![], 400, Shape::ApiError, Some("limit")),
        ("unknown path", "GET", "/sms/9/nothing", vec![], 404, Shape::Legacy, None),
        ("unknown path under /sms/3", "GET", "/sms/3/nothing", vec![], 404, Shape::ApiError, None),
        ("wrong method", "DELETE", "/sms/3/messages", vec![], 405, Shape::ApiError, None),
        ("oversized body", "POST", "/sms/3/messages", big.into_bytes(), 413, Shape::ApiError, None),
        ("oversized body legacy", "POST", "/sms/2/text/advanced", vec![b' '; 100 * 1024], 413, Shape::Legacy, None),
    ];
    for (name, method, path, body, status, shape, prop) in table {
        let r = h.send(method, path, Some(KEY), Some("application/json"), body).await;
        assert_eq!(r.status, status, "{name}: {}", String::from_utf8_lossy(&r.body));
        let j = r.json();
        assert_eq!(shape_of(&j), Some(shape), "{name}: {j}");
        if let Some(p) = prop {
            let props: Vec<String> = match shape {
                Shape::ApiError => j["violations"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v["property"].as_str().unwrap().to_string())
                    .collect(),
                Shape::Legacy => j["requestError"]["serviceException"]["validationErrors"]
                    .as_object()
                    .unwrap()
                    .keys()
                    .cloned()
                    .collect(),
            };
            assert!(props.iter().any(|x| x == p), "{name}: {p} not in {props:?}");
        }
        // Still serving after every bad request.
        assert_eq!(h.get("/sms/3/logs", Some(KEY)).await.status, 200, "after {name}");
    }
}
