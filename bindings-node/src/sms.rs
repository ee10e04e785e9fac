//! `client.sms`: the core's typed SMS API. Inputs arrive as JSON text (what `JSON.stringify`
//! makes of the caller's objects) and are read by the core's models; results leave as JSON text
//! with the API's camelCase names (date-times as epoch milliseconds), read by the generated
//! readers of the SMS spec's types.

use std::pin::Pin;
use std::sync::Arc;
use std::task::Poll;

use chrono::{DateTime, FixedOffset};
use infobip::Error;
use infobip::input::{from_json, from_value};
use infobip::sms::{
    LegacySendRequest, LegacySendResponse, LogsFilter, ReportsFilter, SendQuery, SendResponse, SmsLog, SmsRequest,
    Stream, StreamExt,
};
use napi::Env;
use napi::bindgen_prelude::PromiseRaw;
use napi_derive::napi;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use tokio::sync::Mutex;
use tracing::Instrument;

use crate::calls::{settle, to_json_text};
use crate::cancel::{CancelToken, Guarded, guarded};
use crate::client::NativeClient;
use crate::error::{aborted, to_napi};
use crate::options::CallOptions;
use crate::tfa::id_text;

/// The short form of a send: one text to one number.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct TextSend {
    to: String,
    text: String,
    #[serde(default)]
    sender: Option<String>,
}

/// A send request: the short form `{ to, text, sender }`, or the API's `{ messages, options }`.
fn send_request(text: &str) -> Result<SmsRequest, Error> {
    let value: Value = from_json(text, "request")?;
    if value.get("messages").is_some() {
        return from_value(value, "request");
    }
    let short: TextSend = from_value(value, "request")?;
    let request = SmsRequest::text(short.to, short.text);
    Ok(match short.sender {
        Some(sender) => request.sender(sender),
        None => request,
    })
}

/// A send's result with the request id the response carried, next to the body's fields.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Sent<R> {
    #[serde(flatten)]
    response: R,
    request_id: Option<String>,
}

impl Sent<SendResponse> {
    fn new(mut response: SendResponse) -> Self {
        let request_id = response.request_id.take();
        Sent { response, request_id }
    }
}

impl Sent<LegacySendResponse> {
    fn legacy(mut response: LegacySendResponse) -> Self {
        let request_id = response.request_id.take();
        Sent { response, request_id }
    }
}

/// One value or a list of them (`bulkId: 'a'` or `bulkId: ['a', 'b']`).
#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn into_vec(this: Option<OneOrMany>) -> Vec<String> {
        match this {
            None => Vec::new(),
            Some(OneOrMany::One(one)) => vec![one],
            Some(OneOrMany::Many(many)) => many,
        }
    }
}

/// The filter of `client.sms.logs(...)`, read into the core's [`LogsFilter`].
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct LogsQuery {
    mcc: Option<String>,
    mnc: Option<String>,
    sender: Option<String>,
    destination: Option<String>,
    bulk_id: Option<OneOrMany>,
    message_id: Option<OneOrMany>,
    general_status: Option<Value>,
    #[serde(default, with = "infobip::time::serde::option")]
    sent_since: Option<DateTime<FixedOffset>>,
    #[serde(default, with = "infobip::time::serde::option")]
    sent_until: Option<DateTime<FixedOffset>>,
    limit: Option<u32>,
    entity_id: Option<String>,
    application_id: Option<String>,
    campaign_reference_id: Option<OneOrMany>,
    max_results: Option<usize>,
}

impl LogsQuery {
    fn into_filter(self) -> Result<LogsFilter, Error> {
        let mut filter = LogsFilter::new();
        filter.mcc = self.mcc;
        filter.mnc = self.mnc;
        filter.sender = self.sender;
        filter.destination = self.destination;
        filter.bulk_ids = OneOrMany::into_vec(self.bulk_id);
        filter.message_ids = OneOrMany::into_vec(self.message_id);
        filter.general_status = self.general_status.map(|v| from_value(v, "generalStatus")).transpose()?;
        filter.sent_since = self.sent_since;
        filter.sent_until = self.sent_until;
        filter.limit = self.limit;
        filter.entity_id = self.entity_id;
        filter.application_id = self.application_id;
        filter.campaign_reference_ids = OneOrMany::into_vec(self.campaign_reference_id);
        filter.max_results = self.max_results;
        Ok(filter)
    }
}

/// The parameters of `client.sms.inbound(...)`.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct InboundQuery {
    limit: Option<u32>,
}

/// Reads an optional JSON text argument; none means the type's default.
fn optional<T: serde::de::DeserializeOwned + Default>(text: Option<String>, what: &str) -> Result<T, Error> {
    text.map_or_else(|| Ok(T::default()), |t| from_json(&t, what))
}

