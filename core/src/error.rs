//! Errors: one enum for every failure, with stable codes shared by every language.

use std::fmt;
use std::time::Duration;

use http::HeaderMap;
use serde_json::Value;

/// How much of a response body an [`ApiError`] keeps.
pub const MAX_KEPT_BODY: usize = 4096;

/// Every failure the SDK reports. [`Error::code`] gives a stable string for each kind.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The client is misconfigured (base URL, credentials, options).
    #[error("configuration error: {message}")]
    Config {
        /// What is wrong.
        message: String,
    },
    /// The input was refused before anything was sent.
    #[error("{}", format_violations(violations))]
    Validation {
        /// Each problem, naming the field.
        violations: Vec<Violation>,
    },
    /// The connection could not be made or was lost, and the request certainly had no effect
    /// or could be repeated safely (retries, if any, are exhausted).
    #[error("connection error: {message} (after {attempts} attempt(s))")]
    Connection {
        /// What happened.
        message: String,
        /// Attempts made.
        attempts: u32,
    },
    /// The request timed out (retries, if any, are exhausted).
    #[error("timed out: {message} (after {attempts} attempt(s))")]
    Timeout {
        /// What timed out.
        message: String,
        /// Attempts made.
        attempts: u32,
    },
    /// A request that is not safe to repeat may or may not have been acted on.
    #[error("{}", .0)]
    OutcomeUnknown(Box<OutcomeUnknown>),
    /// The API answered with an error status.
    #[error("{}", .0)]
    Api(Box<ApiError>),
    /// A body could not be read into the expected shape.
    #[error("could not decode {message}{}", offset.map(|o| format!(" (at byte {o})")).unwrap_or_default())]
    Decode {
        /// What could not be decoded, and why.
        message: String,
        /// The byte offset of the problem, when known.
        offset: Option<usize>,
    },
    /// A webhook request failed verification.
    #[error("webhook verification failed: {message}")]
    WebhookVerification {
        /// What failed (never the secret).
        message: String,
    },
    /// An OAuth2 token or an IBSSO session could not be had, so the call that needed it was
    /// not sent at all (sending it again is safe).
    #[error("{}", .0)]
    AuthFailed(Box<AuthFailure>),
    /// A bug of the SDK (a panic caught at a language boundary). Nothing about the input made it
    /// legitimate; please report it.
    #[error("internal error of the Infobip SDK: {message}")]
    Internal {
        /// What went wrong.
        message: String,
    },
}

