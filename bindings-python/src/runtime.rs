//! The one tokio runtime every client of the process shares, made again in a forked child.
//!
//! A tokio runtime does not survive `fork()`: the child inherits its data but none of its worker
//! threads, so a future handed to it would never run. The runtime therefore remembers the id of
//! the process that built it, and a child builds its own on first use (the parent's copy is
//! leaked: dropping it would wait for threads that do not exist in the child).

use std::future::Future;
use std::pin::Pin;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use pyo3::prelude::*;
use pyo3_async_runtimes::TaskLocals;
use pyo3_async_runtimes::generic::{ContextExt, Runtime as GenericRuntime};
use tokio::runtime::Runtime;
use tokio::task::JoinHandle;

static RUNTIME: Mutex<Option<(u32, &'static Runtime)>> = Mutex::new(None);

/// The runtime of the current process, built on first use.
pub(crate) fn get() -> PyResult<&'static Runtime> {
    let pid = std::process::id();
    let mut slot = RUNTIME.lock().unwrap_or_else(PoisonError::into_inner);
    match *slot {
        Some((owner, runtime)) if owner == pid => Ok(runtime),
        _ => {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .thread_name("infobip-worker")
                .build()
                .map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(format!("cannot start tokio: {e}")))?;
            let runtime: &'static Runtime = Box::leak(Box::new(runtime));
            *slot = Some((pid, runtime));
            Ok(runtime)
        }
    }
}

/// How often a blocking call looks for Python signals (Ctrl-C) while it waits.
const SIGNAL_CHECK: Duration = Duration::from_millis(100);

/// Runs `future` to completion on the runtime with the GIL released (other Python threads run
/// meanwhile). A signal handler that raises (Ctrl-C's `KeyboardInterrupt`) ends the wait and
/// drops the future, which aborts its request.
pub(crate) fn block_on<F>(py: Python<'_>, future: F) -> PyResult<F::Output>
where
    F: Future + Send,
    F::Output: Send,
{
    let runtime = get()?;
    py.detach(|| {
        runtime.block_on(async {
            let mut future = std::pin::pin!(future);
            loop {
                tokio::select! {
                    biased;
                    output = &mut future => return Ok(output),
                    () = tokio::time::sleep(SIGNAL_CHECK) => Python::attach(|py| py.check_signals())?,
                }
            }
        })
    })
}

/// Turns `future` into an asyncio awaitable of the running loop. Cancelling the awaitable drops
/// the Rust future (which aborts the request).
pub(crate) fn awaitable<F, T>(py: Python<'_>, future: F) -> PyResult<Bound<'_, PyAny>>
where
    F: Future<Output = PyResult<T>> + Send + 'static,
    T: for<'py> IntoPyObject<'py> + Send + 'static,
{
    get()?;
    pyo3_async_runtimes::generic::future_into_py::<ForkAware, _, _>(py, future)
}

/// pyo3-async-runtimes' view of [`get`].
struct ForkAware;

tokio::task_local! {
    static LOCALS: TaskLocals;
}

impl GenericRuntime for ForkAware {
    type JoinError = tokio::task::JoinError;
    type JoinHandle = JoinHandle<()>;

    fn spawn<F>(future: F) -> JoinHandle<()>
    where
        F: Future<Output = ()> + Send + 'static,
    {
        // `awaitable` made sure the runtime exists in this process.
        match get() {
            Ok(runtime) => runtime.spawn(future),
            Err(_) => unreachable_runtime(),
        }
    }

    fn spawn_blocking<F>(f: F) -> JoinHandle<()>
    where
        F: FnOnce() + Send + 'static,
    {
        match get() {
            Ok(runtime) => runtime.spawn_blocking(f),
            Err(_) => unreachable_runtime(),
        }
    }
}

impl ContextExt for ForkAware {
    fn scope<F, R>(locals: TaskLocals, future: F) -> Pin<Box<dyn Future<Output = R> + Send>>
    where
        F: Future<Output = R> + Send + 'static,
    {
        Box::pin(LOCALS.scope(locals, future))
    }

    fn get_task_locals() -> Option<TaskLocals> {
        LOCALS.try_with(Clone::clone).ok()
    }
}

#[cold]
fn unreachable_runtime() -> ! {
    panic!("the tokio runtime could not be started")
}
