//! The bridge for bindings whose typed methods take snake_case arguments (Python): an
//! operation's keyword arguments become its [`CallParams`], and the `validation` errors of the
//! call name the arguments the caller wrote.
//!
//! A generated method passes its arguments by their snake_case names (`bulk_id`, `send_at`,
//! `messages`), which are [`snake_ident`] of the API's names: the generator names them with the
//! same function, so both sides agree by construction. Path, query and header parameters are
//! found by name; the request body is either the argument `body` or, for an operation whose
//! body's top-level properties are arguments themselves (`flat`), every other argument.
//! Nested objects are converted key by key along the operation's request schema:
//!
//! - a key naming a property becomes the API's name (`message_id` → `messageId`; the API's own
//!   name is taken too);
//! - keys of a map of the caller's data (`additionalProperties`: placeholders, custom data)
//!   and of objects the spec does not describe are kept as they are;
//! - any other key is refused before sending, as a `validation` error naming its path
//!   (`messages[0].destinations[0].too`), unless validation is off.
//!
//! [`snake_error`] renames the violations [`Client::call`](crate::Client::call) finds (JSON
//! pointers into the body, `query.sentSince`) the same way.
//!
//! ```
//! use serde_json::json;
//! let args = json!({"messages": [{"destinations": [{"to": "41793026727", "message_id": "m-1"}],
//!     "content": {"text": "Hi"}}], "options": {"schedule": {"bulk_id": "b-1"}}});
//! let params = infobip::bridge::snake_params("send-sms-messages", args.as_object().unwrap().clone(), true, true).unwrap();
//! let body = params.body.unwrap();
//! assert_eq!(body["messages"][0]["destinations"][0]["messageId"], "m-1");
//! assert_eq!(body["options"]["schedule"]["bulkId"], "b-1");
//! ```

use serde_json::{Map, Value};

use crate::catalog::{self, CallParams, Operation, ParamLocation};
use crate::error::{Error, Violation};
use crate::names::snake_ident;

/// The parameters of `operation_id` from arguments named in snake_case. With `flat`, every
/// argument that is not a parameter is a property of the body; otherwise the body is the
/// argument `body`. `None` (JSON `null`) arguments are left out. With `validate` off, keys the
/// schema does not know are sent as they are.
pub fn snake_params(
    operation_id: &str,
    args: Map<String, Value>,
    flat: bool,
    validate: bool,
) -> Result<CallParams, Error> {
    let op = operation(operation_id)?;
    let mut params = CallParams::new();
    let mut violations = Vec::new();
    let mut fields = Map::new();
    let mut body = None;
    for (name, value) in args {
        if value.is_null() {
            continue;
        }
        if let Some(param) = op.params.iter().find(|p| p.name == name || snake_ident(&p.name) == name) {
            let target = match param.location {
                ParamLocation::Path => &mut params.path,
                ParamLocation::Query => &mut params.query,
                _ => &mut params.headers,
            };
            target.insert(param.name.clone(), value);
        } else if flat && op.body.is_some() {
            fields.insert(name, value);
        } else if name == "body" && op.body.is_some() {
            body = Some(op.body_to_wire(value, snake_ident, validate, "body", &mut violations));
        } else {
            violations.push(Violation::new(name, format!("is not an argument of {}", op.id)));
        }
    }
    if flat && (!fields.is_empty() || op.body.as_ref().is_some_and(|b| b.required)) {
        body = Some(op.body_to_wire(Value::Object(fields), snake_ident, validate, "", &mut violations));
    }
    params.body = body;
    if violations.is_empty() { Ok(params) } else { Err(Error::Validation { violations }) }
}

/// `error` with each violation of a call to `operation_id` named as the snake_case arguments
/// name it: `/messages/0/sendAt` → `messages[0].send_at` (under `body.` unless `flat`),
/// `query.sentSince` → `sent_since`. Other errors are returned as they are.
pub fn snake_error(operation_id: &str, error: Error, flat: bool) -> Error {
    let (Error::Validation { violations }, Some(op)) = (&error, catalog::operation(operation_id)) else {
        return error;
    };
    let renamed =
        violations.iter().map(|v| Violation::new(snake_property(op, &v.property, flat), v.message.clone())).collect();
    Error::Validation { violations: renamed }
}

