//! The error for an unknown operation id, with the closest known ids.

use crate::error::Error;

/// How many ids an unknown-id error suggests.
const SUGGESTED: usize = 3;

/// A `validation` error naming the unknown id and suggesting the closest ids.
pub(crate) fn unknown_operation(id: &str) -> Error {
    let closest = closest(id, super::operations().iter().map(|op| op.id.as_str()));
    let message = if closest.is_empty() {
        format!("unknown operation {id:?}; infobip::catalog::operations() lists them all")
    } else {
        format!("unknown operation {id:?}; did you mean {}?", closest.join(", "))
    };
    Error::validation("operation_id", message)
}

/// The candidates nearest to `wanted` by edit distance (ignoring case), nearest first.
fn closest<'a>(wanted: &str, candidates: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let wanted: Vec<char> = wanted.to_lowercase().chars().collect();
    let mut scored: Vec<(usize, &str)> = candidates.map(|c| (distance(&wanted, &c.to_lowercase()), c)).collect();
    scored.sort();
    scored.into_iter().take(SUGGESTED).map(|(_, c)| c).collect()
}

/// Levenshtein distance, one row at a time.
fn distance(a: &[char], b: &str) -> usize {
    let mut row: Vec<usize> = (0..=a.len()).collect();
    for (j, cb) in b.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = j + 1;
        for (i, ca) in a.iter().enumerate() {
            let substitution = diagonal + usize::from(*ca != cb);
            diagonal = row[i + 1];
            row[i + 1] = substitution.min(row[i] + 1).min(diagonal + 1);
        }
    }
    row[a.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        let d = |a: &str, b: &str| distance(&a.chars().collect::<Vec<_>>(), b);
        assert_eq!(d("kitten", "sitting"), 3);
        assert_eq!(d("", "abc"), 3);
        assert_eq!(d("abc", "abc"), 0);
        assert_eq!(d("send-sms-mesages", "send-sms-messages"), 1);
    }

    #[test]
    fn closest_first() {
        let ids = ["send-sms-messages", "get-sms-logs", "send-mms-messages", "preview-sms-message"];
        assert_eq!(
            closest("Send-SMS-Mesages", ids.into_iter()),
            ["send-sms-messages", "send-mms-messages", "get-sms-logs"]
        );
    }
}
