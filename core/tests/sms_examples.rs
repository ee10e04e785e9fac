//! Every request and response example of the SMS spec, and every SMS fixture, round-trips
//! through the models: parsed, written back, and compared by meaning (see `sms_support::same`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod sms_support;

use infobip::sms::*;
use serde_json::Value;
use sms_support::{assert_error_round_trip, assert_round_trip, fixtures, spec, spec_examples};

/// Round-trips one body through the model that operation and part use. Error bodies (4xx, 5xx)
/// round-trip through `ApiError`, which must also find their code and text. Returns false when
/// no model is known for the pair.
fn check(operation: &str, part: &str, label: &str, value: &Value) -> bool {
    let request = part == "request";
    if !request && !part.starts_with('2') {
        let error = infobip::ApiError::from_response(400, &http::HeaderMap::new(), value.to_string().as_bytes());
        assert!(error.error_code.is_some() && error.text.is_some(), "{label}: error body not understood: {value}");
        assert_error_round_trip(label, value);
        return true;
    }
    match (operation, request) {
        ("POST /sms/3/messages", true) => assert_round_trip::<SmsRequest>(label, value),
        ("POST /sms/3/messages" | "GET /sms/3/text/query", false) => assert_round_trip::<SendResponse>(label, value),
        ("GET /sms/1/text/query" | "POST /sms/2/text/advanced" | "POST /sms/2/binary/advanced", false) => {
            assert_round_trip::<LegacySendResponse>(label, value)
        }
        ("POST /sms/2/text/advanced" | "POST /sms/2/binary/advanced", true) => {
            assert_round_trip::<LegacySendRequest>(label, value)
        }
        ("POST /sms/1/preview", true) => assert_round_trip::<PreviewRequest>(label, value),
        ("POST /sms/1/preview", false) => assert_round_trip::<PreviewResponse>(label, value),
        ("GET /sms/1/bulks" | "PUT /sms/1/bulks", _) => assert_round_trip::<BulkSchedule>(label, value),
        ("GET /sms/1/bulks/status" | "PUT /sms/1/bulks/status", _) => assert_round_trip::<BulkStatusInfo>(label, value),
        ("POST /ct/1/log/end/{messageId}", false) => assert_round_trip::<ConversionLogged>(label, value),
        ("GET /sms/1/inbox/reports" | "WEBHOOK receive-inbound-sms-messages", _) => {
            assert_round_trip::<InboundMessages>(label, value)
        }
        ("GET /sms/3/reports" | "WEBHOOK receive-outbound-sms-message-reports-v3", _) => {
            assert_round_trip::<DeliveryReports>(label, value)
        }
        ("GET /sms/3/logs", false) => assert_round_trip::<LogsPage>(label, value),
        ("GET /sms/1/reports" | "GET /sms/1/logs" | "WEBHOOK receive-outbound-sms-message-reports", _) => {
            assert_round_trip::<LegacyReports>(label, value)
        }
        ("WEBHOOK receive-sms-tracking-notification", true) => assert_round_trip::<UrlClick>(label, value),
        _ => return false,
    }
    true
}

#[test]
fn every_sms_spec_example_round_trips() {
    let spec = spec("infobip-sms-openapi.json");
    let examples = spec_examples(&spec);
    let mut models = 0;
    let mut errors = 0;
    for example in &examples {
        let label = format!("{} {} {:?}", example.operation, example.part, example.name);
        assert!(check(&example.operation, &example.part, &label, &example.value), "no model for {label}");
        if example.part == "request" || example.part.starts_with('2') {
            models += 1;
        } else {
            errors += 1;
        }
    }
    eprintln!(
        "SMS spec: {} examples round-tripped: {models} request/response bodies through the models, {errors} error bodies through ApiError",
        models + errors
    );
    assert_eq!(examples.len(), models + errors);
    assert_eq!(models, 49, "the number of model examples in the SMS spec changed");
    assert_eq!(errors, 66, "the number of error examples in the SMS spec changed");
}

#[test]
fn every_sms_fixture_round_trips() {
    let mut count = 0;
    for (name, value) in fixtures(&["sms-", "webhook-sms-"]) {
        let stem = name.trim_end_matches(".json");
        let (operation, part) = match stem {
            s if s.starts_with("sms-v3-send-request") => ("POST /sms/3/messages", "request"),
            s if s.starts_with("sms-v3-send-response") => ("POST /sms/3/messages", "200"),
            s if s.starts_with("sms-v2-send-response") => ("POST /sms/2/text/advanced", "200"),
            s if s.starts_with("sms-v2-") => ("POST /sms/2/text/advanced", "request"),
            s if s.starts_with("sms-preview-request") => ("POST /sms/1/preview", "request"),
            s if s.starts_with("sms-preview-response") => ("POST /sms/1/preview", "200"),
            "sms-bulks-get-response" => ("GET /sms/1/bulks", "200"),
            "sms-bulks-reschedule-request" => ("PUT /sms/1/bulks", "request"),
            "sms-bulks-status-response" => ("GET /sms/1/bulks/status", "200"),
            "sms-bulks-status-update-request" => ("PUT /sms/1/bulks/status", "request"),
            "sms-conversion-end-tag-response" => ("POST /ct/1/log/end/{messageId}", "200"),
            "sms-v1-inbox-reports-response" | "webhook-sms-inbound-mo-json-2" => ("GET /sms/1/inbox/reports", "200"),
            "sms-v1-logs-response-deprecated" | "sms-v1-reports-response" | "webhook-sms-delivery-report-v1-legacy" => {
                ("GET /sms/1/reports", "200")
            }
            "sms-v3-logs-response" => ("GET /sms/3/logs", "200"),
            "sms-v3-reports-response" | "webhook-sms-delivery-report-v3" => ("GET /sms/3/reports", "200"),
            "webhook-sms-url-click-tracking" => ("WEBHOOK receive-sms-tracking-notification", "request"),
            other => panic!("no model for fixture {other}"),
        };
        assert!(check(operation, part, &name, &value), "no model for {name}");
        count += 1;
    }
    eprintln!("SMS fixtures: {count} round-tripped through the models");
    assert_eq!(count, 38, "the number of SMS fixtures changed");
}

