//! Reading what Infobip pushes: delivery reports (v3 and legacy v1, JSON or XML), inbound
//! messages (`MO_JSON_2`) and URL clicks. Lenient like every response model: unknown fields are
//! ignored, unknown enum values kept, every date-time form read.

use serde::Deserialize;

use super::xml;
use crate::error::Error;
use crate::http::decode_json;
use crate::sms::{DeliveryReport, InboundMessages, Platform, UrlClick};

/// The legacy v1 names of a pushed report (`from`, `smsCount`, top-level `entityId` and
/// `applicationId`), folded into the v3 report. Read in a second pass over the push, beside the
/// v3 fields: `#[serde(flatten)]` would buffer every field of every report first (about three
/// times slower).
#[derive(Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Legacy {
    from: Option<String>,
    sms_count: Option<i32>,
    entity_id: Option<String>,
    application_id: Option<String>,
}

impl Legacy {
    fn fold_into(self, mut report: DeliveryReport) -> DeliveryReport {
        report.sender = report.sender.or(self.from);
        report.message_count = report.message_count.or(self.sms_count);
        if report.platform.is_none() && (self.entity_id.is_some() || self.application_id.is_some()) {
            report.platform = Some(Platform { entity_id: self.entity_id, application_id: self.application_id });
        }
        report
    }
}

#[derive(Deserialize)]
struct Push<T> {
    #[serde(default)]
    results: Vec<T>,
}

/// Reads a delivery-report push: the v3 shape (as `GET /sms/3/reports` answers) or the legacy
/// v1 shape (pushed for v2 sends), in JSON or XML, into the same reports
/// [`Sms::delivery_reports`](crate::sms::Sms::delivery_reports) returns.
///
/// Malformed input is a `decode` error carrying the byte offset of the problem.
pub fn parse_delivery_reports(body: &[u8]) -> Result<Vec<DeliveryReport>, Error> {
    let (reports, legacy): (Push<DeliveryReport>, Push<Legacy>) = if looks_like_xml(body) {
        let value = xml::to_json(body)?;
        let read = |e: serde_json::Error| Error::decode(format!("a delivery-report push (XML): {e}"), None);
        (serde_json::from_value(value.clone()).map_err(read)?, serde_json::from_value(value).map_err(read)?)
    } else {
        (decode_json(body, "a delivery-report push")?, decode_json(body, "a delivery-report push")?)
    };
    Ok(reports.results.into_iter().zip(legacy.results).map(|(report, legacy)| legacy.fold_into(report)).collect())
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
