//! Helpers of the SMS and 2FA model tests: example walking, round trips, semantic comparison.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// The repository's `spec/` directory.
pub fn spec(name: &str) -> Value {
    let path = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../spec")).join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap()
}

/// The repository's `tests/fixtures` (real bodies; `tests/fixtures/SOURCES.md` names their sources).
pub fn fixtures_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures"))
}

/// Every fixture whose file name starts with one of `prefixes`, as (file name, JSON).
pub fn fixtures(prefixes: &[&str]) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(fixtures_dir()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".json") && prefixes.iter().any(|p| name.starts_with(p)) {
            let value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            out.push((name, value));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// One example found in a spec.
#[derive(Debug)]
pub struct Example {
    /// `METHOD /path` or `WEBHOOK name`.
    pub operation: String,
    /// `request`, or the response status (`200`, `400`, `4XX` …).
    pub part: String,
    /// The example's name.
    pub name: String,
    /// The example's value.
    pub value: Value,
}

fn resolve<'a>(spec: &'a Value, value: &'a Value) -> &'a Value {
    match value.get("$ref").and_then(Value::as_str) {
        Some(reference) => spec.pointer(reference.trim_start_matches('#')).unwrap_or(value),
        None => value,
    }
}

fn examples_of(spec: &Value, content: &Value, operation: &str, part: &str, out: &mut Vec<Example>) {
    let Some(json) = content.get("content").and_then(|c| c.get("application/json")) else { return };
    if let Some(Value::Object(named)) = json.get("examples") {
        for (name, example) in named {
            let example = resolve(spec, example);
            if let Some(value) = example.get("value") {
                out.push(Example {
                    operation: operation.into(),
                    part: part.into(),
                    name: name.clone(),
                    value: value.clone(),
                });
            }
        }
    }
    if let Some(value) = json.get("example") {
        out.push(Example {
            operation: operation.into(),
            part: part.into(),
            name: "example".into(),
            value: value.clone(),
        });
    }
}

/// Every JSON example of every operation's request body and responses (responses given as
/// `$ref` are resolved), and of every webhook's request body.
pub fn spec_examples(spec: &Value) -> Vec<Example> {
    let mut out = Vec::new();
    let mut visit = |label: String, operation: &Value| {
        if let Some(body) = operation.get("requestBody") {
            examples_of(spec, resolve(spec, body), &label, "request", &mut out);
        }
        if let Some(Value::Object(responses)) = operation.get("responses") {
            for (status, response) in responses {
                examples_of(spec, resolve(spec, response), &label, status, &mut out);
            }
        }
    };
    for (path, item) in spec["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            if ["get", "post", "put", "delete", "patch"].contains(&method.as_str()) {
                visit(format!("{} {path}", method.to_uppercase()), operation);
            }
        }
    }
    if let Some(Value::Object(hooks)) = spec.get("webhooks") {
        for (name, item) in hooks {
            for operation in item.as_object().unwrap().values() {
                visit(format!("WEBHOOK {name}"), operation);
            }
        }
    }
    out
}

/// Parses `value` into `T` and writes it back.
pub fn round<T: DeserializeOwned + Serialize>(value: &Value) -> Value {
    let model: T = serde_json::from_value(value.clone())
        .unwrap_or_else(|e| panic!("does not parse as {}: {e}\n{value:#}", std::any::type_name::<T>()));
    serde_json::to_value(&model).unwrap()
}

