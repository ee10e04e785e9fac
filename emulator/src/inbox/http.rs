//! `/_emulator/ui/`: the page's files and its JSON state API (`/_emulator/ui/api/…`):
//!
//! | method | path | answer |
//! |---|---|---|
//! | GET | `api/overview` | counts, webhook statistics, pending faults |
//! | GET | `api/threads?channel=&sender=&destination=&bulkId=&messageId=&status=&limit=&cursor=` | threads, newest activity first, paged |
//! | GET | `api/threads/{id}?before=&limit=` (+ the message filters) | a page of the thread's items, newest last |
//! | POST | `api/threads/{id}/reply` `{"text"}` | the inbound message (pushed like `/_emulator/inbound`) |
//! | GET | `api/messages/{id}` | the message with its raw request, push attempts, report, clicks |
//! | POST | `api/messages/{id}/status` `{"status"}` | the message, final now, its report pushed |
//! | POST | `api/messages/{id}/push` | its report (or inbound message) pushed again |
//! | POST | `api/messages/{id}/click` `{"url"}` | a click report pushed to its tracking URL |
//! | GET | `api/pins` | 2FA PINs per application and destination |
//! | GET | `api/events` | Server-Sent Events: `change` when anything shown changed |

use super::{Item, Thread, actions, assets, events, view};
use crate::channels::Channel;
use crate::server::{ResBody, json_response, raw_response};
use crate::state::{Shared, State};
use bytes::Bytes;
use http::{HeaderValue, Method, Response};
use serde_json::{Value, json};
use std::sync::Arc;

/// Largest page of threads or items.
const MAX_PAGE: usize = 200;
/// Page size when none is asked for.
const DEFAULT_PAGE: usize = 50;
/// Most PINs listed.
const MAX_PINS: usize = 500;

/// What the page may load and run: only its own files; no framing.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; \
                   base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

fn error(shared: &Shared, status: u16, message: &str) -> Response<ResBody> {
    json_response(shared, status, &json!({"error": message}))
}

/// Handles a request under `/_emulator/ui`.
pub(crate) fn handle(shared: &Arc<Shared>, method: &Method, path: &str, query: &str, body: &[u8]) -> Response<ResBody> {
    if !shared.config.ui {
        return error(shared, 404, "the inbox is turned off (--no-ui)");
    }
    let rest = path.trim_start_matches("/_emulator/ui");
    if rest.is_empty() {
        let mut r = raw_response(shared, 308, None, "text/plain");
        r.headers_mut().insert(http::header::LOCATION, HeaderValue::from_static("/_emulator/ui/"));
        return r;
    }
    let rest = rest.trim_start_matches('/');
    if let Some(api) = rest.strip_prefix("api/") {
        let q = crate::spec::parse_query(query);
        return api_request(shared, method, api.trim_end_matches('/'), &q, body);
    }
    match (method, assets::get(rest)) {
        (&Method::GET | &Method::HEAD, Some((content_type, text))) => {
            let mut r = raw_response(shared, 200, Some(Bytes::from_static(text.as_bytes())), content_type);
            let h = r.headers_mut();
            h.insert(http::header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
            h.insert("x-content-type-options", HeaderValue::from_static("nosniff"));
            h.insert("referrer-policy", HeaderValue::from_static("no-referrer"));
            h.insert("x-frame-options", HeaderValue::from_static("DENY"));
            h.insert("content-security-policy", HeaderValue::from_static(CSP));
            r
        }
        (_, Some(_)) => error(shared, 405, "method not allowed"),
        (_, None) => error(shared, 404, &format!("no such file: {rest}")),
    }
}

type Query = [(String, String)];

fn get<'a>(q: &'a Query, name: &str) -> Option<&'a str> {
    q.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v.as_str()).filter(|v| !v.trim().is_empty())
}

fn number(q: &Query, name: &str) -> Option<usize> {
    get(q, name).and_then(|v| v.trim().parse().ok())
}

fn page_size(q: &Query) -> usize {
    number(q, "limit").unwrap_or(DEFAULT_PAGE).clamp(1, MAX_PAGE)
}

fn body_field(body: &[u8], name: &str) -> Option<String> {
    serde_json::from_slice::<Value>(body).ok()?.get(name)?.as_str().map(str::to_string)
}

