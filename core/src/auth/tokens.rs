//! Turns credentials into an `Authorization` header, fetching sessions and tokens as needed.
//!
//! One fetch at a time: callers that need a token while one is being fetched wait for that fetch
//! and share its result, success or failure (a failure is not cached: the next call fetches
//! again). The fetch runs as a task of its own, so a caller that gives up does not stop it for
//! the others; each caller waits at most until its call's deadline. A failed fetch is
//! [`Error::AuthFailed`]: the call that needed it was not sent.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use base64::Engine as _;
use futures_util::FutureExt as _;
use futures_util::future::{BoxFuture, Shared};
use http::{HeaderValue, Method};
use serde::Deserialize;
use tokio::time::Instant;

use super::{Credentials, Secret};
use crate::config::RequestOptions;
use crate::error::{AuthFailure, Error};
use crate::http::{Body, Prepared, Query, Transport};

/// Path of the IBSSO session endpoint.
const SESSION_PATH: &str = "/auth/1/session";
/// Path of the OAuth2 token endpoint.
const TOKEN_PATH: &str = "/auth/1/oauth2/token";

/// Produces the `Authorization` header for each request.
pub(crate) enum Authenticator {
    /// App keys and Basic credentials: one header, always the same.
    Fixed(HeaderValue),
    /// IBSSO sessions.
    Session { username: String, password: Secret, cache: Mutex<Cache> },
    /// OAuth2 client credentials.
    OAuth2 { client_id: String, client_secret: Secret, cache: Mutex<Cache> },
}

/// A session or token and when to stop using it.
#[derive(Clone)]
pub(crate) struct Cached {
    header: HeaderValue,
    refresh_at: Option<Instant>,
}

/// The fetch every waiting caller shares.
type Fetch = Shared<BoxFuture<'static, Result<Cached, AuthFailure>>>;

/// The current session or token, and the fetch under way.
#[derive(Default)]
pub(crate) struct Cache {
    cached: Option<Cached>,
    fetching: Option<Fetch>,
}

impl std::fmt::Debug for Authenticator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Authenticator::Fixed(_) => f.write_str("Authenticator::Fixed(***)"),
            Authenticator::Session { username, .. } => write!(f, "Authenticator::Session({username:?}, ***)"),
            Authenticator::OAuth2 { client_id, .. } => write!(f, "Authenticator::OAuth2({client_id:?}, ***)"),
        }
    }
}

fn sensitive(text: &str) -> Result<HeaderValue, Error> {
    let mut value = HeaderValue::from_str(text)
        .map_err(|_| Error::config("a credential contains characters that cannot be sent in a header"))?;
    value.set_sensitive(true);
    Ok(value)
}

impl Authenticator {
    pub(crate) fn new(credentials: &Credentials) -> Result<Self, Error> {
        credentials.validate()?;
        Ok(match credentials {
            Credentials::ApiKey(key) => Authenticator::Fixed(sensitive(&format!("App {}", key.expose()))?),
            Credentials::Basic { username, password } => {
                let raw = format!("{username}:{}", password.expose());
                let encoded = base64::engine::general_purpose::STANDARD.encode(raw);
                Authenticator::Fixed(sensitive(&format!("Basic {encoded}"))?)
            }
            Credentials::Ibsso { username, password } => Authenticator::Session {
                username: username.clone(),
                password: password.clone(),
                cache: Mutex::default(),
            },
            Credentials::OAuth2 { client_id, client_secret } => Authenticator::OAuth2 {
                client_id: client_id.clone(),
                client_secret: client_secret.clone(),
                cache: Mutex::default(),
            },
        })
    }

