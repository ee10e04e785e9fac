//! A JSON Schema validator for the subset Infobip's request schemas use.
//!
//! Supported: `$ref`, `type` (one or several, `null` included), `enum`, `const`,
//! `minLength`/`maxLength` (in characters), `minimum`/`maximum`/`exclusiveMinimum`/
//! `exclusiveMaximum`, `items`, `minItems`/`maxItems`, `uniqueItems`, `properties`, `required`,
//! `additionalProperties` (`false` or a schema), `minProperties`/`maxProperties`, `allOf`,
//! `anyOf`, `oneOf` and `discriminator` with a mapping.
//!
//! Deliberate choices, all on the lenient side (the API validates again):
//! - `oneOf` passes when at least one alternative matches, as `anyOf` does: most alternatives
//!   in the specs are open objects, so "exactly one" would refuse valid requests;
//! - a `discriminator` whose property names a mapped value validates against that schema only;
//!   an unmapped value falls back to the alternatives;
//! - `required` skips `readOnly` properties (they belong to responses);
//! - `null` for a property that is not required counts as absent, as the API's own JSON reader
//!   takes it (clients in every language write unset fields as `null`);
//! - `format` and `pattern` are not checked: the patterns are Java-flavoured (look-arounds,
//!   whole-value matching) and a wrong reading would refuse requests the API accepts.
//!
//! Every violation is reported, with the JSON pointer of the offending value.

use serde::Deserialize;
use serde_json::Value;

use crate::error::Violation;

/// How deep schemas may nest at one place of a value before validation gives up (a guard
/// against reference cycles that consume nothing).
const MAX_DEPTH: usize = 128;

/// A compacted schema, as `build/catalog.rs` writes it.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub(crate) struct Schema {
    #[serde(rename = "$ref")]
    pub(super) reference: Option<usize>,
    #[serde(rename = "type")]
    types: Vec<Type>,
    pub(super) properties: Vec<(String, Schema)>,
    required: Vec<String>,
    pub(super) closed: bool,
    pub(super) additional: Option<Box<Schema>>,
    pub(super) items: Option<Box<Schema>>,
    #[serde(rename = "enum")]
    allowed: Option<Vec<Value>>,
    #[serde(rename = "const")]
    constant: Option<Value>,
    min_length: Option<u64>,
    max_length: Option<u64>,
    minimum: Option<f64>,
    maximum: Option<f64>,
    exclusive_minimum: Option<f64>,
    exclusive_maximum: Option<f64>,
    min_items: Option<u64>,
    max_items: Option<u64>,
    unique_items: bool,
    min_properties: Option<u64>,
    max_properties: Option<u64>,
    pub(super) all_of: Vec<Schema>,
    pub(super) any_of: Vec<Schema>,
    pub(super) one_of: Vec<Schema>,
    pub(super) discriminator: Option<Discriminator>,
    read_only: bool,
}

#[derive(Clone, Debug, Default, Deserialize)]
pub(super) struct Discriminator {
    pub(super) property: String,
    pub(super) mapping: Vec<(String, usize)>,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum Type {
    String,
    Number,
    Integer,
    Boolean,
    Array,
    Object,
    Null,
    /// A type name this validator does not know: anything matches it.
    #[serde(other)]
    Other,
}

impl Type {
    fn matches(self, value: &Value) -> bool {
        match (self, value) {
            (Type::String, Value::String(_))
            | (Type::Number, Value::Number(_))
            | (Type::Boolean, Value::Bool(_))
            | (Type::Array, Value::Array(_))
            | (Type::Object, Value::Object(_))
            | (Type::Null, Value::Null)
            | (Type::Other, _) => true,
            (Type::Integer, Value::Number(n)) => {
                n.is_i64() || n.is_u64() || n.as_f64().is_some_and(|f| f.fract() == 0.0)
            }
            _ => false,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Type::String => "a string",
            Type::Number => "a number",
            Type::Integer => "an integer",
            Type::Boolean => "a boolean",
            Type::Array => "an array",
            Type::Object => "an object",
            Type::Null => "null",
            Type::Other => "a value",
        }
    }
}

/// What kind of JSON value `value` is, for messages.
pub(crate) fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

impl Schema {
    fn is_read_only(&self, schemas: &[Schema]) -> bool {
        self.read_only
            || self.reference.and_then(|r| schemas.get(r)).is_some_and(|s| s.is_read_only(schemas))
            || self.all_of.iter().any(|s| s.is_read_only(schemas))
    }

