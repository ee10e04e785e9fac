//! Reads one spec file into a [`Product`]: every operation, every type it reaches, every
//! webhook event, each named once.
//!
//! How schemas become types:
//! - a component that is an object, an enum, a polymorphic base or a `oneOf` becomes a named
//!   type; one that is a bare primitive or a list is inlined where it is used;
//! - `allOf` merges its parts' fields; a part that is a polymorphic base (it has a
//!   `discriminator`) becomes the type's parent;
//! - inline objects are named after where they sit (`MessageContent`, `SendSmsMessagesBody`);
//! - two components of one product that want the same name share one type when their shapes
//!   are the same (descriptions and examples aside), and are numbered otherwise (`Message2`).
//!
//! Only what operations and webhooks reach is generated.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use crate::ir::{
    Body, Discriminator, Field, Location, Operation, Paging, Param, Product, Response, Ty, TypeDef, TypeId, TypeKind,
    Webhook,
};
use crate::names::{camel_ident, pascal_ident, snake_ident};
use crate::overlay::Overlay;

const METHODS: [&str; 7] = ["get", "put", "post", "delete", "patch", "head", "options"];
const COMPONENTS: &str = "#/components/schemas/";

/// Type names that some language's generated code needs for its own (built-in types, the
/// SDK's runtime types): a schema that asks for one is named after its product first
/// (`Error` → `SmsError`).
const RESERVED: &[&str] = &[
    "Any",
    "ApiResponse",
    "Array",
    "Blob",
    "Bool",
    "Boolean",
    "Box",
    "Buffer",
    "Byte",
    "Bytes",
    "Char",
    "Client",
    "Data",
    "Date",
    "DateTime",
    "Decimal",
    "Default",
    "Dict",
    "Dictionary",
    "Double",
    "Err",
    "Error",
    "Exception",
    "File",
    "FileDownload",
    "Float",
    "Flow",
    "Function",
    "Int",
    "List",
    "Literal",
    "Long",
    "Map",
    "Model",
    "None",
    "Nothing",
    "Number",
    "Object",
    "Ok",
    "Optional",
    "Page",
    "Pair",
    "Promise",
    "Record",
    "Result",
    "Self",
    "Sequence",
    "Set",
    "Short",
    "Some",
    "String",
    "Symbol",
    "Throwable",
    "TypedDict",
    "URL",
    "Union",
    "Unit",
    "Value",
    "Vec",
];

/// Reads the spec `file` (its name and parsed JSON) into a product.
pub fn product(file: &str, spec: &Value, overlay: &Overlay) -> Result<Product, String> {
    let key = file.trim_start_matches("infobip-").trim_end_matches(".json").trim_end_matches("-openapi").to_owned();
    let names = overlay.namespace(&key);
    let empty = Map::new();
    let components = spec.pointer("/components/schemas").and_then(Value::as_object).unwrap_or(&empty);
    let mut lower = Lower::new(&key, components, overlay);
    lower.taken.insert(names.pascal.clone());
    let mut operations = Vec::new();
    if let Some(paths) = spec.get("paths").and_then(Value::as_object) {
        for (path, item) in paths {
            let shared = item.get("parameters").and_then(Value::as_array).cloned().unwrap_or_default();
            for method in METHODS {
                if let Some(op) = item.get(method) {
                    operations.push(lower.operation(method, path, op, &shared)?);
                }
            }
        }
    }
    let mut webhooks = Vec::new();
    if let Some(events) = spec.get("webhooks").and_then(Value::as_object) {
        for (event, item) in events {
            if let Some(hook) = lower.webhook(event, item)? {
                webhooks.push(hook);
            }
        }
    }
    lower.drain()?;
    for op in &mut operations {
        op.request_type = lower.request_type_name(&op.pascal);
    }
    Ok(Product {
        key: key.clone(),
        file: file.to_owned(),
        snake: names.snake,
        camel: names.camel,
        pascal: names.pascal,
        title: spec.pointer("/info/title").and_then(Value::as_str).unwrap_or(&key).to_owned(),
        operations,
        types: lower.types.into_iter().map(|t| t.unwrap_or_else(placeholder)).collect(),
        webhooks,
    })
}

fn placeholder() -> TypeDef {
    TypeDef { name: String::new(), doc: String::new(), source: String::new(), kind: TypeKind::Enum { values: vec![] } }
}

