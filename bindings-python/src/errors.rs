//! Core errors raised as the Python exceptions of `infobip._errors`.
//!
//! The class is chosen in Python by the core's stable `code()` (one table, `_BY_CODE`); this
//! module only hands over the message and the fields of each variant.

use infobip::Error;
use pyo3::BoundObject;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyDict;

static FROM_NATIVE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// Converts a core error into the matching `infobip` exception.
pub(crate) fn to_py(py: Python<'_>, error: Error) -> PyErr {
    build(py, &error).unwrap_or_else(|failure| failure)
}

/// A `validation` error about one argument, raised like the core's own.
pub(crate) fn invalid(py: Python<'_>, field: impl Into<String>, message: impl Into<String>) -> PyErr {
    to_py(py, Error::validation(field, message))
}

/// Runs a synchronous entry point; a panic (a bug of the SDK) becomes `InternalError` with code
/// `internal` instead of pyo3's `PanicException`.
pub(crate) fn guard<T>(py: Python<'_>, f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    infobip::error::catch_panic(f).unwrap_or_else(|e| Err(to_py(py, e)))
}

/// The outcome of a core call, converted to Python only once the GIL is held: an async call's
/// future returns it from a tokio worker that must not take the GIL, and pyo3-async-runtimes
/// converts it on its own thread. An error becomes the raised exception.
pub(crate) struct Outcome<T>(pub(crate) Result<T, Error>);

impl<'py, T> IntoPyObject<'py> for Outcome<T>
where
    T: IntoPyObject<'py>,
{
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self.0 {
            Ok(value) => Ok(value.into_pyobject(py).map_err(Into::into)?.into_any().into_bound()),
            Err(error) => Err(to_py(py, error)),
        }
    }
}

fn build(py: Python<'_>, error: &Error) -> PyResult<PyErr> {
    let from_native = FROM_NATIVE.get_or_try_init(py, || -> PyResult<Py<PyAny>> {
        Ok(py.import("infobip._errors")?.getattr("_from_native")?.unbind())
    })?;
    let fields = PyDict::new(py);
    match error {
        Error::Validation { violations } => {
            let pairs: Vec<(&str, &str)> =
                violations.iter().map(|v| (v.property.as_str(), v.message.as_str())).collect();
            fields.set_item("violations", pairs)?;
        }
        Error::Connection { attempts, .. } | Error::Timeout { attempts, .. } => {
            fields.set_item("attempts", attempts)?;
        }
        Error::OutcomeUnknown(outcome) => {
            fields.set_item("attempts", outcome.attempts)?;
            fields.set_item("reason", &outcome.reason)?;
            fields.set_item("operation", &outcome.operation)?;
            fields.set_item("bulk_id", &outcome.bulk_id)?;
            fields.set_item("message_ids", &outcome.message_ids)?;
            fields.set_item("status_code", outcome.status)?;
        }
        Error::Api(api) => {
            let violations: Vec<(&str, &str)> =
                api.violations.iter().map(|v| (v.property.as_str(), v.message.as_str())).collect();
            let resources: Vec<(&str, &str)> =
                api.resources.iter().map(|r| (r.name.as_str(), r.url.as_str())).collect();
            fields.set_item("status_code", api.status)?;
            fields.set_item("error_code", &api.error_code)?;
            fields.set_item("text", &api.text)?;
            fields.set_item("action", &api.action)?;
            fields.set_item("violations", violations)?;
            fields.set_item("resources", resources)?;
            fields.set_item("request_id", &api.request_id)?;
            fields.set_item("retry_after", api.retry_after.map(|d| d.as_secs_f64()))?;
            fields.set_item("attempts", api.attempts)?;
            fields.set_item("body", &api.body)?;
            fields.set_item("body_is_json", api.body_is_json)?;
            fields.set_item("operation", &api.operation)?;
            fields.set_item("required_scopes", &api.required_scopes)?;
        }
        Error::AuthFailed(failure) => {
            fields.set_item("scheme", &failure.scheme)?;
            fields.set_item("reason", &failure.reason)?;
            fields.set_item("cause", &failure.cause)?;
            fields.set_item("status_code", failure.status)?;
            fields.set_item("attempts", failure.attempts)?;
        }
        Error::Decode { offset, .. } => {
            fields.set_item("offset", offset)?;
        }
        _ => {}
    }
    let exception = from_native.bind(py).call1((error.code(), error.to_string(), fields))?;
    Ok(PyErr::from_value(exception))
}
