//! `client.call(...)` and the operation catalog: every operation of the API by id, with the
//! core's checks, auth, retries and error mapping. Operations are listed as the core's
//! [`OperationListing`](infobip::catalog::OperationListing) (typed in index.d.ts).

use infobip::catalog::{self, CallParams};
use infobip::input::from_json;
use napi::Env;
use napi::bindgen_prelude::PromiseRaw;
use napi_derive::napi;
use serde_json::Value;

use crate::calls::to_js_value;
use crate::cancel::CancelToken;
use crate::client::{NativeClient, RawResponse};
use crate::error::to_napi;
use crate::options::CallOptions;

/// The operations matching `search` (every word, ignoring case, in the id, product, method,
/// path or summary); all of them without one.
#[napi(ts_return_type = "unknown[]", catch_unwind)]
pub fn catalog_operations(search: Option<String>) -> napi::Result<Value> {
    let listed: Vec<_> = catalog::search(search.as_deref().unwrap_or("")).into_iter().map(|op| op.listing()).collect();
    to_js_value(&listed).map_err(|e| to_napi(&e))
}

/// The scopes an API key needs for an operation (any one is enough); `null` for an unknown id.
#[napi(catch_unwind)]
pub fn catalog_required_scopes(operation_id: String) -> Option<Vec<String>> {
    catalog::required_scopes(&operation_id).map(<[String]>::to_vec)
}

#[napi]
impl NativeClient {
    /// Calls any operation by id; `params` is JSON of `{ path, query, headers, body }`.
    #[napi(ts_return_type = "Promise<RawResponse>", catch_unwind)]
    pub fn call<'env>(
        &self,
        env: &'env Env,
        operation_id: String,
        params: Option<String>,
        options: Option<CallOptions>,
        cancel: Option<&CancelToken>,
    ) -> napi::Result<PromiseRaw<'env, Value>> {
        let params = params.map_or_else(|| Ok(CallParams::new()), |text| from_json::<CallParams>(&text, "params"));
        self.run(env, options, cancel, move |client| async move {
            let response = client.call(&operation_id, params?).await?;
            Ok(RawResponse {
                status: u32::from(response.status),
                request_id: response.request_id,
                attempts: response.attempts,
                body: response.body,
            })
        })
    }
}