fn api_request(shared: &Arc<Shared>, method: &Method, api: &str, q: &Query, body: &[u8]) -> Response<ResBody> {
    let segments: Vec<&str> = api.split('/').collect();
    let decoded = |i: usize| segments.get(i).map(|s| crate::spec::percent_decode(s)).unwrap_or_default();
    let done = |r: Result<Value, actions::Refused>| match r {
        Ok(v) => json_response(shared, 200, &v),
        Err(actions::Refused(status, why)) => error(shared, status, &why),
    };
    match (method.as_str(), segments.as_slice()) {
        ("GET", ["overview"]) => json_response(shared, 200, &overview(shared)),
        ("GET", ["events"]) => events::stream(shared),
        ("GET", ["threads"]) => match Filter::from_query(q) {
            Ok(f) => json_response(shared, 200, &threads(&shared.lock(), &f, q)),
            Err(why) => error(shared, 400, &why),
        },
        ("GET", ["threads", id]) => match (id.parse::<usize>(), Filter::from_query(q)) {
            (Ok(id), Ok(f)) => match thread_page(&shared.lock(), id, &f, q) {
                Some(v) => json_response(shared, 200, &v),
                None => error(shared, 404, &format!("no thread {id}")),
            },
            (Err(_), _) => error(shared, 404, &format!("no thread {id}")),
            (_, Err(why)) => error(shared, 400, &why),
        },
        ("POST", ["threads", id, "reply"]) => {
            let Ok(id) = id.parse::<usize>() else { return error(shared, 404, &format!("no thread {id}")) };
            match body_field(body, "text") {
                Some(text) if !text.trim().is_empty() => done(actions::reply(shared, id, &text)),
                _ => error(shared, 400, "`text` must not be empty"),
            }
        }
        ("GET", ["messages", _]) => done(actions::detail(shared, &decoded(1))),
        ("POST", ["messages", _, "status"]) => {
            let status = body_field(body, "status").unwrap_or_default();
            done(actions::set_status(shared, &decoded(1), &status))
        }
        ("POST", ["messages", _, "push"]) => done(actions::push_again(shared, &decoded(1))),
        ("POST", ["messages", _, "click"]) => {
            done(actions::click(shared, &decoded(1), &body_field(body, "url").unwrap_or_default()))
        }
        ("GET", ["pins"]) => json_response(shared, 200, &pins(&shared.lock())),
        _ => error(shared, 404, &format!("unknown inbox endpoint {method} /_emulator/ui/api/{api}")),
    }
}

fn overview(shared: &Shared) -> Value {
    let st = shared.lock();
    let per_channel: Vec<Value> = Channel::ALL
        .iter()
        .map(|c| json!({"channel": c.name(), "threads": st.inbox.threads.iter().filter(|t| t.channel == *c).count()}))
        .collect();
    json!({
        "messages": st.messages.len(),
        "inbound": st.inbox.inbound.len(),
        "threads": st.inbox.threads.len(),
        "channels": per_channel,
        "pins": st.pins.len(),
        "faults": st.faults.len(),
        "webhooks": st.webhook_stats,
        "inboundWebhookUrl": shared.config.inbound_webhook_url,
        "defaultDeliveryWebhookUrl": shared.config.default_delivery_webhook_url,
        "version": *shared.changes.borrow(),
    })
}

/// The page's "Find" fields. Channel, sender and destination select threads (sender and
/// destination as case-insensitive substrings); bulk id, message id and status select messages,
/// and a thread is listed when one of its messages is selected.
#[derive(Debug, Default)]
struct Filter {
    channel: Option<Channel>,
    sender: Option<String>,
    destination: Option<String>,
    bulk_id: Option<String>,
    message_id: Option<String>,
    status: Option<String>,
}

impl Filter {
    fn from_query(q: &Query) -> Result<Filter, String> {
        let channel = match get(q, "channel") {
            Some(c) => Some(Channel::parse(c).ok_or_else(|| format!("unknown channel `{c}`"))?),
            None => None,
        };
        let lower = |k: &str| get(q, k).map(|v| v.trim().to_lowercase());
        let exact = |k: &str| get(q, k).map(|v| v.trim().to_string());
        Ok(Filter {
            channel,
            sender: lower("sender"),
            destination: lower("destination"),
            bulk_id: exact("bulkId"),
            message_id: exact("messageId"),
            status: get(q, "status").map(|v| v.trim().to_ascii_uppercase()),
        })
    }

    fn selects_messages(&self) -> bool {
        self.bulk_id.is_some() || self.message_id.is_some() || self.status.is_some()
    }

    fn thread(&self, t: &Thread) -> bool {
        self.channel.is_none_or(|c| c == t.channel)
            && self.sender.as_deref().is_none_or(|s| t.ours.to_lowercase().contains(s))
            && self.destination.as_deref().is_none_or(|d| t.theirs.to_lowercase().contains(d))
    }

