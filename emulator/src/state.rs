//! In-memory state of the emulator and the shared handle every task holds.

use crate::config::EmulatorConfig;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeSet, HashMap, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::Instant;
use tokio::sync::{Notify, mpsc, watch};

/// Status objects (`{groupId, groupName, id, name, description}`) from Infobip's status table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct StatusRow {
    pub group_id: u32,
    pub group_name: &'static str,
    pub id: u32,
    pub name: &'static str,
    pub description: &'static str,
}

/// Error objects (`{groupId, groupName, id, name, description, permanent}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ErrorRow {
    pub group_id: u32,
    pub group_name: &'static str,
    pub id: u32,
    pub name: &'static str,
    pub description: &'static str,
    pub permanent: bool,
}

pub(crate) const PENDING_ACCEPTED: StatusRow = StatusRow {
    group_id: 1,
    group_name: "PENDING",
    id: 26,
    name: "PENDING_ACCEPTED",
    description: "Message sent to next instance",
};
pub(crate) const PENDING_ENROUTE: StatusRow = StatusRow {
    group_id: 1,
    group_name: "PENDING",
    id: 7,
    name: "PENDING_ENROUTE",
    description: "Message sent to next instance",
};
pub(crate) const DELIVERED_TO_HANDSET: StatusRow = StatusRow {
    group_id: 3,
    group_name: "DELIVERED",
    id: 5,
    name: "DELIVERED_TO_HANDSET",
    description: "Message delivered to handset",
};
pub(crate) const UNDELIVERABLE_NOT_DELIVERED: StatusRow = StatusRow {
    group_id: 2,
    group_name: "UNDELIVERABLE",
    id: 9,
    name: "UNDELIVERABLE_NOT_DELIVERED",
    description: "Message sent not delivered",
};
pub(crate) const UNDELIVERABLE_NOT_SENT: StatusRow = StatusRow {
    group_id: 2,
    group_name: "UNDELIVERABLE",
    id: 31,
    name: "UNDELIVERABLE_NOT_SENT",
    description: "Message not sent",
};
pub(crate) const EXPIRED_EXPIRED: StatusRow =
    StatusRow { group_id: 4, group_name: "EXPIRED", id: 15, name: "EXPIRED_EXPIRED", description: "Message expired" };
pub(crate) const REJECTED_NETWORK: StatusRow = StatusRow {
    group_id: 5,
    group_name: "REJECTED",
    id: 6,
    name: "REJECTED_NETWORK",
    description: "Network is forbidden",
};
pub(crate) const REJECTED_DUPLICATE_MESSAGE_ID: StatusRow = StatusRow {
    group_id: 5,
    group_name: "REJECTED",
    id: 23,
    name: "REJECTED_DUPLICATE_MESSAGE_ID",
    description: "Duplicate message ID",
};

pub(crate) const NO_ERROR: ErrorRow =
    ErrorRow { group_id: 0, group_name: "OK", id: 0, name: "NO_ERROR", description: "No Error", permanent: false };
pub(crate) const EC_UNKNOWN_SUBSCRIBER: ErrorRow = ErrorRow {
    group_id: 1,
    group_name: "HANDSET_ERRORS",
    id: 1,
    name: "EC_UNKNOWN_SUBSCRIBER",
    description: "Unknown Subscriber",
    permanent: true,
};
pub(crate) const EC_VALIDITY_EXPIRED: ErrorRow = ErrorRow {
    group_id: 2,
    group_name: "USER_ERRORS",
    id: 4101,
    name: "EC_VALIDITY_EXPIRED",
    description: "Validity expired",
    permanent: true,
};
pub(crate) const EC_MESSAGE_CANCELED: ErrorRow = ErrorRow {
    group_id: 2,
    group_name: "USER_ERRORS",
    id: 4100,
    name: "EC_MESSAGE_CANCELED",
    description: "Message canceled",
    permanent: true,
};

