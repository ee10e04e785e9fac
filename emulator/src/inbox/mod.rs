//! The inbox: a web page at `/_emulator/ui/` that shows every message the emulator accepted, in
//! threads per channel, sender and destination, and lets a developer answer as the phone (reply,
//! set a final status, click a tracked link, push a report again). This module keeps the indexes
//! the page reads (threads, inbound messages, the raw requests that sent messages, per-message
//! webhook attempts); `http` serves the page, its JSON state API and its live-update stream.

mod actions;
mod assets;
mod events;
pub(crate) mod http;
mod view;

use crate::api::Ctx;
use crate::channels::Channel;
use crate::state::{PushKind, State};
use chrono::{DateTime, Utc};
use serde_json::Value;
use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

/// Push attempts kept per message (the oldest are dropped).
const ATTEMPTS_PER_MESSAGE: usize = 50;
/// Largest raw request body kept for the page (the rest is cut, e.g. email attachments).
const MAX_KEPT_BODY: usize = 64 * 1024;

/// One entry of a thread: an outbound message (index into `State::messages`) or an inbound one
/// (index into `Store::inbound`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Item {
    Out(usize),
    In(usize),
}

/// A conversation: one channel, our sender, their address; items in arrival order.
#[derive(Debug)]
pub(crate) struct Thread {
    pub channel: Channel,
    /// Our side: the sender of outbound messages (empty when none was given).
    pub ours: String,
    /// Their side: the destination of outbound messages, the sender of inbound ones.
    pub theirs: String,
    pub items: Vec<Item>,
    /// Arrival number of the newest item (orders the thread list).
    pub last_seq: u64,
}

/// An inbound message (injected, or a reply from the page), as the page shows it.
#[derive(Debug)]
pub(crate) struct Inbound {
    pub channel: Channel,
    pub message_id: String,
    pub from: String,
    pub to: String,
    pub text: String,
    pub received_at: DateTime<Utc>,
    /// Where it was pushed (and is pushed again).
    pub webhook_url: Option<String>,
    /// The pushed object, as JSON text.
    pub body: String,
}

/// The request that sent messages, kept for the page (authorization masked, body cut).
#[derive(Debug)]
pub(crate) struct SentRequest {
    pub method: String,
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body: String,
    pub truncated: bool,
    pub received_at: DateTime<Utc>,
}

/// One webhook POST that carried a message's report (or an inbound message, or a click).
#[derive(Debug, Clone)]
pub(crate) struct Attempt {
    pub url: String,
    pub kind: PushKind,
    pub at: DateTime<Utc>,
    pub outcome: Result<u16, String>,
}

/// The inbox's indexes (part of the emulator's state; a reset clears them).
#[derive(Debug, Default)]
pub(crate) struct Store {
    pub threads: Vec<Thread>,
    by_key: HashMap<(Channel, String, String), usize>,
    pub inbound: Vec<Inbound>,
    pub inbound_by_id: HashMap<String, usize>,
    requests: HashMap<String, Arc<SentRequest>>,
    request_order: VecDeque<String>,
    pub attempts: HashMap<String, VecDeque<Attempt>>,
    /// Links clicked from the page, per message id: (url, when).
    pub clicks: HashMap<String, Vec<(String, DateTime<Utc>)>>,
    seq: u64,
}

impl Store {
    /// Appends `item` to the thread of (`channel`, `ours`, `theirs`), creating it; returns its id.
    fn add(&mut self, channel: Channel, ours: &str, theirs: &str, item: Item) -> usize {
        self.seq += 1;
        let key = (channel, ours.to_string(), theirs.to_string());
        let id = match self.by_key.get(&key) {
            Some(id) => *id,
            None => {
                let id = self.threads.len();
                self.threads.push(Thread {
                    channel,
                    ours: key.1.clone(),
                    theirs: key.2.clone(),
                    items: Vec::new(),
                    last_seq: 0,
                });
                self.by_key.insert(key, id);
                id
            }
        };
        if let Some(t) = self.threads.get_mut(id) {
            t.items.push(item);
            t.last_seq = self.seq;
        }
        id
    }

    /// The raw request with id `request_id`, while it is kept.
    pub(crate) fn request(&self, request_id: &str) -> Option<Arc<SentRequest>> {
        self.requests.get(request_id).cloned()
    }
}

/// Keeps the request being handled (the most recent `max_recorded_requests` are kept) and
/// returns its `X-Request-ID`, which the messages it sends carry.
pub(crate) fn keep_request(st: &mut State, ctx: &Ctx<'_>) -> String {
    let id = crate::server::current_request_id().unwrap_or_else(|| ctx.shared.request_id());
    let limit = ctx.shared.config.max_recorded_requests;
    let store = &mut st.inbox;
    if limit == 0 || store.requests.contains_key(&id) {
        return id;
    }
    while store.request_order.len() >= limit {
        if let Some(old) = store.request_order.pop_front() {
            store.requests.remove(&old);
        }
    }
    let secret = |name: &str| matches!(name, "authorization" | "proxy-authorization" | "cookie");
    let headers = ctx
        .headers
        .iter()
        .map(|(k, v)| {
            let v = String::from_utf8_lossy(v.as_bytes());
            let shown = if secret(k.as_str()) {
                format!("{} ****", v.split_whitespace().next().unwrap_or_default())
            } else {
                v.into_owned()
            };
            (k.as_str().to_string(), shown)
        })
        .collect();
    let raw = &ctx.raw_body;
    let cut = raw.len().min(MAX_KEPT_BODY);
    let target =
        if ctx.raw_query.is_empty() { ctx.path.to_string() } else { format!("{}?{}", ctx.path, ctx.raw_query) };
    let request = SentRequest {
        method: ctx.op.method.to_string(),
        target,
        headers,
        body: String::from_utf8_lossy(&raw[..cut]).into_owned(),
        truncated: cut < raw.len(),
        received_at: Utc::now(),
    };
    store.requests.insert(id.clone(), Arc::new(request));
    store.request_order.push_back(id.clone());
    id
}

/// Adds the stored message `idx` to its thread.
pub(crate) fn on_accept(st: &mut State, idx: usize) {
    let State { messages, inbox, .. } = st;
    if let Some(m) = messages.get(idx) {
        let channel = Channel::of(m.api);
        inbox.add(channel, m.sender.as_deref().unwrap_or_default(), &m.to, Item::Out(idx));
    }
}

/// Adds an inbound message to the thread between its recipient (ours) and its sender (theirs).
pub(crate) fn record_inbound(st: &mut State, inbound: Inbound) {
    let store = &mut st.inbox;
    let idx = store.inbound.len();
    store.add(inbound.channel, &inbound.to.clone(), &inbound.from.clone(), Item::In(idx));
    store.inbound_by_id.insert(inbound.message_id.clone(), idx);
    store.inbound.push(inbound);
}

/// Records a webhook attempt against every message (by `messageId`) it carried.
pub(crate) fn record_attempt(
    st: &mut State,
    url: &str,
    kind: PushKind,
    items: &[Value],
    outcome: &Result<u16, String>,
) {
    let at = Utc::now();
    // An inbound email names itself `id`; every other push item `messageId`.
    for id in items.iter().filter_map(|i| i.get("messageId").or_else(|| i.get("id")).and_then(Value::as_str)) {
        let list = st.inbox.attempts.entry(id.to_string()).or_default();
        if list.len() >= ATTEMPTS_PER_MESSAGE {
            list.pop_front();
        }
        list.push_back(Attempt { url: url.to_string(), kind, at, outcome: outcome.clone() });
    }
}