#[napi]
impl NativeClient {
    /// `POST /sms/3/messages`: `request` is JSON of `{ to, text, sender }` or `{ messages, options }`.
    #[napi(ts_return_type = "Promise<string>", catch_unwind)]
    pub fn sms_send<'env>(
        &self,
        env: &'env Env,
        request: String,
        options: Option<CallOptions>,
        cancel: Option<&CancelToken>,
    ) -> napi::Result<PromiseRaw<'env, String>> {
        let input = send_request(&request);
        self.run(env, options, cancel, move |client| async move { Ok(Sent::new(client.sms().send(input?).await?)) })
    }

    /// `GET /sms/3/text/query`: `query` is JSON of `{ to, text, from, … }` (`to` one or a list).
    #[napi(ts_return_type = "Promise<string>", catch_unwind)]
    pub fn sms_send_query<'env>(
        &self,
        env: &'env Env,
        query: String,
        options: Option<CallOptions>,
        cancel: Option<&CancelToken>,
    ) -> napi::Result<PromiseRaw<'env, String>> {
        let input = from_json::<SendQuery>(&query, "query");
        self.run(
            env,
            options,
            cancel,
            move |client| async move { Ok(Sent::new(client.sms().send_query(input?).await?)) },
        )
    }

    /// `POST /sms/2/text/advanced`, or `/sms/2/binary/advanced` when `binary`: `request` is
    /// JSON of `{ bulkId, messages, … }`.
    #[napi(ts_return_type = "Promise<string>", catch_unwind)]
    pub fn sms_send_v2<'env>(
        &self,
        env: &'env Env,
        request: String,
        binary: bool,
        options: Option<CallOptions>,
        cancel: Option<&CancelToken>,
    ) -> napi::Result<PromiseRaw<'env, String>> {
        let input = from_json::<LegacySendRequest>(&request, "request");
        self.run(env, options, cancel, move |client| async move {
            let sms = client.sms();
            let sent = if binary { sms.send_v2_binary(input?).await? } else { sms.send_v2_text(input?).await? };
            Ok(Sent::legacy(sent))
        })
    }

    /// `POST /sms/1/preview`: `request` is JSON of `{ text, languageCode, transliteration }`.
    #[napi(ts_return_type = "Promise<string>", catch_unwind)]
    pub fn sms_preview<'env>(
        &self,
        env: &'env Env,
        request: String,
        options: Option<CallOptions>,
        cancel: Option<&CancelToken>,
    ) -> napi::Result<PromiseRaw<'env, String>> {
        let input = from_json(&request, "request");
        self.run(env, options, cancel, move |client| async move { client.sms().preview(&input?).await })
    }

    /// `GET /sms/3/reports` (consume-once), or the v1 reports of v2 sends (`GET /sms/1/reports`)
    /// when `v1`; `filter` is JSON.
    #[napi(ts_return_type = "Promise<string>", catch_unwind)]
    pub fn sms_delivery_reports<'env>(
        &self,
        env: &'env Env,
        filter: Option<String>,
        v1: bool,
        options: Option<CallOptions>,
        cancel: Option<&CancelToken>,
    ) -> napi::Result<PromiseRaw<'env, String>> {
        let input = optional::<ReportsFilter>(filter, "filter");
        self.run_raw(env, options, cancel, move |client| async move {
            let sms = client.sms();
            let filter = input?;
            if v1 {
                to_json_text(&sms.delivery_reports_v1(&filter).await?)
            } else {
                to_json_text(&sms.delivery_reports(&filter).await?)
            }
        })
    }

    /// `GET /sms/1/inbox/reports` (consume-once); `params` is JSON of `{ limit }`.
    #[napi(ts_return_type = "Promise<string>", catch_unwind)]
    pub fn sms_inbound<'env>(
        &self,
        env: &'env Env,
        params: Option<String>,
        options: Option<CallOptions>,
        cancel: Option<&CancelToken>,
    ) -> napi::Result<PromiseRaw<'env, String>> {
        let params = optional::<InboundQuery>(params, "params");
        self.run(env, options, cancel, move |client| async move { client.sms().inbound(params?.limit).await })
    }

    /// Every log matching `filter` (JSON), page after page, each page fetched with `options`.
    #[napi(catch_unwind)]
    pub fn sms_logs(&self, filter: Option<String>, options: Option<CallOptions>) -> napi::Result<LogStream> {
        let start = || -> Result<LogStream, Error> {
            let filter = optional::<LogsQuery>(filter, "filter")?.into_filter()?;
            let sms = self.scoped(options.as_ref(), &infobip::SendTracker::new())?.sms();
            let logs = Logs { stream: Box::pin(sms.logs(filter).fuse()), failed: None };
            Ok(LogStream { logs: Arc::new(Mutex::new(logs)), span: self.span() })
        };
        start().map_err(|e| to_napi(&e))
    }

    /// Scheduled bulks: `action` is `schedule` (GET), `status` (GET), `pause`, `resume`, `cancel`,
    /// or `reschedule` with `sendAt` (JSON text of a date-time).
    #[napi(ts_return_type = "Promise<string>", catch_unwind)]
    #[allow(clippy::too_many_arguments)] // the JavaScript signature: one positional argument each
    pub fn sms_bulk<'env>(
        &self,
        env: &'env Env,
        action: String,
        #[napi(ts_arg_type = "unknown")] bulk_id: Value,
        send_at: Option<String>,
        options: Option<CallOptions>,
        cancel: Option<&CancelToken>,
    ) -> napi::Result<PromiseRaw<'env, String>> {
        let bulk_id = id_text(&bulk_id, "bulkId");
        let send_at = send_at.map(|t| from_json::<Value>(&t, "sendAt").and_then(|v| from_value::<SendAt>(v, "sendAt")));
        self.run_raw(env, options, cancel, move |client| async move {
            let sms = client.sms();
            let bulk_id = bulk_id?;
            match action.as_str() {
                "schedule" => to_json_text(&sms.bulk_schedule(&bulk_id).await?),
                "status" => to_json_text(&sms.bulk_status(&bulk_id).await?),
                "pause" => to_json_text(&sms.pause_bulk(&bulk_id).await?),
                "resume" => to_json_text(&sms.resume_bulk(&bulk_id).await?),
                "cancel" => to_json_text(&sms.cancel_bulk(&bulk_id).await?),
                "reschedule" => {
                    let at = send_at.transpose()?.ok_or_else(|| Error::validation("sendAt", "is required"))?;
                    to_json_text(&sms.reschedule_bulk(&bulk_id, at.0).await?)
                }
                other => Err(Error::validation("action", format!("unknown bulk action {other:?}"))),
            }
        })
    }

    /// `POST /ct/1/log/end/{messageId}`.
    #[napi(ts_return_type = "Promise<string>", catch_unwind)]
    pub fn sms_log_conversion<'env>(
        &self,
        env: &'env Env,
        #[napi(ts_arg_type = "unknown")] message_id: Value,
        options: Option<CallOptions>,
        cancel: Option<&CancelToken>,
    ) -> napi::Result<PromiseRaw<'env, String>> {
        let message_id = id_text(&message_id, "messageId");
        self.run(env, options, cancel, move |client| async move { client.sms().log_conversion(&message_id?).await })
    }
}

