//! Typed answers: a body read into a model, with the request id the API gave kept on it.

use serde::de::DeserializeOwned;

use crate::RequestBuilder;
use crate::error::Error;
use crate::http::Response;

/// A model with a `request_id` field filled in after reading.
pub(crate) trait Traced: DeserializeOwned {
    /// Stores the request id.
    fn trace(&mut self, id: Option<String>);
}

/// Implements [`Traced`] for models with a `pub request_id: Option<String>` field.
macro_rules! traced {
    ($($t:ty),+ $(,)?) => {$(
        impl $crate::reply::Traced for $t {
            fn trace(&mut self, id: Option<String>) {
                self.request_id = id;
            }
        }
    )+};
}
pub(crate) use traced;

/// Sends a request and reads its body, keeping the request id.
pub(crate) async fn fetch<T: Traced>(request: RequestBuilder) -> Result<T, Error> {
    read(request.send().await?)
}

/// Reads a response's body, keeping the request id.
pub(crate) fn read<T: Traced>(response: Response) -> Result<T, Error> {
    let mut body: T = response.json()?;
    body.trace(response.request_id);
    Ok(body)
}
