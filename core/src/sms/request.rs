//! The send request of `POST /sms/3/messages` and its builder methods.

use chrono::{DateTime, TimeZone};
use serde::{Deserialize, Serialize};

use super::content::{BinaryContent, Content, Language, TextContent, Transliteration};
use super::options::{
    ConversionTracking, DeliveryTimeWindow, IndiaDlt, MessageOptions, Platform, Regional, Schedule, SendOptions,
    SendingSpeedLimit, SouthKorea, TurkeyIys, UrlTracking, ValidityPeriod,
};

/// A destination of a message.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Destination {
    /// The phone number in international format without `+` (e.g. `41793026727`; up to 64 characters).
    #[serde(default)]
    pub to: String,
    /// The message id (up to 200 characters); the SDK assigns one when none is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
    /// The network id (US and Canada only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network_id: Option<i32>,
}

impl Destination {
    /// A destination by phone number.
    pub fn to(to: impl Into<String>) -> Self {
        Destination { to: to.into(), ..Destination::default() }
    }

    /// Sets the message id.
    pub fn message_id(mut self, id: impl Into<String>) -> Self {
        self.message_id = Some(id.into());
        self
    }

    /// Sets the network id.
    pub fn network_id(mut self, id: i32) -> Self {
        self.network_id = Some(id);
        self
    }
}

/// Delivery report settings of a message.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeliveryWebhook {
    /// Where delivery reports are pushed (http or https).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Push intermediate (non-final) reports too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intermediate_report: Option<bool>,
    /// Whether reports are pushed at all (`false`: none; absent: the account's subscriptions apply).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notify: Option<bool>,
}

/// Webhook settings of a message.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Webhooks {
    /// Delivery reports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery: Option<DeliveryWebhook>,
    /// The content type of pushed reports (`application/json` or `application/xml`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// Data returned with the message's reports (up to 4000 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub callback_data: Option<String>,
}

/// One message: content for one or more destinations.
///
/// ```
/// use infobip::sms::{SmsMessage, ValidityPeriod};
/// let message = SmsMessage::text("Your code is 1234")
///     .to("41793026727")
///     .sender("InfoSMS")
///     .validity_period(ValidityPeriod::minutes(10))
///     .delivery_url("https://example.com/reports");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SmsMessage {
    /// The sender id, alphanumeric or numeric.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender: Option<String>,
    /// The destinations.
    #[serde(default)]
    pub destinations: Vec<Destination>,
    /// The content.
    #[serde(default)]
    pub content: Content,
    /// Options of this message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<MessageOptions>,
    /// Webhook settings of this message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webhooks: Option<Webhooks>,
}

impl SmsMessage {
    /// A text message, with no destination yet.
    pub fn text(text: impl Into<String>) -> Self {
        SmsMessage::with_content(Content::Text(TextContent { text: text.into(), ..TextContent::default() }))
    }

    /// A binary message of space-separated hexadecimal pairs (`"48 69"`), with no destination yet.
    pub fn binary(hex: impl Into<String>) -> Self {
        SmsMessage::with_content(Content::Binary(BinaryContent { hex: hex.into(), ..BinaryContent::default() }))
    }

    /// A message with the given content, with no destination yet.
    pub fn with_content(content: Content) -> Self {
        SmsMessage { content, ..SmsMessage::default() }
    }

    /// Adds a destination by phone number.
    pub fn to(self, to: impl Into<String>) -> Self {
        self.destination(Destination::to(to))
    }

    /// Adds a destination.
    pub fn destination(mut self, destination: Destination) -> Self {
        self.destinations.push(destination);
        self
    }

    /// Sets the sender id.
    pub fn sender(mut self, sender: impl Into<String>) -> Self {
        self.sender = Some(sender.into());
        self
    }

    /// Sets the transliteration (text content only; ignored otherwise).
    pub fn transliteration(mut self, transliteration: impl Into<Transliteration>) -> Self {
        if let Content::Text(text) = &mut self.content {
            text.transliteration = Some(transliteration.into());
        }
        self
    }

    /// Sets the language (text content only; ignored otherwise).
    pub fn language(mut self, language: Language) -> Self {
        if let Content::Text(text) = &mut self.content {
            text.language = Some(language);
        }
        self
    }

    /// Sets the data coding (binary content only; ignored otherwise).
    pub fn data_coding(mut self, data_coding: i32) -> Self {
        if let Content::Binary(binary) = &mut self.content {
            binary.data_coding = Some(data_coding);
        }
        self
    }

    /// Sets the ESM class (binary content only; ignored otherwise).
    pub fn esm_class(mut self, esm_class: i32) -> Self {
        if let Content::Binary(binary) = &mut self.content {
            binary.esm_class = Some(esm_class);
        }
        self
    }

    fn options_mut(&mut self) -> &mut MessageOptions {
        self.options.get_or_insert_with(MessageOptions::default)
    }

    fn regional_mut(&mut self) -> &mut Regional {
        self.options_mut().regional.get_or_insert_with(Regional::default)
    }

    fn webhooks_mut(&mut self) -> &mut Webhooks {
        self.webhooks.get_or_insert_with(Webhooks::default)
    }

