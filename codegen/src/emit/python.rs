//! The Python typed layer, committed under `bindings-python/python/infobip/`:
//!
//! - `types/<product>.py`: a result class per type an answer or a webhook push holds, each
//!   with its field plan (`__plan__`: a list of wire name, attribute, kind) that the native
//!   builder reads,
//!   the unions of the product (`__unions__`), and `WEBHOOKS` (event → class);
//! - `types/<product>_params.py`: a `TypedDict` per object type a request holds (keys in
//!   snake_case; enumerations as `Literal`s): what type checkers check arguments against;
//! - `resources/<product>.py`: the namespace of the product for `Client` and for `AsyncClient`,
//!   one method per operation, keyword arguments in snake_case;
//! - `resources/__init__.py`: the namespaces as properties of both clients, each module
//!   imported on first use.
//!
//! Kinds in the plans: `""` a value as it is, `"t"` a date-time, `".Name"` a class or union of
//! the module, `"[k"` a list, `"{k"` a map (see `bindings-python/src/plan.rs`).

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;

use super::{File, Output, header};
use crate::Loaded;
use crate::ir::{Field, Location, Operation, Paging, Product, Response, Ty, TypeDef, TypeId, TypeKind};
use crate::names::snake_ident;

const ROOT: &str = "bindings-python/python/infobip";

/// Python's keywords: an attribute or argument of that name gets a `_` (`from_`).
const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
    "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

/// Names a result's attribute may not take (the base class's own), besides keywords.
const MODEL_NAMES: &[&str] = &["to_dict", "raw_response"];

/// Per-call options every method takes; an argument of the same name gets a `_`.
const OPTIONS: &[&str] = &["timeout", "max_retries", "validate", "self"];

/// Names the generated modules import or define; a spec type of one of these names would
/// shadow it.
const TAKEN: &[&str] = &[
    "Model",
    "Any",
    "Awaitable",
    "Dict",
    "List",
    "Literal",
    "Mapping",
    "Optional",
    "Sequence",
    "TypedDict",
    "Union",
    "Required",
    "datetime",
    "deprecated",
    "Pager",
    "AsyncPager",
    "FileDownload",
    "TYPE_CHECKING",
    "WEBHOOKS",
];

/// Writes the Python layer.
pub fn emit(loaded: &Loaded) -> Result<Output, String> {
    let mut files = vec![
        File::whole(format!("{ROOT}/types/__init__.py"), types_init()),
        File::whole(format!("{ROOT}/resources/__init__.py"), namespaces(loaded)),
    ];
    for product in &loaded.api.products {
        check_names(product)?;
        let extras = loaded.overlay.extras(&product.key, "python");
        let base = |key: &str, fallback: &str| {
            extras.and_then(|t| t.get(key)).and_then(|v| v.as_str()).unwrap_or(fallback).to_owned()
        };
        let bases = (base("base", "Namespace"), base("async_base", "AsyncNamespace"));
        let reach = Reach::of(product);
        files.push(File::whole(format!("{ROOT}/types/{}.py", product.snake), types(product, &reach)));
        files.push(File::whole(format!("{ROOT}/types/{}_params.py", product.snake), params(product, &reach)));
        files.push(File::whole(format!("{ROOT}/resources/{}.py", product.snake), resources(product, &bases)));
    }
    Ok(Output { dirs: vec![format!("{ROOT}/types"), format!("{ROOT}/resources")], files })
}

/// Fails when a name the runtime relies on would not hold: the bridge finds arguments and
/// fields by `snake_ident` of their API names, and generated names must not shadow imports.
fn check_names(product: &Product) -> Result<(), String> {
    for def in &product.types {
        if TAKEN.contains(&def.name.as_str()) {
            return Err(format!(
                "{}: the type name {} would shadow a name the Python modules use",
                product.key, def.name
            ));
        }
        for field in object_fields(def) {
            if field.snake != snake_ident(&field.wire) {
                return Err(format!(
                    "{}: {}.{} is named {}, not snake_ident of its wire name",
                    product.key, def.name, field.wire, field.snake
                ));
            }
        }
    }
    for op in &product.operations {
        for param in &op.params {
            if param.snake != snake_ident(&param.wire) {
                return Err(format!("{}: parameter {} of {} is named {}", product.key, param.wire, op.id, param.snake));
            }
        }
        let mut seen = HashSet::new();
        for name in arguments(product, op).into_iter().map(|a| a.name) {
            if !seen.insert(name.clone()) {
                return Err(format!("{}: two arguments of {} are both named {name}", product.key, op.id));
            }
        }
    }
    Ok(())
}

