//! The API pipeline for a matched operation: authentication, scopes, throttling, request
//! validation against the spec, then the stateful handler or the documented example.

use crate::schema::Violation;
use crate::server::{ResBody, json_response, raw_response};
use crate::spec::{self, ErrorShape, OpInfo, RouteMatch};
use crate::state::{Bucket, Shared};
use base64::Engine as _;
use bytes::Bytes;
use http::{HeaderMap, Method, Response};
use serde_json::Value;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Everything a handler needs about one request.
pub(crate) struct Ctx<'a> {
    pub shared: &'a Arc<Shared>,
    pub op: &'static OpInfo,
    pub params: Vec<(&'static str, String)>,
    pub query: Vec<(String, String)>,
    pub headers: &'a HeaderMap,
    pub body: Option<Value>,
    pub raw_body: Bytes,
    /// The request path and raw query string, as received.
    pub path: &'a str,
    pub raw_query: &'a str,
}

impl Ctx<'_> {
    /// A path parameter.
    pub fn param(&self, name: &str) -> String {
        self.params.iter().find(|(k, _)| *k == name).map(|(_, v)| v.clone()).unwrap_or_default()
    }

    /// The last value of a query parameter.
    pub fn q(&self, name: &str) -> Option<String> {
        self.query.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v.clone())
    }

    /// Every value of a (possibly repeated, possibly comma-separated) query parameter.
    pub fn q_list(&self, name: &str) -> Vec<String> {
        self.query
            .iter()
            .filter(|(k, _)| k == name)
            .flat_map(|(_, v)| v.split(','))
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect()
    }

    /// A boolean query parameter.
    pub fn q_bool(&self, name: &str) -> Option<bool> {
        self.q(name).map(|v| v.eq_ignore_ascii_case("true"))
    }

    /// An error response in this operation's shape.
    pub fn error(&self, status: u16, violations: &[Violation], text: Option<&str>) -> Response<ResBody> {
        json_response(self.shared, status, &crate::errors::body(self.op.shape, status, violations, text))
    }

    /// A JSON response.
    pub fn json(&self, status: u16, body: &Value) -> Response<ResBody> {
        json_response(self.shared, status, body)
    }

    /// The body as an object field.
    pub fn field(&self, name: &str) -> Option<&Value> {
        self.body.as_ref().and_then(|b| b.get(name))
    }

    /// A string field of the body.
    pub fn str_field(&self, name: &str) -> Option<String> {
        self.field(name).and_then(Value::as_str).map(str::to_string)
    }
}

/// The error shape for a request path (used before or without a full match).
pub(crate) fn shape_for(method: &str, path: &str) -> ErrorShape {
    match spec::find(method, path) {
        RouteMatch::Found(op, _) | RouteMatch::MethodNotAllowed(op, _) => op.shape,
        RouteMatch::NotFound => spec::shape_for_unknown(path),
    }
}

/// Authenticated caller.
pub(crate) struct Principal {
    pub scopes: Option<Vec<String>>,
}

fn authenticate(shared: &Shared, headers: &HeaderMap, query: &[(String, String)]) -> Option<Principal> {
    let config = &shared.config;
    let Some(value) = headers.get(http::header::AUTHORIZATION).and_then(|v| v.to_str().ok()) else {
        // The deprecated GET /sms/1/text/query also accepted username/password parameters.
        let get = |n: &str| query.iter().find(|(k, _)| k == n).map(|(_, v)| v.as_str());
        if let (Some(u), Some(p)) = (get("username"), get("password")) {
            return config
                .users
                .iter()
                .find(|x| x.username == u && x.password == p)
                .map(|x| Principal { scopes: x.scopes.clone() });
        }
        return None;
    };
    let (scheme, cred) = value.trim().split_once(char::is_whitespace)?;
    let cred = cred.trim();
    match scheme.to_ascii_lowercase().as_str() {
        "app" => config.api_keys.iter().find(|k| k.key == cred).map(|k| Principal { scopes: k.scopes.clone() }),
        "basic" => {
            let decoded = base64::engine::general_purpose::STANDARD.decode(cred).ok()?;
            let decoded = String::from_utf8(decoded).ok()?;
            let (u, p) = decoded.split_once(':')?;
            config
                .users
                .iter()
                .find(|x| x.username == u && x.password == p)
                .map(|x| Principal { scopes: x.scopes.clone() })
        }
        "ibsso" => {
            let mut st = shared.lock();
            let idle = Duration::from_secs(config.session_idle_timeout_secs);
            let now = Instant::now();
            let alive = st.sessions.get(cred).map(|s| now.duration_since(s.last_used) <= idle)?;
            if !alive {
                st.sessions.remove(cred);
                return None;
            }
            let s = st.sessions.get_mut(cred)?;
            s.last_used = now;
            Some(Principal { scopes: s.scopes.clone() })
        }
        "bearer" => {
            let mut st = shared.lock();
            let now = Instant::now();
            let t = st.tokens.get(cred)?;
            if t.expires_at <= now {
                st.tokens.remove(cred);
                return None;
            }
            Some(Principal { scopes: t.scopes.clone() })
        }
        _ => None,
    }
}

