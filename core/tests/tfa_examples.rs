//! Every request and response example of the 2FA spec, and every 2FA fixture, round-trips
//! through the models.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod sms_support;

use infobip::tfa::*;
use serde_json::Value;
use sms_support::{assert_error_round_trip, assert_round_trip, fixtures, spec, spec_examples};

fn check(operation: &str, request: bool, label: &str, value: &Value) -> bool {
    let pin_send = ["POST /2fa/2/pin", "POST /2fa/2/pin/voice", "POST /2fa/2/pin/email"];
    match (operation, request) {
        ("GET /2fa/2/applications", false) => assert_round_trip::<Vec<Application>>(label, value),
        ("POST /2fa/2/applications" | "PUT /2fa/2/applications/{appId}", true) => {
            assert_round_trip::<ApplicationRequest>(label, value)
        }
        ("POST /2fa/2/applications" | "GET /2fa/2/applications/{appId}" | "PUT /2fa/2/applications/{appId}", false) => {
            assert_round_trip::<Application>(label, value)
        }
        ("GET /2fa/2/applications/{appId}/messages", false) => assert_round_trip::<Vec<MessageTemplate>>(label, value),
        ("POST /2fa/2/applications/{appId}/messages" | "PUT /2fa/2/applications/{appId}/messages/{msgId}", true) => {
            assert_round_trip::<TemplateRequest>(label, value)
        }
        (
            "POST /2fa/2/applications/{appId}/email/messages"
            | "PUT /2fa/2/applications/{appId}/email/messages/{msgId}",
            true,
        ) => assert_round_trip::<EmailTemplateRequest>(label, value),
        (op, false) if op.starts_with("POST /2fa/2/applications/") || op.starts_with("PUT /2fa/2/applications/") => {
            assert_round_trip::<MessageTemplate>(label, value)
        }
        ("GET /2fa/2/applications/{appId}/messages/{msgId}", false) => {
            assert_round_trip::<MessageTemplate>(label, value)
        }
        ("POST /2fa/2/pin" | "POST /2fa/2/pin/voice", true) => assert_round_trip::<SendPin>(label, value),
        ("POST /2fa/2/pin/email", true) => assert_round_trip::<SendEmailPin>(label, value),
        ("POST /2fa/2/pin/{pinId}/resend" | "POST /2fa/2/pin/{pinId}/resend/voice", true) => {
            assert_round_trip::<ResendPin>(label, value)
        }
        ("POST /2fa/2/pin/{pinId}/resend/email", true) => assert_round_trip::<ResendEmailPin>(label, value),
        (op, false) if pin_send.contains(&op) || op.starts_with("POST /2fa/2/pin/{pinId}/resend") => {
            assert_round_trip::<PinSent>(label, value)
        }
        ("POST /2fa/2/pin/{pinId}/verify", true) => assert_round_trip::<VerifyPin>(label, value),
        ("POST /2fa/2/pin/{pinId}/verify", false) => assert_round_trip::<PinVerification>(label, value),
        ("GET /2fa/2/applications/{appId}/verifications", false) => assert_round_trip::<Verifications>(label, value),
        _ => return false,
    }
    true
}

#[test]
fn every_tfa_spec_example_round_trips() {
    let spec = spec("infobip-2fa-openapi.json");
    let mut count = 0;
    let mut errors = 0;
    for example in spec_examples(&spec) {
        let label = format!("{} {} {:?}", example.operation, example.part, example.name);
        let request = example.part == "request";
        if !request && !example.part.starts_with('2') {
            let body = example.value.to_string();
            let error = infobip::ApiError::from_response(400, &http::HeaderMap::new(), body.as_bytes());
            assert!(error.error_code.is_some(), "{label}: error body not understood: {body}");
            assert_error_round_trip(&label, &example.value);
            errors += 1;
            continue;
        }
        assert!(check(&example.operation, request, &label, &example.value), "no model for {label}");
        count += 1;
    }
    eprintln!(
        "2FA spec: {} examples round-tripped: {count} request/response bodies through the models, {errors} error bodies through ApiError",
        count + errors
    );
    assert_eq!(count, 39, "the number of examples in the 2FA spec changed");
    assert_eq!(errors, 86, "the number of error examples in the 2FA spec changed");
}

#[test]
fn every_tfa_fixture_round_trips() {
    let mut count = 0;
    for (name, value) in fixtures(&["tfa-"]) {
        let (operation, request) = match name.trim_end_matches(".json") {
            "tfa-create-application-request" => ("POST /2fa/2/applications", true),
            "tfa-create-application-response" => ("POST /2fa/2/applications", false),
            "tfa-create-message-template-request" => ("POST /2fa/2/applications/{appId}/messages", true),
            "tfa-create-message-template-response" => ("POST /2fa/2/applications/{appId}/messages", false),
            "tfa-send-pin-sms-request" => ("POST /2fa/2/pin", true),
            "tfa-send-pin-sms-response" => ("POST /2fa/2/pin", false),
            "tfa-verification-status-response" => ("GET /2fa/2/applications/{appId}/verifications", false),
            "tfa-verify-pin-request" => ("POST /2fa/2/pin/{pinId}/verify", true),
            "tfa-verify-pin-response" => ("POST /2fa/2/pin/{pinId}/verify", false),
            other => panic!("no model for fixture {other}"),
        };
        assert!(check(operation, request, &name, &value), "no model for {name}");
        count += 1;
    }
    eprintln!("2FA fixtures: {count} round-tripped through the models");
    assert_eq!(count, 9);
}

#[test]
fn verification_times_and_pin_errors() {
    let body = r#"{"verifications":[{"msisdn":"41793026727","verified":true,"verifiedAt":1418364366000,"sentAt":1418364246000}]}"#;
    let parsed: Verifications = serde_json::from_str(body).unwrap();
    let first = &parsed.verifications[0];
    assert_eq!(infobip::time::format(&first.verified_time().unwrap()), "2014-12-12T06:06:06.000+0000");
    assert!(first.sent_time().unwrap() < first.verified_time().unwrap());
    let failed: PinVerification =
        serde_json::from_str(r#"{"pinId":"p","verified":false,"attemptsRemaining":2,"pinError":"WRONG_PIN"}"#).unwrap();
    assert!(!failed.is_verified());
    assert_eq!(failed.pin_error, Some(PinError::WrongPin));
    let odd: PinVerification = serde_json::from_str(r#"{"pinError":"PIN_BLOCKED","extra":1}"#).unwrap();
    assert_eq!(odd.pin_error, Some(PinError::Unknown("PIN_BLOCKED".into())));
}
