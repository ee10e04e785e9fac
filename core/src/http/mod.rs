//! The transport: request building, retries, `Retry-After`, throttling, request ids and
//! deprecation warnings. Everything a call goes through after its parameters are known.

mod multipart;
mod query;
mod retry;
mod throttle;
mod tls;
mod unread;

use std::collections::HashSet;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use bytes::Bytes;
use http::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, USER_AGENT};
use http::{HeaderMap, HeaderValue, Method};
use serde::de::DeserializeOwned;
use tokio::time::Instant;

pub(crate) use multipart::{Form, Pieces};
pub use query::{Query, decode_component, encode_component};
pub use throttle::RateLimit;
pub(crate) use throttle::Throttle;
pub(crate) use unread::{Streaming, Unread};

use crate::config::{BaseUrl, MAX_DEPTH, RequestOptions, RetryPolicy};
use crate::error::{ApiError, Error, OutcomeUnknown};
use crate::send::{InFlight, Sent};
use retry::{Failure, Next};

/// A request body and its content type.
#[derive(Clone, Debug)]
pub(crate) struct Body {
    content: Content,
    content_type: HeaderValue,
}

/// What a body sends: bytes, or pieces read as they are sent (uploads).
#[derive(Clone, Debug)]
enum Content {
    Bytes(Bytes),
    Pieces(Pieces),
}

impl Body {
    /// A JSON body.
    pub(crate) fn json<T: serde::Serialize + ?Sized>(value: &T) -> Result<Self, Error> {
        let bytes = serde_json::to_vec(value)
            .map_err(|e| Error::validation("body", format!("cannot be written as JSON: {e}")))?;
        Ok(Body {
            content: Content::Bytes(Bytes::from(bytes)),
            content_type: HeaderValue::from_static("application/json"),
        })
    }

    /// A form-encoded body.
    pub(crate) fn form(fields: &Query) -> Self {
        Body {
            content: Content::Bytes(Bytes::from(fields.encode())),
            content_type: HeaderValue::from_static("application/x-www-form-urlencoded"),
        }
    }

    /// An upload: a `multipart/form-data` form or a file, read as it is sent.
    pub(crate) fn pieces(pieces: Pieces, content_type: &str) -> Result<Self, Error> {
        let content_type = HeaderValue::from_str(content_type)
            .map_err(|_| Error::validation("body", format!("{content_type:?} cannot be sent as a content type")))?;
        Ok(Body { content: Content::Pieces(pieces), content_type })
    }

    /// The body for one attempt (pieces are read from their start again).
    fn for_attempt(&self) -> reqwest::Body {
        match &self.content {
            Content::Bytes(bytes) => reqwest::Body::from(bytes.clone()),
            Content::Pieces(pieces) => pieces.reader(),
        }
    }
}

/// A request ready to send, repeatable for retries.
#[derive(Clone, Debug)]
pub(crate) struct Prepared {
    pub(crate) method: Method,
    pub(crate) path: String,
    pub(crate) query: String,
    pub(crate) body: Option<Body>,
    /// The throttling key: `METHOD /path/template`.
    pub(crate) operation: String,
    /// Headers an operation declares, sent as given.
    pub(crate) headers: HeaderMap,
    /// What the `Accept` header asks for (`application/json` when not set).
    pub(crate) accept: Option<HeaderValue>,
    /// Where a success answer's body is left unread, for a download to stream (see [`Unread`]);
    /// `None` reads every body whole.
    pub(crate) streamed: Option<Unread>,
    /// Set when the request sends messages: the send rule applies (see [`crate::send`]).
    pub(crate) sent: Option<Sent>,
}

impl Prepared {
    pub(crate) fn new(method: Method, path: &str, query: Query, body: Option<Body>) -> Self {
        let operation = format!("{method} {path}");
        Prepared {
            method,
            path: path.to_owned(),
            query: query.encode(),
            body,
            operation,
            headers: HeaderMap::new(),
            accept: None,
            streamed: None,
            sent: None,
        }
    }
}

