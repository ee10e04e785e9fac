//! `NativeSms`: the core's hand-written SMS calls (id assignment, SMS validation, the query send,
//! the logs cursor) for the Kotlin and Swift `SmsApi`, which extends the generated `Sms`
//! namespace. Requests come in as the API's JSON (written by the generated models) and answers
//! go out as the API's JSON bytes (read by them): no model is declared here.

use std::sync::Arc;

use serde::Deserialize;

use infobip::SendTracker;

use crate::cancel::followed;
use crate::catalog::RawResponse;
use crate::client::InfobipClient;
use crate::config::RequestOptions;
use crate::convert::{answer, date_time, from_json};
use crate::error::{InfobipError, guarded, guarded_sync};

/// The core's SMS calls of a client; Kotlin's and Swift's `client.sms()` wrap it.
#[derive(Debug, uniffi::Object)]
pub struct NativeSms {
    client: infobip::Client,
    inner: infobip::sms::Sms,
}

impl NativeSms {
    /// The SMS calls on this client, followed by `tracker` (for a send).
    fn tracked(&self, tracker: SendTracker) -> infobip::sms::Sms {
        self.client.with_options(infobip::RequestOptions::new().tracker(tracker)).sms()
    }
}

/// The logs filter as the bindings write it (`sentSince`/`sentUntil` in any Infobip form).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
struct LogsFilterJson {
    mcc: Option<String>,
    mnc: Option<String>,
    sender: Option<String>,
    destination: Option<String>,
    bulk_ids: Vec<String>,
    message_ids: Vec<String>,
    general_status: Option<String>,
    sent_since: Option<String>,
    sent_until: Option<String>,
    limit: Option<u32>,
    entity_id: Option<String>,
    application_id: Option<String>,
    campaign_reference_ids: Vec<String>,
}

#[uniffi::export(async_runtime = "tokio")]
impl NativeSms {
    /// The SMS calls of `client`.
    #[uniffi::constructor]
    pub fn new(client: Arc<InfobipClient>) -> Arc<Self> {
        Arc::new(NativeSms { client: client.inner.clone(), inner: client.inner.sms() })
    }

    /// `POST /sms/3/messages` after the core's checks; ids assigned when not given, a send in
    /// doubt is `OutcomeUnknown` with those ids and is never repeated.
    #[uniffi::method(default(options = None))]
    pub async fn send(
        &self,
        request_json: String,
        options: Option<RequestOptions>,
    ) -> Result<RawResponse, InfobipError> {
        guarded(async move {
            let request: infobip::sms::SmsRequest = from_json(&request_json, "request")?;
            let options = infobip::RequestOptions::from(options.unwrap_or_default());
            followed(|tracker| async move {
                let sent = self.inner.send_with(request, options.tracker(tracker)).await?;
                answer(&sent, sent.request_id.clone())
            })
            .await
        })
        .await
    }

    /// One text to one destination, from `sender` when given.
    #[uniffi::method(default(sender = None))]
    pub async fn send_text(
        &self,
        to: String,
        text: String,
        sender: Option<String>,
    ) -> Result<RawResponse, InfobipError> {
        guarded(async move {
            let mut request = infobip::sms::SmsRequest::text(to, text);
            if let Some(sender) = sender {
                request = request.sender(sender);
            }
            followed(|tracker| async move {
                let sent = self.tracked(tracker).send(request).await?;
                answer(&sent, sent.request_id.clone())
            })
            .await
        })
        .await
    }

    /// `GET /sms/3/text/query` (never retried); `queryJson` has the API's parameter names.
    pub async fn send_query(&self, query_json: String) -> Result<RawResponse, InfobipError> {
        guarded(async move {
            let query: infobip::sms::SendQuery = from_json(&query_json, "query")?;
            followed(|tracker| async move {
                let sent = self.tracked(tracker).send_query(query).await?;
                answer(&sent, sent.request_id.clone())
            })
            .await
        })
        .await
    }

    /// `POST /sms/2/text/advanced`, with ids assigned like `send`.
    pub async fn send_v2_text(&self, request_json: String) -> Result<RawResponse, InfobipError> {
        guarded(async move {
            let request: infobip::sms::LegacySendRequest = from_json(&request_json, "request")?;
            followed(|tracker| async move {
                let sent = self.tracked(tracker).send_v2_text(request).await?;
                answer(&sent, sent.request_id.clone())
            })
            .await
        })
        .await
    }

    /// `POST /sms/2/binary/advanced`, with ids assigned like `send`.
    pub async fn send_v2_binary(&self, request_json: String) -> Result<RawResponse, InfobipError> {
        guarded(async move {
            let request: infobip::sms::LegacySendRequest = from_json(&request_json, "request")?;
            followed(|tracker| async move {
                let sent = self.tracked(tracker).send_v2_binary(request).await?;
                answer(&sent, sent.request_id.clone())
            })
            .await
        })
        .await
    }

    /// `GET /sms/1/reports` (consume-once); `filterJson` has the API's parameter names.
    pub async fn delivery_reports_v1(&self, filter_json: String) -> Result<RawResponse, InfobipError> {
        guarded(async move {
            let filter: infobip::sms::ReportsFilter = from_json(&filter_json, "filter")?;
            answer(&self.inner.delivery_reports_v1(&filter).await?, None)
        })
        .await
    }

