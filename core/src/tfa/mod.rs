//! 2FA: applications, message templates, PINs over SMS, voice and email, verification.
//!
//! ```no_run
//! # async fn demo(client: infobip::Client) -> Result<(), infobip::Error> {
//! use infobip::tfa::{ApplicationRequest, PinType, SendPin, TemplateRequest};
//! let tfa = client.tfa();
//! let app = tfa.create_application(&ApplicationRequest::new("login")).await?;
//! let app_id = app.application_id.unwrap_or_default();
//! let template = tfa.create_template(&app_id, &TemplateRequest::new(PinType::Numeric, "Your code is {{pin}}")).await?;
//! let sent = tfa.send_pin_sms(&SendPin::new(&app_id, template.message_id.unwrap_or_default(), "41793026727"), None).await?;
//! let result = tfa.verify_pin(&sent.pin_id.unwrap_or_default(), "1234").await?;
//! println!("verified: {}, attempts left: {:?}", result.is_verified(), result.attempts_remaining);
//! # Ok(()) }
//! ```
//!
//! The 2FA API answers errors in the legacy shape (`requestError.serviceException`); they are
//! mapped like every other error. A wrong PIN is not an error: see [`PinVerification`].

mod applications;
mod pin;
mod templates;

use http::Method;

pub use applications::{Application, ApplicationConfiguration, ApplicationRequest};
pub use pin::{
    EmailStatus, NcStatus, PinError, PinSent, PinVerification, ResendEmailPin, ResendPin, SendEmailPin, SendPin,
    SmsStatus, Verification, Verifications, VerifyPin,
};
pub use templates::{
    EmailTemplateRequest, MessageTemplate, PinType, TemplateIndiaDlt, TemplateRegional, TemplateRequest,
};

use crate::client::{Client, RequestBuilder};
use crate::error::Error;
use crate::http::encode_component;
use crate::sms::call;
use crate::sms::validate::Check;

/// The 2FA API of a [`Client`]; get it with [`Client::tfa`]. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Tfa {
    pub(crate) client: Client,
}

/// Checks that each named id is not empty.
fn ids(fields: &[(&str, &str)]) -> Result<(), Error> {
    let mut check = Check::default();
    for (name, value) in fields {
        check.not_empty(name, value);
    }
    check.finish()
}

impl Tfa {
    pub(crate) fn new(client: Client) -> Self {
        Tfa { client }
    }

    /// A request to `template` with `{name}` segments replaced by the encoded `values`, in order.
    fn request(&self, method: Method, template: &str, values: &[&str]) -> RequestBuilder {
        let mut path = template.to_owned();
        for value in values {
            if let (Some(start), Some(end)) = (path.find('{'), path.find('}')) {
                path.replace_range(start..=end, &encode_component(value));
            }
        }
        self.client.request(method.clone(), path).operation(format!("{method} {template}"))
    }

    /// Every 2FA application (`GET /2fa/2/applications`).
    pub async fn applications(&self) -> Result<Vec<Application>, Error> {
        call(self.request(Method::GET, "/2fa/2/applications", &[])).await
    }

    /// One application (`GET /2fa/2/applications/{appId}`).
    pub async fn application(&self, app_id: &str) -> Result<Application, Error> {
        ids(&[("appId", app_id)])?;
        call(self.request(Method::GET, "/2fa/2/applications/{appId}", &[app_id])).await
    }

    /// Creates an application (`POST /2fa/2/applications`).
    pub async fn create_application(&self, request: &ApplicationRequest) -> Result<Application, Error> {
        ids(&[("name", &request.name)])?;
        call(self.request(Method::POST, "/2fa/2/applications", &[]).json(request)).await
    }

    /// Updates an application (`PUT /2fa/2/applications/{appId}`).
    pub async fn update_application(&self, app_id: &str, request: &ApplicationRequest) -> Result<Application, Error> {
        ids(&[("appId", app_id), ("name", &request.name)])?;
        call(self.request(Method::PUT, "/2fa/2/applications/{appId}", &[app_id]).json(request)).await
    }

    /// The message templates of an application (`GET /2fa/2/applications/{appId}/messages`).
    pub async fn templates(&self, app_id: &str) -> Result<Vec<MessageTemplate>, Error> {
        ids(&[("appId", app_id)])?;
        call(self.request(Method::GET, "/2fa/2/applications/{appId}/messages", &[app_id])).await
    }

    /// One message template (`GET /2fa/2/applications/{appId}/messages/{msgId}`).
    pub async fn template(&self, app_id: &str, msg_id: &str) -> Result<MessageTemplate, Error> {
        ids(&[("appId", app_id), ("msgId", msg_id)])?;
        call(self.request(Method::GET, "/2fa/2/applications/{appId}/messages/{msgId}", &[app_id, msg_id])).await
    }

    /// Creates an SMS or voice template (`POST /2fa/2/applications/{appId}/messages`); the text
    /// must contain `{{pin}}`.
    pub async fn create_template(&self, app_id: &str, request: &TemplateRequest) -> Result<MessageTemplate, Error> {
        let mut check = Check::default();
        check.not_empty("appId", app_id);
        if request.pin_type.is_none() {
            check.add("pinType", "is needed");
        }
        match request.message_text.as_deref() {
            Some(text) if text.contains("{{pin}}") => {}
            _ => check.add("messageText", "must contain {{pin}}"),
        }
        check.finish()?;
        call(self.request(Method::POST, "/2fa/2/applications/{appId}/messages", &[app_id]).json(request)).await
    }