fn object_fields(def: &TypeDef) -> &[Field] {
    match &def.kind {
        TypeKind::Object { fields, .. } => fields,
        _ => &[],
    }
}

/// Which types the answers (result classes) and the requests (`TypedDict`s) need.
struct Reach {
    results: BTreeSet<TypeId>,
    requests: BTreeSet<TypeId>,
}

impl Reach {
    fn of(product: &Product) -> Self {
        let mut results = BTreeSet::new();
        let mut requests = BTreeSet::new();
        for op in &product.operations {
            if let Response::Json { ty, .. } = &op.response {
                walk(product, ty, &mut results, false);
            }
            for param in &op.params {
                walk(product, &param.ty, &mut requests, true);
            }
            if let Some(body) = &op.body {
                walk(product, &body.ty, &mut requests, true);
            }
        }
        for hook in &product.webhooks {
            walk(product, &hook.ty, &mut results, false);
        }
        Reach { results, requests }
    }
}

/// Adds every named type `ty` reaches. Result classes need their parent classes (they
/// inherit) and a polymorphic base needs the classes its tag maps to; requests skip read-only
/// fields.
fn walk(product: &Product, ty: &Ty, seen: &mut BTreeSet<TypeId>, request: bool) {
    match ty {
        Ty::List(inner) | Ty::Map(inner) => walk(product, inner, seen, request),
        Ty::Named(id) => {
            if !seen.insert(*id) {
                return;
            }
            match &product.types[id.0].kind {
                TypeKind::Object { fields, additional, parent, discriminator } => {
                    for field in fields.iter().filter(|f| !(request && f.read_only)) {
                        walk(product, &field.ty, seen, request);
                    }
                    if let Some(additional) = additional {
                        walk(product, additional, seen, request);
                    }
                    if let (Some(parent), false) = (parent, request) {
                        walk(product, &Ty::Named(*parent), seen, request);
                    }
                    for (_, target) in discriminator.iter().flat_map(|d| &d.mapping) {
                        walk(product, &Ty::Named(*target), seen, request);
                    }
                }
                TypeKind::Union { variants } => {
                    for variant in variants {
                        walk(product, variant, seen, request);
                    }
                }
                TypeKind::Enum { .. } => {}
            }
        }
        _ => {}
    }
}

fn types_init() -> String {
    let mut out = header("#");
    out.push_str(
        "\"\"\"The result classes of every product, one module per spec file\n\
         (``infobip.types.whatsapp``), and the request shapes type checkers check arguments\n\
         against (``infobip.types.whatsapp_params``). Each module is imported on first use.\n\"\"\"\n",
    );
    out
}

// ---------------------------------------------------------------------------------------------
// types/<product>.py

