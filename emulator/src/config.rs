//! Emulator configuration: credentials, delivery-report timing, status mix, throttling, limits.
//! Read from TOML (`EmulatorConfig::from_toml_str`) or built in code; every field has a default.

use serde::{Deserialize, Serialize};
use std::time::Duration;

/// The API key accepted with every scope.
pub const DEFAULT_API_KEY: &str = "emulator-api-key";
/// An API key with no SMS scopes (only `2fa:manage` and `account:read`), to provoke 403s.
pub const DEFAULT_LIMITED_API_KEY: &str = "emulator-limited-key";
/// The Basic-auth user name (also the OAuth2 client id and the session user).
pub const DEFAULT_USERNAME: &str = "emulator";
/// The Basic-auth password (also the OAuth2 client secret).
pub const DEFAULT_PASSWORD: &str = "emulator-password";

/// An API key and the scopes it grants (`None` = every scope).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ApiKeyConfig {
    /// The key, sent as `Authorization: App <key>`.
    pub key: String,
    /// Scopes granted; `None` grants all.
    #[serde(default)]
    pub scopes: Option<Vec<String>>,
}

/// A user for Basic auth and IBSSO sessions.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct UserConfig {
    /// User name.
    pub username: String,
    /// Password.
    pub password: String,
    /// Scopes granted; `None` grants all.
    #[serde(default)]
    pub scopes: Option<Vec<String>>,
}

/// An OAuth2 client (client-credentials grant).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct OAuthClientConfig {
    /// `client_id`.
    pub client_id: String,
    /// `client_secret`.
    pub client_secret: String,
    /// Scopes granted; `None` grants all.
    #[serde(default)]
    pub scopes: Option<Vec<String>>,
}

/// The weight of one final status group in the delivery-report mix.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct StatusWeight {
    /// `DELIVERED`, `UNDELIVERABLE`, `EXPIRED` or `REJECTED`.
    pub status: String,
    /// Relative weight (e.g. percent).
    pub weight: u32,
}

/// Everything the emulator can be configured with.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default, deny_unknown_fields)]
pub struct EmulatorConfig {
    /// Port to bind on 127.0.0.1 (0 = any free port).
    pub port: u16,
    /// API keys accepted.
    pub api_keys: Vec<ApiKeyConfig>,
    /// Basic / session users.
    pub users: Vec<UserConfig>,
    /// OAuth2 clients.
    pub oauth_clients: Vec<OAuthClientConfig>,
    /// Lifetime of OAuth2 access tokens, in seconds (`expires_in`).
    pub oauth_token_ttl_secs: u64,
    /// Idle expiry of IBSSO sessions, in seconds.
    pub session_idle_timeout_secs: u64,
    /// Delay between accepting a message and its final delivery report, in milliseconds.
    pub delivery_delay_ms: u64,
    /// Final status mix; an empty list means every message is delivered.
    pub status_mix: Vec<StatusWeight>,
    /// Seed for the status mix and generated ids (reproducible runs).
    pub seed: u64,
    /// Enforce `x-throttling-info` limits (429 when exceeded).
    pub throttling: bool,
    /// Largest accepted request body in bytes (larger → 413).
    pub max_body_bytes: usize,
    /// Webhook URL for delivery reports of messages that name none (like an account subscription).
    pub default_delivery_webhook_url: Option<String>,
    /// Webhook URL that receives injected inbound messages in `MO_JSON_2` format.
    pub inbound_webhook_url: Option<String>,
    /// Maximum reports per webhook POST.
    pub webhook_batch_size: usize,
    /// First retry delay of a failed webhook POST, in milliseconds (doubles per attempt).
    pub webhook_retry_initial_ms: u64,
    /// Largest retry delay, in milliseconds.
    pub webhook_retry_max_ms: u64,
    /// Attempts per webhook batch before it is dropped (0 = retry forever).
    pub webhook_max_attempts: u32,
    /// Timeout of one webhook POST, in milliseconds.
    pub webhook_timeout_ms: u64,
    /// How long a webhook URL's pusher waits for work before it ends and the URL is forgotten,
    /// in milliseconds.
    pub webhook_idle_ms: u64,
    /// How many received requests the admin API keeps (oldest dropped first).
    /// How many received requests the admin API keeps (oldest dropped first); the inbox keeps
    /// as many raw send requests.
    pub max_recorded_requests: usize,
    /// Serve the inbox page at `/_emulator/ui/` (and print its address at startup).
    pub ui: bool,
    /// Serve HTTPS with a CA and certificates made at start (see `tls.rs`).
    pub tls: bool,
    /// With `tls`: require a client certificate signed by that CA (mutual TLS).
    pub tls_client_auth: bool,
    /// With `tls`: where the binary writes `ca.pem`, `client.pem` and `client-key.pem`
    /// (default: a new directory in the system's temporary directory).
    pub tls_dir: Option<std::path::PathBuf>,
}

