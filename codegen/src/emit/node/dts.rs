//! A product's TypeScript declarations: its namespace's methods, each operation's params type,
//! every result type (as answers are read: fields optional, date-times as `Date`) and, in the
//! `input` namespace, every request type (as the spec requires them, date-times as
//! `Date | string`). Open enums are string-literal unions that still accept any string;
//! polymorphic types are unions discriminated by their tag.

use std::fmt::Write as _;

use super::{Shapes, fields_of, header, jsdoc, key, type_doc};
use crate::ir::{Field, Location, Operation, Paging, Product, Response, Ty, TypeId, TypeKind};

/// Which declaration a type reference is written for.
#[derive(Clone, Copy, PartialEq)]
enum Form {
    /// A result: `Date` for date-times, names of the top level.
    Result,
    /// A request, written inside the `input` namespace.
    Input,
    /// A request, written at the top level (an operation's params type): names get `input.`.
    Params,
}

/// The declarations' text.
pub fn module(product: &Product, shapes: &Shapes) -> String {
    let mut out = header("//");
    let _ = writeln!(out, "// `client.{}`: the types and operations of `spec/{}`.\n", product.camel, product.file);
    let mut used = vec!["RequestOptions"];
    for (name, kind) in [("Result", "json"), ("EmptyResult", "empty"), ("FileResult", "file"), ("TextResult", "text")] {
        if product.operations.iter().any(|op| response_kind(&op.response) == kind) {
            used.push(name);
        }
    }
    if product.operations.iter().any(|op| op.paging.is_some()) {
        used.push("PagePromise");
    }
    let _ = writeln!(out, "import type {{ {} }} from '../../index.js';\n", used.join(", "));
    jsdoc(&mut out, "", &format!("`client.{}`: every operation of `spec/{}`.", product.camel, product.file), &[]);
    let _ = writeln!(out, "export interface {} {{", product.pascal);
    for op in &product.operations {
        method(&mut out, product, op);
    }
    out.push_str("}\n");
    for op in &product.operations {
        if has_params(op) {
            params_type(&mut out, product, shapes, op);
        }
    }
    for i in (0..product.types.len()).filter(|i| shapes.result[*i]) {
        out.push('\n');
        declaration(&mut out, product, shapes, TypeId(i), Form::Result, "");
    }
    if shapes.input.iter().any(|x| *x) {
        out.push_str("\n/** The types of requests: fields as the spec requires them, date-times as a `Date` or text. */\nexport namespace input {\n");
        let mut first = true;
        for i in (0..product.types.len()).filter(|i| shapes.input[*i]) {
            if !first {
                out.push('\n');
            }
            first = false;
            declaration(&mut out, product, shapes, TypeId(i), Form::Input, "  ");
        }
        out.push_str("}\n");
    }
    out
}

/// `index.d.ts`: the client's namespaces, and each product's types as a namespace.
pub fn index(namespaces: &[(&Product, Option<String>)]) -> String {
    let mut out = header("//");
    out.push_str("// The namespaces of `Infobip` (each loaded on first use), and every product's types.\n\n");
    out.push_str("/** The namespaces of a client: one per product, named after its spec file. */\nexport interface Namespaces {\n");
    for (product, extends) in namespaces {
        jsdoc(&mut out, "  ", &format!("Every operation of `spec/{}`.", product.file), &[]);
        let ty = match extends {
            Some(_) => format!("import('../../index.js').{}", product.pascal),
            None => format!("import('./{}.js').{}", product.camel, product.pascal),
        };
        let _ = writeln!(out, "  readonly {}: {ty};", product.camel);
    }
    out.push_str("}\n\n");
    for (product, _) in namespaces {
        let _ = writeln!(out, "export type * as {0} from './{0}.js';", product.camel);
    }
    out
}

fn response_kind(response: &Response) -> &'static str {
    match response {
        Response::Json { .. } => "json",
        Response::Empty { .. } => "empty",
        Response::File { .. } => "file",
        Response::Text { .. } => "text",
    }
}

fn has_params(op: &Operation) -> bool {
    !op.params.is_empty() || op.body.is_some()
}

/// Whether the params object must be given (something in it is required).
fn params_required(product: &Product, op: &Operation) -> bool {
    op.params.iter().any(|p| p.required)
        || op.body.as_ref().is_some_and(|b| {
            b.required
                && match b.flatten {
                    Some(id) => fields_of(product, id).iter().any(|f| f.required && !f.read_only),
                    None => true,
                }
        })
}

