//! A send over query parameters (`GET /sms/3/text/query`).

use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use serde::{Deserialize, Deserializer};

use super::content::{LanguageCode, Transliteration};
use super::options::IysRecipientType;
use super::validate::{self, Check};
use crate::error::Error;
use crate::http::Query;

/// A text sent with `GET /sms/3/text/query`. Set the fields you need; unset ones are not sent.
///
/// The SDK assigns a bulk id when none is given (there are no per-destination message ids on
/// this endpoint), so that an outcome in doubt can be looked up in the logs by bulk id.
///
/// Reads from JSON with the API's parameter names (`{"to": ["41793026727"], "text": "Hi",
/// "sendAt": "…"}`); `to` may be one string or a list, and an unknown name is refused.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SendQuery {
    /// The destinations (repeated `to`).
    #[serde(deserialize_with = "one_or_many")]
    pub to: Vec<String>,
    /// The text.
    pub text: String,
    /// The bulk id (up to 100 characters).
    pub bulk_id: Option<String>,
    /// The sender id.
    pub from: Option<String>,
    /// Send as flash SMS.
    pub flash: Option<bool>,
    /// The transliteration.
    pub transliteration: Option<Transliteration>,
    /// The language code.
    pub language_code: Option<LanguageCode>,
    /// Push intermediate delivery reports too.
    pub intermediate_report: Option<bool>,
    /// Where delivery reports are pushed.
    pub notify_url: Option<String>,
    /// The content type of pushed reports.
    pub notify_content_type: Option<String>,
    /// Data returned with the reports (up to 4000 characters).
    pub callback_data: Option<String>,
    /// The validity period in minutes (at most 2880).
    pub validity_period: Option<i64>,
    /// When to send (at most 180 days ahead).
    #[serde(with = "crate::time::serde::option")]
    pub send_at: Option<DateTime<FixedOffset>>,
    /// Return the SMS count of each message.
    pub include_sms_count_in_response: Option<bool>,
    /// Where click reports are sent.
    pub tracking_url: Option<String>,
    /// The conversion tracking type, e.g. `ONE_TIME_PIN`.
    pub tracking_type: Option<String>,
    /// India DLT content template id.
    pub india_dlt_content_template_id: Option<String>,
    /// India DLT principal entity id.
    pub india_dlt_principal_entity_id: Option<String>,
    /// India DLT telemarketer id.
    pub india_dlt_telemarketer_id: Option<String>,
    /// Turkey IYS brand code.
    pub turkey_iys_brand_code: Option<i32>,
    /// Turkey IYS recipient type.
    pub turkey_iys_recipient_type: Option<IysRecipientType>,
    /// South Korea reseller code.
    pub south_korea_reseller_code: Option<i32>,
    /// South Korea title (up to 66 characters).
    pub south_korea_title: Option<String>,
}

/// One destination or a list of them.
fn one_or_many<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    Ok(match OneOrMany::deserialize(d)? {
        OneOrMany::One(one) => vec![one],
        OneOrMany::Many(many) => many,
    })
}

impl SendQuery {
    /// A text to one or more destinations.
    pub fn new<S: Into<String>>(to: impl IntoIterator<Item = S>, text: impl Into<String>) -> Self {
        SendQuery { to: to.into_iter().map(Into::into).collect(), text: text.into(), ..SendQuery::default() }
    }

    /// Sets the sender id.
    pub fn from(mut self, from: impl Into<String>) -> Self {
        self.from = Some(from.into());
        self
    }

    /// Sets the bulk id.
    pub fn bulk_id(mut self, id: impl Into<String>) -> Self {
        self.bulk_id = Some(id.into());
        self
    }

    /// Schedules the send.
    pub fn send_at<Tz: TimeZone>(mut self, at: DateTime<Tz>) -> Self {
        self.send_at = Some(at.fixed_offset());
        self
    }

