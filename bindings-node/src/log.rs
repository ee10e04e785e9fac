//! Logging: the core's `tracing` events go to stderr when `INFOBIP_LOG` is set (a level such
//! as `debug`, or a filter directive), and to a client's `logger` when it has one.
//!
//! A client with a logger runs its calls inside a span naming the client, so one process-wide
//! subscriber can route each event to the logger of the client that made it. The core never
//! puts secrets into its events, so nothing here needs to hide any.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use napi::bindgen_prelude::FnArgs;
use napi::threadsafe_function::{ThreadsafeFunction, ThreadsafeFunctionCallMode};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id};
use tracing::{Event, Level, Subscriber};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};
use tracing_subscriber::registry::LookupSpan;
use tracing_subscriber::{EnvFilter, Registry};

/// A JavaScript `(level, line) => void`, callable from any thread; it does not keep Node alive.
pub(crate) type LoggerFn =
    ThreadsafeFunction<FnArgs<(String, String)>, (), FnArgs<(String, String)>, napi::Status, false, true>;

/// The name of the span a client with a logger runs its calls in.
const SPAN: &str = "infobip_node_client";

/// The loggers of live clients, by client id.
fn loggers() -> &'static Mutex<HashMap<u64, Arc<LoggerFn>>> {
    static LOGGERS: OnceLock<Mutex<HashMap<u64, Arc<LoggerFn>>>> = OnceLock::new();
    LOGGERS.get_or_init(Default::default)
}

/// Installs the process-wide subscriber once, when `INFOBIP_LOG` is set or a logger is given.
pub(crate) fn install(for_logger: bool) {
    static INSTALLED: OnceLock<()> = OnceLock::new();
    let from_env = std::env::var(infobip::config::ENV_LOG).ok().and_then(|v| infobip::config::log_directive(&v));
    if from_env.is_none() && !for_logger {
        return;
    }
    INSTALLED.get_or_init(|| {
        let stderr = from_env.and_then(|directive| EnvFilter::try_new(directive).ok());
        let subscriber = Registry::default().with(Route { stderr });
        // Another library may have installed a subscriber; then it gets the events.
        let _ = tracing::subscriber::set_global_default(subscriber);
    });
}

/// A client's registration: it holds the id its span carries and unregisters on drop.
pub(crate) struct Registration {
    id: u64,
}

impl Registration {
    /// Registers `logger` and returns the registration.
    pub(crate) fn new(logger: LoggerFn) -> Self {
        static NEXT: AtomicU64 = AtomicU64::new(1);
        let id = NEXT.fetch_add(1, Ordering::Relaxed);
        loggers().lock().unwrap_or_else(PoisonError::into_inner).insert(id, Arc::new(logger));
        install(true);
        Registration { id }
    }

    /// The span the client's calls run in.
    pub(crate) fn span(&self) -> tracing::Span {
        tracing::info_span!(SPAN, client = self.id)
    }
}

impl Drop for Registration {
    fn drop(&mut self) {
        loggers().lock().unwrap_or_else(PoisonError::into_inner).remove(&self.id);
    }
}

/// The client id recorded on a span.
struct ClientId(u64);

/// Formats events and sends them to stderr and to the logger of the client that made them.
struct Route {
    stderr: Option<EnvFilter>,
}

impl<S: Subscriber + for<'a> LookupSpan<'a>> Layer<S> for Route {
    fn on_new_span(&self, attrs: &Attributes<'_>, id: &Id, ctx: Context<'_, S>) {
        if attrs.metadata().name() != SPAN {
            return;
        }
        let mut visitor = IdVisitor(None);
        attrs.record(&mut visitor);
        if let (Some(client), Some(span)) = (visitor.0, ctx.span(id)) {
            span.extensions_mut().insert(ClientId(client));
        }
    }

    fn on_event(&self, event: &Event<'_>, ctx: Context<'_, S>) {
        let to_stderr = self.stderr.as_ref().is_some_and(|f| f.enabled(event.metadata(), ctx.clone()));
        let client = ctx
            .event_scope(event)
            .and_then(|scope| scope.from_root().find_map(|span| span.extensions().get::<ClientId>().map(|c| c.0)));
        let logger = client.and_then(|id| loggers().lock().unwrap_or_else(PoisonError::into_inner).get(&id).cloned());
        if !to_stderr && logger.is_none() {
            return;
        }
        let level = level_name(*event.metadata().level());
        let line = format_event(event);
        if to_stderr {
            eprintln!("{} {level:>5} {line}", infobip::time::format(&chrono::Utc::now()));
        }
        if let Some(logger) = logger {
            logger.call(FnArgs::from((level.to_owned(), line)), ThreadsafeFunctionCallMode::NonBlocking);
        }
    }
}

fn level_name(level: Level) -> &'static str {
    match level {
        Level::ERROR => "error",
        Level::WARN => "warn",
        Level::INFO => "info",
        Level::DEBUG => "debug",
        Level::TRACE => "trace",
    }
}

/// `target: message key=value …`.
fn format_event(event: &Event<'_>) -> String {
    let text = infobip::logging::EventText::of(event);
    format!("{}: {}{}", event.metadata().target(), text.message, text.fields)
}

struct IdVisitor(Option<u64>);

impl Visit for IdVisitor {
    fn record_u64(&mut self, field: &Field, value: u64) {
        if field.name() == "client" {
            self.0 = Some(value);
        }
    }

    fn record_debug(&mut self, _: &Field, _: &dyn std::fmt::Debug) {}
}
