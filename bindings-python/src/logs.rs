//! The core's `tracing` events (target `infobip`) forwarded to the `logging` logger `infobip`.
//!
//! Events are only built when the logger would keep them: the logger's effective level is read
//! at every call into the SDK (the GIL is held then) and kept in an atomic that the tracing
//! layer checks without the GIL. Core events carry the request line, status, attempt, timing and
//! request id, never a credential.

use std::sync::atomic::{AtomicU8, Ordering};

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use tracing::{Event, Level, Metadata, Subscriber};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};

/// Python's level numbers, highest first.
const LEVELS: [(Level, u8); 5] =
    [(Level::ERROR, 40), (Level::WARN, 30), (Level::INFO, 20), (Level::DEBUG, 10), (Level::TRACE, 5)];

/// The lowest Python level number the `infobip` logger keeps (`u8::MAX`: nothing refreshed yet).
static THRESHOLD: AtomicU8 = AtomicU8::new(u8::MAX);

static LOGGER: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

fn python_level(level: &Level) -> u8 {
    LEVELS.iter().find(|(l, _)| l == level).map_or(10, |(_, n)| *n)
}

fn logger(py: Python<'_>) -> PyResult<&Bound<'_, PyAny>> {
    Ok(LOGGER
        .get_or_try_init(py, || -> PyResult<Py<PyAny>> {
            Ok(py.import("logging")?.call_method1("getLogger", ("infobip",))?.unbind())
        })?
        .bind(py))
}

/// Reads the `infobip` logger's effective level (call with the GIL, before each SDK call).
pub(crate) fn refresh(py: Python<'_>) {
    let level = logger(py).and_then(|l| l.call_method0("getEffectiveLevel")).and_then(|l| l.extract::<i64>());
    if let Ok(level) = level {
        THRESHOLD.store(level.clamp(0, i64::from(u8::MAX - 1)) as u8, Ordering::Relaxed);
    }
}

/// Installs the forwarding layer as the process's tracing subscriber, unless one is set already.
pub(crate) fn install() {
    let subscriber = tracing_subscriber::registry().with(Forward);
    let _ = tracing::subscriber::set_global_default(subscriber);
}

struct Forward;

impl<S: Subscriber> Layer<S> for Forward {
    fn register_callsite(&self, metadata: &'static Metadata<'static>) -> tracing::subscriber::Interest {
        infobip::logging::callsite_interest(metadata)
    }

    fn enabled(&self, metadata: &Metadata<'_>, _: Context<'_, S>) -> bool {
        infobip::logging::is_sdk_target(metadata.target())
            && python_level(metadata.level()) >= THRESHOLD.load(Ordering::Relaxed)
    }

    fn on_event(&self, event: &Event<'_>, _: Context<'_, S>) {
        let line = infobip::logging::EventText::of(event);
        let level = python_level(event.metadata().level());
        let text = if line.fields.is_empty() { line.message } else { format!("{}:{}", line.message, line.fields) };
        // `try_attach` declines while the interpreter shuts down.
        let _ = Python::try_attach(|py| logger(py)?.call_method1("log", (level, text)).map(drop));
    }
}
