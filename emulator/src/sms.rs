//! SMS: sends (v3, v2 text/binary, query-string sends), preview, delivery reports (pull), logs
//! with cursor paging, inbound messages, and scheduled bulks.

use crate::api::Ctx;
use crate::delivery;
use crate::schema::Violation;
use crate::server::ResBody;
use crate::state::{Api, Bulk, Message, NO_ERROR, PENDING_ACCEPTED, REJECTED_DUPLICATE_MESSAGE_ID, Shared, StatusRow};
use base64::Engine as _;
use chrono::{DateTime, Utc};
use http::Response;
use serde_json::{Map, Value, json};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A message to accept (one destination).
#[derive(Default)]
pub(crate) struct NewMessage {
    pub message_id: Option<String>,
    pub to: String,
    pub sender: Option<String>,
    pub content: Arc<Value>,
    pub message_count: u32,
    pub send_at: Option<DateTime<Utc>>,
    pub webhook_url: Option<String>,
    pub callback_data: Option<String>,
    pub entity_id: Option<String>,
    pub application_id: Option<String>,
    pub campaign_reference_id: Option<String>,
    /// Push an intermediate (`PENDING_ENROUTE`) report before the final one.
    pub intermediate: bool,
    /// Where click reports of its tracked links go.
    pub tracking_url: Option<String>,
    /// The API this message goes through when it is not the request's (one Messages API request
    /// names a channel per message).
    pub api: Option<Api>,
}

/// The outcome of accepting one message.
pub(crate) struct Accepted {
    pub message_id: String,
    pub to: String,
    pub status: StatusRow,
    pub message_count: u32,
}

fn s(v: Option<&Value>) -> Option<String> {
    v.and_then(Value::as_str).map(str::to_string)
}

/// Stores messages, schedules their delivery and returns the bulk id and per-message outcome.
/// The request that sent them is kept for the inbox page.
pub(crate) fn accept(
    ctx: &Ctx<'_>,
    bulk_id: Option<String>,
    msgs: Vec<NewMessage>,
    api: Api,
) -> (String, Vec<Accepted>) {
    let shared = ctx.shared;
    let bulk_id = bulk_id.unwrap_or_else(|| shared.uuid());
    let ids: Vec<String> = msgs.iter().map(|m| m.message_id.clone().unwrap_or_else(|| shared.uuid())).collect();
    let now = Utc::now();
    let inst = Instant::now();
    let delay = shared.config.delivery_delay();
    let mut out = Vec::with_capacity(msgs.len());
    let mut st = shared.lock();
    let request_id = crate::inbox::keep_request(&mut st, ctx);
    let mut outbox: delivery::Outbox = Vec::new();
    for (m, message_id) in msgs.into_iter().zip(ids) {
        if st.by_id.contains_key(&message_id) {
            out.push(Accepted {
                message_id,
                to: m.to,
                status: REJECTED_DUPLICATE_MESSAGE_ID,
                message_count: m.message_count,
            });
            continue;
        }
        let wait = m.send_at.and_then(|t| (t - now).to_std().ok()).unwrap_or(Duration::ZERO);
        let idx = st.messages.len();
        st.messages.push(Message {
            message_id: message_id.clone(),
            bulk_id: bulk_id.clone(),
            to: m.to.clone(),
            sender: m.sender,
            content: m.content,
            message_count: m.message_count,
            sent_at: m.send_at.filter(|t| *t > now).unwrap_or(now),
            done_at: None,
            status: PENDING_ACCEPTED,
            error: NO_ERROR,
            webhook_url: m.webhook_url,
            callback_data: m.callback_data,
            entity_id: m.entity_id,
            application_id: m.application_id,
            campaign_reference_id: m.campaign_reference_id,
            api: m.api.unwrap_or(api),
            generation: 0,
            is_final: false,
            history: vec![(PENDING_ACCEPTED, now)],
            tracking_url: m.tracking_url,
            request_id: request_id.clone(),
        });
        st.by_id.insert(message_id.clone(), idx);
        crate::inbox::on_accept(&mut st, idx);
        let bulk = st.bulks.entry(bulk_id.clone()).or_default();
        bulk.messages.push(idx);
        if m.send_at.is_some() && bulk.send_at.is_none() {
            bulk.send_at = m.send_at;
        }
        delivery::schedule(&mut st, idx, inst + wait + delay);
        if m.intermediate
            && let Some(msg) = st.messages.get_mut(idx)
            && let Some(url) = msg.webhook_url.clone()
        {
            msg.history.push((crate::state::PENDING_ENROUTE, now));
            outbox.push((url, crate::state::PushKind::Delivery, delivery::intermediate_report(msg)));
        }
        out.push(Accepted { message_id, to: m.to, status: PENDING_ACCEPTED, message_count: m.message_count });
    }
    drop(st);
    shared.wake.notify_one();
    shared.changed();
    delivery::send_outbox(shared, outbox);
    (bulk_id, out)
}

