//! The base of every generated namespace (`client.whatsapp`, `client.email`, …): one method
//! that calls an operation and one that pages through it, for both clients. The generated
//! Python methods only name the operation, their arguments and the class of their result.
//!
//! Arguments go through the core's bridge (snake_case names → the API's, checked against the
//! spec); the call is the core's `Client::call`; the answer is built into the result class by
//! [`crate::builder`], with the raw response kept on it (`raw_response`).

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use infobip::catalog::{CallParams, CallResponse};
use infobip::typed::Pages;
use infobip::{Error, RequestOptions, bridge};
use pyo3::exceptions::PyStopAsyncIteration;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyDict, PyString};
use serde_json::{Map, Value};

use crate::call::{Awaiting, Blocking, Mode};
use crate::client::{AsyncClient, Client, Handle};
use crate::convert::to_json;
use crate::errors::{Outcome, invalid, to_py};
use crate::plan::{Kind, result_kind};
use crate::response::Response;
use crate::{builder, runtime};

/// A generated method's call, prepared with the GIL held.
struct Call {
    client: infobip::Client,
    operation: String,
    params: CallParams,
    flat: bool,
}

impl Call {
    /// Converts the arguments (keys are the snake_case names of parameters and body fields,
    /// or `body`) and the per-call options.
    #[allow(clippy::too_many_arguments)]
    fn prepare(
        py: Python<'_>,
        handle: &Handle,
        operation: String,
        args: &Bound<'_, PyDict>,
        flat: bool,
        timeout: Option<f64>,
        max_retries: Option<u32>,
        validate: Option<bool>,
    ) -> PyResult<Self> {
        let mut map = Map::with_capacity(args.len());
        for (name, value) in args.iter() {
            let name: String = name.extract()?;
            let value = to_json(&value, &name)?;
            map.insert(name, value);
        }
        let mut options = RequestOptions::new();
        if let Some(timeout) = timeout {
            let timeout = Duration::try_from_secs_f64(timeout)
                .map_err(|_| invalid(py, "timeout", "must be a non-negative number of seconds"))?;
            options = options.timeout(timeout);
        }
        if let Some(retries) = max_retries {
            options = options.max_retries(retries);
        }
        if let Some(validate) = validate {
            options = options.validate(validate);
        }
        let strict = handle.validates(validate);
        let params = bridge::snake_params(&operation, map, flat, strict).map_err(|e| to_py(py, e))?.options(options);
        Ok(Call { client: handle.core(py)?, operation, params, flat })
    }

    async fn run(self, answer: Answer) -> Result<Answered, Error> {
        let Call { client, operation, params, flat } = self;
        match client.call(&operation, params).await {
            Ok(response) => Ok(Answered { operation, response, answer }),
            Err(error) => Err(bridge::snake_error(&operation, error, flat)),
        }
    }

    fn pages(self, item: Arc<Kind>) -> Result<Arc<PagerCore>, Error> {
        let Call { client, operation, params, flat } = self;
        let pages = client.pages(&operation, params).map_err(|e| bridge::snake_error(&operation, e, flat))?;
        Ok(Arc::new(PagerCore {
            pages: tokio::sync::Mutex::new(pages),
            buffer: Mutex::new(VecDeque::new()),
            item,
            operation,
            flat,
        }))
    }
}

/// What a generated method returns.
enum Answer {
    /// A JSON answer built as this kind.
    Json(Arc<Kind>),
    /// Nothing (`None`).
    Empty,
    /// A [`FileDownload`].
    File,
    /// The body as text.
    Text,
}

impl Answer {
    /// `!empty`, `!file`, `!text`, or a kind whose names are classes of `infobip.types.<product>`.
    fn parse(py: Python<'_>, product: &str, result: &str) -> PyResult<Self> {
        Ok(match result {
            "!empty" => Answer::Empty,
            "!file" => Answer::File,
            "!text" => Answer::Text,
            kind => Answer::Json(result_kind(py, product, kind)?),
        })
    }
}

/// An operation's answer on its way to Python (converted once the GIL is held).
struct Answered {
    operation: String,
    response: CallResponse,
    answer: Answer,
}

static RESPONSE_ATTR: PyOnceLock<Py<PyString>> = PyOnceLock::new();

fn raw(response: &CallResponse) -> Response {
    Response::from(infobip::Response {
        status: response.status,
        headers: response.headers.clone(),
        body: response.raw.clone(),
        request_id: response.request_id.clone(),
        attempts: response.attempts,
        sent: None,
    })
}

