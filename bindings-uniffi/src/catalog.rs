//! Every operation of the API by id: `client.call(operationId, paramsJson)`, its pages, and the
//! catalog. The generated Kotlin and Swift layers call only these: they write an operation's
//! parameters as JSON and read the answer's bytes themselves.

use std::collections::HashMap;
use std::sync::Arc;

use crate::cancel::followed;
use crate::client::InfobipClient;
use crate::config::RequestOptions;
use crate::error::{InfobipError, guarded, guarded_sync};

/// An answer of `call` (and of each page of `pages`): the body's bytes as the API sent them.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct RawResponse {
    /// The HTTP status.
    pub status: u16,
    /// The response headers (lower-case names; repeated headers joined with `, `).
    pub headers: HashMap<String, String>,
    /// The body's bytes (JSON for most operations; a file's content for downloads).
    pub body: Vec<u8>,
    /// The request id the API gave (`X-Request-Id`).
    pub request_id: Option<String>,
    /// Attempts made.
    pub attempts: u32,
}

impl RawResponse {
    /// A response of the core's catalog call.
    fn from_call(response: infobip::catalog::CallResponse) -> Self {
        RawResponse::new(
            response.status,
            &response.headers,
            response.raw.to_vec(),
            response.request_id,
            response.attempts,
        )
    }

    /// A response from its parts (lower-case header names; repeated headers joined with `, `).
    pub(crate) fn new(
        status: u16,
        header_map: &http::HeaderMap,
        body: Vec<u8>,
        request_id: Option<String>,
        attempts: u32,
    ) -> Self {
        RawResponse { status, headers: joined_headers(header_map), body, request_id, attempts }
    }
}

/// Headers by lower-case name; repeated headers joined with `, `.
pub(crate) fn joined_headers(header_map: &http::HeaderMap) -> HashMap<String, String> {
    let mut headers: HashMap<String, String> = HashMap::new();
    for (name, value) in header_map {
        let value = String::from_utf8_lossy(value.as_bytes());
        headers
            .entry(name.as_str().to_owned())
            .and_modify(|joined| {
                joined.push_str(", ");
                joined.push_str(&value);
            })
            .or_insert_with(|| value.into_owned());
    }
    headers
}

/// `{"path": …, "query": …, "headers": …, "body": …}` as the core's call parameters.
fn call_params(params_json: Option<String>) -> Result<infobip::catalog::CallParams, InfobipError> {
    match params_json {
        Some(text) => serde_json::from_str(&text)
            .map_err(|e| infobip::Error::validation("paramsJson", format!("is not valid call parameters: {e}")).into()),
        None => Ok(infobip::catalog::CallParams::new()),
    }
}

#[uniffi::export(async_runtime = "tokio")]
impl InfobipClient {
    /// Calls any operation of the catalog by its id (`send-sms-messages`, `get-account-balance`, …)
    /// with the client's auth, retries, throttling, send rules and error mapping. `paramsJson` is
    /// `{"path": {…}, "query": {…}, "headers": {…}, "body": …}` (wire names), every part optional;
    /// parameters are checked against the operation before anything is sent (unless
    /// `options.validate` is `false`). The generated methods (`client.whatsapp()…`) call this.
    #[uniffi::method(default(params_json = None, options = None))]
    pub async fn call(
        &self,
        operation_id: String,
        params_json: Option<String>,
        options: Option<RequestOptions>,
    ) -> Result<RawResponse, InfobipError> {
        guarded(async move {
            let params = call_params(params_json)?;
            let options: infobip::RequestOptions = options.unwrap_or_default().into();
            followed(|tracker| async move {
                let params = params.options(options.tracker(tracker));
                Ok(RawResponse::from_call(self.inner.call(&operation_id, params).await?))
            })
            .await
        })
        .await
    }

    /// The pages of a paging operation called with `paramsJson` (as for `call`): the SDK sends
    /// the cursor or page number of each next page, and stops where the core's paging rules say
    /// (no next cursor, an empty page, the last page; a repeated cursor is a `Decode` error).
    #[uniffi::method(default(params_json = None, options = None))]
    pub fn pages(
        &self,
        operation_id: String,
        params_json: Option<String>,
        options: Option<RequestOptions>,
    ) -> Result<Arc<Pager>, InfobipError> {
        guarded_sync(|| {
            let params = call_params(params_json)?.options(options.unwrap_or_default().into());
            let pages = self.inner.pages(&operation_id, params)?;
            Ok(Arc::new(Pager { pages: tokio::sync::Mutex::new(pages) }))
        })
    }
}

/// The pages of one paging call (`client.pages(…)`): `nextPage()` until it returns `null`.
#[derive(Debug, uniffi::Object)]
pub struct Pager {
    pages: tokio::sync::Mutex<infobip::typed::Pages>,
}

#[uniffi::export(async_runtime = "tokio")]
impl Pager {
    /// The next page's answer; `null` after the last one.
    pub async fn next_page(&self) -> Result<Option<RawResponse>, InfobipError> {
        guarded(async move {
            let mut pages = self.pages.lock().await;
            Ok(pages.next_page().await?.map(RawResponse::from_call))
        })
        .await
    }
}

/// One operation of the catalog.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct OperationInfo {
    /// The operation id, for `call`.
    pub id: String,
    /// The product (`sms`, `2fa`, …).
    pub product: String,
    /// The HTTP method.
    pub method: String,
    /// The path template (`/2fa/2/applications/{appId}`).
    pub path: String,
    /// What it does.
    pub summary: String,
    /// The API-key scopes that allow it (any one is enough).
    pub scopes: Vec<String>,
    /// Whether it is deprecated.
    pub deprecated: bool,
}

/// Every operation `call` can reach.
#[uniffi::export]
pub fn operations() -> Vec<OperationInfo> {
    infobip::catalog::operations()
        .iter()
        .map(|op| OperationInfo {
            id: op.id.clone(),
            product: op.product.clone(),
            method: op.method.clone(),
            path: op.path.clone(),
            summary: op.summary.clone(),
            scopes: op.scopes.clone(),
            deprecated: op.deprecated,
        })
        .collect()
}

/// The scopes an API key needs for an operation (any one is enough); `null` for an unknown id.
#[uniffi::export]
pub fn required_scopes(operation_id: String) -> Option<Vec<String>> {
    infobip::catalog::required_scopes(&operation_id).map(<[String]>::to_vec)
}