fn snake_property(op: &Operation, property: &str, flat: bool) -> String {
    if property.starts_with('/') {
        return op.body_path(property, snake_ident, if flat { "" } else { "body" });
    }
    for location in ["path.", "query.", "header."] {
        if let Some(name) = property.strip_prefix(location) {
            return snake_ident(name);
        }
    }
    property.to_owned()
}

fn operation(id: &str) -> Result<&'static Operation, Error> {
    catalog::operation(id)
        .ok_or_else(|| Error::validation("operation", format!("{id:?} is not an operation of the catalog")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn args(value: Value) -> Map<String, Value> {
        value.as_object().cloned().unwrap_or_default()
    }

    fn copy(error: &Error) -> Error {
        match error {
            Error::Validation { violations } => Error::Validation { violations: violations.clone() },
            other => panic!("not a validation error: {other:?}"),
        }
    }

    fn properties(error: Error) -> Vec<String> {
        match error {
            Error::Validation { violations } => violations.into_iter().map(|v| v.property).collect(),
            other => panic!("not a validation error: {other:?}"),
        }
    }

    #[test]
    fn parameters_by_snake_name_and_the_body_by_schema() {
        let params = snake_params(
            "get-outbound-sms-message-logs-v3",
            args(json!({"bulk_id": ["b-1"], "sent_since": "2026-01-01T00:00:00.000+0000", "limit": 5, "mcc": null})),
            false,
            true,
        )
        .expect("known parameters");
        assert_eq!(params.query.get("bulkId"), Some(&json!(["b-1"])));
        assert_eq!(params.query.get("sentSince"), Some(&json!("2026-01-01T00:00:00.000+0000")));
        assert_eq!(params.query.len(), 3, "None is left out: {:?}", params.query);
        assert!(params.body.is_none());

        let params = snake_params(
            "send-2fa-pin-code-over-sms",
            args(json!({"application_id": "a", "message_id": "m", "to": "1", "placeholders": {"first_name": "Ann"}})),
            true,
            true,
        )
        .expect("a flat body");
        let body = params.body.expect("a body");
        assert_eq!(body["applicationId"], "a");
        assert_eq!(body["placeholders"], json!({"first_name": "Ann"}), "a map keeps the caller's keys");
    }

    #[test]
    fn unknown_keys_are_named_by_path_unless_validation_is_off() {
        let body = json!({"messages": [{"destinations": [{"to": "1", "mesage_id": "m"}], "content": {"text": "x"}}]});
        let error = snake_params("send-sms-messages", args(body.clone()), true, true).expect_err("a typo");
        assert_eq!(properties(error), ["messages[0].destinations[0].mesage_id"]);
        let sent = snake_params("send-sms-messages", args(body), true, false).expect("validation off");
        assert_eq!(sent.body.expect("body")["messages"][0]["destinations"][0]["mesage_id"], "m");
        let error = snake_params("get-account-balance", args(json!({"limit": 1})), false, true).expect_err("no such");
        assert_eq!(properties(error), ["limit"]);
        let error =
            snake_params("send-sms-messages", args(json!({"body": {"messagez": []}})), false, true).expect_err("typo");
        assert_eq!(properties(error), ["body.messagez"]);
    }

    #[test]
    fn call_violations_are_renamed_to_the_arguments() {
        let error = Error::Validation {
            violations: vec![
                Violation::new("/messages/0/destinations/0/messageId", "must be a string"),
                Violation::new("/options/schedule/sendAt", "must be a string"),
                Violation::new("query.sentSince", "must be a date-time"),
                Violation::new("body", "is required"),
            ],
        };
        assert_eq!(
            properties(snake_error("send-sms-messages", copy(&error), true)),
            ["messages[0].destinations[0].message_id", "options.schedule.send_at", "sent_since", "body"]
        );
        assert_eq!(properties(snake_error("send-sms-messages", error, false))[1], "body.options.schedule.send_at");
        let other = Error::config("x");
        assert_eq!(snake_error("send-sms-messages", other, true).code(), "config");
    }
}
