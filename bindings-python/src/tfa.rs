//! `client.tfa`: the typed 2FA API of the core, for both clients. Request fields are keyword
//! arguments in snake_case (`from_` for `from`); unknown ones are refused before sending.

use infobip::tfa::{
    ApplicationRequest, EmailTemplateRequest, ResendEmailPin, ResendPin, SendEmailPin, SendPin, TemplateRequest,
};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::call::{Awaiting, Blocking, Mode};
use crate::client::Handle;
use crate::model::{Typed, from_python};

/// Keyword arguments read as a core request model (no arguments: an empty object).
fn request<T: serde::de::DeserializeOwned>(py: Python<'_>, fields: Option<&Bound<'_, PyDict>>) -> PyResult<T> {
    match fields {
        Some(fields) => from_python(fields.as_any(), ""),
        None => from_python(PyDict::new(py).as_any(), ""),
    }
}

macro_rules! tfa_namespace {
    ($(#[$doc:meta])* $name:ident, $mode:ty) => {
        $(#[$doc])*
        #[pyclass(module = "infobip", frozen)]
        pub(crate) struct $name {
            pub(crate) handle: Handle,
        }

        #[pymethods]
        impl $name {
            /// Every 2FA application.
            fn applications<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                let client = self.handle.core(py)?;
                <$mode>::finish(py, async move { Ok(Typed::new(client.tfa().applications().await?, "Application")) })
            }

            /// One 2FA application.
            fn application<'py>(&self, py: Python<'py>, app_id: String) -> PyResult<Bound<'py, PyAny>> {
                let client = self.handle.core(py)?;
                <$mode>::finish(py, async move {
                    Ok(Typed::new(client.tfa().application(&app_id).await?, "Application"))
                })
            }

            /// Creates an application: `name=`, `enabled=`, `configuration={...}`.
            #[pyo3(signature = (**fields))]
            fn create_application<'py>(
                &self,
                py: Python<'py>,
                fields: Option<&Bound<'_, PyDict>>,
            ) -> PyResult<Bound<'py, PyAny>> {
                let body: ApplicationRequest = request(py, fields)?;
                let client = self.handle.core(py)?;
                <$mode>::finish(py, async move {
                    Ok(Typed::new(client.tfa().create_application(&body).await?, "Application"))
                })
            }

            /// Changes an application (same fields as `create_application`).
            #[pyo3(signature = (app_id, **fields))]
            fn update_application<'py>(
                &self,
                py: Python<'py>,
                app_id: String,
                fields: Option<&Bound<'_, PyDict>>,
            ) -> PyResult<Bound<'py, PyAny>> {
                let body: ApplicationRequest = request(py, fields)?;
                let client = self.handle.core(py)?;
                <$mode>::finish(py, async move {
                    Ok(Typed::new(client.tfa().update_application(&app_id, &body).await?, "Application"))
                })
            }

            /// The message templates of an application.
            fn templates<'py>(&self, py: Python<'py>, app_id: String) -> PyResult<Bound<'py, PyAny>> {
                let client = self.handle.core(py)?;
                <$mode>::finish(py, async move {
                    Ok(Typed::new(client.tfa().templates(&app_id).await?, "MessageTemplate"))
                })
            }

            /// One message template.
            fn template<'py>(&self, py: Python<'py>, app_id: String, message_id: String) -> PyResult<Bound<'py, PyAny>> {
                let client = self.handle.core(py)?;
                <$mode>::finish(py, async move {
                    Ok(Typed::new(client.tfa().template(&app_id, &message_id).await?, "MessageTemplate"))
                })
            }

            /// Creates a message template: `pin_type=`, `message_text=` (with `{{pin}}`),
            /// `pin_length=`, `sender_id=`, `language=`, ...
            #[pyo3(signature = (app_id, **fields))]
            fn create_template<'py>(
                &self,
                py: Python<'py>,
                app_id: String,
                fields: Option<&Bound<'_, PyDict>>,
            ) -> PyResult<Bound<'py, PyAny>> {
                let body: TemplateRequest = request(py, fields)?;
                let client = self.handle.core(py)?;
                <$mode>::finish(py, async move {
                    Ok(Typed::new(client.tfa().create_template(&app_id, &body).await?, "MessageTemplate"))
                })
            }

            /// Changes a message template (same fields as `create_template`).
            #[pyo3(signature = (app_id, message_id, **fields))]
            fn update_template<'py>(
                &self,
                py: Python<'py>,
                app_id: String,
                message_id: String,
                fields: Option<&Bound<'_, PyDict>>,
            ) -> PyResult<Bound<'py, PyAny>> {
                let body: TemplateRequest = request(py, fields)?;
                let client = self.handle.core(py)?;
                <$mode>::finish(py, async move {
                    let updated = client.tfa().update_template(&app_id, &message_id, &body).await?;
                    Ok(Typed::new(updated, "MessageTemplate"))
                })
            }

            /// Creates an email template: `email_template_id=` (needed), `pin_type=`,
            /// `pin_length=`, `from_=`, `landing_page_id=`.
            #[pyo3(signature = (app_id, **fields))]
            fn create_email_template<'py>(
                &self,
                py: Python<'py>,
                app_id: String,
                fields: Option<&Bound<'_, PyDict>>,
            ) -> PyResult<Bound<'py, PyAny>> {
                let body: EmailTemplateRequest = request(py, fields)?;
                let client = self.handle.core(py)?;
                <$mode>::finish(py, async move {
                    Ok(Typed::new(client.tfa().create_email_template(&app_id, &body).await?, "MessageTemplate"))
                })
            }

            /// Changes an email template (same fields as `create_email_template`).
            #[pyo3(signature = (app_id, message_id, **fields))]
            fn update_email_template<'py>(
                &self,
                py: Python<'py>,
                app_id: String,
                message_id: String,
                fields: Option<&Bound<'_, PyDict>>,
            ) -> PyResult<Bound<'py, PyAny>> {
                let body: EmailTemplateRequest = request(py, fields)?;
                let client = self.handle.core(py)?;
                <$mode>::finish(py, async move {
                    let updated = client.tfa().update_email_template(&app_id, &message_id, &body).await?;
                    Ok(Typed::new(updated, "MessageTemplate"))
                })
            }

            /// Sends a PIN by email: `application_id=`, `message_id=` (an email template),
            /// `to=` (an address), `from_=`, `placeholders={...}`, `landing_page_placeholders={...}`.
            #[pyo3(signature = (**fields))]
            fn send_pin_email<'py>(
                &self,
                py: Python<'py>,
                fields: Option<&Bound<'_, PyDict>>,
            ) -> PyResult<Bound<'py, PyAny>> {
                let body: SendEmailPin = request(py, fields)?;
                let client = self.handle.core(py)?;
                <$mode>::finish(py, async move {
                    Ok(Typed::new(client.tfa().send_pin_email(&body).await?, "PinSent"))
                })
            }

            /// Sends a PIN again by email.
            #[pyo3(signature = (pin_id, **fields))]
            fn resend_pin_email<'py>(
                &self,
                py: Python<'py>,
                pin_id: String,
                fields: Option<&Bound<'_, PyDict>>,
            ) -> PyResult<Bound<'py, PyAny>> {
                let body: ResendEmailPin = request(py, fields)?;
                let client = self.handle.core(py)?;
                <$mode>::finish(py, async move {
                    Ok(Typed::new(client.tfa().resend_pin_email(&pin_id, &body).await?, "PinSent"))
                })
            }

            /// Sends a PIN by SMS: `application_id=`, `message_id=`, `to=`, `from_=`,
            /// `placeholders={...}`; `nc_needed=` asks for a number lookup first.
            #[pyo3(signature = (*, nc_needed=None, **fields))]
            fn send_pin<'py>(
                &self,
                py: Python<'py>,
                nc_needed: Option<bool>,
                fields: Option<&Bound<'_, PyDict>>,
            ) -> PyResult<Bound<'py, PyAny>> {
                let body: SendPin = request(py, fields)?;
                let client = self.handle.core(py)?;
                <$mode>::finish(py, async move {
                    Ok(Typed::new(client.tfa().send_pin_sms(&body, nc_needed).await?, "PinSent"))
                })
            }

            /// Sends a PIN by a voice call (same fields as `send_pin`).
            #[pyo3(signature = (**fields))]
            fn send_pin_voice<'py>(
                &self,
                py: Python<'py>,
                fields: Option<&Bound<'_, PyDict>>,
            ) -> PyResult<Bound<'py, PyAny>> {
                let body: SendPin = request(py, fields)?;
                let client = self.handle.core(py)?;
                <$mode>::finish(py, async move {
                    Ok(Typed::new(client.tfa().send_pin_voice(&body).await?, "PinSent"))
                })
            }

            /// Sends a PIN again by SMS (`placeholders=` may change).
            #[pyo3(signature = (pin_id, **fields))]
            fn resend_pin<'py>(
                &self,
                py: Python<'py>,
                pin_id: String,
                fields: Option<&Bound<'_, PyDict>>,
            ) -> PyResult<Bound<'py, PyAny>> {
                let body: ResendPin = request(py, fields)?;
                let client = self.handle.core(py)?;
                <$mode>::finish(py, async move {
                    Ok(Typed::new(client.tfa().resend_pin_sms(&pin_id, &body).await?, "PinSent"))
                })
            }

            /// Sends a PIN again by a voice call.
            #[pyo3(signature = (pin_id, **fields))]
            fn resend_pin_voice<'py>(
                &self,
                py: Python<'py>,
                pin_id: String,
                fields: Option<&Bound<'_, PyDict>>,
            ) -> PyResult<Bound<'py, PyAny>> {
                let body: ResendPin = request(py, fields)?;
                let client = self.handle.core(py)?;
                <$mode>::finish(py, async move {
                    Ok(Typed::new(client.tfa().resend_pin_voice(&pin_id, &body).await?, "PinSent"))
                })
            }

            /// Checks a PIN. A wrong PIN is not an error: see `verified` and `attempts_remaining`.
            #[pyo3(signature = (pin_id, *, pin))]
            fn verify_pin<'py>(&self, py: Python<'py>, pin_id: String, pin: String) -> PyResult<Bound<'py, PyAny>> {
                let client = self.handle.core(py)?;
                <$mode>::finish(py, async move {
                    Ok(Typed::new(client.tfa().verify_pin(&pin_id, &pin).await?, "PinVerification"))
                })
            }

            /// The verifications of a phone number in an application.
            #[pyo3(signature = (app_id, *, msisdn, verified=None, sent=None))]
            fn verifications<'py>(
                &self,
                py: Python<'py>,
                app_id: String,
                msisdn: String,
                verified: Option<bool>,
                sent: Option<bool>,
            ) -> PyResult<Bound<'py, PyAny>> {
                let client = self.handle.core(py)?;
                <$mode>::finish(py, async move {
                    let found = client.tfa().verifications(&app_id, &msisdn, verified, sent).await?;
                    Ok(Typed::new(found, "Verifications"))
                })
            }
        }
    };
}

tfa_namespace!(
    /// The 2FA API of a `Client` (blocking calls).
    Tfa,
    Blocking
);
tfa_namespace!(
    /// The 2FA API of an `AsyncClient` (awaitable calls).
    AsyncTfa,
    Awaiting
);
