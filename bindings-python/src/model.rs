//! Typed core models ↔ Python: snake_case dicts in, result classes of `infobip._models` out.
//!
//! Both directions go through the models' serde JSON and `infobip::case` for the key names, so
//! the binding holds no knowledge of the models' fields.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyList;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::convert::from_json;

static MODELS: PyOnceLock<Py<PyModule>> = PyOnceLock::new();

/// Reads a Python value (dicts with snake_case keys, lists, datetimes...) into a core model;
/// a wrong shape or an unknown key is a `ValidationError` naming the field under `path`.
pub(crate) fn from_python<T: DeserializeOwned>(value: &Bound<'_, PyAny>, path: &str) -> PyResult<T> {
    let json = crate::convert::to_json(value, path)?;
    infobip::case::from_snake(json, path).map_err(|e| crate::errors::to_py(value.py(), e))
}

/// A core result on its way to Python as an instance (or a list of instances) of the
/// `infobip._models` class `class`. Converted only once the GIL is held.
pub(crate) struct Typed<T> {
    value: T,
    class: &'static str,
    request_id: Option<String>,
}

impl<T: Serialize> Typed<T> {
    pub(crate) fn new(value: T, class: &'static str) -> Self {
        Typed { value, class, request_id: None }
    }

    /// Adds the response's request id (kept outside the body by the core) as `request_id`.
    pub(crate) fn with_request_id(mut self, request_id: Option<String>) -> Self {
        self.request_id = request_id;
        self
    }
}

impl<'py, T: Serialize> IntoPyObject<'py> for Typed<T> {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let mut json = infobip::case::to_snake_json(&self.value).map_err(|e| crate::errors::to_py(py, e))?;
        if let (Some(id), Value::Object(object)) = (self.request_id, &mut json) {
            object.insert("request_id".to_owned(), Value::String(id));
        }
        let class = MODELS
            .get_or_try_init(py, || -> PyResult<Py<PyModule>> { Ok(py.import("infobip._models")?.unbind()) })?
            .bind(py)
            .getattr(self.class)?;
        let make = class.getattr("_from_native")?;
        match &json {
            Value::Array(items) => {
                let list = PyList::empty(py);
                for item in items {
                    list.append(make.call1((from_json(py, item)?,))?)?;
                }
                Ok(list.into_any())
            }
            other => make.call1((from_json(py, other)?,)),
        }
    }
}