    fn property(&self, name: &str) -> Option<&Schema> {
        self.properties.iter().find(|(n, _)| n == name).map(|(_, s)| s)
    }
}

/// Validates `value` against `schema`; returns every violation, its property being the JSON
/// pointer of the value (`/messages/0/destinations/0/to`) prefixed by `prefix`.
pub(crate) fn validate(schema: &Schema, value: &Value, schemas: &[Schema], prefix: &str) -> Vec<Violation> {
    let mut run = Run { schemas, violations: Vec::new(), depth: 0 };
    let mut at = prefix.to_owned();
    run.check(schema, value, &mut at, &[]);
    let mut seen = std::collections::HashSet::new();
    run.violations.retain(|v| seen.insert((v.property.clone(), v.message.clone())));
    run.violations
}

struct Run<'a> {
    schemas: &'a [Schema],
    violations: Vec<Violation>,
    depth: usize,
}

impl Run<'_> {
    fn push(&mut self, at: &str, message: String) {
        self.violations.push(Violation::new(at, message));
    }

    /// `choosing`: the schemas whose discriminator or alternatives are being followed at this
    /// place (so a mapped schema or an alternative that includes its parent does not choose again).
    fn check(&mut self, schema: &Schema, value: &Value, at: &mut String, choosing: &[usize]) {
        if self.depth >= MAX_DEPTH {
            self.push(at, "is nested too deeply to validate".to_owned());
            return;
        }
        self.depth += 1;
        self.check_schema(schema, value, at, choosing);
        self.depth -= 1;
    }

    fn check_schema(&mut self, schema: &Schema, value: &Value, at: &mut String, choosing: &[usize]) {
        if let Some(target) = schema.reference.and_then(|r| self.schemas.get(r)) {
            self.check(target, value, at, choosing);
        }
        if !schema.types.is_empty() && !schema.types.iter().any(|t| t.matches(value)) {
            let wanted: Vec<&str> = schema.types.iter().map(|t| t.name()).collect();
            self.push(at, format!("must be {}, not {}", wanted.join(" or "), kind(value)));
            return;
        }
        if let Some(allowed) = &schema.allowed
            && !allowed.iter().any(|a| equal(a, value))
        {
            self.push(at, format!("must be one of {}", list_values(allowed)));
        }
        if let Some(constant) = &schema.constant
            && !equal(constant, value)
        {
            self.push(at, format!("must be {constant}"));
        }
        match value {
            Value::String(text) => self.check_string(schema, text, at),
            Value::Number(number) => self.check_number(schema, number.as_f64().unwrap_or(0.0), at),
            Value::Array(items) => self.check_array(schema, items, at),
            Value::Object(fields) => self.check_object(schema, fields, at),
            _ => {}
        }
        for part in &schema.all_of {
            self.check(part, value, at, choosing);
        }
        // A schema's choice (discriminator or alternatives) is made once per place: its
        // alternatives often include the schema itself through `allOf`.
        let id = schema as *const Schema as usize;
        if (schema.discriminator.is_some() || !schema.one_of.is_empty() || !schema.any_of.is_empty())
            && !choosing.contains(&id)
        {
            let mut inner = choosing.to_vec();
            inner.push(id);
            if !self.dispatch(schema, value, at, &inner) {
                for alternatives in [&schema.one_of, &schema.any_of] {
                    self.check_alternatives(alternatives, value, at, &inner);
                }
            }
        }
    }

    fn check_string(&mut self, schema: &Schema, text: &str, at: &str) {
        if schema.min_length.is_none() && schema.max_length.is_none() {
            return;
        }
        let length = text.chars().count() as u64;
        if let Some(min) = schema.min_length.filter(|min| length < *min) {
            self.push(at, format!("must have at least {min} character(s), not {length}"));
        }
        if let Some(max) = schema.max_length.filter(|max| length > *max) {
            self.push(at, format!("must have at most {max} character(s), not {length}"));
        }
    }

    fn check_number(&mut self, schema: &Schema, number: f64, at: &str) {
        if let Some(min) = schema.minimum.filter(|min| number < *min) {
            self.push(at, format!("must be at least {min}"));
        }
        if let Some(max) = schema.maximum.filter(|max| number > *max) {
            self.push(at, format!("must be at most {max}"));
        }
        if let Some(min) = schema.exclusive_minimum.filter(|min| number <= *min) {
            self.push(at, format!("must be more than {min}"));
        }
        if let Some(max) = schema.exclusive_maximum.filter(|max| number >= *max) {
            self.push(at, format!("must be less than {max}"));
        }
    }

    fn check_array(&mut self, schema: &Schema, items: &[Value], at: &mut String) {
        let count = items.len() as u64;
        if let Some(min) = schema.min_items.filter(|min| count < *min) {
            self.push(at, format!("must have at least {min} item(s), not {count}"));
        }
        if let Some(max) = schema.max_items.filter(|max| count > *max) {
            self.push(at, format!("must have at most {max} item(s), not {count}"));
        }
        if schema.unique_items
            && items.iter().enumerate().any(|(i, item)| items[..i].iter().any(|other| equal(other, item)))
        {
            self.push(at, "must not repeat items".to_owned());
        }
        if let Some(item_schema) = &schema.items {
            for (index, item) in items.iter().enumerate() {
                let len = at.len();
                at.push('/');
                at.push_str(&index.to_string());
                self.check(item_schema, item, at, &[]);
                at.truncate(len);
            }
        }
    }

    fn check_object(&mut self, schema: &Schema, fields: &serde_json::Map<String, Value>, at: &mut String) {
        for name in &schema.required {
            let read_only = schema.property(name).is_some_and(|p| p.is_read_only(self.schemas));
            if !fields.contains_key(name) && !read_only {
                let len = at.len();
                push_segment(at, name);
                self.push(at, "is required".to_owned());
                at.truncate(len);
            }
        }
        let count = fields.len() as u64;
        if let Some(min) = schema.min_properties.filter(|min| count < *min) {
            self.push(at, format!("must have at least {min} properties"));
        }
        if let Some(max) = schema.max_properties.filter(|max| count > *max) {
            self.push(at, format!("must have at most {max} properties"));
        }
        for (name, field) in fields {
            if field.is_null() && !schema.required.contains(name) {
                continue;
            }
            let len = at.len();
            push_segment(at, name);
            match (schema.property(name), &schema.additional) {
                (Some(property), _) => self.check(property, field, at, &[]),
                (None, Some(extra)) => self.check(extra, field, at, &[]),
                (None, None) if schema.closed => {
                    let known: Vec<&str> = schema.properties.iter().map(|(n, _)| n.as_str()).collect();
                    self.push(at, format!("is not a known property (known: {})", known.join(", ")));
                }
                (None, None) => {}
            }
            at.truncate(len);
        }
    }

    /// Follows a discriminator's mapping; whether it chose a schema.
    fn dispatch(&mut self, schema: &Schema, value: &Value, at: &mut String, choosing: &[usize]) -> bool {
        let Some(discriminator) = &schema.discriminator else { return false };
        let tag = value.get(&discriminator.property).and_then(Value::as_str);
        let target = tag
            .and_then(|tag| discriminator.mapping.iter().find(|(v, _)| v == tag))
            .and_then(|(_, index)| self.schemas.get(*index));
        let Some(target) = target else { return false };
        self.check(target, value, at, choosing);
        true
    }

    fn check_alternatives(&mut self, alternatives: &[Schema], value: &Value, at: &mut String, choosing: &[usize]) {
        if alternatives.is_empty() {
            return;
        }
        let mut closest: Option<Vec<Violation>> = None;
        for alternative in alternatives {
            let mut run = Run { schemas: self.schemas, violations: Vec::new(), depth: self.depth };
            run.check(alternative, value, at, choosing);
            if run.violations.is_empty() {
                return;
            }
            if closest.as_ref().is_none_or(|c| run.violations.len() < c.len()) {
                closest = Some(run.violations);
            }
        }
        // None matched: report what the closest alternative still lacks.
        self.violations.extend(closest.unwrap_or_default());
    }
}