    fn delivery_mut(&mut self) -> &mut DeliveryWebhook {
        self.webhooks_mut().delivery.get_or_insert_with(DeliveryWebhook::default)
    }

    /// Sets the validity period (at most 48 hours).
    pub fn validity_period(mut self, period: ValidityPeriod) -> Self {
        self.options_mut().validity_period = Some(period);
        self
    }

    /// Sets the delivery time window.
    pub fn delivery_time_window(mut self, window: DeliveryTimeWindow) -> Self {
        self.options_mut().delivery_time_window = Some(window);
        self
    }

    /// Sends as a flash SMS.
    pub fn flash(mut self, flash: bool) -> Self {
        self.options_mut().flash = Some(flash);
        self
    }

    /// Sets the platform entity id.
    pub fn entity_id(mut self, id: impl Into<String>) -> Self {
        self.options_mut().platform.get_or_insert_with(Platform::default).entity_id = Some(id.into());
        self
    }

    /// Sets the platform application id.
    pub fn application_id(mut self, id: impl Into<String>) -> Self {
        self.options_mut().platform.get_or_insert_with(Platform::default).application_id = Some(id.into());
        self
    }

    /// Sets the campaign reference id.
    pub fn campaign_reference_id(mut self, id: impl Into<String>) -> Self {
        self.options_mut().campaign_reference_id = Some(id.into());
        self
    }

    /// Sets India DLT options.
    pub fn india_dlt(mut self, dlt: IndiaDlt) -> Self {
        self.regional_mut().india_dlt = Some(dlt);
        self
    }

    /// Sets Turkey IYS options.
    pub fn turkey_iys(mut self, iys: TurkeyIys) -> Self {
        self.regional_mut().turkey_iys = Some(iys);
        self
    }

    /// Sets South Korea options.
    pub fn south_korea(mut self, options: SouthKorea) -> Self {
        self.regional_mut().south_korea = Some(options);
        self
    }

    /// Sets the URL delivery reports are pushed to.
    pub fn delivery_url(mut self, url: impl Into<String>) -> Self {
        self.delivery_mut().url = Some(url.into());
        self
    }

    /// Asks for intermediate delivery reports too.
    pub fn intermediate_report(mut self, on: bool) -> Self {
        self.delivery_mut().intermediate_report = Some(on);
        self
    }

    /// Sets whether delivery reports are pushed at all.
    pub fn notify(mut self, on: bool) -> Self {
        self.delivery_mut().notify = Some(on);
        self
    }

    /// Sets the content type of pushed reports.
    pub fn webhook_content_type(mut self, content_type: impl Into<String>) -> Self {
        self.webhooks_mut().content_type = Some(content_type.into());
        self
    }

    /// Sets data returned with the message's reports (up to 4000 characters).
    pub fn callback_data(mut self, data: impl Into<String>) -> Self {
        self.webhooks_mut().callback_data = Some(data.into());
        self
    }
}

/// A request to send one or more messages (`POST /sms/3/messages`).
///
/// ```
/// use infobip::sms::{SmsMessage, SmsRequest};
/// // The common case in one line:
/// let one = SmsRequest::text("41793026727", "Hello").sender("InfoSMS");
/// // Anything else with the builder methods:
/// let bulk = SmsRequest::new()
///     .message(SmsMessage::text("Hi Ann").to("41793026727"))
///     .message(SmsMessage::text("Hi Bob").to("41793026834").flash(true))
///     .bulk_id("newsletter-2026-12");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SmsRequest {
    /// The messages.
    #[serde(default)]
    pub messages: Vec<SmsMessage>,
    /// Options of the whole request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<SendOptions>,
}

impl SmsRequest {
    /// An empty request; add messages with [`message`](SmsRequest::message).
    pub fn new() -> Self {
        SmsRequest::default()
    }

    /// One text message to one destination.
    pub fn text(to: impl Into<String>, text: impl Into<String>) -> Self {
        SmsRequest::new().message(SmsMessage::text(text).to(to))
    }

    /// One binary message (space-separated hexadecimal pairs) to one destination.
    pub fn binary(to: impl Into<String>, hex: impl Into<String>) -> Self {
        SmsRequest::new().message(SmsMessage::binary(hex).to(to))
    }

    /// Adds a message.
    pub fn message(mut self, message: SmsMessage) -> Self {
        self.messages.push(message);
        self
    }

    /// Sets the sender id of every message added so far.
    pub fn sender(mut self, sender: impl Into<String>) -> Self {
        let sender = sender.into();
        for message in &mut self.messages {
            message.sender = Some(sender.clone());
        }
        self
    }

    fn options_mut(&mut self) -> &mut SendOptions {
        self.options.get_or_insert_with(SendOptions::default)
    }

    pub(crate) fn schedule_mut(&mut self) -> &mut Schedule {
        self.options_mut().schedule.get_or_insert_with(Schedule::default)
    }

    /// Sets the bulk id (up to 100 characters).
    pub fn bulk_id(mut self, bulk_id: impl Into<String>) -> Self {
        self.schedule_mut().bulk_id = Some(bulk_id.into());
        self
    }