impl<'py> IntoPyObject<'py> for Answered {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let Answered { operation, response, answer } = self;
        match answer {
            Answer::Empty => Ok(py.None().into_bound(py)),
            Answer::Text => Ok(PyString::new(py, &String::from_utf8_lossy(&response.raw)).into_any()),
            Answer::File => {
                let file =
                    FileDownload { file: infobip::typed::FileDownload::from_response(&response), raw: raw(&response) };
                Ok(Bound::new(py, file)?.into_any())
            }
            Answer::Json(kind) => {
                let bytes: &[u8] = if response.raw.is_empty() { b"{}" } else { &response.raw };
                let built = builder::from_slice(py, &kind, bytes, &format!("the answer of {operation}"))?;
                if matches!(*kind, Kind::Object(_))
                    && let Ok(fields) = built.getattr("__dict__")
                {
                    let attr = RESPONSE_ATTR.get_or_init(py, || PyString::intern(py, "_response").unbind());
                    fields.set_item(attr.bind(py), Bound::new(py, raw(&response))?)?;
                }
                Ok(built)
            }
        }
    }
}

/// A file an operation answered with.
#[pyclass(module = "infobip", frozen)]
pub(crate) struct FileDownload {
    file: infobip::typed::FileDownload,
    raw: Response,
}

#[pymethods]
impl FileDownload {
    /// The file's bytes.
    #[getter]
    fn content<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &self.file.bytes)
    }

    /// Its content type, as the server declared it.
    #[getter]
    fn content_type(&self) -> Option<&str> {
        self.file.content_type.as_deref()
    }

    /// Its name, from `Content-Disposition`, when the server gave one.
    #[getter]
    fn file_name(&self) -> Option<&str> {
        self.file.file_name.as_deref()
    }

    /// The HTTP response (status, headers, request id).
    #[getter]
    fn raw_response(&self, py: Python<'_>) -> PyResult<Py<Response>> {
        Py::new(py, self.raw.clone())
    }

    fn __repr__(&self) -> String {
        format!(
            "<infobip.FileDownload content_type={:?} file_name={:?} bytes={}>",
            self.file.content_type,
            self.file.file_name,
            self.file.bytes.len()
        )
    }
}

/// The pages of one paging call and the items of the current page not handed out yet.
struct PagerCore {
    pages: tokio::sync::Mutex<Pages>,
    buffer: Mutex<VecDeque<Value>>,
    item: Arc<Kind>,
    operation: String,
    flat: bool,
}

impl PagerCore {
    fn pop(&self) -> Option<Value> {
        self.buffer.lock().unwrap_or_else(PoisonError::into_inner).pop_front()
    }

    /// Fetches pages until one has items; keeps all but the first, which it returns (`None`
    /// after the last page).
    async fn fetch(&self) -> Result<Option<Value>, Error> {
        let mut pages = self.pages.lock().await;
        let field = pages.paging().items();
        loop {
            let page = match pages.next_page().await {
                Ok(Some(page)) => page,
                Ok(None) => return Ok(None),
                Err(error) => return Err(bridge::snake_error(&self.operation, error, self.flat)),
            };
            let mut items: VecDeque<Value> = match page.body {
                Value::Object(mut body) => match body.remove(field) {
                    Some(Value::Array(items)) => items.into(),
                    _ => VecDeque::new(),
                },
                _ => VecDeque::new(),
            };
            if let Some(first) = items.pop_front() {
                self.buffer.lock().unwrap_or_else(PoisonError::into_inner).extend(items);
                return Ok(Some(first));
            }
        }
    }
}

/// An item of a page on its way to Python.
struct Item {
    value: Value,
    kind: Arc<Kind>,
}

impl<'py> IntoPyObject<'py> for Item {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        builder::from_value(py, &self.kind, &self.value)
    }
}

/// Every item of a paging operation, page after page (`for item in …`); pages are fetched as
/// the iteration needs them, and the iteration stops as the core's paging does (no next
/// cursor, an empty page, the last page; a repeated cursor is a `DecodeError`).
#[pyclass(module = "infobip", frozen)]
pub(crate) struct Pager {
    core: Arc<PagerCore>,
}