fn types(product: &Product, reach: &Reach) -> String {
    let mut out = header("#");
    let _ = writeln!(
        out,
        "\"\"\"The result classes of `spec/{}` (``client.{}``): answers and webhook pushes.\n\nSee ``infobip._model`` for how instances are read and what they offer.\n\"\"\"\n",
        product.file, product.snake
    );
    out.push_str(
        "from __future__ import annotations\n\nfrom .._model import Model\n\nTYPE_CHECKING = False\nif TYPE_CHECKING:\n    from datetime import datetime\n    from typing import Any, Dict, List, Optional, Union\n",
    );
    let unions: Vec<TypeId> = reach
        .results
        .iter()
        .copied()
        .filter(|id| matches!(product.types[id.0].kind, TypeKind::Union { .. }) && !union_kind(product, *id).is_empty())
        .collect();
    out.push_str("\n__unions__: Dict[str, Any] = {\n");
    for id in &unions {
        let TypeKind::Union { variants } = &product.types[id.0].kind else { continue };
        let _ = writeln!(out, "    {}: (", quote(&product.types[id.0].name));
        for variant in variants {
            let _ = writeln!(out, "        ({}, {}),", union_test(product, variant), quote(&kind(product, variant)));
        }
        out.push_str("    ),\n");
    }
    out.push_str("}\n");
    for id in class_order(product, &reach.results) {
        out.push('\n');
        result_class(&mut out, product, id);
    }
    let hooks: Vec<String> = product
        .webhooks
        .iter()
        .filter_map(|hook| match &hook.ty {
            Ty::Named(id) if reach.results.contains(id) && is_class(product, *id) => {
                Some(format!("    {}: {},\n", quote(&hook.key), product.types[id.0].name))
            }
            _ => None,
        })
        .collect();
    out.push_str("\n#: The class of each webhook event's push (keys: the spec's `webhooks`), for\n#: ``infobip.webhooks.parse(body, into=...)``.\nWEBHOOKS: Dict[str, type[Model]] = {\n");
    out.push_str(&hooks.concat());
    out.push_str("}\n");
    out
}

fn is_class(product: &Product, id: TypeId) -> bool {
    matches!(product.types[id.0].kind, TypeKind::Object { .. })
}

/// The object types of `ids`, each after its parent (a class is defined before its subclasses).
fn class_order(product: &Product, ids: &BTreeSet<TypeId>) -> Vec<TypeId> {
    let mut order = Vec::new();
    let mut done = HashSet::new();
    for id in ids.iter().copied().filter(|id| is_class(product, *id)) {
        let mut chain = vec![id];
        while let TypeKind::Object { parent: Some(parent), .. } = &product.types[chain[chain.len() - 1].0].kind {
            if chain.contains(parent) || done.contains(parent) {
                break;
            }
            chain.push(*parent);
        }
        for at in chain.into_iter().rev() {
            if done.insert(at) {
                order.push(at);
            }
        }
    }
    order
}

fn parent_of(product: &Product, id: TypeId) -> Option<TypeId> {
    match &product.types[id.0].kind {
        TypeKind::Object { parent, .. } => *parent,
        _ => None,
    }
}

fn result_class(out: &mut String, product: &Product, id: TypeId) {
    let def = &product.types[id.0];
    let TypeKind::Object { fields, discriminator, .. } = &def.kind else { return };
    let parent = parent_of(product, id);
    let inherited: HashMap<&str, &Ty> = parent
        .map(|p| all_fields(product, p).into_iter().map(|f| (f.wire.as_str(), &f.ty)).collect())
        .unwrap_or_default();
    let base = parent.map_or("Model".to_owned(), |p| product.types[p.0].name.clone());
    let _ = writeln!(out, "\nclass {}({base}):", def.name);
    let _ = writeln!(out, "    \"\"\"{}\"\"\"\n", docstring(&type_doc(def)));
    let own: Vec<&Field> = fields.iter().filter(|f| inherited.get(f.wire.as_str()) != Some(&&f.ty)).collect();
    if !own.is_empty() {
        out.push_str("    __plan__ = [\n");
        for field in &own {
            let _ = writeln!(
                out,
                "        ({}, {}, {}),",
                quote(&field.wire),
                quote(&attribute(field)),
                quote(&kind(product, &field.ty))
            );
        }
        out.push_str("    ]\n");
    }
    if let Some(d) = discriminator {
        let mapping: Vec<String> = d
            .mapping
            .iter()
            .map(|(tag, target)| format!("({}, {})", quote(tag), quote(&product.types[target.0].name)))
            .collect();
        let _ = writeln!(out, "    __tag__ = ({}, [{}])", quote(&d.property), mapping.join(", "));
    }
    for field in &own {
        // A list or map the answer did not set reads as empty; anything else as `None`.
        let ty = result_type(product, &field.ty, "");
        let ty = if matches!(field.ty, Ty::List(_) | Ty::Map(_)) { ty } else { format!("Optional[{ty}]") };
        let _ = writeln!(out, "    {}: {ty}", attribute(field));
    }
    if own.is_empty() && discriminator.is_none() {
        out.push_str("    pass\n");
    }
}

