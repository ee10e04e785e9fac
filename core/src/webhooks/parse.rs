//! Reading what Infobip pushes: delivery reports (v3 and legacy v1, JSON or XML), inbound
//! messages (`MO_JSON_2`) and URL clicks. Lenient like every response model: unknown fields are
//! ignored, unknown enum values kept, every date-time form read.

use serde::Deserialize;

use super::xml;
use crate::error::Error;
use crate::http::decode_json;
use crate::sms::{DeliveryReport, InboundMessages, Platform, UrlClick};

/// A pushed report in either shape: v3 fields, plus the legacy v1 names (`from`, `smsCount`,
/// top-level `entityId` and `applicationId`), folded into the v3 report.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PushedReport {
    #[serde(flatten)]
    report: DeliveryReport,
    #[serde(default)]
    from: Option<String>,
    #[serde(default)]
    sms_count: Option<i32>,
    #[serde(default)]
    entity_id: Option<String>,
    #[serde(default)]
    application_id: Option<String>,
}

impl From<PushedReport> for DeliveryReport {
    fn from(pushed: PushedReport) -> Self {
        let mut report = pushed.report;
        report.sender = report.sender.or(pushed.from);
        report.message_count = report.message_count.or(pushed.sms_count);
        if report.platform.is_none() && (pushed.entity_id.is_some() || pushed.application_id.is_some()) {
            report.platform = Some(Platform { entity_id: pushed.entity_id, application_id: pushed.application_id });
        }
        report
    }
}

#[derive(Deserialize)]
struct Push {
    #[serde(default)]
    results: Vec<PushedReport>,
}

/// Reads a delivery-report push: the v3 shape (as `GET /sms/3/reports` answers) or the legacy
/// v1 shape (pushed for v2 sends), in JSON or XML, into the same reports
/// [`Sms::delivery_reports`](crate::sms::Sms::delivery_reports) returns.
///
/// Malformed input is a `decode` error carrying the byte offset of the problem.
pub fn parse_delivery_reports(body: &[u8]) -> Result<Vec<DeliveryReport>, Error> {
    let push: Push = if looks_like_xml(body) {
        let value = xml::to_json(body)?;
        serde_json::from_value(value).map_err(|e| Error::decode(format!("a delivery-report push (XML): {e}"), None))?
    } else {
        decode_json(body, "a delivery-report push")?
    };
    Ok(push.results.into_iter().map(DeliveryReport::from).collect())
}

/// Reads an inbound-SMS push (`MO_JSON_2`: the shape of `GET /sms/1/inbox/reports`).
pub fn parse_inbound(body: &[u8]) -> Result<InboundMessages, Error> {
    decode_json(body, "an inbound-message push")
}

/// Reads a URL-click push. Its `sendDateTime` is epoch milliseconds; [`UrlClick::sent_at`] reads it.
pub fn parse_click(body: &[u8]) -> Result<UrlClick, Error> {
    decode_json(body, "a URL-click push")
}

fn looks_like_xml(body: &[u8]) -> bool {
    body.iter().find(|b| !b.is_ascii_whitespace() && **b != 0xEF && **b != 0xBB && **b != 0xBF) == Some(&b'<')
}
