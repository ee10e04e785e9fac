//! Delivery: accepted messages become final after the configured delay; their reports go to the
//! pull queue and, when a webhook URL applies, to a per-URL pusher that batches, POSTs and retries
//! with exponential backoff.
//!
//! Every URL's queue is bounded ([`QUEUE_CAPACITY`] items; more are dropped and counted), and a
//! pusher with nothing to do for `webhook_idle_ms` ends and forgets its URL, so callers naming a
//! new `notifyUrl` with every send cannot make the emulator keep a task per URL forever.

use crate::state::{
    Api, DELIVERED_TO_HANDSET, EC_MESSAGE_CANCELED, EC_UNKNOWN_SUBSCRIBER, EC_VALIDITY_EXPIRED, EXPIRED_EXPIRED,
    ErrorRow, Message, NO_ERROR, PushItem, PushKind, PushQueue, REJECTED_NETWORK, Shared, State, StatusRow,
    UNDELIVERABLE_NOT_DELIVERED, UNDELIVERABLE_NOT_SENT, hash_str,
};
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use serde_json::{Map, Value, json};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};
use tokio::sync::mpsc;

/// Items one URL's queue holds; more are dropped (and counted in `webhookStats.dropped`).
pub(crate) const QUEUE_CAPACITY: usize = 10_000;

pub(crate) fn status_json(s: &StatusRow) -> Value {
    json!({"groupId": s.group_id, "groupName": s.group_name, "id": s.id, "name": s.name, "description": s.description})
}

pub(crate) fn error_json(e: &ErrorRow, legacy: bool) -> Value {
    let group = if legacy && e.group_id == 0 { "Ok" } else { e.group_name };
    json!({"groupId": e.group_id, "groupName": group, "id": e.id, "name": e.name, "description": e.description, "permanent": e.permanent})
}

/// The status object of a message, for send responses and logs.
pub(crate) fn status_value(s: &StatusRow) -> Value {
    status_json(s)
}

fn mcc_mnc(to: &str) -> Option<&'static str> {
    if to.starts_with("41") {
        Some("22801")
    } else if to.starts_with("385") {
        Some("21901")
    } else {
        None
    }
}

pub(crate) fn put(m: &mut Map<String, Value>, k: &str, v: Option<&String>) {
    if let Some(v) = v {
        m.insert(k.into(), json!(v));
    }
}

pub(crate) fn price() -> Value {
    json!({"pricePerMessage": 0.01, "currency": "EUR"})
}

/// A delivery report in the v3 shape (`GET /sms/3/reports`, v3 webhooks).
pub(crate) fn report_v3(m: &Message) -> Value {
    let mut o = Map::new();
    o.insert("bulkId".into(), json!(m.bulk_id));
    o.insert("messageId".into(), json!(m.message_id));
    o.insert("to".into(), json!(m.to));
    put(&mut o, "sender", m.sender.as_ref());
    o.insert("sentAt".into(), json!(crate::time::format(m.sent_at)));
    if let Some(d) = m.done_at {
        o.insert("doneAt".into(), json!(crate::time::format(d)));
    }
    o.insert("messageCount".into(), json!(m.message_count));
    if let Some(mm) = mcc_mnc(&m.to) {
        o.insert("mccMnc".into(), json!(mm));
    }
    put(&mut o, "callbackData", m.callback_data.as_ref());
    o.insert("price".into(), price());
    o.insert("status".into(), status_json(&m.status));
    o.insert("error".into(), error_json(&m.error, false));
    if m.entity_id.is_some() || m.application_id.is_some() {
        let mut p = Map::new();
        put(&mut p, "entityId", m.entity_id.as_ref());
        put(&mut p, "applicationId", m.application_id.as_ref());
        o.insert("platform".into(), Value::Object(p));
    }
    put(&mut o, "campaignReferenceId", m.campaign_reference_id.as_ref());
    Value::Object(o)
}

/// A delivery report in the legacy v1 shape (`GET /sms/1/reports`, v2 webhooks).
pub(crate) fn report_v1(m: &Message) -> Value {
    let mut o = Map::new();
    o.insert("bulkId".into(), json!(m.bulk_id));
    o.insert("messageId".into(), json!(m.message_id));
    o.insert("to".into(), json!(m.to));
    put(&mut o, "from", m.sender.as_ref());
    o.insert("sentAt".into(), json!(crate::time::format(m.sent_at)));
    if let Some(d) = m.done_at {
        o.insert("doneAt".into(), json!(crate::time::format(d)));
    }
    o.insert("smsCount".into(), json!(m.message_count));
    if let Some(mm) = mcc_mnc(&m.to) {
        o.insert("mccMnc".into(), json!(mm));
    }
    put(&mut o, "callbackData", m.callback_data.as_ref());
    o.insert("price".into(), price());
    o.insert("status".into(), status_json(&m.status));
    o.insert("error".into(), error_json(&m.error, true));
    put(&mut o, "entityId", m.entity_id.as_ref());
    put(&mut o, "applicationId", m.application_id.as_ref());
    put(&mut o, "campaignReferenceId", m.campaign_reference_id.as_ref());
    Value::Object(o)
}

