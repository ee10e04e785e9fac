//! What the catalog knows about an operation.

use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::schema::{self, Schema};
use crate::error::{Error, Violation};
use crate::http::RateLimit;

/// One operation of the Infobip API, as its OpenAPI spec describes it.
#[derive(Clone, Debug, Deserialize)]
#[non_exhaustive]
pub struct Operation {
    /// The spec's `operationId` (unique across the specs; see [the module](crate::catalog)).
    pub id: String,
    /// The product whose spec holds it: the spec file name without `infobip-` and `-openapi`
    /// (`sms`, `2fa`, `messages-api`, …).
    pub product: String,
    /// The HTTP method, upper case.
    pub method: String,
    /// The path template, e.g. `/2fa/2/applications/{appId}`.
    pub path: String,
    /// One line saying what it does.
    pub summary: String,
    /// The API-key scopes that allow it (`x-scopes`); any one of them is enough.
    #[serde(default)]
    pub scopes: Vec<String>,
    /// The published rate limit (`x-throttling-info`).
    #[serde(default)]
    pub throttling: Option<Throttling>,
    /// Whether the spec marks it deprecated.
    #[serde(default)]
    pub deprecated: bool,
    /// When it was deprecated and what replaces it (`x-deprecationInformation`).
    #[serde(default)]
    pub deprecation: Option<Deprecation>,
    /// Its path, query and header parameters, in the spec's order.
    #[serde(default)]
    pub params: Vec<Param>,
    /// Its request body, if it takes one.
    #[serde(default)]
    pub body: Option<RequestBody>,
    /// The content types of its success answer, as the spec declares them (empty when it
    /// answers without a body). See [`accept`](Operation::accept).
    #[serde(default)]
    pub answer: Vec<String>,
    /// Whether that answer is a file rather than JSON (see [`answers_file`](Operation::answers_file)).
    #[serde(default)]
    pub(crate) file: bool,
    /// Set when it sends messages: where its request carries a bulk id and message ids. Every
    /// call of such an operation follows the send rule of [`send`](crate::send).
    #[serde(default)]
    pub send: Option<SendSpec>,
}

/// How a request that sends messages carries its ids; read from the spec (see
/// [`send`](crate::send) for the rule it drives).
///
/// ```
/// use infobip::catalog::{operation, IdPlace};
/// let send = operation("send-sms-messages").and_then(|op| op.send.as_ref()).expect("a send");
/// assert_eq!(send.bulk_id, Some(IdPlace::Body("/options/schedule/bulkId".into())));
/// assert_eq!(send.message_ids, [IdPlace::Body("/messages/*/destinations/*/messageId".into())]);
/// let query = operation("send-sms-messages-over-query-parameters").and_then(|op| op.send.as_ref()).expect("a send");
/// assert_eq!(query.bulk_id, Some(IdPlace::Query("bulkId".into())));
/// ```
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[non_exhaustive]
pub struct SendSpec {
    /// Where the request's bulk id goes, when it has a place for one.
    #[serde(default)]
    pub bulk_id: Option<IdPlace>,
    /// Where message ids go: one place per kind of recipient (a destination, an email's `to`,
    /// `cc` and `bcc`, a group member), empty when the request has none.
    #[serde(default)]
    pub message_ids: Vec<IdPlace>,
}

/// Where an id goes in a request.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(tag = "in", content = "at", rename_all = "lowercase")]
#[non_exhaustive]
pub enum IdPlace {
    /// A property of the JSON body, as a JSON pointer whose `*` segments stand for every item of
    /// an array: `/messages/*/destinations/*/messageId`.
    Body(String),
    /// A query parameter, by name.
    Query(String),
}

/// What a listing of operations shows of each (the bindings' `operations()`): serialized with
/// the API's camelCase names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct OperationListing {
    /// The operation id, for [`Client::call`](crate::Client::call).
    pub id: String,
    /// The product whose spec holds it.
    pub product: String,
    /// The HTTP method, upper case.
    pub method: String,
    /// The path template.
    pub path: String,
    /// What it does, in one line.
    pub summary: String,
    /// The API-key scopes that allow it; any one is enough.
    pub scopes: Vec<String>,
    /// Whether the spec marks it deprecated.
    pub deprecated: bool,
}

