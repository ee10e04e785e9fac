//! 2FA: applications, message templates (SMS/voice and email), PIN send/resend over SMS, voice
//! and email, verification with attempts and `pinError`, and verification status.

use crate::api::Ctx;
use crate::schema::Violation;
use crate::server::ResBody;
use crate::state::Pin;
use chrono::Utc;
use http::Response;
use serde_json::{Map, Value, json};

fn default_configuration() -> Value {
    json!({
        "pinAttempts": 10,
        "allowMultiplePinVerifications": true,
        "pinTimeToLive": "15m",
        "verifyPinLimit": "1/3s",
        "sendPinPerApplicationLimit": "10000/1d",
        "sendPinPerPhoneNumberLimit": "3/1d"
    })
}

fn merge(target: &mut Value, patch: &Value) {
    if let (Value::Object(t), Value::Object(p)) = (target, patch) {
        for (k, v) in p {
            match (t.get_mut(k), v) {
                (Some(existing @ Value::Object(_)), Value::Object(_)) => merge(existing, v),
                _ => {
                    t.insert(k.clone(), v.clone());
                }
            }
        }
    }
}

fn not_found(ctx: &Ctx<'_>, what: &str) -> Response<ResBody> {
    ctx.error(404, &[], Some(&format!("{what} not found")))
}

/// Parses `15m`, `30s`, `2h`, `1d`, `500ms` into milliseconds; `None` for anything else,
/// including more than fits (`99999999999999d`).
fn duration_ms(s: &str) -> Option<i64> {
    let s = s.trim();
    let split = s.find(|c: char| !c.is_ascii_digit())?;
    let (n, unit) = s.split_at(split);
    let n: i64 = n.parse().ok()?;
    let factor = match unit {
        "ms" => 1,
        "s" => 1_000,
        "m" => 60_000,
        "h" => 3_600_000,
        "d" => 86_400_000,
        _ => return None,
    };
    n.checked_mul(factor)
}

/// `now` plus `ms` milliseconds, or the latest time there is when that is past it.
fn after(now: chrono::DateTime<Utc>, ms: i64) -> chrono::DateTime<Utc> {
    chrono::TimeDelta::try_milliseconds(ms)
        .and_then(|d| now.checked_add_signed(d))
        .unwrap_or(chrono::DateTime::<Utc>::MAX_UTC)
}

