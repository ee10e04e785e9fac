//! Field plans: what the result builder needs to know of a result class, read once per class.
//!
//! Every result class (`infobip.types.<product>`, generated) declares its own fields in a
//! class attribute `__plan__`: a list of `(wire name, attribute, kind)`. A polymorphic base
//! also has `__tag__`: `(property, [(tag value, class name), ...])`. A module may declare
//! `__unions__`: `{name: ((test, kind), ...)}` for `oneOf`s without a discriminator, where the
//! test is a tuple of the wire names a variant requires, or one of `"s"` (a string), `"n"` (a
//! number), `"b"` (a boolean), `"a"` (an array), `"o"` (any object).
//!
//! A kind is text: `""` any JSON value as it is, `"t"` a date-time, `".Name"` a class (or a
//! union) of the module, `"[k"` a list of `k`, `"{k"` a map of `k` (keys kept as they are).
//!
//! A class's plan is its own `__plan__` after those of its bases (a subclass adds fields), and
//! is compiled on first use and kept for the life of the process, like the class.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyString, PyTuple, PyType};

/// How deep union and list kinds may nest inside one kind (classes nest without limit: each
/// is compiled when first built).
const MAX_KIND_DEPTH: usize = 32;

/// What to build from a JSON value.
pub(crate) enum Kind {
    /// The value as it is (None, bool, int, float, str, list, dict).
    Any,
    /// An aware `datetime` (a value that is not a date-time is kept as it is).
    DateTime,
    /// An instance of a result class.
    Object(Arc<ClassCell>),
    /// The first variant whose test the value passes.
    Union(Vec<(Test, Kind)>),
    /// A list of values of a kind.
    List(Box<Kind>),
    /// A dict whose values are of a kind (keys kept).
    Map(Box<Kind>),
}

/// How a union tells its variants apart.
pub(crate) enum Test {
    /// An object with all of these wire names.
    Fields(Vec<String>),
    /// A string.
    String,
    /// A number.
    Number,
    /// A boolean.
    Boolean,
    /// An array.
    Array,
    /// Any object.
    Object,
}

impl Test {
    /// Whether `value` is of this variant.
    pub(crate) fn matches(&self, value: &serde_json::Value) -> bool {
        use serde_json::Value;
        match (self, value) {
            (Test::Fields(names), Value::Object(object)) => names.iter().all(|n| object.contains_key(n)),
            (Test::String, Value::String(_))
            | (Test::Number, Value::Number(_))
            | (Test::Boolean, Value::Bool(_))
            | (Test::Array, Value::Array(_))
            | (Test::Object, Value::Object(_)) => true,
            _ => false,
        }
    }
}

/// A result class and, once compiled, its plan.
pub(crate) struct ClassCell {
    class: Py<PyType>,
    plan: PyOnceLock<ClassPlan>,
}

impl ClassCell {
    /// The class's plan, compiled on first use.
    pub(crate) fn plan(&self, py: Python<'_>) -> PyResult<&ClassPlan> {
        self.plan.get_or_try_init(py, || ClassPlan::compile(self.class.bind(py)))
    }
}

/// What the builder fills an instance of a class with.
pub(crate) struct ClassPlan {
    /// The class.
    pub(crate) class: Py<PyType>,
    /// Its fields, bases' first.
    pub(crate) fields: Vec<FieldPlan>,
    /// Wire name → index in `fields`.
    pub(crate) index: HashMap<String, usize>,
    /// For a polymorphic base: the property holding the tag, and tag → class.
    pub(crate) tag: Option<Tag>,
}

/// A polymorphic base's tag property, and each tag's class.
pub(crate) type Tag = (String, Vec<(String, Arc<ClassCell>)>);

/// One field of a plan.
pub(crate) struct FieldPlan {
    /// Its name in JSON.
    pub(crate) wire: String,
    /// The attribute it fills (interned).
    pub(crate) attr: Py<PyString>,
    /// What its value is.
    pub(crate) kind: Kind,
}

impl ClassPlan {
    fn compile(class: &Bound<'_, PyType>) -> PyResult<ClassPlan> {
        let py = class.py();
        let mut fields: Vec<FieldPlan> = Vec::new();
        let mut index = HashMap::new();
        let mro = class.getattr("__mro__")?.cast_into::<PyTuple>()?;
        for klass in mro.iter().collect::<Vec<_>>().into_iter().rev() {
            let Some(plan) = own(&klass, "__plan__")? else { continue };
            let module = module_of(&klass)?;
            for entry in plan.try_iter()? {
                let (wire, attr, kind): (String, String, String) = entry?.extract()?;
                let field =
                    FieldPlan { attr: PyString::intern(py, &attr).unbind(), kind: kind_in(&module, &kind, 0)?, wire };
                match index.get(&field.wire) {
                    Some(&at) => fields[at] = field,
                    None => {
                        index.insert(field.wire.clone(), fields.len());
                        fields.push(field);
                    }
                }
            }
        }
        let tag = match own(class.as_any(), "__tag__")? {
            None => None,
            Some(tag) => {
                let (property, mapping): (String, Vec<(String, String)>) = tag.extract()?;
                let module = module_of(class.as_any())?;
                let mapping = mapping
                    .into_iter()
                    .map(|(value, name)| Ok((value, class_cell(&module.getattr(name.as_str())?)?)))
                    .collect::<PyResult<Vec<_>>>()?;
                Some((property, mapping))
            }
        };
        Ok(ClassPlan { class: class.clone().unbind(), fields, index, tag })
    }
}