    /// The header for the next request, fetching a session or token first when needed.
    /// Callers that arrive while a fetch is under way wait for it and share its result; each
    /// waits at most until `deadline`.
    pub(crate) async fn header(
        &self,
        transport: &Arc<Transport>,
        deadline: Option<Instant>,
    ) -> Result<HeaderValue, Error> {
        let (cache, scheme) = match self {
            Authenticator::Fixed(value) => return Ok(value.clone()),
            Authenticator::Session { cache, .. } => (cache, "IBSSO"),
            Authenticator::OAuth2 { cache, .. } => (cache, "OAuth2"),
        };
        let fetch = {
            let mut state = cache.lock().unwrap_or_else(PoisonError::into_inner);
            if let Some(cached) = state.cached.as_ref()
                && cached.refresh_at.is_none_or(|at| Instant::now() < at)
            {
                return Ok(cached.header.clone());
            }
            state.fetching.get_or_insert_with(|| self.start_fetch(transport.clone())).clone()
        };
        let result = match deadline {
            Some(deadline) => match tokio::time::timeout_at(deadline, fetch.clone()).await {
                Ok(result) => result,
                Err(_) => {
                    return Err(Error::AuthFailed(Box::new(AuthFailure {
                        scheme: scheme.to_owned(),
                        reason: "none came within the call's timeout (the fetch goes on for later calls)".to_owned(),
                        cause: "timeout".to_owned(),
                        status: None,
                        attempts: 0,
                    })));
                }
            },
            None => fetch.clone().await,
        };
        let mut state = cache.lock().unwrap_or_else(PoisonError::into_inner);
        if state.fetching.as_ref().is_some_and(|f| f.ptr_eq(&fetch)) {
            state.fetching = None;
            if let Ok(fresh) = &result {
                state.cached = Some(fresh.clone());
            }
        }
        result.map(|fresh| fresh.header).map_err(|failure| Error::AuthFailed(Box::new(failure)))
    }

    /// Starts fetching a session or token as a task of its own.
    fn start_fetch(&self, transport: Arc<Transport>) -> Fetch {
        let scheme = if matches!(self, Authenticator::Session { .. }) { "IBSSO" } else { "OAuth2" };
        let task = match self {
            Authenticator::Fixed(_) => {
                return async move { Err(internal(scheme, "a fixed header needs no fetch")) }.boxed().shared();
            }
            Authenticator::Session { username, password, .. } => {
                let (username, password) = (username.clone(), password.clone());
                tokio::spawn(async move {
                    let session = request_session(&transport, &username, &password, false)
                        .await
                        .map_err(|e| AuthFailure::from_error("IBSSO", &e))?;
                    let header = session_header(&session.token).map_err(|e| AuthFailure::from_error("IBSSO", &e))?;
                    Ok(Cached { header, refresh_at: None })
                })
            }
            Authenticator::OAuth2 { client_id, client_secret, .. } => {
                let (client_id, client_secret) = (client_id.clone(), client_secret.clone());
                tokio::spawn(async move {
                    let failed = |e: Error| AuthFailure::from_error("OAuth2", &e);
                    let asked = Instant::now();
                    let token = request_token(&transport, &client_id, &client_secret).await.map_err(failed)?;
                    let refresh_at = token.expires_in.and_then(|secs| {
                        let lifetime = Duration::from_secs(secs);
                        let margin = (lifetime / 10).min(Duration::from_secs(60));
                        // A lifetime past what the clock can count never needs a refresh.
                        asked.checked_add(lifetime - margin)
                    });
                    let header = sensitive(&format!("Bearer {}", token.access_token.expose())).map_err(failed)?;
                    Ok(Cached { header, refresh_at })
                })
            }
        };
        async move { task.await.unwrap_or_else(|e| Err(internal(scheme, &format!("the fetch ended abnormally: {e}")))) }
            .boxed()
            .shared()
    }

    /// Called after a 401: forgets the session or token that was refused, so the next
    /// [`header`](Self::header) fetches a new one. Returns whether trying again can help.
    pub(crate) fn forget(&self, refused: &HeaderValue) -> bool {
        let cache = match self {
            Authenticator::Fixed(_) => return false,
            Authenticator::Session { cache, .. } | Authenticator::OAuth2 { cache, .. } => cache,
        };
        let mut state = cache.lock().unwrap_or_else(PoisonError::into_inner);
        if state.cached.as_ref().is_some_and(|c| c.header == refused) {
            state.cached = None;
        }
        true
    }