fn throttled(shared: &Shared, op: &'static OpInfo) -> bool {
    let Some(rule) = op.throttle else { return false };
    if !shared.config.throttling {
        return false;
    }
    let mut st = shared.lock();
    let now = Instant::now();
    match rule {
        spec::Throttle::Window { requests, window_ms } => {
            let bucket = st.throttles.entry(op.operation_id).or_insert_with(|| Bucket::Window(Default::default()));
            let Bucket::Window(q) = bucket else { return false };
            let window = Duration::from_millis(window_ms);
            while q.front().is_some_and(|t| now.duration_since(*t) >= window) {
                q.pop_front();
            }
            if q.len() as u64 >= requests {
                return true;
            }
            q.push_back(now);
            false
        }
        spec::Throttle::Token { replenish_per_sec, burst } => {
            let bucket =
                st.throttles.entry(op.operation_id).or_insert(Bucket::Token { tokens: burst as f64, last: now });
            let Bucket::Token { tokens, last } = bucket else { return false };
            let elapsed = now.duration_since(*last).as_secs_f64();
            *tokens = (*tokens + elapsed * replenish_per_sec as f64).min(burst as f64);
            *last = now;
            if *tokens < 1.0 {
                return true;
            }
            *tokens -= 1.0;
            false
        }
    }
}

/// Runs the pipeline for one API request.
pub(crate) async fn dispatch(
    shared: &Arc<Shared>,
    method: &Method,
    path: &str,
    query: &str,
    headers: &HeaderMap,
    body: Bytes,
) -> Response<ResBody> {
    let (op, params) = match spec::find(method.as_str(), path) {
        RouteMatch::Found(op, params) => (op, params),
        RouteMatch::MethodNotAllowed(op, allowed) => {
            let text = format!("Request method '{method}' is not supported for {path}");
            let mut r = json_response(shared, 405, &crate::errors::body(op.shape, 405, &[], Some(&text)));
            // RFC 9110: a 405 lists the methods the resource supports.
            if let Ok(v) = http::HeaderValue::from_str(&allowed.join(", ")) {
                r.headers_mut().insert(http::header::ALLOW, v);
            }
            return r;
        }
        RouteMatch::NotFound => {
            let shape = spec::shape_for_unknown(path);
            let text = format!("Requested URL not found: {path}");
            return json_response(shared, 404, &crate::errors::body(shape, 404, &[], Some(&text)));
        }
    };
    let raw_query = query;
    let query = spec::parse_query(query);
    let err = |status: u16, v: &[Violation], text: Option<&str>| {
        json_response(shared, status, &crate::errors::body(op.shape, status, v, text))
    };

    if op.auth {
        let Some(principal) = authenticate(shared, headers, &query) else {
            let text = if op.shape == ErrorShape::ApiError { None } else { Some("Invalid login details") };
            return err(401, &[], text);
        };
        if let Some(scopes) = &principal.scopes
            && !op.scopes.is_empty()
            && !op.scopes.iter().any(|s| scopes.iter().any(|g| g == s))
        {
            return err(403, &[], None);
        }
    }
    if throttled(shared, op) {
        return err(429, &[], None);
    }

    let mut violations = crate::request::check_params(op, &params, &query, headers);
    let checked = crate::request::check_body(op, headers, &body);
    violations.extend(checked.violations);
    if !violations.is_empty() {
        return err(400, &violations, None);
    }

    let ctx = Ctx { shared, op, params, query, headers, body: checked.value, raw_body: body, path, raw_query };
    if let Some(r) = crate::handlers::route(&ctx).await {
        return r;
    }
    generic(&ctx)
}

/// Answers an operation from its documented example (or a value synthesised from its schema);
/// an operation that answers a file, with a file of its declared type.
fn generic(ctx: &Ctx<'_>) -> Response<ResBody> {
    if let Some(file) = crate::files::answer(ctx) {
        return file;
    }
    let status = ctx.op.success;
    match spec::example_response(ctx.op) {
        Some((media, _)) if status == 204 => raw_response(ctx.shared, status, None, &media),
        Some((media, Value::String(s))) if !media.contains("json") => {
            raw_response(ctx.shared, status, Some(Bytes::from(s)), &media)
        }
        // A JSON example written as a string: send it as is when it parses, else as a JSON string.
        Some((media, Value::String(s))) if serde_json::from_str::<Value>(&s).is_ok() => {
            raw_response(ctx.shared, status, Some(Bytes::from(s)), &media)
        }
        Some((media, v)) => {
            raw_response(ctx.shared, status, Some(Bytes::from(serde_json::to_vec(&v).unwrap_or_default())), &media)
        }
        None => raw_response(ctx.shared, status, None, "application/json"),
    }
}
