//! The client, its builder, and generic requests.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use http::{HeaderMap, HeaderName, HeaderValue, Method};
use serde::Serialize;
use serde_json::Value;
use tokio::time::Instant;

use crate::auth::{Authenticator, Credentials, Secret};
use crate::catalog::upload::Upload;
use crate::config::{self, BaseUrl, RequestOptions, RetryPolicy};
use crate::error::Error;
use crate::http::{Body, Prepared, Query, RateLimit, Response, Throttle, Transport, Unread};
use crate::network::{NetworkOptions, Pem};
use crate::send::{SendIds, Sent};

/// A client of the Infobip API. Cheap to clone (clones share one connection pool, one
/// session or token, and one throttle), `Send` and `Sync`.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
    /// Options every call of this handle starts from (see [`Client::with_options`]).
    defaults: RequestOptions,
}

struct Inner {
    transport: Arc<Transport>,
    auth: Authenticator,
    credentials_scheme: &'static str,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.transport.base_url.as_str())
            .field("auth", &self.inner.credentials_scheme)
            .field("retry", &self.inner.transport.retry)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// A builder with the defaults of [`config`](crate::config).
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// A client configured from `INFOBIP_*` environment variables.
    pub fn from_env() -> Result<Client, Error> {
        Client::builder().env().build()
    }

    /// The base URL requests go to.
    pub fn base_url(&self) -> &BaseUrl {
        &self.inner.transport.base_url
    }

    /// The SMS API.
    pub fn sms(&self) -> crate::sms::Sms {
        crate::sms::Sms::new(self.clone())
    }

    /// The 2FA (two-factor authentication) API.
    pub fn tfa(&self) -> crate::tfa::Tfa {
        crate::tfa::Tfa::new(self.clone())
    }

    /// A client sharing this one's connections, session or token and throttle, whose calls
    /// (generic and typed) use `options` where a call does not set its own.
    pub fn with_options(&self, options: RequestOptions) -> Client {
        Client { inner: self.inner.clone(), defaults: self.defaults.clone().overridden_by(options) }
    }

    /// The options every call of this handle starts from.
    pub(crate) fn defaults(&self) -> &RequestOptions {
        &self.defaults
    }

    /// Starts a request to any endpoint. `path` starts with `/` and is already encoded
    /// (use [`encode_component`](crate::http::encode_component) for ids put into it).
    pub fn request(&self, method: Method, path: impl Into<String>) -> RequestBuilder {
        RequestBuilder {
            client: self.clone(),
            method,
            path: path.into(),
            operation: None,
            query: Query::new(),
            headers: HeaderMap::new(),
            body: Ok(None),
            options: self.defaults.clone(),
            accept: None,
            streamed: None,
        }
    }

    /// Ends an IBSSO session, if one is open. Other schemes need no closing. The client can
    /// still be used afterwards: a new session is made when needed.
    pub async fn close(&self) -> Result<(), Error> {
        self.inner.auth.close(&self.inner.transport).await
    }

    /// The transport, for calls that must not carry the client's own credentials.
    pub(crate) fn transport(&self) -> &Transport {
        &self.inner.transport
    }

    /// Sends a prepared request with authentication, renewing a session or token once after a
    /// 401. Waiting for a session, a token or a throttle slot ends at the call's deadline (its
    /// timeout from now).
    pub(crate) async fn execute(&self, request: &Prepared, options: &RequestOptions) -> Result<Response, Error> {
        let inner = &self.inner;
        let timeout = options.timeout.or(inner.transport.timeout);
        let deadline = || timeout.and_then(|t| Instant::now().checked_add(t));
        let header = inner.auth.header(&inner.transport, deadline()).await?;
        match inner.transport.run(request, Some(&header), options, deadline()).await {
            Err(Error::Api(api)) if api.status == 401 && inner.auth.forget(&header) => {
                tracing::debug!(target: "infobip", "credentials refused; renewing the session or token once");
                let header = inner.auth.header(&inner.transport, deadline()).await?;
                inner.transport.run(request, Some(&header), options, deadline()).await
            }
            other => other,
        }
    }
}

