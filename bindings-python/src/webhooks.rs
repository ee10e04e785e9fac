//! `infobip.webhooks`: parse and verify what Infobip pushes to your endpoint (no client needed).

use infobip::webhooks::{self, HmacAlgorithm};
use pyo3::prelude::*;

use crate::errors::{guard, to_py};
use crate::model::Typed;
use crate::plan::{Kind, class_cell};

/// Delivery reports pushed to your endpoint (v3 and legacy shapes, JSON or XML).
#[pyfunction]
fn parse_delivery_reports<'py>(py: Python<'py>, body: &[u8]) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let reports = webhooks::parse_delivery_reports(body).map_err(|e| to_py(py, e))?;
        Typed::new(reports, "DeliveryReport").into_pyobject(py)
    })
}

/// Inbound messages pushed to your endpoint.
#[pyfunction]
fn parse_inbound<'py>(py: Python<'py>, body: &[u8]) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let inbound = webhooks::parse_inbound(body).map_err(|e| to_py(py, e))?;
        Typed::new(inbound, "InboundMessages").into_pyobject(py)
    })
}

/// A URL click pushed to your endpoint.
#[pyfunction]
fn parse_click<'py>(py: Python<'py>, body: &[u8]) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let click = webhooks::parse_click(body).map_err(|e| to_py(py, e))?;
        Typed::new(click, "UrlClick").into_pyobject(py)
    })
}

/// Any push, read into the result class `into` (a class of `infobip.types`) by its field plan.
#[pyfunction]
fn parse<'py>(body: &[u8], into: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let kind = Kind::Object(class_cell(into)?);
    crate::builder::from_slice(into.py(), &kind, body, "a webhook push")
}

/// Checks an `Authorization: Basic ...` header (constant time); raises
/// `WebhookVerificationError` when it does not match.
#[pyfunction]
#[pyo3(signature = (authorization, *, username, password))]
fn verify_basic(py: Python<'_>, authorization: Option<&str>, username: &str, password: String) -> PyResult<()> {
    guard(py, || webhooks::verify_basic(authorization, username, &password.into()).map_err(|e| to_py(py, e)))
}

/// Checks an HMAC signature of `body` (hex or base64, optionally `sha256=`-prefixed; constant
/// time). `algorithm` is e.g. `"sha256"` or `"HMAC_SHA_256"`.
#[pyfunction]
#[pyo3(signature = (body, signature, *, secret, algorithm="sha256"))]
fn verify_hmac(py: Python<'_>, body: &[u8], signature: Option<&str>, secret: String, algorithm: &str) -> PyResult<()> {
    guard(py, || {
        let algorithm = HmacAlgorithm::from_name(algorithm).map_err(|e| to_py(py, e))?;
        webhooks::verify_hmac(body, signature, &secret.into(), algorithm).map_err(|e| to_py(py, e))
    })
}

/// Adds the webhook functions to the native module (`infobip.webhooks` re-exports them).
pub(crate) fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(parse_delivery_reports, module)?)?;
    module.add_function(wrap_pyfunction!(parse_inbound, module)?)?;
    module.add_function(wrap_pyfunction!(parse_click, module)?)?;
    module.add_function(wrap_pyfunction!(parse, module)?)?;
    module.add_function(wrap_pyfunction!(verify_basic, module)?)?;
    module.add_function(wrap_pyfunction!(verify_hmac, module)?)?;
    Ok(())
}