/// Compares two JSON values by meaning: numbers by value (`0` = `0.0`), date-times by instant
/// (the SDK writes every date-time in UTC with a `+0000` offset), and `groupName` without regard
/// to ASCII case (the v1 APIs write `"Ok"`, the SDK writes the documented `"OK"`). Everything
/// else must be equal, and no key may be added or lost.
pub fn same(expected: &Value, actual: &Value, at: &str) -> Result<(), String> {
    match (expected, actual) {
        (Value::Object(a), Value::Object(b)) => {
            let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
            keys.sort();
            keys.dedup();
            for key in keys {
                let path = format!("{at}.{key}");
                match (a.get(key), b.get(key)) {
                    (Some(x), Some(y)) if key == "groupName" && x.is_string() && y.is_string() => {
                        if !x.as_str().unwrap().eq_ignore_ascii_case(y.as_str().unwrap()) {
                            return Err(format!("{path}: {x} != {y}"));
                        }
                    }
                    (Some(x), Some(y)) => same(x, y, &path)?,
                    (Some(x), None) => return Err(format!("{path}: {x} was lost")),
                    (None, Some(y)) => return Err(format!("{path}: {y} was added")),
                    (None, None) => {}
                }
            }
            Ok(())
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
            a.iter().zip(b).enumerate().try_for_each(|(i, (x, y))| same(x, y, &format!("{at}[{i}]")))
        }
        (Value::Number(a), Value::Number(b)) if a.as_f64() == b.as_f64() => Ok(()),
        (Value::String(a), Value::String(b)) if a == b => Ok(()),
        (Value::String(a), Value::String(b)) if looks_like_time(a) => {
            match (infobip::time::parse(a), infobip::time::parse(b)) {
                (Ok(x), Ok(y)) if x == y => Ok(()),
                _ => Err(format!("{at}: {a:?} != {b:?}")),
            }
        }
        _ if expected == actual => Ok(()),
        _ => Err(format!("{at}: {expected} != {actual}")),
    }
}

fn looks_like_time(text: &str) -> bool {
    text.len() >= 16 && text.as_bytes()[4] == b'-' && text.as_bytes()[10] == b'T'
}

/// Round-trips `value` through `T` and checks the result means the same.
pub fn assert_round_trip<T: DeserializeOwned + Serialize>(label: &str, value: &Value) {
    let back = round::<T>(value);
    if let Err(difference) = same(value, &back, "$") {
        panic!(
            "{label} does not round-trip through {}: {difference}\nin:  {value}\nout: {back}",
            std::any::type_name::<T>()
        );
    }
}

/// Reads an error body with `ApiError`, writes back what it understood in the body's own shape
/// (the current `errorCode`/`description`/… or the legacy `requestError.serviceException`), and
/// checks that it means the same: error bodies round-trip through the SDK's error type.
pub fn assert_error_round_trip(label: &str, value: &Value) {
    let error = infobip::ApiError::from_response(400, &http::HeaderMap::new(), value.to_string().as_bytes());
    let mut out = serde_json::Map::new();
    let mut put = |key: &str, text: &Option<String>| {
        if let Some(text) = text {
            out.insert(key.to_owned(), Value::String(text.clone()));
        }
    };
    let back = if value.get("requestError").is_some() {
        put("messageId", &error.error_code);
        put("text", &error.text);
        if !error.violations.is_empty() {
            let mut fields = serde_json::Map::new();
            for v in &error.violations {
                let list = fields.entry(v.property.clone()).or_insert_with(|| Value::Array(Vec::new()));
                list.as_array_mut().unwrap().push(Value::String(v.message.clone()));
            }
            out.insert("validationErrors".into(), Value::Object(fields));
        }
        serde_json::json!({"requestError": {"serviceException": out}})
    } else {
        put("errorCode", &error.error_code);
        put("description", &error.text);
        put("action", &error.action);
        let violations =
            error.violations.iter().map(|v| serde_json::json!({"property": v.property, "violation": v.message}));
        out.insert("violations".into(), Value::Array(violations.collect()));
        let resources = error.resources.iter().map(|r| serde_json::json!({"name": r.name, "url": r.url}));
        out.insert("resources".into(), Value::Array(resources.collect()));
        Value::Object(out)
    };
    if let Err(difference) = same(value, &back, "$") {
        panic!("{label} does not round-trip through ApiError: {difference}\nin:  {value}\nout: {back}");
    }
}

