//! The emulator is as strict as Infobip's spec: the cases a property-based tester found accepted
//! though the spec forbids them, multipart bodies with required parts (recorded part by part),
//! and answers that stay inside what the spec documents.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use infobip_emulator::Emulator;
use serde_json::{Value, json};

/// The violations of an error body in either of Infobip's shapes, as (property, message).
fn violations(body: &Value) -> Vec<(String, String)> {
    if let Some(list) = body["violations"].as_array() {
        return list
            .iter()
            .map(|v| (v["property"].as_str().unwrap().to_string(), v["violation"].as_str().unwrap().to_string()))
            .collect();
    }
    body["requestError"]["serviceException"]["validationErrors"]
        .as_object()
        .into_iter()
        .flatten()
        .flat_map(|(k, msgs)| msgs.as_array().unwrap().iter().map(|m| (k.clone(), m.as_str().unwrap().to_string())))
        .collect()
}

fn names(body: &Value) -> Vec<String> {
    violations(body).into_iter().map(|(p, _)| p).collect()
}

#[tokio::test]
async fn a_null_body_is_not_an_empty_bulk() {
    let emu = Emulator::start().await.unwrap();
    let h = Http::new(&emu.base_url());
    for path in ["/sms/3/messages", "/sms/2/text/advanced", "/sms/2/binary/advanced"] {
        let r = h.send("POST", path, Some(KEY), Some("application/json"), b"null".to_vec()).await;
        assert_eq!(r.status, 400, "{path}: {}", String::from_utf8_lossy(&r.body));
        assert_eq!(violations(&r.json()), vec![("body".to_string(), "must not be null".to_string())], "{path}");
    }
    assert_eq!(emu.message_count(), 0);
}

#[tokio::test]
async fn null_where_the_schema_says_boolean_is_refused_and_absent_is_not() {
    let emu = Emulator::start().await.unwrap();
    let h = Http::new(&emu.base_url());
    let r = h.post("/2fa/2/applications", Some(KEY), &json!({"name": "2fa", "enabled": null})).await;
    assert_eq!(r.status, 400);
    assert_eq!(violations(&r.json()), vec![("enabled".to_string(), "must not be null".to_string())]);
    let list = h.get("/2fa/2/applications", Some(KEY)).await.json();
    assert_eq!(list, json!([]), "nothing was stored");
    let r = h.post("/2fa/2/applications", Some(KEY), &json!({"name": "2fa"})).await;
    assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
    assert_eq!(r.json()["enabled"], true);
}

#[tokio::test]
async fn query_bounds_and_body_patterns_are_enforced() {
    let emu = Emulator::start().await.unwrap();
    let h = Http::new(&emu.base_url());
    let r = h.get("/sms/1/inbox/reports?limit=2147483648", Some(KEY)).await;
    assert_eq!(r.status, 400);
    assert_eq!(names(&r.json()), vec!["limit"]);
    assert_eq!(h.get("/sms/1/inbox/reports?limit=2147483647", Some(KEY)).await.status, 200);
    let r = h.get("/sms/3/reports?limit=1001", Some(KEY)).await;
    assert_eq!(r.status, 400, "maximum 1000");
    assert_eq!(names(&r.json()), vec!["limit"]);

    let r = h.post("/sms/1/preview", Some(KEY), &json!({"text": "hi", "transliteration": ""})).await;
    assert_eq!(r.status, 400);
    let v = violations(&r.json());
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].0, "transliteration");
    assert!(v[0].1.starts_with("must match \"^(TURKISH|GREEK"), "{v:?}");
    let ok = h.post("/sms/1/preview", Some(KEY), &json!({"text": "hi", "transliteration": "GREEK"})).await;
    assert_eq!(ok.status, 200);
    let r = h.get("/sms/3/logs?useCursor=maybe", Some(KEY)).await;
    assert_eq!(r.status, 400);
    assert_eq!(names(&r.json()), vec!["useCursor"]);
}

