//! Routes matched operations to their stateful handlers; everything else falls back to the spec.

use crate::api::Ctx;
use crate::schema::Violation;
use crate::server::ResBody;
use crate::state::{Session, Token};
use base64::Engine as _;
use http::Response;
use serde_json::{Value, json};
use std::time::{Duration, Instant};

/// The stateful handler for `ctx.op`, or `None` to answer from the spec.
pub(crate) async fn route(ctx: &Ctx<'_>) -> Option<Response<ResBody>> {
    use crate::sms;
    if let Some(r) = crate::channels::route(ctx) {
        return Some(r);
    }
    let r = match (ctx.op.method, ctx.op.path) {
        ("POST", "/sms/3/messages") => sms::send_v3(ctx),
        ("POST", "/sms/2/text/advanced") => sms::send_v2(ctx, false),
        ("POST", "/sms/2/binary/advanced") => sms::send_v2(ctx, true),
        ("GET", "/sms/3/text/query") => sms::send_query(ctx, true),
        ("GET", "/sms/1/text/query") => sms::send_query(ctx, false),
        ("POST", "/sms/1/preview") => sms::preview(ctx),
        ("GET", "/sms/3/reports") => sms::reports(ctx, true),
        ("GET", "/sms/1/reports") => sms::reports(ctx, false),
        ("GET", "/sms/3/logs") => sms::logs(ctx, true),
        ("GET", "/sms/1/logs") => sms::logs(ctx, false),
        ("GET", "/sms/1/inbox/reports") => sms::inbox(ctx),
        ("GET", "/sms/1/bulks") => sms::bulks(ctx, false, false),
        ("PUT", "/sms/1/bulks") => sms::bulks(ctx, false, true),
        ("GET", "/sms/1/bulks/status") => sms::bulks(ctx, true, false),
        ("PUT", "/sms/1/bulks/status") => sms::bulks(ctx, true, true),
        ("POST", "/auth/1/session") => create_session(ctx),
        ("DELETE", "/auth/1/session") => delete_session(ctx),
        ("POST", "/auth/1/oauth2/token") => oauth_token(ctx),
        (_, p) if p.starts_with("/2fa/") => return crate::tfa::route(ctx),
        _ => return None,
    };
    Some(r)
}

fn create_session(ctx: &Ctx<'_>) -> Response<ResBody> {
    let user = ctx.str_field("username").unwrap_or_default();
    let pass = ctx.str_field("password").unwrap_or_default();
    let Some(u) = ctx.shared.config.users.iter().find(|u| u.username == user && u.password == pass) else {
        return ctx.error(401, &[], Some("Invalid login details"));
    };
    let token = ctx.shared.uuid();
    ctx.shared.lock().sessions.insert(token.clone(), Session { scopes: u.scopes.clone(), last_used: Instant::now() });
    ctx.json(200, &json!({"token": token}))
}

fn delete_session(ctx: &Ctx<'_>) -> Response<ResBody> {
    // The pipeline already authenticated the caller; only an IBSSO token names a session.
    let header = ctx.headers.get(http::header::AUTHORIZATION).and_then(|v| v.to_str().ok()).unwrap_or("");
    let Some((scheme, token)) = header.trim().split_once(char::is_whitespace) else {
        return ctx.error(401, &[], None);
    };
    if !scheme.eq_ignore_ascii_case("ibsso") || ctx.shared.lock().sessions.remove(token.trim()).is_none() {
        return ctx.error(401, &[], None);
    }
    crate::server::raw_response(ctx.shared, 200, None, "application/json")
}

fn oauth_token(ctx: &Ctx<'_>) -> Response<ResBody> {
    let text = String::from_utf8_lossy(&ctx.raw_body).into_owned();
    let mut fields: Vec<(String, String)> = if text.trim_start().starts_with('{') {
        serde_json::from_str::<Value>(&text)
            .ok()
            .and_then(|v| v.as_object().cloned())
            .map(|m| m.into_iter().filter_map(|(k, v)| v.as_str().map(|s| (k, s.to_string()))).collect())
            .unwrap_or_default()
    } else {
        crate::spec::parse_query(&text)
    };
    // Some clients send the credentials as query parameters or as HTTP Basic.
    fields.extend(ctx.query.iter().cloned());
    let get = |k: &str| fields.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    let Some(grant) = get("grant_type") else {
        return ctx.error(400, &[Violation::new("grant_type", "must not be null")], None);
    };
    if grant != "client_credentials" {
        let mut body = crate::errors::body(ctx.op.shape, 400, &[], Some("Unsupported grant type"));
        body["error"] = json!("unsupported_grant_type");
        return ctx.json(400, &body);
    }
    let (mut id, mut secret) = (get("client_id"), get("client_secret"));
    if id.is_none()
        && let Some((scheme, cred)) = ctx
            .headers
            .get(http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|h| h.trim().split_once(' '))
        && scheme.eq_ignore_ascii_case("basic")
        && let Some((u, p)) = base64::engine::general_purpose::STANDARD
            .decode(cred.trim())
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .and_then(|s| s.split_once(':').map(|(a, b)| (a.to_string(), b.to_string())))
    {
        id = Some(u);
        secret = Some(p);
    }
    let client = ctx
        .shared
        .config
        .oauth_clients
        .iter()
        .find(|c| Some(&c.client_id) == id.as_ref() && Some(&c.client_secret) == secret.as_ref());
    let Some(client) = client else {
        return ctx.error(401, &[], Some("Invalid login details"));
    };
    let ttl = ctx.shared.config.oauth_token_ttl_secs;
    let token = format!("{}{}", ctx.shared.hex_id(), ctx.shared.hex_id()).to_ascii_lowercase();
    ctx.shared.lock().tokens.insert(
        token.clone(),
        Token { scopes: client.scopes.clone(), expires_at: Instant::now() + Duration::from_secs(ttl) },
    );
    ctx.json(200, &json!({"access_token": token, "expires_in": ttl, "token_type": "Bearer"}))
}
