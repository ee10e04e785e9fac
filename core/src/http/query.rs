//! Query strings and path segments, percent-encoded per RFC 3986.

use std::fmt::Write as _;

use chrono::{DateTime, TimeZone};

/// Percent-encodes everything but RFC 3986's unreserved characters (`A-Z a-z 0-9 - . _ ~`),
/// so a space is `%20`, and `&`, `+`, `:`, `/` and every non-ASCII byte are encoded.
pub fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

/// Reverses [`encode_component`] (and any other percent-encoding): `%XX` become bytes, read as
/// UTF-8 (invalid sequences replaced); a `%` not followed by two hex digits is kept.
pub fn decode_component(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1).copied().and_then(hex), bytes.get(i + 2).copied().and_then(hex)) {
            (b'%', Some(high), Some(low)) => {
                out.push(u8::try_from(high * 16 + low).unwrap_or(b'?'));
                i += 3;
            }
            (byte, _, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Query parameters in order; a list parameter is repeated (`bulkId=a&bulkId=b`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pairs: Vec<(String, String)>,
}

impl Query {
    /// An empty query.
    pub fn new() -> Self {
        Query::default()
    }

    /// Adds one parameter.
    pub fn push(&mut self, name: &str, value: impl ToString) -> &mut Self {
        self.pairs.push((name.to_owned(), value.to_string()));
        self
    }

    /// Adds a parameter when it has a value.
    pub fn push_opt<V: ToString>(&mut self, name: &str, value: Option<V>) -> &mut Self {
        if let Some(v) = value {
            self.push(name, v);
        }
        self
    }

    /// Adds a list parameter, repeating the name for each value.
    pub fn push_list<V: ToString>(&mut self, name: &str, values: impl IntoIterator<Item = V>) -> &mut Self {
        for v in values {
            self.push(name, v);
        }
        self
    }

    /// Adds a date-time in Infobip's format.
    pub fn push_time<Tz: TimeZone>(&mut self, name: &str, value: &DateTime<Tz>) -> &mut Self {
        self.push(name, crate::time::format(value))
    }

    /// Whether there are no parameters.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// The parameters, in order.
    pub fn pairs(&self) -> &[(String, String)] {
        &self.pairs
    }

    /// The encoded query string, without the leading `?`.
    pub fn encode(&self) -> String {
        let parts: Vec<String> =
            self.pairs.iter().map(|(k, v)| format!("{}={}", encode_component(k), encode_component(v))).collect();
        parts.join("&")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_per_rfc_3986() {
        assert_eq!(encode_component("a b&c+d:e/f?g=h"), "a%20b%26c%2Bd%3Ae%2Ff%3Fg%3Dh");
        assert_eq!(encode_component("Zürich ☎"), "Z%C3%BCrich%20%E2%98%8E");
        assert_eq!(encode_component("AZaz09-._~"), "AZaz09-._~");
        assert_eq!(encode_component("100%"), "100%25");
    }

    #[test]
    fn repeats_lists() {
        let mut q = Query::new();
        q.push_list("bulkId", ["a", "b c"]).push("limit", 10).push_opt::<u32>("cursor", None);
        assert_eq!(q.encode(), "bulkId=a&bulkId=b%20c&limit=10");
    }
}
