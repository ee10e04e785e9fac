//! Webhooks: parsing what Infobip pushes and verifying who pushed it, with the core's functions.
//! Top-level functions (no client needed); they do no I/O.

use std::sync::Arc;

use crate::config::Secret;
use crate::convert::answer;
use crate::error::{InfobipError, guarded_sync};

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

/// Delivery reports from a push body (the v3 shape or the legacy v1 one, JSON or XML), as the
/// v3 push's JSON (`{"results": […]}`) for the generated models; Kotlin's and Swift's
/// `parseDeliveryReports` read it. Malformed input throws `Decode`.
#[uniffi::export]
pub fn parse_delivery_reports_json(body: Vec<u8>) -> Result<Vec<u8>, InfobipError> {
    guarded_sync(|| {
        let reports = infobip::webhooks::parse_delivery_reports(&body)?;
        Ok(answer(&serde_json::json!({ "results": reports }), None)?.body)
    })
}

/// Inbound messages from a push body (`MO_JSON_2`), as the API's JSON.
#[uniffi::export]
pub fn parse_inbound_json(body: Vec<u8>) -> Result<Vec<u8>, InfobipError> {
    guarded_sync(|| Ok(answer(&infobip::webhooks::parse_inbound(&body)?, None)?.body))
}

/// A URL click from a push body, as the API's JSON.
#[uniffi::export]
pub fn parse_click_json(body: Vec<u8>) -> Result<Vec<u8>, InfobipError> {
    guarded_sync(|| Ok(answer(&infobip::webhooks::parse_click(&body)?, None)?.body))
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
    fn pushes_are_read_by_the_core_and_written_as_the_api_json() {
        let click = parse_click_json(
            br#"{"url":"https://x","sendDateTime":1704106800000,"recipientInfo":{"deviceType":"Phone"}}"#.to_vec(),
        )
        .expect("parsed");
        let click: serde_json::Value = serde_json::from_slice(&click).expect("JSON");
        assert_eq!(click["sendDateTime"], 1704106800000_i64);
        assert_eq!(click["recipientInfo"]["deviceType"], "Phone");
        let xml = br#"<reportResponse><results><result><messageId>M1</messageId><doneAt>2026-12-24T08:30:05.000+0100</doneAt></result></results></reportResponse>"#;
        let reports: serde_json::Value =
            serde_json::from_slice(&parse_delivery_reports_json(xml.to_vec()).expect("parsed")).expect("JSON");
        assert_eq!(reports["results"][0]["messageId"], "M1");
        assert_eq!(reports["results"][0]["doneAt"], "2026-12-24T07:30:05.000+0000");
        let error = parse_delivery_reports_json(b"{".to_vec()).expect_err("malformed");
        assert_eq!(error.details().code, "decode");
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
