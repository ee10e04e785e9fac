//! `client.call(...)`, the generated methods and their pages: every operation of the API by id,
//! with the core's checks, auth, retries and error mapping; and the operation catalog, listed as
//! the core's [`OperationListing`](infobip::catalog::OperationListing) (typed in index.d.ts).
//!
//! An answer crosses to JavaScript once: its body as one string that `JSON.parse` reads there
//! (or its bytes, for a file), with the status, the request id and the headers as text.

use std::sync::Arc;

use infobip::Error;
use infobip::catalog::{self, CallParams, CallResponse};
use infobip::http::decode_json;
use infobip::input::from_json;
use infobip::typed::{FileDownload, Pages};
use napi::Env;
use napi::bindgen_prelude::{Buffer, PromiseRaw};
use napi_derive::napi;
use serde::de::IgnoredAny;
use serde_json::Value;
use tokio::sync::Mutex;
use tracing::Instrument;

use crate::calls::{settle, to_json_text};
use crate::cancel::{CancelToken, Guarded, guarded};
use crate::client::NativeClient;
use crate::error::{aborted, to_napi};
use crate::options::CallOptions;

/// The operations matching `search` (every word, ignoring case, in the id, product, method,
/// path or summary); all of them without one.
#[napi(ts_return_type = "string", catch_unwind)]
pub fn catalog_operations(search: Option<String>) -> napi::Result<String> {
    let listed: Vec<_> = catalog::search(search.as_deref().unwrap_or("")).into_iter().map(|op| op.listing()).collect();
    to_json_text(&listed).map_err(|e| to_napi(&e))
}

/// The scopes an API key needs for an operation (any one is enough); `null` for an unknown id.
#[napi(catch_unwind)]
pub fn catalog_required_scopes(operation_id: String) -> Option<Vec<String>> {
    catalog::required_scopes(&operation_id).map(<[String]>::to_vec)
}

/// Epoch milliseconds of a date-time in any form the core reads; `null` when it is none.
#[napi(catch_unwind)]
pub fn parse_date_time(text: String) -> Option<f64> {
    infobip::time::parse(&text).ok().map(|t| t.timestamp_millis() as f64)
}

/// An answer: the HTTP status, the request id, attempts, the headers (`name: value` lines) and
/// the body, as text or, for a file, as bytes with its content type and name.
#[napi(object)]
pub struct Answer {
    /// The HTTP status.
    pub status: u32,
    /// The request id the API gave (`X-Request-Id`).
    pub request_id: Option<String>,
    /// Attempts made.
    pub attempts: u32,
    /// The response headers, one `name: value` line each (names in lower case).
    pub headers: String,
    /// The body as text (absent for a file, and for bytes that are not UTF-8).
    pub body: Option<String>,
    /// A file's bytes.
    pub bytes: Option<Buffer>,
    /// A file's content type.
    pub content_type: Option<String>,
    /// A file's name, from `Content-Disposition`.
    pub file_name: Option<String>,
}

impl Answer {
    /// An answer without a body yet, from a response's status line and headers.
    pub(crate) fn of<'a, K, V>(
        status: u16,
        request_id: Option<String>,
        attempts: u32,
        headers: impl IntoIterator<Item = (&'a K, &'a V)>,
    ) -> Answer
    where
        K: AsRef<str> + 'a,
        V: AsRef<[u8]> + 'a,
    {
        let mut lines = String::new();
        for (name, value) in headers {
            if let Ok(value) = std::str::from_utf8(value.as_ref()) {
                lines.push_str(name.as_ref());
                lines.push_str(": ");
                lines.push_str(value);
                lines.push('\n');
            }
        }
        Answer {
            status: u32::from(status),
            request_id,
            attempts,
            headers: lines,
            body: None,
            bytes: None,
            content_type: None,
            file_name: None,
        }
    }

    /// The answer of a call, its body read as `kind` says: `file` (bytes, content type, name),
    /// `json` (text that must be JSON: a `decode` error with the offset otherwise), or as text.
    fn call(response: CallResponse, kind: &str, operation: &str) -> Result<Answer, Error> {
        let mut answer = Answer::of(response.status, response.request_id.clone(), response.attempts, &response.headers);
        if kind == "file" {
            let download = FileDownload::from_response(&response);
            answer.content_type = download.content_type;
            answer.file_name = download.file_name;
            answer.bytes = Some(Buffer::from(download.bytes.to_vec()));
            return Ok(answer);
        }
        if kind == "json" && !is_json(&response) {
            decode_json::<IgnoredAny>(&response.raw, &format!("the answer of {operation}"))?;
        }
        answer.body = String::from_utf8(response.raw.to_vec()).ok();
        Ok(answer)
    }
}