    /// Updates an SMS or voice template (`PUT /2fa/2/applications/{appId}/messages/{msgId}`).
    pub async fn update_template(
        &self,
        app_id: &str,
        msg_id: &str,
        request: &TemplateRequest,
    ) -> Result<MessageTemplate, Error> {
        ids(&[("appId", app_id), ("msgId", msg_id)])?;
        let path = "/2fa/2/applications/{appId}/messages/{msgId}";
        call(self.request(Method::PUT, path, &[app_id, msg_id]).json(request)).await
    }

    /// Creates an email template (`POST /2fa/2/applications/{appId}/email/messages`).
    pub async fn create_email_template(
        &self,
        app_id: &str,
        request: &EmailTemplateRequest,
    ) -> Result<MessageTemplate, Error> {
        ids(&[("appId", app_id)])?;
        if request.email_template_id.is_none() {
            return Err(Error::validation("emailTemplateId", "is needed"));
        }
        call(self.request(Method::POST, "/2fa/2/applications/{appId}/email/messages", &[app_id]).json(request)).await
    }

    /// Updates an email template (`PUT /2fa/2/applications/{appId}/email/messages/{msgId}`).
    pub async fn update_email_template(
        &self,
        app_id: &str,
        msg_id: &str,
        request: &EmailTemplateRequest,
    ) -> Result<MessageTemplate, Error> {
        ids(&[("appId", app_id), ("msgId", msg_id)])?;
        let path = "/2fa/2/applications/{appId}/email/messages/{msgId}";
        call(self.request(Method::PUT, path, &[app_id, msg_id]).json(request)).await
    }

    fn check_send(request: &SendPin) -> Result<(), Error> {
        ids(&[("applicationId", &request.application_id), ("messageId", &request.message_id), ("to", &request.to)])
    }

    /// Sends a PIN over SMS (`POST /2fa/2/pin`); `nc_needed` asks for a Number Lookup first.
    pub async fn send_pin_sms(&self, request: &SendPin, nc_needed: Option<bool>) -> Result<PinSent, Error> {
        Tfa::check_send(request)?;
        let mut builder = self.request(Method::POST, "/2fa/2/pin", &[]).json(request);
        if let Some(nc) = nc_needed {
            builder = builder.query("ncNeeded", nc);
        }
        call(builder).await
    }

    /// Sends a PIN by voice call (`POST /2fa/2/pin/voice`).
    pub async fn send_pin_voice(&self, request: &SendPin) -> Result<PinSent, Error> {
        Tfa::check_send(request)?;
        call(self.request(Method::POST, "/2fa/2/pin/voice", &[]).json(request)).await
    }

    /// Sends a PIN by email (`POST /2fa/2/pin/email`).
    pub async fn send_pin_email(&self, request: &SendEmailPin) -> Result<PinSent, Error> {
        ids(&[("applicationId", &request.application_id), ("messageId", &request.message_id), ("to", &request.to)])?;
        call(self.request(Method::POST, "/2fa/2/pin/email", &[]).json(request)).await
    }

    /// Resends a PIN over SMS (`POST /2fa/2/pin/{pinId}/resend`).
    pub async fn resend_pin_sms(&self, pin_id: &str, request: &ResendPin) -> Result<PinSent, Error> {
        ids(&[("pinId", pin_id)])?;
        call(self.request(Method::POST, "/2fa/2/pin/{pinId}/resend", &[pin_id]).json(request)).await
    }

    /// Resends a PIN by voice call (`POST /2fa/2/pin/{pinId}/resend/voice`).
    pub async fn resend_pin_voice(&self, pin_id: &str, request: &ResendPin) -> Result<PinSent, Error> {
        ids(&[("pinId", pin_id)])?;
        call(self.request(Method::POST, "/2fa/2/pin/{pinId}/resend/voice", &[pin_id]).json(request)).await
    }

    /// Resends a PIN by email (`POST /2fa/2/pin/{pinId}/resend/email`).
    pub async fn resend_pin_email(&self, pin_id: &str, request: &ResendEmailPin) -> Result<PinSent, Error> {
        ids(&[("pinId", pin_id)])?;
        call(self.request(Method::POST, "/2fa/2/pin/{pinId}/resend/email", &[pin_id]).json(request)).await
    }

    /// Verifies a PIN (`POST /2fa/2/pin/{pinId}/verify`). A wrong PIN is not an error: check
    /// [`PinVerification::is_verified`] and `pin_error`.
    pub async fn verify_pin(&self, pin_id: &str, pin: &str) -> Result<PinVerification, Error> {
        ids(&[("pinId", pin_id), ("pin", pin)])?;
        let body = VerifyPin { pin: pin.to_owned() };
        call(self.request(Method::POST, "/2fa/2/pin/{pinId}/verify", &[pin_id]).json(&body)).await
    }

    /// The verification status of `msisdn` in an application
    /// (`GET /2fa/2/applications/{appId}/verifications`), optionally only verified or unverified
    /// ones, and only ones whose PIN was or was not sent.
    pub async fn verifications(
        &self,
        app_id: &str,
        msisdn: &str,
        verified: Option<bool>,
        sent: Option<bool>,
    ) -> Result<Verifications, Error> {
        ids(&[("appId", app_id), ("msisdn", msisdn)])?;
        let mut builder =
            self.request(Method::GET, "/2fa/2/applications/{appId}/verifications", &[app_id]).query("msisdn", msisdn);
        if let Some(v) = verified {
            builder = builder.query("verified", v);
        }
        if let Some(s) = sent {
            builder = builder.query("sent", s);
        }
        call(builder).await
    }
}
