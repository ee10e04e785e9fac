//! `client.tfa`: the typed 2FA API of the core, for both clients. Request fields are keyword
//! arguments in snake_case (`from_` for `from`); unknown ones are refused before sending.

use infobip::tfa::{
    ApplicationRequest, EmailTemplateRequest, ResendEmailPin, ResendPin, SendEmailPin, SendPin, TemplateRequest,
};
use std::future::Future;

use infobip::Error;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::call::{Awaiting, Blocking, Mode};
use crate::client::{AsyncClient, Client, Handle};
use crate::model::{Typed, from_python};
use crate::namespace::{AsyncNamespace, Namespace};

/// Keyword arguments read as a core request model (no arguments: an empty object).
fn request<T: DeserializeOwned>(py: Python<'_>, fields: Option<&Bound<'_, PyDict>>) -> PyResult<T> {
    match fields {
        Some(fields) => from_python(fields.as_any(), ""),
        None => from_python(PyDict::new(py).as_any(), ""),
    }
}

/// Runs one call of the core's 2FA API (`call`) the way the namespace `M` does, and gives its
/// result as an instance of the model class `class`.
fn typed<'py, M, R, F, Fut>(
    py: Python<'py>,
    handle: &Handle,
    class: &'static str,
    call: F,
) -> PyResult<Bound<'py, PyAny>>
where
    M: Mode,
    R: Serialize + Send + 'static,
    F: FnOnce(infobip::tfa::Tfa) -> Fut,
    Fut: Future<Output = Result<R, Error>> + Send + 'static,
{
    let future = call(handle.core(py)?.tfa());
    M::finish(py, async move { Ok(Typed::new(future.await?, class)) })
}

/// [`typed`] for a call with a request body `B` read from keyword arguments (before anything
/// is sent: a wrong or unknown field is a `ValidationError`).
fn with_body<'py, M, B, R, F, Fut>(
    py: Python<'py>,
    handle: &Handle,
    fields: Option<&Bound<'_, PyDict>>,
    class: &'static str,
    call: F,
) -> PyResult<Bound<'py, PyAny>>
where
    M: Mode,
    B: DeserializeOwned,
    R: Serialize + Send + 'static,
    F: FnOnce(infobip::tfa::Tfa, B) -> Fut,
    Fut: Future<Output = Result<R, Error>> + Send + 'static,
{
    let body: B = request(py, fields)?;
    typed::<M, R, _, _>(py, handle, class, move |tfa| call(tfa, body))
}

