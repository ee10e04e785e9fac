//! Reading binding input into the core's models.
//!
//! Bindings hand over what their language's objects hold as JSON text (Node's `JSON.stringify`,
//! Python's dicts through `json.dumps`, …). [`from_json`] reads it into a model; a value of the
//! wrong type or shape is a `validation` error naming the field by its path
//! (`messages[0].destinations[1].to`), so it is refused before anything is sent (DESIGN.md rule 7).

use serde::de::DeserializeOwned;

use crate::error::Error;

/// Reads JSON text into `T`. `what` names the whole input (e.g. `request`) for problems that are
/// not inside a field, like text that is not JSON at all.
pub fn from_json<T: DeserializeOwned>(text: &str, what: &str) -> Result<T, Error> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|e| violation(&e, what))?;
    deserializer.end().map_err(|e| Error::validation(what, describe(&e)))?;
    Ok(value)
}

/// Reads a JSON value into `T`, with the same errors as [`from_json`].
pub fn from_value<T: DeserializeOwned>(value: serde_json::Value, what: &str) -> Result<T, Error> {
    serde_path_to_error::deserialize(value).map_err(|e| violation(&e, what))
}

/// A validation error naming the field where reading failed (or `what`, at the top level).
fn violation(error: &serde_path_to_error::Error<serde_json::Error>, what: &str) -> Error {
    let path = error.path().to_string();
    let property = if path.is_empty() || path == "." { what.to_owned() } else { path };
    Error::validation(property, describe(error.inner()))
}

/// serde_json's message without its `at line … column …` suffix.
fn describe(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rsplit_once(" at line ") {
        Some((message, _)) => message.to_owned(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Violation;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Outer {
        messages: Vec<Inner>,
        #[serde(default, with = "crate::time::serde::option")]
        send_at: Option<chrono::DateTime<chrono::FixedOffset>>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Inner {
        to: String,
    }

    fn violation(text: &str) -> Violation {
        match from_json::<Outer>(text, "request") {
            Err(Error::Validation { mut violations }) => violations.remove(0),
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn wrong_types_name_the_field() {
        let v = violation(r#"{"messages":[{"to":"1"},{"to":5}]}"#);
        assert_eq!(v.property, "messages[1].to");
        assert!(v.message.contains("invalid type: integer `5`"), "{}", v.message);
        assert!(!v.message.contains("line"), "{}", v.message);
        let v = violation(r#"{"messages":[{}]}"#);
        assert_eq!(v.property, "messages[0]");
        assert!(v.message.contains("missing field `to`"), "{}", v.message);
        let v = violation(r#"{"messages":[],"send_at":"Invalid Date"}"#);
        assert_eq!(v.property, "send_at");
        assert!(v.message.contains("Invalid Date"), "{}", v.message);
    }

    #[test]
    fn whole_input_problems_name_the_input() {
        assert_eq!(violation("5").property, "request");
        assert_eq!(violation("not json").property, "request");
        assert_eq!(violation(r#"{"messages":[]} x"#).property, "request");
        assert!(from_json::<Outer>(r#"{"messages":[{"to":"41"}],"send_at":"2026-01-02T03:04:05Z"}"#, "r").is_ok());
        let value = serde_json::json!({"messages": [{"to": true}]});
        match from_value::<Outer>(value, "request") {
            Err(Error::Validation { violations }) => assert_eq!(violations[0].property, "messages[0].to"),
            other => panic!("{other:?}"),
        }
    }
}
