//! Sends that are never lost or doubled, on every channel and however they are called.
//!
//! The [catalog](crate::catalog) marks every operation that sends messages
//! ([`Operation::send`](crate::catalog::Operation::send): SMS, WhatsApp, Viber, RCS, MMS, Email,
//! the Messages API, Voice, Kakao, LINE, Zalo, TikTok, Instagram, Messenger, 2FA PINs, …, the
//! query-string sends `GET /sms/3/text/query` and `GET /sms/1/text/query` included) and says
//! where its request carries a bulk id and message ids ([`SendSpec`]). One rule applies to such a
//! request however it is made: [`Client::call`](crate::Client::call), a
//! [`Client::request`](crate::Client::request) whose method and path match a send, the typed
//! methods and the CLI all send through it.
//!
//! 1. **Ids first.** Where the request has a place for a bulk id or a message id and the caller
//!    gave none, the SDK puts a new one there (a UUID v4) before anything is sent; ids the caller
//!    gave are kept.
//! 2. **Never repeated once it may have been written.** A send is not idempotent, whatever its
//!    method: it is retried only when it certainly had no effect (a 429, or a connection that
//!    failed before the request was written), unless the caller sets
//!    [`retry_non_idempotent`](crate::RequestOptions::retry_non_idempotent).
//! 3. **In doubt means `outcome_unknown`, with the ids.** A timeout or a cut connection after the
//!    request was written, any 5xx, a 2xx whose body cannot be read (or is larger than the
//!    client's cap), or a failure after an earlier attempt that may have been written ends the
//!    call with [`Error::OutcomeUnknown`](crate::Error::OutcomeUnknown) carrying the bulk id and
//!    every message id, so the send can be looked up (its logs, by bulk id) before it is sent
//!    again.
//! 4. **An authentication failure is not a doubt.** When the OAuth2 token or IBSSO session a
//!    send needs cannot be had, the send was not made: the error is `auth_failed`.
//! 5. **Cancellation leaves the ids with the caller.** A send dropped after its request may have
//!    been written (Ctrl-C, an asyncio cancellation, an `AbortSignal`, a coroutine cancellation)
//!    logs one warning with its ids, and a [`SendTracker`] given in its
//!    [`RequestOptions`](crate::RequestOptions) hands them to the binding, which puts them on
//!    the cancellation error.
//!
//! A form-encoded request gets no ids assigned; an upload (`multipart/form-data`) gets them in its
//! form fields. The rest of the rule holds for both.

use std::sync::{Arc, Mutex, PoisonError};

use serde_json::{Map, Value};

pub use crate::catalog::{IdPlace, SendSpec};
use crate::error::{Error, OutcomeUnknown};
use crate::http::{Query, Response};

/// The ids of one send, fixed before it goes out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct SendIds {
    /// The bulk id, when the request has a place for one.
    pub bulk_id: Option<String>,
    /// Every message id, in the order the request holds them.
    pub message_ids: Vec<String>,
}

/// A new id for a bulk or a message (UUID v4).
pub(crate) fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

