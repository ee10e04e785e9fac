//! The HTTP server: accept loop, per-connection IO that can be reset on demand, body limits,
//! request recording, fault injection and the admin / API split.

use crate::state::{FaultKind, RecordedRequest, Shared};
use bytes::Bytes;
use http::{HeaderMap, HeaderValue, Response, StatusCode};
use http_body_util::BodyExt;
use hyper::body::{Body, Frame, Incoming};
use hyper_util::rt::TokioIo;
use serde_json::Value;
use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};

/// The response body type: a full buffer, a body that fails (to cut a response short), or a
/// stream of chunks (the inbox's Server-Sent Events; it ends when the sender is dropped).
pub(crate) enum ResBody {
    Full(Option<Bytes>),
    Failing { sleep: Pin<Box<tokio::time::Sleep>>, abort: Arc<AtomicBool> },
    Stream(tokio::sync::mpsc::Receiver<Bytes>),
}

tokio::task_local! {
    /// The `X-Request-ID` of the request being handled (stamped on what it stores).
    static REQUEST_ID: String;
}

/// The id of the request this task is handling, if any.
pub(crate) fn current_request_id() -> Option<String> {
    REQUEST_ID.try_with(Clone::clone).ok()
}

impl Body for ResBody {
    type Data = Bytes;
    type Error = io::Error;

    fn poll_frame(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Frame<Bytes>, io::Error>>> {
        match self.get_mut() {
            ResBody::Full(b) => Poll::Ready(b.take().map(|b| Ok(Frame::data(b)))),
            ResBody::Failing { sleep, abort } => match sleep.as_mut().poll(cx) {
                Poll::Ready(()) => {
                    abort.store(true, Ordering::SeqCst);
                    Poll::Ready(Some(Err(io::Error::new(
                        io::ErrorKind::ConnectionReset,
                        "emulator fault: reset after status line",
                    ))))
                }
                Poll::Pending => Poll::Pending,
            },
            ResBody::Stream(rx) => rx.poll_recv(cx).map(|chunk| chunk.map(|b| Ok(Frame::data(b)))),
        }
    }

    fn is_end_stream(&self) -> bool {
        matches!(self, ResBody::Full(None))
    }

    fn size_hint(&self) -> hyper::body::SizeHint {
        match self {
            ResBody::Full(Some(b)) => hyper::body::SizeHint::with_exact(b.len() as u64),
            ResBody::Full(None) => hyper::body::SizeHint::with_exact(0),
            ResBody::Failing { .. } | ResBody::Stream(_) => hyper::body::SizeHint::default(),
        }
    }
}

/// A TCP stream that, once its abort flag is set, fails every operation and closes with RST.
struct AbortableIo {
    inner: TcpStream,
    abort: Arc<AtomicBool>,
}

impl AbortableIo {
    fn aborted(&self) -> bool {
        self.abort.load(Ordering::SeqCst)
    }
    fn reset_err() -> io::Error {
        io::Error::new(io::ErrorKind::ConnectionReset, "emulator fault: connection reset")
    }
}

impl Drop for AbortableIo {
    fn drop(&mut self) {
        if self.aborted() {
            // Linger 0 makes the close send RST instead of FIN.
            let _ = socket2::SockRef::from(&self.inner).set_linger(Some(Duration::ZERO));
        }
    }
}

impl AsyncRead for AbortableIo {
    fn poll_read(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        if self.aborted() {
            return Poll::Ready(Err(Self::reset_err()));
        }
        Pin::new(&mut self.get_mut().inner).poll_read(cx, buf)
    }
}

impl AsyncWrite for AbortableIo {
    fn poll_write(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        if self.aborted() {
            return Poll::Ready(Err(Self::reset_err()));
        }
        Pin::new(&mut self.get_mut().inner).poll_write(cx, buf)
    }
    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        if self.aborted() {
            return Poll::Ready(Err(Self::reset_err()));
        }
        Pin::new(&mut self.get_mut().inner).poll_flush(cx)
    }
    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        if self.aborted() {
            return Poll::Ready(Err(Self::reset_err()));
        }
        Pin::new(&mut self.get_mut().inner).poll_shutdown(cx)
    }
}

/// The first pause after a failed `accept` (out of file descriptors, say); it doubles up to
/// [`ACCEPT_BACKOFF_MAX`] while accepting keeps failing, so the loop never spins.
const ACCEPT_BACKOFF: Duration = Duration::from_millis(5);
/// The longest pause between failed `accept`s.
const ACCEPT_BACKOFF_MAX: Duration = Duration::from_secs(1);

