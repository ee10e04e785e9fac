//! "The examples win": where Infobip's spec refuses its own request examples, the compact
//! schemas are loosened until every example validates, so the SDK never refuses a request the
//! API's own documentation sends.
//!
//! For each example, the schema it is checked against is walked with it; every constraint the
//! example breaks is loosened at that place: a missing type is added, an enum gains the value, a
//! length, count or range bound is dropped, a required name the example leaves out stops being
//! required, a closed object is opened. A `oneOf`/`anyOf` loosens only the alternative that needs
//! the fewest changes; a discriminator loosens the schema its mapping names. Components are shared,
//! so a loosening holds wherever the component is used (the example shows what the API takes).

use serde_json::{Map, Value, json};

/// Bound keywords and whether the value breaks them.
const BOUNDS: [&str; 10] = [
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minItems",
    "maxItems",
    "minProperties",
    "maxProperties",
];

/// Loosens `schema` (a compact schema; `$ref`s index `schemas`) until `value` validates, and
/// says how many constraints were loosened.
pub fn relax(value: &Value, schema: &mut Value, schemas: &mut [Value]) -> usize {
    Walk { schemas, dry: false, following: Vec::new(), depth: 0 }.walk(value, schema)
}

struct Walk<'a> {
    schemas: &'a mut [Value],
    /// Count what would change without changing it.
    dry: bool,
    /// The references being followed, so a discriminator or alternative that leads back to one
    /// of them is not followed again.
    following: Vec<usize>,
    depth: usize,
}

