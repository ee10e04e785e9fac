//! Running a core call as a JavaScript promise: cancellation (with a send's ids), the client's
//! log span, error payloads, panics caught, and the result as JSON text, which crosses to
//! JavaScript as one string (the cheapest form measured: `JSON.parse` reads it faster than napi
//! builds the same objects property by property) and is read there by the generated reader of
//! its type.

use std::future::Future;

use infobip::{Client, Error, RequestOptions, SendTracker};
use napi::Env;
use napi::bindgen_prelude::{JsValue, PromiseRaw, ToNapiValue};
use serde::Serialize;
use serde_json::Value;
use tracing::Instrument;

use crate::cancel::{CancelToken, Guarded, guarded};
use crate::client::NativeClient;
use crate::error::{aborted, to_napi};
use crate::options::CallOptions;
use crate::runtime;

/// A model as JSON text for JavaScript, its date-times as epoch milliseconds (see
/// [`with_epoch_millis`](infobip::time::serde::with_epoch_millis)): the generated reader of its
/// type turns exactly those into `Date`s without parsing text.
pub(crate) fn to_json_text<T: Serialize>(value: &T) -> Result<String, Error> {
    infobip::time::serde::with_epoch_millis(|| serde_json::to_string(value))
        .map_err(|e| Error::decode(format!("the result could not be converted: {e}"), None))
}

impl NativeClient {
    /// The core client one call runs on: this client with the call's options (timeout,
    /// retries, validation) over its own defaults, followed by `tracker`; it shares the
    /// connections, session and throttle.
    pub(crate) fn scoped(&self, options: Option<&CallOptions>, tracker: &SendTracker) -> Result<Client, Error> {
        let call = match options {
            Some(options) => options.to_core()?,
            None => RequestOptions::new(),
        };
        Ok(self.client.with_options(call.tracker(tracker.clone())))
    }

    /// Runs `call` on the client scoped to `options`; the promise resolves with its result as
    /// JSON text. Bad options reject the promise like any other error.
    pub(crate) fn run<'env, T, F, Fut>(
        &self,
        env: &'env Env,
        options: Option<CallOptions>,
        cancel: Option<&CancelToken>,
        call: F,
    ) -> napi::Result<PromiseRaw<'env, String>>
    where
        T: Serialize + Send + 'static,
        F: FnOnce(Client) -> Fut + Send + 'static,
        Fut: Future<Output = Result<T, Error>> + Send + 'static,
    {
        self.run_raw(env, options, cancel, move |client| async move { to_json_text(&call(client).await?) })
    }

    /// Runs `call` on the client scoped to `options`, followed by a [`SendTracker`] (see
    /// [`spawn_raw`](Self::spawn_raw)); the promise resolves with what it gives, converted by
    /// napi.
    pub(crate) fn run_raw<'env, T, F, Fut>(
        &self,
        env: &'env Env,
        options: Option<CallOptions>,
        cancel: Option<&CancelToken>,
        call: F,
    ) -> napi::Result<PromiseRaw<'env, T>>
    where
        T: ToNapiValue + Send + 'static,
        F: FnOnce(Client) -> Fut + Send + 'static,
        Fut: Future<Output = Result<T, Error>> + Send + 'static,
    {
        let tracker = SendTracker::new();
        let client = self.scoped(options.as_ref(), &tracker);
        self.spawn_raw(env, cancel, tracker, async move { call(client?).await })
    }

    /// Spawns `call` on the runtime, in this client's log span; the promise resolves with what
    /// it gives, converted by napi. A call aborted through its token after its request may have
    /// been written rejects with the send's ids (from `tracker`).
    pub(crate) fn spawn_raw<'env, T, F>(
        &self,
        env: &'env Env,
        cancel: Option<&CancelToken>,
        tracker: SendTracker,
        call: F,
    ) -> napi::Result<PromiseRaw<'env, T>>
    where
        T: ToNapiValue + Send + 'static,
        F: Future<Output = Result<T, Error>> + Send + 'static,
    {
        let watcher = cancel.map(CancelToken::watcher);
        let call = call.instrument(self.span());
        settle(env, async move {
            match guarded(watcher, call).await {
                Guarded::Done(Ok(value)) => Ok(value),
                Guarded::Done(Err(e)) => Err(to_napi(&e)),
                Guarded::Cancelled => Err(aborted(tracker.written())),
            }
        })
    }
}

/// A promise settled with what `task` gives, which runs on the SDK's [`runtime`].
pub(crate) fn settle<'env, T, F>(env: &'env Env, task: F) -> napi::Result<PromiseRaw<'env, T>>
where
    T: ToNapiValue + Send + 'static,
    F: Future<Output = napi::Result<T>> + Send + 'static,
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