struct Lower<'a> {
    product: &'a str,
    components: &'a Map<String, Value>,
    overlay: &'a Overlay,
    /// Types by id; `None` while reserved and not yet lowered.
    types: Vec<Option<TypeDef>>,
    /// Names taken in this product.
    taken: HashSet<String>,
    /// Component key → its type.
    by_component: HashMap<String, TypeId>,
    /// Wanted name → (shape, type) of the components that got it, to share identical ones.
    by_shape: HashMap<String, Vec<(String, TypeId)>>,
    /// Components reserved and waiting to be lowered.
    pending: Vec<(String, TypeId)>,
}

impl<'a> Lower<'a> {
    fn new(product: &'a str, components: &'a Map<String, Value>, overlay: &'a Overlay) -> Self {
        Lower {
            product,
            components,
            overlay,
            types: Vec::new(),
            taken: HashSet::new(),
            by_component: HashMap::new(),
            by_shape: HashMap::new(),
            pending: Vec::new(),
        }
    }

    fn operation(&mut self, method: &str, path: &str, op: &Value, shared: &[Value]) -> Result<Operation, String> {
        let id = text(op, "operationId");
        if id.is_empty() {
            return Err(format!("{}: {} {path} has no operationId", self.product, method.to_uppercase()));
        }
        let pascal = pascal_ident(&id);
        let mut raw: Vec<Value> = shared.to_vec();
        for p in op.get("parameters").and_then(Value::as_array).into_iter().flatten() {
            raw.retain(|q| !(q["name"] == p["name"] && q["in"] == p["in"]));
            raw.push(p.clone());
        }
        let mut params = Vec::new();
        for p in &raw {
            let location = match p.get("in").and_then(Value::as_str) {
                Some("path") => Location::Path,
                Some("query") => Location::Query,
                Some("header") => Location::Header,
                _ => continue,
            };
            let wire = text(p, "name");
            let schema = p.get("schema").cloned().unwrap_or(Value::Bool(true));
            let ty = self.ty(&schema, &format!("{pascal}{}", pascal_ident(&wire)))?;
            params.push(Param {
                snake: snake_ident(&wire),
                camel: camel_ident(&wire),
                wire,
                location,
                required: location == Location::Path || p.get("required").and_then(Value::as_bool) == Some(true),
                ty,
                doc: first_paragraph(p.get("description").or_else(|| schema.get("description"))),
            });
        }
        dedupe_params(&mut params);
        let body = match op.get("requestBody") {
            Some(body) => Some(self.body(body, &pascal, &params)?),
            None => None,
        };
        let response = self.response(op, &pascal)?;
        let paging = self.paging(&params, &raw, &response);
        let deprecation = op.get("x-deprecationInformation");
        Ok(Operation {
            snake: snake_ident(&id),
            camel: camel_ident(&id),
            pascal,
            method: method.to_uppercase(),
            path: path.to_owned(),
            summary: text(op, "summary"),
            doc: first_paragraph(op.get("description")),
            deprecated: op.get("deprecated").and_then(Value::as_bool) == Some(true) || deprecation.is_some(),
            successor: deprecation
                .and_then(|d| d.get("successorOperationId"))
                .and_then(Value::as_str)
                .map(str::to_owned),
            params,
            body,
            response,
            paging,
            request_type: String::new(),
            id,
        })
    }

    fn body(&mut self, body: &Value, pascal: &str, params: &[Param]) -> Result<Body, String> {
        let content = body.get("content").and_then(Value::as_object).cloned().unwrap_or_default();
        let chosen = preferred_request_type(content.keys().map(String::as_str));
        let schema =
            chosen.and_then(|t| content.get(t)).and_then(|m| m.get("schema")).cloned().unwrap_or(Value::Bool(true));
        let ty = self.ty(&schema, &format!("{pascal}Body"))?;
        let flatten = match &ty {
            Ty::Named(id) => self.flattenable(*id, params),
            _ => None,
        };
        Ok(Body {
            content_type: chosen.unwrap_or("application/json").to_owned(),
            required: body.get("required").and_then(Value::as_bool) == Some(true),
            ty,
            flatten,
        })
    }