    /// Destroys an IBSSO session, if one is open.
    pub(crate) async fn close(&self, transport: &Transport) -> Result<(), Error> {
        let Authenticator::Session { cache, .. } = self else { return Ok(()) };
        let taken = cache.lock().unwrap_or_else(PoisonError::into_inner).cached.take();
        let Some(cached) = taken else { return Ok(()) };
        destroy_session(transport, &cached.header).await
    }
}

/// An authentication failure that is a bug of the SDK.
fn internal(scheme: &str, message: &str) -> AuthFailure {
    AuthFailure::from_error(scheme, &Error::internal(message))
}

/// An IBSSO session (`POST /auth/1/session`).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Session {
    /// The session token, sent as `Authorization: IBSSO <token>`.
    pub token: Secret,
    /// The request id the API gave.
    #[serde(skip)]
    pub request_id: Option<String>,
}

/// An OAuth2 access token (`POST /auth/1/oauth2/token`).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct OAuth2Token {
    /// The token, sent as `Authorization: Bearer <token>`.
    pub access_token: Secret,
    /// Seconds until it expires.
    #[serde(default)]
    pub expires_in: Option<u64>,
    /// The token type (`Bearer`).
    #[serde(default)]
    pub token_type: Option<String>,
    /// The request id the API gave.
    #[serde(skip)]
    pub request_id: Option<String>,
}

/// Creates an IBSSO session (no `Authorization` header is sent).
pub(crate) async fn request_session(
    transport: &Transport,
    username: &str,
    password: &Secret,
    unbound_to_ip: bool,
) -> Result<Session, Error> {
    let mut body = serde_json::json!({ "username": username, "password": password.expose() });
    if unbound_to_ip {
        body["unsafe"] = serde_json::Value::Bool(true);
    }
    let request = Prepared::new(Method::POST, SESSION_PATH, Query::new(), Some(Body::json(&body)?));
    // A second session is harmless: retried like a GET.
    let response = transport.run(&request, None, &RequestOptions::new().retry_non_idempotent(true), None).await?;
    // A decode error could quote the body, which holds the token: say less.
    let mut session: Session =
        response.json().map_err(|_| Error::decode("the IBSSO session response (it has no \"token\")", None))?;
    session.request_id = response.request_id;
    Ok(session)
}

/// Fetches an OAuth2 client-credentials token (no `Authorization` header is sent).
pub(crate) async fn request_token(
    transport: &Transport,
    client_id: &str,
    client_secret: &Secret,
) -> Result<OAuth2Token, Error> {
    let mut form = Query::new();
    form.push("client_id", client_id);
    form.push("client_secret", client_secret.expose());
    form.push("grant_type", "client_credentials");
    let request = Prepared::new(Method::POST, TOKEN_PATH, Query::new(), Some(Body::form(&form)));
    // A second token is harmless: retried like a GET.
    let response = transport.run(&request, None, &RequestOptions::new().retry_non_idempotent(true), None).await?;
    let mut token: OAuth2Token =
        response.json().map_err(|_| Error::decode("the OAuth2 token response (it has no \"access_token\")", None))?;
    token.request_id = response.request_id;
    Ok(token)
}

/// Destroys an IBSSO session.
pub(crate) async fn destroy_session(transport: &Transport, header: &HeaderValue) -> Result<(), Error> {
    let request = Prepared::new(Method::DELETE, SESSION_PATH, Query::new(), None);
    match transport.run(&request, Some(header), &RequestOptions::new().max_retries(0), None).await {
        Ok(_) => Ok(()),
        // An expired session is as good as destroyed.
        Err(Error::Api(api)) if api.status == 401 => Ok(()),
        Err(other) => Err(other),
    }
}

/// The header for a session token.
pub(crate) fn session_header(token: &Secret) -> Result<HeaderValue, Error> {
    sensitive(&format!("IBSSO {}", token.expose()))
}