impl Error {
    /// The stable error code: `config`, `validation`, `connection`, `timeout`,
    /// `outcome_unknown`, `auth_failed`, `bad_request`, `unauthorized`, `forbidden`,
    /// `not_found`, `conflict`, `rate_limited`, `server_error`, `api_error`, `decode`,
    /// `webhook_verification` or `internal`.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Config { .. } => "config",
            Error::Validation { .. } => "validation",
            Error::Connection { .. } => "connection",
            Error::Timeout { .. } => "timeout",
            Error::OutcomeUnknown(_) => "outcome_unknown",
            Error::AuthFailed(_) => "auth_failed",
            Error::Api(api) => api.code(),
            Error::Decode { .. } => "decode",
            Error::WebhookVerification { .. } => "webhook_verification",
            Error::Internal { .. } => "internal",
        }
    }

    /// Every code [`code`](Error::code) can return, in the order of its docs.
    pub const CODES: [&'static str; 17] = [
        "config",
        "validation",
        "connection",
        "timeout",
        "outcome_unknown",
        "auth_failed",
        "bad_request",
        "unauthorized",
        "forbidden",
        "not_found",
        "conflict",
        "rate_limited",
        "server_error",
        "api_error",
        "decode",
        "webhook_verification",
        "internal",
    ];

    /// The API error, when the API answered with an error status.
    pub fn api(&self) -> Option<&ApiError> {
        match self {
            Error::Api(api) => Some(api),
            _ => None,
        }
    }

    /// Attempts made before this error, where requests were sent.
    pub fn attempts(&self) -> Option<u32> {
        match self {
            Error::Connection { attempts, .. } | Error::Timeout { attempts, .. } => Some(*attempts),
            Error::OutcomeUnknown(o) => Some(o.attempts),
            Error::AuthFailed(auth) => Some(auth.attempts),
            Error::Api(api) => Some(api.attempts),
            _ => None,
        }
    }

    /// The request id the API gave, when there was a response.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Error::Api(api) => api.request_id.as_deref(),
            _ => None,
        }
    }

    /// A configuration error.
    pub fn config(message: impl Into<String>) -> Self {
        Error::Config { message: message.into() }
    }

    /// A validation error about one field.
    pub fn validation(field: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Validation { violations: vec![Violation::new(field, message)] }
    }

    /// A decode error.
    pub fn decode(message: impl Into<String>, offset: Option<usize>) -> Self {
        Error::Decode { message: message.into(), offset }
    }

    /// A webhook verification error.
    pub fn webhook_verification(message: impl Into<String>) -> Self {
        Error::WebhookVerification { message: message.into() }
    }

    /// An internal error (a caught panic), from the panic's payload.
    pub fn internal(message: impl Into<String>) -> Self {
        Error::Internal { message: message.into() }
    }

    /// The internal error for a panic caught at a language boundary: its message when the
    /// payload is text, and the SDK logs it once as an error.
    pub fn from_panic(payload: &(dyn std::any::Any + Send)) -> Self {
        let text = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic without a message".to_owned());
        tracing::error!(target: "infobip", panic = %text, "internal error of the SDK (a bug): please report it");
        Error::internal(text)
    }
}

/// Runs `f`, turning a panic (a bug of the SDK) into [`Error::Internal`]: for the bindings'
/// synchronous entry points, so that no panic crosses into another language.
pub fn catch_panic<T>(f: impl FnOnce() -> T) -> Result<T, Error> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|panic| Error::from_panic(&*panic))
}

/// Runs `future`, turning a panic while it is polled (a bug of the SDK) into
/// [`Error::Internal`]: for the bindings' asynchronous entry points.
pub async fn catch_panic_async<F: std::future::Future>(future: F) -> Result<F::Output, Error> {
    let mut future = std::pin::pin!(future);
    std::future::poll_fn(move |cx| match catch_panic(|| future.as_mut().poll(cx)) {
        Ok(poll) => poll.map(Ok),
        Err(error) => std::task::Poll::Ready(Err(error)),
    })
    .await
}

fn format_violations(violations: &[Violation]) -> String {
    let parts: Vec<String> = violations.iter().map(|v| format!("{}: {}", v.property, v.message)).collect();
    format!("invalid request: {}", parts.join("; "))
}

/// One problem with one property of a request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    /// The property, as a path like `messages[0].destinations[0].to`.
    pub property: String,
    /// What is wrong with it.
    pub message: String,
}

impl Violation {
    /// A violation of `property`.
    pub fn new(property: impl Into<String>, message: impl Into<String>) -> Self {
        Violation { property: property.into(), message: message.into() }
    }
}

/// A link the API gives with an error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorResource {
    /// The resource's name.
    pub name: String,
    /// Where it is.
    pub url: String,
}

/// A send whose outcome is unknown: it may or may not have been accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutcomeUnknown {
    /// Why the outcome is unknown.
    pub reason: String,
    /// The operation, as `METHOD /path`.
    pub operation: String,
    /// The bulk id of the send, when it had one.
    pub bulk_id: Option<String>,
    /// The message ids of the send.
    pub message_ids: Vec<String>,
    /// Attempts made.
    pub attempts: u32,
    /// The HTTP status, when the server answered (a 5xx, or a 2xx whose body could not be read).
    pub status: Option<u16>,
}

