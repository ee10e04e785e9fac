//! What the catalog records about files: the content types of an operation's success answer
//! (its `Accept` header, and whether it answers a file), and the fields of a
//! `multipart/form-data` body that take files (`format: binary`, alone or in a list).

use serde_json::{Map, Value, json};

/// Adds `answer` (the success answer's content types) and `file` (whether that answer is a
/// file rather than JSON) to the catalog entry `entry` of the operation object `op`, and
/// `files` (its file fields) to its body.
pub fn annotate(entry: &mut Value, op: &Value, spec: &Value) {
    if let Some(content) = answer(op, spec) {
        entry["answer"] = json!(content.keys().collect::<Vec<_>>());
        if is_file(content, spec) {
            entry["file"] = json!(true);
        }
    }
    let Some(content) = op.pointer("/requestBody/content").and_then(Value::as_object) else { return };
    let Some(form) = content.get("multipart/form-data").and_then(|m| m.get("schema")) else { return };
    let fields = file_fields(resolve(form, spec), spec);
    if !fields.is_empty() {
        entry["body"]["files"] = Value::Array(fields);
    }
}

/// The content of the first documented 2xx answer that has a body.
fn answer<'a>(op: &'a Value, spec: &'a Value) -> Option<&'a Map<String, Value>> {
    let responses = op.get("responses").and_then(Value::as_object)?;
    let mut statuses: Vec<&String> = responses.keys().filter(|s| s.starts_with('2')).collect();
    statuses.sort();
    statuses
        .into_iter()
        .filter_map(|status| resolve(&responses[status], spec).get("content").and_then(Value::as_object))
        .find(|content| !content.is_empty())
}

/// Whether an answer is a file: not a JSON type with a schema other than binary, and not `*/*`
/// with an object schema (several products declare their JSON answers so). The generator's
/// reading of answers (`codegen/src/lower.rs`) is the same.
fn is_file(content: &Map<String, Value>, spec: &Value) -> bool {
    let schema = |media: &Value| resolve(media.get("schema").unwrap_or(&Value::Null), spec).clone();
    let json = |t: &str| t == "application/json" || t.ends_with("+json") || t == "text/json";
    if let Some((_, media)) = content.iter().find(|(t, _)| json(t))
        && schema(media).get("format").and_then(Value::as_str) != Some("binary")
    {
        return false;
    }
    if let Some(media) = content.get("*/*") {
        let raw = media.get("schema").unwrap_or(&Value::Null);
        if raw.get("$ref").is_some() || schema(media).get("type").and_then(Value::as_str) == Some("object") {
            return false;
        }
    }
    true
}

/// `[{"name": …, "list": …}]` for each property of a form schema that takes a file.
fn file_fields(schema: &Value, spec: &Value) -> Vec<Value> {
    let empty = Map::new();
    let properties = schema.get("properties").and_then(Value::as_object).unwrap_or(&empty);
    let binary = |s: &Value| s.get("format").and_then(Value::as_str) == Some("binary");
    properties
        .iter()
        .filter_map(|(name, property)| {
            let property = resolve(property, spec);
            let items = property.get("items").map(|items| resolve(items, spec));
            if property.get("type").and_then(Value::as_str) == Some("array") && items.is_some_and(binary) {
                Some(json!({"name": name, "list": true}))
            } else if binary(property) {
                Some(json!({"name": name, "list": false}))
            } else {
                None
            }
        })
        .collect()
}

/// Follows a local `$ref` (to a schema or a response).
fn resolve<'a>(value: &'a Value, spec: &'a Value) -> &'a Value {
    match value.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix('#')) {
        Some(pointer) => spec.pointer(pointer).map(|target| resolve(target, spec)).unwrap_or(value),
        None => value,
    }
}