/// The delivery report of a message in the shape of the API it was sent through: the one place
/// that decides it (SMS v3 / v1 here, every other channel in [`crate::channels::report`]).
pub(crate) fn report(m: &Message) -> Value {
    match m.api {
        Api::V3 => report_v3(m),
        Api::V2 => report_v1(m),
        _ => crate::channels::report(m),
    }
}

/// An intermediate report (`PENDING_ENROUTE`) for `intermediateReport: true`.
pub(crate) fn intermediate_report(m: &Message) -> Value {
    let mut r = report(m);
    r["status"] = status_json(&crate::state::PENDING_ENROUTE);
    if let Value::Object(o) = &mut r {
        o.remove("doneAt");
    }
    r
}

/// A log entry in the v3 shape.
pub(crate) fn log_v3(m: &Message) -> Value {
    let mut o = Map::new();
    put(&mut o, "sender", m.sender.as_ref());
    o.insert("destination".into(), json!(m.to));
    o.insert("bulkId".into(), json!(m.bulk_id));
    o.insert("messageId".into(), json!(m.message_id));
    o.insert("sentAt".into(), json!(crate::time::format(m.sent_at)));
    if let Some(d) = m.done_at {
        o.insert("doneAt".into(), json!(crate::time::format(d)));
    }
    o.insert("messageCount".into(), json!(m.message_count));
    o.insert("price".into(), price());
    o.insert("status".into(), status_json(&m.status));
    o.insert("error".into(), error_json(&m.error, false));
    if m.entity_id.is_some() || m.application_id.is_some() {
        let mut p = Map::new();
        put(&mut p, "entityId", m.entity_id.as_ref());
        put(&mut p, "applicationId", m.application_id.as_ref());
        o.insert("platform".into(), Value::Object(p));
    }
    o.insert("content".into(), (*m.content).clone());
    put(&mut o, "campaignReferenceId", m.campaign_reference_id.as_ref());
    if let Some(mm) = mcc_mnc(&m.to) {
        o.insert("mccMnc".into(), json!(mm));
    }
    Value::Object(o)
}

/// A log entry in the deprecated v1 shape.
pub(crate) fn log_v1(m: &Message) -> Value {
    let mut o = report_v1(m);
    if let (Value::Object(o), Some(text)) = (&mut o, m.content.get("text")) {
        o.insert("text".into(), text.clone());
        o.remove("callbackData");
    }
    o
}

/// The final status and error of a status-mix group (`DELIVERED`, `UNDELIVERABLE`, `EXPIRED`,
/// `REJECTED`, any case); `None` for any other name.
pub(crate) fn final_status(group: &str) -> Option<(StatusRow, ErrorRow)> {
    match group.to_ascii_uppercase().as_str() {
        "DELIVERED" => Some((DELIVERED_TO_HANDSET, NO_ERROR)),
        "UNDELIVERABLE" => Some((UNDELIVERABLE_NOT_DELIVERED, EC_UNKNOWN_SUBSCRIBER)),
        "EXPIRED" => Some((EXPIRED_EXPIRED, EC_VALIDITY_EXPIRED)),
        "REJECTED" => Some((REJECTED_NETWORK, NO_ERROR)),
        _ => None,
    }
}

fn pick_final(shared: &Shared, message_id: &str) -> (StatusRow, ErrorRow) {
    let delivered = (DELIVERED_TO_HANDSET, NO_ERROR);
    let mix = &shared.config.status_mix;
    let total: u64 = mix.iter().map(|w| u64::from(w.weight)).sum();
    if total == 0 {
        return delivered;
    }
    let mut x = hash_str(shared.config.seed, message_id) % total;
    for w in mix {
        let wt = u64::from(w.weight);
        if x < wt {
            return final_status(&w.status).unwrap_or(delivered);
        }
        x -= wt;
    }
    delivered
}

/// Queues message `idx` to become final at `at` (bumping its generation).
pub(crate) fn schedule(st: &mut State, idx: usize, at: Instant) {
    if let Some(m) = st.messages.get_mut(idx) {
        m.generation = m.generation.wrapping_add(1);
        let g = m.generation;
        st.due.insert((at, idx, g));
    }
}

/// Pushes waiting to be sent after the state lock is released.
pub(crate) type Outbox = Vec<(String, PushKind, Value)>;