/// Serves connections from `listener` until the shared shutdown signal fires; over TLS when an
/// acceptor is given.
pub(crate) async fn accept_loop(listener: TcpListener, shared: Arc<Shared>, tls: Option<tokio_rustls::TlsAcceptor>) {
    let mut shutdown = shared.shutdown.clone();
    let mut backoff = ACCEPT_BACKOFF;
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    backoff = ACCEPT_BACKOFF;
                    let _ = stream.set_nodelay(true);
                    tokio::spawn(serve_connection(stream, shared.clone(), tls.clone()));
                }
                Err(e) => {
                    eprintln!("infobip-emulator: accept failed ({e}); pausing {backoff:?}");
                    tokio::select! {
                        _ = tokio::time::sleep(backoff) => {}
                        _ = shutdown.changed() => return,
                    }
                    backoff = (backoff * 2).min(ACCEPT_BACKOFF_MAX);
                }
            },
            _ = shutdown.changed() => return,
        }
        if *shutdown.borrow() {
            return;
        }
    }
}

async fn serve_connection(stream: TcpStream, shared: Arc<Shared>, tls: Option<tokio_rustls::TlsAcceptor>) {
    let abort = Arc::new(AtomicBool::new(false));
    let io = AbortableIo { inner: stream, abort: abort.clone() };
    match tls {
        None => serve_http(TokioIo::new(io), shared, abort).await,
        // A handshake that fails (an untrusted certificate, a missing client certificate) or
        // stalls just ends the connection.
        Some(acceptor) => {
            if let Ok(Ok(stream)) = tokio::time::timeout(Duration::from_secs(10), acceptor.accept(io)).await {
                serve_http(TokioIo::new(stream), shared, abort).await;
            }
        }
    }
}

async fn serve_http<I>(io: TokioIo<I>, shared: Arc<Shared>, abort: Arc<AtomicBool>)
where
    I: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let svc_shared = shared.clone();
    let service = hyper::service::service_fn(move |req| {
        let shared = svc_shared.clone();
        let abort = abort.clone();
        async move { guarded(shared, abort, req).await }
    });
    let conn = hyper::server::conn::http1::Builder::new().keep_alive(true).serve_connection(io, service);
    let mut conn = std::pin::pin!(conn);
    let mut shutdown = shared.shutdown.clone();
    tokio::select! {
        _ = conn.as_mut() => {}
        _ = shutdown.changed() => {
            conn.as_mut().graceful_shutdown();
            let _ = tokio::time::timeout(Duration::from_secs(1), conn).await;
        }
    }
}

/// Handles a request; a handler that panics is answered 500 (and counted) instead of taking the
/// connection down.
async fn guarded(
    shared: Arc<Shared>,
    abort: Arc<AtomicBool>,
    req: hyper::Request<Incoming>,
) -> Result<Response<ResBody>, io::Error> {
    use futures_util::FutureExt as _;
    let handled = std::panic::AssertUnwindSafe(handle(shared.clone(), abort, req)).catch_unwind().await;
    handled.unwrap_or_else(|panic| {
        shared.panics.fetch_add(1, Ordering::SeqCst);
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        eprintln!("infobip-emulator: a handler panicked (a bug of the emulator): {what}");
        Ok(json_response(&shared, 500, &serde_json::json!({"error": "the emulator failed to handle this request"})))
    })
}

/// Builds a JSON response.
pub(crate) fn json_response(shared: &Shared, status: u16, body: &Value) -> Response<ResBody> {
    let bytes = serde_json::to_vec(body).unwrap_or_default();
    raw_response(shared, status, Some(Bytes::from(bytes)), "application/json")
}

/// Builds a response with an optional body and content type.
pub(crate) fn raw_response(shared: &Shared, status: u16, body: Option<Bytes>, content_type: &str) -> Response<ResBody> {
    let mut r = Response::new(ResBody::Full(body.clone().filter(|b| !b.is_empty())));
    *r.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let h = r.headers_mut();
    if body.is_some_and(|b| !b.is_empty())
        && let Ok(v) = HeaderValue::from_str(content_type)
    {
        h.insert(http::header::CONTENT_TYPE, v);
    }
    if let Ok(v) = HeaderValue::from_str(&current_request_id().unwrap_or_else(|| shared.request_id())) {
        h.insert("x-request-id", v);
    }
    r
}