fn method(out: &mut String, product: &Product, op: &Operation) {
    let mut doc = if op.summary.is_empty() { String::new() } else { format!("{}.", op.summary.trim_end_matches('.')) };
    if !op.doc.is_empty() && op.doc != op.summary {
        doc = format!("{doc} {}", op.doc);
    }
    let mut tags = vec![format!("`{} {}` (operation `{}`).", op.method, op.path, op.id)];
    tags.extend(super::deprecation(product, op));
    jsdoc(out, "  ", doc.trim(), &tags);
    let params = if !has_params(op) {
        "params?: Record<string, never>".to_owned()
    } else if params_required(product, op) {
        format!("params: {}", op.request_type)
    } else {
        format!("params?: {}", op.request_type)
    };
    let result = match &op.response {
        Response::Json { ty, .. } => format!("Result<{}>", ts(product, ty, Form::Result)),
        Response::Empty { .. } => "EmptyResult".to_owned(),
        Response::File { .. } => "FileResult".to_owned(),
        Response::Text { .. } => "TextResult".to_owned(),
    };
    let returns = match (&op.paging, &op.response) {
        (Some(paging), Response::Json { ty, .. }) => {
            let items = match paging {
                Paging::Cursor { items, .. } | Paging::Page { items, .. } => items,
            };
            let item = match ty {
                Ty::Named(id) => fields_of(product, *id).iter().find(|f| &f.wire == items).and_then(|f| match &f.ty {
                    Ty::List(inner) => Some(ts(product, inner, Form::Result)),
                    _ => None,
                }),
                _ => None,
            };
            format!("PagePromise<{result}, {}>", item.unwrap_or_else(|| "unknown".to_owned()))
        }
        _ => format!("Promise<{result}>"),
    };
    let _ = writeln!(out, "  {}({params}, options?: RequestOptions): {returns};", op.camel);
}

fn params_type(out: &mut String, product: &Product, shapes: &Shapes, op: &Operation) {
    let _ = writeln!(
        out,
        "\n/** The params of {{@link {}.{}}}. */\nexport interface {} {{",
        product.pascal, op.camel, op.request_type
    );
    for param in &op.params {
        let where_ = match param.location {
            Location::Path => "path",
            Location::Query => "query",
            Location::Header => "header",
        };
        let named = if param.camel == param.wire { String::new() } else { format!(" `{}`", param.wire) };
        let doc = format!("{} ({where_} parameter{named})", param.doc.trim_end_matches('.')).trim().to_owned();
        jsdoc(out, "  ", &doc, &[]);
        let mut ty = ts(product, &param.ty, Form::Params);
        if param.location == Location::Query
            && let Ty::List(inner) = &param.ty
        {
            ty = format!("{} | {ty}", ts(product, inner, Form::Params));
        }
        let optional = if param.required { "" } else { "?" };
        let _ = writeln!(out, "  {}{optional}: {ty};", key(&param.camel));
    }
    if let Some(body) = &op.body {
        match body.flatten {
            Some(id) => {
                for field in fields_of(product, id).iter().filter(|f| !f.read_only) {
                    input_field(out, product, shapes, field, Form::Params, "  ", body.required, None);
                }
            }
            None => {
                let _ = writeln!(out, "  /** The request body (`{}`). */", body.content_type);
                let optional = if body.required { "" } else { "?" };
                let _ = writeln!(out, "  body{optional}: {};", ts(product, &body.ty, Form::Params));
            }
        }
    }
    out.push_str("}\n");
}

fn declaration(out: &mut String, product: &Product, shapes: &Shapes, id: TypeId, form: Form, indent: &str) {
    let def = &product.types[id.0];
    jsdoc(out, indent, &type_doc(def), &[]);
    match &def.kind {
        TypeKind::Object { fields, additional, discriminator, .. } => {
            let subtypes: Vec<TypeId> =
                discriminator.iter().flat_map(|d| &d.mapping).map(|(_, t)| *t).fold(Vec::new(), |mut seen, t| {
                    if !seen.contains(&t) {
                        seen.push(t);
                    }
                    seen
                });
            if !subtypes.is_empty() {
                let names: Vec<String> = subtypes
                    .iter()
                    .map(|t| {
                        if *t == id {
                            format!("{{ {} }}", inline_fields(product, shapes, id, form))
                        } else {
                            ts(product, &Ty::Named(*t), form)
                        }
                    })
                    .collect();
                let _ = writeln!(out, "{indent}export type {} = {};", def.name, names.join(" | "));
                return;
            }
            let _ = writeln!(out, "{indent}export interface {} {{", def.name);
            let inner = format!("{indent}  ");
            let tags = shapes.tags.get(&id.0);
            for field in fields {
                let tag = tags.and_then(|t| t.get(&field.wire));
                if form == Form::Result {
                    result_field(out, product, field, &inner, tag);
                } else if !field.read_only {
                    input_field(out, product, shapes, field, form, &inner, true, tag);
                }
            }
            if let Some(tags) = tags {
                for (property, values) in tags {
                    if !fields.iter().any(|f| &f.wire == property) {
                        let _ = writeln!(out, "{inner}{}: {};", key(property), literals(values, false));
                    }
                }
            }
            if additional.is_some() {
                let _ = writeln!(out, "{inner}[key: string]: unknown;");
            }
            let _ = writeln!(out, "{indent}}}");
        }
        TypeKind::Enum { values } => {
            let _ = writeln!(out, "{indent}export type {} = {};", def.name, literals(values, true));
        }
        TypeKind::Union { variants } => {
            let names: Vec<String> = variants.iter().map(|v| ts(product, v, form)).collect();
            let _ = writeln!(out, "{indent}export type {} = {};", def.name, names.join(" | "));
        }
    }
}

