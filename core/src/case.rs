//! Key case conversion for the JSON of the typed models, for bindings whose language names
//! fields in snake_case (Python): `bulkId` ↔ `bulk_id`.
//!
//! The models serialise with the API's camelCase names. A binding converts a caller's
//! snake_case keys with [`to_camel`] before deserialising into a model, and a model's
//! serialised JSON with [`to_snake`] before handing it out. Two things are not mechanical and
//! are listed here, once:
//!
//! - acronyms the API writes in capitals ([`IRREGULAR`]: `repeatDTMF` ↔ `repeat_dtmf`);
//! - maps whose keys are the caller's data, not field names ([`VERBATIM`]: 2FA placeholders,
//!   webhook headers); their keys are never converted.
//!
//! [`from_snake`] and [`to_snake_json`] do the whole trip for a model, and [`from_snake`]
//! refuses keys the model does not know (a typo must not be dropped silently).

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::error::Error;

pub use crate::names::{IRREGULAR, camel_name, snake_name};

/// Fields (camelCase) whose value is a map of the caller's own keys.
pub const VERBATIM: &[&str] = &["placeholders", "landingPagePlaceholders", "headers"];

/// Converts every object key of `value` to snake_case, except inside [`VERBATIM`] maps.
pub fn to_snake(value: Value) -> Value {
    convert(value, &snake_name)
}

/// Converts every object key of `value` to camelCase, except inside [`VERBATIM`] maps.
pub fn to_camel(value: Value) -> Value {
    convert(value, &camel_name)
}

fn convert(value: Value, rename: &dyn Fn(&str) -> String) -> Value {
    match value {
        Value::Object(object) => {
            let mut out = Map::with_capacity(object.len());
            for (key, item) in object {
                let renamed = rename(&key);
                let camel = camel_name(&renamed);
                let item = if VERBATIM.contains(&camel.as_str()) { item } else { convert(item, rename) };
                out.insert(renamed, item);
            }
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(items.into_iter().map(|v| convert(v, rename)).collect()),
        other => other,
    }
}

/// Reads a model from snake_case JSON. `path` names the argument the value came from; errors
/// are `validation` errors naming the field (`messages[0].sendr: unknown field`).
pub fn from_snake<T: DeserializeOwned>(value: Value, path: &str) -> Result<T, Error> {
    let what = if path.is_empty() { "request" } else { path };
    crate::input::read(to_camel(value), what, path, &snake_name)
}

/// Writes a model as snake_case JSON.
pub fn to_snake_json<T: Serialize + ?Sized>(model: &T) -> Result<Value, Error> {
    serde_json::to_value(model).map(to_snake).map_err(|e| Error::decode(format!("a model as JSON: {e}"), None))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn names_both_ways() {
        let table = [
            ("bulkId", "bulk_id"),
            ("messageId", "message_id"),
            ("to", "to"),
            ("includeSmsCountInResponse", "include_sms_count_in_response"),
            ("repeatDTMF", "repeat_dtmf"),
            ("allowedIPs", "allowed_ips"),
            ("enabledSSLProtocols", "enabled_ssl_protocols"),
            ("sendAt", "send_at"),
            ("mccMnc", "mcc_mnc"),
            ("pinTimeToLive", "pin_time_to_live"),
        ];
        for (camel, snake) in table {
            assert_eq!(snake_name(camel), snake, "{camel}");
            assert_eq!(camel_name(snake), camel, "{snake}");
        }
        assert_eq!(camel_name("bulkId"), "bulkId");
        assert_eq!(snake_name("HTTPStatus"), "http_status");
        assert_eq!(camel_name("_private"), "_private");
    }

    #[test]
    fn values_keep_verbatim_maps() {
        let snake = json!({
            "bulk_id": "b",
            "messages": [{"destinations": [{"to": "1", "message_id": "m"}]}],
            "placeholders": {"first_name": "Ann", "lastName": "B"},
            "landing_page_placeholders": {"some_key": "x"},
        });
        let camel = to_camel(snake.clone());
        assert_eq!(
            camel,
            json!({
                "bulkId": "b",
                "messages": [{"destinations": [{"to": "1", "messageId": "m"}]}],
                "placeholders": {"first_name": "Ann", "lastName": "B"},
                "landingPagePlaceholders": {"some_key": "x"},
            })
        );
        assert_eq!(to_snake(camel), snake);
    }

    #[derive(serde::Deserialize, serde::Serialize, Debug, PartialEq)]
    #[serde(rename_all = "camelCase")]
    struct Inner {
        message_id: Option<String>,
    }

    #[derive(serde::Deserialize, serde::Serialize, Debug, PartialEq)]
    #[serde(rename_all = "camelCase")]
    struct Outer {
        bulk_id: Option<String>,
        #[serde(default)]
        messages: Vec<Inner>,
    }

    #[test]
    fn from_snake_reads_and_names_unknown_keys() {
        let model: Outer =
            from_snake(json!({"bulk_id": "b", "messages": [{"message_id": "m"}]}), "request").expect("known keys");
        assert_eq!(model, Outer { bulk_id: Some("b".into()), messages: vec![Inner { message_id: Some("m".into()) }] });
        assert_eq!(to_snake_json(&model).expect("json"), json!({"bulk_id": "b", "messages": [{"message_id": "m"}]}));
        let err =
            from_snake::<Outer>(json!({"messages": [{"mesage_id": "m"}], "bulkk": 1}), "request").expect_err("typos");
        let Error::Validation { violations } = err else { panic!("{err:?}") };
        let fields: Vec<&str> = violations.iter().map(|v| v.property.as_str()).collect();
        assert_eq!(fields, ["request.messages[0].mesage_id", "request.bulkk"]);
        let err = from_snake::<Outer>(json!({"bulk_id": 5}), "request").expect_err("type");
        assert_eq!(err.code(), "validation");
        assert!(err.to_string().contains("request"), "{err}");
    }
}
