//! The one error of the bindings: `InfobipException` (Kotlin, a sealed class with a subclass per
//! code) and `InfobipError` (Swift, an enum with a case per code), converted from
//! [`infobip::Error`] by its stable [`code`](infobip::Error::code).

use std::fmt;

/// Every failure of the SDK. The variant is the stable error code; every variant carries the
/// same [`ErrorDetails`]. Kotlin: `InfobipException.BadRequest(details)`, and
/// `e.details()` on any `InfobipException`; Swift: `InfobipError.badRequest(details:)`.
#[derive(Debug, Clone, uniffi::Error)]
#[uniffi::export(Display)]
pub enum InfobipError {
    /// `config`: the client is misconfigured (base URL, credentials, options).
    Config {
        /// What happened.
        details: ErrorDetails,
    },
    /// `validation`: the input was refused before anything was sent.
    Validation {
        /// What happened.
        details: ErrorDetails,
    },
    /// `connection`: the connection failed and the request certainly had no effect.
    Connection {
        /// What happened.
        details: ErrorDetails,
    },
    /// `timeout`: the request timed out.
    Timeout {
        /// What happened.
        details: ErrorDetails,
    },
    /// `outcome_unknown`: a send may or may not have been accepted; `bulkId` and `messageIds`
    /// tell which logs to look at. It was not repeated.
    OutcomeUnknown {
        /// What happened.
        details: ErrorDetails,
    },
    /// `auth_failed`: the OAuth2 token or IBSSO session a call needed could not be had, so the
    /// call was not sent (sending it again is safe); `cause` is the code of what failed and
    /// `status` the token or session endpoint's answer, if any.
    AuthFailed {
        /// What happened.
        details: ErrorDetails,
    },
    /// `bad_request`: HTTP 400.
    BadRequest {
        /// What happened.
        details: ErrorDetails,
    },
    /// `unauthorized`: HTTP 401.
    Unauthorized {
        /// What happened.
        details: ErrorDetails,
    },
    /// `forbidden`: HTTP 403; `requiredScopes` names the scopes the operation needs, when known.
    Forbidden {
        /// What happened.
        details: ErrorDetails,
    },
    /// `not_found`: HTTP 404.
    NotFound {
        /// What happened.
        details: ErrorDetails,
    },
    /// `conflict`: HTTP 409.
    Conflict {
        /// What happened.
        details: ErrorDetails,
    },
    /// `rate_limited`: HTTP 429; `retryAfterMs` is how long the API asked to wait.
    RateLimited {
        /// What happened.
        details: ErrorDetails,
    },
    /// `server_error`: HTTP 5xx.
    ServerError {
        /// What happened.
        details: ErrorDetails,
    },
    /// `api_error`: any other error status.
    ApiError {
        /// What happened.
        details: ErrorDetails,
    },
    /// `decode`: a body could not be read into the expected shape.
    Decode {
        /// What happened.
        details: ErrorDetails,
    },
    /// `webhook_verification`: a webhook request failed verification.
    WebhookVerification {
        /// What happened.
        details: ErrorDetails,
    },
    /// `internal`: a bug of the SDK (a panic in its native core, caught): please report it.
    Internal {
        /// What happened.
        details: ErrorDetails,
    },
}

#[uniffi::export]
impl InfobipError {
    /// The fields of this error, whatever its code.
    pub fn details(&self) -> ErrorDetails {
        self.as_details().clone()
    }
}

impl InfobipError {
    fn as_details(&self) -> &ErrorDetails {
        match self {
            InfobipError::Config { details }
            | InfobipError::Validation { details }
            | InfobipError::Connection { details }
            | InfobipError::Timeout { details }
            | InfobipError::OutcomeUnknown { details }
            | InfobipError::AuthFailed { details }
            | InfobipError::BadRequest { details }
            | InfobipError::Unauthorized { details }
            | InfobipError::Forbidden { details }
            | InfobipError::NotFound { details }
            | InfobipError::Conflict { details }
            | InfobipError::RateLimited { details }
            | InfobipError::ServerError { details }
            | InfobipError::ApiError { details }
            | InfobipError::Decode { details }
            | InfobipError::WebhookVerification { details }
            | InfobipError::Internal { details } => details,
        }
    }
}

impl fmt::Display for InfobipError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.as_details().message)
    }
}

