//! Open enums: the values the API documents, plus any other value kept as received.
//!
//! The API adds enum values over time; a model that refused an unknown status name would break
//! on real traffic (lenient in, strict out: docs/ARCHITECTURE.md). Each enum made here reads a known value whatever its ASCII
//! case (the v1 APIs write `"Ok"` where v3 writes `"OK"`), keeps anything else in its catch-all
//! variant, and writes the documented spelling back.

/// Declares an open enum: `name { Variant = "WIRE", … }` plus a catch-all `Unknown(String)`,
/// with `as_str`, `Display`, `From<&str>`, `From<String>`, `Serialize` and `Deserialize`.
macro_rules! open_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
            /// A value this version of the SDK does not know, kept as received.
            Unknown(String),
        }

        impl $name {
            /// The value as the API writes it.
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $text,)+
                    Self::Unknown(text) => text,
                }
            }
        }

        impl From<&str> for $name {
            fn from(text: &str) -> Self {
                $(if text.eq_ignore_ascii_case($text) {
                    return Self::$variant;
                })+
                Self::Unknown(text.to_owned())
            }
        }

        impl From<String> for $name {
            fn from(text: String) -> Self {
                match Self::from(text.as_str()) {
                    Self::Unknown(_) => Self::Unknown(text),
                    known => known,
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(deserializer).map(|text| match text {
                    std::borrow::Cow::Borrowed(text) => Self::from(text),
                    std::borrow::Cow::Owned(text) => Self::from(text),
                })
            }
        }
    };
}

pub(crate) use open_enum;

#[cfg(test)]
mod tests {
    open_enum! {
        /// A test enum.
        Color {
            /// Red.
            Red = "RED",
            /// Dark blue.
            DarkBlue = "DARK_BLUE",
        }
    }

    #[test]
    fn known_values_any_case_unknown_kept() {
        let parsed: Vec<Color> = serde_json::from_str(r#"["RED","dark_blue","Ok","PURPLE"]"#).unwrap();
        assert_eq!(parsed, [Color::Red, Color::DarkBlue, Color::Unknown("Ok".into()), Color::Unknown("PURPLE".into())]);
        assert_eq!(serde_json::to_string(&parsed).unwrap(), r#"["RED","DARK_BLUE","Ok","PURPLE"]"#);
        assert_eq!(Color::from("red").to_string(), "RED");
    }
}
