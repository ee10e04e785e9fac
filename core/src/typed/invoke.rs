//! Calling an operation from a generated method and reading its answer into a type.

use std::ops::Deref;

use bytes::Bytes;
use http::HeaderMap;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::catalog::{CallParams, CallResponse};
use crate::client::Client;
use crate::error::Error;
use crate::http::decode_json;

/// A typed result with the HTTP response it came from. Derefs to the result, so its fields read
/// as `sent.messages`; the response is behind methods (`sent.status()`, `sent.request_id()`), which
/// never hide a field of the result that has the same name.
#[derive(Clone, Debug)]
pub struct ApiResponse<T> {
    data: T,
    status: u16,
    headers: HeaderMap,
    request_id: Option<String>,
    attempts: u32,
    raw: Bytes,
}

impl<T> ApiResponse<T> {
    /// The result.
    pub fn data(&self) -> &T {
        &self.data
    }

    /// The result, without the response.
    pub fn into_data(self) -> T {
        self.data
    }

    /// The HTTP status.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The response headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The request id the API gave (`X-Request-Id`).
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// Attempts made (1 unless retried).
    pub fn attempts(&self) -> u32 {
        self.attempts
    }

    /// The body's bytes, as received.
    pub fn raw(&self) -> &Bytes {
        &self.raw
    }

    fn from_call(response: CallResponse, data: T) -> Self {
        ApiResponse {
            data,
            status: response.status,
            headers: response.headers,
            request_id: response.request_id,
            attempts: response.attempts,
            raw: response.raw,
        }
    }
}

impl<T> Deref for ApiResponse<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.data
    }
}

/// A file an operation returned.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct FileDownload {
    /// Its bytes.
    pub bytes: Bytes,
    /// Its content type, as the server declared it.
    pub content_type: Option<String>,
    /// Its name, from `Content-Disposition`, when the server gave one.
    pub file_name: Option<String>,
}

impl FileDownload {
    /// The file an operation's answer holds: its bytes, declared type and name.
    pub fn from_response(response: &CallResponse) -> Self {
        let header = |name: http::header::HeaderName| {
            response.headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_owned)
        };
        FileDownload {
            bytes: response.raw.clone(),
            content_type: header(http::header::CONTENT_TYPE),
            file_name: header(http::header::CONTENT_DISPOSITION).as_deref().and_then(disposition_file_name),
        }
    }
}

/// The file name of a `Content-Disposition` value (`attachment; filename="a b.wav"`, or the
/// RFC 5987 `filename*=UTF-8''a%20b.wav`, which wins).
pub(crate) fn disposition_file_name(value: &str) -> Option<String> {
    let mut plain = None;
    for part in value.split(';').map(str::trim) {
        let Some((key, raw)) = part.split_once('=') else { continue };
        match key.trim().to_ascii_lowercase().as_str() {
            "filename*" => {
                let encoded = raw.trim().splitn(3, '\'').nth(2)?;
                return Some(crate::http::decode_component(encoded));
            }
            "filename" => plain = Some(raw.trim().trim_matches('"').to_owned()),
            _ => {}
        }
    }
    plain.filter(|name| !name.is_empty())
}

/// Serializes a request part to JSON (a failure names `what`).
pub(crate) fn to_json<T: Serialize>(value: &T) -> Result<Value, Error> {
    serde_json::to_value(value).map_err(|e| Error::validation("body", format!("cannot be written as JSON: {e}")))
}

/// Calls `operation` and reads a JSON answer into `T` (leniently: unknown fields are ignored;
/// an empty body reads as `{}`).
pub(crate) async fn json<T: DeserializeOwned>(
    client: &Client,
    operation: &str,
    params: CallParams,
) -> Result<ApiResponse<T>, Error> {
    let response = client.call(operation, params).await?;
    let body: &[u8] = if response.raw.is_empty() { b"{}" } else { &response.raw };
    let data = decode_json(body, &format!("the answer of {operation}"))?;
    Ok(ApiResponse::from_call(response, data))
}

/// Calls `operation`, which answers without a body.
pub(crate) async fn empty(client: &Client, operation: &str, params: CallParams) -> Result<ApiResponse<()>, Error> {
    let response = client.call(operation, params).await?;
    Ok(ApiResponse::from_call(response, ()))
}

/// Calls `operation`, which answers with a file.
pub(crate) async fn file(
    client: &Client,
    operation: &str,
    params: CallParams,
) -> Result<ApiResponse<FileDownload>, Error> {
    let response = client.call(operation, params).await?;
    let file = FileDownload::from_response(&response);
    Ok(ApiResponse::from_call(response, file))
}

/// Calls `operation`, which answers with text.
pub(crate) async fn text(client: &Client, operation: &str, params: CallParams) -> Result<ApiResponse<String>, Error> {
    let response = client.call(operation, params).await?;
    let text = String::from_utf8_lossy(&response.raw).into_owned();
    Ok(ApiResponse::from_call(response, text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_from_content_disposition() {
        assert_eq!(disposition_file_name("attachment; filename=\"call.wav\"").as_deref(), Some("call.wav"));
        assert_eq!(disposition_file_name("inline; filename=a.pdf").as_deref(), Some("a.pdf"));
        assert_eq!(
            disposition_file_name("attachment; filename=\"x.wav\"; filename*=UTF-8''r%C3%A9union%201.wav").as_deref(),
            Some("réunion 1.wav")
        );
        assert_eq!(disposition_file_name("attachment"), None);
        assert_eq!(disposition_file_name("attachment; filename=\"\""), None);
    }
}
