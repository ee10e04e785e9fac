//! Error bodies in the shapes the real API uses: `ApiError` (`/sms/3/*` and newer APIs) and the
//! legacy `requestError.serviceException` (`/sms/1`, `/sms/2`, 2FA, account, subscriptions, …).

use crate::schema::Violation;
use crate::spec::ErrorShape;
use serde_json::{Map, Value, json};

fn api_error_texts(status: u16) -> (&'static str, &'static str, Value) {
    match status {
        400 => ("Request cannot be processed.", "Check the syntax, violations and adjust the request.", json!([])),
        401 => (
            "The request lacks valid authentication credentials for the requested resource.",
            "Check the resources and adjust authentication credentials.",
            json!([{"name":"API Authentication","url":"https://www.infobip.com/docs/essentials/api-authentication"}]),
        ),
        403 => (
            "Insufficient permissions to access the requested resource.",
            "Repeat the request with new or different credentials.",
            json!([{"name":"API Scopes","url":"https://www.infobip.com/docs/essentials/api-essentials/api-authorization#api-scopes"}]),
        ),
        404 => (
            "The requested resource was not found.",
            "Check the request URL and the identifiers used in it.",
            json!([]),
        ),
        405 => (
            "The request method is not supported for the requested resource.",
            "Check the HTTP method in the API endpoint documentation.",
            json!([]),
        ),
        413 => ("Request entity too large.", "Reduce the size of the request body.", json!([])),
        429 => (
            "Too many requests sent.",
            "Check request rate limit specified in the API endpoint documentation resource.",
            json!([{"name":"Throttling handling errors","url":"https://www.infobip.com/docs/essentials/integration-best-practices#throttling-handling-errors"}]),
        ),
        503 => ("Service temporarily unavailable.", "Repeat the request later.", json!([])),
        _ => ("Something went wrong.", "Contact the support.", json!([])),
    }
}

fn legacy_texts(status: u16) -> (&'static str, &'static str) {
    match status {
        400 => ("BAD_REQUEST", "Bad request"),
        401 => ("UNAUTHORIZED", "Invalid login details"),
        403 => ("FORBIDDEN", "Forbidden"),
        404 => ("NOT_FOUND", "Not found"),
        405 => ("METHOD_NOT_ALLOWED", "Method not allowed"),
        409 => ("CONFLICT", "Conflict"),
        413 => ("REQUEST_ENTITY_TOO_LARGE", "Request entity too large"),
        429 => ("TOO_MANY_REQUESTS", "Too many requests"),
        503 => ("SERVICE_UNAVAILABLE", "Service temporarily unavailable"),
        _ => ("GENERAL_ERROR", "Something went wrong. Please contact support."),
    }
}

/// Builds an error body for `status` in `shape`, with optional violations and legacy text override.
pub(crate) fn body(shape: ErrorShape, status: u16, violations: &[Violation], text: Option<&str>) -> Value {
    match shape {
        ErrorShape::ApiError => {
            let (description, action, resources) = api_error_texts(status);
            let v: Vec<Value> =
                violations.iter().map(|v| json!({"property": v.property, "violation": v.message})).collect();
            json!({
                "errorCode": format!("E{status}"),
                "description": text.unwrap_or(description),
                "action": action,
                "violations": v,
                "resources": resources,
            })
        }
        ErrorShape::Legacy | ErrorShape::Platform | ErrorShape::OAuth => {
            let (message_id, default_text) = legacy_texts(status);
            let mut exception = Map::new();
            exception.insert("messageId".into(), json!(message_id));
            exception.insert("text".into(), json!(text.unwrap_or(default_text)));
            if !violations.is_empty() {
                let mut errors: Map<String, Value> = Map::new();
                for v in violations {
                    let entry = errors.entry(v.property.clone()).or_insert_with(|| json!([]));
                    if let Value::Array(a) = entry {
                        a.push(json!(v.message));
                    }
                }
                exception.insert("validationErrors".into(), Value::Object(errors));
            }
            let mut root = json!({"requestError": {"serviceException": Value::Object(exception)}});
            if shape == ErrorShape::OAuth {
                let code = match status {
                    401 => "invalid_client",
                    400 => "invalid_request",
                    429 => "too_many_requests",
                    _ => "server_error",
                };
                root["error"] = json!(code);
            }
            root
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_match_fixtures() {
        let b = body(ErrorShape::ApiError, 401, &[], None);
        assert_eq!(b["errorCode"], "E401");
        assert_eq!(b["resources"][0]["name"], "API Authentication");
        let b = body(ErrorShape::Legacy, 400, &[Violation::new("field", "field must not be null")], None);
        assert_eq!(
            b,
            json!({"requestError":{"serviceException":{"messageId":"BAD_REQUEST","text":"Bad request","validationErrors":{"field":["field must not be null"]}}}})
        );
        let b = body(ErrorShape::OAuth, 401, &[], None);
        assert_eq!(b["error"], "invalid_client");
    }
}