impl std::error::Error for InfobipError {}

/// Runs an exported call's body; a panic in it (a bug of the SDK) becomes
/// [`InfobipError::Internal`] instead of uniffi's generic `InternalException`.
pub(crate) async fn guarded<T>(
    body: impl std::future::Future<Output = Result<T, InfobipError>>,
) -> Result<T, InfobipError> {
    infobip::error::catch_panic_async(body).await.unwrap_or_else(|panic| Err(panic.into()))
}

/// [`guarded`] for a synchronous call.
pub(crate) fn guarded_sync<T>(body: impl FnOnce() -> Result<T, InfobipError>) -> Result<T, InfobipError> {
    infobip::error::catch_panic(body).unwrap_or_else(|panic| Err(panic.into()))
}

/// The fields of an [`InfobipError`]. Fields that do not apply to a code are empty.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
#[uniffi::export(Display)]
pub struct ErrorDetails {
    /// The stable code (`bad_request`, `timeout`, …), the same in every language.
    pub code: String,
    /// The full message (never contains a secret).
    pub message: String,
    /// The HTTP status, when the API answered.
    pub status: Option<u16>,
    /// Infobip's error code (`E400`…, or legacy `BAD_REQUEST`…).
    pub error_code: Option<String>,
    /// Infobip's error text.
    pub text: Option<String>,
    /// What to do about it, when the API says.
    pub action: Option<String>,
    /// Problems with individual properties, from the API or from validation.
    pub violations: Vec<Violation>,
    /// Documentation links the API gave.
    pub resources: Vec<ErrorResource>,
    /// The request id the API gave (`X-Request-Id`).
    pub request_id: Option<String>,
    /// How long the API asked to wait (`Retry-After`), in milliseconds.
    pub retry_after_ms: Option<u64>,
    /// Attempts made, when requests were sent.
    pub attempts: Option<u32>,
    /// The first 4 KiB of the response body.
    pub body: Option<String>,
    /// Whether the response body was JSON.
    pub body_is_json: bool,
    /// The operation, as `METHOD /path`.
    pub operation: Option<String>,
    /// For `forbidden`: the scopes the operation needs, when known.
    pub required_scopes: Vec<String>,
    /// For `outcome_unknown`: the bulk id of the send.
    pub bulk_id: Option<String>,
    /// For `outcome_unknown`: the message ids of the send.
    pub message_ids: Vec<String>,
    /// For `auth_failed`: the code of what failed at the token or session endpoint
    /// (`unauthorized`, `timeout`, `server_error`, …).
    pub cause: Option<String>,
}

impl fmt::Display for ErrorDetails {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}] {}", self.code, self.message)
    }
}

/// One problem with one property of a request.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Violation {
    /// The property, as a path like `messages[0].destinations[0].to`.
    pub property: String,
    /// What is wrong with it.
    pub message: String,
}

/// A documentation link the API gave with an error.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ErrorResource {
    /// The resource's name.
    pub name: String,
    /// Where it is.
    pub url: String,
}

impl From<infobip::Violation> for Violation {
    fn from(v: infobip::Violation) -> Self {
        Violation { property: v.property, message: v.message }
    }
}

/// The details of a `decode` error about an answer the Kotlin or Swift layer could not read,
/// with the HTTP status and request id of that answer (they throw `Decode` with it).
#[uniffi::export]
pub fn decode_error_details(message: String, status: Option<u16>, request_id: Option<String>) -> ErrorDetails {
    let mut details = InfobipError::from(infobip::Error::decode(message, None)).details();
    details.status = status;
    details.request_id = request_id;
    details
}

impl From<infobip::Error> for InfobipError {
    fn from(error: infobip::Error) -> Self {
        let code = error.code();
        let details = details_of(error);
        // The one table from core codes to variants.
        match code {
            "config" => InfobipError::Config { details },
            "validation" => InfobipError::Validation { details },
            "connection" => InfobipError::Connection { details },
            "timeout" => InfobipError::Timeout { details },
            "outcome_unknown" => InfobipError::OutcomeUnknown { details },
            "auth_failed" => InfobipError::AuthFailed { details },
            "bad_request" => InfobipError::BadRequest { details },
            "unauthorized" => InfobipError::Unauthorized { details },
            "forbidden" => InfobipError::Forbidden { details },
            "not_found" => InfobipError::NotFound { details },
            "conflict" => InfobipError::Conflict { details },
            "rate_limited" => InfobipError::RateLimited { details },
            "server_error" => InfobipError::ServerError { details },
            "decode" => InfobipError::Decode { details },
            "webhook_verification" => InfobipError::WebhookVerification { details },
            "internal" => InfobipError::Internal { details },
            // `api_error` and any code a newer core adds.
            _ => InfobipError::ApiError { details },
        }
    }
}

