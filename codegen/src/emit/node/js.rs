//! A product's JavaScript module: readers, writers, the table of operations, the namespace class.

use std::fmt::Write as _;

use super::{Shapes, converts, fields_of, header, jsdoc, key, member, nested, quote};
use crate::ir::{Location, Operation, Paging, Product, Response, Ty, TypeId, TypeKind};

/// The module's text.
pub fn module(product: &Product, shapes: &Shapes) -> String {
    let mut out = header("//");
    let _ = writeln!(
        out,
        "'use strict';\n// `client.{}`: every operation of `spec/{}`, and how its answers are read.\n",
        product.camel, product.file
    );
    out.push_str("const { Namespace, call, pages, op, date, list, map, has } = require('../typed.js');\n");
    let readers: Vec<usize> = (0..product.types.len()).filter(|i| shapes.result[*i] && shapes.reads[*i]).collect();
    let writers: Vec<usize> = (0..product.types.len()).filter(|i| shapes.input[*i] && shapes.writes[*i]).collect();
    if !readers.is_empty() {
        out.push_str("\n// Readers: each turns a parsed value of its type into the result, in place (date-times become\n// Dates; fields whose wire name is not camelCase are renamed); anything unexpected is kept as it is.\n");
    }
    for &i in &readers {
        reader(&mut out, product, shapes, TypeId(i));
    }
    if !writers.is_empty() {
        out.push_str("\n// Writers: each copies a request value of its type with the wire names of its fields.\n");
    }
    for &i in &writers {
        writer(&mut out, product, shapes, TypeId(i));
    }
    out.push_str("\n// The operations, by method name.\nconst OPERATIONS = {\n");
    for op in &product.operations {
        let _ = writeln!(out, "  {}: {},", key(&op.camel), descriptor(product, shapes, op));
    }
    out.push_str("};\n\n");
    jsdoc(&mut out, "", &format!("`client.{}`: every operation of `spec/{}`.", product.camel, product.file), &[]);
    let _ = writeln!(out, "class {} extends Namespace {{", product.pascal);
    for (i, op) in product.operations.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut summary = format!("{} (`{} {}`).", op.summary.trim_end_matches('.'), op.method, op.path);
        if op.summary.is_empty() {
            summary = format!("`{} {}`.", op.method, op.path);
        }
        let tags: Vec<String> = super::deprecation(product, op).into_iter().collect();
        jsdoc(&mut out, "  ", &summary, &tags);
        let run = if op.paging.is_some() { "pages" } else { "call" };
        let _ = writeln!(
            out,
            "  {}(params, options) {{\n    return {run}(this, OPERATIONS.{}, params, options);\n  }}",
            op.camel, op.camel
        );
    }
    out.push_str("}\n\n");
    let read: Vec<String> = readers.iter().map(|&i| format!("{0}: read{0}", product.types[i].name)).collect();
    let _ = writeln!(
        out,
        "module.exports = {{\n  {pascal},\n  OPERATIONS,\n  /** The readers, by type name (types whose reading changes nothing have none). */\n  read: {{{read}}},\n}};",
        pascal = product.pascal,
        read = if read.is_empty() { String::new() } else { format!("\n    {},\n  ", read.join(",\n    ")) },
    );
    out
}

/// `op('id', { … })`: what the runtime needs to call an operation and read its answer.
fn descriptor(product: &Product, shapes: &Shapes, op: &Operation) -> String {
    let mut parts = Vec::new();
    if !op.params.is_empty() {
        let params: Vec<String> = op
            .params
            .iter()
            .map(|p| {
                let at = match p.location {
                    Location::Path => "path",
                    Location::Query => "query",
                    Location::Header => "headers",
                };
                if p.wire == p.camel {
                    format!("[{}, '{at}']", quote(&p.camel))
                } else {
                    format!("[{}, '{at}', {}]", quote(&p.camel), quote(&p.wire))
                }
            })
            .collect();
        parts.push(format!("params: [{}]", params.join(", ")));
    }
    if let Some(body) = &op.body {
        parts.push(format!("body: '{}'", if body.flatten.is_some() { "fields" } else { "body" }));
        if nested(&body.ty, &shapes.writes) {
            parts.push(format!("write: {}", function(product, &body.ty, "write")));
        }
    }
    match &op.response {
        Response::Json { ty, .. } => {
            if converts(ty, &shapes.reads) {
                parts.push(format!("read: {}", function(product, ty, "read")));
            }
        }
        Response::Empty { .. } => parts.push("result: 'empty'".to_owned()),
        Response::File { .. } => parts.push("result: 'file'".to_owned()),
        Response::Text { .. } => parts.push("result: 'text'".to_owned()),
    }
    if let Some(paging) = &op.paging {
        let items = match paging {
            Paging::Cursor { items, .. } | Paging::Page { items, .. } => items,
        };
        let camel = match &op.response {
            Response::Json { ty: Ty::Named(id), .. } => {
                fields_of(product, *id).iter().find(|f| &f.wire == items).map_or(items.clone(), |f| f.camel.clone())
            }
            _ => items.clone(),
        };
        parts.push(format!("items: {}", quote(&camel)));
    }
    if parts.is_empty() {
        format!("op({})", quote(&op.id))
    } else {
        format!("op({}, {{ {} }})", quote(&op.id), parts.join(", "))
    }
}

/// A function converting a value of `ty` (`readX`, `date`, `(v) => list(v, readX)`), for a
/// type that converts.
fn function(product: &Product, ty: &Ty, prefix: &str) -> String {
    match ty {
        Ty::DateTime => "date".to_owned(),
        Ty::Named(id) => format!("{prefix}{}", product.types[id.0].name),
        Ty::List(inner) => format!("(v) => list(v, {})", function(product, inner, prefix)),
        Ty::Map(inner) => format!("(v) => map(v, {})", function(product, inner, prefix)),
        _ => "(v) => v".to_owned(),
    }
}

