//! 2FA message templates: the text (SMS, voice) or email a PIN is sent with.

use serde::{Deserialize, Serialize};

use crate::sms::open_enum::open_enum;

open_enum! {
    /// The characters a PIN is made of.
    PinType {
        /// Digits.
        Numeric = "NUMERIC",
        /// Letters.
        Alpha = "ALPHA",
        /// Hexadecimal digits.
        Hex = "HEX",
        /// Letters and digits.
        Alphanumeric = "ALPHANUMERIC",
    }
}

/// India DLT options of a 2FA template.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TemplateIndiaDlt {
    /// The registered content template id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_template_id: Option<String>,
    /// The principal entity id (required).
    #[serde(default)]
    pub principal_entity_id: String,
    /// The telemarketer id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tele_marketer_id: Option<String>,
}

/// Country-specific options of a 2FA template.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TemplateRegional {
    /// India DLT.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub india_dlt: Option<TemplateIndiaDlt>,
}

/// An SMS or voice template to create or update. Creating needs `pin_type` and a
/// `message_text` containing `{{pin}}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TemplateRequest {
    /// The PIN's characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin_type: Option<PinType>,
    /// The text, with `{{pin}}` and optionally other `{{placeholders}}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_text: Option<String>,
    /// The PIN's length.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin_length: Option<i32>,
    /// The language of a voice message, e.g. `en`, `pt_br`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The sender id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender_id: Option<String>,
    /// The DTMF a callee presses to hear the PIN again, e.g. `1#`.
    #[serde(default, rename = "repeatDTMF", skip_serializing_if = "Option::is_none")]
    pub repeat_dtmf: Option<String>,
    /// The speech rate of a voice message (0.5 to 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speech_rate: Option<f64>,
    /// The voice of a voice message, e.g. `Joanna`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice_name: Option<String>,
    /// Country-specific options.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regional: Option<TemplateRegional>,
}

impl TemplateRequest {
    /// A template of this PIN type and text (which must contain `{{pin}}`).
    pub fn new(pin_type: PinType, message_text: impl Into<String>) -> Self {
        TemplateRequest {
            pin_type: Some(pin_type),
            message_text: Some(message_text.into()),
            ..TemplateRequest::default()
        }
    }

    /// Sets the PIN length.
    pub fn pin_length(mut self, length: i32) -> Self {
        self.pin_length = Some(length);
        self
    }

    /// Sets the sender id.
    pub fn sender_id(mut self, sender: impl Into<String>) -> Self {
        self.sender_id = Some(sender.into());
        self
    }
}

/// An email template to create or update. Creating needs `email_template_id`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EmailTemplateRequest {
    /// The PIN's characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin_type: Option<PinType>,
    /// The PIN's length.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin_length: Option<i32>,
    /// The sender's address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// The id of the email template (made in the web interface).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_template_id: Option<i64>,
    /// The id of the landing page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub landing_page_id: Option<String>,
}

/// A message template (SMS, voice or email).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MessageTemplate {
    /// The template's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
    /// The application's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_id: Option<String>,
    /// The placeholder the PIN replaces, e.g. `{{pin}}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin_placeholder: Option<String>,
    /// The text (SMS and voice).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_text: Option<String>,
    /// The PIN's length.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin_length: Option<i32>,
    /// The PIN's characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin_type: Option<PinType>,
    /// The language (voice).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The voice (voice).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice_name: Option<String>,
    /// The sender id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender_id: Option<String>,
    /// The DTMF to repeat the PIN (voice).
    #[serde(default, rename = "repeatDTMF", skip_serializing_if = "Option::is_none")]
    pub repeat_dtmf: Option<String>,
    /// The speech rate (voice).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speech_rate: Option<f64>,
    /// Country-specific options.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regional: Option<TemplateRegional>,
    /// The sender's address (email).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// The email template's id (email).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_template_id: Option<i64>,
    /// The landing page's id (email).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub landing_page_id: Option<String>,
}