/// Makes message `idx` final with the given status and queues its report.
pub(crate) fn finalize(
    shared: &Shared,
    st: &mut State,
    idx: usize,
    status: Option<(StatusRow, ErrorRow)>,
    outbox: &mut Outbox,
) {
    let Some(m) = st.messages.get_mut(idx) else { return };
    if m.is_final {
        return;
    }
    let (s, e) = status.unwrap_or_else(|| pick_final(shared, &m.message_id));
    let now = chrono::Utc::now();
    m.status = s;
    m.error = e;
    m.done_at = Some(now);
    m.is_final = true;
    m.history.push((s, now));
    if let Some(url) = &m.webhook_url {
        outbox.push((url.clone(), PushKind::Delivery, report(m)));
    }
    if m.api.is_sms() {
        st.reports.push_back(idx);
    }
    shared.changed();
}

/// Cancels message `idx` (scheduled bulk canceled).
pub(crate) fn cancel(shared: &Shared, st: &mut State, idx: usize, outbox: &mut Outbox) {
    finalize(shared, st, idx, Some((UNDELIVERABLE_NOT_SENT, EC_MESSAGE_CANCELED)), outbox);
}

fn bulk_blocked(st: &State, idx: usize) -> bool {
    st.messages.get(idx).and_then(|m| st.bulks.get(&m.bulk_id)).is_some_and(|b| b.paused || b.canceled)
}

/// Finalises every due message; returns the next due instant.
pub(crate) fn process_due(shared: &Shared, st: &mut State, now: Instant, outbox: &mut Outbox) -> Option<Instant> {
    loop {
        let first = st.due.first().copied()?;
        if first.0 > now {
            return Some(first.0);
        }
        st.due.pop_first();
        let (_, idx, generation) = first;
        let current = st.messages.get(idx).is_some_and(|m| m.generation == generation && !m.is_final);
        if !current || bulk_blocked(st, idx) {
            continue;
        }
        finalize(shared, st, idx, None, outbox);
    }
}

/// Sends queued pushes to their per-URL pushers (starting one where none runs).
pub(crate) fn send_outbox(shared: &Arc<Shared>, outbox: Outbox) {
    if outbox.is_empty() {
        return;
    }
    let epoch = shared.epoch.load(Ordering::SeqCst);
    let mut dropped = 0u64;
    let mut pushers = shared.pushers.lock().unwrap_or_else(|e| e.into_inner());
    for (url, kind, item) in outbox {
        let key = (url.clone(), kind);
        let queue = pushers.entry(key).or_insert_with(|| {
            let (sender, rx) = mpsc::channel(QUEUE_CAPACITY);
            let id = shared.counter.fetch_add(1, Ordering::Relaxed);
            shared.runtime.spawn(pusher(shared.clone(), url.clone(), kind, id, rx));
            PushQueue { id, sender }
        });
        if queue.sender.try_send((epoch, item)).is_err() {
            dropped += 1;
        }
    }
    drop(pushers);
    if dropped > 0 {
        shared.lock().webhook_stats.dropped += dropped;
    }
}

/// The scheduler task: sleeps until the next due message (or a wake-up) and finalises.
pub(crate) async fn scheduler(shared: Arc<Shared>) {
    let mut shutdown = shared.shutdown.clone();
    loop {
        let mut outbox = Vec::new();
        let next = {
            let mut st = shared.lock();
            process_due(&shared, &mut st, Instant::now(), &mut outbox)
        };
        send_outbox(&shared, outbox);
        let sleep_until = next.unwrap_or_else(|| Instant::now() + Duration::from_secs(3600));
        let sleep_until = tokio::time::Instant::from_std(sleep_until);
        tokio::select! {
            _ = tokio::time::sleep_until(sleep_until) => {}
            _ = shared.wake.notified() => {}
            _ = shutdown.changed() => return,
        }
        if *shutdown.borrow() {
            return;
        }
    }
}

type Client = hyper_util::client::legacy::Client<hyper_util::client::legacy::connect::HttpConnector, Full<Bytes>>;

fn log_attempt(shared: &Shared, url: &str, kind: PushKind, items: &[Value], outcome: Result<u16, String>) {
    let reports = items.len();
    let mut st = shared.lock();
    crate::inbox::record_attempt(&mut st, url, kind, items, &outcome);
    st.webhook_stats.attempts += 1;
    let mut entry = json!({"url": url, "reports": reports, "at": crate::time::format(chrono::Utc::now())});
    match &outcome {
        Ok(s) => {
            entry["status"] = json!(s);
            if (200..300).contains(s) {
                st.webhook_stats.delivered += reports as u64;
            } else {
                st.webhook_stats.failures += 1;
            }
        }
        Err(e) => {
            entry["error"] = json!(e);
            st.webhook_stats.failures += 1;
        }
    }
    if st.webhook_log.len() >= 1000 {
        st.webhook_log.pop_front();
    }
    st.webhook_log.push_back(entry);
    drop(st);
    shared.changed();
}