/// Which API a message was sent through (decides the report shape and the channel).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Api {
    /// SMS `/sms/3/*` (and the v3 query send).
    V3,
    /// SMS `/sms/2/*` (and the deprecated v1 query send).
    V2,
    /// WhatsApp `/whatsapp/1/message/*`.
    WhatsApp,
    /// Viber `/viber/2/messages` and `/viber/1/message/*`.
    Viber,
    /// Email `/email/3/send`, `/email/4/messages`, `/email/4/mime`.
    Email,
    /// Messages API `/messages-api/1/messages`, on the channel the message names.
    Messages(crate::channels::Channel),
}

impl Api {
    /// Whether the message is an SMS (only those show in the SMS logs, reports and bulks).
    pub(crate) fn is_sms(self) -> bool {
        matches!(self, Api::V3 | Api::V2)
    }
}

/// One stored outbound SMS (one destination).
#[derive(Debug)]
pub(crate) struct Message {
    pub message_id: String,
    pub bulk_id: String,
    pub to: String,
    pub sender: Option<String>,
    pub content: std::sync::Arc<Value>,
    pub message_count: u32,
    pub sent_at: DateTime<Utc>,
    pub done_at: Option<DateTime<Utc>>,
    pub status: StatusRow,
    pub error: ErrorRow,
    pub webhook_url: Option<String>,
    pub callback_data: Option<String>,
    pub entity_id: Option<String>,
    pub application_id: Option<String>,
    pub campaign_reference_id: Option<String>,
    pub api: Api,
    pub generation: u32,
    pub is_final: bool,
    /// Every status the message had, with when (PENDING_ACCEPTED → … → final).
    pub history: Vec<(StatusRow, DateTime<Utc>)>,
    /// Where click reports of its tracked links go (`trackingUrl`), when tracking is on.
    pub tracking_url: Option<String>,
    /// The `X-Request-ID` of the request that sent it (its raw request is kept by the inbox).
    pub request_id: String,
}

/// A bulk of messages (scheduled or not).
#[derive(Debug, Default)]
pub(crate) struct Bulk {
    pub send_at: Option<DateTime<Utc>>,
    pub paused: bool,
    pub canceled: bool,
    pub messages: Vec<usize>,
}

/// An IBSSO session.
#[derive(Debug)]
pub(crate) struct Session {
    pub scopes: Option<Vec<String>>,
    pub last_used: Instant,
}

/// An OAuth2 access token.
#[derive(Debug)]
pub(crate) struct Token {
    pub scopes: Option<Vec<String>>,
    pub expires_at: Instant,
}

/// A sent 2FA PIN.
#[derive(Debug)]
pub(crate) struct Pin {
    pub pin: String,
    pub to: String,
    pub application_id: String,
    pub message_id: String,
    pub attempts_remaining: u32,
    pub verified: bool,
    pub sent_at: DateTime<Utc>,
    pub verified_at: Option<DateTime<Utc>>,
    pub expires_at: DateTime<Utc>,
}

/// What a queued fault does to a matching request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum FaultKind {
    /// Answer with `status`, `body` and `headers` instead of the normal response.
    #[default]
    Status,
    /// Wait `delayMs`, then answer normally.
    Delay,
    /// Reset the TCP connection before writing any response.
    ResetBeforeResponse,
    /// Write the status line and headers, then reset the connection.
    ResetAfterStatusLine,
    /// Answer with a truncated, unparsable JSON body.
    MalformedBody,
    /// Answer `status` (default 200) with a gzip body (`Content-Encoding: gzip`) that inflates
    /// to `body` bytes (a number; default 64 MiB, at most 4 GiB) of JSON whitespace: about a
    /// thousandth of that on the wire. For testing that a client caps what it reads.
    GzipBomb,
}

/// A fault queued through the admin API or [`crate::Emulator::queue_fault`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Fault {
    /// How many matching requests this fault applies to (default 1).
    #[serde(default = "one")]
    pub count: u32,
    /// Only requests whose path equals this or starts with it (default: every API request).
    #[serde(default)]
    pub path: Option<String>,
    /// Only requests with this method (default: any).
    #[serde(default)]
    pub method: Option<String>,
    /// What to do; default `status` when `status` is set, else `delay` when `delayMs` is set.
    #[serde(default)]
    pub kind: Option<FaultKind>,
    /// HTTP status for `status` and `malformed_body` faults (default 500 / 200).
    #[serde(default)]
    pub status: Option<u16>,
    /// Body to send: JSON, or a string sent verbatim; default is the real error body.
    #[serde(default)]
    pub body: Option<Value>,
    /// Extra response headers, e.g. `{"Retry-After": "3"}`.
    #[serde(default)]
    pub headers: HashMap<String, String>,
    /// Delay before acting, in milliseconds.
    #[serde(default)]
    pub delay_ms: u64,
}

