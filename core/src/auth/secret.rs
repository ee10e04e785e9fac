//! A string that never shows itself in `Debug` output, logs or errors, is wiped from memory
//! when dropped, and compares in constant time.

use std::fmt;

use subtle::ConstantTimeEq;
use zeroize::{Zeroize, ZeroizeOnDrop};

/// A secret value: an API key, a password, a client secret or a token.
///
/// `Debug` prints `Secret(***)`; there is deliberately no `Display`. The value is
/// only read inside the crate, where a request header is built from it. Its memory is
/// overwritten with zeros when it is dropped, and `==` takes the same time whatever bytes
/// differ (only the length shows).
#[derive(Clone)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The secret value, for building a header. Crate-private on purpose.
    pub(crate) fn expose(&self) -> &str {
        &self.0
    }

    /// Whether the value is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The value masked for showing to its owner: the first and last four characters around
    /// `…` (`abcd…wxyz`), or `****` when the value has fewer than 24 characters, so that at
    /// most a third of it is ever shown and nothing of a short one.
    pub fn masked(&self) -> String {
        let count = self.0.chars().count();
        if count < 24 {
            return "****".to_owned();
        }
        let head: String = self.0.chars().take(4).collect();
        let tail: String = self.0.chars().skip(count - 4).collect();
        format!("{head}…{tail}")
    }
}

impl Drop for Secret {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl Zeroize for Secret {
    /// Overwrites the value (its whole buffer) with zeros and leaves it empty.
    fn zeroize(&mut self) {
        self.0.zeroize();
    }
}

impl ZeroizeOnDrop for Secret {}

impl PartialEq for Secret {
    /// Constant-time in the bytes compared: a mismatch early in the value takes as long to
    /// find as one at the end.
    fn eq(&self, other: &Self) -> bool {
        self.0.as_bytes().ct_eq(other.0.as_bytes()).into()
    }
}

impl Eq for Secret {}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// Writes the value itself: a secret goes into request bodies (session, token and key APIs).
/// Never serialize a model holding one into a log.
impl serde::Serialize for Secret {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for Secret {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Secret)
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Secret(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Secret(value.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masked_shows_at_most_the_ends() {
        assert_eq!(Secret::new("abcdefghijklmnopqrstuvwxyz").masked(), "abcd…wxyz");
        assert_eq!(Secret::new("short-key").masked(), "****");
        assert_eq!(Secret::new("").masked(), "****");
        // Under 24 characters nothing shows; from 24 on, 4 at each end (at most a third).
        assert_eq!(Secret::new("abcdefghijkl").masked(), "****");
        assert_eq!(Secret::new("abcdefghijklmnopqrstuvw").masked(), "****");
        assert_eq!(Secret::new("abcdefghijklmnopqrstuvwx").masked(), "abcd…uvwx");
        assert_eq!(Secret::new("ééééxxxxxxxxxxxxxxxxéééé").masked(), "éééé…éééé");
        for len in 0..64 {
            let value: String = (0..len).map(|i| char::from(b'a' + (i % 26) as u8)).collect();
            let shown = Secret::new(value).masked().chars().filter(|c| *c != '…' && *c != '*').count();
            assert!(shown == 0 || (len >= 24 && shown == 8 && shown * 3 <= len), "{len}: {shown}");
        }
    }

    #[test]
    fn wiped_on_drop_and_on_request() {
        fn wiped_on_drop<T: ZeroizeOnDrop>() {}
        wiped_on_drop::<Secret>();
        let mut secret = Secret::new("hunter2-very-secret");
        secret.zeroize();
        assert!(secret.is_empty());
    }

    #[test]
    fn equality_compares_every_byte() {
        let key = Secret::new("abcdefghijklmnop");
        assert_eq!(key, Secret::new("abcdefghijklmnop"));
        assert_ne!(key, Secret::new("abcdefghijklmnoq"), "last byte differs");
        assert_ne!(key, Secret::new("bbcdefghijklmnop"), "first byte differs");
        assert_ne!(key, Secret::new("abcdefghijklmno"), "shorter");
        assert_ne!(key, Secret::new(""));
        assert_eq!(Secret::new(""), Secret::new(""));
    }

    #[test]
    fn debug_hides_the_value() {
        let secret = Secret::new("hunter2-very-secret");
        let shown = format!("{secret:?} {:#?}", secret);
        assert!(!shown.contains("hunter2"));
        assert!(shown.contains("***"));
        assert_eq!(secret.expose(), "hunter2-very-secret");
    }
}