impl SendSpec {
    /// Puts a new id in every place of `body` and `query` that lacks one (a missing or `null`
    /// value), keeping the ids already there, and returns them all. Objects on the way to the
    /// bulk id are created (`options.schedule`); message ids go into the objects that exist
    /// (each destination, each recipient). An object that holds the way to a deeper message-id
    /// place (an MMS group destination's `group`) gets its ids there, not on itself.
    ///
    /// ```
    /// use serde_json::json;
    /// let send = infobip::catalog::operation("send-sms-messages").and_then(|op| op.send.clone()).expect("a send");
    /// let mut body = json!({"messages": [{"destinations": [{"to": "41793026727", "messageId": "mine"}, {"to": "41793026728"}], "text": "Hi"}]});
    /// let ids = send.assign(Some(&mut body), &mut infobip::Query::new());
    /// assert_eq!(ids.message_ids[0], "mine");
    /// assert_eq!(body["messages"][0]["destinations"][1]["messageId"], json!(ids.message_ids[1]));
    /// assert_eq!(body["options"]["schedule"]["bulkId"], json!(ids.bulk_id.expect("assigned")));
    /// ```
    pub fn assign(&self, mut body: Option<&mut Value>, query: &mut Query) -> SendIds {
        let mut ids = SendIds::default();
        match &self.bulk_id {
            Some(IdPlace::Query(name)) => ids.bulk_id = Some(query_id(query, name)),
            Some(IdPlace::Body(pointer)) => {
                if let Some(body) = body.as_deref_mut() {
                    ids.bulk_id = body_bulk_id(body, &segments(pointer));
                }
            }
            None => {}
        }
        let containers: Vec<Vec<&str>> = self
            .message_ids
            .iter()
            .map(|place| match place {
                IdPlace::Body(pointer) => segments(pointer).split_last().map(|(_, c)| c.to_vec()).unwrap_or_default(),
                IdPlace::Query(_) => Vec::new(),
            })
            .collect();
        for (index, place) in self.message_ids.iter().enumerate() {
            match place {
                IdPlace::Query(name) => ids.message_ids.push(query_id(query, name)),
                IdPlace::Body(pointer) => {
                    let Some(body) = body.as_deref_mut() else { continue };
                    let Some(name) = pointer.rsplit('/').next() else { continue };
                    let container = &containers[index];
                    // The first segment below this container on the way to a deeper place.
                    let deeper: Vec<&str> = containers
                        .iter()
                        .filter(|other| other.len() > container.len() && other.starts_with(container))
                        .map(|other| other[container.len()])
                        .collect();
                    each_object(body, container, &mut |object| {
                        if deeper.iter().any(|key| object.contains_key(*key)) {
                            return;
                        }
                        if let Some(id) = fill(object, name) {
                            ids.message_ids.push(id);
                        }
                    });
                }
            }
        }
        ids
    }
}

impl SendSpec {
    /// Puts ids in the body places of an upload's form fields, as [`assign`](Self::assign) does
    /// in a JSON body; query places are left to the request (see [`SendIds::and`]).
    pub(crate) fn assign_in_form(&self, fields: &mut Map<String, Value>) -> SendIds {
        let in_body = |place: &&IdPlace| matches!(place, IdPlace::Body(_));
        let body_places = SendSpec {
            bulk_id: self.bulk_id.iter().find(in_body).cloned(),
            message_ids: self.message_ids.iter().filter(in_body).cloned().collect(),
        };
        let mut body = Value::Object(std::mem::take(fields));
        let ids = body_places.assign(Some(&mut body), &mut Query::new());
        if let Value::Object(filled) = body {
            *fields = filled;
        }
        ids
    }
}

impl SendIds {
    /// These ids followed by `more`'s (a bulk id given here wins).
    pub(crate) fn and(mut self, more: SendIds) -> SendIds {
        self.bulk_id = self.bulk_id.or(more.bulk_id);
        self.message_ids.extend(more.message_ids);
        self
    }
}

fn segments(pointer: &str) -> Vec<&str> {
    pointer.split('/').skip(1).collect()
}

/// The value of query parameter `name`, given a new id when it is absent.
fn query_id(query: &mut Query, name: &str) -> String {
    if let Some((_, value)) = query.pairs().iter().find(|(key, _)| key == name) {
        return value.clone();
    }
    let id = new_id();
    query.push(name, &id);
    id
}

/// The bulk id at `path`, creating the objects on the way (a `null` counts as absent).
fn body_bulk_id(body: &mut Value, path: &[&str]) -> Option<String> {
    let (name, parents) = path.split_last()?;
    let mut node = body;
    for segment in parents {
        let Value::Object(object) = node else { return None };
        node = object.entry(*segment).or_insert(Value::Null);
        if node.is_null() {
            *node = Value::Object(Map::new());
        }
    }
    match node {
        Value::Object(object) => fill(object, name),
        _ => None,
    }
}

