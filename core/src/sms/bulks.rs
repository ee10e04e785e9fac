//! Scheduled bulks (`/sms/1/bulks`, `/sms/1/bulks/status`).

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::open_enum::open_enum;

open_enum! {
    /// The state of a scheduled bulk.
    BulkStatus {
        /// Waiting for its time.
        Pending = "PENDING",
        /// Paused; resume it by setting `PENDING`.
        Paused = "PAUSED",
        /// Being sent.
        Processing = "PROCESSING",
        /// Canceled.
        Canceled = "CANCELED",
        /// Sent.
        Finished = "FINISHED",
        /// Failed.
        Failed = "FAILED",
    }
}

/// When a scheduled bulk is sent (the body of `GET` and `PUT /sms/1/bulks`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BulkSchedule {
    /// The bulk id (responses only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bulk_id: Option<String>,
    /// When it is sent.
    #[serde(default, with = "crate::time::serde::option", skip_serializing_if = "Option::is_none")]
    pub send_at: Option<DateTime<FixedOffset>>,
}

/// The state of a scheduled bulk (the body of `GET` and `PUT /sms/1/bulks/status`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BulkStatusInfo {
    /// The bulk id (responses only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bulk_id: Option<String>,
    /// Its state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<BulkStatus>,
}

/// The answer to a conversion report (`POST /ct/1/log/end/{messageId}`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConversionLogged {
    /// The process key of the conversion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub process_key: Option<String>,
}