/// JSON equality, where numbers are equal by value (`2` and `2.0`).
fn equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(a, b)| equal(a, b)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, a)| y.get(k).is_some_and(|b| equal(a, b)))
        }
        _ => a == b,
    }
}

/// Appends a JSON pointer segment (`~` → `~0`, `/` → `~1`).
fn push_segment(at: &mut String, name: &str) {
    at.push('/');
    at.push_str(&name.replace('~', "~0").replace('/', "~1"));
}

fn list_values(values: &[Value]) -> String {
    const SHOWN: usize = 12;
    let mut parts: Vec<String> = values.iter().take(SHOWN).map(Value::to_string).collect();
    if values.len() > SHOWN {
        parts.push(format!("… ({} values)", values.len()));
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn schema(value: Value) -> Schema {
        serde_json::from_value(value).unwrap()
    }

    fn props(violations: &[Violation]) -> Vec<&str> {
        violations.iter().map(|v| v.property.as_str()).collect()
    }

    #[test]
    fn reports_every_violation_with_its_pointer() {
        let s = schema(json!({
            "type": ["object"], "required": ["messages"],
            "properties": [["messages", {"type": ["array"], "minItems": 1, "items": {
                "type": ["object"], "required": ["destinations", "text"],
                "properties": [["destinations", {"type": ["array"], "items": {
                    "type": ["object"], "required": ["to"],
                    "properties": [["to", {"type": ["string"], "maxLength": 5}]]}}],
                    ["text", {"type": ["string"]}]]}}]]
        }));
        let body = json!({"messages": [{"destinations": [{"to": 41793026727_i64}, {"to": "123456"}, {}]}]});
        let v = validate(&s, &body, &[], "");
        assert_eq!(
            props(&v),
            [
                "/messages/0/text",
                "/messages/0/destinations/0/to",
                "/messages/0/destinations/1/to",
                "/messages/0/destinations/2/to"
            ],
            "{v:?}"
        );
        assert_eq!(v[1].message, "must be a string, not a number");
        assert!(validate(&s, &json!({"messages": [{"destinations": [], "text": "hi"}]}), &[], "").is_empty());
    }

    #[test]
    fn types_enums_numbers_and_nulls() {
        let s = schema(json!({"type": ["integer", "null"], "minimum": 1, "maximum": 10, "enum": [1, 2, 20, null]}));
        assert!(validate(&s, &json!(2), &[], "").is_empty());
        assert!(validate(&s, &json!(null), &[], "").is_empty());
        assert!(validate(&s, &json!(2.0), &[], "").is_empty());
        assert_eq!(validate(&s, &json!(2.5), &[], "x")[0].message, "must be an integer or null, not a number");
        let v = validate(&s, &json!(20), &[], "");
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].message, "must be at most 10");
        assert_eq!(validate(&s, &json!(3), &[], "")[0].message, "must be one of 1, 2, 20, null");
    }

    #[test]
    fn references_closed_objects_and_escaped_pointers() {
        let schemas =
            vec![schema(json!({"type": ["object"], "closed": true, "properties": [["a/b", {"type": ["boolean"]}]]}))];
        let s = schema(json!({"$ref": 0}));
        let v = validate(&s, &json!({"a/b": 1, "c~": true}), &schemas, "");
        assert_eq!(props(&v), ["/a~1b", "/c~0"]);
        assert!(v[1].message.contains("known: a/b"), "{v:?}");
    }

    #[test]
    fn discriminator_dispatches_once_and_alternatives_report_the_closest() {
        // 0: the parent, mapping TEXT to 1; 1: a child that includes the parent.
        let schemas = vec![
            schema(json!({"type": ["object"], "required": ["type"], "properties": [["type", {"type": ["string"]}]],
                "discriminator": {"property": "type", "mapping": [["TEXT", 1]]}})),
            schema(json!({"allOf": [{"$ref": 0}, {"type": ["object"], "required": ["text"],
                "properties": [["text", {"type": ["string"]}]]}]})),
        ];
        let parent = schema(json!({"$ref": 0}));
        assert_eq!(props(&validate(&parent, &json!({"type": "TEXT"}), &schemas, "")), ["/text"]);
        assert!(validate(&parent, &json!({"type": "TEXT", "text": "hi"}), &schemas, "").is_empty());
        assert!(validate(&parent, &json!({"type": "OTHER"}), &schemas, "").is_empty());

        let either = schema(json!({"oneOf": [
            {"type": ["object"], "required": ["a", "b"]},
            {"type": ["object"], "required": ["c"]}
        ]}));
        assert!(validate(&either, &json!({"c": 1}), &[], "").is_empty());
        // A parent whose alternatives include it back (the generated-model pattern).
        let schemas = vec![
            schema(json!({"type": ["object"], "oneOf": [{"$ref": 1}, {"$ref": 2}]})),
            schema(json!({"allOf": [{"$ref": 0}, {"required": ["a"]}]})),
            schema(json!({"allOf": [{"$ref": 0}, {"required": ["b"]}]})),
        ];
        let parent = schema(json!({"$ref": 0}));
        assert!(validate(&parent, &json!({"b": 1}), &schemas, "").is_empty());
        assert_eq!(props(&validate(&parent, &json!({}), &schemas, "")), ["/a"]);
        assert_eq!(props(&validate(&either, &json!({"a": 1}), &[], "")), ["/b"]);
    }

    #[test]
    fn read_only_properties_are_not_required() {
        let s = schema(json!({"type": ["object"], "required": ["id", "name"],
            "properties": [["id", {"readOnly": true}], ["name", {"type": ["string"]}]]}));
        assert_eq!(props(&validate(&s, &json!({}), &[], "")), ["/name"]);
    }

    #[test]
    fn strings_arrays_and_uniqueness() {
        let s = schema(json!({"type": ["array"], "maxItems": 2, "uniqueItems": true,
            "items": {"type": ["string"], "minLength": 2}}));
        let v = validate(&s, &json!(["é", "ab", "ab"]), &[], "");
        assert_eq!(props(&v), ["", "", "/0"]);
        assert_eq!(v[2].message, "must have at least 2 character(s), not 1");
    }
}
