//! SMS records: requests, responses, reports, logs, inbound messages, previews and bulks.
//! Each mirrors the core's model of the same name (see `convert`); all are named `Sms…`.

use serde::{Deserialize, Serialize};

/// A send (`POST /sms/3/messages`): messages, and options for all of them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct SmsRequest {
    /// The messages.
    pub messages: Vec<SmsMessage>,
    /// Options for the whole request (schedule, tracking…).
    #[uniffi(default)]
    pub options: Option<SmsSendOptions>,
}

/// One message: a content sent to one or more destinations.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct SmsMessage {
    /// The destinations.
    pub destinations: Vec<SmsDestination>,
    /// The content: text or binary.
    pub content: SmsContent,
    /// The sender id (alphanumeric or a number).
    #[uniffi(default)]
    pub sender: Option<String>,
    /// Options of this message.
    #[uniffi(default)]
    pub options: Option<SmsMessageOptions>,
    /// Where delivery reports go.
    #[uniffi(default)]
    pub webhooks: Option<SmsWebhooks>,
}

/// A destination of a message.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct SmsDestination {
    /// The phone number, international format (`41793026727`).
    pub to: String,
    /// Your id for this message; the SDK assigns one when not given.
    #[uniffi(default)]
    pub message_id: Option<String>,
    /// The network id, where required.
    #[uniffi(default)]
    pub network_id: Option<i32>,
}

/// The content of a message. Logs may hold content of another shape: `Other`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, uniffi::Enum)]
#[serde(untagged)]
pub enum SmsContent {
    /// Text.
    Text {
        /// The text.
        text: String,
        /// How the text is converted to a smaller character set (`GREEK`, `TURKISH`, …).
        #[uniffi(default)]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        transliteration: Option<String>,
        /// The national language character set.
        #[uniffi(default)]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        language: Option<SmsLanguage>,
    },
    /// Binary content.
    Binary {
        /// The bytes as space-separated hexadecimal pairs (`"0f c2 4a"`).
        hex: String,
        /// The data coding (0 = GSM 7-bit, 8 = UCS-2).
        #[uniffi(default)]
        #[serde(default, skip_serializing_if = "Option::is_none", rename = "dataCoding")]
        data_coding: Option<i32>,
        /// The ESM class.
        #[uniffi(default)]
        #[serde(default, skip_serializing_if = "Option::is_none", rename = "esmClass")]
        esm_class: Option<i32>,
    },
    /// Content of another or unknown shape (only read, in logs).
    Other {},
}

impl Default for SmsContent {
    fn default() -> Self {
        SmsContent::Other {}
    }
}

/// A national language character set for a text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct SmsLanguage {
    /// The language code (`TR`, `ES`, `PT`, `AUTODETECT`, …).
    #[uniffi(default)]
    pub language_code: Option<String>,
    /// Use the single-shift table.
    #[uniffi(default)]
    pub single_shift: Option<bool>,
    /// Use the locking-shift table.
    #[uniffi(default)]
    pub locking_shift: Option<bool>,
}

/// Delivery-report webhooks of a message.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct SmsWebhooks {
    /// Where and how delivery reports are pushed.
    #[uniffi(default)]
    pub delivery: Option<SmsDeliveryWebhook>,
    /// The content type of pushed reports (`application/json`).
    #[uniffi(default)]
    pub content_type: Option<String>,
    /// Data returned with every report of the message.
    #[uniffi(default)]
    pub callback_data: Option<String>,
}

/// The delivery-report push of a message.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct SmsDeliveryWebhook {
    /// The URL reports are pushed to.
    #[uniffi(default)]
    pub url: Option<String>,
    /// Push intermediate reports too.
    #[uniffi(default)]
    pub intermediate_report: Option<bool>,
    /// Push reports at all.
    #[uniffi(default)]
    pub notify: Option<bool>,
}

