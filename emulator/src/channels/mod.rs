//! Messages on the channels besides SMS that the emulator stores: WhatsApp, Viber and Email sends
//! are kept like SMS (one stored message per destination, the caller's `messageId`/`bulkId` kept
//! or generated, a final status after the delivery delay), answered in the shape of the spec's
//! response schema, and their delivery reports are built here in each channel's webhook format.
//! Inbound messages (`POST /_emulator/inbound`, replies from the inbox page) for SMS, WhatsApp
//! and Viber are built and pushed here too.

mod email;
mod messages_api;
mod viber;
mod whatsapp;

use crate::api::Ctx;
use crate::delivery::{error_json, price, put, status_json};
use crate::server::ResBody;
use crate::state::{Api, Message, PushKind, Shared};
use http::Response;
use serde_json::{Map, Value, json};
use std::sync::Arc;

/// A messaging channel, as the inbox groups threads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Channel {
    Sms,
    WhatsApp,
    Viber,
    Email,
}

impl Channel {
    /// Every channel, in the order the page lists them.
    pub(crate) const ALL: [Channel; 4] = [Channel::Sms, Channel::WhatsApp, Channel::Viber, Channel::Email];

    /// The name Infobip uses (`SMS`, `WHATSAPP`, `VIBER`, `EMAIL`).
    pub(crate) fn name(self) -> &'static str {
        match self {
            Channel::Sms => "SMS",
            Channel::WhatsApp => "WHATSAPP",
            Channel::Viber => "VIBER",
            Channel::Email => "EMAIL",
        }
    }

    /// The channel named `name` (any case).
    pub(crate) fn parse(name: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.name().eq_ignore_ascii_case(name.trim()))
    }

    /// The channel a message was sent on.
    pub(crate) fn of(api: Api) -> Channel {
        match api {
            Api::V3 | Api::V2 => Channel::Sms,
            Api::WhatsApp => Channel::WhatsApp,
            Api::Viber => Channel::Viber,
            Api::Email => Channel::Email,
            Api::Messages(channel) => channel,
        }
    }
}

/// The stateful handler of a WhatsApp, Viber or Email send, or `None` for any other operation.
pub(crate) fn route(ctx: &Ctx<'_>) -> Option<Response<ResBody>> {
    match (ctx.op.method, ctx.op.path) {
        ("POST", "/whatsapp/1/message/template") => Some(whatsapp::send_template(ctx)),
        ("POST", p) if p.starts_with("/whatsapp/1/message/") => {
            Some(whatsapp::send_one(ctx, p.trim_start_matches("/whatsapp/1/message/")))
        }
        // Viber Bot messages have the v2 request, answer and delivery-report shapes.
        ("POST", "/viber/2/messages" | "/viber-bot/1/messages") => Some(viber::send_v2(ctx)),
        ("POST", p) if p.starts_with("/viber/1/message/") => {
            Some(viber::send_v1(ctx, p.trim_start_matches("/viber/1/message/")))
        }
        ("POST", "/email/3/send") => email::send_form(ctx),
        ("POST", "/email/4/messages") => Some(email::send_v4(ctx)),
        ("POST", "/email/4/mime") => Some(email::send_mime(ctx)),
        ("POST", "/messages-api/1/messages") => messages_api::send(ctx),
        _ => None,
    }
}

/// A string field.
pub(crate) fn s(v: Option<&Value>) -> Option<String> {
    v.and_then(Value::as_str).map(str::to_string)
}

/// The delivery report of a WhatsApp, Viber, Email or Messages API message in that API's webhook
/// format (the specs' `receive-whatsapp-delivery-reports`,
/// `receive-outbound-viber-message-delivery-reports`, `receive-email-delivery-reports`,
/// `receive-messages-api-delivery-reports`).
pub(crate) fn report(m: &Message) -> Value {
    match m.api {
        Api::Viber => crate::delivery::report_v3(m),
        Api::Email => email::report(m),
        Api::Messages(channel) => messages_api::report(m, channel),
        _ => whatsapp::report(m),
    }
}

