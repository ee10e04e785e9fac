//! Object keys in a caller's case (`bulk_id`) ↔ the API's names (`bulkId`), guided by an
//! operation's request schema: a key is converted where the schema names a property, kept as
//! it is where the object is a map of the caller's own keys (`additionalProperties`) or the
//! schema does not describe it, and refused where the object lists its properties and the key
//! is none of them.
//!
//! [`Keys::to_wire`] converts a request value; [`Keys::caller_path`] turns a violation's JSON
//! pointer (`/messages/0/destinations/0/to`) back into the caller's path
//! (`messages[0].destinations[0].to`).

use std::collections::HashSet;

use serde_json::{Map, Value};

use super::schema::{Discriminator, Schema};
use crate::error::Violation;

/// The walk over one operation's schemas.
pub(crate) struct Keys<'a> {
    /// Every component schema (what `$ref` indexes).
    pub(crate) schemas: &'a [Schema],
    /// A property's name in the caller's case.
    pub(crate) rename: fn(&str) -> String,
    /// Whether a key the object does not know is a violation (else it is sent as it is).
    pub(crate) strict: bool,
}

/// What an object schema offers once `$ref`, `allOf`, alternatives and discriminator mappings
/// are folded in.
#[derive(Default)]
struct View<'a> {
    properties: Vec<(&'a str, &'a Schema)>,
    additional: Option<&'a Schema>,
    items: Option<&'a Schema>,
}

impl<'a> View<'a> {
    /// The property a caller's key names: its API name first, then its name in the caller's case.
    fn find(&self, key: &str, rename: fn(&str) -> String) -> Option<(&'a str, &'a Schema)> {
        self.properties
            .iter()
            .find(|(name, _)| *name == key)
            .or_else(|| self.properties.iter().find(|(name, _)| rename(name) == key))
            .copied()
    }
}

impl<'a> Keys<'a> {
    /// Converts `value` (keys in the caller's case) into the API's names; problems go to
    /// `violations`, each named by its path in the caller's terms under `at`.
    pub(crate) fn to_wire(&self, schema: &'a Schema, value: Value, at: &str, violations: &mut Vec<Violation>) -> Value {
        match value {
            Value::Object(object) => {
                let view = self.view(schema, Some(&object));
                if view.properties.is_empty() && view.additional.is_none() {
                    return Value::Object(object);
                }
                let mut out = Map::with_capacity(object.len());
                for (key, item) in object {
                    let path = if at.is_empty() { key.clone() } else { format!("{at}.{key}") };
                    if let Some((name, property)) = view.find(&key, self.rename) {
                        let item = self.to_wire(property, item, &path, violations);
                        out.insert(name.to_owned(), item);
                    } else if let Some(extra) = view.additional {
                        let item = self.to_wire(extra, item, &path, violations);
                        out.insert(key, item);
                    } else if self.strict {
                        let known: Vec<String> = view.properties.iter().map(|(name, _)| (self.rename)(name)).collect();
                        violations
                            .push(Violation::new(path, format!("is not a known field (known: {})", known.join(", "))));
                    } else {
                        out.insert(key, item);
                    }
                }
                Value::Object(out)
            }
            Value::Array(items) => {
                let Some(item_schema) = self.view(schema, None).items else { return Value::Array(items) };
                let converted = items
                    .into_iter()
                    .enumerate()
                    .map(|(index, item)| self.to_wire(item_schema, item, &format!("{at}[{index}]"), violations))
                    .collect();
                Value::Array(converted)
            }
            other => other,
        }
    }

