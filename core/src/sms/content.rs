//! Message content: text, binary, or something this SDK does not know.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use super::open_enum::open_enum;

open_enum! {
    /// How a text is converted to fit a smaller character set.
    Transliteration {
        /// No conversion.
        None = "NONE",
        /// Turkish.
        Turkish = "TURKISH",
        /// Greek.
        Greek = "GREEK",
        /// Cyrillic.
        Cyrillic = "CYRILLIC",
        /// Serbian Cyrillic.
        SerbianCyrillic = "SERBIAN_CYRILLIC",
        /// Central European.
        CentralEuropean = "CENTRAL_EUROPEAN",
        /// Baltic.
        Baltic = "BALTIC",
        /// Anything that is not Unicode.
        NonUnicode = "NON_UNICODE",
        /// Portuguese.
        Portuguese = "PORTUGUESE",
        /// Colombian.
        Colombian = "COLOMBIAN",
        /// Bulgarian Cyrillic.
        BulgarianCyrillic = "BULGARIAN_CYRILLIC",
        /// Every supported language.
        All = "ALL",
    }
}

open_enum! {
    /// A national language identifier, for the character set of a text.
    LanguageCode {
        /// None.
        None = "NONE",
        /// Turkish.
        Tr = "TR",
        /// Spanish.
        Es = "ES",
        /// Portuguese.
        Pt = "PT",
        /// Chosen by the platform from the text.
        Autodetect = "AUTODETECT",
    }
}

/// The language of a text message, with the GSM shift tables to use.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Language {
    /// The language code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language_code: Option<LanguageCode>,
    /// Use the single shift table (extends the GSM alphabet's extension table).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub single_shift: Option<bool>,
    /// Use the locking shift table (replaces the GSM alphabet).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locking_shift: Option<bool>,
}

impl Language {
    /// A language by code, with no shift tables named.
    pub fn code(code: impl Into<LanguageCode>) -> Self {
        Language { language_code: Some(code.into()), ..Language::default() }
    }

    /// Sets whether the single shift table is used.
    pub fn single_shift(mut self, on: bool) -> Self {
        self.single_shift = Some(on);
        self
    }

    /// Sets whether the locking shift table is used.
    pub fn locking_shift(mut self, on: bool) -> Self {
        self.locking_shift = Some(on);
        self
    }
}

/// Text content.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TextContent {
    /// The text.
    pub text: String,
    /// The transliteration applied to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transliteration: Option<Transliteration>,
    /// Its language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
}

/// Binary content.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BinaryContent {
    /// The bytes as hexadecimal pairs separated by spaces (`"0f c2 4a"`).
    pub hex: String,
    /// The data coding (0 = GSM 7-bit, 8 = UCS-2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_coding: Option<i32>,
    /// The ESM class.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub esm_class: Option<i32>,
}

impl BinaryContent {
    /// Binary content from raw bytes, written as space-separated hexadecimal pairs.
    pub fn from_bytes(bytes: &[u8]) -> Self {
        let hex: Vec<String> = bytes.iter().map(|b| format!("{b:02x}")).collect();
        BinaryContent { hex: hex.join(" "), ..BinaryContent::default() }
    }
}

/// The content of a message. Read by its keys (the API gives no discriminator): `text` is
/// text, `hex` is binary; anything else, including `{}` (seen in real logs) and an object
/// with both keys, is kept as [`Content::Other`].
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Content {
    /// Text.
    Text(TextContent),
    /// Binary.
    Binary(BinaryContent),
    /// Content of another or unknown shape, kept as received.
    Other(Value),
}

impl Default for Content {
    fn default() -> Self {
        Content::Other(Value::Object(serde_json::Map::new()))
    }
}

impl Content {
    /// The text, when this is text content.
    pub fn text(&self) -> Option<&str> {
        match self {
            Content::Text(t) => Some(&t.text),
            _ => None,
        }
    }

    /// The hexadecimal bytes, when this is binary content.
    pub fn hex(&self) -> Option<&str> {
        match self {
            Content::Binary(b) => Some(&b.hex),
            _ => None,
        }
    }

    /// Whether the content has a `text` key and a `hex` key (a mistake the API refuses).
    pub(crate) fn has_text_and_hex(&self) -> bool {
        matches!(self, Content::Other(Value::Object(map)) if map.contains_key("text") && map.contains_key("hex"))
    }
}

impl<'de> Deserialize<'de> for Content {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        let (text, hex) = match &value {
            Value::Object(map) => {
                (map.get("text").is_some_and(Value::is_string), map.get("hex").is_some_and(Value::is_string))
            }
            _ => (false, false),
        };
        let typed = match (text, hex) {
            (true, false) => TextContent::deserialize(&value).ok().map(Content::Text),
            (false, true) => BinaryContent::deserialize(&value).ok().map(Content::Binary),
            _ => None,
        };
        Ok(typed.unwrap_or(Content::Other(value)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shape_parses() {
        let read = |s: &str| serde_json::from_str::<Content>(s).unwrap();
        assert_eq!(read(r#"{"text":"Hi","transliteration":"GREEK"}"#).text(), Some("Hi"));
        assert_eq!(read(r#"{"hex":"48 69","dataCoding":8}"#).hex(), Some("48 69"));
        assert_eq!(read("{}"), Content::default());
        assert!(matches!(read(r#"{"card":{"title":"x"}}"#), Content::Other(_)));
        assert!(read(r#"{"text":"a","hex":"61"}"#).has_text_and_hex());
        assert!(matches!(read(r#"{"text":5}"#), Content::Other(_)));
        assert!(matches!(read(r#"{"text":"a","language":"weird"}"#), Content::Other(_)));
        assert!(matches!(read("null"), Content::Other(Value::Null)));
    }

    #[test]
    fn binary_from_bytes() {
        assert_eq!(BinaryContent::from_bytes(b"Hi\x0f").hex, "48 69 0f");
    }
}
