//! Helpers shared by the integration tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::sync::{Arc, Mutex};

use infobip::{Client, ClientBuilder, Method};
use wiremock::MockServer;

/// A mock server of this test's own, shut down when dropped.
///
/// Not `MockServer::start()`: that lends a server from a pool shared by every test of the
/// binary, and a request another test gave up on (a timeout fires at once on a paused clock,
/// long before the server thread reads the request) can then arrive after the server was lent
/// again, be recorded by the next test and use up its `up_to_n_times` mocks.
pub async fn server() -> MockServer {
    MockServer::builder().start().await
}

/// A builder pointed at `server` with an API key, suited to a paused clock: no whole-request
/// timeout and no idle-pool timer, so the clock only advances while the SDK sleeps.
pub fn builder(server: &MockServer) -> ClientBuilder {
    infobip::Client::builder().base_url(server.uri()).api_key("test-api-key-123").timeout(None).pool_idle_timeout(None)
}

/// Builds `builder` for a test on a paused clock and opens its connection to `server` on the
/// real clock first; then forgets that request and every mock, so mount them afterwards.
///
/// While a connection is being made, the connect timeout is a pending timer, and a paused clock
/// jumps to it whenever the runtime waits for the (real) socket: on a busy machine the connect
/// then "times out" at once. With the connection made beforehand and kept alive, calls on the
/// paused clock reuse it.
pub async fn connected(builder: ClientBuilder, server: &MockServer) -> Client {
    let client = builder.build().unwrap();
    tokio::time::resume();
    // No mock yet: a 404 (for the request or the token it needs), which is not retried; what
    // matters is the connection it leaves open.
    let answer = client.request(Method::GET, "/connect").send().await;
    tokio::time::pause();
    assert!(answer.is_err(), "no mock is mounted yet");
    server.reset().await;
    client
}

/// Waits, on the real clock (at most 30 s), until `server` has recorded `n` requests, keeping
/// the runtime busy meanwhile so that a paused clock does not move.
pub async fn wait_until_received(server: &MockServer, n: usize) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while server.received_requests().await.unwrap().len() < n {
        assert!(std::time::Instant::now() < deadline, "the server did not receive {n} request(s) in 30 s");
        tokio::task::yield_now().await;
    }
}

/// Waits, on the real clock (at most 30 s), until every task of `tasks` has finished, keeping
/// the runtime busy meanwhile so that a paused clock does not move.
pub async fn busy_until_finished<T>(tasks: &[tokio::task::JoinHandle<T>]) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !tasks.iter().all(tokio::task::JoinHandle::is_finished) {
        assert!(std::time::Instant::now() < deadline, "the tasks did not finish in 30 s");
        tokio::task::yield_now().await;
    }
}

/// Captures what the SDK logs through `tracing` while the guard lives.
#[derive(Clone, Default)]
pub struct Logs(Arc<Mutex<Vec<u8>>>);

impl Logs {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }

    pub fn install(&self) -> tracing::subscriber::DefaultGuard {
        let sink = self.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_ansi(false)
            .with_writer(move || sink.clone())
            .finish();
        tracing::subscriber::set_default(subscriber)
    }
}

impl Write for Logs {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
