//! Sending, resending and verifying PINs, and verification status.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::sms::open_enum::open_enum;

/// Sends a PIN over SMS or voice.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SendPin {
    /// The application's id.
    #[serde(default)]
    pub application_id: String,
    /// The message template's id.
    #[serde(default)]
    pub message_id: String,
    /// The phone number.
    #[serde(default)]
    pub to: String,
    /// The sender id (overrides the template's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Values of the template's placeholders.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placeholders: Option<BTreeMap<String, String>>,
    /// Track delivery (the response then has `externalMessageId`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub track_delivery: Option<bool>,
}

impl SendPin {
    /// A PIN of `application_id` with template `message_id` to `to`.
    pub fn new(application_id: impl Into<String>, message_id: impl Into<String>, to: impl Into<String>) -> Self {
        SendPin {
            application_id: application_id.into(),
            message_id: message_id.into(),
            to: to.into(),
            ..SendPin::default()
        }
    }

    /// Sets the sender id.
    pub fn from(mut self, from: impl Into<String>) -> Self {
        self.from = Some(from.into());
        self
    }

    /// Sets a placeholder's value.
    pub fn placeholder(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.placeholders.get_or_insert_with(BTreeMap::new).insert(name.into(), value.into());
        self
    }

    /// Sets whether delivery is tracked.
    pub fn track_delivery(mut self, on: bool) -> Self {
        self.track_delivery = Some(on);
        self
    }
}

/// Sends a PIN by email.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SendEmailPin {
    /// The application's id.
    #[serde(default)]
    pub application_id: String,
    /// The email template's id.
    #[serde(default)]
    pub message_id: String,
    /// The email address.
    #[serde(default)]
    pub to: String,
    /// The sender's address (overrides the template's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Values of the template's placeholders.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placeholders: Option<BTreeMap<String, String>>,
    /// Values of the landing page's placeholders.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub landing_page_placeholders: Option<BTreeMap<String, String>>,
}

impl SendEmailPin {
    /// A PIN of `application_id` with email template `message_id` to `to`.
    pub fn new(application_id: impl Into<String>, message_id: impl Into<String>, to: impl Into<String>) -> Self {
        SendEmailPin {
            application_id: application_id.into(),
            message_id: message_id.into(),
            to: to.into(),
            ..SendEmailPin::default()
        }
    }
}

/// Resends a PIN over SMS or voice.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResendPin {
    /// Values of the template's placeholders.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placeholders: Option<BTreeMap<String, String>>,
    /// Track delivery.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub track_delivery: Option<bool>,
}

/// Resends a PIN by email.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResendEmailPin {
    /// Values of the template's placeholders.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placeholders: Option<BTreeMap<String, String>>,
    /// Values of the landing page's placeholders.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub landing_page_placeholders: Option<BTreeMap<String, String>>,
}

open_enum! {
    /// The Number Lookup result of a PIN's destination.
    NcStatus {
        /// Unknown.
        DestinationUnknown = "NC_DESTINATION_UNKNOWN",
        /// Reachable.
        DestinationReachable = "NC_DESTINATION_REACHABLE",
        /// Not reachable: the SMS is not sent.
        DestinationNotReachable = "NC_DESTINATION_NOT_REACHABLE",
        /// Number Lookup is not configured for the account.
        NotConfigured = "NC_NOT_CONFIGURED",
    }
}

open_enum! {
    /// Whether a PIN's SMS was sent.
    SmsStatus {
        /// Sent.
        MessageSent = "MESSAGE_SENT",
        /// Not sent.
        MessageNotSent = "MESSAGE_NOT_SENT",
    }
}

/// The status of a PIN's email.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EmailStatus {
    /// The status name, e.g. `PENDING_ACCEPTED`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// What it means.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// A PIN sent (over SMS, voice or email).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PinSent {
    /// The PIN's id, to verify it with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin_id: Option<String>,
    /// The destination.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// The Number Lookup result (SMS, when asked for).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nc_status: Option<NcStatus>,
    /// Whether the SMS was sent (SMS).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sms_status: Option<SmsStatus>,
    /// The call's status, e.g. `PENDING_ACCEPTED` (voice).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call_status: Option<String>,
    /// The email's status (email).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_status: Option<EmailStatus>,
    /// The message id to track delivery with (when asked for).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_message_id: Option<String>,
}

/// A PIN to verify.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct VerifyPin {
    /// The PIN the user entered.
    #[serde(default)]
    pub pin: String,
}

open_enum! {
    /// Why a PIN was not verified.
    PinError {
        /// The PIN was wrong.
        WrongPin = "WRONG_PIN",
        /// No attempts are left.
        NoMorePinAttempts = "NO_MORE_PIN_ATTEMPTS",
        /// The PIN expired.
        TtlExpired = "TTL_EXPIRED",
    }
}

/// The result of a verification. A wrong PIN is not an HTTP error: `verified` is false and
/// `pin_error` says why.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PinVerification {
    /// The PIN's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin_id: Option<String>,
    /// The number (or address) verified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub msisdn: Option<String>,
    /// Whether the PIN was right.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verified: Option<bool>,
    /// Attempts left.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attempts_remaining: Option<i32>,
    /// Why it was not verified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin_error: Option<PinError>,
}

impl PinVerification {
    /// Whether the PIN was right.
    pub fn is_verified(&self) -> bool {
        self.verified == Some(true)
    }
}

/// The verification status of a number in an application.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Verification {
    /// The number (or address).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub msisdn: Option<String>,
    /// Whether it is verified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verified: Option<bool>,
    /// When it was verified, as the API gives it (documented as epoch milliseconds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verified_at: Option<i64>,
    /// When the PIN was sent, as the API gives it (documented as epoch milliseconds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent_at: Option<i64>,
}

impl Verification {
    /// When it was verified, read from epoch milliseconds.
    pub fn verified_time(&self) -> Option<DateTime<FixedOffset>> {
        self.verified_at.and_then(|ms| crate::time::from_epoch_millis(ms).ok())
    }

    /// When the PIN was sent, read from epoch milliseconds.
    pub fn sent_time(&self) -> Option<DateTime<FixedOffset>> {
        self.sent_at.and_then(|ms| crate::time::from_epoch_millis(ms).ok())
    }
}

/// The verification statuses of a number.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Verifications {
    /// One per PIN sent.
    #[serde(default)]
    pub verifications: Vec<Verification>,
}
