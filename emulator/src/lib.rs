//! A stateful local emulator of the Infobip HTTP API, for tests, demos and trying the SDK
//! without an account.
//!
//! It serves every operation of the Infobip OpenAPI documents in `spec/` on 127.0.0.1: requests
//! are authenticated (`App`, `Basic`, `IBSSO`, `Bearer`), checked against the operation's
//! `x-scopes`, optionally throttled by `x-throttling-info`, validated against the request schema,
//! and answered either by a stateful implementation (SMS, delivery reports, logs, inbound, bulks,
//! 2FA, sessions, OAuth2) or from the operation's documented example. Errors use the body shape
//! the real endpoint uses. An admin API under `/_emulator/` queues faults, lists received
//! requests, resets state, injects inbound SMS and reveals 2FA PINs.
//!
//! ```no_run
//! # async fn demo() -> Result<(), infobip_emulator::EmulatorError> {
//! let emulator = infobip_emulator::Emulator::start().await?;
//! println!("{} {}", emulator.base_url(), emulator.api_key());
//! // point a client at emulator.base_url(); dropping `emulator` stops the server
//! # Ok(()) }
//! ```
//!
//! It is an independent implementation built from the spec and Infobip's published API documentation; it does not
//! use the `infobip` core crate.

mod admin;
#[cfg(test)]
mod all_ops_tests;
mod api;
mod channels;
mod config;
mod delivery;
mod errors;
mod files;
mod flags;
pub mod gsm;
mod guard;
mod handlers;
mod inbox;
mod multipart;
mod pattern;
pub mod proxy;
mod request;
#[cfg(test)]
mod robustness_tests;
mod schema;
mod server;
mod sms;
mod spec;
mod state;
mod tfa;
pub mod time;
mod tls;

pub use config::{
    ApiKeyConfig, ConfigError, DEFAULT_API_KEY, DEFAULT_LIMITED_API_KEY, DEFAULT_PASSWORD, DEFAULT_USERNAME,
    EmulatorConfig, OAuthClientConfig, StatusWeight, UserConfig,
};
pub use flags::Flags;
pub use state::{Fault, FaultKind, RecordedBinary, RecordedPart, RecordedRequest, WebhookStats};
pub use tls::TlsMaterial;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::net::TcpListener;
use tokio::sync::watch;

