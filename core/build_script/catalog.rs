//! Turns the `infobip-spec` crate's files (Infobip's OpenAPI 3.1 specs) into the compact catalog embedded in the crate.
//!
//! Two deflated JSON files are written to `OUT_DIR`:
//!
//! - `operations.json.deflate`: one entry per operation (id, product, method, path, summary,
//!   scopes, throttling, deprecation, parameters with their schemas, request body, for
//!   operations that send messages where their ids go (see `sends.rs`), and what `files.rs`
//!   adds: the success answer's content types and a form's file fields);
//! - `schemas.json.deflate`: the component schemas the request side reaches, as one array;
//!   a `$ref` is the index of its target in that array.
//!
//! Schemas keep only the keywords the validator reads (see `core/src/catalog/schema.rs`);
//! descriptions, examples, formats and patterns are dropped, after the request examples have
//! loosened whatever in the schemas refuses them (`relax.rs`: the examples win). Operation ids are unique across
//! the specs; should two products ever share one, both become `product:operationId`.

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use infobip_spec::SpecFile;
use serde_json::{Map, Value, json};

#[path = "relax.rs"]
mod relax;

const METHODS: [&str; 7] = ["get", "put", "post", "delete", "patch", "head", "options"];

/// Schema keywords copied as they are.
const KEPT: [&str; 13] = [
    "enum",
    "const",
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minItems",
    "maxItems",
    "uniqueItems",
    "minProperties",
    "maxProperties",
];

/// Writes the catalog for `specs` (in product order) to `out_dir`.
pub fn generate(specs: &[SpecFile], out_dir: &Path) {
    let mut schemas = Schemas::default();
    let mut operations = Vec::new();
    for file in specs {
        let path = &file.path;
        let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let spec: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()));
        let product = &file.product;
        let mut product_ops = read_product(product, &spec, &mut schemas);
        operations.append(&mut product_ops);
        schemas.finish_product(product, &spec);
    }
    for op in &mut operations {
        let examples = op.as_object_mut().and_then(|o| o.remove("examples"));
        for example in examples.iter().filter_map(Value::as_array).flatten() {
            // A string where JSON was expected is an example that is not JSON (broken): skip it.
            if let (false, Some(schema)) = (example.is_string(), op.pointer_mut("/body/schema")) {
                relax::relax(example, schema, &mut schemas.done);
            }
        }
    }
    let ids: Vec<&str> = operations.iter().filter_map(|op| op["id"].as_str()).collect();
    crate::sends::check_lists(&ids);
    qualify_clashing_ids(&mut operations);
    write(out_dir, "operations.json.deflate", &Value::Array(operations));
    write(out_dir, "schemas.json.deflate", &Value::Array(schemas.done));
}

fn write(out_dir: &Path, name: &str, value: &Value) {
    let json = serde_json::to_vec(value).unwrap_or_else(|e| panic!("cannot write {name}: {e}"));
    let packed = miniz_oxide::deflate::compress_to_vec(&json, 9);
    let path = out_dir.join(name);
    fs::write(&path, packed).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

fn read_product(product: &str, spec: &Value, schemas: &mut Schemas) -> Vec<Value> {
    let document = spec;
    let mut operations = Vec::new();
    let Some(paths) = spec.get("paths").and_then(Value::as_object) else { return operations };
    let empty = Map::new();
    let components = spec.pointer("/components/schemas").and_then(Value::as_object).unwrap_or(&empty);
    let spec = Spec { product, components };
    for (path, item) in paths {
        let shared_params = item.get("parameters").and_then(Value::as_array).cloned().unwrap_or_default();
        for method in METHODS {
            let Some(op) = item.get(method) else { continue };
            let mut params = shared_params.clone();
            params.extend(op.get("parameters").and_then(Value::as_array).cloned().unwrap_or_default());
            let mut entry = read_operation(&spec, method, path, op, &params, schemas);
            super::files::annotate(&mut entry, op, document);
            operations.push(entry);
        }
    }
    operations
}

/// The product being read and its component schemas.
struct Spec<'a> {
    product: &'a str,
    components: &'a Map<String, Value>,
}

