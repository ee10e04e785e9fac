//! Viber: `POST /viber/2/messages` and `POST /viber-bot/1/messages` (messages with destinations,
//! like SMS v3; the two have the same request, answer and report shapes) and
//! `POST /viber/1/message/{text,image,file,video}` (a bulk of messages), and inbound messages.
//! Their delivery reports have the SMS v3 report's shape
//! (`receive-outbound-viber-message-delivery-reports`).

use super::{destination_envelope, layout_message, s, to_envelope, typed};
use crate::api::Ctx;
use crate::server::ResBody;
use crate::sms::{NewMessage, accept, tracking_url};
use crate::state::{Api, Shared};
use http::Response;
use serde_json::{Value, json};

/// `POST /viber/2/messages` and `POST /viber-bot/1/messages`: `{"bulkId","messages":[{"messageId","status","destination"}]}`.
pub(super) fn send_v2(ctx: &Ctx<'_>) -> Response<ResBody> {
    let empty = json!({});
    let body = ctx.body.as_ref().unwrap_or(&empty);
    let tracking = tracking_url(body.pointer("/options/tracking"));
    let mut msgs = Vec::new();
    for m in body.get("messages").and_then(Value::as_array).into_iter().flatten() {
        let content = typed(m.get("content"), "TEXT");
        for d in m.get("destinations").and_then(Value::as_array).into_iter().flatten() {
            let to = s(d.get("to")).unwrap_or_default();
            msgs.push(layout_message(m, s(d.get("messageId")), to, content.clone(), tracking.clone()));
        }
    }
    let (bulk_id, accepted) = accept(ctx, s(body.pointer("/options/schedule/bulkId")), msgs, Api::Viber);
    ctx.json(200, &destination_envelope(&bulk_id, &accepted))
}

/// `POST /viber/1/message/{kind}`: `{"messages":[{"to","messageCount","messageId","status"}],"bulkId"}`.
pub(super) fn send_v1(ctx: &Ctx<'_>, kind: &str) -> Response<ResBody> {
    let empty = json!({});
    let body = ctx.body.as_ref().unwrap_or(&empty);
    let kind = kind.to_ascii_uppercase();
    let msgs: Vec<NewMessage> = body
        .get("messages")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|m| NewMessage {
            message_id: s(m.get("messageId")),
            to: s(m.get("to")).unwrap_or_default(),
            sender: s(m.get("from")),
            content: typed(m.get("content"), &kind),
            message_count: 1,
            webhook_url: s(m.get("notifyUrl")),
            callback_data: s(m.get("callbackData")),
            entity_id: s(m.get("entityId")),
            application_id: s(m.get("applicationId")),
            tracking_url: tracking_url(m.get("urlOptions")),
            ..NewMessage::default()
        })
        .collect();
    let (bulk_id, accepted) = accept(ctx, s(body.get("bulkId")), msgs, Api::Viber);
    ctx.json(200, &to_envelope(&bulk_id, &accepted))
}

/// An inbound text message in the `receive-inbound-viber-messages` format.
pub(super) fn inbound(shared: &Shared, req: &Value) -> Value {
    Value::Object(super::inbound_base(shared, req, "sender", "VIBER"))
}