fn details_of(error: infobip::Error) -> ErrorDetails {
    let mut details = ErrorDetails {
        code: error.code().to_owned(),
        message: error.to_string(),
        status: None,
        error_code: None,
        text: None,
        action: None,
        violations: Vec::new(),
        resources: Vec::new(),
        request_id: None,
        retry_after_ms: None,
        attempts: error.attempts(),
        body: None,
        body_is_json: false,
        operation: None,
        required_scopes: Vec::new(),
        bulk_id: None,
        message_ids: Vec::new(),
        cause: None,
    };
    match error {
        infobip::Error::Validation { violations } => {
            details.violations = violations.into_iter().map(Violation::from).collect();
        }
        infobip::Error::AuthFailed(failure) => {
            details.status = failure.status;
            details.cause = Some(failure.cause);
        }
        infobip::Error::OutcomeUnknown(outcome) => {
            let outcome = *outcome;
            details.status = outcome.status;
            details.operation = Some(outcome.operation);
            details.bulk_id = outcome.bulk_id;
            details.message_ids = outcome.message_ids;
        }
        infobip::Error::Api(api) => {
            let api = *api;
            details.status = Some(api.status);
            details.error_code = api.error_code;
            details.text = api.text;
            details.action = api.action;
            details.violations = api.violations.into_iter().map(Violation::from).collect();
            details.resources = api.resources.into_iter().map(|r| ErrorResource { name: r.name, url: r.url }).collect();
            details.request_id = api.request_id;
            details.retry_after_ms = api.retry_after.map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX));
            details.body = Some(api.body);
            details.body_is_json = api.body_is_json;
            details.operation = Some(api.operation).filter(|o| !o.is_empty());
            details.required_scopes = api.required_scopes;
        }
        _ => {}
    }
    details
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_its_variant() {
        let api =
            |status| infobip::Error::Api(Box::new(infobip::ApiError::from_response(status, &Default::default(), b"")));
        let cases: Vec<(infobip::Error, &str)> = vec![
            (infobip::Error::config("x"), "Config"),
            (infobip::Error::validation("to", "empty"), "Validation"),
            (infobip::Error::Connection { message: "x".into(), attempts: 1 }, "Connection"),
            (infobip::Error::Timeout { message: "x".into(), attempts: 3 }, "Timeout"),
            (api(400), "BadRequest"),
            (api(401), "Unauthorized"),
            (api(403), "Forbidden"),
            (api(404), "NotFound"),
            (api(409), "Conflict"),
            (api(429), "RateLimited"),
            (api(503), "ServerError"),
            (api(418), "ApiError"),
            (infobip::Error::decode("x", Some(3)), "Decode"),
            (infobip::Error::webhook_verification("x"), "WebhookVerification"),
            (infobip::Error::internal("x"), "Internal"),
        ];
        for (error, variant) in cases {
            let code = error.code();
            let converted = InfobipError::from(error);
            assert!(format!("{converted:?}").starts_with(variant), "{code} -> {converted:?}");
            assert_eq!(converted.details().code, code);
        }
    }

    #[test]
    fn outcome_unknown_keeps_the_ids() {
        let error = infobip::Error::OutcomeUnknown(Box::new(infobip::OutcomeUnknown {
            reason: "timed out".into(),
            operation: "POST /sms/3/messages".into(),
            bulk_id: Some("bulk-1".into()),
            message_ids: vec!["m1".into(), "m2".into()],
            attempts: 1,
            status: None,
        }));
        let converted = InfobipError::from(error);
        assert!(matches!(converted, InfobipError::OutcomeUnknown { .. }));
        let details = converted.details();
        assert_eq!(details.bulk_id.as_deref(), Some("bulk-1"));
        assert_eq!(details.message_ids, ["m1", "m2"]);
        assert_eq!(details.attempts, Some(1));
        assert!(converted.to_string().contains("bulk-1"));
    }
}