/// A successful response.
#[derive(Clone, Debug)]
pub struct Response {
    /// The HTTP status.
    pub status: u16,
    /// The response headers.
    pub headers: HeaderMap,
    /// The body.
    pub body: Bytes,
    /// The request id the API gave (`X-Request-Id`).
    pub request_id: Option<String>,
    /// Attempts made.
    pub attempts: u32,
    /// Set when the request sent messages: its operation and ids.
    pub sent: Option<Sent>,
}

impl Response {
    /// Reads the body as JSON into `T`. A body that cannot be read is a `decode` error; the
    /// answer to a send whose body cannot be read is `outcome_unknown` with the send's ids.
    pub fn json<T: DeserializeOwned>(&self) -> Result<T, Error> {
        decode_json(&self.body, "the response body").map_err(|e| crate::send::unreadable(self, e))
    }
}

/// Reads JSON into `T`; a failure is a `decode` error with the byte offset of the problem.
/// Nesting deeper than [`MAX_DEPTH`] is refused before it is parsed.
pub fn decode_json<T: DeserializeOwned>(bytes: &[u8], what: &str) -> Result<T, Error> {
    check_depth(bytes, what)?;
    serde_json::from_slice(bytes).map_err(|e| json_error(bytes, what, &e))
}

/// The `decode` error for JSON `bytes` (named `what`) that serde could not read: the message,
/// and the byte offset of the problem.
pub fn json_error(bytes: &[u8], what: &str, error: &serde_json::Error) -> Error {
    Error::decode(format!("{what}: {error}"), Some(byte_offset(bytes, error.line(), error.column())))
}

