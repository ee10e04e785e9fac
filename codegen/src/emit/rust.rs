//! The Rust typed layer: `core/src/api/` — one module per product (behind a cargo feature of
//! its name), holding its types, its request types and a handle whose methods call
//! `Client::call`; plus the table of how operations page, which the core always compiles.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use super::{File, Output, header, unique, upper_constant};
use crate::Loaded;
use crate::ir::{Discriminator, Field, Location, Operation, Paging, Product, Response, Ty, TypeDef, TypeId, TypeKind};

const ROOT: &str = "core/src/api";

/// Writes the Rust layer.
pub fn emit(loaded: &Loaded) -> Output {
    let mut files = vec![File::whole(format!("{ROOT}/mod.rs"), root(loaded)), features(loaded)];
    for product in &loaded.api.products {
        let handle = loaded
            .overlay
            .extras(&product.key, "rust")
            .and_then(|t| t.get("handle"))
            .and_then(|h| h.as_str())
            .map(str::to_owned);
        files.push(File::whole(format!("{ROOT}/{}/mod.rs", product.snake), module(product, handle.as_deref())));
        files.push(File::whole(format!("{ROOT}/{}/types.rs", product.snake), types(product)));
    }
    Output { dirs: vec![ROOT.to_owned()], files }
}

/// The region of `core/Cargo.toml` that lists a feature per product, and `all-products`.
fn features(loaded: &Loaded) -> File {
    let names: Vec<String> = loaded.api.products.iter().map(|p| format!("{:?}", p.snake)).collect();
    let mut text = format!("all-products = [{}]\n", names.join(", "));
    for product in &loaded.api.products {
        let _ = writeln!(text, "{} = []", product.snake);
    }
    File { path: "core/Cargo.toml".to_owned(), text, region: Some("generated product features") }
}

fn root(loaded: &Loaded) -> String {
    let mut out = header("//");
    out.push_str(
        "//! Every product of Infobip's specs, typed: one module per spec file, each behind the cargo\n\
         //! feature of its name (all on by default; `default-features = false` and a list of\n\
         //! features compile only those). Each module has a handle (`client.whatsapp()`) with one\n\
         //! method per operation, named after its `operationId`, the operation's request type, and\n\
         //! every type its requests, answers and webhook pushes use.\n//!\n\
         //! The product modules are left out of the crate's own unit-test build, which does not use\n\
         //! them (the integration tests in `core/tests/` use the real library): that halves the\n\
         //! time the crate's tests take to compile.\n\n",
    );
    for product in &loaded.api.products {
        let _ = writeln!(out, "#[cfg(all(feature = \"{0}\", not(test)))]\npub mod {0};", product.snake);
    }
    out.push_str(
        "\n/// How an operation pages, from its spec (`None` when it does not); see\n\
         /// [`Pages`](crate::typed::Pages).\n\
         pub(crate) fn paging(operation_id: &str) -> Option<crate::typed::Paging> {\n\
         \x20   use crate::typed::Paging::{Cursor, Page};\n\
         \x20   match operation_id {\n",
    );
    for product in &loaded.api.products {
        for op in &product.operations {
            let Some(paging) = &op.paging else { continue };
            let value = match paging {
                Paging::Cursor { param, next, items, flag } => format!(
                    "Cursor {{ param: {param:?}, next: &[{}], items: {items:?}, flag: {} }}",
                    next.iter().map(|n| format!("{n:?}")).collect::<Vec<_>>().join(", "),
                    flag.as_ref().map_or("None".to_owned(), |f| format!("Some({f:?})"))
                ),
                Paging::Page { param, size, first, items } => format!(
                    "Page {{ param: {param:?}, size: {}, first: {first}, items: {items:?} }}",
                    size.as_ref().map_or("None".to_owned(), |s| format!("Some({s:?})"))
                ),
            };
            let _ = writeln!(out, "        {:?} => Some({value}),", op.id);
        }
    }
    out.push_str("        _ => None,\n    }\n}\n");
    dispatch(&mut out, loaded);
    out
}