/// Every field of an object type, its parents' included.
fn all_fields(product: &Product, id: TypeId) -> Vec<&Field> {
    match &product.types[id.0].kind {
        TypeKind::Object { fields, .. } => fields.iter().collect(),
        _ => Vec::new(),
    }
}

/// The attribute of a result field: its snake_case name, with a `_` if Python or the base
/// class has it.
fn attribute(field: &Field) -> String {
    escaped(&field.snake, MODEL_NAMES)
}

fn escaped(name: &str, reserved: &[&str]) -> String {
    if KEYWORDS.contains(&name) || reserved.contains(&name) { format!("{name}_") } else { name.to_owned() }
}

/// The plan kind of a type (see the module doc).
fn kind(product: &Product, ty: &Ty) -> String {
    match ty {
        Ty::DateTime => "t".to_owned(),
        Ty::List(inner) => prefixed('[', kind(product, inner)),
        Ty::Map(inner) => prefixed('{', kind(product, inner)),
        Ty::Named(id) => match &product.types[id.0].kind {
            TypeKind::Object { .. } => format!(".{}", product.types[id.0].name),
            TypeKind::Union { .. } => union_kind(product, *id),
            TypeKind::Enum { .. } => String::new(),
        },
        _ => String::new(),
    }
}

/// A list or map of values kept as they are is itself kept as it is.
fn prefixed(mark: char, inner: String) -> String {
    if inner.is_empty() { inner } else { format!("{mark}{inner}") }
}

/// A union is read through `__unions__`, unless all its variants are kept as they are.
fn union_kind(product: &Product, id: TypeId) -> String {
    let TypeKind::Union { variants } = &product.types[id.0].kind else { return String::new() };
    if variants.iter().all(|v| kind(product, v).is_empty()) {
        String::new()
    } else {
        format!(".{}", product.types[id.0].name)
    }
}

/// How a union tells a variant (see `bindings-python/src/plan.rs`).
fn union_test(product: &Product, variant: &Ty) -> String {
    let test = match variant {
        Ty::Named(id) => match &product.types[id.0].kind {
            TypeKind::Object { fields, discriminator: None, .. } => {
                let required: Vec<String> = fields.iter().filter(|f| f.required).map(|f| quote(&f.wire)).collect();
                return if required.len() == 1 {
                    format!("({},)", required[0])
                } else {
                    format!("({})", required.join(", "))
                };
            }
            TypeKind::Enum { .. } => "s",
            _ => "o",
        },
        Ty::List(_) => "a",
        Ty::Map(_) | Ty::Any => "o",
        Ty::Integer { .. } | Ty::Number => "n",
        Ty::Boolean => "b",
        _ => "s",
    };
    quote(test)
}

/// The annotation of a result field's value (`prefix`: how the resources module names the
/// types module).
fn result_type(product: &Product, ty: &Ty, prefix: &str) -> String {
    match ty {
        Ty::String | Ty::Date | Ty::Literal(_) | Ty::Binary => "str".to_owned(),
        Ty::Integer { .. } => "int".to_owned(),
        Ty::Number => "float".to_owned(),
        Ty::Boolean => "bool".to_owned(),
        Ty::DateTime => "datetime".to_owned(),
        Ty::Any => "Any".to_owned(),
        Ty::List(inner) => format!("List[{}]", result_type(product, inner, prefix)),
        Ty::Map(inner) => format!("Dict[str, {}]", result_type(product, inner, prefix)),
        Ty::Named(id) => {
            let def = &product.types[id.0];
            match &def.kind {
                TypeKind::Enum { .. } => "str".to_owned(),
                TypeKind::Union { variants } => {
                    union_of(variants.iter().map(|v| result_type(product, v, prefix)).collect())
                }
                TypeKind::Object { discriminator, .. } => {
                    // A tag may map to a class that does not extend the base.
                    let mut names = vec![format!("{prefix}{}", def.name)];
                    for (_, target) in discriminator.iter().flat_map(|d| &d.mapping) {
                        if !extends(product, *target, *id) {
                            names.push(format!("{prefix}{}", product.types[target.0].name));
                        }
                    }
                    union_of(names)
                }
            }
        }
    }
}

