//! Options of a message and of a whole send request.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::open_enum::open_enum;

/// The application and entity a message belongs to (CPaaS X).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Platform {
    /// The entity id (up to 255 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_id: Option<String>,
    /// The application id (up to 255 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_id: Option<String>,
}

open_enum! {
    /// The unit of a validity period.
    ValidityUnit {
        /// Seconds.
        Seconds = "SECONDS",
        /// Minutes (the API's default).
        Minutes = "MINUTES",
        /// Hours.
        Hours = "HOURS",
    }
}

/// How long the platform keeps trying to deliver a message (at most 48 hours).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ValidityPeriod {
    /// The amount of `time_unit`s.
    pub amount: i64,
    /// The unit; minutes when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_unit: Option<ValidityUnit>,
}

impl ValidityPeriod {
    /// A validity period in seconds.
    pub fn seconds(amount: i64) -> Self {
        ValidityPeriod { amount, time_unit: Some(ValidityUnit::Seconds) }
    }

    /// A validity period in minutes.
    pub fn minutes(amount: i64) -> Self {
        ValidityPeriod { amount, time_unit: Some(ValidityUnit::Minutes) }
    }

    /// A validity period in hours.
    pub fn hours(amount: i64) -> Self {
        ValidityPeriod { amount, time_unit: Some(ValidityUnit::Hours) }
    }

    /// The period in seconds, when its unit is known.
    pub fn as_seconds(&self) -> Option<i64> {
        let factor = match self.time_unit.as_ref().unwrap_or(&ValidityUnit::Minutes) {
            ValidityUnit::Seconds => 1,
            ValidityUnit::Minutes => 60,
            ValidityUnit::Hours => 3600,
            ValidityUnit::Unknown(_) => return None,
        };
        Some(self.amount.saturating_mul(factor))
    }
}

open_enum! {
    /// A day of the week.
    DeliveryDay {
        /// Monday.
        Monday = "MONDAY",
        /// Tuesday.
        Tuesday = "TUESDAY",
        /// Wednesday.
        Wednesday = "WEDNESDAY",
        /// Thursday.
        Thursday = "THURSDAY",
        /// Friday.
        Friday = "FRIDAY",
        /// Saturday.
        Saturday = "SATURDAY",
        /// Sunday.
        Sunday = "SUNDAY",
    }
}

/// A time of day, in UTC.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryTime {
    /// The hour, 0 to 23.
    pub hour: i32,
    /// The minute, 0 to 59.
    pub minute: i32,
}

impl DeliveryTime {
    /// A time of day.
    pub fn new(hour: i32, minute: i32) -> Self {
        DeliveryTime { hour, minute }
    }
}

/// The days and hours (UTC) in which a message may be delivered.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DeliveryTimeWindow {
    /// The days.
    #[serde(default)]
    pub days: Vec<DeliveryDay>,
    /// The start of the window each day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<DeliveryTime>,
    /// The end of the window each day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<DeliveryTime>,
}

impl DeliveryTimeWindow {
    /// A window on these days, all day.
    pub fn days(days: impl IntoIterator<Item = DeliveryDay>) -> Self {
        DeliveryTimeWindow { days: days.into_iter().collect(), from: None, to: None }
    }

    /// Limits the window to these hours each day.
    pub fn between(mut self, from: DeliveryTime, to: DeliveryTime) -> Self {
        self.from = Some(from);
        self.to = Some(to);
        self
    }
}

/// India DLT registration of a message.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IndiaDlt {
    /// The registered content template id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_template_id: Option<String>,
    /// The principal entity id (required).
    #[serde(default)]
    pub principal_entity_id: String,
    /// The telemarketer id (for aggregators).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub telemarketer_id: Option<String>,
}

open_enum! {
    /// The recipient type of a Turkish IYS message.
    IysRecipientType {
        /// An individual.
        Bireysel = "BIREYSEL",
        /// A merchant.
        Tacir = "TACIR",
    }
}

/// Turkey IYS options of a message.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TurkeyIys {
    /// The brand code (the account's default when not given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brand_code: Option<i32>,
    /// The recipient type (required).
    pub recipient_type: IysRecipientType,
}

/// South Korea options of a message.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SouthKorea {
    /// The reseller code (9-digit business registration number).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reseller_code: Option<i32>,
    /// The title of the message (up to 66 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// Country-specific options of a message.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Regional {
    /// India DLT.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub india_dlt: Option<IndiaDlt>,
    /// Turkey IYS.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub turkey_iys: Option<TurkeyIys>,
    /// South Korea.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub south_korea: Option<SouthKorea>,
}

/// Options of one message.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MessageOptions {
    /// The application and entity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<Platform>,
    /// How long delivery is attempted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validity_period: Option<ValidityPeriod>,
    /// When delivery may happen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_time_window: Option<DeliveryTimeWindow>,
    /// A campaign reference (up to 255 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign_reference_id: Option<String>,
    /// Country-specific options.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regional: Option<Regional>,
    /// Send as a flash SMS (shown at once, not stored).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flash: Option<bool>,
}

open_enum! {
    /// The unit of a sending speed limit.
    SpeedLimitUnit {
        /// Per minute (the API's default).
        Minute = "MINUTE",
        /// Per hour.
        Hour = "HOUR",
        /// Per day.
        Day = "DAY",
    }
}

/// How fast the messages of a bulk are sent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SendingSpeedLimit {
    /// Messages per `time_unit`.
    pub amount: i32,
    /// The unit; a minute when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_unit: Option<SpeedLimitUnit>,
}

impl SendingSpeedLimit {
    /// `amount` messages per `unit`.
    pub fn new(amount: i32, unit: SpeedLimitUnit) -> Self {
        SendingSpeedLimit { amount, time_unit: Some(unit) }
    }
}

/// Scheduling of a whole request: its bulk id, when it is sent, and how fast.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Schedule {
    /// The bulk id (up to 100 characters); the SDK assigns one when none is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bulk_id: Option<String>,
    /// When to send (at most 180 days ahead).
    #[serde(default, with = "crate::time::serde::option", skip_serializing_if = "Option::is_none")]
    pub send_at: Option<DateTime<FixedOffset>>,
    /// How fast to send.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sending_speed_limit: Option<SendingSpeedLimit>,
}

/// URL shortening and click tracking.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UrlTracking {
    /// Shorten URLs in the text (the API's default is true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shorten_url: Option<bool>,
    /// Track clicks (the API's default is true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub track_clicks: Option<bool>,
    /// Where click reports are sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracking_url: Option<String>,
    /// Remove `http(s)://` from shortened URLs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remove_protocol: Option<bool>,
    /// A custom domain for shortened URLs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_domain: Option<String>,
}

/// Conversion tracking.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConversionTracking {
    /// Whether conversions are tracked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub use_conversion_tracking: Option<bool>,
    /// The conversion type's name, e.g. `ONE_TIME_PIN`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversion_tracking_name: Option<String>,
}

/// Options of a whole send request.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SendOptions {
    /// Bulk id, scheduling and speed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule: Option<Schedule>,
    /// URL shortening and click tracking.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracking: Option<UrlTracking>,
    /// Return each message's SMS count (not for binary content).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include_sms_count_in_response: Option<bool>,
    /// Conversion tracking.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversion_tracking: Option<ConversionTracking>,
}
