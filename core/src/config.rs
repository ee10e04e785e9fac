//! Configuration: base URL rules, timeouts, retry policy and environment names.
//!
//! Defaults, in one place:
//!
//! | setting | default |
//! |---|---|
//! | base URL | `https://api.infobip.com` (use your personal `xxxxx.api.infobip.com`) |
//! | connect timeout | 10 s |
//! | whole-request timeout | 60 s |
//! | retries | 2 (so at most 3 attempts) |
//! | backoff | 0.5 s × 2ⁿ with full jitter, capped at 8 s |
//! | `Retry-After` honoured up to | 120 s |
//! | client-side throttling | on |
//! | largest answer read | 32 MiB after decompression ([`DEFAULT_MAX_RESPONSE_BYTES`]) |
//!
//! Limits that protect the host process, in one place:
//!
//! | limit | value |
//! |---|---|
//! | a timeout given by a user | 0 to [`MAX_TIMEOUT`] (a year); NaN, negative or larger is a `config` error naming the option |
//! | an answer's body | [`DEFAULT_MAX_RESPONSE_BYTES`] decompressed bytes unless the client sets another cap; past it, `decode` |
//! | nesting of JSON and XML (answers, webhook pushes, request bodies from Python and Node) | [`MAX_DEPTH`] levels; deeper is `decode` (read) or `validation` (sent) |

use std::net::IpAddr;
use std::time::Duration;

use reqwest::Url;

use crate::error::Error;

/// Environment variable with the base URL.
pub const ENV_BASE_URL: &str = "INFOBIP_BASE_URL";
/// Environment variable with an API key (`App` scheme).
pub const ENV_API_KEY: &str = "INFOBIP_API_KEY";
/// Environment variable with a username (Basic or IBSSO).
pub const ENV_USERNAME: &str = "INFOBIP_USERNAME";
/// Environment variable with a password (Basic or IBSSO).
pub const ENV_PASSWORD: &str = "INFOBIP_PASSWORD";
/// Environment variable with an OAuth2 client id.
pub const ENV_CLIENT_ID: &str = "INFOBIP_CLIENT_ID";
/// Environment variable with an OAuth2 client secret.
pub const ENV_CLIENT_SECRET: &str = "INFOBIP_CLIENT_SECRET";
/// Environment variable with the log filter the bindings and the CLI read (e.g. `debug`).
pub const ENV_LOG: &str = "INFOBIP_LOG";

/// The `tracing` filter directive for a log setting such as [`ENV_LOG`]'s: a bare level
/// (`error`, `warn`, `info`, `debug`, `trace`, any case) applies to the SDK's own events only
/// (`infobip=debug`), which never carry a credential; anything else is taken as a directive
/// as written (`infobip=debug,h2=trace`). `None` for an empty setting.
pub fn log_directive(setting: &str) -> Option<String> {
    let text = setting.trim();
    let level = text.to_ascii_lowercase();
    if text.is_empty() {
        None
    } else if ["error", "warn", "info", "debug", "trace"].contains(&level.as_str()) {
        Some(format!("infobip={level}"))
    } else {
        Some(text.to_owned())
    }
}

/// The base URL used when none is configured.
pub const DEFAULT_BASE_URL: &str = "https://api.infobip.com";
/// Default connect timeout.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Default timeout for a whole request (connect, send, wait, read).
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
/// The longest timeout (connect, request or per call) a client accepts: a year.
pub const MAX_TIMEOUT: Duration = Duration::from_secs(365 * 24 * 3600);
/// How many bytes of an answer are read by default, counted after decompression (32 MiB).
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 32 * 1024 * 1024;
/// How deeply JSON and XML may nest (objects, arrays, elements) where the SDK reads or converts
/// them: answers, webhook pushes and the request bodies the bindings convert.
pub const MAX_DEPTH: usize = 128;

/// A timeout of `option` given as a number of seconds by a caller (a binding, a flag): finite,
/// not negative, at most [`MAX_TIMEOUT`]. Anything else is a `config` error naming `option`.
pub fn seconds(option: &str, value: f64) -> Result<Duration, Error> {
    let refuse = || {
        Error::config(format!(
            "{option} must be a number of seconds from 0 to {} (a year), not {value}",
            MAX_TIMEOUT.as_secs()
        ))
    };
    if !value.is_finite() || value < 0.0 {
        return Err(refuse());
    }
    let duration = Duration::try_from_secs_f64(value).map_err(|_| refuse())?;
    checked_timeout(option, duration).map_err(|_| refuse())
}