fn one() -> u32 {
    1
}

impl Fault {
    /// A fault answering the next `count` requests (matching `path` as a prefix) with `status`.
    pub fn status(status: u16, count: u32, path: Option<&str>) -> Self {
        Self {
            count,
            path: path.map(str::to_string),
            method: None,
            kind: Some(FaultKind::Status),
            status: Some(status),
            body: None,
            headers: HashMap::new(),
            delay_ms: 0,
        }
    }

    /// A fault of another kind for the next `count` requests matching `path`.
    pub fn of_kind(kind: FaultKind, count: u32, path: Option<&str>) -> Self {
        Self { kind: Some(kind), status: None, ..Self::status(0, count, path) }
    }

    pub(crate) fn effective_kind(&self) -> FaultKind {
        self.kind.unwrap_or(if self.status.is_none() && self.delay_ms > 0 {
            FaultKind::Delay
        } else {
            FaultKind::Status
        })
    }

    pub(crate) fn matches(&self, method: &str, path: &str) -> bool {
        self.count > 0
            && self.method.as_deref().is_none_or(|m| m.eq_ignore_ascii_case(method))
            && self.path.as_deref().is_none_or(|p| path == p || path.starts_with(p))
    }
}

/// A request the emulator received, kept for assertions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RecordedRequest {
    /// HTTP method.
    pub method: String,
    /// Path without the query.
    pub path: String,
    /// Raw query string (without `?`), empty when none.
    pub query: String,
    /// Headers (lower-case names; repeated headers joined with `, `).
    pub headers: std::collections::BTreeMap<String, String>,
    /// Body as text (lossy UTF-8).
    pub body: String,
    /// When it arrived, in Infobip's date-time format.
    pub received_at: String,
    /// The parts of a `multipart/form-data` body, in order (empty for other bodies).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<RecordedPart>,
    /// For a binary body (`application/octet-stream`, an image, audio, …; not JSON, a form or
    /// text): its size and SHA-256, as a file part's are recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub binary: Option<RecordedBinary>,
}

/// The size and SHA-256 of a binary request body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RecordedBinary {
    /// Its `Content-Type`.
    pub content_type: String,
    /// Its size in bytes.
    pub size: usize,
    /// Its SHA-256, in lower-case hex.
    pub sha256: String,
}

/// One part of a recorded `multipart/form-data` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RecordedPart {
    /// The field name.
    pub name: String,
    /// The file name, for a file part.
    pub filename: Option<String>,
    /// The part's `Content-Type`, when it names one.
    pub content_type: Option<String>,
    /// The size of the part's content in bytes.
    pub size: usize,
    /// The SHA-256 of the part's content, in lower-case hex.
    pub sha256: String,
}

/// Push kind: decides the envelope a webhook batch is sent in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum PushKind {
    /// Delivery reports, `{"results":[…]}`.
    Delivery,
    /// Inbound messages, `{"results":[…],"messageCount","pendingMessageCount"}`.
    Inbound,
    /// One click report per POST, the object itself.
    Tracking,
    /// One inbound email per POST, as the `multipart/form-data` form of `receive-inbound-email`.
    InboundEmail,
}

/// Statistics about webhook pushes.
#[derive(Debug, Default, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WebhookStats {
    /// POST attempts made.
    pub attempts: u64,
    /// Attempts that failed (connection error, timeout or non-2xx).
    pub failures: u64,
    /// Reports (or inbound messages) accepted by a receiver.
    pub delivered: u64,
    /// Reports dropped after the last attempt, or because their URL's queue was full.
    pub dropped: u64,
}

/// Throttle bucket state.
#[derive(Debug)]
pub(crate) enum Bucket {
    Window(VecDeque<Instant>),
    Token { tokens: f64, last: Instant },
}