/// Options of one message.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct SmsMessageOptions {
    /// The platform (entity and application ids).
    #[uniffi(default)]
    pub platform: Option<SmsPlatform>,
    /// How long delivery is attempted.
    #[uniffi(default)]
    pub validity_period: Option<SmsValidityPeriod>,
    /// When in the week the message may be delivered.
    #[uniffi(default)]
    pub delivery_time_window: Option<SmsDeliveryTimeWindow>,
    /// Your campaign reference.
    #[uniffi(default)]
    pub campaign_reference_id: Option<String>,
    /// Country-specific data.
    #[uniffi(default)]
    pub regional: Option<SmsRegional>,
    /// Send as a flash SMS.
    #[uniffi(default)]
    pub flash: Option<bool>,
}

/// The platform a message belongs to.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct SmsPlatform {
    /// The entity id.
    #[uniffi(default)]
    pub entity_id: Option<String>,
    /// The application id.
    #[uniffi(default)]
    pub application_id: Option<String>,
}

/// A validity period.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct SmsValidityPeriod {
    /// The amount.
    pub amount: i64,
    /// `SECONDS`, `MINUTES` or `HOURS` (the API's default is minutes).
    #[uniffi(default)]
    pub time_unit: Option<String>,
}

/// Days and hours in which a message may be delivered.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct SmsDeliveryTimeWindow {
    /// Days (`MONDAY` … `SUNDAY`).
    pub days: Vec<String>,
    /// From this time of day (UTC).
    #[uniffi(default)]
    pub from: Option<SmsDeliveryTime>,
    /// Until this time of day (UTC).
    #[uniffi(default)]
    pub to: Option<SmsDeliveryTime>,
}

/// A time of day.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct SmsDeliveryTime {
    /// Hour, 0-23.
    pub hour: i32,
    /// Minute, 0-59.
    pub minute: i32,
}

/// Country-specific data of a message.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct SmsRegional {
    /// India DLT.
    #[uniffi(default)]
    pub india_dlt: Option<SmsIndiaDlt>,
    /// Turkey IYS.
    #[uniffi(default)]
    pub turkey_iys: Option<SmsTurkeyIys>,
    /// South Korea.
    #[uniffi(default)]
    pub south_korea: Option<SmsSouthKorea>,
}

/// India DLT data.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct SmsIndiaDlt {
    /// The principal entity id.
    pub principal_entity_id: String,
    /// The content template id.
    #[uniffi(default)]
    pub content_template_id: Option<String>,
    /// The telemarketer id.
    #[uniffi(default)]
    pub telemarketer_id: Option<String>,
}

/// Turkey IYS data.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct SmsTurkeyIys {
    /// `BIREYSEL` or `TACIR`.
    pub recipient_type: String,
    /// The brand code.
    #[uniffi(default)]
    pub brand_code: Option<i32>,
}

/// South Korea data.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct SmsSouthKorea {
    /// The reseller code.
    #[uniffi(default)]
    pub reseller_code: Option<i32>,
    /// The title.
    #[uniffi(default)]
    pub title: Option<String>,
}

/// Options of a whole send.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct SmsSendOptions {
    /// When and how fast to send.
    #[uniffi(default)]
    pub schedule: Option<SmsSchedule>,
    /// URL shortening and click tracking.
    #[uniffi(default)]
    pub tracking: Option<SmsUrlTracking>,
    /// Include the SMS count of each message in the response.
    #[uniffi(default)]
    pub include_sms_count_in_response: Option<bool>,
    /// Conversion tracking.
    #[uniffi(default)]
    pub conversion_tracking: Option<SmsConversionTracking>,
}

/// When and how fast a send goes out.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct SmsSchedule {
    /// The bulk id (the SDK assigns one when not given).
    #[uniffi(default)]
    pub bulk_id: Option<String>,
    /// When to send, `yyyy-MM-dd'T'HH:mm:ss.SSS+0000` (at most 180 days ahead).
    #[uniffi(default)]
    pub send_at: Option<String>,
    /// At most this many messages per time unit.
    #[uniffi(default)]
    pub sending_speed_limit: Option<SmsSpeedLimit>,
}

/// A sending speed limit.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct SmsSpeedLimit {
    /// Messages per time unit.
    pub amount: i32,
    /// `MINUTE`, `HOUR` or `DAY`.
    #[uniffi(default)]
    pub time_unit: Option<String>,
}

