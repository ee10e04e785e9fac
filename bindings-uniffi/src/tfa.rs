//! `TfaApi`: the core's 2FA calls (`client.tfa()`), and their records, all named `Tfa…`.

use std::collections::HashMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::convert::{from_core, into_core};
use crate::error::{InfobipError, guarded};

/// The 2FA API of a client: `client.tfa()`.
#[derive(Debug, uniffi::Object)]
pub struct TfaApi {
    inner: infobip::tfa::Tfa,
}

impl TfaApi {
    pub(crate) fn new(client: &infobip::Client) -> Arc<Self> {
        Arc::new(TfaApi { inner: client.tfa() })
    }
}

#[uniffi::export(async_runtime = "tokio")]
impl TfaApi {
    /// Every 2FA application.
    pub async fn applications(&self) -> Result<Vec<TfaApplication>, InfobipError> {
        guarded(async move { from_core(&self.inner.applications().await?) }).await
    }

    /// One application.
    pub async fn application(&self, app_id: String) -> Result<TfaApplication, InfobipError> {
        guarded(async move { from_core(&self.inner.application(&app_id).await?) }).await
    }

    /// Creates an application.
    pub async fn create_application(&self, request: TfaApplicationRequest) -> Result<TfaApplication, InfobipError> {
        guarded(async move {
            let core: infobip::tfa::ApplicationRequest = into_core(&request, "request")?;
            from_core(&self.inner.create_application(&core).await?)
        })
        .await
    }

    /// Updates an application.
    pub async fn update_application(
        &self,
        app_id: String,
        request: TfaApplicationRequest,
    ) -> Result<TfaApplication, InfobipError> {
        guarded(async move {
            let core: infobip::tfa::ApplicationRequest = into_core(&request, "request")?;
            from_core(&self.inner.update_application(&app_id, &core).await?)
        })
        .await
    }

    /// The message templates of an application.
    pub async fn templates(&self, app_id: String) -> Result<Vec<TfaMessageTemplate>, InfobipError> {
        guarded(async move { from_core(&self.inner.templates(&app_id).await?) }).await
    }

    /// One message template.
    pub async fn template(&self, app_id: String, msg_id: String) -> Result<TfaMessageTemplate, InfobipError> {
        guarded(async move { from_core(&self.inner.template(&app_id, &msg_id).await?) }).await
    }

    /// Creates an SMS or voice message template; its text contains `{{pin}}`.
    pub async fn create_template(
        &self,
        app_id: String,
        request: TfaTemplateRequest,
    ) -> Result<TfaMessageTemplate, InfobipError> {
        guarded(async move {
            let core: infobip::tfa::TemplateRequest = into_core(&request, "request")?;
            from_core(&self.inner.create_template(&app_id, &core).await?)
        })
        .await
    }

    /// Updates a message template.
    pub async fn update_template(
        &self,
        app_id: String,
        msg_id: String,
        request: TfaTemplateRequest,
    ) -> Result<TfaMessageTemplate, InfobipError> {
        guarded(async move {
            let core: infobip::tfa::TemplateRequest = into_core(&request, "request")?;
            from_core(&self.inner.update_template(&app_id, &msg_id, &core).await?)
        })
        .await
    }

    /// Creates an email message template (`emailTemplateId` is required).
    pub async fn create_email_template(
        &self,
        app_id: String,
        request: TfaEmailTemplateRequest,
    ) -> Result<TfaMessageTemplate, InfobipError> {
        guarded(async move {
            let core: infobip::tfa::EmailTemplateRequest = into_core(&request, "request")?;
            from_core(&self.inner.create_email_template(&app_id, &core).await?)
        })
        .await
    }

    /// Updates an email message template.
    pub async fn update_email_template(
        &self,
        app_id: String,
        msg_id: String,
        request: TfaEmailTemplateRequest,
    ) -> Result<TfaMessageTemplate, InfobipError> {
        guarded(async move {
            let core: infobip::tfa::EmailTemplateRequest = into_core(&request, "request")?;
            from_core(&self.inner.update_email_template(&app_id, &msg_id, &core).await?)
        })
        .await
    }