fn text_count(text: &str, transliteration: Option<&str>, language: Option<&str>) -> u32 {
    let t = match transliteration {
        Some(code) if code != "NONE" => crate::gsm::transliterate(text, code),
        _ => text.to_string(),
    };
    crate::gsm::count(&t, language).parts
}

/// The `trackingUrl` of a URL-tracking object (`options.tracking`, `urlOptions`) unless
/// `trackClicks` is `false`.
pub(crate) fn tracking_url(options: Option<&Value>) -> Option<String> {
    let o = options?;
    if o.get("trackClicks").and_then(Value::as_bool) == Some(false) {
        return None;
    }
    s(o.get("trackingUrl"))
}

fn webhook(shared: &Shared, url: Option<String>, notify: Option<bool>) -> Option<String> {
    if notify == Some(false) {
        return None;
    }
    url.or_else(|| shared.config.default_delivery_webhook_url.clone())
}

fn send_at_violation(path: &str, t: Option<DateTime<Utc>>) -> Option<Violation> {
    let t = t?;
    if t > Utc::now() + chrono::Duration::days(180) {
        Some(Violation::new(path, "must not be more than 180 days in the future"))
    } else {
        None
    }
}

fn v3_envelope(bulk_id: &str, accepted: &[Accepted], include_count: bool) -> Value {
    let messages: Vec<Value> = accepted
        .iter()
        .map(|a| {
            let mut o = json!({
                "messageId": a.message_id,
                "status": delivery::status_value(&a.status),
                "destination": a.to,
            });
            if include_count {
                o["details"] = json!({"messageCount": a.message_count});
            }
            o
        })
        .collect();
    json!({"bulkId": bulk_id, "messages": messages})
}

fn v2_envelope(bulk_id: &str, accepted: &[Accepted], include_count: bool) -> Value {
    let messages: Vec<Value> = accepted
        .iter()
        .map(|a| {
            let mut o = json!({
                "to": a.to,
                "status": delivery::status_value(&a.status),
                "messageId": a.message_id,
            });
            if include_count {
                o["smsCount"] = json!(a.message_count);
            }
            o
        })
        .collect();
    json!({"bulkId": bulk_id, "messages": messages})
}

/// The content of a v2 or query-string send as the v3 logs show it: `language` and
/// `transliteration` are kept only where v3's `SmsMessageContent` allows their values (v2 takes
/// any language code; v3 lists them).
fn v3_content(mut content: Value) -> Value {
    let Some((doc, schema)) = crate::spec::component("sms", "SmsMessageContent") else { return content };
    for key in ["language", "transliteration"] {
        if crate::schema::validate(doc, schema, &content).is_empty() {
            break;
        }
        if let Some(o) = content.as_object_mut() {
            o.remove(key);
        }
    }
    content
}

