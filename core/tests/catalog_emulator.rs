//! Every operation of the catalog, called through `Client::call` against the emulator with
//! parameters and a body taken from the spec's examples.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::PathBuf;

use infobip::catalog::{self, Operation};
use infobip::{CallParams, FilePart, http::encode_component};
use infobip_emulator::Emulator;
use serde_json::{Value, json};

/// Every spec file, by product name.
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

fn resolve<'a>(spec: &'a Value, schema: &'a Value) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(r) => spec.pointer(r.trim_start_matches('#')).map(|s| resolve(spec, s)).unwrap_or(schema),
        None => match schema.get("allOf").and_then(Value::as_array).map(Vec::as_slice) {
            Some([only]) => resolve(spec, only),
            _ => schema,
        },
    }
}

/// A value for a parameter: its example, its schema's example or first enum value, or a plain
/// value of its type.
fn param_value(spec: &Value, param: &Value) -> Value {
    let schema = resolve(spec, param.get("schema").unwrap_or(&Value::Null));
    let item = if schema["type"] == "array" { resolve(spec, &schema["items"]) } else { schema };
    let scalar = |v: &Value| !v.is_object() && !v.is_array() && !v.is_null();
    let value = [param.get("example"), item.get("example"), item.get("enum").and_then(|e| e.get(0))]
        .into_iter()
        .flatten()
        .find(|v| scalar(v))
        .cloned()
        .unwrap_or_else(|| match item["type"].as_str() {
            Some("integer" | "number") => json!(1),
            Some("boolean") => json!(true),
            _ => json!("id-1"),
        });
    if schema["type"] == "array" { json!([value]) } else { value }
}

/// The request examples of an operation, in the spec's order.
fn body_examples(spec: &Value, op: &Value) -> Vec<Value> {
    let Some(media) = op.pointer("/requestBody/content/application~1json") else { return Vec::new() };
    let mut out: Vec<Value> = media.get("example").cloned().into_iter().collect();
    for example in media.get("examples").and_then(Value::as_object).into_iter().flat_map(|m| m.values()) {
        let example = resolve(spec, example);
        if let Some(value) = example.get("value") {
            out.push(match value.as_str().map(serde_json::from_str::<Value>) {
                Some(Ok(parsed)) => parsed,
                _ => value.clone(),
            });
        }
    }
    out
}

/// A small value that fits `schema`: required properties only, one item where items are needed,
/// the first enum value, the minimum length or value. For operations with no request example.
fn synthesize(spec: &Value, schema: &Value, depth: usize) -> Value {
    let schema = resolve(spec, schema);
    if depth > 12 {
        return Value::Null;
    }
    if let Some(first) = ["oneOf", "anyOf"].iter().find_map(|k| schema.get(*k).and_then(|a| a.get(0))) {
        return synthesize(spec, first, depth + 1);
    }
    if let Some(value) = schema.get("enum").and_then(|e| e.get(0)).or(schema.get("example")) {
        return value.clone();
    }
    let mut object = serde_json::Map::new();
    let mut parts = vec![schema];
    parts.extend(schema.get("allOf").and_then(Value::as_array).into_iter().flatten().map(|p| resolve(spec, p)));
    for part in &parts {
        for name in part.get("required").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str) {
            let property = parts.iter().find_map(|p| p.pointer(&format!("/properties/{name}")));
            object.insert(name.to_owned(), property.map_or(json!("x"), |p| synthesize(spec, p, depth + 1)));
        }
    }
    let kind = schema["type"].as_str().or_else(|| schema["type"].get(0).and_then(Value::as_str));
    match kind {
        Some("array") => {
            let count = schema["minItems"].as_u64().unwrap_or(1).max(1) as usize;
            Value::Array(vec![synthesize(spec, &schema["items"], depth + 1); count])
        }
        Some("string") if schema["format"] == "date-time" => json!("2030-01-01T12:00:00.000+0000"),
        Some("string") => json!("x".repeat(schema["minLength"].as_u64().unwrap_or(1).max(1) as usize)),
        Some("integer" | "number") => schema.get("minimum").cloned().unwrap_or(json!(1)),
        Some("boolean") => json!(true),
        _ => Value::Object(object),
    }
}

/// The call's parameters (required ones only) and the first example body that validates (`true`
/// when no example did and the body was synthesized).
fn params_for(spec: &Value, raw: &Value, op: &Operation) -> Result<(CallParams, bool), &'static str> {
    let mut params = CallParams::new();
    for param in raw.get("parameters").and_then(Value::as_array).into_iter().flatten() {
        let name = param["name"].as_str().unwrap();
        let required = param.get("required") == Some(&Value::Bool(true));
        match param["in"].as_str() {
            Some("path") => params = params.path(name, param_value(spec, param)),
            Some("query") if required => params = params.query(name, param_value(spec, param)),
            Some("header") if required => params = params.header(name, param_value(spec, param)),
            _ => {}
        }
    }
    let Some(body) = &op.body else { return Ok((params, false)) };
    let content_json = body.content_types.iter().any(|t| t.contains("json") || t.contains("x-www-form"));
    if !content_json {
        return Ok((upload(spec, raw, op, params), true));
    }
    let examples = body_examples(spec, raw);
    let schema = raw.pointer("/requestBody/content/application~1json/schema").unwrap_or(&Value::Null);
    let synthesized = (examples.is_empty() && body.required).then(|| synthesize(spec, schema, 0));
    match examples.iter().chain(&synthesized).find(|b| op.validate_body(b).is_ok()) {
        Some(example) => Ok((params.body(example.clone()), examples.is_empty())),
        None if !body.required => Ok((params, false)),
        None if examples.is_empty() => Err("no request example, and the synthesized body does not fit"),
        None => Err("every request example contradicts its own schema"),
    }
}