/// An attribute of the class itself (not inherited), if set.
fn own<'py>(class: &Bound<'py, PyAny>, name: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
    let dict = class.getattr("__dict__")?;
    let value = dict.call_method1("get", (name,))?;
    Ok((!value.is_none()).then_some(value))
}

/// The module a class was defined in.
fn module_of<'py>(class: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let name = class.getattr("__module__")?;
    class.py().import("sys")?.getattr("modules")?.get_item(name)
}

static CELLS: PyOnceLock<Mutex<HashMap<usize, Arc<ClassCell>>>> = PyOnceLock::new();

/// The cell of a result class (one per class for the life of the process).
pub(crate) fn class_cell(class: &Bound<'_, PyAny>) -> PyResult<Arc<ClassCell>> {
    let py = class.py();
    let class = class
        .cast::<PyType>()
        .map_err(|_| PyTypeError::new_err("a result plan names something that is not a class"))?;
    let cells = CELLS.get_or_init(py, || Mutex::new(HashMap::new()));
    let mut cells = cells.lock().unwrap_or_else(PoisonError::into_inner);
    let key = class.as_ptr() as usize;
    Ok(cells
        .entry(key)
        .or_insert_with(|| Arc::new(ClassCell { class: class.clone().unbind(), plan: PyOnceLock::new() }))
        .clone())
}

/// Compiles a kind whose names are looked up in `module`.
pub(crate) fn kind_in(module: &Bound<'_, PyAny>, text: &str, depth: usize) -> PyResult<Kind> {
    if depth > MAX_KIND_DEPTH {
        return Err(PyTypeError::new_err(format!("a result plan nests too deeply at {text:?}")));
    }
    Ok(match text.as_bytes().first() {
        None => Kind::Any,
        Some(b't') if text == "t" => Kind::DateTime,
        Some(b'[') => Kind::List(Box::new(kind_in(module, &text[1..], depth + 1)?)),
        Some(b'{') => Kind::Map(Box::new(kind_in(module, &text[1..], depth + 1)?)),
        Some(b'.') => named(module, &text[1..], depth)?,
        _ => return Err(PyTypeError::new_err(format!("{text:?} is not a result plan kind"))),
    })
}

/// A class of the module, or one of its `__unions__`.
fn named(module: &Bound<'_, PyAny>, name: &str, depth: usize) -> PyResult<Kind> {
    if let Ok(found) = module.getattr(name)
        && found.is_instance_of::<PyType>()
    {
        return Ok(Kind::Object(class_cell(&found)?));
    }
    let unions = module.getattr("__unions__").ok();
    let variants = unions.and_then(|u| u.cast_into::<PyDict>().ok()).and_then(|u| u.get_item(name).ok().flatten());
    let Some(variants) = variants else {
        return Err(PyTypeError::new_err(format!("a result plan names {name}, which its module does not define")));
    };
    let mut compiled = Vec::new();
    for variant in variants.try_iter()? {
        let (test, kind): (Bound<'_, PyAny>, String) = variant?.extract()?;
        let test = match test.extract::<String>() {
            Ok(text) => match text.as_str() {
                "s" => Test::String,
                "n" => Test::Number,
                "b" => Test::Boolean,
                "a" => Test::Array,
                _ => Test::Object,
            },
            Err(_) => Test::Fields(test.extract()?),
        };
        compiled.push((test, kind_in(module, &kind, depth + 1)?));
    }
    Ok(Kind::Union(compiled))
}

/// The result kinds compiled so far, by (product, result text).
type ResultKinds = Mutex<HashMap<(String, String), Arc<Kind>>>;

static RESULTS: PyOnceLock<ResultKinds> = PyOnceLock::new();

/// The kind `text` of a generated method's result, its names looked up in the types module of
/// `product` (`infobip.types.<product>`, imported on first use).
pub(crate) fn result_kind(py: Python<'_>, product: &str, text: &str) -> PyResult<Arc<Kind>> {
    let cache = RESULTS.get_or_init(py, || Mutex::new(HashMap::new()));
    let key = (product.to_owned(), text.to_owned());
    if let Some(found) = cache.lock().unwrap_or_else(PoisonError::into_inner).get(&key) {
        return Ok(found.clone());
    }
    let module = py.import(format!("infobip.types.{product}").as_str())?;
    let kind = Arc::new(kind_in(module.as_any(), text, 0)?);
    cache.lock().unwrap_or_else(PoisonError::into_inner).insert(key, kind.clone());
    Ok(kind)
}
