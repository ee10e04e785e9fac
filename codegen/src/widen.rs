//! "The examples win", for types: where Infobip's own examples (request bodies, success answers,
//! webhook pushes) disagree with the schema, the generated type is widened so that it holds what
//! the examples hold, in every language at once.
//!
//! Walking each example along the type it documents:
//! - a value of another JSON type than the schema's makes that place any JSON value (a map
//!   where the schema says text, text where it says a number), except an integer where a number
//!   is expected (fine) and a fraction where an integer is expected (a number);
//! - a date-time that does not read as one makes that place text;
//! - a property the object type does not have is added, typed from the value;
//! - a polymorphic value follows its discriminator's mapping; a union, its first variant whose
//!   required fields are present.
//!
//! An example that is a string where an object is documented is text of JSON: it is read when
//! it parses, skipped when it does not (a few examples have a missing comma).

use serde_json::Value;

use crate::ir::{Field, Product, Response, Ty, TypeId, TypeKind};
use crate::names::{camel_ident, snake_ident};

const METHODS: [&str; 7] = ["get", "put", "post", "delete", "patch", "head", "options"];

/// Widens the types of `product` to hold every example of its spec.
pub fn examples(product: &mut Product, spec: &Value) {
    let mut found: Vec<(Value, Ty, Place)> = Vec::new();
    for (index, op) in product.operations.iter().enumerate() {
        let Some(item) = spec.pointer(&format!("/paths/{}", escape(&op.path))) else { continue };
        let Some(raw) = item.get(op.method.to_lowercase()) else { continue };
        if let Some(body) = &op.body {
            for example in media_examples(spec, raw.pointer("/requestBody/content/application~1json")) {
                found.push((example, body.ty.clone(), Place::Body(index)));
            }
        }
        if let Response::Json { status, ty } = &op.response {
            let media = raw.pointer(&format!("/responses/{status}/content/application~1json"));
            for example in media_examples(spec, media) {
                found.push((example, ty.clone(), Place::Answer(index)));
            }
        }
    }
    for (index, hook) in product.webhooks.iter().enumerate() {
        let Some(item) = spec.pointer(&format!("/webhooks/{}", escape(&hook.key))) else { continue };
        let raw = METHODS.iter().find_map(|m| item.get(*m));
        let media = raw.and_then(|r| r.pointer("/requestBody/content/application~1json"));
        for example in media_examples(spec, media) {
            found.push((example, hook.ty.clone(), Place::Hook(index)));
        }
    }
    let mut walk = Walk { product, depth: 0 };
    for (example, ty, place) in found {
        let current = walk.current(place).unwrap_or(ty);
        if let Some(widened) = walk.value(&example, &current) {
            walk.replace(place, widened);
        }
    }
    unflatten_clashes(product);
}

/// Where an example's type sits.
#[derive(Clone, Copy)]
enum Place {
    Body(usize),
    Answer(usize),
    Hook(usize),
}

/// A body whose fields gained a name that a parameter has can no longer sit beside them.
fn unflatten_clashes(product: &mut Product) {
    let types = &product.types;
    for op in &mut product.operations {
        let Some(body) = &mut op.body else { continue };
        let Some(id) = body.flatten else { continue };
        if let TypeKind::Object { fields, .. } = &types[id.0].kind
            && fields.iter().any(|f| op.params.iter().any(|p| p.snake == f.snake || p.camel == f.camel))
        {
            body.flatten = None;
        }
    }
}