impl fmt::Display for OutcomeUnknown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "outcome unknown for {}: {}; it was not retried, so nothing is sent twice",
            self.operation, self.reason
        )?;
        if let Some(bulk) = &self.bulk_id {
            write!(f, "; look it up with the logs of bulk id {bulk}")?;
        }
        if !self.message_ids.is_empty() {
            const SHOWN: usize = 5;
            let shown: Vec<&str> = self.message_ids.iter().take(SHOWN).map(String::as_str).collect();
            write!(f, "; message ids {}", shown.join(", "))?;
            if self.message_ids.len() > SHOWN {
                write!(f, " and {} more", self.message_ids.len() - SHOWN)?;
            }
        }
        Ok(())
    }
}

/// Why a call could not authenticate: fetching its OAuth2 token or IBSSO session failed (the
/// endpoint answered an error, timed out or could not be reached, or no token came within the
/// call's timeout). The call itself was not sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuthFailure {
    /// `OAuth2` or `IBSSO`.
    pub scheme: String,
    /// What failed, e.g. `POST /auth/1/oauth2/token: timed out`.
    pub reason: String,
    /// The code of the underlying failure: `unauthorized` (the credentials were refused),
    /// `timeout`, `connection`, `server_error`, `rate_limited`, `decode`, …
    pub cause: String,
    /// The HTTP status of the token or session endpoint, when it answered.
    pub status: Option<u16>,
    /// Attempts made at the token or session endpoint.
    pub attempts: u32,
}

impl AuthFailure {
    /// The failure of a token or session fetch of `scheme` that ended with `error`.
    pub(crate) fn from_error(scheme: &str, error: &Error) -> Self {
        AuthFailure {
            scheme: scheme.to_owned(),
            reason: error.to_string(),
            cause: error.code().to_owned(),
            status: error.api().map(|api| api.status),
            attempts: error.attempts().unwrap_or(0),
        }
    }
}

impl fmt::Display for AuthFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "authentication failed: could not get an {} {} ({}): {}; the call was not sent, so sending it again is safe",
            self.scheme,
            if self.scheme == "IBSSO" { "session" } else { "token" },
            self.cause,
            self.reason
        )
    }
}

/// The API answered with an error status.
#[derive(Clone, Debug, PartialEq)]
pub struct ApiError {
    /// The HTTP status.
    pub status: u16,
    /// Infobip's error code: `E400`… in the current shape, `BAD_REQUEST`… in the legacy shape.
    pub error_code: Option<String>,
    /// The error's text (`description` in the current shape, `text` in the legacy shape).
    pub text: Option<String>,
    /// What to do about it (current shape only).
    pub action: Option<String>,
    /// Problems with individual properties (legacy `validationErrors` folded in).
    pub violations: Vec<Violation>,
    /// Documentation links.
    pub resources: Vec<ErrorResource>,
    /// The request id the API gave (`X-Request-Id`).
    pub request_id: Option<String>,
    /// How long the API asked to wait (`Retry-After`).
    pub retry_after: Option<Duration>,
    /// Attempts made.
    pub attempts: u32,
    /// The first 4 KiB of the body, as text.
    pub body: String,
    /// The operation, as `METHOD /path`.
    pub operation: String,
    /// Whether the body was JSON.
    pub body_is_json: bool,
    /// The base URL the request went to (to spot a wrong one).
    pub base_url: String,
    /// The scopes the operation needs (for 403), when known.
    pub required_scopes: Vec<String>,
}

