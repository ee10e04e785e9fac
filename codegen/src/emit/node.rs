//! The Node typed layer: `bindings-node/lib/generated/` — per product a JavaScript module (its
//! namespace class, one method per operation, the table of operations and the readers that turn
//! a parsed answer into its result) and its TypeScript declarations, plus an index of the
//! namespaces that the client loads on first use.
//!
//! At run time (`bindings-node/lib/typed.js`) a method splits its one params object into path,
//! query, header and body parts (wire names), sends them through the native `call`, parses the
//! answer's text with `JSON.parse` and hands it to the reader of its type, which converts only
//! the date-times (and the few fields whose wire name is not camelCase) in place.

mod dts;
mod js;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{File, Output, header};
use crate::Loaded;
use crate::ir::{Field, Product, Response, Ty, TypeDef, TypeId, TypeKind};

const ROOT: &str = "bindings-node/lib/generated";

/// Writes the Node layer.
pub fn emit(loaded: &Loaded) -> Output {
    let mut files = Vec::new();
    let mut namespaces = Vec::new();
    for product in &loaded.api.products {
        let extends = loaded
            .overlay
            .extras(&product.key, "node")
            .and_then(|t| t.get("module"))
            .and_then(|m| m.as_str())
            .map(str::to_owned);
        let shapes = Shapes::of(product);
        files.push(File::whole(format!("{ROOT}/{}.js", product.camel), js::module(product, &shapes)));
        files.push(File::whole(format!("{ROOT}/{}.d.ts", product.camel), dts::module(product, &shapes)));
        namespaces.push((product, extends));
    }
    files.push(File::whole(format!("{ROOT}/index.js"), index_js(&namespaces)));
    files.push(File::whole(format!("{ROOT}/index.d.ts"), dts::index(&namespaces)));
    Output { dirs: vec![ROOT.to_owned()], files }
}

/// `index.js`: how to load each namespace's class, by namespace name.
fn index_js(namespaces: &[(&Product, Option<String>)]) -> String {
    let mut out = header("//");
    out.push_str(
        "'use strict';\n// The namespaces of `Infobip` (`client.whatsapp`, …), each loaded on first use: name → its class.\n\
         // A namespace with hand-written calls loads the hand-written class, which extends the generated one.\n\n\
         module.exports = {\n",
    );
    for (product, extends) in namespaces {
        let module = match extends {
            Some(path) => format!("../{}", path.trim_start_matches("lib/")),
            None => format!("./{}.js", product.camel),
        };
        let _ = writeln!(out, "  {}: () => require({module:?}).{},", product.camel, product.pascal);
    }
    out.push_str("};\n");
    out
}

/// What each type of a product is used for, and which need code at run time.
pub(crate) struct Shapes {
    /// Types an answer or a webhook push reaches (declared in their result form).
    pub result: Vec<bool>,
    /// Types a request reaches (declared in their input form, in the `input` namespace).
    pub input: Vec<bool>,
    /// Result types whose reading changes something (a date-time, a renamed field, somewhere).
    pub reads: Vec<bool>,
    /// Input types whose writing changes something (a field whose wire name is not its name).
    pub writes: Vec<bool>,
    /// Subtype → (discriminator property → the tags that choose it), from every base mapping it.
    pub tags: BTreeMap<usize, BTreeMap<String, Vec<String>>>,
}

impl Shapes {
    fn of(product: &Product) -> Shapes {
        let n = product.types.len();
        let mut result = vec![false; n];
        let mut input = vec![false; n];
        for op in &product.operations {
            if let Response::Json { ty, .. } = &op.response {
                mark(product, ty, &mut result);
            }
            if let Some(body) = &op.body {
                mark(product, &body.ty, &mut input);
            }
            for param in &op.params {
                mark(product, &param.ty, &mut input);
            }
        }
        for hook in &product.webhooks {
            mark(product, &hook.ty, &mut result);
        }
        let reads = fixpoint(product, |def, done| match &def.kind {
            TypeKind::Object { fields, discriminator, .. } => {
                fields.iter().any(|f| f.wire != f.camel || converts(&f.ty, done))
                    || discriminator.as_ref().is_some_and(|d| d.mapping.iter().any(|(_, t)| done[t.0]))
            }
            TypeKind::Enum { .. } => false,
            TypeKind::Union { variants } => variants.iter().any(|v| converts(v, done)),
        });
        let writes = fixpoint(product, |def, done| match &def.kind {
            TypeKind::Object { fields, discriminator, .. } => {
                fields.iter().any(|f| !f.read_only && (f.wire != f.camel || nested(&f.ty, done)))
                    || discriminator.as_ref().is_some_and(|d| d.mapping.iter().any(|(_, t)| done[t.0]))
            }
            TypeKind::Enum { .. } => false,
            TypeKind::Union { variants } => variants.iter().any(|v| nested(v, done)),
        });
        let mut tags: BTreeMap<usize, BTreeMap<String, Vec<String>>> = BTreeMap::new();
        for def in &product.types {
            if let TypeKind::Object { discriminator: Some(d), .. } = &def.kind {
                for (tag, target) in &d.mapping {
                    tags.entry(target.0).or_default().entry(d.property.clone()).or_default().push(tag.clone());
                }
            }
        }
        Shapes { result, input, reads, writes, tags }
    }
}

