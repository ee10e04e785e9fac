//! `NativeSms`: the core's hand-written SMS calls (id assignment, SMS validation, the query send,
//! the logs cursor) for the Kotlin and Swift `SmsApi`, which extends the generated `Sms`
//! namespace. Requests come in as the API's JSON (written by the generated models) and answers
//! go out as the API's JSON bytes (read by them): no model is declared here.

use std::sync::Arc;

use serde::Deserialize;

use crate::catalog::RawResponse;
use crate::client::InfobipClient;
use crate::config::RequestOptions;
use crate::convert::{answer, date_time, from_json};
use crate::error::InfobipError;

/// The core's SMS calls of a client; Kotlin's and Swift's `client.sms()` wrap it.
#[derive(Debug, uniffi::Object)]
pub struct NativeSms {
    inner: infobip::sms::Sms,
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
        Arc::new(NativeSms { inner: client.inner.sms() })
    }

    /// `POST /sms/3/messages` after the core's checks; ids assigned when not given, a send in
    /// doubt is `OutcomeUnknown` with those ids and is never repeated.
    #[uniffi::method(default(options = None))]
    pub async fn send(
        &self,
        request_json: String,
        options: Option<RequestOptions>,
    ) -> Result<RawResponse, InfobipError> {
        let request: infobip::sms::SmsRequest = from_json(&request_json, "request")?;
        let sent = self.inner.send_with(request, options.unwrap_or_default().into()).await?;
        answer(&sent, sent.request_id.clone())
    }

    /// One text to one destination, from `sender` when given.
    #[uniffi::method(default(sender = None))]
    pub async fn send_text(
        &self,
        to: String,
        text: String,
        sender: Option<String>,
    ) -> Result<RawResponse, InfobipError> {
        let mut request = infobip::sms::SmsRequest::text(to, text);
        if let Some(sender) = sender {
            request = request.sender(sender);
        }
        let sent = self.inner.send(request).await?;
        answer(&sent, sent.request_id.clone())
    }

    /// `GET /sms/3/text/query` (never retried); `queryJson` has the API's parameter names.
    pub async fn send_query(&self, query_json: String) -> Result<RawResponse, InfobipError> {
        let query: infobip::sms::SendQuery = from_json(&query_json, "query")?;
        let sent = self.inner.send_query(query).await?;
        answer(&sent, sent.request_id.clone())
    }

    /// `POST /sms/2/text/advanced`, with ids assigned like `send`.
    pub async fn send_v2_text(&self, request_json: String) -> Result<RawResponse, InfobipError> {
        let request: infobip::sms::LegacySendRequest = from_json(&request_json, "request")?;
        let sent = self.inner.send_v2_text(request).await?;
        answer(&sent, sent.request_id.clone())
    }

    /// `POST /sms/2/binary/advanced`, with ids assigned like `send`.
    pub async fn send_v2_binary(&self, request_json: String) -> Result<RawResponse, InfobipError> {
        let request: infobip::sms::LegacySendRequest = from_json(&request_json, "request")?;
        let sent = self.inner.send_v2_binary(request).await?;
        answer(&sent, sent.request_id.clone())
    }

    /// `GET /sms/1/reports` (consume-once); `filterJson` has the API's parameter names.
    pub async fn delivery_reports_v1(&self, filter_json: String) -> Result<RawResponse, InfobipError> {
        let filter: infobip::sms::ReportsFilter = from_json(&filter_json, "filter")?;
        answer(&self.inner.delivery_reports_v1(&filter).await?, None)
    }

    /// `GET /sms/3/reports` (consume-once); `filterJson` has the API's parameter names.
    pub async fn delivery_reports(&self, filter_json: String) -> Result<RawResponse, InfobipError> {
        let filter: infobip::sms::ReportsFilter = from_json(&filter_json, "filter")?;
        answer(&self.inner.delivery_reports(&filter).await?, None)
    }

    /// `POST /sms/1/preview`.
    pub async fn preview(&self, request_json: String) -> Result<RawResponse, InfobipError> {
        let request: infobip::sms::PreviewRequest = from_json(&request_json, "request")?;
        answer(&self.inner.preview(&request).await?, None)
    }

    /// One page of `GET /sms/3/logs`: the first with `cursor = null`, then the previous page's
    /// `cursor.nextCursor`.
    #[uniffi::method(default(cursor = None))]
    pub async fn logs_page(&self, filter_json: String, cursor: Option<String>) -> Result<RawResponse, InfobipError> {
        let given: LogsFilterJson = from_json(&filter_json, "filter")?;
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
        answer(&self.inner.logs_page(&filter, cursor.as_deref()).await?, None)
    }

    /// `GET /sms/1/inbox/reports`, at most `limit` (consume-once).
    #[uniffi::method(default(limit = None))]
    pub async fn inbound(&self, limit: Option<u32>) -> Result<RawResponse, InfobipError> {
        answer(&self.inner.inbound(limit).await?, None)
    }

    /// `GET /sms/1/bulks`.
    pub async fn bulk_schedule(&self, bulk_id: String) -> Result<RawResponse, InfobipError> {
        answer(&self.inner.bulk_schedule(&bulk_id).await?, None)
    }

    /// `PUT /sms/1/bulks`: moves a scheduled bulk to `sendAt` (any Infobip date-time form).
    pub async fn reschedule_bulk(&self, bulk_id: String, send_at: String) -> Result<RawResponse, InfobipError> {
        let when =
            date_time(Some(&send_at), "sendAt")?.ok_or_else(|| infobip::Error::validation("sendAt", "missing"))?;
        answer(&self.inner.reschedule_bulk(&bulk_id, when).await?, None)
    }

    /// `GET /sms/1/bulks/status`.
    pub async fn bulk_status(&self, bulk_id: String) -> Result<RawResponse, InfobipError> {
        answer(&self.inner.bulk_status(&bulk_id).await?, None)
    }

    /// `PUT /sms/1/bulks/status`: `PAUSED`, `PENDING` or `CANCELED`.
    pub async fn set_bulk_status(&self, bulk_id: String, status: String) -> Result<RawResponse, InfobipError> {
        answer(&self.inner.set_bulk_status(&bulk_id, status.into()).await?, None)
    }
}