    /// The caller's path (`messages[0].destinations[0].to`, under `prefix`) of a JSON pointer
    /// into a value of `schema` (`/messages/0/destinations/0/to`).
    pub(crate) fn caller_path(&self, schema: &'a Schema, pointer: &str, prefix: &str) -> String {
        let mut path = prefix.to_owned();
        let mut at = Some(schema);
        for segment in pointer.split('/').skip(1) {
            let segment = segment.replace("~1", "/").replace("~0", "~");
            let view = at.map(|s| self.view(s, None)).unwrap_or_default();
            if let Some(property) = view.properties.iter().find(|(name, _)| **name == segment) {
                push_name(&mut path, &(self.rename)(&segment));
                at = Some(property.1);
            } else if let (Ok(index), Some(items)) = (segment.parse::<usize>(), view.items) {
                path.push_str(&format!("[{index}]"));
                at = Some(items);
            } else {
                push_name(&mut path, &segment);
                at = view.additional;
            }
        }
        path
    }

    /// The view of `schema`; `object` (the value at hand) picks a discriminator's mapping.
    fn view(&self, schema: &'a Schema, object: Option<&Map<String, Value>>) -> View<'a> {
        let mut view = View::default();
        let mut seen = HashSet::new();
        self.gather(schema, object, &mut view, &mut seen);
        view
    }

    fn gather(
        &self,
        schema: &'a Schema,
        object: Option<&Map<String, Value>>,
        view: &mut View<'a>,
        seen: &mut HashSet<*const Schema>,
    ) {
        if !seen.insert(schema as *const Schema) {
            return;
        }
        for (name, property) in &schema.properties {
            if !view.properties.iter().any(|(known, _)| known == name) {
                view.properties.push((name.as_str(), property));
            }
        }
        view.additional = view.additional.or(schema.additional.as_deref());
        view.items = view.items.or(schema.items.as_deref());
        let mut parts: Vec<&'a Schema> = schema.reference.and_then(|r| self.schemas.get(r)).into_iter().collect();
        parts.extend(&schema.all_of);
        match schema.discriminator.as_ref().and_then(|d| self.mapped(d, object)) {
            Some(target) => parts.push(target),
            None => {
                parts.extend(&schema.one_of);
                parts.extend(&schema.any_of);
                if let Some(d) = &schema.discriminator {
                    parts.extend(d.mapping.iter().filter_map(|(_, index)| self.schemas.get(*index)));
                }
            }
        }
        for part in parts {
            self.gather(part, object, view, seen);
        }
    }

    /// The schema a discriminator maps the object's tag to (the tag given under its API name
    /// or the caller's).
    fn mapped(&self, discriminator: &'a Discriminator, object: Option<&Map<String, Value>>) -> Option<&'a Schema> {
        let object = object?;
        let tag = object
            .get(&discriminator.property)
            .or_else(|| object.get(&(self.rename)(&discriminator.property)))
            .and_then(Value::as_str)?;
        let (_, index) = discriminator.mapping.iter().find(|(value, _)| value == tag)?;
        self.schemas.get(*index)
    }
}

fn push_name(path: &mut String, name: &str) {
    if !path.is_empty() {
        path.push('.');
    }
    path.push_str(name);
}

impl super::Operation {
    /// The request body given with keys in the caller's case, in the API's names; an unknown
    /// key is a violation (when `strict`) named by its path under `at`.
    pub(crate) fn body_to_wire(
        &self,
        body: Value,
        rename: fn(&str) -> String,
        strict: bool,
        at: &str,
        violations: &mut Vec<Violation>,
    ) -> Value {
        match &self.body {
            Some(spec) => {
                Keys { schemas: super::schemas(), rename, strict }.to_wire(&spec.schema, body, at, violations)
            }
            None => body,
        }
    }

    /// The caller's path of a JSON pointer into this operation's request body.
    pub(crate) fn body_path(&self, pointer: &str, rename: fn(&str) -> String, prefix: &str) -> String {
        match &self.body {
            Some(spec) => {
                Keys { schemas: super::schemas(), rename, strict: false }.caller_path(&spec.schema, pointer, prefix)
            }
            None => format!("{prefix}{}", pointer.replace('/', ".")),
        }
    }
}
