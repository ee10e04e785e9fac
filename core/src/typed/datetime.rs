//! [`DateTime`]: a date-time field of a generated model.

use std::fmt;
use std::ops::Deref;

use chrono::FixedOffset;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An Infobip date-time: read in every form the API writes (`+0000`, `+00:00`, `Z`, no
/// milliseconds, a bare date, epoch milliseconds), written as `yyyy-MM-dd'T'HH:mm:ss.SSS+0000`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DateTime(pub chrono::DateTime<FixedOffset>);

impl Deref for DateTime {
    type Target = chrono::DateTime<FixedOffset>;

    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl<Tz: chrono::TimeZone> From<chrono::DateTime<Tz>> for DateTime {
    fn from(value: chrono::DateTime<Tz>) -> Self {
        DateTime(value.fixed_offset())
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::time::format(&self.0))
    }
}

impl Serialize for DateTime {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        crate::time::serde::datetime::serialize(&self.0, s)
    }
}

impl<'de> Deserialize<'de> for DateTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::time::serde::datetime::deserialize(d).map(DateTime)
    }
}

impl super::ParamValue for DateTime {
    fn param_value(&self) -> serde_json::Value {
        serde_json::Value::String(crate::time::format(&self.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_form_and_writes_infobip_format() {
        for text in [
            "2026-01-01T10:00:00.000+0000",
            "2026-01-01T10:00:00+00:00",
            "2026-01-01T10:00:00Z",
            "2026-01-01T12:00:00.000+0200",
        ] {
            let read: DateTime = serde_json::from_value(serde_json::json!(text)).expect(text);
            assert_eq!(
                serde_json::to_value(read).expect("writes"),
                serde_json::json!("2026-01-01T10:00:00.000+0000"),
                "{text}"
            );
        }
        let millis: DateTime = serde_json::from_value(serde_json::json!(1767261600000_i64)).expect("epoch millis");
        assert_eq!(millis.to_string(), "2026-01-01T10:00:00.000+0000");
        assert!(serde_json::from_value::<DateTime>(serde_json::json!("yesterday")).is_err());
    }
}