/// A timeout of `option` given as a number of milliseconds; see [`seconds`].
pub fn millis(option: &str, value: f64) -> Result<Duration, Error> {
    let refuse = || {
        Error::config(format!(
            "{option} must be a number of milliseconds from 0 to {} (a year), not {value}",
            MAX_TIMEOUT.as_millis()
        ))
    };
    if !value.is_finite() || value < 0.0 {
        return Err(refuse());
    }
    seconds(option, value / 1000.0).map_err(|_| refuse())
}

/// `duration` when it is at most [`MAX_TIMEOUT`], else a `config` error naming `option`.
pub fn checked_timeout(option: &str, duration: Duration) -> Result<Duration, Error> {
    if duration > MAX_TIMEOUT {
        return Err(Error::config(format!(
            "{option} must be at most {} seconds (a year), not {} seconds",
            MAX_TIMEOUT.as_secs(),
            duration.as_secs()
        )));
    }
    Ok(duration)
}

/// A validated base URL: a scheme, a host, an optional port and an optional path prefix,
/// with no trailing slash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BaseUrl(String);

impl BaseUrl {
    /// Parses a base URL by the SDK's rules.
    ///
    /// - `https://` is added when no scheme is given;
    /// - trailing `/` are trimmed and a path prefix is kept;
    /// - `http://` is refused unless the host is a loopback address or `localhost`;
    /// - every other scheme, an empty value, whitespace or control characters, a query,
    ///   a fragment or credentials in the URL are refused with a `config` error quoting the value.
    pub fn parse(value: &str) -> Result<Self, Error> {
        let refuse = |why: &str| Error::config(format!("invalid base URL {:?}: {why}", masked(value)));
        if value.is_empty() {
            return Err(refuse("it is empty"));
        }
        if value.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(refuse("it contains whitespace or control characters"));
        }
        let with_scheme = if value.contains("://") { value.to_owned() } else { format!("https://{value}") };
        let url = Url::parse(&with_scheme).map_err(|e| refuse(&e.to_string()))?;
        let host = url.host_str().filter(|h| !h.is_empty()).ok_or_else(|| refuse("it has no host"))?;
        match url.scheme() {
            "https" => {}
            "http" if is_loopback(host) => {}
            "http" => return Err(refuse("plain http is only allowed for loopback hosts; use https")),
            other => return Err(refuse(&format!("the scheme {other:?} is not supported; use https"))),
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(refuse("credentials do not belong in the base URL"));
        }
        if url.query().is_some() || url.fragment().is_some() {
            return Err(refuse("a base URL has no query or fragment"));
        }
        let mut text = url.as_str().to_owned();
        while text.ends_with('/') {
            text.pop();
        }
        Ok(BaseUrl(text))
    }

    /// The URL as text, without a trailing slash.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the host is a loopback address (the emulator or a test server).
    pub fn is_loopback(&self) -> bool {
        Url::parse(&self.0).ok().and_then(|u| u.host_str().map(is_loopback)).unwrap_or(false)
    }
}

impl std::fmt::Display for BaseUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn is_loopback(host: &str) -> bool {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    if bare.eq_ignore_ascii_case("localhost") {
        return true;
    }
    bare.parse::<IpAddr>().map(|ip| ip.is_loopback()).unwrap_or(false)
}

/// Hides credentials someone may have put into a URL before it is quoted in an error.
pub(crate) fn masked(value: &str) -> String {
    match (value.find("://"), value.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            format!("{}***{}", &value[..scheme_end + 3], &value[at..])
        }
        (None, Some(at)) => format!("***{}", &value[at..]),
        _ => value.to_owned(),
    }
}

/// How failed calls are retried. See the crate docs for which failures qualify.
#[derive(Clone, Debug, PartialEq)]
pub struct RetryPolicy {
    /// Retries after the first attempt (default 2).
    pub max_retries: u32,
    /// The first backoff step (default 0.5 s); step n is `initial × 2ⁿ`, with full jitter.
    pub initial_backoff: Duration,
    /// The largest backoff step (default 8 s).
    pub max_backoff: Duration,
    /// The longest `Retry-After` the SDK waits for (default 120 s); a longer one ends the call.
    pub max_retry_after: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 2,
            initial_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(8),
            max_retry_after: Duration::from_secs(120),
        }
    }
}

