//! The operation index generated from `spec/` at build time, lazy per-product parsing of the
//! embedded OpenAPI documents, path matching and response synthesis from examples or schemas.

use serde_json::{Map, Value};
use std::collections::HashSet;
use std::sync::{LazyLock, OnceLock};

/// Which of Infobip's error body shapes an operation uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ErrorShape {
    /// `{"errorCode":"E400","description":…,"action":…,"violations":[…],"resources":[…]}`.
    ApiError,
    /// `{"requestError":{"serviceException":{"messageId":…,"text":…}}}`.
    Legacy,
    /// The legacy shape plus a top-level `error` string (the OAuth2 token endpoint).
    OAuth,
    /// Another product-specific shape; answered with the legacy shape.
    Platform,
}

/// A throttling rule from `x-throttling-info`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Throttle {
    /// At most `requests` in any window of `window_ms`.
    Window { requests: u64, window_ms: u64 },
    /// A token bucket refilled at `replenish_per_sec` with capacity `burst`.
    Token { replenish_per_sec: u64, burst: u64 },
}

/// One operation of the spec, as indexed at build time.
#[derive(Debug)]
pub(crate) struct OpInfo {
    pub method: &'static str,
    pub path: &'static str,
    pub spec: usize,
    pub operation_id: &'static str,
    pub scopes: &'static [&'static str],
    pub auth: bool,
    #[allow(dead_code)]
    pub deprecated: bool,
    pub success: u16,
    pub shape: ErrorShape,
    pub throttle: Option<Throttle>,
}

include!(concat!(env!("OUT_DIR"), "/spec_index.rs"));

/// Number of operations in the embedded spec.
pub(crate) fn operation_count() -> usize {
    OPERATIONS.len()
}

static PARSED: LazyLock<Vec<OnceLock<Value>>> = LazyLock::new(|| SPEC_FILES.iter().map(|_| OnceLock::new()).collect());

/// The parsed OpenAPI document of one product (parsed on first use).
pub(crate) fn document(spec: usize) -> &'static Value {
    static NULL: Value = Value::Null;
    let Some(cell) = PARSED.get(spec) else { return &NULL };
    cell.get_or_init(|| {
        SPEC_FILES.get(spec).and_then(|(_, text)| serde_json::from_str(text).ok()).unwrap_or(Value::Null)
    })
}

/// The operation object of `op` inside its parsed document.
pub(crate) fn operation_object(op: &OpInfo) -> &'static Value {
    static NULL: Value = Value::Null;
    document(op.spec)
        .get("paths")
        .and_then(|p| p.get(op.path))
        .and_then(|i| i.get(op.method.to_ascii_lowercase()))
        .unwrap_or(&NULL)
}

/// Builds the route table and parses the most used product specs (SMS, 2FA, account).
pub(crate) fn warm_up() {
    LazyLock::force(&TEMPLATES);
    LazyLock::force(&BUCKETS);
    LazyLock::force(&API_ERROR_PREFIXES);
    for (i, (name, _)) in SPEC_FILES.iter().enumerate() {
        if name.contains("-sms-") || name.contains("-2fa-") || name.contains("account-management") {
            let _ = document(i);
        }
    }
}

struct Template {
    segments: Vec<&'static str>,
    literals: usize,
}

static TEMPLATES: LazyLock<Vec<Template>> = LazyLock::new(|| {
    OPERATIONS
        .iter()
        .map(|op| {
            let segments: Vec<&'static str> = op.path.trim_matches('/').split('/').collect();
            let literals = segments.iter().filter(|s| !is_param(s)).count();
            Template { segments, literals }
        })
        .collect()
});

/// Operation indices grouped by (segment count, first segment), for fast matching.
static BUCKETS: LazyLock<std::collections::HashMap<(usize, &'static str), Vec<usize>>> = LazyLock::new(|| {
    let mut m: std::collections::HashMap<(usize, &'static str), Vec<usize>> = std::collections::HashMap::new();
    for (i, t) in TEMPLATES.iter().enumerate() {
        let first = t.segments.first().copied().unwrap_or("");
        m.entry((t.segments.len(), first)).or_default().push(i);
    }
    m
});