/// A request being put together; [`send`](RequestBuilder::send) sends it.
#[derive(Debug)]
#[must_use = "a request does nothing until it is sent"]
pub struct RequestBuilder {
    client: Client,
    method: Method,
    path: String,
    operation: Option<String>,
    query: Query,
    headers: HeaderMap,
    body: Result<Option<Pending>, Error>,
    options: RequestOptions,
    accept: Option<HeaderValue>,
    streamed: Option<Unread>,
}

/// A body as given, encoded when the request is sent (a JSON body may get ids first).
#[derive(Debug)]
enum Pending {
    Json(Value),
    Form(Query),
    Upload(Upload),
}

impl RequestBuilder {
    /// Adds a query parameter.
    pub fn query(mut self, name: &str, value: impl ToString) -> Self {
        self.query.push(name, value);
        self
    }

    /// Adds a list query parameter (repeated: `bulkId=a&bulkId=b`).
    pub fn query_list<V: ToString>(mut self, name: &str, values: impl IntoIterator<Item = V>) -> Self {
        self.query.push_list(name, values);
        self
    }

    /// Replaces the query with `query`.
    pub fn query_all(mut self, query: Query) -> Self {
        self.query = query;
        self
    }

    /// Adds a request header an operation declares (e.g. `X-Session-Id`). The SDK's own headers
    /// (`Authorization`, `User-Agent`, `Accept`, `Content-Type`) are set by the SDK.
    pub fn header(mut self, name: HeaderName, value: HeaderValue) -> Self {
        self.headers.append(name, value);
        self
    }

    /// Sets a JSON body.
    pub fn json<T: Serialize + ?Sized>(mut self, body: &T) -> Self {
        self.body = serde_json::to_value(body)
            .map(|value| Some(Pending::Json(value)))
            .map_err(|e| Error::validation("body", format!("cannot be written as JSON: {e}")));
        self
    }

    /// Sets a form-encoded body.
    pub fn form(mut self, fields: &Query) -> Self {
        self.body = Ok(Some(Pending::Form(fields.clone())));
        self
    }

    /// Sets an upload body (a form with files, or a file), read as it is sent.
    pub(crate) fn upload(mut self, upload: Upload) -> Self {
        self.body = Ok(Some(Pending::Upload(upload)));
        self
    }

    /// Asks for what `op` answers (`Accept`); with a `streamed` slot, a success answer's body is
    /// left unread there for a [`Download`](crate::files::Download).
    pub(crate) fn answer(mut self, op: &crate::catalog::Operation, streamed: Option<Unread>) -> Self {
        self.accept = HeaderValue::from_str(&op.accept()).ok();
        self.streamed = streamed;
        self
    }

