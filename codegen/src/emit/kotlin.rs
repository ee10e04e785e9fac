//! The Kotlin typed layer, generated at build time (`infobip-codegen emit kotlin <dir>`, run by
//! `bindings-uniffi/generate.sh`; never committed): one file per product in package
//! `com.infobip.sdk.<product>` with its models (kotlinx.serialization data classes, compiled by
//! the serialization compiler plugin: no reflection), one request class per operation and the
//! namespace class whose `suspend` methods call the uniffi `call`; plus `InfobipClient`, which
//! adds `client.<namespace>()` to the native client. The runtime they stand on is hand-written
//! (`bindings-uniffi/kotlin/src/main/kotlin/com/infobip/sdk/Typed.kt`).
//!
//! Shapes: objects are data classes whose fields are all optional (`null` or an empty list when
//! the API leaves them out; the core checks required fields before sending); open enums are
//! `String`s with their known values as constants of an `object`; date-times are
//! `java.time.OffsetDateTime`; a polymorphic base is a sealed interface its subtypes implement,
//! with `Other` for a tag this version does not know; a union is a sealed interface its object
//! variants implement, read as the first variant whose required fields are present.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;

use super::{cut, header, unique, upper_constant};
use crate::Loaded;
use crate::ir::{Discriminator, Field, Location, Operation, Paging, Product, Response, Ty, TypeDef, TypeId, TypeKind};

const PACKAGE: &str = "com.infobip.sdk";

