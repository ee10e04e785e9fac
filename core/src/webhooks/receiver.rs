//! A ready-made webhook receiver (feature `receiver`): an axum router that verifies each push,
//! parses it, and hands it to your callback. It answers 200 only after the callback returned
//! `Ok`, so a push is never acknowledged before it was handled: when the callback fails, the
//! answer is 500 and Infobip delivers the push again.
//!
//! Routes: `POST /delivery-reports`, `POST /inbound`, `POST /clicks` (mount the router under any
//! prefix). Bad bodies get 400, failed verification 401.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;

use super::{HmacAlgorithm, parse_click, parse_delivery_reports, parse_inbound, verify_basic, verify_hmac};
use crate::auth::Secret;
use crate::error::Error;
use crate::sms::{DeliveryReport, InboundMessages, UrlClick};

/// One push, parsed.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Push {
    /// Delivery reports (v3 or legacy, JSON or XML).
    DeliveryReports(Vec<DeliveryReport>),
    /// Inbound messages (`MO_JSON_2`).
    Inbound(InboundMessages),
    /// A URL click.
    Click(Box<UrlClick>),
}

/// How pushes are verified before they are parsed.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum Verification {
    /// Accept every push (use only behind your own authentication).
    None,
    /// An `Authorization: Basic …` header with these credentials.
    Basic {
        /// The expected username.
        username: String,
        /// The expected password.
        password: Secret,
    },
    /// An HMAC signature of the body in the named header.
    Hmac {
        /// The header carrying the signature (Infobip's documentation does not name it; use
        /// the one your subscription's deliveries carry).
        header: String,
        /// The shared secret.
        secret: Secret,
        /// The algorithm.
        algorithm: HmacAlgorithm,
    },
}

type Callback = dyn Fn(Push) -> Pin<Box<dyn Future<Output = Result<(), String>> + Send>> + Send + Sync;

struct Shared {
    verification: Verification,
    callback: Box<Callback>,
}

/// Builds the receiver's router. `callback` returns `Err(reason)` to make Infobip retry.
pub fn router<F, Fut>(verification: Verification, callback: F) -> Router
where
    F: Fn(Push) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<(), String>> + Send + 'static,
{
    let shared = Arc::new(Shared { verification, callback: Box::new(move |push| Box::pin(callback(push))) });
    Router::new()
        .route("/delivery-reports", post(|s, h, b| handle(s, h, b, Kind::DeliveryReports)))
        .route("/inbound", post(|s, h, b| handle(s, h, b, Kind::Inbound)))
        .route("/clicks", post(|s, h, b| handle(s, h, b, Kind::Click)))
        .with_state(shared)
}

#[derive(Clone, Copy)]
enum Kind {
    DeliveryReports,
    Inbound,
    Click,
}

async fn handle(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: Bytes,
    kind: Kind,
) -> (StatusCode, String) {
    if let Err(err) = verify(&shared.verification, &headers, &body) {
        tracing::warn!(target: "infobip", "webhook push refused: {err}");
        return (StatusCode::UNAUTHORIZED, err.to_string());
    }
    let parsed = match kind {
        Kind::DeliveryReports => parse_delivery_reports(&body).map(Push::DeliveryReports),
        Kind::Inbound => parse_inbound(&body).map(Push::Inbound),
        Kind::Click => parse_click(&body).map(|click| Push::Click(Box::new(click))),
    };
    let push = match parsed {
        Ok(push) => push,
        Err(err) => return (StatusCode::BAD_REQUEST, err.to_string()),
    };
    match (shared.callback)(push).await {
        Ok(()) => (StatusCode::OK, String::new()),
        Err(reason) => (StatusCode::INTERNAL_SERVER_ERROR, reason),
    }
}

fn verify(verification: &Verification, headers: &HeaderMap, body: &[u8]) -> Result<(), Error> {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    match verification {
        Verification::None => Ok(()),
        Verification::Basic { username, password } => verify_basic(header("authorization"), username, password),
        Verification::Hmac { header: name, secret, algorithm } => verify_hmac(body, header(name), secret, *algorithm),
    }
}