/// Why a body could not be read.
pub(crate) enum BodyError {
    TooLarge,
    Io,
}

/// Reads a request body up to `max` bytes; a larger body is drained (bounded) and refused.
pub(crate) async fn read_body(mut body: Incoming, max: usize) -> Result<Bytes, BodyError> {
    let mut buf: Vec<u8> = Vec::new();
    let mut total: usize = 0;
    let drain_limit = max.saturating_mul(16).max(64 * 1024 * 1024);
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|_| BodyError::Io)?;
        if let Ok(data) = frame.into_data() {
            total = total.saturating_add(data.len());
            if total <= max {
                buf.extend_from_slice(&data);
            } else if total > drain_limit {
                return Err(BodyError::TooLarge);
            }
        }
    }
    if total > max {
        return Err(BodyError::TooLarge);
    }
    Ok(Bytes::from(buf))
}

fn header_map_to_record(headers: &HeaderMap) -> std::collections::BTreeMap<String, String> {
    let mut out: std::collections::BTreeMap<String, String> = std::collections::BTreeMap::new();
    for (k, v) in headers {
        let v = String::from_utf8_lossy(v.as_bytes()).into_owned();
        out.entry(k.as_str().to_string())
            .and_modify(|e| {
                e.push_str(", ");
                e.push_str(&v);
            })
            .or_insert(v);
    }
    out
}

async fn handle(
    shared: Arc<Shared>,
    abort: Arc<AtomicBool>,
    req: hyper::Request<Incoming>,
) -> Result<Response<ResBody>, io::Error> {
    let request_id = shared.request_id();
    REQUEST_ID.scope(request_id, handle_request(shared, abort, req)).await
}

