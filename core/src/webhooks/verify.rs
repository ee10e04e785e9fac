//! Verifying webhook requests: Basic credentials and HMAC signatures, compared in constant time.

use base64::Engine as _;
use hmac::{KeyInit, Mac};
use subtle::ConstantTimeEq;

use crate::auth::Secret;
use crate::error::Error;

/// The HMAC algorithms the Subscriptions API offers for webhook security.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
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

impl HmacAlgorithm {
    /// Every algorithm.
    pub const ALL: [HmacAlgorithm; 6] = [
        HmacAlgorithm::Md5,
        HmacAlgorithm::Sha1,
        HmacAlgorithm::Sha224,
        HmacAlgorithm::Sha256,
        HmacAlgorithm::Sha384,
        HmacAlgorithm::Sha512,
    ];

    /// The name the Subscriptions API uses (`HMAC_SHA_256`…).
    pub fn api_name(self) -> &'static str {
        match self {
            HmacAlgorithm::Md5 => "HMAC_MD5",
            HmacAlgorithm::Sha1 => "HMAC_SHA_1",
            HmacAlgorithm::Sha224 => "HMAC_SHA_224",
            HmacAlgorithm::Sha256 => "HMAC_SHA_256",
            HmacAlgorithm::Sha384 => "HMAC_SHA_384",
            HmacAlgorithm::Sha512 => "HMAC_SHA_512",
        }
    }

    /// Reads an API name (`HMAC_SHA_256`) or a short one (`sha256`, `SHA-256`, `md5`), ignoring case.
    pub fn from_name(name: &str) -> Result<Self, Error> {
        let key: String = name
            .trim()
            .to_ascii_lowercase()
            .trim_start_matches("hmac")
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect();
        Ok(match key.as_str() {
            "md5" => HmacAlgorithm::Md5,
            "sha1" => HmacAlgorithm::Sha1,
            "sha224" => HmacAlgorithm::Sha224,
            "sha256" => HmacAlgorithm::Sha256,
            "sha384" => HmacAlgorithm::Sha384,
            "sha512" => HmacAlgorithm::Sha512,
            _ => return Err(Error::validation("algorithm", format!("unknown HMAC algorithm {name:?}"))),
        })
    }

    /// The HMAC of `body` under `key`.
    pub fn sign(self, key: &[u8], body: &[u8]) -> Vec<u8> {
        fn run<M: Mac + KeyInit>(key: &[u8], body: &[u8]) -> Vec<u8> {
            // HMAC accepts keys of any length, so this cannot fail.
            let mut mac = <M as KeyInit>::new_from_slice(key).unwrap_or_else(|_| unreachable!("HMAC takes any key"));
            mac.update(body);
            mac.finalize().into_bytes().to_vec()
        }
        match self {
            HmacAlgorithm::Md5 => run::<hmac::Hmac<md5::Md5>>(key, body),
            HmacAlgorithm::Sha1 => run::<hmac::Hmac<sha1::Sha1>>(key, body),
            HmacAlgorithm::Sha224 => run::<hmac::Hmac<sha2::Sha224>>(key, body),
            HmacAlgorithm::Sha256 => run::<hmac::Hmac<sha2::Sha256>>(key, body),
            HmacAlgorithm::Sha384 => run::<hmac::Hmac<sha2::Sha384>>(key, body),
            HmacAlgorithm::Sha512 => run::<hmac::Hmac<sha2::Sha512>>(key, body),
        }
    }

    fn output_len(self) -> usize {
        match self {
            HmacAlgorithm::Md5 => 16,
            HmacAlgorithm::Sha1 => 20,
            HmacAlgorithm::Sha224 => 28,
            HmacAlgorithm::Sha256 => 32,
            HmacAlgorithm::Sha384 => 48,
            HmacAlgorithm::Sha512 => 64,
        }
    }
}

/// Checks an `Authorization: Basic …` header against the expected username and password.
///
/// The comparison takes the same time wherever the first difference is. Errors say what failed
/// (missing header, wrong scheme, bad encoding, mismatch) and never quote the credentials.
pub fn verify_basic(authorization: Option<&str>, expected_user: &str, expected_password: &Secret) -> Result<(), Error> {
    let header = authorization.ok_or_else(|| Error::webhook_verification("the request has no Authorization header"))?;
    let (scheme, encoded) = header.trim().split_once(' ').unwrap_or((header.trim(), ""));
    if !scheme.eq_ignore_ascii_case("basic") {
        return Err(Error::webhook_verification("the Authorization header does not use the Basic scheme"));
    }
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .map_err(|_| Error::webhook_verification("the Basic credentials are not valid base64"))?;
    let expected = format!("{expected_user}:{}", expected_password.expose());
    if bool::from(decoded.as_slice().ct_eq(expected.as_bytes())) {
        Ok(())
    } else {
        Err(Error::webhook_verification("the Basic credentials do not match"))
    }
}

