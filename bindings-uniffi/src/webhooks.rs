//! Webhooks: parsing what Infobip pushes and verifying who pushed it, with the core's functions.
//! Top-level functions (no client needed); they do no I/O.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::config::Secret;
use crate::convert::from_core;
use crate::error::{InfobipError, guarded_sync};
use crate::sms_models::{SmsDeliveryReport, SmsInboundMessages};

/// The HMAC algorithms the Subscriptions API offers for webhook signatures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, uniffi::Enum)]
pub enum HmacAlgorithm {
    /// `HMAC_MD5`.
    Md5,
    /// `HMAC_SHA_1`.
    Sha1,
    /// `HMAC_SHA_224`.
    Sha224,
    /// `HMAC_SHA_256`.
    Sha256,
    /// `HMAC_SHA_384`.
    Sha384,
    /// `HMAC_SHA_512`.
    Sha512,
}

impl From<HmacAlgorithm> for infobip::webhooks::HmacAlgorithm {
    fn from(algorithm: HmacAlgorithm) -> Self {
        use infobip::webhooks::HmacAlgorithm as Core;
        match algorithm {
            HmacAlgorithm::Md5 => Core::Md5,
            HmacAlgorithm::Sha1 => Core::Sha1,
            HmacAlgorithm::Sha224 => Core::Sha224,
            HmacAlgorithm::Sha256 => Core::Sha256,
            HmacAlgorithm::Sha384 => Core::Sha384,
            HmacAlgorithm::Sha512 => Core::Sha512,
        }
    }
}

/// The device that clicked a tracked URL.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct SmsRecipientInfo {
    /// The device type.
    pub device_type: Option<String>,
    /// The operating system.
    pub os: Option<String>,
    /// The device name.
    pub device_name: Option<String>,
}

/// Where a tracked URL was clicked.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct SmsGeoLocation {
    /// The country.
    pub country_name: Option<String>,
    /// The city.
    pub city: Option<String>,
}

/// A URL click, pushed when a recipient opens a tracked link.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct SmsUrlClick {
    /// The notification type (`CLICKED`).
    pub notification_type: Option<String>,
    /// The recipient's number.
    pub recipient: Option<String>,
    /// The URL clicked.
    pub url: Option<String>,
    /// When the message was sent, in epoch milliseconds, as pushed.
    pub send_date_time: Option<i64>,
    /// The same instant in Infobip's format (`yyyy-MM-dd'T'HH:mm:ss.SSS+0000`).
    pub sent_at: Option<String>,
    /// The message id.
    pub message_id: Option<String>,
    /// The bulk id.
    pub bulk_id: Option<String>,
    /// The callback data given with the message.
    pub callback_data: Option<String>,
    /// The device.
    pub recipient_info: Option<SmsRecipientInfo>,
    /// The location.
    pub geo_location_info: Option<SmsGeoLocation>,
    /// The application id.
    pub application_id: Option<String>,
    /// The entity id.
    pub entity_id: Option<String>,
}

/// Delivery reports from a push body: the v3 shape or the legacy v1 one, JSON or XML. Malformed
/// input throws `Decode`.
#[uniffi::export]
pub fn parse_delivery_reports(body: Vec<u8>) -> Result<Vec<SmsDeliveryReport>, InfobipError> {
    guarded_sync(|| from_core(&infobip::webhooks::parse_delivery_reports(&body)?))
}

/// Inbound messages from a push body (`MO_JSON_2`).
#[uniffi::export]
pub fn parse_inbound(body: Vec<u8>) -> Result<SmsInboundMessages, InfobipError> {
    guarded_sync(|| from_core(&infobip::webhooks::parse_inbound(&body)?))
}

/// A URL click from a push body.
#[uniffi::export]
pub fn parse_click(body: Vec<u8>) -> Result<SmsUrlClick, InfobipError> {
    guarded_sync(|| {
        let click = infobip::webhooks::parse_click(&body)?;
        let mut record: SmsUrlClick = from_core(&click)?;
        record.sent_at = click.sent_at().map(|at| infobip::time::format(&at));
        Ok(record)
    })
}

/// Checks a Basic `Authorization` header against the expected credentials (constant time);
/// throws `WebhookVerification` when it is missing or does not match.
#[uniffi::export]
pub fn verify_basic(
    authorization: Option<String>,
    username: String,
    password: Arc<Secret>,
) -> Result<(), InfobipError> {
    guarded_sync(|| Ok(infobip::webhooks::verify_basic(authorization.as_deref(), &username, password.core())?))
}

/// Checks an HMAC signature of `body` (hex or base64, optionally after a `sha256=`-like prefix;
/// constant time); throws `WebhookVerification` when it is missing or does not match.
#[uniffi::export]
pub fn verify_hmac(
    body: Vec<u8>,
    signature: Option<String>,
    secret: Arc<Secret>,
    algorithm: HmacAlgorithm,
) -> Result<(), InfobipError> {
    guarded_sync(|| Ok(infobip::webhooks::verify_hmac(&body, signature.as_deref(), secret.core(), algorithm.into())?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_click_carries_its_send_time_in_infobip_format() {
        let click = parse_click(
            br#"{"url":"https://x","sendDateTime":1704106800000,"recipientInfo":{"deviceType":"Phone"}}"#.to_vec(),
        )
        .expect("parsed");
        assert_eq!(click.sent_at.as_deref(), Some("2024-01-01T11:00:00.000+0000"));
        assert_eq!(click.recipient_info.and_then(|r| r.device_type).as_deref(), Some("Phone"));
    }

    #[test]
    fn every_algorithm_verifies_its_own_signature_and_refuses_another_body() {
        let secret = Secret::new("s3cret".into());
        for algorithm in [
            HmacAlgorithm::Md5,
            HmacAlgorithm::Sha1,
            HmacAlgorithm::Sha224,
            HmacAlgorithm::Sha256,
            HmacAlgorithm::Sha384,
            HmacAlgorithm::Sha512,
        ] {
            let core: infobip::webhooks::HmacAlgorithm = algorithm.into();
            let hex: String = core.sign(b"s3cret", b"body").iter().map(|b| format!("{b:02x}")).collect();
            verify_hmac(b"body".to_vec(), Some(hex.clone()), secret.clone(), algorithm).expect("good signature");
            let bad = verify_hmac(b"other".to_vec(), Some(hex), secret.clone(), algorithm).expect_err("bad body");
            assert_eq!(bad.details().code, "webhook_verification");
        }
    }
}