fn read_operation(spec: &Spec, method: &str, path: &str, op: &Value, params: &[Value], schemas: &mut Schemas) -> Value {
    let product = spec.product;
    let id = op.get("operationId").and_then(Value::as_str).map(str::to_owned).unwrap_or_else(|| {
        panic!("{product}: {} {path} has no operationId", method.to_uppercase());
    });
    let mut out = Map::new();
    out.insert("id".into(), json!(id));
    out.insert("product".into(), json!(product));
    out.insert("method".into(), json!(method.to_uppercase()));
    out.insert("path".into(), json!(path));
    out.insert("summary".into(), op.get("summary").cloned().unwrap_or(json!("")));
    if let Some(scopes) = op.get("x-scopes") {
        out.insert("scopes".into(), scopes.clone());
    }
    if let Some(limit) = op.get("x-throttling-info").and_then(Value::as_array).and_then(|l| l.first()) {
        out.insert("throttling".into(), limit.clone());
    }
    if op.get("deprecated").and_then(Value::as_bool) == Some(true) {
        out.insert("deprecated".into(), json!(true));
    }
    if let Some(info) = op.get("x-deprecationInformation") {
        out.insert(
            "deprecation".into(),
            json!({
                "since": info.get("deprecation"),
                "sunset": info.get("sunset"),
                "successor": info.get("successorOperationId"),
            }),
        );
    }
    for name in path.split('{').skip(1).filter_map(|s| s.split_once('}')).map(|(name, _)| name) {
        let declared = params.iter().any(|p| p["in"] == "path" && p["name"] == name);
        assert!(declared, "{product}: {id}: the path parameter {{{name}}} of {path} is not declared");
    }
    let body_schema =
        op.get("requestBody").and_then(|b| b.get("content")).and_then(Value::as_object).and_then(|c| {
            c.get("application/json").or_else(|| c.values().next()).and_then(|media| media.get("schema"))
        });
    if let Some(send) = crate::sends::send_spec(&id, method, params, body_schema, spec.components) {
        out.insert("send".into(), send);
    }
    let params: Vec<Value> = params.iter().map(|p| read_param(spec, &id, p, schemas)).collect();
    if !params.is_empty() {
        out.insert("params".into(), Value::Array(params));
    }
    if let Some(body) = op.get("requestBody") {
        out.insert("body".into(), read_body(product, &id, body, schemas));
        let examples = request_examples(body);
        if !examples.is_empty() {
            out.insert("examples".into(), Value::Array(examples));
        }
    }
    Value::Object(out)
}

fn read_param(spec: &Spec, id: &str, param: &Value, schemas: &mut Schemas) -> Value {
    let product = spec.product;
    if param.get("$ref").is_some() {
        panic!("{product}: {id}: parameter references are not supported yet: {param}");
    }
    let text = |key: &str| param.get(key).and_then(Value::as_str).unwrap_or_default().to_owned();
    let raw = param.get("schema").cloned().unwrap_or(json!({}));
    let (kind, list) = param_type(&raw, spec.components);
    json!({
        "name": text("name"),
        "in": text("in"),
        "required": param.get("required").and_then(Value::as_bool).unwrap_or(false),
        "type": kind,
        "list": list,
        "schema": schemas.compact(product, &raw),
    })
}

/// The scalar type of a parameter and whether it is a list, looking through `$ref` and `allOf`.
fn param_type(schema: &Value, components: &Map<String, Value>) -> (String, bool) {
    let resolved = resolve(schema, components);
    match resolved.get("type").and_then(Value::as_str) {
        Some("array") => {
            let items = resolved.get("items").cloned().unwrap_or(json!({}));
            (param_type(&items, components).0, true)
        }
        Some(kind) => (kind.to_owned(), false),
        None => ("string".to_owned(), false),
    }
}

