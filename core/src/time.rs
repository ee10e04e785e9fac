//! Infobip date-times.
//!
//! Written always as `yyyy-MM-dd'T'HH:mm:ss.SSS+0000` (UTC, milliseconds, no colon in the
//! offset). Read leniently: `+0000`, `+00:00`, `+05`, `Z`, no offset (taken as UTC),
//! 0 to 9 fractional digits, a bare date, and epoch milliseconds where the API uses them.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};

use crate::error::Error;

/// Writes a date-time in Infobip's format, converted to UTC.
pub fn format<Tz: TimeZone>(value: &DateTime<Tz>) -> String {
    value.with_timezone(&Utc).format("%Y-%m-%dT%H:%M:%S%.3f+0000").to_string()
}

/// Reads a date-time in any of the forms the API produces, keeping its offset.
pub fn parse(text: &str) -> Result<DateTime<FixedOffset>, Error> {
    parse_inner(text.trim()).ok_or_else(|| Error::decode(format!("not an Infobip date-time: {text:?}"), None))
}

/// Reads epoch milliseconds (used by click-tracking pushes and 2FA verifications).
pub fn from_epoch_millis(millis: i64) -> Result<DateTime<FixedOffset>, Error> {
    DateTime::<Utc>::from_timestamp_millis(millis)
        .map(|t| t.fixed_offset())
        .ok_or_else(|| Error::decode(format!("epoch milliseconds out of range: {millis}"), None))
}

fn parse_inner(text: &str) -> Option<DateTime<FixedOffset>> {
    if text.len() == 10 {
        let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()?;
        return Some(date.and_time(NaiveTime::MIN).and_utc().fixed_offset());
    }
    // Split the local part from the offset: the offset starts at 'Z' or at a sign after the time.
    let time_start = text.find('T').or_else(|| text.find(' '))?;
    let (local, offset) = match text[time_start..].find(['Z', 'z', '+', '-']) {
        Some(i) => text.split_at(time_start + i),
        None => (text, ""),
    };
    let local = local.replacen(' ', "T", 1);
    let naive = NaiveDateTime::parse_from_str(&local, "%Y-%m-%dT%H:%M:%S%.f")
        .or_else(|_| NaiveDateTime::parse_from_str(&local, "%Y-%m-%dT%H:%M"))
        .ok()?;
    let offset = parse_offset(offset)?;
    offset.from_local_datetime(&naive).single()
}

fn parse_offset(text: &str) -> Option<FixedOffset> {
    if text.is_empty() || text.eq_ignore_ascii_case("z") {
        return FixedOffset::east_opt(0);
    }
    let sign = match text.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits: String = text[1..].chars().filter(|c| *c != ':').collect();
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (hours, minutes) = match digits.len() {
        2 => (digits.parse::<i32>().ok()?, 0),
        4 => (digits[..2].parse::<i32>().ok()?, digits[2..].parse::<i32>().ok()?),
        _ => return None,
    };
    if hours > 23 || minutes > 59 || (text.contains(':') && text.len() != 6) {
        return None;
    }
    FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60))
}

/// Serde helpers for date-time fields of models.
pub mod serde {
    use std::cell::Cell;

    use chrono::{DateTime, FixedOffset};
    use serde::{Deserialize, Deserializer, Serializer, de};

    thread_local! {
        static MILLIS: Cell<bool> = const { Cell::new(false) };
    }

    /// Runs `f` (a serialization on this thread) with every model date-time written as epoch
    /// milliseconds (a number) instead of text, for a binding whose language makes its date type
    /// from a number faster than from text (a JavaScript `Date`); the binding knows from the
    /// model's type which numbers are date-times. Other serializations, and the JSON the SDK
    /// sends, are unaffected.
    pub fn with_epoch_millis<R>(f: impl FnOnce() -> R) -> R {
        struct Reset(bool);
        impl Drop for Reset {
            fn drop(&mut self) {
                MILLIS.with(|t| t.set(self.0));
            }
        }
        let _reset = Reset(MILLIS.with(|t| t.replace(true)));
        f()
    }

    /// Writes in Infobip's format; reads any accepted string form or epoch milliseconds.
    pub mod datetime {
        use super::*;

        /// Serializes a date-time in Infobip's format (or as epoch milliseconds, see
        /// [`with_epoch_millis`]).
        pub fn serialize<S: Serializer>(value: &DateTime<FixedOffset>, s: S) -> Result<S::Ok, S::Error> {
            if MILLIS.with(Cell::get) {
                return s.serialize_i64(value.timestamp_millis());
            }
            s.serialize_str(&crate::time::format(value))
        }

        /// Deserializes a date-time from a string or epoch milliseconds.
        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<FixedOffset>, D::Error> {
            #[derive(Deserialize)]
            #[serde(untagged)]
            enum Raw {
                Text(String),
                Millis(i64),
            }
            match Raw::deserialize(d)? {
                Raw::Text(t) => crate::time::parse(&t).map_err(de::Error::custom),
                Raw::Millis(m) => crate::time::from_epoch_millis(m).map_err(de::Error::custom),
            }
        }
    }

    /// The same as [`datetime`] for optional fields (use with `#[serde(default)]`).
    pub mod option {
        use super::*;

