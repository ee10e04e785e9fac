//! Answers whose body is read as it arrives (downloads): how their request is sent, and the
//! body handed over unread.
//!
//! A streamed answer has no whole-request timeout: the call's timeout bounds the wait for the
//! answer's head, and then the wait for each chunk of its body, so a large file on a slow link
//! is not cut off while it keeps arriving.

use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use bytes::Bytes;

use super::retry::Failure;
use super::{classify, describe};
use crate::error::Error;

/// Sends a request: with `streamed`, `timeout` bounds only the wait for the answer's head.
pub(super) async fn send(
    mut builder: reqwest::RequestBuilder,
    timeout: Option<Duration>,
    streamed: bool,
) -> Result<reqwest::Response, (Failure, String)> {
    let sent = match (timeout, streamed) {
        (Some(timeout), false) => {
            builder = builder.timeout(timeout);
            builder.send().await
        }
        (Some(timeout), true) => match tokio::time::timeout(timeout, builder.send()).await {
            Ok(sent) => sent,
            Err(_) => return Err((Failure::Timeout, format!("no answer arrived within {timeout:?}"))),
        },
        (None, _) => builder.send().await,
    };
    sent.map_err(|e| (classify(&e), describe(e)))
}

/// Where the transport leaves a success answer's body unread, for a download; taken once.
#[derive(Clone, Default)]
pub(crate) struct Unread(Arc<Mutex<Option<Streaming>>>);

/// An answer's body being read, and how long to wait for each chunk.
#[derive(Debug)]
pub(crate) struct Streaming {
    response: reqwest::Response,
    idle: Option<Duration>,
}

impl Unread {
    /// Leaves `response`'s body here, to be read with `idle` as the wait for each chunk.
    pub(super) fn fill(&self, response: reqwest::Response, idle: Option<Duration>) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = Some(Streaming { response, idle });
    }

    /// The body, the first time it is asked for.
    pub(crate) fn take(&self) -> Option<Streaming> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).take()
    }
}

impl fmt::Debug for Unread {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Unread")
    }
}

impl Streaming {
    /// The next chunk, `None` at the end. A chunk that does not arrive within the call's
    /// timeout is a `timeout` error; a connection lost or cut short is a `connection` error
    /// (`what` names the download in both).
    pub(crate) async fn chunk(&mut self, what: &str, attempts: u32) -> Result<Option<Bytes>, Error> {
        let next = self.response.chunk();
        let read = match self.idle {
            Some(idle) => match tokio::time::timeout(idle, next).await {
                Ok(read) => read,
                Err(_) => {
                    let message = format!("{what}: no data arrived for {idle:?}");
                    return Err(Error::Timeout { message, attempts });
                }
            },
            None => next.await,
        };
        read.map_err(|e| {
            let message = format!("{what}: the answer's body broke off: {}", describe(e));
            Error::Connection { message, attempts }
        })
    }
}
