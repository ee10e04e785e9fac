//! `infobip.Response`: the raw answer of `client.request(...)`.

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};

use crate::plan::Kind;

/// A successful HTTP response.
#[derive(Clone)]
#[pyclass(module = "infobip", frozen)]
pub(crate) struct Response {
    inner: infobip::Response,
}

impl From<infobip::Response> for Response {
    fn from(inner: infobip::Response) -> Self {
        Response { inner }
    }
}

#[pymethods]
impl Response {
    /// The HTTP status.
    #[getter]
    fn status_code(&self) -> u16 {
        self.inner.status
    }

    /// The response headers (lower-case names; repeated headers joined with `, `).
    #[getter]
    fn headers<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let headers = PyDict::new(py);
        for name in self.inner.headers.keys() {
            let values: Vec<&str> = self.inner.headers.get_all(name).iter().map(|v| v.to_str().unwrap_or("")).collect();
            headers.set_item(name.as_str(), values.join(", "))?;
        }
        Ok(headers)
    }

    /// The body.
    #[getter]
    fn content<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &self.inner.body)
    }

    /// The body as text (UTF-8, invalid bytes replaced).
    #[getter]
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.inner.body).into_owned()
    }

    /// The request id the API gave (`X-Request-Id`).
    #[getter]
    fn request_id(&self) -> Option<&str> {
        self.inner.request_id.as_deref()
    }

    /// Attempts made (1 when the first attempt succeeded).
    #[getter]
    fn attempts(&self) -> u32 {
        self.inner.attempts
    }

    /// The body read as JSON (a `DecodeError` when it is not JSON).
    fn json<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::builder::from_slice(py, &Kind::Any, &self.inner.body, "the response body")
    }

    fn __repr__(&self) -> String {
        let id = self.inner.request_id.as_deref().map(|id| format!(", request_id={id:?}")).unwrap_or_default();
        format!("<infobip.Response status_code={}{id} bytes={}>", self.inner.status, self.inner.body.len())
    }
}
