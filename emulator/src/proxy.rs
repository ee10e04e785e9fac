//! A recording HTTP proxy on 127.0.0.1, for tests of a client's proxy settings.
//!
//! It keeps the head of every request it receives (`CONNECT host:port …` for HTTPS, or an
//! absolute-form `GET http://host:port/path …` for plain HTTP, with the `Proxy-Authorization`
//! header) and passes the traffic on, but only to loopback hosts: any other target is answered
//! `502 Bad Gateway` without a connection being made, so a test never leaves the machine.
//! With an acceptor, clients speak TLS to the proxy itself (an `https://` proxy).

use std::sync::{Arc, Mutex, PoisonError};

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// The largest request head kept; a longer one ends the connection.
const MAX_HEAD: usize = 16 * 1024;

/// A running recording proxy. Dropping it stops accepting connections.
#[derive(Debug)]
pub struct RecordingProxy {
    addr: std::net::SocketAddr,
    tls: bool,
    heads: Arc<Mutex<Vec<String>>>,
    accepting: tokio::task::JoinHandle<()>,
}

impl RecordingProxy {
    /// Starts the proxy on 127.0.0.1 and a free port; with `tls`, it serves TLS with that
    /// acceptor (see [`TlsMaterial::acceptor`](crate::TlsMaterial::acceptor)). Must be called
    /// inside a Tokio runtime.
    pub async fn start(tls: Option<tokio_rustls::TlsAcceptor>) -> std::io::Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let heads = Arc::new(Mutex::new(Vec::new()));
        let seen = heads.clone();
        let is_tls = tls.is_some();
        let accepting = tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                let (seen, tls) = (seen.clone(), tls.clone());
                tokio::spawn(async move {
                    match tls {
                        Some(acceptor) => {
                            if let Ok(stream) = acceptor.accept(socket).await {
                                relay(stream, seen).await;
                            }
                        }
                        None => relay(socket, seen).await,
                    }
                });
            }
        });
        Ok(RecordingProxy { addr, tls: is_tls, heads, accepting })
    }

    /// The proxy's URL, `http://127.0.0.1:PORT` (`https://` with TLS).
    pub fn url(&self) -> String {
        format!("{}://{}", if self.tls { "https" } else { "http" }, self.addr)
    }

    /// The proxy's URL with credentials: `http://USER:PASSWORD@127.0.0.1:PORT`.
    pub fn url_with_credentials(&self, user: &str, password: &str) -> String {
        format!("{}://{user}:{password}@{}", if self.tls { "https" } else { "http" }, self.addr)
    }

    /// The heads of the requests received so far (request line and headers), oldest first.
    pub fn heads(&self) -> Vec<String> {
        self.heads.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }
}

impl Drop for RecordingProxy {
    fn drop(&mut self) {
        self.accepting.abort();
    }
}

/// Reads one request head, records it, and tunnels (`CONNECT`) or forwards (absolute form)
/// to a loopback target.
async fn relay<S: AsyncRead + AsyncWrite + Unpin>(mut client: S, seen: Arc<Mutex<Vec<String>>>) {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        if head.len() >= MAX_HEAD || client.read(&mut byte).await.unwrap_or(0) == 0 {
            return;
        }
        head.push(byte[0]);
    }
    let text = String::from_utf8_lossy(&head).into_owned();
    seen.lock().unwrap_or_else(PoisonError::into_inner).push(text.clone());
    let mut words = text.split(' ');
    let (method, target) = (words.next().unwrap_or_default(), words.next().unwrap_or_default());
    let authority = match method {
        "CONNECT" => target,
        _ => target.strip_prefix("http://").and_then(|rest| rest.split('/').next()).unwrap_or_default(),
    };
    let host = authority.rsplit_once(':').map_or(authority, |(host, _)| host);
    let upstream = if ["127.0.0.1", "localhost", "[::1]"].contains(&host) {
        TcpStream::connect(authority).await.ok()
    } else {
        None
    };
    let Some(mut upstream) = upstream else {
        let _ = client.write_all(b"HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\nconnection: close\r\n\r\n").await;
        return;
    };
    let ready = match method {
        "CONNECT" => client.write_all(b"HTTP/1.1 200 Connection established\r\n\r\n").await,
        _ => upstream.write_all(&head).await,
    };
    if ready.is_ok() {
        let _ = tokio::io::copy_bidirectional(&mut client, &mut upstream).await;
    }
}
