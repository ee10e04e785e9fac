//! [`Client::call`]: any operation of the catalog by id, checked before anything is sent.

use bytes::Bytes;
use http::{HeaderMap, HeaderName, HeaderValue, Method};
use serde::Deserialize;
use serde_json::{Map, Value};

use super::model::{BodyEncoding, Operation, Param, ParamLocation};
use super::schema::{self, kind};
use super::upload::{self, Upload};
use crate::client::Client;
use crate::config::RequestOptions;
use crate::error::{Error, Violation};
use crate::files::FilePart;
use crate::http::{Query, Response, Unread, encode_component};

/// The parameters of a [`Client::call`]: path, query and header parameters by name, and a JSON
/// body. Every part is optional. Reads from JSON as `{"path": {…}, "query": {…}, "headers": {…},
/// "body": …}` (what the bindings pass).
///
/// Parameter values are JSON: strings, numbers and booleans are sent as text, a list parameter
/// takes an array (sent repeated, `bulkId=a&bulkId=b`) or a single value, and `null` means "not
/// given". A string is accepted for a number or boolean parameter when it reads as one.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct CallParams {
    /// Values for the path template's `{names}`.
    pub path: Map<String, Value>,
    /// Query parameters.
    pub query: Map<String, Value>,
    /// Header parameters the operation declares (e.g. `X-Session-Id`).
    pub headers: Map<String, Value>,
    /// The request body.
    pub body: Option<Value>,
    /// Files to upload, by field (see [`file`](Self::file)).
    #[serde(skip)]
    pub files: Vec<(String, FilePart)>,
    /// Options for this call (timeout, retries).
    #[serde(skip)]
    pub options: RequestOptions,
}

impl CallParams {
    /// No parameters.
    pub fn new() -> Self {
        CallParams::default()
    }

    /// Sets a path parameter.
    pub fn path(mut self, name: impl Into<String>, value: impl Into<Value>) -> Self {
        self.path.insert(name.into(), value.into());
        self
    }

    /// Sets a query parameter (an array for a list).
    pub fn query(mut self, name: impl Into<String>, value: impl Into<Value>) -> Self {
        self.query.insert(name.into(), value.into());
        self
    }

    /// Sets a header parameter.
    pub fn header(mut self, name: impl Into<String>, value: impl Into<Value>) -> Self {
        self.headers.insert(name.into(), value.into());
        self
    }

    /// Sets the body.
    pub fn body(mut self, body: Value) -> Self {
        self.body = Some(body);
        self
    }

    /// Adds a file to upload as the form field `field` (several files under one field for a
    /// field that takes a list, such as Email's `attachment`). The form's other fields come
    /// from the body. The one file of an `application/octet-stream` upload is the field
    /// [`body`](crate::files::BODY_FIELD). See [`files`](crate::files).
    pub fn file(mut self, field: impl Into<String>, part: FilePart) -> Self {
        self.files.push((field.into(), part));
        self
    }

    /// Sets the options of this call.
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }
}

/// The answer to a [`Client::call`].
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct CallResponse {
    /// The HTTP status.
    pub status: u16,
    /// The response headers.
    pub headers: HeaderMap,
    /// The request id the API gave (`X-Request-Id`).
    pub request_id: Option<String>,
    /// Attempts made.
    pub attempts: u32,
    /// The body as JSON: `null` when empty, a string when it is text but not JSON, and `null`
    /// for binary content (read [`raw`](Self::raw) then).
    pub body: Value,
    /// The body's bytes.
    pub raw: Bytes,
}

impl CallResponse {
    /// Reads an answer. JSON nested deeper than [`MAX_DEPTH`](crate::config::MAX_DEPTH) is a
    /// `decode` error (`outcome_unknown` for a send, whose accepted messages are then unknown).
    fn read(response: Response) -> Result<Self, Error> {
        if let Err(error) = crate::http::check_depth(&response.body, "the response body") {
            return Err(crate::send::unreadable(&response, error));
        }
        let body = if response.body.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&response.body).unwrap_or_else(|_| {
                std::str::from_utf8(&response.body).map(|t| Value::String(t.to_owned())).unwrap_or(Value::Null)
            })
        };
        Ok(CallResponse {
            status: response.status,
            headers: response.headers,
            request_id: response.request_id,
            attempts: response.attempts,
            body,
            raw: response.body,
        })
    }
}

