//! Running a core call as a JavaScript promise: cancellation, the client's log span, error
//! payloads, and the result as JSON text, which crosses to JavaScript as one string (the cheapest
//! form measured: `JSON.parse` reads it faster than napi builds the same objects property by
//! property) and is read there by the generated reader of its type.

use std::future::Future;

use infobip::{Client, Error};
use napi::Env;
use napi::bindgen_prelude::{JsValue, PromiseRaw, ToNapiValue};
use serde::Serialize;
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
    /// retries) over its own defaults; it shares the connections, session and throttle.
    pub(crate) fn scoped(&self, options: Option<&CallOptions>) -> Result<Client, Error> {
        match options {
            Some(options) => Ok(self.client.with_options(options.to_core()?)),
            None => Ok(self.client.clone()),
        }
    }

    /// Runs `call` on the client scoped to `options` (see [`spawn`](Self::spawn)); bad options
    /// reject the promise like any other error.
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
        let client = self.scoped(options.as_ref());
        self.spawn(env, cancel, async move { call(client?).await })
    }

    /// Spawns `call` on the runtime; the promise resolves with its result as JSON text.
    pub(crate) fn spawn<'env, T, F>(
        &self,
        env: &'env Env,
        cancel: Option<&CancelToken>,
        call: F,
    ) -> napi::Result<PromiseRaw<'env, String>>
    where
        T: Serialize + Send + 'static,
        F: Future<Output = Result<T, Error>> + Send + 'static,
    {
        self.spawn_raw(env, cancel, async move { to_json_text(&call.await?) })
    }

    /// Spawns `call` on the runtime, in this client's log span; the promise resolves with what
    /// it gives, converted by napi.
    pub(crate) fn spawn_raw<'env, T, F>(
        &self,
        env: &'env Env,
        cancel: Option<&CancelToken>,
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
                Guarded::Cancelled => Err(aborted()),
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
    // The core's futures are several KiB: on the heap at once, only a pointer is moved on.
    let task = Box::pin(task);
    runtime::spawn(async move {
        match task.await {
            Ok(value) => deferred.resolve(move |_| Ok(value)),
            Err(e) => deferred.reject(e),
        }
    })?;
    Ok(PromiseRaw::new(env.raw(), promise.raw()))
}
