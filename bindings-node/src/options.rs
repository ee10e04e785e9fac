//! Client and per-call options, as JavaScript objects, and their conversion to the core's.

use infobip::config::millis;
use infobip::{ClientBuilder, Error, Pem, RequestOptions};
use napi::bindgen_prelude::{Buffer, Either};
use napi_derive::napi;

/// Username and password, for Basic authentication or an IBSSO session.
#[napi(object)]
pub struct BasicCredentials {
    /// The username.
    pub username: String,
    /// The password.
    pub password: String,
}

/// OAuth2 client credentials.
#[napi(object)]
pub struct OAuth2Credentials {
    /// The client id.
    pub client_id: String,
    /// The client secret.
    pub client_secret: String,
}

/// Options of `new Infobip(...)`. Anything not given is read from `INFOBIP_*` environment
/// variables; give exactly one of `apiKey`, `basic`, `ibsso` and `oauth2`.
#[napi(object)]
pub struct ClientOptions {
    /// Your personal base URL, e.g. `https://xxxxx.api.infobip.com` (`INFOBIP_BASE_URL`).
    pub base_url: Option<String>,
    /// An API key (`INFOBIP_API_KEY`).
    pub api_key: Option<String>,
    /// Basic authentication (`INFOBIP_USERNAME` and `INFOBIP_PASSWORD`).
    pub basic: Option<BasicCredentials>,
    /// An IBSSO session made from a username and password.
    pub ibsso: Option<BasicCredentials>,
    /// OAuth2 client credentials (`INFOBIP_CLIENT_ID` and `INFOBIP_CLIENT_SECRET`).
    pub oauth2: Option<OAuth2Credentials>,
    /// Whole-request timeout of each attempt, in milliseconds (default 60000).
    pub timeout: Option<f64>,
    /// Connect timeout, in milliseconds (default 10000).
    pub connect_timeout: Option<f64>,
    /// Retries of a failed call where retrying is safe (default 2).
    pub max_retries: Option<f64>,
    /// Text appended to the `User-Agent` header.
    pub user_agent_suffix: Option<String>,
    /// `false`: calls do not check parameters and bodies against the spec before sending (for
    /// when the live API is ahead of the spec). Default `true`.
    pub validate: Option<bool>,
    /// A proxy for every request, `http://[user:password@]host:port` or `https://…`; a secret
    /// like the API key. Without it, `HTTPS_PROXY`/`HTTP_PROXY`/`ALL_PROXY` and `NO_PROXY` apply.
    pub proxy: Option<String>,
    /// Hosts, domains and IP ranges `proxy` is not used for, comma-separated.
    pub no_proxy: Option<String>,
    /// CA certificates to trust besides the system's: a PEM file's path, or the PEM itself.
    pub ca_cert: Option<Either<String, Buffer>>,
    /// A client certificate chain (mutual TLS), with `clientKey`: a PEM file's path or the PEM.
    pub client_cert: Option<Either<String, Buffer>>,
    /// The client certificate's private key: a PEM file's path or the PEM.
    pub client_key: Option<Either<String, Buffer>>,
    /// The most bytes of an answer read, after decompression (default 33554432, 32 MiB); a
    /// larger answer fails the call with a `DecodeError` naming the cap.
    pub max_response_bytes: Option<f64>,
}

/// A path (a string) or the PEM itself (a Buffer).
fn pem(value: Either<String, Buffer>) -> Pem {
    match value {
        Either::A(path) => Pem::file(path),
        Either::B(bytes) => Pem::text(bytes.to_vec()),
    }
}

/// Options of one call.
#[napi(object)]
pub struct CallOptions {
    /// Whole-request timeout of each attempt of this call, in milliseconds.
    pub timeout: Option<f64>,
    /// Retries for this call.
    pub max_retries: Option<f64>,
    /// `false`: this call does not check its parameters and body against the spec.
    pub validate: Option<bool>,
}

/// A whole number from 0 to `max` given for option `field`; a fraction, NaN, a negative or a
/// larger number is a `config` error naming the option (napi would wrap it silently).
fn count(field: &str, value: f64, max: u32) -> Result<u32, Error> {
    if value.is_finite() && value >= 0.0 && value.fract() == 0.0 && value <= f64::from(max) {
        // Checked just above: a whole number within u32.
        Ok(value as u32)
    } else {
        Err(Error::config(format!("{field} must be a whole number from 0 to {max}, not {value}")))
    }
}

impl ClientOptions {
    /// The options every call of the client starts from (`validate`).
    pub(crate) fn defaults(&self) -> RequestOptions {
        match self.validate {
            Some(validate) => RequestOptions::new().validate(validate),
            None => RequestOptions::new(),
        }
    }

    /// Applies the options to a builder; what is not given comes from the environment.
    pub(crate) fn apply(self, mut builder: ClientBuilder) -> Result<ClientBuilder, Error> {
        let schemes = [self.api_key.is_some(), self.basic.is_some(), self.ibsso.is_some(), self.oauth2.is_some()];
        if schemes.iter().filter(|given| **given).count() > 1 {
            return Err(Error::config("give only one of apiKey, basic, ibsso and oauth2"));
        }
        if let Some(url) = self.base_url {
            builder = builder.base_url(url);
        }
        if let Some(key) = self.api_key {
            builder = builder.api_key(key);
        }
        if let Some(c) = self.basic {
            builder = builder.basic(c.username, c.password);
        }
        if let Some(c) = self.ibsso {
            builder = builder.ibsso(c.username, c.password);
        }
        if let Some(c) = self.oauth2 {
            builder = builder.oauth2(c.client_id, c.client_secret);
        }
        if let Some(ms) = self.timeout {
            builder = builder.timeout(Some(millis("timeout", ms)?));
        }
        if let Some(ms) = self.connect_timeout {
            builder = builder.connect_timeout(millis("connectTimeout", ms)?);
        }
        if let Some(n) = self.max_retries {
            builder = builder.max_retries(count("maxRetries", n, u32::MAX)?);
        }
        if let Some(n) = self.max_response_bytes {
            builder = builder.max_response_bytes(count("maxResponseBytes", n, u32::MAX)? as usize);
        }
        if let Some(suffix) = self.user_agent_suffix {
            builder = builder.user_agent_suffix(suffix);
        }
        if let Some(url) = self.proxy {
            builder = builder.proxy(url);
        }
        if let Some(list) = self.no_proxy {
            builder = builder.no_proxy(list);
        }
        if let Some(ca) = self.ca_cert {
            builder = builder.root_certificates(pem(ca));
        }
        match (self.client_cert, self.client_key) {
            (Some(certificate), Some(key)) => builder = builder.client_certificate(pem(certificate), pem(key)),
            (None, None) => {}
            _ => return Err(Error::config("clientCert and clientKey go together")),
        }
        Ok(builder)
    }
}

impl CallOptions {
    /// The core's options for one call.
    pub(crate) fn to_core(&self) -> Result<RequestOptions, Error> {
        let mut options = RequestOptions::new();
        if let Some(ms) = self.timeout {
            options = options.timeout(millis("timeout", ms)?);
        }
        if let Some(n) = self.max_retries {
            options = options.max_retries(count("maxRetries", n, u32::MAX)?);
        }
        if let Some(validate) = self.validate {
            options = options.validate(validate);
        }
        Ok(options)
    }
}