impl RetryPolicy {
    /// A policy that never retries.
    pub fn none() -> Self {
        RetryPolicy { max_retries: 0, ..RetryPolicy::default() }
    }

    /// The upper bound of the backoff before retry number `retry` (0 for the first retry).
    pub fn backoff_ceiling(&self, retry: u32) -> Duration {
        let factor = 2u32.saturating_pow(retry.min(30));
        self.initial_backoff.saturating_mul(factor).min(self.max_backoff)
    }
}

/// Options for one call, overriding the client's settings.
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct RequestOptions {
    /// Whole-request timeout for each attempt of this call.
    pub timeout: Option<Duration>,
    /// Retries for this call.
    pub max_retries: Option<u32>,
    /// Treat a non-idempotent call (POST) as safe to repeat: the caller guarantees that sending
    /// it twice is harmless, so it is retried like a GET. Off by default.
    pub retry_non_idempotent: bool,
    /// Whether [`Client::call`](crate::Client::call) and the typed methods check parameters and
    /// body against the spec before sending (`None`: yes). `Some(false)` sends what the spec
    /// refuses (a new enum value, a new parameter), for when the live API is ahead of the spec;
    /// required path parameters are still needed to build the path.
    pub validate: Option<bool>,
    /// Follows the ids of a send made with these options, for a caller that may cancel it
    /// (see [`SendTracker`](crate::send::SendTracker)).
    pub tracker: Option<crate::send::SendTracker>,
}

impl RequestOptions {
    /// Options that change nothing.
    pub fn new() -> Self {
        RequestOptions::default()
    }