/// Follows `$ref`s to the schema they name.
fn schema<'a>(spec: &'a Value, mut value: &'a Value) -> &'a Value {
    for _ in 0..16 {
        match value.get("$ref").and_then(Value::as_str) {
            Some(reference) => value = spec.pointer(reference.trim_start_matches('#')).unwrap(),
            None => break,
        }
    }
    value
}

fn schema_paths(spec: &Value, value: &Value, at: &str, depth: usize, out: &mut std::collections::BTreeSet<String>) {
    assert!(depth < 16, "schema too deep at {at}");
    let value = schema(spec, value);
    for combinator in ["allOf", "oneOf", "anyOf"] {
        for part in value.get(combinator).and_then(Value::as_array).into_iter().flatten() {
            schema_paths(spec, part, at, depth + 1, out);
        }
    }
    if let Some(items) = value.get("items") {
        schema_paths(spec, items, &format!("{at}[]"), depth + 1, out);
    }
    for (name, property) in value.get("properties").and_then(Value::as_object).into_iter().flatten() {
        let path = if at.is_empty() { name.clone() } else { format!("{at}.{name}") };
        out.insert(path.clone());
        schema_paths(spec, property, &path, depth + 1, out);
    }
}

/// Every property path of an operation's JSON request body (`messages[].destinations[].to`),
/// following `$ref`, `allOf`/`oneOf`/`anyOf` and array items.
pub fn request_paths(spec: &Value, method: &str, path: &str) -> std::collections::BTreeSet<String> {
    let pointer = format!("/paths/{}/{method}/requestBody/content/application~1json/schema", path.replace('/', "~1"));
    let body = spec.pointer(&pointer).unwrap_or_else(|| panic!("no JSON request body for {method} {path}"));
    let mut out = std::collections::BTreeSet::new();
    schema_paths(spec, body, "", 0, &mut out);
    out
}

/// Every key path of a JSON value, in the notation of [`request_paths`].
pub fn value_paths(value: &Value) -> std::collections::BTreeSet<String> {
    fn walk(value: &Value, at: &str, out: &mut std::collections::BTreeSet<String>) {
        match value {
            Value::Object(map) => {
                for (key, inner) in map {
                    let path = if at.is_empty() { key.clone() } else { format!("{at}.{key}") };
                    out.insert(path.clone());
                    walk(inner, &path, out);
                }
            }
            Value::Array(items) => items.iter().for_each(|item| walk(item, &format!("{at}[]"), out)),
            _ => {}
        }
    }
    let mut out = std::collections::BTreeSet::new();
    walk(value, "", &mut out);
    out
}

/// Checks the headers of a request the SDK sent, all of them: exactly these names, with the
/// SDK's `User-Agent`, the test client's `Authorization`, `Accept: application/json`, and
/// `Content-Type: application/json` only when there is a body.
pub fn assert_headers(request: &wiremock::Request, has_body: bool) {
    let mut names: Vec<&str> = request.headers.keys().map(|name| name.as_str()).collect();
    names.sort_unstable();
    let mut expected = vec!["accept", "accept-encoding", "authorization", "host", "user-agent"];
    if has_body {
        expected.extend(["content-length", "content-type"]);
        expected.sort_unstable();
    }
    assert_eq!(names, expected, "the headers sent");
    let header = |name: &str| request.headers[name].to_str().unwrap();
    assert_eq!(header("authorization"), "App test-api-key-123");
    assert_eq!(header("accept"), "application/json");
    assert_eq!(header("accept-encoding"), "gzip");
    let agent = header("user-agent");
    let prefix = format!("infobip-sdk/{} (rust/", env!("CARGO_PKG_VERSION"));
    assert!(agent.starts_with(&prefix) && agent.ends_with(&format!("; {})", std::env::consts::OS)), "{agent}");
    if has_body {
        assert_eq!(header("content-type"), "application/json");
        assert_eq!(header("content-length"), request.body.len().to_string());
    } else {
        assert!(request.body.is_empty());
    }
}