/// The fields of a polymorphic base that maps a tag to itself, as an object literal type.
fn inline_fields(product: &Product, shapes: &Shapes, id: TypeId, form: Form) -> String {
    let tags = shapes.tags.get(&id.0);
    fields_of(product, id)
        .iter()
        .filter(|f| form == Form::Result || !f.read_only)
        .map(|f| {
            let ty = match tags.and_then(|t| t.get(&f.wire)) {
                Some(values) => literals(values, false),
                None => field_type(product, f, form),
            };
            let optional = if form == Form::Result || !f.required { "?" } else { "" };
            format!("{}{optional}: {ty};", key(&f.camel))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn result_field(out: &mut String, product: &Product, field: &Field, indent: &str, tag: Option<&Vec<String>>) {
    field_doc(out, field, indent);
    match tag {
        Some(values) => {
            let _ = writeln!(out, "{indent}{}: {};", key(&field.camel), literals(values, false));
        }
        None => {
            let _ = writeln!(out, "{indent}{}?: {};", key(&field.camel), field_type(product, field, Form::Result));
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn input_field(
    out: &mut String,
    product: &Product,
    _shapes: &Shapes,
    field: &Field,
    form: Form,
    indent: &str,
    parent_required: bool,
    tag: Option<&Vec<String>>,
) {
    field_doc(out, field, indent);
    let (ty, required) = match tag {
        Some(values) => (literals(values, false), true),
        None => (field_type(product, field, form), field.required && parent_required),
    };
    let optional = if required { "" } else { "?" };
    let _ = writeln!(out, "{indent}{}{optional}: {ty};", key(&field.camel));
}

fn field_doc(out: &mut String, field: &Field, indent: &str) {
    let mut tags = Vec::new();
    if field.deprecated {
        tags.push("@deprecated Deprecated by Infobip.".to_owned());
    }
    let named = if field.camel == field.wire { String::new() } else { format!(" (`{}` on the wire)", field.wire) };
    let doc = format!("{}{named}", field.doc);
    if !doc.trim().is_empty() || !tags.is_empty() {
        jsdoc(out, indent, doc.trim(), &tags);
    }
}

fn field_type(product: &Product, field: &Field, form: Form) -> String {
    let ty = ts(product, &field.ty, form);
    if field.nullable { format!("{ty} | null") } else { ty }
}

/// A union of string literals; an open one also takes any other string.
fn literals(values: &[String], open: bool) -> String {
    let mut parts: Vec<String> = Vec::with_capacity(values.len() + 1);
    for value in values {
        let literal = serde_json::to_string(value).unwrap_or_default();
        if !parts.contains(&literal) {
            parts.push(literal);
        }
    }
    if open {
        parts.push("(string & {})".to_owned());
    }
    if parts.is_empty() { "string".to_owned() } else { parts.join(" | ") }
}

/// The TypeScript of a type reference.
fn ts(product: &Product, ty: &Ty, form: Form) -> String {
    match ty {
        Ty::String | Ty::Date => "string".to_owned(),
        Ty::Integer { .. } | Ty::Number => "number".to_owned(),
        Ty::Boolean => "boolean".to_owned(),
        Ty::DateTime if form == Form::Result => "Date".to_owned(),
        Ty::DateTime => "Date | string".to_owned(),
        Ty::Binary | Ty::Any => "unknown".to_owned(),
        Ty::Literal(values) => literals(values, true),
        Ty::List(inner) => format!("Array<{}>", ts(product, inner, form)),
        Ty::Map(inner) => format!("Record<string, {}>", ts(product, inner, form)),
        Ty::Named(id) => {
            let name = &product.types[id.0].name;
            if form == Form::Params { format!("input.{name}") } else { name.clone() }
        }
    }
}
