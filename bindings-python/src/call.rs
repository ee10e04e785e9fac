//! How a namespace method hands a core call to Python: blocking (the `Client`'s namespaces) or
//! as an asyncio awaitable (the `AsyncClient`'s). Both convert the outcome with the GIL held.

use std::future::Future;

use infobip::Error;
use pyo3::prelude::*;

use crate::errors::Outcome;
use crate::runtime;

/// Runs a core call the way a client's namespaces do.
pub(crate) trait Mode {
    /// Runs `future` and gives its result (blocking) or an awaitable of it.
    fn finish<'py, F, T>(py: Python<'py>, future: F) -> PyResult<Bound<'py, PyAny>>
    where
        F: Future<Output = Result<T, Error>> + Send + 'static,
        T: for<'a> IntoPyObject<'a> + Send + 'static;
}

/// Blocks with the GIL released.
pub(crate) struct Blocking;

/// Returns an asyncio awaitable.
pub(crate) struct Awaiting;

impl Mode for Blocking {
    fn finish<'py, F, T>(py: Python<'py>, future: F) -> PyResult<Bound<'py, PyAny>>
    where
        F: Future<Output = Result<T, Error>> + Send + 'static,
        T: for<'a> IntoPyObject<'a> + Send + 'static,
    {
        Outcome(runtime::block_on(py, future)?).into_pyobject(py)
    }
}

impl Mode for Awaiting {
    fn finish<'py, F, T>(py: Python<'py>, future: F) -> PyResult<Bound<'py, PyAny>>
    where
        F: Future<Output = Result<T, Error>> + Send + 'static,
        T: for<'a> IntoPyObject<'a> + Send + 'static,
    {
        runtime::awaitable(py, async move { Ok(Outcome(future.await)) })
    }
}
