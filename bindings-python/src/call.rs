//! How a namespace method hands a core call to Python: blocking (the `Client`'s namespaces) or
//! as an asyncio awaitable (the `AsyncClient`'s). Both convert the outcome with the GIL held, and
//! a panic in the core (a bug) becomes `InternalError`, never a crash or `PanicException`.
//!
//! A call that may send messages is followed by a [`SendTracker`]: when it is cancelled after
//! its request may have been written (Ctrl-C in a blocking call, a cancelled asyncio task), the
//! `KeyboardInterrupt` or `asyncio.CancelledError` keeps its type and carries `bulk_id` and
//! `message_ids`.

use std::future::Future;

use infobip::error::catch_panic_async;
use infobip::{Error, SendTracker};
use pyo3::prelude::*;
use pyo3::types::PyList;

use crate::errors::Outcome;
use crate::runtime;

/// Runs a core call the way a client's namespaces do.
pub(crate) trait Mode {
    /// Runs `future` and gives its result (blocking) or an awaitable of it.
    fn finish<'py, F, T>(py: Python<'py>, future: F) -> PyResult<Bound<'py, PyAny>>
    where
        F: Future<Output = Result<T, Error>> + Send + 'static,
        T: for<'a> IntoPyObject<'a> + Send + 'static;

    /// [`finish`](Mode::finish) for a call that may send messages, followed by `tracker`.
    fn finish_send<'py, F, T>(py: Python<'py>, tracker: SendTracker, future: F) -> PyResult<Bound<'py, PyAny>>
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
        Outcome(runtime::block_on(py, caught(future))?).into_pyobject(py)
    }

    fn finish_send<'py, F, T>(py: Python<'py>, tracker: SendTracker, future: F) -> PyResult<Bound<'py, PyAny>>
    where
        F: Future<Output = Result<T, Error>> + Send + 'static,
        T: for<'a> IntoPyObject<'a> + Send + 'static,
    {
        Outcome(block_on_send(py, &tracker, future)?).into_pyobject(py)
    }
}

impl Mode for Awaiting {
    fn finish<'py, F, T>(py: Python<'py>, future: F) -> PyResult<Bound<'py, PyAny>>
    where
        F: Future<Output = Result<T, Error>> + Send + 'static,
        T: for<'a> IntoPyObject<'a> + Send + 'static,
    {
        runtime::awaitable(py, async move { Ok(Outcome(caught(future).await)) })
    }

    fn finish_send<'py, F, T>(py: Python<'py>, tracker: SendTracker, future: F) -> PyResult<Bound<'py, PyAny>>
    where
        F: Future<Output = Result<T, Error>> + Send + 'static,
        T: for<'a> IntoPyObject<'a> + Send + 'static,
    {
        awaitable_send(py, tracker, future)
    }
}

/// A core call whose panic (a bug) becomes the `internal` error.
async fn caught<T>(future: impl Future<Output = Result<T, Error>>) -> Result<T, Error> {
    catch_panic_async(future).await.and_then(|result| result)
}

/// Blocks on a call that may send; an exception a signal handler raises meanwhile (Ctrl-C's
/// `KeyboardInterrupt`) carries the send's ids when its request may have been written.
pub(crate) fn block_on_send<F, T>(py: Python<'_>, tracker: &SendTracker, future: F) -> PyResult<Result<T, Error>>
where
    F: Future<Output = Result<T, Error>> + Send,
    T: Send,
{
    runtime::block_on(py, caught(future)).map_err(|interrupted| with_ids(py, interrupted, tracker))
}

/// An awaitable of a call that may send: a coroutine (`infobip._cancel.tracked`) that starts the
/// call when it first runs (a task cancelled before that sends nothing), and whose
/// `asyncio.CancelledError` carries the send's ids when its request may have been written.
pub(crate) fn awaitable_send<'py, F, T>(py: Python<'py>, tracker: SendTracker, future: F) -> PyResult<Bound<'py, PyAny>>
where
    F: Future<Output = Result<T, Error>> + Send + 'static,
    T: for<'a> IntoPyObject<'a> + Send + 'static,
{
    let start: StartFn =
        Box::new(move |py| runtime::awaitable(py, async move { Ok(Outcome(caught(future).await)) }).map(Bound::unbind));
    let tracked = py.import("infobip._cancel")?.getattr("tracked")?;
    tracked.call1((Start(std::sync::Mutex::new(Some(start))), Tracker(tracker)))
}

/// Starts a call: spawns its future and gives its asyncio future.
type StartFn = Box<dyn FnOnce(Python<'_>) -> PyResult<Py<PyAny>> + Send>;

/// What `infobip._cancel.tracked` calls to start the call, once.
#[pyclass(module = "infobip._native", name = "_Start", frozen)]
pub(crate) struct Start(std::sync::Mutex<Option<StartFn>>);

#[pymethods]
impl Start {
    fn __call__(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let start = self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner).take();
        match start {
            Some(start) => start(py),
            None => Err(pyo3::exceptions::PyRuntimeError::new_err("this call was already started")),
        }
    }
}

/// Puts the ids of a send that may have been written on the exception that interrupted it.
fn with_ids(py: Python<'_>, error: PyErr, tracker: &SendTracker) -> PyErr {
    if let Some(ids) = tracker.written() {
        let value = error.value(py);
        let attached = value
            .setattr("bulk_id", ids.bulk_id.as_deref())
            .and_then(|()| value.setattr("message_ids", PyList::new(py, &ids.message_ids)?));
        if let Err(failed) = attached {
            return failed;
        }
    }
    error
}

/// What `infobip._cancel.tracked` reads when the awaitable is cancelled.
#[pyclass(module = "infobip._native", name = "_SendTracker", frozen)]
pub(crate) struct Tracker(SendTracker);

#[pymethods]
impl Tracker {
    /// `(bulk_id, message_ids)` once the send's request may have been written, else `None`.
    fn written(&self) -> Option<(Option<String>, Vec<String>)> {
        self.0.written().map(|ids| (ids.bulk_id, ids.message_ids))
    }
}