        /// Serializes an optional date-time in Infobip's format.
        pub fn serialize<S: Serializer>(value: &Option<DateTime<FixedOffset>>, s: S) -> Result<S::Ok, S::Error> {
            match value {
                Some(v) => super::datetime::serialize(v, s),
                None => s.serialize_none(),
            }
        }

        /// Deserializes an optional date-time; `null` gives `None`.
        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<FixedOffset>>, D::Error> {
            #[derive(Deserialize)]
            struct Wrap(#[serde(with = "super::datetime")] DateTime<FixedOffset>);
            Ok(Option::<Wrap>::deserialize(d)?.map(|w| w.0))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn writes_infobip_format() {
        let t = parse("2026-12-24T09:30:00.123+01:00").unwrap();
        assert_eq!(format(&t), "2026-12-24T08:30:00.123+0000");
        let t = Utc.with_ymd_and_hms(2026, 1, 2, 3, 4, 5).unwrap();
        assert_eq!(format(&t), "2026-01-02T03:04:05.000+0000");
    }

    #[test]
    fn reads_every_offset_form() {
        let expected = Utc.with_ymd_and_hms(2026, 12, 24, 8, 30, 0).unwrap();
        for text in [
            "2026-12-24T08:30:00.000+0000",
            "2026-12-24T08:30:00.000+00:00",
            "2026-12-24T08:30:00+0000",
            "2026-12-24T08:30:00Z",
            "2026-12-24T08:30:00.000Z",
            "2026-12-24T14:00:00.000+05:30",
            "2026-12-24T14:00:00+0530",
            "2026-12-24T07:30:00.0-01",
            "2026-12-24T07:00:00.00-01:30",
            "2026-12-24T08:30:00",
            "2026-12-24 08:30:00",
            "2026-12-24T08:30",
        ] {
            let t = parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(t, expected, "{text}");
        }
        assert_eq!(parse("2026-12-24").unwrap(), Utc.with_ymd_and_hms(2026, 12, 24, 0, 0, 0).unwrap());
        // The original offset is kept.
        assert_eq!(parse("2026-12-24T14:00:00+05:30").unwrap().offset().local_minus_utc(), 19800);
        // Nanosecond precision is read.
        assert_eq!(parse("2020-02-23T17:42:05.39+01:00").unwrap().timestamp_subsec_millis(), 390);
    }

    #[test]
    fn refuses_garbage() {
        for text in [
            "",
            "yesterday",
            "2026-13-01T00:00:00Z",
            "2026-12-24T08:30:00+2500",
            "2026-12-24T08:30:00+05:3",
            "2026-12-24T25:00:00Z",
        ] {
            let err = parse(text).expect_err(text);
            assert_eq!(err.code(), "decode");
        }
    }

    #[test]
    fn epoch_millis() {
        let t = from_epoch_millis(1_418_364_366_123).unwrap();
        assert_eq!(format(&t), "2014-12-12T06:06:06.123+0000");
    }

    #[test]
    fn serde_reads_strings_and_millis() {
        #[derive(::serde::Deserialize, ::serde::Serialize)]
        struct M {
            #[serde(with = "crate::time::serde::datetime")]
            a: DateTime<FixedOffset>,
            #[serde(default, with = "crate::time::serde::option", skip_serializing_if = "Option::is_none")]
            b: Option<DateTime<FixedOffset>>,
        }
        let m: M = serde_json::from_str(r#"{"a":"2026-12-24T08:30:00.5+00:00","b":1418364366000}"#).unwrap();
        assert_eq!(
            serde_json::to_string(&m).unwrap(),
            r#"{"a":"2026-12-24T08:30:00.500+0000","b":"2014-12-12T06:06:06.000+0000"}"#
        );
        let m: M = serde_json::from_str(r#"{"a":"2026-12-24T08:30:00Z","b":null}"#).unwrap();
        assert!(m.b.is_none());
    }

    #[test]
    fn epoch_millis_only_inside_the_closure() {
        #[derive(::serde::Serialize)]
        struct M {
            #[serde(with = "crate::time::serde::datetime")]
            a: DateTime<FixedOffset>,
        }
        let m = M { a: parse("2014-12-12T06:06:06.123+0000").unwrap() };
        let millis = crate::time::serde::with_epoch_millis(|| serde_json::to_string(&m).unwrap());
        assert_eq!(millis, r#"{"a":1418364366123}"#);
        assert_eq!(serde_json::to_string(&m).unwrap(), r#"{"a":"2014-12-12T06:06:06.123+0000"}"#);
    }

    proptest! {
        #[test]
        fn write_then_read_is_identity(millis in -62_000_000_000_000i64..253_000_000_000_000i64, offset_min in -720i32..840) {
            let utc = DateTime::<Utc>::from_timestamp_millis(millis).unwrap();
            let zoned = utc.with_timezone(&FixedOffset::east_opt(offset_min * 60).unwrap());
            let text = format(&zoned);
            prop_assert_eq!(text.len(), 28);
            let back = parse(&text).unwrap();
            prop_assert_eq!(back, utc);
            // The colon form reads the same instant.
            let colon = zoned.format("%Y-%m-%dT%H:%M:%S%.3f%:z").to_string();
            prop_assert_eq!(parse(&colon).unwrap(), utc);
        }
    }
}