static API_ERROR_PREFIXES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    OPERATIONS.iter().filter(|op| op.shape == ErrorShape::ApiError).map(|op| prefix_of(op.path)).collect()
});

fn prefix_of(path: &str) -> String {
    path.trim_start_matches('/').split('/').take(2).collect::<Vec<_>>().join("/")
}

/// The error shape to use for a path no operation matches.
pub(crate) fn shape_for_unknown(path: &str) -> ErrorShape {
    if API_ERROR_PREFIXES.contains(&prefix_of(path)) { ErrorShape::ApiError } else { ErrorShape::Legacy }
}

fn is_param(seg: &str) -> bool {
    seg.starts_with('{') && seg.ends_with('}')
}

/// Result of matching a request against the index.
pub(crate) enum RouteMatch {
    /// An operation matched; its path parameters by name.
    Found(&'static OpInfo, Vec<(&'static str, String)>),
    /// The path exists with other methods (one of its operations, and every method it has).
    MethodNotAllowed(&'static OpInfo, Vec<&'static str>),
    /// No operation has this path.
    NotFound,
}

/// Finds the operation for `method` and `path`, preferring the template with most literal segments.
/// `HEAD` finds the `GET` operation of a path that documents no `HEAD`. A trailing `/` is an empty
/// last segment, which no template matches.
pub(crate) fn find(method: &str, path: &str) -> RouteMatch {
    match find_exact(method, path) {
        RouteMatch::MethodNotAllowed(..) if method.eq_ignore_ascii_case("HEAD") => find_exact("GET", path),
        found => found,
    }
}

fn find_exact(method: &str, path: &str) -> RouteMatch {
    let segs: Vec<&str> = path.strip_prefix('/').unwrap_or(path).split('/').collect();
    let mut best: Option<(usize, usize)> = None;
    let mut other_method: Option<&'static OpInfo> = None;
    let mut allowed: Vec<&'static str> = Vec::new();
    let first = segs.first().copied().unwrap_or("");
    let candidates = BUCKETS.get(&(segs.len(), first)).map(Vec::as_slice).unwrap_or(&[]);
    for &i in candidates {
        let Some(t) = TEMPLATES.get(i) else { continue };
        let ok = t.segments.iter().zip(&segs).all(|(a, b)| is_param(a) && !b.is_empty() || a == b);
        if !ok {
            continue;
        }
        let Some(op) = OPERATIONS.get(i) else { continue };
        if !allowed.contains(&op.method) {
            allowed.push(op.method);
        }
        if !op.method.eq_ignore_ascii_case(method) {
            other_method.get_or_insert(op);
            continue;
        }
        if best.is_none_or(|(_, l)| t.literals > l) {
            best = Some((i, t.literals));
        }
    }
    match best {
        Some((i, _)) => {
            let (Some(op), Some(t)) = (OPERATIONS.get(i), TEMPLATES.get(i)) else {
                return RouteMatch::NotFound;
            };
            let params = t
                .segments
                .iter()
                .zip(&segs)
                .filter(|(a, _)| is_param(a))
                .map(|(a, b)| (a.trim_matches(|c| c == '{' || c == '}'), percent_decode(b)))
                .collect();
            RouteMatch::Found(op, params)
        }
        None => match other_method {
            Some(op) => {
                if allowed.contains(&"GET") {
                    allowed.push("HEAD");
                }
                RouteMatch::MethodNotAllowed(op, allowed)
            }
            None => RouteMatch::NotFound,
        },
    }
}

/// Decodes `%XX` escapes and `+` (as space, for form bodies and query strings).
pub(crate) fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok()).unwrap_or("");
                match u8::from_str_radix(hex, 16) {
                    Ok(b) => {
                        out.push(b);
                        i += 3;
                    }
                    Err(_) => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Parses a query string into (name, value) pairs, decoded, in order.
pub(crate) fn parse_query(q: &str) -> Vec<(String, String)> {
    q.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (percent_decode(k), percent_decode(v)),
            None => (percent_decode(p), String::new()),
        })
        .collect()
}