    /// Sets options for this call (timeout, retries); what `options` leaves unset keeps the
    /// client's (see [`Client::with_options`]).
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = self.options.overridden_by(options);
        self
    }

    /// Names the operation for throttling and warnings, as `METHOD /path/{template}`
    /// (by default the method and the literal path).
    pub fn operation(mut self, key: impl Into<String>) -> Self {
        self.operation = Some(key.into());
        self
    }

    /// Sends the request. Error statuses become [`Error::Api`]. When the operation (named, or
    /// found by method and path) sends messages, the [send rule](crate::send) applies: ids are
    /// assigned where the request has places for them, it is never repeated once it may have
    /// been written, and a send in doubt is `outcome_unknown` with its ids.
    pub async fn send(self) -> Result<Response, Error> {
        if !self.path.starts_with('/') {
            return Err(Error::validation("path", format!("must start with '/': {:?}", self.path)));
        }
        self.options.checked()?;
        let mut body = self.body?;
        let mut query = self.query;
        let literal = format!("{} {}", self.method, self.path);
        let send = match &self.operation {
            Some(key) => crate::catalog::operation_by_key(key).filter(|op| op.send.is_some()),
            None => crate::catalog::send_operation_for(&literal),
        };
        let sent = send.and_then(|op| op.send.as_ref()).map(|spec| {
            let (json, in_form) = match body.as_mut() {
                Some(Pending::Json(value)) => (Some(value), SendIds::default()),
                Some(Pending::Upload(upload)) => (None, std::mem::take(&mut upload.ids)),
                _ => (None, SendIds::default()),
            };
            Sent { operation: literal.clone(), ids: in_form.and(spec.assign(json, &mut query)) }
        });
        let body = match body {
            Some(Pending::Json(value)) => Some(Body::json(&value)?),
            Some(Pending::Form(fields)) => Some(Body::form(&fields)),
            Some(Pending::Upload(upload)) => Some(Body::pieces(upload.pieces, &upload.content_type)?),
            None => None,
        };
        let mut prepared = Prepared::new(self.method, &self.path, query, body);
        prepared.headers = self.headers;
        (prepared.accept, prepared.streamed) = (self.accept, self.streamed);
        prepared.sent = sent;
        if let Some(key) = self.operation.or_else(|| send.map(|op| op.key())) {
            prepared.operation = key;
        }
        self.client.execute(&prepared, &self.options).await
    }
}

/// Builds a [`Client`].
#[derive(Default)]
pub struct ClientBuilder {
    base_url: Option<String>,
    credentials: Option<Credentials>,
    connect_timeout: Option<Duration>,
    timeout: Option<Option<Duration>>,
    retry: Option<RetryPolicy>,
    runtime: Option<(String, String)>,
    user_agent_suffix: Option<String>,
    rate_limits: Vec<(String, RateLimit)>,
    pool_idle_timeout: Option<Option<Duration>>,
    network: NetworkOptions,
    max_response_bytes: Option<usize>,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("base_url", &self.base_url)
            .field("credentials", &self.credentials)
            .field("retry", &self.retry)
            .field("network", &self.network)
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    /// The base URL: your personal `xxxxx.api.infobip.com` (see [`BaseUrl::parse`] for the rules).
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// Authenticate with an API key (`App <key>`).
    pub fn api_key(mut self, key: impl Into<Secret>) -> Self {
        self.credentials = Some(Credentials::ApiKey(key.into()));
        self
    }

    /// Authenticate with Basic credentials.
    pub fn basic(mut self, username: impl Into<String>, password: impl Into<Secret>) -> Self {
        self.credentials = Some(Credentials::Basic { username: username.into(), password: password.into() });
        self
    }

    /// Authenticate with an IBSSO session made from a username and password.
    pub fn ibsso(mut self, username: impl Into<String>, password: impl Into<Secret>) -> Self {
        self.credentials = Some(Credentials::Ibsso { username: username.into(), password: password.into() });
        self
    }

    /// Authenticate with OAuth2 client credentials.
    pub fn oauth2(mut self, client_id: impl Into<String>, client_secret: impl Into<Secret>) -> Self {
        self.credentials =
            Some(Credentials::OAuth2 { client_id: client_id.into(), client_secret: client_secret.into() });
        self
    }