/// Refuses JSON text whose arrays and objects nest deeper than [`MAX_DEPTH`], with a `decode`
/// error at the byte where the limit is passed (strings are skipped, so brackets in them do not
/// count). Text that is not JSON otherwise passes: the parser says what is wrong with it.
pub fn check_depth(bytes: &[u8], what: &str) -> Result<(), Error> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (offset, byte) in bytes.iter().enumerate() {
        if in_string {
            match (escaped, byte) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(Error::decode(
                        format!("{what}: it nests deeper than the limit of {MAX_DEPTH} levels"),
                        Some(offset),
                    ));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

fn byte_offset(bytes: &[u8], line: usize, column: usize) -> usize {
    let line_start: usize = bytes.split(|b| *b == b'\n').take(line.saturating_sub(1)).map(|l| l.len() + 1).sum();
    (line_start + column.saturating_sub(1)).min(bytes.len())
}

/// Sends prepared requests: one connection pool, the retry policy, the throttle.
#[derive(Debug)]
pub(crate) struct Transport {
    pub(crate) http: reqwest::Client,
    pub(crate) base_url: BaseUrl,
    pub(crate) user_agent: HeaderValue,
    pub(crate) retry: RetryPolicy,
    pub(crate) timeout: Option<Duration>,
    pub(crate) throttle: Throttle,
    pub(crate) warned: Mutex<HashSet<String>>,
    /// The most bytes of an answer read, after decompression.
    pub(crate) max_response_bytes: usize,
}

enum Attempt {
    Done(Response),
    Status(ApiError),
    Failed(Failure, String),
    /// The answer (its status) had a body larger than the cap.
    TooLarge(u16, String),
    /// No throttle slot came before the wait's deadline; nothing was sent.
    Throttled(String),
}

impl Attempt {
    /// Whether the server may have acted on the request in this attempt.
    fn maybe_acted(&self) -> bool {
        match self {
            Attempt::Done(_) | Attempt::TooLarge(..) => true,
            Attempt::Status(api) => api.status >= 500,
            Attempt::Failed(failure, _) => *failure != Failure::Connect,
            Attempt::Throttled(_) => false,
        }
    }
}

impl Transport {
    /// Sends `request`, retrying by the policy, and turns error statuses into [`Error::Api`].
    /// Waiting for a throttle slot before the first attempt ends at `deadline` (the call's),
    /// before a retry one timeout after the retry is due. A request that sends messages follows
    /// the send rule (see [`crate::send`]).
    pub(crate) async fn run(
        &self,
        request: &Prepared,
        authorization: Option<&HeaderValue>,
        options: &RequestOptions,
        deadline: Option<Instant>,
    ) -> Result<Response, Error> {
        let max_retries = options.max_retries.unwrap_or(self.retry.max_retries);
        let idempotent =
            options.retry_non_idempotent || (request.sent.is_none() && retry::is_idempotent(&request.method));
        let timeout = options.timeout.or(self.timeout);
        let mut in_flight = request.sent.as_ref().map(|sent| InFlight::new(sent, options.tracker.as_ref()));
        let mut attempts = 0;
        let mut acted_before = false;
        loop {
            attempts += 1;
            let wait_until = if attempts == 1 { deadline } else { timeout.and_then(|t| Instant::now().checked_add(t)) };
            let outcome = match self.throttle.acquire(&request.operation, wait_until).await {
                Err(why) => Attempt::Throttled(why),
                Ok(()) => {
                    if let Some(in_flight) = in_flight.as_mut() {
                        in_flight.attempt();
                    }
                    let started = Instant::now();
                    let outcome = self.attempt(request, authorization, timeout).await;
                    self.log(request, &outcome, attempts, started.elapsed().as_millis());
                    outcome
                }
            };
            let retry = attempts - 1;
            let next = match &outcome {
                Attempt::Done(_) | Attempt::TooLarge(..) | Attempt::Throttled(_) => Next::Stop,
                Attempt::Status(api) => {
                    retry::after_status(api.status, idempotent, api.retry_after, retry, &self.retry, max_retries)
                }
                Attempt::Failed(failure, _) => {
                    retry::after_failure(*failure, idempotent, retry, &self.retry, max_retries)
                }
            };
            match next {
                Next::RetryAfter(wait) => {
                    acted_before |= outcome.maybe_acted();
                    tracing::info!(target: "infobip", method = %request.method, path = %request.path, attempt = attempts,
                        wait_ms = wait.as_millis(), "retrying");
                    tokio::time::sleep(wait).await;
                }
                Next::Stop => {
                    let result = self.finish(request, outcome, attempts, idempotent, acted_before);
                    if let Some(in_flight) = in_flight {
                        in_flight.done();
                    }
                    return result;
                }
            }
        }
    }

    fn log(&self, request: &Prepared, outcome: &Attempt, attempt: u32, elapsed_ms: u128) {
        match outcome {
            Attempt::Done(response) => {
                tracing::debug!(target: "infobip", method = %request.method, path = %request.path, status = response.status,
                    attempt, elapsed_ms, request_id = response.request_id.as_deref().unwrap_or(""), "response");
            }
            Attempt::Status(api) => {
                tracing::debug!(target: "infobip", method = %request.method, path = %request.path, status = api.status,
                    attempt, elapsed_ms, request_id = api.request_id.as_deref().unwrap_or(""), "error response");
            }
            Attempt::Failed(failure, message) => {
                tracing::debug!(target: "infobip", method = %request.method, path = %request.path, attempt,
                    elapsed_ms, failure = ?failure, message = %message, "request failed");
            }
            Attempt::TooLarge(status, message) => {
                tracing::debug!(target: "infobip", method = %request.method, path = %request.path, status, attempt,
                    elapsed_ms, message = %message, "answer too large");
            }
            Attempt::Throttled(_) => {}
        }
    }

    fn finish(
        &self,
        request: &Prepared,
        outcome: Attempt,
        attempts: u32,
        idempotent: bool,
        acted_before: bool,
    ) -> Result<Response, Error> {
        let operation = format!("{} {}", request.method, request.path);
        if let Some(sent) = &request.sent {
            // A send in doubt: it may have been acted on, now or in an earlier attempt.
            let in_doubt = match &outcome {
                Attempt::Done(_) => None,
                Attempt::Throttled(_) if !acted_before => None,
                Attempt::Status(api) if api.status >= 500 => Some(format!(
                    "the API answered {}, so the send may or may not have been accepted: {api}",
                    api.status
                )),
                Attempt::Status(api) if acted_before => Some(format!(
                    "an earlier attempt may have been accepted, and the last one was answered {}",
                    api.status
                )),
                Attempt::Failed(Failure::Timeout, message) => {
                    Some(format!("no response arrived in time after the request was sent ({message})"))
                }
                Attempt::Failed(Failure::Cut, message) => {
                    Some(format!("the connection broke after the request was sent ({message})"))
                }
                Attempt::Failed(Failure::Connect, message) if acted_before => Some(format!(
                    "an earlier attempt may have been accepted, and the last one failed to connect ({message})"
                )),
                Attempt::Failed(Failure::Tls, message) if acted_before => Some(format!(
                    "an earlier attempt may have been accepted, and the last one failed its TLS handshake ({message})"
                )),
                Attempt::Throttled(why) => Some(format!("an earlier attempt may have been accepted; then {why}")),
                Attempt::TooLarge(status, message) => Some(format!(
                    "the API answered {status} but its body could not be read, so which messages were accepted is not known: {message}"
                )),
                Attempt::Status(_) | Attempt::Failed(Failure::Connect | Failure::Tls, _) => None,
            };
            if let Some(reason) = in_doubt {
                let status = match &outcome {
                    Attempt::Status(api) => Some(api.status),
                    Attempt::TooLarge(status, _) => Some(*status),
                    _ => None,
                };
                return Err(crate::send::unknown(operation, &sent.ids, reason, attempts, status));
            }
        }
        match outcome {
            Attempt::Done(mut response) => {
                response.attempts = attempts;
                response.sent = request.sent.clone();
                Ok(response)
            }
            Attempt::Status(mut api) => {
                if api.status == 403 {
                    api.required_scopes = crate::catalog::operation_for(&request.operation)
                        .map(|op| op.scopes.clone())
                        .unwrap_or_default();
                }
                api.attempts = attempts;
                api.operation = operation;
                api.base_url = self.base_url.to_string();
                Err(Error::Api(Box::new(api)))
            }
            Attempt::TooLarge(status, message) => {
                Err(Error::decode(format!("the body of the {status} answer to {operation}: {message}"), None))
            }
            Attempt::Throttled(why) => {
                Err(Error::Timeout { message: format!("{operation}: {why}; it was not sent"), attempts: attempts - 1 })
            }
            Attempt::Failed(Failure::Connect, message) => {
                Err(Error::Connection { message: format!("{operation}: {message}"), attempts })
            }
            Attempt::Failed(Failure::Tls, message) => Err(Error::Connection {
                message: format!("{operation}: {message} ({})", tls::advice(&message)),
                attempts,
            }),
            Attempt::Failed(Failure::Timeout, message) if idempotent => {
                Err(Error::Timeout { message: format!("{operation}: {message}"), attempts })
            }
            Attempt::Failed(Failure::Cut, message) if idempotent => {
                Err(Error::Connection { message: format!("{operation}: {message}"), attempts })
            }
            Attempt::Failed(failure, message) => Err(Error::OutcomeUnknown(Box::new(OutcomeUnknown {
                reason: match failure {
                    Failure::Timeout => format!("no response arrived in time after the request was sent ({message})"),
                    _ => format!("the connection broke after the request was sent ({message})"),
                },
                operation,
                bulk_id: None,
                message_ids: Vec::new(),
                attempts,
                status: None,
            }))),
        }
    }

    async fn attempt(
        &self,
        request: &Prepared,
        authorization: Option<&HeaderValue>,
        timeout: Option<Duration>,
    ) -> Attempt {
        let mut url = format!("{}{}", self.base_url, request.path);
        if !request.query.is_empty() {
            url.push('?');
            url.push_str(&request.query);
        }
        let accept = request.accept.clone().unwrap_or(HeaderValue::from_static("application/json"));
        let mut builder = self
            .http
            .request(request.method.clone(), url)
            .header(USER_AGENT, self.user_agent.clone())
            .header(ACCEPT, accept);
        for (name, value) in &request.headers {
            builder = builder.header(name, value.clone());
        }
        if let Some(auth) = authorization {
            builder = builder.header(AUTHORIZATION, auth.clone());
        }
        if let Some(body) = &request.body {
            builder = builder.header(CONTENT_TYPE, body.content_type.clone()).body(body.for_attempt());
        }
        let response = match unread::send(builder, timeout, request.streamed.is_some()).await {
            Ok(r) => r,
            Err((failure, message)) => return Attempt::Failed(failure, message),
        };
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        if let Some(slot) = request.streamed.as_ref().filter(|_| status < 400) {
            self.warn_if_deprecated(request, &headers);
            let request_id = crate::error::request_id(&headers);
            slot.fill(response, timeout);
            return Attempt::Done(Response {
                status,
                headers,
                body: Bytes::new(),
                request_id,
                attempts: 0,
                sent: None,
            });
        }
        let body = match self.read_body(response).await {
            Ok(b) => b,
            Err(NotRead::TooLarge) => {
                let cap = self.max_response_bytes;
                return Attempt::TooLarge(
                    status,
                    format!("it is larger than the client's cap of {cap} bytes (max_response_bytes)"),
                );
            }
            Err(NotRead::Failed(e)) => {
                let failure = if e.is_timeout() { Failure::Timeout } else { Failure::Cut };
                return Attempt::Failed(failure, format!("reading the body of a {status} response: {}", describe(e)));
            }
        };
        self.warn_if_deprecated(request, &headers);
        if status >= 400 {
            return Attempt::Status(ApiError::from_response(status, &headers, &body));
        }
        let request_id = crate::error::request_id(&headers);
        Attempt::Done(Response { status, headers, body, request_id, attempts: 0, sent: None })
    }

    /// Reads the body chunk by chunk (decompressed as it arrives), stopping as soon as it passes
    /// the cap: a small compressed answer that inflates to gigabytes never takes more memory
    /// than the cap.
    async fn read_body(&self, mut response: reqwest::Response) -> Result<Bytes, NotRead> {
        let cap = self.max_response_bytes;
        let expected = response.content_length().and_then(|n| usize::try_from(n).ok()).unwrap_or(0);
        let mut body = Vec::with_capacity(expected.min(cap).min(1 << 20));
        while let Some(chunk) = response.chunk().await.map_err(NotRead::Failed)? {
            if chunk.len() > cap - body.len() {
                return Err(NotRead::TooLarge);
            }
            body.extend_from_slice(&chunk);
        }
        Ok(Bytes::from(body))
    }

    /// Warns once per operation when the response's `Deprecation`/`Sunset` headers, or the
    /// spec's data for the operation (when its key names the template exactly, as typed calls
    /// and `call` do), say it is deprecated.
    fn warn_if_deprecated(&self, request: &Prepared, headers: &HeaderMap) {
        let deprecation = headers.get("deprecation").and_then(|v| v.to_str().ok());
        let sunset = headers.get("sunset").and_then(|v| v.to_str().ok());
        let spec = crate::catalog::operation_by_key(&request.operation).filter(|op| op.deprecated);
        if deprecation.is_none() && sunset.is_none() && spec.is_none() {
            return;
        }
        let first = self.warned.lock().unwrap_or_else(PoisonError::into_inner).insert(request.operation.clone());
        if first {
            let info = spec.and_then(|op| op.deprecation.as_ref());
            let field = |f: fn(&crate::catalog::Deprecation) -> &Option<String>| {
                info.and_then(|i| f(i).as_deref()).unwrap_or("")
            };
            tracing::warn!(target: "infobip", operation = %request.operation, deprecation = deprecation.unwrap_or(field(|i| &i.since)),
                sunset = sunset.unwrap_or(field(|i| &i.sunset)), successor = field(|i| &i.successor),
                "this operation is deprecated; it will stop working at its sunset date");
        }
    }
}

/// Why a body was not read.
enum NotRead {
    TooLarge,
    Failed(reqwest::Error),
}

pub(crate) fn classify(error: &reqwest::Error) -> Failure {
    if tls::refused(error) {
        Failure::Tls
    } else if error.is_connect() {
        Failure::Connect
    } else if error.is_timeout() {
        Failure::Timeout
    } else {
        Failure::Cut
    }
}

/// Describes a transport error without its URL (which may carry query parameters).
pub(crate) fn describe(error: reqwest::Error) -> String {
    use std::error::Error as _;
    let error = error.without_url();
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_errors_carry_the_byte_offset() {
        #[derive(serde::Deserialize, Debug)]
        struct T {
            #[allow(dead_code)]
            a: u32,
        }
        let body = b"{\n  \"a\": \"x\"\n}";
        let err = decode_json::<T>(body, "test body").expect_err("bad type");
        match err {
            Error::Decode { offset: Some(offset), message } => {
                assert_eq!(offset, 11, "{message}"); // the closing quote of "x"
                assert!(message.contains("test body"));
            }
            other => panic!("{other:?}"),
        }
    }
}