    /// An object body whose fields can be arguments beside the parameters.
    fn flattenable(&mut self, id: TypeId, params: &[Param]) -> Option<TypeId> {
        self.drain().ok()?;
        match &self.types.get(id.0)?.as_ref()?.kind {
            TypeKind::Object { fields, discriminator: None, additional: None, .. } => {
                let clash = fields.iter().any(|f| params.iter().any(|p| p.snake == f.snake || p.camel == f.camel));
                (!clash && !fields.is_empty()).then_some(id)
            }
            _ => None,
        }
    }

    fn response(&mut self, op: &Value, pascal: &str) -> Result<Response, String> {
        let Some(responses) = op.get("responses").and_then(Value::as_object) else {
            return Ok(Response::Empty { status: 200 });
        };
        let mut success: Vec<(u16, &Value)> =
            responses.iter().filter_map(|(code, r)| Some((code.parse::<u16>().ok()?, r))).collect();
        success.retain(|(code, _)| (200..300).contains(code));
        success
            .sort_by_key(|(code, r)| (r.get("content").is_none_or(|c| c.as_object().is_none_or(Map::is_empty)), *code));
        let Some((status, response)) = success.first().copied() else {
            return Ok(Response::Empty { status: 200 });
        };
        let content = response.get("content").and_then(Value::as_object).cloned().unwrap_or_default();
        if content.is_empty() {
            return Ok(Response::Empty { status });
        }
        let types: Vec<String> = content.keys().cloned().collect();
        let json = types.iter().find(|t| is_json(t));
        if let Some(json) = json {
            let schema = content[json].get("schema").cloned().unwrap_or(Value::Bool(true));
            if !is_binary(&schema) {
                let ty = self.ty(&schema, &format!("{pascal}Response"))?;
                return Ok(Response::Json { status, ty });
            }
        }
        let wildcard = types.iter().find(|t| t.as_str() == "*/*");
        if let Some(any) = wildcard {
            let schema = content[any].get("schema").cloned().unwrap_or(Value::Bool(true));
            if schema.get("type").and_then(Value::as_str) == Some("object") || schema.get("$ref").is_some() {
                let ty = self.ty(&schema, &format!("{pascal}Response"))?;
                return Ok(Response::Json { status, ty });
            }
        }
        let texty = |t: &String| t.starts_with("text/plain") || t.starts_with("text/html") || t.ends_with("/xml");
        if types.iter().all(texty) {
            return Ok(Response::Text { status, content_types: types });
        }
        Ok(Response::File { status, content_types: types })
    }

    fn paging(&mut self, params: &[Param], raw: &[Value], response: &Response) -> Option<Paging> {
        let Response::Json { ty: Ty::Named(id), .. } = response else { return None };
        self.drain().ok()?;
        let fields = self.object_fields(*id)?;
        let query = |names: &[&str]| {
            params.iter().find(|p| p.location == Location::Query && names.contains(&p.wire.as_str())).map(|p| &p.wire)
        };
        let items = ["results", "items", "content", "conversations", "data"]
            .iter()
            .find_map(|name| fields.iter().find(|f| f.wire == *name && matches!(f.ty, Ty::List(_))))
            .or_else(|| fields.iter().find(|f| matches!(f.ty, Ty::List(_))))?
            .wire
            .clone();
        if let Some(param) = query(&["cursor"]) {
            let next = if fields.iter().any(|f| f.wire == "nextCursor") {
                vec!["nextCursor".to_owned()]
            } else {
                fields.iter().find_map(|f| match &f.ty {
                    Ty::Named(inner) => self
                        .object_fields(*inner)?
                        .iter()
                        .any(|g| g.wire == "nextCursor")
                        .then(|| vec![f.wire.clone(), "nextCursor".to_owned()]),
                    _ => None,
                })?
            };
            let flag = params
                .iter()
                .find(|p| p.location == Location::Query && p.wire == "useCursor" && p.ty == Ty::Boolean)
                .map(|p| p.wire.clone());
            return Some(Paging::Cursor { param: param.clone(), next, items, flag });
        }
        let page =
            params.iter().find(|p| p.location == Location::Query && (p.wire == "page" || p.wire == "pageNumber"))?;
        if !matches!(page.ty, Ty::Integer { .. }) {
            return None;
        }
        let schema =
            raw.iter().find(|p| p["name"] == page.wire.as_str() && p["in"] == "query").and_then(|p| p.get("schema"));
        let first =
            schema.and_then(|s| s.get("default").or_else(|| s.get("minimum"))).and_then(Value::as_i64).unwrap_or(0);
        Some(Paging::Page {
            param: page.wire.clone(),
            size: query(&["size", "pageSize", "limit"]).cloned(),
            first,
            items,
        })
    }