    /// Authenticate with the given credentials.
    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.credentials = Some(credentials);
        self
    }

    /// The connect timeout (default 10 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = Some(timeout);
        self
    }

    /// The whole-request timeout of each attempt (default 60 s); `None` waits forever.
    pub fn timeout(mut self, timeout: Option<Duration>) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// The retry policy (default: 2 retries, see [`RetryPolicy`]).
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// The number of retries, keeping the rest of the policy.
    pub fn max_retries(mut self, retries: u32) -> Self {
        let mut policy = self.retry.take().unwrap_or_default();
        policy.max_retries = retries;
        self.retry = Some(policy);
        self
    }

    /// The language runtime named in the `User-Agent` (bindings set theirs, e.g. `python`, `3.11.7`).
    pub fn runtime(mut self, name: impl Into<String>, version: impl Into<String>) -> Self {
        self.runtime = Some((name.into(), version.into()));
        self
    }

    /// Text appended to the `User-Agent` (e.g. an application name).
    pub fn user_agent_suffix(mut self, suffix: impl Into<String>) -> Self {
        self.user_agent_suffix = Some(suffix.into());
        self
    }

    /// Limits an operation (`METHOD /path/template`) on the client side.
    pub fn rate_limit(mut self, operation: impl Into<String>, limit: RateLimit) -> Self {
        self.rate_limits.push((operation.into(), limit));
        self
    }

    /// How long idle pooled connections are kept (default 90 s); `None` keeps them.
    pub fn pool_idle_timeout(mut self, timeout: Option<Duration>) -> Self {
        self.pool_idle_timeout = Some(timeout);
        self
    }

    /// Sends every request through this proxy: `http://host:port` or `https://host:port`, with
    /// credentials as `http://user:password@host:port` (percent-encoded). The URL is treated as
    /// a secret. Without it, `HTTPS_PROXY`/`HTTP_PROXY`/`ALL_PROXY` and `NO_PROXY` from the
    /// environment apply, except to a loopback base URL (see [`network`](crate::network)).
    pub fn proxy(mut self, url: impl Into<Secret>) -> Self {
        self.network.proxy(url.into());
        self
    }

    /// Hosts the [`proxy`](ClientBuilder::proxy) is not used for, comma-separated: host or
    /// domain names (`example.com` also matches its subdomains), IP addresses and ranges
    /// (`10.0.0.0/8`), or `*` for all.
    pub fn no_proxy(mut self, list: impl Into<String>) -> Self {
        self.network.no_proxy(list.into());
        self
    }

    /// Trusts the CA certificates of this PEM (text or file, one or more certificates) as
    /// roots, besides the platform's: for a private CA or a TLS-inspecting proxy. Repeatable.
    pub fn root_certificates(mut self, pem: Pem) -> Self {
        self.network.root_certificates(pem);
        self
    }

    /// Presents this client certificate (a PEM certificate chain) with its PEM private key
    /// (RSA, SEC1 or PKCS#8) to servers that ask for one (mutual TLS). Both may be one file.
    pub fn client_certificate(mut self, certificate: Pem, key: Pem) -> Self {
        self.network.client_certificate(certificate, key);
        self
    }

    /// The most bytes of an answer read, counted after decompression (default
    /// [`DEFAULT_MAX_RESPONSE_BYTES`](config::DEFAULT_MAX_RESPONSE_BYTES), 32 MiB). A larger
    /// answer fails the call with `decode` naming the cap (`outcome_unknown` for a send).
    pub fn max_response_bytes(mut self, bytes: usize) -> Self {
        self.max_response_bytes = Some(bytes);
        self
    }

    /// Fills what is not set yet from `INFOBIP_*` environment variables.
    pub fn env(self) -> Self {
        self.env_from(|name| std::env::var(name).ok())
    }

    /// Fills what is not set yet from a lookup of `INFOBIP_*` names (for tests and embedders).
    /// Credentials are taken in this order: API key, OAuth2 client, Basic username and password.
    pub fn env_from(mut self, lookup: impl Fn(&str) -> Option<String>) -> Self {
        let get = |name: &str| lookup(name).filter(|v| !v.is_empty());
        if self.base_url.is_none() {
            self.base_url = get(config::ENV_BASE_URL);
        }
        if self.credentials.is_none() {
            self.credentials = if let Some(key) = get(config::ENV_API_KEY) {
                Some(Credentials::ApiKey(Secret::new(key)))
            } else if let (Some(id), Some(secret)) = (get(config::ENV_CLIENT_ID), get(config::ENV_CLIENT_SECRET)) {
                Some(Credentials::OAuth2 { client_id: id, client_secret: Secret::new(secret) })
            } else if let (Some(user), Some(password)) = (get(config::ENV_USERNAME), get(config::ENV_PASSWORD)) {
                Some(Credentials::Basic { username: user, password: Secret::new(password) })
            } else {
                None
            };
        }
        self
    }

    /// Builds the client, checking the configuration.
    pub fn build(self) -> Result<Client, Error> {
        let base_url = BaseUrl::parse(self.base_url.as_deref().unwrap_or(config::DEFAULT_BASE_URL))?;
        let credentials = self.credentials.ok_or_else(|| {
            Error::config(format!(
                "no credentials: give an API key, Basic, IBSSO or OAuth2 credentials, or set {} (or {}/{}, or {}/{})",
                config::ENV_API_KEY,
                config::ENV_CLIENT_ID,
                config::ENV_CLIENT_SECRET,
                config::ENV_USERNAME,
                config::ENV_PASSWORD
            ))
        })?;
        let auth = Authenticator::new(&credentials)?;
        let user_agent = user_agent(self.runtime.as_ref(), self.user_agent_suffix.as_deref())?;
        let connect_timeout = config::checked_timeout(
            "connect_timeout",
            self.connect_timeout.unwrap_or(config::DEFAULT_CONNECT_TIMEOUT),
        )?;
        let timeout = self.timeout.unwrap_or(Some(config::DEFAULT_TIMEOUT));
        if let Some(timeout) = timeout {
            config::checked_timeout("timeout", timeout)?;
        }
        let pool_idle_timeout = self.pool_idle_timeout.unwrap_or(Some(Duration::from_secs(90)));
        if let Some(idle) = pool_idle_timeout {
            config::checked_timeout("pool_idle_timeout", idle)?;
        }
        let max_response_bytes = self.max_response_bytes.unwrap_or(config::DEFAULT_MAX_RESPONSE_BYTES);
        if max_response_bytes == 0 {
            return Err(Error::config("max_response_bytes must be at least 1"));
        }
        install_crypto_provider();
        let http = reqwest::Client::builder()
            .connect_timeout(connect_timeout)
            .pool_idle_timeout(pool_idle_timeout)
            .redirect(reqwest::redirect::Policy::none());
        let http = self
            .network
            .apply(http, base_url.is_loopback())?
            .build()
            .map_err(|e| Error::config(format!("cannot build the HTTP client: {e}")))?;
        let throttle = Throttle::default();
        // The published limit of every operation (`x-throttling-info`), then the caller's own.
        for op in crate::catalog::operations() {
            if let Some(limit) = op.rate_limit() {
                throttle.set(&op.key(), limit);
            }
        }
        for (operation, limit) in &self.rate_limits {
            throttle.set(operation, *limit);
        }
        let transport = Arc::new(Transport {
            http,
            base_url,
            user_agent,
            retry: self.retry.unwrap_or_default(),
            timeout,
            throttle,
            warned: Default::default(),
            max_response_bytes,
        });
        Ok(Client {
            inner: Arc::new(Inner { transport, auth, credentials_scheme: credentials.scheme() }),
            defaults: RequestOptions::new(),
        })
    }
}

/// `infobip-sdk/<version> (<runtime>/<version>; <os>)[ suffix]`.
fn user_agent(runtime: Option<&(String, String)>, suffix: Option<&str>) -> Result<HeaderValue, Error> {
    let (name, version) =
        runtime.map(|(n, v)| (n.as_str(), v.as_str())).unwrap_or(("rust", env!("INFOBIP_RUSTC_VERSION")));
    let mut text = format!("infobip-sdk/{} ({name}/{version}; {})", env!("CARGO_PKG_VERSION"), std::env::consts::OS);
    if let Some(suffix) = suffix.filter(|s| !s.is_empty()) {
        text.push(' ');
        text.push_str(suffix);
    }
    HeaderValue::from_str(&text)
        .map_err(|_| Error::config(format!("the User-Agent {text:?} is not a valid header value")))
}

/// reqwest is built without a default TLS crypto provider; install ring's once per process.
pub(crate) fn install_crypto_provider() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // Another library may have installed one already; either is fine.
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}
