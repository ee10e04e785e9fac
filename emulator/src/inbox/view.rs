//! JSON views of threads and messages for the page: what a message says (text, media, template,
//! email subject and attachments), its status history, SMS encoding and parts, its webhooks.

use super::{Attempt, Inbound, Item, Thread};
use crate::channels::Channel;
use crate::state::{Message, PushKind, State, StatusRow};
use serde_json::{Map, Value, json};

fn time(t: chrono::DateTime<chrono::Utc>) -> String {
    crate::time::format(t)
}

fn status(s: &StatusRow) -> Value {
    json!({"group": s.group_name, "name": s.name, "description": s.description})
}

fn str_at<'a>(v: &'a Value, pointers: &[&str]) -> Option<&'a str> {
    pointers.iter().find_map(|p| v.pointer(p).and_then(Value::as_str)).filter(|s| !s.is_empty())
}

/// What a message says, whatever its channel: `type`, `text`, `caption`, `media` (URLs), `file`,
/// `template` (`name`, `language`, `parameters`), `location`, `subject`, `attachments`, `hex`.
pub(super) fn content(m: &Message) -> Value {
    let c = &*m.content;
    let mut o = Map::new();
    let kind = str_at(c, &["/type"])
        .map(str::to_string)
        .unwrap_or_else(|| if c.get("hex").is_some() { "BINARY".into() } else { "TEXT".into() });
    o.insert("type".into(), json!(kind));
    if let Some(t) = str_at(c, &["/text", "/body/text", "/message/text"]) {
        o.insert("text".into(), json!(t));
    }
    if let Some(t) = str_at(c, &["/caption", "/body/caption"]) {
        o.insert("caption".into(), json!(t));
    }
    let media: Vec<&str> = ["/mediaUrl", "/url", "/imageUrl", "/imageURL", "/fileUrl", "/videoUrl", "/header/mediaUrl"]
        .iter()
        .filter_map(|p| c.pointer(p).and_then(Value::as_str))
        .collect();
    if !media.is_empty() {
        o.insert("media".into(), json!(media));
    }
    if let Some(f) = str_at(c, &["/fileName", "/filename"]) {
        o.insert("file".into(), json!(f));
    }
    if let Some(name) = str_at(c, &["/templateName", "/templateId"]) {
        let mut params: Vec<Value> = Vec::new();
        for p in ["/templateData/body/placeholders", "/parameters"] {
            params.extend(c.pointer(p).and_then(Value::as_array).cloned().unwrap_or_default());
        }
        if let Some(h) = c.pointer("/templateData/header") {
            params.push(json!({"header": h}));
        }
        if let Some(b) = c.pointer("/templateData/buttons") {
            params.push(json!({"buttons": b}));
        }
        o.insert("template".into(), json!({"name": name, "language": c.get("language"), "parameters": params}));
    } else if let Some(n) = c.get("templateId").and_then(Value::as_i64) {
        o.insert("template".into(), json!({"name": n.to_string(), "parameters": []}));
    }
    if let (Some(lat), Some(lon)) = (c.get("latitude"), c.get("longitude")) {
        o.insert(
            "location".into(),
            json!({"latitude": lat, "longitude": lon, "name": c.get("name"), "address": c.get("address")}),
        );
    }
    for k in ["subject", "attachments", "hex"] {
        if let Some(v) = c.get(k) {
            o.insert(k.into(), v.clone());
        }
    }
    Value::Object(o)
}

/// GSM-7 or UCS-2 (or binary), the part count and the characters that forced UCS-2.
fn sms(m: &Message) -> Value {
    let c = &*m.content;
    let Some(text) = c.get("text").and_then(Value::as_str) else {
        return json!({"encoding": "binary", "parts": m.message_count, "ucs2Characters": []});
    };
    let text = match c.get("transliteration").and_then(Value::as_str) {
        Some(code) if code != "NONE" => crate::gsm::transliterate(text, code),
        _ => text.to_string(),
    };
    let language = c.pointer("/language/languageCode").and_then(Value::as_str);
    let forcing = crate::gsm::ucs2_forcing(&text, language);
    json!({
        "encoding": if forcing.is_empty() { "GSM-7" } else { "UCS-2" },
        "parts": m.message_count,
        "characters": text.chars().count(),
        "ucs2Characters": forcing.iter().map(|c| c.to_string()).collect::<Vec<_>>(),
    })
}