#[test]
fn lenient_reading_of_real_world_shapes() {
    let body = r#"{"results":[
        {"messageId":"a","content":{},"status":{"groupName":"QUEUED_SOMEWHERE","id":999},"sentAt":"2026-12-24T14:00:00+05:30","newField":{"x":1}},
        {"messageId":"b","content":{"card":{"title":"t"}},"doneAt":"2026-12-24T08:30:00Z","error":{"groupName":"Ok","id":0}},
        {"messageId":"c","content":{"hex":"48 69","dataCoding":8},"sentAt":1418364366000},
        {"messageId":"d","content":{"text":"hi","transliteration":"KLINGON"},"sentAt":"2026-12-24T08:30:00.000+0000"}
    ],"cursor":{"limit":4}}"#;
    let page: LogsPage = serde_json::from_str(body).unwrap();
    assert_eq!(page.results.len(), 4);
    assert_eq!(page.next_cursor(), None);
    let [a, b, c, d] = &page.results[..] else { panic!() };
    assert_eq!(a.content, Some(Content::default()));
    assert_eq!(a.status.as_ref().unwrap().group(), StatusGroup::Unknown("QUEUED_SOMEWHERE".into()));
    assert_eq!(a.sent_at.unwrap().offset().local_minus_utc(), 19800);
    assert!(matches!(b.content, Some(Content::Other(_))));
    assert_eq!(b.error.as_ref().unwrap().group_name, Some(ErrorGroup::Ok));
    assert_eq!(c.content.as_ref().unwrap().hex(), Some("48 69"));
    assert_eq!(infobip::time::format(&c.sent_at.unwrap()), "2014-12-12T06:06:06.000+0000");
    match &d.content {
        Some(Content::Text(text)) => assert_eq!(text.transliteration, Some(Transliteration::Unknown("KLINGON".into()))),
        other => panic!("{other:?}"),
    }
    // Written back, an unknown value is kept as it came.
    let back = serde_json::to_value(&page).unwrap();
    assert_eq!(back["results"][3]["content"]["transliteration"], "KLINGON");
    assert_eq!(back["results"][1]["content"], serde_json::json!({"card":{"title":"t"}}));
}

/// Infobip's general status and error code tables, compiled into the crate, are the tables of
/// `tests/fixtures` row for row, and every row reads through the typed models: a status known
/// only by its id gets its group from the table, and an error known only by its id its
/// permanence.
#[test]
fn status_and_error_tables_match_the_fixtures_and_type_every_row() {
    let [(_, errors), (_, statuses)] = &fixtures(&["table-"])[..] else { panic!("two tables expected") };
    let statuses = statuses.as_array().unwrap();
    let errors = errors.as_array().unwrap();
    assert_eq!(status::status_codes().len(), statuses.len());
    assert_eq!(status::error_codes().len(), errors.len());
    for (row, typed) in statuses.iter().zip(status::status_codes()) {
        let group = StatusGroup::from(row["groupName"].as_str().unwrap());
        assert!(!matches!(group, StatusGroup::Unknown(_)), "{row}");
        assert_eq!(
            (typed.id, &typed.group_name, typed.name.as_str()),
            (row["id"].as_i64().unwrap() as i32, &group, row["name"].as_str().unwrap())
        );
        let first = statuses.iter().find(|r| r["id"] == row["id"]).unwrap();
        let by_id = Status { id: Some(typed.id), ..Status::default() };
        assert_eq!(by_id.group().as_str(), first["groupName"].as_str().unwrap(), "{row}");
        let by_name: Status = serde_json::from_value(row.clone()).unwrap();
        assert_eq!(by_name.group(), group);
    }
    for (row, typed) in errors.iter().zip(status::error_codes()) {
        let permanent = row["permanent"].as_bool().unwrap();
        assert_eq!((typed.id, typed.permanent), (row["id"].as_i64().unwrap() as i32, permanent), "{row}");
        let first = errors.iter().find(|r| r["id"] == row["id"]).unwrap();
        let by_id = MessageError { id: Some(typed.id), ..MessageError::default() };
        assert_eq!(by_id.is_permanent(), first["permanent"].as_bool().unwrap(), "{row}");
        let full: MessageError = serde_json::from_value(row.clone()).unwrap();
        assert!(!matches!(full.group_name, Some(ErrorGroup::Unknown(_))), "{row}");
    }
    // The table's groups are the five final and pending groups (the API also names ACCEPTED).
    let groups: std::collections::BTreeSet<&str> =
        status::status_codes().iter().map(|r| r.group_name.as_str()).collect();
    assert_eq!(groups, ["DELIVERED", "EXPIRED", "PENDING", "REJECTED", "UNDELIVERABLE"].into_iter().collect());
}
