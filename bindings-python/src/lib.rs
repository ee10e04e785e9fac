//! The native module `infobip._native` of the Python package `infobip-sdk`.
//!
//! It holds no API logic: it converts Python arguments into core calls and core results and
//! errors into Python objects. Blocking calls release the GIL; async calls are asyncio
//! awaitables driven by one shared tokio runtime.

mod builder;
mod call;
mod catalog;
mod client;
mod convert;
mod errors;
mod logs;
mod model;
mod namespace;
mod network;
mod plan;
mod response;
mod runtime;
mod sms;
mod tfa;
mod webhooks;

use pyo3::prelude::*;

use crate::call::{Awaiting, Blocking, Mode};

/// The native module.
#[pymodule]
fn _native(module: &Bound<'_, PyModule>) -> PyResult<()> {
    logs::install();
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    module.add_class::<client::Client>()?;
    module.add_class::<client::AsyncClient>()?;
    module.add_class::<client::Shared>()?;
    module.add_class::<response::Response>()?;
    module.add_class::<sms::Sms>()?;
    module.add_class::<sms::AsyncSms>()?;
    module.add_class::<sms::SmsLogs>()?;
    module.add_class::<tfa::Tfa>()?;
    module.add_class::<tfa::AsyncTfa>()?;
    module.add_class::<call::Tracker>()?;
    module.add_class::<call::Start>()?;
    module.add_function(wrap_pyfunction!(_test_panic, module)?)?;
    catalog::register(module)?;
    namespace::register(module)?;
    webhooks::register(module)?;
    let drain = wrap_pyfunction!(runtime::drain, module)?;
    module.py().import("atexit")?.call_method1("register", (drain,))?;
    Ok(())
}

/// A test hook, not an API: panics inside the SDK on purpose (`"sync"`, `"blocking"` or
/// `"async"`), to show that a panic becomes `InternalError` (code `internal`) and never crosses
/// into Python.
#[pyfunction]
fn _test_panic<'py>(py: Python<'py>, mode: &str) -> PyResult<Bound<'py, PyAny>> {
    async fn boom() -> Result<(), infobip::Error> {
        tokio::task::yield_now().await;
        if std::hint::black_box(true) {
            panic!("a panic on purpose (test hook)");
        }
        Ok(())
    }
    match mode {
        "sync" => errors::guard(py, || {
            if std::hint::black_box(true) {
                panic!("a panic on purpose (test hook)");
            }
            Ok(py.None().into_bound(py))
        }),
        "blocking" => Blocking::finish(py, boom()),
        "async" => Awaiting::finish(py, boom()),
        other => Err(errors::invalid(py, "mode", format!("{other:?} is not sync, blocking or async"))),
    }
}