/// Test hooks over every operation's generated types: reading an answer, and a request body
/// read and written back (what a round trip through the types keeps).
fn dispatch(out: &mut String, loaded: &Loaded) {
    out.push_str(
        "\n/// Reads `body` as the answer of `operation_id`, into its generated type (`None` when the\n\
         /// operation does not answer JSON, or its product's feature is off). For tests.\n\
         #[doc(hidden)]\n\
         #[allow(unused_variables)] // with no product's feature on, no arm reads `body`\n\
         pub fn decode_answer(operation_id: &str, body: &[u8]) -> Option<Result<(), crate::Error>> {\n\
         \x20   match operation_id {\n",
    );
    for product in &loaded.api.products {
        for op in &product.operations {
            if let Response::Json { ty, .. } = &op.response {
                let _ = writeln!(
                    out,
                    "        #[cfg(all(feature = \"{feature}\", not(test)))]\n        {id:?} => Some(crate::http::decode_json::<{ty}>(body, {id:?}).map(drop)),",
                    feature = product.snake,
                    id = op.id,
                    ty = qualified(product, ty),
                );
            }
        }
    }
    out.push_str("        _ => None,\n    }\n}\n");
    out.push_str(
        "\n/// Reads `body` into the request body type of `operation_id` and writes it back as JSON\n\
         /// (`None` when the operation takes no JSON body, or its product's feature is off). For tests.\n\
         #[doc(hidden)]\n\
         #[allow(unused_variables)] // with no product's feature on, no arm reads `body`\n\
         pub fn round_trip_body(operation_id: &str, body: &[u8]) -> Option<Result<serde_json::Value, crate::Error>> {\n\
         \x20   match operation_id {\n",
    );
    for product in &loaded.api.products {
        for op in &product.operations {
            let Some(body) = &op.body else { continue };
            if !body.content_type.contains("json") {
                continue;
            }
            let _ = writeln!(
                out,
                "        #[cfg(all(feature = \"{feature}\", not(test)))]\n        {id:?} => Some(crate::http::decode_json::<{ty}>(body, {id:?}).and_then(|v| crate::typed::to_json(&v))),",
                feature = product.snake,
                id = op.id,
                ty = qualified(product, &body.ty),
            );
        }
    }
    out.push_str("        _ => None,\n    }\n}\n");
}

/// A Rust type path from `crate::api`.
fn qualified(product: &Product, ty: &Ty) -> String {
    match ty {
        Ty::Named(id) => format!("{}::{}", product.snake, product.types[id.0].name),
        Ty::List(inner) => format!("Vec<{}>", qualified(product, inner)),
        Ty::Map(inner) => format!("std::collections::BTreeMap<String, {}>", qualified(product, inner)),
        other => rust_type(product, other),
    }
}

fn module(product: &Product, handle: Option<&str>) -> String {
    let mut out = header("//");
    let _ = writeln!(out, "//! {}: the typed operations of `spec/{}`.", product.title, product.file);
    out.push_str("\nmod types;\npub use types::*;\n\n");
    out.push_str("#[allow(unused_imports)]\nuse crate::typed::ParamValue as _;\n\n");
    let receiver = match handle {
        Some(path) => path.to_owned(),
        None => {
            let _ = writeln!(
                out,
                "/// {title} (`client.{snake}()`): every operation of `spec/{file}`. Cheap to clone.\n\
                 #[derive(Clone, Debug)]\n\
                 pub struct {pascal} {{\n    client: crate::Client,\n}}\n\n\
                 impl crate::Client {{\n\
                 \x20   /// {title}: every operation of `spec/{file}`, typed.\n\
                 \x20   pub fn {snake}(&self) -> {pascal} {{\n\
                 \x20       {pascal} {{ client: self.clone() }}\n    }}\n}}\n",
                title = product.title,
                snake = product.snake,
                file = product.file,
                pascal = product.pascal,
            );
            product.pascal.clone()
        }
    };
    let _ = writeln!(out, "impl {receiver} {{");
    for (i, op) in product.operations.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        method(&mut out, product, op);
    }
    out.push_str("}\n");
    for op in &product.operations {
        if needs_request_type(op) {
            request_type(&mut out, product, op, &receiver);
        }
    }
    out
}

fn needs_request_type(op: &Operation) -> bool {
    !op.params.is_empty() || op.body.is_some()
}