impl Operation {
    /// What a listing shows of it.
    pub fn listing(&self) -> OperationListing {
        OperationListing {
            id: self.id.clone(),
            product: self.product.clone(),
            method: self.method.clone(),
            path: self.path.clone(),
            summary: self.summary.clone(),
            scopes: self.scopes.clone(),
            deprecated: self.deprecated,
        }
    }

    /// The key that names it for throttling, warnings and scopes: `METHOD /path/{template}`.
    pub fn key(&self) -> String {
        format!("{} {}", self.method, self.path)
    }

    /// The client-side limit derived from the published throttling, if any.
    pub fn rate_limit(&self) -> Option<RateLimit> {
        self.throttling.as_ref().and_then(Throttling::rate_limit)
    }

    /// The parameter named `name` at `location` (header names ignore case).
    pub fn param(&self, location: ParamLocation, name: &str) -> Option<&Param> {
        self.params.iter().find(|p| p.location == location && location.same_name(&p.name, name))
    }

    /// Checks a request body against the operation's request schema. The error lists every
    /// violation, each named by its JSON pointer (`/messages/0/destinations/0/to`).
    pub fn validate_body(&self, body: &Value) -> Result<(), Error> {
        let violations = self.body_violations(body);
        if violations.is_empty() { Ok(()) } else { Err(Error::Validation { violations }) }
    }

    pub(crate) fn body_violations(&self, body: &Value) -> Vec<Violation> {
        match &self.body {
            Some(spec) => {
                let mut violations = schema::validate(&spec.schema, body, super::schemas(), "");
                for v in violations.iter_mut().filter(|v| v.property.is_empty()) {
                    v.property = "body".to_owned();
                }
                violations
            }
            None => Vec::new(),
        }
    }
}

/// Where a parameter goes.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum ParamLocation {
    /// In the path template.
    Path,
    /// In the query string.
    Query,
    /// In a request header.
    Header,
    /// In a cookie (no Infobip operation uses one).
    Cookie,
}

impl ParamLocation {
    /// `path`, `query`, `header` or `cookie`.
    pub fn as_str(self) -> &'static str {
        match self {
            ParamLocation::Path => "path",
            ParamLocation::Query => "query",
            ParamLocation::Header => "header",
            ParamLocation::Cookie => "cookie",
        }
    }

    /// Whether two parameter names are the same here (header names ignore case).
    pub(crate) fn same_name(self, a: &str, b: &str) -> bool {
        if self == ParamLocation::Header { a.eq_ignore_ascii_case(b) } else { a == b }
    }
}

/// A parameter of an operation.
#[derive(Clone, Debug, Deserialize)]
#[non_exhaustive]
pub struct Param {
    /// Its name.
    pub name: String,
    /// Where it goes.
    #[serde(rename = "in")]
    pub location: ParamLocation,
    /// Whether it must be given (path parameters always must).
    pub required: bool,
    /// Its JSON type (`string`, `integer`, `number`, `boolean`); for a list, its items' type.
    #[serde(rename = "type")]
    pub kind: String,
    /// Whether it is a list (repeated in the query: `bulkId=a&bulkId=b`).
    pub list: bool,
    #[serde(default)]
    pub(crate) schema: Schema,
}

/// The request body of an operation.
#[derive(Clone, Debug, Deserialize)]
#[non_exhaustive]
pub struct RequestBody {
    /// Whether a body must be sent.
    pub required: bool,
    /// The content types it may be sent as (`application/json` first when offered).
    pub content_types: Vec<String>,
    /// The fields of its `multipart/form-data` form that take files, in the spec's order.
    #[serde(default)]
    pub files: Vec<FileField>,
    #[serde(default)]
    pub(crate) schema: Schema,
}

/// A field of a `multipart/form-data` request that takes a file (`format: binary`).
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[non_exhaustive]
pub struct FileField {
    /// The field's name.
    pub name: String,
    /// Whether it takes several files (`attachment` of an email), each sent as its own part.
    pub list: bool,
}

