//! Client configuration records and their conversion into the core's builder and options.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

/// A secret value (API key, password, client secret). Its `toString()` / `description` is
/// `***`: the value is never shown.
#[derive(uniffi::Object)]
#[uniffi::export(Display, Debug)]
pub struct Secret(infobip::Secret);

#[uniffi::export]
impl Secret {
    /// Wraps a secret value.
    #[uniffi::constructor]
    pub fn new(value: String) -> Arc<Self> {
        Arc::new(Secret(infobip::Secret::new(value)))
    }
}

impl Secret {
    /// The core's secret, for the core's calls.
    pub(crate) fn core(&self) -> &infobip::Secret {
        &self.0
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

/// How the client authenticates: one of the four schemes of the Infobip API.
#[derive(Clone, uniffi::Enum)]
pub enum Auth {
    /// An API key, sent as `Authorization: App <key>`.
    ApiKey {
        /// The key.
        key: Arc<Secret>,
    },
    /// HTTP Basic with a username and password.
    Basic {
        /// The username.
        username: String,
        /// The password.
        password: Arc<Secret>,
    },
    /// An IBSSO session made from a username and password, renewed when it expires and ended by `close()`.
    Ibsso {
        /// The username.
        username: String,
        /// The password.
        password: Arc<Secret>,
    },
    /// OAuth2 client credentials; the token is cached and refreshed before it expires.
    OAuth2 {
        /// The client id.
        client_id: String,
        /// The client secret.
        client_secret: Arc<Secret>,
    },
}

impl From<Auth> for infobip::Credentials {
    fn from(auth: Auth) -> Self {
        match auth {
            Auth::ApiKey { key } => infobip::Credentials::ApiKey(key.0.clone()),
            Auth::Basic { username, password } => {
                infobip::Credentials::Basic { username, password: password.0.clone() }
            }
            Auth::Ibsso { username, password } => {
                infobip::Credentials::Ibsso { username, password: password.0.clone() }
            }
            Auth::OAuth2 { client_id, client_secret } => {
                infobip::Credentials::OAuth2 { client_id, client_secret: client_secret.0.clone() }
            }
        }
    }
}

/// The configuration of an `InfobipClient`. What is not given comes from the `INFOBIP_*`
/// environment variables, then from the core's defaults (connect 10 s, request 60 s, 2 retries).
#[derive(Clone, uniffi::Record)]
pub struct ClientConfig {
    /// Your personal base URL (`xxxxx.api.infobip.com`); `https://` is added when no scheme is given.
    #[uniffi(default)]
    pub base_url: Option<String>,
    /// The credentials.
    #[uniffi(default)]
    pub auth: Option<Auth>,
    /// The whole-request timeout of each attempt, in milliseconds.
    #[uniffi(default)]
    pub timeout_ms: Option<u64>,
    /// The connect timeout, in milliseconds.
    #[uniffi(default)]
    pub connect_timeout_ms: Option<u64>,
    /// Retries after the first attempt, for failures that are safe to retry.
    #[uniffi(default)]
    pub max_retries: Option<u32>,
    /// Text appended to the `User-Agent` (e.g. your application's name and version).
    #[uniffi(default)]
    pub user_agent_suffix: Option<String>,
    /// `false` skips the checks of every call's input against Infobip's spec (for when the
    /// live API is ahead of the spec); a call's own `RequestOptions.validate` overrides it.
    #[uniffi(default)]
    pub validate: Option<bool>,
}

/// The language named in the `User-Agent`: Swift on Apple platforms, Kotlin elsewhere.
const RUNTIME: &str = if cfg!(target_vendor = "apple") { "swift" } else { "kotlin" };

impl ClientConfig {
    /// The core builder for this configuration.
    pub(crate) fn builder(self) -> infobip::ClientBuilder {
        let mut builder = infobip::Client::builder().runtime(RUNTIME, "uniffi");
        if let Some(url) = self.base_url {
            builder = builder.base_url(url);
        }
        if let Some(auth) = self.auth {
            builder = builder.credentials(auth.into());
        }
        if let Some(ms) = self.timeout_ms {
            builder = builder.timeout(Some(Duration::from_millis(ms)));
        }
        if let Some(ms) = self.connect_timeout_ms {
            builder = builder.connect_timeout(Duration::from_millis(ms));
        }
        if let Some(retries) = self.max_retries {
            builder = builder.max_retries(retries);
        }
        if let Some(suffix) = self.user_agent_suffix {
            builder = builder.user_agent_suffix(suffix);
        }
        builder.env()
    }
}

/// Options for one call, overriding the client's settings.
#[derive(Clone, Debug, Default, uniffi::Record)]
pub struct RequestOptions {
    /// The whole-request timeout of each attempt of this call, in milliseconds.
    #[uniffi(default)]
    pub timeout_ms: Option<u64>,
    /// Retries for this call.
    #[uniffi(default)]
    pub max_retries: Option<u32>,
    /// Retry this call like a GET even when it is a POST: only when sending it twice is harmless.
    #[uniffi(default)]
    pub retry_non_idempotent: bool,
    /// `false` sends this call's input without checking it against Infobip's spec (a new enum
    /// value the spec does not list yet, say); `null` keeps the client's setting.
    #[uniffi(default)]
    pub validate: Option<bool>,
}

impl From<RequestOptions> for infobip::RequestOptions {
    fn from(options: RequestOptions) -> Self {
        let mut core = infobip::RequestOptions::new().retry_non_idempotent(options.retry_non_idempotent);
        if let Some(ms) = options.timeout_ms {
            core = core.timeout(Duration::from_millis(ms));
        }
        if let Some(retries) = options.max_retries {
            core = core.max_retries(retries);
        }
        if let Some(validate) = options.validate {
            core = core.validate(validate);
        }
        core
    }
}