/// Routes a 2FA operation; `None` for operations answered from the spec.
pub(crate) fn route(ctx: &Ctx<'_>) -> Option<Response<ResBody>> {
    Some(match (ctx.op.method, ctx.op.path) {
        ("GET", "/2fa/2/applications") => {
            let st = ctx.shared.lock();
            ctx.json(200, &Value::Array(st.apps.clone()))
        }
        ("POST", "/2fa/2/applications") => {
            let mut app = json!({"applicationId": ctx.shared.hex_id(), "name": "", "configuration": default_configuration(), "enabled": true});
            if let Some(b) = &ctx.body {
                merge(&mut app, b);
            }
            ctx.shared.lock().apps.push(app.clone());
            ctx.json(ctx.op.success, &app)
        }
        ("GET", "/2fa/2/applications/{appId}") => {
            let id = ctx.param("appId");
            let st = ctx.shared.lock();
            match st.apps.iter().find(|a| a["applicationId"] == id.as_str()) {
                Some(a) => ctx.json(200, a),
                None => not_found(ctx, "Application"),
            }
        }
        ("PUT", "/2fa/2/applications/{appId}") => {
            let id = ctx.param("appId");
            let mut st = ctx.shared.lock();
            match st.apps.iter_mut().find(|a| a["applicationId"] == id.as_str()) {
                Some(a) => {
                    if let Some(b) = &ctx.body {
                        merge(a, b);
                        a["applicationId"] = json!(id);
                    }
                    ctx.json(200, a)
                }
                None => not_found(ctx, "Application"),
            }
        }
        ("GET", "/2fa/2/applications/{appId}/messages") => {
            let id = ctx.param("appId");
            let st = ctx.shared.lock();
            if !st.apps.iter().any(|a| a["applicationId"] == id.as_str()) {
                return Some(not_found(ctx, "Application"));
            }
            let list: Vec<Value> = st.templates.iter().filter(|t| t["applicationId"] == id.as_str()).cloned().collect();
            ctx.json(200, &Value::Array(list))
        }
        ("POST", "/2fa/2/applications/{appId}/messages" | "/2fa/2/applications/{appId}/email/messages") => {
            let id = ctx.param("appId");
            let mut st = ctx.shared.lock();
            if !st.apps.iter().any(|a| a["applicationId"] == id.as_str()) {
                return Some(not_found(ctx, "Application"));
            }
            let mut t = json!({"pinPlaceholder": "{{pin}}", "pinLength": 4, "pinType": "NUMERIC"});
            if let Some(b) = &ctx.body {
                merge(&mut t, b);
            }
            if let Some(text) = t.get("messageText").and_then(Value::as_str)
                && !text.contains("{{pin}}")
            {
                return Some(ctx.error(
                    400,
                    &[Violation::new("messageText", "must contain {{pin}} placeholder")],
                    None,
                ));
            }
            t["messageId"] = json!(ctx.shared.hex_id());
            t["applicationId"] = json!(id);
            st.templates.push(t.clone());
            ctx.json(ctx.op.success, &t)
        }
        ("GET", "/2fa/2/applications/{appId}/messages/{msgId}") => {
            let (app, msg) = (ctx.param("appId"), ctx.param("msgId"));
            let st = ctx.shared.lock();
            match st.templates.iter().find(|t| t["applicationId"] == app.as_str() && t["messageId"] == msg.as_str()) {
                Some(t) => ctx.json(200, t),
                None => not_found(ctx, "Message"),
            }
        }
        (
            "PUT",
            "/2fa/2/applications/{appId}/messages/{msgId}" | "/2fa/2/applications/{appId}/email/messages/{msgId}",
        ) => {
            let (app, msg) = (ctx.param("appId"), ctx.param("msgId"));
            let mut st = ctx.shared.lock();
            match st.templates.iter_mut().find(|t| t["applicationId"] == app.as_str() && t["messageId"] == msg.as_str())
            {
                Some(t) => {
                    if let Some(b) = &ctx.body {
                        merge(t, b);
                        t["applicationId"] = json!(app);
                        t["messageId"] = json!(msg);
                    }
                    ctx.json(200, t)
                }
                None => not_found(ctx, "Message"),
            }
        }
        ("POST", "/2fa/2/pin") => send_pin(ctx, "sms"),
        ("POST", "/2fa/2/pin/voice") => send_pin(ctx, "voice"),
        ("POST", "/2fa/2/pin/email") => send_pin(ctx, "email"),
        ("POST", "/2fa/2/pin/{pinId}/resend") => resend(ctx, "sms"),
        ("POST", "/2fa/2/pin/{pinId}/resend/voice") => resend(ctx, "voice"),
        ("POST", "/2fa/2/pin/{pinId}/resend/email") => resend(ctx, "email"),
        ("POST", "/2fa/2/pin/{pinId}/verify") => verify(ctx),
        ("GET", "/2fa/2/applications/{appId}/verifications") => verifications(ctx),
        _ => return None,
    })
}

fn generate_pin(ctx: &Ctx<'_>, pin_type: &str, len: usize) -> String {
    let alphabet: &[u8] = match pin_type {
        "ALPHA" => b"ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        "HEX" => b"0123456789ABCDEF",
        "ALPHANUMERIC" => b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        _ => b"0123456789",
    };
    (0..len.clamp(1, 32))
        .map(|_| {
            let i = ctx.shared.below(alphabet.len() as u64) as usize;
            char::from(alphabet.get(i).copied().unwrap_or(b'0'))
        })
        .collect()
}

