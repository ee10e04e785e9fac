//! Cancelled sends keep their ids in Kotlin: the `CancellationException` a cancelled coroutine
//! throws becomes a `SendCancellationException` (still a `CancellationException`) with `bulkId`
//! and `messageIds` when the send's request may have been written.
//!
//! A call that may send runs [`followed`]: its [`SendTracker`] sees the ids once a request may have
//! been written. When Kotlin cancels the coroutine, the generated code frees the Rust future on
//! its own thread; the guard's `Drop` then leaves the ids in a thread-local slot, and the
//! generated code (patched by `kotlin/patch_cancellation.py`) reads them right away with
//! [`take_cancelled_send`] on that same thread.

use std::cell::RefCell;
use std::future::Future;

use infobip::{SendIds, SendTracker};

use crate::error::InfobipError;

thread_local! {
    /// The ids of the send cancelled last on this thread, until taken.
    static CANCELLED: RefCell<Option<SendIds>> = const { RefCell::new(None) };
}

/// The ids of a cancelled send.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct CancelledSend {
    /// The bulk id, when the request had one.
    pub bulk_id: Option<String>,
    /// The message ids.
    pub message_ids: Vec<String>,
}

/// For the generated code, not an API: the ids of the send whose coroutine was cancelled on this
/// thread just now (its request may have been written), once; `null` for anything else.
#[uniffi::export]
pub fn take_cancelled_send() -> Option<CancelledSend> {
    CANCELLED
        .with(|slot| slot.borrow_mut().take())
        .map(|ids| CancelledSend { bulk_id: ids.bulk_id, message_ids: ids.message_ids })
}

/// Leaves the tracker's ids for [`take_cancelled_send`] when dropped before the call ended.
struct Guard {
    tracker: SendTracker,
    ended: bool,
}

impl Drop for Guard {
    fn drop(&mut self) {
        if !self.ended
            && let Some(ids) = self.tracker.written()
        {
            CANCELLED.with(|slot| *slot.borrow_mut() = Some(ids));
        }
    }
}

/// Runs `call` (given the tracker its core options must carry) so that a cancellation after its
/// request may have been written leaves the send's ids for the generated code.
pub(crate) async fn followed<T, F>(call: impl FnOnce(SendTracker) -> F) -> Result<T, InfobipError>
where
    F: Future<Output = Result<T, InfobipError>>,
{
    let tracker = SendTracker::new();
    let mut guard = Guard { tracker: tracker.clone(), ended: false };
    let result = call(tracker).await;
    guard.ended = true;
    result
}

/// A test hook, not an API: panics inside the SDK on purpose, in an async call (`inAsync`) or a
/// synchronous one, to show that a panic becomes `InfobipException.Internal` (code `internal`).
#[uniffi::export]
pub async fn test_panic(in_async: bool) -> Result<(), InfobipError> {
    fn boom() -> Result<(), InfobipError> {
        if std::hint::black_box(true) {
            panic!("a panic on purpose (test hook)");
        }
        Ok(())
    }
    if in_async {
        crate::error::guarded(async {
            // Suspend once, so that the panic happens in a later poll.
            let mut first = true;
            std::future::poll_fn(|cx| {
                if std::mem::take(&mut first) {
                    cx.waker().wake_by_ref();
                    std::task::Poll::Pending
                } else {
                    std::task::Poll::Ready(())
                }
            })
            .await;
            boom()
        })
        .await
    } else {
        crate::error::guarded_sync(boom)
    }
}
