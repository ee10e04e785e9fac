//! What the page does as the phone: set a message's final status (its report is pushed now),
//! push a report or an inbound message again, click a tracked link, reply in a thread.

use super::{Item, view};
use crate::delivery::{self, Outbox};
use crate::state::{PushKind, Shared};
use serde_json::{Value, json};
use std::sync::Arc;

/// Why an action could not be done: an HTTP status and a sentence for the page.
#[derive(Debug)]
pub(crate) struct Refused(pub u16, pub String);

fn not_found(message_id: &str) -> Refused {
    Refused(404, format!("no message with id {message_id}"))
}

/// A message's detail: its thread item plus the raw request, every push attempt, its current
/// report, and the links clicked.
pub(super) fn detail(shared: &Shared, message_id: &str) -> Result<Value, Refused> {
    let st = shared.lock();
    let mut out = if let Some(&idx) = st.by_id.get(message_id) {
        let m = st.messages.get(idx).ok_or_else(|| not_found(message_id))?;
        let mut o = view::outbound(&st, m);
        o["report"] = if m.is_final { delivery::report(m) } else { Value::Null };
        o["request"] = match st.inbox.request(&m.request_id) {
            Some(r) => json!({
                "method": r.method,
                "target": r.target,
                "headers": r.headers.iter().map(|(k, v)| json!([k, v])).collect::<Vec<_>>(),
                "body": r.body,
                "truncated": r.truncated,
                "receivedAt": crate::time::format(r.received_at),
            }),
            None => Value::Null,
        };
        o
    } else if let Some(&idx) = st.inbox.inbound_by_id.get(message_id) {
        let i = st.inbox.inbound.get(idx).ok_or_else(|| not_found(message_id))?;
        let mut o = view::inbound(&st, i);
        o["pushed"] = serde_json::from_str(&i.body).unwrap_or(Value::Null);
        o
    } else {
        return Err(not_found(message_id));
    };
    let attempts: Vec<Value> = st.inbox.attempts.get(message_id).into_iter().flatten().map(view::attempt).collect();
    out["attemptsLog"] = json!(attempts);
    let clicks: Vec<Value> = st
        .inbox
        .clicks
        .get(message_id)
        .into_iter()
        .flatten()
        .map(|(url, at)| json!({"url": url, "at": crate::time::format(*at)}))
        .collect();
    out["clicks"] = json!(clicks);
    Ok(out)
}

/// Gives message `message_id` the final status `group` (DELIVERED, UNDELIVERABLE, EXPIRED,
/// REJECTED), even when it already had one, and pushes its delivery report now.
pub(super) fn set_status(shared: &Arc<Shared>, message_id: &str, group: &str) -> Result<Value, Refused> {
    let Some(status) = delivery::final_status(group) else {
        return Err(Refused(
            400,
            format!("`{group}` is not a final status (DELIVERED, UNDELIVERABLE, EXPIRED, REJECTED)"),
        ));
    };
    let mut outbox: Outbox = Vec::new();
    let mut st = shared.lock();
    let idx = *st.by_id.get(message_id).ok_or_else(|| not_found(message_id))?;
    if let Some(m) = st.messages.get_mut(idx) {
        // A final status set here replaces the pending one (the scheduled one is skipped).
        m.is_final = false;
        m.generation = m.generation.wrapping_add(1);
    }
    delivery::finalize(shared, &mut st, idx, Some(status), &mut outbox);
    let item = view::item(&st, Item::Out(idx));
    drop(st);
    delivery::send_outbox(shared, outbox);
    Ok(item)
}

/// Pushes a final message's delivery report (or an inbound message) to its webhook again.
pub(super) fn push_again(shared: &Arc<Shared>, message_id: &str) -> Result<Value, Refused> {
    let st = shared.lock();
    let push = if let Some(&idx) = st.by_id.get(message_id) {
        let m = st.messages.get(idx).ok_or_else(|| not_found(message_id))?;
        if !m.is_final {
            return Err(Refused(409, "the message has no final status yet, so no delivery report".into()));
        }
        let Some(url) = m.webhook_url.clone() else {
            return Err(Refused(409, "the message names no webhook URL (and no default is configured)".into()));
        };
        (url, PushKind::Delivery, delivery::report(m))
    } else if let Some(&idx) = st.inbox.inbound_by_id.get(message_id) {
        let i = st.inbox.inbound.get(idx).ok_or_else(|| not_found(message_id))?;
        let Some(url) = i.webhook_url.clone() else {
            return Err(Refused(409, "no inbound webhook URL is configured".into()));
        };
        (url, crate::channels::inbound_push_kind(i.channel), serde_json::from_str(&i.body).unwrap_or(Value::Null))
    } else {
        return Err(not_found(message_id));
    };
    drop(st);
    let url = push.0.clone();
    delivery::send_outbox(shared, vec![push]);
    Ok(json!({"queued": true, "url": url}))
}

/// Clicks `url` in message `message_id`: pushes a click report to its tracking URL.
pub(super) fn click(shared: &Arc<Shared>, message_id: &str, url: &str) -> Result<Value, Refused> {
    if url.trim().is_empty() {
        return Err(Refused(400, "`url` must not be empty".into()));
    }
    let mut st = shared.lock();
    let idx = *st.by_id.get(message_id).ok_or_else(|| not_found(message_id))?;
    let m = st.messages.get(idx).ok_or_else(|| not_found(message_id))?;
    let Some(tracking) = m.tracking_url.clone() else {
        return Err(Refused(409, "the message's links are not tracked (no trackingUrl)".into()));
    };
    let report = crate::channels::click_report(m, url);
    st.inbox.clicks.entry(message_id.to_string()).or_default().push((url.to_string(), chrono::Utc::now()));
    drop(st);
    shared.changed();
    delivery::send_outbox(shared, vec![(tracking.clone(), PushKind::Tracking, report.clone())]);
    Ok(json!({"queued": true, "url": tracking, "report": report}))
}

/// Replies in thread `thread_id` as its other side: an inbound message from their address to
/// ours, through the same code as `POST /_emulator/inbound`.
pub(super) fn reply(shared: &Arc<Shared>, thread_id: usize, text: &str) -> Result<Value, Refused> {
    let (channel, ours, theirs, subject) = {
        let st = shared.lock();
        let t = st.inbox.threads.get(thread_id).ok_or_else(|| Refused(404, format!("no thread {thread_id}")))?;
        // An email reply answers the newest subject we sent in the thread.
        let subject = t.items.iter().rev().find_map(|item| match item {
            crate::inbox::Item::Out(idx) => st.messages.get(*idx)?.content.get("subject")?.as_str().map(str::to_string),
            crate::inbox::Item::In(_) => None,
        });
        (t.channel, t.ours.clone(), t.theirs.clone(), subject)
    };
    let mut request = json!({"channel": channel.name(), "from": theirs, "to": ours, "text": text});
    if let Some(subject) = subject {
        request["subject"] = json!(format!("Re: {subject}"));
    }
    crate::channels::inject_inbound(shared, &request).map_err(|e| Refused(400, e.0))
}