/// `POST /sms/3/messages`.
pub(crate) fn send_v3(ctx: &Ctx<'_>) -> Response<ResBody> {
    let empty = json!({});
    let body = ctx.body.as_ref().unwrap_or(&empty);
    let options = body.get("options").unwrap_or(&empty);
    let schedule = options.get("schedule").unwrap_or(&empty);
    let send_at = s(schedule.get("sendAt")).and_then(|t| crate::time::parse(&t));
    if let Some(v) = send_at_violation("options.schedule.sendAt", send_at) {
        return ctx.error(400, &[v], None);
    }
    let include_count = options.get("includeSmsCountInResponse").and_then(Value::as_bool).unwrap_or(false);
    let mut msgs = Vec::new();
    for m in body.get("messages").and_then(Value::as_array).into_iter().flatten() {
        let content = Arc::new(m.get("content").cloned().unwrap_or(json!({})));
        let count = if let Some(hex) = content.get("hex").and_then(Value::as_str) {
            crate::gsm::binary_parts(hex)
        } else {
            text_count(
                content.get("text").and_then(Value::as_str).unwrap_or(""),
                content.get("transliteration").and_then(Value::as_str),
                content.pointer("/language/languageCode").and_then(Value::as_str),
            )
        };
        let mo = m.get("options").unwrap_or(&empty);
        let hooks = m.get("webhooks").unwrap_or(&empty);
        let url = webhook(
            ctx.shared,
            s(hooks.pointer("/delivery/url")),
            hooks.pointer("/delivery/notify").and_then(Value::as_bool),
        );
        for d in m.get("destinations").and_then(Value::as_array).into_iter().flatten() {
            msgs.push(NewMessage {
                message_id: s(d.get("messageId")),
                to: s(d.get("to")).unwrap_or_default(),
                sender: s(m.get("sender")),
                content: content.clone(),
                message_count: count,
                send_at,
                webhook_url: url.clone(),
                callback_data: s(hooks.get("callbackData")),
                entity_id: s(mo.pointer("/platform/entityId")),
                application_id: s(mo.pointer("/platform/applicationId")),
                campaign_reference_id: s(mo.get("campaignReferenceId")),
                intermediate: hooks.pointer("/delivery/intermediateReport").and_then(Value::as_bool).unwrap_or(false),
                tracking_url: tracking_url(options.get("tracking")),
                api: None,
            });
        }
    }
    let (bulk_id, accepted) = accept(ctx, s(schedule.get("bulkId")), msgs, Api::V3);
    ctx.json(200, &v3_envelope(&bulk_id, &accepted, include_count))
}

/// `POST /sms/2/text/advanced` and `POST /sms/2/binary/advanced`.
pub(crate) fn send_v2(ctx: &Ctx<'_>, binary: bool) -> Response<ResBody> {
    let empty = json!({});
    let body = ctx.body.as_ref().unwrap_or(&empty);
    let include_count = body.get("includeSmsCountInResponse").and_then(Value::as_bool).unwrap_or(false);
    let mut msgs = Vec::new();
    let mut violations = Vec::new();
    for (i, m) in body.get("messages").and_then(Value::as_array).into_iter().flatten().enumerate() {
        let send_at = s(m.get("sendAt")).and_then(|t| crate::time::parse(&t));
        if let Some(v) = send_at_violation(&format!("messages[{i}].sendAt"), send_at) {
            violations.push(v);
        }
        let (content, count) = if binary {
            let mut b = m.get("binary").cloned().unwrap_or(json!({}));
            if b.get("hex").is_none() {
                b["hex"] = json!("");
            }
            let hex = b.get("hex").and_then(Value::as_str).unwrap_or("").to_string();
            let count = crate::gsm::binary_parts(&hex);
            (b, count)
        } else {
            let text = m.get("text").and_then(Value::as_str).unwrap_or("").to_string();
            let lang = m.pointer("/language/languageCode").and_then(Value::as_str);
            let translit = m.get("transliteration").and_then(Value::as_str);
            let count = text_count(&text, translit, lang);
            let mut c = Map::new();
            c.insert("text".into(), json!(text));
            if let Some(t) = translit {
                c.insert("transliteration".into(), json!(t));
            }
            if let Some(l) = m.get("language") {
                c.insert("language".into(), l.clone());
            }
            (Value::Object(c), count)
        };
        let content = Arc::new(v3_content(content));
        let url = webhook(ctx.shared, s(m.get("notifyUrl")), None);
        for d in m.get("destinations").and_then(Value::as_array).into_iter().flatten() {
            msgs.push(NewMessage {
                message_id: s(d.get("messageId")),
                to: s(d.get("to")).unwrap_or_default(),
                sender: s(m.get("from")),
                content: content.clone(),
                message_count: count,
                send_at,
                webhook_url: url.clone(),
                callback_data: s(m.get("callbackData")),
                entity_id: s(m.get("entityId")),
                application_id: s(m.get("applicationId")),
                campaign_reference_id: s(m.get("campaignReferenceId")),
                intermediate: m.get("intermediateReport").and_then(Value::as_bool).unwrap_or(false),
                tracking_url: tracking_url(m.get("urlOptions")),
                api: None,
            });
        }
    }
    if !violations.is_empty() {
        return ctx.error(400, &violations, None);
    }
    let (bulk_id, accepted) = accept(ctx, s(body.get("bulkId")), msgs, Api::V2);
    ctx.json(200, &v2_envelope(&bulk_id, &accepted, include_count))
}

