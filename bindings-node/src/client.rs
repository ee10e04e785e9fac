//! The native client: one core [`infobip::Client`] per JavaScript `Infobip` instance.

use infobip::{Client, Error, Method};
use napi::Env;
use napi::bindgen_prelude::{FnArgs, Function, PromiseRaw};
use napi_derive::napi;
use serde_json::Value;

use crate::cancel::CancelToken;
use crate::catalog::Answer;
use crate::error::to_napi;
use crate::log::{self, Registration};
use crate::options::{CallOptions, ClientOptions};

/// The native side of `Infobip`; the JavaScript layer wraps it.
#[napi]
pub struct NativeClient {
    pub(crate) client: Client,
    logger: Option<Registration>,
}

#[napi]
impl NativeClient {
    /// Builds a client from `options`, filling what is missing from `INFOBIP_*` variables.
    /// `logger(level, line)` receives the client's log lines.
    #[napi(constructor, catch_unwind)]
    pub fn new(
        env: Env,
        options: Option<ClientOptions>,
        logger: Option<Function<FnArgs<(String, String)>, ()>>,
    ) -> napi::Result<Self> {
        let node = env.get_node_version()?;
        let version = format!("{}.{}.{}", node.major, node.minor, node.patch);
        let builder = Client::builder().runtime("node", version);
        let defaults = options.as_ref().map(ClientOptions::defaults).unwrap_or_default();
        let builder = match options {
            Some(options) => options.apply(builder).map_err(|e| to_napi(&e))?,
            None => builder,
        };
        let client = builder.env().build().map_err(|e| to_napi(&e))?.with_options(defaults);
        log::install(false);
        let logger = match logger {
            Some(f) => {
                Some(Registration::new(f.build_threadsafe_function().callee_handled::<false>().weak::<true>().build()?))
            }
            None => None,
        };
        Ok(NativeClient { client, logger })
    }

    /// The client's configuration without secrets (for `util.inspect`).
    #[napi(catch_unwind)]
    pub fn describe(&self) -> String {
        format!("{:?}", self.client)
    }

    /// The base URL requests go to.
    #[napi(getter, catch_unwind)]
    pub fn base_url(&self) -> String {
        self.client.base_url().to_string()
    }

    /// Sends a request to any endpoint. `query` maps names to a value or a list of values;
    /// `body` is JSON text. The answer's body, which must be JSON (a `decode` error with the
    /// offset otherwise), comes back as text.
    #[napi(ts_return_type = "Promise<Answer>", catch_unwind)]
    #[allow(clippy::too_many_arguments)] // the JavaScript signature: one positional argument each
    pub fn request<'env>(
        &self,
        env: &'env Env,
        method: String,
        path: String,
        query: Option<Value>,
        body: Option<String>,
        options: Option<CallOptions>,
        cancel: Option<&CancelToken>,
    ) -> napi::Result<PromiseRaw<'env, Answer>> {
        let tracker = infobip::SendTracker::new();
        let prepared = self
            .prepare(&method, path, query, body, options.as_ref())
            .map(|request| request.options(infobip::RequestOptions::new().tracker(tracker.clone())));
        self.spawn_raw(env, cancel, tracker, async move {
            let response = prepared?.send().await?;
            if !response.body.iter().all(u8::is_ascii_whitespace) {
                response.json::<serde::de::IgnoredAny>()?;
            }
            let mut answer =
                Answer::of(response.status, response.request_id.clone(), response.attempts, &response.headers);
            answer.body = String::from_utf8(response.body.to_vec()).ok();
            Ok(answer)
        })
    }

    /// Ends an IBSSO session, if one is open.
    #[napi(ts_return_type = "Promise<void>", catch_unwind)]
    pub fn close<'env>(
        &self,
        env: &'env Env,
        options: Option<CallOptions>,
        cancel: Option<&CancelToken>,
    ) -> napi::Result<PromiseRaw<'env, String>> {
        self.run(env, options, cancel, move |client| async move { client.close().await })
    }
}

impl NativeClient {
    /// The span this client's calls run in: it routes their log lines to the client's logger.
    pub(crate) fn span(&self) -> tracing::Span {
        self.logger.as_ref().map_or_else(tracing::Span::none, Registration::span)
    }

    fn prepare(
        &self,
        method: &str,
        path: String,
        query: Option<Value>,
        body: Option<String>,
        options: Option<&CallOptions>,
    ) -> Result<infobip::RequestBuilder, Error> {
        let method = Method::from_bytes(method.to_ascii_uppercase().as_bytes())
            .map_err(|_| Error::validation("method", format!("not an HTTP method: {method:?}")))?;
        let mut request = self.client.request(method, path);
        match query {
            None | Some(Value::Null) => {}
            Some(Value::Object(fields)) => {
                for (name, value) in fields {
                    request = match value {
                        Value::Null => request,
                        Value::Array(items) => {
                            let items: Result<Vec<String>, Error> =
                                items.iter().map(|v| query_value(&name, v)).collect();
                            request.query_list(&name, items?)
                        }
                        other => request.query(&name, query_value(&name, &other)?),
                    };
                }
            }
            Some(_) => return Err(Error::validation("query", "must be an object of names to values")),
        }
        if let Some(text) = body {
            let value: Value =
                serde_json::from_str(&text).map_err(|e| Error::validation("body", format!("is not JSON: {e}")))?;
            request = request.json(&value);
        }
        if let Some(options) = options {
            request = request.options(options.to_core()?);
        }
        Ok(request)
    }
}

/// One query value as text: strings, numbers and booleans.
fn query_value(name: &str, value: &Value) -> Result<String, Error> {
    match value {
        Value::String(s) => Ok(s.clone()),
        Value::Number(n) => Ok(n.to_string()),
        Value::Bool(b) => Ok(b.to_string()),
        _ => Err(Error::validation(format!("query.{name}"), "must be a string, a number or a boolean")),
    }
}