    fn object_fields(&self, id: TypeId) -> Option<&[Field]> {
        match &self.types.get(id.0)?.as_ref()?.kind {
            TypeKind::Object { fields, .. } => Some(fields),
            _ => None,
        }
    }

    fn webhook(&mut self, event: &str, item: &Value) -> Result<Option<Webhook>, String> {
        let Some(op) = METHODS.iter().find_map(|m| item.get(*m)) else { return Ok(None) };
        let Some(content) = op.pointer("/requestBody/content").and_then(Value::as_object) else { return Ok(None) };
        let Some(chosen) = preferred_request_type(content.keys().map(String::as_str)) else { return Ok(None) };
        let pascal = pascal_ident(event);
        let schema = content[chosen].get("schema").cloned().unwrap_or(Value::Bool(true));
        let ty = self.ty(&schema, &format!("{pascal}Body"))?;
        Ok(Some(Webhook {
            key: event.to_owned(),
            snake: snake_ident(event),
            camel: camel_ident(event),
            pascal,
            summary: text(op, "summary"),
            content_type: chosen.to_owned(),
            ty,
        }))
    }

    /// Lowers every reserved component.
    fn drain(&mut self) -> Result<(), String> {
        while let Some((key, id)) = self.pending.pop() {
            let schema = self.components.get(&key).cloned().unwrap_or(Value::Bool(true));
            let name = self.types[id.0].as_ref().map(|t| t.name.clone()).unwrap_or_default();
            let kind = self.kind(&schema, &name)?;
            if let Some(t) = self.types[id.0].as_mut() {
                t.kind = kind;
            }
        }
        Ok(())
    }

    /// The type for a schema met at `context` (the name an inline object would get).
    fn ty(&mut self, schema: &Value, context: &str) -> Result<Ty, String> {
        let Some(object) = schema.as_object() else { return Ok(Ty::Any) };
        if let Some(reference) = object.get("$ref").and_then(Value::as_str) {
            return self.reference(reference);
        }
        if let Some(parts) = object.get("allOf").and_then(Value::as_array)
            && parts.len() == 1
            && object.get("properties").is_none()
        {
            return self.ty(&parts[0], context);
        }
        if object.contains_key("allOf") || object.contains_key("discriminator") || has_properties(object) {
            return Ok(Ty::Named(self.inline(schema, context)?));
        }
        if let Some(variants) = object.get("oneOf").or_else(|| object.get("anyOf")).and_then(Value::as_array) {
            let lowered: Vec<Ty> = variants
                .iter()
                .enumerate()
                .map(|(i, v)| self.ty(v, &format!("{context}{}", i + 1)))
                .collect::<Result<_, _>>()?;
            if lowered.iter().all(|t| !matches!(t, Ty::Named(_))) {
                return Ok(Ty::Any);
            }
            let id = self.reserve(context, format!("{context} (oneOf)"), first_paragraph(object.get("description")));
            if let Some(t) = self.types[id.0].as_mut() {
                t.kind = TypeKind::Union { variants: lowered };
            }
            return Ok(Ty::Named(id));
        }
        Ok(match primary_type(object) {
            Some("array") => {
                let items = object.get("items").cloned().unwrap_or(Value::Bool(true));
                Ty::List(Box::new(self.ty(&items, &format!("{context}Item"))?))
            }
            Some("object") => match object.get("additionalProperties") {
                Some(extra @ Value::Object(_)) => Ty::Map(Box::new(self.ty(extra, &format!("{context}Value"))?)),
                Some(Value::Bool(true)) => Ty::Map(Box::new(Ty::Any)),
                _ => Ty::Any,
            },
            Some("string") | None if object.get("enum").is_some_and(Value::is_array) => {
                Ty::Literal(enum_values(object))
            }
            Some("string") => match object.get("format").and_then(Value::as_str) {
                Some("date-time") => Ty::DateTime,
                Some("date") => Ty::Date,
                Some("binary") => Ty::Binary,
                _ => Ty::String,
            },
            Some("integer") => {
                Ty::Integer { bits: if object.get("format") == Some(&Value::from("int32")) { 32 } else { 64 } }
            }
            Some("number") => Ty::Number,
            Some("boolean") => Ty::Boolean,
            _ => Ty::Any,
        })
    }