/// `GET /sms/3/text/query` (v3 response) and the deprecated `GET /sms/1/text/query` (v2 response).
pub(crate) fn send_query(ctx: &Ctx<'_>, v3: bool) -> Response<ResBody> {
    let text = ctx.q("text").unwrap_or_default();
    let translit = ctx.q("transliteration");
    let lang = ctx.q("languageCode");
    let count = text_count(&text, translit.as_deref(), lang.as_deref());
    let mut content = Map::new();
    content.insert("text".into(), json!(text));
    if let Some(t) = &translit {
        content.insert("transliteration".into(), json!(t));
    }
    if let Some(l) = &lang {
        content.insert("language".into(), json!({"languageCode": l}));
    }
    let content = Arc::new(v3_content(Value::Object(content)));
    let send_at = ctx.q("sendAt").and_then(|t| crate::time::parse(&t));
    if let Some(v) = send_at_violation("sendAt", send_at) {
        return ctx.error(400, &[v], None);
    }
    let url = webhook(ctx.shared, ctx.q("notifyUrl"), None);
    let msgs: Vec<NewMessage> = ctx
        .q_list("to")
        .into_iter()
        .map(|to| NewMessage {
            to,
            sender: ctx.q("from"),
            content: content.clone(),
            message_count: count,
            send_at,
            webhook_url: url.clone(),
            callback_data: ctx.q("callbackData"),
            intermediate: ctx.q_bool("intermediateReport").unwrap_or(false),
            tracking_url: ctx.q("trackingUrl"),
            ..NewMessage::default()
        })
        .collect();
    if msgs.is_empty() {
        return ctx.error(400, &[Violation::new("to", "must not be empty")], None);
    }
    let include = ctx.q_bool("includeSmsCountInResponse").unwrap_or(false);
    let api = if v3 { Api::V3 } else { Api::V2 };
    let (bulk_id, accepted) = accept(ctx, ctx.q("bulkId"), msgs, api);
    if v3 {
        ctx.json(200, &v3_envelope(&bulk_id, &accepted, include))
    } else {
        ctx.json(200, &v2_envelope(&bulk_id, &accepted, include))
    }
}

/// `POST /sms/1/preview`.
pub(crate) fn preview(ctx: &Ctx<'_>) -> Response<ResBody> {
    let text = ctx.str_field("text").unwrap_or_default();
    let lang = ctx.str_field("languageCode").filter(|l| l != "NONE");
    let translit = ctx.str_field("transliteration").filter(|t| t != "NONE");
    let entry = |preview: &str, language: Option<&str>, configuration: Value| {
        let c = crate::gsm::count(preview, language);
        json!({"textPreview": preview, "messageCount": c.parts, "charactersRemaining": c.remaining, "configuration": configuration})
    };
    let mut previews = vec![entry(&text, None, json!({}))];
    if lang.is_some() || translit.is_some() {
        let shown = match &translit {
            Some(t) => crate::gsm::transliterate(&text, t),
            None => text.clone(),
        };
        let mut configuration = Map::new();
        if let Some(l) = &lang {
            configuration.insert("language".into(), json!({"languageCode": l}));
        }
        if let Some(t) = &translit {
            configuration.insert("transliteration".into(), json!(t));
        }
        previews.push(entry(&shown, lang.as_deref(), Value::Object(configuration)));
    }
    ctx.json(200, &json!({"originalText": text, "previews": previews}))
}

fn limit(ctx: &Ctx<'_>) -> usize {
    ctx.q("limit").and_then(|l| l.parse::<usize>().ok()).unwrap_or(50).clamp(1, 1000)
}

fn matches_platform(ctx: &Ctx<'_>, m: &Message) -> bool {
    let eq = |param: &str, v: &Option<String>| ctx.q(param).is_none_or(|p| v.as_deref() == Some(p.as_str()));
    let camp = ctx.q_list("campaignReferenceId");
    eq("entityId", &m.entity_id)
        && eq("applicationId", &m.application_id)
        && (camp.is_empty() || m.campaign_reference_id.as_ref().is_some_and(|c| camp.contains(c)))
}

