//! Running a core call as a JavaScript promise: cancellation, the client's log span, error
//! payloads, and the result as a plain JavaScript object.

use std::future::Future;

use infobip::{Client, Error, RequestOptions, SendTracker};
use napi::Env;
use napi::bindgen_prelude::JsValue;
use napi::bindgen_prelude::PromiseRaw;
use serde::Serialize;
use serde_json::Value;
use tracing::Instrument;

use crate::cancel::{CancelToken, Guarded, guarded};
use crate::client::NativeClient;
use crate::error::{aborted, to_napi};
use crate::options::CallOptions;
use crate::runtime;

/// A model as a plain value for JavaScript, its date-times tagged (see
/// [`with_tagged_dates`](infobip::time::serde::with_tagged_dates)) so that the JavaScript layer
/// turns exactly those into `Date`s.
pub(crate) fn to_js_value<T: Serialize>(value: &T) -> Result<Value, Error> {
    infobip::time::serde::with_tagged_dates(|| serde_json::to_value(value))
        .map_err(|e| Error::decode(format!("the result could not be converted: {e}"), None))
}

impl NativeClient {
    /// The core client one call runs on: this client with the call's options (timeout,
    /// retries) over its own defaults, followed by `tracker`; it shares the connections, session
    /// and throttle.
    pub(crate) fn scoped(&self, options: Option<&CallOptions>, tracker: &SendTracker) -> Result<Client, Error> {
        let call = match options {
            Some(options) => options.to_core()?,
            None => RequestOptions::new(),
        };
        Ok(self.client.with_options(call.tracker(tracker.clone())))
    }

    /// Runs `call` on the client scoped to `options` (see [`spawn`](Self::spawn)); bad options
    /// reject the promise like any other error.
    pub(crate) fn run<'env, T, F, Fut>(
        &self,
        env: &'env Env,
        options: Option<CallOptions>,
        cancel: Option<&CancelToken>,
        call: F,
    ) -> napi::Result<PromiseRaw<'env, Value>>
    where
        T: Serialize + Send + 'static,
        F: FnOnce(Client) -> Fut + Send + 'static,
        Fut: Future<Output = Result<T, Error>> + Send + 'static,
    {
        let tracker = SendTracker::new();
        let client = self.scoped(options.as_ref(), &tracker);
        self.spawn(env, cancel, tracker, async move { call(client?).await })
    }

    /// Spawns `call` on the runtime; the promise resolves with its result as a plain object. A
    /// call aborted through its token after its request may have been written rejects with the
    /// send's ids (from `tracker`).
    pub(crate) fn spawn<'env, T, F>(
        &self,
        env: &'env Env,
        cancel: Option<&CancelToken>,
        tracker: SendTracker,
        call: F,
    ) -> napi::Result<PromiseRaw<'env, Value>>
    where
        T: Serialize + Send + 'static,
        F: Future<Output = Result<T, Error>> + Send + 'static,
    {
        let watcher = cancel.map(CancelToken::watcher);
        let call = call.instrument(self.span());
        settle(env, async move {
            match guarded(watcher, call).await {
                Guarded::Done(Ok(value)) => to_js_value(&value).map_err(|e| to_napi(&e)),
                Guarded::Done(Err(e)) => Err(to_napi(&e)),
                Guarded::Cancelled => Err(aborted(tracker.written())),
            }
        })
    }
}

/// A promise settled with what `task` gives, which runs on the SDK's [`runtime`].
pub(crate) fn settle<'env, F>(env: &'env Env, task: F) -> napi::Result<PromiseRaw<'env, Value>>
where
    F: Future<Output = napi::Result<Value>> + Send + 'static,
{
    let (deferred, promise) = env.create_deferred()?;
    // The core's futures are several KiB: on the heap at once, only a pointer is moved on. A
    // panic while the task runs (a bug) rejects the promise with `internal`: it never leaves the
    // promise pending.
    let task = Box::pin(infobip::error::catch_panic_async(task));
    runtime::spawn(async move {
        match task.await.unwrap_or_else(|panic| Err(to_napi(&panic))) {
            Ok(value) => deferred.resolve(move |_| Ok(value)),
            Err(e) => deferred.reject(e),
        }
    })?;
    Ok(PromiseRaw::new(env.raw(), promise.raw()))
}

/// A test hook, not an API: panics inside the SDK on purpose, synchronously (`"sync"`) or in the
/// task of a promise (`"async"`), to show that a panic becomes an `InternalError` (code
/// `internal`) and never aborts the process or leaves a promise pending.
#[napi_derive::napi(js_name = "_testPanic", ts_return_type = "Promise<void> | void", catch_unwind)]
pub fn test_panic<'env>(env: &'env Env, mode: String) -> napi::Result<Option<PromiseRaw<'env, Value>>> {
    fn boom() {
        if std::hint::black_box(true) {
            panic!("a panic on purpose (test hook)");
        }
    }
    match mode.as_str() {
        "sync" => {
            boom();
            Ok(None)
        }
        "async" => settle(env, async {
            tokio::task::yield_now().await;
            boom();
            Ok(Value::Null)
        })
        .map(Some),
        other => Err(to_napi(&Error::validation("mode", format!("{other:?} is not sync or async")))),
    }
}
