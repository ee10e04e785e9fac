//! Checks made before anything is sent. Each problem names its field as a path like
//! `messages[0].destinations[1].to`; all problems of a request are reported together.
//!
//! Limits from the spec: `to` ≤ 64 characters, message id ≤ 200, bulk id ≤ 100, callback data
//! ≤ 4000, campaign reference ≤ 255, platform ids ≤ 255, South Korea title ≤ 66, `sendAt` at most
//! 180 days ahead, `limit` of reports, logs and inbox 1 to 1000. The validity period is refused
//! over 48 hours (the API would silently cut it). Two limits are the SDK's own, because neither
//! the spec nor Infobip's reference gives one: a text of at most [`MAX_TEXT_CHARS`] characters and
//! at most [`MAX_DESTINATIONS`] destinations in one request (split bigger sends).

use chrono::{DateTime, Duration, FixedOffset, Utc};

use super::content::Content;
use super::options::{MessageOptions, ValidityPeriod};
use super::request::{Destination, SmsMessage, SmsRequest, Webhooks};
use crate::error::{Error, Violation};

/// The longest `to`.
pub const MAX_TO_CHARS: usize = 64;
/// The longest message id.
pub const MAX_MESSAGE_ID_CHARS: usize = 200;
/// The longest bulk id.
pub const MAX_BULK_ID_CHARS: usize = 100;
/// The longest callback data.
pub const MAX_CALLBACK_DATA_CHARS: usize = 4000;
/// The longest text the SDK sends in one message (its own limit: the spec gives none). Long
/// texts are split into SMS parts by the platform; 4096 characters is about 27 GSM parts.
pub const MAX_TEXT_CHARS: usize = 4096;
/// The most destinations the SDK sends in one request (its own limit: the spec gives none).
pub const MAX_DESTINATIONS: usize = 10_000;
/// The furthest ahead a send can be scheduled.
pub const MAX_SCHEDULE_DAYS: i64 = 180;
/// The longest validity period, in hours.
pub const MAX_VALIDITY_HOURS: i64 = 48;
/// The largest page of reports, logs or inbound messages.
pub const MAX_PAGE_LIMIT: u32 = 1000;

/// Collects violations.
#[derive(Default)]
pub(crate) struct Check(Vec<Violation>);

impl Check {
    pub(crate) fn add(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.0.push(Violation::new(path, message));
    }

    pub(crate) fn not_empty(&mut self, path: &str, value: &str) {
        if value.trim().is_empty() {
            self.add(path, "must not be empty");
        }
    }

    pub(crate) fn max_chars(&mut self, path: &str, value: Option<&str>, max: usize) {
        if let Some(count) = value.map(|v| v.chars().count()).filter(|count| *count > max) {
            self.add(path, format!("is {count} characters long; at most {max} are allowed"));
        }
    }

    pub(crate) fn url(&mut self, path: &str, value: Option<&str>) {
        let Some(value) = value else { return };
        let ok = reqwest::Url::parse(value)
            .map(|url| matches!(url.scheme(), "http" | "https") && url.host_str().is_some_and(|h| !h.is_empty()))
            .unwrap_or(false);
        if !ok {
            self.add(path, format!("must be an http or https URL, got {value:?}"));
        }
    }

    pub(crate) fn send_at(&mut self, path: &str, value: Option<&DateTime<FixedOffset>>, now: DateTime<Utc>) {
        let Some(at) = value else { return };
        if *at < now {
            self.add(path, format!("{} is in the past", crate::time::format(at)));
        } else if *at > now + Duration::days(MAX_SCHEDULE_DAYS) {
            self.add(path, format!("{} is more than {MAX_SCHEDULE_DAYS} days ahead", crate::time::format(at)));
        }
    }

    pub(crate) fn validity_seconds(&mut self, path: &str, seconds: Option<i64>) {
        match seconds {
            Some(s) if s <= 0 => self.add(path, "must be positive"),
            Some(s) if s > MAX_VALIDITY_HOURS * 3600 => {
                self.add(path, format!("is {s} seconds; at most {MAX_VALIDITY_HOURS} hours are allowed"))
            }
            _ => {}
        }
    }

    pub(crate) fn destinations(&mut self, path: &str, destinations: &[Destination]) {
        if destinations.is_empty() {
            self.add(format!("{path}.destinations"), "at least one destination is needed");
        }
        for (i, d) in destinations.iter().enumerate() {
            let at = format!("{path}.destinations[{i}]");
            self.not_empty(&format!("{at}.to"), &d.to);
            self.max_chars(&format!("{at}.to"), Some(&d.to), MAX_TO_CHARS);
            self.max_chars(&format!("{at}.messageId"), d.message_id.as_deref(), MAX_MESSAGE_ID_CHARS);
        }
    }

    pub(crate) fn text(&mut self, path: &str, text: &str) {
        self.not_empty(path, text);
        self.max_chars(path, Some(text), MAX_TEXT_CHARS);
    }

    pub(crate) fn total_destinations(&mut self, path: &str, total: usize) {
        if total > MAX_DESTINATIONS {
            self.add(
                path,
                format!(
                    "{total} destinations in one request; at most {MAX_DESTINATIONS} are sent at once, split the send"
                ),
            );
        }
    }

    pub(crate) fn finish(self) -> Result<(), Error> {
        if self.0.is_empty() { Ok(()) } else { Err(Error::Validation { violations: self.0 }) }
    }
}

/// Checks a page size.
pub(crate) fn check_limit(limit: Option<u32>) -> Result<(), Error> {
    match limit {
        Some(l) if l == 0 || l > MAX_PAGE_LIMIT => {
            Err(Error::validation("limit", format!("is {l}; it must be between 1 and {MAX_PAGE_LIMIT}")))
        }
        _ => Ok(()),
    }
}

