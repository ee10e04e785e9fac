//! `tests/vectors/webhooks.json`: every push body parses to the expected values.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use infobip::sms::{DeliveryReport, InboundMessage};
use infobip::webhooks::{parse_click, parse_delivery_reports, parse_inbound};
use serde_json::{Value, json};

fn cases() -> Vec<Value> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors/webhooks.json");
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    doc["cases"].as_array().unwrap().clone()
}

fn time(t: Option<chrono::DateTime<chrono::FixedOffset>>) -> Value {
    t.map(|t| Value::from(infobip::time::format(&t))).unwrap_or(Value::Null)
}

fn flat_report(r: &DeliveryReport) -> Value {
    let status = r.status.as_ref();
    let error = r.error.as_ref();
    let platform = r.platform.as_ref();
    json!({
        "bulk_id": r.bulk_id, "message_id": r.message_id, "to": r.to, "sender": r.sender,
        "status_group": status.map(|s| s.group().as_str().to_owned()),
        "status_id": status.and_then(|s| s.id), "status_name": status.and_then(|s| s.name.clone()),
        "error_name": error.and_then(|e| e.name.clone()),
        "error_group_name": error.and_then(|e| e.group_name.as_ref().map(|g| g.as_str().to_owned())),
        "error_permanent": error.map(|e| e.is_permanent()),
        "sent_at": time(r.sent_at), "done_at": time(r.done_at), "message_count": r.message_count,
        "price_per_message": r.price.as_ref().and_then(|p| p.price_per_message),
        "currency": r.price.as_ref().and_then(|p| p.currency.clone()), "callback_data": r.callback_data,
        "entity_id": platform.and_then(|p| p.entity_id.clone()), "application_id": platform.and_then(|p| p.application_id.clone()),
    })
}

fn flat_inbound(m: &InboundMessage) -> Value {
    json!({
        "message_id": m.message_id, "from": m.from, "to": m.to, "text": m.text, "clean_text": m.clean_text,
        "keyword": m.keyword, "received_at": time(m.received_at), "sms_count": m.sms_count,
    })
}

fn check(name: &str, expected: &Value, actual: &Value) {
    for (key, want) in expected.as_object().unwrap() {
        assert_eq!(&actual[key], want, "{name}: {key} in {actual}");
    }
}

#[test]
fn every_webhook_vector_parses_as_expected() {
    let cases = cases();
    assert!(cases.len() >= 12);
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        let body = case["body"].as_str().unwrap().as_bytes();
        let expected = &case["expected"];
        if let Some(code) = expected.get("error") {
            let err = parse_delivery_reports(body).expect_err(name);
            assert_eq!(err.code(), code.as_str().unwrap(), "{name}");
            continue;
        }
        match case["kind"].as_str().unwrap() {
            "delivery_reports" => {
                let reports = parse_delivery_reports(body).unwrap_or_else(|e| panic!("{name}: {e}"));
                assert_eq!(reports.len() as u64, expected["count"].as_u64().unwrap(), "{name}");
                for (want, got) in expected["reports"].as_array().unwrap().iter().zip(&reports) {
                    check(name, want, &flat_report(got));
                }
            }
            "inbound" => {
                let inbound = parse_inbound(body).unwrap_or_else(|e| panic!("{name}: {e}"));
                assert_eq!(inbound.results.len() as u64, expected["count"].as_u64().unwrap(), "{name}");
                let top = json!({"message_count": inbound.message_count, "pending_message_count": inbound.pending_message_count});
                check(name, &json!({}), &top);
                for key in ["message_count", "pending_message_count"] {
                    if let Some(want) = expected.get(key) {
                        assert_eq!(&top[key], want, "{name}: {key}");
                    }
                }
                for (want, got) in expected["messages"].as_array().unwrap().iter().zip(&inbound.results) {
                    check(name, want, &flat_inbound(got));
                }
            }
            "click" => {
                let click = parse_click(body).unwrap_or_else(|e| panic!("{name}: {e}"));
                let flat = json!({
                    "notification_type": click.notification_type, "recipient": click.recipient, "url": click.url,
                    "message_id": click.message_id, "bulk_id": click.bulk_id, "sent_at": time(click.sent_at()),
                    "device_type": click.recipient_info.as_ref().and_then(|r| r.device_type.clone()),
                    "country_name": click.geo_location_info.as_ref().and_then(|g| g.country_name.clone()),
                });
                check(name, expected, &flat);
            }
            other => panic!("{name}: unknown kind {other}"),
        }
    }
}

#[test]
fn decode_errors_carry_an_offset() {
    let err = parse_delivery_reports(br#"{"results": [ {"messageId": "x", }"#).unwrap_err();
    assert!(matches!(err, infobip::Error::Decode { offset: Some(o), .. } if o > 10), "{err:?}");
    let err = parse_delivery_reports(b"<a><b>x</c></a>").unwrap_err();
    assert_eq!(err.code(), "decode");
}

#[test]
fn a_push_of_2000_reports_parses() {
    let one = json!({"bulkId": "B", "messageId": "M", "to": "41793026727", "doneAt": "2026-12-24T08:30:05.000+0000",
        "status": {"groupId": 3, "groupName": "DELIVERED", "id": 5, "name": "DELIVERED_TO_HANDSET"}});
    let body = serde_json::to_vec(&json!({"results": vec![one; 2000]})).unwrap();
    let reports = parse_delivery_reports(&body).unwrap();
    assert_eq!(reports.len(), 2000);
    assert!(reports.iter().all(|r| r.status.as_ref().unwrap().group().as_str() == "DELIVERED"));
}