#[tokio::test]
async fn content_must_be_one_of_its_shapes_so_the_logs_stay_valid() {
    let emu = Emulator::start().await.unwrap();
    let h = Http::new(&emu.base_url());
    let send = |content: Value| json!({"messages": [{"destinations": [{"to": "41793026727"}], "content": content}]});
    for content in [json!({}), json!({"words": "hi"}), json!({"text": 7}), json!({"text": "hi", "hex": "41"})] {
        let r = h.post("/sms/3/messages", Some(KEY), &send(content.clone())).await;
        assert_eq!(r.status, 400, "{content}: {}", String::from_utf8_lossy(&r.body));
        assert!(names(&r.json()).iter().all(|n| n.starts_with("messages[0].content")), "{content}: {}", r.json());
    }
    assert_eq!(emu.message_count(), 0);
    assert_eq!(h.post("/sms/3/messages", Some(KEY), &send(json!({"text": "hi"}))).await.status, 200);
    assert_eq!(h.post("/sms/3/messages", Some(KEY), &send(json!({"hex": "48 69"}))).await.status, 200);
    // A v2 send with a language code v3 does not list still logs a valid v3 content.
    let v2 = json!({"messages": [{"destinations": [{"to": "41793026727"}], "text": "hi", "language": {"languageCode": ""}}]});
    assert_eq!(h.post("/sms/2/text/advanced", Some(KEY), &v2).await.status, 200);
    let logs = h.get("/sms/3/logs", Some(KEY)).await.json();
    let contents: Vec<&Value> = logs["results"].as_array().unwrap().iter().map(|m| &m["content"]).collect();
    assert_eq!(contents, vec![&json!({"text": "hi"}), &json!({"hex": "48 69"}), &json!({"text": "hi"})]);
}

#[tokio::test]
async fn unknown_properties_are_refused_where_the_schema_closes_the_object() {
    let emu = Emulator::start().await.unwrap();
    let h = Http::new(&emu.base_url());
    // People's event definitions say `additionalProperties: false` and allow `null` templateId.
    let definition = json!({"templateId": null, "definitionId": "addToCart", "title": "Item added to cart"});
    let r = h.post("/peopleevents/2/definitions", Some(KEY), &definition).await;
    assert!(r.status < 300, "{}: {}", r.status, String::from_utf8_lossy(&r.body));
    let mut extra = definition.clone();
    extra["colour"] = json!("red");
    let r = h.post("/peopleevents/2/definitions", Some(KEY), &extra).await;
    assert_eq!(r.status, 400);
    assert_eq!(violations(&r.json()), vec![("colour".to_string(), "is not a known property".to_string())]);
    // The SMS envelope is open: an unknown field is ignored, as Infobip does.
    let sms = json!({"messages": [{"destinations": [{"to": "41793026727"}], "content": {"text": "hi"}}], "extra": 1});
    assert_eq!(h.post("/sms/3/messages", Some(KEY), &sms).await.status, 200);
}

