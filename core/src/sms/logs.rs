//! Message logs (`GET /sms/3/logs`): filters, pages, and a stream that follows the cursor.

use std::collections::VecDeque;

use chrono::{DateTime, FixedOffset, TimeZone};
use futures_util::Stream;
use serde::{Deserialize, Serialize};

use super::content::Content;
use super::options::Platform;
use super::reports::Price;
use super::status::{MessageError, Status, StatusGroup};
use super::{Sms, validate};
use crate::error::Error;
use crate::http::Query;
use crate::paging::PageGuard;

/// The log of one sent message.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SmsLog {
    /// The sender.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender: Option<String>,
    /// The destination.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination: Option<String>,
    /// The bulk id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bulk_id: Option<String>,
    /// The message id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
    /// When it was sent.
    #[serde(default, with = "crate::time::serde::option", skip_serializing_if = "Option::is_none")]
    pub sent_at: Option<DateTime<FixedOffset>>,
    /// When its status became what it is.
    #[serde(default, with = "crate::time::serde::option", skip_serializing_if = "Option::is_none")]
    pub done_at: Option<DateTime<FixedOffset>>,
    /// How many SMS it took.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_count: Option<i32>,
    /// What it cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<Price>,
    /// Its status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// Its error, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<MessageError>,
    /// The application and entity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<Platform>,
    /// What was sent (text, binary, `{}` or another shape).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<Content>,
    /// The campaign reference id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign_reference_id: Option<String>,
    /// The mobile country and network code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mcc_mnc: Option<String>,
}

/// Where a page of logs ends.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CursorInfo {
    /// The limit the page was asked with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i32>,
    /// The cursor of the next page; absent on the last page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

/// One page of logs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LogsPage {
    /// The logs.
    #[serde(default)]
    pub results: Vec<SmsLog>,
    /// The cursor, when the page was asked for with one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<CursorInfo>,
}

impl LogsPage {
    /// The cursor of the next page, if there is one.
    pub fn next_cursor(&self) -> Option<&str> {
        self.cursor.as_ref()?.next_cursor.as_deref().filter(|c| !c.is_empty())
    }
}

/// Filters of `GET /sms/3/logs`. Logs cover the last 48 hours.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LogsFilter {
    /// Mobile country code.
    pub mcc: Option<String>,
    /// Mobile network code (needs `mcc`).
    pub mnc: Option<String>,
    /// The sender.
    pub sender: Option<String>,
    /// The destination.
    pub destination: Option<String>,
    /// Bulk ids (any of them).
    pub bulk_ids: Vec<String>,
    /// Message ids (any of them).
    pub message_ids: Vec<String>,
    /// The status group.
    pub general_status: Option<StatusGroup>,
    /// Sent at or after.
    pub sent_since: Option<DateTime<FixedOffset>>,
    /// Sent at or before.
    pub sent_until: Option<DateTime<FixedOffset>>,
    /// Logs per page (the API's default is 50, the maximum 1000).
    pub limit: Option<u32>,
    /// The entity id.
    pub entity_id: Option<String>,
    /// The application id.
    pub application_id: Option<String>,
    /// Campaign reference ids (any of them).
    pub campaign_reference_ids: Vec<String>,
    /// Stop the stream after this many logs (not sent to the API).
    pub max_results: Option<usize>,
}

impl LogsFilter {
    /// No filter.
    pub fn new() -> Self {
        LogsFilter::default()
    }

    /// Only logs of this mobile country code.
    pub fn mcc(mut self, mcc: impl Into<String>) -> Self {
        self.mcc = Some(mcc.into());
        self
    }

    /// Only logs of this mobile network code (needs [`mcc`](LogsFilter::mcc)).
    pub fn mnc(mut self, mnc: impl Into<String>) -> Self {
        self.mnc = Some(mnc.into());
        self
    }

    /// Only logs of this sender.
    pub fn sender(mut self, sender: impl Into<String>) -> Self {
        self.sender = Some(sender.into());
        self
    }

    /// Only logs to this destination.
    pub fn destination(mut self, destination: impl Into<String>) -> Self {
        self.destination = Some(destination.into());
        self
    }

    /// Adds a bulk id.
    pub fn bulk_id(mut self, id: impl Into<String>) -> Self {
        self.bulk_ids.push(id.into());
        self
    }

    /// Adds a message id.
    pub fn message_id(mut self, id: impl Into<String>) -> Self {
        self.message_ids.push(id.into());
        self
    }

    /// Only logs in this status group.
    pub fn general_status(mut self, group: StatusGroup) -> Self {
        self.general_status = Some(group);
        self
    }

