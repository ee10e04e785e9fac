//! Every operation of the API by id: `client.call(operationId, paramsJson)`, and the catalog.

use crate::cancel::followed;
use crate::client::{HttpResponse, InfobipClient};
use crate::config::RequestOptions;
use crate::error::{InfobipError, guarded};

#[uniffi::export(async_runtime = "tokio")]
impl InfobipClient {
    /// Calls any operation of the catalog by its id (`send-sms-messages`, `get-account-balance`, …)
    /// with the client's auth, retries, throttling and error mapping. `paramsJson` is
    /// `{"path": {…}, "query": {…}, "headers": {…}, "body": …}`, every part optional; parameters are
    /// checked against the operation before anything is sent.
    #[uniffi::method(default(params_json = None, options = None))]
    pub async fn call(
        &self,
        operation_id: String,
        params_json: Option<String>,
        options: Option<RequestOptions>,
    ) -> Result<HttpResponse, InfobipError> {
        guarded(async move {
            let params: infobip::catalog::CallParams = match params_json {
                Some(text) => serde_json::from_str(&text).map_err(|e| {
                    infobip::Error::validation("paramsJson", format!("is not valid call parameters: {e}"))
                })?,
                None => infobip::catalog::CallParams::new(),
            };
            let options: infobip::RequestOptions = options.unwrap_or_default().into();
            followed(|tracker| async move {
                let response = self.inner.call(&operation_id, params.options(options.tracker(tracker))).await?;
                Ok(HttpResponse::from_parts(
                    response.status,
                    &response.headers,
                    &response.raw,
                    response.request_id,
                    response.attempts,
                ))
            })
            .await
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
