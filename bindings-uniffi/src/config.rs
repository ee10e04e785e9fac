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
    /// A proxy for every request: `http://[user:password@]host:port` or `https://…`. Without
    /// it, `HTTPS_PROXY`/`HTTP_PROXY`/`ALL_PROXY` and `NO_PROXY` from the environment apply.
    #[uniffi(default)]
    pub proxy: Option<Arc<Secret>>,
    /// Hosts, domains and IP ranges `proxy` is not used for, comma-separated.
    #[uniffi(default)]
    pub no_proxy: Option<String>,
    /// CA certificates to trust besides the system's (a private CA, a TLS-inspecting proxy).
    #[uniffi(default)]
    pub ca_certificates: Option<PemSource>,
    /// A client certificate for servers that ask for one (mutual TLS).
    #[uniffi(default)]
    pub client_certificate: Option<ClientCertificate>,
    /// The most bytes of an answer read, after decompression (default 33554432, 32 MiB); a larger
    /// answer fails the call with `Decode` naming the cap.
    #[uniffi(default)]
    pub max_response_bytes: Option<u64>,
}

/// PEM certificates: a file's path, or the PEM text.
#[derive(Clone, Debug, uniffi::Enum)]
pub enum PemSource {
    /// A PEM file, read when the client is made.
    File {
        /// Its path.
        path: String,
    },
    /// The PEM text.
    Text {
        /// The text.
        pem: String,
    },
}

/// A private key (PEM): a file's path, or the PEM text as a secret.
#[derive(Clone, uniffi::Enum)]
pub enum KeySource {
    /// A PEM file, read when the client is made.
    File {
        /// Its path.
        path: String,
    },
    /// The PEM text.
    Text {
        /// The text, never shown.
        pem: Arc<Secret>,
    },
}

/// A client certificate chain and its private key (RSA, SEC1 or PKCS#8).
#[derive(Clone, uniffi::Record)]
pub struct ClientCertificate {
    /// The certificate chain.
    pub certificate: PemSource,
    /// The private key.
    pub key: KeySource,
}

impl From<PemSource> for infobip::Pem {
    fn from(source: PemSource) -> Self {
        match source {
            PemSource::File { path } => infobip::Pem::file(path),
            PemSource::Text { pem } => infobip::Pem::text(pem),
        }
    }
}

impl From<KeySource> for infobip::Pem {
    fn from(source: KeySource) -> Self {
        match source {
            KeySource::File { path } => infobip::Pem::file(path),
            KeySource::Text { pem } => infobip::Pem::secret(pem.core()),
        }
    }
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
        if let Some(proxy) = self.proxy {
            builder = builder.proxy(proxy.0.clone());
        }
        if let Some(list) = self.no_proxy {
            builder = builder.no_proxy(list);
        }
        if let Some(pem) = self.ca_certificates {
            builder = builder.root_certificates(pem.into());
        }
        if let Some(ClientCertificate { certificate, key }) = self.client_certificate {
            builder = builder.client_certificate(certificate.into(), key.into());
        }
        if let Some(bytes) = self.max_response_bytes {
            // More than the address space holds is refused by the builder as it is: zero.
            builder = builder.max_response_bytes(usize::try_from(bytes).unwrap_or(0));
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
