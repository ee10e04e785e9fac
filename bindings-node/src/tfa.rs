//! `client.tfa`: the core's typed 2FA API. One native entry point takes the method's name, its
//! ids and its JSON body; each name maps to one core call.

use infobip::Error;
use infobip::input::from_json;
use napi::Env;
use napi::bindgen_prelude::PromiseRaw;
use napi_derive::napi;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::calls::to_json_text;
use crate::cancel::CancelToken;
use crate::client::NativeClient;
use crate::options::CallOptions;

/// The ids and body a 2FA call was given.
struct Args {
    ids: Vec<Value>,
    body: Option<String>,
}

impl Args {
    /// The id at `index`, named `name` in errors.
    fn id(&self, index: usize, name: &str) -> Result<String, Error> {
        id_text(self.ids.get(index).unwrap_or(&Value::Null), name)
    }

    /// The body read into `T`; a missing body is refused.
    fn body<T: DeserializeOwned>(&self) -> Result<T, Error> {
        let text = self.body.as_deref().ok_or_else(|| Error::validation("request", "is required"))?;
        from_json(text, "request")
    }
}

/// An id given by the caller: a string (an empty one is refused by the core), named `name` in errors.
pub(crate) fn id_text(value: &Value, name: &str) -> Result<String, Error> {
    match value {
        Value::String(s) => Ok(s.clone()),
        Value::Null => Err(Error::validation(name, "is required")),
        other => Err(Error::validation(name, format!("must be a string, got {other}"))),
    }
}

fn to_value<T: Serialize>(value: T) -> Result<String, Error> {
    to_json_text(&value)
}

#[napi]
impl NativeClient {
    /// A 2FA call: `method` is the JavaScript method name (`sendPin`, `verifyPin`, …), `ids`
    /// its path ids in order, `body` its JSON body, `flag` the optional boolean it takes
    /// (`ncNeeded` of `sendPin`; `verified` of `verifications`, with `sent` as `flag2`),
    /// `options` the call's timeout and retries.
    #[napi(ts_return_type = "Promise<string>", catch_unwind)]
    #[allow(clippy::too_many_arguments)]
    pub fn tfa_call<'env>(
        &self,
        env: &'env Env,
        method: String,
        #[napi(ts_arg_type = "unknown[]")] ids: Vec<Value>,
        body: Option<String>,
        flag: Option<bool>,
        flag2: Option<bool>,
        options: Option<CallOptions>,
        cancel: Option<&CancelToken>,
    ) -> napi::Result<PromiseRaw<'env, String>> {
        let a = Args { ids, body };
        self.run_raw(env, options, cancel, move |client| async move {
            let tfa = client.tfa();
            match method.as_str() {
                "applications" => to_value(tfa.applications().await?),
                "application" => to_value(tfa.application(&a.id(0, "appId")?).await?),
                "createApplication" => to_value(tfa.create_application(&a.body()?).await?),
                "updateApplication" => to_value(tfa.update_application(&a.id(0, "appId")?, &a.body()?).await?),
                "templates" => to_value(tfa.templates(&a.id(0, "appId")?).await?),
                "template" => to_value(tfa.template(&a.id(0, "appId")?, &a.id(1, "msgId")?).await?),
                "createTemplate" => to_value(tfa.create_template(&a.id(0, "appId")?, &a.body()?).await?),
                "updateTemplate" => {
                    to_value(tfa.update_template(&a.id(0, "appId")?, &a.id(1, "msgId")?, &a.body()?).await?)
                }
                "createEmailTemplate" => to_value(tfa.create_email_template(&a.id(0, "appId")?, &a.body()?).await?),
                "updateEmailTemplate" => {
                    to_value(tfa.update_email_template(&a.id(0, "appId")?, &a.id(1, "msgId")?, &a.body()?).await?)
                }
                "sendPin" => to_value(tfa.send_pin_sms(&a.body()?, flag).await?),
                "sendPinVoice" => to_value(tfa.send_pin_voice(&a.body()?).await?),
                "sendPinEmail" => to_value(tfa.send_pin_email(&a.body()?).await?),
                "resendPin" => to_value(tfa.resend_pin_sms(&a.id(0, "pinId")?, &a.body()?).await?),
                "resendPinVoice" => to_value(tfa.resend_pin_voice(&a.id(0, "pinId")?, &a.body()?).await?),
                "resendPinEmail" => to_value(tfa.resend_pin_email(&a.id(0, "pinId")?, &a.body()?).await?),
                "verifyPin" => {
                    let pin: VerifyPin = a.body()?;
                    to_value(tfa.verify_pin(&a.id(0, "pinId")?, &pin.pin).await?)
                }
                "verifications" => {
                    to_value(tfa.verifications(&a.id(0, "appId")?, &a.id(1, "msisdn")?, flag, flag2).await?)
                }
                other => Err(Error::validation("method", format!("unknown 2FA method {other:?}"))),
            }
        })
    }
}

/// The body of `verifyPin(pinId, { pin })`.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct VerifyPin {
    pin: String,
}
