//! SMS: send, preview, delivery reports, logs, inbound messages and scheduled bulks.
//!
//! ```no_run
//! # async fn demo(client: infobip::Client) -> Result<(), infobip::Error> {
//! use infobip::sms::SmsRequest;
//! let sent = client.sms().send(SmsRequest::text("41793026727", "Hello").sender("InfoSMS")).await?;
//! println!("bulk {:?}, message {:?}", sent.bulk_id, sent.messages[0].message_id);
//! # Ok(()) }
//! ```
//!
//! # Nothing lost, nothing sent twice
//!
//! Sends follow the SDK's one [send rule](crate::send): they get a bulk id and message ids
//! before they go out (yours are kept) and are never retried once they may have reached the
//! API. A send whose outcome is in doubt (a timeout after the request was written, a connection
//! cut before the answer, any 5xx, or a 2xx whose body cannot be read) fails with
//! `outcome_unknown` ([`Error::OutcomeUnknown`]) carrying those ids: look them up with
//! [`Sms::logs`] filtered by the bulk id before sending again.
//!
//! # Models
//!
//! Models read leniently: unknown fields are ignored, enums are open (an unknown value is kept
//! in `Unknown(String)`), [`Content`] may be text, binary, `{}` or a new shape, and date-times
//! are read in every offset form. They write only what was set: no `null`s, no defaults.

mod bulks;
mod content;
mod legacy;
mod logs;
pub(crate) mod open_enum;
mod options;
mod preview;
mod query;
mod reports;
mod request;
mod response;
pub mod status;
pub mod validate;

use chrono::{DateTime, TimeZone, Utc};
use http::Method;
use serde::de::DeserializeOwned;

pub use bulks::{BulkSchedule, BulkStatus, BulkStatusInfo, ConversionLogged};
pub use content::{BinaryContent, Content, Language, LanguageCode, TextContent, Transliteration};
pub use futures_util::stream::{Stream, StreamExt};
pub use legacy::{
    LegacyMessage, LegacyReport, LegacyReports, LegacySendRequest, LegacySendResponse, LegacySentMessage,
    LegacyTracking,
};
pub use logs::{CursorInfo, LogsFilter, LogsPage, SmsLog};
pub use options::{
    ConversionTracking, DeliveryDay, DeliveryTime, DeliveryTimeWindow, IndiaDlt, IysRecipientType, MessageOptions,
    Platform, Regional, Schedule, SendOptions, SendingSpeedLimit, SouthKorea, SpeedLimitUnit, TurkeyIys, UrlTracking,
    ValidityPeriod, ValidityUnit,
};
pub use preview::{Preview, PreviewConfiguration, PreviewLanguage, PreviewRequest, PreviewResponse};
pub use query::SendQuery;
pub use reports::{
    DeliveryReport, DeliveryReports, GeoLocation, InboundMessage, InboundMessages, Price, RecipientInfo, ReportsFilter,
    UrlClick,
};
pub use request::{DeliveryWebhook, Destination, SmsMessage, SmsRequest, Webhooks};
pub use response::{MessageDetails, SendResponse, SentMessage};
pub use status::{ErrorGroup, MessageError, Status, StatusGroup};

use crate::client::{Client, RequestBuilder};
use crate::config::RequestOptions;
use crate::error::Error;
use crate::http::{Query, encode_component};
use crate::reply::fetch;

/// The SMS API of a [`Client`]; get it with [`Client::sms`]. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Sms {
    pub(crate) client: Client,
}

/// Sends a request and reads its JSON body.
pub(crate) async fn call<T: DeserializeOwned>(request: RequestBuilder) -> Result<T, Error> {
    request.send().await?.json()
}

crate::reply::traced!(SendResponse, LegacySendResponse);

impl Sms {
    pub(crate) fn new(client: Client) -> Self {
        Sms { client }
    }

    fn request(&self, method: Method, path: &str) -> RequestBuilder {
        self.client.request(method.clone(), path).operation(format!("{method} {path}"))
    }

    /// Sends messages (`POST /sms/3/messages`), after checking them (see [`validate`]).
    ///
    /// Ids: a bulk id and a message id for every destination are assigned when not given.
    /// Errors: `validation` before sending; `outcome_unknown` (with the bulk id and every message
    /// id) when the send may or may not have been accepted; API errors otherwise.
    pub async fn send(&self, request: SmsRequest) -> Result<SendResponse, Error> {
        self.send_with(request, RequestOptions::new()).await
    }