/// The expression converting `value` of `ty`.
fn convert(product: &Product, ty: &Ty, value: &str, prefix: &str) -> String {
    match ty {
        Ty::DateTime => format!("date({value})"),
        Ty::Named(id) => format!("{prefix}{}({value})", product.types[id.0].name),
        Ty::List(inner) => format!("list({value}, {})", function(product, inner, prefix)),
        Ty::Map(inner) => format!("map({value}, {})", function(product, inner, prefix)),
        _ => value.to_owned(),
    }
}

fn reader(out: &mut String, product: &Product, shapes: &Shapes, id: TypeId) {
    let def = &product.types[id.0];
    let _ = writeln!(out, "function read{}(o) {{", def.name);
    match &def.kind {
        TypeKind::Object { fields, discriminator, .. } => {
            out.push_str("  if (typeof o !== 'object' || o === null) return o;\n");
            if let Some(d) = discriminator {
                let chosen: Vec<&(String, TypeId)> =
                    d.mapping.iter().filter(|(_, t)| shapes.reads[t.0] && *t != id).collect();
                if !chosen.is_empty() {
                    let _ = writeln!(out, "  switch ({}) {{", member("o", &d.property));
                    for (tag, target) in chosen {
                        let _ =
                            writeln!(out, "    case {}: return read{}(o);", quote(tag), product.types[target.0].name);
                    }
                    out.push_str("  }\n");
                }
            }
            let mut first = true;
            for field in fields {
                let converts = converts(&field.ty, &shapes.reads);
                if !converts && field.wire == field.camel {
                    continue;
                }
                if first {
                    out.push_str("  let v;\n");
                    first = false;
                }
                let wire = member("o", &field.wire);
                let value = convert(product, &field.ty, "v", "read");
                if field.wire == field.camel {
                    let _ = writeln!(out, "  if ((v = {wire}) !== undefined) {wire} = {value};");
                } else {
                    let _ = writeln!(
                        out,
                        "  if ((v = {wire}) !== undefined) {{\n    delete {wire};\n    {} = {value};\n  }}",
                        member("o", &field.camel)
                    );
                }
            }
        }
        TypeKind::Union { variants } => {
            for variant in variants {
                let test = variant_test(product, variant, "o", false);
                let value = convert(product, variant, "o", "read");
                let _ = writeln!(out, "  if ({test}) return {value};");
            }
        }
        TypeKind::Enum { .. } => {}
    }
    out.push_str("  return o;\n}\n");
}

fn writer(out: &mut String, product: &Product, shapes: &Shapes, id: TypeId) {
    let def = &product.types[id.0];
    let _ = writeln!(out, "function write{}(o) {{", def.name);
    match &def.kind {
        TypeKind::Object { fields, discriminator, .. } => {
            out.push_str("  if (typeof o !== 'object' || o === null || Array.isArray(o)) return o;\n");
            if let Some(d) = discriminator {
                let chosen: Vec<&(String, TypeId)> =
                    d.mapping.iter().filter(|(_, t)| shapes.writes[t.0] && *t != id).collect();
                if !chosen.is_empty() {
                    let _ = writeln!(out, "  switch ({}) {{", member("o", &d.property));
                    for (tag, target) in chosen {
                        let _ =
                            writeln!(out, "    case {}: return write{}(o);", quote(tag), product.types[target.0].name);
                    }
                    out.push_str("  }\n");
                }
            }
            out.push_str("  const w = { ...o };\n  let v;\n");
            for field in fields.iter().filter(|f| !f.read_only) {
                let inner = nested(&field.ty, &shapes.writes);
                if !inner && field.wire == field.camel {
                    continue;
                }
                let camel = member("w", &field.camel);
                let value = convert(product, &field.ty, "v", "write");
                if field.wire == field.camel {
                    let _ = writeln!(out, "  if ((v = {camel}) !== undefined) {camel} = {value};");
                } else {
                    let _ = writeln!(
                        out,
                        "  if ((v = {camel}) !== undefined) {{\n    delete {camel};\n    {} = {value};\n  }}",
                        member("w", &field.wire)
                    );
                }
            }
            out.push_str("  return w;\n}\n");
            return;
        }
        TypeKind::Union { variants } => {
            for variant in variants {
                let test = variant_test(product, variant, "o", true);
                let value = convert(product, variant, "o", "write");
                let _ = writeln!(out, "  if ({test}) return {value};");
            }
        }
        TypeKind::Enum { .. } => {}
    }
    out.push_str("  return o;\n}\n");
}

/// The test that picks a union's variant: an object with the variant's required fields (by
/// wire name when reading, by camelCase name when writing), or the JSON type of the others.
fn variant_test(product: &Product, ty: &Ty, value: &str, camel: bool) -> String {
    match ty {
        Ty::Named(id) => match &product.types[id.0].kind {
            TypeKind::Object { fields, discriminator: None, .. } => {
                let required: Vec<String> = fields
                    .iter()
                    .filter(|f| f.required)
                    .map(|f| quote(if camel { &f.camel } else { &f.wire }))
                    .collect();
                format!("has({value}, [{}])", required.join(", "))
            }
            TypeKind::Enum { .. } => format!("typeof {value} === 'string'"),
            _ => format!("has({value}, [])"),
        },
        Ty::List(_) => format!("Array.isArray({value})"),
        Ty::Map(_) | Ty::Any => format!("has({value}, [])"),
        Ty::Integer { .. } | Ty::Number => format!("typeof {value} === 'number'"),
        Ty::Boolean => format!("typeof {value} === 'boolean'"),
        _ => format!("typeof {value} === 'string'"),
    }
}