/// The id in `object[name]`, set to a new one when it is absent or `null`; `None` when the
/// caller put something else there (the spec check refuses it).
fn fill(object: &mut Map<String, Value>, name: &str) -> Option<String> {
    match object.get(name) {
        Some(Value::String(id)) => Some(id.clone()),
        None | Some(Value::Null) => {
            let id = new_id();
            object.insert(name.to_owned(), Value::String(id.clone()));
            Some(id)
        }
        Some(_) => None,
    }
}

/// Calls `f` with every object at `path`, whose `*` segments go through every array item.
fn each_object(node: &mut Value, path: &[&str], f: &mut dyn FnMut(&mut Map<String, Value>)) {
    match (path.split_first(), node) {
        (None, Value::Object(object)) => f(object),
        (Some((&"*", rest)), Value::Array(items)) => {
            for item in items {
                each_object(item, rest, f);
            }
        }
        (Some((segment, rest)), Value::Object(object)) => {
            if let Some(child) = object.get_mut(*segment) {
                each_object(child, rest, f);
            }
        }
        _ => {}
    }
}

/// The `outcome_unknown` error of a send, with its ids.
pub(crate) fn unknown(operation: String, ids: &SendIds, reason: String, attempts: u32, status: Option<u16>) -> Error {
    Error::OutcomeUnknown(Box::new(OutcomeUnknown {
        reason,
        operation,
        bulk_id: ids.bulk_id.clone(),
        message_ids: ids.message_ids.clone(),
        attempts,
        status,
    }))
}

/// `error` about reading the answer to `response`; when the answer is a send's, its outcome is
/// unknown (which of its messages were accepted cannot be read).
pub(crate) fn unreadable(response: &Response, error: Error) -> Error {
    match (&response.sent, error) {
        (Some(sent), Error::Decode { message, .. }) => unknown(
            sent.operation.clone(),
            &sent.ids,
            format!(
                "the API answered {} but its body could not be read, so which messages were accepted is not known: {message}",
                response.status
            ),
            response.attempts,
            Some(response.status),
        ),
        (_, other) => other,
    }
}

/// A send's identity on its answer: the operation and the ids it went out with.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Sent {
    /// The operation, as `METHOD /path`.
    pub operation: String,
    /// Its ids.
    pub ids: SendIds,
}

/// Follows the sends made with the [`RequestOptions`](crate::RequestOptions) holding it, for a
/// caller that may cancel them: a binding gives one to each call, and when the call is
/// cancelled it reads [`written`](SendTracker::written) and puts the ids on the cancellation
/// error. Cheap to clone; clones follow the same call.
#[derive(Clone, Debug, Default)]
pub struct SendTracker(Arc<Mutex<Option<SendIds>>>);

impl SendTracker {
    /// A tracker that has seen nothing yet.
    pub fn new() -> Self {
        SendTracker::default()
    }

    /// The ids of the send once its request may have been written (its first attempt started),
    /// whether it finished or not; `None` before that, and for calls that send no message.
    pub fn written(&self) -> Option<SendIds> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }

    fn record(&self, ids: &SendIds) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = Some(ids.clone());
    }
}

/// Trackers are equal when they follow the same call.
impl PartialEq for SendTracker {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// A send on its way: dropped while armed (its request may have been written and no answer was
/// read), it logs one warning with the ids.
pub(crate) struct InFlight<'a> {
    sent: &'a Sent,
    tracker: Option<&'a SendTracker>,
    armed: bool,
}

impl<'a> InFlight<'a> {
    pub(crate) fn new(sent: &'a Sent, tracker: Option<&'a SendTracker>) -> Self {
        InFlight { sent, tracker, armed: false }
    }

