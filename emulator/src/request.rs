//! Checks a request against its operation in the spec: path, query and header parameters, and
//! the body in whichever documented media type it comes (`application/json`,
//! `application/x-www-form-urlencoded`, `multipart/form-data`, `application/octet-stream`).

use crate::multipart;
use crate::schema::{self, Violation};
use crate::spec::{self, OpInfo};
use bytes::Bytes;
use http::HeaderMap;
use serde_json::{Map, Value, json};
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, LazyLock, Mutex, OnceLock};

/// Per operation, the schema rules its own documented request examples break.
static TOLERATED: LazyLock<Mutex<HashMap<usize, Arc<HashSet<schema::Rule>>>>> = LazyLock::new(Default::default);

/// Per spec document, the rules its schemas' own `example` values break.
static SCHEMA_EXAMPLES: LazyLock<Vec<OnceLock<HashSet<schema::Rule>>>> =
    LazyLock::new(|| spec::SPEC_FILES.iter().map(|_| OnceLock::new()).collect());

/// An example as a request would carry it: a JSON document written as a string is parsed.
pub(crate) fn example_value(example: &Value) -> Value {
    match example.as_str().map(serde_json::from_str::<Value>) {
        Some(Ok(parsed)) if parsed.is_object() || parsed.is_array() => parsed,
        _ => example.clone(),
    }
}

/// The request examples of `op` (JSON media types, `example` and every `examples` value).
pub(crate) fn request_examples(op: &'static OpInfo) -> Vec<(&'static Value, Value)> {
    let doc = spec::document(op.spec);
    let mut out = Vec::new();
    let media = spec::operation_object(op)
        .get("requestBody")
        .map(|rb| spec::deref(doc, rb))
        .and_then(|rb| rb.get("content"))
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .filter(|(k, _)| k.contains("json"));
    for (_, m) in media {
        let Some(schema) = m.get("schema") else { continue };
        let examples = m.get("example").into_iter().chain(
            m.get("examples")
                .and_then(Value::as_object)
                .into_iter()
                .flat_map(|e| e.values())
                .filter_map(|e| spec::deref(doc, e).get("value")),
        );
        out.extend(examples.map(|e| (schema, example_value(e))));
    }
    out
}

/// The rules Infobip's own examples break, which a request may break too. Where the examples
/// contradict their schema (a required property left out, a string where the schema says object,
/// a `null`, two `oneOf` alternatives matched …), the examples win: a request shaped like them is
/// accepted, and only the exact rule of the exact schema node they break is relaxed: for the
/// operation's request examples, that operation; for a schema's own `example`, that schema.
fn tolerated_rules(op: &'static OpInfo) -> Arc<HashSet<schema::Rule>> {
    let key = std::ptr::from_ref(op) as usize;
    if let Some(known) = TOLERATED.lock().unwrap_or_else(std::sync::PoisonError::into_inner).get(&key) {
        return known.clone();
    }
    let doc = spec::document(op.spec);
    let mut rules = SCHEMA_EXAMPLES
        .get(op.spec)
        .map(|cell| cell.get_or_init(|| schema_example_rules(doc)).clone())
        .unwrap_or_default();
    for (schema, example) in request_examples(op) {
        rules.extend(schema::validate(doc, schema, &example).into_iter().filter_map(|v| v.rule));
    }
    let rules = Arc::new(rules);
    TOLERATED.lock().unwrap_or_else(std::sync::PoisonError::into_inner).insert(key, rules.clone());
    rules
}

/// The rules that the `example` of any schema in `doc` breaks against that schema.
fn schema_example_rules(doc: &Value) -> HashSet<schema::Rule> {
    fn walk(doc: &Value, node: &Value, out: &mut HashSet<schema::Rule>) {
        match node {
            Value::Object(m) => {
                if let Some(example) = m.get("example")
                    && (m.contains_key("type") || m.contains_key("properties") || m.contains_key("$ref"))
                {
                    out.extend(schema::validate(doc, node, &example_value(example)).into_iter().filter_map(|v| v.rule));
                }
                for (k, v) in m {
                    if k != "example" && k != "examples" {
                        walk(doc, v, out);
                    }
                }
            }
            Value::Array(a) => a.iter().for_each(|v| walk(doc, v, out)),
            _ => {}
        }
    }
    let mut out = HashSet::new();
    walk(doc, doc, &mut out);
    out
}