/// Checks a send request of `POST /sms/3/messages`.
pub(crate) fn sms_request(request: &SmsRequest, now: DateTime<Utc>) -> Result<(), Error> {
    let mut check = Check::default();
    if request.messages.is_empty() {
        check.add("messages", "at least one message is needed");
    }
    check.total_destinations("messages", request.destinations().count());
    for (i, message) in request.messages.iter().enumerate() {
        self::message(&mut check, &format!("messages[{i}]"), message);
    }
    if let Some(schedule) = request.options.as_ref().and_then(|o| o.schedule.as_ref()) {
        check.max_chars("options.schedule.bulkId", schedule.bulk_id.as_deref(), MAX_BULK_ID_CHARS);
        check.send_at("options.schedule.sendAt", schedule.send_at.as_ref(), now);
        if schedule.sending_speed_limit.as_ref().is_some_and(|l| l.amount <= 0) {
            check.add("options.schedule.sendingSpeedLimit.amount", "must be positive");
        }
    }
    check.finish()
}

fn message(check: &mut Check, path: &str, message: &SmsMessage) {
    check.destinations(path, &message.destinations);
    let content = format!("{path}.content");
    match &message.content {
        Content::Text(text) => check.text(&format!("{content}.text"), &text.text),
        Content::Binary(binary) => check.not_empty(&format!("{content}.hex"), &binary.hex),
        other if other.has_text_and_hex() => check.add(content, "has both text and binary (hex) content; give one"),
        Content::Other(_) => check.add(content, "needs text or binary (hex) content"),
    }
    if let Some(options) = &message.options {
        self::options(check, &format!("{path}.options"), options);
    }
    if let Some(webhooks) = &message.webhooks {
        self::webhooks(check, &format!("{path}.webhooks"), webhooks);
    }
}

fn options(check: &mut Check, path: &str, options: &MessageOptions) {
    if let Some(validity) = &options.validity_period {
        validity_period(check, &format!("{path}.validityPeriod"), validity);
    }
    if let Some(window) = &options.delivery_time_window {
        if window.days.is_empty() {
            check.add(format!("{path}.deliveryTimeWindow.days"), "at least one day is needed");
        }
        for (name, time) in [("from", window.from), ("to", window.to)] {
            if time.is_some_and(|t| !(0..24).contains(&t.hour) || !(0..60).contains(&t.minute)) {
                check.add(format!("{path}.deliveryTimeWindow.{name}"), "hour must be 0-23 and minute 0-59");
            }
        }
    }
    check.max_chars(&format!("{path}.campaignReferenceId"), options.campaign_reference_id.as_deref(), 255);
    if let Some(platform) = &options.platform {
        check.max_chars(&format!("{path}.platform.entityId"), platform.entity_id.as_deref(), 255);
        check.max_chars(&format!("{path}.platform.applicationId"), platform.application_id.as_deref(), 255);
    }
    if let Some(regional) = &options.regional {
        if let Some(dlt) = &regional.india_dlt {
            check.not_empty(&format!("{path}.regional.indiaDlt.principalEntityId"), &dlt.principal_entity_id);
        }
        if let Some(korea) = &regional.south_korea {
            check.max_chars(&format!("{path}.regional.southKorea.title"), korea.title.as_deref(), 66);
        }
    }
}

pub(crate) fn validity_period(check: &mut Check, path: &str, validity: &ValidityPeriod) {
    match validity.as_seconds() {
        Some(seconds) => check.validity_seconds(path, Some(seconds)),
        None => check.add(format!("{path}.timeUnit"), "must be SECONDS, MINUTES or HOURS"),
    }
}

fn webhooks(check: &mut Check, path: &str, webhooks: &Webhooks) {
    check.url(&format!("{path}.delivery.url"), webhooks.delivery.as_ref().and_then(|d| d.url.as_deref()));
    check.max_chars(&format!("{path}.callbackData"), webhooks.callback_data.as_deref(), MAX_CALLBACK_DATA_CHARS);
}

/// Runs every check [`Sms::send`](super::Sms::send) makes before sending, without sending:
/// for tools that check all their input before the first send.
pub fn request(request: &SmsRequest) -> Result<(), Error> {
    sms_request(request, Utc::now())
}

/// Checks that `value` is a phone number in international format: an optional leading `+`,
/// then 3 to 15 digits (E.164), with no spaces or other characters. `field` names it in the
/// error. Sends do not apply this check (the API also takes other address kinds); tools that
/// read numbers from people or files use it before sending.
pub fn phone_number(field: &str, value: &str) -> Result<(), Error> {
    let digits = value.strip_prefix('+').unwrap_or(value);
    if (3..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(Error::validation(
            field,
            format!("{value:?} is not a phone number in international format (3 to 15 digits, e.g. 41793026727)"),
        ))
    }
}

#[cfg(test)]
mod phone_tests {
    use super::{phone_number, request};
    use crate::sms::SmsRequest;

    #[test]
    fn request_runs_the_send_checks() {
        assert!(request(&SmsRequest::text("41793026727", "Hi")).is_ok());
        let err = request(&SmsRequest::text("41793026727", "")).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.contains("text"), "{err}");
    }

    #[test]
    fn phone_numbers_are_digits_in_international_format() {
        for ok in ["41793026727", "+41793026727", "385"] {
            assert!(phone_number("to", ok).is_ok(), "{ok}");
        }
        for bad in ["", "+", "12", "4179302672712345", "41 79 302", "abc", "4179x", "++41"] {
            let err = phone_number("to", bad).err().map(|e| e.to_string()).unwrap_or_default();
            assert!(err.contains("to"), "{bad}: {err}");
        }
    }
}
