//! A small JSON-Schema validator for the subset Infobip's OpenAPI documents use: `$ref`, `type`,
//! `required`, `properties`, `items`, `enum`, `minLength`/`maxLength`, `minimum`/`maximum`,
//! `minItems`/`maxItems`, `oneOf`/`anyOf`/`allOf` (with `discriminator`) and `format: date-time`.
//! Violations carry the JSON path of the property, e.g. `messages[0].destinations[0].to`.

use serde_json::Value;

/// One validation failure: the property path and a Bean-Validation-style message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Violation {
    pub property: String,
    pub message: String,
}

impl Violation {
    pub(crate) fn new(property: impl Into<String>, message: impl Into<String>) -> Self {
        Self { property: property.into(), message: message.into() }
    }
}

const MAX_DEPTH: usize = 48;

/// Validates `value` against `schema`, resolving references in `doc`.
pub(crate) fn validate(doc: &Value, schema: &Value, value: &Value) -> Vec<Violation> {
    let mut out = Vec::new();
    check(doc, schema, value, "", &mut out, 0);
    out
}

/// Validates a partial update (`PATCH`): like [`validate`] but `required` is not enforced.
pub(crate) fn validate_partial(doc: &Value, schema: &Value, value: &Value) -> Vec<Violation> {
    validate(doc, schema, value).into_iter().filter(|v| v.message != "must not be null").collect()
}

