//! A JSON-Schema validator for what Infobip's OpenAPI documents use: `$ref`, `type` (a name or a
//! list, `"null"` included), `required`, `properties`, `additionalProperties` (`false` or a
//! schema), `minProperties`/`maxProperties`, `items`, `minItems`/`maxItems`/`uniqueItems`, `enum`,
//! `minLength`/`maxLength` (in code points), `pattern` (ECMA-262, see [`crate::pattern`]),
//! `minimum`/`maximum` and `exclusiveMinimum`/`exclusiveMaximum` (numbers, or the booleans of
//! OpenAPI 3.0), `nullable`, `format` (`date-time` in Infobip's form, `date`, `int32`, `int64`),
//! `allOf`, `anyOf`, and `oneOf` (exactly one alternative; a `discriminator` picks it, through
//! its `mapping` or implicitly by schema name).
//!
//! `null` is a value like any other: it is valid only where the schema allows it, so
//! `"enabled": null` against `type: boolean` is refused while an absent optional property is not.
//! Violations carry the JSON path of the property, e.g. `messages[0].destinations[0].to`.

use serde_json::{Map, Value};
use std::cell::RefCell;

/// One validation failure: the property path and a Bean-Validation-style message.
#[derive(Debug, Clone)]
pub(crate) struct Violation {
    pub property: String,
    pub message: String,
    /// The schema node and keyword that failed (see [`Rule`]).
    pub rule: Option<Rule>,
}

/// Which rule of which schema node a violation breaks: the node's address inside its (static)
/// parsed document, and the keyword (`type`, `null`, `required:NAME`, `pattern`, …). The specs'
/// own request examples break some rules; `request` tolerates exactly those for the operation.
pub(crate) type Rule = (usize, String);

impl Violation {
    pub(crate) fn new(property: impl Into<String>, message: impl Into<String>) -> Self {
        Self { property: property.into(), message: message.into(), rule: None }
    }

    fn at(schema: &Value, keyword: impl Into<String>, property: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            property: property.into(),
            message: message.into(),
            rule: Some((std::ptr::from_ref(schema) as usize, keyword.into())),
        }
    }
}

impl PartialEq for Violation {
    fn eq(&self, other: &Self) -> bool {
        self.property == other.property && self.message == other.message
    }
}

impl Eq for Violation {}

/// Schema hops (references, compositions, nested values) followed before a value counts as too
/// deeply nested. Infobip's deepest request schemas need about 30.
const MAX_DEPTH: usize = 64;

/// Validates `value` against `schema`, resolving references in `doc`.
pub(crate) fn validate(doc: &Value, schema: &Value, value: &Value) -> Vec<Violation> {
    let mut out = Vec::new();
    Validator { doc, active: RefCell::default() }.check(schema, value, "", &mut out, 0);
    out
}

struct Validator<'a> {
    doc: &'a Value,
    /// The (schema, value) pairs being checked, to stop at a cycle that does not descend into
    /// the value (a discriminator base whose subtypes `allOf` the base).
    active: RefCell<Vec<(*const Value, *const Value)>>,
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

fn num(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 { format!("{}", x as i64) } else { x.to_string() }
}

fn size_message(min: Option<u64>, max: Option<u64>) -> String {
    let max = max.map_or_else(|| "2147483647".to_string(), |n| n.to_string());
    format!("size must be between {} and {max}", min.unwrap_or(0))
}

/// The last segment of a `$ref`, without the hash prefix Infobip puts on schema names
/// (`20085a….SmsTextContent` → `SmsTextContent`).
fn schema_name(reference: &str) -> &str {
    let last = reference.rsplit('/').next().unwrap_or(reference);
    last.rsplit_once('.').map_or(last, |(_, n)| n)
}