    /// [`send`](Sms::send) with options for this call (e.g. a timeout). Setting
    /// `retry_non_idempotent` lets the transport repeat the send after a timeout, a lost
    /// connection or a 502-504: the ids stay the same on each attempt, but only the API's
    /// duplicate check (status `REJECTED_DUPLICATE_MESSAGE_ID`) then stands between a retry and
    /// a message sent twice.
    pub async fn send_with(&self, request: SmsRequest, options: RequestOptions) -> Result<SendResponse, Error> {
        validate::sms_request(&request, Utc::now())?;
        fetch(self.request(Method::POST, "/sms/3/messages").json(&request).options(options)).await
    }

    /// Sends a text over query parameters (`GET /sms/3/text/query`). A bulk id is assigned when
    /// none is given (the endpoint has no place for message ids). Though a GET, it is a send:
    /// never repeated once it may have been written, and a timeout or a cut connection after
    /// writing is `outcome_unknown` with the bulk id.
    pub async fn send_query(&self, query: SendQuery) -> Result<SendResponse, Error> {
        query.validate(Utc::now())?;
        fetch(self.request(Method::GET, "/sms/3/text/query").query_all(query.to_query())).await
    }

    /// Previews how a text is split into SMS (`POST /sms/1/preview`).
    pub async fn preview(&self, request: &PreviewRequest) -> Result<PreviewResponse, Error> {
        let mut check = validate::Check::default();
        check.text("text", &request.text);
        check.finish()?;
        call(self.request(Method::POST, "/sms/1/preview").json(request)).await
    }

    /// Pulls delivery reports (`GET /sms/3/reports`).
    ///
    /// **Consume-once:** the API returns each report only once, to whichever call pulls it
    /// first; a report pulled here will not be returned again (a later status change makes a
    /// new report). Use [`logs`](Sms::logs) to look messages up repeatedly. Reports cover the
    /// last 48 hours.
    pub async fn delivery_reports(&self, filter: &ReportsFilter) -> Result<DeliveryReports, Error> {
        call(self.request(Method::GET, "/sms/3/reports").query_all(filter.to_query()?)).await
    }

    /// Pulls v1 delivery reports of v2 sends (`GET /sms/1/reports`); consume-once like
    /// [`delivery_reports`](Sms::delivery_reports).
    pub async fn delivery_reports_v1(&self, filter: &ReportsFilter) -> Result<LegacyReports, Error> {
        call(self.request(Method::GET, "/sms/1/reports").query_all(filter.to_query()?)).await
    }