/// Writes the Kotlin layer under `dir` (`com/infobip/sdk/…`).
pub fn write(loaded: &Loaded, dir: &Path) -> Result<(), String> {
    let base = dir.join("com/infobip/sdk");
    let mut files = vec![(base.join("InfobipClient.kt"), client(loaded))];
    for product in &loaded.api.products {
        files.push((base.join(&product.snake).join(format!("{}.kt", product.pascal)), product_file(product)));
    }
    for (path, text) in files {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

/// The hand-written class `client.<namespace>()` returns for `product`, when the overlay names
/// one (it extends the generated namespace class).
fn handle(loaded: &Loaded, product: &Product) -> Option<String> {
    loaded.overlay.extras(&product.key, "kotlin")?.get("handle")?.as_str().map(str::to_owned)
}

fn client(loaded: &Loaded) -> String {
    let mut out = header("//");
    let _ = writeln!(
        out,
        "package {PACKAGE}\n\n\
         /**\n * A client of the Infobip API: the native client (connection pool, auth, retries, throttling)\n\
         \x20* with one namespace per product of Infobip's specs, `client.whatsapp()`, `client.messagesApi()`,\n\
         \x20* … whose `suspend` methods are named after the operations' ids. Share one instance.\n */\n\
         open class InfobipClient : InfobipNativeClient {{\n\
         \x20   /** A client from a configuration; what it leaves out comes from `INFOBIP_*` environment variables. */\n\
         \x20   constructor(config: ClientConfig) : super(config)\n"
    );
    for product in &loaded.api.products {
        let class =
            handle(loaded, product).unwrap_or_else(|| format!("{PACKAGE}.{}.{}", product.snake, product.pascal));
        let _ = writeln!(
            out,
            "\n    /** {}: every operation of `spec/{}`. */\n    fun {}(): {class} = {class}(this)",
            kdoc_text(&product.title),
            product.file,
            ident(&product.camel)
        );
    }
    out.push_str(
        "\n    companion object {\n        /** A client configured from `INFOBIP_*` environment variables only. */\n        \
         fun fromEnv(): InfobipClient = InfobipClient(ClientConfig())\n    }\n}\n",
    );
    out
}

/// What one product's file refers to by short names it imports under aliases that no generated
/// name can take (generated names never start with `_`).
const IMPORTS: &str = "import com.infobip.sdk.ApiModel as _ApiModel\n\
    import com.infobip.sdk.InfobipNativeClient as _Client\n\
    import com.infobip.sdk.RequestOptions as _Options\n\
    import com.infobip.sdk.Wire as _Wire\n\
    import com.infobip.sdk.InfobipOperation as _Operation\n\
    import kotlinx.serialization.Serializable as _Serializable\n\
    import kotlinx.serialization.SerialName as _SerialName\n\
    import kotlinx.serialization.EncodeDefault as _EncodeDefault\n\
    import kotlinx.serialization.builtins.ListSerializer as _ListOf\n\
    import kotlinx.serialization.builtins.MapSerializer as _MapOf\n\
    import kotlinx.serialization.builtins.serializer\n\
    import kotlinx.serialization.json.JsonElement as _Json\n\
    import java.time.OffsetDateTime as _DateTime\n";

fn product_file(product: &Product) -> String {
    let mut out = header("//");
    out.push_str(
        "@file:UseSerializers(com.infobip.sdk.InfobipDateTime::class)\n\
         @file:OptIn(kotlinx.serialization.ExperimentalSerializationApi::class)\n\
         @file:Suppress(\"DEPRECATION\", \"RemoveRedundantQualifierName\", \"unused\")\n\n",
    );
    let _ = writeln!(out, "package {PACKAGE}.{}\n", product.snake);
    out.push_str("import kotlinx.serialization.UseSerializers\n");
    out.push_str(IMPORTS);
    let unions = union_memberships(product);
    let bases = polymorphic_bases(product);
    namespace(&mut out, product);
    for op in &product.operations {
        if needs_request(op) {
            request_class(&mut out, product, op);
        }
    }
    for (index, def) in product.types.iter().enumerate() {
        out.push('\n');
        let id = TypeId(index);
        let supers = unions.get(&id).cloned().unwrap_or_default();
        match &def.kind {
            TypeKind::Object { discriminator: Some(d), .. } => polymorphic(&mut out, product, def, d, &supers),
            TypeKind::Object { fields, .. } => {
                let bases = bases.get(&id).map(Vec::as_slice).unwrap_or_default();
                data_class(&mut out, product, def, fields, bases, &supers);
            }
            TypeKind::Enum { values } => constants(&mut out, def, values),
            TypeKind::Union { variants } => union(&mut out, product, def, variants, &supers),
        }
    }
    out
}

/// The unions each named type is a variant of (it implements their sealed interfaces).
fn union_memberships(product: &Product) -> BTreeMap<TypeId, Vec<String>> {
    let mut found: BTreeMap<TypeId, Vec<String>> = BTreeMap::new();
    for def in &product.types {
        if let TypeKind::Union { variants } = &def.kind {
            for variant in variants {
                if let Ty::Named(id) = variant
                    && implements_directly(product, *id)
                {
                    let list = found.entry(*id).or_default();
                    if !list.contains(&def.name) {
                        list.push(def.name.clone());
                    }
                }
            }
        }
    }
    found
}

/// The polymorphic bases whose mapping names each subtype (it implements their interfaces).
fn polymorphic_bases(product: &Product) -> BTreeMap<TypeId, Vec<TypeId>> {
    let mut found: BTreeMap<TypeId, Vec<TypeId>> = BTreeMap::new();
    for (index, def) in product.types.iter().enumerate() {
        if let TypeKind::Object { discriminator: Some(d), .. } = &def.kind {
            for (_, target) in polymorphic_variants(product, TypeId(index), d) {
                found.entry(target).or_default().push(TypeId(index));
            }
        }
    }
    found
}

/// Whether a union variant is a type that implements the union's interface itself (objects,
/// polymorphic bases, unions), rather than a value wrapped in one of the union's classes.
fn implements_directly(product: &Product, id: TypeId) -> bool {
    !matches!(product.types[id.0].kind, TypeKind::Enum { .. })
}

fn needs_request(op: &Operation) -> bool {
    !op.params.is_empty() || op.body.is_some()
}

/// The request class's field holding the body (`body`, unless a parameter is named so).
fn body_field(op: &Operation) -> &'static str {
    if op.params.iter().any(|p| p.camel == "body") { "requestBody" } else { "body" }
}

fn namespace(out: &mut String, product: &Product) {
    let _ = writeln!(
        out,
        "\n/**\n * {}: every operation of `spec/{}`, one `suspend` method each, named after its\n\
         \x20* operation id. Get it with `client.{}()`.\n */\nopen class {}(protected val client: _Client) {{",
        kdoc_text(&product.title),
        product.file,
        product.camel,
        product.pascal
    );
    for op in &product.operations {
        method(out, product, op);
    }
    out.push_str("}\n");
}

fn method(out: &mut String, product: &Product, op: &Operation) {
    let mut doc = kdoc_text(&op.summary);
    if !op.doc.is_empty() && op.doc != op.summary {
        doc = format!("{doc}\n\n{}", kdoc_text(&op.doc));
    }
    doc = format!("{}\n\n`{} {}` (operation `{}`).", cut(&doc, 400), op.method, kdoc_text(&op.path), op.id);
    let annotations = format!("{}    @_Operation(\"{}\")\n", deprecation(product, op), op.id);
    let (result, call) = result_call(product, op);
    let (arg, params) = if needs_request(op) {
        (format!("request: {}, ", op.request_type), "request.params()")
    } else {
        (String::new(), "null")
    };
    let _ = writeln!(
        out,
        "\n{}{annotations}    suspend fun {}({arg}options: _Options? = null): {result} =\n        {}",
        kdoc("    ", &doc),
        ident(&op.camel),
        call.replace("@PARAMS", params),
    );
    if let (Some(body), true) = (&op.body, op.params.is_empty()) {
        let _ = writeln!(
            out,
            "\n    /** [{name}] with its body only. */\n{annotations}    suspend fun {name}(body: {ty}, options: _Options? = null): {result} =\n        \
             {name}({request}(body), options)",
            name = ident(&op.camel),
            ty = kotlin_type(product, &body.ty),
            request = op.request_type,
        );
    }
    if let Some(paging) = &op.paging {
        pages_method(out, product, op, paging, &annotations);
    }
}

/// The Kotlin result type of an operation and the expression that calls it (`@PARAMS` stands
/// for the parameters' JSON).
fn result_call(product: &Product, op: &Operation) -> (String, String) {
    let head = format!("_Wire.CALL(client, \"{}\", @PARAMS, options", op.id);
    match &op.response {
        Response::Json { ty: Ty::Named(id), .. } if !is_enum(product, *id) => {
            let name = &product.types[id.0].name;
            (name.clone(), format!("{}, {name}.serializer())", head.replace("CALL", "model")))
        }
        Response::Json { ty: Ty::List(inner), .. } => (
            format!("com.infobip.sdk.ApiList<{}>", kotlin_type(product, inner)),
            format!("{}, {})", head.replace("CALL", "list"), serializer(product, inner)),
        ),
        Response::Json { ty: Ty::Map(inner), .. } => (
            format!("com.infobip.sdk.ApiMap<{}>", kotlin_type(product, inner)),
            format!("{}, {})", head.replace("CALL", "map"), serializer(product, inner)),
        ),
        Response::Json { ty, .. } => (
            format!("com.infobip.sdk.ApiValue<{}>", kotlin_type(product, ty)),
            format!("{}, {})", head.replace("CALL", "value"), serializer(product, ty)),
        ),
        Response::Empty { .. } => {
            ("com.infobip.sdk.RawResponse".to_owned(), format!("{})", head.replace("CALL", "empty")))
        }
        Response::File { .. } => {
            ("com.infobip.sdk.FileDownload".to_owned(), format!("{})", head.replace("CALL", "file")))
        }
        Response::Text { .. } => {
            ("com.infobip.sdk.ApiValue<String>".to_owned(), format!("{})", head.replace("CALL", "text")))
        }
    }
}

/// `<method>Flow`: every item of every page, as a `Flow`.
fn pages_method(out: &mut String, product: &Product, op: &Operation, paging: &Paging, annotations: &str) {
    let Response::Json { ty, .. } = &op.response else { return };
    let items = match paging {
        Paging::Cursor { items, .. } | Paging::Page { items, .. } => items,
    };
    let field = match ty {
        Ty::Named(id) => object_fields(product, *id).and_then(|fields| fields.iter().find(|f| f.wire == *items)),
        _ => None,
    };
    let (page_ser, item, take) = match (ty, field) {
        (Ty::Named(id), Some(Field { ty: Ty::List(inner), camel, .. })) if !is_enum(product, *id) => (
            format!("{}.serializer()", product.types[id.0].name),
            kotlin_type(product, inner),
            format!("{{ it.{} }}", ident(camel)),
        ),
        _ => {
            ("_Json.serializer()".to_owned(), "_Json".to_owned(), format!("{{ _Wire.items(it, \"{}\") }}", kstr(items)))
        }
    };
    let (arg, params) = if needs_request(op) {
        let default = if op.params.iter().any(|p| p.location == Location::Path) || body_required(op) {
            String::new()
        } else {
            format!(" = {}()", op.request_type)
        };
        (format!("request: {}{default}, ", op.request_type), "request.params()")
    } else {
        (String::new(), "null")
    };
    let annotations = annotations.replace("@_Operation(", "@_Operation(pages = true, id = ");
    let _ = writeln!(
        out,
        "\n    /**\n     * Every item of [{name}], page after page, as a `Flow`: it stops after the last page, at an\n     \
         * empty page, and with a `Decode` error when the API repeats a cursor.\n     */\n{annotations}    \
         fun {flow}({arg}options: _Options? = null): kotlinx.coroutines.flow.Flow<{item}> =\n        \
         _Wire.pages(client, \"{id}\", {params}, options, {page_ser}) {take}",
        name = ident(&op.camel),
        flow = ident(&format!("{}Flow", op.camel)),
        id = op.id,
    );
}

fn body_required(op: &Operation) -> bool {
    op.body.as_ref().is_some_and(|b| b.required)
}

fn deprecation(product: &Product, op: &Operation) -> String {
    if !op.deprecated {
        return String::new();
    }
    match op.successor.as_ref().and_then(|id| product.operations.iter().find(|o| &o.id == id)) {
        Some(next) => {
            let args = if needs_request(next) { "request, options" } else { "options = options" };
            format!(
                "    @Deprecated(\"Deprecated by Infobip; use {0} instead.\", ReplaceWith(\"{0}({args})\"))\n",
                ident(&next.camel)
            )
        }
        None => "    @Deprecated(\"Deprecated by Infobip.\")\n".to_owned(),
    }
}

fn request_class(out: &mut String, product: &Product, op: &Operation) {
    let _ = writeln!(
        out,
        "\n/** The arguments of [{}.{}]. */\ndata class {}(",
        product.pascal,
        ident(&op.camel),
        op.request_type
    );
    for param in &op.params {
        let doc =
            if param.doc.is_empty() { format!("`{}` ({:?}).", param.wire, param.location) } else { param.doc.clone() };
        out.push_str(&kdoc("    ", &doc));
        let ty = kotlin_type(product, &param.ty);
        if param.location == Location::Path {
            let _ = writeln!(out, "    val {}: {ty},", ident(&param.camel));
        } else {
            let _ = writeln!(out, "    val {}: {ty}? = null,", ident(&param.camel));
        }
    }
    if let Some(body) = &op.body {
        let _ = writeln!(
            out,
            "    /** The request body (`{}`). */\n    val {}: {}{},",
            body.content_type,
            body_field(op),
            kotlin_type(product, &body.ty),
            if body.required && op.params.is_empty() { "" } else { "? = null" }
        );
    }
    out.push_str(") {\n    internal fun params(): String = _Wire.params {\n");
    for param in &op.params {
        let at = match param.location {
            Location::Path => "path",
            Location::Query => "query",
            Location::Header => "header",
        };
        let _ = writeln!(out, "        {at}(\"{}\", {})", kstr(&param.wire), ident(&param.camel));
    }
    if let Some(body) = &op.body {
        let _ = writeln!(out, "        body({}, {})", serializer(product, &body.ty), body_field(op));
    }
    out.push_str("    }\n}\n");
}

fn type_doc(def: &TypeDef) -> String {
    if def.doc.is_empty() {
        format!("`{}` of the spec.", def.source.rsplit('.').next().unwrap_or(&def.source))
    } else {
        def.doc.clone()
    }
}

fn data_class(
    out: &mut String,
    product: &Product,
    def: &TypeDef,
    fields: &[Field],
    bases: &[TypeId],
    unions: &[String],
) {
    out.push_str(&kdoc("", &type_doc(def)));
    let mut supers = vec!["_ApiModel()".to_owned()];
    let mut tag: Option<(String, String)> = None;
    for base in bases {
        let TypeKind::Object { discriminator: Some(d), .. } = &product.types[base.0].kind else { continue };
        supers.push(product.types[base.0].name.clone());
        let me = product_index(product, def);
        let tags: Vec<&String> = d.mapping.iter().filter(|(_, t)| *t == me).map(|(tag, _)| tag).collect();
        if let ([only], None) = (tags.as_slice(), &tag) {
            tag = Some((d.property.clone(), (*only).clone()));
        }
    }
    supers.extend(unions.iter().cloned());
    let _ = writeln!(out, "@_Serializable\ndata class {}(", def.name);
    for field in fields {
        let doc = if field.doc.is_empty() { format!("`{}`.", field.wire) } else { field.doc.clone() };
        out.push_str(&kdoc("    ", &doc));
        if field.wire != field.camel {
            let _ = writeln!(out, "    @_SerialName(\"{}\")", kstr(&field.wire));
        }
        let ty = kotlin_type(product, &field.ty);
        let fixed = tag.as_ref().filter(|(property, _)| *property == field.wire && ty == "String");
        match (&field.ty, fixed) {
            (_, Some((_, value))) => {
                let _ = writeln!(
                    out,
                    "    @_EncodeDefault(_EncodeDefault.Mode.ALWAYS)\n    val {}: {ty}? = \"{}\",",
                    ident(&field.camel),
                    kstr(value)
                );
            }
            (Ty::List(_), None) => {
                // A required list is written even when empty, so the check names it.
                let always = if field.required { "@_EncodeDefault(_EncodeDefault.Mode.ALWAYS) " } else { "" };
                let _ = writeln!(out, "    {always}val {}: {ty} = emptyList(),", ident(&field.camel));
            }
            _ => {
                let _ = writeln!(out, "    val {}: {ty}? = null,", ident(&field.camel));
            }
        }
    }
    let _ = writeln!(
        out,
        ") : {} {{\n    override fun toJsonElement(): _Json = _Wire.json.encodeToJsonElement(serializer(), this)\n}}",
        supers.join(", ")
    );
}

fn product_index(product: &Product, def: &TypeDef) -> TypeId {
    TypeId(product.types.iter().position(|t| std::ptr::eq(t, def)).unwrap_or(usize::MAX))
}

/// The subtypes of a polymorphic base that are plain objects (other targets read as `Other`),
/// each once, with its first tag. A subtype implements every base that maps a tag to it.
fn polymorphic_variants(product: &Product, base: TypeId, d: &Discriminator) -> Vec<(String, TypeId)> {
    let mut seen = HashSet::new();
    d.mapping
        .iter()
        .filter(|(_, target)| {
            *target != base && matches!(product.types[target.0].kind, TypeKind::Object { discriminator: None, .. })
        })
        .filter(|(_, target)| seen.insert(*target))
        .cloned()
        .collect()
}

/// A discriminated base: a sealed interface its subtypes implement; `Other` keeps a value of a
/// kind this version does not know.
fn polymorphic(out: &mut String, product: &Product, def: &TypeDef, d: &Discriminator, unions: &[String]) {
    let base = product_index(product, def);
    let variants = polymorphic_variants(product, base, d);
    out.push_str(&kdoc(
        "",
        &format!(
            "{}\n\nTold apart by `{}`: each subtype implements this interface; a value of a kind this version does not know reads as [{}.Other].",
            type_doc(def),
            d.property,
            def.name
        ),
    ));
    let supers: Vec<String> =
        std::iter::once("com.infobip.sdk.InfobipModel".to_owned()).chain(unions.iter().cloned()).collect();
    let _ = writeln!(
        out,
        "@_Serializable(with = {name}.Serializer::class)\nsealed interface {name} : {supers} {{\n    \
         /** A value of a kind this version does not know, as the API sent it. */\n    \
         data class Other(val json: _Json) : _ApiModel(), {name} {{\n        override fun toJsonElement(): _Json = json\n    }}\n\n    \
         /** Reads the subtype `{prop}` names. */\n    object Serializer : com.infobip.sdk.TaggedSerializer<{name}>(\"{name}\", \"{prop}\", ::Other) {{\n        \
         override fun subtype(tag: String): kotlinx.serialization.KSerializer<out {name}>? = when (tag) {{",
        name = def.name,
        supers = supers.join(", "),
        prop = kstr(&d.property),
    );
    for (tag, target) in &d.mapping {
        if variants.iter().any(|(_, t)| t == target) {
            let _ = writeln!(out, "            \"{}\" -> {}.serializer()", kstr(tag), product.types[target.0].name);
        }
    }
    out.push_str("            else -> null\n        }\n    }\n}\n");
}

/// A union: a sealed interface its object variants implement, and a class per other variant.
fn union(out: &mut String, product: &Product, def: &TypeDef, variants: &[Ty], unions: &[String]) {
    out.push_str(&kdoc(
        "",
        &format!(
            "{}\n\nOne of several shapes, read as the first whose required fields are present; a value of none of them reads as [{}.Other].",
            type_doc(def),
            def.name
        ),
    ));
    let supers: Vec<String> =
        std::iter::once("com.infobip.sdk.InfobipModel".to_owned()).chain(unions.iter().cloned()).collect();
    let _ = writeln!(
        out,
        "@_Serializable(with = {0}.Serializer::class)\nsealed interface {0} : {1} {{",
        def.name,
        supers.join(", ")
    );
    let mut names = HashSet::new();
    let mut readers = Vec::new();
    for ty in variants {
        let test = variant_test(product, ty);
        match ty {
            Ty::Named(id) if implements_directly(product, *id) => {
                readers.push(format!(
                    "{test} -> json.decodeFromJsonElement({}.serializer(), value)",
                    product.types[id.0].name
                ));
            }
            _ => {
                let base = match ty {
                    Ty::Named(id) => product.types[id.0].name.clone(),
                    Ty::List(_) => "List".to_owned(),
                    Ty::Map(_) | Ty::Any => "Object".to_owned(),
                    Ty::Integer { .. } | Ty::Number => "Number".to_owned(),
                    Ty::Boolean => "Boolean".to_owned(),
                    _ => "Text".to_owned(),
                };
                let name = unique(&mut names, &format!("{base}Value"));
                let kty = kotlin_type(product, ty);
                let _ = writeln!(
                    out,
                    "    /** A `{kty}`. */\n    data class {name}(val value: {kty}) : _ApiModel(), {0} {{\n        \
                     override fun toJsonElement(): _Json = _Wire.json.encodeToJsonElement({ser}, value)\n    }}\n",
                    def.name,
                    ser = serializer(product, ty),
                );
                readers
                    .push(format!("{test} -> {name}(json.decodeFromJsonElement({}, value))", serializer(product, ty)));
            }
        }
    }
    let _ = writeln!(
        out,
        "    /** A value of none of the shapes, as the API sent it. */\n    \
         data class Other(val json: _Json) : _ApiModel(), {0} {{\n        override fun toJsonElement(): _Json = json\n    }}\n\n    \
         /** Reads the first shape the value fits. */\n    object Serializer : com.infobip.sdk.UnionSerializer<{0}>(\"{0}\", ::Other) {{\n        \
         override fun read(json: kotlinx.serialization.json.Json, value: _Json): {0} = when {{",
        def.name
    );
    for reader in readers {
        let _ = writeln!(out, "            {reader}");
    }
    out.push_str("            else -> Other(value)\n        }\n    }\n}\n");
}

/// The test that a JSON value (`value`) has a union variant's shape.
fn variant_test(product: &Product, ty: &Ty) -> String {
    match ty {
        Ty::Named(id) => match &product.types[id.0].kind {
            TypeKind::Object { fields, discriminator: None, .. } => {
                let required: Vec<String> =
                    fields.iter().filter(|f| f.required).map(|f| format!("\"{}\"", kstr(&f.wire))).collect();
                format!("_Wire.hasFields(value{})", required.iter().map(|r| format!(", {r}")).collect::<String>())
            }
            TypeKind::Enum { .. } => "_Wire.isString(value)".to_owned(),
            _ => "value is kotlinx.serialization.json.JsonObject".to_owned(),
        },
        Ty::List(_) => "value is kotlinx.serialization.json.JsonArray".to_owned(),
        Ty::Map(_) | Ty::Any => "value is kotlinx.serialization.json.JsonObject".to_owned(),
        Ty::Integer { .. } | Ty::Number => "_Wire.isNumber(value)".to_owned(),
        Ty::Boolean => "_Wire.isBoolean(value)".to_owned(),
        _ => "_Wire.isString(value)".to_owned(),
    }
}

/// An open enum: `String` fields, with the values the spec lists as constants.
fn constants(out: &mut String, def: &TypeDef, values: &[String]) {
    out.push_str(&kdoc(
        "",
        &format!("{}\n\nAn open enum: fields of this type are `String`s; these are the values the spec lists, and any other value is kept.", type_doc(def)),
    ));
    let _ = writeln!(out, "object {} {{", def.name);
    let mut taken = HashSet::new();
    for value in values {
        let name = unique(&mut taken, &upper_constant(value));
        let _ = writeln!(out, "    const val {name}: String = \"{}\"", kstr(value));
    }
    out.push_str("}\n");
}

fn object_fields(product: &Product, id: TypeId) -> Option<&[Field]> {
    match &product.types[id.0].kind {
        TypeKind::Object { fields, discriminator: None, .. } => Some(fields),
        _ => None,
    }
}

fn is_enum(product: &Product, id: TypeId) -> bool {
    matches!(product.types[id.0].kind, TypeKind::Enum { .. })
}

fn kotlin_type(product: &Product, ty: &Ty) -> String {
    match ty {
        Ty::String | Ty::Date | Ty::Literal(_) => "String".to_owned(),
        Ty::Integer { bits: 32 } => "Int".to_owned(),
        Ty::Integer { .. } => "Long".to_owned(),
        Ty::Number => "Double".to_owned(),
        Ty::Boolean => "Boolean".to_owned(),
        Ty::DateTime => "_DateTime".to_owned(),
        Ty::Binary | Ty::Any => "_Json".to_owned(),
        Ty::List(inner) => format!("List<{}>", kotlin_type(product, inner)),
        Ty::Map(inner) => format!("Map<String, {}>", kotlin_type(product, inner)),
        Ty::Named(id) if is_enum(product, *id) => "String".to_owned(),
        Ty::Named(id) => product.types[id.0].name.clone(),
    }
}

/// The kotlinx serializer of a type, as an expression.
fn serializer(product: &Product, ty: &Ty) -> String {
    match ty {
        Ty::String | Ty::Date | Ty::Literal(_) => "String.serializer()".to_owned(),
        Ty::Integer { bits: 32 } => "Int.serializer()".to_owned(),
        Ty::Integer { .. } => "Long.serializer()".to_owned(),
        Ty::Number => "Double.serializer()".to_owned(),
        Ty::Boolean => "Boolean.serializer()".to_owned(),
        Ty::DateTime => "com.infobip.sdk.InfobipDateTime".to_owned(),
        Ty::Binary | Ty::Any => "_Json.serializer()".to_owned(),
        Ty::List(inner) => format!("_ListOf({})", serializer(product, inner)),
        Ty::Map(inner) => format!("_MapOf(String.serializer(), {})", serializer(product, inner)),
        Ty::Named(id) if is_enum(product, *id) => "String.serializer()".to_owned(),
        Ty::Named(id) => format!("{}.serializer()", product.types[id.0].name),
    }
}

const KEYWORDS: &[&str] = &[
    "as",
    "break",
    "class",
    "continue",
    "do",
    "else",
    "false",
    "for",
    "fun",
    "if",
    "in",
    "interface",
    "is",
    "null",
    "object",
    "package",
    "return",
    "super",
    "this",
    "throw",
    "true",
    "try",
    "typealias",
    "typeof",
    "val",
    "var",
    "when",
    "while",
];

/// A Kotlin identifier for a camelCase name (keywords in backticks).
fn ident(camel: &str) -> String {
    if KEYWORDS.contains(&camel) { format!("`{camel}`") } else { camel.to_owned() }
}

/// Text for a Kotlin string literal (`\`, `"`, `$` and line breaks escaped).
pub(super) fn kstr(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"").replace('$', "\\$").replace('\n', "\\n").replace('\r', "\\r")
}

/// Text safe inside a KDoc block (no comment delimiters, which Kotlin nests).
fn kdoc_text(text: &str) -> String {
    text.replace("*/", "* /").replace("/*", "/ *")
}

/// A KDoc block at `indent`, wrapped near 100 columns and cut after about 600 characters.
fn kdoc(indent: &str, text: &str) -> String {
    let text = cut(&kdoc_text(text), 600);
    let mut lines: Vec<String> = Vec::new();
    for paragraph in text.split("\n\n") {
        if !lines.is_empty() {
            lines.push(String::new());
        }
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            if !line.is_empty() && line.len() + word.len() > 92 {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(line);
    }
    if lines.len() == 1 {
        return format!("{indent}/** {} */\n", lines[0]);
    }
    let mut out = format!("{indent}/**\n");
    for line in lines {
        if line.is_empty() {
            let _ = writeln!(out, "{indent} *");
        } else {
            let _ = writeln!(out, "{indent} * {line}");
        }
    }
    let _ = writeln!(out, "{indent} */");
    out
}