/// `GET /sms/3/reports` and `GET /sms/1/reports`: each report is returned once.
pub(crate) fn reports(ctx: &Ctx<'_>, v3: bool) -> Response<ResBody> {
    let limit = limit(ctx);
    let bulk_ids = ctx.q_list("bulkId");
    let message_ids = ctx.q_list("messageId");
    let mut st = ctx.shared.lock();
    let queue = std::mem::take(&mut st.reports);
    let mut keep = std::collections::VecDeque::with_capacity(queue.len());
    let mut results = Vec::new();
    for idx in queue {
        let take = results.len() < limit
            && st.messages.get(idx).is_some_and(|m| {
                (bulk_ids.is_empty() || bulk_ids.contains(&m.bulk_id))
                    && (message_ids.is_empty() || message_ids.contains(&m.message_id))
                    && matches_platform(ctx, m)
            });
        match (take, st.messages.get(idx)) {
            (true, Some(m)) => results.push(if v3 { delivery::report_v3(m) } else { delivery::report_v1(m) }),
            _ => keep.push_back(idx),
        }
    }
    st.reports = keep;
    drop(st);
    ctx.json(200, &json!({"results": results}))
}

fn encode_cursor(idx: usize) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(format!("emu:{idx}"))
}

fn decode_cursor(c: &str) -> Option<usize> {
    let raw = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(c).ok()?;
    String::from_utf8(raw).ok()?.strip_prefix("emu:")?.parse().ok()
}

/// `GET /sms/3/logs` (cursor paging) and the deprecated `GET /sms/1/logs`.
pub(crate) fn logs(ctx: &Ctx<'_>, v3: bool) -> Response<ResBody> {
    let limit = limit(ctx);
    let use_cursor = v3 && ctx.q_bool("useCursor").unwrap_or(false);
    // The spec documents no 400 for the logs: a cursor this emulator never issued points at no
    // position in the data set, so it is answered like the end of it (an empty page without a
    // `nextCursor`, which also ends a client's paging).
    let start_before = ctx.q("cursor").filter(|c| !c.is_empty()).map(|c| decode_cursor(&c).unwrap_or(0));
    let since = ctx.q("sentSince").and_then(|t| crate::time::parse(&t));
    let until = ctx.q("sentUntil").and_then(|t| crate::time::parse(&t));
    let bulk_ids = ctx.q_list("bulkId");
    let message_ids = ctx.q_list("messageId");
    let status = ctx.q("generalStatus");
    let (sender_param, dest_param) = if v3 { ("sender", "destination") } else { ("from", "to") };
    let sender = ctx.q(sender_param);
    let dest = ctx.q(dest_param);
    let mcc = ctx.q("mcc");
    let mnc = ctx.q("mnc");
    if mnc.is_some() && mcc.is_none() {
        return ctx.error(400, &[Violation::new("mcc", "must not be null when mnc is given")], None);
    }
    let st = ctx.shared.lock();
    let end = start_before.unwrap_or(st.messages.len()).min(st.messages.len());
    let mut results = Vec::new();
    let mut last = None;
    let mut more = false;
    for idx in (0..end).rev() {
        let Some(m) = st.messages.get(idx) else { continue };
        let ok = m.api.is_sms()
            && (bulk_ids.is_empty() || bulk_ids.contains(&m.bulk_id))
            && (message_ids.is_empty() || message_ids.contains(&m.message_id))
            && status.as_deref().is_none_or(|s| s.eq_ignore_ascii_case(m.status.group_name))
            && sender.as_deref().is_none_or(|s| m.sender.as_deref() == Some(s))
            && dest.as_deref().is_none_or(|d| m.to == d)
            && since.is_none_or(|t| m.sent_at >= t)
            && until.is_none_or(|t| m.sent_at <= t)
            && mcc_matches(m, mcc.as_deref(), mnc.as_deref())
            && matches_platform(ctx, m);
        if !ok {
            continue;
        }
        if results.len() == limit {
            more = true;
            break;
        }
        results.push(if v3 { delivery::log_v3(m) } else { delivery::log_v1(m) });
        last = Some(idx);
    }
    drop(st);
    let mut body = json!({"results": results});
    if use_cursor {
        body["cursor"] = json!({"limit": limit});
        if let Some(next) = last.filter(|_| more) {
            body["cursor"]["nextCursor"] = json!(encode_cursor(next));
        }
    }
    ctx.json(200, &body)
}