fn resolve<'a>(schema: &'a Value, components: &'a Map<String, Value>) -> &'a Value {
    if let Some(target) = schema.get("$ref").and_then(Value::as_str) {
        return components.get(component_name(target)).map(|s| resolve(s, components)).unwrap_or(schema);
    }
    match schema.get("allOf").and_then(Value::as_array).map(Vec::as_slice) {
        Some([only]) if schema.get("type").is_none() => resolve(only, components),
        _ => schema,
    }
}

fn read_body(product: &str, id: &str, body: &Value, schemas: &mut Schemas) -> Value {
    if body.get("$ref").is_some() {
        panic!("{product}: {id}: request body references are not supported yet");
    }
    let content = body.get("content").and_then(Value::as_object).cloned().unwrap_or_default();
    let types: Vec<&String> = content.keys().filter(|k| k.contains('/')).collect();
    let chosen = types.iter().find(|t| t.as_str() == "application/json").or(types.first()).map(|t| t.as_str());
    let schema = chosen.and_then(|t| content.get(t)).and_then(|m| m.get("schema")).cloned().unwrap_or(json!({}));
    json!({
        "required": body.get("required").and_then(Value::as_bool).unwrap_or(false),
        "content_types": types,
        "schema": schemas.compact(product, &schema),
    })
}

/// The JSON request examples of a body (`example` and every `examples` value), which the
/// catalog's schemas are loosened to accept (see `relax.rs`).
fn request_examples(body: &Value) -> Vec<Value> {
    let Some(media) = body.pointer("/content/application~1json") else { return Vec::new() };
    let named =
        media.get("examples").and_then(Value::as_object).into_iter().flatten().filter_map(|(_, e)| e.get("value"));
    media.get("example").into_iter().chain(named).cloned().collect()
}

/// `{"type": "object"}` that says nothing about the object's properties (a `required` alone
/// names properties it does not describe, another trace of a Java `Object` or `Map`).
fn is_bare_object(schema: &Map<String, Value>) -> bool {
    const STRUCTURAL: [&str; 11] = [
        "$ref",
        "properties",
        "additionalProperties",
        "allOf",
        "anyOf",
        "oneOf",
        "discriminator",
        "enum",
        "const",
        "minProperties",
        "maxProperties",
    ];
    schema.get("type") == Some(&json!("object")) && !STRUCTURAL.iter().any(|k| schema.contains_key(*k))
}

fn component_name(reference: &str) -> &str {
    reference.strip_prefix("#/components/schemas/").unwrap_or(reference)
}

/// Ids that two products share become `product:operationId` in both.
fn qualify_clashing_ids(operations: &mut [Value]) {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for op in operations.iter() {
        *counts.entry(op["id"].as_str().unwrap_or_default().to_owned()).or_default() += 1;
    }
    for op in operations.iter_mut() {
        let id = op["id"].as_str().unwrap_or_default().to_owned();
        if counts.get(&id).copied().unwrap_or(0) > 1 {
            let product = op["product"].as_str().unwrap_or_default().to_owned();
            op["id"] = json!(format!("{product}:{id}"));
        }
    }
}

/// Component schemas reached from requests, numbered in the order they are first reached.
#[derive(Default)]
struct Schemas {
    /// (product, component name) → index.
    index: HashMap<(String, String), usize>,
    /// Compacted schemas by index; `Null` until compacted.
    done: Vec<Value>,
    /// Indices reached but not compacted yet, with their component name.
    pending: Vec<(usize, String)>,
}