impl ApiError {
    /// The stable code for the status.
    pub fn code(&self) -> &'static str {
        match self.status {
            400 => "bad_request",
            401 => "unauthorized",
            403 => "forbidden",
            404 => "not_found",
            409 => "conflict",
            429 => "rate_limited",
            500..=599 => "server_error",
            _ => "api_error",
        }
    }

    /// Builds an error from a response: status, headers and body. Both Infobip error shapes,
    /// an empty body, and bodies that are not JSON are understood.
    pub fn from_response(status: u16, headers: &HeaderMap, body: &[u8]) -> Self {
        let mut error = ApiError {
            status,
            error_code: None,
            text: None,
            action: None,
            violations: Vec::new(),
            resources: Vec::new(),
            request_id: request_id(headers),
            retry_after: retry_after(headers, std::time::SystemTime::now()),
            attempts: 1,
            body: kept_body(body),
            operation: String::new(),
            body_is_json: false,
            base_url: String::new(),
            required_scopes: Vec::new(),
        };
        if let Ok(value) = serde_json::from_slice::<Value>(body) {
            error.body_is_json = value.is_object();
            error.read_body(&value);
        }
        error
    }

    fn read_body(&mut self, value: &Value) {
        let text = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_owned);
        if let Some(exception) = value.pointer("/requestError/serviceException") {
            self.error_code = text(exception.get("messageId"));
            self.text = text(exception.get("text"));
            if let Some(Value::Object(fields)) = exception.get("validationErrors") {
                for (property, messages) in fields {
                    match messages {
                        Value::Array(list) => self
                            .violations
                            .extend(list.iter().filter_map(Value::as_str).map(|m| Violation::new(property, m))),
                        Value::String(m) => self.violations.push(Violation::new(property, m)),
                        _ => {}
                    }
                }
            }
        } else {
            self.error_code = text(value.get("errorCode"));
            self.text = text(value.get("description"));
            self.action = text(value.get("action"));
            if let Some(Value::Array(list)) = value.get("violations") {
                for v in list {
                    let property = text(v.get("property")).unwrap_or_default();
                    let message = text(v.get("violation")).or_else(|| text(v.get("message"))).unwrap_or_default();
                    self.violations.push(Violation::new(property, message));
                }
            }
            if let Some(Value::Array(list)) = value.get("resources") {
                for r in list {
                    self.resources.push(ErrorResource {
                        name: text(r.get("name")).unwrap_or_default(),
                        url: text(r.get("url")).unwrap_or_default(),
                    });
                }
            }
        }
        if self.text.is_none() {
            // OAuth-style bodies.
            self.text = text(value.get("error_description")).or_else(|| text(value.get("error")));
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let reason = http::StatusCode::from_u16(self.status).ok().and_then(|s| s.canonical_reason()).unwrap_or("");
        write!(f, "Infobip API returned {} {}", self.status, reason)?;
        if !self.operation.is_empty() {
            write!(f, " for {}", self.operation)?;
        }
        if !self.body_is_json {
            if self.body.trim().is_empty() {
                write!(f, " with an empty body")?;
            } else {
                write!(
                    f,
                    "; the response was not JSON, so it did not come from the Infobip API as expected (check the base URL {})",
                    if self.base_url.is_empty() { "you configured" } else { &self.base_url }
                )?;
            }
        }
        if let Some(code) = &self.error_code {
            write!(f, " [{code}]")?;
        }
        if let Some(text) = &self.text {
            write!(f, ": {text}")?;
        }
        if !self.violations.is_empty() {
            let parts: Vec<String> = self.violations.iter().map(|v| format!("{}: {}", v.property, v.message)).collect();
            write!(f, " ({})", parts.join("; "))?;
        }
        if let Some(action) = &self.action {
            write!(f, ". {action}")?;
        }
        if !self.required_scopes.is_empty() {
            write!(f, " This operation needs one of the scopes: {}.", self.required_scopes.join(", "))?;
        }
        if let Some(id) = &self.request_id {
            write!(f, " (request id {id})")?;
        }
        Ok(())
    }
}

