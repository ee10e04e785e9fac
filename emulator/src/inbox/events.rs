//! The page's live updates: a Server-Sent Events stream that says `change` (with a version
//! number) whenever something the page shows changed, at most every 100 ms, plus a comment every
//! 15 s so a closed page is noticed. It ends when the page goes or the emulator stops.

use crate::server::ResBody;
use crate::state::Shared;
use bytes::Bytes;
use http::{HeaderValue, Response};
use std::sync::Arc;
use std::time::Duration;

/// How long changes are gathered into one event.
const COALESCE: Duration = Duration::from_millis(100);
/// How often an idle stream sends a comment.
const HEARTBEAT: Duration = Duration::from_secs(15);

/// `GET /_emulator/ui/api/events`.
pub(super) fn stream(shared: &Arc<Shared>) -> Response<ResBody> {
    let (tx, rx) = tokio::sync::mpsc::channel::<Bytes>(8);
    let mut changes = shared.changes.subscribe();
    let mut shutdown = shared.shutdown.clone();
    shared.runtime.spawn(async move {
        let first = format!("retry: 1000\nevent: change\ndata: {}\n\n", *changes.borrow_and_update());
        if tx.send(Bytes::from(first)).await.is_err() {
            return;
        }
        loop {
            let chunk = tokio::select! {
                changed = changes.changed() => {
                    if changed.is_err() {
                        return;
                    }
                    tokio::time::sleep(COALESCE).await;
                    format!("event: change\ndata: {}\n\n", *changes.borrow_and_update())
                }
                _ = tokio::time::sleep(HEARTBEAT) => ": keep-alive\n\n".to_string(),
                _ = shutdown.changed() => return,
            };
            if tx.send(Bytes::from(chunk)).await.is_err() {
                return;
            }
        }
    });
    let mut r = Response::new(ResBody::Stream(rx));
    let h = r.headers_mut();
    h.insert(http::header::CONTENT_TYPE, HeaderValue::from_static("text/event-stream"));
    h.insert(http::header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}
