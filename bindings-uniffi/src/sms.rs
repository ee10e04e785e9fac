//! `SmsApi`: the core's typed SMS calls (`client.sms()`).

use std::sync::Arc;

use crate::config::RequestOptions;
use crate::convert::{date_time, from_core, into_core};
use infobip::SendTracker;

use crate::cancel::followed;
use crate::error::{InfobipError, guarded};
use crate::sms_models::*;

/// The SMS API of a client: `client.sms()`.
#[derive(Debug, uniffi::Object)]
pub struct SmsApi {
    client: infobip::Client,
    inner: infobip::sms::Sms,
}

impl SmsApi {
    pub(crate) fn new(client: &infobip::Client) -> Arc<Self> {
        Arc::new(SmsApi { client: client.clone(), inner: client.sms() })
    }

    /// The SMS API on this client, followed by `tracker` (for a send).
    fn tracked(&self, tracker: SendTracker) -> infobip::sms::Sms {
        self.client.with_options(infobip::RequestOptions::new().tracker(tracker)).sms()
    }
}

#[uniffi::export(async_runtime = "tokio")]
impl SmsApi {
    /// Sends messages (`POST /sms/3/messages`) after checking them. A bulk id and message ids
    /// are assigned when not given; a send in doubt throws `OutcomeUnknown` with those ids and
    /// is never repeated.
    #[uniffi::method(default(options = None))]
    pub async fn send(
        &self,
        request: SmsRequest,
        options: Option<RequestOptions>,
    ) -> Result<SmsSendResponse, InfobipError> {
        guarded(async move {
            let core: infobip::sms::SmsRequest = into_core(&request, "request")?;
            let options = infobip::RequestOptions::from(options.unwrap_or_default());
            followed(|tracker| async move {
                let response = self.inner.send_with(core, options.tracker(tracker)).await?;
                sent(&response, response.request_id.clone())
            })
            .await
        })
        .await
    }

    /// Sends one text to one destination, from `sender` when given.
    #[uniffi::method(default(sender = None))]
    pub async fn send_text(
        &self,
        to: String,
        text: String,
        sender: Option<String>,
    ) -> Result<SmsSendResponse, InfobipError> {
        guarded(async move {
            let mut request = infobip::sms::SmsRequest::text(to, text);
            if let Some(sender) = sender {
                request = request.sender(sender);
            }
            followed(|tracker| async move {
                let response = self.tracked(tracker).send(request).await?;
                sent(&response, response.request_id.clone())
            })
            .await
        })
        .await
    }

    /// Sends a text over query parameters (`GET /sms/3/text/query`); never retried.
    pub async fn send_query(&self, query: SmsSendQuery) -> Result<SmsSendResponse, InfobipError> {
        guarded(async move {
            let mut core = infobip::sms::SendQuery::new(query.to, query.text);
            core.bulk_id = query.bulk_id;
            core.from = query.from;
            core.flash = query.flash;
            core.transliteration = query.transliteration.map(Into::into);
            core.language_code = query.language_code.map(Into::into);
            core.intermediate_report = query.intermediate_report;
            core.notify_url = query.notify_url;
            core.notify_content_type = query.notify_content_type;
            core.callback_data = query.callback_data;
            core.validity_period = query.validity_period;
            core.send_at = date_time(query.send_at.as_deref(), "sendAt")?;
            core.include_sms_count_in_response = query.include_sms_count_in_response;
            followed(|tracker| async move {
                let response = self.tracked(tracker).send_query(core).await?;
                sent(&response, response.request_id.clone())
            })
            .await
        })
        .await
    }

    /// Sends text messages with the v2 API (`POST /sms/2/text/advanced`); a bulk id and message
    /// ids are assigned when not given, and a send in doubt throws `OutcomeUnknown` like `send`.
    pub async fn send_v2_text(&self, request: SmsLegacySendRequest) -> Result<SmsLegacySendResponse, InfobipError> {
        guarded(async move {
            let core: infobip::sms::LegacySendRequest = into_core(&request, "request")?;
            followed(|tracker| async move {
                let response = self.tracked(tracker).send_v2_text(core).await?;
                sent(&response, response.request_id.clone())
            })
            .await
        })
        .await
    }