/// URL shortening and click tracking.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct SmsUrlTracking {
    /// Shorten URLs in the text.
    #[uniffi(default)]
    pub shorten_url: Option<bool>,
    /// Track clicks.
    #[uniffi(default)]
    pub track_clicks: Option<bool>,
    /// Where click events are pushed.
    #[uniffi(default)]
    pub tracking_url: Option<String>,
    /// Remove `http(s)://` from shortened URLs.
    #[uniffi(default)]
    pub remove_protocol: Option<bool>,
    /// Your short-URL domain.
    #[uniffi(default)]
    pub custom_domain: Option<String>,
}

/// Conversion tracking.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct SmsConversionTracking {
    /// Track conversions.
    #[uniffi(default)]
    pub use_conversion_tracking: Option<bool>,
    /// The name of the conversion.
    #[uniffi(default)]
    pub conversion_tracking_name: Option<String>,
}

/// What a send returned.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct SmsSendResponse {
    /// The bulk id.
    pub bulk_id: Option<String>,
    /// One entry per destination.
    pub messages: Vec<SmsSentMessage>,
    /// The request id the API gave.
    pub request_id: Option<String>,
}

/// One accepted message.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct SmsSentMessage {
    /// The message id.
    pub message_id: Option<String>,
    /// The status (`PENDING_ACCEPTED` …).
    pub status: Option<SmsStatus>,
    /// The destination.
    pub destination: Option<String>,
    /// Details (the SMS count when asked for).
    pub details: Option<SmsMessageDetails>,
}

/// Details of an accepted message.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct SmsMessageDetails {
    /// How many SMS the message takes.
    pub message_count: Option<i32>,
}

/// A message status.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct SmsStatus {
    /// The group id.
    pub group_id: Option<i32>,
    /// The group: `PENDING`, `UNDELIVERABLE`, `DELIVERED`, `EXPIRED`, `REJECTED`, or another.
    pub group_name: Option<String>,
    /// The status id.
    pub id: Option<i32>,
    /// The status name.
    pub name: Option<String>,
    /// The description.
    pub description: Option<String>,
    /// What to do.
    pub action: Option<String>,
}

/// A message error.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct SmsMessageError {
    /// The group id.
    pub group_id: Option<i32>,
    /// The group: `OK`, `HANDSET_ERRORS`, `USER_ERRORS`, `OPERATOR_ERRORS`, or another.
    pub group_name: Option<String>,
    /// The error id.
    pub id: Option<i32>,
    /// The error name.
    pub name: Option<String>,
    /// The description.
    pub description: Option<String>,
    /// Whether the error is permanent.
    pub permanent: Option<bool>,
}

/// A price.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct SmsPrice {
    /// Price per message.
    pub price_per_message: Option<f64>,
    /// Currency.
    pub currency: Option<String>,
}

/// A delivery report.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct SmsDeliveryReport {
    /// The bulk id.
    pub bulk_id: Option<String>,
    /// The message id.
    pub message_id: Option<String>,
    /// The destination.
    pub to: Option<String>,
    /// The sender.
    pub sender: Option<String>,
    /// When it was sent.
    pub sent_at: Option<String>,
    /// When it was done.
    pub done_at: Option<String>,
    /// How many SMS it took.
    pub message_count: Option<i32>,
    /// Mobile country and network code.
    pub mcc_mnc: Option<String>,
    /// Your callback data.
    pub callback_data: Option<String>,
    /// The price.
    pub price: Option<SmsPrice>,
    /// The status.
    pub status: Option<SmsStatus>,
    /// The error.
    pub error: Option<SmsMessageError>,
    /// The platform.
    pub platform: Option<SmsPlatform>,
    /// The campaign reference.
    pub campaign_reference_id: Option<String>,
}

