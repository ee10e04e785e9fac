//! Conversion between the bindings' records and the core's models through the API's JSON shape,
//! which both sides read and write with serde: the records mirror the core's models field for
//! field (camelCase), so no field is converted by hand and none can be forgotten in one direction.
//!
//! Open enums (statuses, units, languages) are strings here; date-times are strings in
//! Infobip's format (`yyyy-MM-dd'T'HH:mm:ss.SSS+0000`), written and read by the core.

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::InfobipError;

/// A record given by the caller, as the core's model. A value the core's model refuses (a bad
/// date-time, a number out of range) is a `validation` error naming `what`.
pub(crate) fn into_core<T: Serialize, U: DeserializeOwned>(value: &T, what: &str) -> Result<U, InfobipError> {
    serde_json::to_value(value)
        .and_then(serde_json::from_value)
        .map_err(|e| infobip::Error::validation(what, e.to_string()).into())
}

/// A core model, as the bindings' record. A model the record cannot hold is a `decode` error.
pub(crate) fn from_core<T: Serialize, U: DeserializeOwned>(value: &T) -> Result<U, InfobipError> {
    serde_json::to_value(value)
        .and_then(serde_json::from_value)
        .map_err(|e| infobip::Error::decode(format!("a response for the bindings: {e}"), None).into())
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
    use crate::sms_models::*;

    fn full_request() -> SmsRequest {
        SmsRequest {
            messages: vec![SmsMessage {
                destinations: vec![SmsDestination {
                    to: "41793026727".into(),
                    message_id: Some("m1".into()),
                    network_id: Some(3),
                }],
                content: SmsContent::Text {
                    text: "Hello".into(),
                    transliteration: Some("GREEK".into()),
                    language: Some(SmsLanguage {
                        language_code: Some("TR".into()),
                        single_shift: Some(true),
                        locking_shift: None,
                    }),
                },
                sender: Some("InfoSMS".into()),
                options: Some(SmsMessageOptions {
                    platform: Some(SmsPlatform { entity_id: Some("e".into()), application_id: Some("a".into()) }),
                    validity_period: Some(SmsValidityPeriod { amount: 30, time_unit: Some("MINUTES".into()) }),
                    delivery_time_window: Some(SmsDeliveryTimeWindow {
                        days: vec!["MONDAY".into()],
                        from: Some(SmsDeliveryTime { hour: 8, minute: 0 }),
                        to: Some(SmsDeliveryTime { hour: 20, minute: 30 }),
                    }),
                    campaign_reference_id: Some("c".into()),
                    regional: Some(SmsRegional {
                        india_dlt: Some(SmsIndiaDlt { principal_entity_id: "p".into(), ..Default::default() }),
                        turkey_iys: Some(SmsTurkeyIys { recipient_type: "TACIR".into(), brand_code: Some(7) }),
                        south_korea: Some(SmsSouthKorea { reseller_code: Some(1), title: Some("t".into()) }),
                    }),
                    flash: Some(false),
                }),
                webhooks: Some(SmsWebhooks {
                    delivery: Some(SmsDeliveryWebhook {
                        url: Some("https://example.com/dlr".into()),
                        intermediate_report: Some(true),
                        notify: Some(true),
                    }),
                    content_type: Some("application/json".into()),
                    callback_data: Some("cb".into()),
                }),
            }],
            options: Some(SmsSendOptions {
                schedule: Some(SmsSchedule {
                    bulk_id: Some("b1".into()),
                    send_at: Some("2030-01-02T03:04:05.000+0000".into()),
                    sending_speed_limit: Some(SmsSpeedLimit { amount: 10, time_unit: Some("MINUTE".into()) }),
                }),
                tracking: Some(SmsUrlTracking {
                    shorten_url: Some(true),
                    track_clicks: Some(true),
                    ..Default::default()
                }),
                include_sms_count_in_response: Some(true),
                conversion_tracking: Some(SmsConversionTracking {
                    use_conversion_tracking: Some(true),
                    conversion_tracking_name: Some("n".into()),
                }),
            }),
        }
    }

    #[test]
    fn a_full_request_survives_the_core_model_both_ways() {
        let request = full_request();
        let core: infobip::sms::SmsRequest = into_core(&request, "request").expect("into core");
        assert_eq!(core.messages[0].destinations[0].to, "41793026727");
        let back: SmsRequest = from_core(&core).expect("from core");
        assert_eq!(back, request);
    }

    #[test]
    fn a_bad_date_time_is_a_validation_error_naming_the_record() {
        let mut request = full_request();
        if let Some(schedule) = request.options.as_mut().and_then(|o| o.schedule.as_mut()) {
            schedule.send_at = Some("tomorrow".into());
        }
        let error = into_core::<_, infobip::sms::SmsRequest>(&request, "request").expect_err("refused");
        assert_eq!(error.details().code, "validation");
        assert_eq!(error.details().violations[0].property, "request");
        let error = date_time(Some("soon"), "sentSince").expect_err("refused");
        assert_eq!(error.details().violations[0].property, "sentSince");
    }

    #[test]
    fn log_content_of_any_shape_is_read() {
        let read = |json: &str| -> SmsLog {
            let core: infobip::sms::SmsLog = serde_json::from_str(json).expect("core reads it");
            from_core(&core).expect("bindings read it")
        };
        let text = read(r#"{"content":{"text":"Hi"}}"#);
        assert!(matches!(text.content, Some(SmsContent::Text { ref text, .. }) if text == "Hi"));
        let binary = read(r#"{"content":{"hex":"48 69","dataCoding":8}}"#);
        assert!(matches!(binary.content, Some(SmsContent::Binary { data_coding: Some(8), .. })));
        assert_eq!(read(r#"{"content":{}}"#).content, Some(SmsContent::Other {}));
        assert_eq!(read(r#"{"content":{"card":{"title":"x"}}}"#).content, Some(SmsContent::Other {}));
        let log = read(r#"{"sentAt":"2024-01-02T03:04:05.678+00:00","status":{"groupName":"SOMETHING_NEW"}}"#);
        assert_eq!(log.sent_at.as_deref(), Some("2024-01-02T03:04:05.678+0000"));
        assert_eq!(log.status.and_then(|s| s.group_name).as_deref(), Some("SOMETHING_NEW"));
    }
}