/// Why the emulator could not start.
#[derive(Debug, thiserror::Error)]
pub enum EmulatorError {
    /// Binding or serving failed.
    #[error("emulator I/O error: {0}")]
    Io(#[from] std::io::Error),
    /// The configuration is invalid.
    #[error(transparent)]
    Config(#[from] ConfigError),
}

/// A running emulator. Dropping the handle stops the server and its background tasks.
#[derive(Debug)]
pub struct Emulator {
    shared: Arc<state::Shared>,
    addr: SocketAddr,
    shutdown: watch::Sender<bool>,
    tls: Option<TlsMaterial>,
}

impl Emulator {
    /// Starts an emulator with the default configuration on 127.0.0.1 and a free port.
    pub async fn start() -> Result<Self, EmulatorError> {
        Self::start_with(EmulatorConfig::default()).await
    }

    /// Starts an emulator with `config` on 127.0.0.1 and `config.port` (0 = a free port).
    pub async fn start_with(config: EmulatorConfig) -> Result<Self, EmulatorError> {
        let listener = TcpListener::bind(("127.0.0.1", config.port)).await?;
        Self::from_listener(listener, config)
    }

    /// Serves on an already bound listener. Must be called inside a Tokio runtime. The
    /// configuration is validated first ([`EmulatorConfig::validate`]).
    pub fn from_listener(listener: TcpListener, config: EmulatorConfig) -> Result<Self, EmulatorError> {
        config.validate()?;
        let addr = listener.local_addr()?;
        let tls = if config.tls { Some(TlsMaterial::generate(config.tls_client_auth)?) } else { None };
        let runtime = tokio::runtime::Handle::try_current()
            .map_err(|e| std::io::Error::other(format!("the emulator needs a Tokio runtime: {e}")))?;
        let (tx, rx) = watch::channel(false);
        let shared = Arc::new(state::Shared::new(config, rx, runtime.clone()));
        runtime.spawn(server::accept_loop(listener, shared.clone(), tls.as_ref().map(|t| t.acceptor.clone())));
        runtime.spawn(delivery::scheduler(shared.clone()));
        // Parse the SMS and 2FA specs in the background so the first request does not pay for it.
        runtime.spawn_blocking(spec::warm_up);
        Ok(Self { shared, addr, shutdown: tx, tls })
    }

    /// The base URL, like `http://127.0.0.1:PORT` (`https://` with TLS on).
    pub fn base_url(&self) -> String {
        let scheme = if self.tls.is_some() { "https" } else { "http" };
        format!("{scheme}://{}", self.addr)
    }

    /// With TLS on (`config.tls`): the CA and the client certificate the emulator made.
    pub fn tls(&self) -> Option<&TlsMaterial> {
        self.tls.as_ref()
    }

    /// The socket address the emulator listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The primary API key (all scopes with the default configuration).
    pub fn api_key(&self) -> &str {
        self.shared.config.primary_api_key()
    }

    /// The configuration in use.
    pub fn config(&self) -> &EmulatorConfig {
        &self.shared.config
    }

    /// The line the binary prints at startup.
    pub fn listening_line(&self) -> String {
        format!("Infobip emulator listening on {} (API key: {})", self.base_url(), self.api_key())
    }

    /// The address of the inbox page (`http://127.0.0.1:PORT/_emulator/ui/`), `None` with `--no-ui`.
    pub fn inbox_url(&self) -> Option<String> {
        self.shared.config.ui.then(|| format!("{}/_emulator/ui/", self.base_url()))
    }

    /// The line printed after the listening line when the inbox is on: `Inbox: URL`.
    pub fn inbox_line(&self) -> Option<String> {
        self.inbox_url().map(|url| format!("Inbox: {url}"))
    }

    /// Queues a fault for the next matching request(s).
    pub fn queue_fault(&self, fault: Fault) {
        admin::queue_faults(&self.shared, vec![fault]);
    }

    /// Removes all queued faults.
    pub fn clear_faults(&self) {
        self.shared.lock().faults.clear();
    }

    /// Every API request received so far (oldest first; admin requests are not recorded).
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.shared.lock().requests.iter().cloned().collect()
    }

    /// Forgets the recorded requests.
    pub fn clear_requests(&self) {
        self.shared.lock().requests.clear();
    }

    /// Resets all state: messages, reports, inbound, bulks, sessions, tokens, 2FA, faults,
    /// recorded requests, throttling counters; queued webhook pushes are dropped.
    pub fn reset(&self) {
        admin::reset(&self.shared);
    }

    /// Injects an inbound message (`{"from","to","text","keyword"?,"callbackData"?,"webhookUrl"?,
    /// "channel"?}`). An SMS (the default) becomes available through `GET /sms/1/inbox/reports`
    /// and is pushed in `MO_JSON_2` format; `"channel": "WHATSAPP"` or `"VIBER"` pushes it in that
    /// channel's inbound format; `"EMAIL"` pushes a `multipart/form-data` inbound email (with
    /// `"subject"`, `"html"`). The push goes to `webhookUrl` or the configured inbound webhook.
    /// Returns the message, or `Null` for an unknown channel.
    pub fn inject_inbound(&self, message: &serde_json::Value) -> serde_json::Value {
        channels::inject_inbound(&self.shared, message).unwrap_or(serde_json::Value::Null)
    }

    /// The PIN sent for `pin_id`, if any.
    pub fn pin(&self, pin_id: &str) -> Option<String> {
        tfa::reveal(&self.shared, pin_id).and_then(|v| v.get("pin").and_then(|p| p.as_str()).map(str::to_string))
    }

    /// Makes every pending (non-scheduled) message due now; returns how many.
    pub fn flush_delivery_reports(&self) -> usize {
        sms::flush(&self.shared, false)
    }

    /// Webhook push statistics.
    pub fn webhook_stats(&self) -> WebhookStats {
        self.shared.lock().webhook_stats.clone()
    }

    /// Number of stored outbound messages.
    pub fn message_count(&self) -> usize {
        self.shared.lock().messages.len()
    }

    /// How many requests made a handler panic (each was answered 500); 0 unless the emulator
    /// has a bug.
    pub fn handler_panics(&self) -> u64 {
        self.shared.panics.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// How many webhook URLs have a queue (and a task pushing to them) right now.
    pub fn webhook_queues(&self) -> usize {
        self.shared.pushers.lock().unwrap_or_else(std::sync::PoisonError::into_inner).len()
    }

    /// Number of operations the emulator knows from `spec/`.
    pub fn operation_count() -> usize {
        spec::operation_count()
    }

    /// Stops the server (the same as dropping the handle).
    pub fn stop(self) {
        drop(self);
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        let _ = self.shutdown.send(true);
    }
}

/// Binds 127.0.0.1:`config.port`, prints the listening line to stdout and serves until
/// `shutdown` resolves. This is what the `infobip-emulator` binary and `infobip emulator` run.
pub async fn run<F>(config: EmulatorConfig, shutdown: F) -> Result<(), EmulatorError>
where
    F: Future<Output = ()>,
{
    use std::io::Write as _;
    let emulator = Emulator::start_with(config).await?;
    // The PEM files go where `tls_dir` says, or into a temporary directory removed at the end.
    let temporary = emulator.config().tls_dir.is_none();
    let tls_dir = emulator
        .tls()
        .map(|_| emulator.config().tls_dir.clone().unwrap_or_else(|| tls::default_dir(emulator.addr().port())));
    {
        // One write: a reader that stops after the first line must not make the second fail.
        let mut lines = format!("{}\n", emulator.listening_line());
        if let Some(inbox) = emulator.inbox_line() {
            lines.push_str(&inbox);
            lines.push('\n');
        }
        let mut out = std::io::stdout().lock();
        if let (Some(material), Some(dir)) = (emulator.tls(), &tls_dir) {
            let ca = material.write_to(dir)?;
            lines.push_str(&format!("TLS CA certificate: {}\n", ca.display()));
        }
        out.write_all(lines.as_bytes())?;
        out.flush()?;
    }
    shutdown.await;
    emulator.stop();
    if let Some(dir) = tls_dir.filter(|_| temporary) {
        let _ = std::fs::remove_dir_all(dir);
    }
    // Give connections a moment to finish gracefully.
    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    Ok(())
}