/// An upload's parameters: a small PNG for each file field (or as the whole body), and the
/// form's other required fields synthesized from its schema.
fn upload(spec: &Value, raw: &Value, op: &Operation, params: CallParams) -> CallParams {
    let png = || FilePart::bytes(b"\x89PNG\r\n\x1a\n".to_vec()).with_file_name("image.png");
    let body = op.body.as_ref().unwrap();
    let Some(schema) = raw.pointer("/requestBody/content/multipart~1form-data/schema") else {
        return params.file(infobip::files::BODY_FIELD, png());
    };
    let mut fields = synthesize(spec, schema, 0);
    let mut params = params;
    for file in &body.files {
        fields.as_object_mut().unwrap().remove(&file.name);
        params = params.file(&file.name, png());
    }
    params.body(fields)
}

fn text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Operations whose state the emulator keeps (ids, sessions, tokens): made-up ids earn a 4xx.
fn stateful(op: &Operation) -> bool {
    ["/2fa/", "/sms/1/bulks", "/auth/"].iter().any(|p| op.path.starts_with(p))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_operation_is_called_through_the_catalog() {
    let specs = specs();
    let emulator = Emulator::start().await.unwrap();
    let client = infobip::Client::builder().base_url(emulator.base_url()).api_key(emulator.api_key()).build().unwrap();
    let (mut answered, mut stateful_4xx) = (0, 0);
    let mut not_sent: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut problems = Vec::new();
    for op in catalog::operations() {
        let spec = &specs[&op.product];
        let raw = &spec["paths"][&op.path][op.method.to_lowercase()];
        let (params, synthesized) = match params_for(spec, raw, op) {
            Ok(found) => found,
            Err(why) => {
                not_sent.entry(why).or_default().push(op.id.clone());
                continue;
            }
        };
        emulator.clear_requests();
        let outcome = client.call(&op.id, params.clone()).await;
        let status = match &outcome {
            Ok(response) => response.status,
            Err(e) => e.api().map(|api| api.status).unwrap_or(0),
        };
        match &outcome {
            Ok(_) => answered += 1,
            Err(_) if stateful(op) && matches!(status, 400 | 401 | 403 | 404) => stateful_4xx += 1,
            // The emulator enforces `pattern`, which this synthesizer does not know ("x" for a
            // phone number): a synthesized body may rightly be refused.
            Err(_) if synthesized && status == 400 => {
                not_sent.entry("a synthesized body the emulator refuses").or_default().push(op.id.clone());
                continue;
            }
            Err(e) => {
                problems.push(format!("{} ({}): {e}", op.id, op.key()));
                continue;
            }
        }
        // What the emulator saw: the method, the filled path and the query.
        let seen = emulator.requests();
        let Some(last) = seen.last() else {
            problems.push(format!("{}: the emulator saw nothing", op.id));
            continue;
        };
        let mut path = op.path.clone();
        for (name, value) in &params.path {
            path = path.replace(&format!("{{{name}}}"), &encode_component(&text(value)));
        }
        let mut expected_query = Vec::new();
        for (name, value) in &params.query {
            let values = value.as_array().cloned().unwrap_or_else(|| vec![value.clone()]);
            expected_query.extend(values.iter().map(|v| format!("{name}={}", encode_component(&text(v)))));
        }
        let seen_query: Vec<&str> = last.query.split('&').filter(|p| !p.is_empty()).collect();
        if last.method != op.method
            || last.path != path
            || expected_query.iter().any(|q| !seen_query.contains(&q.as_str()))
        {
            problems.push(format!(
                "{}: sent {} {}?{}, expected {} {path}?{}",
                op.id,
                last.method,
                last.path,
                last.query,
                op.method,
                expected_query.join("&")
            ));
        }
    }
    let skipped: usize = not_sent.values().map(Vec::len).sum();
    println!(
        "{} operations: {answered} answered 2xx, {stateful_4xx} stateful ones answered 4xx for made-up ids, {skipped} not sent",
        catalog::operations().len()
    );
    for (why, ids) in &not_sent {
        println!("  not sent ({why}): {}", ids.join(", "));
    }
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
    assert_eq!(answered + stateful_4xx + skipped, catalog::operations().len());
    assert!(answered + stateful_4xx >= 900, "too many operations not sent: {not_sent:?}");
}
