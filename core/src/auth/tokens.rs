//! Turns credentials into an `Authorization` header, fetching sessions and tokens as needed.

use std::time::Duration;

use base64::Engine as _;
use http::{HeaderValue, Method};
use serde::Deserialize;
use tokio::sync::Mutex;
use tokio::time::Instant;

use super::{Credentials, Secret};
use crate::config::RequestOptions;
use crate::error::Error;
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
    Session { username: String, password: Secret, cache: Mutex<Option<Cached>> },
    /// OAuth2 client credentials.
    OAuth2 { client_id: String, client_secret: Secret, cache: Mutex<Option<Cached>> },
}

/// A session or token and when to stop using it.
pub(crate) struct Cached {
    header: HeaderValue,
    refresh_at: Option<Instant>,
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
                cache: Mutex::new(None),
            },
            Credentials::OAuth2 { client_id, client_secret } => Authenticator::OAuth2 {
                client_id: client_id.clone(),
                client_secret: client_secret.clone(),
                cache: Mutex::new(None),
            },
        })
    }

    /// The header for the next request, fetching a session or token first when needed.
    /// Callers that arrive while a fetch is under way wait for it and share its result.
    pub(crate) async fn header(&self, transport: &Transport) -> Result<HeaderValue, Error> {
        let (cache, fetch_session) = match self {
            Authenticator::Fixed(value) => return Ok(value.clone()),
            Authenticator::Session { cache, .. } => (cache, true),
            Authenticator::OAuth2 { cache, .. } => (cache, false),
        };
        let mut slot = cache.lock().await;
        if let Some(cached) = slot.as_ref()
            && cached.refresh_at.is_none_or(|at| Instant::now() < at)
        {
            return Ok(cached.header.clone());
        }
        let fresh =
            if fetch_session { self.create_session(transport).await? } else { self.fetch_token(transport).await? };
        let header = fresh.header.clone();
        *slot = Some(fresh);
        Ok(header)
    }

    /// Called after a 401: forgets the session or token that was refused, so the next
    /// [`header`](Self::header) fetches a new one. Returns whether trying again can help.
    pub(crate) async fn forget(&self, refused: &HeaderValue) -> bool {
        let cache = match self {
            Authenticator::Fixed(_) => return false,
            Authenticator::Session { cache, .. } | Authenticator::OAuth2 { cache, .. } => cache,
        };
        let mut slot = cache.lock().await;
        if slot.as_ref().is_some_and(|c| c.header == refused) {
            *slot = None;
        }
        true
    }

    /// Destroys an IBSSO session, if one is open.
    pub(crate) async fn close(&self, transport: &Transport) -> Result<(), Error> {
        let Authenticator::Session { cache, .. } = self else { return Ok(()) };
        let Some(cached) = cache.lock().await.take() else { return Ok(()) };
        destroy_session(transport, &cached.header).await
    }

    async fn create_session(&self, transport: &Transport) -> Result<Cached, Error> {
        let Authenticator::Session { username, password, .. } = self else {
            return Err(Error::config("not an IBSSO authenticator"));
        };
        let session = request_session(transport, username, password, false).await?;
        Ok(Cached { header: session_header(&session.token)?, refresh_at: None })
    }

    async fn fetch_token(&self, transport: &Transport) -> Result<Cached, Error> {
        let Authenticator::OAuth2 { client_id, client_secret, .. } = self else {
            return Err(Error::config("not an OAuth2 authenticator"));
        };
        let asked = Instant::now();
        let token = request_token(transport, client_id, client_secret).await?;
        let refresh_at = token.expires_in.map(|secs| {
            let lifetime = Duration::from_secs(secs);
            let margin = (lifetime / 10).min(Duration::from_secs(60));
            asked + lifetime - margin
        });
        Ok(Cached { header: sensitive(&format!("Bearer {}", token.access_token.expose()))?, refresh_at })
    }
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
    let response = transport.run(&request, None, &RequestOptions::new()).await?;
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
    let response = transport.run(&request, None, &RequestOptions::new()).await?;
    let mut token: OAuth2Token =
        response.json().map_err(|_| Error::decode("the OAuth2 token response (it has no \"access_token\")", None))?;
    token.request_id = response.request_id;
    Ok(token)
}

/// Destroys an IBSSO session.
pub(crate) async fn destroy_session(transport: &Transport, header: &HeaderValue) -> Result<(), Error> {
    let request = Prepared::new(Method::DELETE, SESSION_PATH, Query::new(), None);
    match transport.run(&request, Some(header), &RequestOptions::new().max_retries(0)).await {
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