/// Marks `ty` and every type it reaches.
fn mark(product: &Product, ty: &Ty, seen: &mut [bool]) {
    match ty {
        Ty::List(inner) | Ty::Map(inner) => mark(product, inner, seen),
        Ty::Named(id) if !seen[id.0] => {
            seen[id.0] = true;
            match &product.types[id.0].kind {
                TypeKind::Object { fields, additional, discriminator, .. } => {
                    for field in fields {
                        mark(product, &field.ty, seen);
                    }
                    if let Some(extra) = additional {
                        mark(product, extra, seen);
                    }
                    for (_, target) in discriminator.iter().flat_map(|d| &d.mapping) {
                        mark(product, &Ty::Named(*target), seen);
                    }
                }
                TypeKind::Enum { .. } => {}
                TypeKind::Union { variants } => {
                    for variant in variants {
                        mark(product, variant, seen);
                    }
                }
            }
        }
        _ => {}
    }
}

/// The least set of types for which `rule` holds, given what holds of the others (types that
/// reach themselves are settled by iterating until nothing changes).
fn fixpoint(product: &Product, rule: impl Fn(&TypeDef, &[bool]) -> bool) -> Vec<bool> {
    let mut done = vec![false; product.types.len()];
    loop {
        let mut changed = false;
        for (i, def) in product.types.iter().enumerate() {
            if !done[i] && rule(def, &done) {
                done[i] = true;
                changed = true;
            }
        }
        if !changed {
            return done;
        }
    }
}

/// Whether reading a value of `ty` changes it.
pub(crate) fn converts(ty: &Ty, reads: &[bool]) -> bool {
    match ty {
        Ty::DateTime => true,
        Ty::Named(id) => reads[id.0],
        Ty::List(inner) | Ty::Map(inner) => converts(inner, reads),
        _ => false,
    }
}

/// Whether writing a value of `ty` changes it (a named type that renames a field, somewhere).
pub(crate) fn nested(ty: &Ty, writes: &[bool]) -> bool {
    match ty {
        Ty::Named(id) => writes[id.0],
        Ty::List(inner) | Ty::Map(inner) => nested(inner, writes),
        _ => false,
    }
}

/// The fields of an object type (none for the other kinds).
pub(crate) fn fields_of(product: &Product, id: TypeId) -> &[Field] {
    match &product.types[id.0].kind {
        TypeKind::Object { fields, .. } => fields,
        _ => &[],
    }
}

/// Whether `name` can follow a `.` or stand as a property key unquoted.
pub(crate) fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
}

/// `o.name`, or `o["name"]` when the name is not an identifier.
pub(crate) fn member(object: &str, name: &str) -> String {
    if is_identifier(name) { format!("{object}.{name}") } else { format!("{object}[{}]", quote(name)) }
}

/// A property key: the name, or the name quoted when it is not an identifier.
pub(crate) fn key(name: &str) -> String {
    if is_identifier(name) { name.to_owned() } else { quote(name) }
}

/// A JavaScript string literal (single quotes).
pub(crate) fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('\'');
    for c in text.chars() {
        match c {
            '\'' => out.push_str("\\'"),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// Writes `text` as a JSDoc block at `indent`, wrapped near 100 columns; `tags` are extra
/// lines (`@deprecated …`) after a blank line.
pub(crate) fn jsdoc(out: &mut String, indent: &str, text: &str, tags: &[String]) {
    let text = clip(text);
    let mut lines = wrap(&text, 96usize.saturating_sub(indent.len()));
    if !tags.is_empty() {
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.extend(tags.iter().map(|t| clip(t)));
    }
    match lines.as_slice() {
        [] => {}
        [one] if one.len() + indent.len() < 92 => {
            let _ = writeln!(out, "{indent}/** {one} */");
        }
        _ => {
            let _ = writeln!(out, "{indent}/**");
            for line in &lines {
                if line.is_empty() {
                    let _ = writeln!(out, "{indent} *");
                } else {
                    let _ = writeln!(out, "{indent} * {line}");
                }
            }
            let _ = writeln!(out, "{indent} */");
        }
    }
}

/// Text safe inside a block comment, cut after about 400 characters.
fn clip(text: &str) -> String {
    let text = text.replace("*/", "*\\/").replace('\u{0}', "");
    if text.chars().count() <= 400 {
        return text;
    }
    let cut: String = text.chars().take(400).collect();
    format!("{}…", cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head))
}

fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.len() + word.len() + 1 > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The doc of a type: the spec's, or where it comes from.
pub(crate) fn type_doc(def: &TypeDef) -> String {
    if def.doc.is_empty() {
        format!("`{}` of the spec.", def.source.rsplit('.').next().unwrap_or(&def.source))
    } else {
        def.doc.clone()
    }
}

/// The deprecation tag of an operation, naming its successor's method when the spec gives one.
pub(crate) fn deprecation(product: &Product, op: &crate::ir::Operation) -> Option<String> {
    if !op.deprecated {
        return None;
    }
    let successor = op.successor.as_ref().and_then(|id| product.operations.iter().find(|o| &o.id == id));
    Some(match successor {
        Some(next) => {
            format!("@deprecated Deprecated by Infobip; use {{@link {}.{}}} instead.", product.pascal, next.camel)
        }
        None => "@deprecated Deprecated by Infobip.".to_owned(),
    })
}
