//! `tests/vectors/errors.json`: every error response maps to the same code and fields.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use serde_json::Value;
use wiremock::matchers::any;
use wiremock::{Mock, ResponseTemplate};

fn vectors() -> Vec<Value> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors/errors.json");
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    doc["cases"].as_array().unwrap().clone()
}

fn check_opt(name: &str, field: &str, expected: &Value, actual: Option<&str>) {
    if let Some(want) = expected.get(field) {
        assert_eq!(want.as_str(), actual, "{name}: {field}");
    }
}

#[tokio::test]
async fn every_vector_maps_as_expected() {
    let cases = vectors();
    assert!(cases.len() >= 20, "at least 20 cases");
    let server = common::server().await;
    let client = common::builder(&server).max_retries(0).build().unwrap();
    for case in cases.iter().filter(|c| c.get("at").is_none()) {
        let name = case["name"].as_str().unwrap();
        server.reset().await;
        let mut response = ResponseTemplate::new(case["status"].as_u64().unwrap() as u16)
            .set_body_raw(case["body"].as_str().unwrap().as_bytes().to_vec(), "application/json");
        for (header, value) in case["headers"].as_object().unwrap() {
            response = response.insert_header(header.as_str(), value.as_str().unwrap());
        }
        Mock::given(any()).respond_with(response).mount(&server).await;
        let err = client.request(infobip::Method::GET, "/vector").send().await.expect_err(name);
        let expected = &case["expected"];
        assert_eq!(err.code(), expected["code"].as_str().unwrap(), "{name}: code");
        let api = err.api().unwrap_or_else(|| panic!("{name}: not an API error: {err}"));
        assert_eq!(api.status as u64, case["status"].as_u64().unwrap(), "{name}");
        check_opt(name, "error_code", expected, api.error_code.as_deref());
        check_opt(name, "text", expected, api.text.as_deref());
        check_opt(name, "action", expected, api.action.as_deref());
        check_opt(name, "request_id", expected, api.request_id.as_deref());
        if let Some(violations) = expected.get("violations") {
            let actual: Vec<(String, String)> =
                api.violations.iter().map(|v| (v.property.clone(), v.message.clone())).collect();
            let want: Vec<(String, String)> = violations
                .as_array()
                .unwrap()
                .iter()
                .map(|v| (v["property"].as_str().unwrap().to_owned(), v["message"].as_str().unwrap().to_owned()))
                .collect();
            assert_eq!(actual, want, "{name}: violations");
        }
        if let Some(resources) = expected.get("resources") {
            let actual: Vec<(String, String)> = api.resources.iter().map(|r| (r.name.clone(), r.url.clone())).collect();
            let want: Vec<(String, String)> = resources
                .as_array()
                .unwrap()
                .iter()
                .map(|r| (r["name"].as_str().unwrap().to_owned(), r["url"].as_str().unwrap().to_owned()))
                .collect();
            assert_eq!(actual, want, "{name}: resources");
        }
        if let Some(ms) = expected.get("retry_after_ms") {
            assert_eq!(ms.as_u64(), api.retry_after.map(|d| d.as_millis() as u64), "{name}: retry_after");
        }
        if let Some(json) = expected.get("body_is_json") {
            assert_eq!(json.as_bool().unwrap(), api.body_is_json, "{name}: body_is_json");
        }
        if let Some(fragment) = expected.get("message_contains") {
            let text = err.to_string();
            assert!(text.contains(fragment.as_str().unwrap()), "{name}: {text}");
        }
        // The raw body is kept, and the message names the status and operation.
        assert_eq!(api.body, case["body"].as_str().unwrap(), "{name}: body");
        let text = err.to_string();
        assert!(text.contains(&case["status"].to_string()) && text.contains("GET /vector"), "{name}: {text}");
        assert_eq!(err.attempts(), Some(1), "{name}");
    }
}

/// The cases answered by the OAuth2 token endpoint: the call is not sent, the error is
/// `auth_failed` with the failure's code and the endpoint's status.
#[tokio::test]
async fn token_endpoint_vectors_are_auth_failed() {
    let cases: Vec<Value> = vectors().into_iter().filter(|c| c.get("at").is_some()).collect();
    assert!(cases.len() >= 2);
    let server = common::server().await;
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        assert_eq!(case["at"], "oauth2_token", "{name}");
        server.reset().await;
        let mut response = ResponseTemplate::new(case["status"].as_u64().unwrap() as u16)
            .set_body_raw(case["body"].as_str().unwrap().as_bytes().to_vec(), "application/json");
        for (header, value) in case["headers"].as_object().unwrap() {
            response = response.insert_header(header.as_str(), value.as_str().unwrap());
        }
        Mock::given(wiremock::matchers::path("/auth/1/oauth2/token")).respond_with(response).mount(&server).await;
        let client = infobip::Client::builder()
            .base_url(server.uri())
            .oauth2("id", "secret")
            .max_retries(0)
            .timeout(None)
            .build()
            .unwrap();
        let err = client.request(infobip::Method::GET, "/vector").send().await.expect_err(name);
        let expected = &case["expected"];
        assert_eq!(err.code(), expected["code"].as_str().unwrap(), "{name}");
        let infobip::Error::AuthFailed(failure) = &err else { panic!("{name}: {err:?}") };
        assert_eq!(failure.cause, expected["cause"].as_str().unwrap(), "{name}");
        assert_eq!(failure.status.map(u64::from), expected["auth_status"].as_u64(), "{name}");
        if let Some(fragment) = expected.get("message_contains") {
            assert!(err.to_string().contains(fragment.as_str().unwrap()), "{name}: {err}");
        }
        let paths: Vec<String> =
            server.received_requests().await.unwrap().iter().map(|r| r.url.path().into()).collect();
        assert_eq!(paths, ["/auth/1/oauth2/token"], "{name}: the call itself was not sent");
    }
}

#[tokio::test]
async fn non_json_error_names_status_and_base_url() {
    let server = common::server().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(404).set_body_raw("<html><body>Not Found</body></html>", "text/html"))
        .mount(&server)
        .await;
    let client = common::builder(&server).build().unwrap();
    let err =
        client.request(infobip::Method::POST, "/sms/3/messages").json(&serde_json::json!({})).send().await.unwrap_err();
    let text = err.to_string();
    assert!(text.contains("404"), "{text}");
    assert!(text.contains("not JSON"), "{text}");
    assert!(text.contains(&server.uri()), "{text}");
}

/// Every Infobip error fixture (`fuzz/seeds/error_body/error-*.json`, the error-body parser's
/// fuzz seeds; sources in `tests/fixtures/SOURCES.md`) is a case of `errors.json`, body for body.
#[test]
fn every_error_fixture_is_a_vector() {
    let cases = vectors();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../fuzz/seeds/error_body");
    let mut fixtures = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let stem = path.file_stem().unwrap().to_str().unwrap().to_owned();
        if !stem.starts_with("error-") {
            continue;
        }
        fixtures += 1;
        let fixture: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let prefix = format!("fixture {stem}");
        let case = cases
            .iter()
            .find(|c| {
                let name = c["name"].as_str().unwrap();
                name == prefix || name.starts_with(&format!("{prefix} "))
            })
            .unwrap_or_else(|| panic!("no case for the fixture {stem}"));
        let body: Value = serde_json::from_str(case["body"].as_str().unwrap()).unwrap();
        assert_eq!(body, fixture, "the case for {stem} has another body");
    }
    assert_eq!(fixtures, 12, "the error fixtures (5 current shape, 7 legacy)");
}