/// The text a thread list shows for its newest item.
fn preview(content: &Value) -> String {
    let pick = |k: &str| content.get(k).and_then(Value::as_str).map(str::to_string);
    pick("subject")
        .or_else(|| pick("text"))
        .or_else(|| content.pointer("/template/name").and_then(Value::as_str).map(|n| format!("Template {n}")))
        .or_else(|| pick("caption"))
        .or_else(|| content.pointer("/location/name").and_then(Value::as_str).map(|n| format!("Location {n}")))
        .or_else(|| content.pointer("/media/0").and_then(Value::as_str).map(str::to_string))
        .unwrap_or_else(|| pick("type").unwrap_or_default())
        .chars()
        .take(120)
        .collect()
}

fn kind_name(kind: PushKind) -> &'static str {
    match kind {
        PushKind::Delivery => "delivery report",
        PushKind::Inbound => "inbound message",
        PushKind::Tracking => "click report",
        PushKind::InboundEmail => "inbound email",
    }
}

/// One push attempt as the page lists it.
pub(super) fn attempt(a: &Attempt) -> Value {
    let mut o = json!({"url": a.url, "kind": kind_name(a.kind), "at": time(a.at)});
    match &a.outcome {
        Ok(s) => o["status"] = json!(s),
        Err(e) => o["error"] = json!(e),
    }
    o
}

fn attempt_count(st: &State, message_id: &str) -> usize {
    st.inbox.attempts.get(message_id).map_or(0, |a| a.len())
}

/// An outbound message as a thread shows it.
pub(super) fn outbound(st: &State, m: &Message) -> Value {
    let channel = Channel::of(m.api);
    let history: Vec<Value> =
        m.history.iter().map(|(s, at)| json!({"group": s.group_name, "name": s.name, "at": time(*at)})).collect();
    let mut o = json!({
        "kind": "out",
        "channel": channel.name(),
        "messageId": m.message_id,
        "bulkId": m.bulk_id,
        "from": m.sender,
        "to": m.to,
        "at": time(m.sent_at),
        "status": status(&m.status),
        "final": m.is_final,
        "history": history,
        "content": content(m),
        "price": crate::delivery::price(),
        "requestId": m.request_id,
        "webhookUrl": m.webhook_url,
        "trackingUrl": m.tracking_url,
        "callbackData": m.callback_data,
        "attempts": attempt_count(st, &m.message_id),
    });
    if m.is_final {
        o["error"] = json!({"name": m.error.name, "description": m.error.description});
    }
    if channel == Channel::Sms {
        o["sms"] = sms(m);
    }
    o
}

/// An inbound message as a thread shows it.
pub(super) fn inbound(st: &State, i: &Inbound) -> Value {
    json!({
        "kind": "in",
        "channel": i.channel.name(),
        "messageId": i.message_id,
        "from": i.from,
        "to": i.to,
        "at": time(i.received_at),
        "content": {"type": "TEXT", "text": i.text},
        "webhookUrl": i.webhook_url,
        "attempts": attempt_count(st, &i.message_id),
    })
}

/// A thread item.
pub(super) fn item(st: &State, item: Item) -> Value {
    match item {
        Item::Out(idx) => st.messages.get(idx).map_or(Value::Null, |m| outbound(st, m)),
        Item::In(idx) => st.inbox.inbound.get(idx).map_or(Value::Null, |i| inbound(st, i)),
    }
}

/// A thread as the thread list shows it, with its newest item's preview.
pub(super) fn thread(st: &State, id: usize, t: &Thread) -> Value {
    let last = t.items.last().map(|i| {
        let (at, preview, status, kind) = match *i {
            Item::Out(idx) => st.messages.get(idx).map_or_else(
                || (String::new(), String::new(), Value::Null, "out"),
                |m| (time(m.sent_at), self::preview(&content(m)), json!(m.status.group_name), "out"),
            ),
            Item::In(idx) => st.inbox.inbound.get(idx).map_or_else(
                || (String::new(), String::new(), Value::Null, "in"),
                |m| (time(m.received_at), m.text.chars().take(120).collect(), Value::Null, "in"),
            ),
        };
        json!({"kind": kind, "at": at, "preview": preview, "status": status})
    });
    json!({
        "id": id,
        "channel": t.channel.name(),
        "sender": t.ours,
        "destination": t.theirs,
        "count": t.items.len(),
        "last": last,
    })
}