impl Validator<'_> {
    fn check(&self, schema: &Value, value: &Value, path: &str, out: &mut Vec<Violation>, depth: usize) {
        if depth > MAX_DEPTH {
            out.push(Violation::new(path, "is nested too deeply"));
            return;
        }
        let key = (std::ptr::from_ref(schema), std::ptr::from_ref(value));
        if self.active.borrow().contains(&key) {
            return;
        }
        self.active.borrow_mut().push(key);
        self.check_keywords(schema, value, path, out, depth);
        self.active.borrow_mut().pop();
    }

    fn check_keywords(&self, schema: &Value, value: &Value, path: &str, out: &mut Vec<Violation>, depth: usize) {
        // OpenAPI 3.0's `nullable: true` admits null whatever else the schema says.
        if value.is_null() && schema.get("nullable").and_then(Value::as_bool) == Some(true) {
            return;
        }
        if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
            match crate::spec::resolve(self.doc, r) {
                Some(target) => self.check(target, value, path, out, depth + 1),
                None => out.push(Violation::new(path, format!("cannot be checked: unknown schema {r}"))),
            }
        }
        if let Some(all) = schema.get("allOf").and_then(Value::as_array) {
            for s in all {
                self.check(s, value, path, out, depth + 1);
            }
        }
        if let Some(alts) = schema.get("anyOf").and_then(Value::as_array) {
            self.alternatives(schema, alts, false, value, path, out, depth);
        }
        if let Some(alts) = schema.get("oneOf").and_then(Value::as_array) {
            self.alternatives(schema, alts, true, value, path, out, depth);
        }
        if let Some(ty) = schema.get("type")
            && !Self::type_ok(schema, ty, value, path, out)
        {
            return;
        }
        if let Some(allowed) = schema.get("enum").and_then(Value::as_array) {
            self.check_enum(schema, allowed, value, path, out);
        }
        match value {
            Value::String(s) => self.check_string(schema, s, path, out),
            Value::Number(n) => check_number(schema, n, path, out),
            Value::Array(items) => self.check_array(schema, items, path, out, depth),
            Value::Object(map) => self.check_object(schema, map, path, out, depth),
            Value::Null | Value::Bool(_) => {}
        }
    }

    fn type_ok(schema: &Value, ty: &Value, value: &Value, path: &str, out: &mut Vec<Violation>) -> bool {
        let names: Vec<&str> = match ty {
            Value::String(t) => vec![t.as_str()],
            Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
            _ => return true,
        };
        if names.iter().any(|t| type_matches(t, value)) {
            return true;
        }
        out.push(if value.is_null() {
            Violation::at(schema, "null", path, "must not be null")
        } else {
            let found = type_name(value);
            let message = format!("must be of type {} but was {found}", names.join(" or "));
            Violation::at(schema, format!("type:{found}"), path, message)
        });
        false
    }

    fn check_enum(&self, schema: &Value, allowed: &[Value], value: &Value, path: &str, out: &mut Vec<Violation>) {
        // Some specs put the items' enum on the array itself; it applies per item then. An enum on
        // an object (seen on maps keyed by enum values) names the keys and is not checked.
        let items: Vec<&Value> = match value {
            Value::Array(a) if schema.get("type").and_then(Value::as_str) == Some("array") => a.iter().collect(),
            Value::Object(_) => vec![],
            v => vec![v],
        };
        if items.into_iter().any(|v| !allowed.contains(v)) {
            let names: Vec<String> =
                allowed.iter().map(|a| a.as_str().map_or_else(|| a.to_string(), str::to_string)).collect();
            out.push(Violation::at(schema, "enum", path, format!("must be one of [{}]", names.join(", "))));
        }
    }

    fn check_string(&self, schema: &Value, s: &str, path: &str, out: &mut Vec<Violation>) {
        let len = s.chars().count() as u64;
        let min = schema.get("minLength").and_then(Value::as_u64);
        let max = schema.get("maxLength").and_then(Value::as_u64);
        if min.is_some_and(|m| len < m) || max.is_some_and(|m| len > m) {
            out.push(Violation::at(schema, "length", path, size_message(min, max)));
        }
        if let Some(p) = schema.get("pattern").and_then(Value::as_str)
            && crate::pattern::matches(p, s) == Some(false)
        {
            out.push(Violation::at(schema, "pattern", path, format!("must match \"{p}\"")));
        }
        match schema.get("format").and_then(Value::as_str) {
            Some("date-time") if crate::time::parse(s).is_none() => {
                let message = "must be a date-time in the format yyyy-MM-dd'T'HH:mm:ss.SSSZ";
                out.push(Violation::at(schema, "format", path, message));
            }
            Some("date") if chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_err() || s.len() != 10 => {
                out.push(Violation::at(schema, "format", path, "must be a date in the format yyyy-MM-dd"));
            }
            _ => {}
        }
    }

    fn check_array(&self, schema: &Value, items: &[Value], path: &str, out: &mut Vec<Violation>, depth: usize) {
        let len = items.len() as u64;
        let min = schema.get("minItems").and_then(Value::as_u64);
        let max = schema.get("maxItems").and_then(Value::as_u64);
        if min.is_some_and(|m| len < m) || max.is_some_and(|m| len > m) {
            out.push(Violation::at(schema, "items", path, size_message(min, max)));
        }
        if schema.get("uniqueItems").and_then(Value::as_bool) == Some(true)
            && items.iter().enumerate().any(|(i, a)| items.get(i + 1..).is_some_and(|rest| rest.contains(a)))
        {
            out.push(Violation::at(schema, "uniqueItems", path, "must only contain unique elements"));
        }
        if let Some(item_schema) = schema.get("items") {
            for (i, item) in items.iter().enumerate() {
                self.check(item_schema, item, &format!("{path}[{i}]"), out, depth + 1);
            }
        }
    }

    fn check_object(
        &self,
        schema: &Value,
        map: &Map<String, Value>,
        path: &str,
        out: &mut Vec<Violation>,
        depth: usize,
    ) {
        let props = schema.get("properties").and_then(Value::as_object);
        for r in schema.get("required").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str) {
            let read_only = props
                .and_then(|p| p.get(r))
                .map(|s| crate::spec::deref(self.doc, s))
                .and_then(|s| s.get("readOnly"))
                .and_then(Value::as_bool)
                == Some(true);
            if !read_only && !map.contains_key(r) {
                out.push(Violation::at(schema, format!("required:{r}"), join(path, r), "must not be null"));
            }
        }
        let count = map.len() as u64;
        if schema.get("minProperties").and_then(Value::as_u64).is_some_and(|m| count < m) {
            out.push(Violation::at(schema, "properties", path, "must not be empty"));
        }
        if schema.get("maxProperties").and_then(Value::as_u64).is_some_and(|m| count > m) {
            out.push(Violation::at(schema, "properties", path, "has too many properties"));
        }
        for (k, v) in map {
            let sub = join(path, k);
            match props.and_then(|p| p.get(k)) {
                Some(s) => self.check(s, v, &sub, out, depth + 1),
                None => match schema.get("additionalProperties") {
                    Some(Value::Bool(false)) => {
                        out.push(Violation::at(schema, "additionalProperties", sub, "is not a known property"));
                    }
                    Some(s @ Value::Object(_)) => self.check(s, v, &sub, out, depth + 1),
                    _ => {}
                },
            }
        }
    }

    /// `oneOf` (`exactly_one`) or `anyOf`: a discriminator names the alternative; without one, a
    /// value matching none gets the violations of the closest alternative.
    #[allow(clippy::too_many_arguments)]
    fn alternatives(
        &self,
        schema: &Value,
        alts: &[Value],
        exactly_one: bool,
        value: &Value,
        path: &str,
        out: &mut Vec<Violation>,
        depth: usize,
    ) {
        if alts.is_empty() {
            return;
        }
        if let Some(prop) = schema.pointer("/discriminator/propertyName").and_then(Value::as_str)
            && let Value::Object(map) = value
            && self.discriminated(schema, alts, prop, map, value, path, out, depth)
        {
            return;
        }
        let mut best: Option<Vec<Violation>> = None;
        let mut matched = 0;
        for alt in alts {
            let mut v = Vec::new();
            self.check(alt, value, path, &mut v, depth + 1);
            if v.is_empty() {
                matched += 1;
            } else if best.as_ref().is_none_or(|b| v.len() < b.len()) {
                best = Some(v);
            }
        }
        match (matched, best) {
            (0, Some(b)) => out.extend(b),
            (n, _) if n > 1 && exactly_one => {
                let message = format!("must match exactly one of the schemas, matches {n}");
                out.push(Violation::at(schema, "oneOf", path, message));
            }
            _ => {}
        }
    }

    /// Checks `value` against the alternative its discriminator names: through the `mapping`, or
    /// implicitly by schema name, `title` or the tag property's `enum`. Returns `false` when an
    /// implicit discriminator names no alternative (the alternatives are then tried one by one).
    #[allow(clippy::too_many_arguments)]
    fn discriminated(
        &self,
        schema: &Value,
        alts: &[Value],
        prop: &str,
        map: &Map<String, Value>,
        value: &Value,
        path: &str,
        out: &mut Vec<Violation>,
        depth: usize,
    ) -> bool {
        let tag = match map.get(prop) {
            None | Some(Value::Null) => {
                out.push(Violation::at(schema, "discriminator", join(path, prop), "must not be null"));
                return true;
            }
            Some(Value::String(t)) => t,
            Some(other) => {
                let message = format!("must be of type string but was {}", type_name(other));
                out.push(Violation::at(schema, "discriminator", join(path, prop), message));
                return true;
            }
        };
        if let Some(mapping) = schema.pointer("/discriminator/mapping").and_then(Value::as_object) {
            match mapping.get(tag).and_then(Value::as_str).and_then(|r| crate::spec::resolve(self.doc, r)) {
                Some(target) => self.check(target, value, path, out, depth + 1),
                None => {
                    let tags: Vec<&str> = mapping.keys().map(String::as_str).collect();
                    let message = format!("must be one of [{}]", tags.join(", "));
                    out.push(Violation::at(schema, "discriminator", join(path, prop), message));
                }
            }
            return true;
        }
        let names = |alt: &Value| {
            let target = crate::spec::deref(self.doc, alt);
            let by_name = alt.get("$ref").and_then(Value::as_str).is_some_and(|r| schema_name(r) == tag);
            let by_title = target.get("title").and_then(Value::as_str) == Some(tag.as_str());
            by_name || by_title
        };
        match alts.iter().find(|a| names(a)) {
            Some(alt) => {
                self.check(alt, value, path, out, depth + 1);
                true
            }
            None => false,
        }
    }
}