/// The fields every channel's report shares: ids, destination, times, count, price, status, error.
fn report_base(m: &Message, count_key: &str) -> Map<String, Value> {
    let mut o = Map::new();
    o.insert("bulkId".into(), json!(m.bulk_id));
    o.insert("messageId".into(), json!(m.message_id));
    o.insert("to".into(), json!(m.to));
    o.insert("sentAt".into(), json!(crate::time::format(m.sent_at)));
    if let Some(d) = m.done_at {
        o.insert("doneAt".into(), json!(crate::time::format(d)));
    }
    o.insert(count_key.into(), json!(m.message_count));
    o.insert("price".into(), price());
    o.insert("status".into(), status_json(&m.status));
    o.insert("error".into(), error_json(&m.error, false));
    put(&mut o, "callbackData", m.callback_data.as_ref());
    o
}

/// A click report (`notificationType: CLICKED`) for `url` in message `m`, in the URL-tracking
/// webhook shape the SMS, MMS and Email specs share.
pub(crate) fn click_report(m: &Message, url: &str) -> Value {
    let mut o = Map::new();
    o.insert("notificationType".into(), json!("CLICKED"));
    o.insert("recipient".into(), json!(m.to));
    o.insert("url".into(), json!(url));
    o.insert("sendDateTime".into(), json!(m.sent_at.timestamp_millis()));
    o.insert("messageId".into(), json!(m.message_id));
    o.insert("bulkId".into(), json!(m.bulk_id));
    put(&mut o, "callbackData", m.callback_data.as_ref());
    o.insert("recipientInfo".into(), json!({"deviceType": "Phone", "os": "Android 14", "deviceName": "Emulator"}));
    put(&mut o, "applicationId", m.application_id.as_ref());
    put(&mut o, "entityId", m.entity_id.as_ref());
    Value::Object(o)
}

/// Why an inbound message could not be injected.
#[derive(Debug)]
pub(crate) struct InboundError(pub String);

/// Builds an inbound message for `req["channel"]` (default SMS) in that channel's format, stores
/// it (SMS: for `GET /sms/1/inbox/reports`; every channel: in the inbox's threads) and pushes it
/// to `req["webhookUrl"]` or the configured `inbound_webhook_url`. What `POST /_emulator/inbound`
/// and a reply from the inbox page do. Returns the message.
pub(crate) fn inject_inbound(shared: &Arc<Shared>, req: &Value) -> Result<Value, InboundError> {
    let channel = match req.get("channel") {
        None | Some(Value::Null) => Channel::Sms,
        Some(Value::String(c)) => Channel::parse(c)
            .ok_or_else(|| InboundError(format!("unknown channel `{c}` (use SMS, WHATSAPP, VIBER or EMAIL)")))?,
        Some(_) => return Err(InboundError("`channel` must be a string".into())),
    };
    let item = match channel {
        Channel::Sms => crate::sms::inbound_message(shared, req),
        Channel::WhatsApp => whatsapp::inbound(shared, req),
        Channel::Viber => viber::inbound(shared, req),
        Channel::Email => email::inbound(shared, req),
    };
    let url = s(req.get("webhookUrl")).or_else(|| shared.config.inbound_webhook_url.clone());
    let field = |k: &str| item.get(k).and_then(Value::as_str).unwrap_or_default().to_string();
    let from = if channel == Channel::Viber { field("sender") } else { field("from") };
    let text = item
        .get("text")
        .or_else(|| item.pointer("/message/text"))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let received_at = crate::time::parse(&field("receivedAt")).unwrap_or_else(chrono::Utc::now);
    {
        let mut st = shared.lock();
        if channel == Channel::Sms {
            st.inbound.push_back(item.clone());
        }
        let inbound = crate::inbox::Inbound {
            channel,
            message_id: if channel == Channel::Email { field("id") } else { field("messageId") },
            from,
            to: field("to"),
            text,
            received_at,
            webhook_url: url.clone(),
            body: item.to_string(),
        };
        crate::inbox::record_inbound(&mut st, inbound);
    }
    shared.changed();
    if let Some(url) = url {
        crate::delivery::send_outbox(shared, vec![(url, inbound_push_kind(channel), item.clone())]);
    }
    Ok(item)
}

/// How an inbound message of `channel` is pushed: email as its own multipart form, every other
/// channel in a JSON `results` batch.
pub(crate) fn inbound_push_kind(channel: Channel) -> PushKind {
    if channel == Channel::Email { PushKind::InboundEmail } else { PushKind::Inbound }
}

