//! The one tokio runtime every client of the process shares, made again in a forked child.
//!
//! It is a current-thread runtime, driven by whoever waits on it. A blocking call drives it
//! itself ([`block_on`]): when no other thread is driving, the call's request, its connection's
//! I/O and the answer all happen on the calling thread, with no hand-off to another thread
//! (calls from other threads meanwhile wait for their own answers and take over the driving when
//! it is free). Asyncio awaitables need the runtime driven while no blocking call is running, so
//! the first one starts a thread that drives it from then on ([`ensure_driver`]).
//!
//! A tokio runtime does not survive `fork()`: the child inherits its data but none of its
//! threads. The runtime therefore remembers the id of the process that built it, and a child
//! builds its own on first use (the parent's copy is leaked: dropping it would wait for threads
//! that do not exist in the child).
//!
//! An awaitable's result reaches asyncio from a tokio thread, which takes the GIL, schedules the
//! completion on the event loop and then drops its arguments. If the interpreter starts to
//! finalize between those two steps (the loop saw the result and the script ended), Python ends
//! that thread in the middle of a Python call and the process crashes. So every task the runtime
//! runs for asyncio is counted, and an `atexit` hook ([`drain`]) waits, with the GIL released,
//! until none is left before finalization begins.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use pyo3::prelude::*;
use pyo3_async_runtimes::TaskLocals;
use pyo3_async_runtimes::generic::{ContextExt, Runtime as GenericRuntime};
use tokio::runtime::Runtime;
use tokio::task::JoinHandle;

/// The runtime, the id of the process it belongs to, and whether its driver thread runs.
struct Slot {
    pid: u32,
    runtime: &'static Runtime,
    driven: bool,
}

static RUNTIME: Mutex<Option<Slot>> = Mutex::new(None);

/// The runtime of the current process, built on first use.
fn get() -> PyResult<&'static Runtime> {
    with_slot(|slot| slot.runtime)
}

/// Starts the thread that drives the runtime between blocking calls (once per process).
fn ensure_driver() -> PyResult<&'static Runtime> {
    with_slot(|slot| {
        if !slot.driven {
            let runtime = slot.runtime;
            let started = std::thread::Builder::new()
                .name("infobip-io".into())
                .spawn(move || runtime.block_on(std::future::pending::<()>()));
            // Without its thread the runtime still runs tasks while a blocking call drives it.
            slot.driven = started.is_ok();
        }
        slot.runtime
    })
}

fn with_slot<T>(f: impl FnOnce(&mut Slot) -> T) -> PyResult<T> {
    let pid = std::process::id();
    let mut guard = RUNTIME.lock().unwrap_or_else(PoisonError::into_inner);
    match guard.as_mut() {
        Some(slot) if slot.pid == pid => Ok(f(slot)),
        _ => {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(format!("cannot start tokio: {e}")))?;
            let runtime: &'static Runtime = Box::leak(Box::new(runtime));
            // Tasks counted by a parent process do not run here.
            IN_FLIGHT.store(0, Ordering::SeqCst);
            Ok(f(guard.insert(Slot { pid, runtime, driven: false })))
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
    ensure_driver()?;
    pyo3_async_runtimes::generic::future_into_py::<ForkAware, _, _>(py, future)
}

/// Tasks spawned for asyncio awaitables that have not finished yet.
static IN_FLIGHT: AtomicUsize = AtomicUsize::new(0);

/// The longest [`drain`] waits at exit: a task still running then is one whose request is still
/// in flight (abandoned by its caller), and the process should not hang on it.
const DRAIN_LIMIT: Duration = Duration::from_secs(2);

/// Counts one task from its spawn until it is dropped (finished, or cancelled with its runtime).
struct Tracked;

impl Tracked {
    fn start() -> Self {
        IN_FLIGHT.fetch_add(1, Ordering::SeqCst);
        Tracked
    }
}

impl Drop for Tracked {
    fn drop(&mut self) {
        IN_FLIGHT.fetch_sub(1, Ordering::SeqCst);
    }
}

/// How many asyncio tasks are still running on the runtime.
pub(crate) fn in_flight() -> usize {
    IN_FLIGHT.load(Ordering::SeqCst)
}

/// Registered with `atexit`: waits, with the GIL released, until every task that completes an
/// asyncio awaitable has returned (at most [`DRAIN_LIMIT`]), so none is cut off by finalization.
#[pyfunction]
pub(crate) fn drain(py: Python<'_>) {
    let deadline = Instant::now() + DRAIN_LIMIT;
    py.detach(|| {
        while in_flight() > 0 && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(1));
        }
    });
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
        // `awaitable` made sure the runtime and its driver exist in this process.
        match ensure_driver() {
            Ok(runtime) => {
                let tracked = Tracked::start();
                runtime.spawn(async move {
                    future.await;
                    drop(tracked);
                })
            }
            Err(_) => unreachable_runtime(),
        }
    }

    fn spawn_blocking<F>(f: F) -> JoinHandle<()>
    where
        F: FnOnce() + Send + 'static,
    {
        match ensure_driver() {
            Ok(runtime) => {
                let tracked = Tracked::start();
                runtime.spawn_blocking(move || {
                    f();
                    drop(tracked);
                })
            }
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