fn method(out: &mut String, product: &Product, op: &Operation) {
    doc(out, "    ", &op.summary);
    if !op.doc.is_empty() && op.doc != op.summary {
        out.push_str("    ///\n");
        doc(out, "    ", &op.doc);
    }
    out.push_str("    ///\n");
    let _ = writeln!(out, "    /// `{} {}` (operation `{}`).", op.method, op.path, op.id);
    deprecated(out, product, op);
    let result = response_type(product, op);
    let (arg, params) = if needs_request_type(op) {
        (format!(", request: impl Into<{}>", op.request_type), "request.into().into_params()?".to_owned())
    } else {
        (String::new(), "crate::catalog::CallParams::new()".to_owned())
    };
    let call = match &op.response {
        Response::Json { .. } => "json",
        Response::Empty { .. } => "empty",
        Response::File { .. } => "file",
        Response::Text { .. } => "text",
    };
    let _ = writeln!(
        out,
        "    pub async fn {name}(&self{arg}) -> Result<crate::typed::ApiResponse<{result}>, crate::Error> {{\n\
         \x20       crate::typed::{call}(&self.client, {id:?}, {params}).await\n    }}",
        name = ident(&op.snake),
        id = op.id,
    );
    if let Response::File { .. } = &op.response {
        download_method(out, product, op);
    }
    if let (Some(paging), Response::Json { ty: Ty::Named(id), .. }) = (&op.paging, &op.response) {
        let items = match paging {
            Paging::Cursor { items, .. } | Paging::Page { items, .. } => items,
        };
        let item = object_fields(product, *id)
            .and_then(|fields| fields.iter().find(|f| f.wire == *items))
            .map(|f| match &f.ty {
                Ty::List(inner) => rust_type(product, inner),
                _ => "serde_json::Value".to_owned(),
            })
            .unwrap_or_else(|| "serde_json::Value".to_owned());
        let arg_name = if needs_request_type(op) { "request" } else { "_request" };
        let arg_type = if needs_request_type(op) { format!("impl Into<{}>", op.request_type) } else { "()".to_owned() };
        let params = if needs_request_type(op) {
            "request.into().into_params()"
        } else {
            "Ok(crate::catalog::CallParams::new())"
        };
        let _ = writeln!(
            out,
            "\n    /// Every item of [`{name}`](Self::{name}), page after page, as a stream (see\n\
             \x20   /// [`Pages`](crate::typed::Pages) for when it stops).",
            name = ident(&op.snake)
        );
        deprecated(out, product, op);
        let _ = writeln!(
            out,
            "    pub fn {name}_stream(&self, {arg_name}: {arg_type}) -> impl futures_util::Stream<Item = Result<{item}, crate::Error>> + Send + 'static {{\n\
             \x20       crate::typed::item_stream(&self.client, {id:?}, {params})\n    }}",
            name = op.snake,
            id = op.id,
        );
    }
}

/// `<method>_stream`: the file an operation answers, as a [`Download`](crate::Download) read as
/// it arrives.
fn download_method(out: &mut String, product: &Product, op: &Operation) {
    let name = ident(&op.snake);
    let _ = writeln!(
        out,
        "\n    /// [`{name}`](Self::{name}), its file read as it arrives (see [`Download`](crate::Download)):\n\
         \x20   /// into a file, as a stream of chunks, with memory use flat however large the file."
    );
    deprecated(out, product, op);
    let (arg, params) = if needs_request_type(op) {
        (format!(", request: impl Into<{}>", op.request_type), "request.into().into_params()?")
    } else {
        (String::new(), "crate::catalog::CallParams::new()")
    };
    let _ = writeln!(
        out,
        "    pub async fn {snake}_stream(&self{arg}) -> Result<crate::Download, crate::Error> {{\n\
         \x20       self.client.download({id:?}, {params}).await\n    }}",
        snake = op.snake,
        id = op.id,
    );
}

fn deprecated(out: &mut String, product: &Product, op: &Operation) {
    if !op.deprecated {
        return;
    }
    let successor = op
        .successor
        .as_ref()
        .and_then(|id| product.operations.iter().find(|o| &o.id == id))
        .map(|o| format!("; use `{}` instead", o.snake))
        .unwrap_or_default();
    let _ = writeln!(out, "    #[deprecated(note = \"deprecated by Infobip{successor}\")]");
}

fn response_type(product: &Product, op: &Operation) -> String {
    match &op.response {
        Response::Json { ty, .. } => rust_type(product, ty),
        Response::Empty { .. } => "()".to_owned(),
        Response::File { .. } => "crate::typed::FileDownload".to_owned(),
        Response::Text { .. } => "String".to_owned(),
    }
}