    pub(crate) fn validate(&self, now: DateTime<Utc>) -> Result<(), Error> {
        let mut check = Check::default();
        if self.to.is_empty() {
            check.add("to", "at least one destination is needed");
        }
        check.total_destinations("to", self.to.len());
        for (i, to) in self.to.iter().enumerate() {
            check.not_empty(&format!("to[{i}]"), to);
            check.max_chars(&format!("to[{i}]"), Some(to), validate::MAX_TO_CHARS);
        }
        check.text("text", &self.text);
        check.max_chars("bulkId", self.bulk_id.as_deref(), validate::MAX_BULK_ID_CHARS);
        check.max_chars("callbackData", self.callback_data.as_deref(), validate::MAX_CALLBACK_DATA_CHARS);
        check.max_chars("southKoreaTitle", self.south_korea_title.as_deref(), 66);
        check.url("notifyUrl", self.notify_url.as_deref());
        check.validity_seconds("validityPeriod", self.validity_period.map(|m| m.saturating_mul(60)));
        check.send_at("sendAt", self.send_at.as_ref(), now);
        check.finish()
    }

    pub(crate) fn to_query(&self) -> Query {
        let mut query = Query::new();
        query
            .push_opt("bulkId", self.bulk_id.as_deref())
            .push_opt("from", self.from.as_deref())
            .push_list("to", &self.to)
            .push("text", &self.text)
            .push_opt("flash", self.flash)
            .push_opt("transliteration", self.transliteration.as_ref())
            .push_opt("languageCode", self.language_code.as_ref())
            .push_opt("intermediateReport", self.intermediate_report)
            .push_opt("notifyUrl", self.notify_url.as_deref())
            .push_opt("notifyContentType", self.notify_content_type.as_deref())
            .push_opt("callbackData", self.callback_data.as_deref())
            .push_opt("validityPeriod", self.validity_period);
        if let Some(at) = &self.send_at {
            query.push_time("sendAt", at);
        }
        query
            .push_opt("includeSmsCountInResponse", self.include_sms_count_in_response)
            .push_opt("trackingUrl", self.tracking_url.as_deref())
            .push_opt("trackingType", self.tracking_type.as_deref())
            .push_opt("indiaDltContentTemplateId", self.india_dlt_content_template_id.as_deref())
            .push_opt("indiaDltPrincipalEntityId", self.india_dlt_principal_entity_id.as_deref())
            .push_opt("indiaDltTelemarketerId", self.india_dlt_telemarketer_id.as_deref())
            .push_opt("turkeyIysBrandCode", self.turkey_iys_brand_code)
            .push_opt("turkeyIysRecipientType", self.turkey_iys_recipient_type.as_ref())
            .push_opt("southKoreaResellerCode", self.south_korea_reseller_code)
            .push_opt("southKoreaTitle", self.south_korea_title.as_deref());
        query
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::from_json;

    #[test]
    fn reads_from_json_with_the_api_names_and_one_or_many_destinations() {
        let one: SendQuery = from_json(
            r#"{"to": "41793026727", "text": "Hi", "from": "InfoSMS", "sendAt": "2030-01-02T03:04:05+00:00"}"#,
            "q",
        )
        .expect("read");
        assert_eq!(one.to, ["41793026727"]);
        assert_eq!(one.from.as_deref(), Some("InfoSMS"));
        assert_eq!(one.send_at.map(|t| crate::time::format(&t)).as_deref(), Some("2030-01-02T03:04:05.000+0000"));
        let many: SendQuery = from_json(
            r#"{"to": ["1", "2"], "text": "Hi", "validityPeriod": 30, "turkeyIysRecipientType": "TACIR", "flash": true}"#,
            "q",
        )
        .expect("read");
        assert_eq!(many.to, ["1", "2"]);
        assert_eq!(many.validity_period, Some(30));
        assert_eq!(many.flash, Some(true));
        assert_eq!(many.turkey_iys_recipient_type.as_ref().map(|t| t.as_str()), Some("TACIR"));
    }

    #[test]
    fn unknown_names_and_wrong_types_are_validation_errors_naming_the_field() {
        let unknown = from_json::<SendQuery>(r#"{"to": "1", "text": "Hi", "sender": "x"}"#, "q").unwrap_err();
        assert_eq!(unknown.code(), "validation");
        assert!(unknown.to_string().contains("sender"), "{unknown}");
        let wrong = from_json::<SendQuery>(r#"{"to": "1", "text": "Hi", "flash": "yes"}"#, "q").unwrap_err();
        assert!(matches!(&wrong, Error::Validation { violations } if violations[0].property == "flash"), "{wrong:?}");
        let bad_time = from_json::<SendQuery>(r#"{"to": "1", "text": "Hi", "sendAt": "soon"}"#, "q").unwrap_err();
        assert!(matches!(&bad_time, Error::Validation { violations } if violations[0].property == "sendAt"));
    }
}
