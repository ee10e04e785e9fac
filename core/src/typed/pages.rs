//! Paging through an operation's answers, for every operation that pages, in every language.
//!
//! The spec says how an operation pages ([`Paging`], from the generated table): a cursor the
//! answer returns and the next request sends back, or numbered pages. [`Pages`] fetches one
//! page after another and stops:
//! where the core's [`PageGuard`] says (no next cursor, the last numbered page, an empty page;
//! a `decode` error for a repeated cursor or the same numbered page twice). An empty page is not
//! returned unless it is the first; the page that repeated a cursor is still returned, and the
//! error comes next.

use futures_util::Stream;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::catalog::{CallParams, CallResponse};
use crate::client::Client;
use crate::error::Error;
use crate::paging::PageGuard;

/// How an operation pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Paging {
    /// The answer carries the next page's cursor, sent back in a query parameter.
    Cursor {
        /// The query parameter taking the cursor.
        param: &'static str,
        /// Field names leading to the next cursor in the answer (`["cursor", "nextCursor"]`).
        next: &'static [&'static str],
        /// The answer's field holding the page's items.
        items: &'static str,
        /// A boolean query parameter sent `true` to turn cursor paging on (`useCursor`).
        flag: Option<&'static str>,
    },
    /// Numbered pages.
    Page {
        /// The query parameter taking the page number.
        param: &'static str,
        /// The query parameter taking the page size, if any.
        size: Option<&'static str>,
        /// The first page's number.
        first: i64,
        /// The answer's field holding the page's items.
        items: &'static str,
    },
}

impl Paging {
    /// How the operation `operation_id` pages; `None` when it does not.
    pub fn of(operation_id: &str) -> Option<Paging> {
        crate::api::paging(operation_id)
    }

    /// The answer's field holding a page's items.
    pub fn items(&self) -> &'static str {
        match self {
            Paging::Cursor { items, .. } | Paging::Page { items, .. } => items,
        }
    }
}

/// The pages of one paging call; get it with [`Client::pages`].
#[derive(Debug)]
pub struct Pages {
    client: Client,
    operation: String,
    paging: Paging,
    params: CallParams,
    state: State,
    read: usize,
    guard: PageGuard,
}

#[derive(Debug)]
enum State {
    More { cursor: Option<String>, page: i64 },
    Failed(Error),
    Done,
}

impl Client {
    /// The pages of `operation_id` called with `params` (the first page as the caller asks
    /// for it; the SDK fills in the cursor or page number after that). A `validation` error
    /// when the operation does not page.
    pub fn pages(&self, operation_id: &str, params: CallParams) -> Result<Pages, Error> {
        let paging = Paging::of(operation_id).ok_or_else(|| {
            Error::validation("operation", format!("{operation_id} does not page (no cursor or page parameter)"))
        })?;
        let page = match paging {
            Paging::Page { param, first, .. } => params.query.get(param).and_then(Value::as_i64).unwrap_or(first),
            Paging::Cursor { .. } => 0,
        };
        let cursor = match paging {
            Paging::Cursor { param, .. } => params.query.get(param).and_then(Value::as_str).map(str::to_owned),
            Paging::Page { .. } => None,
        };
        Ok(Pages {
            client: self.clone(),
            operation: operation_id.to_owned(),
            paging,
            params,
            state: State::More { cursor, page },
            read: 0,
            guard: PageGuard::new(operation_id),
        })
    }
}

impl Pages {
    /// How the operation pages.
    pub fn paging(&self) -> Paging {
        self.paging
    }