fn escape(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

/// `example` and every `examples.*.value` of a media object; text where JSON was documented is
/// read as JSON when it parses and dropped when it does not. A media object without examples falls
/// back on its schema's own `example` (what the emulator answers with then).
fn media_examples(spec: &Value, media: Option<&Value>) -> Vec<Value> {
    let Some(media) = media else { return Vec::new() };
    let named =
        media.get("examples").and_then(Value::as_object).into_iter().flatten().filter_map(|(_, e)| e.get("value"));
    let documented_text = media.pointer("/schema/type").and_then(Value::as_str) == Some("string");
    let mut own: Vec<&Value> = media.get("example").into_iter().chain(named).collect();
    if own.is_empty() {
        own.extend(schema_example(spec, media.get("schema")));
    }
    own.into_iter()
        .filter_map(|example| match example {
            Value::String(text) if !documented_text => serde_json::from_str(text).ok(),
            other => Some(other.clone()),
        })
        .collect()
}

/// The `example` of `schema`, following one `$ref` into the spec's components.
fn schema_example<'s>(spec: &'s Value, schema: Option<&'s Value>) -> Option<&'s Value> {
    let schema = schema?;
    let target = match schema.get("$ref").and_then(Value::as_str) {
        Some(reference) => spec.pointer(reference.strip_prefix('#')?)?,
        None => schema,
    };
    target.get("example")
}

struct Walk<'a> {
    product: &'a mut Product,
    depth: usize,
}

