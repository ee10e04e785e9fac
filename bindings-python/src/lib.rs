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
mod plan;
mod response;
mod runtime;
mod sms;
mod tfa;
mod webhooks;

use pyo3::prelude::*;

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
    catalog::register(module)?;
    namespace::register(module)?;
    webhooks::register(module)?;
    let drain = wrap_pyfunction!(runtime::drain, module)?;
    module.py().import("atexit")?.call_method1("register", (drain,))?;
    Ok(())
}