    /// Every log matching `filter` (`GET /sms/3/logs` with `useCursor=true`), as a stream that
    /// fetches page after page by `nextCursor` until the last page, an empty page or
    /// `filter.max_results`. An error ends the stream; a server that gives a cursor it gave
    /// before ends it with a `decode` error naming that cursor, after the logs fetched so far
    /// ([`PageGuard`](crate::paging::PageGuard)). Logs cover the last 48 hours; the API allows
    /// 120 calls a minute.
    ///
    /// ```no_run
    /// # async fn demo(client: infobip::Client) -> Result<(), infobip::Error> {
    /// use infobip::sms::{LogsFilter, StreamExt};
    /// let mut logs = std::pin::pin!(client.sms().logs(LogsFilter::new().bulk_id("my-bulk").limit(500)));
    /// while let Some(log) = logs.next().await {
    ///     println!("{:?}", log?.message_id);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn logs(&self, filter: LogsFilter) -> impl Stream<Item = Result<SmsLog, Error>> + Send + 'static {
        logs::stream(self.clone(), filter)
    }

    /// One page of logs: the first with `cursor: None`, the next with the previous page's
    /// [`next_cursor`](LogsPage::next_cursor).
    pub async fn logs_page(&self, filter: &LogsFilter, cursor: Option<&str>) -> Result<LogsPage, Error> {
        self.fetch_logs_page(filter, cursor, filter.limit).await
    }

    pub(crate) async fn fetch_logs_page(
        &self,
        filter: &LogsFilter,
        cursor: Option<&str>,
        limit: Option<u32>,
    ) -> Result<LogsPage, Error> {
        call(self.request(Method::GET, "/sms/3/logs").query_all(filter.to_query(cursor, limit)?)).await
    }

    /// Pulls inbound messages (`GET /sms/1/inbox/reports`), at most `limit` (1 to 1000; the
    /// API's default is 50). Consume-once: each message is returned only once.
    pub async fn inbound(&self, limit: Option<u32>) -> Result<InboundMessages, Error> {
        validate::check_limit(limit)?;
        let mut query = Query::new();
        query.push_opt("limit", limit);
        call(self.request(Method::GET, "/sms/1/inbox/reports").query_all(query)).await
    }

    fn bulk(&self, method: Method, path: &str, bulk_id: &str) -> Result<RequestBuilder, Error> {
        let mut check = validate::Check::default();
        check.not_empty("bulkId", bulk_id);
        check.finish()?;
        Ok(self.request(method, path).query("bulkId", bulk_id))
    }

    /// When a scheduled bulk is sent (`GET /sms/1/bulks`).
    pub async fn bulk_schedule(&self, bulk_id: &str) -> Result<BulkSchedule, Error> {
        call(self.bulk(Method::GET, "/sms/1/bulks", bulk_id)?).await
    }

    /// Moves a scheduled bulk to another time (`PUT /sms/1/bulks`; at most 180 days ahead).
    pub async fn reschedule_bulk<Tz: TimeZone>(
        &self,
        bulk_id: &str,
        send_at: DateTime<Tz>,
    ) -> Result<BulkSchedule, Error> {
        let body = BulkSchedule { bulk_id: None, send_at: Some(send_at.fixed_offset()) };
        let mut check = validate::Check::default();
        check.send_at("sendAt", body.send_at.as_ref(), Utc::now());
        check.finish()?;
        call(self.bulk(Method::PUT, "/sms/1/bulks", bulk_id)?.json(&body)).await
    }

    /// The state of a scheduled bulk (`GET /sms/1/bulks/status`).
    pub async fn bulk_status(&self, bulk_id: &str) -> Result<BulkStatusInfo, Error> {
        call(self.bulk(Method::GET, "/sms/1/bulks/status", bulk_id)?).await
    }

    /// Sets the state of a scheduled bulk (`PUT /sms/1/bulks/status`).
    pub async fn set_bulk_status(&self, bulk_id: &str, status: BulkStatus) -> Result<BulkStatusInfo, Error> {
        let body = BulkStatusInfo { bulk_id: None, status: Some(status) };
        call(self.bulk(Method::PUT, "/sms/1/bulks/status", bulk_id)?.json(&body)).await
    }

    /// Pauses a scheduled bulk.
    pub async fn pause_bulk(&self, bulk_id: &str) -> Result<BulkStatusInfo, Error> {
        self.set_bulk_status(bulk_id, BulkStatus::Paused).await
    }

    /// Resumes a paused bulk.
    pub async fn resume_bulk(&self, bulk_id: &str) -> Result<BulkStatusInfo, Error> {
        self.set_bulk_status(bulk_id, BulkStatus::Pending).await
    }

    /// Cancels a scheduled bulk.
    pub async fn cancel_bulk(&self, bulk_id: &str) -> Result<BulkStatusInfo, Error> {
        self.set_bulk_status(bulk_id, BulkStatus::Canceled).await
    }

    /// Sends text messages with the v2 API (`POST /sms/2/text/advanced`); ids and
    /// `outcome_unknown` as in [`send`](Sms::send).
    pub async fn send_v2_text(&self, request: LegacySendRequest) -> Result<LegacySendResponse, Error> {
        self.send_legacy(request, false).await
    }

    /// Sends binary messages with the v2 API (`POST /sms/2/binary/advanced`); ids and
    /// `outcome_unknown` as in [`send`](Sms::send).
    pub async fn send_v2_binary(&self, request: LegacySendRequest) -> Result<LegacySendResponse, Error> {
        self.send_legacy(request, true).await
    }

    async fn send_legacy(&self, request: LegacySendRequest, binary: bool) -> Result<LegacySendResponse, Error> {
        request.validate(binary, Utc::now())?;
        let path = if binary { "/sms/2/binary/advanced" } else { "/sms/2/text/advanced" };
        fetch(self.request(Method::POST, path).json(&request)).await
    }

    /// Reports a conversion of a message sent with conversion tracking
    /// (`POST /ct/1/log/end/{messageId}`).
    pub async fn log_conversion(&self, message_id: &str) -> Result<ConversionLogged, Error> {
        let mut check = validate::Check::default();
        check.not_empty("messageId", message_id);
        check.finish()?;
        let path = format!("/ct/1/log/end/{}", encode_component(message_id));
        call(self.client.request(Method::POST, path).operation("POST /ct/1/log/end/{messageId}")).await
    }
}