impl Walk<'_> {
    fn walk(&mut self, value: &Value, schema: &mut Value) -> usize {
        if self.depth > 64 {
            return 0;
        }
        self.depth += 1;
        let changed = self.walk_schema(value, schema);
        self.depth -= 1;
        changed
    }

    /// Walks the schema at `index` of the shared list.
    fn walk_reference(&mut self, value: &Value, index: usize) -> usize {
        if index >= self.schemas.len() || self.following.contains(&index) {
            return 0;
        }
        self.following.push(index);
        let mut target = std::mem::take(&mut self.schemas[index]);
        let changed = self.walk(value, &mut target);
        self.schemas[index] = target;
        self.following.pop();
        changed
    }

    fn walk_schema(&mut self, value: &Value, schema: &mut Value) -> usize {
        let mut changed = 0;
        if let Some(index) = schema.get("$ref").and_then(Value::as_u64) {
            changed += self.walk_reference(value, usize::try_from(index).unwrap_or(usize::MAX));
        }
        let Some(object) = schema.as_object_mut() else { return changed };
        changed += self.loosen_here(value, object);
        match value {
            Value::Object(fields) => changed += self.walk_fields(fields, object),
            Value::Array(items) => {
                if let Some(item_schema) = object.get_mut("items") {
                    for item in items {
                        changed += self.walk(item, item_schema);
                    }
                }
            }
            _ => {}
        }
        if let Some(parts) = object.get_mut("allOf").and_then(Value::as_array_mut) {
            for part in parts {
                changed += self.walk(value, part);
            }
        }
        changed + self.walk_choice(value, object)
    }

    /// Type, enum, const and bounds at this place.
    fn loosen_here(&mut self, value: &Value, object: &mut Map<String, Value>) -> usize {
        let mut changed = 0;
        if let Some(types) = object.get_mut("type").and_then(Value::as_array_mut)
            && !types.iter().any(|t| type_matches(t, value))
        {
            changed += 1;
            if !self.dry {
                types.push(json!(type_name(value)));
            }
        }
        if let Some(allowed) = object.get_mut("enum").and_then(Value::as_array_mut)
            && !allowed.contains(value)
            && !value.is_null()
        {
            changed += 1;
            if !self.dry {
                allowed.push(value.clone());
            }
        }
        if object.get("const").is_some_and(|c| c != value) {
            changed += 1;
            if !self.dry {
                object.remove("const");
            }
        }
        for key in BOUNDS {
            if object.get(key).is_some_and(|bound| breaks(key, bound, value)) {
                changed += 1;
                if !self.dry {
                    object.remove(key);
                }
            }
        }
        changed
    }

    fn walk_fields(&mut self, fields: &Map<String, Value>, object: &mut Map<String, Value>) -> usize {
        let mut changed = 0;
        if let Some(required) = object.get_mut("required").and_then(Value::as_array_mut) {
            let missing = required.iter().filter(|r| r.as_str().is_some_and(|n| !fields.contains_key(n))).count();
            changed += missing;
            if !self.dry && missing > 0 {
                required.retain(|r| r.as_str().is_some_and(|n| fields.contains_key(n)));
            }
        }
        let known = |name: &str, object: &Map<String, Value>| {
            object
                .get("properties")
                .and_then(Value::as_array)
                .is_some_and(|list| list.iter().any(|p| p.get(0).and_then(Value::as_str) == Some(name)))
        };
        if object.get("closed") == Some(&Value::Bool(true)) && fields.keys().any(|k| !known(k, object)) {
            changed += 1;
            if !self.dry {
                object.remove("closed");
            }
        }
        for (name, field) in fields.iter().filter(|(_, f)| !f.is_null()) {
            let property = object
                .get_mut("properties")
                .and_then(Value::as_array_mut)
                .and_then(|list| list.iter_mut().find(|p| p.get(0).and_then(Value::as_str) == Some(name.as_str())))
                .and_then(|pair| pair.get_mut(1));
            match property {
                Some(property) => changed += self.walk(field, property),
                None => {
                    if let Some(extra) = object.get_mut("additional") {
                        changed += self.walk(field, extra);
                    }
                }
            }
        }
        changed
    }

    /// A discriminator's mapped schema, or the alternative that needs the fewest changes.
    fn walk_choice(&mut self, value: &Value, object: &mut Map<String, Value>) -> usize {
        let tag = object
            .get("discriminator")
            .and_then(|d| d.get("property"))
            .and_then(Value::as_str)
            .and_then(|property| value.get(property))
            .and_then(Value::as_str);
        let mapped =
            object.get("discriminator").and_then(|d| d.get("mapping")).and_then(Value::as_array).and_then(|m| {
                m.iter()
                    .find(|pair| pair.get(0).and_then(Value::as_str) == tag && tag.is_some())
                    .and_then(|p| p.get(1)?.as_u64())
            });
        if let Some(index) = mapped {
            return self.walk_reference(value, usize::try_from(index).unwrap_or(usize::MAX));
        }
        let mut changed = 0;
        for key in ["oneOf", "anyOf"] {
            let Some(alternatives) = object.get_mut(key).and_then(Value::as_array_mut) else { continue };
            if alternatives.is_empty() {
                continue;
            }
            let dry = self.dry;
            self.dry = true;
            let costs: Vec<usize> = alternatives.iter_mut().map(|a| self.walk(value, a)).collect();
            self.dry = dry;
            let (best, cost) =
                costs.iter().enumerate().min_by_key(|(_, c)| **c).map(|(i, c)| (i, *c)).unwrap_or((0, 0));
            if cost > 0 {
                changed += self.walk(value, &mut alternatives[best]);
            }
        }
        changed
    }
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn type_matches(wanted: &Value, value: &Value) -> bool {
    match (wanted.as_str(), value) {
        (Some("number"), Value::Number(_)) => true,
        (Some(t), v) => t == type_name(v),
        _ => true,
    }
}

/// Whether `value` breaks the bound `key` = `bound`.
fn breaks(key: &str, bound: &Value, value: &Value) -> bool {
    let Some(bound) = bound.as_f64() else { return false };
    let size = match value {
        Value::String(text) => text.chars().count() as f64,
        Value::Array(items) => items.len() as f64,
        Value::Object(fields) => fields.len() as f64,
        Value::Number(n) => n.as_f64().unwrap_or(0.0),
        _ => return false,
    };
    let applies = match key {
        "minLength" | "maxLength" => value.is_string(),
        "minItems" | "maxItems" => value.is_array(),
        "minProperties" | "maxProperties" => value.is_object(),
        _ => value.is_number(),
    };
    applies
        && match key {
            "minLength" | "minItems" | "minProperties" | "minimum" => size < bound,
            "maxLength" | "maxItems" | "maxProperties" | "maximum" => size > bound,
            "exclusiveMinimum" => size <= bound,
            "exclusiveMaximum" => size >= bound,
            _ => false,
        }
}
