//! `InfobipClient`: the core client, and generic requests to any endpoint.

use std::collections::HashMap;
use std::sync::Arc;

use crate::cancel::followed;
use crate::config::{ClientConfig, RequestOptions};
use crate::error::{InfobipError, guarded, guarded_sync};

/// A client of the Infobip API. One connection pool, one session or token; share one instance.
/// Async calls are `suspend` (Kotlin) / `async throws` (Swift) and run on the core's tokio runtime.
#[derive(Debug, uniffi::Object)]
#[uniffi::export(Debug)]
pub struct InfobipClient {
    pub(crate) inner: infobip::Client,
}

#[uniffi::export(async_runtime = "tokio")]
impl InfobipClient {
    /// A client from a configuration; what it leaves out comes from `INFOBIP_*` environment variables.
    #[uniffi::constructor]
    pub fn new(config: ClientConfig) -> Result<Arc<Self>, InfobipError> {
        crate::logging::from_env();
        guarded_sync(|| {
            let validate = config.validate;
            let mut inner = config.builder().build()?;
            if let Some(validate) = validate {
                inner = inner.with_options(infobip::RequestOptions::new().validate(validate));
            }
            Ok(Arc::new(InfobipClient { inner }))
        })
    }

    /// A client configured from `INFOBIP_*` environment variables only.
    #[uniffi::constructor]
    pub fn from_env() -> Result<Arc<Self>, InfobipError> {
        Self::new(ClientConfig {
            base_url: None,
            auth: None,
            timeout_ms: None,
            connect_timeout_ms: None,
            max_retries: None,
            user_agent_suffix: None,
            validate: None,
            proxy: None,
            no_proxy: None,
            ca_certificates: None,
            client_certificate: None,
            max_response_bytes: None,
        })
    }

    /// The base URL requests go to.
    pub fn base_url(&self) -> String {
        self.inner.base_url().to_string()
    }

    /// Sends a request to any endpoint with the client's auth, retries and error mapping.
    pub async fn request(&self, request: HttpRequest) -> Result<HttpResponse, InfobipError> {
        guarded(async move {
            let method = infobip::Method::from_bytes(request.method.as_bytes()).map_err(|_| {
                infobip::Error::validation("method", format!("{:?} is not an HTTP method", request.method))
            })?;
            let options = infobip::RequestOptions::from(request.options);
            let mut builder = self.inner.request(method, request.path);
            for QueryParam { name, value } in &request.query {
                builder = builder.query(name, value);
            }
            if let Some(text) = request.body_json {
                let body: serde_json::Value = serde_json::from_str(&text)
                    .map_err(|e| infobip::Error::validation("bodyJson", format!("is not JSON: {e}")))?;
                builder = builder.json(&body);
            }
            followed(|tracker| async move { Ok(builder.options(options.tracker(tracker)).send().await?.into()) }).await
        })
        .await
    }

    /// Ends an IBSSO session, if one is open (other schemes need no closing); the client stays
    /// usable and opens a new session when needed.
    pub async fn end_session(&self) -> Result<(), InfobipError> {
        guarded(async move { Ok(self.inner.close().await?) }).await
    }

    /// Closes the client: ends an IBSSO session, if one is open. Swift's `close()`. Kotlin does
    /// not get this method (uniffi.toml excludes it): there `close()` is `AutoCloseable`'s, which
    /// frees the native object, so call `endSession()` before it (or use `use { }` after it).
    pub async fn close(&self) -> Result<(), InfobipError> {
        guarded(async move { Ok(self.inner.close().await?) }).await
    }
}

/// A request to any endpoint of the API.
#[derive(Clone, Debug, uniffi::Record)]
pub struct HttpRequest {
    /// `GET`, `POST`, `PUT`, `PATCH` or `DELETE`.
    pub method: String,
    /// The path, starting with `/`, already encoded (`/sms/3/logs`).
    pub path: String,
    /// Query parameters, in order; repeat a name for a list (`bulkId=a&bulkId=b`).
    #[uniffi(default)]
    pub query: Vec<QueryParam>,
    /// A JSON body, as text.
    #[uniffi(default)]
    pub body_json: Option<String>,
    /// Options for this call.
    #[uniffi(default)]
    pub options: RequestOptions,
}

/// One query parameter.
#[derive(Clone, Debug, uniffi::Record)]
pub struct QueryParam {
    /// The name.
    pub name: String,
    /// The value (encoded by the SDK).
    pub value: String,
}

/// A successful response.
#[derive(Clone, Debug, uniffi::Record)]
pub struct HttpResponse {
    /// The HTTP status.
    pub status: u16,
    /// The response headers (lower-case names; repeated headers joined with `, `).
    pub headers: HashMap<String, String>,
    /// The body as text (JSON for the Infobip API).
    pub body: String,
    /// The request id the API gave (`X-Request-Id`).
    pub request_id: Option<String>,
    /// Attempts made.
    pub attempts: u32,
}

impl HttpResponse {
    /// A response from its parts (lower-case header names; repeated headers joined with `, `).
    pub(crate) fn from_parts(
        status: u16,
        header_map: &http::HeaderMap,
        body: &[u8],
        request_id: Option<String>,
        attempts: u32,
    ) -> Self {
        let headers = crate::catalog::joined_headers(header_map);
        HttpResponse { status, headers, body: String::from_utf8_lossy(body).into_owned(), request_id, attempts }
    }
}

impl From<infobip::Response> for HttpResponse {
    fn from(response: infobip::Response) -> Self {
        HttpResponse::from_parts(
            response.status,
            &response.headers,
            &response.body,
            response.request_id,
            response.attempts,
        )
    }
}