/// Filters of delivery reports; all optional.
#[derive(Clone, Debug, Default, PartialEq, Serialize, uniffi::Record)]
#[serde(rename_all = "camelCase")]
pub struct SmsReportsFilter {
    /// Only reports of this bulk.
    #[uniffi(default)]
    pub bulk_id: Option<String>,
    /// Only the report of this message.
    #[uniffi(default)]
    pub message_id: Option<String>,
    /// At most this many reports (1-1000; the API's default is 50).
    #[uniffi(default)]
    pub limit: Option<u32>,
    /// Only reports of this entity.
    #[uniffi(default)]
    pub entity_id: Option<String>,
    /// Only reports of this application.
    #[uniffi(default)]
    pub application_id: Option<String>,
    /// Only reports of this campaign.
    #[uniffi(default)]
    pub campaign_reference_id: Option<String>,
}

/// A message log.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct SmsLog {
    /// The sender.
    pub sender: Option<String>,
    /// The destination.
    pub destination: Option<String>,
    /// The bulk id.
    pub bulk_id: Option<String>,
    /// The message id.
    pub message_id: Option<String>,
    /// When it was sent.
    pub sent_at: Option<String>,
    /// When it was done.
    pub done_at: Option<String>,
    /// How many SMS it took.
    pub message_count: Option<i32>,
    /// The price.
    pub price: Option<SmsPrice>,
    /// The status.
    pub status: Option<SmsStatus>,
    /// The error.
    pub error: Option<SmsMessageError>,
    /// The platform.
    pub platform: Option<SmsPlatform>,
    /// The content.
    pub content: Option<SmsContent>,
    /// The campaign reference.
    pub campaign_reference_id: Option<String>,
    /// Mobile country and network code.
    pub mcc_mnc: Option<String>,
}

/// One page of logs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct SmsLogsPage {
    /// The logs.
    pub results: Vec<SmsLog>,
    /// The cursor of the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

/// Filters of logs; all optional. Logs cover the last 48 hours.
#[derive(Clone, Debug, Default, PartialEq, uniffi::Record)]
pub struct SmsLogsFilter {
    /// Mobile country code.
    #[uniffi(default)]
    pub mcc: Option<String>,
    /// Mobile network code (needs `mcc`).
    #[uniffi(default)]
    pub mnc: Option<String>,
    /// The sender.
    #[uniffi(default)]
    pub sender: Option<String>,
    /// The destination.
    #[uniffi(default)]
    pub destination: Option<String>,
    /// Bulk ids (any of them).
    #[uniffi(default)]
    pub bulk_ids: Vec<String>,
    /// Message ids (any of them).
    #[uniffi(default)]
    pub message_ids: Vec<String>,
    /// The status group (`DELIVERED`, …).
    #[uniffi(default)]
    pub general_status: Option<String>,
    /// Sent at or after (`yyyy-MM-dd'T'HH:mm:ss.SSS+0000`).
    #[uniffi(default)]
    pub sent_since: Option<String>,
    /// Sent at or before.
    #[uniffi(default)]
    pub sent_until: Option<String>,
    /// Logs per page (1-1000; the API's default is 50).
    #[uniffi(default)]
    pub limit: Option<u32>,
    /// The entity id.
    #[uniffi(default)]
    pub entity_id: Option<String>,
    /// The application id.
    #[uniffi(default)]
    pub application_id: Option<String>,
    /// Campaign reference ids (any of them).
    #[uniffi(default)]
    pub campaign_reference_ids: Vec<String>,
}

/// An inbound message.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct SmsInboundMessage {
    /// The message id.
    pub message_id: Option<String>,
    /// The sender.
    pub from: Option<String>,
    /// Your number.
    pub to: Option<String>,
    /// The text.
    pub text: Option<String>,
    /// The text without the keyword.
    pub clean_text: Option<String>,
    /// The keyword.
    pub keyword: Option<String>,
    /// When it was received.
    pub received_at: Option<String>,
    /// How many SMS it took.
    pub sms_count: Option<i32>,
    /// The price.
    pub price: Option<SmsPrice>,
    /// Callback data.
    pub callback_data: Option<String>,
    /// The application id.
    pub application_id: Option<String>,
    /// The entity id.
    pub entity_id: Option<String>,
    /// The campaign reference.
    pub campaign_reference_id: Option<String>,
}