/// A date-time given as text in any form the core reads.
#[derive(Deserialize)]
struct SendAt(#[serde(with = "infobip::time::serde::datetime")] DateTime<FixedOffset>);

/// The logs stream (fused: it gives `None` again after its end), and an error it gave after logs
/// that were already ready.
struct Logs {
    stream: Pin<Box<dyn Stream<Item = Result<SmsLog, Error>> + Send>>,
    failed: Option<Error>,
}

impl Logs {
    /// The next logs: the first one the stream gives (fetching a page if needed), then every
    /// one it has ready without waiting (the rest of that page). `None` after the last.
    async fn next_page(&mut self) -> Result<Option<Vec<SmsLog>>, Error> {
        if let Some(error) = self.failed.take() {
            return Err(error);
        }
        let first = match self.stream.next().await {
            None => return Ok(None),
            Some(item) => item?,
        };
        let mut page = vec![first];
        loop {
            let ready = std::future::poll_fn(|cx| Poll::Ready(self.stream.as_mut().poll_next(cx))).await;
            match ready {
                Poll::Ready(Some(Ok(log))) => page.push(log),
                Poll::Ready(Some(Err(error))) => {
                    self.failed = Some(error);
                    break;
                }
                Poll::Ready(None) | Poll::Pending => break,
            }
        }
        Ok(Some(page))
    }
}

/// SMS logs, a page at a time; the JavaScript layer makes it an async iterator.
#[napi]
pub struct LogStream {
    logs: Arc<Mutex<Logs>>,
    span: tracing::Span,
}

#[napi]
impl LogStream {
    /// The next page of logs as JSON text of a list, or `null` after the last one. Pages are
    /// fetched as needed; `cancel` aborts a page being fetched.
    #[napi(ts_return_type = "Promise<string | null>", catch_unwind)]
    pub fn next<'env>(
        &self,
        env: &'env Env,
        cancel: Option<&CancelToken>,
    ) -> napi::Result<PromiseRaw<'env, Option<String>>> {
        let logs = Arc::clone(&self.logs);
        let watcher = cancel.map(CancelToken::watcher);
        let span = self.span.clone();
        settle(
            env,
            async move {
                let next = async { logs.lock().await.next_page().await };
                match guarded(watcher, next).await {
                    Guarded::Cancelled => Err(aborted(None)),
                    Guarded::Done(Ok(None)) => Ok(None),
                    Guarded::Done(Err(e)) => Err(to_napi(&e)),
                    Guarded::Done(Ok(Some(page))) => to_json_text(&page).map(Some).map_err(|e| to_napi(&e)),
                }
            }
            .instrument(span),
        )
    }
}