fn extends(product: &Product, mut id: TypeId, base: TypeId) -> bool {
    for _ in 0..64 {
        if id == base {
            return true;
        }
        match parent_of(product, id) {
            Some(parent) => id = parent,
            None => return false,
        }
    }
    false
}

fn union_of(names: Vec<String>) -> String {
    let mut unique: Vec<String> = Vec::new();
    for name in names {
        if !unique.contains(&name) {
            unique.push(name);
        }
    }
    if unique.len() == 1 { unique.remove(0) } else { format!("Union[{}]", unique.join(", ")) }
}

fn type_doc(def: &TypeDef) -> String {
    if def.doc.is_empty() {
        format!("`{}` of the spec.", def.source.rsplit('.').next().unwrap_or(&def.source))
    } else {
        def.doc.clone()
    }
}

// ---------------------------------------------------------------------------------------------
// types/<product>_params.py

fn params(product: &Product, reach: &Reach) -> String {
    let mut out = header("#");
    let _ = writeln!(
        out,
        "\"\"\"The request shapes of `spec/{}` (``client.{}``), for type checkers.\n\nNested objects of a request are dicts with snake_case keys; these ``TypedDict``s say which\nkeys and types each takes (an enumeration's values as a ``Literal``).\n\"\"\"\n",
        product.file, product.snake
    );
    out.push_str(
        "from __future__ import annotations\n\nfrom typing import TypedDict\n\nTYPE_CHECKING = False\nif TYPE_CHECKING:\n    from datetime import datetime\n    from typing import Any, Literal, Mapping, Optional, Sequence, Union\n\n    from typing_extensions import Required\n",
    );
    for id in &reach.requests {
        let def = &product.types[id.0];
        if let TypeKind::Object { fields, .. } = &def.kind
            && !fields.is_empty()
        {
            typed_dict(&mut out, product, def, fields);
        }
    }
    out
}

fn typed_dict(out: &mut String, product: &Product, def: &TypeDef, fields: &[Field]) {
    let fields: Vec<&Field> = fields.iter().filter(|f| !f.read_only).collect();
    let entries: Vec<(String, String)> = fields
        .iter()
        .map(|f| {
            let mut ty = param_type(product, &f.ty, "");
            if f.nullable {
                ty = format!("Optional[{ty}]");
            }
            if f.required {
                ty = format!("Required[{ty}]");
            }
            (f.snake.clone(), ty)
        })
        .collect();
    let name = format!("{}Param", def.name);
    if entries.iter().all(|(key, _)| !KEYWORDS.contains(&key.as_str())) {
        let _ = writeln!(out, "\n\nclass {name}(TypedDict, total=False):");
        let _ = writeln!(out, "    \"\"\"{}\"\"\"\n", docstring(&type_doc(def)));
        for (key, ty) in &entries {
            let _ = writeln!(out, "    {key}: {ty}");
        }
        if entries.is_empty() {
            out.push_str("    pass\n");
        }
    } else {
        let items: Vec<String> = entries.iter().map(|(key, ty)| format!("{}: {}", quote(key), quote(ty))).collect();
        let _ = writeln!(out, "\n{name} = TypedDict({}, {{{}}}, total=False)", quote(&name), items.join(", "));
    }
}