/// Inbound messages pulled at once.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct SmsInboundMessages {
    /// The messages.
    pub results: Vec<SmsInboundMessage>,
    /// How many were returned.
    pub message_count: Option<i32>,
    /// How many are still waiting to be pulled.
    pub pending_message_count: Option<i32>,
}

/// A text to preview.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct SmsPreviewRequest {
    /// The text.
    pub text: String,
    /// The language code.
    #[uniffi(default)]
    pub language_code: Option<String>,
    /// The transliteration.
    #[uniffi(default)]
    pub transliteration: Option<String>,
}

/// How a text is split into SMS.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct SmsPreviewResponse {
    /// The text as given.
    pub original_text: Option<String>,
    /// One preview per configuration.
    pub previews: Vec<SmsPreview>,
}

/// One preview.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct SmsPreview {
    /// The text as it will be sent.
    pub text_preview: Option<String>,
    /// How many SMS.
    pub message_count: Option<i32>,
    /// Characters left in the last SMS.
    pub characters_remaining: Option<i32>,
}

/// A text sent with query parameters (`GET /sms/3/text/query`). A bulk id is assigned when not given.
#[derive(Clone, Debug, Default, PartialEq, uniffi::Record)]
pub struct SmsSendQuery {
    /// The destinations.
    pub to: Vec<String>,
    /// The text.
    pub text: String,
    /// The bulk id.
    #[uniffi(default)]
    pub bulk_id: Option<String>,
    /// The sender.
    #[uniffi(default)]
    pub from: Option<String>,
    /// Send as a flash SMS.
    #[uniffi(default)]
    pub flash: Option<bool>,
    /// The transliteration.
    #[uniffi(default)]
    pub transliteration: Option<String>,
    /// The language code.
    #[uniffi(default)]
    pub language_code: Option<String>,
    /// Push intermediate reports.
    #[uniffi(default)]
    pub intermediate_report: Option<bool>,
    /// Where delivery reports are pushed.
    #[uniffi(default)]
    pub notify_url: Option<String>,
    /// The content type of pushed reports.
    #[uniffi(default)]
    pub notify_content_type: Option<String>,
    /// Data returned with every report.
    #[uniffi(default)]
    pub callback_data: Option<String>,
    /// Validity period in minutes.
    #[uniffi(default)]
    pub validity_period: Option<i64>,
    /// When to send (`yyyy-MM-dd'T'HH:mm:ss.SSS+0000`).
    #[uniffi(default)]
    pub send_at: Option<String>,
    /// Include the SMS count in the response.
    #[uniffi(default)]
    pub include_sms_count_in_response: Option<bool>,
}

/// When a scheduled bulk goes out.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct SmsBulkSchedule {
    /// The bulk id.
    pub bulk_id: Option<String>,
    /// When it is sent.
    pub send_at: Option<String>,
}

/// The state of a scheduled bulk.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct SmsBulkStatus {
    /// The bulk id.
    pub bulk_id: Option<String>,
    /// `PENDING`, `PAUSED`, `PROCESSING`, `CANCELED`, `FINISHED`, `FAILED`, or another.
    pub status: Option<String>,
}

/// Binary content of a v2 send.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct SmsBinaryContent {
    /// The bytes as space-separated hexadecimal pairs (`"0f c2 4a"`).
    pub hex: String,
    /// The data coding (0 = GSM 7-bit, 8 = UCS-2).
    #[uniffi(default)]
    pub data_coding: Option<i32>,
    /// The ESM class.
    #[uniffi(default)]
    pub esm_class: Option<i32>,
}

