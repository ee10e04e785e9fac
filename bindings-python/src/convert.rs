//! Python values ↔ JSON values and Infobip date-times.
//!
//! Only conversion lives here: JSON keys pass through untouched, and date-times are written and
//! read by `infobip::time`.

use chrono::{DateTime, FixedOffset};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDateTime, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple, PyTzInfoAccess};
use serde_json::{Map, Number, Value};

use crate::errors::invalid;

/// Reads a Python value (dicts with str keys, lists, tuples, str, int, float, bool, None and
/// aware datetimes) as JSON. `path` names the argument in errors, e.g. `body.messages[0].to`.
/// A container that holds itself (a cycle), or nesting deeper than
/// [`MAX_DEPTH`](infobip::config::MAX_DEPTH), is a `ValidationError` naming where.
pub(crate) fn to_json(value: &Bound<'_, PyAny>, path: &str) -> PyResult<Value> {
    to_json_within(value, path, &mut Vec::new())
}

/// [`to_json`] inside the containers of `open` (their addresses, outermost first).
fn to_json_within(value: &Bound<'_, PyAny>, path: &str, open: &mut Vec<usize>) -> PyResult<Value> {
    let py = value.py();
    if value.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(text) = value.cast::<PyString>() {
        return Ok(Value::String(utf8(text, path)?));
    }
    if let Ok(flag) = value.cast::<PyBool>() {
        return Ok(Value::Bool(flag.is_true()));
    }
    if value.cast::<PyInt>().is_ok() {
        if let Ok(n) = value.extract::<i64>() {
            return Ok(Value::Number(n.into()));
        }
        if let Ok(n) = value.extract::<u64>() {
            return Ok(Value::Number(n.into()));
        }
        return Err(invalid(py, path, "the integer is too large"));
    }
    if let Ok(float) = value.cast::<PyFloat>() {
        return Number::from_f64(float.value())
            .map(Value::Number)
            .ok_or_else(|| invalid(py, path, "must be a finite number"));
    }
    if let Ok(dict) = value.cast::<PyDict>() {
        enter(value, path, open)?;
        let mut object = Map::with_capacity(dict.len());
        for (key, item) in dict.iter() {
            let key = key.cast::<PyString>().map_err(|_| invalid(py, path, "dictionary keys must be strings"))?;
            let key = utf8(key, path)?;
            let item = to_json_within(&item, &format!("{path}.{key}"), open)?;
            object.insert(key, item);
        }
        open.pop();
        return Ok(Value::Object(object));
    }
    if value.cast::<PyList>().is_ok() || value.cast::<PyTuple>().is_ok() {
        enter(value, path, open)?;
        let mut items = Vec::new();
        for (index, item) in value.try_iter()?.enumerate() {
            items.push(to_json_within(&item?, &format!("{path}[{index}]"), open)?);
        }
        open.pop();
        return Ok(Value::Array(items));
    }
    if value.cast::<PyDateTime>().is_ok() {
        return Ok(Value::String(infobip::time::format(&datetime(value, path)?)));
    }
    let type_name = value.get_type().name()?;
    Err(invalid(py, path, format!("cannot be sent as JSON: unsupported type {type_name}")))
}

/// A `str` as UTF-8; one holding a lone surrogate (which UTF-8 cannot encode) is a
/// `ValidationError` naming `path`.
fn utf8(text: &Bound<'_, PyString>, path: &str) -> PyResult<String> {
    text.to_cow().map(|t| t.into_owned()).map_err(|_| {
        invalid(text.py(), path, "is not valid text: it holds a lone surrogate, which cannot be sent as UTF-8")
    })
}

/// Opens the container `value` at `path`, refusing a cycle and nesting past the limit.
fn enter(value: &Bound<'_, PyAny>, path: &str, open: &mut Vec<usize>) -> PyResult<()> {
    let py = value.py();
    let address = value.as_ptr() as usize;
    if open.contains(&address) {
        return Err(invalid(py, path, "contains itself (a cycle), which cannot be sent as JSON"));
    }
    let limit = infobip::config::MAX_DEPTH;
    if open.len() >= limit {
        return Err(invalid(py, path, format!("nests deeper than the limit of {limit} levels")));
    }
    open.push(address);
    Ok(())
}

/// Reads an aware `datetime`; a naive one is refused with a `ValidationError` naming `path`.
pub(crate) fn datetime(value: &Bound<'_, PyAny>, path: &str) -> PyResult<DateTime<FixedOffset>> {
    let py = value.py();
    let moment = value.cast::<PyDateTime>().map_err(|_| invalid(py, path, "must be a datetime"))?;
    let aware = moment.get_tzinfo().is_some() && !moment.call_method0("utcoffset")?.is_none();
    if !aware {
        return Err(invalid(
            py,
            path,
            "must be a timezone-aware datetime (e.g. datetime.now(timezone.utc)), not a naive one",
        ));
    }
    moment.extract::<DateTime<FixedOffset>>()
}

/// A query parameter value as text: str, int, float, bool (`true`/`false`) or an aware datetime.
pub(crate) fn query_text(value: &Bound<'_, PyAny>, path: &str) -> PyResult<String> {
    match to_json(value, path)? {
        Value::String(text) => Ok(text),
        Value::Bool(flag) => Ok(flag.to_string()),
        Value::Number(n) => Ok(n.to_string()),
        _ => Err(invalid(value.py(), path, "must be a str, int, float, bool or datetime")),
    }
}