fn channel_response(ctx: &Ctx<'_>, channel: &str, pin_id: &str, to: &str) -> Value {
    let mut o = Map::new();
    o.insert("pinId".into(), json!(pin_id));
    o.insert("to".into(), json!(to));
    match channel {
        "voice" => {
            o.insert("callStatus".into(), json!("PENDING_ACCEPTED"));
        }
        "email" => {
            o.insert(
                "emailStatus".into(),
                json!({"name": "PENDING_ACCEPTED", "description": "Message accepted, pending for delivery."}),
            );
        }
        _ => {
            if ctx.q_bool("ncNeeded").unwrap_or(false) {
                o.insert("ncStatus".into(), json!("NC_DESTINATION_REACHABLE"));
            }
            o.insert("smsStatus".into(), json!("MESSAGE_SENT"));
        }
    }
    Value::Object(o)
}

fn send_pin(ctx: &Ctx<'_>, channel: &str) -> Response<ResBody> {
    let app_id = ctx.str_field("applicationId").unwrap_or_default();
    let msg_id = ctx.str_field("messageId").unwrap_or_default();
    let to = ctx.str_field("to").unwrap_or_default();
    let mut st = ctx.shared.lock();
    let Some(app) = st.apps.iter().find(|a| a["applicationId"] == app_id.as_str()).cloned() else {
        return ctx.error(404, &[], Some("Application not found"));
    };
    if app.get("enabled").and_then(Value::as_bool) == Some(false) {
        return ctx.error(400, &[], Some("Application is disabled"));
    }
    let Some(tpl) = st
        .templates
        .iter()
        .find(|t| t["applicationId"] == app_id.as_str() && t["messageId"] == msg_id.as_str())
        .cloned()
    else {
        return ctx.error(404, &[], Some("Message not found"));
    };
    let pin_type = tpl.get("pinType").and_then(Value::as_str).unwrap_or("NUMERIC");
    let len = tpl.get("pinLength").and_then(Value::as_u64).unwrap_or(4) as usize;
    let cfg = app.get("configuration").cloned().unwrap_or_else(default_configuration);
    let attempts = cfg.get("pinAttempts").and_then(Value::as_u64).unwrap_or(10) as u32;
    let ttl = cfg.get("pinTimeToLive").and_then(Value::as_str).and_then(duration_ms).unwrap_or(15 * 60_000);
    let pin = generate_pin(ctx, pin_type, len);
    let pin_id = ctx.shared.hex_id();
    let now = Utc::now();
    st.pins.insert(
        pin_id.clone(),
        Pin {
            pin,
            to: to.clone(),
            application_id: app_id,
            message_id: msg_id,
            attempts_remaining: attempts,
            verified: false,
            sent_at: now,
            verified_at: None,
            expires_at: after(now, ttl),
        },
    );
    drop(st);
    ctx.shared.changed();
    ctx.json(200, &channel_response(ctx, channel, &pin_id, &to))
}

fn resend(ctx: &Ctx<'_>, channel: &str) -> Response<ResBody> {
    let pin_id = ctx.param("pinId");
    let mut st = ctx.shared.lock();
    let Some(p) = st.pins.get(&pin_id) else {
        return not_found(ctx, "Pin");
    };
    let (app_id, msg_id) = (p.application_id.clone(), p.message_id.clone());
    let tpl = st
        .templates
        .iter()
        .find(|t| t["applicationId"] == app_id.as_str() && t["messageId"] == msg_id.as_str())
        .cloned()
        .unwrap_or(json!({}));
    let cfg = st
        .apps
        .iter()
        .find(|a| a["applicationId"] == app_id.as_str())
        .and_then(|a| a.get("configuration").cloned())
        .unwrap_or_else(default_configuration);
    let pin_type = tpl.get("pinType").and_then(Value::as_str).unwrap_or("NUMERIC");
    let len = tpl.get("pinLength").and_then(Value::as_u64).unwrap_or(4) as usize;
    let new_pin = generate_pin(ctx, pin_type, len);
    let ttl = cfg.get("pinTimeToLive").and_then(Value::as_str).and_then(duration_ms).unwrap_or(15 * 60_000);
    let attempts = cfg.get("pinAttempts").and_then(Value::as_u64).unwrap_or(10) as u32;
    let Some(p) = st.pins.get_mut(&pin_id) else {
        return not_found(ctx, "Pin");
    };
    let now = Utc::now();
    p.pin = new_pin;
    p.sent_at = now;
    p.expires_at = after(now, ttl);
    p.attempts_remaining = attempts;
    p.verified = false;
    let to = p.to.clone();
    drop(st);
    ctx.shared.changed();
    ctx.json(200, &channel_response(ctx, channel, &pin_id, &to))
}

