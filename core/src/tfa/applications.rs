//! 2FA applications: how PINs of an application behave.

use serde::{Deserialize, Serialize};

/// The PIN rules of an application. Durations and limits are strings such as `15m` or `3/1d`
/// (`{count}/{length}{unit}`, unit `ms`, `s`, `m`, `h` or `d`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationConfiguration {
    /// Wrong attempts allowed per PIN (the API's default is 10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin_attempts: Option<i32>,
    /// Whether a PIN may be verified more than once (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_multiple_pin_verifications: Option<bool>,
    /// How long a PIN is valid (default `15m`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin_time_to_live: Option<String>,
    /// How often verification may be tried (default `1/3s`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verify_pin_limit: Option<String>,
    /// How many PINs the application may send (default `10000/1d`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub send_pin_per_application_limit: Option<String>,
    /// How many PINs one number may receive (default `3/1d`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub send_pin_per_phone_number_limit: Option<String>,
}

/// A 2FA application to create or update.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationRequest {
    /// The name (required).
    #[serde(default)]
    pub name: String,
    /// Whether it is enabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Its PIN rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub configuration: Option<ApplicationConfiguration>,
}

impl ApplicationRequest {
    /// An application by name, with the API's default rules.
    pub fn new(name: impl Into<String>) -> Self {
        ApplicationRequest { name: name.into(), ..ApplicationRequest::default() }
    }

    /// Sets whether it is enabled.
    pub fn enabled(mut self, enabled: bool) -> Self {
        self.enabled = Some(enabled);
        self
    }

    /// Sets its PIN rules.
    pub fn configuration(mut self, configuration: ApplicationConfiguration) -> Self {
        self.configuration = Some(configuration);
        self
    }
}

/// A 2FA application.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Application {
    /// Its id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_id: Option<String>,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its PIN rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub configuration: Option<ApplicationConfiguration>,
    /// Whether it is enabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
}
