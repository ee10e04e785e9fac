//! Core errors as structured payloads for the JavaScript layer.
//!
//! A failed call rejects with a plain `Error` whose message is a JSON object with a `code`
//! (the core's stable code, or `aborted`) and the error's fields in camelCase. `lib/errors.js`
//! turns it into the matching `InfobipError` subclass from one table.

use infobip::{Error, Violation};
use serde_json::{Map, Value, json};

/// The code of a call cancelled through its `AbortSignal` (not a core code: only bindings
/// with cancellation have it).
pub(crate) const ABORTED: &str = "aborted";

/// A core error as a JavaScript rejection.
pub(crate) fn to_napi(error: &Error) -> napi::Error {
    napi::Error::from_reason(payload(error).to_string())
}

/// The rejection of a call cancelled by its token. A send whose request may have been written
/// carries its ids (`bulkId`, `messageIds`), so it can be looked up before it is sent again.
pub(crate) fn aborted(written: Option<infobip::SendIds>) -> napi::Error {
    let message = "the call was aborted; if it was a send already on its way, check the logs for what was accepted";
    let mut payload = json!({ "code": ABORTED, "message": message });
    if let Some(ids) = written {
        payload["bulkId"] = ids.bulk_id.into();
        payload["messageIds"] = ids.message_ids.into();
    }
    napi::Error::from_reason(payload.to_string())
}

fn violations(list: &[Violation]) -> Value {
    list.iter().map(|v| json!({ "property": v.property, "message": v.message })).collect()
}

/// The payload: `code`, `message`, and the fields of the error's kind.
pub(crate) fn payload(error: &Error) -> Value {
    let mut out = Map::new();
    out.insert("code".into(), error.code().into());
    out.insert("message".into(), error.to_string().into());
    if let Some(attempts) = error.attempts() {
        out.insert("attempts".into(), attempts.into());
    }
    match error {
        Error::Validation { violations: list } => {
            out.insert("violations".into(), violations(list));
        }
        Error::OutcomeUnknown(o) => {
            out.insert("reason".into(), o.reason.clone().into());
            out.insert("operation".into(), o.operation.clone().into());
            out.insert("bulkId".into(), o.bulk_id.clone().into());
            out.insert("messageIds".into(), o.message_ids.clone().into());
            out.insert("status".into(), o.status.into());
        }
        Error::Api(api) => {
            let fields = json!({
                "status": api.status,
                "errorCode": api.error_code,
                "text": api.text,
                "action": api.action,
                "violations": violations(&api.violations),
                "resources": api.resources.iter().map(|r| json!({ "name": r.name, "url": r.url })).collect::<Value>(),
                "requestId": api.request_id,
                "retryAfterMs": api.retry_after.map(|d| d.as_millis() as u64),
                "body": api.body,
                "bodyIsJson": api.body_is_json,
                "operation": api.operation,
                "requiredScopes": api.required_scopes,
            });
            if let Value::Object(fields) = fields {
                out.extend(fields);
            }
        }
        Error::AuthFailed(failure) => {
            out.insert("scheme".into(), failure.scheme.clone().into());
            out.insert("reason".into(), failure.reason.clone().into());
            out.insert("cause".into(), failure.cause.clone().into());
            out.insert("status".into(), failure.status.into());
        }
        Error::Decode { offset, .. } => {
            out.insert("offset".into(), (*offset).into());
        }
        _ => {}
    }
    Value::Object(out)
}