fn request_type(out: &mut String, product: &Product, op: &Operation, receiver: &str) {
    let _ = writeln!(
        out,
        "\n/// The arguments of [`{receiver}::{method}`].\n#[derive(Clone, Debug, Default, PartialEq)]\npub struct {name} {{",
        method = ident(&op.snake),
        name = op.request_type
    );
    for param in &op.params {
        doc(out, "    ", if param.doc.is_empty() { "A parameter of the operation." } else { &param.doc });
        let ty = param_type(product, &param.ty);
        let ty = if param.location == Location::Path { ty } else { format!("Option<{ty}>") };
        let _ = writeln!(out, "    pub {}: {ty},", ident(&param.snake));
    }
    if let Some(body) = &op.body {
        let _ = writeln!(out, "    /// The request body (`{}`).", body.content_type);
        let _ = writeln!(out, "    pub body: Option<{}>,", rust_type(product, &body.ty));
    }
    out.push_str("}\n");
    if let (Some(body), true) = (&op.body, op.params.is_empty()) {
        let ty = rust_type(product, &body.ty);
        let _ = writeln!(
            out,
            "\nimpl From<{ty}> for {name} {{\n    fn from(body: {ty}) -> Self {{\n        {name} {{ body: Some(body) }}\n    }}\n}}",
            name = op.request_type
        );
    }
    let _ = writeln!(
        out,
        "\nimpl {} {{\n    fn into_params(self) -> Result<crate::catalog::CallParams, crate::Error> {{\n        \
         #[allow(unused_mut)]\n        let mut params = crate::catalog::CallParams::new();",
        op.request_type
    );
    for param in &op.params {
        let map = match param.location {
            Location::Path => "path",
            Location::Query => "query",
            Location::Header => "headers",
        };
        let field = ident(&param.snake);
        if param.location == Location::Path {
            let _ =
                writeln!(out, "        params.{map}.insert({:?}.to_owned(), self.{field}.param_value());", param.wire);
        } else {
            let _ = writeln!(
                out,
                "        if let Some(value) = &self.{field} {{\n            params.{map}.insert({:?}.to_owned(), value.param_value());\n        }}",
                param.wire
            );
        }
    }
    if let Some(body) = &op.body {
        files_into_params(out, product, &body.ty);
    }
    out.push_str("        Ok(params)\n    }\n}\n");
}

/// The body's part of `into_params`: JSON fields as the body, file fields (a form's, or the
/// whole body of an octet-stream upload) as the call's files.
fn files_into_params(out: &mut String, product: &Product, body: &Ty) {
    if is_file(body) {
        out.push_str(
            "        if let Some(body) = &self.body {\n            params = params.file(crate::files::BODY_FIELD, body.clone());\n        }\n",
        );
        return;
    }
    out.push_str(
        "        if let Some(body) = &self.body {\n            params.body = Some(crate::typed::to_json(body)?);\n",
    );
    let fields = match body {
        Ty::Named(id) => object_fields(product, *id).unwrap_or_default(),
        _ => &[],
    };
    for field in fields.iter().filter(|f| is_file(&f.ty)) {
        let name = ident(&field.snake);
        if matches!(field.ty, Ty::List(_)) {
            let _ = writeln!(
                out,
                "            for part in body.{name}.iter().flatten() {{\n                params = params.file({:?}, part.clone());\n            }}",
                field.wire
            );
        } else {
            let _ = writeln!(
                out,
                "            if let Some(part) = &body.{name} {{\n                params = params.file({:?}, part.clone());\n            }}",
                field.wire
            );
        }
    }
    out.push_str("        }\n");
}

/// Whether a type is a file to upload (`format: binary`), alone or in a list.
fn is_file(ty: &Ty) -> bool {
    match ty {
        Ty::Binary => true,
        Ty::List(inner) => matches!(**inner, Ty::Binary),
        _ => false,
    }
}

/// The Rust type of a parameter: like a field's, with objects sent as JSON values.
fn param_type(product: &Product, ty: &Ty) -> String {
    match ty {
        Ty::Named(id) if !matches!(product.types[id.0].kind, TypeKind::Enum { .. }) => "serde_json::Value".to_owned(),
        Ty::List(inner) => format!("Vec<{}>", param_type(product, inner)),
        Ty::Map(_) => "serde_json::Value".to_owned(),
        other => rust_type(product, other),
    }
}

