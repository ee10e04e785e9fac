//! The v2 sends (`POST /sms/2/text/advanced`, `POST /sms/2/binary/advanced`) and the v1
//! reports and logs, for accounts that still use them. New code should use the v3 send.

use chrono::{DateTime, FixedOffset, Utc};
use serde::{Deserialize, Serialize};

use super::content::{BinaryContent, Language, Transliteration};
use super::options::{DeliveryTimeWindow, Regional, SendingSpeedLimit, UrlTracking};
use super::reports::Price;
use super::request::Destination;
use super::status::{MessageError, Status};
use super::validate::{self, Check};
use crate::error::Error;

/// One message of a v2 send: text (for `/sms/2/text/advanced`) or binary (for
/// `/sms/2/binary/advanced`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LegacyMessage {
    /// The sender id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// The destinations.
    #[serde(default)]
    pub destinations: Vec<Destination>,
    /// The text (text sends).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The binary content (binary sends).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub binary: Option<BinaryContent>,
    /// Send as flash SMS.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flash: Option<bool>,
    /// The transliteration (text sends).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transliteration: Option<Transliteration>,
    /// The language (text sends).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
    /// The validity period in minutes (at most 2880).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validity_period: Option<i64>,
    /// When to send (at most 180 days ahead).
    #[serde(default, with = "crate::time::serde::option", skip_serializing_if = "Option::is_none")]
    pub send_at: Option<DateTime<FixedOffset>>,
    /// When delivery may happen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_time_window: Option<DeliveryTimeWindow>,
    /// Push intermediate delivery reports too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intermediate_report: Option<bool>,
    /// Where delivery reports are pushed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notify_url: Option<String>,
    /// The content type of pushed reports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notify_content_type: Option<String>,
    /// Data returned with the reports (up to 4000 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub callback_data: Option<String>,
    /// Country-specific options.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regional: Option<Regional>,
    /// The entity id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_id: Option<String>,
    /// The application id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_id: Option<String>,
    /// The campaign reference id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign_reference_id: Option<String>,
}

impl LegacyMessage {
    /// A text message to one destination.
    pub fn text(to: impl Into<String>, text: impl Into<String>) -> Self {
        LegacyMessage { destinations: vec![Destination::to(to)], text: Some(text.into()), ..LegacyMessage::default() }
    }

    /// A binary message to one destination.
    pub fn binary(to: impl Into<String>, binary: BinaryContent) -> Self {
        LegacyMessage { destinations: vec![Destination::to(to)], binary: Some(binary), ..LegacyMessage::default() }
    }
}

/// Conversion tracking of a v2 send.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LegacyTracking {
    /// Custom base URL of shortened links.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
    /// The process key of the conversion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub process_key: Option<String>,
    /// What is tracked: `SMS` or `URL`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub track: Option<String>,
    /// The conversion type, e.g. `ONE_TIME_PIN`.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

/// A v2 send request.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LegacySendRequest {
    /// The bulk id; the SDK assigns one when none is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bulk_id: Option<String>,
    /// The messages.
    #[serde(default)]
    pub messages: Vec<LegacyMessage>,
    /// How fast to send.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sending_speed_limit: Option<SendingSpeedLimit>,
    /// URL shortening and click tracking (text sends).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url_options: Option<UrlTracking>,
    /// Conversion tracking (text sends).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracking: Option<LegacyTracking>,
    /// Return each message's SMS count (text sends).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include_sms_count_in_response: Option<bool>,
}

impl LegacySendRequest {
    /// A request of these messages.
    pub fn new(messages: impl IntoIterator<Item = LegacyMessage>) -> Self {
        LegacySendRequest { messages: messages.into_iter().collect(), ..LegacySendRequest::default() }
    }

    /// Checks the request for the text (`binary == false`) or the binary endpoint.
    pub(crate) fn validate(&self, binary: bool, now: DateTime<Utc>) -> Result<(), Error> {
        let mut check = Check::default();
        if self.messages.is_empty() {
            check.add("messages", "at least one message is needed");
        }
        check.max_chars("bulkId", self.bulk_id.as_deref(), validate::MAX_BULK_ID_CHARS);
        check.total_destinations("messages", self.messages.iter().map(|m| m.destinations.len()).sum());
        for (i, m) in self.messages.iter().enumerate() {
            let path = format!("messages[{i}]");
            check.destinations(&path, &m.destinations);
            match (binary, &m.text, &m.binary) {
                (false, Some(text), None) => check.text(&format!("{path}.text"), text),
                (true, None, Some(content)) => check.not_empty(&format!("{path}.binary.hex"), &content.hex),
                (_, Some(_), Some(_)) => check.add(path.clone(), "has both text and binary content; give one"),
                (false, _, _) => check.add(format!("{path}.text"), "is needed for a text send"),
                (true, _, _) => check.add(format!("{path}.binary"), "is needed for a binary send"),
            }
            check.validity_seconds(&format!("{path}.validityPeriod"), m.validity_period.map(|v| v.saturating_mul(60)));
            check.send_at(&format!("{path}.sendAt"), m.send_at.as_ref(), now);
            check.url(&format!("{path}.notifyUrl"), m.notify_url.as_deref());
            check.max_chars(
                &format!("{path}.callbackData"),
                m.callback_data.as_deref(),
                validate::MAX_CALLBACK_DATA_CHARS,
            );
        }
        check.finish()
    }
}

/// One message of a v2 send response.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LegacySentMessage {
    /// The destination.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// Its status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// The message id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
    /// How many SMS it took (when asked for).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sms_count: Option<i32>,
}

/// The response of a v2 send (and of the deprecated `GET /sms/1/text/query`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LegacySendResponse {
    /// The bulk id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bulk_id: Option<String>,
    /// One entry per destination.
    #[serde(default)]
    pub messages: Vec<LegacySentMessage>,
    /// The request id the API gave (`X-Request-Id`); not part of the body.
    #[serde(skip)]
    pub request_id: Option<String>,
}

/// A v1 delivery report (`GET /sms/1/reports`, and the push for v2 sends), or a v1 log
/// (`GET /sms/1/logs`, deprecated), which has the same fields plus `text`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LegacyReport {
    /// The bulk id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bulk_id: Option<String>,
    /// The message id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
    /// The destination.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// The sender.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// The text (logs only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// When it was sent.
    #[serde(default, with = "crate::time::serde::option", skip_serializing_if = "Option::is_none")]
    pub sent_at: Option<DateTime<FixedOffset>>,
    /// When its status became what it is.
    #[serde(default, with = "crate::time::serde::option", skip_serializing_if = "Option::is_none")]
    pub done_at: Option<DateTime<FixedOffset>>,
    /// How many SMS it took.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sms_count: Option<i32>,
    /// The mobile country and network code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mcc_mnc: Option<String>,
    /// The callback data given with the message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub callback_data: Option<String>,
    /// What it cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<Price>,
    /// Its status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// Its error, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<MessageError>,
    /// The entity id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_id: Option<String>,
    /// The application id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_id: Option<String>,
    /// The campaign reference id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign_reference_id: Option<String>,
}

/// A batch of v1 reports or logs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LegacyReports {
    /// The reports.
    #[serde(default)]
    pub results: Vec<LegacyReport>,
}
