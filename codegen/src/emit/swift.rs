//! The Swift typed layer, generated at build time (`infobip-codegen emit swift <dir>`, run by
//! `bindings-uniffi/generate.sh`; never committed): one file per product holding its namespace
//! class (`client.whatsapp()`, `async throws` methods named after the operation ids) with its
//! models and request structs nested in it (`Whatsapp.SendWhatsappTemplateMessageRequest`), and
//! `InfobipClient+Products.swift`, which adds the namespaces to the native client. The runtime
//! they stand on is hand-written (`bindings-uniffi/swift/Sources/InfobipSDK/Typed.swift`).
//!
//! Shapes: objects are `Codable` structs (a `final class` where a type holds itself) whose fields
//! are all optional; open enums are `OpenEnum` structs (any string is a value, the spec's values
//! are constants, string literals compare); date-times are `Date`; a polymorphic base and a
//! union are `indirect enum`s with an `.other` case for what this version does not know.

use std::collections::{BTreeSet, HashSet};
use std::fmt::Write as _;
use std::path::Path;

use super::rust::boxed_fields;
use super::{cut, header, unique};
use crate::Loaded;
use crate::ir::{Discriminator, Field, Location, Operation, Paging, Product, Response, Ty, TypeDef, TypeId, TypeKind};
use crate::names::words;