/// The annotation of an argument's value (`prefix`: how the resources module names the params
/// module).
fn param_type(product: &Product, ty: &Ty, prefix: &str) -> String {
    match ty {
        Ty::String | Ty::Date | Ty::Binary => "str".to_owned(),
        Ty::Literal(values) => format!("Literal[{}]", values.iter().map(|v| quote(v)).collect::<Vec<_>>().join(", ")),
        Ty::Integer { .. } => "int".to_owned(),
        Ty::Number => "float".to_owned(),
        Ty::Boolean => "bool".to_owned(),
        Ty::DateTime => "datetime".to_owned(),
        Ty::Any => "Any".to_owned(),
        Ty::List(inner) => format!("Sequence[{}]", param_type(product, inner, prefix)),
        Ty::Map(inner) => format!("Mapping[str, {}]", param_type(product, inner, prefix)),
        Ty::Named(id) => {
            let def = &product.types[id.0];
            match &def.kind {
                TypeKind::Enum { values } => param_type(product, &Ty::Literal(values.clone()), prefix),
                TypeKind::Union { variants } => {
                    union_of(variants.iter().map(|v| param_type(product, v, prefix)).collect())
                }
                TypeKind::Object { fields, additional, discriminator, .. } => {
                    if fields.iter().all(|f| f.read_only) {
                        let value = additional.as_ref().map_or("Any".to_owned(), |a| param_type(product, a, prefix));
                        return format!("Mapping[str, {value}]");
                    }
                    let mut names = vec![format!("{prefix}{}Param", def.name)];
                    for (_, target) in discriminator.iter().flat_map(|d| &d.mapping) {
                        names.push(param_type(product, &Ty::Named(*target), prefix));
                    }
                    union_of(names)
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// resources/<product>.py

/// One keyword argument of a method.
struct Argument {
    /// The name in the signature (escaped).
    name: String,
    /// The key the bridge knows it by (snake_case of the API's name, or `body`).
    key: String,
    /// Its annotation.
    ty: String,
    /// Whether it must be given.
    required: bool,
}

fn arguments(product: &Product, op: &Operation) -> Vec<Argument> {
    let mut args: Vec<Argument> = op
        .params
        .iter()
        .map(|p| Argument {
            name: escaped(&p.snake, OPTIONS),
            key: p.snake.clone(),
            ty: param_type(product, &p.ty, "_p."),
            required: p.required || p.location == Location::Path,
        })
        .collect();
    if let Some(body) = &op.body {
        match body.flatten {
            Some(id) => {
                for field in object_fields(&product.types[id.0]).iter().filter(|f| !f.read_only) {
                    let mut ty = param_type(product, &field.ty, "_p.");
                    if field.nullable {
                        ty = format!("Optional[{ty}]");
                    }
                    args.push(Argument {
                        name: escaped(&field.snake, OPTIONS),
                        key: field.snake.clone(),
                        ty,
                        required: field.required && body.required,
                    });
                }
            }
            None => args.push(Argument {
                name: "body".to_owned(),
                key: "body".to_owned(),
                ty: param_type(product, &body.ty, "_p."),
                required: body.required,
            }),
        }
    }
    args
}

fn resources(product: &Product, (base, async_base): &(String, String)) -> String {
    let mut out = header("#");
    let _ = writeln!(
        out,
        "\"\"\"``client.{snake}``: every operation of `spec/{file}`, blocking (``{pascal}``) and\nasyncio (``Async{pascal}``). Keyword arguments are snake_case; each method also takes\n``timeout``, ``max_retries`` and ``validate`` for that call.\n\"\"\"\n",
        snake = product.snake,
        file = product.file,
        pascal = product.pascal
    );
    let _ = writeln!(
        out,
        "from __future__ import annotations\n\nfrom .._native import {async_base} as _AsyncBase, {base} as _Base\n\nTYPE_CHECKING = False\nif TYPE_CHECKING:\n    from datetime import datetime\n    from typing import Any, Awaitable, Dict, List, Literal, Mapping, Optional, Sequence, Union\n\n    from typing_extensions import deprecated\n\n    from .._native import AsyncPager, FileDownload, Pager\n    from ..types import {snake} as _t\n    from ..types import {snake}_params as _p\nelse:\n    from .._resource import deprecated\n\n__all__ = [\"{pascal}\", \"Async{pascal}\"]",
        snake = product.snake,
        pascal = product.pascal
    );
    for (asynchronous, class, parent) in
        [(false, product.pascal.clone(), "_Base"), (true, format!("Async{}", product.pascal), "_AsyncBase")]
    {
        let _ = writeln!(out, "\n\nclass {class}({parent}):");
        let mode = if asynchronous { "asyncio: every method returns an awaitable" } else { "blocking calls" };
        let _ =
            writeln!(out, "    \"\"\"The operations of `spec/{}` ({mode}).\"\"\"\n\n    __slots__ = ()", product.file);
        for op in &product.operations {
            method(&mut out, product, op, asynchronous);
        }
    }
    out
}

fn method(out: &mut String, product: &Product, op: &Operation, asynchronous: bool) {
    let args = arguments(product, op);
    let paging_item = op.paging.as_ref().map(|paging| item_type(product, op, paging));
    let (returns, call, result) = match (&paging_item, &op.response) {
        (Some((item_ty, item_kind)), _) => {
            let pager = if asynchronous { "AsyncPager" } else { "Pager" };
            (format!("{pager}[{item_ty}]"), "_pages", item_kind.clone())
        }
        (None, Response::Json { ty, .. }) => (result_type(product, ty, "_t."), "_call", kind(product, ty)),
        (None, Response::Empty { .. }) => ("None".to_owned(), "_call", "!empty".to_owned()),
        (None, Response::File { .. }) => ("FileDownload".to_owned(), "_call", "!file".to_owned()),
        (None, Response::Text { .. }) => ("str".to_owned(), "_call", "!text".to_owned()),
    };
    let returns = if asynchronous && paging_item.is_none() { format!("Awaitable[{returns}]") } else { returns };
    out.push('\n');
    if op.deprecated {
        let successor = op
            .successor
            .as_ref()
            .and_then(|id| product.operations.iter().find(|o| &o.id == id))
            .map(|o| format!("; use {} instead", o.snake))
            .unwrap_or_default();
        let _ =
            writeln!(out, "    @deprecated({})", quote(&format!("{} is deprecated by Infobip{successor}.", op.snake)));
    }
    let mut signature = vec!["self".to_owned(), "*".to_owned()];
    for arg in args.iter().filter(|a| a.required) {
        signature.push(format!("{}: {}", arg.name, arg.ty));
    }
    for arg in args.iter().filter(|a| !a.required) {
        signature.push(format!("{}: Optional[{}] = None", arg.name, arg.ty));
    }
    signature.push("timeout: Optional[float] = None".to_owned());
    signature.push("max_retries: Optional[int] = None".to_owned());
    signature.push("validate: Optional[bool] = None".to_owned());
    let _ = writeln!(out, "    def {}(\n        {},\n    ) -> {returns}:", op.snake, signature.join(",\n        "));
    let summary = if op.summary.is_empty() { op.id.clone() } else { op.summary.clone() };
    let mut doc = format!("{}\n\n        ``{} {}``", docstring(&summary), op.method, op.path);
    if paging_item.is_some() {
        doc.push_str(": every item of every page, fetched as the iteration goes");
    }
    doc.push('.');
    let _ = writeln!(out, "        \"\"\"{doc}\"\"\"");
    let dict: Vec<String> = args.iter().map(|a| format!("{}: {}", quote(&a.key), a.name)).collect();
    let flat = op.body.as_ref().is_some_and(|b| b.flatten.is_some());
    // The native method returns `Any`: the annotated local makes it the method's type.
    let _ = writeln!(
        out,
        "        result: {returns} = self.{call}(\n            {}, {}, {},\n            {{{}}},\n            {}, timeout, max_retries, validate,\n        )\n        return result",
        quote(&op.id),
        quote(&product.snake),
        quote(&result),
        dict.join(", "),
        if flat { "True" } else { "False" }
    );
}

/// The annotation and plan kind of the items of a paging operation's pages.
fn item_type(product: &Product, op: &Operation, paging: &Paging) -> (String, String) {
    let items = match paging {
        Paging::Cursor { items, .. } | Paging::Page { items, .. } => items,
    };
    let item = match &op.response {
        Response::Json { ty: Ty::Named(id), .. } => {
            object_fields(&product.types[id.0]).iter().find(|f| f.wire == *items).and_then(|f| match &f.ty {
                Ty::List(inner) => Some((**inner).clone()),
                _ => None,
            })
        }
        _ => None,
    };
    match item {
        Some(ty) => (result_type(product, &ty, "_t."), kind(product, &ty)),
        None => ("Any".to_owned(), String::new()),
    }
}

// ---------------------------------------------------------------------------------------------
// resources/__init__.py

fn namespaces(loaded: &Loaded) -> String {
    let mut out = header("#");
    out.push_str(
        "\"\"\"Every product's namespace as a property of ``infobip.Client`` (``Namespaces``) and\n\
         ``infobip.AsyncClient`` (``AsyncNamespaces``): ``client.whatsapp``, ``client.email``, …\n\
         A namespace's module is imported, and the namespace made, on first use; the client keeps it.\n\
         (Type checkers read the properties' declarations; at run time they are made from ``_TABLE``.)\n\"\"\"\n\n\
         from __future__ import annotations\n\nTYPE_CHECKING = False\nif TYPE_CHECKING:\n    from typing import Any\n\n",
    );
    for product in &loaded.api.products {
        let _ = writeln!(out, "    from .{0} import Async{1}, {1}", product.snake, product.pascal);
    }
    out.push_str("\n__all__ = [\"Namespaces\", \"AsyncNamespaces\"]\n");
    for (class, prefix) in [("Namespaces", ""), ("AsyncNamespaces", "Async")] {
        let _ = writeln!(out, "\n\nclass {class}:");
        let _ = writeln!(
            out,
            "    \"\"\"The namespaces of {}.\"\"\"\n\n    __slots__ = ()\n\n    if TYPE_CHECKING:",
            if prefix.is_empty() { "``infobip.Client``" } else { "``infobip.AsyncClient``" }
        );
        for product in &loaded.api.products {
            let _ = writeln!(
                out,
                "\n        @property\n        def {snake}(self) -> {prefix}{pascal}:\n            \"\"\"The {count} operations of `spec/{file}`.\"\"\"",
                snake = product.snake,
                pascal = product.pascal,
                count = product.operations.len(),
                file = product.file
            );
        }
    }
    out.push_str("\n\n#: Namespace → the class of ``Client``'s and of ``AsyncClient``'s (module ``infobip.resources.<namespace>``).\n_TABLE = (\n");
    for product in &loaded.api.products {
        let _ = writeln!(out, "    ({:?}, {:?}, \"Async{}\"),", product.snake, product.pascal, product.pascal);
    }
    out.push_str(
        ")\n\n\ndef _property(name: str, class_name: str) -> property:\n    \
         \"\"\"The property of one namespace: imports its module and makes the namespace on first use.\"\"\"\n\n    \
         def get(client: Any) -> Any:\n        found = client.__dict__.get(name)\n        if found is None:\n            \
         module = __import__(f\"infobip.resources.{name}\", fromlist=[class_name])\n            \
         found = client.__dict__[name] = getattr(module, class_name)(client)\n        return found\n\n    \
         get.__name__ = name\n    return property(get)\n\n\n\
         for _name, _sync, _async in _TABLE:\n    setattr(Namespaces, _name, _property(_name, _sync))\n    \
         setattr(AsyncNamespaces, _name, _property(_name, _async))\n",
    );
    out
}

// ---------------------------------------------------------------------------------------------

/// A Python string literal.
fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Text for a docstring: one paragraph, at most about 300 characters, safe inside `"""`.
fn docstring(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let text: String = if text.chars().count() > 300 {
        let cut: String = text.chars().take(300).collect();
        format!("{}…", cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head))
    } else {
        text
    };
    let text = text.replace('\\', "\\\\").replace("\"\"\"", "\\\"\\\"\\\"");
    if text.ends_with('"') { format!("{text} ") } else { text }
}
