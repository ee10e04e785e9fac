//! Sends that are never lost or doubled.
//!
//! Before a send goes out, every destination without a message id gets one and the request
//! gets a bulk id if it has none (UUID v4; ids the caller gave are kept). A send is never
//! retried after it may have reached the API. When its outcome is in doubt (a timeout after
//! the request was written, a connection cut before the response, any 5xx, or a 2xx whose body
//! cannot be read) the call fails with
//! [`Error::OutcomeUnknown`] carrying the bulk id and every message id, so the caller can look
//! them up with [`Sms::logs`](super::Sms::logs) filtered by the bulk id before deciding to send
//! again.

use crate::error::{Error, OutcomeUnknown};
use crate::http::Response;
use crate::reply::{Traced, read};

/// A new id for a bulk or a message.
pub(crate) fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// The ids of a send, fixed before it goes out.
#[derive(Clone, Debug, Default)]
pub(crate) struct SendIds {
    pub(crate) bulk_id: Option<String>,
    pub(crate) message_ids: Vec<String>,
}

impl SendIds {
    /// Gives `id` a new value when it has none, and returns it.
    pub(crate) fn fill(id: &mut Option<String>) -> String {
        id.get_or_insert_with(new_id).clone()
    }
}

/// How a failed send is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Doubt {
    /// A POST: the transport already tells a connection that failed before writing apart.
    AfterWrite,
    /// A GET send (`/sms/3/text/query`, sent with retries off), or a POST the caller let the
    /// transport retry: a connection error may follow an attempt that reached the API, so any
    /// timeout or connection failure is in doubt.
    AnyFailure,
}

impl Doubt {
    /// How a failed POST send made with `options` is read.
    pub(crate) fn of_post(options: &crate::config::RequestOptions) -> Doubt {
        if options.retry_non_idempotent { Doubt::AnyFailure } else { Doubt::AfterWrite }
    }
}

/// Reads the answer of a send. A failure whose outcome is in doubt becomes
/// [`Error::OutcomeUnknown`] with the ids; so does a 2xx whose body cannot be read, since
/// which of its messages were accepted (and which rejected) is then unknown.
pub(crate) fn finish<T: Traced>(
    result: Result<Response, Error>,
    operation: &str,
    ids: SendIds,
    doubt: Doubt,
) -> Result<T, Error> {
    let unknown = |reason: String, attempts: u32, status: Option<u16>| {
        Error::OutcomeUnknown(Box::new(OutcomeUnknown {
            reason,
            operation: operation.to_owned(),
            bulk_id: ids.bulk_id.clone(),
            message_ids: ids.message_ids.clone(),
            attempts,
            status,
        }))
    };
    match result {
        Ok(response) => {
            let (status, attempts) = (response.status, response.attempts);
            read(response).map_err(|error| match error {
                Error::Decode { message, .. } => unknown(
                    format!("the API answered {status} but its body could not be read, so which messages were accepted is not known: {message}"),
                    attempts,
                    Some(status),
                ),
                other => other,
            })
        }
        Err(Error::OutcomeUnknown(outcome)) => Err(unknown(outcome.reason, outcome.attempts, outcome.status)),
        Err(Error::Api(api)) if api.status >= 500 => {
            let status = api.status;
            let reason = format!("the API answered {status}, so the send may or may not have been accepted: {api}");
            Err(unknown(reason, api.attempts, Some(status)))
        }
        Err(Error::Timeout { message, attempts }) => Err(unknown(format!("timed out: {message}"), attempts, None)),
        Err(Error::Connection { message, attempts }) if doubt == Doubt::AnyFailure => {
            Err(unknown(format!("connection failed: {message}"), attempts, None))
        }
        Err(other) => Err(other),
    }
}

/// Gives every destination a message id and the request a bulk id, keeping those set.
pub(crate) fn assign_request_ids(request: &mut super::SmsRequest) -> SendIds {
    let bulk_id = SendIds::fill(&mut request.schedule_mut().bulk_id);
    let message_ids = request.destinations_mut().map(|d| SendIds::fill(&mut d.message_id)).collect();
    SendIds { bulk_id: Some(bulk_id), message_ids }
}

/// The same for a v2 send.
pub(crate) fn assign_legacy_ids(request: &mut super::LegacySendRequest) -> SendIds {
    let bulk_id = SendIds::fill(&mut request.bulk_id);
    let message_ids = request
        .messages
        .iter_mut()
        .flat_map(|m| m.destinations.iter_mut())
        .map(|d| SendIds::fill(&mut d.message_id))
        .collect();
    SendIds { bulk_id: Some(bulk_id), message_ids }
}
