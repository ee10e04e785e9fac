//! Previews of how a text is split into SMS (`POST /sms/1/preview`).

use serde::{Deserialize, Serialize};

use super::content::{LanguageCode, Transliteration};

/// What to preview.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PreviewRequest {
    /// The text.
    #[serde(default)]
    pub text: String,
    /// A language to preview it with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language_code: Option<LanguageCode>,
    /// A transliteration to preview it with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transliteration: Option<Transliteration>,
}

impl PreviewRequest {
    /// A preview of `text` as it is.
    pub fn new(text: impl Into<String>) -> Self {
        PreviewRequest { text: text.into(), ..PreviewRequest::default() }
    }

    /// Previews with a language too.
    pub fn language_code(mut self, code: impl Into<LanguageCode>) -> Self {
        self.language_code = Some(code.into());
        self
    }

    /// Previews with a transliteration too.
    pub fn transliteration(mut self, transliteration: impl Into<Transliteration>) -> Self {
        self.transliteration = Some(transliteration.into());
        self
    }
}

/// The language of a preview.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PreviewLanguage {
    /// The language code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language_code: Option<LanguageCode>,
}

/// The settings a preview was made with (empty for the text as it is).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PreviewConfiguration {
    /// The language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<PreviewLanguage>,
    /// The transliteration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transliteration: Option<Transliteration>,
}

/// One preview.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Preview {
    /// The text as it would be sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_preview: Option<String>,
    /// How many SMS it takes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_count: Option<i32>,
    /// Characters left in the last SMS.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub characters_remaining: Option<i32>,
    /// The settings of this preview.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub configuration: Option<PreviewConfiguration>,
}

/// The previews of a text: first as it is, then with the settings asked for.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PreviewResponse {
    /// The text given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_text: Option<String>,
    /// The previews.
    #[serde(default)]
    pub previews: Vec<Preview>,
}