/// Resolves a local `$ref` (`#/components/...`) inside `doc`.
pub(crate) fn resolve<'a>(doc: &'a Value, reference: &str) -> Option<&'a Value> {
    if let Some(name) = reference.strip_prefix("#/components/schemas/")
        && !name.contains(['/', '~'])
    {
        return doc.get("components")?.get("schemas")?.get(name);
    }
    let pointer = reference.strip_prefix('#')?;
    doc.pointer(pointer)
}

/// The schema named `name` (without its hash prefix) in the spec of `product`
/// (`infobip-PRODUCT-openapi.json`), with its document.
pub(crate) fn component(product: &str, name: &str) -> Option<(&'static Value, &'static Value)> {
    let file = format!("infobip-{product}-openapi.json");
    let doc = document(SPEC_FILES.iter().position(|(n, _)| *n == file)?);
    let schemas = doc.get("components")?.get("schemas")?.as_object()?;
    let schema = schemas.iter().find(|(k, _)| k.rsplit_once('.').map_or(k.as_str(), |(_, n)| n) == name)?.1;
    Some((doc, schema))
}

/// Follows `$ref` chains until a schema without `$ref` (bounded).
pub(crate) fn deref<'a>(doc: &'a Value, mut schema: &'a Value) -> &'a Value {
    for _ in 0..16 {
        match schema.get("$ref").and_then(Value::as_str) {
            Some(r) => match resolve(doc, r) {
                Some(s) => schema = s,
                None => return schema,
            },
            None => return schema,
        }
    }
    schema
}

/// The body of the documented success response of `op`: the first documented example that
/// conforms to the response schema, otherwise a value synthesised from the schema. `None` when no
/// body is documented.
pub(crate) fn example_response(op: &OpInfo) -> Option<(String, Value)> {
    let doc = document(op.spec);
    let opv = operation_object(op);
    let responses = opv.get("responses")?;
    let resp = responses.get(op.success.to_string()).or_else(|| responses.get("default"))?;
    let resp = deref(doc, resp);
    let content = resp.get("content")?.as_object()?;
    let (media_type, media) = content
        .iter()
        .find(|(k, _)| k.contains("json"))
        .or_else(|| content.iter().find(|(k, _)| k.as_str() == "*/*"))
        .or_else(|| content.iter().next())?;
    let media_type = if media_type == "*/*" { "application/json".to_string() } else { media_type.clone() };
    let examples = media.get("example").into_iter().chain(
        media
            .get("examples")
            .and_then(Value::as_object)
            .into_iter()
            .flat_map(|m| m.values())
            .filter_map(|e| deref(doc, e).get("value")),
    );
    let Some(schema) = media.get("schema") else {
        return examples.into_iter().next().map(|e| (media_type, e.clone()));
    };
    let conforming = examples.into_iter().find(|e| crate::schema::validate(doc, schema, e).is_empty());
    Some((media_type, conforming.cloned().unwrap_or_else(|| synthesize(doc, schema, 0))))
}

