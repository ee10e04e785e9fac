//! Cancellation of in-flight calls: the JavaScript layer cancels a [`CancelToken`] when the
//! caller's `AbortSignal` fires, and the call's Rust future is dropped, which closes its request.

use std::future::Future;

use napi_derive::napi;
use tokio::sync::watch;

/// A one-shot cancellation flag shared between JavaScript and one or more native calls.
#[napi]
pub struct CancelToken {
    sender: watch::Sender<bool>,
}

impl Default for CancelToken {
    fn default() -> Self {
        CancelToken::new()
    }
}

#[napi]
impl CancelToken {
    /// A token that is not cancelled yet.
    #[napi(constructor, catch_unwind)]
    pub fn new() -> Self {
        CancelToken { sender: watch::Sender::new(false) }
    }

    /// Cancels every call made with this token; calls made later fail at once.
    #[napi(catch_unwind)]
    pub fn cancel(&self) {
        self.sender.send_replace(true);
    }

    /// Whether [`cancel`](CancelToken::cancel) was called.
    #[napi(getter, catch_unwind)]
    pub fn cancelled(&self) -> bool {
        *self.sender.borrow()
    }
}

impl CancelToken {
    /// A handle the spawned future can own.
    pub(crate) fn watcher(&self) -> Watcher {
        Watcher(self.sender.subscribe())
    }
}

/// The future side of a [`CancelToken`].
pub(crate) struct Watcher(watch::Receiver<bool>);

/// How a guarded future ended.
pub(crate) enum Guarded<T> {
    /// The future finished.
    Done(T),
    /// The token was cancelled first; the future was dropped.
    Cancelled,
}

impl Watcher {
    /// Runs `future` unless the token is (or becomes) cancelled. A token cancelled before the
    /// call means the future is never polled, so nothing is sent.
    pub(crate) async fn guard<F: Future>(mut self, future: F) -> Guarded<F::Output> {
        let cancelled = async {
            // A token dropped without being cancelled never cancels.
            if self.0.wait_for(|cancelled| *cancelled).await.is_err() {
                std::future::pending::<()>().await;
            }
        };
        tokio::select! {
            biased;
            () = cancelled => Guarded::Cancelled,
            output = future => Guarded::Done(output),
        }
    }
}

/// Runs `future` under an optional token.
pub(crate) async fn guarded<F: Future>(watcher: Option<Watcher>, future: F) -> Guarded<F::Output> {
    match watcher {
        Some(w) => w.guard(future).await,
        None => Guarded::Done(future.await),
    }
}
