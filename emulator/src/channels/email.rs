//! Email: `POST /email/3/send` (a multipart form: `to` repeated, `subject`, `text`/`html`,
//! `attachment` files …), `POST /email/4/messages` (JSON, destinations like SMS v3) and
//! `POST /email/4/mime` (a whole MIME message); one stored message per `to` recipient, with the
//! subject and the attachments' file names. Delivery reports in the
//! `receive-email-delivery-reports` format.

use super::{destination_envelope, layout_message, report_base, s};
use crate::api::Ctx;
use crate::multipart;
use crate::schema::Violation;
use crate::server::ResBody;
use crate::sms::{NewMessage, accept, tracking_url};
use crate::state::{Api, Message};
use http::Response;
use serde_json::{Map, Value, json};
use std::sync::Arc;

/// `{"bulkId","messages":[{"to","messageId","status"}]}`: the answer of the v3 form and MIME sends.
fn to_envelope(bulk_id: &str, accepted: &[crate::sms::Accepted]) -> Value {
    let messages: Vec<Value> =
        accepted.iter().map(|a| json!({"to": a.to, "messageId": a.message_id, "status": super::status(a)})).collect();
    json!({"bulkId": bulk_id, "messages": messages})
}

/// A `to` value: an address, or `{"to":"…","placeholders":{…}}` as JSON text.
fn recipient(value: &str) -> Option<String> {
    let value = value.trim();
    let address = if value.starts_with('{') {
        serde_json::from_str::<Value>(value).ok().and_then(|v| s(v.get("to")))?
    } else {
        value.to_string()
    };
    (!address.is_empty()).then_some(address)
}

/// Copies the optional string fields of an email's content for the page.
fn content(subject: Option<String>, text: Option<String>, html: Option<String>, attachments: Vec<String>) -> Value {
    let mut c = Map::new();
    c.insert("type".into(), json!("EMAIL"));
    for (k, v) in [("subject", subject), ("text", text), ("html", html)] {
        if let Some(v) = v {
            c.insert(k.into(), json!(v));
        }
    }
    c.insert("attachments".into(), json!(attachments));
    Value::Object(c)
}