/// Builds a plausible value for `schema`: its example, default, first enum value, or a value
/// assembled from its properties.
pub(crate) fn synthesize(doc: &Value, schema: &Value, depth: usize) -> Value {
    if depth > 12 {
        return Value::Null;
    }
    let schema = deref(doc, schema);
    if let Some(ex) = schema.get("example") {
        return ex.clone();
    }
    if let Some(ex) = schema.get("examples").and_then(Value::as_array).and_then(|a| a.first()) {
        return ex.clone();
    }
    if let Some(d) = schema.get("default") {
        return d.clone();
    }
    if let Some(e) = schema.get("enum").and_then(Value::as_array).and_then(|a| a.first()) {
        return e.clone();
    }
    if let Some(all) = schema.get("allOf").and_then(Value::as_array) {
        if let ([only], None) = (all.as_slice(), schema.get("properties")) {
            return synthesize(doc, only, depth + 1);
        }
        let mut merged = Map::new();
        for s in all {
            if let Value::Object(m) = synthesize(doc, s, depth + 1) {
                merged.extend(m);
            }
        }
        if let Some(Value::Object(m)) = schema.get("properties").map(|_| synthesize_object(doc, schema, depth)) {
            merged.extend(m);
        }
        return Value::Object(merged);
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(first) = schema.get(key).and_then(Value::as_array).and_then(|a| a.first()) {
            return synthesize(doc, first, depth + 1);
        }
    }
    let ty = match schema.get("type") {
        Some(Value::String(s)) => s.as_str(),
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).find(|t| *t != "null").unwrap_or("null"),
        _ if schema.get("properties").is_some() => "object",
        _ => "object",
    };
    match ty {
        "string" => match schema.get("format").and_then(Value::as_str) {
            Some("date-time") => Value::String(crate::time::format(chrono::Utc::now())),
            Some("date") => Value::String(chrono::Utc::now().format("%Y-%m-%d").to_string()),
            Some("uuid") => Value::String("3fa85f64-5717-4562-b3fc-2c963f66afa6".into()),
            _ => {
                let len = |k: &str| schema.get(k).and_then(Value::as_u64).and_then(|n| usize::try_from(n).ok());
                let min = len("minLength").unwrap_or(0);
                let max = len("maxLength").unwrap_or(usize::MAX).max(min);
                Value::String("string".chars().cycle().take(6usize.max(min).min(max)).collect())
            }
        },
        "integer" => {
            let min = schema.get("minimum").and_then(Value::as_i64).unwrap_or(0);
            let above = schema.get("exclusiveMinimum").and_then(Value::as_i64).map_or(min, |m| m.saturating_add(1));
            Value::from(min.max(above))
        }
        "number" => Value::from(schema.get("minimum").and_then(Value::as_f64).unwrap_or(0.0)),
        "boolean" => Value::Bool(false),
        "array" => match schema.get("items") {
            Some(items) => {
                let n = schema.get("minItems").and_then(Value::as_u64).unwrap_or(1).clamp(1, 16);
                Value::Array((0..n).map(|_| synthesize(doc, items, depth + 1)).collect())
            }
            None => Value::Array(vec![]),
        },
        "null" => Value::Null,
        _ => synthesize_object(doc, schema, depth),
    }
}

fn synthesize_object(doc: &Value, schema: &Value, depth: usize) -> Value {
    let mut m = Map::new();
    if let Some(props) = schema.get("properties").and_then(Value::as_object) {
        for (k, v) in props {
            let resolved = deref(doc, v);
            if resolved.get("writeOnly").and_then(Value::as_bool) == Some(true) {
                continue;
            }
            m.insert(k.clone(), synthesize(doc, v, depth + 1));
        }
    }
    Value::Object(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_has_all_operations() {
        assert!(operation_count() >= 900, "{}", operation_count());
    }

    #[test]
    fn matches_templates_preferring_literals() {
        match find("POST", "/2fa/2/pin/voice") {
            RouteMatch::Found(op, p) => {
                assert_eq!(op.operation_id, "send-2fa-pin-code-over-voice");
                assert!(p.is_empty());
            }
            _ => panic!("no match"),
        }
        match find("POST", "/2fa/2/pin/ABC/verify") {
            RouteMatch::Found(op, p) => {
                assert_eq!(op.operation_id, "verify-2fa-phone-number");
                assert_eq!(p, vec![("pinId", "ABC".to_string())]);
            }
            _ => panic!("no match"),
        }
        assert!(matches!(find("GET", "/nope/1/x"), RouteMatch::NotFound));
        match find("DELETE", "/sms/3/messages") {
            RouteMatch::MethodNotAllowed(_, allowed) => assert_eq!(allowed, vec!["POST"]),
            _ => panic!("DELETE /sms/3/messages is not a 405"),
        }
        assert!(matches!(find("HEAD", "/sms/3/logs"), RouteMatch::Found(op, _) if op.method == "GET"));
        assert!(matches!(find("GET", "/sms/3/logs/"), RouteMatch::NotFound));
    }

    #[test]
    fn every_operation_has_an_answer() {
        for op in OPERATIONS {
            let _ = example_response(op);
        }
    }
}
