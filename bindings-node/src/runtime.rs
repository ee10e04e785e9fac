//! The runtime every call runs on: one current-thread tokio runtime on a thread of its own,
//! shared by all clients of the process.
//!
//! A call's task and its connection's I/O then run on the same thread. On a multi-thread
//! runtime they are handed between worker threads, and each hand-off wakes another thread: with
//! this runtime the Rust side of a sequential send took about a fifth less CPU (115–145 µs
//! against 150–165 µs per call against a loopback server, on a 2-core VM). One thread is plenty
//! for an HTTP client; the work per request is far below a millisecond.

use std::future::Future;
use std::sync::OnceLock;

use tokio::runtime::Handle;

/// Starts `task` on the runtime (built, with its thread, on first use).
pub(crate) fn spawn<F>(task: F) -> napi::Result<()>
where
    F: Future<Output = ()> + Send + 'static,
{
    static HANDLE: OnceLock<Result<Handle, String>> = OnceLock::new();
    let handle = HANDLE.get_or_init(|| {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(|e| e.to_string())?;
        let handle = runtime.handle().clone();
        std::thread::Builder::new()
            .name("infobip-io".into())
            .spawn(move || runtime.block_on(std::future::pending::<()>()))
            .map_err(|e| e.to_string())?;
        Ok(handle)
    });
    match handle {
        Ok(handle) => {
            handle.spawn(task);
            Ok(())
        }
        Err(e) => Err(napi::Error::from_reason(format!("the SDK could not start its I/O thread: {e}"))),
    }
}