/// An inbound email in the `receive-inbound-email` shape (pushed as a multipart form): from the
/// address `from` to the address `to`, with `subject`, `text` and optional `html`. The SPF and
/// DKIM checks pass; the sender's IP is from the documentation range.
pub(super) fn inbound(shared: &crate::state::Shared, req: &Value) -> Value {
    let from = s(req.get("from")).unwrap_or_else(|| "jane.doe@example.com".into());
    let to = s(req.get("to")).unwrap_or_else(|| "inbox@example.com".into());
    let text = s(req.get("text")).unwrap_or_default();
    let html = s(req.get("html")).unwrap_or_else(|| format!("<div>{}</div>", escape_html(&text)));
    let domain = from.rsplit_once('@').map(|(_, d)| d.trim_end_matches('>').to_string()).unwrap_or_default();
    let id = s(req.get("messageId")).unwrap_or_else(|| shared.uuid());
    json!({
        "id": id,
        "spfCheck": "pass",
        "dkimCheck": {"result": "pass", "domains": [domain]},
        "senderIp": "192.0.2.54",
        "from": from,
        "to": to,
        "subject": s(req.get("subject")).unwrap_or_else(|| "Re: your email".into()),
        "html": html,
        "text": text,
        "attachmentInfo": [],
        "envelope": {"from": from, "to": to},
    })
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// `POST /email/3/send`; `None` (answered from the spec) when the body is not a multipart form.
pub(super) fn send_form(ctx: &Ctx<'_>) -> Option<Response<ResBody>> {
    let content_type = ctx.headers.get(http::header::CONTENT_TYPE)?.to_str().ok()?;
    let boundary = multipart::boundary(content_type)?;
    let parts = match multipart::parse(&boundary, &ctx.raw_body) {
        Ok(parts) => parts,
        Err(e) => return Some(ctx.error(400, &[Violation::new("body", e.0)], None)),
    };
    let text = |p: &multipart::Part| String::from_utf8_lossy(&p.data).into_owned();
    let field = |name: &str| parts.iter().rev().find(|p| p.name == name && p.filename.is_none()).map(text);
    let flag = |name: &str| field(name).map(|v| v.trim().eq_ignore_ascii_case("true"));
    let to: Vec<String> = parts.iter().filter(|p| p.name == "to").filter_map(|p| recipient(&text(p))).collect();
    if to.is_empty() {
        return Some(ctx.error(400, &[Violation::new("to", "must not be empty")], None));
    }
    let attachments: Vec<String> = parts
        .iter()
        .filter(|p| p.name == "attachment" || p.name == "inlineImage")
        .map(|p| p.filename.clone().unwrap_or_else(|| p.name.clone()))
        .collect();
    let content = Arc::new(content(field("subject"), field("text"), field("html"), attachments));
    let tracking = json!({"trackClicks": flag("trackClicks").or(flag("track")), "trackingUrl": field("trackingUrl")});
    let send_at = field("sendAt").and_then(|t| crate::time::parse(&t));
    let msgs = to
        .into_iter()
        .enumerate()
        .map(|(i, to)| NewMessage {
            message_id: field("messageId").filter(|_| i == 0),
            to,
            sender: field("from"),
            content: content.clone(),
            message_count: 1,
            send_at,
            webhook_url: field("notifyUrl"),
            callback_data: field("callbackData"),
            entity_id: field("entityId"),
            application_id: field("applicationId"),
            campaign_reference_id: field("campaignReferenceId"),
            intermediate: flag("intermediateReport").unwrap_or(false),
            tracking_url: tracking_url(Some(&tracking)),
            api: None,
        })
        .collect();
    let (bulk_id, accepted) = accept(ctx, field("bulkId"), msgs, Api::Email);
    Some(ctx.json(200, &to_envelope(&bulk_id, &accepted)))
}

/// `POST /email/4/messages`: `{"bulkId","messages":[{"messageId","status","destination"}]}`.
pub(super) fn send_v4(ctx: &Ctx<'_>) -> Response<ResBody> {
    let empty = json!({});
    let body = ctx.body.as_ref().unwrap_or(&empty);
    let tracking = tracking_url(body.pointer("/options/tracking"));
    let send_at = s(body.pointer("/options/schedule/sendAt")).and_then(|t| crate::time::parse(&t));
    let mut msgs = Vec::new();
    for m in body.get("messages").and_then(Value::as_array).into_iter().flatten() {
        let c = m.get("content").unwrap_or(&empty);
        let attachments = c
            .get("attachments")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|a| s(a.get("name").or_else(|| a.get("fileName")).or_else(|| a.get("url"))))
            .collect();
        let content = Arc::new(content(s(c.get("subject")), s(c.get("text")), s(c.get("html")), attachments));
        let destinations = m.get("destinations").and_then(Value::as_array).into_iter().flatten();
        for to in destinations.flat_map(|d| d.get("to").and_then(Value::as_array).into_iter().flatten()) {
            let address = s(to.get("destination")).unwrap_or_default();
            let message = layout_message(m, s(to.get("messageId")), address, content.clone(), tracking.clone());
            msgs.push(NewMessage { send_at, ..message });
        }
    }
    let (bulk_id, accepted) = accept(ctx, s(body.pointer("/options/schedule/bulkId")), msgs, Api::Email);
    ctx.json(200, &destination_envelope(&bulk_id, &accepted))
}

/// A header of a MIME message's top-level header block (unfolded, first occurrence).
fn mime_header(mime: &str, name: &str) -> Option<String> {
    let head = mime.split("\r\n\r\n").next().unwrap_or(mime).split("\n\n").next().unwrap_or(mime);
    let mut lines = head.lines().peekable();
    while let Some(line) = lines.next() {
        let Some((k, v)) = line.split_once(':') else { continue };
        if k.trim().eq_ignore_ascii_case(name) {
            let mut value = v.trim().to_string();
            while lines.peek().is_some_and(|l| l.starts_with([' ', '\t'])) {
                value.push(' ');
                value.push_str(lines.next().unwrap_or_default().trim());
            }
            return Some(value);
        }
    }
    None
}

