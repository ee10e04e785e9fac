//! The core's log events handed to the host: Kotlin gives a sink that writes to SLF4J or
//! `java.util.logging`, Swift one that writes to `OSLog` (the small host glue in
//! `kotlin/src/main/kotlin` and `swift/Sources/InfobipSDK`). Without a sink, `INFOBIP_LOG`
//! (a level such as `debug`) prints them to stderr.
//!
//! One process-wide `tracing` subscriber is installed the first time a sink is set or a client
//! is made with `INFOBIP_LOG` set; the sink and the level can be changed at any time after.

use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, OnceLock, PoisonError, RwLock};

use tracing::{Event, Level, Metadata, Subscriber};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};

/// How much the SDK logs, least first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, uniffi::Enum)]
pub enum LogLevel {
    /// Failures only.
    Error,
    /// And warnings (a deprecated operation).
    Warn,
    /// And retries.
    Info,
    /// And every response (method, path, status, attempt, time, request id).
    Debug,
    /// Everything.
    Trace,
}

impl LogLevel {
    fn rank(self) -> u8 {
        match self {
            LogLevel::Error => 1,
            LogLevel::Warn => 2,
            LogLevel::Info => 3,
            LogLevel::Debug => 4,
            LogLevel::Trace => 5,
        }
    }

    fn of(level: &Level) -> Self {
        match *level {
            Level::ERROR => LogLevel::Error,
            Level::WARN => LogLevel::Warn,
            Level::INFO => LogLevel::Info,
            Level::DEBUG => LogLevel::Debug,
            Level::TRACE => LogLevel::Trace,
        }
    }
}

/// Receives the SDK's log events (implemented by the host: Kotlin, Swift). Called on the
/// SDK's threads; the text never carries a credential.
#[uniffi::export(with_foreign)]
pub trait LogSink: Send + Sync {
    /// One event: its level, its target (`infobip`, …) and its text (`message key=value …`).
    fn log(&self, level: LogLevel, target: String, message: String);
}

/// Where events go: the host's sink, or stderr when only `INFOBIP_LOG` asked for them.
enum Destination {
    Sink(Arc<dyn LogSink>),
    Stderr,
}

/// The current destination and level (0 = off).
static DESTINATION: RwLock<Option<Destination>> = RwLock::new(None);
static LEVEL: AtomicU8 = AtomicU8::new(0);

/// Sends the SDK's events at `level` and above to `sink`; `None` turns logging off.
#[uniffi::export]
pub fn set_log_sink(sink: Option<Arc<dyn LogSink>>, level: LogLevel) {
    install();
    let on = sink.is_some();
    *DESTINATION.write().unwrap_or_else(PoisonError::into_inner) = sink.map(Destination::Sink);
    LEVEL.store(if on { level.rank() } else { 0 }, Ordering::Relaxed);
}

/// The level `INFOBIP_LOG` asks for (`error` … `trace`, any case), if any.
#[uniffi::export]
pub fn log_level_from_env() -> Option<LogLevel> {
    let setting = std::env::var(infobip::config::ENV_LOG).ok()?;
    match setting.trim().to_ascii_lowercase().as_str() {
        "error" => Some(LogLevel::Error),
        "warn" | "warning" => Some(LogLevel::Warn),
        "info" => Some(LogLevel::Info),
        "debug" => Some(LogLevel::Debug),
        "trace" => Some(LogLevel::Trace),
        _ => None,
    }
}

/// Called when a client is made: with `INFOBIP_LOG` set and no sink, events go to stderr.
pub(crate) fn from_env() {
    let Some(level) = log_level_from_env() else { return };
    let mut destination = DESTINATION.write().unwrap_or_else(PoisonError::into_inner);
    if destination.is_none() {
        install();
        *destination = Some(Destination::Stderr);
        LEVEL.store(level.rank(), Ordering::Relaxed);
    }
}

fn install() {
    static INSTALLED: OnceLock<()> = OnceLock::new();
    INSTALLED.get_or_init(|| {
        // Another library may have installed a subscriber; then it gets the events.
        let _ = tracing::subscriber::set_global_default(tracing_subscriber::registry().with(Forward));
    });
}

struct Forward;

impl<S: Subscriber> Layer<S> for Forward {
    fn register_callsite(&self, metadata: &'static Metadata<'static>) -> tracing::subscriber::Interest {
        infobip::logging::callsite_interest(metadata)
    }

    fn enabled(&self, metadata: &Metadata<'_>, _: Context<'_, S>) -> bool {
        infobip::logging::is_sdk_target(metadata.target())
            && LogLevel::of(metadata.level()).rank() <= LEVEL.load(Ordering::Relaxed)
    }

    fn on_event(&self, event: &Event<'_>, _: Context<'_, S>) {
        let text = infobip::logging::EventText::of(event);
        let line = format!("{}{}", text.message, text.fields);
        let level = LogLevel::of(event.metadata().level());
        let target = event.metadata().target();
        match &*DESTINATION.read().unwrap_or_else(PoisonError::into_inner) {
            Some(Destination::Sink(sink)) => sink.log(level, target.to_owned(), line),
            Some(Destination::Stderr) => {
                eprintln!(
                    "{} {:>5} {target}: {line}",
                    infobip::time::format(&chrono::Utc::now()),
                    event.metadata().level()
                );
            }
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    struct Keep(Mutex<Vec<(LogLevel, String, String)>>);

    impl LogSink for Keep {
        fn log(&self, level: LogLevel, target: String, message: String) {
            self.0.lock().unwrap_or_else(PoisonError::into_inner).push((level, target, message));
        }
    }

    #[test]
    fn events_at_or_above_the_level_reach_the_sink() {
        let sink = Arc::new(Keep(Mutex::new(Vec::new())));
        set_log_sink(Some(sink.clone()), LogLevel::Info);
        tracing::info!(target: "infobip", attempt = 2, "retrying");
        tracing::debug!(target: "infobip", "too detailed");
        tracing::error!(target: "h2", "not the SDK's");
        set_log_sink(None, LogLevel::Trace);
        tracing::error!(target: "infobip", "after the sink was removed");
        let kept = sink.0.lock().unwrap_or_else(PoisonError::into_inner).clone();
        assert_eq!(kept, [(LogLevel::Info, "infobip".to_owned(), "retrying attempt=2".to_owned())]);
    }
}