impl Client {
    /// Calls any operation of the [catalog](crate::catalog) by its id (`send-sms-messages`).
    ///
    /// The path template is filled (each value percent-encoded), the query encoded like every
    /// other call, and the parameters and body checked against the spec first: a missing or
    /// unknown parameter, a value of the wrong type, or a body that does not fit the request
    /// schema is a `validation` error listing every problem (body problems by JSON pointer,
    /// `/messages/0/destinations/0/to`), and nothing is sent. The request then goes through the
    /// same authentication, throttling (the operation's published limit), retries, error
    /// mapping and deprecation warnings as every call; a 403 names the operation's scopes.
    ///
    /// Bodies are sent as the operation takes them: JSON, form-encoded, `multipart/form-data`
    /// (the body's fields and [`CallParams::file`]s) or one file's bytes (see
    /// [`files`](crate::files)). The `Accept` header asks for what the operation answers
    /// ([`Operation::accept`]). An unknown id is a `validation` error suggesting the closest ids.
    ///
    /// An operation that sends messages ([`Operation::send`]) follows the
    /// [send rule](crate::send): ids assigned where its request has places for them and the
    /// caller gave none (after the check, so problems name the caller's own body), never repeated
    /// once it may have been written, `outcome_unknown` with its ids when in doubt.
    pub async fn call(&self, operation_id: &str, params: CallParams) -> Result<CallResponse, Error> {
        CallResponse::read(self.send_operation(operation_id, params, None).await?)
    }

    /// Checks and sends a call; with a `streamed` slot, a success answer's body is left unread
    /// there.
    pub(crate) async fn send_operation(
        &self,
        operation_id: &str,
        params: CallParams,
        streamed: Option<Unread>,
    ) -> Result<Response, Error> {
        let op = super::operation(operation_id).ok_or_else(|| super::suggest::unknown_operation(operation_id))?;
        let method = Method::from_bytes(op.method.as_bytes())
            .map_err(|_| Error::config(format!("{} has an invalid method {:?}", op.id, op.method)))?;
        let validate = self.defaults().clone().overridden_by(params.options.clone()).validates();
        let checked = Checked::new(op, &params, validate)?;
        let mut request =
            self.request(method, checked.path).query_all(checked.query).operation(op.key()).answer(op, streamed);
        for (name, value) in checked.headers {
            request = request.header(name, value);
        }
        request = match checked.body {
            Some(Encoded::Json(body)) => request.json(&body),
            Some(Encoded::Form(fields)) => request.form(&fields),
            Some(Encoded::Upload(upload)) => request.upload(upload),
            None => request,
        };
        request.options(params.options).send().await
    }
}

/// A body ready to send.
enum Encoded {
    Json(Value),
    Form(Query),
    Upload(Upload),
}

/// A call's parameters, checked against its operation and encoded.
struct Checked {
    path: String,
    query: Query,
    headers: Vec<(HeaderName, HeaderValue)>,
    body: Option<Encoded>,
}

impl Checked {
    /// Checks and encodes `params`; with `validate` off, only what building the request needs
    /// is checked (path parameters given, values that can be sent), and unknown parameters and
    /// values or bodies the spec refuses are sent as they are.
    fn new(op: &Operation, params: &CallParams, validate: bool) -> Result<Self, Error> {
        if let Some(body) = &params.body {
            crate::input::check_depth(body, "body")?;
        }
        let mut violations = Vec::new();
        if validate {
            for (location, given) in [
                (ParamLocation::Path, &params.path),
                (ParamLocation::Query, &params.query),
                (ParamLocation::Header, &params.headers),
            ] {
                unknown_names(op, location, given, &mut violations);
            }
        }
        let path = fill_path(op, &params.path, validate, &mut violations);
        let mut query = Query::new();
        for (param, texts) in given_values(op, ParamLocation::Query, &params.query, validate, &mut violations) {
            query.push_list(&param.name, texts);
        }
        if !validate {
            for (name, value) in params.query.iter().filter(|(name, _)| op.param(ParamLocation::Query, name).is_none())
            {
                query.push_list(name, unchecked_texts(value));
            }
        }
        let mut headers = Vec::new();
        for (param, texts) in given_values(op, ParamLocation::Header, &params.headers, validate, &mut violations) {
            let name = HeaderName::from_bytes(param.name.as_bytes());
            for text in texts {
                match (&name, HeaderValue::from_str(&text)) {
                    (Ok(name), Ok(value)) => headers.push((name.clone(), value)),
                    _ => violations.push(Violation::new(label(param), "cannot be sent as a header value")),
                }
            }
        }
        let body = params.body.as_ref().filter(|b| !b.is_null());
        let body = encode_body(op, body, &params.files, validate, &mut violations);
        if violations.is_empty() {
            Ok(Checked { path, query, headers, body })
        } else {
            Err(Error::Validation { violations })
        }
    }
}