impl Schemas {
    /// Compacts a schema of `product`; `$ref`s become indices, compacted in [`Self::finish_product`].
    fn compact(&mut self, product: &str, schema: &Value) -> Value {
        let object = match schema {
            Value::Object(o) => o,
            Value::Bool(true) => return json!({}),
            other => panic!("{product}: unsupported schema {other}"),
        };
        let mut out = Map::new();
        if is_bare_object(object) {
            // The generator writes Java's `Object` (any JSON value) as a bare `{"type": "object"}`;
            // the specs' own examples put strings, numbers and arrays there (and objects without
            // the properties a lone `required` names).
            if object.get("readOnly").and_then(Value::as_bool) == Some(true) {
                out.insert("readOnly".into(), json!(true));
            }
            return Value::Object(out);
        }
        if let Some(target) = object.get("$ref").and_then(Value::as_str) {
            out.insert("$ref".into(), json!(self.reference(product, target)));
        }
        match object.get("type") {
            Some(Value::String(t)) => {
                let mut types = vec![json!(t)];
                if object.get("nullable").and_then(Value::as_bool) == Some(true) {
                    types.push(json!("null"));
                }
                out.insert("type".into(), Value::Array(types));
            }
            Some(Value::Array(types)) => {
                out.insert("type".into(), Value::Array(types.clone()));
            }
            _ => {}
        }
        if let Some(Value::Object(properties)) = object.get("properties") {
            let list: Vec<Value> = properties.iter().map(|(name, s)| json!([name, self.compact(product, s)])).collect();
            out.insert("properties".into(), Value::Array(list));
        }
        if let Some(required) = object.get("required") {
            out.insert("required".into(), required.clone());
        }
        match object.get("additionalProperties") {
            Some(Value::Bool(false)) => {
                out.insert("closed".into(), json!(true));
            }
            Some(extra @ Value::Object(_)) => {
                out.insert("additional".into(), self.compact(product, extra));
            }
            _ => {}
        }
        if let Some(items) = object.get("items") {
            out.insert("items".into(), self.compact(product, items));
        }
        for key in ["allOf", "anyOf", "oneOf"] {
            if let Some(Value::Array(list)) = object.get(key) {
                let list: Vec<Value> = list.iter().map(|s| self.compact(product, s)).collect();
                out.insert(key.into(), Value::Array(list));
            }
        }
        if let Some(discriminator) = object.get("discriminator") {
            let property = discriminator.get("propertyName").cloned().unwrap_or(json!(""));
            let mapping: Vec<Value> = discriminator
                .get("mapping")
                .and_then(Value::as_object)
                .map(|m| {
                    m.iter()
                        .filter_map(|(value, target)| Some(json!([value, self.reference(product, target.as_str()?)])))
                        .collect()
                })
                .unwrap_or_default();
            out.insert("discriminator".into(), json!({"property": property, "mapping": mapping}));
        }
        if object.get("readOnly").and_then(Value::as_bool) == Some(true) {
            out.insert("readOnly".into(), json!(true));
        }
        for key in KEPT {
            if let Some(value) = object.get(key) {
                out.insert(key.into(), value.clone());
            }
        }
        Value::Object(out)
    }

    fn reference(&mut self, product: &str, target: &str) -> usize {
        if !target.starts_with("#/components/schemas/") {
            panic!("{product}: unsupported reference {target:?}");
        }
        let name = component_name(target).to_owned();
        let key = (product.to_owned(), name.clone());
        if let Some(index) = self.index.get(&key) {
            return *index;
        }
        let index = self.done.len();
        self.done.push(Value::Null);
        self.index.insert(key, index);
        self.pending.push((index, name));
        index
    }

    /// Compacts every component of `spec` reached so far (and what they reach).
    fn finish_product(&mut self, product: &str, spec: &Value) {
        while let Some((index, name)) = self.pending.pop() {
            let schema = spec
                .pointer("/components/schemas")
                .and_then(|c| c.get(&name))
                .cloned()
                .unwrap_or_else(|| panic!("{product}: the schema {name:?} is referenced but not defined"));
            self.done[index] = self.compact(product, &schema);
        }
    }
}