/// A request's body as read for its operation.
pub(crate) struct Body {
    /// The body as JSON: parsed JSON, or an object of the form fields / multipart parts.
    pub value: Option<Value>,
    /// Every violation found in the body.
    pub violations: Vec<Violation>,
}

/// Converts a parameter or form-field text to the JSON type `schema` asks for (text that does
/// not convert stays a string, and the validator names the type mismatch).
fn typed(doc: &Value, schema: &Value, text: &str) -> Value {
    let schema = spec::deref(doc, schema);
    let ty = match schema.get("type") {
        Some(Value::String(t)) => t.as_str(),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).find(|t| *t != "null").unwrap_or("string"),
        _ => "string",
    };
    let converted = match ty {
        "integer" => text.parse::<i64>().map(Value::from).ok().or_else(|| text.parse::<u64>().ok().map(Value::from)),
        "number" => text.parse::<f64>().ok().filter(|f| f.is_finite()).map(Value::from),
        "boolean" => match text {
            "true" => Some(json!(true)),
            "false" => Some(json!(false)),
            _ => None,
        },
        "object" | "array" => serde_json::from_str::<Value>(text).ok().filter(|v| v.is_object() || v.is_array()),
        _ => None,
    };
    converted.unwrap_or_else(|| json!(text))
}

/// The JSON value of a parameter or field that came as `values`: an array repeats the field, or
/// (parameters only, `split`) lists its items comma-separated. A repeated parameter that is not
/// an array counts once (the last); a repeated form field or part is an array (and refused).
fn field_value(doc: &Value, schema: &Value, values: &[&str], split: bool) -> Value {
    let resolved = spec::deref(doc, schema);
    if resolved.get("type").and_then(Value::as_str) == Some("array") {
        let items = resolved.get("items").cloned().unwrap_or(json!({}));
        let texts: Vec<&str> = if split { values.iter().flat_map(|v| v.split(',')).collect() } else { values.to_vec() };
        Value::Array(texts.into_iter().map(|v| typed(doc, &items, v)).collect())
    } else if !split && values.len() > 1 {
        // A form field or part repeated where the schema wants one value.
        Value::Array(values.iter().map(|v| typed(doc, schema, v)).collect())
    } else {
        values.last().map_or(Value::Null, |v| typed(doc, schema, v))
    }
}

fn prefixed(name: &str, mut v: Violation) -> Violation {
    v.property = if v.property.is_empty() {
        name.to_string()
    } else if v.property.starts_with('[') {
        format!("{name}{}", v.property)
    } else {
        format!("{name}.{}", v.property)
    };
    v
}

