//! Delivery reports (pulled or pushed), inbound messages and URL click reports.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::options::Platform;
use super::status::{MessageError, Status};
use crate::error::Error;
use crate::http::Query;

/// What a message cost.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Price {
    /// The price of one message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price_per_message: Option<f64>,
    /// The currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
}

/// A delivery report of a message sent with `POST /sms/3/messages`, pulled from
/// `GET /sms/3/reports` or pushed to a webhook.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeliveryReport {
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
    pub sender: Option<String>,
    /// When it was sent.
    #[serde(default, with = "crate::time::serde::option", skip_serializing_if = "Option::is_none")]
    pub sent_at: Option<DateTime<FixedOffset>>,
    /// When its status became what it is.
    #[serde(default, with = "crate::time::serde::option", skip_serializing_if = "Option::is_none")]
    pub done_at: Option<DateTime<FixedOffset>>,
    /// How many SMS it took.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_count: Option<i32>,
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
    /// The application and entity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<Platform>,
    /// The campaign reference id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign_reference_id: Option<String>,
}

/// A batch of delivery reports.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DeliveryReports {
    /// The reports.
    #[serde(default)]
    pub results: Vec<DeliveryReport>,
}

/// Filters of `GET /sms/3/reports` (and the v1 reports). Reads from JSON with the API's names
/// (`{"bulkId": "…", "limit": 10}`, what the bindings pass); an unknown name is refused.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ReportsFilter {
    /// Only reports of this bulk.
    pub bulk_id: Option<String>,
    /// Only the report of this message.
    pub message_id: Option<String>,
    /// At most this many reports (the API's default is 50, the maximum 1000).
    pub limit: Option<u32>,
    /// Only reports of this entity.
    pub entity_id: Option<String>,
    /// Only reports of this application.
    pub application_id: Option<String>,
    /// Only reports of this campaign.
    pub campaign_reference_id: Option<String>,
}

impl ReportsFilter {
    /// No filter: the latest reports.
    pub fn new() -> Self {
        ReportsFilter::default()
    }

    /// Only reports of this bulk.
    pub fn bulk_id(mut self, id: impl Into<String>) -> Self {
        self.bulk_id = Some(id.into());
        self
    }

    /// Only the report of this message.
    pub fn message_id(mut self, id: impl Into<String>) -> Self {
        self.message_id = Some(id.into());
        self
    }

    /// At most this many reports (1 to 1000).
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Only reports of this entity.
    pub fn entity_id(mut self, id: impl Into<String>) -> Self {
        self.entity_id = Some(id.into());
        self
    }

    /// Only reports of this application.
    pub fn application_id(mut self, id: impl Into<String>) -> Self {
        self.application_id = Some(id.into());
        self
    }

    /// Only reports of this campaign.
    pub fn campaign_reference_id(mut self, id: impl Into<String>) -> Self {
        self.campaign_reference_id = Some(id.into());
        self
    }

    pub(crate) fn to_query(&self) -> Result<Query, Error> {
        super::validate::check_limit(self.limit)?;
        let mut query = Query::new();
        query
            .push_opt("bulkId", self.bulk_id.as_deref())
            .push_opt("messageId", self.message_id.as_deref())
            .push_opt("limit", self.limit)
            .push_opt("entityId", self.entity_id.as_deref())
            .push_opt("applicationId", self.application_id.as_deref())
            .push_opt("campaignReferenceId", self.campaign_reference_id.as_deref());
        Ok(query)
    }
}

/// An inbound (mobile-originated) message.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InboundMessage {
    /// The message id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
    /// The sender's number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Your number that received it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// The full text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The text without the keyword.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clean_text: Option<String>,
    /// The keyword, if the text started with a registered one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keyword: Option<String>,
    /// When it was received.
    #[serde(default, with = "crate::time::serde::option", skip_serializing_if = "Option::is_none")]
    pub received_at: Option<DateTime<FixedOffset>>,
    /// How many SMS it took.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sms_count: Option<i32>,
    /// What it cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<Price>,
    /// Callback data of the number's configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub callback_data: Option<String>,
    /// The application id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_id: Option<String>,
    /// The entity id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_id: Option<String>,
    /// The campaign reference id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign_reference_id: Option<String>,
}

/// A batch of inbound messages (`GET /sms/1/inbox/reports` and the `MO_JSON_2` push).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InboundMessages {
    /// The messages.
    #[serde(default)]
    pub results: Vec<InboundMessage>,
    /// How many are in this batch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_count: Option<i32>,
    /// How many are still waiting to be pulled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending_message_count: Option<i32>,
}

/// The device that clicked a tracked URL.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RecipientInfo {
    /// The device type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_type: Option<String>,
    /// The operating system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub os: Option<String>,
    /// The device name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_name: Option<String>,
}

/// Where a tracked URL was clicked.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GeoLocation {
    /// The country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_name: Option<String>,
    /// The city.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
}

/// A URL click report, pushed when a recipient opens a tracked link.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UrlClick {
    /// The notification type, e.g. `CLICKED`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notification_type: Option<String>,
    /// The recipient's number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<String>,
    /// The URL clicked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When the message was sent, in epoch milliseconds (see [`UrlClick::sent_at`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub send_date_time: Option<i64>,
    /// The message id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
    /// The bulk id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bulk_id: Option<String>,
    /// The callback data given with the message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub callback_data: Option<String>,
    /// The device.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient_info: Option<RecipientInfo>,
    /// The location.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geo_location_info: Option<GeoLocation>,
    /// The application id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_id: Option<String>,
    /// The entity id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_id: Option<String>,
}

impl UrlClick {
    /// When the message was sent, read from epoch milliseconds.
    pub fn sent_at(&self) -> Option<DateTime<FixedOffset>> {
        self.send_date_time.and_then(|ms| crate::time::from_epoch_millis(ms).ok())
    }
}