impl Default for EmulatorConfig {
    fn default() -> Self {
        Self {
            port: 0,
            api_keys: vec![
                ApiKeyConfig { key: DEFAULT_API_KEY.into(), scopes: None },
                ApiKeyConfig {
                    key: DEFAULT_LIMITED_API_KEY.into(),
                    scopes: Some(vec!["2fa:manage".into(), "account:read".into()]),
                },
            ],
            users: vec![UserConfig {
                username: DEFAULT_USERNAME.into(),
                password: DEFAULT_PASSWORD.into(),
                scopes: None,
            }],
            oauth_clients: vec![OAuthClientConfig {
                client_id: DEFAULT_USERNAME.into(),
                client_secret: DEFAULT_PASSWORD.into(),
                scopes: None,
            }],
            oauth_token_ttl_secs: 3600,
            session_idle_timeout_secs: 3600,
            delivery_delay_ms: 200,
            status_mix: vec![StatusWeight { status: "DELIVERED".into(), weight: 100 }],
            seed: 42,
            throttling: false,
            max_body_bytes: 4 * 1024 * 1024,
            default_delivery_webhook_url: None,
            inbound_webhook_url: None,
            webhook_batch_size: 100,
            webhook_retry_initial_ms: 500,
            webhook_retry_max_ms: 30_000,
            webhook_max_attempts: 10,
            webhook_timeout_ms: 10_000,
            webhook_idle_ms: 60_000,
            max_recorded_requests: 10_000,
            ui: true,
            tls: false,
            tls_client_auth: false,
            tls_dir: None,
        }
    }
}

/// A configuration file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("cannot read config file {path}: {source}")]
    Io {
        /// The path given.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The TOML is invalid or has unknown keys.
    #[error("invalid emulator config: {0}")]
    Toml(#[from] toml::de::Error),
    /// A value is not usable (an unknown status in the mix, no API key, a malformed flag).
    #[error("invalid emulator config: {0}")]
    Invalid(String),
}

impl EmulatorConfig {
    /// Parses a TOML document; missing keys keep their defaults. The result is validated.
    pub fn from_toml_str(text: &str) -> Result<Self, ConfigError> {
        let config: Self = toml::from_str(text)?;
        config.validate()?;
        Ok(config)
    }

    /// Checks what TOML types cannot: every status of the mix is `DELIVERED`, `UNDELIVERABLE`,
    /// `EXPIRED` or `REJECTED`, and there is at least one API key (the listening line prints it).
    pub fn validate(&self) -> Result<(), ConfigError> {
        if let Some(w) = self.status_mix.iter().find(|w| crate::delivery::final_status(&w.status).is_none()) {
            return Err(ConfigError::Invalid(format!(
                "unknown status `{}` in the status mix (use DELIVERED, UNDELIVERABLE, EXPIRED or REJECTED)",
                w.status
            )));
        }
        if self.status_mix.iter().all(|w| w.weight == 0) {
            return Err(ConfigError::Invalid("the status mix needs at least one status with a weight above 0".into()));
        }
        if self.api_keys.is_empty() {
            return Err(ConfigError::Invalid("at least one API key is needed".into()));
        }
        if !self.tls && (self.tls_client_auth || self.tls_dir.is_some()) {
            return Err(ConfigError::Invalid("tls_client_auth and tls_dir need tls".into()));
        }
        Ok(())
    }

    /// Reads and parses a TOML file.
    pub fn from_toml_file(path: &std::path::Path) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path)
            .map_err(|source| ConfigError::Io { path: path.display().to_string(), source })?;
        Self::from_toml_str(&text)
    }

    /// The first API key (the one printed at startup).
    pub fn primary_api_key(&self) -> &str {
        self.api_keys.first().map_or(DEFAULT_API_KEY, |k| k.key.as_str())
    }

    pub(crate) fn delivery_delay(&self) -> Duration {
        Duration::from_millis(self.delivery_delay_ms)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_overrides_defaults() {
        let c = EmulatorConfig::from_toml_str(
            r#"
            delivery_delay_ms = 5
            throttling = true
            [[api_keys]]
            key = "k1"
            scopes = ["sms:manage"]
            [[status_mix]]
            status = "DELIVERED"
            weight = 90
            [[status_mix]]
            status = "EXPIRED"
            weight = 10
            "#,
        )
        .unwrap();
        assert_eq!(c.delivery_delay_ms, 5);
        assert!(c.throttling);
        assert_eq!(c.primary_api_key(), "k1");
        assert_eq!(c.status_mix.len(), 2);
        assert_eq!(c.users[0].username, DEFAULT_USERNAME);
        assert!(EmulatorConfig::from_toml_str("nope = 1").is_err());
    }

    #[test]
    fn toml_with_an_unknown_status_a_zero_mix_or_no_api_key_is_refused() {
        let e = EmulatorConfig::from_toml_str("[[status_mix]]\nstatus = \"UNDELIVERED\"\nweight = 5\n").unwrap_err();
        assert!(e.to_string().contains("unknown status `UNDELIVERED`"), "{e}");
        assert!(EmulatorConfig::from_toml_str("[[status_mix]]\nstatus = \"rejected\"\nweight = 5\n").is_ok());
        for mix in ["status_mix = []", "[[status_mix]]\nstatus = \"DELIVERED\"\nweight = 0\n"] {
            let e = EmulatorConfig::from_toml_str(mix).unwrap_err();
            assert!(e.to_string().contains("weight above 0"), "{mix}: {e}");
        }
        let e = EmulatorConfig::from_toml_str("api_keys = []").unwrap_err();
        assert!(e.to_string().contains("at least one API key"), "{e}");
    }
}