impl RequestBody {
    /// How `call` sends it: JSON when offered, else a form when offered, else not at all.
    pub(crate) fn encoding(&self) -> Option<BodyEncoding> {
        let json = |t: &String| t == "application/json" || t.ends_with("+json") || t == "text/json";
        if self.content_types.iter().any(json) {
            Some(BodyEncoding::Json)
        } else if self.content_types.iter().any(|t| t == "application/x-www-form-urlencoded") {
            Some(BodyEncoding::Form)
        } else {
            None
        }
    }
}

/// How a body is sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BodyEncoding {
    Json,
    Form,
}

/// Deprecation details of an operation.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[non_exhaustive]
pub struct Deprecation {
    /// When it was deprecated, as the spec writes it.
    pub since: Option<String>,
    /// When it stops working, if announced.
    pub sunset: Option<String>,
    /// The id of the operation that replaces it.
    pub successor: Option<String>,
}

/// A published rate limit (`x-throttling-info`).
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(tag = "type", rename_all = "lowercase")]
#[non_exhaustive]
pub enum Throttling {
    /// `requests` per `units` × `unit` (a unit count of 0 means one unit).
    Time {
        /// Requests allowed in the window.
        #[serde(rename = "numberOfRequests")]
        requests: u32,
        /// How many units the window spans.
        #[serde(rename = "numberOfTimeUnits", default)]
        units: u32,
        /// `s`, `m`, `h` or `d`.
        #[serde(rename = "timeUnit")]
        unit: String,
    },
    /// A token bucket: `burst_capacity` tokens, refilled at `replenish_rate` a second, each
    /// request taking `requested_tokens`.
    Token {
        /// Tokens added per second.
        #[serde(rename = "replenishRate")]
        replenish_rate: f64,
        /// The bucket's size.
        #[serde(rename = "burstCapacity")]
        burst_capacity: u32,
        /// Tokens one request takes.
        #[serde(rename = "requestedTokens", default = "one")]
        requested_tokens: u32,
    },
    /// A kind of limit this version does not know.
    #[serde(other)]
    Other,
}

fn one() -> u32 {
    1
}

impl Throttling {
    /// The sliding-window limit the client enforces. A token bucket becomes `burst` requests
    /// per `burst / rate` seconds, which never takes more than the bucket gives in any interval.
    pub fn rate_limit(&self) -> Option<RateLimit> {
        match self {
            Throttling::Time { requests, units, unit } => {
                let seconds = match unit.as_str() {
                    "s" => 1,
                    "m" => 60,
                    "h" => 3600,
                    "d" => 86_400,
                    _ => return None,
                };
                Some(RateLimit::new(*requests, Duration::from_secs(seconds * u64::from((*units).max(1)))))
            }
            Throttling::Token { replenish_rate, burst_capacity, requested_tokens } => {
                let per_request = (*requested_tokens).max(1);
                let requests = (burst_capacity / per_request).max(1);
                let rate = replenish_rate.is_finite().then_some(*replenish_rate).filter(|r| *r > 0.0)?;
                let window = f64::from(requests * per_request) / rate;
                Duration::try_from_secs_f64(window).ok().map(|per| RateLimit::new(requests, per))
            }
            Throttling::Other => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn throttling_becomes_a_window() {
        let time: Throttling = serde_json::from_value(
            serde_json::json!({"type": "time", "numberOfRequests": 120, "numberOfTimeUnits": 0, "timeUnit": "m"}),
        )
        .unwrap();
        assert_eq!(time.rate_limit(), Some(RateLimit::per_minute(120)));
        let ten_minutes: Throttling = serde_json::from_value(
            serde_json::json!({"type": "time", "numberOfRequests": 50, "numberOfTimeUnits": 10, "timeUnit": "m"}),
        )
        .unwrap();
        assert_eq!(ten_minutes.rate_limit(), Some(RateLimit::new(50, Duration::from_secs(600))));
        let token: Throttling = serde_json::from_value(serde_json::json!(
            {"type": "token", "replenishRate": 10, "requestedTokens": 1, "burstCapacity": 20}
        ))
        .unwrap();
        assert_eq!(token.rate_limit(), Some(RateLimit::new(20, Duration::from_secs(2))));
        let other: Throttling = serde_json::from_value(serde_json::json!({"type": "leaky"})).unwrap();
        assert_eq!(other.rate_limit(), None);
    }
}