#[pymethods]
impl Pager {
    fn __iter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    fn __next__<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        let value = match self.core.pop() {
            Some(value) => value,
            None => {
                let core = self.core.clone();
                match runtime::block_on(py, async move { core.fetch().await })? {
                    Ok(Some(value)) => value,
                    Ok(None) => return Ok(None),
                    Err(error) => return Err(to_py(py, error)),
                }
            }
        };
        builder::from_value(py, &self.core.item, &value).map(Some)
    }
}

/// [`Pager`] for `async for`.
#[pyclass(module = "infobip", frozen)]
pub(crate) struct AsyncPager {
    core: Arc<PagerCore>,
}

static CREATE_FUTURE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

#[pymethods]
impl AsyncPager {
    fn __aiter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    fn __anext__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        if let Some(value) = self.core.pop() {
            // An item already fetched: a future that is done already.
            let running = CREATE_FUTURE.get_or_try_init(py, || -> PyResult<Py<PyAny>> {
                Ok(py.import("asyncio")?.getattr("get_running_loop")?.unbind())
            })?;
            let future = running.bind(py).call0()?.call_method0("create_future")?;
            future.call_method1("set_result", (builder::from_value(py, &self.core.item, &value)?,))?;
            return Ok(future);
        }
        let core = self.core.clone();
        runtime::awaitable(py, async move {
            match core.fetch().await {
                Ok(Some(value)) => Ok(Outcome(Ok(Item { value, kind: core.item.clone() }))),
                Ok(None) => Err(PyStopAsyncIteration::new_err(())),
                Err(error) => Ok(Outcome(Err(error))),
            }
        })
    }
}

macro_rules! namespace {
    ($(#[$doc:meta])* $name:ident, $client:ty, $mode:ty, $pager:ident) => {
        $(#[$doc])*
        #[pyclass(module = "infobip", subclass, frozen)]
        pub(crate) struct $name {
            pub(crate) handle: Handle,
        }

        impl $name {
            pub(crate) fn of(client: &$client) -> Self {
                $name { handle: client.handle.clone() }
            }
        }

        #[pymethods]
        impl $name {
            #[new]
            fn new(client: PyRef<'_, $client>) -> Self {
                Self::of(&client)
            }

            /// Calls `operation` with `args` (snake_case names; `flat`: body fields among them,
            /// else `body`) and builds its answer as `result` (see [`Answer::parse`]).
            #[pyo3(signature = (operation, product, result, args, flat, timeout=None, max_retries=None, validate=None))]
            #[allow(clippy::too_many_arguments)]
            fn _call<'py>(
                &self,
                py: Python<'py>,
                operation: String,
                product: &str,
                result: &str,
                args: &Bound<'_, PyDict>,
                flat: bool,
                timeout: Option<f64>,
                max_retries: Option<u32>,
                validate: Option<bool>,
            ) -> PyResult<Bound<'py, PyAny>> {
                let answer = Answer::parse(py, product, result)?;
                let call = Call::prepare(py, &self.handle, operation, args, flat, timeout, max_retries, validate)?;
                <$mode>::finish(py, call.run(answer))
            }

            /// The items of every page of `operation`, each built as `item`.
            #[pyo3(signature = (operation, product, item, args, flat, timeout=None, max_retries=None, validate=None))]
            #[allow(clippy::too_many_arguments)]
            fn _pages(
                &self,
                py: Python<'_>,
                operation: String,
                product: &str,
                item: &str,
                args: &Bound<'_, PyDict>,
                flat: bool,
                timeout: Option<f64>,
                max_retries: Option<u32>,
                validate: Option<bool>,
            ) -> PyResult<$pager> {
                let item = result_kind(py, product, item)?;
                let call = Call::prepare(py, &self.handle, operation, args, flat, timeout, max_retries, validate)?;
                let core = call.pages(item).map_err(|e| to_py(py, e))?;
                Ok($pager { core })
            }
        }
    };
}

namespace!(
    /// The base of a `Client`'s generated namespaces (blocking calls).
    Namespace,
    Client,
    Blocking,
    Pager
);
namespace!(
    /// The base of an `AsyncClient`'s generated namespaces (awaitable calls).
    AsyncNamespace,
    AsyncClient,
    Awaiting,
    AsyncPager
);

/// Adds the namespace classes to the native module.
pub(crate) fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<Namespace>()?;
    module.add_class::<AsyncNamespace>()?;
    module.add_class::<Pager>()?;
    module.add_class::<AsyncPager>()?;
    module.add_class::<FileDownload>()?;
    Ok(())
}
