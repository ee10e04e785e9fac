//! The end of a paging loop, decided so that no server can make it spin.
//!
//! Every iterator that fetches page after page (the logs stream, and any list that pages by
//! cursor or by page number) asks a [`PageGuard`] after each page whether to fetch another.
//! The guard ends the iteration:
//!
//! - when a page is empty, whatever it says about more pages;
//! - when a cursor-paged page has no next cursor, or a numbered page is the last one (fewer
//!   items than the page size, or the page count reached).
//!
//! And it fails with a `decode` error, naming the operation and the cursor or page, when the
//! server would have the loop go round forever:
//!
//! - a next cursor that was already used in this iteration (the same page again, or a cycle);
//! - a numbered page whose body is the same as the previous page's (a server that ignores the
//!   page parameter);
//! - a page number that would overflow.
//!
//! A repeated cursor is an error rather than a quiet end: the items fetched so far have been
//! handed out, but whether more were due is unknown, and a caller counting on "every log of the
//! bulk" must hear that the list was cut short.

use std::collections::HashSet;
use std::hash::{BuildHasher, RandomState};

use crate::error::Error;

/// Decides, page after page, whether a paging loop goes on (see the [module docs](self)).
#[derive(Debug)]
pub struct PageGuard {
    operation: String,
    cursors: HashSet<String>,
    hasher: RandomState,
    previous_body: Option<u64>,
}

impl PageGuard {
    /// A guard for one iteration over `operation` (named in its errors, e.g. `GET /sms/3/logs`).
    pub fn new(operation: impl Into<String>) -> Self {
        PageGuard {
            operation: operation.into(),
            cursors: HashSet::new(),
            hasher: RandomState::new(),
            previous_body: None,
        }
    }

    /// After a cursor-paged page of `items` items whose next cursor is `next`: the cursor to
    /// fetch the next page with, `None` when the iteration is over, or an error when `next` was
    /// already used (the loop would never end). An empty cursor counts as none.
    pub fn next_cursor(&mut self, items: usize, next: Option<&str>) -> Result<Option<String>, Error> {
        let Some(next) = next.filter(|c| !c.is_empty()) else { return Ok(None) };
        if items == 0 {
            return Ok(None);
        }
        if !self.cursors.insert(next.to_owned()) {
            return Err(Error::decode(
                format!(
                    "{}: the server gave the cursor {next:?} as the next page a second time; paging stopped, as it would never end",
                    self.operation
                ),
                None,
            ));
        }
        Ok(Some(next.to_owned()))
    }

    /// After numbered page `page` (counted as the API counts it) of `items` items, asked with
    /// page size `size`: the number of the page to fetch next, or `None` when the iteration is
    /// over. `total_pages` is the page count when the answer gives one; `body` the page's raw
    /// bytes, compared with the previous page's to catch a server that ignores the page number.
    pub fn next_page(
        &mut self,
        page: u32,
        size: u32,
        items: usize,
        total_pages: Option<u64>,
        body: &[u8],
    ) -> Result<Option<u32>, Error> {
        let fingerprint = self.hasher.hash_one(body);
        let repeated = self.previous_body.replace(fingerprint) == Some(fingerprint);
        let short = usize::try_from(size).is_ok_and(|size| items < size);
        if items == 0 || short {
            return Ok(None);
        }
        let stop = |why: &str| {
            Error::decode(format!("{}: page {page} {why}; paging stopped, as it would never end", self.operation), None)
        };
        if repeated {
            return Err(stop("is the same as the page before it"));
        }
        let next = page.checked_add(1).ok_or_else(|| stop("is the largest page number there is"))?;
        if total_pages.is_some_and(|total| u64::from(next) >= total) {
            return Ok(None);
        }
        Ok(Some(next))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_end_on_none_empty_or_an_empty_page() {
        let mut guard = PageGuard::new("GET /x");
        assert_eq!(guard.next_cursor(3, Some("a")).unwrap(), Some("a".to_owned()));
        assert_eq!(guard.next_cursor(3, Some("b")).unwrap(), Some("b".to_owned()));
        assert_eq!(guard.next_cursor(3, None).unwrap(), None);
        assert_eq!(guard.next_cursor(3, Some("")).unwrap(), None);
        assert_eq!(guard.next_cursor(0, Some("c")).unwrap(), None, "an empty page ends it");
    }

    #[test]
    fn a_cursor_given_twice_is_a_decode_error_naming_it() {
        let mut guard = PageGuard::new("GET /sms/3/logs");
        assert_eq!(guard.next_cursor(2, Some("same")).unwrap(), Some("same".to_owned()));
        let err = guard.next_cursor(2, Some("same")).unwrap_err();
        assert_eq!(err.code(), "decode");
        let text = err.to_string();
        assert!(text.contains("GET /sms/3/logs") && text.contains("\"same\""), "{text}");
        // A cycle of two is caught too.
        let mut guard = PageGuard::new("GET /x");
        for cursor in ["a", "b"] {
            guard.next_cursor(1, Some(cursor)).unwrap();
        }
        assert!(guard.next_cursor(1, Some("a")).is_err());
    }

    #[test]
    fn numbered_pages_end_on_a_short_or_empty_page_or_the_page_count() {
        let mut guard = PageGuard::new("GET /x");
        assert_eq!(guard.next_page(0, 2, 2, None, b"[1,2]").unwrap(), Some(1));
        assert_eq!(guard.next_page(1, 2, 2, None, b"[3,4]").unwrap(), Some(2));
        assert_eq!(guard.next_page(2, 2, 1, None, b"[5]").unwrap(), None, "short page");
        let mut guard = PageGuard::new("GET /x");
        assert_eq!(guard.next_page(0, 2, 0, None, b"[]").unwrap(), None, "empty page");
        let mut guard = PageGuard::new("GET /x");
        assert_eq!(guard.next_page(0, 2, 2, Some(2), b"[1,2]").unwrap(), Some(1));
        assert_eq!(guard.next_page(1, 2, 2, Some(2), b"[3,4]").unwrap(), None, "page count reached");
    }

    #[test]
    fn a_page_like_the_one_before_or_a_page_number_overflow_is_a_decode_error() {
        let mut guard = PageGuard::new("GET /subscriptions/1/profiles");
        assert_eq!(guard.next_page(0, 2, 2, None, b"[1,2]").unwrap(), Some(1));
        let err = guard.next_page(1, 2, 2, None, b"[1,2]").unwrap_err();
        assert_eq!(err.code(), "decode");
        assert!(err.to_string().contains("GET /subscriptions/1/profiles: page 1 is the same"), "{err}");
        let mut guard = PageGuard::new("GET /x");
        assert_eq!(guard.next_page(u32::MAX, 1, 1, None, b"[1]").unwrap_err().code(), "decode");
    }
}
