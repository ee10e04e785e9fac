//! WhatsApp: `POST /whatsapp/1/message/{type}` (one message; text, media, location, contact,
//! interactive …) and `POST /whatsapp/1/message/template` (a bulk of template messages), their
//! delivery reports and inbound messages.

use super::{Map, report_base, s, to_envelope, typed};
use crate::api::Ctx;
use crate::server::ResBody;
use crate::sms::{NewMessage, accept, tracking_url};
use crate::state::{Api, Message, Shared};
use http::Response;
use serde_json::{Value, json};

/// The kind shown for a send path: `text` → `TEXT`, `interactive/buttons` → `INTERACTIVE_BUTTONS`.
fn kind(path_tail: &str) -> String {
    path_tail.replace(['/', '-'], "_").to_ascii_uppercase()
}

fn message(m: &Value, kind: &str) -> NewMessage {
    NewMessage {
        message_id: s(m.get("messageId")),
        to: s(m.get("to")).unwrap_or_default(),
        sender: s(m.get("from")),
        content: typed(m.get("content"), kind),
        message_count: 1,
        // WhatsApp reports go where the message says; there is no account-wide default here.
        webhook_url: s(m.get("notifyUrl")),
        callback_data: s(m.get("callbackData")),
        entity_id: s(m.get("entityId")),
        application_id: s(m.get("applicationId")),
        tracking_url: tracking_url(m.get("urlOptions")),
        ..NewMessage::default()
    }
}

/// `POST /whatsapp/1/message/{type}`: `{"to","messageCount","messageId","status"}`.
pub(super) fn send_one(ctx: &Ctx<'_>, path_tail: &str) -> Response<ResBody> {
    let empty = json!({});
    let body = ctx.body.as_ref().unwrap_or(&empty);
    let (_, accepted) = accept(ctx, None, vec![message(body, &kind(path_tail))], Api::WhatsApp);
    match accepted.first() {
        Some(a) => ctx.json(
            200,
            &json!({"to": a.to, "messageCount": a.message_count, "messageId": a.message_id, "status": super::status(a)}),
        ),
        None => ctx.error(500, &[], None),
    }
}

/// `POST /whatsapp/1/message/template`: `{"messages":[…],"bulkId"}`.
pub(super) fn send_template(ctx: &Ctx<'_>) -> Response<ResBody> {
    let empty = json!({});
    let body = ctx.body.as_ref().unwrap_or(&empty);
    let msgs: Vec<NewMessage> =
        body.get("messages").and_then(Value::as_array).into_iter().flatten().map(|m| message(m, "TEMPLATE")).collect();
    let (bulk_id, accepted) = accept(ctx, s(body.get("bulkId")), msgs, Api::WhatsApp);
    ctx.json(200, &to_envelope(&bulk_id, &accepted))
}

/// A delivery report in the `receive-whatsapp-delivery-reports` format.
pub(super) fn report(m: &Message) -> Value {
    let mut o = report_base(m, "messageCount");
    o.insert("contact".into(), json!({"phoneNumber": m.to}));
    Value::Object(o)
}

/// An inbound text message in the `receive-inbound-whatsapp-messages` format.
pub(super) fn inbound(shared: &Shared, req: &Value) -> Value {
    let mut m: Map<String, Value> = super::inbound_base(shared, req, "from", "WHATSAPP");
    let from = m.get("from").cloned().unwrap_or(Value::Null);
    let mut contact = json!({"phoneNumber": from});
    if let Some(name) = s(req.get("contactName")) {
        contact["name"] = json!(name);
    }
    m.insert("contact".into(), contact);
    Value::Object(m)
}