    /// Sends a PIN by email, with an email template of the application.
    pub async fn send_pin_email(&self, request: TfaSendEmailPinRequest) -> Result<TfaPinSent, InfobipError> {
        guarded(async move {
            let core: infobip::tfa::SendEmailPin = into_core(&request, "request")?;
            from_core(&self.inner.send_pin_email(&core).await?)
        })
        .await
    }

    /// Sends the PIN of `pin_id` again by email.
    pub async fn resend_pin_email(
        &self,
        pin_id: String,
        request: TfaResendEmailPinRequest,
    ) -> Result<TfaPinSent, InfobipError> {
        guarded(async move {
            let core: infobip::tfa::ResendEmailPin = into_core(&request, "request")?;
            from_core(&self.inner.resend_pin_email(&pin_id, &core).await?)
        })
        .await
    }

    /// Sends a PIN by SMS; `ncNeeded` asks for a Number Lookup first.
    #[uniffi::method(default(nc_needed = None))]
    pub async fn send_pin_sms(
        &self,
        request: TfaSendPinRequest,
        nc_needed: Option<bool>,
    ) -> Result<TfaPinSent, InfobipError> {
        guarded(async move {
            let core: infobip::tfa::SendPin = into_core(&request, "request")?;
            from_core(&self.inner.send_pin_sms(&core, nc_needed).await?)
        })
        .await
    }

    /// Sends a PIN by voice call.
    pub async fn send_pin_voice(&self, request: TfaSendPinRequest) -> Result<TfaPinSent, InfobipError> {
        guarded(async move {
            let core: infobip::tfa::SendPin = into_core(&request, "request")?;
            from_core(&self.inner.send_pin_voice(&core).await?)
        })
        .await
    }

    /// Sends the PIN of `pin_id` again by SMS.
    pub async fn resend_pin_sms(
        &self,
        pin_id: String,
        request: TfaResendPinRequest,
    ) -> Result<TfaPinSent, InfobipError> {
        guarded(async move {
            let core: infobip::tfa::ResendPin = into_core(&request, "request")?;
            from_core(&self.inner.resend_pin_sms(&pin_id, &core).await?)
        })
        .await
    }

    /// Sends the PIN of `pin_id` again by voice call.
    pub async fn resend_pin_voice(
        &self,
        pin_id: String,
        request: TfaResendPinRequest,
    ) -> Result<TfaPinSent, InfobipError> {
        guarded(async move {
            let core: infobip::tfa::ResendPin = into_core(&request, "request")?;
            from_core(&self.inner.resend_pin_voice(&pin_id, &core).await?)
        })
        .await
    }

    /// Verifies a PIN.
    pub async fn verify_pin(&self, pin_id: String, pin: String) -> Result<TfaPinVerification, InfobipError> {
        guarded(async move { from_core(&self.inner.verify_pin(&pin_id, &pin).await?) }).await
    }

    /// The verification status of a phone number in an application.
    #[uniffi::method(default(verified = None, sent = None))]
    pub async fn verifications(
        &self,
        app_id: String,
        msisdn: String,
        verified: Option<bool>,
        sent: Option<bool>,
    ) -> Result<Vec<TfaVerification>, InfobipError> {
        guarded(
            async move { from_core(&self.inner.verifications(&app_id, &msisdn, verified, sent).await?.verifications) },
        )
        .await
    }
}

/// The configuration of a 2FA application.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct TfaApplicationConfiguration {
    /// Verification attempts per PIN.
    #[uniffi(default)]
    pub pin_attempts: Option<i32>,
    /// Allow verifying a PIN more than once.
    #[uniffi(default)]
    pub allow_multiple_pin_verifications: Option<bool>,
    /// How long a PIN lives (`15m`).
    #[uniffi(default)]
    pub pin_time_to_live: Option<String>,
    /// Verification rate limit (`1/3s`).
    #[uniffi(default)]
    pub verify_pin_limit: Option<String>,
    /// Sends per application (`100/1d`).
    #[uniffi(default)]
    pub send_pin_per_application_limit: Option<String>,
    /// Sends per phone number (`10/1d`).
    #[uniffi(default)]
    pub send_pin_per_phone_number_limit: Option<String>,
}