    fn item(&self, st: &State, item: Item) -> bool {
        match item {
            Item::Out(idx) => st.messages.get(idx).is_some_and(|m| {
                self.bulk_id.as_deref().is_none_or(|b| m.bulk_id == b)
                    && self.message_id.as_deref().is_none_or(|id| m.message_id == id)
                    && self.status.as_deref().is_none_or(|s| m.status.group_name == s || m.status.name == s)
            }),
            Item::In(idx) => {
                self.bulk_id.is_none()
                    && self.status.is_none()
                    && st
                        .inbox
                        .inbound
                        .get(idx)
                        .is_some_and(|i| self.message_id.as_deref().is_none_or(|id| i.message_id == id))
            }
        }
    }

    fn listed(&self, st: &State, t: &Thread) -> bool {
        self.thread(t) && (!self.selects_messages() || t.items.iter().any(|i| self.item(st, *i)))
    }
}

/// A page of threads, newest activity first; `cursor` is the `nextCursor` of the page before.
fn threads(st: &State, f: &Filter, q: &Query) -> Value {
    let limit = page_size(q);
    let cursor = number(q, "cursor").map_or(u64::MAX, |c| c as u64);
    let mut listed: Vec<(u64, usize)> =
        st.inbox.threads.iter().enumerate().filter(|(_, t)| f.listed(st, t)).map(|(id, t)| (t.last_seq, id)).collect();
    let total = listed.len();
    listed.retain(|(seq, _)| *seq < cursor);
    listed.sort_unstable_by(|a, b| b.cmp(a));
    let more = listed.len() > limit;
    listed.truncate(limit);
    let next = if more { listed.last().map(|(seq, _)| seq.to_string()) } else { None };
    let list: Vec<Value> =
        listed.iter().filter_map(|(_, id)| st.inbox.threads.get(*id).map(|t| view::thread(st, *id, t))).collect();
    json!({"threads": list, "total": total, "nextCursor": next})
}

/// A page of a thread's items, oldest first, ending before position `before` (default: the end).
fn thread_page(st: &State, id: usize, f: &Filter, q: &Query) -> Option<Value> {
    let t = st.inbox.threads.get(id)?;
    let limit = page_size(q);
    let end = number(q, "before").unwrap_or(t.items.len()).min(t.items.len());
    let (positions, older, total): (Vec<usize>, bool, usize) = if f.selects_messages() {
        let matching: Vec<usize> = (0..t.items.len()).filter(|&p| f.item(st, t.items[p])).collect();
        let total = matching.len();
        let before: Vec<usize> = matching.into_iter().filter(|&p| p < end).collect();
        let start = before.len().saturating_sub(limit);
        (before[start..].to_vec(), start > 0, total)
    } else {
        let start = end.saturating_sub(limit);
        ((start..end).collect(), start > 0, t.items.len())
    };
    let items: Vec<Value> = positions.iter().map(|&p| view::item(st, t.items[p])).collect();
    let before = if older { positions.first().map(|p| p.to_string()) } else { None };
    Some(json!({"thread": view::thread(st, id, t), "items": items, "before": before, "total": total}))
}

/// 2FA PINs per application (newest first), with attempts left and verified state.
fn pins(st: &State) -> Value {
    let mut list: Vec<(&String, &crate::state::Pin)> = st.pins.iter().collect();
    list.sort_by(|a, b| b.1.sent_at.cmp(&a.1.sent_at).then_with(|| a.0.cmp(b.0)));
    let now = chrono::Utc::now();
    let name_of = |app: &str| {
        st.apps
            .iter()
            .find(|a| a["applicationId"] == app)
            .and_then(|a| a.get("name").and_then(Value::as_str))
            .unwrap_or_default()
            .to_string()
    };
    let mut apps: Vec<(String, Vec<Value>)> = Vec::new();
    for (pin_id, p) in list.into_iter().take(MAX_PINS) {
        let entry = json!({
            "pinId": pin_id,
            "pin": p.pin,
            "to": p.to,
            "messageId": p.message_id,
            "attemptsRemaining": p.attempts_remaining,
            "verified": p.verified,
            "expired": now > p.expires_at,
            "sentAt": crate::time::format(p.sent_at),
            "expiresAt": crate::time::format(p.expires_at),
        });
        match apps.iter_mut().find(|(a, _)| *a == p.application_id) {
            Some((_, pins)) => pins.push(entry),
            None => apps.push((p.application_id.clone(), vec![entry])),
        }
    }
    let applications: Vec<Value> = apps
        .into_iter()
        .map(|(app, pins)| json!({"applicationId": app, "name": name_of(&app), "pins": pins}))
        .collect();
    json!({"applications": applications, "total": st.pins.len()})
}