/// All mutable state.
#[derive(Debug, Default)]
pub(crate) struct State {
    pub messages: Vec<Message>,
    pub by_id: HashMap<String, usize>,
    pub bulks: HashMap<String, Bulk>,
    pub due: BTreeSet<(Instant, usize, u32)>,
    pub reports: VecDeque<usize>,
    pub inbound: VecDeque<Value>,
    pub sessions: HashMap<String, Session>,
    pub tokens: HashMap<String, Token>,
    pub apps: Vec<Value>,
    pub templates: Vec<Value>,
    pub pins: HashMap<String, Pin>,
    pub faults: Vec<Fault>,
    pub requests: VecDeque<RecordedRequest>,
    pub throttles: HashMap<&'static str, Bucket>,
    pub webhook_stats: WebhookStats,
    pub webhook_log: VecDeque<Value>,
    /// The inbox's indexes: threads, inbound messages, raw requests, per-message push attempts.
    pub inbox: crate::inbox::Store,
}

/// A queued webhook item: (state epoch, JSON object).
pub(crate) type PushItem = (u64, Value);

/// The queue of one webhook URL: its pusher's id and the sending end of its bounded channel.
#[derive(Debug)]
pub(crate) struct PushQueue {
    pub id: u64,
    pub sender: mpsc::Sender<PushItem>,
}

/// What every task shares.
#[derive(Debug)]
pub(crate) struct Shared {
    pub config: EmulatorConfig,
    pub state: Mutex<State>,
    pub wake: Notify,
    pub pushers: Mutex<HashMap<(String, PushKind), PushQueue>>,
    /// Handler panics caught (each answered 500); a test asserts there are none.
    pub panics: AtomicU64,
    pub counter: AtomicU64,
    pub epoch: AtomicU64,
    pub shutdown: watch::Receiver<bool>,
    /// The runtime the emulator was started on (pushers are spawned there).
    pub runtime: tokio::runtime::Handle,
    /// Bumped on every change the inbox page shows (its live updates wait on it).
    pub changes: watch::Sender<u64>,
}

impl Shared {
    pub(crate) fn new(
        config: EmulatorConfig,
        shutdown: watch::Receiver<bool>,
        runtime: tokio::runtime::Handle,
    ) -> Self {
        Self {
            runtime,
            config,
            state: Mutex::new(State::default()),
            wake: Notify::new(),
            pushers: Mutex::new(HashMap::new()),
            panics: AtomicU64::new(0),
            counter: AtomicU64::new(1),
            epoch: AtomicU64::new(0),
            shutdown,
            changes: watch::channel(0).0,
        }
    }

    /// Tells the inbox page's live-update streams that something it shows changed.
    pub(crate) fn changed(&self) {
        self.changes.send_modify(|v| *v = v.wrapping_add(1));
    }

    /// Locks the state, recovering from a poisoned lock (a panicking handler must not wedge it).
    pub(crate) fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn next_random(&self) -> u64 {
        let n = self.counter.fetch_add(1, Ordering::Relaxed);
        splitmix(self.config.seed ^ n.wrapping_mul(0x9E37_79B9_7F4A_7C15))
    }

    /// A UUID-formatted id, reproducible for a given seed and call order.
    pub(crate) fn uuid(&self) -> String {
        let a = self.next_random();
        let b = self.next_random();
        format!(
            "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
            a >> 32,
            (a >> 16) & 0xffff,
            a & 0xfff,
            ((b >> 48) & 0x3fff) | 0x8000,
            b & 0xffff_ffff_ffff
        )
    }

    /// A 32-character upper-case hex id (2FA style).
    pub(crate) fn hex_id(&self) -> String {
        format!("{:016X}{:016X}", self.next_random(), self.next_random())
    }

    /// A uniformly distributed number below `n` (n > 0).
    pub(crate) fn below(&self, n: u64) -> u64 {
        self.next_random() % n.max(1)
    }

    pub(crate) fn request_id(&self) -> String {
        format!("{}", self.next_random() >> 4)
    }
}

/// SplitMix64 finaliser: a fast, well-mixed hash of one u64.
pub(crate) fn splitmix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A stable hash of a string mixed with a seed (FNV-1a then SplitMix).
pub(crate) fn hash_str(seed: u64, s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ seed;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01B3);
    }
    splitmix(h)
}