    /// The type a `$ref` names: inlined for primitives and lists, named otherwise.
    fn reference(&mut self, reference: &str) -> Result<Ty, String> {
        let key = reference
            .strip_prefix(COMPONENTS)
            .ok_or_else(|| format!("{}: unsupported reference {reference:?}", self.product))?;
        if let Some(id) = self.by_component.get(key) {
            return Ok(Ty::Named(*id));
        }
        let schema =
            self.components.get(key).ok_or_else(|| format!("{}: {reference:?} names no component", self.product))?;
        if inlined(schema) || primitive_union(schema) {
            let short = short_name(key, schema);
            return self.ty(schema, &short);
        }
        let wanted = self.overlay.type_name(self.product, &short_name(key, schema));
        let shape = shape_key(schema);
        if let Some(same) = self.by_shape.get(&wanted).and_then(|list| list.iter().find(|(s, _)| *s == shape)) {
            let id = same.1;
            self.by_component.insert(key.to_owned(), id);
            return Ok(Ty::Named(id));
        }
        let id = self.reserve(&wanted, key.to_owned(), first_paragraph(schema.get("description")));
        self.by_component.insert(key.to_owned(), id);
        self.by_shape.entry(wanted).or_default().push((shape, id));
        self.pending.push((key.to_owned(), id));
        Ok(Ty::Named(id))
    }

    /// Names and lowers an inline schema.
    fn inline(&mut self, schema: &Value, context: &str) -> Result<TypeId, String> {
        let id = self.reserve(context, context.to_owned(), first_paragraph(schema.get("description")));
        let kind = self.kind(schema, &self.types[id.0].as_ref().map(|t| t.name.clone()).unwrap_or_default())?;
        if let Some(t) = self.types[id.0].as_mut() {
            t.kind = kind;
        }
        Ok(id)
    }

    fn reserve(&mut self, wanted: &str, source: String, doc: String) -> TypeId {
        let mut base = pascal_ident(wanted);
        if RESERVED.contains(&base.as_str()) {
            base = format!("{}{base}", pascal_ident(self.product));
        }
        let mut name = base.clone();
        let mut n = 2;
        while self.taken.contains(&name) {
            name = format!("{base}{n}");
            n += 1;
        }
        self.taken.insert(name.clone());
        self.types.push(Some(TypeDef { name, doc, source, kind: TypeKind::Enum { values: vec![] } }));
        TypeId(self.types.len() - 1)
    }

    fn request_type_name(&mut self, pascal: &str) -> String {
        for candidate in [format!("{pascal}Request"), format!("{pascal}Params")] {
            if self.taken.insert(candidate.clone()) {
                return candidate;
            }
        }
        let mut n = 2;
        loop {
            let candidate = format!("{pascal}Request{n}");
            if self.taken.insert(candidate.clone()) {
                return candidate;
            }
            n += 1;
        }
    }

    /// The shape of a named type (`name` is the type's own, for naming its inline parts).
    fn kind(&mut self, schema: &Value, name: &str) -> Result<TypeKind, String> {
        let object = schema.as_object().cloned().unwrap_or_default();
        if object.get("enum").is_some_and(Value::is_array) && !object.contains_key("properties") {
            return Ok(TypeKind::Enum { values: enum_values(&object) });
        }
        let variants = object.get("oneOf").or_else(|| object.get("anyOf")).and_then(Value::as_array);
        if let (Some(variants), None) = (variants, object.get("discriminator")) {
            let lowered: Vec<Ty> = variants
                .iter()
                .enumerate()
                .map(|(i, v)| self.ty(v, &format!("{name}{}", i + 1)))
                .collect::<Result<_, _>>()?;
            return Ok(TypeKind::Union { variants: lowered });
        }
        let mut fields = Vec::new();
        let mut required = HashSet::new();
        let mut parent = None;
        self.collect(schema, name, &mut fields, &mut required, &mut parent, true)?;
        for field in &mut fields {
            field.required = required.contains(&field.wire);
        }
        dedupe_fields(&mut fields);
        let additional = match object.get("additionalProperties") {
            Some(extra @ Value::Object(_)) => Some(self.ty(extra, &format!("{name}Value"))?),
            _ => None,
        };
        let discriminator = match object.get("discriminator") {
            Some(d) => Some(self.discriminator(d, variants)?),
            None => None,
        };
        Ok(TypeKind::Object { fields, additional, parent, discriminator })
    }

