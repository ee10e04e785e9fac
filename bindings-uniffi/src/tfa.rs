//! `NativeTfa`: the core's hand-written 2FA calls (template checks, PIN sends and verification)
//! for the Kotlin and Swift `TfaApi`, which extends the generated `Tfa` namespace. Requests come
//! in as the API's JSON and answers go out as the API's JSON bytes, read by the generated models.

use std::sync::Arc;

use crate::catalog::RawResponse;
use crate::client::InfobipClient;
use crate::convert::{answer, from_json};
use crate::error::{InfobipError, guarded};

/// The core's 2FA calls of a client; Kotlin's and Swift's `client.tfa()` wrap it.
#[derive(Debug, uniffi::Object)]
pub struct NativeTfa {
    inner: infobip::tfa::Tfa,
}

#[uniffi::export(async_runtime = "tokio")]
impl NativeTfa {
    /// The 2FA calls of `client`.
    #[uniffi::constructor]
    pub fn new(client: Arc<InfobipClient>) -> Arc<Self> {
        Arc::new(NativeTfa { inner: client.inner.tfa() })
    }

    /// Every 2FA application.
    pub async fn applications(&self) -> Result<RawResponse, InfobipError> {
        guarded(async move { answer(&self.inner.applications().await?, None) }).await
    }

    /// One application.
    pub async fn application(&self, app_id: String) -> Result<RawResponse, InfobipError> {
        guarded(async move { answer(&self.inner.application(&app_id).await?, None) }).await
    }

    /// Creates an application.
    pub async fn create_application(&self, request_json: String) -> Result<RawResponse, InfobipError> {
        guarded(async move {
            let request: infobip::tfa::ApplicationRequest = from_json(&request_json, "request")?;
            answer(&self.inner.create_application(&request).await?, None)
        })
        .await
    }

    /// Updates an application.
    pub async fn update_application(&self, app_id: String, request_json: String) -> Result<RawResponse, InfobipError> {
        guarded(async move {
            let request: infobip::tfa::ApplicationRequest = from_json(&request_json, "request")?;
            answer(&self.inner.update_application(&app_id, &request).await?, None)
        })
        .await
    }

    /// The message templates of an application.
    pub async fn templates(&self, app_id: String) -> Result<RawResponse, InfobipError> {
        guarded(async move { answer(&self.inner.templates(&app_id).await?, None) }).await
    }

    /// One message template.
    pub async fn template(&self, app_id: String, msg_id: String) -> Result<RawResponse, InfobipError> {
        guarded(async move { answer(&self.inner.template(&app_id, &msg_id).await?, None) }).await
    }

    /// Creates an SMS or voice message template; its text must hold `{{pin}}`.
    pub async fn create_template(&self, app_id: String, request_json: String) -> Result<RawResponse, InfobipError> {
        guarded(async move {
            let request: infobip::tfa::TemplateRequest = from_json(&request_json, "request")?;
            answer(&self.inner.create_template(&app_id, &request).await?, None)
        })
        .await
    }

    /// Updates a message template.
    pub async fn update_template(
        &self,
        app_id: String,
        msg_id: String,
        request_json: String,
    ) -> Result<RawResponse, InfobipError> {
        guarded(async move {
            let request: infobip::tfa::TemplateRequest = from_json(&request_json, "request")?;
            answer(&self.inner.update_template(&app_id, &msg_id, &request).await?, None)
        })
        .await
    }

    /// Creates an email message template.
    pub async fn create_email_template(
        &self,
        app_id: String,
        request_json: String,
    ) -> Result<RawResponse, InfobipError> {
        guarded(async move {
            let request: infobip::tfa::EmailTemplateRequest = from_json(&request_json, "request")?;
            answer(&self.inner.create_email_template(&app_id, &request).await?, None)
        })
        .await
    }

    /// Updates an email message template.
    pub async fn update_email_template(
        &self,
        app_id: String,
        msg_id: String,
        request_json: String,
    ) -> Result<RawResponse, InfobipError> {
        guarded(async move {
            let request: infobip::tfa::EmailTemplateRequest = from_json(&request_json, "request")?;
            answer(&self.inner.update_email_template(&app_id, &msg_id, &request).await?, None)
        })
        .await
    }

    /// Sends a PIN by email.
    pub async fn send_pin_email(&self, request_json: String) -> Result<RawResponse, InfobipError> {
        guarded(async move {
            let request: infobip::tfa::SendEmailPin = from_json(&request_json, "request")?;
            answer(&self.inner.send_pin_email(&request).await?, None)
        })
        .await
    }

    /// Sends the PIN of `pinId` again by email.
    pub async fn resend_pin_email(&self, pin_id: String, request_json: String) -> Result<RawResponse, InfobipError> {
        guarded(async move {
            let request: infobip::tfa::ResendEmailPin = from_json(&request_json, "request")?;
            answer(&self.inner.resend_pin_email(&pin_id, &request).await?, None)
        })
        .await
    }

    /// Sends a PIN by SMS; `ncNeeded` asks for a Number Lookup first.
    #[uniffi::method(default(nc_needed = None))]
    pub async fn send_pin_sms(
        &self,
        request_json: String,
        nc_needed: Option<bool>,
    ) -> Result<RawResponse, InfobipError> {
        guarded(async move {
            let request: infobip::tfa::SendPin = from_json(&request_json, "request")?;
            answer(&self.inner.send_pin_sms(&request, nc_needed).await?, None)
        })
        .await
    }

    /// Sends a PIN by voice call.
    pub async fn send_pin_voice(&self, request_json: String) -> Result<RawResponse, InfobipError> {
        guarded(async move {
            let request: infobip::tfa::SendPin = from_json(&request_json, "request")?;
            answer(&self.inner.send_pin_voice(&request).await?, None)
        })
        .await
    }

    /// Sends the PIN of `pinId` again by SMS.
    pub async fn resend_pin_sms(&self, pin_id: String, request_json: String) -> Result<RawResponse, InfobipError> {
        guarded(async move {
            let request: infobip::tfa::ResendPin = from_json(&request_json, "request")?;
            answer(&self.inner.resend_pin_sms(&pin_id, &request).await?, None)
        })
        .await
    }

    /// Sends the PIN of `pinId` again by voice call.
    pub async fn resend_pin_voice(&self, pin_id: String, request_json: String) -> Result<RawResponse, InfobipError> {
        guarded(async move {
            let request: infobip::tfa::ResendPin = from_json(&request_json, "request")?;
            answer(&self.inner.resend_pin_voice(&pin_id, &request).await?, None)
        })
        .await
    }

    /// Verifies a PIN.
    pub async fn verify_pin(&self, pin_id: String, pin: String) -> Result<RawResponse, InfobipError> {
        guarded(async move { answer(&self.inner.verify_pin(&pin_id, &pin).await?, None) }).await
    }

    /// The verification status of a phone number in an application (`{"verifications": […]}`).
    #[uniffi::method(default(verified = None, sent = None))]
    pub async fn verifications(
        &self,
        app_id: String,
        msisdn: String,
        verified: Option<bool>,
        sent: Option<bool>,
    ) -> Result<RawResponse, InfobipError> {
        guarded(async move { answer(&self.inner.verifications(&app_id, &msisdn, verified, sent).await?, None) }).await
    }
}
