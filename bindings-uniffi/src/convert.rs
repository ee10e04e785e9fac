//! The bindings' JSON in and out of the core's hand-written calls: a request the generated
//! Kotlin/Swift models wrote, read into the core's model; a core answer written back as the API's
//! JSON for those models to read.

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::catalog::RawResponse;
use crate::error::InfobipError;

/// JSON the caller's models wrote, as the core's model. What the model refuses (a bad
/// date-time, an unknown or mistyped field) is a `validation` error naming `what`.
pub(crate) fn from_json<T: DeserializeOwned>(text: &str, what: &str) -> Result<T, InfobipError> {
    serde_json::from_str(text).map_err(|e| infobip::Error::validation(what, e.to_string()).into())
}

/// A core answer as the API's JSON bytes, with the request id of its HTTP response.
pub(crate) fn answer<T: Serialize>(value: &T, request_id: Option<String>) -> Result<RawResponse, InfobipError> {
    let body = serde_json::to_vec(value)
        .map_err(|e| infobip::Error::decode(format!("a response for the bindings: {e}"), None))?;
    Ok(RawResponse { status: 200, headers: Default::default(), body, request_id, attempts: 1 })
}

/// A date-time given as text, read by the core's lenient parser.
pub(crate) fn date_time(
    text: Option<&str>,
    what: &str,
) -> Result<Option<chrono::DateTime<chrono::FixedOffset>>, InfobipError> {
    text.map(|t| infobip::time::parse(t).map_err(|e| infobip::Error::validation(what, e.to_string()).into()))
        .transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_the_models_wrote_is_the_core_model_and_a_bad_one_names_the_record() {
        let json = r#"{"messages":[{"destinations":[{"to":"41793026727"}],"content":{"text":"Hi"},
            "sender":"InfoSMS"}],"options":{"schedule":{"sendAt":"2030-01-02T03:04:05.000+00:00"}}}"#;
        let request: infobip::sms::SmsRequest = from_json(json, "request").expect("read");
        assert_eq!(request.messages[0].destinations[0].to, "41793026727");
        let bad = r#"{"messages":[],"options":{"schedule":{"sendAt":"tomorrow"}}}"#;
        let error = from_json::<infobip::sms::SmsRequest>(bad, "request").expect_err("refused");
        assert_eq!(error.details().code, "validation");
        assert_eq!(error.details().violations[0].property, "request");
        let error = date_time(Some("soon"), "sentSince").expect_err("refused");
        assert_eq!(error.details().violations[0].property, "sentSince");
    }

    #[test]
    fn an_answer_is_the_api_json_with_the_request_id_beside_it() {
        let log: infobip::sms::SmsLog =
            serde_json::from_str(r#"{"sentAt":"2024-01-02T03:04:05.678+00:00","content":{"text":"Hi"}}"#)
                .expect("core reads it");
        let raw = answer(&log, Some("r-1".into())).expect("written");
        let back: serde_json::Value = serde_json::from_slice(&raw.body).expect("JSON");
        assert_eq!(back["sentAt"], "2024-01-02T03:04:05.678+0000");
        assert_eq!(back["content"]["text"], "Hi");
        assert_eq!(raw.request_id.as_deref(), Some("r-1"));
    }
}