fn mcc_matches(m: &Message, mcc: Option<&str>, mnc: Option<&str>) -> bool {
    let Some(mcc) = mcc else { return true };
    let Some(code) = crate::delivery::report_v3(m).get("mccMnc").and_then(Value::as_str).map(str::to_string) else {
        return false;
    };
    code.starts_with(mcc) && mnc.is_none_or(|n| code[mcc.len().min(code.len())..] == *n)
}

/// `GET /sms/1/inbox/reports`: each inbound message is returned once.
pub(crate) fn inbox(ctx: &Ctx<'_>) -> Response<ResBody> {
    let limit = limit(ctx);
    let mut st = ctx.shared.lock();
    let queue = std::mem::take(&mut st.inbound);
    let mut keep = std::collections::VecDeque::new();
    let mut results = Vec::new();
    let field_ok =
        |m: &Value, name: &str| ctx.q(name).is_none_or(|p| m.get(name).and_then(Value::as_str) == Some(p.as_str()));
    for m in queue {
        if results.len() < limit
            && field_ok(&m, "applicationId")
            && field_ok(&m, "entityId")
            && field_ok(&m, "campaignReferenceId")
        {
            results.push(m);
        } else {
            keep.push_back(m);
        }
    }
    let pending = keep.len();
    st.inbound = keep;
    drop(st);
    let n = results.len();
    ctx.json(200, &json!({"results": results, "messageCount": n, "pendingMessageCount": pending}))
}

/// An inbound SMS in the `MO_JSON_2` shape, from an admin request
/// (`{"from","to","text","keyword"?,"messageId"?,"receivedAt"?,…}`).
pub(crate) fn inbound_message(shared: &Shared, req: &Value) -> Value {
    let text = s(req.get("text")).unwrap_or_default();
    let keyword = s(req.get("keyword")).unwrap_or_else(|| {
        text.split_whitespace()
            .next()
            .filter(|w| w.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()) && w.len() > 1)
            .unwrap_or("")
            .to_string()
    });
    let clean = if !keyword.is_empty() && text.starts_with(&keyword) {
        text[keyword.len()..].trim_start().to_string()
    } else {
        text.clone()
    };
    let mut m = Map::new();
    m.insert("messageId".into(), json!(s(req.get("messageId")).unwrap_or_else(|| shared.uuid())));
    m.insert("from".into(), json!(s(req.get("from")).unwrap_or_else(|| "385916242493".into())));
    m.insert("to".into(), json!(s(req.get("to")).unwrap_or_else(|| "385921004026".into())));
    m.insert("text".into(), json!(text));
    m.insert("cleanText".into(), json!(clean));
    m.insert("keyword".into(), json!(keyword));
    let received = s(req.get("receivedAt")).and_then(|t| crate::time::parse(&t)).unwrap_or_else(Utc::now);
    m.insert("receivedAt".into(), json!(crate::time::format(received)));
    m.insert("smsCount".into(), json!(crate::gsm::count(&text, None).parts));
    m.insert("price".into(), json!({"pricePerMessage": 0, "currency": "EUR"}));
    for k in ["callbackData", "applicationId", "entityId", "campaignReferenceId"] {
        if let Some(v) = s(req.get(k)) {
            m.insert(k.into(), json!(v));
        }
    }
    Value::Object(m)
}

fn bulk_status(st: &crate::state::State, b: &Bulk) -> &'static str {
    if b.canceled {
        return "CANCELED";
    }
    if b.paused {
        return "PAUSED";
    }
    let all_final = b.messages.iter().all(|i| st.messages.get(*i).is_none_or(|m| m.is_final));
    if all_final {
        "FINISHED"
    } else if b.send_at.is_some_and(|t| t > Utc::now()) {
        "PENDING"
    } else {
        "PROCESSING"
    }
}

fn bulk_not_found(ctx: &Ctx<'_>) -> Response<ResBody> {
    ctx.error(404, &[], Some("Bulk not found"))
}