/// A JSON push body and its content type.
fn json_body(body: &Value) -> (String, Bytes) {
    ("application/json".into(), Bytes::from(serde_json::to_vec(body).unwrap_or_default()))
}

async fn post(client: &Client, url: &str, content_type: &str, body: Bytes, timeout: Duration) -> Result<u16, String> {
    if !url.starts_with("http://") {
        return Err("only http:// webhook URLs are supported by the emulator".into());
    }
    let req = http::Request::post(url)
        .header(http::header::CONTENT_TYPE, content_type)
        .header(http::header::USER_AGENT, "infobip-emulator")
        .body(Full::new(body))
        .map_err(|e| e.to_string())?;
    let fut = async {
        let resp = client.request(req).await.map_err(|e| e.to_string())?;
        let status = resp.status().as_u16();
        let _ = resp.into_body().collect().await;
        Ok::<u16, String>(status)
    };
    match tokio::time::timeout(timeout, fut).await {
        Ok(r) => r,
        Err(_) => Err("timeout".into()),
    }
}

/// Forgets the queue of `key` if it is still pusher `id`'s and nothing is waiting in it (the map's
/// lock keeps senders out meanwhile). Returns whether the pusher may end.
fn retire(shared: &Shared, key: &(String, PushKind), id: u64, rx: &mpsc::Receiver<PushItem>) -> bool {
    let mut pushers = shared.pushers.lock().unwrap_or_else(|e| e.into_inner());
    if !rx.is_empty() {
        return false;
    }
    if pushers.get(key).is_some_and(|queue| queue.id == id) {
        pushers.remove(key);
    }
    true
}

async fn pusher(shared: Arc<Shared>, url: String, kind: PushKind, id: u64, mut rx: mpsc::Receiver<PushItem>) {
    let client: Client = hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
        .pool_idle_timeout(Duration::from_secs(30))
        .build_http();
    let mut shutdown = shared.shutdown.clone();
    let cfg = &shared.config;
    // Click reports and inbound emails are posted one by one; reports and inbound messages are batched.
    let single = matches!(kind, PushKind::Tracking | PushKind::InboundEmail);
    let batch_size = if single { 1 } else { cfg.webhook_batch_size.max(1) };
    let key = (url.clone(), kind);
    let idle = Duration::from_millis(cfg.webhook_idle_ms.max(1));
    loop {
        let first = tokio::select! {
            item = tokio::time::timeout(idle, rx.recv()) => match item {
                Ok(Some(i)) => i,
                Ok(None) => return,
                Err(_) if retire(&shared, &key, id, &rx) => return,
                Err(_) => continue,
            },
            _ = shutdown.changed() => return,
        };
        let mut batch = vec![first];
        while batch.len() < batch_size {
            match rx.try_recv() {
                Ok(i) => batch.push(i),
                Err(_) => break,
            }
        }
        let epoch = shared.epoch.load(Ordering::SeqCst);
        let items: Vec<Value> = batch.into_iter().filter(|(e, _)| *e == epoch).map(|(_, v)| v).collect();
        if items.is_empty() {
            continue;
        }
        let n = items.len();
        let (content_type, bytes) = match kind {
            PushKind::Delivery => json_body(&json!({"results": &items})),
            PushKind::Inbound => json_body(&json!({"results": &items, "messageCount": n, "pendingMessageCount": 0})),
            PushKind::Tracking => json_body(items.first().unwrap_or(&Value::Null)),
            PushKind::InboundEmail => {
                let boundary = format!("infobip-emulator-{}", shared.uuid());
                let form = items.first().map(|item| crate::multipart::form(&boundary, item)).unwrap_or_default();
                (format!("multipart/form-data; boundary={boundary}"), Bytes::from(form))
            }
        };
        let mut attempt: u32 = 0;
        let mut backoff = Duration::from_millis(cfg.webhook_retry_initial_ms);
        loop {
            attempt += 1;
            let timeout = Duration::from_millis(cfg.webhook_timeout_ms);
            let outcome = post(&client, &url, &content_type, bytes.clone(), timeout).await;
            let ok = matches!(outcome, Ok(s) if (200..300).contains(&s));
            log_attempt(&shared, &url, kind, &items, outcome);
            if ok {
                break;
            }
            if shared.epoch.load(Ordering::SeqCst) != epoch
                || (cfg.webhook_max_attempts > 0 && attempt >= cfg.webhook_max_attempts)
            {
                shared.lock().webhook_stats.dropped += n as u64;
                break;
            }
            tokio::select! {
                _ = tokio::time::sleep(backoff) => {}
                _ = shutdown.changed() => return,
            }
            backoff = backoff.saturating_mul(2).min(Duration::from_millis(cfg.webhook_retry_max_ms.max(1)));
        }
    }
}