    /// `GET /sms/3/reports` (consume-once); `filterJson` has the API's parameter names.
    pub async fn delivery_reports(&self, filter_json: String) -> Result<RawResponse, InfobipError> {
        guarded(async move {
            let filter: infobip::sms::ReportsFilter = from_json(&filter_json, "filter")?;
            answer(&self.inner.delivery_reports(&filter).await?, None)
        })
        .await
    }

    /// `POST /sms/1/preview`.
    pub async fn preview(&self, request_json: String) -> Result<RawResponse, InfobipError> {
        guarded(async move {
            let request: infobip::sms::PreviewRequest = from_json(&request_json, "request")?;
            answer(&self.inner.preview(&request).await?, None)
        })
        .await
    }

    /// One page of `GET /sms/3/logs`: the first with `cursor = null`, then the previous page's
    /// `cursor.nextCursor`.
    #[uniffi::method(default(cursor = None))]
    pub async fn logs_page(&self, filter_json: String, cursor: Option<String>) -> Result<RawResponse, InfobipError> {
        guarded(async move {
            let filter = logs_filter(&filter_json)?;
            answer(&self.inner.logs_page(&filter, cursor.as_deref()).await?, None)
        })
        .await
    }

    /// Every log matching `filterJson` (`GET /sms/3/logs`), fetched page by page by cursor as
    /// `next()` is called; `next()` returns `null` after the last one. A server that gives a
    /// cursor it gave before ends it with a `Decode` error naming the cursor.
    pub fn logs(&self, filter_json: String) -> Result<Arc<SmsLogIterator>, InfobipError> {
        guarded_sync(|| {
            let filter = logs_filter(&filter_json)?;
            Ok(Arc::new(SmsLogIterator { stream: tokio::sync::Mutex::new(Box::pin(self.inner.logs(filter))) }))
        })
    }

    /// `GET /sms/1/inbox/reports`, at most `limit` (consume-once).
    #[uniffi::method(default(limit = None))]
    pub async fn inbound(&self, limit: Option<u32>) -> Result<RawResponse, InfobipError> {
        guarded(async move { answer(&self.inner.inbound(limit).await?, None) }).await
    }

    /// `GET /sms/1/bulks`.
    pub async fn bulk_schedule(&self, bulk_id: String) -> Result<RawResponse, InfobipError> {
        guarded(async move { answer(&self.inner.bulk_schedule(&bulk_id).await?, None) }).await
    }

    /// `PUT /sms/1/bulks`: moves a scheduled bulk to `sendAt` (any Infobip date-time form).
    pub async fn reschedule_bulk(&self, bulk_id: String, send_at: String) -> Result<RawResponse, InfobipError> {
        guarded(async move {
            let when =
                date_time(Some(&send_at), "sendAt")?.ok_or_else(|| infobip::Error::validation("sendAt", "missing"))?;
            answer(&self.inner.reschedule_bulk(&bulk_id, when).await?, None)
        })
        .await
    }

    /// `GET /sms/1/bulks/status`.
    pub async fn bulk_status(&self, bulk_id: String) -> Result<RawResponse, InfobipError> {
        guarded(async move { answer(&self.inner.bulk_status(&bulk_id).await?, None) }).await
    }

    /// `PUT /sms/1/bulks/status`: `PAUSED`, `PENDING` or `CANCELED`.
    pub async fn set_bulk_status(&self, bulk_id: String, status: String) -> Result<RawResponse, InfobipError> {
        guarded(async move { answer(&self.inner.set_bulk_status(&bulk_id, status.into()).await?, None) }).await
    }
}

/// The logs filter the bindings wrote, as the core's.
fn logs_filter(filter_json: &str) -> Result<infobip::sms::LogsFilter, InfobipError> {
    let given: LogsFilterJson = from_json(filter_json, "filter")?;
    let mut filter = infobip::sms::LogsFilter::new();
    filter.mcc = given.mcc;
    filter.mnc = given.mnc;
    filter.sender = given.sender;
    filter.destination = given.destination;
    filter.bulk_ids = given.bulk_ids;
    filter.message_ids = given.message_ids;
    filter.general_status = given.general_status.map(Into::into);
    filter.sent_since = date_time(given.sent_since.as_deref(), "sentSince")?;
    filter.sent_until = date_time(given.sent_until.as_deref(), "sentUntil")?;
    filter.limit = given.limit;
    filter.entity_id = given.entity_id;
    filter.application_id = given.application_id;
    filter.campaign_reference_ids = given.campaign_reference_ids;
    Ok(filter)
}

/// The logs of `NativeSms.logs(...)`, one at a time, each as the API's JSON.
#[derive(uniffi::Object)]
pub struct SmsLogIterator {
    stream: tokio::sync::Mutex<LogStream>,
}

type LogStream =
    std::pin::Pin<Box<dyn futures_util::Stream<Item = Result<infobip::sms::SmsLog, infobip::Error>> + Send>>;

#[uniffi::export(async_runtime = "tokio")]
impl SmsLogIterator {
    /// The next log (its JSON), or `null` after the last one.
    pub async fn next(&self) -> Result<Option<RawResponse>, InfobipError> {
        use futures_util::StreamExt as _;
        guarded(async move {
            match self.stream.lock().await.next().await {
                None => Ok(None),
                Some(log) => Ok(Some(answer(&log?, None)?)),
            }
        })
        .await
    }
}
