//! Typed core models ↔ Python: snake_case dicts in (through `infobip::case`), result classes
//! out (built from the model's JSON by the classes' field plans), so the binding holds no
//! knowledge of the models' fields.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::plan::{Kind, class_cell};

static LEGACY: PyOnceLock<Py<PyModule>> = PyOnceLock::new();

/// Reads a Python value (dicts with snake_case keys, lists, datetimes...) into a core model;
/// a wrong shape or an unknown key is a `ValidationError` naming the field under `path`.
pub(crate) fn from_python<T: DeserializeOwned>(value: &Bound<'_, PyAny>, path: &str) -> PyResult<T> {
    let json = crate::convert::to_json(value, path)?;
    infobip::case::from_snake(json, path).map_err(|e| crate::errors::to_py(value.py(), e))
}

/// A core result on its way to Python as an instance (or a list of instances) of the result
/// class `class` of `infobip._legacy` (the names the SMS and 2FA results had before the
/// generated layer), built from the model's JSON by [`crate::builder`]. Converted only once
/// the GIL is held.
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
        let json = serde_json::to_vec(&self.value).map_err(|e| {
            crate::errors::to_py(py, infobip::Error::decode(format!("a {} as JSON: {e}", self.class), None))
        })?;
        let legacy =
            LEGACY.get_or_try_init(py, || -> PyResult<Py<PyModule>> { Ok(py.import("infobip._legacy")?.unbind()) })?;
        let class = class_cell(&legacy.bind(py).getattr(self.class)?)?;
        let kind =
            if json.first() == Some(&b'[') { Kind::List(Box::new(Kind::Object(class))) } else { Kind::Object(class) };
        let built = crate::builder::from_slice(py, &kind, &json, self.class)?;
        if let Some(id) = self.request_id {
            built.setattr("request_id", id)?;
        }
        Ok(built)
    }
}