fn rust_type(product: &Product, ty: &Ty) -> String {
    match ty {
        Ty::String | Ty::Date | Ty::Literal(_) => "String".to_owned(),
        Ty::Integer { bits: 32 } => "i32".to_owned(),
        Ty::Integer { .. } => "i64".to_owned(),
        Ty::Number => "f64".to_owned(),
        Ty::Boolean => "bool".to_owned(),
        Ty::DateTime => "crate::typed::DateTime".to_owned(),
        Ty::Binary => "crate::FilePart".to_owned(),
        Ty::Any => "serde_json::Value".to_owned(),
        Ty::List(inner) => format!("Vec<{}>", rust_type(product, inner)),
        Ty::Map(inner) => format!("std::collections::BTreeMap<String, {}>", rust_type(product, inner)),
        Ty::Named(id) => product.types[id.0].name.clone(),
    }
}

fn object_fields(product: &Product, id: TypeId) -> Option<&[Field]> {
    match &product.types[id.0].kind {
        TypeKind::Object { fields, .. } => Some(fields),
        _ => None,
    }
}

fn types(product: &Product) -> String {
    let mut out = header("//");
    let _ = writeln!(out, "//! The types of `spec/{}`: requests, answers and webhook pushes.", product.file);
    out.push_str("\n#![allow(clippy::enum_variant_names, clippy::large_enum_variant)]\n\n");
    out.push_str("use serde::{Deserialize, Serialize};\n");
    let boxed = boxed_fields(product);
    for (index, def) in product.types.iter().enumerate() {
        out.push('\n');
        match &def.kind {
            TypeKind::Object { fields, discriminator: Some(d), .. } => {
                polymorphic(&mut out, product, def, d, fields);
            }
            TypeKind::Object { fields, .. } => structure(&mut out, product, def, fields, &boxed, TypeId(index)),
            TypeKind::Enum { values } => open_enum(&mut out, def, values),
            TypeKind::Union { variants } => union(&mut out, product, def, variants),
        }
    }
    out
}

fn type_doc(out: &mut String, def: &TypeDef) {
    let fallback = format!("`{}` of the spec.", def.source.rsplit('.').next().unwrap_or(&def.source));
    doc(out, "", if def.doc.is_empty() { &fallback } else { &def.doc });
}

fn structure(
    out: &mut String,
    product: &Product,
    def: &TypeDef,
    fields: &[Field],
    boxed: &HashSet<(TypeId, String)>,
    id: TypeId,
) {
    type_doc(out, def);
    let camel_all = fields.iter().all(|f| serde_camel(&f.snake) == f.wire);
    out.push_str("#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]\n");
    out.push_str(if camel_all { "#[serde(default, rename_all = \"camelCase\")]\n" } else { "#[serde(default)]\n" });
    let _ = writeln!(out, "pub struct {} {{", def.name);
    for field in fields {
        let fallback = format!("`{}`.", field.wire);
        doc(out, "    ", if field.doc.is_empty() { &fallback } else { &field.doc });
        let rename =
            if camel_all || field.snake == field.wire { String::new() } else { format!("rename = {:?}, ", field.wire) };
        if is_file(&field.ty) {
            // A form's file field: sent as a file part (see `request_type`), not as JSON.
            out.push_str("    #[serde(skip)]\n");
        } else {
            let _ = writeln!(out, "    #[serde({rename}skip_serializing_if = \"Option::is_none\")]");
        }
        let mut ty = rust_type(product, &field.ty);
        if boxed.contains(&(id, field.wire.clone())) {
            ty = format!("Box<{ty}>");
        }
        let _ = writeln!(out, "    pub {}: Option<{ty}>,", ident(&field.snake));
    }
    out.push_str("}\n");
}