/// `GET/PUT /sms/1/bulks` and `GET/PUT /sms/1/bulks/status`.
pub(crate) fn bulks(ctx: &Ctx<'_>, status_endpoint: bool, put: bool) -> Response<ResBody> {
    let Some(bulk_id) = ctx.q("bulkId") else {
        return ctx.error(400, &[Violation::new("bulkId", "must not be null")], None);
    };
    let shared = ctx.shared;
    let mut st = shared.lock();
    let Some(bulk) = st.bulks.get(&bulk_id).filter(|b| b.send_at.is_some()) else {
        return bulk_not_found(ctx);
    };
    let current = bulk_status(&st, bulk);
    let messages = bulk.messages.clone();
    if !put {
        let body = if status_endpoint {
            json!({"bulkId": bulk_id, "status": current})
        } else {
            json!({"bulkId": bulk_id, "sendAt": bulk.send_at.map(crate::time::format)})
        };
        return ctx.json(200, &body);
    }
    let delay = shared.config.delivery_delay();
    let mut outbox = Vec::new();
    if !status_endpoint {
        let Some(send_at) = ctx.str_field("sendAt").and_then(|t| crate::time::parse(&t)) else {
            return ctx.error(400, &[Violation::new("sendAt", "must not be null")], None);
        };
        if let Some(v) = send_at_violation("sendAt", Some(send_at)) {
            return ctx.error(400, &[v], None);
        }
        if !matches!(current, "PENDING" | "PAUSED") {
            return ctx.error(400, &[], Some(&format!("Bulk in status {current} cannot be rescheduled")));
        }
        if let Some(b) = st.bulks.get_mut(&bulk_id) {
            b.send_at = Some(send_at);
        }
        let wait = (send_at - Utc::now()).to_std().unwrap_or(Duration::ZERO);
        let at = Instant::now() + wait + delay;
        for idx in messages {
            if let Some(m) = st.messages.get_mut(idx)
                && !m.is_final
            {
                m.sent_at = send_at;
                delivery::schedule(&mut st, idx, at);
            }
        }
        drop(st);
        shared.wake.notify_one();
        return ctx.json(200, &json!({"bulkId": bulk_id, "sendAt": crate::time::format(send_at)}));
    }
    let wanted = ctx.str_field("status").unwrap_or_default().to_ascii_uppercase();
    let allowed = matches!(
        (current, wanted.as_str()),
        ("PENDING" | "PROCESSING", "PAUSED")
            | ("PAUSED", "PENDING" | "PROCESSING")
            | ("PENDING" | "PAUSED" | "PROCESSING", "CANCELED")
    );
    if !allowed {
        return ctx.error(
            400,
            &[Violation::new("status", format!("cannot change bulk status from {current} to {wanted}"))],
            None,
        );
    }
    match wanted.as_str() {
        "PAUSED" => {
            if let Some(b) = st.bulks.get_mut(&bulk_id) {
                b.paused = true;
            }
        }
        "CANCELED" => {
            if let Some(b) = st.bulks.get_mut(&bulk_id) {
                b.canceled = true;
                b.paused = false;
            }
            for idx in messages {
                delivery::cancel(shared, &mut st, idx, &mut outbox);
            }
        }
        _ => {
            let send_at = st.bulks.get_mut(&bulk_id).and_then(|b| {
                b.paused = false;
                b.send_at
            });
            let wait = send_at.and_then(|t| (t - Utc::now()).to_std().ok()).unwrap_or(Duration::ZERO);
            let at = Instant::now() + wait + delay;
            for idx in messages {
                if st.messages.get(idx).is_some_and(|m| !m.is_final) {
                    delivery::schedule(&mut st, idx, at);
                }
            }
        }
    }
    let now_status = st.bulks.get(&bulk_id).map(|b| bulk_status(&st, b)).unwrap_or("CANCELED");
    drop(st);
    shared.wake.notify_one();
    delivery::send_outbox(ctx.shared, outbox);
    ctx.json(200, &json!({"bulkId": bulk_id, "status": now_status}))
}

/// Marks every accepted, not-yet-final message as due now (admin flush). Returns how many.
pub(crate) fn flush(shared: &Shared, include_scheduled: bool) -> usize {
    let mut st = shared.lock();
    let now_utc = Utc::now();
    let now = Instant::now();
    let candidates: Vec<usize> = st
        .messages
        .iter()
        .enumerate()
        .filter(|(_, m)| !m.is_final && (include_scheduled || m.sent_at <= now_utc))
        .map(|(i, _)| i)
        .collect();
    let n = candidates.len();
    for idx in candidates {
        delivery::schedule(&mut st, idx, now);
    }
    drop(st);
    shared.wake.notify_one();
    n
}