macro_rules! tfa_namespace {
    ($(#[$doc:meta])* $name:ident, $mode:ty, $base:ident, $client:ty) => {
        $(#[$doc])*
        #[pyclass(module = "infobip", extends = $base, subclass, frozen)]
        pub(crate) struct $name {
            pub(crate) handle: Handle,
        }

        #[pymethods]
        impl $name {
            /// The namespace of `client` (the generated class of this namespace extends it).
            #[new]
            fn new(client: PyRef<'_, $client>) -> PyClassInitializer<$name> {
                let base = $base::of(&client);
                let handle = base.handle.clone();
                PyClassInitializer::from(base).add_subclass($name { handle })
            }

            /// Every 2FA application.
            fn applications<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                typed::<$mode, _, _, _>(py, &self.handle, "Application", move |tfa| async move {
                    tfa.applications().await
                })
            }

            /// One 2FA application.
            fn application<'py>(&self, py: Python<'py>, app_id: String) -> PyResult<Bound<'py, PyAny>> {
                typed::<$mode, _, _, _>(py, &self.handle, "Application", move |tfa| async move {
                    tfa.application(&app_id).await
                })
            }

            /// Creates an application: `name=`, `enabled=`, `configuration={...}`.
            #[pyo3(signature = (**fields))]
            fn create_application<'py>(
                &self,
                py: Python<'py>,
                fields: Option<&Bound<'_, PyDict>>,
            ) -> PyResult<Bound<'py, PyAny>> {
                with_body::<$mode, ApplicationRequest, _, _, _>(py, &self.handle, fields, "Application", move |tfa, body| {
                    async move { tfa.create_application(&body).await }
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
                with_body::<$mode, ApplicationRequest, _, _, _>(py, &self.handle, fields, "Application", move |tfa, body| {
                    async move { tfa.update_application(&app_id, &body).await }
                })
            }

            /// The message templates of an application.
            fn templates<'py>(&self, py: Python<'py>, app_id: String) -> PyResult<Bound<'py, PyAny>> {
                typed::<$mode, _, _, _>(py, &self.handle, "MessageTemplate", move |tfa| async move {
                    tfa.templates(&app_id).await
                })
            }

            /// One message template.
            fn template<'py>(&self, py: Python<'py>, app_id: String, message_id: String) -> PyResult<Bound<'py, PyAny>> {
                typed::<$mode, _, _, _>(py, &self.handle, "MessageTemplate", move |tfa| async move {
                    tfa.template(&app_id, &message_id).await
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
                with_body::<$mode, TemplateRequest, _, _, _>(py, &self.handle, fields, "MessageTemplate", move |tfa, body| {
                    async move { tfa.create_template(&app_id, &body).await }
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
                with_body::<$mode, TemplateRequest, _, _, _>(py, &self.handle, fields, "MessageTemplate", move |tfa, body| {
                    async move { tfa.update_template(&app_id, &message_id, &body).await }
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
                with_body::<$mode, EmailTemplateRequest, _, _, _>(py, &self.handle, fields, "MessageTemplate", move |tfa, body| {
                    async move { tfa.create_email_template(&app_id, &body).await }
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
                with_body::<$mode, EmailTemplateRequest, _, _, _>(py, &self.handle, fields, "MessageTemplate", move |tfa, body| {
                    async move { tfa.update_email_template(&app_id, &message_id, &body).await }
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
                with_body::<$mode, SendEmailPin, _, _, _>(py, &self.handle, fields, "PinSent", move |tfa, body| {
                    async move { tfa.send_pin_email(&body).await }
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
                with_body::<$mode, ResendEmailPin, _, _, _>(py, &self.handle, fields, "PinSent", move |tfa, body| {
                    async move { tfa.resend_pin_email(&pin_id, &body).await }
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
                with_body::<$mode, SendPin, _, _, _>(py, &self.handle, fields, "PinSent", move |tfa, body| {
                    async move { tfa.send_pin_sms(&body, nc_needed).await }
                })
            }

            /// Sends a PIN by a voice call (same fields as `send_pin`).
            #[pyo3(signature = (**fields))]
            fn send_pin_voice<'py>(
                &self,
                py: Python<'py>,
                fields: Option<&Bound<'_, PyDict>>,
            ) -> PyResult<Bound<'py, PyAny>> {
                with_body::<$mode, SendPin, _, _, _>(py, &self.handle, fields, "PinSent", move |tfa, body| {
                    async move { tfa.send_pin_voice(&body).await }
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
                with_body::<$mode, ResendPin, _, _, _>(py, &self.handle, fields, "PinSent", move |tfa, body| {
                    async move { tfa.resend_pin_sms(&pin_id, &body).await }
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
                with_body::<$mode, ResendPin, _, _, _>(py, &self.handle, fields, "PinSent", move |tfa, body| {
                    async move { tfa.resend_pin_voice(&pin_id, &body).await }
                })
            }

            /// Checks a PIN. A wrong PIN is not an error: see `verified` and `attempts_remaining`.
            #[pyo3(signature = (pin_id, *, pin))]
            fn verify_pin<'py>(&self, py: Python<'py>, pin_id: String, pin: String) -> PyResult<Bound<'py, PyAny>> {
                typed::<$mode, _, _, _>(py, &self.handle, "PinVerification", move |tfa| async move {
                    tfa.verify_pin(&pin_id, &pin).await
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
                typed::<$mode, _, _, _>(py, &self.handle, "Verifications", move |tfa| async move {
                    tfa.verifications(&app_id, &msisdn, verified, sent).await
                })
            }
        }
    };
}

tfa_namespace!(
    /// The 2FA API of a `Client` (blocking calls).
    Tfa,
    Blocking,
    Namespace,
    Client
);
tfa_namespace!(
    /// The 2FA API of an `AsyncClient` (awaitable calls).
    AsyncTfa,
    Awaiting,
    AsyncNamespace,
    AsyncClient
);