/// Checks the path, query and header parameters of `op`.
pub(crate) fn check_params(
    op: &'static OpInfo,
    params: &[(&'static str, String)],
    query: &[(String, String)],
    headers: &HeaderMap,
) -> Vec<Violation> {
    let doc = spec::document(op.spec);
    let mut out = Vec::new();
    let Some(list) = spec::operation_object(op).get("parameters").and_then(Value::as_array) else { return out };
    for p in list {
        let p = spec::deref(doc, p);
        let Some(name) = p.get("name").and_then(Value::as_str) else { continue };
        let values: Vec<&str> = match p.get("in").and_then(Value::as_str).unwrap_or("") {
            "query" => query.iter().filter(|(k, _)| k == name).map(|(_, v)| v.as_str()).collect(),
            "path" => params.iter().filter(|(k, _)| *k == name).map(|(_, v)| v.as_str()).collect(),
            "header" => headers.get_all(name).iter().filter_map(|v| v.to_str().ok()).collect(),
            _ => continue,
        };
        if values.is_empty() {
            if p.get("required").and_then(Value::as_bool) == Some(true) {
                out.push(Violation::new(name, "must not be null"));
            }
            continue;
        }
        let Some(schema) = p.get("schema") else { continue };
        let value = field_value(doc, schema, &values, true);
        out.extend(schema::validate(doc, schema, &value).into_iter().map(|v| prefixed(name, v)));
    }
    out
}

fn media_type(headers: &HeaderMap) -> Option<String> {
    let ct = headers.get(http::header::CONTENT_TYPE)?.to_str().ok()?;
    Some(ct.split(';').next().unwrap_or("").trim().to_ascii_lowercase())
}

/// An object of named text fields, each converted to the type its property asks for. A field
/// whose text is `null` is a JSON `null` (the way form encoders write a null value), so a
/// property that may not be null refuses it.
fn fields_object(doc: &Value, schema: &Value, fields: &[(String, String)]) -> Value {
    let schema = spec::deref(doc, schema);
    let props = schema.get("properties").and_then(Value::as_object);
    let mut names: Vec<&str> = Vec::new();
    for (k, _) in fields {
        if !names.contains(&k.as_str()) {
            names.push(k);
        }
    }
    let mut out = Map::new();
    for name in names {
        let values: Vec<&str> = fields.iter().filter(|(k, _)| k == name).map(|(_, v)| v.as_str()).collect();
        let value = match props.and_then(|p| p.get(name)) {
            _ if values == ["null"] => Value::Null,
            Some(s) => field_value(doc, s, &values, false),
            None if values.len() > 1 => Value::Array(values.iter().map(|v| json!(v)).collect()),
            None => values.first().map_or(Value::Null, |v| json!(v)),
        };
        out.insert(name.to_string(), value);
    }
    Value::Object(out)
}

/// Reads and checks the body of a request to `op`.
pub(crate) fn check_body(op: &'static OpInfo, headers: &HeaderMap, body: &Bytes) -> Body {
    let doc = spec::document(op.spec);
    let mut violations = Vec::new();
    // The OAuth2 token endpoint reads its form itself: RFC 6749 lets the client authenticate with
    // HTTP Basic instead of form fields, and names its own errors (`unsupported_grant_type`).
    if op.shape == spec::ErrorShape::OAuth {
        return Body { value: None, violations };
    }
    let Some(rb) = spec::operation_object(op).get("requestBody").map(|rb| spec::deref(doc, rb)) else {
        return Body { value: None, violations };
    };
    let required = rb.get("required").and_then(Value::as_bool).unwrap_or(false);
    let Some(content) = rb.get("content").and_then(Value::as_object) else {
        return Body { value: None, violations };
    };
    let given = media_type(headers);
    let json_media = content
        .keys()
        .find(|k| k.as_str() == "application/json")
        .or_else(|| content.keys().find(|k| k.contains("json")));
    // The media type the caller named, when the operation documents it; otherwise JSON.
    let media = given
        .as_deref()
        .and_then(|g| content.keys().find(|k| k.eq_ignore_ascii_case(g)))
        .or(json_media)
        .or_else(|| content.keys().next());
    let Some(media) = media else { return Body { value: None, violations } };
    let schema = content.get(media).and_then(|m| m.get("schema"));
    // An empty form is an empty object; an empty body of another type is no body (whitespace is
    // not empty: it is malformed JSON).
    let blank = body.is_empty() && media != "application/x-www-form-urlencoded";
    if blank {
        if required {
            violations.push(Violation::new("body", "request body must not be empty"));
        }
        return Body { value: None, violations };
    }
    let value = if media.contains("json") || given.is_none() && json_media.is_some() {
        match serde_json::from_slice::<Value>(body) {
            Ok(v) => v,
            Err(e) => {
                violations.push(Violation::new("body", format!("malformed JSON: {e}")));
                return Body { value: None, violations };
            }
        }
    } else if media == "application/x-www-form-urlencoded" {
        let fields = spec::parse_query(&String::from_utf8_lossy(body));
        fields_object(doc, schema.unwrap_or(&Value::Null), &fields)
    } else if media == "multipart/form-data" {
        let ct = headers.get(http::header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
        let Some(boundary) = multipart::boundary(ct) else {
            violations.push(Violation::new("body", "multipart/form-data needs a boundary parameter"));
            return Body { value: None, violations };
        };
        match multipart::parse(&boundary, body) {
            Ok(parts) => {
                let fields: Vec<(String, String)> =
                    parts.iter().map(|p| (p.name.clone(), String::from_utf8_lossy(&p.data).into_owned())).collect();
                fields_object(doc, schema.unwrap_or(&Value::Null), &fields)
            }
            Err(e) => {
                violations.push(Violation::new("body", format!("malformed multipart body: {}", e.0)));
                return Body { value: None, violations };
            }
        }
    } else {
        // application/octet-stream and other raw bodies: the bytes are the value.
        return Body { value: None, violations };
    };
    if let Some(schema) = schema {
        let tolerated = tolerated_rules(op);
        let found = schema::validate(doc, schema, &value);
        violations.extend(found.into_iter().filter(|v| v.rule.as_ref().is_none_or(|r| !tolerated.contains(r))).map(
            |v| {
                if v.property.is_empty() { Violation::new("body", v.message) } else { v }
            },
        ));
    }
    Body { value: Some(value), violations }
}