/// A 2FA application to create or update.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct TfaApplicationRequest {
    /// The name.
    pub name: String,
    /// Whether it is enabled.
    #[uniffi(default)]
    pub enabled: Option<bool>,
    /// The configuration.
    #[uniffi(default)]
    pub configuration: Option<TfaApplicationConfiguration>,
}

/// A 2FA application.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct TfaApplication {
    /// The application id.
    pub application_id: Option<String>,
    /// The name.
    pub name: Option<String>,
    /// The configuration.
    pub configuration: Option<TfaApplicationConfiguration>,
    /// Whether it is enabled.
    pub enabled: Option<bool>,
}

/// India DLT data of a template.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct TfaTemplateIndiaDlt {
    /// The principal entity id.
    pub principal_entity_id: String,
    /// The content template id.
    #[uniffi(default)]
    pub content_template_id: Option<String>,
    /// The telemarketer id.
    #[uniffi(default)]
    pub tele_marketer_id: Option<String>,
}

/// Country-specific data of a template.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct TfaTemplateRegional {
    /// India DLT.
    #[uniffi(default)]
    pub india_dlt: Option<TfaTemplateIndiaDlt>,
}

/// An SMS or voice message template to create or update.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct TfaTemplateRequest {
    /// `NUMERIC`, `ALPHA`, `HEX` or `ALPHANUMERIC`.
    #[uniffi(default)]
    pub pin_type: Option<String>,
    /// The text, with `{{pin}}` where the PIN goes.
    #[uniffi(default)]
    pub message_text: Option<String>,
    /// The PIN length.
    #[uniffi(default)]
    pub pin_length: Option<i32>,
    /// The language (`en`).
    #[uniffi(default)]
    pub language: Option<String>,
    /// The sender id.
    #[uniffi(default)]
    pub sender_id: Option<String>,
    /// Voice: the DTMF key that repeats the message.
    #[uniffi(default)]
    pub repeat_dtmf: Option<String>,
    /// Voice: the speech rate.
    #[uniffi(default)]
    pub speech_rate: Option<f64>,
    /// Voice: the voice.
    #[uniffi(default)]
    pub voice_name: Option<String>,
    /// Country-specific data.
    #[uniffi(default)]
    pub regional: Option<TfaTemplateRegional>,
}

/// A message template.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct TfaMessageTemplate {
    /// The template's id (the `messageId` of PIN sends).
    pub message_id: Option<String>,
    /// The application id.
    pub application_id: Option<String>,
    /// The PIN placeholder.
    pub pin_placeholder: Option<String>,
    /// The text.
    pub message_text: Option<String>,
    /// The PIN length.
    pub pin_length: Option<i32>,
    /// The PIN type.
    pub pin_type: Option<String>,
    /// The language.
    pub language: Option<String>,
    /// Voice: the voice.
    pub voice_name: Option<String>,
    /// The sender id.
    pub sender_id: Option<String>,
    /// Voice: the repeat key.
    pub repeat_dtmf: Option<String>,
    /// Voice: the speech rate.
    pub speech_rate: Option<f64>,
    /// Country-specific data.
    pub regional: Option<TfaTemplateRegional>,
    /// Email: the sender.
    pub from: Option<String>,
    /// Email: the template id.
    pub email_template_id: Option<i64>,
    /// Email: the landing page id.
    pub landing_page_id: Option<String>,
}