/// The request id of a response, from `X-Request-Id` or a close variant.
pub fn request_id(headers: &HeaderMap) -> Option<String> {
    ["x-request-id", "x-requestid", "request-id", "x-correlation-id"]
        .iter()
        .find_map(|name| headers.get(*name))
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// Reads `Retry-After` as seconds or as an HTTP date (relative to `now`).
pub fn retry_after(headers: &HeaderMap, now: std::time::SystemTime) -> Option<Duration> {
    let text = headers.get(http::header::RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = text.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    if let Ok(seconds) = text.parse::<f64>() {
        // More seconds than a Duration holds (more digits than a u64) means "not for a very long
        // time": saturate rather than panic.
        return (seconds.is_finite() && seconds >= 0.0)
            .then(|| Duration::try_from_secs_f64(seconds).unwrap_or(Duration::MAX));
    }
    let when = chrono::DateTime::parse_from_rfc2822(text).ok()?;
    let when: std::time::SystemTime = when.into();
    Some(when.duration_since(now).unwrap_or(Duration::ZERO))
}

fn kept_body(body: &[u8]) -> String {
    let mut end = body.len().min(MAX_KEPT_BODY);
    while end > 0 && std::str::from_utf8(&body[..end]).is_err() {
        end -= 1;
    }
    String::from_utf8_lossy(&body[..end]).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;

    #[test]
    fn retry_after_forms() {
        let now = std::time::SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        let mut h = HeaderMap::new();
        h.insert("retry-after", HeaderValue::from_static("3"));
        assert_eq!(retry_after(&h, now), Some(Duration::from_secs(3)));
        h.insert("retry-after", HeaderValue::from_static("1.5"));
        assert_eq!(retry_after(&h, now), Some(Duration::from_millis(1500)));
        // 1_700_000_000 is Tue, 14 Nov 2023 22:13:20 GMT.
        h.insert("retry-after", HeaderValue::from_static("Tue, 14 Nov 2023 22:13:50 GMT"));
        assert_eq!(retry_after(&h, now), Some(Duration::from_secs(30)));
        h.insert("retry-after", HeaderValue::from_static("Tue, 14 Nov 2023 22:00:00 GMT"));
        assert_eq!(retry_after(&h, now), Some(Duration::ZERO));
        h.insert("retry-after", HeaderValue::from_static("soon"));
        assert_eq!(retry_after(&h, now), None);
    }

    #[test]
    fn request_id_from_x_request_id_or_an_equivalent_header() {
        for name in ["X-Request-Id", "x-request-id", "X-RequestId", "Request-Id", "X-Correlation-Id"] {
            let mut h = HeaderMap::new();
            h.insert(http::HeaderName::from_bytes(name.as_bytes()).expect("name"), HeaderValue::from_static("rid-1"));
            assert_eq!(request_id(&h).as_deref(), Some("rid-1"), "{name}");
            let error = Error::Api(Box::new(ApiError::from_response(400, &h, b"{}")));
            assert_eq!(error.request_id(), Some("rid-1"), "{name}");
            assert!(error.to_string().contains("(request id rid-1)"), "{error}");
        }
        assert_eq!(request_id(&HeaderMap::new()), None);
    }

    #[test]
    fn panics_become_internal_errors() {
        let error = catch_panic(|| -> u8 { panic!("boom {}", 7) }).expect_err("caught");
        assert_eq!(error.code(), "internal");
        assert!(error.to_string().contains("boom 7"), "{error}");
        assert_eq!(catch_panic(|| 5).ok(), Some(5));
        let runtime = tokio::runtime::Builder::new_current_thread().build().expect("a runtime");
        let error = runtime
            .block_on(catch_panic_async(async {
                tokio::task::yield_now().await;
                if Error::CODES.len() > 1 {
                    panic!("async boom");
                }
                1
            }))
            .expect_err("caught");
        assert_eq!((error.code(), error.to_string().contains("async boom")), ("internal", true));
    }

    #[test]
    fn kept_body_is_cut_on_a_char_boundary() {
        let body = "é".repeat(3000);
        let kept = kept_body(body.as_bytes());
        assert!(kept.len() <= MAX_KEPT_BODY);
        assert!(kept.chars().all(|c| c == 'é'));
    }
}