    /// Only logs sent at or after this time.
    pub fn sent_since<Tz: TimeZone>(mut self, at: DateTime<Tz>) -> Self {
        self.sent_since = Some(at.fixed_offset());
        self
    }

    /// Only logs sent at or before this time.
    pub fn sent_until<Tz: TimeZone>(mut self, at: DateTime<Tz>) -> Self {
        self.sent_until = Some(at.fixed_offset());
        self
    }

    /// Logs per page (1 to 1000).
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Only logs of this entity.
    pub fn entity_id(mut self, id: impl Into<String>) -> Self {
        self.entity_id = Some(id.into());
        self
    }

    /// Only logs of this application.
    pub fn application_id(mut self, id: impl Into<String>) -> Self {
        self.application_id = Some(id.into());
        self
    }

    /// Adds a campaign reference id.
    pub fn campaign_reference_id(mut self, id: impl Into<String>) -> Self {
        self.campaign_reference_ids.push(id.into());
        self
    }

    /// Stops the stream after this many logs.
    pub fn max_results(mut self, max: usize) -> Self {
        self.max_results = Some(max);
        self
    }

    /// The query of one page, with cursor paging on.
    pub(crate) fn to_query(&self, cursor: Option<&str>, limit: Option<u32>) -> Result<Query, Error> {
        validate::check_limit(limit)?;
        if self.mnc.is_some() && self.mcc.is_none() {
            return Err(Error::validation("mnc", "needs mcc"));
        }
        let mut query = Query::new();
        query
            .push_opt("mcc", self.mcc.as_deref())
            .push_opt("mnc", self.mnc.as_deref())
            .push_opt("sender", self.sender.as_deref())
            .push_opt("destination", self.destination.as_deref())
            .push_list("bulkId", &self.bulk_ids)
            .push_list("messageId", &self.message_ids)
            .push_opt("generalStatus", self.general_status.as_ref());
        if let Some(at) = &self.sent_since {
            query.push_time("sentSince", at);
        }
        if let Some(at) = &self.sent_until {
            query.push_time("sentUntil", at);
        }
        query
            .push_opt("limit", limit)
            .push_opt("entityId", self.entity_id.as_deref())
            .push_opt("applicationId", self.application_id.as_deref())
            .push_list("campaignReferenceId", &self.campaign_reference_ids)
            .push("useCursor", true)
            .push_opt("cursor", cursor);
        Ok(query)
    }

    /// The page size for the next page, given how many logs the caller still wants.
    fn page_limit(&self, remaining: Option<usize>) -> Option<u32> {
        match remaining.map(|r| u32::try_from(r).unwrap_or(u32::MAX)) {
            Some(r) => Some(self.limit.map_or(r.min(validate::MAX_PAGE_LIMIT), |l| l.min(r))),
            None => self.limit,
        }
    }
}

struct Pager {
    sms: Sms,
    filter: LogsFilter,
    cursor: Option<String>,
    guard: PageGuard,
    buffer: VecDeque<SmsLog>,
    remaining: Option<usize>,
    done: bool,
    /// An error to hand out once the buffered logs are out.
    failure: Option<Error>,
}

/// Every log matching `filter`, page after page, until the last page or `max_results`; a
/// server that repeats a cursor ends it with a `decode` error (see [`PageGuard`]).
pub(crate) fn stream(sms: Sms, filter: LogsFilter) -> impl Stream<Item = Result<SmsLog, Error>> + Send + 'static {
    let remaining = filter.max_results;
    let guard = PageGuard::new("GET /sms/3/logs");
    let pager =
        Pager { sms, filter, cursor: None, guard, buffer: VecDeque::new(), remaining, done: false, failure: None };
    futures_util::stream::unfold(pager, |mut pager| async move {
        loop {
            if pager.remaining == Some(0) {
                return None;
            }
            if let Some(log) = pager.buffer.pop_front() {
                pager.remaining = pager.remaining.map(|r| r - 1);
                return Some((Ok(log), pager));
            }
            if pager.done {
                return pager.failure.take().map(|error| (Err(error), pager));
            }
            let limit = pager.filter.page_limit(pager.remaining);
            match pager.sms.fetch_logs_page(&pager.filter, pager.cursor.as_deref(), limit).await {
                Ok(page) => {
                    let next = pager.guard.next_cursor(page.results.len(), page.next_cursor());
                    pager.buffer.extend(page.results);
                    // The page's logs first, then the error, if any.
                    pager.cursor = next.as_ref().ok().cloned().flatten();
                    pager.failure = next.err();
                    pager.done = pager.cursor.is_none();
                }
                Err(error) => {
                    pager.done = true;
                    pager.failure = Some(error);
                }
            }
        }
    })
}
