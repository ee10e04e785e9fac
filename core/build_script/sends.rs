//! Which operations send messages, and where their requests carry a bulk id and message ids
//! (the `send` entry of an operation in the catalog; see `core/src/send.rs` for the rule it
//! drives).
//!
//! An operation sends messages when the spec names it `send-…` and it is a POST or a GET (the
//! two query sends), except [`NOT_SENDS`], plus [`EXTRA_SENDS`]. Its id places are read from the
//! request: query parameters named `bulkId`/`messageId`, and string properties of those names
//! anywhere in the body schema (through `$ref`, `allOf`, `oneOf`, `anyOf` and array items),
//! written as JSON pointers whose `*` segments stand for every item of an array. A `messageId`
//! nested inside an object that already has a message-id place of the same variant (the
//! Messages API's per-channel ids inside a destination) is left to the caller.

use serde_json::{Map, Value, json};

/// Operations named `send-…` that send no message: People events, a conversation event and a
/// call-control signal.
const NOT_SENDS: [&str; 4] = ["send-custom-events", "send-custom-event", "send-event", "send-ringing"];

/// Operations that send messages though they are not named `send-…`: PIN resends.
const EXTRA_SENDS: [&str; 3] =
    ["resend-2fa-pin-code-over-sms", "resend-2fa-pin-code-over-voice", "resend-2fa-pin-code-over-email"];

/// Sends whose `messageId` names a message template (2FA), not the message sent.
const TEMPLATE_MESSAGE_IDS: [&str; 3] =
    ["send-2fa-pin-code-over-sms", "send-2fa-pin-code-over-voice", "send-2fa-pin-code-over-email"];

/// How deep the body schema is searched.
const MAX_DEPTH: usize = 12;

/// Checks that every operation the lists above name exists, so a renamed one is noticed.
pub fn check_lists(ids: &[&str]) {
    for listed in NOT_SENDS.iter().chain(&EXTRA_SENDS).chain(&TEMPLATE_MESSAGE_IDS) {
        assert!(ids.contains(listed), "core/build_script/sends.rs names {listed}, which no spec has any more");
    }
}

/// The `send` entry of an operation, or `None` when it sends no message.
pub fn send_spec(
    id: &str,
    method: &str,
    params: &[Value],
    body_schema: Option<&Value>,
    components: &Map<String, Value>,
) -> Option<Value> {
    let named_send = id.starts_with("send-") && matches!(method, "post" | "get") && !NOT_SENDS.contains(&id);
    if !named_send && !EXTRA_SENDS.contains(&id) {
        return None;
    }
    let mut found = Vec::new();
    if let Some(schema) = body_schema {
        walk(schema, components, &mut Walk::default(), &mut found, 0);
    }
    if TEMPLATE_MESSAGE_IDS.contains(&id) {
        found.retain(|place| place.name != "messageId");
    }
    let mut bulk: Vec<Value> = Vec::new();
    let mut messages: Vec<Value> = Vec::new();
    for param in params.iter().filter(|p| p["in"] == "query") {
        match param["name"].as_str() {
            Some(name @ "bulkId") => bulk.push(json!({"in": "query", "at": name})),
            Some(name @ "messageId") => messages.push(json!({"in": "query", "at": name})),
            _ => {}
        }
    }
    for place in found.iter().filter(|p| p.name == "bulkId") {
        let at = json!({"in": "body", "at": place.pointer()});
        if !bulk.contains(&at) {
            bulk.push(at);
        }
    }
    for place in found.iter().filter(|p| p.name == "messageId") {
        let nested = found.iter().any(|outer| outer.name == "messageId" && outer.holds(place));
        let at = json!({"in": "body", "at": place.pointer()});
        if !nested && !messages.contains(&at) {
            messages.push(at);
        }
    }
    assert!(bulk.len() <= 1, "{id}: more than one place for a bulk id: {bulk:?}");
    assert!(
        bulk.iter().all(|b| !b["at"].as_str().unwrap_or_default().contains('*')),
        "{id}: a bulk id inside an array: {bulk:?}"
    );
    Some(json!({"bulk_id": bulk.pop(), "message_ids": messages}))
}

/// Where the walk is: the path so far and the variant taken at each `oneOf`/`anyOf`.
#[derive(Clone, Default)]
struct Walk {
    path: Vec<String>,
    branches: Vec<(String, usize)>,
    refs: Vec<String>,
}

/// A property named `bulkId` or `messageId`, with the variants it sits in.
struct Place {
    name: &'static str,
    container: Vec<String>,
    branches: Vec<(String, usize)>,
}

impl Place {
    fn pointer(&self) -> String {
        let mut out = String::new();
        for segment in &self.container {
            out.push('/');
            out.push_str(segment);
        }
        out.push('/');
        out.push_str(self.name);
        out
    }

    /// Whether `inner` sits deeper inside this place's object, in the same variants.
    fn holds(&self, inner: &Place) -> bool {
        inner.container.len() > self.container.len()
            && inner.container.starts_with(&self.container)
            && self.branches.iter().all(|(at, branch)| {
                inner.branches.iter().find(|(other, _)| other == at).is_none_or(|(_, other)| other == branch)
            })
    }
}

fn walk(schema: &Value, components: &Map<String, Value>, at: &mut Walk, found: &mut Vec<Place>, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    let mut schema = schema;
    let mut pushed = 0;
    while let Some(target) = schema.get("$ref").and_then(Value::as_str) {
        let name = target.trim_start_matches("#/components/schemas/").to_owned();
        if at.refs.contains(&name) {
            at.refs.truncate(at.refs.len() - pushed);
            return;
        }
        at.refs.push(name.clone());
        pushed += 1;
        match components.get(&name) {
            Some(next) => schema = next,
            None => break,
        }
    }
    for sub in schema.get("allOf").and_then(Value::as_array).into_iter().flatten() {
        walk(sub, components, at, found, depth + 1);
    }
    for key in ["oneOf", "anyOf"] {
        for (i, sub) in schema.get(key).and_then(Value::as_array).into_iter().flatten().enumerate() {
            at.branches.push((format!("{}/{key}", at.path.join("/")), i));
            walk(sub, components, at, found, depth + 1);
            at.branches.pop();
        }
    }
    if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
        for (name, sub) in properties {
            let id_name = match name.as_str() {
                "bulkId" => Some("bulkId"),
                "messageId" => Some("messageId"),
                _ => None,
            };
            if let Some(id_name) = id_name {
                if is_writable_string(sub, components) {
                    found.push(Place { name: id_name, container: at.path.clone(), branches: at.branches.clone() });
                }
                continue;
            }
            at.path.push(name.clone());
            walk(sub, components, at, found, depth + 1);
            at.path.pop();
        }
    }
    if let Some(items) = schema.get("items") {
        at.path.push("*".into());
        walk(items, components, at, found, depth + 1);
        at.path.pop();
    }
    at.refs.truncate(at.refs.len() - pushed);
}

/// A string the caller may set (not `readOnly`).
fn is_writable_string(schema: &Value, components: &Map<String, Value>) -> bool {
    let mut schema = schema;
    for _ in 0..8 {
        match schema.get("$ref").and_then(Value::as_str) {
            Some(target) => match components.get(target.trim_start_matches("#/components/schemas/")) {
                Some(next) => schema = next,
                None => return false,
            },
            None => break,
        }
    }
    let string = match schema.get("type") {
        Some(Value::String(t)) => t == "string",
        Some(Value::Array(types)) => types.iter().any(|t| t == "string"),
        _ => true,
    };
    string && schema.get("readOnly").and_then(Value::as_bool) != Some(true)
}
