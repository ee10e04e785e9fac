//! Shared helpers for the emulator's integration tests: a tiny HTTP client and a webhook receiver.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::{TokioExecutor, TokioIo};
use serde_json::Value;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub const KEY: &str = "App emulator-api-key";
pub const LIMITED: &str = "App emulator-limited-key";

/// A response read fully.
#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub headers: http::HeaderMap,
    pub body: Bytes,
}

impl Resp {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
}

/// A minimal HTTP/1.1 client bound to one base URL.
#[derive(Clone)]
pub struct Http {
    pub base: String,
    client: Client<HttpConnector, Full<Bytes>>,
}

impl Http {
    pub fn new(base: &str) -> Self {
        Self { base: base.to_string(), client: Client::builder(TokioExecutor::new()).build_http() }
    }

    pub async fn send(
        &self,
        method: &str,
        path: &str,
        auth: Option<&str>,
        content_type: Option<&str>,
        body: Vec<u8>,
    ) -> Resp {
        self.try_send(method, path, auth, content_type, body).await.expect("request failed")
    }

    pub async fn try_send(
        &self,
        method: &str,
        path: &str,
        auth: Option<&str>,
        content_type: Option<&str>,
        body: Vec<u8>,
    ) -> Result<Resp, String> {
        let mut b = http::Request::builder().method(method).uri(format!("{}{}", self.base, path));
        if let Some(a) = auth {
            b = b.header("authorization", a);
        }
        if let Some(ct) = content_type {
            b = b.header("content-type", ct);
        }
        let req = b.body(Full::new(Bytes::from(body))).unwrap();
        let resp = tokio::time::timeout(Duration::from_secs(30), self.client.request(req))
            .await
            .map_err(|_| "timeout".to_string())?
            .map_err(|e| format!("{e:?}"))?;
        let status = resp.status().as_u16();
        let headers = resp.headers().clone();
        let body = resp.into_body().collect().await.map_err(|e| format!("body: {e:?}"))?.to_bytes();
        Ok(Resp { status, headers, body })
    }

    pub async fn get(&self, path: &str, auth: Option<&str>) -> Resp {
        self.send("GET", path, auth, None, vec![]).await
    }

    pub async fn post(&self, path: &str, auth: Option<&str>, body: &Value) -> Resp {
        self.send("POST", path, auth, Some("application/json"), serde_json::to_vec(body).unwrap()).await
    }

    pub async fn put(&self, path: &str, auth: Option<&str>, body: &Value) -> Resp {
        self.send("PUT", path, auth, Some("application/json"), serde_json::to_vec(body).unwrap()).await
    }

    pub async fn admin(&self, method: &str, path: &str, body: Option<&Value>) -> Resp {
        let bytes = body.map(|b| serde_json::to_vec(b).unwrap()).unwrap_or_default();
        self.send(method, &format!("/_emulator{path}"), None, Some("application/json"), bytes).await
    }
}

/// A webhook receiver on 127.0.0.1 that fails the first `fail_first` requests with 500.
pub struct Receiver {
    pub url: String,
    pub bodies: Arc<Mutex<Vec<Value>>>,
    /// Accepted bodies that are not JSON, with their `Content-Type`.
    pub other: Arc<Mutex<Vec<(String, Bytes)>>>,
    pub hits: Arc<AtomicUsize>,
    _stop: tokio::sync::oneshot::Sender<()>,
}