fn check_number(schema: &Value, n: &serde_json::Number, path: &str, out: &mut Vec<Violation>) {
    let bound = |message: String| Violation::at(schema, "bounds", path, message);
    let x = n.as_f64().unwrap_or(0.0);
    let flag = |k: &str| schema.get(k).and_then(Value::as_bool) == Some(true);
    if let Some(m) = schema.get("minimum").and_then(Value::as_f64) {
        if flag("exclusiveMinimum") && x <= m {
            out.push(bound(format!("must be greater than {}", num(m))));
        } else if x < m {
            out.push(bound(format!("must be greater than or equal to {}", num(m))));
        }
    }
    if let Some(m) = schema.get("maximum").and_then(Value::as_f64) {
        if flag("exclusiveMaximum") && x >= m {
            out.push(bound(format!("must be less than {}", num(m))));
        } else if x > m {
            out.push(bound(format!("must be less than or equal to {}", num(m))));
        }
    }
    if let Some(m) = schema.get("exclusiveMinimum").and_then(Value::as_f64)
        && x <= m
    {
        out.push(bound(format!("must be greater than {}", num(m))));
    }
    if let Some(m) = schema.get("exclusiveMaximum").and_then(Value::as_f64)
        && x >= m
    {
        out.push(bound(format!("must be less than {}", num(m))));
    }
    let range = match schema.get("format").and_then(Value::as_str) {
        Some("int32") => Some((f64::from(i32::MIN), f64::from(i32::MAX))),
        Some("int64") => Some((i64::MIN as f64, i64::MAX as f64)),
        _ => None,
    };
    let in_range = match (n.as_i64(), n.as_u64()) {
        (Some(i), _) => range.is_none_or(|(lo, hi)| (i as f64) >= lo && (i as f64) <= hi),
        (None, Some(_)) => range.is_none(),
        (None, None) => range.is_none_or(|(lo, hi)| x >= lo && x <= hi),
    };
    if !in_range {
        out.push(bound("numeric value out of bounds".into()));
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
    fn null_is_refused_unless_the_schema_allows_it() {
        let doc = json!({});
        let schema = json!({"type":"object","properties":{
            "enabled":{"type":"boolean"},
            "note":{"type":["string","null"]},
            "old":{"type":"string","nullable":true}}});
        assert_eq!(validate(&doc, &schema, &json!(null)), vec![Violation::new("", "must not be null")]);
        assert_eq!(
            validate(&doc, &schema, &json!({"enabled": null})),
            vec![Violation::new("enabled", "must not be null")]
        );
        assert!(validate(&doc, &schema, &json!({})).is_empty());
        assert!(validate(&doc, &schema, &json!({"note": null, "old": null})).is_empty());
        assert_eq!(validate(&doc, &json!({"type":"object"}), &json!("text")).len(), 1);
    }

    #[test]
    fn one_of_needs_exactly_one_alternative() {
        let doc = json!({});
        let schema = json!({"oneOf":[
            {"type":"object","required":["text"],"properties":{"text":{"type":"string"}}},
            {"type":"object","required":["hex"],"properties":{"hex":{"type":"string"}}}]});
        assert!(validate(&doc, &schema, &json!({"text":"hi"})).is_empty());
        assert!(validate(&doc, &schema, &json!({"hex":"41"})).is_empty());
        assert_eq!(validate(&doc, &schema, &json!({})).len(), 1);
        assert_eq!(
            validate(&doc, &schema, &json!({"text": 1})),
            vec![Violation::new("text", "must be of type string but was integer")]
        );
        let both = validate(&doc, &schema, &json!({"text":"hi","hex":"41"}));
        assert_eq!(both, vec![Violation::new("", "must match exactly one of the schemas, matches 2")]);
        let any = json!({"anyOf": schema["oneOf"]});
        assert!(validate(&doc, &any, &json!({"text":"hi","hex":"41"})).is_empty());
    }

    #[test]
    fn discriminators_pick_the_alternative_by_mapping_or_by_name() {
        let doc = json!({"components":{"schemas":{
            "h.Text":{"type":"object","required":["type","text"],"properties":{"type":{"type":"string"},"text":{"type":"string"}}},
            "h.Image":{"type":"object","required":["type","url"],"properties":{"type":{"type":"string"},"url":{"type":"string"}}}}}});
        let alts = json!([{"$ref":"#/components/schemas/h.Text"},{"$ref":"#/components/schemas/h.Image"}]);
        let mapped = json!({"oneOf": alts, "discriminator":{"propertyName":"type","mapping":{
            "TEXT":"#/components/schemas/h.Text","IMAGE":"#/components/schemas/h.Image"}}});
        assert!(validate(&doc, &mapped, &json!({"type":"TEXT","text":"hi"})).is_empty());
        assert_eq!(
            validate(&doc, &mapped, &json!({"type":"IMAGE","text":"hi"})),
            vec![Violation::new("url", "must not be null")]
        );
        assert_eq!(
            validate(&doc, &mapped, &json!({"type":"VIDEO"})),
            vec![Violation::new("type", "must be one of [TEXT, IMAGE]")]
        );
        assert_eq!(validate(&doc, &mapped, &json!({"text":"hi"})), vec![Violation::new("type", "must not be null")]);
        let implicit = json!({"oneOf": alts, "discriminator":{"propertyName":"type"}});
        assert!(validate(&doc, &implicit, &json!({"type":"Image","url":"u"})).is_empty());
        assert_eq!(validate(&doc, &implicit, &json!({"type":"TEXT"})).len(), 1);
    }

    #[test]
    fn bounds_lengths_patterns_formats_and_unknown_properties() {
        let doc = json!({});
        let schema = json!({"type":"object","additionalProperties":false,"properties":{
            "limit":{"type":"integer","format":"int32","maximum":1000,"exclusiveMinimum":0},
            "old":{"type":"number","minimum":1,"exclusiveMinimum":true},
            "code":{"type":"string","pattern":"^(TR|ES)$","minLength":2},
            "at":{"type":"string","format":"date-time"},
            "day":{"type":"string","format":"date"},
            "tags":{"type":"array","uniqueItems":true,"maxItems":2,"items":{"type":"string"}}}});
        let ok = json!({"limit":1000,"old":1.5,"code":"TR","at":"2026-01-01T10:00:00.000+0000","day":"2026-01-01","tags":["a","b"]});
        assert!(validate(&doc, &schema, &ok).is_empty());
        let bad =
            json!({"limit":2147483648u64,"old":1,"code":"","at":"soon","day":"2026-13-01","tags":["a","a","b"],"x":1});
        let props: Vec<String> =
            validate(&doc, &schema, &bad).into_iter().map(|v| format!("{}: {}", v.property, v.message)).collect();
        assert_eq!(
            props,
            vec![
                "limit: must be less than or equal to 1000",
                "limit: numeric value out of bounds",
                "old: must be greater than 1",
                "code: size must be between 2 and 2147483647",
                "code: must match \"^(TR|ES)$\"",
                "at: must be a date-time in the format yyyy-MM-dd'T'HH:mm:ss.SSSZ",
                "day: must be a date in the format yyyy-MM-dd",
                "tags: size must be between 0 and 2",
                "tags: must only contain unique elements",
                "x: is not a known property",
            ]
        );
    }
}