impl Walk<'_> {
    /// The type `ty` must become to hold `value`, or `None` when it holds it already (named types
    /// are widened in place).
    fn value(&mut self, value: &Value, ty: &Ty) -> Option<Ty> {
        if value.is_null() || self.depth > 64 {
            return None;
        }
        self.depth += 1;
        let widened = self.value_inner(value, ty);
        self.depth -= 1;
        widened
    }

    fn value_inner(&mut self, value: &Value, ty: &Ty) -> Option<Ty> {
        match (ty, value) {
            (Ty::Any | Ty::Binary, _) => None,
            (Ty::String | Ty::Date | Ty::Literal(_), Value::String(_)) => None,
            (Ty::DateTime, Value::String(text)) => (!looks_like_date_time(text)).then_some(Ty::String),
            (Ty::DateTime, Value::Number(n)) if n.is_i64() => None,
            (Ty::Integer { .. }, Value::Number(n)) => (!(n.is_i64() || n.is_u64())).then_some(Ty::Number),
            (Ty::Number, Value::Number(_)) | (Ty::Boolean, Value::Bool(_)) => None,
            (Ty::List(inner), Value::Array(items)) => {
                let mut inner = (**inner).clone();
                let mut changed = false;
                for item in items {
                    if let Some(w) = self.value(item, &inner) {
                        inner = w;
                        changed = true;
                    }
                }
                changed.then(|| Ty::List(Box::new(inner)))
            }
            (Ty::Map(inner), Value::Object(entries)) => {
                let mut inner = (**inner).clone();
                let mut changed = false;
                for item in entries.values() {
                    if let Some(w) = self.value(item, &inner) {
                        inner = w;
                        changed = true;
                    }
                }
                changed.then(|| Ty::Map(Box::new(inner)))
            }
            (Ty::Named(id), _) => self.named(value, *id),
            _ => Some(Ty::Any),
        }
    }

    fn named(&mut self, value: &Value, id: TypeId) -> Option<Ty> {
        let target = match &self.product.types[id.0].kind {
            TypeKind::Enum { .. } => return (!value.is_string()).then_some(Ty::Any),
            TypeKind::Union { variants } => {
                let chosen = variants.iter().find(|v| self.fits(value, v)).cloned();
                return chosen.and_then(|variant| self.value(value, &variant)).map(|_| Ty::Any);
            }
            TypeKind::Object { discriminator: Some(d), .. } => {
                let tag = value.get(&d.property).and_then(Value::as_str);
                d.mapping.iter().find(|(t, _)| Some(t.as_str()) == tag).map(|(_, sub)| *sub).unwrap_or(id)
            }
            TypeKind::Object { .. } => id,
        };
        let Value::Object(entries) = value else { return Some(Ty::Any) };
        for (wire, item) in entries {
            let existing = match &self.product.types[target.0].kind {
                TypeKind::Object { fields, .. } => fields.iter().position(|f| f.wire == *wire),
                _ => None,
            };
            match existing {
                Some(index) => {
                    let ty = self.field_ty(target, index);
                    if let Some(widened) = self.value(item, &ty) {
                        self.set_field_ty(target, index, widened);
                    }
                }
                None if !item.is_null() => self.add_field(target, wire, item),
                None => {}
            }
        }
        None
    }

    /// Whether `value` fits `variant`: an object with every required field, or the right JSON type.
    fn fits(&self, value: &Value, variant: &Ty) -> bool {
        match variant {
            Ty::Named(id) => match &self.product.types[id.0].kind {
                TypeKind::Object { fields, discriminator: None, .. } => {
                    value.is_object() && fields.iter().filter(|f| f.required).all(|f| value.get(&f.wire).is_some())
                }
                TypeKind::Enum { .. } => value.is_string(),
                _ => value.is_object(),
            },
            Ty::List(_) => value.is_array(),
            Ty::Map(_) | Ty::Any => value.is_object(),
            Ty::Integer { .. } | Ty::Number => value.is_number(),
            Ty::Boolean => value.is_boolean(),
            _ => value.is_string(),
        }
    }

    fn field_ty(&self, owner: TypeId, index: usize) -> Ty {
        match &self.product.types[owner.0].kind {
            TypeKind::Object { fields, .. } => fields[index].ty.clone(),
            _ => Ty::Any,
        }
    }

    fn set_field_ty(&mut self, owner: TypeId, index: usize, ty: Ty) {
        if let TypeKind::Object { fields, .. } = &mut self.product.types[owner.0].kind {
            fields[index].ty = ty;
        }
    }

    fn add_field(&mut self, owner: TypeId, wire: &str, value: &Value) {
        let ty = match value {
            Value::String(_) => Ty::String,
            Value::Bool(_) => Ty::Boolean,
            Value::Number(n) if n.is_i64() || n.is_u64() => Ty::Integer { bits: 64 },
            Value::Number(_) => Ty::Number,
            _ => Ty::Any,
        };
        if let TypeKind::Object { fields, .. } = &mut self.product.types[owner.0].kind {
            let (snake, camel) = (snake_ident(wire), camel_ident(wire));
            // A key named like a documented field in another spelling (`audioSourceType` beside
            // the schema's `Audio source type`) is not added: every language finds a field by
            // the snake or camel form of its wire name, which must stay one field's.
            if fields.iter().any(|f| f.snake == snake || f.camel == camel) {
                return;
            }
            fields.push(Field {
                wire: wire.to_owned(),
                snake,
                camel,
                doc: "Not in the spec's schema; Infobip's own examples have it.".to_owned(),
                ty,
                required: false,
                nullable: false,
                deprecated: false,
                read_only: false,
            });
        }
    }

    /// The type at `place` now (an earlier example may have widened it).
    fn current(&self, place: Place) -> Option<Ty> {
        match place {
            Place::Body(i) => self.product.operations[i].body.as_ref().map(|b| b.ty.clone()),
            Place::Answer(i) => match &self.product.operations[i].response {
                Response::Json { ty, .. } => Some(ty.clone()),
                _ => None,
            },
            Place::Hook(i) => Some(self.product.webhooks[i].ty.clone()),
        }
    }

    /// Widens the whole type at `place`.
    fn replace(&mut self, place: Place, widened: Ty) {
        match place {
            Place::Body(i) => {
                if let Some(body) = &mut self.product.operations[i].body {
                    body.ty = widened;
                    body.flatten = None;
                }
            }
            Place::Answer(i) => {
                if let Response::Json { ty, .. } = &mut self.product.operations[i].response {
                    *ty = widened;
                }
            }
            Place::Hook(i) => self.product.webhooks[i].ty = widened,
        }
    }
}

/// Whether text reads as an Infobip date-time: a date, then a time (`2026-01-01T10:00:00…`).
fn looks_like_date_time(text: &str) -> bool {
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| bytes.get(range).is_some_and(|b| b.iter().all(u8::is_ascii_digit));
    digits(0..4)
        && bytes.get(4) == Some(&b'-')
        && digits(5..7)
        && bytes.get(7) == Some(&b'-')
        && digits(8..10)
        && (bytes.len() == 10 || (matches!(bytes.get(10), Some(b'T' | b' ')) && digits(11..13)))
}