/// The `filename="…"` parameters in a MIME message (its attachments).
fn mime_filenames(mime: &str) -> Vec<String> {
    mime.match_indices("filename=")
        .filter_map(|(i, _)| {
            let rest = &mime[i + "filename=".len()..];
            let name = match rest.strip_prefix('"') {
                Some(quoted) => quoted.split('"').next(),
                None => rest.split([';', '\r', '\n', ' ']).next(),
            }?;
            (!name.is_empty()).then(|| name.to_string())
        })
        .collect()
}

/// `POST /email/4/mime`: `{"bulkId","messages":[{"to","messageId","status"}]}`.
pub(super) fn send_mime(ctx: &Ctx<'_>) -> Response<ResBody> {
    let empty = json!({});
    let body = ctx.body.as_ref().unwrap_or(&empty);
    let mime = s(body.get("mimeMessage")).unwrap_or_default();
    let mut to: Vec<String> =
        body.get("destinations").and_then(Value::as_array).into_iter().flatten().filter_map(|d| s(Some(d))).collect();
    if to.is_empty() {
        to = mime_header(&mime, "To")
            .into_iter()
            .flat_map(|h| h.split(',').map(|a| a.trim().to_string()).collect::<Vec<_>>())
            .collect();
    }
    let content = Arc::new(content(mime_header(&mime, "Subject"), None, None, mime_filenames(&mime)));
    let sender = s(body.get("from")).or_else(|| mime_header(&mime, "From"));
    let msgs = to
        .into_iter()
        .enumerate()
        .map(|(i, to)| NewMessage {
            message_id: s(body.get("messageId")).filter(|_| i == 0),
            to,
            sender: sender.clone(),
            content: content.clone(),
            message_count: 1,
            webhook_url: s(body.get("notifyUrl")),
            callback_data: s(body.get("callbackData")),
            entity_id: s(body.get("entityId")),
            application_id: s(body.get("applicationId")),
            intermediate: body.get("intermediateReport").and_then(Value::as_bool).unwrap_or(false),
            tracking_url: s(body.get("trackingUrl")),
            ..NewMessage::default()
        })
        .collect();
    let (bulk_id, accepted) = accept(ctx, s(body.get("bulkId")), msgs, Api::Email);
    ctx.json(200, &to_envelope(&bulk_id, &accepted))
}

/// A delivery report in the `receive-email-delivery-reports` format.
pub(super) fn report(m: &Message) -> Value {
    let mut o = report_base(m, "smsCount");
    crate::delivery::put(&mut o, "entityId", m.entity_id.as_ref());
    crate::delivery::put(&mut o, "applicationId", m.application_id.as_ref());
    crate::delivery::put(&mut o, "campaignReferenceId", m.campaign_reference_id.as_ref());
    Value::Object(o)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mime_subject_recipients_and_attachments() {
        let mime = "From: Jane <jane@example.com>\r\nTo: a@example.com, b@example.com\r\nSubject: Hello\r\n  there\r\n\r\n--b\r\nContent-Disposition: attachment; filename=\"report.pdf\"\r\n\r\nx\r\n--b\r\nContent-Disposition: attachment; filename=notes.txt\r\n";
        assert_eq!(mime_header(mime, "subject").as_deref(), Some("Hello there"));
        assert_eq!(mime_header(mime, "to").as_deref(), Some("a@example.com, b@example.com"));
        assert_eq!(mime_header(mime, "Cc"), None);
        assert_eq!(mime_filenames(mime), vec!["report.pdf", "notes.txt"]);
        assert_eq!(recipient(r#"{"to":"x@example.com","placeholders":{"n":"X"}}"#).as_deref(), Some("x@example.com"));
        assert_eq!(recipient("  y@example.com "), Some("y@example.com".into()));
        assert_eq!(recipient(" "), None);
    }
}