fn verify(ctx: &Ctx<'_>) -> Response<ResBody> {
    let pin_id = ctx.param("pinId");
    let given = ctx.str_field("pin").unwrap_or_default();
    let mut st = ctx.shared.lock();
    let allow_multiple = st
        .pins
        .get(&pin_id)
        .and_then(|p| st.apps.iter().find(|a| a["applicationId"] == p.application_id.as_str()))
        .and_then(|a| a.pointer("/configuration/allowMultiplePinVerifications"))
        .and_then(Value::as_bool)
        .unwrap_or(true);
    let Some(p) = st.pins.get_mut(&pin_id) else {
        return not_found(ctx, "Pin");
    };
    let now = Utc::now();
    let mut body = json!({"pinId": pin_id, "msisdn": p.to});
    let error = if now > p.expires_at {
        Some("TTL_EXPIRED")
    } else if p.attempts_remaining == 0 || (p.verified && !allow_multiple) {
        Some("NO_MORE_PIN_ATTEMPTS")
    } else {
        p.attempts_remaining -= 1;
        if p.pin.eq_ignore_ascii_case(&given) {
            p.verified = true;
            p.verified_at = Some(now);
            None
        } else {
            Some("WRONG_PIN")
        }
    };
    body["verified"] = json!(error.is_none());
    body["attemptsRemaining"] = json!(p.attempts_remaining);
    if let Some(e) = error {
        body["pinError"] = json!(e);
    }
    drop(st);
    ctx.shared.changed();
    ctx.json(200, &body)
}

fn verifications(ctx: &Ctx<'_>) -> Response<ResBody> {
    let app_id = ctx.param("appId");
    let Some(msisdn) = ctx.q("msisdn") else {
        return ctx.error(400, &[Violation::new("msisdn", "must not be null")], None);
    };
    let verified = ctx.q_bool("verified");
    let st = ctx.shared.lock();
    if !st.apps.iter().any(|a| a["applicationId"] == app_id.as_str()) {
        return not_found(ctx, "Application");
    }
    let mut pins: Vec<&Pin> = st
        .pins
        .values()
        .filter(|p| p.application_id == app_id && p.to == msisdn)
        .filter(|p| verified.is_none_or(|v| p.verified == v))
        .collect();
    pins.sort_by_key(|p| p.sent_at);
    let list: Vec<Value> = pins
        .iter()
        .map(|p| {
            let mut o = json!({"msisdn": p.to, "verified": p.verified, "sentAt": p.sent_at.timestamp_millis()});
            if let Some(v) = p.verified_at {
                o["verifiedAt"] = json!(v.timestamp_millis());
            }
            o
        })
        .collect();
    drop(st);
    ctx.json(200, &json!({"verifications": list}))
}

/// The PIN and state of `pin_id` (admin API).
pub(crate) fn reveal(shared: &crate::state::Shared, pin_id: &str) -> Option<Value> {
    let st = shared.lock();
    st.pins.get(pin_id).map(|p| {
        json!({
            "pinId": pin_id,
            "pin": p.pin,
            "to": p.to,
            "applicationId": p.application_id,
            "messageId": p.message_id,
            "attemptsRemaining": p.attempts_remaining,
            "verified": p.verified,
        })
    })
}