/// Checks an HMAC signature of `body`.
///
/// `signature` is the header's value: hex (either case) or base64 (standard or URL-safe, padded
/// or not), optionally after a `name=` prefix such as `sha256=`. The comparison is constant-time.
pub fn verify_hmac(
    body: &[u8],
    signature: Option<&str>,
    secret: &Secret,
    algorithm: HmacAlgorithm,
) -> Result<(), Error> {
    let signature = signature.ok_or_else(|| Error::webhook_verification("the request has no signature header"))?;
    let value = signature.trim();
    let len = algorithm.output_len();
    let without_prefix = value.split_once('=').and_then(|(prefix, rest)| {
        (!prefix.is_empty() && prefix.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')).then_some(rest)
    });
    let given = decode_signature(value, len).or_else(|| without_prefix.and_then(|rest| decode_signature(rest, len)));
    let given = given.ok_or_else(|| {
        Error::webhook_verification(format!(
            "the signature is neither hex nor base64 of a {} digest ({len} bytes)",
            algorithm.api_name()
        ))
    })?;
    let expected = algorithm.sign(secret.expose().as_bytes(), body);
    if bool::from(given.as_slice().ct_eq(expected.as_slice())) {
        Ok(())
    } else {
        Err(Error::webhook_verification(format!("the {} signature does not match the body", algorithm.api_name())))
    }
}

fn decode_signature(text: &str, len: usize) -> Option<Vec<u8>> {
    if text.len() == len * 2 && text.bytes().all(|b| b.is_ascii_hexdigit()) {
        return (0..len).map(|i| u8::from_str_radix(&text[2 * i..2 * i + 2], 16).ok()).collect();
    }
    use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};
    [STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD]
        .iter()
        .find_map(|engine| engine.decode(text).ok())
        .filter(|bytes| bytes.len() == len)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "whsec-do-not-show";

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn known_answers() {
        // RFC 4231 test case 2 and RFC 2202 test case 2: key "Jefe".
        let body = b"what do ya want for nothing?";
        assert_eq!(
            hex(&HmacAlgorithm::Sha256.sign(b"Jefe", body)),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        assert_eq!(hex(&HmacAlgorithm::Sha1.sign(b"Jefe", body)), "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
        assert_eq!(hex(&HmacAlgorithm::Md5.sign(b"Jefe", body)), "750c783e6ab0b503eaa86e310a5db738");
        assert_eq!(
            hex(&HmacAlgorithm::Sha224.sign(b"Jefe", body)),
            "a30e01098bc6dbbf45690f3a7e9e6d0f8bbea2a39e6148008fd05e44"
        );
    }

    #[test]
    fn accepts_hex_and_base64_for_every_algorithm() {
        let body = br#"{"results":[]}"#;
        let secret = Secret::new(SECRET);
        for algorithm in HmacAlgorithm::ALL {
            let mac = algorithm.sign(SECRET.as_bytes(), body);
            let forms = [
                hex(&mac),
                hex(&mac).to_uppercase(),
                base64::engine::general_purpose::STANDARD.encode(&mac),
                base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&mac),
                format!("sha={}", hex(&mac)),
            ];
            for form in forms {
                verify_hmac(body, Some(&form), &secret, algorithm)
                    .unwrap_or_else(|e| panic!("{algorithm:?} {form}: {e}"));
            }
            // A changed body, a wrong secret, another algorithm: all refused.
            assert!(verify_hmac(b"{}", Some(&hex(&mac)), &secret, algorithm).is_err());
            assert!(verify_hmac(body, Some(&hex(&mac)), &Secret::new("other"), algorithm).is_err());
        }
        let mac = HmacAlgorithm::Sha256.sign(SECRET.as_bytes(), body);
        assert!(verify_hmac(body, Some(&hex(&mac)), &secret, HmacAlgorithm::Sha512).is_err());
    }

    #[test]
    fn failures_say_why_without_the_secret() {
        let secret = Secret::new(SECRET);
        let cases = [
            verify_hmac(b"x", None, &secret, HmacAlgorithm::Sha256),
            verify_hmac(b"x", Some("zz"), &secret, HmacAlgorithm::Sha256),
            verify_hmac(b"x", Some(&"00".repeat(32)), &secret, HmacAlgorithm::Sha256),
            verify_basic(None, "u", &secret),
            verify_basic(Some("Bearer abc"), "u", &secret),
            verify_basic(Some("Basic !!!"), "u", &secret),
            verify_basic(Some("Basic dTp3cm9uZw=="), "u", &secret),
        ];
        let reasons = [
            "no signature",
            "neither hex nor base64",
            "does not match",
            "no Authorization",
            "Basic scheme",
            "base64",
            "do not match",
        ];
        for (result, reason) in cases.into_iter().zip(reasons) {
            let err = result.expect_err(reason);
            assert_eq!(err.code(), "webhook_verification");
            let text = format!("{err} {err:?}");
            assert!(text.contains(reason), "{text}");
            assert!(!text.contains(SECRET), "{text}");
        }
    }

    #[test]
    fn basic_matches_exactly() {
        let password = Secret::new("p:ss word");
        let header = format!("Basic {}", base64::engine::general_purpose::STANDARD.encode("infobip:p:ss word"));
        verify_basic(Some(&header), "infobip", &password).unwrap();
        verify_basic(Some(&header.replace("Basic", "basic")), "infobip", &password).unwrap();
        assert!(verify_basic(Some(&header), "infobi", &password).is_err());
    }

    #[test]
    fn algorithm_names() {
        assert_eq!(HmacAlgorithm::from_name("HMAC_SHA_256").unwrap(), HmacAlgorithm::Sha256);
        assert_eq!(HmacAlgorithm::from_name("sha-512").unwrap(), HmacAlgorithm::Sha512);
        assert_eq!(HmacAlgorithm::from_name("HMAC_MD5").unwrap(), HmacAlgorithm::Md5);
        for a in HmacAlgorithm::ALL {
            assert_eq!(HmacAlgorithm::from_name(a.api_name()).unwrap(), a);
        }
        assert_eq!(HmacAlgorithm::from_name("crc32").unwrap_err().code(), "validation");
    }
}