    /// Schedules the request (at most 180 days ahead).
    pub fn send_at<Tz: TimeZone>(mut self, at: DateTime<Tz>) -> Self {
        self.schedule_mut().send_at = Some(at.fixed_offset());
        self
    }

    /// Limits the sending speed.
    pub fn sending_speed_limit(mut self, limit: SendingSpeedLimit) -> Self {
        self.schedule_mut().sending_speed_limit = Some(limit);
        self
    }

    /// Sets URL shortening and click tracking.
    pub fn tracking(mut self, tracking: UrlTracking) -> Self {
        self.options_mut().tracking = Some(tracking);
        self
    }

    /// Asks for each message's SMS count in the response.
    pub fn include_sms_count(mut self, on: bool) -> Self {
        self.options_mut().include_sms_count_in_response = Some(on);
        self
    }

    /// Sets conversion tracking.
    pub fn conversion_tracking(mut self, tracking: ConversionTracking) -> Self {
        self.options_mut().conversion_tracking = Some(tracking);
        self
    }

    /// The bulk id, when one is set.
    pub fn get_bulk_id(&self) -> Option<&str> {
        self.options.as_ref()?.schedule.as_ref()?.bulk_id.as_deref()
    }

    /// Every destination's message id that is set, in order.
    pub fn message_ids(&self) -> Vec<String> {
        self.destinations().filter_map(|d| d.message_id.clone()).collect()
    }

    /// Gives the request a bulk id and every destination a message id, keeping those already
    /// set: exactly what [`Sms::send`](super::Sms::send) does before sending (by the
    /// [send rule](crate::send) of `send-sms-messages`). Call it to record the ids (e.g. in a
    /// journal) before the request goes out.
    pub fn assign_ids(&mut self) {
        let Some(spec) = crate::catalog::operation("send-sms-messages").and_then(|op| op.send.as_ref()) else {
            return;
        };
        // The request reads back as written (only what was set, no defaults), so nothing but the
        // ids changes.
        let Ok(mut value) = serde_json::to_value(&*self) else { return };
        spec.assign(Some(&mut value), &mut crate::http::Query::new());
        if let Ok(filled) = serde_json::from_value(value) {
            *self = filled;
        }
    }

    pub(crate) fn destinations(&self) -> impl Iterator<Item = &Destination> {
        self.messages.iter().flat_map(|m| m.destinations.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assign_ids_fills_only_what_is_missing() {
        let mut request = SmsRequest::new()
            .message(SmsMessage::text("Hi").destination(Destination::to("1").message_id("mine")).to("2"));
        request.assign_ids();
        let bulk = request.get_bulk_id().map(str::to_owned);
        assert!(bulk.as_deref().is_some_and(|b| !b.is_empty()));
        let ids = request.message_ids();
        assert_eq!(ids.len(), 2);
        assert_eq!(ids[0], "mine");
        request.assign_ids();
        assert_eq!(request.get_bulk_id().map(str::to_owned), bulk);
        assert_eq!(request.message_ids(), ids);
    }

    #[test]
    fn one_liner_writes_only_what_was_set() {
        let request = SmsRequest::text("41793026727", "Hello").sender("InfoSMS");
        assert_eq!(
            serde_json::to_string(&request).unwrap(),
            r#"{"messages":[{"sender":"InfoSMS","destinations":[{"to":"41793026727"}],"content":{"text":"Hello"}}]}"#
        );
    }

    #[test]
    fn builder_reaches_every_option() {
        let message = SmsMessage::text("Hi")
            .to("1")
            .transliteration("GREEK")
            .language(Language::code("TR").single_shift(true))
            .flash(false)
            .entity_id("e")
            .application_id("a")
            .campaign_reference_id("c")
            .india_dlt(IndiaDlt { principal_entity_id: "p".into(), ..IndiaDlt::default() })
            .south_korea(SouthKorea { title: Some("t".into()), reseller_code: None })
            .delivery_url("https://x")
            .intermediate_report(true)
            .notify(true)
            .webhook_content_type("application/json")
            .callback_data("cb")
            .data_coding(8);
        let json = serde_json::to_value(&message).unwrap();
        assert_eq!(json["content"]["language"], serde_json::json!({"languageCode":"TR","singleShift":true}));
        assert_eq!(json["options"]["platform"], serde_json::json!({"entityId":"e","applicationId":"a"}));
        assert_eq!(json["options"]["regional"]["indiaDlt"], serde_json::json!({"principalEntityId":"p"}));
        assert_eq!(
            json["webhooks"]["delivery"],
            serde_json::json!({"url":"https://x","intermediateReport":true,"notify":true})
        );
        assert!(json["content"].get("dataCoding").is_none(), "data coding only applies to binary content");
        let binary = SmsMessage::binary("48 69").data_coding(8).esm_class(0).transliteration("GREEK");
        assert_eq!(
            serde_json::to_value(&binary).unwrap()["content"],
            serde_json::json!({"hex":"48 69","dataCoding":8,"esmClass":0})
        );
    }
}