/// A PIN to send by SMS or voice.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct TfaSendPinRequest {
    /// The application id.
    pub application_id: String,
    /// The message template id.
    pub message_id: String,
    /// The phone number.
    pub to: String,
    /// The sender.
    #[uniffi(default)]
    pub from: Option<String>,
    /// Values of the template's placeholders.
    #[uniffi(default)]
    pub placeholders: Option<HashMap<String, String>>,
    /// Track delivery.
    #[uniffi(default)]
    pub track_delivery: Option<bool>,
}

/// A PIN to send again.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct TfaResendPinRequest {
    /// Values of the template's placeholders.
    #[uniffi(default)]
    pub placeholders: Option<HashMap<String, String>>,
    /// Track delivery.
    #[uniffi(default)]
    pub track_delivery: Option<bool>,
}

/// A PIN sent.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct TfaPinSent {
    /// The PIN id, for verifying.
    pub pin_id: Option<String>,
    /// The phone number.
    pub to: Option<String>,
    /// The Number Lookup status (`NC_DESTINATION_REACHABLE` …).
    pub nc_status: Option<String>,
    /// `MESSAGE_SENT` or `MESSAGE_NOT_SENT`.
    pub sms_status: Option<String>,
    /// The call status (voice).
    pub call_status: Option<String>,
    /// The email status (email).
    pub email_status: Option<TfaEmailStatus>,
    /// The external message id.
    pub external_message_id: Option<String>,
}

/// The result of a verification.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct TfaPinVerification {
    /// The PIN id.
    pub pin_id: Option<String>,
    /// The phone number.
    pub msisdn: Option<String>,
    /// Whether the PIN was right.
    pub verified: Option<bool>,
    /// Attempts left.
    pub attempts_remaining: Option<i32>,
    /// `WRONG_PIN`, `NO_MORE_PIN_ATTEMPTS`, `TTL_EXPIRED`, or another.
    pub pin_error: Option<String>,
}

/// The verification status of a phone number.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct TfaVerification {
    /// The phone number.
    pub msisdn: Option<String>,
    /// Whether it was verified.
    pub verified: Option<bool>,
    /// When it was verified, in milliseconds since the epoch.
    pub verified_at: Option<i64>,
    /// When the PIN was sent, in milliseconds since the epoch.
    pub sent_at: Option<i64>,
}

/// An email template to create or update.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct TfaEmailTemplateRequest {
    /// `NUMERIC`, `ALPHA`, `HEX` or `ALPHANUMERIC`.
    #[uniffi(default)]
    pub pin_type: Option<String>,
    /// The PIN length.
    #[uniffi(default)]
    pub pin_length: Option<i32>,
    /// The sender's address.
    #[uniffi(default)]
    pub from: Option<String>,
    /// The id of the email template made in the web interface (required to create).
    #[uniffi(default)]
    pub email_template_id: Option<i64>,
    /// The id of the landing page.
    #[uniffi(default)]
    pub landing_page_id: Option<String>,
}

/// A PIN to send by email.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct TfaSendEmailPinRequest {
    /// The application id.
    pub application_id: String,
    /// The email template id.
    pub message_id: String,
    /// The email address.
    pub to: String,
    /// The sender's address (overrides the template's).
    #[uniffi(default)]
    pub from: Option<String>,
    /// Values of the template's placeholders.
    #[uniffi(default)]
    pub placeholders: Option<HashMap<String, String>>,
    /// Values of the landing page's placeholders.
    #[uniffi(default)]
    pub landing_page_placeholders: Option<HashMap<String, String>>,
}

/// A PIN to send again by email.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct TfaResendEmailPinRequest {
    /// Values of the template's placeholders.
    #[uniffi(default)]
    pub placeholders: Option<HashMap<String, String>>,
    /// Values of the landing page's placeholders.
    #[uniffi(default)]
    pub landing_page_placeholders: Option<HashMap<String, String>>,
}

/// The status of a PIN's email.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct TfaEmailStatus {
    /// The status name (`PENDING_ACCEPTED` …).
    pub name: Option<String>,
    /// What it means.
    pub description: Option<String>,
}
