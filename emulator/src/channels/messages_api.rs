//! Messages API: `POST /messages-api/1/messages` (messages on several channels, destinations like
//! SMS v3). Messages on SMS, WhatsApp and Viber Business Messages (`VIBER_BM`) are stored in that
//! channel's threads; a request naming any other channel is answered from the spec as before.
//! Their delivery reports have the `receive-messages-api-delivery-reports` shape.

use super::{Channel, destination_envelope, layout_message, report_base, s, typed};
use crate::api::Ctx;
use crate::delivery::put;
use crate::server::ResBody;
use crate::sms::{NewMessage, accept, tracking_url};
use crate::state::{Api, Message};
use http::Response;
use serde_json::{Value, json};

/// The channel a Messages API `channel` value is stored on, for those the inbox has threads for.
fn channel(name: &str) -> Option<Channel> {
    match name {
        "SMS" => Some(Channel::Sms),
        "WHATSAPP" => Some(Channel::WhatsApp),
        "VIBER_BM" => Some(Channel::Viber),
        _ => None,
    }
}

/// The Messages API name of a stored channel (the inverse of [`channel`]).
fn channel_name(channel: Channel) -> &'static str {
    match channel {
        Channel::Viber => "VIBER_BM",
        other => other.name(),
    }
}

/// `POST /messages-api/1/messages`; `None` (answered from the spec) when a message names a
/// channel the inbox does not keep, or the body is not an object with messages.
pub(super) fn send(ctx: &Ctx<'_>) -> Option<Response<ResBody>> {
    let body = ctx.body.as_ref()?;
    let messages = body.get("messages")?.as_array()?;
    let tracking = tracking_url(body.pointer("/options/tracking"));
    let mut msgs = Vec::new();
    for m in messages {
        let channel = channel(m.get("channel")?.as_str()?)?;
        // The page shows the body (text, media URL …); the header and buttons stay in the raw request.
        let content = typed(m.pointer("/content/body"), "TEXT");
        for d in m.get("destinations").and_then(Value::as_array).into_iter().flatten() {
            let to = s(d.get("to")).unwrap_or_default();
            let message = layout_message(m, s(d.get("messageId")), to, content.clone(), tracking.clone());
            msgs.push(NewMessage { api: Some(Api::Messages(channel)), ..message });
        }
    }
    let (bulk_id, accepted) =
        accept(ctx, s(body.pointer("/options/schedule/bulkId")), msgs, Api::Messages(Channel::Sms));
    let mut answer = destination_envelope(&bulk_id, &accepted);
    // The Messages API names the accepted status (26) `MESSAGE_ACCEPTED`.
    for m in answer["messages"].as_array_mut().into_iter().flatten() {
        if m["status"]["name"] == "PENDING_ACCEPTED" {
            m["status"]["name"] = json!("MESSAGE_ACCEPTED");
        }
    }
    Some(ctx.json(200, &answer))
}

/// A delivery report in the `receive-messages-api-delivery-reports` shape.
pub(super) fn report(m: &Message, channel: Channel) -> Value {
    let mut o = report_base(m, "messageCount");
    o.remove("to");
    o.remove("price");
    o.insert("event".into(), json!("DELIVERY"));
    o.insert("channel".into(), json!(channel_name(channel)));
    put(&mut o, "sender", m.sender.as_ref());
    o.insert("destination".into(), json!(m.to));
    put(&mut o, "campaignReferenceId", m.campaign_reference_id.as_ref());
    if m.entity_id.is_some() || m.application_id.is_some() {
        let mut p = serde_json::Map::new();
        put(&mut p, "entityId", m.entity_id.as_ref());
        put(&mut p, "applicationId", m.application_id.as_ref());
        o.insert("platform".into(), Value::Object(p));
    }
    Value::Object(o)
}