    /// Gathers the fields of `schema` and of its `allOf` parts, in order.
    fn collect(
        &mut self,
        schema: &Value,
        name: &str,
        fields: &mut Vec<Field>,
        required: &mut HashSet<String>,
        parent: &mut Option<TypeId>,
        top: bool,
    ) -> Result<(), String> {
        let Some(object) = schema.as_object() else { return Ok(()) };
        if let Some(reference) = object.get("$ref").and_then(Value::as_str) {
            let key = reference.strip_prefix(COMPONENTS).unwrap_or(reference);
            let target = self.components.get(key).cloned().unwrap_or(Value::Bool(true));
            if !top
                && target.get("discriminator").is_some()
                && parent.is_none()
                && let Ty::Named(id) = self.reference(reference)?
            {
                *parent = Some(id);
            }
            return self.collect(&target, name, fields, required, parent, false);
        }
        for part in object.get("allOf").and_then(Value::as_array).into_iter().flatten() {
            self.collect(part, name, fields, required, parent, false)?;
        }
        for r in object.get("required").and_then(Value::as_array).into_iter().flatten() {
            if let Some(r) = r.as_str() {
                required.insert(r.to_owned());
            }
        }
        let Some(properties) = object.get("properties").and_then(Value::as_object) else { return Ok(()) };
        for (wire, property) in properties {
            let ty = self.ty(property, &format!("{name}{}", pascal_ident(wire)))?;
            let field = Field {
                snake: snake_ident(wire),
                camel: camel_ident(wire),
                wire: wire.clone(),
                doc: first_paragraph(property.get("description")),
                ty,
                required: false,
                nullable: nullable(property),
                deprecated: property.get("deprecated").and_then(Value::as_bool) == Some(true),
                read_only: property.get("readOnly").and_then(Value::as_bool) == Some(true),
            };
            match fields.iter_mut().find(|f| f.wire == *wire) {
                Some(existing) => *existing = field,
                None => fields.push(field),
            }
        }
        Ok(())
    }

    fn discriminator(&mut self, d: &Value, variants: Option<&Vec<Value>>) -> Result<Discriminator, String> {
        let property = text(d, "propertyName");
        let mut mapping = Vec::new();
        if let Some(map) = d.get("mapping").and_then(Value::as_object) {
            for (value, target) in map {
                if let Some(Ty::Named(id)) = target.as_str().map(|t| self.reference(t)).transpose()? {
                    mapping.push((value.clone(), id));
                }
            }
        } else {
            for variant in variants.into_iter().flatten() {
                if let Some(reference) = variant.get("$ref").and_then(Value::as_str) {
                    let key = reference.strip_prefix(COMPONENTS).unwrap_or(reference);
                    let tag = key.rsplit('.').next().unwrap_or(key).to_owned();
                    if let Ty::Named(id) = self.reference(reference)? {
                        mapping.push((tag, id));
                    }
                }
            }
        }
        Ok(Discriminator { property, mapping })
    }
}

/// The content type a request is sent as: JSON first, then a form, multipart, bytes.
fn preferred_request_type<'s>(types: impl Iterator<Item = &'s str>) -> Option<&'s str> {
    let types: Vec<&str> = types.filter(|t| t.contains('/')).collect();
    let rank = |t: &str| match t {
        "application/json" => 0,
        t if is_json(t) => 1,
        "application/x-www-form-urlencoded" => 2,
        "multipart/form-data" => 3,
        "application/octet-stream" => 4,
        _ => 5,
    };
    types.into_iter().min_by_key(|t| rank(t))
}

fn is_json(content_type: &str) -> bool {
    content_type == "application/json" || content_type.ends_with("+json") || content_type == "text/json"
}

fn is_binary(schema: &Value) -> bool {
    schema.get("format").and_then(Value::as_str) == Some("binary")
}