fn join(path: &str, prop: &str) -> String {
    if path.is_empty() { prop.to_string() } else { format!("{path}.{prop}") }
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn type_matches(ty: &str, v: &Value) -> bool {
    match ty {
        "integer" => match v {
            Value::Number(n) => n.is_i64() || n.is_u64() || n.as_f64().is_some_and(|f| f.fract() == 0.0),
            _ => false,
        },
        "number" => v.is_number(),
        "string" => v.is_string(),
        "boolean" => v.is_boolean(),
        "array" => v.is_array(),
        "object" => v.is_object(),
        "null" => v.is_null(),
        _ => true,
    }
}

fn bound(n: Option<u64>) -> String {
    n.map_or_else(|| "2147483647".to_string(), |n| n.to_string())
}

fn check(doc: &Value, schema: &Value, value: &Value, path: &str, out: &mut Vec<Violation>, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    if let Some(r) = schema.get("$ref").and_then(Value::as_str)
        && let Some(target) = crate::spec::resolve(doc, r)
    {
        check(doc, target, value, path, out, depth + 1);
    }
    if let Some(all) = schema.get("allOf").and_then(Value::as_array) {
        for s in all {
            check(doc, s, value, path, out, depth + 1);
        }
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(alts) = schema.get(key).and_then(Value::as_array) {
            check_alternatives(doc, schema, alts, value, path, out, depth);
        }
    }
    if value.is_null() {
        // Lenient in: an explicit null is treated like an absent optional value.
        return;
    }
    if let Some(ty) = schema.get("type") {
        let ok = match ty {
            // A bare `type: object` (no properties or composition) is a free-form value.
            Value::String(t) if t == "object" && is_free_form(schema) => true,
            Value::String(t) => type_matches(t, value),
            Value::Array(ts) => ts.iter().filter_map(Value::as_str).any(|t| type_matches(t, value)),
            _ => true,
        };
        if !ok {
            let expected = match ty {
                Value::String(t) => t.clone(),
                Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(" or "),
                _ => String::new(),
            };
            out.push(Violation::new(path, format!("must be of type {expected} but was {}", type_name(value))));
            return;
        }
    }
    if let Some(allowed) = schema.get("enum").and_then(Value::as_array) {
        // Some specs put the items' enum on the array itself; apply it per item then.
        // An enum on an object type (seen on maps keyed by enum values) is not checked.
        let items: Vec<&Value> = match value {
            Value::Array(a) => a.iter().filter(|v| !v.is_object()).collect(),
            Value::Object(_) => vec![],
            v => vec![v],
        };
        if items.into_iter().any(|v| !allowed.iter().any(|a| a == v)) {
            let names: Vec<String> =
                allowed.iter().map(|a| a.as_str().map_or_else(|| a.to_string(), str::to_string)).collect();
            out.push(Violation::new(path, format!("must be one of [{}]", names.join(", "))));
        }
    }
    match value {
        Value::String(s) => {
            let len = s.chars().count() as u64;
            let min = schema.get("minLength").and_then(Value::as_u64);
            let max = schema.get("maxLength").and_then(Value::as_u64);
            if min.is_some_and(|m| len < m) || max.is_some_and(|m| len > m) {
                out.push(Violation::new(path, format!("size must be between {} and {}", min.unwrap_or(0), bound(max))));
            }
            if schema.get("format").and_then(Value::as_str) == Some("date-time") && crate::time::parse(s).is_none() {
                out.push(Violation::new(path, "must be a date-time in the format yyyy-MM-dd'T'HH:mm:ss.SSSZ"));
            }
        }
        Value::Number(n) => {
            let x = n.as_f64().unwrap_or(0.0);
            if let Some(m) = schema.get("minimum").and_then(Value::as_f64)
                && x < m
            {
                out.push(Violation::new(path, format!("must be greater than or equal to {}", num(m))));
            }
            if let Some(m) = schema.get("maximum").and_then(Value::as_f64)
                && x > m
            {
                out.push(Violation::new(path, format!("must be less than or equal to {}", num(m))));
            }
            if let Some(m) = schema.get("exclusiveMinimum").and_then(Value::as_f64)
                && x <= m
            {
                out.push(Violation::new(path, format!("must be greater than {}", num(m))));
            }
        }
        Value::Array(items) => {
            let len = items.len() as u64;
            let min = schema.get("minItems").and_then(Value::as_u64);
            let max = schema.get("maxItems").and_then(Value::as_u64);
            if min.is_some_and(|m| len < m) || max.is_some_and(|m| len > m) {
                out.push(Violation::new(path, format!("size must be between {} and {}", min.unwrap_or(0), bound(max))));
            }
            if let Some(item_schema) = schema.get("items") {
                for (i, item) in items.iter().enumerate() {
                    check(doc, item_schema, item, &format!("{path}[{i}]"), out, depth + 1);
                }
            }
        }
        Value::Object(map) => {
            let props = schema.get("properties").and_then(Value::as_object);
            if let Some(required) = schema.get("required").and_then(Value::as_array) {
                for r in required.iter().filter_map(Value::as_str) {
                    let read_only = props
                        .and_then(|p| p.get(r))
                        .map(|s| crate::spec::deref(doc, s))
                        .and_then(|s| s.get("readOnly"))
                        .and_then(Value::as_bool)
                        == Some(true);
                    if read_only {
                        continue;
                    }
                    if map.get(r).is_none_or(Value::is_null) {
                        out.push(Violation::new(join(path, r), "must not be null"));
                    }
                }
            }
            if let Some(props) = props {
                for (k, s) in props {
                    if let Some(v) = map.get(k) {
                        check(doc, s, v, &join(path, k), out, depth + 1);
                    }
                }
            }
        }
        _ => {}
    }
}

fn is_free_form(schema: &Value) -> bool {
    ["properties", "required", "allOf", "oneOf", "anyOf", "$ref", "additionalProperties"]
        .iter()
        .all(|k| schema.get(k).is_none())
}

fn num(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 { format!("{}", x as i64) } else { x.to_string() }
}

fn check_alternatives(
    doc: &Value,
    schema: &Value,
    alts: &[Value],
    value: &Value,
    path: &str,
    out: &mut Vec<Violation>,
    depth: usize,
) {
    if value.is_null() || alts.is_empty() {
        return;
    }
    // With a discriminator, the named property selects the alternative.
    if let Some(disc) = schema.get("discriminator")
        && let Some(prop) = disc.get("propertyName").and_then(Value::as_str)
    {
        match value.get(prop).and_then(Value::as_str) {
            Some(tag) => {
                if let Some(target) = disc
                    .get("mapping")
                    .and_then(|m| m.get(tag))
                    .and_then(Value::as_str)
                    .and_then(|r| crate::spec::resolve(doc, r))
                {
                    check(doc, target, value, path, out, depth + 1);
                    return;
                }
                if let Some(mapping) = disc.get("mapping").and_then(Value::as_object) {
                    let names: Vec<&str> = mapping.keys().map(String::as_str).collect();
                    out.push(Violation::new(join(path, prop), format!("must be one of [{}]", names.join(", "))));
                    return;
                }
            }
            None if value.is_object() => {
                out.push(Violation::new(join(path, prop), "must not be null"));
                return;
            }
            None => {}
        }
    }
    // Lenient: accept when at least one alternative matches; otherwise report the closest one.
    let mut best: Option<Vec<Violation>> = None;
    for alt in alts {
        let mut v = Vec::new();
        check(doc, alt, value, path, &mut v, depth + 1);
        if v.is_empty() {
            return;
        }
        if best.as_ref().is_none_or(|b| v.len() < b.len()) {
            best = Some(v);
        }
    }
    if let Some(b) = best {
        out.extend(b);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reports_paths_of_nested_violations() {
        let doc = json!({"components":{"schemas":{
            "Dest":{"type":"object","required":["to"],"properties":{"to":{"type":"string","maxLength":5}}},
            "Msg":{"type":"object","required":["destinations"],"properties":{
                "destinations":{"type":"array","minItems":1,"items":{"$ref":"#/components/schemas/Dest"}},
                "n":{"type":"integer","maximum":10}}}}}});
        let schema = json!({"type":"object","required":["messages"],"properties":{"messages":{"type":"array","items":{"$ref":"#/components/schemas/Msg"}}}});
        let v = validate(&doc, &schema, &json!({"messages":[{"destinations":[{"to":"1234567"},{}],"n":"x"}]}));
        let props: Vec<&str> = v.iter().map(|v| v.property.as_str()).collect();
        assert_eq!(props, vec!["messages[0].destinations[0].to", "messages[0].destinations[1].to", "messages[0].n"]);
        let v = validate(&doc, &schema, &json!({}));
        assert_eq!(v, vec![Violation::new("messages", "must not be null")]);
    }

    #[test]
    fn one_of_accepts_any_matching_alternative() {
        let doc = json!({});
        let schema = json!({"oneOf":[
            {"type":"object","required":["text"],"properties":{"text":{"type":"string"}}},
            {"type":"object","required":["hex"],"properties":{"hex":{"type":"string"}}}]});
        assert!(validate(&doc, &schema, &json!({"text":"hi"})).is_empty());
        assert!(validate(&doc, &schema, &json!({"hex":"41"})).is_empty());
        assert_eq!(validate(&doc, &schema, &json!({})).len(), 1);
    }
}