impl Receiver {
    pub async fn start(fail_first: usize) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/hook", listener.local_addr().unwrap());
        let bodies: Arc<Mutex<Vec<Value>>> = Arc::default();
        let other: Arc<Mutex<Vec<(String, Bytes)>>> = Arc::default();
        let hits = Arc::new(AtomicUsize::new(0));
        let (tx, mut rx) = tokio::sync::oneshot::channel::<()>();
        let (b, o, h) = (bodies.clone(), other.clone(), hits.clone());
        tokio::spawn(async move {
            loop {
                let (stream, _) = tokio::select! {
                    a = listener.accept() => match a { Ok(a) => a, Err(_) => continue },
                    _ = &mut rx => return,
                };
                let (b, o, h) = (b.clone(), o.clone(), h.clone());
                tokio::spawn(async move {
                    let svc = hyper::service::service_fn(move |req: hyper::Request<hyper::body::Incoming>| {
                        let (b, o, h) = (b.clone(), o.clone(), h.clone());
                        async move {
                            let content_type = req
                                .headers()
                                .get(hyper::header::CONTENT_TYPE)
                                .and_then(|v| v.to_str().ok())
                                .unwrap_or_default()
                                .to_string();
                            let bytes = req.into_body().collect().await.map(|c| c.to_bytes()).unwrap_or_default();
                            let n = h.fetch_add(1, Ordering::SeqCst);
                            let status = if n < fail_first {
                                500
                            } else {
                                match serde_json::from_slice::<Value>(&bytes) {
                                    Ok(v) => b.lock().unwrap().push(v),
                                    Err(_) => o.lock().unwrap().push((content_type, bytes)),
                                }
                                200
                            };
                            let mut r = hyper::Response::new(Full::new(Bytes::new()));
                            *r.status_mut() = hyper::StatusCode::from_u16(status).unwrap();
                            Ok::<_, std::convert::Infallible>(r)
                        }
                    });
                    let _ =
                        hyper::server::conn::http1::Builder::new().serve_connection(TokioIo::new(stream), svc).await;
                });
            }
        });
        Self { url, bodies, other, hits, _stop: tx }
    }

    /// Number of `results[]` entries received (accepted requests only).
    pub fn count(&self) -> usize {
        self.bodies.lock().unwrap().iter().map(|b| b["results"].as_array().map_or(0, Vec::len)).sum()
    }

    /// All `results[]` entries received (accepted requests only).
    pub fn results(&self) -> Vec<Value> {
        self.bodies.lock().unwrap().iter().flat_map(|b| b["results"].as_array().cloned().unwrap_or_default()).collect()
    }
}

/// Polls `f` every 20 ms until it returns true or `timeout` elapses.
pub async fn wait_until(timeout: Duration, mut f: impl FnMut() -> bool) -> bool {
    let start = std::time::Instant::now();
    while start.elapsed() < timeout {
        if f() {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    f()
}

/// A basic v3 send body to `to`.
pub fn sms(to: &str, text: &str) -> Value {
    serde_json::json!({"messages":[{"sender":"InfoSMS","destinations":[{"to":to}],"content":{"text":text}}]})
}

/// A raw keep-alive HTTP/1.1 connection (cheaper than a pooled client for load tests).
pub struct RawConn {
    stream: tokio::io::BufReader<tokio::net::TcpStream>,
    host: String,
}

impl RawConn {
    pub async fn connect(base: &str) -> Self {
        let host = base.trim_start_matches("http://").to_string();
        let stream = tokio::net::TcpStream::connect(&host).await.unwrap();
        stream.set_nodelay(true).unwrap();
        Self { stream: tokio::io::BufReader::new(stream), host }
    }

    /// Sends one request and returns (status, body).
    pub async fn request(&mut self, method: &str, path: &str, auth: &str, body: &[u8]) -> (u16, Vec<u8>) {
        use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt};
        let head = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nAuthorization: {auth}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
            self.host,
            body.len()
        );
        let mut buf = head.into_bytes();
        buf.extend_from_slice(body);
        self.stream.get_mut().write_all(&buf).await.unwrap();
        let mut line = String::new();
        self.stream.read_line(&mut line).await.unwrap();
        let status: u16 = line.split_whitespace().nth(1).unwrap().parse().unwrap();
        let mut len = 0usize;
        loop {
            line.clear();
            self.stream.read_line(&mut line).await.unwrap();
            if line == "\r\n" {
                break;
            }
            if let Some((k, v)) = line.split_once(':')
                && k.eq_ignore_ascii_case("content-length")
            {
                len = v.trim().parse().unwrap();
            }
        }
        let mut body = vec![0; len];
        self.stream.read_exact(&mut body).await.unwrap();
        (status, body)
    }
}