/// Writes the Swift layer into `dir`.
pub fn write(loaded: &Loaded, dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut files = vec![("InfobipClient+Products.swift".to_owned(), client(loaded))];
    for product in &loaded.api.products {
        files.push((format!("{}.swift", product.pascal), product_file(product)));
    }
    for (name, text) in files {
        let path = dir.join(name);
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

fn client(loaded: &Loaded) -> String {
    let mut out = header("//");
    out.push_str("import Foundation\n\n/// One namespace per product of Infobip's specs.\nextension InfobipClient {\n");
    for product in &loaded.api.products {
        let class = loaded
            .overlay
            .extras(&product.key, "swift")
            .and_then(|t| t.get("handle"))
            .and_then(|h| h.as_str())
            .map_or_else(|| product.pascal.clone(), str::to_owned);
        let _ = writeln!(
            out,
            "    /// {}: every operation of `spec/{}`.\n    public func {}() -> {class} {{ {class}(client: self) }}\n",
            line(&product.title),
            product.file,
            ident(&product.camel)
        );
    }
    out.push_str("}\n");
    out
}

fn product_file(product: &Product) -> String {
    let mut out = header("//");
    out.push_str("import Foundation\n\n");
    let ns = &product.pascal;
    let _ = writeln!(
        out,
        "/// {}: every operation of `spec/{}`, one `async throws` method each, named after its\n\
         /// operation id; its models are nested types (`{ns}.<Name>`). Get it with `client.{}()`.\n\
         open class {ns} {{\n    /// The client the calls go through.\n    public let client: InfobipClient\n\n    \
         /// The namespace of `client`.\n    public init(client: InfobipClient) {{\n        self.client = client\n    }}",
        line(&product.title),
        product.file,
        product.camel
    );
    for op in &product.operations {
        method(&mut out, product, op);
    }
    out.push_str("}\n");
    let cyclic: BTreeSet<TypeId> = boxed_fields(product).into_iter().map(|(owner, _)| owner).collect();
    let _ = writeln!(out, "\nextension {ns} {{");
    for op in &product.operations {
        if needs_request(op) {
            request_struct(&mut out, product, op);
        }
    }
    for (index, def) in product.types.iter().enumerate() {
        match &def.kind {
            TypeKind::Object { discriminator: Some(d), .. } => polymorphic(&mut out, product, def, d),
            TypeKind::Object { fields, parent, .. } => {
                structure(&mut out, product, def, fields, *parent, cyclic.contains(&TypeId(index)))
            }
            TypeKind::Enum { values } => open_enum(&mut out, def, values),
            TypeKind::Union { variants } => union(&mut out, product, def, variants),
        }
    }
    out.push_str("}\n");
    out
}

fn needs_request(op: &Operation) -> bool {
    !op.params.is_empty() || op.body.is_some()
}

fn body_field(op: &Operation) -> &'static str {
    if op.params.iter().any(|p| p.camel == "body") { "requestBody" } else { "body" }
}

fn method(out: &mut String, product: &Product, op: &Operation) {
    out.push('\n');
    doc(out, "    ", &op.summary);
    let _ = writeln!(out, "    ///\n    /// `{} {}` (operation `{}`).", op.method, op.path, op.id);
    let deprecated = deprecation(product, op);
    out.push_str(&deprecated);
    let (result, call) = match &op.response {
        Response::Json { ty, .. } => (format!("ApiResponse<{}>", swift_type(product, ty)), "json"),
        Response::Empty { .. } => ("RawResponse".to_owned(), "empty"),
        Response::File { .. } => ("FileDownload".to_owned(), "file"),
        Response::Text { .. } => ("ApiResponse<String>".to_owned(), "text"),
    };
    let (arg, params) = if needs_request(op) {
        (format!("_ request: {}.{}, ", product.pascal, op.request_type), "try request.params()")
    } else {
        (String::new(), "nil")
    };
    let _ = writeln!(
        out,
        "    public func {}({arg}options: RequestOptions? = nil) async throws -> {result} {{\n        \
         try await Wire.{call}(client, \"{}\", {params}, options)\n    }}",
        ident(&op.camel),
        op.id
    );
    if let Some(paging) = &op.paging {
        sequence(out, product, op, paging, &deprecated);
    }
}

/// `<method>Sequence`: every item of every page, as an `AsyncSequence`.
fn sequence(out: &mut String, product: &Product, op: &Operation, paging: &Paging, deprecated: &str) {
    let Response::Json { ty, .. } = &op.response else { return };
    let items = match paging {
        Paging::Cursor { items, .. } | Paging::Page { items, .. } => items,
    };
    let field = match ty {
        Ty::Named(id) => object_fields(product, *id).and_then(|fields| fields.iter().find(|f| f.wire == *items)),
        _ => None,
    };
    let (page, item, take) = match field {
        Some(Field { ty: Ty::List(inner), camel, .. }) => {
            (swift_type(product, ty), swift_type(product, inner), format!("{{ $0.{} ?? [] }}", ident(camel)))
        }
        _ => {
            ("JSONValue".to_owned(), "JSONValue".to_owned(), format!("{{ $0[\"{}\"]?.arrayValue ?? [] }}", sstr(items)))
        }
    };
    let (arg, params) = if needs_request(op) {
        let default =
            if op.params.iter().any(|p| p.location == Location::Path) || op.body.as_ref().is_some_and(|b| b.required) {
                String::new()
            } else {
                format!(" = {}.{}()", product.pascal, op.request_type)
            };
        (format!("_ request: {}.{}{default}, ", product.pascal, op.request_type), "try request.params()")
    } else {
        (String::new(), "nil")
    };
    let _ = writeln!(
        out,
        "\n    /// Every item of `{name}`, page after page: it ends after the last page or at an empty\n    \
         /// page, and throws `Decode` when the API repeats a cursor.\n{deprecated}    \
         public func {seq}({arg}options: RequestOptions? = nil) -> Paged<{page}, {item}> {{\n        \
         Paged(client: client, operation: \"{id}\", params: {{ {params} }}, options: options, items: {take})\n    }}",
        name = op.camel,
        seq = ident(&format!("{}Sequence", op.camel)),
        id = op.id,
    );
}

fn deprecation(product: &Product, op: &Operation) -> String {
    if !op.deprecated {
        return String::new();
    }
    let successor = op
        .successor
        .as_ref()
        .and_then(|id| product.operations.iter().find(|o| &o.id == id))
        .map(|o| format!("; use {} instead", o.camel))
        .unwrap_or_default();
    format!("    @available(*, deprecated, message: \"Deprecated by Infobip{successor}.\")\n")
}

fn request_struct(out: &mut String, product: &Product, op: &Operation) {
    let _ = writeln!(out, "\n    /// The arguments of `{}`.\n    public struct {} {{", op.camel, op.request_type);
    let mut members = Vec::new();
    for param in &op.params {
        let ty = swift_type(product, &param.ty);
        let required = param.location == Location::Path;
        members.push((ident(&param.camel), if required { ty } else { format!("{ty}?") }, required));
    }
    if let Some(body) = &op.body {
        let required = body.required && op.params.is_empty();
        let ty = swift_type(product, &body.ty);
        members.push((body_field(op).to_owned(), if required { ty } else { format!("{ty}?") }, required));
    }
    for (name, ty, _) in &members {
        let _ = writeln!(out, "        public var {name}: {ty}");
    }
    let args: Vec<String> =
        members.iter().map(|(n, t, req)| if *req { format!("{n}: {t}") } else { format!("{n}: {t} = nil") }).collect();
    let _ = writeln!(out, "\n        public init({}) {{", args.join(", "));
    for (name, _, _) in &members {
        let _ = writeln!(out, "            self.{name} = {name}");
    }
    out.push_str("        }\n\n        func params() throws -> String {\n            var params = Wire.Params()\n");
    for param in &op.params {
        let at = match param.location {
            Location::Path => "path",
            Location::Query => "query",
            Location::Header => "header",
        };
        let _ = writeln!(out, "            try params.{at}(\"{}\", {})", sstr(&param.wire), ident(&param.camel));
    }
    if op.body.is_some() {
        let _ = writeln!(out, "            try params.body({})", body_field(op));
    }
    out.push_str("            return try params.json()\n        }\n    }\n");
}

fn type_doc(def: &TypeDef) -> String {
    if def.doc.is_empty() {
        format!("`{}` of the spec.", def.source.rsplit('.').next().unwrap_or(&def.source))
    } else {
        def.doc.clone()
    }
}

fn structure(
    out: &mut String,
    product: &Product,
    def: &TypeDef,
    fields: &[Field],
    parent: Option<TypeId>,
    class: bool,
) {
    out.push('\n');
    doc(out, "    ", &type_doc(def));
    let tag = parent.and_then(|p| match &product.types[p.0].kind {
        TypeKind::Object { discriminator: Some(d), .. } => {
            let me = product.types.iter().position(|t| std::ptr::eq(t, def)).map(TypeId);
            let tags: Vec<&String> = d.mapping.iter().filter(|(_, t)| Some(*t) == me).map(|(tag, _)| tag).collect();
            match tags.as_slice() {
                [only] => Some((d.property.clone(), (*only).clone())),
                _ => None,
            }
        }
        _ => None,
    });
    let _ = writeln!(out, "    public {} {}: Codable {{", if class { "final class" } else { "struct" }, def.name);
    let mut members = Vec::new();
    for field in fields {
        let ty = format!("{}?", swift_type(product, &field.ty));
        let fixed =
            tag.as_ref().filter(|(property, _)| *property == field.wire && ty == "String?").map(|(_, v)| v.clone());
        members.push((ident(&field.camel), ty, fixed, field));
    }
    for (name, ty, _, field) in &members {
        doc(out, "        ", if field.doc.is_empty() { &field.wire } else { &field.doc });
        let _ = writeln!(out, "        public var {name}: {ty}");
    }
    if !members.is_empty() {
        out.push_str("\n        enum CodingKeys: String, CodingKey {\n");
        for (name, _, _, field) in &members {
            let _ = writeln!(out, "            case {name} = \"{}\"", sstr(&field.wire));
        }
        out.push_str("        }\n");
    }
    let args: Vec<String> = members
        .iter()
        .map(|(n, t, fixed, _)| match fixed {
            Some(value) => format!("{n}: {t} = \"{}\"", sstr(value)),
            None => format!("{n}: {t} = nil"),
        })
        .collect();
    let _ = writeln!(out, "\n        public init({}) {{", args.join(", "));
    for (name, _, _, _) in &members {
        let _ = writeln!(out, "            self.{name} = {name}");
    }
    out.push_str("        }\n    }\n");
}

fn polymorphic(out: &mut String, product: &Product, def: &TypeDef, d: &Discriminator) {
    out.push('\n');
    doc(out, "    ", &format!("{} Told apart by `{}`; an unknown kind reads as `.other`.", type_doc(def), d.property));
    let _ = writeln!(out, "    public indirect enum {}: Codable {{", def.name);
    let me = product.types.iter().position(|t| std::ptr::eq(t, def)).map(TypeId);
    let mut seen = HashSet::new();
    let mut names = HashSet::new();
    let mut cases = Vec::new();
    for (tag, target) in &d.mapping {
        let plain = matches!(product.types[target.0].kind, TypeKind::Object { discriminator: None, .. });
        if Some(*target) == me || !plain {
            continue;
        }
        if seen.insert(*target) {
            let case = unique(&mut names, &lower_camel(&product.types[target.0].name));
            let _ = writeln!(out, "        case {}({})", ident(&case), product.types[target.0].name);
            cases.push((case, *target, vec![tag.clone()]));
        } else if let Some(entry) = cases.iter_mut().find(|(_, t, _)| t == target) {
            entry.2.push(tag.clone());
        }
    }
    out.push_str("        /// A value of a kind this version does not know, as the API sent it.\n        case other(JSONValue)\n\n");
    let _ = writeln!(
        out,
        "        public init(from decoder: Decoder) throws {{\n            let value = try JSONValue(from: decoder)\n            \
         switch value[\"{}\"]?.stringValue {{",
        sstr(&d.property)
    );
    for (case, target, tags) in &cases {
        let tags: Vec<String> = tags.iter().map(|t| format!("\"{}\"", sstr(t))).collect();
        let _ = writeln!(
            out,
            "            case {}: self = .{}(try value.decode({}.self))",
            tags.join(", "),
            ident(case),
            product.types[target.0].name
        );
    }
    out.push_str("            default: self = .other(value)\n            }\n        }\n\n");
    encode_cases(out, cases.iter().map(|(c, _, _)| c.clone()));
    out.push_str("    }\n");
}

fn encode_cases(out: &mut String, cases: impl Iterator<Item = String>) {
    out.push_str("        public func encode(to encoder: Encoder) throws {\n            switch self {\n");
    for case in cases {
        let _ = writeln!(out, "            case .{}(let value): try value.encode(to: encoder)", ident(&case));
    }
    out.push_str("            case .other(let value): try value.encode(to: encoder)\n            }\n        }\n");
}

fn union(out: &mut String, product: &Product, def: &TypeDef, variants: &[Ty]) {
    out.push('\n');
    doc(out, "    ", &format!("{} One of several shapes: the first whose required fields are present.", type_doc(def)));
    let _ = writeln!(out, "    public indirect enum {}: Codable {{", def.name);
    let mut names = HashSet::new();
    let mut cases = Vec::new();
    for ty in variants {
        let base = match ty {
            Ty::Named(id) => lower_camel(&product.types[id.0].name),
            Ty::List(_) => "list".to_owned(),
            Ty::Map(_) | Ty::Any => "object".to_owned(),
            Ty::Integer { .. } | Ty::Number => "number".to_owned(),
            Ty::Boolean => "boolean".to_owned(),
            _ => "text".to_owned(),
        };
        let case = unique(&mut names, &base);
        let sty = swift_type(product, ty);
        let _ = writeln!(out, "        case {}({sty})", ident(&case));
        cases.push((case, sty, variant_test(product, ty)));
    }
    out.push_str("        /// A value of none of the shapes, as the API sent it.\n        case other(JSONValue)\n\n");
    out.push_str(
        "        public init(from decoder: Decoder) throws {\n            let value = try JSONValue(from: decoder)\n",
    );
    for (case, sty, test) in &cases {
        let _ = writeln!(
            out,
            "            if {test}, let read = try? value.decode({sty}.self) {{\n                self = .{}(read)\n                return\n            }}",
            ident(case)
        );
    }
    out.push_str("            self = .other(value)\n        }\n\n");
    encode_cases(out, cases.iter().map(|(c, _, _)| c.clone()));
    out.push_str("    }\n");
}

fn variant_test(product: &Product, ty: &Ty) -> String {
    match ty {
        Ty::Named(id) => match &product.types[id.0].kind {
            TypeKind::Object { fields, discriminator: None, .. } => {
                let required: Vec<String> =
                    fields.iter().filter(|f| f.required).map(|f| format!("\"{}\"", sstr(&f.wire))).collect();
                format!("value.has([{}])", required.join(", "))
            }
            TypeKind::Enum { .. } => "value.isString".to_owned(),
            _ => "value.isObject".to_owned(),
        },
        Ty::List(_) => "value.isArray".to_owned(),
        Ty::Map(_) | Ty::Any => "value.isObject".to_owned(),
        Ty::Integer { .. } | Ty::Number => "value.isNumber".to_owned(),
        Ty::Boolean => "value.isBool".to_owned(),
        _ => "value.isString".to_owned(),
    }
}

fn open_enum(out: &mut String, def: &TypeDef, values: &[String]) {
    out.push('\n');
    doc(
        out,
        "    ",
        &format!("{} An open enum: any string is a value; these are the ones the spec lists.", type_doc(def)),
    );
    let _ = writeln!(
        out,
        "    public struct {name}: OpenEnum {{\n        public let rawValue: String\n        \
         public init(rawValue: String) {{\n            self.rawValue = rawValue\n        }}",
        name = def.name
    );
    let mut taken = HashSet::new();
    for value in values {
        let name = unique(&mut taken, &lower_camel_words(value));
        let _ = writeln!(out, "        public static let {}: {} = \"{}\"", ident(&name), def.name, sstr(value));
    }
    out.push_str("    }\n");
}

fn object_fields(product: &Product, id: TypeId) -> Option<&[Field]> {
    match &product.types[id.0].kind {
        TypeKind::Object { fields, discriminator: None, .. } => Some(fields),
        _ => None,
    }
}

fn swift_type(product: &Product, ty: &Ty) -> String {
    match ty {
        Ty::String | Ty::Date | Ty::Literal(_) => "String".to_owned(),
        Ty::Integer { bits: 32 } => "Int32".to_owned(),
        Ty::Integer { .. } => "Int64".to_owned(),
        Ty::Number => "Double".to_owned(),
        Ty::Boolean => "Bool".to_owned(),
        Ty::DateTime => "Date".to_owned(),
        Ty::Binary | Ty::Any => "JSONValue".to_owned(),
        Ty::List(inner) => format!("[{}]", swift_type(product, inner)),
        Ty::Map(inner) => format!("[String: {}]", swift_type(product, inner)),
        Ty::Named(id) => format!("{}.{}", product.pascal, product.types[id.0].name),
    }
}

/// `SmsTextMessageContent` → `smsTextMessageContent`.
fn lower_camel(pascal: &str) -> String {
    let mut chars = pascal.chars();
    chars.next().map(|c| c.to_ascii_lowercase().to_string() + chars.as_str()).unwrap_or_default()
}

/// An enum value as a lowerCamel constant (`v` before a leading digit or for no words).
fn lower_camel_words(value: &str) -> String {
    let mut name = String::new();
    for (i, word) in words(value).iter().enumerate() {
        let lower = word.to_ascii_lowercase();
        if i == 0 {
            name.push_str(&lower);
        } else {
            let mut chars = lower.chars();
            if let Some(first) = chars.next() {
                name.push(first.to_ascii_uppercase());
                name.push_str(chars.as_str());
            }
        }
    }
    if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) { format!("v{name}") } else { name }
}

