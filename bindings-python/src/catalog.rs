//! `client.call(...)` (any operation of the spec), `infobip.operations()` and
//! `infobip.required_scopes(...)`: the core's operation catalog.

use infobip::catalog::{self, CallParams};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use serde_json::{Map, Value};

use crate::convert::to_json;
use crate::errors::invalid;

/// The parameters of `call`, read from dicts of plain values (keys as the API names them).
pub(crate) fn params(
    py: Python<'_>,
    path: Option<&Bound<'_, PyDict>>,
    query: Option<&Bound<'_, PyDict>>,
    headers: Option<&Bound<'_, PyDict>>,
    body: Option<&Bound<'_, PyAny>>,
) -> PyResult<CallParams> {
    let mut params = CallParams::new();
    params.path = object(py, path, "path")?;
    params.query = object(py, query, "query")?;
    params.headers = object(py, headers, "headers")?;
    params.body = body.map(|b| to_json(b, "body")).transpose()?;
    Ok(params)
}

fn object(py: Python<'_>, value: Option<&Bound<'_, PyDict>>, name: &str) -> PyResult<Map<String, Value>> {
    match value.map(|v| to_json(v.as_any(), name)).transpose()? {
        None => Ok(Map::new()),
        Some(Value::Object(map)) => Ok(map),
        Some(_) => Err(invalid(py, name, "must be a dict")),
    }
}

/// Every operation of the spec: `id`, `product`, `method`, `path`, `summary`, `scopes`,
/// `deprecated`.
#[pyfunction]
fn operations(py: Python<'_>) -> PyResult<Bound<'_, PyList>> {
    let list = PyList::empty(py);
    for op in catalog::operations() {
        let entry = PyDict::new(py);
        entry.set_item("id", &op.id)?;
        entry.set_item("product", &op.product)?;
        entry.set_item("method", &op.method)?;
        entry.set_item("path", &op.path)?;
        entry.set_item("summary", &op.summary)?;
        entry.set_item("scopes", &op.scopes)?;
        entry.set_item("deprecated", op.deprecated)?;
        list.append(entry)?;
    }
    Ok(list)
}

/// The scopes an operation needs (any one of them), or `None` for an unknown operation id.
#[pyfunction]
fn required_scopes(operation_id: &str) -> Option<Vec<String>> {
    catalog::required_scopes(operation_id).map(<[String]>::to_vec)
}

/// Adds the catalog functions to the native module.
pub(crate) fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(operations, module)?)?;
    module.add_function(wrap_pyfunction!(required_scopes, module)?)?;
    Ok(())
}