/// One message of a v2 send: `text` for `sendV2Text`, `binary` for `sendV2Binary`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct SmsLegacyMessage {
    /// The destinations.
    pub destinations: Vec<SmsDestination>,
    /// The sender id.
    #[uniffi(default)]
    pub from: Option<String>,
    /// The text (text sends).
    #[uniffi(default)]
    pub text: Option<String>,
    /// The binary content (binary sends).
    #[uniffi(default)]
    pub binary: Option<SmsBinaryContent>,
    /// Send as a flash SMS.
    #[uniffi(default)]
    pub flash: Option<bool>,
    /// The transliteration (text sends).
    #[uniffi(default)]
    pub transliteration: Option<String>,
    /// The national language character set (text sends).
    #[uniffi(default)]
    pub language: Option<SmsLanguage>,
    /// The validity period in minutes (at most 2880).
    #[uniffi(default)]
    pub validity_period: Option<i64>,
    /// When to send (`yyyy-MM-dd'T'HH:mm:ss.SSS+0000`, at most 180 days ahead).
    #[uniffi(default)]
    pub send_at: Option<String>,
    /// When in the week the message may be delivered.
    #[uniffi(default)]
    pub delivery_time_window: Option<SmsDeliveryTimeWindow>,
    /// Push intermediate reports too.
    #[uniffi(default)]
    pub intermediate_report: Option<bool>,
    /// Where delivery reports are pushed.
    #[uniffi(default)]
    pub notify_url: Option<String>,
    /// The content type of pushed reports.
    #[uniffi(default)]
    pub notify_content_type: Option<String>,
    /// Data returned with the reports.
    #[uniffi(default)]
    pub callback_data: Option<String>,
    /// Country-specific data.
    #[uniffi(default)]
    pub regional: Option<SmsRegional>,
    /// The entity id.
    #[uniffi(default)]
    pub entity_id: Option<String>,
    /// The application id.
    #[uniffi(default)]
    pub application_id: Option<String>,
    /// The campaign reference id.
    #[uniffi(default)]
    pub campaign_reference_id: Option<String>,
}

/// A v2 send (`POST /sms/2/text/advanced` or `/sms/2/binary/advanced`), for accounts that still use it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct SmsLegacySendRequest {
    /// The messages.
    pub messages: Vec<SmsLegacyMessage>,
    /// The bulk id; the SDK assigns one when not given.
    #[uniffi(default)]
    pub bulk_id: Option<String>,
    /// At most this many messages per time unit.
    #[uniffi(default)]
    pub sending_speed_limit: Option<SmsSpeedLimit>,
    /// URL shortening and click tracking (text sends).
    #[uniffi(default)]
    pub url_options: Option<SmsUrlTracking>,
    /// Return each message's SMS count (text sends).
    #[uniffi(default)]
    pub include_sms_count_in_response: Option<bool>,
}

/// One message of a v2 send's response.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct SmsLegacySentMessage {
    /// The destination.
    pub to: Option<String>,
    /// The status.
    pub status: Option<SmsStatus>,
    /// The message id.
    pub message_id: Option<String>,
    /// How many SMS it took (when asked for).
    pub sms_count: Option<i32>,
}

/// What a v2 send returned.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct SmsLegacySendResponse {
    /// The bulk id.
    pub bulk_id: Option<String>,
    /// One entry per destination.
    pub messages: Vec<SmsLegacySentMessage>,
    /// The request id the API gave.
    pub request_id: Option<String>,
}

/// A v1 delivery report (of a v2 send).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct SmsLegacyReport {
    /// The bulk id.
    pub bulk_id: Option<String>,
    /// The message id.
    pub message_id: Option<String>,
    /// The destination.
    pub to: Option<String>,
    /// The sender.
    pub from: Option<String>,
    /// When it was sent.
    pub sent_at: Option<String>,
    /// When it was done.
    pub done_at: Option<String>,
    /// How many SMS it took.
    pub sms_count: Option<i32>,
    /// Mobile country and network code.
    pub mcc_mnc: Option<String>,
    /// Your callback data.
    pub callback_data: Option<String>,
    /// The price.
    pub price: Option<SmsPrice>,
    /// The status.
    pub status: Option<SmsStatus>,
    /// The error.
    pub error: Option<SmsMessageError>,
    /// The entity id.
    pub entity_id: Option<String>,
    /// The application id.
    pub application_id: Option<String>,
    /// The campaign reference id.
    pub campaign_reference_id: Option<String>,
}