    /// Sets the whole-request timeout for this call.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Sets the number of retries for this call.
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.max_retries = Some(retries);
        self
    }

    /// These options with what `other` sets taking precedence.
    pub fn overridden_by(self, other: RequestOptions) -> RequestOptions {
        RequestOptions {
            timeout: other.timeout.or(self.timeout),
            max_retries: other.max_retries.or(self.max_retries),
            retry_non_idempotent: other.retry_non_idempotent || self.retry_non_idempotent,
            validate: other.validate.or(self.validate),
            tracker: other.tracker.or(self.tracker),
        }
    }

    /// Turns checking against the spec before sending on or off for this call (see the field).
    pub fn validate(mut self, validate: bool) -> Self {
        self.validate = Some(validate);
        self
    }

    /// Whether calls check their input against the spec (the default).
    pub fn validates(&self) -> bool {
        self.validate != Some(false)
    }

    /// Follows the ids of the sends made with these options (see
    /// [`SendTracker`](crate::send::SendTracker)).
    pub fn tracker(mut self, tracker: crate::send::SendTracker) -> Self {
        self.tracker = Some(tracker);
        self
    }

    /// Checks the timeout (at most [`MAX_TIMEOUT`]).
    pub(crate) fn checked(&self) -> Result<(), Error> {
        if let Some(timeout) = self.timeout {
            checked_timeout("timeout", timeout)?;
        }
        Ok(())
    }

    /// Allows retrying this call even when it is a POST (see the field's docs).
    pub fn retry_non_idempotent(mut self, allow: bool) -> Self {
        self.retry_non_idempotent = allow;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_table() {
        let ok: &[(&str, &str)] = &[
            ("xxxxx.api.infobip.com", "https://xxxxx.api.infobip.com"),
            ("https://x.api.infobip.com/", "https://x.api.infobip.com"),
            ("https://x.api.infobip.com///", "https://x.api.infobip.com"),
            ("https://x.api.infobip.com/proxy/v1/", "https://x.api.infobip.com/proxy/v1"),
            ("x.api.infobip.com:8443/prefix", "https://x.api.infobip.com:8443/prefix"),
            ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
            ("http://127.0.0.2:8080/", "http://127.0.0.2:8080"),
            ("http://[::1]:9", "http://[::1]:9"),
            ("http://localhost:3000", "http://localhost:3000"),
            ("HTTPS://API.INFOBIP.COM", "https://api.infobip.com"),
        ];
        for (input, expected) in ok {
            let parsed = BaseUrl::parse(input).unwrap_or_else(|e| panic!("{input:?} refused: {e}"));
            assert_eq!(parsed.as_str(), *expected, "input {input:?}");
        }
        let refused: &[(&str, &str)] = &[
            ("http://example.com", "loopback"),
            ("http://10.0.0.1", "loopback"),
            ("ftp://x", "scheme"),
            ("", "empty"),
            ("https://x.api.infobip.com/a b", "whitespace"),
            (" x.api.infobip.com", "whitespace"),
            ("x.api.infobip.com\n", "whitespace"),
            ("https://x.api.infobip.com/?a=1", "query"),
            ("https://", "https://"),
            ("http://localhost.example.com", "loopback"),
            ("x.api.infobip.com\r\nX-Evil: 1", "whitespace"),
            ("https://user:pw@x.api.infobip.com", "credentials"),
        ];
        for (input, why) in refused {
            let err = BaseUrl::parse(input).expect_err(input);
            assert_eq!(err.code(), "config", "{input:?}");
            let text = err.to_string();
            assert!(text.contains(why), "{input:?}: {text}");
            assert!(!text.contains("pw@"), "credentials echoed: {text}");
            // The bad value itself is quoted (escaped, so a newline stays visible), credentials masked.
            let quoted = format!("{:?}", masked(input));
            assert!(text.contains(&quoted), "{input:?} is not quoted: {text}");
        }
        let err = BaseUrl::parse("ftp://x").expect_err("ftp");
        assert!(err.to_string().contains("\"ftp://x\""), "{err}");
        let err = BaseUrl::parse("https://user:pw@x.api.infobip.com").expect_err("credentials");
        assert!(err.to_string().contains("\"https://***@x.api.infobip.com\""), "{err}");
        assert!(ok.len() + refused.len() >= 12);
    }

    #[test]
    fn log_settings_become_directives_for_the_sdk_unless_they_are_directives() {
        assert_eq!(log_directive(" DEBUG ").as_deref(), Some("infobip=debug"));
        assert_eq!(log_directive("warn").as_deref(), Some("infobip=warn"));
        assert_eq!(log_directive("infobip=trace,h2=info").as_deref(), Some("infobip=trace,h2=info"));
        assert_eq!(log_directive("  "), None);
    }

    #[test]
    fn loopback_detection() {
        assert!(BaseUrl::parse("http://127.0.0.1:1").map(|b| b.is_loopback()).unwrap_or(false));
        assert!(!BaseUrl::parse("x.api.infobip.com").map(|b| b.is_loopback()).unwrap_or(true));
    }

    #[test]
    fn call_options_override_client_options() {
        let client = RequestOptions::new().timeout(Duration::from_secs(5)).max_retries(1);
        let call = RequestOptions::new().max_retries(0);
        let merged = client.clone().overridden_by(call);
        assert_eq!(merged.timeout, Some(Duration::from_secs(5)));
        assert_eq!(merged.max_retries, Some(0));
        assert_eq!(client.clone().overridden_by(RequestOptions::new()), client);
    }

    #[test]
    fn user_numbers_become_durations_or_config_errors_naming_the_option() {
        assert_eq!(seconds("timeout", 1.5).ok(), Some(Duration::from_millis(1500)));
        assert_eq!(seconds("timeout", 0.0).ok(), Some(Duration::ZERO));
        assert_eq!(millis("connectTimeout", 250.0).ok(), Some(Duration::from_millis(250)));
        assert_eq!(seconds("timeout", MAX_TIMEOUT.as_secs_f64()).ok(), Some(MAX_TIMEOUT));
        for bad in
            [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -1.0, -0.001, 1e23, 1e300, MAX_TIMEOUT.as_secs_f64() + 1.0]
        {
            let err = seconds("timeout", bad).expect_err("refused");
            assert_eq!(err.code(), "config", "{bad}");
            assert!(err.to_string().contains("timeout"), "{err}");
            let err = millis("connectTimeout", bad * 1000.0).expect_err("refused");
            assert_eq!(err.code(), "config", "{bad}");
            assert!(err.to_string().contains("connectTimeout"), "{err}");
        }
        assert_eq!(checked_timeout("t", Duration::MAX).map_err(|e| e.code()), Err("config"));
    }

    #[test]
    fn backoff_ceiling_doubles_and_caps() {
        let p = RetryPolicy::default();
        assert_eq!(p.backoff_ceiling(0), Duration::from_millis(500));
        assert_eq!(p.backoff_ceiling(1), Duration::from_secs(1));
        assert_eq!(p.backoff_ceiling(3), Duration::from_secs(4));
        assert_eq!(p.backoff_ceiling(4), Duration::from_secs(8));
        assert_eq!(p.backoff_ceiling(40), Duration::from_secs(8));
    }
}