    /// Sends binary messages with the v2 API (`POST /sms/2/binary/advanced`), like `sendV2Text`.
    pub async fn send_v2_binary(&self, request: SmsLegacySendRequest) -> Result<SmsLegacySendResponse, InfobipError> {
        guarded(async move {
            let core: infobip::sms::LegacySendRequest = into_core(&request, "request")?;
            followed(|tracker| async move {
                let response = self.tracked(tracker).send_v2_binary(core).await?;
                sent(&response, response.request_id.clone())
            })
            .await
        })
        .await
    }

    /// Pulls the v1 delivery reports of v2 sends (`GET /sms/1/reports`). Consume-once.
    #[uniffi::method(default(filter = None))]
    pub async fn delivery_reports_v1(
        &self,
        filter: Option<SmsReportsFilter>,
    ) -> Result<Vec<SmsLegacyReport>, InfobipError> {
        guarded(async move { from_core(&self.inner.delivery_reports_v1(&reports_filter(filter)?).await?.results) })
            .await
    }

    /// Previews how a text is split into SMS (`POST /sms/1/preview`).
    pub async fn preview(&self, request: SmsPreviewRequest) -> Result<SmsPreviewResponse, InfobipError> {
        guarded(async move {
            let core: infobip::sms::PreviewRequest = into_core(&request, "request")?;
            from_core(&self.inner.preview(&core).await?)
        })
        .await
    }

    /// Pulls delivery reports (`GET /sms/3/reports`). Consume-once: each report is returned
    /// only once; use `logs` to look messages up repeatedly.
    #[uniffi::method(default(filter = None))]
    pub async fn delivery_reports(
        &self,
        filter: Option<SmsReportsFilter>,
    ) -> Result<Vec<SmsDeliveryReport>, InfobipError> {
        guarded(async move { from_core(&self.inner.delivery_reports(&reports_filter(filter)?).await?.results) }).await
    }

    /// One page of logs (`GET /sms/3/logs`): the first with `cursor = null`, the next with the
    /// previous page's `nextCursor`, until it is `null`.
    #[uniffi::method(default(filter = None, cursor = None))]
    pub async fn logs_page(
        &self,
        filter: Option<SmsLogsFilter>,
        cursor: Option<String>,
    ) -> Result<SmsLogsPage, InfobipError> {
        guarded(async move {
            let filter = logs_filter(filter.unwrap_or_default())?;
            let page = self.inner.logs_page(&filter, cursor.as_deref()).await?;
            Ok(SmsLogsPage { results: from_core(&page.results)?, next_cursor: page.next_cursor().map(str::to_owned) })
        })
        .await
    }

    /// Every log matching `filter` (`GET /sms/3/logs`), fetched page by page by cursor as
    /// `next()` is called; `next()` returns `null` after the last one. A server that gives a
    /// cursor it gave before ends it with a `Decode` error naming the cursor.
    #[uniffi::method(default(filter = None))]
    pub fn logs(&self, filter: Option<SmsLogsFilter>) -> Result<Arc<SmsLogIterator>, InfobipError> {
        let filter = logs_filter(filter.unwrap_or_default())?;
        Ok(Arc::new(SmsLogIterator { stream: tokio::sync::Mutex::new(Box::pin(self.inner.logs(filter))) }))
    }

    /// Pulls inbound messages (`GET /sms/1/inbox/reports`), at most `limit`. Consume-once.
    #[uniffi::method(default(limit = None))]
    pub async fn inbound(&self, limit: Option<u32>) -> Result<SmsInboundMessages, InfobipError> {
        guarded(async move { from_core(&self.inner.inbound(limit).await?) }).await
    }