/// `query.limit`, `path.appId`, `header.X-Session-Id`.
fn label(param: &Param) -> String {
    format!("{}.{}", param.location.as_str(), param.name)
}

fn unknown_names(op: &Operation, location: ParamLocation, given: &Map<String, Value>, violations: &mut Vec<Violation>) {
    for name in given.keys().filter(|name| op.param(location, name).is_none()) {
        let known: Vec<&str> = op.params.iter().filter(|p| p.location == location).map(|p| p.name.as_str()).collect();
        let known = if known.is_empty() { "none".to_owned() } else { known.join(", ") };
        violations.push(Violation::new(
            format!("{}.{name}", location.as_str()),
            format!("is not a {} parameter of {} (it has: {known})", location.as_str(), op.id),
        ));
    }
}

/// Fills `{name}` in the template with each value, percent-encoded as one segment.
fn fill_path(op: &Operation, given: &Map<String, Value>, validate: bool, violations: &mut Vec<Violation>) -> String {
    let mut path = String::with_capacity(op.path.len() + 32);
    let mut rest = op.path.as_str();
    while let Some((before, after)) = rest.split_once('{') {
        let Some((name, after)) = after.split_once('}') else { break };
        path.push_str(before);
        let value =
            op.param(ParamLocation::Path, name).and_then(|p| Some((p, one_value(p, given, validate, violations)?)));
        match value {
            Some((param, text)) if text.is_empty() => {
                violations.push(Violation::new(label(param), "must not be empty"))
            }
            Some((_, text)) => path.push_str(&encode_component(&text)),
            None => path.push_str(&format!("{{{name}}}")),
        }
        rest = after;
    }
    path.push_str(rest);
    path
}

fn one_value(
    param: &Param,
    given: &Map<String, Value>,
    validate: bool,
    violations: &mut Vec<Violation>,
) -> Option<String> {
    match given.get(&param.name).filter(|v| !v.is_null()) {
        None => {
            violations.push(Violation::new(label(param), "is required"));
            None
        }
        Some(value) => texts(param, value, validate, violations)?.into_iter().next(),
    }
}

/// The given, valid values of the operation's parameters at `location`, as text; a missing
/// required parameter is a violation.
fn given_values<'a>(
    op: &'a Operation,
    location: ParamLocation,
    given: &Map<String, Value>,
    validate: bool,
    violations: &mut Vec<Violation>,
) -> Vec<(&'a Param, Vec<String>)> {
    let mut found = Vec::new();
    for param in op.params.iter().filter(|p| p.location == location) {
        let value = given.iter().find(|(name, _)| location.same_name(name, &param.name)).map(|(_, v)| v);
        match value.filter(|v| !v.is_null()) {
            None if param.required => violations.push(Violation::new(label(param), "is required")),
            None => {}
            Some(value) => {
                if let Some(texts) = texts(param, value, validate, violations) {
                    found.push((param, texts));
                }
            }
        }
    }
    found
}

