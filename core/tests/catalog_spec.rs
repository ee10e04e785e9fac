//! The catalog against the specs it is built from: every operation present and right, every
//! request example accepted by the validator.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::PathBuf;

use infobip::catalog;
use serde_json::Value;

const METHODS: [&str; 7] = ["get", "put", "post", "delete", "patch", "head", "options"];

/// Every spec file, by product name, parsed.
fn specs() -> BTreeMap<String, Value> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../spec");
    let mut specs = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let stem = path.file_stem().unwrap().to_str().unwrap();
            let product = stem.trim_start_matches("infobip-").trim_end_matches("-openapi").to_owned();
            specs.insert(product, serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap());
        }
    }
    specs
}

/// (product, method, path, operation) of every operation in the specs.
fn spec_operations(specs: &BTreeMap<String, Value>) -> Vec<(String, String, String, Value)> {
    let mut out = Vec::new();
    for (product, spec) in specs {
        for (path, item) in spec["paths"].as_object().unwrap() {
            for method in METHODS {
                if let Some(op) = item.get(method) {
                    out.push((product.clone(), method.to_uppercase(), path.clone(), op.clone()));
                }
            }
        }
    }
    out
}

#[test]
fn every_operation_of_every_spec_is_in_the_catalog() {
    let specs = specs();
    assert_eq!(specs.len(), 46, "46 product specs");
    let expected = spec_operations(&specs);
    assert_eq!(expected.len(), 943);
    assert_eq!(catalog::operations().len(), expected.len());
    for (product, method, path, op) in &expected {
        let id = op["operationId"].as_str().unwrap();
        let found = catalog::operation(id).unwrap_or_else(|| panic!("{id} is missing"));
        assert_eq!((&found.product, &found.method, &found.path), (product, method, path), "{id}");
        assert_eq!(found.summary, op["summary"].as_str().unwrap_or(""), "{id}");
        let scopes: Vec<String> =
            serde_json::from_value(op.get("x-scopes").cloned().unwrap_or(Value::Array(vec![]))).unwrap();
        assert_eq!(catalog::required_scopes(id).unwrap(), scopes.as_slice(), "{id}");
        assert_eq!(found.deprecated, op.get("deprecated") == Some(&Value::Bool(true)), "{id}");
        let successor = op.pointer("/x-deprecationInformation/successorOperationId").and_then(Value::as_str);
        assert_eq!(found.deprecation.as_ref().and_then(|d| d.successor.as_deref()), successor, "{id}");
        assert_eq!(found.throttling.is_some(), op.get("x-throttling-info").is_some(), "{id}");
        if found.throttling.is_some() {
            assert!(found.rate_limit().is_some(), "{id}: {:?}", found.throttling);
        }
        let params = op.get("parameters").and_then(Value::as_array).map_or(0, Vec::len);
        assert_eq!(found.params.len(), params, "{id}");
        assert_eq!(found.body.is_some(), op.get("requestBody").is_some(), "{id}");
        assert_eq!(catalog::operation_for(&found.key()).map(|o| &o.id), Some(&found.id));
    }
}

#[test]
fn operation_ids_are_unique_across_the_specs() {
    let specs = specs();
    let mut seen = BTreeMap::new();
    for (product, _, _, op) in spec_operations(&specs) {
        let id = op["operationId"].as_str().unwrap().to_owned();
        if let Some(other) = seen.insert(id.clone(), product.clone()) {
            panic!("{id} is in both {other} and {product}");
        }
    }
}

#[test]
fn a_concrete_path_finds_its_template() {
    let op = catalog::operation_for("GET /2fa/2/applications/abc%20d").unwrap();
    assert_eq!(op.path, "/2fa/2/applications/{appId}");
    let op = catalog::operation_for("GET /2fa/2/applications").unwrap();
    assert_eq!(op.id, "get-2fa-applications");
    assert!(catalog::operation_for("GET /no/such/path").is_none());
}

/// The request examples of an operation: `example` and `examples` of its JSON content.
fn request_examples(spec: &Value, op: &Value) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    let Some(content) = op.pointer("/requestBody/content").and_then(Value::as_object) else { return out };
    let Some(media) = content.get("application/json") else { return out };
    if let Some(example) = media.get("example") {
        out.push(("example".to_owned(), example.clone()));
    }
    if let Some(examples) = media.get("examples").and_then(Value::as_object) {
        for (name, example) in examples {
            let example = match example.get("$ref").and_then(Value::as_str) {
                Some(r) => spec.pointer(r.trim_start_matches('#')).cloned().unwrap_or(Value::Null),
                None => example.clone(),
            };
            if let Some(value) = example.get("value") {
                // A few examples hold their JSON as a string.
                let value = match value.as_str().map(serde_json::from_str::<Value>) {
                    Some(Ok(parsed)) => parsed,
                    _ => value.clone(),
                };
                out.push((name.clone(), value));
            }
        }
    }
    out
}