    /// When a scheduled bulk is sent (`GET /sms/1/bulks`).
    pub async fn bulk_schedule(&self, bulk_id: String) -> Result<SmsBulkSchedule, InfobipError> {
        guarded(async move { from_core(&self.inner.bulk_schedule(&bulk_id).await?) }).await
    }

    /// Moves a scheduled bulk to `send_at` (`PUT /sms/1/bulks`).
    pub async fn reschedule_bulk(&self, bulk_id: String, send_at: String) -> Result<SmsBulkSchedule, InfobipError> {
        guarded(async move {
            let when =
                date_time(Some(&send_at), "sendAt")?.ok_or_else(|| infobip::Error::validation("sendAt", "missing"))?;
            from_core(&self.inner.reschedule_bulk(&bulk_id, when).await?)
        })
        .await
    }

    /// The state of a scheduled bulk (`GET /sms/1/bulks/status`).
    pub async fn bulk_status(&self, bulk_id: String) -> Result<SmsBulkStatus, InfobipError> {
        guarded(async move { from_core(&self.inner.bulk_status(&bulk_id).await?) }).await
    }

    /// Sets the state of a scheduled bulk (`PUT /sms/1/bulks/status`): `PAUSED`, `PENDING` or `CANCELED`.
    pub async fn set_bulk_status(&self, bulk_id: String, status: String) -> Result<SmsBulkStatus, InfobipError> {
        guarded(async move { from_core(&self.inner.set_bulk_status(&bulk_id, status.into()).await?) }).await
    }
}

fn reports_filter(filter: Option<SmsReportsFilter>) -> Result<infobip::sms::ReportsFilter, InfobipError> {
    into_core(&filter.unwrap_or_default(), "filter")
}

/// A send's response as a record, with the request id of its HTTP response (not part of the body).
fn sent<R: serde::de::DeserializeOwned>(
    body: &impl serde::Serialize,
    request_id: Option<String>,
) -> Result<R, InfobipError> {
    let mut value = serde_json::to_value(body)
        .map_err(|e| infobip::Error::decode(format!("a response for the bindings: {e}"), None))?;
    if let Some(fields) = value.as_object_mut() {
        fields.insert("requestId".into(), request_id.into());
    }
    from_core(&value)
}

fn logs_filter(filter: SmsLogsFilter) -> Result<infobip::sms::LogsFilter, InfobipError> {
    let mut core = infobip::sms::LogsFilter::new();
    core.mcc = filter.mcc;
    core.mnc = filter.mnc;
    core.sender = filter.sender;
    core.destination = filter.destination;
    core.bulk_ids = filter.bulk_ids;
    core.message_ids = filter.message_ids;
    core.general_status = filter.general_status.map(Into::into);
    core.sent_since = date_time(filter.sent_since.as_deref(), "sentSince")?;
    core.sent_until = date_time(filter.sent_until.as_deref(), "sentUntil")?;
    core.limit = filter.limit;
    core.entity_id = filter.entity_id;
    core.application_id = filter.application_id;
    core.campaign_reference_ids = filter.campaign_reference_ids;
    Ok(core)
}

/// The logs of `SmsApi.logs(...)`, one at a time.
#[derive(uniffi::Object)]
pub struct SmsLogIterator {
    stream: tokio::sync::Mutex<LogStream>,
}

type LogStream =
    std::pin::Pin<Box<dyn futures_util::Stream<Item = Result<infobip::sms::SmsLog, infobip::Error>> + Send>>;

#[uniffi::export(async_runtime = "tokio")]
impl SmsLogIterator {
    /// The next log, or `null` after the last one.
    pub async fn next(&self) -> Result<Option<SmsLog>, InfobipError> {
        use futures_util::StreamExt as _;
        match self.stream.lock().await.next().await {
            None => Ok(None),
            Some(log) => Ok(Some(from_core(&log?)?)),
        }
    }
}