fn multipart(parts: &[(&str, Option<&str>, &[u8])]) -> (String, Vec<u8>) {
    let mut body = Vec::new();
    for (name, filename, data) in parts {
        let disposition = match filename {
            Some(f) => format!("form-data; name=\"{name}\"; filename=\"{f}\"\r\nContent-Type: application/pdf"),
            None => format!("form-data; name=\"{name}\""),
        };
        body.extend_from_slice(format!("--strictTest\r\nContent-Disposition: {disposition}\r\n\r\n").as_bytes());
        body.extend_from_slice(data);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(b"--strictTest--\r\n");
    ("multipart/form-data; boundary=strictTest".to_string(), body)
}

#[tokio::test]
async fn multipart_bodies_need_their_required_parts_and_are_recorded_part_by_part() {
    let emu = Emulator::start().await.unwrap();
    let h = Http::new(&emu.base_url());
    let (ct, body) = multipart(&[("from", None, b"Jane <jane@example.com>"), ("subject", None, b"Hi")]);
    let r = h.send("POST", "/email/3/send", Some(KEY), Some(&ct), body).await;
    assert_eq!(r.status, 400);
    assert_eq!(names(&r.json()), vec!["to"], "a missing required part is named");

    let pdf: &[u8] = b"%PDF-1.4 not really";
    let (ct, body) = multipart(&[
        ("from", None, b"Jane <jane@example.com>"),
        ("to", None, b"john@example.com"),
        ("to", None, b"joan@example.com"),
        ("subject", None, b"Hi"),
        ("attachment", Some("a.pdf"), pdf),
    ]);
    let r = h.send("POST", "/email/3/send", Some(KEY), Some(&ct), body).await;
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));

    let recorded = h.admin("GET", "/requests?path=/email/3/send", None).await.json();
    let last = recorded["requests"].as_array().unwrap().last().unwrap().clone();
    let parts = last["parts"].as_array().unwrap();
    assert_eq!(parts.len(), 5);
    use sha2::Digest as _;
    let sha = |data: &[u8]| -> String { sha2::Sha256::digest(data).iter().map(|b| format!("{b:02x}")).collect() };
    assert_eq!(
        parts[0],
        json!({"name": "from", "filename": null, "contentType": null, "size": 23, "sha256": sha(b"Jane <jane@example.com>")})
    );
    assert_eq!(parts[4]["name"], "attachment");
    assert_eq!(parts[4]["filename"], "a.pdf");
    assert_eq!(parts[4]["contentType"], "application/pdf");
    assert_eq!(parts[4]["size"], pdf.len());
    assert_eq!(parts[4]["sha256"], sha(pdf));
    assert_eq!(emu.requests().last().unwrap().parts.len(), 5, "the Rust API shows them too");

    let r =
        h.send("POST", "/email/3/send", Some(KEY), Some("multipart/form-data; boundary=x"), b"garbage".to_vec()).await;
    assert_eq!(r.status, 400);
    assert_eq!(names(&r.json()), vec!["body"]);
}

#[tokio::test]
async fn raw_bodies_and_header_parameters_are_required_where_the_spec_says_so() {
    let emu = Emulator::start().await.unwrap();
    let h = Http::new(&emu.base_url());
    // POST /email/1/content takes application/octet-stream and two required headers.
    let r = h.send("POST", "/email/1/content", Some(KEY), Some("application/octet-stream"), b"bytes".to_vec()).await;
    assert_eq!(r.status, 400);
    let mut missing = names(&r.json());
    missing.sort();
    assert_eq!(missing, vec!["X-Content-Id", "X-Media-Type"]);
}

#[tokio::test]
async fn answers_stay_inside_what_the_spec_documents() {
    let emu = Emulator::start().await.unwrap();
    let h = Http::new(&emu.base_url());
    let r = h.send("TRACE", "/sms/3/messages", Some(KEY), None, vec![]).await;
    assert_eq!(r.status, 405);
    assert_eq!(r.headers["allow"], "POST");
    let r = h.send("DELETE", "/sms/3/logs", Some(KEY), None, vec![]).await;
    assert_eq!(r.headers["allow"], "GET, HEAD");
    let r = h.send("HEAD", "/sms/3/logs", Some(KEY), None, vec![]).await;
    assert_eq!(r.status, 200);
    assert!(r.body.is_empty());
    assert_eq!(h.get("/sms/3/logs/", Some(KEY)).await.status, 404);
}

#[tokio::test]
async fn a_field_repeated_where_one_value_is_wanted_and_a_blank_json_body_are_refused() {
    let emu = Emulator::start().await.unwrap();
    let h = Http::new(&emu.base_url());
    let (ct, body) = multipart(&[
        ("from", None, b"Jane <jane@example.com>"),
        ("to", None, b"john@example.com"),
        ("subject", None, b"Hi"),
        ("subject", None, b"Hello"),
    ]);
    let r = h.send("POST", "/email/3/send", Some(KEY), Some(&ct), body).await;
    assert_eq!(r.status, 400);
    assert_eq!(names(&r.json()), vec!["subject"]);
    let r = h.send("POST", "/2fa/2/applications", Some(KEY), Some("application/json"), b" ".to_vec()).await;
    assert_eq!(r.status, 400);
    assert_eq!(names(&r.json()), vec!["body"]);
}