/// Components used inline: primitives without values of their own and lists.
fn inlined(schema: &Value) -> bool {
    let Some(object) = schema.as_object() else { return true };
    if ["properties", "allOf", "oneOf", "anyOf", "discriminator", "enum"].iter().any(|k| object.contains_key(*k)) {
        return false;
    }
    !matches!(primary_type(object), Some("object")) || !has_properties(object)
}

/// An object schema with at least one property.
fn has_properties(object: &Map<String, Value>) -> bool {
    object.get("properties").and_then(Value::as_object).is_some_and(|p| !p.is_empty())
}

/// A `oneOf`/`anyOf` without a discriminator whose variants are all primitives (read as any value).
fn primitive_union(schema: &Value) -> bool {
    let Some(variants) = schema.get("oneOf").or_else(|| schema.get("anyOf")).and_then(Value::as_array) else {
        return false;
    };
    schema.get("discriminator").is_none()
        && schema.get("properties").is_none()
        && variants.iter().all(|v| v.get("$ref").is_none() && v.get("properties").is_none() && v.get("allOf").is_none())
}

fn primary_type(object: &Map<String, Value>) -> Option<&str> {
    match object.get("type") {
        Some(Value::String(t)) => Some(t.as_str()),
        Some(Value::Array(list)) => list.iter().filter_map(Value::as_str).find(|t| *t != "null"),
        _ => None,
    }
}

fn nullable(schema: &Value) -> bool {
    schema.get("nullable").and_then(Value::as_bool) == Some(true)
        || schema.get("type").and_then(Value::as_array).is_some_and(|l| l.iter().any(|t| t == "null"))
}

fn enum_values(object: &Map<String, Value>) -> Vec<String> {
    let mut values: Vec<String> = object
        .get("enum")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|v| match v {
            Value::String(s) => Some(s.clone()),
            Value::Null => None,
            other => Some(other.to_string()),
        })
        .collect();
    values.dedup();
    values
}

/// The name a component asks for: its `title` when that is a plain word, else the part of its
/// key after the last `.` (keys are `<hash>.<Name>`).
fn short_name(key: &str, schema: &Value) -> String {
    let title = schema.get("title").and_then(Value::as_str).unwrap_or("");
    if !title.is_empty() && title.chars().all(|c| c.is_ascii_alphanumeric()) {
        return title.to_owned();
    }
    key.rsplit('.').next().unwrap_or(key).to_owned()
}

/// A schema without its prose and with references reduced to their short names: two
/// components with the same key are the same type.
fn shape_key(schema: &Value) -> String {
    fn strip(value: &Value) -> Value {
        match value {
            Value::Object(map) => Value::Object(
                map.iter()
                    .filter(|(k, _)| {
                        !matches!(k.as_str(), "description" | "example" | "examples" | "title" | "summary")
                    })
                    .map(|(k, v)| {
                        let v = match (k.as_str(), v) {
                            ("$ref", Value::String(r)) => Value::String(r.rsplit('.').next().unwrap_or(r).to_owned()),
                            _ => strip(v),
                        };
                        (k.clone(), v)
                    })
                    .collect(),
            ),
            Value::Array(list) => Value::Array(list.iter().map(strip).collect()),
            other => other.clone(),
        }
    }
    strip(schema).to_string()
}

fn text(value: &Value, key: &str) -> String {
    value.get(key).and_then(Value::as_str).unwrap_or_default().to_owned()
}

/// The first paragraph of a description, on one line, without HTML line breaks.
fn first_paragraph(value: Option<&Value>) -> String {
    let text = value.and_then(Value::as_str).unwrap_or_default();
    let paragraph = text.split("\n\n").next().unwrap_or_default();
    let paragraph = paragraph.split("<br").next().unwrap_or_default();
    paragraph.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn dedupe_params(params: &mut [Param]) {
    let mut seen = HashSet::new();
    for p in params.iter_mut() {
        while !seen.insert(p.snake.clone()) {
            p.snake.push('_');
            p.camel.push('_');
        }
    }
}

fn dedupe_fields(fields: &mut [Field]) {
    let mut seen = HashSet::new();
    for f in fields.iter_mut() {
        let mut n = 2;
        let (snake, camel) = (f.snake.clone(), f.camel.clone());
        while !seen.insert(f.snake.clone()) {
            f.snake = format!("{snake}_{n}");
            f.camel = format!("{camel}{n}");
            n += 1;
        }
    }
}