/// A discriminated base: an enum of its subtypes, and `Other` for a tag this version does not know.
fn polymorphic(out: &mut String, product: &Product, def: &TypeDef, d: &Discriminator, fields: &[Field]) {
    let mut variants: Vec<(String, TypeId, String)> = Vec::new();
    let mut names = HashSet::new();
    for (tag, target) in &d.mapping {
        if variants.iter().any(|(_, t, _)| t == target) {
            continue;
        }
        let name = unique(&mut names, &product.types[target.0].name);
        variants.push((name, *target, tag.clone()));
    }
    type_doc(out, def);
    let _ = writeln!(
        out,
        "///\n/// Told apart by `{}`; a value this version does not know is kept as [`{}::Other`].",
        d.property, def.name
    );
    if !fields.is_empty() {
        let common: Vec<String> = fields.iter().map(|f| format!("`{}`", f.wire)).collect();
        let _ = writeln!(out, "/// Every variant has the common fields {}.", common.join(", "));
    }
    out.push_str("#[derive(Clone, Debug, PartialEq)]\n");
    let _ = writeln!(out, "pub enum {} {{", def.name);
    for (name, target, tag) in &variants {
        let _ =
            writeln!(out, "    /// `{}` = `{tag}`.\n    {name}(Box<{}>),", d.property, product.types[target.0].name);
    }
    out.push_str(
        "    /// A value of a kind this version does not know, as the API sent it.\n    Other(serde_json::Value),\n}\n",
    );
    let _ = writeln!(
        out,
        "\nimpl Serialize for {name} {{\n    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {{\n        match self {{",
        name = def.name
    );
    for (variant, _, tag) in &variants {
        let _ = writeln!(
            out,
            "            {}::{variant}(value) => crate::typed::tagged(serializer, {:?}, {tag:?}, value),",
            def.name, d.property
        );
    }
    let _ =
        writeln!(out, "            {}::Other(value) => value.serialize(serializer),\n        }}\n    }}\n}}", def.name);
    let _ = writeln!(
        out,
        "\nimpl<'de> Deserialize<'de> for {name} {{\n    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {{\n        \
         let value = serde_json::Value::deserialize(deserializer)?;\n        match value.get({prop:?}).and_then(serde_json::Value::as_str) {{",
        name = def.name,
        prop = d.property
    );
    for (tag, target) in &d.mapping {
        if let Some((variant, _, _)) = variants.iter().find(|(_, t, _)| t == target) {
            let _ = writeln!(
                out,
                "            Some({tag:?}) => crate::typed::from_value(value).map({}::{variant}),",
                def.name
            );
        }
    }
    let _ = writeln!(out, "            _ => Ok({}::Other(value)),\n        }}\n    }}\n}}", def.name);
}

/// A `oneOf` without a discriminator: the first variant whose required fields are present.
fn union(out: &mut String, product: &Product, def: &TypeDef, variants: &[Ty]) {
    let mut names = HashSet::new();
    let named: Vec<(String, &Ty)> = variants
        .iter()
        .map(|ty| {
            let base = match ty {
                Ty::Named(id) => product.types[id.0].name.clone(),
                Ty::List(_) => "List".to_owned(),
                Ty::Map(_) | Ty::Any => "Object".to_owned(),
                Ty::Integer { .. } | Ty::Number => "Number".to_owned(),
                Ty::Boolean => "Boolean".to_owned(),
                _ => "Text".to_owned(),
            };
            (unique(&mut names, &base), ty)
        })
        .collect();
    type_doc(out, def);
    out.push_str("///\n/// One of several shapes; a value of none of them is kept as `Other`.\n");
    out.push_str("#[derive(Clone, Debug, PartialEq)]\n");
    let _ = writeln!(out, "pub enum {} {{", def.name);
    for (name, ty) in &named {
        let _ = writeln!(out, "    /// A `{}`.\n    {name}(Box<{}>),", rust_type(product, ty), rust_type(product, ty));
    }
    out.push_str("    /// A value of none of the shapes, as the API sent it.\n    Other(serde_json::Value),\n}\n");
    let _ = writeln!(
        out,
        "\nimpl Serialize for {name} {{\n    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {{\n        match self {{",
        name = def.name
    );
    for (variant, _) in &named {
        let _ = writeln!(out, "            {}::{variant}(value) => value.serialize(serializer),", def.name);
    }
    let _ =
        writeln!(out, "            {}::Other(value) => value.serialize(serializer),\n        }}\n    }}\n}}", def.name);
    let _ = writeln!(
        out,
        "\nimpl<'de> Deserialize<'de> for {name} {{\n    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {{\n        \
         let value = serde_json::Value::deserialize(deserializer)?;",
        name = def.name
    );
    for (variant, ty) in &named {
        let test = match ty {
            Ty::Named(id) => match &product.types[id.0].kind {
                TypeKind::Object { fields, discriminator: None, .. } => {
                    let required: Vec<String> =
                        fields.iter().filter(|f| f.required).map(|f| format!("{:?}", f.wire)).collect();
                    format!("crate::typed::has_fields(&value, &[{}])", required.join(", "))
                }
                TypeKind::Enum { .. } => "value.is_string()".to_owned(),
                _ => "value.is_object()".to_owned(),
            },
            Ty::List(_) => "value.is_array()".to_owned(),
            Ty::Map(_) | Ty::Any => "value.is_object()".to_owned(),
            Ty::Integer { .. } | Ty::Number => "value.is_number()".to_owned(),
            Ty::Boolean => "value.is_boolean()".to_owned(),
            _ => "value.is_string()".to_owned(),
        };
        let _ = writeln!(
            out,
            "        if {test} {{\n            return crate::typed::from_value(value).map({}::{variant});\n        }}",
            def.name
        );
    }
    let _ = writeln!(out, "        Ok({}::Other(value))\n    }}\n}}", def.name);
}