/// A parameter's value(s) as text, after reading strings as numbers or booleans where the
/// parameter wants those, and checking them against its schema.
fn texts(param: &Param, value: &Value, validate: bool, violations: &mut Vec<Violation>) -> Option<Vec<String>> {
    let items: Vec<&Value> = match value {
        Value::Array(list) if param.list => list.iter().collect(),
        Value::Array(_) => {
            violations.push(Violation::new(label(param), "takes one value, not a list"));
            return None;
        }
        single => vec![single],
    };
    let mut typed = Vec::with_capacity(items.len());
    for item in items {
        match coerce(&param.kind, item) {
            Ok(v) => typed.push(v),
            Err(message) => {
                violations.push(Violation::new(label(param), message));
                return None;
            }
        }
    }
    let instance = if param.list { Value::Array(typed) } else { typed.pop().unwrap_or(Value::Null) };
    let found =
        if validate { schema::validate(&param.schema, &instance, super::schemas(), &label(param)) } else { Vec::new() };
    if !found.is_empty() {
        violations.extend(found);
        return None;
    }
    Some(unchecked_texts(&instance))
}

/// A value as the texts sent for it: each item of a list, strings as they are, anything else
/// as JSON.
fn unchecked_texts(value: &Value) -> Vec<String> {
    let text = |v: &Value| match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    match value {
        Value::Array(list) => list.iter().map(text).collect(),
        single => vec![text(single)],
    }
}

/// Reads a parameter value as the type the parameter wants, where that is unambiguous.
fn coerce(wanted: &str, value: &Value) -> Result<Value, String> {
    match (wanted, value) {
        (_, Value::Object(_) | Value::Array(_)) => Err(format!("must be a single {wanted}, not {}", kind(value))),
        ("integer", Value::String(s)) => {
            s.trim().parse::<i64>().map(Value::from).map_err(|_| format!("must be an integer, not {s:?}"))
        }
        ("number", Value::String(s)) => s
            .trim()
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map(Value::Number)
            .ok_or_else(|| format!("must be a number, not {s:?}")),
        ("boolean", Value::String(s)) => match s.as_str() {
            "true" => Ok(Value::Bool(true)),
            "false" => Ok(Value::Bool(false)),
            _ => Err(format!("must be true or false, not {s:?}")),
        },
        ("string", Value::Number(_) | Value::Bool(_)) => Ok(Value::String(value.to_string())),
        _ => Ok(value.clone()),
    }
}

/// Checks the body (and files) against the operation and encodes it as the operation takes it.
fn encode_body(
    op: &Operation,
    body: Option<&Value>,
    files: &[(String, FilePart)],
    validate: bool,
    violations: &mut Vec<Violation>,
) -> Option<Encoded> {
    let Some(spec) = &op.body else {
        if body.is_some() {
            violations.push(Violation::new("body", format!("{} takes no request body", op.id)));
        }
        upload::refuse_files(op, files, violations);
        return None;
    };
    if let Some(upload) = upload::encode(op, spec, body, files, validate, violations) {
        return upload.map(Encoded::Upload);
    }
    let encoding = spec.encoding()?;
    let Some(body) = body else {
        if spec.required {
            violations.push(Violation::new(
                "body",
                format!("is required: {} takes a {} body", op.id, spec.content_types.join(" or ")),
            ));
        }
        return None;
    };
    if validate {
        violations.extend(op.body_violations(body));
    }
    Some(match encoding {
        BodyEncoding::Json => Encoded::Json(body.clone()),
        BodyEncoding::Form => Encoded::Form(form_fields(body, violations)),
    })
}

/// A form body: an object whose values are scalars or lists of scalars.
fn form_fields(body: &Value, violations: &mut Vec<Violation>) -> Query {
    let mut fields = Query::new();
    let Value::Object(map) = body else {
        violations.push(Violation::new("body", format!("a form body must be an object, not {}", kind(body))));
        return fields;
    };
    for (name, value) in map {
        let values: Vec<&Value> = match value {
            Value::Array(list) => list.iter().collect(),
            single => vec![single],
        };
        for value in values {
            match value {
                Value::Null => {}
                Value::String(s) => {
                    fields.push(name, s);
                }
                Value::Number(_) | Value::Bool(_) => {
                    fields.push(name, value);
                }
                other => violations.push(Violation::new(
                    format!("/{name}"),
                    format!("a form field must be a scalar or a list of scalars, not {}", kind(other)),
                )),
            }
        }
    }
    fields
}
