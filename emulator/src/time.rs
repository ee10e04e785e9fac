//! Infobip date-time strings: written as `yyyy-MM-dd'T'HH:mm:ss.SSS+0000`, read leniently.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};

/// Formats a UTC instant the way Infobip does: `2019-11-09T16:00:00.000+0000`.
pub fn format(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.3f+0000").to_string()
}

/// Parses Infobip date-times leniently: `+0000`, `+00:00`, `Z` or no offset (UTC), 0–9
/// fractional digits, or a bare date.
pub fn parse(s: &str) -> Option<DateTime<Utc>> {
    let s = s.trim();
    if s.len() == 10 {
        let d = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
        return Some(Utc.from_utc_datetime(&d.and_hms_opt(0, 0, 0)?));
    }
    let (body, offset_secs) = split_offset(s)?;
    let naive = NaiveDateTime::parse_from_str(body, "%Y-%m-%dT%H:%M:%S%.f")
        .or_else(|_| NaiveDateTime::parse_from_str(body, "%Y-%m-%dT%H:%M:%S"))
        .or_else(|_| NaiveDateTime::parse_from_str(body, "%Y-%m-%dT%H:%M"))
        .ok()?;
    let offset = FixedOffset::east_opt(offset_secs)?;
    let local = offset.from_local_datetime(&naive).single()?;
    Some(local.with_timezone(&Utc))
}

fn split_offset(s: &str) -> Option<(&str, i32)> {
    if let Some(body) = s.strip_suffix('Z').or_else(|| s.strip_suffix('z')) {
        return Some((body, 0));
    }
    // Look for a sign after the time part (index > 10 so the date's dashes are skipped).
    let idx = s.char_indices().skip(11).find(|(_, c)| *c == '+' || *c == '-').map(|(i, _)| i);
    let Some(i) = idx else { return Some((s, 0)) };
    let (body, off) = s.split_at(i);
    let sign = if off.starts_with('-') { -1 } else { 1 };
    let digits: String = off[1..].chars().filter(|c| *c != ':').collect();
    if digits.len() != 4 && digits.len() != 2 {
        return None;
    }
    let h: i32 = digits.get(0..2)?.parse().ok()?;
    let m: i32 = if digits.len() == 4 { digits.get(2..4)?.parse().ok()? } else { 0 };
    Some((body, sign * (h * 3600 + m * 60)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_lenient_forms() {
        let t = parse("2020-02-22T17:42:05.390+01:00").unwrap();
        assert_eq!(format(t), "2020-02-22T16:42:05.390+0000");
        assert_eq!(parse("2020-02-22T16:42:05.390+0000"), Some(t));
        assert_eq!(parse("2020-02-22T16:42:05.39Z").unwrap(), t);
        assert!(parse("2020-02-22T16:42:05+0530").is_some());
        assert!(parse("2020-02-22").is_some());
        assert!(parse("yesterday").is_none());
    }
}