/// Whether the core read the body as JSON (or it is empty): it gives text it could not read as a
/// JSON string, which a real JSON string body starts with a quote to tell apart.
fn is_json(response: &CallResponse) -> bool {
    match &response.body {
        Value::String(_) => response.raw.trim_ascii_start().first() == Some(&b'"'),
        Value::Null => response.raw.trim_ascii().is_empty() || response.raw.trim_ascii() == b"null",
        _ => true,
    }
}

/// Reads `{ path, query, headers, body }` (JSON text) for a call.
fn call_params(params: Option<String>) -> Result<CallParams, Error> {
    params.map_or_else(|| Ok(CallParams::new()), |text| from_json::<CallParams>(&text, "params"))
}

#[napi]
impl NativeClient {
    /// Calls any operation by id; `params` is JSON of `{ path, query, headers, body }`. `kind`
    /// says how to read the answer's body: `json`, `file`, or (by default) as text.
    #[napi(ts_return_type = "Promise<Answer>", catch_unwind)]
    pub fn call<'env>(
        &self,
        env: &'env Env,
        operation_id: String,
        params: Option<String>,
        options: Option<CallOptions>,
        cancel: Option<&CancelToken>,
        kind: Option<String>,
    ) -> napi::Result<PromiseRaw<'env, Answer>> {
        let params = call_params(params);
        self.run_raw(env, options, cancel, move |client| async move {
            let response = client.call(&operation_id, params?).await?;
            Answer::call(response, kind.as_deref().unwrap_or("text"), &operation_id)
        })
    }

    /// The pages of a paging operation called with `params` (JSON of `{ path, query, headers,
    /// body }`), each fetched with `options`: the core's pager, which knows when to stop.
    #[napi(catch_unwind)]
    pub fn pages(
        &self,
        operation_id: String,
        params: Option<String>,
        options: Option<CallOptions>,
    ) -> napi::Result<NativePages> {
        let start = || -> Result<NativePages, Error> {
            let pages = self
                .scoped(options.as_ref(), &infobip::SendTracker::new())?
                .pages(&operation_id, call_params(params)?)?;
            Ok(NativePages { pages: Arc::new(Mutex::new(pages)), operation: operation_id.clone(), span: self.span() })
        };
        start().map_err(|e| to_napi(&e))
    }
}

/// The pages of one paging call; the JavaScript layer iterates them.
#[napi]
pub struct NativePages {
    pages: Arc<Mutex<Pages>>,
    operation: String,
    span: tracing::Span,
}

#[napi]
impl NativePages {
    /// The next page's answer, or `null` after the last; `cancel` aborts a page being fetched.
    #[napi(ts_return_type = "Promise<Answer | null>", catch_unwind)]
    pub fn next<'env>(
        &self,
        env: &'env Env,
        cancel: Option<&CancelToken>,
    ) -> napi::Result<PromiseRaw<'env, Option<Answer>>> {
        let pages = Arc::clone(&self.pages);
        let operation = self.operation.clone();
        let watcher = cancel.map(CancelToken::watcher);
        let task = async move {
            let next = async { pages.lock().await.next_page().await };
            match guarded(watcher, next).await {
                Guarded::Cancelled => Err(aborted(None)),
                Guarded::Done(Ok(None)) => Ok(None),
                Guarded::Done(Ok(Some(response))) => {
                    Answer::call(response, "json", &operation).map(Some).map_err(|e| to_napi(&e))
                }
                Guarded::Done(Err(e)) => Err(to_napi(&e)),
            }
        };
        settle(env, task.instrument(self.span.clone()))
    }
}