    /// The next page's answer; `None` after the last.
    pub async fn next_page(&mut self) -> Result<Option<CallResponse>, Error> {
        let (cursor, page) = match std::mem::replace(&mut self.state, State::Done) {
            State::More { cursor, page } => (cursor, page),
            State::Failed(error) => return Err(error),
            State::Done => return Ok(None),
        };
        let mut params = self.params.clone();
        match self.paging {
            Paging::Cursor { param, flag, .. } => {
                if let Some(flag) = flag {
                    params.query.entry(flag.to_owned()).or_insert(Value::Bool(true));
                }
                if let Some(cursor) = &cursor {
                    params.query.insert(param.to_owned(), Value::String(cursor.clone()));
                }
            }
            Paging::Page { param, .. } => {
                params.query.insert(param.to_owned(), Value::from(page));
            }
        }
        let response = self.client.call(&self.operation, params).await?;
        let items = response.body.get(self.paging.items()).and_then(Value::as_array);
        let count = items.map_or(0, Vec::len);
        if count == 0 && self.read > 0 {
            return Ok(None);
        }
        self.read += 1;
        self.state = match self.paging {
            Paging::Cursor { next, .. } => {
                match self.guard.next_cursor(count, next_cursor(&response.body, next).as_deref()) {
                    Ok(Some(next)) => State::More { cursor: Some(next), page },
                    Ok(None) => State::Done,
                    Err(error) => State::Failed(error),
                }
            }
            Paging::Page { first, size, .. } => {
                // The guard counts pages from 0; the size asked for tells a short (last) page.
                let asked = size.and_then(|name| self.params.query.get(name)).and_then(Value::as_u64);
                let size = asked.and_then(|n| u32::try_from(n).ok()).unwrap_or(0);
                let from_zero = u32::try_from(page.saturating_sub(first)).map_err(|_| {
                    Error::decode(format!("{}: page {page} is out of range; paging stopped", self.operation), None)
                })?;
                let total = total_pages(&response.body).and_then(|t| u64::try_from(t).ok());
                match self.guard.next_page(from_zero, size, count, total, &response.raw)? {
                    Some(next) => State::More { cursor, page: first.saturating_add(i64::from(next)) },
                    None => State::Done,
                }
            }
        };
        Ok(Some(response))
    }

    /// Every page, as a stream.
    pub fn into_stream(self) -> impl Stream<Item = Result<CallResponse, Error>> + Send {
        futures_util::stream::unfold(Some(self), |pages| async move {
            let mut pages = pages?;
            match pages.next_page().await {
                Ok(Some(page)) => Some((Ok(page), Some(pages))),
                Ok(None) => None,
                Err(error) => Some((Err(error), None)),
            }
        })
    }

    /// Every item of every page, read as `T`, as a stream.
    pub fn items<T: DeserializeOwned + Send + 'static>(self) -> impl Stream<Item = Result<T, Error>> + Send {
        let field = self.paging.items();
        let start = (Some(self), Vec::<Value>::new().into_iter());
        futures_util::stream::unfold(start, move |(mut pages, mut buffered)| async move {
            loop {
                if let Some(item) = buffered.next() {
                    let what = pages.as_ref().map(|p| p.operation.clone()).unwrap_or_default();
                    let read = serde_json::from_value(item)
                        .map_err(|e| Error::decode(format!("an item of {what}: {e}"), None));
                    return Some((read, (pages, buffered)));
                }
                let current = pages.as_mut()?;
                match current.next_page().await {
                    Ok(Some(page)) => buffered = take_items(page.body, field).into_iter(),
                    Ok(None) => return None,
                    Err(error) => return Some((Err(error), (None, buffered))),
                }
            }
        })
    }
}

/// The items array of a page's body.
fn take_items(body: Value, field: &str) -> Vec<Value> {
    match body {
        Value::Object(mut body) => match body.remove(field) {
            Some(Value::Array(items)) => items,
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

fn next_cursor(body: &Value, path: &[&str]) -> Option<String> {
    let mut at = body;
    for key in path {
        at = at.get(*key)?;
    }
    at.as_str().filter(|c| !c.is_empty()).map(str::to_owned)
}

/// `totalPages` of the answer's paging object (`paging`, `pagination`, `pageInfo`, …).
fn total_pages(body: &Value) -> Option<i64> {
    body.as_object()?.values().find_map(|v| v.get("totalPages").and_then(Value::as_i64))
}

/// The items of a generated method's pages (`*_stream`): an error building the parameters or
/// starting the pages is the stream's one item.
pub(crate) fn item_stream<T: DeserializeOwned + Send + 'static>(
    client: &Client,
    operation: &'static str,
    params: Result<CallParams, Error>,
) -> impl Stream<Item = Result<T, Error>> + Send + 'static {
    use futures_util::StreamExt;
    match params.and_then(|params| client.pages(operation, params)) {
        Ok(pages) => pages.items::<T>().left_stream(),
        Err(error) => futures_util::stream::once(async move { Err(error) }).right_stream(),
    }
}