const KEYWORDS: &[&str] = &[
    "associatedtype",
    "class",
    "deinit",
    "enum",
    "extension",
    "fileprivate",
    "func",
    "import",
    "init",
    "inout",
    "internal",
    "let",
    "open",
    "operator",
    "private",
    "protocol",
    "public",
    "rethrows",
    "static",
    "struct",
    "subscript",
    "typealias",
    "var",
    "break",
    "case",
    "continue",
    "default",
    "defer",
    "do",
    "else",
    "fallthrough",
    "for",
    "guard",
    "if",
    "in",
    "repeat",
    "return",
    "switch",
    "where",
    "while",
    "as",
    "catch",
    "false",
    "is",
    "nil",
    "super",
    "self",
    "Self",
    "throw",
    "throws",
    "true",
    "try",
    "Type",
    "Protocol",
    "Any",
    "await",
    "async",
];

/// A Swift identifier (keywords in backticks).
fn ident(name: &str) -> String {
    if KEYWORDS.contains(&name) { format!("`{name}`") } else { name.to_owned() }
}

/// Text for a Swift string literal.
fn sstr(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n").replace('\r', "\\r")
}

/// One line of text (no line breaks).
fn line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `///` lines at `indent`, wrapped near 100 columns and cut after about 400 characters.
fn doc(out: &mut String, indent: &str, text: &str) {
    let text = cut(&line(text), 400);
    let mut current = String::new();
    for word in text.split(' ') {
        if !current.is_empty() && current.len() + word.len() > 92 {
            let _ = writeln!(out, "{indent}/// {current}");
            current.clear();
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    let _ = writeln!(out, "{indent}/// {current}");
}
