//! The admin API under `/_emulator/` (no auth): faults, recorded requests, reset, inbound
//! injection, 2FA PIN reveal, delivery-report flush, webhook statistics.

use crate::server::{ResBody, json_response};
use crate::state::{Fault, Shared, State};
use http::{Method, Response};
use serde_json::{Value, json};
use std::sync::Arc;
use std::sync::atomic::Ordering;

/// Queues faults; returns how many were queued.
pub(crate) fn queue_faults(shared: &Shared, faults: Vec<Fault>) -> usize {
    let n = faults.len();
    shared.lock().faults.extend(faults);
    shared.changed();
    n
}

/// Clears all state (messages, reports, inbound, sessions, tokens, 2FA, faults, requests, throttles).
pub(crate) fn reset(shared: &Shared) {
    shared.epoch.fetch_add(1, Ordering::SeqCst);
    *shared.lock() = State::default();
    shared.changed();
}

fn parse_faults(body: &[u8]) -> Result<Vec<Fault>, String> {
    let v: Value = serde_json::from_slice(body).map_err(|e| format!("invalid JSON: {e}"))?;
    let list = match v {
        Value::Array(a) => a,
        Value::Object(ref o) if o.contains_key("faults") => match o.get("faults") {
            Some(Value::Array(a)) => a.clone(),
            _ => return Err("`faults` must be an array".into()),
        },
        other => vec![other],
    };
    list.into_iter().map(|f| serde_json::from_value::<Fault>(f).map_err(|e| format!("invalid fault: {e}"))).collect()
}

fn bad(shared: &Shared, msg: &str) -> Response<ResBody> {
    json_response(shared, 400, &json!({"error": msg}))
}

/// Handles one admin request.
pub(crate) async fn handle(
    shared: &Arc<Shared>,
    method: &Method,
    path: &str,
    query: &str,
    body: &[u8],
) -> Response<ResBody> {
    let rest = path.trim_start_matches("/_emulator").trim_end_matches('/');
    let q = crate::spec::parse_query(query);
    let qget = |k: &str| q.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    match (method.as_str(), rest) {
        ("GET", "" | "/health") => {
            json_response(shared, 200, &json!({"status": "ok", "operations": crate::spec::operation_count()}))
        }
        ("GET", "/config") => json_response(shared, 200, &serde_json::to_value(&shared.config).unwrap_or(Value::Null)),
        ("POST", "/faults") => match parse_faults(body) {
            Ok(f) => {
                let n = queue_faults(shared, f);
                json_response(shared, 200, &json!({"queued": n}))
            }
            Err(e) => bad(shared, &e),
        },
        ("GET", "/faults") => {
            let faults = shared.lock().faults.clone();
            json_response(shared, 200, &json!({"faults": faults}))
        }
        ("DELETE", "/faults") => {
            let n = std::mem::take(&mut shared.lock().faults).len();
            shared.changed();
            json_response(shared, 200, &json!({"cleared": n}))
        }
        ("GET", "/requests") => {
            let path_filter = qget("path");
            let method_filter = qget("method");
            let list: Vec<Value> = shared
                .lock()
                .requests
                .iter()
                .filter(|r| path_filter.as_deref().is_none_or(|p| r.path.starts_with(p)))
                .filter(|r| method_filter.as_deref().is_none_or(|m| r.method.eq_ignore_ascii_case(m)))
                .filter_map(|r| serde_json::to_value(r).ok())
                .collect();
            json_response(shared, 200, &json!({"requests": list}))
        }
        ("DELETE", "/requests") => {
            let n = std::mem::take(&mut shared.lock().requests).len();
            json_response(shared, 200, &json!({"cleared": n}))
        }
        ("POST", "/reset") => {
            reset(shared);
            json_response(shared, 200, &json!({"reset": true}))
        }
        ("POST", "/inbound") => match serde_json::from_slice::<Value>(body) {
            Ok(v) if v.is_object() => match crate::channels::inject_inbound(shared, &v) {
                Ok(m) => json_response(shared, 200, &m),
                Err(e) => bad(shared, &e.0),
            },
            _ => bad(shared, "body must be a JSON object like {\"from\":\"…\",\"to\":\"…\",\"text\":\"…\"}"),
        },
        ("POST", "/reports/flush") => {
            let include = serde_json::from_slice::<Value>(body)
                .ok()
                .and_then(|v| v.get("includeScheduled").and_then(Value::as_bool))
                .unwrap_or(false);
            let n = crate::sms::flush(shared, include);
            json_response(shared, 200, &json!({"flushed": n}))
        }
        ("GET", "/messages") => {
            let st = shared.lock();
            let list: Vec<Value> = st.messages.iter().map(crate::delivery::log_v3).collect();
            drop(st);
            json_response(shared, 200, &json!({"messages": list}))
        }
        ("GET", "/webhooks") => {
            let st = shared.lock();
            let body = json!({"stats": st.webhook_stats, "attempts": st.webhook_log});
            drop(st);
            json_response(shared, 200, &body)
        }
        ("GET", p) if p.starts_with("/2fa/pins/") => {
            let pin_id = crate::spec::percent_decode(p.trim_start_matches("/2fa/pins/"));
            match crate::tfa::reveal(shared, &pin_id) {
                Some(v) => json_response(shared, 200, &v),
                None => json_response(shared, 404, &json!({"error": "unknown pinId"})),
            }
        }
        _ => json_response(shared, 404, &json!({"error": format!("unknown admin endpoint {method} {path}")})),
    }
}