/// Operations some of whose request examples contradict their own schema (spec version
/// 3.210.0), by what is wrong, each read by hand. The catalog loosens the schemas until the
/// examples validate (`core/build_script/relax.rs`): the examples win, so the SDK never refuses
/// what the documentation itself sends.
const SPEC_INCONSISTENCIES: &[(&str, &str)] = &[
    // Texts longer, or lists longer or shorter, than the schema's own limits.
    ("send-kakao-chingu-message", "header and button names exceed maxLength"),
    ("create-brand-message-template", "header and button names exceed maxLength"),
    ("update-brand-message-template", "header, coupon and button texts exceed maxLength"),
    ("send-rcs-messages", "suggestion texts exceed maxLength 25"),
    ("send-rcs-message", "a carousel of 1 card against minItems 2"),
    ("send-rcs-bulk-message", "a carousel of 1 card against minItems 2"),
    ("rcs-template-create", "5 suggestions against maxItems 4; texts exceed maxLength 25"),
    ("rcs-template-create-v2", "5 suggestions against maxItems 4; texts and name exceed maxLength"),
    ("rcs-template-update", "5 suggestions against maxItems 4; texts exceed maxLength 25"),
    ("create-whatsapp-template", "a 13-character signatureHash against maxLength 11"),
    // Values the schema's enum does not list.
    ("create-api-key", "permissions value missing from the enum"),
    ("update-api-key", "permissions value missing from the enum"),
    ("query-billing-usage", "a category missing from the enum"),
    ("create-message", "FACEBOOK_POST and INSTAGRAM_POST channels missing from the enum"),
    ("create-brand", "a stock exchange and a TFN brand type missing from the enums; businessContactEmail required"),
    ("update-brand", "a stock exchange and a TFN brand type missing from the enums; businessContactEmail required"),
    ("create-profile", "an SSL protocol missing from the enum"),
    ("update-profile", "an SSL protocol missing from the enum"),
    // `required` naming properties the examples (rightly) leave out.
    ("send-omni-failover-message", "required lists the fields of every WhatsApp, LINE and Kakao message type"),
    ("create-conversation-form-field", "isEnabled required"),
    ("update-conversation-form-field", "isEnabled and type required"),
    ("patch-conversation-form-trigger", "a PATCH body with required fields"),
    ("update-company", "name required"),
    ("update-companies", "name required"),
    ("create-toll-free-campaign", "numberKeys required"),
    ("send-apple-mfb-message", "nextPageIdentifier required on the last page"),
    ("create-call", "sipTrunkId required for a SIP endpoint the example omits"),
    ("create-call-route", "securityConfig password required"),
    ("update-call-route", "securityConfig password required"),
    // Types that differ between the example and the schema.
    ("create-a-voice-ivr-scenario", "options.body is an object, the schema says string"),
    ("update-voice-ivr-scenario", "options.body is an object, the schema says string"),
    ("edit-zalo-template", "templateId is a number, the schema says string; required fields missing"),
    ("send-test-message", "a contact name is an object, the schema says string"),
];

#[test]
fn every_request_example_in_the_specs_is_valid() {
    let specs = specs();
    let (mut checked, mut not_json) = (0, 0);
    let mut failures = Vec::new();
    let mut loosened = std::collections::BTreeSet::new();
    for (product, _, _, op) in spec_operations(&specs) {
        let id = op["operationId"].as_str().unwrap();
        let operation = catalog::operation(id).unwrap();
        for (name, example) in request_examples(&specs[&product], &op) {
            if example.is_string() && serde_json::from_str::<Value>(example.as_str().unwrap()).is_err() {
                // start-campaign-builder: one example is a string of broken JSON (a missing comma).
                not_json += 1;
                continue;
            }
            checked += 1;
            match operation.validate_body(&example) {
                Ok(()) if SPEC_INCONSISTENCIES.iter().any(|(listed, _)| *listed == id) => {
                    loosened.insert(id.to_owned());
                }
                Ok(()) => {}
                Err(e) => failures.push(format!("{id} / {name}: {e}")),
            }
        }
    }
    println!(
        "request examples: {checked} checked and valid ({} in operations the spec contradicts), {not_json} not JSON",
        loosened.len()
    );
    assert!(checked > 1000, "{checked}");
    assert_eq!(not_json, 1);
    assert!(failures.is_empty(), "{} of {checked} failed:\n{}", failures.len(), failures.join("\n"));
    for (id, why) in SPEC_INCONSISTENCIES {
        assert!(loosened.contains(*id), "{id} ({why}) has no example any more");
    }
}