fn open_enum(out: &mut String, def: &TypeDef, values: &[String]) {
    let mut body = String::new();
    type_doc(&mut body, def);
    body.push_str("///\n/// An open enum: the constants are the values the spec lists; any other value is kept.\n");
    let mut consts = HashSet::new();
    let mut lines = Vec::new();
    for value in values {
        let name = unique(&mut consts, &upper_constant(value));
        lines.push(format!("    /// `{}`\n    {name} = {value:?},", value.replace('`', "'")));
    }
    let _ =
        writeln!(out, "crate::open_enum! {{\n{}    {} {{\n{}\n    }}\n}}", indent(&body), def.name, lines.join("\n"));
}

fn indent(text: &str) -> String {
    text.lines().map(|l| format!("    {l}\n")).collect()
}

/// Fields that hold a struct which holds, directly, the struct they belong to: they are boxed.
pub(super) fn boxed_fields(product: &Product) -> HashSet<(TypeId, String)> {
    let direct: HashMap<TypeId, Vec<(String, TypeId)>> = product
        .types
        .iter()
        .enumerate()
        .filter_map(|(i, def)| match &def.kind {
            TypeKind::Object { fields, discriminator: None, .. } => Some((
                TypeId(i),
                fields
                    .iter()
                    .filter_map(|f| match f.ty {
                        Ty::Named(target) if is_struct(product, target) => Some((f.wire.clone(), target)),
                        _ => None,
                    })
                    .collect(),
            )),
            _ => None,
        })
        .collect();
    let mut boxed = HashSet::new();
    for (owner, edges) in &direct {
        for (field, target) in edges {
            if reaches(&direct, *target, *owner) {
                boxed.insert((*owner, field.clone()));
            }
        }
    }
    boxed
}

fn is_struct(product: &Product, id: TypeId) -> bool {
    matches!(product.types[id.0].kind, TypeKind::Object { discriminator: None, .. })
}

fn reaches(direct: &HashMap<TypeId, Vec<(String, TypeId)>>, from: TypeId, to: TypeId) -> bool {
    let mut seen = HashSet::new();
    let mut stack = vec![from];
    while let Some(at) = stack.pop() {
        if at == to {
            return true;
        }
        if seen.insert(at) {
            stack.extend(direct.get(&at).into_iter().flatten().map(|(_, t)| *t));
        }
    }
    false
}

/// serde's `rename_all = "camelCase"` of a snake_case field name.
fn serde_camel(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn", "else", "enum",
    "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "macro", "match", "mod", "move",
    "mut", "override", "priv", "pub", "ref", "return", "static", "struct", "trait", "true", "try", "type", "typeof",
    "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// A Rust identifier for a snake_case name (`type` → `r#type`, `self` → `self_`).
fn ident(snake: &str) -> String {
    match snake {
        "self" | "super" | "crate" | "Self" => format!("{snake}_"),
        k if KEYWORDS.contains(&k) => format!("r#{k}"),
        other => other.to_owned(),
    }
}

/// Writes `text` as `///` lines at `indent`, wrapped near 100 columns, safe for rustdoc (no
/// code fences, so no doctests).
fn doc(out: &mut String, indent: &str, text: &str) {
    let text = text.replace("```", "`").replace('\u{0}', "");
    let text: String = if text.chars().count() > 600 {
        let cut: String = text.chars().take(600).collect();
        format!("{}…", cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head))
    } else {
        text
    };
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.len() + word.len() > 96 {
            let _ = writeln!(out, "{indent}/// {line}");
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    let _ = writeln!(out, "{indent}/// {line}");
}
