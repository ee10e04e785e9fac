//! Paging through an operation's answers, for every operation that pages, in every language.
//!
//! The spec says how an operation pages ([`Paging`], from the generated table): a cursor the
//! answer returns and the next request sends back, or numbered pages. [`Pages`] fetches one
//! page after another and stops:
//! - when the answer gives no next cursor, or the last numbered page was read (`totalPages`);
//! - at an empty page (which is not returned, unless it is the first);
//! - with a `decode` error when the API repeats a cursor it already gave, or returns the same
//!   numbered page twice: a server that never moves on would otherwise be asked forever. The
//!   page that repeated the cursor is still returned; the error comes next.

use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};

use futures_util::Stream;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::catalog::{CallParams, CallResponse};
use crate::client::Client;
use crate::error::Error;

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
    cursors: HashSet<String>,
    last_page: Option<u64>,
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
            cursors: HashSet::new(),
            last_page: None,
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
            Paging::Cursor { next, .. } => match next_cursor(&response.body, next) {
                None => State::Done,
                Some(next) if !self.cursors.insert(next.clone()) || cursor.as_deref() == Some(next.as_str()) => {
                    State::Failed(Error::decode(
                        format!(
                            "{}: the API gave the cursor {next:?} again; paging stopped so as not to repeat requests forever",
                            self.operation
                        ),
                        None,
                    ))
                }
                Some(next) => State::More { cursor: Some(next), page },
            },
            Paging::Page { first, .. } => {
                let digest = items.map(digest);
                if count > 0 && digest.is_some() && digest == self.last_page {
                    return Err(Error::decode(
                        format!(
                            "{}: page {page} is the same as the page before; paging stopped so as not to repeat requests forever",
                            self.operation
                        ),
                        None,
                    ));
                }
                self.last_page = digest;
                let total = total_pages(&response.body);
                let last = count == 0 || total.is_some_and(|t| page.saturating_sub(first).saturating_add(1) >= t);
                if last { State::Done } else { State::More { cursor, page: page.saturating_add(1) } }
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

fn digest(items: &Vec<Value>) -> u64 {
    let mut hasher = DefaultHasher::new();
    serde_json::to_string(items).unwrap_or_default().hash(&mut hasher);
    hasher.finish()
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
