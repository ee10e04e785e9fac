//! The SDK's `tracing` events as text, for the bindings that hand them to their host's logging
//! (Python's `logging`, a Node logger, SLF4J or `java.util.logging`, OSLog).
//!
//! The core's events carry the request line, status, attempt, timing and request id, never a
//! credential, so nothing here hides anything.

use std::fmt::{self, Write as _};

use tracing::field::{Field, Visit};

/// Whether an event's target is the SDK's own (`infobip`, its modules and its bindings).
pub fn is_sdk_target(target: &str) -> bool {
    target.starts_with("infobip")
}

/// A forwarding layer's interest in a callsite: the SDK's own events are asked about every time
/// (the host's level can change at any time), every other library's never.
pub fn callsite_interest(metadata: &tracing::Metadata<'_>) -> tracing::subscriber::Interest {
    if is_sdk_target(metadata.target()) {
        tracing::subscriber::Interest::sometimes()
    } else {
        tracing::subscriber::Interest::never()
    }
}

/// An event's message and its other fields (` key=value`, strings quoted).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventText {
    /// The message.
    pub message: String,
    /// The other fields, each as ` key=value`.
    pub fields: String,
}

impl EventText {
    /// Reads `event`.
    pub fn of(event: &tracing::Event<'_>) -> Self {
        let mut text = EventText::default();
        event.record(&mut text);
        text
    }
}

impl Visit for EventText {
    fn record_str(&mut self, field: &Field, value: &str) {
        if field.name() == "message" {
            self.message.push_str(value);
        } else {
            let _ = write!(self.fields, " {}={value:?}", field.name());
        }
    }

    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        if field.name() == "message" {
            let _ = write!(self.message, "{value:?}");
        } else {
            let _ = write!(self.fields, " {}={value:?}", field.name());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};
    use tracing::Subscriber;

    /// A subscriber that keeps the text of every event.
    struct Keep(Arc<Mutex<Vec<EventText>>>);

    impl Subscriber for Keep {
        fn enabled(&self, _: &tracing::Metadata<'_>) -> bool {
            true
        }
        fn new_span(&self, _: &tracing::span::Attributes<'_>) -> tracing::span::Id {
            tracing::span::Id::from_u64(1)
        }
        fn record(&self, _: &tracing::span::Id, _: &tracing::span::Record<'_>) {}
        fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}
        fn event(&self, event: &tracing::Event<'_>) {
            self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push(EventText::of(event));
        }
        fn enter(&self, _: &tracing::span::Id) {}
        fn exit(&self, _: &tracing::span::Id) {}
    }

    #[test]
    fn message_then_fields_with_strings_quoted_and_displays_bare() {
        let kept = Arc::new(Mutex::new(Vec::new()));
        tracing::subscriber::with_default(Keep(kept.clone()), || {
            tracing::info!(target: "infobip", method = %"GET", status = 200, request_id = "r 1", "response");
        });
        let kept = kept.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        assert_eq!(
            kept[..],
            [EventText { message: "response".into(), fields: " method=GET status=200 request_id=\"r 1\"".into() }]
        );
        assert!(is_sdk_target("infobip") && is_sdk_target("infobip_uniffi") && !is_sdk_target("h2"));
    }
}