async fn handle_request(
    shared: Arc<Shared>,
    abort: Arc<AtomicBool>,
    req: hyper::Request<Incoming>,
) -> Result<Response<ResBody>, io::Error> {
    let (parts, body) = req.into_parts();
    let path = parts.uri.path().to_string();
    let query = parts.uri.query().unwrap_or("").to_string();
    let method = parts.method.clone();

    let too_large_by_header = parts
        .headers
        .get(http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok())
        .is_some_and(|n| n > shared.config.max_body_bytes.saturating_mul(16) as u64);
    let body = if too_large_by_header {
        Err(BodyError::TooLarge)
    } else {
        read_body(body, shared.config.max_body_bytes).await
    };

    if path == "/_emulator" || path.starts_with("/_emulator/") {
        if let Some(why) = crate::guard::refusal(&method, &parts.headers) {
            return Ok(json_response(&shared, 403, &serde_json::json!({"error": why})));
        }
        if path == "/_emulator/ui" || path.starts_with("/_emulator/ui/") {
            return Ok(match body {
                Ok(b) => crate::inbox::http::handle(&shared, &method, &path, &query, &b),
                Err(_) => json_response(&shared, 413, &serde_json::json!({"error": "body too large"})),
            });
        }
        return Ok(match body {
            Ok(b) => crate::admin::handle(&shared, &method, &path, &query, &b).await,
            Err(_) => json_response(&shared, 413, &serde_json::json!({"error": "body too large"})),
        });
    }

    {
        let mut st = shared.lock();
        let limit = shared.config.max_recorded_requests;
        if limit > 0 {
            while st.requests.len() >= limit {
                st.requests.pop_front();
            }
            st.requests.push_back(RecordedRequest {
                method: method.to_string(),
                path: path.clone(),
                query: query.clone(),
                headers: header_map_to_record(&parts.headers),
                body: match &body {
                    Ok(b) => String::from_utf8_lossy(b).into_owned(),
                    Err(_) => "<body too large>".to_string(),
                },
                received_at: crate::time::format(chrono::Utc::now()),
                parts: body.as_ref().map(|b| crate::multipart::record(&parts.headers, b)).unwrap_or_default(),
                binary: body.as_ref().ok().and_then(|b| crate::multipart::record_binary(&parts.headers, b)),
            });
        }
    }

    // Faults first: they replace or delay whatever the request would have produced.
    let fault = {
        let mut st = shared.lock();
        let m = method.as_str();
        let found = st.faults.iter_mut().find(|f| f.matches(m, &path));
        found
            .map(|f| {
                f.count -= 1;
                f.clone()
            })
            .inspect(|_| st.faults.retain(|f| f.count > 0))
    };
    if fault.is_some() {
        shared.changed();
    }
    // A delay fault acts on the request first and answers late, like a slow server: the work is
    // done even when the client gives up waiting (what `outcome_unknown` is about).
    let mut answer_after = Duration::ZERO;
    if let Some(f) = fault {
        let kind = f.effective_kind();
        if matches!(kind, FaultKind::Delay) {
            answer_after = Duration::from_millis(f.delay_ms);
        } else if f.delay_ms > 0 {
            tokio::time::sleep(Duration::from_millis(f.delay_ms)).await;
        }
        let shape = crate::api::shape_for(method.as_str(), &path);
        match kind {
            FaultKind::Delay => {}
            FaultKind::ResetBeforeResponse => {
                abort.store(true, Ordering::SeqCst);
                return Err(io::Error::new(io::ErrorKind::ConnectionReset, "emulator fault: reset"));
            }
            FaultKind::ResetAfterStatusLine => {
                let mut r = Response::new(ResBody::Failing {
                    sleep: Box::pin(tokio::time::sleep(Duration::from_millis(50))),
                    abort: abort.clone(),
                });
                *r.status_mut() = StatusCode::from_u16(f.status.unwrap_or(200)).unwrap_or(StatusCode::OK);
                r.headers_mut().insert(http::header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
                r.headers_mut().insert(http::header::CONTENT_LENGTH, HeaderValue::from_static("1024"));
                add_headers(&mut r, &f.headers);
                return Ok(r);
            }
            FaultKind::MalformedBody => {
                let mut r = raw_response(
                    &shared,
                    f.status.unwrap_or(200),
                    Some(Bytes::from_static(b"{\"bulkId\":\"2034072219640523072\",\"messages\":[{\"messageId\":")),
                    "application/json",
                );
                add_headers(&mut r, &f.headers);
                return Ok(r);
            }
            FaultKind::GzipBomb => {
                let inflated = f.body.as_ref().and_then(Value::as_u64).unwrap_or(64 << 20).min(4 << 30);
                let mut r =
                    raw_response(&shared, f.status.unwrap_or(200), Some(gzip_bomb(inflated)), "application/json");
                r.headers_mut().insert(http::header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
                add_headers(&mut r, &f.headers);
                return Ok(r);
            }
            FaultKind::Status => {
                let status = f.status.unwrap_or(500);
                let mut r = match &f.body {
                    Some(Value::String(s)) => {
                        raw_response(&shared, status, Some(Bytes::from(s.clone())), "application/json")
                    }
                    Some(v) => json_response(&shared, status, v),
                    None => json_response(&shared, status, &crate::errors::body(shape, status, &[], None)),
                };
                add_headers(&mut r, &f.headers);
                return Ok(r);
            }
        }
    }

    let body = match body {
        Ok(b) => b,
        Err(BodyError::TooLarge) => {
            let shape = crate::api::shape_for(method.as_str(), &path);
            return Ok(json_response(&shared, 413, &crate::errors::body(shape, 413, &[], None)));
        }
        Err(BodyError::Io) => {
            return Err(io::Error::new(io::ErrorKind::InvalidData, "request body could not be read"));
        }
    };
    let response = crate::api::dispatch(&shared, &method, &path, &query, &parts.headers, body).await;
    if !answer_after.is_zero() {
        tokio::time::sleep(answer_after).await;
    }
    Ok(response)
}

/// A gzip stream of `inflated` spaces, made once per size and kept.
fn gzip_bomb(inflated: u64) -> Bytes {
    use std::io::Write as _;
    static MADE: std::sync::Mutex<Option<(u64, Bytes)>> = std::sync::Mutex::new(None);
    let mut made = MADE.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some((size, bytes)) = made.as_ref()
        && *size == inflated
    {
        return bytes.clone();
    }
    let chunk = vec![b' '; 1 << 20];
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let mut left = inflated;
    while left > 0 {
        let n = usize::try_from(left.min(chunk.len() as u64)).unwrap_or(chunk.len());
        // Writing into a Vec cannot fail.
        let _ = encoder.write_all(&chunk[..n]);
        left -= n as u64;
    }
    let bytes = Bytes::from(encoder.finish().unwrap_or_default());
    *made = Some((inflated, bytes.clone()));
    bytes
}

fn add_headers(r: &mut Response<ResBody>, headers: &std::collections::HashMap<String, String>) {
    for (k, v) in headers {
        if let (Ok(k), Ok(v)) = (http::header::HeaderName::from_bytes(k.as_bytes()), HeaderValue::from_str(v)) {
            r.headers_mut().insert(k, v);
        }
    }
}