    /// An attempt is about to write the request.
    pub(crate) fn attempt(&mut self) {
        if !self.armed {
            if let Some(tracker) = self.tracker {
                tracker.record(&self.sent.ids);
            }
            self.armed = true;
        }
    }

    /// The call ended (with an answer or an error): nothing to warn about.
    pub(crate) fn done(mut self) {
        self.armed = false;
    }
}

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        if self.armed {
            let ids = &self.sent.ids;
            tracing::warn!(target: "infobip", operation = %self.sent.operation, bulk_id = ids.bulk_id.as_deref().unwrap_or(""),
                message_ids = %ids.message_ids.join(","),
                "a send was cancelled after its request may have been written: look it up by these ids before sending it again");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn spec(bulk: Option<&str>, messages: &[&str]) -> SendSpec {
        SendSpec {
            bulk_id: bulk.map(|b| IdPlace::Body(b.to_owned())),
            message_ids: messages.iter().map(|m| IdPlace::Body((*m).to_owned())).collect(),
        }
    }

    #[test]
    fn ids_go_where_the_request_has_places_and_the_callers_stay() {
        let send = spec(Some("/options/schedule/bulkId"), &["/messages/*/destinations/*/messageId"]);
        let mut body = json!({"messages": [
            {"destinations": [{"to": "1", "messageId": "mine"}, {"to": "2", "messageId": null}]},
            {"destinations": [{"to": "3"}]},
        ], "options": {"schedule": {"bulkId": "my-bulk"}}});
        let ids = send.assign(Some(&mut body), &mut Query::new());
        assert_eq!(ids.bulk_id.as_deref(), Some("my-bulk"));
        assert_eq!(ids.message_ids.len(), 3);
        assert_eq!(ids.message_ids[0], "mine");
        assert_eq!(body["messages"][0]["destinations"][1]["messageId"], json!(ids.message_ids[1]));
        assert_eq!(body["messages"][1]["destinations"][0]["messageId"], json!(ids.message_ids[2]));
        // Assigning again changes nothing.
        let again = send.assign(Some(&mut body), &mut Query::new());
        assert_eq!(again, ids);
    }

    #[test]
    fn a_group_destination_gets_ids_on_its_members() {
        let send =
            spec(None, &["/messages/*/destinations/*/messageId", "/messages/*/destinations/*/group/*/messageId"]);
        let mut body = json!({"messages": [{"destinations": [{"to": "1"}, {"group": [{"to": "2"}, {"to": "3"}]}]}]});
        let ids = send.assign(Some(&mut body), &mut Query::new());
        assert_eq!(ids.message_ids.len(), 3);
        assert!(body["messages"][0]["destinations"][1].get("messageId").is_none(), "{body}");
        assert!(body["messages"][0]["destinations"][1]["group"][1]["messageId"].is_string(), "{body}");
    }

    #[test]
    fn query_places_and_odd_bodies() {
        let send = SendSpec { bulk_id: Some(IdPlace::Query("bulkId".into())), message_ids: Vec::new() };
        let mut query = Query::new();
        query.push("to", "41793026727");
        let ids = send.assign(None, &mut query);
        let bulk = ids.bulk_id.expect("assigned");
        assert!(query.pairs().contains(&("bulkId".to_owned(), bulk.clone())));
        assert_eq!(send.assign(None, &mut query).bulk_id, Some(bulk), "kept");
        // Bodies that are not objects, or hold something else on the way, get nothing.
        let send = spec(Some("/options/schedule/bulkId"), &["/messages/*/messageId"]);
        for mut body in [json!([1, 2]), json!("text"), json!({"options": 3, "messages": {"a": 1}})] {
            let before = body.clone();
            assert_eq!(send.assign(Some(&mut body), &mut Query::new()), SendIds::default());
            assert_eq!(body, before);
        }
        let mut body = json!({"messages": [{"messageId": 7}]});
        assert!(send.assign(Some(&mut body), &mut Query::new()).message_ids.is_empty(), "a number is the caller's");
    }
}