/// The envelope of a single-destination inbound message: ids, addresses, time, price.
fn inbound_base(shared: &Shared, req: &Value, from_key: &str, integration: &str) -> Map<String, Value> {
    let text = s(req.get("text")).unwrap_or_default();
    let mut m = Map::new();
    m.insert(from_key.into(), json!(s(req.get("from")).unwrap_or_else(|| "385916242493".into())));
    m.insert("to".into(), json!(s(req.get("to")).unwrap_or_else(|| "385921004026".into())));
    m.insert("integrationType".into(), json!(integration));
    let received = s(req.get("receivedAt")).and_then(|t| crate::time::parse(&t)).unwrap_or_else(chrono::Utc::now);
    m.insert("receivedAt".into(), json!(crate::time::format(received)));
    m.insert("messageId".into(), json!(s(req.get("messageId")).unwrap_or_else(|| shared.uuid())));
    for k in ["callbackData", "applicationId", "entityId", "pairedMessageId"] {
        if let Some(v) = s(req.get(k)) {
            m.insert(k.into(), json!(v));
        }
    }
    m.insert("message".into(), json!({"text": text, "type": "TEXT"}));
    m.insert("price".into(), json!({"pricePerMessage": 0, "currency": "EUR"}));
    m
}

/// The response status object of an accepted message (or a duplicate id's rejection).
fn status(a: &crate::sms::Accepted) -> Value {
    crate::delivery::status_value(&a.status)
}

/// `{"bulkId","messages":[{"messageId","status","destination"}]}`: the answer of the v2-style
/// sends (`/viber/2/messages`, `/email/4/messages`).
fn destination_envelope(bulk_id: &str, accepted: &[crate::sms::Accepted]) -> Value {
    let messages: Vec<Value> =
        accepted.iter().map(|a| json!({"messageId": a.message_id, "status": status(a), "destination": a.to})).collect();
    json!({"bulkId": bulk_id, "messages": messages})
}

/// One destination's message of a `messages[]` request in the v3 layout (Viber v2, Viber Bot,
/// Email v4, Messages API): the sender, webhooks and platform options of message `m`.
pub(super) fn layout_message(
    m: &Value,
    message_id: Option<String>,
    to: String,
    content: Arc<Value>,
    tracking_url: Option<String>,
) -> crate::sms::NewMessage {
    let empty = json!({});
    let options = m.get("options").unwrap_or(&empty);
    let hooks = m.get("webhooks").unwrap_or(&empty);
    let notify = hooks.pointer("/delivery/notify").and_then(Value::as_bool) != Some(false);
    crate::sms::NewMessage {
        message_id,
        to,
        sender: s(m.get("sender")),
        content,
        message_count: 1,
        webhook_url: s(hooks.pointer("/delivery/url")).filter(|_| notify),
        callback_data: s(hooks.get("callbackData")),
        entity_id: s(options.pointer("/platform/entityId")),
        application_id: s(options.pointer("/platform/applicationId")),
        campaign_reference_id: s(options.get("campaignReferenceId")),
        intermediate: hooks.pointer("/delivery/intermediateReport").and_then(Value::as_bool).unwrap_or(false),
        tracking_url,
        ..crate::sms::NewMessage::default()
    }
}

/// `{"messages":[{"to","messageCount","messageId","status"}],"bulkId"}`: the answer of the
/// v1-style bulk sends (WhatsApp template, Viber v1).
fn to_envelope(bulk_id: &str, accepted: &[crate::sms::Accepted]) -> Value {
    let messages: Vec<Value> = accepted
        .iter()
        .map(|a| json!({"to": a.to, "messageCount": a.message_count, "messageId": a.message_id, "status": status(a)}))
        .collect();
    json!({"messages": messages, "bulkId": bulk_id})
}

/// The content object with a `type` added when it has none (the page shows it).
fn typed(content: Option<&Value>, kind: &str) -> Arc<Value> {
    let mut c = content.cloned().unwrap_or_else(|| json!({}));
    if let Value::Object(o) = &mut c
        && !o.contains_key("type")
    {
        o.insert("type".into(), json!(kind));
    }
    Arc::new(c)
}
