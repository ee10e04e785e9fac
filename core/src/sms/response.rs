//! The response of a send.

use serde::{Deserialize, Serialize};

use super::status::Status;

/// Details of one sent message.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MessageDetails {
    /// How many SMS the message was split into (when asked for).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_count: Option<i32>,
}

/// One message of a send response.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SentMessage {
    /// The message id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
    /// Its status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// The destination.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination: Option<String>,
    /// Details, such as the SMS count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<MessageDetails>,
}

impl SentMessage {
    /// How many SMS the message was split into, when the request asked for it.
    pub fn message_count(&self) -> Option<i32> {
        self.details.as_ref()?.message_count
    }
}

/// The response of `POST /sms/3/messages` and `GET /sms/3/text/query`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SendResponse {
    /// The bulk id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bulk_id: Option<String>,
    /// One entry per destination.
    #[serde(default)]
    pub messages: Vec<SentMessage>,
    /// The request id the API gave (`X-Request-Id`); not part of the body.
    #[serde(skip)]
    pub request_id: Option<String>,
}
